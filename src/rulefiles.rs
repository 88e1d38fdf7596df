//! The rule and lexicon files a run uses: the built-in set embedded in the binary, then the
//! files of each `--rules DIR`, in that order.
//!
//! Both the lexicon (`lexicon/*.toml`) and the rules (every other `*.toml`) are read from here,
//! so "what rules does this run use" has one answer. Paths are relative to the rules root with
//! forward slashes, which keeps diagnostics and output identical on every platform.

use std::fs;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// One rule or lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleFile {
    /// Path relative to its rules root ("lexicon/events.toml", "time/TIME001-date-conflict.toml").
    pub relative: String,
    /// Where it was read from, for diagnostics (`<built-in>/rules/time/...`, or the file path).
    pub origin: String,
    /// Its contents.
    pub text: String,
}

/// The error for a `--rules` directory that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct RuleDirError {
    /// The directory or file at fault.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The built-in files.
pub fn builtin() -> Vec<RuleFile> {
    EMBEDDED
        .iter()
        .map(|(relative, text)| RuleFile {
            relative: relative.to_string(),
            origin: format!("<built-in>/rules/{relative}"),
            text: text.to_string(),
        })
        .collect()
}

/// The `*.toml` files under `dir`, sorted by relative path.
pub fn from_dir(dir: &Path) -> Result<Vec<RuleFile>, RuleDirError> {
    if !dir.is_dir() {
        return Err(RuleDirError {
            path: dir.display().to_string(),
            message: "not a directory of rule files".to_string(),
        });
    }
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let text = fs::read_to_string(&path).map_err(|e| RuleDirError {
            path: path.display().to_string(),
            message: format!("cannot read rule file: {e}"),
        })?;
        let relative = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        files.push(RuleFile {
            relative,
            origin: path.display().to_string(),
            text,
        });
    }
    Ok(files)
}

fn collect(dir: &Path, paths: &mut Vec<PathBuf>) -> Result<(), RuleDirError> {
    let entries = fs::read_dir(dir).map_err(|e| RuleDirError {
        path: dir.display().to_string(),
        message: format!("cannot read directory: {e}"),
    })?;
    for entry in entries {
        let path = entry
            .map_err(|e| RuleDirError {
                path: dir.display().to_string(),
                message: e.to_string(),
            })?
            .path();
        if path.is_dir() {
            collect(&path, paths)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            paths.push(path);
        }
    }
    Ok(())
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Formats a TOML parse error as `origin:line: message`, naming the key at fault when the
/// parser names one.
pub fn toml_error(file: &RuleFile, error: &toml::de::Error) -> String {
    let line = error
        .span()
        .map_or(1, |span| line_of(&file.text, span.start));
    let message = error.message().trim().replace('\n', " ");
    format!("{}:{}: {}", file.origin, line, message)
}
