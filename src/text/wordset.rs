//! Fixed word lists of the grammar, looked up by hash.
//!
//! The grammar keeps its closed classes (function words, titles, words that name nothing) as
//! lists in the source, where they read as documentation. Several are asked about every token
//! of every sentence, and a list of a hundred words scanned for each token is a measurable
//! share of extraction: a [`WordSet`] keeps the list as written and answers from a hash set
//! built on first use.

use std::sync::OnceLock;

use foldhash::HashSet;

/// A list of words with a hashed membership test.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    /// The set of `words`, exactly as written (case counts).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    /// The words, in the order written.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.words).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    static WORDS: WordSet = WordSet::new(&["the", "Mr", "of"]);

    #[test]
    fn a_word_set_answers_as_its_list() {
        for word in ["the", "Mr", "of", "The", "mr", "", "thee", "o"] {
            assert_eq!(
                WORDS.contains(word),
                WORDS.words().contains(&word),
                "{word}"
            );
        }
        assert_eq!(WORDS.words(), ["the", "Mr", "of"]);
    }
}
