//! Text nodes glued together: a page flattened by taking the text of its elements one after
//! the other with nothing between them (BeautifulSoup's `get_text()`, lxml's `text_content()`,
//! `innerText` of a menu laid out with CSS) runs a menu's entries into one another
//! (`Contact UsWork with usAdvertisePrivacy`), and, when the page's HTML has no line breaks of
//! its own, the whole page into one line, the article's paragraphs included
//! (`… the departed souls.Senate Leader …`). A line with many such seams is cut at each of
//! them, so that paragraphs are lines of their own again, as the other renderers show them;
//! a line of a menu's entries only is known as a menu. A long line whose elements are set apart
//! only by runs of spaces (the whitespace between the page's tags) is cut at those runs, the
//! same way. Lines with a seam or two (`JavaScript`, `PlayStation`, a teaser's headline glued
//! to its snippet) and script text are left as they are.

/// Seams in a row that make a line glued text nodes ...
const RUN_SEAMS: usize = 4;
/// ... when at most this many spaces lie between the first and the last of them (menu entries
/// of a word or two, not names in a sentence: `AirPods and a MacBook at McDonald's`), and one
/// at least (an identifier in code is one word: `StaticLiveServerTestCase`).
const RUN_SPACES: usize = 6;

/// Whether the byte is a letter: an ASCII one, or a byte of a non-ASCII character (`ç`, `ã`
/// inside a word: the seams are read at ASCII letters only).
fn letter(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// A place where two text nodes were glued: (its byte offset, whether a sentence ended there).
/// A word seam is an uppercase letter starting a word of three letters or more right after a
/// lowercase letter that ends a word of two or more (`Us|Work`, `Privacy|Terms`; not `iPhone`);
/// a sentence seam is a full stop right after two lowercase letters and before such a word
/// (`souls.|Senate`).
fn seams(line: &str) -> Vec<(usize, bool)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    // (the start of the current token: hashtags, handles, URLs, paths and identifiers are
    // written in camel case on purpose, `#HoneyForHolidays`, `/NewsRoom/`)
    let mut token = 0;
    let mut skip = false;
    for i in 0..b.len().saturating_sub(2) {
        if b[i].is_ascii_whitespace() {
            token = i + 1;
            skip = false;
            continue;
        }
        if i == token {
            skip = matches!(b[i], b'#' | b'@' | b'[' | b'(' | b'<' | b'!');
        }
        if matches!(b[i], b'/' | b'\\' | b'_' | b'=' | b'#' | b'@') {
            skip = true;
        }
        if skip || i < 3 {
            continue;
        }
        if !(b[i].is_ascii_uppercase() && b[i + 1].is_ascii_lowercase() && (b[i + 2].is_ascii_lowercase() || b[i + 2] >= 0x80)) {
            continue;
        }
        if b[i - 1].is_ascii_lowercase() && letter(b[i - 2]) {
            out.push((i, false));
        } else if matches!(b[i - 1], b'.' | b'!' | b'?') && b[i - 2].is_ascii_lowercase() && b[i - 3].is_ascii_lowercase() {
            out.push((i, true));
        }
    }
    out
}

/// Where to cut a line: the word seams of its runs of [`RUN_SEAMS`] close together, and, when it
/// has such a run, its other word seams after two lowercase letters and its sentence seams;
/// none for a line of ordinary text.
fn cuts(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let all: Vec<(usize, bool)> = seams(line).into_iter().filter(|s| !near_code(b, s.0)).collect();
    let words: Vec<usize> = all.iter().filter(|s| !s.1).map(|s| s.0).collect();
    let spaces = |a: usize, z: usize| memchr::memchr_iter(b' ', &line.as_bytes()[a..z]).count();
    let mut dense = vec![false; words.len()];
    for k in 0..words.len().saturating_sub(RUN_SEAMS - 1) {
        // (within one word, camel case is a name: `StaticLiveServerTestCase` in code)
        if (1..=RUN_SPACES).contains(&spaces(words[k], words[k + RUN_SEAMS - 1])) {
            dense[k..k + RUN_SEAMS].iter_mut().for_each(|d| *d = true);
        }
    }
    if !dense.contains(&true) {
        return Vec::new();
    }
    // (in a line so glued, a headline runs into its byline as menu entries do; `McDonald`
    // is left whole)
    let long_left = |i: usize| i >= 2 && b[i - 2].is_ascii_lowercase();
    let mut out: Vec<usize> = words.iter().zip(&dense).filter(|(w, d)| **d || long_left(**w)).map(|(w, _)| *w).collect();
    out.extend(all.iter().filter(|s| s.1).map(|s| s.0));
    out.sort_unstable();
    out
}

/// A line at least this long ...
const GAPPED_LINE_BYTES: usize = 400;
/// ... with at least this many runs of two spaces or more between its words is a page's
/// elements set apart by the spaces between its tags (`Themen  Armut  Bildung  23.01.2020
/// Bundespräsident würdigte …`): it is cut at those runs.
const GAPPED_LINE_GAPS: usize = 8;

/// Where a long line of elements set apart by runs of spaces is cut ([`GAPPED_LINE_GAPS`]):
/// at the start of the word after each run; none for other lines.
fn gaps(line: &str) -> Vec<usize> {
    if line.len() < GAPPED_LINE_BYTES {
        return Vec::new();
    }
    let b = line.as_bytes();
    let text_start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let mut out = Vec::new();
    for i in memchr::memmem::find_iter(&b[text_start..], b"  ").map(|i| i + text_start) {
        // (the first two spaces of a run, after a word: the cut is where the next word starts)
        if b[i - 1] == b' ' {
            continue;
        }
        let next = i + b[i..].iter().take_while(|c| **c == b' ').count();
        if next < b.len() {
            out.push(next);
        }
    }
    if out.len() < GAPPED_LINE_GAPS {
        out.clear();
    }
    out
}

/// A glued line whose pieces all have at most this many words is a menu's entries: it is
/// known as a menu, and not cut into lines of their own.
const ENTRY_WORDS: usize = 6;

/// Bytes on either side of a seam looked at for marks of code ...
const CODE_REACH: usize = 40;
/// ... of which this many make the seam one in script or style text, written in camel case
/// on purpose (`getElementById`): it is not cut.
const CODE_NEAR: usize = 2;

/// Marks of script, style and data text in `b`: `{ } = ;` each alone (rules drawn with `=====`
/// are no code), and a quote before a colon or a comma (`"key":"value",`).
pub fn code_marks(b: &[u8]) -> usize {
    // (the marks found by memchr: most text has none)
    let alone = |i: usize| (i == 0 || b[i - 1] != b[i]) && b.get(i + 1) != Some(&b[i]);
    let braces = memchr::memchr3_iter(b'{', b'}', b'=', b).filter(|&i| alone(i)).count();
    let others = memchr::memchr2_iter(b';', b'"', b).filter(|&i| if b[i] == b';' { alone(i) } else { matches!(b.get(i + 1), Some(b':' | b',')) }).count();
    braces + others
}

fn near_code(b: &[u8], i: usize) -> bool {
    code_marks(&b[i.saturating_sub(CODE_REACH)..(i + CODE_REACH).min(b.len())]) >= CODE_NEAR
}

/// The text with every line of glued text nodes ([`cuts`]) cut into its nodes, and the lines
/// of glued menu entries, left whole; `None` when no line is glued. (Only lines holding [`RUN_SEAMS`] places where a lowercase letter meets an
/// uppercase one are looked at: the text is scanned for those once.)
pub fn unglue(text: &str) -> Option<Unglued> {
    let b = text.as_bytes();
    // the lines to look at: those with enough places where a lowercase letter meets an
    // uppercase one, and long lines (whose elements may be set apart by runs of spaces)
    // (start, end, whether to look for seams)
    let mut lines: Vec<(usize, usize, bool)> = Vec::new();
    let places = candidates(b);
    let mut k = 0;
    while k < places.len() {
        let p = places[k];
        let start = memchr::memrchr(b'\n', &b[..p]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |i| p + i);
        let n = places[k..].iter().take_while(|&&q| q < end).count();
        k += n;
        if n >= RUN_SEAMS {
            lines.push((start, end, true));
        }
    }
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        if end - start >= GAPPED_LINE_BYTES {
            lines.push((start, end, false));
        }
        start = end + 1;
    }
    // (a line listed both ways once, looked at for both)
    lines.sort_unstable();
    lines.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        kept.2 |= same && next.2;
        same
    });
    let mut glued: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (start, end, seamy) in lines {
        let line = text[start..end].strip_suffix('\r').unwrap_or(&text[start..end]);
        let mut at = if seamy { cuts(line) } else { Vec::new() };
        at.extend(gaps(line));
        at.sort_unstable();
        at.dedup();
        if !at.is_empty() {
            glued.push((start, start + line.len(), at));
        }
    }
    if glued.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 1024);
    let mut menus = Vec::new();
    let mut copied = 0;
    // (the number of the line being written)
    let mut line_no = 0;
    for (start, end, at) in glued {
        out.push_str(&text[copied..start]);
        line_no += memchr::memchr_iter(b'\n', &b[copied..start]).count();
        let line = &text[start..end];
        // a menu's entries only: the line is left as it is, and known as a menu (its width
        // may be the one the renderer wrapped the page at)
        let bounds: Vec<usize> = std::iter::once(0).chain(at.iter().copied()).chain(std::iter::once(line.len())).collect();
        if bounds.windows(2).all(|w| line[w[0]..w[1]].split_whitespace().nth(ENTRY_WORDS).is_none()) {
            menus.push((line_no, bounds.len() - 1));
            out.push_str(line);
        } else {
            for w in bounds.windows(2) {
                if w[0] > 0 {
                    out.push('\n');
                }
                out.push_str(if w[1] < line.len() { line[w[0]..w[1]].trim_end() } else { &line[w[0]..] });
            }
            line_no += at.len();
        }
        copied = end;
    }
    out.push_str(&text[copied..]);
    Some(Unglued { text: out, menus })
}

/// A text whose glued lines were cut ([`unglue`]).
pub struct Unglued {
    pub text: String,
    /// The lines (by index in `text`) that are a menu's entries glued together, with the number
    /// of entries.
    pub menus: Vec<(usize, usize)>,
}

/// Where a lowercase ASCII letter is followed by an uppercase one (the uppercase letter's
/// offset): the places the word seams of a glued line need (most lines have none), found
/// eight bytes at a time.
fn candidates(b: &[u8]) -> Vec<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each byte of `x` in `lo..=hi` (ASCII bytes only)
    let within = |x: u64, lo: u8, hi: u8| {
        let t = x | HIGH;
        (t.wrapping_sub(ONES * u64::from(lo)) & !t.wrapping_sub(ONES * u64::from(hi + 1)) & !x) & HIGH
    };
    let mut out = Vec::new();
    let mut carry = 0u64;
    let mut chunks = b.chunks_exact(8);
    for (j, c) in (&mut chunks).enumerate() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let lower = within(x, b'a', b'z');
        let mut pairs = (lower << 8 | carry) & within(x, b'A', b'Z');
        carry = lower >> 56;
        while pairs != 0 {
            out.push(j * 8 + pairs.trailing_zeros() as usize / 8);
            pairs &= pairs - 1;
        }
    }
    let base = b.len() - chunks.remainder().len();
    let mut prev = carry != 0;
    for (i, &c) in chunks.remainder().iter().enumerate() {
        if prev && c.is_ascii_uppercase() {
            out.push(base + i);
        }
        prev = c.is_ascii_lowercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_menu_glued_into_one_line_is_known_as_a_menu() {
        let got = unglue("Home\nContact UsWork with usAdvertiseBrand StudioYour Ad ChoicesPrivacyTerms of Service\nThe end.").unwrap();
        assert_eq!(got.menus, [(1, 7)]);
        let got = got.text;
        assert_eq!(got.lines().collect::<Vec<_>>(), ["Home", "Contact UsWork with usAdvertiseBrand StudioYour Ad ChoicesPrivacyTerms of Service", "The end."]);
    }

    #[test]
    fn paragraphs_glued_with_the_menu_are_lines_again() {
        let line = "Home PageWorld NewsLocal SportWeather TodayThe council voted on Tuesday to reopen the library.Repairs will start in spring and last a year.";
        let got = unglue(line).unwrap();
        assert!(got.menus.is_empty());
        let got = got.text;
        assert_eq!(
            got.lines().collect::<Vec<_>>(),
            ["Home Page", "World News", "Local Sport", "Weather Today", "The council voted on Tuesday to reopen the library.", "Repairs will start in spring and last a year."]
        );
    }

    #[test]
    fn names_written_in_camel_case_are_no_seams() {
        // brand names, a headline glued to its snippet once, initials
        for line in [
            "She bought an iPhone, AirPods and a MacBook at McDonald's, then posted on YouTube and LinkedIn.",
            "Learn JavaScript, PowerPoint and PlayStation tricks with our WhatsApp group in the U.S. and the U.K. this year.",
            "Storm closes schoolsHeavy snow fell overnight across the region, closing roads.",
        ] {
            assert!(unglue(line).is_none(), "{line}");
        }
    }

    #[test]
    fn identifiers_in_code_are_no_glued_text() {
        for line in ["from django.contrib.staticfiles.testing import StaticLiveServerTestCase", "class QunitTests(StaticLiveServerTestCase):", "#HoneyForHolidays #DonVictorHoney #PearJamRecipe #canning"] {
            assert!(unglue(line).is_none(), "{line}");
        }
    }

    #[test]
    fn script_lines_are_not_cut() {
        let line = "var nav = document.getElementById('menu'); nav.addEventListener('click', toggleMenu); window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-1234'); setTimeout(initLazyLoad, 200); document.body.classList.add('hasJavaScript'); initCookieBanner(); showNewsletterPopup();";
        assert!(unglue(line).is_none());
    }

    #[test]
    fn candidates_counts_lowercase_then_uppercase() {
        let slow = |b: &[u8]| (1..b.len()).filter(|&i| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase()).collect::<Vec<_>>();
        for text in ["", "aB", "abcdefgHijklmnoPqrstuvWxyz", "HomeNewsSport WeatherToday", "ÀéÉaBçÇ zZ\u{e9}A", "12345678aB", "abcdefgh", "abcdefgHIJKLMNOp", "aaaaaaaaBaaaaaaaaB"] {
            assert_eq!(candidates(text.as_bytes()), slow(text.as_bytes()), "{text:?}");
        }
        // every split across an eight-byte boundary
        for k in 0..20 {
            let t = format!("{}xY{}", "-".repeat(k), "-".repeat(7));
            assert_eq!(candidates(t.as_bytes()), vec![k + 1], "{t:?}");
        }
    }

    #[test]
    fn a_long_line_of_elements_set_apart_by_spaces_is_cut() {
        let menu = ["Home", "Topics", "Poverty", "Education", "Democracy", "Europe", "Peace", "Funding", "Youth work", "About us", "Imprint"];
        let paragraph = "The president thanked the young volunteers of the youth associations for their work, and our chair asked him to press the government for more support.";
        let line = format!("{}    23.01.2020    {paragraph}   {paragraph}", menu.join("  "));
        let got = unglue(&line).unwrap();
        let mut want: Vec<&str> = menu.to_vec();
        want.extend(["23.01.2020", paragraph, paragraph]);
        assert_eq!(got.text.lines().collect::<Vec<_>>(), want);
        // a row of a table laid out in columns is no such line
        assert!(unglue("Police                     110      Fire brigade      112      Ambulance      116 117").is_none());
    }

    #[test]
    fn lines_keep_their_order_and_endings() {
        let text = "First line\r\nHome PageWorld NewsLocal SportWeather TodayContact Us\r\nLast line";
        let got = unglue(text).unwrap();
        assert_eq!(got.text, text);
        assert_eq!(got.menus, [(1, 5)]);
        let text = "First line\nHome PageWorld NewsLocal SportWeather TodayThe council voted on Tuesday to reopen the library in the spring.\r\nLast line";
        let got = unglue(text).unwrap();
        assert_eq!(got.text, "First line\nHome Page\nWorld News\nLocal Sport\nWeather Today\nThe council voted on Tuesday to reopen the library in the spring.\r\nLast line");
    }
}
