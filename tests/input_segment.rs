//! Segmentation and boilerplate removal on the seed articles, plus property tests.

use claimcheck::text::segment::sentences;
use claimcheck::text::{Boilerplate, Span, segment};
use proptest::prelude::*;

const SEED_000: &str = include_str!("../seeds/000_17b3ed00d565f5ad.txt");
const SEED_003: &str = include_str!("../seeds/003_8cdd6abb60c022f4.txt");

static BUILTIN: std::sync::LazyLock<Boilerplate> = std::sync::LazyLock::new(Boilerplate::builtin);

fn removed_lines(text: &str) -> Vec<(String, String)> {
    BUILTIN
        .find(text)
        .into_iter()
        .map(|r| (r.span.slice(text).to_string(), r.pattern))
        .collect()
}

#[test]
fn seed_000_drops_exactly_the_promo_lines() {
    let removed = removed_lines(SEED_000);
    let lines: Vec<&str> = removed.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        lines,
        [
            "WHAT TERMS SHOULD WE IMPOSE ON A DEFEATED RUSSIA?",
            "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER"
        ]
    );
    assert_eq!(removed[0].1, "all-caps-headline");
    assert_eq!(removed[1].1, "click-here");
}

#[test]
fn seed_003_drops_the_caption_credit_and_keeps_the_subheading() {
    let removed = removed_lines(SEED_003);
    assert_eq!(
        removed,
        [("Image: AP".to_string(), "caption-credit".to_string())]
    );

    let spans: Vec<Span> = BUILTIN.find(SEED_003).iter().map(|r| r.span).collect();
    let paragraphs = segment(SEED_003, &spans);
    let heading = paragraphs
        .iter()
        .find(|p| {
            p.span
                .slice(SEED_003)
                .starts_with("Biden and Putin have not spoken")
        })
        .expect("the subheading survives");
    assert!(heading.is_heading);
    assert_eq!(
        heading.span.slice(SEED_003),
        "Biden and Putin have not spoken for more than 24 days now"
    );
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.span.slice(SEED_003).contains("Image: AP"))
    );
}

fn seed_sentences(text: &str) -> Vec<String> {
    let spans: Vec<Span> = BUILTIN.find(text).iter().map(|r| r.span).collect();
    let paragraphs = segment(text, &spans);
    sentences(&paragraphs)
        .map(|s| s.span.slice(text).to_string())
        .collect()
}

#[test]
fn seed_000_abbreviations_stay_inside_sentences() {
    let sentences = seed_sentences(SEED_000);
    let official = sentences
        .iter()
        .find(|s| s.contains("deconfliction"))
        .expect("first sentence");
    assert!(
        official.ends_with("according to an anonymous U.S. official."),
        "{official}"
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("Nov. 15") && s.ends_with('.') && s.len() > 40),
        "{sentences:#?}"
    );
    for s in &sentences {
        assert!(
            !s.ends_with("U.S.") && !s.ends_with("Nov."),
            "bad split: {s:?}"
        );
    }
    insta::assert_debug_snapshot!("seed_000_sentences", sentences);
}

#[test]
fn seed_003_sentences() {
    insta::assert_debug_snapshot!("seed_003_sentences", seed_sentences(SEED_003));
}

/// A text of words, abbreviations, punctuation, quotes and line breaks: more boundaries per
/// byte than arbitrary strings give.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Nov.".to_string()),
        Just("Mr.".to_string()),
        Just("J.".to_string()),
        Just("3.5".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just(".”".to_string()),
        Just("?\"".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("The".to_string()),
        Just("“".to_string()),
        "[a-zA-Zé ]{0,6}",
        "\\PC{0,3}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str, removed: &[Span]) -> Result<(), TestCaseError> {
    let paragraphs = segment(text, removed);
    let mut last_end = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        prop_assert_eq!(p.index, i);
        prop_assert!(!p.sentences.is_empty());
        for s in &p.sentences {
            let span = s.span;
            prop_assert!(span.start < span.end, "empty sentence {:?}", span);
            prop_assert!(span.end <= text.len());
            prop_assert!(span.start >= last_end, "overlap or disorder at {:?}", span);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(p.span.contains(span));
            prop_assert_eq!(s.paragraph, i);
            last_end = span.end;
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn segmentation_invariants_on_any_string(text in "\\PC*") {
        check_invariants(&text, &[])?;
    }

    #[test]
    fn segmentation_invariants_on_newsish_text(text in newsish()) {
        check_invariants(&text, &[])?;
    }

    #[test]
    fn segmentation_respects_arbitrary_removed_spans(
        text in newsish(),
        raw in proptest::collection::vec((0usize..200, 0usize..40), 0..4),
    ) {
        let removed: Vec<Span> = raw.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
        check_invariants(&text, &removed)?;
        // No sentence overlaps a removed span (once clamped to the text).
        for s in sentences(&segment(&text, &removed)) {
            for r in &removed {
                let r = Span::new(r.start.min(text.len()), r.end.min(text.len()));
                if r.is_empty() {
                    continue;
                }
                prop_assert!(!s.span.overlaps(r), "{:?} overlaps removed {:?}", s.span, r);
            }
        }
    }

    #[test]
    fn boilerplate_never_panics(text in newsish()) {
        for r in BUILTIN.find(&text) {
            prop_assert!(text.get(r.span.start..r.span.end).is_some());
        }
    }
}
