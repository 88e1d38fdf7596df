//! The pipeline's two steps: `analyze` (per article: text → grammar → claims) and `check`
//! (across articles: matcher → rules → findings), with `copies` telling which articles repeat
//! another word for word, so that each text is analyzed and cross-checked once, and `parallel`
//! spreading the per-article analysis over threads.

pub mod analyze;
pub mod check;
pub mod copies;
pub mod parallel;

pub use analyze::{Analysis, Analyzer};
