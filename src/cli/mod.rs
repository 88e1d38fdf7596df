//! The command-line front end: argument parsing, loading, running a command, printing, and the
//! exit code. The library never prints; this module does.
//!
//! Exit codes: 0 clean, 1 a finding reached `--fail-on`, 2 a usage, input or rule error (the
//! other inputs are still processed; 2 wins over 1).

mod args;
mod cmd;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use claimcheck::input::{self, Article, LoadOptions};
use claimcheck::rulefiles::{self, RuleFile};

use args::{Cli, Command, InputArgs};

/// Exit status of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    Clean = 0,
    Failed = 1,
    Error = 2,
}

/// Parses the arguments, runs the command and returns its exit code.
pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let status = match cli.command {
        Command::Check(args) => cmd::check::run(&args),
        Command::Extract(args) => cmd::extract::run(&args),
        Command::Rules(args) => cmd::rules::run(&args),
        Command::Eval(args::EvalCommand::Perturb(args)) => cmd::eval_perturb::run(&args),
    };
    ExitCode::from(status as u8)
}

/// Prints one error line to standard error.
pub(crate) fn error(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "claimcheck: error: {message}");
}

/// Writes `text` to standard output; a closed pipe is not an error.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// The built-in rule files and those of each `--rules DIR`, or the errors reading them.
pub(crate) fn rule_files(dirs: &[PathBuf]) -> Result<Vec<RuleFile>, Vec<String>> {
    let mut files = rulefiles::builtin();
    let mut errors = Vec::new();
    for dir in dirs {
        match rulefiles::from_dir(dir) {
            Ok(more) => files.extend(more),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Loads the articles named by `args`, printing one line per input error. Returns the articles
/// and whether any input failed.
pub(crate) fn load_articles(args: &InputArgs) -> (Vec<Article>, bool) {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.paths.clone()
    };
    let options = LoadOptions {
        published: args.published,
    };
    let loaded = input::load(&paths, &options);
    for e in &loaded.errors {
        error(e);
    }
    (loaded.articles, !loaded.errors.is_empty())
}
