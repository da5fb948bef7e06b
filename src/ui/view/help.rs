//! The help overlay, generated from the keymap so it always tells the
//! truth about the keys.

use super::Ctx;
use crate::ui::action::Action;
use crate::ui::keymap::chord_name;
use crate::ui::state::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

/// Help lines: per mode, each action with every chord bound to it.
pub fn lines(ctx: &Ctx) -> Vec<(String, Vec<(String, &'static str)>)> {
    let mut out = Vec::new();
    for (mode, title) in [
        ("global", "Everywhere"),
        ("list", "Article list"),
        ("reader", "Text"),
        ("summary", "Summary"),
        ("corpus", "Entities, conflicts, timeline, duplicates"),
        ("help", "This help"),
    ] {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for (c, a) in ctx.keymap.bindings(mode) {
            match rows.iter_mut().find(|(ra, _)| ra == a) {
                Some((_, keys)) => keys.push(chord_name(*c)),
                None => rows.push((*a, vec![chord_name(*c)])),
            }
        }
        out.push((
            title.to_string(),
            rows.into_iter()
                .map(|(a, k)| (k.join(" "), a.describe()))
                .collect(),
        ));
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    let mut text: Vec<Line> = Vec::new();
    for (title, rows) in lines(ctx) {
        text.push(Line::styled(title, t.get("summary.heading")));
        for (keys, what) in rows {
            text.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), t.get("help.key")),
                Span::styled(what, t.get("help.text")),
            ]));
        }
        text.push(Line::default());
    }
    text.push(Line::styled(
        "Prompts: enter confirms, esc cancels. Keys come from keymap.toml in the config dir.",
        t.get("ui.hint"),
    ));
    let block = super::pane_block(ctx, "Help (esc closes)".into(), true);
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(block)
            .scroll((state.help_scroll as u16, 0)),
        r,
    );
}
