//! What the store file holds, and the migrations that bring an older file
//! up to the current schema. Each migration is a function from one version's
//! JSON to the next, tested on a file of that version.

use crate::model::{ArticleId, ByteSpan, Grade};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// The whole store: pretty-printed JSON, sorted keys, readable and
/// diffable by a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreData {
    pub schema_version: u32,
    /// Per article: its tags and where it was last seen.
    #[serde(default)]
    pub articles: BTreeMap<ArticleId, ArticleMeta>,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// An analyst's corrections to the extracted summary.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// An analyst's Admiralty grades of claims' sources, one per claim.
    #[serde(default)]
    pub grades: Vec<SourceGrade>,
}

impl Default for StoreData {
    fn default() -> Self {
        StoreData {
            schema_version: SCHEMA_VERSION,
            articles: BTreeMap::new(),
            annotations: Vec::new(),
            corrections: Vec::new(),
            grades: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    #[serde(default)]
    pub tags: BTreeSet<String>,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub title: String,
}

/// A highlight and/or note, on a span of the article or on all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub id: String,
    pub article: ArticleId,
    /// The article's path when the note was made: how an orphaned note is
    /// found again after its article's text changed.
    #[serde(default)]
    pub path: String,
    /// `None`: a note on the whole article.
    pub span: Option<ByteSpan>,
    /// The quoted text, with some context either side.
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub tags: BTreeSet<String>,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub modified: String,
    pub author: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    Force,
    Location,
    Claim,
}

/// "This extracted item is wrong", or "this is an item the extractor
/// missed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub id: String,
    pub article: ArticleId,
    pub kind: CorrectionKind,
    /// `true`: the item named is wrong; `false`: it was missed.
    pub wrong: bool,
    /// The item's name (force, place) or the claim's quantity as printed.
    pub name: String,
    pub span: Option<ByteSpan>,
    #[serde(default)]
    pub note: String,
    pub created: String,
    pub author: String,
}

/// An analyst's Admiralty grade of the source of one claim.
///
/// Keyed by the article's id (a hash of its text) and the claim's quantity
/// span in that text (`quantity_start..quantity_end`): both stay the same
/// when the article is extracted again, and a changed text is a new
/// article. The quantity and the source as printed are kept too, so an
/// export says what was graded even when the corpus no longer holds the
/// article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceGrade {
    pub id: String,
    pub article: ArticleId,
    /// The claim's number and unit in the article's text.
    pub span: ByteSpan,
    /// The number and its unit as printed.
    #[serde(default)]
    pub quantity: String,
    /// Who the claim is attributed to, as extracted (none: unattributed).
    #[serde(default)]
    pub source: Option<String>,
    pub grade: Grade,
    pub created: String,
    pub author: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SchemaError {
    #[error("written by a newer sitrep (schema {found}, this one reads up to {SCHEMA_VERSION})")]
    NewerVersion { found: u32 },
    #[error("not a sitrep store: {0}")]
    Invalid(String),
}

/// Reads store JSON of any known version, migrating it to the current one.
pub fn from_json(text: &str) -> Result<StoreData, SchemaError> {
    let mut v: Value =
        serde_json::from_str(text).map_err(|e| SchemaError::Invalid(e.to_string()))?;
    let version = v
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| SchemaError::Invalid("no schema_version".into()))? as u32;
    if version > SCHEMA_VERSION {
        return Err(SchemaError::NewerVersion { found: version });
    }
    if version < 1 {
        return Err(SchemaError::Invalid(format!(
            "unknown schema_version {version}"
        )));
    }
    for from in version..SCHEMA_VERSION {
        v = MIGRATIONS[(from - 1) as usize](v)?;
    }
    serde_json::from_value(v).map_err(|e| SchemaError::Invalid(e.to_string()))
}

type Migration = fn(Value) -> Result<Value, SchemaError>;

/// `MIGRATIONS[n]` takes schema n+1 to n+2.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

/// Schema 1 kept article tags in a flat `tags: {id: [tag]}` map and called
/// an annotation's note `text`; it had no corrections and no quote context.
fn v1_to_v2(mut v: Value) -> Result<Value, SchemaError> {
    let obj = v
        .as_object_mut()
        .ok_or_else(|| SchemaError::Invalid("not an object".into()))?;
    let tags = obj
        .remove("tags")
        .unwrap_or(Value::Object(Default::default()));
    let mut articles = serde_json::Map::new();
    if let Value::Object(t) = tags {
        for (id, list) in t {
            articles.insert(id, serde_json::json!({ "tags": list }));
        }
    }
    obj.insert("articles".into(), Value::Object(articles));
    if let Some(Value::Array(anns)) = obj.get_mut("annotations") {
        for a in anns {
            if let Some(a) = a.as_object_mut() {
                if let Some(text) = a.remove("text") {
                    a.insert("note".into(), text);
                }
            }
        }
    }
    obj.insert("corrections".into(), Value::Array(Vec::new()));
    obj.insert("schema_version".into(), Value::from(2));
    Ok(v)
}

/// Schema 2 had no source grades.
fn v2_to_v3(mut v: Value) -> Result<Value, SchemaError> {
    let obj = v
        .as_object_mut()
        .ok_or_else(|| SchemaError::Invalid("not an object".into()))?;
    obj.insert("grades".into(), Value::Array(Vec::new()));
    obj.insert("schema_version".into(), Value::from(3));
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_store_migrates() {
        let v1 = r#"{
          "schema_version": 1,
          "tags": {"aaaa": ["priority", "deir-ezzor"]},
          "annotations": [{
            "id": "n1", "article": "aaaa", "span": {"start": 4, "end": 9},
            "quote": "SAA", "tags": ["claim"], "text": "check this figure",
            "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "author": "ana"
          }]
        }"#;
        let s = from_json(v1).unwrap();
        assert_eq!(s.schema_version, SCHEMA_VERSION);
        let tags = &s.articles[&ArticleId("aaaa".into())].tags;
        assert!(tags.contains("priority") && tags.contains("deir-ezzor"));
        assert_eq!(s.annotations[0].note, "check this figure");
        assert_eq!(s.annotations[0].span, Some(ByteSpan::new(4, 9)));
        assert!(s.corrections.is_empty());
        assert!(s.grades.is_empty());
    }

    #[test]
    fn v2_store_migrates_keeping_everything() {
        let v2 = r#"{
          "schema_version": 2,
          "articles": {"aaaa": {"tags": ["priority"], "path": "a.txt", "title": "T"}},
          "annotations": [],
          "corrections": [{
            "id": "c1", "article": "aaaa", "kind": "claim", "wrong": true,
            "name": "20 km", "span": null, "created": "2024-01-01T00:00:00Z", "author": "ana"
          }]
        }"#;
        let s = from_json(v2).unwrap();
        assert_eq!(s.schema_version, 3);
        assert!(s.grades.is_empty());
        assert_eq!(s.corrections[0].name, "20 km");
        assert!(s.articles[&ArticleId("aaaa".into())]
            .tags
            .contains("priority"));
        // A field no schema knows is still refused after the migration.
        assert!(matches!(
            from_json(r#"{"schema_version": 2, "bogus": 1}"#),
            Err(SchemaError::Invalid(_))
        ));
    }

    #[test]
    fn grades_read_back_and_bad_grades_are_refused() {
        let v3 = r#"{
          "schema_version": 3,
          "grades": [{
            "id": "g1", "article": "aaaa", "span": {"start": 10, "end": 15},
            "quantity": "20 km", "source": "SOHR", "grade": "B2",
            "created": "2024-01-01T00:00:00Z", "author": "ana"
          }]
        }"#;
        let s = from_json(v3).unwrap();
        assert_eq!(s.grades[0].grade.to_string(), "B2");
        assert_eq!(s.grades[0].span, ByteSpan::new(10, 15));
        let bad = v3.replace("\"B2\"", "\"G9\"");
        assert!(matches!(from_json(&bad), Err(SchemaError::Invalid(_))));
    }

    #[test]
    fn newer_and_invalid_are_refused() {
        assert_eq!(
            from_json(r#"{"schema_version": 99}"#),
            Err(SchemaError::NewerVersion { found: 99 })
        );
        assert!(matches!(
            from_json("{not json"),
            Err(SchemaError::Invalid(_))
        ));
        assert!(matches!(
            from_json(r#"{"annotations": []}"#),
            Err(SchemaError::Invalid(_))
        ));
        assert!(matches!(
            from_json(r#"{"schema_version": 2, "annotations": 5}"#),
            Err(SchemaError::Invalid(_))
        ));
    }
}
