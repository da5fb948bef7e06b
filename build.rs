//! Fingerprints the code whose output the article cache stores (the
//! model, the readers, the extractor, the cache's own format) and the
//! dependency versions, so a build that could read or extract differently
//! never trusts an older build's cache. A constant someone must remember to
//! bump would be forgotten; this cannot be.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

const INPUTS: &[&str] = &[
    "src/model.rs",
    "src/corpus.rs",
    "src/corpus",
    "src/extract.rs",
    "src/extract",
    "src/cache.rs",
    "src/ingest.rs",
    "Cargo.lock",
];

fn files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let mut all = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        files(Path::new(input), &mut all);
    }
    // SipHash with fixed keys: the same sources give the same value on
    // this toolchain; a new toolchain at worst rebuilds the cache once.
    let mut h = std::hash::DefaultHasher::new();
    for f in &all {
        h.write(f.to_string_lossy().as_bytes());
        h.write(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=SITREP_CODE_HASH={:016x}", h.finish());
}
