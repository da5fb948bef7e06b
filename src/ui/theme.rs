//! Themes: `themes/*.toml` map semantic keys (`reader.force`,
//! `list.selected`, …) to styles over the 16 ANSI colours. The default
//! theme is embedded so the binary runs without the folder; unknown keys
//! and colours are refused with the file named.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Every key a theme must define.
pub const KEYS: &[&str] = &[
    "ui.border",
    "ui.border_focus",
    "ui.title",
    "ui.status",
    "ui.status_mode",
    "ui.hint",
    "ui.error",
    "list.normal",
    "list.selected",
    "list.meta",
    "list.tag",
    "reader.text",
    "reader.title",
    "reader.chrome",
    "reader.comment",
    "reader.force",
    "reader.location",
    "reader.claim",
    "reader.search",
    "reader.current",
    "reader.cursor",
    "reader.note",
    "reader.selection",
    "summary.heading",
    "summary.item",
    "summary.selected",
    "summary.marked",
    "summary.meta",
    "summary.wrong",
    "summary.added",
    "map.land",
    "map.point",
    "map.label",
    "help.key",
    "help.text",
];

/// The themes shipped in `themes/`, embedded.
pub const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../../themes/monochrome.toml")),
];

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("theme {file}: {message}")]
    Invalid { file: String, message: String },
    #[error("no theme named {0:?} (shipped: default, light, high-contrast, monochrome; or a file in the config dir's themes/)")]
    Unknown(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    style: BTreeMap<String, StyleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    add: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    styles: BTreeMap<&'static str, Style>,
}

fn color(s: &str) -> Option<Color> {
    Some(match s {
        "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" => Color::Gray,
        "darkgray" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

fn modifier(s: &str) -> Option<Modifier> {
    Some(match s {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return None,
    })
}

impl Theme {
    pub fn parse(file: &str, text: &str) -> Result<Theme, ThemeError> {
        let err = |message: String| ThemeError::Invalid {
            file: file.to_string(),
            message,
        };
        let tf: ThemeFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut styles = BTreeMap::new();
        for (key, spec) in tf.style {
            let Some(&k) = KEYS.iter().find(|k| **k == key) else {
                return Err(err(format!("unknown key {key:?}")));
            };
            let mut st = Style::default();
            if let Some(fg) = &spec.fg {
                st = st.fg(color(fg).ok_or_else(|| err(format!("{key}: unknown colour {fg:?}")))?);
            }
            if let Some(bg) = &spec.bg {
                st = st.bg(color(bg).ok_or_else(|| err(format!("{key}: unknown colour {bg:?}")))?);
            }
            for m in &spec.add {
                st = st.add_modifier(
                    modifier(m).ok_or_else(|| err(format!("{key}: unknown modifier {m:?}")))?,
                );
            }
            styles.insert(k, st);
        }
        if let Some(missing) = KEYS.iter().find(|k| !styles.contains_key(*k)) {
            return Err(err(format!("missing key {missing:?}")));
        }
        Ok(Theme {
            name: tf.name,
            styles,
        })
    }

    pub fn builtin(name: &str) -> Option<Theme> {
        BUILTIN.iter().find(|(n, _)| *n == name).map(|(n, t)| {
            Theme::parse(&format!("themes/{n}.toml"), t).expect("shipped themes are valid")
        })
    }

    /// A shipped theme, or `NAME.toml` under the config dir's `themes/`.
    pub fn load(name: &str, config_dir: &Path) -> Result<Theme, ThemeError> {
        let path = config_dir.join("themes").join(format!("{name}.toml"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Theme::parse(&path.display().to_string(), &text);
        }
        Theme::builtin(name).ok_or_else(|| ThemeError::Unknown(name.to_string()))
    }

    /// Without colour (NO_COLOR): every style keeps only its modifiers.
    pub fn without_colour(mut self) -> Theme {
        for st in self.styles.values_mut() {
            *st = Style::default().add_modifier(st.add_modifier);
        }
        self
    }

    pub fn get(&self, key: &str) -> Style {
        self.styles.get(key).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_theme_loads_and_matches_its_file() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
        let mut on_disk = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let t = Theme::parse(&path.display().to_string(), &text).unwrap();
            assert!(
                Theme::builtin(&t.name).is_some(),
                "{} is not embedded",
                t.name
            );
            on_disk += 1;
        }
        assert_eq!(on_disk, BUILTIN.len());
    }

    #[test]
    fn highlights_never_rely_on_colour_alone() {
        for (name, _) in BUILTIN {
            let t = Theme::builtin(name).unwrap();
            for key in [
                "reader.force",
                "reader.location",
                "reader.claim",
                "reader.search",
                "list.selected",
                "summary.selected",
            ] {
                assert!(
                    !t.get(key).add_modifier.is_empty(),
                    "{name}: {key} has no modifier"
                );
            }
            let kinds: Vec<Modifier> = ["reader.force", "reader.location", "reader.claim"]
                .iter()
                .map(|k| t.get(k).add_modifier)
                .collect();
            assert!(
                kinds[0] != kinds[1] && kinds[1] != kinds[2] && kinds[0] != kinds[2],
                "{name}: kinds share a modifier set"
            );
        }
    }

    #[test]
    fn unknown_keys_and_colours_are_refused() {
        let base = BUILTIN[0].1;
        let bad_key = base.replace("\"help.text\" = {}", "\"help.txt\" = {}");
        assert!(Theme::parse("t.toml", &bad_key)
            .unwrap_err()
            .to_string()
            .contains("unknown key \"help.txt\""));
        let bad_colour = base.replace(
            "fg = \"cyan\", add = [\"bold\"] }",
            "fg = \"teal\", add = [\"bold\"] }",
        );
        assert!(Theme::parse("t.toml", &bad_colour)
            .unwrap_err()
            .to_string()
            .contains("unknown colour \"teal\""));
    }
}
