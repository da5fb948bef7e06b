//! The article cache: what reading and extracting each file produced,
//! kept in the cache dir so a corpus opens without parsing or extracting
//! again.
//!
//! One packed file per corpus (its root paths name it). Every entry is
//! keyed by the hash of the file's bytes and of what else decides how it
//! is read (named on the command line or found, its extension); the pack
//! as a whole carries the extractor's version: the built-in tables, the
//! analyst's `extend.toml` and the code that reads and extracts (a hash of
//! its sources, taken at build time). A changed article is a new key; a new
//! gazetteer or a new build is a new version and the whole pack is
//! discarded.
//!
//! Nothing in a cache file is trusted: a file with the wrong magic, an
//! older or newer format, another version, or a length that does not add
//! up is discarded whole; the directory at its end (key, hash, offset and
//! length of each entry) carries a hash, and each entry's bytes are read
//! only when asked for and checked against their hash before they are
//! decoded, so a corrupt entry is read again from its file.
//! Writes go to a temporary file renamed over the old one
//! (`atomic-write-file`), so a killed process leaves the old pack or the
//! new one, never half of one, and two sessions writing at once each leave
//! a whole pack (the last one wins).
//!
//! Entries are `postcard`, a compact binary serde format with no field
//! names or escaping to parse. (It was chosen, not measured against
//! `serde_json`: a warm start of 10,000 articles decodes a 78 MB pack and
//! reaches its first full frame in about 1 s.)

use crate::extract::tables::{self, Tables};
use crate::extract::Extractor;
use crate::model::{Article, Claim, Force, Format, Location, Summary, Ustr};
use atomic_write_file::AtomicWriteFile;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Bumped when the pack's layout changes (the entries' layout is covered
/// by the code hash).
pub const FORMAT: u32 = 2;
const MAGIC: &[u8; 12] = b"SITREPCACHE\n";
/// Magic, format, version, entries, where the directory starts, the
/// directory's hash. The entries follow; the directory ends the file.
const HEADER: usize = 12 + 4 + 32 + 8 + 8 + 32;
/// Key, hash of the entry's bytes, where they start, how many.
const DIR_ENTRY: usize = 32 + 32 + 8 + 8;

/// What the cached results depend on besides a file's own bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version(pub [u8; 32]);

impl Version {
    /// The built-in tables, the analyst's `extend.toml` (its bytes, when
    /// there is one), this build's code and the pack format.
    pub fn of(extend: Option<&[u8]>) -> Version {
        let mut h = blake3::Hasher::new();
        h.update(b"sitrep cache version\0");
        h.update(&FORMAT.to_le_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(b"\0");
        h.update(env!("SITREP_CODE_HASH").as_bytes());
        for t in [
            tables::FORCES_TOML,
            tables::SOURCES_TOML,
            tables::PLACES_TSV,
            tables::PLACES_CURATED_TSV,
            tables::STOPWORDS_TXT,
        ] {
            h.update(&(t.len() as u64).to_le_bytes());
            h.update(t.as_bytes());
        }
        match extend {
            Some(b) => {
                h.update(b"extend\0");
                h.update(&(b.len() as u64).to_le_bytes());
                h.update(b);
            }
            None => {
                h.update(b"no extend\0");
            }
        }
        Version(*h.finalize().as_bytes())
    }
}

/// The extractor `Extractor::load_default` would build (the built-in
/// tables plus `extend.toml` in `config_dir`), to be built the first time
/// a file must be extracted, and the cache version that goes with it. The
/// tables are read now, so a malformed `extend.toml` is reported at once.
pub fn extractor(config_dir: &Path) -> Result<(Extraction, Version), tables::TableError> {
    let (t, version) = tables(config_dir)?;
    Ok((Extraction::lazy(t), version))
}

/// The tables `Tables::load_default` reads (the built-in ones plus
/// `extend.toml` in `config_dir`), and the cache version that goes with
/// them: read once, for the query language's names and for extraction.
pub fn tables(config_dir: &Path) -> Result<(Tables, Version), tables::TableError> {
    let path = config_dir.join("extend.toml");
    let mut t = Tables::builtin()?;
    if !path.is_file() {
        return Ok((t, Version::of(None)));
    }
    let before = std::fs::read(&path).ok();
    t.extend_from_file(&path)?;
    // Changed while it was read: a version that matches no cache, so
    // nothing stale is served and nothing is written under a wrong name.
    let after = std::fs::read(&path).ok();
    let version = if before == after {
        Version::of(before.as_deref())
    } else {
        Version([0; 32])
    };
    Ok((t, version))
}

/// An extractor built on first use: building one takes a few hundred
/// milliseconds, and a corpus that is all in the cache never needs it.
pub struct Extraction {
    tables: Option<Tables>,
    built: OnceLock<Extractor>,
}

impl Extraction {
    pub fn lazy(tables: Tables) -> Extraction {
        Extraction {
            tables: Some(tables),
            built: OnceLock::new(),
        }
    }

    /// Built now, or the first time it is needed.
    pub fn get(&self) -> &Extractor {
        self.built
            .get_or_init(|| Extractor::new(self.tables.as_ref().expect("tables until it is built")))
    }

    /// Whether it has been built (a load all from the cache never does).
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }
}

impl From<Extractor> for Extraction {
    fn from(e: Extractor) -> Extraction {
        Extraction {
            tables: None,
            built: OnceLock::from(e),
        }
    }
}

/// An entry's key.
pub type Key = [u8; 32];

/// The key of a file's results: its bytes, and what else decides how they
/// are read (see `corpus::parse_file`).
pub fn file_key(bytes: &[u8], named: bool, path: &Path) -> Key {
    let mut h = blake3::Hasher::new();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    h.update(&[named as u8]);
    h.update(&(ext.len() as u64).to_le_bytes());
    h.update(ext.as_bytes());
    h.update(bytes);
    *h.finalize().as_bytes()
}

/// The pack for a corpus opened from `roots`.
pub fn pack_path(cache_dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let mut h = blake3::Hasher::new();
    for r in roots {
        let abs = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
        let s = abs.to_string_lossy();
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    }
    cache_dir.join(format!("corpus-{}.pack", &h.finalize().to_hex()[..16]))
}

/// What one file yielded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub format: Format,
    /// Items of the file that were bad while the rest was fine.
    pub problems: Vec<String>,
    /// Each article (its `path` empty: the loader sets it) and its summary.
    pub items: Vec<(Article, CachedSummary)>,
}

/// `Summary` as the cache stores it. `Claim` leaves an empty `high` out of
/// its JSON, which a format without field names cannot read back, so the
/// cache keeps its own copy of the claim's fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedSummary {
    forces: Vec<Force>,
    locations: Vec<Location>,
    claims: Vec<CachedClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CachedClaim {
    value: f64,
    high: Option<f64>,
    unit: Ustr,
    source: Option<Ustr>,
    date: Option<Ustr>,
    start: usize,
    end: usize,
    quantity_start: usize,
    quantity_end: usize,
}

impl From<Summary> for CachedSummary {
    fn from(s: Summary) -> Self {
        CachedSummary {
            forces: s.forces,
            locations: s.locations,
            claims: s
                .claims
                .into_iter()
                .map(|c| CachedClaim {
                    value: c.value,
                    high: c.high,
                    unit: c.unit,
                    source: c.source,
                    date: c.date,
                    start: c.start,
                    end: c.end,
                    quantity_start: c.quantity_start,
                    quantity_end: c.quantity_end,
                })
                .collect(),
        }
    }
}

impl From<CachedSummary> for Summary {
    fn from(s: CachedSummary) -> Self {
        Summary {
            forces: s.forces,
            locations: s.locations,
            claims: s
                .claims
                .into_iter()
                .map(|c| Claim {
                    value: c.value,
                    high: c.high,
                    unit: c.unit,
                    source: c.source,
                    date: c.date,
                    start: c.start,
                    end: c.end,
                    quantity_start: c.quantity_start,
                    quantity_end: c.quantity_end,
                })
                .collect(),
        }
    }
}

/// An entry's bytes as stored.
pub fn encode(entry: &Entry) -> Vec<u8> {
    postcard::to_stdvec(entry).expect("an entry serialises")
}

/// How opening a pack went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Read, of this version: its entries may be used.
    Read,
    /// No pack yet.
    Missing,
    /// There was a file, but it was not used (and will be replaced).
    Discarded(String),
}

/// A pack as read: its directory, and the open file the entries are read
/// from when asked for (the pack is never held in memory whole).
#[derive(Debug)]
pub struct Pack {
    file: Option<std::fs::File>,
    index: HashMap<Key, Record>,
    pub opened: Opened,
}

#[derive(Debug, Clone, Copy)]
struct Record {
    hash: [u8; 32],
    at: u64,
    len: u64,
}

impl Pack {
    /// An empty pack (`--no-cache`, or nothing could be read).
    pub fn empty(opened: Opened) -> Pack {
        Pack {
            file: None,
            index: HashMap::new(),
            opened,
        }
    }

    /// Opens the pack at `path` and reads its directory. Never fails: a
    /// pack that cannot be used comes back empty with the reason.
    pub fn open(path: &Path, version: Version) -> Pack {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Pack::empty(Opened::Missing)
            }
            Err(e) => return Pack::empty(Opened::Discarded(format!("unreadable: {e}"))),
        };
        match directory(&file, version) {
            Ok(index) => Pack {
                file: Some(file),
                index,
                opened: Opened::Read,
            },
            Err(why) => Pack::empty(Opened::Discarded(why)),
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The entry under `key`, if there is one whose bytes are intact and
    /// decode.
    pub fn get(&self, key: &Key) -> Option<Entry> {
        let blob = self.blob(key)?;
        postcard::from_bytes(&blob).ok()
    }

    /// The stored bytes of the entry under `key`, read and checked against
    /// their hash.
    pub fn blob(&self, key: &Key) -> Option<Vec<u8>> {
        let r = self.index.get(key)?;
        let mut blob = vec![0; r.len as usize];
        read_at(self.file.as_ref()?, &mut blob, r.at).ok()?;
        (blake3::hash(&blob).as_bytes() == &r.hash).then_some(blob)
    }
}

#[cfg(unix)]
fn read_at(f: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, at)
}

#[cfg(windows)]
fn read_at(f: &std::fs::File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(f, buf, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf = &mut buf[n..];
        at += n as u64;
    }
    Ok(())
}

/// Checks the header and reads the directory: where each entry lies.
fn directory(file: &std::fs::File, version: Version) -> Result<HashMap<Key, Record>, String> {
    let size = file
        .metadata()
        .map_err(|e| format!("unreadable: {e}"))?
        .len();
    let mut head = [0u8; HEADER];
    if size < HEADER as u64 || read_at(file, &mut head, 0).is_err() || &head[..12] != MAGIC {
        return Err("not a sitrep cache".into());
    }
    let u64_at =
        |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
    let format = u32::from_le_bytes(head[12..16].try_into().expect("4 bytes"));
    if format != FORMAT {
        return Err(format!("cache format {format}, this sitrep reads {FORMAT}"));
    }
    if head[16..48] != version.0 {
        return Err("made by another extractor (tables, extend.toml or build)".into());
    }
    let records = u64_at(&head, 48);
    let dir_at = u64_at(&head, 56);
    let dir_len = records.checked_mul(DIR_ENTRY as u64);
    if dir_at < HEADER as u64 || dir_len.and_then(|l| l.checked_add(dir_at)) != Some(size) {
        return Err(format!("truncated or padded ({size} bytes)"));
    }
    let mut dir = vec![0u8; dir_len.unwrap_or(0) as usize];
    read_at(file, &mut dir, dir_at).map_err(|e| format!("unreadable: {e}"))?;
    if blake3::hash(&dir).as_bytes()[..] != head[64..96] {
        return Err("directory does not match its hash".into());
    }
    let mut index = HashMap::with_capacity(records as usize);
    let mut next = HEADER as u64;
    for e in dir.chunks_exact(DIR_ENTRY) {
        let key: Key = e[..32].try_into().expect("32 bytes");
        let hash: [u8; 32] = e[32..64].try_into().expect("32 bytes");
        let (at, len) = (u64_at(e, 64), u64_at(e, 72));
        if at != next || at.checked_add(len).is_none_or(|end| end > dir_at) {
            return Err("an entry outside the pack".into());
        }
        next = at + len;
        index.insert(key, Record { hash, at, len });
    }
    if next != dir_at {
        return Err("bytes between the entries and the directory".into());
    }
    Ok(index)
}

/// A pack being written: entries go to a temporary file as they come; it
/// replaces the old pack only on `commit`.
pub struct Writer {
    file: AtomicWriteFile,
    path: PathBuf,
    dir: Vec<u8>,
    at: u64,
}

impl Writer {
    pub fn create(path: &Path, version: Version) -> std::io::Result<Writer> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut opts = AtomicWriteFile::options();
        #[cfg(unix)]
        {
            // Article text may be confidential: as private as the store.
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut file = opts.open(path)?;
        let mut head = Vec::with_capacity(HEADER);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&FORMAT.to_le_bytes());
        head.extend_from_slice(&version.0);
        head.resize(HEADER, 0);
        file.write_all(&head)?;
        Ok(Writer {
            file,
            path: path.to_path_buf(),
            dir: Vec::new(),
            at: HEADER as u64,
        })
    }

    pub fn add(&mut self, key: &Key, blob: &[u8]) -> std::io::Result<()> {
        self.file.write_all(blob)?;
        self.dir.extend_from_slice(key);
        self.dir.extend_from_slice(blake3::hash(blob).as_bytes());
        self.dir.extend_from_slice(&self.at.to_le_bytes());
        self.dir
            .extend_from_slice(&(blob.len() as u64).to_le_bytes());
        self.at += blob.len() as u64;
        Ok(())
    }

    /// Writes the directory, fills in the header and puts the pack in
    /// place.
    pub fn commit(mut self) -> std::io::Result<PathBuf> {
        self.file.write_all(&self.dir)?;
        let records = (self.dir.len() / DIR_ENTRY) as u64;
        self.file.seek(SeekFrom::Start(48))?;
        self.file.write_all(&records.to_le_bytes())?;
        self.file.write_all(&self.at.to_le_bytes())?;
        self.file.write_all(blake3::hash(&self.dir).as_bytes())?;
        self.file.commit()?;
        Ok(self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, ByteSpan, Mention};

    fn entry() -> Entry {
        let text = "Shelling near Palmyra. 40 fighters were killed, SOHR said.".to_string();
        let article = Article {
            id: ArticleId::of_text(&text),
            path: String::new(),
            format: Format::Text,
            source_site: None,
            url: None,
            date: Some("2017-03-02".into()),
            title: "Shelling near Palmyra".into(),
            title_span: Some(ByteSpan::new(0, 21)),
            text: text.clone(),
            body: vec![ByteSpan::new(0, text.len())],
            chrome: vec![],
            comments: vec![],
        };
        let summary = Summary {
            forces: vec![],
            locations: vec![Location {
                name: "Palmyra".into(),
                kind: "city".into(),
                lat: Some(34.56),
                lon: None,
                country: Some("SY".into()),
                mentions: vec![Mention::new(14, 21)],
            }],
            claims: vec![Claim {
                value: 40.0,
                high: None,
                unit: "fighters".into(),
                source: Some("SOHR".into()),
                date: None,
                start: 23,
                end: text.len(),
                quantity_start: 23,
                quantity_end: 34,
            }],
        };
        Entry {
            format: Format::Text,
            problems: vec!["line 3: not JSON".into()],
            items: vec![(article, summary.into())],
        }
    }

    fn write(path: &Path, v: Version, entries: &[(Key, Entry)]) {
        let mut w = Writer::create(path, v).unwrap();
        for (k, e) in entries {
            w.add(k, &encode(e)).unwrap();
        }
        w.commit().unwrap();
    }

    #[test]
    fn round_trip_keeps_every_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pack");
        let v = Version::of(None);
        let e = entry();
        write(&path, v, &[([7; 32], e.clone())]);
        let pack = Pack::open(&path, v);
        assert_eq!(pack.opened, Opened::Read);
        assert_eq!(pack.get(&[7; 32]), Some(e.clone()));
        assert_eq!(pack.get(&[8; 32]), None);
        let back: Summary = pack.get(&[7; 32]).unwrap().items[0].1.clone().into();
        assert_eq!(back.claims[0].high, None);
        assert_eq!(back.claims[0].source.as_deref(), Some("SOHR"));
    }

    #[test]
    fn another_version_format_or_magic_is_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pack");
        let v = Version::of(None);
        write(&path, v, &[([1; 32], entry())]);
        let other = Version::of(Some(b"[[force]]\nname = \"X\"\n"));
        assert_ne!(v, other, "extend.toml changes the version");
        assert!(matches!(
            Pack::open(&path, other).opened,
            Opened::Discarded(_)
        ));
        assert!(Pack::open(&path, other).get(&[1; 32]).is_none());

        let mut bytes = std::fs::read(&path).unwrap();
        bytes[12..16].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        std::fs::write(&path, &bytes).unwrap();
        match Pack::open(&path, v).opened {
            Opened::Discarded(why) => assert!(why.contains("format"), "{why}"),
            o => panic!("newer format used: {o:?}"),
        }
        std::fs::write(&path, b"{\"not\": \"a cache\"}").unwrap();
        assert!(matches!(Pack::open(&path, v).opened, Opened::Discarded(_)));
        assert_eq!(
            Pack::open(&dir.path().join("none.pack"), v).opened,
            Opened::Missing
        );
    }

    #[test]
    fn truncated_pack_is_discarded_at_every_length() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pack");
        let v = Version::of(None);
        write(&path, v, &[([1; 32], entry()), ([2; 32], entry())]);
        let whole = std::fs::read(&path).unwrap();
        for cut in 0..whole.len() {
            std::fs::write(&path, &whole[..cut]).unwrap();
            let p = Pack::open(&path, v);
            assert!(
                matches!(p.opened, Opened::Discarded(_)) && p.is_empty(),
                "cut at {cut} of {}: {:?}",
                whole.len(),
                p.opened
            );
        }
    }

    #[test]
    fn corrupt_entry_is_never_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.pack");
        let v = Version::of(None);
        write(&path, v, &[([1; 32], entry()), ([2; 32], entry())]);
        let whole = std::fs::read(&path).unwrap();
        // Flip one byte in every position of the payload in turn: the
        // entry it lands in is refused (or the framing is), the other
        // entry is still whole.
        for at in HEADER..whole.len() {
            let mut bytes = whole.clone();
            bytes[at] ^= 0x20;
            std::fs::write(&path, &bytes).unwrap();
            let p = Pack::open(&path, v);
            let good = [p.get(&[1; 32]), p.get(&[2; 32])]
                .into_iter()
                .flatten()
                .filter(|e| *e == entry())
                .count();
            let any = [p.get(&[1; 32]), p.get(&[2; 32])]
                .into_iter()
                .flatten()
                .count();
            assert_eq!(good, any, "byte {at}: a changed entry was served");
            assert!(any <= 1, "byte {at}: both entries served");
        }
    }
}
