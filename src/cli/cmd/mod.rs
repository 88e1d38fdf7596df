//! One module a subcommand.

pub(crate) mod check;
pub(crate) mod eval_perturb;
pub(crate) mod extract;
pub(crate) mod rules;
