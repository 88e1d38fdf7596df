//! Tense near a time expression: whether the sentence around it talks about the past or the
//! future, which decides the year of "in March" and the week of "on Wednesday".
//!
//! This is a lexical heuristic, not a parser: it looks at the words of the sentence around the
//! expression and takes the tense marker nearest to it ("said" → past, "will" → future), so that
//! "said Friday that it will ..." reads Friday as past.

/// The tense a date is talked about in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far around the expression to look, in bytes.
const WINDOW: usize = 240;

/// The tense of the sentence around `start..end` in `text`.
pub(crate) fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let bytes = text.as_bytes();
    // The sentence: back to the previous '.', '!', '?' or blank line, forward likewise.
    let mut lo = start.saturating_sub(WINDOW);
    if let Some(p) = bytes[lo..start]
        .iter()
        .rposition(|&b| matches!(b, b'!' | b'?' | b'\n') || b == b'.')
    {
        lo += p + 1;
    }
    let mut hi = (end + WINDOW).min(bytes.len());
    if let Some(p) = bytes[end..hi]
        .iter()
        .position(|&b| matches!(b, b'!' | b'?' | b'\n'))
    {
        hi = end + p;
    }
    if let Some(p) = bytes[end..hi].windows(2).position(|w| w == b". ") {
        hi = end + p;
    }
    let mut best: Option<(usize, Tense)> = None;
    let mut i = lo;
    while i < hi {
        if !bytes[i].is_ascii_alphabetic() && bytes[i] != b'\'' && bytes[i] != 0xE2 {
            i += 1;
            continue;
        }
        let w0 = i;
        while i < hi && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
        }
        if i == w0 {
            i += 1;
            continue;
        }
        if w0 >= start && i <= end {
            continue;
        }
        let Some(word) = text.get(w0..i) else {
            continue;
        };
        if let Some(t) = marker(word) {
            let distance = if w0 >= end {
                w0 - end
            } else {
                start - i.min(start)
            };
            // Markers after the expression count a little less: English puts the verb first.
            let distance = if w0 >= end { distance + 8 } else { distance };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, t));
            }
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// The tense a word marks, if any.
fn marker(word: &str) -> Option<Tense> {
    let mut buf = [0u8; 16];
    let w = crate::temporal::lexicon::fold(word, &mut buf)?;
    match w {
        // Modals and verbs of intent look ahead, also in reported speech ("said he would
        // leave Thursday", "planned to meet on Saturday", "as soon as Tuesday").
        "will" | "'ll" | "shall" | "would" | "could" | "might" | "tomorrow" | "scheduled"
        | "expected" | "expects" | "expect" | "plans" | "plan" | "planned" | "planning"
        | "upcoming" | "next" | "due" | "slated" | "intends" | "intend" | "intended" | "aims"
        | "hopes" | "payable" | "effective" | "expire" | "expires" | "until" | "soon"
        | "forecast" | "going" | "coming" | "prepared" | "through" | "till" => Some(Tense::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "last" | "earlier" | "came"
        | "took" | "made" | "went" | "began" | "met" | "spoke" | "struck" | "killed" | "won"
        | "lost" | "fell" | "rose" | "gave" | "left" | "held" | "saw" | "sold" | "got"
        | "became" | "since" | "wrote" | "announced" | "reported" | "yesterday" | "brought"
        | "bought" | "thought" | "caught" | "sought" | "fought" | "found" | "built" | "sent"
        | "spent" | "meant" | "kept" | "felt" | "paid" | "led" | "fled" | "ran" | "drew"
        | "drove" | "flew" | "grew" | "knew" | "rode" | "shook" | "stole" | "threw" | "wore"
        | "stood" | "hung" | "stuck" | "sat" | "shot" | "heard" | "previously" | "former"
        | "once" => Some(Tense::Past),
        _ if w.len() > 4
            && w.ends_with("ed")
            && word.starts_with(|c: char| c.is_ascii_lowercase()) =>
        {
            Some(Tense::Past)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Tense {
        let start = text.find(needle).unwrap();
        tense_at(text, start, start + needle.len())
    }

    #[test]
    fn nearest_marker_wins() {
        assert_eq!(
            at(
                "The Pentagon had created this line in March to avoid",
                "March"
            ),
            Tense::Past
        );
        assert_eq!(at("They will meet in March.", "March"), Tense::Future);
        assert_eq!(
            at("He said Friday that the company will grow.", "Friday"),
            Tense::Past
        );
        assert_eq!(at("Talks in March", "March"), Tense::Unknown);
        assert_eq!(
            at(
                "He said the father would be traveling Thursday.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            at("Protesters planned a rally on Saturday.", "Saturday"),
            Tense::Future
        );
    }
}
