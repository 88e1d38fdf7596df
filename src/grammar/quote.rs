//! Direct quotations of a whole article: where each starts and ends, and its words for
//! comparison with other articles' renderings.
//!
//! Quotes are found over the article text rather than per sentence, because a quotation often
//! holds several sentences (`"It is over. We are leaving," he said.`). Marks: straight `"`,
//! curly `“ ”` and guillemets `« »`; a curly opening may close with a straight mark and the
//! reverse, as copy edited by hand often does. A straight mark opens a quote where it stands
//! before a word (after a space, a bracket or the start of a line) and closes one otherwise.
//! A quote does not run past the end of its paragraph, except in the convention where a quoted
//! speech going on in the next paragraph opens that paragraph with a mark and leaves the
//! previous one unclosed: each paragraph's part is then a quote of its own. Single quotes are
//! not read: they cannot be told from apostrophes.

use crate::text::span::Span;

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing one, both included.
    pub span: Span,
    /// The quoted text, without the marks.
    pub inner: Span,
}

impl Quote {
    /// The quote's words, lower-cased, without punctuation, apostrophes folded to `'`:
    /// `“We’ve seen it,”` → `["we've", "seen", "it"]`.
    pub fn words(&self, text: &str) -> Vec<String> {
        words(self.inner.slice(text))
    }
}

/// The comparable words of `text`, so that what house style changes does not count as a
/// change of wording: lower-cased, punctuation stripped, apostrophes folded, hyphens inside
/// words dropped ("e-mail" = "email"), whole hours without their minutes ("6:00" = "6"),
/// contractions spelled out ("aren't" = "are not", "I'm" = "I am"; not "'s" or "'d", which are
/// ambiguous), and editorial insertions in brackets or parentheses ("her (Tara Reid)") left out.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/')) {
        let opens = raw.chars().filter(|c| matches!(c, '(' | '[')).count();
        let closes = raw.chars().filter(|c| matches!(c, ')' | ']')).count();
        let inside = depth > 0 || opens > 0;
        depth = (depth + opens).saturating_sub(closes);
        if inside {
            continue;
        }
        let folded: String = raw
            .replace(":00", "")
            .chars()
            .map(|c| {
                if matches!(c, '’' | '‘' | '`') {
                    '\''
                } else {
                    c
                }
            })
            .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '%' | '$'))
            .collect::<String>()
            .trim_matches('\'')
            .to_lowercase();
        if folded.is_empty() {
            continue;
        }
        out.extend(expand_contraction(&folded));
    }
    out
}

/// "aren't" → ["are", "not"]; "can't" → ["can", "not"]; other words as they are.
fn expand_contraction(word: &str) -> Vec<String> {
    match word {
        "can't" | "cannot" => return vec!["can".into(), "not".into()],
        "won't" => return vec!["will".into(), "not".into()],
        _ => {}
    }
    for (suffix, full) in [
        ("n't", "not"),
        ("'m", "am"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
    ] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            return vec![stem.to_string(), full.to_string()];
        }
    }
    vec![word.to_string()]
}

fn is_opening_context(before: Option<char>) -> bool {
    match before {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':' | '-'),
    }
}

/// Every direct quotation of `text`, in order.
///
/// ```
/// use claimcheck::grammar::quote::quotes;
///
/// let text = "\"It is over. We are leaving,” he said.";
/// let found = quotes(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].inner.slice(text), "It is over. We are leaving,");
/// ```
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut found = Vec::new();
    // The opening mark's span, while a quote is open.
    let mut open: Option<Span> = None;
    let mut before: Option<char> = None;
    for (i, c) in text.char_indices() {
        let mark = Span::new(i, i + c.len_utf8());
        match (c, open) {
            ('\n', Some(start)) => {
                // A speech going on in the next paragraph: this paragraph's part is a quote.
                let rest = text[i..].trim_start();
                if rest.starts_with(['"', '“', '«']) {
                    let end = text[..i].trim_end().len();
                    if end > start.end {
                        found.push(Quote {
                            span: Span::new(start.start, end),
                            inner: Span::new(start.end, end),
                        });
                    }
                }
                open = None;
            }
            ('“' | '«', None) => open = Some(mark),
            ('"', None) if is_opening_context(before) => open = Some(mark),
            ('”' | '"' | '»', Some(start)) => {
                if mark.start > start.end {
                    found.push(Quote {
                        span: Span::new(start.start, mark.end),
                        inner: Span::new(start.end, mark.start),
                    });
                }
                open = None;
            }
            // A second opening mark inside a quote: the first one was never closed.
            ('“' | '«', Some(_)) => open = Some(mark),
            _ => {}
        }
        before = Some(c);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quotes(text).iter().map(|q| q.inner.slice(text)).collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        assert_eq!(
            inner(r#"He said "we will go" and she said “we will stay”."#),
            ["we will go", "we will stay"]
        );
    }

    #[test]
    fn mixed_marks_close_each_other() {
        let text = "\"If we determine that, we’ll continue,” he said, adding that “we’re not \
                    going to let Russia dictate it.\"";
        assert_eq!(
            inner(text),
            [
                "If we determine that, we’ll continue,",
                "we’re not going to let Russia dictate it."
            ]
        );
    }

    #[test]
    fn quotes_span_sentences() {
        let text = "\"It is over. We are leaving. Nobody stays,\" the mayor said.";
        assert_eq!(inner(text), ["It is over. We are leaving. Nobody stays,"]);
    }

    #[test]
    fn a_quote_does_not_run_past_its_paragraph() {
        let text =
            "He called it \"a disgrace.\nThe council met on Monday. \"We disagree,\" it said.";
        assert_eq!(inner(text), ["We disagree,"]);
    }

    #[test]
    fn a_speech_going_on_in_the_next_paragraph() {
        let text = "\"We will rebuild the bridge.\n\n\"It will take a year,\" she said.";
        assert_eq!(
            inner(text),
            ["We will rebuild the bridge.", "It will take a year,"]
        );
    }

    #[test]
    fn inch_marks_and_apostrophes_are_not_quotes() {
        assert!(inner("a 12\" screen and the mayor's car").is_empty());
        assert!(inner("it's 'fine' really").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_ordered_quotes_inside_it(text in "\\PC*") {
            let found = quotes(&text);
            let mut last = 0;
            for q in &found {
                proptest::prop_assert!(q.span.start >= last && q.span.end <= text.len());
                proptest::prop_assert!(q.span.start <= q.inner.start && q.inner.end <= q.span.end);
                proptest::prop_assert!(text.is_char_boundary(q.inner.start));
                proptest::prop_assert!(text.is_char_boundary(q.inner.end));
                last = q.span.end;
            }
        }
    }

    #[test]
    fn words_fold_case_punctuation_and_apostrophes() {
        assert_eq!(
            words("“We’ve seen it — repeatedly,” he"),
            ["we", "have", "seen", "it", "repeatedly", "he"]
        );
    }

    #[test]
    fn words_fold_house_style() {
        assert_eq!(
            words("Torches aren't needed"),
            words("torches are not needed")
        );
        assert_eq!(words("I'm sorry"), words("I am sorry"));
        assert_eq!(
            words("mobile e-mail at 6:00 p.m."),
            words("mobile email at 6 p.m.")
        );
        assert_eq!(
            words("respect to her (Tara Reid) and her family"),
            words("respect to her and her family")
        );
        assert_eq!(words("strengthen [the Act] now"), ["strengthen", "now"]);
        assert_eq!(words("the mayor's car"), ["the", "mayor's", "car"]);
    }
}
