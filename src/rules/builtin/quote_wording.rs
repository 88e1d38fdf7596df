//! `quote-wording`: the same direct quote rendered with different words by two sources.
//!
//! ## What it does
//! Finds every direct quotation of every article ([`crate::grammar::quote`]: straight, curly
//! and mixed marks, quotes of several sentences) and pairs quotations of different articles
//! whose words mostly agree: the share of the shorter quote's words found, in order, in the other
//! (a word diff by `similar`) must reach `min-similarity`, as must the share of matched words
//! where the two overlap, and at least `min-words` words must match. Where they overlap, any word that
//! differs is a discrepancy, reported with the word diff (`[-old-] {+new+}`). A quote that is
//! a fragment of the other (one outlet quotes less) is not a difference; neither are case,
//! punctuation or curly against straight apostrophes. When both quotes have a known speaker
//! (the on-record source of their sentence) and the speakers differ, they are not the same quote.
//!
//! Quotes equal word for word are not reported, as agreements or otherwise: identical wording is
//! what carrying the same wire copy looks like, and says nothing about accuracy.
//!
//! Quotes equal word for word form one rendering, and renderings are compared, not quotes: one
//! outlet's version against five outlets that agree is one finding citing all six. Renderings
//! are blocked by their rarer words, so the work grows with the number of quotes, not its square.
//!
//! ## Parameters
//! - `min-similarity` (default 0.65): share of the shorter quote's words the other must hold,
//!   and of both quotes' words where they overlap.
//! - `min-words` (default 6): shorter quotes, and fewer words in common, are too few to tell
//!   one quote from another.

use std::collections::{BTreeMap, BTreeSet};

use similar::{ChangeTag, DiffOp, TextDiff};

use crate::claim::SourceKind;
use crate::grammar::quote::{Quote, quotes};
use crate::matcher::{ClaimRef, same_entity};
use crate::report::{Evidence, Finding};
use crate::rules::builtin::restated_fact::spelled;
use crate::rules::builtin::{Kind, common_words, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "quote-wording",
    summary: "the same quote rendered with different words by two sources",
    parameters: &[("min-similarity", 0.65), ("min-words", 6.0)],
    run,
};

/// Words in more quotes than this do not block (function words).
const COMMON_WORD_QUOTES: usize = 64;

/// Blocking words two renderings must share before they are aligned.
const MIN_SHARED_WORDS: usize = 2;

/// One quote of one article, ready to compare.
struct Found {
    article: usize,
    quote: Quote,
    words: Vec<String>,
    speaker: Option<String>,
    claims: Vec<ClaimRef>,
}

/// The on-record speaker of a quote: the source of a claim of its sentence attributed to a named
/// person or organization.
fn speaker_and_claims(
    cx: &Context<'_>,
    article: usize,
    quote: &Quote,
) -> (Option<String>, Vec<ClaimRef>) {
    let mut speaker = None;
    let mut claims = Vec::new();
    for (at, claim) in cx.overlapping(article, quote.span) {
        claims.push(at);
        if speaker.is_none()
            && matches!(
                claim.attribution.kind,
                SourceKind::Quote | SourceKind::Named
            )
        {
            speaker = claim.attribution.entity.clone();
        }
    }
    (speaker, claims)
}

/// How two quotes' words line up.
struct Alignment<'a> {
    /// Words matched, in order.
    matched: usize,
    /// The share of the shorter quote's words matched.
    share: f64,
    /// Where the two overlap (from the first matched word to the last), the share of their
    /// words matched (2 × matched / both lengths): a long stretch changed between a few shared
    /// words is two different quotes, not one reworded.
    overlap: f64,
    /// The word diff over the overlap (a quote that starts later or stops earlier is a
    /// fragment, not a change).
    changes: Vec<(ChangeTag, &'a str)>,
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

fn compare<'a>(a: &'a [String], b: &'a [String]) -> Alignment<'a> {
    let (a_refs, b_refs) = (as_strs(a), as_strs(b));
    let diff = TextDiff::configure().diff_slices(&a_refs, &b_refs);
    let ops = diff.ops();
    let matched: usize = ops
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    let shorter = a.len().min(b.len()).max(1);
    let share = matched as f64 / shorter as f64;
    let first = ops.iter().position(|op| matches!(op, DiffOp::Equal { .. }));
    let last = ops
        .iter()
        .rposition(|op| matches!(op, DiffOp::Equal { .. }));
    let (Some(first), Some(last)) = (first, last) else {
        return Alignment {
            matched,
            share,
            overlap: 0.0,
            changes: Vec::new(),
        };
    };
    // A head or tail only one quote has is a fragment left out; when both have one, the two
    // diverge there, and it counts.
    let both_sides = |ops: &[DiffOp]| {
        let (old, new) = ops.iter().fold((0, 0), |(o, n), op| {
            (o + op.old_range().len(), n + op.new_range().len())
        });
        old > 0 && new > 0
    };
    let first = if both_sides(&ops[..first]) { 0 } else { first };
    let last = if both_sides(&ops[last + 1..]) {
        ops.len() - 1
    } else {
        last
    };
    let mut changes = Vec::new();
    for op in &ops[first..=last] {
        for change in diff.iter_changes(op) {
            changes.push((change.tag(), change.value()));
        }
    }
    let in_overlap = changes.len() + matched;
    let overlap = 2.0 * matched as f64 / in_overlap.max(1) as f64;
    Alignment {
        matched,
        share,
        overlap,
        changes,
    }
}

/// The runs of changed words ("[-seen-] {+witnessed+}" is one), leaving out runs that only
/// split or join words ("cyber criminals" / "cybercriminals") or spell the same words another
/// way ("neighbourhood" / "neighborhood", "Mount" / "Mt", initials for the words they stand
/// for: "IE" / "Internet Explorer").
fn changed_runs(changes: &[(ChangeTag, &str)]) -> usize {
    let mut count = 0;
    let (mut old, mut new): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for (tag, word) in changes.iter().chain([&(ChangeTag::Equal, "")]) {
        match tag {
            ChangeTag::Delete => old.push((*word).to_string()),
            ChangeTag::Insert => new.push((*word).to_string()),
            ChangeTag::Equal => {
                if !one_wording(&old, &new) {
                    count += 1;
                }
                old.clear();
                new.clear();
            }
        }
    }
    count
}

/// Whether two runs of a quote's words (lower case) are one wording: the same spelling
/// (`restated_fact::spelled`), or one word the initials of two or more words of the other.
fn one_wording(old: &[String], new: &[String]) -> bool {
    let initials = |short: &[String], long: &[String]| {
        let [one] = short else { return false };
        let firsts: String = long.iter().filter_map(|w| w.chars().next()).collect();
        long.len() > 1 && firsts == *one
    };
    spelled(old) == spelled(new) || initials(old, new) || initials(new, old)
}

/// The word diff in git's word-diff style: `we have [-seen-] {+witnessed+} it`, with unchanged
/// stretches longer than a few words shortened.
fn render(changes: &[(ChangeTag, &str)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        let tag = changes[i].0;
        let mut j = i;
        while j < changes.len() && changes[j].0 == tag {
            j += 1;
        }
        let run: Vec<&str> = changes[i..j].iter().map(|(_, w)| *w).collect();
        parts.push(match tag {
            ChangeTag::Equal if run.len() > 6 && i > 0 && j < changes.len() => {
                format!(
                    "{} {} … {} {}",
                    run[0],
                    run[1],
                    run[run.len() - 2],
                    run[run.len() - 1]
                )
            }
            ChangeTag::Equal if run.len() > 3 && i == 0 => {
                format!("… {}", run[run.len() - 3..].join(" "))
            }
            ChangeTag::Equal if run.len() > 3 && j == changes.len() => {
                format!("{} …", run[..3].join(" "))
            }
            ChangeTag::Equal => run.join(" "),
            ChangeTag::Delete => format!("[-{}-]", run.join(" ")),
            ChangeTag::Insert => format!("{{+{}+}}", run.join(" ")),
        });
        i = j;
    }
    parts.join(" ")
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let min_similarity = rule.number("min-similarity", 0.65);
    let min_words = rule.number("min-words", 6.0).max(1.0) as usize;
    let mut found: Vec<Found> = Vec::new();
    for (article, a) in cx.articles.iter().enumerate() {
        for quote in quotes(&a.text) {
            let words = quote.words(&a.text);
            if words.len() < min_words {
                continue;
            }
            let (speaker, claims) = speaker_and_claims(cx, article, &quote);
            found.push(Found {
                article,
                quote,
                words,
                speaker,
                claims,
            });
        }
    }
    // Renderings: quotes equal word for word, compared once as a group, so that one outlet's
    // version against five that agree is one finding, not five.
    let mut by_words: BTreeMap<&[String], Vec<usize>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        by_words.entry(&f.words).or_default().push(i);
    }
    let mut renderings: Vec<Vec<usize>> = by_words.into_values().collect();
    renderings.sort();
    // Block on the longer words; skip the ones too common to tell quotes apart.
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (r, members) in renderings.iter().enumerate() {
        let distinct: BTreeSet<&str> = found[members[0]]
            .words
            .iter()
            .map(String::as_str)
            .filter(|w| w.chars().count() >= 4)
            .collect();
        for word in distinct {
            index.entry(word).or_default().push(r);
        }
    }
    let articles_of =
        |r: usize| -> BTreeSet<usize> { renderings[r].iter().map(|&i| found[i].article).collect() };
    let speaker_of = |r: usize| renderings[r].iter().find_map(|&i| found[i].speaker.clone());
    // Renderings sharing at least `MIN_SHARED_WORDS` blocking words are aligned; fewer cannot
    // make one quote.
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for members in index.values().filter(|m| m.len() <= COMMON_WORD_QUOTES) {
        for (k, &r) in members.iter().enumerate() {
            for &q in &members[k + 1..] {
                *shared.entry((r, q)).or_default() += 1;
            }
        }
    }
    let candidates = shared
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_WORDS)
        .map(|(pair, _)| pair)
        .filter(|&(r, q)| {
            let (ra, rb) = (articles_of(r), articles_of(q));
            let same = ra.len() == 1 && ra == rb;
            let across = ra.union(&rb).count() > 1;
            (same && rule.spec.applies_to.admits(true))
                || (across && rule.spec.applies_to.admits(false))
        });
    let ids = |r: usize| -> String {
        let ids: Vec<&str> = articles_of(r)
            .into_iter()
            .map(|a| cx.articles[a].id.as_str())
            .collect();
        ids.join(", ")
    };
    let mut findings = Vec::new();
    for (r, q) in candidates {
        let (a, b) = (&found[renderings[r][0]], &found[renderings[q][0]]);
        let (speaker_a, speaker_b) = (speaker_of(r), speaker_of(q));
        if let (Some(x), Some(y)) = (&speaker_a, &speaker_b) {
            if !same_entity(x, y) {
                continue;
            }
        }
        // The alignment cannot match more words than the two quotes have in common.
        let common = common_words(&as_strs(&a.words), &as_strs(&b.words));
        let shorter = a.words.len().min(b.words.len()).max(1);
        if common < min_words || (common as f64 / shorter as f64) < min_similarity {
            continue;
        }
        let alignment = compare(&a.words, &b.words);
        let changes = &alignment.changes;
        let changed = changed_runs(changes);
        if alignment.matched < min_words
            || alignment.share < min_similarity
            || alignment.overlap < min_similarity
            || changed == 0
        {
            continue;
        }
        let speaker = speaker_a
            .or(speaker_b)
            .map_or(String::new(), |s| format!(" of {s}"));
        let message = format!(
            "a quote{speaker} reads differently in {} and in {} ({changed} change{}): {}",
            ids(r),
            ids(q),
            if changed == 1 { "" } else { "s" },
            render(changes)
        );
        let mut evidence = Vec::new();
        let mut claims: Vec<ClaimRef> = Vec::new();
        for &i in renderings[r].iter().chain(&renderings[q]) {
            let f = &found[i];
            let article = &cx.articles[f.article];
            evidence.push(Evidence::new(
                &article.id,
                f.quote.span,
                &article.text,
                format!("quoted in {}", article.id),
            ));
            claims.extend(&f.claims);
        }
        let mut finding = discrepancy(cx, rule, message, &claims, evidence, false);
        let key_a = a.words.join(" ");
        let key_b = b.words.join(" ");
        finding.fingerprint =
            cx.fingerprint(&[rule.spec.code.as_str(), key_a.as_str(), key_b.as_str()]);
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::quote::words;

    fn diff(a: &str, b: &str) -> (f64, String) {
        let (a, b) = (words(a), words(b));
        let alignment = compare(&a, &b);
        (alignment.share, render(&alignment.changes))
    }

    #[test]
    fn common_words_bound_the_alignment() {
        let a = words("we will not give up, we will not stop");
        let b = words("we will never stop and we will not give up");
        let common = common_words(&as_strs(&a), &as_strs(&b));
        assert_eq!(common, 8);
        assert!(compare(&a, &b).matched <= common);
    }

    #[test]
    fn a_few_shared_words_around_a_long_change_are_two_quotes() {
        let (a, b) = (
            words("I don't want to be photographed in my old age"),
            words("I don't want to comment in that direction"),
        );
        let alignment = compare(&a, &b);
        assert!(alignment.overlap < 0.65, "{}", alignment.overlap);
        let (a, b) = (
            words("Greece is a unique and particular case in the EU"),
            words(
                "Greece is also a country with the highest degree of poverty outside of Latvia \
                 in the whole of Europe, and it is a country in which a great deal of money was made",
            ),
        );
        assert!(compare(&a, &b).overlap < 0.65);
    }

    #[test]
    fn a_changed_word_shows_in_the_diff() {
        let (share, shown) = diff(
            "What we have seen repeatedly is that Russia goes through the pretence",
            "What we have witnessed repeatedly is that Russia goes through the pretence",
        );
        assert!(share > 0.8);
        assert_eq!(
            shown,
            "what we have [-seen-] {+witnessed+} repeatedly is that …"
        );
    }

    #[test]
    fn split_and_joined_words_are_not_changes() {
        let (a, b) = (
            words("This vulnerability is being exploited by cyber criminals and getting worse"),
            words("This vulnerability is being exploited by cybercriminals and getting worse"),
        );
        assert_eq!(changed_runs(&compare(&a, &b).changes), 0);
        let (a, b) = (
            words("We have received people with injuries suffered when the walls collapsed"),
            words("We have received people with injuries sustained when the walls collapsed"),
        );
        assert_eq!(changed_runs(&compare(&a, &b).changes), 1);
    }

    #[test]
    fn spellings_and_initials_are_not_changes() {
        let (a, b) = (
            words(
                "Police locked down the neighbourhood and told all Internet Explorer users to wait",
            ),
            words("Police locked down the neighborhood and told all IE users to wait"),
        );
        assert_eq!(changed_runs(&compare(&a, &b).changes), 0);
        let (a, b) = (
            words(
                "Police locked down the neighbourhood and told all Internet Explorer users to wait",
            ),
            words("Police locked down the street and told all IT users to wait"),
        );
        assert_eq!(changed_runs(&compare(&a, &b).changes), 2);
    }

    #[test]
    fn a_fragment_is_not_a_change() {
        let (share, shown) = diff(
            "we are not going to let Russia dictate in any way what is in our interests",
            "not going to let Russia dictate in any way",
        );
        assert_eq!(share, 1.0);
        assert!(!shown.contains("[-") && !shown.contains("{+"), "{shown}");
    }

    #[test]
    fn case_and_apostrophes_are_not_changes() {
        let (_, shown) = diff("We’ve seen it, he", "we've seen it he");
        assert!(!shown.contains("[-"), "{shown}");
    }
}
