//! The pipeline's two steps: `analyze` (per article: text → grammar → claims) and `check`
//! (across articles: matcher → rules → findings).

pub mod analyze;
pub mod check;

pub use analyze::{Analysis, Analyzer};
