//! Cross-checking: the keyed step of the pipeline. Matched pairs of claims go through every
//! rule; the findings are sorted into a deterministic report.

use foldhash::{HashMap, HashMapExt};

use crate::claim::Claim;
use crate::input::Article;
use crate::matcher;
use crate::pipeline::analyze::{Analysis, Analyzer};
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
        let analyses: Vec<Analysis> = articles.iter().map(|a| self.analyzer.analyze(a)).collect();
        let report = self.check_analyses(articles, &analyses, rules);
        (report, analyses)
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
        let claims: Vec<Vec<Claim>> = analyses.iter().map(|a| a.claims.clone()).collect();
        let times: Vec<Vec<crate::temporal::Timex>> =
            analyses.iter().map(|a| a.times.clone()).collect();
        let pairs = matcher::pairs(&claims, &self.analyzer.lexicon);
        let partners = crate::rules::context::partners(&pairs);
        let story_years: Vec<Option<i32>> = claims.iter().map(|c| matcher::story_year(c)).collect();
        let cx = Context {
            articles: &articles,
            claims: &claims,
            pairs: &pairs,
            partners: &partners,
            lexicon: &self.analyzer.lexicon,
            times: &times,
            story_years: &story_years,
            ledger,
        };
        let mut findings = rules::evaluate(rules, &cx);
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
        let all_claims = claims.into_iter().flatten().collect();
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
