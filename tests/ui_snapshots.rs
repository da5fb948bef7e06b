//! Every screen of the reader, rendered to a `TestBackend` at 80x24 (the
//! narrow layout) and 120x40 (three columns), and snapshotted as text; then
//! the cell styles of highlights under the default and colourless themes.
//!
//! Accept new or changed screens with
//! `INSTA_UPDATE=always cargo test --test ui_snapshots`, then read the
//! `.snap` files in tests/snapshots/ before committing them.

#![cfg(feature = "tui")]

#[path = "support/ui.rs"]
mod ui;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use sitrep::model::{ByteSpan, Mention};
use sitrep::store::Op;
use sitrep::ui::state::{Item, Mode, Pane, Prompt, State};
use sitrep::ui::theme::Theme;
use sitrep::ui::update::Effect;
use ui::{corpus_state, theme, Session};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, w: u16, h: u16, screen: String) {
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

#[test]
fn main_list_focused_article_open() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        assert_eq!(s.state.focus, Pane::List);
        assert_eq!(s.state.selected(), Some(0));
        snap("main_list", w, h, s.screen());
    }
}

#[test]
fn main_ascii() {
    let mut s = Session::new(corpus_state(), 80, 24);
    s.ascii = true;
    s.keys(&["j"]);
    let screen = s.screen();
    // Borders and markers are ASCII (the text and the summary's own
    // punctuation may not be).
    let fancy = |c: char| ('\u{2500}'..='\u{259f}').contains(&c) || "▶▸●▏".contains(c);
    assert!(
        !screen.chars().any(fancy),
        "--ascii drew a box or marker glyph:\n{screen}"
    );
    assert!(
        screen.contains("+> Articles 4---") && screen.contains("> Deir ez-Zor"),
        "{screen}"
    );
    snap("main_ascii", 80, 24, screen);
}

#[test]
fn reader_focused_after_search() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["tab", "/"]);
        assert_eq!(s.state.mode, Mode::Input(Prompt::Search));
        s.type_text("palmyra");
        s.keys(&["enter"]);
        assert_eq!(s.state.focus, Pane::Reader);
        assert_eq!(
            s.state.search_hits.len(),
            4,
            "title, two in the body, one in a comment: {:?}",
            s.state.search_hits
        );
        assert_eq!(s.state.status.as_deref(), Some("4 matches"));
        s.keys(&["n"]);
        assert_eq!(s.state.status.as_deref(), Some("2 of 4"));
        snap("reader_search", w, h, s.screen());
    }
}

#[test]
fn summary_focused_after_jump() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["3"]);
        let forces = s.state.article().unwrap().1.forces.len();
        for _ in 0..forces {
            s.keys(&["j"]);
        }
        assert!(matches!(
            s.state.items()[s.state.summary_sel],
            Item::Location(_)
        ));
        s.keys(&["enter"]);
        assert_eq!(s.state.focus, Pane::Summary);
        assert!(s.state.current.is_some());
        assert!(
            s.state
                .status
                .as_deref()
                .unwrap()
                .starts_with("mention 1 of "),
            "{:?}",
            s.state.status
        );
        snap("summary_jump", w, h, s.screen());
    }
}

#[test]
fn filter_that_does_not_parse_says_where() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["f"]);
        s.type_text("force:hezbollah or (loc:");
        assert_eq!(s.state.mode, Mode::Input(Prompt::Filter));
        assert_eq!(
            s.state.status.as_deref(),
            Some("expected a value after the field at 24")
        );
        assert_eq!(
            s.state.visible,
            vec![0, 2],
            "the list stays as the last query that parsed left it"
        );
        let screen = s.screen();
        assert!(screen.contains("expected a value"), "{screen}");
        snap("filter_error", w, h, screen);
        s.type_text("Palmyra)");
        assert_eq!(s.state.status, None);
    }
}

#[test]
fn summary_claim_graded() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["3"]);
        let first_claim = s
            .state
            .items()
            .iter()
            .position(|i| matches!(i, Item::Claim(_)))
            .expect("a claim");
        for _ in 0..first_claim {
            s.keys(&["j"]);
        }
        s.keys(&["r"]);
        assert_eq!(s.state.mode, Mode::Input(Prompt::Grade));
        assert!(s.screen().contains("grade the source"));
        s.type_text("b2");
        let effects = s.keys(&["enter"]);
        let [Effect::Store { ops, undo, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        let [Op::Grade(g)] = ops.as_slice() else {
            panic!("{ops:?}")
        };
        assert_eq!(g.grade.to_string(), "B2");
        assert!(matches!(undo.as_deref(), Some([Op::Ungrade { .. }])));
        // What the app loop does once the store has it.
        s.state.grades.push(g.clone());
        let screen = s.screen();
        assert!(screen.contains("[B2]"), "{screen}");
        snap("summary_graded", w, h, screen);
        // Asking again offers the grade there is; a bad one is refused.
        s.keys(&["r"]);
        assert_eq!(s.state.input, "B2");
        s.keys(&["backspace", "backspace"]);
        s.type_text("G7");
        assert!(s.keys(&["enter"]).is_empty());
        assert!(s
            .state
            .status
            .as_deref()
            .unwrap()
            .starts_with("not an Admiralty grade"));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["?"]);
        assert_eq!(s.state.mode, Mode::Help);
        let screen = s.screen();
        assert!(screen.contains("Help (esc closes)"));
        snap("help", w, h, screen);
        s.keys(&["esc"]);
        assert_eq!(s.state.mode, Mode::Normal);
    }
}

#[test]
fn filter_prompt_with_live_filter() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["f"]);
        s.type_text("force:hezbollah");
        assert_eq!(s.state.mode, Mode::Input(Prompt::Filter));
        assert_eq!(
            s.state.visible,
            vec![0, 2],
            "live filter applied while typing"
        );
        let screen = s.screen();
        assert!(
            screen.contains("Articles 2/4 [force:hez"),
            "the title counts what is shown:\n{screen}"
        );
        snap("filter_prompt", w, h, screen);
        s.keys(&["enter"]);
        assert_eq!(s.state.filter, "force:hezbollah");
        snap("filter_applied", w, h, s.screen());
    }
}

#[test]
fn map_pane() {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["m"]);
        assert!(s.state.show_map);
        let placed = s
            .state
            .article()
            .unwrap()
            .1
            .locations
            .iter()
            .filter(|l| l.lat.is_some())
            .count();
        assert!(placed >= 2, "Palmyra and Homs at least");
        // List focused: the places of every article in the list.
        let screen = s.screen();
        assert!(screen.contains("Map of the list: "), "{screen}");
        let listed: usize = screen
            .split("Map of the list: ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(listed > placed, "{screen}");
        // Reader focused: the open article's places only.
        s.keys(&["tab"]);
        let article_screen = s.screen();
        assert!(
            article_screen.contains(&format!("Map of the article: {placed} places")),
            "{article_screen}"
        );
        s.keys(&["shift-tab"]);
        assert!(
            article_screen.contains("●Palmyra") && article_screen.contains("●Homs"),
            "{article_screen}"
        );
        snap("map", w, h, screen);
    }
}

#[test]
fn empty_corpus() {
    for (w, h) in SIZES {
        let mut s = Session::new(State::new(vec![], vec![]), w, h);
        let screen = s.screen();
        assert!(screen.contains("No articles. Open a file or"), "{screen}");
        snap("empty", w, h, screen);
        // Nothing to move through, search or jump to: no key may panic.
        s.keys(&[
            "j", "k", "G", "g", "enter", "tab", "j", "enter", "n", "N", "tab", "j", "enter", "n",
            "m",
        ]);
        s.keys(&["/"]);
        s.type_text("isis");
        s.keys(&["enter", "f"]);
        s.type_text("x");
        s.keys(&["enter", "esc"]);
        let screen = s.screen();
        assert!(screen.contains("No articles."), "{screen}");
        assert!(screen.contains("No place in this article has"), "{screen}");
    }
}

#[test]
fn too_small_notice() {
    for (w, h) in [(50, 12), (59, 24), (80, 15)] {
        let mut s = Session::new(corpus_state(), w, h);
        s.keys(&["j", "tab", "j", "?"]);
        let screen = s.screen();
        assert!(
            screen.contains("sitrep needs a terminal of at least 60x16"),
            "{w}x{h}:\n{screen}"
        );
        if (w, h) == (50, 12) {
            snap("too_small", w, h, screen);
        }
    }
}

// ---- cell styles ----------------------------------------------------------

/// A mention in the article body (not the title, not a comment).
fn body_mention<'a>(s: &Session, mentions: impl IntoIterator<Item = &'a Mention>) -> ByteSpan {
    let (a, _) = s.state.article().unwrap();
    let title_end = a.title_span.map_or(0, |t| t.end);
    mentions
        .into_iter()
        .map(|m| m.span())
        .find(|sp| sp.start >= title_end && sp.end <= a.body_end())
        .expect("a body mention")
}

struct Spans {
    force: ByteSpan,
    location: ByteSpan,
    claim: ByteSpan,
}

fn palmyra_spans(s: &Session) -> Spans {
    let (art, sum) = s.state.article().unwrap();
    let saa = sum
        .forces
        .iter()
        .find(|f| f.name == "Syrian Arab Army")
        .expect("the SAA is found");
    let homs = sum
        .locations
        .iter()
        .find(|l| l.name == "Homs")
        .expect("Homs is found");
    let claim = sum
        .claims
        .iter()
        .find(|c| c.quantity(&art.text) == "20 km")
        .expect("the 20 km claim is found");
    Spans {
        force: body_mention(
            s,
            saa.mentions.iter().filter(|m| m.text(&art.text) == "SAA"),
        ),
        location: body_mention(s, &homs.mentions),
        claim: ByteSpan::new(claim.quantity_start, claim.quantity_end),
    }
}

/// The cells a span is drawn on, checked to show exactly its text.
fn cells<'b>(s: &Session, buf: &'b Buffer, span: ByteSpan) -> Vec<&'b ratatui::buffer::Cell> {
    let text = span.slice(&s.state.article().unwrap().0.text).to_string();
    let at = s.cells_of(span);
    assert_eq!(at.len(), text.chars().count(), "{text:?} is on screen");
    let cells: Vec<_> = at.iter().map(|&(x, y)| &buf[(x, y)]).collect();
    let shown: String = cells.iter().map(|c| c.symbol()).collect();
    assert_eq!(
        shown, text,
        "the highlight sits on the mention's own letters"
    );
    cells
}

/// The cells just outside a span on its line.
fn neighbours<'b>(s: &Session, buf: &'b Buffer, span: ByteSpan) -> Vec<&'b ratatui::buffer::Cell> {
    let at = s.cells_of(span);
    let (first, last) = (at[0], at[at.len() - 1]);
    let inner = s.reader_inner();
    let mut out = Vec::new();
    if first.0 > inner.x {
        out.push(&buf[(first.0 - 1, first.1)]);
    }
    if last.0 + 1 < inner.x + inner.width {
        out.push(&buf[(last.0 + 1, last.1)]);
    }
    out
}

fn check_kind(s: &Session, buf: &Buffer, span: ByteSpan, want: Style, colour: bool, what: &str) {
    for c in cells(s, buf, span) {
        assert!(
            c.modifier.contains(want.add_modifier),
            "{what} {:?}: {:?} lacks {:?}",
            c.symbol(),
            c.modifier,
            want.add_modifier
        );
        if colour {
            assert_eq!(Some(c.fg), want.fg, "{what} {:?} fg", c.symbol());
        } else {
            assert_eq!(
                c.fg,
                Color::Reset,
                "{what} {:?} carries a colour",
                c.symbol()
            );
            assert_eq!(
                c.bg,
                Color::Reset,
                "{what} {:?} carries a background",
                c.symbol()
            );
        }
    }
    for c in neighbours(s, buf, span) {
        assert!(
            !c.modifier.contains(want.add_modifier),
            "{what}: neighbour {:?} is highlighted too",
            c.symbol()
        );
    }
}

fn check_theme(t: Theme, colour: bool) {
    for (w, h) in SIZES {
        let mut s = Session::new(corpus_state(), w, h);
        s.theme = t.clone();
        let buf = s.render();
        let sp = palmyra_spans(&s);
        let force = t.get("reader.force");
        let location = t.get("reader.location");
        let claim = t.get("reader.claim");
        check_kind(&s, &buf, sp.force, force, colour, "force");
        check_kind(&s, &buf, sp.location, location, colour, "location");
        check_kind(&s, &buf, sp.claim, claim, colour, "claim");
        // Each kind still tells itself apart with colour gone.
        let m = |span| cells(&s, &buf, span)[0].modifier;
        let (fm, lm, cm) = (m(sp.force), m(sp.location), m(sp.claim));
        assert!(
            fm != lm && lm != cm && fm != cm,
            "{}: kinds share modifiers {fm:?} {lm:?} {cm:?}",
            t.name
        );
        assert!(!fm.is_empty() && !lm.is_empty() && !cm.is_empty());
    }
}

#[test]
fn default_theme_styles_mentions_by_kind() {
    let t = theme("default");
    assert_eq!(t.get("reader.force").add_modifier, Modifier::BOLD);
    assert_eq!(t.get("reader.location").add_modifier, Modifier::UNDERLINED);
    check_theme(t, true);
}

#[test]
fn monochrome_theme_keeps_every_cue() {
    check_theme(theme("monochrome"), false);
}

#[test]
fn no_colour_keeps_every_cue() {
    for name in ["default", "light", "high-contrast"] {
        check_theme(theme(name).without_colour(), false);
    }
}

#[test]
fn search_hits_and_jump_target_show_without_colour() {
    let mut s = Session::new(corpus_state(), 120, 40);
    s.theme = theme("default").without_colour();
    s.keys(&["/"]);
    s.type_text("homs");
    s.keys(&["enter"]);
    let buf = s.render();
    let hit = s.state.search_hits[0];
    for c in cells(&s, &buf, hit) {
        assert!(
            c.modifier.contains(Modifier::REVERSED),
            "search hit {:?} not reversed",
            c.symbol()
        );
    }
}
