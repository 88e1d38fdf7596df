//! The `json` format: the whole report as one JSON document, for programs.
//!
//! This is the `check --format json` contract of `DESIGN.md`. The document is pretty-printed
//! (two-space indent) and ends with a line break; object keys come in the order listed here,
//! and arrays in the report's own deterministic order, so the same report always gives the same
//! bytes. Optional keys are left out rather than written as `null`. Byte offsets (`start`,
//! `end`) index the article *text* (UTF-8, end exclusive), not the file: add the front matter
//! length to get file offsets, or use the SARIF format, which gives file lines and columns.
//!
//! ```text
//! {
//!   "version": 1,
//!   "articles": [...],
//!   "claims": [...],
//!   "findings": [...],
//!   "summary": {...}
//! }
//! ```
//!
//! ## `version`
//! The format version, `1`. It changes only when a key is removed or changes meaning; new keys
//! may appear in any version, so consumers must ignore keys they do not know.
//!
//! ## `articles[]`
//! One object per article, in input order:
//! - `id` (string): the article id; evidence and claims refer to it.
//! - `origin` (string): where it was read from: a path, `path:line` for JSON Lines, `<stdin>`.
//! - `title`, `outlet`, `url`, `author` (string, optional): metadata.
//! - `published` (string, optional): publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! ## `claims[]`
//! Every claim, grouped by article in input order, then by position:
//! - `id` (string): stable claim id; `article` (string): its article's id.
//! - `sentence` (`{"start", "end"}`): byte span of the sentence it was read from.
//! - `event` (`{"predicate", "trigger", "span"}`): canonical predicate, trigger word as
//!   written and its span.
//! - `participants[]` (`{"entity", "role", "span"}`): entity id, `agent` / `patient` /
//!   `location`, and the mention's span.
//! - `time` (optional): `span`, TIMEX3 `value`, `interval` (optional: `start` and `end` as
//!   `YYYY-MM-DD`, end exclusive, and `precision`: `day`, `week`, `month`, `quarter`, `half`,
//!   `year`, `decade`, `century`), `duration` (optional: `days` and `bound`).
//! - `quantities[]` (optional): `span`, `value`, `bound` (`exact`, `more-than`, `less-than`,
//!   `at-least`, `at-most`, `about`), `low`, `high` (`null` when unbounded) and `unit`
//!   (optional).
//! - `attribution`: `kind` (`unattributed`, `anonymous`, `outlet`, `named`, `quote`,
//!   `document`), `source`, `entity` and `span` (each optional).
//! - `modality`: `asserted`, `reported`, `quoted` or `hedged`; `polarity`: `positive` or
//!   `negative`.
//!
//! ## `findings[]`
//! Sorted by primary article, offset and code:
//! - `kind` (string): `agreement`, `discrepancy` or `unsupported`.
//! - `code` (string): the rule's stable code, like `TIME001`.
//! - `severity` (string): `error`, `warning` or `info`.
//! - `message` (string): one line for a person.
//! - `claims` (array of strings): ids of the claims concerned.
//! - `evidence[]`: `article` (id), `start`, `end` (byte offsets into that article's text),
//!   `text` (the span's text) and `label` (optional: what this evidence shows). The first
//!   evidence is the primary location.
//! - `fingerprint` (string): stable across unrelated edits; baselines match on it.
//!
//! ## `summary`
//! Counts: `articles`, `claims`, `agreements`, `discrepancies`, `unsupported`, `errors`,
//! `warnings`, `infos`, and `suppressed` (only when non-zero: findings a baseline covered).

use serde::Serialize;

use super::{Finding, RenderOptions, Report, Summary};
use crate::claim::Claim;
use crate::input::Article;

/// The version written in the `version` key.
pub const VERSION: u32 = 1;

/// The document, borrowing from the report.
#[derive(Serialize)]
struct Document<'r> {
    version: u32,
    articles: &'r [Article],
    claims: &'r [Claim],
    findings: &'r [Finding],
    summary: &'r Summary,
}

/// Renders `report` as one pretty-printed JSON document followed by a line break.
pub fn render(report: &Report, _options: &RenderOptions) -> String {
    let document = Document {
        version: VERSION,
        articles: &report.articles,
        claims: &report.claims,
        findings: &report.findings,
        summary: &report.summary,
    };
    let mut out = to_json(&document, true);
    out.push('\n');
    out
}

/// Serializes `value`; the report types hold only strings, numbers and plain enums, which
/// always serialize, so a failure is a bug.
pub(crate) fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.expect("report values serialize to JSON")
}
