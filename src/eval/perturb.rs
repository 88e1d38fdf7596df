//! Cross-source evaluation by perturbation on real multi-source news clusters.
//!
//! The corpus is JSON Lines of articles with a `cluster` and a `subcluster` field (ECB+: the
//! articles of one subcluster report one real event; the two subclusters of a cluster report two
//! look-alike events). No gold discrepancies exist in real news, so they are made: one fact that
//! at least two articles of a subcluster state is changed in one of them — a date moved, a number
//! changed, a participant swapped for one from another story, an assertion negated — and the
//! checker is run on the subcluster. The change is *found* when a discrepancy cites the changed
//! span. Two more figures need no change: findings pairing articles of the two look-alike
//! subclusters of a cluster (confusion), and discrepancies on the untouched subclusters (false
//! alarms, or real disagreements between outlets; a sample is printed to judge which).
//!
//! The generator reads facts off the analyzer's own output (time expressions, quantities, claim
//! participants and event words) but decides what is *corroborated* by plain equality of values
//! across articles, independently of the matcher and the rules being measured.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::claim::{Claim, Polarity};
use crate::eval::coref::GoldLinks;
use crate::input::{self, Article, LoadOptions};
use crate::lexicon::closed::{CARDINALS, MONTHS, WEEKDAYS};
use crate::lexicon::{EntityKind, Lexicon, verb_forms};
use crate::pipeline::analyze::Analysis;
use crate::pipeline::check::Checker;
use crate::pipeline::parallel;
use crate::report::{Finding, FindingKind, Report};
use crate::temporal::TimexType;
use crate::text::span::Span;

/// A failure to read the corpus.
#[derive(Debug, thiserror::Error)]
pub enum PerturbError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not an article object with `id`, `cluster` and `subcluster`.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The loader rejected articles.
    #[error("{0}")]
    Load(String),
}

impl PerturbError {
    /// An error of line `line` (1-based) of the file `path`.
    pub(crate) fn at(path: &str, line: usize, message: String) -> PerturbError {
        PerturbError::Line {
            path: path.to_string(),
            line,
            message,
        }
    }
}

/// The file at `path` as text, with its name for messages.
pub(crate) fn read_text(path: &Path) -> Result<(String, String), PerturbError> {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((name, text)),
        Err(source) => Err(PerturbError::Io { path: name, source }),
    }
}

/// The lines of a JSON Lines text that hold something, with their 1-based numbers.
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| (n + 1, line))
}

/// What to run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Seed of the choice of changes and of replacement values.
    pub seed: u64,
    /// At most this many changes of each kind (all candidates when `None`).
    pub sample: Option<usize>,
    /// How many untouched discrepancies to print.
    pub show: usize,
    /// How many misses of each kind to print, with their class.
    pub misses: usize,
    /// How many confusing findings to print in full, with the sentences they cite (by
    /// default a few, without them).
    pub confusion: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 1,
            sample: Some(300),
            show: 12,
            misses: 3,
            confusion: None,
        }
    }
}

/// The kinds of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// A date moved.
    Date,
    /// A number changed.
    Number,
    /// A participant swapped for one from another story.
    Participant,
    /// An assertion negated.
    Negation,
}

impl ChangeKind {
    /// Every kind, in report order.
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Date,
        ChangeKind::Number,
        ChangeKind::Participant,
        ChangeKind::Negation,
    ];

    /// A short name.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Date => "date moved",
            ChangeKind::Number => "number changed",
            ChangeKind::Participant => "participant swapped",
            ChangeKind::Negation => "assertion negated",
        }
    }
}

/// One change made to one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its kind.
    pub kind: ChangeKind,
    /// Index of the article in the corpus.
    pub article: usize,
    /// The replaced bytes of the original text.
    pub old_span: Span,
    /// The replacement.
    pub new_text: String,
}

impl Change {
    /// The span of the replacement in the changed text.
    pub fn new_span(&self) -> Span {
        Span::new(
            self.old_span.start,
            self.old_span.start + self.new_text.len(),
        )
    }

    /// The changed text.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.new_text.len());
        out.push_str(&text[..self.old_span.start]);
        out.push_str(&self.new_text);
        out.push_str(&text[self.old_span.end..]);
        out
    }
}

/// Where the chain from a changed fact to a finding breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MissClass {
    /// No claim of the changed article carries the changed span.
    NotCarried,
    /// A claim carries it, but meets no claim of another article.
    Unmatched,
    /// The claim meets one of another article, and no rule reports the change.
    Unreported,
}

impl MissClass {
    /// A short name.
    pub fn as_str(self) -> &'static str {
        match self {
            MissClass::NotCarried => "no claim carries it",
            MissClass::Unmatched => "claim matched to none",
            MissClass::Unreported => "matched, not reported",
        }
    }
}

/// Recall for one kind of change.
#[derive(Clone, Debug, Default)]
pub struct KindScore {
    /// Candidates the corpus offers.
    pub candidates: usize,
    /// Changes tried.
    pub tried: usize,
    /// Changes a discrepancy cited.
    pub found: usize,
    /// A few misses, described.
    pub misses: Vec<String>,
    /// Misses by where the chain breaks.
    pub miss_classes: BTreeMap<MissClass, usize>,
    /// Changes tried that a gold annotation confirms another article states (`eval::coref`).
    pub confirmed: usize,
    /// Those a discrepancy cited.
    pub confirmed_found: usize,
}

impl KindScore {
    /// Found over tried, in percent.
    pub fn recall(&self) -> f64 {
        percent(self.found, self.tried)
    }
}

/// The whole evaluation.
#[derive(Clone, Debug, Default)]
pub struct PerturbReport {
    /// Articles read.
    pub articles: usize,
    /// Subclusters with at least two articles.
    pub subclusters: usize,
    /// Clusters with two subclusters.
    pub clusters: usize,
    /// The seed used.
    pub seed: u64,
    /// Whether a gold annotation was given (`KindScore::confirmed`).
    pub gold: bool,
    /// Recall by kind.
    pub kinds: BTreeMap<ChangeKind, KindScore>,
    /// Findings pairing articles of the two subclusters, by cluster.
    pub confusion: BTreeMap<String, usize>,
    /// A few confusing findings, described.
    pub confusion_sample: Vec<String>,
    /// Discrepancies on the untouched subclusters.
    pub untouched: usize,
    /// Articles in the untouched subclusters.
    pub untouched_articles: usize,
    /// A sample of them, described.
    pub untouched_sample: Vec<String>,
    /// Untouched discrepancies by rule code.
    pub untouched_by_code: BTreeMap<String, usize>,
    /// Confusing findings by rule code.
    pub confusion_by_code: BTreeMap<String, usize>,
}

impl PerturbReport {
    /// Mean confusing findings per cluster.
    pub fn confusion_per_cluster(&self) -> f64 {
        if self.confusion.is_empty() {
            0.0
        } else {
            self.confusion.values().sum::<usize>() as f64 / self.confusion.len() as f64
        }
    }

    /// Untouched discrepancies per 100 articles.
    pub fn untouched_per_100(&self) -> f64 {
        if self.untouched_articles == 0 {
            0.0
        } else {
            100.0 * self.untouched as f64 / self.untouched_articles as f64
        }
    }

    /// The report as text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "cross-source perturbation: {} articles, {} subclusters, {} clusters, seed {}",
            self.articles, self.subclusters, self.clusters, self.seed
        );
        let _ = writeln!(out, "\nrecall (a discrepancy cites the changed span):");
        for (kind, score) in &self.kinds {
            let _ = writeln!(
                out,
                "  {:<20} {:>4}/{:<4} {:>5.1}%   ({} candidates)",
                kind.as_str(),
                score.found,
                score.tried,
                score.recall(),
                score.candidates
            );
        }
        for (kind, score) in &self.kinds {
            let classes: Vec<String> = score
                .miss_classes
                .iter()
                .map(|(class, n)| format!("{} {n}", class.as_str()))
                .collect();
            if !classes.is_empty() {
                let _ = writeln!(out, "  {} misses: {}", kind.as_str(), classes.join(", "));
            }
        }
        for (kind, score) in &self.kinds {
            for miss in &score.misses {
                let _ = writeln!(out, "  missed {}: {miss}", kind.as_str());
            }
        }
        if self.gold {
            let _ = writeln!(
                out,
                "\nrecall on changes a gold annotation confirms (a person linked the changed \
                 mention to one in another article):"
            );
            for (kind, score) in &self.kinds {
                if !GoldLinks::covers(*kind) {
                    let _ = writeln!(out, "  {:<20} (not annotated)", kind.as_str());
                    continue;
                }
                let _ = writeln!(
                    out,
                    "  {:<20} {:>4}/{:<4} {:>5.1}%",
                    kind.as_str(),
                    score.confirmed_found,
                    score.confirmed,
                    percent(score.confirmed_found, score.confirmed)
                );
            }
        }
        let total: usize = self.confusion.values().sum();
        let _ = writeln!(
            out,
            "\nlook-alike confusion: {total} findings pair the two subclusters of {} clusters \
             ({:.2} a cluster)",
            self.confusion.len(),
            self.confusion_per_cluster()
        );
        let noisy: Vec<String> = self
            .confusion
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| format!("{c}:{n}"))
            .collect();
        if !noisy.is_empty() {
            let _ = writeln!(out, "  by cluster: {}", noisy.join(" "));
            let _ = writeln!(out, "  by rule: {}", by_code(&self.confusion_by_code));
        }
        for line in &self.confusion_sample {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(
            out,
            "\nuntouched subclusters: {} discrepancies in {} articles ({:.1} per 100 articles)",
            self.untouched,
            self.untouched_articles,
            self.untouched_per_100()
        );
        if !self.untouched_by_code.is_empty() {
            let _ = writeln!(out, "  by rule: {}", by_code(&self.untouched_by_code));
        }
        for line in &self.untouched_sample {
            let _ = writeln!(out, "  {line}");
        }
        out
    }
}

/// `part` of `whole` in percent (0 of nothing).
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn by_code(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(code, n)| format!("{code}:{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A small deterministic generator (SplitMix64), so runs repeat byte for byte.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// The generator of one place in the corpus: its draws depend on the seed and the place
    /// alone, so one candidate more or fewer elsewhere does not change them.
    fn at(seed: u64, article: &str, offset: usize) -> Rng {
        let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
        for byte in article.bytes().chain(offset.to_le_bytes()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3);
        }
        Rng(seed ^ hash)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The corpus: articles and their groups.
#[derive(Debug)]
pub struct Corpus {
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// The cluster of each article.
    pub cluster: Vec<String>,
    /// The subcluster of each article.
    pub subcluster: Vec<String>,
    /// A gold annotation of cross-document coreference, when one is given.
    pub gold: Option<GoldLinks>,
}

impl Corpus {
    /// Reads a JSON Lines corpus with `id`, `cluster` and `subcluster` fields.
    pub fn read(path: &Path) -> Result<Corpus, PerturbError> {
        let (name, text) = read_text(path)?;
        let mut groups: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (n, line) in numbered_lines(&text) {
            let bad = |message: String| PerturbError::at(&name, n, message);
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
            let field = |key: &str| {
                value
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .ok_or_else(|| bad(format!("expected a string field `{key}`")))
            };
            groups.insert(field("id")?, (field("cluster")?, field("subcluster")?));
        }
        let loaded = input::load(&[PathBuf::from(path)], &LoadOptions::default());
        if let Some(first) = loaded.errors.first() {
            return Err(PerturbError::Load(first.to_string()));
        }
        let mut cluster = Vec::new();
        let mut subcluster = Vec::new();
        for article in &loaded.articles {
            let (c, s) = groups.get(&article.id).cloned().unwrap_or_default();
            cluster.push(c);
            subcluster.push(s);
        }
        Ok(Corpus {
            articles: loaded.articles,
            cluster,
            subcluster,
            gold: None,
        })
    }

    /// Article indices by subcluster (only subclusters of two or more articles).
    fn subclusters(&self) -> BTreeMap<&str, Vec<usize>> {
        let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, s) in self.subcluster.iter().enumerate() {
            map.entry(s.as_str()).or_default().push(i);
        }
        map.retain(|_, v| v.len() >= 2);
        map
    }

    /// Article indices by cluster (only clusters with two subclusters).
    fn clusters(&self) -> BTreeMap<&str, Vec<usize>> {
        let mut map: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, c) in self.cluster.iter().enumerate() {
            map.entry(c.as_str()).or_default().push(i);
        }
        map.retain(|_, v| {
            v.iter()
                .map(|&i| &self.subcluster[i])
                .collect::<BTreeSet<_>>()
                .len()
                == 2
        });
        map
    }
}

/// Runs the whole evaluation.
pub fn evaluate(corpus: &Corpus, checker: &Checker, options: &Options) -> PerturbReport {
    let analyses: Vec<Analysis> = parallel::map_in_order(
        &corpus.articles,
        checker.threads,
        |a| checker.analyzer.analyze(a),
        |_| {},
    );
    let subclusters = corpus.subclusters();
    let mut report = PerturbReport {
        articles: corpus.articles.len(),
        subclusters: subclusters.len(),
        clusters: corpus.clusters().len(),
        seed: options.seed,
        gold: corpus.gold.is_some(),
        ..PerturbReport::default()
    };
    // Two streams: the choice of changes must not depend on what the checker reports.
    let mut rng = Rng(options.seed);
    let mut show = Rng(options.seed ^ 0x5EED_5A3B_1E00_0001);

    // Untouched subclusters.
    let mut untouched: Vec<String> = Vec::new();
    for (name, members) in &subclusters {
        let found = run(corpus, checker, &analyses, members, None);
        report.untouched_articles += members.len();
        let group: BTreeMap<&str, &str> = members
            .iter()
            .map(|&i| (corpus.articles[i].id.as_str(), *name))
            .collect();
        for finding in found
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Discrepancy)
        {
            report.untouched += 1;
            *report
                .untouched_by_code
                .entry(finding.code.clone())
                .or_default() += 1;
            untouched.push(describe_in_context(name, finding, corpus, &group));
        }
    }
    show.shuffle(&mut untouched);
    untouched.truncate(options.show);
    untouched.sort();
    report.untouched_sample = untouched;

    // Look-alike confusion.
    let mut confusing: Vec<String> = Vec::new();
    let mut listed: Vec<String> = Vec::new();
    for (cluster, members) in corpus.clusters() {
        let found = run(corpus, checker, &analyses, &members, None);
        let group: BTreeMap<&str, &str> = members
            .iter()
            .map(|&i| {
                (
                    corpus.articles[i].id.as_str(),
                    corpus.subcluster[i].as_str(),
                )
            })
            .collect();
        let crossing: Vec<&Finding> = found
            .findings
            .iter()
            .filter(|f| f.kind != FindingKind::Unsupported)
            .filter(|f| {
                f.evidence
                    .iter()
                    .filter_map(|e| group.get(e.article.as_str()))
                    .collect::<BTreeSet<_>>()
                    .len()
                    > 1
            })
            .collect();
        for f in &crossing {
            *report.confusion_by_code.entry(f.code.clone()).or_default() += 1;
        }
        confusing.extend(crossing.iter().map(|f| describe(f)));
        if let Some(n) = options.confusion {
            for f in crossing.iter().take(n.saturating_sub(listed.len())) {
                listed.push(describe_in_context(cluster, f, corpus, &group));
            }
        }
        report.confusion.insert(cluster.to_string(), crossing.len());
    }
    if options.confusion.is_some() {
        report.confusion_sample = listed;
    } else {
        show.shuffle(&mut confusing);
        confusing.truncate(options.show / 2);
        confusing.sort();
        report.confusion_sample = confusing;
    }

    // Changes.
    let lexicon = &checker.analyzer.lexicon;
    let mut candidates: BTreeMap<ChangeKind, Vec<Change>> = BTreeMap::new();
    let others = other_participants(corpus, &analyses, lexicon);
    for members in subclusters.values() {
        for change in changes(corpus, &analyses, members, lexicon, &others, options.seed) {
            candidates.entry(change.kind).or_default().push(change);
        }
    }
    for kind in ChangeKind::ALL {
        let mut list = candidates.remove(&kind).unwrap_or_default();
        let score = report.kinds.entry(kind).or_default();
        score.candidates = list.len();
        rng.shuffle(&mut list);
        if let Some(k) = options.sample {
            list.truncate(k);
        }
        // Each change is checked on its own, on every thread; the outcomes are counted in order.
        let outcomes = parallel::map_in_order(
            &list,
            checker.threads,
            |change| {
                let members = &subclusters[corpus.subcluster[change.article].as_str()];
                let found = cited(corpus, checker, &analyses, members, change);
                let miss = (!found).then(|| classify(corpus, checker, &analyses, members, change));
                (found, miss)
            },
            |_| {},
        );
        for (change, (found, miss)) in list.iter().zip(outcomes) {
            score.tried += 1;
            let members = &subclusters[corpus.subcluster[change.article].as_str()];
            let confirmed = corpus.gold.as_ref().is_some_and(|gold| {
                gold.confirms(change.kind, change.article, change.old_span, members)
            });
            if confirmed {
                score.confirmed += 1;
                score.confirmed_found += usize::from(found);
            }
            let Some((class, detail)) = miss else {
                score.found += 1;
                continue;
            };
            *score.miss_classes.entry(class).or_default() += 1;
            if score.misses.len() < options.misses {
                let article = &corpus.articles[change.article];
                score.misses.push(format!(
                    "[{}{}] {}@{}: \"{}\" -> \"{}\"{}",
                    class.as_str(),
                    if confirmed { ", gold-confirmed" } else { "" },
                    article.id,
                    change.old_span.start,
                    change.old_span.slice(&article.text),
                    change.new_text,
                    detail
                ));
            }
        }
    }
    report
}

/// Checks the articles `members`, with `change` applied when given.
fn run(
    corpus: &Corpus,
    checker: &Checker,
    analyses: &[Analysis],
    members: &[usize],
    change: Option<&Change>,
) -> Report {
    let mut articles: Vec<Article> = Vec::with_capacity(members.len());
    let mut group: Vec<Analysis> = Vec::with_capacity(members.len());
    for &i in members {
        let mut article = corpus.articles[i].clone();
        match change.filter(|c| c.article == i) {
            Some(c) => {
                article.text = c.apply(&article.text);
                group.push(checker.analyzer.analyze(&article));
            }
            None => group.push(analyses[i].clone()),
        }
        articles.push(article);
    }
    checker.check_analyses(articles, &group, &checker.rules)
}

/// Whether a discrepancy cites the changed span.
fn cited(
    corpus: &Corpus,
    checker: &Checker,
    analyses: &[Analysis],
    members: &[usize],
    change: &Change,
) -> bool {
    let report = run(corpus, checker, analyses, members, Some(change));
    let id = &corpus.articles[change.article].id;
    let span = change.new_span();
    report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Discrepancy)
        .flat_map(|f| &f.evidence)
        .any(|e| &e.article == id && Span::new(e.start, e.end).overlaps(span))
}

/// Where the chain breaks for a change no discrepancy cites, with what the claims carrying the
/// change state (` by charge@XXXX-WXX-5`) and, when matched, what their partners state
/// (` meets 3_1ecb charge@none`).
fn classify(
    corpus: &Corpus,
    checker: &Checker,
    analyses: &[Analysis],
    members: &[usize],
    change: &Change,
) -> (MissClass, String) {
    let span = change.new_span();
    let (claims, headlines): (Vec<Vec<Claim>>, Vec<Vec<String>>) = members
        .iter()
        .map(|&i| {
            if i == change.article {
                let mut article = corpus.articles[i].clone();
                article.text = change.apply(&article.text);
                let analysis = checker.analyzer.analyze(&article);
                (analysis.claims, analysis.headline)
            } else {
                (analyses[i].claims.clone(), analyses[i].headline.clone())
            }
        })
        .unzip();
    let lexicon = &checker.analyzer.lexicon;
    let headlines: Vec<&[String]> = headlines.iter().map(Vec::as_slice).collect();
    let Some(changed) = members.iter().position(|&i| i == change.article) else {
        return (MissClass::NotCarried, String::new());
    };
    let state = |c: &Claim| {
        let time = c.time.as_ref().map_or("none", |t| t.value.as_str());
        format!("{}@{}", c.event.predicate, time)
    };
    let carries = |claim: &Claim| {
        claim.event.span.overlaps(span)
            || claim.time.as_ref().is_some_and(|t| t.span.overlaps(span))
            || claim.quantities.iter().any(|q| q.span.overlaps(span))
            || claim.participants.iter().any(|p| p.span.overlaps(span))
    };
    let carrying: BTreeSet<usize> = claims[changed]
        .iter()
        .enumerate()
        .filter(|(_, c)| carries(c))
        .map(|(n, _)| n)
        .collect();
    if carrying.is_empty() {
        return (MissClass::NotCarried, String::new());
    }
    let mut detail = String::from(" by");
    for &n in &carrying {
        detail.push(' ');
        detail.push_str(&state(&claims[changed][n]));
    }
    if change.kind == ChangeKind::Number {
        detail.push_str(&number_detail(
            corpus,
            analyses,
            members,
            change,
            &claims[changed],
            &carrying,
        ));
    }
    let published: Vec<_> = members
        .iter()
        .map(|&i| corpus.articles[i].meta.published)
        .collect();
    let years = crate::matcher::story_years(&claims, &published, lexicon);
    let pairs = crate::matcher::pairs(&claims, &headlines, &years, lexicon);
    let partners: BTreeSet<String> = pairs
        .iter()
        .filter(|p| !p.same_article())
        .filter_map(|p| match (p.a, p.b) {
            (ours, theirs) | (theirs, ours)
                if ours.article == changed && carrying.contains(&ours.claim) =>
            {
                let article = &corpus.articles[members[theirs.article]].id;
                Some(format!(
                    "{article} {}",
                    state(&claims[theirs.article][theirs.claim])
                ))
            }
            _ => None,
        })
        .collect();
    if partners.is_empty() {
        // Whether the unchanged claim met any: the change itself split the pair (a weak link
        // whose dates now differ, a year moved past the matcher's gap), or it never met one.
        let mut original: Vec<Vec<Claim>> = claims;
        original[changed] = analyses[change.article].claims.clone();
        let years = crate::matcher::story_years(&original, &published, lexicon);
        let before = crate::matcher::pairs(&original, &headlines, &years, lexicon)
            .iter()
            .filter(|p| !p.same_article())
            .filter(|p| {
                [p.a, p.b].iter().any(|end| {
                    end.article == changed
                        && original[changed][end.claim].event.predicate != crate::claim::COUNT
                        && {
                            let c = &original[changed][end.claim];
                            c.event.span.overlaps(change.old_span)
                                || c.time
                                    .as_ref()
                                    .is_some_and(|t| t.span.overlaps(change.old_span))
                        }
                })
            })
            .count();
        if before > 0 {
            detail.push_str(&format!(" (unchanged, it met {before})"));
        }
        return (MissClass::Unmatched, detail);
    }
    detail.push_str(" meets");
    for partner in partners.iter().take(4) {
        detail.push(' ');
        detail.push_str(partner);
    }
    (MissClass::Unreported, detail)
}

/// For a changed number, what the count claims say: the changed article's count (`ours`, its
/// descriptor and the names of its clause) and the other articles' counts of the original
/// value and unit (`theirs`), so a miss shows why the two did not meet.
fn number_detail(
    corpus: &Corpus,
    analyses: &[Analysis],
    members: &[usize],
    change: &Change,
    changed: &[Claim],
    carrying: &BTreeSet<usize>,
) -> String {
    let count = |c: &Claim| {
        let names: Vec<&str> = c.participants.iter().map(|p| p.entity.as_str()).collect();
        format!(
            "\"{}\" [{}]",
            c.object.as_deref().unwrap_or(""),
            names.join(",")
        )
    };
    let mut out = String::new();
    for &n in carrying {
        if changed[n].event.predicate == crate::claim::COUNT {
            out.push_str(" | ours ");
            out.push_str(&count(&changed[n]));
        }
    }
    let Some(original) = analyses[change.article]
        .quantities
        .iter()
        .find(|q| q.span.overlaps(change.old_span))
    else {
        return out;
    };
    let mut shown = 0;
    for &i in members.iter().filter(|&&i| i != change.article) {
        for c in analyses[i].claims.iter().filter(|c| {
            c.event.predicate == crate::claim::COUNT
                && c.quantities
                    .iter()
                    .any(|q| q.value == original.value && q.unit == original.unit)
        }) {
            if shown == 3 {
                return out;
            }
            shown += 1;
            let _ = write!(out, " | theirs {} {}", corpus.articles[i].id, count(c));
        }
    }
    out
}

fn describe(finding: &Finding) -> String {
    format!("{} {}", finding.code, finding.message)
}

/// A confusing finding with its cluster and, for each piece of evidence, the article, its
/// subcluster and the sentence around the cited span (the span in brackets).
fn describe_in_context(
    cluster: &str,
    finding: &Finding,
    corpus: &Corpus,
    group: &BTreeMap<&str, &str>,
) -> String {
    let mut out = format!("[{cluster}] {}", describe(finding));
    for e in &finding.evidence {
        let Some(article) = corpus.articles.iter().find(|a| a.id == e.article) else {
            continue;
        };
        let sub = group.get(e.article.as_str()).copied().unwrap_or("?");
        let _ = write!(
            out,
            "\n      {} ({sub}): {}",
            e.article,
            in_sentence(&article.text, Span::new(e.start, e.end))
        );
    }
    out
}

/// Most bytes of context shown on each side of a cited span.
const CONTEXT_BYTES: usize = 160;

/// The sentence around `span` of `text` on one line, the span in brackets, at most
/// [`CONTEXT_BYTES`] on each side.
fn in_sentence(text: &str, span: Span) -> String {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let (start, end) = (
        floor(span.start.min(text.len())),
        ceil(span.end.min(text.len())),
    );
    let before = &text[floor(start.saturating_sub(CONTEXT_BYTES))..start];
    let from = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let after = &text[end..ceil((end + CONTEXT_BYTES).min(text.len()))];
    let to = after
        .find(['.', '!', '?', '\n'])
        .map_or(after.len(), |i| i + 1);
    let line = format!("{}[{}]{}", &before[from..], &text[start..end], &after[..to]);
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a participant may be swapped for: one of the same class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ParticipantClass {
    Person,
    Place,
    Organization,
}

fn class_of(id: &str, surface: &str, lexicon: &Lexicon) -> Option<ParticipantClass> {
    match lexicon.entity(id).map(|e| e.kind) {
        Some(EntityKind::Country | EntityKind::Place) => Some(ParticipantClass::Place),
        Some(EntityKind::Person) => Some(ParticipantClass::Person),
        Some(EntityKind::Organization) => Some(ParticipantClass::Organization),
        Some(_) => None,
        // An unknown two- or three-word capitalized name is most often a person.
        None => {
            let words: Vec<&str> = surface.split_whitespace().collect();
            let names = (2..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
                });
            names.then_some(ParticipantClass::Person)
        }
    }
}

/// The surface of a participant mention without a possessive ending.
fn bare(surface: &str) -> &str {
    surface
        .strip_suffix("'s")
        .or_else(|| surface.strip_suffix("’s"))
        .unwrap_or(surface)
}

/// Participants of every cluster, by class, as (cluster, id, surface).
fn other_participants(
    corpus: &Corpus,
    analyses: &[Analysis],
    lexicon: &Lexicon,
) -> BTreeMap<ParticipantClass, Vec<(String, String, String)>> {
    let mut seen = BTreeSet::new();
    let mut map: BTreeMap<ParticipantClass, Vec<(String, String, String)>> = BTreeMap::new();
    for (i, analysis) in analyses.iter().enumerate() {
        let text = &corpus.articles[i].text;
        for p in analysis
            .claims
            .iter()
            .filter(|c| !c.is_attribute() && c.event.predicate != crate::claim::DATE)
            .flat_map(|c| &c.participants)
        {
            let surface = bare(p.span.slice(text)).to_string();
            let Some(class) = class_of(&p.entity, &surface, lexicon) else {
                continue;
            };
            if seen.insert((corpus.cluster[i].clone(), p.entity.clone())) {
                map.entry(class).or_default().push((
                    corpus.cluster[i].clone(),
                    p.entity.clone(),
                    surface,
                ));
            }
        }
    }
    map
}

/// The last word of an entity id, so "reid" and "tara-reid" count as one.
fn surname(id: &str) -> &str {
    id.rsplit(['-', '/']).next().unwrap_or(id)
}

/// Every change the subcluster `members` offers: facts stated in at least two of its articles.
fn changes(
    corpus: &Corpus,
    analyses: &[Analysis],
    members: &[usize],
    lexicon: &Lexicon,
    others: &BTreeMap<ParticipantClass, Vec<(String, String, String)>>,
    seed: u64,
) -> Vec<Change> {
    let mut out = Vec::new();
    // Values stated by each article: dates, participants, predicates (numbers are looked up
    // with their bounds, below).
    let dates = |i: usize| -> BTreeSet<String> {
        analyses[i]
            .times
            .iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .map(|t| t.value.clone())
            .collect()
    };
    let people = |i: usize| -> BTreeSet<String> {
        analyses[i]
            .claims
            .iter()
            .filter(|c| !c.is_attribute() && c.event.predicate != crate::claim::DATE)
            .flat_map(|c| &c.participants)
            .map(|p| surname(&p.entity).to_string())
            .collect()
    };
    let predicates = |i: usize| -> BTreeSet<String> {
        analyses[i]
            .claims
            .iter()
            .filter(|c| c.polarity == Polarity::Positive && c.event.predicate != crate::claim::DATE)
            .map(|c| c.event.predicate.clone())
            .collect()
    };
    let by_article: Vec<_> = members
        .iter()
        .map(|&i| (dates(i), people(i), predicates(i)))
        .collect();
    let corroborated =
        |k: usize, pick: &dyn Fn(usize) -> bool| (0..members.len()).any(|j| j != k && pick(j));
    let subcluster_ids: BTreeSet<&str> = by_article
        .iter()
        .flat_map(|(_, p, _)| p.iter().map(String::as_str))
        .collect();
    for (k, &i) in members.iter().enumerate() {
        let article = &corpus.articles[i];
        let text = article.text.as_str();
        let analysis = &analyses[i];
        for t in &analysis.times {
            if !matches!(t.kind, TimexType::Date | TimexType::Time)
                || !corroborated(k, &|j| by_article[j].0.contains(&t.value))
                || on_dateline(text, t.span, &analysis.times)
            {
                continue;
            }
            if let Some(new_text) = move_date(t.span.slice(text)) {
                out.push(Change {
                    kind: ChangeKind::Date,
                    article: i,
                    old_span: t.span,
                    new_text,
                });
            }
        }
        for q in &analysis.quantities {
            let Some(unit) = &q.unit else { continue };
            // The statements that corroborate the number, the same value and unit in other
            // articles: a change must contradict one of them. Raised, "three people" is still
            // "at least three people"; lowered, it is not. A number no change of either way
            // contradicts is no test of the checker.
            let partners: Vec<&crate::claim::Quantity> = members
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .flat_map(|(_, &m)| &analyses[m].quantities)
                .filter(|p| p.value == q.value && p.unit.as_ref() == Some(unit))
                .collect();
            if partners.is_empty() {
                continue;
            }
            let contradicts = |change: &NumberChange| {
                let value = change.new_value_of(q.value);
                let (low, high) = crate::grammar::number::bounds(value, q.bound);
                let changed = crate::claim::Quantity {
                    value,
                    low,
                    high,
                    ..q.clone()
                };
                partners
                    .iter()
                    .any(|p| !crate::grammar::number::compatible(&changed, p))
            };
            let change = [Shift::Up, Shift::Down]
                .into_iter()
                .filter_map(|shift| change_number(text, q.span, shift))
                .find(contradicts);
            if let Some(change) = change {
                out.push(Change {
                    kind: ChangeKind::Number,
                    article: i,
                    old_span: change.span,
                    new_text: change.new_text,
                });
            }
        }
        let mut swapped = BTreeSet::new();
        // Participants of attribute claims are left out: the swaps test the event engine, and
        // the candidates stay those of the claims it matches. Date claims restate their
        // clause's names and dates, which the date changes test; left out, the swap and
        // negation candidates stay those of the event claims.
        for claim in analysis
            .claims
            .iter()
            .filter(|c| !c.is_attribute() && c.event.predicate != crate::claim::DATE)
        {
            for p in &claim.participants {
                let key = surname(&p.entity).to_string();
                if !corroborated(k, &|j| by_article[j].1.contains(&key)) || !swapped.insert(p.span)
                {
                    continue;
                }
                let surface = bare(p.span.slice(text));
                let Some(class) = class_of(&p.entity, surface, lexicon) else {
                    continue;
                };
                let pool: Vec<&(String, String, String)> = others
                    .get(&class)
                    .into_iter()
                    .flatten()
                    .filter(|(c, id, _)| {
                        c != &corpus.cluster[i] && !subcluster_ids.contains(surname(id))
                    })
                    .collect();
                if pool.is_empty() {
                    continue;
                }
                let mut rng = Rng::at(seed, &corpus.articles[i].id, p.span.start);
                let (_, _, replacement) = pool[rng.below(pool.len())];
                out.push(Change {
                    kind: ChangeKind::Participant,
                    article: i,
                    old_span: Span::new(p.span.start, p.span.start + surface.len()),
                    new_text: replacement.clone(),
                });
            }
            if claim.polarity == Polarity::Positive
                && corroborated(k, &|j| by_article[j].2.contains(&claim.event.predicate))
            {
                if let Some((span, new_text)) = negate(text, claim, lexicon) {
                    out.push(Change {
                        kind: ChangeKind::Negation,
                        article: i,
                        old_span: span,
                        new_text,
                    });
                }
            }
        }
    }
    out
}

/// Most words a dateline has besides its dates and times ("Posted on", "Last updated on:",
/// "Washington D.C., ... (CNA)").
const DATELINE_WORDS: usize = 6;

/// Whether `span` lies on a dateline: a line that holds nothing but dates, times and
/// punctuation ("May 2, 2013 1:35 pm.", "Aug 5, 2013 | 2:47 p.m."), or a line that is not a
/// sentence (no closing punctuation) and holds little besides them. A dateline is the outlet's
/// publication stamp, metadata rather than a fact of the story: two outlets' stamps agree only
/// because they published on the same day, and moving one contradicts nothing the story says.
fn on_dateline(text: &str, span: Span, times: &[crate::temporal::Timex]) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let line = &text[start..end];
    let mut rest = String::with_capacity(line.len());
    let mut at = start;
    for t in times
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
    {
        if t.span.start >= at {
            rest.push_str(&text[at..t.span.start]);
            rest.push(' ');
            at = t.span.end;
        }
    }
    rest.push_str(&text[at..end]);
    if !rest.chars().any(char::is_alphabetic) {
        return true;
    }
    !line.trim_end().ends_with(['.', '!', '?', '"', '”'])
        && rest.split_whitespace().count() <= DATELINE_WORDS
}

/// The index of a month written in full or abbreviated ("Nov.", "Sept").
fn month_index(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| {
        m.eq_ignore_ascii_case(w)
            || (w.len() <= 4 && m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w))
    })
}

/// Replaces the byte range of word `index` among the whitespace-separated words of `text`.
fn replace_word(text: &str, index: usize, new: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    if let Some((start, word)) = words(text).into_iter().nth(index) {
        out.push_str(&text[last..start]);
        out.push_str(new);
        last = start + word.len();
    }
    out.push_str(&text[last..]);
    out
}

/// The words of `text` with their byte offsets, punctuation at the ends stripped.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let trimmed_start = piece.len() - piece.trim_start_matches(['(', '"', '“']).len();
        let word = piece
            .trim()
            .trim_start_matches(['(', '"', '“'])
            .trim_end_matches([',', ';', ')', '"', '”']);
        if !word.is_empty() {
            out.push((offset + trimmed_start, word));
        }
        offset += piece.len();
    }
    out
}

/// Words after four digits that make them a clock time, not a year.
const CLOCK_WORDS: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "ET", "EST", "EDT", "hours", "hrs", "local",
];

/// A different date written like `date`: a weekday three days on, a day of the month nine days
/// away, a month four on, a four-digit clock time three hours on, a year three back or a decade
/// three back. `None` for dates without such a part ("today").
pub fn move_date(date: &str) -> Option<String> {
    let list = words(date);
    if let Some((n, w)) = list.iter().enumerate().find_map(|(n, (_, w))| {
        WEEKDAYS
            .iter()
            .position(|d| d.eq_ignore_ascii_case(w))
            .map(|d| (n, d))
    }) {
        return Some(replace_word(date, n, WEEKDAYS[(w + 3) % 7]));
    }
    let month = list
        .iter()
        .enumerate()
        .find_map(|(n, (_, w))| month_index(w).map(|m| (n, m)));
    let number = |pred: &dyn Fn(u32) -> bool| {
        list.iter().enumerate().find_map(|(n, (_, w))| {
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            let value: u32 = digits.parse().ok()?;
            (pred(value) && digits.len() <= 4).then_some((n, value, &w[digits.len()..]))
        })
    };
    if month.is_some() {
        if let Some((n, day, suffix)) = number(&|v| (1..=31).contains(&v)) {
            let moved = if day > 14 { day - 9 } else { day + 9 };
            let suffix = if suffix.is_empty() {
                ""
            } else {
                ordinal_suffix(moved)
            };
            return Some(replace_word(date, n, &format!("{moved}{suffix}")));
        }
    }
    if let Some((n, m)) = month {
        return Some(replace_word(date, n, MONTHS[(m + 4) % 12]));
    }
    // A clock time of four digits ("1300 GMT", "2045 hours") moves three hours on; read as a
    // year it would move to no time at all ("1297 GMT").
    let clock = list.iter().enumerate().find_map(|(n, (_, w))| {
        let (hours, minutes) = (
            w.get(..2)?.parse::<u32>().ok()?,
            w.get(2..)?.parse::<u32>().ok()?,
        );
        let zoned = list
            .get(n + 1)
            .is_some_and(|(_, next)| CLOCK_WORDS.iter().any(|z| z.eq_ignore_ascii_case(next)));
        (w.len() == 4 && hours < 24 && minutes < 60 && zoned).then_some((n, hours, minutes))
    });
    if let Some((n, hours, minutes)) = clock {
        let moved = (hours + 3) % 24;
        return Some(replace_word(date, n, &format!("{moved:02}{minutes:02}")));
    }
    if let Some((n, year, suffix)) = number(&|v| (1000..=2999).contains(&v)) {
        // A decade ("the 1940s") moves by three decades and stays a decade.
        let moved = if suffix.is_empty() {
            year - 3
        } else {
            year - 30
        };
        return Some(replace_word(date, n, &format!("{moved}{suffix}")));
    }
    None
}

fn ordinal_suffix(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Which way a number is changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// Three more for small counts, else double.
    Up,
    /// Three fewer for small counts, else half; none below four, where it would leave
    /// nothing or a negative count.
    Down,
}

/// A value clearly outside any tolerance of `value`, shifted `shift`.
fn changed_value(value: f64, shift: Shift) -> Option<f64> {
    match shift {
        Shift::Up if value < 10.0 => Some(value + 3.0),
        Shift::Up => Some(value * 2.0),
        Shift::Down if value < 4.0 => None,
        Shift::Down if value < 10.0 => Some(value - 3.0),
        Shift::Down => Some(value / 2.0),
    }
}

/// A number changed in its own writing.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberChange {
    /// Where the number's figure or word is written.
    pub span: Span,
    /// What replaces it.
    pub new_text: String,
    /// The number as written before ("1,500" → 1500).
    pub old: f64,
    /// The number as written after.
    pub new: f64,
}

impl NumberChange {
    /// The new value of a quantity whose value was `value`, its scale kept ("3 million" to
    /// "6 million").
    pub fn new_value_of(&self, value: f64) -> f64 {
        if self.old == 0.0 {
            self.new
        } else {
            value * self.new / self.old
        }
    }
}

/// The number inside the quantity at `span` of `text`, and a different one written alike,
/// shifted `shift`; `None` when there is no number or no such shift of it.
pub fn change_number(text: &str, span: Span, shift: Shift) -> Option<NumberChange> {
    let quantity = span.slice(text);
    for (offset, word) in words(quantity) {
        let lower = word.to_lowercase();
        if let Some(n) = CARDINALS.iter().position(|c| *c == lower) {
            let new = changed_value(n as f64, shift)? as usize;
            let mut new_text = CARDINALS
                .get(new)
                .map_or_else(|| new.to_string(), |w| w.to_string());
            if word.chars().next().is_some_and(char::is_uppercase) {
                new_text = capitalize(&new_text);
            }
            let start = span.start + offset;
            return Some(NumberChange {
                span: Span::new(start, start + word.len()),
                new_text,
                old: n as f64,
                new: new as f64,
            });
        }
        let digits: String = word
            .trim_start_matches('$')
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let digits = digits.trim_end_matches(['.', ',']);
        if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let value: f64 = digits.replace(',', "").parse().ok()?;
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
        let new = changed_value(value, shift)?;
        let mut new_text = format!("{new:.decimals$}");
        if digits.contains(',') {
            new_text = group_thousands(&new_text);
        }
        let new: f64 = new_text.replace(',', "").parse().ok()?;
        if new == value {
            return None;
        }
        let start = span.start + offset + (word.len() - word.trim_start_matches('$').len());
        return Some(NumberChange {
            span: Span::new(start, start + digits.len()),
            new_text,
            old: value,
            new,
        });
    }
    None
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn group_thousands(number: &str) -> String {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "am", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "did", "does", "do",
];

/// The claim's assertion negated: "not" after its auxiliary, or "did not" / "does not" and the
/// lemma for a verb without one. `None` for nominal events and forms it cannot negate cleanly.
pub fn negate(text: &str, claim: &Claim, lexicon: &Lexicon) -> Option<(Span, String)> {
    let trigger = claim.event.span;
    let word = trigger.slice(text);
    let lower = word.to_lowercase();
    let entry = lexicon
        .events
        .iter()
        .find(|e| e.predicate == claim.event.predicate)?;
    if entry.noun_forms().any(|n| n.eq_ignore_ascii_case(word)) {
        return None;
    }
    let lemma = entry
        .verb_lemmas()
        .find(|v| verb_forms(v).contains(&lower))
        .cloned()
        .or_else(|| {
            entry
                .forms
                .iter()
                .any(|f| f.eq_ignore_ascii_case(word))
                .then(|| entry.verbs.first().cloned())
                .flatten()
        })?;
    // The two words before the trigger.
    let before = &text[..trigger.start];
    let prev: Vec<(usize, &str)> = words(before).into_iter().rev().take(2).collect();
    let is_aux = |w: &str| AUXILIARIES.contains(&w.to_lowercase().as_str());
    let passive_link = |w: &str| matches!(w.to_lowercase().as_str(), "been" | "being" | "be");
    let aux = match prev.as_slice() {
        [(at, w), ..] if is_aux(w) => Some((*at, *w)),
        [(_, link), (at, w)] if passive_link(link) && is_aux(w) => Some((*at, *w)),
        _ => None,
    };
    if let Some((at, w)) = aux {
        // Only when the auxiliary ends just before the trigger or its participle link.
        if before[at + w.len()..].split_whitespace().count() > 1 {
            return None;
        }
        let span = Span::new(at, trigger.end);
        let between = &text[at + w.len()..trigger.end];
        return Some((span, format!("{w} not{between}")));
    }
    if prev
        .first()
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("to"))
        || lower.ends_with("ing")
    {
        return None;
    }
    let helper = if lower == lemma {
        "do"
    } else if lower == format!("{lemma}s") || lower == format!("{lemma}es") {
        "does"
    } else {
        "did"
    };
    Some((trigger, format!("{helper} not {lemma}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_by_their_finest_part() {
        assert_eq!(move_date("Friday").as_deref(), Some("Monday"));
        assert_eq!(move_date("Friday night").as_deref(), Some("Monday night"));
        assert_eq!(move_date("March 27").as_deref(), Some("March 18"));
        assert_eq!(move_date("Nov. 3, 2009").as_deref(), Some("Nov. 12, 2009"));
        assert_eq!(
            move_date("the 21st of May").as_deref(),
            Some("the 12th of May")
        );
        assert_eq!(move_date("in March").as_deref(), Some("in July"));
        assert_eq!(move_date("2008").as_deref(), Some("2005"));
        assert_eq!(move_date("1300 GMT").as_deref(), Some("1600 GMT"));
        assert_eq!(move_date("2245 hours").as_deref(), Some("0145 hours"));
        assert_eq!(move_date("the 1940s").as_deref(), Some("the 1910s"));
        assert_eq!(move_date("today"), None);
    }

    #[test]
    fn datelines_are_not_facts() {
        let tag = |text: &str| crate::temporal::tag(text, "2013-05-03".parse().ok());
        let text = "Posted on May 2, 2013 4:15 PM\nPolice arrested him on May 2, 2013.";
        let times = tag(text);
        let first = times[0].span;
        assert!(on_dateline(text, first, &times));
        let last = times.last().unwrap().span;
        assert!(!on_dateline(text, last, &times));
        let line = "Washington D.C., Jul 13, 2009/02:00 pm (CNA)";
        let times = tag(line);
        assert!(on_dateline(line, times[0].span, &times));
        let stamp = "May 2, 2013 1:35 pm.\nPolice arrested him on Friday.";
        let times = tag(stamp);
        assert!(on_dateline(stamp, times[0].span, &times));
        assert!(!on_dateline(stamp, times.last().unwrap().span, &times));
        let stamp = "Aug 5, 2013 | 2:47 p.m.\nPolice arrested him on Friday.";
        let times = tag(stamp);
        assert!(on_dateline(stamp, times[0].span, &times));
        let fragment = "He said the fire broke out in the church hall on Friday";
        let times = tag(fragment);
        assert!(!on_dateline(fragment, times[0].span, &times));
    }

    #[test]
    fn a_cited_span_is_shown_in_its_sentence() {
        let text = "First one. Police said the\nfire began on Friday, officials said. Last one.";
        let at = text.find("Friday").unwrap();
        assert_eq!(
            in_sentence(text, Span::new(at, at + 6)),
            "fire began on [Friday], officials said."
        );
        let s = text.find("Police").unwrap();
        assert_eq!(in_sentence(text, Span::new(s, s + 6)), "[Police] said the");
    }

    #[test]
    fn numbers_change_in_their_own_writing() {
        let text = "It killed two people and 1,500 cattle in a 6.1 quake.";
        let changed = |start: usize, len: usize, shift: Shift| {
            change_number(text, Span::new(start, start + len), shift)
                .map(|c| (c.span.slice(text).to_string(), c.new_text))
        };
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        let two = text.find("two").unwrap();
        assert_eq!(changed(two, 10, Shift::Up), pair("two", "five"));
        assert_eq!(changed(two, 10, Shift::Down), None);
        let n = text.find("1,500").unwrap();
        assert_eq!(changed(n, 12, Shift::Up), pair("1,500", "3,000"));
        assert_eq!(changed(n, 12, Shift::Down), pair("1,500", "750"));
        let m = text.find("6.1").unwrap();
        assert_eq!(changed(m, 3, Shift::Up), pair("6.1", "9.1"));
        assert_eq!(changed(m, 3, Shift::Down), pair("6.1", "3.1"));
    }

    #[test]
    fn a_changed_number_contradicts_a_statement_that_corroborates_it() {
        // Raised, "three people" would still be "at least three people": the change goes the
        // other way, and a count no change contradicts is left alone.
        let articles = [
            "A blast in Athens killed six people on Monday.",
            "At least six people died in Athens on Monday.",
        ];
        let analyzer = crate::pipeline::analyze::Analyzer::new(&crate::rulefiles::builtin())
            .expect("built-in rules");
        let corpus = Corpus {
            articles: articles
                .iter()
                .enumerate()
                .map(|(i, text)| Article::from_text(i.to_string(), *text, None))
                .collect(),
            cluster: vec!["1".into(); 2],
            subcluster: vec!["1a".into(); 2],
            gold: None,
        };
        let analyses: Vec<Analysis> = corpus
            .articles
            .iter()
            .map(|a| analyzer.analyze(a))
            .collect();
        let numbers: Vec<String> = changes(
            &corpus,
            &analyses,
            &[0, 1],
            &analyzer.lexicon,
            &BTreeMap::new(),
            1,
        )
        .into_iter()
        .filter(|c| c.kind == ChangeKind::Number && c.article == 0)
        .map(|c| c.new_text)
        .collect();
        assert_eq!(numbers, ["three"]);
    }

    #[test]
    fn changes_apply_at_their_span() {
        let change = Change {
            kind: ChangeKind::Number,
            article: 0,
            old_span: Span::new(10, 13),
            new_text: "five".into(),
        };
        assert_eq!(change.apply("It killed two."), "It killed five.");
        assert_eq!(change.new_span(), Span::new(10, 14));
    }

    fn negated(text: &str) -> Vec<String> {
        let analyzer = crate::pipeline::analyze::Analyzer::new(&crate::rulefiles::builtin())
            .expect("built-in rules");
        let article = Article::from_text("a", text, None);
        analyzer
            .analyze(&article)
            .claims
            .iter()
            .filter_map(|c| negate(text, c, &analyzer.lexicon))
            .map(|(span, new)| {
                Change {
                    kind: ChangeKind::Negation,
                    article: 0,
                    old_span: span,
                    new_text: new,
                }
                .apply(text)
            })
            .collect()
    }

    #[test]
    fn assertions_are_negated_grammatically() {
        assert_eq!(
            negated("Police arrested the driver."),
            ["Police did not arrest the driver."]
        );
        assert_eq!(
            negated("The driver was arrested by police."),
            ["The driver was not arrested by police."]
        );
        assert_eq!(
            negated("The driver has been arrested."),
            ["The driver has not been arrested."]
        );
    }

    #[test]
    fn the_generator_is_deterministic() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        let mut x: Vec<u32> = (0..20).collect();
        let mut y = x.clone();
        a.shuffle(&mut x);
        b.shuffle(&mut y);
        assert_eq!(x, y);
        assert_ne!(x, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn a_place_draws_by_the_seed_and_the_place_alone() {
        let draw = |seed, article: &str, offset| Rng::at(seed, article, offset).below(1000);
        assert_eq!(draw(1, "a1", 40), draw(1, "a1", 40));
        let places = [("a1", 40), ("a1", 41), ("a2", 40), ("b7", 1200)];
        let draws: BTreeSet<usize> = places.iter().map(|&(a, o)| draw(1, a, o)).collect();
        assert!(draws.len() > 1, "{draws:?}");
        assert_ne!(
            (0..8)
                .map(|s| draw(s, "a1", 40))
                .collect::<BTreeSet<_>>()
                .len(),
            1
        );
    }
}
