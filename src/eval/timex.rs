//! TempEval-3 scoring of the time-expression tagger on TIMEX3 gold corpora (JSON Lines).
//!
//! Each line of a gold file is a document: `text`, `dct` (the creation date, used as the
//! publication date) and `timexes` with **code-point** offsets (converted to bytes here). The
//! tagger's output is aligned with the gold one to one (greatest overlap first), and scored as
//! TempEval-3 Task A does:
//! - strict span match: identical extent; relaxed: overlapping extent;
//! - type and value accuracy over the relaxed matches;
//! - value F1 = relaxed F1 × value accuracy.
//!
//! Figures are micro-averaged per corpus (the record's `corpus` field) and per gold type, and an
//! error listing (misses, false positives, wrong values) helps error analysis.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
    #[error("{path}:{line}: timex {tid} offsets {start}..{end} are outside the text")]
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
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_ok += other.type_ok;
        self.value_ok += other.value_ok;
    }

    /// Strict precision, recall and F1, in percent.
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }

    /// Relaxed precision, recall and F1, in percent.
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
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
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

fn prf(hit: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = pct(hit, system);
    let r = pct(hit, gold);
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
    /// Bytes of text tagged.
    pub bytes: usize,
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
            row(&mut out, &c.name, &c.counts, c.docs);
            for (t, counts) in &c.by_type {
                row(&mut out, &format!("  {t}"), counts, 0);
            }
        }
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
                        "{:?}\t{}\t{}\tgold: {}\tsys: {}\t| {}",
                        e.kind,
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
}

fn row(out: &mut String, name: &str, c: &Counts, docs: usize) {
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

/// Reads the gold files, tags their texts with the `dct` as publication date, and scores.
pub fn evaluate(paths: &[PathBuf]) -> Result<TimexReport, EvalError> {
    let mut report = TimexReport::default();
    for path in paths {
        let content = fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        for (n, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc: GoldDoc = serde_json::from_str(line).map_err(|source| EvalError::Record {
                path: path.clone(),
                line: n + 1,
                source,
            })?;
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
            score_doc(path, n + 1, &doc, &mut report.corpora[index])?;
        }
    }
    Ok(report)
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Byte offset of each code point index (and of the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn score_doc(
    path: &Path,
    line: usize,
    doc: &GoldDoc,
    corpus: &mut CorpusReport,
) -> Result<(), EvalError> {
    let offsets = byte_offsets(&doc.text);
    let mut gold = Vec::with_capacity(doc.timexes.len());
    for t in &doc.timexes {
        let (Some(&start), Some(&end)) = (offsets.get(t.start), offsets.get(t.end)) else {
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
    let published: Option<PartialDate> = doc.dct.as_deref().and_then(|d| d.parse().ok());
    let system = tag(&doc.text, published);
    corpus.docs += 1;
    corpus.bytes += doc.text.len();
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
        let value_ok = s.value == g.value;
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
        doc_counts
            .entry(s.kind.as_str().to_string())
            .or_default()
            .system += 1;
        if sys_match[si].is_none() {
            push_error(ErrorKind::FalsePositive, s.span.start, None, Some(s));
        }
    }
    for (kind, c) in doc_counts {
        corpus.counts.add(&c);
        corpus.by_type.entry(kind).or_default().add(&c);
    }
    Ok(())
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
        let report = evaluate(&[path]).unwrap();
        let toy = report.corpus("toy").unwrap();
        assert_eq!(toy.counts.gold, 2);
        assert_eq!(toy.counts.strict, 2);
        assert_eq!(toy.counts.value_ok, 2);
        assert!(report.render(true).contains("toy"));
    }
}
