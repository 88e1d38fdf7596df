//! Speed of `claimcheck diff` on two versions of about 1 MB each.
//!
//! The versions are built from the ECB+ articles in `../shared/data/news/ecbplus/articles.jsonl`
//! (else the seeds, repeated), joined as paragraphs until the text reaches 1 MB; the new version
//! changes a number in every 40th paragraph and moves one paragraph. Benches:
//! - `diff_1mb`: the whole diff (both versions analyzed in parallel, then aligned and compared);
//! - `compare_1mb`: alignment and classification alone, on analyses made beforehand;
//! - `analyze_1mb`: one version's analysis, for reference.
//!
//! Run with `cargo bench --bench diff`.

use std::path::PathBuf;

use claimcheck::diff;
use claimcheck::input::{Article, LoadOptions, load};
use claimcheck::pipeline::Analyzer;
use claimcheck::rulefiles;
use divan::counter::BytesCount;

const SIZE: usize = 1 << 20;

/// The allocator of the `claimcheck` binary (`src/main.rs`), so the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn versions() -> (Article, Article) {
    let news = PathBuf::from("../shared/data/news/ecbplus/articles.jsonl");
    let path = if news.exists() {
        news
    } else {
        PathBuf::from("seeds")
    };
    let articles = load(&[path], &LoadOptions::default()).articles;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut size = 0;
    'fill: loop {
        for article in &articles {
            for line in article.text.lines().filter(|l| !l.trim().is_empty()) {
                size += line.len() + 1;
                paragraphs.push(line.to_string());
                if size >= SIZE {
                    break 'fill;
                }
            }
        }
    }
    let old = paragraphs.join("\n");
    let mut edited = paragraphs.clone();
    for (i, p) in edited.iter_mut().enumerate() {
        if i % 40 == 7
            && let Some(at) = p.find(|c: char| c.is_ascii_digit())
        {
            let digit = p.as_bytes()[at] - b'0';
            p.replace_range(at..at + 1, &((digit + 1) % 10).to_string());
        }
    }
    let moved = edited.remove(10);
    edited.insert(edited.len() / 2, moved);
    let new = edited.join("\n");
    let mut a = articles[0].clone();
    a.id = "old".into();
    a.text = old;
    let mut b = a.clone();
    b.id = "new".into();
    b.text = new;
    (a, b)
}

#[divan::bench(sample_count = 5)]
fn diff_1mb(bencher: divan::Bencher<'_, '_>) {
    let analyzer = Analyzer::new(&rulefiles::builtin()).expect("built-in rules");
    let (old, new) = versions();
    bencher
        .counter(BytesCount::new(old.text.len() + new.text.len()))
        .bench(|| diff::diff(&analyzer, &old, &new).changes.len());
}

#[divan::bench(sample_count = 5)]
fn compare_1mb(bencher: divan::Bencher<'_, '_>) {
    let analyzer = Analyzer::new(&rulefiles::builtin()).expect("built-in rules");
    let (old, new) = versions();
    let (a, b) = diff::analyze_pair(&analyzer, &old, &new);
    bencher
        .counter(BytesCount::new(old.text.len() + new.text.len()))
        .bench(|| diff::compare(&analyzer, &old, &a, &new, &b).changes.len());
}

#[divan::bench(sample_count = 5)]
fn analyze_1mb(bencher: divan::Bencher<'_, '_>) {
    let analyzer = Analyzer::new(&rulefiles::builtin()).expect("built-in rules");
    let (old, _) = versions();
    bencher
        .counter(BytesCount::new(old.text.len()))
        .bench(|| analyzer.analyze(&old).claims.len());
}
