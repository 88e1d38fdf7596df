//! Inline suppressions: comments in Markdown and HTML articles that switch rules off for a
//! stretch of the article.
//!
//! ```markdown
//! <!-- claimcheck-disable TIME003 -- the wire copy is wrong, confirmed by the desk -->
//! ...
//! <!-- claimcheck-enable -->
//! <!-- claimcheck-disable-next-line ATTR001 NUM001 -->
//! ```
//!
//! - `claimcheck-disable [CODE...]` switches the codes (every rule when none is given) off from
//!   its line until a `claimcheck-enable` or the end of the article.
//! - `claimcheck-enable [CODE...]` switches those codes back on (also inside a bare
//!   `claimcheck-disable`); a bare one switches everything back on.
//! - `claimcheck-disable-next-line [CODE...]` covers the next line that holds text.
//! - Codes are separated by spaces or commas; text after ` -- ` is a reason, for people.
//!
//! A finding is suppressed when any of its evidence spans has a line in a region switched off
//! for its code, in that span's article: a discrepancy can be settled from either side.
//! Markdown comments are part of the article text, so lines are the text's own lines. An HTML
//! page's text is extracted, so there a "line" is a block of the extracted text (a paragraph,
//! a heading, a list item) and a comment applies to the blocks after it.
//!
//! An unknown directive or rule code is an error naming the file and line: a suppression
//! that silently suppresses nothing is worse than none. Plain-text and JSON articles have no
//! comment syntax, so they carry no suppressions.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::input::{Article, HtmlComment};
use crate::report::Finding;

/// A comment that may hold a directive, placed in the lines of an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// 1-based line of the comment in its file, for error messages.
    pub file_line: usize,
    /// First text line (0-based) a `disable` here covers.
    pub start: usize,
    /// First text line (0-based) an `enable` here no longer covers.
    pub end: usize,
    /// The text line (0-based) a `disable-next-line` here covers.
    pub next: usize,
    /// The comment's text, without `<!--` and `-->`.
    pub text: String,
}

/// A problem with a suppression comment.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct SuppressError {
    /// The article file.
    pub path: PathBuf,
    /// 1-based line of the comment.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Which codes a region covers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Codes {
    All,
    Only(BTreeSet<String>),
    /// A bare `claimcheck-disable` after `claimcheck-enable CODE...` re-enabled some codes.
    AllExcept(BTreeSet<String>),
}

impl Codes {
    fn covers(&self, code: &str) -> bool {
        match self {
            Codes::All => true,
            Codes::Only(set) => set.contains(&code.to_ascii_uppercase()),
            Codes::AllExcept(set) => !set.contains(&code.to_ascii_uppercase()),
        }
    }

    /// What stays switched off after `claimcheck-enable` of `ended` (`None`: every code).
    fn after_enable(&self, ended: Option<&BTreeSet<String>>) -> Option<Codes> {
        let ended = ended?;
        match self {
            Codes::All => Some(Codes::AllExcept(ended.clone())),
            Codes::AllExcept(except) => {
                Some(Codes::AllExcept(except.union(ended).cloned().collect()))
            }
            Codes::Only(set) => {
                let rest: BTreeSet<String> = set.difference(ended).cloned().collect();
                (!rest.is_empty()).then_some(Codes::Only(rest))
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Region {
    /// First covered text line, 0-based.
    start: usize,
    /// First text line no longer covered.
    end: usize,
    codes: Codes,
}

/// The suppressed regions of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    regions: Vec<Region>,
}

enum Directive {
    Disable,
    Enable,
    DisableNextLine,
}

impl Suppressions {
    /// Reads the directives among `comments` (in article order). Codes are checked with
    /// `known`; bad directives are reported and left out, the rest still apply.
    pub fn build(
        path: &Path,
        comments: &[Comment],
        known: impl Fn(&str) -> bool,
    ) -> (Suppressions, Vec<SuppressError>) {
        let mut regions = Vec::new();
        let mut errors = Vec::new();
        let mut open: Vec<(usize, Codes)> = Vec::new();
        for comment in comments {
            let text = comment.text.trim();
            let Some(rest) = text.strip_prefix("claimcheck-") else {
                continue;
            };
            let error = |message: String| SuppressError {
                path: path.to_path_buf(),
                line: comment.file_line,
                message,
            };
            let body = rest.split(" -- ").next().unwrap_or(rest);
            let mut words = body.split(|c: char| c.is_whitespace() || c == ',');
            let name = words.next().unwrap_or("");
            let directive = match name {
                "disable" => Directive::Disable,
                "enable" => Directive::Enable,
                "disable-next-line" => Directive::DisableNextLine,
                _ => {
                    errors.push(error(format!(
                        "unknown suppression `claimcheck-{name}`; expected claimcheck-disable, \
                         claimcheck-enable or claimcheck-disable-next-line"
                    )));
                    continue;
                }
            };
            let mut codes = BTreeSet::new();
            let mut bad = false;
            for word in words.filter(|w| !w.is_empty()) {
                if known(word) {
                    codes.insert(word.to_ascii_uppercase());
                } else {
                    bad = true;
                    errors.push(error(format!(
                        "unknown rule code `{word}` in `claimcheck-{name}`; expected a code of \
                         `claimcheck rules list`"
                    )));
                }
            }
            if bad {
                continue;
            }
            let codes = if codes.is_empty() {
                Codes::All
            } else {
                Codes::Only(codes)
            };
            match directive {
                Directive::Disable => open.push((comment.start, codes)),
                Directive::DisableNextLine => regions.push(Region {
                    start: comment.next,
                    end: comment.next + 1,
                    codes,
                }),
                Directive::Enable => {
                    let ended = match &codes {
                        Codes::Only(set) => Some(set),
                        _ => None,
                    };
                    let mut still_open = Vec::new();
                    for (start, region_codes) in open.drain(..) {
                        match region_codes.after_enable(ended) {
                            // Nothing of this region ended.
                            Some(rest) if rest == region_codes => still_open.push((start, rest)),
                            Some(rest) => {
                                regions.push(Region {
                                    start,
                                    end: comment.end,
                                    codes: region_codes,
                                });
                                still_open.push((comment.end, rest));
                            }
                            None => regions.push(Region {
                                start,
                                end: comment.end,
                                codes: region_codes,
                            }),
                        }
                    }
                    open = still_open;
                }
            }
        }
        regions.extend(open.into_iter().map(|(start, codes)| Region {
            start,
            end: usize::MAX,
            codes,
        }));
        (Suppressions { regions }, errors)
    }

    /// Whether no region is suppressed.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// Whether `code` is switched off on any text line of `first..=last` (0-based).
    pub fn covers(&self, code: &str, first: usize, last: usize) -> bool {
        self.regions
            .iter()
            .any(|r| r.start <= last && first < r.end && r.codes.covers(code))
    }
}

/// The comments of Markdown `text`, whose first line is line `first_line` (1-based) of its
/// file.
pub fn markdown_comments(text: &str, first_line: usize) -> Vec<Comment> {
    let line_of = |offset: usize| {
        text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let Some(close) = text[open + 4..].find("-->").map(|i| open + 4 + i) else {
            break;
        };
        let line = line_of(open);
        let last = line_of(close);
        let next = (last + 1..lines.len())
            .find(|&l| !lines[l].trim().is_empty())
            .unwrap_or(last + 1);
        comments.push(Comment {
            file_line: first_line + line,
            start: line,
            end: last + 1,
            next,
            text: text[open + 4..close].to_string(),
        });
        from = close + 3;
    }
    comments
}

/// The comments of an HTML page (`html`, the file's contents), placed in blocks of its
/// extracted text by `input::html_comments`.
pub fn html_comments(html: &str, placed: &[HtmlComment]) -> Vec<Comment> {
    placed
        .iter()
        .map(|c| {
            let after = c.line + usize::from(c.inline);
            let offset = c.offset.min(html.len());
            Comment {
                file_line: html.as_bytes()[..offset]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1,
                start: c.line,
                end: after,
                next: after,
                text: c.text.clone(),
            }
        })
        .collect()
}

/// The suppression comments of `article`, from its text (Markdown) or its file (HTML). Other
/// formats have none.
pub fn comments(article: &Article) -> Result<Vec<Comment>, SuppressError> {
    let path = Path::new(&article.origin);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "md" | "markdown" => {
            let first_line = article.front_matter.matches('\n').count() + 1;
            Ok(markdown_comments(&article.text, first_line))
        }
        "html" | "htm" => {
            let html = std::fs::read_to_string(path).map_err(|e| SuppressError {
                path: path.to_path_buf(),
                line: 1,
                message: format!("cannot read for suppression comments: {e}"),
            })?;
            let placed = crate::input::html_comments(&html);
            Ok(html_comments(&html, &placed))
        }
        _ => Ok(Vec::new()),
    }
}

/// The 0-based text lines of each evidence span of `finding` in `article`.
pub fn evidence_lines<'f>(
    finding: &'f Finding,
    article: &'f Article,
) -> impl Iterator<Item = (usize, usize)> + 'f {
    let text = article.text.as_bytes();
    let line = move |offset: usize| {
        let offset = offset.min(text.len());
        text[..offset].iter().filter(|&&b| b == b'\n').count()
    };
    finding
        .evidence
        .iter()
        .filter(move |e| e.article == article.id)
        .map(move |e| (line(e.start), line(e.end.max(e.start + 1) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> bool {
        ["TIME001", "TIME003", "ATTR001"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(code))
    }

    fn build(text: &str) -> (Suppressions, Vec<SuppressError>) {
        Suppressions::build(Path::new("a.md"), &markdown_comments(text, 1), known)
    }

    #[test]
    fn disable_until_enable() {
        let text = "zero\n<!-- claimcheck-disable TIME001 -->\ntwo\nthree\n<!-- claimcheck-enable -->\nfive\n";
        let (s, errors) = build(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!s.covers("TIME001", 0, 0));
        assert!(s.covers("TIME001", 2, 2));
        assert!(s.covers("time001", 3, 3));
        assert!(!s.covers("TIME001", 5, 5));
        assert!(!s.covers("ATTR001", 2, 2));
        assert!(s.covers("TIME001", 0, 2), "a span reaching into the region");
    }

    #[test]
    fn bare_disable_runs_to_the_end() {
        let (s, _) = build("a\n<!-- claimcheck-disable -- settled by the desk -->\nb\n\nc\n");
        assert!(!s.covers("TIME003", 0, 0));
        assert!(s.covers("TIME003", 2, 2));
        assert!(s.covers("ATTR001", 4, 4));
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let (s, _) = build("a\n<!-- claimcheck-disable-next-line ATTR001, TIME003 -->\n\nc\nd\n");
        assert!(s.covers("ATTR001", 3, 3));
        assert!(s.covers("TIME003", 3, 3));
        assert!(!s.covers("TIME001", 3, 3));
        assert!(!s.covers("ATTR001", 4, 4));
        assert!(!s.covers("ATTR001", 0, 0));
    }

    #[test]
    fn enable_one_code_keeps_the_others_off() {
        let text = "<!-- claimcheck-disable TIME001 ATTR001 -->\na\n<!-- claimcheck-enable TIME001 -->\nb\n";
        let (s, _) = build(text);
        assert!(s.covers("TIME001", 1, 1));
        assert!(!s.covers("TIME001", 3, 3));
        assert!(s.covers("ATTR001", 3, 3));
    }

    #[test]
    fn enable_one_code_inside_a_bare_disable() {
        let text = "<!-- claimcheck-disable -->\na\n<!-- claimcheck-enable TIME001 -->\nb\n<!-- claimcheck-enable -->\nc\n";
        let (s, _) = build(text);
        assert!(s.covers("TIME001", 1, 1));
        assert!(s.covers("ATTR001", 1, 1));
        assert!(!s.covers("TIME001", 3, 3));
        assert!(s.covers("ATTR001", 3, 3));
        assert!(!s.covers("ATTR001", 5, 5));
    }

    #[test]
    fn unknown_codes_and_directives_are_errors() {
        let text = "a\n\n<!-- claimcheck-disable TIME999 -->\nb\n<!-- claimcheck-disabel -->\n<!-- other comment -->\n";
        let (s, errors) = build(text);
        assert!(s.is_empty());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "a.md:3: unknown rule code `TIME999` in `claimcheck-disable`; expected a code \
                 of `claimcheck rules list`",
                "a.md:5: unknown suppression `claimcheck-disabel`; expected claimcheck-disable, \
                 claimcheck-enable or claimcheck-disable-next-line"
            ]
        );
    }

    #[test]
    fn file_lines_count_the_front_matter() {
        let comments = markdown_comments("x\n<!-- claimcheck-disable -->\n", 4);
        assert_eq!(comments[0].file_line, 5);
    }

    #[test]
    fn html_comments_apply_to_following_blocks() {
        let html = "<body>\n<p>a</p>\n<!-- claimcheck-disable-next-line TIME001 -->\n<p>b</p>\n<p>c <!-- claimcheck-disable ATTR001 --> d</p><p>e</p></body>";
        let placed = crate::input::html_comments(html);
        let comments = html_comments(html, &placed);
        assert_eq!(comments[0].file_line, 3);
        let (s, errors) = Suppressions::build(Path::new("a.html"), &comments, known);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!s.covers("TIME001", 0, 0));
        assert!(s.covers("TIME001", 1, 1));
        assert!(!s.covers("TIME001", 2, 2));
        assert!(s.covers("ATTR001", 2, 2), "inline: the block it sits in");
        assert!(s.covers("ATTR001", 3, 3));
    }
}
