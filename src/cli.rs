//! The command line: each subcommand is one call into the library.

use crate::corpus::{self, LoadOptions};
use crate::extract::{self, Extractor};
use crate::model::Skipped;
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
            Ok(text) => toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display())),
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
            let corpus = corpus::load(&paths, &opts);
            report_skipped(&corpus.skipped);
            let extractor = Extractor::load_default()?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let summaries = extract_all(&extractor, &corpus.articles);
            let records: Vec<_> = corpus
                .articles
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
        None => {
            let config = Config::load()?;
            let paths = default_paths(&cli.paths, &config);
            let corpus = corpus::load(&paths, &opts);
            report_skipped(&corpus.skipped);
            let extractor = Extractor::load_default()?;
            let summaries = extract_all(&extractor, &corpus.articles);
            if cli.list || !interactive() {
                for (a, s) in corpus.articles.iter().zip(&summaries) {
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
            run_reader(corpus.articles, summaries, cli.theme.or(config.theme), cli.ascii)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

#[cfg(feature = "tui")]
fn run_reader(
    articles: Vec<crate::model::Article>,
    summaries: Vec<crate::model::Summary>,
    theme: Option<String>,
    ascii: bool,
) -> anyhow::Result<()> {
    use crate::ui;
    let config_dir = crate::paths::config_dir();
    let name = theme.unwrap_or_else(|| "default".into());
    let mut theme = ui::theme::Theme::load(&name, &config_dir)?;
    if ui::no_colour() {
        theme = theme.without_colour();
    }
    let keymap = ui::keymap::Keymap::load(&config_dir)?;
    let state = ui::state::State::new(articles, summaries);
    ui::run(state, ui::Options { theme, keymap, ascii, config_dir })
}

#[cfg(not(feature = "tui"))]
fn run_reader(
    _: Vec<crate::model::Article>,
    _: Vec<crate::model::Summary>,
    _: Option<String>,
    _: bool,
) -> anyhow::Result<()> {
    anyhow::bail!("this sitrep was built without the reader (feature `tui`); use `sitrep extract` or `--list`")
}

/// Extracts every article, on all cores.
fn extract_all(
    extractor: &Extractor,
    articles: &[crate::model::Article],
) -> Vec<crate::model::Summary> {
    use rayon::prelude::*;
    articles.par_iter().map(|a| extractor.extract(a)).collect()
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
