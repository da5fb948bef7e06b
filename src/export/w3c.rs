//! W3C Web Annotation Data Model, as JSON-LD: an `AnnotationCollection`
//! whose embedded first (and only) `AnnotationPage` holds one `Annotation`
//! per note, each with its own `@context` so it can be taken out alone.
//!
//! - `id` `urn:sitrep:annotation:ID`; `creator` a Person with the author's
//!   name; `created`, `modified`;
//! - `body`: the note as a `TextualBody` (`purpose` commenting, `format`
//!   text/markdown), then one `TextualBody` per tag (`purpose` tagging);
//!   `motivation` commenting, else tagging, else highlighting;
//! - `target`: `source` the article's URL when known, else
//!   `urn:sitrep:article:ID`; a highlight adds a `TextQuoteSelector` (exact,
//!   prefix, suffix) and, while it is still attached, a
//!   `TextPositionSelector` whose `start`/`end` count Unicode code points
//!   (not bytes) of the article's text as sitrep reads it. A whole-article
//!   note has no selector; an orphaned one only the quote.
//!
//! An article's own tags become one more Annotation
//! (`urn:sitrep:tags:ARTICLE`, motivation tagging) on the whole article.
//! A grade of a claim's source becomes one more Annotation
//! (`urn:sitrep:grade:ID`, motivation `assessing`) whose body is the
//! Admiralty code (`purpose` assessing) and whose target selects the
//! claim's quantity. Corrections to the summary are not part of this
//! format.

use super::{Entry, ExportError, Note};
use crate::store::{Anchor, SourceGrade};
use serde_json::{json, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub fn render(entries: &[Entry]) -> Result<String, ExportError> {
    let mut s = serde_json::to_string_pretty(&collection(entries))?;
    s.push('\n');
    Ok(s)
}

pub fn collection(entries: &[Entry]) -> Value {
    let mut items = Vec::new();
    for e in entries {
        let source = source(e);
        if !e.tags.is_empty() {
            let body: Vec<Value> = e.tags.iter().map(|t| tag_body(t)).collect();
            items.push(json!({
                "@context": CONTEXT,
                "id": format!("urn:sitrep:tags:{}", e.id),
                "type": "Annotation",
                "motivation": "tagging",
                "body": body,
                "target": {"source": source},
            }));
        }
        for n in &e.notes {
            items.push(annotation(e, n, &source));
        }
        for g in &e.grades {
            items.push(grade(e, g, &source));
        }
    }
    // A stable id: the same notes give the same collection.
    let mut h = blake3::Hasher::new();
    for i in &items {
        h.update(i["id"].as_str().unwrap_or("").as_bytes());
        h.update(b"\n");
    }
    let id = format!("urn:sitrep:collection:{}", &h.finalize().to_hex()[..16]);
    let total = items.len();
    let mut c = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": "sitrep annotations",
        "total": total,
    });
    if total > 0 {
        c["first"] = json!({
            "id": format!("{id}:page:1"),
            "type": "AnnotationPage",
            "partOf": id,
            "startIndex": 0,
            "items": items,
        });
    }
    c
}

fn source(e: &Entry) -> String {
    match e.url() {
        Some(u) if !u.trim().is_empty() => u.to_string(),
        _ => format!("urn:sitrep:article:{}", e.id),
    }
}

fn tag_body(t: &str) -> Value {
    json!({"type": "TextualBody", "purpose": "tagging", "value": t})
}

fn grade(e: &Entry, g: &SourceGrade, source: &str) -> Value {
    let mut selectors = vec![json!({"type": "TextQuoteSelector", "exact": g.quantity})];
    if let Some(art) = e.article {
        if let Some(q) = art.text.get(g.span.start..g.span.end) {
            let start = art.text[..g.span.start].chars().count();
            selectors.push(json!({
                "type": "TextPositionSelector",
                "start": start,
                "end": start + q.chars().count(),
            }));
        }
    }
    let what = match &g.source {
        Some(s) => format!("Admiralty grade {} for the source {s}", g.grade),
        None => format!("Admiralty grade {} for an unattributed claim", g.grade),
    };
    json!({
        "@context": CONTEXT,
        "id": format!("urn:sitrep:grade:{}", g.id),
        "type": "Annotation",
        "motivation": "assessing",
        "created": g.created,
        "creator": {"type": "Person", "name": g.author},
        "body": [
            {"type": "TextualBody", "purpose": "assessing", "value": g.grade.to_string()},
            {"type": "TextualBody", "purpose": "describing", "value": what},
        ],
        "target": {"source": source, "selector": selectors},
    })
}

fn annotation(e: &Entry, n: &Note, source: &str) -> Value {
    let a = n.annotation;
    let mut body = Vec::new();
    if !a.note.trim().is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "value": a.note,
            "format": "text/markdown",
        }));
    }
    body.extend(a.tags.iter().map(|t| tag_body(t)));
    let motivation = if !a.note.trim().is_empty() {
        "commenting"
    } else if !a.tags.is_empty() {
        "tagging"
    } else {
        "highlighting"
    };
    let mut target = json!({ "source": source });
    let mut selectors = Vec::new();
    if a.span.is_some() {
        selectors.push(json!({
            "type": "TextQuoteSelector",
            "exact": a.quote,
            "prefix": a.prefix,
            "suffix": a.suffix,
        }));
    }
    if let (Anchor::Attached(s), Some(art)) = (n.anchor, e.article) {
        let start = art.text[..s.start].chars().count();
        let end = start + art.text[s.start..s.end].chars().count();
        selectors.push(json!({
            "type": "TextPositionSelector",
            "start": start,
            "end": end,
        }));
    }
    if !selectors.is_empty() {
        target["selector"] = Value::Array(selectors);
    }
    let mut v = json!({
        "@context": CONTEXT,
        "id": format!("urn:sitrep:annotation:{}", a.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": a.created,
        "modified": a.modified,
        "creator": {"type": "Person", "name": a.author},
        "target": target,
    });
    if !body.is_empty() {
        v["body"] = Value::Array(body);
    }
    v
}
