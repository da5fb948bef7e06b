//! Terminal safety: article text is hostile. An article whose title, body,
//! comment and file name carry an OSC title change, a clear-screen CSI, a
//! C1 CSI and a bidi override is shown on every screen, and no cell may
//! hold a character a terminal would act on. The replacement glyphs keep
//! one cell a character, so highlights still sit on their own letters.

#![cfg(feature = "tui")]

#[path = "support/ui.rs"]
mod ui;

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use sitrep::model::{Article, ByteSpan};
use sitrep::ui::state::{Mode, Prompt, State};
use sitrep::ui::update::Msg;
use ui::{article, summarise, theme, Session, CORPUS};

const OSC: &str = "\x1b]0;X\x07";
const CLEAR: &str = "\x1b[2J";
const C1: &str = "\u{9b}";
const RLO: &str = "\u{202e}";

fn hostile_text() -> String {
    format!(
        "Raid on Homs {OSC}Outskirts{CLEAR} {C1}31m {RLO}Reported\n\
         \n\
         Local sources said {OSC}the raid{CLEAR} began at dawn {C1}2J and {RLO}lasted hours. \
         Then {CLEAR}the SAA entered the northern districts of Homs with Hezbollah units.\n\
         \n\
         A second paragraph names Palmyra and says 20 km of road was cut.\n\
         \n\
         2 comments\n\
         \n\
         \x20 • mal{CLEAR}lory{RLO}\n\
         \n\
         \x20   Believe none of it {OSC} {CLEAR} {C1} {RLO} the SAA lies.\n\
         \n\
         \x20 • Umm Khaled\n\
         \n\
         \x20   Pray for Homs.\n"
    )
}

fn hostile_article() -> Article {
    article(&format!("evil{OSC}{RLO}name.txt"), &hostile_text())
}

fn state() -> State {
    let mut articles = vec![hostile_article()];
    articles.extend(CORPUS.iter().take(2).map(|(p, t)| article(p, t)));
    let summaries = summarise(&articles);
    State::new(articles, summaries)
}

fn is_dangerous(c: char) -> bool {
    c < ' '
        || c == '\x7f'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_safe(buf: &Buffer, what: &str) {
    for (i, cell) in buf.content.iter().enumerate() {
        let sym = cell.symbol();
        if let Some(c) = sym.chars().find(|&c| is_dangerous(c)) {
            let (x, y) = (i as u16 % buf.area.width, i as u16 / buf.area.width);
            panic!(
                "{what}: cell ({x},{y}) holds {c:?} (symbol {sym:?})\n{}",
                ui::screen_text(buf)
            );
        }
    }
}

#[test]
fn the_hostile_article_parses_as_intended() {
    let a = hostile_article();
    assert!(
        a.title.contains('\x1b') && a.title.contains(RLO),
        "title {:?}",
        a.title
    );
    assert!(
        a.body_text().contains(OSC) && a.body_text().contains(C1),
        "body {:?}",
        a.body_text()
    );
    assert_eq!(a.comments.len(), 2, "{:?}", a.comments);
    assert!(
        a.comments[0].text.contains(OSC),
        "comment {:?}",
        a.comments[0]
    );
    assert!(
        a.comments[0].author.as_deref().unwrap_or("").contains(RLO),
        "author {:?}",
        a.comments[0].author
    );
}

/// Puts a session on one screen.
type Setup = dyn Fn(&mut Session);

/// Every screen, in every theme variant, at both sizes.
#[test]
fn no_screen_writes_a_control_character() {
    let screens: &[(&str, &Setup)] = &[
        ("main", &|_| {}),
        ("reader", &|s| {
            s.keys(&["tab", "G", "g"]);
        }),
        ("summary", &|s| {
            s.keys(&["3", "j", "enter", "n"]);
        }),
        ("help", &|s| {
            s.keys(&["?"]);
        }),
        ("map", &|s| {
            s.keys(&["m"]);
        }),
        ("search hits on the escapes", &|s| {
            s.keys(&["tab", "/"]);
            for c in OSC.chars() {
                s.send(Msg::Type(c));
            }
            s.keys(&["enter"]);
            assert!(
                s.state.status.as_deref().unwrap().ends_with("matches"),
                "{:?}",
                s.state.status
            );
        }),
        ("status message", &|s| {
            s.keys(&["/"]);
            for c in format!("nowhere{OSC}{CLEAR}{C1}{RLO}").chars() {
                s.send(Msg::Type(c));
            }
            s.keys(&["enter"]);
            assert!(
                s.state
                    .status
                    .as_deref()
                    .unwrap()
                    .starts_with("not found: nowhere\x1b"),
                "{:?}",
                s.state.status
            );
        }),
        ("filter prompt", &|s| {
            s.keys(&["f"]);
            for c in format!("homs{OSC}{CLEAR}{C1}{RLO}").chars() {
                s.send(Msg::Type(c));
            }
            assert_eq!(s.state.mode, Mode::Input(Prompt::Filter));
        }),
        ("filter applied", &|s| {
            s.keys(&["f"]);
            for c in format!("{RLO}{C1}").chars() {
                s.send(Msg::Type(c));
            }
            s.keys(&["enter"]);
        }),
        ("command prompt", &|s| {
            s.keys(&[":"]);
            for c in format!("x{OSC}{CLEAR}{C1}{RLO}").chars() {
                s.send(Msg::Type(c));
            }
        }),
        ("unknown command", &|s| {
            s.keys(&[":"]);
            for c in format!("x{OSC}{CLEAR}{C1}{RLO}").chars() {
                s.send(Msg::Type(c));
            }
            s.keys(&["enter"]);
            assert!(
                s.state
                    .status
                    .as_deref()
                    .unwrap()
                    .starts_with("unknown command"),
                "{:?}",
                s.state.status
            );
        }),
    ];
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, setup) in screens {
            for (variant, theme, ascii) in [
                ("default", theme("default"), false),
                ("monochrome ascii", theme("monochrome"), true),
                ("no colour", theme("default").without_colour(), false),
            ] {
                let mut s = Session::new(state(), w, h);
                s.theme = theme;
                s.ascii = ascii;
                setup(&mut s);
                let buf = s.render();
                assert_safe(&buf, &format!("{name} ({variant}, {w}x{h})"));
                if *name == "main" {
                    let screen = ui::screen_text(&buf);
                    // --ascii shows the escape as '?', otherwise as ␛.
                    let shown = if ascii {
                        screen.contains("?]0;X")
                    } else {
                        screen.contains('\u{241b}')
                    };
                    assert!(shown, "escapes are shown as glyphs, not dropped:\n{screen}");
                }
            }
        }
    }
}

/// The SAA mention after the clear-screen sequence in the body.
fn saa_after_escape(s: &Session) -> ByteSpan {
    let (a, sum) = s.state.article().unwrap();
    let after = a
        .text
        .find(&format!("{CLEAR}the SAA"))
        .expect("the body has it")
        + CLEAR.len();
    let saa = sum
        .forces
        .iter()
        .find(|f| f.name == "Syrian Arab Army")
        .expect("the SAA is found");
    saa.mentions
        .iter()
        .map(|m| m.span())
        .find(|sp| sp.start > after)
        .expect("a mention after the escape")
}

#[test]
fn highlights_line_up_after_escapes() {
    for (w, h) in [(80, 24), (120, 40), (64, 18)] {
        let mut s = Session::new(state(), w, h);
        let buf = s.render();
        let span = saa_after_escape(&s);
        let (a, _) = s.state.article().unwrap();
        assert_eq!(span.slice(&a.text), "SAA");
        let force = theme("default").get("reader.force");
        let at = s.cells_of(span);
        assert_eq!(at.len(), 3, "{w}x{h}: the mention is on screen");
        let shown: String = at.iter().map(|&p| buf[p].symbol()).collect();
        assert_eq!(
            shown,
            "SAA",
            "{w}x{h}: the highlight is on the mention's letters:\n{}",
            ui::screen_text(&buf)
        );
        for &p in &at {
            assert_eq!(
                Some(buf[p].fg),
                force.fg,
                "{w}x{h}: {:?} at {p:?}",
                buf[p].symbol()
            );
            assert!(buf[p].modifier.contains(force.add_modifier));
        }
        // Exactly its own letters: the cells either side are plain.
        let (first, last) = (at[0], at[2]);
        let inner = s.reader_inner();
        let before = (first.0 - 1, first.1);
        assert!(
            first.0 > inner.x,
            "{w}x{h}: the mention does not start a line"
        );
        assert_eq!(buf[before].symbol(), " ");
        assert_eq!(
            buf[before].fg,
            Color::Reset,
            "{w}x{h}: the space before is plain"
        );
        if last.0 + 1 < inner.x + inner.width {
            assert_eq!(
                buf[(last.0 + 1, last.1)].fg,
                Color::Reset,
                "{w}x{h}: the cell after is plain"
            );
        }
        // And the whole visual line is the text, one cell a character,
        // control characters as their glyphs.
        let lines = sitrep::ui::wrap::wrap(&a.text, inner.width as usize);
        for (n, &(ls, le)) in lines
            .iter()
            .enumerate()
            .skip(s.state.scroll)
            .take(inner.height as usize)
        {
            let y = inner.y + (n - s.state.scroll) as u16;
            let want: String = a.text[ls..le]
                .chars()
                .map(|c| {
                    if c == '\t' {
                        ' '
                    } else {
                        sitrep::sanitize::glyph(c).unwrap_or(c)
                    }
                })
                .collect();
            let got: String = (0..want.chars().count() as u16)
                .map(|i| buf[(inner.x + i, y)].symbol())
                .collect();
            assert_eq!(got, want, "{w}x{h}: visual line {n}");
        }
    }
}

/// Tags, notes and corrections come from the store, which an import or a
/// hand edit can fill with anything: every screen that shows them (list,
/// summary, notes list, note editor, tag prompt and its completion) draws
/// their control characters as glyphs too.
#[test]
fn hostile_tags_notes_and_corrections_are_drawn_safely() {
    use sitrep::store::{self, Correction, CorrectionKind};
    use std::collections::BTreeSet;
    let evil = format!("x{OSC}{CLEAR}{C1}{RLO}y");
    let mut st = state();
    let a = st.articles[0].clone();
    st.tags
        .entry(a.id.clone())
        .or_default()
        .extend([format!("tag{OSC}"), format!("t{C1}{RLO}")]);
    let at = a.text.find("Local sources").unwrap();
    let mut n = store::annotation(
        &a,
        Some(ByteSpan::new(at, at + "Local sources".len())),
        &format!("first line {evil}\nsecond {evil}\tend"),
        BTreeSet::from([format!("nt{CLEAR}")]),
    );
    n.author = evil.clone();
    n.modified = evil.clone();
    n.quote = format!("quote {evil}");
    st.annotations.push(n);
    let mut whole = store::annotation(&a, None, &evil, BTreeSet::new());
    whole.author = evil.clone();
    st.annotations.push(whole);
    for (kind, wrong) in [
        (CorrectionKind::Force, false),
        (CorrectionKind::Location, false),
        (CorrectionKind::Claim, false),
        (CorrectionKind::Force, true),
    ] {
        st.corrections.push(Correction {
            id: format!("c{}", st.corrections.len()),
            article: a.id.clone(),
            kind,
            wrong,
            name: format!("name {evil}"),
            span: None,
            note: evil.clone(),
            created: evil.clone(),
            author: evil.clone(),
        });
    }
    let screens: &[(&str, &Setup)] = &[
        ("list and reader", &|_| {}),
        ("summary", &|s| {
            s.keys(&["3", "G"]);
        }),
        ("notes list", &|s| {
            s.keys(&["A"]);
        }),
        ("note editor", &|s| {
            s.keys(&["A", "e"]);
        }),
        ("new note on the article", &|s| {
            s.keys(&["tab", "a"]);
        }),
        ("tag prompt, completed", &|s| {
            s.keys(&["t", "tab"]);
        }),
        ("map", &|s| {
            s.keys(&["m"]);
        }),
    ];
    for (name, setup) in screens {
        for (w, h) in [(80, 24), (140, 45)] {
            let mut s = Session::new(st.clone(), w, h);
            setup(&mut s);
            let buf = s.render();
            assert_safe(&buf, &format!("{name} ({w}x{h})"));
            if *name == "notes list" {
                assert!(
                    ui::screen_text(&buf).contains('\u{241b}'),
                    "the note is shown, escapes as glyphs:\n{}",
                    ui::screen_text(&buf)
                );
            }
        }
    }
}
