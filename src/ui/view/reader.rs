//! The article as read: title bold, chrome dimmed, the comment thread below
//! the body, every mention highlighted by kind, search hits and the
//! current jump target on top. Control characters from the text are drawn
//! as visible glyphs, one per character, so offsets and highlights agree.

use super::{focused, pane_block, Ctx};
use crate::model::ByteSpan;
use crate::sanitize;
use crate::ui::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Highlight layers, lowest first; later layers patch earlier ones.
pub fn layers(state: &State, ctx: &Ctx) -> Vec<(Vec<ByteSpan>, Style)> {
    let t = ctx.theme;
    let Some((a, s)) = state.article() else {
        return Vec::new();
    };
    let sorted = |mut v: Vec<ByteSpan>| {
        v.sort();
        v
    };
    let comments = match (a.comments.first(), a.comments.last()) {
        (Some(f), Some(l)) => vec![ByteSpan::new(f.span.start, l.span.end)],
        _ => Vec::new(),
    };
    vec![
        (a.title_span.into_iter().collect(), t.get("reader.title")),
        (sorted(a.chrome.clone()), t.get("reader.chrome")),
        (comments, t.get("reader.comment")),
        (
            sorted(
                s.locations
                    .iter()
                    .flat_map(|l| l.mentions.iter().map(|m| m.span()))
                    .collect(),
            ),
            t.get("reader.location"),
        ),
        (
            sorted(
                s.forces
                    .iter()
                    .flat_map(|f| f.mentions.iter().map(|m| m.span()))
                    .collect(),
            ),
            t.get("reader.force"),
        ),
        (
            sorted(
                s.claims
                    .iter()
                    .map(|c| ByteSpan::new(c.quantity_start, c.quantity_end))
                    .collect(),
            ),
            t.get("reader.claim"),
        ),
        (
            sorted(
                state
                    .article_notes()
                    .iter()
                    .filter_map(|(_, anchor)| match anchor {
                        crate::store::Anchor::Attached(s) => Some(*s),
                        _ => None,
                    })
                    .collect(),
            ),
            t.get("reader.note"),
        ),
        (
            state.selection_span().into_iter().collect(),
            t.get("reader.selection"),
        ),
        (state.search_hits.clone(), t.get("reader.search")),
        (state.current.into_iter().collect(), t.get("reader.current")),
    ]
}

fn covers(spans: &[ByteSpan], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    // Spans may nest or overlap: look at the few that end after `at`.
    spans[i..]
        .iter()
        .take(4)
        .any(|s| s.start <= at && at < s.end)
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    let title = match state.article() {
        Some((a, _)) => a.path.clone(),
        None => "Text".to_string(),
    };
    let is_focused = focused(state, Pane::Reader);
    let block = pane_block(ctx, title, is_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((a, _)) = state.article() else {
        return;
    };
    let lines = crate::ui::wrap::wrap(&a.text, inner.width as usize);
    let layers = layers(state, ctx);
    let base = t.get("reader.text");
    let out: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(inner.height as usize)
        .map(|(n, &(s, e))| {
            let line_base = if is_focused && n == state.cursor {
                base.patch(t.get("reader.cursor"))
            } else {
                base
            };
            let mut spans: Vec<Span> = Vec::new();
            let indent = crate::ui::wrap::indent_at(&a.text, s, inner.width as usize);
            if indent > 0 {
                spans.push(Span::styled(" ".repeat(indent), line_base));
            }
            let mut run = String::new();
            let mut run_style = line_base;
            for (i, c) in a.text[s..e].char_indices() {
                let at = s + i;
                let mut st = line_base;
                for (l, ls) in &layers {
                    if covers(l, at) {
                        st = st.patch(*ls);
                    }
                }
                if st != run_style && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), run_style));
                }
                run_style = st;
                run.push(match c {
                    '\t' => ' ',
                    c => sanitize::glyph(c).unwrap_or(c),
                });
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, run_style));
            }
            if spans.is_empty() && is_focused && n == state.cursor {
                spans.push(Span::styled(" ", line_base));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(out), inner);
}
