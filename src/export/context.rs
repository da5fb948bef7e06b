//! What a stretch of an article names: the sentence(s) a highlight lies
//! in, and the forces and places mentioned there. Shared by the CSV and
//! GeoJSON exports.

use super::Entry;
use crate::model::{ByteSpan, Claim, Force, Location};
use crate::store::CorrectionKind;

/// The sentence or sentences of the title or body paragraph that `span`
/// lies in; the span itself when it lies outside them (chrome, comments).
pub fn sentence_of(entry: &Entry, span: ByteSpan) -> ByteSpan {
    let Some(a) = entry.article else {
        return span;
    };
    let Some(para) = a
        .extraction_spans()
        .into_iter()
        .find(|p| p.start <= span.start && span.start < p.end.max(p.start + 1))
    else {
        return span;
    };
    let sentences = crate::extract::claims::sentences(&a.text, para.start, para.end);
    let touching: Vec<&(usize, usize)> = sentences
        .iter()
        .filter(|(s, e)| *s < span.end.max(span.start + 1) && span.start < *e)
        .collect();
    match (touching.first(), touching.last()) {
        (Some(f), Some(l)) => ByteSpan::new(f.0.min(span.start), l.1.max(span.end)),
        _ => span,
    }
}

/// The forces (not marked wrong) mentioned within `region`, by first
/// mention there.
pub fn forces_in<'a>(entry: &Entry<'a>, region: ByteSpan) -> Vec<&'a Force> {
    let Some(s) = entry.summary else {
        return Vec::new();
    };
    let mut found: Vec<(usize, &Force)> = s
        .forces
        .iter()
        .filter(|f| !entry.marked_wrong(CorrectionKind::Force, &f.name))
        .filter_map(|f| {
            f.mentions
                .iter()
                .filter(|m| region.contains(m.span()))
                .map(|m| m.start)
                .min()
                .map(|at| (at, f))
        })
        .collect();
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, f)| f).collect()
}

/// The places (not marked wrong) mentioned within `region`, by first
/// mention there.
pub fn places_in<'a>(entry: &Entry<'a>, region: ByteSpan) -> Vec<&'a Location> {
    let Some(s) = entry.summary else {
        return Vec::new();
    };
    let mut found: Vec<(usize, &Location)> = s
        .locations
        .iter()
        .filter(|l| !entry.marked_wrong(CorrectionKind::Location, &l.name))
        .filter_map(|l| {
            l.mentions
                .iter()
                .filter(|m| region.contains(m.span()))
                .map(|m| m.start)
                .min()
                .map(|at| (at, l))
        })
        .collect();
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, l)| l).collect()
}

/// The article's forces not marked wrong, in order of first mention.
pub fn forces<'a>(entry: &Entry<'a>) -> Vec<&'a Force> {
    entry.summary.map_or_else(Vec::new, |s| {
        s.forces
            .iter()
            .filter(|f| !entry.marked_wrong(CorrectionKind::Force, &f.name))
            .collect()
    })
}

/// The article's places not marked wrong, in order of first mention.
pub fn places<'a>(entry: &Entry<'a>) -> Vec<&'a Location> {
    entry.summary.map_or_else(Vec::new, |s| {
        s.locations
            .iter()
            .filter(|l| !entry.marked_wrong(CorrectionKind::Location, &l.name))
            .collect()
    })
}

/// The article's claims not marked wrong.
pub fn claims<'a>(entry: &Entry<'a>) -> Vec<&'a Claim> {
    entry.summary.map_or_else(Vec::new, |s| {
        s.claims
            .iter()
            .filter(|c| !entry.marked_wrong(CorrectionKind::Claim, c.quantity(entry.text())))
            .collect()
    })
}

/// A number as a person writes it: no ".0" on whole numbers.
pub fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// "1000-1500 fighters", "30 km".
pub fn quantity(c: &Claim) -> String {
    let v = match c.high {
        Some(h) => format!("{}-{}", number(c.value), number(h)),
        None => number(c.value),
    };
    if c.unit.is_empty() {
        v
    } else {
        format!("{v} {}", c.unit)
    }
}

/// How precise a place's coordinates are, as ACLED codes it: 1 a town or
/// a point site, 2 a region-sized area (governorate, district, desert,
/// river, lake, mountain range), 3 a country; `None` without coordinates.
pub fn geo_precision(l: &Location) -> Option<u8> {
    l.lat?;
    l.lon?;
    Some(match l.kind.as_str() {
        "country" => 3,
        "governorate" | "region" | "district" | "desert" | "river" | "lake" | "mountain"
        | "valley" | "province" | "state" => 2,
        _ => 1,
    })
}
