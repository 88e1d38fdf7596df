//! Rule documentation carried in a report, so that renderers can show rule help.
//!
//! SARIF wants a `tool.driver.rules` table with descriptions and help, and Markdown and HTML
//! reports link a finding to what its rule checks and why. The rules layer owns that text (the
//! `[doc]` table of a rule file, in ruff's headings); the pipeline copies it into
//! [`Report::rules`](super::Report::rules) as [`RuleInfo`] so the report module never has to
//! reach back into `rules`.

use serde::{Deserialize, Serialize};

use super::finding::Severity;

/// What one rule is and why it exists: the documentation of a rule, by its stable code.
///
/// Keys serialize in kebab-case, as in rule files (`known-problems`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RuleInfo {
    /// Stable code ("TIME001").
    pub code: String,
    /// Kebab-case rule name ("date-conflict").
    pub name: String,
    /// One line: what the rule reports ("dates of one event differ between sources").
    pub summary: String,
    /// Default severity of its findings.
    pub severity: Severity,
    /// The built-in rule kind it is an instance of ("time-agreement", "support").
    pub kind: String,
    /// What it does (Markdown).
    #[serde(default)]
    pub what: String,
    /// Why it matters (Markdown).
    #[serde(default)]
    pub why: String,
    /// An example (Markdown).
    #[serde(default)]
    pub example: String,
    /// Known problems: when it is wrong (Markdown).
    #[serde(default)]
    pub known_problems: String,
}

impl RuleInfo {
    /// The rule's documentation as one Markdown text under the headings of ruff's rule docs
    /// ("What it does", "Why it matters", "Example", "Known problems"); sections that are
    /// empty are left out.
    pub fn help_markdown(&self) -> String {
        self.render_sections("## ", "\n\n")
    }

    /// The rule's documentation as plain text: each section under its heading.
    pub fn help_text(&self) -> String {
        self.render_sections("", "\n")
    }

    /// Each non-empty section as `marker`, heading, `gap`, body, with a blank line between
    /// sections; the summary alone when every section is empty.
    fn render_sections(&self, marker: &str, gap: &str) -> String {
        let mut out = String::new();
        for (heading, body) in self.sections() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(marker);
            out.push_str(heading);
            out.push_str(gap);
            out.push_str(body.trim_end());
            out.push('\n');
        }
        if out.is_empty() {
            out.push_str(self.summary.trim());
            out.push('\n');
        }
        out
    }

    /// The non-empty documentation sections, in order, with their headings.
    pub fn sections(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("What it does", self.what.as_str()),
            ("Why it matters", self.why.as_str()),
            ("Example", self.example.as_str()),
            ("Known problems", self.known_problems.as_str()),
        ]
        .into_iter()
        .filter(|(_, body)| !body.trim().is_empty())
    }
}
