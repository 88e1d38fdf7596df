//! The acceptance target of `../shared/seeds/EXPECTED.md` on the bundled seeds: what
//! `claimcheck check seeds/` must report, and what it must not.

use std::path::PathBuf;

use claimcheck::input::{LoadOptions, load};
use claimcheck::pipeline::check::Checker;
use claimcheck::report::{Finding, FindingKind, Report};
use claimcheck::rulefiles;

fn seeds_report() -> Report {
    let loaded = load(&[PathBuf::from("seeds")], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 2);
    let checker = Checker::new(&rulefiles::builtin()).expect("built-in rules");
    checker.check(loaded.articles).0
}

fn evidence_text(finding: &Finding) -> String {
    finding
        .evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn with_code<'r>(report: &'r Report, code: &str) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn invasion_dates_agree_across_the_two_sources() {
    let report = seeds_report();
    let found = with_code(&report, "TIME002")
        .into_iter()
        .find(|f| f.message.contains("\"invade\""))
        .expect("an agreement on the invasion");
    assert_eq!(found.kind, FindingKind::Agreement);
    let text = evidence_text(found);
    assert!(text.contains("nine months ago"), "{text}");
    assert!(text.contains("twelve days later"), "{text}");
    assert!(found.message.contains("2022-02"), "{}", found.message);
    assert!(found.message.contains("2022-02-24"), "{}", found.message);
}

#[test]
fn hotline_set_up_in_march_2022_agrees() {
    let report = seeds_report();
    let found = with_code(&report, "TIME002")
        .into_iter()
        .find(|f| f.message.contains("\"establish\""))
        .expect("an agreement on the hotline");
    let text = evidence_text(found);
    assert!(
        text.contains("created this communications line in March"),
        "{text}"
    );
    assert!(text.contains("recently established"), "{text}");
}

#[test]
fn durations_with_opposite_bounds_conflict_inside_003() {
    let report = seeds_report();
    let found = with_code(&report, "TIME003");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, FindingKind::Discrepancy);
    assert!(
        found[0]
            .evidence
            .iter()
            .all(|e| e.article == "003_8cdd6abb60c022f4")
    );
    let text = evidence_text(found[0]);
    assert!(text.contains("more than 24 days"), "{text}");
    assert!(text.contains("24 days"), "{text}");
}

#[test]
fn unsupported_claims_carry_their_attribution() {
    let report = seeds_report();
    let messages: Vec<&str> = with_code(&report, "ATTR001")
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    let all = messages.join("\n");
    for source in [
        "an anonymous U.S. official",
        "The official",
        "NATO",
        "the Associated Press",
        "U.S. officials",
    ] {
        assert!(
            all.contains(source),
            "no unsupported claim rests on {source}:\n{all}"
        );
    }
    let spoke = messages
        .iter()
        .find(|m| m.contains("\"speak\" (joe-biden, vladimir-putin), February 12"))
        .expect("Biden last spoke to Putin on February 12");
    assert!(spoke.contains("no attribution"), "{spoke}");
    let killed = messages
        .iter()
        .find(|m| m.contains("\"kill\""))
        .expect("the missile killed two people");
    assert!(
        killed.contains("two people") && killed.contains("Nov. 15"),
        "{killed}"
    );
}

#[test]
fn no_discrepancy_a_careful_reader_would_call_wrong() {
    let report = seeds_report();
    let discrepancies: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Discrepancy)
        .collect();
    // The two expected discrepancies: the duration conflict inside 003, and the missile given
    // two origins inside 000, hedged ("believed to have been launched by"), so of lower severity
    // than the rule's.
    let codes: Vec<&str> = discrepancies.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes.len(), 2, "{discrepancies:#?}");
    assert!(codes.contains(&"TIME003"), "{discrepancies:#?}");
    let origin = discrepancies
        .iter()
        .find(|f| f.code == "ENT002")
        .unwrap_or_else(|| panic!("no missile-origin conflict: {discrepancies:#?}"));
    assert!(
        origin.message.contains("origin of the missile")
            && origin.message.contains("Russian")
            && origin.message.contains("launched by Ukrainian air defense"),
        "{origin:#?}"
    );
    assert!(
        origin.severity < claimcheck::report::Severity::Warning,
        "{origin:#?}"
    );
    let agreements: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Agreement)
        .collect();
    assert_eq!(agreements.len(), 2, "{agreements:#?}");
}

#[test]
fn same_input_same_bytes() {
    let render = || {
        let report = seeds_report();
        claimcheck::report::render(
            claimcheck::report::Format::Json,
            &report,
            &claimcheck::report::RenderOptions::default(),
        )
    };
    assert_eq!(render(), render());
}

#[test]
fn seeds_report_snapshot() {
    let report = seeds_report();
    let text = claimcheck::report::render(
        claimcheck::report::Format::Text,
        &report,
        &claimcheck::report::RenderOptions::default(),
    );
    insta::assert_snapshot!("seeds_text_report", text);
}

#[test]
fn every_claim_dated_by_an_event_anchored_expression_takes_its_date() {
    let report = seeds_report();
    for (phrase, value) in [
        ("the start of the war", "2022-02"),
        ("the eve of the attack", "2022-02-23"),
    ] {
        let dated: Vec<&claimcheck::claim::Claim> = report
            .claims
            .iter()
            .filter(|c| {
                let text = &report
                    .articles
                    .iter()
                    .find(|a| a.id == c.article)
                    .expect("the claim's article")
                    .text;
                c.time
                    .as_ref()
                    .is_some_and(|t| t.span.slice(text) == phrase)
            })
            .collect();
        // The event's claim and the expression's own date claim, at least.
        assert!(dated.len() >= 2, "{phrase}: {} claims", dated.len());
        for claim in dated {
            let time = claim.time.as_ref().expect("dated");
            assert_eq!(time.value, value, "{phrase} in {}", claim.event.predicate);
            assert!(
                time.interval.is_some(),
                "{phrase} in {}",
                claim.event.predicate
            );
        }
    }
}
