//! How `check` (analysis and cross-checking) grows with the number of articles: the ECB+ news
//! articles repeated with fresh ids up to 1,000, 2,000, 5,000 and 10,000 articles.
//!
//! `check` takes each repetition for what it is, a verbatim copy (same text, same date), and
//! analyzes and cross-checks it once, carrying its original's findings to it
//! (`pipeline::copies`), so the time grows with the distinct texts and the findings carried.
//! `check_edited` repeats the articles with one sentence added to each repetition, so that no
//! article is a copy: every story then grows with the repetitions and the matched pairs grow
//! faster than the articles until the matcher's window caps them (docs/engine.md, "Scaling:
//! the cost of a matched pair"). `check_long_article` runs `check` on one article of 1, 2 and
//! 4 MB made of the corpus's paragraphs. Analysis runs on every core, as the command's does
//! (`Checker::threads`); cross-checking runs on one. Run with `cargo bench --bench check`;
//! skipped (an empty run) when the data is absent.

use std::path::PathBuf;

use claimcheck::input::{Article, LoadOptions, load};
use claimcheck::pipeline::check::Checker;
use claimcheck::rulefiles;

/// The allocator of the `claimcheck` binary (`src/main.rs`), so the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The news corpus, or nothing (with a note) when it is absent.
fn corpus() -> Vec<Article> {
    let path = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return Vec::new();
    }
    load(&[path], &LoadOptions::default()).articles
}

/// `n` articles: the news corpus repeated, each repetition with fresh ids and, when `edited`,
/// a sentence naming the repetition added to its text.
fn articles(n: usize, edited: bool) -> Vec<Article> {
    let base = corpus();
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

/// Times `check` on `input`.
fn bench(bencher: divan::Bencher<'_, '_>, input: Vec<Article>) {
    let checker = Checker::new(&rulefiles::builtin()).expect("built-in rules");
    bencher
        .with_inputs(|| input.clone())
        .bench_values(|articles| checker.check(articles).0.findings.len());
}

#[divan::bench(args = [1000, 2000, 5000, 10000], sample_count = 1, sample_size = 1)]
fn check(bencher: divan::Bencher<'_, '_>, n: usize) {
    bench(bencher, articles(n, false));
}

#[divan::bench(args = [1000, 2000, 5000, 10000], sample_count = 1, sample_size = 1)]
fn check_edited(bencher: divan::Bencher<'_, '_>, n: usize) {
    bench(bencher, articles(n, true));
}

/// One article of `mb` megabytes: the corpus's paragraphs one after another, the corpus
/// again when it runs out, as one long text (a transcript, a live blog, a book chapter).
fn long_article(mb: usize) -> Vec<Article> {
    let base = corpus();
    let Some(first) = base.first() else {
        return Vec::new();
    };
    let mut text = String::new();
    for paragraph in base.iter().cycle().flat_map(|a| a.text.lines()) {
        if text.len() >= mb << 20 {
            break;
        }
        text.push_str(paragraph);
        text.push('\n');
    }
    let mut article = first.clone();
    article.id = format!("long-{mb}mb");
    article.text = text;
    vec![article]
}

/// `check` on one long article: the rules that read an article's other claims (its dates and
/// counts lent to an event, its words for a lone name, the claims beside a quote) go through
/// indexes, so the time grows with the article, not with its square.
#[divan::bench(args = [1, 2, 4], sample_count = 1, sample_size = 1)]
fn check_long_article(bencher: divan::Bencher<'_, '_>, mb: usize) {
    bench(bencher, long_article(mb));
}
