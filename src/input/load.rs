//! Loading articles from paths, directories and standard input.
//!
//! [`load`] never stops at the first bad input: a newsroom run over a folder of a thousand
//! files should report the three broken ones and check the rest (ripgrep `messages.rs` does the
//! same for unreadable files). Every problem becomes one [`Error`] in [`Loaded::errors`]; the
//! caller decides the exit code.
//!
//! Order is deterministic: paths in the order given, directory entries sorted by path bytes,
//! articles of a JSON file in file order. Duplicate ids are kept and the later ones renamed
//! `id#2`, `id#3`, ... so that every article can be addressed.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::Error;
use super::manifest::{self, Manifest};
use super::{Article, Metadata, front_matter, html, json};
use crate::temporal::PartialDate;

/// How much of a file is checked for NUL bytes to detect binary data.
const BINARY_PROBE: usize = 8 * 1024;

/// File extensions picked up when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "json", "jsonl", "html", "htm"];

/// Options for [`load`].
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The publication date given to articles that carry none (from the command line's
    /// `--published`, mostly for standard input).
    pub published: Option<PartialDate>,
}

/// What a load produced: the articles that loaded, and one error per problem.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in input order.
    pub articles: Vec<Article>,
    /// Problems, in the order met.
    pub errors: Vec<Error>,
}

/// The formats an input can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the whole file is the article.
    Text,
    /// Markdown with optional front matter.
    Markdown,
    /// One JSON article object or an array of them.
    Json,
    /// JSON Lines: one article object a line.
    JsonLines,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format for a file extension (case-insensitive), if it is one we load.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    /// Guesses the format of unnamed input (standard input): JSON Lines when it starts with
    /// `{` and has more than one non-blank line, JSON when it starts with `{` or `[`, HTML when
    /// it starts with `<`, text otherwise.
    pub fn sniff(text: &str) -> Format {
        let trimmed = text.trim_start();
        if trimmed.starts_with('{') {
            if trimmed.lines().filter(|l| !l.trim().is_empty()).count() > 1
                && serde_json::from_str::<serde_json::Value>(trimmed).is_err()
            {
                Format::JsonLines
            } else {
                Format::Json
            }
        } else if trimmed.starts_with('[')
            && serde_json::from_str::<serde_json::Value>(trimmed).is_ok()
        {
            Format::Json
        } else if trimmed.starts_with('<') {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Loads every article under `paths`. `-` reads standard input.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    let mut loader = Loader::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => loader.bytes(Path::new("<stdin>"), &bytes, None, "stdin"),
                Err(source) => loader.out.errors.push(Error::Io {
                    path: PathBuf::from("<stdin>"),
                    source,
                }),
            }
        } else {
            loader.path(path);
        }
    }
    loader.finish(opts)
}

/// Loads articles from a reader, sniffing the format as for standard input. `name` is used as
/// the origin and the id of a plain-text article.
pub fn load_reader(mut reader: impl Read, name: &str, opts: &LoadOptions) -> Loaded {
    let mut loader = Loader::default();
    let mut bytes = Vec::new();
    match reader.read_to_end(&mut bytes) {
        Ok(_) => loader.bytes(Path::new(name), &bytes, None, name),
        Err(source) => loader.out.errors.push(Error::Io {
            path: PathBuf::from(name),
            source,
        }),
    }
    loader.finish(opts)
}

#[derive(Default)]
struct Loader {
    out: Loaded,
    /// Manifests read so far, by directory (`None`: the directory has none).
    manifests: BTreeMap<PathBuf, Option<Manifest>>,
}

impl Loader {
    fn path(&mut self, path: &Path) {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.out.errors.push(Error::Missing {
                    path: path.to_path_buf(),
                });
                return;
            }
            Err(source) => {
                self.out.errors.push(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
                return;
            }
        };
        if meta.is_dir() {
            self.dir(path);
        } else {
            // A file named explicitly is loaded even when its extension is unknown (sniffed)
            // or a manifest excludes it: the user asked for it.
            let format = path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension);
            self.file(path, format);
        }
    }

    fn dir(&mut self, dir: &Path) {
        let before = self.out.articles.len();
        let mut files = Vec::new();
        let mut visited = HashSet::new();
        self.walk(dir, &mut files, &mut visited);
        files.sort_by(|a, b| {
            a.as_os_str()
                .as_encoded_bytes()
                .cmp(b.as_os_str().as_encoded_bytes())
        });
        for file in files {
            let format = file
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension);
            self.file(&file, format);
        }
        if self.out.articles.len() == before {
            self.out.errors.push(Error::NoArticles {
                path: dir.to_path_buf(),
            });
        }
    }

    /// Collects the loadable files under `dir`, skipping hidden entries, manifests, excluded
    /// names and other extensions.
    fn walk(&mut self, dir: &Path, files: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>) {
        // Guard against symlink loops.
        if let Ok(canonical) = dir.canonicalize() {
            if !visited.insert(canonical) {
                return;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                self.out.errors.push(Error::Io {
                    path: dir.to_path_buf(),
                    source,
                });
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    self.out.errors.push(Error::Io {
                        path: dir.to_path_buf(),
                        source,
                    });
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || name == manifest::FILE_NAME {
                continue;
            }
            if self.is_excluded(&path) {
                continue;
            }
            // Follows symlinks.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk(&path, files, visited),
                Ok(_) => {
                    let known = path
                        .extension()
                        .and_then(|e| e.to_str())
                        .and_then(Format::from_extension)
                        .is_some();
                    if known {
                        files.push(path);
                    }
                }
                Err(source) => self.out.errors.push(Error::Io { path, source }),
            }
        }
    }

    /// The manifest of `dir`, read once.
    fn manifest(&mut self, dir: &Path) -> Option<&Manifest> {
        if !self.manifests.contains_key(dir) {
            let path = manifest::path_in(dir);
            let manifest = if path.is_file() {
                let (manifest, errors) = Manifest::read(&path);
                self.out.errors.extend(errors);
                Some(manifest)
            } else {
                None
            };
            self.manifests.insert(dir.to_path_buf(), manifest);
        }
        self.manifests.get(dir).and_then(Option::as_ref)
    }

    fn is_excluded(&mut self, path: &Path) -> bool {
        let Some(dir) = path.parent() else {
            return false;
        };
        let dir = dir.to_path_buf();
        let Some(name) = manifest::relative_name(&dir, path) else {
            return false;
        };
        self.manifest(&dir).is_some_and(|m| m.is_excluded(&name))
    }

    fn file(&mut self, path: &Path, format: Option<Format>) {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(source) => {
                self.out.errors.push(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
                return;
            }
        };
        let stem = path.file_stem().map_or_else(
            || "article".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let start = self.out.articles.len();
        self.bytes(path, &bytes, format, &stem);
        // Fill from the sidecar manifest of the file's directory.
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let entry = self
            .manifest(&dir)
            .and_then(|m| m.entry(&dir, path))
            .cloned();
        if let Some(entry) = entry {
            for article in &mut self.out.articles[start..] {
                // Only a text file's id comes from its name, so only there may the manifest
                // replace it.
                let own_id = article.id != stem;
                manifest::fill(article, &entry, own_id);
            }
        }
    }

    /// Loads one input's bytes. `format: None` sniffs; `stem` is the id of a text article.
    fn bytes(&mut self, path: &Path, bytes: &[u8], format: Option<Format>, stem: &str) {
        let errors = &mut self.out.errors;
        let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
        if let Some(offset) = memchr::memchr(0, probe) {
            errors.push(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
            return;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                errors.push(Error::Utf8 {
                    path: path.to_path_buf(),
                    offset: e.valid_up_to(),
                });
                return;
            }
        };
        // A byte-order mark is not text; offsets stay file offsets through `body_offset`.
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (3, rest),
            None => (0, text),
        };
        if text.trim().is_empty() {
            errors.push(Error::Empty {
                path: path.to_path_buf(),
            });
            return;
        }
        let origin = path.display().to_string();
        let format = format.unwrap_or_else(|| Format::sniff(text));
        let base = Article {
            id: stem.to_string(),
            origin: origin.clone(),
            text: String::new(),
            body_offset: bom,
            front_matter: String::new(),
            meta: Metadata::default(),
        };
        match format {
            Format::Text => self.out.articles.push(Article {
                text: text.to_string(),
                ..base
            }),
            Format::Markdown => match front_matter::parse(path, text) {
                Ok(front) => {
                    let mut article = base;
                    front_matter::apply(front, &mut article, text);
                    article.body_offset += bom;
                    if article.text.trim().is_empty() {
                        errors.push(Error::Empty {
                            path: path.to_path_buf(),
                        });
                    } else {
                        self.out.articles.push(article);
                    }
                }
                Err(e) => errors.push(e),
            },
            Format::Json | Format::JsonLines => {
                let (articles, errs) = if format == Format::Json {
                    json::read_document(path, &origin, text)
                } else {
                    json::read_lines(path, &origin, text)
                };
                self.out.articles.extend(articles);
                errors.extend(errs);
            }
            Format::Html => {
                let extracted = html::extract(text);
                let mut article = Article {
                    text: extracted.text,
                    meta: extracted.meta,
                    ..base
                };
                if let Some((raw, offset)) = extracted.published {
                    match raw.parse::<PartialDate>() {
                        Ok(date) => article.meta.published = Some(date),
                        Err(source) => errors.push(Error::Published {
                            path: path.to_path_buf(),
                            line: super::error::line_of(text, offset),
                            source,
                        }),
                    }
                }
                if article.text.trim().is_empty() {
                    errors.push(Error::Empty {
                        path: path.to_path_buf(),
                    });
                } else {
                    self.out.articles.push(article);
                }
            }
        }
    }

    fn finish(mut self, opts: &LoadOptions) -> Loaded {
        for article in &mut self.out.articles {
            if article.meta.published.is_none() {
                // A date stamp the article carries as its title comes before the default.
                let stamped = article
                    .meta
                    .title
                    .as_deref()
                    .and_then(super::stamp::stamp_date);
                article.meta.published = stamped.or(opts.published);
            }
        }
        disambiguate(&mut self.out.articles);
        self.out
    }
}

/// Renames repeated ids `id#2`, `id#3`, ... in order, skipping names already taken.
fn disambiguate(articles: &mut [Article]) {
    let mut taken: HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for article in articles {
        if seen.insert(article.id.clone()) {
            continue;
        }
        let mut n = 2;
        let id = loop {
            let candidate = format!("{}#{n}", article.id);
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        taken.insert(id.clone());
        seen.insert(id.clone());
        article.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(Format::sniff("{\"id\":\"a\",\"text\":\"x\"}"), Format::Json);
        assert_eq!(
            Format::sniff("{\"id\":\"a\"}\n{\"id\":\"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(Format::sniff("  [ ]"), Format::Json);
        assert_eq!(Format::sniff("[Update] text"), Format::Text);
        assert_eq!(Format::sniff("<html>"), Format::Html);
        assert_eq!(Format::sniff("Plain."), Format::Text);
    }

    #[test]
    fn duplicate_ids_get_suffixes() {
        let article = |id: &str| Article {
            id: id.to_string(),
            origin: String::new(),
            text: String::new(),
            body_offset: 0,
            front_matter: String::new(),
            meta: Metadata::default(),
        };
        let mut articles = vec![article("a"), article("a#2"), article("a"), article("a")];
        disambiguate(&mut articles);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a#2", "a#3", "a#4"]);
    }

    #[test]
    fn reader_applies_default_published() {
        let opts = LoadOptions {
            published: PartialDate::ym(2022, 3),
        };
        let loaded = load_reader("Some text.".as_bytes(), "<stdin>", &opts);
        assert_eq!(loaded.articles[0].meta.published, PartialDate::ym(2022, 3));
        assert_eq!(loaded.articles[0].origin, "<stdin>");
    }

    #[test]
    fn a_date_stamp_title_dates_an_undated_article_before_the_default() {
        let opts = LoadOptions {
            published: PartialDate::ym(2022, 3),
        };
        let lines = concat!(
            "{\"id\":\"a\",\"title\":\"Updated: November 11, 2011 20:09 IST\",\"text\":\"A.\"}\n",
            "{\"id\":\"b\",\"title\":\"Friday, June 7, 2013\",\"published\":\"2013-06-08\",\"text\":\"B.\"}\n",
            "{\"id\":\"c\",\"title\":\"Pirates foiled on March 3, 2011\",\"text\":\"C.\"}\n",
        );
        let loaded = load_reader(lines.as_bytes(), "<stdin>", &opts);
        let published: Vec<_> = loaded.articles.iter().map(|a| a.meta.published).collect();
        assert_eq!(
            published,
            [
                PartialDate::ymd(2011, 11, 11),
                PartialDate::ymd(2013, 6, 8),
                PartialDate::ym(2022, 3)
            ]
        );
    }
}
