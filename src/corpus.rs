//! Reading a corpus: finding the files, decoding them, and turning each
//! into one or more `Article`s split into title, body, chrome and comments.

pub mod decode;
mod feed;
mod html;
mod jsonl;
mod markdown;
pub mod render;
pub mod split;

use crate::model::{Article, ArticleId, ByteSpan, Comment, Format, Skipped};
use rayon::prelude::*;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Default size limit of one input file.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Everything a load produced: the articles, in the order their files were
/// found, and one entry per file (or feed item, or JSON line) left out.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// An article before it has an id and a path.
#[derive(Debug, Default)]
pub struct Draft {
    pub text: String,
    pub title: String,
    pub title_span: Option<ByteSpan>,
    pub body: Vec<ByteSpan>,
    pub chrome: Vec<ByteSpan>,
    pub comments: Vec<Comment>,
    pub source_site: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

impl From<render::Rendering> for Draft {
    fn from(r: render::Rendering) -> Self {
        let title = r
            .title_span
            .map(|s| s.slice(&r.text).to_string())
            .unwrap_or_default();
        Draft {
            title,
            title_span: r.title_span,
            body: r.body,
            chrome: r.chrome,
            comments: r.comments,
            text: r.text,
            ..Draft::default()
        }
    }
}

/// What a file yields: its articles, and the items inside it that were bad
/// (a broken JSON line) while the rest of the file was fine.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub drafts: Vec<Draft>,
    pub problems: Vec<String>,
    /// The format the file was read as (set by `read_file`).
    pub format: Option<Format>,
}

/// Loads every article under `paths`. Never fails as a whole: a file that
/// cannot be used becomes a `Skipped` entry and the rest still loads.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    let (files, mut skipped) = discover(paths);
    let results: Vec<(PathBuf, Result<FileOutcome, String>)> = files
        .into_par_iter()
        .map(|f| {
            let r = read_file(&f.path, f.named, opts);
            (f.path, r)
        })
        .collect();
    let mut articles = Vec::new();
    for (path, result) in results {
        match result {
            Ok(outcome) => {
                let format = outcome.format.unwrap_or_else(|| format_of(&path, None));
                let names = article_paths(&path, outcome.drafts.len());
                for (d, p) in outcome.drafts.into_iter().zip(names) {
                    articles.push(d.into_article(p, format));
                }
                for reason in outcome.problems {
                    skipped.push(Skipped {
                        path: path.clone(),
                        reason,
                    });
                }
            }
            Err(reason) => skipped.push(Skipped { path, reason }),
        }
    }
    Corpus { articles, skipped }
}

/// The `path` of each of the `n` articles a file yields: the file, or
/// `FILE#N` for the items of a feed, a JSON Lines file, or any file that
/// yields more than one.
pub(crate) fn article_paths(path: &Path, n: usize) -> Vec<String> {
    let shown = path.display().to_string();
    if n > 1 || is_multi(path) {
        (1..=n).map(|i| format!("{shown}#{i}")).collect()
    } else {
        vec![shown; n]
    }
}

impl Draft {
    /// The article this draft becomes at `path`: its id is the hash of its
    /// text.
    pub fn into_article(self, path: String, format: Format) -> Article {
        let mut d = self;
        // Held for the whole session, for every article: no room left
        // over from building them.
        d.text.shrink_to_fit();
        d.body.shrink_to_fit();
        d.chrome.shrink_to_fit();
        d.comments.shrink_to_fit();
        Article {
            id: ArticleId::of_text(&d.text),
            path,
            format,
            source_site: d.source_site,
            url: d.url,
            date: d.date,
            title: d.title,
            title_span: d.title_span,
            text: d.text,
            body: d.body,
            chrome: d.chrome,
            comments: d.comments,
        }
    }
}

/// A file to read, as discovery found it.
pub(crate) struct Found {
    pub(crate) path: PathBuf,
    /// Named on the command line: read whatever its extension.
    pub(crate) named: bool,
}

/// Walks the given paths. Folders are read recursively in name order;
/// symlinks are followed, loops detected; only regular files are ever
/// opened (FIFOs, sockets and devices are reported and left alone).
pub(crate) fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                skipped.push(skip(root, describe_io(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            match not_regular(&meta) {
                Some(reason) => skipped.push(skip(root, reason)),
                None => found.push(Found {
                    path: root.clone(),
                    named: true,
                }),
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_dir() {
                        continue;
                    }
                    let path = e.into_path();
                    if format_for_extension(&path).is_none() {
                        continue;
                    }
                    match fs::metadata(&path) {
                        Ok(m) => match not_regular(&m) {
                            Some(reason) => skipped.push(skip(&path, reason)),
                            None => found.push(Found { path, named: false }),
                        },
                        Err(err) => skipped.push(skip(&path, describe_io(&err))),
                    }
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf).unwrap_or_default();
                    let reason = if err.loop_ancestor().is_some() {
                        "symlink loop".to_string()
                    } else if let Some(io) = err.io_error() {
                        describe_io(io)
                    } else {
                        err.to_string()
                    };
                    skipped.push(skip(&path, reason));
                }
            }
        }
    }
    (found, skipped)
}

fn skip(path: &Path, reason: impl Into<String>) -> Skipped {
    Skipped {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not found".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(unix)]
fn not_regular(meta: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_fifo() {
        Some("not a regular file (FIFO)".into())
    } else if t.is_char_device() || t.is_block_device() {
        Some("not a regular file (device)".into())
    } else if t.is_socket() {
        Some("not a regular file (socket)".into())
    } else {
        Some("not a regular file".into())
    }
}

#[cfg(not(unix))]
fn not_regular(meta: &fs::Metadata) -> Option<String> {
    (!meta.is_file()).then(|| "not a regular file".to_string())
}

pub(crate) fn format_for_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "xml" | "rss" | "atom" => Format::Feed,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    })
}

/// The format of a file: by extension, then by a look at its text.
fn format_of(path: &Path, text: Option<&str>) -> Format {
    let by_ext = format_for_extension(path);
    let Some(text) = text else {
        return by_ext.unwrap_or(Format::Text);
    };
    let head: String = text.trim_start().chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    let sniffed = if lower.starts_with('{') {
        Some(Format::Jsonl)
    } else if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
        Some(Format::Feed)
    } else if lower.starts_with("<!doctype html") || lower.contains("<html") {
        Some(Format::Html)
    } else {
        None
    };
    match (by_ext, sniffed) {
        // An .xml file holding a web page, or a .txt file that is a page.
        (Some(Format::Feed), Some(Format::Html)) => Format::Html,
        (Some(Format::Html), Some(Format::Feed)) => Format::Feed,
        (Some(f), _) => f,
        (None, Some(f)) => f,
        (None, None) => Format::Text,
    }
}

fn is_multi(path: &Path) -> bool {
    matches!(
        format_for_extension(path),
        Some(Format::Feed | Format::Jsonl)
    )
}

/// Reads one file into articles, or the reason it was skipped.
fn read_file(path: &Path, named: bool, opts: &LoadOptions) -> Result<FileOutcome, String> {
    let bytes = read_bounded(path, opts.max_file_bytes)?;
    parse_file(path, named, &bytes)
}

/// Turns a file's bytes into articles, or the reason it was skipped. What
/// it yields depends on the bytes, on `named` and on the path's extension
/// only (the cache's key: see `cache::file_key`).
pub(crate) fn parse_file(path: &Path, named: bool, bytes: &[u8]) -> Result<FileOutcome, String> {
    let decoded = decode::decode(bytes).map_err(|e| e.to_string())?;
    let format = if named {
        format_of(path, Some(&decoded.text))
    } else {
        match format_for_extension(path) {
            Some(Format::Feed | Format::Html) | None => format_of(path, Some(&decoded.text)),
            Some(f) => f,
        }
    };
    let mut outcome = parse(format, &decoded.text)?;
    outcome.format = Some(format);
    if outcome.drafts.is_empty() && outcome.problems.is_empty() {
        return Err("no article found".into());
    }
    Ok(outcome)
}

/// Parses decoded text in the given format.
pub fn parse(format: Format, text: &str) -> Result<FileOutcome, String> {
    let one = |d: Draft| FileOutcome {
        drafts: vec![d],
        ..FileOutcome::default()
    };
    Ok(match format {
        Format::Text => one(split::split(text)),
        Format::Markdown => one(markdown::parse(text)),
        Format::Html => one(html::parse(text)),
        Format::Feed => feed::parse(text)?,
        Format::Jsonl => jsonl::parse(text),
    })
}

pub(crate) fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let too_large = |n: u64| format!("too large ({} > {} limit)", human(n), human(max));
    let file = fs::File::open(path).map_err(|e| describe_io(&e))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn human(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}
