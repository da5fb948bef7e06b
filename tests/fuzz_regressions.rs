//! Every input the fuzz targets (`fuzz/`, cargo-fuzz on nightly) or the
//! trap corpus found a fault with, replayed through the same target bodies
//! (`sitrep::fuzzing`) on stable. Each test names what went wrong before
//! its fix. Inputs are byte literals or built here, so nothing large is
//! committed.

use sitrep::extract::{tables::Tables, Extractor};
use sitrep::fuzzing;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(&Tables::builtin().unwrap()))
}

/// Format bytes of the `corpus` and `extract` targets.
const HTML: u8 = 2;
const FEED: u8 = 3;

fn with_format(format: u8, body: &[u8]) -> Vec<u8> {
    let mut v = vec![format];
    v.extend_from_slice(body);
    v
}

/// Runs `f` on a thread with a main thread's stack and a generous
/// deadline that only a hang reaches.
fn finishes(f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024) // rayon's worker stacks are this size
        .spawn(move || {
            f();
            let _ = tx.send(());
        })
        .unwrap();
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("hung, or panicked (see above)");
}

/// Trap corpus: 200,000 nested `<div>`s took minutes in html5ever (its
/// open-element stack is scanned per start tag) and, once parsed,
/// overflowed the stack of our recursive walk of the tree.
#[test]
fn deeply_nested_html_is_bounded() {
    let depth = 200_000;
    let page = "<html><body>".to_string()
        + &"<div>".repeat(depth)
        + "<p>bottom of the page</p>"
        + &"</div>".repeat(depth);
    let input = with_format(HTML, page.as_bytes());
    finishes(move || {
        fuzzing::corpus(&input);
        fuzzing::extract(extractor(), &input);
    });
}

/// Trap corpus: a comment thread nested deeper than the bound, each
/// comment searched for its author through all its replies (quadratic).
#[test]
fn a_deep_comment_thread_is_read_in_linear_time() {
    let page = "<html><body><article><p>Text.</p></article><div class=\"comments\">".to_string()
        + &"<div class=\"comment\"><p>A reply.</p>".repeat(100_000);
    let input = with_format(HTML, page.as_bytes());
    finishes(move || fuzzing::corpus(&input));
}

/// Trap corpus: a feed cut off part way lost every item.
#[test]
fn a_truncated_feed_keeps_its_items() {
    let feed = b"<rss version=\"2.0\"><channel><title>W</title><item><title>Whole Item</title>\
        <description>Text.</description></item><item><title>Cut";
    fuzzing::corpus(&with_format(FEED, feed));
    let out = sitrep::corpus::parse(
        sitrep::model::Format::Feed,
        std::str::from_utf8(feed).unwrap(),
    )
    .unwrap();
    assert_eq!(out.drafts.len(), 1);
    assert_eq!(out.drafts[0].title, "Whole Item");
}

/// The `filter` target on stable: queries that parse, queries that are
/// refused (their error inside the query), and the negation property,
/// over the kinds of input the fuzzer starts from.
#[test]
fn filter_target_holds_on_seed_queries() {
    let fixture = fuzzing::FilterFixture::new(extractor());
    for q in [
        "",
        "army",
        "force:SAA and loc:\"Deir Ezzur\"",
        "not (#airbase or note:distance)",
        "claim.value>10 claim.unit:km",
        "date:2017-05..2017-06",
        "grade<=B3",
        "(((",
        "loc:",
        "\"unclosed",
        "a or or b",
        "@nowhere",
        "claim.value>>1",
        "\u{1b}[31m",
        "-army",
    ] {
        fuzzing::filter(&fixture, q.as_bytes());
    }
}
