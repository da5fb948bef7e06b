//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with or without BOM, or the
//! legacy encoding chardetng detects; CRLF and lone CR normalised to LF.
//! Binary and empty input is refused with a reason a person can read.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0})")]
    Binary(&'static str),
}

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// How much of the file the binary sniffing looks at.
const SNIFF_LEN: usize = 64 * 1024;

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(kind) = magic(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => match utf16_without_bom(bytes) {
            Some(enc) => (enc, bytes),
            None => {
                if looks_binary(bytes) {
                    return Err(DecodeError::Binary("control bytes"));
                }
                if std::str::from_utf8(bytes).is_ok() {
                    (UTF_8, bytes)
                } else {
                    let mut det =
                        chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                    det.feed(bytes, true);
                    (det.guess(None, chardetng::Utf8Detection::Deny), bytes)
                }
            }
        },
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = normalize_newlines(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Well-known binary signatures, named so the skip line says what it was.
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1f\x8b", "gzip data"),
        (b"\x7fELF", "ELF executable"),
        (b"RIFF", "RIFF media"),
        (b"\x00\x00\x00", "binary data"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, name)| *name)
}

/// Text in UTF-16 without a BOM has a NUL in every other byte (for the
/// ASCII range that dominates news text).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A NUL, or more than 10% control bytes other than whitespace and ESC,
/// in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_crlf_normalised() {
        let d = decode(b"\xef\xbb\xbfTitle\r\n\r\nBody\rline").unwrap();
        assert_eq!(d.text, "Title\n\nBody\nline");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("The army\u{2019}s \u{201c}advance\u{201d} near Homs \u{2013} caf\u{e9} d\u{e9}j\u{e0} vu, and more text so the detector has something to read.");
        let d = decode(&bytes).unwrap();
        assert!(
            d.text.contains("army\u{2019}s \u{201c}advance\u{201d}"),
            "{}",
            d.text
        );
    }

    #[test]
    fn windows_1256_arabic_is_detected() {
        let src = "\u{0642}\u{0627}\u{0644}\u{062a} \u{0648}\u{0643}\u{0627}\u{0644}\u{0629} \u{0633}\u{0627}\u{0646}\u{0627} \u{0625}\u{0646} \u{0627}\u{0644}\u{062c}\u{064a}\u{0634} \u{062a}\u{0642}\u{062f}\u{0645} \u{0641}\u{064a} \u{0631}\u{064a}\u{0641} \u{062f}\u{064a}\u{0631} \u{0627}\u{0644}\u{0632}\u{0648}\u{0631} \u{0627}\u{0644}\u{063a}\u{0631}\u{0628}\u{064a}";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(src);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, src);
    }

    #[test]
    fn utf16_without_bom_is_read() {
        let mut bytes = Vec::new();
        for u in "Siege of Mariupol".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "Siege of Mariupol");
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(DecodeError::Binary("PNG image"))
        );
        assert!(matches!(
            decode(b"abc\0def\x01\x02\x03"),
            Err(DecodeError::Binary(_))
        ));
    }
}
