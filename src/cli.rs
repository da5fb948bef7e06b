//! The command line: each subcommand is one call into the library.

mod grade;
mod list;

use crate::corpus::{self, LoadOptions};
use crate::export;
use crate::extract;
use crate::extract::tables::Tables;
use crate::ingest;
use crate::model::Skipped;
use crate::query::{self, Lexicon};
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
    /// Print the corpus summary instead of opening the reader (the same
    /// as `sitrep list`).
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
    /// Saved queries, `[queries] raqqa = 'loc:Raqqa'`, used as `@raqqa`.
    #[serde(default)]
    pub queries: std::collections::BTreeMap<String, String>,
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
        /// Only articles matching a query (as for `sitrep list`).
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
    /// Merge a JSON export into the store (tags, notes, corrections,
    /// grades; what is already there is not duplicated).
    Import { file: PathBuf },
    /// One line (or JSON object) per article matching a query.
    List {
        /// A query (see the README's grammar): words, #tag, force:NAME,
        /// loc:NAME, source:NAME, site:NAME, claim.unit:U, claim.value>N,
        /// date:FROM..TO, note:TEXT, grade<=B3, @saved, and/or/not, ( ).
        #[arg(long, short)]
        query: Option<String>,
        #[arg(long, value_enum, default_value_t = NotesFormat::Text)]
        format: NotesFormat,
        /// The corpus (default: as for the reader).
        paths: Vec<PathBuf>,
    },
    /// Figures that disagree: the same place (or force) and kind of
    /// quantity reported differently by different articles or sources.
    Conflicts {
        #[arg(long, value_enum, default_value_t = NotesFormat::Text)]
        format: NotesFormat,
        /// The corpus (default: as for the reader).
        paths: Vec<PathBuf>,
    },
    /// Grade the source of a claim with the Admiralty code (reliability
    /// A-F, credibility 1-6), or remove its grade.
    Grade {
        /// An article id, or a file path (FILE#N for the Nth item of a feed).
        article: String,
        /// The claim: its number in the article's summary (1 is the first,
        /// as the reader lists them), or its quantity as printed ("20 km").
        claim: String,
        /// A grade such as B2, or `none` to remove the claim's grade.
        grade: String,
    },
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Jsonl,
}

pub fn main() -> ExitCode {
    install_panic_hook();
    crate::ingest::contain_panics();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                e.exit();
            }
            // clap quotes the argument it refused, which may be a file
            // name a shell glob expanded: plain text, made safe.
            eprint!("{}", crate::sanitize::text(&e.render().to_string()));
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Errors quote file names, tags and file contents: whatever
            // they hold, no control sequence reaches the terminal.
            eprintln!("sitrep: {}", crate::sanitize::text(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// A panic's message can quote article text (a slice out of bounds names
/// the string): printed made safe, with the backtrace `RUST_BACKTRACE`
/// asks for. The reader's own hook restores the terminal first, then
/// calls this one.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = crate::ingest::panic_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("sitrep: internal error{at}: {}", crate::sanitize::text(msg));
        let trace = std::backtrace::Backtrace::capture();
        if trace.status() == std::backtrace::BacktraceStatus::Captured {
            eprintln!("{trace}");
        }
    }));
}

fn load_opts(cli: &Cli) -> LoadOptions {
    LoadOptions {
        max_file_bytes: cli.max_file_mb.saturating_mul(1024 * 1024),
    }
}

/// Records serialised at a time, on all cores, before they are written:
/// the output streams, in corpus order, without holding it all.
const RECORDS_PER_CHUNK: usize = 512;

/// What `sitrep extract` prints: one pretty JSON array (the same bytes
/// serde_json's pretty printer gives the whole list) or one object a
/// line. JSON escapes C0; DEL, C1 and bidi controls are escaped too.
fn write_records(
    out: &mut impl Write,
    articles: &[crate::model::Article],
    summaries: &[crate::model::Summary],
    format: ExtractFormat,
) -> anyhow::Result<()> {
    write_records_by(out, articles, summaries, format, RECORDS_PER_CHUNK)
}

fn write_records_by(
    out: &mut impl Write,
    articles: &[crate::model::Article],
    summaries: &[crate::model::Summary],
    format: ExtractFormat,
    chunk: usize,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let pretty = format == ExtractFormat::Json;
    if pretty && articles.is_empty() {
        writeln!(out, "[]")?;
        return Ok(());
    }
    if pretty {
        write!(out, "[")?;
    }
    for (n, (a, s)) in articles
        .chunks(chunk)
        .zip(summaries.chunks(chunk))
        .enumerate()
    {
        let texts: Vec<String> = a
            .par_iter()
            .zip(s)
            .map(|(a, s)| -> serde_json::Result<String> {
                let r = extract::Record::new(a, s);
                Ok(if pretty {
                    // Inside the array, every line is indented once more
                    // (JSON strings hold no raw newline).
                    serde_json::to_string_pretty(&r)?.replace('\n', "\n  ")
                } else {
                    serde_json::to_string(&r)?
                })
            })
            .collect::<serde_json::Result<_>>()?;
        for (i, t) in texts.into_iter().enumerate() {
            let t = crate::sanitize::json(t);
            if pretty {
                let sep = if n == 0 && i == 0 { "" } else { "," };
                write!(out, "{sep}\n  {t}")?;
            } else {
                writeln!(out, "{t}")?;
            }
        }
    }
    if pretty {
        writeln!(out, "\n]")?;
    }
    Ok(())
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let opts = load_opts(&cli);
    match cli.command {
        Some(Command::Extract { format, paths }) => {
            let (tables, version) = crate::cache::tables(&crate::paths::config_dir())?;
            let (articles, summaries) = open_corpus(&paths, &opts, cli.no_cache, tables, version)?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write_records(&mut out, &articles, &summaries, format)?;
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
                    crate::sanitize::line(&tags.join(" "))
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
                    let json = serde_json::to_string_pretty(&notes)?;
                    writeln!(out, "{}", crate::sanitize::json(json))?;
                }
                NotesFormat::Text => {
                    for n in notes {
                        let tags: Vec<&str> = n.tags.iter().map(String::as_str).collect();
                        writeln!(
                            out,
                            "{}  {}  {}  [{}]",
                            crate::sanitize::line(&n.id),
                            crate::sanitize::line(&n.article.0),
                            crate::sanitize::line(&n.path),
                            crate::sanitize::line(&tags.join(" "))
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
            let config = Config::load()?;
            let (tables, version) = crate::cache::tables(&crate::paths::config_dir())?;
            let ctx = query::Context::new(Lexicon::new(&tables), config.queries.clone());
            let filter = match export::Filter::new(tags, query.as_deref(), &ctx) {
                Ok(f) => f,
                Err(e) => return Ok(list::query_error(query.as_deref().unwrap_or(""), &e)),
            };
            let args = ExportArgs {
                format: format.into(),
                filter,
                out,
                force,
                paths,
            };
            run_export(
                args,
                cli.store.as_deref(),
                &opts,
                cli.no_cache,
                (tables, version),
            )
        }
        Some(Command::Import { file }) => run_import(&file, cli.store.as_deref(), &opts),
        Some(Command::List {
            query,
            format,
            paths,
        }) => list::run_list(
            query.as_deref(),
            format,
            &paths,
            cli.store.as_deref(),
            &opts,
            cli.no_cache,
        ),
        Some(Command::Grade {
            article,
            claim,
            grade,
        }) => grade::run_grade(&article, &claim, &grade, cli.store.as_deref(), &opts),
        Some(Command::Conflicts { format, paths }) => {
            let config = Config::load()?;
            let (tables, version) = crate::cache::tables(&crate::paths::config_dir())?;
            let (articles, summaries) = open_corpus(
                &default_paths(&paths, &config),
                &opts,
                cli.no_cache,
                tables,
                version,
            )?;
            let text = crate::analysis::conflicts::render(
                &articles,
                &summaries,
                matches!(format, NotesFormat::Json),
            )?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if cli.list || !interactive() {
                return list::run_list(
                    None,
                    NotesFormat::Text,
                    &cli.paths,
                    cli.store.as_deref(),
                    &opts,
                    cli.no_cache,
                );
            }
            let config = Config::load()?;
            let paths = default_paths(&cli.paths, &config);
            // Read before the screen is taken, so a malformed extend.toml
            // is reported plainly.
            let (tables, version) = crate::cache::tables(&crate::paths::config_dir())?;
            let store = open_store(cli.store.as_deref())?;
            let ctx = query::Context::new(Lexicon::new(&tables), config.queries);
            run_reader(
                store,
                Loading {
                    paths,
                    opts,
                    no_cache: cli.no_cache,
                    exit_after: cli.exit_after,
                    tables,
                    version,
                },
                ctx,
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
            Some(n) => anyhow::bail!(
                "{} has {} articles, not #{n}",
                crate::sanitize::line(file),
                arts.len()
            ),
            None if arts.len() == 1 => arts.remove(0),
            None => anyhow::bail!(
                "{0} holds {1} articles: name one as {0}#N",
                crate::sanitize::line(file),
                arts.len()
            ),
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
    /// What to extract with (see `cache::tables`).
    pub tables: Tables,
    pub version: crate::cache::Version,
}

#[cfg(feature = "tui")]
fn run_reader(
    store: store::Store,
    loading: Loading,
    ctx: query::Context,
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
    let extractor = crate::cache::Extraction::lazy(loading.tables);
    let cache = (!loading.no_cache).then(|| {
        ingest::CacheUse::new(&crate::paths::cache_dir(), &loading.paths, loading.version)
    });
    let mut state = ui::state::State::new(Vec::new(), Vec::new());
    state.query_context = std::sync::Arc::new(ctx);
    let (tx, rx) = std::sync::mpsc::channel();
    let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let worker = {
        let cancel = std::sync::Arc::clone(&cancel);
        std::thread::spawn(move || {
            // The filter's index is built here too, batch by batch, so the
            // reader stays free while the corpus loads.
            let mut index = crate::index::Index::default();
            // And the duplicate signatures, the costly part of grouping
            // reposts, so the reader does not stall when the load ends.
            let mut signatures = Vec::new();
            let stats = ingest::load(
                &loading.paths,
                &loading.opts,
                &extractor,
                cache.as_ref(),
                &cancel,
                |b| {
                    index.add(&b.articles, &b.summaries);
                    use rayon::prelude::*;
                    signatures.par_extend(
                        b.articles
                            .par_iter()
                            .map(crate::analysis::duplicates::signature),
                    );
                    let _ = tx.send(ui::Loaded::Batch(b));
                },
            );
            // Its automata are tens of MB, and the analysis that runs when
            // the load ends wants the room.
            drop(extractor);
            index.shrink_to_fit();
            let _ = tx.send(ui::Loaded::Done(stats, Box::new(index), signatures));
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
fn run_reader(
    _: store::Store,
    _: Loading,
    _: query::Context,
    _: Option<String>,
    _: bool,
) -> anyhow::Result<()> {
    anyhow::bail!("this sitrep was built without the reader (feature `tui`); use `sitrep extract` or `--list`")
}

/// Reads and extracts the corpus at `paths` on all cores, through the
/// cache unless `no_cache`; a progress line on stderr while it loads when
/// stderr is a terminal.
pub(crate) fn open_corpus(
    paths: &[PathBuf],
    opts: &LoadOptions,
    no_cache: bool,
    tables: Tables,
    version: crate::cache::Version,
) -> anyhow::Result<(Vec<crate::model::Article>, Vec<crate::model::Summary>)> {
    let extractor = crate::cache::Extraction::lazy(tables);
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
    (tables, version): (Tables, crate::cache::Version),
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
    let (all, all_summaries) = open_corpus(&paths, opts, no_cache, tables, version)?;
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
            use std::io::IsTerminal;
            let stdout = std::io::stdout();
            let text = if stdout.is_terminal() {
                // CSV holds article text as it is; a terminal is shown it
                // made safe (a pipe or a file gets the data unchanged).
                crate::sanitize::text(&text.replace("\r\n", "\n"))
            } else {
                text
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{tables::Tables, Extractor};

    /// Five short articles of our own, one with a control character.
    fn corpus() -> (Vec<crate::model::Article>, Vec<crate::model::Summary>) {
        let texts = [
            "Shelling Near Homs\n\nThe SAA shelled Homs, killing 12 civilians, SOHR said.\n",
            "Convoy Hit\n\nA convoy was hit 30 km (19 miles) east of Palmyra.\n",
            "Quiet Day\n\nNothing was reported.\n",
            "Raid\n\nHTS fighters raided a post near Idlib \u{1b}[2J on Monday.\n",
            "Siege\n\nThe siege of Deir Ezzor entered its third month.\n",
        ];
        let x = Extractor::new(&Tables::builtin().unwrap());
        let articles: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                crate::corpus::parse(crate::model::Format::Text, t)
                    .unwrap()
                    .drafts
                    .remove(0)
                    .into_article(format!("{i}.txt"), crate::model::Format::Text)
            })
            .collect();
        let summaries = articles.iter().map(|a| x.extract(a)).collect();
        (articles, summaries)
    }

    fn printed(format: ExtractFormat, chunk: usize, n: usize) -> String {
        let (a, s) = corpus();
        let mut out = Vec::new();
        write_records_by(&mut out, &a[..n], &s[..n], format, chunk).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn chunked_output_is_the_whole_list_printed_at_once() {
        let (a, s) = corpus();
        let records: Vec<_> = a
            .iter()
            .zip(&s)
            .map(|(a, s)| extract::Record::new(a, s))
            .collect();
        let whole = crate::sanitize::json(serde_json::to_string_pretty(&records).unwrap()) + "\n";
        assert!(whole.contains("\\u001b[2J"), "the escape is escaped");
        for chunk in [1, 2, 5, 512] {
            assert_eq!(
                printed(ExtractFormat::Json, chunk, 5),
                whole,
                "chunks of {chunk}"
            );
        }
        let lines: String = records
            .iter()
            .map(|r| crate::sanitize::json(serde_json::to_string(r).unwrap()) + "\n")
            .collect();
        assert_eq!(printed(ExtractFormat::Jsonl, 2, 5), lines);
        assert_eq!(printed(ExtractFormat::Json, 2, 0), "[]\n");
        assert_eq!(printed(ExtractFormat::Jsonl, 2, 0), "");
    }
}
