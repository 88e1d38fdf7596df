//! Per-article analysis: the map step of the pipeline.
//!
//! text (boilerplate, sentences) → temporal (time expressions) → grammar (tokens, entities,
//! quantities, attribution) → claim (assembly, event anchors, stable ids). Each article is
//! analyzed on its own, so extraction shards freely; cross-checking comes after, in `check`.

use foldhash::{HashMap, HashMapExt};

use serde::Serialize;

use crate::claim::extract::{self, EventIndex, SentenceParts};
use crate::claim::id::fingerprint;
use crate::claim::{Attribution, Claim, Quantity};
use crate::grammar::cue::{self, CueIndex};
use crate::grammar::entity::{self, EntityIndex};
use crate::grammar::number;
use crate::grammar::token::tokenize;
use crate::input::Article;
use crate::lexicon::Lexicon;
use crate::rulefiles::RuleFile;
use crate::temporal::{self, Anchor, Interval, Precision, Timex};
use crate::text::boilerplate::Boilerplate;
use crate::text::segment::{self, Sentence};
use crate::text::span::Span;

/// How far back "recently" reaches from the publication date, in days.
const RECENT_DAYS: i64 = 31;

/// The compiled lexicon and boilerplate patterns, shared by every article of a run.
#[derive(Debug)]
pub struct Analyzer {
    /// The merged lexicon.
    pub lexicon: Lexicon,
    entities: EntityIndex,
    cues: CueIndex,
    events: EventIndex,
    boilerplate: Vec<Boilerplate>,
}

/// Everything found in one article.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// The article id.
    pub id: String,
    /// Lines dropped as boilerplate.
    #[serde(skip)]
    pub removed: Vec<Span>,
    /// Sentences, in order.
    #[serde(skip)]
    pub sentences: Vec<Sentence>,
    /// Time expressions, in text order.
    pub times: Vec<Timex>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
    /// The people and organizations the text names that its headline names too, most named
    /// first ([`headline_names`]).
    #[serde(skip)]
    pub headline: Vec<String>,
}

impl Analyzer {
    /// Compiles the lexicon and boilerplate files among `files`. Every problem is reported.
    pub fn new(files: &[RuleFile]) -> Result<Analyzer, Vec<String>> {
        let mut errors = Vec::new();
        let lexicon = Lexicon::load(files)
            .map_err(|e| errors.extend(e.into_iter().map(|e| e.to_string())))
            .unwrap_or_default();
        let mut boilerplate = Vec::new();
        for file in files
            .iter()
            .filter(|f| f.relative.starts_with("lexicon/boilerplate"))
        {
            match Boilerplate::from_toml(&file.text, &file.origin) {
                Ok(patterns) => boilerplate.push(patterns),
                Err(error) => errors.push(error.to_string()),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Analyzer {
            entities: EntityIndex::new(&lexicon),
            cues: CueIndex::new(&lexicon.cues),
            events: EventIndex::new(&lexicon),
            boilerplate,
            lexicon,
        })
    }

    /// Analyzes one article.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let text = article.text.as_str();
        let mut removed: Vec<Span> = self
            .boilerplate
            .iter()
            .flat_map(|b| b.find(text))
            .map(|r| r.span)
            .collect();
        removed.sort();
        removed.dedup();
        let paragraphs = segment::segment(text, &removed);
        let sentences: Vec<Sentence> = segment::sentences(&paragraphs).copied().collect();
        let mut times: Vec<Timex> = temporal::tag(text, article.meta.published)
            .into_iter()
            .filter(|t| !removed.iter().any(|r| r.overlaps(t.span)))
            .collect();

        let tokens: Vec<_> = sentences
            .iter()
            .map(|s| tokenize(s.span.slice(text), s.span.start))
            .collect();
        let all_mentions = entity::article_mentions(&self.entities, &tokens);
        let headline = article
            .meta
            .title
            .as_deref()
            .map(|title| headline_names(title, all_mentions.iter().flatten()))
            .unwrap_or_default();

        let mut quantities = Vec::new();
        let mut extracted = Vec::new();
        let mut history: Vec<Attribution> = Vec::new();
        for ((sentence, sentence_tokens), sentence_mentions) in
            sentences.iter().zip(&tokens).zip(all_mentions)
        {
            // The times are in text order (`temporal::tag`): the sentence's lie from the first
            // starting in it on, which a binary search finds, so a long article costs no scan
            // of all its times for every sentence.
            let first = times.partition_point(|t| t.span.start < sentence.span.start);
            let sentence_times: Vec<(usize, &Timex)> = times[first..]
                .iter()
                .enumerate()
                .map(|(k, t)| (first + k, t))
                .take_while(|(_, t)| t.span.start < sentence.span.end)
                .filter(|(_, t)| sentence.span.contains(t.span))
                .collect();
            // Names inside time expressions ("Nov." of "Nov. 15") are not entities.
            let mentions: Vec<_> = sentence_mentions
                .into_iter()
                .filter(|m| !sentence_times.iter().any(|(_, t)| t.span.overlaps(m.span)))
                .collect();
            let attribution = cue::attribution(&self.cues, sentence_tokens, &mentions, &history);
            if let Some(found) = &attribution {
                history.push(found.attribution.clone());
            }
            let sentence_quantities = number::find_quantities(sentence_tokens, |span| {
                sentence_times.iter().any(|(_, t)| t.span.overlaps(span))
            });
            let parts = SentenceParts {
                article: &article.id,
                sentence: sentence.span,
                tokens: sentence_tokens,
                mentions: &mentions,
                times: &sentence_times,
                quantities: &sentence_quantities,
                attribution: attribution.as_ref(),
            };
            extracted.extend(extract::claims(&self.events, &self.cues, &parts));
            quantities.extend(sentence_quantities);
        }

        resolve_event_anchors(&self.events, &mut extracted, &mut times);
        let published = article.meta.published.map(|p| p.interval());
        let mut claims: Vec<Claim> = extracted
            .into_iter()
            .map(|mut e| {
                resolve_vague_reference(&mut e.claim, published);
                e.claim
            })
            .collect();
        assign_ids(&mut claims);
        Analysis {
            id: article.id.clone(),
            removed,
            sentences,
            times,
            quantities,
            claims,
            headline,
        }
    }
}

/// The people and organizations among `mentions` (the text's, resolved) whose last name word
/// the headline `title` writes, most often mentioned first, then first mentioned. A headline
/// names whom the story is about ("Jane Doe Dead: ...", "Doe to leave ...") even when
/// the text names them once, in a quote, or by pronouns after the first line. The headline is
/// matched word by word against names the text itself writes: headlines capitalize every word,
/// so names are not read off the headline itself.
pub fn headline_names<'m>(
    title: &str,
    mentions: impl Iterator<Item = &'m entity::Mention>,
) -> Vec<String> {
    let words: std::collections::BTreeSet<String> = tokenize(title, 0)
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.without_possessive().to_lowercase())
        .collect();
    // Each name: how often it is mentioned, and when first.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, mention) in mentions
        .filter(|m| {
            matches!(
                m.kind,
                crate::lexicon::EntityKind::Person | crate::lexicon::EntityKind::Organization
            ) && !m.adjective
        })
        .enumerate()
    {
        counts.entry(mention.id.as_str()).or_insert((0, order)).0 += 1;
    }
    let mut ranked: Vec<(&str, (usize, usize))> = counts
        .into_iter()
        .filter(|(id, _)| {
            !id.contains('/')
                && id
                    .rsplit('-')
                    .next()
                    .is_some_and(|last| words.contains(last))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)));
    ranked.into_iter().map(|(id, _)| id.to_string()).collect()
}

/// "On the eve of the attack": find the claim the event word refers to (the nearest one before
/// it with a day-precision date) and shift its date.
fn resolve_event_anchors(
    events: &EventIndex,
    extracted: &mut [extract::Extracted],
    times: &mut [Timex],
) {
    for i in 0..extracted.len() {
        let Some(index) = extracted[i].timex else {
            continue;
        };
        let Anchor::Event { event, offset_days } = &times[index].anchor else {
            continue;
        };
        if let Some(interval) = times[index].interval {
            // Resolved already, for another claim of the same expression (an event's and the
            // expression's own date claim): this claim takes the same date.
            if let Some(time) = extracted[i]
                .claim
                .time
                .as_mut()
                .filter(|t| t.interval.is_none())
            {
                time.interval = Some(interval);
                time.value = times[index].value.clone();
            }
            continue;
        }
        let referents = events.referents(event);
        let position = extracted[i].claim.event.span.start;
        // A day offset ("the eve of") needs a day; "the start of the war" takes any precision.
        let offset = *offset_days;
        let candidates = extracted.iter().filter(|e| {
            referents.contains(&e.claim.event.predicate.as_str())
                && e.claim
                    .time
                    .as_ref()
                    .and_then(|t| t.interval)
                    .is_some_and(|iv| offset == 0 || iv.precision == Precision::Day)
        });
        // The nearest before, else the first after.
        let before = candidates
            .clone()
            .rfind(|e| e.claim.event.span.start < position);
        let Some(anchor) = before.or_else(|| candidates.clone().next()) else {
            continue;
        };
        let Some(anchor_interval) = anchor.claim.time.as_ref().and_then(|t| t.interval) else {
            continue;
        };
        let shifted = anchor_interval.shift_days(offset);
        let value = shifted.to_string();
        times[index].interval = Some(shifted);
        times[index].value = value.clone();
        if let Some(time) = extracted[i].claim.time.as_mut() {
            time.interval = Some(shifted);
            time.value = value;
        }
    }
}

/// "Recently" and "now" get an interval from the publication date: the month before it for a
/// past reference, the publication interval itself for the present.
fn resolve_vague_reference(claim: &mut Claim, published: Option<Interval>) {
    let (Some(time), Some(published)) = (claim.time.as_mut(), published) else {
        return;
    };
    if time.interval.is_some() {
        return;
    }
    let interval = match time.value.as_str() {
        "PAST_REF" => Interval {
            start: published.start - chrono::Duration::days(RECENT_DAYS),
            end: published.end,
            precision: Precision::Month.max(published.precision),
        },
        "PRESENT_REF" => published,
        _ => return,
    };
    time.interval = Some(interval);
}

/// Ids from content: article, event, participants, time, numbers, polarity; a counter keeps
/// identical claims of one article apart.
pub(crate) fn assign_ids(claims: &mut [Claim]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for claim in claims.iter_mut() {
        let participants = claim.participant_ids().join(",");
        let time = claim
            .time
            .as_ref()
            .map_or(String::new(), |t| t.value.clone());
        let quantities = claim
            .quantities
            .iter()
            .map(Quantity::key)
            .collect::<Vec<_>>()
            .join(",");
        let polarity = format!("{:?}", claim.polarity);
        let trigger = claim.event.trigger.to_lowercase();
        let base = fingerprint([
            claim.article.as_str(),
            claim.event.predicate.as_str(),
            trigger.as_str(),
            participants.as_str(),
            time.as_str(),
            quantities.as_str(),
            polarity.as_str(),
        ]);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        claim.id = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(title: &str, text: &str) -> Vec<String> {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let mut article = Article::from_text("a", text, "2013-06-06".parse().ok());
        article.meta.title = Some(title.to_string());
        analyzer.analyze(&article).headline
    }

    #[test]
    fn a_headline_names_whom_the_text_names_by_their_last_name() {
        let text = "The film star died Thursday at 91. \"My stepmother Jane Doe passed \
                    peacefully this morning,\" her stepson Carl Moe said.";
        assert_eq!(
            headline("Jane Doe Dead: Film Star Dies At Age 91", text),
            ["jane-doe"]
        );
        assert_eq!(headline("Doe's Last Swim", text), ["jane-doe"]);
        // A capitalized headline word the text does not write as a name is no name.
        assert!(headline("Film Star Dies At Age 91", text).is_empty());
        assert!(headline("", text).is_empty());
    }
}
