//! Property tests for the time tagger: no input makes it panic, and what it finds are ordered,
//! non-overlapping spans on character boundaries of the text.

use claimcheck::temporal::{PartialDate, tag};
use proptest::prelude::*;

/// Text made of the words time expressions are built from, so that near-misses are common.
fn timeish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("late ".to_string()),
        Just("earlier ".to_string()),
        Just("in ".to_string()),
        Just("mid".to_string()),
        Just("-".to_string()),
        Just("afternoon ".to_string()),
        Just("day ".to_string()),
        Just("weeks ".to_string()),
        Just("quarter ".to_string()),
        Just("of ".to_string()),
        Just("or so ".to_string()),
        Just("to ".to_string()),
        Just("two ".to_string()),
        Just("near term ".to_string()),
        Just("these days ".to_string()),
        Just("nineties ".to_string()),
        Just("weekly ".to_string()),
        Just("March ".to_string()),
        Just("Friday ".to_string()),
        Just("a.m. ".to_string()),
        Just("o'clock ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[0-9]{1,4}",
        "\\PC{0,3}",
    ];
    proptest::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let published: PartialDate = "1998-03-06".parse().expect("a date");
    for date in [Some(published), None] {
        let found = tag(text, date);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(t.span.start >= last_end, "{text:?}: overlapping {found:?}");
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last_end = t.span.end;
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        check(&text)?;
    }

    #[test]
    fn time_words_give_ordered_spans(text in timeish()) {
        check(&text)?;
    }
}

/// A 10 MB article on a single line (no paragraph or line break to split it at) is tagged
/// whole, every repetition of its sentence alike: nothing in the grammar looks back or ahead
/// further than a few words, so the work grows with the text, and a single line costs no more
/// than many. How fast it runs is measured by `cargo bench --bench timex`, not asserted here.
#[test]
fn a_ten_megabyte_single_line_article_is_tagged_whole() {
    let sentence = "The court met on Friday, March 6, 1998, at 3 p.m., and again two weeks later; ";
    let published: PartialDate = "1998-03-10".parse().expect("a date");
    let once = tag(sentence, Some(published)).len();
    assert!(once >= 3, "{:?}", tag(sentence, Some(published)));
    let repeats = (10 << 20) / sentence.len() + 1;
    let text = sentence.repeat(repeats);
    assert!(text.len() >= 10 << 20 && !text.contains('\n'));
    let found = tag(&text, Some(published));
    assert_eq!(found.len(), once * repeats);
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(
        found
            .last()
            .is_some_and(|t| t.span.end > text.len() - sentence.len())
    );
}
