//! The entity index: every force and place across the corpus, with the
//! number of stories that name it and the mentions in them. A story carried
//! by several sites counts once (its members' mentions: the most any one
//! of them has). The analyst's corrections count: a force or place added
//! from the reader is one more mention in its article, one marked wrong is
//! not counted there.

use super::duplicates::Stories;
use crate::extract::fold;
use crate::model::{Article, Summary};
use crate::store::{Correction, CorrectionKind};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Force,
    Place,
}

impl Kind {
    /// The filter atom that selects articles naming it.
    pub fn field(self) -> &'static str {
        match self {
            Kind::Force => "force",
            Kind::Place => "loc",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub kind: Kind,
    pub name: String,
    /// Stories (duplicates counted once) that name it.
    pub articles: usize,
    pub mentions: usize,
    /// Of those stories, how many have it only because the analyst added it.
    pub added: usize,
}

impl Entity {
    /// The list filter for it: `force:"NAME"` or `loc:"NAME"`.
    pub fn filter(&self) -> String {
        let name = self.name.replace('"', "");
        format!("{}:\"{name}\"", self.kind.field())
    }
}

/// How the index is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Most stories first, then most mentions, then by name.
    #[default]
    Count,
    Name,
}

pub fn sort(entities: &mut [Entity], order: Order) {
    match order {
        Order::Count => entities.sort_by(|a, b| {
            (b.articles, b.mentions)
                .cmp(&(a.articles, a.mentions))
                .then_with(|| fold::key(&a.name).cmp(&fold::key(&b.name)))
                .then(a.kind.cmp(&b.kind))
        }),
        Order::Name => entities.sort_by(|a, b| {
            fold::key(&a.name)
                .cmp(&fold::key(&b.name))
                .then(a.kind.cmp(&b.kind))
        }),
    }
}

/// Per article: (kind, name) -> (mentions, added by the analyst).
fn counts(
    a: &Article,
    s: &Summary,
    corrections: &[Correction],
) -> BTreeMap<(Kind, String), (usize, bool)> {
    let mut m: BTreeMap<(Kind, String), (usize, bool)> = BTreeMap::new();
    for f in &s.forces {
        m.entry((Kind::Force, f.name.to_string())).or_default().0 += f.mentions.len();
    }
    for l in &s.locations {
        m.entry((Kind::Place, l.name.to_string())).or_default().0 += l.mentions.len();
    }
    for c in corrections.iter().filter(|c| c.article == a.id) {
        let kind = match c.kind {
            CorrectionKind::Force => Kind::Force,
            CorrectionKind::Location => Kind::Place,
            CorrectionKind::Claim => continue,
        };
        // Added names and extracted ones meet when they fold alike.
        let key = fold::key(&c.name);
        let known = m
            .keys()
            .find(|(k, n)| *k == kind && fold::key(n) == key)
            .cloned();
        if c.wrong {
            if let Some(k) = known {
                m.remove(&k);
            }
        } else if !key.is_empty() {
            match known {
                Some(k) => m.get_mut(&k).expect("known").0 += 1,
                None => {
                    m.insert((kind, c.name.clone()), (1, true));
                }
            }
        }
    }
    m
}

/// The index, in `Order::Count`.
pub fn index(
    articles: &[Article],
    summaries: &[Summary],
    stories: &Stories,
    corrections: &[Correction],
) -> Vec<Entity> {
    // (kind, name) -> story -> (mentions, added)
    let mut by: BTreeMap<(Kind, String), BTreeMap<usize, (usize, bool)>> = BTreeMap::new();
    for (i, (a, s)) in articles.iter().zip(summaries).enumerate() {
        let story = stories.story.get(i).copied().unwrap_or(i);
        for (key, (n, added)) in counts(a, s, corrections) {
            let e = by.entry(key).or_default().entry(story).or_insert((0, true));
            e.0 = e.0.max(n);
            e.1 &= added;
        }
    }
    let mut out: Vec<Entity> = by
        .into_iter()
        .map(|((kind, name), per)| Entity {
            kind,
            name,
            articles: per.len(),
            mentions: per.values().map(|v| v.0).sum(),
            added: per.values().filter(|v| v.1).count(),
        })
        .collect();
    sort(&mut out, Order::Count);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Force, Format, Location, Mention, Ustr};

    fn art(id: &str) -> Article {
        Article {
            id: ArticleId(id.into()),
            path: format!("{id}.txt"),
            format: Format::Text,
            source_site: None,
            url: None,
            date: None,
            title: String::new(),
            title_span: None,
            text: String::new(),
            body: Vec::new(),
            chrome: Vec::new(),
            comments: Vec::new(),
        }
    }

    fn mentions(n: usize) -> Vec<Mention> {
        (0..n).map(|i| Mention::new(i, i + 1)).collect()
    }

    fn summary(forces: &[(&str, usize)], places: &[(&str, usize)]) -> Summary {
        Summary {
            forces: forces
                .iter()
                .map(|(n, m)| Force {
                    name: Ustr::from(n),
                    kind: "army".into(),
                    mentions: mentions(*m),
                })
                .collect(),
            locations: places
                .iter()
                .map(|(n, m)| Location {
                    name: Ustr::from(n),
                    kind: "town".into(),
                    lat: None,
                    lon: None,
                    country: None,
                    mentions: mentions(*m),
                })
                .collect(),
            claims: Vec::new(),
        }
    }

    fn correction(article: &str, kind: CorrectionKind, name: &str, wrong: bool) -> Correction {
        Correction {
            id: format!("c-{name}"),
            article: ArticleId(article.into()),
            kind,
            wrong,
            name: name.into(),
            span: None,
            note: String::new(),
            created: String::new(),
            author: String::new(),
        }
    }

    #[test]
    fn counts_stories_once_and_takes_corrections() {
        let arts = vec![art("a"), art("b"), art("c")];
        let sums = vec![
            summary(&[("Syrian Arab Army", 3)], &[("Palmyra", 2), ("Homs", 1)]),
            summary(&[("Syrian Arab Army", 1)], &[("Palmyra", 1)]),
            // A repost of "a", one mention fewer.
            summary(&[("Syrian Arab Army", 2)], &[("Palmyra", 2), ("Homs", 1)]),
        ];
        let stories = Stories {
            story: vec![0, 1, 0],
            groups: vec![vec![0, 2]],
        };
        let corr = vec![
            correction("b", CorrectionKind::Location, "Tadmur Prison", false),
            correction("b", CorrectionKind::Force, "syrian arab army", false),
            correction("a", CorrectionKind::Location, "Homs", true),
        ];
        let idx = index(&arts, &sums, &stories, &corr);
        let get = |n: &str| idx.iter().find(|e| e.name == n).unwrap().clone();
        let saa = get("Syrian Arab Army");
        assert_eq!((saa.articles, saa.mentions, saa.added), (2, 3 + 2, 0));
        let palmyra = get("Palmyra");
        assert_eq!((palmyra.articles, palmyra.mentions), (2, 3));
        // Wrong in "a", still in its repost "c".
        let homs = get("Homs");
        assert_eq!((homs.articles, homs.mentions), (1, 1));
        let added = get("Tadmur Prison");
        assert_eq!(
            (added.kind, added.articles, added.added),
            (Kind::Place, 1, 1)
        );
        assert_eq!(idx[0].name, "Syrian Arab Army", "most stories first");
        assert_eq!(added.filter(), "loc:\"Tadmur Prison\"");
        assert_eq!(saa.filter(), "force:\"Syrian Arab Army\"");
    }

    #[test]
    fn sorts_by_name_with_folding() {
        let mut idx = index(
            &[art("a")],
            &[summary(
                &[("Hezbollah", 1)],
                &[("al-Bab", 5), ("Aleppo", 1)],
            )],
            &Stories {
                story: vec![0],
                groups: vec![],
            },
            &[],
        );
        sort(&mut idx, Order::Name);
        let names: Vec<&str> = idx.iter().map(|e| e.name.as_str()).collect();
        // "al-Bab" folds to "bab".
        assert_eq!(names, ["Aleppo", "al-Bab", "Hezbollah"]);
        sort(&mut idx, Order::Count);
        assert_eq!(idx[0].name, "al-Bab");
    }
}
