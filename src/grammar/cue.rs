//! Attribution, hedging, negation and quotation: who says a claim, how firmly, and whether it
//! is denied.
//!
//! Cue words come from `rules/lexicon/cues.toml`. Attribution is read per sentence: "according
//! to X", "X said" (auxiliaries skipped: "Blinken had told reporters"), "said X", "with X
//! clarifying". The source phrase is classed as an outlet, a named source, an anonymous one ("an
//! anonymous U.S. official", "U.S. officials"), a document, or a pronoun that refers back to the
//! previous sentence's source ("he said", "the official claimed").

use foldhash::{HashMap, HashSet};

use crate::claim::{Attribution, SourceKind};
use crate::grammar::entity::Mention;
use crate::grammar::token::Token;
use crate::lexicon::{Cues, EntityKind};
use crate::text::WordSet;
use crate::text::span::Span;

/// Words that may stand between a subject and its verb of saying.
const AUXILIARIES: &[&str] = &[
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "also",
    "later",
    "then",
    "previously",
    "earlier",
    "repeatedly",
    "once",
    "again",
];

/// Words that end a subject phrase when reading backwards from a verb of saying.
const SUBJECT_STOPS: &[&str] = &[
    "with", "and", "but", "that", "which", "who", "while", "as", "though", "although", "because",
    "since", "after", "before", "when", "where", "if", "so", "—", "–", "-",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "he or she", "we", "i"];

/// Phrases that refer back to a person or official cited earlier.
const PERSON_REFERENCES: &[&str] = &[
    "the official",
    "the officials",
    "the source",
    "the sources",
    "the spokesman",
    "the spokeswoman",
    "the spokesperson",
    "the diplomat",
    "the minister",
    "the president",
];

/// Phrases that refer back to an outlet cited earlier.
const OUTLET_REFERENCES: &[&str] = &[
    "the outlet",
    "the newspaper",
    "the paper",
    "the agency",
    "the news agency",
    "the network",
    "the report",
    "the publication",
    "the broadcaster",
    "the wire service",
];

/// Cue lists prepared for matching (lower-case, split into words).
#[derive(Debug)]
pub struct CueIndex {
    say_verbs: HashSet<String>,
    source_before: Phrases,
    anonymous_nouns: Vec<String>,
    document_nouns: Vec<String>,
    hedges: Phrases,
    negations: Phrases,
}

/// Cue phrases of one kind, lower case and split into words, longest first ("according to"
/// before "to"), with the phrases each first word starts: a token is compared with the
/// phrases it may start, not with the whole list.
#[derive(Debug)]
struct Phrases {
    phrases: Vec<Vec<String>>,
    /// First word → indices into `phrases`, ascending.
    by_first: HashMap<String, Vec<usize>>,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let phrases = split_all(list);
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, phrase) in phrases.iter().enumerate() {
            if let Some(first) = phrase.first() {
                by_first.entry(first.clone()).or_default().push(k);
            }
        }
        Phrases { phrases, by_first }
    }

    /// The phrases written at token `i`, longest first. A phrase starting with "n't" starts
    /// at any token ending in it ("didn't"), as [`phrase_at`] reads it.
    fn at<'a>(&'a self, tokens: &'a [Token<'_>], i: usize) -> impl Iterator<Item = &'a [String]> {
        let none: &[usize] = &[];
        let (own, contracted) = tokens.get(i).map_or((none, none), |t| {
            with_lower(t.text, |lower| {
                let list = |word: &str| self.by_first.get(word).map_or(none, Vec::as_slice);
                let contracted = if lower.ends_with("n't") && lower != "n't" {
                    list("n't")
                } else {
                    none
                };
                (list(lower), contracted)
            })
        });
        // Both lists ascend; merged, the phrases keep the list's order.
        let (mut own, mut contracted) = (own.iter().peekable(), contracted.iter().peekable());
        std::iter::from_fn(move || match (own.peek(), contracted.peek()) {
            (Some(a), Some(b)) if b < a => contracted.next(),
            (Some(_), _) => own.next(),
            (None, _) => contracted.next(),
        })
        .map(|&k| self.phrases[k].as_slice())
        .filter(move |phrase| phrase_at(tokens, i, phrase))
    }
}

fn split_all(list: &[String]) -> Vec<Vec<String>> {
    let mut phrases: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            p.to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .collect();
    // Longest first, so "according to" wins over "to".
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
}

fn lower(list: &[String]) -> Vec<String> {
    list.iter().map(|s| s.to_lowercase()).collect()
}

impl CueIndex {
    /// Prepares the cue lists.
    pub fn new(cues: &Cues) -> CueIndex {
        CueIndex {
            say_verbs: lower(&cues.say_verbs).into_iter().collect(),
            source_before: Phrases::new(&cues.source_before),
            anonymous_nouns: lower(&cues.anonymous_nouns),
            document_nouns: lower(&cues.document_nouns),
            hedges: Phrases::new(&cues.hedges),
            negations: Phrases::new(&cues.negations),
        }
    }

    /// Whether `word` is a verb of saying.
    pub fn is_say_verb(&self, word: &str) -> bool {
        with_lower(word, |w| self.say_verbs.contains(w))
    }
}

/// Calls `f` with `word` in lower case, without allocating for a short ASCII word (this runs
/// for every token of every sentence). A curly apostrophe is read as a straight one, so
/// "didn’t" and "Russia’s" match cues written "didn't" and "'s".
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        // Most tokens are already in lower case.
        return f(word);
    }
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(out) {
            return f(lower);
        }
    }
    f(&word.to_lowercase().replace('’', "'"))
}

fn phrase_at(tokens: &[Token<'_>], i: usize, phrase: &[String]) -> bool {
    phrase.len() <= tokens.len().saturating_sub(i)
        && tokens[i..i + phrase.len()]
            .iter()
            .zip(phrase)
            .all(|(t, w)| {
                with_lower(t.text, |lower| {
                    lower == w || (w == "n't" && lower.ends_with("n't"))
                })
            })
}

fn is_boundary(token: &Token<'_>) -> bool {
    matches!(
        token.text,
        "," | ";" | ":" | "." | "?" | "!" | "(" | ")" | "\"" | "“" | "”" | "—" | "–"
    )
}

/// An attribution found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Who says so.
    pub attribution: Attribution,
    /// The tokens the attribution itself occupies (kept out of the claims).
    pub occupies: (usize, usize),
    /// The tokens whose claims it covers: the whole sentence for "according to X" and for a
    /// sentence-final "X said"; what follows the verb for "X said that ...".
    pub covers: (usize, usize),
}

/// The attribution of a sentence. `history` holds the attributions of earlier sentences, most
/// recent last, for "he said", "the official claimed", "according to the outlet".
pub fn attribution(
    cues: &CueIndex,
    tokens: &[Token<'_>],
    mentions: &[Mention],
    history: &[Attribution],
) -> Option<Found> {
    let whole = (0, tokens.len().saturating_sub(1));
    // "according to X", "a report by X".
    for i in 0..tokens.len() {
        for phrase in cues.source_before.at(tokens, i) {
            let mut start = i + phrase.len();
            // "according to a report by X": the source is X.
            while let Some(inner) = cues.source_before.at(tokens, start).next() {
                start += inner.len();
            }
            let mut end = start;
            while end < tokens.len() && !is_boundary(&tokens[end]) {
                end += 1;
            }
            if end > start {
                let attribution = classify(cues, tokens, mentions, start, end - 1, history);
                let covers = absolute_clause(tokens, i).unwrap_or(whole);
                return Some(Found {
                    attribution,
                    occupies: (i, end - 1),
                    covers,
                });
            }
        }
    }
    // "X said", "X had told reporters", "with X clarifying".
    for (k, token) in tokens.iter().enumerate() {
        if !cues.is_say_verb(token.text) || inside_quote(tokens, k) {
            continue;
        }
        let mut end = k;
        while end > 0 && AUXILIARIES.contains(&tokens[end - 1].text.to_lowercase().as_str()) {
            end -= 1;
        }
        let mut start = end;
        while start > 0
            && !is_boundary(&tokens[start - 1])
            && !SUBJECT_STOPS.contains(&tokens[start - 1].text.to_lowercase().as_str())
            && end - start < 8
        {
            start -= 1;
        }
        // A sentence-final "..., X said." covers the sentence; "X said that ..." what follows.
        let final_verb = tokens[k + 1..]
            .iter()
            .all(|t| is_boundary(t) || t.text.eq_ignore_ascii_case("reporters"));
        let covers = if final_verb { whole } else { (k + 1, whole.1) };
        if start < end {
            let attribution = classify(cues, tokens, mentions, start, end - 1, history);
            if attribution.kind != SourceKind::Unattributed {
                return Some(Found {
                    attribution,
                    occupies: (start, k),
                    covers,
                });
            }
        }
        // "said X".
        let mut after = k + 1;
        let first = after;
        while after < tokens.len() && !is_boundary(&tokens[after]) && after - first < 6 {
            after += 1;
        }
        if after > first {
            let attribution = classify(cues, tokens, mentions, first, after - 1, history);
            if matches!(
                attribution.kind,
                SourceKind::Named | SourceKind::Anonymous | SourceKind::Outlet
            ) {
                return Some(Found {
                    attribution,
                    occupies: (k, after - 1),
                    covers: whole,
                });
            }
        }
    }
    None
}

/// ", with the missile believed to have been launched by X, according to Y": a sentence-final
/// source after an absolute "with" clause vouches for that clause only.
fn absolute_clause(tokens: &[Token<'_>], phrase_start: usize) -> Option<(usize, usize)> {
    let comma = phrase_start
        .checked_sub(1)
        .filter(|&c| tokens[c].text == ",")?;
    let opening = tokens[..comma].iter().rposition(|t| t.text == ",")?;
    let first = tokens.get(opening + 1)?;
    let last = tokens.len().saturating_sub(1);
    first
        .text
        .eq_ignore_ascii_case("with")
        .then_some((opening + 1, last))
}

/// Classes the source phrase `tokens[first..=last]`.
fn classify(
    cues: &CueIndex,
    tokens: &[Token<'_>],
    mentions: &[Mention],
    first: usize,
    last: usize,
    history: &[Attribution],
) -> Attribution {
    let span = tokens[first].span.cover(tokens[last].span);
    let words: Vec<String> = tokens[first..=last]
        .iter()
        .map(|t| t.without_possessive().to_lowercase())
        .collect();
    let phrase = words.join(" ");
    let inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.first_token >= first && m.last_token <= last)
        .collect();
    let make = |kind, entity: Option<String>| Attribution {
        kind,
        source: String::new(),
        entity,
        span: Some(span),
    };
    // "according to the outlet": the last outlet cited.
    if OUTLET_REFERENCES.contains(&phrase.as_str()) {
        if let Some(earlier) = history.iter().rev().find(|a| a.kind == SourceKind::Outlet) {
            return Attribution {
                span: Some(span),
                ..earlier.clone()
            };
        }
    }
    // "he said", "the official claimed": the last person cited.
    if PRONOUNS.contains(&phrase.as_str()) || PERSON_REFERENCES.contains(&phrase.as_str()) {
        let person =
            |a: &&Attribution| !matches!(a.kind, SourceKind::Outlet | SourceKind::Document);
        if let Some(earlier) = history.iter().rev().find(person) {
            return Attribution {
                span: Some(span),
                ..earlier.clone()
            };
        }
    }
    if let Some(outlet) = inside.iter().find(|m| m.id.starts_with("outlet:")) {
        return make(SourceKind::Outlet, Some(outlet.id.clone()));
    }
    let has_anonymous = words.iter().any(|w| cues.anonymous_nouns.contains(w))
        || words.iter().any(|w| w == "anonymous" || w == "unnamed");
    let person = inside
        .iter()
        .find(|m| matches!(m.kind, EntityKind::Person | EntityKind::Organization) && !m.adjective);
    if let Some(person) = person {
        if !(has_anonymous && person.kind != EntityKind::Person) {
            let quoted = tokens.iter().any(|t| matches!(t.text, "\"" | "“" | "”"));
            let kind = if quoted {
                SourceKind::Quote
            } else {
                SourceKind::Named
            };
            return make(kind, Some(person.id.clone()));
        }
    }
    if has_anonymous {
        return make(SourceKind::Anonymous, None);
    }
    if words.iter().any(|w| cues.document_nouns.contains(w)) {
        return make(SourceKind::Document, None);
    }
    if let Some(country) = inside.iter().find(|m| m.kind == EntityKind::Country) {
        return make(SourceKind::Named, Some(country.id.clone()));
    }
    Attribution::default()
}

/// Whether token `k` stands inside a pair of quotation marks.
pub fn inside_quote(tokens: &[Token<'_>], k: usize) -> bool {
    let mut open = false;
    for token in &tokens[..k] {
        match token.text {
            "“" => open = true,
            "”" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

/// Whether a hedge cue stands in `tokens[first..last]`.
pub fn is_hedged(cues: &CueIndex, tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    (first..last.min(tokens.len())).any(|i| cues.hedges.at(tokens, i).next().is_some())
}

/// Words that may stand between a negation and the event word it denies: auxiliaries,
/// adverbs of the verb group, support verbs of a nominal event and determiners of a noun ("has
/// not yet been released", "was not immediately returned", "did not file any charges"). Any
/// other word is a verb or noun the
/// negation belongs to instead: "did not mean to shoot", "not authorized to speak", "don't
/// think charges will be filed" deny no shooting, speaking or charge.
static VERB_GROUP: WordSet = WordSet::new(&[
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "get",
    "got",
    "gotten",
    "yet",
    "even",
    "ever",
    "also",
    "formally",
    "officially",
    "publicly",
    "immediately",
    "actually",
    "really",
    "always",
    "just",
    "already",
    "initially",
    "originally",
    "directly",
    "personally",
    "fully",
    "currently",
    "still",
    "any",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "so",
    "too",
    "file",
    "filed",
    "make",
    "made",
    "take",
    "taken",
    "took",
    "hold",
    "held",
    "press",
    "pressed",
    "carry",
    "carried",
    "conduct",
    "conducted",
    "give",
    "given",
    "gave",
]);

/// Whether the negation at token `i` denies an ability, not an event: "can't", "cannot",
/// "can not" ("you can't call it arson yet", "I can't speak for the first death").
fn is_ability(tokens: &[Token<'_>], i: usize) -> bool {
    with_lower(tokens[i].text, |lower| {
        lower.starts_with("can") && lower.ends_with("n't") || lower == "cannot"
    }) || (i > 0 && tokens[i - 1].text.eq_ignore_ascii_case("can"))
}

/// Whether the event at token `trigger` is negated: a negation cue among the few words before
/// it ("did not prompt", "have not spoken") with only words of the verb group between
/// (`VERB_GROUP`), not denying an ability, or before a verb of occurring that follows it
/// ("the talks ... has not taken place").
pub fn is_negated(cues: &CueIndex, tokens: &[Token<'_>], trigger: usize) -> bool {
    let negation_at = |i: usize| cues.negations.at(tokens, i).next().is_some();
    let before = trigger.saturating_sub(3)..trigger;
    let governs = |i: usize| {
        let len = cues
            .negations
            .at(tokens, i)
            .map(<[String]>::len)
            .max()
            .unwrap_or(1);
        !is_ability(tokens, i)
            && tokens[(i + len).min(trigger)..trigger]
                .iter()
                .all(|t| VERB_GROUP.contains(&t.lower()))
    };
    if before.clone().any(|i| negation_at(i) && governs(i)) {
        return true;
    }
    {
        let mut i = trigger + 1;
        while i < tokens.len() && !is_boundary(&tokens[i]) && i < trigger + 24 {
            if negation_at(i) {
                let rest: Vec<String> = tokens[i + 1..(i + 4).min(tokens.len())]
                    .iter()
                    .map(|t| t.text.to_lowercase())
                    .collect();
                if rest.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "place" | "happened" | "occurred" | "held" | "happen" | "occur"
                    )
                }) {
                    return true;
                }
            }
            i += 1;
        }
    }
    false
}

/// Byte spans of the quotations in a sentence's tokens.
pub fn quote_spans(tokens: &[Token<'_>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<Span> = None;
    for token in tokens {
        match (token.text, open) {
            ("“", _) | ("\"", None) => open = Some(token.span),
            ("”" | "\"", Some(start)) => {
                spans.push(start.cover(token.span));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::entity::{DocumentNames, EntityIndex, mentions};
    use crate::grammar::token::tokenize;
    use crate::lexicon::Lexicon;

    fn attribute(text: &str) -> Option<(SourceKind, String, Option<String>)> {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let index = EntityIndex::new(&lexicon);
        let cues = CueIndex::new(&lexicon.cues);
        let tokens = tokenize(text, 0);
        let found = mentions(&index, &DocumentNames::default(), &tokens);
        attribution(&cues, &tokens, &found, &[]).map(|f| {
            let a = f.attribution;
            (
                a.kind,
                a.span
                    .map(|s| s.slice(text).to_string())
                    .unwrap_or_default(),
                a.entity,
            )
        })
    }

    #[test]
    fn according_to_an_anonymous_official() {
        let (kind, source, _) =
            attribute("The hotline was used once, according to an anonymous U.S. official.")
                .unwrap();
        assert_eq!(kind, SourceKind::Anonymous);
        assert_eq!(source, "an anonymous U.S. official");
    }

    #[test]
    fn outlets_and_named_sources() {
        assert_eq!(
            attribute("It happened, according to Reuters.").unwrap().0,
            SourceKind::Outlet
        );
        let (kind, _, entity) = attribute("It was more active, Vershbow said.").unwrap();
        assert_eq!(
            (kind, entity.as_deref()),
            (SourceKind::Named, Some("vershbow"))
        );
        assert_eq!(
            attribute("It was launched by Ukraine, according to NATO.")
                .unwrap()
                .2
                .as_deref(),
            Some("nato")
        );
        let (kind, source, _) =
            attribute("According to a report by the Associated Press, they spoke.").unwrap();
        assert_eq!(
            (kind, source.as_str()),
            (SourceKind::Outlet, "the Associated Press")
        );
    }

    #[test]
    fn no_attribution_in_plain_statements() {
        assert_eq!(attribute("Russia invaded Ukraine."), None);
    }

    #[test]
    fn negation_before_the_verb_and_after_a_noun() {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let cues = CueIndex::new(&lexicon.cues);
        let tokens = tokenize("Biden and Putin have not spoken", 0);
        assert!(is_negated(&cues, &tokens, 5));
        let tokens = tokenize("the talks between them has not taken place", 0);
        assert!(is_negated(&cues, &tokens, 1));
        let tokens = tokenize("Biden had last spoken", 0);
        assert!(!is_negated(&cues, &tokens, 3));
    }

    #[test]
    fn negation_denies_only_its_own_verb_group() {
        let lexicon = Lexicon::load(&crate::rulefiles::builtin()).unwrap();
        let cues = CueIndex::new(&lexicon.cues);
        let negated = |text: &str, word: &str| {
            let tokens = tokenize(text, 0);
            let at = tokens.iter().position(|t| t.text == word).unwrap();
            is_negated(&cues, &tokens, at)
        };
        assert!(negated("The names have not yet been released", "released"));
        assert!(negated("The call was not immediately returned", "returned"));
        assert!(negated("Police did not file any charges", "charges"));
        assert!(negated("He was not arrested", "arrested"));
        assert!(!negated("He did not mean to shoot the ladies", "shoot"));
        assert!(!negated("They were not authorized to speak", "speak"));
        assert!(!negated("I don't think charges will be filed", "charges"));
        assert!(!negated("You can't call it arson yet", "call"));
        assert!(!negated("The Curve cannot use the network", "use"));
        // A curly apostrophe negates as a straight one does.
        assert!(negated("Smith didn’t return a call", "return"));
        assert!(!negated("You can’t call it arson yet", "call"));
        assert!(!negated("I don’t think charges will be filed", "charges"));
    }
}
