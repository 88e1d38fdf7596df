//! `ledger-conflict`: a claim that a verified reference fact contradicts.
//!
//! ## What it does
//! Every claim about a fact of the ledger (`ledger/*.toml` under a rules root; see
//! [`crate::rules::ledger`]) is compared with it: a date disjoint from the fact's, or a count
//! that cannot be the fact's, at the claim's own precision, is a discrepancy that cites the fact,
//! its file and line, its as-of date and its source. Claims the ledger confirms are not reported
//! here; the `unsupported` kind counts them as corroborated.
//!
//! ## Parameters
//! - `max-gap-days` (default 31): a recurring event's claim further than this from the fact's
//!   date is about another occurrence (facts marked `unique` have no such limit).
//! - `count-window-days` (default 30): a count is held against articles published from its
//!   as-of date to this many days after.

use crate::claim::Modality;
use crate::matcher::ClaimRef;
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::ledger::{Tolerances, Verdict};
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "ledger-conflict",
    summary: "claims that a verified reference fact contradicts",
    parameters: &[("max-gap-days", 31.0), ("count-window-days", 30.0)],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    if cx.ledger.facts.is_empty() {
        return Vec::new();
    }
    let defaults = Tolerances::default();
    let tolerances = Tolerances {
        max_gap_days: rule.number("max-gap-days", defaults.max_gap_days as f64) as i64,
        count_window_days: rule.number("count-window-days", defaults.count_window_days as f64)
            as i64,
    };
    let mut findings = Vec::new();
    for (article, claims) in cx.claims.iter().enumerate() {
        let published = cx.articles[article].meta.published.map(|p| p.interval());
        for (index, claim) in claims.iter().enumerate() {
            let r = ClaimRef {
                article,
                claim: index,
            };
            for (fact, verdict) in cx.ledger.verdicts(claim, published, cx.lexicon, tolerances) {
                let Verdict::Contradicts {
                    field,
                    fact: fact_value,
                    claim: claim_value,
                } = verdict
                else {
                    continue;
                };
                let span = match field {
                    "date" => claim.time.as_ref().map(|t| t.span),
                    _ => claim.quantities.first().map(|q| q.span),
                }
                .unwrap_or_else(|| claim.extent());
                let message = format!(
                    "{} gives {} {} as {}, but the {} has {}",
                    cx.article_id(r),
                    cx.describe(claim),
                    field,
                    claim_value,
                    fact.cite(),
                    fact_value
                );
                let evidence = vec![cx.evidence(
                    r,
                    span,
                    format!("{field} {claim_value}; the ledger has {fact_value}"),
                )];
                let hedged = claim.modality == Modality::Hedged;
                let mut finding = discrepancy(cx, rule, message, &[r], evidence, hedged);
                finding.fingerprint =
                    cx.fingerprint(&[rule.spec.code.as_str(), claim.id.as_str(), fact.id.as_str()]);
                findings.push(finding);
            }
        }
    }
    findings
}
