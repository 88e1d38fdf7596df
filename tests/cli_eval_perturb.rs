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
