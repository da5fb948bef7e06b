//! The query language of the reader's list filter (`f`, `:filter`),
//! `sitrep list --query` and `sitrep export --query`:
//!
//! ```text
//! raqqa "civilians killed"          words and phrases: in the title or body
//! #priority   tag:priority          a tag on the article or one of its notes
//! force:Daesh                       a force, by any alias (the Islamic State)
//! loc:"Deir Ezzur"   place:Palmyra  a place, by any alias (Deir ez-Zor)
//! source:SOHR                       who a claim is attributed to, by any alias
//! site:levant                       the site the article comes from
//! claim.unit:km2   claim.value>1000 a claim's unit; its value (>, >=, <, <=, =)
//! date:2017-05..2017-06             the article's or a claim's date in a range
//! note:checkpoint                   a note's text
//! grade<=B3                         a claim's source graded B3 or better
//! @raqqa                            the saved query `raqqa` (config.toml)
//! not x   -x   a and b   a b   a or b   ( ... )
//! ```
//!
//! `not` binds tighter than `and`, `and` (also written as nothing between
//! two terms) tighter than `or`. Keywords are `and`/`or`/`not` in lower or
//! upper case; quote one to search for the word.
//!
//! The steps: [`parse`] checks the grammar and each field (errors carry a
//! byte position), [`Query::compile`] expands saved queries and resolves
//! names through the extractor's tables ([`Lexicon`]), and
//! [`Query::matches`] tests one export [`Entry`]. Each atom is tested by a
//! function of its own in [`atoms`], so an index can stand in for any of
//! them.

pub mod atoms;
mod compile;
pub mod date;
pub mod lexicon;
pub mod parse;

use crate::export::Entry;
use crate::model::Grade;
use compile::Node;
pub use compile::{Names, Test};
pub use lexicon::{Kind, Lexicon};
use parse::Raw;
use std::collections::BTreeMap;

/// A comparison in `claim.value>1000` or `grade<=B3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

impl Cmp {
    fn of(op: &str) -> Cmp {
        match op {
            "<" => Cmp::Lt,
            "<=" => Cmp::Le,
            ">=" => Cmp::Ge,
            ">" => Cmp::Gt,
            _ => Cmp::Eq,
        }
    }

    pub fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Eq => a == b,
            Cmp::Ge => a >= b,
            Cmp::Gt => a > b,
        }
    }

    /// Grades compare part by part: `<=` B3 is reliability A or B and
    /// credibility 1 to 3 (at least as good on both); `<` the same but not
    /// B3 itself; `>=`, `>` the other way; `=` (or `:`) exactly.
    pub fn holds_grade(self, g: Grade, q: Grade) -> bool {
        let le = g.reliability() <= q.reliability() && g.credibility() <= q.credibility();
        let ge = g.reliability() >= q.reliability() && g.credibility() >= q.credibility();
        match self {
            Cmp::Lt => le && g != q,
            Cmp::Le => le,
            Cmp::Eq => g == q,
            Cmp::Ge => ge,
            Cmp::Gt => ge && g != q,
        }
    }
}

/// A range of days; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<date::Day>,
    pub to: Option<date::Day>,
}

/// One test, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    Text(String),
    Tag(String),
    Force(String),
    Place(String),
    Source(String),
    Site(String),
    Note(String),
    Unit(String),
    Value(Cmp, f64),
    Date(DateRange),
    Grade(Cmp, Grade),
}

/// A query as written: the grammar's tree with its fields checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Every one holds (the empty query: everything).
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Atom(Atom),
    /// `@name`, at its byte position.
    Saved {
        name: String,
        at: usize,
    },
}

/// Why a query was refused: what, and the byte offset in the query.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at {at}")]
pub struct QueryError {
    pub at: usize,
    pub message: String,
}

impl QueryError {
    pub(crate) fn new(at: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            at,
            message: message.into(),
        }
    }

    /// The query on one line (made safe to print) and a caret under the
    /// error's position, for a terminal.
    pub fn caret(&self, query: &str) -> String {
        use unicode_width::UnicodeWidthStr;
        let at = (0..=self.at.min(query.len()))
            .rev()
            .find(|&i| query.is_char_boundary(i))
            .unwrap_or(0);
        let shown = crate::sanitize::line(query);
        let before = crate::sanitize::line(&query[..at]);
        format!("  {shown}\n  {}^", " ".repeat(before.width()))
    }
}

/// Names that resolve: saved queries and the extractor's aliases.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub lexicon: Lexicon,
    /// `[queries]` of `config.toml`: name -> query.
    pub saved: BTreeMap<String, String>,
}

impl Context {
    pub fn new(lexicon: Lexicon, saved: BTreeMap<String, String>) -> Context {
        Context { lexicon, saved }
    }
}

const FIELDS: &str =
    "tag, force, loc, place, source, site, note, date, claim.unit, claim.value, grade";

/// Parses a query and checks every field and value; saved queries are
/// left as `@name` (see [`Query::compile`]).
pub fn parse(q: &str) -> Result<Expr, QueryError> {
    let raw = parse::parse(q).map_err(|e| QueryError::new(e.at, e.message))?;
    build(raw)
}

fn build(raw: Raw) -> Result<Expr, QueryError> {
    Ok(match raw {
        Raw::Or(v) => Expr::Or(v.into_iter().map(build).collect::<Result<_, _>>()?),
        Raw::And(v) => Expr::And(v.into_iter().map(build).collect::<Result<_, _>>()?),
        Raw::Not(r) => Expr::Not(Box::new(build(*r)?)),
        Raw::Saved { name, at } => Expr::Saved { name, at },
        Raw::Tag { value, at } => {
            if value.is_empty() {
                return Err(QueryError::new(at, "an empty tag"));
            }
            Expr::Atom(Atom::Tag(value))
        }
        Raw::Text { value, at } => {
            if value.trim().is_empty() {
                return Err(QueryError::new(at, "an empty phrase"));
            }
            Expr::Atom(Atom::Text(value))
        }
        Raw::Field {
            field,
            op,
            value,
            at,
            value_at,
        } => Expr::Atom(field_atom(&field, &op, value, at, value_at)?),
    })
}

fn field_atom(
    field: &str,
    op: &str,
    value: String,
    at: usize,
    value_at: usize,
) -> Result<Atom, QueryError> {
    let f = field.to_ascii_lowercase();
    let named = |make: fn(String) -> Atom| -> Result<Atom, QueryError> {
        if op != ":" {
            return Err(QueryError::new(
                at,
                format!("{f} takes ':' ({f}:NAME), not '{op}'"),
            ));
        }
        if value.trim().is_empty() {
            return Err(QueryError::new(value_at, format!("an empty {f}")));
        }
        Ok(make(value.clone()))
    };
    match f.as_str() {
        "tag" => named(Atom::Tag),
        "force" => named(Atom::Force),
        "loc" | "place" => named(Atom::Place),
        "source" => named(Atom::Source),
        "site" => named(Atom::Site),
        "note" => named(Atom::Note),
        "claim.unit" => named(Atom::Unit),
        "claim.value" => {
            let n: f64 = value.replace(',', "").parse().map_err(|_| {
                QueryError::new(
                    value_at,
                    format!("expected a number, not '{}'", crate::sanitize::line(&value)),
                )
            })?;
            Ok(Atom::Value(Cmp::of(op), n))
        }
        "grade" => {
            let g: Grade = value.parse().map_err(|_| {
                QueryError::new(
                    value_at,
                    "expected an Admiralty grade: reliability A-F then credibility 1-6 (B2)",
                )
            })?;
            Ok(Atom::Grade(Cmp::of(op), g))
        }
        "date" => {
            if !matches!(op, ":" | "=") {
                return Err(QueryError::new(
                    at,
                    format!("date takes ':' (date:FROM..TO), not '{op}'"),
                ));
            }
            date_range(&value)
                .map(Atom::Date)
                .ok_or_else(|| {
                    QueryError::new(
                        value_at,
                        "expected a date YYYY[-MM[-DD]] or a range FROM..TO (either end may be left out)",
                    )
                })
        }
        _ => Err(QueryError::new(
            at,
            format!(
                "unknown field '{}' (fields: {FIELDS}); quote the text to search for it",
                crate::sanitize::line(field)
            ),
        )),
    }
}

fn date_range(v: &str) -> Option<DateRange> {
    let (a, b) = match v.split_once("..") {
        Some((a, b)) => (a, b),
        None => (v, v),
    };
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let bound = |s: &str| -> Option<Option<date::Span>> {
        if s.is_empty() {
            Some(None)
        } else {
            date::iso(s).map(Some)
        }
    };
    let (from, to) = (bound(a)?, bound(b)?);
    Some(DateRange {
        from: from.map(|s| s.first),
        to: to.map(|s| s.last),
    })
}

/// A compiled query: saved queries expanded, names resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    root: Node,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            root: Node::And(Vec::new()),
        }
    }
}

impl Query {
    /// Parses and compiles `q`.
    pub fn new(q: &str, ctx: &Context) -> Result<Query, QueryError> {
        Query::compile(&parse(q)?, ctx)
    }

    /// Expands `@name` from the context's saved queries (an unknown name,
    /// or one that leads back to itself, is an error at the `@`) and
    /// resolves names through its lexicon.
    pub fn compile(e: &Expr, ctx: &Context) -> Result<Query, QueryError> {
        Ok(Query {
            root: compile::compile(e, ctx, &mut Vec::new(), None)?,
        })
    }

    /// Whether it matches everything (the empty query).
    pub fn is_empty(&self) -> bool {
        matches!(&self.root, Node::And(v) if v.is_empty())
    }

    pub fn matches(&self, e: &Entry) -> bool {
        compile::eval(&self.root, e)
    }

    /// The articles that can match, from what `answer` says of each test:
    /// a sorted superset of the articles it holds for (exactly them, when
    /// it says so), or `None` when it cannot say (read every article).
    /// Each answer must be such a superset; then so is the result, which
    /// [`Query::matches`] checks unless it is exact.
    pub fn candidates(&self, answer: &dyn Fn(&Test) -> Option<Narrowed>) -> Option<Narrowed> {
        compile::candidates(&self.root, answer)
    }
}

/// Articles a query or one of its tests can match, by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrowed {
    /// Sorted, no repeats.
    pub ids: Vec<u32>,
    /// Every one of them matches (else some may not).
    pub exact: bool,
}
