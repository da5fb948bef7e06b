//! Tests of the scorer port (tests/support/score.rs): score.py's own
//! `--self-test` scenario, with the numbers score.py asserts.

#[path = "support/score.rs"]
mod score;

use score::{norm_name, prf, score, Gold, Predictions};
use serde_json::{json, Value};
use std::collections::HashMap;

const ART1: &str = "0 \n2,350 \n\n\
    Syrian Army   Captured 1,500 Km2 Near Deir Ezzor\n\n\
    The Syrian Arab Army (SAA) and Liwa al-Quds reached al-Tamah, \
    according to SANA. The SANA said the SAA liberated 15,00 km2. \
    Al-Qaeda fighters fled toward Homs, ending the day.\n\n\
    Do you like this content? Consider helping us!\n\n  \u{2022} JEinCA\n\n    \
    Israel and Hezbollah will never rest in Damascus or Deir Ezzor tonight.\n";

const ART2: &str = "Army Advances In Palmyra\n\n\
    The Syrian Army took Palmyra, killing 30 fighters.\n\n\
    Leave a Reply\n";

fn gold1() -> Value {
    json!({
        "file": "a1.txt",
        "title": "Syrian Army Captured 1,500 Km2 Near Deir Ezzor",
        "body_last_words": "toward Homs, ending the day.",
        "comment_count": 1,
        "forces": [
            {"name": "Syrian Arab Army", "aliases": ["Syrian Arab Army", "SAA", "Syrian Army"]},
            {"name": "Liwa al-Quds", "aliases": ["Liwa al-Quds"]},
            {"name": "Al-Qaeda", "aliases": ["Al-Qaeda"]},
            {"name": "Russia", "aliases": ["Russia"], "optional": true}
        ],
        "locations": [
            {"name": "Deir ez-Zor", "aliases": ["Deir Ezzor", "Deir ez-Zor"]},
            {"name": "al-Tamah", "aliases": ["al-Tamah"]},
            {"name": "Homs", "aliases": ["Homs"]}
        ],
        "claims": [
            {"values": [1500, 15000], "unit": "km2", "source": ["SANA", "Syrian Arab News Agency"],
             "quote": "liberated 15,00 km2"},
            {"values": [1500], "unit": "km2", "source": null, "quote": "Captured 1,500 Km2"}
        ]
    })
}

fn gold2() -> Value {
    json!({
        "file": "a2.txt", "title": "Army Advances In Palmyra",
        "body_last_words": "killing 30 fighters.", "comment_count": 0,
        "forces": [{"name": "Syrian Arab Army", "aliases": ["Syrian Army"]}],
        "locations": [{"name": "Palmyra", "aliases": ["Palmyra", "Tadmur"]}],
        "claims": [{"values": [30], "unit": "fighters", "source": ["Reuters", null]}]
    })
}

fn gold3() -> Value {
    json!({"file": "a3.txt", "title": "Missing", "body_last_words": "x", "comment_count": 0,
           "forces": [{"name": "ISIS", "aliases": ["ISIS"]}], "locations": [], "claims": []})
}

fn at(needle: &str) -> usize {
    ART1.find(needle).expect("in art1")
}

fn preds() -> Vec<Value> {
    let tail = at("Israel");
    let saa = at("SAA");
    let deir_first = at("Deir Ezzor");
    let deir_last = ART1.rfind("Deir Ezzor").expect("in art1");
    json!([
        {"id": "1", "path": "some/where/a1.txt",
         "title": "Syrian Army Captured 1,500 Km2 Near Deir Ezzor",
         "body": "The Syrian Arab Army (SAA) and Liwa al-Quds reached al-Tamah, according to SANA. \
                  The SANA said the SAA liberated 15,00 km2. Al-Qaeda fighters fled toward Homs, \
                  ending the day.",
         "comments": [{"author": "JEinCA", "depth": 0, "text": "..."}],
         "forces": [
             {"name": "SAA", "mentions": [{"text": "SAA", "start": saa, "end": saa + 3}]},
             {"name": "Syrian Arab Army", "mentions": []},
             {"name": "LIWA AL QUDS", "mentions": []},
             {"name": "Russia", "mentions": []},
             {"name": "Hezbollah", "mentions": [{"text": "Hezbollah", "start": tail + 11, "end": tail + 20}]},
             {"name": "SANA", "mentions": []}
         ],
         "locations": [
             {"name": "Deir ez-Zor", "mentions": [
                 {"text": "Deir Ezzor", "start": deir_first, "end": deir_first + 10},
                 {"text": "Deir Ezzor", "start": deir_last, "end": deir_last + 10}]},
             {"name": "The al-Tamah", "mentions": []},
             {"name": "Damascus", "mentions": []}
         ],
         "claims": [
             {"value": 15000, "unit": "km2", "source": "Syrian Arab News Agency"},
             {"value": 1500, "unit": "km2", "source": "SANA"},
             {"value": 60, "unit": "km", "source": null, "text": "60km"}
         ]},
        {"id": "2", "path": "a2.txt", "title": "Army Advances in Palmyra",
         "body": "The Syrian Army took Palmyra, killing 30 fighters. Leave a Reply",
         "comments": [],
         "forces": [{"name": "Syrian Army", "mentions": [{"text": "Syrian Army"}]}],
         "locations": [{"name": "Tadmur", "mentions": [{"text": "Palmyra"}]}],
         "claims": [{"value": "30", "unit": "men", "source": null}]},
        {"id": "9", "path": "zzz.txt", "title": "no gold", "body": "", "forces": [{"name": "X"}]}
    ])
    .as_array()
    .expect("array")
    .clone()
}

/// The gold folder of the self-test, written to disk as score.py does
/// (a3 in a subfolder), so the loader is exercised too.
fn gold_dir() -> (tempfile::TempDir, Gold) {
    let d = tempfile::tempdir().expect("tempdir");
    let gd = d.path().join("gold");
    std::fs::create_dir_all(gd.join("sub")).expect("mkdir");
    for (name, g) in [("a1", gold1()), ("a2", gold2())] {
        std::fs::write(gd.join(format!("{name}.gold.json")), g.to_string()).expect("write");
    }
    std::fs::write(gd.join("sub").join("a3.gold.json"), gold3().to_string()).expect("write");
    let gold = Gold::load(&gd).expect("gold loads");
    (d, gold)
}

fn originals() -> HashMap<String, String> {
    HashMap::from([
        ("a1.txt".to_string(), ART1.to_string()),
        ("a2.txt".to_string(), ART2.to_string()),
    ])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn self_test_scenario_matches_score_py() {
    let (_dir, gold) = gold_dir();
    assert!(gold.warnings.is_empty(), "{:?}", gold.warnings);
    let s = score(&gold, &Predictions::from_values(preds()), &originals());
    let report = s.report();
    eprintln!("{report}");

    // JSON Lines must give the same result as a JSON array
    let jsonl: String = preds().iter().map(|p| format!("{p}\n")).collect();
    let array = serde_json::to_string(&preds()).expect("json");
    for text in [jsonl, array] {
        let s2 = score(
            &gold,
            &Predictions::parse(&text).expect("parses"),
            &originals(),
        );
        for cat in score::CATEGORIES {
            let (a, b) = (s.category(cat), s2.category(cat));
            assert_eq!(
                (a.tp, a.fp, a.fn_, a.optional),
                (b.tp, b.fp, b.fn_, b.optional)
            );
        }
    }

    assert_eq!(
        (s.articles, s.predicted_articles, s.scored_articles),
        (3, 3, 2)
    );
    assert_eq!(s.missing_predictions, ["a3.txt"]);
    assert_eq!(s.predictions_without_gold, ["zzz.txt"]);
    // forces: a1 TP 2 (SAA, Liwa), FP 3 (dup SAA, Hezbollah, SANA), FN 1
    // (Al-Qaeda), opt 1; a2 TP 1; a3 FN 1 (ISIS)
    let f = s.forces;
    assert_eq!((f.tp, f.fp, f.fn_, f.optional), (3, 3, 2, 1), "{report}");
    assert!(close(f.precision, 3.0 / 6.0));
    assert!(close(f.recall, 3.0 / 5.0));
    assert!(close(f.f1, 2.0 * 0.5 * 0.6 / 1.1));
    // a1: TP 2 (Deir ez-Zor, al-Tamah), FP 1 (Damascus), FN 1 (Homs);
    // a2: TP 1 (via mention)
    let lo = s.locations;
    assert_eq!((lo.tp, lo.fp, lo.fn_), (3, 1, 1));
    assert!(close(lo.f1, 0.75));
    let c = s.claims;
    assert_eq!((c.tp, c.fp, c.fn_), (3, 1, 0));
    assert!(close(c.precision, 0.75) && close(c.recall, 1.0));
    let attr = s.claim_attribution;
    assert_eq!((attr.correct, attr.total), (2, 3));
    let unit = s.claim_unit_agreement;
    assert_eq!((unit.correct, unit.total), (2, 3));
    assert_eq!((s.title_exact.correct, s.title_exact.total), (1, 3));
    assert_eq!(s.body_boundary.correct, 1);
    assert_eq!(s.comment_count_exact.correct, 2);
    let l = s.comment_leakage;
    assert_eq!(
        (l.count(), l.forces, l.locations, l.articles_checked),
        (2, 1, 1, 2)
    );
    let a1 = &s.per_article[0];
    assert_eq!(
        a1.leakage,
        Some(score::LeakNames {
            forces: vec!["Hezbollah (offsets after body)".into()],
            locations: vec!["Damascus (only in comments)".into()],
        })
    );
    assert_eq!(a1.forces.false_negatives, ["Al-Qaeda"]);
    assert_eq!(
        a1.forces.false_positives[0],
        "Syrian Arab Army (dup of Syrian Arab Army)"
    );
    let a2 = &s.per_article[1];
    assert_eq!(a2.body_reasons, ["contains 'Leave a Reply'"]);
}

#[test]
fn comment_text_in_body_is_detected() {
    let mut gold = Gold::default();
    gold.insert("g/a1.gold.json", gold1());
    let mut p = preds()[0].clone();
    let body = format!(
        "{}\nIsrael and Hezbollah will never rest in Damascus or Deir Ezzor tonight.",
        p["body"].as_str().expect("body")
    );
    p["body"] = Value::String(body);
    let s = score(&gold, &Predictions::from_values(vec![p]), &originals());
    let a = &s.per_article[0];
    assert!(!a.body_ok);
    assert!(a.body_comment_text_checked);
    assert!(
        a.body_reasons[0].starts_with("contains comment/trail"),
        "{:?}",
        a.body_reasons
    );
}

#[test]
fn without_the_text_body_end_checks_are_unchecked() {
    let mut gold = Gold::default();
    gold.insert("g/a1.gold.json", gold1());
    let s = score(
        &gold,
        &Predictions::from_values(vec![preds()[0].clone()]),
        &HashMap::new(),
    );
    let a = &s.per_article[0];
    assert!(a.body_ok, "{:?}", a.body_reasons);
    assert!(!a.body_comment_text_checked);
    assert_eq!(a.leakage, None);
    assert_eq!(s.comment_leakage.articles_checked, 0);
}

#[test]
fn normalization() {
    assert_eq!(norm_name("  The Al-Bukāmal\u{2019}s_x "), "bukamal s x");
    assert_eq!(norm_name("al-Mayadin"), norm_name("Al Mayadin"));
    assert_eq!(norm_name("the the al-Qaeda"), "qaeda");
    assert_eq!(norm_name("Deir ez\u{2011}Zor"), "deir ez zor");
    assert_eq!(norm_name("ALTAMAH"), "altamah");
    assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
    assert_eq!(prf(0, 2, 0), (0.0, 0.0, 0.0));
}

#[test]
fn numbers() {
    use score::{fmt_num, num_eq, to_number};
    assert_eq!(to_number(Some(&json!("1,500"))), Some(1500.0));
    assert_eq!(to_number(Some(&json!(" 15\u{a0}000 "))), Some(15000.0));
    assert_eq!(to_number(Some(&json!("1_000"))), Some(1000.0));
    assert_eq!(to_number(Some(&json!("1__000"))), None);
    assert_eq!(to_number(Some(&json!("inf"))), None);
    assert_eq!(to_number(Some(&json!(true))), None);
    assert_eq!(to_number(Some(&Value::Null)), None);
    assert!(num_eq(0.1 + 0.2, 0.3));
    assert!(!num_eq(1500.0, 1501.0));
    assert_eq!(fmt_num(Some(1500.0)), "1500");
    assert_eq!(fmt_num(Some(-0.0)), "0");
    assert_eq!(fmt_num(Some(2.5)), "2.5");
    assert_eq!(fmt_num(Some(1234.5678)), "1234.57");
    assert_eq!(fmt_num(Some(0.00001234)), "1.234e-05");
    assert_eq!(fmt_num(None), "?");
}

#[test]
fn matching_prefers_named_candidates_and_augments() {
    // "Syrian Army" mentions both golds but is named for the second; the
    // named-first order and augmenting paths still find 2 matches.
    let gold = json!([
        {"name": "Syrian Arab Army", "aliases": ["Syrian Army"]},
        {"name": "Tiger Forces", "aliases": ["Tiger Forces", "Syrian Army"]}
    ]);
    let pred = json!([
        {"name": "Tiger Forces", "mentions": [{"text": "Syrian Army"}]},
        {"name": "Syrian Army", "mentions": []}
    ]);
    let r = score::score_entities(Some(&gold), Some(&pred));
    assert_eq!((r.tp, r.fp, r.fn_), (2, 0, 0));
    // a claim restated (headline and body) is a duplicate, not an FP
    let gold = json!([{"values": [30], "unit": "km", "source": null}]);
    let pred = json!([
        {"value": 30, "unit": "km", "source": null},
        {"value": 30.0, "unit": "km", "source": "SANA"}
    ]);
    let c = score::score_claims(Some(&gold), Some(&pred));
    assert_eq!((c.tp, c.fp, c.fn_, c.duplicates), (1, 0, 0, 1));
    assert_eq!(c.attribution_correct, 1);
}
