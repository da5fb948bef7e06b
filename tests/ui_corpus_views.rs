//! The views across the corpus (entity index, conflicting figures,
//! timeline, duplicate stories), driven through the keymap as the app loop
//! drives them: what each key does to the state, and the screens as text
//! snapshots at 100x30 and 80x24.
//!
//! Accept new or changed screens with
//! `INSTA_UPDATE=always cargo test --test ui_corpus_views`, then read the
//! `.snap` files in tests/snapshots/ before committing them.

#![cfg(feature = "tui")]

#[path = "support/ui.rs"]
mod ui;

use sitrep::ui::state::{CorpusView, Mode, Pane};
use ui::{cross_state, Session};

fn index(s: &Session, file: &str) -> usize {
    s.state
        .articles
        .iter()
        .position(|a| a.path == file)
        .unwrap()
}

#[test]
fn the_repost_is_marked_in_the_list_and_listed_with_its_story() {
    let mut s = Session::new(cross_state(), 100, 30);
    let (orig, repost) = (
        index(&s, "01-palmyra.txt"),
        index(&s, "02-palmyra-repost.txt"),
    );
    assert_eq!(s.state.analysis.stories.groups, vec![vec![orig, repost]]);
    let screen = s.screen();
    assert_eq!(screen.matches("×2").count(), 2, "{screen}");
    insta::assert_snapshot!("list_with_duplicates_100x30", screen);
    s.keys(&["j", "D"]);
    assert_eq!(s.state.mode, Mode::Corpus(CorpusView::Duplicates));
    // The selection starts on the open article (the repost).
    assert_eq!(s.state.corpus_sel, 2);
    let screen = s.screen();
    insta::assert_snapshot!("duplicates_100x30", screen);
    s.keys(&["k", "enter"]);
    assert_eq!(s.state.mode, Mode::Normal);
    assert_eq!(s.state.focus, Pane::Reader);
    assert_eq!(s.state.selected(), Some(orig));
}

#[test]
fn entities_sort_and_choosing_one_filters_the_list() {
    let mut s = Session::new(cross_state(), 100, 30);
    s.keys(&["E"]);
    assert_eq!(s.state.mode, Mode::Corpus(CorpusView::Entities));
    let screen = s.screen();
    // Palmyra: in three articles, two stories (the repost counts once):
    // three mentions in the story, one in the monitor's.
    assert!(screen.contains("  2    4  place Palmyra"), "{screen}");
    insta::assert_snapshot!("entities_by_count_100x30", screen);
    s.keys(&["s"]);
    let by_name = s.screen();
    assert!(by_name.contains("by name"), "{by_name}");
    insta::assert_snapshot!("entities_by_name_80x24", {
        let mut n = Session::new(s.state.clone(), 80, 24);
        n.screen()
    });
    // Down to "Deir ez-Zor" (a name with a space) and choose it.
    let rows = sitrep::ui::corpus::rows(&s.state, CorpusView::Entities);
    let at = rows
        .iter()
        .position(|r| r.text == "place Deir ez-Zor")
        .unwrap();
    for _ in 0..at {
        s.keys(&["j"]);
    }
    s.keys(&["enter"]);
    assert_eq!(s.state.mode, Mode::Normal);
    assert_eq!(s.state.focus, Pane::List);
    assert_eq!(s.state.filter, "loc:\"Deir ez-Zor\"");
    let mut shown: Vec<&str> = s
        .state
        .visible
        .iter()
        .map(|&i| s.state.articles[i].path.as_str())
        .collect();
    shown.sort();
    assert_eq!(shown, ["01-palmyra.txt", "02-palmyra-repost.txt"]);
    let screen = s.screen();
    assert!(
        screen.contains("Articles 2/4 [loc:\"Deir ez-Zor\"]"),
        "{screen}"
    );
}

#[test]
fn conflicting_tolls_side_by_side_and_enter_reads_the_claim() {
    let mut s = Session::new(cross_state(), 100, 30);
    s.keys(&["C"]);
    assert_eq!(s.state.mode, Mode::Corpus(CorpusView::Conflicts));
    let c = &s.state.analysis.conflicts;
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].kind, "fighters killed");
    let screen = s.screen();
    assert!(
        screen.contains("Islamic State: fighters killed"),
        "{screen}"
    );
    assert!(screen.contains("+1 repost"), "{screen}");
    insta::assert_snapshot!("conflicts_100x30", screen);
    insta::assert_snapshot!("conflicts_80x24", {
        let mut n = Session::new(s.state.clone(), 80, 24);
        n.screen()
    });
    // The first row is the lower figure, 120, from the monitor.
    assert_eq!(s.state.corpus_sel, 1);
    s.keys(&["enter"]);
    let toll = index(&s, "03-palmyra-toll.txt");
    assert_eq!(s.state.selected(), Some(toll));
    assert_eq!(s.state.focus, Pane::Reader);
    let (a, _) = s.state.article().unwrap();
    let cur = s.state.current.expect("the claim is the current span");
    assert_eq!(cur.slice(&a.text), "120 ISIS fighters");
}

#[test]
fn a_filter_hiding_the_article_is_cleared_to_show_it() {
    let mut s = Session::new(cross_state(), 100, 30);
    s.keys(&[":"]);
    s.type_text("filter qusayr");
    s.keys(&["enter"]);
    assert_eq!(s.state.visible.len(), 1);
    s.keys(&["C", "enter"]);
    assert_eq!(s.state.filter, "");
    assert_eq!(s.state.visible.len(), 4);
    assert_eq!(s.state.selected(), Some(index(&s, "03-palmyra-toll.txt")));
    assert_eq!(
        s.state.status.as_deref(),
        Some("filter cleared to show the article")
    );
}

#[test]
fn timeline_by_day_and_enter_opens_the_article() {
    let mut s = Session::new(cross_state(), 100, 30);
    s.keys(&["T"]);
    assert_eq!(s.state.mode, Mode::Corpus(CorpusView::Timeline));
    let screen = s.screen();
    let first = screen.find("2017-03-02").expect("the offensive's day");
    let second = screen.find("2017-03-03").expect("the monitor's day");
    assert!(first < second, "{screen}");
    assert!(screen.contains("Undated"), "Qusayr has no date: {screen}");
    insta::assert_snapshot!("timeline_100x30", screen);
    s.keys(&["G", "enter"]);
    assert_eq!(s.state.selected(), Some(index(&s, "04-qusayr.txt")));
    // Esc closes without choosing.
    s.keys(&["T", "esc"]);
    assert_eq!(s.state.mode, Mode::Normal);
}

#[test]
fn help_lists_the_views_keys_from_the_keymap() {
    let mut s = Session::new(cross_state(), 100, 30);
    s.keys(&["?"]);
    let mut text = String::new();
    for _ in 0..12 {
        text.push_str(&s.screen());
        s.keys(&["j", "j", "j", "j", "j"]);
    }
    for want in [
        "entity index",
        "conflicting figures",
        "timeline",
        "duplicate stories",
        "sort by count / by name",
    ] {
        assert!(text.contains(want), "help lacks {want:?}");
    }
}

/// Article text is hostile: an escape sequence in a headline and a source
/// reaches no cell of any view, in a story, its repost and the timeline.
#[test]
fn control_characters_never_reach_the_views() {
    let hostile = ui::PALMYRA
        .replace(
            "Syrian Army Pushes Toward Palmyra",
            "Syrian Army \u{1b}[2J\u{1b}]0;pwned\u{7}Pushes Toward Palmyra",
        )
        .replace("a military source", "a military \u{1b}[31msource");
    let repost = ui::PALMYRA_REPOST.replace("Posted by editor", "Posted by \u{1b}[5meditor");
    let articles = vec![
        ui::article("a.txt", &hostile),
        ui::article("b.txt", &repost),
        ui::article("c.txt", ui::PALMYRA_TOLL),
    ];
    let summaries = ui::summarise(&articles);
    let mut s = Session::new(sitrep::ui::state::State::new(articles, summaries), 100, 30);
    assert_eq!(s.state.analysis.stories.groups.len(), 1);
    assert_eq!(s.state.analysis.conflicts.len(), 1);
    for key in ["D", "T", "C", "E"] {
        s.keys(&[key]);
        let buf = s.render();
        if matches!(key, "D" | "T") {
            let screen = ui::screen_text(&buf);
            assert!(screen.contains("Pushes Toward Palmyra"), "{key}: {screen}");
        }
        for cell in buf.content.iter() {
            assert!(
                !cell.symbol().chars().any(|c| c.is_control()),
                "view {key}: control character in a cell: {:?}",
                cell.symbol()
            );
        }
        s.keys(&["esc"]);
    }
}

/// A place the analyst added in the reader joins the index when the store
/// is read; one marked wrong leaves it.
#[test]
fn entities_take_the_analysts_corrections() {
    use sitrep::store::{Correction, CorrectionKind, StoreData};
    let mut s = Session::new(cross_state(), 100, 30);
    let qusayr = s.state.articles[index(&s, "04-qusayr.txt")].id.clone();
    let correction = |name: &str, wrong: bool| Correction {
        id: format!("c-{name}"),
        article: qusayr.clone(),
        kind: CorrectionKind::Location,
        wrong,
        name: name.into(),
        span: None,
        note: String::new(),
        created: "2026-01-01T00:00:00Z".into(),
        author: "analyst".into(),
    };
    let data = StoreData {
        corrections: vec![correction("Jusiyah", false), correction("Lebanon", true)],
        ..StoreData::default()
    };
    s.state.set_store(&data);
    s.keys(&["E"]);
    let rows = sitrep::ui::corpus::rows(&s.state, CorpusView::Entities);
    let added = rows
        .iter()
        .find(|r| r.text == "place Jusiyah")
        .expect("the added place is indexed");
    assert_eq!(added.meta, " · added by you");
    assert!(
        !rows.iter().any(|r| r.text == "place Lebanon"),
        "marked wrong in its only article"
    );
}
