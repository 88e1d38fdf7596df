//! TempEval-3 figures of the time tagger on the gold corpora in `../shared/data/timex/`,
//! with floors a little under the measured figures so that regressions fail.
//!
//! Skipped (with a message) when the corpora are absent. `TIMEX_REPORT=1` prints the table,
//! `TIMEX_REPORT=errors` the error listing too:
//! `TIMEX_REPORT=1 cargo test --release --test timex_eval -- --nocapture`.

use std::path::PathBuf;

use claimcheck::eval::timex::{Evaluation, evaluate};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/timex")
}

#[test]
fn timex_figures_stay_above_floors() {
    let dir = corpus_dir();
    let files = [
        "tbaq-timebank.jsonl",
        "tbaq-aquaint.jsonl",
        "meantime-en.jsonl",
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|f| dir.join(f))
        .filter(|p| p.exists())
        .collect();
    if paths.is_empty() {
        println!("skipping: no gold corpora in {}", dir.display());
        return;
    }
    let Evaluation { report, errors } = evaluate(&paths);
    assert!(errors.is_empty(), "{errors:?}");
    match std::env::var("TIMEX_REPORT").as_deref() {
        Ok("errors") => println!("{}", report.render(true)),
        Ok(_) => println!("{}", report.render(false)),
        Err(_) => {}
    }
    // (corpus, strict F1, value F1, value recall) floors.
    let floors = [
        ("tbaq-timebank", 91.5, 85.0, 86.2),
        ("tbaq-aquaint", 86.0, 79.3, 81.7),
        ("meantime-en", 57.6, 54.6, 83.0),
    ];
    for (name, strict, value_f1, value_recall) in floors {
        let Some(c) = report.corpus(name) else {
            continue;
        };
        let got = (
            c.counts.strict_prf().2,
            c.counts.value_f1(),
            c.counts.value_recall(),
        );
        assert!(got.0 >= strict, "{name}: strict F1 {:.1} < {strict}", got.0);
        assert!(
            got.1 >= value_f1,
            "{name}: value F1 {:.1} < {value_f1}",
            got.1
        );
        assert!(
            got.2 >= value_recall,
            "{name}: value recall {:.1} < {value_recall}",
            got.2
        );
    }
}
