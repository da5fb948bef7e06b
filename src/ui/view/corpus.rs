//! The overlay for the views across the corpus: one row a line, headings
//! styled apart, the chosen row marked (also without colour), scrolled to
//! keep it in sight.

use super::list::truncate;
use super::{pane_block, Ctx};
use crate::analysis::entities::Order;
use crate::ui::corpus::rows;
use crate::ui::state::{CorpusView, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, view: CorpusView, ctx: &Ctx) {
    let t = ctx.theme;
    let r = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(3),
    };
    let rows = rows(state, view);
    let items = rows.iter().filter(|r| !r.heading).count();
    let title = match view {
        CorpusView::Entities => format!(
            "Entities {items} · columns: stories, mentions · by {}",
            match state.entity_order {
                Order::Count => "count",
                Order::Name => "name",
            }
        ),
        CorpusView::Conflicts => format!("Conflicting figures: {}", state.analysis.conflicts.len()),
        CorpusView::Timeline => format!("Timeline: {items} entries"),
        CorpusView::Duplicates => {
            format!("Duplicate stories: {}", state.analysis.stories.groups.len())
        }
    };
    let block = pane_block(ctx, title, true);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    // The chosen claim's sentence, below the rows, when the view has them.
    let detail = rows
        .get(state.corpus_sel)
        .map(|r| r.detail.as_str())
        .filter(|_| rows.iter().any(|r| !r.detail.is_empty()));
    let (inner, detail_area) = match detail {
        Some(_) if inner.height >= 8 => {
            let [list, sep, d] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Min(1),
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Length(3),
            ])
            .areas(inner);
            let rule = if ctx.ascii { "-" } else { "─" };
            frame.render_widget(
                Paragraph::new(rule.repeat(sep.width as usize)).style(t.get("ui.border")),
                sep,
            );
            (list, Some(d))
        }
        _ => (inner, None),
    };
    if let (Some(d), Some(text)) = (detail_area, detail) {
        frame.render_widget(
            Paragraph::new(text)
                .style(t.get("ui.hint"))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            d,
        );
    }
    let h = inner.height as usize;
    let width = inner.width as usize;
    if rows.is_empty() {
        let msg = match view {
            CorpusView::Entities => "No forces or places in this corpus.",
            CorpusView::Conflicts => {
                "No conflicting figures: no place or force has one kind of figure reported differently."
            }
            CorpusView::Timeline => "Nothing in this corpus has a date.",
            CorpusView::Duplicates => "No story is carried by more than one article.",
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(t.get("ui.hint"))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let lead_w = rows
        .iter()
        .map(|r| r.lead.chars().count())
        .max()
        .unwrap_or(0);
    // The chosen row mid-screen where the rows allow.
    let offset = state
        .corpus_sel
        .saturating_sub(h / 2)
        .min(rows.len().saturating_sub(h));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(h)
        .map(|(n, row)| {
            if row.heading {
                return Line::styled(truncate(&row.text, width), t.get("summary.heading"));
            }
            let selected = n == state.corpus_sel;
            let marker = match (selected, ctx.ascii) {
                (true, true) => "> ",
                (true, false) => "▸ ",
                _ => "  ",
            };
            let lead = if lead_w > 0 {
                format!("{:>lead_w$}  ", row.lead)
            } else {
                String::new()
            };
            let used = marker.chars().count() + lead.chars().count();
            let text = truncate(&row.text, width.saturating_sub(used).max(8));
            let meta = truncate(&row.meta, width.saturating_sub(used + text.chars().count()));
            let base = if selected {
                t.get("list.selected")
            } else {
                t.get("list.normal")
            };
            Line::from(vec![
                Span::styled(marker, base),
                Span::styled(
                    lead,
                    if selected {
                        base
                    } else {
                        t.get("summary.marked")
                    },
                ),
                Span::styled(text, base),
                Span::styled(meta, if selected { base } else { t.get("list.meta") }),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
