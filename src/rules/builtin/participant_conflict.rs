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
//!
//! A foreign lone name is often its clause's only link, so the matcher pairs the clause with
//! nothing. Such a clause gets a second chance against the unmatched claims of its predicate:
//! with the other clause's filler put in the name's place, the two must tell one event
//! (`matcher::same_event_in_story`, dates and counts not differing), and either state one date
//! or meet without the name in an article that names the filler. Failing both, the name is
//! still reported when its article names the filler elsewhere and `corroborating-sources`
//! other articles each give that filler in a claim that, with it put in the name's place, tells
//! one event with the clause — unless another name of the same article is backed against the
//! same filler (several names in one rival's place are a roundup, not a slip), or one name's
//! words hold the other's ("San Diego County Jail" / "San Diego County").

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt};

use crate::claim::{Modality, Participant};
use crate::lexicon::EntityKind;
use crate::matcher::{ClaimRef, same_entity, topics};
use crate::report::Finding;
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::text::{WordIndex, runs};

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

/// Whether one of two participants belongs to the other ("Ga." to the United States): a part
/// named where another source names the whole is no other filler of the role.
fn part_of_other(cx: &Context<'_>, p: &Participant, q: &Participant) -> bool {
    let within = |x: &str, y: &str| crate::matcher::ancestors(x, cx.lexicon).contains(&y);
    within(&p.entity, &q.entity) || within(&q.entity, &p.entity)
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

/// Whether ENT001 reads a claim's names: not an attribute's (compared by their own rule), nor
/// a date claim's, which names again what its clause's event claim names.
fn compared(c: &crate::claim::Claim) -> bool {
    !c.is_attribute() && c.event.predicate != crate::claim::DATE
}

fn run<'c>(rule: &Rule, cx: &'c Context<'_>) -> Vec<Finding> {
    // Where each entity is named: article → number of participant mentions.
    let mut named: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    for (article, claims) in cx.claims.iter().enumerate() {
        let mut spans = BTreeSet::new();
        for p in claims
            .iter()
            .filter(|c| compared(c))
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
    // The words every article writes, read once: the checks below ask of many names whether
    // other articles write them.
    let words = WordIndex::new(cx.articles.iter().map(|a| a.text.as_str()));
    let known_in = |q: &Participant, that: usize, article: usize| {
        named
            .get(key(&q.entity))
            .is_some_and(|m| m.contains_key(&article))
            || last_word(q.span.slice(&cx.articles[that].text))
                .is_some_and(|w| words.writes(article, w))
    };
    // Foreign to every other article: the last word of the name as written appears in no
    // other article's text.
    let foreign = |p: &Participant, article: usize| {
        last_word(p.span.slice(&cx.articles[article].text))
            .is_some_and(|w| !words.written_elsewhere(article, w))
    };
    let corroborating = rule.number("corroborating-sources", 2.0) as usize;
    // An article's own name: the last word written again elsewhere in its text ("Benson,
    // 81, ...", "the Buccaneers"), so it is no slip of one sentence.
    let repeated = |p: &Participant, article: usize| {
        last_word(p.span.slice(&cx.articles[article].text))
            .is_some_and(|w| words.writes_outside(article, w, p.span))
    };
    // Named by enough articles besides `article` to be the role's corroborated filler.
    let corroborated = |q: &Participant, article: usize| {
        named
            .get(key(&q.entity))
            .is_some_and(|m| m.keys().filter(|&&k| k != article).count() >= corroborating)
    };
    // `p` named nowhere in the clause `other` nor among the story's `topics`.
    let absent = |p: &Participant, other: &crate::claim::Claim, topics: &[String]| {
        !other
            .participants
            .iter()
            .any(|q| same_entity(key(&q.entity), key(&p.entity)))
            && !topics.iter().any(|t| key(t) == key(&p.entity))
    };
    // The first mention of a story entity among an article's claims.
    let mention = |article: usize, id: &str| {
        cx.claims[article]
            .iter()
            .enumerate()
            .filter(|(_, c)| compared(c))
            .find_map(|(n, c)| {
                let q = c.participants.iter().find(|q| key(&q.entity) == key(id))?;
                Some((ClaimRef { article, claim: n }, q))
            })
    };
    // The name the other clause `b` gives where `a` gives the lone name `p`: in the same role
    // (one the first article names elsewhere, or, for a foreign name, one other articles
    // corroborate), in the other role (a foreign name against a corroborated filler the first
    // article names), or, when `b` names no one in that role, its article's story figure.
    let rival =
        |(this, a, p, kind): (ClaimRef, &'c crate::claim::Claim, &Participant, EntityKind),
         (that, b): (ClaimRef, &'c crate::claim::Claim)|
         -> Option<(ClaimRef, &'c Participant)> {
            let stray = foreign(p, this.article);
            let found = b.participants.iter().find(|q| {
                let same_role = q.role == p.role
                    && (known_in(q, that.article, this.article)
                        || (stray && corroborating > 0 && corroborated(q, this.article)));
                // Roles read off the word order swap with the voice ("police arrested X" / "X was
                // arrested by police"): a foreign name against the corroborated filler of another
                // role, when the first clause names that filler nowhere.
                let other_role = stray
                    && corroborating > 0
                    && corroborated(q, this.article)
                    && known_in(q, that.article, this.article);
                class(cx, &q.entity) == Some(kind)
                    && absent(q, a, &[])
                    && !part_of_other(cx, p, q)
                    && (same_role || other_role)
            });
            // A clause that names no one in the lone name's role tells of its article's story: the
            // story's figure fills the role, when the lone name is foreign to every other article
            // and other articles name the figure too.
            found.map(|q| (that, q)).or_else(|| {
                let empty =
                    stray && corroborating > 0 && !b.participants.iter().any(|q| q.role == p.role);
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
            })
        };
    let mut done = BTreeSet::new();
    let mut findings = Vec::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        if !compared(cx.claim(pair.a)) {
            continue;
        }
        for (this, that) in [(pair.a, pair.b), (pair.b, pair.a)] {
            let (a, b) = (cx.claim(this), cx.claim(that));
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
                let Some((named_at, q)) = rival((this, a, p, kind), (that, b)) else {
                    continue;
                };
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
    // A second chance for a slip of one clause: a foreign lone name was often the clause's only
    // link to the other tellings, so the matcher paired it with none. Put the other clause's
    // filler in its place: if the two claims then tell one event, with dates and counts that
    // agree, the name is reported as if they had met.
    if corroborating > 0 {
        // Each article's story figures, as its claims first name them.
        let figures: Vec<Vec<&Participant>> = story
            .iter()
            .enumerate()
            .map(|(article, topics)| {
                topics
                    .iter()
                    .filter_map(|t| mention(article, t).map(|(_, q)| q))
                    .collect()
            })
            .collect();
        let leads = Leads::new(cx, &figures);
        // The names each article gives its claims, by key.
        let mut keys_of: Vec<Vec<&str>> = vec![Vec::new(); cx.claims.len()];
        for (k, articles) in &named {
            for &article in articles.keys() {
                keys_of[article].push(k);
            }
        }
        let far_apart = |x: usize, y: usize| {
            crate::matcher::stories_far_apart(cx.story_years[x], cx.story_years[y])
        };
        // Findings backed by other tellings alone, by article and rival.
        // A finding's other side: the claim met, where the rival is named, and the rival.
        type Found<'p> = (ClaimRef, ClaimRef, &'p Participant);
        type Held<'p> = Vec<(ClaimRef, &'p Participant, Found<'p>)>;
        let mut held: BTreeMap<(usize, &str), Held<'_>> = BTreeMap::new();
        // One finding a mention, whichever claims carry it.
        let mut slipped: BTreeSet<(usize, crate::text::span::Span)> =
            done.iter().map(|(r, span)| (r.article, *span)).collect();
        for (i, claims) in cx.claims.iter().enumerate() {
            // The words the article writes, read once, when a lone name first needs them.
            let mut written: Option<BTreeSet<&str>> = None;
            for (n, a) in claims.iter().enumerate().filter(|(_, c)| compared(c)) {
                let this = ClaimRef {
                    article: i,
                    claim: n,
                };
                for p in &a.participants {
                    if !lone(&p.entity, i)
                        || done.contains(&(this, p.span))
                        || glued(p.span.slice(&cx.articles[i].text))
                        || repeated(p, i)
                        || !foreign(p, i)
                    {
                        continue;
                    }
                    let Some(kind) = class(cx, &p.entity) else {
                        continue;
                    };
                    if slipped.contains(&(i, p.span)) {
                        continue;
                    }
                    let met = cx.partners.get(&this);
                    // Rivals that fit but were not enough alone: the articles that name each,
                    // by its key, with the first claim that does.
                    let mut backed: BTreeMap<&str, (BTreeSet<usize>, Found<'_>)> = BTreeMap::new();
                    let mut second = None;
                    let written =
                        written.get_or_insert_with(|| runs(&cx.articles[i].text).collect());
                    for that in leads.of(a, written, &keys_of[i]).into_iter().filter(|r| {
                        r.article != i
                            && !far_apart(i, r.article)
                            && !met.is_some_and(|m| m.contains(r))
                    }) {
                        let b = cx.claim(that);
                        if crate::matcher::dates_differ(a, b) || crate::matcher::counts_differ(a, b)
                        {
                            continue;
                        }
                        let Some((named_at, q)) = rival((this, a, p, kind), (that, b)) else {
                            continue;
                        };
                        let told_alike = || {
                            let mut put = a.clone();
                            for r in put.participants.iter_mut().filter(|r| r.span == p.span) {
                                r.entity = q.entity.clone();
                            }
                            crate::matcher::same_event_in_story(
                                &put,
                                &story[i],
                                b,
                                &story[that.article],
                                cx.lexicon,
                            )
                        };
                        // A lone name is no slip when the other clause may tell another event:
                        // either the two claims state one date, or they meet once the name is
                        // set aside and the first article names the rival.
                        let same_time = match (&a.time, &b.time) {
                            (Some(x), Some(y)) => same_date(&x.value, &y.value),
                            _ => false,
                        };
                        let known = known_in(q, named_at.article, i);
                        let without = || {
                            let mut rest = a.clone();
                            rest.participants.retain(|r| r.span != p.span);
                            crate::matcher::same_event_in_story(
                                &rest,
                                &story[i],
                                b,
                                &story[that.article],
                                cx.lexicon,
                            )
                        };
                        if same_time || (known && without()) {
                            if told_alike() {
                                second = Some((that, named_at, q));
                                break;
                            }
                        } else if known
                            && !within(
                                p.span.slice(&cx.articles[i].text),
                                q.span.slice(&cx.articles[named_at.article].text),
                            )
                            && told_alike()
                        {
                            // Otherwise the rival must be what several other tellings give:
                            // an undated clause linked only by the name may tell another event
                            // of the story, but not one that every other telling gives the
                            // first article's own rival in.
                            let entry = backed
                                .entry(key(&q.entity))
                                .or_insert_with(|| (BTreeSet::new(), (that, named_at, q)));
                            entry.0.insert(that.article);
                        }
                    }
                    if second.is_none() {
                        // Backed by other tellings alone: held until every name of the article
                        // is read, since the rival must be backed against this name only.
                        if let Some((_, found)) = backed
                            .into_values()
                            .find(|(articles, _)| articles.len() >= corroborating)
                        {
                            slipped.insert((i, p.span));
                            held.entry((i, key(&found.2.entity)))
                                .or_default()
                                .push((this, p, found));
                        }
                    }
                    let Some((that, named_at, q)) = second else {
                        continue;
                    };
                    slipped.insert((i, p.span));
                    findings.push(finding(
                        rule,
                        cx,
                        (this, p),
                        (that, named_at, q),
                        a.modality,
                        cx.claim(that).modality,
                    ));
                }
            }
        }
        // A slip puts one wrong name where the others write the rival; several names of one
        // article in the rival's place (a roundup of other games' scorers, the streets of a
        // quake's reach) are other people and places the article tells of.
        for found in held.into_values() {
            if let [(this, p, (that, named_at, q))] = found[..] {
                findings.push(finding(
                    rule,
                    cx,
                    (this, p),
                    (that, named_at, q),
                    cx.claim(this).modality,
                    cx.claim(that).modality,
                ));
            }
        }
    }
    findings
}

/// The claims of each predicate, found by what could make one of them the other clause of a
/// second chance. A rival must be known to the lone name's article (named in its claims, or its
/// last word written in its text), or else the two claims must state one date; so a claim is
/// filed under the keys and the words of the last words of the names it gives, and of its
/// article's story figures, and under its date. A lone name then reads the claims filed under
/// what its article names and writes, and under its own date, instead of every claim of its
/// predicate: a corpus of many unrelated stories pays for what each article shares with the
/// others, not for their product.
struct Leads<'c> {
    /// (predicate, key or word) → claims, ascending.
    by_name: HashMap<(&'c str, &'c str), Vec<ClaimRef>>,
    /// (predicate, date) → claims, ascending.
    by_date: HashMap<(&'c str, &'c str), Vec<ClaimRef>>,
}

impl<'c> Leads<'c> {
    /// The leads of every claim ENT001 compares; `figures` holds each article's story figures.
    fn new(cx: &'c Context<'_>, figures: &[Vec<&'c Participant>]) -> Leads<'c> {
        let mut leads = Leads {
            by_name: HashMap::new(),
            by_date: HashMap::new(),
        };
        for (article, claims) in cx.claims.iter().enumerate() {
            let text = cx.articles[article].text.as_str();
            for (n, c) in claims.iter().enumerate().filter(|(_, c)| compared(c)) {
                let at = ClaimRef { article, claim: n };
                let predicate = c.event.predicate.as_str();
                let mut names: BTreeSet<&str> = BTreeSet::new();
                for q in c
                    .participants
                    .iter()
                    .chain(figures[article].iter().copied())
                {
                    names.insert(key(&q.entity));
                    names.extend(last_word(q.span.slice(text)).into_iter().flat_map(runs));
                }
                for name in names {
                    leads.by_name.entry((predicate, name)).or_default().push(at);
                }
                if let Some(time) = c.time.as_ref().filter(|t| finer_than_a_year(&t.value)) {
                    leads
                        .by_date
                        .entry((predicate, time.value.as_str()))
                        .or_default()
                        .push(at);
                }
            }
        }
        leads
    }

    /// The claims of `a`'s predicate that may be the other clause for a lone name of `a`, whose
    /// article writes `words` and names `keys` in its claims; ascending, as every claim of the
    /// predicate would be read.
    fn of(
        &self,
        a: &crate::claim::Claim,
        words: &BTreeSet<&str>,
        keys: &[&str],
    ) -> BTreeSet<ClaimRef> {
        let predicate = a.event.predicate.as_str();
        let mut found = BTreeSet::new();
        let mut take = |list: Option<&Vec<ClaimRef>>| found.extend(list.into_iter().flatten());
        for name in keys.iter().copied().chain(words.iter().copied()) {
            take(self.by_name.get(&(predicate, name)));
        }
        if let Some(time) = &a.time {
            take(self.by_date.get(&(predicate, time.value.as_str())));
        }
        found
    }
}

/// Whether every word of one name is a word of the other ("San Diego County Jail" and "San
/// Diego County"): one place or body written more or less fully, not two.
fn within(x: &str, y: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (x, y) = (words(x), words(y));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// Whether two claim time values state one date: equal, and more than a bare year ("2013-05-02",
/// "XXXX-WXX-5"), not a reference word ("PRESENT_REF").
fn same_date(a: &str, b: &str) -> bool {
    a == b && finer_than_a_year(a)
}

/// Whether a claim time value is finer than a bare year and no reference word: one that
/// [`same_date`] can find stated twice.
fn finer_than_a_year(value: &str) -> bool {
    value.len() > 4 && value.starts_with(|c: char| c.is_ascii_digit() || c == 'X')
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
    fn one_date_is_more_than_a_year() {
        assert!(same_date("2013-05-02", "2013-05-02"));
        assert!(same_date("XXXX-WXX-5", "XXXX-WXX-5"));
        assert!(!same_date("2013-05-02", "2013-05-03"));
        assert!(!same_date("2013", "2013"));
        assert!(!same_date("PRESENT_REF", "PRESENT_REF"));
    }

    #[test]
    fn a_name_within_another_is_one_name_written_more_fully() {
        assert!(within("San Diego County Jail", "San Diego County"));
        assert!(within("Matanuska Maid's", "the Matanuska Maid Dairy"));
        assert!(!within("United States", "United Nations"));
        assert!(!within("Pedro Alvarez", "Jamal Jones"));
        assert!(!within("", "Jamal Jones"));
    }
}
