//! The reader's display of arbitrary text (proptest): whatever the article
//! holds (control characters, bidi overrides, wide, combining and Arabic
//! characters), every visual line is drawn one cell per column of its
//! characters' widths, control characters as one-cell glyphs, and a
//! highlight computed on the text's byte offsets lands on exactly its
//! characters.

#![cfg(feature = "tui")]

#[path = "support/ui.rs"]
mod ui;

use proptest::prelude::*;
use sitrep::model::ByteSpan;
use sitrep::sanitize;
use sitrep::ui::state::State;
use sitrep::ui::wrap::{char_width, wrap};
use ui::{article, summarise, theme, Session};

/// Whether `c` joins the character before it into one grapheme, as
/// ratatui groups the cells it draws.
fn extends_grapheme(c: char) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    format!("a{c}").graphemes(true).count() == 1
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(vec![
            "The SAA entered Homs ",
            "Palmyra ",
            "20 km ",
            "\n\n",
            "\n",
            "\t",
            "\u{627}\u{644}\u{62c}\u{64a}\u{634} ",
            "\u{5b9e}\u{5730}",
            "\u{1f600}",
            "\u{1acf}",
            "\u{915}\u{93e}",
            "\u{202e}",
            "\u{2066}",
            "\x1b[2J",
            "\x1b]0;t\x07",
            "\u{9b}",
            "\u{7f}",
            "\r",
        ])
        .prop_map(str::to_string),
        1 => "(?s).{0,8}",
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn lines_and_highlights_stay_aligned(body in body(), a in any::<usize>(), b in any::<usize>()) {
        let art = article("prop.txt", &format!("Shelling Near Homs\n\n{body}"));
        let summaries = summarise(std::slice::from_ref(&art));
        let text = art.text.clone();
        let mut s = Session::new(State::new(vec![art], summaries), 100, 30);
        // A highlight (a search hit) on a span chosen on char boundaries.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let hit = ByteSpan::new(x.min(y), x.max(y));
        s.state.search_hits = vec![hit];
        let buf = s.render();
        let inner = s.reader_inner();
        let width = inner.width as usize;
        let search = theme("default").get("reader.search");
        prop_assert!(!search.add_modifier.is_empty());
        // Every visual line: its characters, made safe, one cell per
        // column, from the line's indentation on.
        for (n, &(ls, le)) in wrap(&text, width)
            .iter()
            .enumerate()
            .take(inner.height as usize)
        {
            let yy = inner.y + n as u16;
            let mut col = sitrep::ui::wrap::indent_at(&text, ls, width);
            for (i, c) in text[ls..le].char_indices() {
                let at = ls + i;
                let w = char_width(c);
                if w == 0 {
                    continue; // drawn joined to the cell before
                }
                if extends_grapheme(c) && !sanitize::is_unsafe(c) {
                    // A mark that also takes a column (U+1ACF, a vowel
                    // sign): ratatui draws it in the cell before when the
                    // two share a span, in its own cell otherwise. Either
                    // way it takes its columns, which the next character
                    // checks.
                    col += w;
                    continue;
                }
                let want = match c {
                    '\t' => ' ',
                    c => sanitize::glyph(c).unwrap_or(c),
                };
                let cell = &buf[(inner.x + col as u16, yy)];
                prop_assert!(
                    cell.symbol().starts_with(want),
                    "line {} col {}: {:?} drawn as {:?}\n{}",
                    n, col, c, cell.symbol(), ui::screen_text(&buf)
                );
                // The highlight sits on its characters.
                if at >= hit.start && at < hit.end {
                    prop_assert!(
                        cell.modifier.contains(search.add_modifier),
                        "{:?} at {} in the hit {:?} is not highlighted", c, at, hit
                    );
                }
                col += w;
            }
        }
        // Nothing a terminal would act on is in any cell.
        for cell in buf.content.iter() {
            prop_assert!(!cell.symbol().chars().any(|c| sanitize::is_unsafe(c) || c.is_control()));
        }
    }
}
