//! `claimcheck rules`: listing, documentation, and validation of rule directories, with their
//! exit codes.

use std::path::Path;

mod cli_common;

fn claimcheck(args: &[&str]) -> (i32, String, String) {
    cli_common::outcome(cli_common::run(args))
}

/// The built-in NUM001 rule file with its code and test cases changed by `edit`.
fn write_rule(dir: &Path, edit: impl Fn(String) -> String) {
    let text = std::fs::read_to_string("rules/num/NUM001-count-conflict.toml").unwrap();
    let text = edit(text.replace("code = \"NUM001\"", "code = \"NEWS001\""));
    std::fs::write(dir.join("NEWS001.toml"), text).unwrap();
}

#[test]
fn list_names_every_built_in_rule_with_its_severity() {
    let (code, stdout, _) = claimcheck(&["rules", "list"]);
    assert_eq!(code, 0);
    for file in glob_rule_files("rules") {
        let text = std::fs::read_to_string(&file).unwrap();
        let code_line = text.lines().find(|l| l.starts_with("code = ")).unwrap();
        let rule_code = code_line.trim_start_matches("code = ").trim_matches('"');
        let line = stdout
            .lines()
            .find(|l| l.starts_with(rule_code))
            .unwrap_or_else(|| panic!("{rule_code} missing from:\n{stdout}"));
        assert!(
            ["error", "warning", "info"]
                .iter()
                .any(|s| line.split_whitespace().nth(1) == Some(s)),
            "{line}"
        );
    }
}

#[test]
fn show_prints_the_documentation_sections() {
    let (code, stdout, _) = claimcheck(&["rules", "show", "TIME003"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("TIME003 duration-conflict\n"),
        "{stdout}"
    );
    for heading in [
        "## What it checks",
        "## Why",
        "## Example",
        "## Known problems",
    ] {
        assert!(stdout.contains(heading), "{heading} missing:\n{stdout}");
    }
    assert!(stdout.contains("applies to: both"), "{stdout}");
}

#[test]
fn show_of_an_unknown_code_is_a_usage_error() {
    let (code, stdout, stderr) = claimcheck(&["rules", "show", "NOPE001"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("NOPE001"), "{stderr}");
}

#[test]
fn check_of_the_built_in_directory_passes() {
    let (code, stdout, _) = claimcheck(&["rules", "check", "rules"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}

#[test]
fn check_reports_a_failing_test_case_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    write_rule(dir.path(), |text| {
        text.replacen("expect = 1", "expect = 0", 1)
    });
    let (code, stdout, _) = claimcheck(&["rules", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("FAILED NEWS001 different tolls conflict"),
        "{stdout}"
    );
}

#[test]
fn check_names_file_line_and_key_of_a_malformed_rule() {
    let dir = tempfile::tempdir().unwrap();
    write_rule(dir.path(), |text| {
        text.replacen("summary = ", "sumary = ", 1)
    });
    let (code, _, stderr) = claimcheck(&["rules", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    let line = stderr.lines().next().unwrap();
    assert!(line.contains("NEWS001.toml:"), "{line}");
    assert!(line.contains("unknown field `sumary`"), "{line}");
}

#[test]
fn extra_rules_layer_over_the_built_in_set() {
    let dir = tempfile::tempdir().unwrap();
    write_rule(dir.path(), |text| text);
    let (code, stdout, _) = claimcheck(&["rules", "list", "--rules", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stdout.lines().any(|l| l.starts_with("NEWS001 ")),
        "{stdout}"
    );
    assert!(stdout.lines().any(|l| l.starts_with("NUM001 ")), "{stdout}");
}

/// Every rule file below `dir` (not the lexicon).
fn glob_rule_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for family in std::fs::read_dir(dir).unwrap() {
        let family = family.unwrap().path();
        if !family.is_dir() || family.ends_with("lexicon") {
            continue;
        }
        for file in std::fs::read_dir(&family).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "toml") {
                files.push(file);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty());
    files
}

#[test]
fn list_aligns_its_columns_for_longer_codes() {
    let (code, stdout, _) = claimcheck(&["rules", "list"]);
    assert_eq!(code, 0);
    let severity_at: std::collections::BTreeSet<usize> = stdout
        .lines()
        .map(|l| {
            ["error", "warning", "info"]
                .iter()
                .filter_map(|s| l.find(&format!(" {s} ")))
                .min()
                .unwrap()
        })
        .collect();
    assert_eq!(severity_at.len(), 1, "{stdout}");
    assert!(stdout.contains("LEDGER001 "), "{stdout}");
}
