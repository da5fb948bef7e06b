//! Reading throughput: `corpus::load` (discovery, decoding, parsing and
//! splitting, on rayon's thread pool) over a generated corpus of >= 20 MB.
//!
//! cargo bench --bench ingest

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use sitrep::corpus::{self, LoadOptions};
use sitrep::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_BYTES: u64 = 20 * 1024 * 1024;
const SEED: u64 = 2024;

fn ingest(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let stats = synth::generate_to_size(dir.path(), TARGET_BYTES, SEED).expect("generate corpus");
    let paths = vec![dir.path().to_path_buf()];
    let opts = LoadOptions::default();

    // One load timed by the process's CPU time as well as the clock: on a
    // shared machine criterion's wall-clock figure below also counts the
    // time the threads waited for a core.
    let (wall0, cpu0) = (Instant::now(), process_cpu());
    let first = corpus::load(&paths, &opts);
    let wall = wall0.elapsed();
    assert!(
        first.skipped.is_empty(),
        "skipped: {:?}",
        &first.skipped[..1]
    );
    eprintln!(
        "ingest corpus: {} files, {:.1} MB, {} articles, {} threads",
        stats.files,
        stats.bytes as f64 / (1024.0 * 1024.0),
        first.articles.len(),
        rayon::current_num_threads()
    );
    let untitled = first
        .articles
        .iter()
        .filter(|a| a.title.trim().is_empty())
        .count();
    let bodiless = first.articles.iter().filter(|a| a.body.is_empty()).count();
    if untitled + bodiless > 0 {
        eprintln!("note: {untitled} articles without a title, {bodiless} without a body");
    }
    drop(first);
    let mib = stats.bytes as f64 / (1024.0 * 1024.0);
    match process_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a)) {
        Some(cpu) => eprintln!(
            "one load: {wall:.2?} wall ({:.1} MiB/s), {cpu:.2?} CPU over all threads ({:.1} MiB/s per core)",
            mib / wall.as_secs_f64(),
            mib / cpu.as_secs_f64()
        ),
        None => eprintln!("one load: {wall:.2?} ({:.1} MiB/s)", mib / wall.as_secs_f64()),
    }

    let mut group = c.benchmark_group("ingest");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(stats.bytes));
    group.bench_function("corpus_load_20MB", |b| {
        b.iter(|| {
            let corpus = corpus::load(black_box(&paths), &opts);
            black_box(corpus.articles.len())
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15));
    targets = ingest
}
criterion_main!(benches);

/// User plus system time of this process, all threads (Linux; None
/// elsewhere). /proc counts it in USER_HZ ticks, 100 a second.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}
