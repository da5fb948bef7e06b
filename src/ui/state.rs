//! The reader's state: plain data, changed only by `update`.

use crate::model::{Article, ArticleId, ByteSpan, Summary};
use crate::query;
use crate::store::{Annotation, Correction, Op, SourceGrade, StoreData};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

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
    /// A tag for the article.
    Tag,
    /// A tag for the selection.
    SpanTag,
    /// An Admiralty grade for the chosen claim's source.
    Grade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Input(Prompt),
    /// Selecting text in the reader.
    Visual,
    /// The note editor is open.
    Editor,
    /// The list of the article's notes is open.
    Annotations,
    /// A view across the corpus is open (see `ui::corpus`).
    Corpus(CorpusView),
}

/// The views across the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusView {
    /// Every force and place, with counts; choosing one filters the list.
    Entities,
    /// Figures that disagree, side by side.
    Conflicts,
    /// Articles and dated claims by day.
    Timeline,
    /// Stories carried by several articles.
    Duplicates,
}

/// What the note editor will save to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    New(Option<ByteSpan>),
    Existing(String),
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub area: tui_textarea::TextArea<'static>,
    pub target: NoteTarget,
    /// What the note said when the editor opened.
    pub original: String,
    /// Shown in the editor's title.
    pub quote: String,
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
    /// The list filter as last applied (a query; see `crate::query`).
    pub filter: String,
    /// What names in a filter resolve through: saved queries, aliases.
    pub query_context: Arc<query::Context>,
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
    /// The store's contents as last read (the app loop refreshes them
    /// after every write, so other sessions' changes show up too).
    pub tags: BTreeMap<ArticleId, BTreeSet<String>>,
    pub annotations: Vec<Annotation>,
    pub corrections: Vec<Correction>,
    pub grades: Vec<SourceGrade>,
    /// Visual selection: where it started and where it reaches, in bytes.
    pub selection: Option<(usize, usize)>,
    pub editor: Option<Editor>,
    /// Position in the annotation list.
    pub ann_sel: usize,
    /// Inverse changes, newest last.
    pub undo: Vec<Vec<Op>>,
    /// Duplicates, entities, conflicts and timeline across the corpus.
    pub analysis: crate::analysis::Analysis,
    /// Position in the open corpus view.
    pub corpus_sel: usize,
    pub entity_order: crate::analysis::entities::Order,
    /// Files read and files in all while the corpus loads in the
    /// background; `None` once it is all in.
    pub loading: Option<(usize, usize)>,
    /// Files (and items of files) that were left out, said at exit.
    pub skipped: Vec<crate::model::Skipped>,
    /// The articles' words and entities, so the filter reads only the
    /// articles that can match.
    pub index: crate::index::Index,
}

impl State {
    pub fn new(articles: Vec<Article>, summaries: Vec<Summary>) -> State {
        let visible = (0..articles.len()).collect();
        let analysis = crate::analysis::analyse(&articles, &summaries, &[]);
        let index = crate::index::Index::new(&articles, &summaries);
        State {
            articles,
            summaries,
            visible,
            list_sel: 0,
            focus: Pane::List,
            mode: Mode::Normal,
            input: String::new(),
            filter: String::new(),
            query_context: Arc::default(),
            search: None,
            search_hits: Vec::new(),
            cursor: 0,
            scroll: 0,
            summary_sel: 0,
            current: None,
            show_map: false,
            help_scroll: 0,
            status: None,
            viewport: Viewport {
                text_width: 60,
                text_height: 20,
                list_height: 10,
                summary_height: 20,
            },
            quit: false,
            tags: BTreeMap::new(),
            annotations: Vec::new(),
            corrections: Vec::new(),
            grades: Vec::new(),
            selection: None,
            editor: None,
            ann_sel: 0,
            undo: Vec::new(),
            analysis,
            corpus_sel: 0,
            entity_order: Default::default(),
            loading: None,
            skipped: Vec::new(),
            index,
        }
    }

    /// Takes in what the store holds now.
    pub fn set_store(&mut self, d: &StoreData) {
        self.tags = d
            .articles
            .iter()
            .map(|(id, m)| (id.clone(), m.tags.clone()))
            .collect();
        self.annotations = d.annotations.clone();
        self.corrections = d.corrections.clone();
        self.grades = d.grades.clone();
        // Places and forces the analyst added or marked wrong count.
        self.analysis.entities = crate::analysis::entities::index(
            &self.articles,
            &self.summaries,
            &self.analysis.stories,
            &self.corrections,
        );
    }

    /// The grade of the open article's claim whose quantity is at `span`.
    pub fn grade_of(&self, span: ByteSpan) -> Option<&SourceGrade> {
        let (a, _) = self.article()?;
        self.grades
            .iter()
            .find(|g| g.article == a.id && g.span == span)
    }

    pub fn article_tags(&self, id: &ArticleId) -> BTreeSet<String> {
        self.tags.get(id).cloned().unwrap_or_default()
    }

    /// Every tag in use, sorted, for completion.
    pub fn all_tags(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self
            .tags
            .values()
            .flatten()
            .chain(self.annotations.iter().flat_map(|a| a.tags.iter()))
            .collect();
        set.into_iter().cloned().collect()
    }

    /// The open article's notes with where each lands now (see
    /// `store::anchor`): notes on an earlier text of the file come back
    /// orphaned.
    pub fn article_notes(&self) -> Vec<(&Annotation, crate::store::Anchor)> {
        let Some((a, _)) = self.article() else {
            return Vec::new();
        };
        self.annotations
            .iter()
            .filter(|n| n.article == a.id || (!n.path.is_empty() && n.path == a.path))
            .map(|n| (n, crate::store::anchor(n, a)))
            .collect()
    }

    /// The selection as a span, ends in order, whole words.
    pub fn selection_span(&self) -> Option<ByteSpan> {
        let (a, b) = self.selection?;
        let (s, e) = if a <= b { (a, b) } else { (b, a) };
        let text = &self.article()?.0.text;
        let e = text[e..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |p| e + p);
        (e > s).then(|| ByteSpan::new(s, e))
    }

    /// Index into `articles` of the selected article.
    pub fn selected(&self) -> Option<usize> {
        self.visible.get(self.list_sel).copied()
    }

    pub fn article(&self) -> Option<(&Article, &Summary)> {
        self.selected()
            .map(|i| (&self.articles[i], &self.summaries[i]))
    }

    /// The summary rows that can be chosen, in display order.
    pub fn items(&self) -> Vec<Item> {
        let Some((_, s)) = self.article() else {
            return Vec::new();
        };
        (0..s.forces.len())
            .map(Item::Force)
            .chain((0..s.locations.len()).map(Item::Location))
            .chain((0..s.claims.len()).map(Item::Claim))
            .collect()
    }

    /// Where an item is mentioned in the text.
    pub fn item_spans(&self, item: Item) -> Vec<ByteSpan> {
        let Some((_, s)) = self.article() else {
            return Vec::new();
        };
        match item {
            Item::Force(i) => s.forces[i].mentions.iter().map(|m| m.span()).collect(),
            Item::Location(i) => s.locations[i].mentions.iter().map(|m| m.span()).collect(),
            Item::Claim(i) => vec![ByteSpan::new(
                s.claims[i].quantity_start,
                s.claims[i].quantity_end,
            )],
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
