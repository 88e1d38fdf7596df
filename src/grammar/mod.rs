//! The claim grammar: tokens, numbers and quantities, entity mentions, and the cues of
//! attribution, hedging, negation and quotation. Time expressions have their own grammar in
//! `temporal`.
//!
//! Text that matches nothing is simply not a claim: the grammar never fails, it finds less.

pub mod cue;
pub mod entity;
pub mod measure;
pub mod number;
pub mod quote;
pub mod token;
