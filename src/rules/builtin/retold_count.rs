//! `retold-count-conflict`: two sources tell one fact in their own words and count it
//! differently.
//!
//! ## What it does
//! Compares the counts of one unit ("2,500 residents", "329 yards", "$80 million") of sentences
//! that two articles of one story tell alike (`retold`). Two counts conflict when:
//! - their intervals (with their bounds: "about 300", "more than 20") cannot both hold, and
//!   they are near (`quantity-conflict`'s test: "20 points" in a game and "2,301 points" in a
//!   career are two statistics);
//! - neither article states the other's count of that unit anywhere: two articles that both
//!   know both figures tell two facts, not one fact two ways;
//! - each sentence states one count of that unit (a score "29 of 34", two players' yards in one
//!   sentence, are not one count);
//! - no two event words count them each its own event;
//! - one of them stands alone: two counts each stated by several articles are look-alike
//!   stories that agree among themselves ("23 pirates" / "26 pirates"), not an error;
//! - neither article tells the other's sentence again with the other's count, and neither count
//!   meets more than `max-values` other counts in sentences told alike (`retold`).
//!
//! Magnitudes are left to `attribute-conflict`, which compares them with a tolerance, and
//! counts that are attributes (ages) are not counts here.
//!
//! ## Parameters
//! - `min-shared` (default 2): content words the two sentences must share.
//! - `min-share` (default 0.4): the share of the shorter sentence's content words they make.
//! - `min-links` (default 1): claim pairs the matcher made between the two articles.
//! - `max-values` (default 2): other values a fact may meet in sentences told alike.

use std::rc::Rc;

use foldhash::HashMap;

use crate::claim::{COUNT, Claim, Quantity};
use crate::grammar::number::compatible;
use crate::report::Finding;
use crate::rules::builtin::Kind;
use crate::rules::builtin::quantity_conflict::near;
use crate::rules::builtin::retold::{self, Telling, Told};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::text::span::Span;

pub(super) const KIND: Kind = Kind {
    name: "retold-count-conflict",
    summary: "sentences of two sources that tell one fact in their own words with different counts",
    parameters: retold::PARAMETERS,
    run,
};

/// Units another rule compares with its own tolerance.
const LEFT_OUT: &[&str] = &["magnitude"];

/// A count stated in a sentence, with the words the sentence tells it with.
struct Counted<'a> {
    quantity: &'a Quantity,
    unit: &'a str,
    /// The counts of every unit in its sentence, its own among them.
    sentence_counts: Rc<Vec<&'a Quantity>>,
    /// The words its sentence tells it with.
    telling: Rc<Telling>,
}

/// The counts of one article's count claims, each with its sentence's words and counts.
fn counted<'a>(text: &str, claims: &'a [Claim]) -> Vec<Counted<'a>> {
    let mut by_sentence: HashMap<Span, Vec<&'a Quantity>> = HashMap::default();
    for claim in claims
        .iter()
        .filter(|c| c.event.predicate == COUNT && !c.is_attribute())
    {
        let counts = by_sentence.entry(claim.sentence).or_default();
        for q in &claim.quantities {
            if !counts.iter().any(|o| o.span == q.span) {
                counts.push(q);
            }
        }
    }
    let mut sentences: Vec<(Span, Vec<&'a Quantity>)> = by_sentence.into_iter().collect();
    sentences.sort_unstable_by_key(|(span, _)| *span);
    let mut out = Vec::new();
    for (sentence, counts) in sentences {
        let spans: Vec<Span> = counts.iter().map(|q| q.span).collect();
        let telling = Rc::new(Telling::of(text, sentence, &spans));
        let counts = Rc::new(counts);
        for &quantity in counts.iter() {
            let Some(unit) = quantity.unit.as_deref() else {
                continue;
            };
            if LEFT_OUT.contains(&unit) {
                continue;
            }
            out.push(Counted {
                quantity,
                unit,
                sentence_counts: counts.clone(),
                telling: telling.clone(),
            });
        }
    }
    out
}

/// Every count an article states, by unit.
fn stated(claims: &[Claim]) -> HashMap<&str, Vec<&Quantity>> {
    let mut out: HashMap<&str, Vec<&Quantity>> = HashMap::default();
    for q in claims.iter().flat_map(|c| &c.quantities) {
        if let Some(unit) = q.unit.as_deref() {
            out.entry(unit).or_default().push(q);
        }
    }
    out
}

/// How many articles state a count compatible with a given one, by unit, worked out once per
/// count asked about: a conflict asks for both of its counts, and many conflicts share one.
struct Support<'a> {
    /// Unit → every count of it, with its article.
    by_unit: HashMap<&'a str, Vec<(usize, &'a Quantity)>>,
    /// The answers so far, by the count's content (`Quantity::key`).
    known: std::cell::RefCell<HashMap<String, usize>>,
}

impl<'a> Support<'a> {
    fn new(figures: &[HashMap<&'a str, Vec<&'a Quantity>>]) -> Support<'a> {
        let mut by_unit: HashMap<&str, Vec<(usize, &Quantity)>> = HashMap::default();
        for (article, units) in figures.iter().enumerate() {
            for (&unit, counts) in units {
                by_unit
                    .entry(unit)
                    .or_default()
                    .extend(counts.iter().map(|&q| (article, q)));
            }
        }
        Support {
            by_unit,
            known: Default::default(),
        }
    }

    /// How many articles state a count of `q`'s unit compatible with it.
    fn of(&self, q: &Quantity) -> usize {
        let Some(unit) = q.unit.as_deref() else {
            return 0;
        };
        let key = q.key();
        if let Some(&n) = self.known.borrow().get(&key) {
            return n;
        }
        let mut articles: Vec<usize> = self
            .by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .filter(|(_, o)| compatible(o, q))
            .map(|&(article, _)| article)
            .collect();
        articles.dedup();
        let n = articles.len();
        self.known.borrow_mut().insert(key, n);
        n
    }
}

fn run(rule: &Rule, cx: &Context<'_>) -> Vec<Finding> {
    let figures: Vec<HashMap<&str, Vec<&Quantity>>> =
        cx.claims.iter().map(|claims| stated(claims)).collect();
    let support = Support::new(&figures);
    retold::compare_linked(
        rule,
        cx,
        |article| counted(&cx.articles[article].text, &cx.claims[article]),
        |x, y| conflict(cx, x, y, &figures, &support),
        "counts",
    )
}

impl Told for Counted<'_> {
    fn span(&self) -> Span {
        self.quantity.span
    }

    fn telling(&self) -> &Telling {
        &self.telling
    }

    fn value(&self) -> String {
        format!("{} {}", self.quantity.value, self.unit)
    }

    fn agrees(&self, other: &Self) -> bool {
        self.unit == other.unit && compatible(self.quantity, other.quantity)
    }
}

/// Whether two counts of sentences of articles `x` and `y` conflict, if the sentences tell one
/// fact (`figures`: every article's counts by unit).
fn conflict(
    cx: &Context<'_>,
    (x, count_x): (usize, &Counted<'_>),
    (y, count_y): (usize, &Counted<'_>),
    figures: &[HashMap<&str, Vec<&Quantity>>],
    support: &Support<'_>,
) -> bool {
    let unit = count_x.unit;
    // Two counts far apart ("20 points" in a game, "2,301 points" in a career) are two
    // statistics, not one told two ways.
    if unit != count_y.unit
        || compatible(count_x.quantity, count_y.quantity)
        || !near(count_x.quantity, count_y.quantity)
    {
        return false;
    }
    let knows = |article: usize, q: &Quantity| {
        figures[article]
            .get(unit)
            .is_some_and(|all| all.iter().any(|o| compatible(o, q)))
    };
    if knows(y, count_x.quantity) || knows(x, count_y.quantity) {
        return false;
    }
    // A sentence with two counts of the unit that differ counts no one thing.
    let one_count = |c: &Counted<'_>| {
        c.sentence_counts
            .iter()
            .filter(|o| o.unit.as_deref() == Some(unit))
            .all(|o| compatible(o, c.quantity))
    };
    let counted_by = |article: usize, c: &Counted<'_>| {
        retold::events_stating(cx, article, c.quantity.span, |claim| {
            claim.quantities.iter().any(|q| q.span == c.quantity.span)
        })
    };
    one_count(count_x)
        && one_count(count_y)
        && !retold::two_events(&counted_by(x, count_x), &counted_by(y, count_y))
        && retold::one_stands_alone(support.of(count_x.quantity), support.of(count_y.quantity))
}
