//! The command line: each subcommand is one call into the library.

use crate::corpus::{self, LoadOptions};
use crate::export;
use crate::extract;
use crate::ingest;
use crate::model::Skipped;
use crate::store;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "sitrep",
    version,
    about = "A terminal briefing reader for conflict reporting"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open (default: the bundled sample corpus).
    pub paths: Vec<PathBuf>,
    /// Largest input file read, in megabytes.
    #[arg(long, global = true, default_value_t = 20)]
    pub max_file_mb: u64,
    /// Colour theme: default, light, high-contrast, monochrome, or a file
    /// NAME.toml in the config dir's themes/.
    #[arg(long)]
    pub theme: Option<String>,
    /// ASCII borders and markers only.
    #[arg(long)]
    pub ascii: bool,
    /// Print the corpus summary instead of opening the reader.
    #[arg(long)]
    pub list: bool,
    /// The annotation store's folder (default: SITREP_DATA_DIR, else the
    /// platform data dir).
    #[arg(long, global = true)]
    pub store: Option<PathBuf>,
    /// Read and extract every file again, without the cache (in the cache
    /// dir: SITREP_CACHE_DIR, else the platform cache dir), and leave the
    /// cache as it is.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Timing harness (not for use): print to stderr how long the reader
    /// took to its first frame with articles (`first`) or to the frame
    /// after the whole corpus was in (`loaded`), then quit.
    #[arg(long, hide = true, value_name = "WHEN")]
    pub exit_after: Option<String>,
}

/// `config.toml` in the config dir.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Files or folders opened when none are named.
    #[serde(default)]
    pub corpus: Vec<PathBuf>,
    pub theme: Option<String>,
}

impl Config {
    pub fn load() -> anyhow::Result<Config> {
        let path = crate::paths::config_dir().join("config.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
            }
            Err(_) => Ok(Config::default()),
        }
    }
}

/// The corpus to open: the paths given, else the config's, else the
/// bundled sample corpus.
fn default_paths(given: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    if !config.corpus.is_empty() {
        return config.corpus.clone();
    }
    let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
    if bundled.is_dir() {
        vec![bundled]
    } else {
        vec![PathBuf::from("sample-corpus")]
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the title, body, comments and extracted summary of every article.
    Extract {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Add (+tag) or remove (-tag) tags on an article.
    Tag {
        /// An article id, or a file path (FILE#N for the Nth item of a feed).
        article: String,
        /// +tag to add, -tag to remove.
        #[arg(required = true, allow_hyphen_values = true)]
        changes: Vec<String>,
    },
    /// Attach a note to a quote of an article (or to all of it).
    Note {
        /// An article id, or a file path (FILE#N for the Nth item of a feed).
        article: String,
        /// Text that must occur in the article; the note is anchored to it.
        #[arg(long)]
        quote: Option<String>,
        /// The note (Markdown).
        #[arg(long)]
        text: String,
        #[arg(long = "tag")]
        tags: Vec<String>,
    },
    /// List notes.
    Notes {
        #[arg(long = "tag")]
        tags: Vec<String>,
        #[arg(long, value_enum, default_value_t = NotesFormat::Text)]
        format: NotesFormat,
    },
    /// Export the articles with tags, notes or corrections (a brief, JSON,
    /// CSV, GeoJSON or W3C Web Annotations).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Only articles with this tag (on the article or one of its
        /// notes); repeat to require several.
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Only articles matching every word: plain words in the title or
        /// body, force:NAME, loc:NAME, site:NAME, #TAG, note:WORD.
        #[arg(long)]
        query: Option<String>,
        /// Write to FILE (created 0600) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// The corpus (default: as for the reader).
        paths: Vec<PathBuf>,
    },
    /// Merge a JSON export into the store (tags, notes, corrections; what
    /// is already there is not duplicated).
    Import { file: PathBuf },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Csv,
    Geojson,
    W3c,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Markdown => export::Format::Markdown,
            ExportFormat::Json => export::Format::Json,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Geojson => export::Format::Geojson,
            ExportFormat::W3c => export::Format::W3c,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NotesFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Jsonl,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_opts(cli: &Cli) -> LoadOptions {
    LoadOptions {
        max_file_bytes: cli.max_file_mb.saturating_mul(1024 * 1024),
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let opts = load_opts(&cli);
    match cli.command {
        Some(Command::Extract { format, paths }) => {
            let (articles, summaries) = open_corpus(&paths, &opts, cli.no_cache)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let records: Vec<_> = articles
                .iter()
                .zip(&summaries)
                .map(|(a, s)| extract::Record::new(a, s))
                .collect();
            match format {
                ExtractFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &records)?;
                    writeln!(out)?;
                }
                ExtractFormat::Jsonl => {
                    for r in &records {
                        serde_json::to_writer(&mut out, r)?;
                        writeln!(out)?;
                    }
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Tag { article, changes }) => {
            let mut store = open_store(cli.store.as_deref())?;
            let (id, found) = resolve_article(&article, &opts)?;
            let mut ops = Vec::new();
            for c in &changes {
                let (add, tag) = match (c.strip_prefix('+'), c.strip_prefix('-')) {
                    (Some(t), _) => (true, t),
                    (_, Some(t)) => (false, t),
                    _ => anyhow::bail!("tag changes are +TAG or -TAG, not {c:?}"),
                };
                let tag = valid_tag(tag)?;
                ops.push(if add {
                    store::Op::Tag {
                        article: id.clone(),
                        path: found.as_ref().map(|a| a.path.clone()).unwrap_or_default(),
                        title: found.as_ref().map(|a| a.title.clone()).unwrap_or_default(),
                        tag,
                    }
                } else {
                    store::Op::Untag {
                        article: id.clone(),
                        tag,
                    }
                });
            }
            store.apply_all(ops)?;
            let tags: Vec<String> = store.tags(&id).into_iter().collect();
            println!(
                "{id}: {}",
                if tags.is_empty() {
                    "(no tags)".into()
                } else {
                    tags.join(" ")
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Note {
            article,
            quote,
            text,
            tags,
        }) => {
            let mut store = open_store(cli.store.as_deref())?;
            let (_, found) = resolve_article(&article, &opts)?;
            let a = found.ok_or_else(|| {
                anyhow::anyhow!("article {article} not found in the corpus; name its file")
            })?;
            let span = match &quote {
                Some(q) => {
                    let at = a.text.find(q.as_str()).ok_or_else(|| {
                        anyhow::anyhow!(
                            "the quote does not occur in {} ({}): {:?}",
                            a.path,
                            a.id,
                            crate::sanitize::line(q)
                        )
                    })?;
                    Some(crate::model::ByteSpan::new(at, at + q.len()))
                }
                None => None,
            };
            let tags = tags
                .iter()
                .map(|t| valid_tag(t))
                .collect::<anyhow::Result<_>>()?;
            let n = store::annotation(&a, span, &text, tags);
            let id = n.id.clone();
            store.apply(store::Op::Annotate(n))?;
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes { tags, format }) => {
            let store = open_store(cli.store.as_deref())?;
            let notes: Vec<&store::Annotation> = store
                .data()
                .annotations
                .iter()
                .filter(|n| {
                    tags.iter()
                        .all(|t| n.tags.contains(t) || store.tags(&n.article).contains(t))
                })
                .collect();
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            match format {
                NotesFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &notes)?;
                    writeln!(out)?;
                }
                NotesFormat::Text => {
                    for n in notes {
                        let tags: Vec<&str> = n.tags.iter().map(String::as_str).collect();
                        writeln!(
                            out,
                            "{}  {}  {}  [{}]",
                            n.id,
                            n.article,
                            crate::sanitize::line(&n.path),
                            tags.join(" ")
                        )?;
                        if !n.quote.is_empty() {
                            writeln!(out, "  > {}", crate::sanitize::line(&n.quote))?;
                        }
                        for l in n.note.lines() {
                            writeln!(out, "  {}", crate::sanitize::line(l))?;
                        }
                    }
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export {
            format,
            tags,
            query,
            out,
            force,
            paths,
        }) => {
            let args = ExportArgs {
                format: format.into(),
                filter: export::Filter::new(tags, query),
                out,
                force,
                paths,
            };
            run_export(args, cli.store.as_deref(), &opts, cli.no_cache)
        }
        Some(Command::Import { file }) => run_import(&file, cli.store.as_deref(), &opts),
        None => {
            let config = Config::load()?;
            let paths = default_paths(&cli.paths, &config);
            if cli.list || !interactive() {
                let (articles, summaries) = open_corpus(&paths, &opts, cli.no_cache)?;
                for (a, s) in articles.iter().zip(&summaries) {
                    println!(
                        "{}  {}  [{} forces, {} places, {} claims, {} comments]",
                        a.id,
                        crate::sanitize::line(&a.title),
                        s.forces.len(),
                        s.locations.len(),
                        s.claims.len(),
                        a.comments.len()
                    );
                }
                return Ok(ExitCode::SUCCESS);
            }
            let store = open_store(cli.store.as_deref())?;
            run_reader(
                store,
                Loading {
                    paths,
                    opts,
                    no_cache: cli.no_cache,
                    exit_after: cli.exit_after,
                },
                cli.theme.or(config.theme),
                cli.ascii,
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn open_store(dir: Option<&std::path::Path>) -> anyhow::Result<store::Store> {
    let dir = dir
        .map(PathBuf::from)
        .unwrap_or_else(store::Store::default_dir);
    Ok(store::Store::open(&dir)?)
}

/// A tag from the command line (see `store::valid_tag`).
fn valid_tag(t: &str) -> anyhow::Result<String> {
    store::valid_tag(t).map_err(anyhow::Error::msg)
}

/// ARTICLE on the command line: a file (FILE#N for an item), or an id
/// looked up in the configured corpus. The article itself is returned when
/// it could be read.
fn resolve_article(
    arg: &str,
    opts: &LoadOptions,
) -> anyhow::Result<(crate::model::ArticleId, Option<crate::model::Article>)> {
    let (file, item) = match arg.rsplit_once('#') {
        Some((f, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            (f, Some(n.parse::<usize>()?))
        }
        _ => (arg, None),
    };
    let path = PathBuf::from(file);
    if path.is_file() {
        let corpus = corpus::load(std::slice::from_ref(&path), opts);
        if let Some(s) = corpus.skipped.first() {
            if corpus.articles.is_empty() {
                anyhow::bail!("{}: {}", crate::sanitize::line(file), s.reason);
            }
        }
        let mut arts = corpus.articles;
        let a = match item {
            Some(n) if n >= 1 && n <= arts.len() => arts.swap_remove(n - 1),
            Some(n) => anyhow::bail!("{file} has {} articles, not #{n}", arts.len()),
            None if arts.len() == 1 => arts.remove(0),
            None => anyhow::bail!("{file} holds {} articles: name one as {file}#N", arts.len()),
        };
        return Ok((a.id.clone(), Some(a)));
    }
    if arg.len() == 16 && arg.chars().all(|c| c.is_ascii_hexdigit()) {
        let id = crate::model::ArticleId(arg.to_ascii_lowercase());
        let config = Config::load()?;
        let corpus = corpus::load(&default_paths(&[], &config), opts);
        let found = corpus.articles.into_iter().find(|a| a.id == id);
        return Ok((id, found));
    }
    anyhow::bail!(
        "{:?} is neither a file nor an article id (16 hex digits)",
        crate::sanitize::line(arg)
    )
}

fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// What the reader loads, in the background, once it is up.
pub struct Loading {
    pub paths: Vec<PathBuf>,
    pub opts: LoadOptions,
    pub no_cache: bool,
    pub exit_after: Option<String>,
}

#[cfg(feature = "tui")]
fn run_reader(
    store: store::Store,
    loading: Loading,
    theme: Option<String>,
    ascii: bool,
) -> anyhow::Result<()> {
    use crate::ui;
    let started = std::time::Instant::now();
    let config_dir = crate::paths::config_dir();
    let name = theme.unwrap_or_else(|| "default".into());
    let mut theme = ui::theme::Theme::load(&name, &config_dir)?;
    if ui::no_colour() {
        theme = theme.without_colour();
    }
    let keymap = ui::keymap::Keymap::load(&config_dir)?;
    let exit_after = match loading.exit_after.as_deref() {
        None => None,
        Some("first") => Some(ui::ExitAfter::First),
        Some("loaded") => Some(ui::ExitAfter::Loaded),
        Some(other) => anyhow::bail!("--exit-after: first or loaded, not {other:?}"),
    };
    // The extractor is built before the screen is taken, so a malformed
    // extend.toml is reported plainly.
    let (extractor, version) = crate::cache::extractor(&config_dir)?;
    let cache = (!loading.no_cache)
        .then(|| ingest::CacheUse::new(&crate::paths::cache_dir(), &loading.paths, version));
    let state = ui::state::State::new(Vec::new(), Vec::new());
    let (tx, rx) = std::sync::mpsc::channel();
    let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let worker = {
        let cancel = std::sync::Arc::clone(&cancel);
        std::thread::spawn(move || {
            // The filter's index is built here too, batch by batch, so the
            // reader stays free while the corpus loads.
            let mut index = crate::index::Index::default();
            let stats = ingest::load(
                &loading.paths,
                &loading.opts,
                &extractor,
                cache.as_ref(),
                &cancel,
                |b| {
                    index.add(&b.articles, &b.summaries);
                    let _ = tx.send(ui::Loaded::Batch(b));
                },
            );
            let _ = tx.send(ui::Loaded::Done(stats, Box::new(index)));
        })
    };
    let end = ui::run(
        state,
        ui::Options {
            store,
            theme,
            keymap,
            ascii,
            config_dir,
            loading: Some(rx),
            exit_after: exit_after.map(|e| (e, started)),
        },
    );
    // Quitting mid-load stops the worker after its current batch; the
    // cache is then left as it was.
    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = worker.join();
    report_skipped(&end?.skipped);
    Ok(())
}

#[cfg(not(feature = "tui"))]
fn run_reader(_: store::Store, _: Loading, _: Option<String>, _: bool) -> anyhow::Result<()> {
    anyhow::bail!("this sitrep was built without the reader (feature `tui`); use `sitrep extract` or `--list`")
}

/// Reads and extracts the corpus at `paths` on all cores, through the
/// cache unless `no_cache`; a progress line on stderr while it loads when
/// stderr is a terminal.
fn open_corpus(
    paths: &[PathBuf],
    opts: &LoadOptions,
    no_cache: bool,
) -> anyhow::Result<(Vec<crate::model::Article>, Vec<crate::model::Summary>)> {
    let (extractor, version) = crate::cache::extractor(&crate::paths::config_dir())?;
    let cache =
        (!no_cache).then(|| ingest::CacheUse::new(&crate::paths::cache_dir(), paths, version));
    let mut progress = Progress::new();
    let (all, stats) = ingest::load_all(paths, opts, &extractor, cache.as_ref(), |d, t| {
        progress.show(d, t)
    });
    progress.clear();
    report_skipped(&all.skipped);
    report_cache(&stats);
    Ok((all.articles, all.summaries))
}

/// One line on stderr when the cache could not be used or written (a
/// cache made by another version is simply replaced).
fn report_cache(stats: &ingest::Stats) {
    if let crate::cache::Opened::Discarded(why) = &stats.cache {
        eprintln!(
            "sitrep: cache discarded and rebuilt: {}",
            crate::sanitize::line(why)
        );
    }
    if let Some(Err(e)) = &stats.written {
        eprintln!("sitrep: cache not written: {}", crate::sanitize::line(e));
    }
}

/// `loading 3,120/10,000 files` on stderr, redrawn in place, only when
/// stderr is a terminal.
struct Progress {
    on: bool,
    shown: bool,
    last: Option<std::time::Instant>,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal;
        Progress {
            on: std::io::stderr().is_terminal(),
            shown: false,
            last: None,
        }
    }

    fn show(&mut self, done: usize, total: usize) {
        if !self.on || done >= total {
            return;
        }
        // At most ten times a second.
        if self
            .last
            .is_some_and(|t| t.elapsed() < std::time::Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(std::time::Instant::now());
        self.shown = true;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}\x1b[K", loading_line(done, total));
        let _ = err.flush();
    }

    fn clear(&mut self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}

/// `loading 3,120/10,000 files`.
pub fn loading_line(done: usize, total: usize) -> String {
    format!("loading {}/{} files", thousands(done), thousands(total))
}

/// 10000 as `10,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One line on stderr per file left out, its name made safe to print.
fn report_skipped(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!(
            "sitrep: skipped {}: {}",
            crate::sanitize::line(&s.path.display().to_string()),
            crate::sanitize::line(&s.reason)
        );
    }
}

struct ExportArgs {
    format: export::Format,
    filter: export::Filter,
    out: Option<PathBuf>,
    force: bool,
    paths: Vec<PathBuf>,
}

/// `sitrep export`: the store's articles in the corpus (and those it no
/// longer holds), filtered, in one format, to stdout or `--out`.
fn run_export(
    mut args: ExportArgs,
    store_dir: Option<&std::path::Path>,
    opts: &LoadOptions,
    no_cache: bool,
) -> anyhow::Result<ExitCode> {
    args.filter.tags = args
        .filter
        .tags
        .iter()
        .map(|t| valid_tag(t))
        .collect::<anyhow::Result<_>>()?;
    if let Some(out) = &args.out {
        // Refuse before the work, not after it (checked again when written).
        if !args.force && std::fs::symlink_metadata(out).is_ok() {
            return Err(export::ExportError::Exists(out.clone()).into());
        }
    }
    let store = open_store(store_dir)?;
    let config = Config::load()?;
    let paths = default_paths(&args.paths, &config);
    let (all, all_summaries) = open_corpus(&paths, opts, no_cache)?;
    let mut by_id: std::collections::HashMap<_, _> = all
        .iter()
        .map(|a| a.id.clone())
        .zip(all_summaries)
        .collect();
    let articles = export::known(all, store.data());
    let summaries: Vec<_> = articles
        .iter()
        .map(|a| by_id.remove(&a.id).unwrap_or_default())
        .collect();
    let entries = export::select(&articles, &summaries, store.data(), &args.filter);
    let text = export::render(args.format, &entries)?;
    match &args.out {
        Some(out) => {
            export::write_file(out, text.as_bytes(), args.force)?;
            eprintln!(
                "sitrep: exported {} article{} to {}",
                entries.len(),
                if entries.len() == 1 { "" } else { "s" },
                crate::sanitize::line(&out.display().to_string())
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `sitrep import FILE`: a JSON export merged into the store.
fn run_import(
    file: &std::path::Path,
    store_dir: Option<&std::path::Path>,
    opts: &LoadOptions,
) -> anyhow::Result<ExitCode> {
    let shown = crate::sanitize::line(&file.display().to_string());
    let mut f = std::fs::File::open(file).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(&mut f, opts.max_file_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    if bytes.len() as u64 > opts.max_file_bytes {
        anyhow::bail!("{shown}: larger than --max-file-mb");
    }
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{shown}: not UTF-8"))?;
    let mut store = open_store(store_dir)?;
    let report = export::import(&mut store, &text).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    println!("imported {shown}: {report}");
    Ok(ExitCode::SUCCESS)
}
