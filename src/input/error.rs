//! Errors raised while loading articles.
//!
//! Loading keeps going past a bad input, so every problem becomes one [`Error`] value in
//! [`Loaded::errors`](super::Loaded::errors). Each message is a single line that starts with the
//! place at fault (`path`, `path:line` or `path: byte N`) and says what was expected, in the
//! style of a compiler diagnostic.

use std::path::PathBuf;

use crate::temporal::date::ParseDateError;

/// One problem with one input. Nothing here is fatal to the rest of a load.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or directory", path.display())]
    Missing {
        /// The path as given.
        path: PathBuf,
    },
    /// The operating system refused to read a file or directory.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The path being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file with no content, or only white space.
    #[error("{}: empty file; expected article text", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A NUL byte in the first 8 KiB: not a text file.
    #[error("{}: binary data (NUL byte at byte {offset}); expected UTF-8 text", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Bytes that are not UTF-8.
    #[error("{}: invalid UTF-8 at byte {offset}; expected UTF-8 text", path.display())]
    Utf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A directory that holds no loadable article.
    #[error("no articles found in {}", path.display())]
    NoArticles {
        /// The directory.
        path: PathBuf,
    },
    /// A JSON document, or one line of a JSON Lines file, that is not an article object.
    #[error("{}:{line}: {message}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// What was wrong, as reported by the JSON parser or the article schema.
        message: String,
    },
    /// A front-matter block that cannot be read.
    #[error("{}:{line}: front matter: {message}", path.display())]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line in the file.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A `claimcheck.toml` manifest that cannot be read or that names a missing file.
    #[error("{}:{line}: {message}", path.display())]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// 1-based line in the manifest.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A `published` value that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{}:{line}: published: {source}", path.display())]
    Published {
        /// The file holding the value.
        path: PathBuf,
        /// 1-based line of the value.
        line: usize,
        /// The parse failure.
        source: ParseDateError,
    },
}

impl Error {
    /// The file or directory the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Missing { path }
            | Error::Io { path, .. }
            | Error::Empty { path }
            | Error::Binary { path, .. }
            | Error::Utf8 { path, .. }
            | Error::NoArticles { path }
            | Error::Json { path, .. }
            | Error::FrontMatter { path, .. }
            | Error::Manifest { path, .. }
            | Error::Published { path, .. } => path,
        }
    }
}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..offset]).count() + 1
}
