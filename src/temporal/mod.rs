//! Time expressions: finding them (the nom grammar), normalizing them to TIMEX3 values and day
//! intervals, and anchoring relative ones.
//!
//! The entry point is [`tag`]: given a text and its publication date (possibly partial or
//! absent), it returns every time expression in text order. Deictic expressions ("nine months
//! ago") resolve against the publication date; anaphoric ones ("twelve days later") against the
//! previous date of the narrative; event-relative ones ("on the eve of the attack") are returned
//! with an [`Anchor::Event`] for the claim layer to resolve. With no anchor available a value
//! stays underspecified (`XXXX-02-12`) rather than guessed.
//!
//! How it runs: `scan` finds trigger words in one Aho-Corasick pass; at each trigger the
//! grammar (`grammar`) is tried at the trigger and a few words before it, the longest match
//! covering the trigger is kept, then `resolve` normalizes it with the tense of its sentence
//! (`tense`) and the narrative's last date. The cost is linear in the text.

pub mod date;
mod grammar;
mod lexicon;
mod point;
mod resolve;
mod scan;
mod tense;
pub mod timex;

pub use date::{Interval, PartialDate, Precision};
pub use timex::{Anchor, Bound, DurationDays, Timex, TimexType};

use crate::text::span::Span;
use grammar::{Amount, Expr, Parsed};
use lexicon::Unit;
use point::Point;
use resolve::{Context, resolve};

/// How many words before a trigger an expression may start ("at least the past 18 months").
const LOOKBACK_WORDS: usize = 4;

/// Finds and normalizes every time expression in `text`, in text order.
///
/// ```
/// use claimcheck::temporal::{tag, PartialDate};
///
/// let published: PartialDate = "2022-03".parse().unwrap();
/// let times = tag("Biden last spoke to Putin on February 12. Twelve days later, Russia invaded.",
///                 Some(published));
/// let values: Vec<&str> = times.iter().map(|t| t.value.as_str()).collect();
/// assert_eq!(values, ["2022-02-12", "2022-02-24"]);
/// ```
pub fn tag(text: &str, published: Option<PartialDate>) -> Vec<Timex> {
    let found = find(text);
    let out = resolve_all(&found, published);
    if published.is_some() {
        return out;
    }
    let Some(bound) = infer_published(text, &out) else {
        return out;
    };
    // The text bounds its own publication date: anchor deictic expressions on it and say so.
    let mut out = resolve_all(&found, Some(bound));
    for t in &mut out {
        if !matches!(t.anchor, Anchor::None | Anchor::Event { .. }) {
            t.inferred = true;
        }
    }
    out
}

/// One expression found in the text, before anchoring.
struct Found {
    /// The TIMEX3 extent.
    span: Span,
    parsed: Parsed,
    tense: tense::Tense,
    /// The index of the date this period is said to end on ("the quarter ended Sept. 30").
    ends_on: Option<usize>,
    /// Whether this is the date a period just before it ends on: it dates the period and does
    /// not move the narrative.
    period_end: bool,
    /// Whether this is a span of months reported up to now ("the first nine months", "the six
    /// months"): the narrative moves to that year as a whole.
    year_to_date: bool,
}

/// A lower bound on a text's publication date: the latest date with a written year that the
/// text reports in the past or without tense (a report comes after what it reports; dates said
/// in the future tense are left out). `None` when the text has no such date. `found` are the
/// text's time expressions as [`tag`] returns them.
pub fn infer_published(text: &str, found: &[Timex]) -> Option<PartialDate> {
    found
        .iter()
        .filter(|t| t.kind == TimexType::Date && t.anchor == Anchor::None)
        .filter(|t| t.value.starts_with(|c: char| c.is_ascii_digit()) && t.value.len() >= 4)
        .filter_map(|t| {
            let date: PartialDate = t.value.parse().ok()?;
            let tense = tense::tense_at(text, t.span.start, t.span.end);
            (tense != tense::Tense::Future).then_some(date)
        })
        .max_by_key(|d| (d.interval().end, d.interval().start))
}

/// Every expression of `text`, in text order, with the tense its value depends on.
fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut floor = 0usize;
    let mut failed = Vec::new();
    for trigger in scan::triggers(text) {
        if trigger < floor {
            continue;
        }
        let Some((start, mut parsed)) = parse_at(text, trigger, floor, &mut failed) else {
            continue;
        };
        let end = start + parsed.len;
        if !plausible(text, start, end, &mut parsed) {
            continue;
        }
        if out
            .last()
            .is_some_and(|prev: &Found| converts(text, prev, start, &parsed.expr))
        {
            floor = end;
            continue;
        }
        if let Some(bounds) = between_bounds(text, start, &parsed, floor) {
            floor = end;
            out.extend(bounds.into_iter().map(|(at, parsed)| Found {
                span: Span::new(at, at + parsed.len),
                parsed,
                tense: tense::Tense::Unknown,
                ends_on: None,
                period_end: false,
                year_to_date: false,
            }));
            continue;
        }
        if out
            .last()
            .is_some_and(|prev: &Found| apposed_day(text, prev, start))
            && let Expr::Narrative {
                unit: Unit::Day,
                offset,
                ..
            } = &mut parsed.expr
        {
            // "Oct. 12, the day before the plunge": the day is the date it restates.
            *offset = 0;
        }
        floor = end;
        let tense = if possessive_weekday(text, end, &parsed.expr) {
            // "Tuesday's declaration": news names a day's event by its day once it happened.
            tense::Tense::Past
        } else if needs_tense(&parsed.expr) {
            tense::tense_at(text, start, end)
        } else {
            tense::Tense::Unknown
        };
        let second = second_day(text, end, &parsed.expr);
        let period_end = out
            .last()
            .is_some_and(|prev: &Found| ends_period(text, prev, start, &parsed.expr));
        if period_end {
            let k = out.len() - 1;
            out[k].ends_on = Some(k + 1);
        }
        let year_to_date = year_to_date(&text[start..end], &parsed.expr);
        out.push(Found {
            span: Span::new(extent_start(text, start, &parsed), end),
            parsed,
            tense,
            ends_on: None,
            period_end,
            year_to_date,
        });
        if let Some(found) = second {
            floor = found.span.end;
            out.push(Found { tense, ..found });
        }
    }
    out
}

/// The second day of "April 24 and 25", "May 3 or 4": a day number joined to a date with a
/// day, ending the phrase (punctuation or the end of the text after it). It is a date of its
/// own, in the first one's month and year.
fn second_day(text: &str, end: usize, expr: &Expr) -> Option<Found> {
    let Expr::Calendar {
        year,
        month: Some(month),
        day: Some(first),
        year_offset,
        ..
    } = *expr
    else {
        return None;
    };
    let rest = &text[end..];
    let after_joint = rest
        .strip_prefix(" and ")
        .or_else(|| rest.strip_prefix(" or "))?;
    let digits = after_joint.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: u32 = after_joint[..digits].parse().ok()?;
    let tail = after_joint[digits..].trim_start_matches([' ', '\t']);
    if day <= first || day > 31 || !(tail.is_empty() || tail.starts_with(['.', ',', ';', ':', ')']))
    {
        return None;
    }
    // "April 24 and 25." ends a sentence; "April 24 and 25,000" is another number.
    if tail.starts_with([',', '.']) && tail[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start = text.len() - after_joint.len();
    let len = digits;
    Some(Found {
        span: Span::new(start, start + len),
        parsed: Parsed {
            expr: Expr::Calendar {
                year,
                month: Some(month),
                day: Some(day),
                weekday: None,
                year_offset,
            },
            bound: Bound::Exact,
            modifier: None,
            len,
        },
        tense: tense::Tense::Unknown,
        ends_on: None,
        period_end: false,
        year_to_date: false,
    })
}

/// Whether the clock time `expr` at `start` restates the one just before it in another zone, in
/// parentheses: "10:35 a.m. (0735 GMT)", "12:30 EST (16:30 UTC)". It is the same instant, and
/// the corpora mark only the first; a restatement that names its day ("(4 a.m. EDT
/// Thursday)") says more and stays.
fn converts(text: &str, prev: &Found, start: usize, expr: &Expr) -> bool {
    let clock = |e: &Expr| matches!(e, Expr::Time { clock: Some(_), .. });
    matches!(
        expr,
        Expr::Time {
            clock: Some(_),
            day: None,
            ..
        }
    ) && clock(&prev.parsed.expr)
        && prev.span.end <= start
        && text[prev.span.end..start].trim_matches([' ', '\t']) == "("
}

/// The two bounds of a length range after "between": "between two to six days", "between 60
/// and 90 days" are two expressions ("two" `P2D`, "six days" `P6D`), the first count taking the
/// unit written after the second, as TimeML marks a range with two bounds. `parsed`, at `start`,
/// is the range read as one length or its second bound alone. Returns each bound's start and
/// parse, or `None` when this is no such range.
fn between_bounds(
    text: &str,
    start: usize,
    parsed: &Parsed,
    floor: usize,
) -> Option<[(usize, Parsed); 2]> {
    let Expr::Duration { unit, .. } = parsed.expr else {
        return None;
    };
    if parsed.bound != Bound::Exact || parsed.modifier.is_some() {
        return None;
    }
    // "between " right before the range, or before its first count when only the second
    // bound was read ("between 60 and 90 days" parses as "90 days").
    let mut lo = floor.max(start.saturating_sub(40));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let k = lo + text[lo..start].to_ascii_lowercase().rfind("between ")? + 8;
    if k > 8 && text.as_bytes()[k - 9].is_ascii_alphanumeric() {
        return None;
    }
    let (count, first_len, second) = grammar::range_start(&text[k..])?;
    let second = k + second;
    let end = start + parsed.len;
    let parsed2 = grammar::expression(&text[second..])?;
    if second < start
        || second + parsed2.len != end
        || !matches!(parsed2.expr, Expr::Duration { amount: Amount::Exact(_), unit: u } if u == unit)
    {
        return None;
    }
    if k != start && second != start {
        return None;
    }
    let first = Parsed {
        expr: Expr::Duration {
            amount: Amount::Exact(count),
            unit,
        },
        bound: Bound::Exact,
        modifier: None,
        len: first_len,
    };
    Some([(k, first), (second, parsed2)])
}

/// Whether `expr` (read `surface`) is a report's span of months from the start of a year:
/// "the first nine months", "the nine months", "the latest six months".
fn year_to_date(surface: &str, expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Duration {
            amount: Amount::Exact(n),
            unit: Unit::Month,
        } if *n > 1.0 && *n < 12.0 && n.fract() == 0.0
    ) && surface
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("the "))
        && !surface.contains(['-', '/'])
        && !surface
            .split(' ')
            .any(|w| matches!(w, "past" | "last" | "next" | "coming" | "previous"))
}

/// Whether the date `expr` at `start` is the end of the period `prev` just before it: "the
/// quarter ended Sept. 30", "the fiscal year ending June 30".
fn ends_period(text: &str, prev: &Found, start: usize, expr: &Expr) -> bool {
    let period = matches!(
        prev.parsed.expr,
        Expr::Part { .. }
            | Expr::Duration { .. }
            | Expr::Relative {
                unit: Unit::Quarter | Unit::Year | Unit::Month,
                ..
            }
    );
    let dated = matches!(
        expr,
        Expr::Calendar {
            month: Some(_),
            day: Some(_),
            ..
        }
    );
    if !period || !dated || prev.span.end > start {
        return false;
    }
    let gap = text[prev.span.end..start].trim_matches([' ', ',', '\t', '\n']);
    let gap = gap
        .strip_prefix("which ")
        .or_else(|| gap.strip_prefix("that "))
        .unwrap_or(gap);
    matches!(
        gap,
        "ended" | "ending" | "ends" | "that ended" | "which ended"
    )
}

/// Normalizes what [`find`] found against `published` and the narrative.
fn resolve_all(found: &[Found], published: Option<PartialDate>) -> Vec<Timex> {
    let mut out = Vec::with_capacity(found.len());
    let mut narrative: Option<(Span, Point)> = None;
    let mut last_day: Option<(Span, Point)> = None;
    let mut prev_moved = false;
    for f in found {
        // The date a period ends on, resolved as it will be in its own turn.
        let ends_on = f.ends_on.and_then(|k| found.get(k)).and_then(|d| {
            let ctx = Context {
                published,
                narrative,
                last_day,
                tense: d.tense,
                ends_on: None,
            };
            resolve(&d.parsed, d.span, &ctx).1
        });
        let ctx = Context {
            published,
            narrative,
            last_day,
            tense: f.tense,
            ends_on,
        };
        let (timex, point) = resolve(&f.parsed, f.span, &ctx);
        // The end date of a period that is itself the narrative's date leaves it there; that
        // of a length ("the six months ended Aug. 12") is the narrative's date.
        // A period told in the future is a forecast, not the one being reported.
        // So is a quarter or half that begins after publication, whatever the verb ("will
        // report losses through the third quarter of 1990" in October 1989).
        let forecast = matches!(f.parsed.expr, Expr::Part { .. })
            && (f.tense == tense::Tense::Future || begins_after(point, published));
        // An earlier quarter of the year being reported is a comparison ("After a flat second
        // quarter, ..."): the report stays on its quarter.
        let earlier_quarter = matches!(
            (point, narrative),
            (Some(Point::Quarter(y, q)), Some((_, Point::Quarter(ny, nq))))
                if y == ny && q < nq
        ) && matches!(
            f.parsed.expr,
            Expr::Part {
                part: grammar::YearPart::Quarter(1..),
                year: grammar::YearRef::Implicit,
            }
        );
        let moved =
            point.is_some() && moves_narrative(&f.parsed.expr) && !forecast && !earlier_quarter;
        if let Some(p) = point
            && moved
            && !(f.period_end && prev_moved)
        {
            narrative = Some((f.span, p));
            if matches!(p, Point::Day(_)) {
                last_day = narrative;
            }
        }
        if f.year_to_date {
            let year = ends_on.or(published.map(Point::from_partial));
            if let Some(y) = year {
                narrative = Some((f.span, Point::Year(y.year())));
            }
        }
        prev_moved = moved;
        out.push(timex);
    }
    out
}

/// Whether a quarter or half begins after the publication date (is still to come).
fn begins_after(point: Option<Point>, published: Option<PartialDate>) -> bool {
    let (Some(p @ (Point::Quarter(..) | Point::Half(..))), Some(published)) = (point, published)
    else {
        return false;
    };
    match (p.interval(), Point::from_partial(published).interval()) {
        (Some(period), Some(published)) => period.start >= published.end,
        _ => false,
    }
}

/// Where the TIMEX3 extent starts: "about" stays outside it (TimeBank and AQUAINT annotate
/// "about two weeks" as "two weeks"), though its bound is kept as `mod` APPROX.
fn extent_start(text: &str, start: usize, parsed: &Parsed) -> usize {
    let surface = &text[start..];
    if parsed.bound == Bound::About
        && surface
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("about "))
    {
        let rest = surface[6..].trim_start_matches([' ', '\t', '\n']);
        return text.len() - rest.len();
    }
    start
}

/// Whether the expression at `start` follows `prev`, a day, after a comma: an apposition that
/// restates that day ("Oct. 12, the day before the stock market plunge").
fn apposed_day(text: &str, prev: &Found, start: usize) -> bool {
    let day = match &prev.parsed.expr {
        Expr::Calendar { day, .. } => day.is_some(),
        Expr::Weekday { .. } | Expr::Holiday { .. } => true,
        Expr::Relative { unit, .. } => *unit == Unit::Day,
        _ => false,
    };
    day && text
        .get(prev.span.end..start)
        .and_then(|between| between.strip_prefix(','))
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b == b' '))
}

/// Whether `expr` is a bare weekday in the possessive ("Tuesday's ruling").
fn possessive_weekday(text: &str, end: usize, expr: &Expr) -> bool {
    matches!(expr, Expr::Weekday { offset: 0, .. })
        && (text[end..].starts_with("'s") || text[end..].starts_with("’s"))
}

/// Whether resolving `expr` depends on the tense of its sentence: a date without its year, a
/// bare weekday, a part of an unnamed year, a time on such a day, or a day after the one told.
fn needs_tense(expr: &Expr) -> bool {
    match expr {
        Expr::Calendar { year, .. } => year.is_none(),
        Expr::Weekday { .. } => true,
        Expr::Holiday { offset, .. } => *offset == 0,
        Expr::Relative {
            unit: Unit::Weekend,
            offset: 0,
        } => true,
        Expr::Part { year, .. } => matches!(year, grammar::YearRef::Implicit),
        Expr::Time { day, .. } => day.as_deref().is_some_and(needs_tense),
        Expr::WeekOf(day) | Expr::DayFrom { day, .. } => needs_tense(day),
        // "The day after ...", told before the narrative is at any day.
        Expr::Narrative { offset, .. } => *offset > 0,
        _ => false,
    }
}

/// Whether a resolved expression becomes the narrative's reference date. Year-sized shifts and
/// comparisons ("a year earlier", "the year-ago quarter", "last year") look back from the
/// narrative without moving it: the next "the quarter" is still the one being reported.
fn moves_narrative(expr: &Expr) -> bool {
    match expr {
        Expr::Ago { unit, .. } | Expr::Shift { unit, .. } => *unit < Unit::Year,
        Expr::Part { part, year } => {
            !matches!(part, grammar::YearPart::Quarter(0))
                || matches!(year, grammar::YearRef::Implicit)
        }
        Expr::Relative { unit, offset } => *offset == 0 || *unit < Unit::Year,
        // "the same month a year ago" compares, as "a year earlier" does.
        Expr::Narrative {
            unit: Unit::Month,
            offset,
            ..
        } => offset.abs() < 12,
        _ => true,
    }
}

/// The expression covering the trigger at `trigger`, starting as early as possible but not
/// before `floor`: its start and parse.
///
/// `failed` holds the starts where no expression parsed at the last trigger, and those of this
/// one on return: the next trigger looks back over the same words, and an expression depends
/// only on the text from its start.
fn parse_at(
    text: &str,
    trigger: usize,
    floor: usize,
    failed: &mut Vec<usize>,
) -> Option<(usize, Parsed)> {
    let before = std::mem::take(failed);
    for start in word_starts_before(text, trigger, floor) {
        if before.contains(&start) {
            failed.push(start);
            continue;
        }
        let Some(parsed) = grammar::expression(&text[start..]) else {
            failed.push(start);
            continue;
        };
        let end = start + parsed.len;
        if end > trigger {
            let (end, parsed) = trim(text, start, end, parsed);
            if end > trigger {
                return Some((start, parsed));
            }
        }
    }
    None
}

/// Up to [`LOOKBACK_WORDS`] word starts before `pos` (earliest first), then `pos` itself, none
/// before `floor` or across a sentence end.
fn word_starts_before(text: &str, pos: usize, floor: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![pos];
    let mut i = pos;
    while starts.len() <= LOOKBACK_WORDS {
        // Skip the separator: spaces, hyphens, one comma.
        let mut j = i;
        while j > floor && matches!(bytes[j - 1], b' ' | b'-' | b'\t' | b',' | b'\n') {
            j -= 1;
        }
        if j == i || j <= floor {
            break;
        }
        if text[i.min(j)..i].matches('\n').count() > 1 {
            break;
        }
        // Then the word: ASCII letters, digits, apostrophes, periods of abbreviations.
        let mut k = j;
        while k > floor && (bytes[k - 1].is_ascii_alphanumeric() || bytes[k - 1] == b'\'') {
            k -= 1;
        }
        if k == j {
            break;
        }
        if k > 0 && !text.is_char_boundary(k) {
            break;
        }
        // Only words that can open or continue an expression ("at least the past") are worth
        // a parse; the first other word ends the look-back.
        if !lexicon::can_lead(&text[k..j]) && !modified_in(text, k, j, floor) {
            break;
        }
        starts.push(k);
        i = k;
    }
    starts.reverse();
    starts
}

/// Whether the word `text[k..j]` is the "in" of "late in the day", "earlier in the year": "in"
/// after a modifier (any other "in" ends the look-back, as it opens no expression).
fn modified_in(text: &str, k: usize, j: usize, floor: usize) -> bool {
    if !text[k..j].eq_ignore_ascii_case("in") {
        return false;
    }
    let before = text[floor..k].trim_end_matches([' ', '\t', '\n']);
    let w = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    ["early", "late", "earlier", "later"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m))
}

/// Drops a trailing period that ends the sentence from an abbreviation ("Nov." stays when a day
/// follows; the grammar only takes the period as part of the month).
fn trim(_text: &str, start: usize, end: usize, parsed: Parsed) -> (usize, Parsed) {
    let _ = start;
    (end, parsed)
}

/// Capitalized words that make a weekday after them a named day ("Patch Tuesday", "Cyber
/// Monday", "Bloody Sunday").
const NAMED_DAY_WORDS: [&str; 11] = [
    "patch", "super", "cyber", "black", "fat", "bloody", "ash", "palm", "holy", "maundy", "giving",
];

/// Whether a capitalized word makes the expression part of a name or title ("This Week" the
/// programme, "60 Minutes", "High Noon", "VOA Today"): a time word other than a month, weekday
/// or holiday written with a capital after the start of a sentence, outside a headline.
fn names_something(text: &str, start: usize, surface: &str, expr: &Expr) -> bool {
    let holiday = match expr {
        Expr::WeekOf(day) | Expr::DayFrom { day, .. } => day.as_ref(),
        expr => expr,
    };
    if matches!(holiday, Expr::Holiday { .. }) {
        return false;
    }
    let titled = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.next().is_some_and(|c| c.is_ascii_lowercase())
            && !w.contains(|c: char| c.is_ascii_digit())
            && lexicon::lookup(w, lexicon::month).is_none()
            && lexicon::lookup(w, lexicon::weekday).is_none()
    };
    let before = text[..start].trim_end_matches([' ', '\t']);
    let sentence_start = before.is_empty()
        || before.ends_with([
            '.', '!', '?', '\n', ':', '"', '\'', '`', '(', '“', '‘', '-', '_',
        ]);
    let suspicious = surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .enumerate()
        .any(|(k, w)| titled(w) && (k > 0 || !sentence_start));
    if !suspicious {
        return false;
    }
    // A headline capitalizes every word: there the capital says nothing.
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
    let lo = line_start.max(start.saturating_sub(60));
    let hi = line_end.min(start + surface.len() + 60);
    let around = text.get(lo..hi).unwrap_or("");
    around
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 4 && w.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Words of a game's play: a quarter or half named in their sentence is a period of the game.
const GAME_WORDS: [&str; 30] = [
    "touchdown",
    "touchdowns",
    "interception",
    "interceptions",
    "quarterback",
    "halftime",
    "fumble",
    "fumbled",
    "punt",
    "inning",
    "innings",
    "rebound",
    "rebounds",
    "three-pointer",
    "layup",
    "dunk",
    "goal",
    "goals",
    "kickoff",
    "overtime",
    "yard",
    "yards",
    "scored",
    "scoring",
    "basket",
    "baskets",
    "throw",
    "throws",
    "possession",
    "possessions",
];

/// Whether the sentence around `start..end` tells a game's play (one of [`GAME_WORDS`]).
fn in_a_game(text: &str, start: usize, end: usize) -> bool {
    let (from, to) = tense::sentence_around(text, start, end);
    text.as_bytes()[from..to]
        .split(|b| !b.is_ascii_alphabetic() && *b != b'-')
        .filter_map(|w| std::str::from_utf8(w).ok())
        .map(|w| w.trim_matches('-'))
        .any(|w| GAME_WORDS.iter().any(|g| w.eq_ignore_ascii_case(g)))
}

/// Whether the words after a bare clock reading say it is time left in a game ("left",
/// "remaining", "to go", "to play").
fn game_clock(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    match words.next().map(str::to_ascii_lowercase).as_deref() {
        Some("left" | "remaining") => true,
        Some("to") => words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("go") || w.eq_ignore_ascii_case("play")),
        _ => false,
    }
}

/// The part of the day a weekday shares with a second one in the plural after "and"/"or"
/// ("Monday and Tuesday nights": `NI`).
fn shared_recurring_part(after: &str) -> Option<&'static str> {
    let mut words = after.split_whitespace();
    if !matches!(words.next(), Some("and" | "or")) {
        return None;
    }
    lexicon::lookup(words.next()?, lexicon::weekday)?;
    let part = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    if !part.ends_with('s') {
        return None;
    }
    lexicon::lookup(part, lexicon::day_part)
}

/// Whether "one day" between the word `prev_lower` and the text `after` means some day to
/// come: after a modal, "to" or a subject pronoun ("will one day be", "hope to one day
/// return", "hope he one day follows"), or before a clause with a modal ("one day the country
/// might return"). "in one day", "the job one day" stay lengths.
fn someday(prev_lower: &str, after: &str) -> bool {
    const MODALS: &[&str] = &[
        "will", "would", "could", "might", "may", "can", "shall", "should", "must",
    ];
    if MODALS.contains(&prev_lower)
        || matches!(
            prev_lower,
            "to" | "he" | "she" | "they" | "we" | "i" | "you" | "it"
        )
    {
        return true;
    }
    // A clause of its own after it: "one day the United States might return".
    let after = after.trim_start_matches([' ', ',']);
    after
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .take(5)
        .take_while(|w| !w.is_empty())
        .any(|w| MODALS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Whether `word`, ending in "s", is a verb or function word rather than a plural noun: "1989
/// is", "2009 was", "2015 as" keep the year ("2,000 workers" is a count).
fn function_word_in_s(word: &str) -> bool {
    word.len() <= 3
        || matches!(
            word,
            "this" | "thus" | "plus" | "less" | "unless" | "does" | "goes" | "across" | "whereas"
        )
}

/// Whether a number between `before` and `after` is one side of dimensions ("1920 x 1200
/// pixels", "1680x1050"): a size, not a year.
fn in_dimensions(before: &str, after: &str) -> bool {
    const TIMES: [char; 3] = ['x', 'X', '×'];
    let number_before = before
        .trim_end()
        .strip_suffix(TIMES)
        .is_some_and(|rest| rest.trim_end().ends_with(|c: char| c.is_ascii_digit()));
    let number_after = after
        .trim_start()
        .strip_prefix(TIMES)
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    number_before || number_after
}

/// Whether a four-digit number between `before` (ending in the word `prev_lower`) and
/// `next_word` counts that noun rather than naming a year. Before a plural noun it is a count
/// ("2000 workers", "more than 2000 people"), but after a determiner or a possessive a year
/// that dates the noun ("the 1967 killings", "their 1974 stories", "Smith's 1992 protests"):
/// a count after "the" is written with its comma. People are counted whatever precedes them,
/// save a preposition of time ("in 2000 people voted").
fn counts_the_noun(before: &str, prev_lower: &str, next_word: &str) -> bool {
    const DETERMINERS: &[&str] = &["the", "their", "his", "her", "its", "our", "my", "your"];
    const PEOPLE: &[&str] = &["people", "men", "women", "children"];
    const TIME_PREPOSITIONS: &[&str] = &[
        "in", "since", "by", "until", "during", "from", "through", "before", "after",
    ];
    if PEOPLE.contains(&next_word) {
        return !TIME_PREPOSITIONS.contains(&prev_lower);
    }
    let plural = next_word.ends_with('s')
        && next_word.starts_with(|c: char| c.is_ascii_lowercase())
        && !next_word.ends_with("'s")
        && !function_word_in_s(next_word);
    let determined =
        DETERMINERS.contains(&prev_lower) || before.ends_with("'s") || before.ends_with("’s");
    plural && !determined
}

/// Context checks the grammar cannot make on its own: ambiguous words ("May", "fall",
/// "second"), numbers that are amounts rather than years, and "a day" after a count ("twice a
/// day" is a set).
// The arms' inner conditions must not fall through to later arms, so they stay nested.
#[allow(clippy::collapsible_match)]
fn plausible(text: &str, start: usize, end: usize, parsed: &mut Parsed) -> bool {
    let surface = &text[start..end];
    let before = text[..start].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '$')
        .next()
        .unwrap_or("");
    let after = &text[end..];
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let prev_lower = prev_word.to_ascii_lowercase();
    if names_something(text, start, surface, &parsed.expr) {
        return false;
    }
    // "It's not Patch Tuesday", "Super Tuesday", "Black Friday": a named day, recurring or of
    // its own calendar, not the weekday of this week it would resolve to.
    if matches!(parsed.expr, Expr::Weekday { .. })
        && prev_word.starts_with(|c: char| c.is_ascii_uppercase())
        && NAMED_DAY_WORDS.contains(&prev_lower.as_str())
    {
        return false;
    }
    // "For Poland, high noon comes today": the hour of a showdown, a figure of speech.
    if prev_lower == "high" && surface.eq_ignore_ascii_case("noon") {
        return false;
    }
    // "the quarter-to-quarter comparison", "year-over-year growth": a comparison, no time.
    let compared = ["-to-", "-over-", "-on-"].iter().find_map(|p| {
        after
            .get(..p.len())
            .filter(|a| a.eq_ignore_ascii_case(p))
            .map(|_| &after[p.len()..])
    });
    if let Some(unit) = compared
        && lexicon::lookup(
            unit.split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or(""),
            lexicon::unit,
        )
        .is_some()
    {
        return false;
    }
    // "on Monday and Tuesday nights": the first weekday shares the recurring part.
    if let Expr::Weekday {
        weekday,
        offset: 0,
        anaphoric: false,
    } = parsed.expr
        && let Some(part) = shared_recurring_part(after)
    {
        parsed.expr = Expr::Set {
            unit: None,
            count: 1,
            weekday: Some(weekday),
            month: None,
            part: Some(part),
        };
        return true;
    }
    match &parsed.expr {
        // "today's world", "the cars of tomorrow": the present or future age, not a day.
        Expr::Relative {
            unit: Unit::Day,
            offset: 0 | 1,
        } if surface.eq_ignore_ascii_case("today") || surface.eq_ignore_ascii_case("tomorrow") => {
            let era_noun = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("’s "))
                .and_then(|a| a.split(|c: char| !c.is_ascii_alphabetic()).next())
                .is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "world"
                            | "youth"
                            | "generation"
                            | "society"
                            | "children"
                            | "kids"
                            | "young"
                    )
                });
            if era_noun || (prev_lower == "of" && surface.eq_ignore_ascii_case("tomorrow")) {
                return false;
            }
        }
        // "in the morning", "during the afternoon": the part of the day in context; not "the
        // morning of March 3" (the date's) nor "the morning after".
        Expr::Time {
            clock: None,
            day: None,
            ..
        } if surface
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("the ")) =>
        {
            if !matches!(prev_lower.as_str(), "in" | "during")
                || matches!(
                    next_word.to_ascii_lowercase().as_str(),
                    "of" | "after" | "before" | "when"
                )
            {
                return false;
            }
        }
        // "late in the fourth quarter", "in the second half" of a game: a period of play, no
        // part of a year. Said with its year or its owner ("the first half of 2012", "the
        // company's third quarter") it is the year's.
        Expr::Part {
            part: grammar::YearPart::Quarter(1..) | grammar::YearPart::Half(_),
            year: grammar::YearRef::Implicit,
        } if in_a_game(text, start, end) => {
            return false;
        }
        // "a free throw with 4:43 left", "with 13:41 to go": a game clock, no time of day.
        Expr::Time {
            clock: Some(_),
            day: None,
            ..
        } if !surface.contains(|c: char| c.is_ascii_alphabetic()) && game_clock(after) => {
            return false;
        }
        // "in his 30s" is an age.
        Expr::Decade(_)
            if surface.len() <= 4
                && matches!(
                    prev_lower.as_str(),
                    "his" | "her" | "their" | "my" | "your" | "our" | "its"
                ) =>
        {
            return false;
        }
        // "this march" is a walk, "this may" a modal: month names are capitalized.
        Expr::Month { .. }
            if surface
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase())) =>
        {
            return false;
        }
        Expr::Calendar {
            year: None,
            month: Some(m),
            day: None,
            year_offset: None,
            ..
        } => {
            if !surface.starts_with(|c: char| c.is_ascii_uppercase()) && parsed.modifier.is_none() {
                return false;
            }
            // "May" and "March" are also a verb and a modal.
            if matches!(m, 3 | 5)
                && parsed.modifier.is_none()
                && !matches!(
                    prev_lower.as_str(),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "during"
                        | "from"
                        | "through"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "mid"
                        | "before"
                        | "after"
                        | "and"
                        | "or"
                        | "to"
                        | "between"
                        | "till"
                        | "that"
                        | "the"
                )
            {
                return false;
            }
        }
        Expr::Calendar {
            year: Some(_),
            month: None,
            ..
        } if surface.as_bytes()[0].is_ascii_digit() => {
            if before.ends_with(['$', '#', '£', '€', '¥'])
                || in_dimensions(before, after)
                || after.trim_start().starts_with('%')
                || next_word.eq_ignore_ascii_case("percent")
                || counts_the_noun(before, &prev_lower, next_word)
            {
                return false;
            }
        }
        Expr::Weekday { offset: 0, .. } | Expr::Calendar { .. } => {
            if !surface.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                && parsed.modifier.is_none()
                && !surface.starts_with(['t', 'l', 'n'])
            {
                return false;
            }
        }
        Expr::Part {
            part: grammar::YearPart::Season(_),
            year: grammar::YearRef::Implicit,
        } => {
            let single = !surface.contains(' ');
            if single
                && !matches!(
                    prev_lower.as_str(),
                    "in" | "this"
                        | "last"
                        | "next"
                        | "the"
                        | "early"
                        | "late"
                        | "mid"
                        | "by"
                        | "until"
                        | "since"
                        | "during"
                        | "through"
                        | "of"
                        | "that"
                )
            {
                return false;
            }
            if next_word.eq_ignore_ascii_case("of")
                && !after.trim_start()[2..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            {
                return false;
            }
        }
        Expr::Duration {
            amount: Amount::Some,
            ..
        } if !surface.contains([' ', '-']) => {
            // A unit alone ("years"): only as the object of "for", "within", "over", "in".
            let ok_prev = matches!(prev_lower.as_str(), "for" | "within" | "over" | "in");
            let ok_next = !matches!(
                next_word.to_ascii_lowercase().as_str(),
                "of" | "ago" | "before" | "after" | "later" | "earlier" | "and" | "or" | "to"
            );
            return surface.ends_with("-long") || (ok_prev && ok_next);
        }
        // "the future of our peoples" is their prospects, not a time; "for the foreseeable
        // future" is an idiom for "indefinitely" (both left untagged by the corpora).
        Expr::Reference("FUTURE_REF")
            if surface
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("future")) =>
        {
            let foreseeable = surface.to_ascii_lowercase().contains("foreseeable");
            if next_word.eq_ignore_ascii_case("of") || (foreseeable && prev_lower == "for") {
                return false;
            }
        }
        // "over the years", "in the years that followed": a long time; not "the weeks before
        // the shooting" nor "the years of war".
        Expr::Duration {
            amount: Amount::Some,
            ..
        } if surface.split(' ').count() == 2
            && surface
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("the ")) =>
        {
            let next = next_word.to_ascii_lowercase();
            return prev_lower == "over"
                || (prev_lower == "in"
                    && matches!(next.as_str(), "that" | "since" | "following" | "which"));
        }
        Expr::Duration { amount, unit } => {
            // "will one day be", "hopes he one day follows": some day to come, not a length.
            if surface.eq_ignore_ascii_case("one day") && someday(&prev_lower, after) {
                parsed.expr = Expr::Reference("FUTURE_REF");
                return true;
            }
            // "a quarter of the market", "three quarters of its value": a fraction, not a
            // time ("two quarters of losses" is one).
            if matches!(unit, Unit::Quarter) && next_word.eq_ignore_ascii_case("of") {
                let owner = after
                    .trim_start()
                    .get(2..)
                    .unwrap_or("")
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .find(|w| !w.is_empty())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if matches!(
                    owner.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "all"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "them"
                        | "it"
                ) {
                    return false;
                }
            }
            let article = surface
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
            if *unit == Unit::Second && article {
                return false;
            }
            // "twice a day", "$5 a year": a rate.
            if article
                && (matches!(prev_lower.as_str(), "once" | "twice" | "times" | "thrice")
                    || prev_word.ends_with(|c: char| c.is_ascii_digit()))
            {
                parsed.expr = Expr::Set {
                    unit: Some(*unit),
                    count: 1,
                    weekday: None,
                    month: None,
                    part: None,
                };
                return true;
            }
            // A bare number before "second" is an ordinal context ("the 2 second"), rare; a
            // number followed by a unit is kept.
            if matches!(amount, Amount::Exact(_)) && surface.starts_with('\'') {
                return false;
            }
        }
        _ => {}
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, published: Option<&str>) -> String {
        let published = published.map(|p| p.parse().unwrap());
        tag(text, published)
            .iter()
            .map(|t| {
                format!(
                    "{} {} {}{}{}",
                    t.span.slice(text),
                    t.kind.as_str(),
                    t.value,
                    t.bound
                        .timeml_mod()
                        .map(|m| format!(" {m}"))
                        .unwrap_or_default(),
                    if t.inferred { " inferred" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn tags_news_sentence() {
        insta::assert_snapshot!(show("The company said Friday that sales rose 5% in the third quarter, the first gain in more than two years.", Some("1989-11-02")), @r"
        Friday DATE 1989-10-27
        the third quarter DATE 1989-Q3
        more than two years DURATION P2Y MORE_THAN
        ");
    }

    #[test]
    fn a_named_day_is_no_weekday_of_the_week() {
        insta::assert_snapshot!(show("It is not Patch Tuesday, but Microsoft released a fix on Wednesday. Stores opened early on Black Friday.", Some("2008-12-18")), @"Wednesday DATE 2008-12-17");
    }

    #[test]
    fn text_bounds_an_unknown_publication_date() {
        insta::assert_snapshot!(show("The deal was signed on March 3, 2021. Two days later, shares fell. Talks resume next month.", None), @r"
        March 3, 2021 DATE 2021-03-03
        Two days later DATE 2021-03-05 inferred
        next month DATE 2021-04 inferred
        ");
    }

    #[test]
    fn one_day_to_come_is_a_future_reference() {
        insta::assert_snapshot!(show("Islam will one day be the second religion. He hopes he one day follows Glenn. One day the country might return. Shares fell 7% in one day. He had been in the job one day.", Some("1998-03-03")), @r"
        one day DATE FUTURE_REF
        one day DATE FUTURE_REF
        One day DATE FUTURE_REF
        one day DURATION P1D
        one day DURATION P1D
        ");
    }

    #[test]
    fn year_back_adjectives_and_corresponding_periods() {
        insta::assert_snapshot!(show("Net rose in the third quarter, compared with a year-earlier loss. It had $1.8 million for the corresponding period last year.", Some("1989-11-02")), @r"
        the third quarter DATE 1989-Q3
        year-earlier DATE 1988-Q3
        the corresponding period last year DATE 1988-Q3
        ");
    }

    #[test]
    fn then_current_is_the_past_and_centuries_a_century_count() {
        insta::assert_snapshot!(show("Holders buy shares at half the then current price. The empire lasted for centuries.", Some("1989-10-26")), @r"
        then current DATE PAST_REF
        centuries DURATION PXC
        ");
    }

    #[test]
    fn no_anchor_stays_underspecified() {
        insta::assert_snapshot!(show("Biden had last spoken to Putin on February 12.", None), @"February 12 DATE XXXX-02-12");
    }

    #[test]
    fn rejects_amounts_and_verbs() {
        insta::assert_snapshot!(show("He paid $1990 for 2000 shares. They may march on.", Some("2000-01-01")), @"");
    }

    #[test]
    fn a_game_s_quarters_halves_and_clock_are_no_times() {
        insta::assert_snapshot!(show("Butler returned an interception 32 yards for a touchdown early in the first quarter. He sank a free throw with 4:43 left in the first half, and two more with 1:41 to play.", Some("2012-12-24")), @"");
    }

    #[test]
    fn a_year_s_quarters_and_halves_stay_outside_games() {
        insta::assert_snapshot!(show("Sales rose in the third quarter. The game maker expects a loss in the second half. The team scored in the first half of 2012.", Some("2012-10-24")), @r"
        the third quarter DATE 2012-Q3
        the second half DATE 2012-H2
        the first half of 2012 DATE 2012-H1
        ");
    }

    #[test]
    fn fiscal_years_ending_on_a_date_are_lengths() {
        insta::assert_snapshot!(show("For the year ended March 31, net rose. In the fiscal year ending June 30, it fell. Sales rose for the year.", Some("1989-11-02")), @r"
        the year DURATION P1Y
        March 31 DATE 1989-03-31
        the fiscal year DURATION P1Y
        June 30 DATE 1989-06-30
        the year DATE 1989
        ");
    }

    #[test]
    fn fractions_and_modified_periods() {
        insta::assert_snapshot!(show("They lived there for 2 1/2 years, a minute and a half in the late 1970s.", Some("1998-02-27")), @r"
        2 1/2 years DURATION P2Y6M
        a minute and a half DURATION PT1M30S
        the late 1970s DATE 197
        ");
    }

    #[test]
    fn a_fraction_joined_by_a_hyphen_is_one_count() {
        insta::assert_snapshot!(show("He served 9 months of a 2-1/2 year sentence.", Some("2009-01-02")), @r"
        9 months DURATION P9M
        2-1/2 year DURATION P2Y6M
        ");
    }

    #[test]
    fn adjectival_sets_and_fractions() {
        insta::assert_snapshot!(show("In his weekly radio address he spoke of a daily rally. Funds hold more than a quarter of the market after two quarters of losses.", Some("2000-02-10")), @r"
        weekly SET P1W
        daily SET P1D
        two quarters DURATION P2Q
        ");
    }

    #[test]
    fn quarter_ended_on_a_date_is_the_quarter_it_mostly_covers() {
        // The end date dates the quarter and leaves the narrative on it: "a year ago" is that
        // quarter a year back.
        insta::assert_snapshot!(show("In the quarter ended July 31, sales rose from a year ago. Net rose in the fourth quarter ended Aug. 26. For the quarter ended Sept. 30, net fell from a year earlier.", Some("1989-10-30")), @r"
        the quarter DATE 1989-Q2
        July 31 DATE 1989-07-31
        a year ago DATE 1988-Q2
        the fourth quarter DATE 1989-Q4
        Aug. 26 DATE 1989-08-26
        the quarter DATE 1989-Q3
        Sept. 30 DATE 1989-09-30
        a year earlier DATE 1988-Q3
        ");
    }

    #[test]
    fn vague_references_and_approximate_lengths() {
        insta::assert_snapshot!(show("Sales are weak these days and in the near term, as in past years and over the past decades. The plant will close over the next year or so, within two to three weeks.", Some("1989-10-30")), @r"
        these days DATE PRESENT_REF
        the near term DATE FUTURE_REF
        past years DATE PAST_REF
        the past decades DATE PAST_REF
        the next year or so DATE 1990 APPROX
        two to three weeks DURATION PXW
        ");
    }

    #[test]
    fn quarters_after_publication_are_forecasts() {
        // A quarter still to come is not the one reported, even after "thinks ... through":
        // "the year-ago period" stays a year before the third quarter of 1989.
        insta::assert_snapshot!(show("Bethlehem posted a drop in third-quarter profit. He thinks steelmakers report losses through the third quarter of 1990. In the year-ago period, Bethlehem earned more.", Some("1989-10-26")), @r"
        third-quarter DATE 1989-Q3
        the third quarter of 1990 DATE 1990-Q3
        the year-ago period DATE 1988-Q3
        ");
    }

    #[test]
    fn spans_of_a_year_and_forecast_quarters_in_a_report() {
        // After "the first nine months", "the 1988 period" and "year-ago" are years; a quarter
        // told in the future is a forecast and "a year ago" stays on the reported one.
        insta::assert_snapshot!(show("Third-quarter net rose. It will take a fourth-quarter charge. Net rose from a year ago. In the first nine months, net fell from the 1988 period. The year-ago results included a gain.", Some("1989-11-02")), @r"
        Third-quarter DATE 1989-Q3
        fourth-quarter DATE 1989-Q4
        a year ago DATE 1988-Q3
        the first nine months DURATION P9M
        the 1988 period DATE 1988
        year-ago DATE 1988
        ");
    }

    #[test]
    fn an_earlier_quarter_is_a_comparison() {
        // The report is on the third quarter; the second is mentioned in passing, and the
        // year-earlier period is still the third quarter of the year before.
        insta::assert_snapshot!(show("Third-quarter net rose. After a flat second quarter, the gain came from diapers. Charges were taken in the year-earlier period.", Some("1989-11-01")), @r"
        Third-quarter DATE 1989-Q3
        second quarter DATE 1989-Q2
        the year-earlier period DATE 1988-Q3
        ");
    }

    #[test]
    fn over_the_years_is_a_vague_length() {
        insta::assert_snapshot!(show("Over the years many more patients died. In the years that followed, they fought on. It was seen in the weeks before the shooting. The years of war ended.", Some("1998-03-31")), @r"
        the years DURATION PXY
        the years DURATION PXY
        ");
    }

    #[test]
    fn the_future_of_something_is_no_time() {
        insta::assert_snapshot!(show("That is important to the future of our peoples. Troops stay for the foreseeable future. Strikes will go on well into the future. An offering is planned in the near future.", Some("1998-02-13")), @r"
        the future DATE FUTURE_REF
        the near future DATE FUTURE_REF
        ");
    }

    #[test]
    fn a_date_after_by_is_a_deadline() {
        insta::assert_snapshot!(show("The sale, which had been expected, is part of a program to pay down the loan by February. By March, prices had doubled. Members had filed reports by Wednesday.", Some("1989-10-30")), @r"
        February DATE 1990-02
        March DATE 1989-03
        Wednesday DATE 1989-10-25
        ");
    }

    #[test]
    fn weekday_parts_in_the_plural_recur() {
        insta::assert_snapshot!(show("Two new flights will leave Bombay on Monday and Tuesday nights from March 30. He left Tuesday night.", Some("1998-02-13")), @r"
        Monday SET XXXX-WXX-1TNI
        Tuesday nights SET XXXX-WXX-2TNI
        March 30 DATE 1998-03-30
        Tuesday night TIME 1998-02-10TNI
        ");
    }

    #[test]
    fn modified_parts_of_the_day() {
        // "The day" is the day the story is at: yesterday, once it was told.
        insta::assert_snapshot!(show("By mid afternoon the shares fell; at mid-afternoon yesterday they rose. He will leave at 4 in the morning. Late in the day it closed.", Some("1998-03-06")), @r"
        mid afternoon TIME 1998-03-06TAF
        mid-afternoon yesterday TIME 1998-03-05TAF
        4 in the morning TIME 1998-03-05T04:00
        Late in the day DATE 1998-03-05
        ");
    }

    #[test]
    fn spoken_decades_and_months_after_the() {
        insta::assert_snapshot!(show("Numbers dropped through the nineties. The March accession is set; the march went on.", Some("1999-02-10")), @r"
        the nineties DATE 199
        March DATE 1999-03
        ");
    }

    #[test]
    fn week_of_a_date_and_second_days() {
        insta::assert_snapshot!(show("A hearing is set for the week of March 6. The summit is on April 24 and 25. On May 3 and 40 people came.", Some("2000-02-24")), @r"
        the week of March 6 DATE 2000-W10
        April 24 DATE 2000-04-24
        25 DATE 2000-04-25
        May 3 DATE 1999-05-03
        ");
    }

    #[test]
    fn period_adjectives_leave_the_article_out() {
        insta::assert_snapshot!(show("A factor in the third-quarter loss was a charge; the third quarter was weak. They came for the two day rally.", Some("1989-10-30")), @r"
        third-quarter DATE 1989-Q3
        the third quarter DATE 1989-Q3
        two day DURATION P2D
        ");
    }

    #[test]
    fn ordinal_days_in_context() {
        insta::assert_snapshot!(show("It's the second day of an offensive, a third consecutive day of fighting, in the first week of March, in their third day-long meeting.", Some("1998-03-06")), @r"
        the second day DATE 1998-03-06
        a third consecutive day DATE 1998-03-06
        March DATE 1998-03
        day-long DURATION P1D
        ");
    }

    #[test]
    fn present_and_future_ages_are_no_days() {
        insta::assert_snapshot!(show("In today's world the people of tomorrow read today's editions and meet tomorrow.", Some("1998-03-06")), @r"
        today DATE 1998-03-06
        tomorrow DATE 1998-03-07
        ");
    }

    #[test]
    fn open_ended_years_and_coordinated_units() {
        insta::assert_snapshot!(show("It won't be profitable until 1994 or later, nor in 1990 and beyond. He died within weeks or months; in recent weeks and months funds sold.", Some("1989-10-30")), @r"
        1994 or later DATE 1994
        1990 and beyond DATE 1990
        weeks or months DURATION PXW
        recent weeks and months DURATION PXW
        ");
    }

    #[test]
    fn single_day_compounds_and_headline_weekdays() {
        insta::assert_snapshot!(show("Markets closed until Friday\nSeptember 18, 2008 The worst single-day decline came Monday, Sept. 15.", Some("2008-09-18")), @r"
        Friday DATE 2008-09-19
        September 18, 2008 DATE 2008-09-18
        single-day DURATION P1D
        Monday, Sept. 15 DATE 2008-09-15
        ");
    }

    #[test]
    fn this_past_season_and_weeks_ago() {
        // "This past spring" is the latest one over, "last spring" the previous year's; past a
        // fortnight, "weeks ago" names a week.
        insta::assert_snapshot!(show("It closed this past spring, opened last spring, and was sold six weeks ago, two weeks ago.", Some("1989-10-30")), @r"
        this past spring DATE 1989-SP
        last spring DATE 1988-SP
        six weeks ago DATE 1989-W38
        two weeks ago DATE 1989-10-16
        ");
        insta::assert_snapshot!(show("It closed this past spring.", Some("1990-04-10")), @"this past spring DATE 1989-SP");
    }

    #[test]
    fn holidays_names_and_ages() {
        insta::assert_snapshot!(show("Elian was found Thanksgiving Day. He spoke on ABC's \"This Week\" and CBS's \"60 Minutes\" when in his 30s, before Christmas.", Some("2000-01-07")), @r"
        Thanksgiving Day DATE 1999-11-25
        Christmas DATE 1999-12-25
        ");
    }

    #[test]
    fn range_bounds_after_between() {
        // Two expressions, the first count taking the second's unit; without "between" a
        // range stays one length.
        insta::assert_snapshot!(show("It takes between 60 and 90 days, between two to six days, or two to three weeks. Sales rose between 1994 and 1997.", Some("1998-03-31")), @r"
        60 DURATION P60D
        90 days DURATION P90D
        two DURATION P2D
        six days DURATION P6D
        two to three weeks DURATION PXW
        1994 DATE 1994
        1997 DATE 1997
        ");
    }

    #[test]
    fn clock_restated_in_another_zone() {
        insta::assert_snapshot!(show("The blast occurred at about 10:35 a.m. (0735 GMT) Friday. It lands at 12:30 EST ( 16:30 UTC ). He leaves at 4 in the morning (4 a.m. EDT Thursday).", Some("1998-08-08")), @r"
        10:35 a.m. TIME 1998-08-08T10:35
        Friday DATE 1998-08-07
        12:30 EST TIME 1998-08-07T12:30
        4 in the morning TIME 1998-08-07T04:00
        4 a.m. EDT Thursday TIME 1998-08-06T04:00
        ");
    }

    #[test]
    fn periods_a_year_back_and_halves_with_their_year() {
        insta::assert_snapshot!(show("Profit rose in the third quarter from $3 in the quarter a year ago. Sales fell in January from the same month a year ago. Losses go through the first two quarters of 1990 after the last half of 1989. The quarter-to-quarter comparison and year-over-year growth. It took their third day-long meeting.", Some("1989-10-26")), @r"
        the third quarter DATE 1989-Q3
        the quarter a year ago DATE 1988-Q3
        January DATE 1989-01
        the same month a year ago DATE 1988-01
        the first two quarters of 1990 DATE 1990-H1
        the last half of 1989 DATE 1989-H2
        day-long DURATION P1D
        ");
    }

    #[test]
    fn years_before_verbs_and_parts_of_the_day_in_context() {
        // A year before "is"/"was" is a year; before a plural noun a count. "In the morning" is
        // the morning of the day in context; "the morning of" belongs to its date.
        insta::assert_snapshot!(show("Sales volume in 1989 is following the trend, and 2009 was a good year for 2000 workers. Prices fell Friday. Dealers bought in the morning, in the morning of March 3 and the evening news.", Some("1989-10-30")), @r"
        1989 DATE 1989
        2009 DATE 2009
        Friday DATE 1989-10-27
        the morning TIME 1989-10-27TMO
        March 3 DATE 1989-03-03
        ");
    }

    #[test]
    fn a_year_after_a_determiner_dates_the_plural_noun() {
        // After "the" or a possessive a year dates the plural noun; with none it counts it, and
        // people are counted unless a preposition of time comes before.
        insta::assert_snapshot!(show("She was charged in the 1967 killings and their 1974 stories, not Smith's 1992 protests. More than 2000 people and 1500 workers fled. In 2000 people voted.", Some("2009-02-24")), @r"
        1967 DATE 1967
        1974 DATE 1974
        1992 DATE 1992
        2000 DATE 2000
        ");
    }

    #[test]
    fn the_day_after_told_before_any_date_is_no_day_after_publication() {
        // A past report of "the day after" with no day told before it: the day after an event
        // of its own, not a day after the publication. Told in the present, it is tomorrow.
        insta::assert_snapshot!(show("He bought a shotgun the day after he lost his job and returned the following week.", Some("2007-04-13")), @r"
        the day DATE XXXX-XX-XX
        the following week DATE XXXX-WXX
        ");
        insta::assert_snapshot!(show("The board will meet the day after it reports.", Some("2007-04-13")), @r"
        the day DATE 2007-04-14
        ");
        insta::assert_snapshot!(show("He lost his job on Thursday and bought a shotgun the day after he left.", Some("2007-04-13")), @r"
        Thursday DATE 2007-04-12
        the day DATE 2007-04-13
        ");
    }

    #[test]
    fn the_day_is_the_day_being_told() {
        // "The day" follows the story's day; "that same day" after a month is a day of it.
        insta::assert_snapshot!(show("The Dow fell 3% on Monday, to end the day at 7,114.", Some("2009-02-24")), @r"
        Monday DATE 2009-02-23
        the day DATE 2009-02-23
        ");
        insta::assert_snapshot!(show("The site went up in October 1998. It was closed that same day. Sales rose for the day.", Some("1999-02-06")), @r"
        October 1998 DATE 1998-10
        that same day DATE 1998-10-XX
        the day DATE 1999-02-06
        ");
    }

    #[test]
    fn clock_times_counted_from_another_day() {
        // The clock time and the count are one time; from an event its day is not known.
        insta::assert_snapshot!(show("The car was seen at 6 a.m. ten days before the shooting. He left at 10 p.m. two days ago. It was found April 8 at 6 a.m. near the house.", Some("1999-04-19")), @r"
        6 a.m. ten days TIME XXXX-XX-XXT06:00
        10 p.m. two days ago TIME 1999-04-17T22:00
        April 8 DATE 1999-04-08
        6 a.m. TIME 1999-04-08T06:00
        ");
    }

    #[test]
    fn the_day_is_the_last_day_told_past_a_month_or_a_year() {
        // A month or a year told in between is background: "the day" stays on Friday.
        insta::assert_snapshot!(show("Stocks rose on Friday, though jobs fell in March, the most since 1983. The Dow ended the day at 8,017.", Some("2009-04-04")), @r"
        Friday DATE 2009-04-03
        March DATE 2009-03
        1983 DATE 1983
        the day DATE 2009-04-03
        ");
        // With no day told, or one long before publication, the publication's.
        insta::assert_snapshot!(show("The 1961 team rushed for 398 yards (10/1/61). But this year's team lost; he made his only mistake of the day.", Some("2012-12-23")), @r"
        1961 DATE 1961
        10/1/61 DATE 1961-10-01
        this year DATE 2012
        the day DATE 2012-12-23
        ");
        insta::assert_snapshot!(show("Jobs fell in March. The Dow ended the day at 8,017.", Some("2009-04-04")), @r"
        March DATE 2009-03
        the day DATE 2009-04-04
        ");
    }

    #[test]
    fn the_day_before_a_weekday_is_its_daytime() {
        // "During the day Friday" says one date, the Friday; "the day" alone stays.
        insta::assert_snapshot!(show("During the day Friday, he played in the yard. It ended the day at 7,114.", Some("2000-01-07")), @r"
        Friday DATE 2000-01-07
        the day DATE 2000-01-07
        ");
    }

    #[test]
    fn the_day_before_or_after_a_day() {
        // One expression with a day named after it; after an event of the day being told, the
        // next day; in an apposition to a date, that date; before an -ing clause, the day.
        insta::assert_snapshot!(show("The day before yesterday he left. The day before last Tuesday's hearing, he called. He came the day after Christmas.", Some("2000-02-24")), @r"
        The day before yesterday DATE 2000-02-22
        The day before last Tuesday DATE 2000-02-21
        the day after Christmas DATE 1999-12-26
        ");
        insta::assert_snapshot!(show("He was shot Oct. 23. Two men came to the house the day after his death. He was last seen Nov. 3, the day before a warrant was issued.", Some("1998-11-21")), @r"
        Oct. 23 DATE 1998-10-23
        the day DATE 1998-10-24
        Nov. 3 DATE 1998-11-03
        the day DATE 1998-11-03
        ");
        insta::assert_snapshot!(show("Stocks fell on Monday, then rebounded late in the day after falling 250 points.", Some("2007-08-14")), @r"
        Monday DATE 2007-08-13
        late in the day DATE 2007-08-13
        ");
    }

    #[test]
    fn high_noon_is_a_figure_of_speech() {
        insta::assert_snapshot!(show("For Poland, high noon comes today. The vote is at noon.", Some("1999-03-12")), @r"
        today DATE 1999-03-12
        noon TIME 1999-03-12T12:00
        ");
    }

    #[test]
    fn dimensions_are_no_years() {
        // A screen of "1920 x 1200" pixels, "1680x1050" or "2048 × 1536" states a size; the
        // year beside "Box" and the one after "by" stay years.
        let text = "The 1920 x 1200 screen replaced the 1680x1050 one and a 2048 × 1536 panel \
                    of Box 1999, sold by 2010.";
        let times = tag(text, Some("2009-01-06".parse().unwrap()));
        let shown: Vec<_> = times.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(shown, ["1999", "2010"]);
    }

    #[test]
    fn years_after_post_and_before_pre() {
        // "post-1959", "pre-1990s": the year or decade, with TimeML's AFTER / BEFORE; "pre-war"
        // names no time.
        let text = "The post-1959 politics, pre-1990s laws and the pre-war era.";
        let times = tag(text, Some("2000-02-24".parse().unwrap()));
        let shown: Vec<_> = times
            .iter()
            .map(|t| (t.span.slice(text), t.value.as_str(), t.modifier.as_deref()))
            .collect();
        assert_eq!(
            shown,
            [
                ("post-1959", "1959", Some("AFTER")),
                ("pre-1990s", "199", Some("BEFORE"))
            ]
        );
    }

    #[test]
    fn a_holidays_week_is_the_one_nearest_publication() {
        // "Easter week began" on Palm Sunday: this year's, though the verb is past.
        insta::assert_snapshot!(show("Protesters prayed as Easter week began. Sales were slow in Christmas week.", Some("2000-04-17")), @r"
        Easter week DATE 2000-W16
        Christmas week DATE 1999-W51
        ");
    }

    #[test]
    fn a_holiday_naming_a_kind_of_thing_is_no_date() {
        insta::assert_snapshot!(show("He opened fire at an office Christmas party on Friday. A tree lit on Christmas Day.", Some("2008-12-27")), @r"
        Friday DATE 2008-12-26
        Christmas Day DATE 2008-12-25
        ");
    }

    #[test]
    fn previous_weekday_counts_from_the_day_told() {
        // "Last Friday" is before publication; "the previous Friday" before the day being told.
        insta::assert_snapshot!(show("Stocks fell on Friday, down 4% from the previous Friday. Last Friday was calm.", Some("1989-10-30")), @r"
        Friday DATE 1989-10-27
        the previous Friday DATE 1989-10-20
        Last Friday DATE 1989-10-27
        ");
    }
}
