//! A corpus folder full of traps beside a few good articles: every trap is
//! either read or skipped with one line saying why, loading finishes, and
//! the good articles are kept. The traps are built at test time (nothing
//! large is committed).
//!
//! Loading is run in a thread with a generous deadline: the deadline only
//! catches a hang, it is not a speed target (figures are measured by hand
//! with `/usr/bin/time -v`, see the report for issue 9).

use sitrep::corpus::{load, Corpus, LoadOptions, DEFAULT_MAX_FILE_BYTES};
use sitrep::extract::Extractor;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Only a hang gets anywhere near this.
const HANG: Duration = Duration::from_secs(120);

const GOOD_TXT: &str = "Convoy Reaches Besieged Town After Nine Days\n\n\
    An aid convoy of 31 trucks reached the town on Tuesday, the Syrian Arab Red \
    Crescent said, after nine days of talks at the last checkpoint.\n\n\
    Residents said the shelling stopped two hours before the trucks arrived.\n";

const GOOD_MD: &str = "# Militia Pulls Back From Ridge Line\n\n\
    The militia withdrew about 4 km from the ridge overnight, according to a \
    local council spokesman.\n";

const GOOD_HTML: &str =
    "<!doctype html><html><head><title>Ferry Crossing Reopens | River Desk</title></head>\
    <body><article><h1>Ferry Crossing Reopens</h1>\
    <p>The ferry crossing on the Euphrates reopened on Sunday after a month of closures, \
    the district governor said.</p></article></body></html>";

/// One sentence of the genre, repeated without a newline.
const LINE_UNIT: &str =
    "Fighters of the Syrian Democratic Forces advanced 3 km toward Hajin on Monday, \
    the Syrian Observatory for Human Rights said, as dozens of vehicles moved east. ";

const LINE_MB: usize = 60;
const DEPTH: usize = 200_000;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

/// Runs `f` on another thread (with a big stack, like the binary's main
/// thread would not have: see `load_on_main_sized_stack` below) and
/// fails if it has not finished by `HANG`.
fn finishes<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        // The size of a main thread's stack on Linux, so a recursion that
        // would overflow the binary overflows here too.
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(HANG)
        .expect("loading the traps hung (or panicked)")
}

fn titles(c: &Corpus) -> Vec<&str> {
    c.articles.iter().map(|a| a.title.as_str()).collect()
}

fn reason_for<'a>(c: &'a Corpus, name: &str) -> Option<&'a str> {
    c.skipped
        .iter()
        .find(|s| s.path.file_name().and_then(|n| n.to_str()) == Some(name))
        .map(|s| s.reason.as_str())
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

struct Traps {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

fn build_traps() -> Traps {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();

    write(&d, "good.txt", GOOD_TXT.as_bytes());
    write(&d, "good.md", GOOD_MD.as_bytes());
    write(&d, "good.html", GOOD_HTML.as_bytes());

    // 60 MB on one line: no newline anywhere.
    let unit = LINE_UNIT.as_bytes();
    let mut line = Vec::with_capacity(LINE_MB * 1024 * 1024 + unit.len());
    while line.len() < LINE_MB * 1024 * 1024 {
        line.extend_from_slice(unit);
    }
    write(&d, "one-line.txt", &line);
    drop(line);

    // HTML nested 200,000 elements deep, an article at the bottom.
    let mut deep = String::from("<!doctype html><html><head><title>Deep Page</title></head><body>");
    deep.push_str(&"<div>".repeat(DEPTH));
    deep.push_str("<p>The bottom of a very deep page says the bridge was shelled.</p>");
    deep.push_str(&"</div>".repeat(DEPTH));
    deep.push_str("</body></html>");
    write(&d, "deep.html", deep.as_bytes());
    // The same, never closed, with inline elements.
    let mut unclosed = String::from("<html><body><article><h1>Unclosed</h1>");
    unclosed.push_str(&"<span><b>".repeat(DEPTH / 2));
    unclosed.push_str("words at the bottom");
    write(&d, "unclosed.html", unclosed.as_bytes());

    // Every byte value, in order.
    let every: Vec<u8> = (0u8..=255).collect();
    write(&d, "every-byte.txt", &every);

    // UTF-16 without a byte-order mark.
    write(
        &d,
        "utf16.txt",
        &utf16le("Shelling Resumes Near The Dam\n\nLocal sources said shelling resumed near the dam at dawn.\n"),
    );

    // Bidi overrides and zero-width characters in title and body.
    write(
        &d,
        "bidi.txt",
        "Checkpoint \u{202e}nettirwer\u{202c} Seized\n\n\
         The check\u{200b}point on the high\u{200d}way was seized \u{2066}by\u{2069} \
         the bri\u{feff}gade, its spokes\u{200c}man said.\n"
            .as_bytes(),
    );

    // An RSS feed cut off in the middle of its second item.
    write(
        &d,
        "truncated.rss",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\
          <item><title>Airstrike Hits Fuel Depot</title><description>A fuel depot was hit \
          overnight, residents said.</description></item>\
          <item><title>Second Item Never Ends</title><descrip",
    );

    // JSON Lines: good, broken, binary, good.
    write(
        &d,
        "half.jsonl",
        b"{\"title\":\"Evacuation Buses Leave Old City\",\"text\":\"Twelve buses left the old city.\"}\n\
          {\"title\":\"Cut off\",\"text\":\"the line ends\n\
          \xff\xfe\x81garbage\x9d\n\
          {\"title\":\"Power Restored In Eastern Districts\",\"text\":\"Power returned after 40 hours.\"}\n",
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let status = std::process::Command::new("mkfifo")
            .arg(d.join("pipe.txt"))
            .status()
            .unwrap();
        assert!(status.success());
        symlink("/dev/zero", d.join("zero.txt")).unwrap();
        fs::create_dir(d.join("loop")).unwrap();
        symlink(d.join("loop"), d.join("loop").join("again")).unwrap();
        symlink("missing.txt", d.join("dangling.txt")).unwrap();
    }
    Traps { root: d, _dir: dir }
}

/// Every file under `root` that sitrep would consider (by extension),
/// named by its file name.
fn candidates(root: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for e in fs::read_dir(root).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name != "loop" {
            names.push(name);
        }
    }
    names.sort();
    names
}

fn check_one_reason_each(c: &Corpus) {
    for s in &c.skipped {
        assert!(
            !s.reason.is_empty(),
            "{:?} skipped without a reason",
            s.path
        );
        assert!(
            !s.reason.contains('\n') && s.reason.len() < 200,
            "one short line per skip: {:?}",
            s.reason
        );
    }
}

#[test]
fn traps_load_with_default_options() {
    let traps = build_traps();
    let root = traps.root.clone();
    let c = finishes(move || load(&[root], &LoadOptions::default()));
    check_one_reason_each(&c);

    let t = titles(&c);
    for want in [
        "Convoy Reaches Besieged Town After Nine Days",
        "Militia Pulls Back From Ridge Line",
        "Ferry Crossing Reopens",
        "Shelling Resumes Near The Dam",
        "Airstrike Hits Fuel Depot",
        "Evacuation Buses Leave Old City",
        "Power Restored In Eastern Districts",
    ] {
        assert!(t.contains(&want), "{want:?} not loaded; got {t:?}");
    }

    // The 60 MB line is over the default 20 MB limit: one line says so.
    assert_eq!(DEFAULT_MAX_FILE_BYTES, 20 * 1024 * 1024);
    let big = reason_for(&c, "one-line.txt").expect("60 MB file skipped");
    assert!(
        big.starts_with("too large (60.0 MB > 20.0 MB limit)"),
        "{big}"
    );

    assert!(reason_for(&c, "every-byte.txt")
        .unwrap()
        .starts_with("binary file"));
    assert_eq!(
        reason_for(&c, "pipe.txt"),
        Some("not a regular file (FIFO)")
    );
    assert_eq!(
        reason_for(&c, "zero.txt"),
        Some("not a regular file (device)")
    );
    assert_eq!(reason_for(&c, "again"), Some("symlink loop"));
    assert_eq!(reason_for(&c, "dangling.txt"), Some("not found"));
    // The truncated feed: its complete item read, the break reported.
    assert!(reason_for(&c, "truncated.rss")
        .unwrap()
        .starts_with("not a readable feed"));
    // Two broken lines of the JSON Lines file, each with its number.
    let jsonl: Vec<&str> = c
        .skipped
        .iter()
        .filter(|s| s.path.ends_with("half.jsonl"))
        .map(|s| s.reason.as_str())
        .collect();
    assert_eq!(jsonl.len(), 2, "{jsonl:?}");
    assert!(jsonl[0].starts_with("line 2"), "{jsonl:?}");
    assert!(jsonl[1].starts_with("line 3"), "{jsonl:?}");

    // The deep pages load: their text is found at the bottom.
    let deep = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("deep.html"))
        .expect("deep.html loaded");
    assert!(
        deep.body_text().contains("the bridge was shelled"),
        "{deep:?}"
    );
    let unclosed = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("unclosed.html"))
        .expect("unclosed.html loaded");
    assert!(unclosed.text.contains("words at the bottom"));

    // Bidi and zero-width characters are kept in the text (the reader
    // draws them safely), and the title is still found.
    let bidi = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("bidi.txt"))
        .unwrap();
    assert!(bidi.title.contains('\u{202e}'));
    assert!(bidi.text.contains("spokes\u{200c}man"));

    // Every file is accounted for: read, or skipped with a reason.
    for name in candidates(&traps.root) {
        let read = c.articles.iter().any(|a| {
            Path::new(a.path.split('#').next().unwrap())
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == name)
        });
        assert!(
            read || reason_for(&c, &name).is_some(),
            "{name} neither read nor skipped"
        );
    }

    // Extraction over everything that loaded finishes too, with spans that
    // slice the text.
    let articles = c.articles;
    let summaries = finishes(move || {
        let x = Extractor::load_default().unwrap();
        let s: Vec<_> = articles.iter().map(|a| x.extract(a)).collect();
        (articles, s)
    });
    for (a, s) in summaries.0.iter().zip(&summaries.1) {
        for m in s.forces.iter().flat_map(|f| &f.mentions) {
            assert!(a.text.get(m.start..m.end).is_some(), "{}", a.path);
            assert!(!m.text(&a.text).trim().is_empty(), "{}", a.path);
        }
        for cl in &s.claims {
            assert!(a.text.get(cl.start..cl.end).is_some(), "{}", a.path);
        }
    }
}

#[test]
fn sixty_mb_line_loads_with_a_raised_limit() {
    let dir = tempfile::tempdir().unwrap();
    let unit = LINE_UNIT.as_bytes();
    let mut line = Vec::with_capacity(LINE_MB * 1024 * 1024 + unit.len());
    while line.len() < LINE_MB * 1024 * 1024 {
        line.extend_from_slice(unit);
    }
    let len = line.len();
    write(dir.path(), "one-line.txt", &line);
    drop(line);
    let path = dir.path().join("one-line.txt");
    let c = finishes(move || {
        load(
            &[path],
            &LoadOptions {
                max_file_bytes: 64 * 1024 * 1024,
            },
        )
    });
    assert!(c.skipped.is_empty(), "{:?}", c.skipped);
    assert_eq!(c.articles.len(), 1);
    let a = &c.articles[0];
    // Nothing lost: the line is all there (title or body), trimmed at most
    // of its final space.
    assert!(a.text.len() >= len - 1, "{} < {len}", a.text.len());
    assert!(a
        .text
        .starts_with("Fighters of the Syrian Democratic Forces"));
}
