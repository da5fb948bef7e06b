//! The compact backend draws the same screen as crossterm's. The reader is
//! driven through its keymap over a generated corpus (list, text and
//! summary scrolling, paging, search, help, the map, a filter, a redraw),
//! and every frame goes to two terminals: ratatui's `CrosstermBackend` and
//! sitrep's `CompactBackend`. Both byte streams are fed to a `vt100`
//! emulator; after every keystroke the two screens must agree cell for
//! cell (text, colours, bold, italic, underline, inverse), and both must
//! show the frame ratatui drew. Where the list spans the screen, moving
//! past its last row must have been sent as a scroll.

#![cfg(feature = "tui")]

use crossterm::event::KeyEvent;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, TerminalOptions, Viewport};
use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::ui::backend::CompactBackend;
use sitrep::ui::keymap::{parse_chord, Keymap};
use sitrep::ui::state::State;
use sitrep::ui::theme::Theme;
use sitrep::ui::update::{self, Effect};
use sitrep::ui::view::{self, Ctx};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// A writer whose bytes the test reads back.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// One emulated terminal fed by one backend.
struct Screen<B: Backend> {
    terminal: Terminal<B>,
    sink: Sink,
    parser: vt100::Parser,
    bytes: usize,
    /// Scrolling margins reset (`ESC[r`): how often rows were scrolled.
    scrolls: usize,
}

impl<B: Backend> Screen<B> {
    fn new(backend: impl FnOnce(Sink) -> B, area: Rect) -> Screen<B> {
        let sink = Sink::default();
        let terminal = Terminal::with_options(
            backend(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )
        .unwrap();
        Screen {
            terminal,
            sink,
            parser: vt100::Parser::new(area.height, area.width, 0),
            bytes: 0,
            scrolls: 0,
        }
    }

    /// Draws the state and feeds what was written to the emulator; returns
    /// the frame ratatui drew.
    fn draw(&mut self, state: &State, ctx: &Ctx) -> Buffer {
        let buf = self
            .terminal
            .draw(|f| view::draw(f, state, ctx))
            .unwrap()
            .buffer
            .clone();
        let out = self.sink.take();
        self.bytes += out.len();
        self.scrolls += out.windows(3).filter(|w| w == b"\x1b[r").count();
        self.parser.process(&out);
        buf
    }

    fn clear(&mut self) {
        self.terminal.clear().unwrap();
        let out = self.sink.take();
        self.bytes += out.len();
        self.parser.process(&out);
    }
}

fn state(n: usize) -> (State, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    sitrep::synth::generate(dir.path(), n, 7).unwrap();
    let loaded = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    let tables = Tables::builtin().unwrap();
    let extractor = Extractor::new(&tables);
    let summaries = loaded
        .articles
        .iter()
        .map(|a| extractor.extract(a))
        .collect();
    (State::new(loaded.articles, summaries), dir)
}

/// What a ratatui colour looks like to the emulator.
fn vt_colour(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Black => vt100::Color::Idx(0),
        Color::Red => vt100::Color::Idx(1),
        Color::Green => vt100::Color::Idx(2),
        Color::Yellow => vt100::Color::Idx(3),
        Color::Blue => vt100::Color::Idx(4),
        Color::Magenta => vt100::Color::Idx(5),
        Color::Cyan => vt100::Color::Idx(6),
        Color::Gray => vt100::Color::Idx(7),
        Color::DarkGray => vt100::Color::Idx(8),
        Color::LightRed => vt100::Color::Idx(9),
        Color::LightGreen => vt100::Color::Idx(10),
        Color::LightYellow => vt100::Color::Idx(11),
        Color::LightBlue => vt100::Color::Idx(12),
        Color::LightMagenta => vt100::Color::Idx(13),
        Color::LightCyan => vt100::Color::Idx(14),
        Color::White => vt100::Color::Idx(15),
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

type Seen = (String, vt100::Color, vt100::Color, bool, bool, bool, bool);

/// A cell as shown; never written and written blank look the same.
fn seen(c: &vt100::Cell) -> Seen {
    let text = c.contents();
    (
        if text.is_empty() { " ".into() } else { text },
        c.fgcolor(),
        c.bgcolor(),
        c.bold(),
        c.italic(),
        c.underline(),
        c.inverse(),
    )
}

/// Every cell the compact backend shows is the frame's. Where the frame
/// cannot be read off an emulator cell (a grapheme cluster, which vt100
/// takes apart), it shows what crossterm's backend shows. Returns the
/// cells where crossterm's own output differs from the frame.
fn assert_same(
    what: &str,
    frame: &Buffer,
    stock: &vt100::Screen,
    compact: &vt100::Screen,
) -> usize {
    let area = frame.area;
    let mut stock_wrong = 0;
    for y in 0..area.height {
        let mut cluster_end = 0;
        for x in 0..area.width {
            let (Some(s), Some(c)) = (stock.cell(y, x), compact.cell(y, x)) else {
                panic!("{what}: no cell at {x},{y}");
            };
            let want = &frame[(x, y)];
            if want.symbol().chars().count() > 1 {
                cluster_end = x + 1 + want.symbol().chars().count() as u16 * 2;
            }
            if x < cluster_end || c.is_wide_continuation() {
                assert_eq!(
                    seen(s),
                    seen(c),
                    "{what}: stock and compact differ at {x},{y}"
                );
                continue;
            }
            let m = want.modifier;
            let expected = (
                want.symbol().to_string(),
                vt_colour(want.fg),
                vt_colour(want.bg),
                m.contains(Modifier::BOLD),
                m.contains(Modifier::ITALIC),
                m.contains(Modifier::UNDERLINED),
                m.contains(Modifier::REVERSED),
            );
            assert_eq!(
                seen(c),
                expected,
                "{what}: compact shows something else than the frame at {x},{y} (stock shows {:?})",
                seen(s)
            );
            stock_wrong += usize::from(seen(s) != expected);
        }
    }
    stock_wrong
}

/// The keystrokes: scrolling in each pane, paging, jumps, search, help,
/// the map, a filter typed and cleared, and a redraw.
fn script() -> Vec<&'static str> {
    let mut keys = Vec::new();
    keys.extend(["j"; 40]);
    keys.extend(["k"; 8]);
    keys.extend(["ctrl-d", "ctrl-d", "G", "k", "k", "g"]);
    keys.extend(["tab"]);
    keys.extend(["j"; 30]);
    keys.extend(["space", "space", "k", "G", "g"]);
    keys.extend(["/", "t", "h", "e", "enter", "n", "n", "N"]);
    keys.extend(["tab"]);
    keys.extend(["j"; 20]);
    keys.extend(["k"; 5]);
    keys.extend(["m", "j", "j", "m", "?", "esc", "ctrl-l"]);
    keys.extend([
        "1", "f", "a", "l", "enter", "j", "j", "j", "f", "esc", "esc",
    ]);
    keys.extend(["2", "]", "]", "[", "3", "j", "1"]);
    keys.extend(["j"; 30]);
    keys
}

/// Bytes through crossterm's backend and the compact one, and how often
/// the compact one scrolled.
fn run(state: &mut State, theme: &str, area: Rect) -> (usize, usize, usize) {
    let theme = Theme::builtin(theme).unwrap();
    let keymap = Keymap::default_map();
    let ctx = Ctx {
        theme: &theme,
        keymap: &keymap,
        ascii: false,
    };
    state.viewport = view::viewport(area);
    let mut stock = Screen::new(CrosstermBackend::new, area);
    let mut compact = Screen::new(|w| CompactBackend::new(w).with_size(area.as_size()), area);
    let frame = stock.draw(state, &ctx);
    compact.draw(state, &ctx);
    let mut stock_wrong = assert_same(
        "first frame",
        &frame,
        stock.parser.screen(),
        compact.parser.screen(),
    );
    for (n, name) in script().into_iter().enumerate() {
        let chord = parse_chord(name).unwrap_or_else(|| panic!("no key {name:?}"));
        let key = KeyEvent::new(chord.code, chord.mods);
        if let Some(msg) = update::key_to_msg(state, &keymap, key) {
            if let Some(Effect::Redraw) = update::update(state, msg) {
                stock.clear();
                compact.clear();
            }
        }
        let frame = stock.draw(state, &ctx);
        compact.draw(state, &ctx);
        let what = format!(
            "{} {}x{} key {n} ({name})",
            theme.name, area.width, area.height
        );
        stock_wrong += assert_same(
            &what,
            &frame,
            stock.parser.screen(),
            compact.parser.screen(),
        );
    }
    if stock_wrong > 0 {
        // ratatui 0.29 switches dim off with `22`, which also ends bold.
        eprintln!(
            "{} {}x{}: crossterm's backend showed {stock_wrong} cell(s) unlike the frame",
            theme.name, area.width, area.height
        );
    }
    (stock.bytes, compact.bytes, compact.scrolls)
}

#[test]
fn compact_backend_shows_what_crossterm_shows() {
    let (mut state, _dir) = state(150);
    for theme in ["default", "light", "high-contrast", "monochrome"] {
        for (w, h) in [(80, 24), (120, 40), (64, 18)] {
            state.list_sel = 0;
            state.focus = sitrep::ui::state::Pane::List;
            let (stock, compact, scrolls) = run(&mut state, theme, Rect::new(0, 0, w, h));
            // The list spans the width when narrow: moving past its end
            // scrolls it.
            assert!(w >= 110 || scrolls > 0, "{theme} {w}x{h}: never scrolled");
            assert!(
                compact < stock,
                "{theme} {w}x{h}: compact wrote {compact} B, stock {stock} B"
            );
        }
    }
}
