//! `claimcheck eval timex`: figures, formats, the error listing and exit codes, on a small
//! gold file shipped with the tests and, when present, on the shared TimeML corpora.

use std::path::PathBuf;

use serde_json::Value;

mod cli_common;

const GOLD: &str = "tests/data/timex/gold.jsonl";

fn eval(args: &[&str]) -> (i32, String, String) {
    let output = cli_common::claimcheck()
        .args(["eval", "timex"])
        .args(args)
        .output()
        .unwrap();
    cli_common::outcome(output)
}

#[test]
fn text_table_per_corpus_and_type() {
    let (code, stdout, stderr) = eval(&[GOLD]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let toy = stdout
        .lines()
        .find(|l| l.starts_with("toy "))
        .unwrap_or_else(|| panic!("no corpus row in {stdout}"));
    let cells: Vec<&str> = toy.split_whitespace().collect();
    assert_eq!(cells[1], "9", "gold count in {toy}");
    assert_eq!(cells[3], "3", "document count in {toy}");
    for kind in ["DATE", "DURATION", "SET", "TIME"] {
        assert!(
            stdout.lines().any(|l| l.trim_start().starts_with(kind)),
            "no {kind} row in {stdout}"
        );
    }
    assert!(!stdout.contains("## errors"));
}

#[test]
fn json_figures_match_counts() {
    let (code, stdout, stderr) = eval(&[GOLD, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let toy = &json["corpora"][0];
    assert_eq!(toy["name"], "toy");
    assert_eq!(toy["docs"], 3);
    let f = &toy["figures"];
    assert_eq!(f["gold"], 9);
    let (gold, system, strict) = (
        f["gold"].as_f64().unwrap(),
        f["system"].as_f64().unwrap(),
        f["strict_matches"].as_f64().unwrap(),
    );
    let p = 100.0 * strict / system;
    let r = 100.0 * strict / gold;
    let f1 = 2.0 * p * r / (p + r);
    assert!((f["strict"]["f1"].as_f64().unwrap() - f1).abs() < 0.01);
    let value_f1 =
        f["relaxed"]["f1"].as_f64().unwrap() * f["value_accuracy"].as_f64().unwrap() / 100.0;
    assert!((f["value_f1"].as_f64().unwrap() - value_f1).abs() < 0.02);
    assert_eq!(json["all"]["gold"], 9);
    assert!(toy.get("errors").is_none());
}

#[test]
fn errors_list_misses_spurious_and_wrong_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gold.jsonl");
    // Gold with one wrong value, one timex the tagger cannot find ("the other day" is not
    // annotated as anything it tags) and one it finds that gold lacks.
    let line = r#"{"id":"e1","corpus":"err","dct":"2009-02-03","text":"He left on Monday and came back two weeks later, the other day.","timexes":[{"start":11,"end":17,"type":"DATE","value":"2009-01-26","tid":"t1"},{"start":49,"end":62,"type":"DATE","value":"PAST_REF","tid":"t2"}]}"#;
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let (code, stdout, stderr) = eval(&[path.to_str().unwrap(), "--errors"]);
    assert_eq!(code, 0, "{stderr}");
    let listing = stdout.split("## errors in err").nth(1).unwrap();
    assert!(listing.contains("value\te1"), "{listing}");
    assert!(listing.contains("2009-02-02"), "{listing}");
    assert!(listing.contains("miss\te1"), "{listing}");
    assert!(listing.contains("spurious\te1"), "{listing}");
    assert!(listing.contains("\"two weeks later\""), "{listing}");
}

#[test]
fn bad_line_exits_2_and_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.jsonl");
    let good = std::fs::read_to_string(GOLD).unwrap();
    let first = good.lines().next().unwrap();
    std::fs::write(&path, format!("{first}\n{{\"id\": 3\n{first}\n")).unwrap();
    let (code, stdout, stderr) = eval(&[path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("broken.jsonl:2:"), "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["corpora"][0]["docs"], 2);
}

#[test]
fn missing_file_exits_2() {
    let (code, _, stderr) = eval(&["tests/data/timex/absent.jsonl", GOLD]);
    assert_eq!(code, 2);
    assert!(stderr.contains("absent.jsonl"), "{stderr}");
}

#[test]
fn no_gold_file_is_a_usage_error() {
    let (code, _, stderr) = eval(&[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("GOLD"), "{stderr}");
}

#[test]
fn shared_corpora_are_scored() {
    let dir = PathBuf::from("../shared/data/timex");
    let path = dir.join("tbaq-aquaint.jsonl");
    if !path.exists() {
        println!("skipping: {} is absent", path.display());
        return;
    }
    let (code, stdout, stderr) = eval(&[path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["corpora"][0]["name"], "tbaq-aquaint");
    assert_eq!(json["corpora"][0]["figures"]["gold"], 579);
}
