//! claimcheck: extract dated factual claims from news articles and cross-check them across
//! sources.
//!
//! The pipeline runs one way: `input` → `text` → `grammar` → `claim` → `temporal` + `entity`
//! → `matcher` → `rules` → `report`. See `docs/architecture.md`.

pub mod claim;
pub mod diff;
pub mod eval;
pub mod gate;
pub mod grammar;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod report;
pub mod rulefiles;
pub mod rules;
pub mod temporal;
pub mod text;
