//! Overlays for annotations: the list of the article's notes (attached,
//! whole-article, orphaned), and the note editor (tui-textarea).

use super::list::truncate;
use super::{pane_block, Ctx};
use crate::sanitize::line as clean;
use crate::store::Anchor;
use crate::ui::state::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn draw_list(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    let r = centered(area, 90, 16);
    let notes = state.article_notes();
    let block = pane_block(
        ctx,
        format!("Notes on this article ({})", notes.len()),
        true,
    );
    let width = r.width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if notes.is_empty() {
        lines.push(Line::styled(
            "No notes yet: v selects text in the reader, a writes a note.",
            t.get("ui.hint"),
        ));
    }
    for (i, (n, anchor)) in notes.iter().enumerate() {
        let kind = match anchor {
            Anchor::Attached(_) => "",
            Anchor::Whole => "[article] ",
            Anchor::Orphaned => "[ORPHANED] ",
        };
        let tags: String = n.tags.iter().map(|t| format!(" #{}", clean(t))).collect();
        let first = n.note.lines().next().unwrap_or("");
        let quote = if n.quote.is_empty() {
            String::new()
        } else {
            format!("\u{201c}{}\u{201d} ", clean(&n.quote))
        };
        let text = truncate(&format!("{kind}{quote}{}{tags}", clean(first)), width);
        let style = if i == state.ann_sel {
            t.get("list.selected")
        } else if *anchor == Anchor::Orphaned {
            t.get("ui.error")
        } else {
            t.get("list.normal")
        };
        lines.push(Line::from(vec![Span::styled(text, style)]));
        lines.push(Line::styled(
            truncate(
                &format!("    {} · {}", clean(&n.author), clean(&n.modified)),
                width,
            ),
            t.get("list.meta"),
        ));
    }
    let offset = (state.ann_sel * 2 + 2).saturating_sub(r.height.saturating_sub(2) as usize);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((offset as u16, 0)),
        r,
    );
}

pub fn draw_editor(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let Some(ed) = &state.editor else { return };
    let r = centered(area, 80, 14);
    let title = format!("Note on {}", truncate(&clean(&ed.quote), 50));
    let block = pane_block(ctx, title, true);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let [text, hint] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(1),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(&ed.area, text);
    frame.render_widget(
        Paragraph::new("Markdown. esc or ctrl-s saves, ctrl-q discards.")
            .style(ctx.theme.get("ui.hint")),
        hint,
    );
}
