//! Shared by the reader's render tests (`ui_snapshots`, `ui_safety`): a
//! fixed corpus written here (so the screens do not churn when the sample
//! corpus changes), a way to drive the reader through its keymap exactly
//! as the app loop does, and rendering to a `TestBackend` buffer.
//!
//! Include it with `#[path = "support/ui.rs"] mod ui;`.

#![allow(dead_code)] // each test binary uses its own part of it

use crossterm::event::KeyEvent;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use sitrep::corpus::{parse, Draft};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::model::{Article, ByteSpan, Format, Summary};
use sitrep::ui::keymap::{parse_chord, Keymap};
use sitrep::ui::state::State;
use sitrep::ui::theme::Theme;
use sitrep::ui::update::{self, Effect, Msg};
use sitrep::ui::view::{self, Ctx};
use unicode_width::UnicodeWidthStr;

/// Scraped-text style: a menu glued into one line, the title, a byline and
/// date, the body, a share bar and a short comment thread.
pub const PALMYRA: &str = "\
HomeSyriaIraqVideo

Syrian Army Pushes Toward Palmyra as ISIS Lines Collapse

By Karim Haddad
March 2, 2017

The Syrian Arab Army (SAA) and allied Hezbollah units pushed 20 km east of Homs overnight, a military source told reporters. ISIS fighters withdrew toward Palmyra after losing the hills above the T4 airbase.

The source said about 300 fighters from ISIS had been killed since the start of the offensive. Russian aircraft struck positions near Palmyra and along the road to Deir ez-Zor.

Share this article

3 comments

  • Abu Yusuf

    20 km in one night? The SAA said the same last winter.

  • marco_r

    Palmyra again. Hope the ruins survive this time.
";

/// A wire story with a dateline.
pub const DEIR_EZ_ZOR: &str = "\
Deir ez-Zor Garrison Holds as ISIS Storms Airport Road

DEIR EZ-ZOR, Syria (AFP) — Government troops in the besieged city of Deir ez-Zor repelled an ISIS assault on the airport road on Sunday, the Syrian Observatory for Human Rights said.

The monitor said at least 45 militants and 12 soldiers were killed in the fighting, which lasted nine hours. The SAA garrison, cut off since 2015, is resupplied only by air drops.

Residents said shelling hit the Joura district for a second day.
";

pub const QUSAYR: &str = "\
Hezbollah Sends Reinforcements to Qusayr Front

Hezbollah has moved around 1,500 fighters from Lebanon to the countryside south of Homs, according to opposition activists.

Advertisement

The activists said convoys crossed near Qusayr on Thursday. Hezbollah did not comment. The Free Syrian Army said its units still held three villages 8 km west of the town.
";

pub const RAQQA: &str = "\
SDF Closes In on Raqqa From the North

The Syrian Democratic Forces (SDF) advanced 5 km toward Raqqa on Monday, a spokesman said, taking two farms north of the city.

US-led coalition aircraft carried out 17 strikes around Raqqa and Tabqa, the coalition said.
";

/// The corpus as files: (file name, text), in the order a folder load
/// lists them.
pub const CORPUS: &[(&str, &str)] = &[
    ("01-palmyra.txt", PALMYRA),
    ("02-deir-ez-zor.txt", DEIR_EZ_ZOR),
    ("03-qusayr.txt", QUSAYR),
    ("04-raqqa.txt", RAQQA),
];

/// Coordinates pinned for the map, whatever the gazetteer holds today, so
/// the map screens stay put.
const COORDS: &[(&str, f64, f64)] = &[
    ("Palmyra", 34.56, 38.27),
    ("Homs", 34.73, 36.71),
    ("Deir ez-Zor", 35.33, 40.14),
    ("Joura", 35.34, 40.12),
    ("Qusayr", 34.51, 36.58),
    ("al-Qusayr", 34.51, 36.58),
    ("Raqqa", 35.95, 39.01),
    ("Tabqa", 35.84, 38.55),
];

/// An article from scraped text, as `corpus::load` would make it.
pub fn article(path: &str, text: &str) -> Article {
    let d: Draft = parse(Format::Text, text).unwrap().drafts.remove(0);
    d.into_article(path.into(), Format::Text)
}

/// The real extractor over the built-in tables, built once per test binary.
pub fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new(&Tables::builtin().unwrap()))
}

/// Summaries from the real extractor, coordinates pinned.
pub fn summarise(articles: &[Article]) -> Vec<Summary> {
    let ex = extractor();
    articles
        .iter()
        .map(|a| {
            let mut s = ex.extract(a);
            for l in &mut s.locations {
                let pinned = COORDS.iter().find(|(n, _, _)| *n == l.name);
                l.lat = pinned.map(|p| p.1);
                l.lon = pinned.map(|p| p.2);
            }
            s
        })
        .collect()
}

pub fn corpus_state() -> State {
    let articles: Vec<Article> = CORPUS.iter().map(|(p, t)| article(p, t)).collect();
    let summaries = summarise(&articles);
    State::new(articles, summaries)
}

pub fn theme(name: &str) -> Theme {
    Theme::builtin(name).unwrap()
}

/// A reader session at a fixed terminal size: state, theme and keymap, fed
/// keys the way the app loop feeds them (viewport from the last layout).
pub struct Session {
    pub state: State,
    pub theme: Theme,
    pub keymap: Keymap,
    pub ascii: bool,
    pub width: u16,
    pub height: u16,
}

impl Session {
    pub fn new(state: State, width: u16, height: u16) -> Session {
        let mut s = Session {
            state,
            theme: theme("default"),
            keymap: Keymap::default_map(),
            ascii: false,
            width,
            height,
        };
        s.state.viewport = view::viewport(s.area());
        s
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    /// Presses keys by their keymap names ("j", "tab", "enter", "?").
    pub fn keys(&mut self, names: &[&str]) -> Vec<Effect> {
        let mut effects = Vec::new();
        for name in names {
            let chord = parse_chord(name).unwrap_or_else(|| panic!("no key named {name:?}"));
            effects.extend(self.press(KeyEvent::new(chord.code, chord.mods)));
        }
        effects
    }

    /// Types text at a prompt, one key a character.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let name = if c == ' ' {
                "space".to_string()
            } else {
                c.to_string()
            };
            self.keys(&[&name]);
        }
    }

    pub fn press(&mut self, key: KeyEvent) -> Option<Effect> {
        self.state.viewport = view::viewport(self.area());
        let msg = update::key_to_msg(&self.state, &self.keymap, key)?;
        update::update(&mut self.state, msg)
    }

    /// Sends a message directly (for input no terminal key can make).
    pub fn send(&mut self, msg: Msg) -> Option<Effect> {
        self.state.viewport = view::viewport(self.area());
        update::update(&mut self.state, msg)
    }

    pub fn render(&mut self) -> Buffer {
        self.state.viewport = view::viewport(self.area());
        let backend = TestBackend::new(self.width, self.height);
        let mut terminal = Terminal::new(backend).unwrap();
        let ctx = Ctx {
            theme: &self.theme,
            keymap: &self.keymap,
            ascii: self.ascii,
        };
        terminal.draw(|f| view::draw(f, &self.state, &ctx)).unwrap();
        terminal.backend().buffer().clone()
    }

    pub fn screen(&mut self) -> String {
        screen_text(&self.render())
    }

    /// Inner area of the reader pane (inside its border).
    pub fn reader_inner(&self) -> Rect {
        let a = view::layout(self.area()).expect("terminal large enough");
        Rect::new(
            a.reader.x + 1,
            a.reader.y + 1,
            a.reader.width - 2,
            a.reader.height - 2,
        )
    }

    /// The screen cells the reader draws a span of the open article on,
    /// computed from the text's own offsets (as the reader wraps it), when
    /// the span is scrolled into view. One cell a character.
    pub fn cells_of(&self, span: ByteSpan) -> Vec<(u16, u16)> {
        let inner = self.reader_inner();
        let (a, _) = self.state.article().expect("an article is open");
        let lines = sitrep::ui::wrap::wrap(&a.text, inner.width as usize);
        let mut out = Vec::new();
        for (n, &(s, e)) in lines.iter().enumerate() {
            if n < self.state.scroll || n >= self.state.scroll + inner.height as usize {
                continue;
            }
            let y = inner.y + (n - self.state.scroll) as u16;
            let mut col = 0usize;
            for (i, c) in a.text[s..e].char_indices() {
                let at = s + i;
                if at >= span.start && at < span.end {
                    out.push((inner.x + col as u16, y));
                }
                col += sitrep::ui::wrap::char_width(c);
            }
        }
        out
    }
}

/// The buffer as text, one line a row, trailing blanks trimmed. The cell
/// after a wide character is skipped, as a terminal would show it.
pub fn screen_text(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    let mut out = String::new();
    for row in buf.content.chunks(w) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in row {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = cell.symbol();
            line.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `PALMYRA` on an aggregator: a new headline and chrome, the same body,
/// its own comments. One story with it.
pub const PALMYRA_REPOST: &str = "\
Army closes on Palmyra, ISIS lines crumble (PHOTOS)

Posted by editor | Levant Roundup
March 2, 2017

The Syrian Arab Army (SAA) and allied Hezbollah units pushed 20 km east of Homs overnight, a military source told reporters. ISIS fighters withdrew toward Palmyra after losing the hills above the T4 airbase.

The source said about 300 fighters from ISIS had been killed since the start of the offensive. Russian aircraft struck positions near Palmyra and along the road to Deir ez-Zor.

Source: Syria Frontline News

1 comment

  • tadmur_watch

    Same story as yesterday, new photos.
";

/// A monitor's lower toll for the same offensive, a day later.
pub const PALMYRA_TOLL: &str = "\
Monitor Puts ISIS Losses East of Homs Far Lower

By Lina Saad
March 3, 2017

The Syrian Observatory for Human Rights said 120 ISIS fighters had been killed since the start of the offensive, well below the army's count.

The monitor said government troops were within 8 km of Palmyra on Friday.
";

/// Files for the cross-corpus views: a story and its repost, a
/// conflicting toll, and an unrelated story.
pub const CROSS: &[(&str, &str)] = &[
    ("01-palmyra.txt", PALMYRA),
    ("02-palmyra-repost.txt", PALMYRA_REPOST),
    ("03-palmyra-toll.txt", PALMYRA_TOLL),
    ("04-qusayr.txt", QUSAYR),
];

pub fn cross_state() -> State {
    let articles: Vec<Article> = CROSS.iter().map(|(p, t)| article(p, t)).collect();
    let summaries = summarise(&articles);
    State::new(articles, summaries)
}
