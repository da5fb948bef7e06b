//! The Markdown brief: per article, its headline, where it is from, its
//! tags, the structured summary with the analyst's corrections folded in
//! (wrong items struck, added ones marked), and every highlight as
//! `==quote==` followed by its note as a blockquote and its tags. Readable
//! as plain text, ready to paste.
//!
//! Text from articles is hostile: one-line fields go through
//! [`crate::sanitize::line`] and have Markdown's marks escaped; notes keep
//! their Markdown but lose every control character except newline and tab.

use super::context::quantity;
use super::{Entry, Note};
use crate::model::{ByteSpan, Force};
use crate::store::{Anchor, Correction, CorrectionKind};
use std::fmt::Write;

pub fn render(entries: &[Entry]) -> String {
    let mut out = String::new();
    out.push_str("# sitrep brief\n\n");
    let n = entries.len();
    let _ = writeln!(
        out,
        "{n} article{} with tags, notes or corrections.",
        if n == 1 { "" } else { "s" }
    );
    for e in entries {
        out.push_str("\n---\n\n");
        article(&mut out, e);
        // One blank line before the next rule, one newline at the end.
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
    out
}

fn article(out: &mut String, e: &Entry) {
    let title = if e.title.trim().is_empty() {
        "(untitled)".to_string()
    } else {
        inline(e.title)
    };
    let _ = writeln!(out, "## {title}\n");
    let mut meta: Vec<String> = Vec::new();
    if let Some(s) = e.source_site() {
        meta.push(inline(s));
    }
    if let Some(d) = e.date() {
        meta.push(inline(d));
    }
    if !e.path.is_empty() {
        meta.push(code(e.path));
    }
    meta.push(format!("id {}", code(&e.id.0)));
    if !e.tags.is_empty() {
        meta.push(hashtags(e.tags.iter().map(String::as_str)));
    }
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    if e.article.is_none() {
        out.push_str(
            "*No longer in the corpus: notes are shown with the quotes they were made on.*\n\n",
        );
    }
    summary(out, e);
    if !e.notes.is_empty() {
        out.push_str("### Notes\n\n");
        for n in &e.notes {
            note(out, n, e.article.is_some());
        }
    }
}

fn summary(out: &mut String, e: &Entry) {
    let Some(s) = e.summary else {
        // No summary to fold corrections and grades into: list them.
        if !e.corrections.is_empty() {
            out.push_str("- **Corrections:**\n");
            for c in &e.corrections {
                let _ = writeln!(out, "  - {} ({})", correction(c), kind_name(c.kind));
            }
        }
        if !e.grades.is_empty() {
            out.push_str("- **Source grades:**\n");
            for g in &e.grades {
                let who = g
                    .source
                    .as_deref()
                    .map_or_else(|| "unattributed".to_string(), inline);
                let _ = writeln!(out, "  - **{}** — {who}: {}", inline(&g.quantity), g.grade);
            }
        }
        if !e.corrections.is_empty() || !e.grades.is_empty() {
            out.push('\n');
        }
        return;
    };
    let mut forces: Vec<String> = s
        .forces
        .iter()
        .map(|f| item(e, CorrectionKind::Force, &f.name, force(e.text(), f)))
        .collect();
    forces.extend(added(e, CorrectionKind::Force));
    let mut places: Vec<String> = s
        .locations
        .iter()
        .map(|l| {
            let at = match (l.lat, l.lon) {
                (Some(lat), Some(lon)) => {
                    format!("{}, {lat}, {lon}", inline(&l.kind.replace('_', " ")))
                }
                _ => format!("{}, no coordinates", inline(&l.kind.replace('_', " "))),
            };
            item(
                e,
                CorrectionKind::Location,
                &l.name,
                format!("{} ({at})", inline(&l.name)),
            )
        })
        .collect();
    places.extend(added(e, CorrectionKind::Location));
    let _ = writeln!(out, "- **Forces:** {}", list(&forces));
    let _ = writeln!(out, "- **Places:** {}", list(&places));
    let mut claims: Vec<String> = s
        .claims
        .iter()
        .map(|c| {
            let who = c
                .source()
                .map_or_else(|| "unattributed".to_string(), inline);
            let when = c
                .date
                .as_deref()
                .map(|d| format!(", {}", inline(d)))
                .unwrap_or_default();
            let main = item(
                e,
                CorrectionKind::Claim,
                c.quantity(e.text()),
                format!("**{}**", inline(&quantity(c))),
            );
            let graded = e
                .grade_at(ByteSpan::new(c.quantity_start, c.quantity_end))
                .map(|g| format!(" (source graded {})", g.grade))
                .unwrap_or_default();
            format!(
                "{main} — {who}{graded}{when}: “{}”",
                inline(c.text(e.text()))
            )
        })
        .collect();
    claims.extend(added(e, CorrectionKind::Claim));
    if claims.is_empty() {
        out.push_str("- **Claims:** none\n");
    } else {
        out.push_str("- **Claims:**\n");
        for c in claims {
            let _ = writeln!(out, "  - {c}");
        }
    }
    // Marked wrong but no longer extracted: still worth seeing.
    let stale: Vec<&&Correction> = e
        .corrections
        .iter()
        .filter(|c| c.wrong && !extracted(e, c))
        .collect();
    if !stale.is_empty() {
        let items: Vec<String> = stale
            .iter()
            .map(|c| format!("{} ({})", correction(c), kind_name(c.kind)))
            .collect();
        let _ = writeln!(out, "- **Also marked wrong:** {}", items.join(" · "));
    }
    out.push('\n');
}

/// Whether a wrong-marking names an item the summary has.
fn extracted(e: &Entry, c: &Correction) -> bool {
    let Some(s) = e.summary else { return false };
    match c.kind {
        CorrectionKind::Force => s.forces.iter().any(|f| f.name == c.name),
        CorrectionKind::Location => s.locations.iter().any(|l| l.name == c.name),
        CorrectionKind::Claim => s.claims.iter().any(|x| x.quantity(e.text()) == c.name),
    }
}

fn kind_name(k: CorrectionKind) -> &'static str {
    match k {
        CorrectionKind::Force => "force",
        CorrectionKind::Location => "place",
        CorrectionKind::Claim => "claim",
    }
}

/// A summary item, struck when the analyst marked it wrong.
fn item(e: &Entry, kind: CorrectionKind, name: &str, shown: String) -> String {
    match e
        .corrections
        .iter()
        .find(|c| c.wrong && c.kind == kind && c.name == name)
    {
        Some(c) => {
            let why = if c.note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", inline(&c.note))
            };
            format!("~~{shown}~~ (marked wrong by {}{why})", inline(&c.author))
        }
        None => shown,
    }
}

fn added(e: &Entry, kind: CorrectionKind) -> Vec<String> {
    e.added(kind).map(correction).collect()
}

fn correction(c: &Correction) -> String {
    let why = if c.note.trim().is_empty() {
        String::new()
    } else {
        format!(": {}", inline(&c.note))
    };
    if c.wrong {
        format!(
            "~~{}~~ (marked wrong by {}{why})",
            inline(&c.name),
            inline(&c.author)
        )
    } else {
        format!(
            "{} (added by analyst {}{why})",
            inline(&c.name),
            inline(&c.author)
        )
    }
}

fn force(text: &str, f: &Force) -> String {
    let name_key = crate::extract::fold::key(&f.name);
    // Each surface form once, whatever its case ("Army", "army").
    let mut keys = vec![name_key];
    let mut seen: Vec<String> = Vec::new();
    for m in &f.mentions {
        let t = crate::sanitize::line(m.text(text).trim());
        let k = crate::extract::fold::key(&t);
        if !keys.contains(&k) {
            keys.push(k);
            seen.push(t);
        }
    }
    let kind = inline(&f.kind.replace('_', " "));
    if seen.is_empty() {
        format!("{} ({kind})", inline(&f.name))
    } else {
        let aliases: Vec<String> = seen.iter().map(|s| format!("“{}”", inline(s))).collect();
        format!(
            "{} ({kind}; seen as {})",
            inline(&f.name),
            aliases.join(", ")
        )
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(" · ")
    }
}

/// `found`: the article is in the corpus (else the entry says so once).
fn note(out: &mut String, n: &Note, found: bool) {
    let a = n.annotation;
    match (n.anchor, a.span) {
        (Anchor::Whole, _) | (_, None) => out.push_str("**On the whole article:**\n\n"),
        _ => {
            let q = inline(&a.quote);
            let q = if q.is_empty() {
                "(empty quote)".into()
            } else {
                q
            };
            let _ = writeln!(out, "=={q}==\n");
        }
    }
    if n.orphaned() && found {
        out.push_str("*Orphaned: the article's text changed since this note was made.*\n\n");
    }
    let body = note_text(&a.note);
    if !body.trim().is_empty() {
        for l in body.trim_end().lines() {
            if l.is_empty() {
                out.push_str(">\n");
            } else {
                let _ = writeln!(out, "> {l}");
            }
        }
        out.push('\n');
    }
    let mut meta = Vec::new();
    if !a.tags.is_empty() {
        meta.push(format!(
            "Tags: {}",
            hashtags(a.tags.iter().map(String::as_str))
        ));
    }
    let mut by = inline(&a.author);
    if !a.modified.is_empty() {
        let _ = write!(by, ", {}", inline(&a.modified));
    }
    meta.push(format!("*{by}*"));
    let _ = writeln!(out, "{}\n", meta.join(" · "));
}

fn hashtags<'a>(tags: impl Iterator<Item = &'a str>) -> String {
    tags.map(|t| format!("#{}", inline(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A one-line field from the article or the store: control characters
/// made visible, whitespace collapsed, Markdown's marks escaped.
pub fn inline(s: &str) -> String {
    let line = crate::sanitize::line(s);
    let words: Vec<&str> = line.split_whitespace().collect();
    let chars: Vec<char> = words.join(" ").chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' => out.push('\\'),
            // Inside a word (`foreign_military`) an underscore is a letter.
            '_' if !(word(prev) && word(next)) => out.push('\\'),
            // `==` highlights and `~~` strikes; a single one is harmless.
            '=' | '~' if prev == Some(c) => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// A code span holding `s` (sanitised), fenced by more backticks than it
/// holds in a row.
fn code(s: &str) -> String {
    let s = crate::sanitize::line(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if longest > 0 || s.starts_with(' ') || s.ends_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// A note's Markdown as written, less every control character but newline
/// and tab (and bidi overrides).
pub fn note_text(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !crate::sanitize::is_unsafe(c))
        .collect()
}
