//! The structured summary: Forces, Locations, Claims. The chosen row is
//! highlighted; rows mentioned on the reader's cursor line are marked.

use super::list::truncate;
use super::{focused, pane_block, Ctx};
use crate::model::Claim;
use crate::sanitize::line as clean;
use crate::ui::state::{Item, Pane, State};
use crate::ui::update::items_at_cursor;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn claim_value(c: &Claim) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    match c.high {
        Some(h) => format!("{}–{} {}", n(c.value), n(h), c.unit),
        None => format!("{} {}", n(c.value), c.unit),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    let is_focused = focused(state, Pane::Summary);
    let block = pane_block(ctx, "Summary".into(), is_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((art, s)) = state.article() else {
        return;
    };
    let width = inner.width as usize;
    let corrections: Vec<&crate::store::Correction> = state
        .corrections
        .iter()
        .filter(|c| c.article == art.id)
        .collect();
    let is_wrong = |item: Item| {
        crate::ui::update::item_name(state, item).is_some_and(|(k, n)| {
            corrections
                .iter()
                .any(|c| c.wrong && c.kind == k && c.name == n)
        })
    };
    let marked = items_at_cursor(state);
    let items = state.items();
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_line = 0;
    let mut row = |lines: &mut Vec<Line>, item: Item, main: String, meta: String| {
        let idx = items.iter().position(|i| *i == item).unwrap_or(usize::MAX);
        let selected = idx == state.summary_sel;
        if selected {
            sel_line = lines.len();
        }
        let mark = match (is_wrong(item), marked.contains(&item), ctx.ascii) {
            (true, _, true) => "x ",
            (true, _, false) => "✗ ",
            (_, true, true) => "* ",
            (_, true, false) => "● ",
            _ => "  ",
        };
        let wrong = is_wrong(item);
        let style = if selected && is_focused {
            t.get("summary.selected")
        } else if wrong {
            t.get("summary.wrong")
        } else if selected {
            t.get("summary.item").patch(t.get("summary.marked"))
        } else {
            t.get("summary.item")
        };
        let main = truncate(&clean(&main), width.saturating_sub(2));
        let room = width.saturating_sub(2 + main.chars().count());
        lines.push(Line::from(vec![
            Span::styled(mark, t.get("summary.marked")),
            Span::styled(main, style),
            Span::styled(truncate(&clean(&meta), room), t.get("summary.meta")),
        ]));
    };
    let heading = |lines: &mut Vec<Line>, name: &str, n: usize| {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            format!("{name} ({n})"),
            t.get("summary.heading"),
        ));
    };
    let added = |lines: &mut Vec<Line>, kind: crate::store::CorrectionKind| {
        for c in corrections.iter().filter(|c| !c.wrong && c.kind == kind) {
            let who = format!(" (added by {})", clean(&c.author));
            lines.push(Line::from(vec![
                Span::styled("+ ", t.get("summary.added")),
                Span::styled(
                    truncate(&clean(&c.name), width.saturating_sub(2)),
                    t.get("summary.added"),
                ),
                Span::styled(
                    truncate(&who, width.saturating_sub(2 + c.name.chars().count())),
                    t.get("summary.meta"),
                ),
            ]));
        }
    };
    let tags = state.article_tags(&art.id);
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| format!("#{}", clean(t))).collect();
        lines.push(Line::styled(
            truncate(&tags.join(" "), width),
            t.get("list.tag"),
        ));
    }
    heading(&mut lines, "Forces", s.forces.len());
    for (i, f) in s.forces.iter().enumerate() {
        let mut seen: Vec<&str> = f
            .mentions
            .iter()
            .map(|m| m.text(&art.text))
            .filter(|m| *m != f.name)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let aliases = if seen.is_empty() {
            String::new()
        } else {
            format!(" ({})", seen.join(", "))
        };
        row(
            &mut lines,
            Item::Force(i),
            f.name.to_string(),
            format!(" ×{} {}{aliases}", f.mentions.len(), f.kind),
        );
    }
    added(&mut lines, crate::store::CorrectionKind::Force);
    heading(&mut lines, "Locations", s.locations.len());
    for (i, l) in s.locations.iter().enumerate() {
        let coords = match (l.lat, l.lon) {
            (Some(la), Some(lo)) => format!(" {la:.2},{lo:.2}"),
            _ => " (no coordinates)".into(),
        };
        row(
            &mut lines,
            Item::Location(i),
            l.name.to_string(),
            format!(" ×{} {}{coords}", l.mentions.len(), l.kind),
        );
    }
    added(&mut lines, crate::store::CorrectionKind::Location);
    heading(&mut lines, "Claims", s.claims.len());
    for (i, c) in s.claims.iter().enumerate() {
        let by = c
            .source
            .as_deref()
            .map(|s| format!(" — {s}"))
            .unwrap_or_else(|| " — unattributed".into());
        let date = c
            .date
            .as_deref()
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        let grade = state
            .grade_of(crate::model::ByteSpan::new(
                c.quantity_start,
                c.quantity_end,
            ))
            .map(|g| format!(" [{}]", g.grade))
            .unwrap_or_default();
        row(
            &mut lines,
            Item::Claim(i),
            claim_value(c),
            format!("{grade}{by}{date}"),
        );
    }
    added(&mut lines, crate::store::CorrectionKind::Claim);
    let h = inner.height as usize;
    let offset = (sel_line + 2).saturating_sub(h);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
}
