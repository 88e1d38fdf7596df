//! `time-agreement`: sources that date the same event compatibly.
//!
//! ## What it does
//! Groups matched claims from different sources whose day intervals overlap, and reports each
//! group once, at the coarser precision of its members ("2022-02" and "2022-02-24" agree at
//! month precision). Claims of one source do not corroborate each other.
//!
//! A group whose dates all end more than `max-days-before-publication` (default 366) days
//! before the publication date of one of its articles (its story year when it has none) is a
//! background fact the stories recall ("the 2004 tsunami", "the 1972 break-in"), told from
//! one public record: outlets agreeing on it corroborate nothing of the story, and two
//! look-alike stories recall the same one. It is not reported; 0 reports every group.

use std::collections::BTreeMap;

use crate::claim::Polarity;
use crate::matcher::ClaimRef;
use crate::report::{Finding, FindingKind};
use crate::rules::builtin::Kind;
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "time-agreement",
    summary: "matched claims from independent sources whose dates overlap",
    parameters: &[("max-days-before-publication", 366.0)],
    run,
};

/// The day from which the article of `r` tells its story: its publication date, else the
/// first day of its story year.
fn present(cx: &Context<'_>, r: ClaimRef) -> Option<chrono::NaiveDate> {
    match &cx.articles[r.article].meta.published {
        Some(p) => {
            chrono::NaiveDate::from_ymd_opt(p.year, p.month.unwrap_or(1), p.day.unwrap_or(1))
        }
        None => chrono::NaiveDate::from_ymd_opt(cx.story_years[r.article]?, 1, 1),
    }
}

fn find(parent: &mut BTreeMap<ClaimRef, ClaimRef>, x: ClaimRef) -> ClaimRef {
    let mut root = x;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    parent.insert(x, root);
    root
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let max_age = rule.number("max-days-before-publication", 366.0) as i64;
    let mut parent: BTreeMap<ClaimRef, ClaimRef> = BTreeMap::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != Polarity::Positive || b.polarity != Polarity::Positive {
            continue;
        }
        let (Some(ia), Some(ib)) = (
            a.time.as_ref().and_then(|t| t.interval),
            b.time.as_ref().and_then(|t| t.interval),
        ) else {
            continue;
        };
        if !ia.overlaps(&ib) || cx.source(pair.a) == cx.source(pair.b) {
            continue;
        }
        for r in [pair.a, pair.b] {
            parent.entry(r).or_insert(r);
        }
        let (ra, rb) = (find(&mut parent, pair.a), find(&mut parent, pair.b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let members: Vec<ClaimRef> = parent.keys().copied().collect();
    let mut groups: BTreeMap<ClaimRef, Vec<ClaimRef>> = BTreeMap::new();
    for r in members {
        let root = find(&mut parent, r);
        groups.entry(root).or_default().push(r);
    }
    // A background fact: every date of the group ends long before one of its articles was
    // written.
    let background = |group: &[ClaimRef]| {
        let last = group
            .iter()
            .filter_map(|&r| cx.claim(r).time.as_ref()?.interval)
            .map(|i| i.end)
            .max();
        let latest = group.iter().filter_map(|&r| present(cx, r)).max();
        max_age > 0
            && matches!((last, latest), (Some(end), Some(now)) if (now - end).num_days() > max_age)
    };
    groups
        .into_values()
        .filter(|group| !background(group))
        .map(|group| {
            let first = cx.claim(group[0]);
            let intervals: Vec<_> = group
                .iter()
                .filter_map(|&r| cx.claim(r).time.as_ref().and_then(|t| t.interval))
                .collect();
            let coarsest = intervals
                .iter()
                .max_by_key(|i| (i.precision, i.days()))
                .copied();
            let dated: Vec<String> = group
                .iter()
                .filter_map(|&r| {
                    let interval = cx.claim(r).time.as_ref()?.interval?;
                    Some(format!("{interval} ({})", cx.article_id(r)))
                })
                .collect();
            let message = format!(
                "{} sources agree on the date of {}: {}{}",
                group.len(),
                cx.describe(first),
                dated.join(", "),
                coarsest.map_or(String::new(), |c| format!(", at {} precision", c.precision)),
            );
            let evidence = group
                .iter()
                .map(|&r| {
                    let claim = cx.claim(r);
                    let time = claim.time.as_ref().expect("grouped claims are dated");
                    let interval = time.interval.expect("grouped claims are dated");
                    cx.evidence(
                        r,
                        claim.event.span.cover(time.span),
                        format!("dates it {interval}"),
                    )
                })
                .collect();
            cx.finding(rule, FindingKind::Agreement, message, &group, evidence)
        })
        .collect()
}
