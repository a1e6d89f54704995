//! Bytes to text: byte-order marks, UTF-16, UTF-8, declared charsets, detected legacy
//! encodings (encoding_rs does the conversion, chardetng the guessing), NUL bytes, line endings,
//! and binary content, which is refused rather than turned into text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// A decoded document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\n` line endings and without NUL bytes or BOM.
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `windows-1252`.
    pub encoding: &'static str,
}

/// Known binary formats by their magic bytes, so the error can say what the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"RIFF", "a RIFF (audio/video/image) file"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
];

/// Share of control characters above which decoded text is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;
/// Share of U+FFFD replacement characters above which the bytes are reported undecodable.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;

/// Decode `bytes`. `charset_hint` is a charset declared outside the document (an HTTP header);
/// a charset declared inside an HTML document is looked for too. Returns the reason as an
/// error string when the bytes are not text.
pub fn decode(bytes: &[u8], charset_hint: Option<&str>) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Ok(Decoded { text: String::new(), encoding: "UTF-8" });
    }
    // 1. A byte-order mark settles it.
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..]);
    }
    // 2. UTF-16 without BOM shows as NULs in every other byte.
    if let Some(enc) = sniff_utf16(bytes) {
        return finish(enc, bytes);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(format!("binary content ({what}), not text"));
        }
    }
    // 3. Valid UTF-8 (NUL bytes aside) is UTF-8, whatever a label says: labels lie more
    //    often than the bytes do.
    let without_nul: std::borrow::Cow<[u8]> = if memchr::memchr(0, bytes).is_some() {
        std::borrow::Cow::Owned(bytes.iter().copied().filter(|&b| b != 0).collect())
    } else {
        std::borrow::Cow::Borrowed(bytes)
    };
    let nul_count = bytes.len() - without_nul.len();
    if nul_count * 10 > bytes.len() {
        return Err(format!(
            "binary content: {:.0}% NUL bytes, not text",
            100.0 * nul_count as f64 / bytes.len() as f64
        ));
    }
    if std::str::from_utf8(&without_nul).is_ok() {
        return finish(UTF_8, &without_nul);
    }
    // 3b. UTF-8 with a few broken sequences (a renderer's stray bytes, a cut multi-byte
    //     character) is still UTF-8: decoded as a legacy encoding it would turn every
    //     non-ASCII character into mojibake, where only the broken bytes need replacing.
    if mostly_utf8(&without_nul) {
        return finish(UTF_8, &without_nul);
    }
    // 4. A declared charset (outside, then inside the document), 5. else detection.
    let declared = charset_hint
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| declared_charset(&without_nul));
    let enc = match declared {
        Some(enc) if enc != UTF_8 => enc,
        _ => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(&without_nul, true);
            det.guess(None, chardetng::Utf8Detection::Deny)
        }
    };
    finish(enc, &without_nul)
}

/// Valid multi-byte UTF-8 characters must outnumber the invalid sequences this many times for
/// bytes that are not valid UTF-8 to be read as UTF-8 anyway. Text in a legacy single-byte
/// encoding almost never forms a valid multi-byte sequence (a letter such as `Ã` followed by a
/// byte of 0x80-0xBF), and each of its non-ASCII letters is an invalid one. The same share
/// applies to lines: lines with valid multi-byte characters must outnumber the lines with
/// invalid sequences this many times (a renderer's garbage is confined to a few lines, such as
/// an image's alt text in another charset; a legacy encoding's letters are on every line that
/// has one).
const UTF8_MAJORITY: usize = 4;

/// Are `bytes` UTF-8 with a few invalid sequences (see [`UTF8_MAJORITY`]), few enough for
/// their replacement characters to pass [`MAX_REPLACEMENT_SHARE`]? (When they are not, the
/// bytes go to detection as before.)
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid, mut invalid_bytes, mut chars) = (0usize, 0usize, 0usize, 0usize);
    let (mut valid_lines, mut invalid_lines) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        let (valid_before, invalid_before) = (valid, invalid);
        for chunk in line.utf8_chunks() {
            let ok = chunk.valid().as_bytes();
            // characters of two bytes or more: the bytes that lead a sequence
            valid += ok.iter().filter(|&&b| b >= 0xC0).count();
            chars += ok.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            invalid += usize::from(!chunk.invalid().is_empty());
            invalid_bytes += chunk.invalid().len();
        }
        valid_lines += usize::from(valid > valid_before);
        invalid_lines += usize::from(invalid > invalid_before);
    }
    let outnumbered = valid >= UTF8_MAJORITY * invalid || valid_lines >= UTF8_MAJORITY * invalid_lines;
    outnumbered && (invalid_bytes as f64) <= MAX_REPLACEMENT_SHARE * (chars + invalid_bytes) as f64
}

fn finish(enc: &'static Encoding, bytes: &[u8]) -> Result<Decoded, String> {
    let (cow, _) = enc.decode_without_bom_handling(bytes);
    // Counted on the UTF-8 bytes (one pass, no char decoding): characters are the bytes that
    // do not continue a sequence; C0 controls (but tab, newlines, form feed, NUL) and DEL are
    // single bytes, C1 controls are 0xC2 0x80..=0x9F, U+FFFD is EF BF BD.
    // (branch-free counts the compiler vectorises, and memchr for the two multi-byte cases)
    let b = cow.as_bytes();
    let (mut total, mut control) = (0usize, 0usize);
    for chunk in b.chunks(255) {
        // u8 counters over at most 255 bytes, non-short-circuit tests: the loop vectorises
        let (mut t, mut c) = (0u8, 0u8);
        for &x in chunk {
            t += (x & 0xC0 != 0x80) as u8;
            c += ((x < 0x20) & (x != b'\t') & (x != b'\n') & (x != b'\r') & (x != 0x0c) & (x != 0) | (x == 0x7f)) as u8;
        }
        total += t as usize;
        control += c as usize;
    }
    control += memchr::memchr_iter(0xc2, b).filter(|&i| matches!(b.get(i + 1), Some(0x80..=0x9f))).count();
    let replacement = memchr::memmem::find_iter(b, "\u{FFFD}".as_bytes()).count();
    let total = total.max(1) as f64;
    if control as f64 / total > MAX_CONTROL_SHARE {
        return Err(format!(
            "binary content: {:.0}% control characters, not text",
            100.0 * control as f64 / total
        ));
    }
    if replacement as f64 / total > MAX_REPLACEMENT_SHARE {
        return Err(format!(
            "undecodable bytes: {} of {} characters invalid as {}",
            replacement,
            total as usize,
            enc.name()
        ));
    }
    Ok(Decoded { text: normalize_newlines(&cow), encoding: enc.name() })
}

/// CRLF and lone CR become LF; NUL characters are removed.
pub fn normalize_newlines(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    // CR and NUL are single bytes that never occur inside a multi-byte character
    for i in memchr::memchr2_iter(b'\r', 0, b) {
        if i < last {
            continue;
        }
        out.push_str(&text[last..i]);
        last = i + 1;
        if b[i] == b'\r' {
            out.push('\n');
            if b.get(i + 1) == Some(&b'\n') {
                last = i + 2;
            }
        }
    }
    out.push_str(&text[last..]);
    out
}

fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 16 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for (i, &b) in bytes[..n].iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even_nul += 1
            } else {
                odd_nul += 1
            }
        }
    }
    let half = n / 2;
    // Latin text in UTF-16: the high byte of nearly every unit is 0.
    if odd_nul * 10 > half * 7 && even_nul * 10 < half {
        Some(UTF_16LE)
    } else if even_nul * 10 > half * 7 && odd_nul * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// `<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">` in the
/// first 2 KiB, as an HTML parser's prescan would find it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.')) {
            i += 1;
        }
        if i > start {
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                // A page that declares UTF-16 is not UTF-16 if we got here.
                if enc == UTF_16LE || enc == UTF_16BE {
                    return Some(UTF_8);
                }
                return Some(enc);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_normalised_and_nuls_dropped() {
        assert_eq!(normalize_newlines("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize_newlines("é\0ü\r\r\n€\r"), "éü\n\n€\n");
        assert_eq!(normalize_newlines("\r\0\n"), "\n\n");
        assert_eq!(normalize_newlines("plain"), "plain");
        // the control-character count ignores newlines and NUL, counts C0, DEL and C1
        let d = decode("line one\r\nline two\r\n".as_bytes(), None).unwrap();
        assert_eq!(d.text, "line one\nline two\n");
        assert!(decode("\u{1}\u{2}\u{3}\u{7f}\u{85}ab".as_bytes(), None).unwrap_err().contains("control characters"));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("Café crème".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Café crème");
        let mut b = b"\xef\xbb\xbf".to_vec();
        b.extend_from_slice("Café".as_bytes());
        assert_eq!(decode(&b, None).unwrap().text, "Café");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xff, 0xfe];
        for u in "Größe – ok\r\nzwei".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le, None).unwrap();
        assert_eq!(d.text, "Größe – ok\nzwei");
        assert_eq!(d.encoding, "UTF-16LE");
        let mut be = vec![];
        for u in "A plain English sentence without a BOM.".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, None).unwrap().text, "A plain English sentence without a BOM.");
    }

    #[test]
    fn cp1252_and_latin1_are_detected() {
        // "L’été à Paris coûte cher — très cher." in windows-1252 (curly quote and dash are cp1252-only)
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("L’été à Paris coûte cher — très cher, déjà en février.");
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "L’été à Paris coûte cher — très cher, déjà en février.");
        let latin1: Vec<u8> = "Ça coûte très cher à Noël, où l'on dépense beaucoup.".chars().map(|c| c as u32 as u8).collect();
        assert_eq!(decode(&latin1, None).unwrap().text, "Ça coûte très cher à Noël, où l'on dépense beaucoup.");
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        // a renderer's stray bytes in UTF-8 text: replaced, the rest kept (not read as cp1252)
        let mut bytes = "L’été à Paris — « très cher », déjà en février. ".repeat(20).into_bytes();
        bytes.extend_from_slice(b"Hadits \xfd\xbf\xbf\xbd\xa3\xac riwayat Muslim.");
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("L’été à Paris — « très cher », déjà en février."));
        assert!(d.text.ends_with("\u{FFFD} riwayat Muslim."));
        // a cut multi-byte character at the end
        let text = "Prénom et âge: né à Zürich, élève à Genève. ".repeat(4);
        let mut cut = text.trim_end().as_bytes().to_vec();
        cut.extend_from_slice(" Zü".as_bytes().split_last().unwrap().1);
        assert_eq!(decode(&cut, None).unwrap().text, format!("{} Z\u{FFFD}", text.trim_end()));
        // garbage bytes on a few lines, more invalid sequences than valid characters: the
        // lines around them are still UTF-8
        let mut bytes = Vec::new();
        for i in 0..200 {
            bytes.extend_from_slice(format!("• Line {i:03} of the list, with a bullet and nothing else.\n").as_bytes());
            if i % 20 == 0 {
                bytes.extend_from_slice(b"   \xfd\xbf\xbf\xbd\xa3\xac\n");
            }
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("• Line 000 of the list"), "{:?}", &d.text[..60]);
        assert_eq!(d.text.matches('\u{FFFD}').count(), 60);
        // ...but cp1252 text with a chance valid pair (`Ã©` is 0xC3 0xA9) is still cp1252
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Ã© n'est pas é: à côté, élève, été, où, naïf.");
        assert_eq!(decode(&bytes, None).unwrap().text, "Ã© n'est pas é: à côté, élève, été, où, naïf.");
        // and a declared legacy charset does not override mostly valid UTF-8 either
        let mut html = format!("<meta charset=\"iso-8859-1\">{}", "<p>Grüße aus Köln — schön!</p>".repeat(4)).into_bytes();
        html.push(0xff);
        assert_eq!(decode(&html, None).unwrap().encoding, "UTF-8");
        // too many broken bytes for UTF-8: detection decides, as for any non-UTF-8 bytes
        let mut bytes = "Grüße — schön".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xff; 3]);
        assert_ne!(decode(&bytes, None).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn declared_charset_is_used_when_bytes_are_not_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<meta charset=\"windows-1251\"><p>Привет, мир</p>");
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("Привет, мир"));
        assert_eq!(d.encoding, "windows-1251");
    }

    #[test]
    fn line_endings_and_nul_bytes() {
        assert_eq!(decode(b"a\r\nb\rc\nd\0e", None).unwrap().text, "a\nb\nc\nde");
        // CR at either end, CR NUL LF, CR CR LF, next to multi-byte characters
        for (raw, want) in [
            ("\r", "\n"),
            ("\r\n", "\n"),
            ("é\r", "é\n"),
            ("\r\0\nü", "\n\nü"),
            ("\r\r\n", "\n\n"),
            ("\0\0", ""),
            ("日本\r\n語\n\r", "日本\n語\n\n"),
            ("no line ending", "no line ending"),
        ] {
            assert_eq!(normalize_newlines(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        assert!(decode(png, None).unwrap_err().contains("PNG"));
        // pseudo-random bytes
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1103515245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        let err = decode(&noise, None).unwrap_err();
        assert!(err.contains("binary") || err.contains("undecodable"), "{err}");
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode(b"", None).unwrap().text, "");
    }
}
