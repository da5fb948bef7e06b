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
            let paths = if cli.paths.is_empty() {
                vec![PathBuf::from("sample-corpus")]
            } else {
                cli.paths.clone()
            };
            let corpus = corpus::load(&paths, &opts);
            report_skipped(&corpus.skipped);
            let extractor = Extractor::load_default()?;
            for a in &corpus.articles {
                let s = extractor.extract(a);
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
            Ok(ExitCode::SUCCESS)
        }
    }
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
