//! Reading the lexicon files and merging the layers.

use serde::Deserialize;

use super::{Cues, EntityEntry, EventEntry, Lexicon, OutletEntry};
use crate::rulefiles::{RuleFile, line_of, toml_error};

/// A lexicon file that does not parse or does not make sense.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LexiconError(pub String);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    #[serde(default)]
    event: Vec<EventEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    entity: Vec<EntityEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletsFile {
    #[serde(default)]
    outlet: Vec<OutletEntry>,
}

impl Lexicon {
    /// Builds the lexicon from the `lexicon/` files among `files`, in order: a later entry with
    /// the same id replaces an earlier one, cue lists are appended. Every problem is reported.
    pub fn load(files: &[RuleFile]) -> Result<Lexicon, Vec<LexiconError>> {
        let mut lexicon = Lexicon::default();
        let mut errors = Vec::new();
        for file in files.iter().filter(|f| f.relative.starts_with("lexicon/")) {
            let name = file.relative.trim_start_matches("lexicon/");
            let result = if name.starts_with("events") {
                toml::from_str::<EventsFile>(&file.text).map(|f| {
                    for entry in f.event {
                        replace_or_push(&mut lexicon.events, entry, |e| e.predicate.clone());
                    }
                })
            } else if name.starts_with("entities") {
                toml::from_str::<EntitiesFile>(&file.text).map(|f| {
                    for entry in f.entity {
                        replace_or_push(&mut lexicon.entities, entry, |e| e.id.clone());
                    }
                })
            } else if name.starts_with("outlets") {
                toml::from_str::<OutletsFile>(&file.text).map(|f| {
                    for entry in f.outlet {
                        replace_or_push(&mut lexicon.outlets, entry, |e| e.id.clone());
                    }
                })
            } else if name.starts_with("cues") {
                toml::from_str::<Cues>(&file.text).map(|c| merge_cues(&mut lexicon.cues, c))
            } else if name.starts_with("boilerplate") {
                // Read by the text layer.
                Ok(())
            } else {
                errors.push(LexiconError(format!(
                    "{}:1: unknown lexicon file: expected events, entities, outlets, cues or boilerplate",
                    file.origin
                )));
                Ok(())
            };
            if let Err(error) = result {
                errors.push(LexiconError(toml_error(file, &error)));
            }
        }
        lexicon.reindex();
        errors.extend(check_references(&lexicon, files));
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            Err(errors)
        }
    }
}

fn replace_or_push<T>(entries: &mut Vec<T>, entry: T, key: impl Fn(&T) -> String) {
    let id = key(&entry);
    match entries.iter_mut().find(|e| key(e) == id) {
        Some(existing) => *existing = entry,
        None => entries.push(entry),
    }
}

fn merge_cues(into: &mut Cues, more: Cues) {
    into.say_verbs.extend(more.say_verbs);
    into.source_before.extend(more.source_before);
    into.anonymous_nouns.extend(more.anonymous_nouns);
    into.document_nouns.extend(more.document_nouns);
    into.hedges.extend(more.hedges);
    into.negations.extend(more.negations);
}

/// Every `part-of` must name a known entity.
fn check_references(lexicon: &Lexicon, files: &[RuleFile]) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    for entry in &lexicon.entities {
        let Some(parent) = &entry.part_of else {
            continue;
        };
        if lexicon.entity(parent).is_some() {
            continue;
        }
        let needle = format!("\"{parent}\"");
        let place = files
            .iter()
            .filter(|f| f.relative.starts_with("lexicon/entities"))
            .find_map(|f| {
                f.text
                    .find(&needle)
                    .map(|at| format!("{}:{}", f.origin, line_of(&f.text, at)))
            })
            .unwrap_or_else(|| "lexicon/entities.toml".to_string());
        errors.push(LexiconError(format!(
            "{place}: key `part-of` of entity {:?}: expected a known entity id, found {parent:?}",
            entry.id
        )));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, text: &str) -> RuleFile {
        RuleFile {
            relative: relative.into(),
            origin: format!("test/{relative}"),
            text: text.into(),
        }
    }

    #[test]
    fn builtin_lexicon_loads() {
        let lexicon =
            Lexicon::load(&crate::rulefiles::builtin()).expect("built-in lexicon is valid");
        assert!(lexicon.events.len() >= 50);
        assert!(lexicon.entity("united-states").is_some());
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let files = [file(
            "lexicon/events.toml",
            "[[event]]\npredicate = \"x\"\nverb = [\"y\"]\n",
        )];
        let errors = Lexicon::load(&files).unwrap_err();
        assert_eq!(errors.len(), 1);
        let message = &errors[0].0;
        assert!(
            message.starts_with("test/lexicon/events.toml:3:"),
            "{message}"
        );
        assert!(message.contains("verb"), "{message}");
    }

    #[test]
    fn wrong_type_is_an_error() {
        let files = [file("lexicon/entities.toml", "[[entity]]\nid = 3\n")];
        let message = &Lexicon::load(&files).unwrap_err()[0].0;
        assert!(message.contains(":2:"), "{message}");
    }

    #[test]
    fn dangling_part_of_is_an_error() {
        let files = [file(
            "lexicon/entities.toml",
            "[[entity]]\nid = \"a\"\npart-of = \"b\"\n",
        )];
        let message = &Lexicon::load(&files).unwrap_err()[0].0;
        assert!(
            message.contains("test/lexicon/entities.toml:3"),
            "{message}"
        );
    }

    #[test]
    fn later_layer_replaces_same_id() {
        let files = [
            file(
                "lexicon/outlets.toml",
                "[[outlet]]\nid = \"x\"\nnames = [\"X\"]\n",
            ),
            file(
                "lexicon/outlets.toml",
                "[[outlet]]\nid = \"x\"\nnames = [\"X News\"]\nwire = true\n",
            ),
        ];
        let lexicon = Lexicon::load(&files).unwrap();
        assert_eq!(lexicon.outlets.len(), 1);
        assert!(lexicon.outlets[0].wire);
    }
}
