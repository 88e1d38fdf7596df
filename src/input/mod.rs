//! Loading articles: plain text, Markdown with front matter, JSON and JSON Lines article
//! objects, directories, standard input, and the `claimcheck.toml` sidecar manifest.

pub mod article;

pub use article::{Article, Metadata};
