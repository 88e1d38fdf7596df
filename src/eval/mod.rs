//! Measurement of the extractors against gold corpora.
//!
//! Quality bars in this project are measured, not asserted (DESIGN.md, "Quality bars"): each
//! submodule reads a gold corpus, runs the library on its texts and computes the metrics the
//! field reports, so that figures in the docs can be reproduced with one command.

pub mod diff;
pub mod perturb;
pub mod timex;

pub use timex::{EvalError, Evaluation, TimexReport, evaluate};
