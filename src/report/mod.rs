//! Reports: the findings of a run and the renderers that print them.
//!
//! [`Report`] is everything a renderer may print: the articles (with their text, for source
//! snippets), their claims, the findings and a summary. Renderers only format; anything that
//! needs computing belongs in the rules, before the report is built.

pub mod finding;

use serde::Serialize;

pub use finding::{Evidence, Finding, FindingKind, Severity};

use crate::claim::Claim;
use crate::input::Article;

/// Counts for the summary line and the `summary` object of machine formats.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Articles checked.
    pub articles: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Agreement findings.
    pub agreements: usize,
    /// Discrepancy findings.
    pub discrepancies: usize,
    /// Unsupported-claim findings.
    pub unsupported: usize,
    /// Findings at error severity.
    pub errors: usize,
    /// Findings at warning severity.
    pub warnings: usize,
    /// Findings at info severity.
    pub infos: usize,
    /// Findings left out because a baseline or suppression covers them.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Counts the findings of a run.
    pub fn count(articles: usize, claims: usize, findings: &[Finding]) -> Summary {
        let mut summary = Summary {
            articles,
            claims,
            ..Summary::default()
        };
        for finding in findings {
            match finding.kind {
                FindingKind::Agreement => summary.agreements += 1,
                FindingKind::Discrepancy => summary.discrepancies += 1,
                FindingKind::Unsupported => summary.unsupported += 1,
            }
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}

/// Everything a `check` run produced, in deterministic order.
#[derive(Clone, Debug)]
pub struct Report {
    /// The articles checked, in input order.
    pub articles: Vec<Article>,
    /// All claims, grouped by article in input order, then by position.
    pub claims: Vec<Claim>,
    /// Findings, sorted by (article, offset, code).
    pub findings: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
}

impl Report {
    /// The article with id `id`.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}
