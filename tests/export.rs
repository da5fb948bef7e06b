//! `sitrep export` and `sitrep import`: a small corpus of our own writing
//! in a tempdir, a store built through the library, and every format read
//! back with a real parser; then the CLI end to end.

use sitrep::corpus::{self, LoadOptions};
use sitrep::export::{self, Entry, Filter, Format};
use sitrep::extract::{tables::Tables, Extractor};
use sitrep::model::{Article, ArticleId, ByteSpan, Summary};
use sitrep::query::{Context, Lexicon};
use sitrep::store::{self, Correction, CorrectionKind, Op, Store, STORE_FILE};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const PALMYRA: &str = "---
title: Army Retakes Palmyra Citadel
date: 2017-03-02
source: Desert Monitor
url: https://example.org/2017/03/palmyra-citadel
---

# Army Retakes Palmyra Citadel

The Syrian Arab Army recaptured the citadel of Palmyra on Thursday after Islamic State fighters withdrew east, the Syrian Observatory for Human Rights said.

The monitor said at least 40 fighters were killed in three days of fighting around Palmyra.

Residents of Homs reported long convoys of army trucks on the road east, where ISIS still holds ground.
";

/// Arabic words and an emoji before the highlighted quote, so byte and
/// code point offsets differ.
const RAQQA: &str = "---
title: Raqqa Residents Describe Life Under Siege
date: 2017-06-20
source: Levant Wire
---

# Raqqa Residents Describe Life Under Siege

\u{201c}الرقة تذبح بصمت\u{201d} 🕯️ Raqqa is being slaughtered silently, an activist group wrote as the Syrian Democratic Forces pushed into the old city of Raqqa.

The Syrian Democratic Forces said they had taken 12 neighbourhoods of Raqqa, according to Reuters.
";

/// In the corpus, never tagged or noted: not exported.
const TRIPOLI: &str = "Clashes Resume South Of Tripoli

Fighting resumed on Sunday south of Tripoli, residents said.
";

const PALMYRA_QUOTE: &str = "recaptured the citadel of Palmyra";
const PALMYRA_NOTE: &str = "Confirm with **SOHR**.\n\n- second source?\n\tindented";
const RAQQA_QUOTE: &str = "Raqqa is being slaughtered silently";

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }
    fn store_dir(&self) -> PathBuf {
        self.dir.path().join("store")
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn load(&self) -> Vec<Article> {
        let c = corpus::load(&[self.corpus()], &LoadOptions::default());
        assert!(c.skipped.is_empty(), "{:?}", c.skipped);
        c.articles
    }
    fn article(&self, file: &str) -> Article {
        let want = self.corpus().join(file).display().to_string();
        self.load().into_iter().find(|a| a.path == want).unwrap()
    }
}

fn span_of(a: &Article, quote: &str) -> ByteSpan {
    let at = a.text.find(quote).expect("quote in article");
    ByteSpan::new(at, at + quote.len())
}

fn tags(t: &[&str]) -> BTreeSet<String> {
    t.iter().map(|s| s.to_string()).collect()
}

/// The corpus, and a store with tags, highlights, a whole-article note,
/// corrections, a note on an earlier text of raqqa.md and one on an
/// article the corpus no longer holds.
fn fixture() -> Fixture {
    let f = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    fs::create_dir_all(f.corpus()).unwrap();
    fs::write(f.corpus().join("palmyra.md"), PALMYRA).unwrap();
    fs::write(f.corpus().join("raqqa.md"), RAQQA).unwrap();
    fs::write(f.corpus().join("tripoli.txt"), TRIPOLI).unwrap();
    let p = f.article("palmyra.md");
    let r = f.article("raqqa.md");
    // raqqa.md as it read before an edit.
    let old_text = RAQQA.replace("12 neighbourhoods", "ten neighbourhoods");
    let old_path = f.corpus().join("raqqa.md");
    let mut old = r.clone();
    old.text = old_text.clone();
    old.id = ArticleId::of_text(&old_text);
    old.path = old_path.display().to_string();

    let mut s = Store::open(&f.store_dir()).unwrap();
    let mut ops = vec![];
    for t in ["priority", "palmyra"] {
        ops.push(Op::Tag {
            article: p.id.clone(),
            path: p.path.clone(),
            title: p.title.clone(),
            tag: t.into(),
        });
    }
    ops.push(Op::Annotate(store::annotation(
        &p,
        Some(span_of(&p, PALMYRA_QUOTE)),
        PALMYRA_NOTE,
        tags(&["claim"]),
    )));
    ops.push(Op::Annotate(store::annotation(
        &p,
        None,
        "Good overview of the day.",
        tags(&["overview"]),
    )));
    ops.push(Op::Correct(Correction {
        id: "corr-homs".into(),
        article: p.id.clone(),
        kind: CorrectionKind::Location,
        wrong: true,
        name: "Homs".into(),
        span: None,
        note: "only where residents saw it".into(),
        created: store::now(),
        author: "ana".into(),
    }));
    ops.push(Op::Correct(Correction {
        id: "corr-citadel".into(),
        article: p.id.clone(),
        kind: CorrectionKind::Location,
        wrong: false,
        name: "Palmyra Citadel".into(),
        span: None,
        note: String::new(),
        created: store::now(),
        author: "ana".into(),
    }));
    ops.push(Op::Annotate(store::annotation(
        &r,
        Some(span_of(&r, RAQQA_QUOTE)),
        "RBSS slogan, translated.",
        tags(&["quote"]),
    )));
    let mut stale = store::annotation(
        &old,
        Some(span_of(&old, "ten neighbourhoods")),
        "figure changed?",
        BTreeSet::new(),
    );
    stale.id = "stale-note".into();
    ops.push(Op::Annotate(stale));
    let mut gone = store::annotation(&old, None, "gone note", tags(&["archive"]));
    gone.id = "gone-note".into();
    gone.article = ArticleId("00000000deadbeef".into());
    gone.path = f.corpus().join("deleted.md").display().to_string();
    gone.span = Some(ByteSpan::new(3, 12));
    gone.quote = "old words".into();
    ops.push(Op::Annotate(gone));
    s.apply_all(ops).unwrap();
    f
}

/// The export of the fixture's store over its corpus, as `sitrep export`
/// does it.
fn export_with(store_dir: &Path, corpus_dir: &Path, format: Format, filter: &Filter) -> String {
    let s = Store::open(store_dir).unwrap();
    let c = corpus::load(&[corpus_dir.to_path_buf()], &LoadOptions::default());
    let articles = export::known(c.articles, s.data());
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let summaries: Vec<Summary> = articles.iter().map(|a| ex.extract(a)).collect();
    let entries: Vec<Entry> = export::select(&articles, &summaries, s.data(), filter);
    export::render(format, &entries).unwrap()
}

fn export(f: &Fixture, format: Format) -> String {
    export_with(&f.store_dir(), &f.corpus(), format, &Filter::default())
}

#[test]
fn markdown_brief_reads_as_a_brief() {
    let f = fixture();
    let md = export(&f, Format::Markdown);
    assert!(md.contains("## Army Retakes Palmyra Citadel"), "{md}");
    assert!(md.contains(&format!("=={PALMYRA_QUOTE}==")), "{md}");
    assert!(md.contains(&format!("=={RAQQA_QUOTE}==")), "{md}");
    // The note's Markdown kept, as a blockquote, line by line.
    assert!(md.contains("> Confirm with **SOHR**.\n>\n> - second source?\n> \tindented"));
    assert!(md.contains("Tags: #claim"));
    assert!(md.contains("#palmyra #priority"));
    assert!(md.contains("Desert Monitor · 2017-03-02"));
    assert!(md.contains("**On the whole article:**\n\n> Good overview of the day."));
    // The summary, with the corrections folded in.
    assert!(md.contains("Syrian Arab Army (state army"), "{md}");
    assert!(
        md.contains("Islamic State (jihadist group; seen as "),
        "{md}"
    );
    assert!(md.contains("“ISIS”"), "aliases the text used: {md}");
    assert!(md.contains("Palmyra (city, 34."), "{md}");
    assert!(md.contains("~~Homs (city"), "{md}");
    assert!(md.contains("only where residents saw it"));
    assert!(md.contains("Palmyra Citadel (added by analyst ana)"));
    assert!(md.contains("**40 fighters** — "), "{md}");
    // Orphans: the stale note on raqqa.md, and the deleted article.
    assert!(md.contains("==ten neighbourhoods==\n\n*Orphaned"), "{md}");
    assert!(md.contains("No longer in the corpus"));
    assert!(md.contains("==old words=="));
    assert!(!md.contains("Tripoli"), "untagged articles are left out");
    assert!(!md.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    assert!(
        !md.contains("\n\n\n") && md.ends_with("*\n") && !md.ends_with("\n\n"),
        "{md:?}"
    );
}

#[test]
fn markdown_sanitises_hostile_text() {
    let f = fixture();
    let p = f.article("palmyra.md");
    let mut s = Store::open(&f.store_dir()).unwrap();
    s.apply(Op::Annotate(store::annotation(
        &p,
        Some(span_of(&p, "Thursday")),
        "note \u{1b}[2Jwith escapes\u{9b}31m\nand a line\u{7}",
        tags(&["x"]),
    )))
    .unwrap();
    let md = export(&f, Format::Markdown);
    assert!(!md.contains('\u{1b}') && !md.contains('\u{9b}') && !md.contains('\u{7}'));
    assert!(
        md.contains("> note [2Jwith escapes31m\n> and a line\n"),
        "{md}"
    );
    // One-line fields: controls made visible, Markdown marks escaped.
    use export::markdown::inline;
    assert_eq!(inline("a\u{1b}[2J b"), "a\u{241b}\\[2J b");
    assert_eq!(
        inline("*x* ==y== ~~z~~ foreign_military _w_"),
        "\\*x\\* =\\=y=\\= ~\\~z~\\~ foreign_military \\_w\\_"
    );
}

#[test]
fn json_export_import_export_is_identical_and_import_is_idempotent() {
    let f = fixture();
    let json = export(&f, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema_version"], 1);
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 3, "palmyra, raqqa, the deleted article");
    let palmyra = &arts[0];
    assert_eq!(palmyra["title"], "Army Retakes Palmyra Citadel");
    assert_eq!(palmyra["source_site"], "Desert Monitor");
    assert_eq!(palmyra["tags"], serde_json::json!(["palmyra", "priority"]));
    let anns = palmyra["annotations"].as_array().unwrap();
    assert_eq!(anns.len(), 2);
    // The whole-article note first, with null offsets.
    assert!(anns[0]["start"].is_null() && anns[0]["end"].is_null());
    assert_eq!(anns[1]["quote"], PALMYRA_QUOTE);
    assert_eq!(anns[1]["note"], PALMYRA_NOTE);
    assert_eq!(anns[1]["orphaned"], false);
    for k in [
        "id", "created", "modified", "author", "prefix", "suffix", "tags",
    ] {
        assert!(anns[1].get(k).is_some(), "{k}");
    }
    assert_eq!(palmyra["corrections"].as_array().unwrap().len(), 2);
    assert!(!palmyra["summary"]["forces"].as_array().unwrap().is_empty());
    let raqqa = &arts[1];
    let stale = raqqa["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "stale-note")
        .unwrap();
    assert_eq!(stale["orphaned"], true);
    assert_ne!(stale["article"], raqqa["id"]);
    let gone = &arts[2];
    assert_eq!(gone["id"], "00000000deadbeef");
    assert_eq!(gone["found"], false);
    assert!(gone["summary"].is_null());
    assert_eq!(gone["annotations"][0]["orphaned"], true);
    assert_eq!(gone["annotations"][0]["quote"], "old words");

    // Into a fresh store, and out again: the same bytes.
    let fresh = f.path("fresh");
    let mut s = Store::open(&fresh).unwrap();
    let r = export::import(&mut s, &json).unwrap();
    assert_eq!(r.notes_added, 5);
    assert_eq!(r.tags_added, 2);
    assert_eq!(r.corrections_added, 2);
    let again = export_with(&fresh, &f.corpus(), Format::Json, &Filter::default());
    assert_eq!(again, json);
    let sorted = |dir: &Path| {
        let mut d = Store::open(dir).unwrap().data().clone();
        d.annotations.sort_by(|a, b| a.id.cmp(&b.id));
        d.corrections.sort_by(|a, b| a.id.cmp(&b.id));
        d
    };
    assert_eq!(
        sorted(&fresh),
        sorted(&f.store_dir()),
        "the store is rebuilt"
    );

    // Importing again changes nothing, not even the file.
    let before = fs::read(fresh.join(STORE_FILE)).unwrap();
    let r = export::import(&mut s, &json).unwrap();
    assert!(!r.changed(), "{r}");
    assert_eq!(r.unchanged, 9);
    assert_eq!(fs::read(fresh.join(STORE_FILE)).unwrap(), before);
    // And into the original store: nothing new there either.
    let mut orig = Store::open(&f.store_dir()).unwrap();
    assert!(!export::import(&mut orig, &json).unwrap().changed());
}

#[test]
fn import_merges_and_keeps_newer_local_edits() {
    let f = fixture();
    let json = export(&f, Format::Json);
    let mut s = Store::open(&f.store_dir()).unwrap();
    let id = s
        .data()
        .annotations
        .iter()
        .find(|n| n.quote == PALMYRA_QUOTE)
        .unwrap()
        .id
        .clone();
    // A later local edit wins over the older exported note.
    s.apply(Op::Edit {
        id: id.clone(),
        note: Some("edited here".into()),
        tags: None,
        modified: "2999-01-01T00:00:00Z".into(),
    })
    .unwrap();
    s.apply(Op::Untag {
        article: f.article("palmyra.md").id,
        tag: "priority".into(),
    })
    .unwrap();
    let r = export::import(&mut s, &json).unwrap();
    assert_eq!(r.tags_added, 1, "tags are a union: the removed one returns");
    assert_eq!(r.notes_added + r.notes_updated, 0);
    let n = s.data().annotations.iter().find(|n| n.id == id).unwrap();
    assert_eq!(n.note, "edited here");
    assert_eq!(s.data().annotations.len(), 5, "no duplicates");

    // Not an export, a newer one, a bad span: refused, store untouched.
    let before = fs::read(f.store_dir().join(STORE_FILE)).unwrap();
    for bad in [
        r#"{"schema_version": 2, "articles": []}"#.to_string(),
        r#"{"format": "sitrep-export", "schema_version": 9, "articles": []}"#.to_string(),
        json.replacen("\"start\": null", "\"start\": 4", 1),
        "not json".to_string(),
    ] {
        assert!(export::import(&mut s, &bad).is_err(), "{bad:.80}");
    }
    assert_eq!(fs::read(f.store_dir().join(STORE_FILE)).unwrap(), before);
}

#[test]
fn csv_rows_round_trip() {
    let f = fixture();
    let text = export(&f, Format::Csv);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, export::csv::HEADER);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let claims: usize = [f.article("palmyra.md"), f.article("raqqa.md")]
        .iter()
        .map(|a| ex.extract(a).claims.len())
        .sum();
    let n_claims = rows.iter().filter(|r| &r[0] == "claim").count();
    let n_notes = rows.iter().filter(|r| &r[0] == "annotation").count();
    assert!(claims >= 2, "the fixture has claims");
    assert_eq!(n_claims, claims, "no claim of the fixture is marked wrong");
    assert_eq!(n_notes, 5);
    assert_eq!(rows.len(), n_claims + n_notes);

    let note = rows
        .iter()
        .find(|r| &r[col("quote")] == PALMYRA_QUOTE)
        .unwrap();
    assert_eq!(&note[col("notes")], PALMYRA_NOTE, "multi-line note intact");
    assert_eq!(&note[col("tags")], "palmyra; priority; claim");
    assert_eq!(&note[col("actor1")], "Syrian Arab Army");
    assert_eq!(&note[col("actor2")], "Islamic State");
    assert_eq!(&note[col("location")], "Palmyra");
    assert_eq!(&note[col("geo_precision")], "1");
    assert_eq!(&note[col("event_date")], "2017-03-02");
    let lat: f64 = note[col("latitude")].parse().unwrap();
    let lon: f64 = note[col("longitude")].parse().unwrap();
    assert!((lat - 34.56).abs() < 0.05 && (lon - 38.28).abs() < 0.05);
    let p = f.article("palmyra.md");
    assert_eq!(&note[col("article_id")], p.id.0);
    assert_eq!(&note[col("title")], p.title);

    let fighters = rows
        .iter()
        .find(|r| &r[0] == "claim" && r[col("quote")].contains("40 fighters"))
        .unwrap();
    assert_eq!(fighters[col("value")].parse::<f64>().unwrap(), 40.0);
    assert!(fighters[col("notes")].starts_with("The monitor said at least 40"));
    assert_eq!(&fighters[col("location")], "Palmyra");
    let raqqa = rows
        .iter()
        .find(|r| &r[col("quote")] == RAQQA_QUOTE)
        .unwrap();
    assert_eq!(&raqqa[col("actor1")], "Syrian Democratic Forces");
    assert_eq!(&raqqa[col("location")], "Raqqa");
}

#[test]
fn csv_defuses_formulas_from_article_text() {
    assert_eq!(export::csv::safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(export::csv::safe("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(export::csv::safe("Palmyra"), "Palmyra");
}

#[test]
fn geojson_is_a_feature_collection_in_lon_lat_order() {
    let f = fixture();
    let text = export(&f, Format::Geojson);
    let fc: geojson::FeatureCollection = text.parse().unwrap();
    let named = |n: &str| {
        fc.features
            .iter()
            .find(|x| x.property("name").and_then(|v| v.as_str()) == Some(n))
    };
    let palmyra = named("Palmyra").expect("Palmyra is a feature");
    let Some(geojson::GeometryValue::Point { coordinates }) =
        palmyra.geometry.as_ref().map(|g| &g.value)
    else {
        panic!("a Point");
    };
    assert!((coordinates[0] - 38.27).abs() < 0.05, "{coordinates:?}");
    assert!((coordinates[1] - 34.55).abs() < 0.05, "{coordinates:?}");
    let p = palmyra.properties.as_ref().unwrap();
    assert_eq!(p["article_id"], f.article("palmyra.md").id.0.as_str());
    assert_eq!(p["title"], "Army Retakes Palmyra Citadel");
    assert_eq!(p["kind"], "city");
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let mentions = ex
        .extract(&f.article("palmyra.md"))
        .locations
        .iter()
        .find(|l| l.name == "Palmyra")
        .unwrap()
        .mentions
        .len();
    assert!(mentions >= 2);
    assert_eq!(p["mentions"], mentions);
    let claims: Vec<&str> = p["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        claims.iter().any(|c| c.starts_with("40 fighters")),
        "{claims:?}"
    );
    assert_eq!(p["notes"], serde_json::json!([PALMYRA_NOTE]));
    assert!(named("Homs").is_none(), "marked wrong");
    assert!(named("Tripoli").is_none(), "not in the store");
    let raqqa = named("Raqqa").unwrap();
    assert_eq!(
        raqqa.properties.as_ref().unwrap()["notes"],
        serde_json::json!(["RBSS slogan, translated."])
    );
}

#[test]
fn w3c_annotations_use_code_point_offsets() {
    let f = fixture();
    let text = export(&f, Format::W3c);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"], items.len());
    let notes: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| {
            i["id"]
                .as_str()
                .unwrap()
                .starts_with("urn:sitrep:annotation:")
        })
        .collect();
    assert_eq!(notes.len(), 5);
    for n in &notes {
        assert_eq!(n["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(n["type"], "Annotation");
        assert!(n["created"].is_string() && n["modified"].is_string());
        assert_eq!(n["creator"]["type"], "Person");
        assert!(n["target"]["source"].is_string());
    }
    let r = f.article("raqqa.md");
    let raqqa = notes
        .iter()
        .find(|n| n["target"]["selector"][0]["exact"] == RAQQA_QUOTE)
        .unwrap();
    assert_eq!(
        raqqa["target"]["source"],
        format!("urn:sitrep:article:{}", r.id)
    );
    let body = raqqa["body"].as_array().unwrap();
    assert_eq!(body[0]["purpose"], "commenting");
    assert_eq!(body[0]["format"], "text/markdown");
    assert_eq!(body[0]["value"], "RBSS slogan, translated.");
    assert_eq!(body[1]["purpose"], "tagging");
    assert_eq!(body[1]["value"], "quote");
    let sels = raqqa["target"]["selector"].as_array().unwrap();
    let pos = sels
        .iter()
        .find(|s| s["type"] == "TextPositionSelector")
        .unwrap();
    let (start, end) = (
        pos["start"].as_u64().unwrap() as usize,
        pos["end"].as_u64().unwrap() as usize,
    );
    let by_chars: String = r.text.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, RAQQA_QUOTE);
    assert_ne!(
        start,
        r.text.find(RAQQA_QUOTE).unwrap(),
        "not a byte offset"
    );
    assert!(sels[0]["prefix"].as_str().unwrap().contains('🕯'));

    // The article's URL is the source when known; a whole-article note
    // has no selector; an orphaned one only its quote.
    let whole = notes
        .iter()
        .find(|n| n["body"][0]["value"] == "Good overview of the day.")
        .unwrap();
    assert_eq!(
        whole["target"]["source"],
        "https://example.org/2017/03/palmyra-citadel"
    );
    assert!(whole["target"].get("selector").is_none());
    let stale = notes
        .iter()
        .find(|n| n["id"] == "urn:sitrep:annotation:stale-note")
        .unwrap();
    let sels = stale["target"]["selector"].as_array().unwrap();
    assert_eq!(sels.len(), 1);
    assert_eq!(sels[0]["type"], "TextQuoteSelector");
}

#[test]
fn filters_by_tag_and_query() {
    let f = fixture();
    let count = |tags: &[&str], q: &str| {
        let ctx = Context::new(
            Lexicon::new(&Tables::builtin().unwrap()),
            Default::default(),
        );
        let filter =
            Filter::new(tags.iter().map(|s| s.to_string()).collect(), Some(q), &ctx).unwrap();
        let json = export_with(&f.store_dir(), &f.corpus(), Format::Json, &filter);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["articles"].as_array().unwrap().len()
    };
    assert_eq!(count(&[], ""), 3);
    assert_eq!(count(&["priority"], ""), 1);
    assert_eq!(count(&["claim"], ""), 1, "a note's tag counts");
    assert_eq!(count(&["priority", "quote"], ""), 0, "every tag must hold");
    assert_eq!(count(&["quote"], ""), 1);
    assert_eq!(count(&[], "citadel"), 1);
    assert_eq!(count(&[], "CITADEL palmyra"), 1);
    assert_eq!(count(&[], "citadel raqqa"), 0);
    assert_eq!(count(&[], "force:democratic"), 1);
    assert_eq!(count(&[], "force:syrian"), 2);
    assert_eq!(count(&[], "force:isis"), 1, "by an alias the text used");
    assert_eq!(
        count(&[], "force:Da'esh"),
        1,
        "by an alias the text did not use: it resolves to the Islamic State"
    );
    assert_eq!(count(&[], "force:nosuchgroup"), 0);
    assert_eq!(count(&[], "loc:palmyra site:desert"), 1);
    assert_eq!(count(&[], "loc:citadel"), 1, "a place the analyst added");
    assert_eq!(count(&[], "site:levant"), 1);
    assert_eq!(count(&[], "#archive"), 1);
    assert_eq!(count(&[], "note:slogan"), 1);
}

fn sitrep(f: &Fixture, args: &[&str]) -> std::process::Output {
    let cfg = f.path("config");
    fs::create_dir_all(&cfg).unwrap();
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .env("SITREP_CONFIG_DIR", &cfg)
        .env("SITREP_DATA_DIR", f.store_dir())
        .env("SITREP_CACHE_DIR", f.path("cache"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ok(o: &std::process::Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn cli_exports_every_format_to_stdout() {
    let f = fixture();
    let corpus = f.corpus().display().to_string();
    for (format, want) in [
        ("markdown", format!("=={PALMYRA_QUOTE}==")),
        ("json", "\"schema_version\": 1".into()),
        ("csv", "row_type,event_date,actor1".into()),
        ("geojson", "\"FeatureCollection\"".into()),
        ("w3c", "\"AnnotationCollection\"".into()),
    ] {
        let out = ok(&sitrep(&f, &["export", "--format", format, &corpus]));
        assert!(out.contains(&want), "{format}: {out:.300}");
    }
    let json = ok(&sitrep(&f, &["export", "--format", "json", &corpus]));
    assert_eq!(
        json,
        export(&f, Format::Json),
        "the CLI and the library agree"
    );
    let md = ok(&sitrep(
        &f,
        &[
            "export",
            "--tag",
            "quote",
            "--query",
            "force:democratic",
            &corpus,
        ],
    ));
    assert!(md.contains(RAQQA_QUOTE) && !md.contains(PALMYRA_QUOTE));
    let bad = sitrep(&f, &["export", "--tag", "two words", &corpus]);
    assert!(!bad.status.success());
}

#[test]
fn cli_import_merges_once() {
    let f = fixture();
    let corpus = f.corpus().display().to_string();
    let file = f.path("notes.json");
    ok(&sitrep(
        &f,
        &[
            "export",
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
            &corpus,
        ],
    ));
    let fresh = f.path("fresh");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(args)
            .env("SITREP_CONFIG_DIR", f.path("config"))
            .env("SITREP_DATA_DIR", &fresh)
            .output()
            .unwrap()
    };
    let first = ok(&run(&["import", file.to_str().unwrap()]));
    assert!(first.contains("5 notes added"), "{first}");
    let store_bytes = fs::read(fresh.join(STORE_FILE)).unwrap();
    let second = ok(&run(&["import", file.to_str().unwrap()]));
    assert!(second.contains("0 tags, 0 notes added"), "{second}");
    assert_eq!(fs::read(fresh.join(STORE_FILE)).unwrap(), store_bytes);
    let again = ok(&run(&["export", "--format", "json", &corpus]));
    assert_eq!(again, fs::read_to_string(&file).unwrap());
    let not_export = run(&["import", f.store_dir().join(STORE_FILE).to_str().unwrap()]);
    assert!(!not_export.status.success());
    assert!(String::from_utf8_lossy(&not_export.stderr).contains("not a sitrep JSON export"));
}

#[cfg(unix)]
#[test]
fn cli_out_is_private_and_never_clobbers_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    let corpus = f.corpus().display().to_string();
    let out = f.path("brief.md");
    let out_s = out.to_str().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

    ok(&sitrep(&f, &["export", "--out", out_s, &corpus]));
    assert_eq!(mode(&out), 0o600);
    assert!(fs::read_to_string(&out).unwrap().contains(PALMYRA_QUOTE));

    // An existing file: refused, untouched.
    fs::write(&out, "keep me").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    let o = sitrep(&f, &["export", "--out", out_s, &corpus]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    // --force replaces it, private again.
    ok(&sitrep(&f, &["export", "--force", "--out", out_s, &corpus]));
    assert!(fs::read_to_string(&out).unwrap().contains(PALMYRA_QUOTE));
    assert_eq!(mode(&out), 0o600);

    // A symlink at --out: refused (even dangling); with --force the link
    // is replaced and its target never written.
    let target = f.path("target.txt");
    fs::write(&target, "not yours").unwrap();
    let link = f.path("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let dangling = f.path("dangling.md");
    std::os::unix::fs::symlink(f.path("nowhere.txt"), &dangling).unwrap();
    for l in [&link, &dangling] {
        let o = sitrep(&f, &["export", "--out", l.to_str().unwrap(), &corpus]);
        assert!(!o.status.success());
        assert!(fs::symlink_metadata(l).unwrap().file_type().is_symlink());
    }
    assert!(!f.path("nowhere.txt").exists());
    ok(&sitrep(
        &f,
        &[
            "export",
            "--force",
            "--out",
            link.to_str().unwrap(),
            &corpus,
        ],
    ));
    assert_eq!(fs::read_to_string(&target).unwrap(), "not yours");
    assert!(!fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(mode(&link), 0o600);
    // No temporary files left beside.
    let stray: Vec<_> = fs::read_dir(f.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn write_file_refuses_a_directory_and_a_taken_name() {
    let dir = tempfile::tempdir().unwrap();
    let err = export::write_file(dir.path(), b"x", true).unwrap_err();
    assert!(matches!(err, export::ExportError::IsDirectory(_)));
    let p = dir.path().join("a.json");
    export::write_file(&p, b"one", false).unwrap();
    let err = export::write_file(&p, b"two", false).unwrap_err();
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(fs::read(&p).unwrap(), b"one");
    export::write_file(&p, b"two", true).unwrap();
    assert_eq!(fs::read(&p).unwrap(), b"two");
}

#[test]
fn grades_round_trip_through_the_store_and_every_export() {
    let f = fixture();
    let palmyra = f.corpus().join("palmyra.md").display().to_string();
    let corpus = f.corpus().display().to_string();
    let out = ok(&sitrep(&f, &["grade", &palmyra, "40 fighters", "b2"]));
    assert!(out.contains("graded B2"), "{out}");
    let s = Store::open(&f.store_dir()).unwrap();
    assert_eq!(s.data().grades.len(), 1);
    let g = s.data().grades[0].clone();
    let p = f.article("palmyra.md");
    assert_eq!(&p.text[g.span.start..g.span.end], "40 fighters");
    assert_eq!(g.grade.to_string(), "B2");

    // Regrading by the claim's number replaces the grade.
    let ex = Extractor::new(&Tables::builtin().unwrap());
    let n = ex
        .extract(&p)
        .claims
        .iter()
        .position(|c| c.quantity(&p.text) == "40 fighters")
        .unwrap()
        + 1;
    ok(&sitrep(&f, &["grade", &palmyra, &n.to_string(), "C3"]));
    let s = Store::open(&f.store_dir()).unwrap();
    assert_eq!(s.data().grades.len(), 1);
    assert_eq!(s.data().grades[0].grade.to_string(), "C3");
    // A bad grade or claim is refused and changes nothing.
    let before = fs::read(f.store_dir().join(STORE_FILE)).unwrap();
    for args in [
        ["grade", palmyra.as_str(), "40 fighters", "G7"],
        ["grade", palmyra.as_str(), "99 tanks", "B2"],
    ] {
        let o = sitrep(&f, &args);
        assert!(!o.status.success());
        assert!(!String::from_utf8_lossy(&o.stderr).is_empty());
    }
    assert_eq!(fs::read(f.store_dir().join(STORE_FILE)).unwrap(), before);

    let json = ok(&sitrep(&f, &["export", "--format", "json", &corpus]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let art = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Army Retakes Palmyra Citadel")
        .unwrap();
    assert_eq!(art["grades"][0]["grade"], "C3");
    assert_eq!(art["grades"][0]["quantity"], "40 fighters");
    assert_eq!(art["grades"][0]["start"], g.span.start);

    let csv = ok(&sitrep(&f, &["export", "--format", "csv", &corpus]));
    let mut r = ::csv::Reader::from_reader(csv.as_bytes());
    let graded: Vec<_> = r
        .records()
        .map(|x| x.unwrap())
        .filter(|x| !x[16].is_empty())
        .collect();
    assert_eq!(graded.len(), 1);
    assert_eq!((&graded[0][11], &graded[0][16]), ("40 fighters", "C3"));

    let md = ok(&sitrep(&f, &["export", "--format", "markdown", &corpus]));
    assert!(md.contains("(source graded C3)"), "{md}");
    let w3c = ok(&sitrep(&f, &["export", "--format", "w3c", &corpus]));
    let v: serde_json::Value = serde_json::from_str(&w3c).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    let graded = items
        .iter()
        .find(|i| i["motivation"] == "assessing")
        .expect("an assessing annotation");
    assert_eq!(graded["body"][0]["value"], "C3");
    assert_eq!(graded["target"]["selector"][0]["exact"], "40 fighters");

    // Into a fresh store and back: the same grade, once.
    let fresh = f.path("fresh");
    let mut s = Store::open(&fresh).unwrap();
    let r = export::import(&mut s, &json).unwrap();
    assert_eq!(r.grades_added, 1);
    assert_eq!(
        s.data().grades,
        Store::open(&f.store_dir()).unwrap().data().grades
    );
    let r = export::import(&mut s, &json).unwrap();
    assert!(!r.changed(), "{r}");

    // Queryable from the CLI.
    let listed = ok(&sitrep(
        &f,
        &["list", "--query", "grade<=C3", "--format", "json", &corpus],
    ));
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["title"], "Army Retakes Palmyra Citadel");
    assert_eq!(arts[0]["grades"][0]["grade"], "C3");
    let none = ok(&sitrep(&f, &["list", "--query", "grade<=B3", &corpus]));
    assert_eq!(none, "", "C3 is not B3 or better");

    // And removed.
    ok(&sitrep(&f, &["grade", &palmyra, "40 fighters", "none"]));
    assert!(Store::open(&f.store_dir())
        .unwrap()
        .data()
        .grades
        .is_empty());
}

#[test]
fn cli_list_takes_queries_saved_queries_and_shows_errors() {
    let f = fixture();
    let corpus = f.corpus().display().to_string();
    fs::create_dir_all(f.path("config")).unwrap();
    fs::write(
        f.path("config").join("config.toml"),
        "[queries]\npalm = 'loc:Tadmur or #nothing'\nself = '@self'\n",
    )
    .unwrap();
    let all = ok(&sitrep(&f, &["list", &corpus]));
    assert_eq!(all.lines().count(), 3, "{all}");
    assert!(all.contains("#palmyra #priority"), "tags shown: {all}");
    let listed = ok(&sitrep(
        &f,
        &["list", "-q", "@palm", "--format", "json", &corpus],
    ));
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 1, "Tadmur is an alias of Palmyra: {listed}");
    for key in ["id", "path", "title", "site", "date", "tags"] {
        assert!(arts[0].get(key).is_some(), "{key} in {}", arts[0]);
    }
    assert_eq!(arts[0]["site"], "Desert Monitor");
    assert!(arts[0]["path"].as_str().unwrap().ends_with("palmyra.md"));
    // --list is `list` without a query.
    let old = ok(&sitrep(&f, &["--list", &corpus]));
    assert_eq!(old, all);

    for (q, want) in [
        ("loc:Raqqa and (force:SDF", "expected ')' at 24"),
        ("@self", "saved query @self refers to itself"),
        ("@nope", "no saved query @nope"),
    ] {
        for cmd in ["list", "export"] {
            let o = sitrep(&f, &[cmd, "--query", q, &corpus]);
            assert_eq!(o.status.code(), Some(2), "{cmd} {q}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(want), "{cmd} {q}: {err}");
            assert!(o.stdout.is_empty());
        }
    }
    let o = sitrep(
        &f,
        &["list", "--query", "loc:Raqqa and (force:SDF", &corpus],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[1], "  loc:Raqqa and (force:SDF");
    assert_eq!(lines[2], format!("  {}^", " ".repeat(24)), "{err}");
}
