//! RSS 2.0, Atom and RSS 1.0 feeds (feed-rs): one article per item.

use super::html::fragment_paragraphs;
use super::render::Rendering;
use super::{Draft, FileOutcome};

pub fn parse(text: &str) -> Result<FileOutcome, String> {
    let (feed, broken) = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(feed) => (feed, None),
        Err(e) => {
            let reason = format!("not a readable feed ({e})");
            let feed = complete_items(text)
                .and_then(|t| feed_rs::parser::parse(t.as_bytes()).ok())
                .filter(|f| !f.entries.is_empty())
                .ok_or_else(|| reason.clone())?;
            (feed, Some(reason))
        }
    };
    let site = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let mut out = FileOutcome::default();
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let title = entry.title.map(|t| t.content).unwrap_or_default();
        let html = entry
            .content
            .and_then(|c| c.body)
            .or_else(|| entry.summary.map(|s| s.content))
            .unwrap_or_default();
        let paras = fragment_paragraphs(&html);
        if title.trim().is_empty() && paras.is_empty() {
            out.problems
                .push(format!("item {}: no title and no text", n + 1));
            continue;
        }
        let mut r = Rendering::default();
        r.title(&title);
        for p in &paras {
            r.paragraph(p);
        }
        let mut d = Draft::from(r);
        d.source_site = site.clone();
        d.url = entry.links.first().map(|l| l.href.clone());
        d.date = entry.published.or(entry.updated).map(|t| t.to_rfc3339());
        out.drafts.push(d);
    }
    if let Some(reason) = broken {
        out.problems.push(format!(
            "{reason}; kept the complete items before the break ({})",
            out.drafts.len()
        ));
    }
    Ok(out)
}

/// A feed cut off (or broken) part way: the text up to its last complete
/// item, with the containers closed again.
fn complete_items(text: &str) -> Option<String> {
    let (end, close) = match (text.rfind("</item>"), text.rfind("</entry>")) {
        (Some(i), e) if e.is_none_or(|e| e < i) => {
            let close = if text.contains("<rdf:RDF") {
                "</rdf:RDF>"
            } else {
                "</channel></rss>"
            };
            (i + "</item>".len(), close)
        }
        (_, Some(e)) => (e + "</entry>".len(), "</feed>"),
        _ => return None,
    };
    Some(format!("{}{close}", &text[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Front Wire</title>
<item><title>Shelling in Idlib</title><link>https://w.example/1</link><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Shells hit Saraqib.&lt;/p&gt;&lt;p&gt;Two killed.&lt;/p&gt;</description></item>
<item><title>Convoy ambushed</title><description>Near Sukhnah.</description></item></channel></rss>"#;
        let out = parse(rss).unwrap();
        assert_eq!(out.drafts.len(), 2);
        let d = &out.drafts[0];
        assert_eq!(d.title, "Shelling in Idlib");
        assert_eq!(d.body.len(), 2);
        assert_eq!(d.source_site.as_deref(), Some("Front Wire"));
        assert_eq!(d.url.as_deref(), Some("https://w.example/1"));
        assert!(d.date.as_deref().unwrap().starts_with("2020-03-03"));
        assert_eq!(
            out.drafts[1].body[0].slice(&out.drafts[1].text),
            "Near Sukhnah."
        );
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title><id>x</id><updated>2021-01-01T00:00:00Z</updated>
<entry><title>Drone strike on Marib</title><id>1</id><updated>2021-01-02T00:00:00Z</updated><content type="html">&lt;p&gt;A strike hit Marib.&lt;/p&gt;</content></entry></feed>"#;
        let out = parse(atom).unwrap();
        assert_eq!(out.drafts.len(), 1);
        assert_eq!(out.drafts[0].title, "Drone strike on Marib");
    }

    #[test]
    fn a_truncated_feed_keeps_its_complete_items() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
            <item><title>Depot Hit</title><description>A depot was hit.</description></item>\
            <item><title>Cut</title><descr";
        let out = parse(rss).unwrap();
        assert_eq!(out.drafts.len(), 1);
        assert_eq!(out.drafts[0].title, "Depot Hit");
        assert_eq!(out.problems.len(), 1);
        assert!(out.problems[0].starts_with("not a readable feed"));
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>M</title>\
            <entry><title>Drone Strike</title><id>1</id><content>Text.</content></entry><entry><ti";
        assert_eq!(parse(atom).unwrap().drafts[0].title, "Drone Strike");
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(
            parse("<rss><channel><item><title>cut off").is_err()
                || parse("<rss><channel><item><title>cut off")
                    .unwrap()
                    .drafts
                    .len()
                    <= 1
        );
    }
}
