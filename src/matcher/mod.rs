//! Finding claims about the same event, across articles and inside one, without comparing every
//! pair.
//!
//! Blocking: every claim is filed under one key per participant — its predicate and the
//! participant's id and every entity the participant belongs to (the Pentagon files under the
//! United States too). Only claims sharing a block are compared, and inside a large block each
//! claim meets at most [`WINDOW`] neighbours in (time, article) order, so the work grows with the
//! number of claims, not its square. A pair then passes [`same_event`]: same predicate, a shared
//! participant, compatible people, and times no more than a year apart (five when both are
//! dated by their years alone: a background fact whose year one source misstates) — look-alike
//! events with other participants or far-apart dates stay apart.
//!
//! A link by a place alone keeps apart claims whose days differ (two events of one place),
//! unless the days lie two to seven days apart and the sentences stating them are alike in
//! words few articles use ([`SentenceWords::event_alike`]): one event with a misreported day.
//!
//! An event claim is also filed under each telling figure it states (a quake's "4.7 magnitude",
//! "killed 1,200 people"): two tellings of one event word stating one such figure meet, and
//! strongly, where their stories name only places (`share_telling_quantity`).
//!
//! Counts and dates, which no event word tells apart, are also filed under the words that
//! describe them: a count under its descriptor's words, a date under the rarest words of its
//! sentence in the run ([`SentenceWords`]), so two outlets stating one figure or one day meet even
//! when their clauses name no one in common. Two counts described in the same words ("three
//! machine guns" in both) also meet when their articles are set in one year and name a person
//! or organization in common anywhere, not only among their topics.
//!
//! A claim whose clause names nobody ("she checked into rehab on Friday") still belongs to its
//! article's story: each article has *topic* entities, the ones its claims name most often, and
//! a claim is blocked and matched under its own participants and its article's topics. Two
//! claims about look-alike stories have different topics and stay apart.
//!
//! Claims of two articles whose stories are set more than [`STORY_MAX_YEARS_APART`] years apart
//! never meet: look-alike stories of two seasons. An undated article's year is lent by the dated
//! article it names the most people and organizations in common with (`years`).
//!
//! Attribute claims (ages, magnitudes, locations, titles; see `claim::attribute`) are neither
//! matched nor counted for topics: their value is what two sources may dispute, where an event's
//! differing details mean another event. The attribute rule groups them by entity itself.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::claim::Claim;
use crate::claim::extract::Descriptor;
use crate::grammar::entity::one_name_two_ways;
use crate::lexicon::Lexicon;

mod years;
pub use years::{
    STORY_MAX_YEARS_APART, YEAR_LENDING_NAMES, days_of_unknown_year, stories_far_apart, story_year,
    story_years, years_unknown,
};

/// How many neighbours a claim meets inside one block.
pub const WINDOW: usize = 48;

/// How many words besides the unit two count claims whose clauses name someone in common
/// must share to count one thing (`claim::extract::counts_alike`).
pub const COUNT_SHARED_WORDS: usize = 2;

/// How many words two count claims linked only by a place or their stories must share: more,
/// since one story's other statistics ("caught five passes for 68 yards", "caught 3 passes
/// for 37 yards") read alike.
pub const COUNT_SHARED_WORDS_BY_STORY: usize = 3;

/// Words two date claims' descriptors must share besides their unit (`claim::extract`) when a
/// person or organization named in both clauses ties them.
pub const DATE_SHARED_WORDS: usize = 2;

/// Words two date claims' descriptors must share when only a place or the stories tie them.
pub const DATE_SHARED_WORDS_BY_STORY: usize = 3;

/// Days apart beyond which two dated claims are taken for different events.
pub const SAME_EVENT_MAX_GAP_DAYS: i64 = 366;

/// Days apart beyond which two claims dated only by their years ("died in 2006", "in the
/// 1950s") are taken for different events. Such claims are background facts of the story (a
/// death, a founding, an earlier disaster): a source that misstates the year is off by a few
/// years, where two events a year apart are told by day or month.
pub const YEARS_MAX_GAP_DAYS: i64 = 5 * 366;

/// Days apart beyond which claims dated `a` and `b` tell of different events:
/// [`YEARS_MAX_GAP_DAYS`] when both are dated by their years alone, else
/// [`SAME_EVENT_MAX_GAP_DAYS`].
pub fn max_gap_days(a: &crate::temporal::Interval, b: &crate::temporal::Interval) -> i64 {
    let by_years = |i: &crate::temporal::Interval| i.precision >= crate::temporal::Precision::Year;
    if by_years(a) && by_years(b) {
        YEARS_MAX_GAP_DAYS
    } else {
        SAME_EVENT_MAX_GAP_DAYS
    }
}

/// A claim by position: article index, claim index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    /// Index of the article.
    pub article: usize,
    /// Index of the claim in its article.
    pub claim: usize,
}

/// Two claims taken to be about the same event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pair {
    /// The earlier claim (by article, then position).
    pub a: ClaimRef,
    /// The later claim.
    pub b: ClaimRef,
}

impl Pair {
    /// Whether both claims come from one article.
    pub fn same_article(&self) -> bool {
        self.a.article == self.b.article
    }
}

/// How many topic entities an article has at most.
pub const TOPICS: usize = 2;

/// The topic entities of an article: the ones its claims name at least twice, most often first
/// (a surname and the full name count as one), at most [`TOPICS`]. Weak links (places, lone
/// unknown words), things and outlets are not topics: they do not tell one story from another.
pub fn topics(claims: &[Claim], lexicon: &Lexicon) -> Vec<String> {
    let mut counts: BTreeMap<String, (usize, usize, String)> = BTreeMap::new();
    let mut order = 0;
    // A number an event claim carries makes a count claim too; its names are the event's, not
    // a second mention of them.
    let carried: BTreeSet<crate::text::span::Span> = claims
        .iter()
        .filter(|c| c.event.predicate != crate::claim::COUNT)
        .flat_map(|c| c.quantities.iter().map(|q| q.span))
        .collect();
    let restated =
        |c: &Claim| c.event.predicate == crate::claim::COUNT && carried.contains(&c.event.span);
    // A date claim names what its clause names, mostly an event claim's names again.
    let date = |c: &Claim| c.event.predicate == crate::claim::DATE;
    for claim in claims
        .iter()
        .filter(|c| !c.is_attribute() && !restated(c) && !date(c))
    {
        let mut seen = BTreeSet::new();
        for p in &claim.participants {
            if !telling(&p.entity, lexicon) {
                continue;
            }
            let key = surname_key(&p.entity).to_string();
            if !seen.insert(key.clone()) {
                continue;
            }
            order += 1;
            let entry = counts.entry(key).or_insert((0, order, p.entity.clone()));
            entry.0 += 1;
            // The longest spelling names it.
            if p.entity.len() > entry.2.len() {
                entry.2 = p.entity.clone();
            }
        }
    }
    let mut ranked: Vec<(usize, usize, String)> =
        counts.into_values().filter(|(n, _, _)| *n >= 2).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(TOPICS)
        .map(|(_, _, id)| id)
        .collect()
}

/// Whether an entity can tell one story from another: not a weak link (a place, a lone unknown
/// word), a thing or an outlet.
fn telling(id: &str, lexicon: &Lexicon) -> bool {
    !(id.starts_with("outlet:")
        || lexicon.entity(id).map(|e| e.kind) == Some(crate::lexicon::EntityKind::Thing)
        || is_weak(id, lexicon))
}

/// The person or organization an article's headline names
/// (`pipeline::analyze::headline_names`), the most named first, when it is not among its
/// `topics` already. It ties the article's claims to others' as a topic does, so that a claim
/// of a story told by pronouns ("died Thursday at 91") meets its story's other tellings; it is
/// not one of the names the story's claims are about, which tell a name put in the wrong
/// place.
pub fn headline_topic(headline: &[String], topics: &[String], lexicon: &Lexicon) -> Option<String> {
    headline
        .iter()
        .find(|id| telling(id, lexicon))
        .filter(|id| {
            !topics
                .iter()
                .any(|t| same_entity(surname_key(t), surname_key(id)))
        })
        .cloned()
}

/// Whether two claims' dates cannot both hold.
pub fn dates_differ(a: &Claim, b: &Claim) -> bool {
    match (&a.time, &b.time) {
        (Some(x), Some(y)) => crate::claim::partial::times_conflict(x, y),
        _ => false,
    }
}

/// Whether two claims' counts of one unit cannot both hold.
pub fn counts_differ(a: &Claim, b: &Claim) -> bool {
    a.quantities.iter().any(|qa| {
        b.quantities.iter().any(|qb| {
            qa.unit.is_some() && qa.unit == qb.unit && !crate::grammar::number::compatible(qa, qb)
        })
    })
}

/// Whether `id` is a weak link between stories: a place (a country, a region or a city of the
/// lexicon), or a lone capitalized word the lexicon does not know ("Qeshm", "Richter"), which
/// is as often a place or a thing as a person. Full names and known people and organizations
/// are strong.
pub fn is_weak(id: &str, lexicon: &Lexicon) -> bool {
    match lexicon.entity(id).map(|e| e.kind) {
        Some(kind) => matches!(
            kind,
            crate::lexicon::EntityKind::Country | crate::lexicon::EntityKind::Place
        ),
        None => !id.contains(['-', '/']) && !id.starts_with("outlet:"),
    }
}

/// The entities a claim is matched on: its participants and its article's topics.
fn matched_entities<'a>(claim: &'a Claim, topics: &'a [String]) -> impl Iterator<Item = &'a str> {
    claim
        .participants
        .iter()
        .map(|p| p.entity.as_str())
        .chain(topics.iter().map(String::as_str))
}

/// The blocking keys of a claim.
fn keys(claim: &Claim, topics: &[String], lexicon: &Lexicon) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for entity in matched_entities(claim, topics) {
        for id in ancestors(entity, lexicon) {
            keys.insert(format!("{}|{}", claim.event.predicate, surname_key(id)));
        }
    }
    keys
}

/// A person id's surname ("joe-biden" → "biden"), so "Biden" and "Joe Biden" share a block.
fn surname_key(id: &str) -> &str {
    if id.contains('/') || id.starts_with("outlet:") {
        return id;
    }
    id.rsplit('-').next().unwrap_or(id)
}

/// `id` and the entities it belongs to ("russia/defense-ministry" → "russia").
pub fn ancestors<'a>(id: &'a str, lexicon: &'a Lexicon) -> Vec<&'a str> {
    let mut chain = lexicon.ancestors(id);
    if let Some((country, _)) = id.split_once('/') {
        for parent in lexicon.ancestors(country) {
            if !chain.contains(&parent) {
                chain.push(parent);
            }
        }
    }
    chain
}

/// Whether two person-or-entity ids may name the same entity: equal, one a bare surname of
/// the other ("biden" and "joe-biden"), or one name written two ways ([`one_name_two_ways`]:
/// "mark-heller" and "mark-jay-heller").
pub fn same_entity(a: &str, b: &str) -> bool {
    // Every way of being one entity below ends both ids alike: a cheap test first, since the
    // matcher asks this of most pairs of names it meets.
    if let (Some(x), Some(y)) = (a.as_bytes().last(), b.as_bytes().last()) {
        if x != y {
            return false;
        }
    }
    // `b` is "…-a": a full name ending in the bare surname `a`.
    let ends_in_surname = |full: &str, surname: &str| {
        !surname.contains('-')
            && full
                .strip_suffix(surname)
                .is_some_and(|head| head.ends_with('-'))
    };
    a == b
        || ends_in_surname(b, a)
        || ends_in_surname(a, b)
        || one_name_two_ways(a, b)
        || written_apart(a, b)
}

/// Whether two ids are one name written together and apart: "seamicro" / "sea-micro",
/// "tallgrass-distribution" / "tall-grass-distribution". Bodies of a country and outlets are
/// matched by their ids alone.
fn written_apart(a: &str, b: &str) -> bool {
    let plain = |id: &str| !id.contains('/') && !id.starts_with("outlet:");
    a.len() != b.len()
        && plain(a)
        && plain(b)
        && a.bytes()
            .filter(|&c| c != b'-')
            .eq(b.bytes().filter(|&c| c != b'-'))
}

/// Whether two claims are about the same event, their articles' topics aside.
pub fn same_event(a: &Claim, b: &Claim, lexicon: &Lexicon) -> bool {
    same_event_in_story(a, &[], b, &[], lexicon)
}

/// Whether two claims, of articles with topics `topics_a` and `topics_b`, are about the same
/// event: same predicate and object, a shared participant or topic, dates within a year, and
/// partial dates that do not disagree.
pub fn same_event_in_story(
    a: &Claim,
    topics_a: &[String],
    b: &Claim,
    topics_b: &[String],
    lexicon: &Lexicon,
) -> bool {
    let (links_a, links_b) = (Links::new(a, lexicon), Links::new(b, lexicon));
    let (story_a, story_b) = (
        Story::new(topics_a, None, lexicon),
        Story::new(topics_b, None, lexicon),
    );
    linked(
        a, &links_a, &story_a, b, &links_b, &story_b, None, None, false,
    )
}

/// The entities of a claim's own clause the matcher compares, and the words of its descriptor
/// and sentence, worked out once per claim rather than once per pair it meets (the words when
/// first asked for: most claims are no count or date).
struct Links<'a> {
    /// Every participant with the entities it belongs to.
    own: Vec<&'a str>,
    /// The strong ones among `own` (see [`is_weak`]).
    own_strong: Vec<&'a str>,
    /// The people and organizations the clause names, with what they belong to.
    people: Vec<&'a str>,
    /// The claim.
    claim: &'a Claim,
    /// Its descriptor split (`claim::extract::Descriptor`).
    descriptor: OnceCell<Descriptor<'a>>,
    /// A date or count claim's sentence words (`ValueSentence`).
    sentence: OnceCell<Option<ValueSentence<'a>>>,
}

impl<'a> Links<'a> {
    fn new(claim: &'a Claim, lexicon: &'a Lexicon) -> Links<'a> {
        let mut own = Vec::new();
        let mut people = Vec::new();
        for p in &claim.participants {
            let chain = ancestors(&p.entity, lexicon);
            if !is_weak(&p.entity, lexicon) {
                people.extend(chain.iter().copied());
            }
            own.extend(chain);
        }
        let own_strong = strong_only(&own, lexicon);
        Links {
            own,
            own_strong,
            people,
            claim,
            descriptor: OnceCell::new(),
            sentence: OnceCell::new(),
        }
    }

    /// The claim's descriptor, split.
    fn descriptor(&self) -> &Descriptor<'a> {
        self.descriptor
            .get_or_init(|| Descriptor::of(near_words(self.claim)))
    }

    /// The claim's sentence words, for a date or count claim.
    fn sentence(&self) -> Option<&ValueSentence<'a>> {
        self.sentence
            .get_or_init(|| ValueSentence::of(self.claim))
            .as_ref()
    }
}

/// The strong ones among `ids` (see [`is_weak`]).
fn strong_only<'a>(ids: &[&'a str], lexicon: &Lexicon) -> Vec<&'a str> {
    ids.iter()
        .copied()
        .filter(|x| !is_weak(x, lexicon))
        .collect()
}

/// An article's topics as the matcher compares them, worked out once per article.
#[derive(Default)]
struct Story<'a> {
    /// The topics as they are.
    topics: Vec<&'a str>,
    /// The topics with the entities they belong to.
    expanded: Vec<&'a str>,
    /// The strong ones among `expanded`.
    expanded_strong: Vec<&'a str>,
    /// The person or organization the headline names besides the topics
    /// ([`headline_topic`]), with what it belongs to.
    headline: Vec<&'a str>,
    /// The strong ones among `headline`.
    headline_strong: Vec<&'a str>,
}

impl<'a> Story<'a> {
    /// The story of an article with `topics` and, besides them, the person or organization its
    /// headline names ([`headline_topic`]).
    fn new(topics: &'a [String], headline: Option<&'a str>, lexicon: &'a Lexicon) -> Story<'a> {
        let topics: Vec<&str> = topics.iter().map(String::as_str).collect();
        let expanded: Vec<&str> = topics
            .iter()
            .flat_map(|id| ancestors(id, lexicon))
            .collect();
        let headline: Vec<&str> = headline
            .into_iter()
            .flat_map(|id| ancestors(id, lexicon))
            .collect();
        Story {
            expanded_strong: strong_only(&expanded, lexicon),
            headline_strong: strong_only(&headline, lexicon),
            topics,
            expanded,
            headline,
        }
    }

    /// The entities of the story a claim of it with `links` is matched on: the topics, and the
    /// headline's name when the claim names no person or organization of its own ("died
    /// Thursday at 91" of an obituary). A claim naming someone else is about them: in a
    /// round-up of games, the headline's player is one story of many.
    fn linking<'s>(&'s self, links: &Links<'_>) -> impl Iterator<Item = &'s &'a str> + Clone {
        let headline: &[&str] = if links.people.is_empty() {
            &self.headline
        } else {
            &[]
        };
        self.expanded.iter().chain(headline)
    }

    /// The strong ones of [`Story::linking`].
    fn linking_strong<'s>(&'s self, links: &Links<'_>) -> impl Iterator<Item = &'s &'a str> {
        let headline: &[&str] = if links.people.is_empty() {
            &self.headline_strong
        } else {
            &[]
        };
        self.expanded_strong.iter().chain(headline)
    }
}

/// [`same_event_in_story`] on links worked out beforehand. `articles_name_alike`: the two
/// claims' articles are set in one year (or neither in a known one) and name a person or
/// organization in common somewhere, which ties two counts [`same_descriptor`].
#[allow(clippy::too_many_arguments)]
fn linked(
    a: &Claim,
    links_a: &Links<'_>,
    story_a: &Story<'_>,
    b: &Claim,
    links_b: &Links<'_>,
    story_b: &Story<'_>,
    weights: Option<&SentenceWords>,
    count_weights: Option<&SentenceWords>,
    articles_name_alike: bool,
) -> bool {
    if a.event.predicate != b.event.predicate {
        return false;
    }
    let count = a.event.predicate == crate::claim::COUNT;
    let date = a.event.predicate == crate::claim::DATE;
    if let (Some(x), Some(y)) = (&a.object, &b.object) {
        if !count && !date && x != y {
            return false;
        }
    }
    // Everything a claim is matched on: its clause's entities and its article's topics.
    let ids_b = links_b.own.iter().chain(story_b.linking(links_b));
    let shares = |x: &&str| ids_b.clone().any(|y| same_entity(x, y));
    let entity_link = links_a
        .own
        .iter()
        .chain(story_a.linking(links_a))
        .any(shares);
    // Two counts with no entity in common are still one statistic when the words around their
    // numbers say so in as many words as a link by the story asks ("reached speeds of 120
    // mph" on a highway; "60 percent greater color gamut"): a quake or a product story often
    // names no person, so its articles have no topics to meet through.
    // Two dates whose sentences are alike in words few articles use are one fact's however
    // the outlets name (or do not name) who was involved.
    let unlinked_dates_alike = || {
        date && a.article != b.article
            && weights.is_some_and(|w| w.alike_links(links_a, links_b) >= w.need_unlinked())
    };
    let words_shared = || links_a.descriptor().words_shared(links_b.descriptor());
    // Two counts described in the same words ("three machine guns", "a depth of 2.7 miles")
    // are one statistic when their articles tell one story: set in one year, naming a person
    // or organization in common somewhere, though neither's topics nor clause name it.
    let same_words_by_articles = || count && articles_name_alike && same_descriptor(a, b);
    // Two counts stated beside one telling figure ("41 receptions for 712 yards and seven
    // touchdowns" / "41 catches for 712 yards ...") are one line of figures restated, however
    // each outlet words what the count is of, when their articles tell one story.
    let beside = count && (entity_link || articles_name_alike) && beside_one_figure(a, b);
    // Two counts tied by an entity whose words say what they count alike in two words, fewer
    // than a link by the story asks, are one statistic when they also stand beside one figure,
    // however small ("seven villages and killing 10 people" in both): one story's other
    // statistics read alike in two words, but seldom beside the same figure too.
    let worded_beside =
        count && entity_link && words_shared() >= COUNT_SHARED_WORDS && beside_any_figure(a, b);
    // Two counts of one unit in sentences alike in words few articles' counts use ("1,300
    // biologists and three scientific societies representing some 20,000 scientists sent
    // letters") are one statistic told again, as two dates are: outlets word the few words
    // around a number differently more often than the sentence that carries it.
    let count_sentences = || {
        if count && a.article != b.article {
            count_weights.map_or(0.0, |w| w.alike_links(links_a, links_b))
        } else {
            0.0
        }
    };
    let unlinked_counts_alike =
        || count_weights.is_some_and(|w| count_sentences() >= w.need_unlinked());
    // Two claims of one event word stating one telling figure ("a 4.7 quake", "killed 1,200
    // people") are one event's tellings: a quake or a disaster story often names only places,
    // which tie nothing. Not when one names people and the other, naming no one, is of a story
    // about someone else: in a round-up of games under one player's headline, another
    // player's 17 points are not his.
    let story_fits = |own: &Links<'_>, other: &Links<'_>, other_story: &Story<'_>| {
        own.people.is_empty()
            || !other.people.is_empty()
            || other_story.linking(other).next().is_none()
            || other_story
                .linking(other)
                .any(|y| own.people.iter().any(|x| same_entity(x, y)))
    };
    let figure_link = !date
        && !count
        && story_fits(links_a, links_b, story_b)
        && story_fits(links_b, links_a, story_a)
        && share_telling_quantity(a, b);
    if !(entity_link
        || figure_link
        || (count && words_shared() >= COUNT_SHARED_WORDS_BY_STORY)
        || unlinked_counts_alike()
        || beside
        || same_words_by_articles()
        || unlinked_dates_alike())
    {
        return false;
    }
    // People and organizations named in the clauses tell events apart; places do not. Two
    // claims that both name people, none in common, are look-alike events.
    let (people_a, people_b) = (&links_a.people[..], &links_b.people[..]);
    let meets = |xs: &[&str], ys: &[&str]| {
        xs.iter().any(|x| {
            ys.iter()
                .any(|y| same_entity(surname_key(x), surname_key(y)) || same_entity(x, y))
        })
    };
    let (topics_a, topics_b) = (&story_a.topics[..], &story_b.topics[..]);
    // ... unless one side's people are the other article's own story: a name put in the wrong
    // place, which is for the rules to report.
    if !people_a.is_empty()
        && !people_b.is_empty()
        && !meets(people_a, people_b)
        && !meets(people_a, topics_b)
        && !meets(people_b, topics_a)
    {
        return false;
    }
    // A count has no event word to tell what it counts: the words around its number must,
    // more of them when no one named in both clauses ties the two counts together.
    if count {
        let need = if meets(people_a, people_b) {
            COUNT_SHARED_WORDS
        } else {
            COUNT_SHARED_WORDS_BY_STORY
        };
        let (x, y) = (near_words(a), near_words(b));
        // A count with nothing around it but its unit ("52% with Egypt", "11 Yemenis") says
        // what it counts by what its clause names: two such counts of one unit naming the same
        // thing count it alike. A name inside the counted phrase ("three USB ports", "46 KOs")
        // or right before its number ("USB 2.0 ports": a version) is the counted thing itself,
        // not what it is of.
        fn outside(c: &Claim) -> Vec<&str> {
            c.participants
                .iter()
                .filter(|p| {
                    c.quantities.iter().all(|q| {
                        let right_before =
                            p.span.end <= q.span.start && q.span.start - p.span.end <= 1;
                        !(q.span.overlaps(p.span) || right_before)
                    })
                })
                .map(|p| p.entity.as_str())
                .collect()
        }
        let bare_alike = crate::claim::extract::bare_count(x) && x == y && {
            let names_b = outside(b);
            outside(a)
                .iter()
                .any(|p| names_b.iter().any(|q| same_entity(p, q)))
        };
        let sentences_alike =
            count_weights.is_some_and(|w| count_sentences() >= w.need(meets(people_a, people_b)));
        if !bare_alike
            && !sentences_alike
            && !beside
            && !worded_beside
            && !links_a
                .descriptor()
                .counts_alike(links_b.descriptor(), need)
        {
            return false;
        }
    }
    // A date has no event word to tell what it dates: the words around it must, as for counts,
    // and always as many (a single shared word, "date placed", dates too many things alike).
    // Dates described alike in as many words as a story link asks are one date: the day is
    // the detail in question, as a count's value is, so the weak-link rule below does not
    // split them.
    let mut described_alike = false;
    if date {
        let need = if meets(people_a, people_b) {
            DATE_SHARED_WORDS
        } else {
            DATE_SHARED_WORDS_BY_STORY
        };
        let shared = words_shared();
        let sentences_alike = || {
            weights.is_some_and(|w| {
                a.article != b.article
                    && w.alike_links(links_a, links_b) >= w.need(meets(people_a, people_b))
            })
        };
        // Two articles' lead dates, in sentences of one event word and clauses naming someone
        // in common, date the news both open with, however differently they word it.
        let leads = meets(people_a, people_b) && weights.is_some_and(|w| w.leads_alike(a, b));
        let alike = sentences_alike() || leads;
        if shared < need && !alike {
            return false;
        }
        described_alike = shared >= DATE_SHARED_WORDS_BY_STORY || alike;
    }
    // Counts are statistics of whoever their clause names: two players' yards are two facts
    // even in one story, so a count naming people meets only a count naming one of them, or
    // naming nobody in an article whose story is one of them ("he had 404 yards").
    if count {
        let fits = |own: &[&str], other: &[&str], other_topics: &[&str]| {
            own.is_empty()
                || if other.is_empty() {
                    meets(own, other_topics)
                } else {
                    meets(own, other)
                }
        };
        if !fits(people_a, people_b, topics_b) || !fits(people_b, people_a, topics_a) {
            return false;
        }
    }
    // Linked by a place or by the story alone (a country acting on both sides, or a person of
    // one clause who is the other's story, is more), two claims whose dates or counts differ are two events there.
    // A link is as strong as its weaker end: "Aceh" of one clause and "Central Aceh" of the
    // other are one place, however unknown the longer name.
    let strong_link = |own: &Links<'_>, other: &Links<'_>, story: &Story<'_>| {
        own.own_strong.iter().any(|x| {
            other
                .own_strong
                .iter()
                .chain(story.linking_strong(other))
                .any(|y| same_entity(x, y))
        })
    };
    let strong = strong_link(links_a, links_b, story_b)
        || strong_link(links_b, links_a, story_a)
        || a.participants.iter().any(|p| {
            p.role == crate::claim::Role::Agent
                && b.participants
                    .iter()
                    .any(|q| q.role == crate::claim::Role::Agent && q.entity == p.entity)
        })
        || figure_link;
    let (dates, counts) = (dates_differ(a, b), counts_differ(a, b));
    // Two tellings of one event word whose days lie a few days apart, stated in sentences alike
    // in words few articles use (`SentenceWords::event_alike`), are one event with a misreported
    // day, however weak the link: look-alike events of one place are told in other words.
    let days_near = || {
        !date
            && !count
            && dates
            && !counts
            && a.article != b.article
            && days_apart_within(a, b, NEAR_DAYS)
            && weights.is_some_and(|w| w.event_alike(a, b) >= NEAR_DAYS_SENTENCE_WEIGHT)
    };
    // Counts that say what they count alike are one statistic, whose value is the detail in
    // question.
    if !strong && !count && !described_alike && (dates || counts) && !days_near() {
        return false;
    }
    // Two details that differ at once, the day and a count, tell of two events of one actor
    // (a navy's two piracy incidents, a player's two injuries), however strong the link: one
    // misreported detail is far likelier than two.
    if dates && counts {
        return false;
    }
    if let (Some(ia), Some(ib)) = (
        a.time.as_ref().and_then(|t| t.interval),
        b.time.as_ref().and_then(|t| t.interval),
    ) {
        if ia.gap_days(&ib) > max_gap_days(&ia, &ib) {
            return false;
        }
    }
    true
}

/// The blocks of an event claim by the telling figures it states ([`share_telling_quantity`]):
/// a quake's magnitude ties its tellings where its stories name no person or organization.
fn figure_keys(claim: &Claim) -> Vec<String> {
    let predicate = claim.event.predicate.as_str();
    if predicate == crate::claim::COUNT || predicate == crate::claim::DATE {
        return Vec::new();
    }
    claim
        .quantities
        .iter()
        .filter(|q| telling_quantity(q))
        .map(|q| {
            let unit = q.unit.as_deref().unwrap_or_default();
            format!("{predicate}|={}|{:?}|{unit}", q.value, q.bound)
        })
        .collect()
}

/// Whether a quantity of a unit is a telling figure ([`telling_value`]).
fn telling_quantity(q: &crate::claim::Quantity) -> bool {
    q.unit.is_some() && telling_value(q.value)
}

/// Whether a value alone tells a sentence from others of its story: not a whole number from 0
/// to [`SMALL_FIGURE`].
fn telling_value(v: f64) -> bool {
    v.fract() != 0.0 || !(0.0..=SMALL_FIGURE).contains(&v)
}

/// Whether two claims of one event word state one telling figure of one unit (a quake's
/// "4.7 magnitude", "killed 1,200 people"; `Figure::telling`): a figure no small count of a
/// story's sentences comes to by chance, so a link by a place or the story that such a figure
/// backs is as strong as a name: a date that then differs is one event's misreported day.
fn share_telling_quantity(a: &Claim, b: &Claim) -> bool {
    a.article != b.article
        && a.quantities.iter().any(|qa| {
            telling_quantity(qa)
                && b.quantities
                    .iter()
                    .any(|qb| qb.unit == qa.unit && qb.value == qa.value && qb.bound == qa.bound)
        })
}

/// Days apart within which two days of one event word, linked only by a place or their
/// stories, may be one misreported day (a weekday stated wrong lies within a week).
pub const NEAR_DAYS: i64 = 7;

/// The weight of shared sentence words (`SentenceWords::event_alike`) two claims of one event word
/// linked only by a place or their stories need for days up to [`NEAR_DAYS`] apart to be one
/// event's.
pub const NEAR_DAYS_SENTENCE_WEIGHT: f64 = 0.2;

/// Whether two claims state days from two to `days` apart: by their intervals, both stated to
/// the day, or by their weekdays when neither has a year. A day apart is not a misreport across
/// a weak link: outlets in other time zones, or writing before and after a midnight, date one
/// night's event a day apart.
fn days_apart_within(a: &Claim, b: &Claim, days: i64) -> bool {
    let (Some(x), Some(y)) = (&a.time, &b.time) else {
        return false;
    };
    match (x.interval, y.interval) {
        (Some(ix), Some(iy)) => {
            let by_day =
                |i: &crate::temporal::Interval| i.precision == crate::temporal::Precision::Day;
            let gap = ix.gap_days(&iy);
            by_day(&ix) && by_day(&iy) && (2..=days).contains(&gap)
        }
        (None, None) => {
            let (p, q) = (
                crate::claim::partial::PartialValue::of(x),
                crate::claim::partial::PartialValue::of(y),
            );
            match (p.weekday, q.weekday) {
                (Some(d), Some(e)) => {
                    let apart = d.abs_diff(e);
                    apart.min(7 - apart) >= 2
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether two claims' descriptors are the same words, with one besides the unit, a number's
/// scale ("million") left out: what a count says it counts, said alike ("gun machine" of
/// "three machine guns" in both).
pub fn same_descriptor(a: &Claim, b: &Claim) -> bool {
    let words = |c: &Claim| -> Vec<String> {
        near_words(c)
            .split(' ')
            .filter(|w| !w.is_empty() && !crate::grammar::number::is_scale(w))
            .map(crate::claim::extract::word_form)
            .collect()
    };
    let wa = words(a);
    wa.len() >= 2 && wa == words(b)
}

/// How many words the descriptors of two claims (a count's, a date's: `claim::extract`) share
/// besides their unit: what ties two counts or two dates that no event word carries.
pub fn words_shared(a: &Claim, b: &Claim) -> usize {
    crate::claim::extract::count_words_shared(near_words(a), near_words(b))
}

/// A claim's descriptor (a count's, a date's): its object.
fn near_words(c: &Claim) -> &str {
    c.object.as_deref().unwrap_or("")
}

/// A date or count claim's place among its sentence's values of its kind ("1/2") and its
/// sentence's words (`Claim::sentence_words`).
fn sentence_of(c: &Claim) -> Option<(&str, Vec<&str>)> {
    let mut words = c.sentence_words.as_deref()?.split_whitespace();
    let place = words.next()?;
    Some((place, words.collect()))
}

/// How rare the words of date claims' sentences (or count claims': one of these per kind of
/// value) are across the articles being checked: a word few articles' dated sentences use
/// ("rampage", "trustees") tells which fact a date is of better than one every article of a
/// story uses ("quake", "police"), and so for counts. Worked out once per run, from the run's
/// own articles.
pub struct SentenceWords {
    /// The predicate of the claims counted: [`crate::claim::DATE`] or [`crate::claim::COUNT`].
    predicate: &'static str,
    /// In how many articles' date claims each word is.
    articles_with: BTreeMap<String, usize>,
    /// How many articles have a date claim.
    articles: usize,
    /// Each date claim, by its article and where its date starts: the sentence an event
    /// claim's date is stated in.
    dated: BTreeMap<(String, usize), Claim>,
    /// How many claims of the predicate each sentence holds, by article and sentence start.
    per_sentence: BTreeMap<(String, usize), usize>,
    /// Each article's lead claim ([`SentenceWords::leads_alike`]), by article and where its
    /// date starts.
    leads: BTreeSet<(String, usize)>,
    /// The event words of each sentence's event claims, by article and sentence start.
    events: BTreeMap<(String, usize), BTreeSet<String>>,
}

/// The weight of shared sentence words two date claims need when a person or organization
/// named in both clauses ties them (`SentenceWords::alike`). A word in two of 789 articles weighs
/// 0.80, in 10 0.43, in 50 (a story's own words) 0.17, in 200 0.04.
pub const DATE_SENTENCE_WEIGHT: f64 = 0.4;

/// The weight two date claims tied only by a place or their stories need.
pub const DATE_SENTENCE_WEIGHT_BY_STORY: f64 = 0.6;

/// The weight two date claims with no entity in common need.
pub const DATE_SENTENCE_WEIGHT_UNLINKED: f64 = 0.9;

/// The weight two dates whose own words share nothing, each its sentence's only date, need
/// beyond what dates described alike need (`SentenceWords::alike`): one story's sentences share
/// its rare words, and a sentence with a date in it is as often about another of its facts
/// ("police said Friday", "the rescue on Sunday"). Measured at 0, 0.2 and 0.4 (docs/engine.md,
/// "Dates alone in their sentences").
pub const DATE_ALONE_EXTRA_WEIGHT: f64 = 0.2;

/// The weight of shared sentence words two count claims of one unit need when a person or
/// organization named in both clauses ties them (`SentenceWords::alike`, over count claims'
/// sentences): less than two dates need, since two counts must also be of one unit and stand
/// at the same place among their sentences' counts of it.
pub const COUNT_SENTENCE_WEIGHT: f64 = 0.3;

/// The weight two count claims tied only by a place or their stories need.
pub const COUNT_SENTENCE_WEIGHT_BY_STORY: f64 = 0.45;

/// The weight two count claims with no entity in common need.
pub const COUNT_SENTENCE_WEIGHT_UNLINKED: f64 = 0.5;

/// Fewest words (`Claim::sentence_words`) the sentence of an article's lead date has
/// ([`SentenceWords::leads_alike`]): a dateline ("May 2, 2013 1:35 pm") has fewer.
pub const LEAD_WORDS: usize = 4;

/// How many of its sentence's rarest words a date claim is filed under.
pub const DATE_KEY_WORDS: usize = 6;

impl SentenceWords {
    /// The word counts of the claims of `predicate` ([`crate::claim::DATE`] or
    /// [`crate::claim::COUNT`]) of `claims` (one list per article).
    pub fn of(claims: &[Vec<Claim>], predicate: &'static str) -> SentenceWords {
        let mut articles_with: BTreeMap<String, usize> = BTreeMap::new();
        let mut articles = 0;
        let mut dated = BTreeMap::new();
        let mut per_sentence: BTreeMap<(String, usize), usize> = BTreeMap::new();
        for article in claims {
            for c in article.iter().filter(|c| c.event.predicate == predicate) {
                if let Some(t) = &c.time {
                    dated.insert((c.article.clone(), t.span.start), c.clone());
                }
                *per_sentence
                    .entry((c.article.clone(), c.sentence.start))
                    .or_default() += 1;
            }
            let words: BTreeSet<&str> = article
                .iter()
                .filter(|c| c.event.predicate == predicate)
                .filter_map(sentence_of)
                .flat_map(|(_, words)| words)
                .collect();
            if article.iter().any(|c| c.event.predicate == predicate) {
                articles += 1;
            }
            for w in words {
                *articles_with.entry(w.to_string()).or_default() += 1;
            }
        }
        // Lead dates and the event words of their sentences: only dates are met by them.
        let dates = predicate == crate::claim::DATE;
        let leads = claims
            .iter()
            .filter(|_| dates)
            .filter_map(|article| {
                article
                    .iter()
                    .filter(|c| c.event.predicate == predicate)
                    .filter(|c| sentence_of(c).is_some_and(|(_, w)| w.len() >= LEAD_WORDS))
                    .filter_map(|c| Some((c.article.clone(), c.time.as_ref()?.span.start)))
                    .min_by_key(|(_, start)| *start)
            })
            .collect();
        let mut events: BTreeMap<(String, usize), BTreeSet<String>> = BTreeMap::new();
        for c in claims.iter().flatten().filter(|c| {
            dates
                && c.event.predicate != crate::claim::DATE
                && c.event.predicate != crate::claim::COUNT
                && !c.is_attribute()
        }) {
            events
                .entry((c.article.clone(), c.sentence.start))
                .or_default()
                .insert(c.event.predicate.clone());
        }
        SentenceWords {
            predicate,
            articles_with,
            articles,
            dated,
            per_sentence,
            leads,
            events,
        }
    }

    /// Whether two date claims of two articles are each its article's lead date, of one kind
    /// and written as calendar dates, in sentences that tell one event word: the day or year
    /// of the news each article opens with. An article's first date in a sentence of
    /// [`LEAD_WORDS`] words or more (a dateline has fewer) is mostly the news itself ("The
    /// navy on Saturday foiled ..."), which every outlet states and words its own way. The
    /// matcher asks a person or organization named in both clauses too: a follow-up opens
    /// with another day of the same story ("charged Saturday", "was let go Thursday").
    pub fn leads_alike(&self, a: &Claim, b: &Claim) -> bool {
        let lead = |c: &Claim| {
            c.time
                .as_ref()
                .is_some_and(|t| self.leads.contains(&(c.article.clone(), t.span.start)))
                && crate::claim::extract::written_as_calendar_date(&c.event.trigger)
        };
        let events = |c: &Claim| self.events.get(&(c.article.clone(), c.sentence.start));
        a.article != b.article
            && lead(a)
            && lead(b)
            && same_kind(a, b)
            && events(a)
                .zip(events(b))
                .is_some_and(|(x, y)| !x.is_disjoint(y))
    }

    /// How alike the sentences two event claims' dates are stated in are: [`SentenceWords::alike`]
    /// of the date claims of their dates, 0 when either has none.
    pub fn event_alike(&self, a: &Claim, b: &Claim) -> f64 {
        let of = |c: &Claim| -> Option<&Claim> {
            let t = c.time.as_ref()?;
            self.dated.get(&(c.article.clone(), t.span.start))
        };
        match (of(a), of(b)) {
            (Some(x), Some(y)) => self.alike(x, y),
            _ => 0.0,
        }
    }

    /// A word's weight, from 1 (in one article's dated sentences) down toward 0 (in all).
    fn weight(&self, word: &str) -> f64 {
        let n = self.articles as f64 + 1.0;
        let df = self.articles_with.get(word).copied().unwrap_or(1).max(1) as f64;
        let idf = (n / df).ln() / n.ln();
        idf.clamp(0.0, 1.0).powi(2)
    }

    /// The weight of the sentence words two date claims share, 0 unless they state dates of
    /// one kind (a year and a year, a day and a day) in the same place among their sentences'
    /// dates, and share at least two words. For count claims, counts of one unit in the same
    /// place among their sentences' counts of it, the unit and scale words ("million") not
    /// counted.
    pub fn alike(&self, a: &Claim, b: &Claim) -> f64 {
        match (ValueSentence::of(a), ValueSentence::of(b)) {
            (Some(x), Some(y)) => self.sentences_alike(a, &x, b, &y),
            _ => 0.0,
        }
    }

    /// [`SentenceWords::alike`] of two claims whose sentences are split already.
    fn alike_links(&self, a: &Links<'_>, b: &Links<'_>) -> f64 {
        match (a.sentence(), b.sentence()) {
            (Some(x), Some(y)) => self.sentences_alike(a.claim, x, b.claim, y),
            _ => 0.0,
        }
    }

    /// [`SentenceWords::alike`] of two date claims and their sentences.
    fn sentences_alike(
        &self,
        a: &Claim,
        sentence_a: &ValueSentence<'_>,
        b: &Claim,
        sentence_b: &ValueSentence<'_>,
    ) -> f64 {
        let counted = self.predicate == crate::claim::COUNT;
        let kind_alike = if counted {
            fn unit(c: &Claim) -> Option<&str> {
                c.quantities.first().and_then(|q| q.unit.as_deref())
            }
            unit(a).is_some() && unit(a) == unit(b)
        } else {
            same_kind(a, b)
        };
        if sentence_a.place != sentence_b.place || !kind_alike {
            return 0.0;
        }
        // A count's own unit and a number's scale ("million") say nothing of what is counted:
        // they tie the counts of one unit of a whole story.
        let unit = a
            .quantities
            .first()
            .and_then(|q| q.unit.as_deref())
            .unwrap_or("");
        let telling = |w: &str| {
            !counted
                || !(crate::grammar::number::is_scale(w)
                    || (!unit.is_empty() && (unit.starts_with(w) || w.starts_with(unit))))
        };
        // A count with no word of its own beside its unit ("(34 miles)", "46 KOs") says what it
        // counts by its sentence alone.
        let bare = |x: &ValueSentence<'_>| x.near_stems.iter().all(|w| !telling(w));
        // Two dates, each its sentence's only one and written as a calendar date, are the dates
        // of what their sentences tell, however the words right beside them differ ("blasted
        // Rahman ... on Saturday night" / "a knockout of Rahman Saturday night"): the sentences'
        // rare words alone must tie them, by [`DATE_ALONE_EXTRA_WEIGHT`] more.
        let alone = |c: &Claim| {
            self.per_sentence
                .get(&(c.article.clone(), c.sentence.start))
                .is_some_and(|&n| n == 1)
                && crate::claim::extract::written_as_calendar_date(&c.event.trigger)
        };
        let by_words = (!counted && (sentence_a.in_range() || sentence_b.in_range()))
            || (counted && (bare(sentence_a) || bare(sentence_b)))
            || sentence_a
                .near_stems
                .iter()
                .filter(|w| telling(w))
                .any(|w| sentence_b.near_stems.contains(w));
        let by_sentence = !by_words && !counted && alone(a) && alone(b);
        if !by_words && !by_sentence {
            return 0.0;
        }
        let shared: Vec<&&str> = sentence_a
            .words
            .iter()
            .filter(|w| telling(w))
            .filter(|w| sentence_b.sorted.binary_search(w).is_ok())
            .collect();
        if shared.len() < 2 {
            return 0.0;
        }
        let weight: f64 = shared.iter().map(|w| self.weight(w)).sum();
        if by_sentence {
            return (weight - DATE_ALONE_EXTRA_WEIGHT).max(0.0);
        }
        weight
    }

    /// The weight [`SentenceWords::alike`] must reach: less when someone named in both clauses
    /// ties the two dates.
    pub fn need(&self, tied_by_people: bool) -> f64 {
        match (self.predicate == crate::claim::COUNT, tied_by_people) {
            (false, true) => DATE_SENTENCE_WEIGHT,
            (false, false) => DATE_SENTENCE_WEIGHT_BY_STORY,
            (true, true) => COUNT_SENTENCE_WEIGHT,
            (true, false) => COUNT_SENTENCE_WEIGHT_BY_STORY,
        }
    }

    /// The weight two date claims with no entity link need.
    pub fn need_unlinked(&self) -> f64 {
        if self.predicate == crate::claim::COUNT {
            COUNT_SENTENCE_WEIGHT_UNLINKED
        } else {
            DATE_SENTENCE_WEIGHT_UNLINKED
        }
    }

    /// Blocking keys of a date claim by the rarest words of its sentence that another article
    /// uses too (`date|~place|word`), so date claims whose clauses and stories share no entity
    /// can still meet by their words.
    fn keys(&self, claim: &Claim) -> Vec<String> {
        if claim.event.predicate != self.predicate {
            return Vec::new();
        }
        let Some((place, words)) = sentence_of(claim) else {
            return Vec::new();
        };
        let mut rare: Vec<(usize, &str)> = words
            .into_iter()
            .filter_map(|w| {
                let n = self.articles_with.get(w).copied().unwrap_or(0);
                (n >= 2).then_some((n, w))
            })
            .collect();
        rare.sort_unstable();
        rare.into_iter()
            .take(DATE_KEY_WORDS)
            .map(|(_, w)| format!("{}|~{place}|{w}", self.predicate))
            .collect()
    }
}

/// A date or count claim's sentence as [`SentenceWords::alike`] compares it, split once.
struct ValueSentence<'a> {
    /// The value's place among its sentence's values of its kind ("1/2").
    place: &'a str,
    /// The sentence's words (`Claim::sentence_words`), in text order.
    words: Vec<&'a str>,
    /// The same, sorted, to be searched.
    sorted: Vec<&'a str>,
    /// How many words the claim's descriptor has.
    descriptor_words: usize,
    /// The stems of the descriptor's words (the words nearest the date) of three letters or
    /// more (`claim::extract::light_stem`: "sentenced" and "sentence", "serving" and
    /// "served"). Two dates are of one fact only when these share one, or one of them is the
    /// second date of a range, or each is its sentence's only date, written as a calendar date:
    /// sentences of one story share its words, and a date among others whose own words differ
    /// from another's is mostly another fact of it ("placed on injured reserve Tuesday" and "an
    /// injury during Sunday's finale").
    near_stems: Vec<String>,
}

impl<'a> ValueSentence<'a> {
    /// The sentence of a date claim; `None` for a claim without one (no date claim).
    fn of(claim: &'a Claim) -> Option<ValueSentence<'a>> {
        let (place, words) = sentence_of(claim)?;
        let mut sorted = words.clone();
        sorted.sort_unstable();
        let near_stems = near_words(claim)
            .split(' ')
            .skip(1)
            .filter(|w| w.len() > 2)
            .map(crate::claim::extract::light_stem)
            .collect();
        Some(ValueSentence {
            place,
            words,
            sorted,
            descriptor_words: near_words(claim).split(' ').count(),
            near_stems,
        })
    }

    /// Whether the date is a range's second ("from 1990 to 1991"), which has no words of its
    /// own beside the first: its place in the range tells what it dates.
    fn in_range(&self) -> bool {
        self.descriptor_words < 2 && !self.place.ends_with("/1")
    }
}

/// Whether two claims state dates of one kind: both a year, both a month, both a day, a time
/// of day, a season or a weekday of no known year, by how finely they are stated.
fn same_kind(a: &Claim, b: &Claim) -> bool {
    let kind = |c: &Claim| {
        c.time.as_ref().map(|t| {
            let resolved = t.interval.map(|i| i.precision);
            (resolved, t.value.contains('W'), t.value.len().min(10))
        })
    };
    match (kind(a), kind(b)) {
        (Some((Some(x), _, _)), Some((Some(y), _, _))) => x == y,
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Blocking keys of a count claim by the words of its descriptor, in the form they are compared
/// by (`count|#unit|form`: `claim::extract::word_form`), so
/// counts whose clauses and stories share no entity can still meet by their words.
fn word_keys(claim: &Claim) -> Vec<String> {
    if claim.event.predicate != crate::claim::COUNT {
        return Vec::new();
    }
    let mut words = claim.object.as_deref().unwrap_or("").split(' ');
    let Some(unit) = words.next() else {
        return Vec::new();
    };
    words
        .map(|w| {
            format!(
                "{}|#{unit}|{}",
                crate::claim::COUNT,
                crate::claim::extract::word_form(w)
            )
        })
        .chain(figures(claim).filter(|f| f.telling()).map(|f| {
            format!(
                "{}|#{unit}|={}|{}|{}",
                crate::claim::COUNT,
                f.place,
                f.value,
                f.unit
            )
        }))
        .collect()
}

/// One other figure of a count claim's sentence (`claim::extract::figures_beside`).
#[derive(PartialEq, Eq)]
struct Figure<'a> {
    /// How many figures after the count it stands (negative: before).
    place: &'a str,
    /// Its value as written by the extractor.
    value: &'a str,
    /// Its unit, `-` when it has none.
    unit: &'a str,
}

impl Figure<'_> {
    /// Whether the figure alone tells a sentence from others of its story: not a whole number
    /// up to [`SMALL_FIGURE`], which one story's sentences state by the dozen ("two
    /// touchdowns", "three people").
    fn telling(&self) -> bool {
        self.value.parse::<f64>().is_ok_and(telling_value)
    }
}

/// The largest whole number that is no telling figure beside a count (`Figure::telling`).
pub const SMALL_FIGURE: f64 = 12.0;

/// The other figures of a count claim's sentence.
fn figures(claim: &Claim) -> impl Iterator<Item = Figure<'_>> {
    let context = if claim.event.predicate == crate::claim::COUNT {
        claim.context.as_deref().unwrap_or("")
    } else {
        ""
    };
    context.split(' ').filter_map(|f| {
        let mut parts = f.splitn(3, '|');
        Some(Figure {
            place: parts.next()?,
            value: parts.next()?,
            unit: parts.next()?,
        })
    })
}

/// Whether two count claims of two articles are stated beside one figure: each sentence states
/// another figure of the same value and unit at the same place from the count ("41 catches for
/// 712 yards" / "41 receptions for 712 yards"), a telling one (`Figure::telling`). A line of
/// figures restated by another outlet keeps its other figures where they stood; one story's
/// other statistics seldom share one.
pub fn beside_one_figure(a: &Claim, b: &Claim) -> bool {
    beside_a_figure_that(a, b, |f| f.telling())
}

/// Whether two count claims of two articles are stated beside one figure of any size, small
/// ones too ("flattening seven villages and killing 10 people" / "destroying seven villages and
/// killing 10 people"): less than [`beside_one_figure`], since one story's sentences state
/// small figures by the dozen, so it ties only counts whose words say what they count alike.
pub fn beside_any_figure(a: &Claim, b: &Claim) -> bool {
    beside_a_figure_that(a, b, |_| true)
}

/// Whether two count claims of two articles state a figure `kept` alike, where it stands.
fn beside_a_figure_that(a: &Claim, b: &Claim, kept: fn(&Figure<'_>) -> bool) -> bool {
    if a.article == b.article {
        return false;
    }
    // Most count claims state no other figure: read `b`'s once, and only when `a` has one.
    let ours: Vec<Figure<'_>> = figures(a).filter(|f| kept(f)).collect();
    !ours.is_empty() && figures(b).any(|y| ours.contains(&y))
}

/// The pairs of claims about the same event, sorted, each once. `headlines` are the names the
/// articles' headlines name (`pipeline::analyze::headline_names`; none when shorter than
/// `claims`); `years` their story years ([`story_years`]): articles set years apart tell of
/// different events.
pub fn pairs(
    claims: &[Vec<Claim>],
    headlines: &[&[String]],
    years: &[Option<i32>],
    lexicon: &Lexicon,
) -> Vec<Pair> {
    let topics: Vec<Vec<String>> = claims.iter().map(|c| topics(c, lexicon)).collect();
    let headline: Vec<Option<String>> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| headline_topic(headlines.get(i).copied().unwrap_or_default(), t, lexicon))
        .collect();
    // The entities a claim is blocked by besides its own: its article's topics and headline
    // topic.
    let blocking: Vec<Vec<String>> = topics
        .iter()
        .zip(&headline)
        .map(|(t, h)| t.iter().chain(h).cloned().collect())
        .collect();
    let unknown: Vec<(usize, usize)> = claims.iter().map(|c| days_of_unknown_year(c)).collect();
    let far_apart = |a: usize, b: usize| {
        stories_far_apart(years[a], years[b]) && !years_unknown(unknown[a], unknown[b])
    };
    let date_words = SentenceWords::of(claims, crate::claim::DATE);
    let count_words = SentenceWords::of(claims, crate::claim::COUNT);
    let mut blocks: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (article, article_claims) in claims.iter().enumerate() {
        for (index, claim) in article_claims.iter().enumerate() {
            if claim.is_attribute() {
                continue;
            }
            for key in keys(claim, &blocking[article], lexicon)
                .into_iter()
                .chain(word_keys(claim))
                .chain(figure_keys(claim))
                .chain(date_words.keys(claim))
            {
                blocks.entry(key).or_default().push(ClaimRef {
                    article,
                    claim: index,
                });
            }
        }
    }
    let get = |r: &ClaimRef| &claims[r.article][r.claim];
    let links: Vec<Vec<Links<'_>>> = claims
        .iter()
        .map(|article| article.iter().map(|c| Links::new(c, lexicon)).collect())
        .collect();
    let stories: Vec<Story<'_>> = topics
        .iter()
        .zip(&headline)
        .map(|(t, h)| Story::new(t, h.as_deref(), lexicon))
        .collect();
    let no_story = Story::default();
    let named_strong: Vec<BTreeSet<&str>> = links
        .iter()
        .map(|article| {
            article
                .iter()
                .flat_map(|l| l.own_strong.iter().copied())
                .collect()
        })
        .collect();
    // A pair two blocks hold is linked once; the found pairs are given in order at the end.
    let mut found = foldhash::HashSet::default();
    for members in blocks.values_mut() {
        members.sort_by_key(|r| {
            let start = get(r)
                .time
                .as_ref()
                .and_then(|t| t.interval)
                .map(|i| i.start);
            (start, *r)
        });
        for (i, a) in members.iter().enumerate() {
            for b in members.iter().skip(i + 1).take(WINDOW) {
                let (a, b) = if a < b { (*a, *b) } else { (*b, *a) };
                if a == b || found.contains(&Pair { a, b }) || far_apart(a.article, b.article) {
                    continue;
                }
                // Two counts of one unit in one article about one entity are most often two
                // facts (a game's points and a career's), not one stated twice.
                if a.article == b.article && get(&a).event.predicate == crate::claim::COUNT {
                    continue;
                }
                // Inside one article every claim shares the story: only own participants count.
                let story = |r: &ClaimRef| {
                    if a.article == b.article {
                        &no_story
                    } else {
                        &stories[r.article]
                    }
                };
                let (la, lb) = (&links[a.article][a.claim], &links[b.article][b.claim]);
                if linked(
                    get(&a),
                    la,
                    story(&a),
                    get(&b),
                    lb,
                    story(&b),
                    Some(&date_words),
                    Some(&count_words),
                    a.article != b.article
                        && get(&a).event.predicate == crate::claim::COUNT
                        && years[a.article] == years[b.article]
                        && !named_strong[a.article].is_disjoint(&named_strong[b.article]),
                ) {
                    found.insert(Pair { a, b });
                }
            }
        }
    }
    let mut found: Vec<Pair> = found.into_iter().collect();
    found.sort_unstable();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_match_full_names() {
        assert!(same_entity("biden", "joe-biden"));
        assert!(same_entity("joe-biden", "joe-biden"));
        assert!(!same_entity("joe-biden", "hunter-biden"));
        assert!(!same_entity("russia", "belarus"));
    }

    #[test]
    fn a_name_written_together_and_apart_is_one_entity() {
        assert!(same_entity("zentromicro", "zentro-micro"));
        assert!(same_entity("tall-oak-farms", "talloak-farms"));
        assert!(!same_entity("zentro-micro", "zentro-micros"));
        assert!(!same_entity("outlet:ab-c", "outlet:abc"));
    }

    #[test]
    fn one_name_written_two_ways_is_one_entity() {
        assert!(same_entity("mark-heller", "mark-jay-heller"));
        assert!(same_entity("rb-pierre-thomas", "pierre-thomas"));
        assert!(same_entity("fred-larue", "frederick-larue"));
        assert!(same_entity("frederick-larue", "fred-larue"));
        assert!(!same_entity("mark-vinar", "miles-vinar"));
        assert!(!same_entity("al-smith", "alan-smith"));
        assert!(!same_entity(
            "democratic-national-committee",
            "republican-national-committee"
        ));
        assert!(!same_entity(
            "russia/defense-ministry",
            "ukraine/defense-ministry"
        ));
    }

    #[test]
    fn only_dates_by_years_alone_may_lie_years_apart() {
        use crate::temporal::{Interval, Precision};
        let span = |y0: i32, m0: u32, y1: i32, m1: u32, precision: Precision| Interval {
            start: chrono::NaiveDate::from_ymd_opt(y0, m0, 1).expect("date"),
            end: chrono::NaiveDate::from_ymd_opt(y1, m1, 1).expect("date"),
            precision,
        };
        let year = span(2006, 1, 2007, 1, Precision::Year);
        let decade = span(1950, 1, 1960, 1, Precision::Decade);
        let month = span(2006, 3, 2006, 4, Precision::Month);
        assert_eq!(max_gap_days(&year, &decade), YEARS_MAX_GAP_DAYS);
        assert_eq!(max_gap_days(&year, &month), SAME_EVENT_MAX_GAP_DAYS);
        assert_eq!(max_gap_days(&month, &month), SAME_EVENT_MAX_GAP_DAYS);
    }
}

#[cfg(test)]
mod story_tests {
    use super::*;
    use crate::input::Article;
    use crate::pipeline::analyze::Analyzer;

    fn claims_of(texts: &[&str]) -> (Vec<Vec<Claim>>, Lexicon) {
        claims_published(texts, "2013-05-03".parse().ok())
    }

    /// The claims of `texts`, each an article published on `published`.
    fn claims_published(
        texts: &[&str],
        published: Option<crate::temporal::PartialDate>,
    ) -> (Vec<Vec<Claim>>, Lexicon) {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let claims = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let article = Article::from_text(format!("a{i}"), *text, published);
                analyzer.analyze(&article).claims
            })
            .collect();
        (claims, analyzer.lexicon)
    }

    #[test]
    fn a_claim_naming_someone_else_matches_through_the_story() {
        let (claims, lexicon) = claims_of(&[
            "Police arrested Jamal Jones in Houston on Friday.",
            "Police arrested Pedro Alvarez in Houston on Friday. Jamal Jones was charged with \
             robbery on Saturday. Jones was released on bail.",
        ]);
        assert_eq!(
            topics(&claims[1], &lexicon),
            vec!["jamal-jones".to_string()]
        );
        let found = undated_pairs(&claims, &lexicon);
        assert!(found.iter().any(|p| !p.same_article()), "{found:?}");
    }

    #[test]
    fn one_telling_figure_ties_the_tellings_of_an_event_no_one_is_named_in() {
        let quake_pairs = |texts: &[&str]| {
            let (claims, lexicon) = claims_of(texts);
            undated_pairs(&claims, &lexicon)
                .into_iter()
                .filter(|p| {
                    !p.same_article() && claims[p.a.article][p.a.claim].event.predicate == "quake"
                })
                .count()
        };
        let told = |magnitude: &str, day: &str| {
            format!("A {magnitude} quake jolted the island on {day}, shaking buildings.")
        };
        // One magnitude: one quake, whose day is then the detail in question.
        assert!(quake_pairs(&[&told("4.7", "Sunday"), &told("4.7", "Wednesday")]) > 0);
        // Two magnitudes on two days: two quakes.
        assert_eq!(
            quake_pairs(&[&told("4.7", "Sunday"), &told("5.2", "Wednesday")]),
            0
        );
    }

    #[test]
    fn a_place_and_a_longer_unknown_name_of_it_are_a_weak_link() {
        let (claims, lexicon) = claims_of(&[
            "The tsunami killed 168,000 people in Aceh.",
            "The tsunami killed 230,000 people in Central Aceh.",
        ]);
        let found = undated_pairs(&claims, &lexicon);
        assert!(found.iter().all(|p| p.same_article()), "{found:?}");
    }

    #[test]
    fn a_day_and_a_count_that_both_differ_are_two_events() {
        let (claims, lexicon) = claims_of(&[
            "The Brazilian Navy arrested 17 smugglers on Saturday.",
            "The Brazilian Navy arrested 19 smugglers on Thursday.",
            "The Brazilian Navy arrested 19 smugglers on Saturday.",
        ]);
        let found = undated_pairs(&claims, &lexicon);
        let across =
            |x: usize, y: usize| found.iter().any(|p| p.a.article == x && p.b.article == y);
        assert!(!across(0, 1), "{found:?}");
        assert!(across(0, 2) && across(1, 2), "{found:?}");
    }

    #[test]
    fn background_facts_dated_by_years_a_few_years_apart_meet() {
        let (claims, lexicon) = claims_of(&[
            "Jonas Pirell died in 2006.",
            "Jonas Pirell died in 2003.",
            "Jonas Pirell died in December 2006.",
            "Jonas Pirell died in March 2003.",
        ]);
        let pair = |a: usize, b: usize| {
            claims[a]
                .iter()
                .any(|x| claims[b].iter().any(|y| same_event(x, y, &lexicon)))
        };
        assert!(
            pair(0, 1),
            "years three apart: one fact, one year misstated"
        );
        assert!(
            !pair(2, 3),
            "dates told by month more than a year apart: two events"
        );
    }

    #[test]
    fn a_published_article_is_set_in_its_year_whatever_its_background() {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let text = "A quake struck Aceh on Tuesday, killing 20 people. The 2004 tsunami killed \
                    170,000 people in Aceh. Aceh was rebuilt after 2004. Donors met in 2004.";
        let published = crate::temporal::PartialDate::ymd(2013, 7, 2);
        let claims = vec![
            analyzer
                .analyze(&Article::from_text("a", text, published))
                .claims,
            analyzer
                .analyze(&Article::from_text("b", text, None))
                .claims,
        ];
        assert_eq!(story_year(&claims[0]), Some(2004), "the claims alone");
        assert_eq!(
            story_years(&claims, &[published, None], &analyzer.lexicon),
            [Some(2013), Some(2004)]
        );
    }

    #[test]
    fn undated_stories_told_by_days_are_not_set_apart_by_their_background_years() {
        // Articles with no publication date.
        let (claims, lexicon) = claims_published(
            &[
                "Jonas Pirell, a singer of the 1950s, died Thursday at 85. He was arrested in 1957.",
                "Jonas Pirell died on Monday. He had been ill since 2004. He sang in 2006.",
                "Jonas Pirell died in 2009. He had been ill since 2004. He sang in 2006.",
            ],
            None,
        );
        assert!(years_unknown(
            days_of_unknown_year(&claims[0]),
            days_of_unknown_year(&claims[1])
        ));
        let found = undated_pairs(&claims, &lexicon);
        let met = |x: usize, y: usize| {
            found.iter().any(|p| {
                (p.a.article, p.b.article) == (x, y)
                    && claims[x][p.a.claim].event.predicate == "die"
                    && claims[y][p.b.claim].event.predicate == "die"
            })
        };
        // Story years 1957 and 2006, but both told by days of an unknown week.
        assert!(met(0, 1), "{found:#?}");
        // A dated story (2009) stays set apart from the 1957 one.
        assert!(!met(0, 2), "{found:#?}");
        // However many background years each states.
        let (obituaries, _) = claims_published(
            &[
                "Jonas Pirell died Thursday. He was arrested in 1957. He sang in 1957 and toured in 1957.",
                "Jonas Pirell died on Monday. He sang in 2006. He was ill in 2006 and toured in 2006.",
            ],
            None,
        );
        let (x, y) = (
            days_of_unknown_year(&obituaries[0]),
            days_of_unknown_year(&obituaries[1]),
        );
        // Each states its background year more often than its day.
        assert!(x.0 < x.1 && y.0 < y.1, "{x:?} {y:?}");
        assert!(years_unknown(x, y));
    }

    /// [`pairs`] of articles with no publication date: story years from their claims alone.
    /// Pairs of `predicate` claims between articles given as (headline, text).
    fn headlined_pairs(articles: &[(&str, &str)], predicate: &str) -> usize {
        let analyzer = Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let (claims, headlines): (Vec<Vec<Claim>>, Vec<Vec<String>>) = articles
            .iter()
            .enumerate()
            .map(|(i, (title, text))| {
                let mut article =
                    Article::from_text(format!("a{i}"), *text, "2013-05-03".parse().ok());
                article.meta.title = Some(title.to_string());
                let analysis = analyzer.analyze(&article);
                (analysis.claims, analysis.headline)
            })
            .unzip();
        let headlines: Vec<&[String]> = headlines.iter().map(Vec::as_slice).collect();
        let years = story_years(&claims, &[], &analyzer.lexicon);
        pairs(&claims, &headlines, &years, &analyzer.lexicon)
            .iter()
            .filter(|p| !p.same_article())
            .filter(|p| claims[p.a.article][p.a.claim].event.predicate == predicate)
            .count()
    }

    #[test]
    fn a_claim_of_a_story_told_by_its_headline_meets_through_it() {
        let obituary = "The self-described mermaid of the screen died Thursday at 91. \
                        \"My stepmother Jane Doe passed peacefully,\" her stepson said.";
        let other = ("", "Actress Jane Doe died on Thursday in Los Angeles.");
        assert_eq!(
            headlined_pairs(&[("Jane Doe Dead At 91", obituary), other], "die"),
            1
        );
        assert_eq!(headlined_pairs(&[("", obituary), other], "die"), 0);
    }

    #[test]
    fn a_claim_naming_someone_else_does_not_meet_through_its_headline() {
        // A round-up of games under one player's headline: another player's points are not
        // his; a line naming no one is the headline's story.
        let (claims, lexicon) = claims_of(&[
            "Ann Rivers scored 17 points in the win.",
            "The senior scored 17 points in the win.",
            "He scored 17 points in the win.",
        ]);
        let score = |article: usize| {
            claims[article]
                .iter()
                .find(|c| c.event.predicate == "score")
                .expect("a score claim")
        };
        let smith = ["tom-smith".to_string()];
        let roundup = Story::new(&[], Some("tom-smith"), &lexicon);
        let story = Story::new(&smith, None, &lexicon);
        let meets = |article: usize| {
            let (a, b) = (score(article), score(2));
            let (links_a, links_b) = (Links::new(a, &lexicon), Links::new(b, &lexicon));
            linked(
                a, &links_a, &roundup, b, &links_b, &story, None, None, false,
            )
        };
        assert!(!meets(0));
        assert!(meets(1));
    }

    fn undated_pairs(claims: &[Vec<Claim>], lexicon: &Lexicon) -> Vec<Pair> {
        pairs(claims, &[], &story_years(claims, &[], lexicon), lexicon)
    }

    fn count_pairs(texts: &[&str]) -> usize {
        let (claims, lexicon) = claims_of(texts);
        undated_pairs(&claims, &lexicon)
            .iter()
            .filter(|p| {
                !p.same_article() && claims[p.a.article][p.a.claim].event.predicate == COUNT_KEY
            })
            .count()
    }

    const COUNT_KEY: &str = crate::claim::COUNT;

    /// Pairs of date claims of different articles.
    fn date_pairs(texts: &[&str]) -> usize {
        let (claims, lexicon) = claims_of(texts);
        undated_pairs(&claims, &lexicon)
            .iter()
            .filter(|p| {
                !p.same_article()
                    && claims[p.a.article][p.a.claim].event.predicate == crate::claim::DATE
            })
            .count()
    }

    #[test]
    fn dates_described_alike_meet_whatever_event_word_carries_them() {
        // "placed" is no event word of the lexicon: the two dates meet by their clauses' words.
        assert_eq!(
            date_pairs(&[
                "Pierre Thomas was placed on injured reserve Wednesday.",
                "The Saints placed Pierre Thomas on injured reserve on Thursday.",
            ]),
            1
        );
        // One shared word is not enough, nor are report times, which name only the speaker.
        assert_eq!(
            date_pairs(&[
                "Pierre Thomas was placed on the roster Wednesday.",
                "Pierre Thomas was hurt in practice on Thursday.",
            ]),
            0
        );
        assert_eq!(
            date_pairs(&[
                "Pierre Thomas said Wednesday.",
                "Pierre Thomas said on Thursday.",
            ]),
            0
        );
        // Linked by a place alone, dates described alike in three words still meet on two
        // different days: the day is the detail in question, as a count's value is.
        assert_eq!(
            date_pairs(&[
                "On Friday evening fire broke through the church roof in Alaska.",
                "On Saturday evening fire broke through the church roof in Alaska.",
            ]),
            1
        );
    }

    /// The pairs of `predicate` claims between the first two of `texts`, with every text's
    /// claims; the others are further articles of the run, which tell how rare the words of
    /// the first two are.
    fn first_pair_list(texts: &[&str], predicate: &str) -> (Vec<Vec<Claim>>, Vec<Pair>) {
        let (claims, lexicon) = claims_of(texts);
        let pairs = undated_pairs(&claims, &lexicon)
            .into_iter()
            .filter(|p| {
                p.a.article == 0
                    && p.b.article == 1
                    && claims[0][p.a.claim].event.predicate == predicate
            })
            .collect();
        (claims, pairs)
    }

    /// How many [`first_pair_list`] finds.
    fn first_pairs(texts: &[&str], predicate: &str) -> usize {
        first_pair_list(texts, predicate).1.len()
    }

    /// The date pairs between the first two of `texts` ([`first_pairs`]).
    fn first_date_pairs(texts: &[&str]) -> usize {
        first_pairs(texts, crate::claim::DATE)
    }

    /// Articles of other stories, each with a date and a count, so that the words of a run's
    /// dates and counts have a rarity.
    const OTHER_STORIES: [&str; 6] = [
        "The museum bought 12 paintings on Monday.",
        "Heavy rain flooded 300 homes in the valley in 2003.",
        "The council hired 40 teachers on Friday.",
        "A storm damaged 25 boats in the harbour last March.",
        "The bridge was repainted in 1999 by 60 workers.",
        "The airline cancelled 80 flights on Wednesday.",
    ];

    /// `pairs` of two articles `a` and `b` read in a run with [`OTHER_STORIES`].
    fn among_other_stories<T>(a: &str, b: &str, pairs: impl Fn(&[&str]) -> T) -> T {
        let mut texts = vec![a, b];
        texts.extend(OTHER_STORIES);
        pairs(&texts)
    }

    #[test]
    fn dates_in_sentences_alike_in_rare_words_meet() {
        let run = |a: &str, b: &str| among_other_stories(a, b, first_date_pairs);
        // No name ties them, and their descriptors share one word ("spanning"): the words of
        // their sentences, rare in the run, do. Each year meets the one in its place, the
        // first year of one range the first of the other, whatever their values.
        assert_eq!(
            run(
                "The driver had three prior convictions, spanning from 1990 to 1991, records show.",
                "Records show the driver had three prior convictions spanning from 1988 to 1991.",
            ),
            2
        );
        // Sentences of one story that share only one word besides the date's own are
        // other facts.
        assert_eq!(
            run(
                "The driver was released from jail on Friday.",
                "The driver was arrested by police on Thursday.",
            ),
            0
        );
        // A year against a weekday is no restatement, however alike the sentences.
        assert_eq!(
            run(
                "The driver had three prior convictions spanning from 1990 to 1991, records show.",
                "The driver had three prior convictions, records released on Tuesday show.",
            ),
            0
        );
        // Without other articles the words' rarity is unknown: only descriptors meet.
        assert_eq!(
            first_date_pairs(&[
                "The driver had three prior convictions, spanning from 1990 to 1991, records show.",
                "Records show the driver had three prior convictions spanning from 1988 to 1991.",
            ]),
            0
        );
    }

    #[test]
    fn the_dates_two_articles_open_with_meet_when_they_tell_one_event_word() {
        let run = |a: &str, b: &str| among_other_stories(a, b, first_date_pairs);
        let navy = "The Ruritanian Navy on Saturday foiled a pirate raid on a cargo ship \
                    near Port Ellis.";
        // Worded apart, naming the navy in both clauses, each its article's first date, in
        // sentences that tell a foiled raid: the news both open with.
        assert_eq!(
            run(
                navy,
                "For the third time in a month, the Ruritanian Navy on Tuesday took on the \
                 raiders, foiling an attempt to board a tanker.",
            ),
            1
        );
        // The lead of a follow-up tells another event of the story.
        assert_eq!(
            run(
                navy,
                "The Ruritanian Navy on Tuesday handed eleven suspects over to the police \
                 in Port Ellis.",
            ),
            0
        );
        // A date after the article's first one is not its lead.
        assert_eq!(
            run(
                navy,
                "Pirates seized a trawler in 2007. For the third time in a month, the \
                 Ruritanian Navy on Tuesday took on the raiders, foiling an attempt to board \
                 a tanker.",
            ),
            0
        );
    }

    #[test]
    fn dates_alone_in_sentences_alike_meet_whatever_words_stand_beside_them() {
        let run = |a: &str, b: &str| among_other_stories(a, b, first_date_pairs);
        let told = "The champion was sluggish against the challenger in the rematch, and \
                    the referee stopped the fight on Saturday night.";
        // The words beside the two dates differ ("stopped", "knockout"); each is its sentence's
        // only date, and the sentences share words rare in the run.
        assert_eq!(
            run(
                told,
                "Saturday night brought a knockout: the challenger beat a sluggish champion in \
                 the rematch.",
            ),
            1
        );
        // "Tonight" is each article's own day, not a calendar date.
        assert_eq!(
            run(
                told,
                "Tonight brought a knockout: the challenger beat a sluggish champion in the \
                 rematch.",
            ),
            0
        );
        // Beside another date, a date's own words must still tell which fact it dates.
        assert_eq!(
            run(
                told,
                "Saturday night brought a knockout, after a weigh-in on Friday: the challenger \
                 beat a sluggish champion in the rematch.",
            ),
            0
        );
    }

    #[test]
    fn days_near_in_sentences_alike_meet_across_a_weak_link() {
        // Pairs of the event word `destroy` between the first two articles.
        let run =
            |a: &str, b: &str| among_other_stories(a, b, |texts| first_pairs(texts, "destroy"));
        let first = "A fire destroyed the old mill in Ohio on April 23, and firefighters battled \
                     the blaze for hours.";
        let later = |day: u32| {
            format!(
                "A fire destroyed the old mill in Ohio on April {day} as firefighters battled the blaze."
            )
        };
        // Only a place links them; the days differ by four, in sentences alike in words rare
        // in the run: one fire, one day misreported.
        assert_eq!(run(first, &later(27)), 1);
        // A day apart across a weak link is a night told from two sides of a midnight.
        assert_eq!(run(first, &later(24)), 0);
        // Sentences worded otherwise tell of another fire of that place.
        assert_eq!(
            run(
                first,
                "Lightning destroyed a barn in Ohio on April 27, neighbours said."
            ),
            0
        );
    }

    #[test]
    fn counts_worded_differently_meet() {
        assert_eq!(
            count_pairs(&[
                "Jamaal Charles finished with 226 yards rushing in the loss to Denver.",
                "Jamaal Charles finished with 226 rushing yards in the loss.",
            ]),
            1
        );
        // Seized weapons are counted in clauses that name nobody: the story links them.
        assert_eq!(
            count_pairs(&[
                "The Brazilian Navy arrested the pirates on Saturday. The haul included 13 loaded \
                 magazines of ammunition and three outboard motors. The Brazilian Navy seized \
                 the boats.",
                "The Brazilian Navy arrested the pirates. The haul of the pirates included 13 \
                 loaded magazines of ammunition. The Brazilian Navy seized two boats.",
            ]),
            1
        );
    }

    #[test]
    fn a_number_an_event_carries_meets_as_a_count() {
        // One outlet counts with an event word, the other without: the counts meet.
        assert_eq!(
            count_pairs(&[
                "John Smith kept 13 loaded magazines of ammunition at home, police said.",
                "Police seized from John Smith 13 loaded magazines of ammunition.",
            ]),
            1
        );
        // A toll of people worded with different event words is one count.
        assert_eq!(
            count_pairs(&[
                "The quake in Papua killed 12 people, officials said.",
                "Twelve people died in the Papua quake.",
            ]),
            1
        );
    }

    #[test]
    fn bare_counts_naming_one_thing_meet() {
        // Nothing around the numbers but their unit and the country they are of.
        assert_eq!(
            count_pairs(&[
                "Traffic to Asia fell. Cut links: 59% with Singapore, 52% with Egypt.",
                "Traffic to Asia fell. Lost: 44% with Malaysia, 52% with Egypt.",
            ]),
            1
        );
        // Bare alike, but of two different countries: no pair.
        assert_eq!(
            count_pairs(&[
                "Traffic to Asia fell. Cut links: 59% with Singapore, 52% with Egypt.",
                "Traffic to Asia fell. Lost: 44% with Malaysia, 52% with Pakistan.",
            ]),
            0
        );
        // A name right before the number is what is counted ("USB 2.0 ports": a version).
        assert_eq!(
            count_pairs(&[
                "The laptop ships in January. Ports: FireWire 800, USB 2.0 ports.",
                "The laptop ships in January. Ports: FireWire 800, USB 3 ports.",
            ]),
            0
        );
    }

    #[test]
    fn counts_described_the_same_meet_when_their_articles_name_someone_alike() {
        // The navy is named once in each article, so it is no topic, and the counts' clauses
        // name nobody: the same words and the articles' common name tie them.
        assert_eq!(
            count_pairs(&[
                "The Brazilian Navy arrested pirates on Friday. They had three machine guns.",
                "The Brazilian Navy arrested pirates on Friday. They had six machine guns.",
            ]),
            1
        );
        // Two navies: nothing ties the articles.
        assert_eq!(
            count_pairs(&[
                "The Brazilian Navy arrested pirates on Friday. They had three machine guns.",
                "The Royal Navy arrested pirates on Friday. They had six machine guns.",
            ]),
            0
        );
    }

    #[test]
    fn counts_stated_beside_one_telling_figure_meet() {
        // The rifles are described in other words ("seized commando", "took away later"), but
        // both sentences give 37 magazines and 815 rounds right after them.
        let (a, b) = (
            "The Brazilian Navy arrested pirates on Friday. The commandos seized 14 rifles, 37 \
             magazines and 815 rounds of ammunition.",
            "The Brazilian Navy arrested pirates on Friday. Officers later took away 28 rifles, 37 \
             magazines and 815 rounds.",
        );
        let (claims, lexicon) = claims_of(&[a, b]);
        let rifle = |c: &Claim| {
            c.event.predicate == COUNT_KEY
                && c.quantities.first().and_then(|q| q.unit.as_deref()) == Some("rifle")
        };
        let found = undated_pairs(&claims, &lexicon);
        assert!(
            found.iter().any(|p| {
                !p.same_article()
                    && rifle(&claims[p.a.article][p.a.claim])
                    && rifle(&claims[p.b.article][p.b.claim])
            }),
            "{found:?}"
        );
        // Small figures tell no line apart: "two magazines" in both is no tie.
        let (claims, lexicon) = claims_of(&[
            "The Brazilian Navy arrested pirates on Friday. The commandos seized 14 rifles and \
             two magazines.",
            "The Brazilian Navy arrested pirates on Friday. Officers later took away 28 rifles and \
             two magazines.",
        ]);
        let found = undated_pairs(&claims, &lexicon);
        assert!(
            !found.iter().any(|p| {
                !p.same_article()
                    && rifle(&claims[p.a.article][p.a.claim])
                    && rifle(&claims[p.b.article][p.b.claim])
            }),
            "{found:?}"
        );
    }

    #[test]
    fn counts_worded_alike_in_two_words_meet_beside_one_small_figure() {
        // Tied by the story only, the villages share two words ("destroy", "hill"), fewer than
        // a story link asks, but both sentences give 10 people right after them.
        let story = "Mayor Ilse Varga toured the valley on Sunday. Varga met families.";
        assert_eq!(
            village_pairs(&[
                &format!(
                    "{story} The storm flattened seven villages in the hills and killed 10 people."
                ),
                &format!(
                    "{story} Later the rain destroyed 14 villages in the hills, killing 10 people."
                ),
            ]),
            1
        );
        // Beside figures of another unit: no tie.
        assert_eq!(
            village_pairs(&[
                &format!(
                    "{story} The storm flattened seven villages in the hills and killed 10 people."
                ),
                &format!(
                    "{story} Later the rain destroyed 14 villages in the hills, killing 10 cows."
                ),
            ]),
            0
        );
        // Beside one small figure, but alike in one word only: no tie.
        assert_eq!(
            village_pairs(&[
                &format!(
                    "{story} The storm flattened seven villages in the hills and killed 10 people."
                ),
                &format!("{story} Later the rain reached 14 villages, killing 10 people."),
            ]),
            0
        );
    }

    /// Pairs of count claims of villages of different articles.
    fn village_pairs(texts: &[&str]) -> usize {
        let (claims, lexicon) = claims_of(texts);
        let village = |r: ClaimRef| {
            let c = &claims[r.article][r.claim];
            c.event.predicate == COUNT_KEY
                && c.quantities.first().and_then(|q| q.unit.as_deref()) == Some("village")
        };
        undated_pairs(&claims, &lexicon)
            .iter()
            .filter(|p| !p.same_article() && village(p.a) && village(p.b))
            .count()
    }

    #[test]
    fn counts_described_alike_meet_without_an_entity() {
        // No person, organization or place in either article: the words alone link them.
        assert_eq!(
            count_pairs(&[
                "The new screen offers 60 percent greater color gamut than before.",
                "Its display features 120 percent greater color gamut, the maker said.",
            ]),
            1
        );
        // Alike in two words only: one story's other figures read that way.
        assert_eq!(
            count_pairs(&[
                "The new screen offers 60 percent greater contrast than before.",
                "Its display features 120 percent greater brightness, the maker said.",
            ]),
            0
        );
        // Counts naming people are those people's statistics: no entity in common, no pair.
        assert_eq!(
            count_pairs(&[
                "Peyton Manning threw for 300 yards in the fourth quarter comeback.",
                "David Garrard threw for 300 yards in the fourth quarter comeback.",
            ]),
            0
        );
    }

    /// The count pairs between the first two of `texts`, the others further articles of the
    /// run, as [`first_date_pairs`] for dates.
    fn first_count_pairs(texts: &[&str]) -> Vec<(f64, f64)> {
        let (claims, pairs) = first_pair_list(texts, COUNT_KEY);
        let value = |c: &Claim| c.quantities.first().map_or(0.0, |q| q.value);
        pairs
            .iter()
            .map(|p| (value(&claims[0][p.a.claim]), value(&claims[1][p.b.claim])))
            .collect()
    }

    #[test]
    fn counts_in_sentences_alike_in_rare_words_meet() {
        let run = |a: &str, b: &str| among_other_stories(a, b, first_count_pairs);
        // The words right around the numbers differ, and no name ties the two counts: the
        // rare words of their sentences do, each count of one unit meeting the one in its
        // place, whatever their values.
        assert_eq!(
            run(
                "The quarterback completed his first 17 passes, leading the team to an eighth \
                 consecutive win over the rivals.",
                "Completing his first 34 passes, the quarterback led the team to an eighth \
                 consecutive win over the rivals.",
            ),
            vec![(17.0, 34.0)]
        );
        // A count with no word of its own beside its unit meets by its sentence alone.
        let pairs = run(
            "The epicenter lay 55 kilometers (34 miles) west of the coastal town, at a shallow \
             depth.",
            "Its epicenter was 55 kilometers (68 miles) west of the coastal town, the survey said.",
        );
        assert!(pairs.contains(&(34.0, 68.0)), "{pairs:?}");
        // Sentences of one story that share one rare word are other facts.
        assert_eq!(
            run(
                "The regulators received 1,300 letters about the rule.",
                "The regulators hired 2,600 biologists last year.",
            ),
            vec![]
        );
    }

    #[test]
    fn a_number_an_event_carries_names_no_topic_twice() {
        let (claims, lexicon) =
            claims_of(&["John Smith bought 13 boxes of ammunition. The shop opened."]);
        assert!(topics(&claims[0], &lexicon).is_empty(), "{:#?}", claims[0]);
    }

    #[test]
    fn counts_of_other_people_or_other_things_do_not_meet() {
        // Two players' statistics, though one of them is the other article's story.
        assert_eq!(
            count_pairs(&[
                "Peyton Manning completed 29 of 34 passes for 364 yards. Manning won. Manning \
                 smiled.",
                "David Garrard completed 28 of 41 passes for 329 yards. Peyton Manning won. \
                 Manning smiled.",
            ]),
            0
        );
        // Named by nobody, alike in two words only: one story's other statistics.
        assert_eq!(
            count_pairs(&[
                "Reggie Wayne scored. Wayne won. On the last drive he caught 3 passes for 37 \
                 yards.",
                "Reggie Wayne scored. Wayne won. He caught five passes for 68 yards in the first \
                 half.",
            ]),
            0
        );
    }
}
