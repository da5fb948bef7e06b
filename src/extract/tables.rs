//! The extractor's data: forces, sources and places. The shipped tables live
//! in `data/` and are embedded at build time (so the binary runs anywhere);
//! an analyst extends them with `extend.toml` in the config dir.

use serde::Deserialize;
use std::path::Path;

pub const FORCES_TOML: &str = include_str!("../../data/forces.toml");
pub const SOURCES_TOML: &str = include_str!("../../data/sources.toml");
pub const PLACES_TSV: &str = include_str!("../../data/places.tsv");
pub const PLACES_CURATED_TSV: &str = include_str!("../../data/places-curated.tsv");
pub const STOPWORDS_TXT: &str = include_str!("../../data/stopwords.txt");

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("{file}: {message}")]
    Toml { file: String, message: String },
    #[error("{file}, line {line}: {message}")]
    Tsv {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceRow {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub generic: Vec<String>,
    #[serde(default)]
    pub ambiguous: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRow {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub generic: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRow {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub admin1: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default)]
    pub population: u64,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Hand-curated rows win over generated ones on a shared alias.
    #[serde(default)]
    pub curated: bool,
}

/// Extra aliases for an entry that already exists (force, source or place).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasRow {
    pub of: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    #[serde(default, rename = "force")]
    pub forces: Vec<ForceRow>,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceRow>,
    #[serde(default, rename = "place")]
    pub places: Vec<PlaceRow>,
    #[serde(default, rename = "alias")]
    pub aliases: Vec<AliasRow>,
    #[serde(skip)]
    pub stopwords: Vec<String>,
}

fn parse_toml(file: &str, text: &str) -> Result<Tables, TableError> {
    toml::from_str(text).map_err(|e| TableError::Toml {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// Rows of a places TSV: `name kind country admin1 lat lon population
/// aliases(|-separated) note`; `#` lines are comments.
pub fn parse_places(file: &str, text: &str, curated: bool) -> Result<Vec<PlaceRow>, TableError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |message: String| TableError::Tsv {
            file: file.to_string(),
            line: n + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            return Err(err(format!(
                "expected 9 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let coord = |s: &str, what: &str, max: f64| -> Result<Option<f64>, TableError> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            match s.trim().parse::<f64>() {
                Ok(v) if v.abs() <= max => Ok(Some(v)),
                _ => Err(err(format!("bad {what} {s:?}"))),
            }
        };
        out.push(PlaceRow {
            name: cols[0].trim().to_string(),
            kind: cols[1].trim().to_string(),
            country: cols[2].trim().to_string(),
            admin1: cols[3].trim().to_string(),
            lat: coord(cols[4], "latitude", 90.0)?,
            lon: coord(cols[5], "longitude", 180.0)?,
            population: cols[6].trim().parse().unwrap_or(0),
            aliases: cols[7]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            curated,
        });
    }
    Ok(out)
}

impl Tables {
    /// The shipped tables.
    pub fn builtin() -> Result<Tables, TableError> {
        let mut t = parse_toml("data/forces.toml", FORCES_TOML)?;
        t.sources = parse_toml("data/sources.toml", SOURCES_TOML)?.sources;
        t.places = parse_places("data/places.tsv", PLACES_TSV, false)?;
        t.places.extend(parse_places(
            "data/places-curated.tsv",
            PLACES_CURATED_TSV,
            true,
        )?);
        t.stopwords = STOPWORDS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        Ok(t)
    }

    /// The shipped tables plus the analyst's `extend.toml` in the config
    /// dir, when there is one.
    pub fn load_default() -> Result<Tables, TableError> {
        let mut t = Tables::builtin()?;
        let ext = crate::paths::config_dir().join("extend.toml");
        if ext.is_file() {
            t.extend_from_file(&ext)?;
        }
        Ok(t)
    }

    /// Adds an analyst's `extend.toml`: an entry with the name of a shipped
    /// one replaces it, others are added, `[[alias]]` adds aliases.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), TableError> {
        let text = std::fs::read_to_string(path).map_err(|source| TableError::Io {
            file: path.display().to_string(),
            source,
        })?;
        self.extend(parse_toml(&path.display().to_string(), &text)?);
        Ok(())
    }

    pub fn extend(&mut self, more: Tables) {
        fn merge<T>(base: &mut Vec<T>, more: Vec<T>, name: impl Fn(&T) -> &str) {
            for row in more {
                match base.iter().position(|b| name(b) == name(&row)) {
                    Some(i) => base[i] = row,
                    None => base.push(row),
                }
            }
        }
        merge(&mut self.forces, more.forces, |r| &r.name);
        merge(&mut self.sources, more.sources, |r| &r.name);
        let more_places = more.places.into_iter().map(|mut p| {
            p.curated = true;
            p
        });
        merge(&mut self.places, more_places.collect(), |r| &r.name);
        for a in more.aliases {
            if let Some(f) = self.forces.iter_mut().find(|f| f.name == a.of) {
                f.aliases.extend(a.aliases);
            } else if let Some(s) = self.sources.iter_mut().find(|s| s.name == a.of) {
                s.aliases.extend(a.aliases);
            } else if let Some(p) = self.places.iter_mut().find(|p| p.name == a.of) {
                p.aliases.extend(a.aliases);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_extension_names_the_line() {
        let e = parse_toml("extend.toml", "[[force]]\nname = \"X\"\nkind = 3\n").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("extend.toml") && msg.contains("line 3"),
            "{msg}"
        );
    }

    #[test]
    fn bad_tsv_row_names_the_line() {
        let e = parse_places("p.tsv", "# c\nA\tcity\tSY\t\t91\t10\t\t\t\n", true).unwrap_err();
        assert_eq!(e.to_string(), "p.tsv, line 2: bad latitude \"91\"");
    }

    #[test]
    fn extension_replaces_and_adds() {
        let mut t = Tables::builtin().unwrap();
        let n = t.forces.len();
        t.extend(
            toml::from_str(
                "[[force]]\nname = \"Tiger Forces\"\nkind = \"unit\"\naliases = [\"Nimr\"]\n\
                 [[force]]\nname = \"Brand New Brigade\"\nkind = \"militia\"\naliases = [\"BNB\"]\n\
                 [[alias]]\nof = \"Syrian Arab Army\"\naliases = [\"Assad's army\"]\n",
            )
            .unwrap(),
        );
        assert_eq!(t.forces.len(), n + 1);
        let tiger = t.forces.iter().find(|f| f.name == "Tiger Forces").unwrap();
        assert_eq!(tiger.aliases, ["Nimr"]);
        let saa = t
            .forces
            .iter()
            .find(|f| f.name == "Syrian Arab Army")
            .unwrap();
        assert!(saa.aliases.iter().any(|a| a == "Assad's army"));
    }
}
