//! The article cache is never wrong: a changed article, a changed
//! `extend.toml`, a corrupt or truncated pack are each read anew, and what
//! comes out is what a load without the cache gives.

use sitrep::cache::{self, Opened};
use sitrep::cache::{Extraction, Version};
use sitrep::ingest::{self, CacheUse, Stats};
use sitrep::model::{Article, Summary};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const FIRST: &str = "Army shells villages near Palmyra\n\n\
The Syrian Arab Army shelled three villages east of Palmyra on Tuesday, \
according to the Syrian Observatory for Human Rights, which said 14 fighters \
were killed.\n";

const SECOND: &str = "Convoy reaches Deir ez-Zor\n\n\
A convoy of 40 trucks reached Deir ez-Zor on Friday, state media said. \
Residents reported shelling near the airport.\n";

const THIRD: &str = "Clashes in the desert\n\n\
Fighters of the Jabal Lions clashed with Islamic State near Tadmur on \
Sunday. A local monitor said 9 vehicles were destroyed.\n";

struct Fixture {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    config: PathBuf,
    cache: PathBuf,
    /// The extractor and version of each `extend.toml` seen, built once
    /// (building one is the slow part of a debug test).
    extractors: Mutex<Vec<(Version, Arc<Extraction>)>>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let config = dir.path().join("config");
    let cache = dir.path().join("cache");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(corpus.join("a.txt"), FIRST).unwrap();
    std::fs::write(corpus.join("b.txt"), SECOND).unwrap();
    std::fs::write(corpus.join("c.txt"), THIRD).unwrap();
    Fixture {
        _dir: dir,
        corpus,
        config,
        cache,
        extractors: Mutex::new(Vec::new()),
    }
}

type Load = (Vec<Article>, Vec<Summary>, Stats);

impl Fixture {
    /// The extractor `extend.toml` makes now, and its version.
    fn extractor(&self) -> (Arc<Extraction>, Version) {
        let ext = std::fs::read(self.config.join("extend.toml")).ok();
        let version = Version::of(ext.as_deref());
        let mut known = self.extractors.lock().unwrap();
        if let Some((_, e)) = known.iter().find(|(v, _)| *v == version) {
            return (Arc::clone(e), version);
        }
        let (e, v) = cache::extractor(&self.config).unwrap();
        assert_eq!(v, version);
        let e = Arc::new(e);
        known.push((v, Arc::clone(&e)));
        (e, v)
    }

    /// A load through the cache, with the extractor `extend.toml` makes.
    fn load(&self) -> Load {
        let (extractor, version) = self.extractor();
        let roots = vec![self.corpus.clone()];
        let c = CacheUse::new(&self.cache, &roots, version);
        let (all, stats) =
            ingest::load_all(&roots, &Default::default(), &extractor, Some(&c), |_, _| {});
        assert!(all.skipped.is_empty(), "{:?}", all.skipped);
        (all.articles, all.summaries, stats)
    }

    /// A load without the cache: the truth.
    fn fresh(&self) -> (Vec<Article>, Vec<Summary>) {
        let (extractor, _) = self.extractor();
        let (all, stats) = ingest::load_all(
            std::slice::from_ref(&self.corpus),
            &Default::default(),
            &extractor,
            None,
            |_, _| {},
        );
        assert_eq!(stats.hits, 0);
        (all.articles, all.summaries)
    }

    fn pack(&self) -> PathBuf {
        let files: Vec<PathBuf> = std::fs::read_dir(&self.cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "one pack, no leftovers: {files:?}");
        files[0].clone()
    }

    /// Loads through the cache and checks it against a fresh load.
    fn check(&self) -> Stats {
        let (a, s, stats) = self.load();
        let (fa, fs) = self.fresh();
        assert_eq!(a, fa, "articles as a fresh load reads them");
        assert_eq!(s, fs, "summaries as a fresh load extracts them");
        stats
    }
}

fn force_names(s: &[Summary]) -> Vec<String> {
    let mut v: Vec<String> = s
        .iter()
        .flat_map(|s| s.forces.iter().map(|f| f.name.to_string()))
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn second_load_comes_from_the_cache_and_equals_a_fresh_one() {
    let fx = fixture();
    let cold = fx.check();
    assert_eq!((cold.hits, cold.misses), (0, 3));
    assert_eq!(cold.cache, Opened::Missing);
    assert!(matches!(cold.written, Some(Ok(_))), "{:?}", cold.written);
    let warm = fx.check();
    assert_eq!((warm.hits, warm.misses), (3, 0));
    assert_eq!(warm.cache, Opened::Read);
    assert_eq!(warm.written, None, "nothing changed: nothing written");
    let (articles, _, _) = fx.load();
    assert!(articles[0].path.ends_with("a.txt"), "{}", articles[0].path);
    // All from the cache: the extractor is never built.
    let (x, v) = cache::extractor(&fx.config).unwrap();
    let roots = vec![fx.corpus.clone()];
    let c = CacheUse::new(&fx.cache, &roots, v);
    let (all, _) = ingest::load_all(&roots, &Default::default(), &x, Some(&c), |_, _| {});
    assert_eq!(all.articles, articles);
    assert!(!x.is_built());
}

#[test]
fn changed_article_is_read_again() {
    let fx = fixture();
    fx.check();
    std::fs::write(
        fx.corpus.join("b.txt"),
        SECOND.replace("40 trucks", "65 trucks"),
    )
    .unwrap();
    let stats = fx.check();
    assert_eq!((stats.hits, stats.misses), (2, 1));
    let (articles, summaries, _) = fx.load();
    assert!(articles[1].text.contains("65 trucks"));
    assert!(
        summaries[1].claims.iter().any(|c| c.value == 65.0),
        "{:?}",
        summaries[1].claims
    );
    // A removed file's entry leaves the pack.
    std::fs::remove_file(fx.corpus.join("c.txt")).unwrap();
    let stats = fx.check();
    assert_eq!((stats.hits, stats.misses), (2, 0));
    assert!(matches!(stats.written, Some(Ok(_))), "pruned and rewritten");
    let bytes = std::fs::read(fx.pack()).unwrap();
    assert!(
        !bytes.windows(11).any(|w| w == b"Jabal Lions"),
        "the removed article is gone from the pack"
    );
}

#[test]
fn changed_extend_toml_is_a_new_extractor() {
    let fx = fixture();
    let (_, before, _) = fx.load();
    assert!(!force_names(&before).contains(&"Jabal Lions Regiment".to_string()));
    std::fs::write(
        fx.config.join("extend.toml"),
        "[[force]]\nname = \"Jabal Lions Regiment\"\nkind = \"militia\"\n\
         aliases = [\"Jabal Lions\"]\n",
    )
    .unwrap();
    let stats = fx.check();
    assert_eq!(stats.hits, 0, "no entry of the old extractor is used");
    assert!(
        matches!(stats.cache, Opened::Discarded(_)),
        "{:?}",
        stats.cache
    );
    let (_, after, _) = fx.load();
    assert!(
        force_names(&after).contains(&"Jabal Lions Regiment".to_string()),
        "{:?}",
        force_names(&after)
    );
    // Changed again (an alias more): again a new version.
    std::fs::write(
        fx.config.join("extend.toml"),
        "[[force]]\nname = \"Jabal Lions Regiment\"\nkind = \"militia\"\n\
         aliases = [\"Jabal Lions\", \"Usud al-Jabal\"]\n",
    )
    .unwrap();
    assert_eq!(fx.check().hits, 0);
    assert_eq!(fx.check().hits, 3);
}

#[test]
fn corrupt_pack_is_discarded_and_rewritten() {
    let fx = fixture();
    fx.check();
    let pack = fx.pack();
    let good = std::fs::read(&pack).unwrap();
    // A byte changed inside an article's text: that entry is read again.
    let mut bytes = good.clone();
    let at = bytes
        .windows(7)
        .position(|w| w == b"Palmyra")
        .expect("the text is in the pack");
    bytes[at] = b'X';
    std::fs::write(&pack, &bytes).unwrap();
    let stats = fx.check();
    assert_eq!((stats.hits, stats.misses), (2, 1));
    assert!(matches!(stats.written, Some(Ok(_))));
    assert_eq!(fx.check().hits, 3, "the rewritten pack is whole");
    // Garbage, and a foreign file in its place.
    for junk in [&b"\x00\xff garbage"[..], &b"{\"articles\": []}"[..], &[]] {
        std::fs::write(&pack, junk).unwrap();
        let stats = fx.check();
        assert_eq!(stats.hits, 0);
        assert!(
            matches!(stats.cache, Opened::Discarded(_)),
            "{:?}",
            stats.cache
        );
        assert_eq!(fx.check().hits, 3);
    }
}

#[test]
fn truncated_pack_is_discarded_and_rewritten() {
    let fx = fixture();
    fx.check();
    let pack = fx.pack();
    let good = std::fs::read(&pack).unwrap();
    for cut in [10, 60, good.len() / 2, good.len() - 1] {
        std::fs::write(&pack, &good[..cut]).unwrap();
        let stats = fx.check();
        assert_eq!(stats.hits, 0, "cut at {cut}");
        assert!(matches!(stats.cache, Opened::Discarded(_)));
        assert!(matches!(stats.written, Some(Ok(_))));
        assert_eq!(std::fs::read(&pack).unwrap(), good, "rewritten whole");
    }
}

#[test]
fn two_sessions_at_once_leave_a_whole_pack() {
    let fx = fixture();
    let (_, _, first) = fx.load();
    assert_eq!(first.misses, 3);
    std::fs::remove_file(fx.pack()).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let (a, _, _) = fx.load();
                assert_eq!(a.len(), 3);
            });
        }
    });
    assert_eq!(fx.check().hits, 3, "the pack left is whole");
}

#[test]
fn renamed_file_keeps_its_entry_but_takes_its_new_path() {
    let fx = fixture();
    fx.check();
    std::fs::rename(fx.corpus.join("a.txt"), fx.corpus.join("z.txt")).unwrap();
    let stats = fx.check();
    assert_eq!((stats.hits, stats.misses), (3, 0));
    let (articles, _, _) = fx.load();
    assert!(articles[2].path.ends_with("z.txt"));
    // The same bytes as Markdown are read another way: another key.
    std::fs::rename(fx.corpus.join("z.txt"), fx.corpus.join("z.md")).unwrap();
    assert_eq!(fx.check().misses, 1);
}

#[test]
fn cli_no_cache_leaves_the_cache_alone() {
    let fx = fixture();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(extra)
            .arg("extract")
            .arg("--format")
            .arg("jsonl")
            .arg(&fx.corpus)
            .env("SITREP_CACHE_DIR", &fx.cache)
            .env("SITREP_CONFIG_DIR", &fx.config)
            .env("SITREP_DATA_DIR", fx.cache.parent().unwrap().join("data"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let uncached = run(&["--no-cache"]);
    assert!(!fx.cache.exists(), "--no-cache writes no cache");
    let cold = run(&[]);
    assert!(Path::new(&fx.pack()).is_file());
    let warm = run(&[]);
    assert_eq!(uncached, cold);
    assert_eq!(cold, warm);
    assert_eq!(uncached.lines().count(), 3);
}
