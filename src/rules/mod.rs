//! Rules: TOML files that parameterize built-in kinds, carry their documentation and their own
//! test cases, and turn matched claims into findings.

pub mod builtin;
pub mod context;
pub mod ledger;
pub mod load;
pub mod model;
pub mod selftest;

pub use context::Context;
pub use load::RuleSet;
pub use model::{Rule, RuleSpec, Scope};

use crate::report::Finding;

/// Runs every rule of `set` over `cx`, in code order.
pub fn evaluate(set: &RuleSet, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in &set.rules {
        if let Some(kind) = builtin::kind(&rule.spec.kind) {
            findings.extend((kind.run)(rule, cx));
        }
    }
    findings
}
