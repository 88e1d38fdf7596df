//! The claim model: one factual statement of one article, in a form other articles' claims can
//! be compared with.
//!
//! A claim names an event by its canonical predicate (from `rules/lexicon/events.toml`), its
//! participants by entity id (from `rules/lexicon/entities.toml` and in-document coreference),
//! when it happened (a resolved time), how many (quantities with bounds), who says so
//! (attribution), how firmly (modality) and whether it happened at all (polarity). Every part
//! keeps the byte span it came from.
//!
//! An *attribute claim* states a property of an entity rather than an event: "Tara Reid, 33"
//! (age), "the 6.1-magnitude quake" (magnitude), "the Promises Treatment Center in Malibu"
//! (located-in), "Defense Secretary Lloyd Austin" (title), "a Russian missile" (origin). It is
//! a [`Claim`] like any other, so the JSON contract is unchanged: its event predicate is the
//! attribute's name (one of [`ATTRIBUTES`]), its trigger the words that state the value, the
//! entity an `agent` participant, and the value a quantity (age in `age` units, magnitude in
//! `magnitude` units), a `location` participant (located-in) or the object (title, as
//! "defense-secretary"; origin, as the country's id).

use serde::Serialize;

use crate::temporal::{Bound, DurationDays, Interval, Timex, TimexType};
use crate::text::span::Span;

/// The predicates of attribute claims: properties of an entity, not events.
pub const ATTRIBUTES: [&str; 5] = ["age", "magnitude", "located-in", "title", "origin"];

/// The predicate of a count claim: a number of a counted thing stated outside any event word's
/// clause ("had 30 points", "a depth of 44 miles"). Its object is the unit.
pub const COUNT: &str = "count";

/// The predicate of a date claim: a date read with the words of its clause rather than with an
/// event word ("was placed on injured reserve Tuesday", "became assistant GM in 2003"). Its
/// object is the descriptor of the words around the date.
pub const DATE: &str = "date";

/// Whether the claim asserts or denies its event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// It happened.
    #[default]
    Positive,
    /// It did not ("did not", "has not", "never").
    Negative,
}

/// How firmly the article states the claim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact in the article's own voice.
    #[default]
    Asserted,
    /// Attributed to a source ("according to", "X said").
    Reported,
    /// Inside a direct quotation.
    Quoted,
    /// Softened: "believed to", "reportedly", "could", "may".
    Hedged,
}

/// What kind of source carries a claim. Ordered from weakest to strongest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// No attribution: the article's own voice.
    #[default]
    Unattributed,
    /// An unnamed person ("an anonymous U.S. official", "U.S. officials").
    Anonymous,
    /// Another news outlet or wire service ("according to Reuters").
    Outlet,
    /// A named person or organization ("according to NATO", "Vershbow said").
    Named,
    /// A named person quoted on the record.
    Quote,
    /// A document ("a report by", "court documents").
    Document,
}

/// Who says so.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Attribution {
    /// The kind of source.
    pub kind: SourceKind,
    /// The source as written ("an anonymous U.S. official", "NATO"); empty when unattributed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The canonical entity or outlet id of the source, when known ("reuters", "nato").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Where the attribution is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A participant of an event, by canonical entity id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Participant {
    /// Canonical entity id ("united-states", "joe-biden").
    pub entity: String,
    /// Its role in the event.
    pub role: Role,
    /// Where it is mentioned.
    pub span: Span,
}

/// The role of a participant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The doer: stands before the event word.
    Agent,
    /// The one done to: stands after the event word.
    Patient,
    /// Where it happened.
    Location,
}

/// A number with its bounds, unit and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// Where the number (with its modifier and unit) is written.
    pub span: Span,
    /// The stated value ("nearly 24" → 24).
    pub value: f64,
    /// How the text bounded it.
    pub bound: Bound,
    /// The smallest value the statement allows.
    pub low: f64,
    /// The largest value the statement allows (infinite for "more than").
    pub high: f64,
    /// The unit or counted noun, normalized to its singular ("person", "day", "percent", "usd").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Quantity {
    /// The quantity's content as a key, without its position: "24:MoreThan:day".
    pub fn key(&self) -> String {
        format!(
            "{}:{:?}:{}",
            self.value,
            self.bound,
            self.unit.as_deref().unwrap_or("")
        )
    }
}

/// When the claim happened: a resolved time or an unresolved time expression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimTime {
    /// The time expression's span.
    pub span: Span,
    /// Its TIMEX3 value.
    pub value: String,
    /// The days it covers, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// For "since"/"for" durations attached to the claim: its length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<DurationDays>,
}

impl ClaimTime {
    /// The claim's time as a time expression states it. A duration says how long, not when: it
    /// keeps its length and gives no interval.
    pub fn from_timex(t: &Timex) -> Self {
        ClaimTime {
            span: t.span,
            value: t.value.clone(),
            interval: if t.kind == TimexType::Duration {
                None
            } else {
                t.interval
            },
            duration: t.duration,
        }
    }
}

/// The event a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Event {
    /// Canonical predicate ("invade", "establish", "speak").
    pub predicate: String,
    /// The word that triggered it, as written.
    pub trigger: String,
    /// Where the trigger is.
    pub span: Span,
}

/// One factual claim of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id: a hash of the article id and the claim's normalized content.
    pub id: String,
    /// The article it comes from.
    pub article: String,
    /// The sentence it was read from.
    pub sentence: Span,
    /// The event.
    pub event: Event,
    /// Participants, by entity id.
    pub participants: Vec<Participant>,
    /// The head of the event's object when it is a common noun or a thing: "initiated *the
    /// call*" → "call", "created *this communications line*" → "hotline". Two claims whose
    /// objects differ are about different events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<ClaimTime>,
    /// How many.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Who says so.
    pub attribution: Attribution,
    /// How firmly.
    pub modality: Modality,
    /// Whether it happened.
    pub polarity: Polarity,
    /// For a count claim, the other figures of its sentence (`claim::extract::figures_beside`).
    /// Working data of the matcher, not part of the claim as reported.
    #[serde(skip)]
    pub context: Option<String>,
    /// For a date or count claim, what its sentence says besides the value, as the matcher
    /// compares it: the value's place among the sentence's values of its kind ("1/2": the
    /// first of two years, or of two counts of yards) and the light stems of the sentence's
    /// content words (`claim::extract::dates`, `claim::extract::counts`). Working data of the
    /// matcher, not part of the claim as reported.
    #[serde(skip)]
    pub sentence_words: Option<String>,
}

impl Claim {
    /// The participant ids in a stable order (for blocking keys and ids).
    pub fn participant_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .participants
            .iter()
            .map(|p| p.entity.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The smallest span covering the event word, participants, time and quantities: the
    /// part of the sentence the claim is read from.
    pub fn extent(&self) -> Span {
        let mut extent = self.event.span;
        for span in self
            .participants
            .iter()
            .map(|p| p.span)
            .chain(self.time.iter().map(|t| t.span))
            .chain(self.quantities.iter().map(|q| q.span))
        {
            if self.sentence.contains(span) {
                extent = extent.cover(span);
            }
        }
        extent
    }

    /// Whether the claim states an attribute of an entity (age, magnitude, location, title)
    /// rather than an event. Attribute claims are compared by their own rule, not matched as
    /// events: their values are what differ, where an event's differing details mean another
    /// event.
    pub fn is_attribute(&self) -> bool {
        ATTRIBUTES.contains(&self.event.predicate.as_str())
    }

    /// Whether this is the count claim of a number an event claim among `claims` (of its
    /// article) carries too: the same fact stated once, which names no one a second time and is
    /// not a second change when the number is edited. Only claims of its sentence can carry it,
    /// so a caller with the claims grouped by sentence passes that group alone.
    pub fn restates_event_count<'c>(&self, claims: impl IntoIterator<Item = &'c Claim>) -> bool {
        let carried_time = |c: &Claim| {
            c.time
                .as_ref()
                .is_some_and(|t| t.span.overlaps(self.event.span))
        };
        match self.event.predicate.as_str() {
            COUNT => claims.into_iter().any(|c| {
                !c.is_detail()
                    && c.sentence == self.sentence
                    && c.quantities.iter().any(|q| q.span == self.event.span)
            }),
            DATE => claims
                .into_iter()
                .any(|c| !c.is_detail() && c.sentence == self.sentence && carried_time(c)),
            _ => false,
        }
    }

    /// Whether this is a count or date claim: one detail read with the words around it rather
    /// than with an event word, compared with other articles' details but never reported alone
    /// or as a denial.
    pub fn is_detail(&self) -> bool {
        self.event.predicate == COUNT || self.event.predicate == DATE
    }

    /// Whether `entity` takes part in the claim.
    pub fn involves(&self, entity: &str) -> bool {
        self.participants.iter().any(|p| p.entity == entity)
    }
}
