//! Claim-level diff between two versions of one article (DESIGN.md, "Version diff").
//!
//! Both versions go through the same per-article analysis as `check` (`pipeline::Analyzer`),
//! in parallel. Their sentences are then aligned ([`align`]: patience diff, moves, splits and
//! merges), the claims of each changed block paired and compared ([`classify`]), and every
//! difference becomes a [`Change`] with a [`Class`]: factual, attribution, hedge or wording.
//! Sentences whose text did not change are not compared: a diff reports what an editor changed,
//! and a value that moved only because of context elsewhere (a relative date re-anchored) is
//! reported at the edit that moved it.
//!
//! - [`model`]: the change types every renderer prints;
//! - [`align`]: sentence alignment and word-level diffs;
//! - [`classify`]: claim pairing and field comparison;
//! - [`note`]: correction notes that accept changes;
//! - [`render`]: the output formats.

pub mod align;
pub mod classify;
pub mod model;
pub mod note;
pub mod render;

use std::collections::{HashMap, HashSet};

pub use model::{
    Change, ChangeKind, Class, Excerpt, Field, FieldChange, Summary, Version, VersionDiff,
};

use crate::claim::Claim;
use crate::input::Article;
use crate::lexicon::{Cues, Lexicon, verb_forms};
use crate::pipeline::{Analysis, Analyzer};
use crate::text::span::Span;
use align::Block;

/// Analyzes two versions, in parallel when they differ, once when they are the same text.
pub fn analyze_pair(analyzer: &Analyzer, old: &Article, new: &Article) -> (Analysis, Analysis) {
    if old.text == new.text && old.meta.published == new.meta.published {
        let analysis = analyzer.analyze(old);
        let mut copy = analysis.clone();
        copy.id.clone_from(&new.id);
        return (analysis, copy);
    }
    std::thread::scope(|scope| {
        let handle = scope.spawn(|| analyzer.analyze(old));
        let new_analysis = analyzer.analyze(new);
        // A panic in the analyzer is a bug; re-raise it on this thread.
        let old_analysis = handle
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (old_analysis, new_analysis)
    })
}

/// Analyzes every version, on every core, for a history of versions.
pub fn analyze_all(analyzer: &Analyzer, versions: &[Article]) -> Vec<Analysis> {
    let threads = crate::pipeline::parallel::threads(None);
    crate::pipeline::parallel::map_in_order(versions, threads, |a| analyzer.analyze(a), |_| {})
}

/// The diff of two versions: analyzes both, then [`compare`]s them.
pub fn diff(analyzer: &Analyzer, old: &Article, new: &Article) -> VersionDiff {
    let (a, b) = analyze_pair(analyzer, old, new);
    compare(analyzer, old, &a, new, &b)
}

/// One version with its analysis, indexed for the diff.
struct Side<'a> {
    text: &'a str,
    analysis: &'a Analysis,
    /// Claims by sentence index.
    claims: Vec<Vec<&'a Claim>>,
}

impl<'a> Side<'a> {
    fn new(article: &'a Article, analysis: &'a Analysis) -> Side<'a> {
        let by_start: HashMap<usize, usize> = analysis
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (s.span.start, i))
            .collect();
        let mut claims: Vec<Vec<&Claim>> = vec![Vec::new(); analysis.sentences.len()];
        for claim in &analysis.claims {
            if let Some(&i) = by_start.get(&claim.sentence.start) {
                claims[i].push(claim);
            }
        }
        // A number an event claim carries is one fact: its count claim is not a second change.
        // Only the claims of its own sentence can carry it, so each is read against those.
        for sentence in &mut claims {
            let all = sentence.clone();
            sentence.retain(|c| !c.restates_event_count(all.iter().copied()));
        }
        Side {
            text: &article.text,
            analysis,
            claims,
        }
    }

    fn sentence(&self, i: usize) -> &'a str {
        self.analysis.sentences[i].span.slice(self.text)
    }

    fn excerpt(&self, indices: &[usize]) -> Option<Excerpt> {
        let span = align::cover(indices.iter().map(|&i| self.analysis.sentences[i].span))?;
        Some(Excerpt::new(self.text, span))
    }

    fn claims_of(&self, indices: &[usize]) -> Vec<&'a Claim> {
        indices
            .iter()
            .flat_map(|&i| self.claims[i].iter().copied())
            .collect()
    }
}

/// The diff of two analyzed versions (`analyzer` gives the cue words of the lexicon).
pub fn compare(
    analyzer: &Analyzer,
    old: &Article,
    old_analysis: &Analysis,
    new: &Article,
    new_analysis: &Analysis,
) -> VersionDiff {
    let context = Context::new(&analyzer.lexicon);
    let a = Side::new(old, old_analysis);
    let b = Side::new(new, new_analysis);
    let old_sentences: Vec<&str> = (0..old_analysis.sentences.len())
        .map(|i| a.sentence(i))
        .collect();
    let new_sentences: Vec<&str> = (0..new_analysis.sentences.len())
        .map(|i| b.sentence(i))
        .collect();
    let mut changes = Vec::new();
    for block in align::align(&old_sentences, &new_sentences) {
        block_changes(&block, &a, &b, &context, &mut changes);
    }
    pair_moved_claims(&mut changes);
    VersionDiff {
        old: Version {
            id: old.id.clone(),
            origin: old.origin.clone(),
        },
        new: Version {
            id: new.id.clone(),
            origin: new.origin.clone(),
        },
        summary: Summary::count(
            old_analysis.claims.len(),
            new_analysis.claims.len(),
            &changes,
        ),
        changes,
        note: None,
    }
}

fn block_changes(
    block: &Block,
    a: &Side<'_>,
    b: &Side<'_>,
    context: &Context<'_>,
    out: &mut Vec<Change>,
) {
    match block {
        Block::Moved(i, j) => out.push(Change {
            class: Class::Wording,
            change: ChangeKind::Changed,
            message: format!("sentence moved (sentence {} → {})", i + 1, j + 1),
            fields: vec![FieldChange {
                field: Field::Position,
                old: Some(format!("sentence {}", i + 1)),
                new: Some(format!("sentence {}", j + 1)),
            }],
            claim: None,
            old: a.excerpt(&[*i]),
            new: b.excerpt(&[*j]),
            words: Vec::new(),
        }),
        Block::Removed(i) => one_sided(a, *i, ChangeKind::Removed, out),
        Block::Added(j) => one_sided(b, *j, ChangeKind::Added, out),
        Block::Edited(olds, news) => edited(olds, news, a, b, context, out),
    }
}

/// A sentence only one version has: each of its claims added or removed, or a wording change
/// when no claim was read from it.
fn one_sided(side: &Side<'_>, i: usize, kind: ChangeKind, out: &mut Vec<Change>) {
    let excerpt = side.excerpt(&[i]);
    let (old, new) = match kind {
        ChangeKind::Removed => (excerpt, None),
        _ => (None, excerpt),
    };
    let claims = &side.claims[i];
    if claims.is_empty() {
        out.push(Change {
            class: Class::Wording,
            change: kind,
            message: format!("sentence {} (no claim read from it)", kind.as_str()),
            fields: Vec::new(),
            claim: None,
            old,
            new,
            words: Vec::new(),
        });
        return;
    }
    for claim in claims {
        out.push(claim_change(
            claim,
            side.text,
            kind,
            old.clone(),
            new.clone(),
            Vec::new(),
        ));
    }
}

fn claim_change(
    claim: &Claim,
    text: &str,
    kind: ChangeKind,
    old: Option<Excerpt>,
    new: Option<Excerpt>,
    words: Vec<model::Words>,
) -> Change {
    let description = classify::describe(claim, text);
    let (field_old, field_new) = match kind {
        ChangeKind::Removed => (Some(description.clone()), None),
        _ => (None, Some(description.clone())),
    };
    Change {
        class: Class::Factual,
        change: kind,
        message: format!("claim {}: {description}", kind.as_str()),
        fields: vec![FieldChange {
            field: Field::Claim,
            old: field_old,
            new: field_new,
        }],
        claim: Some(description),
        old,
        new,
        words,
    }
}

/// Sentences rewritten: pair their claims and report each difference; a rewording when none.
fn edited(
    olds: &[usize],
    news: &[usize],
    a: &Side<'_>,
    b: &Side<'_>,
    context: &Context<'_>,
    out: &mut Vec<Change>,
) {
    let old_excerpt = a.excerpt(olds);
    let new_excerpt = b.excerpt(news);
    let words = match (&old_excerpt, &new_excerpt) {
        (Some(o), Some(n)) => align::words(&o.text, &n.text),
        _ => Vec::new(),
    };
    let old_block = old_excerpt.as_ref().map_or("", |e| e.text.as_str());
    let new_block = new_excerpt.as_ref().map_or("", |e| e.text.as_str());
    let old_claims = a.claims_of(olds);
    let new_claims = b.claims_of(news);
    let (pairs, lone_old, lone_new) = classify::pair(&old_claims, &new_claims);
    let before = out.len();
    for (i, j) in pairs {
        let fields = classify::compare(
            old_claims[i],
            new_claims[j],
            (a.text, old_block),
            (b.text, new_block),
        );
        let Some(class) = fields.iter().map(|f| f.field.class()).max() else {
            continue;
        };
        let description = classify::describe(new_claims[j], b.text);
        let detail = FieldChange::summary(&fields);
        out.push(Change {
            class,
            change: ChangeKind::Changed,
            message: format!("{} changed: {detail}", old_claims[i].event.predicate),
            fields,
            claim: Some(description),
            old: old_excerpt.clone(),
            new: new_excerpt.clone(),
            words: words.clone(),
        });
    }
    for i in lone_old {
        if let Some(change) = context.unknown_verb(
            old_claims[i],
            (a.text, old_excerpt.as_ref()),
            (new_block, new_excerpt.as_ref()),
            &words,
            true,
        ) {
            out.push(change);
            continue;
        }
        out.push(claim_change(
            old_claims[i],
            a.text,
            ChangeKind::Removed,
            old_excerpt.clone(),
            new_excerpt.clone(),
            words.clone(),
        ));
    }
    for j in lone_new {
        if let Some(change) = context.unknown_verb(
            new_claims[j],
            (b.text, new_excerpt.as_ref()),
            (old_block, old_excerpt.as_ref()),
            &words,
            false,
        ) {
            out.push(change);
            continue;
        }
        out.push(claim_change(
            new_claims[j],
            b.text,
            ChangeKind::Added,
            old_excerpt.clone(),
            new_excerpt.clone(),
            words.clone(),
        ));
    }
    if out.len() == before
        && let Some(field) =
            loose_values(a, old_excerpt.as_ref(), b, new_excerpt.as_ref()).or_else(|| {
                let all: Vec<&Claim> = old_claims.iter().chain(&new_claims).copied().collect();
                classify::cue_change(context.cues, old_block, new_block, &all)
            })
    {
        let class = field.field.class();
        out.push(Change {
            class,
            change: ChangeKind::Changed,
            message: format!(
                "{} changed: {} → {} (no claim reads it)",
                field.field.as_str(),
                field.old.as_deref().unwrap_or("none"),
                field.new.as_deref().unwrap_or("none")
            ),
            fields: vec![field],
            claim: None,
            old: old_excerpt.clone(),
            new: new_excerpt.clone(),
            words: words.clone(),
        });
    }
    if out.len() == before {
        let message = match (olds.len(), news.len()) {
            (1, 1) => "reworded, same claims".to_string(),
            (1, n) => format!("sentence split in {n}, same claims"),
            (n, 1) => format!("{n} sentences merged into one, same claims"),
            (m, n) => format!("{m} sentences rewritten as {n}, same claims"),
        };
        out.push(Change {
            class: Class::Wording,
            change: ChangeKind::Changed,
            message,
            fields: Vec::new(),
            claim: None,
            old: old_excerpt,
            new: new_excerpt,
            words,
        });
    }
}

/// The span of a change in the new version, else in the old one (for sorting and locations).
pub fn primary_span(change: &Change) -> Option<Span> {
    change
        .new
        .as_ref()
        .or(change.old.as_ref())
        .map(Excerpt::span)
}

/// What the comparison of blocks needs from the lexicon.
struct Context<'a> {
    cues: &'a Cues,
    /// Every word form the lexicon reads as an event (verbs inflected, forms, nouns), lowercase.
    event_words: HashSet<String>,
}

impl<'a> Context<'a> {
    fn new(lexicon: &'a Lexicon) -> Context<'a> {
        let mut event_words = HashSet::new();
        for event in &lexicon.events {
            for verb in &event.verbs {
                event_words.extend(verb_forms(verb));
            }
            event_words.extend(event.forms.iter().map(|f| f.to_lowercase()));
            event_words.extend(event.nouns.iter().map(|f| f.to_lowercase()));
        }
        Context {
            cues: &lexicon.cues,
            event_words,
        }
    }

    /// A claim only one side has because its event word was replaced, one word for one, by a
    /// word the lexicon does not know as an event ("killed" → "murdered"), while everything else
    /// the claim says is still written on the other side: the claim cannot be read there, but
    /// nothing it stated was taken back. Reported as a wording change naming both words.
    /// `removed` says whether `claim` is the old side's.
    fn unknown_verb(
        &self,
        claim: &Claim,
        (text, excerpt): (&str, Option<&Excerpt>),
        (other_block, other_excerpt): (&str, Option<&Excerpt>),
        words: &[model::Words],
        removed: bool,
    ) -> Option<Change> {
        use model::WordOp;
        let excerpt = excerpt?;
        let trigger = claim.event.span.slice(text);
        let at = claim.event.span.start.checked_sub(excerpt.start)?;
        // Walk the word diff on this claim's side to the op that holds the trigger.
        let (mine, theirs) = if removed {
            (WordOp::Delete, WordOp::Insert)
        } else {
            (WordOp::Insert, WordOp::Delete)
        };
        let mut position = 0;
        let mut found = None;
        for (k, w) in words.iter().enumerate() {
            if w.op == theirs {
                continue;
            }
            let end = position + w.text.len();
            if position <= at && at < end {
                if w.op == mine && w.text.trim() == trigger {
                    found = Some(k);
                }
                break;
            }
            position = end;
        }
        let k = found?;
        // The replacement stands right after (old side) or right before (new side).
        let other = if removed {
            words.get(k + 1)
        } else {
            k.checked_sub(1).and_then(|i| words.get(i))
        }?;
        let replacement = other.text.trim();
        if other.op != theirs
            || replacement.is_empty()
            || !replacement.chars().all(char::is_alphabetic)
            || self.event_words.contains(&replacement.to_lowercase())
        {
            return None;
        }
        let own_block = excerpt.text.as_str();
        let material = claim
            .participants
            .iter()
            .map(|p| p.span)
            .chain(claim.time.iter().map(|t| t.span))
            .chain(claim.quantities.iter().map(|q| q.span));
        let still = material.into_iter().all(|span| {
            let written = span.slice(text);
            classify::count_words(other_block, written) >= classify::count_words(own_block, written)
        });
        if !still {
            return None;
        }
        let (old_word, new_word) = if removed {
            (trigger, replacement)
        } else {
            (replacement, trigger)
        };
        let description = classify::describe(claim, text);
        let (old, new) = if removed {
            (Some(excerpt.clone()), other_excerpt.cloned())
        } else {
            (other_excerpt.cloned(), Some(excerpt.clone()))
        };
        Some(Change {
            class: Class::Wording,
            change: ChangeKind::Changed,
            message: format!(
                "event word `{old_word}` → `{new_word}` (not an event word of the lexicon; the rest of the claim stands)"
            ),
            fields: vec![FieldChange {
                field: Field::Event,
                old: Some(old_word.to_string()),
                new: Some(new_word.to_string()),
            }],
            claim: Some(description),
            old,
            new,
            words: words.to_vec(),
        })
    }
}

/// Times and numbers of a block that no claim holds: when the claims show no difference, a
/// date or a number the sentences state differently is still a factual change. Times compare
/// by value, and only when a time expression's text is gone (so a re-anchored "Friday" that
/// is still written is no change); numbers compare by value and bound (so "two cars" → "two
/// vehicles" is none).
fn loose_values(
    a: &Side<'_>,
    old: Option<&Excerpt>,
    b: &Side<'_>,
    new: Option<&Excerpt>,
) -> Option<FieldChange> {
    let (old, new) = (old?, new?);
    let (old_span, new_span) = (old.span(), new.span());
    let times = |side: &Side<'_>, span: Span| -> Vec<(String, String)> {
        let mut t: Vec<(String, String)> = side
            .analysis
            .times
            .iter()
            .filter(|t| span.contains(t.span))
            .map(|t| {
                let written = t.span.slice(side.text).trim();
                // Digits as written too (see `classify::compare`).
                (
                    format!("{}|{}", t.value, classify::digits(written)),
                    written.to_string(),
                )
            })
            .collect();
        t.sort();
        t
    };
    let (old_times, new_times) = (times(a, old_span), times(b, new_span));
    let values = |t: &[(String, String)]| t.iter().map(|(v, _)| v.clone()).collect::<Vec<_>>();
    if values(&old_times) != values(&new_times) {
        let gone: Vec<&str> = old_times
            .iter()
            .filter(|(_, w)| {
                classify::count_words(&new.text, w) < classify::count_words(&old.text, w)
            })
            .map(|(_, w)| w.as_str())
            .collect();
        let came: Vec<&str> = new_times
            .iter()
            .filter(|(_, w)| {
                classify::count_words(&old.text, w) < classify::count_words(&new.text, w)
            })
            .map(|(_, w)| w.as_str())
            .collect();
        if !gone.is_empty() || !came.is_empty() {
            return Some(FieldChange {
                field: Field::Time,
                old: (!gone.is_empty()).then(|| gone.join(", ")),
                new: (!came.is_empty()).then(|| came.join(", ")),
            });
        }
    }
    let numbers = |side: &Side<'_>, span: Span| -> Vec<(String, String)> {
        let mut q: Vec<(String, String)> = side
            .analysis
            .quantities
            .iter()
            .filter(|q| span.contains(q.span))
            .map(|q| {
                (
                    format!("{}:{:?}", q.value, q.bound),
                    q.span.slice(side.text).trim().to_string(),
                )
            })
            .collect();
        q.sort();
        q
    };
    let (old_numbers, new_numbers) = (numbers(a, old_span), numbers(b, new_span));
    if values(&old_numbers) != values(&new_numbers) {
        let only = |x: &[(String, String)], y: &[(String, String)]| -> Option<String> {
            let list: Vec<&str> = x
                .iter()
                .filter(|(v, _)| !y.iter().any(|(w, _)| w == v))
                .map(|(_, t)| t.as_str())
                .collect();
            (!list.is_empty()).then(|| list.join(", "))
        };
        return Some(FieldChange {
            field: Field::Quantity,
            old: only(&old_numbers, &new_numbers),
            new: only(&new_numbers, &old_numbers),
        });
    }
    None
}

/// A claim removed in one place and the same claim (same predicate, participants, time,
/// quantities, polarity) added in another was moved, not changed: the two become one wording
/// change.
fn pair_moved_claims(changes: &mut Vec<Change>) {
    let is_claim = |c: &Change, kind: ChangeKind| {
        c.change == kind && c.fields.len() == 1 && c.fields[0].field == Field::Claim
    };
    let mut merged: Vec<Option<Change>> = changes.drain(..).map(Some).collect();
    for i in 0..merged.len() {
        let Some(removed) = merged[i]
            .as_ref()
            .filter(|c| is_claim(c, ChangeKind::Removed))
        else {
            continue;
        };
        let claim = removed.claim.clone();
        let Some(j) = (0..merged.len()).find(|&j| {
            merged[j]
                .as_ref()
                .is_some_and(|c| is_claim(c, ChangeKind::Added) && c.claim == claim)
        }) else {
            continue;
        };
        let (Some(removed), Some(added)) = (merged[i].take(), merged[j].take()) else {
            continue;
        };
        let description = claim.unwrap_or_default();
        merged[j] = Some(Change {
            class: Class::Wording,
            change: ChangeKind::Changed,
            message: format!("claim moved: {description}"),
            fields: vec![FieldChange {
                field: Field::Position,
                old: removed.old.as_ref().map(|e| format!("byte {}", e.start)),
                new: added.new.as_ref().map(|e| format!("byte {}", e.start)),
            }],
            claim: Some(description),
            old: removed.old,
            new: added.new,
            words: Vec::new(),
        });
    }
    changes.extend(merged.into_iter().flatten());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulefiles;

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            origin: format!("{id}.txt"),
            text: text.to_string(),
            body_offset: 0,
            front_matter: String::new(),
            meta: crate::input::Metadata {
                published: "2022-11-20".parse().ok(),
                ..Default::default()
            },
        }
    }

    fn classes(old: &str, new: &str) -> Vec<Class> {
        let analyzer = Analyzer::new(&rulefiles::builtin()).unwrap();
        let d = diff(&analyzer, &article("old", old), &article("new", new));
        d.changes.iter().map(|c| c.class).collect()
    }

    const BASE: &str = "Police said the storm hit the town on Monday. \
        A Russian missile killed two people in Poland on Nov. 15. \
        The ministry had created the hotline in March to avoid conflict.";

    #[test]
    fn same_text_no_change() {
        assert!(classes(BASE, BASE).is_empty());
    }

    #[test]
    fn a_count_is_factual() {
        let new = BASE.replace("killed two", "killed three");
        assert_eq!(classes(BASE, &new).iter().max(), Some(&Class::Factual));
    }

    #[test]
    fn a_date_is_factual() {
        let new = BASE.replace("Nov. 15", "Nov. 12");
        assert_eq!(classes(BASE, &new).iter().max(), Some(&Class::Factual));
    }

    #[test]
    fn a_hedge_is_hedge() {
        let new = BASE.replace("missile killed", "missile reportedly killed");
        assert_eq!(classes(BASE, &new), vec![Class::Hedge]);
    }

    #[test]
    fn an_attribution_is_attribution() {
        let new = BASE.replace("on Nov. 15.", "on Nov. 15, according to Reuters.");
        assert_eq!(classes(BASE, &new).iter().max(), Some(&Class::Attribution));
    }

    #[test]
    fn a_synonym_a_move_and_a_split_are_wording() {
        let synonym = BASE.replace("avoid conflict", "prevent conflict");
        assert_eq!(classes(BASE, &synonym), vec![Class::Wording]);
        let moved = "A Russian missile killed two people in Poland on Nov. 15. \
            Police said the storm hit the town on Monday. \
            The ministry had created the hotline in March to avoid conflict.";
        assert!(classes(BASE, moved).iter().all(|c| *c == Class::Wording));
        let split = BASE.replace(
            "in March to avoid conflict.",
            "in March; it was meant to avoid conflict in the air.",
        );
        let split_new = split.replace("; it was", ". It was");
        assert_eq!(classes(&split, &split_new), vec![Class::Wording]);
    }
}
