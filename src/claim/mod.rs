//! Claims: assembling grammar mentions of one sentence into comparable factual claims.

pub mod model;

pub use model::{
    Attribution, Claim, ClaimTime, Event, Modality, Participant, Polarity, Quantity, Role,
    SourceKind,
};
