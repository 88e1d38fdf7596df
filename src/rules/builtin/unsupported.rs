//! `unsupported`: a checkable claim that no independent source corroborates.
//!
//! ## What it does
//! A claim is checkable when it names at least one participant and carries a time, a number, a
//! second participant or an attribution. It is supported when a matched claim with the same
//! polarity comes from another source, or when a fact of the ledger confirms it; two outlets citing the same wire service, or carrying its
//! copy, are one source. A verbatim copy of the claim's article (checked as its original, see
//! `pipeline::copies`) supports it as a matched claim would: when its source is another. An unsupported claim is reported with the attribution it rests on, and
//! its strength follows that attribution: anonymous < outlet < named < on-record quote < document.
//!
//! ## Parameters
//! - `anonymous-is-warning` (default 1): claims resting only on anonymous sources are warnings.

use std::collections::BTreeMap;

use crate::claim::{Claim, Modality, SourceKind};
use crate::matcher::ClaimRef;
use crate::report::{Finding, FindingKind, Severity};
use crate::rules::builtin::Kind;
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "unsupported",
    summary: "checkable claims that no independent source corroborates",
    parameters: &[("anonymous-is-warning", 1.0)],
    run,
};

/// Attribute claims are checked against each other by the attribute rule, not for support.
fn is_checkable(claim: &Claim) -> bool {
    // A count claim is a number read without its event: compared, not reported alone.
    !claim.is_attribute()
        && !claim.is_detail()
        && !claim.participants.is_empty()
        && (claim.time.is_some()
            || !claim.quantities.is_empty()
            || claim.participant_ids().len() >= 2
            || claim.attribution.kind != SourceKind::Unattributed)
}

fn strength(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Unattributed => "no attribution",
        SourceKind::Anonymous => "an anonymous source",
        SourceKind::Outlet => "another outlet",
        SourceKind::Named => "a named source",
        SourceKind::Quote => "an on-record quote",
        SourceKind::Document => "a document",
    }
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let anonymous_is_warning = rule.number("anonymous-is-warning", 1.0) != 0.0;
    let mut supported: BTreeMap<ClaimRef, bool> = BTreeMap::new();
    // Restatements of one claim inside an article are reported together, under the first.
    let mut first_statement: BTreeMap<ClaimRef, ClaimRef> = BTreeMap::new();
    for pair in cx.pairs {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != b.polarity {
            continue;
        }
        if cx.source(pair.a) != cx.source(pair.b) {
            supported.insert(pair.a, true);
            supported.insert(pair.b, true);
        } else if pair.same_article() {
            let root = *first_statement.get(&pair.a).unwrap_or(&pair.a);
            first_statement.entry(pair.b).or_insert(root);
        }
    }
    let mut groups: BTreeMap<ClaimRef, Vec<ClaimRef>> = BTreeMap::new();
    for (article, claims) in cx.claims.iter().enumerate() {
        for (index, claim) in claims.iter().enumerate() {
            let r = ClaimRef {
                article,
                claim: index,
            };
            if supported.contains_key(&r)
                || !is_checkable(claim)
                || claim.modality == Modality::Quoted
            {
                continue;
            }
            let published = cx.articles[article].meta.published.map(|p| p.interval());
            if cx.ledger.confirms(claim, published, cx.lexicon) {
                continue;
            }
            let root = *first_statement.get(&r).unwrap_or(&r);
            groups.entry(root).or_default().push(r);
        }
    }
    let mut findings = Vec::new();
    for (root, group) in groups {
        let claim = cx.claim(group[0]);
        let article_text = &cx.articles[root.article].text;
        // The strongest attribution among the restatements carries the group.
        let attribution = group
            .iter()
            .map(|&r| &cx.claim(r).attribution)
            .min_by_key(|a| std::cmp::Reverse(a.kind))
            .unwrap_or(&claim.attribution);
        let source = match attribution.span {
            Some(span) => format!(
                "{} ({})",
                strength(attribution.kind),
                span.slice(article_text)
            ),
            None => strength(attribution.kind).to_string(),
        };
        let hedged = group
            .iter()
            .all(|&r| cx.claim(r).modality == Modality::Hedged);
        let times = if group.len() > 1 {
            format!(", stated {} times", group.len())
        } else {
            String::new()
        };
        let message = format!(
            "only {} reports {}; it rests on {}{}{}",
            cx.article_id(root),
            cx.describe_fully(group[0]),
            source,
            if hedged { ", hedged" } else { "" },
            times
        );
        let mut evidence: Vec<_> = group
            .iter()
            .map(|&r| cx.evidence(r, cx.claim(r).extent(), "no other source reports this"))
            .collect();
        evidence.dedup();
        if let Some(span) = attribution.span {
            evidence.push(cx.evidence(root, span, "attribution"));
        }
        let mut finding = cx.finding(rule, FindingKind::Unsupported, message, &group, evidence);
        if anonymous_is_warning && attribution.kind == SourceKind::Anonymous {
            finding.severity = finding.severity.max(Severity::Warning);
        }
        findings.push(finding);
    }
    findings
}
