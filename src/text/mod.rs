//! Text handling: byte spans, boilerplate removal, paragraph and sentence segmentation,
//! offset-preserving normalization, the word overlap of two sorted word lists, and whole-word
//! search.

pub mod boilerplate;
pub mod normalize;
pub mod segment;
pub mod span;

pub use boilerplate::{Boilerplate, LexiconError, Removed};
pub use segment::{Paragraph, Sentence, segment};
pub use span::{LineIndex, Span};

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
    use super::sorted_common;

    #[test]
    fn sorted_common_counts_repeats_once_a_side() {
        assert_eq!(sorted_common(&["a", "a", "b"], &["a", "a", "a", "c"]), 2);
        assert_eq!(sorted_common::<&str>(&["a"], &[]), 0);
        assert_eq!(sorted_common(&[1, 2, 3], &[2, 3, 4]), 2);
    }
}
