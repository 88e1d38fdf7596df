//! Reading rule files, checking them, and layering `--rules` directories over the built-ins.

use std::collections::BTreeMap;

use crate::report::Severity;
use crate::rulefiles::{RuleFile, toml_error};
use crate::rules::builtin;
use crate::rules::model::{Rule, RuleSpec};

/// The rules of a run, ordered by code.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// The rules, sorted by code.
    pub rules: Vec<Rule>,
}

/// The line of `key = ` in `text`, or 1.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.starts_with(key) && line[key.len()..].trim_start().starts_with('=')
        })
        .map_or(1, |i| i + 1)
}

fn check_spec(spec: &RuleSpec, file: &RuleFile) -> Vec<String> {
    let mut errors = Vec::new();
    let at = |key: &str| format!("{}:{}", file.origin, key_line(&file.text, key));
    let code_ok = spec.code.len() >= 4
        && spec
            .code
            .chars()
            .take_while(char::is_ascii_uppercase)
            .count()
            >= 2
        && spec
            .code
            .chars()
            .skip_while(char::is_ascii_uppercase)
            .all(|c| c.is_ascii_digit())
        && spec.code.chars().last().is_some_and(|c| c.is_ascii_digit());
    if !code_ok {
        errors.push(format!(
            "{}: key `code`: expected a family and a number like TIME001, found {:?}",
            at("code"),
            spec.code
        ));
    }
    if spec.name.is_empty()
        || !spec
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(format!(
            "{}: key `name`: expected a kebab-case name, found {:?}",
            at("name"),
            spec.name
        ));
    }
    match builtin::kind(&spec.kind) {
        None => {
            let known: Vec<&str> = builtin::KINDS.iter().map(|k| k.name).collect();
            errors.push(format!(
                "{}: key `kind`: expected one of {}, found {:?}",
                at("kind"),
                known.join(", "),
                spec.kind
            ));
        }
        Some(kind) => {
            for (key, value) in &spec.parameters {
                if !kind.parameters.iter().any(|(name, _)| name == key) {
                    errors.push(format!(
                        "{}: key `parameters.{key}`: not a parameter of kind {}",
                        at(key),
                        kind.name
                    ));
                } else if !matches!(value, toml::Value::Integer(_) | toml::Value::Float(_)) {
                    errors.push(format!(
                        "{}: key `parameters.{key}`: expected a number, found {value}",
                        at(key)
                    ));
                }
            }
        }
    }
    errors
}

impl RuleSet {
    /// Reads the rule files among `files` (everything outside `lexicon/` and `ledger/`), in order; a later
    /// rule with the same code replaces an earlier one. Every problem is reported.
    pub fn load(files: &[RuleFile]) -> Result<RuleSet, Vec<String>> {
        let mut rules: BTreeMap<String, Rule> = BTreeMap::new();
        let mut errors = Vec::new();
        for file in files.iter().filter(|f| {
            !f.relative.starts_with("lexicon/") && !crate::rules::ledger::is_ledger(&f.relative)
        }) {
            let spec: RuleSpec = match toml::from_str(&file.text) {
                Ok(spec) => spec,
                Err(error) => {
                    errors.push(toml_error(file, &error));
                    continue;
                }
            };
            let problems = check_spec(&spec, file);
            if !problems.is_empty() {
                errors.extend(problems);
                continue;
            }
            let severity = spec.severity;
            rules.insert(
                spec.code.clone(),
                Rule {
                    spec,
                    origin: file.origin.clone(),
                    severity,
                },
            );
        }
        if errors.is_empty() {
            Ok(RuleSet {
                rules: rules.into_values().collect(),
            })
        } else {
            Err(errors)
        }
    }

    /// The rule with code `code`.
    pub fn get(&self, code: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.spec.code.eq_ignore_ascii_case(code))
    }

    /// Sets the severity of the rule `code`; false when no such rule exists.
    pub fn override_severity(&mut self, code: &str, severity: Severity) -> bool {
        match self
            .rules
            .iter_mut()
            .find(|r| r.spec.code.eq_ignore_ascii_case(code))
        {
            Some(rule) => {
                rule.severity = severity;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> RuleFile {
        RuleFile {
            relative: "time/x.toml".into(),
            origin: "rules/time/x.toml".into(),
            text: text.into(),
        }
    }

    const GOOD: &str = r#"code = "TIME901"
name = "x"
kind = "time-conflict"
summary = "s"
severity = "error"
[doc]
what = "w"
why = "y"
example = "e"
"#;

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::load(&crate::rulefiles::builtin()).expect("built-in rules are valid");
        assert!(set.get("TIME001").is_some());
    }

    #[test]
    fn good_rule_loads() {
        assert_eq!(RuleSet::load(&[file(GOOD)]).unwrap().rules.len(), 1);
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let text = GOOD.replace("summary = \"s\"", "summary = \"s\"\nseverty = \"error\"");
        let errors = RuleSet::load(&[file(&text)]).unwrap_err();
        assert!(
            errors[0].starts_with("rules/time/x.toml:5:"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("severty"), "{}", errors[0]);
    }

    #[test]
    fn wrong_type_names_line() {
        let text = GOOD.replace("severity = \"error\"", "severity = 3");
        let errors = RuleSet::load(&[file(&text)]).unwrap_err();
        assert!(
            errors[0].starts_with("rules/time/x.toml:5:"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn unknown_kind_and_parameter() {
        let text = GOOD.replace("time-conflict", "time-travel");
        let errors = RuleSet::load(&[file(&text)]).unwrap_err();
        assert!(
            errors[0].contains("rules/time/x.toml:3: key `kind`"),
            "{}",
            errors[0]
        );
        let text = format!("{GOOD}[parameters]\nmax-gap = 3\n");
        let errors = RuleSet::load(&[file(&text)]).unwrap_err();
        assert!(errors[0].contains("parameters.max-gap"), "{}", errors[0]);
    }
}
