//! Loading articles: plain text, Markdown with front matter, JSON and JSON Lines article
//! objects, HTML pages, directories, standard input, and the `claimcheck.toml` sidecar manifest.
//!
//! The entry point is [`load()`]; see `docs/input.md` for the formats and the error policy.

pub mod article;
mod error;
mod front_matter;
mod html;
mod json;
pub mod load;
mod manifest;
mod stamp;

pub use article::{Article, Metadata};
pub use error::Error;
pub use html::{Comment as HtmlComment, comments as html_comments};
pub use load::{Format, LoadOptions, Loaded, load, load_reader};
pub use manifest::FILE_NAME as MANIFEST_FILE_NAME;
