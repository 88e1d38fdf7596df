//! `claimcheck check` on small inputs that each trip one of the rules TIME004 (date
//! arithmetic), LEDGER001 (reference ledger) and QUOTE001 (quote wording): the finding, its
//! code and the exit code, and the same input without the fault staying clean of it.

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// Runs `claimcheck` with `args` in the crate root, without any project configuration, with
/// `stdin` as standard input.
fn claimcheck(args: &[&str], stdin: &str) -> Output {
    Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

/// The findings of a JSON report with code `code`.
fn findings_of(output: &Output, code: &str) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .cloned()
        .collect()
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
