//! The annotation store: tags, highlights, notes and corrections, in one
//! JSON file under the data dir. It never loses a note:
//!
//! - a change is durable before `apply` returns: the new file is written
//!   beside the old, fsynced, renamed over it, and the directory fsynced
//!   (atomic-write-file);
//! - two processes on one store both keep every change: each change takes an
//!   exclusive lock on `store.lock` (a file that is never replaced),
//!   re-reads the store, applies itself to what it finds, writes, unlocks;
//! - a corrupt store, or one from a newer schema, is refused and left
//!   byte-for-byte as it was; a full disk fails the write and leaves the
//!   previous file intact;
//! - files are created 0600 and the directory 0700.

pub mod schema;

use crate::model::{Article, ArticleId, ByteSpan};
use atomic_write_file::AtomicWriteFile;
pub use schema::{
    Annotation, ArticleMeta, Correction, CorrectionKind, SourceGrade, StoreData, SCHEMA_VERSION,
};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const STORE_FILE: &str = "store.json";
pub const LOCK_FILE: &str = "store.lock";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store {path} was refused and left untouched: {error}")]
    Refused {
        path: PathBuf,
        error: schema::SchemaError,
    },
    #[error("no annotation with id {0}")]
    NoSuchAnnotation(String),
    #[error("no correction with id {0}")]
    NoSuchCorrection(String),
}

/// One change to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Tag {
        article: ArticleId,
        path: String,
        title: String,
        tag: String,
    },
    Untag {
        article: ArticleId,
        tag: String,
    },
    Annotate(Annotation),
    Edit {
        id: String,
        note: Option<String>,
        tags: Option<BTreeSet<String>>,
        modified: String,
    },
    Delete {
        id: String,
    },
    Correct(Correction),
    Uncorrect {
        id: String,
    },
    /// Grades a claim's source, replacing the claim's earlier grade.
    Grade(SourceGrade),
    /// Removes the grade of the claim at `span` (nothing to remove is no
    /// error: the change is already made).
    Ungrade {
        article: ArticleId,
        span: ByteSpan,
    },
}

/// Where an annotation lands in the article as it reads now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Attached(ByteSpan),
    /// A note on the whole article.
    Whole,
    /// The quoted text is no longer where it was: shown with its quote,
    /// never re-attached elsewhere.
    Orphaned,
}

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    data: StoreData,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// The store in `dir` (created if missing). Fails on a corrupt or
    /// newer-schema file, which is not touched.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        create_private_dir(dir)?;
        let data = read(dir)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            data,
        })
    }

    pub fn default_dir() -> PathBuf {
        crate::paths::data_dir()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn data(&self) -> &StoreData {
        &self.data
    }

    /// Picks up changes another process made. Returns whether anything
    /// changed.
    pub fn reload(&mut self) -> Result<bool, StoreError> {
        let fresh = read(&self.dir)?;
        let changed = fresh != self.data;
        self.data = fresh;
        Ok(changed)
    }

    /// Applies changes as one durable step: lock, re-read, apply, write.
    pub fn apply_all(&mut self, ops: Vec<Op>) -> Result<(), StoreError> {
        let lock_path = self.dir.join(LOCK_FILE);
        let lock = open_private(&lock_path)?;
        lock.lock().map_err(io_err(&lock_path))?;
        remove_dead_temp_files(&self.dir);
        let mut data = read(&self.dir)?;
        for op in ops {
            apply_op(&mut data, op)?;
        }
        write(&self.dir, &data)?;
        self.data = data;
        // Dropping the file releases the lock.
        drop(lock);
        Ok(())
    }

    pub fn apply(&mut self, op: Op) -> Result<(), StoreError> {
        self.apply_all(vec![op])
    }

    pub fn tags(&self, article: &ArticleId) -> BTreeSet<String> {
        self.data
            .articles
            .get(article)
            .map(|m| m.tags.clone())
            .unwrap_or_default()
    }

    /// Every tag in use, for completion.
    pub fn all_tags(&self) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = self
            .data
            .articles
            .values()
            .flat_map(|m| m.tags.iter().cloned())
            .collect();
        out.extend(
            self.data
                .annotations
                .iter()
                .flat_map(|a| a.tags.iter().cloned()),
        );
        out
    }

    /// The article's annotations with where each lands now; notes made on
    /// an earlier text of the same file come back orphaned.
    pub fn annotations_for(&self, a: &Article) -> Vec<(&Annotation, Anchor)> {
        let base_path = a.path.as_str();
        self.data
            .annotations
            .iter()
            .filter(|n| n.article == a.id || (!n.path.is_empty() && n.path == base_path))
            .map(|n| (n, anchor(n, a)))
            .collect()
    }

    /// The grade of the claim whose quantity is at `span`, if graded.
    pub fn grade_of(&self, article: &ArticleId, span: ByteSpan) -> Option<&SourceGrade> {
        self.data
            .grades
            .iter()
            .find(|g| &g.article == article && g.span == span)
    }

    pub fn corrections_for(&self, id: &ArticleId) -> Vec<&Correction> {
        self.data
            .corrections
            .iter()
            .filter(|c| &c.article == id)
            .collect()
    }
}

fn apply_op(d: &mut StoreData, op: Op) -> Result<(), StoreError> {
    match op {
        Op::Tag {
            article,
            path,
            title,
            tag,
        } => {
            let m = d.articles.entry(article).or_default();
            m.tags.insert(tag);
            if !path.is_empty() {
                m.path = path;
            }
            if !title.is_empty() {
                m.title = title;
            }
        }
        Op::Untag { article, tag } => {
            if let Some(m) = d.articles.get_mut(&article) {
                m.tags.remove(&tag);
                if m.tags.is_empty() {
                    d.articles.remove(&article);
                }
            }
        }
        Op::Annotate(a) => {
            // Re-applying the same annotation (an import, a retry) is a no-op.
            match d.annotations.iter_mut().find(|x| x.id == a.id) {
                Some(x) => *x = a,
                None => d.annotations.push(a),
            }
        }
        Op::Edit {
            id,
            note,
            tags,
            modified,
        } => {
            let a = d
                .annotations
                .iter_mut()
                .find(|x| x.id == id)
                .ok_or(StoreError::NoSuchAnnotation(id))?;
            if let Some(n) = note {
                a.note = n;
            }
            if let Some(t) = tags {
                a.tags = t;
            }
            a.modified = modified;
        }
        Op::Delete { id } => {
            let before = d.annotations.len();
            d.annotations.retain(|x| x.id != id);
            if d.annotations.len() == before {
                return Err(StoreError::NoSuchAnnotation(id));
            }
        }
        Op::Correct(c) => match d.corrections.iter_mut().find(|x| x.id == c.id) {
            Some(x) => *x = c,
            None => d.corrections.push(c),
        },
        Op::Uncorrect { id } => {
            let before = d.corrections.len();
            d.corrections.retain(|x| x.id != id);
            if d.corrections.len() == before {
                return Err(StoreError::NoSuchCorrection(id));
            }
        }
        Op::Grade(g) => {
            match d
                .grades
                .iter_mut()
                .find(|x| x.article == g.article && x.span == g.span)
            {
                Some(x) => *x = g,
                None => d.grades.push(g),
            }
        }
        Op::Ungrade { article, span } => {
            d.grades
                .retain(|x| !(x.article == article && x.span == span));
        }
    }
    Ok(())
}

/// A writer killed mid-write leaves its temporary copy (`.store.json.XXXXXX`).
/// Every writer holds the lock while it writes, so with the lock held any
/// such file belongs to a dead one and can go.
fn remove_dead_temp_files(dir: &Path) {
    let prefix = format!(".{STORE_FILE}.");
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
            {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

fn read(dir: &Path) -> Result<StoreData, StoreError> {
    let path = dir.join(STORE_FILE);
    let bytes = match fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(StoreData::default()),
        Err(e) => return Err(io_err(&path)(e)),
    };
    let text = String::from_utf8(bytes).map_err(|_| StoreError::Refused {
        path: path.clone(),
        error: schema::SchemaError::Invalid("not UTF-8 text".into()),
    })?;
    schema::from_json(&text).map_err(|error| StoreError::Refused { path, error })
}

fn write(dir: &Path, data: &StoreData) -> Result<(), StoreError> {
    let path = dir.join(STORE_FILE);
    let mut json = serde_json::to_string_pretty(data).expect("store data serialises");
    json.push('\n');
    let mut opts = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&path).map_err(io_err(&path))?;
    f.write_all(json.as_bytes()).map_err(io_err(&path))?;
    f.commit().map_err(io_err(&path))
}

fn open_private(path: &Path) -> Result<fs::File, StoreError> {
    let mut o = fs::OpenOptions::new();
    o.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map_err(io_err(path))
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(io_err(dir))
}

/// Characters of context kept either side of a quote.
const CONTEXT: usize = 32;

/// Where an annotation lands: its span still holds its quote, or it is
/// orphaned.
pub fn anchor(n: &Annotation, a: &Article) -> Anchor {
    match n.span {
        None => {
            if n.article == a.id {
                Anchor::Whole
            } else {
                Anchor::Orphaned
            }
        }
        Some(s) => match a.text.get(s.start..s.end) {
            Some(q) if q == n.quote => Anchor::Attached(s),
            _ => Anchor::Orphaned,
        },
    }
}

/// A tag as typed, trimmed; refused when empty or holding spaces or
/// control characters.
pub fn valid_tag(t: &str) -> Result<String, String> {
    let t = t.trim();
    if t.is_empty()
        || t.chars()
            .any(|c| c.is_whitespace() || c.is_control() || crate::sanitize::is_unsafe(c))
    {
        Err(format!(
            "not a usable tag: {:?} (no spaces or control characters)",
            crate::sanitize::line(t)
        ))
    } else {
        Ok(t.to_string())
    }
}

pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// The analyst's user name.
pub fn author() -> String {
    ["SITREP_AUTHOR", "USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// A fresh id: unique across processes and runs.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut h = blake3::Hasher::new();
    h.update(&nanos.to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    h.update(&COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    h.finalize().to_hex()[..12].to_string()
}

/// A new grade for `claim` of article `a`, whose text is `text`.
pub fn source_grade(
    a: &ArticleId,
    text: &str,
    claim: &crate::model::Claim,
    grade: crate::model::Grade,
) -> SourceGrade {
    SourceGrade {
        id: new_id(),
        article: a.clone(),
        span: ByteSpan::new(claim.quantity_start, claim.quantity_end),
        quantity: claim.quantity(text).to_string(),
        source: claim.source().map(str::to_string),
        grade,
        created: now(),
        author: author(),
    }
}

/// A new annotation on `span` of the article (or all of it), with the
/// quote and its context taken from the text.
pub fn annotation(
    a: &Article,
    span: Option<ByteSpan>,
    note: &str,
    tags: BTreeSet<String>,
) -> Annotation {
    let (quote, prefix, suffix) = match span {
        Some(s) => {
            let before = &a.text[..s.start];
            let after = &a.text[s.end..];
            let pstart = before
                .char_indices()
                .rev()
                .nth(CONTEXT - 1)
                .map_or(0, |(i, _)| i);
            let send = after
                .char_indices()
                .nth(CONTEXT)
                .map_or(after.len(), |(i, _)| i);
            (
                a.text[s.start..s.end].to_string(),
                before[pstart..].to_string(),
                after[..send].to_string(),
            )
        }
        None => (String::new(), String::new(), String::new()),
    };
    let t = now();
    Annotation {
        id: new_id(),
        article: a.id.clone(),
        path: a.path.clone(),
        span,
        quote,
        prefix,
        suffix,
        tags,
        note: note.to_string(),
        created: t.clone(),
        modified: t,
        author: author(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse;
    use crate::model::Format;

    pub fn article(text: &str, path: &str) -> Article {
        let d = parse(Format::Text, text).unwrap().drafts.remove(0);
        d.into_article(path.into(), Format::Text)
    }

    #[test]
    fn round_trip_of_every_kind_of_change() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(
            "Siege Of Deir ez-Zor Broken By The Army\n\nThe SAA broke the siege on Tuesday.\n",
            "a.txt",
        );
        let mut s = Store::open(dir.path()).unwrap();
        s.apply(Op::Tag {
            article: a.id.clone(),
            path: a.path.clone(),
            title: a.title.clone(),
            tag: "priority".into(),
        })
        .unwrap();
        let at = a.text.find("broke the siege").unwrap();
        let span = ByteSpan::new(at, at + "broke the siege".len());
        let n = annotation(
            &a,
            Some(span),
            "First *claim* of the day",
            ["siege".to_string()].into(),
        );
        let whole = annotation(&a, None, "whole-article note", BTreeSet::new());
        s.apply(Op::Annotate(n.clone())).unwrap();
        s.apply(Op::Annotate(whole.clone())).unwrap();
        let c = Correction {
            id: new_id(),
            article: a.id.clone(),
            kind: CorrectionKind::Location,
            wrong: true,
            name: "Tuesday".into(),
            span: None,
            note: String::new(),
            created: now(),
            author: author(),
        };
        s.apply(Op::Correct(c.clone())).unwrap();
        let reopened = Store::open(dir.path()).unwrap();
        assert_eq!(reopened.data(), s.data());
        assert_eq!(reopened.tags(&a.id), ["priority".to_string()].into());
        let anns = reopened.annotations_for(&a);
        assert_eq!(anns.len(), 2);
        assert_eq!(anns[0].1, Anchor::Attached(span));
        assert_eq!(anns[0].0.quote, "broke the siege");
        assert!(anns[0].0.prefix.ends_with("The SAA "));
        assert_eq!(anns[1].1, Anchor::Whole);
        assert_eq!(reopened.corrections_for(&a.id), vec![&c]);

        s.apply(Op::Edit {
            id: n.id.clone(),
            note: Some("edited".into()),
            tags: None,
            modified: now(),
        })
        .unwrap();
        s.apply(Op::Delete {
            id: whole.id.clone(),
        })
        .unwrap();
        s.apply(Op::Uncorrect { id: c.id.clone() }).unwrap();
        s.apply(Op::Untag {
            article: a.id.clone(),
            tag: "priority".into(),
        })
        .unwrap();
        let r = Store::open(dir.path()).unwrap();
        assert_eq!(r.data().annotations.len(), 1);
        assert_eq!(r.data().annotations[0].note, "edited");
        assert!(r.data().corrections.is_empty() && r.data().articles.is_empty());
        assert!(matches!(
            s.apply(Op::Delete { id: "nope".into() }),
            Err(StoreError::NoSuchAnnotation(_))
        ));
    }

    #[test]
    fn changed_text_orphans_the_note() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(
            "Army Takes Hill Near Palmyra Overnight\n\nThe army took the hill at dawn.\n",
            "p.txt",
        );
        let at = a.text.find("took the hill").unwrap();
        let mut s = Store::open(dir.path()).unwrap();
        s.apply(Op::Annotate(annotation(
            &a,
            Some(ByteSpan::new(at, at + 13)),
            "n",
            BTreeSet::new(),
        )))
        .unwrap();
        let edited = article(
            "Army Takes Hill Near Palmyra Overnight\n\nAt dawn, the army took the hill.\n",
            "p.txt",
        );
        let anns = s.annotations_for(&edited);
        assert_eq!(anns.len(), 1);
        assert_eq!(anns[0].1, Anchor::Orphaned);
        assert_eq!(anns[0].0.quote, "took the hill");
    }

    #[test]
    fn corrupt_and_newer_stores_are_left_untouched() {
        for content in [
            "{ this is not json",
            "{\"schema_version\": 7, \"annotations\": []}",
            "{\"schema_version\": 4, \"grades\": []}",
        ] {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join(STORE_FILE);
            fs::write(&p, content).unwrap();
            let err = Store::open(dir.path()).unwrap_err();
            assert!(err.to_string().contains("left untouched"), "{err}");
            assert_eq!(fs::read_to_string(&p).unwrap(), content);
        }
    }

    #[test]
    fn grades_replace_and_go_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let a = article(
            "Monitor Counts Dead In Raqqa Strikes\n\nTwelve civilians were killed in Raqqa, the SOHR said.\n",
            "g.txt",
        );
        let ex =
            crate::extract::Extractor::new(&crate::extract::tables::Tables::builtin().unwrap());
        let claim = ex.extract(&a).claims.remove(0);
        let span = ByteSpan::new(claim.quantity_start, claim.quantity_end);
        let mut s = Store::open(dir.path()).unwrap();
        s.apply(Op::Grade(source_grade(
            &a.id,
            &a.text,
            &claim,
            "b2".parse().unwrap(),
        )))
        .unwrap();
        s.apply(Op::Grade(source_grade(
            &a.id,
            &a.text,
            &claim,
            "C3".parse().unwrap(),
        )))
        .unwrap();
        let r = Store::open(dir.path()).unwrap();
        assert_eq!(r.data().grades.len(), 1, "a claim has one grade");
        let g = r.grade_of(&a.id, span).unwrap();
        assert_eq!(g.grade.to_string(), "C3");
        assert_eq!(g.quantity, claim.quantity(&a.text));
        assert_eq!(g.source.as_deref(), Some("SOHR"));
        let text = fs::read_to_string(dir.path().join(STORE_FILE)).unwrap();
        assert!(text.contains("\"schema_version\": 3") && text.contains("\"grade\": \"C3\""));
        s.apply(Op::Ungrade {
            article: a.id.clone(),
            span,
        })
        .unwrap();
        assert!(Store::open(dir.path()).unwrap().data().grades.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let sd = dir.path().join("store");
        let mut s = Store::open(&sd).unwrap();
        s.apply(Op::Untag {
            article: ArticleId("x".into()),
            tag: "t".into(),
        })
        .unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&sd.join(STORE_FILE)), 0o600);
        assert_eq!(mode(&sd.join(LOCK_FILE)), 0o600);
        assert_eq!(mode(&sd), 0o700);
    }
}
