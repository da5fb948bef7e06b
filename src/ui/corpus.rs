//! The cross-corpus views (entity index, conflicting figures, timeline,
//! duplicate stories) as rows the overlay draws and `update` moves over.
//! Rows are built from `State` alone, so the view and `update` agree on
//! what each row is and what choosing it does.

use super::state::{CorpusView, Mode, State};
use crate::analysis::entities::{self, Kind};
use crate::analysis::timeline::What;
use crate::model::ByteSpan;
use crate::sanitize::line as clean;

/// What choosing a row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Set the list filter.
    Filter(String),
    /// Read this article, at this span when there is one.
    Article(usize, Option<ByteSpan>),
    /// A heading: nothing.
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub heading: bool,
    /// Left-hand column (count, figure, date), padded by the view.
    pub lead: String,
    pub text: String,
    /// Dimmed after the text: site, date, reposts.
    pub meta: String,
    /// Shown below the list when the row is chosen: the claim's sentence.
    pub detail: String,
    pub target: Target,
}

fn heading(text: String) -> Row {
    Row {
        heading: true,
        lead: String::new(),
        text,
        meta: String::new(),
        detail: String::new(),
        target: Target::Nothing,
    }
}

/// "Euphrates Monitor, 2018-11-17" or the file when there is no site.
fn provenance(state: &State, i: usize) -> String {
    let a = &state.articles[i];
    let site = a
        .source_site
        .as_deref()
        .map(clean)
        .unwrap_or_else(|| clean(a.path.rsplit('/').next().unwrap_or(&a.path)));
    match a.date.as_deref().and_then(crate::analysis::dates::day) {
        Some(d) => format!("{site}, {d}"),
        None => site,
    }
}

fn title(state: &State, i: usize) -> String {
    let t = &state.articles[i].title;
    if t.is_empty() {
        "(untitled)".into()
    } else {
        clean(t)
    }
}

fn copies(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " · +1 repost".into(),
        n => format!(" · +{n} reposts"),
    }
}

pub fn rows(state: &State, view: CorpusView) -> Vec<Row> {
    let an = &state.analysis;
    match view {
        CorpusView::Entities => {
            let mut list = an.entities.clone();
            entities::sort(&mut list, state.entity_order);
            list.into_iter()
                .map(|e| Row {
                    heading: false,
                    lead: format!("{:>3} {:>4}", e.articles, e.mentions),
                    text: format!(
                        "{} {}",
                        match e.kind {
                            Kind::Force => "force",
                            Kind::Place => "place",
                        },
                        clean(&e.name)
                    ),
                    meta: if e.added > 0 {
                        " · added by you".into()
                    } else {
                        String::new()
                    },
                    detail: String::new(),
                    target: Target::Filter(e.filter()),
                })
                .collect()
        }
        CorpusView::Conflicts => {
            let mut out = Vec::new();
            for c in &an.conflicts {
                let about: Vec<String> = c.subjects.iter().map(|s| clean(&s.name)).collect();
                out.push(heading(format!("{}: {}", about.join(", "), c.kind)));
                for f in &c.figures {
                    let claim = &state.summaries[f.article].claims[f.claim];
                    out.push(Row {
                        heading: false,
                        lead: f.value(),
                        text: format!(
                            "{} · {}",
                            clean(f.source.as_deref().unwrap_or("(unattributed)")),
                            provenance(state, f.article),
                        ),
                        meta: format!("{} · {}", copies(f.also.len()), title(state, f.article)),
                        detail: clean(claim.text(&state.articles[f.article].text)),
                        target: Target::Article(
                            f.article,
                            Some(ByteSpan::new(claim.quantity_start, claim.quantity_end)),
                        ),
                    });
                }
            }
            out
        }
        CorpusView::Timeline => {
            let mut out = Vec::new();
            let t = &an.timeline;
            for (n, e) in t.rows().enumerate() {
                if n == t.dated.len() {
                    out.push(heading("Undated".into()));
                }
                let lead = e.date.map(|d| d.to_string()).unwrap_or_default();
                out.push(match e.what {
                    What::Article => Row {
                        heading: false,
                        lead,
                        text: format!("■ {}", title(state, e.article)),
                        meta: format!(" · {}{}", provenance(state, e.article), copies(e.copies)),
                        detail: String::new(),
                        target: Target::Article(e.article, None),
                    },
                    What::Claim(ci) => {
                        let c = &state.summaries[e.article].claims[ci];
                        let text = &state.articles[e.article].text;
                        Row {
                            heading: false,
                            lead,
                            text: format!(
                                "  {} · {}",
                                clean(c.quantity(text)),
                                clean(c.source().unwrap_or("(unattributed)"))
                            ),
                            meta: format!(
                                " · \"{}\" · {}",
                                clean(c.date.as_deref().unwrap_or("")),
                                title(state, e.article)
                            ),
                            detail: clean(c.text(text)),
                            target: Target::Article(
                                e.article,
                                Some(ByteSpan::new(c.quantity_start, c.quantity_end)),
                            ),
                        }
                    }
                });
            }
            out
        }
        CorpusView::Duplicates => {
            let mut out = Vec::new();
            for g in &an.stories.groups {
                out.push(heading(format!(
                    "One story, {} articles: {}",
                    g.len(),
                    title(state, g[0])
                )));
                for &i in g {
                    out.push(Row {
                        heading: false,
                        lead: String::new(),
                        text: title(state, i),
                        // The file too, unless the site line already named it.
                        meta: match state.articles[i].source_site {
                            Some(_) => format!(
                                " · {} · {}",
                                provenance(state, i),
                                clean(&state.articles[i].path)
                            ),
                            None => format!(" · {}", provenance(state, i)),
                        },
                        detail: String::new(),
                        target: Target::Article(i, None),
                    });
                }
            }
            out
        }
    }
}

/// Opens a view; the selection starts on the first row that can be
/// chosen, or, for the timeline and the duplicates, on the open article.
pub fn open(state: &mut State, view: CorpusView) {
    state.mode = Mode::Corpus(view);
    let rows = rows(state, view);
    let here = state.selected();
    let on_article = here
        .filter(|_| matches!(view, CorpusView::Timeline | CorpusView::Duplicates))
        .and_then(|i| {
            rows.iter()
                .position(|r| r.target == Target::Article(i, None))
        });
    state.corpus_sel = on_article
        .or_else(|| rows.iter().position(|r| !r.heading))
        .unwrap_or(0);
}

/// The row count of the open view (for moving).
pub fn len(state: &State) -> usize {
    match state.mode {
        Mode::Corpus(v) => rows(state, v).len(),
        _ => 0,
    }
}

/// Entities: by count, or by name.
pub fn toggle_order(state: &mut State) {
    state.entity_order = match state.entity_order {
        entities::Order::Count => entities::Order::Name,
        entities::Order::Name => entities::Order::Count,
    };
    state.corpus_sel = 0;
}

/// What the chosen row does, for `update` to carry out.
pub fn chosen(state: &State) -> Target {
    let Mode::Corpus(v) = state.mode else {
        return Target::Nothing;
    };
    // A heading stands for the first row under it.
    rows(state, v)
        .iter()
        .skip(state.corpus_sel)
        .find(|r| !r.heading)
        .map_or(Target::Nothing, |r| r.target.clone())
}
