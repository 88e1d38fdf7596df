//! Text handling: byte spans, boilerplate removal, paragraph and sentence segmentation, and
//! offset-preserving normalization.

pub mod boilerplate;
pub mod normalize;
pub mod segment;
pub mod span;

pub use boilerplate::{Boilerplate, LexiconError, Removed};
pub use segment::{Paragraph, Sentence, segment};
pub use span::{LineIndex, Span};
