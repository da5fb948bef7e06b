//! Cue words: the words a context rule's match can start with ("of" and
//! "near" before a place, "village" after one, "twelve", "Division",
//! "Liwa"). The alias lookup meets every token of an article anyway, so it
//! notes the cues in the same pass ([`super::entities::Matcher::find`]);
//! each rule then tries its pattern anchored at its cues, where it used to
//! search the whole text for them.
//!
//! A rule's pattern starts with an ASCII word boundary and one of its cue
//! words, so its matches are exactly the anchored matches at cue tokens
//! (tokens are cut where `fold` cuts words; see the tests, which hold
//! each rule to its pattern's own `find_iter`).

use super::fold;
use regex_automata::{meta, Anchored, Input};
use std::sync::LazyLock;

/// "of", "near", "nearby": a place may follow.
pub const OF_NEAR: u16 = 1 << 0;
/// "village", "town", "area"...: a place may come before.
pub const PLACE_WORD: u16 = 1 << 1;
/// "twelve", "dozens", "a (dozen)": a number in words.
pub const NUMBER_WORD: u16 = 1 << 2;
/// "Division", "Brigade", "Legion"...: a formation's name ends here.
pub const UNIT_WORD: u16 = 1 << 3;
/// "Liwa", "Jaysh", "Faylaq"...: an armed group's name starts here.
pub const GROUP_PREFIX: u16 = 1 << 4;
/// "a": a number word only before "dozen", "hundred" or "thousand"; the
/// lookup resolves it to `NUMBER_WORD` by the next token.
pub const ARTICLE_A: u16 = 1 << 5;

/// "according" (to).
pub const ACCORDING: u16 = 1 << 6;
/// "said", "reported"...: a verb of saying (`claims::SAY_WORDS`).
pub const SAY: u16 = 1 << 7;

/// A number, or a word that starts like a month or a weekday ("Mar.",
/// "Sunday"): a date may start here. Found by `date_kind`, not listed.
pub const DATE: u16 = 1 << 8;

/// `DATE` when the folded token `t` may start a date.
#[inline]
pub fn date_kind(t: &str) -> u16 {
    let b = t.as_bytes();
    let Some(&first) = b.first() else {
        return 0;
    };
    let date = if first.is_ascii_digit() {
        true
    } else if first >= 0x80 {
        t.chars().next().is_some_and(char::is_numeric)
    } else {
        b.len() >= 3
            && matches!(
                &b[..3],
                b"jan"
                    | b"feb"
                    | b"mar"
                    | b"apr"
                    | b"may"
                    | b"jun"
                    | b"jul"
                    | b"aug"
                    | b"sep"
                    | b"oct"
                    | b"nov"
                    | b"dec"
                    | b"mon"
                    | b"tue"
                    | b"wed"
                    | b"thu"
                    | b"fri"
                    | b"sat"
                    | b"sun"
            )
    };
    if date {
        DATE
    } else {
        0
    }
}

/// Folded cue words and their kinds. Each list is the first words of the
/// alternatives of the pattern it cues (`entities::BEFORE_KEYWORD`,
/// `PLACE_WORD`, `UNIT_WORD`, `PREFIXED_GROUP`); the number words and the
/// verbs of saying come from the claim rules' own lists (`cue_words`).
pub const CUE_WORDS: &[(&[&str], u16)] = &[
    (&["of", "near", "nearby"], OF_NEAR),
    (
        &[
            "village",
            "town",
            "area",
            "district",
            "neighbourhood",
            "neighborhood",
            "camp",
            "airbase",
            "air",
            "airport",
            "crossing",
            "oil",
            "gas",
            "dam",
            "station",
            "hill",
            "hills",
            "mountain",
            "mountains",
            "desert",
            "countryside",
            "valley",
            "plain",
            "farms",
        ],
        PLACE_WORD,
    ),
    (
        &[
            "division",
            "brigade",
            "brigades",
            "regiment",
            "battalion",
            "corps",
            "legion",
            "army",
            "group",
        ],
        UNIT_WORD,
    ),
    (
        &[
            "liwa", "liwaa", "jaysh", "jaish", "faylaq", "harakat", "kata", "kataib", "saraya",
            "jabhat", "firqat", "fawj", "tajammu", "alwiya", "quwat", "ahrar", "hurras",
        ],
        GROUP_PREFIX,
    ),
];

/// Every cue word with its kinds: `CUE_WORDS`, the first word of each
/// number in words ("a" of "a dozen" waits for its next word), and the
/// verbs of saying.
pub fn cue_words() -> impl Iterator<Item = (&'static str, u16)> {
    let numbers = super::claims::WORD_NUMBERS
        .iter()
        .map(|(w, _)| match w.split_once(' ') {
            Some(("a", _)) => ("a", ARTICLE_A),
            Some((first, _)) => (first, NUMBER_WORD),
            None => (*w, NUMBER_WORD),
        });
    CUE_WORDS
        .iter()
        .flat_map(|(words, kind)| words.iter().map(move |w| (*w, *kind)))
        .chain(numbers)
        .chain(std::iter::once(("according", ACCORDING)))
        .chain(super::claims::SAY_WORDS.iter().map(|w| (*w, SAY)))
}

/// Words after "a" that make it a number ("a dozen"), from the numbers in
/// words.
static AFTER_A: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    super::claims::WORD_NUMBERS
        .iter()
        .filter_map(|(w, _)| w.strip_prefix("a "))
        .collect()
});

/// Every cue word with its kinds, for lookups outside the matcher.
static CUE_MAP: LazyLock<foldhash::HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut m = foldhash::HashMap::default();
    for (w, kind) in cue_words() {
        *m.entry(w).or_insert(0) |= kind;
    }
    m
});

/// A cue: where its token starts in the article, and its kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub at: u32,
    pub kinds: u16,
}

/// Notes token `i` of `t` as a cue of `kinds`, resolving "a" by the token
/// after it.
pub fn push(t: &fold::Tokens, i: usize, kinds: u16, out: &mut Vec<Cue>) {
    let mut kinds = kinds;
    if kinds & ARTICLE_A != 0 {
        kinds &= !ARTICLE_A;
        if i + 1 < t.tokens.len() && AFTER_A.contains(&t.key(i + 1, i + 1)) {
            kinds |= NUMBER_WORD;
        }
    }
    if kinds != 0 {
        out.push(Cue {
            at: t.tokens[i].start,
            kinds,
        });
    }
}

/// The cues of `text[start..end]`, for callers without a matcher.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Cue> {
    let t = fold::tokens(text, start, end);
    let mut out = Vec::new();
    for i in 0..t.tokens.len() {
        let key = t.key(i, i);
        let k = CUE_MAP.get(key).copied().unwrap_or(0) | date_kind(key);
        push(&t, i, k, &mut out);
    }
    out
}

/// Start offsets of the cues of `kinds` in `[start, end)`, relative to
/// `start`. `cues` are in text order.
pub fn starts(
    cues: &[Cue],
    start: usize,
    end: usize,
    kinds: u16,
) -> impl Iterator<Item = usize> + '_ {
    let from = cues.partition_point(|c| (c.at as usize) < start);
    cues[from..]
        .iter()
        .take_while(move |c| (c.at as usize) < end)
        .filter(move |c| c.kinds & kinds != 0)
        .map(move |c| c.at as usize - start)
}

/// The match of `re` that starts exactly at `at` in `hay`.
pub fn match_at(re: &meta::Regex, hay: &str, at: usize) -> Option<(usize, usize)> {
    let input = Input::new(hay).range(at..).anchored(Anchored::Yes);
    re.find(input).map(|m| (m.start(), m.end()))
}

/// `re`'s matches in `hay` that start at one of `starts` (ascending), as
/// `find_iter` reports them: none overlaps the one before.
pub fn matches_at<'h>(
    re: &'h meta::Regex,
    hay: &'h str,
    starts: impl Iterator<Item = usize> + 'h,
) -> impl Iterator<Item = (usize, usize)> + 'h {
    matches_by(starts, move |at| match_at(re, hay, at))
}

/// The matches `match_at(at)` gives at `starts` (ascending), as
/// `matches_at` takes them: none overlaps the one before. For a pattern
/// read by hand rather than by a regex.
pub fn matches_by<'h>(
    starts: impl Iterator<Item = usize> + 'h,
    mut match_at: impl FnMut(usize) -> Option<(usize, usize)> + 'h,
) -> impl Iterator<Item = (usize, usize)> + 'h {
    let mut done = 0;
    starts.filter_map(move |at| {
        if at < done {
            return None;
        }
        let m = match_at(at)?;
        done = m.1;
        Some(m)
    })
}

/// A part of a text (a sentence, a paragraph), with its offsets in it.
#[derive(Clone, Copy)]
pub struct Group<'h> {
    pub start: usize,
    pub end: usize,
    pub text: &'h str,
}

impl<'h> Group<'h> {
    pub fn new(hay: &'h str, start: usize, end: usize) -> Group<'h> {
        Group {
            start,
            end,
            text: &hay[start..end],
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'h str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_tokens_that_start_a_rule() {
        let t = "Near the town of al-Qaim, a dozen fighters of the 5th Division and Liwa al-Quds.";
        let cues = scan(t, 0, t.len());
        let at = |w: &str| t.find(w).unwrap() as u32;
        assert_eq!(
            cues,
            vec![
                Cue {
                    at: at("Near"),
                    kinds: OF_NEAR
                },
                Cue {
                    at: at("town"),
                    kinds: PLACE_WORD
                },
                Cue {
                    at: at("of al"),
                    kinds: OF_NEAR
                },
                Cue {
                    at: at("a dozen"),
                    kinds: NUMBER_WORD
                },
                Cue {
                    at: at("of the 5th"),
                    kinds: OF_NEAR
                },
                Cue {
                    at: at("5th"),
                    kinds: DATE
                },
                Cue {
                    at: at("Division"),
                    kinds: UNIT_WORD
                },
                Cue {
                    at: at("Liwa"),
                    kinds: GROUP_PREFIX
                },
            ]
        );
        // "a" alone is no number.
        assert!(scan("a village", 0, 9)
            .iter()
            .all(|c| c.kinds != NUMBER_WORD));
    }

    /// Every text of the sample corpus, raw (markup and all), and a few
    /// sentences with the cases the cut between words decides.
    fn texts() -> Vec<String> {
        let mut out: Vec<String> = [
            "The town of Hajin, near al-Bukamal, and nearby Sousa; the oil field of Omar.",
            "Twenty-five ISIS fighters, a dozen trucks, A HUNDRED men and tens of thousands of people.",
            "Brigade 137, the 4th Armoured Division, the Sultan Murad Division; Kata'ib Hezbollah, Liwaa al-Quds.",
            "an air base near the air-base; hills, hillside; twelve-year; a. Dozen; of-of near_by",
            "office often nearly townships dams damage groups armyworm",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-corpus");
        for e in walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                out.push(t);
            }
        }
        assert!(out.len() > 10, "the sample corpus is read");
        out
    }

    /// Each rule's matches at its cues are its pattern's `find_iter`.
    #[test]
    fn cued_matches_are_the_patterns_own() {
        use crate::extract::{claims, entities};
        let words = claims::words_pattern();
        let say = claims::say_pattern();
        let rules: [(&str, u16); 8] = [
            (claims::DATE_PATTERN, DATE),
            (claims::ACCORDING_PATTERN, ACCORDING),
            (&say, SAY),
            (entities::BEFORE_KEYWORD_PATTERN, OF_NEAR),
            (entities::PLACE_WORD_PATTERN, PLACE_WORD),
            (entities::UNIT_WORD_PATTERN, UNIT_WORD),
            (entities::PREFIXED_GROUP_PATTERN, GROUP_PREFIX),
            (&words, NUMBER_WORD),
        ];
        let mut seen = 0;
        for text in texts() {
            let cues = scan(&text, 0, text.len());
            for (pattern, kinds) in rules {
                let want: Vec<(usize, usize)> = regex::Regex::new(pattern)
                    .unwrap()
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let re = meta::Regex::new(pattern).unwrap();
                let got: Vec<(usize, usize)> =
                    matches_at(&re, &text, starts(&cues, 0, text.len(), kinds)).collect();
                assert_eq!(got, want, "{pattern}");
                seen += want.len();
            }
        }
        assert!(seen > 200, "only {seen} matches: the texts test little");
    }

    #[test]
    fn matches_at_skips_overlaps_like_find_iter() {
        let re = meta::Regex::new(r"ab+|b").unwrap();
        let hay = "abbb b";
        let got: Vec<_> = matches_at(&re, hay, [0, 1, 2, 5].into_iter()).collect();
        assert_eq!(got, vec![(0, 4), (5, 6)]);
    }
}
