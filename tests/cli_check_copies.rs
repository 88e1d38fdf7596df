//! `claimcheck check` on articles that repeat another word for word: each copy is checked once,
//! as its original, and carries the original's findings under its own id; an article with one
//! fact changed is no copy and is checked against the original.

use serde_json::Value;

use cli_common::claimcheck;

mod cli_common;

const TOLD: &str = "Police arrested Jamal Jones in Houston on Friday, the police chief said. \
                    Jones was charged with robbery on Saturday.";
const OTHER: &str = "Police arrested Jamal Jones in Houston on Tuesday. Jones was charged with \
                     robbery on Saturday, prosecutors said.";

/// JSON Lines articles, one `(id, text)` each, published on one day.
fn jsonl(articles: &[(&str, &str)]) -> String {
    articles
        .iter()
        .map(|(id, text)| {
            serde_json::json!({"id": id, "published": "2013-05-03", "text": text}).to_string()
                + "\n"
        })
        .collect()
}

/// `check - --format json` on `articles`: the exit code and the findings.
fn check(articles: &[(&str, &str)]) -> (Option<i32>, Vec<Value>) {
    let output = claimcheck()
        .args(["check", "-", "--no-config", "--format", "json"])
        .write_stdin(jsonl(articles))
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
    });
    (
        output.status.code(),
        json["findings"].as_array().unwrap().clone(),
    )
}

/// The articles a finding's evidence is in.
fn articles_of(finding: &Value) -> Vec<&str> {
    finding["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article"].as_str().unwrap())
        .collect()
}

#[test]
fn a_copy_carries_its_originals_findings_and_is_not_checked_against_it() {
    let (code, findings) = check(&[("a", TOLD), ("b", OTHER), ("a-copy", TOLD)]);
    assert_eq!(code, Some(1));
    let conflicts: Vec<Vec<&str>> = findings
        .iter()
        .filter(|f| f["code"] == "TIME001")
        .map(articles_of)
        .collect();
    assert_eq!(conflicts, vec![vec!["a", "b"], vec!["a-copy", "b"]]);
    for finding in &findings {
        let on = articles_of(finding);
        assert!(
            !(on.contains(&"a") && on.contains(&"a-copy")),
            "{finding:#}"
        );
    }
    // The carried finding has the copy's own claim ids and fingerprint.
    let fingerprints: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "TIME001")
        .map(|f| &f["fingerprint"])
        .collect();
    assert_ne!(fingerprints[0], fingerprints[1]);
}

#[test]
fn an_article_with_one_fact_changed_is_no_copy() {
    let changed = TOLD.replace("Friday", "Thursday");
    let (code, findings) = check(&[("a", TOLD), ("a-edited", &changed)]);
    assert_eq!(code, Some(1));
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "TIME001" && articles_of(f) == ["a", "a-edited"]),
        "{findings:#?}"
    );
}

#[test]
fn copies_are_named_in_a_note_when_verbose() {
    let output = claimcheck()
        .args(["check", "-", "--no-config", "-v", "--format", "json"])
        .write_stdin(jsonl(&[("a", TOLD), ("a-copy", TOLD)]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 article(s) repeat an earlier one word for word"),
        "{stderr}"
    );
}
