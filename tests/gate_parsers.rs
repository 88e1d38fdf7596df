//! Property tests for the gate's parsers: suppression comments, `git diff` output, the project
//! configuration and baselines never panic on any input, and what they find is consistent.

use std::path::Path;

use claimcheck::gate::config::Config;
use claimcheck::gate::suppress::{Suppressions, markdown_comments};
use claimcheck::gate::{Baseline, Changed};
use proptest::prelude::*;

/// Text built from the pieces suppression comments and diffs are made of, so that the
/// interesting cases come up often.
fn pieces(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(words).prop_map(str::to_string),
            "\\PC{0,6}",
        ],
        0..30,
    )
    .prop_map(|v| v.concat())
}

const COMMENT_WORDS: &[&str] = &[
    "<!--",
    "-->",
    " claimcheck-disable",
    " claimcheck-enable",
    " claimcheck-disable-next-line",
    " TIME001",
    " time003,",
    " NOPE9",
    " -- reason",
    "\n",
    "\n\n",
    "text. ",
];

const DIFF_WORDS: &[&str] = &[
    "+++ b/a.md\n",
    "+++ \"b/c d.md\"\n",
    "+++ /dev/null\n",
    "@@ -1 +1 @@\n",
    "@@ -3,2 +4,0 @@\n",
    "@@ -0,0 +1,3 @@\n",
    "@@ +x,y @@\n",
    "\n",
];

const TOML_WORDS: &[&str] = &[
    "[check]\n",
    "[rules]\n",
    "[published]\n",
    "[articles.\"a.txt\"]\n",
    "exclude = [\"x\"]\n",
    "paths = [\"a\"]\n",
    "include = [\"**/*.md\", \"[\"]\n",
    "fail-on = \"warning\"\n",
    "severity = { TIME001 = \"off\" }\n",
    "default = \"2022-13\"\n",
    "\"",
    "=",
    "\n",
];

fn known(code: &str) -> bool {
    ["TIME001", "TIME003"]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(code))
}

proptest! {
    #[test]
    fn suppression_comments_never_panic(text in pieces(COMMENT_WORDS), first in 1usize..50) {
        let comments = markdown_comments(&text, first);
        let lines = text.split('\n').count();
        for c in &comments {
            prop_assert!(c.file_line >= first);
            prop_assert!(c.start < c.end);
            prop_assert!(c.next >= c.end || c.next == lines);
        }
        let (suppressions, errors) = Suppressions::build(Path::new("a.md"), &comments, known);
        for e in &errors {
            prop_assert!(!e.to_string().contains('\n'));
        }
        let _ = suppressions.covers("TIME001", 0, lines);
    }

    #[test]
    fn diffs_never_panic(diff in pieces(DIFF_WORDS), line in 1usize..20) {
        let changed = Changed::parse_diff(&diff, Path::new("/repo"));
        let _ = changed.touches(Path::new("/repo/a.md"), Some((line, line + 2)));
        prop_assert!(changed.len() <= 2);
    }

    #[test]
    fn configurations_never_panic(text in pieces(TOML_WORDS)) {
        match Config::parse(Path::new("p/claimcheck.toml"), &text) {
            Ok(_) => {}
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    let message = e.to_string();
                    prop_assert!(message.starts_with("p/claimcheck.toml:"), "{}", message);
                    prop_assert!(!message.contains('\n'), "{}", message);
                }
            }
        }
    }

    #[test]
    fn baselines_never_panic(text in "\\PC{0,80}") {
        if let Err(e) = Baseline::parse(Path::new("b.json"), &text) {
            prop_assert!(e.to_string().starts_with("b.json:"));
        }
    }
}
