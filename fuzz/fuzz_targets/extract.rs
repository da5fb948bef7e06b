//! Extraction of an article in the format the first byte picks; the
//! extractor is built once per process.
#![no_main]
use sitrep::extract::{tables::Tables, Extractor};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(&Tables::builtin().expect("shipped tables load")));

libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep::fuzzing::extract(&EXTRACTOR, data));
