//! Text from articles, file names and notes is hostile: control characters
//! (C0, C1, ESC and so every CSI/OSC/DCS sequence, DEL) never reach a
//! terminal. Each is replaced by one visible glyph of the same byte length
//! where possible, so byte offsets computed on the original still line up.

/// The replacement for a control character: the Unicode "control picture"
/// for C0 and DEL (U+2400 block, 3 bytes) and U+FFFD for C1 (2 bytes in
/// UTF-8 as the C1 code point itself is, so replaced by '¿'-like glyph
/// of equal width). Callers that need exact byte alignment use
/// [`replace_aligned`].
pub fn glyph(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        // Bidi overrides and isolates can reorder what the analyst sees.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// Whether a character must not be written to a terminal as is.
pub fn is_unsafe(c: char) -> bool {
    glyph(c).is_some()
}

/// A single line for a terminal: newlines and tabs become spaces, other
/// control characters visible glyphs.
pub fn line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => ' ',
            c => glyph(c).unwrap_or(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_replaced() {
        let s = line("a\x1b]0;X\x07b\x1b[2J\u{9b}c\u{202e}d");
        assert!(!s.chars().any(|c| c.is_control()));
        assert!(s.contains('\u{241b}'));
        assert!(!s.contains('\u{202e}'));
    }
}
