//! Alignment of two versions: which sentences of the old version became which of the new.
//!
//! Sentences are compared by their text with white space collapsed. A patience diff (`similar`)
//! finds the sentences both versions keep in order; what is left falls into hunks. Inside the
//! leftovers:
//! - a sentence whose text reappears elsewhere unchanged has **moved**;
//! - sentences that share most of their content words are one **block**, so that a sentence
//!   split in two, two merged into one, or one reworded stays together (first within a hunk,
//!   then, for a moved and edited sentence, across the article with a stricter bar);
//! - the rest were **added** or **removed**.
//!
//! Word-level diffs use the same patience algorithm on word, space and punctuation tokens.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::model::{WordOp, Words};
use crate::text::span::Span;

/// Content-word overlap for two sentences of one hunk to be one block.
const HUNK_OVERLAP: f64 = 0.5;
/// Content-word overlap for a moved and edited sentence found across the article.
const GLOBAL_OVERLAP: f64 = 0.7;

/// How a group of old sentences corresponds to a group of new ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The same text at another place: old index, new index.
    Moved(usize, usize),
    /// Sentences rewritten: old indices and new indices (either may hold several).
    Edited(Vec<usize>, Vec<usize>),
    /// Old sentences with no counterpart.
    Removed(usize),
    /// New sentences with no counterpart.
    Added(usize),
}

/// Sentence texts normalized for comparison: white space collapsed.
pub fn sentence_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Aligns the sentences of two versions (given as their texts) and returns the blocks that
/// differ, in the order of the new version (a removal comes where it stood).
pub fn align(old: &[&str], new: &[&str]) -> Vec<Block> {
    let old_keys: Vec<String> = old.iter().map(|s| sentence_key(s)).collect();
    let new_keys: Vec<String> = new.iter().map(|s| sentence_key(s)).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);

    // Hunks: runs of non-equal ops, as (old indices, new indices).
    let mut hunks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut open = false;
    for op in &ops {
        match *op {
            DiffOp::Equal { .. } => open = false,
            _ => {
                if !open {
                    hunks.push((Vec::new(), Vec::new()));
                    open = true;
                }
                let (old_range, new_range) = (op.old_range(), op.new_range());
                let hunk = hunks.last_mut().expect("pushed above");
                hunk.0.extend(old_range);
                hunk.1.extend(new_range);
            }
        }
    }

    // Moves: identical text on both sides, in different places.
    let mut new_by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (_, news) in &hunks {
        for &j in news {
            new_by_key.entry(new_keys[j].as_str()).or_default().push(j);
        }
    }
    for list in new_by_key.values_mut() {
        list.reverse();
    }
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut blocks = Vec::new();
    for (olds, _) in &hunks {
        for &i in olds {
            if let Some(j) = new_by_key
                .get_mut(old_keys[i].as_str())
                .and_then(|list| list.pop())
            {
                old_used[i] = true;
                new_used[j] = true;
                blocks.push(Block::Moved(i, j));
            }
        }
    }

    // Content words only for the sentences left to group (a large article has few).
    let mut old_words: Vec<Vec<String>> = vec![Vec::new(); old.len()];
    let mut new_words: Vec<Vec<String>> = vec![Vec::new(); new.len()];
    for (olds, news) in &hunks {
        for &i in olds.iter().filter(|&&i| !old_used[i]) {
            old_words[i] = content_words(old[i]);
        }
        for &j in news.iter().filter(|&&j| !new_used[j]) {
            new_words[j] = content_words(new[j]);
        }
    }

    // Blocks inside each hunk, then across hunks for what is left.
    let mut leftovers_old = Vec::new();
    let mut leftovers_new = Vec::new();
    for (olds, news) in &hunks {
        let olds: Vec<usize> = olds.iter().copied().filter(|&i| !old_used[i]).collect();
        let news: Vec<usize> = news.iter().copied().filter(|&j| !new_used[j]).collect();
        let (grouped, lone_old, lone_new) =
            group(&olds, &news, &old_words, &new_words, HUNK_OVERLAP);
        blocks.extend(grouped);
        leftovers_old.extend(lone_old);
        leftovers_new.extend(lone_new);
    }
    let (grouped, lone_old, lone_new) = group(
        &leftovers_old,
        &leftovers_new,
        &old_words,
        &new_words,
        GLOBAL_OVERLAP,
    );
    blocks.extend(grouped);
    blocks.extend(lone_old.into_iter().map(Block::Removed));
    blocks.extend(lone_new.into_iter().map(Block::Added));

    // Order by place in the new version; removals by where they stood in the old one, mapped
    // through the equal runs.
    let old_to_new = old_positions(&ops, old.len());
    blocks.sort_by_key(|b| match b {
        Block::Moved(_, j) | Block::Added(j) => (*j, 1, 0),
        Block::Edited(olds, news) => (news[0], 1, olds[0]),
        Block::Removed(i) => (old_to_new[*i], 0, *i),
    });
    blocks
}

/// For each old sentence, the new index it stands before (for ordering removals).
fn old_positions(ops: &[DiffOp], old_len: usize) -> Vec<usize> {
    let mut positions = vec![0; old_len];
    for op in ops {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        for (k, i) in old_range.enumerate() {
            positions[i] = match op {
                DiffOp::Equal { .. } => new_range.start + k,
                _ => new_range.start,
            };
        }
    }
    positions
}

/// Groups old and new sentences into blocks: connected components of the "share enough
/// content words" relation. Returns the blocks with both sides and the lone sentences.
fn group(
    olds: &[usize],
    news: &[usize],
    old_words: &[Vec<String>],
    new_words: &[Vec<String>],
    threshold: f64,
) -> (Vec<Block>, Vec<usize>, Vec<usize>) {
    // Union-find over olds (0..n) then news (n..n+m).
    let n = olds.len();
    let mut parent: Vec<usize> = (0..n + news.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, &i) in olds.iter().enumerate() {
        for (b, &j) in news.iter().enumerate() {
            if overlap(&old_words[i], &new_words[j]) >= threshold {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, n + b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut components: Vec<(Vec<usize>, Vec<usize>)> =
        vec![(Vec::new(), Vec::new()); n + news.len()];
    for (a, &i) in olds.iter().enumerate() {
        let root = find(&mut parent, a);
        components[root].0.push(i);
    }
    for (b, &j) in news.iter().enumerate() {
        let root = find(&mut parent, n + b);
        components[root].1.push(j);
    }
    let mut blocks = Vec::new();
    let mut lone_old = Vec::new();
    let mut lone_new = Vec::new();
    for (o, w) in components {
        match (o.is_empty(), w.is_empty()) {
            (false, false) => blocks.push(Block::Edited(o, w)),
            (false, true) => lone_old.extend(o),
            (true, false) => lone_new.extend(w),
            (true, true) => {}
        }
    }
    (blocks, lone_old, lone_new)
}

/// Words that carry content: lowercase letters and digits, stop words left out.
pub fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    words.sort_unstable();
    words
}

/// The share of the shorter sentence's content words found in the other (multiset), 0 when
/// either has none.
pub fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    crate::text::sorted_common(a, b) as f64 / a.len().min(b.len()) as f64
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "that", "this", "it", "its", "is", "was", "were", "be", "been", "are", "has",
    "have", "had", "he", "she", "they", "his", "her", "their", "s", "which", "who", "also",
];

/// Splits `text` into word, space and punctuation tokens (each with its byte span relative to
/// `text`).
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind = 0u8;
    for (i, c) in text.char_indices() {
        let k = if c.is_alphanumeric() || c == '\'' || c == '’' {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        if i > start && (k != kind || k == 3) {
            out.push(&text[start..i]);
            start = i;
        }
        kind = k;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Word-level diff of two texts: runs of equal, deleted and inserted tokens.
pub fn words(old: &str, new: &str) -> Vec<Words> {
    let a = tokens(old);
    let b = tokens(new);
    let mut out: Vec<Words> = Vec::new();
    let mut push = |op: WordOp, text: &str| match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Words {
            op,
            text: text.to_string(),
        }),
    };
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(WordOp::Equal, &a[old_index..old_index + len].concat());
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(WordOp::Delete, &a[old_index..old_index + old_len].concat()),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(WordOp::Insert, &b[new_index..new_index + new_len].concat()),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(WordOp::Delete, &a[old_index..old_index + old_len].concat());
                push(WordOp::Insert, &b[new_index..new_index + new_len].concat());
            }
        }
    }
    out
}

/// The smallest span covering `spans` (which must not be empty).
pub fn cover(spans: impl IntoIterator<Item = Span>) -> Option<Span> {
    spans.into_iter().reduce(|a, b| a.cover(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_versions_have_no_blocks() {
        let s = ["One fact.", "Another fact."];
        assert!(align(&s, &s).is_empty());
    }

    #[test]
    fn white_space_alone_is_no_change() {
        assert!(align(&["A  b c."], &["A b\nc."]).is_empty());
    }

    #[test]
    fn moved_sentence_is_found() {
        let old = ["Alpha went home.", "Beta came back.", "Gamma stayed put."];
        let new = ["Beta came back.", "Gamma stayed put.", "Alpha went home."];
        assert_eq!(align(&old, &new), vec![Block::Moved(0, 2)]);
    }

    #[test]
    fn split_sentence_is_one_block() {
        let old = [
            "Police arrested the driver on Friday, and the court fined him 200 dollars.",
            "Nothing else.",
        ];
        let new = [
            "Police arrested the driver on Friday.",
            "The court fined him 200 dollars.",
            "Nothing else.",
        ];
        assert_eq!(align(&old, &new), vec![Block::Edited(vec![0], vec![0, 1])]);
    }

    #[test]
    fn merged_sentences_are_one_block() {
        let old = [
            "The court fined the driver 200 dollars.",
            "He paid the fine on Monday.",
            "Nothing else.",
        ];
        let new = [
            "The court fined the driver 200 dollars, and he paid the fine on Monday.",
            "Nothing else.",
        ];
        assert_eq!(align(&old, &new), vec![Block::Edited(vec![0, 1], vec![0])]);
    }

    #[test]
    fn unrelated_sentences_are_added_and_removed() {
        let old = ["Keep this.", "Storms hit the coast."];
        let new = ["Keep this.", "Prices rose sharply yesterday."];
        assert_eq!(align(&old, &new), vec![Block::Removed(1), Block::Added(1)]);
    }

    #[test]
    fn word_diff_marks_the_changed_number() {
        let w = words("It killed two people.", "It killed three people.");
        let ops: Vec<(WordOp, &str)> = w.iter().map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (WordOp::Equal, "It killed "),
                (WordOp::Delete, "two"),
                (WordOp::Insert, "three"),
                (WordOp::Equal, " people."),
            ]
        );
    }

    #[test]
    fn tokens_keep_every_byte() {
        let text = "U.S. officials said, “no”  — twice.";
        assert_eq!(tokens(text).concat(), text);
    }

    proptest::proptest! {
        #[test]
        fn tokens_cover_any_text(text in "\\PC*") {
            proptest::prop_assert_eq!(tokens(&text).concat(), text);
        }

        #[test]
        fn word_diff_rebuilds_both_sides(old in "\\PC{0,80}", new in "\\PC{0,80}") {
            let w = words(&old, &new);
            let side = |skip: WordOp| w.iter().filter(|x| x.op != skip).map(|x| x.text.as_str()).collect::<String>();
            proptest::prop_assert_eq!(side(WordOp::Insert), old);
            proptest::prop_assert_eq!(side(WordOp::Delete), new);
        }

        #[test]
        fn align_never_panics(old in proptest::collection::vec("\\PC{0,30}", 0..8), new in proptest::collection::vec("\\PC{0,30}", 0..8)) {
            let a: Vec<&str> = old.iter().map(String::as_str).collect();
            let b: Vec<&str> = new.iter().map(String::as_str).collect();
            let _ = align(&a, &b);
        }
    }
}
