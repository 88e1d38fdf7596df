//! Calendar values with a precision: partial dates ("2022", "2022-03", "2022-03-15") and
//! day intervals.
//!
//! News gives dates at many granularities, and a publication date may be known only to the
//! month. Comparing "nine months ago" (a month) with "February 24" (a day) must happen at the
//! coarser precision, so every resolved time is an [`Interval`] of days that remembers the
//! [`Precision`] it was stated at, never a fake point.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// How finely a date or interval was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day.
    Day,
    /// A calendar week (Monday to Sunday).
    Week,
    /// A calendar month.
    Month,
    /// A quarter or a season.
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Precision {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year (proleptic Gregorian).
    pub year: i32,
    /// The month, 1–12, when known.
    pub month: Option<u32>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date known to the day; `None` when the day does not exist.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<PartialDate> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A date known to the month; `None` for a month outside 1–12.
    pub fn ym(year: i32, month: u32) -> Option<PartialDate> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date known to the year.
    pub fn y(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// The partial date of a full calendar date.
    pub fn from_date(date: NaiveDate) -> PartialDate {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The precision: day, month or year.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The days this date covers.
    pub fn interval(&self) -> Interval {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Interval::day(
                NaiveDate::from_ymd_opt(self.year, m, d).expect("validated on construction"),
            ),
            (Some(m), None) => Interval::month(self.year, m),
            _ => Interval::year(self.year),
        }
    }
}

/// The error for text that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {found:?}")]
pub struct ParseDateError {
    /// The text that did not parse.
    pub found: String,
}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<PartialDate, ParseDateError> {
        let err = || ParseDateError {
            found: s.to_string(),
        };
        let s = s.trim();
        // Accept a full timestamp's date part: "2022-03-07T10:00:00Z".
        let s = s.split(['T', ' ']).next().unwrap_or(s);
        let mut parts = s.split('-');
        let number = |part: Option<&str>, len: usize| -> Result<Option<u32>, ParseDateError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| err())?))
                }
                Some(_) => Err(err()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(err)? as i32;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(err());
        }
        match (month, day) {
            (None, _) => Ok(PartialDate::y(year)),
            (Some(m), None) => PartialDate::ym(year, m).ok_or_else(err),
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d).ok_or_else(err),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A half-open range of days `[start, end)` with the precision it was stated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// The first day.
    pub start: NaiveDate,
    /// The day after the last day.
    pub end: NaiveDate,
    /// How finely the time was stated.
    pub precision: Precision,
}

impl Interval {
    /// One day.
    pub fn day(date: NaiveDate) -> Interval {
        Interval {
            start: date,
            end: date + Duration::days(1),
            precision: Precision::Day,
        }
    }

    /// A calendar month. Panics on a month outside 1–12 (callers validate).
    pub fn month(year: i32, month: u32) -> Interval {
        let start = NaiveDate::from_ymd_opt(year, month, 1).expect("month in 1..=12");
        let end = next_month(year, month);
        Interval {
            start,
            end,
            precision: Precision::Month,
        }
    }

    /// A calendar year.
    pub fn year(year: i32) -> Interval {
        Interval::years(year, 1, Precision::Year)
    }

    /// `count` calendar years from `year`, at `precision` (a decade is ten years).
    pub fn years(year: i32, count: i32, precision: Precision) -> Interval {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let end = NaiveDate::from_ymd_opt(year + count, 1, 1).unwrap_or(NaiveDate::MAX);
        Interval {
            start,
            end,
            precision,
        }
    }

    /// The ISO week (Monday start) containing `date`.
    pub fn week_of(date: NaiveDate) -> Interval {
        let monday = date - Duration::days(date.weekday().num_days_from_monday() as i64);
        Interval {
            start: monday,
            end: monday + Duration::days(7),
            precision: Precision::Week,
        }
    }

    /// Number of days covered.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    /// Whether the two intervals share a day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Days between the two intervals when they are disjoint, 0 when they overlap.
    pub fn gap_days(&self, other: &Interval) -> i64 {
        if self.overlaps(other) {
            0
        } else if self.end <= other.start {
            (other.start - self.end).num_days() + 1
        } else {
            (self.start - other.end).num_days() + 1
        }
    }

    /// The coarser of the two precisions.
    pub fn coarser(&self, other: &Interval) -> Precision {
        self.precision.max(other.precision)
    }

    /// The same interval shifted by `days`.
    pub fn shift_days(&self, days: i64) -> Interval {
        Interval {
            start: self.start + Duration::days(days),
            end: self.end + Duration::days(days),
            precision: self.precision,
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last = self.end - Duration::days(1);
        match self.precision {
            Precision::Day if self.days() == 1 => write!(f, "{}", self.start.format("%Y-%m-%d")),
            Precision::Month if self.days() <= 31 => write!(f, "{}", self.start.format("%Y-%m")),
            Precision::Year if self.days() <= 366 => write!(f, "{}", self.start.format("%Y")),
            _ => write!(
                f,
                "{}..{}",
                self.start.format("%Y-%m-%d"),
                last.format("%Y-%m-%d")
            ),
        }
    }
}

/// The first day of the month after `month` of `year`.
fn next_month(year: i32, month: u32) -> NaiveDate {
    if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_print() {
        for text in ["2022", "2022-03", "2022-03-15"] {
            assert_eq!(text.parse::<PartialDate>().unwrap().to_string(), text);
        }
        assert_eq!(
            "2022-11-15T08:00:00Z"
                .parse::<PartialDate>()
                .unwrap()
                .to_string(),
            "2022-11-15"
        );
    }

    #[test]
    fn bad_partial_dates_are_errors() {
        for text in [
            "",
            "22",
            "2022-13",
            "2022-02-30",
            "2022-3",
            "2022-03-15-01",
            "March",
        ] {
            assert!(text.parse::<PartialDate>().is_err(), "{text}");
        }
    }

    #[test]
    fn month_and_day_overlap_at_coarser_precision() {
        let feb = PartialDate::ym(2022, 2).unwrap().interval();
        let day = PartialDate::ymd(2022, 2, 24).unwrap().interval();
        assert!(feb.overlaps(&day));
        assert_eq!(feb.coarser(&day), Precision::Month);
        let march = PartialDate::ym(2022, 3).unwrap().interval();
        assert!(!march.overlaps(&day));
        assert_eq!(day.gap_days(&march), 5);
    }

    #[test]
    fn display_names_the_precision() {
        assert_eq!(
            PartialDate::ym(2022, 2).unwrap().interval().to_string(),
            "2022-02"
        );
        assert_eq!(
            Interval::week_of(NaiveDate::from_ymd_opt(2022, 3, 9).unwrap()).to_string(),
            "2022-03-07..2022-03-13"
        );
    }
}
