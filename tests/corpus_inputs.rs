//! Every kind of input a corpus folder can hold: what loads, what is
//! skipped, and the one-line reason given for each skip.

use sitrep::corpus::{load, LoadOptions};
use sitrep::model::Format;
use std::fs;
use std::path::Path;

const ARTICLE: &str = "Army Advances On Hajin After Week Of Shelling\n\n\
    The SDF said its fighters advanced 3 km toward Hajin on Monday.\n\n\
    Leave a Reply\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

fn reason_for<'a>(c: &'a sitrep::corpus::Corpus, name: &str) -> Option<&'a str> {
    c.skipped
        .iter()
        .find(|s| s.path.file_name().and_then(|n| n.to_str()) == Some(name))
        .map(|s| s.reason.as_str())
}

fn titles(c: &sitrep::corpus::Corpus) -> Vec<&str> {
    c.articles.iter().map(|a| a.title.as_str()).collect()
}

#[test]
fn good_files_load_and_bad_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(
        d,
        "bom.txt",
        &[
            b"\xef\xbb\xbf".as_slice(),
            ARTICLE
                .replace("Hajin After", "Hajin, Again After")
                .as_bytes(),
        ]
        .concat(),
    );
    write(
        d,
        "crlf.txt",
        ARTICLE
            .replace("Army", "Troops")
            .replace('\n', "\r\n")
            .as_bytes(),
    );
    write(d, "empty.txt", b"");
    write(d, "blank.txt", b"   \n\n\t\n");
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(
        d,
        "binary.txt",
        &(0u8..=255).cycle().take(1024).collect::<Vec<u8>>(),
    );
    write(d, "big.txt", &vec![b'a'; 3000]);
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(
        "Rebels Shell \u{201c}Government\u{201d} Positions Near Daraa\n\nThe army\u{2019}s positions near Daraa were shelled, caf\u{e9} owners said.\n",
    );
    write(d, "cp1252.txt", &cp1252);
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(
        "\u{0627}\u{0644}\u{062c}\u{064a}\u{0634} \u{064a}\u{062a}\u{0642}\u{062f}\u{0645} \u{0641}\u{064a} \u{0631}\u{064a}\u{0641} \u{062f}\u{064a}\u{0631} \u{0627}\u{0644}\u{0632}\u{0648}\u{0631}\n\n\u{0642}\u{0627}\u{0644}\u{062a} \u{0633}\u{0627}\u{0646}\u{0627} \u{0625}\u{0646} \u{0627}\u{0644}\u{062c}\u{064a}\u{0634} \u{062a}\u{0642}\u{062f}\u{0645} \u{0639}\u{0634}\u{0631}\u{0629} \u{0643}\u{064a}\u{0644}\u{0648}\u{0645}\u{062a}\u{0631}\u{0627}\u{062a}\n",
    );
    write(d, "cp1256.txt", &cp1256);
    write(
        d,
        "wire.jsonl",
        b"{\"title\":\"Convoy Hit Near Sukhnah\",\"text\":\"A convoy was hit.\"}\n{\"title\": broken\n{\"title\":\"Strike On Idlib Market\",\"text\":\"Shells fell.\"}\n",
    );
    write(d, "notes.docx", b"PK\x03\x04 not read: unknown extension");
    write(d, ".hidden.txt", ARTICLE.as_bytes());
    fs::create_dir(d.join("sub")).unwrap();
    write(
        &d.join("sub"),
        "deeper.md",
        b"# Siege Of Deir ez-Zor Lifted\n\nThe siege ended.\n",
    );

    let c = load(
        &[d.to_path_buf()],
        &LoadOptions {
            max_file_bytes: 2048,
        },
    );

    let t = titles(&c);
    for want in [
        "Army Advances On Hajin After Week Of Shelling",
        "Army Advances On Hajin, Again After Week Of Shelling",
        "Troops Advances On Hajin After Week Of Shelling",
        "Rebels Shell \u{201c}Government\u{201d} Positions Near Daraa",
        "Convoy Hit Near Sukhnah",
        "Strike On Idlib Market",
        "Siege Of Deir ez-Zor Lifted",
    ] {
        assert!(t.contains(&want), "{want:?} not loaded; got {t:?}");
    }
    // The Arabic article decodes (its title is Arabic script).
    assert!(t.iter().any(|x| x.starts_with('\u{0627}')), "{t:?}");
    // BOM and CR never reach the text.
    for a in &c.articles {
        assert!(
            !a.text.contains('\r') && !a.text.starts_with('\u{feff}'),
            "{}",
            a.path
        );
    }
    let crlf = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("crlf.txt"))
        .unwrap();
    assert_eq!(crlf.body.len(), 1);
    assert_eq!(crlf.format, Format::Text);
    // JSON Lines items are FILE#N, the broken line reported with its number.
    assert!(c.articles.iter().any(|a| a.path.ends_with("wire.jsonl#1")));
    assert!(c.articles.iter().any(|a| a.path.ends_with("wire.jsonl#2")));
    assert!(reason_for(&c, "wire.jsonl")
        .unwrap()
        .starts_with("line 2: not JSON"));

    assert_eq!(reason_for(&c, "empty.txt"), Some("empty file"));
    assert_eq!(reason_for(&c, "blank.txt"), Some("empty file"));
    assert_eq!(reason_for(&c, "image.txt"), Some("binary file (PNG image)"));
    assert!(reason_for(&c, "binary.txt")
        .unwrap()
        .starts_with("binary file"));
    assert!(reason_for(&c, "big.txt")
        .unwrap()
        .starts_with("too large (2.9 KB > 2.0 KB limit)"));
    // Unknown extensions and hidden files are not articles and not errors.
    assert_eq!(reason_for(&c, "notes.docx"), None);
    assert!(!c.articles.iter().any(|a| a.path.contains(".hidden")));
    assert_eq!(c.articles.len(), 8);
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_symlink_loops_are_never_read() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    let fifo = d.join("pipe.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    symlink("/dev/zero", d.join("zero.txt")).unwrap();
    fs::create_dir(d.join("loop")).unwrap();
    symlink(d.join("loop"), d.join("loop").join("again")).unwrap();
    symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();

    // A FIFO with no writer would block a reader forever: finishing at all
    // shows it was not opened.
    let c = load(&[d.to_path_buf()], &LoadOptions::default());
    assert_eq!(
        titles(&c),
        ["Army Advances On Hajin After Week Of Shelling"]
    );
    assert_eq!(
        reason_for(&c, "pipe.txt"),
        Some("not a regular file (FIFO)")
    );
    assert_eq!(
        reason_for(&c, "zero.txt"),
        Some("not a regular file (device)")
    );
    assert_eq!(reason_for(&c, "again"), Some("symlink loop"));
    assert!(reason_for(&c, "dangling.txt").is_some());

    // Named on the command line, they are refused the same way.
    let c = load(
        &[fifo, d.join("zero.txt"), d.join("nope.txt")],
        &LoadOptions::default(),
    );
    assert!(c.articles.is_empty());
    assert_eq!(c.skipped.len(), 3);
    assert_eq!(reason_for(&c, "nope.txt"), Some("not found"));
}

#[test]
fn named_files_are_read_whatever_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.download");
    fs::write(&p, "<!doctype html><html><head><title>Siege Lifted | Wire</title></head><body><article><h1>Siege Lifted</h1><p>The siege of the town ended.</p></article></body></html>").unwrap();
    let c = load(&[p], &LoadOptions::default());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].format, Format::Html);
    assert_eq!(c.articles[0].title, "Siege Lifted");
}
