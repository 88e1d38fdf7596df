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

/// Holidays named by one capitalized word. Before a noun they name a kind of thing ("an office
/// Christmas party"), which is no date and no entity either.
pub const HOLIDAYS: [&str; 4] = ["Christmas", "Thanksgiving", "Halloween", "Easter"];

/// Words that close a company's name and that outlets write or leave out as they please
/// ("SeaMicro Inc." / "SeaMicro", "Intel Corp." / "Intel"), as written without their period.
pub const COMPANY_SUFFIXES: [&str; 10] = [
    "Inc",
    "Corp",
    "Corporation",
    "Incorporated",
    "Co",
    "Ltd",
    "Limited",
    "LLC",
    "PLC",
    "plc",
];

/// Whether `word` is a month or weekday name, in any letter case.
pub fn is_calendar_name(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|name| name.eq_ignore_ascii_case(word))
}

/// Whether `word` closes a company's name ([`COMPANY_SUFFIXES`]).
pub fn is_company_suffix(word: &str) -> bool {
    COMPANY_SUFFIXES.contains(&word)
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
    fn company_suffixes_are_known_as_written() {
        assert!(is_company_suffix("Inc"));
        assert!(is_company_suffix("Ltd"));
        assert!(!is_company_suffix("inc"));
        assert!(!is_company_suffix("Company"));
    }

    #[test]
    fn cardinals_are_indexed_by_value() {
        assert_eq!(cardinal_value("Twelve"), Some(12));
        assert_eq!(cardinal_value("zero"), Some(0));
        assert_eq!(cardinal_value("dozen"), None);
    }
}
