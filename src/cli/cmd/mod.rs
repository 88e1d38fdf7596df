//! One module a subcommand.

pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod rules;
