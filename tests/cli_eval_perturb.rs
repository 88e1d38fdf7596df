//! `claimcheck eval perturb`: runs on a small clustered corpus, repeats byte for byte with one
//! seed, and rejects a corpus line without its cluster fields with exit 2 and file:line.

use std::io::Write;

mod cli_common;

fn article(id: &str, cluster: &str, sub: &str, text: &str) -> String {
    serde_json::json!({
        "id": id, "cluster": cluster, "subcluster": sub, "published": "2013-05-03", "text": text
    })
    .to_string()
}

fn corpus() -> tempfile::NamedTempFile {
    let lines = [
        article(
            "1a",
            "1",
            "1_x",
            "Police arrested Jamal Jones in Houston on Friday. Jamal Jones was charged with robbery on Saturday.",
        ),
        article(
            "1b",
            "1",
            "1_x",
            "Police arrested Jamal Jones in Houston on Friday. Jones was charged with robbery on Saturday, police said.",
        ),
        article(
            "1c",
            "1",
            "1_y",
            "Police arrested Maria Lopez in Dallas on Tuesday. Maria Lopez was charged with fraud on Wednesday.",
        ),
        article(
            "1d",
            "1",
            "1_y",
            "Police arrested Maria Lopez in Dallas on Tuesday. Lopez was charged with fraud on Wednesday.",
        ),
    ];
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    writeln!(file, "{}", lines.join("\n")).unwrap();
    file
}

#[test]
fn reports_recall_confusion_and_untouched_discrepancies() {
    let file = corpus();
    let path = file.path().to_str().unwrap();
    let output = cli_common::run(&["eval", "perturb", path, "--seed", "3"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("4 articles, 2 subclusters, 1 clusters, seed 3"),
        "{text}"
    );
    for part in [
        "date moved",
        "number changed",
        "participant swapped",
        "assertion negated",
    ] {
        assert!(text.contains(part), "{text}");
    }
    assert!(text.contains("look-alike confusion: 0 findings"), "{text}");
    assert!(text.contains("untouched subclusters:"), "{text}");
    let again = cli_common::run(&["eval", "perturb", path, "--seed", "3"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
    // The changes run on threads; the figures and samples do not depend on how many.
    for threads in ["1", "3"] {
        let output = cli_common::run(&["eval", "perturb", path, "--seed", "3", "-j", threads]);
        assert_eq!(String::from_utf8(output.stdout).unwrap(), text);
    }
}

#[test]
fn a_line_without_cluster_fields_is_an_error_naming_file_and_line() {
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    writeln!(
        file,
        "{}",
        article("1a", "1", "1_x", "Police arrested a man.")
    )
    .unwrap();
    writeln!(file, "{{\"id\": \"2\", \"text\": \"No cluster here.\"}}").unwrap();
    let output = cli_common::run(&["eval", "perturb", file.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(":2:") && stderr.contains("cluster"),
        "{stderr}"
    );
}

#[test]
fn confusing_findings_are_printed_with_the_sentences_they_cite() {
    let lines = [
        article(
            "2a",
            "2",
            "2_x",
            "Police arrested Jamal Jones in Houston on Friday after a robbery downtown.",
        ),
        article(
            "2b",
            "2",
            "2_x",
            "Police arrested Jamal Jones in Houston on Friday. He was charged with robbery.",
        ),
        article(
            "2c",
            "2",
            "2_y",
            "Police arrested Jamal Jones in Houston on Monday after a robbery downtown.",
        ),
        article(
            "2d",
            "2",
            "2_y",
            "Police arrested Jamal Jones in Houston on Monday. He was charged with fraud.",
        ),
    ];
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    writeln!(file, "{}", lines.join("\n")).unwrap();
    let path = file.path().to_str().unwrap();
    let output = cli_common::run(&["eval", "perturb", path, "--confusion", "50"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains("look-alike confusion: 0 findings"), "{text}");
    assert!(text.contains("  [2] "), "{text}");
    assert!(
        text.contains("2c (2_y): Police arrested Jamal Jones in Houston on [Monday]"),
        "{text}"
    );
}

/// A gold annotation linking the "Friday" of articles 1a and 1b, with `extra` lines after it.
fn gold(extra: &[&str]) -> tempfile::NamedTempFile {
    let sentence = "Police arrested Jamal Jones in Houston on Friday.";
    let start = sentence.find("Friday").unwrap();
    let line = |id: &str| {
        serde_json::json!({"id": id, "mentions": [{
            "type": "TIME_DATE", "field": "text", "start": start, "end": start + 6,
            "chain": "TIM1", "chain_relation": "CROSS_DOC_COREF"
        }]})
        .to_string()
    };
    let mut file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    writeln!(file, "{}\n{}", line("1a"), line("1b")).unwrap();
    for l in extra {
        writeln!(file, "{l}").unwrap();
    }
    file
}

/// `eval perturb` on the corpus `file` with the gold annotation at `gold`.
fn with_gold(file: &tempfile::NamedTempFile, gold: &str) -> std::process::Output {
    cli_common::run(&[
        "eval",
        "perturb",
        file.path().to_str().unwrap(),
        "--gold",
        gold,
    ])
}

/// The "date moved" line of the gold-confirmed recall.
fn confirmed_dates(text: &str) -> String {
    let (_, after) = text
        .split_once("recall on changes a gold annotation confirms")
        .unwrap_or_else(|| panic!("{text}"));
    after
        .lines()
        .find(|l| l.trim_start().starts_with("date moved"))
        .unwrap_or_else(|| panic!("{text}"))
        .to_string()
}

#[test]
fn a_gold_annotation_gives_recall_on_the_changes_it_confirms() {
    let (file, annotation) = (corpus(), gold(&[]));
    let output = with_gold(&file, annotation.path().to_str().unwrap());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    // Both articles' "Friday" are candidates the annotation links; "Saturday" is not linked.
    assert!(confirmed_dates(&text).contains("/2 "), "{text}");
    assert!(
        text.contains("number changed       (not annotated)"),
        "{text}"
    );
    let plain = cli_common::run(&["eval", "perturb", file.path().to_str().unwrap()]);
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains("gold annotation"), "{plain}");
}

#[test]
fn a_bad_gold_line_is_an_error_naming_file_and_line_and_the_rest_is_used() {
    let (file, annotation) = (corpus(), gold(&["{\"id\": \"1c\", \"mentions\": [{"]));
    let output = with_gold(&file, annotation.path().to_str().unwrap());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(":3:") && stderr.contains("annotation"),
        "{stderr}"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(confirmed_dates(&text).contains("/2 "), "{text}");
    let missing = with_gold(&file, "no-such-annotations.jsonl");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no-such-annotations.jsonl"),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );
}
