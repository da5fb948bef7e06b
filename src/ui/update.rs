//! `update`: the only place the reader's state changes. It does no I/O;
//! what needs the outside world comes back as an `Effect`.

use super::action::Action;
use super::keymap::{chord_of, Keymap};
use super::state::{CorpusView, Editor, Item, Mode, NoteTarget, Pane, Prompt, State};
use crate::index::{Candidates, Field};
use crate::model::{ByteSpan, Grade};
use crate::query::{Narrowed, Query, Test};
use crate::store::{self, Anchor, Correction, CorrectionKind, Op};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeSet;

/// A message to `update`: a bound action, typing at a prompt, or the
/// next articles of a corpus loading in the background.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Act(Action),
    Type(char),
    Backspace,
    Submit,
    Cancel,
    /// Tab at a tag prompt.
    Complete,
    /// A key for the note editor.
    EditorKey(KeyEvent),
    SaveNote,
    DiscardNote,
    /// More articles are in (in corpus order, after those already in).
    Loaded(crate::ingest::Batch),
    /// The corpus is all in: how many files were read in all, how many
    /// of those were left out, and the index of every article.
    LoadDone {
        files: usize,
        skipped: usize,
        index: Box<crate::index::Index>,
        /// Each article's duplicate signature, when the loader worked them
        /// out (else they are worked out here).
        signatures: Option<Vec<Option<crate::analysis::duplicates::Signature>>>,
    },
}

/// What the app loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    SetTheme(String),
    Redraw,
    /// Export the tagged and annotated articles of the list as it is
    /// filtered now.
    Export {
        format: String,
        path: std::path::PathBuf,
        force: bool,
    },
    /// Write these changes to the store; on success remember `undo` and
    /// say `done`.
    Store {
        ops: Vec<Op>,
        undo: Option<Vec<Op>>,
        done: String,
    },
}

/// The message a key means in the current mode.
pub fn key_to_msg(state: &State, keymap: &Keymap, key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if state.mode == Mode::Editor {
        return Some(match key.code {
            KeyCode::Esc => Msg::SaveNote,
            KeyCode::Char('s') if ctrl => Msg::SaveNote,
            KeyCode::Char('q') if ctrl => Msg::DiscardNote,
            _ => Msg::EditorKey(key),
        });
    }
    if let Mode::Input(p) = state.mode {
        return match key.code {
            KeyCode::Tab if matches!(p, Prompt::Tag | Prompt::SpanTag) => Some(Msg::Complete),
            KeyCode::Enter => Some(Msg::Submit),
            KeyCode::Esc => Some(Msg::Cancel),
            KeyCode::Backspace => Some(Msg::Backspace),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Msg::Cancel)
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Msg::Type(c))
            }
            _ => None,
        };
    }
    keymap.lookup(mode_name(state), chord_of(key)).map(Msg::Act)
}

/// The keymap table that applies now.
pub fn mode_name(state: &State) -> &'static str {
    match (state.mode, state.focus) {
        (Mode::Help, _) => "help",
        (Mode::Visual, _) => "visual",
        (Mode::Annotations, _) => "annotations",
        (Mode::Corpus(_), _) => "corpus",
        (_, Pane::List) => "list",
        (_, Pane::Reader) => "reader",
        (_, Pane::Summary) => "summary",
    }
}

pub fn update(state: &mut State, msg: Msg) -> Option<Effect> {
    // Loading goes on while the analyst works: it keeps their message.
    match msg {
        Msg::Loaded(batch) => {
            take_batch(state, batch);
            return None;
        }
        Msg::LoadDone {
            files,
            skipped,
            index,
            signatures,
        } => {
            state.loading = None;
            if index.len() == state.articles.len() {
                state.index = *index;
            }
            // Duplicates, entities, conflicts and the timeline read the
            // whole corpus: worked out once it is all in.
            let stories = match signatures {
                Some(s) if s.len() == state.articles.len() => {
                    crate::analysis::duplicates::group_signatures(&s)
                }
                _ => crate::analysis::duplicates::group(&state.articles),
            };
            state.analysis = crate::analysis::analyse_with(
                &state.articles,
                &state.summaries,
                &state.corrections,
                stories,
            );
            if skipped > 0 {
                state.status = Some(format!(
                    "{} files read, {skipped} left out (listed on stderr at exit)",
                    crate::cli::thousands(files)
                ));
            }
            return None;
        }
        _ => {}
    }
    state.status = None;
    match msg {
        Msg::Loaded(_) | Msg::LoadDone { .. } => None,
        Msg::Act(a) => act(state, a),
        Msg::Type(c) => {
            state.input.push(c);
            live_filter(state);
            None
        }
        Msg::Backspace => {
            state.input.pop();
            live_filter(state);
            None
        }
        Msg::Cancel => {
            if state.mode == Mode::Input(Prompt::Filter) {
                let keep = state.filter.clone();
                apply_filter(state, &keep);
            }
            state.mode = Mode::Normal;
            state.input.clear();
            None
        }
        Msg::Submit => submit(state),
        Msg::Complete => {
            complete(state);
            None
        }
        Msg::EditorKey(k) => {
            if let Some(ed) = state.editor.as_mut() {
                ed.area.input(k);
            }
            None
        }
        Msg::SaveNote => save_note(state),
        Msg::DiscardNote => {
            state.editor = None;
            state.mode = Mode::Normal;
            state.status = Some("note discarded".into());
            None
        }
    }
}

/// Tab at a tag prompt: the one matching tag, or the longest common
/// prefix of several (listed in the status line).
fn complete(state: &mut State) {
    let cands: Vec<String> = state
        .all_tags()
        .into_iter()
        .filter(|t| t.starts_with(&state.input))
        .collect();
    match cands.as_slice() {
        [] => state.status = Some("no tag starts so".into()),
        [one] => state.input = one.clone(),
        many => {
            let mut prefix = many[0].clone();
            for c in many {
                while !c.starts_with(&prefix) {
                    prefix.pop();
                }
            }
            state.input = prefix;
            state.status = Some(many.join("  "));
        }
    }
}

fn save_note(state: &mut State) -> Option<Effect> {
    let ed = state.editor.take()?;
    state.mode = Mode::Normal;
    let text = ed.area.lines().join("\n");
    match ed.target {
        NoteTarget::New(span) => {
            if text.trim().is_empty() {
                state.status = Some("empty note not saved".into());
                return None;
            }
            let (a, _) = state.article()?;
            let n = store::annotation(a, span, &text, BTreeSet::new());
            let undo = vec![Op::Delete { id: n.id.clone() }];
            state.selection = None;
            Some(Effect::Store {
                ops: vec![Op::Annotate(n)],
                undo: Some(undo),
                done: "note saved".into(),
            })
        }
        NoteTarget::Existing(id) => {
            if text == ed.original {
                return None;
            }
            let now = store::now();
            let undo = vec![Op::Edit {
                id: id.clone(),
                note: Some(ed.original),
                tags: None,
                modified: now.clone(),
            }];
            Some(Effect::Store {
                ops: vec![Op::Edit {
                    id,
                    note: Some(text),
                    tags: None,
                    modified: now,
                }],
                undo: Some(undo),
                done: "note saved".into(),
            })
        }
    }
}

fn open_editor(state: &mut State, target: NoteTarget, initial: &str, quote: String) {
    let lines: Vec<String> = if initial.is_empty() {
        vec![String::new()]
    } else {
        initial.lines().map(str::to_string).collect()
    };
    let mut area = tui_textarea::TextArea::new(lines);
    area.move_cursor(tui_textarea::CursorMove::Bottom);
    area.move_cursor(tui_textarea::CursorMove::End);
    state.editor = Some(Editor {
        area,
        target,
        original: initial.to_string(),
        quote,
    });
    state.mode = Mode::Editor;
}

fn live_filter(state: &mut State) {
    if state.mode == Mode::Input(Prompt::Filter) {
        let q = state.input.clone();
        apply_filter(state, &q);
    }
}

fn submit(state: &mut State) -> Option<Effect> {
    let Mode::Input(prompt) = state.mode else {
        return None;
    };
    let input = std::mem::take(&mut state.input);
    state.mode = Mode::Normal;
    match prompt {
        Prompt::Search => {
            set_search(state, &input);
            None
        }
        Prompt::Filter => {
            // A query that does not parse keeps the prompt open on it.
            if let Err(e) = Query::new(&input, &state.query_context) {
                state.mode = Mode::Input(Prompt::Filter);
                state.input = input;
                state.status = Some(e.to_string());
                return None;
            }
            apply_filter(state, &input);
            state.filter = input;
            None
        }
        Prompt::Command => command(state, input.trim()),
        Prompt::Tag => {
            let tag = match store::valid_tag(&input) {
                Ok(t) => t,
                Err(e) => {
                    state.status = Some(e);
                    return None;
                }
            };
            let (a, _) = state.article()?;
            let (id, path, title) = (a.id.clone(), a.path.clone(), a.title.clone());
            let tag_op = Op::Tag {
                article: id.clone(),
                path,
                title,
                tag: tag.clone(),
            };
            let untag_op = Op::Untag {
                article: id.clone(),
                tag: tag.clone(),
            };
            Some(if state.article_tags(&id).contains(&tag) {
                Effect::Store {
                    ops: vec![untag_op],
                    undo: Some(vec![tag_op]),
                    done: format!("removed tag {tag}"),
                }
            } else {
                Effect::Store {
                    ops: vec![tag_op],
                    undo: Some(vec![untag_op]),
                    done: format!("tagged {tag}"),
                }
            })
        }
        Prompt::Grade => grade_claim(state, &input),
        Prompt::SpanTag => {
            let tag = match store::valid_tag(&input) {
                Ok(t) => t,
                Err(e) => {
                    state.status = Some(e);
                    return None;
                }
            };
            let span = state.selection_span()?;
            let (a, _) = state.article()?;
            let n = store::annotation(a, Some(span), "", [tag.clone()].into());
            let undo = vec![Op::Delete { id: n.id.clone() }];
            state.selection = None;
            Some(Effect::Store {
                ops: vec![Op::Annotate(n)],
                undo: Some(undo),
                done: format!("highlight tagged {tag}"),
            })
        }
    }
}

fn command(state: &mut State, cmd: &str) -> Option<Effect> {
    let (name, arg) = cmd
        .split_once(' ')
        .map_or((cmd, ""), |(n, a)| (n, a.trim()));
    match name {
        "q" | "quit" => Some(Effect::Quit),
        "help" => {
            state.mode = Mode::Help;
            None
        }
        "map" => {
            state.show_map = !state.show_map;
            None
        }
        "theme" if !arg.is_empty() => Some(Effect::SetTheme(arg.to_string())),
        "export" => {
            let words: Vec<&str> = arg.split_whitespace().collect();
            match words.as_slice() {
                [format, path] | [format, path, "force"] => Some(Effect::Export {
                    format: format.to_string(),
                    path: std::path::PathBuf::from(path),
                    force: words.len() == 3,
                }),
                _ => {
                    state.status =
                        Some("usage: :export markdown|json|csv|geojson|w3c FILE [force]".into());
                    None
                }
            }
        }
        "filter" => {
            apply_filter(state, arg);
            if Query::new(arg, &state.query_context).is_ok() {
                state.filter = arg.to_string();
            }
            None
        }
        "" => None,
        _ => {
            state.status = Some(format!(
                "unknown command: {name} (try :q, :theme NAME, :filter Q, :export FORMAT FILE, :map, :help)"
            ));
            None
        }
    }
}

fn act(state: &mut State, a: Action) -> Option<Effect> {
    match a {
        Action::Quit => {
            state.quit = true;
            return Some(Effect::Quit);
        }
        Action::Help => {
            state.mode = if state.mode == Mode::Help {
                Mode::Normal
            } else {
                Mode::Help
            };
            state.help_scroll = 0;
        }
        Action::Close => {
            state.mode = Mode::Normal;
            state.selection = None;
        }
        Action::FocusNext => {
            state.focus = match state.focus {
                Pane::List => Pane::Reader,
                Pane::Reader => Pane::Summary,
                Pane::Summary => Pane::List,
            }
        }
        Action::FocusPrev => {
            state.focus = match state.focus {
                Pane::List => Pane::Summary,
                Pane::Reader => Pane::List,
                Pane::Summary => Pane::Reader,
            }
        }
        Action::FocusList => state.focus = Pane::List,
        Action::FocusReader => state.focus = Pane::Reader,
        Action::FocusSummary => state.focus = Pane::Summary,
        Action::Command => prompt(state, Prompt::Command, ""),
        Action::Filter => {
            let f = state.filter.clone();
            prompt(state, Prompt::Filter, &f);
        }
        Action::Search => prompt(state, Prompt::Search, ""),
        Action::ToggleMap => state.show_map = !state.show_map,
        Action::Redraw => return Some(Effect::Redraw),
        Action::Clear => {
            state.search = None;
            state.search_hits.clear();
            state.current = None;
            if !state.filter.is_empty() {
                state.filter.clear();
                apply_filter(state, "");
            }
        }
        Action::Down
        | Action::Up
        | Action::PageDown
        | Action::PageUp
        | Action::Top
        | Action::Bottom => movement(state, a),
        Action::Open => {
            state.focus = Pane::Reader;
        }
        Action::Jump if state.mode == Mode::Annotations => {
            let notes = state.article_notes();
            match notes.get(state.ann_sel).map(|(n, a)| (n.quote.clone(), *a)) {
                Some((_, Anchor::Attached(span))) => {
                    state.mode = Mode::Normal;
                    state.focus = Pane::Reader;
                    reveal(state, span);
                }
                Some((q, Anchor::Orphaned)) => {
                    state.status = Some(format!(
                        "orphaned: the text no longer has \"{}\" there",
                        crate::sanitize::line(&q)
                    ));
                }
                Some((_, Anchor::Whole)) => {
                    state.status = Some("a note on the whole article".into())
                }
                None => {}
            }
        }
        Action::Jump if matches!(state.mode, Mode::Corpus(_)) => choose(state),
        Action::Jump => jump_to_item(state, 0),
        Action::NextHit => cycle(state, true),
        Action::PrevHit => cycle(state, false),
        Action::NextArticle => select_article(state, state.list_sel.saturating_add(1)),
        Action::PrevArticle => select_article(state, state.list_sel.saturating_sub(1)),
        Action::Tag => prompt(state, Prompt::Tag, ""),
        Action::Visual => start_visual(state),
        Action::WordForward | Action::WordBack | Action::SentenceForward | Action::SentenceBack => {
            extend(state, a)
        }
        Action::Note => note(state),
        Action::TagSpan => {
            if state.selection_span().is_some() {
                prompt(state, Prompt::SpanTag, "");
            }
        }
        Action::AddForce => return add_missed(state, CorrectionKind::Force),
        Action::AddLocation => return add_missed(state, CorrectionKind::Location),
        Action::AddClaim => return add_missed(state, CorrectionKind::Claim),
        Action::MarkWrong => return mark_wrong(state),
        Action::Grade => match state.items().get(state.summary_sel) {
            Some(&Item::Claim(i)) if state.focus == Pane::Summary => {
                let span = claim_span(state, i)?;
                let now = state.grade_of(span).map(|g| g.grade.to_string());
                prompt(state, Prompt::Grade, &now.unwrap_or_default());
            }
            _ => state.status = Some("choose a claim in the summary to grade its source".into()),
        },
        Action::Annotations => {
            state.mode = if state.mode == Mode::Annotations {
                Mode::Normal
            } else {
                Mode::Annotations
            };
            state.ann_sel = 0;
        }
        Action::Edit => {
            let notes = state.article_notes();
            if let Some((n, _)) = notes.get(state.ann_sel) {
                let (id, note, quote) = (n.id.clone(), n.note.clone(), n.quote.clone());
                open_editor(state, NoteTarget::Existing(id), &note, quote);
            }
        }
        Action::Delete => {
            let notes = state.article_notes();
            if let Some((n, _)) = notes.get(state.ann_sel) {
                let n = (*n).clone();
                state.ann_sel = state.ann_sel.saturating_sub(1);
                return Some(Effect::Store {
                    ops: vec![Op::Delete { id: n.id.clone() }],
                    undo: Some(vec![Op::Annotate(n)]),
                    done: "note deleted (u undoes)".into(),
                });
            }
        }
        Action::Undo => match state.undo.pop() {
            Some(ops) => {
                return Some(Effect::Store {
                    ops,
                    undo: None,
                    done: "undone".into(),
                })
            }
            None => state.status = Some("nothing to undo".into()),
        },
        Action::Entities => super::corpus::open(state, CorpusView::Entities),
        Action::Conflicts => super::corpus::open(state, CorpusView::Conflicts),
        Action::Timeline => super::corpus::open(state, CorpusView::Timeline),
        Action::Duplicates => super::corpus::open(state, CorpusView::Duplicates),
        Action::Sort => {
            if state.mode == Mode::Corpus(CorpusView::Entities) {
                super::corpus::toggle_order(state);
            }
        }
        Action::None => {}
    }
    None
}

/// Enter in a corpus view: an entity filters the list; a figure, a
/// timeline entry or a story opens its article (clearing a filter that
/// hides it), at the claim when there is one.
fn choose(state: &mut State) {
    use super::corpus::Target;
    match super::corpus::chosen(state) {
        Target::Filter(q) => {
            apply_filter(state, &q);
            state.status = Some(format!("{} article(s) match {q}", state.visible.len()));
            state.filter = q;
            state.mode = Mode::Normal;
            state.focus = Pane::List;
        }
        Target::Article(i, span) => {
            if !state.visible.contains(&i) {
                state.filter.clear();
                apply_filter(state, "");
                state.status = Some("filter cleared to show the article".into());
            }
            let Some(pos) = state.visible.iter().position(|&v| v == i) else {
                return;
            };
            select_article(state, pos);
            state.mode = Mode::Normal;
            state.focus = Pane::Reader;
            if let Some(span) = span {
                reveal(state, span);
            }
        }
        Target::Nothing => {}
    }
}

fn start_visual(state: &mut State) {
    let lines = state.lines();
    let Some(&(a, b)) = lines.get(state.cursor) else {
        return;
    };
    let Some((art, _)) = state.article() else {
        return;
    };
    let first = art.text[a..b]
        .find(|c: char| !c.is_whitespace())
        .map_or(a, |p| a + p);
    state.selection = Some((first, first));
    state.mode = Mode::Visual;
    state.status =
        Some("select: w b ( ) j k extend · a note · t tag · F L C add missed · esc cancel".into());
}

/// Moves the selection's moving end by a word, a sentence or a line.
fn extend(state: &mut State, a: Action) {
    let Some((anchor, head)) = state.selection else {
        return;
    };
    let Some((art, _)) = state.article() else {
        return;
    };
    let t = art.text.as_str();
    let is_word = |c: char| c.is_alphanumeric();
    let new = match a {
        Action::WordForward => {
            let rest = &t[head..];
            let after_word = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            rest[after_word..]
                .find(is_word)
                .map_or(t.len(), |p| head + after_word + p)
        }
        Action::WordBack => {
            let before = &t[..head];
            let end = before.rfind(is_word).map_or(0, |p| p);
            t[..end]
                .rfind(|c: char| !is_word(c))
                .map_or(0, |p| p + t[p..].chars().next().map_or(1, char::len_utf8))
        }
        Action::SentenceForward => t[head..]
            .find(['.', '!', '?', '\n'])
            .map_or(t.len(), |p| head + p + 1)
            .min(t.len()),
        Action::SentenceBack => {
            let before = t[..head].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
            before
                .rfind(['.', '!', '?', '\n'])
                .map_or(0, |p| p + 1 + (before.len() - before.trim_start().len()))
        }
        Action::Down | Action::Up => {
            let lines = state.lines();
            let cur = lines.iter().rposition(|&(s, _)| s <= head).unwrap_or(0);
            let col = head - lines[cur].0;
            let target = if a == Action::Down {
                (cur + 1).min(lines.len() - 1)
            } else {
                cur.saturating_sub(1)
            };
            let (s, e) = lines[target];
            let mut at = (s + col).min(e);
            while !t.is_char_boundary(at) {
                at -= 1;
            }
            at
        }
        _ => head,
    };
    let new = new.min(t.len());
    let new = if t.is_char_boundary(new) { new } else { head };
    state.selection = Some((anchor, new));
    let lines = state.lines();
    state.cursor = lines.iter().rposition(|&(s, _)| s <= new).unwrap_or(0);
    scroll_to_cursor(state);
}

fn note(state: &mut State) {
    if state.mode == Mode::Visual {
        if let Some(span) = state.selection_span() {
            let quote = state
                .article()
                .map(|(a, _)| span.slice(&a.text).to_string())
                .unwrap_or_default();
            open_editor(state, NoteTarget::New(Some(span)), "", quote);
        }
    } else if state.article().is_some() {
        open_editor(state, NoteTarget::New(None), "", "the whole article".into());
    }
}

fn add_missed(state: &mut State, kind: CorrectionKind) -> Option<Effect> {
    let span = state.selection_span()?;
    let (a, _) = state.article()?;
    let c = Correction {
        id: store::new_id(),
        article: a.id.clone(),
        kind,
        wrong: false,
        name: crate::sanitize::line(span.slice(&a.text)),
        span: Some(span),
        note: String::new(),
        created: store::now(),
        author: store::author(),
    };
    state.selection = None;
    state.mode = Mode::Normal;
    let undo = vec![Op::Uncorrect { id: c.id.clone() }];
    Some(Effect::Store {
        ops: vec![Op::Correct(c)],
        undo: Some(undo),
        done: "added to the summary".into(),
    })
}

/// The name a correction gives a summary item.
pub fn item_name(state: &State, item: Item) -> Option<(CorrectionKind, String)> {
    let (a, s) = state.article()?;
    Some(match item {
        Item::Force(i) => (CorrectionKind::Force, s.forces[i].name.to_string()),
        Item::Location(i) => (CorrectionKind::Location, s.locations[i].name.to_string()),
        Item::Claim(i) => (
            CorrectionKind::Claim,
            s.claims[i].quantity(&a.text).to_string(),
        ),
    })
}

fn mark_wrong(state: &mut State) -> Option<Effect> {
    let item = *state.items().get(state.summary_sel)?;
    let (kind, name) = item_name(state, item)?;
    let (a, _) = state.article()?;
    let existing = state
        .corrections
        .iter()
        .find(|c| c.article == a.id && c.wrong && c.kind == kind && c.name == name);
    Some(match existing {
        Some(c) => Effect::Store {
            ops: vec![Op::Uncorrect { id: c.id.clone() }],
            undo: Some(vec![Op::Correct(c.clone())]),
            done: format!("{name}: no longer marked wrong"),
        },
        None => {
            let c = Correction {
                id: store::new_id(),
                article: a.id.clone(),
                kind,
                wrong: true,
                name: name.clone(),
                span: None,
                note: String::new(),
                created: store::now(),
                author: store::author(),
            };
            let undo = vec![Op::Uncorrect { id: c.id.clone() }];
            Effect::Store {
                ops: vec![Op::Correct(c)],
                undo: Some(undo),
                done: format!("{name}: marked wrong"),
            }
        }
    })
}

/// Where the open article's claim `i` has its quantity.
fn claim_span(state: &State, i: usize) -> Option<ByteSpan> {
    let (_, s) = state.article()?;
    let c = s.claims.get(i)?;
    Some(ByteSpan::new(c.quantity_start, c.quantity_end))
}

/// The grade prompt's answer: a grade for the chosen claim's source, or
/// nothing (also `none`, `-`) to take its grade away.
fn grade_claim(state: &mut State, input: &str) -> Option<Effect> {
    let Some(&Item::Claim(i)) = state.items().get(state.summary_sel) else {
        return None;
    };
    let t = input.trim();
    let grade: Option<Grade> = if t.is_empty() || t == "none" || t == "-" {
        None
    } else {
        match t.parse() {
            Ok(g) => Some(g),
            Err(e) => {
                state.status = Some(e);
                return None;
            }
        }
    };
    let span = claim_span(state, i)?;
    let before = state.grade_of(span).cloned();
    let (a, s) = state.article()?;
    let claim = &s.claims[i];
    let shown = crate::sanitize::line(claim.quantity(&a.text));
    let id = a.id.clone();
    let back = match &before {
        Some(g) => Op::Grade(g.clone()),
        None => Op::Ungrade {
            article: id.clone(),
            span,
        },
    };
    match grade {
        Some(g) => Some(Effect::Store {
            ops: vec![Op::Grade(store::source_grade(&id, &a.text, claim, g))],
            undo: Some(vec![back]),
            done: format!("{shown}: source graded {g}"),
        }),
        None if before.is_some() => Some(Effect::Store {
            ops: vec![Op::Ungrade { article: id, span }],
            undo: Some(vec![back]),
            done: format!("{shown}: grade removed"),
        }),
        None => None,
    }
}

fn prompt(state: &mut State, p: Prompt, initial: &str) {
    state.mode = Mode::Input(p);
    state.input = initial.to_string();
}

fn movement(state: &mut State, a: Action) {
    if state.mode == Mode::Visual {
        extend(state, a);
        return;
    }
    if state.mode == Mode::Annotations {
        let n = state.article_notes().len();
        state.ann_sel = step(state.ann_sel, n.saturating_sub(1), a, 5);
        return;
    }
    if state.mode == Mode::Help {
        state.help_scroll = step(state.help_scroll, usize::MAX / 2, a, 10);
        return;
    }
    if matches!(state.mode, Mode::Corpus(_)) {
        let n = super::corpus::len(state);
        let page = state
            .viewport
            .list_height
            .max(state.viewport.text_height)
            .max(5);
        state.corpus_sel = step(state.corpus_sel, n.saturating_sub(1), a, page);
        return;
    }
    match state.focus {
        Pane::List => {
            let n = state.visible.len();
            let to = step(
                state.list_sel,
                n.saturating_sub(1),
                a,
                state.viewport.list_height.max(1),
            );
            select_article(state, to);
        }
        Pane::Reader => {
            let n = state.lines().len();
            let page = state.viewport.text_height.max(1);
            state.cursor = step(state.cursor, n.saturating_sub(1), a, page);
            scroll_to_cursor(state);
        }
        Pane::Summary => {
            let n = state.items().len();
            state.summary_sel = step(
                state.summary_sel,
                n.saturating_sub(1),
                a,
                state.viewport.summary_height.max(1),
            );
        }
    }
}

fn step(at: usize, max: usize, a: Action, page: usize) -> usize {
    match a {
        Action::Down => (at + 1).min(max),
        Action::Up => at.saturating_sub(1),
        Action::PageDown => (at + page).min(max),
        Action::PageUp => at.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => at,
    }
}

/// Shows another article: the reader starts at its top.
fn select_article(state: &mut State, pos: usize) {
    let pos = pos.min(state.visible.len().saturating_sub(1));
    if pos != state.list_sel {
        state.list_sel = pos;
        state.cursor = 0;
        state.scroll = 0;
        state.summary_sel = 0;
        state.current = None;
        let q = state.search.clone();
        match q {
            Some(q) => recompute_hits(state, &q),
            None => state.search_hits.clear(),
        }
    }
}

fn scroll_to_cursor(state: &mut State) {
    let h = state.viewport.text_height.max(1);
    if state.cursor < state.scroll {
        state.scroll = state.cursor;
    } else if state.cursor >= state.scroll + h {
        state.scroll = state.cursor + 1 - h;
    }
}

/// Moves the reader to the visual line holding byte `at`, a few lines
/// below the top.
fn reveal(state: &mut State, span: ByteSpan) {
    let lines = state.lines();
    let line = lines
        .iter()
        .rposition(|&(a, _)| a <= span.start)
        .unwrap_or(0);
    state.cursor = line;
    state.scroll = line.saturating_sub(3);
    state.current = Some(span);
}

fn jump_to_item(state: &mut State, nth: usize) {
    let items = state.items();
    let Some(&item) = items.get(state.summary_sel) else {
        return;
    };
    let spans = state.item_spans(item);
    if let Some(&s) = spans.get(nth.min(spans.len().saturating_sub(1))) {
        reveal(state, s);
        state.status = Some(format!(
            "mention {} of {}",
            nth.min(spans.len() - 1) + 1,
            spans.len()
        ));
    }
}

/// `n`/`N`: the next search hit when searching from the reader, else the
/// next mention of the chosen summary item.
fn cycle(state: &mut State, forward: bool) {
    let spans: Vec<ByteSpan> = if state.focus == Pane::Reader && !state.search_hits.is_empty() {
        state.search_hits.clone()
    } else {
        match state.items().get(state.summary_sel) {
            Some(&item) => state.item_spans(item),
            None => Vec::new(),
        }
    };
    if spans.is_empty() {
        state.status = Some("nothing to cycle through".into());
        return;
    }
    let here = state.current.map(|c| c.start);
    let next = match (here, forward) {
        (Some(h), true) => spans.iter().position(|s| s.start > h).unwrap_or(0),
        (Some(h), false) => spans
            .iter()
            .rposition(|s| s.start < h)
            .unwrap_or(spans.len() - 1),
        (None, true) => 0,
        (None, false) => spans.len() - 1,
    };
    reveal(state, spans[next]);
    state.status = Some(format!("{} of {}", next + 1, spans.len()));
}

fn set_search(state: &mut State, q: &str) {
    if q.is_empty() {
        state.search = None;
        state.search_hits.clear();
        return;
    }
    state.search = Some(q.to_string());
    recompute_hits(state, q);
    let from = state.lines().get(state.cursor).map_or(0, |l| l.0);
    match state
        .search_hits
        .iter()
        .find(|s| s.start >= from)
        .or(state.search_hits.first())
    {
        Some(&s) => {
            reveal(state, s);
            state.status = Some(format!("{} matches", state.search_hits.len()));
        }
        None => state.status = Some(format!("not found: {q}")),
    }
}

/// Case-insensitive occurrences of `q` in the open article.
fn recompute_hits(state: &mut State, q: &str) {
    state.search_hits = match state.article() {
        Some((a, _)) => find_all(&a.text, q),
        None => Vec::new(),
    };
}

fn find_all(text: &str, q: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    if q.is_empty() {
        return out;
    }
    let lower = text.to_lowercase();
    // Lowercasing outside ASCII can change byte lengths; then only exact
    // matches are offered, since offsets must point into the real text.
    let (hay, needle) = if lower.len() == text.len() {
        (lower, q.to_lowercase())
    } else {
        (text.to_string(), q.to_string())
    };
    let mut from = 0;
    while let Some(p) = hay[from..].find(&needle) {
        let s = from + p;
        out.push(ByteSpan::new(s, s + needle.len()));
        from = s + needle.len();
    }
    out
}

/// Appends a loaded batch; the new articles join the list when they pass
/// the filter in force (the one being typed, while the prompt is open; a
/// query that does not parse keeps them all).
fn take_batch(state: &mut State, batch: crate::ingest::Batch) {
    let from = state.articles.len();
    // A file is usually one article: room for the whole corpus at once,
    // rather than doubling (and leaving up to half the list unused).
    let files_left = batch.total.saturating_sub(batch.done);
    state.articles.reserve(batch.articles.len() + files_left);
    state.summaries.reserve(batch.summaries.len() + files_left);
    state.articles.extend(batch.articles);
    state.summaries.extend(batch.summaries);
    state.skipped.extend(batch.skipped);
    state.loading = Some((batch.done, batch.total));
    let query = match state.mode {
        Mode::Input(Prompt::Filter) => state.input.clone(),
        _ => state.filter.clone(),
    };
    let q = Query::new(&query, &state.query_context).unwrap_or_default();
    let new: Vec<usize> = if q.is_empty() {
        (from..state.articles.len()).collect()
    } else {
        let view = store_view(state);
        let all = crate::export::Entries::new(&state.articles, &state.summaries, &view);
        (from..state.articles.len())
            .filter(|&i| q.matches(&all.get(i)))
            .collect()
    };
    state.visible.extend(new);
}

/// The articles `query` keeps, testing every one without the index: what
/// the filter must answer (tests and benchmarks hold it to this). `None`
/// when the query does not parse.
pub fn scan(state: &State, query: &str) -> Option<Vec<usize>> {
    let q = Query::new(query, &state.query_context).ok()?;
    let view = store_view(state);
    let all = crate::export::Entries::new(&state.articles, &state.summaries, &view);
    Some(
        (0..state.articles.len())
            .filter(|&i| q.matches(&all.get(i)))
            .collect(),
    )
}

/// The reader's copy of the store, as the export reads it.
fn store_view(state: &State) -> crate::export::StoreView<'_> {
    crate::export::StoreView {
        tags: &state.tags,
        annotations: &state.annotations,
        corrections: &state.corrections,
        grades: &state.grades,
    }
}

/// The articles the index says can match `q`: a superset, which the
/// query itself then checks; `None` when the index cannot narrow it
/// (while a corpus loads, the index comes only at the end). Free text,
/// `force:`, `loc:` and `site:` are looked up; a name matches by any form
/// it resolves to as well as by what was typed, so each of those is looked
/// up too. Forces and places the analyst added are not in the index: with
/// any such addition, that kind of atom reads every article.
pub fn prefilter(state: &State, q: &Query) -> Option<Narrowed> {
    if state.index.len() != state.articles.len() {
        return None;
    }
    let added = |kind: CorrectionKind| state.corrections.iter().any(|c| !c.wrong && c.kind == kind);
    // Only free text is answered exactly: a word of the title or body is
    // what `atoms::text` looks for. Names and sites are checked again.
    let ids = |c: Candidates| match c {
        Candidates::Exact(v) | Candidates::Superset(v) => Some(v),
        Candidates::All => None,
    };
    let text = |c: Candidates| {
        let exact = matches!(c, Candidates::Exact(_));
        ids(c).map(|ids| Narrowed { ids, exact })
    };
    let superset = |ids: Vec<u32>| Narrowed { ids, exact: false };
    let names = |field: Field, n: &crate::query::Names| -> Option<Narrowed> {
        let mut out = ids(state.index.candidates(field, &n.key))?;
        for form in &n.forms {
            out.extend(ids(state.index.candidates(field, form))?);
        }
        out.sort_unstable();
        out.dedup();
        Some(superset(out))
    };
    q.candidates(&|t: &Test| match t {
        Test::Text(lower) => text(state.index.candidates(Field::Text, lower)),
        Test::Force(n) if !added(CorrectionKind::Force) => names(Field::Force, n),
        Test::Place(n) if !added(CorrectionKind::Location) => names(Field::Location, n),
        Test::Site(key) => ids(state.index.candidates(Field::Site, key)).map(superset),
        _ => None,
    })
}

pub fn apply_filter(state: &mut State, query: &str) {
    let q = match Query::new(query, &state.query_context) {
        Ok(q) => q,
        Err(e) => {
            // At the filter prompt the message sits beside the query.
            state.status = Some(if state.mode == Mode::Input(Prompt::Filter) {
                e.to_string()
            } else {
                format!("filter: {e}")
            });
            return;
        }
    };
    let keep = state.selected();
    state.visible = if q.is_empty() {
        (0..state.articles.len()).collect()
    } else {
        let (ids, exact): (Vec<usize>, bool) = match prefilter(state, &q) {
            Some(n) => (n.ids.into_iter().map(|i| i as usize).collect(), n.exact),
            None => ((0..state.articles.len()).collect(), false),
        };
        if exact {
            ids
        } else {
            let view = store_view(state);
            let all = crate::export::Entries::new(&state.articles, &state.summaries, &view);
            // A superset can be most of the corpus (`al-`): on all cores,
            // into a list of known length (a parallel filter collects into
            // linked pieces and copies them together).
            use rayon::prelude::*;
            let keep: Vec<bool> = ids.par_iter().map(|&i| q.matches(&all.get(i))).collect();
            ids.into_iter()
                .zip(keep)
                .filter_map(|(i, k)| k.then_some(i))
                .collect()
        }
    };
    match keep.and_then(|k| state.visible.iter().position(|&i| i == k)) {
        Some(pos) => state.list_sel = pos,
        None => {
            state.list_sel = 0;
            state.cursor = 0;
            state.scroll = 0;
            state.summary_sel = 0;
            state.current = None;
        }
    }
}

/// The summary items with a mention on the cursor's line.
pub fn items_at_cursor(state: &State) -> Vec<Item> {
    let lines = state.lines();
    let Some(&(a, b)) = lines.get(state.cursor) else {
        return Vec::new();
    };
    state
        .items()
        .into_iter()
        .filter(|&it| {
            state
                .item_spans(it)
                .iter()
                .any(|s| s.start < b.max(a + 1) && s.end > a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse, Draft};
    use crate::model::{Article, Format};

    fn article(text: &str) -> Article {
        let d: Draft = parse(Format::Text, text).unwrap().drafts.remove(0);
        d.into_article("a.txt".into(), Format::Text)
    }

    fn state() -> State {
        let ex =
            crate::extract::Extractor::new(&crate::extract::tables::Tables::builtin().unwrap());
        let arts = vec![
            article("Army Advances Toward Palmyra From Homs\n\nThe Syrian Arab Army (SAA) moved 20 km east of Homs.\n\nThe SAA entered Palmyra later.\n"),
            article("Rebels Shell Aleppo Districts Overnight\n\nHTS fighters shelled Aleppo.\n"),
            article("Coalition Strikes Near Raqqa Kill Twelve\n\nThe SDF said twelve civilians died near Raqqa.\n"),
        ];
        let sums = arts.iter().map(|a| ex.extract(a)).collect();
        State::new(arts, sums)
    }

    fn run(s: &mut State, msgs: &[Msg]) -> Vec<Effect> {
        msgs.iter().cloned().filter_map(|m| update(s, m)).collect()
    }

    #[test]
    fn list_moves_and_clamps() {
        let mut s = state();
        run(
            &mut s,
            &[
                Msg::Act(Action::Down),
                Msg::Act(Action::Down),
                Msg::Act(Action::Down),
            ],
        );
        assert_eq!(s.list_sel, 2);
        run(&mut s, &[Msg::Act(Action::Top)]);
        assert_eq!(s.selected(), Some(0));
    }

    #[test]
    fn filter_by_force_alias_and_cancel() {
        let mut s = state();
        run(&mut s, &[Msg::Act(Action::Filter)]);
        for c in "force:hts".chars() {
            update(&mut s, Msg::Type(c));
        }
        assert_eq!(s.visible, vec![1]);
        update(&mut s, Msg::Submit);
        assert_eq!(s.filter, "force:hts");
        assert_eq!(s.mode, Mode::Normal);
        run(&mut s, &[Msg::Act(Action::Clear)]);
        assert_eq!(s.visible.len(), 3);
        run(
            &mut s,
            &[
                Msg::Act(Action::Filter),
                Msg::Type('z'),
                Msg::Type('z'),
                Msg::Cancel,
            ],
        );
        assert_eq!(s.visible.len(), 3, "cancel restores the previous filter");
    }

    #[test]
    fn filter_queries_resolve_aliases_and_saved_names() {
        let mut s = state();
        let tables = crate::extract::tables::Tables::builtin().unwrap();
        let saved = [("north".to_string(), "loc:Raqqa or loc:Aleppo".to_string())].into();
        s.query_context = std::sync::Arc::new(crate::query::Context::new(
            crate::query::Lexicon::new(&tables),
            saved,
        ));
        apply_filter(&mut s, "force:\"Hayat Tahrir al-Sham\"");
        assert_eq!(s.visible, vec![1], "the text says HTS");
        apply_filter(&mut s, "@north and not force:hts");
        assert_eq!(s.visible, vec![2]);
        apply_filter(&mut s, "loc:Palmyra or claim.value>15");
        assert_eq!(s.visible, vec![0]);
        s.filter = "loc:Palmyra or claim.value>15".into();
        // A bad query at the prompt stays open with the reason.
        run(&mut s, &[Msg::Act(Action::Filter)]);
        s.input.clear();
        for c in "(loc:Homs".chars() {
            update(&mut s, Msg::Type(c));
        }
        assert_eq!(s.status.as_deref(), Some("expected ')' at 9"));
        update(&mut s, Msg::Submit);
        assert_eq!(s.mode, Mode::Input(Prompt::Filter));
        assert_eq!(s.input, "(loc:Homs");
        assert_eq!(s.filter, "loc:Palmyra or claim.value>15", "unchanged");
        update(&mut s, Msg::Type(')'));
        update(&mut s, Msg::Submit);
        assert_eq!(s.mode, Mode::Normal);
        assert_eq!(s.visible, vec![0]);
        // `:filter` with a bad query says so and changes nothing.
        run(&mut s, &[Msg::Act(Action::Command)]);
        for c in "filter a or".chars() {
            update(&mut s, Msg::Type(c));
        }
        update(&mut s, Msg::Submit);
        assert_eq!(
            s.status.as_deref(),
            Some("filter: expected a term after 'or' at 4")
        );
        assert_eq!(s.filter, "(loc:Homs)");
    }

    #[test]
    fn search_then_cycle_hits() {
        let mut s = state();
        s.focus = Pane::Reader;
        run(&mut s, &[Msg::Act(Action::Search)]);
        for c in "saa".chars() {
            update(&mut s, Msg::Type(c));
        }
        update(&mut s, Msg::Submit);
        assert_eq!(s.search_hits.len(), 2);
        let first = s.current.unwrap();
        run(&mut s, &[Msg::Act(Action::NextHit)]);
        assert!(s.current.unwrap().start > first.start);
        run(&mut s, &[Msg::Act(Action::NextHit)]);
        assert_eq!(s.current, Some(first), "wraps around");
    }

    #[test]
    fn jump_marks_item_under_cursor() {
        let mut s = state();
        s.focus = Pane::Summary;
        let items = s.items();
        let loc = items
            .iter()
            .position(|i| matches!(i, Item::Location(_)))
            .unwrap();
        s.summary_sel = loc;
        run(&mut s, &[Msg::Act(Action::Jump)]);
        let at = items_at_cursor(&s);
        assert!(at.contains(&items[loc]), "{at:?}");
        let before = s.current;
        run(&mut s, &[Msg::Act(Action::NextHit)]);
        assert_ne!(s.current, before);
    }

    #[test]
    fn commands_and_quit() {
        let mut s = state();
        run(
            &mut s,
            &[Msg::Act(Action::Command), Msg::Type('x'), Msg::Submit],
        );
        assert!(s.status.as_deref().unwrap().starts_with("unknown command"));
        let eff = run(
            &mut s,
            &[Msg::Act(Action::Command), Msg::Type('q'), Msg::Submit],
        );
        assert_eq!(eff, [Effect::Quit]);
        let eff = run(&mut s, &[Msg::Act(Action::Quit)]);
        assert_eq!(eff, [Effect::Quit]);
        assert!(s.quit);
    }
}
