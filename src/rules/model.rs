//! The rule file format: one rule a TOML file under `rules/<family>/`.
//!
//! ```toml
//! code = "TIME001"              # stable forever
//! name = "date-conflict"        # kebab-case, may be renamed
//! kind = "time-conflict"        # the built-in kind that runs it
//! summary = "Two sources date the same event differently"
//! severity = "error"            # error | warning | info
//! applies-to = "across"         # across | within | both
//! [parameters]                  # kind-specific tolerances
//! max-gap-days = 366
//! [doc]
//! what = "..."  why = "..."  example = "..."  known-problems = "..."
//! [[test]]                      # run by `cargo test` and `claimcheck rules check`
//! name = "..."
//! articles = [{ id = "a", published = "2022-03", text = "..." }]
//! expect = 1                    # findings of this rule expected
//! ```
//! Unknown keys are errors, reported with file, line and key.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::report::Severity;

/// Where a rule looks for pairs of claims.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Claims of different articles.
    #[default]
    Across,
    /// Claims of one article.
    Within,
    /// Both.
    Both,
}

impl Scope {
    /// The name rule files use: `across`, `within` or `both`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Across => "across",
            Scope::Within => "within",
            Scope::Both => "both",
        }
    }
}

impl Scope {
    /// Whether a pair from the same article (`true`) or from two articles is in scope.
    pub fn admits(self, same_article: bool) -> bool {
        match self {
            Scope::Across => !same_article,
            Scope::Within => same_article,
            Scope::Both => true,
        }
    }
}

/// The documentation of a rule, in ruff's headings.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleDoc {
    /// What it checks.
    pub what: String,
    /// Why it matters.
    pub why: String,
    /// An example that triggers it.
    pub example: String,
    /// Where it goes wrong.
    #[serde(default)]
    pub known_problems: String,
}

/// An article inside a rule test.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TestArticle {
    /// Article id.
    pub id: String,
    /// Publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Body text.
    pub text: String,
}

/// One test case of a rule.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleTest {
    /// What the case shows.
    pub name: String,
    /// The articles checked together.
    pub articles: Vec<TestArticle>,
    /// How many findings of this rule the case expects.
    pub expect: usize,
    /// Text every finding's evidence must include, when given.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// A ledger file's text (`[[fact]]` tables) the case is checked against.
    #[serde(default)]
    pub ledger: Option<String>,
}

/// A rule as written in its file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSpec {
    /// Stable code ("TIME001").
    pub code: String,
    /// Kebab-case name.
    pub name: String,
    /// The built-in kind that runs it.
    pub kind: String,
    /// One line.
    pub summary: String,
    /// Default severity.
    pub severity: Severity,
    /// Pairs it looks at.
    #[serde(default)]
    pub applies_to: Scope,
    /// Kind-specific parameters.
    #[serde(default)]
    pub parameters: BTreeMap<String, toml::Value>,
    /// Documentation.
    pub doc: RuleDoc,
    /// Test cases.
    #[serde(default, rename = "test")]
    pub tests: Vec<RuleTest>,
}

/// A loaded rule: its spec and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The spec.
    pub spec: RuleSpec,
    /// The file it came from, for diagnostics.
    pub origin: String,
    /// The severity in force (the spec's, or an override).
    pub severity: Severity,
}

impl Rule {
    /// A number parameter, or `default`.
    pub fn number(&self, key: &str, default: f64) -> f64 {
        match self.spec.parameters.get(key) {
            Some(toml::Value::Integer(n)) => *n as f64,
            Some(toml::Value::Float(x)) => *x,
            _ => default,
        }
    }

    /// A string parameter, or `default`.
    pub fn string<'a>(&'a self, key: &str, default: &'a str) -> &'a str {
        match self.spec.parameters.get(key) {
            Some(toml::Value::String(s)) => s,
            _ => default,
        }
    }
}
