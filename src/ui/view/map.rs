//! The map pane: the open article's places with coordinates, plotted over
//! ratatui's world coastline map on a Canvas, framed around the points.

use super::{pane_block, Ctx};
use crate::ui::state::State;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    // With the list focused the map shows the filtered list's places,
    // else the open article's.
    let whole_list = state.focus == crate::ui::state::Pane::List;
    let summaries: Vec<&crate::model::Summary> = if whole_list {
        state.visible.iter().map(|&i| &state.summaries[i]).collect()
    } else {
        state.article().map(|(_, s)| s).into_iter().collect()
    };
    let mut points: Vec<(f64, f64, String)> = Vec::new();
    for s in summaries {
        for l in &s.locations {
            if let (Some(lon), Some(lat)) = (l.lon, l.lat) {
                let name = crate::sanitize::line(&l.name);
                if !points.iter().any(|p| p.2 == name) {
                    points.push((lon, lat, name));
                }
            }
        }
    }
    let scope = if whole_list { "list" } else { "article" };
    let block = pane_block(
        ctx,
        format!("Map of the {scope}: {} places", points.len()),
        false,
    );
    if points.is_empty() {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new("No place in this article has coordinates.")
                .style(t.get("summary.meta"))
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y, _) in &points {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    // At least 6 degrees across, with a margin, so a lone point has context.
    let pad_x = ((6.0 - (x1 - x0)).max(0.0) / 2.0) + 1.0;
    let pad_y = ((4.0 - (y1 - y0)).max(0.0) / 2.0) + 1.0;
    let (x0, x1, y0, y1) = (
        (x0 - pad_x).max(-180.0),
        (x1 + pad_x).min(180.0),
        (y0 - pad_y).max(-90.0),
        (y1 + pad_y).min(90.0),
    );
    let ascii = ctx.ascii;
    let canvas = Canvas::default()
        .block(block)
        .marker(if ascii {
            Marker::Block
        } else {
            Marker::Braille
        })
        .x_bounds([x0, x1])
        .y_bounds([y0, y1])
        .paint(move |c| {
            if !ascii {
                c.draw(&Map {
                    resolution: MapResolution::High,
                    color: t.get("map.land").fg.unwrap_or_default(),
                });
                c.layer();
            }
            for (x, y, name) in &points {
                let mark = if ascii { "*" } else { "●" };
                c.print(
                    *x,
                    *y,
                    Line::styled(format!("{mark}{name}"), t.get("map.point")),
                );
            }
        });
    frame.render_widget(canvas, area);
}
