//! The list filter with the index answers exactly as reading every article
//! does: for letters, pairs, words, parts of words, punctuation, other
//! scripts, entities and mixes, over the sample corpus and a generated one,
//! and while a corpus is still coming in batch by batch.

use sitrep::corpus::{self, LoadOptions};
use sitrep::extract::tables::Tables;
use sitrep::extract::Extractor;
use sitrep::ingest::Batch;
use sitrep::model::{Article, Summary};
use sitrep::ui::state::State;
use sitrep::ui::update::{self, Msg};
use std::path::Path;

fn corpus(dir: &Path) -> (Vec<Article>, Vec<Summary>) {
    let c = corpus::load(&[dir.to_path_buf()], &LoadOptions::default());
    let x = Extractor::new(&Tables::builtin().unwrap());
    let s = c.articles.iter().map(|a| x.extract(a)).collect();
    (c.articles, s)
}

/// Every article the query keeps, read one by one (`None`: the query
/// does not parse).
fn brute(state: &State, q: &str) -> Option<Vec<usize>> {
    update::scan(state, q)
}

fn queries(state: &State) -> Vec<String> {
    let mut q: Vec<String> = Vec::new();
    for c in ('a'..='z').chain('0'..='9') {
        q.push(c.to_string());
    }
    for p in ["th", "zo", "q7", "ez", "1,", "km", "S", "Ö"] {
        q.push(p.to_string());
    }
    // Words of titles, whole, cut, upper-cased, and with their
    // punctuation.
    for a in state.articles.iter().step_by(7).take(40) {
        for w in a.title.split_whitespace().take(4) {
            q.push(w.to_string());
            q.push(w.to_uppercase());
            let cut: String = w.chars().skip(1).take(4).collect();
            q.push(cut);
        }
    }
    for t in [
        "deir ez-zor",
        "al-",
        "AL-",
        "ez-",
        "l-",
        "pro-",
        "zzq-",
        "al--",
        "al-b",
        "al- or ez-",
        "al- -ez-",
        "ez-zor",
        "u.s.",
        "“",
        "-",
        "20 km",
        "palmyra isis",
        "force:hts",
        "force:isis palmyra",
        "force:",
        "force:SAA",
        "loc:ezzor",
        "loc:Deir-ez-Zor",
        "loc:palm",
        "site:sana",
        "site:",
        "source:observ",
        "#none",
        "note:x",
        "tag:none",
        "at:10",
        "loc:raqqa force:sdf",
        "zqxj",
        "s y r",
        "loc:raqqa or force:sdf",
        "not loc:palm",
        "(palmyra or mosul) and not force:isis",
        "loc:\"Deir Ezzur\" killed",
        "claim.unit:km2 or site:sana",
        "\"ez-zor\" -army",
    ] {
        q.push(t.to_string());
    }
    q.retain(|s| !s.trim().is_empty());
    q
}

fn check_all(state: &mut State) {
    let mut checked = 0;
    for q in queries(state) {
        // A query the language refuses leaves the list as it was.
        let Some(want) = brute(state, &q) else {
            continue;
        };
        update::apply_filter(state, &q);
        assert_eq!(state.visible, want, "query {q:?}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} queries parsed");
}

#[test]
fn sample_corpus_filters_as_a_full_scan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    let (a, s) = corpus(&root);
    assert!(a.len() >= 10);
    let mut state = State::new(a, s);
    check_all(&mut state);
}

#[test]
fn generated_corpus_filters_as_a_full_scan_while_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    sitrep::synth::generate(dir.path(), 240, 7).unwrap();
    let (a, s) = corpus(dir.path());
    let whole = sitrep::index::Index::new(&a, &s);
    let n = a.len();
    assert!(n >= 240, "{n}");
    // In three batches, with a filter in force while they come.
    let mut state = State::new(Vec::new(), Vec::new());
    update::apply_filter(&mut state, "loc:palm");
    state.filter = "loc:palm".into();
    let (mut a, mut s) = (a, s);
    for cut in [n / 3, n / 3, n - 2 * (n / 3)] {
        let rest_a = a.split_off(cut);
        let rest_s = s.split_off(cut);
        update::update(
            &mut state,
            Msg::Loaded(Batch {
                articles: std::mem::replace(&mut a, rest_a),
                summaries: std::mem::replace(&mut s, rest_s),
                skipped: Vec::new(),
                done: 0,
                total: 0,
            }),
        );
        let want = brute(&state, "loc:palm").expect("a query");
        assert_eq!(state.visible, want, "the filter holds for new batches");
    }
    assert_eq!(state.articles.len(), n);
    assert_eq!(state.index.len(), 0, "no index until the end");
    update::update(
        &mut state,
        Msg::LoadDone {
            files: n,
            skipped: 0,
            index: Box::new(whole),
            signatures: None,
        },
    );
    assert_eq!(state.index.len(), n);
    assert_eq!(state.loading, None);
    check_all(&mut state);
}
