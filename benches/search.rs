//! The list filter over 100,000 generated articles: one typed character
//! at the live filter (`f`), which filters the whole corpus again through
//! the index (`src/index.rs`), for free text, entity and mixed queries;
//! the same keystroke read article by article, for comparison; and what
//! building the index costs.
//!
//! cargo bench --bench search
//! SITREP_BENCH_ARTICLES=10000 cargo bench --bench search   # another size
//!
//! The corpus is generated (`synth`), read and extracted once on all cores
//! before anything is timed; that takes a minute or two at 100,000.

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sitrep::cache::Extraction;
use sitrep::corpus::LoadOptions;
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::index::Index;
use sitrep::ingest;
use sitrep::synth;
use sitrep::ui::keymap::Keymap;
use sitrep::ui::state::{Mode, Prompt, State};
use sitrep::ui::update;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SEED: u64 = 2024;

fn articles() -> usize {
    std::env::var("SITREP_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(state: &mut State, keymap: &Keymap, c: char) {
    if let Some(msg) = update::key_to_msg(state, keymap, key(c)) {
        black_box(update::update(state, msg));
    }
}

/// Peak resident set of this process (Linux; None elsewhere).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line["VmHWM:".len()..].trim().to_string())
}

fn search(c: &mut Criterion) {
    let n = articles();
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    let stats = synth::generate(dir.path(), n, SEED).expect("generate");
    eprintln!(
        "search corpus: {} files, {:.1} MB, generated in {:.2?}",
        stats.files,
        stats.bytes as f64 / 1e6,
        t.elapsed()
    );
    let t = Instant::now();
    let extractor = Extraction::from(Extractor::new(&Tables::builtin().expect("tables")));
    let (all, _) = ingest::load_all(
        &[dir.path().to_path_buf()],
        &LoadOptions::default(),
        &extractor,
        None,
        |_, _| {},
    );
    eprintln!(
        "read and extracted {} articles in {:.2?}",
        all.articles.len(),
        t.elapsed()
    );
    let t = Instant::now();
    let index = Index::new(&all.articles, &all.summaries);
    eprintln!(
        "index built in {:.2?} ({} threads): {index:?}; peak RSS {}",
        t.elapsed(),
        rayon::current_num_threads(),
        peak_rss().unwrap_or_else(|| "?".into())
    );
    let mut state = State::new(all.articles, all.summaries);
    let keymap = Keymap::default_map();
    press(&mut state, &keymap, 'f');
    assert_eq!(state.mode, Mode::Input(Prompt::Filter));

    let mut group = c.benchmark_group("filter");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for query in [
        "h",
        "he",
        "hez",
        "hezbollah",
        "palmyra",
        "deir ez-zor",
        "loc:palmyra",
        "force:isis",
        "site:sana",
        "loc:raqqa force:sdf",
        "al-",
        "zqxj",
    ] {
        let (prefix, last) = query.split_at(query.len() - 1);
        let last = last.chars().next().expect("a last character");
        state.input = prefix.to_string();
        update::apply_filter(&mut state, prefix);
        // Once by reading every article, for comparison.
        let t = Instant::now();
        let brute = update::scan(&state, query).map_or(0, |v| v.len());
        let scan = t.elapsed();
        state.input.truncate(prefix.len());
        let t = Instant::now();
        press(&mut state, &keymap, last);
        let indexed = t.elapsed();
        assert_eq!(state.visible.len(), brute, "{query}");
        eprintln!(
            "filter {query:?}: {} of {} listed; keystroke {indexed:.2?} with the index, \
             {scan:.2?} reading every article",
            state.visible.len(),
            state.articles.len()
        );
        group.bench_function(format!("keystroke_{n}/{query}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    state.input.truncate(prefix.len());
                    let t = Instant::now();
                    press(&mut state, &keymap, last);
                    total += t.elapsed();
                }
                total
            })
        });
    }
    group.finish();
    eprintln!(
        "peak RSS at the end: {}",
        peak_rss().unwrap_or_else(|| "?".into())
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500));
    targets = search
}
criterion_main!(benches);
