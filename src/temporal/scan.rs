//! The pre-scan: finds the few places in a text where a time expression can be, so that the
//! nom grammar runs only there.
//!
//! Every time expression contains a *trigger*: a digit, a month or weekday name, a unit
//! ("days"), a number word, or a word such as "now", "yesterday", "daily". One Aho-Corasick
//! automaton finds all triggers in a single pass; the tagger then tries the grammar at the
//! trigger and at the few words before it (a bound, "the past", "early" come first). On news
//! text this skips well over nine bytes in ten.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Trigger words (matched case-insensitively, at word boundaries).
const TRIGGERS: &[&str] = &[
    // months
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec", // weekdays
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays", // holidays (the others end in "day", a trigger)
    "thanksgiving",
    "christmas",
    "easter",
    "halloween", // units
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "half",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "period",
    "fy",
    "q1",
    "q2",
    "q3",
    "q4",
    // seasons and parts of the day
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "morning",
    "mornings",
    "afternoon",
    "afternoons",
    "evening",
    "evenings",
    "night",
    "nights",
    "tonight",
    "noon",
    "midday",
    "midnight", // deictic words and references
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "currently",
    "current",
    "nowadays",
    "recently",
    "past",
    "future",
    "present",
    "time",
    "eve",
    "start",
    "beginning",
    "outset",
    "end", // sets
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "nightly",
    "every",
    "each",
    // number words
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "few",
    "several",
    "couple",
    // decades spoken
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    // "the near term"
    "term", // digits
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "'",
    "’",
];

static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // A full DFA: the triggers start with most letters and every digit, so no prefilter
        // helps, and the DFA's single table lookup a byte is the fastest scan.
        .kind(Some(AhoCorasickKind::DFA))
        .build(TRIGGERS)
        .ok()
});

/// Byte offsets of trigger words in `text`, in order. Digits count once per number.
pub(crate) fn triggers(text: &str) -> Vec<usize> {
    let Some(ac) = AUTOMATON.as_ref() else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let digit = bytes[s].is_ascii_digit();
        let quote = !digit && !bytes[s].is_ascii_alphabetic();
        if quote {
            // "'80s": an apostrophe then a digit.
            if !bytes.get(e).is_some_and(u8::is_ascii_digit) {
                continue;
            }
        } else if !digit && text[e..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_at_word_boundaries() {
        let text = "On Monday, 12 days later; Mayor Dayton said nowhere.";
        let found: Vec<&str> = triggers(text)
            .into_iter()
            .map(|s| &text[s..s + 3])
            .collect();
        assert_eq!(found, vec!["Mon", "12 ", "day"]);
    }
}
