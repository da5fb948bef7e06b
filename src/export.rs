//! Export of what the analyst marked: every article with a tag, a note or a
//! correction in the store, in five formats (a Markdown brief, full-fidelity
//! JSON that `sitrep import` reads back, ACLED-style CSV, GeoJSON, W3C Web
//! Annotations), and the import of that JSON into a store.
//!
//! The steps, each usable on its own:
//! 1. [`known`]: the corpus articles the store knows about (only these need
//!    extracting);
//! 2. [`select`]: those articles with their tags, notes (anchored to the
//!    text as it reads now) and corrections, plus what the store holds about
//!    articles no longer in the corpus, kept by a [`Filter`];
//! 3. [`render`]: one format, as a string;
//! 4. [`write_file`]: atomically, 0600, never replacing an existing file
//!    (or following a symlink) without `force`.

pub mod context;
pub mod csv;
pub mod filter;
pub mod geojson;
pub mod json;
pub mod markdown;
pub mod w3c;

pub use filter::Filter;

use crate::model::{Article, ArticleId, ByteSpan, Summary};
use crate::store::{self, Anchor, Annotation, Correction, CorrectionKind, SourceGrade, StoreData};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} already exists; pass --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("{} is a directory", .0.display())]
    IsDirectory(PathBuf),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("not a sitrep JSON export: {0}")]
    NotAnExport(String),
    #[error("refused, nothing imported: {0}")]
    Invalid(String),
    #[error("written by a newer sitrep (export schema {found}, this one reads up to {max})")]
    NewerExport { found: u32, max: u32 },
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
    Geojson,
    W3c,
}

/// An annotation and where it lands in the article as it reads now.
#[derive(Debug, Clone, Copy)]
pub struct Note<'a> {
    pub annotation: &'a Annotation,
    pub anchor: Anchor,
}

impl Note<'_> {
    /// Its quote is no longer where it was, or its article is gone.
    pub fn orphaned(&self) -> bool {
        self.anchor == Anchor::Orphaned
    }
}

/// One exported article: as read now (when the corpus still has it) and
/// what the store holds about it.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub id: ArticleId,
    /// `None`: the store knows the article but the corpus no longer holds
    /// it; its notes are all orphaned.
    pub article: Option<&'a Article>,
    /// The extracted summary; `Some` exactly when `article` is.
    pub summary: Option<&'a Summary>,
    pub path: &'a str,
    pub title: &'a str,
    pub tags: &'a BTreeSet<String>,
    /// Whole-article notes first, then by position, then by id.
    pub notes: Vec<Note<'a>>,
    /// By creation time, then id.
    pub corrections: Vec<&'a Correction>,
    /// The analyst's grades of its claims' sources, by position.
    pub grades: Vec<&'a SourceGrade>,
}

impl<'a> Entry<'a> {
    /// The article's text, which the summary's spans point into ("" when
    /// the corpus no longer holds the article).
    pub fn text(&self) -> &'a str {
        self.article.map_or("", |a| a.text.as_str())
    }
    pub fn source_site(&self) -> Option<&'a str> {
        self.article.and_then(|a| a.source_site.as_deref())
    }
    pub fn date(&self) -> Option<&'a str> {
        self.article.and_then(|a| a.date.as_deref())
    }
    pub fn url(&self) -> Option<&'a str> {
        self.article.and_then(|a| a.url.as_deref())
    }

    /// Whether the analyst marked this summary item wrong (same rule as the
    /// reader: kind and name as shown).
    pub fn marked_wrong(&self, kind: CorrectionKind, name: &str) -> bool {
        self.corrections
            .iter()
            .any(|c| c.wrong && c.kind == kind && c.name == name)
    }

    /// Items the analyst added by hand.
    pub fn added(&self, kind: CorrectionKind) -> impl Iterator<Item = &'a Correction> + '_ {
        self.corrections
            .iter()
            .copied()
            .filter(move |c| !c.wrong && c.kind == kind)
    }

    /// The grade of the claim whose quantity is at `span`.
    pub fn grade_at(&self, span: ByteSpan) -> Option<&'a SourceGrade> {
        self.grades.iter().copied().find(|g| g.span == span)
    }

    /// Every tag on the article or on one of its notes.
    pub fn all_tags(&self) -> BTreeSet<&str> {
        let mut out: BTreeSet<&str> = self.tags.iter().map(String::as_str).collect();
        for n in &self.notes {
            out.extend(n.annotation.tags.iter().map(String::as_str));
        }
        out
    }
}

/// The corpus articles the store holds something about (a tag, a note by
/// article id or by path, a correction, a grade), each id once, in corpus
/// order.
pub fn known(articles: Vec<Article>, data: &StoreData) -> Vec<Article> {
    let mut ids: HashSet<&ArticleId> = data
        .articles
        .iter()
        .filter(|(_, m)| !m.tags.is_empty())
        .map(|(id, _)| id)
        .collect();
    ids.extend(data.annotations.iter().map(|n| &n.article));
    ids.extend(data.corrections.iter().map(|c| &c.article));
    ids.extend(data.grades.iter().map(|g| &g.article));
    let paths: HashSet<&str> = data
        .annotations
        .iter()
        .filter(|n| !n.path.is_empty())
        .map(|n| n.path.as_str())
        .collect();
    let mut seen = HashSet::new();
    articles
        .into_iter()
        .filter(|a| ids.contains(&a.id) || paths.contains(a.path.as_str()))
        .filter(|a| seen.insert(a.id.clone()))
        .collect()
}

/// The exported entries: the given articles (with their summaries, index
/// for index) that the store knows, in their order, then the store's
/// articles the corpus no longer holds, by id; only those `filter` keeps.
///
/// A note goes to the article with its id; else to the article at its path
/// (the file changed since), anchored by its quote; else to an entry of its
/// own, orphaned.
pub fn select<'a>(
    articles: &'a [Article],
    summaries: &'a [Summary],
    data: &'a StoreData,
    filter: &Filter,
) -> Vec<Entry<'a>> {
    assert_eq!(articles.len(), summaries.len(), "one summary per article");
    let mut by_id: HashMap<&ArticleId, usize> = HashMap::new();
    let mut by_path: HashMap<&str, usize> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_id.entry(&a.id).or_insert(i);
        by_path.entry(a.path.as_str()).or_insert(i);
    }
    let mut notes: Vec<Vec<Note<'a>>> = vec![Vec::new(); articles.len()];
    let mut corrections: Vec<Vec<&'a Correction>> = vec![Vec::new(); articles.len()];
    let mut grades: Vec<Vec<&'a SourceGrade>> = vec![Vec::new(); articles.len()];
    let mut gone: BTreeMap<&'a ArticleId, Gone<'a>> = BTreeMap::new();
    for n in &data.annotations {
        let home = by_id
            .get(&n.article)
            .or_else(|| by_path.get(n.path.as_str()).filter(|_| !n.path.is_empty()));
        match home {
            Some(&i) => notes[i].push(Note {
                annotation: n,
                anchor: store::anchor(n, &articles[i]),
            }),
            None => gone.entry(&n.article).or_default().0.push(Note {
                annotation: n,
                anchor: Anchor::Orphaned,
            }),
        }
    }
    for c in &data.corrections {
        match by_id.get(&c.article) {
            Some(&i) => corrections[i].push(c),
            None => gone.entry(&c.article).or_default().1.push(c),
        }
    }
    for g in &data.grades {
        match by_id.get(&g.article) {
            Some(&i) => grades[i].push(g),
            None => gone.entry(&g.article).or_default().2.push(g),
        }
    }
    for (id, m) in &data.articles {
        if !m.tags.is_empty() && !by_id.contains_key(id) {
            gone.entry(id).or_default();
        }
    }

    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, a) in articles.iter().enumerate() {
        if !seen.insert(&a.id) {
            continue;
        }
        let tags = data.articles.get(&a.id).map_or(&NO_TAGS, |m| &m.tags);
        let ns = std::mem::take(&mut notes[i]);
        let cs = std::mem::take(&mut corrections[i]);
        let gs = std::mem::take(&mut grades[i]);
        if tags.is_empty() && ns.is_empty() && cs.is_empty() && gs.is_empty() {
            continue;
        }
        out.push(entry(
            a.id.clone(),
            Some((a, &summaries[i])),
            &a.path,
            &a.title,
            tags,
            (ns, cs, gs),
        ));
    }
    for (id, (ns, cs, gs)) in gone {
        let meta = data.articles.get(id);
        let tags = meta.map_or(&NO_TAGS, |m| &m.tags);
        let path = meta
            .map(|m| m.path.as_str())
            .filter(|p| !p.is_empty())
            .or_else(|| {
                ns.iter()
                    .map(|n| n.annotation.path.as_str())
                    .find(|p| !p.is_empty())
            })
            .unwrap_or_default();
        let title = meta.map_or("", |m| m.title.as_str());
        out.push(entry(id.clone(), None, path, title, tags, (ns, cs, gs)));
    }
    out.retain(|e| filter.matches(e));
    out
}

/// What the store holds about one article: its notes, corrections and
/// grades.
type Gone<'a> = (Vec<Note<'a>>, Vec<&'a Correction>, Vec<&'a SourceGrade>);

/// The tags of an article the store holds none for.
static NO_TAGS: BTreeSet<String> = BTreeSet::new();

fn entry<'a>(
    id: ArticleId,
    found: Option<(&'a Article, &'a Summary)>,
    path: &'a str,
    title: &'a str,
    tags: &'a BTreeSet<String>,
    (mut notes, mut corrections, mut grades): Gone<'a>,
) -> Entry<'a> {
    notes.sort_by(|a, b| {
        let key = |n: &Note| {
            (
                n.annotation.span.map(|s| (s.start, s.end)),
                n.annotation.created.clone(),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.annotation.id.cmp(&b.annotation.id))
    });
    corrections.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    grades.sort_by_key(|g| (g.span, g.id.clone()));
    Entry {
        id,
        article: found.map(|f| f.0),
        summary: found.map(|f| f.1),
        path,
        title,
        tags,
        notes,
        corrections,
        grades,
    }
}

/// One entry for every article (the reader's list: tagged or not), with
/// what the store holds about it; notes go to the article with their id,
/// or (the file changed since) to the one at their path.
pub fn entries<'a>(
    articles: &'a [Article],
    summaries: &'a [Summary],
    data: &'a StoreView<'a>,
) -> Vec<Entry<'a>> {
    let all = Entries::new(articles, summaries, data);
    (0..articles.len()).map(|i| all.get(i)).collect()
}

/// The store's items indexed by article, so that the entry of any one
/// article is made on demand: the reader's filter makes only those of the
/// articles its index could not rule out.
pub struct Entries<'a> {
    articles: &'a [Article],
    summaries: &'a [Summary],
    data: &'a StoreView<'a>,
    notes_by_id: HashMap<&'a ArticleId, Vec<&'a Annotation>>,
    notes_by_path: HashMap<&'a str, Vec<&'a Annotation>>,
    corrections: HashMap<&'a ArticleId, Vec<&'a Correction>>,
    grades: HashMap<&'a ArticleId, Vec<&'a SourceGrade>>,
}

impl<'a> Entries<'a> {
    pub fn new(
        articles: &'a [Article],
        summaries: &'a [Summary],
        data: &'a StoreView<'a>,
    ) -> Entries<'a> {
        assert_eq!(articles.len(), summaries.len(), "one summary per article");
        // Indexed from the store's side: a store holds far fewer items
        // than a corpus has articles, and this runs on every keystroke of
        // the filter.
        let mut notes_by_id: HashMap<&ArticleId, Vec<&Annotation>> = HashMap::new();
        let mut notes_by_path: HashMap<&str, Vec<&Annotation>> = HashMap::new();
        for n in data.annotations {
            notes_by_id.entry(&n.article).or_default().push(n);
            if !n.path.is_empty() {
                notes_by_path.entry(n.path.as_str()).or_default().push(n);
            }
        }
        let mut corrections: HashMap<&ArticleId, Vec<&Correction>> = HashMap::new();
        for c in data.corrections {
            corrections.entry(&c.article).or_default().push(c);
        }
        let mut grades: HashMap<&ArticleId, Vec<&SourceGrade>> = HashMap::new();
        for g in data.grades {
            grades.entry(&g.article).or_default().push(g);
        }
        Entries {
            articles,
            summaries,
            data,
            notes_by_id,
            notes_by_path,
            corrections,
            grades,
        }
    }

    /// The entry of article `i`.
    pub fn get(&self, i: usize) -> Entry<'a> {
        let (a, s) = (&self.articles[i], &self.summaries[i]);
        let mut ns: Vec<Note<'a>> = Vec::new();
        let none: &[&Annotation] = &[];
        let by_id = self.notes_by_id.get(&a.id).map_or(none, Vec::as_slice);
        let by_path = self
            .notes_by_path
            .get(a.path.as_str())
            .map_or(none, Vec::as_slice);
        for n in by_id
            .iter()
            .chain(by_path.iter().filter(|n| n.article != a.id))
        {
            ns.push(Note {
                annotation: n,
                anchor: store::anchor(n, a),
            });
        }
        let cs = self.corrections.get(&a.id).cloned().unwrap_or_default();
        let gs = self.grades.get(&a.id).cloned().unwrap_or_default();
        let tags = self.data.tags.get(&a.id).unwrap_or(&NO_TAGS);
        entry(
            a.id.clone(),
            Some((a, s)),
            &a.path,
            &a.title,
            tags,
            (ns, cs, gs),
        )
    }
}

/// What [`entries`] needs of the store: its parts, wherever they are kept
/// (the reader keeps its own copy).
#[derive(Debug, Clone, Copy)]
pub struct StoreView<'a> {
    pub tags: &'a BTreeMap<ArticleId, BTreeSet<String>>,
    pub annotations: &'a [Annotation],
    pub corrections: &'a [Correction],
    pub grades: &'a [SourceGrade],
}

/// The entries in one format.
pub fn render(format: Format, entries: &[Entry]) -> Result<String, ExportError> {
    Ok(match format {
        Format::Markdown => markdown::render(entries),
        Format::Json => crate::sanitize::json(json::render(entries)?),
        Format::Csv => csv::render(entries)?,
        Format::Geojson => crate::sanitize::json(geojson::render(entries)?),
        Format::W3c => crate::sanitize::json(w3c::render(entries)?),
    })
}

/// Writes `bytes` to `path` atomically (a temporary file beside it,
/// fsynced, then moved into place; the folder fsynced), created 0600.
///
/// Without `force`, anything already at `path` (a file, a symlink, even a
/// dangling one) is an error and is left as it was; the check and the move
/// are one step (a hard link, which fails when the name exists), so a file
/// that appears meanwhile is not replaced either. With `force` the new file
/// replaces what is there; a symlink is replaced itself, its target never
/// written.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    let io = |source: std::io::Error| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => return Err(ExportError::IsDirectory(path.to_path_buf())),
        Ok(_) if !force => return Err(ExportError::Exists(path.to_path_buf())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    if force {
        write_replacing(path, bytes).map_err(io)
    } else {
        write_new(path, bytes).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => ExportError::Exists(path.to_path_buf()),
            _ => io(e),
        })
    }
}

fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use atomic_write_file::AtomicWriteFile;
    use std::io::Write;
    let mut opts = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        // The replaced file's mode and owner are not carried over: an
        // export is private whatever was there.
        opts.mode(0o600).preserve_mode(false).preserve_owner(false);
    }
    let mut f = opts.open(path)?;
    set_private(f.as_file())?;
    f.write_all(bytes)?;
    f.commit()
}

/// A temporary file in `path`'s folder, written and synced, then linked to
/// `path` (which fails if the name is taken) and unlinked.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?
        .to_string_lossy()
        .into_owned();
    let (tmp, mut f) = create_temp(&dir, &name)?;
    let result = (|| {
        set_private(&f)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            // No hard links on this file system: move the file instead,
            // the name having been checked free just before.
            Err(_) => {
                if std::fs::symlink_metadata(path).is_ok() {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                std::fs::rename(&tmp, path)
            }
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result?;
    sync_dir(&dir)
}

fn create_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    loop {
        let tmp = dir.join(format!(".{name}.{}.tmp", store::new_id()));
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o600);
        }
        match o.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// 0600 whatever the umask.
fn set_private(f: &std::fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = f;
    Ok(())
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub tags_added: usize,
    pub notes_added: usize,
    pub notes_updated: usize,
    pub corrections_added: usize,
    pub grades_added: usize,
    /// Items already in the store as they are (or newer there).
    pub unchanged: usize,
}

impl ImportReport {
    pub fn changed(&self) -> bool {
        self.tags_added
            + self.notes_added
            + self.notes_updated
            + self.corrections_added
            + self.grades_added
            > 0
    }
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tags, {} notes added, {} notes updated, {} corrections added, {} grades added, {} unchanged",
            self.tags_added,
            self.notes_added,
            self.notes_updated,
            self.corrections_added,
            self.grades_added,
            self.unchanged
        )
    }
}

/// Merges a JSON export (see [`json`]) into the store in one durable step:
/// tags by set union, notes and corrections by id, grades by claim (a
/// later grade replaces an earlier one). A note already in the
/// store is replaced only by a later-modified one; a correction already
/// there is kept. Importing the same file twice changes nothing.
pub fn import(store: &mut store::Store, text: &str) -> Result<ImportReport, ExportError> {
    let doc = json::parse(text)?;
    let (ops, report) = json::merge_ops(&doc, store.data())?;
    if !ops.is_empty() {
        store.apply_all(ops)?;
    }
    Ok(report)
}
