//! Reading the lexicon files and merging the layers.

use serde::Deserialize;

use super::{Cues, EntityEntry, EventEntry, Lexicon, OutletEntry, verb_forms};
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
                        errors.extend(check_event(file, &entry));
                        replace_or_push(&mut lexicon.events, entry, |e| &e.predicate);
                    }
                })
            } else if name.starts_with("entities") {
                toml::from_str::<EntitiesFile>(&file.text).map(|f| {
                    for entry in f.entity {
                        replace_or_push(&mut lexicon.entities, entry, |e| &e.id);
                    }
                })
            } else if name.starts_with("outlets") {
                toml::from_str::<OutletsFile>(&file.text).map(|f| {
                    for entry in f.outlet {
                        replace_or_push(&mut lexicon.outlets, entry, |e| &e.id);
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

/// Puts `entry` in place of the entry with the same key (a later file overrides an earlier
/// one), or appends it.
fn replace_or_push<T>(entries: &mut Vec<T>, entry: T, key: impl Fn(&T) -> &String) {
    match entries.iter().position(|e| key(e) == key(&entry)) {
        Some(at) => entries[at] = entry,
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

/// The problems of one event entry of `file`: a predicate that is not a kebab-case name, an entry
/// with no form at all, a sense without `near` words or with a `near` entry of several words, and
/// an `except` phrase that holds none of the forms it is meant to except (a typo would otherwise
/// silently except nothing).
fn check_event(file: &RuleFile, entry: &EventEntry) -> Vec<LexiconError> {
    let mut errors = Vec::new();
    let predicate = &entry.predicate;
    let at = |needle: &str| {
        let start = file
            .text
            .find(&format!("predicate = \"{predicate}\""))
            .unwrap_or(0);
        let offset = file.text[start..]
            .find(needle)
            .map_or(start, |found| start + found);
        format!("{}:{}", file.origin, line_of(&file.text, offset))
    };
    let mut fail = |needle: &str, key: &str, what: String| {
        errors.push(LexiconError(format!(
            "{}: key `{key}` of event {predicate:?}: {what}",
            at(needle)
        )));
    };
    let kebab = !predicate.is_empty()
        && predicate
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        fail(
            "predicate",
            "predicate",
            format!("expected a kebab-case name, found {predicate:?}"),
        );
    }
    let plain: Vec<String> = forms_of(&entry.verbs, &entry.forms, &entry.nouns);
    if plain.is_empty() && entry.sense.is_empty() {
        fail(
            "predicate",
            "predicate",
            "expected at least one of `verbs`, `forms`, `nouns` or `[[event.sense]]`".into(),
        );
    }
    let mut all = plain.clone();
    for sense in &entry.sense {
        let own = forms_of(&sense.verbs, &sense.forms, &sense.nouns);
        if own.is_empty() {
            fail(
                "[[event.sense]]",
                "sense",
                "expected at least one of `verbs`, `forms` or `nouns`".into(),
            );
        }
        if sense.near.is_empty() {
            fail("near", "near", "expected at least one word".into());
        }
        for word in &sense.near {
            if word.trim().is_empty() || word.trim().contains(char::is_whitespace) {
                fail(
                    &format!("\"{word}\""),
                    "near",
                    format!("expected a single word, found {word:?}"),
                );
            }
        }
        for phrase in &sense.except {
            if !holds_a_form(phrase, &own) {
                fail(
                    &format!("\"{phrase}\""),
                    "except",
                    format!("expected a phrase holding one of the sense's forms, found {phrase:?}"),
                );
            }
        }
        all.extend(own);
    }
    for phrase in &entry.except {
        if !holds_a_form(phrase, &all) {
            fail(
                &format!("\"{phrase}\""),
                "except",
                format!("expected a phrase holding one of the event's forms, found {phrase:?}"),
            );
        }
    }
    errors
}

/// Every surface form of lemmas `verbs`, `forms` and `nouns`, lower-cased.
fn forms_of(verbs: &[String], forms: &[String], nouns: &[String]) -> Vec<String> {
    verbs
        .iter()
        .flat_map(|v| verb_forms(v))
        .chain(forms.iter().chain(nouns).map(|f| f.trim().to_lowercase()))
        .filter(|f| !f.is_empty())
        .collect()
}

/// Whether `phrase` holds one of `forms` as a run of whole words.
fn holds_a_form(phrase: &str, forms: &[String]) -> bool {
    let phrase = phrase.trim().to_lowercase();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    forms.iter().any(|form| {
        let form: Vec<&str> = form.split_whitespace().collect();
        !form.is_empty() && words.windows(form.len()).any(|run| run == form.as_slice())
    })
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
        assert!(lexicon.events.len() >= 250);
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
    fn except_holding_no_form_names_file_line_and_key() {
        let files = [file(
            "lexicon/events.toml",
            "[[event]]\npredicate = \"x\"\nverbs = [\"fire\"]\nexcept = [\"fire truck\", \"fiery\"]\n",
        )];
        let errors = Lexicon::load(&files).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let message = &errors[0].0;
        assert!(
            message.starts_with("test/lexicon/events.toml:4: key `except`"),
            "{message}"
        );
        assert!(message.contains("\"fiery\""), "{message}");
    }

    #[test]
    fn sense_needs_single_near_words() {
        let text = "[[event]]\npredicate = \"x\"\nnouns = [\"y\"]\n\n[[event.sense]]\nverbs = [\"fire\"]\nnear = [\"missile\", \"music video\"]\n";
        let errors = Lexicon::load(&[file("lexicon/events.toml", text)]).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .0
                .starts_with("test/lexicon/events.toml:7: key `near`"),
            "{}",
            errors[0].0
        );
        let missing = "[[event]]\npredicate = \"x\"\n\n[[event.sense]]\nverbs = [\"fire\"]\n";
        let message = &Lexicon::load(&[file("lexicon/events.toml", missing)]).unwrap_err()[0].0;
        assert!(message.contains("near"), "{message}");
    }

    #[test]
    fn predicate_must_be_kebab_case_and_have_forms() {
        let text = "[[event]]\npredicate = \"Fire Weapon\"\nverbs = [\"fire\"]\n\n[[event]]\npredicate = \"empty\"\n";
        let errors = Lexicon::load(&[file("lexicon/events.toml", text)]).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].0.contains(":2: key `predicate`"),
            "{}",
            errors[0].0
        );
        assert!(
            errors[1].0.contains(":6: key `predicate`"),
            "{}",
            errors[1].0
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
