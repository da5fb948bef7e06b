//! Word wrapping by display width, keeping each visual line's byte range
//! in the article text so highlights, the cursor and scrolling all speak
//! byte offsets.

use unicode_width::UnicodeWidthChar;

/// Display width of a character as the reader draws it: control
/// characters become one-column glyphs.
pub fn char_width(c: char) -> usize {
    if crate::sanitize::is_unsafe(c) || c == '\t' {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Visual lines of `text` at `width` columns, as byte ranges (no newline).
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(8);
    let mut out = Vec::new();
    let mut line_start = 0;
    for logical in text.split('\n') {
        let base = line_start;
        line_start += logical.len() + 1;
        if logical.is_empty() {
            out.push((base, base));
            continue;
        }
        let mut seg_start = 0;
        let mut col = 0;
        let mut last_space: Option<usize> = None;
        // Continuation lines keep the line's indentation (comment threads).
        let hang = hanging_indent(logical, width);
        for (i, c) in logical.char_indices() {
            let w = char_width(c);
            let room = if seg_start == 0 { width } else { width - hang };
            if col + w > room && i > seg_start {
                let cut = match last_space {
                    Some(sp) if sp > seg_start => sp + 1,
                    _ => i,
                };
                out.push((base + seg_start, base + cut));
                seg_start = cut;
                col = logical[seg_start..i].chars().map(char_width).sum();
                last_space = None;
            }
            if c == ' ' {
                last_space = Some(i);
            }
            col += w;
        }
        out.push((base + seg_start, base + logical.len()));
    }
    out
}

/// The indentation a wrapped continuation of `logical` is drawn with:
/// its leading spaces, at most half the width.
pub fn hanging_indent(logical: &str, width: usize) -> usize {
    let lead = logical.len() - logical.trim_start_matches(' ').len();
    lead.min(width.max(8) / 2)
}

/// The indentation to draw before the visual line starting at `start`:
/// none for the first segment of a line, the hanging indent after.
pub fn indent_at(text: &str, start: usize, width: usize) -> usize {
    if start == 0 || text.as_bytes()[start - 1] == b'\n' {
        return 0;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
    hanging_indent(&text[line_start..line_end], width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_offsets() {
        let t = "The army advanced toward Palmyra.\n\nNext";
        let lines = wrap(t, 12);
        let parts: Vec<&str> = lines.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            parts,
            ["The army ", "advanced ", "toward ", "Palmyra.", "", "Next"]
        );
        for (a, b) in lines {
            assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
        }
    }

    #[test]
    fn continuations_keep_the_indent() {
        let t = "    a comment that goes on and on";
        let lines = wrap(t, 16);
        assert!(lines.len() > 1);
        for &(a, b) in &lines[1..] {
            let w: usize = t[a..b].chars().map(char_width).sum();
            assert!(w + indent_at(t, a, 16) <= 16, "{:?}", &t[a..b]);
            assert_eq!(indent_at(t, a, 16), 4);
        }
        assert_eq!(indent_at(t, 0, 16), 0);
    }

    #[test]
    fn wide_and_control_characters() {
        let t = "\u{1f600}\u{1f600}\u{1f600}\u{1b}[2J";
        for (a, b) in wrap(t, 8) {
            let w: usize = t[a..b].chars().map(char_width).sum();
            assert!(w <= 8);
        }
    }
}
