//! A bound on how deeply HTML nests before html5ever sees it.
//!
//! html5ever keeps every open element on a stack and scans it for each new
//! block element ("is there a `p` in button scope?"), so a page of 200,000
//! nested `<div>`s costs time quadratic in the depth (minutes), and the
//! tree it builds is deeper than any recursive walk of it can go. Browsers
//! bound the depth of the tree they build (Chromium at 512); here a cheap
//! scan of the tags finds pages that nest deeper than [`MAX_DEPTH`] and
//! drops the tags that would open (and close) elements below it, keeping
//! every word of text. Pages that stay within the bound are passed through
//! untouched.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements open at once, at most (Chromium's bound too).
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold anything.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements the parser closes by itself when the next one starts, so they
/// never nest by repetition; not counted (their end tags are ignored too).
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "rtc", "colgroup", "caption",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with the tags that would nest deeper than `max` removed.
pub fn limit_depth(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    // Open `svg`/`math` elements: inside them `<x/>` closes itself.
    let mut foreign = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let drop_tag = |out: &mut Option<String>, copied: &mut usize, start: usize, end: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..start]);
        *copied = end;
    };
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(bytes, start + 2, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let name_end = bytes[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |p| name_at + p);
        let name = html[name_at..name_end].to_ascii_lowercase();
        let (end, self_closed) = tag_end(bytes, name_end);
        i = end;
        if closing {
            let n = counts.get(name.as_str()).copied().unwrap_or(0);
            if n == 0 {
                if !SELF_CLOSING.contains(&name.as_str()) && out.is_some() {
                    // Closes nothing (its start tag was dropped, or never
                    // was): not passed on once the page is being rewritten.
                    drop_tag(&mut out, &mut copied, start, end);
                }
                continue;
            }
            while let Some(top) = open.pop() {
                *counts.entry(top.clone()).or_default() -= 1;
                if matches!(top.as_str(), "svg" | "math") {
                    foreign -= 1;
                }
                if top == name {
                    break;
                }
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || SELF_CLOSING.contains(&name.as_str()) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) && !self_closed {
            i = find_end_tag(bytes, end, &name).unwrap_or(bytes.len());
            continue;
        }
        if name == "plaintext" {
            break;
        }
        if self_closed && foreign > 0 {
            continue;
        }
        if open.len() >= max {
            drop_tag(&mut out, &mut copied, start, end);
            continue;
        }
        if matches!(name.as_str(), "svg" | "math") {
            foreign += 1;
        }
        *counts.entry(name.clone()).or_default() += 1;
        open.push(name);
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where a tag whose name ends at `from` ends (after its `>`, quoted
/// attribute values skipped), and whether it ends in `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            // Only a quote that opens an attribute value counts.
            None if (b == b'"' || b == b'\'')
                && (i > 0 && bytes[i - 1] == b'=' || i > 1 && bytes[i - 2] == b'=') =>
            {
                quote = Some(b);
            }
            None if b == b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            None => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// Just after the end tag `</name ...>` of a raw text element.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let n = p + 2;
        let candidate = bytes.get(n..n + name.len())?;
        let after = bytes.get(n + name.len()).copied();
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && after.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return Some(tag_end(bytes, n + name.len()).0);
        }
        i = p + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through_untouched() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<ul><li>x<li>y</ul>\
                    <script>if (a < b) { document.write('<div><div>') }</script>\
                    <svg><path d=\"M0\"/><path/></svg><br/><img src=x></div></body></html>";
        assert!(matches!(limit_depth(page, 4), Cow::Borrowed(_)));
        // Many unclosed paragraphs and list items do not count as nesting.
        let many = "<div>".to_string() + &"<p>para <li>item ".repeat(2000) + "</div>";
        assert!(matches!(limit_depth(&many, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn the_sample_pages_pass_through_untouched() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus/html");
        let mut seen = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert!(matches!(limit_depth(&text, MAX_DEPTH), Cow::Borrowed(_)));
            seen += 1;
        }
        assert!(seen > 0);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_bound_and_text_kept() {
        let deep = "<div>".repeat(50) + "<b>bottom</b>" + &"</div>".repeat(50) + "after";
        let cut = limit_depth(&deep, 10);
        assert_eq!(
            cut,
            "<div>".repeat(10) + "bottom" + &"</div>".repeat(10) + "after"
        );
    }

    #[test]
    fn self_closed_html_elements_still_count() {
        // html5ever opens a `<div/>`: it nests.
        let deep = "<div/>".repeat(30) + "x";
        assert_eq!(limit_depth(&deep, 5), "<div/>".repeat(5) + "x");
    }

    #[test]
    fn stray_end_tags_do_not_hide_depth() {
        let deep = "<div></x>".repeat(30) + "x";
        let cut = limit_depth(&deep, 5);
        assert_eq!(cut.matches("<div>").count(), 5, "{cut}");
    }
}
