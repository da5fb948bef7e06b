//! The command line with hostile names and contents: nothing a terminal
//! would act on reaches stdout or stderr from a file name, a tag, a note
//! or a file's contents; `--out` never writes through a link or onto a
//! folder; what sitrep creates is private.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const OSC: &str = "\x1b]0;pwned\x07";
const CSI: &str = "\x1b[2J";
const C1: &str = "\u{9b}31m";

const ARTICLE: &str = "Shelling Hits Market In Eastern Town\n\n\
    Shells struck the market on Friday morning, a local council spokesman said.\n";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let e = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir(e.path("corpus")).unwrap();
        fs::create_dir(e.path("config")).unwrap();
        e
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(args)
            .env("SITREP_CONFIG_DIR", self.path("config"))
            .env("SITREP_DATA_DIR", self.path("store"))
            .env("SITREP_CACHE_DIR", self.path("cache"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }
}

/// Bytes a terminal would act on: C0 but newline and tab, DEL, C1 (as
/// UTF-8), and the bidi overrides.
fn dangerous(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes).chars().find(|&c| {
        (c < ' ' && c != '\n' && c != '\t')
            || c == '\x7f'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

fn assert_clean(o: &Output, what: &str) {
    for (name, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        if let Some(c) = dangerous(bytes) {
            panic!(
                "{what}: {name} holds {c:?}:\n{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn hostile_file_names_never_reach_the_terminal() {
    let e = Env::new();
    let c = e.path("corpus");
    fs::write(c.join(format!("good{OSC}.txt")), ARTICLE).unwrap();
    fs::write(c.join(format!("empty{CSI}.txt")), "").unwrap();
    fs::write(c.join(format!("bin{C1}.txt")), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    fs::write(
        c.join(format!("two{CSI}.jsonl")),
        "{\"title\":\"One\",\"text\":\"First.\"}\n{\"title\":\"Two\",\"text\":\"Second.\"}\n",
    )
    .unwrap();
    let corpus = c.to_str().unwrap();

    let o = e.run(&["--list", corpus]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "--list");
    let err = stderr(&o);
    assert!(err.contains("skipped"), "{err}");
    // The name is shown, its escape as a visible glyph.
    assert!(err.contains("empty\u{241b}[2J.txt: empty file"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("Shelling Hits Market"));

    let o = e.run(&["extract", corpus]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "extract");

    // An error that names the file.
    let two = c.join(format!("two{CSI}.jsonl"));
    let o = e.run(&["tag", two.to_str().unwrap(), "+x"]);
    assert!(!o.status.success());
    assert_clean(&o, "tag on a two-article file");
    assert!(stderr(&o).contains("holds 2 articles"), "{}", stderr(&o));
    let o = e.run(&["tag", &format!("{}#7", two.to_str().unwrap()), "+x"]);
    assert!(!o.status.success());
    assert_clean(&o, "tag on a missing item");

    // A file that is not there, named with escapes.
    let o = e.run(&["import", &format!("{}/nope{OSC}.json", corpus)]);
    assert!(!o.status.success());
    assert_clean(&o, "import of a missing file");
    // An argument clap refuses is quoted back made safe.
    let o = e.run(&["--max-file-mb", &format!("x{CSI}")]);
    assert!(!o.status.success());
    assert_clean(&o, "refused argument");
    assert!(stderr(&o).contains("invalid value"), "{}", stderr(&o));
}

#[test]
fn hostile_tags_notes_and_imports_never_reach_the_terminal() {
    let e = Env::new();
    let file = e.path("corpus").join("market.txt");
    fs::write(&file, ARTICLE).unwrap();
    let file = file.to_str().unwrap();

    // Tags with control characters are refused, the refusal made safe.
    let o = e.run(&["tag", file, &format!("+bad{OSC}")]);
    assert!(!o.status.success());
    assert_clean(&o, "refused tag");
    assert!(stderr(&o).contains("not a usable tag"), "{}", stderr(&o));

    // A note's text and quote may hold anything; listing it is safe.
    let o = e.run(&[
        "note",
        file,
        "--quote",
        "market",
        "--text",
        &format!("check{OSC} this{CSI}\n{C1}second line\u{202e}"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = e.run(&["notes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "notes");
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(listed.contains("check\u{241b}]0;pwned"), "{listed}");
    // A quote that is not in the article: the error quotes it, safely.
    let o = e.run(&[
        "note",
        file,
        "--quote",
        &format!("nowhere{CSI}"),
        "--text",
        "x",
    ]);
    assert!(!o.status.success());
    assert_clean(&o, "quote not found");

    // A store edited by hand (or by another tool) with hostile tags and
    // ids: the CLI prints them safely.
    let store = fs::read_to_string(e.path("store").join("store.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&store).unwrap();
    let n = &mut v["annotations"][0];
    n["id"] = format!("id{OSC}").into();
    n["tags"] = serde_json::json!([format!("t{CSI}"), format!("u{C1}")]);
    n["path"] = format!("p{OSC}").into();
    fs::write(
        e.path("store").join("store.json"),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    let o = e.run(&["notes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "notes from a hostile store");
    let o = e.run(&["notes", "--format", "json"]);
    assert_clean(&o, "notes as JSON");

    // An import refused for what it holds says so safely.
    let bad = e.path(&format!("bad{OSC}.json"));
    fs::write(
        &bad,
        format!(
            "{{\"schema_version\":1,\"articles\":[{{\"id\":\"0123456789abcdef\",\"tags\":[\"x{CSI}\"]}}]}}"
        ),
    )
    .unwrap();
    let o = e.run(&["import", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_clean(&o, "refused import");
    // And a file that is not an export at all.
    fs::write(&bad, format!("{CSI}{OSC} not json")).unwrap();
    let o = e.run(&["import", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert_clean(&o, "import of garbage");
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn out_refuses_folders_and_links_and_creates_private_files() {
    let e = Env::new();
    let file = e.path("corpus").join("market.txt");
    fs::write(&file, ARTICLE).unwrap();
    let o = e.run(&["tag", file.to_str().unwrap(), "+market"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let corpus = e.path("corpus");
    let corpus = corpus.to_str().unwrap();

    // The store sitrep created is private.
    assert_eq!(mode(&e.path("store")), 0o700);
    assert_eq!(mode(&e.path("store").join("store.json")), 0o600);

    let export = |out: &Path, force: bool| {
        let out = out.to_str().unwrap();
        let mut args = vec!["export", "--format", "json", "--out", out];
        if force {
            args.push("--force");
        }
        args.push(corpus);
        e.run(&args)
    };

    // A fresh file: created 0600 whatever the umask allows.
    let fresh = e.path("brief.json");
    let o = export(&fresh, false);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(mode(&fresh), 0o600);

    // A folder: a clear error, with or without --force.
    let folder = e.path("folder");
    fs::create_dir(&folder).unwrap();
    for force in [false, true] {
        let o = export(&folder, force);
        assert!(!o.status.success());
        let err = stderr(&o);
        assert!(
            err.contains("is a directory") || err.contains("already exists"),
            "{err}"
        );
        assert!(fs::read_dir(&folder).unwrap().next().is_none());
    }

    // A link to a folder, a link to someone's file, a dangling link: all
    // refused without --force, nothing written through them.
    let theirs = e.path("theirs.txt");
    fs::write(&theirs, "not sitrep's").unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o644)).unwrap();
    let to_file = e.path("to-file.json");
    symlink(&theirs, &to_file).unwrap();
    let to_folder = e.path("to-folder.json");
    symlink(&folder, &to_folder).unwrap();
    let dangling = e.path("dangling.json");
    symlink(e.path("created-through-link.json"), &dangling).unwrap();
    for link in [&to_file, &to_folder, &dangling] {
        let o = export(link, false);
        assert!(!o.status.success(), "{link:?} was written");
        assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
        assert!(fs::symlink_metadata(link).unwrap().is_symlink());
    }
    assert!(!e.path("created-through-link.json").exists());
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "not sitrep's");
    assert_eq!(mode(&theirs), 0o644);

    // With --force the link itself is replaced by a private file; what it
    // pointed at is untouched.
    let o = export(&to_file, true);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!fs::symlink_metadata(&to_file).unwrap().is_symlink());
    assert_eq!(mode(&to_file), 0o600);
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "not sitrep's");
    let o = export(&dangling, true);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!e.path("created-through-link.json").exists());
    assert_eq!(mode(&dangling), 0o600);
}

/// Everything `sitrep ARGS` writes when stdout and stderr are a terminal
/// (a pseudo-terminal), until it exits.
#[cfg(feature = "tui")]
fn in_terminal(e: &Env, args: &[&str]) -> Vec<u8> {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 50,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("SITREP_CONFIG_DIR", e.path("config"));
    cmd.env("SITREP_DATA_DIR", e.path("store"));
    cmd.env("SITREP_CACHE_DIR", e.path("cache"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // EIO once the program has exited and the terminal is closed.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(out);
    });
    let out = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("sitrep exited");
    child.wait().unwrap();
    drop(pty.master);
    out
}

/// On a real terminal clap writes through a stream that would pass escape
/// sequences on, and CSV is not escaped at all: what reaches a terminal
/// has no control sequence from a file name, a file or an argument.
#[cfg(feature = "tui")]
#[test]
fn a_terminal_sees_no_escapes_from_the_corpus() {
    let e = Env::new();
    let c = e.path("corpus");
    let good = c.join(format!("good{OSC}.txt"));
    fs::write(
        &good,
        format!("Shelling Hits Market{CSI}\n\nShells struck the {OSC}market{C1} on Friday, a spokesman said.\n"),
    )
    .unwrap();
    fs::write(c.join(format!("empty{CSI}.txt")), "").unwrap();
    assert!(e
        .run(&["tag", good.to_str().unwrap(), "+market"])
        .status
        .success());
    let corpus = c.to_str().unwrap();
    for args in [
        vec!["--list", corpus],
        vec!["extract", corpus],
        vec!["export", "--format", "csv", corpus],
        vec!["export", "--format", "markdown", corpus],
        vec!["export", "--format", "json", corpus],
        vec!["--max-file-mb", "x\x1b[2J"],
        vec!["--max-file-mb", "y\u{9b}31m\u{202e}\x1b"],
        vec!["tag", "nothing\x1b]0;t\x07here", "+x"],
    ] {
        let out = in_terminal(&e, &args);
        let shown = String::from_utf8_lossy(&out);
        assert!(!out.is_empty(), "{args:?} wrote nothing");
        if let Some(c) = dangerous(&out).filter(|&c| c != '\r') {
            panic!("{args:?}: the terminal was sent {c:?}:\n{shown}");
        }
        // The corpus's escapes were there, shown as glyphs or JSON
        // escapes (clap drops an escape sequence from what it quotes).
        if args[0] != "--max-file-mb" {
            assert!(
                shown.contains('\u{241b}') || shown.contains("\\u001b"),
                "{args:?}:\n{shown}"
            );
        }
    }
}
