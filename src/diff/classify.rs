//! Claim alignment and classification inside one block of changed sentences.
//!
//! The claims of a block's old sentences are paired with those of its new sentences by what
//! they say — event predicate and trigger, participants, object, time, quantities, polarity,
//! attribution and modality — greedily, best pair first. A pair is then compared field by field:
//!
//! | field differs                                  | class       |
//! |------------------------------------------------|-------------|
//! | event, time, quantity, participant, polarity | factual |
//! | attribution (source added, removed, changed; a quote made or unmade) | attribution |
//! | hedge (hedged ↔ not hedged)                    | hedge       |
//!
//! The object head ("initiated *the call*") is read by position and is often a stray word, so a
//! changed object alone is reported but classed wording. A value that the new claim lacks but
//! the new sentences still state as often as the old ones did (a time or a participant that a
//! split attached to the other half) is no change: the diff counts what is written, not where
//! the extractor hung it.
//!
//! An unpaired claim was added or removed (factual). A block whose claims all pair up with no
//! difference is a rewording. Classes follow from the claim structure only, never from the
//! words that changed, so a synonym that keeps the claim is wording and a changed count is
//! factual whatever the words around it.

use super::model::{Field, FieldChange};
use crate::claim::{Claim, Modality, Quantity, Role, SourceKind};
use crate::lexicon::Cues;

/// A pair needs the same predicate, or this much agreement on everything else.
const PAIR_WITHOUT_PREDICATE: f64 = 4.0;

/// Pairs old and new claims (indices into the slices), best agreement first. Returns the pairs
/// in old order and the unpaired claims of each side.
pub fn pair(old: &[&Claim], new: &[&Claim]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in old.iter().enumerate() {
        for (j, b) in new.iter().enumerate() {
            let score = agreement(a, b);
            if a.event.predicate == b.event.predicate || score >= PAIR_WITHOUT_PREDICATE {
                candidates.push((score, i, j));
            }
        }
    }
    // Best first; ties by closeness of rank, then order, for determinism.
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| x.1.abs_diff(x.2).cmp(&y.1.abs_diff(y.2)))
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut old_done = vec![false; old.len()];
    let mut new_done = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !old_done[i] && !new_done[j] {
            old_done[i] = true;
            new_done[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    let lone_old = (0..old.len()).filter(|&i| !old_done[i]).collect();
    let lone_new = (0..new.len()).filter(|&j| !new_done[j]).collect();
    (pairs, lone_old, lone_new)
}

/// How much two claims agree: a weighted count of the parts they share.
fn agreement(a: &Claim, b: &Claim) -> f64 {
    let mut score = 0.0;
    if a.event.predicate == b.event.predicate {
        score += 3.0;
    }
    if a.event.trigger.to_lowercase() == b.event.trigger.to_lowercase() {
        score += 1.0;
    }
    score += 2.0 * jaccard(&a.participant_ids(), &b.participant_ids());
    if a.object == b.object {
        score += 0.5;
    }
    if time_value(a) == time_value(b) {
        score += 1.0;
    }
    if quantity_keys(a) == quantity_keys(b) {
        score += 1.0;
    }
    if a.polarity == b.polarity {
        score += 0.5;
    }
    if attribution_key(a) == attribution_key(b) {
        score += 0.5;
    }
    if is_hedged(a) == is_hedged(b) {
        score += 0.25;
    }
    score
}

fn jaccard(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.iter().filter(|x| b.contains(x)).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// The fields in which `new` differs from `old`; `old_text` and `new_text` are the versions'
/// texts, for quoting values as written.
///
/// `old_block` and `new_block` are the texts of the aligned sentences: a time, quantity or
/// participant missing from one claim but still written in that side's sentences as often as
/// before is not a change.
pub fn compare(
    old: &Claim,
    new: &Claim,
    (old_text, old_block): (&str, &str),
    (new_text, new_block): (&str, &str),
) -> Vec<FieldChange> {
    let moved =
        |olds: Vec<&str>, news: Vec<&str>| !still_written(&olds, &news, old_block, new_block);
    let mut fields = Vec::new();
    let mut push = |field, old: Option<String>, new: Option<String>| {
        fields.push(FieldChange { field, old, new });
    };
    if old.event.predicate != new.event.predicate {
        push(
            Field::Event,
            Some(old.event.predicate.clone()),
            Some(new.event.predicate.clone()),
        );
    }
    if old.object != new.object {
        push(Field::Object, old.object.clone(), new.object.clone());
    }
    // The digits as written count too: an anchor the tagger cannot resolve ("18 hours
    // earlier") leaves the value underspecified whatever the number.
    let time_digits = |c: &Claim, text: &str| {
        written_times(c, text)
            .iter()
            .map(|w| digits(w))
            .collect::<Vec<_>>()
    };
    if (time_value(old) != time_value(new)
        || time_digits(old, old_text) != time_digits(new, new_text))
        && moved(written_times(old, old_text), written_times(new, new_text))
    {
        push(
            Field::Time,
            time_text(old, old_text),
            time_text(new, new_text),
        );
    }
    if quantity_keys(old) != quantity_keys(new)
        && moved(
            written_quantities(old, old_text),
            written_quantities(new, new_text),
        )
        && !(quantity_values(old) == quantity_values(new)
            && units_still_written(old, old_text, old_block, new_block))
    {
        push(
            Field::Quantity,
            quantity_text(old, old_text),
            quantity_text(new, new_text),
        );
    }
    let (old_ids, new_ids) = (old.participant_ids(), new.participant_ids());
    if old_ids != new_ids
        && moved(
            written_participants(old, &new_ids, old_text),
            written_participants(new, &old_ids, new_text),
        )
    {
        push(
            Field::Participant,
            list(&old_ids).map(|s| s.to_string()),
            list(&new_ids).map(|s| s.to_string()),
        );
    } else if old.event.trigger == new.event.trigger && roles(old) != roles(new) {
        // The same people in swapped roles ("A hit B" → "B hit A"), with the same verb form.
        push(
            Field::Participant,
            Some(role_text(old)),
            Some(role_text(new)),
        );
    }
    if old.polarity != new.polarity {
        push(
            Field::Polarity,
            Some(polarity_text(old).to_string()),
            Some(polarity_text(new).to_string()),
        );
    }
    // A hedged claim hides whether it is quoted (one modality per claim): compare quotation
    // only when neither side is hedged.
    let quoted_too = !is_hedged(old) && !is_hedged(new);
    let (mut old_key, mut new_key) = (attribution_key(old), attribution_key(new));
    if !quoted_too {
        old_key.2 = false;
        new_key.2 = false;
    }
    if old_key != new_key {
        push(
            Field::Attribution,
            attribution_text(old),
            attribution_text(new),
        );
    }
    if is_hedged(old) != is_hedged(new) {
        push(
            Field::Hedge,
            Some(modality_text(old).to_string()),
            Some(modality_text(new).to_string()),
        );
    }
    fields
}

/// A claim in one line: `predicate(participants)`, with time and quantities when it has them.
pub fn describe(claim: &Claim, text: &str) -> String {
    let mut out = format!(
        "{}({})",
        claim.event.predicate,
        claim.participant_ids().join(", ")
    );
    if let Some(time) = time_text(claim, text) {
        out.push_str(" @ ");
        out.push_str(&time);
    }
    if let Some(quantity) = quantity_text(claim, text) {
        out.push_str(" #");
        out.push_str(&quantity);
    }
    if claim.polarity == crate::claim::Polarity::Negative {
        out.push_str(" [negated]");
    }
    out
}

/// Whether the items of the difference (`olds` only in the old claim, `news` only in the new)
/// are all still written: each at least as often in the other side's sentences as in its own.
fn still_written(olds: &[&str], news: &[&str], old_block: &str, new_block: &str) -> bool {
    let removed = olds.iter().filter(|o| !news.contains(o));
    let added = news.iter().filter(|n| !olds.contains(n));
    removed
        .into_iter()
        .all(|o| count_words(new_block, o) >= count_words(old_block, o))
        && added
            .into_iter()
            .all(|n| count_words(old_block, n) >= count_words(new_block, n))
}

/// Occurrences of `needle` in `hay` that do not start or end inside a word.
pub fn count_words(hay: &str, needle: &str) -> usize {
    let needle = needle.trim();
    if needle.is_empty() {
        return 0;
    }
    let bytes = hay.as_bytes();
    let word_start = needle.starts_with(|c: char| c.is_alphanumeric());
    hay.match_indices(needle)
        .filter(|(i, _)| {
            let end = i + needle.len();
            (*i == 0 || !word_start || !bytes[i - 1].is_ascii_alphanumeric())
                && (end >= bytes.len() || !bytes[end].is_ascii_alphanumeric())
        })
        .count()
}

/// The numbers and their bounds, without units.
fn quantity_values(claim: &Claim) -> Vec<String> {
    let mut keys: Vec<String> = claim
        .quantities
        .iter()
        .map(|q| format!("{}:{:?}", q.value, q.bound))
        .collect();
    keys.sort_unstable();
    keys
}

/// Whether the word read as each old quantity's unit (the last word of its text: "two
/// *people*") is still written in `other` as often as in `own`. A word slipped between a number and its
/// noun ("two *reportedly* died") changes what the extractor reads as the unit, not the count.
fn units_still_written(claim: &Claim, text: &str, own: &str, other: &str) -> bool {
    claim.quantities.iter().all(|q| {
        let written = q.span.slice(text).trim();
        match written.rsplit_once(' ') {
            Some((_, unit)) => count_words(other, unit) >= count_words(own, unit),
            None => true,
        }
    })
}

/// The digits of `text`, in order ("Nov. 15, 2022" → "152022").
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

fn written_times<'t>(claim: &Claim, text: &'t str) -> Vec<&'t str> {
    claim
        .time
        .iter()
        .map(|t| t.span.slice(text).trim())
        .collect()
}

fn written_quantities<'t>(claim: &Claim, text: &'t str) -> Vec<&'t str> {
    claim
        .quantities
        .iter()
        .map(|q| q.span.slice(text).trim())
        .collect()
}

/// Mentions of the participants the other claim lacks.
fn written_participants<'t>(claim: &Claim, others: &[&str], text: &'t str) -> Vec<&'t str> {
    claim
        .participants
        .iter()
        .filter(|p| !others.contains(&p.entity.as_str()))
        .map(|p| p.span.slice(text).trim())
        .collect()
}

fn time_value(claim: &Claim) -> Option<&str> {
    claim.time.as_ref().map(|t| t.value.as_str())
}

/// The time as written, with its value when the text alone does not show it.
fn time_text(claim: &Claim, text: &str) -> Option<String> {
    claim.time.as_ref().map(|t| {
        let written = t.span.slice(text).trim();
        if written.is_empty() || written == t.value {
            t.value.clone()
        } else {
            format!("{written} ({})", t.value)
        }
    })
}

fn quantity_keys(claim: &Claim) -> Vec<String> {
    let mut keys: Vec<String> = claim.quantities.iter().map(Quantity::key).collect();
    keys.sort_unstable();
    keys
}

fn quantity_text(claim: &Claim, text: &str) -> Option<String> {
    let written: Vec<&str> = claim
        .quantities
        .iter()
        .map(|q| q.span.slice(text).trim())
        .collect();
    list(&written)
}

fn list(items: &[&str]) -> Option<String> {
    if items.is_empty() {
        None
    } else {
        Some(items.join(", "))
    }
}

fn roles(claim: &Claim) -> Vec<(&str, Role)> {
    let mut roles: Vec<(&str, Role)> = claim
        .participants
        .iter()
        .map(|p| (p.entity.as_str(), p.role))
        .collect();
    roles.sort_unstable();
    roles.dedup();
    roles
}

fn role_text(claim: &Claim) -> String {
    roles(claim)
        .iter()
        .map(|(e, r)| {
            let role = match r {
                Role::Agent => "agent",
                Role::Patient => "patient",
                Role::Location => "location",
            };
            format!("{e} ({role})")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn polarity_text(claim: &Claim) -> &'static str {
    match claim.polarity {
        crate::claim::Polarity::Positive => "affirmed",
        crate::claim::Polarity::Negative => "negated",
    }
}

/// Who vouches for the claim, normalized: kind, then the entity id or the source in lowercase
/// without its article; a direct quotation counts as its own kind of attribution.
fn attribution_key(claim: &Claim) -> (SourceKind, String, bool) {
    let a = &claim.attribution;
    let source = match &a.entity {
        Some(entity) => entity.clone(),
        None => {
            let lower = a.source.trim().to_lowercase();
            ["the ", "a ", "an "]
                .iter()
                .find_map(|p| lower.strip_prefix(p).map(str::to_string))
                .unwrap_or(lower)
        }
    };
    (a.kind, source, claim.modality == Modality::Quoted)
}

fn attribution_text(claim: &Claim) -> Option<String> {
    let a = &claim.attribution;
    let mut out = if a.kind == SourceKind::Unattributed {
        None
    } else if a.source.is_empty() {
        Some(format!("{:?}", a.kind).to_lowercase())
    } else {
        Some(a.source.clone())
    };
    if claim.modality == Modality::Quoted {
        out = Some(out.map_or("quoted".to_string(), |s| format!("{s} (quoted)")));
    }
    out
}

fn is_hedged(claim: &Claim) -> bool {
    claim.modality == Modality::Hedged
}

fn modality_text(claim: &Claim) -> &'static str {
    if is_hedged(claim) { "hedged" } else { "firm" }
}

/// When the claims show no difference but the sentences gained or lost cue words — a negation,
/// an attribution ("according to", a verb of saying) or a hedge — the change the extractor did
/// not attach to a claim: the most serious family whose cue count differs, with the cues only
/// the old and only the new sentences hold. A cue swapped for another of its family ("said" →
/// "stated") keeps the count and is no change.
///
/// `claims` are the block's claims on both sides: when one of them carries a source, sourcing is
/// left to the claims, which compared equal, so a source named another way ("according to a
/// report by X" → "X reported") is no change. (Hedges and negations are still counted: a
/// sentence can keep one hedge and lose another.)
pub fn cue_change(
    cues: &Cues,
    old_block: &str,
    new_block: &str,
    claims: &[&Claim],
) -> Option<FieldChange> {
    let (old_lower, new_lower) = (old_block.to_lowercase(), new_block.to_lowercase());
    let attribution: Vec<&String> = cues.source_before.iter().chain(&cues.say_verbs).collect();
    let families: [(Field, Vec<&String>); 3] = [
        (Field::Polarity, cues.negations.iter().collect()),
        (Field::Attribution, attribution),
        (Field::Hedge, cues.hedges.iter().collect()),
    ];
    for (field, words) in families {
        let carried = field == Field::Attribution
            && claims
                .iter()
                .any(|c| c.attribution.kind != SourceKind::Unattributed);
        if carried {
            continue;
        }
        let mut old_total = 0;
        let mut new_total = 0;
        let mut only_old = Vec::new();
        let mut only_new = Vec::new();
        for word in words {
            let (o, n) = (count_words(&old_lower, word), count_words(&new_lower, word));
            old_total += o;
            new_total += n;
            if o > n {
                only_old.push(word.as_str());
            } else if n > o {
                only_new.push(word.as_str());
            }
        }
        if old_total != new_total {
            return Some(FieldChange {
                field,
                old: list(&only_old),
                new: list(&only_new),
            });
        }
    }
    None
}
