//! The same story carried by several sites (wire copy, reposts), found by
//! shingling and MinHash.
//!
//! An article's *shingles* are the runs of `SHINGLE` consecutive words of
//! its cleaned body, folded (case, diacritics, punctuation and quote
//! styles, as the extractor folds names). Titles, chrome and comments are
//! left out: a repost gives the same text a new headline, new chrome and
//! its own comment thread. Two articles are duplicates when the Jaccard
//! similarity of their shingle sets is at least `THRESHOLD`, estimated
//! from `PERMUTATIONS` MinHash values; LSH banding (`BANDS` bands of
//! `PERMUTATIONS / BANDS` values) finds the candidate pairs without
//! comparing every pair, and each candidate is then checked against the
//! estimate. Duplicates are grouped transitively (a repost of a repost).
//!
//! No MinHash crate on crates.io is kept up well enough to depend on, and
//! the algorithm is small: each word is hashed once with BLAKE3 (a
//! dependency already), a shingle's hash chains its words' through the
//! SplitMix64 finaliser, and the permutations are that hash mixed with a
//! per-permutation seed by the same finaliser, the usual stand-in for
//! independent hash functions.

use crate::extract::fold;
use crate::model::Article;
use std::collections::HashMap;

/// Words per shingle: long enough that two stories on one town share few.
pub const SHINGLE: usize = 5;
pub const PERMUTATIONS: usize = 128;
pub const BANDS: usize = 32;
/// Estimated Jaccard similarity from which two bodies are one story.
/// Reposts of one wire story score 0.8 and above; different stories on the
/// same place share almost no five-word run and score under 0.1.
pub const THRESHOLD: f64 = 0.5;

/// The MinHash signature of an article's body, as b-bit MinHash keeps
/// it: the top 16 bits of each permutation's 64-bit minimum. Taking the
/// top bits is monotonic, so they agree whenever the minima do; otherwise
/// only by a 2^-16 chance, which moves an estimated similarity by
/// 0.00002. A 100k-article corpus holds 26 MB of signatures, not 102.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(Box<[u16; PERMUTATIONS]>);

/// Which story each article belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stories {
    /// Per article: the index of its story's first article (itself when
    /// it is the first or has no duplicate).
    pub story: Vec<usize>,
    /// Stories carried by two or more articles, each in corpus order.
    pub groups: Vec<Vec<usize>>,
}

impl Stories {
    /// Whether `i` is the article that stands for its story.
    pub fn is_first(&self, i: usize) -> bool {
        self.story.get(i).is_none_or(|&s| s == i)
    }

    /// The articles carrying `i`'s story, `i` included (just `[i]` when it
    /// has no duplicate).
    pub fn members(&self, i: usize) -> Vec<usize> {
        let first = self.story.get(i).copied().unwrap_or(i);
        self.groups
            .iter()
            .find(|g| g.first() == Some(&first))
            .cloned()
            .unwrap_or_else(|| vec![i])
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A hash of each folded word of the article's body, in order (SipHash
/// with fixed keys: the same on every run and machine).
fn word_hashes(a: &Article) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out = Vec::new();
    let mut folded = fold::Tokens::default();
    for b in &a.body {
        fold::tokens_into(&a.text, b.start, b.end, &mut folded);
        for w in folded.text.split(' ').filter(|w| !w.is_empty()) {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            out.push(h.finish());
        }
    }
    out
}

/// The body's signature; `None` when it is shorter than one shingle.
pub fn signature(a: &Article) -> Option<Signature> {
    let word_hashes = word_hashes(a);
    if word_hashes.len() < SHINGLE {
        return None;
    }
    // Each word hashed once; a shingle's hash chains its words' in order.
    let hashes: Vec<u64> = word_hashes
        .windows(SHINGLE)
        .map(|s| s.iter().fold(0u64, |acc, &h| splitmix(acc ^ h)))
        .collect();
    // Shingle hashes are already well mixed, so each "permutation" is a
    // multiply-add with its own odd multiplier (a bijection of u64): two
    // instructions per shingle and permutation instead of a full mix.
    let mut sig = Box::new([0u16; PERMUTATIONS]);
    for (p, slot) in (0u64..).zip(sig.iter_mut()) {
        let (a, b) = (splitmix(p) | 1, splitmix(p ^ 0x9e37_79b9));
        let min = hashes
            .iter()
            .map(|&h| h.wrapping_mul(a).wrapping_add(b))
            .min()
            .expect("at least one shingle");
        *slot = (min >> 48) as u16;
    }
    Some(Signature(sig))
}

/// The estimated Jaccard similarity of two bodies: the share of
/// permutations whose minimum agrees.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let same = a.0.iter().zip(b.0.iter()).filter(|(x, y)| x == y).count();
    same as f64 / PERMUTATIONS as f64
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups the corpus into stories.
pub fn group(articles: &[Article]) -> Stories {
    use rayon::prelude::*;
    let sigs: Vec<Option<Signature>> = articles.par_iter().map(signature).collect();
    group_signatures(&sigs)
}

/// Joins the articles of one bucket whose signatures are similar enough.
fn join_similar(sigs: &[Option<Signature>], parent: &mut [usize], members: &[usize]) {
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            // Already one story (through this band or another): no need
            // to compare again.
            let (ri, rj) = (root(parent, i), root(parent, j));
            if ri == rj {
                continue;
            }
            let (Some(a), Some(b)) = (&sigs[i], &sigs[j]) else {
                continue;
            };
            if similarity(a, b) >= THRESHOLD {
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
}

/// Groups articles into stories from their signatures (`sigs[i]` is
/// article `i`'s), worked out beforehand: the reader's loader computes
/// them batch by batch, so the grouping at the end is quick.
pub fn group_signatures(sigs: &[Option<Signature>]) -> Stories {
    let rows = PERMUTATIONS / BANDS;
    let n = sigs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // One band at a time: its keys sorted, so articles sharing a key are
    // a run. A map of every band's buckets at once held a vector per
    // article and band (230 MB at 100k articles); this holds one band's
    // keys (1.6 MB).
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(n);
    for b in 0..BANDS {
        keyed.clear();
        keyed.extend(sigs.iter().zip(0u32..).filter_map(|(s, i)| {
            let band = &s.as_ref()?.0[b * rows..(b + 1) * rows];
            let key = band
                .iter()
                .fold(b as u64, |acc, &v| splitmix(acc ^ u64::from(v)));
            Some((key, i))
        }));
        keyed.sort_unstable();
        for run in keyed.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() > 1) {
            let members: Vec<usize> = run.iter().map(|&(_, i)| i as usize).collect();
            join_similar(sigs, &mut parent, &members);
        }
    }
    let mut story = Vec::with_capacity(n);

    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        by_root.entry(root(&mut parent, i)).or_default().push(i);
    }
    for i in 0..n {
        let r = root(&mut parent, i);
        story.push(by_root[&r][0]);
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    Stories { story, groups }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{parse, Draft};
    use crate::model::Format;

    fn article(path: &str, text: &str) -> Article {
        let d: Draft = parse(Format::Text, text).unwrap().drafts.remove(0);
        d.into_article(path.into(), Format::Text)
    }

    const WIRE: &str = "\
Rebels Retake Hill Above Kinsabba After Night Fighting

LATAKIA, Syria (Levant Wire) - Rebel fighters retook a hilltop above the village of Kinsabba in the Latakia countryside early on Tuesday after a night of fighting with government troops, a commander of the group told reporters.

The commander said his men had lost six fighters and that the army had pulled back to positions on the road to Salma. The government did not comment.

Residents said artillery fire on the village continued until dawn and that several families had left for the Turkish border.
";

    /// The same copy on an aggregator: another headline, a byline, curly
    /// quotes, a share bar, a source trailer and a comment thread.
    const REPOST: &str = "\
BREAKING: Hill near Kinsabba back in rebel hands

Posted by admin | Levant Daily Roundup

LATAKIA, Syria (Levant Wire) \u{2013} Rebel fighters retook a hilltop above the village of Kinsabba in the Latakia countryside early on Tuesday after a night of fighting with government troops, a commander of the group told reporters.

The commander said his men had lost six fighters and that the army had pulled back to positions on the road to Salma. The government did not comment.

Residents said artillery fire on the village continued until dawn and that several families had left for the Turkish border.

Source: Levant Wire

Share this:

4 comments

  \u{2022} abu_omar

    Six? They always say six.

  \u{2022} latakia_watch

    The road to Salma was cut last week too.
";

    /// Another story on the same village, in the same genre.
    const OTHER: &str = "\
Shelling Empties Kinsabba Market as Army Masses Near Salma

Government artillery shelled the market of Kinsabba on Saturday, killing two vendors, according to a local rescue team.

The army has brought tanks and several hundred troops to the hills east of Salma in recent days, activists said, and rebel commanders expect an assault on the village within the week.

The rescue team said most families in Kinsabba had already moved to camps near the Turkish border.
";

    #[test]
    fn a_repost_is_a_duplicate_and_another_story_is_not() {
        let arts = vec![
            article("wire.txt", WIRE),
            article("other.txt", OTHER),
            article("repost.txt", REPOST),
        ];
        let sigs: Vec<Signature> = arts.iter().map(|a| signature(a).unwrap()).collect();
        let repost = similarity(&sigs[0], &sigs[2]);
        let other = similarity(&sigs[0], &sigs[1]);
        assert!(repost >= 0.8, "repost scored {repost}");
        assert!(other < 0.1, "different story scored {other}");
        let s = group(&arts);
        assert_eq!(s.groups, vec![vec![0, 2]]);
        assert_eq!(s.story, vec![0, 1, 0]);
        assert!(s.is_first(0) && s.is_first(1) && !s.is_first(2));
        assert_eq!(s.members(2), vec![0, 2]);
        assert_eq!(s.members(1), vec![1]);
    }

    #[test]
    fn the_threshold_separates_an_edited_copy_from_a_rewrite() {
        // A copy with one paragraph cut still shares most shingles.
        let cut = WIRE.replace(
            "Residents said artillery fire on the village continued until dawn and that several families had left for the Turkish border.\n",
            "",
        );
        let a = signature(&article("a.txt", WIRE)).unwrap();
        let b = signature(&article("b.txt", &cut)).unwrap();
        assert!(similarity(&a, &b) >= THRESHOLD);
        let arts = vec![article("a.txt", WIRE), article("b.txt", &cut)];
        assert_eq!(group(&arts).groups.len(), 1);
    }

    #[test]
    fn short_or_empty_bodies_are_their_own_story() {
        let arts = vec![
            article("a.txt", "Title\n\nToo short.\n"),
            article("b.txt", "Title\n\nToo short.\n"),
        ];
        let s = group(&arts);
        assert!(s.groups.is_empty());
        assert_eq!(s.story, vec![0, 1]);
    }
}
