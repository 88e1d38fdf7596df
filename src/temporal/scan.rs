//! The pre-scan: finds the few places in a text where a time expression can be, so that the
//! nom grammar runs only there.
//!
//! Every time expression contains a *trigger*: a digit, a month or weekday name, a unit
//! ("days"), a number word, or a word such as "now", "yesterday", "daily". One pass over the
//! text reads it word by word and looks each word that can be a trigger up in a hash set; the
//! tagger then tries the grammar at the trigger and at the few words before it (a bound, "the
//! past", "early" come first). On news text this skips well over nine bytes in ten.

use std::sync::LazyLock;

use foldhash::{HashSet, HashSetExt};

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

/// The longest trigger word, in bytes (the scan folds words to lower case in a buffer this
/// size).
const LONGEST: usize = 16;

/// The trigger words, lower case, for a lookup by a whole word of the text.
static WORDS: LazyLock<HashSet<&'static [u8]>> = LazyLock::new(|| {
    let mut set = HashSet::with_capacity(TRIGGERS.len());
    for t in TRIGGERS {
        if t.len() <= LONGEST && t.bytes().all(|b| b.is_ascii_alphanumeric()) {
            set.insert(t.as_bytes());
        }
    }
    set
});

/// Byte offsets of trigger words in `text`, in order. Digits count once per number.
///
/// A trigger starts where no letter or digit comes before it: a digit, an apostrophe or `’`
/// before a digit ("'80s"), or a run of ASCII letters and digits that is a trigger word as a
/// whole and is followed by no other letter or digit. The scan is byte-wise; a non-ASCII
/// character is decoded only to tell whether it is a letter or a digit.
pub(crate) fn triggers(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let words = &*WORDS;
    let mut out = Vec::new();
    // Whether the character before `i` is a letter or a digit.
    let mut after_alnum = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if after_alnum {
                continue;
            }
            after_alnum = true;
            if b.is_ascii_digit() {
                out.push(start);
                continue;
            }
            let n = i - start;
            if n > LONGEST
                || (i < bytes.len()
                    && !bytes[i].is_ascii()
                    && text[i..].chars().next().is_some_and(char::is_alphanumeric))
            {
                continue;
            }
            let mut buf = [0u8; LONGEST];
            for (to, from) in buf.iter_mut().zip(&bytes[start..i]) {
                *to = from.to_ascii_lowercase();
            }
            if words.contains(&buf[..n]) {
                out.push(start);
            }
        } else if b.is_ascii() {
            if b == b'\'' && !after_alnum && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                out.push(i);
            }
            after_alnum = false;
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let next = i + c.len_utf8();
            if c == '’' && !after_alnum && bytes.get(next).is_some_and(u8::is_ascii_digit) {
                out.push(i);
            }
            after_alnum = c.is_alphanumeric();
            i = next;
        }
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

    /// The definition, checked at every character: a trigger starts after no letter or digit,
    /// and is a digit, a quote before a digit, or the longest trigger word there when no letter
    /// or digit follows it.
    fn naive(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for (s, c) in text.char_indices() {
            if text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let rest = &text[s..];
            let digit_after = |n: usize| rest.as_bytes().get(n).is_some_and(u8::is_ascii_digit);
            let word = TRIGGERS
                .iter()
                .filter(|t| t.bytes().all(|b| b.is_ascii_alphanumeric()))
                .filter(|t| {
                    rest.get(..t.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(t))
                })
                .map(|t| t.len())
                .max()
                .is_some_and(|n| !rest[n..].chars().next().is_some_and(char::is_alphanumeric));
            if c.is_ascii_digit() || ((c == '\'' || c == '’') && digit_after(c.len_utf8())) || word
            {
                out.push(s);
            }
        }
        out
    }

    #[test]
    fn triggers_by_definition() {
        for text in [
            "Tuesday’s vote, the ’80s and '90s; FY1990, Q3-2021, Q3; 1,000 days; mayday",
            "éday dayé day’s MONDAYS 3rd 10am a1 x'9 Thanksgivings thanksgiving",
            "",
            "’9",
        ] {
            assert_eq!(triggers(text), naive(text), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn triggers_match_the_definition(
            text in "([A-Za-z0-9 ,.'’é²-]|day|may|Q3|fy|Monday|twenty|’8){0,40}"
        ) {
            proptest::prop_assert_eq!(triggers(&text), naive(&text));
        }
    }
}
