//! Extraction throughput on one core: every article of a generated corpus
//! of >= 20 MB through one `Extractor`, in a plain loop. Also the one-time
//! cost of building the extractor from the shipped tables.
//!
//! cargo bench --bench extract

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::model::Article;
use sitrep::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_BYTES: u64 = 20 * 1024 * 1024;
const SEED: u64 = 2024;

fn extract_all(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let stats = synth::generate_to_size(dir.path(), TARGET_BYTES, SEED).expect("generate corpus");
    let corpus = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert!(
        corpus.skipped.is_empty(),
        "skipped: {:?}",
        &corpus.skipped[..1]
    );
    let articles = corpus.articles;
    let text_bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    eprintln!(
        "extract corpus: {} files ({:.1} MB on disk), {} articles, {:.1} MB of article text",
        stats.files,
        stats.bytes as f64 / (1024.0 * 1024.0),
        articles.len(),
        text_bytes as f64 / (1024.0 * 1024.0)
    );
    let extractor = Extractor::new(&Tables::builtin().expect("builtin tables"));

    // One pass timed by this thread's CPU time as well as the clock: on a
    // shared machine criterion's wall-clock figure below also counts the
    // time the thread waited for a core.
    let (wall0, cpu0) = (Instant::now(), thread_cpu());
    black_box(extract_every(&extractor, &articles));
    let wall = wall0.elapsed();
    let mib = text_bytes as f64 / (1024.0 * 1024.0);
    match thread_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a)) {
        Some(cpu) => eprintln!(
            "one pass: {wall:.2?} wall ({:.2} MiB/s), {cpu:.2?} on-CPU ({:.2} MiB/s per core)",
            mib / wall.as_secs_f64(),
            mib / cpu.as_secs_f64()
        ),
        None => eprintln!(
            "one pass: {wall:.2?} ({:.2} MiB/s)",
            mib / wall.as_secs_f64()
        ),
    }

    let mut group = c.benchmark_group("extract");
    group.sampling_mode(SamplingMode::Flat);
    // One pass takes seconds: give the 10 samples room so criterion does
    // not warn, and keep the whole bench near a minute.
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("one_thread_20MB", |b| {
        b.iter(|| black_box(extract_every(&extractor, &articles)))
    });
    group.finish();
}

/// Every article through one extractor, on this thread.
fn extract_every(extractor: &Extractor, articles: &[Article]) -> usize {
    let mut found = 0usize;
    for a in articles {
        let s = extractor.extract(black_box(a));
        found += s.forces.len() + s.locations.len() + s.claims.len();
    }
    found
}

/// Time the calling thread has spent on a CPU (Linux; None elsewhere).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn build_extractor(c: &mut Criterion) {
    let cpu0 = thread_cpu();
    let runs = 20u32;
    for _ in 0..runs {
        black_box(Extractor::new(&Tables::builtin().expect("builtin tables")));
    }
    if let Some(cpu) = thread_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a)) {
        eprintln!("build: {:.2?} on-CPU per extractor", cpu / runs);
    }

    let mut group = c.benchmark_group("extract");
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("build_extractor", |b| {
        b.iter(|| black_box(Extractor::new(&Tables::builtin().expect("builtin tables"))))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    targets = extract_all, build_extractor
}
criterion_main!(benches);
