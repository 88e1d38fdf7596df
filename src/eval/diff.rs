//! A benchmark for the claim diff: version pairs built from real articles by known edits.
//!
//! For every article and every [`EditKind`] the generator looks for a place where the edit is
//! well defined — a number the extractor reads as a claim quantity, a date attached to a claim,
//! a participant that another entity of the article can replace, a verb after an auxiliary for
//! a negation, a sentence with no attribution for an added one, a clause boundary for a split —
//! picks one with a seeded generator ([`Rng`], SplitMix64: same seed, same pairs) and applies
//! it. The diff ([`crate::diff::compare`]) of the original and the edited version is then
//! classed by its most serious change and scored against the class the edit should get:
//!
//! | edit                                      | expected     |
//! |-------------------------------------------|--------------|
//! | number, date, participant, negation       | factual      |
//! | attribution added or removed              | attribution  |
//! | hedge added or removed                    | hedge        |
//! | synonym, sentence moved, split, merged    | wording      |
//!
//! The diff never sees the edit: it classifies from the claims of the two versions alone.

use std::fmt::Write as _;

use serde::Serialize;

use crate::claim::{Claim, Modality, Polarity, SourceKind};
use crate::diff::{self, Class};
use crate::input::Article;
use crate::lexicon::closed::{CARDINALS, MONTHS, WEEKDAYS};
use crate::lexicon::{Lexicon, verb_forms};
use crate::pipeline::{Analysis, Analyzer};
use crate::temporal::TimexType;
use crate::text::span::Span;

/// A small deterministic generator (SplitMix64), enough to pick edit sites reproducibly.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of `items`, `None` when empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            Some(&items[self.below(items.len())])
        }
    }
}

/// The kinds of edit the generator applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditKind {
    /// A claim quantity's number changed.
    Number,
    /// A claim date moved (day, weekday, month or year).
    Date,
    /// A participant replaced by another entity of the article.
    Participant,
    /// A claim negated, or its negation dropped.
    Negation,
    /// A hedge adverb added before the event verb.
    HedgeAdded,
    /// A hedge adverb removed.
    HedgeRemoved,
    /// An attribution added to an unattributed sentence, or a final one removed.
    Attribution,
    /// A word replaced by a synonym (event verbs by another verb of the same predicate).
    Synonym,
    /// A sentence moved to another place.
    Move,
    /// A sentence split in two at a clause boundary.
    Split,
    /// Two sentences of a paragraph merged into one with ", and".
    Merge,
}

impl EditKind {
    /// Every kind, in report order.
    pub const ALL: [EditKind; 11] = [
        EditKind::Number,
        EditKind::Date,
        EditKind::Participant,
        EditKind::Negation,
        EditKind::HedgeAdded,
        EditKind::HedgeRemoved,
        EditKind::Attribution,
        EditKind::Synonym,
        EditKind::Move,
        EditKind::Split,
        EditKind::Merge,
    ];

    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Number => "number",
            EditKind::Date => "date",
            EditKind::Participant => "participant",
            EditKind::Negation => "negation",
            EditKind::HedgeAdded => "hedge-added",
            EditKind::HedgeRemoved => "hedge-removed",
            EditKind::Attribution => "attribution",
            EditKind::Synonym => "synonym",
            EditKind::Move => "move",
            EditKind::Split => "split",
            EditKind::Merge => "merge",
        }
    }

    /// The class the diff should give the edit.
    pub fn expected(self) -> Class {
        match self {
            EditKind::Number | EditKind::Date | EditKind::Participant | EditKind::Negation => {
                Class::Factual
            }
            EditKind::HedgeAdded | EditKind::HedgeRemoved => Class::Hedge,
            EditKind::Attribution => Class::Attribution,
            EditKind::Synonym | EditKind::Move | EditKind::Split | EditKind::Merge => {
                Class::Wording
            }
        }
    }
}

/// One generated pair.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The edit.
    pub kind: EditKind,
    /// The edited version.
    pub new: Article,
    /// What was done ("`two` → `three`").
    pub description: String,
}

/// A text replacement: `span` of the old text becomes `with`.
#[derive(Clone, Debug)]
struct Splice {
    span: Span,
    with: String,
    description: String,
}

fn apply(article: &Article, kind: EditKind, splices: Vec<Splice>) -> Pair {
    let mut splices = splices;
    splices.sort_by_key(|s| std::cmp::Reverse(s.span.start));
    let mut text = article.text.clone();
    let description = splices
        .iter()
        .rev()
        .map(|s| s.description.clone())
        .collect::<Vec<_>>()
        .join("; ");
    for s in &splices {
        text.replace_range(s.span.start..s.span.end, &s.with);
    }
    let mut new = article.clone();
    new.text = text;
    new.id = format!("{}+{}", article.id, kind.as_str());
    Pair {
        kind,
        new,
        description,
    }
}

/// The generator: the lexicon (for verb forms and cue words) and a seed.
#[derive(Debug)]
pub struct Generator<'a> {
    lexicon: &'a Lexicon,
    seed: u64,
}

const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "has", "have", "had", "will", "would", "can", "could", "should",
    "must", "did", "does", "do", "be", "been",
];

const HEDGE_ADVERBS: &[&str] = &["reportedly", "allegedly", "apparently"];

const SOURCES: &[&str] = &[
    "police",
    "officials",
    "the Associated Press",
    "Reuters",
    "a spokesman",
    "witnesses",
];

/// Synonyms for common words outside claim material (each pair works both ways).
const SYNONYMS: &[(&str, &str)] = &[
    ("big", "large"),
    ("huge", "enormous"),
    ("began", "started"),
    ("begin", "start"),
    ("quickly", "rapidly"),
    ("help", "assist"),
    ("helped", "assisted"),
    ("home", "house"),
    ("car", "vehicle"),
    ("children", "kids"),
    ("film", "movie"),
    ("major", "significant"),
    ("attempt", "try"),
    ("bought", "purchased"),
    ("difficult", "hard"),
    ("area", "region"),
    ("areas", "regions"),
    ("said", "stated"),
    ("show", "programme"),
    ("firm", "company"),
    ("shop", "store"),
    ("road", "street"),
    ("nearly", "almost"),
    ("enough", "sufficient"),
    ("famous", "well-known"),
    ("job", "position"),
    ("needed", "required"),
    ("recent", "latest"),
    ("later", "afterwards"),
];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'
}

/// Whole-word occurrences of `word` (exact case) in `text` within `span`.
fn find_words(text: &str, span: Span, word: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let hay = span.slice(text);
    let mut out = Vec::new();
    for (i, _) in hay.match_indices(word) {
        let start = span.start + i;
        let end = start + word.len();
        let before_ok = start == 0 || !is_word_byte(bytes[start - 1]);
        let after_ok = end >= bytes.len() || !is_word_byte(bytes[end]);
        if before_ok && after_ok {
            out.push(Span::new(start, end));
        }
    }
    out
}

/// The word before `at` in `text` (skipping spaces), with its span.
fn word_before(text: &str, at: usize) -> Option<(Span, &str)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() && !head.is_empty() {
        return None;
    }
    let start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    (start < trimmed.len()).then(|| (Span::new(start, trimmed.len()), &trimmed[start..]))
}

/// Words after which an event word is a noun or a modifier, not a finite verb.
const NOUN_CONTEXT: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "of", "for", "with", "to", "no", "and", "or",
];

/// Whether the word at `span` stands as a verb after a subject: the word before it is a
/// word (not a number or punctuation) and not a determiner or preposition.
fn verb_position(text: &str, span: Span) -> bool {
    word_before(text, span.start).is_some_and(|(_, w)| {
        w.chars().all(char::is_alphabetic) && !NOUN_CONTEXT.contains(&w.to_lowercase().as_str())
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn claim_material(claim: &Claim) -> Vec<Span> {
    let mut spans = vec![claim.event.span];
    spans.extend(claim.participants.iter().map(|p| p.span));
    spans.extend(claim.time.iter().map(|t| t.span));
    spans.extend(claim.quantities.iter().map(|q| q.span));
    spans.extend(claim.attribution.span);
    spans
}

impl<'a> Generator<'a> {
    /// A generator over `lexicon` with `seed`.
    pub fn new(lexicon: &'a Lexicon, seed: u64) -> Generator<'a> {
        Generator { lexicon, seed }
    }

    fn rng(&self, article: &Article, kind: EditKind) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in article.id.bytes().chain([kind as u8]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        Rng::new(self.seed ^ h)
    }

    /// Builds the edited version of `article` for `kind`, or `None` when the article has no
    /// place where the edit is well defined.
    pub fn edit(&self, article: &Article, analysis: &Analysis, kind: EditKind) -> Option<Pair> {
        let mut rng = self.rng(article, kind);
        let text = article.text.as_str();
        let splices = match kind {
            EditKind::Number => self.number(text, analysis, &mut rng),
            EditKind::Date => self.date(text, analysis, &mut rng),
            EditKind::Participant => self.participant(text, analysis, &mut rng),
            EditKind::Negation => self.negation(text, analysis, &mut rng),
            EditKind::HedgeAdded => self.hedge_added(text, analysis, &mut rng),
            EditKind::HedgeRemoved => self.hedge_removed(text, analysis, &mut rng),
            EditKind::Attribution => self.attribution(text, analysis, &mut rng),
            EditKind::Synonym => self.synonym(text, analysis, &mut rng),
            EditKind::Move => self.moved(text, analysis, &mut rng),
            EditKind::Split => self.split(text, analysis, &mut rng),
            EditKind::Merge => self.merge(text, analysis, &mut rng),
        }?;
        Some(apply(article, kind, splices))
    }

    fn number(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let mut spans: Vec<Span> = analysis
            .claims
            .iter()
            .flat_map(|c| c.quantities.iter().map(|q| q.span))
            .collect();
        spans.sort();
        spans.dedup();
        let mut candidates = Vec::new();
        for span in spans {
            let written = span.slice(text);
            // A run of digits (with separators) or a number word inside the quantity.
            if let Some(i) = written.find(|c: char| c.is_ascii_digit()) {
                let len = written[i..]
                    .find(|c: char| !(c.is_ascii_digit() || c == ','))
                    .unwrap_or(written.len() - i);
                let digits = written[i..i + len].trim_end_matches(',');
                let value: u64 = digits.replace(',', "").parse().ok()?;
                let start = span.start + i;
                candidates.push((Span::new(start, start + digits.len()), value, true));
            } else {
                for (k, word) in CARDINALS[1..].iter().enumerate() {
                    for variant in [word.to_string(), capitalize(word)] {
                        if let Some(s) = find_words(text, span, &variant).first() {
                            candidates.push((*s, k as u64 + 1, false));
                        }
                    }
                }
            }
        }
        let &(span, value, digits) = rng.pick(&candidates)?;
        let step = 1 + rng.below((value as usize / 4).max(2)) as u64;
        let new_value = if value > step && rng.below(2) == 0 {
            value - step
        } else {
            value + step
        };
        let old = span.slice(text);
        let with = if digits {
            new_value.to_string()
        } else if let Some(word) = CARDINALS.get(new_value as usize).filter(|_| new_value > 0) {
            if old.starts_with(char::is_uppercase) {
                capitalize(word)
            } else {
                word.to_string()
            }
        } else {
            new_value.to_string()
        };
        Some(vec![Splice {
            span,
            description: format!("number `{old}` → `{with}`"),
            with,
        }])
    }

    fn date(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let mut candidates = Vec::new();
        let mut spans: Vec<Span> = analysis
            .claims
            .iter()
            .filter_map(|c| c.time.as_ref().map(|t| t.span))
            .collect();
        spans.sort();
        spans.dedup();
        for span in spans {
            let is_date = analysis
                .times
                .iter()
                .any(|t| t.span == span && t.kind == TimexType::Date);
            if !is_date {
                continue;
            }
            let written = span.slice(text);
            // A weekday beside a full date ("Saturday, 8 October") does not set the value.
            let has_digits = written.contains(|c: char| c.is_ascii_digit());
            for (k, day) in WEEKDAYS.iter().enumerate().filter(|_| !has_digits) {
                for s in find_words(text, span, day) {
                    let other = WEEKDAYS[(k + 6) % 7];
                    candidates.push((s, other.to_string()));
                }
            }
            for (k, month) in MONTHS.iter().enumerate() {
                for s in find_words(text, span, month) {
                    candidates.push((s, MONTHS[(k + 1) % 12].to_string()));
                }
            }
            // A day of the month after a month name, or a four-digit year.
            for (i, w) in written
                .split(|c: char| !c.is_ascii_alphanumeric())
                .enumerate()
            {
                let _ = i;
                if w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                let Ok(n) = w.parse::<u32>() else { continue };
                for s in find_words(text, span, w) {
                    if (1..=28).contains(&n) && w.len() <= 2 {
                        let moved = if n > 3 { n - 3 } else { n + 3 };
                        candidates.push((s, moved.to_string()));
                    } else if (1900..=2099).contains(&n) && w.len() == 4 {
                        candidates.push((s, (n - 1).to_string()));
                    }
                }
            }
        }
        candidates.sort_by_key(|c| c.0);
        candidates.dedup_by_key(|c| c.0);
        let (span, with) = rng.pick(&candidates)?.clone();
        Some(vec![Splice {
            span,
            description: format!("date `{}` → `{with}`", span.slice(text)),
            with,
        }])
    }

    fn participant(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        // Names as written for each entity of the article (a proper name, capitalized).
        let mut names: Vec<(&str, &str)> = Vec::new();
        for claim in &analysis.claims {
            for p in &claim.participants {
                let written = p.span.slice(text);
                if written.starts_with(char::is_uppercase)
                    && !names.iter().any(|(e, _)| *e == p.entity)
                {
                    names.push((p.entity.as_str(), written));
                }
            }
        }
        let mut candidates = Vec::new();
        for claim in &analysis.claims {
            let ids = claim.participant_ids();
            for p in &claim.participants {
                let written = p.span.slice(text);
                if !written.starts_with(char::is_uppercase) {
                    continue;
                }
                for (entity, name) in &names {
                    if !ids.contains(entity) && !written.contains(name) && !name.contains(written) {
                        candidates.push((p.span, name.to_string()));
                    }
                }
            }
        }
        candidates.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        candidates.dedup();
        let (span, with) = rng.pick(&candidates)?.clone();
        Some(vec![Splice {
            span,
            description: format!("participant `{}` → `{with}`", span.slice(text)),
            with,
        }])
    }

    /// The lemma of a verb trigger and whether the form is past (`-ed`) or third person.
    fn lemma(&self, predicate: &str, trigger: &str) -> Option<(String, &'static str)> {
        let trigger = trigger.to_lowercase();
        let entry = self
            .lexicon
            .events
            .iter()
            .find(|e| e.predicate == predicate)?;
        for lemma in entry.verb_lemmas() {
            if lemma.contains(' ') {
                continue;
            }
            let forms = verb_forms(lemma);
            if !forms.contains(&trigger) || trigger == *lemma {
                continue;
            }
            // Past forms only: "-s" forms are as often plural nouns ("charges").
            if trigger.ends_with("ed") {
                return Some((lemma.clone(), "did"));
            }
        }
        None
    }

    fn negation(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let mut candidates = Vec::new();
        for claim in &analysis.claims {
            let trigger = claim.event.span;
            if claim.polarity == Polarity::Negative {
                // "has not spoken" → "has spoken".
                if let Some((not_span, word)) = word_before(text, trigger.start)
                    && word == "not"
                    && let Some((_, aux)) = word_before(text, not_span.start)
                    && AUXILIARIES.contains(&aux.to_lowercase().as_str())
                    && !matches!(aux, "did" | "does" | "do")
                {
                    candidates.push(Splice {
                        span: Span::new(not_span.start, trigger.start),
                        with: String::new(),
                        description: format!("negation removed before `{}`", trigger.slice(text)),
                    });
                }
                continue;
            }
            let Some((aux_span, word)) = word_before(text, trigger.start) else {
                continue;
            };
            if AUXILIARIES.contains(&word.to_lowercase().as_str()) {
                candidates.push(Splice {
                    span: Span::new(aux_span.end, aux_span.end),
                    with: " not".to_string(),
                    description: format!("`{word} {}` negated", trigger.slice(text)),
                });
            } else if let Some((lemma, aux)) =
                self.lemma(&claim.event.predicate, trigger.slice(text))
                && trigger.slice(text).starts_with(char::is_lowercase)
                && verb_position(text, trigger)
            {
                candidates.push(Splice {
                    span: trigger,
                    with: format!("{aux} not {lemma}"),
                    description: format!("`{}` → `{aux} not {lemma}`", trigger.slice(text)),
                });
            }
        }
        let pick = rng.pick(&candidates)?.clone();
        Some(vec![pick])
    }

    /// Claims stated firmly, in the article's own voice, with a verb trigger.
    fn firm_verbs<'b>(&self, text: &str, analysis: &'b Analysis) -> Vec<&'b Claim> {
        analysis
            .claims
            .iter()
            .filter(|c| {
                c.modality == Modality::Asserted
                    && c.polarity == Polarity::Positive
                    && c.event.span.slice(text).starts_with(char::is_lowercase)
                    && verb_position(text, c.event.span)
                    && (self
                        .lemma(&c.event.predicate, c.event.span.slice(text))
                        .is_some()
                        || word_before(text, c.event.span.start)
                            .is_some_and(|(_, w)| AUXILIARIES.contains(&w.to_lowercase().as_str())))
            })
            .collect()
    }

    fn hedge_added(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let claims = self.firm_verbs(text, analysis);
        let claim = rng.pick(&claims)?;
        let adverb = rng.pick(HEDGE_ADVERBS)?;
        let trigger = claim.event.span;
        Some(vec![Splice {
            span: Span::new(trigger.start, trigger.start),
            with: format!("{adverb} "),
            description: format!("hedge `{adverb}` added before `{}`", trigger.slice(text)),
        }])
    }

    fn hedge_removed(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let mut candidates = Vec::new();
        for claim in analysis
            .claims
            .iter()
            .filter(|c| c.modality == Modality::Hedged)
        {
            for adverb in HEDGE_ADVERBS.iter().chain(&["possibly", "probably"]) {
                for s in find_words(text, claim.sentence, adverb) {
                    let end = if text[s.end..].starts_with(' ') {
                        s.end + 1
                    } else {
                        s.end
                    };
                    candidates.push(Span::new(s.start, end));
                }
            }
        }
        candidates.sort();
        candidates.dedup();
        let span = *rng.pick(&candidates)?;
        Some(vec![Splice {
            span,
            with: String::new(),
            description: format!("hedge `{}` removed", span.slice(text).trim()),
        }])
    }

    fn attribution(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let say = &self.lexicon.cues.say_verbs;
        let mut candidates = Vec::new();
        for sentence in &analysis.sentences {
            let claims: Vec<&Claim> = analysis
                .claims
                .iter()
                .filter(|c| c.sentence == sentence.span)
                .collect();
            if claims.is_empty() || sentence.is_heading {
                continue;
            }
            let body = sentence.span.slice(text);
            // The final period must be the sentence's own, not an abbreviation's ("p.m.").
            let last_word = body.rsplit(' ').next().unwrap_or("");
            if body.contains(['"', '“', '”'])
                || !body.ends_with('.')
                || last_word[..last_word.len().saturating_sub(1)].contains('.')
            {
                continue;
            }
            if let Some(i) = body.rfind(", according to ")
                && !body[i + 2..].contains(',')
            {
                // Removal of a final attribution.
                candidates.push(Splice {
                    span: Span::new(sentence.span.start + i, sentence.span.end - 1),
                    with: String::new(),
                    description: format!("attribution `{}` removed", &body[i + 2..body.len() - 1]),
                });
                continue;
            }
            let lower = body.to_lowercase();
            let attributed = claims
                .iter()
                .any(|c| c.attribution.kind != SourceKind::Unattributed)
                || lower.contains("according to")
                || lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| say.iter().any(|s| s == w));
            if attributed {
                continue;
            }
            let source = rng.pick(SOURCES)?;
            let at = sentence.span.end - 1;
            candidates.push(Splice {
                span: Span::new(at, at),
                with: format!(", according to {source}"),
                description: format!("attribution `according to {source}` added"),
            });
        }
        let pick = rng.pick(&candidates)?.clone();
        Some(vec![pick])
    }

    fn synonym(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let mut candidates = Vec::new();
        let material: Vec<Span> = analysis.claims.iter().flat_map(claim_material).collect();
        for sentence in &analysis.sentences {
            if !analysis.claims.iter().any(|c| c.sentence == sentence.span) {
                continue;
            }
            for &(a, b) in SYNONYMS {
                for (from, to) in [(a, b), (b, a)] {
                    for variant in [
                        (from.to_string(), to.to_string()),
                        (capitalize(from), capitalize(to)),
                    ] {
                        for s in find_words(text, sentence.span, &variant.0) {
                            if !material.iter().any(|m| m.overlaps(s)) {
                                candidates.push((s, variant.1.clone()));
                            }
                        }
                    }
                }
            }
        }
        // Event verbs: another verb of the same predicate, in the same form.
        for claim in &analysis.claims {
            let written = claim.event.span.slice(text);
            let Some(entry) = self
                .lexicon
                .events
                .iter()
                .find(|e| e.predicate == claim.event.predicate)
            else {
                continue;
            };
            for lemma in entry.verbs.iter().filter(|l| !l.contains(' ')) {
                let forms = verb_forms(lemma);
                let Some(k) = forms.iter().position(|f| f == written) else {
                    continue;
                };
                let cue = |w: &str| {
                    let cues = &self.lexicon.cues;
                    cues.say_verbs.iter().chain(&cues.negations).any(|c| c == w)
                };
                if !written.ends_with("ed")
                    || cue(written)
                    || !verb_position(text, claim.event.span)
                {
                    continue;
                }
                for other in entry
                    .verbs
                    .iter()
                    .filter(|l| *l != lemma && !l.contains(' '))
                {
                    if let Some(form) = verb_forms(other).get(k)
                        && !cue(form)
                    {
                        candidates.push((claim.event.span, form.clone()));
                    }
                }
            }
        }
        candidates.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        candidates.dedup_by_key(|c| c.0);
        let (span, with) = rng.pick(&candidates)?.clone();
        Some(vec![Splice {
            span,
            description: format!("synonym `{}` → `{with}`", span.slice(text)),
            with,
        }])
    }

    fn moved(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let sentences: Vec<_> = analysis
            .sentences
            .iter()
            .filter(|s| !s.is_heading)
            .collect();
        if sentences.len() < 3 {
            return None;
        }
        // Only a sentence with its own final punctuation: a line without one would run into
        // the sentence it lands before.
        let movable: Vec<_> = sentences[1..]
            .iter()
            .copied()
            .filter(|s| {
                s.span
                    .slice(text)
                    .trim_end_matches(['"', '”', '’', '\''])
                    .ends_with(['.', '!', '?'])
            })
            .collect();
        let from = *rng.pick(&movable)?;
        let targets: Vec<_> = sentences
            .iter()
            .filter(|s| s.index + 1 < from.index || s.index > from.index + 1)
            .collect();
        let to = **rng.pick(&targets)?;
        let body = from.span.slice(text);
        // Remove the sentence with the space after it (or before it, at a paragraph's end).
        let after = &text[from.span.end..];
        let removal = if after.starts_with(' ')
            && !after.trim_start_matches(' ').starts_with('\n')
            && !after.trim().is_empty()
        {
            let spaces = after.len() - after.trim_start_matches(' ').len();
            Span::new(from.span.start, from.span.end + spaces)
        } else {
            let before = &text[..from.span.start];
            let spaces = before.len() - before.trim_end_matches(' ').len();
            if spaces > 0 {
                Span::new(from.span.start - spaces, from.span.end)
            } else if before.is_empty() || before.ends_with('\n') {
                // Alone on its line: take the line and its line break.
                let rest = &text[from.span.end..];
                let line_end = rest
                    .find('\n')
                    .map_or(text.len(), |i| from.span.end + i + 1);
                if !text[from.span.end..line_end].trim().is_empty() {
                    return None;
                }
                Span::new(from.span.start, line_end)
            } else {
                return None;
            }
        };
        Some(vec![
            Splice {
                span: removal,
                with: String::new(),
                description: format!("sentence {} moved", from.index + 1),
            },
            Splice {
                span: Span::new(to.span.start, to.span.start),
                with: format!("{body} "),
                description: format!("to before sentence {}", to.index + 1),
            },
        ])
    }

    fn split(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        let say = &self.lexicon.cues.say_verbs;
        let mut candidates = Vec::new();
        for sentence in &analysis.sentences {
            let body = sentence.span.slice(text);
            let lower = body.to_lowercase();
            // A split moves attribution and quotation scope; only plain sentences.
            if body.contains(['"', '“', '”'])
                || lower.contains("according to")
                || lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| say.iter().any(|s| s == w))
            {
                continue;
            }
            for joint in ["; ", ", and ", ", but "] {
                for (i, _) in body.match_indices(joint) {
                    let head = &body[..i];
                    let tail = &body[i + joint.len()..];
                    if head.split_whitespace().count() < 4 || tail.split_whitespace().count() < 4 {
                        continue;
                    }
                    let next = tail.split_whitespace().next().unwrap_or("");
                    let clause_start = [
                        "he", "she", "they", "it", "the", "police", "we", "i", "there",
                    ]
                    .contains(&next.to_lowercase().as_str())
                        || next.starts_with(char::is_uppercase);
                    if !clause_start {
                        continue;
                    }
                    let start = sentence.span.start + i;
                    let (span, with) = if joint == ", but " {
                        (Span::new(start, start + 2), ". ".to_string())
                    } else {
                        let span = Span::new(start, start + joint.len() + next.len());
                        (span, format!(". {}", capitalize(next)))
                    };
                    candidates.push(Splice {
                        span,
                        with,
                        description: format!(
                            "sentence {} split at `{}`",
                            sentence.index + 1,
                            joint.trim()
                        ),
                    });
                }
            }
        }
        let mut pick = rng.pick(&candidates)?.clone();
        if pick.with == ". " {
            // ", but he" → ". But he".
            pick.span = Span::new(pick.span.start, pick.span.end + 1);
            pick.with = ". B".to_string();
        }
        Some(vec![pick])
    }
}

impl Generator<'_> {
    /// Whether a sentence may change its boundaries without moving an attribution's or a
    /// quotation's scope: no quotes, no "according to", no verb of saying.
    fn is_plain(&self, body: &str) -> bool {
        let lower = body.to_lowercase();
        let say = &self.lexicon.cues.say_verbs;
        !(body.contains(['"', '“', '”'])
            || lower.contains("according to")
            || lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| say.iter().any(|s| s == w)))
    }

    fn merge(&self, text: &str, analysis: &Analysis, rng: &mut Rng) -> Option<Vec<Splice>> {
        const OPENERS: &[&str] = &["The", "He", "She", "They", "It", "A", "An", "This", "There"];
        let mut candidates = Vec::new();
        for pair in analysis.sentences.windows(2) {
            let (first, second) = (&pair[0], &pair[1]);
            // Adjacent sentences, in one paragraph or across one line break.
            let between = &text[first.span.end..second.span.start];
            if second.paragraph > first.paragraph + 1
                || !between.trim().is_empty()
                || first.is_heading
                || second.is_heading
            {
                continue;
            }
            let (a, b) = (first.span.slice(text), second.span.slice(text));
            if !a.ends_with('.') || !self.is_plain(a) || !self.is_plain(b) {
                continue;
            }
            let last_word = a.rsplit(' ').next().unwrap_or("");
            if last_word[..last_word.len().saturating_sub(1)].contains('.') {
                continue;
            }
            let opener = b.split(' ').next().unwrap_or("");
            if !OPENERS.contains(&opener) || a.split_whitespace().count() < 4 {
                continue;
            }
            // ". The court" → ", and the court".
            let span = Span::new(first.span.end - 1, second.span.start + opener.len());
            candidates.push(Splice {
                span,
                with: format!(", and {}", opener.to_lowercase()),
                description: format!(
                    "sentences {} and {} merged",
                    first.index + 1,
                    second.index + 1
                ),
            });
        }
        let pick = rng.pick(&candidates)?.clone();
        Some(vec![pick])
    }
}

/// The outcome for one edit kind.
#[derive(Clone, Debug, Default, Serialize)]
pub struct KindScore {
    /// The edit kind.
    pub kind: String,
    /// The class the diff should give.
    pub expected: String,
    /// Articles tried.
    pub tried: usize,
    /// Pairs built (articles where the edit was well defined).
    pub pairs: usize,
    /// Pairs classed as expected.
    pub correct: usize,
    /// How the pairs were classed: factual, attribution, hedge, wording, none.
    pub classed: [usize; 5],
}

impl KindScore {
    /// Share classed as expected, in percent.
    pub fn percent(&self) -> f64 {
        if self.pairs == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.pairs as f64
        }
    }
}

/// A misclassified pair, for error analysis.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// The article id.
    pub article: String,
    /// The edit kind.
    pub kind: String,
    /// What the edit did.
    pub edit: String,
    /// What the diff said (its most serious class, or "none").
    pub classed: String,
    /// The diff's messages.
    pub changes: Vec<String>,
}

/// The benchmark's result.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DiffEvalReport {
    /// The seed.
    pub seed: u64,
    /// Articles read.
    pub articles: usize,
    /// One score per edit kind.
    pub kinds: Vec<KindScore>,
    /// Misclassified pairs (all of them, in article order).
    pub misses: Vec<Miss>,
}

fn class_slot(class: Option<Class>) -> usize {
    match class {
        Some(Class::Factual) => 0,
        Some(Class::Attribution) => 1,
        Some(Class::Hedge) => 2,
        Some(Class::Wording) => 3,
        None => 4,
    }
}

/// Generates the pairs of `articles` with `seed` and scores the diff on them (two threads).
pub fn evaluate(analyzer: &Analyzer, articles: &[Article], seed: u64) -> DiffEvalReport {
    let generator = Generator::new(&analyzer.lexicon, seed);
    let half = articles.len().div_ceil(2);
    let (first, second) = articles.split_at(half);
    let run = |part: &[Article]| {
        let mut outcomes = Vec::new();
        for article in part {
            let analysis = analyzer.analyze(article);
            for kind in EditKind::ALL {
                let Some(pair) = generator.edit(article, &analysis, kind) else {
                    outcomes.push((kind, None));
                    continue;
                };
                let new_analysis = analyzer.analyze(&pair.new);
                let d = diff::compare(analyzer, article, &analysis, &pair.new, &new_analysis);
                let changes = d
                    .changes
                    .iter()
                    .map(|c| format!("{}: {}", c.class.as_str(), c.message))
                    .collect();
                outcomes.push((
                    kind,
                    Some((article.id.clone(), pair.description, d.class(), changes)),
                ));
            }
        }
        outcomes
    };
    let mut outcomes = std::thread::scope(|scope| {
        let handle = scope.spawn(|| run(second));
        let mut out = run(first);
        out.extend(
            handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        out
    });
    let mut report = DiffEvalReport {
        seed,
        articles: articles.len(),
        kinds: EditKind::ALL
            .iter()
            .map(|k| KindScore {
                kind: k.as_str().to_string(),
                expected: k.expected().as_str().to_string(),
                ..KindScore::default()
            })
            .collect(),
        misses: Vec::new(),
    };
    for (kind, outcome) in outcomes.drain(..) {
        let score = &mut report.kinds[kind as usize];
        score.tried += 1;
        let Some((article, edit, class, changes)) = outcome else {
            continue;
        };
        score.pairs += 1;
        score.classed[class_slot(class)] += 1;
        if class == Some(kind.expected()) {
            score.correct += 1;
        } else {
            report.misses.push(Miss {
                article,
                kind: kind.as_str().to_string(),
                edit,
                classed: class.map_or("none", Class::as_str).to_string(),
                changes,
            });
        }
    }
    report
}

impl DiffEvalReport {
    /// Pairs and correct ones over the kinds expected to get `class`.
    pub fn by_class(&self, class: Class) -> (usize, usize) {
        self.kinds
            .iter()
            .filter(|k| k.expected == class.as_str())
            .fold((0, 0), |(p, c), k| (p + k.pairs, c + k.correct))
    }

    /// The report as a table.
    pub fn to_text(&self, examples: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "claim diff on generated version pairs (seed {}, {} articles)\n",
            self.seed, self.articles
        );
        let _ = writeln!(
            out,
            "{:<14} {:<12} {:>6} {:>6} {:>8}   {:>7} {:>7} {:>7} {:>7} {:>5}",
            "edit",
            "expected",
            "pairs",
            "right",
            "%",
            "factual",
            "attrib",
            "hedge",
            "wording",
            "none"
        );
        for k in &self.kinds {
            let _ = writeln!(
                out,
                "{:<14} {:<12} {:>6} {:>6} {:>7.1}%   {:>7} {:>7} {:>7} {:>7} {:>5}",
                k.kind,
                k.expected,
                k.pairs,
                k.correct,
                k.percent(),
                k.classed[0],
                k.classed[1],
                k.classed[2],
                k.classed[3],
                k.classed[4]
            );
        }
        out.push('\n');
        for class in [
            Class::Factual,
            Class::Attribution,
            Class::Hedge,
            Class::Wording,
        ] {
            let (pairs, correct) = self.by_class(class);
            let percent = if pairs == 0 {
                0.0
            } else {
                100.0 * correct as f64 / pairs as f64
            };
            let _ = writeln!(
                out,
                "{:<12} {correct}/{pairs} classed right ({percent:.1}%)",
                class.as_str()
            );
        }
        if examples > 0 && !self.misses.is_empty() {
            let _ = writeln!(
                out,
                "\nmisclassified (first {examples} of {}):",
                self.misses.len()
            );
            for miss in self.misses.iter().take(examples) {
                let _ = writeln!(
                    out,
                    "  {} [{}] {} → {}",
                    miss.article, miss.kind, miss.edit, miss.classed
                );
                for change in &miss.changes {
                    let _ = writeln!(out, "      {change}");
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_spread() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..4).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], xs[1]);
        assert!((0..100).all(|_| a.below(3) < 3));
    }

    #[test]
    fn word_before_skips_one_space() {
        let text = "Police had arrested him";
        let (span, word) = word_before(text, 11).unwrap();
        assert_eq!((word, span), ("had", Span::new(7, 10)));
    }

    #[test]
    fn whole_words_only() {
        let text = "Monday and Mondays";
        assert_eq!(
            find_words(text, Span::new(0, text.len()), "Monday"),
            vec![Span::new(0, 6)]
        );
    }
}
