//! TempEval-3 scoring of the time-expression tagger on TIMEX3 gold corpora (JSON Lines).
//!
//! Each line of a gold file is a document: `text`, `dct` (the creation date, used as the
//! publication date) and `timexes` with **code-point** offsets (converted to bytes here). The
//! tagger's output is aligned with the gold one to one (greatest overlap first), and scored as
//! TempEval-3 Task A does:
//! - strict span match: identical extent; relaxed: overlapping extent;
//! - type and value accuracy over the relaxed matches (a week number compared as a number);
//! - value F1 = relaxed F1 × value accuracy.
//!
//! Figures are micro-averaged per corpus (the record's `corpus` field) and per gold type, and an
//! error listing (misses, false positives, wrong values) helps error analysis.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::eval::byte_offsets;
use crate::temporal::{PartialDate, Timex, tag};

/// A failure to read a gold file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("reading {path}: {source}")]
    Io {
        /// The gold file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a gold record.
    #[error("{path}:{line}: expected a gold record {{id, dct, text, timexes}}: {source}")]
    Record {
        /// The gold file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// A record's offsets do not fit its text.
    #[error("{path}:{line}: timex {tid} offsets {start}..{end} do not fit the text")]
    Offsets {
        /// The gold file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The timex id.
        tid: String,
        /// Code-point start.
        start: usize,
        /// Code-point end.
        end: usize,
    },
}

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    #[serde(default)]
    corpus: Option<String>,
    #[serde(default)]
    dct: Option<String>,
    text: String,
    timexes: Vec<GoldTimexRecord>,
}

#[derive(Deserialize)]
struct GoldTimexRecord {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(default)]
    tid: String,
}

/// Counts behind the metrics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Pairs with identical extents.
    pub strict: usize,
    /// Pairs with overlapping extents (one to one).
    pub relaxed: usize,
    /// Relaxed pairs with the same type.
    pub type_ok: usize,
    /// Relaxed pairs with the same value.
    pub value_ok: usize,
    /// Strict pairs counted on the system side: by the system's type in per-type figures.
    pub sys_strict: usize,
    /// Relaxed pairs counted on the system side: by the system's type in per-type figures.
    pub sys_relaxed: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_ok += other.type_ok;
        self.value_ok += other.value_ok;
        self.sys_strict += other.sys_strict;
        self.sys_relaxed += other.sys_relaxed;
    }

    /// Strict precision, recall and F1, in percent.
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.sys_strict, self.strict, self.system, self.gold)
    }

    /// Relaxed precision, recall and F1, in percent.
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.sys_relaxed, self.relaxed, self.system, self.gold)
    }

    /// Type accuracy over relaxed matches, in percent.
    pub fn type_accuracy(&self) -> f64 {
        pct(self.type_ok, self.relaxed)
    }

    /// Value accuracy over relaxed matches, in percent.
    pub fn value_accuracy(&self) -> f64 {
        pct(self.value_ok, self.relaxed)
    }

    /// Value F1 = relaxed F1 × value accuracy, in percent.
    pub fn value_f1(&self) -> f64 {
        self.relaxed_prf().2 * self.value_accuracy() / 100.0
    }

    /// Share of gold timexes found with the right value, in percent.
    pub fn value_recall(&self) -> f64 {
        pct(self.value_ok, self.gold)
    }

    /// The counts and every metric, rounded to 0.01, as a JSON object.
    pub fn to_json(&self) -> serde_json::Value {
        let r = |x: f64| (x * 100.0).round() / 100.0;
        let (p, rc, f) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        serde_json::json!({
            "gold": self.gold,
            "system": self.system,
            "strict_matches": self.strict,
            "relaxed_matches": self.relaxed,
            "type_matches": self.type_ok,
            "value_matches": self.value_ok,
            "strict": {"precision": r(p), "recall": r(rc), "f1": r(f)},
            "relaxed": {"precision": r(rp), "recall": r(rr), "f1": r(rf)},
            "type_accuracy": r(self.type_accuracy()),
            "value_accuracy": r(self.value_accuracy()),
            "value_f1": r(self.value_f1()),
            "value_recall": r(self.value_recall()),
        })
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Precision from the pairs counted on the system side, recall from those on the gold side
/// (the same pairs, except in per-type figures where a pair may change type).
fn prf(sys_hit: usize, gold_hit: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = pct(sys_hit, system);
    let r = pct(gold_hit, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// What went wrong with one timex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A gold timex the tagger did not find.
    Miss,
    /// A tagger timex with no gold counterpart.
    FalsePositive,
    /// Overlapping, but not the same extent.
    Extent,
    /// Matched, wrong type.
    Type,
    /// Matched, wrong value.
    Value,
}

impl ErrorKind {
    /// The listing's name: `miss`, `spurious`, `extent`, `type`, `value`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Miss => "miss",
            ErrorKind::FalsePositive => "spurious",
            ErrorKind::Extent => "extent",
            ErrorKind::Type => "type",
            ErrorKind::Value => "value",
        }
    }
}

/// One error, for the listing.
#[derive(Clone, Debug)]
pub struct TimexError {
    /// The kind of error.
    pub kind: ErrorKind,
    /// The document id.
    pub doc: String,
    /// The document's creation date.
    pub dct: String,
    /// Gold text, type and value.
    pub gold: Option<(String, String, String)>,
    /// System text, type and value.
    pub system: Option<(String, String, String)>,
    /// The sentence context.
    pub context: String,
}

/// Metrics of one corpus.
#[derive(Clone, Debug, Default)]
pub struct CorpusReport {
    /// The corpus name (the records' `corpus` field, else the file stem).
    pub name: String,
    /// Documents scored.
    pub docs: usize,
    /// Characters (code points) of text tagged.
    pub chars: usize,
    /// All counts.
    pub counts: Counts,
    /// Counts per gold type (system counts per system type).
    pub by_type: BTreeMap<String, Counts>,
    /// The errors.
    pub errors: Vec<TimexError>,
}

/// The evaluation of the tagger over some gold files.
#[derive(Clone, Debug, Default)]
pub struct TimexReport {
    /// One report per corpus, in the order first seen.
    pub corpora: Vec<CorpusReport>,
}

impl TimexReport {
    /// The report of corpus `name`.
    pub fn corpus(&self, name: &str) -> Option<&CorpusReport> {
        self.corpora.iter().find(|c| c.name == name)
    }

    /// The counts summed over every corpus.
    pub fn total(&self) -> Counts {
        let mut all = Counts::default();
        for c in &self.corpora {
            all.add(&c.counts);
        }
        all
    }

    /// A plain-text table of the figures, and the error listing when `errors` is set.
    pub fn render(&self, errors: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<16} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>6} {:>6}",
            "corpus",
            "gold",
            "sys",
            "docs",
            "P",
            "R",
            "F1",
            "rP",
            "rR",
            "rF1",
            "type",
            "value",
            "valF1",
            "valR"
        );
        for c in &self.corpora {
            row(&mut out, &c.name, &c.counts, Some(c.docs));
            for (t, counts) in &c.by_type {
                row(&mut out, &format!("  {t}"), counts, None);
            }
        }
        if self.corpora.len() > 1 {
            let docs = self.corpora.iter().map(|c| c.docs).sum();
            row(&mut out, "all", &self.total(), Some(docs));
        }
        let _ = writeln!(
            out,
            "\nP/R/F1: strict span match; rP/rR/rF1: relaxed (overlap); type, value: accuracy over \
             relaxed matches;\nvalF1 = rF1 x value accuracy; valR: share of gold found with the \
             right value. Per type: recall counts each pair under its gold type, precision under its system type."
        );
        if errors {
            for c in &self.corpora {
                let _ = writeln!(out, "\n## errors in {} ({})", c.name, c.errors.len());
                for e in &c.errors {
                    let show = |x: &Option<(String, String, String)>| match x {
                        Some((t, k, v)) => format!("{t:?} {k} {v}"),
                        None => "-".to_string(),
                    };
                    let _ = writeln!(
                        out,
                        "{}\t{}\t{}\tgold: {}\tsys: {}\t| {}",
                        e.kind.as_str(),
                        e.doc,
                        e.dct,
                        show(&e.gold),
                        show(&e.system),
                        e.context
                    );
                }
            }
        }
        out
    }

    /// The figures as one JSON document: per corpus (and summed over all), the counts and
    /// metrics, per type, and the error listing when `errors` is set.
    pub fn to_json(&self, errors: bool) -> serde_json::Value {
        use serde_json::json;
        let timex = |x: &Option<(String, String, String)>| match x {
            Some((text, kind, value)) => json!({"text": text, "type": kind, "value": value}),
            None => serde_json::Value::Null,
        };
        let corpora: Vec<serde_json::Value> = self
            .corpora
            .iter()
            .map(|c| {
                let mut v = json!({
                    "name": c.name,
                    "docs": c.docs,
                    "chars": c.chars,
                    "figures": c.counts.to_json(),
                    "by_type": c.by_type.iter().map(|(t, counts)| (t.clone(), counts.to_json()))
                        .collect::<serde_json::Map<_, _>>(),
                });
                if errors {
                    v["errors"] = c
                        .errors
                        .iter()
                        .map(|e| {
                            json!({
                                "kind": e.kind.as_str(),
                                "doc": e.doc,
                                "dct": e.dct,
                                "gold": timex(&e.gold),
                                "system": timex(&e.system),
                                "context": e.context,
                            })
                        })
                        .collect();
                }
                v
            })
            .collect();
        json!({
            "corpora": corpora,
            "all": self.total().to_json(),
        })
    }
}

fn row(out: &mut String, name: &str, c: &Counts, docs: Option<usize>) {
    let docs = docs.map_or_else(String::new, |d| d.to_string());
    let (p, r, f) = c.strict_prf();
    let (rp, rr, rf) = c.relaxed_prf();
    let _ = writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} | {:>5.1} {:>5.1} {:>5.1} | {:>5.1} {:>5.1} {:>5.1} | {:>5.1} {:>5.1} {:>6.1} {:>6.1}",
        name,
        c.gold,
        c.system,
        docs,
        p,
        r,
        f,
        rp,
        rr,
        rf,
        c.type_accuracy(),
        c.value_accuracy(),
        c.value_f1(),
        c.value_recall()
    );
}

/// A gold timex with byte offsets.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// The outcome of an evaluation: the figures, and the gold lines or files that could not be
/// read (each skipped; the rest is still scored).
#[derive(Debug, Default)]
pub struct Evaluation {
    /// The figures.
    pub report: TimexReport,
    /// One error per unreadable file or bad gold line, in input order.
    pub errors: Vec<EvalError>,
}

/// Reads the gold files, tags their texts with the `dct` as publication date, and scores.
///
/// A file that cannot be read, or a line that is not a gold record, is reported in
/// [`Evaluation::errors`] and skipped; every other line is still scored.
pub fn evaluate(paths: &[PathBuf]) -> Evaluation {
    let mut report = TimexReport::default();
    let mut errors = Vec::new();
    for path in paths {
        let content = match fs::read_to_string(path) {
            Ok(content) => content,
            Err(source) => {
                errors.push(EvalError::Io {
                    path: path.clone(),
                    source,
                });
                continue;
            }
        };
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc: GoldDoc = match serde_json::from_str(line) {
                Ok(doc) => doc,
                Err(source) => {
                    errors.push(EvalError::Record {
                        path: path.clone(),
                        line: n + 1,
                        source,
                    });
                    continue;
                }
            };
            let gold = match gold_spans(path, n + 1, &doc) {
                Ok(gold) => gold,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let name = doc.corpus.clone().unwrap_or_else(|| stem(path));
            let index = match report.corpora.iter().position(|c| c.name == name) {
                Some(i) => i,
                None => {
                    report.corpora.push(CorpusReport {
                        name: name.clone(),
                        ..CorpusReport::default()
                    });
                    report.corpora.len() - 1
                }
            };
            score_doc(&doc, &gold, &mut report.corpora[index]);
        }
    }
    Evaluation { report, errors }
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The gold timexes of `doc` with byte offsets, or the first one that does not fit the text.
fn gold_spans(path: &Path, line: usize, doc: &GoldDoc) -> Result<Vec<Gold>, EvalError> {
    let offsets = byte_offsets(&doc.text);
    let mut gold = Vec::with_capacity(doc.timexes.len());
    for t in &doc.timexes {
        let bounds = offsets.get(t.start).zip(offsets.get(t.end));
        let Some((&start, &end)) = bounds.filter(|(start, end)| start <= end) else {
            return Err(EvalError::Offsets {
                path: path.to_path_buf(),
                line,
                tid: t.tid.clone(),
                start: t.start,
                end: t.end,
            });
        };
        gold.push(Gold {
            start,
            end,
            kind: t.kind.clone(),
            value: t.value.clone(),
        });
    }
    Ok(gold)
}

fn score_doc(doc: &GoldDoc, gold: &[Gold], corpus: &mut CorpusReport) {
    let published: Option<PartialDate> = doc.dct.as_deref().and_then(|d| d.parse().ok());
    let system = tag(&doc.text, published);
    corpus.docs += 1;
    corpus.chars += doc.text.chars().count();
    let text = &doc.text;
    let dct = doc.dct.clone().unwrap_or_default();

    // One-to-one alignment, greatest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (si, s) in system.iter().enumerate() {
            let lo = g.start.max(s.span.start);
            let hi = g.end.min(s.span.end);
            if lo < hi {
                pairs.push((hi - lo, gi, si));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_match = vec![None; gold.len()];
    let mut sys_match = vec![None; system.len()];
    for (_, gi, si) in pairs {
        if gold_match[gi].is_none() && sys_match[si].is_none() {
            gold_match[gi] = Some(si);
            sys_match[si] = Some(gi);
        }
    }

    let describe_gold = |g: &Gold| {
        Some((
            text[g.start..g.end].to_string(),
            g.kind.clone(),
            g.value.clone(),
        ))
    };
    let describe_sys = |s: &Timex| {
        Some((
            s.span.slice(text).to_string(),
            s.kind.as_str().to_string(),
            s.value.clone(),
        ))
    };
    let mut push_error = |kind, at: usize, g: Option<&Gold>, s: Option<&Timex>| {
        corpus.errors.push(TimexError {
            kind,
            doc: doc.id.clone(),
            dct: dct.clone(),
            gold: g.and_then(describe_gold),
            system: s.and_then(describe_sys),
            context: context(text, at),
        });
    };
    let mut doc_counts: BTreeMap<String, Counts> = BTreeMap::new();
    for (gi, g) in gold.iter().enumerate() {
        let c = doc_counts.entry(g.kind.clone()).or_default();
        c.gold += 1;
        let Some(si) = gold_match[gi] else {
            push_error(ErrorKind::Miss, g.start, Some(g), None);
            continue;
        };
        let s = &system[si];
        c.relaxed += 1;
        let strict = s.span.start == g.start && s.span.end == g.end;
        let type_ok = s.kind.as_str() == g.kind;
        let value_ok = same_value(&s.value, &g.value);
        c.strict += usize::from(strict);
        c.type_ok += usize::from(type_ok);
        c.value_ok += usize::from(value_ok);
        if !value_ok {
            push_error(ErrorKind::Value, g.start, Some(g), Some(s));
        } else if !type_ok {
            push_error(ErrorKind::Type, g.start, Some(g), Some(s));
        } else if !strict {
            push_error(ErrorKind::Extent, g.start, Some(g), Some(s));
        }
    }
    for (si, s) in system.iter().enumerate() {
        let c = doc_counts.entry(s.kind.as_str().to_string()).or_default();
        c.system += 1;
        if let Some(gi) = sys_match[si] {
            let g = &gold[gi];
            c.sys_relaxed += 1;
            c.sys_strict += usize::from(s.span.start == g.start && s.span.end == g.end);
        } else {
            push_error(ErrorKind::FalsePositive, s.span.start, None, Some(s));
        }
    }
    for (kind, c) in doc_counts {
        corpus.counts.add(&c);
        corpus.by_type.entry(kind).or_default().add(&c);
    }
}

/// Whether two TIMEX3 values are one value: equal as strings once a week number is written
/// with two digits, as ISO 8601 writes it. TimeBank and MEANTIME write `1998-W02`, AQUAINT
/// `2000-W7`.
fn same_value(a: &str, b: &str) -> bool {
    a == b || two_digit_weeks(a) == two_digit_weeks(b)
}

/// `value` with a one-digit week number ("-W7", "-W7-WE") written with two ("-W07").
fn two_digit_weeks(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut rest = value;
    while let Some(at) = rest.find("-W") {
        let (head, tail) = rest.split_at(at + 2);
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 1 {
            out.push('0');
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// About 60 bytes either side of `at`, on one line.
fn context(text: &str, at: usize) -> String {
    let mut lo = at.saturating_sub(60);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + 60).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text[lo..hi].replace(['\n', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_small_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        // "é" makes code points and bytes differ.
        let line = r#"{"id":"d1","corpus":"toy","dct":"1998-02-27","text":"Café opened on Friday, nine months ago.","timexes":[{"start":15,"end":21,"type":"DATE","value":"1998-02-27","tid":"t1"},{"start":23,"end":38,"type":"DATE","value":"1997-05","tid":"t2"}]}"#;
        fs::write(&path, format!("{line}\n")).unwrap();
        let Evaluation { report, errors } = evaluate(&[path]);
        assert!(errors.is_empty());
        let toy = report.corpus("toy").unwrap();
        assert_eq!(toy.counts.gold, 2);
        assert_eq!(toy.counts.strict, 2);
        assert_eq!(toy.counts.value_ok, 2);
        assert!(report.render(true).contains("toy"));
    }

    #[test]
    fn week_numbers_are_compared_as_numbers() {
        assert!(same_value("2000-W7", "2000-W07"));
        assert!(same_value("2000-W07-WE", "2000-W7-WE"));
        assert!(same_value("XXXX-WXX-5", "XXXX-WXX-5"));
        assert!(!same_value("2000-W7", "2000-W17"));
        assert!(!same_value("2000-W07", "2000-W08"));
        assert!(!same_value("1998-02", "1998-W02"));
        assert_eq!(two_digit_weeks("2000-W7"), "2000-W07");
        assert_eq!(two_digit_weeks("P1W"), "P1W");
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        let good = r#"{"id":"d1","dct":"1998-02-27","text":"It rained on Friday.","timexes":[{"start":13,"end":19,"type":"DATE","value":"1998-02-27","tid":"t1"}]}"#;
        let outside = r#"{"id":"d2","dct":"1998-02-27","text":"Friday.","timexes":[{"start":3,"end":40,"type":"DATE","value":"1998-02-27","tid":"t9"}]}"#;
        fs::write(&path, format!("{good}\nnot json\n{outside}\n{good}\n")).unwrap();
        let Evaluation { report, errors } = evaluate(&[path, dir.path().join("absent.jsonl")]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("gold.jsonl:2: expected a gold record"));
        assert!(messages[1].contains("gold.jsonl:3: timex t9 offsets 3..40"));
        assert!(messages[2].contains("absent.jsonl"));
        let gold = report.corpus("gold").unwrap();
        assert_eq!(
            (gold.docs, gold.counts.gold, gold.counts.value_ok),
            (2, 2, 2)
        );
    }

    #[test]
    fn json_has_figures_per_type_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        let line = r#"{"id":"d1","dct":"1998-02-27","text":"It rained on Friday for two days.","timexes":[{"start":13,"end":19,"type":"DATE","value":"1998-02-20","tid":"t1"}]}"#;
        fs::write(&path, format!("{line}\n")).unwrap();
        let json = evaluate(&[path]).report.to_json(true);
        let corpus = &json["corpora"][0];
        assert_eq!(corpus["name"], "gold");
        assert_eq!(corpus["figures"]["gold"], 1);
        assert_eq!(corpus["figures"]["system"], 2);
        assert_eq!(corpus["by_type"]["DURATION"]["system"], 1);
        assert_eq!(corpus["figures"]["value_accuracy"], 0.0);
        let kinds: Vec<&str> = corpus["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["value", "spurious"]);
    }
}
