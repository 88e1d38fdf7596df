//! The `jsonl` format: JSON Lines, one typed message a line, for streams and shards.
//!
//! Every line is one JSON object whose `type` says what it is, in this order (ripgrep's
//! `--json` messages, `printer/src/json.rs`):
//!
//! 1. `{"type":"article", ...}` for each article, in input order;
//! 2. `{"type":"claim", ...}` for each claim, grouped by article, then by position;
//! 3. `{"type":"finding", ...}` for each finding, sorted by primary article, offset and code;
//! 4. one `{"type":"summary", ...}` last.
//!
//! Apart from `type`, each message has exactly the keys of the matching object of the `json`
//! format (see [`super::json`] for every field), so a consumer can share its parser. Lines are
//! compact (no spaces), end with `\n`, and never contain a raw line break: JSON escapes the
//! ones in strings.

use serde::Serialize;

use super::json::to_json;
use super::{Finding, RenderOptions, Report, Summary};
use crate::claim::Claim;
use crate::input::Article;

/// One line of output.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Message<'r> {
    Article(&'r Article),
    Claim(&'r Claim),
    Finding(&'r Finding),
    Summary(&'r Summary),
}

/// Renders `report` as JSON Lines.
pub fn render(report: &Report, _options: &RenderOptions) -> String {
    let messages = report
        .articles
        .iter()
        .map(Message::Article)
        .chain(report.claims.iter().map(Message::Claim))
        .chain(report.findings.iter().map(Message::Finding))
        .chain(std::iter::once(Message::Summary(&report.summary)));
    let mut out = String::new();
    for message in messages {
        out.push_str(&to_json(&message, false));
        out.push('\n');
    }
    out
}
