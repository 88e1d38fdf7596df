//! The ledger: reference facts a newsroom has verified, read from `ledger/*.toml` under a rules
//! root, that claims are checked against.
//!
//! A fact names an event the way claims do — a canonical predicate of the lexicon, participants
//! by entity id, optionally an object — and what was verified about it: a date (at any
//! precision), a count, or both, as of a date, with a note on the source. The built-in set ships
//! no facts (a ledger is a newsroom's own knowledge, not the tool's); users layer theirs with
//! `--rules DIR`.
//!
//! ```toml
//! [[fact]]
//! id = "biden-putin-call"                      # names the fact in findings
//! event = "speak"                              # a predicate of rules/lexicon/events.toml
//! participants = ["joe-biden", "vladimir-putin"]
//! object = "call"                              # optional
//! date = "2022-02-12"                          # optional: 2022-02-12, 2022-02 or 2022
//! count = 2                                    # optional, with its unit
//! unit = "people"
//! unique = false                               # true: the event happens once (an invasion)
//! as-of = "2022-03-01"                         # when it was verified
//! source = "White House readout of the call"
//! ```
//!
//! A claim is *about* a fact when it has the fact's predicate, asserts it, names at least one of
//! its participants and no person or organization outside them, and its object (if both name
//! one) is the fact's. A fact then *confirms* the claim when the dates overlap or the counts can
//! both hold, and *contradicts* it when they are disjoint, at the claim's own precision. Events
//! that recur (two leaders speak many times) conflict only within [`Tolerances::max_gap_days`];
//! further apart they are another occurrence. A count is verified as of a date: it is compared
//! with claims of articles published from then to [`Tolerances::count_window_days`] after, since
//! tallies grow.

use serde::Deserialize;
use toml::Spanned;

use crate::claim::{Claim, Polarity, Quantity};
use crate::grammar::number::{bounds, compatible, unit_of};
use crate::lexicon::{EntityKind, Lexicon};
use crate::matcher::{ancestors, same_entity};
use crate::rulefiles::{RuleFile, line_of, toml_error};
use crate::temporal::{Bound, Interval, PartialDate};

/// Where ledger files live under a rules root.
pub const DIR: &str = "ledger/";

/// One verified fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Its name, unique in its file.
    pub id: String,
    /// The canonical predicate.
    pub predicate: String,
    /// Participants by entity id.
    pub participants: Vec<String>,
    /// The object's head noun, when the event has one.
    pub object: Option<String>,
    /// The verified date.
    pub date: Option<PartialDate>,
    /// The verified count.
    pub count: Option<Quantity>,
    /// Whether the event happens only once.
    pub unique: bool,
    /// When it was verified.
    pub as_of: PartialDate,
    /// Where it was verified.
    pub source: String,
    /// `file:line` of the fact, for findings.
    pub origin: String,
}

/// Every fact of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// The facts, in file order.
    pub facts: Vec<Fact>,
}

/// How far apart a claim and a fact may be and still be compared.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerances {
    /// Days between a recurring event's verified date and a claim's date beyond which the claim
    /// is about another occurrence.
    pub max_gap_days: i64,
    /// Days after a count's as-of date during which articles are held to it.
    pub count_window_days: i64,
}

impl Default for Tolerances {
    fn default() -> Tolerances {
        Tolerances {
            max_gap_days: 31,
            count_window_days: 30,
        }
    }
}

/// What a fact says of a claim about it.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The date or the count agrees and nothing disagrees.
    Confirms,
    /// The date or the count cannot both hold: what the fact says, what the claim says.
    Contradicts {
        /// "date" or "count".
        field: &'static str,
        /// The fact's value.
        fact: String,
        /// The claim's value.
        claim: String,
    },
    /// The claim is not about the fact, or nothing comparable was said.
    Silent,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFact {
    id: String,
    event: Spanned<String>,
    participants: Spanned<Vec<String>>,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    count: Option<Spanned<f64>>,
    #[serde(default)]
    unit: Option<Spanned<String>>,
    #[serde(default)]
    unique: bool,
    as_of: Spanned<String>,
    source: Spanned<String>,
}

impl Ledger {
    /// Reads the ledger files among `files` (those under `ledger/`), checking predicates against
    /// `lexicon`. Every problem is reported as `file:line: key ...: what was expected`.
    pub fn load(files: &[RuleFile], lexicon: &Lexicon) -> Result<Ledger, Vec<String>> {
        let mut facts = Vec::new();
        let mut errors = Vec::new();
        for file in files.iter().filter(|f| is_ledger(&f.relative)) {
            match read(file, lexicon) {
                Ok(found) => facts.extend(found),
                Err(found) => errors.extend(found),
            }
        }
        if errors.is_empty() {
            Ok(Ledger { facts })
        } else {
            Err(errors)
        }
    }

    /// The facts `claim` is about and what each says of it.
    pub fn verdicts<'a>(
        &'a self,
        claim: &'a Claim,
        published: Option<Interval>,
        lexicon: &'a Lexicon,
        tolerances: Tolerances,
    ) -> impl Iterator<Item = (&'a Fact, Verdict)> + 'a {
        self.facts.iter().filter_map(move |fact| {
            if !fact.is_about(claim, lexicon) {
                return None;
            }
            let verdict = fact.verdict(claim, published, tolerances);
            (verdict != Verdict::Silent).then_some((fact, verdict))
        })
    }

    /// Whether some fact confirms `claim` and none contradicts it.
    pub fn confirms(&self, claim: &Claim, published: Option<Interval>, lexicon: &Lexicon) -> bool {
        let mut confirmed = false;
        for (_, verdict) in self.verdicts(claim, published, lexicon, Tolerances::default()) {
            match verdict {
                Verdict::Confirms => confirmed = true,
                Verdict::Contradicts { .. } => return false,
                Verdict::Silent => {}
            }
        }
        confirmed
    }
}

/// Whether the file at `relative` (under a rules root) is a ledger file.
pub fn is_ledger(relative: &str) -> bool {
    relative.starts_with(DIR)
}

fn read(file: &RuleFile, lexicon: &Lexicon) -> Result<Vec<Fact>, Vec<String>> {
    let raw: RawFile = toml::from_str(&file.text).map_err(|e| vec![toml_error(file, &e)])?;
    let mut errors = Vec::new();
    let mut facts = Vec::new();
    let at = |offset: usize| format!("{}:{}", file.origin, line_of(&file.text, offset));
    for spanned in raw.fact {
        // The span of an array-of-tables entry may start on the blank line before its header.
        let start = spanned.span().start;
        let header = start
            + file.text[start..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(0);
        let fact_line = at(header);
        let raw = spanned.into_inner();
        let before = errors.len();
        let predicate = raw.event.get_ref().clone();
        if !lexicon.events.iter().any(|e| e.predicate == predicate) {
            errors.push(format!(
                "{}: key `event`: expected a predicate of lexicon/events.toml, found {predicate:?}",
                at(raw.event.span().start)
            ));
        }
        if raw.participants.get_ref().is_empty()
            || raw
                .participants
                .get_ref()
                .iter()
                .any(|p| p.trim().is_empty())
        {
            errors.push(format!(
                "{}: key `participants`: expected one or more entity ids, found {:?}",
                at(raw.participants.span().start),
                raw.participants.get_ref()
            ));
        }
        let date = match &raw.date {
            Some(d) => match d.get_ref().parse::<PartialDate>() {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(format!(
                        "{}: key `date`: expected a date like 2022-02-12, 2022-02 or 2022, found {:?}",
                        at(d.span().start),
                        d.get_ref()
                    ));
                    None
                }
            },
            None => None,
        };
        let as_of = match raw.as_of.get_ref().parse::<PartialDate>() {
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(format!(
                    "{}: key `as-of`: expected a date like 2022-03-01, found {:?}",
                    at(raw.as_of.span().start),
                    raw.as_of.get_ref()
                ));
                None
            }
        };
        if raw.source.get_ref().trim().is_empty() {
            errors.push(format!(
                "{}: key `source`: expected a note on where the fact was verified, found \"\"",
                at(raw.source.span().start)
            ));
        }
        let count = match &raw.count {
            Some(c) if !c.get_ref().is_finite() || *c.get_ref() < 0.0 => {
                errors.push(format!(
                    "{}: key `count`: expected a number of zero or more, found {}",
                    at(c.span().start),
                    c.get_ref()
                ));
                None
            }
            Some(c) => {
                let value = *c.get_ref();
                let unit = raw
                    .unit
                    .as_ref()
                    .map(|u| unit_of(u.get_ref()).unwrap_or_else(|| u.get_ref().to_lowercase()));
                Some(Quantity {
                    span: Default::default(),
                    value,
                    bound: Bound::Exact,
                    low: value,
                    high: value,
                    unit,
                })
            }
            None => {
                if let Some(u) = &raw.unit {
                    errors.push(format!(
                        "{}: key `unit`: a unit needs a `count`",
                        at(u.span().start)
                    ));
                }
                None
            }
        };
        if raw.date.is_none() && raw.count.is_none() {
            errors.push(format!(
                "{fact_line}: fact {:?}: expected a `date` or a `count` to check claims against",
                raw.id
            ));
        }
        if errors.len() > before {
            continue;
        }
        facts.push(Fact {
            id: raw.id,
            predicate,
            participants: raw.participants.into_inner(),
            object: raw.object.map(|o| o.to_lowercase()),
            date,
            count,
            unique: raw.unique,
            as_of: as_of.unwrap_or_else(|| PartialDate::y(0)),
            source: raw.source.into_inner(),
            origin: fact_line,
        });
    }
    if errors.is_empty() {
        Ok(facts)
    } else {
        Err(errors)
    }
}

impl Fact {
    /// Whether `claim` asserts this fact's event: same predicate and object, at least one shared
    /// participant, and no person or organization the fact does not name.
    pub fn is_about(&self, claim: &Claim, lexicon: &Lexicon) -> bool {
        if claim.polarity != Polarity::Positive || claim.event.predicate != self.predicate {
            return false;
        }
        if let (Some(x), Some(y)) = (&claim.object, &self.object) {
            if x != y {
                return false;
            }
        }
        let named = |id: &str| {
            ancestors(id, lexicon).iter().any(|a| {
                self.participants.iter().any(|p| same_entity(a, p))
                    || self.object.as_deref() == Some(*a)
            })
        };
        let shared = claim.participants.iter().any(|p| named(&p.entity));
        // Places and things (a missile, a hotline) do not tell one event from another; people
        // and organizations, known or not, do.
        let outsider = claim.participants.iter().any(|p| {
            let kind = lexicon.entity(&p.entity).map(|e| e.kind);
            let incidental = matches!(
                kind,
                Some(EntityKind::Country | EntityKind::Place | EntityKind::Thing)
            );
            !incidental && !named(&p.entity)
        });
        shared && !outsider
    }

    /// What this fact says of `claim` (which must be about it), for an article published in
    /// `published`.
    pub fn verdict(
        &self,
        claim: &Claim,
        published: Option<Interval>,
        tolerances: Tolerances,
    ) -> Verdict {
        let mut confirmed = false;
        if let (Some(date), Some(interval)) =
            (self.date, claim.time.as_ref().and_then(|t| t.interval))
        {
            let fact = date.interval();
            let gap = fact.gap_days(&interval);
            if gap == 0 {
                confirmed = true;
            } else if self.unique || gap <= tolerances.max_gap_days {
                return Verdict::Contradicts {
                    field: "date",
                    fact: fact.to_string(),
                    claim: interval.to_string(),
                };
            }
        }
        if let (Some(count), Some(published)) = (&self.count, published) {
            let as_of = self.as_of.interval();
            let window_end = as_of.end + chrono::Duration::days(tolerances.count_window_days);
            if published.start >= as_of.start && published.end <= window_end {
                for quantity in claim.quantities.iter().filter(|q| q.unit == count.unit) {
                    if compatible(quantity, count) {
                        confirmed = true;
                    } else {
                        let (low, high) = bounds(quantity.value, quantity.bound);
                        let said = if low == high {
                            format!("{low}")
                        } else if high.is_infinite() {
                            format!("more than {low}")
                        } else {
                            format!("{low}..{high}")
                        };
                        return Verdict::Contradicts {
                            field: "count",
                            fact: format!("{}", count.value),
                            claim: said,
                        };
                    }
                }
            }
        }
        if confirmed {
            Verdict::Confirms
        } else {
            Verdict::Silent
        }
    }

    /// "biden-putin-call (ledger/calls.toml:3, as of 2022-03-01: White House readout)".
    pub fn cite(&self) -> String {
        format!(
            "ledger fact {} ({}, as of {}: {})",
            self.id, self.origin, self.as_of, self.source
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::load(&crate::rulefiles::builtin()).expect("lexicon")
    }

    fn file(text: &str) -> RuleFile {
        RuleFile {
            relative: "ledger/facts.toml".into(),
            origin: "my-rules/ledger/facts.toml".into(),
            text: text.into(),
        }
    }

    const GOOD: &str = r#"[[fact]]
id = "call"
event = "speak"
participants = ["joe-biden", "vladimir-putin"]
date = "2022-02-12"
as-of = "2022-03-01"
source = "readout"
"#;

    #[test]
    fn a_good_fact_loads() {
        let ledger = Ledger::load(&[file(GOOD)], &lexicon()).expect("loads");
        assert_eq!(ledger.facts.len(), 1);
        assert_eq!(ledger.facts[0].origin, "my-rules/ledger/facts.toml:1");
        assert_eq!(ledger.facts[0].date, "2022-02-12".parse().ok());
    }

    #[test]
    fn files_outside_the_ledger_directory_are_not_read() {
        let mut other = file("not = toml = at all");
        other.relative = "time/x.toml".into();
        assert_eq!(
            Ledger::load(&[other], &lexicon()).expect("skipped"),
            Ledger::default()
        );
    }

    #[test]
    fn a_bad_date_names_file_line_and_key() {
        let text = GOOD.replace("\"2022-02-12\"", "\"2022-02-30\"");
        let errors = Ledger::load(&[file(&text)], &lexicon()).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("my-rules/ledger/facts.toml:5: key `date`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn an_unknown_event_and_key_are_errors() {
        let text = GOOD.replace("\"speak\"", "\"teleport\"");
        let errors = Ledger::load(&[file(&text)], &lexicon()).unwrap_err();
        assert!(
            errors[0].starts_with("my-rules/ledger/facts.toml:3: key `event`"),
            "{}",
            errors[0]
        );
        let text = GOOD.replace("source =", "sauce = \"x\"\nsource =");
        let errors = Ledger::load(&[file(&text)], &lexicon()).unwrap_err();
        assert!(errors[0].contains("facts.toml:7"), "{}", errors[0]);
        assert!(errors[0].contains("sauce"), "{}", errors[0]);
    }

    #[test]
    fn a_fact_needs_a_date_or_a_count() {
        let text = GOOD.replace("date = \"2022-02-12\"\n", "");
        let errors = Ledger::load(&[file(&text)], &lexicon()).unwrap_err();
        assert!(
            errors[0].starts_with("my-rules/ledger/facts.toml:1: fact \"call\""),
            "{}",
            errors[0]
        );
    }

    fn claim_of(text: &str, published: &str) -> Claim {
        let analyzer =
            crate::pipeline::analyze::Analyzer::new(&crate::rulefiles::builtin()).expect("rules");
        let article = crate::input::Article::from_text("a", text, published.parse().ok());
        analyzer.analyze(&article).claims.remove(0)
    }

    #[test]
    fn a_verdict_is_taken_at_the_claims_precision() {
        let lexicon = lexicon();
        let text = GOOD
            .replace("\"2022-02-12\"", "\"2022-02-24\"")
            .replace("speak", "invade")
            .replace(
                "[\"joe-biden\", \"vladimir-putin\"]",
                "[\"russia\", \"ukraine\"]",
            );
        let fact = Ledger::load(&[file(&text)], &lexicon)
            .unwrap()
            .facts
            .remove(0);
        let month = claim_of("Russia invaded Ukraine in February.", "2022-05");
        assert!(fact.is_about(&month, &lexicon));
        assert_eq!(
            fact.verdict(&month, None, Tolerances::default()),
            Verdict::Confirms
        );
        let wrong = claim_of("Russia invaded Ukraine on February 20.", "2022-05");
        assert!(matches!(
            fact.verdict(&wrong, None, Tolerances::default()),
            Verdict::Contradicts { field: "date", .. }
        ));
        let elsewhere = claim_of("Russia invaded Ukraine on March 30.", "2022-05");
        assert_eq!(
            fact.verdict(&elsewhere, None, Tolerances::default()),
            Verdict::Silent,
            "a recurring event far from the fact's date is another occurrence"
        );
    }

    #[test]
    fn another_person_makes_another_event() {
        let lexicon = lexicon();
        let fact = Ledger::load(&[file(GOOD)], &lexicon)
            .unwrap()
            .facts
            .remove(0);
        let claim = claim_of("Biden spoke to Macron on February 20.", "2022-03");
        assert!(!fact.is_about(&claim, &lexicon));
        let claim = claim_of("Biden spoke to Putin on February 20.", "2022-03");
        assert!(fact.is_about(&claim, &lexicon));
    }
}
