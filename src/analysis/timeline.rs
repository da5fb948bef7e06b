//! The timeline: articles by the day they were reported, and claims by the
//! day their sentence gives ("on Friday", "on March 26", resolved against
//! the article's day; see `dates::resolve`). A claim whose sentence gives
//! no date is not an event of its own and stays with its article. A story
//! carried by several sites is one entry. Articles without a date, and
//! claim dates that cannot be placed, are kept apart as undated.

use super::dates;
use super::duplicates::Stories;
use crate::model::{Article, Summary};
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// The article was reported that day.
    Article,
    /// A claim (index into the article's summary) dated that day.
    Claim(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub date: Option<NaiveDate>,
    /// Index of the article (the first of its story).
    pub article: usize,
    pub what: What,
    /// How many other articles carry the story.
    pub copies: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Oldest first; on one day, articles before claims, then corpus order.
    pub dated: Vec<Entry>,
    pub undated: Vec<Entry>,
}

impl Timeline {
    /// Dated entries, then undated ones: the order the view shows.
    pub fn rows(&self) -> impl Iterator<Item = &Entry> {
        self.dated.iter().chain(&self.undated)
    }
}

pub fn build(articles: &[Article], summaries: &[Summary], stories: &Stories) -> Timeline {
    let mut all = Vec::new();
    for (i, (a, s)) in articles.iter().zip(summaries).enumerate() {
        if !stories.is_first(i) {
            continue;
        }
        let copies = stories.members(i).len() - 1;
        let reported = a.date.as_deref().and_then(dates::day);
        all.push(Entry {
            date: reported,
            article: i,
            what: What::Article,
            copies,
        });
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (ci, c) in s.claims.iter().enumerate() {
            let Some(d) = c.date.as_deref() else { continue };
            // The title restating a claim of the lead is one event.
            if seen.contains(&(d, c.quantity(&a.text))) {
                continue;
            }
            seen.push((d, c.quantity(&a.text)));
            all.push(Entry {
                date: dates::resolve(d, reported),
                article: i,
                what: What::Claim(ci),
                copies,
            });
        }
    }
    let (mut dated, undated): (Vec<Entry>, Vec<Entry>) =
        all.into_iter().partition(|e| e.date.is_some());
    dated.sort_by_key(|e| (e.date, matches!(e.what, What::Claim(_)), e.article));
    Timeline { dated, undated }
}
