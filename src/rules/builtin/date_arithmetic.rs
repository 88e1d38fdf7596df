//! `date-arithmetic`: date + duration chains that do not add up.
//!
//! ## What it does
//! Two kinds of chain, both built on what the time tagger already resolved (anaphoric shifts
//! anchored on the narrative, the publication date given or inferred):
//!
//! - **Restated days.** A shift restated by a date right after it — "two days later, on March
//!   7" — where the tagger counted the shift from the narrative's previous date (March 3 → March
//!   5), and the written date differs. Likewise a weekday named with a date whose year is
//!   written — "Tuesday, March 9, 2022" — or, in an article with a publication date, given by
//!   it — "Thursday (June 13)" — that falls on another weekday.
//! - **Elapsed time.** A negated event with a duration, "have not spoken for more than 24 days
//!   (now)", set against a dated occurrence of the same event (in the same article or another):
//!   the occurrence must lie at least that long before the article's publication date ("last
//!   spoke February 12" ⇒ published after 2022-03-08). When the occurrence is said to be the
//!   last one ("had last spoken"), the duration's upper bound must hold too ("nearly 24 days" ⇒
//!   published before 2022-03-08). An article without a publication date is held to the lower
//!   bound the tagger infers from its own dates.
//!
//! Dates derived by a chain ("twelve days later" = 2022-02-24) are already compared with other
//! articles' dates by `time-conflict`, and two durations of one silence with each other by
//! `duration-conflict`; this kind does not report those again.
//!
//! ## Parameters
//! - `tolerance-days` (default 1): days of slack for counting conventions and time zones.
//! - `tolerance-ratio` (default 0.05): further slack, as a share of the duration, for durations
//!   in months and years ("three months" is 89 to 92 days).

use chrono::{Datelike, Duration, NaiveDate};

use crate::claim::{Claim, Modality, Polarity};
use crate::grammar::number::bounds;
use crate::grammar::token::tokenize;
use crate::lexicon::closed::WEEKDAYS;
use crate::matcher::ClaimRef;
use crate::report::{Evidence, Finding};
use crate::rules::builtin::{Kind, discrepancy};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::temporal::{Anchor, Interval, Precision, Timex, TimexType, infer_published};

pub(super) const KIND: Kind = Kind {
    name: "date-arithmetic",
    summary: "date + duration chains that do not add up",
    parameters: &[("tolerance-days", 1.0), ("tolerance-ratio", 0.05)],
    run,
};

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if rule.spec.applies_to.admits(true) {
        for article in 0..cx.articles.len() {
            findings.extend(restated_days(rule, cx, article));
        }
    }
    findings.extend(elapsed(rule, cx));
    findings
}

/// A day-precision date whose year is resolved.
fn day_of(t: &Timex) -> Option<NaiveDate> {
    t.interval
        .filter(|i| i.precision == Precision::Day && i.days() == 1)
        .map(|i| i.start)
}

/// Whether `between` only joins a time expression to its restatement: commas, brackets, "on".
fn is_restatement_gap(between: &str) -> bool {
    between.len() <= 8
        && between
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '—' | '–'))
            .all(|w| w.is_empty() || w.eq_ignore_ascii_case("on"))
}

/// The weekday a time expression starts with ("Tuesday, March 9, 2022" → Tuesday).
fn leading_weekday(text: &str) -> Option<chrono::Weekday> {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let index = WEEKDAYS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(&word))?;
    chrono::Weekday::try_from(index as u8).ok()
}

/// The claims of `article` whose sentence holds `span`.
fn claims_at(cx: &Context<'_>, article: usize, span: crate::text::span::Span) -> Vec<ClaimRef> {
    cx.claims[article]
        .iter()
        .enumerate()
        .filter(|(_, c)| c.sentence.contains(span))
        .map(|(claim, _)| ClaimRef { article, claim })
        .collect()
}

fn restated_days(rule: &Rule, cx: &Context<'_>, article: usize) -> Vec<Finding> {
    let text = &cx.articles[article].text;
    let times = &cx.times[article];
    let mut findings = Vec::new();
    let mut report = |first: &Timex, second: Option<&Timex>, message: String, label: String| {
        let mut evidence = vec![evidence_at(cx, article, first, label)];
        let mut key = vec![
            rule.spec.code.clone(),
            cx.articles[article].id.clone(),
            first.span.start.to_string(),
        ];
        if let Some(second) = second {
            evidence.push(evidence_at(cx, article, second, "the date written".into()));
            key.push(second.span.start.to_string());
        }
        let claims = claims_at(cx, article, first.span);
        let mut finding = discrepancy(cx, rule, message, &claims, evidence, false);
        finding.fingerprint = cx.fingerprint(&key);
        findings.push(finding);
    };
    for (i, t) in times.iter().enumerate() {
        // "Tuesday, March 9, 2022": a weekday and a date with its year, in one expression.
        if t.anchor == Anchor::None
            && let (Some(day), Some(named)) = (day_of(t), leading_weekday(t.span.slice(text)))
            && day.weekday() != named
        {
            let message = wrong_weekday(day, &cx.articles[article].id, named);
            report(
                t,
                None,
                message,
                format!("{day} is a {}", weekday_name(day.weekday())),
            );
        }
        let Some(next) = times.get(i + 1) else {
            continue;
        };
        let Some(written) = day_of(next) else {
            continue;
        };
        if next.kind != TimexType::Date
            || matches!(next.anchor, Anchor::Narrative { .. })
            || !next.span.slice(text).contains(|c: char| c.is_ascii_digit())
            || t.span.end > next.span.start
            || !is_restatement_gap(&text[t.span.end..next.span.start])
        {
            continue;
        }
        match &t.anchor {
            // "two days later, on March 7": the shift counted from the narrative's date. A clock
            // time on the narrative's day ("10:57, 11 October") is no shift.
            Anchor::Narrative { on } if *on != next.span && t.kind == TimexType::Date => {
                let Some(counted) = day_of(t) else {
                    continue;
                };
                if counted == written {
                    continue;
                }
                let message = format!(
                    "\"{}\" counts from {} to {}, but {} gives {} ({} days apart)",
                    t.span.slice(text),
                    on.slice(text),
                    counted.format("%Y-%m-%d"),
                    cx.articles[article].id,
                    written.format("%Y-%m-%d"),
                    (written - counted).num_days().abs()
                );
                report(t, Some(next), message, format!("counts to {counted}"));
            }
            // "Monday (March 14, 2022)": a weekday restated by a date whose year is written, or
            // whose year the article's own publication date gives ("Thursday (June 13)"); a year
            // guessed from an undated article's other dates may be a background fact's.
            _ if (next.anchor == Anchor::None
                || (next.anchor == Anchor::Published
                    && cx.articles[article].meta.published.is_some()))
                && t.span.slice(text).trim().len() <= "wednesday".len()
                && leading_weekday(t.span.slice(text)).is_some_and(|w| w != written.weekday()) =>
            {
                let named = leading_weekday(t.span.slice(text)).unwrap_or(written.weekday());
                let message = wrong_weekday(written, &cx.articles[article].id, named);
                report(
                    t,
                    Some(next),
                    message,
                    format!("says {}", weekday_name(named)),
                );
            }
            _ => {}
        }
    }
    findings
}

/// "2022-03-09 in a falls on a Wednesday, not a Tuesday".
fn wrong_weekday(day: chrono::NaiveDate, article: &str, named: chrono::Weekday) -> String {
    format!(
        "{} in {article} falls on a {}, not a {}",
        day.format("%Y-%m-%d"),
        weekday_name(day.weekday()),
        weekday_name(named)
    )
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

/// Evidence at a time expression of `article`.
fn evidence_at(cx: &Context<'_>, article: usize, t: &Timex, label: String) -> Evidence {
    let a = &cx.articles[article];
    Evidence::new(&a.id, t.span, &a.text, label)
}

/// Whether the claim's event word is preceded, in its clause, by `word` within a few words
/// ("had last spoken", "had not spoken").
fn word_before_trigger(cx: &Context<'_>, r: ClaimRef, words: &[&str]) -> bool {
    let claim = cx.claim(r);
    let text = &cx.articles[r.article].text;
    let start = claim.sentence.start.min(claim.event.span.start);
    let before = &text[start..claim.event.span.start];
    let tokens = tokenize(before, start);
    tokens
        .iter()
        .rev()
        .take(4)
        .any(|t| words.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
}

/// The days an article may have been published on: its given date, or from the lower bound its
/// own dates imply, open-ended.
fn publication(cx: &Context<'_>, article: usize) -> Option<(Interval, bool)> {
    if let Some(published) = cx.articles[article].meta.published {
        return Some((published.interval(), false));
    }
    let bound = infer_published(&cx.articles[article].text, &cx.times[article])?;
    let start = bound.interval().start;
    Some((
        Interval {
            start,
            end: NaiveDate::MAX,
            precision: Precision::Day,
        },
        true,
    ))
}

fn elapsed(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let tolerance_days = rule.number("tolerance-days", 1.0);
    let tolerance_ratio = rule.number("tolerance-ratio", 0.05);
    let mut findings = Vec::new();
    for pair in cx
        .pairs
        .iter()
        .filter(|p| rule.spec.applies_to.admits(p.same_article()))
    {
        let (silence, occurrence) = match (cx.claim(pair.a).polarity, cx.claim(pair.b).polarity) {
            (Polarity::Negative, Polarity::Positive) => (pair.a, pair.b),
            (Polarity::Positive, Polarity::Negative) => (pair.b, pair.a),
            _ => continue,
        };
        let (n, p) = (cx.claim(silence), cx.claim(occurrence));
        let Some(duration) = n.time.as_ref().and_then(|t| t.duration) else {
            continue;
        };
        let Some(when) = p.time.as_ref().and_then(|t| t.interval) else {
            continue;
        };
        // "Had not spoken for 24 days" counts back from the narrative, not from publication.
        if word_before_trigger(cx, silence, &["had"]) && !word_before_trigger(cx, silence, &["now"])
        {
            continue;
        }
        let Some((published, inferred)) = publication(cx, silence.article) else {
            continue;
        };
        let last_day = published.end - Duration::days(1);
        // An occurrence after publication is planned, or a year guessed wrong: not a chain.
        if when.start > last_day {
            continue;
        }
        let (low, high) = bounds(duration.days, duration.bound);
        let slack = tolerance_days + duration.days * tolerance_ratio;
        let earliest_now = when.start + Duration::days((low - slack).floor().max(0.0) as i64);
        let is_last = word_before_trigger(cx, occurrence, &["last"]);
        let latest_now = (is_last && high.is_finite())
            .then(|| when.end - Duration::days(1) + Duration::days((high + slack).ceil() as i64));
        let problem = if last_day < earliest_now {
            Some(format!("after {}", earliest_now.format("%Y-%m-%d")))
        } else {
            latest_now
                .filter(|l| published.start > *l)
                .map(|latest| format!("by {}", latest.format("%Y-%m-%d")))
        };
        let Some(problem) = problem else {
            continue;
        };
        let n_text = n
            .time
            .as_ref()
            .map_or("", |t| t.span.slice(&cx.articles[silence.article].text));
        let dated = if inferred {
            format!(
                "its own dates put it on or after {}",
                published.start.format("%Y-%m-%d")
            )
        } else {
            format!("it is dated {published}")
        };
        let message = format!(
            "{} has not happened for {} in {}, counted from {} on {}{}: that puts its publication {}, but {}",
            cx.describe(n),
            n_text,
            cx.article_id(silence),
            if is_last { "the last" } else { "an occurrence" },
            when,
            if pair.same_article() {
                String::new()
            } else {
                format!(" in {}", cx.article_id(occurrence))
            },
            problem,
            dated
        );
        let evidence = vec![
            cx.evidence(
                silence,
                n.time.as_ref().map_or(n.event.span, |t| t.span),
                format!("puts publication {problem}"),
            ),
            cx.evidence(
                occurrence,
                p.time.as_ref().map_or(p.event.span, |t| t.span),
                format!("dates it {when}"),
            ),
        ];
        let hedged = is_hedged(n) || is_hedged(p);
        findings.push(discrepancy(
            cx,
            rule,
            message,
            &[silence, occurrence],
            evidence,
            hedged,
        ));
    }
    findings
}

fn is_hedged(claim: &Claim) -> bool {
    claim.modality == Modality::Hedged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restatement_gaps() {
        assert!(is_restatement_gap(", on "));
        assert!(is_restatement_gap(" ("));
        assert!(is_restatement_gap(", "));
        assert!(!is_restatement_gap(" and then on "));
        assert!(!is_restatement_gap(", Russia invaded. On "));
    }

    #[test]
    fn weekdays_lead_expressions() {
        assert_eq!(
            leading_weekday("Tuesday, March 9, 2022"),
            Some(chrono::Weekday::Tue)
        );
        assert_eq!(leading_weekday("March 9"), None);
    }
}
