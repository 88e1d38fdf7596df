//! `claimcheck eval diff`: the version-pair benchmark of the claim diff.
//!
//! The CLI runs on the seeds (always present); the floors run on the first ECB+ articles in
//! `../shared/data/news/ecbplus/articles.jsonl` and are skipped, with a message, when the corpus
//! is absent. Floors sit at the acceptance bars: factual ≥ 95%, wording ≥ 90%, hedge and
//! attribution ≥ 85%.

use std::path::PathBuf;

use claimcheck::diff::Class;
use claimcheck::eval::diff::evaluate;
use claimcheck::input::{LoadOptions, load};
use claimcheck::pipeline::Analyzer;
use claimcheck::rulefiles;
use serde_json::Value;

mod cli_common;

fn eval(args: &[&str]) -> (i32, String) {
    let output = cli_common::claimcheck()
        .args(["eval", "diff"])
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn eval_diff_on_the_seeds_is_deterministic() {
    let (code, first) = eval(&["seeds", "--seed", "3"]);
    assert_eq!(code, 0);
    assert!(
        first.contains("number") && first.contains("split"),
        "{first}"
    );
    assert_eq!(eval(&["seeds", "--seed", "3"]).1, first);
    let (code, json) = eval(&["seeds", "--seed", "3", "--format", "json"]);
    assert_eq!(code, 0);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["kinds"].as_array().unwrap().len(), 11);
    assert_eq!(value["seed"], 3);
}

#[test]
fn eval_diff_needs_articles() {
    assert_eq!(eval(&[]).0, 2);
    assert_eq!(eval(&["no/such/file.jsonl"]).0, 2);
}

#[test]
fn generated_pairs_are_classed_right() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/news/ecbplus/articles.jsonl");
    if !path.exists() {
        println!("skipping: no ECB+ articles at {}", path.display());
        return;
    }
    let mut articles = load(&[path], &LoadOptions::default()).articles;
    articles.truncate(80);
    let analyzer = Analyzer::new(&rulefiles::builtin()).unwrap();
    let report = evaluate(&analyzer, &articles, 11);
    println!("{}", report.to_text(5));
    for (class, floor) in [
        (Class::Factual, 95.0),
        (Class::Wording, 90.0),
        (Class::Hedge, 85.0),
        (Class::Attribution, 85.0),
    ] {
        let (pairs, correct) = report.by_class(class);
        assert!(pairs > 20, "{} pairs for {}", pairs, class.as_str());
        let percent = 100.0 * correct as f64 / pairs as f64;
        assert!(
            percent >= floor,
            "{}: {percent:.1}% < {floor}%",
            class.as_str()
        );
    }
}
