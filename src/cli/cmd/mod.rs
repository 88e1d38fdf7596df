//! One module a subcommand.

pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod diff;
pub(crate) mod eval;
pub(crate) mod eval_perturb;
pub(crate) mod eval_timex;
pub(crate) mod extract;
pub(crate) mod man;
pub(crate) mod rules;
