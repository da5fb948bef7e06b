//! Across the corpus: duplicates, the entity index, conflicting figures
//! and the timeline, on a small corpus of our own writing loaded from a
//! tempdir by the real loader and extractor; then `sitrep conflicts`.
//!
//! The corpus: one shelling of the Saraqib market reported by three
//! outlets with different tolls (9, 16, and "between 14 and 18"), one of
//! them reposted by an aggregator; a later, different story on the same
//! town; distances that differ but are not compared.

use sitrep::analysis::{self, conflicts, duplicates, entities, timeline};
use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::{tables::Tables, Extractor};
use sitrep::model::{Article, Summary};
use std::fs;
use std::process::Command;

const RESCUE: &str = "---
title: Shells Hit Saraqib Market as Vendors Open
date: 2020-02-09
source: Idlib Rescue Bulletin
---

# Shells Hit Saraqib Market as Vendors Open

At least nine civilians were killed when artillery shells hit the vegetable market of Saraqib early on Sunday, according to the local civil defence team.

The team said the shells were fired from army positions about 5 km east of the town. Rescuers were still searching the rubble at noon.
";

const MONITOR: &str = "---
title: Sixteen Dead in Saraqib Market Shelling, Monitor Says
date: 2020-02-10
source: Northern Syria Monitor
---

# Sixteen Dead in Saraqib Market Shelling, Monitor Says

Government shelling of the market in Saraqib killed 16 civilians on Sunday, including four children, the Syrian Observatory for Human Rights said.

The Observatory said the shells came from positions 8 km to the east, near the M5 highway, and that the death toll could rise. Shops around the square were burned out.

Residents said many families had left Saraqib for camps along the Turkish border during the past week.
";

/// The monitor's story on an aggregator: a new headline, a byline, curly
/// quotes, a trailer and comments.
const REPOST: &str = "\
Saraqib: 16 killed in market attack (VIDEO)

Posted by newsdesk | Syria Now Aggregator

Government shelling of the market in Saraqib killed 16 civilians on Sunday, including four children, the Syrian Observatory for Human Rights said.

The Observatory said the shells came from positions 8 km to the east, near the M5 highway, and that the death toll could rise. Shops around the square were burned out.

Residents said many families had left Saraqib for camps along the Turkish border during the past week.

Source: Northern Syria Monitor

2 comments

  \u{2022} idlib_eye

    Sixteen, and the rescue team said nine. Who counts?

  \u{2022} m_haj

    The market was busy, it was the first sunny day.
";

const RANGE: &str = "---
title: Activists Put Saraqib Toll Between 14 and 18
date: 2020-02-10
source: Levant Wire
---

# Activists Put Saraqib Toll Between 14 and 18

Between 14 and 18 civilians were killed in the shelling of Saraqib on Sunday, local activists said, citing hospital lists that were still incomplete.
";

/// Another story on the same town, weeks later.
const LATER: &str = "---
title: Drone Strike Hits Car Near Saraqib
date: 2020-03-20
source: Idlib Rescue Bulletin
---

# Drone Strike Hits Car Near Saraqib

Two civilians were killed when a drone struck a car on the road west of Saraqib on Friday, the civil defence team said.
";

struct Loaded {
    _dir: tempfile::TempDir,
    articles: Vec<Article>,
    summaries: Vec<Summary>,
}

fn load() -> Loaded {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("1-rescue.md", RESCUE),
        ("2-monitor.md", MONITOR),
        ("3-repost.txt", REPOST),
        ("4-range.md", RANGE),
        ("5-later.md", LATER),
    ] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let c = corpus::load(&[dir.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(c.articles.len(), 5, "{:?}", c.skipped);
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let summaries = c.articles.iter().map(|a| ex.extract(a)).collect();
    Loaded {
        _dir: dir,
        articles: c.articles,
        summaries,
    }
}

fn index_of(l: &Loaded, file: &str) -> usize {
    l.articles
        .iter()
        .position(|a| a.path.ends_with(file))
        .unwrap_or_else(|| panic!("no {file}"))
}

#[test]
fn the_repost_is_grouped_with_its_original_and_nothing_else() {
    let l = load();
    let s = duplicates::group(&l.articles);
    let (monitor, repost) = (index_of(&l, "2-monitor.md"), index_of(&l, "3-repost.txt"));
    assert_eq!(s.groups, vec![vec![monitor, repost]]);
    assert_eq!(s.members(repost), vec![monitor, repost]);
}

#[test]
fn conflicting_tolls_side_by_side_with_their_sources() {
    let l = load();
    let stories = duplicates::group(&l.articles);
    let found = conflicts::find(&l.articles, &l.summaries, &stories);
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(c.kind, "civilians killed");
    assert_eq!(c.subjects[0].name, "Saraqib");
    assert_eq!(c.subjects[0].kind, entities::Kind::Place);
    let values: Vec<String> = c.figures.iter().map(|f| f.value()).collect();
    // The repost's 16 counts once; the drone strike weeks later is another
    // event; the distances (5 km, 8 km) are not compared.
    assert_eq!(values, ["9", "14-18", "16"]);
    let sixteen = &c.figures[2];
    assert_eq!(
        sixteen.source.as_deref(),
        Some("Syrian Observatory for Human Rights")
    );
    assert!(l.articles[sixteen.article].path.ends_with("2-monitor.md"));
    assert_eq!(sixteen.also, vec![index_of(&l, "3-repost.txt")]);
    assert!(c.figures[0]
        .source
        .as_deref()
        .is_some_and(|s| s.contains("civil defence")));
}

#[test]
fn entity_index_counts_the_story_once() {
    let l = load();
    let a = analysis::analyse(&l.articles, &l.summaries, &[]);
    let saraqib = a
        .entities
        .iter()
        .find(|e| e.name == "Saraqib")
        .expect("Saraqib indexed");
    // Five articles, four stories.
    assert_eq!(saraqib.articles, 4);
    assert_eq!(saraqib.kind, entities::Kind::Place);
    assert_eq!(a.entities[0].name, "Saraqib", "{:?}", a.entities);
    assert_eq!(saraqib.filter(), "loc:\"Saraqib\"");
}

#[test]
fn timeline_orders_reports_and_dated_claims() {
    let l = load();
    let stories = duplicates::group(&l.articles);
    let t = timeline::build(&l.articles, &l.summaries, &stories);
    assert!(t.undated.is_empty(), "{:?}", t.undated);
    let days: Vec<String> = t
        .dated
        .iter()
        .map(|e| e.date.unwrap().to_string())
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);
    let articles = t
        .dated
        .iter()
        .filter(|e| e.what == timeline::What::Article)
        .count();
    assert_eq!(articles, 4, "the repost is not an entry of its own");
    let monitor = index_of(&l, "2-monitor.md");
    let m = t
        .dated
        .iter()
        .find(|e| e.article == monitor && e.what == timeline::What::Article)
        .unwrap();
    assert_eq!(m.copies, 1);
    // "on Sunday" in reports of Feb 9 (a Sunday) and Feb 10 both fall on
    // Feb 9; the drone strike "on Friday" of Mar 20 (a Friday) on Mar 20.
    let claim_days: Vec<String> = t
        .dated
        .iter()
        .filter(|e| matches!(e.what, timeline::What::Claim(_)))
        .map(|e| e.date.unwrap().to_string())
        .collect();
    assert!(
        claim_days.contains(&"2020-02-09".to_string()),
        "{claim_days:?}"
    );
    assert!(
        !claim_days.contains(&"2020-02-10".to_string()),
        "{claim_days:?}"
    );
    assert!(
        claim_days.contains(&"2020-03-20".to_string()),
        "{claim_days:?}"
    );
}

#[test]
fn cli_conflicts_text_and_json() {
    let l = load();
    let dir = l._dir.path();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["conflicts", "--format", format])
            .arg(dir)
            .env("SITREP_CONFIG_DIR", dir.join("config"))
            .env("SITREP_DATA_DIR", dir.join("data"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run("text");
    assert!(
        text.starts_with("Saraqib (loc): civilians killed\n"),
        "{text}"
    );
    assert!(text.contains("also "), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let list = json["conflicts"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    let figs = list[0]["figures"].as_array().unwrap();
    assert_eq!(figs.len(), 3);
    assert_eq!(figs[1]["value"], 14.0);
    assert_eq!(figs[1]["unit"], "casualties");
    assert_eq!(figs[1]["high"], 18.0);
    assert_eq!(figs[0]["high"], serde_json::Value::Null);
    assert_eq!(figs[2]["article"]["site"], "Northern Syria Monitor");
    assert!(figs[2]["also"][0]
        .as_str()
        .unwrap()
        .ends_with("3-repost.txt"));
}

/// The bundled corpus: its one repost, and the two events it reports with
/// conflicting figures (see sample-corpus/ABOUT).
#[test]
fn sample_corpus_repost_and_conflicts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    let c = corpus::load(&[root], &LoadOptions::default());
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let sums: Vec<Summary> = c.articles.iter().map(|a| ex.extract(a)).collect();
    let a = analysis::analyse(&c.articles, &sums, &[]);
    let paths = |g: &[usize]| -> Vec<&str> {
        g.iter()
            .map(|&i| c.articles[i].path.rsplit('/').next().unwrap())
            .collect()
    };
    let groups: Vec<Vec<&str>> = a.stories.groups.iter().map(|g| paths(g)).collect();
    assert_eq!(
        groups,
        [[
            "iraq-mosul-nuri-mosque-repost.html",
            "iraq-mosul-old-city-advance.txt"
        ]]
    );
    let find = |place: &str, kind: &str| {
        a.conflicts
            .iter()
            .find(|k| k.kind == kind && k.subjects.iter().any(|s| s.name == place))
            .unwrap_or_else(|| panic!("no {kind} conflict at {place}: {:#?}", a.conflicts))
    };
    let susah = find("Susah", "civilians killed");
    let v: Vec<String> = susah.figures.iter().map(|f| f.value()).collect();
    assert_eq!(v, ["14", "22"]);
    let kafr = find("Kafr Nabudah", "soldiers killed");
    let v: Vec<String> = kafr.figures.iter().map(|f| f.value()).collect();
    assert_eq!(v, ["4", "17"]);
    // The Mosul story is carried twice but is one entry per figure.
    assert!(a
        .conflicts
        .iter()
        .flat_map(|k| &k.figures)
        .all(|f| a.stories.is_first(f.article)));
}

fn in_memory(texts: &[(&str, &str)]) -> (Vec<Article>, Vec<Summary>) {
    use sitrep::corpus::{parse, Draft};
    use sitrep::model::Format;
    let arts: Vec<Article> = texts
        .iter()
        .map(|(p, t)| {
            let d: Draft = parse(Format::Text, t).unwrap().drafts.remove(0);
            d.into_article(p.to_string(), Format::Text)
        })
        .collect();
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let sums = arts.iter().map(|a| ex.extract(a)).collect();
    (arts, sums)
}

/// Undated reports: about a place they may be the same event; about a
/// force (no place named) they are not compared across articles, since a
/// force fights all through a war.
#[test]
fn undated_reports_conflict_over_a_place_not_over_a_force() {
    let (arts, sums) = in_memory(&[
        (
            "a.txt",
            "Raid on Saraqib\n\nAn air raid killed 12 civilians in Saraqib, activists said.\n\nThe Syrian Democratic Forces said they had lost 40 fighters.\n",
        ),
        (
            "b.txt",
            "Saraqib toll rises\n\nThe raid killed 19 civilians in Saraqib, a monitor said.\n\nThe Syrian Democratic Forces said they had lost 7 fighters.\n",
        ),
    ]);
    let stories = duplicates::group(&arts);
    let found = conflicts::find(&arts, &sums, &stories);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c.subjects[0].name.as_str(), c.kind.as_str()))
        .collect();
    assert_eq!(kinds, [("Saraqib", "civilians killed")], "{found:#?}");
}
