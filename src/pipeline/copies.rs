//! Verbatim copies: articles whose text and publication date repeat an earlier article's
//! word for word (a wire story printed by several outlets, a file given twice under two ids).
//!
//! A copy's analysis is its original's (the analyzer reads nothing else of an article but its
//! id, which only names the claims), so it is analyzed once and cross-checked once: the matcher
//! and the rules see one article for the whole group, and every finding about the original is
//! then *carried* to each copy, as the copy's own finding: its article id, claim ids and
//! fingerprint put in the original's place. Without this, every copy of a story meets every
//! other copy and every other telling, and the matched pairs grow with the square of the
//! copies (docs/engine.md, "Scaling: the cost of a matched pair").
//!
//! An article that differs from another in one byte of its text, or in its publication date
//! (which resolves its relative dates), is not a copy and is checked as any other.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use crate::claim::Claim;
use crate::claim::id::fingerprint;
use crate::input::Article;
use crate::pipeline::analyze::Analysis;
use crate::report::Finding;

/// How a fingerprint was made: the parts hashed (`claim::id::fingerprint`), of which those
/// from `sorted_from` on are claim ids in sorted order. Kept for every finding a run makes, so
/// that a finding carried to a copy gets the fingerprint the copy's own finding would have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FingerprintKey {
    /// The parts, in hashing order.
    pub parts: Vec<String>,
    /// Where the sorted claim ids start among `parts` (`parts.len()` when there are none).
    pub sorted_from: usize,
}

/// Fingerprint keys by the fingerprint they hash to.
pub type FingerprintKeys = BTreeMap<String, FingerprintKey>;

/// Which articles of a run repeat which.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Copies {
    /// For every article, the earlier article whose text and date it repeats, if any (always
    /// the first of its group, never a copy itself).
    pub original: Vec<Option<usize>>,
}

/// What decides an article's analysis besides its id.
fn analysis_key(article: &Article) -> (&str, Option<crate::temporal::PartialDate>) {
    (article.text.as_str(), article.meta.published)
}

impl Copies {
    /// The copies among `articles`: each article whose text and publication date equal an
    /// earlier one's, in input order.
    pub fn of(articles: &[Article]) -> Copies {
        let mut first: HashMap<(&str, Option<crate::temporal::PartialDate>), usize> =
            HashMap::with_capacity(articles.len());
        let original = articles
            .iter()
            .enumerate()
            .map(|(index, article)| {
                let seen = *first.entry(analysis_key(article)).or_insert(index);
                (seen != index).then_some(seen)
            })
            .collect();
        Copies { original }
    }

    /// The copies among `articles` whose `analyses` also agree claim for claim with their
    /// original's (analyses handed in by a caller, made with other rules, are not taken on
    /// trust).
    pub fn of_analyzed(articles: &[Article], analyses: &[Analysis]) -> Copies {
        let mut copies = Copies::of(articles);
        for (index, original) in copies.original.iter_mut().enumerate() {
            if let Some(of) = *original {
                let same = match (analyses.get(index), analyses.get(of)) {
                    (Some(copy), Some(first)) => same_claims(&copy.claims, &first.claims),
                    _ => false,
                };
                if !same {
                    *original = None;
                }
            }
        }
        copies
    }

    /// Whether no article is a copy.
    pub fn is_empty(&self) -> bool {
        self.original.iter().all(Option::is_none)
    }

    /// How many articles are copies.
    pub fn count(&self) -> usize {
        self.original.iter().filter(|o| o.is_some()).count()
    }

    /// The articles that are not copies, in input order.
    pub fn originals(&self) -> Vec<usize> {
        (0..self.original.len())
            .filter(|&i| self.original[i].is_none())
            .collect()
    }

    /// The copies of every article, in input order, by article (empty for most).
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let mut groups = vec![Vec::new(); self.original.len()];
        for (index, original) in self.original.iter().enumerate() {
            if let Some(of) = original {
                groups[*of].push(index);
            }
        }
        groups
    }
}

/// Whether two articles' claims say the same, claim for claim, ids and article aside.
fn same_claims(a: &[Claim], b: &[Claim]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.sentence == y.sentence
                && x.event == y.event
                && x.participants == y.participants
                && x.time == y.time
                && x.quantities == y.quantities
                && x.polarity == y.polarity
        })
}

/// The analysis of `article`, a copy of the article `original` was made for: the same, with
/// the copy's id on it and on its claims, and the claim ids the analyzer gives that id.
pub fn analysis_for_copy(original: &Analysis, article: &Article) -> Analysis {
    let mut analysis = original.clone();
    analysis.id.clone_from(&article.id);
    for claim in &mut analysis.claims {
        claim.article.clone_from(&article.id);
    }
    crate::pipeline::analyze::assign_ids(&mut analysis.claims);
    analysis
}

/// One article put in another's place in a finding.
struct Substitution<'a> {
    /// The original's id and the copy's.
    from: &'a str,
    to: &'a str,
    /// The original's claim ids, each with the copy's claim at the same position.
    claims: HashMap<&'a str, &'a str>,
}

/// The findings of `findings` about articles that have copies, carried to each copy: for every
/// article a finding rests on (by its evidence or its claims) and every copy of it, the same
/// finding with that copy in the article's place. `articles` and `analyses` are the whole run,
/// copies included; `keys` says how the findings' fingerprints were made.
pub fn carry(
    findings: &[Finding],
    copies: &Copies,
    articles: &[Article],
    analyses: &[Analysis],
    keys: &FingerprintKeys,
) -> Vec<Finding> {
    let groups = copies.groups();
    // Only articles with copies matter: their ids and their claims' ids.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_claim: HashMap<&str, usize> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        by_id.entry(articles[index].id.as_str()).or_insert(index);
        for claim in &analyses[index].claims {
            by_claim.entry(claim.id.as_str()).or_insert(index);
        }
    }
    if by_id.is_empty() {
        return Vec::new();
    }
    let mut substitutions: HashMap<usize, Substitution<'_>> = HashMap::new();
    let mut carried = Vec::new();
    for finding in findings {
        let mut involved: Vec<usize> = finding
            .evidence
            .iter()
            .filter_map(|e| by_id.get(e.article.as_str()).copied())
            .chain(
                finding
                    .claims
                    .iter()
                    .filter_map(|c| by_claim.get(c.as_str()).copied()),
            )
            .collect();
        involved.sort_unstable();
        involved.dedup();
        for original in involved {
            for &copy in &groups[original] {
                let substitution = substitutions.entry(copy).or_insert_with(|| Substitution {
                    from: &articles[original].id,
                    to: &articles[copy].id,
                    claims: analyses[original]
                        .claims
                        .iter()
                        .zip(&analyses[copy].claims)
                        .map(|(a, b)| (a.id.as_str(), b.id.as_str()))
                        .collect(),
                });
                carried.push(substitute(finding, substitution, keys));
            }
        }
    }
    carried
}

/// `finding` with the substitution's copy in its original's place.
fn substitute(finding: &Finding, s: &Substitution<'_>, keys: &FingerprintKeys) -> Finding {
    let claim = |id: &str| s.claims.get(id).copied().unwrap_or(id).to_string();
    let mut out = finding.clone();
    out.message = replace_id(&finding.message, s.from, s.to);
    for evidence in &mut out.evidence {
        if evidence.article == s.from {
            evidence.article = s.to.to_string();
        }
        evidence.label = replace_id(&evidence.label, s.from, s.to);
    }
    out.claims = finding.claims.iter().map(|c| claim(c)).collect();
    out.claims.sort();
    out.claims.dedup();
    out.fingerprint = match keys.get(&finding.fingerprint) {
        Some(key) => {
            let mut parts: Vec<String> = key
                .parts
                .iter()
                .map(|p| {
                    if p == s.from {
                        s.to.to_string()
                    } else {
                        claim(p)
                    }
                })
                .collect();
            let from = key.sorted_from.min(parts.len());
            parts[from..].sort();
            fingerprint(parts.iter().map(String::as_str))
        }
        // A fingerprint made without a key: the copy's is the original's with the copy's id.
        None => fingerprint([finding.fingerprint.as_str(), s.to]),
    };
    out
}

/// Whether `c` may be part of an article id (so that an id found inside a longer one is left
/// alone).
fn id_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '~' | '/' | '#' | '@')
}

/// `text` with every whole occurrence of the id `from` written `to`: one not inside a longer
/// id ("21_8ecb" is not in "21_8ecb~1" or "121_8ecb"). A period or colon ends an id unless a
/// letter or digit follows it.
pub fn replace_id(text: &str, from: &str, to: &str) -> String {
    if from.is_empty() || from == to || !text.contains(from) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(from) {
        let before = text[..at].chars().next_back();
        let mut after = text[at + from.len()..].chars();
        let next = after.next();
        let starts = before.is_none_or(|c| !id_char(c) && !matches!(c, '.' | ':'));
        let ends = match next {
            None => true,
            Some('.' | ':') => after.next().is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => !id_char(c),
        };
        if starts && ends {
            out.push_str(&text[last..at]);
            out.push_str(to);
            last = at + from.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str, published: &str) -> Article {
        Article::from_text(id, text, published.parse().ok())
    }

    #[test]
    fn a_copy_repeats_text_and_date() {
        let articles = [
            article("a", "Police arrested Jamal Jones on Friday.", "2013-05-03"),
            article("b", "Police arrested Jamal Jones on Friday.", "2013-05-03"),
            article("c", "Police arrested Jamal Jones on Friday.", "2013-05-04"),
            article("d", "Police arrested Jamal Jones on Sunday.", "2013-05-03"),
            article("e", "Police arrested Jamal Jones on Friday.", "2013-05-03"),
        ];
        let copies = Copies::of(&articles);
        assert_eq!(copies.original, vec![None, Some(0), None, None, Some(0)]);
        assert_eq!(copies.originals(), vec![0, 2, 3]);
        assert_eq!(copies.groups()[0], vec![1, 4]);
        assert!(!copies.is_empty());
        assert_eq!(copies.count(), 2);
        assert!(Copies::of(&articles[2..4]).is_empty());
    }

    #[test]
    fn a_copys_analysis_is_the_one_the_analyzer_gives_it() {
        let analyzer = crate::pipeline::Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let text = "Police arrested Jamal Jones in Houston on Friday. Jones was charged with \
                    robbery on Saturday, police said.";
        let (a, b) = (
            article("a", text, "2013-05-03"),
            article("b", text, "2013-05-03"),
        );
        let original = analyzer.analyze(&a);
        let own = analyzer.analyze(&b);
        let carried = analysis_for_copy(&original, &b);
        assert!(!own.claims.is_empty());
        assert_eq!(
            serde_json::to_string(&carried).ok(),
            serde_json::to_string(&own).ok()
        );
        assert_ne!(original.claims[0].id, own.claims[0].id);
    }

    #[test]
    fn analyses_that_differ_are_not_copies() {
        let analyzer = crate::pipeline::Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let text = "Police arrested Jamal Jones in Houston on Friday.";
        let articles = [
            article("a", text, "2013-05-03"),
            article("b", text, "2013-05-03"),
        ];
        let mut analyses: Vec<Analysis> = articles.iter().map(|a| analyzer.analyze(a)).collect();
        assert!(!Copies::of_analyzed(&articles, &analyses).is_empty());
        analyses[1].claims.clear();
        assert!(Copies::of_analyzed(&articles, &analyses).is_empty());
    }

    #[test]
    fn ids_are_replaced_only_whole() {
        assert_eq!(
            replace_id(
                "dated 5 in 21_8ecb but 3 in 1_8ecb (21_8ecb~1, 21_8ecb.)",
                "21_8ecb",
                "x"
            ),
            "dated 5 in x but 3 in 1_8ecb (21_8ecb~1, x.)"
        );
        assert_eq!(replace_id("a.b a.bc a.b:", "a.b", "z"), "z a.bc z:");
        assert_eq!(replace_id("only a reports", "a", "b"), "only b reports");
        assert_eq!(replace_id("nothing here", "", "b"), "nothing here");
    }
}
