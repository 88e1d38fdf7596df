//! claimcheck: extract dated factual claims from news articles and cross-check them across
//! sources.
//!
//! The pipeline runs one way: `input` → `text` → `grammar` → `claim` → `temporal` + `entity`
//! → `matcher` → `rules` → `report`. See `docs/architecture.md`.

pub mod eval;
pub mod input;
pub mod temporal;
pub mod text;
