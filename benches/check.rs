//! How `check` (analysis and cross-checking) grows with the number of articles: the ECB+ news
//! articles repeated with fresh ids up to 1,000, 2,000, 5,000 and 10,000 articles.
//!
//! `check` takes each repetition for what it is, a verbatim copy (same text, same date), and
//! analyzes and cross-checks it once, carrying its original's findings to it
//! (`pipeline::copies`), so the time grows with the distinct texts and the findings carried.
//! `check_edited` repeats the articles with one sentence added to each repetition, so that no
//! article is a copy: every story then grows with the repetitions and the matched pairs grow
//! faster than the articles until the matcher's window caps them (docs/engine.md, "Scaling:
//! the cost of a matched pair"). Run with `cargo bench --bench check`; skipped (an empty run)
//! when the data is absent.

use std::path::PathBuf;

use claimcheck::input::{Article, LoadOptions, load};
use claimcheck::pipeline::check::Checker;
use claimcheck::rulefiles;

fn main() {
    divan::main();
}

/// `n` articles: the news corpus repeated, each repetition with fresh ids and, when `edited`,
/// a sentence naming the repetition added to its text.
fn articles(n: usize, edited: bool) -> Vec<Article> {
    let path = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return Vec::new();
    }
    let base = load(&[path], &LoadOptions::default()).articles;
    (0..n)
        .filter_map(|i| {
            let mut article = base.get(i % base.len())?.clone();
            let round = i / base.len();
            article.id = format!("{}~{round}", article.id);
            if edited && round > 0 {
                article
                    .text
                    .push_str(&format!("\n\nThis is repetition {round}."));
            }
            Some(article)
        })
        .collect()
}

fn bench(bencher: divan::Bencher<'_, '_>, n: usize, edited: bool) {
    let checker = Checker::new(&rulefiles::builtin()).expect("built-in rules");
    let input = articles(n, edited);
    bencher
        .with_inputs(|| input.clone())
        .bench_values(|articles| checker.check(articles).0.findings.len());
}

#[divan::bench(args = [1000, 2000, 5000, 10000], sample_count = 1, sample_size = 1)]
fn check(bencher: divan::Bencher<'_, '_>, n: usize) {
    bench(bencher, n, false);
}

#[divan::bench(args = [1000, 2000, 5000, 10000], sample_count = 1, sample_size = 1)]
fn check_edited(bencher: divan::Bencher<'_, '_>, n: usize) {
    bench(bencher, n, true);
}
