//! The extractor: from an article's title and body (never its chrome or
//! comments), the forces, places and claims an analyst reads first. Built
//! once and shared by the CLI, the reader and the benchmarks.

pub mod claims;
pub mod cues;
pub mod entities;
pub mod fold;
pub mod tables;

use crate::model::{Article, ByteSpan, Claim, Force, Location, Mention, Summary, Ustr};
use cues::Cue;
use entities::{Hit, Matcher, Target};
use foldhash::HashMap;
use serde::Serialize;
use tables::{TableError, Tables};

pub struct Extractor {
    matcher: Matcher,
}

/// Buffers `extract` fills for each article: the folded tokens, the
/// alias hits and the cues. Kept per thread between articles, so they
/// stop growing after the first few instead of being allocated and grown
/// for every article.
#[derive(Default)]
struct Scratch {
    folded: fold::Tokens,
    hits: Vec<Hit>,
    cues: Vec<Cue>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Words after a country name that make it an adjective or an actor
/// ("Russia-backed", "US forces", "Syria's army") rather than a place.
const ACTOR_WORDS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "army",
    "military",
    "jets",
    "warplanes",
    "aircraft",
    "drones",
    "strikes",
    "airstrikes",
    "government",
    "officials",
    "ministry",
    "media",
    "control",
    "president",
    "regime",
    "authorities",
    "navy",
    "soldiers",
    "air",
    "backed",
    "led",
    "run",
    "allies",
    "ally",
    "state",
];

impl Extractor {
    pub fn new(tables: &Tables) -> Extractor {
        Extractor {
            matcher: Matcher::new(tables),
        }
    }

    /// The shipped tables plus the analyst's `extend.toml` in the config
    /// dir, when there is one.
    pub fn load_default() -> Result<Extractor, TableError> {
        Ok(Extractor::new(&Tables::load_default()?))
    }

    pub fn extract(&self, a: &Article) -> Summary {
        SCRATCH.with_borrow_mut(|scratch| self.extract_with(a, scratch))
    }

    fn extract_with(&self, a: &Article, scratch: &mut Scratch) -> Summary {
        let text = a.text.as_str();
        let spans = a.extraction_spans();
        let Scratch { folded, hits, cues } = scratch;
        hits.clear();
        cues.clear();
        for s in &spans {
            self.matcher.find(text, s.start, s.end, folded, hits, cues);
        }
        // Spans are in text order unless a title is printed after its body.
        if !cues.is_sorted_by_key(|c| c.at) {
            cues.sort_by_key(|c| c.at);
            cues.dedup();
        }
        let forces = self.forces(text, a, hits, cues);
        let locations = self.locations(text, a, &spans, hits, cues);
        let claims = self.claims(text, a, hits, cues);
        let mut s = Summary {
            forces,
            locations,
            claims,
        };
        s.shrink_to_fit();
        s
    }

    fn forces(&self, text: &str, a: &Article, hits: &[Hit], cues: &[Cue]) -> Vec<Force> {
        let mut by_force: HashMap<usize, Vec<Mention>> = HashMap::default();
        let mut first: HashMap<usize, usize> = HashMap::default();
        for h in hits.iter().filter(|h| !h.generic) {
            if let Target::Force(i) = h.target {
                by_force
                    .entry(i)
                    .or_default()
                    .push(Mention::new(h.start, h.end));
                first.entry(i).or_insert(h.start);
            }
        }
        // Generic back-references join the named force they can refer to:
        // the one named nearest before them, else nearest after.
        let mut i = 0;
        while i < hits.len() {
            let h = &hits[i];
            let run = hits[i..]
                .iter()
                .take_while(|g| g.start == h.start && g.end == h.end)
                .count();
            let group = &hits[i..i + run];
            i += run;
            if !h.generic {
                continue;
            }
            let candidates: Vec<usize> = group
                .iter()
                .filter_map(|g| match g.target {
                    Target::Force(f) if by_force.contains_key(&f) => Some(f),
                    _ => None,
                })
                .collect();
            let nearest = |f: &usize| {
                by_force[f]
                    .iter()
                    .map(|m| {
                        if m.start <= h.start {
                            h.start - m.start
                        } else {
                            (m.start - h.start) * 4
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX)
            };
            if let Some(f) = candidates.iter().copied().min_by_key(nearest) {
                by_force
                    .entry(f)
                    .or_default()
                    .push(Mention::new(h.start, h.end));
            }
        }
        let mut out: Vec<(usize, Force)> = Vec::new();
        // Formations the tables lack, found by their shape.
        let mut found = Vec::new();
        for s in &a.body {
            entities::context_forces(text, s.start, s.end, cues, &mut found);
        }
        found.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut unknown: HashMap<String, usize> = HashMap::default();
        for c in found {
            let overlaps_known = hits.iter().any(|h| {
                !h.generic
                    && h.start < c.end
                    && c.start < h.end
                    && !matches!(h.target, Target::Place(_))
            });
            if overlaps_known
                || taken.iter().any(|&(a, b)| a < c.end && c.start < b)
                || !self.matcher.is_new_name(&c.name)
            {
                continue;
            }
            taken.push((c.start, c.end));
            let key = unit_key(&c.name);
            let m = Mention::new(c.start, c.end);
            match unknown.get(&key) {
                Some(&i) => out[i].1.mentions.push(m),
                None => {
                    unknown.insert(key, out.len());
                    out.push((
                        c.start,
                        Force {
                            name: Ustr::from(&c.name),
                            kind: Ustr::from(c.kind),
                            mentions: vec![m],
                        },
                    ));
                }
            }
        }
        out.extend(by_force.into_iter().map(|(i, mut mentions)| {
            mentions.sort_by_key(|m| m.start);
            let e = &self.matcher.forces[i];
            (
                first[&i],
                Force {
                    name: e.name,
                    kind: e.kind,
                    mentions,
                },
            )
        }));
        out.sort_by_key(|(f, _)| *f);
        out.into_iter().map(|(_, f)| f).collect()
    }

    fn locations(
        &self,
        text: &str,
        a: &Article,
        spans: &[ByteSpan],
        hits: &[Hit],
        cues: &[Cue],
    ) -> Vec<Location> {
        let mut by_place: Vec<(usize, Location)> = Vec::new();
        let mut index: HashMap<usize, usize> = HashMap::default();
        for h in hits {
            let Target::Place(i) = h.target else { continue };
            let e = &self.matcher.places[i];
            if e.kind == "country" && used_as_actor(text, h.start, h.end) {
                continue;
            }
            let slot = *index.entry(i).or_insert_with(|| {
                by_place.push((
                    h.start,
                    Location {
                        name: e.name,
                        kind: e.kind,
                        lat: e.lat,
                        lon: e.lon,
                        country: (!e.country.is_empty()).then_some(e.country),
                        mentions: Vec::new(),
                    },
                ));
                by_place.len() - 1
            });
            by_place[slot].1.mentions.push(Mention::new(h.start, h.end));
        }
        // Places the gazetteer lacks, from context ("the town of X").
        let mut found = Vec::new();
        for s in &a.body {
            entities::context_places(text, s.start, s.end, cues, &mut found);
        }
        let mut unknown: HashMap<String, usize> = HashMap::default();
        // Hits are in text order and no longer than the longest: the ones
        // that can overlap a span are a short run before its end (a scan
        // of every hit per name is quadratic on a long paragraph).
        let longest = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
        let overlaps_hit = |s: usize, e: usize| {
            let to = hits.partition_point(|h| h.start < e);
            hits[..to]
                .iter()
                .rev()
                .take_while(|h| h.start + longest > s)
                .any(|h| s < h.end)
        };
        for c in found {
            let overlaps = overlaps_hit(c.start, c.end);
            if overlaps || !self.matcher.is_new_name(&c.name) {
                continue;
            }
            let key = fold::key(&c.name);
            if unknown.contains_key(&key) {
                continue;
            }
            let mentions = occurrences(text, spans, &c.name);
            let first = mentions.first().map_or(c.start, |m| m.start);
            unknown.insert(key, by_place.len());
            by_place.push((
                first,
                Location {
                    name: Ustr::from(&c.name),
                    kind: Ustr::from(c.kind),
                    lat: None,
                    lon: None,
                    country: None,
                    mentions,
                },
            ));
        }
        by_place.sort_by_key(|(f, _)| *f);
        by_place.into_iter().map(|(_, l)| l).collect()
    }

    fn claims<'t>(&self, text: &'t str, a: &Article, hits: &[Hit], cues: &[Cue]) -> Vec<Claim> {
        // Hits are in text order: a sentence's speakers are a slice of them.
        let speakers_in = |s: usize, e: usize, out: &mut Vec<claims::Speaker<'t>>| {
            out.clear();
            let from = hits.partition_point(|h| h.start < s);
            out.extend(
                hits[from..]
                    .iter()
                    .take_while(|h| h.start < e)
                    .filter(|h| {
                        h.end <= e && matches!(h.target, Target::Source(_) | Target::Force(_))
                    })
                    .map(|h| (h.start, h.end, &text[h.start..h.end])),
            );
        };
        // The speaker's name as reported, worked out once it is chosen.
        let name_of = |speakers: &[claims::Speaker<'_>], named: String| -> String {
            match speakers.iter().find(|sp| sp.2 == named) {
                Some(sp) => hits[hits.partition_point(|h| h.start < sp.0)..]
                    .iter()
                    .take_while(|h| h.start == sp.0)
                    .find(|h| h.end == sp.1 && !matches!(h.target, Target::Place(_)))
                    .map_or(named, |h| self.speaker_name(text, h)),
                None => named,
            }
        };
        let mut out = Vec::new();
        let mut speakers = Vec::new();
        // Speakers are kept as reported (`clean_source`), interned once.
        let mut last_named: Option<Ustr> = None;
        // Each speaker as the sentence names it, and as reported.
        let mut reported: Vec<(String, Ustr)> = Vec::new();
        let paragraphs: Vec<(ByteSpan, bool)> = a
            .title_span
            .map(|t| (t, true))
            .into_iter()
            .chain(a.body.iter().map(|b| (*b, false)))
            .collect();
        for (para, is_title) in paragraphs {
            // A quantity needs a digit or a number word: most paragraphs
            // have neither, and skip the sentence split.
            let digit = claims::has_ascii_digit(&text.as_bytes()[para.start..para.end]);
            if !digit
                && cues::starts(cues, para.start, para.end, cues::NUMBER_WORD)
                    .next()
                    .is_none()
            {
                continue;
            }
            let mut carried: Option<Ustr> = None;
            let mut carried_date: Option<Ustr> = None;
            let sentences: Vec<(usize, usize, Vec<claims::Quantity>)> =
                claims::sentences(text, para.start, para.end)
                    .into_iter()
                    .map(|(s, e)| (s, e, claims::quantities_cued(text, s, e, cues)))
                    .collect();
            // A paragraph without a quantity needs no attribution; only
            // a later paragraph's "it said" could look back to it, and
            // its own speaker is found when it names one.
            if sentences.iter().all(|x| x.2.is_empty()) {
                continue;
            }
            for (s, e, quantities) in sentences {
                speakers_in(s, e, &mut speakers);
                let attr = match claims::attribution_cued(text, s, e, &speakers, cues) {
                    Some(claims::Attribution::Named(n)) => {
                        // An article quotes a few speakers many times.
                        match reported.iter().find(|(k, _)| *k == n) {
                            Some(&(_, u)) => Some(u),
                            None => {
                                let u = Ustr::from(&clean_source(&name_of(&speakers, n.clone())));
                                reported.push((n, u));
                                Some(u)
                            }
                        }
                    }
                    Some(claims::Attribution::Pronoun) => carried.or(last_named),
                    None => carried,
                };
                let date = claims::date_in_cued(text, s, e, cues)
                    .map(Ustr::from)
                    .or(carried_date);
                for q in quantities {
                    out.push(Claim {
                        value: q.value,
                        high: q.high,
                        unit: Ustr::from(q.unit),
                        source: attr,
                        date,
                        start: s,
                        end: e,
                        quantity_start: q.start,
                        quantity_end: q.end,
                    });
                }
                if attr.is_some() && !is_title {
                    carried = attr;
                    last_named = attr;
                }
                carried_date = date;
            }
        }
        out
    }
}

impl Extractor {
    /// How a speaker is reported: as printed, unless the printed form
    /// wraps the table's name ("ISIS-linked news agency Amaq" → "Amaq").
    fn speaker_name(&self, text: &str, h: &Hit) -> String {
        let surface = &text[h.start..h.end];
        let canon = match h.target {
            Target::Source(i) => self.matcher.sources[i].name.as_str(),
            Target::Force(i) => self.matcher.forces[i].name.as_str(),
            Target::Place(_) => return surface.to_string(),
        };
        let (sk, ck) = (fold::key(surface), fold::key(canon));
        if sk != ck && contains_words(&sk, &ck) {
            canon.to_string()
        } else {
            surface.to_string()
        }
    }
}

/// Whether the words of `needle` stand together in `hay` (both folded
/// keys, words split by single spaces).
fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(at, _)| {
            let end = at + needle.len();
            (at == 0 || hay.as_bytes()[at - 1] == b' ')
                && (end == hay.len() || hay.as_bytes()[end] == b' ')
        })
}

/// One key for "the Iraqi 5th Division" and "the 5th Division".
fn unit_key(name: &str) -> String {
    const NATIONS: &[&str] = &[
        "iraqi",
        "syrian",
        "russian",
        "ukrainian",
        "turkish",
        "iranian",
        "israeli",
        "libyan",
        "yemeni",
        "lebanese",
        "saudi",
    ];
    let k = fold::key(name);
    match k.split_once(' ') {
        Some((first, rest)) if NATIONS.contains(&first) => rest.to_string(),
        _ => k,
    }
}

/// A speaker as reported: without a leading article ("the", "a", "an")
/// or a trailing possessive, and with the last dot of an initialism the
/// sentence split took ("U.N" → "U.N.").
fn clean_source(s: &str) -> String {
    let s = s.trim();
    let s = ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find_map(|a| s.strip_prefix(a))
        .unwrap_or(s);
    let s = s
        .trim_end_matches(['\'', '’'])
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    let initialism = s.len() >= 3
        && s.split('.')
            .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
    if initialism {
        format!("{s}.")
    } else {
        s.to_string()
    }
}

/// A country followed by a hyphen ("US-led") or by an actor word ("Syrian
/// forces", "Syria's army") is not a place.
fn used_as_actor(text: &str, _start: usize, end: usize) -> bool {
    let rest = &text[end..];
    if rest.starts_with(['-', '‐', '‑']) {
        return true;
    }
    let rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .or_else(|| rest.strip_prefix(['\'', '’']))
        .unwrap_or(rest);
    let next: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    ACTOR_WORDS.contains(&next.to_lowercase().as_str())
}

/// Every occurrence of `name` (as printed) in the spans, word-bounded.
fn occurrences(text: &str, spans: &[ByteSpan], name: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    if name.is_empty() {
        return out;
    }
    let finder = memchr::memmem::Finder::new(name);
    for s in spans {
        let hay = &text[s.start..s.end];
        let mut from = 0;
        while let Some(p) = finder.find(&hay.as_bytes()[from..]) {
            let a = s.start + from + p;
            let b = a + name.len();
            let before_ok = text[..a]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[b..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                out.push(Mention::new(a, b));
            }
            from += p + name.len();
        }
    }
    out
}

/// What `sitrep extract` prints for one article (EXTRACT-CONTRACT.md).
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub format: crate::model::Format,
    pub source_site: Option<&'a str>,
    pub url: Option<&'a str>,
    pub date: Option<&'a str>,
    pub title: &'a str,
    pub body: String,
    pub comments: Vec<RecordComment<'a>>,
    #[serde(flatten)]
    pub summary: crate::model::PrintedSummary,
}

#[derive(Debug, Serialize)]
pub struct RecordComment<'a> {
    pub author: Option<&'a str>,
    pub depth: usize,
    pub text: &'a str,
}

impl<'a> Record<'a> {
    pub fn new(a: &'a Article, s: &'a Summary) -> Record<'a> {
        Record {
            id: &a.id.0,
            path: &a.path,
            format: a.format,
            source_site: a.source_site.as_deref(),
            url: a.url.as_deref(),
            date: a.date.as_deref(),
            title: &a.title,
            body: a.body_text(),
            comments: a
                .comments
                .iter()
                .map(|c| RecordComment {
                    author: c.author.as_deref(),
                    depth: c.depth,
                    text: &c.text,
                })
                .collect(),
            summary: s.printed(&a.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article::for_test(title, body, None)
    }

    /// A headline that names its speaker is attributed to it; one that
    /// does not stays unattributed and lends nothing to the body.
    #[test]
    fn a_headline_keeps_its_own_speaker() {
        let x = Extractor::new(&Tables::builtin().unwrap());
        let a = article(
            "Coalition strikes kill 22 civilians in eastern Syria, state media says",
            "Residents buried 22 people on Saturday. Forty houses were destroyed.",
        );
        let s = x.extract(&a);
        let sources: Vec<Option<&str>> = s
            .claims
            .iter()
            .map(|c| c.source.map(|u| u.as_str()))
            .collect();
        assert_eq!(sources, [Some("state media"), None, None]);
        let a = article(
            "22 civilians killed in eastern Syria",
            "Residents buried 22 people.",
        );
        let s = x.extract(&a);
        assert!(
            s.claims.iter().all(|c| c.source.is_none()),
            "{:?}",
            s.claims
        );
    }

    /// A source named after a force mentions the force.
    #[test]
    fn a_force_inside_a_source_s_name_is_a_mention() {
        let x = Extractor::new(&Tables::builtin().unwrap());
        let a = article(
            "Strikes on Mosul",
            "A spokesman for the U.S.-led coalition said aircraft destroyed nine vehicle bombs.",
        );
        let s = x.extract(&a);
        let names: Vec<&str> = s.forces.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["US-led coalition"]);
        assert_eq!(s.forces[0].mentions[0].text(&a.text), "U.S.-led coalition");
    }

    #[test]
    fn sources_are_reported_without_articles() {
        assert_eq!(clean_source("A military source"), "military source");
        assert_eq!(clean_source("the observatory's"), "observatory");
        assert_eq!(clean_source("an activist"), "activist");
        assert_eq!(clean_source("U.N"), "U.N.");
        assert_eq!(clean_source("U.N."), "U.N.");
        assert_eq!(clean_source("UN"), "UN");
        assert_eq!(clean_source("Amaq"), "Amaq");
    }

    #[test]
    fn words_stand_together_or_not_at_all() {
        assert!(contains_words("isis linked news agency amaq", "amaq"));
        assert!(contains_words("the syrian army said", "syrian army"));
        assert!(!contains_words("amaqi agency", "amaq"));
        assert!(!contains_words("the syrian armyworm", "syrian army"));
        assert!(!contains_words("anything", ""));
    }
}
