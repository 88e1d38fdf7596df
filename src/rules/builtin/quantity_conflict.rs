//! `quantity-conflict`: matched claims that count the same thing incompatibly.
//!
//! ## What it does
//! Compares quantities of the same unit on matched claims as intervals with their bounds
//! ("two" = [2, 2], "more than 24" = (24, ∞), "about 300" = [270, 330]). A unit counted on both
//! sides with no compatible reading is a discrepancy, except that two limits of one kind ("more
//! than 50" / "more than 100", "up to 120 mph" / "up to 240 mph") are compared as the figures
//! they give, within the tolerance of an approximate amount. Counts of different units are not
//! compared. Magnitudes are left to the attribute rule, which compares them with a tolerance:
//! one conflict, one finding. A claim whose clause counts nothing of the unit takes the one count
//! of it its article gives other assertions of the same event word. Two groups of sources that
//! each agree within themselves ("17 smugglers" in two articles, "19 smugglers" in two others) are
//! taken for two look-alike events, not reported. Claims linked only through their articles'
//! stories (neither clause names what the other names) are compared only when both are dated
//! and the dates agree, or, for count claims (which carry no date), when the words around their
//! numbers share at least three words besides the unit — or two, when the two values are near
//! (the larger at most four times the smaller, or at most three more). Counts described in the
//! same words ("a depth of 2.7 miles" / "a depth of 5.7 miles"), once the units of the other
//! counts of their sentences are left out, and written with the same noun are compared when
//! their values are near, as counts worded alike in two words are.

use std::collections::BTreeSet;

use crate::claim::extract::word_form;
use crate::claim::partial::times_conflict;
use crate::claim::{COUNT, Claim, Modality, Polarity, Quantity};
use crate::grammar::number::{APPROX_TOLERANCE, compatible};
use crate::matcher::{
    COUNT_SHARED_WORDS, COUNT_SHARED_WORDS_BY_STORY, ClaimRef, beside_one_figure, words_shared,
};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::temporal::Bound;

pub(super) const KIND: Kind = Kind {
    name: "quantity-conflict",
    summary: "matched claims whose counts of one unit cannot both be true",
    parameters: &[],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut done = BTreeSet::new();
    let mut against = BTreeSet::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != Polarity::Positive || b.polarity != Polarity::Positive {
            continue;
        }
        // Claims linked only through their articles' stories (neither clause names anyone or
        // anything the other names) need the same date to be one event: "it's hard to win one
        // game" and "a franchise that won two games last season" are not. Count claims have no
        // date; two counts whose words say what they count alike in three words or more ("$1
        // million in damage to the church building") are linked by those words.
        let linked = cx.names_one_of(a, b)
            || matches!((&a.time, &b.time), (Some(x), Some(y)) if !times_conflict(x, y))
            || described_alike(a, b, COUNT_SHARED_WORDS_BY_STORY);
        // Two counts whose words share two ("reached speeds of 120 mph" / "at speeds up to 120
        // mph") are linked by them when their values are near (`near`, checked below): a
        // misstated count is off by a few or by a factor of a few, where another statistic of
        // the story read alike is mostly far off ("923 rounds" in five operations, "about 300"
        // in one).
        // So are two counts described in the same words ("three machine guns" / "six machine
        // guns"), however few.
        // And two counts stated beside one telling figure, the line of figures restated
        // (`matcher::beside_one_figure`).
        let worded_alike = described_alike(a, b, COUNT_SHARED_WORDS)
            || described_same(cx, pair.a, pair.b)
            || beside_one_figure(a, b);
        if !linked && !worded_alike {
            continue;
        }
        let units: BTreeSet<&str> = a
            .quantities
            .iter()
            .chain(&b.quantities)
            .filter_map(|q| q.unit.as_deref())
            .filter(|u| *u != "magnitude")
            .collect();
        for unit in units {
            // A claim whose clause gives no count of the unit takes the one its article gives
            // the event elsewhere.
            let (side_a, side_b) = (
                cx.stated_quantities(pair.a, unit, pair.b),
                cx.stated_quantities(pair.b, unit, pair.a),
            );
            let ([(ra, qa)], [(rb, qb)]) = (side_a.as_slice(), side_b.as_slice()) else {
                continue;
            };
            let (ra, rb, qa, qb) = (*ra, *rb, *qa, *qb);
            if (ra != pair.a && rb != pair.b) || !at_odds(qa, qb) || !(linked || near(qa, qb)) {
                continue;
            }
            // A number is counted by its event claim and by a count claim of its own: one
            // conflict of two stated numbers is one finding, whichever claims carry them.
            let (at_a, at_b) = ((ra.article, qa.span), (rb.article, qb.span));
            if done.contains(&(at_a.min(at_b), at_a.max(at_b))) {
                continue;
            }
            // One number set against one value is one finding, however many articles state
            // that value: "168,000 people" of one article against the "170,000" of three
            // others is one misstatement, cited once.
            let (against_a, against_b) = ((at_a, value_key(qb)), (at_b, value_key(qa)));
            if against.contains(&against_a) || against.contains(&against_b) {
                continue;
            }
            // Two groups of sources, each agreeing within itself, tell of two events.
            if cx.backed_by_third(pair.a, pair.b, sides(unit, qa, qb))
                && cx.backed_by_third(pair.b, pair.a, sides(unit, qb, qa))
            {
                continue;
            }
            done.insert((at_a.min(at_b), at_a.max(at_b)));
            against.insert(against_a);
            against.insert(against_b);
            let text_a = qa.span.slice(&cx.articles[ra.article].text).to_string();
            let text_b = qb.span.slice(&cx.articles[rb.article].text).to_string();
            let message = format!(
                "{}: \"{}\" in {} against \"{}\" in {}",
                cx.describe(a),
                text_a,
                cx.article_id(pair.a),
                text_b,
                cx.article_id(pair.b)
            );
            let evidence = vec![
                cx.evidence(ra, qa.span, format!("counts {text_a}")),
                cx.evidence(rb, qb.span, format!("counts {text_b}")),
            ];
            let hedged = a.modality == Modality::Hedged || b.modality == Modality::Hedged;
            let finding = discrepancy(cx, rule, message, &[ra, rb], evidence, hedged);
            findings.push(finding);
        }
    }
    findings
}

/// Whether `a` and `b` are count claims whose descriptors share at least `words` words besides
/// the unit. [`COUNT_SHARED_WORDS_BY_STORY`], as many as the matcher asks of counts linked only
/// by their stories, links two counts whatever their values, so only the equal short
/// descriptors ("touchdown yard") and tolls it also pairs stay unlinked — one story's
/// statistics of other players and its background tolls read that way ([`described_same`]
/// links the former when their values are near and no other count's unit makes them alike).
/// The fewer [`COUNT_SHARED_WORDS`] link them only when their values are [`near`].
fn described_alike(a: &Claim, b: &Claim, words: usize) -> bool {
    a.event.predicate == COUNT && b.event.predicate == COUNT && words_shared(a, b) >= words
}

/// Whether two count claims say what they count in the same words — their descriptors equal
/// once the units of other counts of their sentences are left out, with a word besides the
/// unit — and count it with the same noun. Such counts are compared when their values are
/// [`near`], like counts worded alike in two words: "a depth of 2.7 miles" / "a depth of 5.7
/// miles", "three machine guns" / "six machine guns". A count's other statistics ("three
/// touchdowns" of "300 yards and three touchdowns") are left out, since they describe
/// nothing: "300 yards and three touchdowns" and "200 yards and one touchdown" of two players
/// are not one statistic. A subgroup counted by its own noun ("six children" among "10
/// people") is no restatement of the whole.
fn described_same(cx: &Context<'_>, a: ClaimRef, b: ClaimRef) -> bool {
    let (wa, wb) = (own_words(cx, a), own_words(cx, b));
    wa.len() >= 2 && wa == wb && counted_noun(cx, a) == counted_noun(cx, b)
}

/// The noun a count claim's number is written with (`counted_noun_of` its quantity's text).
fn counted_noun(cx: &Context<'_>, r: ClaimRef) -> Option<String> {
    let q = cx.claim(r).quantities.first()?;
    counted_noun_of(q.span.slice(&cx.articles[r.article].text))
}

/// The last word of a quantity's text, lower case, a plural's `s` dropped, in its compared form
/// (`word_form`): "people" of "Five people", `touchdown` of "three touchdowns", `million` of
/// "$1 million".
fn counted_noun_of(text: &str) -> Option<String> {
    let text = text.to_lowercase();
    let word = text
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())?;
    Some(word_form(word.strip_suffix('s').unwrap_or(word)))
}

/// A count claim's descriptor words in their compared form (`own_words_of`), without the units
/// of the other counts of its sentence.
fn own_words(cx: &Context<'_>, r: ClaimRef) -> Vec<String> {
    let claim = cx.claim(r);
    if claim.event.predicate != COUNT {
        return Vec::new();
    }
    let units: Vec<&str> = cx.claims[r.article]
        .iter()
        .filter(|c| c.event.predicate == COUNT && c.sentence == claim.sentence)
        .filter_map(|c| c.object.as_deref()?.split(' ').next())
        .collect();
    own_words_of(claim.object.as_deref().unwrap_or(""), &units)
}

/// A descriptor's unit and words in their compared form (`word_form`), leaving out the words
/// that are units of other counts of the sentence (`units`; the descriptor's own unit is not
/// left out) and a number's scale, which is part of the amount ("usd million" of "$1 million"
/// is `usd` alone): "touchdown yard" with a count of yards beside it is `touchdown` alone.
fn own_words_of(descriptor: &str, units: &[&str]) -> Vec<String> {
    let mut words = descriptor.split(' ').filter(|w| !w.is_empty());
    let Some(unit) = words.next() else {
        return Vec::new();
    };
    let others: BTreeSet<String> = units
        .iter()
        .filter(|u| **u != unit)
        .map(|u| word_form(u))
        .collect();
    std::iter::once(word_form(unit))
        .chain(
            words
                .filter(|w| !crate::grammar::number::is_scale(w))
                .map(word_form)
                .filter(|w| !others.contains(w)),
        )
        .collect()
}

/// Whether two counts of one unit cannot both be the figure their sources give. Bounded
/// amounts are compared as intervals ("more than 300" and "about 320" can both hold), except
/// two bounds of one kind: each source gives its figure as the limit ("speeds up to 120 mph" /
/// "speeds of up to 240 mph", "more than 50 firefighters" / "more than 100 firefighters"),
/// so the two figures are compared with the tolerance of an approximate amount. Not two "at
/// least": that is how a toll still being counted is told ("at least seven people" killed,
/// "at least 10" in a later report, or another quake's toll), and both hold.
fn at_odds(a: &Quantity, b: &Quantity) -> bool {
    if bound_on_round_figure(a, b) || bound_on_round_figure(b, a) {
        return false;
    }
    let one_sided = matches!(a.bound, Bound::MoreThan | Bound::AtMost | Bound::LessThan);
    if one_sided && a.bound == b.bound {
        let (lo, hi) = (a.value.min(b.value), a.value.max(b.value));
        return lo * (1.0 + APPROX_TOLERANCE) < hi * (1.0 - APPROX_TOLERANCE);
    }
    !compatible(a, b)
}

/// The multiple a figure of a hundred or more is written in when it is rounded.
const ROUND_FIGURE: f64 = 100.0;

/// Whether `bound` ("over 2.5 million", "nearly 300") sets a strict limit at the very value of
/// `figure`, an exact round figure ("2.5 million", "300"): one source rounds the figure the other
/// gives as a limit, and both hold. A figure that is not round ("more than 50" / "50", "over
/// 2,517" / "2,517") still conflicts with the limit.
fn bound_on_round_figure(bound: &Quantity, figure: &Quantity) -> bool {
    matches!(bound.bound, Bound::MoreThan | Bound::LessThan)
        && figure.bound == Bound::Exact
        && bound.value == figure.value
        && figure.value >= ROUND_FIGURE
        && figure.value % ROUND_FIGURE == 0.0
}

/// How many times the smaller of two counts linked only by their words the larger may be.
const NEAR_FACTOR: f64 = 4.0;

/// How much more the larger of two small counts linked only by their words may be, whatever
/// their ratio ("none" against "three").
const NEAR_DIFFERENCE: f64 = 3.0;

/// Whether two counts are near enough to be one statistic told two ways: the larger at most
/// [`NEAR_FACTOR`] times the smaller, or at most [`NEAR_DIFFERENCE`] more.
pub(super) fn near(a: &Quantity, b: &Quantity) -> bool {
    let (lo, hi) = (a.value.min(b.value), a.value.max(b.value));
    hi - lo <= NEAR_DIFFERENCE || (lo > 0.0 && hi <= NEAR_FACTOR * lo)
}

/// A count's value as an interval, to tell two statements of one value apart from two values.
fn value_key(q: &Quantity) -> (Option<String>, String) {
    (
        q.unit.clone(),
        format!("{:?}|{}|{}", q.bound, q.low, q.high),
    )
}

/// Whether a claim counts `unit` compatibly with `ours` and not with `theirs`.
fn sides<'a>(
    unit: &'a str,
    ours: &'a Quantity,
    theirs: &'a Quantity,
) -> impl Fn(&Claim) -> bool + 'a {
    move |c: &Claim| {
        c.quantities
            .iter()
            .any(|q| q.unit.as_deref() == Some(unit) && !at_odds(q, ours) && at_odds(q, theirs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::span::Span;

    #[test]
    fn a_descriptor_leaves_out_the_units_of_other_counts_of_its_sentence() {
        let forms = |ws: &[&str]| ws.iter().map(|w| word_form(w)).collect::<Vec<_>>();
        // "364 yards and three touchdowns": the yards describe nothing about the touchdowns.
        assert_eq!(
            own_words_of("touchdown yard", &["yard", "touchdown"]),
            forms(&["touchdown"])
        );
        assert_eq!(
            own_words_of("gun machine", &["gun", "rifle"]),
            forms(&["gun", "machine"])
        );
        assert_eq!(
            own_words_of("mile depth", &["mile"]),
            forms(&["mile", "depth"])
        );
        assert!(own_words_of("", &[]).is_empty());
    }

    #[test]
    fn a_count_is_written_with_the_last_word_of_its_quantity() {
        assert_eq!(counted_noun_of("Five people"), Some(word_form("people")));
        assert_eq!(counted_noun_of("10 people"), counted_noun_of("five people"));
        assert_eq!(
            counted_noun_of("three touchdowns"),
            counted_noun_of("one touchdown")
        );
        assert_ne!(
            counted_noun_of("six children"),
            counted_noun_of("10 people")
        );
        assert_eq!(counted_noun_of("$1 million").as_deref(), Some("million"));
        assert_eq!(counted_noun_of("2.7"), None);
    }

    fn count(value: f64) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            value,
            bound: Bound::Exact,
            low: value,
            high: value,
            unit: Some("yard".to_string()),
        }
    }

    #[test]
    fn counts_near_within_a_factor_of_four_or_three_apart() {
        let near_pair = |x: f64, y: f64| near(&count(x), &count(y));
        assert!(near_pair(120.0, 240.0));
        assert!(near_pair(1.0, 4.0));
        assert!(near_pair(0.0, 3.0));
        assert!(near_pair(50.0, 200.0));
        assert!(!near_pair(0.0, 4.0));
        assert!(!near_pair(50.0, 201.0));
        assert!(!near_pair(3.0, 26.0));
        assert!(!near_pair(5.0, 230_000.0));
    }

    #[test]
    fn one_value_stated_twice_is_one_value() {
        let (a, mut b) = (count(170_000.0), count(170_000.0));
        b.span = Span::new(40, 47);
        assert_eq!(value_key(&a), value_key(&b));
        assert_ne!(value_key(&a), value_key(&count(168_000.0)));
        b.bound = Bound::About;
        assert_ne!(
            value_key(&a),
            value_key(&b),
            "about 170,000 is another value"
        );
    }

    fn bounded(value: f64, bound: Bound) -> Quantity {
        let (low, high) = match bound {
            Bound::MoreThan | Bound::AtLeast => (value, f64::INFINITY),
            Bound::AtMost | Bound::LessThan => (0.0, value),
            _ => (value, value),
        };
        Quantity {
            bound,
            low,
            high,
            ..count(value)
        }
    }

    #[test]
    fn two_bounds_of_one_kind_are_compared_as_figures() {
        let odds = |x: Quantity, y: Quantity| at_odds(&x, &y);
        // Two tolls still being counted both hold.
        assert!(!odds(
            bounded(7.0, Bound::AtLeast),
            bounded(10.0, Bound::AtLeast)
        ));
        for bound in [Bound::MoreThan, Bound::AtMost, Bound::LessThan] {
            assert!(
                odds(bounded(120.0, bound), bounded(240.0, bound)),
                "{bound:?}"
            );
            assert!(
                !odds(bounded(300.0, bound), bounded(320.0, bound)),
                "{bound:?}"
            );
        }
        // Bounds of two kinds, or a bound and a figure, are intervals that overlap.
        assert!(!odds(
            bounded(240.0, Bound::AtMost),
            bounded(120.0, Bound::AtLeast)
        ));
        assert!(!odds(bounded(50.0, Bound::MoreThan), count(100.0)));
        assert!(odds(bounded(100.0, Bound::MoreThan), count(50.0)));
    }

    #[test]
    fn a_limit_at_a_round_figure_holds_with_the_figure() {
        let odds = |x: Quantity, y: Quantity| at_odds(&x, &y);
        // "Over 2.5 million people" / "2.5 million people": the figure is rounded.
        assert!(!odds(bounded(2.5e6, Bound::MoreThan), count(2.5e6)));
        assert!(!odds(count(300.0), bounded(300.0, Bound::LessThan)));
        // Twins: a figure that is not round, a small one, or another value still conflict.
        assert!(odds(bounded(2517.0, Bound::MoreThan), count(2517.0)));
        assert!(odds(bounded(50.0, Bound::MoreThan), count(50.0)));
        assert!(odds(bounded(2.5e6, Bound::MoreThan), count(2.0e6)));
        assert!(odds(count(400.0), bounded(300.0, Bound::LessThan)));
    }
}
