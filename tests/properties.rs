//! Properties over arbitrary input (proptest, modest case counts):
//!
//! - in every format, for any Unicode text (control characters, bidi
//!   overrides, CRLF, Arabic, wide and combining characters included),
//!   every span the splitter and the extractor report slices the article's
//!   text on char boundaries, and a mention's text is what its span holds;
//! - made safe for a terminal, text keeps one character per character and
//!   no control character;
//! - a JSON export imported into an empty store exports again to the same
//!   bytes, with the same tags and notes.

use proptest::prelude::*;
use sitrep::corpus::{parse, Draft};
use sitrep::export::{self, Filter};
use sitrep::extract::{tables::Tables, Extractor};
use sitrep::fuzzing::{check_draft, check_summary};
use sitrep::model::{Article, ByteSpan, Format, Summary};
use sitrep::sanitize;
use sitrep::store::{self, Store};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(&Tables::builtin().unwrap()))
}

/// Pieces of text in the genre, and of the hostile kind.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(vec![
            "The Syrian Democratic Forces said",
            " advanced 12 km toward Hajin",
            " according to SANA.",
            "Deir ez-Zor",
            " dozens of fighters",
            "ISIS",
            " the town of Tall Tamr",
            "\n\n",
            "\n",
            "\r\n",
            "  \u{2022} Abu Yusuf\n\n    Reply text\n",
            "Share this article",
            "\u{627}\u{644}\u{62c}\u{64a}\u{634} \u{633}\u{648}\u{631}\u{64a}",
            "\u{5b9e}\u{5730}",
            "e\u{301}",
            "\u{1f600}",
            "\u{202e}",
            "\u{200b}",
            "\u{feff}",
            "\x1b[2J",
            "\x1b]0;t\x07",
            "\u{9b}",
            "15,00 km2",
            "1,500",
            "<b>",
            "&amp;",
        ])
        .prop_map(str::to_string),
        // Any characters at all, control characters included.
        1 => "(?s).{0,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

fn xml_escape(s: &str) -> String {
    // XML 1.0 cannot carry most C0 characters even escaped.
    s.chars()
        .filter(|&c| c >= ' ' || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The same words as a file in `format`.
fn as_file(format: Format, title: &str, body: &str) -> String {
    match format {
        Format::Text => format!("{title}\n\n{body}"),
        Format::Markdown => format!("# {title}\n\n{body}"),
        Format::Html => format!(
            "<html><head><title>{}</title></head><body><article><h1>{}</h1><p>{}</p></article>\
             <div class=\"comments\"><div class=\"comment\"><span class=\"author\">{}</span><p>{}</p></div></div></body></html>",
            xml_escape(title),
            xml_escape(title),
            xml_escape(body).replace("\n\n", "</p><p>"),
            xml_escape(title),
            xml_escape(body),
        ),
        Format::Feed => format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
             <item><title>{}</title><description>{}</description></item></channel></rss>",
            xml_escape(title),
            xml_escape(&xml_escape(body)),
        ),
        Format::Jsonl => {
            let line = serde_json::json!({ "title": title, "text": body });
            format!("{line}\n{{broken\n{line}\n")
        }
    }
}

const FORMATS: [Format; 5] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Feed,
    Format::Jsonl,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_the_text_on_char_boundaries(
        title in text(),
        body in text(),
        f in 0usize..5,
    ) {
        let format = FORMATS[f];
        let file = as_file(format, &title, &body);
        // As read from disk: through the decoder (which may refuse it).
        let decoded = match sitrep::corpus::decode::decode(file.as_bytes()) {
            Ok(d) => d.text,
            Err(_) => return Ok(()),
        };
        let Ok(out) = parse(format, &decoded) else { return Ok(()) };
        for d in out.drafts {
            check_draft(&d);
            let a = d.into_article("prop".into(), format);
            let s = extractor().extract(&a);
            check_summary(&a, &s);
            for c in &a.comments {
                prop_assert!(a.text.get(c.span.start..c.span.end).is_some());
            }
        }
    }

    #[test]
    fn made_safe_text_keeps_its_characters_and_no_controls(s in "(?s).{0,64}") {
        let line = sanitize::line(&s);
        prop_assert_eq!(line.chars().count(), s.chars().count());
        prop_assert!(!line.chars().any(|c| sanitize::is_unsafe(c) || c.is_control()));
        let text = sanitize::text(&s);
        prop_assert_eq!(text.chars().count(), s.chars().count());
        prop_assert!(!text.chars().any(|c| sanitize::is_unsafe(c) && c != '\n' && c != '\t'));
        // A replaced character becomes exactly one visible one.
        for (a, b) in s.chars().zip(line.chars()) {
            if sanitize::is_unsafe(a) && !matches!(a, '\n' | '\t' | '\r') {
                prop_assert_eq!(Some(b), sanitize::glyph(a));
                prop_assert_eq!(unicode_width::UnicodeWidthChar::width(b), Some(1));
            }
        }
    }
}

fn article(title: &str, body: &str) -> Article {
    let d: Draft = parse(Format::Text, &format!("{title}\n\n{body}"))
        .unwrap()
        .drafts
        .remove(0);
    d.into_article("round-trip.txt".into(), Format::Text)
}

/// A char-boundary span of `text` chosen by two numbers.
fn span_in(text: &str, a: usize, b: usize) -> ByteSpan {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
    ByteSpan::new(x.min(y), x.max(y))
}

fn tag() -> impl Strategy<Value = String> {
    // Any non-space, non-control characters (what `valid_tag` accepts).
    "[^\\s\\p{Cc}\u{202a}-\u{202e}\u{2066}-\u{2069}]{1,12}"
}

fn export_json(articles: &[Article], summaries: &[Summary], store: &Store) -> String {
    let entries = export::select(articles, summaries, store.data(), &Filter::default());
    export::render(export::Format::Json, &entries).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_the_identity(
        title in text(),
        body in text(),
        tags in prop::collection::btree_set(tag(), 0..4),
        notes in prop::collection::vec(
            ("(?s).{0,40}", prop::collection::btree_set(tag(), 0..3), any::<usize>(), any::<usize>(), any::<bool>()),
            0..4,
        ),
    ) {
        let a = article(&format!("Report {title}"), &format!("Body {body}"));
        let summaries = vec![extractor().extract(&a)];
        let articles = vec![a];
        let a = &articles[0];
        let dir_a = tempfile::tempdir().unwrap();
        let mut src = Store::open(dir_a.path()).unwrap();
        let mut ops = Vec::new();
        for t in &tags {
            ops.push(store::Op::Tag {
                article: a.id.clone(),
                path: a.path.clone(),
                title: a.title.clone(),
                tag: t.clone(),
            });
        }
        for (note, ntags, x, y, whole) in &notes {
            let span = (!whole).then(|| span_in(&a.text, *x, *y));
            ops.push(store::Op::Annotate(store::annotation(a, span, note, ntags.clone())));
        }
        src.apply_all(ops).unwrap();
        let first = export_json(&articles, &summaries, &src);

        let dir_b = tempfile::tempdir().unwrap();
        let mut dst = Store::open(dir_b.path()).unwrap();
        export::import(&mut dst, &first).unwrap();
        let second = export_json(&articles, &summaries, &dst);
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(dst.tags(&a.id), src.tags(&a.id));
        let key = |s: &Store| {
            let mut v: Vec<_> = s
                .data()
                .annotations
                .iter()
                .map(|n| (n.id.clone(), n.span, n.quote.clone(), n.note.clone(), n.tags.clone()))
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(&dst), key(&src));
        // And importing it again changes nothing.
        let report = export::import(&mut dst, &first).unwrap();
        prop_assert!(!report.changed(), "{}", report);
    }
}
