//! `time-conflict`: two claims about the same event whose dates cannot both be true.
//!
//! ## What it does
//! Compares the day intervals of matched claims. Intervals that overlap agree at the coarser
//! precision ("February 2022" and "February 24, 2022"); disjoint ones conflict, and the finding
//! gives the gap in days.
//!
//! Dates whose year is unknown (an article without a publication date) still conflict when the
//! parts both state differ: "Friday" (`XXXX-WXX-5`) against "Tuesday", "December 12"
//! (`XXXX-12-12`) against "December 19". A date without a year is not set against a dated one:
//! it may be of another year. A weekday alone is set against a day written as a weekday and
//! dated ("last Friday", 2009-04-24), when its article is set in that day's year (the year
//! its events are dated by most often).
//!
//! A claim whose own clause gives no date takes the one date its article gives other
//! assertions of the same event word ("the quake struck on Friday ... the quake killed five"):
//! sources often state the date in another sentence than the one that matched.
//!
//! A conflict of two stated dates is reported once, however many claim pairs carry them (a
//! sentence's "temblor" and "struck" claims carrying one "Sunday").
//!
//! Two groups of sources that each agree within themselves ("Saturday" in two articles,
//! "Thursday" in two others) are taken for two look-alike events, not reported: a misreported
//! date stands alone.
//!
//! ## Parameters
//! - `min-gap-days` (default 1): smaller gaps are not reported.

use std::collections::BTreeSet;

use crate::claim::partial::PartialValue;
use crate::claim::{Claim, ClaimTime, Modality, Polarity};
use crate::matcher::max_gap_days;
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "time-conflict",
    summary: "matched claims whose dates do not overlap",
    parameters: &[("min-gap-days", 1.0)],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let min_gap = rule.number("min-gap-days", 1.0) as i64;
    let mut findings = Vec::new();
    let mut done = BTreeSet::new();
    let mut stated = BTreeSet::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != Polarity::Positive || b.polarity != Polarity::Positive {
            continue;
        }
        // A claim whose clause gives no date takes the one its article gives the event.
        let (Some((ra, ta)), Some((rb, tb))) = (
            cx.stated_time(pair.a, pair.b),
            cx.stated_time(pair.b, pair.a),
        ) else {
            continue;
        };
        if (ra != pair.a && rb != pair.b) || !done.insert((ra, rb)) {
            continue;
        }
        // The same words ("the next day", "Tuesday") resolved against two articles' own dates
        // differ by the anchors, not by what the sources say.
        if same_words(cx, ra, ta, rb, tb) {
            continue;
        }
        let (va, vb, apart) = match (ta.interval, tb.interval) {
            (Some(ia), Some(ib)) => {
                let gap = ia.gap_days(&ib);
                // A date taken from elsewhere in the article that lies further off than the
                // matcher lets one event's dates lie tells of another event, not of a conflict.
                let borrowed = ra != pair.a || rb != pair.b;
                if gap < min_gap || (borrowed && gap > max_gap_days(&ia, &ib)) {
                    continue;
                }
                (ia.to_string(), ib.to_string(), format!("{gap} days apart"))
            }
            _ => {
                let (pa, pb) = (PartialValue::of(ta), PartialValue::of(tb));
                let (year_a, year_b) = (cx.story_years[ra.article], cx.story_years[rb.article]);
                // The dated day must be written as a weekday too ("last Friday"): a date
                // written out is as often a background fact's as the event's.
                let weekday = || {
                    (pa.weekday_differs_in_year(year_a, &pb) && names_weekday(cx, rb, tb))
                        || (pb.weekday_differs_in_year(year_b, &pa) && names_weekday(cx, ra, ta))
                };
                match pa
                    .conflict(&pb)
                    .or_else(|| weekday().then_some("the weekday"))
                {
                    Some(part) => (
                        ta.value.clone(),
                        tb.value.clone(),
                        format!("{part} differs"),
                    ),
                    None => continue,
                }
            }
        };
        // Two groups of sources, each agreeing within itself, tell of two events.
        if cx.backed_by_third(pair.a, pair.b, sides(ta, tb))
            && cx.backed_by_third(pair.b, pair.a, sides(tb, ta))
        {
            continue;
        }
        // One conflict of two stated dates is one finding, whichever claims carry them.
        let (at_a, at_b) = ((ra.article, ta.span), (rb.article, tb.span));
        if !stated.insert((at_a.min(at_b), at_a.max(at_b))) {
            continue;
        }
        let hedged = a.modality == Modality::Hedged || b.modality == Modality::Hedged;
        let message = format!(
            "{} is dated {} in {} but {} in {} ({})",
            cx.describe(a),
            va,
            cx.article_id(pair.a),
            vb,
            cx.article_id(pair.b),
            apart
        );
        let evidence = vec![
            cx.evidence(ra, ta.span, format!("dates it {va}")),
            cx.evidence(rb, tb.span, format!("dates it {vb}")),
        ];
        let finding = discrepancy(cx, rule, message, &[ra, rb], evidence, hedged);
        findings.push(finding);
    }
    findings
}

/// Whether a date's words name a weekday ("last Friday", "Tuesday, March 3").
fn names_weekday(cx: &Context<'_>, r: crate::matcher::ClaimRef, t: &ClaimTime) -> bool {
    cx.articles[r.article]
        .text
        .get(t.span.start..t.span.end)
        .is_some_and(|text| {
            text.split(|c: char| !c.is_alphabetic()).any(|w| {
                crate::lexicon::closed::WEEKDAYS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(w))
            })
        })
}

/// Whether two dates are written with the same words (case aside).
fn same_words(
    cx: &Context<'_>,
    ra: crate::matcher::ClaimRef,
    ta: &ClaimTime,
    rb: crate::matcher::ClaimRef,
    tb: &ClaimTime,
) -> bool {
    let text = |r: crate::matcher::ClaimRef, t: &ClaimTime| {
        cx.articles[r.article]
            .text
            .get(t.span.start..t.span.end)
            .map(str::to_lowercase)
    };
    matches!((text(ra, ta), text(rb, tb)), (Some(x), Some(y)) if x == y)
}

/// Whether a claim's own date agrees with `ours` and not with `theirs`. Unlike a conflict, this
/// sets a full date against one without a year by the parts both state: "Thursday, November 10,
/// 2011" sides with "Thursday" against "Saturday".
fn sides<'a>(ours: &'a ClaimTime, theirs: &'a ClaimTime) -> impl Fn(&Claim) -> bool + 'a {
    move |c: &Claim| {
        c.time
            .as_ref()
            .is_some_and(|t| !parts_differ(t, ours) && parts_differ(t, theirs))
    }
}

/// Whether two dates differ: by their intervals when both have one, else on a part both state.
fn parts_differ(a: &ClaimTime, b: &ClaimTime) -> bool {
    if let (Some(x), Some(y)) = (a.interval, b.interval) {
        return x.gap_days(&y) > 0;
    }
    let (p, q) = (PartialValue::of(a), PartialValue::of(b));
    let differ = |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(x), Some(y)) if x != y);
    matches!((p.year, q.year), (Some(x), Some(y)) if x != y)
        || differ(p.month, q.month)
        || (p.month.is_some() && p.month == q.month && differ(p.day, q.day))
        || differ(p.weekday, q.weekday)
}
