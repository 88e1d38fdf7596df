//! Throughput of the time-expression tagger alone (`temporal::tag`: trigger pre-scan, grammar,
//! normalization, anchoring), in characters a second on one core.
//!
//! Inputs: the texts of the TIMEX3 gold corpora in `../shared/data/timex/` (TimeBank, AQUAINT,
//! MEANTIME), each with its creation date as the publication date, when present; else the
//! bundled seeds. Run with `cargo bench --bench timex`.
//!
//! On the shared two-core machine the median of one run moves between 14 and 22 M chars/s for
//! the same binary, so compare code by instruction counts (`valgrind --tool=callgrind
//! --toggle-collect='claimcheck::temporal::tag'` on `claimcheck eval timex` with the three
//! corpora: 172.1 M instructions now, 195.3 M before the speed work, 190.0 M the release
//! before) and take the median of several runs; docs/timex.md ("Speed") has the figures.

use std::path::{Path, PathBuf};

use claimcheck::input::{LoadOptions, load};
use claimcheck::temporal::{PartialDate, tag};
use divan::counter::CharsCount;

/// The allocator of the `claimcheck` binary (`src/main.rs`), so the figure is the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// A text to tag and its publication date.
type Doc = (String, Option<PartialDate>);

/// The documents of one gold corpus, or none when the file is absent.
fn corpus(name: &str) -> Vec<Doc> {
    let path = Path::new("../shared/data/timex").join(name);
    let Ok(content) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|doc| {
            let text = doc["text"].as_str()?.to_string();
            let dct = doc["dct"].as_str().and_then(|d| d.parse().ok());
            Some((text, dct))
        })
        .collect()
}

/// All three gold corpora, else the seeds.
fn documents() -> Vec<Doc> {
    let mut docs: Vec<Doc> = [
        "tbaq-timebank.jsonl",
        "tbaq-aquaint.jsonl",
        "meantime-en.jsonl",
    ]
    .iter()
    .flat_map(|name| corpus(name))
    .collect();
    if docs.is_empty() {
        docs = load(&[PathBuf::from("seeds")], &LoadOptions::default())
            .articles
            .into_iter()
            .map(|a| (a.text, a.meta.published))
            .collect();
    }
    docs
}

fn run(bencher: divan::Bencher<'_, '_>, docs: &[Doc]) {
    let chars: usize = docs.iter().map(|(t, _)| t.chars().count()).sum();
    bencher.counter(CharsCount::new(chars)).bench(|| {
        docs.iter()
            .map(|(text, published)| tag(divan::black_box(text), *published).len())
            .sum::<usize>()
    });
}

/// The three corpora together (about 1 million characters).
#[divan::bench(sample_count = 20)]
fn tag_gold_corpora(bencher: divan::Bencher<'_, '_>) {
    run(bencher, &documents());
}

#[divan::bench(args = ["tbaq-timebank.jsonl", "tbaq-aquaint.jsonl", "meantime-en.jsonl"], sample_count = 20)]
fn tag_corpus(bencher: divan::Bencher<'_, '_>, name: &str) {
    let docs = corpus(name);
    run(bencher, &docs);
}
