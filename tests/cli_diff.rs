//! `claimcheck diff`: exit codes, `--fail-on`, correction notes, bad input, every format, and
//! snapshots of the text, JSON and Markdown reports on an edited seed.
//!
//! The edited versions live in `tests/data/diff/` (the seeds stay verbatim): `000_count.txt`
//! changes "killed two people" to "three", `000_count_noted.txt` adds a correction note to
//! it, `000_wording.txt` swaps one verb for a synonym, and `000_edited.txt` combines a changed
//! count, an added hedge, a synonym and an added sentence.

use serde_json::Value;

mod cli_common;

const SEED: &str = "seeds/000_17b3ed00d565f5ad.txt";
const COUNT: &str = "tests/data/diff/000_count.txt";
const NOTED: &str = "tests/data/diff/000_count_noted.txt";
const WORDING: &str = "tests/data/diff/000_wording.txt";
const EDITED: &str = "tests/data/diff/000_edited.txt";

fn diff(args: &[&str]) -> (i32, String, String) {
    let output = cli_common::claimcheck()
        .arg("diff")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    cli_common::outcome(output)
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = diff(&all);
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}")),
    )
}

#[test]
fn an_article_against_itself_reports_nothing() {
    let (code, value) = json(&[SEED, SEED]);
    assert_eq!(code, 0);
    assert_eq!(value["changes"].as_array().unwrap().len(), 0);
    assert_eq!(value["summary"]["failed"], false);
    let (code, out, _) = diff(&[SEED, SEED]);
    assert_eq!(code, 0);
    assert!(out.contains("0 changes"), "{out}");
}

#[test]
fn a_changed_count_is_factual_and_fails() {
    let (code, value) = json(&[SEED, COUNT]);
    assert_eq!(code, 1);
    let changes = value["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    for change in changes {
        assert_eq!(change["class"], "factual");
        assert_eq!(change["change"], "changed");
        assert_eq!(change["fields"][0]["field"], "quantity");
        assert_eq!(change["fields"][0]["old"], "two people");
        assert_eq!(change["fields"][0]["new"], "three people");
        let (start, end) = (
            change["new"]["start"].as_u64().unwrap() as usize,
            change["new"]["end"].as_u64().unwrap() as usize,
        );
        let text = std::fs::read_to_string(COUNT).unwrap();
        assert_eq!(&text[start..end], change["new"]["text"].as_str().unwrap());
    }
    assert_eq!(value["version"], 1);
    assert_eq!(value["old"]["id"], "000_17b3ed00d565f5ad");
}

#[test]
fn fail_on_levels() {
    assert_eq!(diff(&[SEED, COUNT, "--fail-on", "never"]).0, 0);
    assert_eq!(diff(&[SEED, COUNT, "--fail-on", "wording"]).0, 1);
    // A synonym is wording: it fails only at --fail-on wording.
    assert_eq!(diff(&[SEED, WORDING]).0, 0);
    assert_eq!(diff(&[SEED, WORDING, "--fail-on", "hedge"]).0, 0);
    assert_eq!(diff(&[SEED, WORDING, "--fail-on", "wording"]).0, 1);
    let (_, value) = json(&[SEED, WORDING]);
    assert_eq!(value["changes"][0]["class"], "wording");
}

#[test]
fn a_correction_note_accepts_the_change() {
    let pattern = "Correction:|This article has been updated";
    assert_eq!(diff(&[SEED, NOTED]).0, 1);
    let (code, value) = json(&[SEED, NOTED, "--allow-if-note", pattern]);
    assert_eq!(code, 0);
    assert!(
        value["note"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Correction:")
    );
    // The note's own words are not a change.
    assert!(
        value["changes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["change"] == "changed")
    );
    // A pattern the note does not match accepts nothing.
    assert_eq!(diff(&[SEED, NOTED, "--allow-if-note", "^Update:"]).0, 1);
    // An old note does not accept a new change.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(NOTED).unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, &text).unwrap();
    std::fs::write(&new, text.replace("on Nov. 15", "on Nov. 16")).unwrap();
    let (code, _, _) = diff(&[
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--allow-if-note",
        pattern,
        "--published",
        "2022-11",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn bad_input_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"abc\0def").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 killed two").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let missing = dir.path().join("missing.txt");
    for path in [&binary, &latin1, &empty, &missing] {
        let path = path.to_str().unwrap();
        let (code, out, err) = diff(&[SEED, path]);
        assert_eq!(code, 2, "{path}: {err}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(path), "{err}");
        let (code, _, err) = diff(&[path, SEED]);
        assert_eq!(code, 2);
        assert!(err.contains(path), "{err}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(diff(&[SEED]).0, 2);
    assert_eq!(diff(&[SEED, COUNT, WORDING]).0, 2);
    assert_eq!(diff(&[SEED, COUNT, "--allow-if-note", "("]).0, 2);
    assert_eq!(diff(&["--history", SEED]).0, 2);
}

#[test]
fn history_diffs_each_step() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    std::fs::write(dir.path().join("v1.txt"), &seed).unwrap();
    std::fs::write(
        dir.path().join("v2.txt"),
        std::fs::read_to_string(WORDING).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("v3.txt"),
        std::fs::read_to_string(COUNT).unwrap(),
    )
    .unwrap();
    let (code, value) = json(&["--history", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let history = value["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["summary"]["class"], "wording");
    assert_eq!(history[1]["summary"]["class"], "factual");
}

#[test]
fn every_format_renders() {
    let (code, out, _) = diff(&[EDITED, SEED, "--format", "sarif", "--fail-on", "never"]);
    assert_eq!(code, 0);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert!(
        results
            .iter()
            .all(|r| r["locations"][0]["physicalLocation"].is_object())
    );

    let (code, out, _) = diff(&[SEED, EDITED, "--format", "github"]);
    assert_eq!(code, 1);
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    assert!(
        out.contains("::error file=tests/data/diff/000_edited.txt,line=3"),
        "{out}"
    );
    assert!(out.contains("::notice "), "{out}");

    let (_, out, _) = diff(&[SEED, EDITED, "--format", "jsonl"]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.last().unwrap()["type"], "summary");
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l["type"] == "change")
    );

    let (_, out, _) = diff(&[SEED, EDITED, "--format", "junit"]);
    assert!(
        out.starts_with("<?xml") && out.contains("<failure type=\"factual\""),
        "{out}"
    );

    let (_, out, _) = diff(&[SEED, EDITED, "--format", "html"]);
    assert!(out.contains("<del>two</del><ins>three</ins>"), "{out}");
}

#[test]
fn output_is_deterministic() {
    let a = diff(&[SEED, EDITED, "--format", "json"]).1;
    let b = diff(&[SEED, EDITED, "--format", "json"]).1;
    assert_eq!(a, b);
}

#[test]
fn snapshot_text() {
    insta::assert_snapshot!(diff(&[SEED, EDITED, "--color", "never"]).1);
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(diff(&[SEED, EDITED, "--format", "json"]).1);
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!(diff(&[SEED, EDITED, "--format", "markdown"]).1);
}

#[test]
fn an_event_word_the_lexicon_lacks_is_wording_another_event_is_factual() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let unknown = dir.path().join("unknown.txt");
    std::fs::write(
        &unknown,
        seed.replace("missile that killed two", "missile that felled two"),
    )
    .unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        seed.replace("missile that killed two", "missile that injured two"),
    )
    .unwrap();
    let (code, value) = json(&[SEED, unknown.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(value["summary"]["class"], "wording");
    assert_eq!(value["changes"][0]["fields"][0]["field"], "event");
    let (code, value) = json(&[SEED, other.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(value["changes"][0]["fields"][0]["new"], "injure");
}

#[test]
fn the_same_source_named_another_way_is_wording() {
    let seed = "seeds/003_8cdd6abb60c022f4.txt";
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(seed).unwrap();
    let new = dir.path().join("new.txt");
    std::fs::write(
        &new,
        text.replace(
            "According to a report by The Guardian, the US has recently established",
            "The Guardian reported that the US has recently established",
        ),
    )
    .unwrap();
    let (code, value) = json(&[seed, new.to_str().unwrap(), "--fail-on", "attribution"]);
    assert_eq!(code, 0, "{value:#}");
    assert_eq!(value["summary"]["class"], "wording");
}
