//! An in-memory index over a corpus, so the list filter answers at once
//! over 100,000 articles: per atom of a query, the articles that can match
//! it, found without reading them.
//!
//! - Free text (case-insensitive substring of the title or a body
//!   paragraph, as the filter checks it): the words of each title and body
//!   paragraph, lowercased the same way, as a vocabulary with postings; a
//!   term's alphanumeric runs of three or more characters are looked up as
//!   substrings of the vocabulary's words, runs of one or two in a bitset of
//!   the letters and letter pairs each article holds.
//! - `force:`, `loc:`, `site:`: the folded names and mention texts of each
//!   article's forces and places, and its site, with postings.
//!
//! The filter asks `candidates` for each test of its query (see
//! `Query::candidates`: `and` intersects, `or` unites) and checks only
//! those articles the exact way: the index narrows, the filter still
//! decides. Built as batches
//! arrive (`add`), by the reader's loader thread; measured in
//! `benches/search.rs`.

use crate::extract::fold;
use crate::model::{Article, Summary};
use rayon::prelude::*;
use roaring::RoaringBitmap;
use std::collections::HashMap;

/// Which part of an article an atom looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title and the body paragraphs, case-insensitively.
    Text,
    /// A force's folded name or mention text.
    Force,
    /// A place's folded name or mention text.
    Location,
    /// The folded source site.
    Site,
}

/// The articles an atom can match, as sorted indices into the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidates {
    /// Exactly the articles that match.
    Exact(Vec<u32>),
    /// Every article that matches is here; others may be too.
    Superset(Vec<u32>),
    /// The index cannot narrow this atom: check every article.
    All,
}

/// Letters and digits as bits: `0-9a-z` then one bit for anything else.
const ALPHABET: usize = 37;

fn slot(c: char) -> usize {
    match c {
        '0'..='9' => c as usize - '0' as usize,
        'a'..='z' => 10 + c as usize - 'a' as usize,
        _ => 36,
    }
}

/// Which single characters and pairs of adjacent characters within a
/// word an article holds, over `0-9a-z` (other characters share a slot).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Grams {
    ones: u64,
    pairs: [u64; (ALPHABET * ALPHABET).div_ceil(64)],
}

impl Grams {
    fn new() -> Grams {
        Grams {
            ones: 0,
            pairs: [0; (ALPHABET * ALPHABET).div_ceil(64)],
        }
    }

    fn add_word(&mut self, w: &str) {
        let mut prev: Option<usize> = None;
        for c in w.chars() {
            let s = slot(c);
            self.ones |= 1 << s;
            if let Some(p) = prev {
                let b = p * ALPHABET + s;
                self.pairs[b / 64] |= 1 << (b % 64);
            }
            prev = Some(s);
        }
    }

    fn has_pair(&self, a: usize, b: usize) -> bool {
        let b = a * ALPHABET + b;
        self.pairs[b / 64] & (1 << (b % 64)) != 0
    }
}

/// Words (runs of alphanumeric characters) of an already lowercased text.
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Keys with postings, appended to as articles come in. A key's articles
/// are a Roaring bitmap: a word in most of 100k articles takes 12 KB as
/// bits rather than 400 KB as a list, and a rare one stays a short array.
#[derive(Clone, Default, PartialEq)]
struct Postings {
    ids: HashMap<Box<str>, u32>,
    keys: Vec<Box<str>>,
    lists: Vec<RoaringBitmap>,
}

impl Postings {
    fn add(&mut self, key: &str, article: u32) {
        let k = match self.ids.get(key) {
            Some(&k) => k as usize,
            None => {
                let k = self.keys.len();
                self.ids.insert(key.into(), k as u32);
                self.keys.push(key.into());
                self.lists.push(RoaringBitmap::new());
                k
            }
        };
        // Articles come in order: appending is the cheap way in.
        let list = &mut self.lists[k];
        if list.max() != Some(article) && list.try_push(article).is_err() {
            // Out of order (not how `Index::add` calls it): still kept.
            list.insert(article);
        }
    }

    /// Gives back the room the lists grew with, and turns long runs of
    /// articles into runs.
    fn shrink_to_fit(&mut self) {
        for l in &mut self.lists {
            l.optimize();
        }
        self.lists.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    /// The articles of every key containing `needle`, marked in `hits`.
    fn containing(&self, needle: &str, hits: &mut Bits) {
        for (k, list) in self.keys.iter().zip(&self.lists) {
            if k.contains(needle) {
                for a in list {
                    hits.set(a);
                }
            }
        }
    }

    fn postings_len(&self) -> usize {
        self.lists.iter().map(|l| l.len() as usize).sum()
    }
}

/// A set of article indices.
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: u32) {
        self.0[i as usize / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
    fn to_vec(&self, n: usize) -> Vec<u32> {
        (0..n).filter(|&i| self.get(i)).map(|i| i as u32).collect()
    }
}

/// What one article contributes, worked out on any thread.
struct Terms {
    /// The lowercased title and paragraphs, and where each distinct word
    /// lies in it.
    lower: String,
    words: Vec<(u32, u32)>,
    grams: Grams,
    forces: Vec<String>,
    locations: Vec<String>,
    site: Option<String>,
}

fn terms(a: &Article, s: &Summary) -> Terms {
    let mut grams = Grams::new();
    // The title and each paragraph lowercased as the filter lowercases
    // them (one at a time: a final sigma depends on where a string ends),
    // joined by a separator into one buffer the words borrow from.
    let mut lower = a.title.to_lowercase();
    for b in &a.body {
        lower.push('\n');
        lower.push_str(&b.slice(&a.text).to_lowercase());
    }
    let base = lower.as_ptr() as usize;
    // A word followed by a hyphen is a key too, hyphen included ("al-"):
    // prefixes like "al-" are typed often and sit in most articles, and
    // these keys answer them exactly (see `Index::text`).
    let mut borrowed: Vec<&str> = Vec::new();
    for w in words(&lower) {
        borrowed.push(w);
        let end = w.as_ptr() as usize - base + w.len();
        if lower.as_bytes().get(end) == Some(&b'-') {
            borrowed.push(&lower[end - w.len()..=end]);
        }
    }
    borrowed.sort_unstable();
    borrowed.dedup();
    for w in borrowed.iter().filter(|w| !w.ends_with('-')) {
        grams.add_word(w);
    }
    let ws: Vec<(u32, u32)> = borrowed
        .into_iter()
        .map(|w| {
            let at = w.as_ptr() as usize - base;
            (at as u32, (at + w.len()) as u32)
        })
        .collect();
    let keys = |names: Vec<&str>| {
        let mut v: Vec<String> = names.into_iter().map(fold::key).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    Terms {
        lower,
        words: ws,
        grams,
        forces: keys(
            s.forces
                .iter()
                .flat_map(|f| {
                    std::iter::once(f.name.as_str())
                        .chain(f.mentions.iter().map(|m| m.text(&a.text)))
                })
                .collect(),
        ),
        locations: keys(
            s.locations
                .iter()
                .flat_map(|l| {
                    std::iter::once(l.name.as_str())
                        .chain(l.mentions.iter().map(|m| m.text(&a.text)))
                })
                .collect(),
        ),
        site: a.source_site.as_deref().map(fold::key),
    }
}

/// The index of a corpus (see the module's doc).
#[derive(Clone, Default, PartialEq)]
pub struct Index {
    len: usize,
    words: Postings,
    grams: Vec<Grams>,
    forces: Postings,
    locations: Postings,
    sites: Postings,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Index {{ {} articles, {} words, {} postings }}",
            self.len,
            self.words.keys.len(),
            self.words.postings_len()
        )
    }
}

impl Index {
    pub fn new(articles: &[Article], summaries: &[Summary]) -> Index {
        let mut i = Index::default();
        i.add(articles, summaries);
        i.shrink_to_fit();
        i
    }

    /// Articles in the index.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Gives back the room the postings grew with, once the corpus is in:
    /// the index is then held for the whole session.
    pub fn shrink_to_fit(&mut self) {
        for p in [
            &mut self.words,
            &mut self.forces,
            &mut self.locations,
            &mut self.sites,
        ] {
            p.shrink_to_fit();
        }
        self.grams.shrink_to_fit();
    }

    /// Takes in the next articles of the corpus (their indices follow
    /// those already in).
    pub fn add(&mut self, articles: &[Article], summaries: &[Summary]) {
        // In slices, so what the articles' words take before they join the
        // postings stays small.
        for (a, s) in articles.chunks(1024).zip(summaries.chunks(1024)) {
            self.add_slice(a, s);
        }
    }

    fn add_slice(&mut self, articles: &[Article], summaries: &[Summary]) {
        let terms: Vec<Terms> = articles
            .par_iter()
            .zip(summaries.par_iter())
            .map(|(a, s)| terms(a, s))
            .collect();
        for t in terms {
            let id = self.len as u32;
            for &(from, to) in &t.words {
                self.words.add(&t.lower[from as usize..to as usize], id);
            }
            for k in &t.forces {
                self.forces.add(k, id);
            }
            for k in &t.locations {
                self.locations.add(k, id);
            }
            if let Some(s) = &t.site {
                self.sites.add(s, id);
            }
            self.grams.push(t.grams);
            self.len += 1;
        }
    }

    /// The articles an atom `field` with `value` (as typed) can match.
    pub fn candidates(&self, field: Field, value: &str) -> Candidates {
        match field {
            Field::Text => self.text(value),
            Field::Force | Field::Location | Field::Site => {
                let v = fold::key(value);
                if v.is_empty() {
                    return Candidates::All;
                }
                let postings = match field {
                    Field::Force => &self.forces,
                    Field::Location => &self.locations,
                    _ => &self.sites,
                };
                let mut hits = Bits::new(self.len);
                postings.containing(&v, &mut hits);
                Candidates::Exact(hits.to_vec(self.len))
            }
        }
    }

    fn text(&self, value: &str) -> Candidates {
        let lower = value.to_lowercase();
        // A word-run and a hyphen ("al-"): exactly the articles with a
        // hyphened key containing it (the hyphen can only be the key's
        // last character).
        if let Some(run) = lower.strip_suffix('-') {
            if !run.is_empty() && run.chars().all(char::is_alphanumeric) {
                let mut hits = Bits::new(self.len);
                self.words.containing(&lower, &mut hits);
                return Candidates::Exact(hits.to_vec(self.len));
            }
        }
        let runs: Vec<&str> = words(&lower).collect();
        if runs.is_empty() {
            return Candidates::All;
        }
        // One run and nothing else: a substring of a word is a substring
        // of the text, and the other way round.
        let exact = runs.len() == 1 && runs[0].len() == lower.len();
        let mut all: Option<Bits> = None;
        for run in runs {
            let hits = self.run(run);
            match all.as_mut() {
                Some(a) => a.and(&hits),
                None => all = Some(hits),
            }
        }
        let ids = all.map(|b| b.to_vec(self.len)).unwrap_or_default();
        if exact {
            Candidates::Exact(ids)
        } else {
            Candidates::Superset(ids)
        }
    }

    /// Articles with a word containing `run`.
    fn run(&self, run: &str) -> Bits {
        let mut hits = Bits::new(self.len);
        let chars: Vec<char> = run.chars().collect();
        let ascii = chars
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
        if ascii && chars.len() <= 2 {
            let a = slot(chars[0]);
            for (i, g) in self.grams.iter().enumerate() {
                let has = match chars.get(1) {
                    None => g.ones & (1 << a) != 0,
                    Some(&b) => g.has_pair(a, slot(b)),
                };
                if has {
                    hits.set(i as u32);
                }
            }
        } else {
            self.words.containing(run, &mut hits);
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Force, Mention};

    fn article(title: &str, body: &str, site: Option<&str>) -> Article {
        Article::for_test(title, body, site)
    }

    fn corpus() -> (Vec<Article>, Vec<Summary>) {
        let a = vec![
            article(
                "Shelling in Idlib",
                "Rockets hit Ma'arrat al-Nu'man overnight; HTS fired back.",
                Some("Enab Baladi"),
            ),
            article(
                "Ceasefire talks",
                "Delegations met in Astana; the ΟΗΕ envoy spoke.",
                None,
            ),
            article(
                "Convoy",
                "Trucks crossed at Bab al-Hawa on the 3rd.",
                Some("SANA"),
            ),
        ];
        let mut s = vec![Summary::default(), Summary::default(), Summary::default()];
        s[0].forces.push(Force {
            name: "Hay'at Tahrir al-Sham".into(),
            kind: "jihadist".into(),
            mentions: vec![{
                let at = a[0].text.find("HTS").unwrap();
                Mention::new(at, at + 3)
            }],
        });
        (a, s)
    }

    fn ids(c: Candidates) -> (Vec<u32>, &'static str) {
        match c {
            Candidates::Exact(v) => (v, "exact"),
            Candidates::Superset(v) => (v, "superset"),
            Candidates::All => (vec![], "all"),
        }
    }

    #[test]
    fn text_atoms() {
        let (a, s) = corpus();
        let ix = Index::new(&a, &s);
        assert_eq!(ids(ix.candidates(Field::Text, "ROCK")), (vec![0], "exact"));
        assert_eq!(
            ids(ix.candidates(Field::Text, "s")),
            (vec![0, 1, 2], "exact")
        );
        assert_eq!(ids(ix.candidates(Field::Text, "3r")), (vec![2], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "ks")), (vec![1, 2], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "οηε")), (vec![1], "exact"));
        assert_eq!(
            ids(ix.candidates(Field::Text, "al-hawa")),
            (vec![2], "superset")
        );
        assert_eq!(
            ids(ix.candidates(Field::Text, "AL-")),
            (vec![0, 2], "exact")
        );
        assert_eq!(ids(ix.candidates(Field::Text, "l-")), (vec![0, 2], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "ma-")), (vec![], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "hawa-")), (vec![], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "zqx")), (vec![], "exact"));
        assert_eq!(ids(ix.candidates(Field::Text, "--")), (vec![], "all"));
    }

    #[test]
    fn entity_atoms_fold_like_the_filter() {
        let (a, s) = corpus();
        let mut ix = Index::new(&a[..1], &s[..1]);
        ix.add(&a[1..], &s[1..]);
        assert_eq!(ix.len(), 3);
        assert_eq!(ids(ix.candidates(Field::Force, "hts")), (vec![0], "exact"));
        assert_eq!(
            ids(ix.candidates(Field::Force, "tahrir-al")),
            (vec![0], "exact")
        );
        assert_eq!(
            ids(ix.candidates(Field::Location, "idlib")),
            (vec![], "exact")
        );
        assert_eq!(
            ids(ix.candidates(Field::Site, "baladi")),
            (vec![0], "exact")
        );
        assert_eq!(ids(ix.candidates(Field::Site, "sana")), (vec![2], "exact"));
    }
}
