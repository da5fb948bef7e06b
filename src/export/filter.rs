//! Which entries an export keeps: `--tag` (each must be on the article or
//! on one of its notes) and `--query`, in the query language of
//! [`crate::query`] (the same as the reader's list filter).

use super::Entry;
use crate::query::{Context, Query, QueryError};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Every one must be on the article or one of its notes.
    pub tags: Vec<String>,
    pub query: Query,
}

impl Filter {
    /// `query` parsed and compiled against `ctx` (saved queries, aliases).
    pub fn new(
        tags: Vec<String>,
        query: Option<&str>,
        ctx: &Context,
    ) -> Result<Filter, QueryError> {
        Ok(Filter {
            tags,
            query: match query {
                Some(q) => Query::new(q, ctx)?,
                None => Query::default(),
            },
        })
    }

    pub fn matches(&self, e: &Entry) -> bool {
        let all = e.all_tags();
        self.tags.iter().all(|t| all.contains(t.as_str())) && self.query.matches(e)
    }
}
