//! Closed word classes that several layers need and no newsroom extends: month and weekday
//! names and the cardinal words up to twenty. They live here once so that the grammar, the rules
//! and the evaluation generators agree on them; the open word lists are TOML under
//! `rules/lexicon/`.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names, Monday first (ISO 8601).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Cardinal words from "zero" to "twenty", each at the index of its value.
pub const CARDINALS: [&str; 21] = [
    "zero",
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
];

/// Whether `word` is a month or weekday name, in any letter case.
pub fn is_calendar_name(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|name| name.eq_ignore_ascii_case(word))
}

/// The value of a cardinal word up to twenty, in any letter case.
pub fn cardinal_value(word: &str) -> Option<u64> {
    CARDINALS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .map(|value| value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case() {
        assert!(is_calendar_name("march"));
        assert!(is_calendar_name("SUNDAY"));
        assert!(!is_calendar_name("Marches"));
    }

    #[test]
    fn cardinals_are_indexed_by_value() {
        assert_eq!(cardinal_value("Twelve"), Some(12));
        assert_eq!(cardinal_value("zero"), Some(0));
        assert_eq!(cardinal_value("dozen"), None);
    }
}
