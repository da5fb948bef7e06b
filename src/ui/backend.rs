//! A terminal backend that writes fewer bytes for the same screen.
//!
//! ratatui's `CrosstermBackend` sends an absolute `ESC[row;colH` before
//! every run of changed cells, one SGR sequence per modifier change, and
//! 256-colour codes (`ESC[38;5;8m`) for the 16 ANSI colours. Over a slow
//! link (SSH from the field, a satellite hop) a list keystroke that opens
//! the next article then costs more than 2 KB. `CompactBackend` draws the
//! same cells in the same order but moves the cursor relatively when that
//! is shorter, reprints short unchanged gaps instead of jumping over them,
//! erases runs of blanks with `ECH`, folds every style change into a
//! single SGR with the short ANSI colour codes, and, when whole rows are to
//! show what their neighbours show (the list at a narrow size moving past
//! its last row), scrolls them by one inside a scrolling margin and draws
//! only what the scroll did not put right. Everything else (cursor
//! visibility, clearing, size) is crossterm's.
//!
//! It keeps what it last wrote to each cell (`Shadow`), so it only ever
//! reprints cells whose content and style it wrote itself, and it forgets
//! the cursor whenever it cannot be sure where a glyph left it.

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::collections::BTreeMap;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The style state of the terminal (what the last SGR left), or of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
    /// The foreground was sent as a plain `30`-`37` code. Terminals that
    /// show bold text in the bright colours do so for those codes only:
    /// a dark colour that turns bold is sent again as `38;5;N`.
    plain_dark_fg: bool,
}

impl Pen {
    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
            plain_dark_fg: false,
        }
    }

    /// The same style, whatever form its foreground was sent in.
    fn same_style(&self, other: &Pen) -> bool {
        self.fg == other.fg
            && self.bg == other.bg
            && self.underline == other.underline
            && self.modifier == other.modifier
    }

    fn is_default(&self) -> bool {
        self.same_style(&Pen::default())
    }
}

/// A cleared cell.
static BLANK: Cell = Cell::EMPTY;

/// The screen as this backend left it: each cell as written, or `None`
/// where it cannot be sure (not written since the screen was cleared, a
/// glyph whose width terminals disagree on, or the cell it may spill into).
#[derive(Debug, Default)]
struct Shadow {
    rows: Vec<Vec<Option<Cell>>>,
    /// Cells outside `rows` are blank (the screen was cleared), not unknown.
    blank_beyond: bool,
}

impl Shadow {
    fn outside(&self) -> Option<Cell> {
        self.blank_beyond.then_some(Cell::EMPTY)
    }

    fn get(&self, x: u16, y: u16) -> Option<&Cell> {
        match self.rows.get(y as usize).and_then(|r| r.get(x as usize)) {
            Some(known) => known.as_ref(),
            None if self.blank_beyond => Some(&BLANK),
            None => None,
        }
    }

    fn set(&mut self, x: u16, y: u16, k: Option<Cell>) {
        self.grow(x as usize + 1, y as usize + 1);
        self.rows[y as usize][x as usize] = k;
    }

    /// Makes room for `w` columns on the first `h` rows.
    fn grow(&mut self, w: usize, h: usize) {
        let fill = self.outside();
        if self.rows.len() < h {
            self.rows.resize_with(h, Vec::new);
        }
        for row in &mut self.rows[..h] {
            if row.len() < w {
                row.resize(w, fill.clone());
            }
        }
    }

    /// Row `y`'s first `w` cells, if every one is known.
    fn row(&self, y: u16, w: u16) -> Option<Vec<Cell>> {
        (0..w).map(|x| self.get(x, y).cloned()).collect()
    }

    /// Rows `top..=bot` move one up (`up`) or down within themselves, as
    /// the terminal moves them when it scrolls that region; the row that
    /// comes in is blank.
    fn scroll(&mut self, top: u16, bot: u16, w: u16, up: bool) {
        self.grow(w as usize, bot as usize + 1);
        let region = &mut self.rows[top as usize..=bot as usize];
        if up {
            region.rotate_left(1);
        } else {
            region.rotate_right(1);
        }
        let incoming = if up { region.len() - 1 } else { 0 };
        region[incoming] = vec![Some(Cell::EMPTY); w as usize];
    }

    fn clear(&mut self, blank: bool) {
        self.rows.clear();
        self.blank_beyond = blank;
    }
}

/// Where the cursor is, as far as this backend can be sure.
#[derive(Debug, Clone, Copy, Default)]
struct Cursor {
    row: Option<u16>,
    col: Option<u16>,
}

/// A character whose width every terminal agrees is one cell: ASCII, Latin,
/// Cyrillic, and the punctuation, arrows, box drawing and shapes sitrep
/// draws. After any other glyph the cursor is found again absolutely.
fn certain_single_width(sym: &str) -> bool {
    let mut chars = sym.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(c,
        ' '..='~'
        | '\u{a0}'..='\u{2ff}'
        | '\u{370}'..='\u{482}'
        | '\u{48a}'..='\u{52f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2400}'..='\u{2426}'
        | '\u{2500}'..='\u{25ff}'
    ) && sym.width() == 1
}

/// A ratatui colour as an index into the 16 ANSI colours, if it is one.
fn ansi_index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) if i < 16 => i,
        _ => return None,
    })
}

/// Which of the three colours an SGR parameter sets.
#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// SGR parameters for a colour: `31`/`91`/`41`/`101` for the 16 ANSI
/// colours (except a dark foreground under bold, see `Pen`), `38;5;N` and
/// `38;2;R;G;B` otherwise, as crossterm sends them.
fn colour_params(c: Color, layer: Layer, bold: bool, out: &mut Vec<String>) {
    let (reset, extended) = match layer {
        Layer::Fg => (39, 38),
        Layer::Bg => (49, 48),
        Layer::Underline => (59, 58),
    };
    match (c, ansi_index(c), layer) {
        (Color::Reset, _, _) => out.push(reset.to_string()),
        (_, Some(i), Layer::Fg) if i < 8 && !bold => out.push((30 + i).to_string()),
        (_, Some(i), Layer::Fg) if i >= 8 => out.push((90 + i - 8).to_string()),
        (_, Some(i), Layer::Bg) if i < 8 => out.push((40 + i).to_string()),
        (_, Some(i), Layer::Bg) => out.push((100 + i - 8).to_string()),
        (_, Some(i), _) => out.push(format!("{extended};5;{i}")),
        (Color::Indexed(i), None, _) => out.push(format!("{extended};5;{i}")),
        (Color::Rgb(r, g, b), None, _) => out.push(format!("{extended};2;{r};{g};{b}")),
        _ => unreachable!("every other colour is one of the 16"),
    }
}

/// The SGR parameter that turns each modifier on, in a fixed order.
const MODIFIER_ON: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// Whether a foreground will be sent in the plain `30`-`37` form.
fn plain_dark(c: Color, bold: bool) -> bool {
    !bold && ansi_index(c).is_some_and(|i| i < 8)
}

/// Parameters that take the terminal from `from` to `to` by switching
/// off and on what differs, and whether they send the foreground. Bold
/// and dim share their "off" (`22`), as do the two blinks (`25`): the one
/// to keep is switched on again.
fn sgr_delta(from: &Pen, to: &Pen) -> (Vec<String>, bool) {
    let mut p = Vec::new();
    let removed = from.modifier - to.modifier;
    let mut on = to.modifier - from.modifier;
    let off_codes: [(Modifier, u8); 7] = [
        (Modifier::BOLD | Modifier::DIM, 22),
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, 25),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
        (Modifier::CROSSED_OUT, 29),
    ];
    for (m, code) in off_codes {
        if removed.intersects(m) {
            p.push(code.to_string());
            on |= to.modifier & m;
        }
    }
    push_modifiers(on, &mut p);
    let bold = to.modifier.contains(Modifier::BOLD);
    let send_fg = from.fg != to.fg || fg_form_changes(from, to);
    if send_fg {
        colour_params(to.fg, Layer::Fg, bold, &mut p);
    }
    if from.bg != to.bg {
        colour_params(to.bg, Layer::Bg, bold, &mut p);
    }
    if from.underline != to.underline {
        colour_params(to.underline, Layer::Underline, bold, &mut p);
    }
    (p, send_fg)
}

/// A dark foreground sent plainly that is about to turn bold must be sent
/// again in the 256-colour form (see `Pen`).
fn fg_form_changes(from: &Pen, to: &Pen) -> bool {
    from.plain_dark_fg && !plain_dark(to.fg, to.modifier.contains(Modifier::BOLD))
}

fn push_modifiers(m: Modifier, out: &mut Vec<String>) {
    for (flag, code) in MODIFIER_ON {
        if m.contains(flag) {
            out.push(code.to_string());
        }
    }
}

/// Parameters that reset everything (`0`) and set `to` from scratch.
fn sgr_from_reset(to: &Pen) -> Vec<String> {
    let mut p = vec!["0".to_string()];
    push_modifiers(to.modifier, &mut p);
    let bold = to.modifier.contains(Modifier::BOLD);
    for (c, layer) in [
        (to.fg, Layer::Fg),
        (to.bg, Layer::Bg),
        (to.underline, Layer::Underline),
    ] {
        if c != Color::Reset {
            colour_params(c, layer, bold, &mut p);
        }
    }
    p
}

/// Whether the terminal needs an SGR to go from `from` to `to`.
fn needs_sgr(from: &Pen, to: &Pen) -> bool {
    !from.same_style(to) || fg_form_changes(from, to)
}

/// The shortest single SGR sequence from `from` to `to` (none when there
/// is nothing to change), and the pen it leaves. A plain reset is `ESC[m`.
pub fn sgr(from: &Pen, to: &Pen) -> (Vec<u8>, Pen) {
    if !needs_sgr(from, to) {
        return (Vec::new(), *from);
    }
    let bold = to.modifier.contains(Modifier::BOLD);
    let mut pen = Pen {
        plain_dark_fg: plain_dark(to.fg, bold),
        ..*to
    };
    if to.is_default() {
        return (b"\x1b[m".to_vec(), pen);
    }
    let (delta, fg_sent) = sgr_delta(from, to);
    let reset = sgr_from_reset(to);
    let len = |p: &[String]| p.iter().map(|s| s.len() + 1).sum::<usize>();
    let params = if len(&reset) < len(&delta) {
        reset
    } else {
        if !fg_sent {
            // The foreground keeps the form it was sent in.
            pen.plain_dark_fg = from.plain_dark_fg;
        }
        delta
    };
    (format!("\x1b[{}m", params.join(";")).into_bytes(), pen)
}

/// A relative move of `n` cells with final byte `f` (`A`-`D`): the count
/// is left out when it is one.
fn relative(n: u16, f: char) -> String {
    if n == 1 {
        format!("\x1b[{f}")
    } else {
        format!("\x1b[{n}{f}")
    }
}

/// The cursor position: `ESC[r;cH`, shortened to `ESC[rH` in column 1.
fn absolute(x: u16, y: u16) -> String {
    match (x, y) {
        (0, 0) => "\x1b[H".to_string(),
        (0, y) => format!("\x1b[{}H", y + 1),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1),
    }
}

/// A backend over crossterm's that draws with fewer bytes (see the module
/// documentation). `compact: false` draws exactly as crossterm's backend.
pub struct CompactBackend<W: Write> {
    inner: CrosstermBackend<W>,
    shadow: Shadow,
    cursor: Cursor,
    pen: Pen,
    /// The screen has at least this many columns (cells were drawn there):
    /// a cursor left of it is not waiting to wrap.
    cols_seen: u16,
    /// Whether the cursor is hidden, once this backend has said so.
    hidden: Option<bool>,
    /// The terminal's size, as last asked (ratatui asks before every
    /// frame of a full-screen viewport): whole rows can only be scrolled
    /// when their full width is known.
    size: std::cell::Cell<Option<Size>>,
    compact: bool,
    out: Vec<u8>,
}

impl<W: Write> CompactBackend<W> {
    pub fn new(writer: W) -> CompactBackend<W> {
        CompactBackend {
            inner: CrosstermBackend::new(writer),
            shadow: Shadow::default(),
            cursor: Cursor::default(),
            pen: Pen::default(),
            cols_seen: 0,
            hidden: None,
            size: std::cell::Cell::new(None),
            compact: true,
            out: Vec::with_capacity(4096),
        }
    }

    /// Crossterm's own drawing, byte for byte: for comparison, and for
    /// terminals that take no ANSI sequences (a legacy Windows console,
    /// where crossterm calls the console API instead).
    pub fn stock(writer: W) -> CompactBackend<W> {
        CompactBackend {
            compact: false,
            ..CompactBackend::new(writer)
        }
    }

    /// The terminal is `size` (a fixed viewport that fills it, as in tests
    /// and the render bench), without asking it.
    pub fn with_size(self, size: Size) -> CompactBackend<W> {
        self.size.set(Some(size));
        self
    }

    /// Forgets where the cursor is and what the screen shows.
    fn forget(&mut self) {
        self.cursor = Cursor::default();
        self.shadow.clear(false);
    }

    /// Moves the cursor to (`x`, `y`) by the shortest means it can be
    /// sure of.
    fn move_to(&mut self, x: u16, y: u16) {
        let Cursor { row, col } = self.cursor;
        if row == Some(y) && col == Some(x) {
            return;
        }
        let mut best = absolute(x, y).into_bytes();
        if let Some(r) = row {
            let vertical = match y.cmp(&r) {
                std::cmp::Ordering::Equal => String::new(),
                std::cmp::Ordering::Greater => relative(y - r, 'B'),
                std::cmp::Ordering::Less => relative(r - y, 'A'),
            };
            // The column is exact only left of a column known to exist:
            // at the right edge the terminal may be waiting to wrap.
            let exact = col.filter(|c| *c < self.cols_seen);
            let horizontal = self.horizontal(exact, x, y == r);
            if vertical.len() + horizontal.len() < best.len() {
                best = vertical.into_bytes();
                best.extend_from_slice(&horizontal);
            }
        }
        self.out.extend_from_slice(&best);
        self.cursor = Cursor {
            row: Some(y),
            col: Some(x),
        };
    }

    /// The shortest way to column `x` on the cursor's row (once moved
    /// vertically): a carriage return, a relative move from a column known
    /// exactly, or, on the same row, the unchanged cells in between printed
    /// again when they are few and in the current style.
    fn horizontal(&self, exact: Option<u16>, x: u16, same_row: bool) -> Vec<u8> {
        let mut best = if x == 0 {
            b"\r".to_vec()
        } else {
            let cha = format!("\x1b[{}G", x + 1);
            let cr = format!("\r{}", relative(x, 'C'));
            if cr.len() < cha.len() { cr } else { cha }.into_bytes()
        };
        let Some(c) = exact else {
            return best;
        };
        let rel = match x.cmp(&c) {
            std::cmp::Ordering::Equal => Vec::new(),
            std::cmp::Ordering::Greater => relative(x - c, 'C').into_bytes(),
            std::cmp::Ordering::Less => relative(c - x, 'D').into_bytes(),
        };
        if rel.len() < best.len() {
            best = rel;
        }
        if same_row && x > c && usize::from(x - c) < best.len() {
            if let Some(gap) = self.reprint(c, x) {
                best = gap;
            }
        }
        best
    }

    /// The cells from `from` up to `to` on the cursor's row as they are
    /// on screen, if all are ASCII this backend wrote in the current pen.
    fn reprint(&self, from: u16, to: u16) -> Option<Vec<u8>> {
        let y = self.cursor.row?;
        (from..to)
            .map(|x| match self.shadow.get(x, y) {
                Some(c) if Pen::of(c).same_style(&self.pen) => match c.symbol().as_bytes() {
                    [b @ b' '..=b'~'] => Some(*b),
                    _ => None,
                },
                _ => None,
            })
            .collect()
    }

    fn set_pen(&mut self, to: &Pen) {
        if !needs_sgr(&self.pen, to) {
            return;
        }
        let (bytes, pen) = sgr(&self.pen, to);
        self.out.extend_from_slice(&bytes);
        self.pen = pen;
    }

    /// How many of the cells from index `i` on are a run of default blanks
    /// on one row, counting unchanged blank cells between changed ones, and
    /// where the run's last changed cell is.
    fn blank_run(&self, cells: &[(u16, u16, Cell)], i: usize) -> (usize, u16) {
        let (x0, y, _) = cells[i];
        let mut end = x0 + 1;
        let mut last = i;
        for (j, (x, cy, cell)) in cells.iter().enumerate().skip(i + 1) {
            let (x, cy) = (*x, *cy);
            if cy != y || !is_blank(cell) {
                break;
            }
            let between_blank = (end..x).all(|g| self.shadow.get(g, y).is_some_and(is_blank));
            if !between_blank {
                break;
            }
            end = x + 1;
            last = j;
        }
        (last - i + 1, end - x0)
    }

    fn draw_compact<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut cells: Vec<(u16, u16, Cell)> = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        self.out.clear();
        if let Some(scroll) = self
            .size
            .get()
            .and_then(|size| find_scroll(&self.shadow, &cells, size))
        {
            cells = self.scroll(&scroll, cells);
        }
        // What is on screen already (a row a scroll brought) is not sent.
        cells.retain(|(x, y, c)| self.shadow.get(*x, *y) != Some(c));
        let mut i = 0;
        while i < cells.len() {
            let (x, y, ref cell) = cells[i];
            self.cols_seen = self.cols_seen.max(x + 1);
            if is_blank(cell) {
                let (n, cols) = self.blank_run(&cells, i);
                // ECH costs its sequence and a move past the run after;
                // spaces cost one byte a column.
                if cols >= 9 {
                    self.erase(x, y, cols);
                    i += n;
                    continue;
                }
            }
            self.move_to(x, y);
            self.set_pen(&Pen::of(cell));
            self.print(x, y, cell);
            i += 1;
        }
        if !self.pen.is_default() {
            self.set_pen(&Pen::default());
        }
        let out = std::mem::take(&mut self.out);
        // crossterm's backend writes through to its writer.
        let r = Write::write_all(&mut self.inner, &out);
        self.out = out;
        r
    }

    /// Scrolls a region of whole rows by one with a scrolling margin
    /// (`DECSTBM`, then a line feed at its bottom or a reverse index at its
    /// top, then the margins reset), and returns the cells still to draw:
    /// those outside the region as given, and every cell in it that the
    /// scroll did not already put right.
    fn scroll(&mut self, s: &Scroll, cells: Vec<(u16, u16, Cell)>) -> Vec<(u16, u16, Cell)> {
        let mut region = s.rows.clone();
        // The row that comes in blank is drawn whole.
        let (top, bot) = (s.top, s.top + region.len() as u16 - 1);
        // Erasing fills with the current background.
        self.set_pen(&Pen::default());
        self.out
            .extend_from_slice(format!("\x1b[{};{}r", top + 1, bot + 1).as_bytes());
        if s.up {
            self.out.extend_from_slice(absolute(0, bot).as_bytes());
            self.out.push(b'\n');
        } else {
            self.out.extend_from_slice(absolute(0, top).as_bytes());
            self.out.extend_from_slice(b"\x1bM");
        }
        self.out.extend_from_slice(b"\x1b[r");
        self.cursor = Cursor::default();
        let w = region[0].len() as u16;
        self.shadow.scroll(top, bot, w, s.up);
        let mut rest: Vec<(u16, u16, Cell)> = cells
            .into_iter()
            .filter(|(_, y, _)| *y < top || *y > bot)
            .collect();
        for (y, row) in (top..=bot).zip(region.iter_mut()) {
            for (x, c) in (0..w).zip(row.drain(..)) {
                if self.shadow.get(x, y) != Some(&c) {
                    rest.push((x, y, c));
                }
            }
        }
        rest.sort_by_key(|(x, y, _)| (*y, *x));
        rest
    }

    /// Erases `cols` cells from (`x`, `y`) with `ECH` in the default style,
    /// which leaves the cursor where it was.
    fn erase(&mut self, x: u16, y: u16, cols: u16) {
        self.move_to(x, y);
        self.set_pen(&Pen::default());
        self.out
            .extend_from_slice(format!("\x1b[{cols}X").as_bytes());
        self.cols_seen = self.cols_seen.max(x + cols);
        for g in x..x + cols {
            self.shadow.set(g, y, Some(Cell::EMPTY));
        }
    }

    /// Prints a cell's symbol and records it; the cursor is known after it
    /// only if the glyph's width is certain.
    fn print(&mut self, x: u16, y: u16, cell: &Cell) {
        let sym = cell.symbol();
        self.out.extend_from_slice(sym.as_bytes());
        if certain_single_width(sym) {
            self.shadow.set(x, y, Some(cell.clone()));
            self.cursor = Cursor {
                row: Some(y),
                col: Some(x + 1),
            };
        } else {
            // A wide glyph covers the next cells; one of uncertain width
            // may have drawn over the next cell or wrapped the line.
            for g in 0..sym.width().max(1) as u16 + 1 {
                self.shadow.set(x + g, y, None);
            }
            self.cursor = Cursor::default();
        }
    }
}

/// A region of whole rows to scroll by one before drawing.
#[derive(Debug)]
struct Scroll {
    top: u16,
    /// What each row of the region is to show, top first.
    rows: Vec<Vec<Cell>>,
    /// Up: each row takes the content of the one below it.
    up: bool,
}

/// Bytes a scroll costs, about: margins, a move, the line feed, the reset.
const SCROLL_COST: usize = 16;

/// Whether some consecutive rows are to show what their neighbours show
/// now (a list that moved by one row across the whole width), so that a
/// scroll and the one row it brings in cost less than drawing the changed
/// cells of every row. Only rows whose every cell is known take part.
fn find_scroll(shadow: &Shadow, cells: &[(u16, u16, Cell)], size: Size) -> Option<Scroll> {
    let (w, h) = (size.width, size.height);
    // Each changed row as it is to be (if all of it is known), and how
    // many of its cells change.
    let mut changed: BTreeMap<u16, (Option<Vec<Cell>>, usize)> = BTreeMap::new();
    for (x, y, c) in cells {
        if *x >= w || *y >= h {
            return None;
        }
        let (row, n) = changed.entry(*y).or_insert_with(|| (shadow.row(*y, w), 0));
        if let Some(row) = row {
            row[*x as usize] = c.clone();
        }
        *n += 1;
    }
    let new_row = |y: u16| match changed.get(&y) {
        Some((row, _)) => row.clone(),
        None => shadow.row(y, w),
    };
    // Whether row `from` on screen is `row` already.
    let shows =
        |from: u16, row: &[Cell]| (0..w).all(|x| shadow.get(x, from) == Some(&row[x as usize]));
    let mut best: Option<(Scroll, usize)> = None;
    for up in [true, false] {
        let moved = |y: u16, row: &Option<Vec<Cell>>| {
            let from = if up {
                y.checked_add(1).filter(|f| *f < h)
            } else {
                y.checked_sub(1)
            };
            matches!((from, row), (Some(f), Some(row)) if shows(f, row))
        };
        let rows: Vec<u16> = changed
            .iter()
            .filter(|(y, (row, _))| moved(**y, row))
            .map(|(y, _)| *y)
            .collect();
        for run in rows.chunk_by(|a, b| b.checked_sub(1) == Some(*a)) {
            let (first, last) = (run[0], run[run.len() - 1]);
            let incoming = if up {
                last.checked_add(1).filter(|r| *r < h)
            } else {
                first.checked_sub(1)
            };
            let Some(incoming) = incoming else { continue };
            let Some(in_row) = new_row(incoming) else {
                continue;
            };
            let saved: usize = run
                .iter()
                .chain([&incoming])
                .filter_map(|y| changed.get(y).map(|(_, n)| n))
                .sum();
            let cost = in_row.iter().filter(|c| !is_blank(c)).count() + SCROLL_COST;
            if saved <= cost || best.as_ref().is_some_and(|(_, b)| *b >= saved - cost) {
                continue;
            }
            let top = first.min(incoming);
            let rows = (top..=last.max(incoming))
                .map(new_row)
                .collect::<Option<Vec<_>>>();
            if let Some(rows) = rows {
                best = Some((Scroll { top, rows, up }, saved - cost));
            }
        }
    }
    best.map(|(s, _)| s)
}

/// A cell ratatui resets to: a space with no style.
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell).is_default()
}

impl<W: Write> Backend for CompactBackend<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.compact {
            self.draw_compact(content)
        } else {
            self.inner.draw(content)
        }
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.forget();
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        // ratatui hides the cursor after every frame: once is enough.
        if self.compact && self.hidden == Some(true) {
            return Ok(());
        }
        self.hidden = Some(true);
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.hidden = Some(false);
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = Cursor::default();
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Erasing fills with the current background: the pen is reset at
        // the end of every frame, so it is the default here.
        self.forget();
        self.shadow.blank_beyond = clear_type == ClearType::All;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        let size = self.inner.size()?;
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::{Theme, BUILTIN, KEYS};

    /// What a terminal makes of SGR parameters: the style, and whether the
    /// foreground came as a plain `30`-`37` code.
    fn apply(mut pen: (Pen, bool), params: &str) -> (Pen, bool) {
        let colour = |n: u16| -> Color {
            [
                Color::Black,
                Color::Red,
                Color::Green,
                Color::Yellow,
                Color::Blue,
                Color::Magenta,
                Color::Cyan,
                Color::Gray,
                Color::DarkGray,
                Color::LightRed,
                Color::LightGreen,
                Color::LightYellow,
                Color::LightBlue,
                Color::LightMagenta,
                Color::LightCyan,
                Color::White,
            ][n as usize]
        };
        let nums: Vec<u16> = if params.is_empty() {
            vec![0]
        } else {
            params.split(';').map(|p| p.parse().unwrap()).collect()
        };
        let mut it = nums.into_iter();
        while let Some(n) = it.next() {
            let (p, plain) = &mut pen;
            match n {
                0 => *pen_mut(p, plain) = Pen::default(),
                1..=9 => p.modifier |= MODIFIER_ON[n as usize - 1].0,
                22 => p.modifier -= Modifier::BOLD | Modifier::DIM,
                23 => p.modifier -= Modifier::ITALIC,
                24 => p.modifier -= Modifier::UNDERLINED,
                25 => p.modifier -= Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
                27 => p.modifier -= Modifier::REVERSED,
                28 => p.modifier -= Modifier::HIDDEN,
                29 => p.modifier -= Modifier::CROSSED_OUT,
                30..=37 => (p.fg, *plain) = (colour(n - 30), true),
                90..=97 => (p.fg, *plain) = (colour(n - 90 + 8), false),
                40..=47 => p.bg = colour(n - 40),
                100..=107 => p.bg = colour(n - 100 + 8),
                39 => (p.fg, *plain) = (Color::Reset, false),
                49 => p.bg = Color::Reset,
                59 => p.underline = Color::Reset,
                38 | 48 | 58 => {
                    let c = match it.next() {
                        Some(5) => {
                            let i = it.next().unwrap() as u8;
                            if i < 16 {
                                colour(i.into())
                            } else {
                                Color::Indexed(i)
                            }
                        }
                        Some(2) => {
                            let mut c = || it.next().unwrap() as u8;
                            Color::Rgb(c(), c(), c())
                        }
                        other => panic!("38/48/58 then {other:?}"),
                    };
                    match n {
                        38 => (p.fg, *plain) = (c, false),
                        48 => p.bg = c,
                        _ => p.underline = c,
                    }
                }
                other => panic!("unexpected SGR parameter {other}"),
            }
        }
        pen
    }

    fn pen_mut<'a>(p: &'a mut Pen, plain: &mut bool) -> &'a mut Pen {
        *plain = false;
        p
    }

    /// Every style of every shipped theme, alone and as the reader layers
    /// them, with a colour from the 256 and one in RGB.
    fn styles() -> Vec<Pen> {
        let mut out = vec![Pen::default()];
        for (name, _) in BUILTIN {
            let t = Theme::builtin(name).unwrap();
            for k in KEYS {
                let st = t.get(k);
                let base = t.get("reader.cursor");
                for st in [st, base.patch(st), t.get("reader.chrome").patch(st)] {
                    out.push(Pen {
                        fg: st.fg.unwrap_or_default(),
                        bg: st.bg.unwrap_or_default(),
                        underline: st.underline_color.unwrap_or_default(),
                        modifier: st.add_modifier,
                        plain_dark_fg: false,
                    });
                }
            }
        }
        out.push(Pen {
            fg: Color::Indexed(208),
            bg: Color::Rgb(1, 2, 3),
            underline: Color::Red,
            modifier: Modifier::all(),
            plain_dark_fg: false,
        });
        out.sort_by_key(|p| format!("{p:?}"));
        out.dedup();
        out
    }

    #[test]
    fn one_sgr_takes_any_style_to_any_other() {
        let styles = styles();
        for from in &styles {
            // The terminal's pen as it is after `from` was sent from a reset.
            let (bytes, from_pen) = sgr(&Pen::default(), from);
            let text = String::from_utf8(bytes).unwrap();
            let params = text.get(2..text.len().saturating_sub(1)).unwrap_or("");
            let on_screen = apply((Pen::default(), false), params);
            assert!(on_screen.0.same_style(from), "{from:?}: {text:?}");
            assert_eq!(on_screen.1, from_pen.plain_dark_fg, "{from:?}: {text:?}");
            for to in &styles {
                let (bytes, pen) = sgr(&from_pen, to);
                let (shown, plain) = if bytes.is_empty() {
                    on_screen
                } else {
                    let text = String::from_utf8(bytes.clone()).unwrap();
                    apply(on_screen, &text[2..text.len() - 1])
                };
                let text = String::from_utf8(bytes).unwrap();
                assert!(
                    shown.same_style(to),
                    "{from:?} -> {to:?}: {text:?} gave {shown:?}"
                );
                assert_eq!(plain, pen.plain_dark_fg, "{from:?} -> {to:?}: {text:?}");
                assert!(
                    !(plain && to.modifier.contains(Modifier::BOLD)),
                    "{from:?} -> {to:?}: {text:?} leaves a dark colour in 30-37 under bold"
                );
            }
        }
    }

    #[test]
    fn ansi_colours_take_their_short_codes() {
        let to = Pen {
            fg: Color::DarkGray,
            bg: Color::Blue,
            ..Pen::default()
        };
        assert_eq!(sgr(&Pen::default(), &to).0, b"\x1b[90;44m");
        let bold_black = Pen {
            fg: Color::Black,
            modifier: Modifier::BOLD,
            ..Pen::default()
        };
        assert_eq!(sgr(&to, &bold_black).0, b"\x1b[0;1;38;5;0m");
        assert_eq!(sgr(&bold_black, &Pen::default()).0, b"\x1b[m");
    }

    #[test]
    fn moves_are_the_shortest_the_backend_can_be_sure_of() {
        let mut b = CompactBackend::new(Vec::new());
        b.move_to(4, 12);
        assert_eq!(b.out, b"\x1b[13;5H", "nowhere known: absolute");
        b.out.clear();
        b.cols_seen = 80;
        b.move_to(10, 12);
        assert_eq!(b.out, b"\x1b[6C");
        b.out.clear();
        b.move_to(0, 13);
        assert_eq!(b.out, b"\x1b[B\r");
        b.out.clear();
        b.move_to(3, 14);
        assert_eq!(b.out, b"\x1b[15;4H", "a tie: absolute");
        b.out.clear();
        b.cursor.col = Some(80);
        b.move_to(78, 14);
        assert_eq!(b.out, b"\x1b[79G", "at the edge: absolute column");
    }
}
