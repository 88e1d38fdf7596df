//! The editorial CI gate: what decides which findings of a run count.
//!
//! The rules say what is a finding; the gate says which findings a particular run reports
//! and fails on, from the project's own decisions:
//!
//! - [`config`]: the project configuration (`claimcheck.toml` with `[check]`, `[rules]`,
//!   `[published]`), found by walking up from the current directory;
//! - [`suppress`]: inline `<!-- claimcheck-disable CODE -->` comments in Markdown and HTML
//!   articles;
//! - [`baseline`]: known findings, by content fingerprint, that no longer fail the run;
//! - [`changed`]: `--changed-since REF`, only findings touching lines changed since a git
//!   revision.
//!
//! Each step filters a finished [`Report`] and recounts its summary; none of them changes a
//! finding. Suppressed and baselined findings are counted in `summary.suppressed`; findings
//! outside a change are simply out of scope.

pub mod baseline;
pub mod changed;
pub mod config;
pub mod suppress;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::input::Article;
use crate::report::{Finding, RenderOptions, Report, Severity, Sources, Summary};

pub use baseline::Baseline;
pub use changed::Changed;
pub use config::Config;
pub use suppress::Suppressions;

/// Keeps the findings `keep` accepts and recounts the summary (keeping its `suppressed`
/// count). Returns how many findings were removed.
pub fn retain(report: &mut Report, mut keep: impl FnMut(&Report, &Finding) -> bool) -> usize {
    let findings = std::mem::take(&mut report.findings);
    let before = findings.len();
    let kept: Vec<Finding> = findings.into_iter().filter(|f| keep(report, f)).collect();
    let removed = before - kept.len();
    report.findings = kept;
    let suppressed = report.summary.suppressed;
    report.summary = Summary::count(report.articles.len(), report.claims.len(), &report.findings);
    report.summary.suppressed = suppressed;
    removed
}

/// Gives every finding of rule `code` the severity `severity` and recounts the summary. A
/// severity override is the project's decision about a rule, so it replaces the grading the
/// rule does itself (hedged claims one step lower, anonymous sources raised). Returns how many
/// findings it changed.
pub fn set_severity(report: &mut Report, code: &str, severity: Severity) -> usize {
    let mut changed = 0;
    for finding in &mut report.findings {
        if finding.code.eq_ignore_ascii_case(code) && finding.severity != severity {
            finding.severity = severity;
            changed += 1;
        }
    }
    retain(report, |_, _| true);
    changed
}

/// Removes the findings that inline suppression comments switch off, counting them as
/// suppressed. `known` says whether a rule code exists. Returns the suppression errors (an
/// unknown code or directive), one per bad comment; the good comments still apply.
pub fn apply_suppressions(
    report: &mut Report,
    known: impl Fn(&str) -> bool,
) -> Vec<suppress::SuppressError> {
    let mut errors = Vec::new();
    let mut by_article: BTreeMap<String, Suppressions> = BTreeMap::new();
    for article in &report.articles {
        let comments = match suppress::comments(article) {
            Ok(comments) => comments,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let (suppressions, bad) =
            Suppressions::build(Path::new(&article.origin), &comments, &known);
        errors.extend(bad);
        if !suppressions.is_empty() {
            by_article.insert(article.id.clone(), suppressions);
        }
    }
    if by_article.is_empty() {
        return errors;
    }
    let removed = retain(report, |report, finding| {
        !by_article.iter().any(|(id, suppressions)| {
            report.article(id).is_some_and(|article| {
                suppress::evidence_lines(finding, article)
                    .any(|(first, last)| suppressions.covers(&finding.code, first, last))
            })
        })
    });
    report.summary.suppressed += removed;
    errors
}

/// Removes the findings `baseline` knows, counting them as suppressed. Returns how many.
pub fn apply_baseline(report: &mut Report, baseline: &Baseline) -> usize {
    let removed = retain(report, |_, finding| !baseline.contains(finding));
    report.summary.suppressed += removed;
    removed
}

/// The file an article came from and the lines of it that are the article, when the article
/// is one line of a JSON Lines file; `whole` when positions in its text are not lines of the
/// file (HTML, JSON).
pub struct Origin {
    /// The file.
    pub path: PathBuf,
    /// The article's line in a JSON Lines file.
    pub line: Option<usize>,
    /// Whether only the whole file can be located (HTML, JSON).
    pub whole: bool,
}

impl Origin {
    /// Splits an article origin — `path`, `path:LINE` (JSON Lines), `path[INDEX]` (a JSON
    /// array) — into its file and place.
    pub fn of(article: &Article) -> Origin {
        let o = article.origin.as_str();
        if let Some(open) = o.rfind('[').filter(|_| o.ends_with(']')) {
            return Origin {
                path: PathBuf::from(&o[..open]),
                line: None,
                whole: true,
            };
        }
        if let Some((path, line)) = o.rsplit_once(':') {
            let lines = path.ends_with(".jsonl") || path.ends_with(".ndjson");
            if let (true, Ok(line)) = (lines, line.parse::<usize>()) {
                return Origin {
                    path: PathBuf::from(path),
                    line: Some(line),
                    whole: false,
                };
            }
        }
        let lower = o.to_ascii_lowercase();
        let whole = [".html", ".htm", ".json"]
            .iter()
            .any(|e| lower.ends_with(e));
        Origin {
            path: PathBuf::from(o),
            line: None,
            whole,
        }
    }
}

/// Keeps only the findings with evidence on a line `changed` lists; article paths are
/// resolved against `cwd`. Returns how many were left out.
pub fn restrict_to_changed(report: &mut Report, changed: &Changed, cwd: &Path) -> usize {
    let origins: BTreeMap<String, Origin> = report
        .articles
        .iter()
        .map(|a| {
            let mut o = Origin::of(a);
            if o.path.is_relative() {
                o.path = cwd.join(&o.path);
            }
            (a.id.clone(), o)
        })
        .collect();
    let options = RenderOptions::default();
    let keep: Vec<bool> = {
        let sources = Sources::new(report, &options);
        report
            .findings
            .iter()
            .map(|finding| {
                finding.evidence.iter().any(|evidence| {
                    let Some(o) = origins.get(&evidence.article) else {
                        return false;
                    };
                    if o.whole {
                        return changed.touches(&o.path, None);
                    }
                    if let Some(line) = o.line {
                        return changed.touches(&o.path, Some((line, line)));
                    }
                    sources.locate(evidence).is_some_and(|at| {
                        // An end column of 1 means the span ends with the line before.
                        let last = if at.end_column <= 1 && at.end_line > at.line {
                            at.end_line - 1
                        } else {
                            at.end_line
                        };
                        changed.touches(&o.path, Some((at.line, last)))
                    })
                })
            })
            .collect()
    };
    let mut keep = keep.into_iter();
    retain(report, |_, _| keep.next().unwrap_or(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(origin: &str) -> Article {
        Article {
            id: "a".to_string(),
            origin: origin.to_string(),
            text: String::new(),
            body_offset: 0,
            front_matter: String::new(),
            meta: Default::default(),
        }
    }

    #[test]
    fn origins_name_the_file_and_place() {
        let o = Origin::of(&article("data/batch.jsonl:3"));
        assert_eq!(
            (o.path, o.line, o.whole),
            (PathBuf::from("data/batch.jsonl"), Some(3), false)
        );
        let o = Origin::of(&article("data/all.json[2]"));
        assert_eq!(
            (o.path, o.line, o.whole),
            (PathBuf::from("data/all.json"), None, true)
        );
        let o = Origin::of(&article("news/page.HTML"));
        assert!(o.whole);
        let o = Origin::of(&article("news/a:b.md"));
        assert_eq!(
            (o.path, o.line, o.whole),
            (PathBuf::from("news/a:b.md"), None, false)
        );
    }
}
