//! The full-fidelity JSON export, and its reading back by `sitrep import`.
//!
//! ```json
//! {"format": "sitrep-export", "schema_version": 1, "articles": [{
//!   "id", "path", "title", "source_site", "url", "date", "found",
//!   "tags": [...],
//!   "annotations": [{"id", "article", "path", "quote", "start", "end",
//!     "prefix", "suffix", "note", "tags", "created", "modified", "author",
//!     "orphaned"}],
//!   "corrections": [{"id", "kind", "wrong", "name", "start", "end", "note",
//!     "created", "author"}],
//!   "grades": [{"id", "start", "end", "quantity", "source", "grade",
//!     "created", "author"}],
//!   "summary": {"forces", "locations", "claims"} | null}]}
//! ```
//!
//! Offsets (`start`, `end`) are byte offsets into the article's text as
//! read, as everywhere in sitrep; a whole-article note has them null. An
//! annotation's `article` is the id of the text it was made on: it differs
//! from the article's `id` when the file changed since and the note was
//! found again by its path. `found` is false for articles the store knows
//! but the corpus no longer holds (no summary then; notes orphaned). A
//! grade's `start`/`end` are its claim's quantity in the text; `grade` is
//! the Admiralty code (`B2`).

use super::{Entry, ExportError, ImportReport};
use crate::model::Grade;
use crate::model::{ArticleId, ByteSpan, PrintedSummary};
use crate::store::{Annotation, Correction, CorrectionKind, Op, SourceGrade, StoreData};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// What the `format` field holds.
pub const FORMAT: &str = "sitrep-export";
/// The export schema this build writes and reads up to.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub schema_version: u32,
    pub articles: Vec<ExportArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportArticle {
    pub id: ArticleId,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source_site: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// Whether the corpus holds the article now.
    #[serde(default)]
    pub found: bool,
    #[serde(default)]
    pub tags: BTreeSet<String>,
    #[serde(default)]
    pub annotations: Vec<ExportAnnotation>,
    #[serde(default)]
    pub corrections: Vec<ExportCorrection>,
    /// Read by exports since grades came in; absent before.
    #[serde(default)]
    pub grades: Vec<ExportGrade>,
    #[serde(default)]
    pub summary: Option<PrintedSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportGrade {
    pub id: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub source: Option<String>,
    pub grade: Grade,
    pub created: String,
    pub author: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportAnnotation {
    pub id: String,
    /// The article the note was made on (default: the enclosing one).
    #[serde(default)]
    pub article: Option<ArticleId>,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub quote: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: BTreeSet<String>,
    pub created: String,
    pub modified: String,
    pub author: String,
    /// Informative only: recomputed from the corpus on every export.
    #[serde(default)]
    pub orphaned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportCorrection {
    pub id: String,
    pub kind: CorrectionKind,
    pub wrong: bool,
    pub name: String,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub author: String,
}

pub fn to_export(entries: &[Entry]) -> Export {
    Export {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        articles: entries.iter().map(article).collect(),
    }
}

fn article(e: &Entry) -> ExportArticle {
    ExportArticle {
        id: e.id.clone(),
        path: e.path.to_string(),
        title: e.title.to_string(),
        source_site: e.source_site().map(String::from),
        url: e.url().map(String::from),
        date: e.date().map(String::from),
        found: e.article.is_some(),
        tags: e.tags.clone(),
        annotations: e
            .notes
            .iter()
            .map(|n| {
                let a = n.annotation;
                ExportAnnotation {
                    id: a.id.clone(),
                    article: Some(a.article.clone()),
                    path: a.path.clone(),
                    quote: a.quote.clone(),
                    start: a.span.map(|s| s.start),
                    end: a.span.map(|s| s.end),
                    prefix: a.prefix.clone(),
                    suffix: a.suffix.clone(),
                    note: a.note.clone(),
                    tags: a.tags.clone(),
                    created: a.created.clone(),
                    modified: a.modified.clone(),
                    author: a.author.clone(),
                    orphaned: n.orphaned(),
                }
            })
            .collect(),
        corrections: e
            .corrections
            .iter()
            .map(|c| ExportCorrection {
                id: c.id.clone(),
                kind: c.kind,
                wrong: c.wrong,
                name: c.name.clone(),
                start: c.span.map(|s| s.start),
                end: c.span.map(|s| s.end),
                note: c.note.clone(),
                created: c.created.clone(),
                author: c.author.clone(),
            })
            .collect(),
        grades: e
            .grades
            .iter()
            .map(|g| ExportGrade {
                id: g.id.clone(),
                start: g.span.start,
                end: g.span.end,
                quantity: g.quantity.clone(),
                source: g.source.clone(),
                grade: g.grade,
                created: g.created.clone(),
                author: g.author.clone(),
            })
            .collect(),
        summary: e.article.zip(e.summary).map(|(a, s)| s.printed(&a.text)),
    }
}

pub fn render(entries: &[Entry]) -> Result<String, ExportError> {
    let mut s = serde_json::to_string_pretty(&to_export(entries))?;
    s.push('\n');
    Ok(s)
}

/// Reads an export: refused when it is not one, or from a newer schema.
pub fn parse(text: &str) -> Result<Export, ExportError> {
    let v: serde_json::Value = serde_json::from_str(text)?;
    match v.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(ExportError::NotAnExport(format!(
                "format is {:?}, not {FORMAT:?}",
                crate::sanitize::line(other)
            )))
        }
        None => {
            return Err(ExportError::NotAnExport(format!(
                "no \"format\": {FORMAT:?} field"
            )))
        }
    }
    let version = v
        .get("schema_version")
        .and_then(|n| n.as_u64())
        .ok_or_else(|| ExportError::NotAnExport("no schema_version".into()))?;
    if version > SCHEMA_VERSION as u64 {
        return Err(ExportError::NewerExport {
            found: version.min(u32::MAX as u64) as u32,
            max: SCHEMA_VERSION,
        });
    }
    Ok(serde_json::from_value(v)?)
}

fn invalid(what: String) -> ExportError {
    ExportError::Invalid(crate::sanitize::line(&what))
}

/// A usable tag: not empty, no whitespace or control characters.
fn valid_tag(t: &str) -> bool {
    !t.is_empty()
        && !t
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || crate::sanitize::is_unsafe(c))
}

fn span(
    id: &str,
    start: Option<usize>,
    end: Option<usize>,
) -> Result<Option<ByteSpan>, ExportError> {
    match (start, end) {
        (None, None) => Ok(None),
        (Some(s), Some(e)) if s <= e => Ok(Some(ByteSpan::new(s, e))),
        _ => Err(invalid(format!(
            "{id}: start and end must both be null or 0 <= start <= end"
        ))),
    }
}

/// The store changes that merge `doc` into `data`, and what they amount
/// to. Every item is checked first: a bad one refuses the whole file.
pub fn merge_ops(doc: &Export, data: &StoreData) -> Result<(Vec<Op>, ImportReport), ExportError> {
    let mut ops = Vec::new();
    let mut r = ImportReport::default();
    let mut seen_notes: HashSet<&str> = HashSet::new();
    let mut seen_corrections: HashSet<&str> = HashSet::new();
    let mut seen_tags: HashSet<(&ArticleId, &str)> = HashSet::new();
    let mut seen_grades: HashSet<(&ArticleId, ByteSpan)> = HashSet::new();
    for a in &doc.articles {
        if a.id.0.is_empty() {
            return Err(invalid("an article without an id".into()));
        }
        let meta = data.articles.get(&a.id);
        for t in &a.tags {
            if !valid_tag(t) {
                return Err(invalid(format!(
                    "article {}: not a usable tag: {t:?}",
                    a.id
                )));
            }
            if meta.is_some_and(|m| m.tags.contains(t)) || !seen_tags.insert((&a.id, t)) {
                r.unchanged += 1;
                continue;
            }
            // The store's own record of where the article is wins.
            let keep = meta.is_some_and(|m| !m.path.is_empty());
            ops.push(Op::Tag {
                article: a.id.clone(),
                path: if keep { String::new() } else { a.path.clone() },
                title: if keep { String::new() } else { a.title.clone() },
                tag: t.clone(),
            });
            r.tags_added += 1;
        }
        for n in &a.annotations {
            if n.id.is_empty() {
                return Err(invalid(format!("article {}: a note without an id", a.id)));
            }
            if let Some(t) = n.tags.iter().find(|t| !valid_tag(t)) {
                return Err(invalid(format!("note {}: not a usable tag: {t:?}", n.id)));
            }
            let imported = Annotation {
                id: n.id.clone(),
                article: n
                    .article
                    .clone()
                    .filter(|id| !id.0.is_empty())
                    .unwrap_or_else(|| a.id.clone()),
                path: n.path.clone(),
                span: span(&n.id, n.start, n.end)?,
                quote: n.quote.clone(),
                prefix: n.prefix.clone(),
                suffix: n.suffix.clone(),
                tags: n.tags.clone(),
                note: n.note.clone(),
                created: n.created.clone(),
                modified: n.modified.clone(),
                author: n.author.clone(),
            };
            if !seen_notes.insert(&n.id) {
                r.unchanged += 1;
                continue;
            }
            match data.annotations.iter().find(|x| x.id == n.id) {
                // Same note, or the store's is as new or newer: keep it.
                Some(x) if *x == imported || x.modified >= imported.modified => r.unchanged += 1,
                Some(_) => {
                    ops.push(Op::Annotate(imported));
                    r.notes_updated += 1;
                }
                None => {
                    ops.push(Op::Annotate(imported));
                    r.notes_added += 1;
                }
            }
        }
        for c in &a.corrections {
            if c.id.is_empty() {
                return Err(invalid(format!(
                    "article {}: a correction without an id",
                    a.id
                )));
            }
            let s = span(&c.id, c.start, c.end)?;
            if !seen_corrections.insert(&c.id) || data.corrections.iter().any(|x| x.id == c.id) {
                r.unchanged += 1;
                continue;
            }
            ops.push(Op::Correct(Correction {
                id: c.id.clone(),
                article: a.id.clone(),
                kind: c.kind,
                wrong: c.wrong,
                name: c.name.clone(),
                span: s,
                note: c.note.clone(),
                created: c.created.clone(),
                author: c.author.clone(),
            }));
            r.corrections_added += 1;
        }
        for g in &a.grades {
            if g.id.is_empty() || g.start > g.end {
                return Err(invalid(format!(
                    "article {}: a grade without an id, or with start after end",
                    a.id
                )));
            }
            let span = ByteSpan::new(g.start, g.end);
            // One grade per claim: the later one wins, as in the store.
            let here = data
                .grades
                .iter()
                .find(|x| x.article == a.id && x.span == span);
            if !seen_grades.insert((&a.id, span))
                || here.is_some_and(|x| x.grade == g.grade || x.created >= g.created)
            {
                r.unchanged += 1;
                continue;
            }
            ops.push(Op::Grade(SourceGrade {
                id: g.id.clone(),
                article: a.id.clone(),
                span,
                quantity: g.quantity.clone(),
                source: g.source.clone(),
                grade: g.grade,
                created: g.created.clone(),
                author: g.author.clone(),
            }));
            r.grades_added += 1;
        }
    }
    Ok((ops, r))
}
