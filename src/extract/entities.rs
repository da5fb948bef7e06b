//! Finding forces, sources and places: the text is folded into tokens and
//! every alias's folded key is looked up token by token, longest first
//! (so "Free Syrian Army" beats "Syrian Army" and "Deir ez-Zor airbase"
//! beats "Deir ez-Zor"),
//! case rules checked on the original text, generic back-references tied to
//! a named force, and context rules for places the gazetteer lacks.

use super::cues::{self, Cue};
use super::fold;
use super::tables::Tables;
use crate::model::Ustr;
use foldhash::{HashMap, HashSet};
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Force(usize),
    Source(usize),
    Place(usize),
}

/// How a pattern must look in the original text to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// An abbreviation: every letter upper case, as listed ("SAA", "HTS").
    Exact,
    /// A proper name: its first letter upper case.
    Capital,
    /// Any case: generic back-references ("government troops").
    Any,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Entities the pattern names; generics may name several.
    targets: Vec<Target>,
    case: Case,
    generic: bool,
    ambiguous: bool,
}

#[derive(Debug, Clone)]
pub struct ForceEntry {
    pub name: Ustr,
    pub kind: Ustr,
    pub country: Ustr,
}

#[derive(Debug, Clone)]
pub struct SourceEntry {
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub name: Ustr,
    pub kind: Ustr,
    pub country: Ustr,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One match in an article, at its original byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    pub start: usize,
    pub end: usize,
    pub generic: bool,
}

impl Pattern {
    /// Whether a match at `text[s..e]` counts: its case as listed, and an
    /// ambiguous abbreviation in a force context.
    fn holds(&self, text: &str, s: usize, e: usize) -> bool {
        case_ok(self.case, &text[s..e]) && (!self.ambiguous || ambiguous_ok(text, s, e))
    }
}

/// A folded key's entry: the pattern it is, if a whole alias, and whether
/// a longer alias starts with it.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    pattern: Option<u32>,
    longer: bool,
    /// The cue kinds of a one-token key (`cues::CUE_WORDS`).
    cue: u16,
}

/// Folded keys and their entries. Most tokens an article is made of are
/// words of eight bytes or fewer, and many are keys (cue words, leading
/// words of aliases): those keys are packed into a `u64`, zero-padded
/// (a folded key holds no NUL byte, so the padding is unambiguous), and
/// looked up without hashing or comparing strings. Longer keys keep
/// their text.
#[derive(Default)]
struct Keys {
    short: HashMap<u64, Node>,
    long: HashMap<Box<str>, Node>,
}

/// A key of at most eight bytes as one word.
#[inline]
fn pack(key: &[u8]) -> u64 {
    // Shifted in byte by byte: a copy into a buffer becomes a call to
    // memcpy, which costs more than the lookup.
    key.iter()
        .enumerate()
        .fold(0, |w, (k, &c)| w | (c as u64) << (8 * k))
}

impl Keys {
    #[inline]
    fn get(&self, key: &str) -> Option<&Node> {
        if key.len() <= 8 {
            self.short.get(&pack(key.as_bytes()))
        } else {
            self.long.get(key)
        }
    }

    /// The entry of the key of tokens `i..=j` of `folded`. A short key
    /// is read as the eight bytes where it starts, masked to its length,
    /// wherever eight bytes are left in the folded text.
    #[inline]
    fn get_tokens(&self, folded: &fold::Tokens, i: usize, j: usize) -> Option<&Node> {
        let (a, b) = (
            folded.tokens[i].folded_start as usize,
            folded.tokens[j].folded_end as usize,
        );
        let bytes = folded.text.as_bytes();
        match (b - a, bytes.get(a..a + 8)) {
            (len @ 1..=8, Some(word)) => {
                let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                self.short.get(&(w & (u64::MAX >> (8 * (8 - len)))))
            }
            _ => self.get(folded.key(i, j)),
        }
    }

    fn entry(&mut self, key: &str) -> &mut Node {
        debug_assert!(!key.as_bytes().contains(&0), "{key:?}");
        if key.len() <= 8 {
            self.short.entry(pack(key.as_bytes())).or_default()
        } else {
            self.long.entry(key.into()).or_default()
        }
    }
}

pub struct Matcher {
    /// Every alias's folded key and every key's leading tokens ("deir" of
    /// "deir zor").
    keys: Keys,
    patterns: Vec<Pattern>,
    pub forces: Vec<ForceEntry>,
    pub sources: Vec<SourceEntry>,
    pub places: Vec<PlaceEntry>,
    /// Folded keys of every alias of every known entity, and stopwords:
    /// names a context rule must not report as a new place.
    known_keys: HashSet<String>,
    stopwords: HashSet<String>,
}

fn case_of(alias: &str) -> Case {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Exact
    } else if alias
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
    {
        // "al-Qaeda" folds to "qaeda": the name proper still wants a capital.
        if fold::key(alias).split(' ').next()
            != alias
                .split([' ', '-'])
                .next()
                .map(|w| w.to_lowercase())
                .as_deref()
        {
            Case::Capital
        } else {
            Case::Any
        }
    } else {
        Case::Capital
    }
}

impl Matcher {
    pub fn new(t: &Tables) -> Matcher {
        let stopwords: HashSet<String> = t.stopwords.iter().map(|w| fold::key(w)).collect();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut known_keys = HashSet::default();
        // Place aliases compete: a curated site, then a country, then the
        // most populous place keeps a shared alias.
        let mut place_rank: HashMap<String, (u8, u64)> = HashMap::default();
        let mut add = |key: String,
                       target: Target,
                       case: Case,
                       generic: bool,
                       ambiguous: bool,
                       rank: Option<(u8, u64)>| {
            if key.is_empty() {
                return;
            }
            match index.get(&key) {
                Some(&i) => {
                    let p: &mut Pattern = &mut patterns[i];
                    if let (Some(r), Target::Place(_)) = (rank, target) {
                        let old = place_rank.get(&key).copied().unwrap_or((0, 0));
                        if p.targets.iter().all(|t| matches!(t, Target::Place(_))) && r > old {
                            p.targets = vec![target];
                            place_rank.insert(key, r);
                        }
                        return;
                    }
                    if generic && p.generic {
                        if !p.targets.contains(&target) {
                            p.targets.push(target);
                        }
                    } else if p.generic && !generic {
                        *p = Pattern {
                            targets: vec![target],
                            case,
                            generic,
                            ambiguous,
                        };
                    }
                    // Otherwise the first table to claim an alias keeps it
                    // (forces before sources before places).
                }
                None => {
                    index.insert(key.clone(), patterns.len());
                    if let Some(r) = rank {
                        place_rank.insert(key.clone(), r);
                    }
                    keys.push(key);
                    patterns.push(Pattern {
                        targets: vec![target],
                        case,
                        generic,
                        ambiguous,
                    });
                }
            }
        };
        let mut forces = Vec::new();
        for (i, f) in t.forces.iter().enumerate() {
            forces.push(ForceEntry {
                name: Ustr::from(&f.name),
                kind: Ustr::from(&f.kind),
                country: Ustr::from(&f.country),
            });
            for a in f.aliases.iter().chain(std::iter::once(&f.name)) {
                let k = fold::key(a);
                known_keys.insert(k.clone());
                add(k, Target::Force(i), case_of(a), false, false, None);
            }
            for a in &f.ambiguous {
                add(
                    fold::key(a),
                    Target::Force(i),
                    Case::Exact,
                    false,
                    true,
                    None,
                );
            }
            for a in &f.generic {
                add(fold::key(a), Target::Force(i), Case::Any, true, false, None);
            }
        }
        let mut sources = Vec::new();
        for (i, s) in t.sources.iter().enumerate() {
            sources.push(SourceEntry {
                name: s.name.clone(),
            });
            for a in s.aliases.iter().chain(std::iter::once(&s.name)) {
                let k = fold::key(a);
                known_keys.insert(k.clone());
                add(k, Target::Source(i), case_of(a), false, false, None);
            }
            for a in &s.generic {
                add(
                    fold::key(a),
                    Target::Source(i),
                    Case::Any,
                    true,
                    false,
                    None,
                );
            }
        }
        let mut places = Vec::new();
        for (i, p) in t.places.iter().enumerate() {
            places.push(PlaceEntry {
                name: Ustr::from(&p.name),
                kind: Ustr::from(&p.kind),
                country: Ustr::from(&p.country),
                lat: p.lat,
                lon: p.lon,
            });
            let tier = if p.curated {
                3
            } else if p.kind == "country" {
                2
            } else {
                1
            };
            for a in p.aliases.iter().chain(std::iter::once(&p.name)) {
                let k = fold::key(a);
                if k.is_empty() || (!k.contains(' ') && (stopwords.contains(&k) || k.len() < 3)) {
                    continue;
                }
                known_keys.insert(k.clone());
                let case = if case_of(a) == Case::Exact {
                    Case::Exact
                } else {
                    Case::Capital
                };
                add(
                    k,
                    Target::Place(i),
                    case,
                    false,
                    false,
                    Some((tier, p.population)),
                );
            }
        }
        let mut nodes = Keys::default();
        for (i, key) in keys.iter().enumerate() {
            for (p, _) in key.match_indices(' ') {
                nodes.entry(&key[..p]).longer = true;
            }
            nodes.entry(key).pattern = Some(i as u32);
        }
        for (w, kind) in cues::cue_words() {
            nodes.entry(w).cue |= kind;
        }
        Matcher {
            keys: nodes,
            patterns,
            forces,
            sources,
            places,
            known_keys,
            stopwords,
        }
    }

    /// Every match in `text[start..end]`: at each token, the longest
    /// alias that starts there; the search goes on after it. The cue
    /// words met on the way go to `cues`, in text order. `folded` is
    /// scratch space, reused across calls.
    pub fn find(
        &self,
        text: &str,
        start: usize,
        end: usize,
        folded: &mut fold::Tokens,
        out: &mut Vec<Hit>,
        cues_out: &mut Vec<Cue>,
    ) {
        fold::tokens_into(text, start, end, folded);
        let n = folded.tokens.len();
        // Token `k`'s entry, having noted it if it is a cue. Most tokens
        // are neither: the cue list is only touched for a cue.
        let lookup = |k: usize, cues_out: &mut Vec<Cue>| {
            let node = self.keys.get_tokens(folded, k, k);
            let kinds = node.map_or(0, |n| n.cue) | cues::date_kind(folded.key(k, k));
            if kinds != 0 {
                cues::push(folded, k, kinds, cues_out);
            }
            node
        };
        let mut i = 0;
        while i < n {
            let node = lookup(i, cues_out);
            let Some((j, p)) = self.longest_from(folded, i, node, n - 1) else {
                i += 1;
                continue;
            };
            // The tokens inside the match are not looked up on their own.
            for k in i + 1..=j {
                lookup(k, cues_out);
            }
            let (s, e) = folded.original(i, j);
            let first = i;
            i = j + 1;
            let p = &self.patterns[p as usize];
            if !p.holds(text, s, e) {
                continue;
            }
            for &target in &p.targets {
                out.push(Hit {
                    target,
                    start: s,
                    end: e,
                    generic: p.generic,
                });
            }
            // A source named after a force ("a spokesman for the US-led
            // coalition", "Hezbollah's media wing") mentions the force too.
            if p.targets.iter().all(|t| matches!(t, Target::Source(_))) {
                self.forces_inside(text, folded, first + 1, j, out);
            }
        }
    }

    /// The longest alias that starts at token `i` and ends by token
    /// `last`: its last token and pattern. `first` is the entry of token
    /// `i` alone, already looked up.
    fn longest_from(
        &self,
        folded: &fold::Tokens,
        i: usize,
        first: Option<&Node>,
        last: usize,
    ) -> Option<(usize, u32)> {
        let mut best = None;
        let mut j = i;
        let mut node = first;
        while let Some(nd) = node {
            if let Some(p) = nd.pattern {
                best = Some((j, p));
            }
            if !nd.longer || j == last {
                break;
            }
            j += 1;
            node = self.keys.get_tokens(folded, i, j);
        }
        best
    }

    /// Named forces among tokens `from..=last` (inside a source's name).
    fn forces_inside(
        &self,
        text: &str,
        folded: &fold::Tokens,
        from: usize,
        last: usize,
        out: &mut Vec<Hit>,
    ) {
        let mut k = from;
        while k <= last {
            let first = self.keys.get_tokens(folded, k, k);
            let Some((j, p)) = self.longest_from(folded, k, first, last) else {
                k += 1;
                continue;
            };
            let (s, e) = folded.original(k, j);
            k = j + 1;
            let p = &self.patterns[p as usize];
            if p.generic || !p.holds(text, s, e) {
                continue;
            }
            for &target in &p.targets {
                if let Target::Force(_) = target {
                    out.push(Hit {
                        target,
                        start: s,
                        end: e,
                        generic: false,
                    });
                }
            }
        }
    }

    /// Whether a name a context rule found is new: not an alias of any
    /// known entity and not a stopword.
    pub fn is_new_name(&self, name: &str) -> bool {
        let k = fold::key(name);
        !k.is_empty()
            && !self.known_keys.contains(&k)
            && !k.split(' ').all(|w| self.stopwords.contains(w))
    }

    /// The known place a name resolves to, if any.
    pub fn place_named(&self, name: &str) -> Option<usize> {
        let p = self.keys.get(fold::key(name).as_str())?.pattern?;
        self.patterns[p as usize]
            .targets
            .iter()
            .find_map(|t| match t {
                Target::Place(i) => Some(*i),
                _ => None,
            })
    }
}

fn case_ok(case: Case, orig: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Exact => orig
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase),
        Case::Capital => orig
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
    }
}

static AMBIGUOUS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-‐‑](?:held|controlled|linked|affiliated|run|occupied)(?-u:\b)|\s+(?:fighters?|militants?|terrorists?|group|members?|cells?|positions?|convoy|jihadists?|forces|units?|commanders?|brigades?|troops)(?-u:\b)|\s+(?:twelve|two|three|four|five|several|\d))")
        .unwrap()
});

/// "IS" and its kind only count as the force in a force context: "the IS",
/// "IS fighters", "IS-held".
fn ambiguous_ok(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    prev_word.eq_ignore_ascii_case("the")
        || prev_word.eq_ignore_ascii_case("of")
        || AMBIGUOUS_AFTER.is_match(&text[e..])
}

/// Context rules for places the gazetteer lacks. Each yields the name as
/// printed and the kind its context implies.
static NAME: &str = r"(?-u:\b)((?:(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[-‐‑\s])?\p{Lu}[\p{L}'’]+(?:[-‐‑\s](?:(?:al|el|ad|an|ar|as|ash|at|az|ez|ibn|bin|Umm|Abu|Ibn|Bani|Beni|Tal|Tell|Ain|Ayn|Deir|Kafr|Jabal|Jebel|Wadi|Bir|Ras|Qasr|Khirbet)[-‐‑\s])?\p{Lu}[\p{L}'’]+){0,3}(?:\s\d{1,3}(?-u:\b))?)";

/// Rules whose keyword comes before the name: "the town of X", "near X",
/// "the outskirts of X", "east of X", "the vicinity of X". The keyword
/// ("of", "near", "nearby") is found first by its literal text; the words
/// before "of" are then checked in a short window, and the name is read
/// from just after the keyword. One regex over every position would try
/// each "the" of the text. `before_keyword_at` reads this pattern by
/// hand; the tests hold it to the pattern.
#[cfg(test)]
pub(crate) const BEFORE_KEYWORD_PATTERN: &str = r"(?-u:\b)(?:of|[Nn]ear(?:by)?)(?-u:\b)";

/// `BEFORE_KEYWORD_PATTERN` matched at `at` in `s`, read by hand: it is
/// tried at every "of" of an article, and is two literals between ASCII
/// word boundaries.
fn before_keyword_at(s: &str, at: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let word = |i: usize| {
        b.get(i)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
    };
    if at > 0 && word(at - 1) {
        return None;
    }
    let rest = &s[at..];
    let len = if rest.starts_with("of") {
        2
    } else if rest.starts_with("near") || rest.starts_with("Near") {
        if rest[4..].starts_with("by") && !word(at + 6) {
            6
        } else {
            4
        }
    } else {
        return None;
    };
    (!word(at + len)).then_some((at, at + len))
}
static OF_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Tt]he\s+(?:(?:[a-z]+|\p{Lu}[a-z]+)\s+)?(towns?|villages?|city|cities|areas?|districts?|hamlets?|settlements?|neighbou?rhoods?|suburbs?|region|hills?|farms?|camp|airbase|airport|base|plains?|valley|mountains?|desert|heights|outskirts|oil field|gas field|crossing|station|direction)\s+|[Oo]utskirts\s+|(?:east|west|north|south|northeast|northwest|southeast|southwest)(?:ern)?\s+|[Vv]icinity\s+)$").unwrap()
});
static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"^\s+{NAME}")).unwrap());
/// A second name joined to the first: "the districts of al-Shifa and
/// Zanjili", "near Hajin and al-Susah".
static AND_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s+and\s+{NAME}")).unwrap());
/// Place words that follow a name ("Hajin village", "al-Tamah area").
/// Found first by their literal text, then the name is read back from
/// the words just before: a pattern that starts with a capitalised name
/// would otherwise be tried at every position of the text.
pub(crate) const PLACE_WORD_PATTERN: &str = r"(?-u:\b)(village|town|area|district|neighbou?rhood|camp|airbase|air base|airport|crossing|oil field|gas field|dam|station|hills?|mountains?|desert|countryside|valley|plain|farms)(?-u:\b)";
static PLACE_WORD: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(PLACE_WORD_PATTERN).unwrap());
static NAME_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{NAME}\s+$")).unwrap());

/// Every word `OF_PREFIX` can end with, lowercased: the regex is only
/// tried where the word before "of" is one of them.
static OF_PREFIX_LAST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut words: HashSet<&str> = [
        "town",
        "village",
        "city",
        "area",
        "district",
        "hamlet",
        "settlement",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "region",
        "hill",
        "hills",
        "farm",
        "farms",
        "camp",
        "airbase",
        "airport",
        "base",
        "plain",
        "plains",
        "valley",
        "mountain",
        "mountains",
        "desert",
        "heights",
        "outskirts",
        "field",
        "crossing",
        "station",
        "vicinity",
        "towns",
        "villages",
        "cities",
        "areas",
        "districts",
        "hamlets",
        "settlements",
        "neighbourhoods",
        "neighborhoods",
        "suburbs",
        "direction",
    ]
    .into_iter()
    .collect();
    for d in [
        "east",
        "west",
        "north",
        "south",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "eastern",
        "western",
        "northern",
        "southern",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ] {
        words.insert(d);
    }
    words
});

/// The run of ASCII letters that ends `window` (before trailing
/// whitespace), lowercased.
fn last_ascii_word(window: &str) -> String {
    let w = window.trim_end();
    let from = w
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + w[i..].chars().next().map_or(1, char::len_utf8));
    w[from..].to_ascii_lowercase()
}

/// Whether `window` (before trailing whitespace) could end with a name
/// as `NAME` reads it: its last part, after a space or hyphen, starts
/// with a capital, or is a number ("Point 11").
fn ends_like_name(window: &str) -> bool {
    let w = window.trim_end();
    let last = w
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
        .next()
        .unwrap_or("");
    last.chars().next().is_some_and(char::is_uppercase)
        || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
}

/// The kind a matched `OF_PREFIX` names: its place word when it is "the
/// (adjective) PLACE-WORD", else a plain site. (The prefix is matched
/// without capture groups: captures would run a backtracking engine over
/// the large Unicode name patterns at every keyword.)
fn prefix_kind(prefix: &str) -> &'static str {
    if !(prefix.starts_with("the") || prefix.starts_with("The")) {
        return "site";
    }
    let p = prefix.trim_end();
    if p.ends_with("oil field") || p.ends_with("gas field") {
        return kind_of(&p[p.len() - "oil field".len()..]);
    }
    kind_of(p.rsplit(char::is_whitespace).next().unwrap_or(p))
}

/// How far back from a keyword a name is looked for, in bytes.
const LOOK_BACK: usize = 120;

/// `slice[..at]`'s last `LOOK_BACK` bytes, from a character boundary, and
/// where that window starts.
fn window_before(slice: &str, at: usize) -> (usize, &str) {
    let mut s = at.saturating_sub(LOOK_BACK);
    while !slice.is_char_boundary(s) {
        s += 1;
    }
    (s, &slice[s..at])
}

/// Whether `NAME` can match at the start of `s`: a capital, or an Arabic
/// article and a separator ("al-", "as "). Most "of"s and "near"s are
/// followed by neither ("of the", "near a"), and this test is cheaper
/// than the regex.
fn may_start_name(s: &str) -> bool {
    let b = s.as_bytes();
    match b.first() {
        None => false,
        Some(c) if c.is_ascii() && !matches!(c, b'a' | b'e') => c.is_ascii_uppercase(),
        Some(b'a' | b'e') => {
            let sep = |i: usize| {
                s[i.min(s.len())..]
                    .starts_with(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
            };
            match b.get(1) {
                Some(b'l') => sep(2),
                Some(b'd' | b'n' | b'r' | b't' | b'z') => b[0] == b'a' && sep(2),
                Some(b's') => b[0] == b'a' && (sep(2) || (b.get(2) == Some(&b'h') && sep(3))),
                _ => false,
            }
        }
        Some(_) => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A place a context rule found: name as printed, implied kind, offsets.
pub struct ContextPlace {
    pub name: String,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

fn kind_of(word: &str) -> &'static str {
    if word == "cities" {
        return "city";
    }
    match word.trim_end_matches('s') {
        "town" => "town",
        "village" | "hamlet" | "settlement" => "village",
        "city" => "city",
        "district" | "neighbourhood" | "neighborhood" | "suburb" => "district",
        "camp" => "camp",
        "airbase" | "air base" | "airport" | "base" => "airbase",
        "crossing" => "crossing",
        "oil field" => "oil_field",
        "gas field" => "gas_field",
        "dam" => "dam",
        "station" => "station",
        "hill" | "mountain" | "height" => "mountain",
        "desert" => "desert",
        "valley" => "valley",
        _ => "site",
    }
}

/// `cues` are the article's (see `cues`), in text order.
pub fn context_places(
    text: &str,
    start: usize,
    end: usize,
    cues: &[Cue],
    out: &mut Vec<ContextPlace>,
) {
    let slice = &text[start..end];
    let at_cues = |re, kinds| cues::matches_at(re, slice, cues::starts(cues, start, end, kinds));
    // Where the last name ended: a keyword inside a name found before
    // does not start another.
    let mut done = 0;
    let keywords = cues::matches_by(cues::starts(cues, start, end, cues::OF_NEAR), |at| {
        before_keyword_at(slice, at)
    });
    for (ks, ke) in keywords {
        if ks < done {
            continue;
        }
        // A name starts with a capital or an Arabic article: most "of"s
        // and "near"s are ruled out by the next letter alone.
        if !may_start_name(slice[ke..].trim_start()) {
            continue;
        }
        let kind = if &slice[ks..ke] == "of" {
            let (_, window) = window_before(slice, ks);
            if !OF_PREFIX_LAST_WORDS.contains(last_ascii_word(window).as_str()) {
                continue;
            }
            match OF_PREFIX.find(window) {
                Some(m) => prefix_kind(m.as_str()),
                None => continue,
            }
        } else {
            "site"
        };
        let Some(m) = NAME_AFTER.find(&slice[ke..]) else {
            continue;
        };
        let name = m.as_str().trim_start();
        let e = ke + m.end();
        let s = e - name.len();
        done = e;
        out.push(ContextPlace {
            name: name.to_string(),
            kind,
            start: start + s,
            end: start + e,
        });
        let and_next = slice[e..]
            .trim_start()
            .strip_prefix("and")
            .is_some_and(|r| r.starts_with(char::is_whitespace));
        if let Some(g) = and_next
            .then(|| AND_NAME.captures(&slice[e..]))
            .flatten()
            .and_then(|c| c.get(1))
        {
            let (s2, e2) = (e + g.start(), e + g.end());
            done = e2;
            out.push(ContextPlace {
                name: g.as_str().to_string(),
                kind,
                start: start + s2,
                end: start + e2,
            });
        }
    }
    for (ks, ke) in at_cues(&PLACE_WORD, cues::PLACE_WORD) {
        let (ws, window) = window_before(slice, ks);
        if !ends_like_name(window) {
            continue;
        }
        if let Some(m) = NAME_BEFORE.find(window) {
            let name = m.as_str().trim_end();
            out.push(ContextPlace {
                name: name.to_string(),
                kind: kind_of(&slice[ks..ke]),
                start: start + ws + m.start(),
                end: start + ws + m.start() + name.len(),
            });
        }
    }
}

/// Armed formations the tables lack, from their shape: numbered units
/// ("9th Armored Division", "Brigade 137", "the Iraqi 5th Division"),
/// Arabic-prefixed groups ("Faylaq al-Rahman", "Liwa Fatemiyoun",
/// "Jaysh al-Izza"), and named formations ("Sultan Murad Division").
pub(crate) const UNIT_WORD_PATTERN: &str =
    r"(?-u:\b)(Division|Brigades?|Regiment|Battalion|Corps|Legion|Army|Group)(?-u:\b)";
static UNIT_WORD: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(UNIT_WORD_PATTERN).unwrap());
static ORDINAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?:Iraqi|Syrian|Russian|Ukrainian|Turkish|Iranian|Israeli|Libyan|Yemeni|Lebanese|Saudi)\s+)?(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)\s+(?:(?:Armou?red|Mechani[sz]ed|Motori[sz]ed|Infantry|Airborne|Marine|Commando|Assault|Special\s+Forces|Special\s+Mission\s+Forces|Tank|Artillery|Guards?|Mountain|Rapid\s+Reaction|Border\s+Guard|Separate|Territorial\s+Defen[cs]e)\s+)*$").unwrap()
});
static NUMBER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+\d{1,4}(?-u:\b)").unwrap());
static CAPS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:\p{Lu}[\p{L}'’\-]+\s+){1,3})$").unwrap());
pub(crate) const PREFIXED_GROUP_PATTERN: &str = r"(?-u:\b)(?:Liwa|Liwaa|Jaysh|Jaish|Faylaq|Harakat|Kata'?ib|Kataib|Saraya|Jabhat|Firqat|Fawj|Tajammu|Alwiya|Quwat|Ahrar|Hurras)\s+(?:(?:al|el|ash|as|ad|ar|at|az)[-‐‑\s])?\p{Lu}[\p{L}'’\-]+(?:\s+(?:(?:al|el|ash|as|ad|ar|at|az)[-‐‑\s])?\p{Lu}[\p{L}'’\-]+){0,2}";
static PREFIXED_GROUP: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(PREFIXED_GROUP_PATTERN).unwrap());

/// A force a shape rule found: name as printed, kind, offsets.
pub struct ContextForce {
    pub name: String,
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Words that begin a capitalised phrase without being part of a unit's
/// name ("The", "A", sentence adverbs, titles).
const NOT_UNIT_START: &[&str] = &[
    "The",
    "A",
    "An",
    "Its",
    "His",
    "Their",
    "This",
    "That",
    "Meanwhile",
    "However",
    "Commander",
    "General",
    "Gen",
    "Colonel",
    "Col",
    "Brigadier",
    "Officers",
    "Fighters",
    "Members",
];

/// `cues` are the article's (see `cues`), in text order.
pub fn context_forces(
    text: &str,
    start: usize,
    end: usize,
    cues: &[Cue],
    out: &mut Vec<ContextForce>,
) {
    let slice = &text[start..end];
    let at_cues = |re, kinds| cues::matches_at(re, slice, cues::starts(cues, start, end, kinds));
    let mut push = |name: &str, kind: &'static str, s: usize, e: usize| {
        out.push(ContextForce {
            name: name.to_string(),
            kind,
            start: start + s,
            end: start + e,
        });
    };
    for k in at_cues(&UNIT_WORD, cues::UNIT_WORD).map(|(s, e)| cues::Group::new(slice, s, e)) {
        let (ws, window) = window_before(slice, k.start());
        // "the Iraqi 9th Armored Division"
        if let Some(m) = ORDINAL_BEFORE.find(window) {
            push(
                &slice[ws + m.start()..k.end()],
                "unit",
                ws + m.start(),
                k.end(),
            );
            continue;
        }
        let word = k.as_str();
        // "Brigade 137"
        if matches!(word, "Division" | "Brigade" | "Regiment" | "Battalion") {
            if let Some(m) = NUMBER_AFTER.find(&slice[k.end()..]) {
                let e = k.end() + m.end();
                push(&slice[k.start()..e], "unit", k.start(), e);
                continue;
            }
        }
        // "the Sultan Murad Division"
        if matches!(
            word,
            "Division" | "Brigade" | "Brigades" | "Battalion" | "Regiment" | "Legion"
        ) {
            if let Some(m) = CAPS_BEFORE.find(window) {
                let mut s = ws + m.start();
                for w in m.as_str().split_whitespace() {
                    if !NOT_UNIT_START.contains(&w) {
                        break;
                    }
                    s += slice[s..].find(w).map_or(0, |p| p + w.len());
                    s += slice[s..].len() - slice[s..].trim_start().len();
                }
                if slice[s..k.end()].split_whitespace().count() >= 2 {
                    push(&slice[s..k.end()], "unit", s, k.end());
                }
            }
        }
    }
    for (s, e) in at_cues(&PREFIXED_GROUP, cues::GROUP_PREFIX) {
        push(&slice[s..e], "armed_group", s, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hand reading of "of"/"near" is the pattern's own, at every
        /// position.
        #[test]
        fn before_keyword_is_the_patterns(s in "[ofnearbyN_x \u{e9}]{0,12}") {
            let re = meta::Regex::new(BEFORE_KEYWORD_PATTERN).unwrap();
            for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                proptest::prop_assert_eq!(
                    before_keyword_at(&s, at),
                    cues::match_at(&re, &s, at),
                    "{:?} at {}", s, at
                );
            }
        }
    }

    fn places(t: &str) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        context_places(t, 0, t.len(), &cues::scan(t, 0, t.len()), &mut out);
        out.into_iter().map(|p| (p.name, p.kind)).collect()
    }

    #[test]
    fn a_place_word_before_of_names_its_kind() {
        assert_eq!(
            places("They entered the town of Tall Tamr."),
            [("Tall Tamr".to_string(), "town")]
        );
        assert_eq!(
            places("Shells hit near Kansafra."),
            [("Kansafra".to_string(), "site")]
        );
        assert_eq!(places("Fighting near the village."), []);
    }

    /// "the districts of X and Y", "from the direction of X and Y": both.
    #[test]
    fn two_names_joined_by_and_are_two_places() {
        assert_eq!(
            places("His men cleared the districts of al-Shifa and Zanjili on Monday."),
            [
                ("al-Shifa".to_string(), "district"),
                ("Zanjili".to_string(), "district")
            ]
        );
        assert_eq!(
            places("They advanced from the direction of Hawsh al-Dawahira and al-Shifuniyah."),
            [
                ("Hawsh al-Dawahira".to_string(), "site"),
                ("al-Shifuniyah".to_string(), "site")
            ]
        );
        assert_eq!(
            places("the cities of Manbij and Tabqa"),
            [
                ("Manbij".to_string(), "city"),
                ("Tabqa".to_string(), "city")
            ]
        );
        // A lowercase word after "and" is no name.
        assert_eq!(
            places("the town of Hajin and several villages"),
            [("Hajin".to_string(), "town")]
        );
    }
}
