//! `claimcheck diff OLD NEW` / `--history DIR`: claim-level diff of versions of one article.
//!
//! Loads each version (one article each), analyzes them in parallel, diffs consecutive pairs
//! and prints the changes in the chosen format. Exit 1 when a change reaches `--fail-on`
//! (default factual) and no new correction note matches `--allow-if-note`; exit 2 for a bad
//! input (missing, binary, invalid UTF-8 or empty file: one line naming the file).

use std::path::PathBuf;

use regex::Regex;

use claimcheck::diff::{self, VersionDiff, render};
use claimcheck::input::{self, Article, LoadOptions};
use claimcheck::pipeline::Analyzer;

use crate::cli::args::DiffArgs;
use crate::cli::{Status, error, print, rule_files};

pub(crate) fn run(args: &DiffArgs) -> Status {
    if args.history.is_none() && args.versions.len() != 2 {
        error(format_args!(
            "diff: expected two versions (OLD NEW) or --history DIR, got {} path(s)",
            args.versions.len()
        ));
        return Status::Error;
    }
    let note = match args.allow_if_note.as_deref().map(Regex::new).transpose() {
        Ok(note) => note,
        Err(e) => {
            error(format_args!(
                "--allow-if-note: invalid regex: {}",
                one_line(&e.to_string())
            ));
            return Status::Error;
        }
    };
    let analyzer = match rule_files(&args.rules).and_then(|files| Analyzer::new(&files)) {
        Ok(analyzer) => analyzer,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let options = LoadOptions {
        published: args.published,
    };
    let versions = match &args.history {
        Some(dir) => load_history(dir, &options),
        None => load_pair(&args.versions, &options),
    };
    let Some(mut versions) = versions else {
        return Status::Error;
    };
    // Versions of one article share its publication date: one that carries none (a draft
    // saved as plain text) takes the first date another version has.
    if let Some(published) = versions.iter().find_map(|v| v.meta.published) {
        for version in &mut versions {
            version.meta.published.get_or_insert(published);
        }
    }

    let analyses = if versions.len() == 2 {
        let (a, b) = diff::analyze_pair(&analyzer, &versions[0], &versions[1]);
        vec![a, b]
    } else {
        diff::analyze_all(&analyzer, &versions)
    };
    let diffs: Vec<VersionDiff> = (1..versions.len())
        .map(|k| {
            let (old, new) = (&versions[k - 1], &versions[k]);
            let mut d = diff::compare(&analyzer, old, &analyses[k - 1], new, &analyses[k]);
            if let Some(found) = note
                .as_ref()
                .and_then(|pattern| diff::note::find(&old.text, &new.text, pattern))
            {
                d.accept_note(found);
            }
            d
        })
        .collect();
    let steps: Vec<render::Step<'_>> = diffs
        .iter()
        .enumerate()
        .map(|(k, d)| render::Step {
            old: &versions[k],
            new: &versions[k + 1],
            diff: d,
        })
        .collect();
    let render_options = render::Options {
        color: args.color.enabled(),
        fail_on: args.fail_on.threshold(),
    };
    print(&render::render(
        args.format.report_format(),
        &steps,
        &render_options,
    ));
    if diffs.iter().any(|d| d.failed(render_options.fail_on)) {
        Status::Failed
    } else {
        Status::Clean
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Loads one article from each path; `None` (after printing the errors) when any fails.
fn load_pair(paths: &[PathBuf], options: &LoadOptions) -> Option<Vec<Article>> {
    let mut out = Vec::new();
    let mut failed = false;
    for path in paths {
        let loaded = input::load(std::slice::from_ref(path), options);
        if !loaded.errors.is_empty() {
            loaded.errors.iter().for_each(error);
            failed = true;
            continue;
        }
        match loaded.articles.len() {
            1 => out.extend(loaded.articles),
            n => {
                error(format_args!(
                    "{}: expected one version of an article, found {n} articles",
                    path.display()
                ));
                failed = true;
            }
        }
    }
    (!failed).then_some(out)
}

/// Loads the versions of a history directory, in order of path.
fn load_history(dir: &PathBuf, options: &LoadOptions) -> Option<Vec<Article>> {
    if !dir.is_dir() {
        error(format_args!(
            "{}: --history expects a directory of versions",
            dir.display()
        ));
        return None;
    }
    let loaded = input::load(std::slice::from_ref(dir), options);
    if !loaded.errors.is_empty() {
        loaded.errors.iter().for_each(error);
        return None;
    }
    if loaded.articles.len() < 2 {
        error(format_args!(
            "{}: --history needs at least two versions, found {}",
            dir.display(),
            loaded.articles.len()
        ));
        return None;
    }
    Some(loaded.articles)
}
