//! Shared by the command-line tests: `claimcheck` started in the crate root with the
//! environment variables that change its output (`NO_COLOR`, `CI`) removed, and the parts of a
//! run the tests read (exit code and streams, findings of a JSON report).
//!
//! Each test file is its own binary and uses only some of these.

#![allow(dead_code)]

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// A `claimcheck` command in the crate root, with `NO_COLOR` and `CI` removed from its
/// environment; a test may still set either, or another directory.
pub(crate) fn claimcheck() -> Command {
    let mut command = Command::cargo_bin("claimcheck").unwrap();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CI");
    command
}

/// Runs `claimcheck args` (see [`claimcheck`]).
pub(crate) fn run(args: &[&str]) -> Output {
    claimcheck().args(args).output().unwrap()
}

/// The exit code (-1 when killed by a signal), standard output and standard error of a run.
pub(crate) fn outcome(output: Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The findings of a `--format json` run with code `code`; panics with the run's output when
/// standard output is no JSON.
pub(crate) fn findings_of(output: &Output, code: &str) -> Vec<Value> {
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
