//! Word tokens of a sentence with their byte spans.
//!
//! The claim grammar reads sentences as words: a token is a run of letters, digits and the
//! joiners inside words (apostrophes, hyphens, periods of "U.S." and decimals), or a single
//! punctuation character. Curly apostrophes are joiners too, so "Russia’s" is one token whose
//! possessive the entity grammar can strip.

use std::borrow::Cow;

use crate::text::span::Span;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// The token as written.
    pub text: &'t str,
    /// Its byte span in the article text.
    pub span: Span,
}

impl Token<'_> {
    /// Whether the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The token without a possessive ending ("Russia’s" → "Russia").
    pub fn without_possessive(&self) -> &str {
        for suffix in ["'s", "’s", "s'", "s’"] {
            if let Some(stem) = self.text.strip_suffix(suffix) {
                return if suffix.starts_with('s') {
                    &self.text[..stem.len() + 1]
                } else {
                    stem
                };
            }
        }
        self.text
    }

    /// The token in lower case, copied only when it has an upper-case letter: most words of a
    /// text are lower-case already, and the lexicon lookups run on every token.
    pub fn lower(&self) -> Cow<'_, str> {
        lowercase(self.text)
    }

    /// Whether the token ends in a possessive.
    pub fn is_possessive(&self) -> bool {
        self.without_possessive().len() != self.text.len()
    }
}

/// `text` in lower case, copied only when it has an upper-case letter.
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '/')
}

/// Splits `sentence` (which starts at byte `offset` of the article) into tokens.
pub fn tokenize(sentence: &str, offset: usize) -> Vec<Token<'_>> {
    // About one token in four bytes of news text: room enough to grow once at most.
    let mut tokens = Vec::with_capacity(sentence.len() / 4 + 1);
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    end = i + next.len_utf8();
                    chars.next();
                    continue;
                }
                // A joiner stays inside the word only when a word character follows it, with
                // the exceptions of the periods of "U.S." style abbreviations.
                if is_joiner(next) {
                    let after = sentence[i + next.len_utf8()..].chars().next();
                    let joins = match next {
                        ',' => {
                            sentence[start..i]
                                .bytes()
                                .all(|b| b.is_ascii_digit() || b == b',')
                                && after.is_some_and(|a| a.is_ascii_digit())
                        }
                        '.' => {
                            after.is_some_and(char::is_alphanumeric)
                                || is_dotted_abbreviation(&sentence[start..i + 1])
                        }
                        _ => after.is_some_and(char::is_alphanumeric),
                    };
                    if joins {
                        end = i + next.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                break;
            }
        }
        let text = &sentence[start..end];
        tokens.push(Token {
            text,
            span: Span::new(start + offset, end + offset),
        });
    }
    tokens
}

/// "U.S." / "U.N." style: single letters each followed by a period.
fn is_dotted_abbreviation(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 4
        && bytes
            .chunks(2)
            .all(|pair| pair.len() == 2 && pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_abbreviations_numbers_and_possessives_whole() {
        assert_eq!(
            words("The U.S. called Russia’s ministry, 1,200 km and 3.5%."),
            [
                "The",
                "U.S.",
                "called",
                "Russia’s",
                "ministry",
                ",",
                "1,200",
                "km",
                "and",
                "3.5",
                "%",
                "."
            ]
        );
        assert_eq!(
            words("well-known “hotline”"),
            ["well-known", "“", "hotline", "”"]
        );
    }

    #[test]
    fn spans_are_offset() {
        let tokens = tokenize("ab cd", 10);
        assert_eq!(tokens[1].span, Span::new(13, 15));
    }

    #[test]
    fn possessive_is_stripped() {
        let token = &tokenize("Russia’s", 0)[0];
        assert_eq!(token.without_possessive(), "Russia");
        assert!(token.is_possessive());
    }
}
