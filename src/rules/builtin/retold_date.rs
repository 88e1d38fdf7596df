//! `retold-date-conflict`: two sources tell one fact in their own words and date it differently.
//!
//! ## What it does
//! Compares the calendar dates (a year, a month, a day; in an article without a publication
//! date, a month or day of an unknown year or a weekday of an unknown week) of sentences that
//! two articles of one story tell alike (`retold`). Dates are compared with dates placed alike
//! (a known year, an unknown year, an unknown week). Two dates
//! conflict, at the coarser precision of the two ("in 2005" / "on March 11, 2002"), when:
//! - both are written down to that precision ("Tuesday" states no year, "March" no year);
//! - neither article tells the other's sentence again with the other's date (`retold`): an
//!   article that does tells both facts, so its date is another fact's. An article may give
//!   the other's date elsewhere, to other words: a story's day told in many sentences, one of
//!   which an outlet misdates;
//! - each sentence states one date at that precision (a range "from 1974 to 1978" or a list is
//!   not one date), or both state the same other dates ("reopened Saturday after Friday's
//!   storm" / "reopened Tuesday after the storm of Friday"), or one event word dates both
//!   ("was fired on Saturday, after Friday's loss" / "was fired Tuesday");
//! - they are not one date written alike ("Saturday" / "Saturday") that the articles' own
//!   publication dates resolve to two days;
//! - no two event words date them each its own event;
//! - one of them stands alone: two dates each given by several articles are look-alike
//!   stories, or two facts, that agree among themselves;
//! - neither meets more than `max-values` other dates in sentences told alike (`retold`).
//!
//! Relative dates ("today", "last year") rest on publication dates the articles may not
//! share, and times of day ("Friday night" / "early Saturday") on a night that has two
//! names: neither is compared.
//!
//! ## Parameters
//! - `min-shared` (default 2): content words the two sentences must share.
//! - `min-share` (default 0.4): the share of the shorter sentence's content words they make.
//! - `min-links` (default 1): claim pairs the matcher made between the two articles.
//! - `max-values` (default 2): other values a fact may meet in sentences told alike.

use std::rc::Rc;

use foldhash::{HashMap, HashSet};

use crate::lexicon::closed;
use crate::report::Finding;
use crate::rules::builtin::Kind;
use crate::rules::builtin::retold::{self, Telling, Told};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::temporal::{Anchor, Timex, TimexType};
use crate::text::segment;
use crate::text::span::Span;

pub(super) const KIND: Kind = Kind {
    name: "retold-date-conflict",
    summary: "sentences of two sources that tell one fact in their own words with different dates",
    parameters: retold::PARAMETERS,
    run,
};

/// A calendar date stated in a sentence, with the words the sentence tells it with.
struct Dated<'a> {
    timex: &'a Timex,
    /// Its calendar value ([`calendar_value`]).
    value: &'a str,
    /// The calendar values of every date of its sentence, its own among them.
    sentence_dates: Vec<&'a str>,
    /// The words its sentence tells it with (shared by the dates of one sentence).
    telling: Rc<Telling>,
}

/// The value of a date that is a year, month or day ("2005", "2005-05", "2005-05-30"), a month
/// or day of a year the article does not place ("XXXX-05", "XXXX-05-30": an article without a
/// publication date that writes "in May"), or a weekday of a week it does not place
/// ("XXXX-WXX-5"). Times of day are left out: "Friday night" and "early Saturday" are one night.
fn calendar_value(timex: &Timex) -> Option<&str> {
    if timex.kind != TimexType::Date {
        return None;
    }
    let v = timex.value.as_str();
    let b = v.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    let year = digits(0..4.min(v.len())) || v.starts_with("XXXX");
    let shape_ok = match v.len() {
        4 => digits(0..4),
        7 => year && b[4] == b'-' && digits(5..7),
        10 if v.starts_with("XXXX-WXX-") => digits(9..10),
        10 => year && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    // A date counted from another ("ten days later", "the eve of the vote") is as right as the
    // date it is counted from, which is compared on its own.
    let counted = matches!(
        timex.anchor,
        Anchor::Narrative { .. } | Anchor::Event { .. }
    );
    (shape_ok && !timex.inferred && !counted).then_some(v)
}

/// What a calendar value is placed in: a known year (0), an unplaced year (1: "XXXX-05"), an
/// unplaced week (2: "XXXX-WXX-5"). Values are compared with values placed alike only.
fn placement(value: &str) -> u8 {
    match value.strip_prefix("XXXX-") {
        Some(rest) if rest.starts_with('W') => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// Whether the date is written out: a year or day in figures, a month or a weekday named
/// ("1998", "May 3", "Friday"), not counted from the publication date ("today", "last year",
/// "the day"), whose value rests on a date the articles may not share.
fn written_out(text: &str, timex: &Timex) -> bool {
    let written = timex.span.slice(text);
    written.chars().any(|c| c.is_ascii_digit())
        || written
            .split(|c: char| !c.is_alphabetic())
            .any(|w| closed::is_calendar_name(&w.to_lowercase()))
}

/// Whether a date as written states its value down to `precision` (4: the year, 7: the month,
/// 10: the day) rather than taking it from the publication date: "Tuesday" states a day but no
/// year, "March" a month but no year.
fn states(written: &str, precision: usize) -> bool {
    match precision {
        4 => written
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() == 4),
        7 => {
            states(written, 4)
                || written
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| closed::MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w)))
        }
        _ => true,
    }
}

/// Whether the date opens a range whose end is not a date of its own ("1995 - 99", "1995 to
/// '99").
fn in_range(text: &str, timex: &Timex) -> bool {
    let after = text[timex.span.end..].trim_start();
    let rest = ["-", "–", "—", "to ", "through "]
        .iter()
        .find_map(|dash| after.strip_prefix(dash));
    rest.is_some_and(|r| {
        r.trim_start()
            .trim_start_matches(['\'', '’'])
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The calendar dates of one article, each with its sentence's words and dates; a date that
/// opens a range ("1995 - 99") is none.
fn dated<'a>(text: &str, times: &'a [Timex]) -> Vec<Dated<'a>> {
    let paragraphs = segment::segment(text, &[]);
    let mut out = Vec::new();
    for sentence in segment::sentences(&paragraphs) {
        // The times are in text order: those of the sentence are one run of them, found
        // without a scan of the whole article for each sentence.
        let first = times.partition_point(|t| t.span.start < sentence.span.start);
        let inside: Vec<&Timex> = times[first..]
            .iter()
            .take_while(|t| t.span.start < sentence.span.end)
            .filter(|t| sentence.span.contains(t.span))
            .collect();
        let calendar: Vec<(&Timex, &str)> = inside
            .iter()
            .filter(|t| written_out(text, t))
            .filter_map(|t| calendar_value(t).map(|v| (*t, v)))
            .collect();
        if calendar.is_empty() {
            continue;
        }
        let spans: Vec<_> = inside.iter().map(|t| t.span).collect();
        let telling = Rc::new(Telling::of(text, sentence.span, &spans));
        let values: Vec<&str> = calendar.iter().map(|&(_, v)| v).collect();
        for &(timex, value) in calendar.iter().filter(|(t, _)| !in_range(text, t)) {
            out.push(Dated {
                timex,
                value,
                sentence_dates: values.clone(),
                telling: telling.clone(),
            });
        }
    }
    out
}

/// Every calendar value an article mentions, with the years and months of its days: an article
/// that says "May 30, 2005" mentions 2005.
fn mentioned(times: &[Timex]) -> HashSet<&str> {
    let mut out = HashSet::default();
    for v in times.iter().filter_map(calendar_value) {
        match placement(v) {
            2 => {
                out.insert(v);
                continue;
            }
            1 => {
                out.insert(&v[..7]);
                out.insert(v);
                continue;
            }
            _ => {}
        }
        out.insert(&v[..4]);
        if v.len() >= 7 {
            out.insert(&v[..7]);
        }
        out.insert(v);
    }
    out
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    // How many articles mention each value, for the stand-alone test.
    let mut support: HashMap<&str, usize> = HashMap::default();
    for v in cx.times.iter().flat_map(|times| mentioned(times)) {
        *support.entry(v).or_default() += 1;
    }
    retold::compare_linked(
        rule,
        cx,
        |article| dated(&cx.articles[article].text, &cx.times[article]),
        |x, y| conflict(cx, x, y, &support),
        "dates",
    )
}

impl Told for Dated<'_> {
    fn span(&self) -> Span {
        self.timex.span
    }

    fn telling(&self) -> &Telling {
        &self.telling
    }

    fn value(&self) -> String {
        self.value.to_string()
    }

    fn agrees(&self, other: &Self) -> bool {
        agree(self.value, other.value)
    }
}

/// Whether two calendar values agree at the coarser precision of the two.
fn agree(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    placement(a) == placement(b) && a[..n] == b[..n]
}

/// The dates of a date's sentence besides it (one mention of its own value left out).
fn other_dates<'a>(d: &Dated<'a>) -> Vec<&'a str> {
    let mut own = Some(d.value);
    d.sentence_dates
        .iter()
        .copied()
        .filter(|&o| own.take_if(|v| *v == o).is_none())
        .collect()
}

/// Whether two dates of sentences of articles `x` and `y` conflict, if the sentences tell one
/// fact.
fn conflict(
    cx: &Context<'_>,
    (x, dx): (usize, &Dated<'_>),
    (y, dy): (usize, &Dated<'_>),
    support: &HashMap<&str, usize>,
) -> bool {
    // Compared at the coarser precision of the two: "in 2005" against "on March 11, 2002".
    // Dates are compared with dates placed alike: a known year, an unknown year, an unknown
    // week.
    if placement(dx.value) != placement(dy.value) {
        return false;
    }
    let precision = dx.value.len().min(dy.value.len());
    let (vx, vy) = (&dx.value[..precision], &dy.value[..precision]);
    if vx == vy {
        return false;
    }
    let (wx, wy) = (
        dx.timex.span.slice(&cx.articles[x].text),
        dy.timex.span.slice(&cx.articles[y].text),
    );
    // A date with its year against one whose year is the publication's ("Saturday 8 June
    // 2013" / "Saturday") differs in how the articles are dated as often as in the fact.
    if !states(wx, precision) || !states(wy, precision) || states(wx, 4) != states(wy, 4) {
        return false;
    }
    // A sentence that states two dates at that precision (a range, a list) dates no one fact,
    // unless the other sentence states the same other dates ("fired Saturday, a day after
    // Friday's loss" / "fired Tuesday after Friday's loss"), or one event word dates both
    // ("was fired on Saturday, after Friday's loss" / "was fired Tuesday").
    let one_date = |d: &Dated<'_>, v: &str| {
        d.sentence_dates.iter().all(|o| {
            let n = o.len().min(precision);
            o[..n] == v[..n]
        })
    };
    let same_others = |a: &Dated<'_>, b: &Dated<'_>| {
        let others = other_dates(a);
        !others.is_empty()
            && others
                .iter()
                .all(|o| b.sentence_dates.iter().any(|p| agree(o, p)))
    };
    // One date written alike ("Saturday", "June") and resolved to two days differs in the
    // articles' publication dates, not in the fact.
    let dated_by = |article: usize, d: &Dated<'_>| {
        retold::events_stating(cx, article, d.timex.span, |c| {
            c.time.as_ref().is_some_and(|t| t.span == d.timex.span)
        })
    };
    let (events_x, events_y) = (dated_by(x, dx), dated_by(y, dy));
    let one_event = events_x.iter().any(|p| events_y.contains(p));
    ((one_date(dx, vx) && one_date(dy, vy))
        || (same_others(dx, dy) && same_others(dy, dx))
        || one_event)
        && !wx.eq_ignore_ascii_case(wy)
        && !retold::two_events(&events_x, &events_y)
        && retold::one_stands_alone(support[vx], support[vy])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::Bound;

    fn timex(value: &str, anchor: Anchor) -> Timex {
        Timex {
            span: Span::new(0, 0),
            kind: TimexType::Date,
            value: value.to_string(),
            bound: Bound::Exact,
            modifier: None,
            interval: None,
            duration: None,
            anchor,
            inferred: false,
        }
    }

    #[test]
    fn calendar_values_are_years_months_days_and_unplaced_ones() {
        let value = |v: &str| calendar_value(&timex(v, Anchor::None)).map(str::to_string);
        for v in [
            "2005",
            "2005-05",
            "2005-05-30",
            "XXXX-05",
            "XXXX-05-30",
            "XXXX-WXX-5",
        ] {
            assert_eq!(value(v).as_deref(), Some(v), "{v}");
        }
        // Times of day, decades, seasons, vague references and durations are no calendar dates.
        for v in [
            "2005-05-30TNI",
            "195",
            "2005-SU",
            "PAST_REF",
            "XXXX-XX-XX",
            "XXXX",
        ] {
            assert_eq!(value(v), None, "{v}");
        }
        // A date counted from another is as right as that one.
        let counted = timex(
            "2005-06-09",
            Anchor::Narrative {
                on: Span::new(0, 4),
            },
        );
        assert_eq!(calendar_value(&counted), None);
    }

    #[test]
    fn dates_are_placed_in_a_known_year_an_unknown_year_or_an_unknown_week() {
        assert_eq!(placement("2005-05-30"), 0);
        assert_eq!(placement("2005"), 0);
        assert_eq!(placement("XXXX-05"), 1);
        assert_eq!(placement("XXXX-05-30"), 1);
        assert_eq!(placement("XXXX-WXX-5"), 2);
    }

    #[test]
    fn a_date_states_its_year_only_when_written() {
        assert!(states("March 11, 2002", 4));
        assert!(states("2005", 4));
        assert!(!states("Tuesday", 4));
        assert!(!states("March 11", 4));
        assert!(states("March 11", 7));
        assert!(!states("Tuesday", 7));
        assert!(states("Tuesday", 10));
    }

    #[test]
    fn an_article_mentions_the_years_and_months_of_its_days() {
        let times = [
            timex("2005-05-30", Anchor::None),
            timex("XXXX-06-02", Anchor::None),
            timex("XXXX-WXX-5", Anchor::None),
        ];
        let mentioned = mentioned(&times);
        for v in [
            "2005",
            "2005-05",
            "2005-05-30",
            "XXXX-06",
            "XXXX-06-02",
            "XXXX-WXX-5",
        ] {
            assert!(mentioned.contains(v), "{v}");
        }
        assert!(!mentioned.contains("XXXX"));
    }
}
