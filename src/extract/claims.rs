//! Quantified assertions: a number (digits, words, a range) with the unit
//! or counted noun that follows it, the sentence that states it, who the
//! text attributes it to, and the date the text gives.
//!
//! Conventions for vague quantities (documented in the README): "a dozen" =
//! 12, "dozens" = 24, "scores" = 40, "tens" = 20, "hundreds" = 200,
//! "thousands" = 2000; "several", "a few" and "many" are not numbers.
//! A comma followed by exactly two digits ("15,00") is read as a misplaced
//! thousands separator (1500).

use super::cues::{self, Cue, Group};
use foldhash::HashMap;
use regex::Regex;
use regex_automata::{meta, Anchored, Input};
use std::sync::LazyLock;

/// A quantity found in a sentence, before attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub high: Option<f64>,
    pub unit: &'static str,
    /// Number and unit as printed, and where.
    pub start: usize,
    pub end: usize,
}

const NUMBER: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{2}(?:[^\d,]|$)|\d+(?:\.\d+)?";

/// One number (digits) as `digit_numbers` reads it. It used to be a
/// group of one regex with captures,
/// `(?:^|[^\p{L}\p{N}\-/.,:])(?P<a>NUMBER)(?:\s*(?:-|–|—|to)\s*(?P<b>NUMBER))?(?:\s*(?P<mult>million|thousand|hundred|mln|k)(?-u:\b))?`,
/// whose unanchored search and capture engine cost more than the rest of
/// the claim rules together.
static NUMBER_AT: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(NUMBER).expect("NUMBER"));
/// A character that may not stand just before a number.
static NOT_BEFORE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}\-/.,:]").expect("class"));

pub(crate) const WORD_NUMBERS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("a dozen", 12.0),
    ("dozens", 24.0),
    ("scores", 40.0),
    ("tens", 20.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
];

/// Numbers in words ("twenty-five", "tens of thousands of"), tried
/// anchored at the number-word cues the alias lookup noted (`cues`).
pub(crate) fn words_pattern() -> String {
    let alts: Vec<&str> = {
        let mut v: Vec<&str> = WORD_NUMBERS.iter().map(|(w, _)| *w).collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        v
    };
    format!(
        r"(?i)(?-u:\b)(?P<w>(?:{alts})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s+(?P<mult>hundred|thousand|million|of\s+thousands|of\s+millions))?(?:\s+of)?(?-u:\b)",
        alts = alts.join("|")
    )
}
static WORDS: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(&words_pattern()).expect("WORDS"));

/// `WORDS`'s matches in `s` that start at one of `starts` (ascending), as
/// `captures_iter` gives them: the number word and its multiplier.
fn word_numbers<'h>(
    s: &'h str,
    starts: impl Iterator<Item = usize> + 'h,
) -> impl Iterator<Item = (Group<'h>, Option<Group<'h>>)> + 'h {
    // Made at the first cue: most sentences have none.
    let mut caps = None;
    let mut done = 0;
    starts.filter_map(move |at| {
        if at < done {
            return None;
        }
        let input = Input::new(s).range(at..).anchored(Anchored::Yes);
        // Most matches are one word ("twelve", "dozens"): that word is
        // the number and there is no multiplier, so the capture search,
        // slower than the DFA's, only runs on longer ones.
        let m = WORDS.find(input.clone())?;
        done = m.end();
        if s[m.range()].bytes().all(|b| b.is_ascii_alphabetic()) {
            return Some((Group::new(s, m.start(), m.end()), None));
        }
        let caps = caps.get_or_insert_with(|| WORDS.create_captures());
        WORDS.search_captures(&input, caps);
        let m = caps.get_match().expect("the match found above");
        debug_assert_eq!(done, m.end());
        let group = |name| {
            caps.get_group_by_name(name)
                .map(|g| Group::new(s, g.start, g.end))
        };
        Some((group("w").expect("word"), group("mult")))
    })
}

/// A number in digits: the number, the top of its range, its multiplier.
struct DigitNumber<'h> {
    a: Group<'h>,
    b: Option<Group<'h>>,
    mult: Option<Group<'h>>,
}

/// Whether `b` holds an ASCII digit. Tested 64 bytes at a time without
/// a branch per byte, which the compiler turns into vector compares:
/// most paragraphs and sentences are tested whole.
pub(crate) fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(64)
        .any(|c| c.iter().fold(false, |any, x| any | x.is_ascii_digit()))
}

/// The first ASCII digit or lead byte of a multi-byte character in `b`.
/// Chunks of 32 bytes without one are passed over whole, as
/// `has_ascii_digit` does.
fn first_digit_or_lead(b: &[u8]) -> Option<usize> {
    let hit = |c: &u8| c.is_ascii_digit() || *c >= 0xC0;
    let mut at = 0;
    for chunk in b.chunks(32) {
        if chunk.iter().fold(false, |any, c| any | hit(c)) {
            return chunk.iter().position(hit).map(|p| at + p);
        }
        at += chunk.len();
    }
    None
}

/// The `NUMBER` that starts exactly at `at` in `s` (`$` is `s`'s end).
fn number_at(s: &str, at: usize) -> Option<Group<'_>> {
    let end = match ascii_number_end(s.as_bytes(), at) {
        Some(end) => end,
        None => cues::match_at(&NUMBER_AT, s, at)?.1,
    };
    Some(Group::new(s, at, end))
}

/// Where `NUMBER` matched at `at` ends, read by hand while the bytes it
/// looks at are ASCII (`\d` is then `[0-9]`); `None` when a non-ASCII
/// byte would decide it (a digit of another script, a character after
/// "15,00"), or when no number starts at `at`, for the regex to settle.
fn ascii_number_end(b: &[u8], at: usize) -> Option<usize> {
    // The end of the ASCII digits from `i`, or None where a non-ASCII
    // byte follows them (it may be a digit to `\d`).
    let digits = |i: usize| {
        let n = b
            .get(i..)?
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        match b.get(i + n) {
            Some(&c) if c >= 0x80 => None,
            _ => Some(i + n),
        }
    };
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let run = digits(at)?;
    if run == at {
        return None;
    }
    // A fraction: "." and digits.
    let fraction = |p: usize| -> Option<usize> {
        if b.get(p) == Some(&b'.') && digit(p + 1) {
            digits(p + 1)
        } else if b.get(p) == Some(&b'.') && b.get(p + 1).is_some_and(|&c| c >= 0x80) {
            None
        } else {
            Some(p)
        }
    };
    // `\d{1,3}(?:,\d{3})+(?:\.\d+)?`: thousands groups.
    let group = |p: usize| b.get(p) == Some(&b',') && (1..=3).all(|k| digit(p + k));
    // A comma before a non-ASCII byte: a digit of another script may
    // make a group (or "15,00") of it.
    let unsure = |p: usize| {
        b.get(p) == Some(&b',') && (1..=3).any(|k| b.get(p + k).is_some_and(|&c| c >= 0x80))
    };
    if run - at <= 3 && group(run) {
        let mut p = run;
        while group(p) {
            p += 4;
        }
        if unsure(p) || b.get(p).is_some_and(|&c| c >= 0x80) {
            return None;
        }
        return fraction(p);
    }
    if unsure(run) {
        return None;
    }
    // `\d+,\d{2}(?:[^\d,]|$)`: "15,00", a misplaced separator.
    if b.get(run) == Some(&b',') && digit(run + 1) && digit(run + 2) {
        match b.get(run + 3) {
            None => return Some(run + 3),
            Some(&c) if c >= 0x80 => return None,
            Some(&c) if !c.is_ascii_digit() && c != b',' => return Some(run + 4),
            Some(_) => {}
        }
    }
    // `\d+(?:\.\d+)?`.
    fraction(run)
}

/// `at` moved past the whitespace (`\s`) there.
fn skip_space(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start().len())
}

/// Whether `at` is an ASCII word boundary (`(?-u:\b)`) in `s`.
fn ascii_boundary(s: &str, at: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = s.as_bytes();
    let before = at > 0 && word(b[at - 1]);
    let after = at < b.len() && word(b[at]);
    before != after
}

/// The numbers in digits in `s`, in order and without overlaps, exactly
/// as the one regex's `captures_iter` found them (see `NUMBER_AT`), read
/// without it: `NUMBER` is matched anchored at each digit that can begin
/// one (the regex's leading class, checked by hand), and the optional
/// range and multiplier after it are plain text. Digits are `\d`:
/// non-ASCII decimal digits count.
fn digit_numbers(s: &str) -> impl Iterator<Item = DigitNumber<'_>> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    // Where the last number ended: the character before the next one
    // must come at or after it.
    let mut done = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            // Straight to the next digit or multi-byte character.
            let Some(p) = first_digit_or_lead(&b[i..]) else {
                i = b.len();
                break;
            };
            let at = i + p;
            i = at + 1;
            let c = b[at];
            let digit = c.is_ascii_digit()
                || (c >= 0xC0 && s[at..].chars().next().is_some_and(char::is_numeric));
            if !digit || !can_start_number(s, at, done) {
                continue;
            }
            let Some(a) = number_at(s, at) else {
                continue;
            };
            let mut end = a.end;
            let bnum = range_top(s, a.end);
            if let Some(g) = bnum {
                end = g.end;
            }
            let mult = multiplier_word(s, end);
            if let Some(g) = mult {
                end = g.end;
            }
            done = end;
            i = end;
            return Some(DigitNumber { a, b: bnum, mult });
        }
        None
    })
}

/// Whether a number may begin at the digit at `at`: at the sentence's
/// start, or after a character other than a letter, a digit or one of
/// "-/.,:" that the last number (ending at `done`) did not take.
fn can_start_number(s: &str, at: usize, done: usize) -> bool {
    if at == 0 {
        return true;
    }
    let prev = s.as_bytes()[at - 1];
    if prev < 0x80 {
        return at > done && !(prev.is_ascii_alphanumeric() || b"-/.,:".contains(&prev));
    }
    let mut q = at - 1;
    while !s.is_char_boundary(q) {
        q -= 1;
    }
    q >= done && !NOT_BEFORE_NUMBER.is_match(&s[q..at])
}

/// The top of a range after a number ending at `at`: `\s*(?:-|–|—|to)\s*NUMBER`.
fn range_top(s: &str, at: usize) -> Option<Group<'_>> {
    let p = skip_space(s, at);
    let sep = ["-", "–", "—", "to"]
        .into_iter()
        .find(|sep| s[p..].starts_with(sep))?;
    number_at(s, skip_space(s, p + sep.len()))
}

/// A multiplier after a number ending at `at`:
/// `\s*(million|thousand|hundred|mln|k)(?-u:\b)`.
fn multiplier_word(s: &str, at: usize) -> Option<Group<'_>> {
    let p = skip_space(s, at);
    ["million", "thousand", "hundred", "mln", "k"]
        .into_iter()
        .find(|w| s[p..].starts_with(w) && ascii_boundary(s, p + w.len()))
        .map(|w| Group::new(s, p, p + w.len()))
}

/// Measure units written right after the number, one pattern per unit
/// (`MEASURE_UNITS`, same order), tried anchored where the number ends:
/// the id of the pattern that matches names the unit, so one DFA search
/// does what a regex with a named group per unit needed a capture search
/// for. Patterns earlier in the list win, as alternatives would.
const MEASURE_PATTERNS: &[&str] = &[
    r"(?i)\s*(?:km2|km²|sq\.?\s*km|square\s+kilomet(?:er|re)s?|kilomet(?:er|re)s?\s+squared)(?-u:\b)",
    r"(?i)\s*(?:square\s+miles?|sq\.?\s*mi)(?-u:\b)",
    r"(?i)\s*(?:kms?|kilomet(?:er|re)s?)(?-u:\b)",
    r"(?i)\s*(?:miles?|mi)(?-u:\b)",
    r"(?i)\s*(?:met(?:er|re)s?|m)(?-u:\b)",
    r"(?i)\s*(?:hectares?)(?-u:\b)",
    r"(?i)\s*(?:%|percent|per\s+cent)(?-u:\b)",
    r"\s*%",
];
const MEASURE_UNITS: &[&str] = &["km2", "mi2", "km", "mi", "m", "ha", "percent", "percent"];
static MEASURE: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new_many(MEASURE_PATTERNS).expect("MEASURE"));

/// The measure unit that starts `rest` (after any whitespace), and where
/// it ends.
fn measure(rest: &str) -> Option<(&'static str, usize)> {
    let m = MEASURE.find(Input::new(rest).anchored(Anchored::Yes))?;
    Some((MEASURE_UNITS[m.pattern().as_usize()], m.end()))
}

/// Whether `MEASURE` can match `rest`: its first character after
/// whitespace starts a unit. Case-insensitive matching also takes U+017F
/// for s and U+212A for k. Most numbers are followed by a noun, and the
/// regex with its captures costs more than this test.
fn may_be_measure(rest: &str) -> bool {
    rest.trim_start().chars().next().is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            'k' | 's' | 'm' | 'h' | 'p' | '%' | '\u{17f}' | '\u{212a}'
        )
    })
}

/// Counted nouns, up to three words after the number ("3000 ISIS
/// fighters", "twelve trucks"), and the unit each is reported as.
const NOUNS: &[(&str, &str)] = &[
    ("fighters", "fighters"),
    ("fighter", "fighters"),
    ("militants", "fighters"),
    ("militant", "fighters"),
    ("gunmen", "fighters"),
    ("terrorists", "fighters"),
    ("jihadists", "fighters"),
    ("insurgents", "fighters"),
    ("rebels", "fighters"),
    ("mercenaries", "fighters"),
    ("soldiers", "fighters"),
    ("soldier", "fighters"),
    ("troops", "fighters"),
    ("servicemen", "fighters"),
    ("personnel", "fighters"),
    ("members", "fighters"),
    ("recruits", "fighters"),
    ("men", "fighters"),
    ("commanders", "fighters"),
    ("snipers", "fighters"),
    ("militiamen", "fighters"),
    ("combatants", "fighters"),
    ("paratroopers", "fighters"),
    ("marines", "fighters"),
    ("officers", "fighters"),
    ("civilians", "casualties"),
    ("civilian", "casualties"),
    ("people", "casualties"),
    ("persons", "casualties"),
    ("children", "casualties"),
    ("women", "casualties"),
    ("residents", "casualties"),
    ("casualties", "casualties"),
    ("dead", "casualties"),
    ("deaths", "casualties"),
    ("bodies", "casualties"),
    ("victims", "casualties"),
    ("killed", "casualties"),
    ("wounded", "casualties"),
    ("injured", "casualties"),
    ("vehicles", "vehicles"),
    ("vehicle", "vehicles"),
    ("tanks", "vehicles"),
    ("tank", "vehicles"),
    ("APCs", "vehicles"),
    ("BMPs", "vehicles"),
    ("pickups", "vehicles"),
    ("technicals", "vehicles"),
    ("cars", "vehicles"),
    ("SUVs", "vehicles"),
    ("VBIEDs", "vehicles"),
    ("bulldozers", "vehicles"),
    ("trucks", "trucks"),
    ("truck", "trucks"),
    ("lorries", "trucks"),
    ("buses", "buses"),
    ("bus", "buses"),
    ("points", "points"),
    ("positions", "points"),
    ("checkpoints", "points"),
    ("outposts", "points"),
    ("posts", "points"),
    ("hills", "points"),
    ("heights", "points"),
    ("strongholds", "points"),
    ("sites", "points"),
    ("bases", "points"),
    ("fortifications", "points"),
    ("hilltops", "points"),
    ("villages", "villages"),
    ("village", "villages"),
    ("towns", "villages"),
    ("settlements", "villages"),
    ("hamlets", "villages"),
    ("farms", "villages"),
    ("neighbourhoods", "villages"),
    ("neighborhoods", "villages"),
    ("days", "days"),
    ("day", "days"),
    ("hours", "hours"),
    ("hour", "hours"),
    ("years", "years"),
    ("year", "years"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("months", "months"),
    ("month", "months"),
    ("minutes", "minutes"),
    ("shells", "shells"),
    ("rockets", "shells"),
    ("mortars", "shells"),
    ("missiles", "missiles"),
    ("missile", "missiles"),
    ("bombs", "shells"),
    ("projectiles", "shells"),
    ("rounds", "shells"),
    ("drones", "drones"),
    ("UAVs", "drones"),
    ("airstrikes", "airstrikes"),
    ("strikes", "airstrikes"),
    ("raids", "airstrikes"),
    ("sorties", "airstrikes"),
    ("aircraft", "aircraft"),
    ("warplanes", "aircraft"),
    ("jets", "aircraft"),
    ("helicopters", "aircraft"),
    ("prisoners", "prisoners"),
    ("detainees", "prisoners"),
    ("hostages", "prisoners"),
    ("captives", "prisoners"),
    ("families", "people"),
    ("refugees", "people"),
    ("displaced", "people"),
    ("IDPs", "people"),
    ("weapons", "weapons"),
    ("guns", "weapons"),
    ("artillery", "weapons"),
    ("howitzers", "weapons"),
    ("mines", "weapons"),
    ("IEDs", "weapons"),
    ("attacks", "attacks"),
    ("attack", "attacks"),
    ("clashes", "attacks"),
    ("ambushes", "attacks"),
];

/// `NOUNS` indexed: each printed form to its first entry, and each
/// all-lowercase form to its first entry, so a word is looked up in two
/// hash probes rather than a scan of the table.
type NounIndex = (HashMap<&'static str, usize>, HashMap<&'static str, usize>);
static NOUN_INDEX: LazyLock<NounIndex> = LazyLock::new(|| {
    let mut exact = HashMap::default();
    let mut lower = HashMap::default();
    for (i, (n, _)) in NOUNS.iter().enumerate() {
        exact.entry(*n).or_insert(i);
        if n.chars().all(char::is_lowercase) {
            lower.entry(*n).or_insert(i);
        }
    }
    (exact, lower)
});

/// The first `NOUNS` entry that is `word` as printed, or, for an
/// all-lowercase entry, `word` lowercased.
fn noun_entry(word: &str, lower: &str) -> Option<(&'static str, &'static str)> {
    let (exact, low) = &*NOUN_INDEX;
    // An all-lowercase word finds the same entry in both maps.
    if word == lower {
        return exact.get(word).map(|&i| NOUNS[i]);
    }
    let i = match (exact.get(word), low.get(lower)) {
        (Some(a), Some(b)) => (*a).min(*b),
        (Some(a), None) | (None, Some(a)) => *a,
        (None, None) => return None,
    };
    Some(NOUNS[i])
}

/// A word lowercased (see `lowercase`).
enum Lower<'a> {
    Borrowed(&'a str),
    /// A short ASCII word, lowercased on the stack.
    Inline([u8; 24], u8),
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Inline(b, n) => std::str::from_utf8(&b[..*n as usize]).expect("ASCII"),
            Lower::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

/// `word` lowercased: borrowed when it has no capital (most words), and
/// without an allocation when it is short ASCII. The counted-noun search
/// lowercases up to four words per number.
fn lowercase(word: &str) -> Lower<'_> {
    if !word.is_ascii() {
        return Lower::Owned(word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Lower::Borrowed(word);
    }
    let mut buf = [0u8; 24];
    match buf.get_mut(..word.len()) {
        Some(dst) => {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            Lower::Inline(buf, word.len() as u8)
        }
        None => Lower::Owned(word.to_ascii_lowercase()),
    }
}

/// Words that end the search for a counted noun: the number belongs to
/// another clause.
const BREAKERS: &[&str] = &[
    "and", "or", "were", "was", "are", "is", "in", "on", "at", "by", "from", "who", "which",
    "that", "had", "have", "has", "with", "to", "into", "for", "than", "as", "after", "before",
    "since",
];

/// The counted noun among the (up to four) words after a number: its unit
/// word and where it ends, relative to `rest`.
fn counted_noun(rest: &str) -> Option<(&'static str, &str, usize)> {
    let mut pos = 0;
    for _ in 0..4 {
        let skipped = rest[pos..].len() - rest[pos..].trim_start().len();
        if skipped == 0 && pos > 0 {
            return None;
        }
        let start = pos + skipped;
        let len = rest[start..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .unwrap_or(rest.len() - start);
        if len == 0 {
            return None;
        }
        let word = &rest[start..start + len];
        let lower = lowercase(word);
        let lower = lower.as_ref();
        if let Some((n, u)) = noun_entry(word, lower) {
            return Some((u, n, start + len));
        }
        // Breakers are lowercase words: "IS fighters" is not "is".
        if word == lower && BREAKERS.contains(&lower) && !(pos == 0 && lower == "of") {
            return None;
        }
        // Any other counted plural ("12 hideouts", "2,300 explosions"):
        // reported as "other".
        if is_plural_noun(word) {
            return Some(("other", "", start + len));
        }
        pos = start + len;
    }
    None
}

/// Words ending in s that are not counted plurals.
const NOT_PLURALS: &[&str] = &[
    "this",
    "thus",
    "does",
    "goes",
    "plus",
    "less",
    "unless",
    "across",
    "always",
    "perhaps",
    "whereas",
    "besides",
    "towards",
    "afterwards",
    "sometimes",
    "news",
    "series",
    "means",
    "lies",
    "others",
    "ones",
    "percent",
    "various",
    "serious",
    "previous",
    "famous",
    "numerous",
    "obvious",
    "nervous",
    "enormous",
    "dangerous",
    "anonymous",
    "tremendous",
    "continuous",
];

fn is_plural_noun(word: &str) -> bool {
    word.len() >= 4
        && word.chars().all(|c| c.is_ascii_lowercase())
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && !word.ends_with("ous")
        && !NOT_PLURALS.contains(&word)
}

static AND_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:and|or|to)\s+(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?-u:\b)").unwrap()
});
/// The number `AND_NUMBER` reads at the start of `s`, and where its
/// match ends. Most numbers are not followed by "and", "or" or "to": the
/// capture search only runs where one is.
fn and_number(s: &str) -> Option<(&str, usize)> {
    let t = s.trim_start();
    let joined = t.len() < s.len()
        && ["and", "or", "to"].iter().any(|w| {
            t.strip_prefix(w)
                .is_some_and(|r| r.starts_with(char::is_whitespace))
        });
    if !joined {
        return None;
    }
    let c = AND_NUMBER.captures(s)?;
    Some((
        c.get(1).expect("number").as_str(),
        c.get(0).expect("match").end(),
    ))
}
static TOLL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"toll\s+(?:\w+\s+){0,3}(?:at|to|of|reached|stood\s+at|rose\s+to|climbed\s+to)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|around\s+)?$").unwrap()
});

/// A month's name or abbreviation: whole ("May", "Sept."), so that
/// "maybe" or "Marines" is none.
macro_rules! month {
    () => {
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    };
}

/// What stands before a number with no unit that still counts something
/// (see `quantities_cued`).
static BARE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?P<population>population\s+of)|(?P<number>(?:the|their|its|whose)\s+(?:\w+\s+){0,2}(?:number|strength)\s+(?:\w+\s+){0,4}(?:at|to|closer\s+to|reached|stood\s+at|rose\s+to|fell\s+to))|(?P<from>(?:down|up)\s+from))\s+(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?$").unwrap()
});

static MONTH_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"(?i)(?-u:\b)", month!(), r"\.?\s*$")).unwrap());
static MONTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!(r"(?i)^\s*", month!(), r"(?-u:\b)")).unwrap());
static CASUALTY_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)kill|dead|died|death|wound|injur|casualt|massacre|slain|bodies").unwrap()
});

/// Whether `hay` holds the ASCII `word` in any case: a cheap test before
/// a regex that needs the word. (Of non-ASCII letters only the Kelvin sign
/// and the long s fold to ASCII ones; a text would have to spell "toll",
/// "number" or "strength" with them to be missed.)
fn has_ascii_word(hay: &str, word: &[u8]) -> bool {
    hay.as_bytes()
        .windows(word.len())
        .any(|x| x.eq_ignore_ascii_case(word))
}

/// The last `n` bytes (or fewer, on a character boundary) before `at`.
fn tail(text: &str, at: usize, n: usize) -> &str {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    &text[s..at]
}

fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(|c: char| !c.is_ascii_digit());
    if let Some((head, tail)) = s.split_once(',') {
        if tail.len() == 2 && !tail.contains(',') {
            // "15,00": a misplaced thousands separator.
            return format!("{head}{tail}").parse().ok();
        }
    }
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

fn multiplier(m: Option<&str>) -> f64 {
    let m = m.map(|m| m.trim_start_matches("of").trim().to_ascii_lowercase());
    match m.as_deref() {
        Some("million" | "mln" | "millions") => 1e6,
        Some("thousand" | "k" | "thousands") => 1e3,
        Some("hundred") => 1e2,
        _ => 1.0,
    }
}

fn word_value(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    let (head, tail) = match w.split_once(['-', ' ']) {
        Some((h, t)) if !h.starts_with('a') => (h.to_string(), Some(t.to_string())),
        _ => (w.clone(), None),
    };
    let base = WORD_NUMBERS.iter().find(|(n, _)| *n == head)?.1;
    let extra = tail
        .and_then(|t| WORD_NUMBERS.iter().find(|(n, _)| *n == t).map(|x| x.1))
        .unwrap_or(0.0);
    Some(base + extra)
}

/// The unit that follows a number ending at `end` in `text`, and where the
/// unit ends; `None` when nothing countable follows.
fn unit_after(
    text: &str,
    sentence_start: usize,
    end: usize,
    sentence_end: usize,
) -> Option<(&'static str, usize)> {
    let rest = &text[end..sentence_end];
    if let Some((unit, m_end)) = may_be_measure(rest).then(|| measure(rest)).flatten() {
        // "year-old", "-meter-long" and the like are not claims.
        if !rest[m_end..].starts_with('-') {
            return Some((unit, end + m_end));
        }
    }
    if let Some(tail) = rest.strip_prefix(['-', '‑']) {
        // "72-hour" as an adjective: take the noun it qualifies. The
        // hyphen may be U+2011, three bytes.
        let hy = rest.len() - tail.len();
        let noun_end = tail
            .find(|c: char| !c.is_alphabetic())
            .map_or(rest.len(), |i| i + hy);
        let w = rest[hy..noun_end].to_lowercase();
        let w = w.trim_end_matches('s');
        if let Some((_, u)) = NOUNS.iter().find(|(n, _)| n.trim_end_matches('s') == w) {
            if matches!(
                *u,
                "days" | "hours" | "years" | "weeks" | "months" | "minutes"
            ) && !rest[noun_end..].starts_with("-old")
            {
                return Some((*u, end + noun_end));
            }
        }
        return None;
    }
    let (unit, word, noun_end) = counted_noun(rest)?;
    if word == "year" || word == "years" {
        let after = &rest[noun_end..];
        if after.starts_with("-old") || after.trim_start().starts_with("old") {
            return None;
        }
    }
    let unit = if unit == "casualties"
        && !CASUALTY_CONTEXT.is_match(&text[sentence_start..sentence_end])
    {
        "people"
    } else {
        unit
    };
    Some((unit, end + noun_end))
}

/// Quantities in the sentence `text[start..end]`.
pub fn quantities(text: &str, start: usize, end: usize) -> Vec<Quantity> {
    quantities_cued(text, start, end, &cues::scan(text, start, end))
}

/// Quantities in the sentence `text[start..end]`, given the article's
/// cues (in text order).
pub fn quantities_cued(text: &str, start: usize, end: usize, cues: &[Cue]) -> Vec<Quantity> {
    let s = &text[start..end];
    let mut out: Vec<Quantity> = Vec::new();
    let has_digit = has_ascii_digit(s.as_bytes());
    let numbers = has_digit.then(|| digit_numbers(s)).into_iter().flatten();
    for DigitNumber { a, b, mult } in numbers {
        let qs = start + a.start();
        let num_end = start + mult.or(b).unwrap_or(a).end();
        let a_str = a.as_str().trim_end_matches(|ch: char| !ch.is_ascii_digit());
        let num_end = if b.is_none() && mult.is_none() {
            qs + a_str.len()
        } else {
            num_end
        };
        // Already part of a range or a quantity found before.
        if out.iter().any(|q| q.start <= qs && qs < q.end) {
            continue;
        }
        // Ordinals, dates, times and model numbers are not quantities.
        let after = &text[qs + a_str.len()..];
        if after.starts_with(|ch: char| ch.is_ascii_alphabetic())
            && !(may_be_measure(after) && measure(after).is_some())
        {
            continue;
        }
        if after
            .strip_prefix(['-', '‑'])
            .is_some_and(|t| t.starts_with(|ch: char| ch.is_ascii_digit()))
            && b.is_none()
        {
            continue;
        }
        if MONTH_BEFORE.is_match(tail(text, qs, 16)) || MONTH_AFTER.is_match(after) {
            continue;
        }
        let m = multiplier(mult.map(|m| m.as_str()));
        let Some(v) = parse_number(a.as_str()).map(|v| v * m) else {
            continue;
        };
        let mut high = b.and_then(|b| parse_number(b.as_str())).map(|v| v * m);
        let mut num_end = num_end;
        // "between 200 and 300 fighters": a range.
        if high.is_none() && tail(text, qs, 8).eq_ignore_ascii_case("between ") {
            if let Some((n, e)) = and_number(&text[num_end..end]) {
                high = parse_number(n);
                num_end += e;
            }
        }
        let unit = unit_after(text, start, num_end, end).or_else(|| {
            // "45 and 130 km": the first number shares the second's unit,
            // but stays a claim of its own.
            let second_end = num_end + and_number(&text[num_end..end])?.1;
            unit_after(text, start, second_end, end).map(|(u, _)| (u, num_end))
        });
        let unit = unit.or_else(|| {
            // "put the toll at 25", "the death toll rose to 31".
            // Only ASCII letters lowercase to the ASCII of "toll".
            let before = &text[start..qs];
            (has_ascii_word(before, b"toll") && TOLL.is_match(&before.to_lowercase()))
                .then_some(("casualties", num_end))
        });
        let unit = unit.or_else(|| {
            // A bare number the words before make a count: "a population
            // of about 200,000"; "put the number closer to 1,500"; "16,000
            // people remain, down from 35,000" (the unit of the count it
            // is compared with).
            let before = tail(text, qs, 60);
            // Most bare numbers are years and the like: the regex only
            // runs where one of its words is.
            if ![&b"population"[..], b"number", b"strength", b"from"]
                .iter()
                .any(|w| has_ascii_word(before, w))
            {
                return None;
            }
            // Which of its three alternatives matched shows in the first
            // letter of the match ("population", "down"/"up", else "the
            // number..."): the match alone is found without captures.
            let m = BARE_COUNT.find(before)?;
            match m.as_str().as_bytes()[0].to_ascii_lowercase() {
                b'p' => Some(("people", num_end)),
                b'd' | b'u' => out.last().map(|q| (q.unit, num_end)),
                _ => Some(("other", num_end)),
            }
        });
        let Some((unit, unit_end)) = unit else {
            continue;
        };
        out.push(Quantity {
            value: v,
            high,
            unit,
            start: qs,
            end: unit_end,
        });
    }
    for (w, mult) in word_numbers(s, cues::starts(cues, start, end, cues::NUMBER_WORD)) {
        let Some(mut v) = word_value(w.as_str()) else {
            continue;
        };
        v *= multiplier(mult.map(|m| m.as_str()));
        let num_end = start + mult.unwrap_or(w).end();
        let qs = start + w.start();
        if out.iter().any(|q| q.start <= qs && qs < q.end) {
            continue;
        }
        // "one of the", "one by one": not counts.
        let Some((unit, unit_end)) = unit_after(text, start, num_end, end) else {
            continue;
        };
        // "one" counts for a duration, a distance, or a singular noun
        // right after it ("one civilian"); not "one of the commanders".
        let next_is_singular = text[num_end..unit_end].split_whitespace().count() == 1
            && !text[num_end..unit_end].trim().ends_with('s');
        if w.as_str().eq_ignore_ascii_case("one")
            && !matches!(
                unit,
                "days" | "hours" | "years" | "weeks" | "months" | "km" | "mi"
            )
            && !(next_is_singular && unit != "other")
        {
            continue;
        }
        out.push(Quantity {
            value: v,
            high: None,
            unit,
            start: qs,
            end: unit_end,
        });
    }
    out.sort_by_key(|q| q.start);
    merge_conversions(text, &mut out);
    out
}

/// "30 km (19 miles)" is one claim, stated in two units.
fn merge_conversions(text: &str, qs: &mut Vec<Quantity>) {
    let mut i = 0;
    while i + 1 < qs.len() {
        if qs[i].end > qs[i + 1].start {
            i += 1;
            continue;
        }
        let gap = &text[qs[i].end..qs[i + 1].start];
        let pair = (qs[i].unit, qs[i + 1].unit);
        let convertible = matches!(
            pair,
            ("km", "mi") | ("mi", "km") | ("km2", "mi2") | ("mi2", "km2") | ("m", "ft")
        );
        if convertible && gap.trim() == "(" {
            let close = text[qs[i + 1].end..]
                .find(')')
                .map(|p| qs[i + 1].end + p + 1);
            qs[i].end = close.unwrap_or(qs[i + 1].end);
            qs.remove(i + 1);
        }
        i += 1;
    }
}

/// A sentence stop and the capital or digit after it. Tried anchored at
/// each '.', '!' and '?' (`sentence_ends`): an unanchored search also ran
/// backwards from each match to find where it began.
static SENTENCE_END: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(SENTENCE_END_PATTERN).unwrap());
const SENTENCE_END_PATTERN: &str = r#"[.!?]['"’”)]*\s+["“‘(]?[\p{Lu}\d]"#;

/// The `SENTENCE_END` matches in `p`, as `find_iter` gives them: every
/// match starts at a stop, so they are the anchored matches at the stops.
fn sentence_ends(p: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    cues::matches_at(
        &SENTENCE_END,
        p,
        memchr::memchr3_iter(b'.', b'!', b'?', p.as_bytes()),
    )
}
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "brig", "st", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
    "u.n", "u.k", "e.g", "i.e", "approx", "est", "prof", "rep", "sen", "gov",
];

/// Sentence spans of the paragraph `text[start..end]`.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let p = &text[start..end];
    let mut out = Vec::new();
    let mut s = 0;
    for (dot, m_end) in sentence_ends(p) {
        let word_start = p[..dot]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = lowercase(&p[word_start..dot]);
        let single_cap = word.chars().count() == 1;
        if ABBREVIATIONS.contains(&word.as_ref()) || single_cap {
            continue;
        }
        let cut = m_end - p[dot..m_end].chars().last().map_or(0, char::len_utf8);
        let cut = p[..cut].trim_end().len();
        // Keep an opening quote with the next sentence.
        let cut = p[..cut]
            .trim_end_matches(['"', '“', '‘', '('])
            .trim_end()
            .len();
        if cut > s {
            out.push((start + s, start + cut));
        }
        s = cut + (p[cut..].len() - p[cut..].trim_start().len());
    }
    if s < p.len() {
        out.push((start + s, end));
    }
    out
}

/// A date: every match starts at a `cues::DATE` token (a number, or a
/// word that starts like a month or a weekday).
pub(crate) const DATE_PATTERN: &str = concat!(
    r"(?i)(?-u:\b)(?:",
    month!(),
    r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+",
    month!(),
    r"(?:\.?\s+\d{4})?|\d{4}-\d{2}-\d{2}|(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{4}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?-u:\b)"
);
static DATE: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(DATE_PATTERN).expect("DATE"));

/// The first date the sentence gives, as printed. ("May" alone is a verb
/// as often as a month: DATE needs a day.)
pub fn date_in(sentence: &str) -> Option<&str> {
    date_in_cued(
        sentence,
        0,
        sentence.len(),
        &cues::scan(sentence, 0, sentence.len()),
    )
}

/// The first date the sentence `text[s..e]` gives, given the article's
/// cues (in text order).
pub fn date_in_cued<'t>(text: &'t str, s: usize, e: usize, cues: &[Cue]) -> Option<&'t str> {
    let sent = &text[s..e];
    cues::matches_at(&DATE, sent, cues::starts(cues, s, e, cues::DATE))
        .next()
        .map(|(a, b)| &sent[a..b])
}

pub(crate) const ACCORDING_PATTERN: &str = r"(?i)(?-u:\b)according\s+to\s+(?:the\s+|a\s+|an\s+)?";
static ACCORDING: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(ACCORDING_PATTERN).expect("ACCORDING"));
/// Verbs of saying; `cues::SAY` lists the same words.
pub(crate) const SAY_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "announce",
    "claimed",
    "claims",
    "claim",
    "reported",
    "reports",
    "report",
    "stated",
    "states",
    "added",
    "adds",
    "confirmed",
    "confirms",
    "confirm",
    "told",
    "tells",
    "estimated",
    "estimates",
    "estimate",
    "believes",
    "believe",
    "noted",
    "declared",
    "alleged",
    "revealed",
    "asserted",
    "insisted",
    "recorded",
    "documented",
    "counted",
    "tallied",
    "warned",
    "wrote",
    "published",
    "posted",
    "denied",
    "denies",
    "accused",
    "accuses",
    "saying",
];
pub(crate) fn say_pattern() -> String {
    format!(r"(?-u:\b)(?:{})(?-u:\b)", SAY_WORDS.join("|"))
}
static SAY: LazyLock<meta::Regex> =
    LazyLock::new(|| meta::Regex::new(&say_pattern()).expect("SAY"));

/// Words between a subject and its verb that do not belong to either.
static ADVERBIAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\s+(?:also|later|earlier|further|again|then|previously|separately|initially|had|has|have|would|will|did\s+not|didn['’]t|does\s+not|doesn['’]t|has\s+not|hasn['’]t|had\s+not|on\s+\p{L}+day|on\s+\p{L}+\s+\d{1,2}|in\s+a\s+(?:statement|report|briefing|post|video)|on\s+(?:its|his|her|their)\s+[\p{L}\-]+(?:\s+(?:channel|account|page))?))+\s*$").unwrap()
});

/// Nouns that head a speaker's name when it is not capitalised.
const SPEAKER_HEADS: &[&str] = &[
    "command",
    "commander",
    "commanders",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "source",
    "sources",
    "activist",
    "activists",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "monitor",
    "group",
    "ministry",
    "agency",
    "statement",
    "media",
    "channel",
    "observatory",
    "network",
    "army",
    "military",
    "police",
    "authorities",
    "governor",
    "doctors",
    "medics",
    "rescuers",
    "workers",
    "council",
    "committee",
    "centre",
    "center",
    "office",
    "mission",
    "coalition",
    "militia",
    "faction",
    "wing",
    "outlet",
    "officer",
    "officers",
    "diplomat",
    "diplomats",
    "analysts",
    "experts",
    "leader",
    "leaders",
    "chief",
    "head",
    "deputy",
    "administration",
    "mayor",
    "minister",
    "director",
];
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "this", "that", "these", "we"];
/// Words that may sit inside a speaker's name ("Ministry of Defence",
/// "Hezbollah media wing in Syria").
const NP_LINKS: &[&str] = &["of", "for", "in", "al", "el", "bin", "de"];

/// A source or force mention in a sentence: start, end, surface.
pub type Speaker<'t> = (usize, usize, &'t str);

/// A speaker the sentence names, or a pronoun standing for the last one.
#[derive(Debug, Clone, PartialEq)]
pub enum Attribution {
    Named(String),
    /// "it reported", "according to this": the previous attribution.
    Pronoun,
}

/// Who the sentence `text[s..e]` attributes its claims to. `speakers` are
/// the source and force mentions inside the sentence (start, end, surface).
pub fn attribution(
    text: &str,
    s: usize,
    e: usize,
    speakers: &[Speaker<'_>],
) -> Option<Attribution> {
    attribution_cued(text, s, e, speakers, &cues::scan(text, s, e))
}

/// `attribution`, given the article's cues (in text order).
pub fn attribution_cued(
    text: &str,
    s: usize,
    e: usize,
    speakers: &[Speaker<'_>],
    cues: &[Cue],
) -> Option<Attribution> {
    let sent = &text[s..e];
    let according =
        cues::matches_at(&ACCORDING, sent, cues::starts(cues, s, e, cues::ACCORDING)).next();
    if let Some((_, m_end)) = according {
        let at = s + m_end;
        if let Some(sp) = speakers.iter().find(|sp| sp.0 >= at && sp.0 <= at + 30) {
            return Some(Attribution::Named(sp.2.to_string()));
        }
        let rest = &sent[m_end..];
        let phrase_end = rest
            .find([',', '.', ';', '(', '—', '–'])
            .unwrap_or(rest.len());
        let phrase = rest[..phrase_end].trim();
        let lower = phrase.to_lowercase();
        if PRONOUNS.contains(&lower.as_str())
            || matches!(
                lower.as_str(),
                "them" | "the source" | "the sources" | "the report"
            )
        {
            return Some(Attribution::Pronoun);
        }
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 8 {
            return Some(Attribution::Named(phrase.to_string()));
        }
    }
    for (a, b) in cues::matches_at(&SAY, sent, cues::starts(cues, s, e, cues::SAY)) {
        let m = Group::new(sent, a, b);
        let verb_at = s + m.start();
        match subject_before(text, s, verb_at, speakers) {
            Some(a) => return Some(a),
            None if m.as_str() != "told" && m.as_str() != "tells" => {
                if let Some(name) = subject_after(text, s + m.end(), e, speakers) {
                    return Some(Attribution::Named(name));
                }
            }
            None => {}
        }
    }
    // "was put at around 2,000 by the US military's Africa Command": the
    // agent of a passive verb of reckoning.
    if memchr::memmem::find(sent.as_bytes(), b" by ").is_some() {
        if let Some(m) = BY_AGENT.find(sent) {
            if let Some(name) = subject_after(text, s + m.end(), e, speakers) {
                return Some(Attribution::Named(name));
            }
        }
    }
    None
}

static BY_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:put|estimated|reported|counted|documented|recorded|confirmed|cited|given|tallied)\s+(?:at\s+(?:[^,;()]|,\d){1,40}?\s+)?by\s").unwrap()
});

/// Whether `c` belongs to a token: letters, digits and "-'’.".
fn token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// Tokens (words with their offsets) of `text[s..e]`, in order, read
/// lazily: the speaker after a verb is a few words long.
fn tokens(text: &str, s: usize, e: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text[s..e].char_indices();
    let mut start = None;
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            match (token_char(c), start) {
                (true, None) => start = Some(s + i),
                (false, Some(st)) => {
                    start = None;
                    return Some((st, s + i));
                }
                _ => {}
            }
        }
        start.take().map(|st| (st, e))
    })
}

/// The last (up to) `N` tokens of `text[s..e]`, in order, read from the
/// end: the noun phrase before a verb is a few words at the end of what
/// can be a long stretch of sentence.
fn last_tokens<const N: usize>(text: &str, s: usize, e: usize) -> ([(usize, usize); N], usize) {
    let mut out = [(0, 0); N];
    let mut k = N;
    let mut end = None;
    for (i, c) in text[s..e].char_indices().rev() {
        if k == 0 {
            break;
        }
        match (token_char(c), end) {
            (true, None) => end = Some(s + i + c.len_utf8()),
            (false, Some(en)) => {
                k -= 1;
                out[k] = (s + i + c.len_utf8(), en);
                end = None;
            }
            _ => {}
        }
    }
    if let (Some(en), true) = (end, k > 0) {
        k -= 1;
        out[k] = (s, en);
    }
    (out, k)
}

/// A capitalised word, a number, or a capitalised name behind a
/// lowercase Arabic article ("al-Masirah", "ad-Dawla").
fn is_capitalised(w: &str) -> bool {
    let name = [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-",
    ]
    .iter()
    .find_map(|a| w.strip_prefix(a))
    .unwrap_or(w);
    name.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "coalition's", "Ansarullah’s": a possessor.
fn is_possessive(w: &str) -> bool {
    ["'s", "’s"].iter().any(|p| {
        w.strip_suffix(p).is_some_and(|base| {
            !base.is_empty() && base.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    })
}

/// The noun phrase that ends at `end`, scanning back: capitalised words,
/// speaker nouns and their modifiers, "of"/"in" links, and a named
/// speaker's possessive ("the coalition's spokesman"; not "the
/// province's governor").
fn noun_phrase_before(
    text: &str,
    from: usize,
    end: usize,
    speakers: &[Speaker<'_>],
) -> Option<(usize, usize)> {
    // The scan below stops at its eighth token from the end.
    let (buf, k) = last_tokens::<8>(text, from, end);
    let toks = &buf[k..];
    let (&(_, last_end), _) = toks.split_last()?;
    if !text[last_end..end].trim().is_empty() {
        return None;
    }
    let mut start = None;
    for (n, &(a, b)) in toks.iter().rev().enumerate() {
        let w = text[a..b].trim_end_matches('.');
        let lower = lowercase(w);
        // Only spaces between this token and the phrase so far.
        if let Some(st) = start {
            if !text[b..st].chars().all(|c: char| c == ' ') {
                break;
            }
        }
        let ok = if start.is_none() {
            is_capitalised(w) || SPEAKER_HEADS.contains(&lower.as_ref())
        } else {
            is_capitalised(w)
                || SPEAKER_HEADS.contains(&lower.as_ref())
                || NP_LINKS.contains(&lower.as_ref())
                || (is_possessive(w) && n < 3 && speakers.iter().any(|sp| sp.0 <= a && a < sp.1))
                || (w.chars().all(|c| c.is_lowercase() || c == '-')
                    && n < 3
                    && !matches!(
                        lower.as_ref(),
                        "the" | "a" | "an" | "and" | "or" | "that" | "which" | "who"
                    ))
        };
        if !ok || n >= 7 {
            break;
        }
        start = Some(a);
    }
    let mut st = start?;
    // A phrase does not start with a link word or a lowercase modifier
    // unless a head noun follows.
    for &(a, b) in toks {
        if a < st {
            continue;
        }
        let w = &text[a..b];
        if NP_LINKS.contains(&lowercase(w).as_ref()) {
            st = b + 1;
        } else {
            break;
        }
    }
    (st < end).then_some((st, last_end))
}

fn subject_before(
    text: &str,
    s: usize,
    verb_at: usize,
    speakers: &[Speaker<'_>],
) -> Option<Attribution> {
    let mut pre_end = s + text[s..verb_at].trim_end().len();
    if let Some(m) = ADVERBIAL_TAIL.find(&text[s..pre_end]) {
        pre_end = s + m.start();
    }
    // "the Syrian Observatory for Human Rights (SOHR) said": step over
    // a short parenthesis (an abbreviation, a place) after the name.
    if text[s..pre_end].ends_with(')') {
        if let Some(open) = text[s..pre_end].rfind('(') {
            let inner = &text[s + open + 1..pre_end - 1];
            if inner.len() <= 40 && !inner.contains(['(', ',']) {
                pre_end = s + text[s..s + open].trim_end().len();
            }
        }
    }
    // "X, an activist network, said": step over the appositive.
    let mut pre = &text[s..pre_end];
    if pre.ends_with(',') {
        let inner = &pre[..pre.len() - 1];
        if let Some(c) = inner.rfind(',') {
            if inner[c..].split_whitespace().count() <= 12 {
                pre_end = s + c;
                pre = &text[s..pre_end];
            }
        }
    }
    let last = lowercase(
        pre.trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or(""),
    );
    if PRONOUNS.contains(&last.as_ref()) {
        return Some(Attribution::Pronoun);
    }
    let (a, b) = noun_phrase_before(text, s, pre_end, speakers)?;
    // A speaker inside the phrase; or, when the phrase starts with a
    // lowercase word, a proper name the phrase is the end of ("Syrian
    // state news agency SANA said": the scan back stops at "news"; not
    // "a military source").
    let inside = speakers
        .iter()
        .filter(|sp| sp.0 >= a && sp.1 <= b)
        .min_by_key(|sp| sp.0);
    let cut_short = text[a..b].starts_with(|c: char| c.is_lowercase());
    let ending = || {
        speakers.iter().find(|sp| {
            cut_short && sp.0 < a && sp.1 == b && sp.2.starts_with(|c: char| c.is_uppercase())
        })
    };
    if let Some(sp) = inside.or_else(ending) {
        return Some(Attribution::Named(sp.2.to_string()));
    }
    let phrase = &text[a..b];
    let lower = lowercase(phrase);
    if matches!(
        lower.as_ref(),
        "the source" | "source" | "sources" | "the sources" | "the statement" | "statement"
    ) {
        return Some(Attribution::Pronoun);
    }
    // A lone sentence-initial capital ("Meanwhile") is no speaker.
    let one_word = !phrase.contains(' ');
    if one_word
        && a == s
        && !SPEAKER_HEADS.contains(&lower.as_ref())
        && !phrase.chars().all(|c| c.is_uppercase())
    {
        return None;
    }
    Some(Attribution::Named(phrase.to_string()))
}

/// "..., said Lt. Col. Salam Jabbar", "reported SANA".
fn subject_after(text: &str, from: usize, e: usize, speakers: &[Speaker<'_>]) -> Option<String> {
    let rest = &text[from..e];
    let skip = rest.len() - rest.trim_start().len();
    let rest_t = rest.trim_start();
    let det = ["the ", "The "]
        .iter()
        .find_map(|d| rest_t.strip_prefix(d).map(|_| d.len()))
        .unwrap_or(0);
    let start = from + skip + det;
    if let Some(sp) = speakers.iter().find(|sp| sp.0 >= from && sp.0 <= start + 1) {
        // "the US military's Africa Command": the possessed is the speaker.
        let owned = ["'s ", "’s "]
            .iter()
            .find(|p| text[sp.1..e].starts_with(**p))
            .and_then(|p| subject_after(text, sp.1 + p.len(), e, speakers));
        return owned.or_else(|| Some(sp.2.to_string()));
    }
    let mut end = start;
    for (a, b) in tokens(text, start, e) {
        if !text[end..a].chars().all(|c| c == ' ') {
            break;
        }
        let w = &text[a..b];
        if is_capitalised(w) || (end > start && SPEAKER_HEADS.contains(&lowercase(w).as_ref())) {
            end = b;
        } else {
            break;
        }
    }
    let name = text[start..end].trim_end_matches([',', '.']);
    (!name.is_empty() && name.split_whitespace().count() >= 1).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hand reading of an ASCII number is the regex's, and it
        /// leaves the rest to the regex.
        #[test]
        fn ascii_numbers_end_where_the_regex_ends(s in "[0-9,. a\u{e9}\u{663}]{0,14}") {
            for at in (0..s.len()).filter(|&i| s.is_char_boundary(i)) {
                let want = cues::match_at(&NUMBER_AT, &s, at).map(|m| m.1);
                if let Some(end) = ascii_number_end(s.as_bytes(), at) {
                    proptest::prop_assert_eq!(Some(end), want, "{:?} at {}", s, at);
                }
            }
        }
    }

    fn q(s: &str) -> Vec<(f64, Option<f64>, &'static str)> {
        quantities(s, 0, s.len())
            .into_iter()
            .map(|q| (q.value, q.high, q.unit))
            .collect()
    }

    /// A non-breaking hyphen (U+2011, three bytes) after a number reads as
    /// a hyphen; it used to be sliced one byte in, and panicked.
    #[test]
    fn non_breaking_hyphens_after_numbers() {
        assert_eq!(
            q("A 72\u{2011}hour truce began."),
            q("A 72-hour truce began.")
        );
        assert_eq!(q("A 72\u{2011}hour truce began.")[0].2, "hours");
        for s in [
            "5\u{2011}",
            "5\u{2011}\u{2011}",
            "12 km\u{2011}",
            "3\u{2011}4",
            "5\u{2011}7 km",
        ] {
            quantities(s, 0, s.len());
        }
    }

    /// `digit_numbers` against the one regex it replaced, on text made of
    /// the pieces that pattern cares about.
    #[test]
    fn digit_numbers_match_the_old_regex() {
        use proptest::prelude::*;
        let old = Regex::new(&format!(
            r"(?:^|[^\p{{L}}\p{{N}}\-/.,:])(?P<a>{NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<b>{NUMBER}))?(?:\s*(?P<mult>million|thousand|hundred|mln|k)(?-u:\b))?"
        ))
        .unwrap();
        const PIECES: &[&str] = &[
            "1", "12", "123", "1234", "0", ",", ",000", ",00", ".", ".5", "-", "–", "—", "to", " ",
            "  ", "\u{a0}", "\n", "million", "millions", "k", "km", "mln", "thousand", "hundred",
            "a", "B", "_", "/", ":", "(", "“", "é", "٣", "½", "x",
        ];
        let pieces = proptest::collection::vec(proptest::sample::select(PIECES), 0..14);
        proptest!(ProptestConfig::with_cases(20_000), |(parts in pieces)| {
            let s = parts.concat();
            let want: Vec<_> = old
                .captures_iter(&s)
                .map(|c| {
                    let span = |n: &str| c.name(n).map(|m| (m.start(), m.end()));
                    (span("a").unwrap(), span("b"), span("mult"))
                })
                .collect();
            let got: Vec<_> = digit_numbers(&s)
                .map(|n| {
                    let span = |g: Option<Group>| g.map(|g| (g.start, g.end));
                    ((n.a.start, n.a.end), span(n.b), span(n.mult))
                })
                .collect();
            prop_assert_eq!(got, want, "{:?}", s);
        });
    }

    /// `may_be_measure` never rules out text `MEASURE` matches.
    #[test]
    fn measure_pretest_keeps_every_match() {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[
            " ",
            "\u{a0}",
            "\n",
            "km",
            "KM",
            "\u{212a}m",
            "2",
            "²",
            "sq",
            ".",
            "ſquare",
            "Square",
            "mile",
            "s",
            "mi",
            "m",
            "Met",
            "re",
            "Hectare",
            "%",
            "Per",
            "cent",
            "percent",
            "x",
            "-",
            "é",
        ];
        let pieces = proptest::collection::vec(proptest::sample::select(PIECES), 0..6);
        proptest!(ProptestConfig::with_cases(20_000), |(parts in pieces)| {
            let s = parts.concat();
            prop_assert!(measure(&s).is_none() || may_be_measure(&s), "{:?}", s);
        });
    }

    /// `sentence_ends` finds what an unanchored `find_iter` found.
    #[test]
    fn sentence_ends_match_find_iter() {
        use proptest::prelude::*;
        let old = Regex::new(SENTENCE_END_PATTERN).unwrap();
        const PIECES: &[&str] = &[
            ".", "!", "?", "'", "\"", "’", "”", ")", "(", " ", "  ", "\u{a0}", "\n", "“", "‘", "A",
            "É", "a", "3", "٣", "U.S", "x",
        ];
        let pieces = proptest::collection::vec(proptest::sample::select(PIECES), 0..16);
        proptest!(ProptestConfig::with_cases(20_000), |(parts in pieces)| {
            let s = parts.concat();
            let want: Vec<_> = old.find_iter(&s).map(|m| m.range()).collect();
            let got: Vec<_> = sentence_ends(&s).map(|(a, b)| a..b).collect();
            prop_assert_eq!(got, want, "{:?}", s);
        });
    }

    /// `last_tokens` gives the tail of what `tokens` gives.
    #[test]
    fn last_tokens_are_the_tail_of_tokens() {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[" ", "a", "Bé", "3", "-", "'", "’", ".", ",", "(", "—", "x"];
        let pieces = proptest::collection::vec(proptest::sample::select(PIECES), 0..24);
        proptest!(ProptestConfig::with_cases(10_000), |(parts in pieces)| {
            let s = format!("«{}»", parts.concat());
            let (from, to) = ("«".len(), s.len() - "»".len());
            let all: Vec<_> = tokens(&s, from, to).collect();
            let (buf, k) = last_tokens::<4>(&s, from, to);
            prop_assert_eq!(&buf[k..], &all[all.len().saturating_sub(4)..], "{:?}", s);
        });
    }

    #[test]
    fn areas_distances_and_typos() {
        assert_eq!(
            q("liberated more than 15,00 km2 in"),
            [(1500.0, None, "km2")]
        );
        assert_eq!(q("Captured 1,500 Km2 In Western"), [(1500.0, None, "km2")]);
        assert_eq!(q("over 2000km2 between"), [(2000.0, None, "km2")]);
        assert_eq!(q("about 18km during"), [(18.0, None, "km")]);
        assert_eq!(q("still 30 km (19 miles) away"), [(30.0, None, "km")]);
        assert_eq!(q("some 300 square kilometres"), [(300.0, None, "km2")]);
    }

    #[test]
    fn counts_ranges_and_words() {
        assert_eq!(
            q("around 3000 ISIS fighters remained"),
            [(3000.0, None, "fighters")]
        );
        assert_eq!(
            q("at least 1,000-1,500 fighters of ISIS"),
            [(1000.0, Some(1500.0), "fighters")]
        );
        assert_eq!(
            q("the IS twelve trucks with ammunition"),
            [(12.0, None, "trucks")]
        );
        assert_eq!(q("over two days of operations"), [(2.0, None, "days")]);
        assert_eq!(q("for over three years, with"), [(3.0, None, "years")]);
        assert_eq!(
            q("dozens of civilians were killed"),
            [(24.0, None, "casualties")]
        );
        assert_eq!(q("twenty-five vehicles"), [(25.0, None, "vehicles")]);
        assert_eq!(q("in the last 72 hours"), [(72.0, None, "hours")]);
        assert_eq!(
            q("between 200 and 300 IS militants"),
            [(200.0, Some(300.0), "fighters")]
        );
        assert_eq!(
            q("located 45 and 130 km from"),
            [(45.0, None, "km"), (130.0, None, "km")]
        );
        assert_eq!(q("destroyed 12 hideouts and"), [(12.0, None, "other")]);
        assert_eq!(q("killing one civilian"), [(1.0, None, "casualties")]);
        assert_eq!(
            q("tens of thousands of civilians fled"),
            [(20000.0, None, "people")]
        );
        assert_eq!(
            q("medics put the toll at 25 on Monday"),
            [(25.0, None, "casualties")]
        );
    }

    #[test]
    fn dates_ordinals_and_models_are_not_claims() {
        assert!(q("On May 9, the 5th Legion and the T-2 station").is_empty());
        assert!(q("since March 2011 with 2 of them").is_empty());
        assert!(q("a 72 year old man").is_empty());
        assert!(q("one of the commanders").is_empty());
        assert!(q("Two of them said so").is_empty());
        assert!(q("Su-24 jets and BM-21 rockets").is_empty());
    }

    #[test]
    fn sentences_split_on_stops_not_abbreviations() {
        let t = "The U.S. said 3 km. Gen. Ali agreed. “Then it ended.” Next one";
        let got: Vec<&str> = sentences(t, 0, t.len())
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(
            got,
            [
                "The U.S. said 3 km.",
                "Gen. Ali agreed.",
                "“Then it ended.”",
                "Next one"
            ]
        );
    }

    /// The scan back from "said" stops at a lowercase word inside a name:
    /// the name it ends is the speaker. A generic phrase is not widened.
    #[test]
    fn a_name_the_phrase_ends_is_the_speaker() {
        let t = "Air strikes killed 22 civilians, Syrian state news agency SANA said.";
        let s = t.find("Syrian").unwrap();
        let sp = vec![(s, t.find(" said").unwrap(), &t[s..t.find(" said").unwrap()])];
        assert_eq!(
            attribution(t, 0, t.len(), &sp),
            Some(Attribution::Named("Syrian state news agency SANA".into()))
        );
        let t = "Troops advanced 12 km, a military source said.";
        let s = t.find("a military").unwrap();
        let e = t.find(" said").unwrap();
        let sp = vec![(s, e, &t[s..e])];
        assert_eq!(
            attribution(t, 0, t.len(), &sp),
            Some(Attribution::Named("military source".into()))
        );
    }

    /// A named speaker's possessive and a name behind "al-" belong to the
    /// speaker's phrase; a common noun's possessive does not.
    #[test]
    fn a_named_possessor_is_part_of_the_speaker() {
        let t = "The coalition's spokesman told reporters its forces cleared 60 km2.";
        let e = t.find("'s").unwrap();
        let sp = vec![(0, e, &t[..e])];
        assert_eq!(
            attribution(t, 0, t.len(), &sp),
            // The speaker named inside the phrase, not "spokesman".
            Some(Attribution::Named("The coalition".into()))
        );
        let t = "The province's governor said 40 families had fled.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named("governor".into()))
        );
        let t = "Ansarullah's al-Masirah TV said 47 vehicles were destroyed.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named("Ansarullah's al-Masirah TV".into()))
        );
    }

    /// "X (ABBR) said": the parenthesis after the name is stepped over.
    #[test]
    fn a_parenthesis_after_the_speaker_is_stepped_over() {
        let t = "At least 14 civilians were killed, the Syrian Observatory for Human Rights (SOHR) said.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named(
                "Syrian Observatory for Human Rights".into()
            ))
        );
        // Not a long aside: what stands before it is no speaker.
        let t = "Fighters left 14 posts near the Tabqa Dam (after three days of shelling by army units) said.";
        assert_eq!(attribution(t, 0, t.len(), &[]), None);
    }

    /// "maybe" and "Marines" start like months but are none.
    #[test]
    fn a_month_is_a_whole_word() {
        assert_eq!(
            q("we have maybe 48 hours before the pipes freeze"),
            [(48.0, None, "hours")]
        );
        assert_eq!(date_in("we have maybe 48 hours"), None);
        assert_eq!(date_in("Marines 5 km away"), None);
        assert_eq!(date_in("on May 4 the army"), Some("May 4"));
        assert_eq!(date_in("on 12 Sept. 2017"), Some("12 Sept. 2017"));
        assert_eq!(date_in("by 3 December 2016,"), Some("3 December 2016"));
    }

    #[test]
    fn a_bare_number_counts_what_the_words_before_say() {
        assert_eq!(
            q("Tal Afar had a pre-war population of about 200,000."),
            [(200000.0, None, "people")]
        );
        assert_eq!(
            q("Officials put the number closer to 1,500."),
            [(1500.0, None, "other")]
        );
        assert_eq!(
            q("About 16,000 people remain, down from 35,000 before the war."),
            [(16000.0, None, "people"), (35000.0, None, "people")]
        );
        // A bare number without such words is no claim.
        assert_eq!(q("The road reopened in 2019 after 300."), []);
    }

    #[test]
    fn attribution_forms() {
        let t = "The army is 30 km away, according to the Syrian Arab News Agency (SANA).";
        let sp = vec![(
            t.find("Syrian Arab").unwrap(),
            t.find(" (SANA)").unwrap(),
            "Syrian Arab News Agency",
        )];
        assert_eq!(
            attribution(t, 0, t.len(), &sp),
            Some(Attribution::Named("Syrian Arab News Agency".into()))
        );
        let t = "On Friday, it reported the army was still 30 km away.";
        assert_eq!(attribution(t, 0, t.len(), &[]), Some(Attribution::Pronoun));
        let t = "According to this, at least 1,000 fighters remain.";
        assert_eq!(attribution(t, 0, t.len(), &[]), Some(Attribution::Pronoun));
        let t = "Rami Abdel Rahman said 14 civilians died.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named("Rami Abdel Rahman".into()))
        );
        let t = "Fighting went on for three days.";
        assert_eq!(attribution(t, 0, t.len(), &[]), None);
        // "accused" reports; a passive verb of reckoning names its agent.
        let t = "The DPR accused Kyiv of shelling the town, killing one civilian.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named("The DPR".into()))
        );
        let t = "Their number was put at around 2,000 by the US military's Africa Command.";
        let (a, b) = (t.find("US").unwrap(), t.find("'s").unwrap());
        assert_eq!(
            attribution(t, 0, t.len(), &[(a, b, &t[a..b])]),
            Some(Attribution::Named("Africa Command".into()))
        );
        let t = "Troops were killed by 2,000 shells.";
        assert_eq!(attribution(t, 0, t.len(), &[]), None);
        let t = "We have 48 hours left, a deputy head of the Donetsk regional administration said.";
        assert_eq!(
            attribution(t, 0, t.len(), &[]),
            Some(Attribution::Named("Donetsk regional administration".into()))
        );
    }
}
