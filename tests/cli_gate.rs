//! The editorial gate end to end: baselines, inline suppressions, `--changed-since`, the
//! project configuration, severity overrides, and the CLI habits (`-q`, `-v`, completions, man
//! page). Every test works on a copy of the seeds in a temporary directory; `seeds/` itself is
//! never edited.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod cli_common;

const SEED_000: &str = "000_17b3ed00d565f5ad.txt";
const SEED_003: &str = "003_8cdd6abb60c022f4.txt";

fn seed(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name),
    )
    .unwrap()
}

/// A temporary project holding a copy of the seeds in `seeds/`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    for name in [SEED_000, SEED_003, "claimcheck.toml"] {
        std::fs::write(seeds.join(name), seed(name)).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cli_common::claimcheck()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The codes of the findings of a `--format json` run.
fn codes(output: &Output) -> Vec<String> {
    let json: Value = serde_json::from_str(&stdout(output)).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn summary(output: &Output) -> Value {
    let json: Value = serde_json::from_str(&stdout(output)).unwrap();
    json["summary"].clone()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

// Baselines.

#[test]
fn baseline_survives_unrelated_edits_and_catches_changed_numbers() {
    let dir = project();
    let p = dir.path();
    let written = run(
        p,
        &[
            "check",
            "seeds",
            "--no-config",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("base.json")).unwrap()).unwrap();
    assert_eq!(base["version"], 1);
    assert!(base["findings"].as_array().unwrap().len() > 1);

    let gate = |p: &Path| {
        run(
            p,
            &[
                "check",
                "seeds",
                "--no-config",
                "--baseline",
                "base.json",
                "--format",
                "json",
            ],
        )
    };
    let clean = gate(p);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(summary(&clean)["suppressed"].as_u64().unwrap() > 1);

    // A sentence added above, another one reworded: the known findings stay known.
    let article = p.join("seeds").join(SEED_003);
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        format!("Editor's note: this story was updated.\n\n{text}"),
    )
    .unwrap();
    edit(
        &article,
        "It is worth mentioning the talks",
        "It is worth noting that the talks",
    );
    let edited = gate(p);
    assert_eq!(edited.status.code(), Some(0), "{}", stdout(&edited));
    assert!(!codes(&edited).contains(&"TIME003".to_string()));

    // The number the discrepancy rests on changes: a new finding, the gate fails again.
    edit(&article, "nearly for 24 days", "nearly for 20 days");
    let changed = gate(p);
    assert_eq!(changed.status.code(), Some(1), "{}", stdout(&changed));
    assert!(codes(&changed).contains(&"TIME003".to_string()));
}

#[test]
fn bad_baseline_is_an_error_naming_file_and_line() {
    let dir = project();
    std::fs::write(
        dir.path().join("base.json"),
        "{\"version\": 1,\n\"findings\": 3}",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["check", "seeds", "--no-config", "--baseline", "base.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("claimcheck: error: base.json:2: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let missing = run(
        dir.path(),
        &["check", "seeds", "--no-config", "--baseline", "nope.json"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.json:1: cannot read baseline"));
}

// Inline suppressions.

/// A project where seed 003 is a Markdown article (with front matter) whose text has `before`
/// inserted ahead of the line holding `anchor`.
fn markdown_project(before: &str, anchor: &str) -> tempfile::TempDir {
    let dir = project();
    let seeds = dir.path().join("seeds");
    std::fs::remove_file(seeds.join(SEED_003)).unwrap();
    std::fs::write(
        seeds.join("claimcheck.toml"),
        "[articles.\"000_17b3ed00d565f5ad.txt\"]\noutlet = \"Washington Examiner\"\npublished = \"2022-11\"\n",
    )
    .unwrap();
    let text = seed(SEED_003);
    let at = text.find(anchor).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let body = format!("{}{before}{}", &text[..line_start], &text[line_start..]);
    std::fs::write(
        seeds.join("003.md"),
        format!("---\nid: 003_8cdd6abb60c022f4\npublished: 2022-03\n---\n{body}"),
    )
    .unwrap();
    dir
}

fn check_json(dir: &Path) -> Output {
    run(dir, &["check", "seeds", "--no-config", "--format", "json"])
}

#[test]
fn markdown_article_without_comments_still_fails() {
    let dir = markdown_project("", "It is worth mentioning");
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(codes(&out).contains(&"TIME003".to_string()));
}

#[test]
fn disable_next_line_suppresses_one_code() {
    let dir = markdown_project(
        "<!-- claimcheck-disable-next-line TIME003 -- checked with the desk -->\n",
        "It is worth mentioning",
    );
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let codes = codes(&out);
    assert!(!codes.contains(&"TIME003".to_string()), "{codes:?}");
    assert!(codes.contains(&"ATTR001".to_string()), "{codes:?}");
    assert!(summary(&out)["suppressed"].as_u64().unwrap() >= 1);
}

#[test]
fn disable_enable_region() {
    let dir = markdown_project(
        "<!-- claimcheck-disable TIME003 ATTR001 -->\n",
        "Biden and Putin have not spoken",
    );
    // The region runs to the end without an enable.
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!codes(&out).contains(&"TIME003".to_string()));

    // Closed before the second duration: the first one is still inside the region, and any
    // evidence in a region suppresses the finding.
    let article = dir.path().join("seeds/003.md");
    edit(
        &article,
        "It is worth mentioning",
        "<!-- claimcheck-enable -->\nIt is worth mentioning",
    );
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !codes(&out).contains(&"TIME003".to_string()),
        "any evidence in a region suppresses"
    );
    edit(
        &article,
        "<!-- claimcheck-disable TIME003 ATTR001 -->",
        "<!-- claimcheck-disable ATTR001 -->",
    );
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(codes(&out).contains(&"TIME003".to_string()));
}

#[test]
fn unknown_code_in_a_suppression_is_an_error_with_file_and_line() {
    let dir = markdown_project(
        "<!-- claimcheck-disable-next-line TIME999 -->\n",
        "It is worth mentioning",
    );
    let out = run(dir.path(), &["check", "seeds", "--no-config"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let text = std::fs::read_to_string(dir.path().join("seeds/003.md")).unwrap();
    let line = text.lines().position(|l| l.contains("TIME999")).unwrap() + 1;
    assert_eq!(
        err.trim_end(),
        format!(
            "claimcheck: error: seeds/003.md:{line}: unknown rule code `TIME999` in \
             `claimcheck-disable-next-line`; expected a code of `claimcheck rules list`"
        )
    );
    // The report is still printed, with the finding the bad comment did not suppress.
    assert!(stdout(&out).contains("error[TIME003]"));
}

#[test]
fn html_article_suppressions_apply_to_following_blocks() {
    let dir = project();
    let seeds = dir.path().join("seeds");
    std::fs::remove_file(seeds.join(SEED_003)).unwrap();
    std::fs::write(
        seeds.join("claimcheck.toml"),
        "[articles.\"000_17b3ed00d565f5ad.txt\"]\noutlet = \"Washington Examiner\"\npublished = \"2022-11\"\n",
    )
    .unwrap();
    let paragraphs: Vec<String> = seed(SEED_003)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let escaped = l.replace('&', "&amp;").replace('<', "&lt;");
            if l.starts_with("It is worth mentioning") {
                format!("<!-- claimcheck-disable-next-line TIME003 -->\n<p>{escaped}</p>")
            } else {
                format!("<p>{escaped}</p>")
            }
        })
        .collect();
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>t</title>\n<meta property=\"article:published_time\" content=\"2022-03-08\"></head>\n<body><article>\n{}\n</article></body></html>\n",
        paragraphs.join("\n")
    );
    std::fs::write(seeds.join("003.html"), &page).unwrap();
    let out = check_json(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!codes(&out).contains(&"TIME003".to_string()));

    std::fs::write(seeds.join("003.html"), page.replace("TIME003", "TIME009")).unwrap();
    let out = run(dir.path(), &["check", "seeds", "--no-config"]);
    assert_eq!(out.status.code(), Some(2));
    let line = page.lines().position(|l| l.contains("TIME003")).unwrap() + 1;
    assert!(
        stderr(&out).contains(&format!(
            "seeds/003.html:{line}: unknown rule code `TIME009`"
        )),
        "{}",
        stderr(&out)
    );
}

// --changed-since.

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn has_git() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn changed_since_reports_only_findings_on_changed_lines() {
    if !has_git() {
        eprintln!("SKIPPED changed_since_...: git is not installed");
        return;
    }
    let dir = project();
    let p = dir.path();
    git(p, &["init", "-q"]);
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "seeds"]);
    let changed = |p: &Path| {
        run(
            p,
            &[
                "check",
                "seeds",
                "--no-config",
                "--format",
                "json",
                "--changed-since",
                "HEAD",
            ],
        )
    };
    let out = changed(p);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(codes(&out).is_empty(), "{:?}", codes(&out));

    // Change the line of the second duration (uncommitted): the discrepancy touches it, the
    // findings of the other article do not.
    let article = p.join("seeds").join(SEED_003);
    edit(&article, "nearly for 24 days", "nearly for 20 days");
    let out = changed(p);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["code"] == "TIME003"));
    for f in findings {
        assert!(
            f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["article"] == "003_8cdd6abb60c022f4"),
            "{f:#}"
        );
    }
    // Committed on a branch: changes since the fork point from main still count.
    git(p, &["checkout", "-q", "-b", "edit"]);
    git(p, &["commit", "-q", "-am", "edit"]);
    let out = run(
        p,
        &["check", "seeds", "--no-config", "--changed-since", "main"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let bad = run(
        p,
        &[
            "check",
            "seeds",
            "--no-config",
            "--changed-since",
            "no-such-ref",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad).trim_end(),
        "claimcheck: error: --changed-since no-such-ref: not a commit in this repository"
    );
}

// Project configuration.

fn write(path: PathBuf, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn config_is_found_walking_up_and_sets_fail_on_and_paths() {
    let dir = project();
    let p = dir.path();
    write(
        p.join("claimcheck.toml"),
        "[check]\npaths = [\"seeds\"]\nfail-on = \"never\"\n",
    );
    write(p.join("sub/deeper/.keep"), "");
    let out = run(&p.join("sub/deeper"), &["check", "--format", "json", "-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(summary(&out)["articles"], 2);
    assert!(stderr(&out).contains("configuration: "), "{}", stderr(&out));
    // The command line wins over the file.
    let out = run(p, &["check", "--fail-on", "error"]);
    assert_eq!(out.status.code(), Some(1));
    // --no-config ignores it.
    let out = run(p, &["check", "seeds", "--no-config"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn seeds_manifest_is_not_a_project_config() {
    let dir = project();
    // From inside seeds/, walking up meets the manifest first and passes over it.
    let out = run(
        &dir.path().join("seeds"),
        &["check", ".", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(summary(&out)["articles"], 2);
}

#[test]
fn config_severity_overrides_and_rules_off() {
    let dir = project();
    let p = dir.path();
    write(
        p.join("claimcheck.toml"),
        "[rules.severity]\nTIME003 = \"warning\"\nATTR001 = \"off\"\n",
    );
    let out = run(p, &["check", "seeds", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let time003 = findings.iter().find(|f| f["code"] == "TIME003").unwrap();
    assert_eq!(time003["severity"], "warning");
    assert!(!findings.iter().any(|f| f["code"] == "ATTR001"));
    // --severity wins over the file.
    let out = run(p, &["check", "seeds", "--severity", "TIME003=error"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(
        p,
        &["check", "seeds", "--severity", "time003=off", "--no-config"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn include_exclude_and_published_defaults() {
    let dir = project();
    let p = dir.path();
    // An undated copy of seed 003 elsewhere; a draft that is excluded, broken as it is.
    write(p.join("news/003.txt"), &seed(SEED_003));
    write(p.join("news/drafts/broken.txt"), "");
    write(
        p.join("claimcheck.toml"),
        "[check]\npaths = [\"news\"]\nexclude = [\"news/drafts/**\"]\n[published]\ndefault = \"2019\"\npaths = { \"news/0*.txt\" = \"2022-03\" }\n",
    );
    let out = run(p, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    assert_eq!(json["articles"][0]["published"], "2022-03");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    // Without the glob, the default date applies; --published wins over the default.
    write(
        p.join("claimcheck.toml"),
        "[check]\npaths = [\"news\"]\ninclude = [\"news/*.txt\"]\n[published]\ndefault = \"2019\"\n",
    );
    let out = run(p, &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["articles"][0]["published"], "2019");
    let out = run(
        p,
        &["check", "--format", "json", "--published", "2022-03-08"],
    );
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["articles"][0]["published"], "2022-03-08");
    // Standard input is not a project file: include globs do not drop it.
    let out = cli_common::claimcheck()
        .current_dir(p)
        .args(["check", "-", "--format", "json"])
        .write_stdin(seed(SEED_003))
        .output()
        .unwrap();
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["articles"][0]["origin"], "<stdin>");
    assert_eq!(json["articles"][0]["published"], "2019");
}

#[test]
fn malformed_config_is_one_line_naming_file_and_line() {
    let dir = project();
    let p = dir.path();
    for (text, expected) in [
        (
            "[check]\nfail-on = \"error\"\nfial-on = \"info\"\n",
            "claimcheck.toml:3: unknown field `fial-on`",
        ),
        ("[check]\npaths = [\"a\"\n", "claimcheck.toml:"),
        (
            "exclude = []\n[chek]\n",
            "claimcheck.toml:2: unknown field `chek`",
        ),
        (
            "[rules.severity]\nTIME999 = \"info\"\n",
            "claimcheck.toml:2: rules.severity: unknown rule code `TIME999`",
        ),
        (
            "[published]\ndefault = \"March\"\n",
            "claimcheck.toml:2: published.default: ",
        ),
    ] {
        write(p.join("claimcheck.toml"), text);
        let out = run(p, &["check", "seeds"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        let message = err.trim_end().strip_prefix("claimcheck: error: ").unwrap();
        assert!(message.starts_with(expected), "{text:?}: {err}");
        assert!(stdout(&out).is_empty(), "no report on a bad configuration");
    }
    // An explicit --config that is broken, or missing.
    write(p.join("other.toml"), "[check]\nformat = \"json\"\n");
    let out = run(p, &["check", "seeds", "--config", "other.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("other.toml:2: unknown field `format`"),
        "{}",
        stderr(&out)
    );
    let out = run(p, &["check", "seeds", "--config", "missing.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(
        p,
        &["check", "seeds", "--config", "other.toml", "--no-config"],
    );
    assert_eq!(out.status.code(), Some(2), "the two flags conflict");
}

#[test]
fn bad_severity_flag_is_a_usage_error() {
    let dir = project();
    for flag in ["TIME003", "TIME003=loud", "NOPE001=error"] {
        let out = run(
            dir.path(),
            &["check", "seeds", "--no-config", "--severity", flag],
        );
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
}

// CLI habits.

#[test]
fn quiet_and_verbose() {
    let dir = project();
    let quiet = run(dir.path(), &["check", "seeds", "--no-config", "-q"]);
    assert!(stderr(&quiet).is_empty());
    assert!(!stdout(&quiet).is_empty());
    let verbose = run(
        dir.path(),
        &[
            "check",
            "seeds",
            "--no-config",
            "-v",
            "--write-baseline",
            "b.json",
        ],
    );
    assert!(
        stderr(&verbose).contains("baseline of "),
        "{}",
        stderr(&verbose)
    );
    // Not a terminal: no progress line, no colors.
    let plain = run(dir.path(), &["check", "seeds", "--no-config"]);
    assert!(stderr(&plain).is_empty());
    assert!(!stdout(&plain).contains('\u{1b}'));
    let colored = run(
        dir.path(),
        &["check", "seeds", "--no-config", "--color", "always"],
    );
    assert!(stdout(&colored).contains('\u{1b}'));
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains("claimcheck"), "{shell}");
        assert!(script.contains("changed-since"), "{shell}: flags of check");
    }
    assert_eq!(
        run(dir.path(), &["completions", "tcsh"]).status.code(),
        Some(2)
    );
}

#[test]
fn man_page_from_the_clap_definition() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH claimcheck 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    let out = run(dir.path(), &["man", "check"]);
    let page = stdout(&out);
    assert!(page.contains(".TH claimcheck-check 1"), "{page}");
    assert!(
        page.contains(&format!("\"check {}\"", env!("CARGO_PKG_VERSION"))),
        "{page}"
    );
    assert!(page.contains("\\-\\-write\\-baseline"), "{page}");
    let out = run(dir.path(), &["man", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown subcommand \"nope\""));
}

#[test]
fn severity_override_applies_to_every_finding_of_the_rule() {
    let dir = project();
    let out = run(
        dir.path(),
        &[
            "check",
            "seeds",
            "--no-config",
            "--format",
            "json",
            "--severity",
            "ATTR001=info",
        ],
    );
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let attr: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "ATTR001")
        .collect();
    assert!(!attr.is_empty());
    assert!(attr.iter().all(|f| f["severity"] == "info"), "{attr:#?}");
    assert_eq!(json["summary"]["warnings"], 0);
}

#[test]
fn config_rule_directories_layer_over_the_built_ins() {
    let dir = project();
    let p = dir.path();
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/time/TIME003-duration-conflict.toml"),
    )
    .unwrap();
    assert!(builtin.contains("severity = \"error\""));
    write(
        p.join("newsroom-rules/time/TIME003-duration-conflict.toml"),
        &builtin.replacen("severity = \"error\"", "severity = \"warning\"", 1),
    );
    write(
        p.join("claimcheck.toml"),
        "[rules]\ndirs = [\"newsroom-rules\"]\n",
    );
    let out = run(p, &["check", "seeds", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let time003 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "TIME003")
        .unwrap()
        .clone();
    assert_eq!(time003["severity"], "warning");

    write(
        p.join("claimcheck.toml"),
        "[rules]\ndirs = [\"no-such-rules\"]\n",
    );
    let out = run(p, &["check", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such-rules: not a directory of rule files"),
        "{}",
        stderr(&out)
    );
}

/// Runs `command` under `script`, so that standard error is a terminal; returns what the
/// terminal received and how long it took, or `None` when `script` is not available.
fn on_a_terminal(dir: &Path, command: &str, env: &[(&str, &str)]) -> Option<(String, f64)> {
    let typescript = dir.join("typescript.txt");
    let started = std::time::Instant::now();
    let status = std::process::Command::new("script")
        .args(["-qec", command])
        .arg(&typescript)
        .current_dir(dir)
        .env_remove("CI")
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .status()
        .ok()?;
    let elapsed = started.elapsed().as_secs_f64();
    status.code()?;
    Some((std::fs::read_to_string(&typescript).ok()?, elapsed))
}

#[test]
fn progress_line_only_on_a_terminal_for_long_text_runs() {
    let dir = project();
    let p = dir.path();
    let many = p.join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..80 {
        std::fs::write(many.join(format!("a{i:03}.txt")), seed(SEED_003)).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let run = |args: &str, env: &[(&str, &str)]| {
        on_a_terminal(
            p,
            &format!(
                "{} check many --no-config --published 2022-03 {args} > /dev/null",
                bin.display()
            ),
            env,
        )
    };
    // With no delay the line shows on every run; by default, only after 0.7 s of analysis.
    let Some((text, _)) = run("", &[("CLAIMCHECK_PROGRESS_DELAY_MS", "0")]) else {
        eprintln!("SKIPPED progress_line_...: `script` (util-linux) is not installed");
        return;
    };
    assert!(text.contains("analyzing articles 80/80"), "{text}");
    assert!(
        text.contains("\r\u{1b}[2K"),
        "the line is erased at the end"
    );
    let quick = [("CLAIMCHECK_PROGRESS_DELAY_MS", "0")];
    let (text, _) = run("", &[("CI", "true"), quick[0]]).unwrap();
    assert!(!text.contains("analyzing articles"), "never in CI: {text}");
    let (text, _) = run("--format json", &quick).unwrap();
    assert!(
        !text.contains("analyzing articles"),
        "never for machine formats: {text}"
    );
    let (text, _) = run("-q", &quick).unwrap();
    assert!(
        !text.contains("analyzing articles"),
        "never with -q: {text}"
    );
}
