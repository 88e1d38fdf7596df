//! The command line, declared once with clap's derive API. `--help`, completions and the man
//! page all come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimcheck::report::Severity;
use claimcheck::temporal::PartialDate;

/// Extract dated factual claims from news articles and cross-check them across sources.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Cross-check articles and print agreements, discrepancies and unsupported claims.
    Check(CheckArgs),
    /// Print each article's time expressions, quantities and claims.
    Extract(ExtractArgs),
    /// List, explain and validate rules.
    Rules(RulesArgs),
    /// Measure the extractors and the checker on corpora.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// The measurements of `claimcheck eval`.
#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// Cross-source recall by changing corroborated facts in real news clusters.
    Perturb(EvalPerturbArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EvalPerturbArgs {
    /// A JSON Lines corpus with `id`, `cluster` and `subcluster` fields (ECB+ layout).
    #[arg(value_name = "ARTICLES.jsonl")]
    pub(crate) corpus: PathBuf,
    /// Seed of the choice of changes and of replacement values.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// At most this many changes of each kind (0 for all).
    #[arg(long, default_value_t = 300)]
    pub(crate) sample: usize,
    /// Extra rules and lexicon files, layered over the built-in set (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules: Vec<PathBuf>,
}

/// Options shared by the commands that read articles.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Articles: files (.txt, .md, .html, .json, .jsonl), directories, or - for standard input.
    /// With none, the bundled seeds/ folder of the current directory.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Extra rules and lexicon files, layered over the built-in set (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules: Vec<PathBuf>,
    /// Publication date for articles that carry none: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) published: Option<PartialDate>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// Exit with 1 when a finding reaches this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub(crate) fail_on: FailOn,
    /// When to use colors in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub(crate) format: ExtractFormat,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    #[command(subcommand)]
    pub(crate) action: Option<RulesAction>,
    /// Extra rules, layered over the built-in set (repeatable).
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub(crate) rules: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum RulesAction {
    /// List every rule: code, severity, kind, summary.
    List,
    /// Print a rule's documentation.
    #[command(alias = "explain")]
    Show {
        /// The rule code, e.g. TIME001.
        code: String,
    },
    /// Validate the rule files of a directory and run their test cases.
    Check {
        /// A directory of rule files.
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Compiler-style diagnostics with source snippets.
    Text,
    /// One JSON document (see README, "JSON output").
    Json,
    /// JSON Lines: typed article, claim, finding and summary lines.
    Jsonl,
    /// A pull-request comment or an editor's report.
    Markdown,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// JUnit XML, one test case an article.
    Junit,
    /// GitHub Actions workflow annotations.
    Github,
    /// One self-contained HTML page with a timeline.
    Html,
}

impl CheckFormat {
    /// The renderer's format.
    pub(crate) fn report_format(self) -> claimcheck::report::Format {
        use claimcheck::report::Format;
        match self {
            CheckFormat::Text => Format::Text,
            CheckFormat::Json => Format::Json,
            CheckFormat::Jsonl => Format::Jsonl,
            CheckFormat::Markdown => Format::Markdown,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Junit => Format::Junit,
            CheckFormat::Github => Format::Github,
            CheckFormat::Html => Format::Html,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl ColorChoice {
    /// Whether to color standard output: always, never, or when it is a terminal and
    /// `NO_COLOR` is unset.
    pub(crate) fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

impl FailOn {
    /// The least severity that fails the run, `None` for never.
    pub(crate) fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}
