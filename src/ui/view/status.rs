//! The status line: the mode, hints generated from the keymap, and the
//! last message; a prompt while typing.

use super::Ctx;
use crate::ui::action::Action;
use crate::ui::state::{Mode, Pane, Prompt, State};
use crate::ui::update::mode_name;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, area: Rect, state: &State, ctx: &Ctx) {
    let t = ctx.theme;
    if let Mode::Input(p) = state.mode {
        let lead = match p {
            Prompt::Search => "/",
            Prompt::Filter => "filter: ",
            Prompt::Command => ":",
            Prompt::Tag => "tag (tab completes): ",
            Prompt::SpanTag => "tag the selection: ",
            Prompt::Grade => "grade the source (A-F 1-6, e.g. B2; empty removes): ",
        };
        let cursor = if ctx.ascii { "_" } else { "▏" };
        let mut spans = vec![
            Span::styled(lead, t.get("ui.status_mode")),
            Span::styled(
                format!("{}{cursor}", crate::sanitize::line(&state.input)),
                t.get("ui.status"),
            ),
        ];
        // A live filter that does not parse says why beside the prompt.
        if let Some(msg) = &state.status {
            spans.push(Span::styled(
                format!("  {}", crate::sanitize::line(msg)),
                t.get("ui.error"),
            ));
        }
        let line = Line::from(spans);
        frame.render_widget(Paragraph::new(line).style(t.get("ui.status")), area);
        return;
    }
    let mode = match (state.mode, state.focus) {
        (Mode::Help, _) => " HELP ",
        (Mode::Visual, _) => " SELECT ",
        (Mode::Editor, _) => " NOTE ",
        (Mode::Annotations, _) => " NOTES ",
        (Mode::Corpus(v), _) => match v {
            crate::ui::state::CorpusView::Entities => " ENTITIES ",
            crate::ui::state::CorpusView::Conflicts => " CONFLICTS ",
            crate::ui::state::CorpusView::Timeline => " TIMELINE ",
            crate::ui::state::CorpusView::Duplicates => " DUPLICATES ",
        },
        (_, Pane::List) => " LIST ",
        (_, Pane::Reader) => " TEXT ",
        (_, Pane::Summary) => " SUMMARY ",
    };
    let m = mode_name(state);
    let hint_actions: &[Action] = match (state.mode, state.focus) {
        (Mode::Visual, _) => &[
            Action::WordForward,
            Action::SentenceForward,
            Action::Note,
            Action::TagSpan,
            Action::AddForce,
            Action::Close,
        ],
        (Mode::Annotations, _) => &[
            Action::Jump,
            Action::Edit,
            Action::Delete,
            Action::Undo,
            Action::Close,
        ],
        (Mode::Editor, _) => &[],
        (Mode::Corpus(crate::ui::state::CorpusView::Entities), _) => &[
            Action::Jump,
            Action::Sort,
            Action::Conflicts,
            Action::Timeline,
            Action::Duplicates,
            Action::Close,
        ],
        (Mode::Corpus(_), _) => &[
            Action::Jump,
            Action::Entities,
            Action::Conflicts,
            Action::Timeline,
            Action::Duplicates,
            Action::Close,
        ],
        (_, Pane::Reader) => &[
            Action::Help,
            Action::Search,
            Action::Visual,
            Action::Note,
            Action::Tag,
            Action::Annotations,
            Action::Quit,
        ],
        (_, Pane::Summary) => &[
            Action::Help,
            Action::Jump,
            Action::NextHit,
            Action::Grade,
            Action::FocusNext,
            Action::Filter,
            Action::ToggleMap,
            Action::Quit,
        ],
        _ => &[
            Action::Help,
            Action::FocusNext,
            Action::Search,
            Action::Filter,
            Action::ToggleMap,
            Action::Command,
            Action::Quit,
        ],
    };
    // A corpus view does not offer its own key.
    let here = match state.mode {
        Mode::Corpus(crate::ui::state::CorpusView::Entities) => Some(Action::Entities),
        Mode::Corpus(crate::ui::state::CorpusView::Conflicts) => Some(Action::Conflicts),
        Mode::Corpus(crate::ui::state::CorpusView::Timeline) => Some(Action::Timeline),
        Mode::Corpus(crate::ui::state::CorpusView::Duplicates) => Some(Action::Duplicates),
        _ => None,
    };
    let hints: Vec<String> = hint_actions
        .iter()
        .filter(|a| Some(**a) != here)
        .filter_map(|a| {
            ctx.keymap.key_for(m, *a).map(|k| match (state.mode, a) {
                (Mode::Corpus(_), Action::Jump) => format!("{k} choose"),
                (Mode::Corpus(_), Action::Close) => format!("{k} close"),
                _ => format!("{k} {}", short(*a)),
            })
        })
        .collect();
    let mut spans = vec![Span::styled(mode, t.get("ui.status_mode")), Span::raw(" ")];
    if let Some((done, total)) = state.loading {
        spans.push(Span::styled(
            format!("{}  ", crate::cli::loading_line(done, total)),
            t.get("ui.status_mode"),
        ));
    }
    let hints = if state.mode == Mode::Editor {
        vec!["esc or ctrl-s save · ctrl-q discard".to_string()]
    } else {
        hints
    };
    match &state.status {
        Some(msg) => spans.push(Span::styled(crate::sanitize::line(msg), t.get("ui.status"))),
        None => spans.push(Span::styled(hints.join("  "), t.get("ui.status"))),
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(t.get("ui.status")),
        area,
    );
}

fn short(a: Action) -> &'static str {
    match a {
        Action::Help => "help",
        Action::FocusNext => "pane",
        Action::Search => "search",
        Action::Filter => "filter",
        Action::ToggleMap => "map",
        Action::Command => "cmd",
        Action::Quit => "quit",
        Action::Jump => "jump",
        Action::Grade => "grade",
        Action::NextHit => "next",
        Action::Visual => "select",
        Action::Note => "note",
        Action::Tag | Action::TagSpan => "tag",
        Action::Annotations => "notes",
        Action::WordForward => "word",
        Action::SentenceForward => "sentence",
        Action::AddForce => "add force",
        Action::Close => "cancel",
        Action::Edit => "edit",
        Action::Delete => "delete",
        Action::Undo => "undo",
        Action::Entities => "entities",
        Action::Conflicts => "conflicts",
        Action::Timeline => "timeline",
        Action::Duplicates => "duplicates",
        Action::Sort => "sort",
        _ => "",
    }
}
