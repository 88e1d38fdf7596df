//! The nom grammar of time expressions: recognizes one TIMEX3 extent at a position and returns
//! what it says ([`Expr`]), before any anchoring.
//!
//! Parsers are small and noun-named, one construct each (`month_day`, `clock_time`,
//! `duration`, ...). [`expression`] runs all of them at a start position and keeps the longest
//! match, so the order of alternatives never hides a longer reading ("Nov. 15, 2022" over
//! "Nov. 15"). Extents follow TimeML: no leading preposition, but a bound ("more than",
//! "nearly") and a modifier ("early", "mid-", "the end of") are inside.
//!
//! Everything parses `&str` with `complete` combinators; a failed parse is not an error, only
//! "no time expression here".

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, digit1};
use nom::combinator::{map, map_opt, opt, recognize, value, verify};
use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};

use crate::temporal::lexicon::{self, Unit, lookup};
use crate::temporal::timex::Bound;

type PResult<'a, T> = IResult<&'a str, T>;

/// A count of units: exact ("nine", "24", "2.5") or unspecified ("several", "a few").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    /// A stated number.
    Exact(f64),
    /// An unstated number: TIMEX3 writes `X`.
    Some,
}

/// The year a partial expression ("the third quarter", "June") belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: "1989".
    Absolute(i32),
    /// Relative to the publication year: "this year" 0, "last year" -1.
    Offset(i32),
    /// Relative to the narrative: "the year-ago quarter" -1.
    Anaphoric(i32),
    /// Not said; the resolver picks one from the anchor and the tense.
    Implicit,
    /// The latest one over before publication: "this past spring".
    Latest,
}

/// A part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearPart {
    /// A quarter, 1–4 (0: "the quarter", the one in context).
    Quarter(u32),
    /// A half, 1–2.
    Half(u32),
    /// A season code: SP, SU, FA, WI.
    Season(&'static str),
    /// The whole (fiscal) year.
    Whole,
}

/// What a time expression says, before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly partial: "Nov. 15", "March 2022", "1988", "Monday, Oct. 26".
    Calendar {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
        /// "June last year": the year relative to publication.
        year_offset: Option<i32>,
    },
    /// A month named relative to publication: "last November" (-1), "next March" (+1),
    /// "this June" (0).
    Month { month: u32, offset: i32 },
    /// A decade by its first year: "the 1990s" → 1990.
    Decade(i32),
    /// A century by its first two digits: "the 20th century" → 19.
    Century(i32),
    /// A quarter, half, season or fiscal year of some year.
    Part { part: YearPart, year: YearRef },
    /// A calendar unit relative to publication: "last week" (Week, -1), "today" (Day, 0).
    Relative { unit: Unit, offset: i32 },
    /// A weekday: "Wednesday" (0), "last Friday" (-1), "next Monday" (+1).
    /// `anaphoric` for "the previous Friday", "the following Monday": a week from the day
    /// being told, not from publication.
    Weekday {
        weekday: u32,
        offset: i32,
        anaphoric: bool,
    },
    /// A deictic shift: "nine months ago" (sign -1), "two weeks from now" (+1).
    Ago {
        amount: Amount,
        unit: Unit,
        sign: i32,
    },
    /// An anaphoric shift from the narrative's last date: "twelve days later", "a week earlier".
    Shift {
        amount: Amount,
        unit: Unit,
        sign: i32,
    },
    /// A unit relative to the narrative: "the following day" (+1), "that day" (0). `pointed`
    /// when it points back at a date just told ("that day", "the same day"): in a story told
    /// by the month it is a day of that month, where "the day" is rather the publication's.
    Narrative {
        unit: Unit,
        offset: i32,
        pointed: bool,
    },
    /// A length of time: "nine months", "the past two years".
    Duration { amount: Amount, unit: Unit },
    /// A recurrence: "every week", "daily", "each Thursday", "Tuesday nights" (with the part
    /// of the day).
    Set {
        unit: Option<Unit>,
        count: u32,
        weekday: Option<u32>,
        month: Option<u32>,
        part: Option<&'static str>,
    },
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    Reference(&'static str),
    /// A time of day, with the day it is on when said: "3 p.m. Wednesday", "Sunday night".
    Time {
        /// Hours and minutes, with whether a zone (UTC/GMT) was given.
        clock: Option<(u32, u32, bool)>,
        /// A part of the day: MO, AF, EV, NI.
        part: Option<&'static str>,
        /// The day: a weekday, a relative day or a calendar date.
        day: Option<Box<Expr>>,
    },
    /// The week a date falls in: "the week of March 6", "Easter week".
    WeekOf(Box<Expr>),
    /// The day before (-1) or after (+1) a day: "the day before yesterday", "the day after
    /// Christmas", "the day before last Tuesday".
    DayFrom { day: Box<Expr>, offset: i32 },
    /// Relative to a named event: "the eve of the attack".
    Event { event: String, offset_days: i64 },
    /// A named holiday: "Thanksgiving Day" (0), "last Christmas" (-1), "next Easter" (+1).
    Holiday { holiday: Holiday, offset: i32 },
}

/// A holiday of the calendar, fixed ("Christmas") or movable ("Thanksgiving", "Easter").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// A fixed month and day: Christmas, New Year's Day, Independence Day, Halloween...
    Fixed(u32, u32),
    /// The `n`th given weekday of a month (`n` = 5: the last): Thanksgiving is the fourth
    /// Thursday of November.
    Nth { month: u32, weekday: u32, n: u32 },
    /// The Tuesday after the first Monday of November (U.S. Election Day).
    Election,
    /// Easter Sunday.
    Easter,
}

/// One recognized expression: what it says, its bound and modifier, and its length in bytes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parsed {
    pub(crate) expr: Expr,
    pub(crate) bound: Bound,
    pub(crate) modifier: Option<&'static str>,
    pub(crate) len: usize,
}

fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// An ASCII word, not followed by a letter or a digit.
fn word(i: &str) -> PResult<'_, &str> {
    // Byte-wise: this runs at every start the tagger tries, for most rules.
    let bytes = i.as_bytes();
    let n = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if n == 0 {
        return fail(i);
    }
    let next_is_alnum = match bytes.get(n) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => i[n..].chars().next().is_some_and(char::is_alphanumeric),
    };
    if next_is_alnum {
        return fail(i);
    }
    Ok((&i[n..], &i[..n]))
}

/// The word `w`, in any case.
fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| {
        // Most tries fail on the first letters: compare them before reading the word.
        if !i
            .as_bytes()
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
        {
            return fail(i);
        }
        verify(word, |x: &str| x.eq_ignore_ascii_case(w)).parse(i)
    }
}

/// One of `words`, in any case; returns its index.
fn one_of<'a>(words: &'static [&'static str]) -> impl Fn(&'a str) -> PResult<'a, usize> {
    move |i| {
        let (rest, w) = word(i)?;
        match words.iter().position(|x| x.eq_ignore_ascii_case(w)) {
            Some(k) => Ok((rest, k)),
            None => fail(i),
        }
    }
}

/// Space between words: spaces and tabs, with at most one line break (not a paragraph break).
fn gap(i: &str) -> PResult<'_, &str> {
    // Byte-wise: the four characters are ASCII.
    let bytes = i.as_bytes();
    let n = bytes
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    if n == 0 || bytes[..n].iter().filter(|&&b| b == b'\n').count() > 1 {
        return fail(i);
    }
    Ok((&i[n..], &i[..n]))
}

/// A gap or a hyphen between the words of a compound ("twenty-four", "mid-March").
fn joint(i: &str) -> PResult<'_, &str> {
    alt((tag("-"), gap)).parse(i)
}

/// `p` after a gap.
fn then<'a, O>(
    p: impl Parser<&'a str, Output = O, Error = Error<&'a str>>,
) -> impl Parser<&'a str, Output = O, Error = Error<&'a str>> {
    nom::sequence::preceded(gap, p)
}

/// An optional "the ".
fn the(i: &str) -> PResult<'_, Option<&str>> {
    opt(nom::sequence::terminated(kw("the"), gap)).parse(i)
}

/// An unsigned integer of at most `max` digits, not followed by another digit.
fn integer(max: usize) -> impl Fn(&str) -> PResult<'_, (u32, usize)> {
    move |i| {
        let (rest, d) = digit1(i)?;
        if d.len() > max {
            return fail(i);
        }
        let n = d
            .parse::<u32>()
            .map_err(|_| nom::Err::Error(Error::new(i, ErrorKind::Digit)))?;
        Ok((rest, (n, d.len())))
    }
}

/// A number written in digits: "24", "2.5", "1,000".
fn numeral(i: &str) -> PResult<'_, f64> {
    let (rest, text) = recognize((
        digit1,
        nom::multi::many0((char(','), verify(digit1, |d: &str| d.len() == 3))),
        opt((char('.'), digit1)),
    ))
    .parse(i)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) && !rest.starts_with(['s', 'S']) {
        // "3rd", "10th", "1990s" are other constructs; a bare numeral must end here.
        return fail(i);
    }
    let clean: String = text.chars().filter(|&c| c != ',').collect();
    clean
        .parse::<f64>()
        .map(|n| (rest, n))
        .map_err(|_| nom::Err::Error(Error::new(i, ErrorKind::Float)))
}

/// A number word below a hundred: "twelve", "twenty-four", "twenty four".
fn number_words(i: &str) -> PResult<'_, u32> {
    let (rest, n) = map_opt(word, |w| lookup(w, lexicon::number_word)).parse(i)?;
    if n >= 100 {
        return fail(i);
    }
    if (20..100).contains(&n) && n % 10 == 0 {
        let ones = map_opt(nom::sequence::preceded(joint, word), |w| {
            lookup(w, lexicon::number_word).filter(|&u| (1..10).contains(&u))
        })
        .parse(rest);
        if let Ok((rest, u)) = ones {
            return Ok((rest, n + u));
        }
    }
    Ok((rest, n))
}

/// A cardinal in digits or words, with "hundred"/"thousand" and "and a half".
fn cardinal(i: &str) -> PResult<'_, f64> {
    let (rest, mut n) = alt((numeral, map(number_words, f64::from))).parse(i)?;
    let (rest, mult) = opt(map_opt(then(word), |w| {
        lookup(w, lexicon::number_word).filter(|&m| m >= 100)
    }))
    .parse(rest)?;
    if let Some(m) = mult {
        n *= f64::from(m);
    }
    let (rest, half) = opt((gap, kw("and"), gap, kw("a"), gap, kw("half"))).parse(rest)?;
    if half.is_some() {
        n += 0.5;
    }
    // "2 1/2", "2-1/2": a whole number and a simple fraction.
    if n.fract() == 0.0
        && let Ok((after, (_, (num, _), _, (den, _)))) = (
            alt((char(' '), char('-'))),
            integer(1),
            char('/'),
            integer(1),
        )
            .parse(rest)
        && num < den
        && (2..=4).contains(&den)
        && !after.starts_with(|c: char| c.is_ascii_digit() || c == '/')
    {
        return Ok((after, n + f64::from(num) / f64::from(den)));
    }
    Ok((rest, n))
}

/// The first count of a range, "60" in "60 and 90 days", "two" in "two to six days": its
/// value, its length, and where the second count starts (after "and"/"to"), all in bytes.
pub(crate) fn range_start(i: &str) -> Option<(f64, usize, usize)> {
    let (rest, n) = cardinal(i).ok()?;
    let (after, _) = (gap, one_of(&["and", "to"]), gap).parse(rest).ok()?;
    Some((n, i.len() - rest.len(), i.len() - after.len()))
}

/// A count: a cardinal, "a"/"an", "a couple of", or an unstated "several" / "a few".
/// The flag says whether it was the article "a"/"an" (which takes a singular unit).
fn amount(i: &str) -> PResult<'_, (Amount, bool)> {
    alt((
        // "single-day": one, in a compound.
        value(
            (Amount::Exact(1.0), false),
            (kw("single"), nom::combinator::peek(char('-'))),
        ),
        value(
            (Amount::Exact(2.0), false),
            (opt((kw("a"), gap)), kw("couple"), opt((gap, kw("of")))),
        ),
        value(
            (Amount::Some, false),
            alt((
                recognize((kw("a"), gap, kw("few"))),
                recognize((kw("a"), gap, kw("number"), gap, kw("of"))),
                kw("several"),
                kw("few"),
                kw("many"),
            )),
        ),
        map(
            (
                one_of(&["a", "an"]),
                opt(then(one_of(&["hundred", "thousand"]))),
            ),
            |(_, m)| match m {
                Some(0) => (Amount::Exact(100.0), false),
                Some(_) => (Amount::Exact(1000.0), false),
                None => (Amount::Exact(1.0), true),
            },
        ),
        map(cardinal, |n| (Amount::Exact(n), false)),
    ))
    .parse(i)
}

/// A unit word: "days", "year", "decades".
fn unit(i: &str) -> PResult<'_, (Unit, bool)> {
    map_opt(word, |w| lookup(w, lexicon::unit)).parse(i)
}

/// A bound before an amount: "more than", "nearly", "at least", "up to", "about".
fn bound(i: &str) -> PResult<'_, Bound> {
    let (rest, b) = alt((
        value(
            Bound::MoreThan,
            alt((
                recognize((kw("more"), gap, kw("than"))),
                recognize((kw("longer"), gap, kw("than"))),
                recognize((kw("just"), gap, kw("over"))),
                kw("over"),
            )),
        ),
        value(
            Bound::LessThan,
            alt((
                recognize((one_of(&["less", "fewer", "shorter"]), gap, kw("than"))),
                recognize((kw("just"), gap, kw("under"))),
                kw("nearly"),
                kw("almost"),
                kw("under"),
            )),
        ),
        value(
            Bound::AtLeast,
            alt((
                recognize((kw("at"), gap, kw("least"))),
                recognize((kw("no"), gap, kw("less"), gap, kw("than"))),
            )),
        ),
        value(
            Bound::AtMost,
            alt((
                recognize((kw("up"), gap, kw("to"))),
                recognize((kw("at"), gap, kw("most"))),
                recognize((kw("no"), gap, kw("more"), gap, kw("than"))),
            )),
        ),
        value(
            Bound::About,
            alt((
                kw("about"),
                kw("around"),
                kw("roughly"),
                kw("approximately"),
                kw("some"),
            )),
        ),
    ))
    .parse(i)?;
    let (rest, _) = gap(rest)?;
    Ok((rest, b))
}

/// A modifier before a date: "early", "mid-", "late", "the end of", "the beginning of".
fn modifier(i: &str) -> PResult<'_, Option<&'static str>> {
    alt((
        map_opt(
            (
                one_of(&["early", "mid", "late", "earlier", "later"]),
                alt((
                    // "late in the day", "earlier in the year": the period in context.
                    value(true, (gap, kw("in"), gap, nom::combinator::peek(kw("the")))),
                    value(false, joint),
                )),
            ),
            |(k, in_the)| {
                (!(in_the && k == 1))
                    .then_some([Some("START"), Some("MID"), Some("END"), None, None][k])
            },
        ),
        // "post-1959", "pre-1990s": after or before a year or decade (TimeML `AFTER`/`BEFORE`).
        map((one_of(&["post", "pre"]), tag("-")), |(k, _)| {
            [Some("AFTER"), Some("BEFORE")][k]
        }),
        map(
            (
                the,
                one_of(&["end", "beginning", "start", "middle", "close", "turn"]),
                gap,
                kw("of"),
                gap,
            ),
            |(_, k, ..)| {
                [
                    Some("END"),
                    Some("START"),
                    Some("START"),
                    Some("MID"),
                    Some("END"),
                    None,
                ][k]
            },
        ),
    ))
    .parse(i)
}

/// A month name, with an optional period after an abbreviation ("Nov." / "Nov" / "November").
fn month_name(i: &str) -> PResult<'_, (u32, bool)> {
    let (rest, (m, abbrev)) = map_opt(word, |w| lookup(w, lexicon::month)).parse(i)?;
    if abbrev {
        let (rest, _) = opt(char('.')).parse(rest)?;
        return Ok((rest, (m, true)));
    }
    Ok((rest, (m, false)))
}

/// A day of the month: "15", "15th", "2nd", "first".
fn day_of_month(i: &str) -> PResult<'_, u32> {
    let (rest, (d, _)) = integer(2)(i)?;
    let (rest, _) = opt(one_of(&["st", "nd", "rd", "th"])).parse(rest)?;
    if !(1..=31).contains(&d) || rest.starts_with(|c: char| c.is_alphanumeric()) {
        return fail(i);
    }
    Ok((rest, d))
}

/// A four-digit year, 1000–2099, not part of a larger number.
fn year_number(i: &str) -> PResult<'_, i32> {
    let (rest, (y, n)) = integer(4)(i)?;
    if n != 4 || !(1000..2100).contains(&y) {
        return fail(i);
    }
    if rest.starts_with(|c: char| c.is_alphanumeric())
        || (rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return fail(i);
    }
    Ok((rest, y as i32))
}

/// A year spoken in words: "nineteen ninety-six", "two thousand", "the year two thousand".
fn spoken_year(i: &str) -> PResult<'_, i32> {
    alt((
        map(
            (
                verify(number_words, |&c| (10..=20).contains(&c)),
                gap,
                verify(number_words, |&n| (10..100).contains(&n)),
            ),
            |(c, _, n)| (c * 100 + n) as i32,
        ),
        map(
            (
                kw("two"),
                gap,
                kw("thousand"),
                opt((gap, opt((kw("and"), gap)), number_words)),
            ),
            |(.., n)| 2000 + n.map_or(0, |(.., n)| n as i32),
        ),
    ))
    .parse(i)
}

/// A year after a month or a comma: four digits, or spoken.
fn year(i: &str) -> PResult<'_, i32> {
    alt((year_number, spoken_year)).parse(i)
}

/// A weekday name: "Wednesday".
fn weekday_name(i: &str) -> PResult<'_, u32> {
    map_opt(word, |w| lookup(w, lexicon::weekday)).parse(i)
}

/// A comma, optionally spaced, or just a gap.
fn comma(i: &str) -> PResult<'_, ()> {
    alt((value((), (opt(gap), char(','), gap)), value((), gap))).parse(i)
}

/// A date with a day: "Nov. 15", "November 15, 2022", "Monday, Oct. 26", "15 November 2022",
/// "the 15th of November".
fn month_day(i: &str) -> PResult<'_, Expr> {
    // A weekday and a date on the next line are a headline and a dateline, not one date.
    let (rest, weekday) = opt(nom::sequence::terminated(
        weekday_name,
        verify(recognize(comma), |s: &str| !s.contains('\n')),
    ))
    .parse(i)?;
    let (rest, (month, day)) = alt((
        map((month_name, gap, day_of_month), |((m, _), _, d)| (m, d)),
        map(
            (day_of_month, gap, opt((kw("of"), gap)), month_name),
            |(d, _, _, (m, _))| (m, d),
        ),
        map(
            (kw("the"), gap, day_of_month, gap, kw("of"), gap, month_name),
            |(_, _, d, _, _, _, (m, _))| (m, d),
        ),
    ))
    .parse(rest)?;
    let (rest, year) = opt(nom::sequence::preceded(comma, year)).parse(rest)?;
    Ok((
        rest,
        Expr::Calendar {
            year,
            month: Some(month),
            day: Some(day),
            weekday,
            year_offset: None,
        },
    ))
}

/// "the week of March 6": the week that date falls in.
fn week_of(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = (kw("the"), gap, kw("week"), gap, kw("of"), gap).parse(i)?;
    let (rest, day) = month_day(rest)?;
    Ok((rest, Expr::WeekOf(Box::new(day))))
}

/// A month with or without a year: "March", "August 1988", "Nov. 2022", "June last year",
/// "January of 1998".
fn month_year(i: &str) -> PResult<'_, Expr> {
    let (rest, (month, abbrev)) = month_name(i)?;
    let (rest, year) =
        opt(nom::sequence::preceded((comma, opt((kw("of"), gap))), year)).parse(rest)?;
    let (rest, offset) = if year.is_none() {
        opt(nom::sequence::preceded(
            gap,
            map(
                (one_of(&["this", "last", "next"]), gap, kw("year")),
                |(k, ..)| [0, -1, 1][k],
            ),
        ))
        .parse(rest)?
    } else {
        (rest, None)
    };
    if abbrev && year.is_none() && offset.is_none() {
        // "Jan" or "Dec" alone is more often a name than a month.
        return fail(i);
    }
    Ok((
        rest,
        Expr::Calendar {
            year,
            month: Some(month),
            day: None,
            weekday: None,
            year_offset: offset,
        },
    ))
}

/// A month with "last", "next", "this", "this past" or "this coming": "last November".
fn relative_month(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = alt((
        value(-1, recognize((kw("this"), gap, kw("past")))),
        value(1, recognize((kw("this"), gap, kw("coming")))),
        map(one_of(&["last", "next", "this", "past", "coming"]), |k| {
            [-1, 1, 0, -1, 1][k]
        }),
    ))
    .parse(i)?;
    let (rest, _) = gap(rest)?;
    let (rest, (month, abbrev)) = month_name(rest)?;
    if abbrev || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    Ok((rest, Expr::Month { month, offset }))
}

/// A numeric date: "2022-11-15", "2022-11", "11/15/2022", "11/15/22".
fn numeric_date(i: &str) -> PResult<'_, Expr> {
    let iso = map_opt(
        (
            integer(4),
            char('-'),
            integer(2),
            opt((char('-'), integer(2))),
        ),
        |((y, yn), _, (m, _), d)| {
            let d = d.map(|(_, (d, _))| d);
            (yn == 4 && (1..=12).contains(&m) && d.is_none_or(|d| (1..=31).contains(&d)))
                .then_some((y as i32, m, d))
        },
    );
    let us = map_opt(
        (integer(2), char('/'), integer(2), char('/'), integer(4)),
        |((m, _), _, (d, _), _, (y, yn))| {
            let y = match yn {
                4 => y as i32,
                2 if y >= 50 => 1900 + y as i32,
                2 => 2000 + y as i32,
                _ => return None,
            };
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, Some(d)))
        },
    );
    let (rest, (year, month, day)) = alt((iso, us)).parse(i)?;
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/') {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Calendar {
            year: Some(year),
            month: Some(month),
            day,
            weekday: None,
            year_offset: None,
        },
    ))
}

/// A year alone: "1988", "the year 2000", "the year two thousand".
fn year_alone(i: &str) -> PResult<'_, Expr> {
    let (rest, year) = alt((
        nom::sequence::preceded((the, kw("year"), gap), year),
        year_number,
        spoken_year,
    ))
    .parse(i)?;
    Ok((
        rest,
        Expr::Calendar {
            year: Some(year),
            month: None,
            day: None,
            weekday: None,
            year_offset: None,
        },
    ))
}

/// A decade: "the 1990s", "1980s", "the '80s", "the 90s".
fn decade(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = the(i)?;
    let (rest, y) = alt((
        map_opt((integer(4), alt((tag("s"), tag("'s")))), |((y, n), _)| {
            (n == 4 && y % 10 == 0 && (1000..2100).contains(&y)).then_some(y as i32)
        }),
        map_opt(
            (
                opt(alt((char('\''), char('’')))),
                integer(2),
                alt((tag("s"), tag("'s"))),
            ),
            |(_, (y, n), _)| (n == 2 && y % 10 == 0).then_some(1900 + y as i32),
        ),
        map(
            verify(
                one_of(&[
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                    "nineties",
                ]),
                |_| i.len() != rest.len(),
            ),
            |k| 1920 + 10 * k as i32,
        ),
    ))
    .parse(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return fail(i);
    }
    Ok((rest, Expr::Decade(y)))
}

/// A century: "the 20th century", "the twentieth century".
fn century(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = the(i)?;
    let (rest, n) = alt((
        map(
            (integer(2), one_of(&["st", "nd", "rd", "th"])),
            |((n, _), _)| n,
        ),
        map_opt(word, |w| {
            lookup(w, lexicon::ordinal_word).or(match w.to_ascii_lowercase().as_str() {
                "twentyfirst" => Some(21),
                _ => None,
            })
        }),
        map((kw("twenty"), joint, kw("first")), |_| 21),
    ))
    .parse(rest)?;
    let (rest, _) = (joint, kw("century")).parse(rest)?;
    Ok((rest, Expr::Century(n as i32 - 1)))
}

/// An ordinal for a quarter or half: "third", "3rd", "first".
fn part_ordinal(i: &str) -> PResult<'_, u32> {
    alt((
        map_opt(word, |w| {
            lookup(w, lexicon::ordinal_word)
                .filter(|&n| n <= 4)
                .or_else(|| w.eq_ignore_ascii_case("final").then_some(4))
        }),
        map(
            (integer(1), one_of(&["st", "nd", "rd", "th"])),
            |((n, _), _)| n,
        ),
    ))
    .parse(i)
}

/// "of 1989", "of this year", "of last year", "'s" forms come before the part.
fn part_year(i: &str) -> PResult<'_, YearRef> {
    nom::sequence::preceded(
        (gap, kw("of"), gap),
        alt((
            map(year_number, YearRef::Absolute),
            map(
                (
                    one_of(&["this", "last", "next", "the"]),
                    gap,
                    alt((kw("year"), kw("fiscal"))),
                    opt((gap, kw("year"))),
                ),
                |(k, ..)| {
                    [
                        YearRef::Offset(0),
                        YearRef::Offset(-1),
                        YearRef::Offset(1),
                        YearRef::Implicit,
                    ][k]
                },
            ),
        )),
    )
    .parse(i)
}

/// A year before a part: "1989", "this year's", "next year's", "fiscal 1990's", "year-ago".
fn part_owner(i: &str) -> PResult<'_, YearRef> {
    alt((
        map(
            (
                one_of(&["this", "last", "next"]),
                gap,
                kw("year"),
                alt((tag("'s"), tag("’s"))),
                gap,
            ),
            |(k, ..)| YearRef::Offset([0, -1, 1][k]),
        ),
        map(
            (year_number, opt(alt((tag("'s"), tag("’s")))), gap),
            |(y, ..)| YearRef::Absolute(y),
        ),
        map(
            (
                opt((kw("comparable"), gap)),
                kw("year"),
                alt((tag("-"), gap)),
                one_of(&["ago", "earlier"]),
                gap,
            ),
            |_| YearRef::Anaphoric(-1),
        ),
    ))
    .parse(i)
}

/// A quarter or half: "the third quarter", "third-quarter", "the fiscal first quarter",
/// "next year's first quarter", "the second half of 1989", "the year-ago quarter", "Q3 2021".
fn year_part(i: &str) -> PResult<'_, Expr> {
    let mut q = alt((
        map(
            (
                the,
                opt(part_owner),
                opt((kw("fiscal"), joint)),
                part_ordinal,
                joint,
                one_of(&["quarter", "half"]),
            ),
            |(the, owner, _, n, sep, k)| {
                let part = if k == 0 {
                    YearPart::Quarter(n)
                } else {
                    YearPart::Half(n)
                };
                // "the third-quarter loss": a hyphenated compound is an adjective, and the
                // article belongs to the noun after it.
                let adjective = the.is_some() && owner.is_none() && sep == "-";
                (part, owner, adjective)
            },
        ),
        // "the last half of 1989", "the first two quarters of 1990": a half, said only with
        // its year ("the last half hour" is no half year).
        map(
            (
                kw("the"),
                gap,
                one_of(&["first", "last"]),
                gap,
                alt((
                    value((), (kw("two"), gap, kw("quarters"))),
                    value((), kw("half")),
                )),
            ),
            |(.., k, _, ())| (YearPart::Half(k as u32 + 1), None, true),
        ),
        map((tag_no_case("q"), integer(1)), |(_, (n, _))| {
            (YearPart::Quarter(n), None, false)
        }),
        map(
            (
                the,
                opt(one_of(&[
                    "latest",
                    "current",
                    "same",
                    "recent",
                    "comparable",
                ])),
                opt(gap),
                part_owner,
                opt((kw("fiscal"), gap)),
                one_of(&["quarter", "period"]),
            ),
            |(_, _, _, owner, ..)| (YearPart::Quarter(0), Some(owner), false),
        ),
    ));
    let (rest, (part, owner, adjective)) = q.parse(i)?;
    let valid = match part {
        YearPart::Quarter(n) => n <= 4,
        YearPart::Half(n) => (1..=2).contains(&n),
        _ => true,
    };
    if !valid {
        return fail(i);
    }
    let (rest, after) =
        opt(alt((part_year, map(then(year_number), YearRef::Absolute)))).parse(rest)?;
    if adjective && after.is_none() {
        return fail(i);
    }
    let year = owner.or(after).unwrap_or(YearRef::Implicit);
    Ok((rest, Expr::Part { part, year }))
}

/// "the quarter a year ago", "the same period a year earlier", "the same month last year": the
/// period in context, a year back (a period in a report is its quarter, as in "the year-ago
/// period").
fn year_back_period(i: &str) -> PResult<'_, Expr> {
    let (rest, (.., k)) = (
        kw("the"),
        gap,
        opt((one_of(&["same", "comparable", "corresponding"]), gap)),
        one_of(&["quarter", "period", "month"]),
    )
        .parse(i)?;
    let (rest, _) = alt((
        recognize((
            gap,
            kw("a"),
            gap,
            kw("year"),
            gap,
            one_of(&["ago", "earlier", "before"]),
        )),
        recognize((gap, kw("last"), gap, kw("year"))),
    ))
    .parse(rest)?;
    let expr = if k == 2 {
        Expr::Narrative {
            unit: Unit::Month,
            offset: -12,
            pointed: true,
        }
    } else {
        Expr::Part {
            part: YearPart::Quarter(0),
            year: YearRef::Anaphoric(-1),
        }
    };
    Ok((rest, expr))
}

/// "year-ago", "year-earlier" as an adjective ("year-earlier results"): the period in context,
/// a year back.
fn year_ago_adjective(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = (kw("year"), char('-'), one_of(&["ago", "earlier"])).parse(i)?;
    Ok((
        rest,
        Expr::Part {
            part: YearPart::Quarter(0),
            year: YearRef::Anaphoric(-1),
        },
    ))
}

/// "the quarter", "the latest quarter", "the latest period": the quarter in context.
fn context_quarter(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = (
        kw("the"),
        gap,
        opt((one_of(&["latest", "recent", "same"]), gap)),
        opt((kw("fiscal"), gap)),
    )
        .parse(i)?;
    let (rest, k) = one_of(&["quarter", "period"]).parse(rest)?;
    if k == 1
        && !i[..i.len() - rest.len()]
            .to_ascii_lowercase()
            .contains("latest")
    {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Part {
            part: YearPart::Quarter(0),
            year: YearRef::Implicit,
        },
    ))
}

/// A season: "summer", "last fall", "this past spring", "the winter of 1994", "spring 2009".
fn season_expr(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = the(i)?;
    // "this past spring" is the latest spring over by publication (`None`), "last spring" the
    // previous year's.
    let (rest, rel) = opt(nom::sequence::terminated(
        alt((
            value(None, recognize((kw("this"), gap, kw("past")))),
            map(one_of(&["this", "last", "next", "past", "coming"]), |k| {
                Some([0, -1, 1, -1, 1][k])
            }),
        )),
        gap,
    ))
    .parse(rest)?;
    let (rest, code) = map_opt(word, |w| lookup(w, lexicon::season)).parse(rest)?;
    let (rest, year) = opt(alt((
        map(
            nom::sequence::preceded((gap, kw("of"), gap), year),
            YearRef::Absolute,
        ),
        map(then(year_number), YearRef::Absolute),
    )))
    .parse(rest)?;
    let year = match (year, rel) {
        (Some(y), _) => y,
        (None, Some(Some(r))) => YearRef::Offset(r),
        (None, Some(None)) => YearRef::Latest,
        (None, None) => YearRef::Implicit,
    };
    Ok((
        rest,
        Expr::Part {
            part: YearPart::Season(code),
            year,
        },
    ))
}

/// A fiscal year: "fiscal 1989", "fiscal year 1990", "the fiscal year", "the current fiscal year",
/// "FY2006".
fn fiscal_year(i: &str) -> PResult<'_, Expr> {
    let explicit = map(
        (kw("fiscal"), gap, opt((kw("year"), gap)), year_number),
        |(.., y)| YearRef::Absolute(y),
    );
    let fy = map_opt(
        (tag_no_case("fy"), opt(char(' ')), integer(4)),
        |(_, _, (y, n))| (n == 4).then_some(YearRef::Absolute(y as i32)),
    );
    let implied = map(
        (
            kw("the"),
            gap,
            opt(nom::sequence::terminated(
                one_of(&[
                    "current", "latest", "previous", "last", "next", "new", "past",
                ]),
                gap,
            )),
            kw("fiscal"),
            gap,
            kw("year"),
        ),
        |(_, _, k, ..)| match k {
            Some(2 | 3 | 6) => YearRef::Offset(-1),
            Some(4) => YearRef::Offset(1),
            _ => YearRef::Offset(0),
        },
    );
    let (rest, year) = alt((explicit, fy, implied)).parse(i)?;
    if year == YearRef::Offset(0) && i.starts_with(['t', 'T']) && ends_on_date(rest) {
        // "the fiscal year ended Jan. 31": a year's length ending on that date.
        return Ok((rest, year_length()));
    }
    Ok((
        rest,
        Expr::Part {
            part: YearPart::Whole,
            year,
        },
    ))
}

/// A unit relative to publication: "last week", "this year", "next month", "the past year",
/// "the coming week", "the current quarter".
fn relative_unit(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = the(i)?;
    let (rest, offset) = alt((
        value(-1, recognize((kw("this"), gap, kw("past")))),
        value(1, recognize((kw("this"), gap, kw("coming")))),
        map(
            one_of(&[
                "this", "last", "next", "past", "coming", "current", "previous",
            ]),
            |k| [0, -1, 1, -1, 1, 0, -1][k],
        ),
    ))
    .parse(rest)?;
    let (rest, _) = gap(rest)?;
    let (rest, (unit, plural)) = unit(rest)?;
    if plural || unit.is_clock() {
        return fail(i);
    }
    if unit == Unit::Decade && offset != 0 {
        // "the past decade" is a length of time in TimeML usage.
        return Ok((
            rest,
            Expr::Duration {
                amount: Amount::Exact(1.0),
                unit,
            },
        ));
    }
    Ok((rest, Expr::Relative { unit, offset }))
}

/// A day word: "today", "yesterday", "tomorrow", "tonight".
fn day_word(i: &str) -> PResult<'_, Expr> {
    let (rest, k) = one_of(&["today", "yesterday", "tomorrow", "tonight"]).parse(i)?;
    let offset = [0, -1, 1, 0][k];
    Ok((
        rest,
        Expr::Relative {
            unit: Unit::Day,
            offset,
        },
    ))
}

/// A named holiday, capitalized as names are, with an optional "last"/"next"/"this":
/// "Thanksgiving Day", "last Christmas", "New Year's Eve", "Election Day".
fn holiday(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = opt(nom::sequence::terminated(
        one_of(&["last", "next", "this"]),
        gap,
    ))
    .parse(i)?;
    let offset = offset.map_or(0, |k| [-1, 1, 0][k]);
    let day = |name: &'static str| (tag(name), gap, tag("Day"));
    let (rest, holiday) = alt((
        value(
            Holiday::Nth {
                month: 11,
                weekday: 4,
                n: 4,
            },
            (tag("Thanksgiving"), opt((gap, tag("Day")))),
        ),
        value(Holiday::Fixed(12, 24), (tag("Christmas"), gap, tag("Eve"))),
        value(
            Holiday::Fixed(12, 25),
            (tag("Christmas"), opt((gap, tag("Day")))),
        ),
        value(
            Holiday::Fixed(12, 31),
            (
                tag("New"),
                gap,
                alt((tag("Year's"), tag("Year’s"))),
                gap,
                tag("Eve"),
            ),
        ),
        value(
            Holiday::Fixed(1, 1),
            (
                tag("New"),
                gap,
                alt((tag("Year's"), tag("Year’s"))),
                gap,
                tag("Day"),
            ),
        ),
        value(Holiday::Fixed(7, 4), day("Independence")),
        value(Holiday::Fixed(10, 31), tag("Halloween")),
        value(
            Holiday::Fixed(2, 14),
            (
                alt((tag("Valentine's"), tag("Valentine’s"))),
                gap,
                tag("Day"),
            ),
        ),
        value(
            Holiday::Fixed(11, 11),
            (alt((tag("Veterans"), tag("Veterans'"))), gap, tag("Day")),
        ),
        value(Holiday::Election, day("Election")),
        value(
            Holiday::Nth {
                month: 5,
                weekday: 1,
                n: 5,
            },
            day("Memorial"),
        ),
        value(
            Holiday::Nth {
                month: 9,
                weekday: 1,
                n: 1,
            },
            alt((day("Labor"), day("Labour"))),
        ),
        value(Holiday::Easter, (tag("Easter"), opt((gap, tag("Sunday"))))),
    ))
    .parse(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return fail(i);
    }
    // "an office Christmas party", "a Christmas tree": the holiday names a kind of thing, no day.
    if let Ok((_, (_, word))) = (gap, nom::character::complete::alpha1::<&str, _>).parse(rest) {
        if HOLIDAY_THINGS.contains(&word) {
            return fail(i);
        }
    }
    let day = Expr::Holiday { holiday, offset };
    // "Easter week", "Christmas week": the week the holiday falls in.
    if let Ok((after, _)) = (gap, kw("week")).parse(rest) {
        return Ok((after, Expr::WeekOf(Box::new(day))));
    }
    Ok((rest, day))
}

/// Nouns that a holiday's name modifies as a kind ("Christmas party", "Halloween costume",
/// "Easter egg"): the phrase names a thing, not the day.
const HOLIDAY_THINGS: &[&str] = &[
    "party",
    "parties",
    "tree",
    "trees",
    "card",
    "cards",
    "gift",
    "gifts",
    "present",
    "presents",
    "dinner",
    "lunch",
    "meal",
    "special",
    "specials",
    "shopping",
    "lights",
    "decorations",
    "carol",
    "carols",
    "stocking",
    "stockings",
    "spread",
    "celebration",
    "celebrations",
    "market",
    "markets",
    "bonus",
    "bonuses",
    "message",
    "spirit",
    "music",
    "song",
    "songs",
    "movie",
    "film",
    "show",
    "episode",
    "parade",
    "egg",
    "eggs",
    "costume",
    "costumes",
    "candy",
    "turkey",
    "service",
    "services",
    "display",
    "album",
    "story",
];

/// The words that may stand before a weekday: "last Friday", "the following Monday".
const WEEKDAY_MODIFIERS: &[&str] = &[
    "last",
    "next",
    "this",
    "previous",
    "following",
    "coming",
    "past",
];

/// A weekday with an optional "last"/"next"/"this": "Wednesday", "last Friday".
fn weekday_expr(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = the(i)?;
    let (rest, word) =
        opt(nom::sequence::terminated(one_of(WEEKDAY_MODIFIERS), gap)).parse(rest)?;
    if word.is_none() && rest.len() != i.len() {
        return fail(i);
    }
    let (rest, weekday) = weekday_name(rest)?;
    Ok((
        rest,
        Expr::Weekday {
            weekday,
            offset: word.map_or(0, |k| [-1, 1, 0, -1, 1, 1, -1][k]),
            anaphoric: matches!(word, Some(3 | 4)),
        },
    ))
}

/// A clock time: "3 p.m.", "10:35 a.m.", "16:08 UTC", "noon", "midnight", with an optional zone.
fn clock(i: &str) -> PResult<'_, (u32, u32, bool)> {
    let named = map(one_of(&["noon", "midday", "midnight"]), |k| {
        ([12, 12, 24][k], 0, false)
    });
    let meridian = alt((
        value(
            0,
            alt((
                tag_no_case("a.m."),
                tag_no_case("a.m"),
                tag("am"),
                tag("AM"),
            )),
        ),
        value(
            12,
            alt((
                tag_no_case("p.m."),
                tag_no_case("p.m"),
                tag("pm"),
                tag("PM"),
            )),
        ),
    ));
    let with_meridian = map_opt(
        (integer(2), opt((char(':'), integer(2))), opt(gap), meridian),
        |((h, _), m, _, add)| {
            let m = m.map_or(0, |(_, (m, _))| m);
            if !(1..=12).contains(&h) || m > 59 {
                return None;
            }
            let h = if h == 12 { add } else { h + add };
            Some((h, m, false))
        },
    );
    let twenty_four = map_opt(
        (integer(2), char(':'), integer(2)),
        |((h, _), _, (m, _))| (h <= 24 && m <= 59).then_some((h, m, false)),
    );
    let military = map_opt((integer(4), peek_zone), |((hm, n), ..)| {
        (n == 4 && hm / 100 <= 24 && hm % 100 <= 59).then_some((hm / 100, hm % 100, false))
    });
    // "4 in the morning", "9 o'clock in the evening".
    let spoken = map_opt(
        (
            map(integer(2), |(h, _)| h),
            opt((gap, alt((tag_no_case("o'clock"), tag_no_case("o’clock"))))),
            gap,
            kw("in"),
            gap,
            kw("the"),
            gap,
            one_of(&["morning", "afternoon", "evening", "night"]),
        ),
        |(h, .., part)| {
            if !(1..=12).contains(&h) {
                return None;
            }
            let pm = match part {
                0 => false,
                1 | 2 => true,
                _ => (6..12).contains(&h),
            };
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            Some((h, 0, false))
        },
    );
    let (rest, (h, m, _)) = alt((spoken, with_meridian, twenty_four, military, named)).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    let (rest, zone) = opt(then(zone)).parse(rest)?;
    Ok((rest, (h, m, zone.is_some_and(|z| z))))
}

/// Checks that a time zone follows, without consuming it.
fn peek_zone(i: &str) -> PResult<'_, ()> {
    let (_, _) = (gap, zone).parse(i)?;
    Ok((i, ()))
}

/// A time zone: "UTC", "GMT" (true: universal time), "EST", "EDT", ... (false).
fn zone(i: &str) -> PResult<'_, bool> {
    let (rest, w) = word(i)?;
    let upper = w.to_ascii_uppercase();
    match upper.as_str() {
        "UTC" | "GMT" | "Z" => Ok((rest, true)),
        "EST" | "EDT" | "CST" | "CDT" | "MST" | "MDT" | "PST" | "PDT" | "BST" | "CET" | "CEST"
            if w.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            Ok((rest, false))
        }
        _ => fail(i),
    }
}

/// A day for a time to be on: a weekday, a day word or a calendar date.
fn time_day(i: &str) -> PResult<'_, Expr> {
    alt((
        month_day,
        day_word,
        map(weekday_name, |weekday| Expr::Weekday {
            weekday,
            offset: 0,
            anaphoric: false,
        }),
    ))
    .parse(i)
}

/// A time of day: "3 p.m.", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "midnight Friday".
fn clock_time(i: &str) -> PResult<'_, Expr> {
    let (rest, clock) = clock(i)?;
    let (rest, day) = opt(nom::sequence::preceded(
        alt((value((), (opt(gap), char(','), gap)), value((), gap))),
        time_day,
    ))
    .parse(rest)?;
    let (rest, day) = match day {
        Some(day) => (rest, Some(day)),
        None => match (gap, clock_day_offset).parse(rest) {
            Ok((after, (_, day))) => (after, Some(day)),
            Err(_) => (rest, None),
        },
    };
    // A bare number with "am"/"pm" needs no day; a named time ("noon") alone is fine too.
    Ok((
        rest,
        Expr::Time {
            clock: Some(clock),
            part: None,
            day: day.map(Box::new),
        },
    ))
}

/// The day a clock time is on, counted in days or weeks from another: "(6 a.m.) two days
/// ago", "(10 p.m.) three days earlier", "(6 a.m.) ten days before the shooting" (the
/// event's day less ten; the extent stops at the count, as TimeML leaves the signal and the
/// event out).
fn clock_day_offset(i: &str) -> PResult<'_, Expr> {
    let (rest, expr) = duration(i)?;
    match expr {
        Expr::Ago { unit, .. } | Expr::Shift { unit, .. }
            if matches!(unit, Unit::Day | Unit::Week) =>
        {
            Ok((rest, expr))
        }
        Expr::Duration {
            amount: Amount::Exact(n),
            unit: unit @ (Unit::Day | Unit::Week),
        } if n.fract() == 0.0 => {
            let (_, (_, k, _, _, noun)) = (
                gap,
                one_of(&["before", "after"]),
                gap,
                opt((kw("the"), gap)),
                word,
            )
                .parse(rest)?;
            let event = noun.to_ascii_lowercase();
            if !EVENT_NOUNS.contains(&event.as_str()) {
                return fail(i);
            }
            let days = n as i64 * if unit == Unit::Week { 7 } else { 1 };
            Ok((
                rest,
                Expr::Event {
                    event,
                    offset_days: [-days, days][k],
                },
            ))
        }
        _ => fail(i),
    }
}

/// A part of a day: "this morning", "Sunday night", "last night", "yesterday afternoon",
/// "tomorrow evening", "the morning".
fn day_part_expr(i: &str) -> PResult<'_, Expr> {
    let part = |i| map_opt(word, |w| lookup(w, lexicon::day_part)).parse(i);
    let (rest, (day, part)) = alt((
        map((kw("this"), gap, part), |(.., p)| {
            (
                Some(Expr::Relative {
                    unit: Unit::Day,
                    offset: 0,
                }),
                p,
            )
        }),
        map(
            (kw("last"), gap, verify(part, |p: &&str| *p == "NI")),
            |(.., p)| {
                (
                    Some(Expr::Relative {
                        unit: Unit::Day,
                        offset: -1,
                    }),
                    p,
                )
            },
        ),
        map(
            (
                alt((
                    day_word,
                    map(weekday_name, |weekday| Expr::Weekday {
                        weekday,
                        offset: 0,
                        anaphoric: false,
                    }),
                )),
                gap,
                part,
            ),
            |(d, _, p)| (Some(d), p),
        ),
        // "(in) the morning": a part of the day in context (the tagger checks the "in").
        map(
            (kw("the"), gap, verify(part, |p: &&str| *p != "NI")),
            |(.., p)| (None, p),
        ),
        map((opt((kw("the"), gap)), kw("next"), gap, part), |(.., p)| {
            (
                Some(Expr::Narrative {
                    unit: Unit::Day,
                    offset: 1,
                    pointed: true,
                }),
                p,
            )
        }),
    ))
    .parse(i)?;
    // "Tuesday nights": a weekday's part in the plural recurs.
    if let Some(Expr::Weekday { weekday, .. }) = day
        && i[..i.len() - rest.len()].ends_with('s')
    {
        return Ok((
            rest,
            Expr::Set {
                unit: None,
                count: 1,
                weekday: Some(weekday),
                month: None,
                part: Some(part),
            },
        ));
    }
    Ok((
        rest,
        Expr::Time {
            clock: None,
            part: Some(part),
            day: day.map(Box::new),
        },
    ))
}

/// A part of the day after a modifier ("mid-afternoon", "early morning"), with an optional day
/// after it ("mid-afternoon yesterday"). Alone, "afternoon" is no expression; modified, it is
/// a time on the day in context.
fn modified_day_part(i: &str) -> PResult<'_, Expr> {
    let (rest, part) = map_opt(word, |w| {
        lookup(w, lexicon::day_part).filter(|_| {
            ["morning", "afternoon", "evening"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
    })
    .parse(i)?;
    let (rest, day) = opt(then(time_day)).parse(rest)?;
    Ok((
        rest,
        Expr::Time {
            clock: None,
            part: Some(part),
            day: day.map(Box::new),
        },
    ))
}

/// A vague reference: "now", "currently", "recently", "the past", "the future", "nowadays".
fn reference(i: &str) -> PResult<'_, Expr> {
    let (rest, r) = alt((
        value(
            "PRESENT_REF",
            alt((
                kw("now"),
                kw("currently"),
                kw("nowadays"),
                kw("current"),
                recognize((kw("the"), gap, kw("present"))),
                recognize((kw("the"), gap, kw("time"), gap, kw("being"))),
                recognize((kw("these"), gap, kw("days"))),
            )),
        ),
        value(
            "PAST_REF",
            alt((
                recognize((opt((kw("more"), gap)), kw("recently"))),
                // "the then current price", "the then-current owner": current at a past time.
                recognize((kw("then"), joint, kw("current"))),
                // "in (the) past years": the past, no length said (before "the past").
                recognize((
                    opt((kw("the"), gap)),
                    kw("past"),
                    gap,
                    one_of(&["years", "decades", "months", "weeks"]),
                )),
                recognize((kw("the"), gap, kw("past"))),
                recognize((kw("recent"), gap, kw("years"))),
            )),
        ),
        value(
            "FUTURE_REF",
            alt((
                recognize((
                    kw("the"),
                    gap,
                    opt((one_of(&["near", "foreseeable", "distant"]), gap)),
                    kw("future"),
                )),
                recognize((
                    kw("the"),
                    gap,
                    kw("coming"),
                    gap,
                    one_of(&["months", "years"]),
                )),
                recognize((
                    kw("the"),
                    gap,
                    one_of(&["near", "short", "long"]),
                    gap,
                    kw("term"),
                )),
            )),
        ),
    ))
    .parse(i)?;
    Ok((rest, Expr::Reference(r)))
}

/// A recurrence: "every week", "each Thursday", "every other day", "daily", "annually".
fn set_expr(i: &str) -> PResult<'_, Expr> {
    let adverb = map(
        one_of(&[
            "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
        ]),
        |k| {
            let unit = [
                Unit::Day,
                Unit::Week,
                Unit::Month,
                Unit::Year,
                Unit::Year,
                Unit::Hour,
                Unit::Day,
            ][k];
            Expr::Set {
                unit: Some(unit),
                count: 1,
                weekday: None,
                month: None,
                part: None,
            }
        },
    );
    let every = map_opt(
        (
            one_of(&["every", "each"]),
            gap,
            opt((kw("other"), gap)),
            opt(nom::sequence::terminated(
                verify(cardinal, |&n| n >= 2.0 && n.fract() == 0.0),
                gap,
            )),
            alt((
                map(unit, |(u, _)| (Some(u), None, None)),
                map(weekday_name, |w| (None, Some(w), None)),
                map(month_name, |(m, _)| (None, None, Some(m))),
            )),
        ),
        |(_, _, other, n, (unit, weekday, month))| {
            let count = if other.is_some() {
                2
            } else {
                n.map_or(1, |n| n as u32)
            };
            Some(Expr::Set {
                unit,
                count,
                weekday,
                month,
                part: None,
            })
        },
    );
    alt((adverb, every)).parse(i)
}

/// A length of time, with "the past/next/first" or a shift word after it: "nine months",
/// "the past two years", "a decade", "two-year", "nine months ago", "twelve days later".
fn duration(i: &str) -> PResult<'_, Expr> {
    let (rest, lead) = opt(alt((
        map(
            (
                kw("the"),
                gap,
                opt(nom::sequence::terminated(
                    one_of(&[
                        "past",
                        "last",
                        "next",
                        "coming",
                        "previous",
                        "first",
                        "latest",
                        "final",
                        "following",
                        "remaining",
                        "early",
                        "same",
                    ]),
                    gap,
                )),
            ),
            |(.., q)| q.map_or(1, |_| 2),
        ),
        map(
            nom::sequence::terminated(one_of(&["past", "last", "next", "previous", "coming"]), gap),
            |_| 2,
        ),
    )))
    .parse(i)?;
    let (rest, (amount, article)) = amount(rest)?;
    if lead.is_some() && article {
        return fail(i);
    }
    // "two to three weeks", "the next 12 to 18 months": a range of counts, one length.
    let (rest, amount) = match amount {
        Amount::Exact(lo) if !article => {
            match (gap, kw("to"), gap, verify(cardinal, |&hi| hi > lo)).parse(rest) {
                Ok((after, _)) => (after, Amount::Some),
                Err(_) => (rest, amount),
            }
        }
        _ => (rest, amount),
    };
    let (rest, sep) = joint(rest)?;
    // "five trading days", "two more weeks", "six straight days".
    let (rest, _) = if sep == "-" {
        (rest, None)
    } else {
        opt((
            one_of(&[
                "trading",
                "business",
                "working",
                "calendar",
                "more",
                "additional",
                "further",
                "straight",
                "consecutive",
                "full",
                "successive",
                "extra",
            ]),
            gap,
        ))
        .parse(rest)?
    };
    let (rest, (unit, plural)) = unit(rest)?;
    let hyphenated = sep == "-";
    if hyphenated && lead == Some(1) {
        // "the eight-year war": the article belongs to the noun, the timex is "eight-year".
        return fail(i);
    }
    if rest.starts_with("-old") || rest.starts_with(" old") || rest.starts_with("s-old") {
        // An age, not a time.
        return fail(i);
    }
    if ["-ago", "-earlier"].iter().any(|s| {
        rest.get(..s.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(s))
    }) {
        // "a year-earlier loss": the article is the noun's, the timex is "year-earlier".
        return fail(i);
    }
    // "a years", "two year" (outside a compound) are not durations.
    let one = matches!(amount, Amount::Exact(n) if n == 1.0);
    if plural == one || (hyphenated && plural) {
        let compound_ok = hyphenated && !plural;
        let two_word_adjective = !hyphenated && !plural && !article && !one;
        if !(compound_ok || two_word_adjective) || (two_word_adjective && lead == Some(1)) {
            // "the two day rally": as with "the eight-year war", the article is the noun's.
            return fail(i);
        }
    }
    let (rest, _) = opt(tag_no_case("-long")).parse(rest)?;
    // "a minute and a half", "an hour and a half".
    let (rest, amount) = match amount {
        Amount::Exact(n) if !plural && !hyphenated => {
            match (gap, kw("and"), gap, kw("a"), gap, kw("half")).parse(rest) {
                Ok((after, _)) => (after, Amount::Exact(n + 0.5)),
                Err(_) => (rest, amount),
            }
        }
        _ => (rest, amount),
    };
    if lead.is_none() {
        let rest = match or_so(rest) {
            Ok((after, ()))
                if then(one_of(&["ago", "earlier", "later"]))
                    .parse(after)
                    .is_ok() =>
            {
                after
            }
            _ => rest,
        };
        let shift = opt(then(alt((
            value((0, -1), kw("ago")),
            value((1, -1), kw("earlier")),
            value((1, 1), kw("later")),
            value((0, 1), recognize((kw("from"), gap, kw("now")))),
            value((0, 1), kw("hence")),
        ))))
        .parse(rest)?;
        if let (rest, Some((kind, sign))) = shift {
            let expr = if kind == 0 {
                Expr::Ago { amount, unit, sign }
            } else {
                Expr::Shift { amount, unit, sign }
            };
            return Ok((rest, expr));
        }
    }
    Ok((rest, Expr::Duration { amount, unit }))
}

/// "recent weeks", "coming months", "the weeks ahead", "(over) the years": an unstated length
/// (the tagger keeps a bare "the years" only after "over" or in "in the years that followed").
fn vague_duration(i: &str) -> PResult<'_, Expr> {
    let (rest, article) = the(i)?;
    let (rest, (unit, plural)) = alt((
        nom::sequence::preceded((one_of(&["recent", "coming"]), gap), unit),
        nom::sequence::terminated(unit, (gap, kw("ahead"))),
        verify(unit, |&(u, p)| {
            article.is_some() && p && u >= Unit::Month && u != Unit::Quarter
        }),
    ))
    .parse(rest)?;
    // "recent weeks and months": one unstated length.
    let (rest, _) = opt((
        gap,
        one_of(&["or", "and"]),
        gap,
        verify(self::unit, |&(u, p)| p && u > unit),
    ))
    .parse(rest)?;
    if !plural || unit == Unit::Year && i.to_ascii_lowercase().starts_with("recent") {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Duration {
            amount: Amount::Some,
            unit,
        },
    ))
}

/// A unit relative to the narrative: "the following day", "the next day", "the previous year",
/// "that day", "the same day", "that year".
fn narrative_unit(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = alt((
        map(
            (
                kw("the"),
                gap,
                one_of(&["following", "next", "previous", "prior", "same"]),
            ),
            |(.., k)| [1, 1, -1, -1, 0][k],
        ),
        value(0, recognize((kw("that"), opt((gap, kw("same")))))),
    ))
    .parse(i)?;
    let (rest, _) = gap(rest)?;
    let (rest, (unit, plural)) = unit(rest)?;
    if plural || unit.is_clock() {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Narrative {
            unit,
            offset,
            pointed: true,
        },
    ))
}

/// "the second day (of the offensive)", "the fourth straight week": a day, week or month
/// counted within a stretch of time; the unit in context.
fn ordinal_unit(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = opt((one_of(&["the", "a"]), gap)).parse(i)?;
    let (rest, _) = alt((
        map_opt(word, |w| lookup(w, lexicon::ordinal_word)),
        map(
            (integer(3), one_of(&["st", "nd", "rd", "th"])),
            |((n, _), _)| n,
        ),
    ))
    .parse(rest)?;
    let (rest, _) = opt((
        gap,
        one_of(&["straight", "consecutive", "full", "successive"]),
    ))
    .parse(rest)?;
    let (rest, (unit, plural)) = then(unit).parse(rest)?;
    if plural || rest.starts_with('-') || !matches!(unit, Unit::Day | Unit::Week | Unit::Month) {
        return fail(i);
    }
    // "the first week of March" is a part of that month, not a unit in context.
    if let Ok((after, _)) = (gap, kw("of"), gap).parse(rest)
        && (month_name(after).is_ok() || after.starts_with(|c: char| c.is_ascii_digit()))
    {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Narrative {
            unit,
            offset: 0,
            pointed: false,
        },
    ))
}

/// "the day", "the week", "the year", "the weekend": the unit in context.
fn bare_unit(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = (
        kw("the"),
        gap,
        opt((one_of(&["full", "whole", "entire", "calendar"]), gap)),
    )
        .parse(i)?;
    let (rest, (unit, plural)) = unit(rest)?;
    if plural
        || rest.starts_with('-')
        || !matches!(
            unit,
            Unit::Day | Unit::Week | Unit::Weekend | Unit::Year | Unit::Month
        )
    {
        // "the year-ago quarter" is a part of a year, "the day-long" an adjective.
        return fail(i);
    }
    if unit == Unit::Year && ends_on_date(rest) {
        return Ok((rest, year_length()));
    }
    // "The day" is the day being told ("the Dow fell 3% on Monday ... to end the day at
    // 7,114"), which is the publication's only when the story is at no other day.
    // "The day after his death" is the day after the one being told (an event of that day);
    // not before a clause in -ing ("late in the day after falling 250 points").
    if unit == Unit::Day {
        // "During the day Friday": the daytime of the weekday that follows, which is the date
        // said; "the day" is no second date beside it.
        if (gap, weekday_name).parse(rest).is_ok() {
            return fail(i);
        }
        let offset = match (gap, one_of(&["before", "after"]), gap, word).parse(rest) {
            Ok((_, (_, k, _, w))) if !ends_with_ing(w) => [-1, 1][k],
            _ => 0,
        };
        return Ok((
            rest,
            Expr::Narrative {
                unit,
                offset,
                pointed: false,
            },
        ));
    }
    Ok((rest, Expr::Relative { unit, offset: 0 }))
}

/// Whether `w` is a word in -ing (a gerund or participle: "falling", "returning").
fn ends_with_ing(w: &str) -> bool {
    w.len() > 4 && w.as_bytes()[w.len() - 3..].eq_ignore_ascii_case(b"ing")
}

/// Whether a period word is followed by "ended"/"ending" and so by the date it ends on: "the
/// year ended March 31" is a twelve-month length ending then, not a calendar year.
fn ends_on_date(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', '\n']);
    let rest = rest
        .strip_prefix("that ")
        .or_else(|| rest.strip_prefix("which "))
        .unwrap_or(rest);
    one_of(&["ended", "ending", "ends"])(rest).is_ok()
}

/// A year's length, `P1Y`.
fn year_length() -> Expr {
    Expr::Duration {
        amount: Amount::Exact(1.0),
        unit: Unit::Year,
    }
}

/// "year-end", "year end", "year's end": the end of the current year.
fn year_end(i: &str) -> PResult<'_, ()> {
    value(
        (),
        (
            kw("year"),
            opt(alt((tag("'s"), tag("’s")))),
            alt((tag("-"), gap)),
            kw("end"),
        ),
    )
    .parse(i)
}

/// A unit alone in the plural: "years", "weeks" ("for years", "within weeks", "decades-long");
/// in the singular only as an adjective in "-long" ("their third day-long meeting": one day).
fn bare_plural(i: &str) -> PResult<'_, Expr> {
    let (rest, (unit, plural)) = unit(i)?;
    if unit == Unit::Weekend || unit == Unit::Quarter {
        return fail(i);
    }
    if !plural {
        let (rest, _) = tag_no_case("-long")(rest)?;
        return Ok((
            rest,
            Expr::Duration {
                amount: Amount::Exact(1.0),
                unit,
            },
        ));
    }
    let (rest, _) = alt((
        // "weeks or months": one unstated length.
        recognize((
            gap,
            one_of(&["or", "and"]),
            gap,
            verify(self::unit, |&(u, p)| p && u > unit && u != Unit::Weekend),
        )),
        recognize(opt(tag_no_case("-long"))),
    ))
    .parse(rest)?;
    Ok((
        rest,
        Expr::Duration {
            amount: Amount::Some,
            unit,
        },
    ))
}

/// A day before or after a day named: "the day before yesterday", "the day after Christmas",
/// "the day before last Tuesday" (one expression, as TimeML tags "the day before yesterday").
fn day_from(i: &str) -> PResult<'_, Expr> {
    let (rest, (_, _, _, k, _)) =
        (the, kw("day"), gap, one_of(&["before", "after"]), gap).parse(i)?;
    let Some((day, len)) = core(rest) else {
        return fail(i);
    };
    let day_sized = match &day {
        Expr::Calendar { day, .. } => day.is_some(),
        Expr::Relative { unit, .. } => *unit == Unit::Day,
        Expr::Weekday { .. } | Expr::Holiday { .. } => true,
        _ => false,
    };
    if !day_sized {
        return fail(i);
    }
    Ok((
        &rest[len..],
        Expr::DayFrom {
            day: Box::new(day),
            offset: [-1, 1][k],
        },
    ))
}

/// An event-relative date: "the eve of the attack", "the day before the election",
/// "the start of the war".
fn event_date(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = alt((
        value(-1, (the, kw("eve"), gap, kw("of"))),
        value(-1, (the, kw("day"), gap, kw("before"))),
        value(1, (the, kw("day"), gap, kw("after"))),
        value(
            0,
            (
                the,
                one_of(&["start", "beginning", "outset", "end"]),
                gap,
                kw("of"),
            ),
        ),
    ))
    .parse(i)?;
    let (rest, _) = (gap, opt((kw("the"), gap))).parse(rest)?;
    let (rest, noun) = word(rest)?;
    let event = noun.to_ascii_lowercase();
    if !EVENT_NOUNS.contains(&event.as_str()) {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Event {
            event,
            offset_days: offset,
        },
    ))
}

/// Event nouns a date can be anchored on.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "invasion",
    "war",
    "election",
    "elections",
    "summit",
    "vote",
    "referendum",
    "strike",
    "strikes",
    "talks",
    "meeting",
    "crisis",
    "conflict",
    "offensive",
    "coup",
    "ceasefire",
    "truce",
    "storm",
    "earthquake",
    "bombing",
    "shooting",
    "raid",
    "assault",
    "launch",
    "inauguration",
    "deadline",
    "game",
    "match",
    "tournament",
    "pandemic",
    "outbreak",
    "visit",
    "trial",
    "hearing",
    "debate",
    "primary",
    "primaries",
    "poll",
    "polls",
];

type Rule = fn(&str) -> PResult<'_, Expr>;

/// Whether a construct can start with a [`Lead`].
type MayStart = fn(&Lead<'_>) -> bool;

/// The first token at a start: enough to rule out most constructs without running them.
struct Lead<'a> {
    /// The first word folded to lower case ("" when the input starts otherwise).
    word: &'a str,
    /// Whether the input starts with a digit.
    digit: bool,
    /// Whether it starts with an apostrophe ("'80s").
    quote: bool,
    /// Whether it starts with "q" or "fy" and a digit ("Q3", "FY2006").
    code: bool,
}

impl Lead<'_> {
    fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.word)
    }

    fn month(&self) -> bool {
        lexicon::month(self.word).is_some()
    }

    fn weekday(&self) -> bool {
        lexicon::weekday(self.word).is_some()
    }

    fn number(&self) -> bool {
        self.digit || lexicon::number_word(self.word).is_some()
    }

    fn unit(&self) -> bool {
        lexicon::unit(self.word).is_some()
    }
}

/// Every construct with the first tokens it can start with (a cheap test, run first; it must
/// accept whatever the construct can parse).
const RULES: &[(Rule, MayStart)] = &[
    (month_day, |l| {
        l.digit || l.word == "the" || l.month() || l.weekday()
    }),
    (month_year, |l| l.month()),
    (week_of, |l| l.word == "the"),
    (relative_month, |l| {
        l.is(&["last", "next", "this", "past", "coming"])
    }),
    (numeric_date, |l| l.digit),
    (year_alone, |l| l.number() || l.is(&["the", "year"])),
    (decade, |l| {
        l.digit || l.quote || l.word == "the" || l.word.ends_with("ties")
    }),
    (century, |l| {
        l.digit
            || l.word == "the"
            || l.word.starts_with("twenty")
            || lexicon::ordinal_word(l.word).is_some()
    }),
    (year_part, |l| {
        l.digit
            || l.code
            || l.is(&[
                "the",
                "this",
                "last",
                "next",
                "comparable",
                "year",
                "fiscal",
                "final",
                "latest",
                "current",
                "same",
                "recent",
            ])
            || lexicon::ordinal_word(l.word).is_some()
    }),
    (context_quarter, |l| l.word == "the"),
    (year_ago_adjective, |l| l.word == "year"),
    (year_back_period, |l| l.word == "the"),
    (season_expr, |l| {
        l.is(&["the", "this", "last", "next", "past", "coming"])
            || lexicon::season(l.word).is_some()
    }),
    (fiscal_year, |l| l.code || l.is(&["fiscal", "the"])),
    (relative_unit, |l| {
        l.is(&[
            "the", "this", "last", "next", "past", "coming", "current", "previous",
        ])
    }),
    (day_word, |l| {
        l.is(&["today", "yesterday", "tomorrow", "tonight"])
    }),
    (weekday_expr, |l| {
        l.weekday() || l.is(&["the"]) || l.is(WEEKDAY_MODIFIERS)
    }),
    (clock_time, |l| {
        l.digit || l.is(&["noon", "midday", "midnight"])
    }),
    (day_part_expr, |l| {
        l.weekday()
            || l.is(&[
                "this",
                "last",
                "the",
                "next",
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
            ])
    }),
    (reference, |l| {
        l.is(&[
            "now",
            "currently",
            "nowadays",
            "current",
            "then",
            "the",
            "more",
            "recently",
            "recent",
            "these",
            "past",
        ])
    }),
    (set_expr, |l| {
        l.is(&[
            "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "every",
            "each",
        ])
    }),
    (duration, |l| {
        l.number()
            || l.is(&[
                "the", "past", "last", "next", "previous", "coming", "a", "an", "couple", "single",
                "several", "few", "many",
            ])
    }),
    (vague_duration, |l| {
        l.unit() || l.is(&["the", "recent", "coming"])
    }),
    (narrative_unit, |l| l.is(&["the", "that"])),
    (bare_unit, |l| l.word == "the"),
    (ordinal_unit, |l| {
        l.digit || l.is(&["the", "a"]) || lexicon::ordinal_word(l.word).is_some()
    }),
    (bare_plural, |l| l.unit()),
    (holiday, |l| {
        l.is(&[
            "last",
            "next",
            "this",
            "thanksgiving",
            "christmas",
            "new",
            "independence",
            "halloween",
            "valentine",
            "veterans",
            "election",
            "memorial",
            "labor",
            "labour",
            "easter",
        ])
    }),
    (event_date, |l| {
        l.is(&["the", "eve", "day", "start", "beginning", "outset", "end"])
    }),
    (day_from, |l| l.word == "the"),
];

/// The longest construct at the start of `i`, with its own length.
fn core(i: &str) -> Option<(Expr, usize)> {
    let bytes = i.as_bytes();
    let n = bytes
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let mut buf = [0u8; 16];
    buf[..n].copy_from_slice(&bytes[..n]);
    buf[..n].make_ascii_lowercase();
    let word = std::str::from_utf8(&buf[..n]).unwrap_or("");
    let digit_after = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let lead = Lead {
        word,
        digit: bytes.first().is_some_and(u8::is_ascii_digit),
        quote: i.starts_with(['\'', '’']),
        code: (word == "q" && digit_after(1))
            || (word == "fy"
                && (digit_after(2) || (bytes.get(2) == Some(&b' ') && digit_after(3)))),
    };
    let mut best: Option<(Expr, usize)> = None;
    for (rule, may_start) in RULES {
        if !may_start(&lead) {
            continue;
        }
        if let Ok((rest, expr)) = rule(i) {
            let len = i.len() - rest.len();
            if best.as_ref().is_none_or(|(_, l)| len > *l) {
                best = Some((expr, len));
            }
        }
    }
    best
}

/// Parses one time expression at the start of `i`: an optional bound, an optional modifier,
/// a construct, and a trailing day for a weekday date ("Wednesday, Nov. 16" is one date).
pub(crate) fn expression(i: &str) -> Option<Parsed> {
    let mut best: Option<Parsed> = None;
    let mut consider = |expr: Expr, bound: Bound, modifier, len: usize| {
        if best.as_ref().is_none_or(|b| len > b.len) {
            best = Some(Parsed {
                expr,
                bound,
                modifier,
                len,
            });
        }
    };
    if let Some((expr, len)) = core(i) {
        consider(expr, Bound::Exact, None, len);
    }
    if let Ok((rest, ())) = year_end(i) {
        let expr = Expr::Relative {
            unit: Unit::Year,
            offset: 0,
        };
        consider(expr, Bound::Exact, Some("END"), i.len() - rest.len());
    }
    if let Ok((rest, b)) = bound(i) {
        // "nearly for 24 days": a nearness word put before "for" still bounds the duration.
        let (rest, before_for) = match (b, kw("for")(rest)) {
            (Bound::LessThan | Bound::About, Ok((after, _))) => match gap(after) {
                Ok((after, _)) => (after, true),
                Err(_) => (rest, false),
            },
            _ => (rest, false),
        };
        let lead = i.len() - rest.len();
        // "over the past two years" is "during": "over" bounds only a number ("over 20 years").
        let starts = |w: &str| i.get(..w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w));
        let over = starts("over") || starts("just over");
        let determiner = ["the ", "past ", "last ", "next ", "recent ", "coming "]
            .iter()
            .any(|d| {
                rest.get(..d.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(d))
            });
        if let Some((expr, len)) = core(rest) {
            if matches!(
                expr,
                Expr::Duration { .. } | Expr::Ago { .. } | Expr::Shift { .. }
            ) && !(b == Bound::LessThan
                && rest
                    .get(..4)
                    .is_some_and(|x| x.eq_ignore_ascii_case("the ")))
                && (!before_for || matches!(expr, Expr::Duration { .. }))
                && !(over && b == Bound::MoreThan && determiner)
            {
                consider(expr, b, None, lead + len);
            }
        }
    }
    if let Ok((rest, m)) = modifier(i) {
        let lead = i.len() - rest.len();
        if let Some((expr, len)) = core(rest) {
            let ok = match &expr {
                // "post-1959": a year or decade only.
                _ if matches!(m, Some("AFTER" | "BEFORE")) => matches!(
                    expr,
                    Expr::Calendar {
                        year: Some(_),
                        month: None,
                        ..
                    } | Expr::Decade(_)
                ),
                Expr::Calendar { day, .. } => day.is_none() || m.is_none(),
                Expr::Month { .. } => true,
                Expr::Decade(_)
                | Expr::Century(_)
                | Expr::Part { .. }
                | Expr::Relative { .. }
                | Expr::Weekday { .. }
                | Expr::Narrative { .. }
                | Expr::Event { .. }
                | Expr::Time { .. } => true,
                _ => false,
            };
            if ok {
                consider(expr, Bound::Exact, m, lead + len);
            }
        }
        // "mid-afternoon", "early morning", "late afternoon Friday": a modified part of a day.
        if m.is_some()
            && let Ok((after, expr)) = modified_day_part(rest)
        {
            consider(expr, Bound::Exact, m, i.len() - after.len());
        }
    }
    // "the late 1970s", "the early summer": the article of a modified period is inside. (A
    // byte test first: this runs at every position tried.)
    let the_modifier = i.len() > 5
        && i.as_bytes()[..4].eq_ignore_ascii_case(b"the ")
        && matches!(i.as_bytes()[4].to_ascii_lowercase(), b'e' | b'l' | b'm');
    if the_modifier
        && let Ok((after_the, _)) = (kw("the"), gap).parse(i)
        && let Ok((rest, m @ Some(_))) = modifier(after_the)
        && let Some((expr, len)) = core(rest)
        && matches!(
            expr,
            Expr::Decade(_)
                | Expr::Century(_)
                | Expr::Part {
                    part: YearPart::Season(_),
                    year: YearRef::Implicit
                }
                | Expr::Calendar {
                    month: None,
                    day: None,
                    ..
                }
        )
    {
        consider(expr, Bound::Exact, m, i.len() - rest.len() + len);
    }
    // "the next year or so", "two weeks or so": an approximate reading, one expression.
    if let Some(b) = best.as_mut()
        && matches!(
            b.expr,
            Expr::Duration { .. } | Expr::Relative { .. } | Expr::Narrative { .. }
        )
        && let Ok((after, _)) = or_so(&i[b.len..])
    {
        b.len = i.len() - after.len();
        if b.bound == Bound::Exact {
            b.bound = Bound::About;
        }
    }
    // "1994 or later", "1990 and beyond": a year and what follows it, one expression.
    if let Some(b) = best.as_mut()
        && matches!(
            b.expr,
            Expr::Calendar {
                year: Some(_),
                month: None,
                ..
            }
        )
        && b.modifier.is_none()
        && let Ok((after, m)) = open_end(&i[b.len..])
    {
        b.len = i.len() - after.len();
        b.modifier = Some(m);
    }
    best
}

/// "or later", "and beyond", "or earlier" after a year: its TIMEX3 `mod`.
fn open_end(i: &str) -> PResult<'_, &'static str> {
    alt((
        map(
            (
                gap,
                kw("or"),
                gap,
                one_of(&["later", "after", "earlier", "before"]),
            ),
            |(.., k)| ["ON_OR_AFTER", "ON_OR_AFTER", "ON_OR_BEFORE", "ON_OR_BEFORE"][k],
        ),
        value("ON_OR_AFTER", (gap, kw("and"), gap, kw("beyond"))),
    ))
    .parse(i)
}

/// "or so" after a length: "a week or so".
fn or_so(i: &str) -> PResult<'_, ()> {
    value((), (gap, kw("or"), gap, kw("so"))).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> String {
        match expression(text) {
            Some(p) => format!(
                "{:?} {:?} {:?} {:?}",
                &text[..p.len],
                p.expr,
                p.bound,
                p.modifier
            ),
            None => "none".to_string(),
        }
    }

    #[test]
    fn dates() {
        insta::assert_snapshot!(parse("Nov. 15, with"), @r#""Nov. 15" Calendar { year: None, month: Some(11), day: Some(15), weekday: None, year_offset: None } Exact None"#);
        insta::assert_snapshot!(parse("November 15, 2022."), @r#""November 15, 2022" Calendar { year: Some(2022), month: Some(11), day: Some(15), weekday: None, year_offset: None } Exact None"#);
        insta::assert_snapshot!(parse("Monday, Oct. 26 and"), @r#""Monday, Oct. 26" Calendar { year: None, month: Some(10), day: Some(26), weekday: Some(1), year_offset: None } Exact None"#);
        insta::assert_snapshot!(parse("2022-11-15 x"), @r#""2022-11-15" Calendar { year: Some(2022), month: Some(11), day: Some(15), weekday: None, year_offset: None } Exact None"#);
        insta::assert_snapshot!(parse("11/15/2022"), @r#""11/15/2022" Calendar { year: Some(2022), month: Some(11), day: Some(15), weekday: None, year_offset: None } Exact None"#);
        insta::assert_snapshot!(parse("mid-March"), @r#""mid-March" Calendar { year: None, month: Some(3), day: None, weekday: None, year_offset: None } Exact Some("MID")"#);
        insta::assert_snapshot!(parse("early 2021"), @r#""early 2021" Calendar { year: Some(2021), month: None, day: None, weekday: None, year_offset: None } Exact Some("START")"#);
        insta::assert_snapshot!(parse("the 1990s"), @r#""the 1990s" Decade(1990) Exact None"#);
        insta::assert_snapshot!(parse("the third quarter of 1989"), @r#""the third quarter of 1989" Part { part: Quarter(3), year: Absolute(1989) } Exact None"#);
        insta::assert_snapshot!(parse("fiscal 1989"), @r#""fiscal 1989" Part { part: Whole, year: Absolute(1989) } Exact None"#);
        insta::assert_snapshot!(parse("last fall"), @r#""last fall" Part { part: Season("FA"), year: Offset(-1) } Exact None"#);
    }

    #[test]
    fn durations_and_shifts() {
        insta::assert_snapshot!(parse("more than 24 days now"), @r#""more than 24 days" Duration { amount: Exact(24.0), unit: Day } MoreThan None"#);
        insta::assert_snapshot!(parse("nearly 24 days."), @r#""nearly 24 days" Duration { amount: Exact(24.0), unit: Day } LessThan None"#);
        insta::assert_snapshot!(parse("nearly for 24 days."), @r#""nearly for 24 days" Duration { amount: Exact(24.0), unit: Day } LessThan None"#);
        insta::assert_snapshot!(parse("the past two years"), @r#""the past two years" Duration { amount: Exact(2.0), unit: Year } Exact None"#);
        insta::assert_snapshot!(parse("nine months ago,"), @r#""nine months ago" Ago { amount: Exact(9.0), unit: Month, sign: -1 } Exact None"#);
        insta::assert_snapshot!(parse("twelve days later"), @r#""twelve days later" Shift { amount: Exact(12.0), unit: Day, sign: 1 } Exact None"#);
        insta::assert_snapshot!(parse("a decade"), @r#""a decade" Duration { amount: Exact(1.0), unit: Decade } Exact None"#);
        insta::assert_snapshot!(parse("two-year plan"), @r#""two-year" Duration { amount: Exact(2.0), unit: Year } Exact None"#);
        insta::assert_snapshot!(parse("twenty-four hours"), @r#""twenty-four hours" Duration { amount: Exact(24.0), unit: Hour } Exact None"#);
    }

    #[test]
    fn near_misses() {
        insta::assert_snapshot!(parse("Jan said"), @"none");
        insta::assert_snapshot!(parse("a years"), @"none");
        insta::assert_snapshot!(parse("12345"), @"none");
        insta::assert_snapshot!(parse("3rd base"), @"none");
        insta::assert_snapshot!(parse("the eve of destruction"), @"none");
    }

    #[test]
    fn times_sets_references() {
        insta::assert_snapshot!(parse("3 p.m. Wednesday"), @r#""3 p.m. Wednesday" Time { clock: Some((15, 0, false)), part: None, day: Some(Weekday { weekday: 3, offset: 0, anaphoric: false }) } Exact None"#);
        insta::assert_snapshot!(parse("Sunday night"), @r#""Sunday night" Time { clock: None, part: Some("NI"), day: Some(Weekday { weekday: 7, offset: 0, anaphoric: false }) } Exact None"#);
        insta::assert_snapshot!(parse("every week"), @r#""every week" Set { unit: Some(Week), count: 1, weekday: None, month: None, part: None } Exact None"#);
        insta::assert_snapshot!(parse("6 a.m. ten days before the shooting"), @r#""6 a.m. ten days" Time { clock: Some((6, 0, false)), part: None, day: Some(Event { event: "shooting", offset_days: -10 }) } Exact None"#);
        insta::assert_snapshot!(parse("10 p.m. two days earlier"), @r#""10 p.m. two days earlier" Time { clock: Some((22, 0, false)), part: None, day: Some(Shift { amount: Exact(2.0), unit: Day, sign: -1 }) } Exact None"#);
        insta::assert_snapshot!(parse("6 a.m. ten days before dawn"), @r#""6 a.m." Time { clock: Some((6, 0, false)), part: None, day: None } Exact None"#);
        insta::assert_snapshot!(parse("recently"), @r#""recently" Reference("PAST_REF") Exact None"#);
        insta::assert_snapshot!(parse("the eve of the attack"), @r#""the eve of the attack" Event { event: "attack", offset_days: -1 } Exact None"#);
    }
}
