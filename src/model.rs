//! The plain data every module speaks: articles as read, and the summary
//! extracted from them. A byte span is the same type in the extractor's
//! output, the store, the highlighter and the exports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;
pub use ustr::Ustr;

/// A half-open byte range `[start, end)` into an article's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Stable id of an article: a content hash, so the same text always has the
/// same id wherever the file lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// 16 hex digits of BLAKE3 over the article's text as read.
    pub fn of_text(text: &str) -> Self {
        let hash = blake3::hash(text.as_bytes());
        ArticleId(hash.to_hex()[..16].to_string())
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The input format an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Feed,
    Jsonl,
}

/// One reader comment below an article. `depth` 0 is a top-level comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub author: Option<String>,
    pub depth: usize,
    pub text: String,
    /// Where the comment's text lies in the article's `text`.
    pub span: ByteSpan,
}

/// An article as read, split into its parts. `text` is what the reader shows
/// and every span points into it. For scraped text and Markdown it is the
/// decoded file (BOM stripped, CRLF normalised); for HTML, feeds and JSON
/// Lines it is a plain-text rendering: the title, a blank line, the body
/// paragraphs, and the comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// The file as given or found; items of a feed or JSON Lines file get
    /// `FILE#N` (N counted from 1).
    pub path: String,
    pub format: Format,
    pub source_site: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub title: String,
    pub title_span: Option<ByteSpan>,
    pub text: String,
    /// The article body, paragraph by paragraph, in reading order.
    pub body: Vec<ByteSpan>,
    /// Site chrome: menus, widgets, captions, share bars, trailers.
    pub chrome: Vec<ByteSpan>,
    pub comments: Vec<Comment>,
}

impl Article {
    /// A plain-text article of one title and one body paragraph, for the
    /// engine's unit tests.
    #[cfg(test)]
    pub(crate) fn for_test(title: &str, body: &str, site: Option<&str>) -> Article {
        let text = format!("{title}\n\n{body}");
        crate::corpus::Draft {
            title: title.into(),
            title_span: Some(ByteSpan::new(0, title.len())),
            body: vec![ByteSpan::new(title.len() + 2, text.len())],
            source_site: site.map(str::to_string),
            text,
            ..Default::default()
        }
        .into_article(String::new(), Format::Text)
    }

    /// The cleaned body: its paragraphs joined by blank lines.
    pub fn body_text(&self) -> String {
        let parts: Vec<&str> = self.body.iter().map(|s| s.slice(&self.text)).collect();
        parts.join("\n\n")
    }

    /// Where the body ends in `text` (0 when there is no body).
    pub fn body_end(&self) -> usize {
        self.body.last().map_or(0, |s| s.end)
    }

    /// The spans the extractor reads: the title (when it lies in `text`),
    /// then the body. Never chrome, never comments.
    pub fn extraction_spans(&self) -> Vec<ByteSpan> {
        let mut spans: Vec<ByteSpan> = self.title_span.into_iter().collect();
        spans.extend(self.body.iter().copied());
        spans
    }
}

/// One occurrence of an entity in an article's text. Its words are the
/// article's own (`text`), never a copy: a corpus holds hundreds of
/// thousands of mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

impl Mention {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Mention { start, end }
    }
    pub fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start, self.end)
    }
    /// The mention as printed in `text`, the article's text. A span that
    /// does not lie in `text` on char boundaries gives "".
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// An armed actor, resolved to one canonical name. Names and kinds come
/// from a small vocabulary, so they are interned ([`Ustr`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Force {
    pub name: Ustr,
    pub kind: Ustr,
    pub mentions: Vec<Mention>,
}

/// A named place; coordinates are null for places the gazetteer lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: Ustr,
    pub kind: Ustr,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<Ustr>,
    pub mentions: Vec<Mention>,
}

/// A quantified assertion and who makes it. The sentence and the
/// quantity are spans of the article's text, read with [`Claim::text`] and
/// [`Claim::quantity`]; units, sources and dates are interned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub value: f64,
    /// The upper bound of a range ("1,000-1,500"); `value` is the lower.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub high: Option<f64>,
    pub unit: Ustr,
    pub source: Option<Ustr>,
    pub date: Option<Ustr>,
    /// The sentence (or clause) that states it.
    pub start: usize,
    pub end: usize,
    /// The number and its unit as printed, within the sentence.
    pub quantity_start: usize,
    pub quantity_end: usize,
}

impl Claim {
    pub fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start, self.end)
    }
    pub fn quantity_span(&self) -> ByteSpan {
        ByteSpan::new(self.quantity_start, self.quantity_end)
    }
    /// The sentence that states the claim, in `text` (the article's). A
    /// span that does not lie in `text` gives "".
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// The number and its unit as printed ("30 km (19 miles)").
    pub fn quantity<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.quantity_start..self.quantity_end)
            .unwrap_or("")
    }
    pub fn source(&self) -> Option<&'static str> {
        self.source.map(|s| s.as_str())
    }
}

/// The structured summary of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub forces: Vec<Force>,
    pub locations: Vec<Location>,
    pub claims: Vec<Claim>,
}

impl Summary {
    /// Gives back the room its lists were built with: a reader holds every
    /// article's summary for the whole session.
    pub fn shrink_to_fit(&mut self) {
        for f in &mut self.forces {
            f.mentions.shrink_to_fit();
        }
        for l in &mut self.locations {
            l.mentions.shrink_to_fit();
        }
        self.forces.shrink_to_fit();
        self.locations.shrink_to_fit();
        self.claims.shrink_to_fit();
    }

    /// The summary as printed, its words read from `text` (the article's).
    pub fn printed(&self, text: &str) -> PrintedSummary {
        let mentions = |ms: &[Mention]| {
            ms.iter()
                .map(|m| PrintedMention {
                    text: m.text(text).to_string(),
                    start: m.start,
                    end: m.end,
                })
                .collect()
        };
        PrintedSummary {
            forces: self
                .forces
                .iter()
                .map(|f| PrintedForce {
                    name: f.name.to_string(),
                    kind: f.kind.to_string(),
                    mentions: mentions(&f.mentions),
                })
                .collect(),
            locations: self
                .locations
                .iter()
                .map(|l| PrintedLocation {
                    name: l.name.to_string(),
                    kind: l.kind.to_string(),
                    lat: l.lat,
                    lon: l.lon,
                    country: l.country.map(|c| c.to_string()),
                    mentions: mentions(&l.mentions),
                })
                .collect(),
            claims: self
                .claims
                .iter()
                .map(|c| PrintedClaim {
                    text: c.text(text).to_string(),
                    value: c.value,
                    high: c.high,
                    unit: c.unit.to_string(),
                    quantity: c.quantity(text).to_string(),
                    source: c.source.map(|s| s.to_string()),
                    date: c.date.map(|d| d.to_string()),
                    start: c.start,
                    end: c.end,
                    quantity_start: c.quantity_start,
                    quantity_end: c.quantity_end,
                })
                .collect(),
        }
    }
}

/// A [`Summary`] as `sitrep extract` and the JSON export print it
/// (EXTRACT-CONTRACT.md): each mention and claim carries its own words,
/// which the summary held in memory leaves in the article's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrintedSummary {
    pub forces: Vec<PrintedForce>,
    pub locations: Vec<PrintedLocation>,
    pub claims: Vec<PrintedClaim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintedForce {
    pub name: String,
    pub kind: String,
    pub mentions: Vec<PrintedMention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintedLocation {
    pub name: String,
    pub kind: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub mentions: Vec<PrintedMention>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrintedClaim {
    pub text: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub high: Option<f64>,
    pub unit: String,
    pub quantity: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub start: usize,
    pub end: usize,
    pub quantity_start: usize,
    pub quantity_end: usize,
}

/// Where an input file went, when it did not become articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skipped {}: {}", self.path.display(), self.reason)
    }
}

/// An Admiralty (NATO STANAG 2511) grade of a claim's source: how reliable
/// the source is, `A` (completely reliable) to `F` (cannot be judged), and
/// how credible the information is, `1` (confirmed) to `6` (cannot be
/// judged). Written as two characters, `B2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Grade {
    /// `b'A'..=b'F'`.
    reliability: u8,
    /// `1..=6`.
    credibility: u8,
}

impl Grade {
    pub fn new(reliability: char, credibility: u8) -> Option<Grade> {
        let r = reliability.to_ascii_uppercase();
        (('A'..='F').contains(&r) && (1..=6).contains(&credibility)).then_some(Grade {
            reliability: r as u8,
            credibility,
        })
    }
    /// `'A'..='F'`.
    pub fn reliability(self) -> char {
        self.reliability as char
    }
    /// `1..=6`.
    pub fn credibility(self) -> u8 {
        self.credibility
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.reliability(), self.credibility)
    }
}

impl std::str::FromStr for Grade {
    type Err = String;
    fn from_str(s: &str) -> Result<Grade, String> {
        let t = s.trim();
        let mut cs = t.chars();
        let grade = match (cs.next(), cs.next(), cs.next()) {
            (Some(r), Some(c), None) => c.to_digit(10).and_then(|c| Grade::new(r, c as u8)),
            _ => None,
        };
        grade.ok_or_else(|| {
            format!(
                "not an Admiralty grade: {:?} (reliability A-F then credibility 1-6, e.g. B2)",
                crate::sanitize::line(t)
            )
        })
    }
}

impl TryFrom<String> for Grade {
    type Error = String;
    fn try_from(s: String) -> Result<Grade, String> {
        s.parse()
    }
}

impl From<Grade> for String {
    fn from(g: Grade) -> String {
        g.to_string()
    }
}
