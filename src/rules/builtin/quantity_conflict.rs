//! `quantity-conflict`: matched claims that count the same thing incompatibly.
//!
//! ## What it does
//! Compares quantities of the same unit on matched claims as intervals with their bounds
//! ("two" = [2, 2], "more than 24" = (24, ∞), "about 300" = [270, 330]). A unit counted on both
//! sides with no compatible reading is a discrepancy. Counts of different units are not
//! compared. Magnitudes are left to the attribute rule, which compares them with a tolerance:
//! one conflict, one finding.

use crate::claim::{Modality, Polarity};
use crate::grammar::number::compatible;
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "quantity-conflict",
    summary: "matched claims whose counts of one unit cannot both be true",
    parameters: &[],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        if a.polarity != Polarity::Positive || b.polarity != Polarity::Positive {
            continue;
        }
        for qa in &a.quantities {
            let Some(unit) = qa.unit.as_deref().filter(|u| *u != "magnitude") else {
                continue;
            };
            let same_unit: Vec<_> = b
                .quantities
                .iter()
                .filter(|q| q.unit.as_deref() == Some(unit))
                .collect();
            let same_unit_a = a
                .quantities
                .iter()
                .filter(|q| q.unit.as_deref() == Some(unit))
                .count();
            if same_unit.is_empty() || same_unit_a != 1 || same_unit.len() != 1 {
                continue;
            }
            let qb = same_unit[0];
            if compatible(qa, qb) {
                continue;
            }
            let text_a = qa.span.slice(&cx.articles[pair.a.article].text).to_string();
            let text_b = qb.span.slice(&cx.articles[pair.b.article].text).to_string();
            let message = format!(
                "{}: \"{}\" in {} against \"{}\" in {}",
                cx.describe(a),
                text_a,
                cx.article_id(pair.a),
                text_b,
                cx.article_id(pair.b)
            );
            let evidence = vec![
                cx.evidence(pair.a, qa.span, format!("counts {text_a}")),
                cx.evidence(pair.b, qb.span, format!("counts {text_b}")),
            ];
            let hedged = a.modality == Modality::Hedged || b.modality == Modality::Hedged;
            let finding = discrepancy(cx, rule, message, &[pair.a, pair.b], evidence, hedged);
            findings.push(finding);
        }
    }
    findings
}
