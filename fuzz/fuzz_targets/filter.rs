//! The export/list filter's query (`--query`, the reader's `f`), against a
//! fixed article. The query language of issue 7 will replace it.
#![no_main]
use sitrep::extract::{tables::Tables, Extractor};
use sitrep::fuzzing::FilterFixture;
use std::sync::LazyLock;

static FIXTURE: LazyLock<FilterFixture> = LazyLock::new(|| {
    FilterFixture::new(&Extractor::new(
        &Tables::builtin().expect("shipped tables load"),
    ))
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep::fuzzing::filter(&FIXTURE, data));
