//! The query language: its grammar (and the errors it gives, with their
//! positions), each atom on a small corpus of our own, alias resolution,
//! and saved queries.

use sitrep::corpus::{parse as parse_text, Draft};
use sitrep::export::{self, Entry, StoreView};
use sitrep::extract::{tables::Tables, Extractor};
use sitrep::model::{Article, ArticleId, Format, Grade, Summary};
use sitrep::query::{self, Atom, Cmp, Context, Expr, Lexicon, Query, QueryError};
use sitrep::store::{self, Annotation, Correction, CorrectionKind, SourceGrade};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

fn text(s: &str) -> Expr {
    Expr::Atom(Atom::Text(s.into()))
}

fn and(v: Vec<Expr>) -> Expr {
    Expr::And(v)
}

fn or(v: Vec<Expr>) -> Expr {
    Expr::Or(v)
}

fn not(e: Expr) -> Expr {
    Expr::Not(Box::new(e))
}

fn err(q: &str) -> QueryError {
    query::parse(q).expect_err(q)
}

#[test]
fn precedence_is_not_then_and_then_or() {
    assert_eq!(
        query::parse("a b or not c and d").unwrap(),
        or(vec![
            and(vec![text("a"), text("b")]),
            and(vec![not(text("c")), text("d")]),
        ])
    );
    assert_eq!(
        query::parse("a and (b OR c)").unwrap(),
        and(vec![text("a"), or(vec![text("b"), text("c")])])
    );
    assert_eq!(
        query::parse("-a NOT b").unwrap(),
        and(vec![not(text("a")), not(text("b"))])
    );
    assert_eq!(query::parse("  ").unwrap(), and(vec![]), "empty: all");
    // Words that start like keywords are words.
    assert_eq!(
        query::parse("order android notable").unwrap(),
        and(vec![text("order"), text("android"), text("notable")])
    );
    assert_eq!(
        query::parse("\"and\" or \"civilians killed\"").unwrap(),
        or(vec![text("and"), text("civilians killed")])
    );
}

#[test]
fn every_atom_parses() {
    let one = |q: &str| match query::parse(q).unwrap() {
        Expr::Atom(a) => a,
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(one("#priority"), Atom::Tag("priority".into()));
    assert_eq!(one("tag:priority"), Atom::Tag("priority".into()));
    assert_eq!(one("force:Daesh"), Atom::Force("Daesh".into()));
    assert_eq!(one("loc:\"Deir Ezzur\""), Atom::Place("Deir Ezzur".into()));
    assert_eq!(one("place:Palmyra"), Atom::Place("Palmyra".into()));
    assert_eq!(one("source:SOHR"), Atom::Source("SOHR".into()));
    assert_eq!(one("site:levant"), Atom::Site("levant".into()));
    assert_eq!(one("note:check"), Atom::Note("check".into()));
    assert_eq!(one("claim.unit:km2"), Atom::Unit("km2".into()));
    assert_eq!(one("claim.value>1000"), Atom::Value(Cmp::Gt, 1000.0));
    assert_eq!(one("claim.value<=1,500"), Atom::Value(Cmp::Le, 1500.0));
    assert_eq!(one("claim.value=12"), Atom::Value(Cmp::Eq, 12.0));
    assert_eq!(
        one("grade<=b3"),
        Atom::Grade(Cmp::Le, Grade::new('B', 3).unwrap())
    );
    assert!(matches!(one("date:2017-05..2017-06"), Atom::Date(_)));
    assert!(matches!(one("date:2017-05.."), Atom::Date(r) if r.to.is_none()));
    assert!(matches!(one("date:..2017"), Atom::Date(r) if r.from.is_none()));
    assert_eq!(
        query::parse("@raqqa").unwrap(),
        Expr::Saved {
            name: "raqqa".into(),
            at: 0
        }
    );
}

#[test]
fn errors_say_what_and_where() {
    let e = err("loc:Raqqa and (force:SDF");
    assert_eq!((e.at, e.message.as_str()), (24, "expected ')'"));
    assert_eq!(e.to_string(), "expected ')' at 24");
    assert_eq!(err("(a or b))").to_string(), "unmatched ')' at 8");
    assert_eq!(err("a and").to_string(), "expected a term after 'and' at 5");
    assert_eq!(err("a or ").to_string(), "expected a term after 'or' at 5");
    assert_eq!(err("not").to_string(), "expected a term after 'not' at 3");
    assert_eq!(err("()").to_string(), "expected a term after '(' at 1");
    assert_eq!(
        err("x \"unclosed").to_string(),
        "expected a closing '\"' at 11"
    );
    assert_eq!(err("loc: x").at, 4, "a field without a value");
    let e = err("raqqa colour:red");
    assert_eq!(e.at, 6);
    assert!(e.message.starts_with("unknown field 'colour'"), "{e}");
    assert_eq!(err("claim.value>lots").at, 12);
    assert!(err("grade<=Z9")
        .message
        .starts_with("expected an Admiralty grade"));
    assert_eq!(err("date:2017-13").at, 5);
    assert_eq!(
        err("a force>3").message,
        "force takes ':' (force:NAME), not '>'"
    );
    // The caret sits under the position, counted in columns.
    let q = "loc:Dayr and (x";
    assert_eq!(
        err(q).caret(q),
        format!("  {q}\n  {}^", " ".repeat(q.len()))
    );
    let q = "Alépo (x";
    let e = err(q);
    assert_eq!(e.at, 9, "bytes");
    assert_eq!(
        e.caret(q).lines().nth(1).unwrap(),
        format!("  {}^", " ".repeat(8))
    );
}

fn article(text: &str, path: &str) -> Article {
    let d: Draft = parse_text(Format::Text, text).unwrap().drafts.remove(0);
    d.into_article(path.into(), Format::Text)
}

/// A small corpus of our own, extracted once.
struct Corpus {
    articles: Vec<Article>,
    summaries: Vec<Summary>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables::builtin().unwrap());

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let mut articles = vec![
        article(
            "Siege Of Deir ez-Zor Airport Eased\n\n\
             Syrian Arab Army units pushed 12 km east of Deir al-Zor on Tuesday, \
             the Syrian Observatory for Human Rights said.\n\n\
             ISIS fighters shelled the Jafra district, killing 14 civilians.\n",
            "deir.txt",
        ),
        article(
            "SDF Takes 1,200 km2 North Of Raqqa\n\n\
             The Syrian Democratic Forces said they had taken 1,200 square kilometres \
             north of Raqqa since June 3.\n",
            "raqqa.txt",
        ),
        article(
            "Rebels Shell Aleppo Districts Overnight\n\n\
             HTS fighters shelled Aleppo, SANA reported, killing 22 people.\n",
            "aleppo.txt",
        ),
    ];
    articles[0].date = Some("2017-09-12".into());
    articles[1].date = Some("June 10, 2017".into());
    articles[0].source_site = Some("Levant Wire".into());
    articles[2].source_site = Some("Frontline Digest".into());
    let ex = Extractor::new(&TABLES);
    let summaries = articles.iter().map(|a| ex.extract(a)).collect();
    Corpus {
        articles,
        summaries,
    }
});

/// What the store holds for the corpus: tags, a note, a grade, a claim
/// marked wrong.
struct Held {
    tags: BTreeMap<ArticleId, BTreeSet<String>>,
    annotations: Vec<Annotation>,
    corrections: Vec<Correction>,
    grades: Vec<SourceGrade>,
}

fn held() -> Held {
    let c = &*CORPUS;
    let (deir, raqqa, aleppo) = (&c.articles[0], &c.articles[1], &c.articles[2]);
    let mut tags = BTreeMap::new();
    tags.insert(deir.id.clone(), ["priority".to_string()].into());
    let note = store::annotation(
        raqqa,
        None,
        "Check the area against the map",
        ["verify".to_string()].into(),
    );
    let twelve = c.summaries[0]
        .claims
        .iter()
        .find(|x| x.value == 12.0)
        .expect("the 12 km claim");
    let grades = vec![store::source_grade(
        &deir.id,
        &deir.text,
        twelve,
        Grade::new('B', 2).unwrap(),
    )];
    let wrong = Correction {
        id: "c1".into(),
        article: aleppo.id.clone(),
        kind: CorrectionKind::Claim,
        wrong: true,
        name: c.summaries[2].claims[0].quantity(&aleppo.text).to_string(),
        span: None,
        note: String::new(),
        created: store::now(),
        author: "tester".into(),
    };
    Held {
        tags,
        annotations: vec![note],
        corrections: vec![wrong],
        grades,
    }
}

fn context() -> Context {
    let mut saved = BTreeMap::new();
    saved.insert("raqqa".into(), "loc:Raqqa and claim.unit:km2".into());
    saved.insert("north".into(), "@raqqa or @deir".into());
    saved.insert("deir".into(), "loc:\"Deir Ezzur\"".into());
    saved.insert("loop".into(), "x or @loop2".into());
    saved.insert("loop2".into(), "(@loop)".into());
    saved.insert("broken".into(), "(a".into());
    Context::new(Lexicon::new(&TABLES), saved)
}

/// The paths of the corpus's articles that `q` keeps.
fn hits(q: &str) -> Vec<&'static str> {
    let c = &*CORPUS;
    let h = held();
    let view = StoreView {
        tags: &h.tags,
        annotations: &h.annotations,
        corrections: &h.corrections,
        grades: &h.grades,
    };
    let query = Query::new(q, &context()).unwrap_or_else(|e| panic!("{q}: {e}"));
    let entries: Vec<Entry> = export::entries(&c.articles, &c.summaries, &view);
    entries
        .iter()
        .filter(|e| query.matches(e))
        .map(|e| match e.path {
            "deir.txt" => "deir",
            "raqqa.txt" => "raqqa",
            "aleppo.txt" => "aleppo",
            other => panic!("{other}"),
        })
        .collect()
}

#[test]
fn text_and_phrases() {
    assert_eq!(hits(""), ["deir", "raqqa", "aleppo"]);
    assert_eq!(hits("shelled"), ["deir", "aleppo"]);
    assert_eq!(hits("SHELLED aleppo"), ["aleppo"]);
    assert_eq!(hits("\"jafra district\""), ["deir"]);
    assert_eq!(hits("\"district jafra\""), Vec::<&str>::new());
    assert_eq!(hits("shelled -aleppo"), ["deir"]);
    assert_eq!(hits("raqqa or aleppo"), ["raqqa", "aleppo"]);
    assert_eq!(hits("not (raqqa or aleppo)"), ["deir"]);
}

#[test]
fn tags_and_notes() {
    assert_eq!(hits("#priority"), ["deir"]);
    assert_eq!(hits("tag:verify"), ["raqqa"], "a note's tag");
    assert_eq!(hits("note:\"the map\""), ["raqqa"]);
    assert_eq!(hits("note:MAP"), ["raqqa"]);
    assert_eq!(hits("note:nothing"), Vec::<&str>::new());
}

#[test]
fn forces_resolve_through_aliases() {
    assert_eq!(hits("force:Daesh"), ["deir"], "the text says ISIS");
    assert_eq!(hits("force:\"Islamic State\""), ["deir"]);
    assert_eq!(
        hits("force:SAA"),
        ["deir"],
        "the text says Syrian Arab Army"
    );
    assert_eq!(hits("force:hts"), ["aleppo"]);
    assert_eq!(hits("force:democratic"), ["raqqa"], "a part of a name");
    assert_eq!(hits("force:Hezbollah"), Vec::<&str>::new());
}

#[test]
fn places_resolve_through_aliases() {
    assert_eq!(hits("loc:\"Deir Ezzur\""), ["deir"]);
    assert_eq!(hits("place:\"Dayr az-Zawr\""), ["deir"]);
    assert_eq!(hits("loc:Ezzor"), ["deir"]);
    assert_eq!(hits("loc:Raqqa"), ["raqqa"]);
    assert_eq!(hits("loc:Palmyra"), Vec::<&str>::new());
}

#[test]
fn sources_and_sites() {
    assert_eq!(hits("source:SOHR"), ["deir"], "the text names it in full");
    assert_eq!(hits("source:\"Syrian Democratic Forces\""), ["raqqa"]);
    assert_eq!(
        hits("source:SANA"),
        Vec::<&str>::new(),
        "its claim is marked wrong"
    );
    assert_eq!(hits("site:levant"), ["deir"]);
    assert_eq!(hits("site:\"frontline digest\""), ["aleppo"]);
    assert_eq!(hits("site:reuters"), Vec::<&str>::new());
}

#[test]
fn claims_by_unit_and_value() {
    assert_eq!(hits("claim.unit:km2"), ["raqqa"]);
    assert_eq!(hits("claim.unit:KM"), ["deir"]);
    assert_eq!(hits("claim.value>1000"), ["raqqa"]);
    assert_eq!(hits("claim.value>=14"), ["deir", "raqqa"]);
    assert_eq!(hits("claim.value<13"), ["deir"]);
    assert_eq!(hits("claim.value=14"), ["deir"]);
    assert_eq!(
        hits("claim.value=22"),
        Vec::<&str>::new(),
        "a claim marked wrong does not count"
    );
}

#[test]
fn dates_as_ranges() {
    assert_eq!(hits("date:2017-09"), ["deir"]);
    assert_eq!(hits("date:2017-05..2017-06"), ["raqqa"], "June 10, 2017");
    assert_eq!(hits("date:2017-06-03"), ["raqqa"], "the claim's June 3");
    assert_eq!(hits("date:2017-07.."), ["deir"]);
    assert_eq!(hits("date:..2017-06-05"), ["raqqa"]);
    assert_eq!(hits("date:2016"), Vec::<&str>::new());
}

#[test]
fn grades_compare_part_by_part() {
    assert_eq!(hits("grade<=B3"), ["deir"]);
    assert_eq!(hits("grade<=B2"), ["deir"]);
    assert_eq!(hits("grade<B2"), Vec::<&str>::new());
    assert_eq!(hits("grade<=A3"), Vec::<&str>::new(), "B is worse than A");
    assert_eq!(hits("grade<=C1"), Vec::<&str>::new(), "2 is worse than 1");
    assert_eq!(hits("grade>=B2"), ["deir"]);
    assert_eq!(hits("grade:B2"), ["deir"]);
    assert_eq!(hits("not grade<=F6"), ["raqqa", "aleppo"], "ungraded");
}

#[test]
fn saved_queries_expand() {
    assert_eq!(hits("@raqqa"), ["raqqa"]);
    assert_eq!(hits("@north"), ["deir", "raqqa"]);
    assert_eq!(hits("@north and shelled"), ["deir"]);
    assert_eq!(hits("not @raqqa"), ["deir", "aleppo"]);
    let ctx = context();
    let e = Query::new("shelled or @nope", &ctx).unwrap_err();
    assert_eq!(e.at, 11);
    assert!(e.message.starts_with("no saved query @nope"), "{e}");
    let e = Query::new("x @loop", &ctx).unwrap_err();
    assert_eq!(e.at, 2);
    assert_eq!(
        e.message,
        "saved query @loop refers to itself (@loop → @loop2 → @loop)"
    );
    let e = Query::new("@broken", &ctx).unwrap_err();
    assert_eq!(
        (e.at, e.message.as_str()),
        (0, "in saved query @broken: expected ')' at 2")
    );
}

/// How a query combines the article sets an index gives for its tests:
/// `and` intersects, `or` unites, `not` and a test the index cannot answer
/// narrow nothing; the result is exact only when every test's answer is.
#[test]
fn candidates_combine_per_test_answers() {
    let c = context();
    let n = |ids: Vec<u32>, exact: bool| Some(query::Narrowed { ids, exact });
    let answer = |t: &query::Test| match t {
        query::Test::Text(w) if w == "a" => n(vec![1, 2, 5], true),
        query::Test::Text(w) if w == "b" => n(vec![2, 5, 9], true),
        query::Test::Text(w) if w == "c" => n(vec![7], false),
        _ => None,
    };
    let cands = |q: &str| Query::new(q, &c).unwrap().candidates(&answer);
    assert_eq!(cands("a b"), n(vec![2, 5], true));
    assert_eq!(cands("a or b"), n(vec![1, 2, 5, 9], true));
    assert_eq!(cands("a or c"), n(vec![1, 2, 5, 7], false));
    assert_eq!(cands("(a or c) and b"), n(vec![2, 5], false));
    assert_eq!(cands("a note:x"), n(vec![1, 2, 5], false));
    assert_eq!(cands("a or note:x"), None);
    assert_eq!(cands("not a"), None);
    assert_eq!(cands("note:x"), None);
}
