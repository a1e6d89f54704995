//! The types that move between stages: [`RawDoc`] (bytes and provenance, out of `read`) and
//! [`Article`] (everything a row holds, into `table`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

/// The format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    TextDump,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::TextDump => "text_dump",
            Format::Html => "html",
        }
    }
}

/// One input document as read, before decoding.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    /// Where it came from: a path, `archive.zip!member`, `file.jsonl#L12`.
    pub source: String,
    /// The URL given by the input record, if any.
    pub url: Option<String>,
    /// The `id` given by the input record, if any.
    pub input_id: Option<String>,
    /// Other fields of the input record, as a JSON object string.
    pub extra: Option<String>,
    /// The document's bytes (empty when `error` is set).
    pub bytes: Vec<u8>,
    /// The format suggested by the container (file extension, JSONL field), if any.
    pub format_hint: Option<Format>,
    /// A charset declared outside the bytes (an HTTP header), if any.
    pub charset_hint: Option<String>,
    /// True when the bytes are already known to be UTF-8 text (a JSONL string field).
    pub is_text: bool,
    /// Why this document could not be read; it still becomes a row.
    pub error: Option<String>,
}

impl RawDoc {
    pub fn failed(source: String, error: impl Into<String>) -> Self {
        RawDoc { source, error: Some(error.into()), ..RawDoc::default() }
    }
}

/// The kind of a paragraph of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

impl ParagraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Paragraph => "paragraph",
            ParagraphKind::Heading => "heading",
            ParagraphKind::ListItem => "list_item",
            ParagraphKind::Quote => "quote",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub kind: ParagraphKind,
}

impl Paragraph {
    pub fn new(text: impl Into<String>, kind: ParagraphKind) -> Self {
        Paragraph { text: text.into(), kind }
    }
}

/// An embedded tweet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Tweet {
    /// The tweet's text, without its trailing links to itself (t.co / pic.twitter.com).
    pub text: String,
    /// Every link of the tweet, as full https URLs.
    pub links: Vec<String>,
    /// `#tags`, in order, without duplicates.
    pub hashtags: Vec<String>,
    /// `@handles`, in order, without duplicates.
    pub mentions: Vec<String>,
    pub author_name: Option<String>,
    /// The author's handle, without `@`.
    pub handle: Option<String>,
    /// The tweet's day.
    pub published: Option<NaiveDate>,
    /// The date exactly as written.
    pub published_text: Option<String>,
    pub status_id: Option<String>,
    pub url: Option<String>,
    /// 0-based index of the paragraph right before the tweet (-1 before the first).
    pub after_paragraph: i32,
    /// The tweet's language as the embed markup gives it (HTML only).
    pub lang: Option<String>,
}

/// Everything one row holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    pub doc_id: String,
    pub source: String,
    pub url: Option<String>,
    pub input_id: Option<String>,
    pub format: Option<Format>,
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<DateTime<Utc>>,
    pub published_date: Option<NaiveDate>,
    pub published_text: Option<String>,
    /// Where the publication date came from: `jsonld`, `meta`, `time`, `text` or `url`.
    pub published_source: Option<&'static str>,
    pub language: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub tweets: Vec<Tweet>,
    pub extra: Option<String>,
    pub error: Option<String>,
}

impl Article {
    /// The body: paragraphs joined by a blank line.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.paragraphs.iter().map(|p| p.text.len() + 2).sum());
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&p.text);
        }
        out
    }
}

/// Bitmaps of the Basic Multilingual Plane: bit `c` of `ALNUM` is `char::is_alphanumeric(c)`,
/// of `ALPHA` `char::is_alphabetic(c)`. The standard library answers non-ASCII characters with a
/// search in its Unicode tables; every line of every dump asks about every character, so the
/// answers for the first 65,536 code points are read off at build time (`build.rs`, 16 KiB)
/// and looked up.
const TABLE_CHARS: u32 = 0x1_0000;

include!(concat!(env!("OUT_DIR"), "/char_tables.rs"));

/// `class(c)`, read off `bits` for characters of the BMP (`bits` holds `class` there).
#[inline]
fn in_bitmap(bits: &[u64], c: char, class: fn(char) -> bool) -> bool {
    let u = c as u32;
    if u < TABLE_CHARS {
        bits[(u / 64) as usize] & (1 << (u % 64)) != 0
    } else {
        class(c)
    }
}

/// `c.is_alphanumeric()`, with a table lookup for non-ASCII characters of the BMP.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_bitmap(&ALNUM, c, char::is_alphanumeric)
    }
}

/// `c.is_alphabetic()`, with a table lookup for non-ASCII characters of the BMP.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_bitmap(&ALPHA, c, char::is_alphabetic)
    }
}

/// `text.to_lowercase()`, quicker: ASCII text by the ASCII conversion, other text with the
/// build-time table of single-character mappings (`LOWER`). The standard library's only
/// context-dependent mapping (a final capital sigma) is left to it.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // a run of ASCII characters at once, then one other character
        let run = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if run > 0 {
            let start = out.len();
            out.push_str(&rest[..run]);
            out[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        let u = c as u32;
        if let Some(l) = (u < 0x1_0000).then(|| LOWER[u as usize]).filter(|&l| l != 0).and_then(|l| char::from_u32(u32::from(l))) {
            out.push(l);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Words of a text: runs of alphanumeric characters (so "l'avoir" is two words and
/// "2016" one). Used for `word_count` and by the cleaning signals.
pub fn word_count(text: &str) -> usize {
    word_count_up_to(text, usize::MAX)
}

/// [`word_count`], counting no further than `cap`: `min(word_count(text), cap)` (for a
/// count compared with numbers below `cap` only; long lines stop early).
pub fn word_count_up_to(text: &str, cap: usize) -> usize {
    // ASCII: counted without decoding, 64 bytes at a time (a pass without branches), until
    // the cap
    if text.is_ascii() {
        let word = |c: u8| c.is_ascii_alphanumeric();
        let b = text.as_bytes();
        let mut n = 0;
        let mut before = false;
        for chunk in b.chunks(64) {
            for &c in chunk {
                let w = word(c);
                n += usize::from(w & !before);
                before = w;
            }
            if n >= cap {
                return cap;
            }
        }
        return n;
    }
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = is_alphanumeric(c);
        if w && !in_word {
            n += 1;
            if n == cap {
                return n;
            }
        }
        in_word = w;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_joins_paragraphs_with_blank_lines() {
        let a = Article {
            paragraphs: vec![
                Paragraph::new("One.", ParagraphKind::Paragraph),
                Paragraph::new("Two.", ParagraphKind::Quote),
            ],
            ..Article::default()
        };
        assert_eq!(a.text(), "One.\n\nTwo.");
    }

    #[test]
    fn char_tables_agree_with_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for t in ["Already lower", "ÉTÉ À PARIS", "İstanbul ΟΔΟΣ Σ", "Straße ǅ ẞ", "東京 Tokyo", "", "ΣΑΣ σας", "МОСКВА 𐐀"] {
            assert_eq!(lowercase(t), t.to_lowercase(), "{t:?}");
        }
        let all: String = (0x80..0x3_0000).filter_map(char::from_u32).filter(|&c| c != 'Σ').collect();
        assert_eq!(lowercase(&all), all.to_lowercase());
        // ASCII runs (converted at once) between other characters
        let mixed: String = (0x80..0x3_0000).filter_map(char::from_u32).filter(|&c| c != 'Σ').step_by(7).map(|c| format!("Ab{c}cD ")).collect();
        assert_eq!(lowercase(&mixed), mixed.to_lowercase());
    }

    #[test]
    fn word_count_up_to_is_word_count_capped() {
        for s in ["", "a", "  a b  ", "Jane Doe, 19.11.2019 08:57", "É à l'été — 東京 2019", "x_y-z", "BY\u{a0}ÉLODIE MARTIN", "١٢ abc"] {
            for cap in [1, 2, 3, 21, usize::MAX] {
                assert_eq!(word_count_up_to(s, cap), word_count(s).min(cap), "{s:?} {cap}");
            }
        }
    }

    #[test]
    fn word_count_counts_alphanumeric_runs() {
        assert_eq!(word_count("Après l'avoir fait, 7 juillet 2016 — ok"), 8);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("東京"), 1);
    }
}
