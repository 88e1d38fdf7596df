//! Every `[[test]]` case of every built-in rule file runs here.

use claimcheck::rulefiles;
use claimcheck::rules::selftest;

#[test]
fn every_rule_test_case_passes() {
    let results = selftest::run(&rulefiles::builtin()).expect("built-in rules load");
    assert!(
        results.len() >= 10,
        "expected the built-in rules to carry test cases"
    );
    let failures: Vec<String> = results
        .iter()
        .filter_map(|r| {
            r.failure
                .as_ref()
                .map(|why| format!("{} {}: {why}", r.code, r.name))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "rule test cases failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_rule_documents_itself_and_has_a_test() {
    let set = claimcheck::rules::RuleSet::load(&rulefiles::builtin()).expect("built-in rules load");
    for rule in &set.rules {
        let doc = &rule.spec.doc;
        for (name, text) in [
            ("what", &doc.what),
            ("why", &doc.why),
            ("example", &doc.example),
            ("known-problems", &doc.known_problems),
        ] {
            assert!(
                !text.trim().is_empty(),
                "{} lacks doc.{name}",
                rule.spec.code
            );
        }
        assert!(
            !rule.spec.tests.is_empty(),
            "{} has no test case",
            rule.spec.code
        );
    }
}
