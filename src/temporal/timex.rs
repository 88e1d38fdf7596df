//! The time expression model: what the tagger finds and how it was normalized.
//!
//! A [`Timex`] carries both views a checker needs: the TimeML TIMEX3 `type`/`value`/`mod` (so
//! output can be scored against gold corpora and read by TimeML tools) and a day [`Interval`]
//! with its precision (so claims can be compared). It also records *how* it was anchored, so a
//! report can show why "twelve days later" means 2022-02-24.

use serde::{Deserialize, Serialize};

use crate::temporal::date::Interval;
use crate::text::span::Span;

/// TimeML TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "Nov. 15", "March 2022", "last year".
    Date,
    /// A time of day: "3 p.m.", "Sunday night".
    Time,
    /// A length of time: "nine months", "more than 24 days".
    Duration,
    /// A recurrence: "every week", "daily".
    Set,
}

impl TimexType {
    /// The TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A bound on a quantity or duration, as TimeML's `mod` and news wording give it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// Exactly the amount.
    #[default]
    Exact,
    /// Strictly more: "more than", "over". TimeML `MORE_THAN`.
    MoreThan,
    /// Strictly less: "less than", "nearly", "almost". TimeML `LESS_THAN`.
    LessThan,
    /// At least: "at least", "no less than". TimeML `EQUAL_OR_MORE`.
    AtLeast,
    /// At most: "up to", "no more than". TimeML `EQUAL_OR_LESS`.
    AtMost,
    /// Roughly: "about", "around", "some". TimeML `APPROX`.
    About,
}

impl Bound {
    /// The TimeML `mod` value, `None` for an exact amount.
    pub fn timeml_mod(self) -> Option<&'static str> {
        match self {
            Bound::Exact => None,
            Bound::MoreThan => Some("MORE_THAN"),
            Bound::LessThan => Some("LESS_THAN"),
            Bound::AtLeast => Some("EQUAL_OR_MORE"),
            Bound::AtMost => Some("EQUAL_OR_LESS"),
            Bound::About => Some("APPROX"),
        }
    }
}

/// What a resolved value was computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Anchor {
    /// Absolute, or unresolved: nothing was needed or nothing was available.
    #[default]
    None,
    /// Deictic, resolved against the publication date ("nine months ago", "on Wednesday").
    Published,
    /// Anaphoric, resolved against the previous date of the narrative ("twelve days later").
    Narrative {
        /// Byte span of the time expression it was anchored on.
        on: Span,
    },
    /// Relative to a named event ("on the eve of the attack"); the claim layer resolves it.
    Event {
        /// The event's head word as written ("attack", "invasion").
        event: String,
        /// Days from the event's date: -1 for "the eve of".
        offset_days: i64,
    },
}

impl Anchor {
    /// The short name used in `extract` output: `published`, `narrative`, `event`, or `none`.
    pub fn name(&self) -> &'static str {
        match self {
            Anchor::None => "none",
            Anchor::Published => "published",
            Anchor::Narrative { .. } => "narrative",
            Anchor::Event { .. } => "event",
        }
    }
}

/// A length of time in days, with the bound the text put on it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DurationDays {
    /// The stated amount in days (a month counts 30, a year 365).
    pub days: f64,
    /// How the text bounded it.
    pub bound: Bound,
}

/// A time expression found in text, with its normalization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte span in the tagged text (TimeML extent: no leading preposition).
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2022-11-15`, `2022-02`, `P24D`, `PAST_REF`, `XXXX-02-12`, ...
    pub value: String,
    /// The bound, TIMEX3 `mod` (also used for "early"/"late" via `modifier`).
    #[serde(default, skip_serializing_if = "is_exact")]
    pub bound: Bound,
    /// Other TIMEX3 `mod` values: `START`, `MID`, `END`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The days a DATE or TIME covers, when the value is resolved to a calendar position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The length of a DURATION.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<DurationDays>,
    /// How the value was anchored.
    #[serde(default)]
    pub anchor: Anchor,
    /// Whether the value rests on an inferred (not given) date, such as a guessed year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

fn is_exact(bound: &Bound) -> bool {
    *bound == Bound::Exact
}
