//! Quantified assertions: a number (digits, words, a range) with the unit
//! or counted noun that follows it, the sentence that states it, who the
//! text attributes it to, and the date the text gives.
//!
//! Conventions for vague quantities (documented in the README): "a dozen" =
//! 12, "dozens" = 24, "scores" = 40, "tens" = 20, "hundreds" = 200,
//! "thousands" = 2000; "several", "a few" and "many" are not numbers.
//! A comma followed by exactly two digits ("15,00") is read as a misplaced
//! thousands separator (1500).

use regex::Regex;
use std::sync::LazyLock;

/// A quantity found in a sentence, before attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub high: Option<f64>,
    pub unit: String,
    /// Number and unit as printed, and where.
    pub start: usize,
    pub end: usize,
}

const NUMBER: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{2}(?:[^\d,]|$)|\d+(?:\.\d+)?";

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}\-/.,:])(?P<a>{NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<b>{NUMBER}))?(?:\s*(?P<mult>million|thousand|hundred|mln|k)\b)?"
    ))
    .unwrap()
});

const WORD_NUMBERS: &[(&str, f64)] = &[
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

static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = {
        let mut v: Vec<&str> = WORD_NUMBERS.iter().map(|(w, _)| *w).collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        v
    };
    Regex::new(&format!(
        r"(?i)\b(?P<w>(?:{alts})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)(?:\s+(?P<mult>hundred|thousand|million))?(?:\s+of)?\b",
        alts = alts.join("|")
    ))
    .unwrap()
});

/// Measure units written right after the number.
static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?P<km2>km2|km²|sq\.?\s*km|square\s+kilomet(?:er|re)s?|kilomet(?:er|re)s?\s+squared)|(?P<mi2>square\s+miles?|sq\.?\s*mi)|(?P<km>kms?|kilomet(?:er|re)s?)|(?P<mi>miles?|mi)|(?P<m>met(?:er|re)s?|m)|(?P<ha>hectares?)|(?P<pct>%|percent|per\s+cent))\b|^\s*%")
        .unwrap()
});

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
        let lower = word.to_lowercase();
        if let Some((n, u)) = NOUNS
            .iter()
            .find(|(n, _)| *n == word || (n.chars().all(char::is_lowercase) && **n == lower))
        {
            return Some((u, n, start + len));
        }
        if BREAKERS.contains(&lower.as_str()) && !(pos == 0 && lower == "of") {
            return None;
        }
        pos = start + len;
    }
    None
}

static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$")
        .unwrap()
});
static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b").unwrap()
});
static CASUALTY_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)kill|dead|died|death|wound|injur|casualt|massacre|slain|bodies").unwrap()
});

fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim_end_matches(|c: char| !c.is_ascii_digit());
    if let Some((head, tail)) = s.split_once(',') {
        if tail.len() == 2 && !tail.contains(',') {
            // "15,00": a misplaced thousands separator.
            return format!("{head}{tail}").parse().ok();
        }
    }
    s.replace(',', "").parse().ok()
}

fn multiplier(m: Option<&str>) -> f64 {
    match m.map(str::to_ascii_lowercase).as_deref() {
        Some("million" | "mln") => 1e6,
        Some("thousand" | "k") => 1e3,
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
) -> Option<(String, usize)> {
    let rest = &text[end..sentence_end];
    if let Some(c) = MEASURE.captures(rest) {
        let m = c.get(0).expect("match");
        let unit = ["km2", "mi2", "km", "mi", "m", "ha", "pct"]
            .into_iter()
            .find(|g| c.name(g).is_some())
            .unwrap_or("pct");
        let unit = match unit {
            "pct" => "percent",
            u => u,
        };
        // "year-old", "-meter-long" and the like are not claims.
        if !rest[m.end()..].starts_with('-') {
            return Some((unit.to_string(), end + m.end()));
        }
    }
    if rest.starts_with(['-', '‑']) {
        // "72-hour" as an adjective: take the noun it qualifies.
        let noun_end = rest[1..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(rest.len(), |i| i + 1);
        let w = &rest[1..noun_end];
        if let Some((_, u)) = NOUNS
            .iter()
            .find(|(n, _)| n.trim_end_matches('s') == w.to_lowercase().trim_end_matches('s'))
        {
            if matches!(
                *u,
                "days" | "hours" | "years" | "weeks" | "months" | "minutes"
            ) && !rest[noun_end..].starts_with("-old")
            {
                return Some((u.to_string(), end + noun_end));
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
    Some((unit.to_string(), end + noun_end))
}

/// Quantities in the sentence `text[start..end]`.
pub fn quantities(text: &str, start: usize, end: usize) -> Vec<Quantity> {
    let s = &text[start..end];
    let mut out: Vec<Quantity> = Vec::new();
    for c in DIGITS.captures_iter(s) {
        let a = c.name("a").expect("number");
        let b = c.name("b");
        let mult = c.name("mult");
        let qs = start + a.start();
        let num_end = start + mult.or(b).unwrap_or(a).end();
        let a_str = a.as_str().trim_end_matches(|ch: char| !ch.is_ascii_digit());
        let num_end = if b.is_none() && mult.is_none() {
            qs + a_str.len()
        } else {
            num_end
        };
        // Ordinals, dates, times and model numbers are not quantities.
        let after = &text[qs + a_str.len()..];
        if after.starts_with(|ch: char| ch.is_ascii_alphabetic()) && !MEASURE.is_match(after) {
            continue;
        }
        if after.starts_with(['-', '‑'])
            && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
            && b.is_none()
        {
            continue;
        }
        if MONTH_BEFORE.is_match(&text[..qs]) || MONTH_AFTER.is_match(after) {
            continue;
        }
        let m = multiplier(mult.map(|m| m.as_str()));
        let Some(v) = parse_number(a.as_str()).map(|v| v * m) else {
            continue;
        };
        let high = b.and_then(|b| parse_number(b.as_str())).map(|v| v * m);
        let Some((unit, unit_end)) = unit_after(text, start, num_end, end) else {
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
    for c in WORDS.captures_iter(s) {
        let w = c.name("w").expect("word");
        let Some(mut v) = word_value(w.as_str()) else {
            continue;
        };
        let mult = c.name("mult");
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
        if w.as_str().eq_ignore_ascii_case("one")
            && !matches!(
                unit.as_str(),
                "days" | "hours" | "years" | "weeks" | "months" | "km" | "mi"
            )
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
        let gap = &text[qs[i].end..qs[i + 1].start];
        let pair = (qs[i].unit.as_str(), qs[i + 1].unit.as_str());
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

static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]['"’”)]*\s+["“‘(]?[\p{Lu}\d]"#).unwrap());
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
    for m in SENTENCE_END.find_iter(p) {
        let dot = m.start();
        let word_start = p[..dot]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = p[word_start..dot].to_lowercase();
        let single_cap = word.chars().count() == 1;
        if ABBREVIATIONS.contains(&word.as_str()) || single_cap {
            continue;
        }
        let cut = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
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

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?:\s+\d{4})?|\d{4}-\d{2}-\d{2}|(?:january|february|march|april|june|july|august|september|october|november|december)\s+\d{4}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b")
        .unwrap()
});

/// The first date the sentence gives, as printed.
pub fn date_in(sentence: &str) -> Option<String> {
    DATE.find(sentence).map(|m| {
        let d = m.as_str();
        // "May" alone is a verb as often as a month; DATE needs a day.
        d.to_string()
    })
}

static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?").unwrap());
pub static SAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|say|announced|announces|announce|claimed|claims|claim|reported|reports|report|stated|states|added|adds|confirmed|confirms|confirm|told|estimated|estimates|noted|declared|alleged|revealed|asserted|insisted|quoted|cited|published|released|posted|counted|documented|tallied|put the)\b")
        .unwrap()
});
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:it|they|he|she|this|that|the source|the sources|the agency|the monitor|the group|the statement|the report|the ministry|the spokesman|the spokesperson|the official|officials)\s*(?:also\s+|later\s+|further\s+|had\s+|has\s+|have\s+|then\s+)*$").unwrap()
});

/// A speaker the sentence names: an entity the caller found (start, end,
/// surface), or a capitalised phrase.
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
    speakers: &[(usize, usize, String)],
) -> Option<Attribution> {
    let sent = &text[s..e];
    if let Some(m) = ACCORDING.find(sent) {
        let at = s + m.end();
        if let Some(sp) = speakers.iter().find(|sp| sp.0 >= at && sp.0 <= at + 30) {
            return Some(Attribution::Named(sp.2.clone()));
        }
        let rest = &sent[m.end()..];
        let phrase_end = rest
            .find([',', '.', ';', '(', '—', '–'])
            .unwrap_or(rest.len());
        let phrase = rest[..phrase_end].trim();
        let lower = phrase.to_lowercase();
        if matches!(
            lower.as_str(),
            "this"
                | "it"
                | "them"
                | "him"
                | "her"
                | "these"
                | "that"
                | "the source"
                | "the sources"
                | "the report"
        ) {
            return Some(Attribution::Pronoun);
        }
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 8 {
            return Some(Attribution::Named(phrase.to_string()));
        }
    }
    for m in SAY.find_iter(sent) {
        let verb_at = s + m.start();
        // The subject: the nearest speaker ending shortly before the verb.
        let before = speakers
            .iter()
            .filter(|sp| {
                sp.1 <= verb_at
                    && verb_at - sp.1 <= 40
                    && !text[sp.1..verb_at].contains([',', ';', '“', '"'])
            })
            .max_by_key(|sp| sp.1);
        if let Some(sp) = before {
            return Some(Attribution::Named(sp.2.clone()));
        }
        if PRONOUN.is_match(&text[s..verb_at]) {
            return Some(Attribution::Pronoun);
        }
        // "..., the Defense Ministry added" after a quote.
        let after = speakers
            .iter()
            .find(|sp| sp.0 >= s + m.end() && sp.0 <= s + m.end() + 6);
        if let Some(sp) = after {
            return Some(Attribution::Named(sp.2.clone()));
        }
        if let Some(name) = capitalised_subject(&text[s..verb_at]) {
            return Some(Attribution::Named(name));
        }
    }
    None
}

static CAP_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}])((?:\p{Lu}[\p{L}.'’\-]+\s+){0,4}\p{Lu}[\p{L}.'’\-]+)\s*(?:also\s+|later\s+|had\s+|has\s+|have\s+)?$").unwrap()
});

fn capitalised_subject(before: &str) -> Option<String> {
    let c = CAP_SUBJECT.captures(before)?;
    let name = c.get(1)?.as_str().trim();
    let first = name.split_whitespace().next()?;
    // A sentence-initial capital alone ("Meanwhile said") is no name.
    if name.split_whitespace().count() == 1
        && before.trim_start().starts_with(first)
        && c.get(1)?.start() == 0
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(f64, Option<f64>, String)> {
        quantities(s, 0, s.len())
            .into_iter()
            .map(|q| (q.value, q.high, q.unit))
            .collect()
    }

    #[test]
    fn areas_distances_and_typos() {
        assert_eq!(
            q("liberated more than 15,00 km2 in"),
            [(1500.0, None, "km2".into())]
        );
        assert_eq!(
            q("Captured 1,500 Km2 In Western"),
            [(1500.0, None, "km2".into())]
        );
        assert_eq!(q("over 2000km2 between"), [(2000.0, None, "km2".into())]);
        assert_eq!(q("about 18km during"), [(18.0, None, "km".into())]);
        assert_eq!(
            q("still 30 km (19 miles) away"),
            [(30.0, None, "km".into())]
        );
        assert_eq!(
            q("some 300 square kilometres"),
            [(300.0, None, "km2".into())]
        );
    }

    #[test]
    fn counts_ranges_and_words() {
        assert_eq!(
            q("around 3000 ISIS fighters remained"),
            [(3000.0, None, "fighters".into())]
        );
        assert_eq!(
            q("at least 1,000-1,500 fighters of ISIS"),
            [(1000.0, Some(1500.0), "fighters".into())]
        );
        assert_eq!(
            q("the IS twelve trucks with ammunition"),
            [(12.0, None, "trucks".into())]
        );
        assert_eq!(
            q("over two days of operations"),
            [(2.0, None, "days".into())]
        );
        assert_eq!(
            q("for over three years, with"),
            [(3.0, None, "years".into())]
        );
        assert_eq!(
            q("dozens of civilians were killed"),
            [(24.0, None, "casualties".into())]
        );
        assert_eq!(q("twenty-five vehicles"), [(25.0, None, "vehicles".into())]);
        assert_eq!(q("in the last 72 hours"), [(72.0, None, "hours".into())]);
    }

    #[test]
    fn dates_ordinals_and_models_are_not_claims() {
        assert!(q("On May 9, the 5th Legion and the T-2 station").is_empty());
        assert!(q("since March 2011 with 2 of them").is_empty());
        assert!(q("a 72 year old man").is_empty());
        assert!(q("one of the commanders").is_empty());
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

    #[test]
    fn attribution_forms() {
        let t = "The army is 30 km away, according to the Syrian Arab News Agency (SANA).";
        let sp = vec![(
            t.find("Syrian Arab").unwrap(),
            t.find(" (SANA)").unwrap(),
            "Syrian Arab News Agency".to_string(),
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
    }
}
