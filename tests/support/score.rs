//! A Rust port of the evaluation scorer `eval/score.py` (GOLD-FORMAT.md,
//! "Scoring"), so that `cargo test` scores the extractor against the gold
//! labels of the sample corpus exactly as the Python scorer does, without
//! needing Python or the evaluation folder.
//!
//! Ported faithfully: name normalisation (`norm_name`), maximum bipartite
//! matching (Kuhn) with the named-first candidate order, optional entities
//! neutral, duplicate force/location predictions as false positives; claims
//! matched on number (`num_eq`), same-number duplicates reported but not
//! false positives, optional claims neutral; attribution accuracy with the
//! null rules; title exact (NFC, whitespace collapsed); body boundary (last
//! words, trailer markers, comment text); comment count; comment leakage.
//! The report and the per-article messages use score.py's wording.
//!
//! One difference, by design: score.py reads "the original file" from disk
//! to find where the body ends; this port is handed the text the mention
//! offsets point into (the article's `text`: the decoded file for plain text
//! and Markdown, a plain-text rendering for HTML, feeds and JSON Lines).
//! For plain-text files the two agree; for HTML the port analyses the
//! rendering where score.py analyses the raw markup; for `FILE#N` items
//! score.py finds no original at all and leaves body-end checks unchecked.
//!
//! Include it with `#[path = "support/score.rs"] mod score;`.

#![allow(dead_code)] // each test binary uses its own part of it

use regex::Regex;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

pub const TRAILER_MARKERS: [&str; 2] = ["Do you like this content", "Leave a Reply"];
/// Shorter post-body lines are not used as "comment text".
pub const MIN_COMMENT_LINE: usize = 12;
pub const CATEGORIES: [&str; 3] = ["forces", "locations", "claims"];

// --------------------------------------------------------------------------
// Python's notion of whitespace, str(), repr()

/// `str.isspace()`: Unicode White_Space plus the ASCII separators 0x1c-0x1f.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `" ".join(s.split())`
fn split_join(s: &str) -> String {
    s.split(py_space)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Python's truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `str(v)` of a value loaded by `json.load`.
fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => {
            if n.is_f64() {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.fract() == 0.0 && f.abs() < 1e16 {
                    format!("{f:.1}")
                } else {
                    format!("{f}")
                }
            } else {
                n.to_string()
            }
        }
        Value::Array(_) | Value::Object(_) => py_repr(v),
    }
}

/// `str(v or "")`
fn py_str_or_empty(v: Option<&Value>) -> String {
    match v {
        Some(v) if truthy(v) => py_str(v),
        _ => String::new(),
    }
}

/// `repr(v)`, close enough for report messages.
fn py_repr(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let q = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::new();
            out.push(q);
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == q => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        }
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => py_str(other),
    }
}

/// The first `n` characters (`s[:n]`).
fn head_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `str.splitlines()`
fn py_splitlines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\u{0b}'
                | '\u{0c}'
                | '\u{1c}'
                | '\u{1d}'
                | '\u{1e}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        out.push(&s[start..i]);
        start = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = it.peek() {
                it.next();
                start = j + 1;
            }
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `as_list(x)`: None -> [], a list -> itself, anything else -> [x].
fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
    }
}

fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object().and_then(|o| o.get(key))
}

// --------------------------------------------------------------------------
// normalization

fn is_apos_hyph(c: char) -> bool {
    matches!(
        c,
        '-' | '_'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
            | '\''
            | '`'
            | '\u{b4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201b}'
            | '\u{2032}'
            | '\u{2bb}'
            | '\u{2bc}'
            | '\u{2be}'
            | '\u{2bf}'
    )
}

/// GOLD-FORMAT.md name normalization of a string.
pub fn norm_name(s: &str) -> String {
    let lower = s.to_lowercase();
    let stripped: String = lower
        .nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .map(|c| if is_apos_hyph(c) { ' ' } else { c })
        .collect();
    let mut s = split_join(&stripped);
    loop {
        let mut changed = false;
        for p in ["al ", "the "] {
            if let Some(rest) = s.strip_prefix(p) {
                s = rest.to_string();
                changed = true;
            }
        }
        if !changed {
            return s;
        }
    }
}

/// `norm_name` of a JSON value (None -> "").
fn norm_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(v) => norm_name(&py_str(v)),
    }
}

/// 1:1 character folding: curly quotes, dashes, nbsp.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => '-',
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => ' ',
            c => c,
        })
        .collect()
}

/// For containment tests: NFC, folded and whitespace collapsed.
pub fn text_key(s: &str) -> String {
    split_join(&fold(&s.nfc().collect::<String>()))
}

/// Titles: NFC and whitespace collapsed (case and quotes kept).
pub fn title_key(s: &str) -> String {
    split_join(&s.nfc().collect::<String>())
}

/// A phrase as a regex: its tokens (folded) separated by any whitespace.
/// Word-bounded phrases are matched case-insensitively.
fn ws_regex(phrase: &str, case_insensitive: bool) -> Option<Regex> {
    let folded = fold(phrase);
    let toks: Vec<String> = folded
        .split(py_space)
        .filter(|t| !t.is_empty())
        .map(regex::escape)
        .collect();
    if toks.is_empty() {
        return None;
    }
    let body = toks.join(r"[\s\x1c-\x1f]+");
    let pat = if case_insensitive {
        format!("(?i){body}")
    } else {
        body
    };
    Regex::new(&pat).ok()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `(?<!\w)PHRASE(?!\w)` searched in `hay` from byte `from`; the lookbehind
/// sees the text before `from`, the lookahead stops at the end of `hay`.
fn search_word_bounded(rx: &Regex, hay: &str, from: usize) -> bool {
    let mut pos = from;
    while pos <= hay.len() {
        let Some(m) = rx.find_at(hay, pos) else {
            return false;
        };
        let before = hay[..m.start()].chars().next_back();
        let after = hay[m.end()..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return true;
        }
        pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

// --------------------------------------------------------------------------
// loading

/// Gold annotations keyed by the basename of their `file` field.
#[derive(Debug, Default)]
pub struct Gold {
    pub by_file: BTreeMap<String, Value>,
    /// Where each entry came from.
    pub origin: BTreeMap<String, String>,
    pub warnings: Vec<String>,
}

fn basename(p: &str) -> String {
    let p = p.replace('\\', "/");
    p.rsplit('/').next().unwrap_or("").to_string()
}

impl Gold {
    /// A folder of `*.gold.json` (recursive, in name order, each folder's
    /// files before its subfolders, as `os.walk`), or one gold file.
    pub fn load(path: &Path) -> Result<Gold, String> {
        let mut files = Vec::new();
        if path.is_file() {
            files.push(path.to_path_buf());
        } else if path.is_dir() {
            walk(path, &mut files).map_err(|e| format!("{}: {e}", path.display()))?;
        } else {
            return Err(format!("score: gold path not found: {}", path.display()));
        }
        let mut gold = Gold::default();
        for f in files {
            let shown = f.display().to_string();
            let parsed = std::fs::read_to_string(&f)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| e.to_string()));
            match parsed {
                Ok(g) => gold.insert(&shown, g),
                Err(e) => gold
                    .warnings
                    .push(format!("unreadable gold file {shown}: {e}")),
            }
        }
        if gold.by_file.is_empty() {
            return Err(format!(
                "score: no *.gold.json files under {}",
                path.display()
            ));
        }
        Ok(gold)
    }

    /// Adds one gold object read from `origin` (a gold file's path).
    pub fn insert(&mut self, origin: &str, g: Value) {
        if !g.is_object() {
            self.warnings
                .push(format!("gold file {origin} is not a JSON object"));
            return;
        }
        let key = match get(&g, "file") {
            Some(k) if truthy(k) => basename(&py_str(k)),
            _ => {
                let base = basename(origin);
                let stem = base.strip_suffix(".gold.json").unwrap_or(&base);
                let key = format!("{stem}.txt");
                self.warnings
                    .push(format!("gold file {origin} has no 'file'; assuming {key}"));
                basename(&key)
            }
        };
        if self.by_file.contains_key(&key) {
            self.warnings
                .push(format!("duplicate gold for {key}: {origin} ignored"));
            return;
        }
        self.origin.insert(key.clone(), origin.to_string());
        self.by_file.insert(key, g);
    }
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let (dirs, files): (Vec<_>, Vec<_>) = entries.into_iter().partition(|p| p.is_dir());
    out.extend(files.into_iter().filter(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gold.json"))
    }));
    for d in dirs {
        walk(&d, out)?;
    }
    Ok(())
}

/// Extractor output keyed by the basename of `path` (the first wins).
#[derive(Debug, Default)]
pub struct Predictions {
    pub by_file: BTreeMap<String, Value>,
    pub warnings: Vec<String>,
}

impl Predictions {
    pub fn from_values(items: Vec<Value>) -> Predictions {
        let mut preds = Predictions::default();
        for it in items {
            if !it.is_object() {
                preds
                    .warnings
                    .push("prediction that is not an object ignored".into());
                continue;
            }
            let p = get(&it, "path")
                .filter(|v| truthy(v))
                .or_else(|| get(&it, "file").filter(|v| truthy(v)));
            let key = p.map(|v| basename(&py_str(v))).unwrap_or_default();
            if key.is_empty() {
                let id = get(&it, "id").map_or("None".into(), py_str);
                preds
                    .warnings
                    .push(format!("prediction without path ignored (id={id})"));
                continue;
            }
            if preds.by_file.contains_key(&key) {
                preds
                    .warnings
                    .push(format!("duplicate prediction for {key}: later one ignored"));
                continue;
            }
            preds.by_file.insert(key, it);
        }
        preds
    }

    /// A JSON array (or one object), else JSON Lines.
    pub fn parse(raw: &str) -> Result<Predictions, String> {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let stripped = raw.trim_matches(py_space);
        if stripped.is_empty() {
            return Ok(Predictions::default());
        }
        let items = match serde_json::from_str::<Value>(stripped) {
            Ok(Value::Array(a)) => a,
            Ok(o @ Value::Object(_)) => vec![o],
            _ => {
                let mut items = Vec::new();
                for (i, line) in py_splitlines(raw).into_iter().enumerate() {
                    let line = line.trim_matches(py_space);
                    if line.is_empty() {
                        continue;
                    }
                    let v = serde_json::from_str(line)
                        .map_err(|e| format!("line {}: not JSON/JSONL: {e}", i + 1))?;
                    items.push(v);
                }
                items
            }
        };
        Ok(Predictions::from_values(items))
    }
}

// --------------------------------------------------------------------------
// matching

/// `cands[i]` = ordered right nodes left node `i` may take. Returns
/// left -> right of a maximum bipartite matching (Kuhn), in score.py's order.
pub fn max_matching(cands: &[Vec<usize>]) -> HashMap<usize, usize> {
    fn try_assign(
        i: usize,
        cands: &[Vec<usize>],
        seen: &mut HashSet<usize>,
        owner: &mut HashMap<usize, usize>,
    ) -> bool {
        for &j in &cands[i] {
            if !seen.insert(j) {
                continue;
            }
            let free = match owner.get(&j) {
                None => true,
                Some(&o) => try_assign(o, cands, seen, owner),
            };
            if free {
                owner.insert(j, i);
                return true;
            }
        }
        false
    }
    let mut owner = HashMap::new();
    for i in 0..cands.len() {
        try_assign(i, cands, &mut HashSet::new(), &mut owner);
    }
    owner.into_iter().map(|(j, i)| (i, j)).collect()
}

struct GoldEntity {
    name: String,
    keys: BTreeSet<String>,
    optional: bool,
}

fn gold_entity(e: &Value) -> GoldEntity {
    let owned;
    let e = if e.is_object() {
        e
    } else {
        let s = py_str(e);
        owned = json!({"name": s, "aliases": [s]});
        &owned
    };
    let name = py_str_or_empty(get(e, "name"));
    let mut keys: BTreeSet<String> = BTreeSet::new();
    keys.insert(norm_name(&name));
    for a in as_list(get(e, "aliases")) {
        keys.insert(norm_value(Some(a)));
    }
    keys.remove("");
    GoldEntity {
        name,
        keys,
        optional: get(e, "optional").is_some_and(truthy),
    }
}

struct PredEntity {
    name: String,
    name_key: String,
    keys: BTreeSet<String>,
}

fn pred_entity(e: &Value) -> PredEntity {
    let owned;
    let e = if e.is_object() {
        e
    } else {
        owned = json!({"name": py_str(e)});
        &owned
    };
    let name = py_str_or_empty(get(e, "name"));
    let name_key = norm_name(&name);
    let mut keys: BTreeSet<String> = as_list(get(e, "mentions"))
        .into_iter()
        .filter(|m| m.is_object())
        .map(|m| norm_value(get(m, "text")))
        .collect();
    keys.insert(name_key.clone());
    keys.remove("");
    PredEntity {
        name,
        name_key,
        keys,
    }
}

fn meets(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.iter().any(|k| b.contains(k))
}

/// One article's forces or locations.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EntityScore {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub optional: usize,
    /// (predicted name, gold name)
    pub matched: Vec<(String, String)>,
    pub false_positives: Vec<String>,
    pub false_negatives: Vec<String>,
    pub optional_matched: Vec<String>,
}

pub fn score_entities(gold: Option<&Value>, pred: Option<&Value>) -> EntityScore {
    let g: Vec<GoldEntity> = as_list(gold).into_iter().map(gold_entity).collect();
    let p: Vec<PredEntity> = as_list(pred).into_iter().map(pred_entity).collect();
    let req: Vec<usize> = (0..g.len()).filter(|&j| !g[j].optional).collect();
    let cands: Vec<Vec<usize>> = p
        .iter()
        .map(|pe| {
            let named: Vec<usize> = req
                .iter()
                .copied()
                .filter(|&j| g[j].keys.contains(&pe.name_key))
                .collect();
            let other = req
                .iter()
                .copied()
                .filter(|&j| !named.contains(&j) && meets(&pe.keys, &g[j].keys));
            named.iter().copied().chain(other).collect()
        })
        .collect();
    let m = max_matching(&cands);
    let mut out = EntityScore::default();
    for (i, pe) in p.iter().enumerate() {
        if let Some(&j) = m.get(&i) {
            out.matched.push((pe.name.clone(), g[j].name.clone()));
        } else if g.iter().any(|ge| ge.optional && meets(&pe.keys, &ge.keys)) {
            out.optional_matched.push(pe.name.clone());
        } else {
            let dup = req.iter().find(|&&j| meets(&pe.keys, &g[j].keys));
            out.false_positives.push(match dup {
                Some(&j) => format!("{} (dup of {})", pe.name, g[j].name),
                None => pe.name.clone(),
            });
        }
    }
    let matched: HashSet<usize> = m.values().copied().collect();
    out.false_negatives = req
        .iter()
        .filter(|j| !matched.contains(j))
        .map(|&j| g[j].name.clone())
        .collect();
    out.tp = out.matched.len();
    out.fp = out.false_positives.len();
    out.fn_ = out.false_negatives.len();
    out.optional = out.optional_matched.len();
    out
}

/// `float(...)` of a string the way score.py's `to_number` reads it.
fn parse_py_float(s: &str) -> Option<f64> {
    let s = s.trim_matches(py_space);
    let chars: Vec<char> = s.chars().collect();
    let mut cleaned = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
            let digit_after = chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !(digit_before && digit_after) {
                return None;
            }
        } else {
            cleaned.push(c);
        }
    }
    cleaned.parse::<f64>().ok()
}

pub fn to_number(v: Option<&Value>) -> Option<f64> {
    let f = match v? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => {
            let s: String = s
                .trim_matches(py_space)
                .chars()
                .filter(|&c| c != ',' && c != '\u{a0}' && c != ' ')
                .collect();
            parse_py_float(&s)?
        }
        _ => return None,
    };
    f.is_finite().then_some(f)
}

pub fn num_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(a.abs()).max(b.abs())
}

/// Python's `format(v, "g")`.
fn fmt_g(v: f64) -> String {
    let sci = format!("{v:.5e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if (-4..6).contains(&exp) {
        let decimals = usize::try_from(5 - exp).unwrap_or(0);
        trim(&format!("{v:.decimals$}"))
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", trim(mant), exp.abs())
    }
}

pub fn fmt_num(v: Option<f64>) -> String {
    let Some(v) = v else {
        return "?".into();
    };
    if v == 0.0 {
        "0".into() // not "-0"
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        fmt_g(v)
    }
}

/// One article's claims.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClaimScore {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub optional: usize,
    pub duplicates: usize,
    pub duplicate_names: Vec<String>,
    pub attribution_correct: usize,
    pub attribution_matched: usize,
    pub unit_correct: usize,
    pub matched: Vec<String>,
    pub false_positives: Vec<String>,
    pub false_negatives: Vec<String>,
    pub optional_matched: Vec<String>,
    pub attribution_wrong: Vec<String>,
    pub unit_wrong: Vec<String>,
}

struct GoldClaim {
    values: Vec<f64>,
    unit: Option<Value>,
    sources: BTreeSet<String>,
    accept_null: bool,
    optional: bool,
    quote: String,
}

struct PredClaim {
    value: Option<f64>,
    unit: Option<Value>,
    source: Option<Value>,
    text: String,
}

fn unit_label(unit: Option<&Value>) -> String {
    match unit {
        Some(u) if truthy(u) => py_str(u),
        _ => "?".into(),
    }
}

pub fn score_claims(gold: Option<&Value>, pred: Option<&Value>) -> ClaimScore {
    let g: Vec<GoldClaim> = as_list(gold)
        .into_iter()
        .filter(|c| c.is_object())
        .map(|c| {
            let vals = match c.as_object().and_then(|o| o.get("values")) {
                Some(v) => Some(v),
                None => get(c, "value"),
            };
            let srcs = as_list(get(c, "source"));
            let accept_null = srcs.is_empty()
                || srcs
                    .iter()
                    .any(|s| s.is_null() || norm_value(Some(s)).is_empty());
            let mut sources: BTreeSet<String> = srcs
                .iter()
                .filter(|s| !s.is_null())
                .map(|s| norm_value(Some(s)))
                .collect();
            sources.remove("");
            GoldClaim {
                values: as_list(vals)
                    .into_iter()
                    .filter_map(|v| to_number(Some(v)))
                    .collect(),
                unit: get(c, "unit").cloned(),
                sources,
                accept_null,
                optional: get(c, "optional").is_some_and(truthy),
                quote: py_str_or_empty(get(c, "quote")),
            }
        })
        .collect();
    let p: Vec<PredClaim> = as_list(pred)
        .into_iter()
        .filter(|c| c.is_object())
        .map(|c| PredClaim {
            value: to_number(get(c, "value")),
            unit: get(c, "unit").cloned(),
            source: get(c, "source").cloned(),
            text: py_str_or_empty(get(c, "text")),
        })
        .collect();
    let req: Vec<usize> = (0..g.len()).filter(|&j| !g[j].optional).collect();
    let takes = |v: f64, gc: &GoldClaim| gc.values.iter().any(|&x| num_eq(v, x));
    let cands: Vec<Vec<usize>> = p
        .iter()
        .map(|pc| match pc.value {
            None => Vec::new(),
            Some(v) => req.iter().copied().filter(|&j| takes(v, &g[j])).collect(),
        })
        .collect();
    let m = max_matching(&cands);
    let mut out = ClaimScore::default();
    for (i, pc) in p.iter().enumerate() {
        let label = format!("{} {}", fmt_num(pc.value), unit_label(pc.unit.as_ref()));
        if let Some(&j) = m.get(&i) {
            let gc = &g[j];
            out.tp += 1;
            out.attribution_matched += 1;
            let psrc: Vec<String> = as_list(pc.source.as_ref())
                .into_iter()
                .map(|s| norm_value(Some(s)))
                .filter(|s| !s.is_empty())
                .collect();
            let ok = if psrc.is_empty() {
                gc.accept_null
            } else {
                psrc.iter().any(|s| gc.sources.contains(s))
            };
            if ok {
                out.attribution_correct += 1;
            } else {
                let mut gs: Vec<String> = gc.sources.iter().cloned().collect();
                if gc.accept_null {
                    gs.push("null".into());
                }
                let shown = pc.source.as_ref().map_or("None".into(), py_repr);
                out.attribution_wrong
                    .push(format!("{label}: source {shown}, gold {}", gs.join(" / ")));
            }
            if norm_value(pc.unit.as_ref()) == norm_value(gc.unit.as_ref()) {
                out.unit_correct += 1;
            } else {
                let gu = gc.unit.as_ref().map_or("None".into(), py_str);
                out.unit_wrong.push(format!("{label}: gold unit {gu}"));
            }
            out.matched.push(label);
        } else if pc
            .value
            .is_some_and(|v| g.iter().any(|gc| gc.optional && takes(v, gc)))
        {
            out.optional += 1;
            out.optional_matched.push(label);
        } else if !cands[i].is_empty() {
            // the same claim stated twice (headline and body, or km and
            // miles): reported, not a false positive
            out.duplicates += 1;
            out.duplicate_names.push(label);
        } else {
            out.fp += 1;
            let snippet = head_chars(&split_join(&pc.text), 60);
            out.false_positives.push(if snippet.is_empty() {
                label
            } else {
                format!("{label} \"{snippet}\"")
            });
        }
    }
    let matched: HashSet<usize> = m.values().copied().collect();
    for &j in req.iter().filter(|j| !matched.contains(j)) {
        let gc = &g[j];
        let mut vals = gc
            .values
            .iter()
            .map(|&v| fmt_num(Some(v)))
            .collect::<Vec<_>>()
            .join("|");
        if vals.is_empty() {
            vals = "?".into();
        }
        let q = head_chars(&split_join(&gc.quote), 60);
        let mut name = format!("{vals} {}", unit_label(gc.unit.as_ref()));
        if !q.is_empty() {
            let _ = write!(name, " \"{q}\"");
        }
        out.false_negatives.push(name);
    }
    out.fn_ = out.false_negatives.len();
    out
}

// --------------------------------------------------------------------------
// the original text: body end, comment text, leakage

/// Where the body ends in an article's text, and the comment text after it.
#[derive(Debug, Clone, Default)]
pub struct Original {
    /// The text, folded (`fold`).
    pub folded: String,
    /// Byte offset of the body's end in `folded`.
    pub body_end_folded: Option<usize>,
    /// Byte offset of the body's end in the text as given (the offsets
    /// mentions use).
    pub body_end_byte: Option<usize>,
    pub comment_lines: Option<Vec<String>>,
    pub note: Option<String>,
}

pub fn analyse_original(text: Option<&str>, gold: &Value) -> Original {
    let mut out = Original::default();
    let Some(text) = text else {
        out.note = Some("original file not found".into());
        return out;
    };
    let ftext = fold(text);
    out.folded = ftext.clone();
    let Some(rx) = ws_regex(&py_str_or_empty(get(gold, "body_last_words")), false) else {
        out.note = Some("gold has no body_last_words".into());
        return out;
    };
    let hits: Vec<(usize, usize)> = rx.find_iter(&ftext).map(|m| (m.start(), m.end())).collect();
    if hits.is_empty() {
        out.note = Some("gold body_last_words not found in original file".into());
        return out;
    }
    let mut trailer = ftext.len();
    for mk in TRAILER_MARKERS {
        if let Some(k) = ftext.find(mk) {
            trailer = trailer.min(k);
        }
    }
    let bullet = Regex::new(r"(?m)^[ \t]*\u{2022}").expect("valid regex");
    if let Some(mb) = bullet.find(&ftext) {
        trailer = trailer.min(mb.start());
    }
    let end = hits
        .iter()
        .rev()
        .find(|h| h.1 <= trailer)
        .unwrap_or(&hits[0])
        .1;
    out.body_end_folded = Some(end);
    // folding maps characters 1:1: the same character count in `text`
    let n_chars = ftext[..end].chars().count();
    out.body_end_byte = Some(
        text.char_indices()
            .nth(n_chars)
            .map_or(text.len(), |(i, _)| i),
    );
    let head_key = text_key(&ftext[..end]);
    let mut lines = Vec::new();
    for line in py_splitlines(&ftext[end..]) {
        let s = text_key(line.trim_start_matches([' ', '\t', '\u{2022}', '*', '-']));
        if s.chars().count() >= MIN_COMMENT_LINE && !head_key.contains(&s) {
            lines.push(s);
        }
    }
    out.comment_lines = Some(lines);
    out
}

/// Names of predicted entities that leak from after the body's end.
pub fn leakage(entities: Option<&Value>, orig: &Original) -> Vec<String> {
    let (Some(end_f), Some(end_b)) = (orig.body_end_folded, orig.body_end_byte) else {
        return Vec::new();
    };
    let text = orig.folded.as_str();
    let mut leaked = Vec::new();
    for e in as_list(entities) {
        let owned;
        let e = match e {
            Value::String(s) => {
                owned = json!({ "name": s });
                &owned
            }
            Value::Object(_) => e,
            _ => continue,
        };
        let name = py_str_or_empty(get(e, "name"));
        let mentions: Vec<&Value> = as_list(get(e, "mentions"))
            .into_iter()
            .filter(|m| m.is_object())
            .collect();
        let starts: Vec<i128> = mentions
            .iter()
            .filter_map(|m| match get(m, "start") {
                Some(Value::Number(n)) => n
                    .as_i64()
                    .map(i128::from)
                    .or_else(|| n.as_u64().map(i128::from)),
                _ => None,
            })
            .collect();
        let end_b = i128::try_from(end_b).unwrap_or(i128::MAX);
        if !starts.is_empty() && starts.iter().all(|&s| s >= end_b) {
            leaked.push(format!("{name} (offsets after body)"));
            continue;
        }
        let mut forms: Vec<String> = vec![name.clone()];
        forms.extend(
            mentions
                .iter()
                .filter_map(|m| get(m, "text"))
                .filter(|t| truthy(t))
                .map(py_str),
        );
        let (mut in_head, mut in_tail) = (false, false);
        for f in &forms {
            let Some(rx) = ws_regex(f, true) else {
                continue;
            };
            if search_word_bounded(&rx, &text[..end_f], 0) {
                in_head = true;
                break;
            }
            if search_word_bounded(&rx, text, end_f) {
                in_tail = true;
            }
        }
        if in_tail && !in_head {
            leaked.push(format!("{name} (only in comments)"));
        }
    }
    leaked
}

/// Returns (ok, reasons, comment text checked).
pub fn check_body(
    pred_body: Option<&Value>,
    gold: &Value,
    orig: &Original,
) -> (bool, Vec<String>, bool) {
    let mut reasons = Vec::new();
    let body = text_key(&py_str_or_empty(pred_body));
    let lw = text_key(&py_str_or_empty(get(gold, "body_last_words")));
    if lw.is_empty() {
        reasons.push("gold has no body_last_words".to_string());
    } else if !body.contains(&lw) {
        reasons.push("missing gold last words".to_string());
    }
    for mk in TRAILER_MARKERS {
        if body.contains(mk) {
            reasons.push(format!("contains '{mk}'"));
        }
    }
    let checked = match &orig.comment_lines {
        None => false,
        Some(lines) => {
            if let Some(line) = lines.iter().find(|l| {
                body.contains(l.as_str()) && !TRAILER_MARKERS.iter().any(|mk| l.contains(mk))
            }) {
                reasons.push(format!(
                    "contains comment/trailer text '{}'",
                    head_chars(line, 50)
                ));
            }
            true
        }
    };
    (reasons.is_empty(), reasons, checked)
}

// --------------------------------------------------------------------------
// scoring

/// Precision, recall, F1; all 1.0 when there is nothing to find and
/// nothing found.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    if tp + fp == 0 && tp + fn_ == 0 {
        return (1.0, 1.0, 1.0);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Micro-averaged totals of one category.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub optional: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize, optional: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.optional += optional;
    }
    fn finish(&mut self) {
        (self.precision, self.recall, self.f1) = prf(self.tp, self.fp, self.fn_);
    }
}

/// `correct` out of `total`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Ratio {
    pub correct: usize,
    pub total: usize,
}

impl Ratio {
    /// None when there is nothing to rate.
    pub fn rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.correct as f64 / self.total as f64)
    }
    fn count(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct LeakageTotals {
    pub forces: usize,
    pub locations: usize,
    pub articles_checked: usize,
}

impl LeakageTotals {
    pub fn count(&self) -> usize {
        self.forces + self.locations
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LeakNames {
    pub forces: Vec<String>,
    pub locations: Vec<String>,
}

/// Everything about one gold article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleScore {
    pub file: String,
    pub predicted: bool,
    pub forces: EntityScore,
    pub locations: EntityScore,
    pub claims: ClaimScore,
    pub title_ok: bool,
    pub title_pred: Option<String>,
    pub title_gold: String,
    pub body_ok: bool,
    pub body_reasons: Vec<String>,
    pub body_comment_text_checked: bool,
    pub comments_pred: Option<usize>,
    pub comments_gold: Value,
    pub comment_count_ok: bool,
    /// None when the body's end in the text is unknown (unchecked).
    pub leakage: Option<LeakNames>,
    pub original_note: Option<String>,
    pub body_end_byte: Option<usize>,
}

/// The whole evaluation: score.py's summary.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub articles: usize,
    pub predicted_articles: usize,
    pub scored_articles: usize,
    pub missing_predictions: Vec<String>,
    pub predictions_without_gold: Vec<String>,
    pub warnings: Vec<String>,
    pub forces: Prf,
    pub locations: Prf,
    pub claims: Prf,
    pub claim_attribution: Ratio,
    pub claim_unit_agreement: Ratio,
    pub title_exact: Ratio,
    pub body_boundary: Ratio,
    pub body_comment_text_checked: usize,
    pub comment_count_exact: Ratio,
    pub comment_leakage: LeakageTotals,
    pub per_article: Vec<ArticleScore>,
}

fn comment_count_equal(pred: Option<usize>, gold: &Value) -> bool {
    let Some(pc) = pred else { return false };
    match gold {
        Value::Number(n) => n.as_f64().is_some_and(|g| g == pc as f64),
        Value::Bool(b) => usize::from(*b) == pc,
        _ => false,
    }
}

/// Scores `preds` against `gold`. `originals` maps a gold key (file
/// basename, or `FILE#N`) to the text the prediction's offsets point into;
/// without it the body-end checks of that article are unchecked.
pub fn score(gold: &Gold, preds: &Predictions, originals: &HashMap<String, String>) -> Scores {
    let mut s = Scores {
        articles: gold.by_file.len(),
        predicted_articles: preds.by_file.len(),
        scored_articles: 0,
        missing_predictions: Vec::new(),
        predictions_without_gold: preds
            .by_file
            .keys()
            .filter(|k| !gold.by_file.contains_key(*k))
            .cloned()
            .collect(),
        warnings: gold
            .warnings
            .iter()
            .chain(&preds.warnings)
            .cloned()
            .collect(),
        forces: Prf::default(),
        locations: Prf::default(),
        claims: Prf::default(),
        claim_attribution: Ratio::default(),
        claim_unit_agreement: Ratio::default(),
        title_exact: Ratio::default(),
        body_boundary: Ratio::default(),
        body_comment_text_checked: 0,
        comment_count_exact: Ratio::default(),
        comment_leakage: LeakageTotals::default(),
        per_article: Vec::new(),
    };
    let empty = json!({});
    for (key, g) in &gold.by_file {
        let found = preds.by_file.get(key);
        if found.is_none() {
            s.missing_predictions.push(key.clone());
        }
        // score.py: a missing prediction is scored as an empty object
        let p = found.unwrap_or(&empty);
        let has_p = truthy(p);
        let forces = score_entities(get(g, "forces"), get(p, "forces"));
        let locations = score_entities(get(g, "locations"), get(p, "locations"));
        let claims = score_claims(get(g, "claims"), get(p, "claims"));
        s.forces
            .add(forces.tp, forces.fp, forces.fn_, forces.optional);
        s.locations.add(
            locations.tp,
            locations.fp,
            locations.fn_,
            locations.optional,
        );
        s.claims
            .add(claims.tp, claims.fp, claims.fn_, claims.optional);
        s.claim_attribution.correct += claims.attribution_correct;
        s.claim_attribution.total += claims.attribution_matched;
        s.claim_unit_agreement.correct += claims.unit_correct;
        s.claim_unit_agreement.total += claims.attribution_matched;

        let title_gold = title_key(&py_str_or_empty(get(g, "title")));
        let title_pred = has_p.then(|| title_key(&py_str_or_empty(get(p, "title"))));
        let title_ok = title_pred.as_ref() == Some(&title_gold);
        s.title_exact.count(title_ok);

        let orig = analyse_original(originals.get(key).map(String::as_str), g);
        let (body_ok, body_reasons, checked) = if has_p {
            check_body(get(p, "body"), g, &orig)
        } else {
            (false, vec!["no prediction".to_string()], false)
        };
        s.body_boundary.count(body_ok);
        s.body_comment_text_checked += usize::from(checked);

        let comments_pred = has_p.then(|| as_list(get(p, "comments")).len());
        let comments_gold = get(g, "comment_count").cloned().unwrap_or(Value::Null);
        let comment_count_ok = comment_count_equal(comments_pred, &comments_gold);
        s.comment_count_exact.count(comment_count_ok);

        let leak = (has_p && orig.body_end_folded.is_some()).then(|| LeakNames {
            forces: leakage(get(p, "forces"), &orig),
            locations: leakage(get(p, "locations"), &orig),
        });
        if let Some(l) = &leak {
            s.comment_leakage.forces += l.forces.len();
            s.comment_leakage.locations += l.locations.len();
            s.comment_leakage.articles_checked += 1;
        }
        s.per_article.push(ArticleScore {
            file: key.clone(),
            predicted: found.is_some(),
            forces,
            locations,
            claims,
            title_ok,
            title_pred,
            title_gold,
            body_ok,
            body_reasons,
            body_comment_text_checked: checked,
            comments_pred,
            comments_gold,
            comment_count_ok,
            leakage: leak,
            original_note: orig.note,
            body_end_byte: orig.body_end_byte,
        });
    }
    s.scored_articles = s.articles - s.missing_predictions.len();
    s.forces.finish();
    s.locations.finish();
    s.claims.finish();
    s
}

// --------------------------------------------------------------------------
// report

/// score.py rounds its summary to 4 decimals before printing percentages.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * round4(x))
}

fn pctp(x: Option<f64>) -> String {
    x.map_or_else(
        || "   n/a".into(),
        |x| format!("{:5.1}%", 100.0 * round4(x)),
    )
}

impl Scores {
    pub fn category(&self, name: &str) -> &Prf {
        match name {
            "forces" => &self.forces,
            "locations" => &self.locations,
            _ => &self.claims,
        }
    }

    /// The score.py report: the totals table, then every article.
    pub fn report(&self) -> String {
        let mut w = String::new();
        self.write_report(&mut w).expect("writing to a String");
        w
    }

    fn write_report(&self, w: &mut String) -> std::fmt::Result {
        writeln!(
            w,
            "articles: {} gold, {} predicted, {} matched by file name",
            self.articles, self.predicted_articles, self.scored_articles
        )?;
        if !self.missing_predictions.is_empty() {
            writeln!(
                w,
                "  no prediction for: {}",
                self.missing_predictions.join(", ")
            )?;
        }
        if !self.predictions_without_gold.is_empty() {
            writeln!(
                w,
                "  predictions without gold (ignored): {}",
                self.predictions_without_gold.len()
            )?;
        }
        for msg in &self.warnings {
            writeln!(w, "  warning: {msg}")?;
        }
        writeln!(w)?;
        writeln!(
            w,
            "{:<10} {:>5} {:>5} {:>5} {:>4}  {:>6} {:>6} {:>6}",
            "category", "TP", "FP", "FN", "opt", "P%", "R%", "F1%"
        )?;
        writeln!(w, "{}", "-".repeat(54))?;
        for cat in CATEGORIES {
            let c = self.category(cat);
            writeln!(
                w,
                "{cat:<10} {:>5} {:>5} {:>5} {:>4}  {:>6} {:>6} {:>6}",
                c.tp,
                c.fp,
                c.fn_,
                c.optional,
                pct(c.precision),
                pct(c.recall),
                pct(c.f1)
            )?;
        }
        writeln!(w)?;
        let a = &self.claim_attribution;
        let u = &self.claim_unit_agreement;
        writeln!(
            w,
            "{:<22} {:>3}/{:<3} {}  (over matched claims)",
            "claim attribution",
            a.correct,
            a.total,
            pctp(a.rate())
        )?;
        writeln!(
            w,
            "{:<22} {:>3}/{:<3} {}  (not part of the spec)",
            "claim unit (info)",
            u.correct,
            u.total,
            pctp(u.rate())
        )?;
        for (r, label) in [
            (&self.title_exact, "title exact"),
            (&self.body_boundary, "body boundary"),
            (&self.comment_count_exact, "comment count exact"),
        ] {
            writeln!(
                w,
                "{label:<22} {:>3}/{:<3} {}",
                r.correct,
                r.total,
                pctp(r.rate())
            )?;
        }
        if self.body_comment_text_checked < self.articles {
            writeln!(
                w,
                "{:<22} (comment text checked in {}/{} articles: needs a prediction and the text)",
                "", self.body_comment_text_checked, self.articles
            )?;
        }
        let l = &self.comment_leakage;
        writeln!(
            w,
            "{:<22} {:>3} entities (forces {}, locations {}; checked {}/{} articles)",
            "comment leakage",
            l.count(),
            l.forces,
            l.locations,
            l.articles_checked,
            self.articles
        )?;
        writeln!(w, "\n== per article ==")?;
        for art in &self.per_article {
            art.write_report(w)?;
        }
        Ok(())
    }
}

impl ArticleScore {
    fn write_report(&self, w: &mut String) -> std::fmt::Result {
        let missing = if self.predicted {
            ""
        } else {
            "  [NO PREDICTION]"
        };
        writeln!(w, "\n-- {}{missing}", self.file)?;
        if self.title_ok {
            writeln!(w, "   title: ok")?;
        } else {
            let pred = self
                .title_pred
                .as_ref()
                .map_or("None".into(), |t| py_repr(&Value::String(t.clone())));
            writeln!(
                w,
                "   title: WRONG\n     pred: {pred}\n     gold: {}",
                py_repr(&Value::String(self.title_gold.clone()))
            )?;
        }
        let body = if self.body_ok {
            "ok".to_string()
        } else {
            format!("WRONG: {}", self.body_reasons.join("; "))
        };
        let unchecked = if self.body_comment_text_checked {
            ""
        } else {
            "  (comment text unchecked)"
        };
        writeln!(w, "   body:  {body}{unchecked}")?;
        writeln!(
            w,
            "   comments: pred {} gold {}{}",
            self.comments_pred.map_or("None".into(), |n| n.to_string()),
            py_str(&self.comments_gold),
            if self.comment_count_ok { "" } else { "  WRONG" }
        )?;
        for cat in CATEGORIES {
            let (tp, fp, fn_, opt, fps, fns, opts) = match cat {
                "forces" | "locations" => {
                    let r = if cat == "forces" {
                        &self.forces
                    } else {
                        &self.locations
                    };
                    (
                        r.tp,
                        r.fp,
                        r.fn_,
                        r.optional,
                        &r.false_positives,
                        &r.false_negatives,
                        &r.optional_matched,
                    )
                }
                _ => {
                    let r = &self.claims;
                    (
                        r.tp,
                        r.fp,
                        r.fn_,
                        r.optional,
                        &r.false_positives,
                        &r.false_negatives,
                        &r.optional_matched,
                    )
                }
            };
            let opt_s = if opt > 0 {
                format!(" opt {opt}")
            } else {
                String::new()
            };
            writeln!(w, "   {cat:<9} TP {tp:>2} FP {fp:>2} FN {fn_:>2}{opt_s}")?;
            if !fps.is_empty() {
                writeln!(w, "      FP: {}", fps.join("; "))?;
            }
            if !fns.is_empty() {
                writeln!(w, "      FN: {}", fns.join("; "))?;
            }
            if !opts.is_empty() {
                writeln!(w, "      optional (neutral): {}", opts.join("; "))?;
            }
            if cat == "claims" {
                if !self.claims.attribution_wrong.is_empty() {
                    writeln!(
                        w,
                        "      attribution wrong: {}",
                        self.claims.attribution_wrong.join("; ")
                    )?;
                }
                if !self.claims.unit_wrong.is_empty() {
                    writeln!(
                        w,
                        "      unit differs (info): {}",
                        self.claims.unit_wrong.join("; ")
                    )?;
                }
            }
        }
        match &self.leakage {
            None => {
                let why = self.original_note.as_deref().unwrap_or("no prediction");
                writeln!(w, "   leakage: unchecked ({why})")?;
            }
            Some(l) => {
                let all: Vec<&str> = l
                    .forces
                    .iter()
                    .chain(&l.locations)
                    .map(String::as_str)
                    .collect();
                let shown = if all.is_empty() {
                    "none".to_string()
                } else {
                    all.join("; ")
                };
                writeln!(w, "   leakage: {shown}")?;
            }
        }
        Ok(())
    }
}
