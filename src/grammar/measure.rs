//! Measures in metric and imperial units — lengths, speeds and weights — read to one base unit
//! per dimension, so that "15 miles" and "24km", or "120 mph" and "193 km/h", are one distance
//! or one speed written two ways.
//!
//! Outlets for different readers convert figures ("600 metres (2,000 feet)"), so the same
//! sentence of two sources can differ only in its units. The reader works on the lower-case
//! words of a stretch of text (as the restated-sentence rule splits them: "193km/h" is the
//! words "193km" and "h"); a number may be glued to its unit ("24km", "2,000ft").

/// What a measure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// Metres.
    Length,
    /// Metres a second.
    Speed,
    /// Kilograms.
    Weight,
}

/// A measure in its dimension's base unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    /// What it measures.
    pub dimension: Dimension,
    /// How much, in metres, metres a second or kilograms.
    pub value: f64,
}

/// How far apart two measures of one dimension may be and still be one figure converted:
/// conversions in news are rounded ("6 feet (2 metres)" is 9% off).
pub const CONVERSION_TOLERANCE: f64 = 0.10;

impl Measure {
    /// Whether `self` and `other` are one figure in two units.
    pub fn same_as(&self, other: &Measure) -> bool {
        let larger = self.value.abs().max(other.value.abs());
        self.dimension == other.dimension
            && (larger == 0.0 || (self.value - other.value).abs() <= CONVERSION_TOLERANCE * larger)
    }
}

/// Unit words with their dimension and size in the base unit.
const UNITS: &[(&str, Dimension, f64)] = &[
    ("m", Dimension::Length, 1.0),
    ("metre", Dimension::Length, 1.0),
    ("metres", Dimension::Length, 1.0),
    ("meter", Dimension::Length, 1.0),
    ("meters", Dimension::Length, 1.0),
    ("km", Dimension::Length, 1000.0),
    ("kilometre", Dimension::Length, 1000.0),
    ("kilometres", Dimension::Length, 1000.0),
    ("kilometer", Dimension::Length, 1000.0),
    ("kilometers", Dimension::Length, 1000.0),
    ("cm", Dimension::Length, 0.01),
    ("centimetres", Dimension::Length, 0.01),
    ("centimeters", Dimension::Length, 0.01),
    ("ft", Dimension::Length, 0.3048),
    ("foot", Dimension::Length, 0.3048),
    ("feet", Dimension::Length, 0.3048),
    ("inch", Dimension::Length, 0.0254),
    ("inches", Dimension::Length, 0.0254),
    ("yard", Dimension::Length, 0.9144),
    ("yards", Dimension::Length, 0.9144),
    ("mi", Dimension::Length, 1609.344),
    ("mile", Dimension::Length, 1609.344),
    ("miles", Dimension::Length, 1609.344),
    ("mph", Dimension::Speed, 0.44704),
    ("kph", Dimension::Speed, 1.0 / 3.6),
    ("kmh", Dimension::Speed, 1.0 / 3.6),
    ("kg", Dimension::Weight, 1.0),
    ("kilogram", Dimension::Weight, 1.0),
    ("kilograms", Dimension::Weight, 1.0),
    ("kilos", Dimension::Weight, 1.0),
    ("lb", Dimension::Weight, 0.453_592_37),
    ("lbs", Dimension::Weight, 0.453_592_37),
    ("pound", Dimension::Weight, 0.453_592_37),
    ("pounds", Dimension::Weight, 0.453_592_37),
    ("tonne", Dimension::Weight, 1000.0),
    ("tonnes", Dimension::Weight, 1000.0),
    ("ton", Dimension::Weight, 907.184_74),
    ("tons", Dimension::Weight, 907.184_74),
];

fn unit(word: &str) -> Option<(Dimension, f64)> {
    UNITS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, dimension, size)| (dimension, size))
}

/// Words after a length unit that make it a speed: "km/h", "miles per hour", "miles an hour".
fn per_hour(rest: &[&str]) -> usize {
    match rest {
        ["h" | "hr", ..] => 1,
        ["per" | "an" | "a", "hour", ..] => 2,
        _ => 0,
    }
}

/// A number in digits, with thousands commas ("2,000", "6.1").
fn number(text: &str) -> Option<f64> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || !plain.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

/// The measures among `words` (lower case), each with the indices of the words it takes.
pub fn measures(words: &[&str]) -> Vec<(Measure, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let digits = word
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(word.len());
        let (Some(value), suffix) = (number(&word[..digits]), &word[digits..]) else {
            i += 1;
            continue;
        };
        // The unit glued to the number, or the next word.
        let (unit_word, mut end) = if suffix.is_empty() {
            (words.get(i + 1).copied().unwrap_or(""), i + 2)
        } else {
            (suffix, i + 1)
        };
        let Some((mut dimension, mut size)) = unit(unit_word) else {
            i += 1;
            continue;
        };
        if dimension == Dimension::Length {
            let hour = per_hour(words.get(end..).unwrap_or_default());
            if hour > 0 {
                // A length an hour: a speed in metres a second.
                dimension = Dimension::Speed;
                size /= 3600.0;
                end += hour;
            }
        }
        out.push((
            Measure {
                dimension,
                value: value * size,
            },
            i..end.min(words.len()),
        ));
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Measure {
        let words: Vec<&str> = text.split_whitespace().collect();
        let found = measures(&words);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].0
    }

    #[test]
    fn one_figure_in_two_units_is_the_same_measure() {
        assert!(one("15 miles").same_as(&one("24km")));
        assert!(one("2,000ft").same_as(&one("600m")));
        assert!(one("120 mph").same_as(&one("193km h")));
        assert!(one("30 miles per hour").same_as(&one("48 kph")));
        assert!(one("6 feet").same_as(&one("2 metres")));
        assert!(one("100 kilos").same_as(&one("220 pounds")));
    }

    #[test]
    fn different_figures_or_dimensions_are_not() {
        assert!(!one("30 miles").same_as(&one("24km")));
        assert!(!one("8 miles").same_as(&one("8 km")));
        assert!(!one("120 mph").same_as(&one("120 miles")));
        assert!(!one("5 kg").same_as(&one("5 m")));
    }

    #[test]
    fn words_without_a_unit_are_no_measure() {
        let words = ["600", "people", "in", "the", "2010", "season"];
        assert!(measures(&words).is_empty());
        let found = measures(&["600", "metres", "2,000", "feet"]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, 2..4);
    }
}
