//! The `sarif` format: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers).
//!
//! One SARIF log with one run:
//!
//! - `tool.driver`: `name` `claimcheck`, `version` and `semanticVersion` (the crate version),
//!   and `rules`: one reporting descriptor per entry of [`Report::rules`] (`id` = code, `name`,
//!   `shortDescription` = summary, `fullDescription` = what it does, `help` with `text` and
//!   `markdown` built from the rule's documentation sections, `defaultConfiguration.level`,
//!   and `properties.tags` = the rule kind), followed by a bare `{"id"}` descriptor for any code
//!   that findings use but `rules` does not document, so every `ruleIndex` is valid.
//! - `columnKind` `unicodeCodePoints` and `defaultEncoding` `utf-8`: columns count characters,
//!   as everywhere in claimcheck.
//! - `results`: one per finding, in report order, with `ruleId`, `ruleIndex`, `kind`, `level`,
//!   `message.text`, `locations` (the primary evidence), `relatedLocations` (every other piece
//!   of evidence, with ids 1, 2, ... and a message naming the outlet and the evidence label),
//!   `partialFingerprints` `{"claimcheck/v1": fingerprint}` and `properties` (`findingKind`,
//!   `severity` and `claims`, the claim ids).
//!
//! Result `kind` and `level`: a discrepancy or an unsupported claim is `kind: "fail"` with the
//! level of its severity (`error`, `warning`, `note` for info). An agreement is
//! `kind: "pass"` with `level: "none"` — the cross-check was evaluated and found no problem —
//! because SARIF requires `level` to be `none` for any kind other than `fail`; its severity is
//! kept in `properties.severity`. Code scanning services show only `fail` results as alerts,
//! which is what an agreement should not be.
//!
//! Locations: `artifactLocation.uri` is the article's path relative to the root option, with
//! forward slashes, percent-encoded as a URI reference; `region` has `startLine`,
//! `startColumn`, `endLine`, `endColumn` (exclusive) in the file, `charOffset` and `charLength`
//! in the file (left out when the article's front matter is unknown, see
//! [`super::source`]), and a `snippet` with the evidence text.
//!
//! There are no timestamps, invocation records or GUIDs, so output is deterministic.

use std::collections::BTreeMap;

use serde::Serialize;

use super::escape;
use super::json::to_json;
use super::source::Sources;
use super::{Evidence, FindingKind, RenderOptions, Report, Severity};

/// The schema URI written in `$schema`: the OASIS 2.1.0 schema (errata 01).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "claimcheck/v1";

#[derive(Serialize)]
struct Log<'r> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'r>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'r> {
    tool: Tool<'r>,
    column_kind: &'static str,
    default_encoding: &'static str,
    results: Vec<SarifResult<'r>>,
}

#[derive(Serialize)]
struct Tool<'r> {
    driver: Driver<'r>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'r> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor<'r>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'r> {
    id: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'r str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<DescriptorProperties<'r>>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties<'r> {
    tags: Vec<&'r str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'r> {
    rule_id: &'r str,
    rule_index: usize,
    kind: &'static str,
    level: &'static str,
    message: Message,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: BTreeMap<&'static str, &'r str>,
    properties: ResultProperties<'r>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'r> {
    finding_kind: &'static str,
    severity: &'static str,
    claims: &'r [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    message: Message,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_offset: Option<usize>,
    char_length: usize,
    snippet: Message,
}

/// The SARIF `level` of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders `report` as a pretty-printed SARIF 2.1.0 log followed by a line break.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let sources = Sources::new(report, options);
    let mut rules: Vec<Descriptor<'_>> = report
        .rules
        .iter()
        .map(|rule| Descriptor {
            id: &rule.code,
            name: Some(&rule.name),
            short_description: Some(Message {
                text: rule.summary.clone(),
            }),
            full_description: Some(Message {
                text: if rule.what.trim().is_empty() {
                    rule.summary.clone()
                } else {
                    rule.what.trim().to_string()
                },
            }),
            help: Some(Help {
                text: rule.help_text(),
                markdown: rule.help_markdown(),
            }),
            default_configuration: Some(Configuration {
                level: level(rule.severity),
            }),
            properties: (!rule.kind.is_empty()).then(|| DescriptorProperties {
                tags: vec![rule.kind.as_str()],
            }),
        })
        .collect();
    let mut results = Vec::with_capacity(report.findings.len());
    for finding in &report.findings {
        let rule_index = match rules.iter().position(|r| r.id == finding.code) {
            Some(index) => index,
            None => {
                rules.push(Descriptor {
                    id: &finding.code,
                    name: None,
                    short_description: None,
                    full_description: None,
                    help: None,
                    default_configuration: None,
                    properties: None,
                });
                rules.len() - 1
            }
        };
        let (kind, result_level) = match finding.kind {
            FindingKind::Agreement => ("pass", "none"),
            FindingKind::Discrepancy | FindingKind::Unsupported => {
                ("fail", level(finding.severity))
            }
        };
        let mut locations = finding
            .evidence
            .iter()
            .filter_map(|e| location(&sources, e));
        let primary = locations.next();
        let related = locations
            .enumerate()
            .map(|(i, mut l)| {
                l.id = Some(i + 1);
                l
            })
            .collect();
        results.push(SarifResult {
            rule_id: &finding.code,
            rule_index,
            kind,
            level: result_level,
            message: Message {
                text: finding.message.clone(),
            },
            locations: primary.into_iter().collect(),
            related_locations: related,
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, finding.fingerprint.as_str())]),
            properties: ResultProperties {
                finding_kind: finding.kind.as_str(),
                severity: finding.severity.as_str(),
                claims: &finding.claims,
            },
        });
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            default_encoding: "utf-8",
            results,
        }],
    };
    let mut out = to_json(&log, true);
    out.push('\n');
    out
}

/// The SARIF location of one piece of evidence; `None` when its article is not in the report.
fn location(sources: &Sources<'_>, evidence: &Evidence) -> Option<SarifLocation> {
    let location = sources.locate(evidence)?;
    let source = sources
        .article(&evidence.article)
        .and_then(|a| a.meta.outlet.as_deref())
        .unwrap_or(&evidence.article);
    let text = if evidence.label.is_empty() {
        source.to_string()
    } else {
        format!("{source}: {}", evidence.label)
    };
    Some(SarifLocation {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: escape::uri_path(&location.path),
            },
            region: Some(Region {
                start_line: location.line,
                start_column: location.column,
                end_line: location.end_line,
                end_column: location.end_column,
                char_offset: location.char_offset,
                char_length: location.char_length,
                snippet: Message {
                    text: evidence.text.clone(),
                },
            }),
        },
        message: Message { text },
    })
}
