//! The project configuration: `claimcheck.toml` with `[check]`, `[rules]` and `[published]`
//! tables, found by walking up from the current directory.
//!
//! The same file name also serves as the sidecar manifest of an article directory
//! (`exclude`, `[articles."file"]`, see `input::manifest`). The two never clash because their
//! keys are disjoint: a file is a project configuration only when it holds at least one key
//! other than the manifest's, and the manifest reader skips the project tables. Walking up
//! therefore passes over a directory's manifest (such as `seeds/claimcheck.toml`) and stops at
//! the first real project configuration. A typo in a table name (`[chek]`) is not a manifest
//! key either, so it is reported instead of silently ignored.
//!
//! ```toml
//! [check]
//! paths = ["articles"]          # checked when no PATH is given
//! include = ["**/*.md"]         # globs relative to this file's directory
//! exclude = ["drafts/**"]
//! fail-on = "warning"
//! baseline = "claimcheck-baseline.json"
//!
//! [rules]
//! dirs = ["newsroom-rules"]     # layered over the built-in rules, before any --rules
//! severity = { ATTR001 = "info", TIME003 = "off" }
//!
//! [published]
//! default = "2024"              # for articles that carry no date
//! paths = { "archive/2021/**" = "2021" }
//! ```
//!
//! Unknown keys and bad values are errors naming the file, the line and the key: a misspelt
//! key would otherwise silently change what the gate lets through.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::report::Severity;
use crate::temporal::PartialDate;

/// The configuration file's name (shared with the sidecar manifest).
pub const FILE_NAME: &str = "claimcheck.toml";

/// The top-level keys that belong to the sidecar manifest, not to the project configuration.
const MANIFEST_KEYS: [&str; 2] = ["exclude", "articles"];

/// A problem with a configuration file: one line naming the file and the line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What was wrong and what was expected.
    pub message: String,
}

/// A severity override: a severity, or `off` to turn the rule off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Report the rule's findings at this severity.
    Severity(Severity),
    /// Do not run the rule.
    Off,
}

impl std::str::FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        match s {
            "off" => Ok(Level::Off),
            _ => s
                .parse()
                .map(Level::Severity)
                .map_err(|_| format!("expected error, warning, info or off, found {s:?}")),
        }
    }
}

/// The `--fail-on` level given in `[check]`: a severity, or `None` for never.
pub type FailOn = Option<Severity>;

/// A per-rule severity override, with the line it was given on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// The rule code as written.
    pub code: String,
    /// The new level.
    pub level: Level,
    /// 1-based line in the configuration file.
    pub line: usize,
}

/// A parsed project configuration. Paths are resolved against the file's directory.
#[derive(Clone, Debug)]
pub struct Config {
    /// The configuration file.
    pub path: PathBuf,
    /// Its directory: the root that globs and relative paths are resolved against.
    pub root: PathBuf,
    /// Articles to check when the command line names none.
    pub paths: Vec<PathBuf>,
    /// Only articles whose path (relative to `root`) matches one of these are checked; empty
    /// means all.
    pub include: Option<GlobSet>,
    /// Articles whose path (relative to `root`) matches one of these are skipped.
    pub exclude: Option<GlobSet>,
    /// The default `--fail-on`, when given.
    pub fail_on: Option<FailOn>,
    /// The default `--baseline`, when given.
    pub baseline: Option<PathBuf>,
    /// Rule directories, layered over the built-in rules.
    pub rule_dirs: Vec<PathBuf>,
    /// Severity overrides by rule code, in file order.
    pub severity: Vec<Override>,
    /// The publication date of articles that carry none and match no `published.paths` glob.
    pub published_default: Option<PartialDate>,
    /// Publication dates by path glob (relative to `root`), in file order; the first match
    /// wins.
    pub published_paths: Vec<(GlobSet, PartialDate)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    published: RawPublished,
    // The sidecar manifest's keys (read by `input::manifest`).
    #[serde(default, rename = "exclude")]
    _exclude: Option<toml::Value>,
    #[serde(default, rename = "articles")]
    _articles: Option<toml::Value>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCheck {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    baseline: Option<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    #[serde(default)]
    dirs: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPublished {
    default: Option<Spanned<String>>,
    #[serde(default)]
    paths: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A parser message on one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A glob matcher where `*` stays inside one path segment and `**` crosses them.
fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}

impl Config {
    /// Parses configuration `text` read from `path`. `Ok(None)` when the file holds only
    /// sidecar-manifest keys, so it is not a project configuration.
    pub fn parse(path: &Path, text: &str) -> Result<Option<Config>, Vec<ConfigError>> {
        let err = |offset: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            message,
        };
        let table: toml::Table = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                return Err(vec![err(offset, one_line(e.message()))]);
            }
        };
        if table.keys().all(|k| MANIFEST_KEYS.contains(&k.as_str())) {
            return Ok(None);
        }
        Config::parse_project(path, text).map(Some)
    }

    /// Parses `text` as a project configuration, whatever keys it holds.
    fn parse_project(path: &Path, text: &str) -> Result<Config, Vec<ConfigError>> {
        let err = |offset: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            vec![err(offset, one_line(e.message()))]
        })?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut errors = Vec::new();
        let globs = |key: &str, patterns: &[Spanned<String>], errors: &mut Vec<ConfigError>| {
            if patterns.is_empty() {
                return None;
            }
            let mut set = GlobSetBuilder::new();
            for pattern in patterns {
                match glob(pattern.get_ref()) {
                    Ok(g) => {
                        set.add(g);
                    }
                    Err(e) => errors.push(err(
                        pattern.span().start,
                        format!(
                            "check.{key}: bad glob {:?}: {}",
                            pattern.get_ref(),
                            e.kind()
                        ),
                    )),
                }
            }
            set.build().ok()
        };
        let include = globs("include", &raw.check.include, &mut errors);
        let exclude = globs("exclude", &raw.check.exclude, &mut errors);
        let fail_on = raw.check.fail_on.as_ref().and_then(|value| {
            match value.get_ref().as_str() {
                "never" => Some(None),
                other => match other.parse::<Severity>() {
                    Ok(severity) => Some(Some(severity)),
                    Err(_) => {
                        errors.push(err(
                            value.span().start,
                            format!(
                                "check.fail-on: expected error, warning, info or never, found {other:?}"
                            ),
                        ));
                        None
                    }
                },
            }
        });
        let mut severity = Vec::new();
        for (code, level) in &raw.rules.severity {
            match level.get_ref().parse::<Level>() {
                Ok(parsed) => severity.push(Override {
                    code: code.get_ref().clone(),
                    level: parsed,
                    line: line_of(text, code.span().start),
                }),
                Err(message) => errors.push(err(
                    level.span().start,
                    format!("rules.severity.{}: {message}", code.get_ref()),
                )),
            }
        }
        severity.sort_by_key(|o| o.line);
        let date = |key: &str, value: &Spanned<String>, errors: &mut Vec<ConfigError>| match value
            .get_ref()
            .parse::<PartialDate>()
        {
            Ok(date) => Some(date),
            Err(e) => {
                errors.push(err(value.span().start, format!("{key}: {e}")));
                None
            }
        };
        let published_default = raw
            .published
            .default
            .as_ref()
            .and_then(|v| date("published.default", v, &mut errors));
        let mut published_paths = Vec::new();
        let mut by_line: Vec<_> = raw.published.paths.iter().collect();
        by_line.sort_by_key(|(pattern, _)| pattern.span().start);
        for (pattern, value) in by_line {
            let key = format!("published.paths.{:?}", pattern.get_ref());
            let matcher = match glob(pattern.get_ref()) {
                Ok(g) => GlobSet::new([g]).ok(),
                Err(e) => {
                    errors.push(err(
                        pattern.span().start,
                        format!("{key}: bad glob: {}", e.kind()),
                    ));
                    None
                }
            };
            if let (Some(matcher), Some(date)) = (matcher, date(&key, value, &mut errors)) {
                published_paths.push((matcher, date));
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Err(errors);
        }
        Ok(Config {
            path: path.to_path_buf(),
            paths: raw.check.paths.iter().map(|p| root.join(p)).collect(),
            include,
            exclude,
            fail_on,
            baseline: raw.check.baseline.as_ref().map(|p| root.join(p)),
            rule_dirs: raw.rules.dirs.iter().map(|d| root.join(d)).collect(),
            severity,
            published_default,
            published_paths,
            root,
        })
    }

    /// Reads the project configuration at `path` (given by `--config`): the file must exist
    /// and parse; a file holding only manifest keys gives an empty configuration.
    pub fn read(path: &Path) -> Result<Config, Vec<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![ConfigError {
                path: path.to_path_buf(),
                line: 1,
                message: format!("cannot read configuration: {e}"),
            }]
        })?;
        Config::parse_project(path, &text)
    }

    /// Finds the project configuration: the first `claimcheck.toml` that is one (not a mere
    /// sidecar manifest) in `start` or a directory above it. The walk stops after a directory
    /// holding `.git`, the top of a repository.
    pub fn discover(start: &Path) -> Result<Option<Config>, Vec<ConfigError>> {
        for dir in start.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                let text = std::fs::read_to_string(&candidate).map_err(|e| {
                    vec![ConfigError {
                        path: candidate.clone(),
                        line: 1,
                        message: format!("cannot read configuration: {e}"),
                    }]
                })?;
                if let Some(config) = Config::parse(&candidate, &text)? {
                    return Ok(Some(config));
                }
            }
            if dir.join(".git").exists() {
                break;
            }
        }
        Ok(None)
    }

    /// The path of `file` relative to the configuration's root, with forward slashes, or
    /// `None` when it lies outside it. `cwd` resolves relative paths.
    pub fn relative(&self, cwd: &Path, file: &Path) -> Option<String> {
        let absolute = |p: &Path| {
            let joined = if p.is_absolute() {
                p.to_path_buf()
            } else {
                cwd.join(p)
            };
            std::fs::canonicalize(&joined).unwrap_or_else(|_| normalize(&joined))
        };
        let root = absolute(&self.root);
        let file = absolute(file);
        let rel = file.strip_prefix(&root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// Whether the file at `relative` (from [`Config::relative`]) is checked: it matches
    /// `include` (when given) and not `exclude`.
    pub fn selects(&self, relative: Option<&str>) -> bool {
        match relative {
            Some(rel) => {
                self.include.as_ref().is_none_or(|set| set.is_match(rel))
                    && !self.exclude.as_ref().is_some_and(|set| set.is_match(rel))
            }
            // Outside the project: only an include list can leave it out.
            None => self.include.is_none(),
        }
    }

    /// The publication date for an undated file at `relative`: the first matching
    /// `published.paths` glob, else `fallback` (the command line's `--published`), else
    /// `published.default` — the most specific wins.
    pub fn published_for(
        &self,
        relative: Option<&str>,
        fallback: Option<PartialDate>,
    ) -> Option<PartialDate> {
        relative
            .and_then(|rel| {
                self.published_paths
                    .iter()
                    .find(|(set, _)| set.is_match(rel))
                    .map(|(_, date)| *date)
            })
            .or(fallback)
            .or(self.published_default)
    }
}

/// Removes `.` and `..` components without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<Config>, Vec<ConfigError>> {
        Config::parse(Path::new("proj/claimcheck.toml"), text)
    }

    fn first_error(text: &str) -> String {
        parse(text).unwrap_err()[0].to_string()
    }

    #[test]
    fn manifest_only_file_is_not_a_project_config() {
        let manifest = "exclude = [\"x\"]\n[articles.\"a.txt\"]\noutlet = \"X\"\n";
        assert!(parse(manifest).unwrap().is_none());
        assert!(parse("").unwrap().is_none());
    }

    #[test]
    fn reads_every_table() {
        let config = parse(
            "[check]\npaths = [\"articles\"]\ninclude = [\"**/*.md\"]\nexclude = [\"drafts/**\"]\n\
             fail-on = \"warning\"\nbaseline = \"base.json\"\n\
             [rules]\ndirs = [\"more\"]\nseverity = { ATTR001 = \"info\", TIME003 = \"off\" }\n\
             [published]\ndefault = \"2024\"\npaths = { \"old/**\" = \"2021-05\" }\n",
        )
        .unwrap()
        .unwrap();
        assert_eq!(config.root, Path::new("proj"));
        assert_eq!(config.paths, [PathBuf::from("proj/articles")]);
        assert_eq!(config.fail_on, Some(Some(Severity::Warning)));
        assert_eq!(config.baseline, Some(PathBuf::from("proj/base.json")));
        assert_eq!(config.rule_dirs, [PathBuf::from("proj/more")]);
        let levels: Vec<(&str, Level)> = config
            .severity
            .iter()
            .map(|o| (o.code.as_str(), o.level))
            .collect();
        assert_eq!(
            levels,
            [
                ("ATTR001", Level::Severity(Severity::Info)),
                ("TIME003", Level::Off)
            ]
        );
        assert!(config.selects(Some("a/b.md")));
        assert!(!config.selects(Some("a/b.txt")));
        assert!(!config.selects(Some("drafts/b.md")));
        assert!(!config.selects(None));
        let cli = Some(PartialDate::y(2023));
        assert_eq!(
            config.published_for(Some("old/x.md"), cli),
            PartialDate::ym(2021, 5)
        );
        assert_eq!(config.published_for(Some("new/x.md"), cli), cli);
        assert_eq!(config.published_for(None, None), Some(PartialDate::y(2024)));
    }

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        let message = first_error("[check]\nfail-on = \"error\"\nfial-on = \"info\"\n");
        assert!(
            message.starts_with("proj/claimcheck.toml:3: unknown field `fial-on`"),
            "{message}"
        );
        let message = first_error("exclude = []\n\n[chek]\npaths = []\n");
        assert!(
            message.starts_with("proj/claimcheck.toml:3: unknown field `chek`"),
            "{message}"
        );
    }

    #[test]
    fn bad_values_name_the_key_and_line() {
        assert_eq!(
            first_error("[check]\nfail-on = \"sometimes\"\n"),
            "proj/claimcheck.toml:2: check.fail-on: expected error, warning, info or never, \
             found \"sometimes\""
        );
        assert_eq!(
            first_error("[rules.severity]\nTIME001 = \"loud\"\n"),
            "proj/claimcheck.toml:2: rules.severity.TIME001: expected error, warning, info or \
             off, found \"loud\""
        );
        let message = first_error("[published]\n\ndefault = \"22/03/2022\"\n");
        assert!(
            message.starts_with("proj/claimcheck.toml:3: published.default: "),
            "{message}"
        );
        let message = first_error("[check]\ninclude = [\"a/[b\"]\n");
        assert!(
            message.starts_with("proj/claimcheck.toml:2: check.include: bad glob"),
            "{message}"
        );
    }

    #[test]
    fn malformed_toml_is_one_line_with_a_line_number() {
        let errors = parse("[check]\npaths = [\"a\"\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        let message = errors[0].to_string();
        assert!(message.starts_with("proj/claimcheck.toml:"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn star_stays_in_one_directory() {
        let config = parse("[check]\nexclude = [\"*.md\"]\n").unwrap().unwrap();
        assert!(!config.selects(Some("a.md")));
        assert!(config.selects(Some("sub/a.md")));
    }
}
