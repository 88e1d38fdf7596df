//! Normalization: turns a parsed expression into a TIMEX3 type and value, a day interval and
//! an anchor.
//!
//! Policy (see `docs/timex.md`):
//! - deictic expressions ("nine months ago", "last week", "on Wednesday") resolve against the
//!   publication date, at no finer precision than that date is known;
//! - anaphoric ones ("twelve days later", "the following day") against the last resolved date
//!   of the narrative, falling back to the publication date;
//! - a partial date ("in March", "Nov. 15") takes its year from the publication date and the
//!   tense around it (past → the latest such date not after publication, future → the next one,
//!   unknown → the nearest one);
//! - with no anchor at all, the value stays underspecified (`XXXX-02-12`); nothing is guessed.

use chrono::{Datelike, Duration, NaiveDate};

use crate::temporal::date::{Interval, PartialDate};
use crate::temporal::grammar::{Amount, Expr, Holiday, Parsed, YearPart, YearRef};
use crate::temporal::lexicon::Unit;
use crate::temporal::point::Point;
use crate::temporal::tense::Tense;
use crate::temporal::timex::{Anchor, DurationDays, Timex, TimexType};
use crate::text::span::Span;

/// What an expression can be anchored on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The publication date, if known.
    pub(crate) published: Option<PartialDate>,
    /// The last resolved date of the narrative and where it was said.
    pub(crate) narrative: Option<(Span, Point)>,
    /// The last day the narrative was at, kept when it moves on to a month or a year.
    pub(crate) last_day: Option<(Span, Point)>,
    /// The tense of the sentence around the expression.
    pub(crate) tense: Tense,
    /// The date the expression, a period, is said to end on ("the quarter ended Sept. 30").
    pub(crate) ends_on: Option<Point>,
}

/// The outcome of resolving a date-like expression.
struct Resolved {
    value: String,
    point: Option<Point>,
    interval: Option<Interval>,
    anchor: Anchor,
    inferred: bool,
}

impl Resolved {
    fn point(point: Point, anchor: Anchor) -> Resolved {
        Resolved {
            value: point.value(),
            interval: point.interval(),
            point: Some(point),
            anchor,
            inferred: false,
        }
    }

    fn unknown(value: impl Into<String>, anchor: Anchor) -> Resolved {
        Resolved {
            value: value.into(),
            point: None,
            interval: None,
            anchor,
            inferred: false,
        }
    }
}

/// Resolves `parsed`, found at `span`, into a [`Timex`]; also returns the point it resolved to,
/// for the narrative.
pub(crate) fn resolve(parsed: &Parsed, span: Span, ctx: &Context) -> (Timex, Option<Point>) {
    let mut timex = Timex {
        span,
        kind: TimexType::Date,
        value: String::new(),
        bound: parsed.bound,
        modifier: parsed.modifier.map(str::to_string),
        interval: None,
        duration: None,
        anchor: Anchor::None,
        inferred: false,
    };
    let resolved = match &parsed.expr {
        Expr::Duration { amount, unit } => {
            timex.kind = TimexType::Duration;
            timex.value = duration_value(*amount, *unit);
            if let Amount::Exact(n) = amount {
                timex.duration = Some(DurationDays {
                    days: n * unit.days(),
                    bound: parsed.bound,
                });
            }
            return (timex, None);
        }
        Expr::Set {
            unit,
            count,
            weekday,
            month,
            part,
        } => {
            timex.kind = TimexType::Set;
            let part = part.map(|p| format!("T{p}")).unwrap_or_default();
            timex.value = match (unit, weekday, month) {
                (_, Some(w), _) => format!("XXXX-WXX-{w}{part}"),
                (_, _, Some(m)) => format!("XXXX-{m:02}"),
                (Some(u), ..) => duration_value(Amount::Exact(f64::from(*count)), *u),
                _ => "XXXX".to_string(),
            };
            return (timex, None);
        }
        Expr::Reference(r) => {
            timex.value = (*r).to_string();
            return (timex, None);
        }
        Expr::Event { event, offset_days } => {
            timex.value = "XXXX-XX-XX".to_string();
            timex.anchor = Anchor::Event {
                event: event.clone(),
                offset_days: *offset_days,
            };
            return (timex, None);
        }
        Expr::Time { clock, part, day } => {
            timex.kind = TimexType::Time;
            let day = match day {
                Some(d) => date(d, ctx),
                // A bare clock time is on the day the narrative is at, else on publication.
                None => match (ctx.narrative, published_point(ctx)) {
                    (Some((span, p @ Point::Day(_))), _) => {
                        Resolved::point(p, Anchor::Narrative { on: span })
                    }
                    (_, Some(p @ Point::Day(_))) => Resolved::point(p, Anchor::Published),
                    _ => Resolved::unknown("XXXX-XX-XX", Anchor::None),
                },
            };
            let suffix = match (clock, part) {
                (Some((h, m, utc)), _) => {
                    format!("T{h:02}:{m:02}{}", if *utc { "Z" } else { "" })
                }
                (None, Some(p)) => format!("T{p}"),
                (None, None) => String::new(),
            };
            let base = match day.point {
                Some(Point::Day(d)) => d.format("%Y-%m-%d").to_string(),
                _ if day.value.starts_with("XXXX-WXX") => day.value.clone(),
                _ => "XXXX-XX-XX".to_string(),
            };
            timex.value = format!("{base}{suffix}");
            timex.interval = day.point.and_then(|p| p.day()).map(Interval::day);
            timex.anchor = day.anchor;
            timex.inferred = day.inferred;
            return (timex, day.point.filter(|p| p.day().is_some()));
        }
        expr => date(expr, ctx),
    };
    timex.value = resolved.value;
    timex.interval = resolved.interval;
    timex.anchor = resolved.anchor;
    timex.inferred = resolved.inferred;
    (timex, resolved.point)
}

/// The TIMEX3 duration value: `P9M`, `P24D`, `PT5H`, `PXY`, `P2.5Y`.
fn duration_value(amount: Amount, unit: Unit) -> String {
    let (scale, code) = match unit {
        Unit::Second => (1.0, "S"),
        Unit::Minute => (1.0, "M"),
        Unit::Hour => (1.0, "H"),
        Unit::Day => (1.0, "D"),
        Unit::Weekend => (2.0, "D"),
        Unit::Week => (1.0, "W"),
        Unit::Month => (1.0, "M"),
        Unit::Quarter => (1.0, "Q"),
        Unit::Year => (1.0, "Y"),
        Unit::Decade => (10.0, "Y"),
        Unit::Century => (100.0, "Y"),
    };
    let t = if unit.is_clock() { "T" } else { "" };
    let n = match amount {
        Amount::Exact(n) => {
            let n = n * scale;
            if n.fract() == 0.0 {
                format!("{}", n as i64)
            } else if let Some(value) = mixed_duration(n, unit) {
                // "2 1/2 years" is written in whole units: P2Y6M.
                return value;
            } else {
                format!("{n}")
            }
        }
        // "centuries": an unstated count of centuries, in TimeML's century unit.
        Amount::Some if unit == Unit::Century => return "PXC".to_string(),
        Amount::Some => "X".to_string(),
    };
    format!("P{t}{n}{code}")
}

/// A fractional count of `unit` as whole units and whole smaller units, as TimeML writes it
/// ("2 1/2 years" `P2Y6M`, "a minute and a half" `PT1M30S`), when the fraction is exact in the
/// smaller unit.
fn mixed_duration(n: f64, unit: Unit) -> Option<String> {
    let (per, big, small, clock_small) = match unit {
        Unit::Year => (12.0, "Y", "M", false),
        Unit::Month => return None,
        Unit::Day => (24.0, "D", "H", true),
        Unit::Hour => (60.0, "H", "M", true),
        Unit::Minute => (60.0, "M", "S", true),
        _ => return None,
    };
    let whole = n.trunc();
    let rest = (n - whole) * per;
    if (rest - rest.round()).abs() > 1e-9 || n < 0.0 {
        return None;
    }
    let rest = rest.round() as i64;
    let whole = whole as i64;
    let t = if unit.is_clock() { "T" } else { "" };
    let head = if whole > 0 {
        format!("{whole}{big}")
    } else {
        String::new()
    };
    Some(match (unit.is_clock(), clock_small) {
        (false, true) => format!("P{head}T{rest}{small}"),
        _ => format!("P{t}{head}{rest}{small}"),
    })
}

/// The publication date as a point.
fn published_point(ctx: &Context) -> Option<Point> {
    ctx.published.map(Point::from_partial)
}

/// Resolves a date-like expression.
fn date(expr: &Expr, ctx: &Context) -> Resolved {
    match *expr {
        Expr::Calendar {
            year,
            month,
            day,
            year_offset,
            ..
        } => calendar(year, month, day, year_offset, ctx),
        Expr::Month { month, offset } => relative_month(month, offset, ctx),
        Expr::Decade(y) => Resolved::point(Point::Decade(y), Anchor::None),
        Expr::Century(c) => Resolved::point(Point::Century(c), Anchor::None),
        Expr::Part { part, year } => year_part(part, year, ctx),
        Expr::Relative { unit, offset } => relative(unit, offset, ctx),
        Expr::Weekday {
            weekday,
            offset,
            anaphoric,
        } => weekday_date(weekday, offset, anaphoric, ctx),
        Expr::Ago { amount, unit, sign } => ago(amount, unit, sign, ctx),
        Expr::Shift { amount, unit, sign } => shift(amount, unit, sign, ctx),
        Expr::Narrative {
            unit,
            offset,
            pointed,
        } => narrative_unit(unit, offset, pointed, ctx),
        Expr::Holiday { holiday, offset } => holiday_date(holiday, offset, ctx),
        Expr::WeekOf(ref day) => {
            let r = match **day {
                // "Easter week began": the holiday's week nearest publication, whatever the
                // tense (a week of the holiday that began is still running).
                Expr::Holiday { holiday, offset: 0 } => holiday_nearest(holiday, ctx),
                _ => date(day, ctx),
            };
            match r.point {
                Some(p) if p.day().is_some() => Resolved {
                    inferred: r.inferred,
                    ..Resolved::point(p.coarsen(Unit::Week), r.anchor)
                },
                _ => Resolved::unknown("XXXX-WXX", r.anchor),
            }
        }
        // A clock time's day counted from an event ("6 a.m. ten days before the shooting").
        Expr::Event {
            ref event,
            offset_days,
        } => Resolved::unknown(
            "XXXX-XX-XX",
            Anchor::Event {
                event: event.clone(),
                offset_days,
            },
        ),
        Expr::DayFrom { ref day, offset } => {
            let r = date(day, ctx);
            match r.point.and_then(|p| p.day()) {
                Some(d) => Resolved {
                    inferred: r.inferred,
                    ..Resolved::point(Point::Day(d + Duration::days(i64::from(offset))), r.anchor)
                },
                None => Resolved::unknown("XXXX-XX-XX", r.anchor),
            }
        }
        _ => Resolved::unknown("XXXX-XX-XX", Anchor::None),
    }
}

/// A calendar date, with the year taken from publication when it is not written.
fn calendar(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    year_offset: Option<i32>,
    ctx: &Context,
) -> Resolved {
    let make = |y: i32| -> Option<Point> {
        match (month, day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
            (Some(m), None) => Some(Point::Month(y, m)),
            _ => Some(Point::Year(y)),
        }
    };
    let unspecified = || match (month, day) {
        (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
        (Some(m), None) => format!("XXXX-{m:02}"),
        _ => "XXXX".to_string(),
    };
    if let Some(y) = year {
        return match make(y) {
            Some(p) => Resolved::point(p, Anchor::None),
            None => Resolved::unknown(unspecified(), Anchor::None),
        };
    }
    let Some(published) = ctx.published else {
        return Resolved::unknown(unspecified(), Anchor::None);
    };
    if let Some(o) = year_offset {
        return match make(published.year + o) {
            Some(p) => Resolved::point(p, Anchor::Published),
            None => Resolved::unknown(unspecified(), Anchor::Published),
        };
    }
    let Some(m) = month else {
        return Resolved::unknown(unspecified(), Anchor::None);
    };
    // Compare (month, day) with the publication date at the precision both are known.
    let Some(pm) = published.month else {
        // Publication known to the year only: the year is a guess.
        return match make(published.year) {
            Some(p) => {
                let mut r = Resolved::point(p, Anchor::Published);
                r.inferred = true;
                r
            }
            None => Resolved::unknown(unspecified(), Anchor::Published),
        };
    };
    // Distance from publication in (about) days, at the precision both are known.
    let known_day = published.day.is_some() && day.is_some();
    let here = m as i32 * 31
        + if known_day {
            day.unwrap_or(0) as i32
        } else {
            0
        };
    let now = pm as i32 * 31
        + if known_day {
            published.day.unwrap_or(0) as i32
        } else {
            0
        };
    let diff = here - now;
    let y = published.year;
    // A past-tense sentence may still name a date just ahead ("payable Dec. 15", "set to expire
    // Nov. 6"), and a future one a date just behind: each tense tolerates a short window.
    let ahead = if day.is_some() { 62 } else { 31 };
    let year = match ctx.tense {
        Tense::Past if diff > ahead => y - 1,
        Tense::Future if diff < -31 => y + 1,
        // Without a tense, news is about the past: a date more than four months ahead is last
        // year's, and only one within a quarter behind the turn of the year is next year's.
        Tense::Unknown if diff > 4 * 31 => y - 1,
        Tense::Unknown if diff < -9 * 31 => y + 1,
        _ => y,
    };
    match make(year) {
        Some(p) => Resolved::point(p, Anchor::Published),
        None => Resolved::unknown(unspecified(), Anchor::Published),
    }
}

/// "Last November": the latest such month before the publication month; "next March" the
/// first after it; "this June" the one of the publication year.
fn relative_month(month: u32, offset: i32, ctx: &Context) -> Resolved {
    let Some(p) = ctx.published else {
        return Resolved::unknown(format!("XXXX-{month:02}"), Anchor::None);
    };
    let y = p.year;
    let year = match (offset, p.month) {
        (0, _) => y,
        (-1, Some(pm)) if month < pm => y,
        (-1, _) => y - 1,
        (_, Some(pm)) if month > pm => y,
        _ => y + 1,
    };
    let mut r = Resolved::point(Point::Month(year, month), Anchor::Published);
    r.inferred = p.month.is_none() && offset != 0;
    r
}

/// A quarter, half, season or fiscal year.
fn year_part(part: YearPart, year: YearRef, ctx: &Context) -> Resolved {
    let code = |y: &str| match part {
        YearPart::Quarter(0) => format!("{y}-QX"),
        YearPart::Quarter(q) => format!("{y}-Q{q}"),
        YearPart::Half(h) => format!("{y}-H{h}"),
        YearPart::Season(s) => format!("{y}-{s}"),
        YearPart::Whole => y.to_string(),
    };
    let make = |y: i32| match part {
        YearPart::Quarter(q) => Point::Quarter(y, q),
        YearPart::Half(h) => Point::Half(y, h),
        YearPart::Season(s) => Point::Season(y, s),
        YearPart::Whole => Point::Year(y),
    };
    let published = published_point(ctx);
    // "The quarter", "the year-ago quarter": the quarter the narrative is about.
    let narrative_quarter = ctx.narrative.and_then(|(span, p)| match p {
        Point::Quarter(..) => Some((span, p)),
        _ => None,
    });
    if part == YearPart::Quarter(0)
        && let Some(q) = ctx.ends_on.and_then(quarter_ending)
    {
        return Resolved::point(q, Anchor::Published);
    }
    // "The 1988 period", "the year-ago results" after a span of a year ("the first nine
    // months"): that year's span, named by its year.
    if part == YearPart::Quarter(0)
        && let Some((span, Point::Year(ny))) = ctx.narrative
    {
        let anchor = Anchor::Narrative { on: span };
        match year {
            YearRef::Absolute(y) => return Resolved::point(Point::Year(y), anchor),
            YearRef::Anaphoric(k) => return Resolved::point(Point::Year(ny + k), anchor),
            _ => {}
        }
    }
    if part == YearPart::Quarter(0) {
        // The quarter in context: the narrative's, else the last one before publication.
        let (base, anchor) = match narrative_quarter {
            Some((span, p)) => (Some(p), Anchor::Narrative { on: span }),
            None => (published.and_then(previous_quarter), Anchor::Published),
        };
        let Some(Point::Quarter(by, bq)) = base else {
            return match year {
                YearRef::Absolute(y) => Resolved::unknown(code(&format!("{y:04}")), Anchor::None),
                _ => Resolved::unknown("XXXX-QX", Anchor::None),
            };
        };
        return match year {
            YearRef::Absolute(y) => Resolved::point(Point::Quarter(y, bq), anchor),
            YearRef::Offset(k) => match published {
                Some(p) => Resolved::point(Point::Quarter(p.year() + k, bq), Anchor::Published),
                None => Resolved::unknown("XXXX-QX", Anchor::None),
            },
            YearRef::Anaphoric(k) => Resolved::point(Point::Quarter(by + k, bq), anchor),
            YearRef::Implicit | YearRef::Latest => Resolved::point(Point::Quarter(by, bq), anchor),
        };
    }
    match (part, year) {
        (_, YearRef::Absolute(y)) => Resolved::point(make(y), Anchor::None),
        (_, YearRef::Anaphoric(k)) => {
            let base = ctx.narrative.map(|(_, p)| p).or(published);
            match base {
                Some(p) => Resolved::point(make(p.year() + k), Anchor::Published),
                None => Resolved::unknown(code("XXXX"), Anchor::None),
            }
        }
        (_, YearRef::Offset(k)) => match published {
            Some(p) => Resolved::point(make(p.year() + k), Anchor::Published),
            None => Resolved::unknown(code("XXXX"), Anchor::None),
        },
        (_, YearRef::Latest) => {
            let Some(p) = published else {
                return Resolved::unknown(code("XXXX"), Anchor::None);
            };
            let y = p.year();
            let Some(pm) = p.month() else {
                let mut r = Resolved::point(make(y - 1), Anchor::Published);
                r.inferred = true;
                return r;
            };
            // The latest one over by the publication month ("this past spring" in October is
            // this year's, in April last year's); a winter spans the turn of the year.
            let (start, len) = match part {
                YearPart::Quarter(q) => (q * 3 - 2, 3),
                YearPart::Half(h) => (h * 6 - 5, 6),
                YearPart::Season(s) => (season_start(s), 3),
                YearPart::Whole => (1, 12),
            };
            let year = if start + len - 1 < pm { y } else { y - 1 };
            Resolved::point(make(year), Anchor::Published)
        }
        (_, YearRef::Implicit) => {
            let Some(p) = published else {
                return Resolved::unknown(code("XXXX"), Anchor::None);
            };
            let y = p.year();
            let Some(pm) = p.month() else {
                let mut r = Resolved::point(make(y), Anchor::Published);
                r.inferred = true;
                return r;
            };
            let start_month = match part {
                YearPart::Quarter(q) => q * 3 - 2,
                YearPart::Half(h) => h * 6 - 5,
                YearPart::Season(s) => season_start(s),
                YearPart::Whole => 1,
            };
            // Quarters and halves are reported after they end and forecast while they run, so
            // the latest one begun by publication is meant, unless the sentence looks ahead
            // to one that ended more than a quarter ago ("expects first-quarter growth" in
            // November). Seasons follow the tense like months.
            let period_end = match part {
                YearPart::Quarter(q) => q * 3,
                YearPart::Half(h) => h * 6,
                _ => start_month + 2,
            };
            let report_period = matches!(part, YearPart::Quarter(_) | YearPart::Half(_));
            let year = match ctx.tense {
                _ if report_period && start_month > pm => {
                    if ctx.tense == Tense::Future {
                        y
                    } else {
                        y - 1
                    }
                }
                Tense::Future if report_period && period_end + 3 < pm => y + 1,
                _ if report_period => y,
                Tense::Past if start_month > pm => y - 1,
                Tense::Future if period_end < pm => y + 1,
                Tense::Unknown if start_month as i32 - pm as i32 > 6 => y - 1,
                _ => y,
            };
            Resolved::point(make(year), Anchor::Published)
        }
    }
}

/// The calendar quarter a three-month period ending on `end` mostly lies in: the quarter of
/// its middle month ("the quarter ended July 31" is May to July: the second; one ended
/// Sept. 30 the third). A period ending early in a month ends with the month before.
fn quarter_ending(end: Point) -> Option<Point> {
    let d = end.day()?;
    let last = if d.day() >= 15 {
        i64::from(d.month())
    } else {
        i64::from(d.month()) - 1
    };
    // Months counted from January of the end's year, 0-based; the middle month is one back.
    let middle = last - 2;
    let year = d.year() + middle.div_euclid(12) as i32;
    let month = middle.rem_euclid(12) as u32 + 1;
    Some(Point::Quarter(year, (month - 1) / 3 + 1))
}

/// The month a season starts in (winter: December).
fn season_start(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The quarter before the one `p` lies in (a report's "latest quarter").
fn previous_quarter(p: Point) -> Option<Point> {
    let q = p.quarter()?;
    Point::Quarter(p.year(), q).shift(Unit::Quarter, -1)
}

/// "Last week", "this year", "today": the publication date's unit, shifted.
fn relative(unit: Unit, offset: i32, ctx: &Context) -> Resolved {
    let Some(p) = published_point(ctx) else {
        return Resolved::unknown(unknown_value(unit), Anchor::None);
    };
    if !p.finer_than(unit) {
        // Known only to the month (or year): "today" is in that month, "yesterday" maybe not.
        return if offset == 0 {
            let mut r = Resolved::point(p, Anchor::Published);
            r.value = partial_value(p, unit);
            r
        } else {
            Resolved::unknown(unknown_value(unit), Anchor::Published)
        };
    }
    let base = p.coarsen(unit);
    // "The weekend" and "this weekend" told in the past are the one just gone when published
    // on a weekday; otherwise the weekend of the publication's week.
    let offset = match (unit, offset, ctx.tense, p.day()) {
        (Unit::Weekend, 0, Tense::Past | Tense::Unknown, Some(d))
            if d.weekday().number_from_monday() < 6 =>
        {
            -1
        }
        _ => offset,
    };
    match base.shift(unit, i64::from(offset)) {
        Some(q) => Resolved::point(q, Anchor::Published),
        None => Resolved::unknown(unknown_value(unit), Anchor::Published),
    }
}

/// A fully underspecified value at `unit`'s granularity.
fn unknown_value(unit: Unit) -> String {
    match unit {
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

/// The value of a unit inside a coarser known point: "today" in March 2022 is `2022-03-XX`.
fn partial_value(p: Point, unit: Unit) -> String {
    let known = p.value();
    match unit {
        Unit::Week => format!("{}-WXX", p.year()),
        Unit::Weekend => format!("{}-WXX-WE", p.year()),
        Unit::Month => format!("{:04}-XX", p.year()),
        _ if known.len() == 7 => format!("{known}-XX"),
        _ => format!("{known}-XX-XX"),
    }
}

/// A weekday: the latest one not after publication in past or unknown tense, the next one in
/// future tense; "last"/"next" move a week. "The previous Friday", "the following Monday"
/// count from the day being told when the story is at a day.
fn weekday_date(weekday: u32, offset: i32, anaphoric: bool, ctx: &Context) -> Resolved {
    let unknown = || format!("XXXX-WXX-{weekday}");
    let (base, anchor) = match ctx.narrative {
        Some((span, p @ Point::Day(_))) if anaphoric => (Some(p), Anchor::Narrative { on: span }),
        _ => (published_point(ctx), Anchor::Published),
    };
    let Some(p) = base else {
        return Resolved::unknown(unknown(), Anchor::None);
    };
    let Some(d) = p.day() else {
        return Resolved::unknown(unknown(), anchor);
    };
    let here = d.weekday().number_from_monday() as i64;
    let want = i64::from(weekday);
    let back = (here - want).rem_euclid(7);
    let forward = (want - here).rem_euclid(7);
    let delta = match (offset, ctx.tense) {
        (-1, _) => -(if back == 0 { 7 } else { back }),
        (1, _) => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        (_, Tense::Future) => forward,
        _ => -back,
    };
    let date = d + Duration::days(delta);
    Resolved::point(Point::Day(date), anchor)
}

/// A holiday: "last Christmas" the latest before publication, "next Easter" the first after,
/// a bare one by the tense of its sentence (past or untensed: the latest on or before
/// publication; future: the first on or after).
fn holiday_date(holiday: Holiday, offset: i32, ctx: &Context) -> Resolved {
    let unknown = || match holiday {
        Holiday::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
        _ => "XXXX-XX-XX".to_string(),
    };
    let Some(p) = ctx.published else {
        return Resolved::unknown(unknown(), Anchor::None);
    };
    let Some(day) = p
        .day
        .and_then(|d| NaiveDate::from_ymd_opt(p.year, p.month?, d))
    else {
        // Publication known to the month or year: the holiday of that year, as a guess.
        return match holiday_on(holiday, p.year) {
            Some(d) => {
                let mut r = Resolved::point(Point::Day(d), Anchor::Published);
                r.inferred = true;
                r
            }
            None => Resolved::unknown(unknown(), Anchor::Published),
        };
    };
    let candidates = [p.year - 1, p.year, p.year + 1].map(|y| holiday_on(holiday, y));
    let before = |strict: bool| {
        candidates
            .iter()
            .flatten()
            .filter(|&&d| if strict { d < day } else { d <= day })
            .max()
            .copied()
    };
    let after = |strict: bool| {
        candidates
            .iter()
            .flatten()
            .filter(|&&d| if strict { d > day } else { d >= day })
            .min()
            .copied()
    };
    let date = match (offset, ctx.tense) {
        (-1, _) => before(true),
        (1, _) => after(true),
        (_, Tense::Future) => after(false),
        _ => before(false),
    };
    match date {
        Some(d) => Resolved::point(Point::Day(d), Anchor::Published),
        None => Resolved::unknown(unknown(), Anchor::Published),
    }
}

/// The holiday nearest the publication day (the earlier one on a tie); with the publication
/// known only to the month or year, as [`holiday_date`] has it.
fn holiday_nearest(holiday: Holiday, ctx: &Context) -> Resolved {
    let Some(p) = ctx.published else {
        return holiday_date(holiday, 0, ctx);
    };
    let Some(day) = p
        .day
        .and_then(|d| NaiveDate::from_ymd_opt(p.year, p.month?, d))
    else {
        return holiday_date(holiday, 0, ctx);
    };
    [p.year - 1, p.year, p.year + 1]
        .into_iter()
        .filter_map(|y| holiday_on(holiday, y))
        .min_by_key(|d| ((*d - day).num_days().abs(), *d))
        .map_or_else(
            || Resolved::unknown("XXXX-WXX", Anchor::Published),
            |d| Resolved::point(Point::Day(d), Anchor::Published),
        )
}

/// The date of `holiday` in `year`.
fn holiday_on(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    match holiday {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Holiday::Nth { month, weekday, n } => {
            let wd = chrono::Weekday::try_from(u8::try_from(weekday - 1).ok()?).ok()?;
            if n == 5 {
                // The last such weekday of the month.
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                }?;
                let last = next.pred_opt()?;
                let back =
                    (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                Some(last - Duration::days(i64::from(back)))
            } else {
                NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
            }
        }
        Holiday::Election => {
            let monday = NaiveDate::from_weekday_of_month_opt(year, 11, chrono::Weekday::Mon, 1)?;
            Some(monday + Duration::days(1))
        }
        Holiday::Easter => {
            // The anonymous Gregorian computus.
            let a = year % 19;
            let b = year / 100;
            let c = year % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        }
    }
}

/// "Nine months ago", "two weeks from now": shifted from publication.
fn ago(amount: Amount, unit: Unit, sign: i32, ctx: &Context) -> Resolved {
    let Amount::Exact(n) = amount else {
        return Resolved::unknown(
            if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
            Anchor::None,
        );
    };
    let Some(p) = published_point(ctx) else {
        return Resolved::unknown(unknown_value(natural(unit)), Anchor::None);
    };
    // In a narrative about quarters, "a year ago" is that quarter a year before.
    if unit == Unit::Year
        && let Some((_, q @ Point::Quarter(..))) = ctx.narrative
        && n.fract() == 0.0
        && let Some(r) = q.shift(Unit::Year, -(n as i64))
    {
        return Resolved::point(r, Anchor::Published);
    }
    // "Six weeks ago" names a week, not a day: past a fortnight a count of weeks is not exact
    // to the day ("two weeks ago" still is).
    if unit == Unit::Week
        && n >= 3.0
        && n.fract() == 0.0
        && let Some(d) = p.day()
        && let Some(back) = Duration::try_weeks(i64::from(sign) * n as i64)
    {
        return Resolved::point(Point::Week(d + back), Anchor::Published);
    }
    shift_point(p, amount, unit, sign, Anchor::Published)
}

/// The granularity a shift by `unit` is stated at ("two weeks ago" is a day).
fn natural(unit: Unit) -> Unit {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Week | Unit::Weekend => Unit::Day,
        Unit::Quarter => Unit::Quarter,
        Unit::Decade | Unit::Century => Unit::Year,
        u => u,
    }
}

/// `base` moved by `amount` units, at the unit's natural granularity when `base` is fine
/// enough, else at `base`'s own (shifting the interval).
fn shift_point(base: Point, amount: Amount, unit: Unit, sign: i32, anchor: Anchor) -> Resolved {
    let Amount::Exact(n) = amount else {
        return Resolved::unknown(unknown_value(natural(unit)), anchor);
    };
    let (steps, step_unit) = if n.fract() == 0.0 {
        (n as i64, unit)
    } else {
        match unit {
            Unit::Year => ((n * 12.0).round() as i64, Unit::Month),
            Unit::Month => ((n * 30.0).round() as i64, Unit::Day),
            Unit::Week => ((n * 7.0).round() as i64, Unit::Day),
            _ => (n.round() as i64, unit),
        }
    };
    let steps = steps * i64::from(sign);
    if step_unit.is_clock() {
        // Hours from a day stay on (about) that day.
        return Resolved::point(base, anchor);
    }
    let target = natural(unit);
    let start = if base.finer_than(target) {
        base.coarsen(target)
    } else {
        base
    };
    if let Some(p) = start.shift(step_unit, steps) {
        return Resolved::point(p, anchor);
    }
    // A day-sized shift from a coarser base: move its interval, keep its precision, and name
    // it only when it still lies in one month.
    let Some(iv) = start.interval() else {
        return Resolved::unknown(unknown_value(target), anchor);
    };
    let days = (steps as f64 * step_unit.days()).round() as i64;
    let Some(delta) = Duration::try_days(days) else {
        return Resolved::unknown(unknown_value(target), anchor);
    };
    let moved = Interval {
        start: iv.start + delta,
        end: iv.end + delta,
        precision: iv.precision,
    };
    let last = moved.end - Duration::days(1);
    let value = if moved.start.year() == last.year() && moved.start.month() == last.month() {
        format!("{}-XX", moved.start.format("%Y-%m"))
    } else {
        unknown_value(target)
    };
    Resolved {
        value,
        point: None,
        interval: Some(moved),
        anchor,
        inferred: false,
    }
}

/// "Twelve days later", "a week earlier": shifted from the narrative's last date.
fn shift(amount: Amount, unit: Unit, sign: i32, ctx: &Context) -> Resolved {
    match ctx.narrative {
        Some((span, p)) => {
            if unit == Unit::Year
                && matches!(p, Point::Quarter(..))
                && let Amount::Exact(n) = amount
                && let Some(q) = p.shift(Unit::Year, i64::from(sign) * n as i64)
            {
                return Resolved::point(q, Anchor::Narrative { on: span });
            }
            shift_point(p, amount, unit, sign, Anchor::Narrative { on: span })
        }
        None => match published_point(ctx) {
            Some(p) => shift_point(p, amount, unit, sign, Anchor::Published),
            None => Resolved::unknown(unknown_value(natural(unit)), Anchor::None),
        },
    }
}

/// "The following day", "that year": the narrative's unit, shifted.
fn narrative_unit(unit: Unit, offset: i32, pointed: bool, ctx: &Context) -> Resolved {
    let (base, anchor) = match ctx.narrative {
        Some((span, p)) => (p, Anchor::Narrative { on: span }),
        // "Bought a shotgun the day after he lost his job", told before any date: the day after
        // an event of its own, which no report tells as the day after its publication.
        None if offset > 0 && ctx.tense == Tense::Past => {
            return Resolved::unknown(unknown_value(unit), Anchor::None);
        }
        None => match published_point(ctx) {
            Some(p) => (p, Anchor::Published),
            None => return Resolved::unknown(unknown_value(unit), Anchor::None),
        },
    };
    if !base.finer_than(unit) {
        // In a story told by the month or year, "that same day" after "in October 1998" is a
        // day of that month (`1998-10-XX`); "the day" is the last day told when it is of the
        // week before publication ("posted gains on Friday ... in March ... ending the day at
        // 8,017": Friday), else the publication's (a day long past is a digression).
        if offset == 0 {
            if pointed && matches!(base, Point::Month(..) | Point::Year(_)) {
                return Resolved::unknown(partial_value(base, unit), anchor);
            }
            if !pointed
                && unit == Unit::Day
                && let Some((span, p @ Point::Day(d))) = ctx.last_day
                && let Some(Point::Day(published)) = published_point(ctx)
                && (0..=7).contains(&(published - d).num_days())
            {
                return Resolved::point(p, Anchor::Narrative { on: span });
            }
            if !pointed
                && let Some(p) = published_point(ctx)
                && p.finer_than(unit)
            {
                return Resolved::point(p.coarsen(unit), Anchor::Published);
            }
        }
        return Resolved::unknown(unknown_value(unit), anchor);
    }
    match base.coarsen(unit).shift(unit, i64::from(offset)) {
        Some(p) => Resolved::point(p, anchor),
        None => Resolved::unknown(unknown_value(unit), anchor),
    }
}
