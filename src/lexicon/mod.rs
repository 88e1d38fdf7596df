//! The lexicon: the word lists the grammar and claim layers read from `rules/lexicon/`.
//!
//! - `events.toml`: canonical event predicates with their verbs, nominalizations and the nouns
//!   that refer back to them ("the attack" for an invasion), the phrases in which a form names
//!   no event (`except`), and senses that apply only near certain words ("fired" near
//!   "missile");
//! - `entities.toml`: canonical entities (countries, organizations, things) with their aliases,
//!   adjectives and the larger entity they belong to (the Pentagon → the United States);
//! - `outlets.toml`: news outlets and wire services;
//! - `cues.toml`: the cue words of attribution, hedging and negation.
//!
//! The built-in lexicon is embedded in the binary; `--rules DIR` layers more entries on top
//! (entries are appended; a later entry with the same id replaces the earlier one). Word lists are
//! data, not code, so that a newsroom can extend them without a rebuild.

pub mod closed;
mod inflect;
mod load;

use foldhash::HashMap;

use serde::Deserialize;

pub use inflect::verb_forms;
pub use load::LexiconError;

/// One canonical event predicate.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EventEntry {
    /// The canonical predicate ("invade").
    pub predicate: String,
    /// Verb lemmas; regular inflections are generated ("invade" → "invaded", "invades", ...).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Extra surface forms taken as they are (irregular verb forms, multi-word phrases).
    #[serde(default)]
    pub forms: Vec<String>,
    /// Nominalizations ("invasion", "talks").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Nouns that may refer back to an event of this kind ("attack", "war").
    #[serde(default)]
    pub anaphors: Vec<String>,
    /// Units whose counts belong to this event ("person" for "killed two people").
    #[serde(default)]
    pub counts: Vec<String>,
    /// Phrases holding one of the entry's forms in which the form names no event of this kind
    /// ("press release", "under fire"); a single word drops that form ("brief" keeps "briefed").
    #[serde(default)]
    pub except: Vec<String>,
    /// Forms that mean this event only near certain words (`[[event.sense]]`).
    #[serde(default)]
    pub sense: Vec<Sense>,
}

impl EventEntry {
    /// The verb lemmas of the entry and of its senses, plain ones first.
    pub fn verb_lemmas(&self) -> impl Iterator<Item = &String> {
        self.verbs
            .iter()
            .chain(self.sense.iter().flat_map(|s| &s.verbs))
    }

    /// The nominalizations of the entry and of its senses, plain ones first.
    pub fn noun_forms(&self) -> impl Iterator<Item = &String> {
        self.nouns
            .iter()
            .chain(self.sense.iter().flat_map(|s| &s.nouns))
    }
}

/// A sense of an event predicate: forms that mean the event only when one of the `near` words
/// stands within a few words of them, in the same clause. "fired" near "missile" is a weapon
/// fired; "fired" elsewhere is a dismissal.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sense {
    /// Verb lemmas; regular inflections are generated.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Surface forms taken as they are.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Nominalizations.
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Single words, one of which must stand near the event word for this sense to apply.
    pub near: Vec<String>,
    /// Phrases in which this sense's forms name no such event, as for [`EventEntry::except`].
    #[serde(default)]
    pub except: Vec<String>,
}

/// Kinds of entity.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A country or territory.
    Country,
    /// A city or region.
    Place,
    /// An organization, agency or company.
    #[default]
    Organization,
    /// A person.
    Person,
    /// A government body that belongs to the country named before it ("defence ministry").
    Body,
    /// A thing or concept ("hotline").
    Thing,
}

/// One canonical entity and the ways it is written.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EntityEntry {
    /// Canonical id ("united-states").
    pub id: String,
    /// Its kind.
    #[serde(default)]
    pub kind: EntityKind,
    /// Names, matched case-sensitively at word boundaries ("United States", "U.S.").
    #[serde(default)]
    pub names: Vec<String>,
    /// Names matched case-insensitively (common nouns: "hotline", "communications line").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Adjectives ("American"); an adjective marks an entity as origin or owner.
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// The entity this one belongs to ("pentagon" → "united-states").
    #[serde(default)]
    pub part_of: Option<String>,
}

/// A news outlet or wire service.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutletEntry {
    /// Canonical id ("reuters").
    pub id: String,
    /// Names as written ("Reuters", "Thomson Reuters").
    pub names: Vec<String>,
    /// Whether it is a wire service whose copy other outlets carry.
    #[serde(default)]
    pub wire: bool,
}

/// Cue words for attribution, hedging and negation.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Cues {
    /// Verbs of saying in any form ("said", "told", "claimed").
    #[serde(default)]
    pub say_verbs: Vec<String>,
    /// Phrases that introduce a source after them ("according to", "a report by").
    #[serde(default)]
    pub source_before: Vec<String>,
    /// Nouns that make a source anonymous when unnamed ("official", "source").
    #[serde(default)]
    pub anonymous_nouns: Vec<String>,
    /// Nouns naming a document as source ("report", "filing").
    #[serde(default)]
    pub document_nouns: Vec<String>,
    /// Hedge phrases ("believed to", "reportedly", "could").
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Negation words ("not", "never", "n't").
    #[serde(default)]
    pub negations: Vec<String>,
}

/// The whole lexicon, merged from the embedded files and any `--rules` directories.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Event predicates.
    pub events: Vec<EventEntry>,
    /// Entities.
    pub entities: Vec<EntityEntry>,
    /// Outlets and wire services.
    pub outlets: Vec<OutletEntry>,
    /// Cue words.
    pub cues: Cues,
    entity_index: HashMap<String, usize>,
}

impl Lexicon {
    /// The entity with id `id`.
    pub fn entity(&self, id: &str) -> Option<&EntityEntry> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }

    /// `id` and every entity it is part of, innermost first.
    pub fn ancestors<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut chain = vec![id];
        let mut current = id;
        while let Some(parent) = self.entity(current).and_then(|e| e.part_of.as_deref()) {
            if chain.contains(&parent) {
                break;
            }
            chain.push(parent);
            current = parent;
        }
        chain
    }

    /// The outlet whose name is `name`, ignoring case and a leading "the".
    pub fn outlet_named(&self, name: &str) -> Option<&OutletEntry> {
        let wanted = name
            .trim()
            .trim_start_matches("the ")
            .trim_start_matches("The ");
        self.outlets
            .iter()
            .find(|o| o.names.iter().any(|n| n.eq_ignore_ascii_case(wanted)))
    }

    fn reindex(&mut self) {
        self.entity_index = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
    }
}
