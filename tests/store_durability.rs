//! The store's promises, checked from outside through the real binary:
//! a change acknowledged (exit 0) survives SIGKILL of later writers, two
//! writers never lose each other's changes, a corrupt or newer store is
//! refused and left byte-for-byte as it was, and a full disk fails the
//! write without touching the previous file.
#![cfg(unix)]

use sitrep::model::{ArticleId, ByteSpan};
use sitrep::store::{Annotation, Op, Store, LOCK_FILE, STORE_FILE};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_sitrep");

/// No single invocation may take longer than this: a hung lock fails the
/// test instead of hanging it.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Article ids that need not exist in any corpus.
const IDS: [&str; 3] = ["0123456789abcdef", "fedcba9876543210", "00000000deadbeef"];

/// A private world for the binary: its config, data and cache dirs, an
/// empty configured corpus (so an id is looked up in nothing, fast) and
/// the store folder (not created: the binary makes it).
struct World {
    root: TempDir,
    store: PathBuf,
}

impl World {
    fn new() -> World {
        let root = tempfile::tempdir().unwrap();
        for d in ["config", "data", "cache", "corpus"] {
            fs::create_dir(root.path().join(d)).unwrap();
        }
        let corpus = root.path().join("corpus");
        fs::write(
            root.path().join("config").join("config.toml"),
            format!(
                "corpus = [{}]\n",
                toml_string(corpus.to_str().expect("utf-8 temp path"))
            ),
        )
        .unwrap();
        let store = root.path().join("store");
        World { root, store }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// `sitrep --store STORE` with the private dirs, nothing on stdin.
    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        self.setup(&mut c);
        c.arg("--store").arg(&self.store);
        c
    }

    fn setup(&self, c: &mut Command) {
        c.env("SITREP_CONFIG_DIR", self.path("config"))
            .env("SITREP_DATA_DIR", self.path("data"))
            .env("SITREP_CACHE_DIR", self.path("cache"))
            .env("SITREP_AUTHOR", "tester")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
    }

    fn store_file(&self) -> PathBuf {
        self.store.join(STORE_FILE)
    }

    /// A text article in the world's folder.
    fn article(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        fs::write(&p, text).unwrap();
        p
    }
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

struct Out {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs to completion (bounded by `TIMEOUT`), output captured in files so
/// a full pipe can never block the child.
fn run(mut c: Command) -> Out {
    let dir = tempfile::tempdir().unwrap();
    let (o, e) = (dir.path().join("out"), dir.path().join("err"));
    c.stdout(fs::File::create(&o).unwrap())
        .stderr(fs::File::create(&e).unwrap());
    let mut child = c.spawn().expect("spawn sitrep");
    let status = wait_bounded(&mut child, TIMEOUT);
    Out {
        status,
        stdout: fs::read_to_string(&o).unwrap(),
        stderr: fs::read_to_string(&e).unwrap(),
    }
}

fn wait_bounded(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("process {} still running after {limit:?}", child.id());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn ok(out: Out) -> Out {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status,
        out.stdout,
        out.stderr
    );
    out
}

fn tags_of(store: &Store, id: &str) -> BTreeSet<String> {
    store.tags(&ArticleId(id.into()))
}

/// Everything in the store folder, by name.
fn listing(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

/// A temporary file atomic-write-file makes beside the store:
/// `.store.json.XXXXXX`.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(".store.json.")
        .is_some_and(|s| s.len() == 6 && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Checks the folder holds only the store, its lock and (after a kill)
/// temporary files, all private. Returns the temporary files.
fn check_folder(dir: &Path) -> Vec<String> {
    let mut temps = Vec::new();
    for name in listing(dir) {
        let mode = fs::metadata(dir.join(&name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{name} has mode {mode:o}");
        if is_temp_name(&name) {
            temps.push(name);
        } else {
            assert!(
                name == STORE_FILE || name == LOCK_FILE,
                "unexpected file {name} in the store folder"
            );
        }
    }
    temps
}

/// xorshift64: a fixed, dependency-free sequence of delays.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[test]
fn sigkill_never_loses_an_acknowledged_change() {
    let w = World::new();
    // Notes made before the kills, big enough that each write takes a
    // while and the kills have a write to land in.
    let notes: Vec<Annotation> = (0..300)
        .map(|i| {
            let mut n = note(&format!("pre{i}"), IDS[i % 3]);
            n.note = format!("{i} {}", "lorem ipsum ".repeat(80));
            n
        })
        .collect();
    Store::open(&w.store)
        .unwrap()
        .apply_all(notes.iter().cloned().map(Op::Annotate).collect())
        .unwrap();
    let mut acked: Vec<(&str, String)> = Vec::new();
    let mut attempted: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    // Unkilled first writes: they time a whole invocation.
    let mut slowest = Duration::ZERO;
    for (i, id) in IDS.into_iter().enumerate() {
        let tag = format!("seed{i}");
        let start = Instant::now();
        ok(run({
            let mut c = w.cmd();
            c.args(["tag", id, &format!("+{tag}")]);
            c
        }));
        slowest = slowest.max(start.elapsed());
        attempted.entry(id).or_default().insert(tag.clone());
        acked.push((id, tag));
    }
    let seeds = acked.len();
    // Kills spread from before the process starts to past its usual end
    // (0-15 ms, or longer where fsync is slow), so some land mid-write and
    // some writes are acknowledged first.
    let max_delay = (slowest * 3 / 2)
        .max(Duration::from_millis(15))
        .min(Duration::from_millis(200));
    let mut killed = 0;
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for i in 0..40 {
        let id = IDS[i % IDS.len()];
        let tag = format!("t{i}");
        attempted.entry(id).or_default().insert(tag.clone());
        let mut c = w.cmd();
        c.args(["tag", id, &format!("+{tag}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = c.spawn().unwrap();
        let delay = rng.next() % (max_delay.as_micros() as u64 + 1);
        std::thread::sleep(Duration::from_micros(delay));
        // SIGKILL. It may race with the child's own exit: the status
        // says which came first.
        let _ = child.kill();
        let status = wait_bounded(&mut child, TIMEOUT);
        if status.success() {
            acked.push((id, tag));
        } else {
            assert_eq!(
                status.signal(),
                Some(9),
                "invocation {i} failed on its own: {status:?}"
            );
            killed += 1;
        }
    }
    eprintln!(
        "kill loop: delays 0-{max_delay:?}, {} acknowledged, {killed} killed",
        acked.len() - seeds
    );

    let store = Store::open(&w.store).expect("the store opens after the kills");
    for (id, tag) in &acked {
        assert!(
            tags_of(&store, id).contains(tag),
            "acknowledged +{tag} on {id} was lost"
        );
    }
    // Nothing appears that was never asked for, nor on the wrong article.
    for (id, meta) in &store.data().articles {
        let asked = attempted
            .get(id.0.as_str())
            .expect("an article never tagged");
        assert!(meta.tags.is_subset(asked), "{id}: {:?}", meta.tags);
    }
    assert_eq!(store.data().annotations, notes, "the notes made before");
    assert!(store.data().corrections.is_empty());

    // Temporary files a killed writer may leave are private, named so
    // they are never taken for the store, and do not stop a later write.
    let temps = check_folder(&w.store);
    eprintln!(
        "kill loop: {} temporary file(s) left: {temps:?}",
        temps.len()
    );
    let before = store.data().clone();
    let out = ok(run({
        let mut c = w.cmd();
        c.args(["tag", IDS[1], "+after"]);
        c
    }));
    assert!(out.stdout.contains("after"), "{}", out.stdout);
    let after = Store::open(&w.store).unwrap();
    assert!(tags_of(&after, IDS[1]).contains("after"));
    // The later write kept everything that was there before it.
    for (id, meta) in &before.articles {
        assert!(
            after.data().articles[id].tags.is_superset(&meta.tags),
            "{id} lost tags in the write after the kills"
        );
    }
    // The next write, holding the lock, cleared what dead writers left.
    let temps_after = check_folder(&w.store);
    assert!(
        temps_after.is_empty(),
        "left after a clean write: {temps_after:?}"
    );
}

#[test]
fn two_cli_writers_lose_nothing() {
    const N: usize = 100;
    let w = World::new();
    let start = Instant::now();
    std::thread::scope(|s| {
        for who in ["a", "b"] {
            let w = &w;
            s.spawn(move || {
                for i in 0..N {
                    // Both writers hit the same article (one tag set) and
                    // each also touches an article of its own.
                    let id = if i % 4 == 3 {
                        if who == "a" {
                            IDS[1]
                        } else {
                            IDS[2]
                        }
                    } else {
                        IDS[0]
                    };
                    let mut c = w.cmd();
                    c.args(["tag", id, &format!("+{who}{i}")]);
                    ok(run(c));
                }
            });
        }
    });
    eprintln!("2 x {N} tag invocations: {:?}", start.elapsed());
    let store = Store::open(&w.store).unwrap();
    let mut want: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for who in ["a", "b"] {
        for i in 0..N {
            let id = match (i % 4 == 3, who) {
                (false, _) => IDS[0],
                (true, "a") => IDS[1],
                (true, _) => IDS[2],
            };
            want.entry(id).or_default().insert(format!("{who}{i}"));
        }
    }
    for (id, tags) in &want {
        let got = tags_of(&store, id);
        let lost: Vec<_> = tags.difference(&got).collect();
        assert!(lost.is_empty(), "{id}: lost {lost:?}");
        assert_eq!(&got, tags);
    }
    assert!(check_folder(&w.store).is_empty());
}

/// The library writer the next test runs twice, as two processes: it does
/// nothing unless `SITREP_TEST_STORE_WRITER` (COUNT,NAME,DIR) is set.
#[test]
fn store_writer_helper() {
    let Ok(spec) = std::env::var("SITREP_TEST_STORE_WRITER") else {
        return;
    };
    let mut parts = spec.splitn(3, ',');
    let (count, name, dir) = (
        parts.next().unwrap().parse::<usize>().unwrap(),
        parts.next().unwrap().to_string(),
        PathBuf::from(parts.next().unwrap()),
    );
    // One long-lived handle: its copy of the data goes stale as the other
    // process writes, and each change must still land on the fresh file.
    let mut store = Store::open(&dir).unwrap();
    for i in 0..count {
        let op = if i % 2 == 0 {
            Op::Annotate(note(&format!("{name}-{i}"), IDS[i % 3]))
        } else {
            Op::Tag {
                article: ArticleId(IDS[i % 3].into()),
                path: String::new(),
                title: String::new(),
                tag: format!("{name}{i}"),
            }
        };
        store.apply(op).unwrap();
    }
}

fn note(id: &str, article: &str) -> Annotation {
    Annotation {
        id: id.into(),
        article: ArticleId(article.into()),
        path: String::new(),
        span: Some(ByteSpan::new(3, 9)),
        quote: "quoted".into(),
        prefix: String::new(),
        suffix: String::new(),
        tags: BTreeSet::new(),
        note: format!("note {id}"),
        created: "2024-01-01T00:00:00Z".into(),
        modified: "2024-01-01T00:00:00Z".into(),
        author: "tester".into(),
    }
}

#[test]
fn two_library_writers_lose_nothing() {
    const N: usize = 150;
    let w = World::new();
    let start = Instant::now();
    let mut children: Vec<Child> = ["x", "y"]
        .iter()
        .map(|name| {
            let mut c = Command::new(std::env::current_exe().unwrap());
            w.setup(&mut c);
            c.args([
                "--exact",
                "store_writer_helper",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(
                "SITREP_TEST_STORE_WRITER",
                format!("{N},{name},{}", w.store.to_str().unwrap()),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
            c.spawn().unwrap()
        })
        .collect();
    for c in &mut children {
        let s = wait_bounded(c, Duration::from_secs(50));
        assert!(s.success(), "a writer failed: {s:?}");
    }
    eprintln!("2 x {N} library applies: {:?}", start.elapsed());
    let store = Store::open(&w.store).unwrap();
    let ids: BTreeSet<&str> = store
        .data()
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids.len(), store.data().annotations.len(), "duplicate notes");
    for name in ["x", "y"] {
        for i in 0..N {
            if i % 2 == 0 {
                assert!(
                    ids.contains(format!("{name}-{i}").as_str()),
                    "lost note {name}-{i}"
                );
            } else {
                assert!(
                    tags_of(&store, IDS[i % 3]).contains(&format!("{name}{i}")),
                    "lost tag {name}{i}"
                );
            }
        }
    }
    assert_eq!(ids.len(), N, "2 x {N}/2 notes");
    assert!(check_folder(&w.store).is_empty());
}

const SIEGE: &str = "Siege Of Deir ez-Zor Broken By The Army\n\n\
    The SAA broke the siege on Tuesday. Heavy fighting was reported near the airport.\n";
const HILL: &str = "Army Takes Hill Near Palmyra Overnight\n\nThe army took the hill at dawn.\n";

#[test]
fn corrupt_or_newer_store_is_refused_and_left_untouched() {
    let w = World::new();
    let art = w.article("siege.txt", SIEGE);
    let good = {
        let mut s = Store::open(&w.store).unwrap();
        s.apply(Op::Annotate(note("n1", IDS[0]))).unwrap();
        fs::read(w.store_file()).unwrap()
    };
    let newer = String::from_utf8(good.clone()).unwrap().replace(
        &format!("\"schema_version\": {}", sitrep::store::SCHEMA_VERSION),
        "\"schema_version\": 99",
    );
    assert_ne!(newer.as_bytes(), good.as_slice());
    let contents: Vec<(&str, Vec<u8>)> = vec![
        ("not json", b"{ this is not json".to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        (
            "not utf-8",
            b"{\"schema_version\": 2, \"x\": \"\xff\xfe\"}".to_vec(),
        ),
        ("empty", Vec::new()),
        (
            "unknown field",
            b"{\"schema_version\": 2, \"tagz\": {}}".to_vec(),
        ),
        ("no version", b"{\"annotations\": []}".to_vec()),
        ("newer schema", newer.into_bytes()),
    ];
    let art = art.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["tag", IDS[0], "+x"],
        vec!["tag", art, "+x", "-y"],
        vec!["note", art, "--quote", "broke the siege", "--text", "n"],
        vec!["note", art, "--text", "whole"],
        vec!["notes"],
        vec!["notes", "--tag", "x", "--format", "json"],
    ];
    for (what, bytes) in &contents {
        fs::write(w.store_file(), bytes).unwrap();
        let files = listing(&w.store);
        for args in &commands {
            let mut c = w.cmd();
            c.args(args);
            let out = run(c);
            assert!(!out.status.success(), "{what}: {args:?} succeeded");
            assert_eq!(out.status.code(), Some(2), "{what}: {args:?}");
            assert!(
                out.stderr.contains("left untouched"),
                "{what}: {args:?}: {}",
                out.stderr
            );
            if *what == "newer schema" {
                assert!(out.stderr.contains("newer"), "{}", out.stderr);
            }
            assert!(out.stdout.is_empty(), "{what}: {args:?}: {}", out.stdout);
            assert_eq!(
                &fs::read(w.store_file()).unwrap(),
                bytes,
                "{what}: {args:?} changed the store"
            );
            assert_eq!(listing(&w.store), files, "{what}: {args:?}");
        }
        assert!(Store::open(&w.store).is_err(), "{what}");
    }
}

#[test]
fn full_disk_fails_the_write_and_keeps_the_previous_store() {
    let w = World::new();
    let art = w.article("siege.txt", SIEGE);
    // A store of some 10 KB, so any rewrite of it is far beyond the limit.
    {
        let mut s = Store::open(&w.store).unwrap();
        let ops = (0..40)
            .map(|i| {
                let mut n = note(&format!("pre{i}"), IDS[i % 3]);
                n.note = "x".repeat(200);
                Op::Annotate(n)
            })
            .collect();
        s.apply_all(ops).unwrap();
    }
    let before = fs::read(w.store_file()).unwrap();
    assert!(before.len() > 8192, "{}", before.len());
    let files = listing(&w.store);
    // dash counts `ulimit -f` in 512-byte blocks, bash in 1024: either way
    // 4 blocks (2 or 4 KB) cannot hold the store. SIGXFSZ is ignored (and
    // stays ignored across exec) so the write fails with EFBIG instead of
    // killing the process.
    let limited = |args: &[&str]| {
        let mut c = Command::new("sh");
        w.setup(&mut c);
        c.arg("-c")
            .arg(r#"trap "" XFSZ; ulimit -f 4 || exit 99; exec "$0" "$@""#)
            .arg(BIN)
            .arg("--store")
            .arg(&w.store)
            .args(args);
        run(c)
    };
    let art = art.to_str().unwrap();
    for args in [
        vec!["note", art, "--quote", "broke the siege", "--text", "n"],
        vec!["tag", art, "+full"],
        vec!["tag", IDS[0], "+full"],
    ] {
        let out = limited(&args);
        assert_ne!(out.status.code(), Some(99), "ulimit -f failed");
        assert!(!out.status.success(), "{args:?} succeeded on a full disk");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {:?}", out.status);
        assert!(
            out.stderr.contains("store") && out.stderr.contains("File too large"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{args:?} printed {}", out.stdout);
        assert_eq!(fs::read(w.store_file()).unwrap(), before, "{args:?}");
        // The failed write's temporary file is cleaned up.
        assert_eq!(listing(&w.store), files, "{args:?}");
    }
    // The same change with room to write succeeds: the limit was the cause.
    let mut c = w.cmd();
    c.args(["note", art, "--quote", "broke the siege", "--text", "n"]);
    ok(run(c));
    let s = Store::open(&w.store).unwrap();
    assert_eq!(s.data().annotations.len(), 41);
    assert!(s.data().articles.is_empty());
}

#[test]
fn tag_note_and_notes_end_to_end() {
    let w = World::new();
    let siege = w.article("siege.txt", SIEGE);
    let hill = w.article("hill.txt", HILL);
    let (siege_s, hill_s) = (siege.to_str().unwrap(), hill.to_str().unwrap());

    let sitrep = |args: &[&str]| {
        let mut c = w.cmd();
        c.args(args);
        run(c)
    };

    let out = ok(sitrep(&[
        "tag",
        siege_s,
        "+priority",
        "+deir-ezzor",
        "+gone",
    ]));
    let (id, tags) = out.stdout.trim().split_once(": ").unwrap();
    assert_eq!(id.len(), 16, "{}", out.stdout);
    assert_eq!(tags, "deir-ezzor gone priority");
    let out = ok(sitrep(&["tag", siege_s, "-gone"]));
    assert_eq!(out.stdout.trim(), format!("{id}: deir-ezzor priority"));
    // Adding and removing in one call, and removing what is not there.
    let out = ok(sitrep(&["tag", hill_s, "+palmyra", "+x", "-x", "-never"]));
    let (hill_id, tags) = out.stdout.trim().split_once(": ").unwrap();
    assert_eq!(tags, "palmyra");
    assert_ne!(hill_id, id);
    // Bad changes are refused before anything is written.
    let snapshot = fs::read(w.store_file()).unwrap();
    for bad in [
        vec!["tag", siege_s, "priority"],
        vec!["tag", siege_s, "+two words"],
        vec!["tag", "not-an-article", "+x"],
    ] {
        let out = sitrep(&bad);
        assert!(!out.status.success(), "{bad:?}");
        assert_eq!(fs::read(w.store_file()).unwrap(), snapshot, "{bad:?}");
    }

    let s = Store::open(&w.store).unwrap();
    let meta = &s.data().articles[&ArticleId(id.into())];
    assert_eq!(
        meta.tags,
        ["deir-ezzor", "priority"].map(String::from).into()
    );
    assert_eq!(meta.path, siege_s);
    assert_eq!(meta.title, "Siege Of Deir ez-Zor Broken By The Army");

    // A quote that is not in the article.
    let out = sitrep(&["note", siege_s, "--quote", "took the hill", "--text", "no"]);
    assert!(!out.status.success());
    assert!(out.stderr.contains("does not occur"), "{}", out.stderr);
    assert_eq!(fs::read(w.store_file()).unwrap(), snapshot);

    let n1 = ok(sitrep(&[
        "note",
        siege_s,
        "--quote",
        "broke the siege",
        "--text",
        "First *claim*\nsecond line",
        "--tag",
        "claim",
    ]))
    .stdout
    .trim()
    .to_string();
    let n2 = ok(sitrep(&["note", siege_s, "--text", "whole article"]))
        .stdout
        .trim()
        .to_string();
    let n3 = ok(sitrep(&[
        "note",
        hill_s,
        "--quote",
        "took the hill",
        "--text",
        "hill",
        "--tag",
        "claim",
    ]))
    .stdout
    .trim()
    .to_string();
    assert!(n1 != n2 && n2 != n3 && n1 != n3);

    let json_notes = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut a = vec!["notes", "--format", "json"];
        a.extend_from_slice(args);
        let out = ok(sitrep(&a));
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
    };
    let ids = |v: &[serde_json::Value]| -> Vec<String> {
        v.iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };

    // A note's own tag.
    let claims = json_notes(&["--tag", "claim"]);
    assert_eq!(ids(&claims), vec![n1.clone(), n3.clone()]);
    let c1 = &claims[0];
    assert_eq!(c1["article"], id);
    assert_eq!(c1["quote"], "broke the siege");
    assert_eq!(c1["note"], "First *claim*\nsecond line");
    assert_eq!(c1["path"], siege_s);
    assert_eq!(c1["author"], "tester");
    assert_eq!(c1["tags"], serde_json::json!(["claim"]));
    let at = SIEGE.find("broke the siege").unwrap();
    assert_eq!(c1["span"], serde_json::json!({"start": at, "end": at + 15}));
    assert!(c1["prefix"].as_str().unwrap().ends_with("The SAA "));
    assert_eq!(claims[1]["quote"], "took the hill");
    // The article's tag selects every note on it.
    assert_eq!(
        ids(&json_notes(&["--tag", "priority"])),
        vec![n1.clone(), n2.clone()]
    );
    // Every tag must match.
    assert_eq!(
        ids(&json_notes(&["--tag", "priority", "--tag", "claim"])),
        vec![n1.clone()]
    );
    assert!(json_notes(&["--tag", "gone"]).is_empty());
    assert_eq!(
        ids(&json_notes(&[])),
        vec![n1.clone(), n2.clone(), n3.clone()]
    );

    let text = ok(sitrep(&["notes", "--tag", "claim"])).stdout;
    assert!(text.contains("  > broke the siege\n"), "{text}");
    assert!(text.contains("  > took the hill\n"), "{text}");
    assert!(text.contains("  First *claim*\n  second line\n"), "{text}");
    assert!(
        text.contains(&n1) && text.contains(&n3) && !text.contains(&n2),
        "{text}"
    );
    assert!(
        text.contains(&format!("{n1}  {id}  {siege_s}  [claim]")),
        "{text}"
    );
    let all = ok(sitrep(&["notes"])).stdout;
    assert!(all.contains("whole article") && all.contains(&n2), "{all}");

    // The store is private.
    assert!(check_folder(&w.store).is_empty());
    let mode = fs::metadata(&w.store).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}
