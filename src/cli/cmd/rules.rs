//! `claimcheck rules`: list, explain and validate rules.

use claimcheck::rulefiles;
use claimcheck::rules::{RuleSet, selftest};

use crate::cli::args::{RulesAction, RulesArgs};
use crate::cli::{Status, error, print, rule_files};

pub(crate) fn run(args: &RulesArgs) -> Status {
    match &args.action {
        None | Some(RulesAction::List) => with_rules(args, |set| {
            let mut out = String::new();
            // Columns as wide as their widest entry, so longer codes (LEDGER001) stay aligned.
            let code_width = set
                .rules
                .iter()
                .map(|r| r.spec.code.len())
                .max()
                .unwrap_or(0);
            let name_width = set
                .rules
                .iter()
                .map(|r| r.spec.name.len())
                .max()
                .unwrap_or(0);
            for rule in &set.rules {
                let spec = &rule.spec;
                out.push_str(&format!(
                    "{:<code_width$} {:<8} {:<name_width$} {}\n",
                    spec.code,
                    rule.severity.as_str(),
                    spec.name,
                    spec.summary
                ));
            }
            print(&out);
            Status::Clean
        }),
        Some(RulesAction::Show { code }) => with_rules(args, |set| match set.get(code) {
            Some(rule) => {
                let spec = &rule.spec;
                let doc = &spec.doc;
                let mut out = format!(
                    "{} {}\n{}\n\nkind: {}\nseverity: {}\napplies to: {}\nfile: {}\n",
                    spec.code,
                    spec.name,
                    spec.summary,
                    spec.kind,
                    rule.severity,
                    spec.applies_to.as_str(),
                    rule.origin
                );
                for (heading, body) in [
                    ("What it checks", &doc.what),
                    ("Why", &doc.why),
                    ("Example", &doc.example),
                    ("Known problems", &doc.known_problems),
                ] {
                    if !body.trim().is_empty() {
                        out.push_str(&format!("\n## {heading}\n{}\n", body.trim_end()));
                    }
                }
                print(&out);
                Status::Clean
            }
            None => {
                error(format!(
                    "no rule with code {code:?}; `claimcheck rules list` lists them"
                ));
                Status::Error
            }
        }),
        Some(RulesAction::Check { dir }) => {
            let files = match rulefiles::from_dir(dir) {
                Ok(files) => files,
                Err(e) => {
                    error(e);
                    return Status::Error;
                }
            };
            let mut all = rulefiles::builtin()
                .into_iter()
                .filter(|f| f.relative.starts_with("lexicon/"))
                .collect::<Vec<_>>();
            all.extend(files);
            match selftest::run(&all) {
                Err(errors) => {
                    errors.iter().for_each(error);
                    Status::Error
                }
                Ok(results) => {
                    let mut out = String::new();
                    let failed = results.iter().filter(|r| r.failure.is_some()).count();
                    for r in &results {
                        match &r.failure {
                            None => out.push_str(&format!("ok     {} {}\n", r.code, r.name)),
                            Some(why) => {
                                out.push_str(&format!("FAILED {} {}: {why}\n", r.code, r.name))
                            }
                        }
                    }
                    out.push_str(&format!(
                        "{} passed, {} failed\n",
                        results.len() - failed,
                        failed
                    ));
                    print(&out);
                    if failed > 0 {
                        Status::Failed
                    } else {
                        Status::Clean
                    }
                }
            }
        }
    }
}

fn with_rules(args: &RulesArgs, f: impl FnOnce(&RuleSet) -> Status) -> Status {
    match rule_files(&args.rules).and_then(|files| RuleSet::load(&files)) {
        Ok(set) => f(&set),
        Err(errors) => {
            errors.iter().for_each(error);
            Status::Error
        }
    }
}
