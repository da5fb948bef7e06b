//! GeoJSON (RFC 7946): a FeatureCollection with one Point per place with
//! coordinates per article, at `[longitude, latitude]`. Properties: `name`,
//! `kind`, `country`, `article_id`, `title`, `path`, `mentions` (how often
//! the article names it), `claims` ("value unit — source" for each claim
//! whose sentence names the place), `notes` (the notes on highlights whose
//! sentence names it), `tags` (the article's). Places the analyst marked
//! wrong, and places without coordinates, are left out.

use super::context::{self, quantity};
use super::{Entry, ExportError};
use crate::store::Anchor;
use ::geojson::{feature::Id, Feature, FeatureCollection, Geometry, JsonObject, JsonValue};

pub fn render(entries: &[Entry]) -> Result<String, ExportError> {
    let mut s = serde_json::to_string_pretty(&collection(entries))?;
    s.push('\n');
    Ok(s)
}

pub fn collection(entries: &[Entry]) -> FeatureCollection {
    let mut features = Vec::new();
    for e in entries {
        let Some(summary) = e.summary else { continue };
        for (i, l) in summary.locations.iter().enumerate() {
            let (Some(lat), Some(lon)) = (l.lat, l.lon) else {
                continue;
            };
            let valid = lat.is_finite()
                && lon.is_finite()
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon);
            if !valid || e.marked_wrong(crate::store::CorrectionKind::Location, &l.name) {
                continue;
            }
            let names_it = |region: crate::model::ByteSpan| {
                l.mentions.iter().any(|m| region.contains(m.span()))
            };
            let claims: Vec<JsonValue> = context::claims(e)
                .into_iter()
                .filter(|c| names_it(c.span()))
                .map(|c| {
                    let q = quantity(c);
                    JsonValue::from(match &c.source {
                        Some(s) => format!("{q} — {s}"),
                        None => q,
                    })
                })
                .collect();
            let notes: Vec<JsonValue> = e
                .notes
                .iter()
                .filter_map(|n| match n.anchor {
                    Anchor::Attached(s) if names_it(context::sentence_of(e, s)) => {
                        Some(JsonValue::from(n.annotation.note.clone()))
                    }
                    _ => None,
                })
                .collect();
            let mut p = JsonObject::new();
            p.insert("name".into(), l.name.as_str().into());
            p.insert("kind".into(), l.kind.as_str().into());
            p.insert("country".into(), l.country.map(|c| c.as_str()).into());
            p.insert("article_id".into(), e.id.0.clone().into());
            p.insert("title".into(), e.title.into());
            p.insert("path".into(), e.path.into());
            p.insert("mentions".into(), l.mentions.len().into());
            p.insert("claims".into(), JsonValue::Array(claims));
            p.insert("notes".into(), JsonValue::Array(notes));
            p.insert(
                "tags".into(),
                JsonValue::Array(e.tags.iter().map(|t| t.clone().into()).collect()),
            );
            features.push(Feature {
                bbox: None,
                geometry: Some(Geometry::new_point([lon, lat])),
                id: Some(Id::String(format!("{}:{i}", e.id))),
                properties: Some(p),
                foreign_members: None,
            });
        }
    }
    FeatureCollection::new(features)
}
