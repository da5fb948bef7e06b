//! sitrep: a terminal briefing reader for conflict reporting.
//!
//! The engine (`corpus`, `extract`, `query`, `store`, `export`, `analysis`) never depends on the
//! terminal UI (`ui`, behind the `tui` feature), so
//! the CLI, the reader, the tests and the benchmarks drive the same code.

pub mod analysis;
pub mod cache;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod index;
pub mod ingest;
pub mod model;
pub mod paths;
pub mod query;
pub mod sanitize;
pub mod store;
pub mod synth;
#[cfg(feature = "tui")]
pub mod ui;
