//! Assembling claims from one sentence's mentions.
//!
//! Every event word of the lexicon (a verb form or a nominalization) starts a claim. The claim
//! takes what stands in its clause — the stretch between commas, semicolons, dashes, quotation
//! marks and subordinating words: entities before the event word are its agents, after it its
//! patients; the time expression nearest to it; the quantities of the clause. Attribution is the
//! sentence's; modality and polarity come from the cues around the event word.
//!
//! Every number of a counted thing ("had 30 points", "at a depth of 44 miles", "seized 13
//! loaded magazines") makes a *count claim* of its own, so statistics and measures are
//! compared too, and a number stated with an event word by one source meets the same number
//! stated with another event word, or none, by another.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::claim::model::{
    COUNT, Claim, ClaimTime, DATE, Event, Modality, Participant, Polarity, Quantity, Role,
};
use crate::grammar::cue::{self, CueIndex, Found};
use crate::grammar::entity::Mention;
use crate::grammar::number;
use crate::grammar::token::Token;
use crate::lexicon::{EntityKind, closed};
use crate::temporal::{Timex, TimexType};
use crate::text::WordSet;
use crate::text::span::Span;

pub use crate::claim::trigger::EventIndex;

/// Words that open a new clause.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "where", "which", "while", "though", "although", "but", "because", "whereas", "however",
    "whom", "despite", "since", "after", "before", "until", "unless",
]);

/// `text.to_lowercase()`, borrowed when that is `text` itself: ASCII without capitals, as most
/// tokens are (this runs for every token of every claim's sentence).
fn lower(text: &str) -> Cow<'_, str> {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

fn clause_breaks(tokens: &[Token<'_>]) -> Vec<usize> {
    let mut breaks = vec![0];
    let mut in_place = false;
    for (i, token) in tokens.iter().enumerate() {
        let word = lower(token.text);
        // The commas around the state or country of a place are no breaks: "in a Los
        // Angeles, California, hospital Thursday" is one clause.
        if token.text == "," && (in_place || encloses_region(tokens, i)) {
            in_place = !in_place;
            continue;
        }
        // Dashes are not breaks: they enclose appositives that name the participants
        // ("the top diplomats — Blinken and Lavrov — had last spoken").
        if matches!(token.text, "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”")
            || CLAUSE_WORDS.contains(&word)
        {
            breaks.push(i);
        }
    }
    breaks.push(tokens.len());
    breaks
}

/// Whether the comma at `i` opens the region of a place: a capitalized word before it, then
/// one to three capitalized words (or an abbreviation, "Calif.") and a comma, then a word in
/// lower case ("Los Angeles, California, hospital", "Biloxi, Miss., hotel").
fn encloses_region(tokens: &[Token<'_>], i: usize) -> bool {
    let capitalized = |k: usize| tokens.get(k).is_some_and(|t| t.is_capitalized());
    // A day before the comma opens the sentence with its time ("Saturday, Robert Buckley,
    // originally ..."), not a place.
    let day = |k: usize| {
        closed::WEEKDAYS.contains(&tokens[k].text) || closed::MONTHS.contains(&tokens[k].text)
    };
    if i == 0 || !capitalized(i - 1) || day(i - 1) {
        return false;
    }
    let Some(close) = (i + 1..tokens.len().min(i + 6)).find(|&k| tokens[k].text == ",") else {
        return false;
    };
    close > i + 1
        && (i + 1..close).all(|k| capitalized(k) || tokens[k].text == ".")
        && tokens
            .get(close + 1)
            .is_some_and(|t| t.is_word() && !t.is_capitalized())
}

/// The clause (token range) around token `i`.
fn clause_of(breaks: &[usize], i: usize) -> (usize, usize) {
    let end_index = breaks.partition_point(|&b| b <= i);
    let start = breaks[end_index - 1];
    let end = breaks.get(end_index).copied().unwrap_or(usize::MAX);
    (start, end)
}

/// What the grammar found in one sentence.
#[derive(Debug)]
pub struct SentenceParts<'a, 't> {
    /// The article id.
    pub article: &'a str,
    /// The sentence span.
    pub sentence: Span,
    /// Its tokens.
    pub tokens: &'a [Token<'t>],
    /// Its entity mentions.
    pub mentions: &'a [Mention],
    /// Its time expressions (indices into the article's list, and the expressions).
    pub times: &'a [(usize, &'a Timex)],
    /// Its quantities.
    pub quantities: &'a [Quantity],
    /// Its attribution.
    pub attribution: Option<&'a Found>,
}

/// A claim and the index of the time expression it took, if any.
#[derive(Debug)]
pub struct Extracted {
    /// The claim (its id is filled in by the caller, which sees the whole article).
    pub claim: Claim,
    /// The article-level index of its time expression.
    pub timex: Option<usize>,
}

/// The claims of one sentence: its events, then its attributes (`claim::attribute`).
pub fn claims(
    events: &EventIndex,
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
) -> Vec<Extracted> {
    let mut claims = event_claims(events, cues, parts);
    claims.extend(crate::claim::attribute::claims(cues, parts));
    claims
}

/// The event claims of one sentence.
fn event_claims(
    events: &EventIndex,
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
) -> Vec<Extracted> {
    let tokens = parts.tokens;
    let breaks = clause_breaks(tokens);
    let attribution_range = parts.attribution.map(|found| found.occupies);
    let in_attribution = |i: usize| attribution_range.is_some_and(|(a, b)| a <= i && i <= b);
    let in_mention = |i: usize| {
        parts
            .mentions
            .iter()
            .any(|m| m.first_token <= i && i <= m.last_token)
    };
    let time_spans: Vec<Span> = parts.times.iter().map(|(_, t)| t.span).collect();
    let in_time = |span: Span| time_spans.iter().any(|t| t.overlaps(span));
    let mut triggers = Vec::new();
    // Verbs of saying that announce a thing: their claims name the announcer as agent.
    let mut announcing = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if in_mention(i) || in_time(tokens[i].span) {
            i += 1;
            continue;
        }
        let say = cues.is_say_verb(tokens[i].text);
        if say {
            // "Kempthorne announced major changes Thursday", "AMD announced a definitive
            // agreement": a verb of saying with an object is the event itself, not a report.
            match events.at(tokens, i) {
                Some((predicate, is_noun, last))
                    if last > i
                        || announces_thing(tokens, &time_spans, last)
                        || announced_passive(tokens, i, last) =>
                {
                    announcing.push(i);
                    triggers.push((i, last, predicate.to_string(), is_noun));
                    i = last + 1;
                }
                _ => i += 1,
            }
            continue;
        }
        if in_attribution(i) {
            i += 1;
            continue;
        }
        match events.at(tokens, i) {
            Some((_, _, last)) if gerund_subject(tokens, i) => i = last + 1,
            Some((predicate, is_noun, last)) => {
                triggers.push((i, last, predicate.to_string(), is_noun));
                i = last + 1;
            }
            None => i += 1,
        }
    }
    // The announcer stands in the attribution, which other claims leave out.
    let unattributed = SentenceParts {
        article: parts.article,
        sentence: parts.sentence,
        tokens: parts.tokens,
        mentions: parts.mentions,
        times: parts.times,
        quantities: parts.quantities,
        attribution: None,
    };
    let lone_trigger = triggers.len() == 1;
    let trigger_clauses: Vec<usize> = triggers
        .iter()
        .map(|(first, ..)| breaks.partition_point(|&b| b <= *first))
        .collect();
    let trigger_starts: Vec<usize> = triggers.iter().map(|(first, ..)| *first).collect();
    // Event words by token, so a count's descriptor can say what event it counts by its
    // predicate, however each source words it ("injured" / "wounded" / "hurt").
    let event_words: Vec<(Span, String)> = triggers
        .iter()
        .map(|(first, last, predicate, _)| {
            (
                tokens[*first].span.cover(tokens[*last].span),
                predicate.clone(),
            )
        })
        .collect();
    let mut claims = triggers
        .into_iter()
        .map(|(first, last, predicate, is_noun)| {
            let (clause_start, clause_end) = clause_of(&breaks, first);
            let trigger_span = tokens[first].span.cover(tokens[last].span);
            let in_clause = |span: Span| {
                let start_ok = clause_start == 0 || tokens[clause_start].span.start <= span.start;
                let end_ok =
                    clause_end >= tokens.len() || span.end <= tokens[clause_end].span.start;
                start_ok && end_ok
            };
            let mut participants = if announcing.contains(&first) {
                participants(&unattributed, &in_clause, trigger_span)
            } else {
                participants(parts, &in_clause, trigger_span)
            };
            if !participants.iter().any(|p| p.role == Role::Agent) {
                let carried = speaker_of_pronoun(parts, &in_time, first)
                    .or_else(|| antecedent_of_who(parts, clause_start, first))
                    .or_else(|| subject_before_apposition(parts, &breaks, clause_start, first));
                if let Some(m) = carried {
                    participants.insert(
                        0,
                        Participant {
                            entity: m.id.clone(),
                            role: Role::Agent,
                            span: m.span,
                        },
                    );
                }
            }
            // The times of the event's clause; failing those, of a neighbouring clause that has
            // no event of its own ("..., twelve days later, Russia invaded").
            let clause_id = breaks.partition_point(|&b| b <= first);
            let time_clause = |t: &Timex| {
                let token = tokens
                    .iter()
                    .position(|k| k.span.start >= t.span.start)
                    .unwrap_or(tokens.len());
                breaks.partition_point(|&b| b <= token)
            };
            let own: Vec<&(usize, &Timex)> = parts
                .times
                .iter()
                .filter(|(_, t)| time_clause(t) == clause_id)
                .collect();
            // A clause holding only a time belongs to the event clause after it, or, at the end
            // of the sentence, to the one before it.
            let orphan = |c: usize| !trigger_clauses.contains(&c);
            let resumed = resumed_times(parts, &breaks, &trigger_starts, clause_end);
            let time_candidates: Vec<&(usize, &Timex)> = if !own.is_empty() {
                own
            } else if !resumed.is_empty() {
                resumed
            } else if lone_trigger {
                parts.times.iter().collect()
            } else {
                parts
                    .times
                    .iter()
                    .filter(|(_, t)| {
                        let c = time_clause(t);
                        (c + 1 == clause_id && orphan(c))
                            || (c == clause_id + 1 && orphan(c) && orphan(c + 1))
                    })
                    .collect()
            };
            // A date written before a noun dates that noun ("an office Christmas party", "the
            // 2008 raid"): another time of the clause dates the event first, unless the noun
            // is the event word.
            let modifies_other = |t: &Timex| {
                attributive(t, tokens).is_some_and(|noun| !(first..=last).contains(&noun))
            };
            // "sentenced on Tuesday following his conviction": an event noun after "after",
            // "following", "since" or "before" lies before or after the clause's day, so only a
            // time written after the noun dates it ("since his arrest on Friday"). A year or a
            // month of the clause most often holds both ("became president in 2006 after the
            // death of ...").
            let relative = is_noun && after_temporal_preposition(tokens, first);
            let nearest = time_candidates
                .into_iter()
                .filter(|(_, t)| {
                    !relative
                        || t.span.start >= trigger_span.end
                        || !t.value.get(..10).is_some_and(names_a_day)
                })
                .min_by_key(|(_, t)| {
                    let distance = if t.span.start >= trigger_span.end {
                        t.span.start - trigger_span.end
                    } else {
                        // Prefer times after the event word: "struck Poland on Nov. 15".
                        (trigger_span.start - t.span.end) * 2
                    };
                    (modifies_other(t), distance, t.span.start)
                });
            let time = nearest.map(|(_, t)| restated(t, parts));
            let quantities = parts
                .quantities
                .iter()
                .filter(|q| in_clause(q.span))
                .cloned()
                .collect();
            let (attribution, modality, polarity) =
                stance(cues, parts, (first, last), (clause_start, clause_end));
            // A noun names its event whole: the word after it is no object ("an earthquake
            // measuring 4.6", "the accident took place").
            let object = (!is_noun)
                .then(|| object_after(tokens, parts.mentions, last, clause_end))
                .flatten();
            let claim = Claim {
                id: String::new(),
                article: parts.article.to_string(),
                sentence: parts.sentence,
                event: Event {
                    predicate,
                    trigger: trigger_span.slice_text(tokens),
                    span: trigger_span,
                },
                participants,
                object,
                time,
                quantities,
                attribution,
                modality,
                polarity,
                context: None,
                sentence_words: None,
            };
            Extracted {
                claim,
                timex: nearest.map(|(index, _)| *index),
            }
        })
        .collect::<Vec<_>>();
    // The sentence's words, which date and count claims carry alike, split once when asked for.
    let sentence = OnceCell::new();
    let words = || {
        sentence
            .get_or_init(|| {
                sentence_words(
                    parts.tokens,
                    parts.mentions,
                    &event_words,
                    &no_descriptor_word(cues, parts),
                )
            })
            .as_str()
    };
    let mut values = counts(cues, parts, &breaks, &event_words, &words);
    values.extend(dates(cues, parts, &breaks, &words));
    carry_agents(parts, &breaks, &claims, &mut values);
    claims.extend(values);
    claims
}

/// Gives a count or date claim whose clause names no agent the agent its clause's event claim
/// carried from before an apposition: in "John Smith, 45, was arrested on Friday" the date's
/// clause is "was arrested on Friday", but the day is Smith's arrest's, as the event claim
/// knows (`subject_before_apposition`, `antecedent_of_who`). A clause with no event word that
/// opens with its verb after the apposition has the sentence's name for subject all the same
/// ("Bush, who missed several games, wraps up the year with 404 yards").
fn carry_agents(
    parts: &SentenceParts<'_, '_>,
    breaks: &[usize],
    events: &[Extracted],
    values: &mut [Extracted],
) {
    let tokens = parts.tokens;
    // The first token over `span` (tokens are in text order, so a binary search finds it).
    let token_at = |span: Span| {
        let k = tokens.partition_point(|k| k.span.end <= span.start);
        tokens
            .get(k)
            .is_some_and(|t| t.span.overlaps(span))
            .then_some(k)
    };
    // A clause opening with a verb: a lower-case word that is no determiner, number or
    // preposition ("wraps", "has", "was").
    let opens_with_verb = |clause_start: usize| {
        tokens.get(clause_start + 1).is_some_and(|k| {
            let word = lower(k.text);
            k.is_word()
                && !k.is_capitalized()
                && !OBJECT_SKIP.contains(&word.as_ref())
                && !OBJECT_STOP.contains(&word.as_ref())
                && number::parse_cardinal(&word).is_none()
        })
    };
    for value in values.iter_mut() {
        let claim = &mut value.claim;
        if claim.participants.iter().any(|p| p.role == Role::Agent) {
            continue;
        }
        let Some(at) = token_at(claim.event.span) else {
            continue;
        };
        let (clause_start, _) = clause_of(breaks, at);
        let clause_opens = tokens
            .get(clause_start)
            .map_or(usize::MAX, |k| k.span.start);
        let clause_events: Vec<&Extracted> = events
            .iter()
            .filter(|e| {
                token_at(e.claim.event.span).map(|k| clause_of(breaks, k).0) == Some(clause_start)
            })
            .collect();
        let carried = clause_events
            .iter()
            .flat_map(|e| &e.claim.participants)
            .find(|p| p.role == Role::Agent && p.span.start < clause_opens)
            .cloned()
            .or_else(|| {
                (clause_events.is_empty() && opens_with_verb(clause_start))
                    .then(|| {
                        subject_before_apposition(parts, breaks, clause_start, clause_start + 1)
                    })
                    .flatten()
                    .map(|m| Participant {
                        entity: m.id.clone(),
                        role: Role::Agent,
                        span: m.span,
                    })
            });
        if let Some(agent) = carried
            && !claim.participants.iter().any(|p| p.span == agent.span)
        {
            claim.participants.insert(0, agent);
        }
    }
}

/// The times of the clause a subject's verb resumes in after a relative clause interrupts it
/// ("The fire, which is being treated as suspicious, broke out on Friday night and quickly
/// spread"): the subject's own clause ends at `clause_end` (a token index) with a comma before
/// "which" or "who"; the verb's clause opens at the next comma. Only the times before that
/// clause's own first event word (`trigger_starts`) are the subject's.
fn resumed_times<'p>(
    parts: &'p SentenceParts<'_, '_>,
    breaks: &[usize],
    trigger_starts: &[usize],
    clause_end: usize,
) -> Vec<&'p (usize, &'p Timex)> {
    let tokens = parts.tokens;
    let relative = tokens.get(clause_end).is_some_and(|t| t.text == ",")
        && tokens
            .get(clause_end + 1)
            .is_some_and(|t| matches!(lower(t.text).as_ref(), "which" | "who"));
    if !relative {
        return Vec::new();
    }
    let Some(&open) = breaks
        .iter()
        .find(|&&b| b > clause_end + 1 && tokens.get(b).is_some_and(|t| t.text == ","))
    else {
        return Vec::new();
    };
    let close = breaks
        .iter()
        .copied()
        .find(|&b| b > open)
        .unwrap_or(tokens.len());
    let until = trigger_starts
        .iter()
        .copied()
        .filter(|&k| k > open && k < close)
        .min()
        .unwrap_or(close);
    let (Some(from), Some(to)) = (tokens.get(open), tokens.get(until.min(tokens.len()) - 1)) else {
        return Vec::new();
    };
    parts
        .times
        .iter()
        .filter(|(_, t)| t.span.start >= from.span.end && t.span.end <= to.span.end)
        .collect()
}

/// Date claims: every date or time of day ("on Tuesday", "in 2003", "at 2:09 a.m. Thursday")
/// read with the words of its clause, whether or not an event word's clause carries it, as
/// counts are: one outlet writes "Pierre Thomas was placed on injured reserve Wednesday",
/// which no event word carries, another "the Saints placed Thomas on injured reserve on
/// Wednesday"; one dates a death, the other the shooting that killed. The claim's predicate is
/// [`DATE`], its object the descriptor of the words around the date (`descriptor`, unit
/// `date`: no calendar word, no verb of saying), its participants the names of the clause.
/// A date stated only as when something was said ("police said Tuesday") has no descriptor
/// word of its own beside the speaker, and so meets nothing: report times stay out.
fn dates<'s>(
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
    breaks: &[usize],
    sentence: &dyn Fn() -> &'s str,
) -> Vec<Extracted> {
    let tokens = parts.tokens;
    let skip = no_descriptor_word(cues, parts);
    // Durations and recurrences date nothing; "now" and "recently" take the publication date
    // and state none of their own.
    let dating = |t: &Timex| {
        matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.ends_with("_REF")
    };
    // Dates of one kind are stated alike: a year as four digits, a month as seven characters,
    // a weekday with a `W`.
    let kind = |t: &Timex| (t.value.len(), t.value.contains('W'));
    let dated: Vec<&(usize, &Timex)> = parts.times.iter().filter(|(_, t)| dating(t)).collect();
    if dated.is_empty() {
        return Vec::new();
    }
    let sentence = sentence();
    let mut out = Vec::new();
    for (n, &&(index, t)) in dated.iter().enumerate() {
        let alike = |(_, x): &&&(usize, &Timex)| kind(x) == kind(t);
        let place = dated[..n].iter().filter(alike).count();
        let stated = dated.iter().filter(alike).count();
        let (breaks, opening_comma) = date_clause_breaks(tokens, breaks, t.span);
        // A date opening its sentence is described by the next clause's words nearest to it,
        // past the comma between them.
        let describe = |(first, last): (usize, usize), clause: (usize, usize)| {
            let value = (first, opening_comma.unwrap_or(last));
            descriptor(tokens, parts.mentions, &[], value, clause, DATE, &skip)
        };
        let Some(mut claim) = value_claim(cues, parts, &breaks, (DATE, t.span), &describe) else {
            continue;
        };
        // The date's place among the sentence's dates of its kind ("from 1995 to 1998": the
        // first of two years), then the words of its sentence.
        claim.sentence_words = Some(placed(place, stated, sentence));
        claim.time = Some(ClaimTime::from_timex(t));
        out.push(Extracted {
            claim,
            timex: Some(index),
        });
    }
    out
}

/// Words that may stand beside a date in a clause of its own and say nothing of what it dates:
/// "In 2002, she became ...", "Earlier this month, ...".
static DATE_FRAME_WORDS: WordSet = WordSet::new(&[
    "in", "on", "at", "by", "since", "after", "before", "until", "during", "from", "of", "the",
    "early", "late", "mid", "earlier", "later", "last", "this", "that", "next", "as", "and",
]);

/// Words opening a relative clause, which tells of what the clause before it names: "elections
/// in Ruritania, which are planned for May 2".
static RELATIVE_WORDS: WordSet = WordSet::new(&["which", "where", "whom"]);

/// The clause breaks a date's claim is read by: `breaks`, except that a date written as a
/// calendar date that opens its sentence in a clause of its own, with nothing but
/// [`DATE_FRAME_WORDS`] beside it, belongs to the clause it frames ("In 2002, she became
/// president of ..."), and a date in a relative clause belongs to it and to the clause before,
/// which names what it dates ("elections in Ruritania, which are planned for May 2"). Without
/// this, the date's claim names no one. A date standing alone after the clause it dates ("...,
/// since 1991") is left alone: joined, it met more sentences about other facts than it found
/// (docs/engine.md, "Dates read with the clause they frame"). Also returns the comma after a
/// date joined to the next clause.
fn date_clause_breaks<'b>(
    tokens: &[Token<'_>],
    breaks: &'b [usize],
    date: Span,
) -> (Cow<'b, [usize]>, Option<usize>) {
    let unchanged = (Cow::Borrowed(breaks), None);
    let Some(first) = tokens.iter().position(|k| k.span.overlaps(date)) else {
        return unchanged;
    };
    let (start, end) = clause_of(breaks, first);
    let end = end.min(tokens.len());
    let opening = start == 0
        && end < tokens.len()
        && tokens[end].text == ","
        && tokens[start..end].iter().all(|k| {
            k.span.overlaps(date) || !k.is_word() || DATE_FRAME_WORDS.contains(&lower(k.text))
        })
        // A day told relative to the article's own ("Today, customers can ...") is as often the
        // day of the report as of what the clause tells.
        && written_as_calendar_date(&date.slice_text(tokens));
    if opening {
        let breaks = breaks.iter().copied().filter(|&b| b != end).collect();
        return (Cow::Owned(breaks), Some(end));
    }
    if start > 0 && RELATIVE_WORDS.contains(&lower(tokens[start].text)) {
        // A comma right before the relative word (", which") parts nothing more.
        let comma_before = tokens[start - 1].text == ",";
        let breaks = breaks
            .iter()
            .copied()
            .filter(|&b| b != start && !(comma_before && b == start - 1))
            .collect();
        return (Cow::Owned(breaks), None);
    }
    unchanged
}

/// Whether a date is written as a calendar date: with a weekday, a month or a number ("on
/// Saturday night", "in 2010", "Dec. 2"), not as a day relative to the article's own ("today",
/// "yesterday", "tonight", "four years ago"), which each article resolves against its own
/// publication day and which outlets use for the day they report rather than the day of the
/// fact.
pub fn written_as_calendar_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    let relative = ["today", "yesterday", "tonight", "tomorrow", "ago"]
        .iter()
        .any(|w| lower.contains(w));
    let calendar = closed::WEEKDAYS
        .iter()
        .chain(closed::MONTHS.iter())
        .any(|name| lower.contains(&name.to_lowercase()))
        || lower.bytes().any(|b| b.is_ascii_digit());
    calendar && !relative
}

/// Tokens that describe no date or count: those inside a time expression, and verbs of saying
/// ("police said Tuesday" dates no event by "said").
fn no_descriptor_word<'x>(
    cues: &'x CueIndex,
    parts: &'x SentenceParts<'_, '_>,
) -> impl Fn(&Token<'_>) -> bool + 'x {
    move |t| parts.times.iter().any(|(_, x)| x.span.overlaps(t.span)) || cues.is_say_verb(t.text)
}

/// A value's place among its sentence's values of its kind, counted from 0, with how many
/// there are, before the sentence's words: `Claim::sentence_words` ("1/2 prior conviction").
fn placed(place: usize, stated: usize, sentence: &str) -> String {
    format!("{}/{stated} {sentence}", place + 1)
        .trim_end()
        .to_string()
}

/// A token's word as a description reads it: lower case, a possessive's apostrophe dropped
/// ("parliament's" is `parliament`). `None` for a token that tells nothing of what a value is
/// of: punctuation, a name (`named`), a token `skip` holds, a word shorter than `min_len`, a
/// number or a function word.
fn content_word(
    t: &Token<'_>,
    min_len: usize,
    named: &dyn Fn(&Token<'_>) -> bool,
    skip: &dyn Fn(&Token<'_>) -> bool,
) -> Option<String> {
    if !t.is_word() {
        return None;
    }
    let lowered = lower(t.text);
    let word = lowered
        .strip_suffix("'s")
        .or_else(|| lowered.strip_suffix("’s"))
        .unwrap_or(&lowered)
        .trim_end_matches(['\'', '’']);
    // The word's own tests first: they are cheaper than `skip` and `named`, which look
    // through the sentence's times and names.
    let says_nothing = word.len() < min_len
        || word.bytes().any(|b| b.is_ascii_digit())
        || COUNT_FUNCTION_WORDS.contains(word)
        || number::parse_cardinal(word).is_some()
        || skip(t)
        || named(t);
    (!says_nothing).then(|| word.to_string())
}

/// The content words of a sentence, each once, in text order, for telling what a date in it
/// dates however an outlet words it: no names, numbers, function words, times or verbs of
/// saying (`skip`); an event word stands for its event, any other word for its light stem
/// (`light_stem`: "sentenced" and "sentence", "serving" and "serve" are one word).
fn sentence_words(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    event_words: &[(Span, String)],
    skip: &dyn Fn(&Token<'_>) -> bool,
) -> String {
    let named = |t: &Token<'_>| mentions.iter().any(|m| m.span.contains(t.span));
    let mut words: Vec<String> = Vec::new();
    for t in tokens {
        let Some(word) = content_word(t, 3, &named, skip) else {
            continue;
        };
        let found = match event_words.iter().find(|(span, _)| span.contains(t.span)) {
            Some((_, predicate)) => vec![predicate.clone()],
            None => word
                .split('-')
                .filter(|w| w.len() > 2)
                .map(light_stem)
                .collect(),
        };
        for w in found {
            if !w.is_empty() && !words.contains(&w) {
                words.push(w);
            }
        }
    }
    words.join(" ")
}

/// A word without its commonest inflections, so that forms of one word compare equal:
/// "sentenced", "sentence" and "sentences" are `sentenc`; "serving", "served", "serve" are
/// `serv`; "convictions" is `conviction`; "stopped" is `stop`. Not a full stemmer: only
/// plural and verb endings, and a final `e`.
pub fn light_stem(word: &str) -> String {
    let mut w = word.to_string();
    for (suffix, by) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(head) = w.strip_suffix(suffix) {
            if head.len() >= 3 && !(suffix == "s" && (head.ends_with('s') || head.ends_with('u'))) {
                w = format!("{head}{by}");
                break;
            }
        }
    }
    // "stopp" of "stopped", "runn" of "running".
    let b = w.as_bytes();
    if b.len() >= 4
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z' | b'e' | b'o')
    {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

/// Words after a verb of saying that begin what is said or to whom, not a thing announced:
/// "announced that", "confirmed it will", "revealed to reporters", "announced on Twitter".
const NOT_AN_OBJECT: &[&str] = &[
    "that",
    "whether",
    "if",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "this",
    "to",
    "on",
    "in",
    "at",
    "by",
    "for",
    "with",
    "from",
    "during",
    "after",
    "before",
    "late",
    "early",
    "earlier",
    "later",
    "last",
    "next",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "also",
    "as",
    "not",
    "and",
    "but",
    "so",
];

/// Whether the verb of saying ending at token `last` takes a thing as its object — a
/// lower-case word that opens a noun phrase ("announced major changes", "revealed his
/// identity", "announced plans to") — rather than what was said ("announced Thursday that",
/// "confirmed it will").
fn announces_thing(tokens: &[Token<'_>], times: &[Span], last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else {
        return false;
    };
    let word = lower(next.text);
    next.is_word()
        && !next.is_capitalized()
        && !next.text.starts_with(|c: char| c.is_ascii_digit())
        && !word.ends_with("ly")
        && !NOT_AN_OBJECT.contains(&word.as_ref())
        && !times.iter().any(|t| t.overlaps(next.span))
}

/// Whether the verb of saying at tokens `first..=last` is a passive whose subject is the thing
/// announced ("the new Doctor was announced on Sunday night", "models have just been
/// officially announced by Apple"), not the empty "it" of a report ("it was announced that").
fn announced_passive(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    let word = |k: usize| lower(tokens[k].text);
    let mut k = first;
    // Adverbs of the verb group: "just been officially announced".
    while k > 0 && (word(k - 1).ends_with("ly") || word(k - 1) == "just") {
        k -= 1;
    }
    let passive = k > 0
        && matches!(
            word(k - 1).as_ref(),
            "was" | "were" | "is" | "are" | "been" | "be"
        );
    if !passive {
        return false;
    }
    let mut subject = k - 1;
    while subject > 0
        && matches!(
            word(subject - 1).as_ref(),
            "has" | "have" | "had" | "will" | "would" | "to" | "just" | "'s"
        )
    {
        subject -= 1;
    }
    let empty_subject = subject > 0 && matches!(word(subject - 1).as_ref(), "it" | "it's" | "this");
    let that_follows = tokens
        .get(last + 1)
        .is_some_and(|t| lower(t.text) == "that");
    !empty_subject && !that_follows
}

/// The claim's time from the expression `t` it took. A date restated at once beside it — in
/// brackets, after a comma, or after "on": "yesterday (July 21st)", "on Thursday, June 13",
/// "Friday (Aug. 29)" — is the same day written more exactly: the claim takes the more exact
/// of the two, as written over both, so that either is the claim's.
fn restated(t: &Timex, parts: &SentenceParts<'_, '_>) -> ClaimTime {
    let joined = |a: &Timex, b: &Timex| {
        a.span.end <= b.span.start
            && parts
                .tokens
                .iter()
                .filter(|k| k.span.start >= a.span.end && k.span.end <= b.span.start)
                .all(|k| matches!(k.text, "(" | "," | "on" | "-" | "–" | "—"))
    };
    let exact = |x: &Timex| x.value.chars().filter(char::is_ascii_digit).count();
    let beside = parts.times.iter().map(|(_, x)| *x).find(|x| {
        x.kind == TimexType::Date && t.kind == TimexType::Date && (joined(t, x) || joined(x, t))
    });
    if let Some(x) = beside {
        let mut time = ClaimTime::from_timex(if exact(x) > exact(t) { x } else { t });
        time.span = t.span.cover(x.span);
        return time;
    }
    // A clock time of no day, with its day written after it: "at 9:27 a.m. on Sunday", "at
    // 10:00 am (0800 GMT) on Friday". The claim is dated on that day at that time. A clock
    // time written alone takes the day of publication, or of the narrative's last date, from
    // the tagger ("about 11am on Friday"): the day written after it wins.
    let written_alone = || {
        matches!(
            t.anchor,
            crate::temporal::Anchor::Published | crate::temporal::Anchor::Narrative { .. }
        ) && parts
            .tokens
            .iter()
            .filter(|k| k.span.start >= t.span.start && k.span.end <= t.span.end)
            .flat_map(|k| k.text.split(|c: char| !c.is_alphabetic()))
            .all(|w| w.is_empty() || CLOCK_WORDS.contains(&lower(w).as_ref()))
    };
    let clock = match (t.kind, t.value.strip_prefix("XXXX-XX-XX")) {
        (TimexType::Time, Some(clock)) => clock,
        (TimexType::Time, None) if written_alone() => match t.value.find('T') {
            Some(at) => &t.value[at..],
            None => return ClaimTime::from_timex(t),
        },
        _ => return ClaimTime::from_timex(t),
    };
    // Between them: a comma, "on", the zone or the time again in brackets ("(1336 GMT)").
    let joins = |x: &Timex| {
        let mut depth = 0usize;
        parts
            .tokens
            .iter()
            .filter(|k| k.span.start >= t.span.end && k.span.end <= x.span.start)
            .all(|k| match k.text {
                "(" => {
                    depth += 1;
                    true
                }
                ")" => {
                    depth = depth.saturating_sub(1);
                    true
                }
                _ => depth > 0 || CLOCK_TO_DAY.contains(&lower(k.text).as_ref()),
            })
    };
    let day = parts.times.iter().map(|(_, x)| *x).find(|x| {
        x.kind == TimexType::Date && x.span.start >= t.span.end && names_a_day(&x.value) && joins(x)
    });
    match day {
        Some(x) => {
            let mut time = ClaimTime::from_timex(x);
            time.value = format!("{}{clock}", x.value);
            time.span = t.span.cover(x.span);
            time
        }
        None => ClaimTime::from_timex(t),
    }
}

/// Prepositions that set an event noun before or after the time of its clause ("following his
/// conviction", "days after a powerful quake", "since his arrest").
const TEMPORAL_PREPOSITIONS: &[&str] =
    &["after", "following", "before", "since", "until", "pending"];

/// Whether the event noun at token `first` is governed by one of [`TEMPORAL_PREPOSITIONS`], with
/// at most three words between ("after a powerful quake", "following his conviction") and no
/// comma, number or other sign.
fn after_temporal_preposition(tokens: &[Token<'_>], first: usize) -> bool {
    for back in 1..=4 {
        let Some(at) = first.checked_sub(back) else {
            return false;
        };
        let word = tokens[at].text;
        if TEMPORAL_PREPOSITIONS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
        {
            return true;
        }
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        {
            return false;
        }
    }
    false
}

/// The token of the noun a date is written before, when it is so written: a decade, a year, a
/// month or a day of the calendar (no weekday, no "today") followed at once by a word in lower
/// case that is no function word and no verb in -ed ("an office Christmas party", "a 2011
/// release date", "the March 2005 shooting spree", "1950s pin-up"). A weekday or a deictic word
/// before a verb is no modifier ("Saturday took", "today announced").
fn attributive(t: &Timex, tokens: &[Token<'_>]) -> Option<usize> {
    // A decade's value has three digits ("195"); a century's two are no calendar date.
    let calendar = t.kind == TimexType::Date
        && !t.value.contains('W')
        && t.value
            .starts_with(|c: char| c.is_ascii_digit() || c == 'X')
        && t.value.len() >= 3;
    if !calendar {
        return None;
    }
    let next = tokens.iter().position(|k| k.span.start >= t.span.end)?;
    let token = &tokens[next];
    let word = lower(token.text);
    // A decade's span holds its article ("the 1950s"): the date is written from the word after.
    let first_written = tokens
        .iter()
        .filter(|k| k.span.start >= t.span.start && k.span.end <= t.span.end)
        .find(|k| !k.text.eq_ignore_ascii_case("the"))
        .is_some_and(|k| k.is_capitalized() || k.text.starts_with(|c: char| c.is_ascii_digit()));
    let modifies = first_written
        && token.span.start == t.span.end + 1
        && token
            .text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
        && !word.ends_with("ed")
        && !COUNT_FUNCTION_WORDS.contains(&word)
        && !CLAUSE_WORDS.contains(&word);
    modifies.then_some(next)
}

/// Words that may stand between a clock time and its day ("5:11 p.m. local time on Monday").
const CLOCK_TO_DAY: &[&str] = &[",", "on", "am", "pm", "local", "time"];

/// The words a clock time written without its day is made of besides its figures: "11am",
/// "3:30 p.m.", "noon", "2045 GMT".
const CLOCK_WORDS: &[&str] = &[
    "a", "p", "m", "am", "pm", "noon", "midnight", "gmt", "utc", "bst", "edt", "est", "cdt", "cst",
    "mdt", "mst", "pdt", "pst", "ist", "local", "time", "o", "clock", "hours", "hrs",
];

/// Whether a DATE value names one day: `2013-03-10`, `XXXX-12-25`, `XXXX-WXX-7`.
fn names_a_day(value: &str) -> bool {
    let b = value.as_bytes();
    let day_of_month =
        b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[8..].iter().all(u8::is_ascii_digit);
    let weekday = value.len() == 10 && value.starts_with("XXXX-WXX-") && b[9].is_ascii_digit();
    day_of_month || weekday
}

/// Subject pronouns a reported clause opens with ("police said they arrested").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// Forms of "be": a pronoun before one is the patient of a passive ("police said he was
/// arrested"), not the speaker acting.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Auxiliaries a main verb may follow at the start of its clause ("..., has died").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "been",
];

/// Whether the event word at `first` is a gerund that opens the sentence as its subject
/// ("Rescinding a rule would require a new hearing"): it names the event as a topic and tells
/// no one did it. A participle clause is set off by a comma before the main verb ("Speaking to
/// reporters, Jones said ..."); a gerund subject runs into an auxiliary with none.
fn gerund_subject(tokens: &[Token<'_>], first: usize) -> bool {
    let opens = tokens[..first].iter().all(|k| !k.is_word());
    if !opens || !lower(tokens[first].text).ends_with("ing") {
        return false;
    }
    let rest = &tokens[first + 1..];
    let verb = rest.iter().position(|k| {
        let word = lower(k.text);
        AUXILIARIES.contains(&word.as_ref()) || MODALS.contains(&word.as_ref())
    });
    verb.is_some_and(|v| rest[..v].iter().all(|k| k.text != ","))
}

/// Modal verbs, which follow a gerund subject as its verb ("Rescinding ... would require").
const MODALS: &[&str] = &["can", "could", "may", "might", "must", "should", "shall"];

/// The speaker of a sentence whose reported clause has a pronoun as the subject of the event
/// word at `first`: "The police department announced Friday they have made an arrest", "The
/// navy said it arrested 12 smugglers". The pronoun stands for the speaker named before it, who
/// did what the clause tells (a passive's pronoun, "police said he was arrested", is another
/// person). Only a speaker named in the sentence itself, before the clause, counts.
fn speaker_of_pronoun<'m>(
    parts: &SentenceParts<'m, '_>,
    in_time: &dyn Fn(Span) -> bool,
    first: usize,
) -> Option<&'m Mention> {
    let (start, end) = parts.attribution?.occupies;
    if end >= first {
        return None;
    }
    let speaker = parts
        .mentions
        .iter()
        .find(|m| start <= m.first_token && m.last_token <= end && !m.adjective)?;
    let tokens = parts.tokens;
    let mut i = end + 1;
    while i < first && (lower(tokens[i].text) == "that" || in_time(tokens[i].span)) {
        i += 1;
    }
    if i >= first || !SUBJECT_PRONOUNS.contains(&lower(tokens[i].text).as_ref()) {
        return None;
    }
    let between = &tokens[i + 1..first];
    let plain = between.len() <= 3
        && between
            .iter()
            .all(|k| k.is_word() && !BE_FORMS.contains(&lower(k.text).as_ref()))
        && !parts
            .mentions
            .iter()
            .any(|m| i < m.first_token && m.first_token < first);
    plain.then_some(speaker)
}

/// The tokens between a clause that opens with a comma at `clause_start` and its event word at
/// `first`; `None` when the clause opens the sentence or opens with no comma.
fn after_comma<'t, 'a>(
    tokens: &'t [Token<'a>],
    clause_start: usize,
    first: usize,
) -> Option<&'t [Token<'a>]> {
    if clause_start == 0 || tokens.get(clause_start).map(|k| k.text) != Some(",") {
        return None;
    }
    tokens.get(clause_start + 1..first)
}

/// Whether every token is an auxiliary or an adverb in "-ly", as may stand before a clause's
/// main verb ("has", "was quietly").
fn auxiliaries_or_adverbs(tokens: &[Token<'_>]) -> bool {
    tokens.iter().all(|k| {
        let word = lower(k.text);
        AUXILIARIES.contains(&word.as_ref()) || (word.ends_with("ly") && word.len() > 4)
    })
}

/// The name a sentence opens with, when the event word at `first` is its main verb written
/// after an apposition or a relative clause: "Marla Quince, the actress whose films
/// ..., has died", "Tom Vellacott, who starred in ..., died Thursday", "Quince, 91, passed away".
/// The event word must open its clause (after a comma, with at most auxiliaries and adverbs
/// before it), and the sentence must open with the name (after an article at most) followed by
/// a comma.
fn subject_before_apposition<'m>(
    parts: &SentenceParts<'m, '_>,
    breaks: &[usize],
    clause_start: usize,
    first: usize,
) -> Option<&'m Mention> {
    let tokens = parts.tokens;
    let before = after_comma(tokens, clause_start, first)?;
    let opens = before.len() <= 3 && auxiliaries_or_adverbs(before);
    if !opens {
        return None;
    }
    // The sentence may open with its time ("On Saturday, Robert Buckley, 32, fell"): the name
    // then opens the clause after it.
    let time_opener = breaks.get(1).copied().filter(|&comma| {
        let in_time = |k: &Token<'_>| parts.times.iter().any(|(_, t)| t.span.overlaps(k.span));
        let before_comma = &tokens[..comma.min(tokens.len())];
        tokens.get(comma).is_some_and(|k| k.text == ",")
            && before_comma.iter().any(in_time)
            && before_comma
                .iter()
                .all(|k| in_time(k) || matches!(lower(k.text).as_ref(), "on" | "in" | "at" | "by"))
    });
    let opens_at = time_opener.map_or(0, |comma| comma + 1);
    let name = parts
        .mentions
        .iter()
        .filter(|m| m.first_token >= opens_at)
        .min_by_key(|m| m.first_token)?;
    let after_article = name.first_token == opens_at + 1
        && matches!(lower(tokens[opens_at].text).as_ref(), "the" | "a" | "an");
    let attributed = parts.attribution.is_some_and(|found| {
        found.occupies.0 <= name.first_token && name.last_token <= found.occupies.1
    });
    let comma_after = tokens.get(name.last_token + 1).map(|k| k.text) == Some(",");
    // A lone capitalised word before a comma is an opener ("First, ...", "Instead, ..."), unless
    // it is a person's name; an adverb never is one ("Typically, ...", "Well, ...").
    let adverb = || {
        let word = lower(tokens[name.first_token].text);
        (word.len() > 4 && word.ends_with("ly"))
            || matches!(
                word.as_ref(),
                "well" | "still" | "yet" | "however" | "meanwhile" | "indeed"
            )
    };
    let opener = name.first_token == opens_at
        && !name.id.contains('-')
        && (name.kind != EntityKind::Person || adverb());
    // "Quince, 34, was walking when Vellacott, 20, fired": the clause is another subject's.
    let subordinate = tokens
        .get(name.last_token + 1..clause_start)
        .unwrap_or_default()
        .iter()
        .any(|k| matches!(lower(k.text).as_ref(), "when" | "whenever" | "if" | "once"));
    let name_clause = usize::from(time_opener.is_some()) + 1;
    let first_clause_is_name = breaks.get(name_clause).copied() == Some(name.last_token + 1);
    ((name.first_token == opens_at || after_article)
        && !name.adjective
        && !opener
        && !subordinate
        && !attributed
        && comma_after
        && first_clause_is_name
        && name.last_token < clause_start)
        .then_some(name)
}

/// The name a relative clause with "who" tells of, when the event word at `first` is the
/// clause's verb: "replacing Tom Vellacott, who steps down this year", "Marla Quince, the
/// actress who died on Thursday" (an apposition of the name, with no name of its own before
/// "who"). The clause opens right after the name's comma.
fn antecedent_of_who<'m>(
    parts: &SentenceParts<'m, '_>,
    clause_start: usize,
    first: usize,
) -> Option<&'m Mention> {
    let tokens = parts.tokens;
    let before = after_comma(tokens, clause_start, first)?;
    let who = before.iter().rposition(|k| lower(k.text) == "who")?;
    let verb_follows = before[who + 1..].len() <= 2 && auxiliaries_or_adverbs(&before[who + 1..]);
    let apposition = who <= 10
        && before[..who]
            .iter()
            .all(|k| k.is_word() && k.text != "," && lower(k.text) != "who");
    let named_between = parts
        .mentions
        .iter()
        .any(|m| clause_start < m.first_token && m.first_token < first);
    let name = parts
        .mentions
        .iter()
        .find(|m| m.last_token + 1 == clause_start && !m.adjective)?;
    let attributed = parts.attribution.is_some_and(|found| {
        found.occupies.0 <= name.first_token && name.last_token <= found.occupies.1
    });
    (verb_follows && apposition && !named_between && !attributed).then_some(name)
}

/// The mentions of a clause (`in_clause`), outside the attribution, as participants: agents
/// before `anchor`, patients after it.
fn participants(
    parts: &SentenceParts<'_, '_>,
    in_clause: &dyn Fn(Span) -> bool,
    anchor: Span,
) -> Vec<Participant> {
    let attribution_range = parts.attribution.map(|found| found.occupies);
    parts
        .mentions
        .iter()
        .filter(|m| {
            in_clause(m.span)
                && !attribution_range.is_some_and(|(a, b)| a <= m.first_token && m.last_token <= b)
        })
        .map(|m| Participant {
            entity: m.id.clone(),
            role: if m.span.start < anchor.start {
                Role::Agent
            } else {
                Role::Patient
            },
            span: m.span,
        })
        .collect()
}

/// Attribution, modality and polarity of the claim whose word spans tokens `first..=last` in
/// the clause `clause_start..clause_end`.
fn stance(
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
    (first, last): (usize, usize),
    (clause_start, clause_end): (usize, usize),
) -> (crate::claim::Attribution, Modality, Polarity) {
    let tokens = parts.tokens;
    let quoted = cue::inside_quote(tokens, first);
    let hedged = cue::is_hedged(cues, tokens, clause_start.saturating_sub(4), first)
        || cue::is_hedged(cues, tokens, first + 1, (last + 4).min(clause_end));
    let attribution = parts
        .attribution
        .filter(|found| found.covers.0 <= first && first <= found.covers.1)
        .map(|found| found.attribution.clone())
        .unwrap_or_default();
    let modality = if hedged {
        Modality::Hedged
    } else if quoted {
        Modality::Quoted
    } else if attribution.kind != crate::claim::SourceKind::Unattributed {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    let polarity = if cue::is_negated(cues, tokens, first) {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    (attribution, modality, polarity)
}

/// A claim of its own for a value the sentence states at `span` (a date, a count), with
/// `predicate` as its event: the names of the value's clause are its participants, the clause
/// gives its stance, and `describe` its object from the value's first and last token and its
/// clause. It carries no time and no quantity; the caller adds the value. `None` when no token
/// covers the span.
fn value_claim(
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
    breaks: &[usize],
    (predicate, span): (&str, Span),
    describe: &dyn Fn((usize, usize), (usize, usize)) -> String,
) -> Option<Claim> {
    let tokens = parts.tokens;
    let first = tokens.iter().position(|k| k.span.overlaps(span))?;
    let last = tokens
        .iter()
        .rposition(|k| k.span.overlaps(span))
        .unwrap_or(first);
    let (clause_start, clause_end) = clause_of(breaks, first);
    let in_clause = |other: Span| {
        let start_ok = clause_start == 0 || tokens[clause_start].span.start <= other.start;
        let end_ok = clause_end >= tokens.len() || other.end <= tokens[clause_end].span.start;
        start_ok && end_ok
    };
    let (attribution, modality, polarity) =
        stance(cues, parts, (first, last), (clause_start, clause_end));
    Some(Claim {
        id: String::new(),
        article: parts.article.to_string(),
        sentence: parts.sentence,
        event: Event {
            predicate: predicate.to_string(),
            trigger: span.slice_text(tokens),
            span,
        },
        participants: participants(parts, &in_clause, span),
        object: Some(describe((first, last), (clause_start, clause_end))),
        time: None,
        quantities: Vec::new(),
        attribution,
        modality,
        polarity,
        context: None,
        sentence_words: None,
    })
}

/// Units that count time, not things: durations, which no count claim is made of.
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
    "times",
];

/// Count claims: every number of a counted thing ("had 30 points", "a depth of 44 miles", "$4
/// million in damages", "seized 13 loaded magazines"), whether or not an event word's clause
/// carries it too. The claim's predicate is [`COUNT`], its object the descriptor
/// (`count_descriptor`), its participants the names of the number's clause; it carries no time,
/// so it is compared on its count alone, with other articles' counts of the same thing.
fn counts<'s>(
    cues: &CueIndex,
    parts: &SentenceParts<'_, '_>,
    breaks: &[usize],
    event_words: &[(Span, String)],
    sentence: &dyn Fn() -> &'s str,
) -> Vec<Extracted> {
    let tokens = parts.tokens;
    let mut out = Vec::new();
    for q in parts.quantities {
        let Some(unit) = q.unit.as_deref() else {
            continue;
        };
        // A number an event claim carries is counted too: one outlet writes "seized 13 loaded
        // magazines", another "13 loaded magazines were found"; the event claims meet only
        // when both use one event word, the counts whenever they describe one thing.
        if TIME_UNITS.contains(&unit) {
            continue;
        }
        let describe = |value: (usize, usize), clause: (usize, usize)| {
            count_descriptor(tokens, parts.mentions, event_words, value, clause, unit)
        };
        let Some(mut claim) = value_claim(cues, parts, breaks, (COUNT, q.span), &describe) else {
            continue;
        };
        claim.quantities = vec![q.clone()];
        claim.context = Some(figures_beside(tokens, parts.quantities, q));
        // The count's place among the sentence's counts of its unit, then the sentence's words.
        let of_unit = |x: &&Quantity| x.unit.as_deref() == Some(unit);
        let place = parts
            .quantities
            .iter()
            .filter(of_unit)
            .filter(|x| x.span.start < q.span.start)
            .count();
        let stated = parts.quantities.iter().filter(of_unit).count();
        claim.sentence_words = Some(placed(place, stated, sentence()));
        out.push(Extracted { claim, timex: None });
    }
    out
}

/// The other figures of a count's sentence, as the matcher compares them (`Claim::context` of
/// a count claim): each as `place|value|unit`, its place the number of figures it stands after
/// (negative: before) the count itself, its unit `-` when it has none. "41 catches for 712
/// yards and seven touchdowns" gives the yards `-1|41|catche 1|7|touchdown`. Two outlets that
/// copy or restate one line of figures state its other figures alike where they stand. A
/// number written right after a capitalized word is part of a name ("AK-47", "Curve 8900",
/// "USB 2.0") and tells no line of figures: it is left out, and counts no place.
pub fn figures_beside(tokens: &[Token<'_>], quantities: &[Quantity], own: &Quantity) -> String {
    let named = |q: &Quantity| {
        let Some(at) = tokens.iter().position(|t| t.span.overlaps(q.span)) else {
            return false;
        };
        let before = tokens[..at].iter().rev().find(|t| t.text != "-");
        at > 1 && before.is_some_and(|t| t.is_capitalized())
    };
    let mut sorted: Vec<&Quantity> = quantities
        .iter()
        .filter(|q| q.span == own.span || !named(q))
        .collect();
    sorted.sort_by_key(|q| q.span.start);
    let Some(at) = sorted.iter().position(|q| q.span == own.span) else {
        return String::new();
    };
    sorted
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(i, q)| {
            let place = i as i64 - at as i64;
            format!("{place}|{}|{}", q.value, q.unit.as_deref().unwrap_or("-"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words too common to tell what a count is of: determiners, prepositions, auxiliaries,
/// approximators and other function words.
static COUNT_FUNCTION_WORDS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "by",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "about",
    "around",
    "than",
    "per",
    "via",
    "up",
    "down",
    "out",
    "off",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "do",
    "does",
    "did",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "who",
    "which",
    "what",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "more",
    "less",
    "least",
    "most",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "just",
    "only",
    "also",
    "other",
    "another",
    "all",
    "both",
    "each",
    "any",
    "no",
    "not",
    "so",
    "then",
    "there",
    "here",
    "said",
    "says",
    "say",
    "now",
    "still",
    "even",
    "total",
    "estimated",
    "another",
    "additional",
    "further",
]);

/// Words that say a count is of people who lost their lives, however a source puts it:
/// "killed 3", "3 dead", "the death toll rose to 3", "three people died", "3 fatalities".
const CASUALTY_WORDS: &[&str] = &[
    "kill",
    "kills",
    "killed",
    "killing",
    "dead",
    "die",
    "dies",
    "died",
    "dying",
    "death",
    "deaths",
    "toll",
    "fatality",
    "fatalities",
    "slain",
    "lives",
];

/// The one descriptor word [`CASUALTY_WORDS`] stand for.
const CASUALTY: &str = "killed";

/// What a count is of, in the words around it: the count's unit, then the content words of its
/// clause nearest to the number that name nothing — up to three before it, the modifiers between the number and
/// its unit, up to three after it, none past another number — lower case, a plural `s` dropped, in text order ("finished
/// with 404 yards rushing on 106 carries" → "yard finished rushing"). Numbers and
/// function words are left out, so another number does not change what a count is of.
/// Two articles stating one statistic share some of these words however they phrase it
/// ("716 yards rushing", "716 rushing yards"); counts of different things of one unit
/// ("2,129 career points", "23 points in the game") mostly do not.
fn count_descriptor(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    event_words: &[(Span, String)],
    (first, last): (usize, usize),
    (clause_start, clause_end): (usize, usize),
    unit: &str,
) -> String {
    descriptor(
        tokens,
        mentions,
        event_words,
        (first, last),
        (clause_start, clause_end),
        unit,
        &|_| false,
    )
}

/// [`count_descriptor`] for any value at tokens `first..=last`, leaving out the tokens `skip`
/// holds; `event_words` (spans and their predicates) stand for their events.
fn descriptor(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    event_words: &[(Span, String)],
    (first, last): (usize, usize),
    (clause_start, clause_end): (usize, usize),
    unit: &str,
    skip: &dyn Fn(&Token<'_>) -> bool,
) -> String {
    let named = |t: &Token<'_>| mentions.iter().any(|m| m.span.contains(t.span));
    let counts_something = !COUNT_FUNCTION_WORDS.contains(unit);
    let content = |t: &Token<'_>| -> Option<String> {
        let word = content_word(t, 2, &named, skip)?;
        if CASUALTY_WORDS.contains(&word.as_str()) {
            return Some(CASUALTY.to_string());
        }
        // An event word stands for its event, however worded: "injuring", "wounded", "hurt"
        // are all `injure`. Not in a number that counts nothing (its unit a function word:
        // "5.6 on the Richter scale"): there it would only make look-alike events alike.
        if counts_something {
            if let Some((_, predicate)) = event_words.iter().find(|(span, _)| span.contains(t.span))
            {
                return Some(predicate.clone());
            }
        }
        // A plural `s` dropped, not the `s` of a word that is no plural ("plus", "bus",
        // "status", "crisis", "news", "series").
        let stem = word
            .strip_suffix('s')
            .filter(|s| s.len() > 2 && !number::is_singular_in_s(&word))
            .map_or(word.clone(), str::to_string);
        // A hyphenated compound is its words ("blood-alcohol" / "blood alcohol").
        (stem != unit && number::unit_of(&word).as_deref() != Some(unit)).then(|| {
            stem.split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    // Another number starts another count ("13 magazines and three outboard motors").
    let plain = |t: &&Token<'_>| {
        t.is_word()
            && !t.text.starts_with(|c: char| c.is_ascii_digit())
            && number::parse_cardinal(&lower(t.text)).is_none()
    };
    let clause_end = clause_end.min(tokens.len());
    let before = tokens[clause_start.min(first)..first]
        .iter()
        .rev()
        .take_while(plain)
        .filter_map(content)
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev();
    let inside = tokens[first..=last].iter().filter_map(content);
    let after = tokens[(last + 1).min(clause_end)..clause_end]
        .iter()
        .take_while(plain)
        .filter_map(content)
        .take(3);
    let mut words: Vec<String> = vec![unit.to_string()];
    for word in before.chain(inside).chain(after) {
        for word in word.split(' ') {
            if !word.is_empty()
                && !COUNT_FUNCTION_WORDS.contains(word)
                && !words.iter().any(|w| w == word)
            {
                words.push(word.to_string());
            }
        }
    }
    words.join(" ")
}

/// Whether two count claims' objects (`count_descriptor`) say they count the same thing: the
/// same unit and at least `need` words besides it in common, or the same words when either
/// has fewer ("two children, including" and "two children, including"). Two counts of people
/// who lost their lives are one toll, whatever else their clauses say ("killed two people in
/// Przewodow", "three people died when the missile hit").
pub fn counts_alike(a: &str, b: &str, need: usize) -> bool {
    Descriptor::of(a).counts_alike(&Descriptor::of(b), need)
}

/// Whether a count claim's object (`count_descriptor`) is its unit alone, and that unit a noun
/// rather than a function word read as one ("6 and", "one of the").
pub fn bare_count(descriptor: &str) -> bool {
    !descriptor.is_empty()
        && !descriptor.contains(' ')
        && !COUNT_FUNCTION_WORDS.contains(descriptor)
}

/// How many words besides the unit two count claims' objects (`count_descriptor`) share;
/// none when their units differ. Words are compared by their [`word_form`] (a plural's `-es`
/// and `-ies` like its singular), and a compound one writes as one word and the other as two
/// ("semiautomatic" / "semi automatic", "backend" / "back end") is one shared word.
pub fn count_words_shared(a: &str, b: &str) -> usize {
    Descriptor::of(a).words_shared(&Descriptor::of(b))
}

/// A descriptor (`count_descriptor`, a date's descriptor) split once into what
/// [`count_words_shared`] and [`counts_alike`] compare: its unit, its other words and their
/// [`word_form`]s, and the forms of each two neighbouring words written as one. The matcher
/// compares one claim with many: it splits each descriptor once, not once per pair.
#[derive(Debug, Clone)]
pub struct Descriptor<'a> {
    /// The first word: a count's unit, a date's `date`.
    unit: &'a str,
    /// The words after it.
    words: Vec<&'a str>,
    /// Their forms.
    forms: Vec<String>,
    /// The form of each two neighbouring words written as one ("back end" → `backend`).
    joined: Vec<String>,
}

impl<'a> Descriptor<'a> {
    /// The descriptor `text` split.
    pub fn of(text: &'a str) -> Descriptor<'a> {
        let mut words = text.split(' ');
        let unit = words.next().unwrap_or("");
        let words: Vec<&str> = words.collect();
        let forms = words.iter().map(|w| word_form(w)).collect();
        let joined = words
            .windows(2)
            .map(|pair| word_form(&format!("{}{}", pair[0], pair[1])))
            .collect();
        Descriptor {
            unit,
            words,
            forms,
            joined,
        }
    }

    /// [`count_words_shared`] of the two descriptors.
    pub fn words_shared(&self, other: &Descriptor<'_>) -> usize {
        if self.unit != other.unit {
            return 0;
        }
        let single = self
            .forms
            .iter()
            .filter(|w| other.forms.contains(w))
            .count();
        single + self.joined_in(other) + other.joined_in(self)
    }

    /// Two words of this descriptor written as one word in `other`, which neither shares
    /// alone.
    fn joined_in(&self, other: &Descriptor<'_>) -> usize {
        self.forms
            .windows(2)
            .zip(&self.joined)
            .filter(|(forms, joined)| {
                !other.forms.contains(&forms[0])
                    && !other.forms.contains(&forms[1])
                    && other.forms.contains(joined)
            })
            .count()
    }

    /// [`counts_alike`] of the two descriptors.
    pub fn counts_alike(&self, other: &Descriptor<'_>, need: usize) -> bool {
        if self.unit != other.unit {
            return false;
        }
        let shared = self.words_shared(other);
        let toll = self.unit == "person"
            && self.words.contains(&CASUALTY)
            && other.words.contains(&CASUALTY);
        shared >= need || (shared > 0 && self.words == other.words) || toll
    }
}

/// The form a descriptor word is compared by: final `e`s dropped and a final `y` written `i`,
/// so a plural whose `-es` or `-ies` lost only its `s` meets its singular ("passe" / "pass",
/// "societie" / "society", "catche" / "catch"). Verbs keep their endings: "rushed" and
/// "rushing", "missed" and "miss" stay apart, since one story's statistics (a player's yards
/// rushing in a game and in a season, games missed before and games to miss) read alike once
/// their verbs are stemmed. Both sides go through it, so the form needs to be no word.
pub fn word_form(word: &str) -> String {
    let mut w = word.to_string();
    while w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('y') {
        w.pop();
        w.push('i');
    }
    w
}

trait SliceTokens {
    fn slice_text(&self, tokens: &[Token<'_>]) -> String;
}

impl SliceTokens for Span {
    fn slice_text(&self, tokens: &[Token<'_>]) -> String {
        tokens
            .iter()
            .filter(|t| self.overlaps(t.span))
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Words skipped when looking for the head of an object: determiners and common modifiers.
const OBJECT_SKIP: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "some", "any", "all", "both", "each", "every", "another", "other", "such", "only",
    "also", "just", "even", "fresh", "new", "first", "last", "recent", "former", "major",
    "further", "more", "most", "several", "many", "same", "very",
];

/// Words that end the search: the event has no object noun ("spoke to", "was used once").
const OBJECT_STOP: &[&str] = &[
    "to", "with", "in", "on", "at", "for", "of", "from", "by", "since", "into", "over", "after",
    "before", "during", "and", "or", "but", "that", "which", "who", "is", "was", "were", "be",
    "been", "being", "has", "have", "had", "will", "would", "could", "not", "as", "than", "once",
    "twice", "when", "where", "it", "them", "him", "us", "me", "up", "down", "out", "off", "about",
    "against", "between", "through", "under", "while", "if", "so", "there", "here",
];

/// The head of the object after the event word at token `last`, within the clause.
fn object_after(
    tokens: &[Token<'_>],
    mentions: &[Mention],
    last: usize,
    clause_end: usize,
) -> Option<String> {
    let end = clause_end.min(tokens.len()).min(last + 6);
    for (i, token) in tokens.iter().enumerate().take(end).skip(last + 1) {
        if let Some(m) = mentions
            .iter()
            .find(|m| m.first_token <= i && i <= m.last_token)
        {
            // A thing ("hotline") is an object; a named entity is a participant already.
            return (m.kind == crate::lexicon::EntityKind::Thing).then(|| m.id.clone());
        }
        let word = lower(token.text);
        if !token.is_word() || OBJECT_STOP.contains(&word.as_ref()) || token.is_capitalized() {
            return None;
        }
        if OBJECT_SKIP.contains(&word.as_ref()) || number::parse_cardinal(&word).is_some() {
            continue;
        }
        return number::unit_of(&word);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::claim::{COUNT, Claim};
    use crate::input::Article;
    use crate::pipeline::analyze::Analyzer;

    fn claims(text: &str) -> Vec<Claim> {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let article = Article::from_text("a", text, None);
        analyzer.analyze(&article).claims
    }

    #[test]
    fn numbers_outside_event_clauses_make_count_claims() {
        let found = claims("Reggie Bush had 404 yards and two touchdowns on 106 carries.");
        let counts: Vec<&Claim> = found
            .iter()
            .filter(|c| c.event.predicate == COUNT)
            .collect();
        assert_eq!(counts.len(), 3, "{found:#?}");
        assert_eq!(counts[0].object.as_deref(), Some("yard"));
        assert!(counts[0].involves("reggie-bush"), "{:?}", counts[0]);
        assert!(counts[0].time.is_none());
    }

    #[test]
    fn a_date_restated_beside_the_claims_time_is_the_claims() {
        let text = "A supermarket in Somerset caught fire yesterday (July 21st), causing damage.";
        let found = claims(text);
        let fire = found
            .iter()
            .find(|c| c.time.is_some())
            .expect("a dated claim");
        let time = fire.time.as_ref().expect("time");
        assert_eq!(time.value, "XXXX-07-21", "{fire:?}");
        assert_eq!(time.span.slice(text), "yesterday (July 21st");
        let found = claims("Police arrested the driver on Friday after a chase.");
        let time = found[0].time.as_ref().expect("time");
        assert_eq!(time.value, "XXXX-WXX-5");
    }

    /// The time of the first claim of `predicate` in `text`.
    fn time_of(text: &str, predicate: &str) -> Option<String> {
        claims(text)
            .into_iter()
            .find(|c| c.event.predicate == predicate)
            .and_then(|c| c.time.map(|t| t.value))
    }

    #[test]
    fn a_subject_interrupted_by_a_relative_clause_takes_its_verb_s_time() {
        let text = "The fire, which is being treated as suspicious, broke out in the roof on \
                    Friday night and quickly spread to the rest of the building.";
        assert_eq!(time_of(text, "burn").as_deref(), Some("XXXX-WXX-5TNI"));
        assert_eq!(time_of(text, "spread").as_deref(), Some("XXXX-WXX-5TNI"));
        // The resumed clause's own event word takes the times after it.
        let text = "The quake, which struck near the coast, killed 12 people on Monday.";
        assert_eq!(time_of(text, "quake"), None);
        assert_eq!(time_of(text, "kill").as_deref(), Some("XXXX-WXX-1"));
    }

    #[test]
    fn an_event_noun_after_following_or_since_is_not_dated_by_its_clause_s_day() {
        let text = "Jeffs was sentenced to life on Tuesday following his conviction.";
        assert_eq!(time_of(text, "sentence").as_deref(), Some("XXXX-WXX-2"));
        assert_eq!(time_of(text, "convict"), None);
        let text =
            "A strong earthquake rattled the island on Wednesday days after a powerful quake.";
        let quakes: Vec<Option<String>> = claims(text)
            .into_iter()
            .filter(|c| c.event.predicate == "quake")
            .map(|c| c.time.map(|t| t.value))
            .collect();
        assert_eq!(quakes.last(), Some(&None), "{quakes:?}");
        // A time written after the noun is its own; a year of the clause holds both events.
        assert_eq!(
            time_of("He has been held since his arrest on Friday.", "arrest").as_deref(),
            Some("XXXX-WXX-5")
        );
        assert_eq!(
            time_of(
                "Berdymukhamedov became president in 2006 after the death of Niyazov.",
                "die"
            )
            .as_deref(),
            Some("2006")
        );
    }

    #[test]
    fn a_clock_time_takes_the_day_written_after_it() {
        let quake = |text: &str| time_of(text, "quake");
        assert_eq!(
            quake("The earthquake struck at 9:27 a.m. on Sunday, officials said.").as_deref(),
            Some("XXXX-WXX-7T09:27")
        );
        assert_eq!(
            quake("The earthquake struck at 17:06 (1336 GMT) on Sunday, television said.")
                .as_deref(),
            Some("XXXX-WXX-7T17:06")
        );
        // A day further on, after words of its own, is another time.
        assert_eq!(
            quake("The earthquake struck at 9:27 a.m. and aftershocks followed on Sunday.")
                .as_deref(),
            Some("XXXX-XX-XXT09:27")
        );
        // With a publication date, a clock time alone is dated on that day, or on the
        // narrative's last day; the day written after it wins.
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let died_on = |text: &str, day: u32| {
            let published = crate::temporal::PartialDate::ymd(2013, 9, day);
            let article = Article::from_text("a", text, published);
            analyzer
                .analyze(&article)
                .claims
                .into_iter()
                .find(|c| c.event.predicate == "die")
                .and_then(|c| c.time.map(|t| t.value))
        };
        let text = "A man died about 11am on Friday after he fell down a gully.";
        assert_eq!(died_on(text, 15).as_deref(), Some("2013-09-13T11:00"));
        let text = "Three men were rescued on Sunday morning. A man died about 11am on Friday.";
        assert_eq!(died_on(text, 16).as_deref(), Some("2013-09-13T11:00"));
    }

    #[test]
    fn the_region_of_a_place_does_not_part_a_clause() {
        let text = "The singer died in a Los Angeles, California, hospital Thursday, a week \
                    after suffering a heart attack, her agent said.";
        assert_eq!(time_of(text, "die").as_deref(), Some("XXXX-WXX-4"));
        // Commas around words in lower case still part clauses.
        let text = "The singer died in a hospital, her agent said, and a memorial follows \
                    Thursday, after a heart attack.";
        assert_eq!(time_of(text, "die"), None);
    }

    #[test]
    fn a_date_before_a_noun_dates_that_noun() {
        let text = "A gunman opened fire at an office Christmas party in Vancouver Friday.";
        assert_eq!(time_of(text, "shoot").as_deref(), Some("XXXX-WXX-5"));
        let text = "He was convicted for the March 2005 shooting at a courthouse.";
        assert_eq!(time_of(text, "shoot").as_deref(), Some("2005-03"));
        // A decade before a noun describes the noun, not the clause's event.
        let text = "On Thursday a 1950s pin-up model died in a hospital.";
        assert_eq!(time_of(text, "die").as_deref(), Some("XXXX-WXX-4"));
        let text = "On Thursday in a hospital the 1950s pin-up model died.";
        assert_eq!(time_of(text, "die").as_deref(), Some("XXXX-WXX-4"));
    }

    #[test]
    fn a_verb_of_saying_with_an_object_is_the_event() {
        let found = claims(
            "Interior Secretary Dirk Kempthorne announced major changes Thursday to the Endangered Species Act.",
        );
        let announce = found
            .iter()
            .find(|c| c.event.predicate == "announce")
            .expect("an announce claim");
        assert_eq!(announce.event.trigger, "announced");
        assert_eq!(
            announce.time.as_ref().map(|t| t.value.as_str()),
            Some("XXXX-WXX-4")
        );
        assert!(announce.involves("dirk-kempthorne"), "{announce:#?}");
        let found = claims("On Thursday, the Interior Department announced a change to the rules.");
        assert!(
            found.iter().any(|c| c.event.predicate == "announce"),
            "{found:#?}"
        );
        // A passive whose subject is the thing announced.
        let found =
            claims("The new Doctor was announced in a special live broadcast on Sunday night.");
        assert!(
            found.iter().any(|c| c.event.predicate == "announce"),
            "{found:#?}"
        );
        // What was said is reported, not announced: no claim of the saying itself.
        for text in [
            "On Saturday it was announced that the actor was Matt Smith.",
            "It has been announced that the show will end.",
            "Coach Sean Payton announced Wednesday that Thomas was placed on injured reserve.",
            "T-Mobile has announced it will be carrying the phone this February.",
            "AMD agreed to buy ATI for $5.4 billion, the companies announced Monday.",
            "Mweb announced on 12 October 2011 that their services were running again.",
        ] {
            let found = claims(text);
            assert!(
                found.iter().all(|c| c.event.predicate != "announce"),
                "{text}: {found:#?}"
            );
        }
    }

    /// The agents of the claim of predicate `predicate` in `text`.
    fn agents(text: &str, predicate: &str) -> Vec<String> {
        let found = claims(text);
        let claim = found
            .iter()
            .find(|c| c.event.predicate == predicate)
            .unwrap_or_else(|| panic!("a {predicate} claim in {text}: {found:#?}"));
        claim
            .participants
            .iter()
            .filter(|p| p.role == crate::claim::Role::Agent)
            .map(|p| p.entity.clone())
            .collect()
    }

    #[test]
    fn a_pronoun_after_a_speaker_is_the_speaker() {
        // The speaker did what the reported clause tells.
        assert_eq!(
            agents(
                "The Riverton Police Department announced Friday they have made an arrest in a murder case.",
                "arrest"
            ),
            ["riverton-police-department"]
        );
        assert_eq!(
            agents(
                "The Freedonian navy said it arrested 12 pirates on Saturday.",
                "arrest"
            )
            .len(),
            1
        );
        // A passive's pronoun is someone else: the speaker is not the one arrested.
        assert!(
            agents(
                "The Riverton Police Department said Friday he was arrested at his home.",
                "arrest"
            )
            .is_empty()
        );
        // A name of its own in the clause stays the agent.
        assert_eq!(
            agents(
                "The Riverton Police Department said Friday that Tom Vellacott arrested the man.",
                "arrest"
            ),
            ["tom-vellacott"]
        );
    }

    #[test]
    fn a_gerund_subject_tells_of_no_event() {
        let predicates = |text: &str| -> Vec<String> {
            claims(text)
                .into_iter()
                .map(|c| c.event.predicate)
                .collect()
        };
        assert!(
            !predicates("Rescinding the rule would require a new hearing.")
                .contains(&"repeal".to_string())
        );
        assert!(
            predicates("Rescinding the rule, the agency said it would hold a new hearing.")
                .contains(&"repeal".to_string())
        );
    }

    #[test]
    fn a_name_before_an_apposition_is_the_subject_of_the_verb_after_it() {
        for text in [
            "Marla Quince, the actress whose films delighted audiences in the 1950s, died Thursday at 85.",
            "Marla Quince, who starred in many films, died Thursday at 85.",
            "Marla Quince, 85, died early Thursday in her sleep.",
            "Marla Quince, the actress, has died, her agent said.",
            // The sentence may open with its day.
            "On Thursday, Marla Quince, the actress, died in her sleep.",
            "Thursday, Marla Quince, originally from Essex, died in her sleep.",
        ] {
            assert_eq!(agents(text, "die"), ["marla-quince"], "{text}");
        }
        // A date or count of the verb's clause is of that subject too.
        let found = claims("Marla Quince, 85, was arrested on Friday with two friends.");
        for predicate in [crate::claim::DATE, COUNT] {
            let value = found
                .iter()
                .find(|c| c.event.predicate == predicate)
                .expect("a value claim");
            assert!(value.involves("marla-quince"), "{value:?}");
        }
        // A clause with no event word that opens with its verb after the apposition too.
        let found = claims("Quince, who missed two films, wraps up the year with 404 fans.");
        let count = found
            .iter()
            .find(|c| c.event.trigger == "404 fans")
            .expect("a count claim");
        assert!(count.involves("quince"), "{found:?}");
        // An adverb opening the sentence is no subject.
        let found = claims("Typically, patches are available on the second Tuesday.");
        assert!(found.iter().all(|c| c.participants.is_empty()), "{found:?}");
        // A relative clause with "who" tells of the name before it.
        for text in [
            "The studio cast Tom Vellacott, who died Thursday at 85.",
            "Tributes poured in for Marla Quince, the actress who died on Thursday.",
        ] {
            let expected = if text.contains("Vellacott") {
                "tom-vellacott"
            } else {
                "marla-quince"
            };
            assert_eq!(agents(text, "die"), [expected], "{text}");
        }
        // Another subject's clause, or a sentence that does not open with the name.
        for text in [
            "Marla Quince, 34, was walking home when Tom Vellacott, 20, died in the crash.",
            "In the morning, the actress died in her sleep.",
            "Yesterday, after a long illness, died the actress.",
        ] {
            assert!(
                agents(text, "die").iter().all(|a| a != "marla-quince"),
                "{text}"
            );
        }
    }

    /// The date claims of `text`: their dates as written and their descriptors.
    fn date_claims(text: &str) -> Vec<(String, String)> {
        claims(text)
            .into_iter()
            .filter(|c| c.event.predicate == crate::claim::DATE)
            .map(|c| {
                (
                    c.event.span.slice(text).to_string(),
                    c.object.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn dates_are_read_with_the_words_of_their_clause() {
        // No event word carries it: the clause's words describe it.
        let found = claims("Chris Ivory was placed on injured reserve Tuesday.");
        let date = found
            .iter()
            .find(|c| c.event.predicate == crate::claim::DATE)
            .expect("a date claim");
        assert_eq!(
            date.object.as_deref().unwrap_or_default(),
            "date placed injured reserve"
        );
        assert_eq!(
            date.time.as_ref().map(|t| t.value.as_str()),
            Some("XXXX-WXX-2")
        );
        assert!(date.involves("chris-ivory"), "{date:#?}");
        // One an event word carries is read too, and the calendar words are no descriptor.
        assert_eq!(
            date_claims("He became general manager in September 2003."),
            vec![(
                "September 2003".to_string(),
                "date became general manager".to_string()
            )]
        );
        // A report time is described by its speaker alone: the verb of saying is left out.
        assert_eq!(
            date_claims("Police said Tuesday."),
            vec![("Tuesday".to_string(), "date police".to_string())]
        );
        assert_eq!(
            date_claims("Pierre Thomas told reporters on Sunday."),
            vec![("Sunday".to_string(), "date reporter".to_string())]
        );
        // The date claim of a date an event claim carries restates it (the claim diff counts
        // an edited date once); one no event word carries does not.
        let found = claims("Police arrested the driver on Friday.");
        let date = found
            .iter()
            .find(|c| c.event.predicate == crate::claim::DATE)
            .expect("a date claim");
        assert!(date.restates_event_count(&found), "{found:#?}");
        let found = claims("Chris Ivory was placed on the reserve list Tuesday.");
        assert!(found.iter().all(|c| !c.restates_event_count(&found)));
        // Durations and the present reference date nothing.
        assert!(date_claims("The talks lasted three days.").is_empty());
        assert!(date_claims("The team is now in first place.").is_empty());
    }

    /// The first date claim of `text`.
    fn date_claim(text: &str) -> Claim {
        claims(text)
            .into_iter()
            .find(|c| c.event.predicate == crate::claim::DATE)
            .expect("a date claim")
    }

    #[test]
    fn a_date_in_a_clause_of_its_own_is_read_with_the_clause_it_frames() {
        // Opening the sentence: the next clause names who and tells what.
        let date = date_claim("In 2002, Dana Whitfield became president of the Tallgrass Guild.");
        assert!(date.involves("dana-whitfield"), "{date:#?}");
        assert_eq!(
            date.object.as_deref(),
            Some("date became president"),
            "{date:#?}"
        );
        // A date standing alone after the clause it dates is left alone.
        let date = date_claim("Dana Whitfield has not won a title, since 1991.");
        assert!(!date.involves("dana-whitfield"), "{date:#?}");
        // A relative clause tells of what the clause before it names.
        let date = date_claim("Elections in Ruritania which are planned for May 2 will be held.");
        assert!(date.involves("ruritania"), "{date:#?}");
        let date = date_claim("Elections in Ruritania, which are planned for May 2, will be held.");
        assert!(date.involves("ruritania"), "{date:#?}");
        // A day told relative to the article's own stays in its clause: it is as often the
        // day of the report.
        let date = date_claim("Today, Dana Whitfield can order the new phone.");
        assert!(!date.involves("dana-whitfield"), "{date:#?}");
        // A bracket encloses an aside, not a clause the date frames.
        let found = claims("Polls close at 8 p.m. local time (1300 GMT) in Ruritania.");
        assert!(
            found
                .iter()
                .filter(|c| c.event.predicate == crate::claim::DATE)
                .all(|c| c.event.trigger.contains("8") || !c.involves("ruritania")),
            "{found:#?}"
        );
    }

    #[test]
    fn a_date_inside_a_longer_token_is_its_claims_trigger() {
        let date = date_claim("Dana Whitfield rebuilt the clinic after 2005's flood.");
        assert_eq!(date.event.trigger, "2005's", "{date:#?}");
    }

    #[test]
    fn a_date_claim_carries_the_words_of_its_sentence() {
        // After the descriptor: the date's place among its sentence's dates of its kind, then
        // the sentence's content words in their light stems, names and times left out.
        let found = claims("Smith had three prior convictions, spanning from 1990 to 1991.");
        let contexts: Vec<&str> = found
            .iter()
            .filter(|c| c.event.predicate == crate::claim::DATE)
            .filter_map(|c| c.sentence_words.as_deref())
            .collect();
        assert_eq!(
            contexts,
            vec!["1/2 prior conviction span", "2/2 prior conviction span"],
            "{found:#?}"
        );
        // A year and a weekday are of two kinds: each is the first of its kind.
        let found = claims("In 2004 he was hired, and he resigned on Tuesday.");
        let places: Vec<String> = found
            .iter()
            .filter(|c| c.event.predicate == crate::claim::DATE)
            .filter_map(|c| c.sentence_words.as_deref())
            .map(|s| s.split(' ').next().unwrap_or_default().to_string())
            .collect();
        assert_eq!(places, vec!["1/1", "1/1"], "{found:#?}");
    }

    #[test]
    fn a_count_claim_carries_its_place_among_its_unit_s_counts_and_its_sentence_s_words() {
        // Event words stand as their predicates ("gained" is `rise`), other words as their
        // light stems.
        let found = claims("He gained 120 yards in the first game and 45 yards in the second.");
        let places: Vec<&str> = found
            .iter()
            .filter(|c| c.event.predicate == COUNT)
            .filter_map(|c| c.sentence_words.as_deref())
            .collect();
        assert_eq!(
            places,
            vec![
                "1/2 rise yard first gam second",
                "2/2 rise yard first gam second"
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn light_stems_join_the_forms_of_a_word() {
        for (a, b) in [
            ("sentenced", "sentence"),
            ("sentences", "sentence"),
            ("serving", "serve"),
            ("served", "serves"),
            ("murdering", "murder"),
            ("convictions", "conviction"),
            ("stopped", "stop"),
            ("injuries", "injury"),
        ] {
            assert_eq!(super::light_stem(a), super::light_stem(b), "{a} / {b}");
        }
        for (a, b) in [("spring", "spree"), ("morning", "more"), ("status", "stat")] {
            assert_ne!(super::light_stem(a), super::light_stem(b), "{a} / {b}");
        }
    }

    /// The object (unit and descriptor words) of the first count claim of `text`.
    fn object(text: &str) -> String {
        claims(text)
            .into_iter()
            .find(|c| c.event.predicate == COUNT)
            .and_then(|c| c.object)
            .unwrap_or_default()
    }

    #[test]
    fn a_count_is_described_by_the_words_around_it() {
        let a = object("Charles finished with 226 yards rushing in the loss.");
        let b = object("Charles finished with 226 rushing yards in the loss.");
        assert_eq!(a, "yard finished rushing loss");
        assert!(super::counts_alike(&a, &b, 2), "{a} / {b}");
        let career = object("Hansbrough now has 2,301 career points as a Tar Heel.");
        let game = object("Hansbrough finished with 20 points in the win.");
        assert!(!super::counts_alike(&career, &game, 2), "{career} / {game}");
        // Another unit is another thing, whatever the words.
        assert!(!super::counts_alike(
            "yard finished rushing",
            "point finished rushing",
            1
        ));
        assert_eq!(super::count_words_shared(&a, &b), 3, "{a} / {b}");
        assert_eq!(super::count_words_shared(&career, &game), 0);
        assert_eq!(
            super::count_words_shared("yard rushing", "point rushing"),
            0
        );
        // One word is enough when it is all both say.
        assert!(super::counts_alike(
            "person including",
            "person including",
            2
        ));
        assert!(!super::counts_alike(
            "person including",
            "person including inside",
            2
        ));
    }

    #[test]
    fn numbers_an_event_carries_are_counted_too() {
        let found = claims("Police seized 13 loaded magazines in the raid.");
        let seize = found
            .iter()
            .find(|c| c.event.predicate != COUNT)
            .expect("an event claim");
        assert_eq!(seize.quantities.len(), 1, "{seize:#?}");
        let count = found
            .iter()
            .find(|c| c.event.predicate == COUNT)
            .expect("a count claim");
        assert_eq!(count.quantities[0].span, seize.quantities[0].span);
        assert_eq!(
            count.object.as_deref(),
            Some("magazine police occupy loaded attack")
        );
    }

    #[test]
    fn an_event_word_describes_a_count_by_its_predicate() {
        let injured = object("The blast injured 12 people in the market.");
        let hurt = object("Twelve people were hurt in the market blast.");
        assert!(injured.split(' ').any(|w| w == "injure"), "{injured}");
        assert!(hurt.split(' ').any(|w| w == "injure"), "{hurt}");
        assert!(
            super::counts_alike(&injured, &hurt, 3),
            "{injured} / {hurt}"
        );
        // A word that is no event word stays as written.
        assert_eq!(object("It has 13 loaded magazines."), "magazine loaded");
        // A number that counts nothing ("4.7 on a scale of ten") makes no count claim: the
        // event words of its sentence would only make two look-alike events' figures alike.
        let scale = object("The show scored 4.7 on a scale of ten in the poll.");
        assert_eq!(scale, "", "{scale}");
        // On the Richter scale it is a quake's magnitude, as "a 4.7 magnitude quake" is.
        let richter = object("An earthquake measuring 4.7 on the Richter scale jolted the island.");
        assert!(richter.starts_with("magnitude "), "{richter}");
    }

    #[test]
    fn possessives_and_compounds_are_described_by_their_words() {
        let hyphen = object("He had a 0.41 percent blood-alcohol level, police said.");
        let spaced = object("His blood alcohol level was 0.41 percent.");
        assert!(hyphen.contains("blood alcohol"), "{hyphen}");
        assert!(
            super::counts_alike(&hyphen, &spaced, 3),
            "{hyphen} / {spaced}"
        );
        let possessive = object("The party's 125 candidates ran for parliament's seats.");
        assert!(!possessive.contains('\''), "{possessive}");
    }

    #[test]
    fn a_count_claim_carries_the_other_figures_of_its_sentence() {
        let figures = |text: &str, unit: &str| -> String {
            claims(text)
                .into_iter()
                .find(|c| {
                    c.event.predicate == COUNT
                        && c.quantities.first().and_then(|q| q.unit.as_deref()) == Some(unit)
                })
                .and_then(|c| c.context)
                .unwrap_or_default()
        };
        // Each other figure by its place from the count, its value and its unit.
        let yards = figures(
            "Jackson had 61 catches for 1,214 yards and seven touchdowns.",
            "yard",
        );
        assert_eq!(yards, "-1|61|catche 1|7|touchdown");
        // A number right after a capitalized word is part of a name, and no figure.
        let rifles = figures(
            "They seized 14 rifles, AK-47 parts and 37 magazines.",
            "rifle",
        );
        assert_eq!(rifles, "1|37|magazine");
    }

    #[test]
    fn plurals_and_compounds_written_apart_are_shared_words() {
        use super::{count_words_shared, word_form};
        for (x, y) in [
            ("societie", "society"),
            ("passe", "pass"),
            ("catche", "catch"),
            ("agree", "agre"),
        ] {
            assert_eq!(word_form(x), word_form(y), "{x} / {y}");
        }
        // Verbs keep their endings.
        assert_ne!(word_form("rushed"), word_form("rushing"));
        assert_eq!(
            count_words_shared(
                "scientist societie representing",
                "scientist society represent"
            ),
            1
        );
        // One side's two words are the other's one.
        assert_eq!(
            count_words_shared(
                "pistol shotgun semiautomatic",
                "pistol shotgun semi automatic"
            ),
            2
        );
        assert_eq!(
            count_words_shared("percent back end deal", "percent backend film"),
            1
        );
        // Not when one of the two is shared already.
        assert_eq!(count_words_shared("yard back end", "yard back backend"), 1);
        // A word whose `s` is no plural keeps it.
        let plus = object("He gets 8 percent plus the back end.");
        assert!(plus.contains("plus"), "{plus}");
        let news = object("The station aired 3 news bulletins.");
        assert!(news.contains("news"), "{news}");
    }

    #[test]
    fn casualty_counts_are_described_alike_however_worded() {
        let killed = object("The blast killed 3 people.");
        let dead = object("The blast left 3 dead.");
        let died = object("Three people died.");
        assert_eq!(killed, "person explode killed");
        assert_eq!(dead, "person explode leave killed");
        assert_eq!(died, "person killed");
        assert!(super::counts_alike(&killed, &dead, 2), "{killed} / {dead}");
        assert!(super::counts_alike(&killed, &died, 3), "{killed} / {died}");
        // Injuries are another count of people.
        let hurt = object("The blast injured 3 people.");
        assert!(!super::counts_alike(&killed, &hurt, 2), "{killed} / {hurt}");
    }

    #[test]
    fn durations_make_no_count_claim() {
        let found = claims("Reid, 33, spent two weeks at Promises.");
        assert!(
            found
                .iter()
                .filter(|c| c.event.predicate == COUNT)
                .all(|c| !c.object.as_deref().unwrap_or("").starts_with("week")),
            "{found:#?}"
        );
    }
}
