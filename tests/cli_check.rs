//! `claimcheck check` on the seeds in every format: a snapshot each, exit codes, SARIF validated
//! against the OASIS SARIF 2.1.0 schema, JUnit parsed and counted, GitHub annotations and JSON
//! Lines checked line by line, and the HTML report loaded in a headless browser.

use std::collections::BTreeSet;
use std::path::Path;

use cli_common::run as claimcheck;
use quick_xml::events::Event;
use serde_json::Value;

mod cli_common;

/// `check seeds/ --format FORMAT`: standard output, after checking the exit code is 1 (the
/// seeds hold one error) and nothing went to standard error.
fn seeds(format: &str) -> String {
    let output = claimcheck(&["check", "seeds/", "--no-config", "--format", format]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The findings of the seeds, from the JSON format.
fn findings() -> Vec<Value> {
    let json: Value = serde_json::from_str(&seeds("json")).unwrap();
    json["findings"].as_array().unwrap().clone()
}

#[test]
fn text_snapshot() {
    insta::assert_snapshot!("seeds_text", seeds("text"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("seeds_json", seeds("json"));
}

#[test]
fn jsonl_snapshot() {
    insta::assert_snapshot!("seeds_jsonl", seeds("jsonl"));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("seeds_markdown", seeds("markdown"));
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!("seeds_sarif", seeds("sarif"));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!("seeds_junit", seeds("junit"));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!("seeds_github", seeds("github"));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("seeds_html", seeds("html"));
}

#[test]
fn same_inputs_same_bytes() {
    for format in ["text", "sarif", "html"] {
        assert_eq!(seeds(format), seeds(format), "{format}");
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let code = |args: &[&str]| claimcheck(args).status.code();
    assert_eq!(code(&["check", "seeds/", "--no-config"]), Some(1));
    assert_eq!(
        code(&["check", "seeds/", "--no-config", "--fail-on", "never"]),
        Some(0)
    );
    assert_eq!(
        code(&["check", "seeds/", "--no-config", "--fail-on", "warning"]),
        Some(1)
    );
    // Usage errors and missing inputs are 2.
    assert_eq!(
        code(&["check", "seeds/", "--fail-on", "sometimes"]),
        Some(2)
    );
    assert_eq!(
        code(&["check", "seeds/", "--no-config", "no/such/dir"]),
        Some(2)
    );
}

#[test]
fn sarif_validates_against_the_schema() {
    let sarif: Value = serde_json::from_str(&seeds("sarif")).unwrap();
    // The OASIS errata01 schema (draft-04) and the draft-07 form shipped by serde-sarif; see
    // tests/data/sarif/README.md.
    for (file, draft) in [
        ("sarif-schema-2.1.0.json", jsonschema::Draft::Draft4),
        (
            "sarif-schema-2.1.0.draft-07.json",
            jsonschema::Draft::Draft7,
        ),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sarif")
            .join(file);
        let mut schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        if draft == jsonschema::Draft::Draft7 {
            // This file's `language` patterns end in a stray `]` and are not valid regexes,
            // which the meta-schema check rejects; the OASIS errata file has them fixed.
            for definition in ["run", "toolComponent"] {
                let pattern =
                    &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
                assert_eq!(pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
                *pattern = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
            }
        }
        let validator = jsonschema::options()
            .with_draft(draft)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF invalid against {file}:\n{}",
            errors.join("\n")
        );
        let mut broken = sarif.clone();
        broken["runs"][0]["results"][0]["level"] = "fatal".into();
        assert!(!validator.is_valid(&broken), "{file} accepts a bad level");
    }

    // One result per finding, at its primary evidence, every other evidence related, the
    // finding's fingerprint, and help text for every rule used.
    let findings = findings();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(&findings) {
        assert_eq!(result["ruleId"], finding["code"]);
        assert_eq!(
            result["partialFingerprints"]["claimcheck/v1"],
            finding["fingerprint"]
        );
        let evidence = finding["evidence"].as_array().unwrap();
        let related = result["relatedLocations"].as_array().map_or(0, |r| r.len());
        assert_eq!(related, evidence.len() - 1, "{result:#}");
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.starts_with("seeds/"), "{uri}");
        let rule = &run["tool"]["driver"]["rules"][result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], finding["code"]);
        assert!(
            !rule["help"]["text"].as_str().unwrap().is_empty(),
            "{rule:#}"
        );
    }
}

#[test]
fn junit_parses_with_the_expected_counts() {
    let xml = seeds("junit");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures) = (0, 0);
    let mut suite_tests = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuite" => {
                    suite_tests = e
                        .try_get_attribute("tests")
                        .unwrap()
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap());
                }
                b"testcase" => cases += 1,
                b"failure" => failures += 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(cases, 2, "one test case per article");
    assert_eq!(suite_tests.as_deref(), Some("2"));
    let errors = findings()
        .iter()
        .filter(|f| f["severity"] == "error" && f["kind"] != "agreement")
        .count();
    assert_eq!(
        failures, errors,
        "one failure per finding at --fail-on error"
    );
}

#[test]
fn github_annotations_one_per_finding() {
    let out = seeds("github");
    let findings = findings();
    assert_eq!(out.lines().count(), findings.len());
    for (line, finding) in out.lines().zip(&findings) {
        let command = match finding["severity"].as_str().unwrap() {
            "error" => "::error file=seeds/",
            "warning" => "::warning file=seeds/",
            _ => "::notice file=seeds/",
        };
        assert!(line.starts_with(command), "{line}");
        assert!(line.contains(",line="), "{line}");
    }
}

#[test]
fn jsonl_lines_are_typed() {
    let out = seeds("jsonl");
    let types: Vec<String> = out
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["type"].as_str().unwrap().to_string()
        })
        .collect();
    let order: Vec<&str> = types.iter().map(String::as_str).collect();
    assert_eq!(order.iter().filter(|t| **t == "article").count(), 2);
    assert_eq!(order.last(), Some(&"summary"));
    let mut seen = Vec::new();
    for t in order {
        if seen.last() != Some(&t) {
            seen.push(t);
        }
    }
    assert_eq!(seen, ["article", "claim", "finding", "summary"]);
}

#[test]
fn markdown_groups_findings_by_story_with_links() {
    let out = seeds("markdown");
    assert!(out.starts_with("## claimcheck report"), "{out}");
    assert!(out.contains("| Discrepancy | 1 |"), "{out}");
    assert!(out.contains("### Story 1:"), "{out}");
    assert!(out.contains("](seeds/003_8cdd6abb60c022f4.txt#L"), "{out}");
    assert!(out.contains("\n> "), "quoted evidence: {out}");
}

/// The headless browser, when one is installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn html_report_loads_in_a_browser_with_the_timeline_and_every_finding() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED html_report_loads_in_a_browser...: no chromium on PATH \
             (apt-get install -y chromium; .ci/run installs it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, seeds("html")).unwrap();
    let output = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            // No network: the page must stand alone.
            "--proxy-server=127.0.0.1:9",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("<svg id=\"timeline\""),
        "no timeline in the DOM"
    );
    assert!(dom.contains("class=\"lane\""), "no lanes in the timeline");
    assert!(dom.contains("<rect class=\"claim"), "no claim markers");
    // The seeds' discrepancy is between two durations, which have no date: it is marked in
    // the "no date" column.
    assert!(
        dom.contains("<rect class=\"claim conflict undated\""),
        "conflict not marked on the timeline"
    );
    assert!(dom.contains("id=\"summary\""), "no summary");
    let findings = findings();
    let fingerprints: BTreeSet<&str> = findings
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    for (i, finding) in findings.iter().enumerate() {
        let id = format!("id=\"finding-{}\"", i + 1);
        assert!(
            dom.contains(&id),
            "finding {} ({}) missing",
            i + 1,
            finding["code"]
        );
    }
    for fingerprint in fingerprints {
        assert!(
            dom.contains(&format!("data-fingerprint=\"{fingerprint}\"")),
            "{fingerprint}"
        );
    }
    assert!(dom.contains("<mark>"), "highlighted evidence");
}

#[test]
fn html_is_self_contained() {
    let out = seeds("html");
    for needle in ["<script", "src=\"http", "@import", "url(http", "<link "] {
        assert!(!out.contains(needle), "{needle}");
    }
    assert!(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/img/report.png")).is_file());
}

#[test]
fn markdown_links_take_a_base_url() {
    let output = claimcheck(&[
        "check",
        "seeds/",
        "--no-config",
        "--format",
        "markdown",
        "--link-base",
        "https://github.com/o/r/blob/abc/",
    ]);
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("](https://github.com/o/r/blob/abc/seeds/003_8cdd6abb60c022f4.txt#L"),
        "{out}"
    );
}

#[test]
fn the_number_of_threads_changes_no_byte_of_the_report() {
    let run = |threads: &str| {
        let output = claimcheck(&[
            "check",
            "seeds/",
            "--no-config",
            "--format",
            "jsonl",
            "--threads",
            threads,
        ]);
        assert_eq!(output.status.code(), Some(1));
        output.stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(run("4"), one);
}
