//! `duration-conflict`: the same span of time given with bounds that cannot both hold.
//!
//! ## What it does
//! For matched claims that both carry a duration ("have not spoken for more than 24 days",
//! "has not taken place for nearly 24 days"), compares the durations as bounded amounts of days.
//! "More than 24" is (24, ∞) and "nearly 24" is [21.6, 24): disjoint, so they conflict. Runs
//! inside one article by default, where it catches a text contradicting itself.

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
    format!("{bound}{} days", duration.days)
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
