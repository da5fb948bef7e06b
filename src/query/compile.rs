//! From a query as written to one ready to run: saved queries expanded
//! (with their errors placed at the `@`), names resolved through the
//! lexicon, each atom a [`Test`] for [`super::atoms`].

use super::{atoms, Atom, Cmp, Context, DateRange, Expr, Kind, Lexicon, Narrowed, QueryError};
use crate::export::Entry;
use crate::model::Grade;
use std::collections::BTreeSet;

/// A name to look for: its folded form, and every folded form of what it
/// resolves to (empty when nothing does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub key: String,
    pub forms: BTreeSet<String>,
}

/// One test, ready to run on an entry (see [`atoms`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// Lower-cased.
    Text(String),
    Tag(String),
    Force(Names),
    Place(Names),
    Source(Names),
    /// Folded.
    Site(String),
    /// Lower-cased.
    Note(String),
    /// Lower-cased.
    Unit(String),
    Value(Cmp, f64),
    Date(DateRange),
    Grade(Cmp, Grade),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Test(Test),
}

/// `stack`: the saved queries being expanded, outermost first; `outer`:
/// where the outermost `@` is in the query as typed (errors inside a saved
/// query point there).
pub(crate) fn compile(
    e: &Expr,
    ctx: &Context,
    stack: &mut Vec<String>,
    outer: Option<usize>,
) -> Result<Node, QueryError> {
    let all = |v: &[Expr], stack: &mut Vec<String>| -> Result<Vec<Node>, QueryError> {
        v.iter().map(|x| compile(x, ctx, stack, outer)).collect()
    };
    Ok(match e {
        Expr::And(v) => Node::And(all(v, stack)?),
        Expr::Or(v) => Node::Or(all(v, stack)?),
        Expr::Not(x) => Node::Not(Box::new(compile(x, ctx, stack, outer)?)),
        Expr::Saved { name, at } => {
            let here = outer.unwrap_or(*at);
            if stack.contains(name) {
                let chain: Vec<String> = stack
                    .iter()
                    .skip_while(|n| *n != name)
                    .chain([name])
                    .map(|n| format!("@{n}"))
                    .collect();
                return Err(QueryError::new(
                    here,
                    format!(
                        "saved query @{name} refers to itself ({})",
                        chain.join(" → ")
                    ),
                ));
            }
            let text = ctx.saved.get(name).ok_or_else(|| {
                let known: Vec<String> = ctx.saved.keys().map(|k| format!("@{k}")).collect();
                QueryError::new(
                    here,
                    format!(
                        "no saved query @{name} ({})",
                        if known.is_empty() {
                            "config.toml has no [queries]".to_string()
                        } else {
                            format!("saved: {}", known.join(" "))
                        }
                    ),
                )
            })?;
            let inner = super::parse(text)
                .map_err(|err| QueryError::new(here, format!("in saved query @{name}: {err}")))?;
            stack.push(name.clone());
            let node = compile(&inner, ctx, stack, Some(here));
            stack.pop();
            node?
        }
        Expr::Atom(a) => Node::Test(test(a, &ctx.lexicon)),
    })
}

fn names(lex: &Lexicon, kinds: &[Kind], v: &str) -> Names {
    let mut forms = BTreeSet::new();
    for &k in kinds {
        forms.extend(lex.forms(k, v));
    }
    Names {
        key: crate::extract::fold::key(v),
        forms,
    }
}

fn test(a: &Atom, lex: &Lexicon) -> Test {
    match a {
        Atom::Text(t) => Test::Text(t.to_lowercase()),
        Atom::Tag(t) => Test::Tag(t.clone()),
        Atom::Force(v) => Test::Force(names(lex, &[Kind::Force], v)),
        Atom::Place(v) => Test::Place(names(lex, &[Kind::Place], v)),
        Atom::Source(v) => Test::Source(names(lex, &[Kind::Source, Kind::Force], v)),
        Atom::Site(v) => Test::Site(crate::extract::fold::key(v)),
        Atom::Note(v) => Test::Note(v.to_lowercase()),
        Atom::Unit(v) => Test::Unit(v.to_lowercase()),
        Atom::Value(c, n) => Test::Value(*c, *n),
        Atom::Date(r) => Test::Date(*r),
        Atom::Grade(c, g) => Test::Grade(*c, *g),
    }
}

pub(crate) fn eval(n: &Node, e: &Entry) -> bool {
    match n {
        Node::And(v) => v.iter().all(|x| eval(x, e)),
        Node::Or(v) => v.iter().any(|x| eval(x, e)),
        Node::Not(x) => !eval(x, e),
        Node::Test(t) => atoms::test(t, e),
    }
}

/// See [`super::Query::candidates`]: `and` intersects what its parts can
/// narrow, `or` unites when every part narrows, `not` narrows nothing. The
/// result is exact when every part is answered, exactly.
pub(crate) fn candidates(n: &Node, answer: &dyn Fn(&Test) -> Option<Narrowed>) -> Option<Narrowed> {
    match n {
        Node::Test(t) => answer(t),
        Node::Not(_) => None,
        Node::And(v) => {
            let parts: Vec<Narrowed> = v.iter().filter_map(|x| candidates(x, answer)).collect();
            let exact = parts.len() == v.len() && parts.iter().all(|p| p.exact);
            let ids = parts.into_iter().map(|p| p.ids).reduce(|a, b| {
                let mut keep = Vec::with_capacity(a.len().min(b.len()));
                let (mut i, mut j) = (0, 0);
                while i < a.len() && j < b.len() {
                    match a[i].cmp(&b[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            keep.push(a[i]);
                            i += 1;
                            j += 1;
                        }
                    }
                }
                keep
            })?;
            Some(Narrowed { ids, exact })
        }
        Node::Or(v) => {
            let mut ids = Vec::new();
            let mut exact = true;
            for x in v {
                let part = candidates(x, answer)?;
                exact &= part.exact;
                ids.extend(part.ids);
            }
            ids.sort_unstable();
            ids.dedup();
            Some(Narrowed { ids, exact })
        }
    }
}
