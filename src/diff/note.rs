//! Correction notes: the line of a new version that accepts its changes.
//!
//! A newsroom that corrects a fact says so in the article ("Correction: an earlier version of
//! this article gave the wrong date", "This article has been updated"). `--allow-if-note
//! PATTERN` lets a CI gate pass when the new version carries such a note. Only a note that is
//! new counts: a line matching the pattern that the old version already had (a note about an
//! earlier correction) accepts nothing.

use regex::Regex;

use super::model::Excerpt;
use crate::text::span::Span;

/// The first line of `new` that matches `pattern` and is not a line of `old`, as an excerpt
/// of `new` (the whole line, trimmed).
pub fn find(old: &str, new: &str, pattern: &Regex) -> Option<Excerpt> {
    for found in pattern.find_iter(new) {
        let start = new[..found.start()].rfind('\n').map_or(0, |i| i + 1);
        let end = new[found.end()..]
            .find('\n')
            .map_or(new.len(), |i| found.end() + i);
        let line = &new[start..end];
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        if !old.lines().any(|l| l.trim() == trimmed) {
            let span = Span::new(start + lead, start + lead + trimmed.len());
            return Some(Excerpt::new(new, span));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern() -> Regex {
        Regex::new("(?i)correction:|this article has been updated").unwrap()
    }

    #[test]
    fn a_new_note_is_found() {
        let note = find(
            "Two died.",
            "Three died.\nCorrection: the toll was three.\n",
            &pattern(),
        );
        let note = note.expect("a note");
        assert_eq!(note.text, "Correction: the toll was three.");
        assert_eq!(note.start, 12);
    }

    #[test]
    fn an_old_note_accepts_nothing() {
        let old = "Two died.\nThis article has been updated.";
        let new = "Three died.\nThis article has been updated.";
        assert_eq!(find(old, new, &pattern()), None);
    }

    #[test]
    fn no_match_no_note() {
        assert_eq!(find("a", "b", &pattern()), None);
    }
}
