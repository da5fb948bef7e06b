//! Writes a synthetic corpus for benchmarks and load tests.
//!
//! cargo run --release --example gen_corpus -- DIR N [SEED]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 || args.len() > 3 {
        eprintln!("usage: gen_corpus DIR N [SEED]");
        return ExitCode::from(2);
    }
    let dir = PathBuf::from(&args[0]);
    let Ok(n) = args[1].parse::<usize>() else {
        eprintln!("gen_corpus: N must be a whole number, not {:?}", args[1]);
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 0,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("gen_corpus: SEED must be a whole number, not {:?}", args[2]);
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match sitrep::synth::generate(&dir, n, seed) {
        Ok(stats) => {
            println!(
                "wrote {} files, {:.1} MB, to {} in {:.2?}",
                stats.files,
                stats.bytes as f64 / (1024.0 * 1024.0),
                dir.display(),
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
