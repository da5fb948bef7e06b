//! Which entries an export keeps: `--tag` (each must be on the article or
//! on one of its notes) and `--query`, whose words must all hold:
//!
//! - `force:X`, `loc:X` (or `place:X`), `site:X` (or `source:X`): a force,
//!   place or source site whose folded name, or any alias the text used,
//!   contains folded X (`loc:Ezzor` finds Deir ez-Zor); items the analyst
//!   added count too;
//! - `#X` or `tag:X`: a tag on the article or one of its notes;
//! - `note:X`: a note containing X, case-insensitively;
//! - any other word: in the title or the body, case-insensitively.
//!
//! A value with spaces is quoted: `loc:"Deir ez-Zor"`, `"air strikes"`.
//!
//! The same language as the reader's list filter, on the engine's side.

use super::Entry;
use crate::extract::fold;
use crate::store::CorrectionKind;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Every one must be on the article or one of its notes.
    pub tags: Vec<String>,
    /// Words, all of which must hold.
    pub query: String,
}

impl Filter {
    pub fn new(tags: Vec<String>, query: Option<String>) -> Filter {
        Filter {
            tags,
            query: query.unwrap_or_default(),
        }
    }

    pub fn matches(&self, e: &Entry) -> bool {
        let all = e.all_tags();
        self.tags.iter().all(|t| all.contains(t.as_str()))
            && terms(&self.query).iter().all(|t| term(e, t))
    }
}

/// The query's terms: split at spaces outside double quotes, the quotes
/// dropped (`loc:"Deir ez-Zor"` is the one term `loc:Deir ez-Zor`).
pub fn terms(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn term(e: &Entry, term: &str) -> bool {
    if let Some(tag) = term.strip_prefix('#') {
        return e.all_tags().contains(tag);
    }
    let (field, value) = term.split_once(':').unwrap_or(("", term));
    let v = fold::key(value);
    let has = |name: &str| !v.is_empty() && fold::key(name).contains(&v);
    let added = |kind| e.added(kind).any(|c| has(&c.name));
    match field.to_ascii_lowercase().as_str() {
        "tag" => e.all_tags().contains(value),
        "note" => {
            let v = value.to_lowercase();
            e.notes
                .iter()
                .any(|n| n.annotation.note.to_lowercase().contains(&v))
        }
        "force" => {
            e.summary.is_some_and(|s| {
                s.forces
                    .iter()
                    .any(|f| has(&f.name) || f.mentions.iter().any(|m| has(&m.text)))
            }) || added(CorrectionKind::Force)
        }
        "loc" | "place" => {
            e.summary.is_some_and(|s| {
                s.locations
                    .iter()
                    .any(|l| has(&l.name) || l.mentions.iter().any(|m| has(&m.text)))
            }) || added(CorrectionKind::Location)
        }
        "site" | "source" => e.source_site().is_some_and(has),
        _ => {
            let t = term.to_lowercase();
            if e.title.to_lowercase().contains(&t) {
                return true;
            }
            e.article.is_some_and(|a| {
                a.body
                    .iter()
                    .any(|b| b.slice(&a.text).to_lowercase().contains(&t))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::terms;

    #[test]
    fn quoted_values_are_one_term() {
        assert_eq!(
            terms(r#"loc:"Deir ez-Zor" force:SDF  "air strikes""#),
            ["loc:Deir ez-Zor", "force:SDF", "air strikes"]
        );
        assert_eq!(terms("  "), Vec::<String>::new());
        // An unclosed quote runs to the end.
        assert_eq!(terms(r#"loc:"Abu Kamal"#), ["loc:Abu Kamal"]);
    }
}
