//! The reader's state: plain data, changed only by `update`.

use crate::model::{Article, ByteSpan, Summary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Summary,
}

/// What typed text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Search,
    Filter,
    Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Input(Prompt),
}

/// One row of the summary pane that can be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Force(usize),
    Location(usize),
    Claim(usize),
}

/// Pane sizes from the last layout, so paging knows a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub text_width: usize,
    pub text_height: usize,
    pub list_height: usize,
    pub summary_height: usize,
}

#[derive(Debug, Clone)]
pub struct State {
    pub articles: Vec<Article>,
    pub summaries: Vec<Summary>,
    /// Indexes into `articles` that pass the filter, in list order.
    pub visible: Vec<usize>,
    /// Position in `visible`.
    pub list_sel: usize,
    pub focus: Pane,
    pub mode: Mode,
    pub input: String,
    pub filter: String,
    pub search: Option<String>,
    pub search_hits: Vec<ByteSpan>,
    /// Visual line of the reader's cursor and the first one shown.
    pub cursor: usize,
    pub scroll: usize,
    pub summary_sel: usize,
    /// The span the last jump or hit landed on.
    pub current: Option<ByteSpan>,
    pub show_map: bool,
    pub help_scroll: usize,
    pub status: Option<String>,
    pub viewport: Viewport,
    pub quit: bool,
}

impl State {
    pub fn new(articles: Vec<Article>, summaries: Vec<Summary>) -> State {
        let visible = (0..articles.len()).collect();
        State {
            articles,
            summaries,
            visible,
            list_sel: 0,
            focus: Pane::List,
            mode: Mode::Normal,
            input: String::new(),
            filter: String::new(),
            search: None,
            search_hits: Vec::new(),
            cursor: 0,
            scroll: 0,
            summary_sel: 0,
            current: None,
            show_map: false,
            help_scroll: 0,
            status: None,
            viewport: Viewport { text_width: 60, text_height: 20, list_height: 10, summary_height: 20 },
            quit: false,
        }
    }

    /// Index into `articles` of the selected article.
    pub fn selected(&self) -> Option<usize> {
        self.visible.get(self.list_sel).copied()
    }

    pub fn article(&self) -> Option<(&Article, &Summary)> {
        self.selected().map(|i| (&self.articles[i], &self.summaries[i]))
    }

    /// The summary rows that can be chosen, in display order.
    pub fn items(&self) -> Vec<Item> {
        let Some((_, s)) = self.article() else { return Vec::new() };
        (0..s.forces.len())
            .map(Item::Force)
            .chain((0..s.locations.len()).map(Item::Location))
            .chain((0..s.claims.len()).map(Item::Claim))
            .collect()
    }

    /// Where an item is mentioned in the text.
    pub fn item_spans(&self, item: Item) -> Vec<ByteSpan> {
        let Some((_, s)) = self.article() else { return Vec::new() };
        match item {
            Item::Force(i) => s.forces[i].mentions.iter().map(|m| m.span()).collect(),
            Item::Location(i) => s.locations[i].mentions.iter().map(|m| m.span()).collect(),
            Item::Claim(i) => vec![ByteSpan::new(s.claims[i].quantity_start, s.claims[i].quantity_end)],
        }
    }

    /// Visual lines of the open article at the current text width.
    pub fn lines(&self) -> Vec<(usize, usize)> {
        match self.article() {
            Some((a, _)) => super::wrap::wrap(&a.text, self.viewport.text_width),
            None => Vec::new(),
        }
    }
}
