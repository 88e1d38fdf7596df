//! A small synthetic report for renderer tests: two articles (one with front matter, one
//! plain), five claims with resolved times, and three findings — a discrepancy, an agreement
//! and an unsupported claim — with the rule documentation for their codes.
//!
//! The Kyiv Post article has multi-byte punctuation (curly quotes, em dashes) before spans and a
//! paragraph longer than any terminal, so column counting and line windowing are exercised.

#![allow(dead_code)]

use chrono::NaiveDate;
use claimcheck::claim::{
    Attribution, Claim, ClaimTime, Event, Modality, Participant, Polarity, Quantity, Role,
    SourceKind,
};
use claimcheck::input::{Article, Metadata};
use claimcheck::report::{Evidence, Finding, FindingKind, Report, RuleInfo, Severity};
use claimcheck::temporal::{Bound, Interval, PartialDate, Precision};
use claimcheck::text::span::Span;

/// The front matter of the Kyiv Post article, as in its file.
pub(crate) const FRONT_MATTER: &str =
    "---\ntitle: Russia invades Ukraine\noutlet: Kyiv Post\npublished: 2022-03-10\n---\n";

/// The Kyiv Post article's text (after the front matter).
pub(crate) const KYIV_POST: &str = "Russian forces invaded Ukraine on February 24, 2022, in the largest attack on a European state since 1945.\n\
\n\
Officials in Kyiv — speaking in Ukrainian and in English, with “quotes” in nearly every sentence and enough words to push this paragraph far past a hundred columns — said that President Joe Biden last spoke with Vladimir Putin on February 12, a call that “changed nothing,” and that no further talks were planned before the end of the month.\n\
\n\
More than 300 civilians were killed in the first week, according to an anonymous official.\n";

/// The wire article's text (a plain `.txt` file).
pub(crate) const WIRE: &str = "Russian troops crossed into Ukraine on February 23, officials said.\n\
Biden and Putin spoke by phone in February, the White House said.\n";

/// The span of the first occurrence of `needle` in `text`.
pub(crate) fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

/// The span of the sentence of `text` that contains `needle` (sentences end at ". ", ".\n").
pub(crate) fn sentence_of(text: &str, needle: &str) -> Span {
    let at = span_of(text, needle);
    let start = text[..at.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let end = text[at.end..]
        .find(".\n")
        .map_or(text.len(), |i| at.end + i + 1);
    Span::new(start, end)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn article(id: &str, origin: &str, text: &str, outlet: &str, published: PartialDate) -> Article {
    Article {
        id: id.to_string(),
        origin: origin.to_string(),
        text: text.to_string(),
        body_offset: 0,
        front_matter: String::new(),
        meta: Metadata {
            title: None,
            outlet: Some(outlet.to_string()),
            url: None,
            published: Some(published),
            author: None,
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn claim(
    id: &str,
    article: &str,
    text: &str,
    predicate: &str,
    trigger: &str,
    participants: &[(&str, &str, Role)],
    time: (&str, &str, Interval),
) -> Claim {
    Claim {
        id: id.to_string(),
        article: article.to_string(),
        sentence: sentence_of(text, trigger),
        event: Event {
            predicate: predicate.to_string(),
            trigger: trigger.to_string(),
            span: span_of(text, trigger),
        },
        participants: participants
            .iter()
            .map(|(entity, mention, role)| Participant {
                entity: entity.to_string(),
                role: *role,
                span: span_of(text, mention),
            })
            .collect(),
        object: None,
        time: Some(ClaimTime {
            span: span_of(text, time.0),
            value: time.1.to_string(),
            interval: Some(time.2),
            duration: None,
        }),
        quantities: Vec::new(),
        attribution: Attribution::default(),
        modality: Modality::Asserted,
        polarity: Polarity::Positive,
        context: None,
        sentence_words: None,
    }
}

/// The rule documentation for the fixture's codes.
pub(crate) fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            code: "TIME001".into(),
            name: "date-conflict".into(),
            summary: "Sources give disjoint dates for one event".into(),
            severity: Severity::Error,
            kind: "time-agreement".into(),
            what: "Compares the dates that matched claims give for one event, at the coarser \
                   precision, and reports dates that cannot both be true."
                .into(),
            why: "A wrong date is a factual error readers notice and corrections must fix.".into(),
            example: "One source: \"invaded on February 24\"; another: \"on February 23\".".into(),
            known_problems: "Time zones can put one event on two dates.".into(),
        },
        RuleInfo {
            code: "TIME002".into(),
            name: "date-agreement".into(),
            summary: "Sources agree on when an event happened".into(),
            severity: Severity::Info,
            kind: "time-agreement".into(),
            what: "Reports matched claims whose dates overlap.".into(),
            why: "Agreement across independent sources is what corroboration looks like.".into(),
            example: String::new(),
            known_problems: String::new(),
        },
        RuleInfo {
            code: "ATTR001".into(),
            name: "anonymous-single-source".into(),
            summary: "A claim rests on one anonymous source".into(),
            severity: Severity::Warning,
            kind: "support".into(),
            what: "Reports claims that only an unnamed source supports.".into(),
            why: "An anonymous claim that no other source corroborates needs an editor's look."
                .into(),
            example: "\"... according to an anonymous official.\"".into(),
            known_problems: String::new(),
        },
    ]
}

/// The fixture report.
pub(crate) fn report() -> Report {
    let mut kyiv = article(
        "kyiv-post",
        "seeds/kyiv-post.md",
        KYIV_POST,
        "Kyiv Post",
        PartialDate::ymd(2022, 3, 10).expect("valid date"),
    );
    kyiv.body_offset = FRONT_MATTER.len();
    kyiv.meta.title = Some("Russia invades Ukraine".into());
    kyiv.meta.url = Some("https://example.com/kyiv-post/invasion?a=1&b=<2>".into());
    let wire = article(
        "wire",
        "seeds/wire.txt",
        WIRE,
        "Wire Service",
        PartialDate::ymd(2022, 3, 9).expect("valid date"),
    );

    let a_invade = claim(
        "c-kp-invade",
        "kyiv-post",
        KYIV_POST,
        "invade",
        "invaded",
        &[
            ("russia", "Russian", Role::Agent),
            ("ukraine", "Ukraine", Role::Patient),
        ],
        (
            "February 24, 2022",
            "2022-02-24",
            Interval::day(day(2022, 2, 24)),
        ),
    );
    let a_speak = claim(
        "c-kp-speak",
        "kyiv-post",
        KYIV_POST,
        "speak",
        "spoke",
        &[
            ("joe-biden", "Joe Biden", Role::Agent),
            ("vladimir-putin", "Vladimir Putin", Role::Patient),
        ],
        ("February 12", "2022-02-12", Interval::day(day(2022, 2, 12))),
    );
    let mut a_kill = claim(
        "c-kp-kill",
        "kyiv-post",
        KYIV_POST,
        "kill",
        "killed",
        &[],
        (
            "the first week",
            "2022-W08",
            Interval::week_of(day(2022, 2, 24)),
        ),
    );
    a_kill.quantities.push(Quantity {
        span: span_of(KYIV_POST, "More than 300 civilians"),
        value: 300.0,
        bound: Bound::MoreThan,
        low: 300.0,
        high: f64::INFINITY,
        unit: Some("civilian".into()),
    });
    a_kill.attribution = Attribution {
        kind: SourceKind::Anonymous,
        source: "an anonymous official".into(),
        entity: None,
        span: Some(span_of(KYIV_POST, "an anonymous official")),
    };
    a_kill.modality = Modality::Reported;
    let b_invade = claim(
        "c-wire-invade",
        "wire",
        WIRE,
        "invade",
        "crossed",
        &[
            ("russia", "Russian", Role::Agent),
            ("ukraine", "Ukraine", Role::Patient),
        ],
        ("February 23", "2022-02-23", Interval::day(day(2022, 2, 23))),
    );
    let b_speak = claim(
        "c-wire-speak",
        "wire",
        WIRE,
        "speak",
        "spoke",
        &[
            ("joe-biden", "Biden", Role::Agent),
            ("vladimir-putin", "Putin", Role::Patient),
        ],
        ("February", "2022-02", Interval::month(2022, 2)),
    );
    assert_eq!(
        b_speak.time.as_ref().unwrap().interval.unwrap().precision,
        Precision::Month
    );

    // The wire's second "February" (the first is "February 23").
    let month_in_wire = {
        let comma = span_of(WIRE, "February,");
        Span::new(comma.start, comma.end - 1)
    };
    let findings = vec![
        Finding {
            kind: FindingKind::Discrepancy,
            code: "TIME001".into(),
            severity: Severity::Error,
            message: "invasion date differs between 2 sources: 2022-02-24 vs 2022-02-23".into(),
            claims: vec![a_invade.id.clone(), b_invade.id.clone()],
            evidence: vec![
                Evidence::new(
                    "kyiv-post",
                    span_of(KYIV_POST, "February 24, 2022"),
                    KYIV_POST,
                    "says 2022-02-24",
                ),
                Evidence::new(
                    "wire",
                    span_of(WIRE, "February 23"),
                    WIRE,
                    "says 2022-02-23",
                ),
            ],
            fingerprint: "TIME001-5d41402abc4b2a76".into(),
        },
        Finding {
            kind: FindingKind::Agreement,
            code: "TIME002".into(),
            severity: Severity::Info,
            message: "Biden–Putin call date agrees across 2 sources (February 2022)".into(),
            claims: vec![a_speak.id.clone(), b_speak.id.clone()],
            evidence: vec![
                Evidence::new(
                    "kyiv-post",
                    span_of(KYIV_POST, "February 12"),
                    KYIV_POST,
                    "says 2022-02-12",
                ),
                Evidence::new("wire", month_in_wire, WIRE, "says 2022-02"),
            ],
            fingerprint: "TIME002-7d793037a0760186".into(),
        },
        Finding {
            kind: FindingKind::Unsupported,
            code: "ATTR001".into(),
            severity: Severity::Warning,
            message: "casualty count rests on one anonymous source".into(),
            claims: vec![a_kill.id.clone()],
            evidence: vec![
                Evidence::new(
                    "kyiv-post",
                    span_of(KYIV_POST, "More than 300 civilians"),
                    KYIV_POST,
                    "more than 300 killed",
                ),
                Evidence::new(
                    "kyiv-post",
                    span_of(KYIV_POST, "an anonymous official"),
                    KYIV_POST,
                    "the only source",
                ),
            ],
            fingerprint: "ATTR001-e4da3b7fbbce2345".into(),
        },
    ];

    let mut report = Report::new(
        vec![kyiv, wire],
        vec![a_invade, a_speak, a_kill, b_invade, b_speak],
        findings,
    );
    report.rules = rules();
    report
        .front_matter
        .insert("kyiv-post".into(), FRONT_MATTER.into());
    report
}
