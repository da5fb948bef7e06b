//! Opening a corpus for reading: every file found is read, parsed and
//! extracted (or taken from the cache, when its bytes and the extractor
//! are those the cache knows), on all cores, and handed on in batches in
//! the order the files were found, so a reader can show the first
//! articles while the rest are still being read.

use crate::cache::{self, Entry, Extraction, Key, Opened, Pack, Version};
use crate::corpus::{self, LoadOptions};
use crate::model::{Article, Skipped, Summary};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Files read before the first batch is handed on: small, so the first
/// articles show at once.
const FIRST_BATCH: usize = 64;
/// Files read per later batch.
const BATCH: usize = 512;

/// Where the cache is, and what it must have been made by.
#[derive(Debug, Clone)]
pub struct CacheUse {
    pub pack: PathBuf,
    pub version: Version,
}

impl CacheUse {
    /// The pack for the corpus at `roots` in `cache_dir`.
    pub fn new(cache_dir: &Path, roots: &[PathBuf], version: Version) -> CacheUse {
        CacheUse {
            pack: cache::pack_path(cache_dir, roots),
            version,
        }
    }
}

/// Articles read so far, in corpus order, and how far the load is.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub summaries: Vec<Summary>,
    pub skipped: Vec<Skipped>,
    /// Files read so far, and in all.
    pub done: usize,
    pub total: usize,
}

/// How a load went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    /// Files whose results came from the cache.
    pub hits: usize,
    /// Files read and extracted anew.
    pub misses: usize,
    pub cache: Opened,
    /// Where the pack was written (when anything had changed), or why it
    /// could not be.
    pub written: Option<Result<PathBuf, String>>,
    /// Stopped before the end (`cancel`).
    pub cancelled: bool,
}

thread_local! {
    /// Set while a file is read under [`contained`].
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into an error that names it: reading one file
/// must not take the load (or the reader's terminal) down with it. The
/// panic hook stays quiet for it (see [`contain_panics`]).
pub fn contained<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = CONTAINED.with(|c| c.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(was));
    r.map_err(|p| {
        let msg: String = panic_message(p.as_ref()).chars().take(160).collect();
        format!("sitrep could not read it (internal error: {msg}); please report it")
    })
}

/// What a panic said (its payload as text, when it is text).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// Wraps the panic hook in force so that a panic inside [`contained`]
/// neither prints nor restores the terminal: it is reported as the file's
/// error instead. Install it after any hook it should silence (the
/// reader's terminal hook).
pub fn contain_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CONTAINED.with(|c| c.get()) {
            previous(info);
        }
    }));
}

/// What one file gave.
enum Outcome {
    Hit(Key, Entry),
    /// Read anew; its encoding when there is a cache to write.
    Miss(Key, Entry, Option<Vec<u8>>),
    Failed(String),
}

/// Loads the corpus at `paths`, batch by batch (`on_batch`), and keeps
/// the cache up to date. Stops between batches once `cancel` is set (the
/// cache is then left as it was).
pub fn load(
    paths: &[PathBuf],
    opts: &LoadOptions,
    extractor: &Extraction,
    cache: Option<&CacheUse>,
    cancel: &AtomicBool,
    mut on_batch: impl FnMut(Batch),
) -> Stats {
    let (files, skipped) = corpus::discover(paths);
    let total = files.len();
    let pack = match cache {
        Some(c) => Pack::open(&c.pack, c.version),
        None => Pack::empty(Opened::Missing),
    };
    let mut stats = Stats {
        files: total,
        hits: 0,
        misses: 0,
        cache: pack.opened.clone(),
        written: None,
        cancelled: false,
    };
    // The keys of this corpus so far, in order, and the new pack once
    // something has changed (the old pack's entries are copied into it).
    let mut keys: Vec<Key> = Vec::new();
    let mut seen: HashSet<Key> = HashSet::new();
    let mut writer: Option<cache::Writer> = None;
    let mut write_error: Option<String> = None;
    let mut pending_skipped = skipped;
    let mut done = 0;
    if files.is_empty() {
        on_batch(Batch {
            skipped: std::mem::take(&mut pending_skipped),
            ..Batch::default()
        });
    }
    let mut rest = &files[..];
    while !rest.is_empty() {
        if cancel.load(Ordering::Relaxed) {
            stats.cancelled = true;
            return stats;
        }
        let n = if done == 0 { FIRST_BATCH } else { BATCH }.min(rest.len());
        let (chunk, later) = rest.split_at(n);
        rest = later;
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|f| one_file(&f.path, f.named, opts, extractor, &pack, cache.is_some()))
            .collect();
        let mut batch = Batch {
            skipped: std::mem::take(&mut pending_skipped),
            ..Batch::default()
        };
        for (f, outcome) in chunk.iter().zip(outcomes) {
            let entry = match outcome {
                Outcome::Failed(reason) => {
                    batch.skipped.push(Skipped {
                        path: f.path.clone(),
                        reason,
                    });
                    continue;
                }
                Outcome::Hit(key, entry) => {
                    stats.hits += 1;
                    if seen.insert(key) {
                        keys.push(key);
                        if let Some(w) = writer.as_mut() {
                            let blob = pack.blob(&key).unwrap_or_else(|| cache::encode(&entry));
                            note(w.add(&key, &blob), &mut write_error);
                        }
                    }
                    entry
                }
                Outcome::Miss(key, entry, blob) => {
                    stats.misses += 1;
                    if let Some(blob) = blob.filter(|_| seen.insert(key)) {
                        if writer.is_none() && write_error.is_none() {
                            writer = start_writer(cache, &pack, &keys, &mut write_error);
                        }
                        keys.push(key);
                        if let Some(w) = writer.as_mut() {
                            note(w.add(&key, &blob), &mut write_error);
                        }
                    }
                    entry
                }
            };
            let names = corpus::article_paths(&f.path, entry.items.len());
            for ((mut a, s), name) in entry.items.into_iter().zip(names) {
                a.path = name;
                batch.articles.push(a);
                batch.summaries.push(s.into());
            }
            for reason in entry.problems {
                batch.skipped.push(Skipped {
                    path: f.path.clone(),
                    reason,
                });
            }
        }
        done += chunk.len();
        batch.done = done;
        batch.total = total;
        on_batch(batch);
    }
    // Entries of files no longer in the corpus are dropped: the pack is
    // written again even when nothing was new.
    if writer.is_none() && cache.is_some() && write_error.is_none() && pack.len() != keys.len() {
        writer = start_writer(cache, &pack, &keys, &mut write_error);
    }
    if let Some(e) = write_error {
        stats.written = Some(Err(e));
    } else if let Some(w) = writer {
        stats.written = Some(w.commit().map_err(|e| e.to_string()));
    }
    stats
}

fn note(r: std::io::Result<()>, error: &mut Option<String>) {
    if let Err(e) = r {
        error.get_or_insert(e.to_string());
    }
}

/// A new pack, holding the entries of the files read so far.
fn start_writer(
    cache: Option<&CacheUse>,
    pack: &Pack,
    keys: &[Key],
    error: &mut Option<String>,
) -> Option<cache::Writer> {
    let c = cache?;
    let mut w = match cache::Writer::create(&c.pack, c.version) {
        Ok(w) => w,
        Err(e) => {
            *error = Some(format!("{}: {e}", c.pack.display()));
            return None;
        }
    };
    for k in keys {
        let Some(blob) = pack.blob(k) else {
            *error = Some(format!(
                "{}: an entry could not be read again",
                c.pack.display()
            ));
            return None;
        };
        if let Err(e) = w.add(k, &blob) {
            *error = Some(format!("{}: {e}", c.pack.display()));
            return None;
        }
    }
    Some(w)
}

fn one_file(
    path: &Path,
    named: bool,
    opts: &LoadOptions,
    extractor: &Extraction,
    pack: &Pack,
    encode: bool,
) -> Outcome {
    let bytes = match corpus::read_bounded(path, opts.max_file_bytes) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let key = cache::file_key(&bytes, named, path);
    if let Some(entry) = pack.get(&key) {
        return Outcome::Hit(key, entry);
    }
    // A bug that one hostile file trips costs that file, not the load.
    let read = contained(|| -> Result<Entry, String> {
        let outcome = corpus::parse_file(path, named, &bytes)?;
        let format = outcome.format.unwrap_or(crate::model::Format::Text);
        let items = outcome
            .drafts
            .into_iter()
            .map(|d| {
                let a = d.into_article(String::new(), format);
                let s = extractor.get().extract(&a);
                (a, s.into())
            })
            .collect();
        Ok(Entry {
            format,
            problems: outcome.problems,
            items,
        })
    });
    drop(bytes);
    let entry = match read {
        Ok(Ok(entry)) => entry,
        Ok(Err(e)) | Err(e) => return Outcome::Failed(e),
    };
    let blob = encode.then(|| cache::encode(&entry));
    Outcome::Miss(key, entry, blob)
}

/// Loads the whole corpus at once (the CLI's way).
pub fn load_all(
    paths: &[PathBuf],
    opts: &LoadOptions,
    extractor: &Extraction,
    cache: Option<&CacheUse>,
    mut progress: impl FnMut(usize, usize),
) -> (Batch, Stats) {
    let mut all = Batch::default();
    let stats = load(
        paths,
        opts,
        extractor,
        cache,
        &AtomicBool::new(false),
        |b| {
            all.articles.extend(b.articles);
            all.summaries.extend(b.summaries);
            all.skipped.extend(b.skipped);
            all.done = b.done;
            all.total = b.total;
            progress(b.done, b.total);
        },
    );
    (all, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_is_the_file_s_error() {
        assert_eq!(contained(|| 7), Ok(7));
        let e = contained(|| -> u8 { panic!("byte index 1 is not a char boundary") }).unwrap_err();
        assert!(e.contains("byte index 1 is not a char boundary"), "{e}");
        let e = contained(|| -> u8 { panic!("{}", "x".repeat(1000)) }).unwrap_err();
        assert!(e.len() < 300, "the message is cut short: {}", e.len());
        // Outside `contained`, panics are panics again.
        assert!(!CONTAINED.with(|c| c.get()));
    }
}
