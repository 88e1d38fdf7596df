//! The `text` format: findings as compiler diagnostics, for a person at a terminal.
//!
//! Each finding prints like a rustc or ruff diagnostic: a header `severity[CODE]: message`,
//! then a code frame for every piece of evidence — the file position (`-->` for the primary
//! evidence, `:::` for the others), the source lines with a line-number gutter, and `^^^`
//! under the span followed by the evidence label — and a `= kind: ...` note that tells an
//! agreement from a discrepancy from an unsupported claim at a glance:
//!
//! ```text
//! error[TIME001]: invasion date differs between 2 sources
//!   --> seeds/kyiv-post.md:6:27
//!    |
//!  6 | Russian forces invaded Ukraine on February 24, 2022.
//!    |                                   ^^^^^^^^^^^ says February 24
//!    |
//!   ::: seeds/wire.txt:1:31
//!    |
//!  1 | Russian troops crossed the border on February 23.
//!    |                                      ^^^^^^^^^^^ says February 23
//!    = kind: discrepancy
//! ```
//!
//! Findings are grouped by kind under a heading — discrepancies first, then unsupported claims,
//! then agreements (most work for an editor first) — and keep the order of
//! [`Report::findings`] within a group. A closing line counts everything:
//! `2 articles, 6 claims: 1 agreement, 1 discrepancy, 1 unsupported (1 error, 1 warning, 1 info)`.
//!
//! Line numbers count lines of the file (front matter included) and columns count characters
//! (see [`super::source`]). Lines longer than [`RenderOptions::width`] characters are windowed
//! around the span, with `...` marking what was cut, so a one-line 2 KB paragraph stays
//! readable. Underlines are aligned by display width: combining marks take no column and East
//! Asian wide characters and emoji two (a small built-in table, not full UAX #11). Control
//! characters in article text are shown as `�` so that text cannot drive the terminal. Colors
//! (ANSI SGR) are used only when [`RenderOptions::color`] is set.

use std::fmt::{self, Write};

use super::escape;
use super::source::{Location, Sources, clamp};
use super::{Evidence, Finding, FindingKind, KIND_ORDER, RenderOptions, Report, Severity, Summary};

/// Renders `report` as terminal diagnostics.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_report(&mut out, report, options);
    out
}

fn write_report(out: &mut String, report: &Report, options: &RenderOptions) -> fmt::Result {
    let paint = Paint { on: options.color };
    let sources = Sources::new(report, options);
    let width = options.width.max(20);
    for kind in KIND_ORDER {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        let heading = format!("{} ({})", group_title(kind), group.len());
        writeln!(
            out,
            "{}",
            paint.paint(Style::Bold, &format!("-- {heading} --"))
        )?;
        writeln!(out)?;
        for finding in group {
            write_finding(out, finding, &sources, width, &paint)?;
            writeln!(out)?;
        }
    }
    if report.findings.is_empty() {
        writeln!(out, "no findings")?;
    }
    writeln!(
        out,
        "{}",
        paint.paint(Style::Bold, &summary_line(&report.summary))
    )
}

fn group_title(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::Discrepancy => "discrepancies",
        FindingKind::Unsupported => "unsupported claims",
        FindingKind::Agreement => "agreements",
    }
}

fn write_finding(
    out: &mut String,
    finding: &Finding,
    sources: &Sources<'_>,
    width: usize,
    paint: &Paint,
) -> fmt::Result {
    let severity_style = Style::Severity(finding.severity);
    writeln!(
        out,
        "{}{}",
        paint.paint(
            severity_style,
            &format!("{}[{}]", finding.severity.as_str(), finding.code)
        ),
        paint.paint(
            Style::Bold,
            &format!(": {}", escape::terminal(&finding.message))
        ),
    )?;
    let located: Vec<(&Evidence, Option<Location>)> = finding
        .evidence
        .iter()
        .map(|e| (e, sources.locate(e)))
        .collect();
    let gutter = located
        .iter()
        .filter_map(|(_, loc)| loc.as_ref().map(|l| l.end_line))
        .max()
        .unwrap_or(1)
        .to_string()
        .len();
    for (i, (evidence, location)) in located.iter().enumerate() {
        let arrow = if i == 0 { "-->" } else { ":::" };
        let blank = " ".repeat(gutter + 1);
        match location {
            Some(location) => {
                writeln!(
                    out,
                    "{}{} {}:{}:{}",
                    " ".repeat(gutter),
                    paint.paint(Style::Gutter, arrow),
                    location.path,
                    location.line,
                    location.column
                )?;
                writeln!(out, "{blank}{}", paint.paint(Style::Gutter, "|"))?;
                write_frame(
                    out,
                    evidence,
                    location,
                    sources,
                    gutter,
                    width,
                    finding.severity,
                    paint,
                )?;
                if i + 1 < located.len() {
                    writeln!(out, "{blank}{}", paint.paint(Style::Gutter, "|"))?;
                }
            }
            None => {
                // The article is not in the report: say which one, and quote the evidence.
                writeln!(
                    out,
                    "{}{} {}",
                    " ".repeat(gutter),
                    paint.paint(Style::Gutter, arrow),
                    escape::terminal(&evidence.article)
                )?;
                writeln!(
                    out,
                    "{blank}{} {:?}{}",
                    paint.paint(Style::Gutter, "="),
                    evidence.text,
                    label_suffix(&evidence.label)
                )?;
            }
        }
    }
    writeln!(
        out,
        "{}{} kind: {}",
        " ".repeat(gutter + 1),
        paint.paint(Style::Gutter, "="),
        paint.paint(Style::Kind(finding.kind), finding.kind.as_str())
    )
}

fn label_suffix(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(" {}", escape::terminal(label))
    }
}

/// Writes the source lines of one piece of evidence with the span underlined.
#[allow(clippy::too_many_arguments)]
fn write_frame(
    out: &mut String,
    evidence: &Evidence,
    location: &Location,
    sources: &Sources<'_>,
    gutter: usize,
    width: usize,
    severity: Severity,
    paint: &Paint,
) -> fmt::Result {
    let (Some(article), Some(index)) = (
        sources.article(&evidence.article),
        sources.line_index(&evidence.article),
    ) else {
        return Ok(());
    };
    let text = article.text.as_str();
    let span = clamp(text, location.span);
    let (first, _) = index.line_col(text, span.start);
    let (mut last, end_col) = index.line_col(text, span.end);
    // A span that ends with its line break does not reach into the next line.
    if last > first && end_col == 1 {
        last -= 1;
    }
    // Long multi-line spans show their first two lines and their last.
    let lines: Vec<Option<usize>> = if last - first >= 3 {
        vec![Some(first), Some(first + 1), None, Some(last)]
    } else {
        (first..=last).map(Some).collect()
    };
    let blank = " ".repeat(gutter + 1);
    for line in lines {
        let Some(line) = line else {
            writeln!(out, "{}", paint.paint(Style::Gutter, "..."))?;
            continue;
        };
        let line_span = index.line_span(text, line);
        let line_text = line_span.slice(text);
        // The underlined part of this line, in bytes relative to the line.
        let from = span.start.max(line_span.start) - line_span.start;
        let to = span.end.clamp(line_span.start, line_span.end) - line_span.start;
        let to = to.max(from);
        let shown = window(line_text, from, to, width);
        let source_line = format!(
            "{} {} {}",
            paint.paint(
                Style::Gutter,
                &format!("{:>gutter$}", sources.file_line(&evidence.article, line))
            ),
            paint.paint(Style::Gutter, "|"),
            shown.text
        );
        writeln!(out, "{}", source_line.trim_end())?;
        let label = if line == last {
            label_suffix(&evidence.label)
        } else {
            String::new()
        };
        // An empty line inside a multi-line span has nothing to underline; an empty span
        // still gets one caret, so it can be seen.
        if shown.mark_width == 0 && first != last && label.is_empty() {
            continue;
        }
        let carets = "^".repeat(shown.mark_width.max(1));
        writeln!(
            out,
            "{blank}{} {}{}",
            paint.paint(Style::Gutter, "|"),
            " ".repeat(shown.mark_column),
            paint.paint(Style::Severity(severity), &format!("{carets}{label}"))
        )?;
    }
    Ok(())
}

/// A line as shown: possibly windowed, with the display column and width of the mark.
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    text: String,
    mark_column: usize,
    mark_width: usize,
}

/// Shows `line` with bytes `from..to` marked, keeping at most `width` characters of it around
/// the mark and `...` where it was cut.
fn window(line: &str, from: usize, to: usize, width: usize) -> Shown {
    let chars: Vec<char> = escape::terminal(line).chars().collect();
    let from_char = line[..from].chars().count();
    let to_char = line[..to].chars().count();
    let total = chars.len();
    let (start, end) = if total <= width {
        (0, total)
    } else {
        let mark = to_char - from_char;
        let start = if mark >= width {
            from_char
        } else {
            // Center the mark, but do not leave room unused at either end.
            (from_char + mark / 2)
                .saturating_sub(width / 2)
                .min(total - width)
        };
        (start, (start + width).min(total))
    };
    let mut text = String::new();
    let mut mark_column = 0;
    if start > 0 {
        text.push_str("...");
        mark_column += 3;
    }
    text.extend(&chars[start..end]);
    if end < total {
        text.push_str("...");
    }
    let visible_from = from_char.clamp(start, end);
    let visible_to = to_char.clamp(start, end);
    mark_column += chars[start..visible_from]
        .iter()
        .map(|&c| char_width(c))
        .sum::<usize>();
    let mark_width = chars[visible_from..visible_to]
        .iter()
        .map(|&c| char_width(c))
        .sum();
    Shown {
        text,
        mark_column,
        mark_width,
    }
}

/// Terminal columns a character takes: 0 for combining marks and zero-width characters, 2 for
/// East Asian wide characters and common emoji, else 1.
fn char_width(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0x20D0..=0x20FF | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// `2 articles, 6 claims: 1 agreement, 1 discrepancy, 1 unsupported (1 error, 1 warning, 1 info)`.
pub(crate) fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "{}, {}: {}, {}, {} unsupported ({}, {}, {} info)",
        plural(summary.articles, "article", "articles"),
        plural(summary.claims, "claim", "claims"),
        plural(summary.agreements, "agreement", "agreements"),
        plural(summary.discrepancies, "discrepancy", "discrepancies"),
        summary.unsupported,
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
        summary.infos,
    );
    if summary.suppressed > 0 {
        line.push_str(&format!("; {} suppressed", summary.suppressed));
    }
    line
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What to color.
#[derive(Clone, Copy, Debug)]
enum Style {
    Bold,
    Gutter,
    Severity(Severity),
    Kind(FindingKind),
}

/// Wraps text in ANSI SGR sequences, or not.
#[derive(Clone, Copy, Debug)]
struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if !self.on || text.is_empty() {
            return text.to_string();
        }
        let code = match style {
            Style::Bold => "1",
            Style::Gutter => "1;34",
            Style::Severity(Severity::Error) => "1;31",
            Style::Severity(Severity::Warning) => "1;33",
            Style::Severity(Severity::Info) => "1;36",
            Style::Kind(FindingKind::Discrepancy) => "31",
            Style::Kind(FindingKind::Unsupported) => "33",
            Style::Kind(FindingKind::Agreement) => "32",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_line_is_not_windowed() {
        let line = "on “February 24”";
        let from = line.find("Feb").unwrap();
        let shown = window(line, from, from + 11, 100);
        assert_eq!(shown.text, line);
        assert_eq!(shown.mark_column, 4);
        assert_eq!(shown.mark_width, 11);
    }

    #[test]
    fn long_line_is_windowed_around_the_mark() {
        let line = format!("{}target{}", "a ".repeat(500), " b".repeat(500));
        let from = line.find("target").unwrap();
        let shown = window(&line, from, from + 6, 40);
        assert!(shown.text.starts_with("..."));
        assert!(shown.text.ends_with("..."));
        assert_eq!(shown.text.chars().count(), 46);
        let marked: String = shown
            .text
            .chars()
            .skip(shown.mark_column)
            .take(shown.mark_width)
            .collect();
        assert_eq!(marked, "target");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let line = "東京で会議";
        let from = line.find('会').unwrap();
        let shown = window(line, from, line.len(), 100);
        assert_eq!(shown.mark_column, 6);
        assert_eq!(shown.mark_width, 4);
    }

    #[test]
    fn summary_line_pluralizes() {
        let summary = Summary {
            articles: 1,
            claims: 2,
            agreements: 0,
            discrepancies: 2,
            unsupported: 1,
            errors: 2,
            warnings: 1,
            infos: 0,
            suppressed: 0,
        };
        assert_eq!(
            summary_line(&summary),
            "1 article, 2 claims: 0 agreements, 2 discrepancies, 1 unsupported (2 errors, 1 warning, 0 info)"
        );
    }
}
