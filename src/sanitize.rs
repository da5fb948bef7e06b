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

/// Text of several lines for a terminal (an error message, a report):
/// newlines and tabs kept, every other control character a visible glyph.
pub fn text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c => glyph(c).unwrap_or(c),
        })
        .collect()
}

/// JSON for a terminal: serde_json escapes C0 (JSON requires it) but
/// leaves DEL, C1 and the bidi controls raw; here they are written as
/// `\uXXXX` escapes too. Outside strings JSON is ASCII, so the result is
/// the same JSON value, byte for byte what it was where nothing needed
/// escaping.
pub fn json(s: String) -> String {
    // Raw whitespace in JSON is layout (inside strings serde_json has
    // escaped it already).
    let escape = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r');
    if !s.chars().any(escape) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn json_escapes_what_serde_json_leaves_raw() {
        let v = serde_json::json!({"t": "a\u{1b}[2J\u{9b}1m\u{7f}\u{202e}b"});
        let s = json(serde_json::to_string(&v).unwrap());
        assert_eq!(s, r#"{"t":"a\u001b[2J\u009b1m\u007f\u202eb"}"#);
        // Pretty JSON keeps its layout.
        let pretty = json(serde_json::to_string_pretty(&v).unwrap());
        assert!(pretty.starts_with("{\n  \"t\""), "{pretty}");
        assert!(!pretty.chars().any(|c| c != '\n' && is_unsafe(c)));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
            v
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn text_keeps_its_lines_and_nothing_else() {
        let s = text("line one\x1b[2J\n\tline two\r\u{9b}1m\u{2066}");
        assert_eq!(
            s,
            "line one\u{241b}[2J\n\tline two\u{240d}\u{fffd}1m\u{fffd}"
        );
    }
}
