//! `restated-fact-conflict`: two sources print nearly the same sentence with a fact changed.
//!
//! ## What it does
//! Wire copy and rewrites restate a story sentence by sentence. Sentences of different
//! articles that share most of their words (blocked by shared word pairs, then aligned word by
//! word) are compared: a differing stretch that holds a number, a date word, a capitalized name,
//! or a negation present on one side only, is a discrepancy citing both stretches. Differences
//! of wording alone ("said" / "told reporters") are not reported, nor are rewordings: one source
//! adding a name or detail where the other has only function words or a pronoun, a different
//! attribution ("he said" / "the CHP said"), one value written two ways ("1000" / "1,000",
//! "6.0" / "6", "eleventh" / "11th"), initials ("CHP" / "California Highway Patrol", "MVP" /
//! "most valuable player"), one measure in two units ("15 miles" / "24km":
//! `grammar::measure`), one day or time named two ways when the time tagger resolves both to
//! it ("Thursday" / "yesterday"), and spellings (contractions, abbreviations, dots of initials,
//! British endings, a compound in one word or two).
//!
//! Numbers and calendar words block as their class ("died Saturday of" and "died Tuesday of"
//! share a pair), so the changed fact itself does not keep two restatements apart. One finding
//! is made a pair of sentences, citing every differing stretch that states a fact: the first
//! alone could be a name written two ways while a date differs further on.
//!
//! ## Parameters
//! - `min-words` (default 8): shorter sentences are not compared.
//! - `min-similarity` (default 0.7): the share of words the two sentences must have in common.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::grammar::measure;
use crate::lexicon::closed;
use crate::report::{Finding, FindingKind};
use crate::rules::builtin::{Kind, common_words};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::text::segment;
use crate::text::span::Span;

pub(super) const KIND: Kind = Kind {
    name: "restated-fact-conflict",
    summary: "near-identical sentences of two sources that differ in a number, date, name or negation",
    parameters: &[("min-words", 8.0), ("min-similarity", 0.7)],
    run,
};

/// Word pairs shared by more sentences than this are too common to block on.
const MAX_POSTINGS: usize = 64;

/// Short words that carry no story.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from",
    "that", "this", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its",
    "as", "he", "she", "they", "his", "her", "their", "said", "says",
];

const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow"];

const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

/// Number words beyond the cardinals of `lexicon::closed`.
const SCALE_WORDS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "billion",
];

/// A word of a sentence: its lower-case form and where it is.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub(super) lower: String,
    pub(super) span: Span,
    capitalized: bool,
    /// Written in capitals ("MVP", "DWI"): initials, when a stretch is nothing else.
    all_caps: bool,
}

pub(super) fn words(text: &str, sentence: Span) -> Vec<Word> {
    let slice = sentence.slice(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    // A word ends without its trailing period, comma or apostrophe; a curly apostrophe reads
    // as a straight one ("India’s" = "India's").
    let push = |a: usize, b: usize, out: &mut Vec<Word>| {
        let w = slice[a..b].trim_end_matches(['.', ',', '\'', '’']);
        if w.is_empty() {
            return;
        }
        let mut lower = w.to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        out.push(Word {
            lower,
            span: Span::new(sentence.start + a, sentence.start + a + w.len()),
            capitalized: w.chars().next().is_some_and(char::is_uppercase),
            all_caps: w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase),
        });
    };
    for (i, c) in slice.char_indices() {
        let part = c.is_alphanumeric() || (start.is_some() && matches!(c, '.' | ',' | '\'' | '’'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                push(a, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        push(a, slice.len(), &mut out);
    }
    out
}

/// Whether a stretch of words states a fact: a number, a date word, a name (not the first word
/// of the sentence), or a negation.
fn factual(stretch: &[Word], first_index: usize) -> bool {
    stretch
        .iter()
        .enumerate()
        .any(|(k, w)| factual_word(w, first_index + k == 0))
}

/// Whether one word states a fact (see [`factual`]); a capital opening the sentence names
/// nothing.
fn factual_word(w: &Word, opens_sentence: bool) -> bool {
    w.lower.chars().any(|c| c.is_ascii_digit())
        || closed::is_calendar_name(&w.lower)
        || RELATIVE_DAYS.contains(&w.lower.as_str())
        || closed::cardinal_value(&w.lower).is_some()
        || SCALE_WORDS.contains(&w.lower.as_str())
        || NEGATIONS.contains(&w.lower.as_str())
        || w.lower.ends_with("n't")
        || (w.capitalized && !opens_sentence)
}

/// Whether two differing stretches state one fact written two ways: one measure in two units
/// ("15 miles" / "24km", "600 metres (2,000 feet)" / "600m"), one number in two writings
/// ("6.0" / "6", "six" / "6"), or one time named two ways ("Friday" / "yesterday" when both
/// resolve to the same day, "9.25 a.m." / "9:25"). Every word of either stretch that states a
/// fact must be part of what is compared.
fn same_fact(x: Stated<'_>, y: Stated<'_>) -> bool {
    same_measures(x.words, y.words) || same_number(x.words, y.words) || same_times(&x, &y)
}

/// One side of a differing stretch: its words and the time expressions of its article.
struct Stated<'a> {
    words: &'a [Word],
    /// Where the stretch starts in its sentence (0: a capital there names nothing).
    index: usize,
    times: &'a [crate::temporal::Timex],
}

/// Whether every measure of each stretch is one of the other's in other units, and the
/// stretches state nothing else.
fn same_measures(x: &[Word], y: &[Word]) -> bool {
    let read = |s: &[Word]| {
        let lower: Vec<&str> = s.iter().map(|w| w.lower.as_str()).collect();
        let found = measure::measures(&lower);
        // Nothing else of the stretch may state a fact ("(" and "about" may stay).
        let rest_plain = s.iter().enumerate().all(|(k, w)| {
            found.iter().any(|(_, taken)| taken.contains(&k)) || !factual_word(w, false)
        });
        rest_plain.then_some(found)
    };
    let (Some(mx), Some(my)) = (read(x), read(y)) else {
        return false;
    };
    let covered = |a: &[(measure::Measure, std::ops::Range<usize>)],
                   b: &[(measure::Measure, std::ops::Range<usize>)]| {
        a.iter().all(|(m, _)| b.iter().any(|(n, _)| m.same_as(n)))
    };
    !mx.is_empty() && !my.is_empty() && covered(&mx, &my) && covered(&my, &mx)
}

/// Whether both stretches are one number, or one ordinal, of equal value.
fn same_number(x: &[Word], y: &[Word]) -> bool {
    use crate::grammar::number::{parse_cardinal, parse_ordinal};
    let (cardinal, ordinal) = (
        |s: &[Word]| match s {
            [one] => parse_cardinal(&one.lower),
            _ => None,
        },
        |s: &[Word]| match s {
            [one] => parse_ordinal(&one.lower),
            _ => None,
        },
    );
    matches!((cardinal(x), cardinal(y)), (Some(a), Some(b)) if a == b)
        || matches!((ordinal(x), ordinal(y)), (Some(a), Some(b)) if a == b)
}

/// The time expressions a stretch's words overlap, when every word of it that states a fact
/// lies in one of them.
fn times_of<'a>(side: &Stated<'a>) -> Option<Vec<&'a crate::temporal::Timex>> {
    let span = cover(side.words)?;
    let times: Vec<&crate::temporal::Timex> = side
        .times
        .iter()
        .filter(|t| t.span.overlaps(span))
        .collect();
    let all_in = side.words.iter().enumerate().all(|(k, w)| {
        !factual_word(w, side.index + k == 0) || times.iter().any(|t| t.span.overlaps(w.span))
    });
    (!times.is_empty() && all_in).then_some(times)
}

/// Whether both stretches state only times, and each time of one has a partner of the same
/// days and clock time in the other.
fn same_times(x: &Stated<'_>, y: &Stated<'_>) -> bool {
    let (Some(tx), Some(ty)) = (times_of(x), times_of(y)) else {
        return false;
    };
    // The clock time ("T09:25", "TNI") and the days, or the whole value when a side has no
    // days (a duration, a date without its year).
    let same = |a: &crate::temporal::Timex, b: &crate::temporal::Timex| {
        let clock = |v: &str| v.split_once('T').map(|(_, c)| c.to_string());
        clock(&a.value) == clock(&b.value)
            && match (a.interval, b.interval) {
                (Some(i), Some(j)) => i.start == j.start && i.end == j.end,
                _ => a.value == b.value,
            }
    };
    tx.iter().all(|a| ty.iter().any(|b| same(a, b)))
        && ty.iter().all(|b| tx.iter().any(|a| same(a, b)))
}

/// Words that name nothing a source could get wrong: function words, pronouns and honorifics.
/// A stretch of them against a name or a detail is one source saying more ("he said" / "the
/// CHP said", "a" / "a Southern", "his" / "LaCalamita's"), not a conflict.
pub(super) const EMPTY: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from",
    "that", "this", "these", "those", "is", "was", "were", "are", "be", "been", "has", "have",
    "had", "it", "its", "as", "he", "she", "they", "his", "her", "their", "him", "them", "we",
    "us", "our", "i", "you", "your", "who", "which", "but", "also", "then", "there", "mr", "mrs",
    "ms", "dr", "'s",
];

/// Words of attribution: a stretch holding one differs in who is cited or how, not in the fact.
pub(super) const ATTRIBUTION: &[&str] = &["said", "says", "say", "told", "according", "stated"];

/// Whether two differing stretches are a rewording rather than a changed fact: one side only
/// adds words to what the other leaves empty (no negation among them), the stretches differ in
/// attribution, they are one value written two ways ("1000" / "1,000", "NBA" / "NBA's"), or one
/// is the initials of the other ("CHP" / "California Highway Patrol").
fn is_rewording(x: &[Word], y: &[Word]) -> bool {
    let empty = |s: &[Word]| s.iter().all(|w| EMPTY.contains(&w.lower.as_str()));
    let negated = |s: &[Word]| {
        s.iter()
            .any(|w| NEGATIONS.contains(&w.lower.as_str()) || w.lower.ends_with("n't"))
    };
    let attribution = |s: &[Word]| s.iter().any(|w| ATTRIBUTION.contains(&w.lower.as_str()));
    let plain = |s: &[Word]| -> Vec<String> {
        s.iter()
            .map(|w| {
                w.lower
                    .trim_end_matches("'s")
                    .chars()
                    .filter(|c| *c != ',')
                    .collect()
            })
            .filter(|w: &String| !w.is_empty() && !EMPTY.contains(&w.as_str()))
            .collect()
    };
    // Initials against the capitalized words they stand for ("CHP" / "California Highway
    // Patrol"); initials written in capitals also against lower-case words ("MVP" / "most
    // valuable player", "DWI" / "driving while intoxicated").
    let initials = |short: &[Word], long: &[Word]| {
        let [one] = short else { return false };
        let of = |words: &mut dyn Iterator<Item = &Word>| -> String {
            words.filter_map(|w| w.lower.chars().next()).collect()
        };
        let capitals = of(&mut long.iter().filter(|w| w.capitalized));
        let every = of(&mut long.iter().filter(|w| !EMPTY.contains(&w.lower.as_str())));
        (capitals.len() > 1 && capitals == one.lower)
            || (one.all_caps && every.len() > 1 && every == one.lower)
    };
    ((empty(x) || empty(y)) && !negated(x) && !negated(y))
        || attribution(x)
        || attribution(y)
        || plain(x) == plain(y)
        || spelled(&plain(x)) == spelled(&plain(y))
        || initials(x, y)
        || initials(y, x)
}

/// Common abbreviations and the words they stand for (the short form is kept).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("mount", "mt"),
    ("street", "st"),
    ("saint", "st"),
    ("avenue", "ave"),
    ("road", "rd"),
    ("boulevard", "blvd"),
    ("governor", "gov"),
    ("senator", "sen"),
    ("representative", "rep"),
    ("general", "gen"),
    ("lieutenant", "lt"),
    ("colonel", "col"),
    ("captain", "capt"),
    ("sergeant", "sgt"),
    ("department", "dept"),
    ("university", "univ"),
    ("company", "co"),
    ("corporation", "corp"),
    ("incorporated", "inc"),
    ("junior", "jr"),
    ("okay", "ok"),
];

/// Words as one spelling: contractions spelled out ("couldn't" / "could not", "won't" / "will
/// not", "cannot" / "can not"), abbreviations shortened ("Mount" / "Mt"), and the words joined,
/// so that a compound written in one word or two ("websites" / "Web sites") reads alike. Two
/// numbers stay apart: "20 10" is not "2010".
pub(super) fn spelled(words: &[String]) -> String {
    let mut out = String::new();
    for word in words {
        let word = word.as_str();
        if out.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push(' ');
        }
        let (stem, not) = match word {
            "won't" => ("will", true),
            "can't" | "cannot" => ("can", true),
            "shan't" => ("shall", true),
            _ => match word.strip_suffix("n't") {
                Some(stem) => (stem, true),
                None => (word, false),
            },
        };
        let stem = ABBREVIATIONS
            .iter()
            .find(|(long, _)| *long == stem)
            .map_or(stem, |(_, short)| short);
        // Dots of initials ("A.J." / "AJ"); a number keeps its point ("1.2" is not "12").
        let stem: String = if stem.chars().any(|c| c.is_ascii_digit()) {
            stem.to_string()
        } else {
            american(&stem.replace('.', ""))
        };
        out.push_str(&stem);
        if not {
            out.push_str("not");
        }
    }
    out
}

/// A word in American spelling, for the endings whose British and American forms differ
/// regularly in words of six letters or more: "colour" / "color", "neighbourhood" /
/// "neighborhood", "centre" / "center", "defence" / "defense". Short words are left alone
/// ("four", "hour", "acre").
fn american(word: &str) -> String {
    if word.chars().count() < 6 {
        return word.to_string();
    }
    for (british, american) in [("our", "or"), ("tre", "ter"), ("ence", "ense")] {
        for tail in ["", "s", "ed", "ing", "hood", "ite", "ites"] {
            if let Some(stem) = word
                .strip_suffix(tail)
                .and_then(|w| w.strip_suffix(british))
            {
                // "-ence" is British only after f and c ("defence", "licence"): "presence".
                let regular = british != "ence" || stem.ends_with(['f', 'c']);
                if stem.len() >= 3 && regular {
                    return format!("{stem}{american}{tail}");
                }
            }
        }
    }
    word.to_string()
}

/// The word as a blocking key: a number or a calendar word stands for its class, so that the
/// very fact that differs ("died Saturday of" / "died Tuesday of") does not keep two
/// restatements from meeting.
fn block_word(word: &str) -> &str {
    if word.chars().any(|c| c.is_ascii_digit()) || closed::cardinal_value(word).is_some() {
        "#"
    } else if closed::is_calendar_name(word) || RELATIVE_DAYS.contains(&word) {
        "@"
    } else {
        word
    }
}

fn cover(stretch: &[Word]) -> Option<Span> {
    let first = stretch.first()?;
    Some(first.span.cover(stretch.last()?.span))
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let min_words = rule.number("min-words", 8.0) as usize;
    let min_similarity = rule.number("min-similarity", 0.7);
    // Every sentence of every article, as words.
    let mut sentences: Vec<(usize, Vec<Word>)> = Vec::new();
    for (article, a) in cx.articles.iter().enumerate() {
        let paragraphs = segment::segment(&a.text, &[]);
        for s in segment::sentences(&paragraphs) {
            let w = words(&a.text, s.span);
            if w.len() >= min_words {
                sentences.push((article, w));
            }
        }
    }
    // Each sentence as its lower-case words, and the first sentence written with the same
    // words: wire copy repeats sentences word for word, and a pair of word sequences is
    // aligned once however many articles print it.
    let lower: Vec<Vec<&str>> = sentences
        .iter()
        .map(|(_, w)| w.iter().map(|w| w.lower.as_str()).collect())
        .collect();
    let mut first_of: HashMap<&[&str], usize> = HashMap::with_capacity(lower.len());
    let distinct: Vec<usize> = lower
        .iter()
        .enumerate()
        .map(|(i, l)| *first_of.entry(l.as_slice()).or_insert(i))
        .collect();
    // Block on pairs of adjacent content words.
    let mut postings: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, words) in lower.iter().enumerate() {
        let content: Vec<&str> = words
            .iter()
            .filter(|w| !STOP.contains(w))
            .map(|w| block_word(w))
            .collect();
        let pairs: BTreeSet<(&str, &str)> = content.windows(2).map(|p| (p[0], p[1])).collect();
        for pair in pairs {
            postings.entry(pair).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
        for (k, &x) in list.iter().enumerate() {
            for &y in &list[k + 1..] {
                if sentences[x].0 != sentences[y].0 {
                    *shared.entry((x, y)).or_default() += 1;
                }
            }
        }
    }
    let mut candidates: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(pair, _)| pair)
        .collect();
    candidates.sort_unstable();
    // Ages, magnitudes and other attributes are compared by the attribute rule, with its
    // tolerances: a sentence differing only there is its finding, not this rule's.
    let attribute_spans: Vec<Vec<Span>> = cx
        .claims
        .iter()
        .map(|claims| {
            claims
                .iter()
                .filter(|c| c.is_attribute())
                .flat_map(|c| {
                    std::iter::once(c.event.span).chain(c.quantities.iter().map(|q| q.span))
                })
                .collect()
        })
        .collect();
    let is_attribute = |article: usize, stretch: &[Word]| {
        cover(stretch).is_some_and(|span| {
            attribute_spans
                .get(article)
                .is_some_and(|spans| spans.iter().any(|s| s.overlaps(span)))
        })
    };
    // The word alignment of two distinct sentences, `None` when they are too unlike.
    let align = |lx: &[&str], ly: &[&str]| -> Option<Vec<DiffOp>> {
        let longer = lx.len().max(ly.len()) as f64;
        if (common_words(lx, ly) as f64) < min_similarity * longer {
            return None;
        }
        let ops = capture_diff_slices(Algorithm::Myers, lx, ly);
        let equal: usize = ops
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum();
        ((equal as f64) >= min_similarity * longer).then_some(ops)
    };
    let mut alignments: HashMap<(usize, usize), Option<Vec<DiffOp>>> = HashMap::new();
    let mut findings = Vec::new();
    for (x, y) in candidates {
        let ((ax, wx), (ay, wy)) = (&sentences[x], &sentences[y]);
        let (dx, dy) = (distinct[x], distinct[y]);
        // The same sentence word for word (wire copy) differs in nothing.
        if dx == dy {
            continue;
        }
        let Some(ops) = alignments
            .entry((dx, dy))
            .or_insert_with(|| align(&lower[dx], &lower[dy]))
        else {
            continue;
        };
        // Every differing stretch that states a fact, as the two spans: one finding a pair of
        // sentences, citing each of them.
        let mut stretches: Vec<(Span, Span)> = Vec::new();
        for op in ops.iter() {
            let (old, new) = match *op {
                DiffOp::Equal { .. } => continue,
                DiffOp::Delete {
                    old_index,
                    old_len,
                    new_index,
                } => (old_index..old_index + old_len, new_index..new_index),
                DiffOp::Insert {
                    old_index,
                    new_index,
                    new_len,
                } => (old_index..old_index, new_index..new_index + new_len),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => (
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ),
            };
            let (sx, sy) = (&wx[old.clone()], &wy[new.clone()]);
            let side = |article: usize, words, index| Stated {
                words,
                index,
                times: &cx.times[article],
            };
            if (!factual(sx, old.start) && !factual(sy, new.start))
                || is_attribute(*ax, sx)
                || is_attribute(*ay, sy)
                || is_rewording(sx, sy)
                || same_fact(side(*ax, sx, old.start), side(*ay, sy, new.start))
            {
                continue;
            }
            // An insertion is shown against the word it would follow.
            let span_x = cover(sx).or_else(|| wx.get(old.start.saturating_sub(1)).map(|w| w.span));
            let span_y = cover(sy).or_else(|| wy.get(new.start.saturating_sub(1)).map(|w| w.span));
            let (Some(span_x), Some(span_y)) = (span_x, span_y) else {
                continue;
            };
            stretches.push((span_x, span_y));
        }
        if stretches.is_empty() {
            continue;
        }
        let (text_x, text_y) = (&cx.articles[*ax].text, &cx.articles[*ay].text);
        let (id_x, id_y) = (cx.articles[*ax].id.as_str(), cx.articles[*ay].id.as_str());
        let mut message = String::new();
        let mut evidence = Vec::new();
        // The fingerprint of a single stretch is the one it has always had: code, article, text,
        // article, text.
        let mut key = vec![rule.spec.code.as_str(), id_x];
        for (k, &(span_x, span_y)) in stretches.iter().enumerate() {
            let (tx, ty) = (span_x.slice(text_x), span_y.slice(text_y));
            if k == 0 {
                message =
                    format!("the same sentence reads \"{tx}\" in {id_x} but \"{ty}\" in {id_y}");
            } else {
                message.push_str(&format!("; \"{tx}\" but \"{ty}\""));
            }
            evidence.push(crate::report::Evidence::new(id_x, span_x, text_x, "reads"));
            evidence.push(crate::report::Evidence::new(id_y, span_y, text_y, "reads"));
            if k == 0 {
                key.extend([tx, id_y, ty]);
            } else {
                key.extend([tx, ty]);
            }
        }
        let mut finding = cx.finding(rule, FindingKind::Discrepancy, message, &[], evidence);
        finding.fingerprint = cx.fingerprint(&key);
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(text: &str) -> String {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        spelled(&words)
    }

    #[test]
    fn spellings_of_one_wording_read_alike() {
        assert_eq!(spell("couldn't"), spell("could not"));
        assert_eq!(spell("won't"), spell("will not"));
        assert_eq!(spell("cannot"), spell("can not"));
        assert_eq!(spell("mount cook"), spell("mt cook"));
        assert_eq!(spell("web sites"), spell("websites"));
        assert_ne!(spell("could"), spell("could not"));
        assert_ne!(spell("20 10"), spell("2010"));
        assert_eq!(spell("a.j"), spell("aj"));
        assert_ne!(spell("1.2"), spell("12"));
        assert_eq!(spell("technicolour"), spell("technicolor"));
        assert_eq!(spell("neighbourhood"), spell("neighborhood"));
        assert_eq!(spell("centre"), spell("center"));
        assert_eq!(spell("defence"), spell("defense"));
        assert_ne!(spell("four"), spell("for"));
        assert_ne!(spell("presence"), spell("presense"));
    }

    #[test]
    fn one_number_in_two_writings_is_one_fact() {
        let words = |text: &str| words(text, Span::new(0, text.len()));
        assert!(same_number(&words("6.0"), &words("6")));
        assert!(same_number(&words("six"), &words("6")));
        assert!(!same_number(&words("6"), &words("9")));
        assert!(same_number(&words("eleventh"), &words("11th")));
        assert!(!same_number(&words("second"), &words("3rd")));
        assert!(same_measures(&words("15 miles"), &words("24km")));
        assert!(!same_measures(
            &words("15 miles on Friday"),
            &words("24km on Monday")
        ));
    }
}
