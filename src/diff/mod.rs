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

use std::collections::HashMap;

pub use model::{
    Change, ChangeKind, Class, Excerpt, Field, FieldChange, Summary, Version, VersionDiff,
};

use crate::claim::Claim;
use crate::input::Article;
use crate::lexicon::Cues;
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

/// Analyzes every version (two threads) for a history of versions.
pub fn analyze_all(analyzer: &Analyzer, versions: &[Article]) -> Vec<Analysis> {
    let half = versions.len().div_ceil(2);
    let (first, second) = versions.split_at(half);
    std::thread::scope(|scope| {
        let handle = scope.spawn(|| {
            second
                .iter()
                .map(|a| analyzer.analyze(a))
                .collect::<Vec<_>>()
        });
        let mut out: Vec<Analysis> = first.iter().map(|a| analyzer.analyze(a)).collect();
        out.extend(
            handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        out
    })
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
        let mut claims = vec![Vec::new(); analysis.sentences.len()];
        for claim in &analysis.claims {
            if let Some(&i) = by_start.get(&claim.sentence.start) {
                claims[i].push(claim);
            }
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
    let cues = &analyzer.lexicon.cues;
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
        block_changes(&block, &a, &b, cues, &mut changes);
    }
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

fn block_changes(block: &Block, a: &Side<'_>, b: &Side<'_>, cues: &Cues, out: &mut Vec<Change>) {
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
        Block::Edited(olds, news) => edited(olds, news, a, b, cues, out),
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
    cues: &Cues,
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
        let detail = fields
            .iter()
            .map(|f| {
                format!(
                    "{}: {} → {}",
                    f.field.as_str(),
                    f.old.as_deref().unwrap_or("none"),
                    f.new.as_deref().unwrap_or("none")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
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
        && let Some(field) = classify::cue_change(cues, old_block, new_block)
    {
        let class = field.field.class();
        out.push(Change {
            class,
            change: ChangeKind::Changed,
            message: format!(
                "{} cue changed: {} → {} (no claim reads it)",
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
