//! The `github` format: GitHub Actions workflow commands, which GitHub turns into annotations
//! on the pull request's files.
//!
//! One line per finding, in report order:
//!
//! ```text
//! ::error file=seeds/a.md,line=6,col=35,endLine=6,endColumn=46,title=TIME001 (discrepancy)::invasion date differs between 2 sources
//! ```
//!
//! - the command is `error`, `warning` or `notice` for the severities error, warning and info;
//! - `file`, `line`, `col`, `endLine`, `endColumn` locate the primary evidence: the file path
//!   relative to the root option, 1-based file lines, columns in characters, the end column
//!   exclusive (as ruff writes them); a finding whose primary evidence cannot be located has
//!   no position and annotates the run;
//! - `title` is the rule code and the kind of finding;
//! - the message is the finding's message, followed by one line per other piece of evidence
//!   (`path:line:col: label "text"`), so a reader sees every source.
//!
//! GitHub's escaping applies: in the message `%`, `\r` and `\n` become `%25`, `%0D`, `%0A`;
//! property values additionally escape `:` and `,` as `%3A` and `%2C`.

use std::fmt::Write;

use super::source::Sources;
use super::{RenderOptions, Report, Severity};

/// Renders `report` as workflow commands, one line per finding.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let sources = Sources::new(report, options);
    let mut out = String::new();
    for finding in &report.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = Vec::new();
        if let Some(location) = finding.evidence.first().and_then(|e| sources.locate(e)) {
            properties.push(format!("file={}", property(&location.path)));
            properties.push(format!("line={}", location.line));
            properties.push(format!("col={}", location.column));
            properties.push(format!("endLine={}", location.end_line));
            properties.push(format!("endColumn={}", location.end_column));
        }
        properties.push(format!(
            "title={}",
            property(&format!("{} ({})", finding.code, finding.kind.as_str()))
        ));
        let mut message = finding.message.clone();
        for evidence in finding.evidence.iter().skip(1) {
            message.push('\n');
            match sources.locate(evidence) {
                Some(l) => {
                    let _ = write!(message, "{}:{}:{}: ", l.path, l.line, l.column);
                }
                None => {
                    let _ = write!(message, "{}: ", evidence.article);
                }
            }
            if !evidence.label.is_empty() {
                message.push_str(&evidence.label);
                message.push(' ');
            }
            let _ = write!(message, "{:?}", evidence.text);
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&message)
        );
    }
    out
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (GitHub's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_github() {
        assert_eq!(data("50% of\r\nall"), "50%25 of%0D%0Aall");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
