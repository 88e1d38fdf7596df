//! Finding claims about the same event, across articles and inside one, without comparing every
//! pair.
//!
//! Blocking: every claim is filed under one key per participant — its predicate and the
//! participant's id and every entity the participant belongs to (the Pentagon files under the
//! United States too). Only claims sharing a block are compared, and inside a large block each
//! claim meets at most [`WINDOW`] neighbours in (time, article) order, so the work grows with the
//! number of claims, not its square. A pair then passes [`same_event`]: same predicate, a shared
//! participant, compatible people, and times no more than a year apart — look-alike events with
//! other participants or far-apart dates stay apart.

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::Claim;
use crate::lexicon::Lexicon;

/// How many neighbours a claim meets inside one block.
pub const WINDOW: usize = 48;

/// Days apart beyond which two dated claims are taken for different events.
pub const SAME_EVENT_MAX_GAP_DAYS: i64 = 366;

/// A claim by position: article index, claim index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    /// Index of the article.
    pub article: usize,
    /// Index of the claim in its article.
    pub claim: usize,
}

/// Two claims taken to be about the same event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// The earlier claim (by article, then position).
    pub a: ClaimRef,
    /// The later claim.
    pub b: ClaimRef,
}

impl Pair {
    /// Whether both claims come from one article.
    pub fn same_article(&self) -> bool {
        self.a.article == self.b.article
    }
}

/// The blocking keys of a claim.
fn keys(claim: &Claim, lexicon: &Lexicon) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for participant in &claim.participants {
        for id in ancestors(&participant.entity, lexicon) {
            keys.insert(format!("{}|{}", claim.event.predicate, surname_key(&id)));
        }
    }
    keys
}

/// A person id's surname ("joe-biden" → "biden"), so "Biden" and "Joe Biden" share a block.
fn surname_key(id: &str) -> String {
    if id.contains('/') || id.starts_with("outlet:") {
        return id.to_string();
    }
    id.rsplit('-').next().unwrap_or(id).to_string()
}

/// `id` and the entities it belongs to ("russia/defense-ministry" → "russia").
pub fn ancestors(id: &str, lexicon: &Lexicon) -> Vec<String> {
    let mut chain: Vec<String> = lexicon
        .ancestors(id)
        .into_iter()
        .map(str::to_string)
        .collect();
    if let Some((country, _)) = id.split_once('/') {
        for parent in lexicon.ancestors(country) {
            if !chain.iter().any(|c| c == parent) {
                chain.push(parent.to_string());
            }
        }
    }
    chain
}

/// Whether two person-or-entity ids may name the same entity: equal, or one a bare surname of
/// the other ("biden" and "joe-biden").
pub fn same_entity(a: &str, b: &str) -> bool {
    a == b
        || (!a.contains('-') && b.ends_with(&format!("-{a}")))
        || (!b.contains('-') && a.ends_with(&format!("-{b}")))
}

/// Whether two claims are about the same event.
pub fn same_event(a: &Claim, b: &Claim, lexicon: &Lexicon) -> bool {
    if a.event.predicate != b.event.predicate {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.object, &b.object) {
        if x != y {
            return false;
        }
    }
    let expand = |claim: &Claim| -> Vec<String> {
        claim
            .participants
            .iter()
            .flat_map(|p| ancestors(&p.entity, lexicon))
            .collect()
    };
    let (ids_a, ids_b) = (expand(a), expand(b));
    let shared = ids_a
        .iter()
        .any(|x| ids_b.iter().any(|y| same_entity(x, y)));
    if !shared {
        return false;
    }
    if let (Some(ia), Some(ib)) = (
        a.time.as_ref().and_then(|t| t.interval),
        b.time.as_ref().and_then(|t| t.interval),
    ) {
        if ia.gap_days(&ib) > SAME_EVENT_MAX_GAP_DAYS {
            return false;
        }
    }
    true
}

/// The pairs of claims about the same event, sorted, each once.
pub fn pairs(claims: &[Vec<Claim>], lexicon: &Lexicon) -> Vec<Pair> {
    let mut blocks: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (article, article_claims) in claims.iter().enumerate() {
        for (index, claim) in article_claims.iter().enumerate() {
            for key in keys(claim, lexicon) {
                blocks.entry(key).or_default().push(ClaimRef {
                    article,
                    claim: index,
                });
            }
        }
    }
    let get = |r: &ClaimRef| &claims[r.article][r.claim];
    let mut found = BTreeSet::new();
    for members in blocks.values_mut() {
        members.sort_by_key(|r| {
            let start = get(r)
                .time
                .as_ref()
                .and_then(|t| t.interval)
                .map(|i| i.start);
            (start, *r)
        });
        for (i, a) in members.iter().enumerate() {
            for b in members.iter().skip(i + 1).take(WINDOW) {
                let (a, b) = if a < b { (*a, *b) } else { (*b, *a) };
                if a == b || found.contains(&Pair { a, b }) {
                    continue;
                }
                if same_event(get(&a), get(&b), lexicon) {
                    found.insert(Pair { a, b });
                }
            }
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_match_full_names() {
        assert!(same_entity("biden", "joe-biden"));
        assert!(same_entity("joe-biden", "joe-biden"));
        assert!(!same_entity("joe-biden", "hunter-biden"));
        assert!(!same_entity("russia", "belarus"));
    }
}
