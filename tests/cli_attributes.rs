//! `claimcheck check` on two short articles that disagree on an age and on a quake's magnitude:
//! the attribute rule (ENT002) reports each disagreement once, and the exit code follows
//! `--fail-on` (ENT002 is a warning).

use std::process::Output;

use serde_json::Value;

mod cli_common;

const ARTICLES: [&str; 2] = [
    "tests/data/attributes/quake_wire.md",
    "tests/data/attributes/quake_daily.md",
];

fn check(extra: &[&str]) -> Output {
    cli_common::claimcheck()
        .arg("check")
        .args(ARTICLES)
        .arg("--no-config")
        .args(extra)
        .output()
        .unwrap()
}

fn ent002(output: &Output) -> Vec<Value> {
    cli_common::findings_of(output, "ENT002")
}

#[test]
fn an_age_and_a_magnitude_in_dispute_are_two_findings() {
    let output = check(&["--format", "json", "--fail-on", "never"]);
    assert_eq!(output.status.code(), Some(0));
    let found = ent002(&output);
    let messages: Vec<&str> = found
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(found.len(), 2, "{messages:?}");
    assert!(
        messages.iter().any(|m| m.starts_with("age of tara-reid")
            && m.contains("\"33\"")
            && m.contains("\"38-year-old\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("magnitude of the quake")
                && m.contains("6.1-magnitude")
                && m.contains("5.4")),
        "{messages:?}"
    );
    for finding in &found {
        assert_eq!(finding["kind"], "discrepancy");
        assert_eq!(finding["severity"], "warning");
        let articles: Vec<&str> = finding["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["article"].as_str().unwrap())
            .collect();
        let mut articles = articles;
        articles.sort_unstable();
        assert_eq!(articles, ["quake-daily", "quake-wire"]);
    }
    // No other rule reports the same age or magnitude: one conflict, one finding.
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let others = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] != "ENT002" && f["kind"] == "discrepancy")
        .filter(|f| {
            f["evidence"].as_array().unwrap().iter().any(|e| {
                let text = e["text"].as_str().unwrap();
                ["6.1", "5.4", "33", "38"].iter().any(|n| text.contains(n))
            })
        })
        .count();
    assert_eq!(others, 0);
}

#[test]
fn exit_code_follows_fail_on() {
    assert_eq!(check(&["--fail-on", "warning"]).status.code(), Some(1));
    assert_eq!(check(&["--fail-on", "never"]).status.code(), Some(0));
    // Without the attribute rule nothing reaches a warning here.
    let output = check(&["--fail-on", "warning", "--format", "json"]);
    let has_other_warning = serde_json::from_slice::<Value>(&output.stdout).unwrap()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] != "ENT002" && f["severity"] != "info");
    assert!(!has_other_warning, "the failure is the attribute rule's");
}

#[test]
fn rules_show_prints_the_documentation() {
    let output = cli_common::run(&["rules", "show", "ENT002"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "ENT002",
        "attribute-conflict",
        "## Known problems",
        "Tara Reid, 33",
    ] {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
}
