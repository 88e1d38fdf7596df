//! Numbers and quantities: cardinals in digits and words, with approximators and units, turned
//! into intervals with bounds.
//!
//! "two" is [2, 2]; "more than 24" is (24, ∞); "nearly 24" is [21.6, 24) (10% below, the amount
//! itself excluded); "about 300" is [270, 330]; "at least 5" is [5, ∞); "up to 5" is [0, 5];
//! "dozens" is [24, 144), "hundreds" [200, 1000). The tolerance for "nearly" and "about" is a
//! convention, documented here and in the quantity rule, not a fact about English.
//!
//! Money and shares get normalized units: "$4 million", "4 million dollars", "€20m", "£3.5bn"
//! are `usd`, `eur` and `gbp` amounts (the "m"/"bn" shorthand is read only after a currency
//! sign, where it cannot be metres); "12 percent", "12%", "12 per cent" are `percent`. A number
//! after "magnitude" ("a magnitude 6.1 quake") counts `magnitude`, not quakes.

use nom::branch::alt;
use nom::character::complete::{alpha1, char, digit1};
use nom::combinator::{all_consuming, map_res, opt, recognize};
use nom::multi::many0;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

use crate::claim::Quantity;
use crate::grammar::token::Token;
use crate::temporal::Bound;

/// Relative width of "about" and "nearly".
pub const APPROX_TOLERANCE: f64 = 0.10;

const UNITS: [(&str, u64); 20] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: [(&str, u64); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const SCALES: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Whether `word` is a number's scale ("million", "thousand"): part of an amount, not of what
/// it counts.
pub fn is_scale(word: &str) -> bool {
    SCALES.iter().any(|(w, _)| *w == word)
}

/// Shorthand scales glued to a number after a currency sign: "€20m", "£3.5bn", "$40k".
const SHORT_SCALES: [(&str, f64); 7] = [
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("tn", 1e12),
];

/// The currency a sign stands for.
fn currency_of(sign: &str) -> Option<&'static str> {
    match sign {
        "$" => Some("usd"),
        "€" => Some("eur"),
        "£" => Some("gbp"),
        _ => None,
    }
}

/// Vague plural amounts: "dozens of", "hundreds of".
const VAGUE: [(&str, f64, f64); 6] = [
    ("dozens", 24.0, 144.0),
    ("scores", 40.0, 200.0),
    ("hundreds", 200.0, 1000.0),
    ("thousands", 2000.0, 10000.0),
    ("millions", 2e6, 1e7),
    ("billions", 2e9, 1e10),
];

fn word_in(table: &[(&str, u64)], word: &str) -> Option<u64> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// A number written in digits: "24", "1,200", "3.5".
fn digits(input: &str) -> IResult<&str, f64> {
    map_res(
        recognize((
            digit1,
            many0(preceded(char(','), digit1)),
            opt(pair(char('.'), digit1)),
        )),
        |text: &str| text.replace(',', "").parse::<f64>(),
    )
    .parse(input)
}

/// A number under one hundred written in words: "seven", "twenty-four".
fn number_word(input: &str) -> IResult<&str, f64> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Tag));
    let (rest, word): (&str, &str) = alpha1(input)?;
    if let Some(tens) = word_in(&TENS, word) {
        let unit: IResult<&str, &str> = preceded(char('-'), alpha1).parse(rest);
        if let Ok((after, unit)) = unit {
            if let Some(u) = word_in(&UNITS, unit).filter(|u| (1..10).contains(u)) {
                return Ok((after, (tens + u) as f64));
            }
        }
        return Ok((rest, tens as f64));
    }
    word_in(&UNITS, word)
        .map(|v| (rest, v as f64))
        .ok_or_else(fail)
}

/// The first letters of the number words (`UNITS`, `TENS`), one bit each from `a`.
const NUMBER_INITIALS: u32 = {
    let mut set = 0u32;
    let mut i = 0;
    while i < UNITS.len() {
        set |= 1 << (UNITS[i].0.as_bytes()[0].to_ascii_lowercase() - b'a');
        i += 1;
    }
    let mut i = 0;
    while i < TENS.len() {
        set |= 1 << (TENS[i].0.as_bytes()[0].to_ascii_lowercase() - b'a');
        i += 1;
    }
    set
};

/// Parses one token as a cardinal number ("24", "1,200", "twenty-four", "twelve").
pub fn parse_cardinal(token: &str) -> Option<f64> {
    // This runs for most tokens: a number starts with a digit or a number word's first letter.
    let first = *token.as_bytes().first()?;
    let lower = first.to_ascii_lowercase();
    let number_start = first.is_ascii_digit()
        || (lower.is_ascii_lowercase() && NUMBER_INITIALS & (1 << (lower - b'a')) != 0);
    if !number_start {
        return None;
    }
    all_consuming(alt((digits, number_word)))
        .parse(token)
        .ok()
        .map(|(_, v)| v)
}

/// Parses a number with a glued shorthand scale ("20m", "3.5bn", "40k"), as written after a
/// currency sign.
pub fn parse_scaled(token: &str) -> Option<f64> {
    let split = token
        .char_indices()
        .find(|(_, c)| c.is_ascii_alphabetic())
        .map(|(i, _)| i)?;
    let (number, suffix) = token.split_at(split);
    let scale = SHORT_SCALES
        .iter()
        .find(|(s, _)| s.eq_ignore_ascii_case(suffix))
        .map(|&(_, scale)| scale)?;
    let value = all_consuming(digits).parse(number).ok()?.1;
    Some(value * scale)
}

/// The first money amount or percentage written in `text`, with its bounds: "about $4
/// million" → 4,000,000 usd in [3.6e6, 4.4e6]. Other quantities are passed over.
pub fn parse_amount(text: &str) -> Option<Quantity> {
    let tokens = crate::grammar::token::tokenize(text, 0);
    find_quantities(&tokens, |_| false)
        .into_iter()
        .find(|q| matches!(q.unit.as_deref(), Some("usd" | "eur" | "gbp" | "percent")))
}

/// Parses an ordinal token ("first", "3rd") as its number.
pub fn parse_ordinal(token: &str) -> Option<u32> {
    const ORDINALS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    let lower = token.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|&o| o == lower) {
        return Some(i as u32 + 1);
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    (matches!(suffix, "st" | "nd" | "rd" | "th"))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Multi-word approximators, longest first, with the bound they set.
const APPROXIMATORS: [(&[&str], Bound); 27] = [
    (&["no", "more", "than"], Bound::AtMost),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["as", "many", "as"], Bound::AtMost),
    (&["more", "than"], Bound::MoreThan),
    (&["greater", "than"], Bound::MoreThan),
    (&["upwards", "of"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["at", "least"], Bound::AtLeast),
    (&["at", "most"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["fewer", "than"], Bound::LessThan),
    (&["less", "than"], Bound::LessThan),
    (&["just", "under"], Bound::LessThan),
    (&["just", "over"], Bound::MoreThan),
    (&["close", "to"], Bound::LessThan),
    (&["nearly"], Bound::LessThan),
    (&["almost"], Bound::LessThan),
    (&["under"], Bound::LessThan),
    (&["over"], Bound::MoreThan),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["roughly"], Bound::About),
    (&["approximately"], Bound::About),
    (&["some"], Bound::About),
    (&["an", "estimated"], Bound::About),
    // "the estimated $1 million", "estimated 300 people": an estimate, whatever the determiner.
    (&["estimated"], Bound::About),
];

/// The approximator ending right before token `at`, with its first token index.
pub fn approximator_before(tokens: &[Token<'_>], at: usize) -> Option<(usize, Bound)> {
    APPROXIMATORS.iter().find_map(|(words, bound)| {
        let start = at.checked_sub(words.len())?;
        let matches = tokens[start..at]
            .iter()
            .zip(words.iter())
            .all(|(t, w)| t.text.eq_ignore_ascii_case(w));
        matches.then_some((start, *bound))
    })
}

/// The interval `[low, high]` a bounded amount allows.
pub fn bounds(value: f64, bound: Bound) -> (f64, f64) {
    match bound {
        Bound::Exact => (value, value),
        Bound::MoreThan | Bound::AtLeast => (value, f64::INFINITY),
        Bound::LessThan => (value * (1.0 - APPROX_TOLERANCE), value),
        Bound::AtMost => (0.0, value),
        Bound::About => (
            value * (1.0 - APPROX_TOLERANCE),
            value * (1.0 + APPROX_TOLERANCE),
        ),
    }
}

/// Whether two bounded amounts can both be true. Strict bounds exclude their end point:
/// "more than 24" and "nearly 24" cannot both hold.
pub fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let strict_low = |q: &Quantity| q.bound == Bound::MoreThan;
    let strict_high = |q: &Quantity| q.bound == Bound::LessThan;
    // a must not lie entirely below b, nor entirely above.
    let a_below_b = a.high < b.low || (a.high == b.low && (strict_high(a) || strict_low(b)));
    let b_below_a = b.high < a.low || (b.high == a.low && (strict_high(b) || strict_low(a)));
    !(a_below_b || b_below_a)
}

/// Words ending in `s` that are no plural of a word without it.
const NOT_PLURAL: &[&str] = &["news", "series", "species", "means", "always", "perhaps"];

/// Whether a word ending in `s` is no plural: "-ss", "-us", "-is" ("glass", "plus", "bus",
/// "status", "crisis"), "news", "series".
pub fn is_singular_in_s(word: &str) -> bool {
    word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
        || NOT_PLURAL.contains(&word)
}

/// Singular unit names for counted nouns.
pub fn unit_of(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let unit = match lower.as_str() {
        "people" | "persons" | "person" | "civilians" | "civilian" | "men" | "women"
        | "children" | "victims" | "residents" | "soldiers" | "troops" | "students"
        | "passengers" | "workers" | "employees" | "staff" | "protesters" | "patients"
        | "pupils" | "adults" | "others" | "individuals" | "fans" | "inmates" | "prisoners"
        | "dead" | "hostages" | "migrants" | "refugees" | "suspects" | "officers"
        | "firefighters" => "person",
        "%" | "percent" | "per" | "pct" => "percent",
        "dollars" | "dollar" | "usd" => "usd",
        "euros" | "euro" => "eur",
        "pounds" => "gbp",
        "times" | "time" => "times",
        "once" | "twice" => "times",
        "magnitude" => "magnitude",
        _ => {
            let stem = lower.strip_suffix("ies").map(|s| format!("{s}y"));
            return Some(stem.unwrap_or_else(|| {
                lower
                    .strip_suffix('s')
                    .filter(|s| s.len() > 2 && !is_singular_in_s(&lower))
                    .unwrap_or(&lower)
                    .to_string()
            }))
            .filter(|u| u.chars().all(char::is_alphabetic) && u.len() > 1);
        }
    };
    Some(unit.to_string())
}

/// The quantities among `tokens`, skipping those whose span `is_taken` (time expressions).
pub fn find_quantities(
    tokens: &[Token<'_>],
    is_taken: impl Fn(crate::text::span::Span) -> bool,
) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let (value, high_vague, mut last) = match vague_or_cardinal(tokens, i) {
            Some(parsed) => parsed,
            None => {
                i += 1;
                continue;
            }
        };
        if is_taken(token.span) || clock_time(tokens, i, last) {
            i = last + 1;
            continue;
        }
        let currency = i.checked_sub(1).and_then(|p| currency_of(tokens[p].text));
        // "about $4 million": the approximator stands before the sign.
        let sign = usize::from(currency.is_some());
        let (first, bound) =
            approximator_before(tokens, i - sign).unwrap_or((i - sign, Bound::Exact));
        let mut unit = currency.map(str::to_string);
        if matches!(token.text.to_ascii_lowercase().as_str(), "once" | "twice") {
            unit = Some("times".to_string());
        }
        // "a magnitude 6.1 quake", "magnitude of 5.9": the number measures the magnitude.
        let magnitude_before = (1..=2).any(|back| {
            first
                .checked_sub(back)
                .is_some_and(|p| tokens[p].text.eq_ignore_ascii_case("magnitude"))
                && (back == 1 || tokens[first - 1].text.eq_ignore_ascii_case("of"))
        });
        if magnitude_before {
            unit = Some("magnitude".to_string());
        }
        let number_last = last;
        let mut next = last + 1;
        if tokens
            .get(next)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
        {
            next += 1;
        }
        if unit.is_none() {
            if let Some(t) = tokens.get(next).filter(|t| t.is_word() || t.text == "%") {
                if parse_cardinal(t.text).is_none() {
                    // "two world powers", "13 fully loaded magazines": the counted noun is the
                    // plural after its modifiers.
                    match plural_head(tokens, next) {
                        Some(h) => {
                            unit = unit_of(tokens[h].text);
                            last = h;
                        }
                        // "8900 is the thinnest", "one of the hostages": a word that ends
                        // a phrase is not what the number counts.
                        None if PHRASE_STOPS.iter().any(|w| w.eq_ignore_ascii_case(t.text)) => {}
                        None => {
                            unit = unit_of(t.text);
                            last = next;
                            // "12 per cent"; "12 per day" counts nothing.
                            if t.text.eq_ignore_ascii_case("per") {
                                if tokens
                                    .get(next + 1)
                                    .is_some_and(|c| c.text.eq_ignore_ascii_case("cent"))
                                {
                                    last = next + 1;
                                } else {
                                    unit = None;
                                }
                            }
                        }
                    }
                }
            }
        }
        if quake_measuring(tokens, first, value) {
            // "an earthquake measuring 4.6 rattled ...": the word after the reading is no unit.
            unit = Some("magnitude".to_string());
            last = number_last;
        } else if measures_a_quake(tokens, last, value, unit.as_deref()) {
            unit = Some("magnitude".to_string());
        }
        let (low, high) = match high_vague {
            Some(high) => (value, high),
            None => bounds(value, bound),
        };
        let span = tokens[first].span.cover(tokens[last].span);
        if !is_taken(span) {
            found.push(Quantity {
                span,
                value,
                bound,
                low,
                high,
                unit,
            });
        }
        i = last + 1;
    }
    found
}

/// Words for an earthquake: a number below [`MAGNITUDE_SCALE_TOP`] before one measures it.
const QUAKE_WORDS: &[&str] = &["quake", "earthquake", "tremor", "temblor", "aftershock"];

/// Verbs that give a quake's reading right after them: "an earthquake measuring 4.6".
const MEASURING_VERBS: &[&str] = &["measuring", "measured", "registering", "registered"];

/// The top of the magnitude scales news reports quakes on.
const MAGNITUDE_SCALE_TOP: f64 = 10.0;

/// Whether the number starting at token `first` is a reading a quake word gives right before
/// it: "an earthquake measuring 4.6 rattled ...", "a tremor registering 3.8 shook ...".
fn quake_measuring(tokens: &[Token<'_>], first: usize, value: f64) -> bool {
    let word_at = |k: usize| first.checked_sub(k).and_then(|k| tokens.get(k));
    let is_quake_word = |k: usize| {
        word_at(k).is_some_and(|t| {
            let word = t.text.to_ascii_lowercase();
            QUAKE_WORDS.contains(&word.strip_suffix('s').unwrap_or(&word))
        })
    };
    value < MAGNITUDE_SCALE_TOP
        && word_at(1)
            .is_some_and(|t| MEASURING_VERBS.contains(&t.text.to_ascii_lowercase().as_str()))
        && (2..=3).any(is_quake_word)
}

/// Whether a number whose statement ends at token `last` is a quake's magnitude written without
/// the word: "a 4.7 quake" (no count of quakes: a count is whole), "measuring 4.7 (degrees) on
/// the Richter scale". Outlets write one magnitude all three ways, with and without "magnitude",
/// and a comparison needs the one unit.
fn measures_a_quake(tokens: &[Token<'_>], last: usize, value: f64, unit: Option<&str>) -> bool {
    if value >= MAGNITUDE_SCALE_TOP {
        return false;
    }
    let quake_noun = unit.is_some_and(|u| QUAKE_WORDS.contains(&u)) && value.fract() != 0.0;
    let word = |k: usize, w: &str| {
        tokens
            .get(k)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
    };
    let richter = matches!(unit, None | Some("degree"))
        && word(last + 1, "on")
        && word(last + 2, "the")
        && word(last + 3, "richter");
    quake_noun || richter
}

/// Time zones and clock markers: a number before one is a time of day ("0735 GMT", "10 a.m.
/// local time"), not a count.
const CLOCK_MARKERS: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
    "eet", "ist", "jst", "aest", "hrs", "a.m.", "p.m.", "a.m", "p.m", "am", "pm",
];

/// Whether the number at tokens `first..=last` is a time of day: followed by a time zone or a
/// clock marker, written as a four-digit 24-hour time with a leading zero ("0735"), or part of
/// a clock reading ("7:41").
fn clock_time(tokens: &[Token<'_>], first: usize, last: usize) -> bool {
    let text = tokens[first].text;
    let four_digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    if four_digits && text.starts_with('0') {
        return true;
    }
    let marker = |t: &Token<'_>| CLOCK_MARKERS.contains(&t.text.to_lowercase().as_str());
    let local_time = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("local"))
            && tokens
                .get(at + 1)
                .is_some_and(|t| t.text.eq_ignore_ascii_case("time"))
    };
    let digits = |t: &Token<'_>| !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_digit());
    let touching = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
    // "7:41" written as one reading (a clock time, or a game clock: "with 7:41 left"): digits,
    // a colon and digits, with no space between.
    let colon_then_digits = |colon: usize, other: usize| {
        tokens.get(colon).is_some_and(|c| c.text == ":")
            && tokens.get(other).is_some_and(digits)
            && touching(colon.min(other), colon.max(other))
    };
    let in_reading =
        (first >= 2 && colon_then_digits(first - 1, first - 2) && touching(first - 1, first))
            || (colon_then_digits(last + 1, last + 2) && touching(last, last + 1));
    first == last
        && digits(&tokens[first])
        && (in_reading || tokens.get(last + 1).is_some_and(marker) || local_time(last + 1))
}

/// Words that end a counted phrase before its noun: a plural-looking word after them is no
/// longer the counted thing ("one man who says", "two of them").
const PHRASE_STOPS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "from",
    "by", "as", "than", "that", "who", "which", "whose", "was", "were", "is", "are", "be", "been",
    "has", "have", "had", "will", "would", "could", "can", "may", "said", "say",
];

/// Irregular plurals that are counted nouns themselves.
const IRREGULAR_PLURALS: &[&str] = &["people", "men", "women", "children"];

/// Most modifiers read between a number and its plural noun ("13 fully loaded magazines").
const MAX_MODIFIERS: usize = 3;

/// Endings of adverbs, participles and adjectives: the modifiers that may follow the first one
/// before the counted noun ("fully loaded", "critically injured", "newly elected").
const MODIFIER_ENDINGS: &[&str] = &[
    "ly", "ed", "en", "al", "ic", "ive", "ous", "ful", "less", "ary", "ern", "ian", "ese", "able",
    "ible",
];

/// The index of the plural noun a number counts when modifiers stand between them: the first
/// word after the number (as written, it may be a name: "three Palestinian militants"), then
/// lower-case words shaped like adverbs, participles or adjectives ("13 fully loaded
/// magazines"); after an adverb, a singular noun too ("one fully loaded magazine"). `None`
/// when the first word is itself the noun (a plural, or no plural follows).
fn plural_head(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let first = &tokens[at];
    let first_lower = first.text.to_lowercase();
    if !first.text.chars().all(|c| c.is_alphabetic() || c == '-')
        || first.text.ends_with('s')
        || IRREGULAR_PLURALS.contains(&first_lower.as_str())
        || PHRASE_STOPS.contains(&first_lower.as_str())
    {
        return None;
    }
    let is_plural = |t: &Token<'_>| {
        IRREGULAR_PLURALS.contains(&t.text)
            || (t.text.len() > 3
                && t.text.ends_with('s')
                && !is_singular_in_s(t.text)
                && t.text.chars().all(char::is_lowercase))
    };
    let is_modifier = |t: &Token<'_>| {
        t.text.chars().all(|c| c.is_lowercase() || c == '-')
            && !PHRASE_STOPS.contains(&t.text)
            && (t.text.contains('-') || MODIFIER_ENDINGS.iter().any(|e| t.text.ends_with(e)))
    };
    // An adverb is never what is counted: "one fully loaded magazine" counts the magazine.
    let adverb = first_lower.len() > 4 && first_lower.ends_with("ly");
    for (i, t) in tokens.iter().enumerate().skip(at + 1).take(MAX_MODIFIERS) {
        if is_plural(t) {
            return Some(i);
        }
        if !is_modifier(t) {
            let noun = adverb
                && t.is_word()
                && t.text.chars().all(char::is_lowercase)
                && !PHRASE_STOPS.contains(&t.text);
            return noun.then_some(i);
        }
    }
    None
}

/// Whether "one" at token `i` is a pronoun rather than a count: "no one" is nobody, and "is
/// one of the best" places its subject in a class. "Killed one of the hostages" still counts
/// one.
fn one_counts_nothing(tokens: &[Token<'_>], i: usize) -> bool {
    let before = |back: usize| {
        i.checked_sub(back)
            .map(|p| tokens[p].text.to_ascii_lowercase())
    };
    let of_after = tokens
        .get(i + 1)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("of"));
    before(1).as_deref() == Some("no")
        || (of_after
            && matches!(
                before(1).as_deref(),
                Some(
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "remains" | "became"
                )
            ))
}

/// The group of three digits that continues the whole number at token `at` after a comma and
/// one space ("300" "," "000"), as some feeds write money: its value.
fn spaced_thousands(tokens: &[Token<'_>], at: usize) -> Option<f64> {
    let number = &tokens[at];
    let (comma, group) = (tokens.get(at + 1)?, tokens.get(at + 2)?);
    let whole = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (whole(number.text)
        && comma.text == ","
        && comma.span.start == number.span.end
        && group.span.start == comma.span.end + 1
        && group.text.len() == 3
        && whole(group.text))
    .then(|| group.text.parse().ok())
    .flatten()
}

/// A cardinal (with "hundred"/"million" scales) or a vague plural at token `i`: the value, the
/// upper end for vague plurals, and the index of the last token used.
fn vague_or_cardinal(tokens: &[Token<'_>], i: usize) -> Option<(f64, Option<f64>, usize)> {
    let text = tokens[i].text;
    if let Some(&(_, low, high)) = VAGUE.iter().find(|(w, _, _)| w.eq_ignore_ascii_case(text)) {
        return Some((low, Some(high), i));
    }
    // Compared in place: this runs for every token.
    if text.eq_ignore_ascii_case("once") {
        return Some((1.0, None, i));
    }
    if text.eq_ignore_ascii_case("twice") {
        return Some((2.0, None, i));
    }
    if text.eq_ignore_ascii_case("dozen") && i > 0 && matches!(tokens[i - 1].text, "a" | "A") {
        return Some((12.0, None, i));
    }
    if text.eq_ignore_ascii_case("one") && one_counts_nothing(tokens, i) {
        return None;
    }
    let after_sign = i > 0 && currency_of(tokens[i - 1].text).is_some();
    let mut value = match parse_cardinal(text) {
        Some(value) => value,
        None if after_sign => parse_scaled(text)?,
        None => return None,
    };
    let mut last = i;
    if after_sign {
        // "$300, 000": thousands set off by a comma and a space are still one amount of money.
        while let Some(group) = spaced_thousands(tokens, last) {
            value = value * 1000.0 + group;
            last += 2;
        }
    }
    // "twenty four", "3.5 million", "two hundred thousand".
    while let Some(next) = tokens.get(last + 1) {
        if let Some(&(_, scale)) = SCALES
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(next.text))
        {
            value *= scale;
            last += 1;
        } else {
            break;
        }
    }
    Some((value, None, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    fn quantities(text: &str) -> Vec<(String, f64, Bound, Option<String>)> {
        let tokens = tokenize(text, 0);
        find_quantities(&tokens, |_| false)
            .into_iter()
            .map(|q| (q.span.slice(text).to_string(), q.value, q.bound, q.unit))
            .collect()
    }

    #[test]
    fn cardinals_in_words_and_digits() {
        assert_eq!(parse_cardinal("twelve"), Some(12.0));
        assert_eq!(parse_cardinal("twenty-four"), Some(24.0));
        assert_eq!(parse_cardinal("1,200"), Some(1200.0));
        assert_eq!(parse_cardinal("3.5"), Some(3.5));
        assert_eq!(parse_cardinal("twelfth"), None);
        assert_eq!(parse_cardinal("one-sided"), None);
        assert_eq!(parse_ordinal("3rd"), Some(3));
        assert_eq!(parse_ordinal("second"), Some(2));
    }

    #[test]
    fn quantities_with_bounds_and_units() {
        assert_eq!(
            quantities("A missile that killed two people"),
            [(
                "two people".to_string(),
                2.0,
                Bound::Exact,
                Some("person".to_string())
            )]
        );
        let q = quantities("more than 24 days and nearly 300 troops, $3.5 million");
        assert_eq!(q[0].0, "more than 24 days");
        assert_eq!(q[0].2, Bound::MoreThan);
        assert_eq!(q[1].0, "nearly 300 troops");
        assert_eq!(q[2].0, "$3.5 million");
        assert_eq!(q[2].1, 3.5e6);
        assert_eq!(q[2].3.as_deref(), Some("usd"));
        assert_eq!(quantities("used only once")[0].3.as_deref(), Some("times"));
        assert_eq!(quantities("dozens of people")[0].0, "dozens of people");
    }

    #[test]
    fn the_unit_is_the_counted_noun_after_its_modifiers() {
        let unit = |text: &str| quantities(text)[0].3.clone().unwrap_or_default();
        assert_eq!(unit("seized 13 fully loaded magazines"), "magazine");
        assert_eq!(unit("two critically injured people"), "person");
        assert_eq!(unit("three outboard motors"), "motor");
        assert_eq!(unit("three Palestinian militants"), "militant");
        assert_eq!(unit("one fully loaded magazine"), "magazine");
        assert_eq!(unit("three police officers"), "person");
        // A verb after the number ends the phrase: no later plural is counted.
        assert_eq!(unit("two died when gunmen opened fire"), "died");
        assert_eq!(unit("one man who says"), "man");
        assert_eq!(unit("five people were hurt"), "person");
    }

    #[test]
    fn times_of_day_are_no_counts() {
        assert!(quantities("at 0735 GMT on Sunday").is_empty());
        assert!(quantities("by 1630 GMT").is_empty());
        assert!(quantities("at 10 pm local time").is_empty());
        assert!(quantities("the 0735 flight").is_empty());
        assert_eq!(quantities("1630 people")[0].1, 1630.0);
        // A clock reading is no count on either side of its colon, whatever follows it.
        assert!(quantities("with 7:41 left").is_empty());
        assert!(quantities("at 10:30 the next day").is_empty());
        assert_eq!(quantities("a 7 : 41 people split")[0].1, 7.0);
    }

    #[test]
    fn money_in_every_currency_and_notation() {
        let first = |text: &str| parse_amount(text).map(|q| (q.value, q.unit.unwrap_or_default()));
        assert_eq!(first("paid $4 million"), Some((4e6, "usd".to_string())));
        assert_eq!(
            first("paid 4 million dollars"),
            Some((4e6, "usd".to_string()))
        );
        assert_eq!(first("a €20m deal"), Some((20e6, "eur".to_string())));
        assert_eq!(first("a £3.5bn loss"), Some((3.5e9, "gbp".to_string())));
        assert_eq!(first("a $40k fine"), Some((40e3, "usd".to_string())));
        assert_eq!(
            first("1.2 trillion euros"),
            Some((1.2e12, "eur".to_string()))
        );
        // Without a sign, "20m" is a distance, not money.
        assert_eq!(first("ran 20m to the car"), None);
        assert_eq!(parse_scaled("20m"), Some(20e6));
        assert_eq!(parse_scaled("3.5bn"), Some(3.5e9));
        assert_eq!(parse_scaled("m20"), None);
        assert_eq!(parse_scaled("20meters"), None);
    }

    #[test]
    fn money_with_a_space_after_its_thousands_comma_is_one_amount() {
        let first = |text: &str| parse_amount(text).map(|q| (q.value, q.unit.unwrap_or_default()));
        assert_eq!(
            first("received more than $300, 000 in cash"),
            Some((300_000.0, "usd".to_string()))
        );
        assert_eq!(
            first("will ask $1, 099, 000 for it"),
            Some((1_099_000.0, "usd".to_string()))
        );
        // Without a sign, or with more or fewer than three digits after the comma, a comma
        // separates two numbers.
        let values: Vec<f64> = quantities("votes for 100, 200 and 300 seats, and $5, 10 more")
            .iter()
            .map(|q| q.1)
            .collect();
        assert_eq!(values, [100.0, 200.0, 300.0, 5.0, 10.0]);
    }

    #[test]
    fn a_word_that_ends_a_phrase_is_no_unit() {
        let units = |text: &str| -> Vec<Option<String>> {
            quantities(text).into_iter().map(|q| q.3).collect()
        };
        assert_eq!(units("The Curve 8900 is the thinnest yet."), [None]);
        assert_eq!(units("He caught 7 and ran."), [None]);
        assert!(matches!(&units("He caught 7 passes.")[..], [Some(_)]));
    }

    #[test]
    fn one_as_a_pronoun_counts_nothing() {
        assert!(quantities("No one was hurt in the fire.").is_empty());
        assert!(quantities("He was one of the best players.").is_empty());
        let counted = quantities("The pirates killed one of the hostages.");
        assert_eq!(counted.len(), 1, "{counted:?}");
        assert_eq!(counted[0].1, 1.0);
        assert_eq!(quantities("one person died")[0].1, 1.0);
    }

    #[test]
    fn approximate_money_has_bounds() {
        let q = parse_amount("about $4 million").expect("amount");
        assert_eq!(q.bound, Bound::About);
        assert_eq!((q.low, q.high), (4e6 * 0.9, 4e6 * 1.1));
        let q = parse_amount("more than €20m").expect("amount");
        assert_eq!(q.bound, Bound::MoreThan);
        assert_eq!(q.high, f64::INFINITY);
        assert_eq!(quantities("nearly $3 billion")[0].0, "nearly $3 billion");
        // An estimate whatever its determiner, so it agrees with "more than $1 million".
        let q = parse_amount("the estimated $1 million in damage").expect("amount");
        assert_eq!(q.bound, Bound::About);
    }

    #[test]
    fn percentages_in_three_spellings() {
        for text in ["12 percent", "12%", "12 per cent", "12 pct"] {
            let q = parse_amount(text).expect(text);
            assert_eq!(
                (q.value, q.unit.as_deref()),
                (12.0, Some("percent")),
                "{text}"
            );
        }
        assert_eq!(quantities("rose 12 per cent")[0].0, "12 per cent");
        assert_eq!(quantities("at least 12%")[0].2, Bound::AtLeast);
        assert_eq!(quantities("5 per day")[0].3, None);
    }

    #[test]
    fn a_quake_measured_without_the_word_has_a_magnitude() {
        let q = quantities(
            "a 4.7 quake, measuring 5.3 on the Richter scale, 3.1 degrees on the Richter scale, \
             two quakes and 6.5 degrees",
        );
        let units: Vec<_> = q.iter().map(|q| q.3.as_deref()).collect();
        assert_eq!(
            units,
            [
                Some("magnitude"),
                Some("magnitude"),
                Some("magnitude"),
                Some("quake"),
                Some("degree")
            ]
        );
    }

    #[test]
    fn a_quake_measuring_a_number_before_a_verb_has_a_magnitude() {
        let q = quantities("An earthquake measuring 4.6 rattled two counties.");
        assert_eq!(
            (q[0].0.as_str(), q[0].3.as_deref()),
            ("4.6", Some("magnitude"))
        );
        let q = quantities("two quakes, measuring 7.6 and 7.4, struck");
        assert_eq!((q[1].1, q[1].3.as_deref()), (7.6, Some("magnitude")));
        let q = quantities("a tremor registering 3.8 shook the island");
        assert_eq!(q[0].3.as_deref(), Some("magnitude"));
        // A count after the verb is still a count.
        let q = quantities("a building measuring 40 feet");
        assert_eq!(q[0].3.as_deref(), Some("feet"));
    }

    #[test]
    fn numbers_after_magnitude_measure_it() {
        let q = quantities("a magnitude 6.1 earthquake and a magnitude of 5.9");
        assert_eq!(q[0].1, 6.1);
        assert_eq!(q[0].3.as_deref(), Some("magnitude"));
        assert_eq!(q[1].3.as_deref(), Some("magnitude"));
        assert_eq!(
            quantities("6.1 magnitude")[0].3.as_deref(),
            Some("magnitude")
        );
    }

    #[test]
    fn strict_bounds_exclude_the_end_point() {
        let q = |value, bound| {
            let (low, high) = bounds(value, bound);
            Quantity {
                span: Default::default(),
                value,
                bound,
                low,
                high,
                unit: None,
            }
        };
        assert!(!compatible(
            &q(24.0, Bound::MoreThan),
            &q(24.0, Bound::LessThan)
        ));
        assert!(compatible(&q(24.0, Bound::AtLeast), &q(24.0, Bound::Exact)));
        assert!(!compatible(&q(2.0, Bound::Exact), &q(3.0, Bound::Exact)));
        assert!(compatible(&q(300.0, Bound::About), &q(310.0, Bound::Exact)));
    }
}
