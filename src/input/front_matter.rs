//! Front matter at the top of a Markdown article: `+++` TOML or `---` flat `key: value` lines.
//!
//! Publishing tools put an article's metadata in a block above the body. We read the keys
//! `id`, `title`, `outlet`, `url`, `published` and `author` and ignore any others, because
//! front matter is shared with site generators that define their own keys. The YAML flavour is
//! read by hand as flat `key: value` lines (optionally quoted values, `#` comments): nested YAML
//! has no meaning for us, and a YAML crate would be a heavy dependency for six keys.

use std::path::Path;

use super::error::{Error, line_of};
use super::{Article, Metadata};
use crate::temporal::PartialDate;

/// The fields read from a front-matter block, and where the body starts.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    /// The article id, when given.
    pub(crate) id: Option<String>,
    /// The other metadata.
    pub(crate) meta: Metadata,
    /// Byte offset of the body (just after the closing delimiter line).
    pub(crate) body_offset: usize,
}

/// Splits `text` into front matter and body. Text without a front-matter block yields the
/// default (no fields, body at 0).
pub(crate) fn parse(path: &Path, text: &str) -> Result<FrontMatter, Error> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let delimiter = text[..first_line_end].trim_end();
    if delimiter != "+++" && delimiter != "---" {
        return Ok(FrontMatter::default());
    }
    // Find the closing delimiter on a line of its own.
    let mut pos = first_line_end;
    let mut close = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..end].trim_end() == delimiter {
            close = Some((pos, end));
            break;
        }
        pos = end;
    }
    let Some((block_end, body_offset)) = close else {
        return Err(Error::FrontMatter {
            path: path.to_path_buf(),
            line: 1,
            message: format!("unterminated block: expected a closing `{delimiter}` line"),
        });
    };
    let block = &text[first_line_end..block_end];
    let mut front = if delimiter == "+++" {
        parse_toml(path, text, first_line_end, block)?
    } else {
        parse_flat(path, text, first_line_end, block)?
    };
    front.body_offset = body_offset;
    Ok(front)
}

/// Sets one known key; unknown keys are ignored. `offset` locates the value for errors.
fn set_key(
    front: &mut FrontMatter,
    path: &Path,
    text: &str,
    offset: usize,
    key: &str,
    value: String,
) -> Result<(), Error> {
    let meta = &mut front.meta;
    match key {
        "id" => front.id = Some(value),
        "title" => meta.title = Some(value),
        "outlet" => meta.outlet = Some(value),
        "url" => meta.url = Some(value),
        "author" => meta.author = Some(value),
        "published" => {
            meta.published =
                Some(
                    value
                        .parse::<PartialDate>()
                        .map_err(|source| Error::Published {
                            path: path.to_path_buf(),
                            line: line_of(text, offset),
                            source,
                        })?,
                );
        }
        _ => {}
    }
    Ok(())
}

const KEYS: [&str; 6] = ["id", "title", "outlet", "url", "published", "author"];

fn parse_toml(path: &Path, text: &str, base: usize, block: &str) -> Result<FrontMatter, Error> {
    let table: toml::Table = toml::from_str(block).map_err(|e| Error::FrontMatter {
        path: path.to_path_buf(),
        line: line_of(text, base + e.span().map_or(0, |s| s.start)),
        message: e.message().to_string(),
    })?;
    let mut front = FrontMatter::default();
    for key in KEYS {
        let Some(value) = table.get(key) else {
            continue;
        };
        // Locate the key for error lines: the first line that starts with it.
        let offset = block
            .match_indices(key)
            .find(|(i, _)| *i == 0 || block.as_bytes()[i - 1] == b'\n')
            .map_or(0, |(i, _)| i);
        let value = match value {
            toml::Value::String(s) => s.clone(),
            // An unquoted TOML date (`published = 2022-03-15`) is a datetime value.
            toml::Value::Datetime(d) => d.to_string(),
            other => {
                return Err(Error::FrontMatter {
                    path: path.to_path_buf(),
                    line: line_of(text, base + offset),
                    message: format!("`{key}` must be a string, found {}", other.type_str()),
                });
            }
        };
        set_key(&mut front, path, text, base + offset, key, value)?;
    }
    Ok(front)
}

fn parse_flat(path: &Path, text: &str, base: usize, block: &str) -> Result<FrontMatter, Error> {
    let mut front = FrontMatter::default();
    let mut offset = base;
    for line in block.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let Some((key, value)) = content.split_once(':') else {
            return Err(Error::FrontMatter {
                path: path.to_path_buf(),
                line: line_of(text, here),
                message: format!("expected `key: value`, found {content:?}"),
            });
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return Err(Error::FrontMatter {
                path: path.to_path_buf(),
                line: line_of(text, here),
                message: format!("expected a key before `:`, found {key:?}"),
            });
        }
        let value = unquote(value.trim()).map_err(|message| Error::FrontMatter {
            path: path.to_path_buf(),
            line: line_of(text, here),
            message,
        })?;
        set_key(&mut front, path, text, here, key, value)?;
    }
    Ok(front)
}

/// Strips matching `"` or `'` quotes; an opening quote with no closing one is an error.
fn unquote(value: &str) -> Result<String, String> {
    for quote in ['"', '\''] {
        if let Some(rest) = value.strip_prefix(quote) {
            return match rest.strip_suffix(quote) {
                Some(inner) if quote == '"' => Ok(inner.replace("\\\"", "\"")),
                Some(inner) => Ok(inner.replace("''", "'")),
                None => Err(format!("unterminated {quote} quote in value {value:?}")),
            };
        }
    }
    Ok(value.to_string())
}

/// Applies parsed front matter to an article being built from `text`.
pub(crate) fn apply(front: FrontMatter, article: &mut Article, text: &str) {
    if let Some(id) = front.id {
        article.id = id;
    }
    article.meta = front.meta;
    article.body_offset = front.body_offset;
    article.front_matter = text[..front.body_offset].to_string();
    article.text = text[front.body_offset..].to_string();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<FrontMatter, Error> {
        parse(Path::new("a.md"), text)
    }

    #[test]
    fn flat_keys_and_body_offset() {
        let text = "---\ntitle: \"Hot line\"\noutlet: Examiner\npublished: 2022-11\nfoo: bar\n---\nBody.\n";
        let front = p(text).unwrap();
        assert_eq!(front.meta.title.as_deref(), Some("Hot line"));
        assert_eq!(front.meta.outlet.as_deref(), Some("Examiner"));
        assert_eq!(front.meta.published, PartialDate::ym(2022, 11));
        assert_eq!(&text[front.body_offset..], "Body.\n");
    }

    #[test]
    fn toml_keys_with_unquoted_date() {
        let text = "+++\nid = \"x\"\npublished = 2022-03-15\n+++\nBody.";
        let front = p(text).unwrap();
        assert_eq!(front.id.as_deref(), Some("x"));
        assert_eq!(front.meta.published, PartialDate::ymd(2022, 3, 15));
    }

    #[test]
    fn no_block_is_not_an_error() {
        assert_eq!(p("Just text.\n---\n").unwrap().body_offset, 0);
    }

    #[test]
    fn errors_name_the_line() {
        let e = p("---\ntitle: x\nno colon here\n---\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:3: front matter: expected `key: value`, found \"no colon here\""
        );
        let e = p("---\ntitle: x\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.md:1: front matter: unterminated"),
            "{e}"
        );
        let e = p("---\n\npublished: March 2022\n---\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.md:3: published: expected a date"),
            "{e}"
        );
        let e = p("+++\ntitle = \n+++\n").unwrap_err();
        assert!(e.to_string().starts_with("a.md:2: front matter:"), "{e}");
    }
}
