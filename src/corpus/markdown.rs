//! Markdown articles: optional YAML front matter (title, date, source), a
//! `# ` headline, paragraphs, and an optional `## Comments` section whose
//! list items are comments (`- **author**: text`, nested by indentation).

use super::split::{self, classify, lines, Line, LineKind};
use super::Draft;
use crate::model::{ByteSpan, Comment};

pub fn parse(text: &str) -> Draft {
    let ls = lines(text);
    let mut i = 0;
    let mut front = Vec::new();
    let mut meta: Vec<(String, String)> = Vec::new();
    if ls.first().is_some_and(|l| l.content == "---") {
        if let Some(close) = ls[1..].iter().position(|l| l.content == "---") {
            for l in &ls[1..=close] {
                if let Some((k, v)) = l.content.split_once(':') {
                    let v = v.trim().trim_matches(['"', '\'']).to_string();
                    meta.push((k.trim().to_ascii_lowercase(), v));
                }
            }
            front.push(ByteSpan::new(ls[0].start, ls[close + 1].end));
            i = close + 2;
        }
    }
    let get = |k: &str| meta.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone());
    // The headline: the first `# ` heading, or a Setext one.
    let mut title = None;
    let mut head_chrome = Vec::new();
    let mut j = i;
    while j < ls.len() {
        let l = &ls[j];
        if l.is_blank() {
            j += 1;
            continue;
        }
        if let Some(h) = l.content.strip_prefix("# ") {
            let start = l.end - h.trim_start().len();
            title = Some(ByteSpan::new(start, l.end));
            head_chrome.extend(ls[i..j].iter().filter(|l| !l.is_blank()).map(line_span));
            i = j + 1;
            break;
        }
        if ls
            .get(j + 1)
            .is_some_and(|n| !n.content.is_empty() && n.content.chars().all(|c| c == '='))
        {
            title = Some(line_span(l));
            i = j + 2;
            break;
        }
        if classify(l.content) == LineKind::Text {
            break;
        }
        j += 1;
    }
    let comments_at = ls[i..]
        .iter()
        .position(|l| is_comments_heading(l.content))
        .map(|p| p + i);
    let body_lines = match comments_at {
        Some(c) => &ls[..c],
        None => &ls[..],
    };
    let mut d = split::split_from(text, body_lines, i, title);
    d.text = text.to_string();
    if title.is_none() {
        if let Some(t) = get("title") {
            d.title = t;
        }
    }
    d.chrome.extend(front);
    d.chrome.extend(head_chrome);
    d.date = get("date").or(d.date);
    d.source_site = get("source").or(get("site")).or(d.source_site);
    d.url = get("url").or(get("link"));
    strip_heading_marks(&mut d);
    if let Some(c) = comments_at {
        d.chrome.push(line_span(&ls[c]));
        let (comments, chrome) = list_comments(&ls, c + 1);
        d.comments = comments;
        d.chrome.extend(chrome);
    }
    d.chrome.sort();
    d
}

fn line_span(l: &Line) -> ByteSpan {
    ByteSpan::new(l.content_start, l.end)
}

fn is_comments_heading(content: &str) -> bool {
    let Some(h) = content
        .strip_prefix("## ")
        .or_else(|| content.strip_prefix("### "))
    else {
        return false;
    };
    let h = h.trim().to_ascii_lowercase();
    h == "comments" || h.ends_with(" comments") || h == "reader comments" || h == "discussion"
}

/// Subheadings inside the body lose their `#` marks in the span, so the
/// extractor and the cleaned body read only their words.
fn strip_heading_marks(d: &mut Draft) {
    for s in &mut d.body {
        let para = s.slice(&d.text);
        let marks = para.len() - para.trim_start_matches('#').len();
        if marks > 0 && para[marks..].starts_with(' ') {
            s.start += marks + 1;
        }
    }
}

/// `- **author**: text` list items, nested by two or more spaces.
fn list_comments(ls: &[Line], from: usize) -> (Vec<Comment>, Vec<ByteSpan>) {
    let mut comments: Vec<Comment> = Vec::new();
    let mut chrome = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for l in &ls[from..] {
        if l.is_blank() {
            continue;
        }
        let Some(item) = split::bullet(l.content) else {
            match comments.last_mut() {
                Some(c) if l.indent > 0 => {
                    c.span = ByteSpan::new(c.span.start, l.end);
                    c.text.push('\n');
                    c.text.push_str(l.content);
                }
                _ => chrome.push(line_span(l)),
            }
            continue;
        };
        while stack.last().is_some_and(|&b| b >= l.indent) {
            stack.pop();
        }
        stack.push(l.indent);
        let (author, text) = match item.strip_prefix("**").and_then(|r| r.split_once("**")) {
            Some((a, rest)) => (
                Some(a.trim_end_matches(':').trim().to_string()),
                rest.trim_start_matches(':').trim(),
            ),
            None => (None, item),
        };
        let start = l.end - text.len();
        comments.push(Comment {
            author,
            depth: stack.len() - 1,
            text: text.to_string(),
            span: ByteSpan::new(start, l.end),
        });
    }
    (comments, chrome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_heading_body_and_comments() {
        let t = "---\ntitle: Front title\ndate: 2019-04-02\nsource: Levant Monitor\n---\n\n\
                 # Militants Ambush Convoy Near Sukhnah\n\nFirst paragraph.\n\n## Aftermath\n\n\
                 Second paragraph.\n\nRelated: [Older story](https://x.example)\n\n## Comments\n\n\
                 - **Hana**: I was there.\n  - **Omar**: So was I.\n- No author here\n";
        let d = parse(t);
        assert_eq!(d.title, "Militants Ambush Convoy Near Sukhnah");
        assert_eq!(d.date.as_deref(), Some("2019-04-02"));
        assert_eq!(d.source_site.as_deref(), Some("Levant Monitor"));
        let body: Vec<&str> = d.body.iter().map(|s| s.slice(&d.text)).collect();
        assert_eq!(body, ["First paragraph.", "Aftermath", "Second paragraph."]);
        let c: Vec<_> = d
            .comments
            .iter()
            .map(|c| (c.author.as_deref(), c.depth, c.text.as_str()))
            .collect();
        assert_eq!(
            c,
            [
                (Some("Hana"), 0, "I was there."),
                (Some("Omar"), 1, "So was I."),
                (None, 0, "No author here")
            ]
        );
    }
}
