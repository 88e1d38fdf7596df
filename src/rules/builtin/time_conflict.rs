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
//! Two times of day stated in GMT/UTC by the claims' own clauses ("struck at 0737 GMT" / "at
//! 1037 GMT"), on one day or on days not known to differ, conflict when they lie `min-gap-hours`
//! or more apart. Local times are not compared: one story's stages and aftershocks are told by
//! them, and outlets write them in different zones.
//!
//! Vague references ("now", "currently", "recently") date no event and are not compared: "she
//! is in rehab right now" holds on the day of publication, whatever day she checked in.
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
//! - `min-gap-hours` (default 1): times of day closer than this are not reported.

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
    parameters: &[("min-gap-days", 1.0), ("min-gap-hours", 1.0)],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let min_gap = rule.number("min-gap-days", 1.0) as i64;
    let min_clock_gap = (rule.number("min-gap-hours", 1.0) * 60.0).round() as i64;
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
        // "Now", "currently", "recently" date no event: "she is in rehab right now" holds on
        // the day of publication, whatever day she checked in.
        if vague(ta) || vague(tb) {
            continue;
        }
        let by_day = match (ta.interval, tb.interval) {
            (Some(ia), Some(ib)) => 'day: {
                let gap = ia.gap_days(&ib);
                // A date taken from elsewhere in the article that lies further off than the
                // matcher lets one event's dates lie tells of another event, not of a conflict.
                let borrowed = ra != pair.a || rb != pair.b;
                if gap < min_gap || (borrowed && gap > max_gap_days(&ia, &ib)) {
                    break 'day None;
                }
                Some((ia.to_string(), ib.to_string(), format!("{gap} days apart")))
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
                pa.conflict(&pb)
                    .or_else(|| weekday().then_some("the weekday"))
                    .map(|part| {
                        (
                            ta.value.clone(),
                            tb.value.clone(),
                            format!("{part} differs"),
                        )
                    })
            }
        };
        // On one day, or on days not known to differ, two GMT times of day their own clauses
        // state ("struck at 0737 GMT" / "at 1037 GMT") conflict when they lie far enough apart.
        let own_clauses = ra == pair.a && rb == pair.b;
        let Some((va, vb, apart)) = by_day.or_else(|| {
            own_clauses
                .then(|| clock_apart(ta, tb, min_clock_gap))
                .flatten()
                .map(|apart| (ta.value.clone(), tb.value.clone(), apart))
        }) else {
            continue;
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

/// How far apart two times of day lie ("3 hours apart"), when both claims state one in GMT/UTC
/// (`Z`), on days not known to differ, at least `min_minutes` apart. A local time says nothing
/// against another: outlets write the local time of their own zone or of the place, and one
/// story's stages (a fire "started at 3:30 a.m.", crews "arrived at 6:40") or its aftershocks
/// are told by local times far more often than one event's time misreported.
fn clock_apart(a: &ClaimTime, b: &ClaimTime, min_minutes: i64) -> Option<String> {
    let ((ma, zone_a), (mb, zone_b)) = (clock(&a.value)?, clock(&b.value)?);
    let same_day = !crate::claim::partial::times_conflict(a, b);
    let minutes = (ma - mb).abs();
    if zone_a != "Z" || zone_b != "Z" || !same_day || minutes < min_minutes.max(1) {
        return None;
    }
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    Some(match (minutes / 60, minutes % 60) {
        (hours, 0) => format!("{} apart", plural(hours, "hour")),
        (0, rest) => format!("{} apart", plural(rest, "minute")),
        (hours, rest) => format!("{} {} apart", plural(hours, "hour"), plural(rest, "minute")),
    })
}

/// A TIMEX3 value's time of day as minutes after midnight, with what follows it (its zone:
/// `Z`, or nothing for a local time): `2013-07-02T07:37Z` is 457 minutes, `Z`. A part of the
/// day (`TNI`, `TMO`) is no time of day.
fn clock(value: &str) -> Option<(i64, &str)> {
    let (_, time) = value.split_once('T')?;
    let (hours, rest) = time.split_once(':')?;
    let minutes = rest.get(..2)?;
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return None;
    }
    let (h, m): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    Some((h * 60 + m, &rest[2..]))
}

/// Whether a time is a vague reference to the present, the past or the future (`PRESENT_REF`,
/// `PAST_REF`, `FUTURE_REF`), which the time grammar gives an interval around the publication
/// date but which states no day.
fn vague(t: &ClaimTime) -> bool {
    t.value.ends_with("_REF")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn at(value: &str) -> ClaimTime {
        ClaimTime {
            span: Span { start: 0, end: 0 },
            value: value.to_string(),
            interval: None,
            duration: None,
        }
    }

    #[test]
    fn a_time_of_day_is_read_with_its_zone() {
        assert_eq!(clock("2013-07-02T07:37Z"), Some((457, "Z")));
        assert_eq!(clock("XXXX-WXX-5T20:45"), Some((1245, "")));
        assert_eq!(clock("2013-07-02TNI"), None);
        assert_eq!(clock("PT2H"), None);
        assert_eq!(clock("PRESENT_REF"), None);
    }

    #[test]
    fn gmt_times_on_days_not_known_to_differ_are_compared() {
        let apart = |a: &str, b: &str| clock_apart(&at(a), &at(b), 60);
        assert_eq!(
            apart("XXXX-XX-XXT20:45Z", "XXXX-WXX-5T23:45Z").as_deref(),
            Some("3 hours apart")
        );
        assert_eq!(
            apart("XXXX-WXX-2T07:37Z", "XXXX-WXX-2T08:52Z").as_deref(),
            Some("1 hour 15 minutes apart")
        );
        assert_eq!(apart("XXXX-WXX-2T07:37Z", "XXXX-WXX-2T08:07Z"), None);
        // Other weekdays: the day differs, not the time.
        assert_eq!(apart("XXXX-WXX-2T07:37Z", "XXXX-WXX-3T10:37Z"), None);
        // Local times, or a local time against a GMT one, say nothing.
        assert_eq!(apart("XXXX-WXX-2T07:37", "XXXX-WXX-2T10:37"), None);
        assert_eq!(apart("XXXX-WXX-2T17:06", "XXXX-WXX-2T13:36Z"), None);
    }
}
