//! `claimcheck check` on small inputs that each trip one of the rules TIME004 (date
//! arithmetic), LEDGER001 (reference ledger) and QUOTE001 (quote wording): the finding, its
//! code and the exit code, and the same input without the fault staying clean of it.

use std::fs;
use std::path::Path;
use std::process::Output;

use cli_common::findings_of;

mod cli_common;

/// Runs `claimcheck` with `args` in the crate root, without any project configuration, with
/// `stdin` as standard input.
fn claimcheck(args: &[&str], stdin: &str) -> Output {
    cli_common::claimcheck()
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

#[test]
fn time004_restated_shift_fails_the_run() {
    let text = "On March 3, the talks between Russia and Ukraine began in Belarus. Two days \
                later, on March 7, the delegations met again.";
    let args = [
        "check",
        "-",
        "--no-config",
        "--published",
        "2022-03-20",
        "--format",
        "json",
    ];
    let output = claimcheck(&args, text);
    assert_eq!(output.status.code(), Some(1));
    let found = findings_of(&output, "TIME004");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "discrepancy");
    assert!(
        found[0]["message"].as_str().unwrap().contains("2022-03-05"),
        "{}",
        found[0]["message"]
    );
    let fixed = text.replace("March 7", "March 5");
    let output = claimcheck(&args, &fixed);
    assert!(findings_of(&output, "TIME004").is_empty());
}

#[test]
fn time004_silence_against_the_publication_date() {
    let text = "Biden had last spoken to Putin on February 12. Biden and Putin have not spoken \
                for more than 24 days now.";
    let early = claimcheck(
        &[
            "check",
            "-",
            "--no-config",
            "--published",
            "2022-03-01",
            "--format",
            "json",
        ],
        text,
    );
    assert_eq!(early.status.code(), Some(1));
    assert_eq!(findings_of(&early, "TIME004").len(), 1);
    let late = claimcheck(
        &[
            "check",
            "-",
            "--no-config",
            "--published",
            "2022-03-10",
            "--format",
            "json",
        ],
        text,
    );
    assert!(findings_of(&late, "TIME004").is_empty());
}

/// A rules directory holding one ledger file with `text`.
fn ledger_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("ledger")).unwrap();
    fs::write(dir.path().join("ledger/facts.toml"), text).unwrap();
    dir
}

const SEED_CALL: &str = r#"[[fact]]
id = "biden-putin-call"
event = "speak"
participants = ["joe-biden", "vladimir-putin"]
date = "DATE"
as-of = "2022-03-01"
source = "the readout of the call"
"#;

/// The seeds checked with a ledger holding the Biden–Putin call on `date`, as JSON.
fn seeds_with_call(date: &str) -> Output {
    let dir = ledger_dir(&SEED_CALL.replace("DATE", date));
    let rules = dir.path().to_str().unwrap();
    claimcheck(
        &[
            "check",
            "seeds/",
            "--no-config",
            "--rules",
            rules,
            "--format",
            "json",
        ],
        "",
    )
}

/// Whether some ATTR001 finding is about the call of February 12.
fn call_unsupported(output: &Output) -> bool {
    findings_of(output, "ATTR001").iter().any(|f| {
        f["message"].as_str().is_some_and(|m| {
            m.contains("\"speak\" (joe-biden, vladimir-putin)") && m.contains("February 12")
        })
    })
}

#[test]
fn ledger001_a_contradicting_fact_is_a_discrepancy() {
    let output = seeds_with_call("2022-02-14");
    assert_eq!(output.status.code(), Some(1));
    let found = findings_of(&output, "LEDGER001");
    assert_eq!(found.len(), 1, "{found:?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("biden-putin-call"), "{message}");
    assert!(message.contains("ledger/facts.toml:1"), "{message}");
    assert!(message.contains("2022-02-14"), "{message}");
    assert_eq!(found[0]["evidence"][0]["text"], "February 12");
    // A contradicted claim is not corroborated.
    assert!(call_unsupported(&output));
}

#[test]
fn ledger001_an_agreeing_fact_corroborates() {
    let without = claimcheck(&["check", "seeds/", "--no-config", "--format", "json"], "");
    assert!(call_unsupported(&without));
    let output = seeds_with_call("2022-02-12");
    assert!(findings_of(&output, "LEDGER001").is_empty());
    assert!(!call_unsupported(&output));
    let before = findings_of(&without, "ATTR001").len();
    assert_eq!(findings_of(&output, "ATTR001").len(), before - 1);
}

#[test]
fn ledger_errors_name_file_line_and_key() {
    let dir = ledger_dir(&SEED_CALL.replace("DATE", "2022-02-31"));
    let rules = dir.path().to_str().unwrap();
    let output = claimcheck(&["check", "seeds/", "--no-config", "--rules", rules], "");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ledger/facts.toml:5: key `date`"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let output = claimcheck(&["rules", "check", rules], "");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_example_ledger_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("ledger")).unwrap();
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/rules/ledger/example.toml");
    fs::copy(example, dir.path().join("ledger/example.toml")).unwrap();
    let rules = dir.path().to_str().unwrap();
    let output = claimcheck(&["check", "seeds/", "--no-config", "--rules", rules], "");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn quote001_a_reworded_quote_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "\"What we’ve seen repeatedly is that Russia goes through the pretence of diplomacy \
         to distract,\" Blinken told reporters on Wednesday.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "“What we’ve witnessed repeatedly is that Russia goes through the pretence of \
         diplomacy to distract,” Blinken said.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let output = claimcheck(&["check", path, "--no-config", "--format", "json"], "");
    // A warning: the default gate (error) passes, --fail-on warning fails.
    assert_eq!(output.status.code(), Some(0));
    let found = findings_of(&output, "QUOTE001");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "warning");
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("[-seen-] {+witnessed+}"), "{message}");
    assert_eq!(found[0]["evidence"].as_array().unwrap().len(), 2);
    let output = claimcheck(&["check", path, "--no-config", "--fail-on", "warning"], "");
    assert_eq!(output.status.code(), Some(1));
    // The same words in other marks: nothing to report.
    fs::write(
        dir.path().join("b.txt"),
        "“What we've seen repeatedly is that Russia goes through the pretence of diplomacy to \
         distract,” Blinken said.\n",
    )
    .unwrap();
    let output = claimcheck(&["check", path, "--no-config", "--format", "json"], "");
    assert!(findings_of(&output, "QUOTE001").is_empty());
}
