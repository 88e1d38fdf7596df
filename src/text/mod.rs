//! Text handling: byte spans, boilerplate removal, paragraph and sentence segmentation,
//! offset-preserving normalization, the word overlap of two sorted word lists, whole-word
//! search, and fixed word lists looked up by hash.

pub mod boilerplate;
pub mod normalize;
pub mod segment;
pub mod span;
pub mod wordset;

pub use boilerplate::{Boilerplate, LexiconError, Removed};
pub use segment::{Paragraph, Sentence, segment};
pub use span::{LineIndex, Span};
pub use wordset::WordSet;

/// Whether `text` holds `word` as a whole word: no letter or digit right before or after it.
/// Case counts; an empty `word` is never found.
pub fn has_whole_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Which texts write which whole words. Every run of letters and digits in a word the text
/// writes whole is one of the text's maximal runs of letters and digits, so one pass over the
/// texts narrows [`has_whole_word`] to the texts writing the word's rarest run ("O'Connor": the
/// texts writing "Connor"), and a word that is one run needs no search at all.
#[derive(Debug, Default)]
pub struct WordIndex<'t> {
    texts: Vec<&'t str>,
    /// Run of letters and digits → the texts writing it, ascending, each once.
    writers: foldhash::HashMap<&'t str, Vec<usize>>,
    /// (run, text) → how many times the text writes the run, for runs a text writes more
    /// than once (once otherwise).
    repeats: foldhash::HashMap<(&'t str, usize), usize>,
}

impl<'t> WordIndex<'t> {
    /// The index of `texts`, numbered in their order.
    pub fn new(texts: impl IntoIterator<Item = &'t str>) -> WordIndex<'t> {
        let mut index = WordIndex::default();
        for (n, text) in texts.into_iter().enumerate() {
            index.texts.push(text);
            for run in runs(text) {
                let writers = index.writers.entry(run).or_default();
                if writers.last() != Some(&n) {
                    writers.push(n);
                } else {
                    *index.repeats.entry((run, n)).or_insert(1) += 1;
                }
            }
        }
        index
    }

    /// Whether text `n` writes `word` as a whole word, as [`has_whole_word`] tells.
    pub fn writes(&self, n: usize, word: &str) -> bool {
        let may = match self.rarest_writers(word) {
            Some(writers) => writers.binary_search(&n).is_ok(),
            None => n < self.texts.len(),
        };
        may && (is_one_run(word) || has_whole_word(self.texts[n], word))
    }

    /// Whether text `n` writes `word` as a whole word outside `span` (a stretch of it), as
    /// [`has_whole_word`] tells of the text before and after it.
    pub fn writes_outside(&self, n: usize, word: &str, span: span::Span) -> bool {
        let Some(&text) = self.texts.get(n) else {
            return false;
        };
        if !is_one_run(word) {
            return has_whole_word(&text[..span.start], word)
                || has_whole_word(&text[span.end..], word);
        }
        if !self.writes(n, word) {
            return false;
        }
        let total = self.repeats.get(&(word, n)).copied().unwrap_or(1);
        let inside = runs(span.slice(text)).filter(|&r| r == word).count();
        total > inside
    }

    /// Whether a text other than text `n` writes `word` as a whole word.
    pub fn written_elsewhere(&self, n: usize, word: &str) -> bool {
        let one_run = is_one_run(word);
        self.writers_of(word)
            .any(|k| k != n && (one_run || has_whole_word(self.texts[k], word)))
    }

    /// The texts that may write `word` whole: those writing its rarest run (every text when it
    /// has none, none when a run is written nowhere).
    fn writers_of(&self, word: &str) -> Box<dyn Iterator<Item = usize> + '_> {
        match self.rarest_writers(word) {
            Some(writers) => Box::new(writers.iter().copied()),
            None => Box::new(0..self.texts.len()),
        }
    }

    /// The texts writing the rarest run of `word`, ascending; `None` when it has no run.
    fn rarest_writers(&self, word: &str) -> Option<&[usize]> {
        let mut rarest: Option<&[usize]> = None;
        for run in runs(word) {
            let writers = self.writers.get(run).map_or(&[][..], Vec::as_slice);
            if rarest.is_none_or(|r| writers.len() < r.len()) {
                rarest = Some(writers);
            }
        }
        rarest
    }
}

/// Whether `word` is one run of letters and digits, which the index answers without a search.
fn is_one_run(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_alphanumeric)
}

/// The maximal runs of letters and digits of `text`.
pub fn runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// How many items two sorted slices have in common, counted with repetition (a multiset
/// intersection): the words two sentences share, whatever their order.
pub fn sorted_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::{WordIndex, has_whole_word, sorted_common};
    use crate::text::span::Span;

    /// Whether `span` of `text` starts and ends where a run of letters and digits may: no run
    /// crosses its edges, as none crosses a name's.
    fn on_run_edges(text: &str, span: Span) -> bool {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let edge = |at: usize| {
            !(alnum(text[..at].chars().next_back()) && alnum(text[at..].chars().next()))
        };
        edge(span.start) && edge(span.end)
    }

    /// Whether `text` writes `word` whole before or after `span`.
    fn outside(text: &str, word: &str, span: Span) -> bool {
        has_whole_word(&text[..span.start], word) || has_whole_word(&text[span.end..], word)
    }

    #[test]
    fn a_name_is_written_again_outside_its_mention() {
        let texts = [
            "Reid, 33, entered rehab. Reid",
            "Reidsville police said Reid",
            "a reid Reid",
        ];
        let index = WordIndex::new(texts);
        assert!(index.writes_outside(0, "Reid", Span::new(0, 4)));
        assert!(index.writes_outside(0, "Reid", Span::new(25, 29)));
        assert!(!index.writes_outside(1, "Reid", Span::new(23, 27)));
        assert!(!index.writes_outside(2, "Reid", Span::new(7, 11)));
        assert!(!index.writes_outside(2, "", Span::new(7, 11)));
        assert!(!index.writes_outside(3, "Reid", Span::new(0, 0)));
    }

    #[test]
    fn the_word_index_answers_as_the_whole_word_search() {
        let texts = [
            "Reid, 33, entered rehab.",
            "Reidsville police said",
            "O'Connor said",
            "",
        ];
        let index = WordIndex::new(texts);
        for word in [
            "Reid",
            "Reidsville",
            "police",
            "O'Connor",
            "Connor",
            "33",
            "reid",
            "",
            "rehab.",
        ] {
            for (n, text) in texts.iter().enumerate() {
                assert_eq!(
                    index.writes(n, word),
                    has_whole_word(text, word),
                    "{word} in {n}"
                );
                let elsewhere = texts
                    .iter()
                    .enumerate()
                    .any(|(k, t)| k != n && has_whole_word(t, word));
                assert_eq!(
                    index.written_elsewhere(n, word),
                    elsewhere,
                    "{word} besides {n}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_word_outside_a_stretch_is_found_as_by_the_search(
            text in "([ab1 ',.é²-]|Ab|O'b){0,16}",
            word in "([ab1 ',é-]|Ab|O'b){0,4}",
            from in 0usize..40,
            len in 0usize..12,
        ) {
            let bound = |at: usize| (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let span = Span::new(bound(from), bound(from + len).max(bound(from)));
            proptest::prop_assume!(on_run_edges(&text, span));
            let index = WordIndex::new([text.as_str()]);
            proptest::prop_assert_eq!(index.writes_outside(0, &word, span), outside(&text, &word, span));
        }

        #[test]
        fn the_word_index_matches_the_search(
            texts in proptest::collection::vec("([ab1 ',.é²-]|Ab|O'b){0,12}", 0..4),
            word in "([ab1 ',é-]|Ab|O'b){0,4}",
        ) {
            let index = WordIndex::new(texts.iter().map(String::as_str));
            for (n, text) in texts.iter().enumerate() {
                proptest::prop_assert_eq!(index.writes(n, &word), has_whole_word(text, &word));
                let elsewhere = texts
                    .iter()
                    .enumerate()
                    .any(|(k, t)| k != n && has_whole_word(t, &word));
                proptest::prop_assert_eq!(index.written_elsewhere(n, &word), elsewhere);
            }
        }
    }

    #[test]
    fn sorted_common_counts_repeats_once_a_side() {
        assert_eq!(sorted_common(&["a", "a", "b"], &["a", "a", "a", "c"]), 2);
        assert_eq!(sorted_common::<&str>(&["a"], &[]), 0);
        assert_eq!(sorted_common(&[1, 2, 3], &[2, 3, 4]), 2);
    }
}
