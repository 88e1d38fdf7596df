//! `duration-conflict`: the same span of time given with bounds that cannot both hold.
//!
//! ## What it does
//! For matched claims that both carry a duration ("have not spoken for more than 24 days",
//! "has not taken place for nearly 24 days"), compares the durations as bounded amounts of days.
//! "More than 24" is (24, ∞) and "nearly 24" is [21.6, 24): disjoint, so they conflict. Runs
//! inside one article by default, where it catches a text contradicting itself. A countdown
//! ("with 12 seconds left", "four minutes remaining", "two days to go") reads a clock at one
//! moment, not how long something lasts: two such readings of one game or one deadline differ
//! without contradicting each other, and are not compared.

use crate::claim::Quantity;
use crate::grammar::number::{bounds, compatible};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::temporal::{Bound, DurationDays};

pub(super) const KIND: Kind = Kind {
    name: "duration-conflict",
    summary: "matched claims whose durations have incompatible bounds",
    parameters: &[("max-ratio", 4.0)],
    run,
};

fn as_quantity(duration: DurationDays) -> Quantity {
    let (low, high) = bounds(duration.days, duration.bound);
    Quantity {
        span: Default::default(),
        value: duration.days,
        bound: duration.bound,
        low,
        high,
        unit: Some("day".into()),
    }
}

fn describe(duration: DurationDays) -> String {
    let bound = match duration.bound {
        Bound::Exact => "",
        Bound::MoreThan => "more than ",
        Bound::LessThan => "less than ",
        Bound::AtLeast => "at least ",
        Bound::AtMost => "at most ",
        Bound::About => "about ",
    };
    format!("{bound}{}", amount(duration.days))
}

/// Words after a duration that make it the time left on a clock ("12 seconds left").
const COUNTDOWN_WORDS: &[&str] = &[
    "left",
    "remaining",
    "remain",
    "remained",
    "to go",
    "to play",
];

/// Whether the duration at `span` of article `article` is a countdown: the time left, not a
/// time something lasts.
fn countdown(cx: &Context<'_>, article: usize, span: crate::text::span::Span) -> bool {
    // The words right after the duration, as long as the longest countdown word and the
    // character after it: enough to tell, however long the article.
    let longest = COUNTDOWN_WORDS.iter().map(|w| w.len()).max().unwrap_or(0);
    let after: String = cx.articles[article].text[span.end..]
        .trim_start()
        .chars()
        .take(longest + 1)
        .collect::<String>()
        .to_lowercase();
    COUNTDOWN_WORDS.iter().any(|w| {
        after
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// A length of time in days as a reader writes it: whole and half years in years ("20 years",
/// durations count a year as 365 days), other whole days as they are ("24 days"), less
/// than a day in seconds, minutes or hours ("10 seconds", "4 minutes", "1.5 hours"), never a
/// long fraction of a day.
fn amount(days: f64) -> String {
    let rounded = |x: f64| {
        let text = format!("{:.2}", x);
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let plural = |n: String, unit: &str| {
        if n == "1" {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    let minutes = days * 24.0 * 60.0;
    let years = days / 365.0;
    if years >= 1.0 && (years * 2.0).fract() == 0.0 {
        plural(rounded(years), "year")
    } else if days >= 1.0 || days <= 0.0 {
        plural(rounded(days), "day")
    } else if minutes < 1.0 {
        plural(rounded(minutes * 60.0), "second")
    } else if minutes < 60.0 {
        plural(rounded(minutes), "minute")
    } else {
        plural(rounded(minutes / 60.0), "hour")
    }
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != b.polarity {
            continue;
        }
        let (Some(ta), Some(tb)) = (a.time.as_ref(), b.time.as_ref()) else {
            continue;
        };
        let (Some(da), Some(db)) = (ta.duration, tb.duration) else {
            continue;
        };
        if countdown(cx, pair.a.article, ta.span) || countdown(cx, pair.b.article, tb.span) {
            continue;
        }
        // Amounts of different orders ("17 seconds", "nine quarters") measure different spans.
        let ratio = da.days.max(db.days) / da.days.min(db.days).max(f64::MIN_POSITIVE);
        if ratio > rule.number("max-ratio", 4.0) || compatible(&as_quantity(da), &as_quantity(db)) {
            continue;
        }
        let where_ = if pair.same_article() {
            format!("in {}", cx.article_id(pair.a))
        } else {
            format!("in {} and {}", cx.article_id(pair.a), cx.article_id(pair.b))
        };
        let message = format!(
            "{} lasts {} and {} {}: the bounds cannot both hold",
            cx.describe(a),
            describe(da),
            describe(db),
            where_
        );
        let evidence = vec![
            cx.evidence(pair.a, ta.span, format!("says {}", describe(da))),
            cx.evidence(pair.b, tb.span, format!("says {}", describe(db))),
        ];
        let hedged = a.modality == crate::claim::Modality::Hedged
            || b.modality == crate::claim::Modality::Hedged;
        let finding = discrepancy(cx, rule, message, &[pair.a, pair.b], evidence, hedged);
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn lengths_of_time_read_as_written() {
        assert_eq!(amount(24.0), "24 days");
        assert_eq!(amount(7300.0), "20 years");
        assert_eq!(amount(365.0), "1 year");
        assert_eq!(amount(400.0), "400 days");
        assert_eq!(amount(1.0), "1 day");
        assert_eq!(amount(1.5), "1.5 days");
        assert_eq!(amount(4.0 / 1440.0), "4 minutes");
        assert_eq!(amount(5.0 / 1440.0), "5 minutes");
        assert_eq!(amount(1.5 / 24.0), "1.5 hours");
        assert_eq!(amount(1.0 / 24.0), "1 hour");
        assert_eq!(amount(10.0 / 86400.0), "10 seconds");
    }
}
