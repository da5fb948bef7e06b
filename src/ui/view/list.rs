//! The article list: title, site, date and counts, one row an article.

use super::{focused, pane_block, Ctx};
use crate::sanitize;
use crate::ui::state::{Mode, Pane, Prompt, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    // While the filter prompt is open, the list already shows the typed
    // filter (a live filter): the title must count what is shown.
    let filter = match state.mode {
        Mode::Input(Prompt::Filter) => &state.input,
        _ => &state.filter,
    };
    let title = if filter.is_empty() {
        format!("Articles {}", state.articles.len())
    } else {
        format!(
            "Articles {}/{} [{}]",
            state.visible.len(),
            state.articles.len(),
            filter
        )
    };
    let block = pane_block(ctx, title, focused(state, Pane::List));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let h = inner.height as usize;
    if state.visible.is_empty() {
        let msg = if state.articles.is_empty() && state.loading.is_some() {
            "Loading the corpus…"
        } else if state.articles.is_empty() {
            "No articles. Open a file or folder: sitrep PATH"
        } else {
            "No article matches the filter."
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(t.get("list.meta"))
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let offset = if state.list_sel >= h {
        state.list_sel + 1 - h
    } else {
        0
    };
    let width = inner.width as usize;
    let lines: Vec<Line> = state.visible[offset..]
        .iter()
        .take(h)
        .enumerate()
        .map(|(row, &i)| {
            let a = &state.articles[i];
            let s = &state.summaries[i];
            let selected = offset + row == state.list_sel;
            let marker = match (selected, ctx.ascii) {
                (true, true) => "> ",
                (true, false) => "▸ ",
                _ => "  ",
            };
            // A narrow list keeps the title and the counts, not the site.
            let wide = width >= 70;
            let meta = format!(
                "  {}{}F{} L{} C{}",
                a.source_site
                    .as_deref()
                    .filter(|_| wide)
                    .map(|s| format!("{} · ", sanitize::line(s)))
                    .unwrap_or_default(),
                a.date
                    .as_deref()
                    .filter(|_| wide)
                    .map(|d| format!("{} · ", sanitize::line(day(d))))
                    .unwrap_or_default(),
                s.forces.len(),
                s.locations.len(),
                s.claims.len()
            );
            let title = if a.title.is_empty() {
                "(untitled)".to_string()
            } else {
                sanitize::line(&a.title)
            };
            let mut tags: String = state
                .article_tags(&a.id)
                .iter()
                .map(|t| format!(" #{}", sanitize::line(t)))
                .collect();
            // One story carried by several articles: how many (D lists them).
            let copies = state.analysis.stories.members(i).len();
            if copies > 1 {
                tags.push_str(&format!(" ×{copies}"));
            }
            let room = width
                .saturating_sub(marker.len() + meta.chars().count() + tags.chars().count())
                .max(10);
            let title: String = truncate(&title, room);
            let base = if selected {
                t.get("list.selected")
            } else {
                t.get("list.normal")
            };
            Line::from(vec![
                Span::styled(marker, base),
                Span::styled(title, base),
                Span::styled(tags, if selected { base } else { t.get("list.tag") }),
                Span::styled(meta, if selected { base } else { t.get("list.meta") }),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// At most `cols` display columns, with an ellipsis when cut.
pub fn truncate(s: &str, cols: usize) -> String {
    let width = crate::ui::wrap::char_width;
    if s.chars().map(width).sum::<usize>() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        if w + width(c) + 1 > cols {
            break;
        }
        out.push(c);
        w += width(c);
    }
    out.push('…');
    out
}

/// A date as the list shows it: an ISO timestamp cut to its day; any other
/// form ("March 2, 2017", as scraped text gives it) whole, since cutting it
/// to ten characters would show a wrong year.
fn day(d: &str) -> &str {
    let b = d.as_bytes();
    let iso = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if iso {
        &d[..10]
    } else {
        d
    }
}
