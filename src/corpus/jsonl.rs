//! JSON Lines: one article per line, `{"title", "text", "url"?, "date"?,
//! "source"?}`. A broken line is reported and skipped; the rest are kept.

use super::render::Rendering;
use super::{Draft, FileOutcome};
use serde_json::Value;

pub fn parse(text: &str) -> FileOutcome {
    let mut out = FileOutcome::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match article(line) {
            Ok(d) => out.drafts.push(d),
            Err(e) => out.problems.push(format!("line {}: {e}", n + 1)),
        }
    }
    out
}

fn article(line: &str) -> Result<Draft, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON ({e})"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| obj.get(*n).and_then(Value::as_str))
            .map(str::to_string)
    };
    let title = field(&["title", "headline"]).unwrap_or_default();
    let body = field(&["text", "body", "content"]).unwrap_or_default();
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err("no \"title\" or \"text\"".into());
    }
    let mut r = Rendering::default();
    r.title(&title);
    let sep = if body.contains("\n\n") { "\n\n" } else { "\n" };
    for para in body.split(sep) {
        r.paragraph(para);
    }
    let mut d = Draft::from(r);
    d.url = field(&["url", "link"]);
    d.date = field(&["date", "published", "pubDate"]);
    d.source_site = field(&["source", "site", "outlet"]);
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_line_is_reported_and_the_rest_kept() {
        let t = "{\"title\":\"One\",\"text\":\"A.\\n\\nB.\",\"source\":\"Wire\"}\n{broken\n\n[1,2]\n{\"title\":\"Two\",\"text\":\"C.\"}\n";
        let out = parse(t);
        assert_eq!(out.drafts.len(), 2);
        assert_eq!(out.drafts[0].title, "One");
        assert_eq!(out.drafts[0].body.len(), 2);
        assert_eq!(out.drafts[0].source_site.as_deref(), Some("Wire"));
        assert_eq!(out.problems.len(), 2);
        assert!(
            out.problems[0].starts_with("line 2: not JSON"),
            "{:?}",
            out.problems
        );
        assert!(out.problems[1].starts_with("line 4: not a JSON object"));
    }
}
