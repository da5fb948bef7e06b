//! Builds the plain-text rendering of an article that arrived structured
//! (HTML, feeds, JSON Lines): title, blank line, body paragraphs, then the
//! comment thread, recording where each part lies.

use crate::model::{ByteSpan, Comment};

#[derive(Debug, Default)]
pub struct Rendering {
    pub text: String,
    pub title_span: Option<ByteSpan>,
    pub body: Vec<ByteSpan>,
    pub chrome: Vec<ByteSpan>,
    pub comments: Vec<Comment>,
}

impl Rendering {
    fn push_block(&mut self, block: &str, indent: usize) -> Option<ByteSpan> {
        let block = collapse_ws(block);
        if block.is_empty() {
            return None;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.extend(std::iter::repeat_n(' ', indent));
        let start = self.text.len();
        self.text.push_str(&block);
        Some(ByteSpan::new(start, self.text.len()))
    }

    pub fn title(&mut self, title: &str) {
        self.title_span = self.push_block(title, 0);
    }

    pub fn paragraph(&mut self, para: &str) {
        if let Some(span) = self.push_block(para, 0) {
            self.body.push(span);
        }
    }

    pub fn chrome(&mut self, line: &str) {
        if let Some(span) = self.push_block(line, 0) {
            self.chrome.push(span);
        }
    }

    /// A comment, drawn like the scraped threads: the author on a bullet
    /// line, the text indented below it.
    pub fn comment(&mut self, author: Option<&str>, depth: usize, text: &str) {
        let author = author.map(collapse_ws).filter(|a| !a.is_empty());
        if let Some(a) = &author {
            self.push_block(&format!("\u{2022} {a}"), 2 + 2 * depth);
        }
        if let Some(span) = self.push_block(text, 4 + 2 * depth) {
            self.comments.push(Comment {
                author,
                depth,
                text: span.slice(&self.text).to_string(),
                span,
            });
        }
    }
}

/// Whitespace runs (including newlines inside a block) become one space.
pub fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_their_parts() {
        let mut r = Rendering::default();
        r.title("  Siege  of\nAleppo ");
        r.paragraph("First para.");
        r.chrome("Share this");
        r.comment(Some("Rob"), 1, "A reply");
        assert_eq!(r.title_span.unwrap().slice(&r.text), "Siege of Aleppo");
        assert_eq!(r.body[0].slice(&r.text), "First para.");
        assert_eq!(r.chrome[0].slice(&r.text), "Share this");
        let c = &r.comments[0];
        assert_eq!((c.author.as_deref(), c.depth), (Some("Rob"), 1));
        assert_eq!(c.span.slice(&r.text), "A reply");
    }
}
