//! Text handling: byte spans, boilerplate removal, paragraph and sentence segmentation.

pub mod span;
