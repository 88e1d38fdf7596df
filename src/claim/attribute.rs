//! Attribute claims: what a sentence states about an entity rather than what happened.
//!
//! News copy states properties of people, places and events in passing, and sources get them
//! wrong as often as dates and tolls. Four are read here, each into a [`Claim`] whose predicate
//! is the attribute's name (see [`crate::claim::model`] for the encoding):
//!
//! - **age** of a person: "Tara Reid, 33,", "33-year-old Reid", "Reid, a 33-year-old actress",
//!   "Reid, who is 33", "Reid, aged 33", "Reid (33)", "Reid is 33 years old";
//! - **magnitude** of a quake: "the 6.1-magnitude quake", "a magnitude 6.1 earthquake",
//!   "magnitude-5.9", "a magnitude of at least 5.9", "put the magnitude at 5.9", "measured 6.1
//!   on the Richter scale". The quake has no name, so the claim's participants are the places
//!   of its sentence and its time the sentence's nearest time expression;
//! - **located-in** of a facility: "the Promises Treatment Center in Malibu", "Malibu's
//!   Promises center";
//! - **title** of a person: "Defense Secretary Lloyd Austin" (the title the entity grammar
//!   folds away), kept as the claim's object;
//! - **origin** of a weapon the lexicon knows as a thing (a missile, a rocket): the country a
//!   demonym before it names ("A Russian missile"), or the one whose forces a launch verb's
//!   agent names ("the missile ... launched by Ukrainian air defense", "Ukraine fired the
//!   rocket"), kept as the claim's object. Only one weapon is read (the singular noun): "Russian
//!   missiles" and "Ukrainian missiles" in one story are two salvos, not one told two ways.
//!
//! A number with no entity to hang on ("the 33 victims", "Route 33", "in 2009") is no attribute.
//! Magnitudes of other quakes than the story's (aftershocks, "the last major quake", "the
//! strongest since 2002") are left out: they would be compared with the main one.

use crate::claim::extract::{Extracted, SentenceParts};
use crate::claim::model::{
    Claim, ClaimTime, Event, Modality, Participant, Polarity, Quantity, Role, SourceKind,
};
use crate::grammar::cue::{self, CueIndex};
use crate::grammar::entity::Mention;
use crate::grammar::number;
use crate::grammar::token::Token;
use crate::lexicon::{EntityKind, closed};
use crate::temporal::Bound;
use crate::text::span::Span;

/// The oldest age read as one.
const MAX_AGE: f64 = 120.0;

/// The largest magnitude read as one.
const MAX_MAGNITUDE: f64 = 10.0;

/// Words near a magnitude that show it belongs to another quake than the story's.
const OTHER_QUAKE: &[&str] = &[
    "aftershock",
    "aftershocks",
    "previous",
    "earlier",
    "last",
    "another",
    "largest",
    "strongest",
    "biggest",
    "deadliest",
    "worst",
    "since",
    "history",
    "ago",
    "first",
    "second",
    "series",
    "smaller",
    "followed",
    "magnitudes",
    "quakes",
    "earthquakes",
    "tremors",
    "can",
    "common",
];

/// Last words of facility names: what has a fixed location.
const FACILITIES: &[&str] = &[
    "center",
    "centre",
    "clinic",
    "hospital",
    "hotel",
    "prison",
    "jail",
    "airport",
    "stadium",
    "university",
    "college",
    "school",
    "museum",
    "church",
    "cathedral",
    "mosque",
    "temple",
    "mall",
    "plant",
    "factory",
    "station",
    "theater",
    "theatre",
    "arena",
    "courthouse",
    "embassy",
    "consulate",
    "institute",
    "academy",
    "resort",
    "facility",
];

/// Words that link a noun to a name that is not the one aged ("the 30-year-old congregation
/// in Wasilla").
const LINKS: &[&str] = &[
    "in", "of", "at", "from", "for", "with", "on", "near", "by", "to", "and", "or", "who", "which",
    "that",
];

/// Nouns after a name that make the name a modifier: "a 57-year-old Wasilla woman".
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "resident",
    "native",
    "mother",
    "father",
    "teen",
    "teenager",
    "student",
    "child",
    "men",
    "women",
    "residents",
    "natives",
    "couple",
    "family",
];

/// One attribute read from a sentence, before it becomes a claim.
#[derive(Debug)]
struct Found<'m> {
    predicate: &'static str,
    /// The tokens that state the value (the claim's trigger).
    first: usize,
    last: usize,
    /// The entity it is about; none for a magnitude.
    entity: Option<&'m Mention>,
    quantity: Option<Quantity>,
    places: Vec<&'m Mention>,
    object: Option<String>,
    /// Whether the claim takes the sentence's time (a quake's).
    timed: bool,
}

/// The attribute claims of one sentence.
pub fn claims(cues: &CueIndex, parts: &SentenceParts<'_, '_>) -> Vec<Extracted> {
    let tokens = parts.tokens;
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        found.extend(age_at(parts, i));
        found.extend(located_at(parts, i));
    }
    found.extend(magnitudes(parts));
    found.extend(titles(parts));
    found.extend(origins(parts));
    found.sort_by_key(|f| (f.first, f.predicate));
    found
        .into_iter()
        .map(|f| to_claim(cues, parts, f))
        .collect()
}

fn to_claim(cues: &CueIndex, parts: &SentenceParts<'_, '_>, found: Found<'_>) -> Extracted {
    let tokens = parts.tokens;
    let span = tokens[found.first].span.cover(tokens[found.last].span);
    let mut participants = Vec::new();
    if let Some(m) = found.entity {
        participants.push(Participant {
            entity: m.id.clone(),
            role: Role::Agent,
            span: m.span,
        });
    }
    participants.extend(found.places.iter().map(|m| Participant {
        entity: m.id.clone(),
        role: Role::Location,
        span: m.span,
    }));
    let nearest = found
        .timed
        .then(|| {
            parts
                .times
                .iter()
                .min_by_key(|(_, t)| (t.span.start.abs_diff(span.start), t.span.start))
        })
        .flatten();
    let time = nearest.map(|(_, t)| ClaimTime::from_timex(t));
    let attribution = parts
        .attribution
        .filter(|a| a.covers.0 <= found.first && found.first <= a.covers.1)
        .map(|a| a.attribution.clone())
        .unwrap_or_default();
    // An origin is hedged by the words before it ("believed to be a Russian missile", "believed
    // to have been launched by"); a hedge after the weapon ("a Russian missile reportedly
    // killed") is the event's.
    let after = if found.predicate == "origin" { 1 } else { 4 };
    let hedged = cue::is_hedged(
        cues,
        tokens,
        found.first.saturating_sub(4),
        found.last + after,
    );
    let modality = if hedged {
        Modality::Hedged
    } else if cue::inside_quote(tokens, found.first) {
        Modality::Quoted
    } else if attribution.kind != SourceKind::Unattributed {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    let trigger = tokens[found.first..=found.last]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    Extracted {
        claim: Claim {
            id: String::new(),
            article: parts.article.to_string(),
            sentence: parts.sentence,
            event: Event {
                predicate: found.predicate.to_string(),
                trigger,
                span,
            },
            participants,
            object: found.object,
            time,
            quantities: found.quantity.into_iter().collect(),
            attribution,
            modality,
            polarity: Polarity::Positive,
            context: None,
            sentence_words: None,
        },
        timex: nearest.map(|(index, _)| *index),
    }
}

/// A quantity of `unit` over tokens `first..=last`.
fn quantity(
    tokens: &[Token<'_>],
    (first, last): (usize, usize),
    value: f64,
    bound: Bound,
    unit: &str,
) -> Quantity {
    let (low, high) = number::bounds(value, bound);
    Quantity {
        span: tokens[first].span.cover(tokens[last].span),
        value,
        bound,
        low,
        high,
        unit: Some(unit.to_string()),
    }
}

fn is_word(token: Option<&Token<'_>>, words: &[&str]) -> bool {
    token.is_some_and(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
}

/// The mention whose last token is `i`.
fn ending_at(mentions: &[Mention], i: usize) -> Option<&Mention> {
    mentions.iter().find(|m| m.last_token == i)
}

/// The mention whose first token is `i`.
fn starting_at(mentions: &[Mention], i: usize) -> Option<&Mention> {
    mentions.iter().find(|m| m.first_token == i)
}

fn is_person(m: &Mention) -> bool {
    m.kind == EntityKind::Person
}

/// Whether a mention can name a place: a country or place of the lexicon, or a name it does
/// not know (read as a person by the entity grammar).
fn may_be_place(m: &Mention) -> bool {
    matches!(
        m.kind,
        EntityKind::Country | EntityKind::Place | EntityKind::Person
    )
}

/// An age written as a number: a whole number from 1 to [`MAX_AGE`].
fn age_number(text: &str) -> Option<f64> {
    number::parse_cardinal(text).filter(|v| v.fract() == 0.0 && (1.0..=MAX_AGE).contains(v))
}

/// "33-year-old", "thirty-three-year-old".
fn hyphenated_age(text: &str) -> Option<f64> {
    let number = strip_suffix_ignoring_case(text, "-year-old")
        .or_else(|| strip_suffix_ignoring_case(text, "-years-old"))?;
    age_number(&number.to_ascii_lowercase())
}

/// `text` without `suffix` at its end, whatever the ASCII case of either. This runs for every
/// token, so it copies nothing.
fn strip_suffix_ignoring_case<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (head, tail) = (text.get(..cut)?, text.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// `text` without `prefix` at its start, whatever the ASCII case of either.
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let (head, tail) = (text.get(..prefix.len())?, text.get(prefix.len()..)?);
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

/// Whether the token after an age ends the phrase: punctuation, the sentence's end, "and".
fn ends_phrase(token: Option<&Token<'_>>) -> bool {
    match token {
        None => true,
        Some(t) => !t.is_word() && t.text != "%" && t.text != "-" || t.text == "and",
    }
}

/// An age stated at token `i`.
fn age_at<'m>(parts: &SentenceParts<'m, '_>, i: usize) -> Option<Found<'m>> {
    let tokens = parts.tokens;
    let mentions: &'m [Mention] = parts.mentions;
    let found = |entity: &'m Mention, first: usize, last: usize, value: f64| Found {
        predicate: "age",
        first,
        last,
        entity: Some(entity),
        quantity: Some(quantity(tokens, (first, last), value, Bound::Exact, "age")),
        places: Vec::new(),
        object: None,
        timed: false,
    };
    // "33-year-old Reid", "the 33-year-old actress Tara Reid", "Reid, a 33-year-old actress".
    // "then-15-year-old": an age at another time.
    let then = (i.saturating_sub(2)..i).any(|k| tokens[k].text.eq_ignore_ascii_case("then"));
    if let Some(value) = hyphenated_age(tokens[i].text).filter(|_| !then) {
        // Only nouns between ("the 33-year-old actress Tara Reid"), not "congregation in
        // Wasilla"; and no person noun after the name ("a 57-year-old Wasilla woman").
        let after = (i + 1..tokens.len().min(i + 4))
            .take_while(|&k| {
                starting_at(mentions, k).is_some()
                    || (tokens[k].is_word()
                        && !tokens[k].is_capitalized()
                        && !LINKS.contains(&tokens[k].text.to_ascii_lowercase().as_str()))
            })
            .find_map(|k| starting_at(mentions, k))
            .filter(|m| {
                is_person(m)
                    && !tokens.get(m.last_token + 1).is_some_and(|t| {
                        PERSON_NOUNS.contains(&t.text.to_ascii_lowercase().as_str())
                    })
            });
        let before = i
            .checked_sub(3)
            .filter(|&k| {
                is_word(tokens.get(i - 1), &["a", "an", "the"]) && tokens[k + 1].text == ","
            })
            .and_then(|k| ending_at(mentions, k))
            .filter(|m| is_person(m));
        return after.or(before).map(|m| found(m, i, i, value));
    }
    // A name with digits ("IE6") is a product, not a person.
    let m = ending_at(mentions, i)
        .filter(|m| is_person(m) && !m.id.contains(|c: char| c.is_ascii_digit()))?;
    let next = |k: usize| tokens.get(i + k);
    let comma = next(1).is_some_and(|t| t.text == ",");
    // "Reid, 33," — but not "Reid, 33 others".
    if comma {
        if let Some(value) = next(2).and_then(|t| age_number(t.text)) {
            // Not a list: "IE6, 7, 8".
            let list = next(3).is_some_and(|t| t.text == ",")
                && next(4).is_some_and(|t| number::parse_cardinal(t.text).is_some());
            if ends_phrase(next(3)) && !list {
                return Some(found(m, i + 2, i + 2, value));
            }
        }
    }
    // "Reid (33)".
    if next(1).is_some_and(|t| t.text == "(") && next(3).is_some_and(|t| t.text == ")") {
        if let Some(value) = next(2).and_then(|t| age_number(t.text)) {
            return Some(found(m, i + 2, i + 2, value));
        }
    }
    // "Reid, who is 33", "Reid, who turned 33 years old".
    let skip = usize::from(comma);
    if is_word(next(skip + 1), &["who"])
        && is_word(next(skip + 2), &["is", "was", "turned", "turns"])
    {
        return years_old(tokens, i + skip + 3).map(|(l, v)| found(m, i + skip + 3, l, v));
    }
    // "Reid, aged 33".
    if is_word(next(skip + 1), &["aged"]) {
        let at = i + skip + 2;
        return tokens
            .get(at)
            .and_then(|t| age_number(t.text))
            .filter(|_| ends_phrase(tokens.get(at + 1)))
            .map(|v| found(m, i + skip + 1, at, v));
    }
    // "Reid is 33 years old".
    if is_word(next(1), &["is", "was"]) {
        let at = i + 2;
        if is_word(tokens.get(at + 1), &["years"]) && is_word(tokens.get(at + 2), &["old"]) {
            return years_old(tokens, at).map(|(l, v)| found(m, at, l, v));
        }
    }
    None
}

/// An age at token `at`, alone or followed by "years old": its last token and value.
fn years_old(tokens: &[Token<'_>], at: usize) -> Option<(usize, f64)> {
    let value = age_number(tokens.get(at)?.text)?;
    if is_word(tokens.get(at + 1), &["years"]) && is_word(tokens.get(at + 2), &["old"]) {
        return Some((at + 2, value));
    }
    ends_phrase(tokens.get(at + 1)).then_some((at, value))
}

/// A facility's location stated at token `i`: "the Promises Treatment Center in Malibu",
/// "Malibu's Promises center".
fn located_at<'m>(parts: &SentenceParts<'m, '_>, i: usize) -> Option<Found<'m>> {
    let tokens = parts.tokens;
    let mentions: &'m [Mention] = parts.mentions;
    let is_facility = |m: &Mention| {
        m.kind != EntityKind::Country
            && m.kind != EntityKind::Place
            && m.id
                .rsplit('-')
                .next()
                .is_some_and(|last| FACILITIES.contains(&last))
    };
    let found = |facility: &'m Mention, place: &'m Mention, first: usize, last: usize| Found {
        predicate: "located-in",
        first,
        last,
        entity: Some(facility),
        quantity: None,
        places: vec![place],
        object: None,
        timed: false,
    };
    // "X Center in Malibu".
    if let Some(facility) = ending_at(mentions, i).filter(|m| is_facility(m)) {
        if is_word(tokens.get(i + 1), &["in"]) {
            let place = starting_at(mentions, i + 2).filter(|m| may_be_place(m))?;
            return Some(found(facility, place, i + 1, place.last_token));
        }
        return None;
    }
    // "Malibu's Promises center", "Malibu's Promises Treatment Center".
    let place = ending_at(mentions, i).filter(|m| {
        may_be_place(m) && tokens[i].is_possessive() && m.first_token == m.last_token
    })?;
    let facility = starting_at(mentions, i + 1)?;
    let named = is_facility(facility)
        || tokens
            .get(facility.last_token + 1)
            .is_some_and(|t| FACILITIES.contains(&t.text.to_ascii_lowercase().as_str()));
    named.then(|| found(facility, place, place.first_token, place.last_token))
}

/// The magnitudes of the story's quake stated in the sentence.
fn magnitudes<'m>(parts: &SentenceParts<'m, '_>) -> Vec<Found<'m>> {
    let tokens = parts.tokens;
    let mut found: Vec<Found<'m>> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for i in 0..tokens.len() {
        let Some((value_token, first, last, value)) = magnitude_at(tokens, i) else {
            continue;
        };
        if used.contains(&value_token) || !(0.0..=MAX_MAGNITUDE).contains(&value) {
            continue;
        }
        used.push(value_token);
        let window = first.saturating_sub(12)..(last + 6).min(tokens.len());
        if tokens[window]
            .iter()
            .any(|t| OTHER_QUAKE.contains(&t.text.to_ascii_lowercase().as_str()))
            || is_range(tokens, value_token)
            || parts.times.iter().any(|(_, t)| is_calendar(tokens, t.span))
        {
            continue;
        }
        // "at least magnitude-5.9", "a magnitude of at least 5.9".
        let bound = number::approximator_before(tokens, value_token)
            .or_else(|| number::approximator_before(tokens, first))
            .map_or(Bound::Exact, |(_, b)| b);
        let places = parts
            .mentions
            .iter()
            // Not "U.S." of "U.S. Geological Survey": a place inside a longer name.
            .filter(|m| {
                !m.adjective
                    && !tokens
                        .get(m.last_token + 1)
                        .is_some_and(Token::is_capitalized)
            })
            .filter(|m| {
                matches!(m.kind, EntityKind::Country | EntityKind::Place)
                    || (may_be_place(m)
                        && is_word(
                            m.first_token.checked_sub(1).and_then(|p| tokens.get(p)),
                            &["in", "off", "near", "on", "island"],
                        ))
            })
            .filter(|m| {
                !parts
                    .attribution
                    .is_some_and(|a| a.occupies.0 <= m.first_token && m.last_token <= a.occupies.1)
            })
            .collect();
        found.push(Found {
            predicate: "magnitude",
            first,
            last,
            entity: None,
            quantity: Some(quantity(
                tokens,
                (value_token, value_token),
                value,
                bound,
                "magnitude",
            )),
            places,
            object: None,
            timed: true,
        });
    }
    found
}

/// Whether the number at `i` opens a range or a list ("magnitude 2 and 3", "5 to 6").
fn is_range(tokens: &[Token<'_>], i: usize) -> bool {
    is_word(tokens.get(i + 1), &["and", "or", "to", "-"])
        && tokens
            .get(i + 2)
            .is_some_and(|t| number::parse_cardinal(t.text).is_some())
}

/// Whether the time expression at `span` is written as a calendar date, month or year ("in
/// February", "In 2004", "On April 6") rather than relative to the news ("on Sunday", "this
/// morning"). Quakes dated so in a story about a quake are earlier ones.
fn is_calendar(tokens: &[Token<'_>], span: Span) -> bool {
    tokens.iter().filter(|t| span.contains(t.span)).any(|t| {
        let word = t.text.trim_end_matches('.');
        let month = closed::MONTHS.iter().any(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        });
        let year = word.len() == 4
            && word
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
        month || year
    })
}

/// A magnitude stated around token `i`: the token holding the value, the statement's first and
/// last token, and the value.
fn magnitude_at(tokens: &[Token<'_>], i: usize) -> Option<(usize, usize, usize, f64)> {
    let text = tokens[i].text;
    // "6.1-magnitude".
    if let Some(number) = strip_suffix_ignoring_case(text, "-magnitude") {
        return number::parse_cardinal(&number.to_ascii_lowercase()).map(|v| (i, i, i, v));
    }
    // "magnitude-5.9".
    if let Some(number) = strip_prefix_ignoring_case(text, "magnitude-") {
        return number::parse_cardinal(&number.to_ascii_lowercase()).map(|v| (i, i, i, v));
    }
    if text.eq_ignore_ascii_case("magnitude") {
        // "6.1 magnitude".
        if let Some(v) = i
            .checked_sub(1)
            .and_then(|p| number::parse_cardinal(tokens[p].text))
        {
            return Some((i - 1, i - 1, i, v));
        }
        // "magnitude 6.1", "magnitude of 6", "magnitude at 5.9", "magnitude of at least 5.9".
        let mut k = i + 1;
        while is_word(tokens.get(k), &["of", "at", "was", "is", "measured"]) {
            k += 1;
        }
        let mut probe = k;
        while probe < tokens.len().min(k + 3)
            && number::parse_cardinal(tokens[probe].text).is_none()
        {
            probe += 1;
        }
        if probe < tokens.len() {
            let approximated = number::approximator_before(tokens, probe)
                .is_some_and(|(start, _)| i < start && start <= k);
            if probe == k || approximated {
                let v = number::parse_cardinal(tokens[probe].text)?;
                return Some((probe, i, probe, v));
            }
        }
        return None;
    }
    // "measured 6.1 on the Richter scale".
    let richter = is_word(tokens.get(i + 1), &["on"])
        && is_word(tokens.get(i + 2), &["the"])
        && is_word(tokens.get(i + 3), &["richter"]);
    let v = richter.then(|| number::parse_cardinal(text)).flatten()?;
    Some((i, i, i + 3, v))
}

/// Titles the entity grammar folded into person names ([`Mention::title`]): "Defense Secretary
/// Lloyd Austin" → defense-secretary. A title not held now ("former Defense Secretary", "the
/// late President") is no attribute of the person.
fn titles<'m>(parts: &SentenceParts<'m, '_>) -> Vec<Found<'m>> {
    const NOT_HELD: &[&str] = &[
        "former", "ex", "late", "then", "acting", "incoming", "outgoing",
    ];
    let tokens = parts.tokens;
    parts
        .mentions
        .iter()
        .filter(|m| is_person(m) && m.id.contains('-'))
        .filter_map(|m| {
            let title = m.title.as_deref()?;
            let first = m.first_token;
            let last = (first..=m.last_token)
                .take_while(|&k| tokens[k].span.end <= m.span.start)
                .last()?;
            let before = first.checked_sub(1).and_then(|p| tokens.get(p));
            if is_word(before, NOT_HELD) || title.split(' ').any(|w| NOT_HELD.contains(&w)) {
                return None;
            }
            Some(Found {
                predicate: "title",
                first,
                last,
                entity: Some(m),
                quantity: None,
                places: Vec::new(),
                object: Some(title.replace(' ', "-")),
                timed: false,
            })
        })
        .collect()
}

/// Singular nouns of weapons whose origin is read, when the lexicon knows them as a thing.
const WEAPONS: &[&str] = &[
    "missile",
    "rocket",
    "drone",
    "shell",
    "torpedo",
    "bomb",
    "projectile",
    "warhead",
    "interceptor",
];

/// Verbs that send a weapon off; their agent is where it came from.
const LAUNCH_VERBS: &[&str] = &["launched", "fired", "shot"];

/// How many tokens may stand between a weapon and the launch verb its origin is read from
/// ("the missile believed to have been launched by").
const LAUNCH_REACH: usize = 6;

/// The country a mention gives as an origin: a country ("Ukraine", "Russian"), or the country
/// of one of its bodies ("Ukrainian air defense" is ukraine/air-defense).
fn origin_country(m: &Mention) -> Option<String> {
    match m.kind {
        EntityKind::Country => Some(m.id.clone()),
        EntityKind::Organization | EntityKind::Body => {
            m.id.split_once('/').map(|(country, _)| country.to_string())
        }
        _ => None,
    }
}

/// Whether a mention is one weapon: a thing of the lexicon written as a singular weapon noun.
fn is_weapon(tokens: &[Token<'_>], m: &Mention) -> bool {
    m.kind == EntityKind::Thing && is_word(tokens.get(m.last_token), WEAPONS)
}

/// Origins of weapons ([`WEAPONS`]): "A Russian missile" (a demonym right before the weapon);
/// "the missile ... launched by Ukrainian air defense" (the agent of a launch verb a few words
/// after the weapon, with no other weapon between); "Ukraine fired the rocket" (a country or
/// its forces right before a launch verb, the weapon within three words after it).
fn origins<'m>(parts: &SentenceParts<'m, '_>) -> Vec<Found<'m>> {
    let tokens = parts.tokens;
    let mentions = parts.mentions;
    // Most sentences name no weapon: read nothing more of them.
    if !mentions.iter().any(|m| is_weapon(tokens, m)) {
        return Vec::new();
    }
    let found = |first: usize, last: usize, weapon: &'m Mention, country: String| Found {
        predicate: "origin",
        first,
        last,
        entity: Some(weapon),
        quantity: None,
        places: Vec::new(),
        object: Some(country),
        timed: false,
    };
    let mut out = Vec::new();
    for weapon in mentions.iter().filter(|m| is_weapon(tokens, m)) {
        // "A Russian missile", "Russia's missile".
        let before = weapon.first_token.checked_sub(1);
        if let Some(origin) = before.and_then(|i| ending_at(mentions, i)) {
            let marks_origin = origin.adjective || tokens[origin.last_token].is_possessive();
            if let Some(country) = marks_origin.then(|| origin_country(origin)).flatten() {
                out.push(found(
                    origin.first_token,
                    origin.last_token,
                    weapon,
                    country,
                ));
            }
        }
        // "the missile believed to have been launched by Ukrainian air defense".
        let reach = (weapon.last_token + 1..tokens.len()).take(LAUNCH_REACH + 1);
        for verb in reach {
            if mentions
                .iter()
                .any(|m| m.first_token == verb && is_weapon(tokens, m))
            {
                break;
            }
            if !is_word(tokens.get(verb), LAUNCH_VERBS) || !is_word(tokens.get(verb + 1), &["by"]) {
                continue;
            }
            let mut at = verb + 2;
            if is_word(tokens.get(at), &["the"]) {
                at += 1;
            }
            if let Some(agent) = starting_at(mentions, at) {
                if let Some(country) = origin_country(agent) {
                    out.push(found(verb, agent.last_token, weapon, country));
                }
            }
            break;
        }
    }
    // "Ukraine fired the rocket", "Ukrainian forces launched a missile".
    for (verb, token) in tokens.iter().enumerate() {
        if !is_word(Some(token), LAUNCH_VERBS) {
            continue;
        }
        let Some(agent) = verb.checked_sub(1).and_then(|i| ending_at(mentions, i)) else {
            continue;
        };
        let Some(country) = origin_country(agent).filter(|_| !agent.adjective) else {
            continue;
        };
        // "shot down a missile": the weapon was the other side's.
        if is_word(tokens.get(verb + 1), &["down"]) {
            continue;
        }
        let weapon = mentions
            .iter()
            .find(|m| m.first_token > verb && m.first_token <= verb + 3 && is_weapon(tokens, m));
        if let Some(weapon) = weapon {
            out.push(found(agent.first_token, verb, weapon, country));
        }
    }
    out
}

/// The span a claim's value is written at: its quantity, else its place, else its trigger.
pub fn value_span(claim: &Claim) -> Span {
    claim
        .quantities
        .first()
        .map(|q| q.span)
        .or_else(|| {
            claim
                .participants
                .iter()
                .find(|p| p.role == Role::Location)
                .map(|p| p.span)
        })
        .unwrap_or(claim.event.span)
}

#[cfg(test)]
mod tests {
    use crate::input::Article;
    use crate::pipeline::analyze::Analyzer;

    /// The attribute claims of `text`, as "predicate entity value" strings.
    fn attributes(text: &str) -> Vec<String> {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("built-in rules");
        let article = Article::from_text("a", text, "2008-09-12".parse().ok());
        analyzer
            .analyze(&article)
            .claims
            .into_iter()
            .filter(|c| c.is_attribute())
            .map(|c| {
                let entities: Vec<&str> =
                    c.participants.iter().map(|p| p.entity.as_str()).collect();
                let value = c
                    .quantities
                    .first()
                    .map(|q| format!("{}{:?}", q.value, q.bound))
                    .or(c.object.clone())
                    .unwrap_or_default();
                format!("{} {} {}", c.event.predicate, entities.join(","), value)
                    .trim()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn age_after_a_name_between_commas() {
        assert_eq!(
            attributes("Tara Reid, 33, entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Rehab was entered by Tara Reid, 33."),
            ["age tara-reid 33Exact"]
        );
    }

    #[test]
    fn hyphenated_ages_before_and_after_the_name() {
        assert_eq!(
            attributes("The 33-year-old Tara Reid entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("The 33-year-old actress Tara Reid entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Tara Reid, a thirty-three-year-old actress, entered rehab."),
            ["age tara-reid 33Exact"]
        );
    }

    #[test]
    fn ages_in_relative_clauses_and_with_aged() {
        assert_eq!(
            attributes("Tara Reid, who is 33, entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Tara Reid, who turned 33 years old, entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Tara Reid, aged 33, entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Tara Reid (33) entered rehab."),
            ["age tara-reid 33Exact"]
        );
        assert_eq!(
            attributes("Tara Reid is 33 years old."),
            ["age tara-reid 33Exact"]
        );
    }

    #[test]
    fn numbers_that_are_not_ages() {
        assert!(attributes("The crash closed Route 33 near Denver.").is_empty());
        assert!(attributes("Police named the 33 victims on Friday.").is_empty());
        assert!(attributes("Tara Reid, 2009, was a bad year.").is_empty());
        assert!(attributes("In Houston, 33 people were arrested.").is_empty());
        assert!(attributes("Tara Reid, 33 others and the crew left.").is_empty());
        assert!(attributes("The 33-year-old entered rehab.").is_empty());
        assert!(attributes("The 30-year-old congregation in Wasilla grew.").is_empty());
        assert!(attributes("A 57-year-old Wasilla woman was indicted.").is_empty());
        assert!(attributes("The fix covers Tara Reid, 7, 8 and 9.").is_empty());
        assert!(attributes("Lynch said then-15-year-old Jermayne Timmons was there.").is_empty());
    }

    #[test]
    fn magnitudes_in_every_form() {
        let one = |text: &str| {
            attributes(text)
                .into_iter()
                .filter(|a| a.starts_with("magnitude"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            one("The 6.1-magnitude quake struck Iran."),
            ["magnitude iran 6.1Exact"]
        );
        assert_eq!(
            one("A magnitude 6.1 earthquake struck Iran."),
            ["magnitude iran 6.1Exact"]
        );
        assert_eq!(
            one("A magnitude-5.9 quake struck Iran."),
            ["magnitude iran 5.9Exact"]
        );
        assert_eq!(
            one("The quake in Iran had a magnitude of at least 5.9."),
            ["magnitude iran 5.9AtLeast"]
        );
        assert_eq!(
            one("The quake in Iran measured 6.1 on the Richter scale."),
            ["magnitude iran 6.1Exact"]
        );
        assert_eq!(
            one("Seismologists put the quake's magnitude at 5.9."),
            ["magnitude  5.9Exact"]
        );
    }

    #[test]
    fn magnitudes_that_are_not_the_story_quake() {
        let magnitudes = |text: &str| {
            attributes(text)
                .into_iter()
                .filter(|a| a.starts_with("magnitude"))
                .count()
        };
        assert_eq!(
            magnitudes("It was followed by aftershocks of magnitude 4.5 in Iran."),
            0
        );
        assert_eq!(
            magnitudes("The last major quake in Iran was a magnitude-6.4 quake."),
            0
        );
        assert_eq!(magnitudes("An outage of the same order of magnitude."), 0);
        assert_eq!(
            magnitudes("In 2004, a magnitude 9.1 quake off Indonesia killed 230,000 people."),
            0
        );
        assert_eq!(
            magnitudes("Shakers around magnitude 2 and 3 are usual in Iran."),
            0
        );
        assert_eq!(
            magnitudes("A magnitude-6.0 quake can cause severe damage."),
            0
        );
        assert_eq!(magnitudes("A magnitude 45 quake struck Iran."), 0);
    }

    #[test]
    fn facilities_and_their_places() {
        assert_eq!(
            attributes("She entered the Promises Treatment Center in Malibu on Friday."),
            ["located-in promises-treatment-center,malibu"]
        );
        assert_eq!(
            attributes("She stayed at Malibu's Promises center."),
            ["located-in promises,malibu"]
        );
        assert!(attributes("Tara Reid in Malibu was seen on Friday.").is_empty());
    }

    #[test]
    fn titles_folded_into_names() {
        assert_eq!(
            attributes("Defense Secretary Lloyd Austin spoke on Friday."),
            ["title lloyd-austin defense-secretary"]
        );
        assert_eq!(
            attributes("Senator John Smith spoke on Friday."),
            ["title john-smith senator"]
        );
        assert_eq!(
            attributes("Secretary of State Antony Blinken spoke on Friday."),
            ["title antony-blinken secretary-of-state"]
        );
        assert!(attributes("Former Defense Secretary Lloyd Austin spoke.").is_empty());
        assert!(attributes("Mr. John Smith spoke on Friday.").is_empty());
    }

    /// The origin claims of `text`.
    fn origins(text: &str) -> Vec<String> {
        attributes(text)
            .into_iter()
            .filter(|a| a.starts_with("origin"))
            .collect()
    }

    #[test]
    fn origins_of_one_weapon_in_every_form() {
        assert_eq!(
            origins("An Iranian missile hit a depot."),
            ["origin missile iran"]
        );
        assert_eq!(
            origins("Iran's rocket hit a depot."),
            ["origin missile iran"]
        );
        assert_eq!(
            origins(
                "The missile, believed to have been launched by Iraqi air defense, hit a depot."
            ),
            ["origin missile iraq"]
        );
        assert_eq!(
            origins("The rocket was fired by Iraq."),
            ["origin missile iraq"]
        );
        assert_eq!(
            origins("Iraq fired the rocket at a ferry."),
            ["origin missile iraq"]
        );
    }

    #[test]
    fn what_gives_no_origin() {
        // Salvos in the plural, a launch verb too far from the weapon or after another one,
        // and an agent that is no country.
        assert!(origins("Iranian missiles hit a depot.").is_empty());
        assert!(
            origins(
                "The missile hit a depot that the army had guarded since it was fired by Iraq."
            )
            .is_empty()
        );
        // Only the weapon nearest the verb takes its agent.
        assert_eq!(
            origins("The missile and a rocket were fired by Iraq."),
            ["origin missile iraq"]
        );
        assert!(origins("The rocket was fired by Dana Whitfield.").is_empty());
        assert!(origins("Iraq shot down a missile over the border.").is_empty());
        assert!(origins("The missile was shot down by Iraq.").is_empty());
    }
}
