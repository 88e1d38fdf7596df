//! `claimcheck eval <what>`: the built-in measurements.
//!
//! - `eval timex GOLD...`: TempEval-3 figures of the time tagger (`eval_timex`).
//! - `eval perturb ARTICLES.jsonl`: cross-source recall on changed facts (`eval_perturb`).
//! - `eval diff ARTICLES... [--seed N]`: version pairs generated from real articles by known
//!   edits, and how often the claim diff classes each kind of edit right
//!   (`claimcheck::eval::diff`).

use claimcheck::eval::diff;
use claimcheck::input::{self, LoadOptions};
use claimcheck::pipeline::Analyzer;

use crate::cli::args::{EvalCommand, EvalDiffArgs, ExtractFormat};
use crate::cli::{Status, error, print, rule_files};

pub(crate) fn run(command: &EvalCommand) -> Status {
    match command {
        EvalCommand::Timex(args) => super::eval_timex::run(args),
        EvalCommand::Diff(args) => run_diff(args),
        EvalCommand::Perturb(args) => super::eval_perturb::run(args),
    }
}

fn run_diff(args: &EvalDiffArgs) -> Status {
    let analyzer = match rule_files(&[]).and_then(|files| Analyzer::new(&files)) {
        Ok(analyzer) => analyzer,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let loaded = input::load(&args.articles, &LoadOptions::default());
    loaded.errors.iter().for_each(error);
    if loaded.articles.is_empty() {
        error("eval diff: no articles to build version pairs from");
        return Status::Error;
    }
    let report = diff::evaluate(&analyzer, &loaded.articles, args.seed);
    let out = match args.format {
        ExtractFormat::Text => report.to_text(args.examples),
        ExtractFormat::Json | ExtractFormat::Jsonl => {
            serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
        }
    };
    print(&out);
    if loaded.errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    }
}
