//! The article model: its text, exactly as read, and the metadata that came with it.

use serde::Serialize;

use crate::temporal::PartialDate;

/// Metadata of an article, from front matter, a JSON object or a sidecar manifest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// Headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publishing outlet ("Washington Examiner").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where the article was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: a day, a month, a year, or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Byline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// One article, as loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable identifier: the JSON `id`, the front-matter `id`, or the file name without its
    /// extension.
    pub id: String,
    /// Where it was read from, for diagnostics: a path, `path:line` for JSON Lines, or `<stdin>`.
    pub origin: String,
    /// The article body. Byte offsets in all output point into this string. For files with
    /// front matter this is the text after the front matter, and `body_offset` says where it
    /// starts in the file.
    #[serde(skip)]
    pub text: String,
    /// Byte offset of `text` within the file it came from (front matter length), so that line
    /// numbers in reports match the file.
    #[serde(skip)]
    pub body_offset: usize,
    /// The file's text before `text` (front matter), so that reports can count its lines.
    #[serde(skip)]
    pub front_matter: String,
    /// The rest of the metadata.
    #[serde(flatten)]
    pub meta: Metadata,
}

impl Article {
    /// An article made in code from its id, text and publication date: no file, no front
    /// matter, no other metadata.
    pub fn from_text(
        id: impl Into<String>,
        text: impl Into<String>,
        published: Option<PartialDate>,
    ) -> Self {
        Article {
            id: id.into(),
            origin: String::new(),
            text: text.into(),
            body_offset: 0,
            front_matter: String::new(),
            meta: Metadata {
                published,
                ..Metadata::default()
            },
        }
    }
}
