//! Paragraph and sentence segmentation with byte spans into the original text.
//!
//! Claims are extracted sentence by sentence, so a wrong boundary splits a claim in two ("the
//! U.S." / "official said") or glues two together. News text has its own habits, which decide
//! the rules here:
//!
//! - **Paragraphs** end at every line break, not only at blank lines: scraped articles usually
//!   put one paragraph on one line.
//! - **Sentences** end at `.`, `?`, `!` or `…` (plus any closing quotes or brackets: `."`,
//!   `.”`, `?)`), when white space follows and the next word starts with a capital or a digit
//!   (after any opening quote). A lower-case next word never starts a sentence (`"Why?" he
//!   asked`).
//! - **Abbreviations** come in two kinds. Titles and reference words that always precede
//!   something (`Mr.`, `Dr.`, `Gen.`, `Sen.`, `Gov.`, `No.`, `vs.`, `e.g.`) never end a sentence.
//!   Abbreviations that can also end one (`U.S.`, `U.N.`, `Nov.`, `Inc.`, `Jr.`, `St.`, `etc.`,
//!   single-letter initials, and any `X.Y.` acronym) end a sentence only when the next word is
//!   a common sentence starter: a determiner, pronoun, conjunction or discourse word such as
//!   `The`, `He`, `But`, `However`, `According` (see `STARTERS`). So "the U.S. official" and
//!   "Nov. 15" stay whole, "J. R. Smith" stays whole, and "in the U.S. The next day" splits.
//!   The rule misses sentence ends before a name ("... in the U.S. Biden said"), which we
//!   accept: a missed split joins two sentences, a false split breaks a claim.
//! - **Ellipses** (`...`, `…`) are pauses more often than ends; they split only before a
//!   sentence starter, like the ambiguous abbreviations.
//! - **Decimals and URLs** (`3.5`, `example.com`) never split: no white space follows the dot.
//! - A paragraph that is one sentence without final punctuation is a **heading** (a subheading
//!   such as "Biden and Putin have not spoken for more than 24 days now" is still content).
//!
//! Removed spans (boilerplate) are skipped; spans never cover removed bytes.

use super::span::Span;

/// A paragraph: one line of the article (blank lines and removed lines produce none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first to the last kept non-space character of the line.
    pub span: Span,
    /// Position among the article's paragraphs, from 0.
    pub index: usize,
    /// Whether the paragraph is a heading: one sentence with no final punctuation.
    pub is_heading: bool,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// A sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed of surrounding white space, including closing quotes.
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// Position among all sentences of the article, from 0.
    pub index: usize,
    /// Whether it is a heading (a line with no final punctuation).
    pub is_heading: bool,
}

/// Splits `text` into paragraphs and sentences, skipping the `removed` spans. Spans are byte
/// offsets into `text`. Removed spans may be unsorted or overlapping; spans that fall outside
/// the text or inside a character are clamped.
pub fn segment(text: &str, removed: &[Span]) -> Vec<Paragraph> {
    let removed = normalize_removed(text, removed);
    let mut paragraphs = Vec::new();
    let mut sentence_index = 0;
    let mut line_start = 0;
    // One buffer of characters for every line: a long article allocates it once.
    let mut chars = Vec::new();
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let content = line.strip_suffix('\n').unwrap_or(line);
        let end = start + content.len();
        let mut spans = Vec::new();
        for piece in kept_pieces(start, end, &removed) {
            split_sentences(text, piece, &mut chars, &mut spans);
        }
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let is_heading = spans.len() == 1 && !ends_with_terminal(last.slice(text));
        let index = paragraphs.len();
        let sentences = spans
            .into_iter()
            .map(|span| {
                sentence_index += 1;
                Sentence {
                    span,
                    paragraph: index,
                    index: sentence_index - 1,
                    is_heading,
                }
            })
            .collect();
        paragraphs.push(Paragraph {
            span,
            index,
            is_heading,
            sentences,
        });
    }
    paragraphs
}

/// All sentences of `paragraphs`, in order.
pub fn sentences(paragraphs: &[Paragraph]) -> impl Iterator<Item = &Sentence> {
    paragraphs.iter().flat_map(|p| p.sentences.iter())
}

/// Sorted, merged removed spans, clamped to the text and widened to character boundaries.
fn normalize_removed(text: &str, removed: &[Span]) -> Vec<Span> {
    let mut spans: Vec<Span> = removed
        .iter()
        .filter_map(|s| {
            let start = floor_boundary(text, s.start.min(text.len()));
            let end = ceil_boundary(text, s.end.min(text.len()));
            (start < end).then(|| Span::new(start, end))
        })
        .collect();
    spans.sort();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The parts of `start..end` not covered by `removed` (sorted, merged).
fn kept_pieces(start: usize, end: usize, removed: &[Span]) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut at = start;
    let first = removed.partition_point(|r| r.end <= start);
    for r in &removed[first..] {
        if r.start >= end {
            break;
        }
        if r.start > at {
            pieces.push(Span::new(at, r.start));
        }
        at = at.max(r.end);
    }
    if at < end {
        pieces.push(Span::new(at, end));
    }
    pieces
}

const TERMINATORS: &[char] = &['.', '?', '!', '…'];
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«'];

/// Abbreviations that never end a sentence: titles before a name, words before a number.
/// Compared case-sensitively, without the final period.
const NEVER_SPLIT: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj",
    "Adm", "Cmdr", "Cdr", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Amb",
    "Rev", "Hon", "Supt", "Det", "Insp", "Atty", "Gen", "Fr", "Sr", "No", "Nos", "Vol", "Fig",
    "Art", "Sec", "Ch", "pp", "vs", "v", "e.g", "i.e", "cf", "approx", "Ft", "Mt",
];

/// Abbreviations that may end a sentence (see the module docs for the rule).
const AMBIGUOUS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Co", "Ltd", "Jr", "Bros", "St", "Ave", "Blvd", "Rd", "etc", "al", "Gov't",
];

/// Words that commonly start a sentence in news prose. After an ambiguous abbreviation or an
/// ellipsis, a split happens only before one of these.
const STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Still",
    "However",
    "Meanwhile",
    "Moreover",
    "Also",
    "Instead",
    "Indeed",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "During",
    "When",
    "While",
    "If",
    "Since",
    "Although",
    "Though",
    "Despite",
    "According",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    "Officials",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "For",
    "With",
    "Without",
    "By",
    "From",
    "Under",
    "Over",
    "Asked",
    "Such",
    "Neither",
    "None",
    "Nothing",
    "Even",
    "Only",
    "Not",
];

/// Appends the sentences of `piece` (a part of one line) to `out`. `chars` is a buffer the
/// caller lends, cleared here.
fn split_sentences(text: &str, piece: Span, chars: &mut Vec<(usize, char)>, out: &mut Vec<Span>) {
    let slice = piece.slice(text);
    chars.clear();
    // Room for the whole piece at once (a character takes at least a byte).
    chars.reserve(slice.len());
    chars.extend(slice.char_indices().map(|(i, c)| (piece.start + i, c)));
    let offset = |k: usize| chars.get(k).map_or(piece.end, |&(i, _)| i);
    let mut sentence_start = 0;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if !TERMINATORS.contains(&c) {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < chars.len() && TERMINATORS.contains(&chars[k].1) {
            k += 1;
        }
        while k < chars.len() && CLOSERS.contains(&chars[k].1) {
            k += 1;
        }
        let boundary = k;
        if boundary >= chars.len() || !chars[boundary].1.is_whitespace() {
            continue;
        }
        let mut next = boundary;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let word_start = next;
        let mut first = next;
        while first < chars.len() && OPENERS.contains(&chars[first].1) {
            first += 1;
        }
        let Some(&(_, n)) = chars.get(first) else {
            break;
        };
        let run: String = chars[run_start..boundary].iter().map(|&(_, c)| c).collect();
        let closed = run.ends_with(CLOSERS);
        let run = run.trim_end_matches(CLOSERS);
        let next_word = word_at(chars, first);
        let capital = n.is_uppercase() || n.is_ascii_digit();
        let split = if run == "." && closed {
            // A quote or bracket closing after the period ends the sentence even after an
            // abbreviation (`she said "No." They ...`).
            capital
        } else if run == "." {
            match classify(chars, run_start) {
                Kind::Never => false,
                Kind::Ambiguous => next_word.is_some_and(|w| STARTERS.contains(&w.as_str())),
                Kind::Word => capital,
            }
        } else if run.contains(['?', '!']) {
            capital || (first > word_start && n.is_alphabetic() && !n.is_lowercase())
        } else {
            // "..." or "…": a pause unless a sentence plainly starts.
            next_word.is_some_and(|w| STARTERS.contains(&w.as_str()))
        };
        if split {
            push_trimmed(
                text,
                Span::new(offset(sentence_start), offset(boundary)),
                out,
            );
            sentence_start = word_start;
        }
    }
    push_trimmed(text, Span::new(offset(sentence_start), piece.end), out);
}

enum Kind {
    Never,
    Ambiguous,
    Word,
}

/// Classifies the token ending just before the period at `dot`.
fn classify(chars: &[(usize, char)], dot: usize) -> Kind {
    let mut start = dot;
    while start > 0 {
        let c = chars[start - 1].1;
        if c.is_whitespace() || OPENERS.contains(&c) || c == '—' || c == '–' || c == '/' {
            break;
        }
        start -= 1;
    }
    let token: String = chars[start..dot].iter().map(|&(_, c)| c).collect();
    if token.is_empty() {
        return Kind::Word;
    }
    if NEVER_SPLIT.contains(&token.as_str()) {
        return Kind::Never;
    }
    if AMBIGUOUS.contains(&token.as_str()) || is_initial(&token) || is_dotted_acronym(&token) {
        return Kind::Ambiguous;
    }
    Kind::Word
}

/// A single capital letter: an initial ("J. R. Smith").
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by periods: "U.S", "U.N", "D.C", "a.m", "Ph.D".
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            !part.is_empty() && part.len() <= 2 && part.chars().all(char::is_alphabetic)
        })
}

/// The run of letters starting at `k`, unless it is directly followed by a period (an initial or
/// an abbreviation is not a sentence starter).
fn word_at(chars: &[(usize, char)], k: usize) -> Option<String> {
    let mut end = k;
    while end < chars.len() && chars[end].1.is_alphabetic() {
        end += 1;
    }
    if end == k || chars.get(end).is_some_and(|&(_, c)| c == '.') {
        return None;
    }
    Some(chars[k..end].iter().map(|&(_, c)| c).collect())
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let slice = span.slice(text);
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = span.start + trimmed_start;
        out.push(Span::new(start, start + trimmed.len()));
    }
}

/// Whether a sentence ends in terminal punctuation (possibly followed by closing quotes).
fn ends_with_terminal(sentence: &str) -> bool {
    let trimmed = sentence.trim_end().trim_end_matches(CLOSERS);
    trimmed.ends_with(TERMINATORS) || trimmed.ends_with([':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(&segment(text, &[]))
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_stay_inside_sentences() {
        assert_eq!(
            split(
                "An anonymous U.S. official said so. The call was made on Nov. 15 by Gen. Smith."
            ),
            [
                "An anonymous U.S. official said so.",
                "The call was made on Nov. 15 by Gen. Smith."
            ]
        );
        assert_eq!(
            split("Mr. and Mrs. Jones met Dr. Who at St. Mary's. J. R. Smith, Jr. was there."),
            [
                "Mr. and Mrs. Jones met Dr. Who at St. Mary's.",
                "J. R. Smith, Jr. was there."
            ]
        );
        assert_eq!(
            split("It cost 3.5 million. Sales rose."),
            ["It cost 3.5 million.", "Sales rose."]
        );
        assert_eq!(
            split("See No. 5 vs. No. 6 today."),
            ["See No. 5 vs. No. 6 today."]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_splits_before_a_starter() {
        assert_eq!(
            split("He flew to the U.S. The next day he left. Acme Inc. However, it failed."),
            [
                "He flew to the U.S.",
                "The next day he left.",
                "Acme Inc.",
                "However, it failed."
            ]
        );
        // Before a name the split is missed, by design.
        assert_eq!(
            split("He flew to the U.S. Biden met him."),
            ["He flew to the U.S. Biden met him."]
        );
    }

    #[test]
    fn quotes_close_after_the_period() {
        assert_eq!(
            split("He said, “It is over.” Then he left. She said: \"No.\" They agreed."),
            [
                "He said, “It is over.”",
                "Then he left.",
                "She said: \"No.\"",
                "They agreed."
            ]
        );
        assert_eq!(
            split("\"Why?\" he asked. \"Because!\" She left."),
            ["\"Why?\" he asked.", "\"Because!\"", "She left."]
        );
    }

    #[test]
    fn ellipses_split_only_before_starters() {
        assert_eq!(
            split("We waited... Nothing happened."),
            ["We waited...", "Nothing happened."]
        );
        assert_eq!(
            split("Go to Washington… Paris later."),
            ["Go to Washington… Paris later."]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_headings_are_marked() {
        let text = "First para. Two.\n\nA heading here\nLast one.\n";
        let paragraphs = segment(text, &[]);
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[0].sentences.len(), 2);
        assert!(paragraphs[1].is_heading && paragraphs[1].sentences[0].is_heading);
        assert_eq!(paragraphs[1].span.slice(text), "A heading here");
        assert!(!paragraphs[2].is_heading);
        let indices: Vec<_> = sentences(&paragraphs)
            .map(|s| (s.paragraph, s.index))
            .collect();
        assert_eq!(indices, [(0, 0), (0, 1), (1, 2), (2, 3)]);
    }

    #[test]
    fn removed_spans_are_skipped() {
        let text = "Keep this.\nDROP THIS LINE NOW\nAnd this.";
        let drop = Span::new(11, 29);
        assert_eq!(drop.slice(text), "DROP THIS LINE NOW");
        let paragraphs = segment(text, &[drop]);
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[1].span.slice(text), "And this.");
        // Out-of-range and mid-character spans are tolerated.
        let _ = segment("é.", &[Span::new(1, 99)]);
    }
}
