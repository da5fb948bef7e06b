//! Across the corpus: what one article cannot tell. Duplicates (the same
//! story carried by several sites) are found first, so that everything
//! after counts a story once: the entity index, the conflicting claims and
//! the timeline. Pure functions over the corpus and its summaries (plus the
//! analyst's corrections): the CLI and the reader share them.

pub mod conflicts;
pub mod dates;
pub mod duplicates;
pub mod entities;
pub mod timeline;

use crate::model::{Article, Summary};
use crate::store::Correction;

/// Everything the cross-corpus views show, computed once per corpus.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub stories: duplicates::Stories,
    pub entities: Vec<entities::Entity>,
    pub conflicts: Vec<conflicts::Conflict>,
    pub timeline: timeline::Timeline,
}

/// Runs every cross-corpus pass. `corrections` add the places and forces
/// the analyst added, and drop those marked wrong, from the entity index.
pub fn analyse(
    articles: &[Article],
    summaries: &[Summary],
    corrections: &[Correction],
) -> Analysis {
    analyse_with(
        articles,
        summaries,
        corrections,
        duplicates::group(articles),
    )
}

/// [`analyse`], with the stories already grouped (see
/// [`duplicates::group_signatures`]).
pub fn analyse_with(
    articles: &[Article],
    summaries: &[Summary],
    corrections: &[Correction],
    stories: duplicates::Stories,
) -> Analysis {
    Analysis {
        entities: entities::index(articles, summaries, &stories, corrections),
        conflicts: conflicts::find(articles, summaries, &stories),
        timeline: timeline::build(articles, summaries, &stories),
        stories,
    }
}
