//! The reader: a full-screen terminal app over the engine's articles and
//! summaries. The Elm shape: `State` is data, `update` changes it, views
//! draw it, and this loop does the I/O: a blocking read, redraw only on
//! input or resize, the terminal always restored.

pub mod action;
pub mod backend;
pub mod corpus;
pub mod keymap;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use crossterm::event::{self, Event, KeyEventKind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Options {
    pub store: crate::store::Store,
    pub theme: theme::Theme,
    pub keymap: keymap::Keymap,
    pub ascii: bool,
    pub config_dir: std::path::PathBuf,
    /// The corpus still loading in the background.
    pub loading: Option<Receiver<Loaded>>,
    /// The timing harness: quit at this point, saying how long it took
    /// since the given instant.
    pub exit_after: Option<(ExitAfter, Instant)>,
}

/// What the background loader sends the loop.
#[derive(Debug)]
pub enum Loaded {
    Batch(crate::ingest::Batch),
    /// The end, with the index of every article sent.
    Done(
        crate::ingest::Stats,
        Box<crate::index::Index>,
        Vec<Option<crate::analysis::duplicates::Signature>>,
    ),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitAfter {
    /// The first frame that shows articles.
    First,
    /// The first frame after the whole corpus is in.
    Loaded,
}

/// How long the wait for the tty is while a corpus loads: batches are
/// taken in between.
const LOADING_POLL_MS: i32 = 15;

/// Runs the reader until the analyst quits or the session ends (SIGTERM,
/// SIGHUP, SIGINT). The terminal is restored on every way out, panics
/// included (ratatui's hook). Returns the state as it was at the end.
pub fn run(mut state: state::State, mut opts: Options) -> anyhow::Result<state::State> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    state.set_store(opts.store.data());
    let mut last_reload = std::time::Instant::now();
    if opts.loading.is_some() {
        state.loading = Some((0, 0));
    }
    let mut terminal = init_terminal()?;
    let mut timing: Option<Duration> = None;
    let result = (|| -> anyhow::Result<()> {
        let mut dirty = true;
        loop {
            if dirty {
                let size = terminal.size()?;
                state.viewport =
                    view::viewport(ratatui::layout::Rect::new(0, 0, size.width, size.height));
                let ctx = view::Ctx {
                    theme: &opts.theme,
                    keymap: &opts.keymap,
                    ascii: opts.ascii,
                };
                terminal.draw(|f| view::draw(f, &state, &ctx))?;
                dirty = false;
                if let Some((when, since)) = opts.exit_after {
                    let reached = match when {
                        ExitAfter::First => !state.articles.is_empty(),
                        ExitAfter::Loaded => state.loading.is_none(),
                    };
                    if reached || (state.loading.is_none() && state.articles.is_empty()) {
                        timing = Some(since.elapsed());
                        return Ok(());
                    }
                }
            }
            // Wait for input; wake now and then only to notice a signal,
            // a resize, or a terminal that has gone away, and, while the
            // corpus loads, to take in what the loader has read.
            let mut loaded = false;
            loop {
                if let Some(rx) = &opts.loading {
                    loop {
                        match rx.try_recv() {
                            Ok(Loaded::Batch(b)) => {
                                update::update(&mut state, update::Msg::Loaded(b));
                                loaded = true;
                            }
                            Ok(Loaded::Done(stats, index, signatures)) => {
                                let skipped = state.skipped.len();
                                update::update(
                                    &mut state,
                                    update::Msg::LoadDone {
                                        files: stats.files,
                                        skipped,
                                        index,
                                        signatures: Some(signatures),
                                    },
                                );
                                opts.loading = None;
                                loaded = true;
                                break;
                            }
                            Err(TryRecvError::Empty) => break,
                            Err(TryRecvError::Disconnected) => {
                                // The loader died: what is in stays.
                                state.loading = None;
                                state.status = Some("loading stopped".into());
                                opts.loading = None;
                                loaded = true;
                                break;
                            }
                        }
                    }
                }
                if loaded {
                    break;
                }
                let ms = if opts.loading.is_some() {
                    LOADING_POLL_MS
                } else {
                    250
                };
                let gone = match wait_for_tty(ms)? {
                    Tty::Gone => true,
                    Tty::Ready => {
                        if event::poll(Duration::ZERO)? {
                            break;
                        }
                        false
                    }
                    Tty::Quiet => {
                        // Resizes arrive through crossterm's own signal
                        // pipe, not the tty.
                        if event::poll(Duration::ZERO)? {
                            break;
                        }
                        false
                    }
                };
                if gone || stop.load(Ordering::Relaxed) {
                    // The session is going away (SIGHUP from a dropped SSH
                    // link, SIGTERM): a note being written is saved first.
                    if state.editor.is_some() {
                        if let Some(update::Effect::Store { ops, .. }) =
                            update::update(&mut state, update::Msg::SaveNote)
                        {
                            opts.store.apply_all(ops)?;
                        }
                    }
                    return Ok(());
                }
            }
            if loaded {
                dirty = true;
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    // Another session may have written: pick its changes up.
                    if last_reload.elapsed() > Duration::from_secs(2) {
                        last_reload = std::time::Instant::now();
                        match opts.store.reload() {
                            Ok(true) => state.set_store(opts.store.data()),
                            Ok(false) => {}
                            Err(e) => state.status = Some(e.to_string()),
                        }
                    }
                    let Some(msg) = update::key_to_msg(&state, &opts.keymap, k) else {
                        continue;
                    };
                    match update::update(&mut state, msg) {
                        Some(update::Effect::Quit) => return Ok(()),
                        Some(update::Effect::Redraw) => terminal.clear()?,
                        Some(update::Effect::SetTheme(name)) => {
                            match theme::Theme::load(&name, &opts.config_dir) {
                                Ok(t) => {
                                    opts.theme = if no_colour() { t.without_colour() } else { t };
                                    state.status = Some(format!("theme {name}"));
                                }
                                Err(e) => state.status = Some(e.to_string()),
                            }
                        }
                        Some(update::Effect::Export {
                            format,
                            path,
                            force,
                        }) => {
                            state.status =
                                Some(match export(&state, &opts.store, &format, &path, force) {
                                    Ok(n) => {
                                        format!("exported {n} article(s) to {}", path.display())
                                    }
                                    Err(e) => format!("export failed: {e}"),
                                });
                        }
                        Some(update::Effect::Store { ops, undo, done }) => {
                            match opts.store.apply_all(ops) {
                                Ok(()) => {
                                    state.set_store(opts.store.data());
                                    if let Some(u) = undo {
                                        state.undo.push(u);
                                    }
                                    state.status = Some(format!("{done} (saved)"));
                                }
                                Err(e) => state.status = Some(format!("NOT SAVED: {e}")),
                            }
                        }
                        None => {}
                    }
                    dirty = true;
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
    })();
    ratatui::restore();
    if let Some(t) = timing {
        let files = match state.loading {
            Some((done, total)) => format!("{done}/{total} files read"),
            None => "all files read".to_string(),
        };
        eprintln!(
            "sitrep: first frame with {} articles ({files}) after {:.1} ms",
            state.articles.len(),
            t.as_secs_f64() * 1000.0
        );
    }
    result.map(|()| state)
}

/// The reader's terminal: ratatui's own setup (raw mode, the alternate
/// screen, a panic hook that restores the terminal) drawing through
/// `CompactBackend`, which sends the same screen in fewer bytes. Off Unix
/// crossterm may be driving a console that takes no ANSI sequences: there
/// the backend draws as crossterm does.
fn init_terminal() -> std::io::Result<ratatui::Terminal<backend::CompactBackend<std::io::Stdout>>> {
    // The terminal `try_init` returns has written nothing; only its setup
    // is kept.
    drop(ratatui::try_init()?);
    // A file whose reading panics is skipped with that error: its panic
    // must not restore the terminal under the running reader.
    crate::ingest::contain_panics();
    let out = std::io::stdout();
    let backend = if cfg!(unix) {
        backend::CompactBackend::new(out)
    } else {
        backend::CompactBackend::stock(out)
    };
    ratatui::Terminal::new(backend)
}

/// `:export`: the articles of the list as filtered now that carry tags,
/// notes or corrections, written atomically (an existing file only with
/// `force`).
fn export(
    state: &state::State,
    store: &crate::store::Store,
    format: &str,
    path: &std::path::Path,
    force: bool,
) -> anyhow::Result<usize> {
    use crate::export::{self, Format};
    let format = match format {
        "markdown" | "md" => Format::Markdown,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "geojson" => Format::Geojson,
        "w3c" => Format::W3c,
        other => anyhow::bail!("unknown format {other:?} (markdown, json, csv, geojson, w3c)"),
    };
    let articles: Vec<_> = state
        .visible
        .iter()
        .map(|&i| state.articles[i].clone())
        .collect();
    let summaries: Vec<_> = state
        .visible
        .iter()
        .map(|&i| state.summaries[i].clone())
        .collect();
    let entries = export::select(
        &articles,
        &summaries,
        store.data(),
        &export::filter::Filter::default(),
    );
    // Orphaned notes of articles outside the list are not this view's.
    let entries: Vec<_> = entries
        .into_iter()
        .filter(|e| e.article.is_some())
        .collect();
    let text = export::render(format, &entries)?;
    export::write_file(path, text.as_bytes(), force)?;
    Ok(entries.len())
}

enum Tty {
    /// Input is waiting.
    Ready,
    /// Nothing yet.
    Quiet,
    /// The terminal hung up (a dropped SSH link, a closed window).
    Gone,
}

/// Waits up to `ms` for the terminal on standard input. crossterm's own
/// poll spins on the end-of-file a hung-up terminal gives and never
/// returns, so the reader asks the kernel itself: POLLHUP means the
/// session is over.
#[cfg(unix)]
fn wait_for_tty(ms: i32) -> std::io::Result<Tty> {
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, for the duration of the call.
    let r = unsafe { libc::poll(&mut fd, 1, ms) };
    if r < 0 {
        let e = std::io::Error::last_os_error();
        return if e.kind() == std::io::ErrorKind::Interrupted {
            Ok(Tty::Quiet)
        } else {
            Err(e)
        };
    }
    Ok(
        if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Tty::Gone
        } else if fd.revents & libc::POLLIN != 0 {
            Tty::Ready
        } else {
            Tty::Quiet
        },
    )
}

#[cfg(not(unix))]
fn wait_for_tty(ms: i32) -> std::io::Result<Tty> {
    Ok(if event::poll(Duration::from_millis(ms as u64))? {
        Tty::Ready
    } else {
        Tty::Quiet
    })
}

/// `NO_COLOR` set to anything non-empty (no-color.org).
pub fn no_colour() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
