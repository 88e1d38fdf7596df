//! What the rules of facts retold in other words share: which articles tell one story, what a
//! sentence tells a fact with, when two sentences tell one fact, and the finding.
//!
//! Background facts ("he played the part in a 1998 episode", "the clinic serves 2,500
//! residents") are told by every outlet in its own sentence, often with no event word the matcher
//! pairs: the date and count rules never see them, and the sentences are too unlike for
//! `restated-fact-conflict`. `retold-date-conflict` and `retold-count-conflict` compare the
//! facts of such sentences directly, between articles the matcher linked (one story: look-alike
//! stories tell their background in the same words with other figures), when the sentences share
//! enough content words, are no near copies, and do not tell two events; a pair is dropped when
//! one article also tells the other's sentence with the other's value, or when a sentence is
//! alike to the tellings of more than `max-values` other values.

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::claim::{COUNT, Claim, DATE};
use crate::lexicon::closed;
use crate::report::{Evidence, Finding, FindingKind};
use crate::rules::builtin::common_words;
use crate::rules::builtin::restated_fact::{ATTRIBUTION, EMPTY, Word, words};
use crate::rules::context::Context;
use crate::rules::model::Rule;
use crate::text::span::Span;

/// Share of words above which two sentences are near copies, left to `restated-fact-conflict`
/// (its own default similarity).
const NEAR_COPY: f64 = 0.7;

/// Words too common in news sentences to tell one fact from another.
const PLAIN: &[&str] = &[
    "not", "no", "also", "after", "before", "when", "while", "since", "until", "will", "would",
    "could", "can", "may", "more", "than", "about", "into", "over", "out", "up", "new", "year",
    "years", "time", "one", "two", "first", "last", "all", "some", "other", "just", "now", "being",
    "did", "do", "does", "so", "if", "what", "where", "how", "very", "most", "only",
];

/// The parameters every retold rule reads.
pub(super) const PARAMETERS: &[(&str, f64)] = &[
    ("min-shared", 2.0),
    ("min-share", 0.4),
    ("min-links", 1.0),
    ("max-values", 2.0),
];

/// How alike two sentences must be to tell one fact.
struct Likeness {
    /// Content words the two sentences must share.
    min_shared: usize,
    /// The share of the shorter sentence's content words they must make.
    min_share: f64,
}

impl Likeness {
    /// The likeness `rule` asks for.
    fn of(rule: &Rule) -> Likeness {
        Likeness {
            min_shared: rule.number("min-shared", PARAMETERS[0].1) as usize,
            min_share: rule.number("min-share", PARAMETERS[1].1),
        }
    }
}

/// The words a sentence tells a fact with.
pub(super) struct Telling {
    /// Its content words (names and words that are no function words, attribution, calendar
    /// words or numbers), in one form for singular and plural, sorted, each once.
    content: Vec<String>,
    /// All its words, lower case, for the near-copy test.
    all: Vec<String>,
}

impl Telling {
    /// The words of the sentence at `sentence` of `text`, leaving out those in `facts` (the
    /// dates or numbers it states).
    pub(super) fn of(text: &str, sentence: Span, facts: &[Span]) -> Telling {
        let sentence_words = words(text, sentence);
        let mut content: Vec<String> = sentence_words
            .iter()
            .filter(|w| !facts.iter().any(|f| f.overlaps(w.span)) && content_word(w))
            .map(|w| stem(&w.lower))
            .collect();
        content.sort_unstable();
        content.dedup();
        let all = sentence_words.into_iter().map(|w| w.lower).collect();
        Telling { content, all }
    }

    /// Whether two sentences tell one fact: they share enough content words and are no near
    /// copies of each other.
    fn alike(&self, other: &Telling, likeness: &Likeness) -> bool {
        let shared = crate::text::sorted_common(&self.content, &other.content);
        let shorter = self.content.len().min(other.content.len());
        if shared < likeness.min_shared || (shared as f64) < likeness.min_share * shorter as f64 {
            return false;
        }
        let (ax, ay): (Vec<&str>, Vec<&str>) = (
            self.all.iter().map(String::as_str).collect(),
            other.all.iter().map(String::as_str).collect(),
        );
        (common_words(&ax, &ay) as f64) < NEAR_COPY * ax.len().max(ay.len()) as f64
    }
}

/// Whether a word says something of the fact: not a function word, attribution, calendar word
/// or number.
fn content_word(w: &Word) -> bool {
    let lower = w.lower.as_str();
    lower.chars().count() > 2
        && !lower.chars().any(|c| c.is_ascii_digit())
        && !EMPTY.contains(&lower)
        && !ATTRIBUTION.contains(&lower)
        && !PLAIN.contains(&lower)
        && !closed::is_calendar_name(lower)
        && closed::cardinal_value(lower).is_none()
}

/// A content word in one form for singular and plural, possessive and not.
fn stem(lower: &str) -> String {
    let bare = lower.trim_end_matches("'s");
    bare.strip_suffix('s')
        .filter(|s| s.len() > 2 && !s.ends_with('s'))
        .unwrap_or(bare)
        .to_string()
}

/// A fact a sentence states: where it is written and the words its sentence tells it with.
pub(super) trait Told {
    /// Where the fact is written.
    fn span(&self) -> Span;
    /// The words its sentence tells it with.
    fn telling(&self) -> &Telling;
    /// Its value, one string for each value compared as one.
    fn value(&self) -> String;
    /// Whether it gives the value `other` gives.
    fn agrees(&self, other: &Self) -> bool;
}

/// The findings of `rule` on the facts (`facts_of`, an article's) of every two linked articles
/// whose values `conflict` and whose sentences tell them alike; `verb` says what the articles do
/// to the fact ("dates", "counts").
///
/// Two such facts are left out when one of the articles tells the other's sentence again with
/// the other's value elsewhere (it tells both facts, so its value is another fact's), and when
/// either fact meets more than `max-values` other values in sentences told alike (a sentence
/// alike to the tellings of several facts tells none of them in particular: "Felt revealed his
/// role in 2005" against "in 1974", "in 1976" and "in May 1972").
pub(super) fn compare_linked<T: Told>(
    rule: &Rule,
    cx: &Context<'_>,
    facts_of: impl Fn(usize) -> Vec<T>,
    conflict: impl Fn((usize, &T), (usize, &T)) -> bool,
    verb: &str,
) -> Vec<Finding> {
    let likeness = Likeness::of(rule);
    let max_values = rule.number("max-values", PARAMETERS[3].1) as usize;
    let mut facts: HashMap<usize, Vec<T>> = HashMap::new();
    // Conflicts as (article, fact) places.
    let mut conflicts: Vec<[(usize, usize); 2]> = Vec::new();
    for (x, y) in linked_articles(rule, cx) {
        for article in [x, y] {
            facts.entry(article).or_insert_with(|| facts_of(article));
        }
        for (ix, fx) in facts[&x].iter().enumerate() {
            for (iy, fy) in facts[&y].iter().enumerate() {
                if conflict((x, fx), (y, fy)) && fx.telling().alike(fy.telling(), &likeness) {
                    conflicts.push([(x, ix), (y, iy)]);
                }
            }
        }
    }
    let fact = |(article, n): (usize, usize)| &facts[&article][n];
    // Whether the article of `ours` tells `theirs` again, with its value, in another sentence.
    let retells = |ours: (usize, usize), theirs: &T| {
        facts[&ours.0]
            .iter()
            .any(|f| f.agrees(theirs) && f.telling().alike(theirs.telling(), &likeness))
    };
    let mut met: HashMap<(usize, usize), HashSet<String>> = HashMap::new();
    for &[a, b] in &conflicts {
        met.entry(a).or_default().insert(fact(b).value());
        met.entry(b).or_default().insert(fact(a).value());
    }
    conflicts
        .into_iter()
        .filter(|&[a, b]| !retells(a, fact(b)) && !retells(b, fact(a)))
        .filter(|[a, b]| met[a].len() <= max_values && met[b].len() <= max_values)
        .map(|[(x, ix), (y, iy)]| {
            let spans = ((x, facts[&x][ix].span()), (y, facts[&y][iy].span()));
            finding(rule, cx, spans.0, spans.1, verb)
        })
        .collect()
}

/// The article pairs the matcher took for one story: at least `min-links` claim pairs between
/// them, ascending.
fn linked_articles(rule: &Rule, cx: &Context<'_>) -> Vec<(usize, usize)> {
    let min_links = rule.number("min-links", PARAMETERS[2].1) as usize;
    let mut links: HashMap<(usize, usize), usize> = HashMap::new();
    for pair in cx.pairs.iter().filter(|p| !p.same_article()) {
        *links.entry((pair.a.article, pair.b.article)).or_default() += 1;
    }
    let mut linked: Vec<(usize, usize)> = links
        .into_iter()
        .filter(|&(_, n)| n >= min_links)
        .map(|(pair, _)| pair)
        .collect();
    linked.sort_unstable();
    linked
}

/// The predicates of the event claims of `article` that state the fact at `span` (`states`
/// tells whether a claim does).
pub(super) fn events_stating<'c>(
    cx: &'c Context<'_>,
    article: usize,
    span: Span,
    states: impl Fn(&Claim) -> bool,
) -> Vec<&'c str> {
    cx.overlapping(article, span)
        .into_iter()
        .filter(|(_, c)| {
            !c.is_attribute()
                && c.event.predicate != DATE
                && c.event.predicate != COUNT
                && states(c)
        })
        .map(|(_, c)| c.event.predicate.as_str())
        .collect()
}

/// Whether two facts are of two events: each is stated by event words and none is shared
/// ("convicted ... Thursday", "sentenced ... Tuesday").
pub(super) fn two_events(x: &[&str], y: &[&str]) -> bool {
    !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p))
}

/// Whether a conflict between two values, stated by `support_x` and `support_y` of the articles
/// checked, can be an error: one of them stands alone. Two values each stated by several
/// articles are two groups of sources that agree among themselves: look-alike stories ("23
/// pirates" in one group, "26 pirates" in the other), not an error.
pub(super) fn one_stands_alone(support_x: usize, support_y: usize) -> bool {
    support_x < 2 || support_y < 2
}

/// The finding of a fact told as `span_x` in article `x` and as `span_y` in article `y`.
fn finding(
    rule: &Rule,
    cx: &Context<'_>,
    (x, span_x): (usize, Span),
    (y, span_y): (usize, Span),
    verb: &str,
) -> Finding {
    let (text_x, text_y) = (&cx.articles[x].text, &cx.articles[y].text);
    let (id_x, id_y) = (cx.articles[x].id.as_str(), cx.articles[y].id.as_str());
    let (tx, ty) = (span_x.slice(text_x), span_y.slice(text_y));
    let message = format!(
        "{id_x} {verb} it \"{tx}\" but {id_y} \"{ty}\", in sentences that tell the same fact"
    );
    let evidence = vec![
        Evidence::new(id_x, span_x, text_x, verb),
        Evidence::new(id_y, span_y, text_y, verb),
    ];
    let mut finding = cx.finding(rule, FindingKind::Discrepancy, message, &[], evidence);
    finding.fingerprint = cx.fingerprint(&[rule.spec.code.as_str(), id_x, tx, id_y, ty]);
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    fn telling(text: &str) -> Telling {
        Telling::of(text, Span::new(0, text.len()), &[])
    }

    const LIKENESS: Likeness = Likeness {
        min_shared: 2,
        min_share: 0.4,
    };

    #[test]
    fn plurals_and_possessives_are_one_word() {
        assert_eq!(stem("clinics"), "clinic");
        assert_eq!(stem("clinic's"), "clinic");
        assert_eq!(stem("boss"), "boss");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn sentences_that_share_enough_content_words_tell_one_fact() {
        let a = telling("She founded the Harbor Street clinic with a loan from her church.");
        let b = telling("The Harbor Street clinic, which she founded, treated the poor.");
        let c = telling("The storm closed the ferry to the islands for a week.");
        assert!(a.alike(&b, &LIKENESS));
        assert!(!a.alike(&c, &LIKENESS));
    }

    #[test]
    fn near_copies_are_left_to_the_word_by_word_rule() {
        let a = telling("She founded the Harbor Street clinic with a loan from her church.");
        let b = telling("She founded the Harbor Street clinic with a loan from the church.");
        assert!(!a.alike(&b, &LIKENESS));
    }

    #[test]
    fn two_event_words_with_none_shared_are_two_events() {
        assert!(two_events(&["convict"], &["sentence"]));
        assert!(!two_events(&["convict", "sentence"], &["sentence"]));
        assert!(!two_events(&[], &["sentence"]));
    }

    #[test]
    fn a_conflict_needs_one_value_that_stands_alone() {
        assert!(one_stands_alone(1, 3));
        assert!(one_stands_alone(3, 1));
        assert!(!one_stands_alone(2, 2));
    }
}
