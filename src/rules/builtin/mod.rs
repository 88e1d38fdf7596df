//! The built-in rule kinds, one struct a file, registered in one ordered table.
//!
//! A rule file names its kind; the kind's code reads the rule's parameters and the [`Context`]
//! and returns findings. Kinds know nothing of output formats.

mod attribute_conflict;
mod conversion_conflict;
mod date_arithmetic;
mod duration_conflict;
mod ledger_conflict;
mod participant_conflict;
mod polarity_conflict;
mod quantity_conflict;
mod quote_wording;
mod restated_fact;
mod retold;
mod retold_count;
mod retold_date;
mod time_agreement;
mod time_conflict;
mod unsupported;

use crate::report::Finding;
use crate::rules::context::Context;
use crate::rules::model::Rule;

/// A built-in rule kind.
#[derive(Clone, Copy, Debug)]
pub struct Kind {
    /// The name rule files use.
    pub name: &'static str,
    /// One line on what it does.
    pub summary: &'static str,
    /// The parameters it reads, with their defaults, as (name, default).
    pub parameters: &'static [(&'static str, f64)],
    /// Runs a rule of this kind.
    pub run: fn(&Rule, &Context<'_>) -> Vec<Finding>,
}

/// Every built-in kind, in the order rules run.
pub const KINDS: &[Kind] = &[
    time_conflict::KIND,
    time_agreement::KIND,
    duration_conflict::KIND,
    date_arithmetic::KIND,
    quantity_conflict::KIND,
    conversion_conflict::KIND,
    polarity_conflict::KIND,
    participant_conflict::KIND,
    attribute_conflict::KIND,
    restated_fact::KIND,
    retold_date::KIND,
    retold_count::KIND,
    ledger_conflict::KIND,
    quote_wording::KIND,
    unsupported::KIND,
];

/// The kind named `name`.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// A discrepancy of `rule` between `claims`; when either claim is hedged it is one step less
/// severe than the rule's own grading.
fn discrepancy(
    cx: &Context<'_>,
    rule: &Rule,
    message: String,
    claims: &[crate::matcher::ClaimRef],
    evidence: Vec<crate::report::Evidence>,
    hedged: bool,
) -> Finding {
    let mut finding = cx.finding(
        rule,
        crate::report::FindingKind::Discrepancy,
        message,
        claims,
        evidence,
    );
    if hedged {
        finding.severity = rule.severity.lowered();
    }
    finding
}

/// How many words `a` and `b` have in common, counted with repetition: an upper bound on the
/// words a word-by-word alignment of the two matches, found without aligning. The rules that
/// align sentences or quotes skip pairs this already rules out.
fn common_words(a: &[&str], b: &[&str]) -> usize {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    crate::text::sorted_common(&a, &b)
}

#[cfg(test)]
mod tests {
    use super::common_words;

    #[test]
    fn common_words_ignore_order() {
        assert_eq!(common_words(&["x", "y", "x"], &["y", "x", "z"]), 2);
    }
}
