//! What a rule sees: the articles, their claims and time expressions, the matched pairs, the
//! lexicon, the ledger of reference facts, each claim's source for independence, and the
//! verbatim copies of each article (checked as their original, see `pipeline::copies`).

use std::cell::RefCell;
use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use crate::claim::id::fingerprint;
use crate::claim::{Claim, ClaimTime, Polarity, Quantity, SourceKind};
use crate::input::Article;
use crate::lexicon::Lexicon;
use crate::matcher::{ClaimRef, Pair};
use crate::pipeline::copies::{FingerprintKey, FingerprintKeys};
use crate::report::{Evidence, Finding, FindingKind};
use crate::rules::ledger::Ledger;
use crate::rules::model::Rule;
use crate::temporal::Timex;
use crate::text::span::Span;

/// Each claim's partners in `pairs`: the claims it is matched with, so that a rule asking
/// about a claim's other matches looks them up instead of scanning every pair.
pub fn partners(pairs: &[Pair]) -> BTreeMap<ClaimRef, Vec<ClaimRef>> {
    let mut partners: BTreeMap<ClaimRef, Vec<ClaimRef>> = BTreeMap::new();
    for p in pairs {
        partners.entry(p.a).or_default().push(p.b);
        partners.entry(p.b).or_default().push(p.a);
    }
    partners
}

/// Each article's claims by predicate and by sentence, in text order: what a rule reads of an
/// article's other claims (the other assertions of an event, the claims of one sentence)
/// without a scan of all of them for every pair, which a long article makes quadratic.
#[derive(Debug, Default)]
pub struct ClaimIndex {
    /// Article → predicate → claim indices, ascending.
    by_predicate: Vec<HashMap<String, Vec<usize>>>,
    /// Article → start of the sentence → claim indices, ascending.
    by_sentence: Vec<HashMap<usize, Vec<usize>>>,
    /// Article → the sentences of its claims, ascending, each once.
    sentences: Vec<Vec<Span>>,
}

impl ClaimIndex {
    /// The index of `claims`, one list an article.
    pub fn new(claims: &[Vec<Claim>]) -> ClaimIndex {
        let mut index = ClaimIndex::default();
        for article in claims {
            let mut by_predicate: HashMap<String, Vec<usize>> = HashMap::new();
            let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
            for (n, c) in article.iter().enumerate() {
                by_predicate
                    .entry(c.event.predicate.clone())
                    .or_default()
                    .push(n);
                by_sentence.entry(c.sentence.start).or_default().push(n);
            }
            let mut sentences: Vec<Span> = article.iter().map(|c| c.sentence).collect();
            sentences.sort();
            sentences.dedup();
            index.by_predicate.push(by_predicate);
            index.by_sentence.push(by_sentence);
            index.sentences.push(sentences);
        }
        index
    }

    /// The claims of `article` whose event is `predicate`, ascending.
    fn of_predicate(&self, article: usize, predicate: &str) -> &[usize] {
        self.by_predicate
            .get(article)
            .and_then(|m| m.get(predicate))
            .map_or(&[], Vec::as_slice)
    }

    /// The claims of `article` stated in the sentence starting at `start`, ascending.
    fn of_sentence(&self, article: usize, start: usize) -> &[usize] {
        self.by_sentence
            .get(article)
            .and_then(|m| m.get(&start))
            .map_or(&[], Vec::as_slice)
    }

    /// The claims of `article` whose sentence overlaps `span`, ascending. Sentences do not
    /// overlap one another, so those overlapping a span follow one another in text order.
    fn overlapping(&self, article: usize, span: Span) -> Vec<usize> {
        let Some(sentences) = self.sentences.get(article) else {
            return Vec::new();
        };
        let first = sentences.partition_point(|s| s.end <= span.start);
        let mut found: Vec<usize> = sentences[first..]
            .iter()
            .take_while(|s| s.start < span.end)
            .filter(|s| s.overlaps(span))
            .flat_map(|s| self.of_sentence(article, s.start).iter().copied())
            .collect();
        found.sort_unstable();
        found
    }
}

/// The input of every rule.
#[derive(Debug)]
pub struct Context<'a> {
    /// The articles, in input order.
    pub articles: &'a [Article],
    /// Their claims, one list an article.
    pub claims: &'a [Vec<Claim>],
    /// The claims indexed by predicate and by sentence.
    pub index: &'a ClaimIndex,
    /// Claims about the same event.
    pub pairs: &'a [Pair],
    /// Each claim's partners in `pairs` (see [`partners`]).
    pub partners: &'a BTreeMap<ClaimRef, Vec<ClaimRef>>,
    /// The lexicon.
    pub lexicon: &'a Lexicon,
    /// Every article's time expressions, in text order, one list an article.
    pub times: &'a [Vec<Timex>],
    /// Every article's story year ([`crate::matcher::story_year`]), one an article.
    pub story_years: &'a [Option<i32>],
    /// How every article dates its story when it has no publication date
    /// ([`crate::matcher::days_of_unknown_year`]), one an article.
    pub unknown_days: &'a [(usize, usize)],
    /// Reference facts a newsroom has verified.
    pub ledger: &'a Ledger,
    /// The verbatim copies of each article, one list an article (most empty), or none at all
    /// when no article has a copy: not checked themselves, their findings are their
    /// original's, carried to them.
    pub copies: &'a [Vec<&'a Article>],
    /// How each fingerprint the rules made was made, so that a finding carried to a copy
    /// gets the copy's own (see [`Context::fingerprint`]).
    pub keys: RefCell<FingerprintKeys>,
}

impl Context<'_> {
    /// The claim at `r`.
    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.claims[r.article][r.claim]
    }

    /// Evidence at `span` of the article of `r`.
    pub fn evidence(&self, r: ClaimRef, span: Span, label: impl Into<String>) -> Evidence {
        let article = &self.articles[r.article];
        Evidence::new(&article.id, span, &article.text, label)
    }

    /// Who stands behind the claim, for independence: the wire service it cites or its
    /// article's outlet is carrying, else the article's outlet, else the article itself. Two
    /// claims with the same source are one confirmation, not two.
    pub fn source(&self, r: ClaimRef) -> String {
        let claim = self.claim(r);
        if claim.attribution.kind == SourceKind::Outlet {
            if let Some(id) = claim.attribution.entity.as_deref() {
                let outlet_id = id.trim_start_matches("outlet:");
                if self
                    .lexicon
                    .outlets
                    .iter()
                    .any(|o| o.id == outlet_id && o.wire)
                {
                    return format!("outlet:{outlet_id}");
                }
            }
        }
        let article = &self.articles[r.article];
        match article.meta.outlet.as_deref() {
            Some(name) => match self.lexicon.outlet_named(name) {
                Some(outlet) => format!("outlet:{}", outlet.id),
                None => format!("outlet:{}", name.to_lowercase()),
            },
            None => format!("article:{}", article.id),
        }
    }

    /// A short human description of the claim's event: `"invade" (russia, ukraine)`.
    pub fn describe(&self, claim: &Claim) -> String {
        let ids = claim.participant_ids();
        if ids.is_empty() {
            format!("\"{}\"", claim.event.predicate)
        } else {
            format!("\"{}\" ({})", claim.event.predicate, ids.join(", "))
        }
    }

    /// The description with the claim's numbers and time as written: `"kill" (poland) two
    /// people, Nov. 15`.
    pub fn describe_fully(&self, r: ClaimRef) -> String {
        let claim = self.claim(r);
        let text = &self.articles[r.article].text;
        let mut parts = vec![self.describe(claim)];
        parts.extend(
            claim
                .quantities
                .iter()
                .map(|q| q.span.slice(text).to_string()),
        );
        if let Some(time) = &claim.time {
            parts.push(time.span.slice(text).to_string());
        }
        parts.join(", ")
    }

    /// A finding of `rule` about `claims`, with a fingerprint from the rule code and the
    /// claims' content ids.
    pub fn finding(
        &self,
        rule: &Rule,
        kind: FindingKind,
        message: String,
        claims: &[ClaimRef],
        evidence: Vec<Evidence>,
    ) -> Finding {
        let mut ids: Vec<String> = claims.iter().map(|&r| self.claim(r).id.clone()).collect();
        ids.sort();
        ids.dedup();
        let parts: Vec<&str> = std::iter::once(rule.spec.code.as_str())
            .chain(ids.iter().map(String::as_str))
            .collect();
        let fingerprint = self.key(&parts, 1);
        Finding {
            kind,
            code: rule.spec.code.clone(),
            severity: rule.severity,
            message,
            claims: ids,
            evidence,
            fingerprint,
        }
    }

    /// The fingerprint of `parts` (`claim::id::fingerprint`), with how it was made kept for
    /// findings carried to copies. A rule whose finding has a fingerprint of its own makes it
    /// here; article ids and claim ids among `parts` are put in a copy's place.
    pub fn fingerprint<S: AsRef<str>>(&self, parts: &[S]) -> String {
        self.key(parts, parts.len())
    }

    /// [`Context::fingerprint`] of `parts`, of which those from `sorted_from` on are claim
    /// ids in sorted order.
    fn key<S: AsRef<str>>(&self, parts: &[S], sorted_from: usize) -> String {
        let made = fingerprint(parts.iter().map(AsRef::as_ref));
        if !self.copies.is_empty() {
            self.keys
                .borrow_mut()
                .entry(made.clone())
                .or_insert_with(|| FingerprintKey {
                    parts: parts.iter().map(|p| p.as_ref().to_string()).collect(),
                    sorted_from,
                });
        }
        made
    }

    /// The claims of the article of `r` whose event is `predicate`, with their places,
    /// ascending.
    pub fn of_predicate<'c>(
        &'c self,
        r: ClaimRef,
        predicate: &str,
    ) -> impl Iterator<Item = (ClaimRef, &'c Claim)> + 'c {
        let indices = self.index.of_predicate(r.article, predicate);
        self.in_article(r.article, indices.iter().copied())
    }

    /// The claims stated in the sentence of the claim at `r` (itself among them), with their
    /// places, ascending.
    pub fn of_sentence(&self, r: ClaimRef) -> impl Iterator<Item = (ClaimRef, &Claim)> + '_ {
        let start = self.claim(r).sentence.start;
        let indices = self.index.of_sentence(r.article, start);
        self.in_article(r.article, indices.iter().copied())
    }

    /// The claims of `article` whose sentence overlaps `span` (a quote's, which may run over
    /// several), with their places, ascending.
    pub fn overlapping(&self, article: usize, span: Span) -> Vec<(ClaimRef, &Claim)> {
        let indices = self.index.overlapping(article, span);
        self.in_article(article, indices).collect()
    }

    /// The claims of `article` at `indices`, with their places.
    fn in_article<'c>(
        &'c self,
        article: usize,
        indices: impl IntoIterator<Item = usize> + 'c,
    ) -> impl Iterator<Item = (ClaimRef, &'c Claim)> + 'c {
        indices.into_iter().map(move |claim| {
            let at = ClaimRef { article, claim };
            (at, self.claim(at))
        })
    }

    /// The article id of `r`.
    pub fn article_id(&self, r: ClaimRef) -> &str {
        &self.articles[r.article].id
    }

    /// Whether a value may be taken from elsewhere in the article of `r` for comparison with a
    /// claim of the article of `other`: both articles' story years are known and equal, so the
    /// two are not look-alike events of different years (a team's two seasons).
    fn may_inherit(&self, r: ClaimRef, other: ClaimRef) -> bool {
        let ours = self.story_years[r.article];
        ours.is_some() && ours == self.story_years[other.article]
    }

    /// Whether the articles of `r` and `other` are undated and tell their stories by days of an
    /// unknown week ([`crate::matcher::years_unknown`]): their story years are those of
    /// background facts, and a day of that week may be taken from elsewhere in the article of
    /// `r`, though no year may.
    fn told_by_days(&self, r: ClaimRef, other: ClaimRef) -> bool {
        crate::matcher::years_unknown(
            self.unknown_days[r.article],
            self.unknown_days[other.article],
        )
    }

    /// Whether `claim` names, in its own clause, a person, organization or place that `partner`
    /// names in its own.
    pub fn names_one_of<'c>(&'c self, claim: &'c Claim, partner: &'c Claim) -> bool {
        self.names_any(claim, &self.named(partner))
    }

    /// The entities a claim's own clause names, with the entities they belong to.
    fn named<'c>(&'c self, claim: &'c Claim) -> Vec<&'c str> {
        claim
            .participants
            .iter()
            .flat_map(|p| crate::matcher::ancestors(&p.entity, self.lexicon))
            .collect()
    }

    /// Whether `claim` names, in its own clause, one of `entities`.
    fn names_any(&self, claim: &Claim, entities: &[&str]) -> bool {
        self.named(claim)
            .iter()
            .any(|x| entities.iter().any(|y| crate::matcher::same_entity(x, y)))
    }

    /// Whether a third article sides with `r` against `other` (claims of two articles that a
    /// rule finds in conflict): one of its positive claims, matched to either of the two, for
    /// which `sides` holds. When each side of a conflict has such a second source, the
    /// disagreement is between two groups of sources that each agree among themselves, which
    /// is the mark of two look-alike events (one navy's two piracy raids, a team's two
    /// seasons), not of one misreported detail.
    pub fn backed_by_third(
        &self,
        r: ClaimRef,
        other: ClaimRef,
        sides: impl Fn(&Claim) -> bool,
    ) -> bool {
        let partners_of = |end: ClaimRef| self.partners.get(&end).into_iter().flatten();
        partners_of(r).chain(partners_of(other)).any(|&third| {
            third.article != r.article
                && third.article != other.article
                && self.claim(third).polarity == Polarity::Positive
                && sides(self.claim(third))
        })
    }

    /// The date of the claim's event as its article states it, for comparison with `partner`
    /// (a claim of another article): the claim's own, else the one date the article's other
    /// assertions of the same predicate that name someone `partner` names give ("Halvorsen
    /// opened fire on Friday ... killing one man"), with the claim that states it. `None` when
    /// the article gives none or gives several. Between two undated articles told by days
    /// (`Context::told_by_days`) only a date of no year is lent, and only when every assertion
    /// of the event in the article gives that day.
    pub fn stated_time(&self, r: ClaimRef, partner: ClaimRef) -> Option<(ClaimRef, &ClaimTime)> {
        let claim = self.claim(r);
        if let Some(time) = &claim.time {
            return Some((r, time));
        }
        // Between undated articles told by days, only a date of no year is lent: their years
        // are those of background facts.
        let days_only = !self.may_inherit(r, partner);
        if days_only && !self.told_by_days(r, partner) {
            return None;
        }
        let theirs = self.named(self.claim(partner));
        let mut found: Option<(ClaimRef, &ClaimTime)> = None;
        // Every assertion of the event counts there, whoever it names: an article that tells of
        // a first fire on Friday and a second on Monday lends neither day.
        let mut days: Option<&str> = None;
        for (at, other) in self.of_predicate(r, &claim.event.predicate) {
            let Some(time) = &other.time else { continue };
            if other.polarity != Polarity::Positive || time.duration.is_some() {
                continue;
            }
            if days_only && *days.get_or_insert(&time.value) != time.value {
                return None;
            }
            if !self.names_any(other, &theirs) {
                continue;
            }
            match found {
                Some((_, seen)) if seen.value != time.value => return None,
                Some(_) => {}
                None => found = Some((at, time)),
            }
        }
        found.filter(|(_, time)| !days_only || time.value.starts_with("XXXX"))
    }

    /// The counts of `unit` the claim's event has as its article states them: the claim's own,
    /// else the one count of that unit the article's other assertions of the same predicate
    /// that name someone `partner` names give, with the claim that states it.
    pub fn stated_quantities(
        &self,
        r: ClaimRef,
        unit: &str,
        partner: ClaimRef,
    ) -> Vec<(ClaimRef, &Quantity)> {
        let claim = self.claim(r);
        let of_unit = |c: &'_ Claim| -> Vec<usize> {
            c.quantities
                .iter()
                .enumerate()
                .filter(|(_, q)| q.unit.as_deref() == Some(unit))
                .map(|(n, _)| n)
                .collect()
        };
        let own = of_unit(claim);
        if !own.is_empty() {
            return own.into_iter().map(|n| (r, &claim.quantities[n])).collect();
        }
        if !self.may_inherit(r, partner) {
            return Vec::new();
        }
        let theirs = self.named(self.claim(partner));
        let mut found: Option<(ClaimRef, &Quantity)> = None;
        for (at, other) in self.of_predicate(r, &claim.event.predicate) {
            // The count first: most assertions of an event state none, and reading whom a
            // claim names costs more.
            let counts = of_unit(other);
            if counts.is_empty()
                || other.polarity != Polarity::Positive
                || !self.names_any(other, &theirs)
            {
                continue;
            }
            let quantity = match counts.as_slice() {
                [n] => &other.quantities[*n],
                _ => return Vec::new(),
            };
            match found {
                Some((_, seen)) if seen.key() != quantity.key() => return Vec::new(),
                Some(_) => {}
                None => found = Some((at, quantity)),
            }
        }
        found.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::input::Article;
    use crate::pipeline::check::Checker;

    fn article(id: &str, text: &str) -> Article {
        Article::from_text(id, text, "2013-05-03".parse().ok())
    }

    fn undated(id: &str, text: &str) -> Article {
        Article::from_text(id, text, None)
    }

    /// The TIME001 findings of a check of `articles`.
    fn date_conflicts(articles: Vec<Article>) -> Vec<crate::report::Finding> {
        let checker = Checker::new(&crate::rulefiles::builtin()).expect("rules");
        let (report, _) = checker.check(articles);
        report
            .findings
            .into_iter()
            .filter(|f| f.code == "TIME001")
            .collect()
    }

    /// Whether a finding cites the day article "b" gives ("Thursday").
    fn cites_thursday_in_b(found: &[crate::report::Finding]) -> bool {
        found.iter().any(|f| {
            f.evidence
                .iter()
                .any(|e| e.article == "b" && e.text.contains("Thursday"))
        })
    }

    #[test]
    fn undated_articles_told_by_weekdays_lend_the_event_their_day() {
        // A day apart and linked by a place alone, the two dated claims do not meet: the day
        // is lent to the claim naming the man.
        let found = date_conflicts(vec![
            undated("a", "Police arrested Dorin Vasek in Tolbury on Friday."),
            undated(
                "b",
                "Police arrested a man in Tolbury on Thursday. Police arrested Dorin Vasek after a \
                 chase.",
            ),
        ]);
        assert!(cites_thursday_in_b(&found), "{found:?}");
    }

    #[test]
    fn undated_articles_giving_the_event_two_days_lend_neither() {
        // The second arrest names no one the first article names, and still makes the day
        // uncertain.
        let found = date_conflicts(vec![
            undated("a", "Police arrested Dorin Vasek in Tolbury on Friday."),
            undated(
                "b",
                "Police arrested a man in Tolbury on Thursday. A second man was arrested on \
                 Sunday. Police arrested Dorin Vasek after a chase.",
            ),
        ]);
        assert!(!cites_thursday_in_b(&found), "{found:?}");
    }

    #[test]
    fn undated_articles_told_by_months_lend_no_date() {
        // No day of an unknown week: the months may be of two years.
        let found = date_conflicts(vec![
            undated("a", "Police arrested Dorin Vasek in Tolbury in March."),
            undated(
                "b",
                "Police arrested a man in Tolbury in May. Police arrested Dorin Vasek after a \
                 chase.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_undated_claim_takes_its_articles_date_for_the_event() {
        let checker = Checker::new(&crate::rulefiles::builtin()).expect("rules");
        let (report, _) = checker.check(vec![
            article("a", "Police arrested Jamal Jones in Houston on Friday."),
            article(
                "b",
                "Police arrested a man in Houston on Tuesday. Police arrested Jamal Jones after a \
                 chase.",
            ),
        ]);
        let dated = report
            .findings
            .iter()
            .find(|f| f.code == "TIME001")
            .expect("a date conflict");
        assert!(
            dated
                .evidence
                .iter()
                .any(|e| e.article == "b" && e.text.contains("Tuesday")),
            "{dated:?}"
        );
    }
}
