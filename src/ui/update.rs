//! `update`: the only place the reader's state changes. It does no I/O;
//! what needs the outside world comes back as an `Effect`.

use super::action::Action;
use super::keymap::{chord_of, Keymap};
use super::state::{Item, Mode, Pane, Prompt, State};
use crate::extract::fold;
use crate::model::ByteSpan;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A message to `update`: a bound action, or typing at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Act(Action),
    Type(char),
    Backspace,
    Submit,
    Cancel,
}

/// What the app loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    SetTheme(String),
    Redraw,
}

/// The message a key means in the current mode.
pub fn key_to_msg(state: &State, keymap: &Keymap, key: KeyEvent) -> Option<Msg> {
    if let Mode::Input(_) = state.mode {
        return match key.code {
            KeyCode::Enter => Some(Msg::Submit),
            KeyCode::Esc => Some(Msg::Cancel),
            KeyCode::Backspace => Some(Msg::Backspace),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Cancel),
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Type(c)),
            _ => None,
        };
    }
    keymap.lookup(mode_name(state), chord_of(key)).map(Msg::Act)
}

/// The keymap table that applies now.
pub fn mode_name(state: &State) -> &'static str {
    match (state.mode, state.focus) {
        (Mode::Help, _) => "help",
        (_, Pane::List) => "list",
        (_, Pane::Reader) => "reader",
        (_, Pane::Summary) => "summary",
    }
}

pub fn update(state: &mut State, msg: Msg) -> Option<Effect> {
    state.status = None;
    match msg {
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
    }
}

fn live_filter(state: &mut State) {
    if state.mode == Mode::Input(Prompt::Filter) {
        let q = state.input.clone();
        apply_filter(state, &q);
    }
}

fn submit(state: &mut State) -> Option<Effect> {
    let Mode::Input(prompt) = state.mode else { return None };
    let input = std::mem::take(&mut state.input);
    state.mode = Mode::Normal;
    match prompt {
        Prompt::Search => {
            set_search(state, &input);
            None
        }
        Prompt::Filter => {
            apply_filter(state, &input);
            state.filter = input;
            None
        }
        Prompt::Command => command(state, input.trim()),
    }
}

fn command(state: &mut State, cmd: &str) -> Option<Effect> {
    let (name, arg) = cmd.split_once(' ').map_or((cmd, ""), |(n, a)| (n, a.trim()));
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
        "filter" => {
            apply_filter(state, arg);
            state.filter = arg.to_string();
            None
        }
        "" => None,
        _ => {
            state.status = Some(format!("unknown command: {name} (try :q, :theme NAME, :filter Q, :map, :help)"));
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
            state.mode = if state.mode == Mode::Help { Mode::Normal } else { Mode::Help };
            state.help_scroll = 0;
        }
        Action::Close => state.mode = Mode::Normal,
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
        Action::Down | Action::Up | Action::PageDown | Action::PageUp | Action::Top | Action::Bottom => {
            movement(state, a)
        }
        Action::Open => {
            state.focus = Pane::Reader;
        }
        Action::Jump => jump_to_item(state, 0),
        Action::NextHit => cycle(state, true),
        Action::PrevHit => cycle(state, false),
        Action::NextArticle => select_article(state, state.list_sel.saturating_add(1)),
        Action::PrevArticle => select_article(state, state.list_sel.saturating_sub(1)),
        Action::None => {}
    }
    None
}

fn prompt(state: &mut State, p: Prompt, initial: &str) {
    state.mode = Mode::Input(p);
    state.input = initial.to_string();
}

fn movement(state: &mut State, a: Action) {
    if state.mode == Mode::Help {
        state.help_scroll = step(state.help_scroll, usize::MAX / 2, a, 10);
        return;
    }
    match state.focus {
        Pane::List => {
            let n = state.visible.len();
            let to = step(state.list_sel, n.saturating_sub(1), a, state.viewport.list_height.max(1));
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
            state.summary_sel = step(state.summary_sel, n.saturating_sub(1), a, state.viewport.summary_height.max(1));
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
    let line = lines.iter().rposition(|&(a, _)| a <= span.start).unwrap_or(0);
    state.cursor = line;
    state.scroll = line.saturating_sub(3);
    state.current = Some(span);
}

fn jump_to_item(state: &mut State, nth: usize) {
    let items = state.items();
    let Some(&item) = items.get(state.summary_sel) else { return };
    let spans = state.item_spans(item);
    if let Some(&s) = spans.get(nth.min(spans.len().saturating_sub(1))) {
        reveal(state, s);
        state.status = Some(format!("mention {} of {}", nth.min(spans.len() - 1) + 1, spans.len()));
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
        (Some(h), false) => spans.iter().rposition(|s| s.start < h).unwrap_or(spans.len() - 1),
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
    match state.search_hits.iter().find(|s| s.start >= from).or(state.search_hits.first()) {
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
    let (hay, needle) = if lower.len() == text.len() { (lower, q.to_lowercase()) } else { (text.to_string(), q.to_string()) };
    let mut from = 0;
    while let Some(p) = hay[from..].find(&needle) {
        let s = from + p;
        out.push(ByteSpan::new(s, s + needle.len()));
        from = s + needle.len();
    }
    out
}

/// The list filter: every term must hold. `force:X`, `loc:X`, `site:X`
/// match by folded name (any alias the text used); other words match the
/// title or body.
pub fn matches(state: &State, idx: usize, query: &str) -> bool {
    let a = &state.articles[idx];
    let s = &state.summaries[idx];
    query.split_whitespace().all(|term| {
        let (field, value) = term.split_once(':').unwrap_or(("", term));
        let v = fold::key(value);
        let has = |name: &str| fold::key(name).contains(&v);
        match field {
            "force" => s.forces.iter().any(|f| has(&f.name) || f.mentions.iter().any(|m| has(&m.text))),
            "loc" => s.locations.iter().any(|l| has(&l.name) || l.mentions.iter().any(|m| has(&m.text))),
            "site" | "source" => a.source_site.as_deref().is_some_and(has),
            _ => {
                let t = term.to_lowercase();
                a.title.to_lowercase().contains(&t) || a.body.iter().any(|b| b.slice(&a.text).to_lowercase().contains(&t))
            }
        }
    })
}

pub fn apply_filter(state: &mut State, query: &str) {
    let keep = state.selected();
    state.visible = (0..state.articles.len()).filter(|&i| matches(state, i, query)).collect();
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
    let Some(&(a, b)) = lines.get(state.cursor) else { return Vec::new() };
    state
        .items()
        .into_iter()
        .filter(|&it| state.item_spans(it).iter().any(|s| s.start < b.max(a + 1) && s.end > a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse, Draft};
    use crate::model::{Article, ArticleId, Format};

    fn article(text: &str) -> Article {
        let d: Draft = parse(Format::Text, text).unwrap().drafts.remove(0);
        Article {
            id: ArticleId::of_text(&d.text),
            path: "a.txt".into(),
            format: Format::Text,
            source_site: d.source_site,
            url: None,
            date: None,
            title: d.title,
            title_span: d.title_span,
            text: d.text,
            body: d.body,
            chrome: d.chrome,
            comments: d.comments,
        }
    }

    fn state() -> State {
        let ex = crate::extract::Extractor::new(&crate::extract::tables::Tables::builtin().unwrap());
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
        run(&mut s, &[Msg::Act(Action::Down), Msg::Act(Action::Down), Msg::Act(Action::Down)]);
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
        run(&mut s, &[Msg::Act(Action::Filter), Msg::Type('z'), Msg::Type('z'), Msg::Cancel]);
        assert_eq!(s.visible.len(), 3, "cancel restores the previous filter");
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
        let loc = items.iter().position(|i| matches!(i, Item::Location(_))).unwrap();
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
        run(&mut s, &[Msg::Act(Action::Command), Msg::Type('x'), Msg::Submit]);
        assert!(s.status.as_deref().unwrap().starts_with("unknown command"));
        let eff = run(&mut s, &[Msg::Act(Action::Command), Msg::Type('q'), Msg::Submit]);
        assert_eq!(eff, [Effect::Quit]);
        let eff = run(&mut s, &[Msg::Act(Action::Quit)]);
        assert_eq!(eff, [Effect::Quit]);
        assert!(s.quit);
    }
}
