//! `polarity-conflict`: one source says an event happened, another that it did not.
//!
//! ## What it does
//! For matched claims (same predicate, a shared participant or story, compatible times) of
//! opposite polarity — "was arrested" against "was not arrested" — reports a discrepancy citing
//! both event words, once for each denial. A hedged denial ("could not be used", "if the rule
//! is not struck down") is no denial of a fact and is not reported; a hedged assertion lowers
//! the severity one step. Nor is a denial worded by a noun ("escaped without injury", "have not
//! had any arrests this season", "not the prosecution to persecute a people"): a negated noun
//! says no event of the kind took place, in general or in a case of its own, rather than that
//! the one another source tells did not.

use crate::claim::{Modality, Polarity};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "polarity-conflict",
    summary: "matched claims of which one asserts the event and the other denies it",
    parameters: &[],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut reported = std::collections::BTreeSet::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (a, b) = (cx.claim(pair.a), cx.claim(pair.b));
        // A negated count ("not one person") or date denies a detail, not an event.
        if a.polarity == b.polarity || a.is_detail() {
            continue;
        }
        let (yes, no) = if a.polarity == Polarity::Positive {
            (pair.a, pair.b)
        } else {
            (pair.b, pair.a)
        };
        // One finding a denial, however many sources assert the event.
        if !reported.insert(no) {
            continue;
        }
        let (positive, negative) = (cx.claim(yes), cx.claim(no));
        // A hedged denial ("could not be used", "if the rule is not struck down") denies no
        // fact.
        if negative.modality == Modality::Hedged || denied_by_noun(cx, no.article, negative) {
            continue;
        }
        let text_no = negative.event.span.slice(&cx.articles[no.article].text);
        let text_yes = positive.event.span.slice(&cx.articles[yes.article].text);
        let message = format!(
            "{} happened according to {} (\"{}\") but not according to {} (\"{}\")",
            cx.describe(positive),
            cx.article_id(yes),
            text_yes,
            cx.article_id(no),
            text_no,
        );
        let evidence = vec![
            cx.evidence(no, negative.event.span, "says it did not happen"),
            cx.evidence(yes, positive.event.span, "says it happened"),
        ];
        let hedged = a.modality == Modality::Hedged || b.modality == Modality::Hedged;
        let finding = discrepancy(cx, rule, message, &[no, yes], evidence, hedged);
        findings.push(finding);
    }
    findings
}

/// Words after which an event word is read as a noun: determiners and the prepositions a denial
/// by a noun takes ("without injury", "no arrests", "any arrests", "without a hearing").
const NOUN_OPENERS: &[&str] = &[
    "without", "no", "any", "the", "a", "an", "of", "his", "her", "their", "its",
];

/// Whether a negative claim of article `article` denies its event by a noun: its event word
/// right after a determiner or a preposition ("without injury", "any arrests"). "Fire" and
/// "defeat" name events as verbs too ("did not fire"): the word before tells which.
fn denied_by_noun(cx: &Context<'_>, article: usize, claim: &crate::claim::Claim) -> bool {
    let before = cx.articles[article].text[..claim.event.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    NOUN_OPENERS.contains(&before.as_str())
}
