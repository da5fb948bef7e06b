//! CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
//! must be) with one row per claim and per note, in columns modelled on
//! ACLED's event data, so the rows load beside such data:
//!
//! `row_type` (claim | annotation), `event_date` (the claim's date as
//! printed, else the article's), `actor1`, `actor2` (the first two forces
//! named in the sentence; for a claim, else the article's first two),
//! `location`, `latitude`, `longitude`, `geo_precision` (the first place
//! named in the sentence, likewise; precision 1 town or site, 2 region,
//! 3 country, empty without coordinates), `source` (who makes the claim),
//! `notes` (a claim's sentence; a note's text), `tags` (`; `-separated:
//! the article's, and a note's own), `quote` (the claim's quantity as
//! printed; the highlighted text), `value`, `unit` (a range's lower bound
//! in `value`; the quote keeps the range), `article_id`, `title`,
//! `source_grade` (the analyst's Admiralty grade of a claim's source,
//! `B2`; empty when ungraded).
//!
//! Items the analyst marked wrong are left out; a whole-article note takes
//! the article's forces and place, a highlight only its sentence's.
//!
//! A field taken from article text that starts with `=`, `+`, `-`, `@`, tab
//! or CR gets a leading `'`, so a spreadsheet does not run it as a formula;
//! the analyst's own notes and tags are written as they are.

use super::context::{self, number};
use super::{Entry, ExportError};
use crate::model::{ByteSpan, Force, Location};
use crate::store::Anchor;

pub const HEADER: [&str; 17] = [
    "row_type",
    "event_date",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "tags",
    "quote",
    "value",
    "unit",
    "article_id",
    "title",
    "source_grade",
];

pub fn render(entries: &[Entry]) -> Result<String, ExportError> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for e in entries {
        rows(e, &mut w)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

fn rows(e: &Entry, w: &mut ::csv::Writer<Vec<u8>>) -> Result<(), ExportError> {
    let article_tags: Vec<&str> = e.tags.iter().map(String::as_str).collect();
    let all_forces = context::forces(e);
    let all_places = context::places(e);
    for c in context::claims(e) {
        let region = c.span();
        let forces = or_else(context::forces_in(e, region), &all_forces);
        let place = context::places_in(e, region)
            .first()
            .copied()
            .or(all_places.first().copied());
        let date = c.date.as_deref().or(e.date()).unwrap_or("");
        let value = number(c.value);
        let row = Row {
            row_type: "claim",
            event_date: safe(date),
            forces: &forces,
            place,
            source: safe(c.source().unwrap_or("")),
            notes: safe(c.text(e.text())),
            tags: article_tags.join("; "),
            quote: safe(c.quantity(e.text())),
            value,
            unit: safe(&c.unit),
            grade: e
                .grade_at(ByteSpan::new(c.quantity_start, c.quantity_end))
                .map(|g| g.grade.to_string())
                .unwrap_or_default(),
            entry: e,
        };
        row.write(w)?;
    }
    for n in &e.notes {
        let a = n.annotation;
        let (forces, place): (Vec<&Force>, Option<&Location>) = match n.anchor {
            Anchor::Whole => (all_forces.clone(), all_places.first().copied()),
            Anchor::Attached(s) => {
                let region: ByteSpan = context::sentence_of(e, s);
                (
                    context::forces_in(e, region),
                    context::places_in(e, region).first().copied(),
                )
            }
            Anchor::Orphaned => (Vec::new(), None),
        };
        let mut tags: Vec<&str> = article_tags.clone();
        for t in &a.tags {
            if !tags.contains(&t.as_str()) {
                tags.push(t);
            }
        }
        let row = Row {
            row_type: "annotation",
            event_date: safe(e.date().unwrap_or("")),
            forces: &forces,
            place,
            source: String::new(),
            notes: a.note.clone(),
            tags: tags.join("; "),
            quote: safe(&a.quote),
            value: String::new(),
            unit: String::new(),
            grade: String::new(),
            entry: e,
        };
        row.write(w)?;
    }
    Ok(())
}

fn or_else<'a>(found: Vec<&'a Force>, fallback: &[&'a Force]) -> Vec<&'a Force> {
    if found.is_empty() {
        fallback.to_vec()
    } else {
        found
    }
}

struct Row<'a, 'e> {
    row_type: &'static str,
    event_date: String,
    forces: &'a [&'a Force],
    place: Option<&'a Location>,
    source: String,
    notes: String,
    tags: String,
    quote: String,
    value: String,
    unit: String,
    grade: String,
    entry: &'a Entry<'e>,
}

impl Row<'_, '_> {
    fn write(&self, w: &mut ::csv::Writer<Vec<u8>>) -> Result<(), ExportError> {
        let actor = |i: usize| self.forces.get(i).map_or(String::new(), |f| safe(&f.name));
        let (location, lat, lon, precision) = match self.place {
            Some(l) => (
                safe(&l.name),
                l.lat.map(|v| v.to_string()).unwrap_or_default(),
                l.lon.map(|v| v.to_string()).unwrap_or_default(),
                context::geo_precision(l)
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            ),
            None => Default::default(),
        };
        w.write_record([
            self.row_type,
            &self.event_date,
            &actor(0),
            &actor(1),
            &location,
            &lat,
            &lon,
            &precision,
            &self.source,
            &self.notes,
            &self.tags,
            &self.quote,
            &self.value,
            &self.unit,
            &self.entry.id.0,
            &safe(self.entry.title),
            &self.grade,
        ])?;
        Ok(())
    }
}

/// A field from article text, defused for spreadsheets.
pub fn safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
