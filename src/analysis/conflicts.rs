//! Conflicting claims: the same subject and the same kind of quantity
//! reported with different figures by different articles or sources.
//!
//! - **Subject.** A claim is about every place mentioned in its sentence
//!   (`Claim.start..end`); when the sentence names no place, every force
//!   it names; when it names neither ("only four soldiers had been
//!   killed"), the first place of the article's headline, the place the
//!   article is about. "Air strikes by the coalition killed 22 civilians
//!   in the town of al-Susah" is about al-Susah; "the SDF lost 41
//!   fighters" is about the SDF. One set of figures in conflict over
//!   several subjects is one conflict naming them all.
//! - **Kind.** The extractor's unit, the counted noun for counts of people
//!   (civilians, children, women, people; soldiers, troops and servicemen
//!   are "soldiers", militants, gunmen and fighters are "fighters", since
//!   reports use the two words for opposite sides), and what happened to
//!   them or it, from the outcome word nearest the number in the sentence:
//!   killed, wounded, captured, released or displaced for people;
//!   destroyed or captured for vehicles, aircraft and weapons; captured
//!   for villages, positions and areas. So "civilians killed", "soldiers
//!   wounded", "vehicles destroyed", "km2 captured". A count of civilians
//!   or people whose sentence says nothing happened to them is a
//!   population ("345,000 people depend on the plant"), not a report of
//!   an event, and is not compared. Distances, durations, percentages and uncounted "other"
//!   quantities are not compared (two distances from one town are rarely
//!   about the same thing); neither are vague quantities ("dozens",
//!   "thousands"), whose values are a convention, not a report. Square
//!   miles and hectares are converted to km2.
//! - **Different.** Each figure is a range (a single number is a range of
//!   one); two figures differ when the gap between their ranges is more
//!   than `TOLERANCE` of the larger bound. So 14 and 22 differ, 14 and 15
//!   differ, 200-300 and 250 agree, 1,000 and 1,040 agree (rounding).
//! - **By whom.** Only figures from different stories, or from different
//!   named sources within one article, conflict: an article restating its
//!   own figure, or a repost of the same story (see `duplicates`), does
//!   not. A story is taken once, from its first article; its other
//!   carriers are listed with each figure.
//! - **When.** Reports of one event come within days: figures from dated
//!   articles more than `WINDOW_DAYS` apart are different events. An
//!   undated article may be about any of them when the subject is a place;
//!   a force fights all through a war, so an undated figure about a force
//!   is compared with nothing outside its own article.

use super::dates;
use super::duplicates::Stories;
use super::entities::Kind;
use crate::model::{Article, Claim, Summary};
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Share of the larger figure two ranges may lie apart and still agree.
pub const TOLERANCE: f64 = 0.05;
/// Days between two reports beyond which they are different events.
pub const WINDOW_DAYS: i64 = 3;

/// Units whose figures are compared.
const COMPARED: &[&str] = &[
    "casualties",
    "fighters",
    "people",
    "prisoners",
    "vehicles",
    "trucks",
    "buses",
    "points",
    "villages",
    "airstrikes",
    "shells",
    "missiles",
    "drones",
    "aircraft",
    "weapons",
    "attacks",
    "km2",
    "mi2",
    "ha",
];

const VAGUE: &[&str] = &[
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "several",
    "many",
];

/// Outcome words, by what they say happened.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<killed>kill(?:ed|ing|s)?|dead|deaths?|died|lost|slain|bodies|perished|massacred|executed)|(?P<wounded>wounded|injured|injuries|hurt)|(?P<captured>captur(?:ed|es?|ing)|seiz(?:ed|es?|ing)|taken|took|detained|arrested|abducted|kidnapped|surrendered)|(?P<released>released|freed|exchanged|swapped)|(?P<displaced>displaced|fled|uprooted|evacuated)|(?P<destroyed>destroy(?:ed|ing|s)?|burned|downed|shot\s+down))\b",
    )
    .expect("outcome pattern")
});

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    pub kind: Kind,
    pub name: String,
}

/// One figure in a conflict, as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Index of the article (the first of its story).
    pub article: usize,
    /// Index of the claim in that article's summary.
    pub claim: usize,
    /// Low and high bound, in the kind's unit (km, km2 after conversion).
    pub low: f64,
    pub high: f64,
    pub quantity: String,
    /// Who the article says gives the figure.
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    /// The story's other carriers (reposts), by article index.
    pub also: Vec<usize>,
}

impl Figure {
    /// "14" or "200-300", without needless decimals.
    pub fn value(&self) -> String {
        let n = |v: f64| {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v:.1}")
            }
        };
        if self.high > self.low {
            format!("{}-{}", n(self.low), n(self.high))
        } else {
            n(self.low)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// What the figures are about (several when they conflict over each).
    pub subjects: Vec<Subject>,
    /// "civilians killed", "km2 captured", "vehicles".
    pub kind: String,
    /// Every report of the kind on the subject in the event's window,
    /// lowest figure first.
    pub figures: Vec<Figure>,
}

/// The kind of quantity a claim reports, or `None` when it is not compared.
pub fn kind_of(text: &str, c: &Claim) -> Option<String> {
    let unit = match c.unit.as_str() {
        "mi2" | "ha" => "km2",
        u if COMPARED.contains(&u) => u,
        _ => return None,
    };
    let first = c.quantity(text).split_whitespace().next()?.to_lowercase();
    if VAGUE.contains(&first.as_str()) {
        return None;
    }
    let noun = match unit {
        "casualties" | "people" | "fighters" | "prisoners" => {
            let last = c
                .quantity(text)
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_lowercase();
            match last.trim_matches(|c: char| !c.is_alphanumeric()) {
                "civilian" | "civilians" => "civilians",
                "child" | "children" => "children",
                "women" | "woman" => "women",
                "soldier" | "soldiers" | "troops" | "servicemen" | "personnel" | "paratroopers"
                | "marines" | "officers"
                    if unit == "fighters" =>
                {
                    "soldiers"
                }
                _ if unit == "fighters" => "fighters",
                _ if unit == "prisoners" => "prisoners",
                _ => "people",
            }
        }
        u => u,
    };
    let sentence = text.get(c.start..c.end)?;
    let q = (
        c.quantity_start.saturating_sub(c.start),
        c.quantity_end.saturating_sub(c.start),
    );
    let person = matches!(unit, "casualties" | "people" | "fighters" | "prisoners");
    let allowed: &[&str] = match unit {
        _ if person => &["killed", "wounded", "captured", "released", "displaced"],
        "vehicles" | "trucks" | "buses" | "aircraft" | "drones" | "weapons" => {
            &["destroyed", "captured"]
        }
        "points" | "villages" | "km2" => &["captured"],
        _ => &[],
    };
    let outcome = OUTCOME
        .captures_iter(sentence)
        .filter_map(|cap| {
            let m = cap.get(0)?;
            let name = allowed.iter().copied().find(|n| cap.name(n).is_some())?;
            let dist = if m.start() >= q.1 {
                m.start() - q.1
            } else {
                q.0.saturating_sub(m.end())
            };
            Some((dist, name))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n);
    match outcome {
        Some(o) => Some(format!("{noun} {o}")),
        None if matches!(noun, "civilians" | "children" | "women" | "people") => None,
        None => Some(noun.to_string()),
    }
}

/// The claim's range in its kind's unit.
fn range(c: &Claim) -> (f64, f64) {
    let f = match c.unit.as_str() {
        "mi2" => 2.589_988,
        "ha" => 0.01,
        _ => 1.0,
    };
    let lo = c.value * f;
    let hi = c.high.map_or(lo, |h| h * f);
    (lo.min(hi), lo.max(hi))
}

/// Whether two ranges lie more than `TOLERANCE` of the larger bound apart.
pub fn differ(a: (f64, f64), b: (f64, f64)) -> bool {
    let gap = (a.0 - b.1).max(b.0 - a.1);
    gap > 0.0 && gap > TOLERANCE * a.1.max(b.1)
}

/// What a claim is about: the places its sentence names, else the forces
/// it names, else the headline's first place.
pub fn subjects_of(a: &Article, s: &Summary, c: &Claim) -> Vec<Subject> {
    let inside = |m: &crate::model::Mention| c.start <= m.start && m.end <= c.end;
    let places: Vec<Subject> = s
        .locations
        .iter()
        .filter(|l| l.mentions.iter().any(inside))
        .map(|l| Subject {
            kind: Kind::Place,
            name: l.name.to_string(),
        })
        .collect();
    if !places.is_empty() {
        return places;
    }
    let forces: Vec<Subject> = s
        .forces
        .iter()
        .filter(|f| f.mentions.iter().any(inside))
        .map(|f| Subject {
            kind: Kind::Force,
            name: f.name.to_string(),
        })
        .collect();
    if !forces.is_empty() {
        return forces;
    }
    let Some(title) = a.title_span else {
        return Vec::new();
    };
    s.locations
        .iter()
        .flat_map(|l| l.mentions.iter().map(move |m| (l, m)))
        .filter(|(_, m)| title.start <= m.start && m.end <= title.end)
        .min_by_key(|(_, m)| m.start)
        .map(|(l, _)| Subject {
            kind: Kind::Place,
            name: l.name.to_string(),
        })
        .into_iter()
        .collect()
}

/// Splits figures into events: dated ones more than `WINDOW_DAYS` apart
/// go to different events. Undated ones join every event when the subject
/// is a place; about a force, each undated article is an event of its own.
fn events(mut figs: Vec<Figure>, subject: Kind) -> Vec<Vec<Figure>> {
    figs.sort_by_key(|f| f.date);
    let (dated, undated): (Vec<Figure>, Vec<Figure>) =
        figs.into_iter().partition(|f| f.date.is_some());
    let mut out: Vec<Vec<Figure>> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for f in dated {
        let d = f.date.expect("dated");
        match (last, out.last_mut()) {
            (Some(l), Some(cur)) if (d - l).num_days() <= WINDOW_DAYS => cur.push(f),
            _ => out.push(vec![f]),
        }
        last = Some(d);
    }
    if subject == Kind::Force {
        let mut alone: Vec<Vec<Figure>> = Vec::new();
        for f in undated {
            match alone.iter_mut().find(|e| e[0].article == f.article) {
                Some(e) => e.push(f),
                None => alone.push(vec![f]),
            }
        }
        out.extend(alone);
    } else if out.is_empty() {
        out.push(undated);
    } else {
        for e in &mut out {
            e.extend(undated.iter().cloned());
        }
    }
    out
}

/// Whether two figures can contradict each other: different stories, or
/// different named sources in one article.
fn rival(a: &Figure, b: &Figure) -> bool {
    a.article != b.article || (a.source.is_some() && b.source.is_some() && a.source != b.source)
}

/// Every conflict in the corpus, ordered by subject and kind.
pub fn find(articles: &[Article], summaries: &[Summary], stories: &Stories) -> Vec<Conflict> {
    let mut buckets: BTreeMap<(String, String, Kind), Vec<Figure>> = BTreeMap::new();
    for (i, (a, s)) in articles.iter().zip(summaries).enumerate() {
        if !stories.is_first(i) {
            continue;
        }
        let also: Vec<usize> = stories.members(i).into_iter().filter(|&j| j != i).collect();
        let date = a.date.as_deref().and_then(dates::day);
        for (ci, c) in s.claims.iter().enumerate() {
            let Some(kind) = kind_of(&a.text, c) else {
                continue;
            };
            let (low, high) = range(c);
            let fig = Figure {
                article: i,
                claim: ci,
                low,
                high,
                quantity: c.quantity(&a.text).to_string(),
                source: c.source.map(|s| s.to_string()),
                date,
                also: also.clone(),
            };
            for subject in subjects_of(a, s, c) {
                let bucket = buckets
                    .entry((subject.name, kind.clone(), subject.kind))
                    .or_default();
                // An article restating one figure: keep one, the attributed.
                match bucket.iter_mut().find(|f| {
                    f.article == i
                        && !differ((f.low, f.high), (low, high))
                        && (f.source.is_none() || fig.source.is_none() || f.source == fig.source)
                }) {
                    Some(f) if f.source.is_none() && fig.source.is_some() => *f = fig.clone(),
                    Some(_) => {}
                    None => bucket.push(fig.clone()),
                }
            }
        }
    }
    let mut out: Vec<Conflict> = Vec::new();
    for ((name, kind, skind), figs) in buckets {
        for mut event in events(figs, skind) {
            let conflicting = event.iter().enumerate().any(|(x, a)| {
                event[x + 1..]
                    .iter()
                    .any(|b| rival(a, b) && differ((a.low, a.high), (b.low, b.high)))
            });
            if conflicting {
                event.sort_by(|a, b| {
                    a.low
                        .total_cmp(&b.low)
                        .then(a.high.total_cmp(&b.high))
                        .then(a.article.cmp(&b.article))
                });
                let subject = Subject {
                    kind: skind,
                    name: name.clone(),
                };
                let same = |c: &Conflict| {
                    c.kind == kind
                        && c.figures.len() == event.len()
                        && c.figures
                            .iter()
                            .zip(&event)
                            .all(|(x, y)| (x.article, x.claim) == (y.article, y.claim))
                };
                match out.iter_mut().find(|c| same(c)) {
                    Some(c) => c.subjects.push(subject),
                    None => out.push(Conflict {
                        subjects: vec![subject],
                        kind: kind.clone(),
                        figures: event,
                    }),
                }
            }
        }
    }
    out
}

/// `sitrep conflicts`: every conflict as text (one block a conflict, one
/// line a figure) or as JSON (`{"conflicts": [...]}`), made safe to print.
pub fn render(
    articles: &[Article],
    summaries: &[Summary],
    json: bool,
) -> serde_json::Result<String> {
    use crate::sanitize::line;
    let stories = super::duplicates::group(articles);
    let conflicts = find(articles, summaries, &stories);
    if json {
        let list: Vec<serde_json::Value> = conflicts
            .iter()
            .map(|c| {
                let figures: Vec<serde_json::Value> = c
                    .figures
                    .iter()
                    .map(|f| {
                        let a = &articles[f.article];
                        let claim = &summaries[f.article].claims[f.claim];
                        serde_json::json!({
                            // In the kind's unit: square miles and hectares as km2.
                            "value": f.low,
                            "unit": match claim.unit.as_str() {
                                "mi2" | "ha" => "km2",
                                u => u,
                            },
                            "high": (f.high > f.low).then_some(f.high),
                            "quantity": f.quantity,
                            "source": f.source,
                            "sentence": claim.text(&a.text),
                            "article": {
                                "id": a.id,
                                "path": a.path,
                                "title": a.title,
                                "site": a.source_site,
                                "date": a.date,
                            },
                            "also": f.also.iter().map(|&j| &articles[j].path).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                serde_json::json!({
                    "subjects": c.subjects,
                    "kind": c.kind,
                    "figures": figures,
                })
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&serde_json::json!({ "conflicts": list }))?;
        s.push('\n');
        return Ok(s);
    }
    let mut out = String::new();
    if conflicts.is_empty() {
        out.push_str("no conflicting figures\n");
    }
    for c in &conflicts {
        let about: Vec<String> = c
            .subjects
            .iter()
            .map(|s| format!("{} ({})", line(&s.name), s.kind.field()))
            .collect();
        out.push_str(&format!("{}: {}\n", about.join(", "), c.kind));
        for f in &c.figures {
            let a = &articles[f.article];
            out.push_str(&format!(
                "  {:>9}  {}  [{}{}]  {}\n",
                f.value(),
                line(f.source.as_deref().unwrap_or("(unattributed)")),
                line(a.source_site.as_deref().unwrap_or("no site")),
                f.date.map(|d| format!(", {d}")).unwrap_or_default(),
                line(&a.path),
            ));
            for &j in &f.also {
                out.push_str(&format!("             also {}\n", line(&articles[j].path)));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_differ_beyond_the_tolerance() {
        assert!(differ((14.0, 14.0), (22.0, 22.0)));
        assert!(differ((14.0, 14.0), (15.0, 15.0)), "a toll off by one");
        assert!(!differ((200.0, 300.0), (250.0, 250.0)), "inside the range");
        assert!(!differ((1000.0, 1000.0), (1040.0, 1040.0)), "rounding");
        assert!(differ((1000.0, 1000.0), (1100.0, 1100.0)));
        assert!(!differ((5.0, 10.0), (10.0, 20.0)), "ranges that touch");
        assert!(differ((5.0, 10.0), (12.0, 20.0)));
    }

    fn claim(text: &str, quantity: &str, unit: &str) -> Claim {
        let at = text.find(quantity).unwrap();
        Claim {
            value: 1.0,
            high: None,
            unit: unit.into(),
            source: None,
            date: None,
            start: 0,
            end: text.len(),
            quantity_start: at,
            quantity_end: at + quantity.len(),
        }
    }

    #[test]
    fn kinds_name_the_noun_and_the_outcome() {
        let k = |text: &str, q: &str, unit: &str| kind_of(text, &claim(text, q, unit));
        let s = "Shelling killed 16 civilians and wounded 30 people in the town.";
        assert_eq!(
            k(s, "16 civilians", "casualties").as_deref(),
            Some("civilians killed")
        );
        assert_eq!(
            k(s, "30 people", "casualties").as_deref(),
            Some("people wounded")
        );
        let s = "HTS said it killed 17 soldiers and destroyed three vehicles.";
        assert_eq!(
            k(s, "17 soldiers", "fighters").as_deref(),
            Some("soldiers killed")
        );
        assert_eq!(
            k(s, "three vehicles", "vehicles").as_deref(),
            Some("vehicles destroyed")
        );
        let s = "The army said 30 militants were captured near the dam.";
        assert_eq!(
            k(s, "30 militants", "fighters").as_deref(),
            Some("fighters captured")
        );
        let s = "Some 2,000 fighters remain inside the pocket.";
        assert_eq!(
            k(s, "2,000 fighters", "fighters").as_deref(),
            Some("fighters")
        );
        // A population, not an event; distances and vague counts are
        // never compared.
        let s = "About 345,000 people depend on the water plant.";
        assert_eq!(k(s, "345,000 people", "people"), None);
        assert_eq!(k("The town lies 8 km east.", "8 km", "km"), None);
        let s = "Dozens of civilians were killed.";
        assert_eq!(k(s, "Dozens of civilians", "casualties"), None);
        let s = "The rebels captured 40 square miles of farmland.";
        assert_eq!(
            k(s, "40 square miles", "mi2").as_deref(),
            Some("km2 captured")
        );
    }
}
