//! Splitting scraped text into title, body, site chrome and the reader
//! comment thread. Rules are written for the genre (partisan sites, wires,
//! blogs as scraped to text), not for particular files: donation widgets,
//! glued category menus, captions that repeat the headline, share bars,
//! cookie banners, bylines, "Related" link lists, and the trailers that end
//! an article body ("Do you like this content?", "Leave a Reply", "N
//! comments", a bulleted comment thread).

use super::Draft;
use crate::model::{ByteSpan, Comment};
use regex::Regex;
use std::sync::LazyLock;

/// One line of the input, with its offsets in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// Start of the line (its indentation included).
    pub start: usize,
    /// Where the content starts, after the indentation.
    pub content_start: usize,
    pub end: usize,
    /// Indentation in characters.
    pub indent: usize,
    pub content: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
    fn span(&self) -> ByteSpan {
        ByteSpan::new(self.content_start, self.end)
    }
}

pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split('\n') {
        let end = start + raw.len();
        let trimmed_start = raw.trim_start();
        let indent_bytes = raw.len() - trimmed_start.len();
        let content = trimmed_start.trim_end();
        out.push(Line {
            start,
            content_start: start + indent_bytes,
            end: start + indent_bytes + content.len(),
            indent: raw[..indent_bytes]
                .chars()
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum(),
            content,
        });
        start = end + 1;
    }
    out
}

/// What a line of scraped text is, seen on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Ordinary text: title or body.
    Text,
    /// Site chrome that can sit anywhere (widgets, captions, share bars).
    Chrome,
    /// A heading over a list of links ("Related", "Read more"): the short
    /// lines that follow are chrome too.
    LinkListHeading,
    /// Ends the article body: everything after is trailer or comments.
    Trailer,
}

static DONATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[$€£]\s*[\d][\d,.\s]*|[\d][\d,.\s]*\s*[$€£])$").unwrap());
static GLUED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Ll}\p{Lu}").unwrap());
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|posted by|author:)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|al|bin|van|von))*\s*(?:[,|/–—-].{0,60})?$").unwrap()
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(?:(?:published|posted|updated|last\ updated)(?:\ on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?
        (?:\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2})?)?
         |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
         |\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})
        (?:\s*(?:[-–—|,]|at)?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$")
    .unwrap()
});
static DATE_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b").unwrap()
});
static COUNT_TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+|no|one)\s+(?:comments?|responses?|replies|thoughts on\b.*)$").unwrap()
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{L} .,'’-]{1,50}\((Reuters|AP|AFP|Anadolu|UPI|dpa|Xinhua|TASS|SANA|AA)\)\s*[-–—]")
        .unwrap()
});

/// Whole-line chrome, compared case-insensitively after trimming trailing
/// punctuation.
const CHROME_EXACT: &[&str] = &[
    "advertisement",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "tweet",
    "print",
    "email",
    "whatsapp",
    "telegram",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "copy link",
    "skip to content",
    "skip to main content",
    "menu",
    "search",
    "home",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "loading",
    "loading...",
    "listen to this article",
    "post navigation",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "accept",
    "accept all",
    "accept cookies",
    "reject all",
    "manage cookies",
    "cookie settings",
    "privacy policy",
    "terms of use",
    "terms of service",
    "video",
    "map",
    "photo",
    "gallery",
    "watch",
    "breaking",
    "breaking news",
    "latest",
    "latest news",
    "top stories",
    "editor's picks",
];

/// Prefixes that make a whole line chrome.
const CHROME_PREFIX: &[&str] = &[
    "click to see the full-size",
    "click to see full-size",
    "click to enlarge",
    "click here to enlarge",
    "click to expand",
    "click here to",
    "share on ",
    "share via ",
    "our standards",
    "sign up to",
    "read the full",
    "follow the latest",
    "for more news",
    "get the latest",
    "related:",
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "more:",
    "tags:",
    "tagged:",
    "filed under",
    "categories:",
    "category:",
    "share this:",
    "follow us on",
    "follow us:",
    "join us on telegram",
    "subscribe to our",
    "sign up for our",
    "support us",
    "donate",
    "photo:",
    "photo credit",
    "image:",
    "image credit",
    "file photo",
    "source:",
    "featured image",
    "copyright ©",
    "copyright (c)",
    "©",
    "all rights reserved",
    "your email address will not be published",
    "required fields are marked",
    "this article was originally published",
    "this article originally appeared",
    "the views expressed",
    "min read",
];

/// Lines that end the body; everything after them is trailer or comments.
const TRAILER_PREFIX: &[&str] = &[
    "do you like this content",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "join the discussion",
    "join the conversation",
    "show comments",
    "load comments",
    "view comments",
    "comments are closed",
    "back to top button",
    "you might also like",
    "you may also like",
    "you may have missed",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "more stories",
    "more from",
    "recommended for you",
    "read next",
    "most read",
    "most popular",
    "popular posts",
    "trending now",
    "about the author",
];

const TRAILER_EXACT: &[&str] = &["comments", "discussion", "reader comments", "responses"];

const LINK_LIST_HEADINGS: &[&str] = &["related", "read more", "read also", "see also", "more"];

pub(crate) fn classify(content: &str) -> LineKind {
    // Markdown emphasis and heading marks do not change what a line is.
    let content = content
        .trim_start_matches(['#', ' '])
        .trim_matches(['*', '_']);
    let lower = content.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '!', ' ', '\u{2026}', '»', '›', '>']);
    if TRAILER_EXACT.contains(&bare)
        || TRAILER_PREFIX.iter().any(|p| lower.starts_with(p))
        || COUNT_TRAILER.is_match(bare)
    {
        return LineKind::Trailer;
    }
    if LINK_LIST_HEADINGS.contains(&bare) {
        return LineKind::LinkListHeading;
    }
    if CHROME_EXACT.contains(&bare)
        || CHROME_PREFIX.iter().any(|p| lower.starts_with(p))
        || DONATION.is_match(content)
        || is_glued_menu(content)
        || is_cookie_banner(&lower)
        || is_breadcrumb(content)
        || (content.chars().count() < 90 && BYLINE.is_match(content))
        || DATE_LINE.is_match(content)
    {
        return LineKind::Chrome;
    }
    LineKind::Text
}

/// Category menus scraped into one line: "Latest developmentsMiddle
/// EastOthersWorld News" (words glued lower-to-upper, no sentence).
fn is_glued_menu(content: &str) -> bool {
    let glued = GLUED
        .find_iter(content)
        .filter(|m| {
            // "McDonald", "iPhone", "al-Assad": not menu glue.
            let before = &content[..m.start()];
            let word_start = before
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + 1);
            m.start() + 1 - word_start > 2
        })
        .count();
    glued >= 2 && !content.ends_with(['.', '!', '?', '"', '\u{201d}'])
}

fn is_cookie_banner(lower: &str) -> bool {
    lower.contains("cookie")
        && (lower.contains("we use")
            || lower.contains("this site uses")
            || lower.contains("this website uses")
            || lower.contains("accept")
            || lower.contains("consent")
            || lower.contains("by continuing"))
}

fn is_breadcrumb(content: &str) -> bool {
    let seps = content.matches(['»', '›']).count() + content.matches(" > ").count();
    seps >= 2 && content.chars().count() < 120
}

/// A comment bullet: "• Name", "◦ text", "- text", "* text".
pub(crate) fn bullet(content: &str) -> Option<&str> {
    for b in ['•', '◦', '▪', '‣', '·', '-', '*'] {
        if let Some(rest) = content.strip_prefix(b) {
            if rest.starts_with([' ', '\t']) {
                return Some(rest.trim_start());
            }
        }
    }
    None
}

/// A bullet line that names a comment's author: short, not a sentence,
/// and followed by more deeply indented text that is not another bullet.
fn is_author_line(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let Some(name) = bullet(l.content) else {
        return false;
    };
    if name.chars().count() > 60 || name.split_whitespace().count() > 6 {
        return false;
    }
    match lines[i + 1..].iter().find(|n| !n.is_blank()) {
        Some(next) => next.indent > l.indent && bullet(next.content).is_none(),
        None => false,
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits scraped plain text.
pub fn split(text: &str) -> Draft {
    let ls = lines(text);
    split_from(text, &ls, 0, None)
}

/// Splits from line `first` on; `title` is set when the caller already
/// found it (Markdown's `# ` heading).
pub(crate) fn split_from(text: &str, ls: &[Line], first: usize, title: Option<ByteSpan>) -> Draft {
    let mut d = Draft {
        text: text.to_string(),
        ..Draft::default()
    };
    let mut i = first;
    // The head: chrome until the headline.
    if let Some(t) = title {
        d.title_span = Some(t);
    } else {
        while i < ls.len() {
            let l = &ls[i];
            if l.is_blank() {
                i += 1;
                continue;
            }
            match classify(l.content) {
                LineKind::Text if is_headline(l.content) => {
                    d.title_span = Some(l.span());
                    i += 1;
                    break;
                }
                LineKind::Text if l.content.chars().count() > 300 => break,
                LineKind::Trailer => break,
                _ => {
                    note_date(&mut d, l.content);
                    d.chrome.push(l.span());
                    i += 1;
                }
            }
        }
    }
    if let Some(t) = d.title_span {
        d.title = collapse(t.slice(text));
    }
    let title_key = d.title.to_lowercase();

    // The body, until a trailer or the comment thread.
    let mut in_link_list = false;
    let mut para: Option<ByteSpan> = None;
    let flush = |para: &mut Option<ByteSpan>, d: &mut Draft| {
        if let Some(p) = para.take() {
            d.body.push(p);
        }
    };
    while i < ls.len() {
        let l = &ls[i];
        if l.is_blank() {
            flush(&mut para, &mut d);
            i += 1;
            continue;
        }
        if l.indent > 0 && is_author_line(ls, i) {
            break;
        }
        let kind = classify(l.content);
        if kind == LineKind::Trailer {
            break;
        }
        let is_link = in_link_list
            && l.content.chars().count() < 160
            && !l.content.ends_with(['.', '"', '\u{201d}']);
        let repeats_title =
            !title_key.is_empty() && collapse(l.content).to_lowercase() == title_key;
        if kind != LineKind::Text || is_link || repeats_title {
            flush(&mut para, &mut d);
            if kind == LineKind::Chrome {
                note_date(&mut d, l.content);
            }
            in_link_list = kind == LineKind::LinkListHeading || (is_link && in_link_list);
            d.chrome.push(l.span());
            i += 1;
            continue;
        }
        in_link_list = false;
        para = Some(match para {
            Some(p) => ByteSpan::new(p.start, l.end),
            None => l.span(),
        });
        i += 1;
    }
    flush(&mut para, &mut d);
    trim_body_tail(&mut d, text);
    if let Some(first) = d.body.first() {
        if let Some(c) = DATELINE.captures(first.slice(text)) {
            d.source_site = Some(c[1].to_string());
        }
    }
    if d.source_site.is_none() && text.contains("Do you like this content? Consider helping us!") {
        d.source_site = Some("SouthFront".into());
    }

    // The rest: trailer chrome and the comment thread.
    let (comments, chrome) = parse_comments(ls, i);
    d.comments = comments;
    d.chrome.extend(chrome);
    d.chrome.sort();
    d
}

/// A headline: several words, not a sentence-long paragraph.
fn is_headline(content: &str) -> bool {
    let n = content.chars().count();
    (12..=300).contains(&n) && content.split_whitespace().count() >= 3
}

fn note_date(d: &mut Draft, content: &str) {
    if d.date.is_none() {
        if let Some(m) = DATE_IN.find(content) {
            d.date = Some(m.as_str().to_string());
        }
    }
}

/// Body-final paragraphs that are a sign-off, a credit or a stray widget
/// label rather than article text are moved to chrome.
fn trim_body_tail(d: &mut Draft, text: &str) {
    while d.body.len() > 1 {
        let last = *d.body.last().expect("non-empty");
        let s = last.slice(text);
        let lower = s.to_lowercase();
        let credit = (lower.starts_with('(') && lower.ends_with(')') && s.len() < 80)
            || lower.trim_start_matches('(').starts_with("reporting by")
            || lower.trim_start_matches('(').starts_with("editing by")
            || lower.starts_with("additional reporting by")
            || lower.contains("contributed to this report")
            || lower.contains("contributed reporting")
            || lower.starts_with("writing by");
        let stray = s.chars().count() < 60
            && !s.contains('\n')
            && !s
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ')', ':']);
        if !(credit || stray) {
            break;
        }
        d.body.pop();
        d.chrome.push(last);
    }
}

/// Parses a comment thread drawn with bullets and indentation. Depth comes
/// from the bullet's indentation relative to the enclosing comments; a
/// bullet followed directly by text is a comment without an author line,
/// and an indented block with no bullet is one too (unless it continues the
/// comment above it at the same indentation).
pub(crate) fn parse_comments(ls: &[Line], from: usize) -> (Vec<Comment>, Vec<ByteSpan>) {
    let mut comments: Vec<Comment> = Vec::new();
    let mut chrome = Vec::new();
    // Bullet indentation of the open comments, outermost first.
    let mut stack: Vec<usize> = Vec::new();
    // Text indentation of the comment being read, and its bullet indent.
    let mut current: Option<(usize, usize)> = None;
    let mut text_offset = 2usize;
    let mut pending_author: Option<(String, usize)> = None;
    let mut i = from;
    while i < ls.len() {
        let l = &ls[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        let open = |stack: &mut Vec<usize>, bullet_indent: usize| -> usize {
            while stack.last().is_some_and(|&b| b >= bullet_indent) {
                stack.pop();
            }
            stack.push(bullet_indent);
            stack.len() - 1
        };
        if let Some(rest) = bullet(l.content) {
            if l.indent > 0 || !comments.is_empty() || pending_author.is_some() || from > 0 {
                if is_author_line(ls, i) {
                    pending_author = Some((collapse(rest), l.indent));
                    current = None;
                } else {
                    let depth = open(&mut stack, l.indent);
                    let start = l.end - rest.len();
                    comments.push(Comment {
                        author: None,
                        depth,
                        text: rest.to_string(),
                        span: ByteSpan::new(start, l.end),
                    });
                    current = Some((l.indent + text_offset, l.indent));
                    pending_author = None;
                }
                i += 1;
                continue;
            }
        }
        if let Some((author, bullet_indent)) = pending_author.take() {
            if l.indent > bullet_indent {
                text_offset = l.indent - bullet_indent;
                let depth = open(&mut stack, bullet_indent);
                comments.push(Comment {
                    author: Some(author),
                    depth,
                    text: l.content.to_string(),
                    span: l.span(),
                });
                current = Some((l.indent, bullet_indent));
                i += 1;
                continue;
            }
        }
        let kind = classify(l.content);
        if l.indent == 0 && kind != LineKind::Text {
            chrome.push(l.span());
            current = None;
            i += 1;
            continue;
        }
        match current {
            Some((text_indent, _)) if l.indent == text_indent => {
                if let Some(c) = comments.last_mut() {
                    c.span = ByteSpan::new(c.span.start, l.end);
                    c.text.push('\n');
                    c.text.push_str(l.content);
                }
            }
            _ if l.indent > 0 && (!comments.is_empty() || !stack.is_empty()) => {
                // A reply whose author line is missing.
                let bullet_indent = l.indent.saturating_sub(text_offset);
                let depth = open(&mut stack, bullet_indent);
                comments.push(Comment {
                    author: None,
                    depth,
                    text: l.content.to_string(),
                    span: l.span(),
                });
                current = Some((l.indent, bullet_indent));
            }
            _ => {
                chrome.push(l.span());
                current = None;
            }
        }
        i += 1;
    }
    (comments, chrome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(d: &Draft) -> Vec<&str> {
        d.body.iter().map(|s| s.slice(&d.text)).collect()
    }

    #[test]
    fn donation_widget_and_glued_menu_are_chrome() {
        assert_eq!(classify("0 $"), LineKind::Chrome);
        assert_eq!(classify("2,350 $"), LineKind::Chrome);
        assert_eq!(
            classify("Latest newsMiddle EastAnalysisVideos"),
            LineKind::Chrome
        );
        assert_eq!(classify("McDonald said the army moved."), LineKind::Text);
        assert_eq!(
            classify("The iPhone footage shows the SAA."),
            LineKind::Text
        );
    }

    #[test]
    fn genre_chrome_lines() {
        for l in [
            "Click to see the full-size map",
            "By Jane Roe, Staff Writer",
            "Share this:",
            "Tags: Syria, ISIS, Deir Ezzor",
            "We use cookies to improve your experience. Accept",
            "Home » World » Middle East",
            "March 3, 2018",
            "Published on 2019-04-02 14:30",
            "Advertisement",
        ] {
            assert_eq!(classify(l), LineKind::Chrome, "{l}");
        }
        for l in [
            "Do you like this content? Consider helping us!",
            "Leave a Reply",
            "14 Comments",
            "You might also like",
        ] {
            assert_eq!(classify(l), LineKind::Trailer, "{l}");
        }
        assert_eq!(classify("Related"), LineKind::LinkListHeading);
        assert_eq!(
            classify("By the end of the day, the army had entered the town."),
            LineKind::Text
        );
    }

    #[test]
    fn title_body_and_trailer() {
        let t = "0 $\n1,200 $\n\nArmy Enters Town Of Hajin After Long Siege\n\n\
                 The army entered Hajin on Monday.\n\nArmy Enters Town Of Hajin After Long Siege\n\n\
                 Click to see the full-size map\n\nFighting continued near the river.\n\n\
                 Leave a Reply\n\nYour email address will not be published.\n";
        let d = split(t);
        assert_eq!(d.title, "Army Enters Town Of Hajin After Long Siege");
        assert_eq!(
            body(&d),
            [
                "The army entered Hajin on Monday.",
                "Fighting continued near the river."
            ]
        );
        assert!(d.comments.is_empty());
        assert_eq!(d.chrome.len(), 6);
    }

    #[test]
    fn related_link_list_is_chrome_until_prose() {
        let t = "Rebels Shell Outskirts Of Hama Overnight\n\nShells fell on two districts.\n\n\
                 Related\n\nSiege of Aleppo: a timeline\n\nWho controls Idlib\n\n\
                 Residents said the power was cut.\n";
        let d = split(t);
        assert_eq!(
            body(&d),
            [
                "Shells fell on two districts.",
                "Residents said the power was cut."
            ]
        );
    }

    #[test]
    fn comment_tree_with_missing_author_lines() {
        let t = "Title Of The Piece Here\n\nBody text.\n\n\n\
                 \x20 • Alice\n\n    Top comment.\n\n      A reply with no author line.\n\n\
                 \x20     • Bob\n\n        Bob replies.\n        Second line.\n\n\
                 \x20       • Bullet text straight away\n\n\
                 \x20 • Carol\n\n    Another top.\n";
        let d = split(t);
        assert_eq!(body(&d), ["Body text."]);
        let got: Vec<(Option<&str>, usize, &str)> = d
            .comments
            .iter()
            .map(|c| (c.author.as_deref(), c.depth, c.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Alice"), 0, "Top comment."),
                (None, 1, "A reply with no author line."),
                (Some("Bob"), 2, "Bob replies.\nSecond line."),
                (None, 3, "Bullet text straight away"),
                (Some("Carol"), 0, "Another top."),
            ]
        );
        for c in &d.comments {
            assert!(c
                .span
                .slice(&d.text)
                .starts_with(c.text.lines().next().unwrap()));
        }
    }

    #[test]
    fn dateline_names_the_wire() {
        let d = split(
            "Headline about the siege of Raqqa\n\nRAQQA, Syria (Reuters) - Fighters advanced.\n",
        );
        assert_eq!(d.source_site.as_deref(), Some("Reuters"));
        assert_eq!(body(&d), ["RAQQA, Syria (Reuters) - Fighters advanced."]);
    }
}
