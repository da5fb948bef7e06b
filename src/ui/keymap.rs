//! Per-mode key bindings as data: the embedded defaults plus the user's
//! `keymap.toml`. The help overlay and the status-bar hints are generated
//! from the same table, so they cannot disagree with the keys.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;
use std::path::Path;

pub const DEFAULT: &str = include_str!("keymap.toml");

/// The modes that have a table of their own.
pub const MODES: &[&str] = &[
    "global",
    "list",
    "reader",
    "summary",
    "visual",
    "annotations",
    "corpus",
    "help",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("keymap {file}: {message}")]
    Invalid { file: String, message: String },
}

/// Parses "j", "G", "ctrl-d", "backtab", "enter", "pagedown", "space".
pub fn parse_chord(s: &str) -> Option<Chord> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("shift-") {
            mods |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" if mods.contains(KeyModifiers::SHIFT) => {
            mods.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        r if r.chars().count() == 1 => {
            let c = r.chars().next()?;
            if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_ascii_uppercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => return None,
    };
    Some(Chord { code, mods })
}

/// The chord of a key event, normalised like `parse_chord` (shift folded
/// into the character).
pub fn chord_of(k: KeyEvent) -> Chord {
    let mut mods = k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match k.code {
        KeyCode::Char(c) if k.modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        KeyCode::BackTab => KeyCode::BackTab,
        c => c,
    };
    if matches!(code, KeyCode::Char(_)) || code == KeyCode::BackTab {
        mods.remove(KeyModifiers::SHIFT);
    }
    Chord { code, mods }
}

pub fn chord_name(c: Chord) -> String {
    let mut s = String::new();
    if c.mods.contains(KeyModifiers::CONTROL) {
        s.push_str("ctrl-");
    }
    if c.mods.contains(KeyModifiers::ALT) {
        s.push_str("alt-");
    }
    s.push_str(&match c.code {
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "shift-tab".into(),
        KeyCode::Backspace => "backspace".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pgup".into(),
        KeyCode::PageDown => "pgdn".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Char(' ') => "space".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    });
    s
}

#[derive(Debug, Clone)]
pub struct Keymap {
    /// mode -> chord -> action, in table order for the help.
    modes: BTreeMap<String, Vec<(Chord, Action)>>,
}

type RawKeymap = BTreeMap<String, BTreeMap<String, Action>>;

/// A mode's bindings, in table order.
type Bindings = Vec<(Chord, Action)>;

fn parse_raw(file: &str, text: &str) -> Result<Vec<(String, Bindings)>, KeymapError> {
    let err = |message: String| KeymapError::Invalid {
        file: file.to_string(),
        message,
    };
    let raw: RawKeymap = toml::from_str(text).map_err(|e| err(e.to_string()))?;
    let mut out = Vec::new();
    for (mode, table) in raw {
        if !MODES.contains(&mode.as_str()) {
            return Err(err(format!(
                "unknown mode [{mode}] (modes: {})",
                MODES.join(", ")
            )));
        }
        let mut binds = Vec::new();
        for (chord, action) in table {
            let c = parse_chord(&chord)
                .ok_or_else(|| err(format!("[{mode}] unknown key {chord:?}")))?;
            if binds.iter().any(|(b, _)| *b == c) {
                return Err(err(format!("[{mode}] {chord:?} is bound twice")));
            }
            binds.push((c, action));
        }
        out.push((mode, binds));
    }
    Ok(out)
}

impl Keymap {
    pub fn default_map() -> Keymap {
        let mut modes = BTreeMap::new();
        for (mode, binds) in
            parse_raw("keymap.toml (built in)", DEFAULT).expect("built-in keymap is valid")
        {
            modes.insert(mode, binds);
        }
        Keymap { modes }
    }

    /// The defaults with `keymap.toml` from the config dir laid over them.
    pub fn load(config_dir: &Path) -> Result<Keymap, KeymapError> {
        let mut km = Keymap::default_map();
        let path = config_dir.join("keymap.toml");
        if let Ok(text) = std::fs::read_to_string(&path) {
            km.overlay(&path.display().to_string(), &text)?;
        }
        Ok(km)
    }

    pub fn overlay(&mut self, file: &str, text: &str) -> Result<(), KeymapError> {
        for (mode, binds) in parse_raw(file, text)? {
            let table = self.modes.entry(mode).or_default();
            for (c, a) in binds {
                table.retain(|(b, _)| *b != c);
                if a != Action::None {
                    table.push((c, a));
                }
            }
        }
        Ok(())
    }

    pub fn lookup(&self, mode: &str, chord: Chord) -> Option<Action> {
        let find = |m: &str| {
            self.modes
                .get(m)
                .and_then(|t| t.iter().find(|(c, _)| *c == chord))
                .map(|(_, a)| *a)
        };
        // Overlays and selection take only their own keys.
        find(mode).or_else(|| {
            if matches!(mode, "help" | "visual" | "annotations" | "corpus") {
                None
            } else {
                find("global")
            }
        })
    }

    /// The bindings of one mode, for the help overlay.
    pub fn bindings(&self, mode: &str) -> &[(Chord, Action)] {
        self.modes.get(mode).map_or(&[], Vec::as_slice)
    }

    /// The first chord bound to `action` in `mode` (or global).
    pub fn key_for(&self, mode: &str, action: Action) -> Option<String> {
        [mode, "global"]
            .iter()
            .filter_map(|m| self.modes.get(*m))
            .flat_map(|t| t.iter())
            .filter(|(c, a)| *a == action && self.lookup(mode, *c) == Some(action))
            .map(|(c, _)| chord_name(*c))
            .min_by_key(|name| name.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_chord_is_bound_twice_in_a_mode() {
        let km = Keymap::default_map();
        for mode in MODES {
            let binds = km.bindings(mode);
            let mut seen = std::collections::HashSet::new();
            for (c, a) in binds {
                assert!(
                    seen.insert(*c),
                    "[{mode}] {} bound twice (second: {a:?})",
                    chord_name(*c)
                );
            }
        }
    }

    #[test]
    fn duplicate_after_normalising_is_refused() {
        let e = parse_raw(
            "k.toml",
            "[list]\n\"G\" = \"bottom\"\n\"shift-g\" = \"top\"\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("bound twice"), "{e}");
    }

    #[test]
    fn user_overlay_rebinds_and_unbinds() {
        let mut km = Keymap::default_map();
        let j = parse_chord("j").unwrap();
        assert_eq!(km.lookup("list", j), Some(Action::Down));
        km.overlay("user", "[list]\n\"j\" = \"none\"\n\"x\" = \"down\"\n")
            .unwrap();
        assert_eq!(km.lookup("list", j), None);
        assert_eq!(
            km.lookup("list", parse_chord("x").unwrap()),
            Some(Action::Down)
        );
        assert!(km.overlay("user", "[list]\n\"j\" = \"fly\"\n").is_err());
        assert!(km.overlay("user", "[nowhere]\n\"j\" = \"down\"\n").is_err());
    }

    #[test]
    fn events_normalise_like_names() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(chord_of(ev), parse_chord("G").unwrap());
        let ev = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(chord_of(ev), parse_chord("ctrl-d").unwrap());
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(chord_of(ev), parse_chord("shift-tab").unwrap());
    }
}
