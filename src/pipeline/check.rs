//! Cross-checking: the keyed step of the pipeline. Matched pairs of claims go through every
//! rule; the findings are sorted into a deterministic report. An article that repeats another
//! word for word is analyzed and checked once, as its original, and the original's findings
//! are carried to it (`pipeline::copies`).

use std::cell::RefCell;

use foldhash::{HashMap, HashMapExt};

use crate::claim::Claim;
use crate::input::Article;
use crate::matcher;
use crate::pipeline::analyze::{Analysis, Analyzer};
use crate::pipeline::copies::{self, Copies, FingerprintKeys};
use crate::pipeline::parallel;
use crate::report::{Report, RuleInfo};
use crate::rulefiles::RuleFile;
use crate::rules::ledger::Ledger;
use crate::rules::{self, Context, RuleSet};

/// A compiled lexicon and rule set, ready to check articles.
#[derive(Debug)]
pub struct Checker {
    /// The per-article analyzer.
    pub analyzer: Analyzer,
    /// The rules.
    pub rules: RuleSet,
    /// The reference facts of `ledger/`.
    pub ledger: Ledger,
    /// How many threads analyze articles (`pipeline::parallel`): all the machine's cores
    /// unless set; 1 analyzes them on the caller's thread. The output is the same either way.
    pub threads: usize,
}

impl Checker {
    /// Compiles the lexicon, rules and ledger among `files`. Every problem is reported.
    pub fn new(files: &[RuleFile]) -> Result<Checker, Vec<String>> {
        let analyzer = Analyzer::new(files);
        let rules = RuleSet::load(files);
        let ledger = match &analyzer {
            Ok(analyzer) => Ledger::load(files, &analyzer.lexicon),
            Err(_) => Ok(Ledger::default()),
        };
        match (analyzer, rules, ledger) {
            (Ok(analyzer), Ok(rules), Ok(ledger)) => Ok(Checker {
                analyzer,
                rules,
                ledger,
                threads: parallel::threads(None),
            }),
            (analyzer, rules, ledger) => {
                let mut errors = analyzer.err().unwrap_or_default();
                errors.extend(rules.err().unwrap_or_default());
                errors.extend(ledger.err().unwrap_or_default());
                Err(errors)
            }
        }
    }

    /// Analyzes and cross-checks `articles`.
    pub fn check(&self, articles: Vec<Article>) -> (Report, Vec<Analysis>) {
        self.check_with(articles, &self.rules)
    }

    /// Analyzes and cross-checks `articles` with `rules` instead of the checker's own.
    pub fn check_with(&self, articles: Vec<Article>, rules: &RuleSet) -> (Report, Vec<Analysis>) {
        let analyses = self.analyze_all(&articles, |_| {});
        let report = self.check_analyses(articles, &analyses, rules);
        (report, analyses)
    }

    /// Analyzes `articles`, each text once, on [`Checker::threads`] threads: a verbatim copy
    /// of an earlier article (same text, same publication date) gets its original's analysis
    /// under its own id. `done` is told how many texts are analyzed as they are.
    pub fn analyze_all(&self, articles: &[Article], done: impl FnMut(usize)) -> Vec<Analysis> {
        let copies = Copies::of(articles);
        let originals: Vec<&Article> = articles
            .iter()
            .zip(&copies.original)
            .filter(|(_, original)| original.is_none())
            .map(|(article, _)| article)
            .collect();
        let mut analyzed = parallel::map_in_order(
            &originals,
            self.threads,
            |article| self.analyzer.analyze(article),
            done,
        )
        .into_iter();
        let mut analyses: Vec<Analysis> = Vec::with_capacity(articles.len());
        for (article, original) in articles.iter().zip(&copies.original) {
            let analysis = match original {
                Some(original) => copies::analysis_for_copy(&analyses[*original], article),
                None => analyzed
                    .next()
                    .expect("one analysis for each article that is no copy"),
            };
            analyses.push(analysis);
        }
        analyses
    }

    /// Cross-checks articles already analyzed.
    pub fn check_analyses(
        &self,
        articles: Vec<Article>,
        analyses: &[Analysis],
        rules: &RuleSet,
    ) -> Report {
        self.check_against(articles, analyses, rules, &self.ledger)
    }

    /// Cross-checks articles already analyzed, with `rules` and `ledger` instead of the
    /// checker's own (rule self-tests carry their own facts).
    pub fn check_against(
        &self,
        articles: Vec<Article>,
        analyses: &[Analysis],
        rules: &RuleSet,
        ledger: &Ledger,
    ) -> Report {
        let copies = Copies::of_analyzed(&articles, analyses);
        let mut findings = if copies.is_empty() {
            let all: Vec<&Analysis> = analyses.iter().collect();
            self.cross_check(&articles, &all, &[], rules, ledger).0
        } else {
            // The matcher and the rules see each text once; copies get their original's findings.
            let originals = copies.originals();
            let kept: Vec<Article> = originals.iter().map(|&i| articles[i].clone()).collect();
            let kept_analyses: Vec<&Analysis> = originals.iter().map(|&i| &analyses[i]).collect();
            let groups = copies.groups();
            let kept_copies: Vec<Vec<&Article>> = originals
                .iter()
                .map(|&i| groups[i].iter().map(|&c| &articles[c]).collect())
                .collect();
            let (mut found, keys) =
                self.cross_check(&kept, &kept_analyses, &kept_copies, rules, ledger);
            let carried = copies::carry(&found, &copies, &articles, analyses, &keys);
            found.extend(carried);
            found
        };
        // An id given twice sorts by its first article, as a scan from the front would find.
        let mut positions: HashMap<&str, usize> = HashMap::with_capacity(articles.len());
        for (index, article) in articles.iter().enumerate() {
            positions.entry(article.id.as_str()).or_insert(index);
        }
        findings.sort_by_cached_key(|f| {
            let (article, start, code, message) = f.sort_key();
            let position = positions
                .get(article.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            (position, start, code, message)
        });
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.code == b.code);
        let all_claims = analyses
            .iter()
            .flat_map(|a| a.claims.iter().cloned())
            .collect();
        let mut report = Report::new(articles, all_claims, findings);
        report.front_matter = report
            .articles
            .iter()
            .filter(|a| !a.front_matter.is_empty())
            .map(|a| (a.id.clone(), a.front_matter.clone()))
            .collect();
        report.rules = rules.rules.iter().map(rule_info).collect();
        report
    }

    /// The findings of `rules` on `articles` (none a copy of another) with their `analyses`,
    /// unsorted, and how their fingerprints were made when `copies` (each article's verbatim
    /// copies, or none at all) is not empty.
    fn cross_check(
        &self,
        articles: &[Article],
        analyses: &[&Analysis],
        copies: &[Vec<&Article>],
        rules: &RuleSet,
        ledger: &Ledger,
    ) -> (Vec<crate::report::Finding>, FingerprintKeys) {
        let claims: Vec<Vec<Claim>> = analyses.iter().map(|a| a.claims.clone()).collect();
        let times: Vec<Vec<crate::temporal::Timex>> =
            analyses.iter().map(|a| a.times.clone()).collect();
        let published: Vec<_> = articles.iter().map(|a| a.meta.published).collect();
        let story_years = matcher::story_years(&claims, &published, &self.analyzer.lexicon);
        let headlines: Vec<&[String]> = analyses.iter().map(|a| &a.headline[..]).collect();
        let pairs = matcher::pairs(&claims, &headlines, &story_years, &self.analyzer.lexicon);
        let partners = crate::rules::context::partners(&pairs);
        let unknown_days: Vec<(usize, usize)> = claims
            .iter()
            .map(|c| matcher::days_of_unknown_year(c))
            .collect();
        let index = crate::rules::context::ClaimIndex::new(&claims);
        let cx = Context {
            articles,
            claims: &claims,
            index: &index,
            pairs: &pairs,
            partners: &partners,
            lexicon: &self.analyzer.lexicon,
            times: &times,
            story_years: &story_years,
            unknown_days: &unknown_days,
            ledger,
            copies,
            keys: RefCell::new(FingerprintKeys::new()),
        };
        let findings = rules::evaluate(rules, &cx);
        (findings, cx.keys.into_inner())
    }
}

/// What renderers need to know of a rule.
fn rule_info(rule: &crate::rules::Rule) -> RuleInfo {
    let spec = &rule.spec;
    RuleInfo {
        code: spec.code.clone(),
        name: spec.name.clone(),
        summary: spec.summary.clone(),
        severity: rule.severity,
        kind: spec.kind.clone(),
        what: spec.doc.what.clone(),
        why: spec.doc.why.clone(),
        example: spec.doc.example.clone(),
        known_problems: spec.doc.known_problems.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::report::{Finding, FindingKind};

    const TOLD: &str = "Police arrested Jamal Jones in Houston on Friday, the police chief said. \
                        Jones was charged with robbery on Saturday.";
    const OTHER: &str = "Police arrested Jamal Jones in Houston on Tuesday. Jones was charged with \
                         robbery on Saturday, prosecutors said.";

    fn article(id: &str, text: &str) -> Article {
        Article::from_text(id, text, "2013-05-03".parse().ok())
    }

    fn check(articles: Vec<Article>) -> Report {
        let checker = Checker::new(&crate::rulefiles::builtin()).expect("rules");
        checker.check(articles).0
    }

    /// Every finding as its JSON, order aside.
    fn as_set<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> BTreeSet<String> {
        findings
            .into_iter()
            .map(|f| serde_json::to_string(f).expect("json"))
            .collect()
    }

    fn discrepancies(report: &Report) -> impl Iterator<Item = &Finding> {
        report
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Discrepancy)
    }

    #[test]
    fn a_copy_gets_the_findings_its_own_check_would_give_it() {
        let with_copy = check(vec![
            article("a", TOLD),
            article("b", OTHER),
            article("a-again", TOLD),
        ]);
        let original = check(vec![article("a", TOLD), article("b", OTHER)]);
        let copy_alone = check(vec![article("a-again", TOLD), article("b", OTHER)]);
        assert!(discrepancies(&original).any(|f| f.code == "TIME001"));
        let expected = as_set(discrepancies(&original).chain(discrepancies(&copy_alone)));
        assert_eq!(as_set(discrepancies(&with_copy)), expected);
        // The copy is not checked against its original: nothing rests on both.
        assert!(
            with_copy.findings.iter().all(|f| {
                let on = |id: &str| f.evidence.iter().any(|e| e.article == id);
                !(on("a") && on("a-again"))
            }),
            "{:#?}",
            with_copy.findings
        );
        // Every claim of the copy is reported, under the copy's own ids.
        assert_eq!(with_copy.claims.len(), 3 * original.claims.len() / 2);
        assert!(with_copy.claims.iter().any(|c| c.article == "a-again"));
    }

    #[test]
    fn a_copy_with_one_fact_changed_is_checked_as_an_article_of_its_own() {
        let changed = TOLD.replace("Friday", "Thursday");
        let report = check(vec![article("a", TOLD), article("a-edited", &changed)]);
        let conflict = report
            .findings
            .iter()
            .find(|f| f.code == "TIME001")
            .expect("the changed date conflicts with the original's");
        let on = |id: &str| conflict.evidence.iter().any(|e| e.article == id);
        assert!(on("a") && on("a-edited"), "{conflict:#?}");
    }

    #[test]
    fn a_finding_between_two_stories_with_copies_is_carried_to_each_copy_once() {
        let articles = vec![
            article("a", TOLD),
            article("b", OTHER),
            article("a-again", TOLD),
            article("b-again", OTHER),
        ];
        let first = as_set(&check(articles.clone()).findings);
        let second = as_set(&check(articles).findings);
        assert_eq!(first, second);
        // Each finding between two stories with copies is carried to each copy once.
        let conflicts = |report: &Report| {
            report
                .findings
                .iter()
                .filter(|f| f.code == "TIME001")
                .count()
        };
        let once = conflicts(&check(vec![article("a", TOLD), article("b", OTHER)]));
        let report = check(vec![
            article("a", TOLD),
            article("b", OTHER),
            article("a-again", TOLD),
            article("b-again", OTHER),
        ]);
        assert_eq!(conflicts(&report), 3 * once);
    }
}
