//! `conversion-conflict`: a measure whose conversion in brackets is another measure.
//!
//! ## What it does
//! Reads every measure followed by its conversion in brackets — "75 kilometres (50 miles)",
//! "a depth of 10 km (about 6 miles)", "120 mph (193 km/h)" — and converts both to one base unit
//! ([`crate::grammar::measure`]). Two figures further apart than the rounding news allows are a
//! discrepancy inside the article, citing both.
//!
//! ## Parameters
//! - `tolerance` (default 0.10): how far apart, as a share of the larger, a conversion may lie
//!   from its figure ("6 feet (2 metres)" is 9% off).
//! - `approximate-tolerance` (default 0.25): the same for a conversion marked approximate ("10
//!   km (about 5 miles)").

use crate::grammar::measure::{self, Measure};
use crate::grammar::token::{Token, tokenize};
use crate::matcher::ClaimRef;
use crate::report::{Evidence, Finding};
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::text::span::Span;

pub(super) const KIND: Kind = Kind {
    name: "conversion-conflict",
    summary: "a measure whose conversion in brackets is another measure",
    parameters: &[("tolerance", 0.10), ("approximate-tolerance", 0.25)],
    run,
};

/// Words that mark a conversion as rounded loosely ("(about 5 miles)").
const APPROXIMATE: &[&str] = &[
    "about",
    "some",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "approx",
    "over",
    "more",
    "than",
    "less",
    "under",
    "up",
    "to",
    "just",
];

/// How many words before a bracket a measure may take ("2,000", "square", "feet").
const BEFORE: usize = 4;

/// How many words a bracketed conversion may hold.
const INSIDE: usize = 6;

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let tolerance = rule.number("tolerance", 0.10);
    let approximate_tolerance = rule.number("approximate-tolerance", 0.25);
    let mut findings = Vec::new();
    for (article, a) in cx.articles.iter().enumerate() {
        for found in conversions(&a.text) {
            let allowed = if found.approximate {
                approximate_tolerance
            } else {
                tolerance
            };
            if within(&found.figure, &found.converted, allowed) {
                continue;
            }
            let (figure, converted) = (found.figure_span.slice(&a.text), found.converted_span);
            let message = format!(
                "{} converts \"{figure}\" to \"{}\", {:.0}% off",
                a.id,
                converted.slice(&a.text),
                100.0 * off(&found.figure, &found.converted)
            );
            let evidence = vec![
                Evidence::new(&a.id, found.figure_span, &a.text, "the figure"),
                Evidence::new(&a.id, converted, &a.text, "its conversion"),
            ];
            let claims: Vec<ClaimRef> = cx.claims[article]
                .iter()
                .enumerate()
                .filter(|(_, c)| c.sentence.contains(found.figure_span))
                .map(|(claim, _)| ClaimRef { article, claim })
                .collect();
            let mut finding = discrepancy(cx, rule, message, &claims, evidence, false);
            finding.fingerprint = cx.fingerprint(&[
                rule.spec.code.as_str(),
                a.id.as_str(),
                figure,
                converted.slice(&a.text),
            ]);
            findings.push(finding);
        }
    }
    findings
}

/// How far apart two measures of one dimension are, as a share of the larger.
fn off(a: &Measure, b: &Measure) -> f64 {
    let larger = a.value.abs().max(b.value.abs());
    if larger == 0.0 {
        0.0
    } else {
        (a.value - b.value).abs() / larger
    }
}

/// Whether two measures of one dimension lie within `tolerance` of each other.
fn within(a: &Measure, b: &Measure, tolerance: f64) -> bool {
    off(a, b) <= tolerance
}

/// A measure and its conversion in brackets.
#[derive(Debug)]
struct Conversion {
    figure: Measure,
    figure_span: Span,
    converted: Measure,
    converted_span: Span,
    /// Whether the conversion is marked approximate.
    approximate: bool,
}

/// Every measure of `text` followed by a bracketed measure of the same dimension in another
/// unit, and nothing else in the brackets but words marking it approximate. Only the words
/// around an opening bracket with a digit soon after it are read: most brackets of a text hold
/// no figure, and most of a text no bracket.
fn conversions(text: &str) -> Vec<Conversion> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices('(') {
        let ahead = &bytes[at + 1..(at + 1 + WINDOW).min(bytes.len())];
        if !ahead.iter().any(u8::is_ascii_digit) {
            continue;
        }
        let mut start = at.saturating_sub(WINDOW);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (at + 1 + WINDOW).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let tokens = tokenize(&text[start..end], start);
        if let Some(found) = tokens
            .iter()
            .position(|t| t.span.start == at)
            .and_then(|open| conversion_at(text, &tokens, open))
        {
            out.push(found);
        }
    }
    out
}

/// How many bytes either side of an opening bracket a conversion and its figure lie in.
const WINDOW: usize = 80;

/// The conversion whose bracket opens at token `open`, with the figure before it.
fn conversion_at(text: &str, tokens: &[Token<'_>], open: usize) -> Option<Conversion> {
    let close = tokens[open + 1..]
        .iter()
        .take(INSIDE + 1)
        .position(|t| t.text == ")")
        .map(|k| open + 1 + k)?;
    let inside = &tokens[open + 1..close];
    let approximate = inside
        .iter()
        .any(|t| APPROXIMATE.contains(&t.lower().as_ref()));
    let plain: Vec<&Token<'_>> = inside
        .iter()
        .filter(|t| !APPROXIMATE.contains(&t.lower().as_ref()))
        .collect();
    let (converted, converted_span) = whole_measure(&plain)?;
    let before: Vec<&Token<'_>> = tokens[open.saturating_sub(BEFORE)..open].iter().collect();
    let (figure, figure_span) = last_measure(&before)?;
    if figure.dimension != converted.dimension || same_unit(text, figure_span, converted_span) {
        return None;
    }
    Some(Conversion {
        figure,
        figure_span,
        converted,
        converted_span,
        approximate,
    })
}

/// The measures among `tokens`, each with the range of the tokens it takes.
fn measures_of(tokens: &[&Token<'_>]) -> Vec<(Measure, std::ops::Range<usize>)> {
    let words: Vec<String> = tokens.iter().map(|t| t.lower().into_owned()).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    measure::measures(&words)
}

/// The measure `tokens` are, when they are one and nothing else.
fn whole_measure(tokens: &[&Token<'_>]) -> Option<(Measure, Span)> {
    match measures_of(tokens).as_slice() {
        [(m, range)] if range.start == 0 && range.end == tokens.len() => {
            Some((*m, tokens[0].span.cover(tokens[range.end - 1].span)))
        }
        _ => None,
    }
}

/// The measure `tokens` end with.
fn last_measure(tokens: &[&Token<'_>]) -> Option<(Measure, Span)> {
    measures_of(tokens)
        .into_iter()
        .rfind(|(_, range)| range.end == tokens.len())
        .map(|(m, range)| {
            (
                m,
                tokens[range.start].span.cover(tokens[range.end - 1].span),
            )
        })
}

/// Whether two measures are written in one unit (their last words alike): no conversion.
fn same_unit(text: &str, a: Span, b: Span) -> bool {
    let unit = |s: Span| {
        s.slice(text)
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
            .trim()
            .to_lowercase()
    };
    unit(a) == unit(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String, bool)> {
        conversions(text)
            .into_iter()
            .map(|c| {
                (
                    c.figure_span.slice(text).to_string(),
                    c.converted_span.slice(text).to_string(),
                    within(&c.figure, &c.converted, 0.10),
                )
            })
            .collect()
    }

    #[test]
    fn conversions_in_brackets_are_read_with_their_figure() {
        assert_eq!(
            found("The quake struck 75 kilometres (100 miles) west of the city."),
            [("75 kilometres".into(), "100 miles".into(), false)]
        );
        assert_eq!(
            found("It struck 75 kilometres (47 miles) away at a depth of 10 kilometers (6 miles)."),
            [
                ("75 kilometres".into(), "47 miles".into(), true),
                ("10 kilometers".into(), "6 miles".into(), true)
            ]
        );
        assert_eq!(
            found("It hit at a depth of 10 kilometers (6 miles)."),
            [("10 kilometers".into(), "6 miles".into(), true)]
        );
        assert_eq!(
            found("A wall 600 metres (2,000 feet) long."),
            [("600 metres".into(), "2,000 feet".into(), true)]
        );
        let loose = conversions("It lies 10 km (about 5 miles) away.");
        assert_eq!(loose.len(), 1);
        assert!(loose[0].approximate);
    }

    #[test]
    fn brackets_of_other_things_are_no_conversion() {
        assert!(found("He ran 10 miles (a record) on Sunday.").is_empty());
        assert!(found("The team (50 players) travelled 10 miles.").is_empty());
        assert!(found("He weighed 100 kilos (100 kilos).").is_empty());
        assert!(found("She ran 5 km (3 hours) in the rain.").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "[\\PC()0-9 ]{0,300}") {
            for c in conversions(&text) {
                proptest::prop_assert!(c.figure_span.end <= c.converted_span.start);
            }
        }

        #[test]
        fn a_figure_and_its_conversion_are_read_anywhere(
            before in "[a-zé ]{0,120}",
            km in 20u32..5000,
        ) {
            let miles = (f64::from(km) / 1.609_344).round();
            let text = format!("{before} {km} km ({miles} miles) away");
            let found = conversions(&text);
            proptest::prop_assert_eq!(found.len(), 1, "{}", text);
            proptest::prop_assert!(within(&found[0].figure, &found[0].converted, 0.10));
        }
    }
}
