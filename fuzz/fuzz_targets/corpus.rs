//! Decoding and splitting: the first byte picks the format (text,
//! Markdown, HTML, feed, JSON Lines), the rest is the file.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep::fuzzing::corpus(data));
