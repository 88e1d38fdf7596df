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
    /// Print nothing on standard error but errors: no progress, no notes.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Print notes on standard error: the configuration used, baseline and suppression counts,
    /// articles that repeat another word for word.
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Cross-check articles and print agreements, discrepancies and unsupported claims.
    Check(CheckArgs),
    /// Print each article's time expressions, quantities and claims.
    Extract(ExtractArgs),
    /// List, explain and validate rules.
    Rules(RulesArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), of the whole tool or of one subcommand.
    Man {
        /// A subcommand, e.g. check.
        subcommand: Option<String>,
    },
    /// Claim-level diff of two versions of an article (or of a history of versions).
    Diff(DiffArgs),
    /// Measure the tool on gold corpora and generated benchmarks.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Args)]
pub(crate) struct EvalTimexArgs {
    /// Gold files: one document a line, `{id, corpus?, dct, text, timexes}` with code-point
    /// offsets (docs/timex.md).
    #[arg(value_name = "GOLD", required = true)]
    pub(crate) gold: Vec<PathBuf>,
    /// Also list the misses, spurious timexes and wrong extents, types and values.
    #[arg(long)]
    pub(crate) errors: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub(crate) format: EvalFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum EvalFormat {
    /// A table per corpus and type.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The old and the new version (any input format, one article each).
    #[arg(value_name = "VERSION", required_unless_present = "history")]
    pub(crate) versions: Vec<PathBuf>,
    /// A directory of versions, diffed in order of file name.
    #[arg(long, value_name = "DIR", conflicts_with = "versions")]
    pub(crate) history: Option<PathBuf>,
    /// Extra rules and lexicon files, layered over the built-in set (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules: Vec<PathBuf>,
    /// Publication date for versions that carry none: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) published: Option<PartialDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// Exit with 1 when a change reaches this class.
    #[arg(long, value_enum, default_value_t = DiffFailOn::Factual, value_name = "CLASS")]
    pub(crate) fail_on: DiffFailOn,
    /// Accept the changes of a version that adds a line matching this regex (a correction
    /// note, e.g. "Correction:|This article has been updated").
    #[arg(long, value_name = "PATTERN")]
    pub(crate) allow_if_note: Option<String>,
    /// When to use colors in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFailOn {
    Factual,
    Attribution,
    Hedge,
    Wording,
    Never,
}

impl DiffFailOn {
    /// The least class that fails the run, `None` for never.
    pub(crate) fn threshold(self) -> Option<claimcheck::diff::Class> {
        use claimcheck::diff::Class;
        match self {
            DiffFailOn::Factual => Some(Class::Factual),
            DiffFailOn::Attribution => Some(Class::Attribution),
            DiffFailOn::Hedge => Some(Class::Hedge),
            DiffFailOn::Wording => Some(Class::Wording),
            DiffFailOn::Never => None,
        }
    }
}

/// `claimcheck eval <what>`: built-in measurements.
#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// TempEval-3 figures of the time tagger on TIMEX3 gold files (JSON Lines).
    Timex(EvalTimexArgs),
    /// Score the claim diff on version pairs generated from articles by known edits.
    Diff(EvalDiffArgs),
    /// Cross-source recall by changing corroborated facts in real news clusters.
    Perturb(EvalPerturbArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EvalDiffArgs {
    /// Articles to build version pairs from (JSON Lines, or any input format).
    #[arg(value_name = "ARTICLES", required = true)]
    pub(crate) articles: Vec<PathBuf>,
    /// Seed of the edit generator (same seed, same pairs).
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub(crate) format: ExtractFormat,
    /// Print this many misclassified pairs (text format).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub(crate) examples: usize,
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
    /// Print this many misses of each kind, with where the chain breaks.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub(crate) misses: usize,
    /// Print the first N look-alike confusing findings, cluster by cluster, with the sentences
    /// they cite (instead of a random few).
    #[arg(long, value_name = "N")]
    pub(crate) confusion: Option<usize>,
    /// Print this many untouched discrepancies (a seeded sample).
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub(crate) untouched: usize,
    /// A gold annotation with cross-document coreference (ECB+ `annotations.jsonl`): also
    /// report recall on the changes it confirms another article states.
    #[arg(long, value_name = "ANNOTATIONS.jsonl")]
    pub(crate) gold: Option<PathBuf>,
    /// Extra rules and lexicon files, layered over the built-in set (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules: Vec<PathBuf>,
    /// Threads to run the changes on (0: as many as the machine runs at once, the default).
    /// The figures are the same whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,
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
    /// Threads to analyze articles on (0: as many as the machine runs at once, the default).
    /// The output is the same whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<usize>,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// Exit with 1 when a finding reaches this severity [default: error, or the config's].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(crate) fail_on: Option<FailOn>,
    /// When to use colors in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// URL prefix for file links in the Markdown report, e.g.
    /// https://github.com/OWNER/REPO/blob/SHA/ (relative links by default).
    #[arg(long, value_name = "URL")]
    pub(crate) link_base: Option<String>,
    #[command(flatten)]
    pub(crate) gate: GateArgs,
}

/// The editorial gate's controls (see docs/gate.md).
#[derive(Debug, Args)]
pub(crate) struct GateArgs {
    /// Set a rule's severity: CODE=error|warning|info|off (repeatable; wins over the config).
    #[arg(long = "severity", value_name = "CODE=LEVEL")]
    pub(crate) severity: Vec<String>,
    /// Known findings (by fingerprint) that do not fail the run.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Write the run's findings as a baseline to FILE (the run then exits 0 unless an input is
    /// bad).
    #[arg(long, value_name = "FILE")]
    pub(crate) write_baseline: Option<PathBuf>,
    /// Report only findings touching lines changed since this git revision (from its merge
    /// base with HEAD to the working tree).
    #[arg(long, value_name = "GIT_REF")]
    pub(crate) changed_since: Option<String>,
    /// The project configuration to use instead of the claimcheck.toml found by walking up
    /// from the current directory.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub(crate) config: Option<PathBuf>,
    /// Use no project configuration.
    #[arg(long)]
    pub(crate) no_config: bool,
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
