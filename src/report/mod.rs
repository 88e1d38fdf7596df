//! Reports: the findings of a run and the renderers that print them.
//!
//! [`Report`] is everything a renderer may print: the articles (with their text, for source
//! snippets), their claims, the findings and a summary. Renderers only format; anything that
//! needs computing belongs in the rules, before the report is built.
//!
//! One module per output format, each a pure function from a report to the bytes to print
//! (`render(&Report, &RenderOptions) -> String`), and [`render`] to pick one by [`Format`]:
//!
//! | format     | module       | for                                                   |
//! |------------|--------------|-------------------------------------------------------|
//! | `text`     | [`human`]    | a terminal: compiler-style diagnostics with code frames |
//! | `json`     | [`json`]     | programs: the `check --format json` contract          |
//! | `jsonl`    | [`jsonl`]    | streams: one typed JSON message a line                |
//! | `markdown` | [`markdown`] | a pull-request comment or an editor's note            |
//! | `sarif`    | [`sarif`]    | code scanning (SARIF 2.1.0)                           |
//! | `junit`    | [`junit`]    | CI test reports (JUnit XML)                           |
//! | `github`   | [`github`]   | GitHub Actions annotations (workflow commands)        |
//! | `html`     | [`html`]     | one self-contained page with a timeline               |
//!
//! Every renderer is deterministic (same report, same bytes: no clocks, no hash-map order) and
//! escapes what it prints for its format. `docs/report.md` documents every format's fields.

pub mod finding;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod rule_info;
pub mod sarif;
pub mod source;

pub(crate) mod escape;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use finding::{Evidence, Finding, FindingKind, Severity};
pub use rule_info::RuleInfo;
pub use source::{Location, Sources};

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
    /// Documentation of the rules that may appear in `findings`, by code, for rule help in
    /// SARIF, Markdown and HTML. Codes missing here still render, without help.
    pub rules: Vec<RuleInfo>,
    /// The front matter of articles that have one (every byte of the file before
    /// [`Article::text`], so its length is [`Article::body_offset`]), by article id. Renderers
    /// count lines and characters in it so that line numbers and character offsets point into
    /// the file rather than the text. Without it an article with a non-zero `body_offset` gets
    /// lines counted from the start of its text (see [`Sources`]).
    pub front_matter: BTreeMap<String, String>,
}

impl Report {
    /// A report of `findings` on `articles` and `claims`, with the summary counted from them
    /// and no rule documentation or front matter (fill [`Report::rules`] and
    /// [`Report::front_matter`] afterwards).
    pub fn new(articles: Vec<Article>, claims: Vec<Claim>, findings: Vec<Finding>) -> Report {
        let summary = Summary::count(articles.len(), claims.len(), &findings);
        Report {
            articles,
            claims,
            findings,
            summary,
            rules: Vec::new(),
            front_matter: BTreeMap::new(),
        }
    }

    /// The documentation of the rule with code `code`.
    pub fn rule(&self, code: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|r| r.code == code)
    }

    /// The claim with id `id`.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// The article with id `id`.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// An output format of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Compiler-style diagnostics for a terminal ([`human`]).
    Text,
    /// One pretty-printed JSON document ([`json`]).
    Json,
    /// JSON Lines: one typed message a line ([`jsonl`]).
    Jsonl,
    /// A Markdown pull-request comment ([`markdown`]).
    Markdown,
    /// SARIF 2.1.0 ([`sarif`]).
    Sarif,
    /// JUnit XML ([`junit`]).
    Junit,
    /// GitHub Actions workflow commands ([`github`]).
    Github,
    /// A self-contained HTML page ([`html`]).
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Html,
    ];

    /// The name used by `--format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Html => "html",
        }
    }

    /// The usual file extension of the format's output, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text | Format::Github => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "md",
            Format::Sarif => "sarif",
            Format::Junit => "xml",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a `--format` value that names no format.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format {found:?}: expected one of text, json, jsonl, markdown, sarif, junit, \
     github, html"
)]
pub struct UnknownFormat {
    /// The value given.
    pub found: String,
}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a format name; `human` is accepted for `text` and `md` for `markdown`.
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s {
            "human" => return Ok(Format::Text),
            "md" => return Ok(Format::Markdown),
            _ => {}
        }
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| UnknownFormat {
                found: s.to_string(),
            })
    }
}

/// How to render: presentation choices the caller makes, never verdicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colors (text format only). The CLI sets it from terminal detection and
    /// `NO_COLOR`; renderers never look at the environment.
    pub color: bool,
    /// The least severity at which a finding fails the run (`--fail-on`); `None` means never.
    /// JUnit marks such findings as `<failure>`s; see [`RenderOptions::fails`].
    pub fail_on: Option<Severity>,
    /// A directory prefix (as written in article origins) to strip from paths, so that SARIF,
    /// GitHub and Markdown locations are relative to the repository root. `None` keeps origins
    /// as they are (the CLI passes relative paths through unchanged).
    pub root: Option<String>,
    /// How many columns of source text a code frame or quote shows around a span before it
    /// windows a long line (at least 20).
    pub width: usize,
    /// A URL prefix for Markdown links to files (`https://github.com/OWNER/REPO/blob/SHA/`),
    /// since relative links in a pull-request comment resolve against the pull request's page,
    /// not the repository. `None` keeps links relative.
    pub link_base: Option<String>,
}

impl Default for RenderOptions {
    /// No color, fail on errors, origins unchanged, 100 columns, relative links.
    fn default() -> RenderOptions {
        RenderOptions {
            color: false,
            fail_on: Some(Severity::Error),
            root: None,
            width: 100,
            link_base: None,
        }
    }
}

impl RenderOptions {
    /// Whether `finding` fails the run: its severity reaches `fail_on`, and it is not an
    /// agreement (an agreement is never a problem, whatever severity its rule gives it). The
    /// CLI's exit code and JUnit's `<failure>`s use this one predicate so they cannot disagree.
    pub fn fails(&self, finding: &Finding) -> bool {
        finding.kind != FindingKind::Agreement
            && self.fail_on.is_some_and(|level| finding.severity >= level)
    }
}

/// Renders `report` in `format`.
pub fn render(format: Format, report: &Report, options: &RenderOptions) -> String {
    match format {
        Format::Text => human::render(report, options),
        Format::Json => json::render(report, options),
        Format::Jsonl => jsonl::render(report, options),
        Format::Markdown => markdown::render(report, options),
        Format::Sarif => sarif::render(report, options),
        Format::Junit => junit::render(report, options),
        Format::Github => github::render(report, options),
        Format::Html => html::render(report, options),
    }
}

/// The order findings are presented in by the human, Markdown and HTML formats:
/// discrepancies first, then unsupported claims, then agreements — most work for an editor
/// first.
pub(crate) const KIND_ORDER: [FindingKind; 3] = [
    FindingKind::Discrepancy,
    FindingKind::Unsupported,
    FindingKind::Agreement,
];
