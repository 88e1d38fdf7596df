//! The year each article's story is set in, and when two articles' years keep their claims
//! apart.
//!
//! A published article is set in its year. An undated one states only background years
//! ("the 2004 tsunami", an obituary's decades) and the days of a week it does not place
//! ("died Thursday"): it takes the year of the dated article it names the most people and
//! organizations in common with, else the year its claims state most often. Articles set more
//! than [`STORY_MAX_YEARS_APART`] years apart tell look-alike stories, unless both are undated
//! and tell days of an unknown year ([`years_unknown`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::Claim;
use crate::lexicon::Lexicon;

/// Years apart beyond which two articles tell different stories.
pub const STORY_MAX_YEARS_APART: i32 = 1;

/// Whether two articles' story years are too far apart for one story; never when either has
/// none.
pub fn stories_far_apart(a: Option<i32>, b: Option<i32>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if (x - y).abs() > STORY_MAX_YEARS_APART)
}

/// How an article dates its story when it has no publication date: how many of its claims
/// are dated by days of its own unknown week ("died Thursday", "was arrested yesterday"), and
/// how many by its story year ([`story_year`]). Weekdays and "yesterday" resolve against a
/// publication date, so only an undated article has days of an unknown year.
pub fn days_of_unknown_year(claims: &[Claim]) -> (usize, usize) {
    let mut days = 0;
    let mut years: BTreeMap<&str, usize> = BTreeMap::new();
    for t in claims
        .iter()
        .filter(|c| c.event.predicate != crate::claim::DATE)
        .filter_map(|c| c.time.as_ref())
    {
        if t.value.starts_with("XXXX-W") || t.value.starts_with("XXXX-XX-XX") {
            days += 1;
        } else if let Some(year) = t.value.get(..4).filter(|y| y.parse::<i32>().is_ok()) {
            *years.entry(year).or_default() += 1;
        }
    }
    (days, years.into_values().max().unwrap_or(0))
}

/// Whether two undated articles both tell a day of an unknown year (a weekday, "today"): each
/// tells news whose year it does not say, so its story year is only the year of its background
/// facts ("a singer of the 1950s", "the 1961 robbery"), which differ between two tellings of
/// one death or one arrest, and does not tell the stories apart. That holds however many
/// background years an obituary states ("Undated news: the days decide" in docs/engine.md).
pub fn years_unknown(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 > 0 && b.0 > 0
}

/// Every article's story year: the year it was published in; else, for an undated article,
/// the year of the dated article it is nearest by the names it gives (`nearest_by_names`),
/// reached through other undated articles as far as it takes; else [`story_year`] of its
/// claims. An article tells the news of its day and background facts of other years ("the
/// 2004 tsunami" in every story of a later quake, an obituary's decades), which its claims may
/// date more often than the news itself; an undated article that names what a dated one names
/// tells its story.
pub fn story_years(
    claims: &[Vec<Claim>],
    published: &[Option<crate::temporal::PartialDate>],
    lexicon: &Lexicon,
) -> Vec<Option<i32>> {
    let published_year = |i: usize| published.get(i).copied().flatten().map(|p| p.year);
    let nearest = nearest_by_names(claims, &|i| published_year(i).is_some(), lexicon);
    // The year each article's walk ends in: `Some(year)` at a dated article, `Some(None)` at an
    // article with no nearest or on a ring of undated articles, which lend none. Every article
    // a walk passes is settled with it, so each is walked once.
    let mut lent: Vec<Option<Option<i32>>> = vec![None; claims.len()];
    // The walk (its start + 1) each article was last passed by.
    let mut walked_by = vec![0; claims.len()];
    let mut path = Vec::new();
    for start in 0..claims.len() {
        let mut at = start;
        let end = loop {
            if let Some(settled) = lent[at] {
                break settled;
            }
            if let Some(year) = published_year(at) {
                break Some(year);
            }
            if walked_by[at] == start + 1 {
                break None;
            }
            walked_by[at] = start + 1;
            path.push(at);
            match nearest[at] {
                Some(next) => at = next,
                None => break None,
            }
        };
        // Where the walk ended is settled too: a dated article keeps its own year.
        lent[at] = lent[at].or(Some(end));
        for passed in path.drain(..) {
            lent[passed] = Some(end);
        }
    }
    lent.into_iter()
        .enumerate()
        .map(|(i, end)| end.flatten().or_else(|| story_year(&claims[i])))
        .collect()
}

/// How many people and organizations two articles must both name for one to lend the other
/// its year (`nearest_by_names`). Every telling of a story names its team and its coach, its
/// company and its product; four names in common are seldom one look-alike story's, whose
/// players, rivals and officials differ.
pub const YEAR_LENDING_NAMES: usize = 4;

/// For each undated article, the other article it shares the most telling names with, `None`
/// for a dated one (`is_dated`) and for one that shares fewer than [`YEAR_LENDING_NAMES`] with
/// every other. Names are the people and organizations its claims name ([`super::is_weak`]
/// ones, places and unknown lone words, left out), each weighing `ln((n + 1) / df)`, `n` the
/// articles of the run and `df` how many of them name it: a name every article gives (the
/// team, the agency) tells little, a player or an official named by a few tells the story. On
/// a tie the earlier article is taken.
fn nearest_by_names(
    claims: &[Vec<Claim>],
    is_dated: &dyn Fn(usize) -> bool,
    lexicon: &Lexicon,
) -> Vec<Option<usize>> {
    let names: Vec<BTreeSet<&str>> = claims
        .iter()
        .map(|article| {
            article
                .iter()
                .flat_map(|c| &c.participants)
                .map(|p| p.entity.as_str())
                .filter(|id| !super::is_weak(id, lexicon))
                .collect()
        })
        .collect();
    let mut named_by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, set) in names.iter().enumerate() {
        for id in set {
            named_by.entry(id).or_default().push(i);
        }
    }
    let n = claims.len() as f64 + 1.0;
    let weight: BTreeMap<&str, f64> = named_by
        .iter()
        .map(|(id, by)| (*id, (n / by.len() as f64).ln()))
        .collect();
    // One score and one count of shared names per other article, reset after each article.
    let mut score = vec![(0.0_f64, 0_usize); claims.len()];
    let mut touched = Vec::new();
    (0..claims.len())
        .map(|i| {
            if is_dated(i) {
                return None;
            }
            for id in &names[i] {
                let weight = weight[id];
                for &other in named_by[id].iter().filter(|&&other| other != i) {
                    if score[other].1 == 0 {
                        touched.push(other);
                    }
                    score[other].0 += weight;
                    score[other].1 += 1;
                }
            }
            touched.sort_unstable();
            let mut best: Option<(f64, usize)> = None;
            for &other in &touched {
                let (s, shared) = score[other];
                if shared >= YEAR_LENDING_NAMES && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, other));
                }
                score[other] = (0.0, 0);
            }
            touched.clear();
            best.map(|(_, other)| other)
        })
        .collect()
}

/// The year an article's story is set in: the year its claims' dates state most often (a
/// resolved date or a year written out; the later on a tie), `None` when no claim is dated
/// with a year.
pub fn story_year(claims: &[Claim]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    // Date claims restate the dates of event claims, and date the stamps and background facts
    // no event word carries: the story is what the events are dated by.
    for t in claims
        .iter()
        .filter(|c| c.event.predicate != crate::claim::DATE)
        .filter_map(|c| c.time.as_ref())
    {
        let Some(year) = t.value.get(..4) else {
            continue;
        };
        if let Ok(year) = year.parse::<i32>() {
            *counts.entry(year).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(year, n)| (*n, *year))
        .map(|(year, _)| year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;
    use crate::pipeline::analyze::Analyzer;
    use crate::temporal::PartialDate;

    /// The story years of `articles`, each its text and its publication date.
    fn years_of(articles: &[(&str, Option<PartialDate>)]) -> Vec<Option<i32>> {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let claims: Vec<Vec<Claim>> = articles
            .iter()
            .enumerate()
            .map(|(i, (text, published))| {
                let article = Article::from_text(format!("a{i}"), *text, *published);
                analyzer.analyze(&article).claims
            })
            .collect();
        let published: Vec<Option<PartialDate>> = articles.iter().map(|(_, p)| *p).collect();
        story_years(&claims, &published, &analyzer.lexicon)
    }

    /// The people [`DATED`] names.
    const NAMED: [&str; 4] = [
        "Dana Whitfield",
        "Marco Ellery",
        "Jonah Petrakis",
        "Tessa Quill",
    ];

    const DATED: &str = "Dana Whitfield resigned on Tuesday. Marco Ellery was arrested on \
                         Tuesday. Jonah Petrakis was charged on Tuesday. Tessa Quill was \
                         fired on Tuesday.";

    /// An undated telling that names `names` of the dated one's people and states background
    /// facts of 2006.
    fn undated(names: &[&str]) -> String {
        let mut text: String = names
            .iter()
            .map(|name| format!("{name} was questioned on Tuesday. "))
            .collect();
        text.push_str("The club was sold in 2006. It moved in 2006. It was renamed in 2006.");
        text
    }

    #[test]
    fn an_undated_article_naming_four_people_of_a_dated_one_takes_its_year() {
        let published = PartialDate::ymd(2013, 5, 3);
        let four = undated(&NAMED);
        let three = undated(&NAMED[..3]);
        assert_eq!(
            years_of(&[(DATED, published), (&four, None), (&three, None)]),
            [Some(2013), Some(2013), Some(2006)],
            "four names in common lend the year, three do not"
        );
    }

    #[test]
    fn an_undated_article_takes_a_year_through_another_undated_one() {
        let published = PartialDate::ymd(2013, 5, 3);
        let all = undated(&[&NAMED[..], &["Ruth Amberley"]].concat());
        // Shares four names with the undated telling above, three with the dated one.
        let later = undated(&[
            "Dana Whitfield",
            "Ruth Amberley",
            "Marco Ellery",
            "Jonah Petrakis",
        ]);
        assert_eq!(
            years_of(&[(DATED, published), (&all, None), (&later, None)]),
            [Some(2013), Some(2013), Some(2013)]
        );
        // Undated tellings that are each other's nearest, with no dated one, keep their own.
        assert_eq!(
            years_of(&[(&all, None), (&later, None)]),
            [Some(2006), Some(2006)]
        );
    }
}
