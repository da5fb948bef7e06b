//! End to end: the real `sitrep` binary in a pseudo-terminal, its output
//! fed to a `vt100` terminal emulator, keys typed as a person would, and
//! the screen read back. Every wait is bounded; a hung reader fails the
//! test instead of hanging it.

#![cfg(all(unix, feature = "tui"))]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const STEP: Duration = Duration::from_secs(10);

/// The smallest corpus: three scraped-text articles.
const ARTICLES: &[(&str, &str)] = &[
    (
        "01-palmyra.txt",
        "Syrian Army Pushes Toward Palmyra\n\nThe Syrian Arab Army (SAA) pushed 20 km east of Homs overnight, a military source said. ISIS fighters withdrew toward Palmyra.\n\nAbout 300 fighters from ISIS were killed, the source said.\n",
    ),
    (
        "02-deir-ez-zor.txt",
        "Deir ez-Zor Garrison Holds\n\nGovernment troops in Deir ez-Zor repelled an ISIS assault on the airport road, the Syrian Observatory said. ISIS lost 45 militants.\n",
    ),
    (
        "03-qusayr.txt",
        "Hezbollah Sends Reinforcements to Qusayr\n\nHezbollah moved around 1,500 fighters to the countryside south of Homs, activists said.\n",
    ),
];

struct Tui {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    /// Everything the program wrote, for checks on the raw stream.
    raw: Vec<u8>,
    eof: bool,
    _dir: Option<tempfile::TempDir>,
}

impl Tui {
    fn start(cols: u16, rows: u16) -> Tui {
        let dir = tempfile::tempdir().unwrap();
        let mut t = Tui::start_in(dir.path(), cols, rows);
        t._dir = Some(dir);
        t
    }

    /// Starts sitrep on the corpus (and store) under `root`, writing the
    /// corpus there first if it is not there yet: a second start on the
    /// same root is a reopen.
    fn start_in(root: &Path, cols: u16, rows: u16) -> Tui {
        let corpus = root.join("corpus");
        if !corpus.is_dir() {
            std::fs::create_dir(&corpus).unwrap();
            for (name, text) in ARTICLES {
                std::fs::write(corpus.join(name), text).unwrap();
            }
        }
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sitrep"));
        cmd.arg(&corpus);
        cmd.cwd(root);
        cmd.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            cmd.env("PATH", path);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", root);
        for (var, sub) in [
            ("SITREP_CONFIG_DIR", "config"),
            ("SITREP_DATA_DIR", "data"),
            ("SITREP_CACHE_DIR", "cache"),
        ] {
            cmd.env(var, root.join(sub));
        }
        let child = pty.slave.spawn_command(cmd).expect("sitrep starts");
        // Only the child holds the slave now, so its exit ends the output.
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Tui {
            child,
            master: pty.master,
            writer,
            output,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            eof: false,
            _dir: None,
        }
    }

    /// Takes in what the program wrote, for at most `wait`.
    fn pump(&mut self, wait: Duration) {
        match self.output.recv_timeout(wait) {
            Ok(bytes) => self.feed(&bytes),
            Err(RecvTimeoutError::Timeout) => return,
            Err(RecvTimeoutError::Disconnected) => {
                self.eof = true;
                return;
            }
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.feed(&bytes);
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn rows(&self) -> Vec<String> {
        let (_, cols) = self.parser.screen().size();
        self.parser.screen().rows(0, cols).collect()
    }

    fn last_row(&self) -> String {
        self.rows().pop().unwrap_or_default()
    }

    /// Waits until the screen satisfies `ok`, or fails after `STEP`.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&Tui) -> bool) {
        let deadline = Instant::now() + STEP;
        loop {
            if ok(self) {
                return;
            }
            if self.eof || Instant::now() >= deadline {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Waits for the exit, reading the output to its end.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + STEP;
        let status = loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                break st;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!("sitrep did not exit; screen:\n{}", self.screen());
            }
            self.pump(Duration::from_millis(50));
        };
        while !self.eof && Instant::now() < deadline {
            self.pump(Duration::from_millis(50));
        }
        assert!(self.eof, "the output did not end after the exit");
        status
    }

    /// Whether the pty's line discipline is in cooked mode (canonical
    /// input and echo), read on the master side.
    fn cooked(&self) -> Option<bool> {
        let t = self.master.get_termios()?;
        let flags = format!("{:?}", t.local_flags);
        let has = |f: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == f)
        };
        Some(has("ICANON") && has("ECHO"))
    }

    /// The terminal was given back: the alternate screen left as the last
    /// screen change, the cursor shown, no drawing after, cooked mode back.
    fn assert_restored(&self) {
        let raw = &self.raw;
        let find_last = |pat: &[u8]| raw.windows(pat.len()).rposition(|w| w == pat);
        let enter = find_last(b"\x1b[?1049h").expect("the reader used the alternate screen");
        let leave = find_last(b"\x1b[?1049l").expect("the alternate screen was left");
        assert!(
            leave > enter,
            "the alternate screen was entered again after leaving it"
        );
        let tail = String::from_utf8_lossy(&raw[leave + 8..]).into_owned();
        // After leaving, only mode resets (show the cursor) may follow.
        let rest = tail.replace("\x1b[?25h", "");
        assert!(
            rest.trim().is_empty(),
            "output after leaving the alternate screen: {tail:?}"
        );
        assert!(
            raw.ends_with(b"\x1b[?1049l") || tail == "\x1b[?25h",
            "the stream ends with the leave sequence: {tail:?}"
        );
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        if let Some(cooked) = self.cooked() {
            assert!(cooked, "raw mode was not turned off");
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn list_row<'a>(rows: &'a [String], title: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(title))
        .map(String::as_str)
        .unwrap_or("")
}

/// The list shows every title (cut to fit in a narrow list pane) and the
/// reader the first article.
fn opened(t: &Tui) -> bool {
    let s = t.screen();
    let title = |text: &str| text.lines().next().unwrap().to_string();
    s.contains("Articles 3")
        && ARTICLES
            .iter()
            .all(|(_, text)| s.contains(&title(text)[..12]))
        && s.contains(&title(ARTICLES[0].1))
}

fn row_with<'a>(rows: &'a [String], text: &str) -> &'a str {
    rows.iter()
        .find(|r| r.contains(text))
        .map(String::as_str)
        .unwrap_or("")
}

#[test]
fn read_search_help_and_quit_at_80x24() {
    let mut t = Tui::start(80, 24);
    t.wait_for("the list with every title", opened);
    assert_eq!(t.cooked(), Some(false), "the reader runs in raw mode");
    assert!(
        list_row(&t.rows(), "Syrian Army Pushes").contains('▸'),
        "the first article is selected"
    );
    assert!(
        t.screen().contains("01-palmyra.txt"),
        "and open in the reader"
    );

    t.send("j");
    t.wait_for("the selection to move down", |t| {
        let rows = t.rows();
        list_row(&rows, "Deir ez-Zor Garrison").contains('▸')
            && !list_row(&rows, "Syrian Army Pushes").contains('▸')
    });
    t.wait_for("the second article in the reader", |t| {
        t.screen().contains("02-deir-ez-zor.txt")
    });

    t.send("\t");
    t.wait_for("the text pane to take focus", |t| {
        t.last_row().contains("TEXT") && row_with(&t.rows(), "02-deir-ez-zor.txt").contains("┏▶ ")
    });

    t.send("/isis");
    t.wait_for("the search prompt", |t| t.last_row().starts_with("/isis"));
    t.send("\r");
    t.wait_for("the match count", |t| t.last_row().contains("2 matches"));

    t.send("?");
    t.wait_for("the help overlay", |t| {
        t.screen().contains("Help (esc closes)")
    });
    assert!(t.screen().contains("search in the article"));
    t.send("\x1b");
    t.wait_for("the help to close", |t| {
        !t.screen().contains("Help (esc closes)") && t.screen().contains("Deir ez-Zor Garrison")
    });

    t.send("q");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();
}

#[test]
fn three_columns_at_120x40() {
    let mut t = Tui::start(120, 40);
    t.wait_for("the list with every title", opened);
    // Three panes side by side: the list, the text and the summary share a row.
    let rows = t.rows();
    let top = &rows[0];
    assert!(
        top.contains("Articles 3") && top.contains("01-palmyra.txt") && top.contains("Summary"),
        "{top:?}"
    );
    t.send("m");
    t.wait_for("the map pane", |t| {
        t.rows()[0].contains("Map of the list: ")
    });
    t.send("q");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();
}

fn signal(pid: u32, sig: &str) {
    let st = std::process::Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .expect("kill(1) runs");
    assert!(st.success(), "kill {sig} {pid}");
}

/// `kill` is also a shell builtin, but Command needs the program.
fn have_kill() -> bool {
    let found = Path::new("/bin/kill").exists() || Path::new("/usr/bin/kill").exists();
    if !found {
        eprintln!("no kill(1); skipped");
    }
    found
}

#[test]
fn sigterm_exits_and_restores_the_terminal() {
    if !have_kill() {
        return;
    }
    let mut t = Tui::start(80, 24);
    t.wait_for("the list with every title", opened);
    signal(t.pid(), "-TERM");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();
}

#[test]
fn sighup_exits_and_restores_the_terminal() {
    if !have_kill() {
        return;
    }
    let mut t = Tui::start(80, 24);
    t.wait_for("the list with every title", opened);
    // Not portable-pty's kill(): it follows SIGHUP with SIGKILL after
    // 200 ms, and the reader looks at its signal flag every 500 ms.
    signal(t.pid(), "-HUP");
    let status = t.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    t.assert_restored();
}

/// The annotation round trip as an analyst does it: tag the article,
/// select a phrase, write a note on it, quit; reopen, and all of it is
/// there, in the reader and in the store file.
#[test]
fn tag_highlight_note_quit_reopen_and_find_them() {
    let root = tempfile::tempdir().unwrap();
    let mut t = Tui::start_in(root.path(), 100, 30);
    t.wait_for("the list with every title", opened);

    t.send("t");
    t.wait_for("the tag prompt", |t| {
        t.last_row().contains("tag (tab completes)")
    });
    t.send("priority\r");
    t.wait_for("the tag to be saved", |t| {
        t.last_row().contains("tagged priority (saved)")
    });
    assert!(list_row(&t.rows(), "Syrian Army Pushes").contains("#priority"));

    // The text pane: down to the first body line, select two words.
    t.send("\t");
    t.wait_for("the text pane", |t| t.last_row().contains("TEXT"));
    t.send("jj");
    t.send("v");
    t.wait_for("selection mode", |t| t.last_row().contains("SELECT"));
    t.send("ww");
    t.send("a");
    t.wait_for("the note editor", |t| {
        t.screen().contains("Note on The Syrian Arab")
    });
    t.send("check the 20 km claim");
    t.wait_for("the typed note", |t| {
        t.screen().contains("check the 20 km claim")
    });
    t.send("\x13"); // ctrl-s
    t.wait_for("the note to be saved", |t| {
        t.last_row().contains("note saved (saved)")
    });

    t.send("q");
    assert!(t.wait_exit().success());
    t.assert_restored();

    let store = std::fs::read_to_string(root.path().join("data").join("store.json")).unwrap();
    assert!(
        store.contains("check the 20 km claim") && store.contains("\"priority\""),
        "{store}"
    );

    // Reopen: the tag is on the list, the note in the notes list.
    let mut t = Tui::start_in(root.path(), 100, 30);
    t.wait_for("the list with every title", opened);
    assert!(list_row(&t.rows(), "Syrian Army Pushes").contains("#priority"));
    t.send("A");
    t.wait_for("the notes list", |t| {
        t.screen().contains("Notes on this article (1)")
    });
    assert!(
        t.screen()
            .contains("\u{201c}The Syrian Arab\u{201d} check the 20 km claim"),
        "{}",
        t.screen()
    );
    t.send("\x1b");
    t.wait_for("the notes list to close", |t| {
        !t.screen().contains("Notes on this article")
    });
    t.send("q");
    assert!(t.wait_exit().success());
}

/// A dropped connection with no signal at all (the pty just closes): the
/// reader notices the hang-up and exits instead of spinning on the
/// terminal's end of file.
#[test]
fn a_closed_terminal_ends_the_reader() {
    let root = tempfile::tempdir().unwrap();
    let corpus = root.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.arg(&corpus);
    cmd.env("TERM", "xterm-256color");
    for (var, sub) in [
        ("SITREP_CONFIG_DIR", "config"),
        ("SITREP_DATA_DIR", "data"),
        ("SITREP_CACHE_DIR", "cache"),
    ] {
        cmd.env(var, root.path().join(sub));
    }
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    // Wait until it has drawn (it is in its input loop), then hang up.
    // The corpus loads in the background: the title's count may be drawn
    // as a change of one cell, so the screen is what is read.
    let mut screen = vt100::Parser::new(24, 80, 0);
    let deadline = Instant::now() + STEP;
    let mut buf = [0u8; 4096];
    while !screen.screen().contents().contains("Articles 3") {
        assert!(Instant::now() < deadline, "the reader never drew");
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => screen.process(&buf[..n]),
        }
    }
    drop(reader);
    drop(pty.master);
    let deadline = Instant::now() + STEP;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let _ = status;
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the reader kept running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
