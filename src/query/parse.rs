//! The grammar, in winnow combinators, to a raw tree of terms; each term's
//! field and value are checked afterwards (`super::build`), where the
//! messages can name them.
//!
//! ```text
//! query   = ws [ or ] ws EOF
//! or      = and { ws ("or" | "OR") ws and }
//! and     = unary { ws [ ("and" | "AND") ws ] unary }
//! unary   = ("not" | "NOT") ws unary | "-" unary | primary
//! primary = "(" ws or ws ")" | term
//! term    = "@" NAME | "#" value | FIELD OP value | "\"" PHRASE "\"" | WORD
//! OP      = ":" | ">=" | "<=" | ">" | "<" | "="
//! value   = "\"" PHRASE "\"" | WORD
//! ```

use std::ops::Range;
use winnow::ascii::{multispace0, multispace1};
use winnow::combinator::{alt, cut_err, delimited, eof, not, opt, peek, preceded, repeat};
use winnow::error::{ContextError, ErrMode, StrContext, StrContextValue};
use winnow::prelude::*;
use winnow::stream::LocatingSlice;
use winnow::token::{take_till, take_while};

type Input<'a> = LocatingSlice<&'a str>;

/// A term as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Or(Vec<Raw>),
    And(Vec<Raw>),
    Not(Box<Raw>),
    /// `@name`.
    Saved {
        name: String,
        at: usize,
    },
    /// `#tag`.
    Tag {
        value: String,
        at: usize,
    },
    /// `field OP value`; `at` is where the field starts, `value_at` where
    /// the value does.
    Field {
        field: String,
        op: String,
        value: String,
        at: usize,
        value_at: usize,
    },
    /// A word or a quoted phrase.
    Text {
        value: String,
        at: usize,
    },
}

/// Why the grammar refused a query: where, and what it wanted there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
}

pub fn parse(q: &str) -> Result<Raw, SyntaxError> {
    query.parse(LocatingSlice::new(q)).map_err(|e| {
        let at = e.offset();
        let wanted = e.inner().context().find_map(|c| match c {
            StrContext::Expected(v) => Some(match v {
                StrContextValue::CharLiteral(c) => format!("expected '{c}'"),
                StrContextValue::StringLiteral(s) => format!("expected '{s}'"),
                StrContextValue::Description(d) => format!("expected {d}"),
                _ => "unexpected text".to_string(),
            }),
            _ => None,
        });
        let message = wanted.unwrap_or_else(|| match q[at..].chars().next() {
            Some(')') => "unmatched ')'".to_string(),
            Some(c) => format!("unexpected '{c}'"),
            None => "unexpected end of query".to_string(),
        });
        SyntaxError { at, message }
    })
}

fn expected(what: &'static str) -> StrContext {
    StrContext::Expected(StrContextValue::Description(what))
}

fn query(i: &mut Input<'_>) -> ModalResult<Raw> {
    let _ = multispace0.parse_next(i)?;
    let e = opt(or_expr).parse_next(i)?;
    let _ = multispace0.parse_next(i)?;
    eof.parse_next(i)?;
    Ok(e.unwrap_or(Raw::And(Vec::new())))
}

/// A keyword: the word itself, in lower or upper case, then not a word
/// character ("order" is a word, not "or" then "der").
fn keyword<'a>(
    lower: &'static str,
    upper: &'static str,
) -> impl Parser<Input<'a>, (), ErrMode<ContextError>> {
    (
        alt((lower, upper)),
        peek(alt((
            multispace1.void(),
            "(".void(),
            "\"".void(),
            eof.void(),
        ))),
    )
        .void()
}

fn or_expr(i: &mut Input<'_>) -> ModalResult<Raw> {
    let first = and_expr.parse_next(i)?;
    let rest: Vec<Raw> = repeat(
        0..,
        preceded(
            (multispace0, keyword("or", "OR"), multispace0),
            cut_err(and_expr).context(expected("a term after 'or'")),
        ),
    )
    .parse_next(i)?;
    Ok(if rest.is_empty() {
        first
    } else {
        Raw::Or(std::iter::once(first).chain(rest).collect())
    })
}

fn and_expr(i: &mut Input<'_>) -> ModalResult<Raw> {
    let first = unary.parse_next(i)?;
    let rest: Vec<Raw> = repeat(
        0..,
        alt((
            preceded(
                (multispace0, keyword("and", "AND"), multispace0),
                cut_err(unary).context(expected("a term after 'and'")),
            ),
            preceded(multispace1, unary),
        )),
    )
    .parse_next(i)?;
    Ok(if rest.is_empty() {
        first
    } else {
        Raw::And(std::iter::once(first).chain(rest).collect())
    })
}

fn unary(i: &mut Input<'_>) -> ModalResult<Raw> {
    alt((
        preceded(
            (keyword("not", "NOT"), multispace0),
            cut_err(unary).context(expected("a term after 'not'")),
        )
        .map(|r| Raw::Not(Box::new(r))),
        preceded(
            ("-", peek(not(alt((multispace1.void(), eof.void()))))),
            cut_err(unary).context(expected("a term after '-'")),
        )
        .map(|r| Raw::Not(Box::new(r))),
        primary,
    ))
    .parse_next(i)
}

fn primary(i: &mut Input<'_>) -> ModalResult<Raw> {
    alt((
        delimited(
            ("(", multispace0),
            cut_err(or_expr).context(expected("a term after '('")),
            (
                multispace0,
                cut_err(")").context(StrContext::Expected(')'.into())),
            ),
        ),
        term,
    ))
    .parse_next(i)
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '(' | ')' | '"')
}

/// A bare word: not a keyword, so `a or b` is not three words.
fn word(i: &mut Input<'_>) -> ModalResult<String> {
    take_while(1.., is_word_char)
        .verify(|w: &str| !["and", "or", "not", "AND", "OR", "NOT"].contains(&w))
        .map(str::to_string)
        .parse_next(i)
}

fn phrase(i: &mut Input<'_>) -> ModalResult<String> {
    preceded(
        "\"",
        cut_err((
            take_till(0.., '"'),
            "\"".context(expected("a closing '\"'")),
        )),
    )
    .map(|(s, _): (&str, &str)| s.to_string())
    .parse_next(i)
}

fn value(i: &mut Input<'_>) -> ModalResult<(String, usize)> {
    alt((phrase, take_while(1.., is_word_char).map(str::to_string)))
        .with_span()
        .map(|(v, r): (String, Range<usize>)| (v, r.start))
        .parse_next(i)
}

fn term(i: &mut Input<'_>) -> ModalResult<Raw> {
    alt((
        preceded(
            "@",
            cut_err(take_while(1.., |c: char| {
                c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
            }))
            .context(expected("a saved query's name after '@'")),
        )
        .with_span()
        .map(|(n, r): (&str, Range<usize>)| Raw::Saved {
            name: n.to_string(),
            at: r.start,
        }),
        preceded("#", cut_err(value).context(expected("a tag after '#'")))
            .with_span()
            .map(|((v, _), r)| Raw::Tag {
                value: v,
                at: r.start,
            }),
        field,
        phrase.with_span().map(|(v, r)| Raw::Text {
            value: v,
            at: r.start,
        }),
        word.with_span().map(|(v, r)| Raw::Text {
            value: v,
            at: r.start,
        }),
    ))
    .parse_next(i)
}

fn field(i: &mut Input<'_>) -> ModalResult<Raw> {
    let (name, r) = take_while(1.., |c: char| {
        c.is_ascii_alphabetic() || c == '.' || c == '_'
    })
    .with_span()
    .parse_next(i)?;
    let op = alt((":", ">=", "<=", ">", "<", "=")).parse_next(i)?;
    let (v, value_at) = cut_err(value)
        .context(expected("a value after the field"))
        .parse_next(i)?;
    Ok(Raw::Field {
        field: name.to_string(),
        op: op.to_string(),
        value: v,
        at: r.start,
        value_at,
    })
}
