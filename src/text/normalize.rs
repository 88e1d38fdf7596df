//! Offset-preserving normalization for matching: curly quotes, dashes and odd spaces folded to
//! ASCII.
//!
//! Patterns and lexicons are written in ASCII (`"`, `'`, `-`, space), while news text uses
//! `“ ” ‘ ’`, en and em dashes and no-break spaces. Matching on a folded copy and mapping the
//! hits back keeps every span pointing into the original text.

use super::span::Span;

/// The ASCII replacement of a character that normalization folds, if any.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => "\"",
        '‘' | '’' | '‚' | '‛' | '′' => "'",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        '…' => "...",
        _ => return None,
    })
}

/// A folded copy of a text with a map back to the original's byte offsets.
#[derive(Clone, Debug)]
pub struct Normalized {
    /// The folded text.
    pub text: String,
    /// For every byte of `text` plus one past the end, the original byte offset it came from.
    map: Vec<usize>,
}

impl Normalized {
    /// Folds `original` with [`fold_char`].
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            match fold_char(c) {
                Some(folded) => {
                    text.push_str(folded);
                    map.extend(std::iter::repeat_n(i, folded.len()));
                }
                None => {
                    text.push(c);
                    map.extend(i..i + c.len_utf8());
                }
            }
        }
        map.push(original.len());
        Normalized { text, map }
    }

    /// The original byte offset of folded offset `offset` (clamped to the end).
    pub fn original_offset(&self, offset: usize) -> usize {
        self.map[offset.min(self.map.len() - 1)]
    }

    /// The span of the original text that folded span `span` came from. A span ending inside
    /// an expansion (one of the three dots of a folded `…`) extends to cover the whole source
    /// character.
    pub fn original_span(&self, span: Span) -> Span {
        let start = self.original_offset(span.start);
        let end = if span.end == 0 {
            0
        } else {
            let last = self.original_offset(span.end - 1);
            let next = self.original_offset(span.end);
            if next == last {
                self.next_original(span.end)
            } else {
                next
            }
        };
        Span::new(start, end.max(start))
    }

    /// The first original offset after folded offset `offset` that starts a new source char.
    fn next_original(&self, offset: usize) -> usize {
        let here = self.original_offset(offset);
        self.map[offset..]
            .iter()
            .copied()
            .find(|&o| o != here)
            .unwrap_or(here)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let original = "A “deconfliction” line — used… once\u{a0}only";
        let n = Normalized::new(original);
        assert_eq!(n.text, "A \"deconfliction\" line - used... once only");
        let at = n.text.find("\"deconfliction\"").unwrap();
        let span = n.original_span(Span::new(at, at + "\"deconfliction\"".len()));
        assert_eq!(span.slice(original), "“deconfliction”");
        let at = n.text.find("used...").unwrap();
        let span = n.original_span(Span::new(at, at + "used..".len()));
        assert_eq!(span.slice(original), "used…");
        assert_eq!(n.original_offset(n.text.len()), original.len());
    }
}
