//! One module a subcommand.

pub(crate) mod check;
pub(crate) mod eval_timex;
pub(crate) mod extract;
pub(crate) mod rules;
