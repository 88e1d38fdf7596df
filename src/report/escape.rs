//! Escaping shared by the renderers: XML/HTML text and attributes, URI paths, Markdown text,
//! and terminal-safe text.
//!
//! Article text is untrusted input: it may hold markup, Markdown, `@mentions`, or control
//! characters (a stray ESC would restyle a terminal). Each format escapes it here, in one place,
//! so a fix applies to every renderer.

use std::borrow::Cow;

/// `text` escaped for XML and HTML text and (double- or single-quoted) attribute values:
/// `& < > " '` become entities, tabs and line breaks become character references (so attribute
/// normalization keeps them), and characters XML 1.0 forbids become U+FFFD.
pub(crate) fn xml(text: &str) -> Cow<'_, str> {
    escape_xml(text, attribute_entity)
}

/// `text` escaped for XML and HTML element content: like [`xml`] but keeps tabs and line
/// breaks as they are, which reads better in `<pre>`-like content.
pub(crate) fn xml_text(text: &str) -> Cow<'_, str> {
    escape_xml(text, content_entity)
}

/// The reference for `c` in element content, if it needs one.
fn content_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\r' => Some("&#13;"),
        _ => None,
    }
}

/// The reference for `c` in an attribute value (or anywhere), if it needs one.
fn attribute_entity(c: char) -> Option<&'static str> {
    match c {
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\t' => Some("&#9;"),
        '\n' => Some("&#10;"),
        c => content_entity(c),
    }
}

/// `text` with every character `entity` names replaced by its reference and every character
/// XML 1.0 forbids by U+FFFD; borrowed when nothing changes.
fn escape_xml(text: &str, entity: fn(char) -> Option<&'static str>) -> Cow<'_, str> {
    if !text.chars().any(|c| entity(c).is_some() || !is_xml_char(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match entity(c) {
            Some(reference) => out.push_str(reference),
            None if !is_xml_char(c) => out.push('\u{FFFD}'),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `path` percent-encoded as a relative URI reference: unreserved characters, `/` and the
/// sub-delimiters that are safe in a path stay, everything else (spaces, `%`, `#`, `?`, `:`,
/// non-ASCII bytes) is encoded. A `:` is encoded so a relative path is never read as a scheme.
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `text` made inert in Markdown (CommonMark and GitHub's flavour): backslash before ASCII
/// punctuation that could start markup, line breaks as spaces, and `@` followed by a zero-width
/// space entity so article text cannot mention (notify) GitHub users.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@&#8203;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `text` safe to print on a terminal: tabs and line breaks become spaces and other control
/// characters (ESC, BEL, ...) become U+FFFD, so article text cannot move the cursor or change
/// colors.
pub(crate) fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_forbidden_chars() {
        assert_eq!(
            xml("a<b & \"c\"\n\u{1b}"),
            "a&lt;b &amp; &quot;c&quot;&#10;\u{FFFD}"
        );
        assert!(matches!(xml("plain “text”"), Cow::Borrowed(_)));
        assert_eq!(xml_text("a\nb<"), "a\nb&lt;");
    }

    #[test]
    fn uri_path_encodes_spaces_and_colons() {
        assert_eq!(uri_path("seeds/a b.md"), "seeds/a%20b.md");
        assert_eq!(uri_path("data.jsonl:3"), "data.jsonl%3A3");
        assert_eq!(uri_path("é"), "%C3%A9");
    }

    #[test]
    fn markdown_is_inert() {
        assert_eq!(
            markdown("*hi* @user [x](y)"),
            "\\*hi\\* @&#8203;user \\[x\\](y)"
        );
    }

    #[test]
    fn terminal_strips_escapes() {
        assert_eq!(terminal("a\u{1b}[31mb\tc"), "a\u{FFFD}[31mb c");
    }
}
