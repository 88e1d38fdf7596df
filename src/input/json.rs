//! JSON and JSON Lines article objects.
//!
//! The object schema is the contract in DESIGN.md: `{"id", "text", "published"?, "title"?,
//! "outlet"?, "url"?, "author"?}`; unknown fields are ignored so that exports from other tools
//! load as they are. A `.json` file holds one object or an array of them; a `.jsonl` file holds
//! one object a line, and a broken line is reported without stopping the other lines.

use std::path::Path;

use serde::Deserialize;

use super::error::{Error, line_of};
use super::{Article, Metadata};
use crate::temporal::PartialDate;

#[derive(Deserialize)]
struct Object {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Document {
    One(Object),
    Many(Vec<Object>),
}

impl Object {
    fn into_article(self, path: &Path, line: usize, origin: String) -> Result<Article, Error> {
        let published = match self.published.as_deref() {
            None | Some("") => None,
            Some(value) => {
                Some(
                    value
                        .parse::<PartialDate>()
                        .map_err(|source| Error::Published {
                            path: path.to_path_buf(),
                            line,
                            source,
                        })?,
                )
            }
        };
        Ok(Article {
            id: self.id,
            origin,
            text: self.text,
            body_offset: 0,
            front_matter: String::new(),
            meta: Metadata {
                title: self.title,
                outlet: self.outlet,
                url: self.url,
                published,
                author: self.author,
            },
        })
    }
}

/// The message of a serde_json error without its trailing " at line L column C".
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads JSON Lines: one article object a line, blank lines skipped. `origin` names the input
/// (a path or `<stdin>`); each article's origin is `origin:line`.
pub(crate) fn read_lines(path: &Path, origin: &str, text: &str) -> (Vec<Article>, Vec<Error>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Object>(line)
            .map_err(|e| Error::Json {
                path: path.to_path_buf(),
                line: number,
                message: format!(
                    "expected an article object {{\"id\", \"text\", ...}}: {} (column {})",
                    message(&e),
                    e.column()
                ),
            })
            .and_then(|object| object.into_article(path, number, format!("{origin}:{number}")));
        match result {
            Ok(article) => articles.push(article),
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

/// Reads a JSON document: one article object or an array of them. Articles from an array get
/// the origin `origin[index]`.
pub(crate) fn read_document(path: &Path, origin: &str, text: &str) -> (Vec<Article>, Vec<Error>) {
    let document = match serde_json::from_str::<Document>(text) {
        Ok(document) => document,
        Err(e) => {
            // The untagged enum hides the inner error; parse as a value to locate syntax errors.
            let (line, detail) = match serde_json::from_str::<serde_json::Value>(text) {
                Err(syntax) => (syntax.line(), message(&syntax)),
                Ok(_) => (1, message(&e)),
            };
            let error = Error::Json {
                path: path.to_path_buf(),
                line,
                message: format!(
                    "expected an article object {{\"id\", \"text\", ...}} or an array of them: {detail}"
                ),
            };
            return (Vec::new(), vec![error]);
        }
    };
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    match document {
        Document::One(object) => match object.into_article(path, 1, origin.to_string()) {
            Ok(article) => articles.push(article),
            Err(e) => errors.push(e),
        },
        Document::Many(objects) => {
            for (index, object) in objects.into_iter().enumerate() {
                // Best effort line for errors: where this object's id appears.
                let line = text
                    .match_indices(&format!("{:?}", object.id))
                    .next()
                    .map_or(1, |(i, _)| line_of(text, i));
                match object.into_article(path, line, format!("{origin}[{index}]")) {
                    Ok(article) => articles.push(article),
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_line_does_not_stop_the_others() {
        let text = "{\"id\":\"a\",\"text\":\"A.\",\"extra\":1}\n\n{\"id\":\"b\",\n{\"id\":\"c\",\"text\":\"C.\",\"published\":\"2022-03\"}\n";
        let (articles, errors) = read_lines(Path::new("x.jsonl"), "x.jsonl", text);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].origin, "x.jsonl:4");
        assert_eq!(articles[1].meta.published, PartialDate::ym(2022, 3));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .starts_with("x.jsonl:3: expected an article object")
        );
    }

    #[test]
    fn document_one_or_many() {
        let (a, e) = read_document(
            Path::new("x.json"),
            "x.json",
            "{\"id\":\"a\",\"text\":\"A.\"}",
        );
        assert_eq!((a.len(), e.len()), (1, 0));
        let text = "[\n{\"id\":\"a\",\"text\":\"A.\"},\n{\"id\":\"b\",\"text\":\"B.\",\"published\":\"soon\"}\n]";
        let (a, e) = read_document(Path::new("x.json"), "x.json", text);
        assert_eq!((a.len(), e.len()), (1, 1));
        assert!(
            e[0].to_string().starts_with("x.json:3: published:"),
            "{}",
            e[0]
        );
        let (_, e) = read_document(Path::new("x.json"), "x.json", "{\n\"id\": }");
        assert!(
            e[0].to_string().starts_with("x.json:2: expected"),
            "{}",
            e[0]
        );
    }
}
