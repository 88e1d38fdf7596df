//! Main-text extraction from HTML pages, hand-rolled.
//!
//! A readability port or a full HTML5 parser would be the thorough route; news pages we get are
//! mostly saved articles where a simple rule works: drop `script`, `style`, `nav`, `header`,
//! `footer`, `aside` (and similar) subtrees, take the first `<article>`, else `<main>`, else
//! `<body>`, and turn block elements (paragraphs, headings, list items) into lines. Entities are
//! decoded. `<title>` and OpenGraph `<meta>` tags fill the metadata.
//!
//! The article text is the *extracted* text: byte offsets point into it, not into the HTML.

use super::Metadata;

/// The result of extracting an HTML page.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// The main text, one block element a line.
    pub(crate) text: String,
    /// Metadata from `<title>` and `<meta>` tags; `published` is kept raw for the caller to
    /// validate, with its byte offset in the page.
    pub(crate) meta: Metadata,
    /// The raw `article:published_time` (or similar) value and its byte offset.
    pub(crate) published: Option<(String, usize)>,
    /// The comments inside the extracted region, where they sit in the extracted text.
    pub(crate) comments: Vec<Comment>,
}

/// An HTML comment of the extracted region, placed in the extracted text. Comments carry no
/// text of their own, so their position is given in lines of the extracted text: the line the
/// comment stands before (`line`), and whether text of that same line came before it
/// (`inline`). Suppression comments (`<!-- claimcheck-disable ... -->`) are read from here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// 0-based line of the extracted text that the comment sits in (`inline`) or before.
    pub line: usize,
    /// Whether text of `line` precedes the comment in the same block.
    pub inline: bool,
    /// Byte offset of `<!--` in the page.
    pub offset: usize,
    /// The text between `<!--` and `-->`.
    pub text: String,
}

#[derive(Debug)]
enum Token<'a> {
    Open {
        name: String,
        attrs: &'a str,
        offset: usize,
    },
    Close(String),
    Text(&'a str),
    Comment {
        text: &'a str,
        offset: usize,
    },
}

/// Elements whose whole subtree is dropped.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "select", "head",
];

/// Elements that end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "section",
    "article",
    "main",
    "figcaption",
    "figure",
    "pre",
    "dd",
    "dt",
    "table",
    "hr",
    "body",
];

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
    "wbr",
];

fn tokenize(html: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|j| i + j) {
        let rest = &html[lt..];
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|j| lt + j + 3)
        } else if next == b'!' || next == b'?' || next == b'/' || next.is_ascii_alphabetic() {
            tag_end(html, lt)
        } else {
            // A stray `<` in text.
            i = lt + 1;
            continue;
        };
        let Some(end) = end else {
            break;
        };
        if text_start < lt {
            tokens.push(Token::Text(&html[text_start..lt]));
        }
        let inner = &html[lt + 1..end - 1];
        if rest.starts_with("<!--") {
            tokens.push(Token::Comment {
                text: html.get(lt + 4..end - 3).unwrap_or(""),
                offset: lt,
            });
        } else if let Some(name) = inner.strip_prefix('/') {
            tokens.push(Token::Close(name.trim().to_ascii_lowercase()));
        } else if next.is_ascii_alphabetic() {
            let name_end = inner
                .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .unwrap_or(inner.len());
            let name = inner[..name_end].to_ascii_lowercase();
            let attrs = &inner[name_end..];
            let raw_text = name == "script" || name == "style";
            tokens.push(Token::Open {
                name: name.clone(),
                attrs,
                offset: lt,
            });
            if raw_text {
                // Skip to the matching close tag without tokenizing the contents.
                let close = format!("</{name}");
                let lower = html[end..].to_ascii_lowercase();
                let stop = lower.find(&close).map_or(html.len(), |j| end + j);
                i = stop;
                text_start = stop;
                continue;
            }
        }
        i = end;
        text_start = end;
    }
    if text_start < html.len() {
        tokens.push(Token::Text(&html[text_start..]));
    }
    tokens
}

/// The byte just past the `>` closing the tag opened at `lt`, honouring quoted attributes.
fn tag_end(html: &str, lt: usize) -> Option<usize> {
    let mut quote = None;
    for (j, b) in html.as_bytes()[lt + 1..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if *b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*b),
            (None, b'>') => return Some(lt + 1 + j + 1),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's attribute text.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(j) = lower[from..].find(name) {
        let at = from + j;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = attrs.len() - after.len() + 1;
        let value = attrs[value_start..].trim_start();
        let parsed = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        return Some(decode_entities(parsed));
    }
    None
}

/// Extracts the main text and metadata of an HTML page.
pub(crate) fn extract(html: &str) -> Extracted {
    let tokens = tokenize(html);
    let mut out = Extracted::default();
    // Metadata pass.
    let mut in_title = false;
    let mut title = String::new();
    let mut og_title = None;
    for token in &tokens {
        match token {
            Token::Open { name, .. } if name == "title" => in_title = true,
            Token::Close(name) if name == "title" => in_title = false,
            Token::Text(t) if in_title => title.push_str(t),
            Token::Open {
                name,
                attrs,
                offset,
            } if name == "meta" => {
                let key = attr(attrs, "property").or_else(|| attr(attrs, "name"));
                let content = attr(attrs, "content");
                if let (Some(key), Some(content)) = (key, content) {
                    match key.to_ascii_lowercase().as_str() {
                        "og:title" => og_title = Some(content),
                        "og:site_name" => out.meta.outlet = Some(content),
                        "og:url" => out.meta.url = Some(content),
                        "author" | "article:author" => out.meta.author = Some(content),
                        "article:published_time" | "date" | "pubdate" => {
                            out.published.get_or_insert((content, *offset));
                        }
                        _ => {}
                    }
                }
            }
            Token::Open { name, attrs, .. }
                if name == "link"
                    && out.meta.url.is_none()
                    && attr(attrs, "rel").as_deref() == Some("canonical") =>
            {
                out.meta.url = attr(attrs, "href");
            }
            _ => {}
        }
    }
    let title = collapse(&decode_entities(&title));
    out.meta.title = og_title.or((!title.is_empty()).then_some(title));

    // Choose the region: the first <article>, else <main>, else <body>, else everything.
    let region = ["article", "main", "body"]
        .iter()
        .find_map(|tag| {
            let start = tokens
                .iter()
                .position(|t| matches!(t, Token::Open { name, .. } if name == tag))?;
            let mut depth = 0usize;
            let end = tokens[start..]
                .iter()
                .position(|t| match t {
                    Token::Open { name, .. } if name == tag => {
                        depth += 1;
                        false
                    }
                    Token::Close(name) if name == tag => {
                        depth -= 1;
                        depth == 0
                    }
                    _ => false,
                })
                .map_or(tokens.len(), |j| start + j);
            Some((start, end))
        })
        .unwrap_or((0, tokens.len()));

    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut skip: Vec<String> = Vec::new();
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        let text = collapse(&decode_entities(line));
        if !text.is_empty() {
            lines.push(text);
        }
        line.clear();
    };
    for token in &tokens[region.0..region.1] {
        match token {
            Token::Open { name, attrs, .. } => {
                if !skip.is_empty() || SKIP.contains(&name.as_str()) {
                    let self_closing = attrs.trim_end().ends_with('/');
                    if !VOID.contains(&name.as_str()) && !self_closing {
                        skip.push(name.clone());
                    }
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    flush(&mut line, &mut lines);
                }
            }
            Token::Close(name) => {
                if let Some(pos) = skip.iter().rposition(|s| s == name) {
                    skip.truncate(pos);
                    continue;
                }
                if skip.is_empty() && BLOCK.contains(&name.as_str()) {
                    flush(&mut line, &mut lines);
                }
            }
            Token::Text(t) if skip.is_empty() => line.push_str(t),
            Token::Text(_) => {}
            Token::Comment { text, offset } if skip.is_empty() => {
                let inline = !line.trim().is_empty();
                out.comments.push(Comment {
                    line: lines.len(),
                    inline,
                    offset: *offset,
                    text: text.to_string(),
                });
            }
            Token::Comment { .. } => {}
        }
    }
    flush(&mut line, &mut lines);
    out.text = lines.join("\n");
    if !out.text.is_empty() {
        out.text.push('\n');
    }
    out
}

/// The comments of an HTML page's extracted region, placed in lines of the extracted text
/// (the article text the loader makes of the page).
pub fn comments(html: &str) -> Vec<Comment> {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    extract(html).comments
}

/// Collapses runs of white space to one space and trims.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes numeric entities and the named entities common in news pages; unknown ones are kept.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[..rest.len().min(12)].find(';');
        let decoded = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article_and_metadata() {
        let html = r#"<!DOCTYPE html><html><head><title>Page &amp; title</title>
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2022-03-07T10:00:00Z">
<script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Hotline &ldquo;used&rdquo; once</h1>
<p>The line was   created in March.</p><aside>Related: other</aside>
<p>It is used&nbsp;rarely. 3 &lt; 4</p></article>
<footer>Copyright</footer></body></html>"#;
        let out = extract(html);
        assert_eq!(
            out.text,
            "Hotline “used” once\nThe line was created in March.\nIt is used rarely. 3 < 4\n"
        );
        assert_eq!(out.meta.title.as_deref(), Some("Page & title"));
        assert_eq!(out.meta.outlet.as_deref(), Some("The Paper"));
        assert_eq!(out.published.unwrap().0, "2022-03-07T10:00:00Z");
    }

    #[test]
    fn falls_back_to_body_and_survives_junk() {
        assert_eq!(extract("<body><p>a</p><p>b</body>").text, "a\nb\n");
        assert_eq!(extract("plain < text & more").text, "plain < text & more\n");
        let _ = extract("<p attr=\"unterminated>");
        let _ = extract("<");
        let _ = extract("<!-->x");
        let _ = extract("&#xFFFFFFFF; &#99999999999;");
    }

    #[test]
    fn comments_are_placed_in_extracted_lines() {
        let html = "<head><!-- not in region --></head><body><p>a</p>\n<!-- before b -->\n<p>b <!-- in b --> c</p><nav><!-- skipped --></nav></body>";
        let out = extract(html);
        assert_eq!(out.text, "a\nb c\n");
        let placed: Vec<(usize, bool, &str)> = out
            .comments
            .iter()
            .map(|c| (c.line, c.inline, c.text.as_str()))
            .collect();
        assert_eq!(placed, [(1, false, " before b "), (1, true, " in b ")]);
        assert_eq!(&html[out.comments[0].offset..][..4], "<!--");
    }
}
