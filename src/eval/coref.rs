//! Gold cross-document coreference, to tell which perturbation candidates a person confirmed.
//!
//! The perturbation generator calls a fact corroborated when another article of the subcluster
//! states the same value anywhere (`eval::perturb`): it needs no annotation, so it runs on any
//! clustered corpus, but "Friday" in two articles may date two things. ECB+ comes with a gold
//! annotation in which people linked the mentions of one time, one participant and one action
//! across the articles of a topic (cross-document coreference chains). Given that file, the
//! evaluation also reports recall on the changes whose span a person linked to a mention in
//! another article of the same subcluster: facts known to be stated twice, so the misses there
//! are the checker's, not the generator's.
//!
//! Only the chains of a mention's own family count: a time expression for a moved date, a human
//! or non-human participant for a swapped one, an action for a negated assertion. ECB+
//! annotates no quantities, so changed numbers have no confirmed subset. Coreference was
//! annotated carefully only in some sentences of each article, so the confirmed changes are a
//! subset of the candidates, not a replacement for them.
//!
//! The file is JSON Lines, one article a line: `id` and `mentions`, each with `type`, `field`,
//! code-point `start`/`end` into that field, `chain` and `chain_relation`. Mentions outside the
//! article's `text` field (title, URL) are left out; a mention whose offsets do not fit the text
//! is an error of its line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::eval::byte_offsets;
use crate::eval::perturb::{ChangeKind, Corpus, PerturbError, numbered_lines, read_text};
use crate::text::span::Span;

/// The kind of thing a gold mention names, as far as a change is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// A time expression (`TIME_*`).
    Time,
    /// A human or non-human participant (`HUMAN_PART*`, `NON_HUMAN_PART*`).
    Participant,
    /// An action or its negation (`ACTION_*`, `NEG_ACTION_*`).
    Action,
    /// Anything else (locations, ...).
    Other,
}

impl Family {
    fn of(kind: &str) -> Family {
        let kind = kind.strip_prefix("NEG_").unwrap_or(kind);
        if kind.starts_with("TIME_") {
            Family::Time
        } else if kind.starts_with("HUMAN_PART") || kind.starts_with("NON_HUMAN_PART") {
            Family::Participant
        } else if kind.starts_with("ACTION_") {
            Family::Action
        } else {
            Family::Other
        }
    }

    /// The family a change of `kind` must hit, if the annotation has one.
    fn of_change(kind: ChangeKind) -> Option<Family> {
        match kind {
            ChangeKind::Date => Some(Family::Time),
            ChangeKind::Participant => Some(Family::Participant),
            ChangeKind::Negation => Some(Family::Action),
            ChangeKind::Number => None,
        }
    }
}

/// One gold mention in a cross-document chain.
#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    family: Family,
    chain: String,
}

/// The cross-document chains of a gold annotation, by article.
#[derive(Debug, Default)]
pub struct GoldLinks {
    /// Each corpus article's mentions that belong to a cross-document chain (by article index).
    mentions: BTreeMap<usize, Vec<Mention>>,
    /// The articles (indices) each chain has a mention in.
    chain_articles: BTreeMap<String, BTreeSet<usize>>,
    /// Annotated articles the corpus does not have.
    pub unknown_articles: usize,
}

/// What reading a gold file gave: the links of its good lines and an error per bad line.
#[derive(Debug, Default)]
pub struct GoldRead {
    /// The links.
    pub links: GoldLinks,
    /// One error a bad line.
    pub errors: Vec<PerturbError>,
}

#[derive(Deserialize)]
struct Line {
    id: String,
    mentions: Vec<RawMention>,
}

#[derive(Deserialize)]
struct RawMention {
    #[serde(rename = "type")]
    kind: String,
    field: Option<String>,
    start: usize,
    end: usize,
    chain: Option<String>,
    chain_relation: Option<String>,
}

impl GoldLinks {
    /// Reads the gold annotation at `path` for the articles of `corpus`. A line that is not an
    /// annotation object, or whose offsets do not fit its article's text, is an error; the other
    /// lines are still read.
    pub fn read(path: &Path, corpus: &Corpus) -> Result<GoldRead, PerturbError> {
        let (name, text) = read_text(path)?;
        let index: BTreeMap<&str, usize> = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut read = GoldRead::default();
        for (n, line) in numbered_lines(&text) {
            let bad = |message: String| PerturbError::at(&name, n, message);
            let parsed: Line = match serde_json::from_str(line) {
                Ok(parsed) => parsed,
                Err(e) => {
                    read.errors.push(bad(format!(
                        "expected an annotation object {{\"id\", \"mentions\"}}: {e}"
                    )));
                    continue;
                }
            };
            let Some(&article) = index.get(parsed.id.as_str()) else {
                read.links.unknown_articles += 1;
                continue;
            };
            match mentions_of(&parsed, &corpus.articles[article].text) {
                Ok(mentions) => {
                    for m in &mentions {
                        read.links
                            .chain_articles
                            .entry(m.chain.clone())
                            .or_default()
                            .insert(article);
                    }
                    read.links.mentions.insert(article, mentions);
                }
                Err(message) => read.errors.push(bad(message)),
            }
        }
        Ok(read)
    }

    /// Whether a person linked the span a change of `kind` replaces in article `article` to a
    /// mention in another of the articles `members` (its subcluster).
    pub fn confirms(
        &self,
        kind: ChangeKind,
        article: usize,
        span: Span,
        members: &[usize],
    ) -> bool {
        let Some(family) = Family::of_change(kind) else {
            return false;
        };
        self.mentions.get(&article).is_some_and(|mentions| {
            mentions
                .iter()
                .filter(|m| m.family == family && m.span.overlaps(span))
                .any(|m| {
                    self.chain_articles.get(&m.chain).is_some_and(|articles| {
                        articles
                            .iter()
                            .any(|&other| other != article && members.contains(&other))
                    })
                })
        })
    }

    /// Whether the annotation can confirm changes of `kind` at all.
    pub fn covers(kind: ChangeKind) -> bool {
        Family::of_change(kind).is_some()
    }
}

/// The cross-document mentions of one annotated article, with byte spans into `text`.
fn mentions_of(line: &Line, text: &str) -> Result<Vec<Mention>, String> {
    let offsets = byte_offsets(text);
    let mut out = Vec::new();
    for m in &line.mentions {
        if m.field.as_deref() != Some("text") {
            continue;
        }
        let bounds = offsets.get(m.start).zip(offsets.get(m.end));
        let Some((&start, &end)) = bounds.filter(|(s, e)| s <= e) else {
            return Err(format!(
                "mention {}..{} of `{}` does not fit its article's text ({} characters)",
                m.start,
                m.end,
                line.id,
                offsets.len() - 1
            ));
        };
        let (Some(chain), Some("CROSS_DOC_COREF")) = (&m.chain, m.chain_relation.as_deref()) else {
            continue;
        };
        out.push(Mention {
            span: Span::new(start, end),
            family: Family::of(&m.kind),
            chain: chain.clone(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_follow_the_mention_types() {
        assert_eq!(Family::of("TIME_DATE"), Family::Time);
        assert_eq!(Family::of("HUMAN_PART_PER"), Family::Participant);
        assert_eq!(Family::of("NON_HUMAN_PART_GENERIC"), Family::Participant);
        assert_eq!(Family::of("ACTION_OCCURRENCE"), Family::Action);
        assert_eq!(Family::of("NEG_ACTION_STATE"), Family::Action);
        assert_eq!(Family::of("LOC_GEO"), Family::Other);
    }

    #[test]
    fn code_points_become_bytes_and_other_fields_are_left_out() {
        let line: Line = serde_json::from_str(
            r#"{"id":"a","mentions":[
                {"type":"TIME_DATE","field":"text","start":8,"end":14,"chain":"T1","chain_relation":"CROSS_DOC_COREF"},
                {"type":"TIME_DATE","field":"title","start":0,"end":3,"chain":"T1","chain_relation":"CROSS_DOC_COREF"},
                {"type":"ACTION_OCCURRENCE","field":"text","start":0,"end":4,"chain":"INTRA_a_1","chain_relation":"INTRA_DOC_COREF"}]}"#,
        )
        .unwrap();
        let mentions = mentions_of(&line, "Café on Friday.").unwrap();
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].span, Span::new(9, 15));
        assert_eq!(mentions[0].family, Family::Time);
        assert!(mentions_of(&line, "Short").is_err());
    }
}
