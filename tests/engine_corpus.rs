//! The checker over every article of the ECB+ development corpus
//! (`../shared/data/news/ecbplus/articles.jsonl`): no panic, claims found, findings counted.
//! Skips with a message when the data is absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use claimcheck::input::{LoadOptions, load};
use claimcheck::pipeline::check::Checker;
use claimcheck::rulefiles;

#[test]
fn every_news_article_checks_without_panic() {
    let path = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    if !path.exists() {
        println!("skipped: {} is absent", path.display());
        return;
    }
    let loaded = load(&[path], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let articles = loaded.articles.len();
    assert!(articles > 100, "only {articles} articles");
    let checker = Checker::new(&rulefiles::builtin()).expect("built-in rules");
    let (report, analyses) = checker.check(loaded.articles);
    let claims: usize = analyses.iter().map(|a| a.claims.len()).sum();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &report.findings {
        *by_code.entry(finding.code.as_str()).or_default() += 1;
    }
    println!(
        "{articles} articles, {claims} claims, {} findings: {by_code:?}",
        report.findings.len()
    );
    assert!(claims > articles, "{claims} claims in {articles} articles");
    // Every piece of evidence points inside its article's text.
    for finding in &report.findings {
        for e in &finding.evidence {
            let article = report
                .articles
                .iter()
                .find(|a| a.id == e.article)
                .expect("evidence names a checked article");
            assert!(e.start <= e.end && e.end <= article.text.len(), "{e:?}");
            assert_eq!(&article.text[e.start..e.end], e.text);
        }
    }
}
