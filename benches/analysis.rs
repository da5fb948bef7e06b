//! The passes across the corpus on a generated corpus of >= 20 MB (the
//! same one `ingest` and `extract` read), with every tenth article carried
//! twice (a repost), so that duplicate grouping has groups to make: the
//! duplicate grouping alone (shingling, MinHash, LSH), and all of
//! `analysis::analyse` (duplicates, entity index, conflicts, timeline).
//! On one thread, so the figures do not depend on what else the machine
//! runs.
//!
//! cargo bench --bench analysis

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use sitrep::analysis::{self, duplicates};
use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::model::{Article, Summary};
use sitrep::synth;
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_BYTES: u64 = 20 * 1024 * 1024;
const SEED: u64 = 2024;

/// The generated corpus, then a copy of every tenth article (a repost
/// with another headline and path) at the end.
fn corpus() -> (Vec<Article>, Vec<Summary>) {
    use rayon::prelude::*;
    let dir = tempfile::tempdir().expect("tempdir");
    synth::generate_to_size(dir.path(), TARGET_BYTES, SEED).expect("generate corpus");
    let mut articles = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default()).articles;
    let reposts: Vec<Article> = articles
        .iter()
        .step_by(10)
        .map(|a| {
            let mut r = a.clone();
            r.path = format!("{}-repost", a.path);
            r.title = format!("REPOST: {}", a.title);
            r
        })
        .collect();
    articles.extend(reposts);
    let ex = Extractor::new(&Tables::builtin().expect("builtin tables"));
    let summaries = articles.par_iter().map(|a| ex.extract(a)).collect();
    (articles, summaries)
}

fn across(c: &mut Criterion) {
    let (articles, summaries) = corpus();
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let t0 = Instant::now();
    let a = one.install(|| analysis::analyse(&articles, &summaries, &[]));
    eprintln!(
        "analysis corpus: {} articles, {:.1} MB of text; one pass {:.2?}: {} duplicate groups, {} entities, {} conflicts, {} timeline entries",
        articles.len(),
        bytes as f64 / (1024.0 * 1024.0),
        t0.elapsed(),
        a.stories.groups.len(),
        a.entities.len(),
        a.conflicts.len(),
        a.timeline.dated.len() + a.timeline.undated.len()
    );
    let mut sizes: Vec<usize> = a.stories.groups.iter().map(Vec::len).collect();
    sizes.sort_unstable_by(|x, y| y.cmp(x));
    eprintln!("largest groups: {:?}", &sizes[..sizes.len().min(10)]);
    // The generated articles are the sample corpus's 21 stories with names
    // swapped and figures scaled, so many of them share most of their
    // five-word runs and group by template; each repost must at least be
    // in its original's story.
    let first_repost = articles.len() - articles.len().div_ceil(11);
    for (k, r) in (first_repost..articles.len()).enumerate() {
        assert_eq!(a.stories.story[r], a.stories.story[k * 10], "repost {r}");
    }

    let mut group = c.benchmark_group("analysis");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("duplicates_one_thread_20MB", |b| {
        b.iter(|| one.install(|| black_box(duplicates::group(&articles))))
    });
    group.bench_function("analyse_one_thread_20MB", |b| {
        b.iter(|| one.install(|| black_box(analysis::analyse(&articles, &summaries, &[]))))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20));
    targets = across
}
criterion_main!(benches);
