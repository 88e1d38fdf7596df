//! Throughput of `extract` as a whole (boilerplate, sentences, time expressions, entities,
//! attribution, quantities, claims) per article, in bytes a second on one core.
//!
//! Inputs: the ECB+ news articles in `../shared/data/news/ecbplus/articles.jsonl` when present,
//! else the bundled seeds. Run with `cargo bench --bench extract`.
//!
//! Medians move by a quarter between runs of one binary on the shared machine; instruction
//! counts of `Analyzer::analyze` over ECB+ (`valgrind --tool=callgrind
//! --toggle-collect='claimcheck::pipeline::analyze::Analyzer::analyze'` on `claimcheck extract
//! ... --format jsonl`) are the steady measure: 1,726 M now, 2,771 M before the second
//! round of speed work. docs/timex.md ("Speed" and "Speed, second round") has the figures.
//! The command analyzes articles on every core (`pipeline::parallel`); this bench measures
//! one.

use std::path::PathBuf;

use claimcheck::input::{Article, LoadOptions, load};
use claimcheck::pipeline::Analyzer;
use claimcheck::rulefiles;
use divan::counter::BytesCount;

/// The allocator of the `claimcheck` binary (`src/main.rs`), so the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn articles() -> Vec<Article> {
    let news = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    let path = if news.exists() {
        news
    } else {
        PathBuf::from("seeds")
    };
    load(&[path], &LoadOptions::default()).articles
}

#[divan::bench(sample_count = 10)]
fn extract_corpus(bencher: divan::Bencher<'_, '_>) {
    let analyzer = Analyzer::new(&rulefiles::builtin()).expect("built-in rules");
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut claims = 0;
        for article in &articles {
            claims += analyzer.analyze(article).claims.len();
        }
        divan::black_box(claims)
    });
}

#[divan::bench(sample_count = 20)]
fn extract_seeds(bencher: divan::Bencher<'_, '_>) {
    let analyzer = Analyzer::new(&rulefiles::builtin()).expect("built-in rules");
    let articles = load(&[PathBuf::from("seeds")], &LoadOptions::default()).articles;
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        articles
            .iter()
            .map(|a| analyzer.analyze(a).claims.len())
            .sum::<usize>()
    });
}
