//! Alias resolution for queries: the extractor's tables (forces, sources,
//! places, with the analyst's `extend.toml`) as a map from every folded
//! alias to the canonical names it stands for, so that `loc:"Deir Ezzur"`
//! asks for Deir ez-Zor and `force:Daesh` for the Islamic State.

use crate::extract::fold;
use crate::extract::tables::Tables;
use std::collections::{BTreeSet, HashMap};

/// What a name in a query can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Force,
    Source,
    Place,
}

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Folded alias -> folded canonical names, per kind.
    names: HashMap<(Kind, String), BTreeSet<String>>,
    /// Folded canonical name -> every folded alias of it, per kind.
    aliases: HashMap<(Kind, String), BTreeSet<String>>,
}

impl Lexicon {
    /// No aliases: every name stands only for itself.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    pub fn new(t: &Tables) -> Lexicon {
        let mut names: HashMap<(Kind, String), BTreeSet<String>> = HashMap::new();
        let mut add = |kind: Kind, alias: &str, canon: &str| {
            let k = fold::key(alias);
            if !k.is_empty() {
                names.entry((kind, k)).or_default().insert(fold::key(canon));
            }
        };
        for f in &t.forces {
            for a in f.aliases.iter().chain(&f.ambiguous).chain([&f.name]) {
                add(Kind::Force, a, &f.name);
            }
        }
        for s in &t.sources {
            for a in s.aliases.iter().chain([&s.name]) {
                add(Kind::Source, a, &s.name);
            }
            // "the Observatory" is reported as "Observatory".
            for g in &s.generic {
                add(Kind::Source, g, &s.name);
                if let Some(bare) = g.strip_prefix("the ") {
                    add(Kind::Source, bare, &s.name);
                }
            }
        }
        for p in &t.places {
            for a in p.aliases.iter().chain([&p.name]) {
                add(Kind::Place, a, &p.name);
            }
        }
        let mut aliases: HashMap<(Kind, String), BTreeSet<String>> = HashMap::new();
        for ((kind, alias), canon) in &names {
            for c in canon {
                aliases
                    .entry((*kind, c.clone()))
                    .or_default()
                    .insert(alias.clone());
            }
        }
        Lexicon { names, aliases }
    }

    /// The folded canonical names `name` stands for as a `kind` (itself
    /// among them): those of an alias it is, or of an alias it is a whole
    /// word or words of ("Ezzor" of "Deir Ezzor").
    pub fn canonical(&self, kind: Kind, name: &str) -> BTreeSet<String> {
        let k = fold::key(name);
        let mut out = BTreeSet::new();
        if k.is_empty() {
            return out;
        }
        if let Some(c) = self.names.get(&(kind, k.clone())) {
            out.extend(c.iter().cloned());
        } else if k.len() >= 3 {
            for ((kd, alias), c) in &self.names {
                if *kd == kind && contains_words(alias, &k) {
                    out.extend(c.iter().cloned());
                }
            }
        }
        out.insert(k);
        out
    }

    /// Every folded form that names what `name` names as a `kind`: the
    /// canonical names it resolves to and all their aliases.
    pub fn forms(&self, kind: Kind, name: &str) -> BTreeSet<String> {
        let canon = self.canonical(kind, name);
        let mut out = canon.clone();
        for c in &canon {
            if let Some(a) = self.aliases.get(&(kind, c.clone())) {
                out.extend(a.iter().cloned());
            }
        }
        out
    }
}

/// Whether `words` occurs in `key` as whole words (both folded: words
/// are separated by single spaces).
fn contains_words(key: &str, words: &str) -> bool {
    key.match_indices(words).any(|(i, _)| {
        let before = i == 0 || key.as_bytes()[i - 1] == b' ';
        let end = i + words.len();
        let after = end == key.len() || key.as_bytes()[end] == b' ';
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_the_canonical_name() {
        let l = Lexicon::new(&Tables::builtin().unwrap());
        assert!(l.canonical(Kind::Place, "Deir Ezzur").contains("deir zor"));
        assert!(l.canonical(Kind::Force, "Daesh").contains("islamic state"));
        assert!(l
            .canonical(Kind::Source, "SOHR")
            .contains("syrian observatory for human rights"));
        assert!(l
            .canonical(Kind::Source, "Observatory")
            .contains("syrian observatory for human rights"));
        assert_eq!(
            l.canonical(Kind::Place, "Nowhereville"),
            ["nowhereville".to_string()].into()
        );
        assert_eq!(Lexicon::empty().canonical(Kind::Force, "Daesh").len(), 1);
        assert!(l.canonical(Kind::Place, "Ezzor").contains("deir zor"));
        assert!(
            !l.canonical(Kind::Place, "Ezz").contains("deir zor"),
            "whole words"
        );
        assert!(contains_words("deir ezzor", "ezzor") && contains_words("a b c", "b"));
        assert!(!contains_words("deir ezzor", "ezz") && !contains_words("xb", "b"));
        let isis = l.forms(Kind::Force, "Daesh");
        assert!(isis.contains("isis") && isis.contains("islamic state"));
    }
}
