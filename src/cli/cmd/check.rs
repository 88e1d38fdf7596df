//! `claimcheck check`: cross-check articles, pass the findings through the gate (project
//! configuration, inline suppressions, `--changed-since`, baseline) and print them.
//!
//! Configuration errors, unknown rule codes and bad baselines stop the run before any checking
//! (exit 2): a gate running on half its settings would pass what it should stop. Bad articles
//! and bad suppression comments are reported and the rest is still checked (exit 2 at the end).

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimcheck::gate::config::{Config, Level};
use claimcheck::gate::{self, Baseline, Changed};
use claimcheck::input::{self, Article, LoadOptions};
use claimcheck::pipeline::check::Checker;
use claimcheck::pipeline::parallel;
use claimcheck::report::{self, RenderOptions, Severity};

use crate::cli::args::{CheckArgs, CheckFormat};
use crate::cli::{Status, error, is_quiet, note, print, rule_files};

pub(crate) fn run(args: &CheckArgs) -> Status {
    match run_gate(args) {
        Ok(status) => status,
        Err(errors) => {
            errors.iter().for_each(error);
            Status::Error
        }
    }
}

/// The project configuration: `--config`, none with `--no-config`, else the one found by
/// walking up from `cwd`.
fn config(args: &CheckArgs, cwd: &Path) -> Result<Option<Config>, Vec<String>> {
    // Paths in messages relative to the current directory when the file is under it.
    let strings = |errors: Vec<gate::config::ConfigError>| -> Vec<String> {
        errors
            .into_iter()
            .map(|mut e| {
                if let Ok(relative) = e.path.strip_prefix(cwd) {
                    e.path = relative.to_path_buf();
                }
                e.to_string()
            })
            .collect()
    };
    if args.gate.no_config {
        return Ok(None);
    }
    let mut config = match &args.gate.config {
        Some(path) => Config::read(path).map(Some).map_err(strings)?,
        None => Config::discover(cwd).map_err(strings)?,
    };
    if let Some(config) = &mut config {
        // For messages only; `root` keeps resolving paths.
        if let Ok(relative) = config.path.strip_prefix(cwd) {
            config.path = relative.to_path_buf();
        }
        note(format!("configuration: {}", config.path.display()));
    }
    Ok(config)
}

/// The checker, every rule code before any was turned off (for checking suppression
/// comments), and the severity overrides to apply to the findings.
type Rules = (Checker, BTreeSet<String>, Vec<(String, Severity)>);

/// Builds the checker with the configuration's and the command line's rule directories and
/// severity overrides.
fn checker(args: &CheckArgs, config: Option<&Config>) -> Result<Rules, Vec<String>> {
    let mut dirs: Vec<PathBuf> = config.map(|c| c.rule_dirs.clone()).unwrap_or_default();
    dirs.extend(args.input.rules.iter().cloned());
    let mut checker = rule_files(&dirs).and_then(|files| Checker::new(&files))?;
    checker.threads = parallel::threads(args.input.threads);
    let codes: BTreeSet<String> = checker
        .rules
        .rules
        .iter()
        .map(|r| r.spec.code.clone())
        .collect();
    let mut overrides: Vec<(String, Level, String)> = Vec::new();
    let mut errors = Vec::new();
    let mut severities = Vec::new();
    if let Some(config) = config {
        for o in &config.severity {
            let place = format!("{}:{}: rules.severity", config.path.display(), o.line);
            overrides.push((o.code.clone(), o.level, place));
        }
    }
    for given in &args.gate.severity {
        let parsed = given.split_once('=').and_then(|(code, level)| {
            level
                .trim()
                .parse::<Level>()
                .ok()
                .map(|l| (code.trim().to_string(), l))
        });
        match parsed {
            Some((code, level)) => overrides.push((code, level, "--severity".to_string())),
            None => errors.push(format!(
                "--severity {given:?}: expected CODE=LEVEL with LEVEL error, warning, info or off"
            )),
        }
    }
    for (code, level, place) in overrides {
        if !codes.iter().any(|c| c.eq_ignore_ascii_case(&code)) {
            errors.push(format!(
                "{place}: unknown rule code `{code}`; expected a code of `claimcheck rules list`"
            ));
            continue;
        }
        match level {
            Level::Severity(severity) => {
                checker.rules.override_severity(&code, severity);
                severities.push((code, severity));
            }
            Level::Off => checker
                .rules
                .rules
                .retain(|r| !r.spec.code.eq_ignore_ascii_case(&code)),
        }
    }
    if errors.is_empty() {
        Ok((checker, codes, severities))
    } else {
        Err(errors)
    }
}

/// Loads the articles: the command line's paths, else the configuration's, else `seeds/`;
/// keeps those the configuration selects and gives undated ones their configured date.
/// Returns the articles and whether any input failed.
fn articles(args: &CheckArgs, config: Option<&Config>, cwd: &Path) -> (Vec<Article>, bool) {
    let paths = if !args.input.paths.is_empty() {
        args.input.paths.clone()
    } else if let Some(c) = config.filter(|c| !c.paths.is_empty()) {
        c.paths.clone()
    } else {
        vec![PathBuf::from("seeds")]
    };
    let loaded = input::load(&paths, &LoadOptions { published: None });
    let mut failed = false;
    for e in &loaded.errors {
        let path = e.path();
        let skipped =
            config.is_some_and(|c| path.is_file() && !c.selects(c.relative(cwd, path).as_deref()));
        if !skipped {
            error(e);
            failed = true;
        }
    }
    let mut articles = loaded.articles;
    if let Some(config) = config {
        let before = articles.len();
        // Standard input (`<stdin>`) is not a file of the project: globs do not apply.
        articles.retain(|a| {
            a.origin.starts_with('<') || config.selects(relative(config, cwd, a).as_deref())
        });
        if articles.len() < before {
            note(format!(
                "{} article(s) left out by check.include / check.exclude",
                before - articles.len()
            ));
        }
    }
    for article in &mut articles {
        if article.meta.published.is_none() {
            article.meta.published = match config {
                Some(config) => config.published_for(
                    relative(config, cwd, article).as_deref(),
                    args.input.published,
                ),
                None => args.input.published,
            };
        }
    }
    (articles, failed)
}

/// An article's file relative to the configuration's root.
fn relative(config: &Config, cwd: &Path, article: &Article) -> Option<String> {
    config.relative(cwd, &gate::Origin::of(article).path)
}

/// A progress line on standard error for long runs, drawn only on a terminal, only for the
/// text format and never in CI.
struct Progress {
    enabled: bool,
    started: Instant,
    delay: Duration,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress {
    /// Runs shorter than this draw nothing; `CLAIMCHECK_PROGRESS_DELAY_MS` sets another delay.
    const DELAY: Duration = Duration::from_millis(700);
    const EVERY: Duration = Duration::from_millis(100);

    fn new(format: CheckFormat) -> Progress {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        Progress {
            enabled: format == CheckFormat::Text
                && !ci
                && !is_quiet()
                && std::io::stderr().is_terminal(),
            started: Instant::now(),
            delay: std::env::var("CLAIMCHECK_PROGRESS_DELAY_MS")
                .ok()
                .and_then(|ms| ms.parse().ok())
                .map_or(Self::DELAY, Duration::from_millis),
            last: None,
            drawn: false,
        }
    }

    fn tick(&mut self, done: usize, total: usize) {
        if !self.enabled || self.started.elapsed() < self.delay {
            return;
        }
        let now = Instant::now();
        if self.last.is_some_and(|t| now - t < Self::EVERY) && done < total {
            return;
        }
        self.last = Some(now);
        self.drawn = true;
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[2Kclaimcheck: analyzing articles {done}/{total}"
        );
    }

    fn finish(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

fn run_gate(args: &CheckArgs) -> Result<Status, Vec<String>> {
    let cwd = std::env::current_dir().map_err(|e| vec![format!("current directory: {e}")])?;
    let config = config(args, &cwd)?;
    let config = config.as_ref();
    let (checker, codes, severities) = checker(args, config)?;
    let baseline_path = args
        .gate
        .baseline
        .clone()
        .or_else(|| config.and_then(|c| c.baseline.clone()));
    // Writing a baseline records the run; an old one is not read then (it may not exist yet).
    let baseline = match (&baseline_path, &args.gate.write_baseline) {
        (Some(path), None) => Some(Baseline::read(path).map_err(|e| vec![e.to_string()])?),
        _ => None,
    };
    let changed = match &args.gate.changed_since {
        Some(reference) => {
            Some(Changed::from_git(reference, &cwd).map_err(|e| vec![e.to_string()])?)
        }
        None => None,
    };

    let (articles, mut failed) = self::articles(args, config, &cwd);
    let mut progress = Progress::new(args.format);
    let total = articles.len();
    let analyses = checker.analyze_all(&articles, |i| progress.tick(i, total));
    progress.tick(total, total);
    progress.finish();
    let copies = claimcheck::pipeline::copies::Copies::of(&articles).count();
    if copies > 0 {
        note(format!(
            "{copies} article(s) repeat an earlier one word for word (text and date): each is \
             checked once, as its original, and carries its original's findings"
        ));
    }
    let mut report = checker.check_analyses(articles, &analyses, &checker.rules);

    for (code, severity) in &severities {
        gate::set_severity(&mut report, code, *severity);
    }
    let bad = gate::apply_suppressions(&mut report, |code| {
        codes.iter().any(|c| c.eq_ignore_ascii_case(code))
    });
    for e in &bad {
        error(e);
    }
    failed |= !bad.is_empty();
    if report.summary.suppressed > 0 {
        note(format!(
            "{} finding(s) suppressed by comments",
            report.summary.suppressed
        ));
    }
    if let (Some(changed), Some(reference)) = (&changed, &args.gate.changed_since) {
        let out = gate::restrict_to_changed(&mut report, changed, &cwd);
        note(format!(
            "{out} finding(s) outside the lines changed since {reference} ({} file(s) changed)",
            changed.len()
        ));
    }
    let fail_on: Option<Severity> = match args.fail_on {
        Some(level) => level.threshold(),
        None => config
            .and_then(|c| c.fail_on)
            .unwrap_or(Some(Severity::Error)),
    };
    if let Some(path) = &args.gate.write_baseline {
        let written = Baseline::from_findings(&report.findings);
        std::fs::write(path, written.to_json())
            .map_err(|e| vec![format!("{}: cannot write baseline: {e}", path.display())])?;
        note(format!(
            "baseline of {} finding(s) written to {}",
            written.len(),
            path.display()
        ));
        gate::apply_baseline(&mut report, &written);
    } else if let Some(baseline) = &baseline {
        let known = gate::apply_baseline(&mut report, baseline);
        note(format!(
            "{known} of {} baselined finding(s) still present",
            baseline.len()
        ));
    }

    let options = RenderOptions {
        color: args.color.enabled(),
        fail_on,
        link_base: args.link_base.clone(),
        ..RenderOptions::default()
    };
    print(&report::render(
        args.format.report_format(),
        &report,
        &options,
    ));
    let gate_failed = report.findings.iter().any(|f| options.fails(f));
    Ok(if failed {
        Status::Error
    } else if gate_failed {
        Status::Failed
    } else {
        Status::Clean
    })
}
