//! `sitrep grade`: an Admiralty grade for the source of one claim.

use super::{open_store, resolve_article};
use crate::corpus::LoadOptions;
use crate::extract::Extractor;
use crate::store;
use std::process::ExitCode;

/// `sitrep grade ARTICLE CLAIM GRADE`.
pub fn run_grade(
    article: &str,
    claim: &str,
    grade: &str,
    store_dir: Option<&std::path::Path>,
    opts: &LoadOptions,
) -> anyhow::Result<ExitCode> {
    let remove = matches!(grade.trim(), "none" | "-");
    let g: Option<crate::model::Grade> = if remove {
        None
    } else {
        Some(grade.parse().map_err(anyhow::Error::msg)?)
    };
    let mut store = open_store(store_dir)?;
    let (id, found) = resolve_article(article, opts)?;
    let a = found.ok_or_else(|| {
        anyhow::anyhow!("article {article} not found in the corpus; name its file")
    })?;
    let summary = Extractor::load_default()?.extract(&a);
    let (n, c) = pick_claim(&a.text, &summary.claims, claim)?;
    let span = crate::model::ByteSpan::new(c.quantity_start, c.quantity_end);
    let who = c.source().unwrap_or("unattributed");
    match g {
        Some(g) => {
            store.apply(store::Op::Grade(store::source_grade(&id, &a.text, c, g)))?;
            println!(
                "{id}: claim {n} {:?} ({}) graded {g}",
                crate::sanitize::line(c.quantity(&a.text)),
                crate::sanitize::line(who)
            );
        }
        None => {
            store.apply(store::Op::Ungrade {
                article: id.clone(),
                span,
            })?;
            println!(
                "{id}: claim {n} {:?} ({}) not graded",
                crate::sanitize::line(c.quantity(&a.text)),
                crate::sanitize::line(who)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// CLAIM on the command line: its number (from 1) in the summary, or its
/// quantity as printed, which must name one claim.
fn pick_claim<'a>(
    text: &str,
    claims: &'a [crate::model::Claim],
    arg: &str,
) -> anyhow::Result<(usize, &'a crate::model::Claim)> {
    let listing = || -> String {
        claims
            .iter()
            .enumerate()
            .map(|(i, c)| format!("\n  {}  {}", i + 1, crate::sanitize::line(c.quantity(text))))
            .collect()
    };
    if claims.is_empty() {
        anyhow::bail!("the article has no claims");
    }
    let t = arg.trim().trim_start_matches('#');
    if let Ok(n) = t.parse::<usize>() {
        if n >= 1 && n <= claims.len() {
            return Ok((n, &claims[n - 1]));
        }
        // A bare number may still be a quantity as printed ("12").
    }
    let same: Vec<(usize, &crate::model::Claim)> = claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.quantity(text).eq_ignore_ascii_case(arg.trim()))
        .map(|(i, c)| (i + 1, c))
        .collect();
    match same.as_slice() {
        [one] => Ok(*one),
        [] => anyhow::bail!(
            "no claim {:?} in the article; its claims:{}",
            crate::sanitize::line(arg),
            listing()
        ),
        _ => anyhow::bail!(
            "{:?} is printed {} times in the article: name the claim by its number:{}",
            crate::sanitize::line(arg),
            same.len(),
            listing()
        ),
    }
}
