//! Measurement of the extractors against gold corpora.
//!
//! Quality bars in this project are measured, not asserted (DESIGN.md, "Quality bars"): each
//! submodule reads a gold corpus, runs the library on its texts and computes the metrics the
//! field reports, so that figures in the docs can be reproduced with one command.

pub mod coref;
pub mod diff;
pub mod perturb;
pub mod timex;

pub use timex::{EvalError, Evaluation, TimexReport, evaluate};

/// Byte offset of each code point index of `text` (and of its end): gold files count code
/// points, spans count bytes.
pub(crate) fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}
