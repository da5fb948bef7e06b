//! The store against a model: random batches of changes, applied through
//! two handles on one store folder (each re-reads before it writes, so a
//! stale handle must still see the other's changes) and to plain maps.
//! After every batch, and after reopening from disk, the two agree; a
//! batch with a change that must fail fails in both and changes nothing.

use proptest::prelude::*;
use sitrep::model::{ArticleId, ByteSpan, Grade};
use sitrep::store::{
    Annotation, ArticleMeta, Correction, CorrectionKind, Op, SourceGrade, Store, StoreData,
    StoreError, SCHEMA_VERSION, STORE_FILE,
};
use std::collections::{BTreeMap, BTreeSet};

const ARTICLES: [&str; 3] = ["0123456789abcdef", "fedcba9876543210", "00000000deadbeef"];
const TAGS: [&str; 5] = ["priority", "deir-ezzor", "claim", "t\u{e9}t\u{e9}", "x"];
const NOTE_IDS: [&str; 4] = ["n1", "n2", "n3", "n4"];
const CORR_IDS: [&str; 3] = ["c1", "c2", "c3"];

/// Text with what JSON must escape, and more than ASCII.
fn text() -> impl Strategy<Value = String> {
    "[a-z \"\\\\\n\t\u{1}\u{e9}\u{4e2d}\u{1F600}]{0,8}"
}

fn article() -> impl Strategy<Value = ArticleId> {
    prop::sample::select(&ARTICLES[..]).prop_map(|s| ArticleId(s.into()))
}

fn tag() -> impl Strategy<Value = String> {
    prop::sample::select(&TAGS[..]).prop_map(String::from)
}

fn tags() -> impl Strategy<Value = BTreeSet<String>> {
    prop::collection::btree_set(tag(), 0..3)
}

fn span() -> impl Strategy<Value = Option<ByteSpan>> {
    prop::option::of((0usize..500, 0usize..50).prop_map(|(s, l)| ByteSpan::new(s, s + l)))
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (
        prop::sample::select(&NOTE_IDS[..]),
        article(),
        prop::option::of(text()),
        span(),
        (text(), text(), text()),
        tags(),
        text(),
        (text(), text(), text()),
    )
        .prop_map(
            |(id, article, path, span, (quote, prefix, suffix), tags, note, (c, m, a))| {
                Annotation {
                    id: id.into(),
                    article,
                    path: path.unwrap_or_default(),
                    span,
                    quote,
                    prefix,
                    suffix,
                    tags,
                    note,
                    created: c,
                    modified: m,
                    author: a,
                }
            },
        )
}

fn correction() -> impl Strategy<Value = Correction> {
    (
        prop::sample::select(&CORR_IDS[..]),
        article(),
        prop::sample::select(
            &[
                CorrectionKind::Force,
                CorrectionKind::Location,
                CorrectionKind::Claim,
            ][..],
        ),
        any::<bool>(),
        text(),
        span(),
        text(),
        text(),
    )
        .prop_map(
            |(id, article, kind, wrong, name, span, note, created)| Correction {
                id: id.into(),
                article,
                kind,
                wrong,
                name,
                span,
                note,
                created,
                author: "tester".into(),
            },
        )
}

/// A claim's quantity span: few of them, so grades replace each other.
fn claim_span() -> impl Strategy<Value = ByteSpan> {
    (0usize..3).prop_map(|i| ByteSpan::new(i * 10, i * 10 + 5))
}

fn source_grade() -> impl Strategy<Value = SourceGrade> {
    (
        article(),
        claim_span(),
        text(),
        prop::option::of(text()),
        (
            prop::sample::select(&['A', 'B', 'C', 'D', 'E', 'F'][..]),
            1u8..=6,
        ),
        text(),
    )
        .prop_map(
            |(article, span, quantity, source, (r, c), created)| SourceGrade {
                id: format!("g-{created}"),
                article,
                span,
                quantity,
                source,
                grade: Grade::new(r, c).unwrap(),
                created,
                author: "tester".into(),
            },
        )
}

fn op() -> impl Strategy<Value = Op> {
    let note_id = || prop::sample::select(&NOTE_IDS[..]).prop_map(String::from);
    prop_oneof![
        3 => (article(), prop::option::of(text()), prop::option::of(text()), tag()).prop_map(
            |(article, path, title, tag)| Op::Tag {
                article,
                path: path.unwrap_or_default(),
                title: title.unwrap_or_default(),
                tag,
            }
        ),
        2 => (article(), tag()).prop_map(|(article, tag)| Op::Untag { article, tag }),
        3 => annotation().prop_map(Op::Annotate),
        2 => (note_id(), prop::option::of(text()), prop::option::of(tags()), text()).prop_map(
            |(id, note, tags, modified)| Op::Edit {
                id,
                note,
                tags,
                modified,
            }
        ),
        2 => note_id().prop_map(|id| Op::Delete { id }),
        2 => correction().prop_map(Op::Correct),
        1 => prop::sample::select(&CORR_IDS[..]).prop_map(|id| Op::Uncorrect { id: id.into() }),
        2 => source_grade().prop_map(Op::Grade),
        1 => (article(), claim_span()).prop_map(|(article, span)| Op::Ungrade { article, span }),
    ]
}

/// Up to 30 changes in batches, each applied as one step through handle
/// `0` or `1`.
fn batches() -> impl Strategy<Value = Vec<(usize, Vec<Op>)>> {
    prop::collection::vec((0usize..2, prop::collection::vec(op(), 1..3)), 1..16)
}

/// What the store should hold. Notes and corrections keep the order they
/// were first made in (`seq`); re-making one replaces it in place.
#[derive(Debug, Clone, Default)]
struct Model {
    articles: BTreeMap<ArticleId, ArticleMeta>,
    notes: BTreeMap<String, (u64, Annotation)>,
    corrections: BTreeMap<String, (u64, Correction)>,
    /// One grade per claim (article, quantity span).
    grades: BTreeMap<(ArticleId, ByteSpan), (u64, SourceGrade)>,
    seq: u64,
}

#[derive(Debug, PartialEq)]
enum Missing {
    Note(String),
    Correction(String),
}

impl Model {
    fn apply(&mut self, op: &Op) -> Result<(), Missing> {
        self.seq += 1;
        match op.clone() {
            Op::Tag {
                article,
                path,
                title,
                tag,
            } => {
                let m = self.articles.entry(article).or_default();
                m.tags.insert(tag);
                if !path.is_empty() {
                    m.path = path;
                }
                if !title.is_empty() {
                    m.title = title;
                }
            }
            Op::Untag { article, tag } => {
                // An article with no tags left is forgotten.
                if let Some(m) = self.articles.get_mut(&article) {
                    m.tags.remove(&tag);
                    if m.tags.is_empty() {
                        self.articles.remove(&article);
                    }
                }
            }
            Op::Annotate(a) => {
                let seq = self.notes.get(&a.id).map_or(self.seq, |(s, _)| *s);
                self.notes.insert(a.id.clone(), (seq, a));
            }
            Op::Edit {
                id,
                note,
                tags,
                modified,
            } => {
                let (_, a) = self.notes.get_mut(&id).ok_or(Missing::Note(id))?;
                if let Some(n) = note {
                    a.note = n;
                }
                if let Some(t) = tags {
                    a.tags = t;
                }
                a.modified = modified;
            }
            Op::Delete { id } => {
                self.notes.remove(&id).ok_or(Missing::Note(id))?;
            }
            Op::Correct(c) => {
                let seq = self.corrections.get(&c.id).map_or(self.seq, |(s, _)| *s);
                self.corrections.insert(c.id.clone(), (seq, c));
            }
            Op::Uncorrect { id } => {
                self.corrections
                    .remove(&id)
                    .ok_or(Missing::Correction(id))?;
            }
            Op::Grade(g) => {
                let key = (g.article.clone(), g.span);
                let seq = self.grades.get(&key).map_or(self.seq, |(s, _)| *s);
                self.grades.insert(key, (seq, g));
            }
            Op::Ungrade { article, span } => {
                self.grades.remove(&(article, span));
            }
        }
        Ok(())
    }

    /// All or nothing, like `Store::apply_all`.
    fn apply_all(&mut self, ops: &[Op]) -> Result<(), Missing> {
        let mut next = self.clone();
        for op in ops {
            next.apply(op)?;
        }
        *self = next;
        Ok(())
    }

    fn data(&self) -> StoreData {
        let mut notes: Vec<_> = self.notes.values().cloned().collect();
        notes.sort_by_key(|(s, _)| *s);
        let mut corrections: Vec<_> = self.corrections.values().cloned().collect();
        corrections.sort_by_key(|(s, _)| *s);
        StoreData {
            schema_version: SCHEMA_VERSION,
            articles: self.articles.clone(),
            annotations: notes.into_iter().map(|(_, a)| a).collect(),
            corrections: corrections.into_iter().map(|(_, c)| c).collect(),
            grades: {
                let mut g: Vec<_> = self.grades.values().cloned().collect();
                g.sort_by_key(|(s, _)| *s);
                g.into_iter().map(|(_, g)| g).collect()
            },
        }
    }
}

fn same_failure(got: &StoreError, want: &Missing) -> bool {
    match (got, want) {
        (StoreError::NoSuchAnnotation(g), Missing::Note(w)) => g == w,
        (StoreError::NoSuchCorrection(g), Missing::Correction(w)) => g == w,
        _ => false,
    }
}

fn run(batches: Vec<(usize, Vec<Op>)>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let mut handles = [Store::open(&path).unwrap(), Store::open(&path).unwrap()];
    let mut model = Model::default();
    let file = path.join(STORE_FILE);
    for (n, (h, ops)) in batches.into_iter().enumerate() {
        let before = std::fs::read(&file).ok();
        let want = model.apply_all(&ops);
        let got = handles[h].apply_all(ops.clone());
        match (&got, &want) {
            (Ok(()), Ok(())) => {
                prop_assert_eq!(handles[h].data(), &model.data(), "batch {}: {:?}", n, ops);
            }
            (Err(g), Err(w)) => {
                prop_assert!(same_failure(g, w), "batch {}: {:?} vs {:?}", n, g, w);
                // Refused: the file is as it was.
                prop_assert_eq!(&std::fs::read(&file).ok(), &before, "batch {}", n);
            }
            _ => prop_assert!(
                false,
                "batch {}: store {:?}, model {:?}: {:?}",
                n,
                got,
                want,
                ops
            ),
        }
        let reopened = Store::open(&path).unwrap();
        prop_assert_eq!(reopened.data(), &model.data(), "reopened after batch {}", n);
    }
    // The other handle catches up.
    for s in &mut handles {
        s.reload().unwrap();
        prop_assert_eq!(s.data(), &model.data());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn store_matches_model(b in batches()) {
        run(b)?;
    }
}

#[test]
fn every_failure_is_exercised() {
    // A fixed sequence: the model test's generator makes these likely, but
    // this makes them certain.
    let a = ArticleId(ARTICLES[0].into());
    let note = |id: &str| Annotation {
        id: id.into(),
        article: a.clone(),
        path: "p.txt".into(),
        span: None,
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
        tags: BTreeSet::new(),
        note: "n".into(),
        created: "c".into(),
        modified: "m".into(),
        author: "a".into(),
    };
    let tag = |t: &str| Op::Tag {
        article: a.clone(),
        path: String::new(),
        title: String::new(),
        tag: t.into(),
    };
    run(vec![
        (0, vec![Op::Delete { id: "n1".into() }]),
        (1, vec![Op::Uncorrect { id: "c1".into() }]),
        (
            0,
            vec![Op::Edit {
                id: "n9".into(),
                note: None,
                tags: None,
                modified: "m".into(),
            }],
        ),
        (
            0,
            vec![tag("a"), Op::Annotate(note("n1")), Op::Annotate(note("n2"))],
        ),
        // A batch with a failing change is refused whole.
        (1, vec![tag("b"), Op::Delete { id: "n3".into() }]),
        (
            1,
            vec![
                Op::Delete { id: "n1".into() },
                Op::Delete { id: "n1".into() },
            ],
        ),
        (
            1,
            vec![Op::Delete { id: "n1".into() }, Op::Annotate(note("n1"))],
        ),
        (
            0,
            vec![Op::Untag {
                article: a.clone(),
                tag: "a".into(),
            }],
        ),
    ])
    .unwrap();
}
