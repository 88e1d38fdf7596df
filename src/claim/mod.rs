//! Claims: assembling grammar mentions of one sentence into comparable factual claims.

pub mod attribute;
pub mod extract;
pub mod id;
pub mod model;
pub mod partial;
pub mod trigger;

pub use model::{
    ATTRIBUTES, Attribution, COUNT, Claim, ClaimTime, DATE, Event, Modality, Participant, Polarity,
    Quantity, Role, SourceKind,
};
