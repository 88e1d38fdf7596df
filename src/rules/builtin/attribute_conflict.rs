//! `attribute-conflict`: sources, or one article, give one entity different attributes.
//!
//! ## What it does
//! Compares attribute claims (see `claim::attribute`) of the same attribute and entity:
//! - **age**: two ages of one person differ by more than `age-tolerance` (default 1) plus the
//!   whole years between the articles' publication dates (articles without one are not
//!   compared); inside one article, by anything;
//! - **magnitude**: two magnitudes of the story's quake, as intervals with their bounds ("at
//!   least 5.9"), are further apart than `magnitude-tolerance` (default 0.2). Quakes have no
//!   name: across articles, two magnitude claims are of one quake when they share a place (the
//!   magnitude's own, else that of the event claims carrying its number) and the matcher pairs
//!   events of the two articles or both are dated, or when both articles are dated and the
//!   matcher pairs their events whatever places they name; and their dates (else their
//!   articles' publication dates) are at most `max-gap-days` (default 2) apart —
//!   undated magnitudes of two articles are not compared;
//! - **located-in**: two sources place one facility in different places, neither naming the
//!   other's place anywhere (which would make one inside the other: "Malibu, California"), both
//!   in the same form ("X in Y" or "Y's X": the possessive names a region as often as a town);
//! - **title**: one person given two titles neither of which contains the other ("Defense
//!   Secretary" and "Secretary of State"), when `compare-titles` is 1 (the default);
//! - **origin**: one weapon given two countries of origin neither of which the lexicon places
//!   in the other ("A Russian missile" against "the missile ... launched by Ukrainian air
//!   defense"). A weapon has no name, so two origin claims are of one weapon when, inside one
//!   article, they are of one sentence or of two sentences one after the other, and, across
//!   articles, when the matcher pairs an event claim of the one's sentence with an event claim
//!   of the other's ("A Russian missile struck Poland" and "A Ukrainian missile struck Poland").
//!
//! Attribute claims are not matched as events (see `matcher`), so no other rule reports the
//! same disagreement: one conflict, one finding.
//!
//! ## Blocking
//! Claims are filed under their attribute and entity key (a person's surname, a facility's
//! first word, a quake's places and article, and the days from its article's publication day
//! to `max-gap-days` after it, a weapon and its article), and only claims sharing a key are
//! compared; origins of two articles are compared only where the matcher pairs their
//! sentences' event claims, so a weapon every article names is no block of all of them.

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::attribute::value_span;
use crate::claim::{Claim, Modality, Role};
use crate::lexicon::EntityKind;
use crate::matcher::{ClaimRef, ancestors, same_entity};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "attribute-conflict",
    summary: "one entity given different ages, magnitudes, locations, titles or origins",
    parameters: &[
        ("age-tolerance", 1.0),
        ("magnitude-tolerance", 0.2),
        ("max-gap-days", 2.0),
        ("compare-titles", 1.0),
    ],
    run,
};

/// Small slack for comparing decimal magnitudes.
const EPSILON: f64 = 1e-9;

/// The rule's parameters.
struct Tolerances {
    age: f64,
    magnitude: f64,
    max_gap_days: i64,
    titles: bool,
}

/// The entity a claim is about: the agent (a person, a facility).
fn entity(claim: &Claim) -> Option<&str> {
    claim
        .participants
        .iter()
        .find(|p| p.role == Role::Agent)
        .map(|p| p.entity.as_str())
}

/// The places of a claim (a quake's, a facility's).
fn places(claim: &Claim) -> impl Iterator<Item = &str> {
    claim
        .participants
        .iter()
        .filter(|p| p.role == Role::Location)
        .map(|p| p.entity.as_str())
}

/// The places of a magnitude claim: its clause's, or, when the magnitude's own words name none
/// ("a preliminary magnitude of 4.6 was recorded in the North Bay", where the place is read by
/// the quake), the places of the article's event claims that carry the same number: where they
/// happened, or what was struck when the lexicon does not know it for a person or an
/// organization ("North Bay").
fn quake_places<'c>(cx: &'c Context<'_>, r: ClaimRef) -> Vec<&'c str> {
    let claim = cx.claim(r);
    let own: Vec<&str> = places(claim).collect();
    if !own.is_empty() {
        return own;
    }
    let spans: Vec<_> = claim.quantities.iter().map(|q| q.span).collect();
    let mut found: Vec<&str> = Vec::new();
    // A number is stated in one sentence: the claims carrying it are of that sentence.
    for (_, other) in cx.of_sentence(r) {
        if other.is_attribute() || !other.quantities.iter().any(|q| spans.contains(&q.span)) {
            continue;
        }
        let struck = |p: &&crate::claim::Participant| {
            p.role == Role::Location
                || (p.role == Role::Patient
                    && !cx.lexicon.entity(&p.entity).is_some_and(|e| {
                        matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                    }))
        };
        for place in other
            .participants
            .iter()
            .filter(struck)
            .map(|p| p.entity.as_str())
        {
            if !found.contains(&place) {
                found.push(place);
            }
        }
    }
    found
}

/// The keys a claim is filed under.
fn keys(cx: &Context<'_>, r: ClaimRef, claim: &Claim, max_gap_days: i64) -> Vec<String> {
    let predicate = &claim.event.predicate;
    match predicate.as_str() {
        "magnitude" => {
            let mut keys = vec![format!("magnitude|article:{}", r.article)];
            // Articles published on one day or a few days apart, which may tell of one quake
            // by places named apart: every day from the publication day to `max_gap_days`
            // after it, so two days at most that far apart share a key.
            if let Some(published) = cx.articles[r.article].meta.published {
                if published.day.is_some() {
                    let day = published.interval().start;
                    keys.extend(
                        (0..=max_gap_days.max(0))
                            .filter_map(|k| day.checked_add_days(chrono::Days::new(k as u64)))
                            .map(|d| format!("magnitude|published:{d}")),
                    );
                }
            }
            for place in quake_places(cx, r) {
                keys.extend(
                    ancestors(place, cx.lexicon)
                        .into_iter()
                        .map(|id| format!("magnitude|{id}")),
                );
            }
            keys
        }
        "located-in" => entity(claim)
            .and_then(|id| id.split('-').next())
            .map(|first| vec![format!("{predicate}|{first}")])
            .unwrap_or_default(),
        // A weapon has no name: inside its article only. Across articles the sentences the
        // matcher pairs give the candidates (`run`).
        "origin" => entity(claim)
            .map(|weapon| vec![format!("{predicate}|{weapon}|article:{}", r.article)])
            .unwrap_or_default(),
        _ => entity(claim)
            .and_then(|id| id.rsplit('-').next())
            .map(|last| vec![format!("{predicate}|{last}")])
            .unwrap_or_default(),
    }
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let tolerances = Tolerances {
        age: rule.number("age-tolerance", 1.0),
        magnitude: rule.number("magnitude-tolerance", 0.2),
        max_gap_days: rule.number("max-gap-days", 2.0) as i64,
        titles: rule.number("compare-titles", 1.0) != 0.0,
    };
    let mut blocks: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (article, claims) in cx.claims.iter().enumerate() {
        for (index, claim) in claims.iter().enumerate() {
            if !claim.is_attribute() {
                continue;
            }
            let r = ClaimRef {
                article,
                claim: index,
            };
            for key in keys(cx, r, claim, tolerances.max_gap_days) {
                blocks.entry(key).or_default().push(r);
            }
        }
    }
    // Articles whose events the matcher pairs: they tell one story.
    let linked: BTreeSet<(usize, usize)> = cx
        .pairs
        .iter()
        .filter(|p| !p.same_article())
        .map(|p| (p.a.article, p.b.article))
        .collect();
    // Sentences of two articles whose event claims the matcher pairs: they tell one event.
    // Only sentences stating an origin are asked about, so only theirs are kept.
    let mut origin_sentences: BTreeMap<SentenceRef, Vec<ClaimRef>> = BTreeMap::new();
    for &r in blocks.values().flatten() {
        if cx.claim(r).event.predicate == "origin" {
            origin_sentences
                .entry(sentence_of(cx, r))
                .or_default()
                .push(r);
        }
    }
    let told: BTreeSet<(SentenceRef, SentenceRef)> = if origin_sentences.is_empty() {
        BTreeSet::new()
    } else {
        cx.pairs
            .iter()
            .filter(|p| !p.same_article())
            .map(|p| (sentence_of(cx, p.a), sentence_of(cx, p.b)))
            .filter(|(a, b)| origin_sentences.contains_key(a) && origin_sentences.contains_key(b))
            .collect()
    };
    let mut candidates = BTreeSet::new();
    for members in blocks.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                let (a, b) = if a < b { (a, b) } else { (b, a) };
                if a != b && rule.spec.applies_to.admits(a.article == b.article) {
                    candidates.insert((a, b));
                }
            }
        }
    }
    if rule.spec.applies_to.admits(false) {
        for (sa, sb) in &told {
            for &a in &origin_sentences[sa] {
                for &b in &origin_sentences[sb] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let stories = Stories { linked, told };
    let mut reported = BTreeSet::new();
    let mut findings = Vec::new();
    for (a, b) in candidates {
        let Some(what) = conflict(cx, &tolerances, &stories, a, b) else {
            continue;
        };
        let (ca, cb) = (cx.claim(a), cx.claim(b));
        let text_a = value_span(ca)
            .slice(&cx.articles[a.article].text)
            .to_string();
        let text_b = value_span(cb)
            .slice(&cx.articles[b.article].text)
            .to_string();
        // The same two values restated in the same two articles are one conflict.
        if !reported.insert((
            a.article,
            b.article,
            what.clone(),
            text_a.to_lowercase(),
            text_b.to_lowercase(),
        )) {
            continue;
        }
        let message = format!(
            "{what}: \"{text_a}\" in {} against \"{text_b}\" in {}",
            cx.article_id(a),
            cx.article_id(b)
        );
        let label = |claim: &Claim| format!("states the {}", claim.event.predicate);
        let evidence = vec![
            cx.evidence(a, value_span(ca), label(ca)),
            cx.evidence(b, value_span(cb), label(cb)),
        ];
        let hedged = ca.modality == Modality::Hedged || cb.modality == Modality::Hedged;
        findings.push(discrepancy(cx, rule, message, &[a, b], evidence, hedged));
    }
    findings
}

/// A sentence of one article: the article and where the sentence starts.
type SentenceRef = (usize, usize);

/// The sentence a claim was read from.
fn sentence_of(cx: &Context<'_>, r: ClaimRef) -> SentenceRef {
    (r.article, cx.claim(r).sentence.start)
}

/// What the matcher's pairs say of the articles.
struct Stories {
    /// Pairs of articles (in order) whose events the matcher pairs: they tell one story.
    linked: BTreeSet<(usize, usize)>,
    /// Pairs of sentences (in the order of their articles) whose event claims the matcher
    /// pairs: they tell one event.
    told: BTreeSet<(SentenceRef, SentenceRef)>,
}

/// Whether two claims of one article are of one sentence or of two sentences one right after
/// the other.
fn same_or_next_sentence(cx: &Context<'_>, a: ClaimRef, b: ClaimRef) -> bool {
    let (sa, sb) = (cx.claim(a).sentence, cx.claim(b).sentence);
    let (first, second) = if sa.start <= sb.start {
        (sa, sb)
    } else {
        (sb, sa)
    };
    first == second
        || cx.articles[a.article]
            .text
            .get(first.end..second.start)
            .is_some_and(|between| between.trim().is_empty())
}

/// What two attribute claims disagree on ("age of tara-reid"), or `None` when they agree or
/// are not about one entity.
fn conflict(
    cx: &Context<'_>,
    tolerances: &Tolerances,
    stories: &Stories,
    a: ClaimRef,
    b: ClaimRef,
) -> Option<String> {
    let linked = &stories.linked;
    let (ca, cb) = (cx.claim(a), cx.claim(b));
    if ca.event.predicate != cb.event.predicate {
        return None;
    }
    let same_article = a.article == b.article;
    match ca.event.predicate.as_str() {
        "age" => {
            let (ea, eb) = (entity(ca)?, entity(cb)?);
            if !same_entity(ea, eb) {
                return None;
            }
            let (qa, qb) = (ca.quantities.first()?, cb.quantities.first()?);
            // Across articles an age needs both articles' years: it changes with them.
            let allowed = if same_article {
                0.0
            } else {
                tolerances.age + years_apart(cx, a.article, b.article)?
            };
            ((qa.value - qb.value).abs() > allowed + EPSILON)
                .then(|| format!("age of {}", longer(ea, eb)))
        }
        "magnitude" => {
            // Another year, another quake. Two articles published within the days a quake is
            // told of (`same_quake_time`, below) tell of one quake in one place though the
            // matcher pairs none of their events (they name it in other words).
            let both_published = cx.articles[a.article].meta.published.is_some()
                && cx.articles[b.article].meta.published.is_some();
            if !same_article
                && ((!linked.contains(&(a.article, b.article)) && !both_published)
                    || years_apart(cx, a.article, b.article).is_some_and(|y| y > 0.0))
            {
                return None;
            }
            let (places_a, places_b) = (quake_places(cx, a), quake_places(cx, b));
            let shares_place = same_article
                || places_a.iter().any(|x| {
                    let up = ancestors(x, cx.lexicon);
                    places_b.iter().any(|y| {
                        ancestors(y, cx.lexicon)
                            .iter()
                            .any(|z| up.iter().any(|w| same_entity(w, z)))
                    })
                });
            // Sources name one quake's place at different scales ("the North Bay", "Lake
            // County", "Northern California") that the lexicon does not relate: two dated
            // articles whose events the matcher pairs tell of one quake without a place in
            // common, when the dates agree (below).
            let told_together =
                !same_article && both_published && linked.contains(&(a.article, b.article));
            if !shares_place && !told_together {
                return None;
            }
            if same_article {
                if let (Some(ia), Some(ib)) = (
                    ca.time.as_ref().and_then(|t| t.interval),
                    cb.time.as_ref().and_then(|t| t.interval),
                ) {
                    if ia.gap_days(&ib) > tolerances.max_gap_days {
                        return None;
                    }
                }
            } else if !same_quake_time(cx, a, b, tolerances.max_gap_days) {
                return None;
            }
            let (qa, qb) = (ca.quantities.first()?, cb.quantities.first()?);
            let apart = qa.low - qb.high > tolerances.magnitude + EPSILON
                || qb.low - qa.high > tolerances.magnitude + EPSILON;
            let place = places_a.first().or_else(|| places_b.first());
            apart.then(|| match place {
                Some(place) => format!("magnitude of the quake ({place})"),
                None => "magnitude of the quake".to_string(),
            })
        }
        "located-in" => {
            // Inside one article two places of one facility are a place and its region.
            if same_article {
                return None;
            }
            let (ea, eb) = (entity(ca)?, entity(cb)?);
            // "X in Malibu" names a town, "California's X" as often a region: only like forms
            // are compared.
            if !same_facility(ea, eb) || is_possessive_form(ca) != is_possessive_form(cb) {
                return None;
            }
            let (pa, pb) = (
                ca.participants.iter().find(|p| p.role == Role::Location)?,
                cb.participants.iter().find(|p| p.role == Role::Location)?,
            );
            let related = same_entity(&pa.entity, &pb.entity)
                || ancestors(&pa.entity, cx.lexicon).contains(&pb.entity.as_str())
                || ancestors(&pb.entity, cx.lexicon).contains(&pa.entity.as_str());
            let text_a = pa.span.slice(&cx.articles[a.article].text);
            let text_b = pb.span.slice(&cx.articles[b.article].text);
            let names = mentions_word(&cx.articles[a.article].text, text_b)
                || mentions_word(&cx.articles[b.article].text, text_a);
            (!related && !names).then(|| format!("location of {}", longer(ea, eb)))
        }
        "title" => {
            if !tolerances.titles
                || (!same_article && years_apart(cx, a.article, b.article).is_some_and(|y| y > 0.0))
            {
                return None;
            }
            let (ea, eb) = (entity(ca)?, entity(cb)?);
            if ea != eb {
                return None;
            }
            let (ta, tb) = (ca.object.as_deref()?, cb.object.as_deref()?);
            let words = |t: &str| t.split('-').map(str::to_string).collect::<BTreeSet<_>>();
            let (wa, wb) = (words(ta), words(tb));
            (!wa.is_subset(&wb) && !wb.is_subset(&wa)).then(|| format!("title of {ea}"))
        }
        "origin" => {
            let (ea, eb) = (entity(ca)?, entity(cb)?);
            let (oa, ob) = (ca.object.as_deref()?, cb.object.as_deref()?);
            let related = same_entity(oa, ob)
                || ancestors(oa, cx.lexicon).contains(&ob)
                || ancestors(ob, cx.lexicon).contains(&oa);
            if ea != eb || related {
                return None;
            }
            let one_weapon = if same_article {
                same_or_next_sentence(cx, a, b)
            } else {
                stories
                    .told
                    .contains(&(sentence_of(cx, a), sentence_of(cx, b)))
            };
            one_weapon.then(|| format!("origin of the {ea}"))
        }
        _ => None,
    }
}

/// The whole years between two articles' publication dates; `None` when either is unknown.
/// The year a story is set in (`matcher::story_year`) is no substitute: background dates ("in
/// 2008, the champion first won the belt") outvote the story's own undated ones.
fn years_apart(cx: &Context<'_>, a: usize, b: usize) -> Option<f64> {
    match (cx.articles[a].meta.published, cx.articles[b].meta.published) {
        (Some(x), Some(y)) => Some((x.interval().gap_days(&y.interval()) / 365) as f64),
        _ => None,
    }
}

/// Whether two magnitude claims of different articles are dated as one quake: their own dates,
/// else their articles' publication dates, at most `max_gap` days apart. Undated, they are not
/// compared: look-alike stories tell of quakes in one place years apart.
fn same_quake_time(cx: &Context<'_>, a: ClaimRef, b: ClaimRef, max_gap: i64) -> bool {
    let (ca, cb) = (cx.claim(a), cx.claim(b));
    if let (Some(ia), Some(ib)) = (
        ca.time.as_ref().and_then(|t| t.interval),
        cb.time.as_ref().and_then(|t| t.interval),
    ) {
        return ia.gap_days(&ib) <= max_gap;
    }
    match (
        cx.articles[a.article].meta.published,
        cx.articles[b.article].meta.published,
    ) {
        (Some(x), Some(y)) => x.interval().gap_days(&y.interval()) <= max_gap,
        _ => false,
    }
}

/// Whether a located-in claim was read from "Malibu's Promises center" rather than "Promises
/// center in Malibu".
fn is_possessive_form(claim: &Claim) -> bool {
    !claim.event.trigger.to_lowercase().starts_with("in ")
}

/// The longer of two ids naming one entity ("tara-reid" over "reid").
fn longer<'a>(a: &'a str, b: &'a str) -> &'a str {
    if b.len() > a.len() { b } else { a }
}

/// Whether two facility ids name one facility: one's words begin the other's ("promises" and
/// "promises-treatment-center").
fn same_facility(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split('-').collect(), b.split('-').collect());
    let n = wa.len().min(wb.len());
    wa[..n] == wb[..n]
}

/// Whether `text` contains `name` as whole words, ignoring case.
fn mentions_word(text: &str, name: &str) -> bool {
    let (text, name) = (text.to_lowercase(), name.to_lowercase());
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    crate::text::has_whole_word(&text, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facilities_match_on_leading_words() {
        assert!(same_facility("promises", "promises-treatment-center"));
        assert!(!same_facility("national-hospital", "national-museum"));
    }

    #[test]
    fn whole_word_mentions_only() {
        assert!(mentions_word("in Malibu, California", "malibu"));
        assert!(!mentions_word("Malibuland", "Malibu"));
        assert!(mentions_word("Malibu's beach", "Malibu's"));
    }
}
