//! Drawing: small functions that borrow the state and paint one pane each.
//! Layout adapts to the terminal: three columns when wide, the list above
//! the text and summary when narrow, a plain notice when too small.

mod corpus;
mod help;
mod list;
mod map;
mod notes;
mod reader;
mod status;
mod summary;

use super::keymap::Keymap;
use super::state::{Mode, Pane, State};
use super::theme::Theme;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// What drawing needs besides the state.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// ASCII borders and markers only.
    pub ascii: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Rect,
    pub reader: Rect,
    pub side: Rect,
    pub status: Rect,
}

pub fn layout(area: Rect) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if area.width >= 110 {
        let [list, reader, side] = Layout::horizontal([
            Constraint::Percentage(27),
            Constraint::Percentage(48),
            Constraint::Percentage(25),
        ])
        .areas(main);
        Some(Areas {
            list,
            reader,
            side,
            status,
        })
    } else {
        let list_h = (main.height / 3).max(5);
        let [list, bottom] =
            Layout::vertical([Constraint::Length(list_h), Constraint::Min(1)]).areas(main);
        let [reader, side] = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(62), Constraint::Percentage(38)])
            .areas(bottom);
        Some(Areas {
            list,
            reader,
            side,
            status,
        })
    }
}

/// The inner size of each pane, for paging in `update`.
pub fn viewport(area: Rect) -> super::state::Viewport {
    match layout(area) {
        Some(a) => super::state::Viewport {
            text_width: a.reader.width.saturating_sub(2) as usize,
            text_height: a.reader.height.saturating_sub(2) as usize,
            list_height: a.list.height.saturating_sub(2) as usize,
            summary_height: a.side.height.saturating_sub(2) as usize,
        },
        None => super::state::Viewport::default(),
    }
}

pub fn pane_block<'a>(ctx: &Ctx, title: String, focused: bool) -> Block<'a> {
    let style = ctx.theme.get(if focused {
        "ui.border_focus"
    } else {
        "ui.border"
    });
    let set = if ctx.ascii {
        border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        }
    } else if focused {
        border::THICK
    } else {
        border::PLAIN
    };
    let mark = if focused {
        if ctx.ascii {
            "> "
        } else {
            "▶ "
        }
    } else {
        ""
    };
    Block::default()
        .borders(Borders::ALL)
        .border_set(set)
        .border_style(style)
        .title(Line::styled(
            format!("{mark}{}", crate::sanitize::line(&title)),
            ctx.theme.get("ui.title"),
        ))
}

pub fn draw(frame: &mut Frame, state: &State, ctx: &Ctx) {
    let area = frame.area();
    let Some(a) = layout(area) else {
        let msg = format!(
            "sitrep needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}. Enlarge it, or press q to quit.",
            area.width, area.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    };
    list::draw(frame, a.list, state, ctx);
    reader::draw(frame, a.reader, state, ctx);
    if state.show_map {
        map::draw(frame, a.side, state, ctx);
    } else {
        summary::draw(frame, a.side, state, ctx);
    }
    status::draw(frame, a.status, state, ctx);
    match state.mode {
        Mode::Help => help::draw(frame, area, state, ctx),
        Mode::Annotations => notes::draw_list(frame, area, state, ctx),
        Mode::Editor => notes::draw_editor(frame, area, state, ctx),
        Mode::Corpus(v) => corpus::draw(frame, area, state, v, ctx),
        _ => {}
    }
    made_safe(frame.buffer_mut());
    if ctx.ascii {
        to_ascii(frame.buffer_mut());
    }
}

/// The last line of defence: every pane draws control characters as
/// glyphs itself (keeping offsets aligned), but a widget sitrep does not
/// own (the note editor's text area draws the note as it is) may not; no
/// cell leaves here holding a character a terminal would act on.
fn made_safe(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(crate::sanitize::is_unsafe) {
            let safe = crate::sanitize::line(cell.symbol());
            cell.set_symbol(&safe);
        }
    }
}

/// `--ascii`: the glyphs sitrep draws itself, and the control pictures it
/// puts in place of control characters, become plain ASCII.
fn to_ascii(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        let sym = cell.symbol();
        let mut chars = sym.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let rep = match c {
            '×' => "x",
            '—' | '–' => "-",
            '…' => "~",
            '·' => "|",
            '▸' | '▶' => ">",
            '●' => "*",
            '✗' => "x",
            '▏' => "_",
            '“' | '”' => "\"",
            '\u{2400}'..='\u{2426}' | '\u{fffd}' => "?",
            _ => continue,
        };
        cell.set_symbol(rep);
    }
}

pub fn focused(state: &State, pane: Pane) -> bool {
    state.focus == pane && matches!(state.mode, Mode::Normal | Mode::Input(_) | Mode::Visual)
}
