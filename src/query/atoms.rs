//! Each atom of the query language tested on one export [`Entry`], one
//! function per atom, so that an index can later answer any one of them
//! for the whole corpus instead.

use super::{date, Cmp, DateRange, Names, Test};
use crate::export::Entry;
use crate::extract::fold;
use crate::model::{Claim, Grade};
use crate::store::CorrectionKind;
use std::sync::LazyLock;

pub fn test(t: &Test, e: &Entry) -> bool {
    match t {
        Test::Text(w) => text(e, w),
        Test::Tag(t) => tag(e, t),
        Test::Force(n) => force(e, n),
        Test::Place(n) => place(e, n),
        Test::Source(n) => source(e, n),
        Test::Site(k) => site(e, k),
        Test::Note(w) => note(e, w),
        Test::Unit(u) => unit(e, u),
        Test::Value(c, v) => value(e, *c, *v),
        Test::Date(r) => dated(e, r),
        Test::Grade(c, g) => grade(e, *c, *g),
    }
}

/// `word`, `"a phrase"` (lower-cased): in the title or a body paragraph,
/// case-insensitively.
pub fn text(e: &Entry, lower: &str) -> bool {
    contains_lower(e.title, lower)
        || e.article.is_some_and(|a| {
            a.body
                .iter()
                .any(|b| contains_lower(b.slice(&a.text), lower))
        })
}

/// Whether `hay`, lower-cased, contains `lower`. An ASCII `lower` is
/// looked for in `hay` as it is, ASCII case ignored; where that finds
/// nothing, only two characters from outside ASCII lower-case into it
/// (the Kelvin sign and the dotted capital I), and a text with either
/// takes the long way. The filter tests most of a large corpus on a short
/// word (`al-`), and lower-casing every paragraph was most of its time.
fn contains_lower(hay: &str, lower: &str) -> bool {
    if !lower.is_ascii() {
        return hay.to_lowercase().contains(lower);
    }
    if contains_ascii_nocase(hay.as_bytes(), lower.as_bytes()) {
        return true;
    }
    // Searchers built once: building one per paragraph cost more than
    // the search.
    static ODD: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("\u{212a}"),
            memchr::memmem::Finder::new("\u{130}"),
        ]
    });
    ODD.iter().any(|f| f.find(hay.as_bytes()).is_some()) && hay.to_lowercase().contains(lower)
}

/// Whether `hay` contains `needle` (lower-case ASCII), ASCII case ignored.
/// It looks for the needle's first byte that has no case (a digit, a
/// hyphen), else its first, and checks the window around each. A byte of
/// a multi-byte character is never ASCII, so matches fall on characters.
fn contains_ascii_nocase(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let at = needle
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(0);
    let b = needle[at];
    let fits = |i: usize| {
        i >= at
            && hay.len() - (i - at) >= needle.len()
            && hay[i - at..i - at + needle.len()].eq_ignore_ascii_case(needle)
    };
    if b.is_ascii_alphabetic() {
        memchr::memchr2_iter(b, b.to_ascii_uppercase(), hay).any(fits)
    } else {
        memchr::memchr_iter(b, hay).any(fits)
    }
}

/// `#tag`, `tag:X`: on the article or on one of its notes.
pub fn tag(e: &Entry, t: &str) -> bool {
    e.tags.contains(t) || e.notes.iter().any(|n| n.annotation.tags.contains(t))
}

/// Whether a name (or a text's surface form) is one the query names: one
/// of the forms it resolves to, or containing what was typed, folded
/// (`loc:Ezzor` finds Deir ez-Zor).
fn named(n: &Names, name: &str) -> bool {
    if n.key.is_empty() {
        return false;
    }
    let k = fold::key(name);
    n.forms.contains(&k) || k.contains(&n.key)
}

/// `force:NAME`: an extracted force by its name or any mention, or one
/// the analyst added.
pub fn force(e: &Entry, n: &Names) -> bool {
    e.summary.is_some_and(|s| {
        s.forces
            .iter()
            .any(|f| named(n, &f.name) || f.mentions.iter().any(|m| named(n, m.text(e.text()))))
    }) || e.added(CorrectionKind::Force).any(|c| named(n, &c.name))
}

/// `loc:NAME`, `place:NAME`: likewise for places.
pub fn place(e: &Entry, n: &Names) -> bool {
    e.summary.is_some_and(|s| {
        s.locations
            .iter()
            .any(|l| named(n, &l.name) || l.mentions.iter().any(|m| named(n, m.text(e.text()))))
    }) || e.added(CorrectionKind::Location).any(|c| named(n, &c.name))
}

/// The claims the analyst did not mark wrong.
fn claims<'a>(e: &'a Entry) -> impl Iterator<Item = &'a Claim> + 'a {
    e.summary
        .into_iter()
        .flat_map(|s| s.claims.iter())
        .filter(move |c| !e.marked_wrong(CorrectionKind::Claim, c.quantity(e.text())))
}

/// `source:NAME`: a claim attributed to it (a source or a force, by any
/// alias), or a grade recorded for a claim of it.
pub fn source(e: &Entry, n: &Names) -> bool {
    claims(e).any(|c| c.source.as_deref().is_some_and(|s| named(n, s)))
        || e.grades
            .iter()
            .any(|g| g.source.as_deref().is_some_and(|s| named(n, s)))
}

/// `site:NAME`: the site the article comes from, folded.
pub fn site(e: &Entry, key: &str) -> bool {
    !key.is_empty() && e.source_site().is_some_and(|s| fold::key(s).contains(key))
}

/// `note:TEXT` (lower-cased): a note containing it.
pub fn note(e: &Entry, lower: &str) -> bool {
    e.notes
        .iter()
        .any(|n| n.annotation.note.to_lowercase().contains(lower))
}

/// `claim.unit:U` (lower-cased): a claim in that unit.
pub fn unit(e: &Entry, lower: &str) -> bool {
    claims(e).any(|c| c.unit.to_lowercase() == lower)
}

/// `claim.value>N`: a claim whose value (a range's lower bound) compares
/// so.
pub fn value(e: &Entry, cmp: Cmp, n: f64) -> bool {
    claims(e).any(|c| cmp.holds(c.value, n))
}

/// `date:FROM..TO`: the article's date, or a claim's (its year, when it
/// gives none, the article's), overlaps the range.
pub fn dated(e: &Entry, r: &DateRange) -> bool {
    let own = e.date().and_then(|d| date::printed(d, None));
    if own.is_some_and(|s| s.overlaps(r.from, r.to)) {
        return true;
    }
    let year = own.map(|s| s.first.0);
    claims(e).any(|c| {
        c.date
            .as_deref()
            .and_then(|d| date::printed(d, year))
            .is_some_and(|s| s.overlaps(r.from, r.to))
    })
}

/// `grade<=B3`: a claim's source graded so (see [`Cmp::holds_grade`]).
pub fn grade(e: &Entry, cmp: Cmp, q: Grade) -> bool {
    e.grades.iter().any(|g| cmp.holds_grade(g.grade, q))
}

#[cfg(test)]
mod tests {
    use super::contains_lower;

    /// The fast way agrees with lower-casing, over hays and needles chosen
    /// for case, hyphens, edges, multi-byte neighbours and the two
    /// characters that lower-case into ASCII.
    #[test]
    fn contains_lower_agrees_with_lowercasing() {
        let hays = [
            "",
            "Al-Bab",
            "AL-",
            "al",
            "xal-",
            "Kafr al-Nabudah",
            "Ma\u{2019}arrat AL-Nu\u{2019}man",
            "\u{e9}al-\u{e9}",
            "\u{212a}m 5",
            "\u{130}dlib",
            "-- 12 km --",
            "Deir ez-Zor",
            "ΟΗΕ al-",
        ];
        let needles = [
            "", "a", "al", "al-", "l-", "-", "km", "k", "i", "idlib", "12 km", "ez-zor", "z",
            "οηε", "al-b", "-b", "\u{e9}",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(
                    contains_lower(h, n),
                    h.to_lowercase().contains(n),
                    "{h:?} contains {n:?}"
                );
            }
        }
    }
}
