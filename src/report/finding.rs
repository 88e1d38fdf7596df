//! Findings: what the rules conclude about claims, ready for any renderer.
//!
//! A finding holds everything a report prints — kind, code, severity, message, the claims it
//! concerns and the evidence spans — so that renderers only format, never compute.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::text::span::Span;

/// What a finding says about the claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// Sources agree.
    Agreement,
    /// Sources, or one article with itself, disagree.
    Discrepancy,
    /// Nothing independent corroborates the claim.
    Unsupported,
}

impl FindingKind {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Agreement => "agreement",
            FindingKind::Discrepancy => "discrepancy",
            FindingKind::Unsupported => "unsupported",
        }
    }
}

/// How much a finding matters. Ordered from least to most severe.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information.
    Info,
    /// Worth an editor's look.
    Warning,
    /// A fact is in conflict.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// One step less severe (used for hedged claims).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("expected error, warning or info, found {other:?}")),
        }
    }
}

/// A span of one article that a finding rests on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Evidence {
    /// The article id.
    pub article: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// What this piece of evidence shows ("says more than 24 days", "attribution").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
}

impl Evidence {
    /// Evidence for `span` of the article `article` with text `text`.
    pub fn new(article: &str, span: Span, text: &str, label: impl Into<String>) -> Evidence {
        Evidence {
            article: article.to_string(),
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
            label: label.into(),
        }
    }

    /// The evidence span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One conclusion of one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Agreement, discrepancy or unsupported.
    pub kind: FindingKind,
    /// The rule's stable code ("TIME001").
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// One line for a person.
    pub message: String,
    /// The ids of the claims concerned.
    pub claims: Vec<String>,
    /// The spans it rests on; the first is the primary location.
    pub evidence: Vec<Evidence>,
    /// A fingerprint built from the code and the claims' content (not byte offsets), stable
    /// across unrelated edits; used by baselines.
    pub fingerprint: String,
}

impl Finding {
    /// The sort key that makes output deterministic: primary article, offset, code.
    pub fn sort_key(&self) -> (String, usize, String, String) {
        let (article, start) = self
            .evidence
            .first()
            .map_or((String::new(), 0), |e| (e.article.clone(), e.start));
        (article, start, self.code.clone(), self.message.clone())
    }
}
