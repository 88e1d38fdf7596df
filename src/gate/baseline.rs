//! Baselines: the known findings of a project, by fingerprint, that do not fail the gate.
//!
//! A team adopting the gate on an existing archive writes a baseline once
//! (`--write-baseline FILE`) and from then on only new findings fail (`--baseline FILE`).
//! A finding's fingerprint is a hash of its rule code and the ids of its claims, and a claim id
//! is a hash of the claim's content (event, participants, time value, quantities, polarity),
//! never of byte offsets: editing an unrelated sentence above a known finding keeps it known,
//! while changing the date or number the finding rests on makes it a new finding.
//!
//! The file is JSON, one entry a finding, sorted, so that it diffs well in review:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"fingerprint": "…", "code": "TIME003", "article": "…", "message": "…"}
//!   ]
//! }
//! ```
//!
//! Only `fingerprint` is used for matching; `code`, `article` and `message` are for the
//! people reviewing the file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::report::{Finding, FindingKind};

/// The baseline format's version.
pub const VERSION: u32 = 1;

/// One known finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The finding's fingerprint (the only field used for matching).
    pub fingerprint: String,
    /// The rule code, for readers.
    #[serde(default)]
    pub code: String,
    /// The primary article id, for readers.
    #[serde(default)]
    pub article: String,
    /// The message, for readers.
    #[serde(default)]
    pub message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// A problem reading a baseline file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct BaselineError {
    /// The baseline file.
    pub path: PathBuf,
    /// 1-based line (1 when the file cannot be read).
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// A set of known findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: Vec<Entry>,
    fingerprints: BTreeSet<String>,
}

impl Baseline {
    /// The baseline of `findings`: every finding but agreements (which never fail a run).
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let entries = findings
            .iter()
            .filter(|f| f.kind != FindingKind::Agreement)
            .map(|f| Entry {
                fingerprint: f.fingerprint.clone(),
                code: f.code.clone(),
                article: f
                    .evidence
                    .first()
                    .map(|e| e.article.clone())
                    .unwrap_or_default(),
                message: f.message.clone(),
            })
            .collect();
        Baseline::from_entries(entries)
    }

    fn from_entries(mut entries: Vec<Entry>) -> Baseline {
        entries.sort_by(|a, b| {
            (&a.article, &a.code, &a.fingerprint).cmp(&(&b.article, &b.code, &b.fingerprint))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        let fingerprints = entries.iter().map(|e| e.fingerprint.clone()).collect();
        Baseline {
            entries,
            fingerprints,
        }
    }

    /// Parses baseline `text` read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Baseline, BaselineError> {
        let file: File = serde_json::from_str(text).map_err(|e| BaselineError {
            path: path.to_path_buf(),
            line: e.line().max(1),
            message: format!(
                "expected a claimcheck baseline ({{\"version\": 1, \"findings\": [...]}}): {e}"
            ),
        })?;
        if file.version != VERSION {
            return Err(BaselineError {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "baseline version {} is not supported; expected {VERSION}",
                    file.version
                ),
            });
        }
        Ok(Baseline::from_entries(file.findings))
    }

    /// Reads the baseline file at `path`.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError {
            path: path.to_path_buf(),
            line: 1,
            message: format!("cannot read baseline: {e}"),
        })?;
        Baseline::parse(path, &text)
    }

    /// The file contents: pretty JSON, entries sorted by article, code and fingerprint, ending
    /// in a newline.
    pub fn to_json(&self) -> String {
        let file = File {
            version: VERSION,
            findings: self.entries.clone(),
        };
        let mut out = serde_json::to_string_pretty(&file).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Whether `finding` is known.
    pub fn contains(&self, finding: &Finding) -> bool {
        self.fingerprints.contains(&finding.fingerprint)
    }

    /// The number of known findings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the baseline holds no finding.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Evidence, Severity};

    fn finding(kind: FindingKind, fingerprint: &str) -> Finding {
        Finding {
            kind,
            code: "TIME001".to_string(),
            severity: Severity::Error,
            message: "dates differ".to_string(),
            claims: vec!["c1".to_string()],
            evidence: vec![Evidence {
                article: "a".to_string(),
                start: 0,
                end: 1,
                text: "x".to_string(),
                label: String::new(),
            }],
            fingerprint: fingerprint.to_string(),
        }
    }

    #[test]
    fn round_trips_and_matches_by_fingerprint() {
        let findings = [
            finding(FindingKind::Discrepancy, "f2"),
            finding(FindingKind::Discrepancy, "f1"),
            finding(FindingKind::Agreement, "f3"),
        ];
        let baseline = Baseline::from_findings(&findings);
        assert_eq!(baseline.len(), 2, "agreements are left out");
        let json = baseline.to_json();
        assert!(
            json.find("\"f1\"").unwrap() < json.find("\"f2\"").unwrap(),
            "{json}"
        );
        let back = Baseline::parse(Path::new("b.json"), &json).unwrap();
        assert_eq!(back, baseline);
        assert!(back.contains(&finding(FindingKind::Discrepancy, "f1")));
        assert!(!back.contains(&finding(FindingKind::Discrepancy, "f9")));
    }

    #[test]
    fn bad_files_name_the_file_and_line() {
        let error = Baseline::parse(Path::new("b.json"), "{\"version\": 1,\n\"findings\": [1]}")
            .unwrap_err();
        assert_eq!(error.line, 2);
        assert!(
            error
                .to_string()
                .starts_with("b.json:2: expected a claimcheck baseline")
        );
        let error =
            Baseline::parse(Path::new("b.json"), "{\"version\": 9, \"findings\": []}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.json:1: baseline version 9 is not supported; expected 1"
        );
    }
}
