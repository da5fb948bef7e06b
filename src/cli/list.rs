//! `sitrep list`: the articles a query keeps, as lines or JSON; and how a
//! refused query is shown.

use super::{default_paths, open_corpus, open_store, Config, NotesFormat};
use crate::corpus::LoadOptions;
use crate::export;
use crate::query::{self, Lexicon};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// A refused query on stderr, with a caret under where it went wrong;
/// exit status 2.
pub fn query_error(q: &str, e: &query::QueryError) -> ExitCode {
    eprintln!("sitrep: query: {}", crate::sanitize::line(&e.to_string()));
    eprintln!("{}", e.caret(q));
    ExitCode::from(2)
}

/// `sitrep list` (and `--list`): the corpus's articles that match the
/// query, as text lines or JSON.
pub fn run_list(
    q: Option<&str>,
    format: NotesFormat,
    given: &[PathBuf],
    store_dir: Option<&std::path::Path>,
    opts: &LoadOptions,
    no_cache: bool,
) -> anyhow::Result<ExitCode> {
    let config = Config::load()?;
    let (tables, version) = crate::cache::tables(&crate::paths::config_dir())?;
    let ctx = query::Context::new(Lexicon::new(&tables), config.queries.clone());
    let query = match query::Query::new(q.unwrap_or(""), &ctx) {
        Ok(query) => query,
        Err(e) => return Ok(query_error(q.unwrap_or(""), &e)),
    };
    let store = open_store(store_dir)?;
    let (articles, summaries) = open_corpus(
        &default_paths(given, &config),
        opts,
        no_cache,
        tables,
        version,
    )?;
    let d = store.data();
    let tags = d
        .articles
        .iter()
        .map(|(id, m)| (id.clone(), m.tags.clone()))
        .collect();
    let view = export::StoreView {
        tags: &tags,
        annotations: &d.annotations,
        corrections: &d.corrections,
        grades: &d.grades,
    };
    let entries = export::entries(&articles, &summaries, &view);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let kept = entries.iter().filter(|e| query.matches(e));
    match format {
        NotesFormat::Text => {
            for e in kept {
                let s = e
                    .summary
                    .map(|s| (s.forces.len(), s.locations.len(), s.claims.len()));
                let (f, l, c) = s.unwrap_or_default();
                let tags: String = e.tags.iter().map(|t| format!(" #{t}")).collect();
                writeln!(
                    out,
                    "{}  {}  [{f} forces, {l} places, {c} claims, {} comments]{}",
                    e.id,
                    crate::sanitize::line(e.title),
                    e.article.map_or(0, |a| a.comments.len()),
                    crate::sanitize::line(&tags),
                )?;
            }
        }
        NotesFormat::Json => {
            let articles: Vec<serde_json::Value> = kept.map(list_record).collect();
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": articles }))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One article of `sitrep list --format json`.
fn list_record(e: &export::Entry) -> serde_json::Value {
    let names = |v: Vec<&str>| -> Vec<String> {
        let mut v: Vec<String> = v.into_iter().map(String::from).collect();
        v.dedup();
        v
    };
    let s = e.summary;
    serde_json::json!({
        "id": e.id,
        "path": e.path,
        "title": e.title,
        "site": e.source_site(),
        "date": e.date(),
        "url": e.url(),
        "tags": e.tags,
        "forces": names(s.map(|s| s.forces.iter().map(|f| f.name.as_str()).collect()).unwrap_or_default()),
        "places": names(s.map(|s| s.locations.iter().map(|l| l.name.as_str()).collect()).unwrap_or_default()),
        "claims": s.map_or(0, |s| s.claims.len()),
        "notes": e.notes.len(),
        "grades": e.grades.iter().map(|g| serde_json::json!({
            "quantity": g.quantity,
            "source": g.source,
            "grade": g.grade,
        })).collect::<Vec<_>>(),
    })
}
