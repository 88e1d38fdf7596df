//! Event words: the event lexicon's forms indexed for lookup in a sentence's tokens.
//!
//! A form may stand for several predicates. Senses (`[[event.sense]]`) are tried first and apply
//! only when one of their `near` words stands within a few words in the same clause ("fired"
//! near "missile" is a weapon fired); then plain entries in file order. An `except` phrase over
//! the form rules a reading out ("press release", "under fire"), so a common non-event use of a
//! word does not start a claim. The longest form starting at a token wins.

use foldhash::{HashMap, HashMapExt};

use crate::grammar::token::Token;
use crate::lexicon::{Lexicon, verb_forms};

/// Surface forms of the event lexicon, for lookup by word.
#[derive(Debug)]
pub struct EventIndex {
    /// Each form's readings: senses first (in file order), then plain entries (in file order).
    forms: HashMap<String, Vec<Reading>>,
    /// Bare verbs an `except` leaves out for their noun ("score", "convict", "issue"), read as
    /// verbs where only a verb can stand: after "not", "to", a modal or "did".
    bare_verbs: HashMap<String, Vec<Reading>>,
    /// The conditions readings refer to.
    conditions: Vec<Condition>,
    /// First words of the forms, with the most words a form starting with them has.
    first_words: HashMap<String, usize>,
    anaphors: HashMap<String, Vec<usize>>,
    predicates: Vec<String>,
    longest: usize,
}

/// One predicate a form may stand for, and what must hold around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    event: usize,
    is_noun: bool,
    condition: usize,
    sensed: bool,
}

/// What must hold around a form for a reading to apply: one of `near` within [`NEAR_WINDOW`]
/// words in the same clause (when `near` is not empty), and no `except` phrase over the form.
#[derive(Debug, Default)]
struct Condition {
    near: Vec<String>,
    except: Vec<Vec<String>>,
}

/// Words after which only a verb stands: negation, the infinitive's "to", modals and "do".
const VERB_SLOTS: &[&str] = &[
    "not", "n't", "never", "to", "will", "would", "can", "could", "may", "might", "must", "should",
    "shall", "did", "does", "do", "didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't",
    "can't", "cannot",
];

/// Words that open a relative clause after a comma.
const RELATIVE_PRONOUNS: &[&str] = &["which", "that", "who"];

/// How many words either side of an event word a sense's `near` word may stand.
const NEAR_WINDOW: usize = 5;

impl EventIndex {
    /// Indexes the events of `lexicon`. A form listed plainly under two predicates belongs to the
    /// first whose `except` does not exclude it; a sense's forms are tried before plain ones.
    pub fn new(lexicon: &Lexicon) -> EventIndex {
        let mut forms: HashMap<String, Vec<Reading>> = HashMap::new();
        let mut bare_verbs: HashMap<String, Vec<Reading>> = HashMap::new();
        let mut conditions = Vec::new();
        let mut anaphors: HashMap<String, Vec<usize>> = HashMap::new();
        let lower = |w: &String| w.trim().to_lowercase();
        for (i, event) in lexicon.events.iter().enumerate() {
            let plain = (
                &event.verbs,
                &event.forms,
                &event.nouns,
                &[][..],
                &[][..],
                false,
            );
            let senses = event.sense.iter().map(|s| {
                (
                    &s.verbs,
                    &s.forms,
                    &s.nouns,
                    &s.near[..],
                    &s.except[..],
                    true,
                )
            });
            for (verbs, listed, nouns, near, except, sensed) in std::iter::once(plain).chain(senses)
            {
                let except: Vec<String> = event.except.iter().chain(except).map(lower).collect();
                let dropped = |form: &String| except.contains(form);
                let condition = conditions.len();
                conditions.push(Condition {
                    near: near.iter().map(lower).collect(),
                    except: except
                        .iter()
                        .filter(|p| p.contains(' '))
                        .map(|p| p.split(' ').map(str::to_string).collect())
                        .collect(),
                });
                for verb in verbs.iter().map(lower).filter(|v| !v.contains(' ')) {
                    if dropped(&verb) {
                        bare_verbs.entry(verb).or_default().push(Reading {
                            event: i,
                            is_noun: false,
                            condition,
                            sensed,
                        });
                    }
                }
                let verb_forms = verbs.iter().flat_map(|v| verb_forms(v));
                let written = verb_forms
                    .chain(listed.iter().map(lower))
                    .map(|f| (f, false))
                    .chain(nouns.iter().map(|n| (lower(n), true)));
                for (form, is_noun) in written {
                    if dropped(&form) {
                        continue;
                    }
                    let reading = Reading {
                        event: i,
                        is_noun,
                        condition,
                        sensed,
                    };
                    let readings = forms.entry(form).or_default();
                    if !readings
                        .iter()
                        .any(|r| r.event == i && r.condition == condition)
                    {
                        readings.push(reading);
                    }
                }
            }
            for word in event
                .nouns
                .iter()
                .chain(&event.anaphors)
                .chain(&event.verbs)
            {
                anaphors.entry(word.to_lowercase()).or_default().push(i);
            }
        }
        for readings in forms.values_mut() {
            // Stable: file order is kept within senses and within plain entries.
            readings.sort_by_key(|r| !r.sensed);
        }
        let mut first_words: HashMap<String, usize> = HashMap::new();
        for form in forms.keys() {
            let words = form.split(' ').count();
            let first = form.split(' ').next().unwrap_or_default().to_string();
            let entry = first_words.entry(first).or_default();
            *entry = (*entry).max(words);
        }
        let longest = first_words.values().copied().max().unwrap_or(1);
        let predicates = lexicon.events.iter().map(|e| e.predicate.clone()).collect();
        EventIndex {
            forms,
            bare_verbs,
            conditions,
            first_words,
            anaphors,
            predicates,
            longest,
        }
    }

    /// The event form starting at token `i`: predicate, whether a noun, last token.
    pub fn at(&self, tokens: &[Token<'_>], i: usize) -> Option<(&str, bool, usize)> {
        if !tokens[i].is_word() {
            return None;
        }
        let word = tokens[i].lower();
        let most = self.first_words.get(word.as_ref()).copied().unwrap_or(0);
        let mut key = String::new();
        for len in (1..=most.min(self.longest).min(tokens.len() - i)).rev() {
            key.clear();
            key.push_str(&word);
            for t in &tokens[i + 1..i + len] {
                key.push(' ');
                key.push_str(&t.lower());
            }
            let Some(readings) = self.forms.get(&key) else {
                continue;
            };
            let last = i + len - 1;
            if let Some(reading) = readings
                .iter()
                .find(|r| self.conditions[r.condition].holds(tokens, i, last))
            {
                return Some((&self.predicates[reading.event], reading.is_noun, last));
            }
        }
        let bare = self.bare_verbs.get(word.as_ref())?;
        let verb_before = i
            .checked_sub(1)
            .is_some_and(|p| VERB_SLOTS.contains(&tokens[p].lower().as_ref()));
        if !verb_before {
            return None;
        }
        let reading = bare
            .iter()
            .find(|r| self.conditions[r.condition].holds(tokens, i, i))?;
        Some((&self.predicates[reading.event], false, i))
    }

    /// The predicates a noun may refer back to ("attack" → invade, attack).
    pub fn referents(&self, word: &str) -> Vec<&str> {
        let word = word.to_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        self.anaphors
            .get(&word)
            .or_else(|| self.anaphors.get(singular))
            .map(|ids| ids.iter().map(|&i| self.predicates[i].as_str()).collect())
            .unwrap_or_default()
    }
}

impl Condition {
    /// Whether the reading applies to the form over tokens `first..=last`.
    fn holds(&self, tokens: &[Token<'_>], first: usize, last: usize) -> bool {
        let excepted = self.except.iter().any(|phrase| {
            let n = phrase.len();
            (first.saturating_sub(n - 1)..=last)
                .filter(|&s| s + n <= tokens.len() && s + n > first)
                .any(|s| {
                    phrase
                        .iter()
                        .zip(&tokens[s..s + n])
                        .all(|(w, t)| t.lower() == w.as_str())
                })
        });
        if excepted {
            return false;
        }
        if self.near.is_empty() {
            return true;
        }
        let is_break = |t: &Token<'_>| {
            matches!(
                t.text,
                "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–"
            )
        };
        let is_near = |t: &Token<'_>| {
            let word = t.lower();
            let word = word.as_ref();
            self.near.iter().any(|n| {
                word == *n
                    || word.strip_suffix('s') == Some(n.as_str())
                    || word.strip_suffix("es") == Some(n.as_str())
                    || (n.ends_with('y') && word.strip_suffix("ies") == Some(&n[..n.len() - 1]))
            })
        };
        // A relative clause reads on into its antecedent: in "the quake, which struck on
        // Sunday", "quake" is near "struck" across the comma.
        let window = &tokens[first.saturating_sub(NEAR_WINDOW)..first];
        let mut open = true;
        let before = window.iter().enumerate().rev().take_while(move |&(k, t)| {
            let relative = window
                .get(k + 1)
                .is_some_and(|next| RELATIVE_PRONOUNS.contains(&next.lower().as_ref()));
            open = open && (!is_break(t) || (t.text == "," && relative));
            open
        });
        let before = before.map(|(_, t)| t);
        let after = tokens[last + 1..tokens.len().min(last + 1 + NEAR_WINDOW)]
            .iter()
            .take_while(|t| !is_break(t));
        before.chain(after).any(is_near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    /// The predicate of each event word of `text`, in order.
    fn predicates(text: &str) -> Vec<String> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EventIndex::new(&lexicon);
        let tokens = tokenize(text, 0);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match index.at(&tokens, i) {
                Some((predicate, _, last)) => {
                    found.push(predicate.to_string());
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        found
    }

    #[test]
    fn fired_from_a_firm_is_a_dismissal() {
        assert_eq!(predicates("He was fired from the firm"), ["dismiss"]);
        assert_eq!(predicates("the coach was fired on Monday"), ["dismiss"]);
    }

    #[test]
    fn fired_near_a_weapon_is_a_launch() {
        assert_eq!(predicates("Troops fired two missiles"), ["launch-weapon"]);
        assert_eq!(
            predicates("rockets were fired from Gaza"),
            ["launch-weapon"]
        );
        assert_eq!(predicates("Police fired tear gas"), ["launch-weapon"]);
    }

    #[test]
    fn near_words_stop_at_the_clause() {
        // "missile" stands in another clause.
        assert_eq!(
            predicates("The missile programme, he said, was fired"),
            ["dismiss"]
        );
    }

    #[test]
    fn plain_launch_is_not_a_weapon() {
        assert_eq!(predicates("Apple launched a new phone"), ["launch"]);
    }

    #[test]
    fn opened_fire_is_a_shooting_and_under_fire_is_no_event() {
        assert_eq!(predicates("A gunman opened fire"), ["shoot"]);
        assert!(predicates("The minister came under fire").is_empty());
        assert_eq!(predicates("The fire destroyed homes"), ["burn", "destroy"]);
    }

    #[test]
    fn except_phrases_keep_common_uses_out() {
        assert!(predicates("at the end of the year").is_empty());
        assert!(predicates("a press release").is_empty());
        assert!(predicates("close to the border").is_empty());
        assert!(predicates("the building").is_empty());
        assert_eq!(predicates("the war ended"), ["halt"]);
        assert_eq!(predicates("They released a statement"), ["publish"]);
        assert_eq!(predicates("Hamas released two hostages"), ["release"]);
    }

    #[test]
    fn a_bare_verb_left_out_for_its_noun_is_a_verb_where_only_a_verb_stands() {
        assert!(predicates("the final score").is_empty());
        assert!(predicates("a convict and his lawyer").is_empty());
        assert_eq!(predicates("Smith did not score"), ["score"]);
        assert_eq!(predicates("the jury did not convict him"), ["convict"]);
        assert_eq!(predicates("He failed to score"), ["score"]);
        assert_eq!(predicates("Jurors could not convict him"), ["convict"]);
    }

    #[test]
    fn quake_struck_and_deal_struck() {
        assert_eq!(predicates("An earthquake struck"), ["quake", "quake"]);
        assert_eq!(predicates("They struck a deal"), ["agree"]);
        assert_eq!(predicates("A missile struck Poland"), ["strike"]);
        assert_eq!(
            predicates("the quake, which struck on Sunday"),
            ["quake", "quake"]
        );
        assert_eq!(
            predicates("the strikes, we said, struck at dawn"),
            ["strike", "strike"]
        );
    }

    #[test]
    fn a_gerund_and_a_reflexive_before_a_particle_are_events() {
        assert_eq!(
            predicates("took the rare step of issuing the patch"),
            ["publish"]
        );
        assert_eq!(predicates("She checked herself in on Tuesday"), ["rehab"]);
        assert!(predicates("the issue of the day").is_empty());
    }

    #[test]
    fn longer_forms_win() {
        assert_eq!(predicates("He passed away"), ["die"]);
        // A death is someone dying; a killing is someone killed.
        assert_eq!(predicates("the cause of his death"), ["die"]);
        assert_eq!(predicates("the killing of two women"), ["kill"]);
        assert_eq!(predicates("The Senate passed the bill"), ["legislate"]);
        assert_eq!(predicates("She pleaded not guilty"), ["plead-not-guilty"]);
        assert_eq!(predicates("The judge struck down the law"), ["overturn"]);
    }
}
