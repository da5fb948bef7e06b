//! A deterministic corpus generator for benchmarks and load tests.
//!
//! The generated articles are variations of the sample corpus, embedded at
//! compile time (nothing is read from the repository at run time): each one
//! takes a template, swaps the names of places and forces for others of the
//! same kind, scales the figures in the body, drops or repeats body
//! paragraphs, and keeps the template's chrome, comment thread, format,
//! extension and encoding (the Windows-1252 template stays Windows-1252 with
//! CRLF line ends). The same seed always writes the same bytes.

use aho_corasick::{AhoCorasick, MatchKind};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a generation run wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenStats {
    pub files: usize,
    pub bytes: u64,
}

/// Files per subfolder.
const PER_DIR: usize = 1000;

/// Writes `n` articles under `dir` (created if missing), in subfolders of
/// 1000 files each.
pub fn generate(dir: &Path, n: usize, seed: u64) -> io::Result<GenStats> {
    let g = Generator::new(seed);
    let mut stats = GenStats::default();
    for i in 0..n {
        g.write(dir, i, &mut stats)?;
    }
    Ok(stats)
}

/// Writes articles under `dir` until the total written reaches
/// `target_bytes`. Article `i` is the same as `generate` writes for `i`.
pub fn generate_to_size(dir: &Path, target_bytes: u64, seed: u64) -> io::Result<GenStats> {
    let g = Generator::new(seed);
    let mut stats = GenStats::default();
    let mut i = 0;
    while stats.bytes < target_bytes {
        g.write(dir, i, &mut stats)?;
        i += 1;
    }
    Ok(stats)
}

// ---------------------------------------------------------------------------
// PRNG

/// SplitMix64: tiny, fast, and good enough to pick templates and factors.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

// ---------------------------------------------------------------------------
// Templates

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
}

#[derive(Clone, Copy)]
enum Source {
    Utf8(&'static str),
    Cp1252(&'static [u8]),
}

struct TemplateSrc {
    stem: &'static str,
    ext: &'static str,
    kind: Kind,
    /// How often it is picked, relative to the others.
    weight: usize,
    source: Source,
}

macro_rules! utf8 {
    ($dir:literal, $stem:literal, $ext:literal, $kind:expr, $w:expr) => {
        TemplateSrc {
            stem: $stem,
            ext: $ext,
            kind: $kind,
            weight: $w,
            source: Source::Utf8(include_str!(concat!(
                "../sample-corpus/",
                $dir,
                "/",
                $stem,
                ".",
                $ext
            ))),
        }
    };
}

const TEMPLATES: &[TemplateSrc] = &[
    utf8!("text", "iraq-mosul-old-city-advance", "txt", Kind::Text, 3),
    utf8!("text", "libya-tripoli-frontline-map", "txt", Kind::Text, 3),
    utf8!(
        "text",
        "syria-deir-ezzor-siege-broken",
        "txt",
        Kind::Text,
        3
    ),
    TemplateSrc {
        stem: "syria-kafr-nabudah-ambush-cp1252",
        ext: "txt",
        kind: Kind::Text,
        weight: 3,
        source: Source::Cp1252(include_bytes!(
            "../sample-corpus/text/syria-kafr-nabudah-ambush-cp1252.txt"
        )),
    },
    utf8!("text", "syria-susah-airstrikes-wire", "txt", Kind::Text, 3),
    utf8!("text", "syria-tabqa-dam-offensive", "txt", Kind::Text, 3),
    utf8!("text", "ukraine-avdiivka-shelling", "txt", Kind::Text, 3),
    utf8!(
        "text",
        "yemen-hodeidah-airport-offensive",
        "txt",
        Kind::Text,
        3
    ),
    utf8!(
        "markdown",
        "syria-afrin-rajo-captured",
        "md",
        Kind::Markdown,
        2
    ),
    utf8!(
        "markdown",
        "syria-al-bab-prisoner-swap",
        "md",
        Kind::Markdown,
        2
    ),
    utf8!("html", "iraq-tal-afar-offensive", "html", Kind::Html, 2),
    utf8!(
        "html",
        "syria-susah-airstrike-monitor",
        "html",
        Kind::Html,
        2
    ),
];

/// A template cut into pieces; body paragraphs may be dropped, repeated
/// and have their figures changed, everything else is kept.
struct Template {
    stem: &'static str,
    ext: &'static str,
    cp1252: bool,
    crlf: bool,
    sep: &'static str,
    pieces: Vec<(String, bool)>,
    body: Vec<usize>,
}

impl Template {
    fn new(src: &TemplateSrc) -> Template {
        let (text, cp1252) = match src.source {
            Source::Utf8(s) => (s.to_string(), false),
            Source::Cp1252(b) => {
                let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(b);
                (s.into_owned(), true)
            }
        };
        let crlf = text.contains("\r\n");
        let text = if crlf {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        let sep = match src.kind {
            Kind::Html => "\n",
            Kind::Text | Kind::Markdown => "\n\n",
        };
        let pieces: Vec<(String, bool)> = text
            .split(sep)
            .map(|p| (p.to_string(), is_body(src.kind, p)))
            .collect();
        let body = (0..pieces.len()).filter(|&i| pieces[i].1).collect();
        Template {
            stem: src.stem,
            ext: src.ext,
            cp1252,
            crlf,
            sep,
            pieces,
            body,
        }
    }
}

/// Whether a piece of a template is a body paragraph.
fn is_body(kind: Kind, p: &str) -> bool {
    match kind {
        Kind::Html => {
            let t = p.trim();
            t.len() >= 80 && t.starts_with("<p>") && t.ends_with("</p>")
        }
        Kind::Text | Kind::Markdown => {
            p.len() >= 120
                && !p.contains('\n')
                && !p.starts_with(char::is_whitespace)
                && !p.starts_with(['#', '*', '_', '!', '-', '[', '>'])
                && !p.to_ascii_lowercase().contains("cookie")
        }
    }
}

// ---------------------------------------------------------------------------
// Names

/// Groups of interchangeable names. Each member lists its spellings; a
/// name printed in spelling `j` becomes spelling `j` (modulo) of the member
/// it is swapped for, so "Syrian Democratic Forces (SDF)" stays a
/// consistent pair. Places also match in capitals (datelines).
const PLACES: &[&[&[&str]]] = &[
    // Syria
    &[
        &["Homs"],
        &["Hama"],
        &["Aleppo"],
        &["Idlib"],
        &["Raqqa"],
        &["Deir ez-Zor", "Deir Ezzur", "Deir al-Zor", "Deir Ezzor"],
        &["al-Mayadin", "al-Mayadeen"],
        &["Palmyra"],
    ],
    // Iraq
    &[
        &["Mosul"],
        &["Tal Afar"],
        &["Kirkuk"],
        &["Hawija"],
        &["Tikrit"],
        &["Fallujah"],
        &["Ramadi"],
        &["Baiji"],
    ],
    // Libya
    &[
        &["Gharyan"],
        &["Tajoura"],
        &["Misrata"],
        &["Sirte"],
        &["Sabha"],
    ],
    // Yemen
    &[
        &["Hodeidah", "al-Hudaydah"],
        &["Taiz"],
        &["Marib"],
        &["Mokha"],
        &["Aden"],
    ],
    // Ukraine
    &[
        &["Avdiivka"],
        &["Marinka"],
        &["Bakhmut"],
        &["Horlivka"],
        &["Pisky"],
    ],
];

const FORCES: &[&[&[&str]]] = &[
    &[
        &["Syrian Arab Army", "SAA", "Syrian Army"],
        &["National Defence Forces", "NDF", "National Defense Forces"],
        &["Tiger Forces"],
        &["Republican Guard"],
    ],
    &[
        &["ISIS", "ISIL", "Daesh", "Islamic State"],
        &["HTS", "HTS", "HTS", "Hay\u{2019}at Tahrir al-Sham"],
        &["SDF", "SDF", "SDF", "Syrian Democratic Forces"],
    ],
];

/// One pattern: group, member and spelling, and whether it is in capitals.
#[derive(Clone, Copy)]
struct Pat {
    group: usize,
    member: usize,
    spelling: usize,
    upper: bool,
}

fn groups() -> impl Iterator<Item = &'static [&'static [&'static str]]> {
    PLACES.iter().chain(FORCES.iter()).copied()
}

struct Generator {
    seed: u64,
    templates: Vec<Template>,
    /// Template indices repeated by weight.
    picks: Vec<usize>,
    names: AhoCorasick,
    pats: Vec<Pat>,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let templates: Vec<Template> = TEMPLATES.iter().map(Template::new).collect();
        let picks = TEMPLATES
            .iter()
            .enumerate()
            .flat_map(|(i, t)| std::iter::repeat_n(i, t.weight))
            .collect();
        let mut strings = Vec::new();
        let mut pats = Vec::new();
        for (g, members) in groups().enumerate() {
            let is_place = g < PLACES.len();
            for (m, spellings) in members.iter().enumerate() {
                for (s, name) in spellings.iter().enumerate() {
                    if strings.contains(&name.to_string()) {
                        continue;
                    }
                    strings.push(name.to_string());
                    pats.push(Pat {
                        group: g,
                        member: m,
                        spelling: s,
                        upper: false,
                    });
                    if is_place {
                        strings.push(name.to_uppercase());
                        pats.push(Pat {
                            group: g,
                            member: m,
                            spelling: s,
                            upper: true,
                        });
                    }
                }
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&strings)
            .expect("name patterns build");
        Generator {
            seed,
            templates,
            picks,
            names,
            pats,
        }
    }

    fn write(&self, dir: &Path, i: usize, stats: &mut GenStats) -> io::Result<()> {
        let (rel, bytes) = self.article(i);
        let path = dir.join(rel);
        if i.is_multiple_of(PER_DIR) {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
        }
        fs::write(&path, &bytes)?;
        stats.files += 1;
        stats.bytes += bytes.len() as u64;
        Ok(())
    }

    /// Article `i`: its path relative to the output folder, and its bytes.
    fn article(&self, i: usize) -> (PathBuf, Vec<u8>) {
        let mut rng = Rng::new(self.seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        let t = &self.templates[self.picks[rng.below(self.picks.len())]];

        // One permutation per group, for the whole article.
        let perms: Vec<Vec<usize>> = groups()
            .map(|members| {
                let mut p: Vec<usize> = (0..members.len()).collect();
                rng.shuffle(&mut p);
                p
            })
            .collect();

        // Short, normal or long: drop and repeat rates for body paragraphs.
        let (drop, repeat) = match rng.below(10) {
            0..=1 => (0.35, 0.0),
            2..=7 => (0.1, 0.15),
            _ => (0.0, 0.7),
        };
        let mut out: Vec<String> = Vec::with_capacity(t.pieces.len() * 2);
        let mut kept_body = false;
        for (text, body) in &t.pieces {
            if !body {
                out.push(self.swap(text, &perms));
                continue;
            }
            if kept_body && rng.chance(drop) {
                continue;
            }
            kept_body = true;
            out.push(self.swap(&scale_numbers(text, &mut rng), &perms));
            while rng.chance(repeat) {
                let other = &t.pieces[t.body[rng.below(t.body.len())]].0;
                out.push(self.swap(&scale_numbers(other, &mut rng), &perms));
            }
        }
        let mut text = out.join(t.sep);
        if t.crlf {
            text = text.replace('\n', "\r\n");
        }
        let bytes = if t.cp1252 {
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let rel = PathBuf::from(format!("{:04}", i / PER_DIR))
            .join(format!("{i:07}-{}.{}", t.stem, t.ext));
        (rel, bytes)
    }

    /// Replaces every word-bounded name by its counterpart in the article's
    /// permutation of its group.
    fn swap(&self, text: &str, perms: &[Vec<usize>]) -> String {
        let all: Vec<&[&[&str]]> = groups().collect();
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for m in self.names.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !(before_ok && after_ok) {
                continue;
            }
            let p = self.pats[m.pattern().as_usize()];
            let target = all[p.group][perms[p.group][p.member]];
            let name = target[p.spelling % target.len()];
            out.push_str(&text[last..s]);
            if p.upper {
                out.push_str(&name.to_uppercase());
            } else {
                out.push_str(name);
            }
            last = e;
        }
        out.push_str(&text[last..]);
        out
    }
}

// ---------------------------------------------------------------------------
// Numbers

const FACTORS: &[f64] = &[0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0];

/// Scales the figures of a paragraph by random factors. Leaves alone what
/// is probably not a figure: years, numbers glued to letters or colons
/// ("9th", "M5", "152mm", "9:14"), and numbers after a capitalised word
/// (dates such as "June 19", names such as "Kilo 16"). Both ends of a range
/// ("300-400", "between 200 and 300") get the same factor.
fn scale_numbers(text: &str, rng: &mut Rng) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    let mut prev: Option<(usize, f64)> = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < b.len()
            && (b[end].is_ascii_digit()
                || ((b[end] == b',' || b[end] == b'.')
                    && end + 1 < b.len()
                    && b[end + 1].is_ascii_digit()))
        {
            end += 1;
        }
        i = end;
        let token = &text[start..end];
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == ':');
        if glued(text[..start].chars().next_back()) || glued(text[end..].chars().next()) {
            continue;
        }
        let digits: String = token.chars().filter(|c| *c != ',').collect();
        let Ok(value) = digits.parse::<f64>() else {
            continue;
        };
        let is_year = !token.contains([',', '.']) && (1900.0..=2100.0).contains(&value);
        if is_year || after_capitalised(&text[..start]) {
            continue;
        }
        let factor = match prev {
            Some((pe, f)) if is_range_gap(&text[pe..start]) => f,
            _ => FACTORS[rng.below(FACTORS.len())],
        };
        prev = Some((end, factor));
        out.push_str(&text[last..start]);
        out.push_str(&format_number(value * factor, token));
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

fn after_capitalised(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_range_gap(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2013}" | " to " | " and " | " - ")
}

/// Prints a scaled figure in the style of the original token.
fn format_number(v: f64, like: &str) -> String {
    if let Some(dot) = like.find('.') {
        let places = like.len() - dot - 1;
        return format!("{v:.places$}");
    }
    let n = (v.round() as u64).max(1);
    let s = n.to_string();
    if like.contains(',') || n >= 10_000 {
        let mut grouped = String::with_capacity(s.len() + s.len() / 3);
        for (k, c) in s.chars().enumerate() {
            if k > 0 && (s.len() - k).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        grouped
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
                (rel, fs::read(e.path()).unwrap())
            })
            .collect()
    }

    #[test]
    fn deterministic_and_loadable() {
        let n = 12;
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let c = tempfile::tempdir().unwrap();
        let sa = generate(a.path(), n, 7).unwrap();
        let sb = generate(b.path(), n, 7).unwrap();
        let sc = generate(c.path(), n, 8).unwrap();
        assert_eq!(sa, sb);
        assert_eq!(sa.files, n);
        assert_eq!(sc.files, n);
        let (ta, tb, tc) = (
            read_tree(a.path()),
            read_tree(b.path()),
            read_tree(c.path()),
        );
        assert_eq!(ta.len(), n);
        assert_eq!(ta, tb, "same seed, same bytes");
        assert_ne!(ta, tc, "different seeds differ");
        assert_eq!(sa.bytes, ta.values().map(|v| v.len() as u64).sum::<u64>());

        let corpus = crate::corpus::load(
            &[a.path().to_path_buf()],
            &crate::corpus::LoadOptions::default(),
        );
        assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
        assert!(corpus.articles.len() >= n);
        for art in &corpus.articles {
            assert!(!art.title.trim().is_empty(), "{} has no title", art.path);
            assert!(!art.body.is_empty(), "{} has no body", art.path);
        }
    }

    #[test]
    fn to_size_stops_at_target() {
        let d = tempfile::tempdir().unwrap();
        let s = generate_to_size(d.path(), 20_000, 1).unwrap();
        assert!(s.bytes >= 20_000);
        assert!(s.files < 20);
    }

    #[test]
    fn numbers_and_names() {
        let mut rng = Rng::new(3);
        let t = "On June 19, 2018 the 9th Division lost 300-400 fighters and 1,200 km2 at Kilo 16.";
        let s = scale_numbers(t, &mut rng);
        assert!(
            s.starts_with("On June 19, 2018 the 9th Division lost "),
            "{s}"
        );
        assert!(s.ends_with(" km2 at Kilo 16."), "{s}");
        assert_eq!(format_number(1234567.0, "1,000"), "1,234,567");
        assert_eq!(format_number(4.5 * 2.0, "4.5"), "9.0");

        let g = Generator::new(0);
        let perms: Vec<Vec<usize>> = groups()
            .map(|m| (0..m.len()).rev().collect::<Vec<_>>())
            .collect();
        let out = g.swap("Hamam al-Alil near Hama; MOSUL, Iraq; the SDF", &perms);
        assert!(out.starts_with("Hamam al-Alil near "), "{out}");
        assert!(!out.contains(" Hama;"), "{out}");
        assert!(!out.contains("MOSUL"), "{out}");
        assert!(out.ends_with("the ISIS"), "{out}");
    }
}
