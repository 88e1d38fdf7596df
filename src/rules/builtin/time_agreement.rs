//! `time-agreement`: sources that date the same event compatibly.
//!
//! ## What it does
//! Groups matched claims from different sources whose day intervals overlap, and reports each
//! group once, at the coarser precision of its members ("2022-02" and "2022-02-24" agree at
//! month precision). Claims of one source do not corroborate each other.

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
    parameters: &[],
    run,
};

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
    groups
        .into_values()
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
