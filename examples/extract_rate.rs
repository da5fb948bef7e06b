//! Extraction throughput over a corpus folder on this thread, counted in
//! the bytes extraction reads (titles and bodies) as well as in all the
//! article text, for comparing with another tool on the same text (see
//! `tools/bench/spacy_rate.py`).
//!
//! cargo run --release --example extract_rate -- DIR [ROUNDS]

use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::Extractor;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), true) = (args.first(), args.len() <= 2) else {
        eprintln!("usage: extract_rate DIR [ROUNDS]");
        return ExitCode::from(2);
    };
    let rounds = match args.get(1).map(|s| s.parse::<usize>()) {
        None => 5,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("extract_rate: ROUNDS must be a whole number above 0");
            return ExitCode::from(2);
        }
    };
    let corpus = corpus::load(&[PathBuf::from(dir)], &LoadOptions::default());
    if corpus.articles.is_empty() {
        eprintln!("extract_rate: no articles in {dir}");
        return ExitCode::FAILURE;
    }
    let extractor = match Extractor::load_default() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("extract_rate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let read: usize = corpus
        .articles
        .iter()
        .flat_map(|a| a.extraction_spans())
        .map(|s| s.end - s.start)
        .sum();
    // The best of a few rounds: the one least disturbed by the machine.
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let started = Instant::now();
        for a in &corpus.articles {
            black_box(extractor.extract(black_box(a)));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{} articles: {:.2} MB of titles and bodies ({:.2} MB of text) in {:.1} ms, best of {rounds}: {:.1} MB/s of titles and bodies, {:.1} MB/s of text",
        corpus.articles.len(),
        read as f64 / 1e6,
        text as f64 / 1e6,
        best * 1e3,
        read as f64 / 1e6 / best,
        text as f64 / 1e6 / best,
    );
    ExitCode::SUCCESS
}
