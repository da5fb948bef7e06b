//! The reader over a 10,000-article corpus: what one frame costs to draw,
//! how many bytes a scroll keystroke sends to the terminal, and what a
//! keystroke costs `update` (moving, and typing at the live filter, which
//! runs over every article).
//!
//! cargo bench --bench render
//!
//! Keys go through the default keymap (`key_to_msg`) as the app loop sends
//! them. Byte counts come from the app's backend (`CompactBackend`, over
//! ratatui's real `CrosstermBackend`) writing into a counting sink through
//! a fixed viewport (no tty is asked its size); the same counts through
//! `CrosstermBackend` alone follow, marked `[stock crossterm]`. They are
//! printed before criterion's timings, with the peak RSS at the end.
//! `SITREP_BENCH_BYTES_ONLY=1` prints the byte counts and stops there.

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use rayon::prelude::*;
use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::synth;
use sitrep::ui::backend::CompactBackend;
use sitrep::ui::keymap::Keymap;
use sitrep::ui::state::{Mode, Pane, Prompt, State};
use sitrep::ui::theme::Theme;
use sitrep::ui::update::{self, Msg};
use sitrep::ui::view::{self, Ctx};
use std::cell::Cell;
use std::hint::black_box;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

const ARTICLES: usize = 10_000;
const SEED: u64 = 2024;
/// Scroll keystrokes whose bytes are counted, per pane.
const KEYSTROKES: usize = 200;

struct Fixture {
    state: State,
    theme: Theme,
    keymap: Keymap,
    /// Where the corpus was written; removed at the end.
    _dir: tempfile::TempDir,
}

fn setup() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = Instant::now();
    let stats = synth::generate(dir.path(), ARTICLES, SEED).expect("generate corpus");
    let generated = t.elapsed();
    let t = Instant::now();
    let corpus = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    let loaded = t.elapsed();
    assert!(
        corpus.skipped.is_empty(),
        "skipped: {:?}",
        &corpus.skipped[..1]
    );
    let articles = corpus.articles;
    let t = Instant::now();
    let tables = Tables::builtin().expect("builtin tables");
    let extractor = Extractor::new(&tables);
    let summaries: Vec<_> = articles.par_iter().map(|a| extractor.extract(a)).collect();
    let extracted = t.elapsed();
    let text_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "render corpus: {} files ({:.1} MB), {} articles ({:.1} MB of text); \
         generate {generated:.2?}, load {loaded:.2?}, extract {extracted:.2?} ({} threads)",
        stats.files,
        stats.bytes as f64 / 1e6,
        articles.len(),
        text_bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    let mut state = State::new(articles, summaries);
    // The filter resolves names through the tables, as in the reader.
    let t = Instant::now();
    let lexicon = sitrep::query::Lexicon::new(&tables);
    eprintln!("query lexicon built in {:.2?}", t.elapsed());
    state.query_context =
        std::sync::Arc::new(sitrep::query::Context::new(lexicon, Default::default()));
    state.viewport = view::viewport(Rect::new(0, 0, 80, 24));
    Fixture {
        state,
        theme: Theme::builtin("default").expect("default theme"),
        keymap: Keymap::default_map(),
        _dir: dir,
    }
}

/// A key as the terminal reports it.
fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Presses a key the way the app loop does: through the keymap, then
/// `update`.
fn press(state: &mut State, keymap: &Keymap, c: char) {
    if let Some(msg) = update::key_to_msg(state, keymap, key(c)) {
        black_box(update::update(state, msg));
    }
}

/// What scrolling moves: the reader's cursor and top line, the list's
/// selection, the summary's selection.
fn position(state: &State) -> (usize, usize, usize, usize) {
    (
        state.cursor,
        state.scroll,
        state.list_sel,
        state.summary_sel,
    )
}

/// Scrolls with `j`, and with `k` back up once `j` stops moving (the end
/// of the article), so every keystroke has something to draw.
struct Scroll {
    down: bool,
}

impl Scroll {
    fn new() -> Scroll {
        Scroll { down: true }
    }

    fn key(&self) -> char {
        if self.down {
            'j'
        } else {
            'k'
        }
    }

    /// One keystroke that moves something (a second one, the other way,
    /// when the first hit an end).
    fn step(&mut self, state: &mut State, keymap: &Keymap) {
        let before = position(state);
        press(state, keymap, self.key());
        if position(state) == before {
            self.down = !self.down;
            press(state, keymap, self.key());
        }
    }
}

/// Opens a long article in the reader (at least three screens at this
/// viewport, so scrolling moves the text as well as the cursor) with the
/// reader focused, cursor at the top.
fn open_long_article(state: &mut State, area: Rect) {
    state.viewport = view::viewport(area);
    state.focus = Pane::List;
    state.list_sel = 0;
    let want = 3 * state.viewport.text_height;
    while state.lines().len() < want && state.list_sel + 1 < state.visible.len() {
        state.list_sel += 1;
    }
    state.cursor = 0;
    state.scroll = 0;
    state.summary_sel = 0;
    state.focus = Pane::Reader;
}

/// A `Write` that keeps nothing and counts what it is given.
struct Counter {
    bytes: Rc<Cell<u64>>,
    writes: Rc<Cell<u64>>,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.set(self.bytes.get() + buf.len() as u64);
        self.writes.set(self.writes.get() + 1);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal of `area` over the app's backend (crossterm's own with
/// `stock`) writing into a counter. A fixed viewport: ratatui never asks
/// the backend its size.
type Counted = (
    Terminal<CompactBackend<Counter>>,
    Rc<Cell<u64>>,
    Rc<Cell<u64>>,
);

fn counted_terminal(area: Rect, stock: bool) -> Counted {
    let bytes = Rc::new(Cell::new(0));
    let writes = Rc::new(Cell::new(0));
    let counter = Counter {
        bytes: Rc::clone(&bytes),
        writes: Rc::clone(&writes),
    };
    let backend = if stock {
        CompactBackend::stock(counter)
    } else {
        // A fixed viewport that fills the terminal, as the app's full
        // screen does (which the backend asks for its size).
        CompactBackend::new(counter).with_size(area.as_size())
    };
    let terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .expect("terminal");
    (terminal, bytes, writes)
}

/// Min, mean, median, 95th percentile and max.
fn summarise(v: &[u64]) -> (u64, f64, u64, u64, u64) {
    let mut s = v.to_vec();
    s.sort_unstable();
    let mean = s.iter().sum::<u64>() as f64 / s.len() as f64;
    let p95 = s[(s.len() * 95).div_ceil(100) - 1];
    (s[0], mean, s[s.len() / 2], p95, s[s.len() - 1])
}

/// Draws once, then `KEYSTROKES` scroll keystrokes in `pane`, each drawn:
/// prints the bytes each keystroke's frame wrote, through the app's
/// backend or (`stock`) ratatui's `CrosstermBackend` as it is.
fn scroll_bytes(fx: &mut Fixture, pane: Pane, area: Rect, stock: bool) {
    let Fixture {
        state,
        theme,
        keymap,
        ..
    } = fx;
    let ctx = Ctx {
        theme,
        keymap,
        ascii: false,
    };
    open_long_article(state, area);
    state.focus = pane;
    let lines = state.lines().len();
    let (mut terminal, bytes, writes) = counted_terminal(area, stock);
    terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
    let first = bytes.replace(0);
    writes.set(0);
    let mut scroll = Scroll::new();
    let mut per_key = Vec::with_capacity(KEYSTROKES);
    let mut per_key_writes = Vec::with_capacity(KEYSTROKES);
    let (wall0, cpu0) = (Instant::now(), thread_cpu());
    for _ in 0..KEYSTROKES {
        scroll.step(state, keymap);
        terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
        per_key.push(bytes.replace(0));
        per_key_writes.push(writes.replace(0));
    }
    let wall = wall0.elapsed() / KEYSTROKES as u32;
    let cpu = thread_cpu()
        .zip(cpu0)
        .map(|(b, a)| format!("{:.1?}", b.saturating_sub(a) / KEYSTROKES as u32))
        .unwrap_or_else(|| "?".into());
    let (min, mean, median, p95, max) = summarise(&per_key);
    let (_, mean_writes, _, _, _) = summarise(&per_key_writes);
    let what = match pane {
        Pane::Reader => format!("reader ({lines}-line article)"),
        Pane::List => format!("list ({} articles)", state.visible.len()),
        Pane::Summary => format!("summary ({} items)", state.items().len()),
    };
    let what = if stock {
        format!("{what} [stock crossterm]")
    } else {
        what
    };
    eprintln!(
        "bytes_per_scroll_keystroke_{}x{} {what}: first full frame {first} B; \
         per keystroke over {KEYSTROKES}: min {min} B, mean {mean:.0} B, median {median} B, \
         p95 {p95} B, max {max} B ({mean_writes:.0} write calls); key+draw {wall:.1?} wall, {cpu} on-CPU",
        area.width, area.height
    );
}

/// Per-frame time of a full `terminal.draw` on a `TestBackend`, one
/// scroll keystroke (not timed) before each frame.
fn frame_render(c: &mut Criterion, fx: &mut Fixture, area: Rect) {
    let Fixture {
        state,
        theme,
        keymap,
        ..
    } = fx;
    let ctx = Ctx {
        theme,
        keymap,
        ascii: false,
    };
    open_long_article(state, area);
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
    let mut scroll = Scroll::new();
    // On a shared machine criterion's wall-clock figure also counts the
    // time this thread waited for a core: first a pass timed on-CPU too.
    let frames = 500u32;
    let (wall0, cpu0) = (Instant::now(), thread_cpu());
    for _ in 0..frames {
        scroll.step(state, keymap);
        terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
    }
    let wall = wall0.elapsed() / frames;
    let cpu = thread_cpu()
        .zip(cpu0)
        .map(|(b, a)| format!("{:.1?}", b.saturating_sub(a) / frames))
        .unwrap_or_else(|| "?".into());
    eprintln!(
        "frame_render_{}x{}: {frames} keystrokes+frames (TestBackend): {wall:.1?} wall, {cpu} on-CPU each",
        area.width, area.height
    );
    let mut group = c.benchmark_group("render");
    group.bench_function(
        format!("frame_render_{}x{}", area.width, area.height),
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    scroll.step(state, keymap);
                    let t = Instant::now();
                    terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
                    total += t.elapsed();
                }
                total
            })
        },
    );
    group.finish();
}

/// Keystroke to bytes: `j` through the keymap and `update`, then a draw
/// through the crossterm backend into the counting sink.
fn keystroke_crossterm(c: &mut Criterion, fx: &mut Fixture, pane: Pane, area: Rect) {
    let Fixture {
        state,
        theme,
        keymap,
        ..
    } = fx;
    let ctx = Ctx {
        theme,
        keymap,
        ascii: false,
    };
    open_long_article(state, area);
    state.focus = pane;
    let (mut terminal, _, _) = counted_terminal(area, false);
    terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
    let mut scroll = Scroll::new();
    let name = match pane {
        Pane::List => "list",
        _ => "reader",
    };
    let mut group = c.benchmark_group("render");
    group.bench_function(
        format!(
            "keystroke_and_draw_crossterm_{name}_{}x{}",
            area.width, area.height
        ),
        |b| {
            b.iter(|| {
                scroll.step(state, keymap);
                terminal.draw(|f| view::draw(f, state, &ctx)).unwrap();
            })
        },
    );
    group.finish();
}

/// `update` alone for one scroll keystroke (keymap lookup included).
fn update_scroll(c: &mut Criterion, fx: &mut Fixture, pane: Pane) {
    let Fixture { state, keymap, .. } = fx;
    let area = Rect::new(0, 0, 80, 24);
    open_long_article(state, area);
    state.focus = pane;
    let name = match pane {
        Pane::List => "list",
        _ => "reader",
    };
    let mut scroll = Scroll::new();
    let mut group = c.benchmark_group("update");
    group.bench_function(format!("scroll_keystroke_{name}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let before = position(state);
                let t = Instant::now();
                press(state, keymap, scroll.key());
                total += t.elapsed();
                if position(state) == before {
                    scroll.down = !scroll.down;
                }
            }
            total
        })
    });
    group.finish();
}

/// One typed character at the live filter (`f`): `update` filters all
/// 10,000 articles again. `query` is the filter once the key is typed;
/// the key timed is its last character.
fn live_filter(c: &mut Criterion, fx: &mut Fixture) {
    let Fixture { state, keymap, .. } = fx;
    open_long_article(state, Rect::new(0, 0, 80, 24));
    state.focus = Pane::List;
    press(state, keymap, 'f');
    assert_eq!(
        state.mode,
        Mode::Input(Prompt::Filter),
        "`f` opens the filter"
    );
    let mut group = c.benchmark_group("update");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    // `loc:` folds every mention of every article: ~0.3 s a pass.
    group.measurement_time(Duration::from_secs(5));
    for query in ["h", "hezbollah", "loc:palmyra", "zqxj"] {
        let (prefix, last) = query.split_at(query.len() - 1);
        let last = last.chars().next().unwrap();
        state.input = prefix.to_string();
        update::apply_filter(state, prefix);
        let before = state.visible.len();
        let passes = 3u32;
        let (wall0, cpu0) = (Instant::now(), thread_cpu());
        for _ in 0..passes {
            state.input.truncate(prefix.len());
            press(state, keymap, last);
        }
        let wall = wall0.elapsed() / passes;
        let cpu = thread_cpu()
            .zip(cpu0)
            .map(|(b, a)| format!("{:.2?}", b.saturating_sub(a) / passes))
            .unwrap_or_else(|| "?".into());
        eprintln!(
            "live filter {prefix:?} + {last:?}: {before} -> {} of {} articles listed; \
             {wall:.2?} wall, {cpu} on-CPU a keystroke",
            state.visible.len(),
            state.articles.len(),
        );
        group.bench_function(format!("filter_keystroke_10k/{query}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // Back to the prefix; the list is left as filtered by
                    // the whole query (a pass never reads the old list
                    // but to keep the selection).
                    state.input.truncate(prefix.len());
                    let t = Instant::now();
                    press(state, keymap, last);
                    total += t.elapsed();
                }
                total
            })
        });
    }
    group.finish();
    update::update(state, Msg::Cancel);
    assert_eq!(state.visible.len(), state.articles.len());
}

/// Time the calling thread has spent on a CPU (Linux; None elsewhere).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Peak resident set of this process (Linux; None elsewhere).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line["VmHWM:".len()..].trim().to_string())
}

fn render(c: &mut Criterion) {
    let mut fx = setup();
    eprintln!(
        "peak RSS after setup: {}",
        peak_rss().unwrap_or_else(|| "?".into())
    );
    let small = Rect::new(0, 0, 80, 24);
    let large = Rect::new(0, 0, 120, 40);

    for stock in [false, true] {
        for area in [small, large] {
            for pane in [Pane::Reader, Pane::List, Pane::Summary] {
                scroll_bytes(&mut fx, pane, area, stock);
            }
        }
    }
    if std::env::var_os("SITREP_BENCH_BYTES_ONLY").is_some() {
        // The byte counts alone: no timings (they take minutes).
        return;
    }

    frame_render(c, &mut fx, small);
    frame_render(c, &mut fx, large);
    keystroke_crossterm(c, &mut fx, Pane::Reader, small);
    keystroke_crossterm(c, &mut fx, Pane::List, small);
    update_scroll(c, &mut fx, Pane::Reader);
    update_scroll(c, &mut fx, Pane::List);
    live_filter(c, &mut fx);

    eprintln!(
        "peak RSS at the end: {}",
        peak_rss().unwrap_or_else(|| "?".into())
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
