//! Word tables for the time grammar: month and weekday names, number words, ordinals, units,
//! seasons and parts of the day.
//!
//! The grammar reads a word with a nom parser and then asks these tables what it means, so the
//! vocabulary lives in one place and stays case-insensitive without allocating: a word is folded
//! to lower case into a small stack buffer before the `match`.

/// A calendar unit a duration or a relative expression counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Approximate length in days (a month is 30 days, a year 365).
    pub(crate) fn days(self) -> f64 {
        match self {
            Unit::Second => 1.0 / 86_400.0,
            Unit::Minute => 1.0 / 1_440.0,
            Unit::Hour => 1.0 / 24.0,
            Unit::Day => 1.0,
            Unit::Weekend => 2.0,
            Unit::Week => 7.0,
            Unit::Month => 30.0,
            Unit::Quarter => 91.0,
            Unit::Year => 365.0,
            Unit::Decade => 3_650.0,
            Unit::Century => 36_500.0,
        }
    }

    /// Whether the unit is shorter than a day (TIMEX3 writes these after a `T`).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// Folds an ASCII word to lower case in `buf`; `None` when it is too long or not ASCII.
pub(crate) fn fold<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Looks `word` up case-insensitively with `table`.
pub(crate) fn lookup<T>(word: &str, table: fn(&str) -> Option<T>) -> Option<T> {
    if word.len() <= 16 && word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        // Already in lower case: no copy.
        return table(word);
    }
    let mut buf = [0u8; 16];
    fold(word, &mut buf).and_then(table)
}

/// A month name: the month number and whether the word is an abbreviation.
pub(crate) fn month(word: &str) -> Option<(u32, bool)> {
    Some(match word {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// A weekday name, ISO numbered (Monday = 1).
pub(crate) fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" | "mondays" => 1,
        "tuesday" | "tuesdays" => 2,
        "wednesday" | "wednesdays" => 3,
        "thursday" | "thursdays" => 4,
        "friday" | "fridays" => 5,
        "saturday" | "saturdays" => 6,
        "sunday" | "sundays" => 7,
        _ => return None,
    })
}

/// A cardinal number word below a hundred, or "hundred"/"thousand" as multipliers.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// An ordinal word ("first" … "thirty-first" parts), as a number.
pub(crate) fn ordinal_word(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A unit word, with whether it is plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A season, as its TIMEX3 code.
pub(crate) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A part of the day, as its TIMEX3 code.
pub(crate) fn day_part(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" => "NI",
        _ => return None,
    })
}

/// Whether a word can stand in a time expression before its trigger word: a determiner, a
/// bound ("more than", "at least"), a modifier ("early", "the end of"), a shift word, or any
/// word of the tables above. The tagger looks back from a trigger only over such words.
pub(crate) fn can_lead(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = fold(word, &mut buf) else {
        return false;
    };
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "current"
            | "previous"
            | "following"
            | "prior"
            | "same"
            | "early"
            | "mid"
            | "post"
            | "pre"
            | "late"
            | "earlier"
            | "later"
            | "end"
            | "new"
            | "independence"
            | "valentine's"
            | "veterans"
            | "election"
            | "memorial"
            | "labor"
            | "labour"
            | "beginning"
            | "start"
            | "middle"
            | "close"
            | "turn"
            | "of"
            | "more"
            | "longer"
            | "just"
            | "over"
            | "less"
            | "fewer"
            | "shorter"
            | "than"
            | "nearly"
            | "almost"
            | "for"
            | "under"
            | "at"
            | "least"
            | "most"
            | "no"
            | "up"
            | "to"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "some"
            | "every"
            | "each"
            | "other"
            | "fiscal"
            | "fy"
            | "comparable"
            | "corresponding"
            | "then"
            | "recent"
            | "latest"
            | "final"
            | "remaining"
            | "full"
            | "whole"
            | "entire"
            | "calendar"
            | "few"
            | "several"
            | "many"
            | "couple"
            | "number"
            | "trading"
            | "business"
            | "working"
            | "straight"
            | "consecutive"
            | "successive"
            | "additional"
            | "further"
            | "extra"
            | "eve"
            | "day"
            | "before"
            | "after"
            | "right"
            | "near"
            | "single"
            | "short"
            | "long"
            | "foreseeable"
            | "distant"
            | "time"
            | "and"
            | "or"
            | "year"
            | "hundred"
            | "thousand"
            | "q"
    ) || month(w).is_some()
        || weekday(w).is_some()
        || number_word(w).is_some()
        || ordinal_word(w).is_some()
        || unit(w).is_some()
        || season(w).is_some()
        || day_part(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(lookup("NOV", month), Some((11, true)));
        assert_eq!(lookup("Wednesday", weekday), Some(3));
        assert_eq!(lookup("Twelve", number_word), Some(12));
        assert_eq!(lookup("Years", unit), Some((Unit::Year, true)));
        assert_eq!(lookup("supercalifragilistic", month), None);
        assert_eq!(lookup("é", month), None);
    }
}
