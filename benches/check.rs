//! How `check` (analysis and cross-checking) grows with the number of articles: the ECB+ news
//! articles repeated with fresh ids up to 1,000, 2,000, 5,000 and 10,000 articles. Blocking and
//! the matcher's window bound the partners of each claim; on this corpus every story grows with
//! the copies, so the pairs grow faster than the articles until the window caps them (figures
//! in the README). Run with `cargo bench --bench check`; skipped (an empty run) when the data is
//! absent.

use std::path::PathBuf;

use claimcheck::input::{Article, LoadOptions, load};
use claimcheck::pipeline::check::Checker;
use claimcheck::rulefiles;

fn main() {
    divan::main();
}

/// `n` articles: the news corpus repeated, each copy with fresh ids.
fn articles(n: usize) -> Vec<Article> {
    let path = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return Vec::new();
    }
    let base = load(&[path], &LoadOptions::default()).articles;
    (0..n)
        .filter_map(|i| {
            let mut article = base.get(i % base.len())?.clone();
            article.id = format!("{}~{}", article.id, i / base.len());
            Some(article)
        })
        .collect()
}

#[divan::bench(args = [1000, 2000, 5000, 10000], sample_count = 1, sample_size = 1)]
fn check(bencher: divan::Bencher<'_, '_>, n: usize) {
    let checker = Checker::new(&rulefiles::builtin()).expect("built-in rules");
    let input = articles(n);
    bencher
        .with_inputs(|| input.clone())
        .bench_values(|articles| checker.check(articles).0.findings.len());
}
