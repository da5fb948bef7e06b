//! The bodies of the fuzz targets in `fuzz/` (cargo-fuzz, nightly), here so
//! that the stable test suite can replay every input the fuzzers found
//! (`tests/fuzz_regressions.rs`) without a nightly toolchain.
//!
//! Each function takes arbitrary bytes, must never panic, hang or run out
//! of memory, and asserts the properties that are cheap to check: spans
//! inside the text and on char boundaries, no control character left in
//! text made safe for a terminal, a store that reads back as it was
//! written.

use crate::corpus::{self, decode, Draft};
use crate::export::{self, Filter};
use crate::extract::tables::Tables;
use crate::extract::Extractor;
use crate::model::{Article, ByteSpan, Format, Summary};
use crate::query;
use crate::sanitize;
use crate::store::{self, schema};
use std::collections::BTreeSet;

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Feed,
    Format::Jsonl,
];

/// The first byte picks a format; the rest is a file's bytes.
fn split_format(data: &[u8]) -> Option<(Format, &[u8])> {
    let (&sel, bytes) = data.split_first()?;
    Some((FORMATS[usize::from(sel) % FORMATS.len()], bytes))
}

/// Fails (panics) unless `span` is inside `text` and on char boundaries.
pub fn check_span(text: &str, span: ByteSpan, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what} {span:?} does not slice a text of {} bytes on char boundaries",
        text.len()
    );
}

/// Every span of a draft slices its text. (A comment's `text` is its
/// span's text cleaned of the thread's indentation, so not compared.)
pub fn check_draft(d: &Draft) {
    check_parts(&d.text, d.title_span, &d.body, &d.chrome);
    for c in &d.comments {
        check_span(&d.text, c.span, "comment");
    }
}

fn check_parts(text: &str, title: Option<ByteSpan>, body: &[ByteSpan], chrome: &[ByteSpan]) {
    if let Some(t) = title {
        check_span(text, t, "title");
    }
    for s in body {
        check_span(text, *s, "body");
    }
    for s in chrome {
        check_span(text, *s, "chrome");
    }
}

/// Every span of an extracted summary slices the article's text (mentions
/// and claims have no words but those their spans cover), and a claim's
/// quantity lies inside its sentence.
pub fn check_summary(a: &Article, s: &Summary) {
    let mentions = s
        .forces
        .iter()
        .flat_map(|f| &f.mentions)
        .chain(s.locations.iter().flat_map(|l| &l.mentions));
    for m in mentions {
        check_span(&a.text, m.span(), "mention");
        assert!(!m.text(&a.text).is_empty(), "a mention has words");
    }
    for c in &s.claims {
        check_span(&a.text, c.span(), "claim");
        let q = ByteSpan::new(c.quantity_start.min(c.quantity_end), c.quantity_end);
        check_span(&a.text, q, "claim quantity");
        assert!(c.span().contains(q), "the quantity is in its sentence");
        assert!(c.value.is_finite(), "claim value {}", c.value);
    }
}

/// What a terminal may be sent: nothing a control sequence is made of.
pub fn check_terminal_safe(shown: &str) {
    if let Some(c) = shown.chars().find(|&c| sanitize::is_unsafe(c)) {
        panic!("{c:?} would reach the terminal");
    }
}

/// Target `corpus`: decoding, then splitting in the chosen format.
pub fn corpus(data: &[u8]) {
    let Some((format, bytes)) = split_format(data) else {
        return;
    };
    let Ok(decoded) = decode::decode(bytes) else {
        return;
    };
    assert!(!decoded.text.contains('\r'), "CR survived decoding");
    check_terminal_safe(&sanitize::line(&decoded.text));
    let Ok(out) = corpus::parse(format, &decoded.text) else {
        return;
    };
    for d in &out.drafts {
        check_draft(d);
        check_terminal_safe(&sanitize::line(&d.title));
    }
    for p in &out.problems {
        assert!(!p.is_empty());
    }
}

/// Target `extract`: an article in the chosen format, extracted. The
/// extractor is built once per process by the caller.
pub fn extract(x: &Extractor, data: &[u8]) {
    let Some((format, bytes)) = split_format(data) else {
        return;
    };
    // Extraction sees any text, so no decoding heuristics are needed.
    let text = String::from_utf8_lossy(bytes);
    let Ok(out) = corpus::parse(format, &text) else {
        return;
    };
    for d in out.drafts {
        let a = d.into_article("fuzz".into(), format);
        let s = x.extract(&a);
        check_summary(&a, &s);
    }
}

/// Target `store`: the bytes of a `store.json`, and of a JSON export given
/// to `sitrep import`. A store that loads writes back to one that loads
/// the same.
pub fn store(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = schema::from_json(text) {
        let again = serde_json::to_string(&d).expect("a loaded store serialises");
        let back = schema::from_json(&again).expect("a written store loads");
        assert_eq!(
            serde_json::to_value(&back).ok(),
            serde_json::to_value(&d).ok(),
            "store changed across a save"
        );
    }
    if let Ok(doc) = export::json::parse(text) {
        let _ = export::json::merge_ops(&doc, &store::StoreData::default());
    }
}

/// The fixed article the `filter` target's queries run against.
pub struct FilterFixture {
    article: Article,
    summary: Summary,
    data: store::StoreData,
    context: query::Context,
}

impl FilterFixture {
    pub fn new(x: &Extractor) -> FilterFixture {
        let text = "Army Retakes Deir ez-Zor Airbase\n\n\
                    The Syrian Arab Army said on Monday its troops had advanced 12 km \
                    east of Deir ez-Zor, according to SANA.\n";
        let mut d = corpus::parse(Format::Text, text)
            .expect("text always parses")
            .drafts
            .remove(0);
        d.source_site = Some("Levant Wire".into());
        let article = d.into_article("fixture.txt".into(), Format::Text);
        let summary = x.extract(&article);
        let mut data = store::StoreData::default();
        data.articles.insert(
            article.id.clone(),
            store::ArticleMeta {
                tags: BTreeSet::from(["airbase".to_string()]),
                path: article.path.clone(),
                title: article.title.clone(),
            },
        );
        data.annotations.push(store::annotation(
            &article,
            None,
            "Check the distance",
            BTreeSet::from(["verify".to_string()]),
        ));
        let tables = Tables::builtin().expect("the shipped tables load");
        FilterFixture {
            article,
            summary,
            data,
            context: query::Context::new(query::Lexicon::new(&tables), Default::default()),
        }
    }
}

/// Target `filter`: a query in the list filter's language (see
/// [`crate::query`]) run against a fixed article. A refusal names a
/// position inside the query; a query that compiles keeps the article
/// exactly when its negation does not.
pub fn filter(f: &FilterFixture, data: &[u8]) {
    let query = String::from_utf8_lossy(data).into_owned();
    let articles = std::slice::from_ref(&f.article);
    let summaries = std::slice::from_ref(&f.summary);
    let filter = match Filter::new(Vec::new(), Some(&query), &f.context) {
        Ok(filter) => filter,
        Err(e) => {
            assert!(
                e.at <= query.len(),
                "error at {} past the query's end",
                e.at
            );
            return;
        }
    };
    let kept = export::select(articles, summaries, &f.data, &filter);
    assert!(kept.len() <= 1);
    if let Some(e) = kept.first() {
        assert_eq!(e.id, f.article.id);
    }
    if filter.query.is_empty() {
        return;
    }
    let negated = format!("not ({query}\n)");
    if let Ok(not) = Filter::new(Vec::new(), Some(&negated), &f.context) {
        let kept_not = export::select(articles, summaries, &f.data, &not);
        assert_eq!(
            kept.len() + kept_not.len(),
            1,
            "a query and its negation must split the corpus"
        );
    }
}
