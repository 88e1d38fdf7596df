//! The `claimcheck.toml` sidecar manifest: metadata for the articles of one directory.
//!
//! An article's own text is never edited to add metadata (the seed articles are kept verbatim),
//! so a directory may carry a manifest mapping file names to metadata:
//!
//! ```toml
//! exclude = ["NOTES.md"]
//!
//! [articles."000_17b3ed00d565f5ad.txt"]
//! outlet = "Washington Examiner"
//! published = "2022-11"
//! ```
//!
//! Keys are checked strictly (`deny_unknown_fields`): a misspelt key would otherwise silently
//! drop metadata, and a wrong publication date changes every resolved time downstream.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::error::{Error, line_of};
use super::{Article, Metadata};
use crate::temporal::PartialDate;

/// The manifest's file name.
pub const FILE_NAME: &str = "claimcheck.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    articles: BTreeMap<Spanned<String>, RawEntry>,
    // The project configuration's tables (`claimcheck::gate::config`) may share the file: a
    // project whose articles sit at its root keeps one `claimcheck.toml`. They are checked
    // there, not here.
    #[serde(default, rename = "check")]
    _check: Option<toml::Value>,
    #[serde(default, rename = "rules")]
    _rules: Option<toml::Value>,
    #[serde(default, rename = "published")]
    _published: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<Spanned<String>>,
    author: Option<String>,
}

/// One manifest entry: the metadata given for one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) id: Option<String>,
    pub(crate) meta: Metadata,
}

/// A parsed manifest.
#[derive(Clone, Debug, Default)]
pub(crate) struct Manifest {
    /// File names (relative to the directory, `*` and `?` wildcards allowed) to skip.
    pub(crate) exclude: Vec<String>,
    /// Metadata by file name relative to the directory.
    pub(crate) articles: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Reads the manifest at `path` (a `claimcheck.toml`). Entries naming files that do not
    /// exist are reported as errors; the rest of the manifest still applies.
    pub(crate) fn read(path: &Path) -> (Manifest, Vec<Error>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(source) => {
                return (
                    Manifest::default(),
                    vec![Error::Io {
                        path: path.to_path_buf(),
                        source,
                    }],
                );
            }
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        Manifest::parse(path, &text, |name| dir.join(name).exists())
    }

    /// Parses manifest `text` read from `path`; `exists` says whether a named file exists.
    pub(crate) fn parse(
        path: &Path,
        text: &str,
        exists: impl Fn(&str) -> bool,
    ) -> (Manifest, Vec<Error>) {
        let err = |offset: usize, message: String| Error::Manifest {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            message,
        };
        let raw: Raw = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                return (
                    Manifest::default(),
                    vec![err(offset, e.message().trim_end().to_string())],
                );
            }
        };
        // (offset, error), sorted by offset at the end so errors come in file order.
        let mut errors: Vec<(usize, Error)> = Vec::new();
        let mut articles = BTreeMap::new();
        for (name, entry) in raw.articles {
            let offset = name.span().start;
            let name = name.into_inner();
            if !exists(&name) {
                errors.push((
                    offset,
                    err(
                        offset,
                        format!("article {name:?} does not exist in this directory"),
                    ),
                ));
                continue;
            }
            let published = match entry.published {
                None => None,
                Some(value) => match value.get_ref().parse::<PartialDate>() {
                    Ok(date) => Some(date),
                    Err(source) => {
                        let offset = value.span().start;
                        errors.push((
                            offset,
                            Error::Published {
                                path: path.to_path_buf(),
                                line: line_of(text, offset),
                                source,
                            },
                        ));
                        None
                    }
                },
            };
            let meta = Metadata {
                title: entry.title,
                outlet: entry.outlet,
                url: entry.url,
                published,
                author: entry.author,
            };
            articles.insert(name, Entry { id: entry.id, meta });
        }
        let manifest = Manifest {
            exclude: raw.exclude,
            articles,
        };
        errors.sort_by_key(|(offset, _)| *offset);
        (manifest, errors.into_iter().map(|(_, e)| e).collect())
    }

    /// Whether `name` (relative to the manifest's directory, `/`-separated) is excluded.
    pub(crate) fn is_excluded(&self, name: &str) -> bool {
        self.exclude.iter().any(|pattern| wildcard(pattern, name))
    }

    /// The entry for `file`, a path inside `dir`.
    pub(crate) fn entry(&self, dir: &Path, file: &Path) -> Option<&Entry> {
        self.articles.get(&relative_name(dir, file)?)
    }
}

/// `file` relative to `dir` with `/` separators, when it lies inside `dir`.
pub(crate) fn relative_name(dir: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(dir).ok()?;
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Some(parts.join("/"))
}

/// Fills the fields `article` lacks from the manifest entry (the file's own metadata wins).
pub(crate) fn fill(article: &mut Article, entry: &Entry, own_id: bool) {
    if !own_id {
        if let Some(id) = &entry.id {
            article.id = id.clone();
        }
    }
    let meta = &mut article.meta;
    let from = &entry.meta;
    meta.title = meta.title.take().or_else(|| from.title.clone());
    meta.outlet = meta.outlet.take().or_else(|| from.outlet.clone());
    meta.url = meta.url.take().or_else(|| from.url.clone());
    meta.published = meta.published.or(from.published);
    meta.author = meta.author.take().or_else(|| from.author.clone());
}

/// Matches `name` against `pattern`, where `*` matches any run of characters except `/` and
/// `?` one such character.
fn wildcard(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Classic backtracking on the last `*`.
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == n[ni] || (p[pi] == '?' && n[ni] != '/')) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            if n[sn] == '/' {
                return false;
            }
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// A path to a manifest in `dir`.
pub(crate) fn path_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Manifest, Vec<Error>) {
        Manifest::parse(Path::new("d/claimcheck.toml"), text, |name| {
            name != "gone.txt"
        })
    }

    #[test]
    fn reads_entries_and_exclude() {
        let (m, errors) = parse(
            "exclude = [\"NOTES.md\", \"draft-*\"]\n[articles.\"a.txt\"]\noutlet = \"X\"\npublished = \"2022-11\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let entry = &m.articles["a.txt"];
        assert_eq!(entry.meta.outlet.as_deref(), Some("X"));
        assert_eq!(entry.meta.published, PartialDate::ym(2022, 11));
        assert!(m.is_excluded("NOTES.md"));
        assert!(m.is_excluded("draft-1.txt"));
        assert!(!m.is_excluded("sub/draft-1.txt"));
        assert!(!m.is_excluded("a.txt"));
    }

    #[test]
    fn project_config_tables_share_the_file() {
        let (m, errors) = parse(
            "[check]\nfail-on = \"warning\"\n[rules.severity]\nATTR001 = \"info\"\n[published]\ndefault = \"2022\"\n[articles.\"a.txt\"]\noutlet = \"X\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(m.articles["a.txt"].meta.outlet.as_deref(), Some("X"));
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let (_, errors) = parse("[articles.\"a.txt\"]\noutlet = \"X\"\npublishd = \"2022\"\n");
        let message = errors[0].to_string();
        assert!(
            message.starts_with("d/claimcheck.toml:3: unknown field `publishd`"),
            "{message}"
        );
    }

    #[test]
    fn missing_file_and_bad_date() {
        let (m, errors) = parse(
            "[articles.\"gone.txt\"]\noutlet = \"X\"\n[articles.\"b.txt\"]\npublished = \"March\"\n",
        );
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0]
                .to_string()
                .starts_with("d/claimcheck.toml:1: article \"gone.txt\""),
            "{}",
            errors[0]
        );
        assert!(
            errors[1]
                .to_string()
                .starts_with("d/claimcheck.toml:4: published:")
        );
        assert!(m.articles.contains_key("b.txt"));
    }
}
