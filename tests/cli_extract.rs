//! `claimcheck extract`: the JSON Lines contract and the seed time expressions.

use serde_json::Value;

mod cli_common;

fn extract(path: &str) -> Value {
    let output = cli_common::run(&["extract", path, "--format", "jsonl"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    serde_json::from_str(stdout.trim()).unwrap()
}

fn value_of(article: &Value, text: &str) -> String {
    let times = article["times"].as_array().unwrap();
    let time = times
        .iter()
        .find(|t| t["text"] == text)
        .unwrap_or_else(|| panic!("no time {text:?} in {times:#?}"));
    time["value"].as_str().unwrap().to_string()
}

#[test]
fn seed_003_dates_resolve_on_the_narrative() {
    let article = extract("seeds/003_8cdd6abb60c022f4.txt");
    assert_eq!(article["id"], "003_8cdd6abb60c022f4");
    assert_eq!(article["published"], "2022-03");
    assert_eq!(value_of(&article, "February 12"), "2022-02-12");
    assert_eq!(value_of(&article, "twelve days later"), "2022-02-24");
}

#[test]
fn seed_000_dates_resolve_on_the_publication_month() {
    let article = extract("seeds/000_17b3ed00d565f5ad.txt");
    assert_eq!(value_of(&article, "nine months ago"), "2022-02");
    assert_eq!(value_of(&article, "Nov. 15"), "2022-11-15");
}

#[test]
fn offsets_are_bytes_into_the_text() {
    let text = std::fs::read_to_string("seeds/000_17b3ed00d565f5ad.txt").unwrap();
    let article = extract("seeds/000_17b3ed00d565f5ad.txt");
    for time in article["times"].as_array().unwrap() {
        let (start, end) = (
            time["start"].as_u64().unwrap() as usize,
            time["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], time["text"].as_str().unwrap());
    }
}

#[test]
fn stdin_with_published_date() {
    let output = cli_common::claimcheck()
        .args([
            "extract",
            "-",
            "--format",
            "jsonl",
            "--published",
            "2022-03-05",
        ])
        .write_stdin("Russia invaded Ukraine on February 24.")
        .output()
        .unwrap();
    assert!(output.status.success());
    let article: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value_of(&article, "February 24"), "2022-02-24");
}

#[test]
fn the_number_of_threads_changes_no_byte_of_the_output() {
    // More articles than threads, of uneven length, so that threads finish out of order.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let mut lines = String::new();
    for n in 0..24 {
        let text = format!(
            "Police arrested {} men on Tuesday, March {}, 2021.{}",
            n + 2,
            n % 28 + 1,
            " The court will hear the case on Friday.".repeat(n % 5)
        );
        let line = serde_json::json!({"id": format!("a{n}"), "text": text});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let path = corpus.to_str().unwrap();
    let run = |threads: &str| {
        let output = cli_common::run(&["extract", path, "--format", "jsonl", "-j", threads]);
        assert!(output.status.success());
        output.stdout
    };
    let one = run("1");
    assert_eq!(String::from_utf8_lossy(&one).lines().count(), 24);
    assert_eq!(run("3"), one);
    assert_eq!(run("0"), one);
}
