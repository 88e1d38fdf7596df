//! The diff model: what changed between two versions of one article, claim by claim.
//!
//! A [`VersionDiff`] lists [`Change`]s. Each change says which way it went (a claim added,
//! removed or changed, or a sentence reworded), which claim fields moved and how (old → new),
//! where it is in each version (byte spans into the old and the new text), a word-level diff of
//! the sentences, and its [`Class`]: factual, attribution, hedge or wording. Renderers print
//! these values and compute nothing (DESIGN.md, "Version diff").

use serde::Serialize;

use crate::text::span::Span;

/// How much a change matters to a reader, from least to most. `--fail-on` takes a class and
/// fails on it and every class above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// The same claims in other words (synonyms, a sentence moved, split or merged).
    Wording,
    /// The claim's modality changed: a hedge added or dropped.
    Hedge,
    /// The claim's source changed: an attribution added, removed or changed.
    Attribution,
    /// What happened changed: a date, a number, a participant, the polarity, or a claim added
    /// or removed.
    Factual,
}

impl Class {
    /// Every class, from least to most.
    pub const ALL: [Class; 4] = [
        Class::Wording,
        Class::Hedge,
        Class::Attribution,
        Class::Factual,
    ];

    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Wording => "wording",
            Class::Hedge => "hedge",
            Class::Attribution => "attribution",
            Class::Factual => "factual",
        }
    }
}

/// Which way a change went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with differences.
    Changed,
}

impl ChangeKind {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// A claim field that differs between the versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// A whole claim, added or removed.
    Claim,
    /// The event predicate.
    Event,
    /// The object the event acts on.
    Object,
    /// When it happened.
    Time,
    /// How many.
    Quantity,
    /// Who took part.
    Participant,
    /// Whether it happened.
    Polarity,
    /// Who says so.
    Attribution,
    /// How firmly it is stated.
    Hedge,
    /// Where the sentence stands in the article.
    Position,
}

impl Field {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Claim => "claim",
            Field::Event => "event",
            Field::Object => "object",
            Field::Time => "time",
            Field::Quantity => "quantity",
            Field::Participant => "participant",
            Field::Polarity => "polarity",
            Field::Attribution => "attribution",
            Field::Hedge => "hedge",
            Field::Position => "position",
        }
    }

    /// The class a difference in this field gives a change.
    pub fn class(self) -> Class {
        match self {
            Field::Attribution => Class::Attribution,
            Field::Hedge => Class::Hedge,
            // The object head is read by position and often a stray word (see `classify`).
            Field::Position | Field::Object => Class::Wording,
            _ => Class::Factual,
        }
    }
}

/// One field, old → new. A side is `None` when the field is absent there (a date added).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field.
    pub field: Field,
    /// Its value in the old version, as written there when it has a span.
    pub old: Option<String>,
    /// Its value in the new version.
    pub new: Option<String>,
}

impl FieldChange {
    /// The changed fields as one line: "count: 2 → 3; date: 2022-02 → 2022-03".
    pub fn summary(fields: &[FieldChange]) -> String {
        fields
            .iter()
            .map(|f| {
                format!(
                    "{}: {} → {}",
                    f.field.as_str(),
                    f.old.as_deref().unwrap_or("none"),
                    f.new.as_deref().unwrap_or("none")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A stretch of one version: byte span and the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Byte offset of the start, into that version's text.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
    /// The text.
    pub text: String,
}

impl Excerpt {
    /// The excerpt of `text` at `span`.
    pub fn new(text: &str, span: Span) -> Excerpt {
        Excerpt {
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
        }
    }

    /// Its span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What a word-diff segment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    /// In both versions.
    Equal,
    /// Only in the old version.
    Delete,
    /// Only in the new version.
    Insert,
}

/// A run of words with one [`WordOp`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
    /// What the run does.
    pub op: WordOp,
    /// Its text, white space included.
    pub text: String,
}

/// One change between the versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// How much it matters.
    pub class: Class,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// A one-line description ("quantity: two → three").
    pub message: String,
    /// The fields that differ; empty for a rewording.
    pub fields: Vec<FieldChange>,
    /// The claim concerned, as `predicate(participants)`, when the change is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The sentence(s) in the old version; `None` for an addition.
    pub old: Option<Excerpt>,
    /// The sentence(s) in the new version; `None` for a removal.
    pub new: Option<Excerpt>,
    /// Word-level diff of the old and new sentences (empty when one side is missing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Words>,
}

/// One version's identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The article id.
    pub id: String,
    /// Where it was read from.
    pub origin: String,
}

/// Counts of a diff.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Claims read from the old version.
    pub old_claims: usize,
    /// Claims read from the new version.
    pub new_claims: usize,
    /// Changes that add a claim or a sentence.
    pub added: usize,
    /// Changes that remove a claim or a sentence.
    pub removed: usize,
    /// Changes to a claim or a sentence present in both.
    pub changed: usize,
    /// Factual changes.
    pub factual: usize,
    /// Attribution changes.
    pub attribution: usize,
    /// Hedge changes.
    pub hedge: usize,
    /// Wording-only changes.
    pub wording: usize,
}

impl Summary {
    /// Counts `changes`.
    pub fn count(old_claims: usize, new_claims: usize, changes: &[Change]) -> Summary {
        let mut summary = Summary {
            old_claims,
            new_claims,
            ..Summary::default()
        };
        for change in changes {
            match change.change {
                ChangeKind::Added => summary.added += 1,
                ChangeKind::Removed => summary.removed += 1,
                ChangeKind::Changed => summary.changed += 1,
            }
            match change.class {
                Class::Factual => summary.factual += 1,
                Class::Attribution => summary.attribution += 1,
                Class::Hedge => summary.hedge += 1,
                Class::Wording => summary.wording += 1,
            }
        }
        summary
    }
}

/// The claim-level diff of two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionDiff {
    /// The old version.
    pub old: Version,
    /// The new version.
    pub new: Version,
    /// Changes in the order of the new version (removals at the place they were).
    pub changes: Vec<Change>,
    /// Counts.
    pub summary: Summary,
    /// The correction note of the new version that accepts its changes, when one matched
    /// `--allow-if-note` (see [`crate::diff::note`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Excerpt>,
}

impl VersionDiff {
    /// The most serious class among the changes; `None` when nothing changed.
    pub fn class(&self) -> Option<Class> {
        self.changes.iter().map(|c| c.class).max()
    }

    /// Whether `change` fails a run that fails at `threshold` (`None`: never). A correction note
    /// accepts every change of its version.
    pub fn fails(&self, change: &Change, threshold: Option<Class>) -> bool {
        self.note.is_none() && threshold.is_some_and(|t| change.class >= t)
    }

    /// Records the correction note that accepts this version's changes. The note is the
    /// editor's account of the change, not article content, so changes read from the note's own
    /// line (a "death toll" in "Correction: ... the wrong death toll") are dropped.
    pub fn accept_note(&mut self, note: Excerpt) {
        let span = note.span();
        self.changes
            .retain(|c| c.old.is_some() || c.new.as_ref().is_none_or(|n| !span.contains(n.span())));
        self.summary = Summary::count(
            self.summary.old_claims,
            self.summary.new_claims,
            &self.changes,
        );
        self.note = Some(note);
    }

    /// Whether any change fails at `threshold`.
    pub fn failed(&self, threshold: Option<Class>) -> bool {
        self.changes.iter().any(|c| self.fails(c, threshold))
    }
}
