//! Entity mentions: names and titles chunked from capitalized words, looked up in the alias
//! table, and resolved within the document.
//!
//! Resolution, in order: a lexicon name ("U.S.", "the Pentagon"), an outlet, a demonym with a
//! government body after it ("Russian Defense Ministry", "Ukrainian air defense"), a country's
//! possessive with a body ("Russia’s ministry of defence"), a common noun of the lexicon
//! ("communications line"), and last any other capitalized chunk, read as a person or
//! organization with its title folded away ("U.S. Defense Secretary Lloyd Austin" → Lloyd Austin).
//! A lone surname resolves to the full name the document uses elsewhere ("Biden" → Joe Biden),
//! whether that full name comes before or after.

use std::collections::HashMap;

use crate::grammar::token::Token;
use crate::lexicon::{EntityKind, Lexicon, closed};
use crate::text::span::Span;

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Canonical id ("united-states", "russia/defense-ministry", "joe-biden").
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Where it is written (without a folded title).
    pub span: Span,
    /// Whether it was written as an adjective ("Russian missile"): it marks origin or owner.
    pub adjective: bool,
    /// Index of the first token.
    pub first_token: usize,
    /// Index of the last token.
    pub last_token: usize,
}

/// Titles folded into a following name.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Defense",
    "Defence",
    "Foreign",
    "Interior",
    "Finance",
    "State",
    "Gen.",
    "General",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Chief",
    "Sgt.",
    "Col.",
    "Lt.",
    "Capt.",
    "Adm.",
    "Director",
    "Chairman",
    "Chairwoman",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Counterpart",
    "Officer",
    "Detective",
    "Coach",
    "Actress",
    "Actor",
    "Singer",
    "Star",
    "Rapper",
    "CEO",
    "Leader",
    "Speaker",
    "Commissioner",
    "Sheriff",
    "Attorney",
    "Lawyer",
    "Premier",
    "Supreme",
    "Leader",
    "Top",
    "Former",
    "Then",
    "Officials",
];

fn is_title(word: &str) -> bool {
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Capitalized words that start sentences or headlines without naming anything.
/// Month and weekday names are not names either (`is_not_name`).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "After",
    "Before",
    "Since",
    "During",
    "Despite",
    "Amid",
    "According",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "Where",
    "What",
    "Who",
    "Why",
    "How",
    "Notably",
    "However",
    "Meanwhile",
    "Also",
    "Still",
    "Yet",
    "So",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Irrespective",
    "Although",
    "Though",
    "Because",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Anonymous",
    "Image",
    "Photo",
    "Read",
    "Click",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Former",
    "Police",
    "Officials",
    "Authorities",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "It’s",
    "It's",
    "Is",
    "Was",
    "Are",
    "Were",
    "Do",
    "Does",
    "Did",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Can",
    "To",
    "Of",
    "Over",
    "Under",
    "About",
    "Into",
    "Just",
    "Only",
    "Even",
    "Such",
    "Other",
    "Another",
    "Any",
    "New",
    "Update",
    "Updated",
    "Breaking",
    "Watch",
    "Video",
    "Related",
    "Advertisement",
    "Share",
    "Follow",
    "Sign",
    "Subscribe",
    "Fans",
    "People",
    "Sources",
    "Officials",
    "Reports",
    "Report",
    "Police",
    "Witnesses",
    "Residents",
    "Experts",
];

/// Whether a capitalized word starts a sentence or names a date rather than an entity.
fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || closed::MONTHS.contains(&word) || closed::WEEKDAYS.contains(&word)
}

/// The lexicon's names arranged for lookup.
#[derive(Debug)]
pub struct EntityIndex {
    names: HashMap<String, (String, EntityKind)>,
    nouns: HashMap<String, (String, EntityKind)>,
    /// Lower-case first words of the nouns, with the most words a noun starting with them has.
    noun_starts: HashMap<String, usize>,
    adjectives: HashMap<String, String>,
    longest_name: usize,
}

impl EntityIndex {
    /// Indexes the lexicon's entities and outlets.
    pub fn new(lexicon: &Lexicon) -> EntityIndex {
        let mut names = HashMap::new();
        let mut nouns = HashMap::new();
        let mut adjectives = HashMap::new();
        for entity in &lexicon.entities {
            for name in &entity.names {
                names
                    .entry(name.clone())
                    .or_insert((entity.id.clone(), entity.kind));
            }
            for noun in &entity.nouns {
                nouns
                    .entry(noun.to_lowercase())
                    .or_insert((entity.id.clone(), entity.kind));
            }
            for adjective in &entity.adjectives {
                adjectives
                    .entry(adjective.clone())
                    .or_insert(entity.id.clone());
            }
        }
        for outlet in &lexicon.outlets {
            for name in &outlet.names {
                names
                    .entry(name.clone())
                    .or_insert((format!("outlet:{}", outlet.id), EntityKind::Organization));
            }
        }
        let words = |s: &String| s.split_whitespace().count();
        let longest_name = names.keys().map(words).max().unwrap_or(1);
        let mut noun_starts: HashMap<String, usize> = HashMap::new();
        for noun in nouns.keys() {
            let first = noun
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            let entry = noun_starts.entry(first).or_default();
            *entry = (*entry).max(words(noun));
        }
        EntityIndex {
            names,
            nouns,
            noun_starts,
            adjectives,
            longest_name,
        }
    }
}

/// Person names the document spells out in full, so lone surnames resolve to them.
#[derive(Clone, Debug, Default)]
pub struct DocumentNames {
    by_surname: HashMap<String, String>,
}

impl DocumentNames {
    /// Records the multi-word names of `tokens` (one sentence).
    pub fn collect(&mut self, index: &EntityIndex, tokens: &[Token<'_>]) {
        self.record(&mentions(index, self, tokens));
    }

    /// Rewrites lone surnames among `found` to the full names recorded ("biden" → "joe-biden").
    pub fn resolve(&self, found: &mut [Mention]) {
        for mention in found.iter_mut() {
            if mention.kind == EntityKind::Person && !mention.id.contains('-') {
                if let Some(full) = self.by_surname.get(&mention.id) {
                    mention.id = full.clone();
                }
            }
        }
    }

    /// Records the multi-word person names among `found`.
    pub fn record(&mut self, found: &[Mention]) {
        for mention in found {
            if mention.kind == EntityKind::Person && mention.id.contains('-') {
                let surname = mention
                    .id
                    .rsplit('-')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                self.by_surname.entry(surname).or_insert(mention.id.clone());
            }
        }
    }
}

fn slug(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            w.trim_end_matches('.')
                .to_lowercase()
                .replace(['\'', '’', '.'], "")
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A capitalized word; shouting words of five letters or more ("CLICK") are not names.
fn is_name_word(token: &Token<'_>) -> bool {
    let shouted = token.text.len() > 4
        && token
            .text
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic());
    token.is_capitalized() && token.is_word() && !shouted
}

/// The entity mentions of one sentence's tokens, in order.
pub fn mentions(index: &EntityIndex, names: &DocumentNames, tokens: &[Token<'_>]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match mention_at(index, names, tokens, i) {
            Some(mention) => {
                i = mention.last_token + 1;
                found.push(mention);
            }
            None => i += 1,
        }
    }
    found
}

fn joined(tokens: &[Token<'_>], strip_possessive: bool) -> String {
    let mut words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    if strip_possessive {
        if let Some(last) = tokens.last() {
            let n = words.len();
            words[n - 1] = last.without_possessive();
        }
    }
    words.join(" ")
}

fn mention_at(
    index: &EntityIndex,
    names: &DocumentNames,
    tokens: &[Token<'_>],
    i: usize,
) -> Option<Mention> {
    let span_of = |a: usize, b: usize| tokens[a].span.cover(tokens[b].span);
    let make = |id: String, kind, a, b, adjective| Mention {
        id,
        kind,
        span: span_of(a, b),
        adjective,
        first_token: a,
        last_token: b,
    };
    // A demonym or a country's possessive, then a government body: "Russian Defense Ministry".
    let country = index.adjectives.get(tokens[i].text).cloned().or_else(|| {
        let name = tokens[i].without_possessive();
        (tokens[i].is_possessive())
            .then(|| index.names.get(name))
            .flatten()
            .filter(|(_, kind)| *kind == EntityKind::Country)
            .map(|(id, _)| id.clone())
    });
    if let Some(country) = &country {
        if let Some((body, end)) = noun_at(index, tokens, i + 1, EntityKind::Body) {
            return Some(make(
                format!("{country}/{body}"),
                EntityKind::Organization,
                i,
                end,
                false,
            ));
        }
        // A demonym before a title and a name describes the person: "Russian Foreign Minister
        // Sergey Lavrov" is Lavrov.
        let mut j = i + 1;
        while tokens.get(j).is_some_and(|t| is_title(t.text)) {
            j += 1;
        }
        if j > i + 1 {
            if let Some(person) = name_chunk(names, tokens, j) {
                return Some(person);
            }
        }
    }
    // Lexicon names, longest first.
    for len in (1..=index.longest_name.min(tokens.len() - i)).rev() {
        let window = &tokens[i..i + len];
        if !window[0].is_capitalized() && !window[0].text.starts_with(|c: char| c.is_ascii_digit())
        {
            break;
        }
        let key = joined(window, true);
        let found = index
            .names
            .get(&key)
            .or_else(|| key.strip_prefix("The ").and_then(|k| index.names.get(k)));
        if let Some((id, kind)) = found {
            // "Russian" in "Russian Foreign Minister Sergey Lavrov" describes the person.
            return Some(make(id.clone(), *kind, i, i + len - 1, false));
        }
    }
    if let Some(country) = country {
        return Some(make(country, EntityKind::Country, i, i, true));
    }
    // Common nouns of the lexicon: "hotline", "communications line".
    if let Some((id, end)) = noun_at(index, tokens, i, EntityKind::Thing) {
        return Some(make(id, EntityKind::Thing, i, end, false));
    }
    name_chunk(names, tokens, i)
}

/// A lexicon noun of `kind` starting at token `i`: its id and last token.
fn noun_at(
    index: &EntityIndex,
    tokens: &[Token<'_>],
    i: usize,
    kind: EntityKind,
) -> Option<(String, usize)> {
    let first = tokens.get(i)?;
    let most = *index
        .noun_starts
        .get(&first.without_possessive().to_lowercase())?;
    for len in (1..=most.min(tokens.len() - i)).rev() {
        let key = joined(&tokens[i..i + len], true).to_lowercase();
        if let Some((id, k)) = index.nouns.get(&key) {
            if *k == kind {
                return Some((id.clone(), i + len - 1));
            }
        }
    }
    None
}

/// A capitalized chunk read as a name, with leading titles folded away.
fn name_chunk(names: &DocumentNames, tokens: &[Token<'_>], i: usize) -> Option<Mention> {
    if i >= tokens.len() || !is_name_word(&tokens[i]) || is_not_name(tokens[i].text) {
        return None;
    }
    let mut end = i;
    while end + 1 < tokens.len() && is_name_word(&tokens[end + 1]) && !tokens[end].is_possessive() {
        end += 1;
    }
    let mut start = i;
    while start < end && TITLES.contains(&tokens[start].text) {
        start += 1;
    }
    if start == end && TITLES.contains(&tokens[start].text) {
        return None;
    }
    let words: Vec<&str> = tokens[start..=end]
        .iter()
        .enumerate()
        .map(|(k, t)| {
            if start + k == end {
                t.without_possessive()
            } else {
                t.text
            }
        })
        .collect();
    if words.len() == 1
        && (is_not_name(words[0])
            || crate::grammar::number::parse_cardinal(&words[0].to_lowercase()).is_some())
    {
        // A lone capitalized number word starts a sentence ("Six people died"); it names no one.
        return None;
    }
    if words.iter().all(|w| is_not_name(w)) {
        return None;
    }
    let span = tokens[start].span.cover(tokens[end].span);
    let (id, kind) = if words.len() == 1 {
        let surname = slug(&words);
        match names.by_surname.get(&surname) {
            Some(full) => (full.clone(), EntityKind::Person),
            None => (surname, EntityKind::Person),
        }
    } else {
        (slug(&words), EntityKind::Person)
    };
    Some(Mention {
        id,
        kind,
        span,
        adjective: false,
        first_token: i,
        last_token: end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    fn ids(text: &str) -> Vec<String> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EntityIndex::new(&lexicon);
        let tokens = tokenize(text, 0);
        let mut names = DocumentNames::default();
        names.collect(&index, &tokens);
        mentions(&index, &names, &tokens)
            .into_iter()
            .map(|m| m.id)
            .collect()
    }

    #[test]
    fn aliases_resolve_to_one_id() {
        assert_eq!(
            ids("The U.S. and the United States and US"),
            ["united-states"; 3]
        );
    }

    #[test]
    fn bodies_take_their_country() {
        assert_eq!(
            ids("a hotline with Russia’s ministry of defence"),
            ["hotline", "russia/defense-ministry"]
        );
        assert_eq!(
            ids("the Russian Defense Ministry said"),
            ["russia/defense-ministry"]
        );
        assert_eq!(
            ids("launched by Ukrainian air defense"),
            ["ukraine/air-defense"]
        );
        assert_eq!(
            ids("The Pentagon had created"),
            ["united-states/defense-ministry"]
        );
    }

    #[test]
    fn titles_fold_and_surnames_resolve() {
        assert_eq!(
            ids("Biden spoke to US President Joe Biden and his Russian counterpart Vladimir Putin"),
            ["joe-biden", "joe-biden", "vladimir-putin"]
        );
        assert_eq!(ids("Secretary of State Antony Blinken"), ["antony-blinken"]);
    }

    #[test]
    fn number_words_starting_a_sentence_name_no_one() {
        assert!(ids("Six people died. Twelve were hurt.").is_empty());
        assert_eq!(ids("Four Seasons said so."), ["four-seasons"]);
    }

    #[test]
    fn demonyms_mark_origin() {
        assert_eq!(
            ids("A Russian missile struck Poland"),
            ["russia", "missile", "poland"]
        );
    }
}
