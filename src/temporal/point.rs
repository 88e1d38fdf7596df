//! Resolved calendar positions: a day, a week, a month, a quarter, a season, a year, a decade,
//! each printable as a TIMEX3 value and convertible to a day [`Interval`].
//!
//! Resolution works on these rather than on plain dates so that "last week" stays a week
//! (`2022-W10`) and "a year earlier" after a quarter stays a quarter (`2021-Q3`), as TimeML
//! annotates them, instead of collapsing to a fake day.

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::temporal::date::{Interval, PartialDate, Precision};
use crate::temporal::lexicon::Unit;

/// A calendar position at some granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// The ISO week containing the date.
    Week(NaiveDate),
    /// The weekend of the ISO week containing the date.
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// A decade by its first year.
    Decade(i32),
    /// A century by its first two digits (19 = 1900–1999).
    Century(i32),
}

impl Point {
    /// The point a publication date stands for.
    pub(crate) fn from_partial(date: PartialDate) -> Point {
        match (date.month, date.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(date.year, m, d)
                .map_or(Point::Month(date.year, m), Point::Day),
            (Some(m), None) => Point::Month(date.year, m),
            _ => Point::Year(date.year),
        }
    }

    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        match *self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Point::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(y) => format!("{:03}", y.div_euclid(10)),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// The year the point lies in (its first year).
    pub(crate) fn year(&self) -> i32 {
        match *self {
            Point::Day(d) | Point::Week(d) | Point::Weekend(d) => d.year(),
            Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _)
            | Point::Year(y)
            | Point::Decade(y) => y,
            Point::Century(c) => c * 100,
        }
    }

    /// The month the point starts in, when it is finer than a year.
    pub(crate) fn month(&self) -> Option<u32> {
        match *self {
            Point::Day(d) | Point::Week(d) | Point::Weekend(d) => Some(d.month()),
            Point::Month(_, m) => Some(m),
            Point::Quarter(_, q) => Some(q * 3 - 2),
            _ => None,
        }
    }

    /// The quarter the point lies in, when it is a quarter or finer.
    pub(crate) fn quarter(&self) -> Option<u32> {
        match *self {
            Point::Quarter(_, q) => Some(q),
            _ => self.month().map(|m| (m - 1) / 3 + 1),
        }
    }

    /// The day, when the point is a day.
    pub(crate) fn day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The days the point covers.
    pub(crate) fn interval(&self) -> Option<Interval> {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
        Some(match *self {
            Point::Day(d) => Interval::day(d),
            Point::Week(d) => Interval::week_of(d),
            Point::Weekend(d) => {
                let week = Interval::week_of(d);
                Interval {
                    start: week.start + Duration::days(5),
                    end: week.end,
                    precision: Precision::Week,
                }
            }
            Point::Month(y, m) => {
                ymd(y, m)?;
                Interval::month(y, m)
            }
            Point::Quarter(y, q) => months(ymd(y, q * 3 - 2)?, 3, Precision::Quarter)?,
            Point::Half(y, h) => months(ymd(y, h * 6 - 5)?, 6, Precision::Half)?,
            Point::Season(y, s) => {
                let (start, year) = match s {
                    "SP" => (3, y),
                    "SU" => (6, y),
                    "FA" => (9, y),
                    _ => (12, y),
                };
                months(ymd(year, start)?, 3, Precision::Quarter)?
            }
            Point::Year(y) => {
                ymd(y, 1)?;
                Interval::year(y)
            }
            Point::Decade(y) => Interval::years(y, 10, Precision::Decade),
            Point::Century(c) => Interval::years(c * 100, 100, Precision::Century),
        })
    }

    /// The point `n` units later (negative: earlier), keeping this point's granularity when
    /// the unit is at least as coarse, else `None` (a day cannot be shifted from a month).
    pub(crate) fn shift(&self, unit: Unit, n: i64) -> Option<Point> {
        let days = match unit {
            Unit::Day => Some(n),
            Unit::Week | Unit::Weekend => Some(7 * n),
            _ => None,
        };
        let months = match unit {
            Unit::Month => Some(n),
            Unit::Quarter => Some(3 * n),
            Unit::Year => Some(12 * n),
            Unit::Decade => Some(120 * n),
            Unit::Century => Some(1200 * n),
            _ => None,
        };
        match *self {
            Point::Day(d) | Point::Week(d) | Point::Weekend(d) => {
                let moved = match (days, months) {
                    (Some(k), _) => d.checked_add_signed(Duration::try_days(k)?)?,
                    (_, Some(k)) => add_months(d, k)?,
                    _ => return None,
                };
                Some(match self {
                    Point::Day(_) => Point::Day(moved),
                    Point::Week(_) => Point::Week(moved),
                    _ => Point::Weekend(moved),
                })
            }
            Point::Month(y, m) => {
                let k = months?;
                let total = i64::from(y) * 12 + i64::from(m) - 1 + k;
                Some(Point::Month(
                    i32::try_from(total.div_euclid(12)).ok()?,
                    total.rem_euclid(12) as u32 + 1,
                ))
            }
            Point::Quarter(y, q) => {
                let k = months?;
                if k % 3 != 0 {
                    return None;
                }
                let total = i64::from(y) * 4 + i64::from(q) - 1 + k / 3;
                Some(Point::Quarter(
                    i32::try_from(total.div_euclid(4)).ok()?,
                    total.rem_euclid(4) as u32 + 1,
                ))
            }
            Point::Half(y, h) => {
                let k = months?;
                if k % 6 != 0 {
                    return None;
                }
                let total = i64::from(y) * 2 + i64::from(h) - 1 + k / 6;
                Some(Point::Half(
                    i32::try_from(total.div_euclid(2)).ok()?,
                    total.rem_euclid(2) as u32 + 1,
                ))
            }
            Point::Season(y, s) => {
                let k = months?;
                (k % 12 == 0).then(|| Point::Season(y + (k / 12) as i32, s))
            }
            Point::Year(y) => {
                let k = months?;
                (k % 12 == 0).then(|| Point::Year(y + (k / 12) as i32))
            }
            Point::Decade(y) => {
                let k = months?;
                (k % 120 == 0).then(|| Point::Decade(y + (k / 12) as i32))
            }
            Point::Century(c) => {
                let k = months?;
                (k % 1200 == 0).then(|| Point::Century(c + (k / 1200) as i32))
            }
        }
    }

    /// This point coarsened to `unit`'s granularity: the week, month, year ... containing it.
    pub(crate) fn coarsen(&self, unit: Unit) -> Point {
        let y = self.year();
        match unit {
            Unit::Day | Unit::Second | Unit::Minute | Unit::Hour => *self,
            Unit::Week => self.day().map_or(*self, Point::Week),
            Unit::Weekend => self.day().map_or(*self, Point::Weekend),
            Unit::Month => self.month().map_or(*self, |m| Point::Month(y, m)),
            Unit::Quarter => self.quarter().map_or(*self, |q| Point::Quarter(y, q)),
            Unit::Year => Point::Year(y),
            Unit::Decade => Point::Decade(y - y.rem_euclid(10)),
            Unit::Century => Point::Century(y.div_euclid(100)),
        }
    }

    /// Whether the point is finer than or as fine as `unit`.
    pub(crate) fn finer_than(&self, unit: Unit) -> bool {
        let rank = match self {
            Point::Day(_) => 0,
            Point::Week(_) | Point::Weekend(_) => 1,
            Point::Month(..) => 2,
            Point::Quarter(..) | Point::Season(..) => 3,
            Point::Half(..) => 4,
            Point::Year(_) => 5,
            Point::Decade(_) => 6,
            Point::Century(_) => 7,
        };
        let need = match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => 0,
            Unit::Week | Unit::Weekend => 1,
            Unit::Month => 2,
            Unit::Quarter => 3,
            Unit::Year => 5,
            Unit::Decade => 6,
            Unit::Century => 7,
        };
        rank <= need
    }
}

/// `count` months from `start`, at `precision`.
fn months(start: NaiveDate, count: u32, precision: Precision) -> Option<Interval> {
    Some(Interval {
        start,
        end: start.checked_add_months(Months::new(count))?,
        precision,
    })
}

/// `date` moved by `k` months (clamped to the month's last day).
fn add_months(date: NaiveDate, k: i64) -> Option<NaiveDate> {
    let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
    if k >= 0 {
        date.checked_add_months(m)
    } else {
        date.checked_sub_months(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let d = NaiveDate::from_ymd_opt(1998, 3, 1).unwrap();
        assert_eq!(Point::Week(d).value(), "1998-W09");
        assert_eq!(Point::Weekend(d).value(), "1998-W09-WE");
        assert_eq!(Point::Decade(1990).value(), "199");
        assert_eq!(Point::Century(19).value(), "19");
        assert_eq!(Point::Quarter(1989, 3).value(), "1989-Q3");
    }

    #[test]
    fn shifts_keep_granularity() {
        assert_eq!(
            Point::Month(2022, 11).shift(Unit::Month, -9),
            Some(Point::Month(2022, 2))
        );
        assert_eq!(
            Point::Quarter(1989, 3).shift(Unit::Year, -1),
            Some(Point::Quarter(1988, 3))
        );
        assert_eq!(Point::Month(2022, 3).shift(Unit::Day, 12), None);
        let feb12 = NaiveDate::from_ymd_opt(2022, 2, 12).unwrap();
        assert_eq!(
            Point::Day(feb12).shift(Unit::Day, 12).map(|p| p.value()),
            Some("2022-02-24".to_string())
        );
    }
}
