//! HTML pages, parsed with html5ever (via scraper): the headline from
//! `<h1>`, `og:title` or `<title>` minus the site name; the body from the
//! article element (or the usual content containers); scripts, styles,
//! navigation, asides, share bars and footers dropped; a comment section
//! read as a tree.

use super::render::{collapse_ws, Rendering};
use super::split::{classify, LineKind};
use super::Draft;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

static ARTICLE_ROOTS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    [
        "article",
        "[itemprop=articleBody]",
        ".entry-content",
        ".post-content",
        ".article-body",
        ".article-content",
        ".story-body",
        ".td-post-content",
        "main",
        "#content",
        "body",
    ]
    .iter()
    .map(|s| sel(s))
    .collect()
});
static COMMENT_ROOTS: LazyLock<Selector> = LazyLock::new(|| {
    sel("#comments, .comments, .comment-list, .commentlist, .comments-area, #disqus_thread")
});
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));

/// Elements never read as article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "button",
    "template", "select", "header", "object", "embed", "canvas", "video", "audio",
];

/// Class or id words that mark chrome containers.
const SKIP_MARKS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "cookie",
    "consent",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "breadcrumb",
    "tags",
    "byline",
    "author-bio",
    "sidebar",
    "widget",
    "menu",
    "donat",
    "popup",
    "modal",
    "banner",
    "meta",
];

mod nesting;

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "dd",
    "dt",
];

pub fn parse(text: &str) -> Draft {
    let doc = Html::parse_document(&nesting::limit_depth(text, nesting::MAX_DEPTH));
    let meta = |key: &str| {
        doc.select(&META).find_map(|m| {
            let e = m.value();
            let k = e.attr("property").or_else(|| e.attr("name"))?;
            (k.eq_ignore_ascii_case(key)).then(|| e.attr("content").map(collapse_ws))?
        })
    };
    let site = meta("og:site_name");
    let root = ARTICLE_ROOTS
        .iter()
        .find_map(|s| doc.select(s).max_by_key(|e| text_len(*e)))
        .unwrap_or_else(|| doc.root_element());
    let h1 = root
        .select(&H1)
        .next()
        .or_else(|| doc.select(&H1).next())
        .map(|e| collapse_ws(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let title = h1
        .or_else(|| meta("og:title"))
        .or_else(|| {
            doc.select(&TITLE).next().map(|t| {
                strip_site_name(&collapse_ws(&t.text().collect::<String>()), site.as_deref())
            })
        })
        .unwrap_or_default();

    let mut r = Rendering::default();
    r.title(&title);
    let mut blocks = Vec::new();
    collect_blocks(root, &mut blocks);
    let title_key = title.to_lowercase();
    let mut ended = false;
    for (is_chrome, b) in blocks {
        let b = collapse_ws(&b);
        if b.is_empty() {
            continue;
        }
        let kind = classify(&b);
        if kind == LineKind::Trailer {
            ended = true;
        }
        if is_chrome || ended || kind != LineKind::Text || b.to_lowercase() == title_key {
            r.chrome(&b);
        } else {
            r.paragraph(&b);
        }
    }
    for c in doc.select(&COMMENT_ROOTS) {
        // Nested comment roots are read through their outermost one.
        if c.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| COMMENT_ROOTS.matches(&a))
        {
            continue;
        }
        read_comments(c, 0, &mut r);
    }
    let mut d = Draft::from(r);
    d.source_site = site;
    d.date = meta("article:published_time")
        .or_else(|| meta("date"))
        .or_else(|| meta("pubdate"));
    d.url = meta("og:url");
    d
}

/// Paragraph texts of an HTML fragment (a feed item's content).
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let frag = Html::parse_fragment(&nesting::limit_depth(html, nesting::MAX_DEPTH));
    let mut blocks = Vec::new();
    collect_blocks(frag.root_element(), &mut blocks);
    blocks
        .into_iter()
        .filter(|(chrome, _)| !chrome)
        .map(|(_, b)| collapse_ws(&b))
        .filter(|b| !b.is_empty())
        .collect()
}

fn text_len(e: ElementRef) -> usize {
    e.text().map(|t| t.trim().len()).sum()
}

fn marked_as_chrome(e: &scraper::node::Element) -> bool {
    let words = e.classes().chain(e.id());
    words.into_iter().any(|w| {
        let w = w.to_ascii_lowercase();
        SKIP_MARKS.iter().any(|m| w.contains(m)) && !w.contains("content") && !w.contains("body")
    })
}

/// Walks the tree in document order, collecting the text of block
/// elements; inline text directly under a container becomes a block of its
/// own. `figcaption` text is kept as chrome so the text still shows it.
fn collect_blocks(e: ElementRef, out: &mut Vec<(bool, String)>) {
    let mut inline = String::new();
    for child in e.children() {
        match child.value() {
            Node::Text(t) => inline.push_str(t),
            Node::Element(el) => {
                let Some(ce) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = el.name();
                if name == "br" {
                    inline.push('\n');
                    continue;
                }
                if SKIP_TAGS.contains(&name) || marked_as_chrome(el) || name == "h1" {
                    continue;
                }
                if name == "figcaption" {
                    flush(&mut inline, out);
                    out.push((true, ce.text().collect()));
                } else if BLOCK_TAGS.contains(&name) && !has_block_child(ce) {
                    flush(&mut inline, out);
                    out.push((false, ce.text().collect()));
                } else if is_inline(name) {
                    inline.extend(ce.text());
                } else {
                    flush(&mut inline, out);
                    collect_blocks(ce, out);
                }
            }
            _ => {}
        }
    }
    flush(&mut inline, out);
}

fn flush(inline: &mut String, out: &mut Vec<(bool, String)>) {
    for part in inline.split('\n') {
        if !part.trim().is_empty() {
            out.push((false, part.to_string()));
        }
    }
    inline.clear();
}

fn has_block_child(e: ElementRef) -> bool {
    e.children().filter_map(ElementRef::wrap).any(|c| {
        let n = c.value().name();
        BLOCK_TAGS.contains(&n) || matches!(n, "div" | "ul" | "ol" | "table" | "section")
    })
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "b"
            | "strong"
            | "i"
            | "em"
            | "u"
            | "small"
            | "sub"
            | "sup"
            | "abbr"
            | "cite"
            | "code"
            | "mark"
            | "q"
            | "s"
            | "time"
            | "font"
            | "bdi"
            | "bdo"
            | "wbr"
            | "img"
    )
}

fn is_comment_item(e: &scraper::node::Element) -> bool {
    e.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        c == "comment"
            || c == "comment-item"
            || c == "depth-1"
            || c.starts_with("comment-") && c[8..].chars().all(|ch| ch.is_ascii_digit())
    }) || e.id().is_some_and(|i| {
        i.strip_prefix("comment-")
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
    })
}

/// The text of the first element below the comment `e` with one of these
/// classes or tags, in document order; replies nested in it are not
/// searched (their author is not its author, and a long thread would make
/// the search quadratic).
fn first_text(e: ElementRef, classes: &[&str], tags: &[&str]) -> Option<String> {
    let mut stack: Vec<ElementRef> = e.children().filter_map(ElementRef::wrap).collect();
    stack.reverse();
    while let Some(d) = stack.pop() {
        let v = d.value();
        if is_comment_item(v) {
            continue;
        }
        let hit = v.classes().any(|c| classes.contains(&c)) || tags.contains(&v.name());
        if hit {
            let t = collapse_ws(&d.text().collect::<String>());
            if !t.is_empty() {
                return Some(t);
            }
        }
        let at = stack.len();
        stack.extend(d.children().filter_map(ElementRef::wrap));
        stack[at..].reverse();
    }
    None
}

/// Reads comment items below `e`; nesting of items gives the depth.
fn read_comments(e: ElementRef, depth: usize, r: &mut Rendering) {
    for child in e.children().filter_map(ElementRef::wrap) {
        if is_comment_item(child.value()) {
            let author = first_text(
                child,
                &[
                    "comment-author",
                    "author",
                    "fn",
                    "username",
                    "user",
                    "author-name",
                ],
                &["cite"],
            );
            let mut text = String::new();
            own_text(child, &mut text);
            r.comment(author.as_deref(), depth, &text);
            read_comments(child, depth + 1, r);
        } else {
            read_comments(child, depth, r);
        }
    }
}

/// The comment's own words: paragraphs inside it, not the author line,
/// metadata, reply links or nested comments.
fn own_text(e: ElementRef, out: &mut String) {
    for child in e.children().filter_map(ElementRef::wrap) {
        let v = child.value();
        if is_comment_item(v) {
            continue;
        }
        let skip = v.classes().any(|c| {
            matches!(
                c,
                "comment-author"
                    | "author"
                    | "fn"
                    | "username"
                    | "comment-meta"
                    | "reply"
                    | "comment-metadata"
                    | "meta"
                    | "author-name"
            )
        }) || matches!(v.name(), "cite" | "time" | "footer" | "header" | "button");
        if skip {
            continue;
        }
        if matches!(v.name(), "p" | "blockquote") {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(child.text());
        } else {
            own_text(child, out);
        }
    }
}

/// "Army takes Hajin | Levant Wire" without the site's name.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let site_matches = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if site_matches || (site.is_none() && tail.split_whitespace().count() <= 4) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Army Retakes Town | Levant Wire</title>
<meta property="og:site_name" content="Levant Wire">
<meta property="article:published_time" content="2018-05-09T10:00:00Z">
<style>p{color:red}</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. Accept</div>
<article><h1>Army Retakes Town</h1><div class="byline">By A. Writer</div>
<p>The <b>army</b> retook the town.</p>
<figure><img src="m.png"><figcaption>A map of the area</figcaption></figure>
<div class="share-bar">Share on Facebook</div>
<p>Fighting went on for <i>three</i> days.</p>
<aside class="related"><p>Related story</p></aside></article>
<section class="comments"><ol>
<li class="comment"><div class="comment-author">Rami</div><p>Good news.</p>
  <ol class="children"><li class="comment"><cite>Zed</cite><p>Agreed.</p></li></ol></li>
<li class="comment"><div class="comment-author">Lu</div><p>Doubt it.</p></li>
</ol></section>
<footer>© 2018 Levant Wire</footer></body></html>"#;

    #[test]
    fn page_is_split_into_title_body_and_comments() {
        let d = parse(PAGE);
        assert_eq!(d.title, "Army Retakes Town");
        let body: Vec<&str> = d.body.iter().map(|s| s.slice(&d.text)).collect();
        assert_eq!(
            body,
            [
                "The army retook the town.",
                "Fighting went on for three days."
            ]
        );
        assert_eq!(d.source_site.as_deref(), Some("Levant Wire"));
        assert_eq!(d.date.as_deref(), Some("2018-05-09T10:00:00Z"));
        let c: Vec<_> = d
            .comments
            .iter()
            .map(|c| (c.author.as_deref(), c.depth, c.text.as_str()))
            .collect();
        assert_eq!(
            c,
            [
                (Some("Rami"), 0, "Good news."),
                (Some("Zed"), 1, "Agreed."),
                (Some("Lu"), 0, "Doubt it.")
            ]
        );
        assert!(!d.text.contains("not text"));
        assert!(!d.text.contains("cookies"));
    }

    #[test]
    fn title_falls_back_to_title_element_without_site() {
        let d = parse("<html><head><title>Siege Lifted - Some Site</title></head><body><div class=\"entry-content\"><p>Text here.</p></div></body></html>");
        assert_eq!(d.title, "Siege Lifted");
        assert_eq!(d.body.len(), 1);
    }
}
