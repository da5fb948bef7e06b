//! What a key can ask for. Keys map to actions through the keymap; the
//! help overlay describes each action with `describe`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave sitrep.
    Quit,
    /// Show or hide the key list.
    Help,
    /// Close an overlay.
    Close,
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    FocusList,
    FocusReader,
    FocusSummary,
    /// Open the command line.
    Command,
    /// Filter the article list.
    Filter,
    /// Search the open article.
    Search,
    /// Show or hide the map.
    ToggleMap,
    /// Repaint the whole screen.
    Redraw,
    /// Clear the search or the filter.
    Clear,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Read the selected article.
    Open,
    /// Jump to the chosen item's first mention.
    Jump,
    /// Next search hit or mention of the chosen item.
    NextHit,
    /// Previous search hit or mention.
    PrevHit,
    NextArticle,
    PrevArticle,
    /// Add or remove a tag on the article (completes existing tags).
    Tag,
    /// Start selecting text in the reader.
    Visual,
    WordForward,
    WordBack,
    SentenceForward,
    SentenceBack,
    /// Write a note on the selection, or on the whole article.
    Note,
    /// Tag the selection.
    TagSpan,
    /// Record the selection as a force the extractor missed.
    AddForce,
    AddLocation,
    AddClaim,
    /// Mark the chosen summary item as wrong (again: unmark).
    MarkWrong,
    /// Grade the chosen claim's source (Admiralty code, e.g. B2).
    Grade,
    /// List the article's notes and highlights.
    Annotations,
    /// Edit the chosen note.
    Edit,
    /// Delete the chosen note (undo brings it back).
    Delete,
    /// Undo the last change to tags, notes or corrections.
    Undo,
    /// Every force and place in the corpus, with counts.
    Entities,
    /// Figures that disagree across articles and sources.
    Conflicts,
    /// Articles and dated claims by day.
    Timeline,
    /// Stories carried by several articles.
    Duplicates,
    /// Sort the entity index by count or by name.
    Sort,
    /// Unbinds a chord in a user keymap.
    None,
}

impl Action {
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "show/hide this help",
            Action::Close => "close",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::FocusList => "focus the article list",
            Action::FocusReader => "focus the text",
            Action::FocusSummary => "focus the summary",
            Action::Command => "command line (:q, :theme NAME, :filter Q)",
            Action::Filter => "filter articles (force:X loc:X #tag, and/or/not)",
            Action::Search => "search in the article",
            Action::ToggleMap => "show/hide the map",
            Action::Redraw => "repaint the screen",
            Action::Clear => "clear search and filter",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "to the top",
            Action::Bottom => "to the bottom",
            Action::Open => "read the selected article",
            Action::Jump => "jump to the item's mention / choose the row",
            Action::NextHit => "next search hit / mention",
            Action::PrevHit => "previous search hit / mention",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::Tag => "tag the article (tab completes; an existing tag is removed)",
            Action::Visual => "select text (then w b ( ) j k to extend)",
            Action::WordForward => "extend to the next word",
            Action::WordBack => "back one word",
            Action::SentenceForward => "extend to the sentence end",
            Action::SentenceBack => "back to the sentence start",
            Action::Note => "note on the selection (or the article)",
            Action::TagSpan => "tag the selection",
            Action::AddForce => "add the selection as a missed force",
            Action::AddLocation => "add the selection as a missed place",
            Action::AddClaim => "add the selection as a missed claim",
            Action::MarkWrong => "mark the item wrong / not wrong",
            Action::Grade => "grade the claim's source (A-F reliability, 1-6 credibility: B2)",
            Action::Annotations => "list the article's notes",
            Action::Edit => "edit the note",
            Action::Delete => "delete the note",
            Action::Undo => "undo the last change",
            Action::Entities => "entity index of forces and places",
            Action::Conflicts => "conflicting figures, side by side",
            Action::Timeline => "timeline: articles and dated claims",
            Action::Duplicates => "duplicate stories (reposts, wire copy)",
            Action::Sort => "sort by count / by name",
            Action::None => "(unbound)",
        }
    }
}
