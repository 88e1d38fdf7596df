//! Where evidence sits: file paths, file line and column numbers, and quotable excerpts.
//!
//! Evidence spans are byte offsets into [`Article::text`], but people and CI tools want the
//! position in the *file*: a Markdown article's text starts after its front matter, so every
//! renderer must add the front matter's lines and characters. [`Sources`] does that once per
//! render (it indexes each article's lines a single time), so the renderers agree on every
//! line and column they print.
//!
//! Conventions shared by all formats:
//! - lines and columns are 1-based, and columns count Unicode scalar values (characters), not
//!   bytes or UTF-16 units (SARIF `columnKind` `unicodeCodePoints`);
//! - an end position is exclusive: the column just after the last character of the span;
//! - paths use forward slashes and are made relative to [`RenderOptions::root`] when given;
//! - spans that fall outside the text or inside a character are clamped to the text and to
//!   character boundaries rather than trusted.
//!
//! When an article has a non-zero `body_offset` but [`Report::front_matter`] lacks its front
//! matter, lines are counted from the start of the text and character offsets in the file are
//! unknown (`None`); byte offsets in the file stay exact.

use std::collections::BTreeMap;

use crate::input::Article;
use crate::text::span::{LineIndex, Span};

use super::{Evidence, RenderOptions, Report};

/// The file position of one piece of evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file path for display and for tools: forward slashes, relative to the root option.
    pub path: String,
    /// Line of the first character, 1-based, in the file.
    pub line: usize,
    /// Column of the first character, 1-based, in characters.
    pub column: usize,
    /// Line of the end position.
    pub end_line: usize,
    /// Column just after the last character (exclusive), 1-based, in characters.
    pub end_column: usize,
    /// Byte offset of the span in the file (text offset + front matter length).
    pub byte_offset: usize,
    /// Length of the span in bytes.
    pub byte_length: usize,
    /// Character offset of the span in the file, 0-based; `None` when the front matter is
    /// unknown.
    pub char_offset: Option<usize>,
    /// Length of the span in characters.
    pub char_length: usize,
    /// The span in the article text, clamped to the text and to character boundaries.
    pub span: Span,
}

/// A short passage around a span, for quoting: the sentence (or line) that holds it, split into
/// the text before the span, the span, and the text after, windowed to a width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt<'r> {
    /// Text before the span.
    pub before: &'r str,
    /// The span's text.
    pub marked: &'r str,
    /// Text after the span.
    pub after: &'r str,
    /// Whether text before `before` was left out.
    pub elided_before: bool,
    /// Whether text after `after` was left out.
    pub elided_after: bool,
}

/// One article prepared for locating spans.
#[derive(Debug)]
struct File<'r> {
    article: &'r Article,
    index: LineIndex,
    path: String,
    /// Lines of the file before the text (line breaks in the front matter).
    lines_before: usize,
    /// Characters on the text's first line that belong to the front matter (0 when the front
    /// matter ends with a line break, as it should).
    first_line_columns: usize,
    /// Characters of the file before the text, when known.
    chars_before: Option<usize>,
    /// The sentences of the article's claims, for excerpts.
    sentences: Vec<Span>,
}

/// The articles of a report, indexed for turning evidence spans into file positions.
#[derive(Debug)]
pub struct Sources<'r> {
    files: Vec<File<'r>>,
    /// Article id → index in `files`.
    by_id: BTreeMap<&'r str, usize>,
}

impl<'r> Sources<'r> {
    /// Indexes the articles of `report`.
    pub fn new(report: &'r Report, options: &RenderOptions) -> Sources<'r> {
        let mut sentences: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
        for claim in &report.claims {
            sentences
                .entry(claim.article.as_str())
                .or_default()
                .push(claim.sentence);
        }
        let files: Vec<File<'r>> = report
            .articles
            .iter()
            .map(|article| {
                let (lines_before, first_line_columns, chars_before) =
                    match report.front_matter.get(&article.id) {
                        Some(front) => {
                            let lines = front.bytes().filter(|&b| b == b'\n').count();
                            let last_line = front
                                .rfind('\n')
                                .map_or(front.as_str(), |i| &front[i + 1..]);
                            (
                                lines,
                                last_line.chars().count(),
                                Some(front.chars().count()),
                            )
                        }
                        None if article.body_offset == 0 => (0, 0, Some(0)),
                        None => (0, 0, None),
                    };
                File {
                    article,
                    index: LineIndex::new(&article.text),
                    path: display_path(&article.origin, options.root.as_deref()),
                    lines_before,
                    first_line_columns,
                    chars_before,
                    sentences: sentences.remove(article.id.as_str()).unwrap_or_default(),
                }
            })
            .collect();
        let mut by_id = BTreeMap::new();
        for (i, file) in files.iter().enumerate() {
            // With duplicate ids the first article wins, as in `Report::article`.
            by_id.entry(file.article.id.as_str()).or_insert(i);
        }
        Sources { files, by_id }
    }

    fn file(&self, article: &str) -> Option<&File<'r>> {
        self.by_id.get(article).map(|&i| &self.files[i])
    }

    /// The article with id `id`.
    pub fn article(&self, id: &str) -> Option<&'r Article> {
        self.file(id).map(|f| f.article)
    }

    /// The display path of the article with id `id`: its origin with forward slashes, relative
    /// to the root option.
    pub fn path(&self, id: &str) -> Option<&str> {
        self.file(id).map(|f| f.path.as_str())
    }

    /// The file line of 1-based line `text_line` of the article's text (code frames number the
    /// lines they show with it).
    pub fn file_line(&self, article: &str, text_line: usize) -> usize {
        self.file(article)
            .map_or(text_line, |f| text_line + f.lines_before)
    }

    /// The article's line index (over its text).
    pub fn line_index(&self, article: &str) -> Option<&LineIndex> {
        self.file(article).map(|f| &f.index)
    }

    /// Where `evidence` sits in its file; `None` when its article is not in the report.
    pub fn locate(&self, evidence: &Evidence) -> Option<Location> {
        let file = self.file(&evidence.article)?;
        let text = file.article.text.as_str();
        let span = clamp(text, evidence.span());
        let position = |offset: usize| {
            let (line, column) = file.index.line_col(text, offset);
            let column = if line == 1 {
                column + file.first_line_columns
            } else {
                column
            };
            (line + file.lines_before, column)
        };
        let (line, column) = position(span.start);
        let (end_line, end_column) = position(span.end);
        let chars_to_start = text[..span.start].chars().count();
        let char_length = span.slice(text).chars().count();
        Some(Location {
            path: file.path.clone(),
            line,
            column,
            end_line,
            end_column,
            byte_offset: span.start + file.article.body_offset,
            byte_length: span.len(),
            char_offset: file.chars_before.map(|before| before + chars_to_start),
            char_length,
            span,
        })
    }

    /// The sentence around `evidence` (the smallest claim sentence of its article that holds
    /// the span, else the text lines it is on), cut to about `width` characters around the
    /// span at word boundaries. `None` when the article is not in the report.
    pub fn excerpt(&self, evidence: &Evidence, width: usize) -> Option<Excerpt<'r>> {
        let file = self.file(&evidence.article)?;
        let text: &'r str = file.article.text.as_str();
        let span = clamp(text, evidence.span());
        let sentence = file
            .sentences
            .iter()
            .map(|&s| clamp(text, s))
            .filter(|s| s.contains(span) && !s.is_empty())
            .min_by_key(|s| (s.len(), s.start));
        let context = sentence.unwrap_or_else(|| {
            let (first, _) = file.index.line_col(text, span.start);
            let (last, _) = file.index.line_col(text, span.end);
            file.index
                .line_span(text, first)
                .cover(file.index.line_span(text, last))
        });
        let before = &text[context.start..span.start];
        let after = &text[span.end..context.end.max(span.end)];
        let marked = span.slice(text);
        let budget = width.saturating_sub(marked.chars().count());
        let before_chars = before.chars().count();
        let after_chars = after.chars().count();
        // Share the room left by the span, giving one side's unused share to the other.
        let half = budget / 2;
        let (keep_before, keep_after) = if before_chars + after_chars <= budget {
            (before_chars, after_chars)
        } else if before_chars < half {
            (before_chars, budget - before_chars)
        } else if after_chars < budget - half {
            (budget - after_chars, after_chars)
        } else {
            (half, budget - half)
        };
        let (before, elided_before) = keep_end(before, keep_before);
        let (after, elided_after) = keep_start(after, keep_after);
        Some(Excerpt {
            before: before.trim_start(),
            marked,
            after: after.trim_end(),
            elided_before,
            elided_after,
        })
    }
}

/// The last `chars` characters of `text`, starting at a word when cut; and whether it was cut.
fn keep_end(text: &str, chars: usize) -> (&str, bool) {
    let total = text.chars().count();
    if total <= chars {
        return (text, false);
    }
    let start = text
        .char_indices()
        .nth(total - chars)
        .map_or(text.len(), |(i, _)| i);
    let kept = &text[start..];
    // Start after the first space, so no word is shown half.
    let kept = match kept.find(char::is_whitespace) {
        Some(i) if i + 1 < kept.len() => kept[i..].trim_start(),
        _ => kept,
    };
    (kept, true)
}

/// The first `chars` characters of `text`, ending at a word when cut; and whether it was cut.
fn keep_start(text: &str, chars: usize) -> (&str, bool) {
    let end = match text.char_indices().nth(chars) {
        Some((i, _)) => i,
        None => return (text, false),
    };
    let kept = &text[..end];
    let kept = match kept.rfind(char::is_whitespace) {
        Some(i) if i > 0 => kept[..i].trim_end(),
        _ => kept,
    };
    (kept, true)
}

/// `span` clamped to `text` and widened to character boundaries.
pub(crate) fn clamp(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// `origin` with forward slashes, without a leading `./` and relative to `root` when it lies
/// under it.
fn display_path(origin: &str, root: Option<&str>) -> String {
    let path = origin.replace('\\', "/");
    let mut path = path.as_str();
    if let Some(root) = root {
        let root = root.replace('\\', "/");
        let root = root.trim_end_matches('/');
        if !root.is_empty() {
            if let Some(rest) = path.strip_prefix(root) {
                if let Some(rest) = rest.strip_prefix('/') {
                    path = rest;
                }
            }
        }
    }
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_path_strips_root_and_dot() {
        assert_eq!(display_path("./seeds/a.md", None), "seeds/a.md");
        assert_eq!(
            display_path("/repo/seeds/a.md", Some("/repo/")),
            "seeds/a.md"
        );
        assert_eq!(
            display_path("/repository/a.md", Some("/repo")),
            "/repository/a.md"
        );
        assert_eq!(display_path("seeds\\a.md", None), "seeds/a.md");
    }

    #[test]
    fn clamp_widens_to_char_boundaries() {
        let text = "a“b”";
        assert_eq!(clamp(text, Span::new(2, 3)), Span::new(1, 4));
        assert_eq!(clamp(text, Span::new(50, 60)), Span::new(8, 8));
    }

    #[test]
    fn keep_cuts_at_words() {
        assert_eq!(keep_end("one two three", 7), ("three", true));
        assert_eq!(keep_start("one two three", 9), ("one two", true));
        assert_eq!(keep_start("one", 9), ("one", false));
    }
}
