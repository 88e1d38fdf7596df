//! `participant-conflict`: sources name different people or places in the same role of one
//! event.
//!
//! ## What it does
//! For matched claims of two articles (same predicate, a shared participant or story), looks at
//! each role (agent, patient, location). When one side names an entity that no other article
//! knows and that its own article names only there, while the other side names, in the same
//! role, an entity of the same kind that the first article itself mentions elsewhere, the first
//! article has most likely put the wrong name in: a discrepancy citing both names.
//!
//! The double condition keeps apart the common, legitimate case of several people doing the
//! same thing (two suspects arrested): both are then named in more than one place.
//!
//! A lone name that no other article writes at all — not even outside its claims — is also
//! reported against a name of its role that `corroborating-sources` (default 2) other articles
//! name, though its own article does not: every other telling agrees on who filled the role,
//! and this name is foreign to all of them. Such a foreign name is also reported against the
//! corroborated filler of the other role when its own article names that filler elsewhere:
//! roles are read off the word order, which the voice turns round. When the other clause names
//! no one in the lone name's role ("she checked into rehab"), its article's story figure (a
//! topic, see `matcher::topics`) stands in, under the same conditions. A name glued to the next
//! word by a hyphen ("Matt Smith-thought", a dash typed as a hyphen) is never reported: its id
//! is not the name's; nor is a name whose last word its own article writes again elsewhere
//! ("Benson, 81, ...", "the Buccaneers"): that is the article's own name, not a slip.

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::{Modality, Participant};
use crate::lexicon::EntityKind;
use crate::matcher::{ClaimRef, same_entity, topics};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;

pub(super) const KIND: Kind = Kind {
    name: "participant-conflict",
    summary: "matched claims that name different entities of one kind in the same role",
    parameters: &[("corroborating-sources", 2.0)],
    run,
};

/// The last word of an id: "tara-reid" and "reid" name one person.
fn key(id: &str) -> &str {
    id.rsplit(['-', '/']).next().unwrap_or(id)
}

/// The kind of entity; unknown full names count as people.
fn class(cx: &Context<'_>, id: &str) -> Option<EntityKind> {
    match cx.lexicon.entity(id).map(|e| e.kind) {
        Some(EntityKind::Country) => Some(EntityKind::Place),
        Some(EntityKind::Thing | EntityKind::Body) => None,
        Some(kind) => Some(kind),
        None if id.starts_with("outlet:") => None,
        // A lone capitalized word the lexicon does not know ("Aside", "GOP") is not surely a
        // name at all.
        None if !id.contains(['-', '/']) => None,
        None => Some(EntityKind::Person),
    }
}

/// The last word of a name as written, without a possessive ending ("Ken Salazar's" →
/// "Salazar"); `None` when it is not capitalized.
fn last_word(surface: &str) -> Option<&str> {
    let word = surface.split_whitespace().last()?;
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    word.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(word)
}

/// Whether a name as written is glued to the next word by a hyphen ("Matt Smith-thought",
/// "Capaldi-a": a dash typed as a hyphen): its id is not the name's, so it cannot be compared.
fn glued(surface: &str) -> bool {
    surface.split_whitespace().last().is_some_and(|word| {
        word.split_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase))
    })
}

/// Whether `text` writes `word` as a whole word, in its own capitalization.
fn written(text: &str, word: &str) -> bool {
    crate::text::has_whole_word(text, word)
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    // Where each entity is named: article → number of participant mentions.
    let mut named: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    for (article, claims) in cx.claims.iter().enumerate() {
        let mut spans = BTreeSet::new();
        for p in claims
            .iter()
            .filter(|c| !c.is_attribute())
            .flat_map(|c| &c.participants)
        {
            if spans.insert((p.span, key(&p.entity))) {
                *named
                    .entry(key(&p.entity))
                    .or_default()
                    .entry(article)
                    .or_default() += 1;
            }
        }
    }
    let story: Vec<Vec<String>> = cx.claims.iter().map(|c| topics(c, cx.lexicon)).collect();
    let lone = |id: &str, article: usize| {
        named
            .get(key(id))
            .is_some_and(|m| m.len() == 1 && m.get(&article) == Some(&1))
    };
    // Known to an article: a participant of its claims, or its last word written anywhere in
    // its text ("Salazar said", a name in a quote's attribution or a caption).
    let known_in = |q: &Participant, that: usize, article: usize| {
        named
            .get(key(&q.entity))
            .is_some_and(|m| m.contains_key(&article))
            || last_word(q.span.slice(&cx.articles[that].text))
                .is_some_and(|w| written(&cx.articles[article].text, w))
    };
    // Foreign to every other article: the last word of the name as written appears in no
    // other article's text.
    let foreign = |p: &Participant, article: usize| {
        last_word(p.span.slice(&cx.articles[article].text)).is_some_and(|w| {
            cx.articles
                .iter()
                .enumerate()
                .all(|(k, other)| k == article || !written(&other.text, w))
        })
    };
    let corroborating = rule.number("corroborating-sources", 2.0) as usize;
    // An article's own name: the last word written again elsewhere in its text ("Benson,
    // 81, ...", "the Buccaneers"), so it is no slip of one sentence.
    let repeated = |p: &Participant, article: usize| {
        let text = &cx.articles[article].text;
        last_word(p.span.slice(text))
            .is_some_and(|w| written(&text[..p.span.start], w) || written(&text[p.span.end..], w))
    };
    // Named by enough articles besides `article` to be the role's corroborated filler.
    let corroborated = |q: &Participant, article: usize| {
        named
            .get(key(&q.entity))
            .is_some_and(|m| m.keys().filter(|&&k| k != article).count() >= corroborating)
    };
    // The first mention of a story entity among an article's claims.
    let mention = |article: usize, id: &str| {
        cx.claims[article]
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_attribute())
            .find_map(|(n, c)| {
                let q = c.participants.iter().find(|q| key(&q.entity) == key(id))?;
                Some((ClaimRef { article, claim: n }, q))
            })
    };
    let mut done = BTreeSet::new();
    let mut findings = Vec::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        for (this, that) in [(pair.a, pair.b), (pair.b, pair.a)] {
            let (a, b) = (cx.claim(this), cx.claim(that));
            let absent = |p: &Participant, other: &crate::claim::Claim, topics: &[String]| {
                !other
                    .participants
                    .iter()
                    .any(|q| same_entity(key(&q.entity), key(&p.entity)))
                    && !topics.iter().any(|t| key(t) == key(&p.entity))
            };
            for p in a
                .participants
                .iter()
                .filter(|p| absent(p, b, &story[that.article]))
            {
                if !lone(&p.entity, this.article)
                    || done.contains(&(this, p.span))
                    || glued(p.span.slice(&cx.articles[this.article].text))
                    || repeated(p, this.article)
                {
                    continue;
                }
                let Some(kind) = class(cx, &p.entity) else {
                    continue;
                };
                let stray = foreign(p, this.article);
                let rival = b.participants.iter().find(|q| {
                    let same_role = q.role == p.role
                        && (known_in(q, that.article, this.article)
                            || (stray && corroborating > 0 && corroborated(q, this.article)));
                    // Roles read off the word order swap with the voice ("police arrested X" /
                    // "X was arrested by police"): a foreign name against the corroborated
                    // filler of another role, when the first clause names that filler nowhere.
                    let other_role = stray
                        && corroborating > 0
                        && corroborated(q, this.article)
                        && known_in(q, that.article, this.article);
                    class(cx, &q.entity) == Some(kind)
                        && absent(q, a, &[])
                        && (same_role || other_role)
                });
                // A clause that names no one in the lone name's role tells of its article's story:
                // the story's figure fills the role, when the lone name is foreign to every other
                // article and other articles name the figure too.
                let rival = rival.map(|q| (that, q)).or_else(|| {
                    let empty = stray
                        && corroborating > 0
                        && !b.participants.iter().any(|q| q.role == p.role);
                    story[that.article]
                        .iter()
                        .filter(|_| empty)
                        .filter_map(|t| mention(that.article, t))
                        .find(|(_, q)| {
                            class(cx, &q.entity) == Some(kind)
                                && absent(q, a, &[])
                                && known_in(q, that.article, this.article)
                                && corroborated(q, this.article)
                        })
                });
                let Some((named_at, q)) = rival else { continue };
                done.insert((this, p.span));
                findings.push(finding(
                    rule,
                    cx,
                    (this, p),
                    (that, named_at, q),
                    a.modality,
                    b.modality,
                ));
            }
        }
    }
    findings
}

fn finding(
    rule: &Rule,
    cx: &Context<'_>,
    (this, p): (ClaimRef, &Participant),
    (that, named_at, q): (ClaimRef, ClaimRef, &Participant),
    ma: Modality,
    mb: Modality,
) -> Finding {
    let text_p = p.span.slice(&cx.articles[this.article].text);
    let text_q = q.span.slice(&cx.articles[that.article].text);
    let message = format!(
        "{}: {} names \"{}\" where {} names \"{}\" (which {} itself names elsewhere)",
        cx.describe(cx.claim(that)),
        cx.article_id(this),
        text_p,
        cx.article_id(that),
        text_q,
        cx.article_id(this),
    );
    let evidence = vec![
        cx.evidence(this, p.span, "named only here"),
        cx.evidence(named_at, q.span, "names another"),
    ];
    discrepancy(
        cx,
        rule,
        message,
        &[this, that],
        evidence,
        ma == Modality::Hedged || mb == Modality::Hedged,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_word_of_a_name_as_written() {
        assert_eq!(last_word("Ken Salazar's"), Some("Salazar"));
        assert_eq!(last_word("Tara Reid"), Some("Reid"));
        assert_eq!(last_word("the navy"), None);
    }

    #[test]
    fn a_name_glued_to_the_next_word_is_no_name() {
        assert!(glued("Matt Smith-thought"));
        assert!(glued("Capaldi-a"));
        assert!(!glued("Jean-Pierre Raffarin"));
        assert!(!glued("Tara Reid"));
    }

    #[test]
    fn a_word_is_written_only_whole() {
        assert!(written("Reid, 33, entered rehab.", "Reid"));
        assert!(!written("Reidsville police said", "Reid"));
        assert!(!written("a reid", "Reid"));
        assert!(!written("anything", ""));
    }
}
