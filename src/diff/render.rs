//! Renderers for version diffs: every `--format` of the command line, each a pure function
//! from the diffs to the bytes to print. They print what the [`VersionDiff`]s hold and compute
//! nothing beyond positions (line and column from byte offsets) and the `--fail-on` predicate
//! [`VersionDiff::fails`], which the exit code uses too.
//!
//! | format     | for                                                                   |
//! |------------|-----------------------------------------------------------------------|
//! | `text`     | a terminal: each change with the old and the new sentence and a word diff |
//! | `json`     | programs: the `diff --format json` contract of DESIGN.md              |
//! | `jsonl`    | streams: one `change` line per change, one `summary` line per diff    |
//! | `markdown` | a correction log for an editor or a pull request                     |
//! | `sarif`    | code scanning: one result per change, located in the new version     |
//! | `junit`    | CI: one test case per change, failing ones at `--fail-on`            |
//! | `github`   | GitHub Actions annotations on the new version                        |
//! | `html`     | one self-contained page with the word diffs                          |
//!
//! A history (`--history DIR`) is a list of diffs, one per consecutive pair of versions; each
//! format prints them in order (JSON wraps them in `{"version": 1, "history": [...]}`).

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::VersionDiff;
use super::model::{Change, ChangeKind, Class, Excerpt, FieldChange, WordOp, Words};
use crate::input::Article;
use crate::report::Format;
use crate::report::escape;
use crate::text::span::LineIndex;

/// How to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// ANSI colors in text output.
    pub color: bool,
    /// The least class that fails the run (`--fail-on`); `None` for never.
    pub fail_on: Option<Class>,
}

impl Default for Options {
    /// No color, fail on factual changes.
    fn default() -> Options {
        Options {
            color: false,
            fail_on: Some(Class::Factual),
        }
    }
}

/// One diff with the two versions it compares (for positions).
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// The old version.
    pub old: &'a Article,
    /// The new version.
    pub new: &'a Article,
    /// Their diff.
    pub diff: &'a VersionDiff,
}

/// Renders `steps` in `format`.
pub fn render(format: Format, steps: &[Step<'_>], options: &Options) -> String {
    match format {
        Format::Text => text(steps, options),
        Format::Json => {
            let value = if steps.len() == 1 {
                diff_json(&steps[0], options, true)
            } else {
                json!({
                    "version": 1,
                    "history": steps.iter().map(|s| diff_json(s, options, false)).collect::<Vec<_>>(),
                })
            };
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
        Format::Jsonl => jsonl(steps, options),
        Format::Markdown => markdown(steps, options),
        Format::Sarif => sarif(steps, options),
        Format::Junit => junit(steps, options),
        Format::Github => github(steps, options),
        Format::Html => html(steps, options),
    }
}

/// A position in a file: 1-based line and column (characters), counting front-matter lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn position(article: &Article, excerpt: &Excerpt) -> Position {
    let text = article.text.as_str();
    let index = LineIndex::new(text);
    let before = article.front_matter.matches('\n').count();
    let start = excerpt.start.min(text.len());
    let end = excerpt.end.min(text.len()).max(start);
    let (line, column) = index.line_col(text, start);
    let (end_line, end_column) = index.line_col(text, end);
    Position {
        line: line + before,
        column,
        end_line: end_line + before,
        end_column,
    }
}

/// Where a change is: in the new version when it has a side there, else in the old one.
fn locate<'a>(step: &Step<'a>, change: &Change) -> Option<(&'a Article, Position)> {
    if let Some(new) = &change.new {
        Some((step.new, position(step.new, new)))
    } else {
        change
            .old
            .as_ref()
            .map(|old| (step.old, position(step.old, old)))
    }
}

fn fields_text(change: &Change) -> String {
    FieldChange::summary(&change.fields)
}

fn verdict(step: &Step<'_>, options: &Options) -> String {
    let failed = step.diff.failed(options.fail_on);
    match (&step.diff.note, options.fail_on) {
        (Some(note), _) if !step.diff.changes.is_empty() => {
            format!("accepted by correction note: \"{}\"", note.text)
        }
        (_, Some(level)) if failed => format!("fails at --fail-on {}", level.as_str()),
        _ => "passes".to_string(),
    }
}

fn counts(diff: &VersionDiff) -> String {
    let s = &diff.summary;
    let n = diff.changes.len();
    let mut parts = Vec::new();
    for (count, name) in [
        (s.factual, "factual"),
        (s.attribution, "attribution"),
        (s.hedge, "hedge"),
        (s.wording, "wording"),
    ] {
        if count > 0 {
            parts.push(format!("{count} {name}"));
        }
    }
    let what = if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    };
    format!(
        "{n} change{}{what}; {} claims before, {} after",
        if n == 1 { "" } else { "s" },
        s.old_claims,
        s.new_claims
    )
}

// ---- text ----

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn one_line(text: &str) -> String {
    escape::terminal(&align_key(text)).into_owned()
}

fn align_key(text: &str) -> String {
    super::align::sentence_key(text)
}

fn word_line(words: &[Words], color: bool) -> String {
    let mut out = String::new();
    for w in words {
        let t = one_line_keep_edges(&w.text);
        match w.op {
            WordOp::Equal => out.push_str(&t),
            WordOp::Delete => out.push_str(&paint(color, "31", &format!("[-{t}-]"))),
            WordOp::Insert => out.push_str(&paint(color, "32", &format!("{{+{t}+}}"))),
        }
    }
    out
}

/// Collapses white space runs to one space, keeping a leading or trailing one.
fn one_line_keep_edges(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    escape::terminal(&out).into_owned()
}

fn text(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::new();
    let color = options.color;
    for step in steps {
        let diff = step.diff;
        let _ = writeln!(
            out,
            "{} {} → {}",
            paint(color, "1", "diff"),
            step.old.origin,
            step.new.origin
        );
        for change in &diff.changes {
            let class = change.class.as_str();
            let code = match change.class {
                Class::Factual => "1;31",
                Class::Attribution => "1;35",
                Class::Hedge => "1;33",
                Class::Wording => "1;36",
            };
            let _ = writeln!(
                out,
                "{}: {}",
                paint(color, code, class),
                escape::terminal(&change.message)
            );
            if let Some((article, p)) = locate(step, change) {
                let _ = writeln!(out, "  --> {}:{}:{}", article.origin, p.line, p.column);
            }
            if let Some(old) = &change.old {
                let p = position(step.old, old);
                let _ = writeln!(out, "  old {:>4} | {}", p.line, one_line(&old.text));
            }
            if let Some(new) = &change.new {
                let p = position(step.new, new);
                let _ = writeln!(out, "  new {:>4} | {}", p.line, one_line(&new.text));
            }
            if change.words.iter().any(|w| w.op != WordOp::Equal) {
                let _ = writeln!(out, "  words    | {}", word_line(&change.words, color));
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}: {} — {}",
            paint(color, "1", "summary"),
            counts(diff),
            verdict(step, options)
        );
        if steps.len() > 1 {
            out.push('\n');
        }
    }
    out
}

// ---- json / jsonl ----

fn excerpt_json(excerpt: Option<&Excerpt>) -> Value {
    excerpt.map_or(
        Value::Null,
        |e| json!({"start": e.start, "end": e.end, "text": e.text}),
    )
}

fn change_json(step: &Step<'_>, change: &Change, options: &Options) -> Value {
    let mut value = json!({
        "class": change.class,
        "change": change.change,
        "message": change.message,
        "fields": change.fields,
        "old": excerpt_json(change.old.as_ref()),
        "new": excerpt_json(change.new.as_ref()),
        "fails": step.diff.fails(change, options.fail_on),
    });
    if let Some(claim) = &change.claim {
        value["claim"] = json!(claim);
    }
    if !change.words.is_empty() {
        value["words"] = json!(change.words);
    }
    value
}

fn summary_json(step: &Step<'_>, options: &Options) -> Value {
    let diff = step.diff;
    let mut summary = serde_json::to_value(&diff.summary).unwrap_or(Value::Null);
    summary["class"] = json!(diff.class());
    summary["failed"] = json!(diff.failed(options.fail_on));
    summary["fail_on"] = json!(options.fail_on.map_or("never", Class::as_str));
    summary
}

fn diff_json(step: &Step<'_>, options: &Options, versioned: bool) -> Value {
    let diff = step.diff;
    let mut value = json!({
        "old": {"id": diff.old.id, "origin": diff.old.origin},
        "new": {"id": diff.new.id, "origin": diff.new.origin},
        "changes": diff.changes.iter().map(|c| change_json(step, c, options)).collect::<Vec<_>>(),
        "note": excerpt_json(diff.note.as_ref()),
        "summary": summary_json(step, options),
    });
    if versioned {
        value["version"] = json!(1);
    }
    value
}

fn jsonl(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::new();
    for step in steps {
        let ids = json!({"old": step.diff.old.id, "new": step.diff.new.id});
        for change in &step.diff.changes {
            let mut value = change_json(step, change, options);
            value["type"] = json!("change");
            value["versions"] = ids.clone();
            out.push_str(&value.to_string());
            out.push('\n');
        }
        let value = json!({
            "type": "summary",
            "versions": ids,
            "note": excerpt_json(step.diff.note.as_ref()),
            "summary": summary_json(step, options),
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}

// ---- markdown ----

fn markdown_words(words: &[Words]) -> String {
    let mut out = String::new();
    for w in words {
        let t = escape::markdown(&one_line_keep_edges(&w.text));
        let (lead, body, trail) = edges(&t);
        match w.op {
            WordOp::Equal => out.push_str(&t),
            WordOp::Delete if !body.is_empty() => {
                let _ = write!(out, "{lead}~~{body}~~{trail}");
            }
            WordOp::Insert if !body.is_empty() => {
                let _ = write!(out, "{lead}**{body}**{trail}");
            }
            _ => out.push_str(&t),
        }
    }
    out
}

/// Splits off leading and trailing spaces (Markdown emphasis must hug its text).
fn edges(text: &str) -> (&str, &str, &str) {
    let body = text.trim();
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    (lead, body, trail)
}

fn markdown(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::new();
    for step in steps {
        let diff = step.diff;
        let _ = writeln!(
            out,
            "## Changes: `{}` → `{}`\n",
            step.old.origin.replace('`', "'"),
            step.new.origin.replace('`', "'")
        );
        let _ = writeln!(out, "{} — {}.\n", counts(diff), verdict(step, options));
        if diff.changes.is_empty() {
            continue;
        }
        out.push_str("| # | class | change | what | where |\n|---|---|---|---|---|\n");
        for (n, change) in diff.changes.iter().enumerate() {
            let place = locate(step, change).map_or(String::new(), |(a, p)| {
                format!("{}:{}", escape::markdown(&a.origin), p.line)
            });
            let what = if change.fields.is_empty() {
                change.message.clone()
            } else {
                fields_text(change)
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                n + 1,
                change.class.as_str(),
                change.change.as_str(),
                escape::markdown(&what).replace('|', "\\|"),
                place.replace('|', "\\|")
            );
        }
        out.push('\n');
        for (n, change) in diff.changes.iter().enumerate() {
            let _ = writeln!(
                out,
                "### {}. {} — {}\n",
                n + 1,
                change.class.as_str(),
                escape::markdown(&change.message)
            );
            if change.words.iter().any(|w| w.op != WordOp::Equal) {
                let _ = writeln!(out, "> {}\n", markdown_words(&change.words));
            } else {
                if let Some(old) = &change.old {
                    let _ = writeln!(
                        out,
                        "Before:\n\n> {}\n",
                        escape::markdown(&align_key(&old.text))
                    );
                }
                if let Some(new) = &change.new {
                    let _ = writeln!(
                        out,
                        "After:\n\n> {}\n",
                        escape::markdown(&align_key(&new.text))
                    );
                }
            }
        }
        if let Some(note) = &diff.note {
            let _ = writeln!(out, "Correction note: > {}\n", escape::markdown(&note.text));
        }
    }
    out
}

// ---- sarif / github / junit ----

fn rule_id(class: Class) -> String {
    format!("diff/{}", class.as_str())
}

fn level(step: &Step<'_>, change: &Change, options: &Options) -> &'static str {
    if step.diff.fails(change, options.fail_on) {
        "error"
    } else if change.class == Class::Wording {
        "note"
    } else {
        "warning"
    }
}

fn sarif(steps: &[Step<'_>], options: &Options) -> String {
    let rules: Vec<Value> = Class::ALL
        .iter()
        .rev()
        .map(|c| {
            json!({
                "id": rule_id(*c),
                "name": format!("{}-change", c.as_str()),
                "shortDescription": {"text": format!("A {} change between two versions of an article", c.as_str())},
            })
        })
        .collect();
    let mut results = Vec::new();
    for step in steps {
        for change in &step.diff.changes {
            let index = Class::ALL.len() - 1 - change.class as usize;
            let mut result = json!({
                "ruleId": rule_id(change.class),
                "ruleIndex": index,
                "level": level(step, change, options),
                "message": {"text": format!("{} ({})", change.message, change.change.as_str())},
                "properties": {
                    "class": change.class,
                    "change": change.change,
                    "fields": change.fields,
                    "old": excerpt_json(change.old.as_ref()),
                },
            });
            if let Some((article, p)) = locate(step, change) {
                result["locations"] = json!([{
                    "physicalLocation": {
                        "artifactLocation": {"uri": escape::uri_path(&article.origin)},
                        "region": {
                            "startLine": p.line, "startColumn": p.column,
                            "endLine": p.end_line, "endColumn": p.end_column,
                        },
                    },
                }]);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": crate::report::sarif::SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "defaultEncoding": "utf-8",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}

fn github_escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

fn github(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::new();
    for step in steps {
        for change in &step.diff.changes {
            let command = match level(step, change, options) {
                "error" => "error",
                "warning" => "warning",
                _ => "notice",
            };
            let mut properties = Vec::new();
            if let Some((article, p)) = locate(step, change) {
                properties.push(format!("file={}", github_escape(&article.origin, true)));
                properties.push(format!("line={}", p.line));
                properties.push(format!("col={}", p.column));
                properties.push(format!("endLine={}", p.end_line));
                properties.push(format!("endColumn={}", p.end_column));
            }
            properties.push(format!(
                "title={}",
                github_escape(
                    &format!(
                        "{} change ({})",
                        change.class.as_str(),
                        change.change.as_str()
                    ),
                    true
                )
            ));
            let _ = writeln!(
                out,
                "::{command} {}::{}",
                properties.join(","),
                github_escape(&change.message, false)
            );
        }
    }
    out
}

fn junit(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let tests: usize = steps.iter().map(|s| s.diff.changes.len().max(1)).sum();
    let failures: usize = steps
        .iter()
        .map(|s| {
            s.diff
                .changes
                .iter()
                .filter(|c| s.diff.fails(c, options.fail_on))
                .count()
        })
        .sum();
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck diff\" tests=\"{tests}\" failures=\"{failures}\">"
    );
    for step in steps {
        let diff = step.diff;
        let name = format!("{} → {}", step.old.origin, step.new.origin);
        let failed = diff
            .changes
            .iter()
            .filter(|c| diff.fails(c, options.fail_on))
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">",
            escape::xml(&name),
            diff.changes.len().max(1)
        );
        if diff.changes.is_empty() {
            out.push_str("    <testcase name=\"no changes\" classname=\"diff\"/>\n");
        }
        for (n, change) in diff.changes.iter().enumerate() {
            let case = format!("{}. {}", n + 1, change.message);
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"diff.{}\"",
                escape::xml(&case),
                change.class.as_str()
            );
            if diff.fails(change, options.fail_on) {
                let place = locate(step, change).map_or(String::new(), |(a, p)| {
                    format!("{}:{}:{}", a.origin, p.line, p.column)
                });
                let _ = writeln!(
                    out,
                    ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                    change.class.as_str(),
                    escape::xml(&change.message),
                    escape::xml_text(&place)
                );
            } else {
                out.push_str("/>\n");
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

// ---- html ----

fn html(steps: &[Step<'_>], options: &Options) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>claimcheck diff</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\ndel{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\n.factual{color:#b00}.attribution{color:#80a}.hedge{color:#a60}.wording{color:#066}\nli{margin-bottom:1rem}.where{color:#666;font-size:90%}\n</style>\n</head>\n<body>\n",
    );
    for step in steps {
        let diff = step.diff;
        let _ = writeln!(
            out,
            "<h2>{} → {}</h2>\n<p>{} — {}.</p>",
            escape::xml_text(&step.old.origin),
            escape::xml_text(&step.new.origin),
            escape::xml_text(&counts(diff)),
            escape::xml_text(&verdict(step, options))
        );
        out.push_str("<ol>\n");
        for change in &diff.changes {
            let _ = write!(
                out,
                "<li><strong class=\"{0}\">{0}</strong> {1}",
                change.class.as_str(),
                escape::xml_text(&change.message)
            );
            if let Some((article, p)) = locate(step, change) {
                let _ = write!(
                    out,
                    " <span class=\"where\">{}:{}:{}</span>",
                    escape::xml_text(&article.origin),
                    p.line,
                    p.column
                );
            }
            out.push_str("<br>");
            if change.words.is_empty() {
                let side = match change.change {
                    ChangeKind::Removed => change.old.as_ref().map(|e| ("del", e)),
                    _ => change.new.as_ref().map(|e| ("ins", e)),
                };
                if let Some((tag, e)) = side {
                    let _ = write!(
                        out,
                        "<{tag}>{}</{tag}>",
                        escape::xml_text(&align_key(&e.text))
                    );
                }
            }
            for w in &change.words {
                let t = escape::xml_text(&w.text).into_owned();
                match w.op {
                    WordOp::Equal => out.push_str(&t),
                    WordOp::Delete => {
                        let _ = write!(out, "<del>{t}</del>");
                    }
                    WordOp::Insert => {
                        let _ = write!(out, "<ins>{t}</ins>");
                    }
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
