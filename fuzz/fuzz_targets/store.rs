//! The bytes of a store file, and of a JSON export to import.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sitrep::fuzzing::store(data));
