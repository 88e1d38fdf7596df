//! The parts of a date a time expression states, for comparing dates whose year is unknown.
//!
//! An article without a publication date leaves "Friday" as `XXXX-WXX-5` and "December 12" as
//! `XXXX-12-12`: no interval, yet two such dates still disagree when a part both state differs.

use chrono::Datelike;

use crate::claim::ClaimTime;

/// The parts of a date a TIMEX3 value states, when its year may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartialValue {
    /// The year, when stated.
    pub year: Option<i32>,
    /// The month, when stated.
    pub month: Option<u32>,
    /// The day of the month, when stated.
    pub day: Option<u32>,
    /// ISO weekday, Monday = 1.
    pub weekday: Option<u32>,
}

impl PartialValue {
    /// The parts `time` states, with the weekday of a resolved day.
    pub fn of(time: &ClaimTime) -> PartialValue {
        // "Now" and "recently" take the publication date; they state no date of their own.
        if time.value.ends_with("_REF") {
            return PartialValue::default();
        }
        let mut value = PartialValue::parse(&time.value);
        // A resolved single day states its weekday too.
        if let Some(interval) = time.interval {
            if interval.days() == 1 {
                value.weekday = Some(interval.start.weekday().number_from_monday());
            }
        }
        value
    }

    /// `2008-12-12`, `XXXX-12-12`, `XXXX-12`, `XXXX-WXX-5`, `2009-01-02TNI`; anything else
    /// (durations, `PAST_REF`) states nothing.
    pub fn parse(value: &str) -> PartialValue {
        let date = value.split('T').next().unwrap_or_default();
        let parts: Vec<&str> = date.split('-').collect();
        let mut out = PartialValue::default();
        if parts.len() < 2 || parts[0].len() != 4 {
            return out;
        }
        out.year = parts[0].parse().ok();
        if parts[1].starts_with('W') {
            out.weekday = parts
                .get(2)
                .and_then(|d| d.parse().ok())
                .filter(|d| (1..=7).contains(d));
            return out;
        }
        out.month = parts[1].parse().ok().filter(|m| (1..=12).contains(m));
        if out.month.is_some() {
            out.day = parts
                .get(2)
                .and_then(|d| d.parse().ok())
                .filter(|d| (1..=31).contains(d));
        }
        out
    }

    /// Whether this states a weekday and nothing else: "Friday" written without a date.
    pub fn is_weekday_alone(&self) -> bool {
        self.weekday.is_some() && self.year.is_none() && self.month.is_none()
    }

    /// Whether a weekday written alone (this) falls on another weekday than `dated`, a day of
    /// a known year, when the weekday's article is set in that year (`story_year`). A date
    /// without a year is not otherwise set against a dated one ([`PartialValue::conflict`]);
    /// a weekday in an article about that year is a day of it.
    pub fn weekday_differs_in_year(&self, story_year: Option<i32>, dated: &PartialValue) -> bool {
        self.is_weekday_alone()
            && dated.year.is_some()
            && story_year == dated.year
            && matches!((self.weekday, dated.weekday), (Some(x), Some(y)) if x != y)
    }

    /// The first part both state differently, when the years do not tell them apart.
    pub fn conflict(&self, other: &PartialValue) -> Option<&'static str> {
        let differ =
            |a: Option<u32>, b: Option<u32>| matches!((a, b), (Some(x), Some(y)) if x != y);
        // A date without a year cannot be set against a dated one: "October 19" may be of
        // another year than "2010-09".
        match (self.year, other.year) {
            (Some(a), Some(b)) if a != b => return None,
            (Some(_), None) | (None, Some(_)) => return None,
            _ => {}
        }
        if differ(self.month, other.month) {
            return Some("the month");
        }
        if self.month.is_some() && differ(self.day, other.day) {
            return Some("the day");
        }
        if differ(self.weekday, other.weekday) {
            return Some("the weekday");
        }
        None
    }
}

/// Whether two claim times cannot both hold: disjoint intervals, or, lacking those, a stated
/// part that differs.
pub fn times_conflict(a: &ClaimTime, b: &ClaimTime) -> bool {
    match (a.interval, b.interval) {
        (Some(x), Some(y)) => x.gap_days(&y) > 0,
        _ => PartialValue::of(a).conflict(&PartialValue::of(b)).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_values_conflict_on_the_parts_both_state() {
        let p = PartialValue::parse;
        assert_eq!(
            p("XXXX-WXX-5").conflict(&p("XXXX-WXX-2")),
            Some("the weekday")
        );
        assert_eq!(p("XXXX-WXX-5TNI").conflict(&p("XXXX-WXX-5")), None);
        assert_eq!(p("XXXX-12-12").conflict(&p("XXXX-12-19")), Some("the day"));
        assert_eq!(p("XXXX-12").conflict(&p("XXXX-12-19")), None);
        assert_eq!(p("XXXX-11-12").conflict(&p("XXXX-12")), Some("the month"));
        assert_eq!(p("XXXX-11-12").conflict(&p("2008-12")), None);
        assert_eq!(p("PAST_REF").conflict(&p("XXXX-12-19")), None);
        assert_eq!(p("P3D").conflict(&p("XXXX-WXX-1")), None);
    }

    #[test]
    fn a_weekday_alone_is_set_against_a_day_of_its_story_year() {
        let dated = |value: &str, weekday: u32| PartialValue {
            weekday: Some(weekday),
            ..PartialValue::parse(value)
        };
        let friday = PartialValue::parse("XXXX-WXX-5");
        // 2009-04-24 was a Friday, 2009-04-21 a Tuesday.
        assert!(!friday.weekday_differs_in_year(Some(2009), &dated("2009-04-24", 5)));
        assert!(friday.weekday_differs_in_year(Some(2009), &dated("2009-04-21", 2)));
        // An article set in another year, or in none, may tell of another week.
        assert!(!friday.weekday_differs_in_year(Some(2008), &dated("2009-04-21", 2)));
        assert!(!friday.weekday_differs_in_year(None, &dated("2009-04-21", 2)));
        // Only a weekday alone: "April 21" without a year is not set against a dated day.
        let undated = PartialValue::parse("XXXX-04-24");
        assert!(!undated.weekday_differs_in_year(Some(2009), &dated("2009-04-21", 2)));
        assert_eq!(friday.conflict(&dated("2009-04-21", 2)), None);
    }
}
