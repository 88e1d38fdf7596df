//! Running the test cases that rule files carry: each case's articles are checked with the
//! lexicon and that one rule (and the case's own ledger, when it gives one), and the count of
//! its findings (and their evidence) must match.

use crate::input::{Article, Metadata};
use crate::pipeline::check::Checker;
use crate::rulefiles::RuleFile;
use crate::rules::RuleSet;
use crate::rules::ledger::Ledger;

/// The outcome of one rule test case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseResult {
    /// The rule code.
    pub code: String,
    /// The case name.
    pub name: String,
    /// `None` when it passed, else what went wrong.
    pub failure: Option<String>,
}

/// Runs every test case of every rule among `files`, with the lexicon among `files`.
pub fn run(files: &[RuleFile]) -> Result<Vec<CaseResult>, Vec<String>> {
    let checker = Checker::new(files)?;
    let mut results = Vec::new();
    for rule in &checker.rules.rules {
        for case in &rule.spec.tests {
            let mut articles = Vec::new();
            let mut failure = None;
            for test_article in &case.articles {
                let published = match test_article
                    .published
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                {
                    Ok(published) => published,
                    Err(error) => {
                        failure = Some(format!("article {}: {error}", test_article.id));
                        None
                    }
                };
                articles.push(Article {
                    id: test_article.id.clone(),
                    origin: format!("{}#{}", rule.origin, test_article.id),
                    text: test_article.text.clone(),
                    body_offset: 0,
                    front_matter: String::new(),
                    meta: Metadata {
                        outlet: test_article.outlet.clone(),
                        published,
                        ..Metadata::default()
                    },
                });
            }
            let ledger = match &case.ledger {
                Some(text) => {
                    let file = RuleFile {
                        relative: format!("{}case.toml", crate::rules::ledger::DIR),
                        origin: format!("{}#ledger", rule.origin),
                        text: text.clone(),
                    };
                    Ledger::load(&[file], &checker.analyzer.lexicon).unwrap_or_else(|errors| {
                        failure = Some(errors.join("; "));
                        Ledger::default()
                    })
                }
                None => checker.ledger.clone(),
            };
            if failure.is_none() {
                let single = RuleSet {
                    rules: vec![rule.clone()],
                };
                let analyses: Vec<_> = articles
                    .iter()
                    .map(|a| checker.analyzer.analyze(a))
                    .collect();
                let report = checker.check_against(articles, &analyses, &single, &ledger);
                let found: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| f.code == rule.spec.code)
                    .collect();
                if found.len() != case.expect {
                    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
                    failure = Some(format!(
                        "expected {} finding(s), found {}: {messages:?}",
                        case.expect,
                        found.len()
                    ));
                } else {
                    for needle in &case.evidence {
                        if !found
                            .iter()
                            .all(|f| f.evidence.iter().any(|e| e.text.contains(needle.as_str())))
                        {
                            failure = Some(format!("expected evidence containing {needle:?}"));
                        }
                    }
                }
            }
            results.push(CaseResult {
                code: rule.spec.code.clone(),
                name: case.name.clone(),
                failure,
            });
        }
    }
    Ok(results)
}
