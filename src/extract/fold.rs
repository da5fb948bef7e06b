//! Folding text to a matching key: lowercase, Latin diacritics stripped,
//! punctuation (hyphens, apostrophes, dots) to spaces, whitespace collapsed,
//! and a standalone or hyphen-joined Arabic article dropped ("al-Mayadin",
//! "Deir ez-Zor", "Deir Az Zor" fold to "mayadin", "deir zor"). The folded
//! text keeps a map back to byte offsets in the original, so a match found in
//! folded text is reported at its place in the article.

use unicode_normalization::char::decompose_canonical;

/// Arabic articles dropped wherever they stand alone.
const ARTICLES_ALWAYS: &[&str] = &["al", "el", "az", "ez", "ash", "adh", "ath"];
/// Articles dropped only when hyphen-joined to the next word ("as-Sukhnah"),
/// since standing alone they are English words.
const ARTICLES_HYPHENED: &[&str] = &["ad", "ar", "as", "at", "an", "ed", "er", "es", "et"];

#[derive(Debug, Default, Clone)]
pub struct Folded {
    /// The folded text: tokens separated by single spaces, with a leading
    /// and trailing space so every token is bounded by spaces.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original where the
    /// character it came from starts.
    starts: Vec<u32>,
    /// For each byte of `text`, where that original character ends.
    ends: Vec<u32>,
}

impl Folded {
    /// Original byte range of the folded range `[s, e)`.
    pub fn original(&self, s: usize, e: usize) -> (usize, usize) {
        (self.starts[s] as usize, self.ends[e - 1] as usize)
    }
}

/// Folds one alphanumeric character: ASCII lowercased, Latin letters
/// stripped of diacritics, other scripts lowercased as they are.
fn fold_char(c: char, out: &mut impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    let mut base = None;
    if ('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c) {
        decompose_canonical(c, |d| {
            if base.is_none() {
                base = Some(d);
            }
        });
    }
    match base.unwrap_or(c) {
        'ß' => {
            out('s');
            out('s');
        }
        'ı' => out('i'),
        b => b.to_lowercase().for_each(&mut *out),
    }
}

/// Folds `text[range]`, mapping back into `text`.
pub fn fold_span(text: &str, start: usize, end: usize) -> Folded {
    let mut f = Folded {
        text: String::with_capacity(end - start + 2),
        starts: Vec::with_capacity(end - start + 2),
        ends: Vec::with_capacity(end - start + 2),
    };
    // Tokens are built one at a time so articles can be dropped.
    let mut token = String::new();
    let mut token_starts: Vec<u32> = Vec::new();
    let mut token_ends: Vec<u32> = Vec::new();
    // Tokens are separated by two spaces, and the text starts with one, so
    // a padded pattern " tok " can match two adjacent tokens in turn.
    let push_space = |f: &mut Folded, at: usize, n: usize| {
        for _ in 0..n {
            f.text.push(' ');
            f.starts.push(at as u32);
            f.ends.push(at as u32);
        }
    };
    push_space(&mut f, start, 1);
    let flush = |f: &mut Folded,
                 token: &mut String,
                 ts: &mut Vec<u32>,
                 te: &mut Vec<u32>,
                 next: Option<char>| {
        if token.is_empty() {
            return;
        }
        let hyphened = matches!(next, Some('-' | '‐' | '‑' | '–'));
        let drop = ARTICLES_ALWAYS.contains(&token.as_str())
            || (hyphened && ARTICLES_HYPHENED.contains(&token.as_str()));
        if !drop {
            f.text.push_str(token);
            f.starts.extend_from_slice(ts);
            f.ends.extend_from_slice(te);
            let at = *te.last().unwrap_or(&0) as usize;
            push_space(f, at, 2);
        }
        token.clear();
        ts.clear();
        te.clear();
    };
    for (i, c) in text[start..end].char_indices() {
        let cs = start + i;
        let ce = cs + c.len_utf8();
        if c.is_alphanumeric() {
            fold_char(c, &mut |o| {
                let mut buf = [0u8; 4];
                let s = o.encode_utf8(&mut buf);
                token.push_str(s);
                for _ in 0..s.len() {
                    token_starts.push(cs as u32);
                    token_ends.push(ce as u32);
                }
            });
        } else if !matches!(c, 'ʿ' | 'ʾ' | 'ʻ') {
            flush(
                &mut f,
                &mut token,
                &mut token_starts,
                &mut token_ends,
                Some(c),
            );
        }
    }
    flush(&mut f, &mut token, &mut token_starts, &mut token_ends, None);
    f
}

/// The folded key of a name or alias: "deir zor".
pub fn key(s: &str) -> String {
    let f = fold_span(s, 0, s.len());
    f.text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_meet() {
        assert_eq!(key("Deir ez-Zor"), "deir zor");
        assert_eq!(key("Deir al-Zor"), "deir zor");
        assert_eq!(key("Deir Az Zor"), "deir zor");
        assert_eq!(key("al-Mayadin"), "mayadin");
        assert_eq!(key("Al Mayadin"), "mayadin");
        assert_eq!(key("Al-Bukāmal"), "bukamal");
        assert_eq!(key("as-Sukhnah"), "sukhnah");
        assert_eq!(key("as far as"), "as far as");
        assert_eq!(key("Syria’s army"), "syria s army");
        assert_eq!(key("U.S. forces"), "u s forces");
        assert_eq!(key("US-led coalition"), "us led coalition");
    }

    #[test]
    fn offsets_map_back() {
        let t = "Near al-Mayādīn, the SAA’s 5th Legion";
        let f = fold_span(t, 0, t.len());
        let s = f.text.find("mayadin").unwrap();
        let (a, b) = f.original(s, s + "mayadin".len());
        assert_eq!(&t[a..b], "Mayādīn");
        let s = f.text.find("saa").unwrap();
        let (a, b) = f.original(s, s + 3);
        assert_eq!(&t[a..b], "SAA");
    }
}
