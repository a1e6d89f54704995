//! Metadata of text dumps: datelines, bylines, section and site name, from the lines the
//! cleaner found around the title.

use std::sync::LazyLock;

use regex::Regex;
use std::borrow::Cow;

use super::dates::find_date;
use crate::clean::{rules, Label, LineDecision, TextExtraction};
use crate::model::{is_alphanumeric, lowercase, word_count, word_count_up_to, Article};

/// Words that introduce the author in a byline, per language.
const BYLINE_PREFIXES: &[&str] = &["by", "par", "von", "por", "di", "door", "de", "da", "av", "af", "przez", "от"];
/// Byline prefixes that are also common prepositions (`of`, `from`).
const AMBIGUOUS_BYLINE_PREFIXES: &[&str] = &["de", "da", "di", "av", "af", "от"];
/// Words that join two author names.
const NAME_JOINERS: &[&str] = &["and", "et", "und", "y", "e", "en", "och", "og", "i", "&"];
/// Words that say a date is an update, not the publication.
pub const UPDATE_WORDS: &[&str] =
    &["updated", "update", "mis à jour", "mise à jour", "aktualisiert", "actualizado", "aggiornato", "atualizado", "bijgewerkt", "modified", "modifié"];
/// Relative dates: no absolute day can be read from them.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+|an?|one)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|\bil y a \d+\s+(?:minutes?|heures?|jours?)\b|\bvor \d+\s+(?:minuten|stunden?|tagen?)\b|\bhace \d+\s+(?:minutos?|horas?|días?)\b")
        .unwrap()
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?:^|\s|\|)(?:{})\s+(?P<names>\p{{Lu}}.*)$", BYLINE_PREFIXES.join("|"))).unwrap()
});

/// The [`BYLINE`] match in `text`, if any. The pattern is searched for only in a text where a
/// byline prefix stands as a word of its own (see [`may_have_byline_prefix`]): its match runs
/// to the end of the text, which makes the regex engine read every line it is given whole,
/// backwards, while few lines have such a word.
fn byline_match(text: &str) -> Option<regex::Match<'_>> {
    may_have_byline_prefix(text).then(|| BYLINE.find(text)).flatten()
}

/// Whether [`BYLINE`] matches `text` from its start (`By Jane Doe`, `|Von Anna Berger`).
fn byline_at_start(text: &str) -> bool {
    may_start_with_byline_prefix(text) && byline_match(text).is_some_and(|m| m.start() == 0)
}

/// Whether `text` may start the way a [`BYLINE`] match from its start does: with a word of
/// [`BYLINE_PREFIXES`] followed by a space, at the start or after one first space or bar (a
/// match is the leftmost one: it starts at 0 only if one can). Only the first word is read.
fn may_start_with_byline_prefix(text: &str) -> bool {
    let prefix_first = |s: &str| {
        let b = s.as_bytes();
        let Some(end) = (0..b.len()).find(|&i| whitespace_len(b, i) > 0) else { return false };
        end > 0 && may_start(&BYLINE_FIRST_LETTERS, b[0]) && is_byline_prefix(&s[..end])
    };
    prefix_first(text)
        || text.chars().next().is_some_and(|c| (c.is_whitespace() || c == '|') && prefix_first(&text[c.len_utf8()..]))
}

/// Whether a word of [`BYLINE_PREFIXES`] stands in `text` the way [`BYLINE`] wants it: at the
/// start or after a space or a bar, and followed by a space (Unicode spaces, as `\s`). The
/// pattern matches the words in any case: an ASCII letter of a prefix is matched as itself in
/// either case (Unicode folds no other character to these letters, only to `k` and `s`, which
/// no prefix has), any other letter as any non-ASCII character. So no text the pattern
/// matches is left out.
fn may_have_byline_prefix(text: &str) -> bool {
    let b = text.as_bytes();
    // where the current word starts: after the start, a space or a bar
    let mut word = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // (most bytes: ASCII letters, digits and punctuation)
        if c > b' ' && c < 0x80 {
            i += 1;
            if c == b'|' {
                word = i;
            }
            continue;
        }
        let space = whitespace_len(b, i);
        if space == 0 {
            i += 1;
            continue;
        }
        // (the first byte first: most words start with another)
        if word < i && may_start(&BYLINE_FIRST_LETTERS, b[word]) && is_byline_prefix(&text[word..i]) {
            return true;
        }
        i += space;
        word = i;
    }
    false
}

/// The ASCII letters the words of `words` start with, in either case (a word starting with
/// another character marks none: a prefilter on this table lets every non-ASCII byte through).
fn first_letters(words: &[&str]) -> [bool; 128] {
    let mut t = [false; 128];
    for c in words.iter().filter_map(|w| w.as_bytes().first()).filter(|c| c.is_ascii()) {
        t[usize::from(c.to_ascii_lowercase())] = true;
        t[usize::from(c.to_ascii_uppercase())] = true;
    }
    t
}

/// Whether a word starting with byte `c` may be one of the words of `table` ([`first_letters`]).
fn may_start(table: &[bool; 128], c: u8) -> bool {
    c >= 0x80 || table[usize::from(c)]
}

/// The first letters of [`BYLINE_PREFIXES`] (see [`may_have_byline_prefix`]).
static BYLINE_FIRST_LETTERS: LazyLock<[bool; 128]> = LazyLock::new(|| first_letters(BYLINE_PREFIXES));

/// `word` may be one of [`BYLINE_PREFIXES`] in another case (see [`may_have_byline_prefix`]).
fn is_byline_prefix(word: &str) -> bool {
    if word.is_ascii() {
        // (the lengths first: most words have another)
        return BYLINE_PREFIXES.iter().any(|p| p.len() == word.len() && p.as_bytes().eq_ignore_ascii_case(word.as_bytes()));
    }
    // (a character takes four bytes at most)
    word.len() <= 4 * *LONGEST_BYLINE_PREFIX && BYLINE_PREFIXES.iter().any(|p| {
        word.chars().count() == p.chars().count()
            && word.chars().zip(p.chars()).all(|(w, p)| if p.is_ascii() { w.eq_ignore_ascii_case(&p) } else { !w.is_ascii() })
    })
}

/// The number of characters of the longest of [`BYLINE_PREFIXES`].
static LONGEST_BYLINE_PREFIX: LazyLock<usize> = LazyLock::new(|| BYLINE_PREFIXES.iter().map(|p| p.chars().count()).max().unwrap_or(0));

/// The length in bytes of the whitespace character (`char::is_whitespace`, the `\s` of the
/// patterns) at byte `i` of `b`, 0 if there is none.
fn whitespace_len(b: &[u8], i: usize) -> usize {
    let next = |k: usize| b.get(i + k).copied();
    match b[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 if matches!(next(1), Some(0x85 | 0xA0)) => 2,
        0xE1 if next(1) == Some(0x9A) && next(2) == Some(0x80) => 3,
        0xE2 => match (next(1), next(2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) => 3,
            (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 if next(1) == Some(0x80) && next(2) == Some(0x80) => 3,
        _ => 0,
    }
}
static JOINER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = NAME_JOINERS.iter().map(|j| regex::escape(j)).collect();
    Regex::new(&format!(r"(?i)\s*,\s*|\s+(?:{})\s+", words.join("|"))).unwrap()
});
/// Words of job titles and credits, which are not names (`AP Auto Writer`, `Senior Editor`).
const JOB_WORDS: &[&str] = &[
    "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "journalist", "staff",
    "producer", "photographer", "analyst", "director", "chief", "senior", "associate", "contributing",
    "rédacteur", "rédactrice", "journaliste", "correspondant", "correspondante", "envoyé", "envoyée", "spécial",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "corresponsal",
    "redactor", "redactora", "periodista", "redattore", "giornalista", "inviato", "jornalista", "repórter",
    "updated", "published", "photo", "photos", "video", "follow", "email", "twitter", "view", "more",
];
/// Whether a (lowercase) word is one of [`JOB_WORDS`] (looked up in a set of them).
fn is_job_word(w: &str) -> bool {
    static SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| JOB_WORDS.iter().copied().collect());
    SET.contains(w)
}
/// A clock time (`5:30PM`, `10h32`), a dateline without a day.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b\d{1,2}[:h]\d{2}\s*(?:[ap]\.?m\.?)?(?:\b|$)").unwrap());
/// A sentence ending inside a line, followed by another sentence.
static SENTENCE_BREAK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Ll}[.!?] \p{Lu}\p{Ll}+ \p{Ll}").unwrap());

/// Whether a text may hold a [`SENTENCE_BREAK`]: a full stop, `!` or `?` followed by a space
/// (most headlines have none and skip the pattern).
fn has_sentence_end(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
}

static HTML_ENTITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});").unwrap());
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+@\S+\.\w+").unwrap());

/// A line that gives a date (absolute or relative) and little else.
pub fn is_dateline(text: &str) -> bool {
    word_count(text) <= 20 && (find_date(text).is_some() || is_relative(text))
}

/// The `names` part of a [`BYLINE`] match: what follows the opening word and its spaces, to
/// the end of the text. Read off the match rather than by capture groups, which cost the
/// regex crate a backtracking pass over the rest of the line.
fn byline_names(text: &str) -> Option<&str> {
    let found = byline_match(text)?;
    let m = found.as_str();
    // the separator before the word (start of text, a space or a bar)
    let m = match m.chars().next() {
        Some(c) if c.is_whitespace() || c == '|' => &m[c.len_utf8()..],
        _ => m,
    };
    // the word has no space in it; the names start with a letter, after all the spaces
    let end_of_word = m.find(char::is_whitespace)?;
    // `de`, `da`, `di`... are prepositions first (`Notícias da Fórmula 1`, `Mensagens de
    // Autoestima`): inside a line they introduce names only after a date or a separator
    if AMBIGUOUS_BYLINE_PREFIXES.contains(&lowercase(&m[..end_of_word]).as_str()) {
        let before = text[..found.start()].trim_end();
        if !before.is_empty() && !before.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '|' | '-' | '–' | '—' | '·' | '•' | ',' | ':')) {
            return None;
        }
    }
    Some(m[end_of_word..].trim_start())
}

/// Whether a line may hold a [`RELATIVE`] date: each form has one of these words, which
/// no case-insensitive match of the pattern spells otherwise.
fn may_be_relative(text: &str) -> bool {
    static HINT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["ago", "il y a ", "vor ", "hace "]).expect("relative-date words")
    });
    HINT.is_match(text)
}

fn is_relative(text: &str) -> bool {
    may_be_relative(text) && RELATIVE.is_match(text)
}

/// The authors named by a byline (`By Jane Doe and John Roe`, `27.03.2017 par La Rédaction`).
pub fn byline_authors(text: &str) -> Option<Vec<String>> {
    // (the byline's opening word first: most lines have none, and are not counted)
    let names = byline_names(text)?;
    if word_count(text) > 20 {
        return None;
    }
    let mut names = names.to_string();
    // cut at a date or a separator that ends the byline
    if let Some(d) = find_date(&names) {
        names.truncate(d.start);
    }
    for sep in ["|", " - ", " – ", " — ", "•", "·"] {
        if let Some(p) = names.find(sep) {
            names.truncate(p);
        }
    }
    // a publication or update word ends the names (`By Jane Doe Updated …`, `Anna Berger
    // publiziert am …`), and so does a handle glued to the name (`Jane Doe@janedoe`)
    names.truncate(header_word_at(&names).unwrap_or(names.len()));
    if let Some(at) = names.find('@').filter(|&at| at > 0 && !names[..at].ends_with(' ') && !EMAIL.is_match(&names)) {
        names.truncate(at);
    }
    // the day name before the date (`… and Malcolm Owen Monday, November 18, 2019`)
    let kept = crate::meta::dates::strip_weekday_tail(&names).len();
    names.truncate(kept);
    // (an address has an `@`: most bylines have none and skip the pattern)
    let names = if names.contains('@') { EMAIL.replace_all(&names, "") } else { std::borrow::Cow::Borrowed(names.as_str()) };
    let mut out: Vec<String> = Vec::new();
    for part in JOINER.split(&names) {
        let p = part.trim().trim_matches(|c: char| !is_alphanumeric(c) && c != '.').trim();
        if p.is_empty() {
            continue;
        }
        let wc = word_count(p);
        // names start with a capital; job titles ("senior editor") do not; no digits
        if wc == 0 || wc > 5 || !p.chars().next().is_some_and(char::is_uppercase) || p.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if p.split(|c: char| !is_alphanumeric(c)).any(|w| is_job_word(&lowercase(w))) {
            continue;
        }
        if !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Where a publication or update word ([`PUBLISHED_WORDS`], [`UPDATE_WORDS`]) starts a word
/// of `text` after its first, if one does.
fn header_word_at(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|&(i, c)| i > 0 && c.is_alphabetic() && text[..i].ends_with(' '))
        .map(|(i, _)| i)
        .find(|&i| starts_with_header_word(&text[i..]))
}

/// Words that a line of names never holds: the words around a byline that are no names
/// (besides the job words, [`JOB_WORDS`], and the organisation words of the markup's rule).
const NOT_NAME_WORDS: &[&str] = &["share", "articles", "the", "comments", "image"];

/// A byline without `By`, close to the title: names with a date, a clock time or a
/// relative time before or after them (`Jane Holloway - Nov 19, 2019`, `2019-11-20 17:27
/// Marco De Luca`), with a handle after them (`Peter Lindqvist @plindqvist`), with a job
/// after a comma (`Tom Fairweather, AP Auto Writer`), or alone on a line next to a dateline
/// or a handle (`dated_neighbour`). What is left must read as two or three capitalised names.
fn unprefixed_byline(text: &str, dated_neighbour: bool) -> Option<Vec<String>> {
    if word_count(text) > 14 || starts_with_header_word(text) {
        return None;
    }
    let mut rest = text.trim().to_string();
    let mut told = false;
    if let Some(d) = find_date(&rest) {
        // the names before the date, or after it (with the clock time that follows it)
        let (before, after) = (rest[..d.start].trim(), rest[d.end..].trim());
        let after = CLOCK.find(after).filter(|m| m.start() == 0).map_or(after, |m| after[m.end()..].trim());
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':').trim();
        rest = if word_count(before) >= 2 { before.to_string() } else { after.to_string() };
        told = true;
    }
    if let Some(m) = RELATIVE_SHORT.find(&rest) {
        rest.truncate(m.start());
        told = true;
    }
    // a handle after the names, glued or not, in parentheses or not
    if let Some(at) = rest.find('@') {
        rest.truncate(at);
        told = true;
    }
    let rest = rest.trim().trim_end_matches(['-', '–', '—', '|', '/', ',', '(', '·', '•']).trim();
    // (what follows a comma is a job, an employer or credentials: `Jane Doe, Business Insider`)
    // (and an organisation after the comma makes the line a dateline: `New Delhi, News Nation
    // Bureau`)
    let name = match rest.split_once(',') {
        Some((_, tail)) if crate::meta::html::names_an_organisation(tail) => return None,
        Some((name, _)) => {
            told |= name_with_job(rest);
            name.trim()
        }
        None => rest,
    };
    // (a line in capitals alone is a heading more often than a name)
    let shouted = !told && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !(told || dated_neighbour)
        || shouted
        || !(2..=3).contains(&word_count(name))
        || !name_like(name)
        || name.contains('/')
        || crate::meta::html::names_an_organisation(name)
        || crate::clean::rules::chrome_rule(name, word_count(name)).is_some()
    {
        return None;
    }
    if name.split(|c: char| !is_alphanumeric(c)).any(|w| {
        let w = lowercase(w);
        is_job_word(&w) || NOT_NAME_WORDS.contains(&w.as_str()) || crate::meta::dates::is_day_name(&w)
    }) {
        return None;
    }
    byline_authors(&format!("By {name}"))
}

/// A relative time as bylines give it, with or without `ago` (`/ 2 days`, `3 hours ago`).
static RELATIVE_SHORT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)[/|·•-]?\s*\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\b(?:\s+ago)?").unwrap());

/// How many lines below the title a byline without `By` is looked for.
const UNPREFIXED_BYLINE_REACH: usize = 6;

/// Words that say a date is the publication date.
const PUBLISHED_WORDS: &[&str] = &[
    "published", "posted", "publié", "publiée", "publie", "veröffentlicht", "publiziert", "erschienen", "publicado",
    "publicada", "pubblicato", "pubblicata", "gepubliceerd", "diterbitkan", "date:",
];
/// Whether a text starts with one of [`PUBLISHED_WORDS`] or [`UPDATE_WORDS`], case aside.
fn starts_with_header_word(text: &str) -> bool {
    // (only the first characters are lowercased: as many as the longest word has; the words
    // have no sigma, the one letter whose lowercase depends on what follows)
    static LONGEST: LazyLock<usize> = LazyLock::new(|| PUBLISHED_WORDS.iter().chain(UPDATE_WORDS).map(|w| w.chars().count()).max().unwrap_or(0));
    let head = match text.char_indices().nth(*LONGEST) {
        Some((end, _)) => lowercase(&text[..end]),
        None => lowercase(text),
    };
    PUBLISHED_WORDS.iter().chain(UPDATE_WORDS).any(|w| head.starts_with(w))
}

/// The first letters of [`UPDATE_WORDS`] and [`PUBLISHED_WORDS`] (see [`first_letters`]).
static HEADER_WORD_FIRST_LETTERS: LazyLock<[bool; 128]> =
    LazyLock::new(|| first_letters(&UPDATE_WORDS.iter().chain(PUBLISHED_WORDS).copied().collect::<Vec<_>>()));

/// Byline prefixes that may stand alone on their line, the names following on the next line.
const LONE_BYLINE_WORDS: &[&str] = &["by", "par", "von", "por", "di", "door", "de", "da", "av", "af", "written by", "texte", "text"];

/// Words that start (or phrases inside) share buttons, captions and navigation, never a headline.
const NOT_HEADLINE_START: &[&str] = &[
    "share", "email", "e-mail", "print", "click", "browse", "subscribe", "follow", "sign", "log", "read", "watch",
    "listen", "advertisement", "image", "photo", "caption", "credit", "zurück", "retour", "volver",
    "tweet", "whatsapp", "facebook", "twitter", "pinterest", "linkedin", "reddit", "instagram", "youtube",
];
/// Words that start menu entries, but also headlines (`Home Depot sales miss`): they reject
/// short lines only.
const NOT_SHORT_HEADLINE_START: &[&str] =
    &["related", "comment", "comments", "download", "menu", "search", "home", "back", "next", "previous", "more", "blog", "save"];
/// Section labels: a short line with them is no headline (`Breaking news`), a long one may be
/// (`BREAKING NEWS: Chelsea sign ...`).
const SECTION_LABEL_PHRASES: &[&str] = &["breaking news", "latest news", "most popular", "most read", "trending"];
const NOT_HEADLINE_PHRASES: &[&str] = &[
    "sharing options", "short url", "email this", "this on ", "chevron", "cookies", "javascript", "external links",
    "new window", "all rights reserved", "your browser", "continue reading", "work with us", "flag of", "caption", "submitted photo", "detected you",
];
/// [`SECTION_LABEL_PHRASES`], searched for all at once (in the lowercase text).
static SECTION_LABEL_PHRASE_SET: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(SECTION_LABEL_PHRASES).expect("section labels"));
/// [`NOT_HEADLINE_PHRASES`], searched for all at once (in the lowercase text).
static NOT_HEADLINE_PHRASE_SET: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| aho_corasick::AhoCorasick::new(NOT_HEADLINE_PHRASES).expect("headline phrases"));

/// Latest day accepted for a publication date: dates in the future of the run are teasers of
/// events, never the article's own day (one day of slack for time zones).
pub fn latest_day() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::days(1)).date_naive()
}

fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(s, &mut out);
    out
}

/// [`collapse`] `s` at the end of `out`: its words with one space between them.
fn collapse_into(s: &str, out: &mut String) {
    // (most lines start and end with a printable ASCII character: nothing to trim)
    let b = s.as_bytes();
    let printable = |c: Option<&u8>| c.is_some_and(|&c| c > b' ' && c < 0x80);
    let t = if printable(b.first()) && printable(b.last()) { s } else { s.trim() };
    // most lines have single spaces between their words already: copied whole
    if !has_whitespace_run(t) {
        out.push_str(t);
        return;
    }
    for (k, w) in t.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// Whether a trimmed text has whitespace other than single spaces between its words: a
/// space after a space, ASCII control whitespace, or non-ASCII whitespace (U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, whose UTF-8 lead bytes
/// are 0xC2 and 0xE1–0xE3).
fn has_whitespace_run(t: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let b = t.as_bytes();
    let mut after_space = false;
    // one byte: a space after a space, or the first byte of other whitespace
    let byte = |k: usize, after_space: &mut bool| -> bool {
        let c = b[k];
        if c == b' ' {
            return std::mem::replace(after_space, true);
        }
        *after_space = false;
        // (only these bytes start whitespace: see whitespace_len)
        matches!(c, b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3) && whitespace_len(b, k) > 0
    };
    // eight bytes at a time: eight bytes of printable ASCII and spaces (most of a line) are
    // read at once, with the spaces in them; other ones byte by byte
    let mut chunks = b.chunks_exact(8);
    let mut i = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // (a byte from 0x80, or one below the space: exactly when these are not zero)
        if x & HIGH != 0 || x.wrapping_sub(ONES * u64::from(b' ')) & !x & HIGH != 0 {
            if (i..i + 8).any(|k| byte(k, &mut after_space)) {
                return true;
            }
        } else {
            // the high bit of each byte that is a space (no carry crosses a byte)
            let v = x ^ (ONES * u64::from(b' '));
            let spaces = !(((v & !HIGH) + !HIGH) | v) & HIGH;
            // (byte k + 1 moved onto byte k; the first byte after the last of the chunk before)
            if spaces & (spaces >> 8) != 0 || (after_space && spaces & 0x80 != 0) {
                return true;
            }
            after_space = spaces >> 63 != 0;
        }
        i += 8;
    }
    (i..b.len()).any(|k| byte(k, &mut after_space))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// `Anna Moneymaker/The New York Times`, `Jane Doe / Reuters`: a photographer and an agency.
static PHOTO_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3} ?/ ?(?:\p{Lu}[\p{L}.'-]*(?: |$)){1,5}$").unwrap());

/// A whole sentence in quotation marks (a pull quote or a quoted claim): `"That's it."`.
fn is_quotation(t: &str) -> bool {
    let open = ['"', '“', '„', '«', '\''];
    let close = ['"', '”', '“', '»', '\''];
    t.starts_with(open) && t.ends_with(close) && {
        let inner = t.trim_end_matches(close);
        inner.ends_with(['.', '!', '?', '…']) && word_count(t) >= 4
    }
}

/// `t.contains("http") || t.contains("www.")`, in one pass over the places of `h` and `w`.
fn has_web_address(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(b'h', b'w', b).any(|i| b[i..].starts_with(b"http") || b[i..].starts_with(b"www."))
}

/// Does this text read like a headline? `None` when it does, else why not.
pub fn headline_rejection(text: &str) -> Option<&'static str> {
    headline_rejection_counted(text, word_count, is_chrome)
}

/// Whether [`rules::chrome_rule`] finds a text of `words` words to be chrome.
fn is_chrome(text: &str, words: usize) -> bool {
    rules::chrome_rule(text, words).is_some()
}

/// [`headline_rejection`], the text's [`word_count`] given by `count` (asked only for a text
/// of 220 characters or fewer).
/// ([`is_chrome`] of the trimmed text and its count is asked of `chrome`, which the chooser
/// answers once a line.)
fn headline_rejection_counted(text: &str, count: impl FnOnce(&str) -> usize, chrome: impl FnOnce(&str, usize) -> bool) -> Option<&'static str> {
    let t = text.trim();
    // more than 220 characters (more than 880 bytes is, for sure), in one pass with the
    // count of CJK characters
    if t.len() > 4 * 220 {
        return Some("too long");
    }
    let (mut chars, mut cjk) = (0, 0);
    // (an ASCII text has as many characters as bytes, and no CJK one)
    if t.is_ascii() {
        chars = t.len();
    } else {
        for c in t.chars() {
            chars += 1;
            cjk += usize::from(is_cjk(c));
        }
    }
    if chars > 220 {
        return Some("too long");
    }
    let words = count(t);
    if words < 2 && cjk < 6 {
        return Some("too short");
    }
    if words > 35 && cjk == 0 {
        return Some("too long");
    }
    if t.ends_with("..") || t.ends_with('…') {
        return Some("cut short (a teaser)");
    }
    if (t.ends_with(['.', ',', ':', ';']) && cjk == 0) || t.ends_with(['。', '，']) {
        return Some(SOFT_REJECTION);
    }
    // `[Series name] Headline` is a headline; `[image]` or `(c) ...` is not
    let bracketed_prefix = t.starts_with('[') && t.find(']').is_some_and(|e| word_count(&t[e + 1..]) >= 3 && !t[e + 1..].contains('['));
    if (t.starts_with(['[', '(', '©', '@', '#']) && !bracketed_prefix) || has_web_address(t) || t.contains('|') {
        return Some("link, image or navigation");
    }
    if rules::strip_bullet(text).is_some() {
        return Some("list item");
    }
    if chrome(t, words) {
        return Some("chrome");
    }
    // (one search for a byline prefix: byline_authors finds none without one)
    let byline = byline_match(t);
    // (the characters the date tests need: see Marks)
    let m = Marks::of(t);
    if (byline.is_some() && byline_authors(t).is_some()) || (m.may_be_relative(t) && is_relative(t)) || byline.is_some_and(|m| m.start() == 0) {
        return Some("byline or dateline");
    }
    if m.digit && find_date(t).is_some_and(|d| (d.end - d.start) * 3 > t.len() || words <= 12) {
        return Some("dateline");
    }
    let lower = lowercase(t);
    let first = lower.split(|c: char| !is_alphanumeric(c) && c != '-').find(|w| !w.is_empty()).unwrap_or("");
    if let Some((_, after)) = t.split_once(',') {
        // `Jane Doe, Senior Writer` (not `Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos`)
        if words <= 10 && word_count(after) <= 4 && after.split(|c: char| !is_alphanumeric(c)).any(|w| is_job_word(&lowercase(w))) {
            return Some("a name with a job title");
        }
    }
    // (the tests of ` / ` below need a slash)
    let slash = t.contains('/');
    if let Some((_, credit)) = slash.then(|| t.rsplit_once(" / ")).flatten() {
        // `... in Braunau am Inn, Austria.Leonhard Foeger / Reuters file`
        let cw: Vec<&str> = credit.split_whitespace().collect();
        if (1..=3).contains(&cw.len()) && cw.iter().all(|w| w.starts_with(char::is_uppercase) || *w == "file") && words > 8 {
            return Some("caption with a photo credit");
        }
    }
    let slash_crumb = slash && (t.matches(" / ").count() >= 2 || (t.contains(" / ") && t.split(" / ").all(|seg| word_count(seg) <= 2)));
    if (t.contains('>') && t.contains(" > ")) || (t.contains('»') && t.contains(" » ")) || slash_crumb && words <= 8 {
        return Some("breadcrumb");
    }
    if words <= 5 && lower.split(|c: char| !is_alphanumeric(c)).any(is_job_word) {
        return Some("a name with a job title");
    }
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let paren = &lower[open..];
            if paren.contains('/') || paren.contains("credit") || paren.contains("photo") || paren.contains(".com") || paren.contains("getty") {
                return Some("caption with a photo credit");
            }
        }
    }
    // a wire slug (`BC-EU--Britain-Brexit-Election, 1st Ld-Writethru`)
    if t.contains('-') && t.contains("--") && t.split_whitespace().any(|w| w.split_once("--").is_some_and(|(a, b)| a.ends_with(is_alphanumeric) && b.starts_with(is_alphanumeric))) {
        return Some("a wire slug");
    }
    if t.contains('[') && t.split_whitespace().filter(|w| w.starts_with('[')).count() >= 2 {
        return Some("image alts or buttons");
    }
    if is_quotation(t) {
        return Some("a quotation");
    }
    if t.contains('/') && PHOTO_CREDIT.is_match(t) {
        return Some("photo credit");
    }
    // (the whitespace-separated words and the numeric ones, counted in one pass)
    let (mut spaced, mut numeric) = (0, 0);
    for w in t.split_whitespace() {
        spaced += 1;
        numeric += usize::from(w.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation()));
    }
    if numeric * 5 > spaced * 2 {
        return Some("mostly numbers (a table row)");
    }
    if lower.as_bytes().first().is_some_and(|&c| may_start(&HEADER_WORD_FIRST_LETTERS, c)) && UPDATE_WORDS.iter().chain(PUBLISHED_WORDS).any(|w| lower.starts_with(w)) {
        return Some("dateline");
    }
    if NOT_HEADLINE_START.contains(&first) || (words <= 5 && NOT_SHORT_HEADLINE_START.contains(&first)) || NOT_HEADLINE_PHRASE_SET.is_match(&lower) || t.contains('_')
        || (words <= 5 && SECTION_LABEL_PHRASE_SET.is_match(&lower))
    {
        return Some("share button, caption or navigation");
    }
    // a number may start a headline (`10 things to know`, `2018 Boys State Results`), but
    // not a sentence cut by a line break (`4 million people ... said.`)
    let cut_number = t.split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.')) && w.contains([',', '.']))
        && t.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_lowercase));
    if (t.starts_with(char::is_lowercase) || cut_number) && cjk == 0 {
        return Some("starts like the middle of a sentence");
    }
    if words < 5 && cjk == 0 && !t.chars().any(|c| c.is_lowercase()) {
        return Some("short all-caps label");
    }
    // (the capitalised words counted only for a line long enough to be asked about)
    if words > 14 && t.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())) {
        return Some("run of capitalised menu words");
    }
    None
}

/// The one reason of [`headline_rejection`] the chooser may overrule (a headline in title case
/// right above its dateline may end with a full stop).
const SOFT_REJECTION: &str = "ends like a sentence";

/// How the cleaner's reason for a photo caption or credit starts (`clean::rules`).
const CAPTION_REASON: &str = "photo caption";

/// The title chosen for a dump, with the decisions (line indices) it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleChoice {
    pub text: String,
    pub lines: Vec<usize>,
    pub reason: String,
    /// A site name read from a copy of the title with a suffix (`Title | Site`).
    pub site_suffix: Option<String>,
}

/// A title candidate: score, the day of its dateline, text, lines, reasons.
/// (The reasons are kept as they come, and joined for the chosen headline only.)
type Scored = (f64, Option<chrono::NaiveDate>, String, Vec<usize>, Vec<Cow<'static, str>>);

/// How many blocks above the first body line a title is looked for.
const TITLE_WINDOW: usize = 45;
/// Farther up, a title is taken only right above its byline or dateline (the cleaner may have
/// started the body too late, below a gallery or a list of teasers).
const FAR_TITLE_WINDOW: usize = 160;

/// Choose the title of a dump among the headline-like lines above the article's first
/// paragraph: close to the body, followed by a byline or dateline, repeated elsewhere in the
/// page (a window title, a breadcrumb, a share text), and not navigation or a caption.
pub fn choose_title(decisions: &[LineDecision]) -> Option<TitleChoice> {
    choose_title_at(decisions, &non_blank(decisions), wrap_width(decisions))
}

/// [`choose_title`] for a dump hard-wrapped at `width` (measured once by the caller).
/// (`nb`: the positions of the lines with text, [`non_blank`])
fn choose_title_at(decisions: &[LineDecision], nb: &[usize], width: Option<usize>) -> Option<TitleChoice> {
    // is line i cut by the renderer's wrapping (continued on line i + 1)?
    let memo = LineMemo::new(decisions, nb, width);
    let wrapped = |i: usize| memo.wrapped(i);
    // the content words of the first body lines, lowercased into one buffer (the set holds
    // slices of it)
    let mut body_lower = String::new();
    let mut spans = Vec::new();
    for d in decisions.iter().filter(|d| d.label == Label::Body).take(12) {
        // (an ASCII line is lowercased whole: its content words are those of its lowercase
        // copy, at the same places)
        if d.text.is_ascii() {
            let base = body_lower.len();
            body_lower.push_str(&d.text);
            body_lower[base..].make_ascii_lowercase();
            let line = &body_lower[base..];
            spans.extend(content_slices(line).map(|w| {
                let at = base + (w.as_ptr() as usize - line.as_ptr() as usize);
                at..at + w.len()
            }));
            continue;
        }
        for w in content_slices(&d.text) {
            let start = body_lower.len();
            push_lowercase(w, &mut body_lower);
            spans.push(start..body_lower.len());
        }
    }
    let body_words: rustc_hash::FxHashSet<&str> = spans.into_iter().map(|r| &body_lower[r]).collect();
    let anchor = nb.iter().position(|&i| decisions[i].label == Label::Body).unwrap_or(nb.len());
    let lo = anchor.saturating_sub(FAR_TITLE_WINDOW);
    // the line above non-blank position p, whole when the renderer wrapped it: (its first
    // position, its text)
    // (a single line's verdict is memoised; a wrapped one is read whole)
    let headline_above = |r: usize, p: usize, t: &str| if r + 1 == p { memo.headline_like(r) } else { headline_rejection(t).is_none() };
    let logical_line_above = |p: usize| -> Option<(usize, String)> {
        let mut r = p.checked_sub(1)?;
        let mut t = memo.collapsed(r).to_string();
        while r > 0 && p - r < 3 && nb[r - 1] + 1 == nb[r] && wrapped(nb[r - 1]) {
            r -= 1;
            t = format!("{} {t}", memo.collapsed(r));
        }
        Some((r, t))
    };
    let mut scored: Vec<Scored> = Vec::new();
    let mut lower_word = String::new();
    // the first body line too: the cleaner may have taken the headline for a paragraph
    for p in lo..(anchor + 1).min(nb.len()) {
        let i = nb[p];
        let d = &decisions[i];
        let first_of_body = p == anchor && d.label == Label::Body && d.paragraph.is_some();
        if (!first_of_body && matches!(d.label, Label::Body)) || d.label == Label::Tweet || (i > 0 && wrapped(i - 1)) {
            continue;
        }
        // the line, and the line with the next ones when the renderer wrapped a headline over
        // two or three lines: the candidates are the lines at positions p..start
        let mut ends = 1;
        while ends < 3 && p + ends < nb.len() {
            let (last, j) = (nb[p + ends - 1], nb[p + ends]);
            if j != last + 1 || !wrapped(last) || (decisions[j].label == Label::Body) != first_of_body {
                break;
            }
            ends += 1;
        }
        for start in p + 1..=p + ends {
            let lines = &nb[p..start];
            // (a single line is read in the page, a wrapped headline joined)
            let text: std::borrow::Cow<str> =
                if start == p + 1 { memo.collapsed(p).into() } else { (p..start).map(|q| memo.collapsed(q)).collect::<Vec<_>>().join(" ").into() };
            let dist = anchor.saturating_sub(p);
            let words: usize = (p..start).map(|q| memo.words(q)).sum();
            // (the tests that need no header first: they reject most lines)
            if wrapped(*lines.last().unwrap()) {
                continue;
            }
            // a first paragraph is a headline only when it is short, and all of it
            if first_of_body && (words > 20
                || nb.get(start).is_some_and(|&j| decisions[j].paragraph.is_some() && decisions[j].paragraph == d.paragraph))
            {
                continue;
            }
            // far above the body, only a headline right above its byline or dateline (looked
            // at first: most lines there are not)
            // (a cheap test first: without a byline or dateline in the next ten lines there
            // is no header, and the search for it, with its decks and copies, is skipped)
            // (before it, a line of one word: the first tests of headline_rejection reject it
            // at once, and for good, as the test below would; both only skip the candidate)
            if dist > TITLE_WINDOW && lines.len() == 1 && memo.words(p) < 2 && memo.rejection(p).is_some_and(|r| r != SOFT_REJECTION) {
                continue;
            }
            if dist > TITLE_WINDOW && !(start..(start + HEADER_LINES).min(nb.len())).any(|q| memo.kind(q) != (false, false)) {
                continue;
            }
            // a headline in title case may end with a full stop when the dateline follows
            let rejection = if lines.len() == 1 { memo.rejection(p) } else { headline_rejection_counted(&text, |_| words, is_chrome) };
            let soft_rejection = match rejection {
                None => None,
                Some(r @ SOFT_REJECTION) if title_case(&text) && headline_rejection(text.trim_end_matches(['.', ',', ':', ';'])).is_none() => Some(r),
                Some(_) => continue,
            };
            // a breadcrumb that ends with the headline on the next line (`HomeNewsHeadline`)
            if start < nb.len() {
                let nt = memo.collapsed(start);
                if memo.words(start) >= 4 && nt.len() < text.len() && text.ends_with(nt) {
                    continue;
                }
            }
            let header = header_after(&memo, start, &text, words);
            if dist > TITLE_WINDOW && header.as_ref().is_none_or(|h| h.gap > 1 || h.teaser_list) {
                continue;
            }
            let mut score = -0.02 * dist as f64;
            let mut why: Vec<Cow<'static, str>> = vec![format!("{dist} lines above the first paragraph").into()];
            let copies = memo.copies(&text);
            if copies >= 2 && text.chars().count() >= 12 && (copies == 2 || words > 4) {
                // a short line repeated is as often a brand or a menu entry
                score += if words <= 3 { 0.5 } else { 1.5 };
                why.push("repeated elsewhere in the page".into());
            }
            // the article's header (byline, dateline) right below the headline: the closer,
            // the surer; a headline in a list of teasers with dates is followed by another one
            if let Some(h) = &header {
                let bonus = match h.gap {
                    0 => 3.0,
                    1 => 2.4,
                    2 => 1.6,
                    _ => 0.8,
                } + if h.byline && h.date { 0.5 } else { 0.0 };
                score += bonus;
                why.push(format!("followed by a {} ({} lines between)", h.what(), h.gap).into());
                // ...or comes after one: a headline and its date right above
                let teaser_above = !h.teaser_list && h.gap == 0 && h.date_first && !h.byline && {
                    let mut r = p;
                    let mut seen = 0;
                    let mut found = false;
                    while r > 1 && seen < 3 && !found {
                        r -= 1;
                        if memo.noise(r) {
                            continue;
                        }
                        seen += 1;
                        found = memo.kind(r) == (false, true) && {
                            let mut u = r - 1;
                            while u > 0 && memo.noise(u) {
                                u -= 1;
                            }
                            memo.headline_like(u) && memo.words(u) >= 3
                        };
                    }
                    found
                };
                if h.teaser_list || teaser_above {
                    score -= 2.5;
                    why.push("in a list of headlines with dates (teasers)".into());
                }
            }
            // a short line right above a headline with its dateline is a label or a brand
            // (the words read only for a line of four or five words)
            let all_caps_words = || text.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            if (words <= 3 || (words <= 5 && all_caps_words())) && header.as_ref().is_some_and(|h| h.gap == 1) {
                if let Some(r) = (p + lines.len()..nb.len()).find(|&r| !memo.noise(r)) {
                    let nw = memo.words(r);
                    if nw > words && (words <= 3 || nw >= 2 * words) && nw <= 25 && memo.headline_like(r) {
                        score -= 1.0;
                        why.push("a short label above a headline".into());
                    }
                }
            }
            // some sites put the dateline above the headline (`Published 1 day ago`)
            let mut q = p;
            while q > 0 && p - q < 3 && memo.noise(q - 1) {
                q -= 1;
            }
            // (not the subtitle of a longer headline right above that dateline)
            let longer_headline_above = q > 1 && memo.headline_like(q - 2)
                && memo.collapsed(q - 2).chars().count() > text.chars().count();
            if q > 0 && header.as_ref().is_none_or(|h| h.gap > 0) && memo.kind(q - 1).1 && !longer_headline_above {
                score += 0.8;
                why.push("right below a dateline".into());
            }
            if let Some(r) = soft_rejection {
                if header.as_ref().is_none_or(|h| h.gap > 0) {
                    continue;
                }
                score -= 0.5;
                why.push(format!("{r}, but right above the dateline").into());
            }
            // (the header first: name_like makes a list of words)
            if header.as_ref().is_some_and(|h| h.gap == 0 && h.date_first) && p > 0 && name_like(&text)
                && memo.headline_like(p - 1)
            {
                score -= 2.5;
                why.push("a name between a headline and a dateline (a byline)".into());
            }
            if (4..=25).contains(&words) || text.chars().filter(|c| is_cjk(*c)).count() >= 8 {
                score += 1.0;
            } else if words < 3 {
                // two words make a headline only rarely: a section, a name or a menu entry
                // (unless right above its dateline, next to the body: `About bugs`)
                if copies < 2 && !(dist <= 4 && header.as_ref().is_some_and(|h| h.gap == 0 && h.date)) {
                    continue;
                }
                score -= 2.0;
            }
            // (the content words lowercased one by one into a buffer, none kept)
            let (mut content, mut shared) = (0, 0);
            if !body_words.is_empty() {
                for w in content_slices(&text) {
                    lower_word.clear();
                    push_lowercase(w, &mut lower_word);
                    content += 1;
                    shared += usize::from(body_words.contains(lower_word.as_str()));
                }
            }
            if content > 0 {
                let shared = shared as f64 / content as f64;
                // one shared word (a brand name the body repeats) says less than several
                score += 3.0 * shared * (content.min(3) as f64 / 3.0);
            }
            score += 0.1 * words.min(10) as f64;
            if let Some(&next) = nb.get(start) {
                if memo.words(start) > words && decisions[next].label != Label::Title {
                    score += 0.5;
                    why.push("followed by a longer line (standfirst or lead)".into());
                }
            }
            // the second of two stacked headline-like lines is a standfirst, not the title
            if p > 0 && nb[p - 1] + 1 == i && memo.headline_like(p - 1)
                && !memo.collapsed(p - 1).contains(&*text)
                && memo.words(p - 1) >= 4 && !(nb[p - 1] > 0 && wrapped(nb[p - 1] - 1))
            {
                score -= 1.0;
                why.push("right below another headline-like line".into());
            } else if let Some((r, prev)) = logical_line_above(p) {
                // a standfirst (deck) below its headline, blank lines (or a one-word label:
                // `Editorial`) between
                let (prev, headline_above) = if headline_above(r, p, &prev) {
                    (Some(prev), true)
                } else if word_count(&prev) <= 2 && !memo.noise(r) {
                    (logical_line_above(r).filter(|(r2, t)| word_count(t) >= 6 && headline_above(*r2, r, t)).map(|(_, t)| t), false)
                } else {
                    (None, false)
                };
                if let Some(prev) = prev {
                    let pw = word_count(&prev);
                    if is_deck(pw, words) {
                        score -= 1.5;
                        why.push("a standfirst below a shorter headline".into());
                    } else if headline_above && pw >= 6 && words >= 6 && words * 5 <= pw * 4 && is_short_standfirst(&prev, &text) {
                        score -= 1.0;
                        why.push("a standfirst (shorter) below its headline".into());
                    }
                }
            }
            if has_sentence_end(&text) && SENTENCE_BREAK.is_match(&text) {
                score -= 1.5;
                why.push("two sentences (a standfirst?)".into());
            }
            // `Are Here &mdash; And`: a copy from the markup (a meta tag, a share text), not the
            // headline as the page displays it
            if text.contains('&') && HTML_ENTITY.is_match(&text) {
                score -= 1.0;
                why.push("an HTML entity left in (a copy from the markup)".into());
            }
            let day = header.as_ref().and_then(|h| h.day);
            scored.push((score, day, text.into_owned(), lines.to_vec(), why));
        }
    }
    // the latest dateline among the headlines (see dateline_age)
    let latest = scored.iter().filter_map(|c| c.1).max();
    let dated = scored.iter().filter(|c| c.1.is_some()).count();
    // A second spelling of a headline a few lines below it (a video's or a share text's title,
    // a shorter or longer wording) is not the page's headline: the first one is.
    let words: Vec<usize> = scored.iter().map(|c| word_count(&c.2)).collect();
    // (the words of each headline long enough to have another wording, folded once)
    // (folded when first compared: most headlines are too far apart, or of too different
    // lengths, to be compared; is_variant_folded tells the lengths apart first too)
    let folded: Vec<std::cell::OnceCell<Vec<String>>> = vec![std::cell::OnceCell::new(); scored.len()];
    let fold = |k: usize| folded[k].get_or_init(|| folded_words(&scored[k].2)).as_slice();
    let variant_of_above: Vec<bool> = (0..scored.len())
        .map(|k| {
            let (c, cw) = (&scored[k], words[k]);
            cw >= 6 && (0..scored.len()).any(|j| {
                let (a, aw) = (&scored[j], words[j]);
                aw >= 6 && a.3[0] < c.3[0] && c.3[0] - a.3.last().unwrap() <= VARIANT_DISTANCE && a.0 > c.0 - 2.0
                    && aw <= 2 * cw && cw <= 2 * aw
                    && is_variant_folded(&a.2, aw, fold(j), &c.2, cw, fold(k))
            })
        })
        .collect();
    let mut best: Option<Scored> = None;
    for ((score, day, text, lines, mut why), variant) in scored.into_iter().zip(variant_of_above) {
        let mut score = score;
        if variant {
            score -= 1.5;
            why.push("another spelling of a headline right above".into());
        }
        if let Some((bonus, reason)) = dateline_age(day, latest, dated) {
            score += bonus;
            why.push(reason.into());
        }
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, day, text, lines, why));
        }
    }
    // (the site suffix and the reason of the chosen headline only)
    best.map(|(_, _, text, lines, why)| TitleChoice { site_suffix: site_from_suffix(&memo.page, &text), reason: why.join(", "), text, lines })
}

/// Related articles are older than the article, as a rule: among headlines with their own
/// dateline, the latest one is more likely the article, and one dated weeks or years before
/// another is a related article.
fn dateline_age(day: Option<chrono::NaiveDate>, latest: Option<chrono::NaiveDate>, dated: usize) -> Option<(f64, &'static str)> {
    let (d, l) = (day?, latest?);
    if dated >= 2 && d == l {
        Some((0.5, "the latest dateline of the headlines"))
    } else if (l - d).num_days() > OLDER_TEASER_DAYS {
        Some((-0.5, "dated weeks before another headline"))
    } else {
        None
    }
}

/// The article's header found below a headline candidate.
#[derive(Debug, Clone, Default)]
struct HeaderAfter {
    /// Lines of text (not counting share buttons, image alts, empty bullets) between the
    /// candidate and the first byline or dateline.
    gap: usize,
    byline: bool,
    date: bool,
    /// The first header line is a dateline without a byline.
    date_first: bool,
    /// The day the header's dateline gives.
    day: Option<chrono::NaiveDate>,
    /// The dateline is followed by another headline and date: a list of teasers.
    teaser_list: bool,
}

impl HeaderAfter {
    fn what(&self) -> &'static str {
        match (self.byline, self.date) {
            (true, true) => "byline and dateline",
            (true, false) => "byline",
            _ => "dateline",
        }
    }
}

/// Words that start a byline line without a name-introducing preposition.
const BYLINE_STARTS: &[&str] = &["posted by", "written by", "analysis by", "text:", "texte:", "author:", "autor:", "auteur:", "text von", "von:"];

/// Whether a text may start with one of [`BYLINE_STARTS`]: its first two characters, ASCII,
/// are the first two letters of one in either case; or its first character is the first
/// letter of one, or is no ASCII character (which [`starts_with_lower`] reads the long way).
fn may_start_like_byline(t: &str) -> bool {
    static FIRST: LazyLock<[bool; 128]> = LazyLock::new(|| first_letters(BYLINE_STARTS));
    match t.as_bytes() {
        // two ASCII characters lowercase to their ASCII lowercase: a word must start with both
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            BYLINE_STARTS.iter().any(|w| w.as_bytes()[..2] == [a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        [a, ..] => may_start(&FIRST, *a),
        // (an empty text starts with no word)
        [] => false,
    }
}

/// The text of a line without its list bullet.
fn unbulleted(text: &str) -> &str {
    rules::strip_bullet(text).unwrap_or(text).trim()
}

/// Is this line a byline or a dateline? (byline, dateline)
fn header_kind(text: &str) -> (bool, bool) {
    let t = unbulleted(text);
    // (starts_with_lower's first test, inline: the words with another first letter are
    // passed over without a call)
    let first = t.as_bytes().first().copied().unwrap_or(0);
    let starts_like_byline = || {
        may_start_like_byline(t)
            && BYLINE_STARTS.iter().any(|w| (!first.is_ascii() || w.as_bytes()[0].eq_ignore_ascii_case(&first)) && starts_with_lower(t, w))
    };
    // (the characters some tests below need, found in one pass: see Marks)
    let m = Marks::of(t);
    // (an ASCII line without a digit or a comma, without the word `ago`, a lone byline word
    // or a byline prefix word passes none of the tests below but starts_like_byline: its
    // answer is that of a long line, whatever its length, and its words are not counted)
    if !m.digit && !m.non_ascii && !m.comma && !m.may_be_relative(t) && !is_lone_byline_word(t) && !may_have_byline_prefix(t) {
        return (starts_like_byline(), false);
    }
    // (compared with 20 and less below)
    let words = word_count_up_to(t, 21);
    // a long line is no dateline, and a byline only by its first words (every other test
    // below wants 20 words or fewer: they are skipped)
    if words > 20 {
        return (starts_like_byline(), false);
    }
    // (one search for a byline prefix: byline_authors needs one too)
    let prefix = byline_match(t).map(|m| m.start());
    let byline = (prefix.is_some() && byline_authors(t).is_some())
        || is_lone_byline_word(t)
        || starts_like_byline()
        || (m.comma && name_with_job(t))
        // `By Michael RoeBusiness Columnist`: the names glued to a job title
        || (prefix == Some(0) && words <= 8);
    // (is_dateline, its word count known)
    // (a clock time has a digit)
    let date = (m.digit && find_date(t).is_some())
        || (m.may_be_relative(t) && is_relative(t))
        || (words <= 6 && m.may_have_numeral() && t.chars().any(char::is_numeric) && CLOCK.is_match(t));
    (byline, date)
}

/// Characters that some tests need, found in one pass over a text: a test is skipped on a
/// text without them, as it would answer no there.
/// - [`find_date`] needs an ASCII digit (every form has a day or a year in ASCII digits);
/// - [`name_with_job`] needs a comma;
/// - a numeral (`char::is_numeric`, the `\d` of the patterns) is an ASCII digit or a
///   non-ASCII character;
/// - [`RELATIVE`] needs a numeral (`\d+`: `il y a 3 heures`) or the word `ago`, which the
///   case-insensitive pattern matches in ASCII letters only (no other character folds to
///   `a`, `g` or `o`).
#[derive(Clone, Copy)]
struct Marks {
    digit: bool,
    non_ascii: bool,
    comma: bool,
}

impl Marks {
    fn of(t: &str) -> Marks {
        // (a pass without branches, vectorised)
        let (mut digit, mut non_ascii, mut comma) = (false, false, false);
        for &c in t.as_bytes() {
            digit |= c.is_ascii_digit();
            non_ascii |= c >= 0x80;
            comma |= c == b',';
        }
        Marks { digit, non_ascii, comma }
    }
    fn may_have_numeral(self) -> bool {
        self.digit || self.non_ascii
    }
    /// Whether `t` (the text these are the marks of) may hold a [`RELATIVE`] date.
    fn may_be_relative(self, t: &str) -> bool {
        self.may_have_numeral() || {
            let b = t.as_bytes();
            memchr::memchr2_iter(b'g', b'G', b).any(|i| i > 0 && b[i - 1].eq_ignore_ascii_case(&b'a') && b.get(i + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'o')))
        }
    }
}

/// A byline prefix alone on its line (`By`, `Written by:`), in any case.
fn is_lone_byline_word(text: &str) -> bool {
    let t = text.trim_end_matches(':');
    // (the words are ASCII: an ASCII text is compared case aside, without lowercasing it)
    if t.is_ascii() {
        return LONE_BYLINE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(t));
    }
    LONE_BYLINE_WORDS.iter().any(|w| eq_lower(t, w))
}

/// `text.to_lowercase().starts_with(prefix)`, without building the lowercase text
/// (`prefix` is lowercase and has no sigma, whose lowercase depends on its context).
fn starts_with_lower(text: &str, prefix: &str) -> bool {
    // (an ASCII first character decides most: it lowercases to itself or its ASCII lowercase)
    if let (Some(a), Some(b)) = (text.as_bytes().first(), prefix.as_bytes().first()) {
        if a.is_ascii() && b.is_ascii() && !a.eq_ignore_ascii_case(b) {
            return false;
        }
    }
    // ASCII lowercases to ASCII, one character each (the Kelvin sign, which lowercases to
    // `k`, is no ASCII and goes the long way)
    if let Some(head) = text.as_bytes().get(..prefix.len()) {
        if head.is_ascii() && prefix.is_ascii() {
            return head.eq_ignore_ascii_case(prefix.as_bytes());
        }
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lower.next() == Some(c))
}

/// `text.to_lowercase() == word`, without building the lowercase text (as [`starts_with_lower`]).
fn eq_lower(text: &str, word: &str) -> bool {
    text.len() <= word.len() * 4 && text.chars().flat_map(char::to_lowercase).eq(word.chars())
}

/// Lines that do not separate a headline from its byline: share buttons, image alts, empty
/// bullets, rules.
/// ([`is_chrome`] of the unbulleted text and its count is asked of `chrome`.)
fn is_header_noise(text: &str, chrome: impl FnOnce(&str, usize) -> bool) -> bool {
    let t = unbulleted(text);
    if !t.chars().any(is_alphanumeric) {
        return true;
    }
    // (compared with 8 and less below)
    let words = word_count_up_to(t, 9);
    if t.starts_with('[') && t.ends_with(']') && words <= 3 {
        return true;
    }
    // a picture credit: `(Jane Roe / Associated Press)`
    if t.starts_with('(') && t.ends_with(')') && t.contains('/') && words <= 8 {
        return true;
    }
    if words <= 4 {
        let starts = |first: &str| NOT_HEADLINE_START.contains(&first) || NOT_SHORT_HEADLINE_START.contains(&first);
        // (an ASCII text is compared in place, case aside: it lowercases letter by letter,
        // and splits into the same words)
        if t.is_ascii() {
            if t.as_bytes().windows(7).any(|w| w.eq_ignore_ascii_case(b"comment")) {
                return true;
            }
            let first = t.split(|c: char| !c.is_ascii_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
            let mut lower = [0u8; 16];
            // (no word of the lists is longer than 16 letters)
            let first = if first.len() <= lower.len() {
                lower[..first.len()].copy_from_slice(first.as_bytes());
                lower[..first.len()].make_ascii_lowercase();
                std::str::from_utf8(&lower[..first.len()]).unwrap_or("")
            } else {
                "-"
            };
            return starts(first) || chrome(t, words);
        }
        let lower = lowercase(t);
        if lower.contains("comment") {
            return true;
        }
        let first = lower.split(|c: char| !is_alphanumeric(c)).find(|w| !w.is_empty()).unwrap_or("");
        return starts(first) || chrome(t, words);
    }
    false
}

/// A line of capitalised names and nothing else (`Lisa Kaczke and Trevor J. Mitchell`,
/// `Charlie Wood, Business Insider`): a byline without `By`.
fn name_like(text: &str) -> bool {
    // (the characters first: no list of words is made for a line with a digit or a quote)
    if text.chars().any(|c| c.is_ascii_digit() || matches!(c, ':' | '!' | '?' | '\'' | '"' | '‘' | '’' | '“')) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=10).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',');
        // (the capital first: most words of a name line have one, and need no lowercase copy)
        w.chars().next().is_some_and(char::is_uppercase) || NAME_JOINERS.contains(&lowercase(w).as_str())
    })
}

/// `Jane Doe, news reporter`, `John Roe, Senior Editor`: a byline without `By`.
fn name_with_job(t: &str) -> bool {
    t.split_once(',').is_some_and(|(name, job)| {
        (2..=4).contains(&word_count(name)) && name_like(name) && (1..=4).contains(&word_count(job))
            && job.split(|c: char| !is_alphanumeric(c)).any(|w| is_job_word(&lowercase(w)))
    })
}

/// Most words capitalised (`Why You Shouldn’t Worry.`): a headline's casing, not a sentence's.
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().count() > 3).collect();
    let caps = words.iter().filter(|w| w.chars().find(|c| is_alphanumeric(*c)).is_some_and(|c| c.is_uppercase() || c.is_numeric())).count();
    words.len() >= 3 && caps == words.len()
}

/// What the chooser asks about each line of a dump, computed once per line (the same lines
/// are looked at from every headline candidate above them), and the page the lines make.
struct LineMemo<'a> {
    decisions: &'a [LineDecision],
    /// Indices of the non-blank lines: a line's non-blank position `q` is `nb[q]`.
    nb: &'a [usize],
    width: Option<usize>,
    /// The non-blank lines with their whitespace collapsed, joined by ` \n ` (one buffer:
    /// copies of a headline are counted in it, a site suffix is read after one).
    page: String,
    /// Where each non-blank line is in `page`, by non-blank position.
    spans: Vec<std::ops::Range<usize>>,
    /// Whether the renderer wrapped the line, by line index (not position).
    wrapped: Vec<std::cell::OnceCell<bool>>,
    /// The answers about each line, by non-blank position.
    facts: Vec<LineFacts>,
}

/// What the chooser asks about one line, each answered once (see [`LineMemo`]).
#[derive(Clone, Default)]
struct LineFacts {
    kind: std::cell::OnceCell<(bool, bool)>,
    names: std::cell::OnceCell<bool>,
    noise: std::cell::OnceCell<bool>,
    /// Why the line is no headline, if it is not.
    rejection: std::cell::OnceCell<Option<&'static str>>,
    words: std::cell::OnceCell<usize>,
    chrome: std::cell::OnceCell<bool>,
    day: std::cell::OnceCell<Option<chrono::NaiveDate>>,
}

impl<'a> LineMemo<'a> {
    fn new(decisions: &'a [LineDecision], nb: &'a [usize], width: Option<usize>) -> Self {
        let (n, lines) = (nb.len(), decisions.len());
        let mut page = String::with_capacity(decisions.iter().map(|d| d.text.len() + 3).sum());
        let mut spans = Vec::with_capacity(n);
        for (q, &i) in nb.iter().enumerate() {
            if q > 0 {
                page.push_str(" \n ");
            }
            let start = page.len();
            collapse_into(&decisions[i].text, &mut page);
            spans.push(start..page.len());
        }
        LineMemo {
            decisions,
            nb,
            width,
            page,
            spans,
            wrapped: vec![std::cell::OnceCell::new(); lines],
            facts: vec![LineFacts::default(); n],
        }
    }
    /// The raw text of the line at non-blank position `q`.
    fn text(&self, q: usize) -> &'a str {
        &self.decisions[self.nb[q]].text
    }
    /// (byline, dateline) of the line at non-blank position `q`.
    fn kind(&self, q: usize) -> (bool, bool) {
        *self.facts[q].kind.get_or_init(|| header_kind(self.text(q)))
    }
    /// Photo captions (so the cleaner found the line to be) do not separate a headline from
    /// its header either.
    fn noise(&self, q: usize) -> bool {
        *self.facts[q].noise.get_or_init(|| {
            // (chrome_rule is asked here of a line of 4 words or fewer, counted exactly: when the
            // text is the collapsed line, its count is the line's, and the answer the one the
            // headline test gets)
            self.decisions[self.nb[q]].reason.starts_with(CAPTION_REASON)
                || is_header_noise(self.text(q), |t, words| if t == self.collapsed(q) { self.chrome(q) } else { is_chrome(t, words) })
        })
    }
    /// The day a dateline gives (never one in the future).
    fn day(&self, q: usize) -> Option<chrono::NaiveDate> {
        *self.facts[q].day.get_or_init(|| find_date(self.text(q)).map(|f| f.date).filter(|d| *d <= latest_day()))
    }
    fn rejection(&self, q: usize) -> Option<&'static str> {
        // (the collapsed line is trimmed: the headline test asks is_chrome of it and its count)
        *self.facts[q].rejection.get_or_init(|| headline_rejection_counted(self.collapsed(q), |_| self.words(q), |_, _| self.chrome(q)))
    }
    /// [`is_chrome`] of the collapsed line and its word count.
    fn chrome(&self, q: usize) -> bool {
        *self.facts[q].chrome.get_or_init(|| is_chrome(self.collapsed(q), self.words(q)))
    }
    fn headline_like(&self, q: usize) -> bool {
        self.rejection(q).is_none()
    }
    /// The [`word_count`] of the line (collapsing the whitespace leaves it as it is).
    fn words(&self, q: usize) -> usize {
        *self.facts[q].words.get_or_init(|| word_count_up_to(self.collapsed(q), usize::MAX))
    }
    /// A line of names only (a byline without `By`).
    fn names(&self, q: usize) -> bool {
        *self.facts[q].names.get_or_init(|| name_like(unbulleted(self.text(q))))
    }
    /// The line at non-blank position `q`, its whitespace collapsed.
    fn collapsed(&self, q: usize) -> &str {
        &self.page[self.spans[q].clone()]
    }
    /// How many times `text` is in the page (copies that do not overlap).
    /// (Counted up to 3: the chooser tells one, two and more apart.)
    fn copies(&self, text: &str) -> usize {
        copies_in(self.page.as_bytes(), text.as_bytes())
    }
    /// Is line `i` (an index into `decisions`) cut by the renderer's wrapping?
    fn wrapped(&self, i: usize) -> bool {
        *self.wrapped[i].get_or_init(|| is_wrapped(self.decisions, self.width, i))
    }
}

/// How many times `needle` is in `page`, up to 3: the copies that do not overlap, from the
/// first (as `memmem::find_iter` finds them).
fn copies_in(page: &[u8], needle: &[u8]) -> usize {
    // (a pair finder costs little to build, where memmem's searcher prepares for long
    // searches, and reports the same first copy of the text in what it is given; the end
    // of the page, shorter than it can read, is left to memmem)
    #[cfg(target_arch = "x86_64")]
    if let Some(f) = memchr::arch::x86_64::avx2::packedpair::Finder::new(needle) {
        let (mut n, mut at) = (0, 0);
        while n < 3 {
            let rest = &page[at..];
            let found = if rest.len() >= f.min_haystack_len() { f.find(rest, needle) } else { memchr::memmem::find(rest, needle) };
            let Some(p) = found else { break };
            n += 1;
            at += p + needle.len();
        }
        return n;
    }
    memchr::memmem::find_iter(page, needle).take(3).count()
}

/// A headline dated this many days before the latest dated headline of the page is a
/// related article.
const OLDER_TEASER_DAYS: i64 = 14;

/// How many lines below a headline its byline or dateline is looked for.
const HEADER_LINES: usize = 10;

/// How many lines below a headline another spelling of it is looked for.
const VARIANT_DISTANCE: usize = 16;

/// Two wordings of one headline: most content words of the shorter are in the longer, and
/// neither is a copy of the other (a copy with a suffix is a window title, not a variant).
/// (The chooser calls [`is_variant_counted`] with the word counts it has; the tests call this.)
#[cfg(test)]
fn is_variant(a: &str, b: &str) -> bool {
    is_variant_counted(a, word_count(a), b, word_count(b))
}

/// [`is_variant`] of texts of `na` and `nb` words.
fn is_variant_counted(a: &str, na: usize, b: &str, nb: usize) -> bool {
    if na < 6 || nb < 6 || na > 2 * nb || nb > 2 * na {
        return false;
    }
    // the shared words first, without allocating them: most pairs share few
    let (wa, wb): (Vec<&str>, Vec<&str>) = (content_slices(a).collect(), content_slices(b).collect());
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.len() < 3 || short.iter().filter(|w| long.iter().any(|x| same_word(w, x))).count() * 5 < short.len() * 3 {
        return false;
    }
    neither_contains_the_other(a, b)
}

/// [`is_variant_counted`] of texts whose [`content_slices`] are given folded by
/// [`folded_words`] (the chooser compares each headline with several others).
fn is_variant_folded(a: &str, na: usize, fa: &[String], b: &str, nb: usize, fb: &[String]) -> bool {
    if na < 6 || nb < 6 || na > 2 * nb || nb > 2 * na {
        return false;
    }
    let (short, long) = if fa.len() <= fb.len() { (fa, fb) } else { (fb, fa) };
    if short.len() < 3 || short.iter().filter(|w| long.contains(w)).count() * 5 < short.len() * 3 {
        return false;
    }
    neither_contains_the_other(a, b)
}

/// The [`content_slices`] of a text, each folded as [`same_word`] compares them (so that
/// two words are the same word when their foldings are equal).
fn folded_words(text: &str) -> Vec<String> {
    // (an ASCII word lowercases letter by letter)
    content_slices(text).map(|w| if w.is_ascii() { w.to_ascii_lowercase() } else { w.chars().flat_map(char::to_lowercase).collect() }).collect()
}

/// Neither text is a copy of the other, case aside (a copy with a suffix is a window title,
/// not another wording).
fn neither_contains_the_other(a: &str, b: &str) -> bool {
    let (la, lb) = (lowercase(a), lowercase(b));
    !(la.contains(&lb) || lb.contains(&la))
}

/// Words that carry content, as slices of the text: four letters or more, or two CJK
/// characters or more.
fn content_slices(text: &str) -> impl Iterator<Item = &str> {
    // (an ASCII text is split at its bytes, without decoding characters: ASCII letters and
    // digits are its alphanumeric characters)
    let ascii = text.is_ascii();
    let bytes = ascii.then(|| {
        let b = text.as_bytes();
        b.split(|c| !c.is_ascii_alphanumeric()).filter(|w| w.len() >= 4).map(move |w| {
            let at = w.as_ptr() as usize - b.as_ptr() as usize;
            &text[at..at + w.len()]
        })
    });
    let chars = (!ascii).then(|| text.split(|c: char| !is_alphanumeric(c)).filter(|w| {
        // (an ASCII word has as many characters as bytes, and no CJK one)
        if w.is_ascii() {
            return w.len() >= 4;
        }
        let n = w.chars().count();
        n >= 4 || (n >= 2 && w.chars().any(is_cjk))
    }));
    bytes.into_iter().flatten().chain(chars.into_iter().flatten())
}

/// The same word, case aside.
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // (the lengths first)
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

/// Four-letter stems of the content words of a text (`teams`, `team` -> `team`).
fn stems(text: &str) -> Vec<String> {
    // (an ASCII word lowercases letter by letter: its first four letters are enough)
    content_slices(text).map(|w| if w.is_ascii() { w[..4.min(w.len())].to_ascii_lowercase() } else { lowercase(w).chars().take(4).collect() }).collect()
}

/// A line below a long headline that is shorter, but tells the same story in other words:
/// its standfirst (`Twenty teams have punched tickets for next summer's tournament` below
/// `Euro 2020 qualifying: tracking every team to clinch a spot as Wales punches ticket`).
fn is_short_standfirst(head: &str, text: &str) -> bool {
    let (hw, tw) = (word_count(head), word_count(text));
    if hw < 6 || tw < 6 || tw * 5 > hw * 4 || head.contains(text) || text.contains(head) {
        return false;
    }
    let h = stems(head);
    let mut t = stems(text);
    t.sort_unstable();
    t.dedup();
    t.iter().filter(|w| h.contains(w)).count() >= 2
}

/// A line much longer than a headline of `head_words` words, right below it: its standfirst.
fn is_deck(head_words: usize, w: usize) -> bool {
    head_words >= 3 && w >= 10 && w * 2 >= head_words * 3 && w <= 60
}

/// The byline or dateline below a headline candidate whose lines end before `nb[start]`.
fn header_after(memo: &LineMemo, start: usize, head: &str, head_words: usize) -> Option<HeaderAfter> {
    let nb = memo.nb;
    let mut gap = 0;
    let mut q = start;
    let end = (start + HEADER_LINES).min(nb.len());
    // a line of names right above the dateline: a byline without `By` (counted as a line
    // between, since a section label or a masthead reads the same)
    let mut name_before = false;
    let mut deck_seen = false;
    let mut label_only = false;
    while q < end {
        // the continuation of a wrapped line is the same line: a date in the middle of a
        // paragraph or a caption is no dateline
        let continued = q > start && nb[q - 1] + 1 == nb[q] && memo.wrapped(nb[q - 1]);
        if continued {
            q += 1;
            continue;
        }
        let (byline, date) = memo.kind(q);
        if byline || date {
            let day = if date { memo.day(q) } else { None };
            let mut h = HeaderAfter { gap, byline: byline || name_before, date, date_first: date && !byline, day, teaser_list: false };
            // the other half of the header in the next lines (not below another headline)
            let mut r = q + 1;
            let mut seen = 0;
            while r < end && seen < 3 {
                if memo.noise(r) {
                    r += 1;
                    continue;
                }
                let (b, d) = memo.kind(r);
                if !b && !d && memo.words(r) >= 4 && memo.headline_like(r) {
                    break;
                }
                if d && h.day.is_none() {
                    h.day = memo.day(r);
                }
                h.byline |= b;
                h.date |= d;
                seen += 1;
                r += 1;
            }
            // a date-only header followed by another headline and date: teasers
            if date && !h.byline {
                let mut r = q + 1;
                let mut k = 0;
                while r + 1 < nb.len() && k < 3 {
                    if memo.noise(r) {
                        r += 1;
                        continue;
                    }
                    if memo.headline_like(r) && memo.words(r) >= 3 && memo.kind(r + 1) == (false, true) {
                        h.teaser_list = true;
                        break;
                    }
                    k += 1;
                    r += 1;
                }
            }
            return Some(h);
        }
        // the headline's standfirst, right below it, belongs to the header
        // (its lines are at positions q..=k)
        let mut k = q;
        while k + 1 < end && nb[k] + 1 == nb[k + 1] && memo.wrapped(nb[k]) {
            k += 1;
        }
        let deck_text: std::borrow::Cow<str> = if k == q { memo.collapsed(q).into() } else { (q..=k).map(|r| memo.collapsed(r)).collect::<Vec<_>>().join(" ").into() };
        // a copy of the headline (an image alt, a share text) does not separate it either
        // (the word counts first: most lines are too short to be another wording)
        let deck_words: usize = (q..=k).map(|r| memo.words(r)).sum();
        let wordings = head_words >= 6 && deck_words >= 6;
        // (another wording right below only: the first line of text under the headline)
        let copy = *deck_text == *head || (gap == 0 && wordings && is_variant_counted(head, head_words, &deck_text, deck_words));
        let deck = (gap == 0 || (label_only && head_words >= 6)) && !deck_seen && !copy
            && (is_deck(head_words, deck_words) || (wordings && deck_words * 5 <= head_words * 4 && is_short_standfirst(head, &deck_text)));
        deck_seen |= deck;
        let deck = deck || copy;
        if !memo.noise(q) && !deck {
            // a paragraph: the header, if any, was above it
            if deck_words > 60 {
                return None;
            }
            // a one- or two-word label (`Editorial`) may come between a headline and its deck
            label_only = gap == 0 && deck_words <= 2;
            gap += 1;
            if gap > 3 {
                return None;
            }
            name_before = memo.names(q);
        }
        q += 1;
    }
    None
}

/// Push `w.to_lowercase()` at the end of `out` (ASCII without a copy of its own).
fn push_lowercase(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&lowercase(w));
    }
}

/// Indices of the lines with text: the line at non-blank position `q` is `nb[q]`.
fn non_blank(decisions: &[LineDecision]) -> Vec<usize> {
    let mut nb = Vec::with_capacity(decisions.len());
    for (i, d) in decisions.iter().enumerate() {
        if !is_blank(&d.text) {
            nb.push(i);
        }
    }
    nb
}

/// A line of whitespace only (or none). (Most lines have an ASCII character other than
/// whitespace after their indentation, and are known to have text from it.)
fn is_blank(text: &str) -> bool {
    let b = text.as_bytes();
    // the ASCII whitespace (`char::is_whitespace`: the space and U+0009..U+000D) first
    let k = b.iter().position(|&c| !matches!(c, b' ' | b'\t'..=b'\r')).unwrap_or(b.len());
    match b.get(k) {
        None => true,
        Some(&c) if c < 0x80 => false,
        Some(_) => text[k..].chars().all(char::is_whitespace),
    }
}

/// Is line `i` cut by the renderer's wrapping (continued on line `i + 1`)?
/// How far apart the middles of two centred lines may be, in columns (doubled: the sums of
/// indent and width are compared).
const CENTRED_SLACK: usize = 3;

fn is_wrapped(decisions: &[LineDecision], width: Option<usize>, i: usize) -> bool {
    // (a dump without a wrap width wraps nothing: known before reading the lines)
    let Some(w) = width else { return false };
    let Some(next) = decisions.get(i + 1) else { return false };
    let nxt = next.text.trim();
    if nxt.is_empty() || rules::strip_bullet(&next.text).is_some() {
        return false;
    }
    // a rule (`━━━━`) fills the width but continues nothing
    if !decisions[i].text.chars().any(is_alphanumeric) {
        return false;
    }
    // a wrapped line goes on at its own left margin (deeper under a bullet): a line at another
    // indentation is another cell or block of a laid-out page
    let indent = |t: &str| t.chars().take_while(|c| c.is_whitespace()).count();
    let (ci, ni) = (indent(&decisions[i].text), indent(&next.text));
    if ni != ci && !(ni > ci && rules::strip_bullet(&decisions[i].text).is_some()) {
        // ...unless both lines are centred on one axis (a centred headline whose last words
        // went to the next line): the first fills the width, the next sits in its middle
        let cur = decisions[i].text.trim_end().chars().count();
        let next_len = next.text.trim_end().chars().count();
        let first_word = nxt.split_whitespace().next().map_or(0, |x| x.chars().count());
        return ni > ci && cur + 1 + first_word > w.saturating_sub(1) && (cur + ci).abs_diff(next_len + ni) <= CENTRED_SLACK;
    }
    // a long line continued by a line that starts in lower case
    let cur = decisions[i].text.trim_end();
    let len = cur.chars().count();
    if len >= 50 && nxt.starts_with(char::is_lowercase) && !cur.ends_with(['.', '!', '?', ':']) {
        return true;
    }
    len + 1 + nxt.split_whitespace().next().map_or(0, |x| x.chars().count()) > w.saturating_sub(1)
}

/// Width at which the dump is hard-wrapped, if it is: the cleaner's own measure, on the
/// lines the decisions hold.
fn wrap_width(decisions: &[LineDecision]) -> Option<usize> {
    let lines: Vec<&str> = decisions.iter().map(|d| d.text.as_str()).collect();
    crate::clean::wrap_width(&lines)
}

/// `Title | Site`, `Title - Site`: the site named after a copy of the title.
fn site_from_suffix(page: &str, title: &str) -> Option<String> {
    static SEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:\||-|–|—|::|·)\s+([^\n|]{2,40}?)\s*(?:\n|$)").unwrap());
    // (the copies that do not overlap, from the first, as `str::find` from the end of each
    // would find them; an empty title is found at every character boundary there, and no
    // chosen title is empty)
    if title.is_empty() {
        return None;
    }
    for p in memchr::memmem::find_iter(page.as_bytes(), title.as_bytes()) {
        let after = &page[p + title.len()..];
        if let Some(c) = SEP.captures(after) {
            let s = c[1].trim();
            let w = word_count(s);
            if (1..=5).contains(&w) && headline_rejection(s).is_none_or(|r| r == "too short" || r == "short all-caps label") {
                return Some(s.to_string());
            }
        }
    }
    None
}

/// A date read from a line near the title.
#[derive(Debug, Clone)]
struct DateCandidate {
    found: super::dates::FoundDate,
    line: usize,
    update: bool,
    published_word: bool,
    /// The line is a dateline (short, or mostly the date), not a sentence or caption that
    /// mentions a date.
    dateline_like: bool,
}

fn date_candidate(text: &str, line: usize) -> Option<DateCandidate> {
    let f = find_date(text)?;
    if f.date > latest_day() {
        return None;
    }
    let before = lowercase(&text[..f.start]);
    let update = UPDATE_WORDS.iter().any(|w| before.contains(w));
    let lower = lowercase(text);
    let published_word = PUBLISHED_WORDS.iter().any(|w| lower.contains(w));
    let words = word_count(text);
    let byline = byline_at_start(text);
    // a sentence with a picture credit at its end is a caption: `... on Aug. 31, 2019. (AP)`
    let caption = text.ends_with(')') && text.rfind('(').is_some_and(|o| {
        let inner = &text[o + 1..text.len() - 1];
        (1..=4).contains(&word_count(inner)) && inner.starts_with(char::is_uppercase) && text[..o].trim_end().ends_with('.')
    });
    let dateline_like = !caption && (words <= 12 || byline || published_word || update || (f.end - f.start) * 3 >= text.len());
    Some(DateCandidate { found: f, line, update, published_word, dateline_like })
}

/// Fill the metadata of `article` from what the cleaner found, and label the metadata lines.
/// Returns where the publication date came from (`text`), if one was found.
pub fn apply(x: &mut TextExtraction, article: &mut Article) -> Option<&'static str> {
    let width = x.wrap_width;
    // (the labels change below, the texts never: the non-blank lines are the same)
    let nb = non_blank(&x.decisions);
    let choice = choose_title_at(&x.decisions, &nb, width);
    // The title: the cleaner's, unless a better headline was found above the body.
    if let Some(c) = &choice {
        if x.title.as_deref() != Some(c.text.as_str()) {
            for d in x.decisions.iter_mut().filter(|d| d.label == Label::Title) {
                d.label = Label::Boilerplate;
                d.reason = "headline-like line, but a better title candidate was found".into();
            }
            // a headline the cleaner took for the first paragraph leaves the body
            if let Some(k) = c.lines.iter().find_map(|&i| (x.decisions[i].label == Label::Body).then_some(x.decisions[i].paragraph).flatten()) {
                if k < x.paragraphs.len() && collapse(&x.paragraphs[k].text) == c.text {
                    x.paragraphs.remove(k);
                    for d in x.decisions.iter_mut() {
                        d.paragraph = match d.paragraph {
                            Some(q) if q == k => None,
                            Some(q) if q > k => Some(q - 1),
                            other => other,
                        };
                    }
                    for t in x.tweets.iter_mut() {
                        if t.after_paragraph >= k as i32 {
                            t.after_paragraph -= 1;
                        }
                    }
                }
            }
            for &i in &c.lines {
                x.decisions[i].label = Label::Title;
                x.decisions[i].reason = format!("title: headline-like line ({})", c.reason);
            }
        }
        article.title = Some(c.text.clone());
    } else {
        article.title = x.title.clone();
    }
    article.section = x.header.section.clone();

    let anchor = nb.iter().position(|&i| x.decisions[i].label == Label::Body).unwrap_or(nb.len());
    let tpos = choice.as_ref().and_then(|c| nb.iter().position(|&i| i == *c.lines.last().unwrap()));
    // without a title, the lines around the first paragraph
    let (title_pos, below_start) = match tpos {
        Some(t) => (t, t + 1),
        None => (anchor, anchor),
    };
    let mut section_line = None;
    if let (Some(c), None) = (&choice, &article.section) {
        // the short line right above the title, when it reads like a section label
        let mut first = nb.iter().position(|&i| i == c.lines[0]).unwrap_or(0);
        // above a copy of the title (an image alt) too
        while first > 0 && collapse(&x.decisions[nb[first - 1]].text) == c.text {
            first -= 1;
        }
        if first > 0 {
            let prev = x.decisions[nb[first - 1]].text.trim();
            let lower = lowercase(prev);
            let first_word = lower.split(|c: char| !is_alphanumeric(c)).find(|w| !w.is_empty()).unwrap_or("");
            if (1..=3).contains(&word_count(prev)) && !NOT_HEADLINE_START.contains(&first_word) && !NOT_SHORT_HEADLINE_START.contains(&first_word) && rules::strip_bullet(prev).is_none() && find_date(prev).is_none()
                && rules::chrome_rule(prev, word_count(prev)).is_none() && !prev.ends_with(['.', ':'])
                && prev.chars().next().is_some_and(char::is_uppercase)
            {
                article.section = Some(prev.to_string());
                section_line = Some(nb[first - 1]);
            }
        }
    }

    // Dates and bylines: short lines just below the title (and a few above it), never tweets.
    // below the title: down to the first lines of the body, never into the teasers after it
    // (stop after three body lines: teasers and related links follow the body)
    let below_end = (anchor + 3).max(title_pos + 14).min(nb.len());
    let mut below = Vec::new();
    let mut body_seen = 0;
    // (the words of a line counted up to 41 once, for both loops below: a count compared with
    // 20 is at least 20 up to 20 exactly when it is up to 41)
    // (by position from above_start: the lines asked about are from there to below_end)
    let above_start = title_pos.saturating_sub(8);
    let mut counted: Vec<Option<usize>> = vec![None; below_end.saturating_sub(above_start)];
    let mut words_up_to_41 = |p: usize, text: &str| *counted[p - above_start].get_or_insert_with(|| word_count_up_to(text, 41));
    for p in below_start..below_end {
        if x.decisions[nb[p]].label == Label::Body && words_up_to_41(p, &x.decisions[nb[p]].text) >= 20 {
            body_seen += 1;
            if body_seen > 3 {
                break;
            }
        }
        below.push(p);
    }
    let order: Vec<usize> = below.into_iter().chain((above_start..title_pos).rev()).collect();
    let mut dates: Vec<DateCandidate> = Vec::new();
    let mut relative: Option<(usize, String)> = None;
    let mut used: Vec<(usize, &'static str)> = Vec::new();
    for &p in &order {
        let i = nb[p];
        let d = &x.decisions[i];
        if matches!(d.label, Label::Tweet | Label::Title) {
            continue;
        }
        // (compared with 40 and less below; collapsing the whitespace leaves the count as it is)
        let mut words = words_up_to_41(p, &d.text);
        if words > 40 {
            continue;
        }
        let mut text = collapse(&d.text);
        let in_body = d.label == Label::Body;
        let header_like = byline_at_start(&text) || starts_with_header_word(&text);
        if (words > 25 && !header_like) || (in_body && words > 14 && !header_like) {
            continue;
        }
        // a line wrapped by the renderer is read whole, from its first piece: a short one may
        // be a dateline run together with the byline and tags; a long one is a paragraph or a
        // caption, no dateline
        if !header_like && i > 0 && is_wrapped(&x.decisions, width, i - 1) {
            continue;
        }
        if !header_like && is_wrapped(&x.decisions, width, i) {
            let mut k = i;
            while is_wrapped(&x.decisions, width, k) && k + 1 < x.decisions.len() && k < i + 4 {
                k += 1;
                text.push(' ');
                text.push_str(&collapse(&x.decisions[k].text));
            }
            words = word_count_up_to(&text, 41);
            if words > 20 || in_body {
                continue;
            }
        }
        if let Some(c) = date_candidate(&text, i) {
            dates.push(c);
        } else if relative.is_none() && words <= 12 {
            if let Some(m) = may_be_relative(&text).then(|| RELATIVE.find(&text)).flatten() {
                relative = Some((i, m.as_str().to_string()));
            }
        }
        if article.authors.is_empty() && (!in_body || (header_like && words <= 12)) {
            let names = if is_lone_byline_word(&text) {
                nb.get(p + 1).and_then(|&j| person_names(&collapse(&x.decisions[j].text))).map(|n| (n, nb[p + 1]))
            } else {
                byline_authors(&text).map(|n| (n, i)).or_else(|| {
                    // (a byline without `By`: only right around the title, outside the body)
                    let near = (title_pos + 1..=title_pos + UNPREFIXED_BYLINE_REACH).contains(&p) || (p < title_pos && p + 2 >= title_pos);
                    if !near || in_body || !text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                        return None;
                    }
                    let dated = |q: Option<&usize>| {
                        q.is_some_and(|&j| {
                            let t = x.decisions[j].text.trim();
                            t.starts_with('@') || (word_count(t) <= 12 && (find_date(t).is_some() || starts_with_header_word(t)))
                        })
                    };
                    let dated_neighbour = dated(p.checked_sub(1).and_then(|q| nb.get(q))) || dated(nb.get(p + 1));
                    unprefixed_byline(&text, dated_neighbour).map(|n| (n, i))
                })
            };
            // (wire agencies, CMS accounts and credentials name nobody)
            let names = names.map(|(mut n, j)| {
                n.retain(|a| !crate::meta::html::is_agency_or_account(a));
                (n, j)
            });
            if let Some((names, j)) = names.filter(|(n, _)| !n.is_empty()) {
                article.authors = names;
                used.push((i, "byline"));
                if j != i {
                    used.push((j, "byline"));
                }
            }
        }
    }
    // publication datelines first, then other datelines, then update datelines, then dates
    // mentioned in short lines
    let best = dates
        .iter()
        .find(|c| !c.update && c.published_word && c.dateline_like)
        .or_else(|| dates.iter().find(|c| !c.update && c.dateline_like))
        .or_else(|| dates.iter().find(|c| c.dateline_like))
        .or_else(|| dates.iter().find(|c| !c.update))
        .or_else(|| dates.first());
    let mut source = None;
    if let Some(c) = best {
        article.published = Some(c.found.instant);
        article.published_date = Some(c.found.date);
        article.published_text = Some(c.found.text.clone());
        used.push((c.line, if c.update { "update date (no publication date given)" } else { "dateline" }));
        source = Some("text");
        for o in &dates {
            if o.update && o.line != c.line {
                used.push((o.line, "update date"));
            }
        }
    } else if let Some((i, t)) = relative {
        article.published_text = Some(t);
        used.push((i, "relative date (no absolute day)"));
    }
    for (i, what) in used {
        if let Some(d) = x.decisions.get_mut(i) {
            if !matches!(d.label, Label::Body | Label::Title | Label::Tweet) {
                d.label = Label::Metadata;
                d.reason = format!("{what} near the title");
            }
        }
    }
    if let Some(section) = &article.section {
        // the line read (above the title), else the last line with the section's text
        let line = section_line.or_else(|| x.decisions.iter().rposition(|d| d.text.trim() == section && d.label == Label::Boilerplate));
        if let Some(d) = line.and_then(|i| x.decisions.get_mut(i)).filter(|d| d.label == Label::Boilerplate) {
            d.label = Label::Metadata;
            d.reason = "section: the short line right above the title".into();
        }
    }
    // Site name: a copy of the title with a site suffix, else the copyright holder.
    article.site_name = choice.as_ref().and_then(|c| c.site_suffix.clone());
    if article.site_name.is_none() {
        // the footer's copyright line (the last one: photo credits come earlier)
        for d in x.decisions.iter().rev() {
            if d.label == Label::Body || d.text.contains('/') {
                continue;
            }
            if let Some(holder) = rules::copyright_holder(&d.text) {
                let name = site_from_holder(&holder);
                if (1..=6).contains(&word_count(&name)) {
                    article.site_name = Some(name);
                    break;
                }
            }
        }
    }
    source
}

/// Company-form words and years after a copyright holder's name (`CNBC LLC`, `Site 2011-2019`).
const COMPANY_SUFFIXES: &[&str] = &[
    "inc", "llc", "ltd", "limited", "pty", "plc", "gmbh", "ag", "sa", "s.a", "sas", "srl", "s.r.l", "bv", "nv", "co",
    "corp", "corporation", "company", "private", "group", "holdings", "all", "rights", "reserved",
];

fn site_from_holder(holder: &str) -> String {
    let mut words: Vec<&str> = holder.split_whitespace().collect();
    while let Some(last) = words.last() {
        let w = last.trim_matches(|c: char| !is_alphanumeric(c) && c != '.').trim_end_matches('.').to_lowercase();
        if COMPANY_SUFFIXES.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '–') {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ").trim_matches(|c: char| c == ',' || c == '-' || c == '–').trim().to_string()
}

/// Names on a line of their own after a lone `By`: `Sarah E. Needleman`, `Jane Doe and John Roe`.
fn person_names(text: &str) -> Option<Vec<String>> {
    if word_count(text) > 12 || find_date(text).is_some() {
        return None;
    }
    byline_authors(&format!("By {text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_counted_as_memmem_finds_them() {
        let pieces = ["ab", "a", "b", "aba", " \n ", "Title", "Title | Site", "x"];
        let mut seed = 11u64;
        for _ in 0..3000 {
            let mut next = || {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (seed >> 33) as usize
            };
            let page: String = (0..next() % 120).map(|_| pieces[next() % pieces.len()]).collect();
            let needle: String = (0..1 + next() % 3).map(|_| pieces[next() % pieces.len()]).collect();
            let want = memchr::memmem::find_iter(page.as_bytes(), needle.as_bytes()).take(3).count();
            assert_eq!(copies_in(page.as_bytes(), needle.as_bytes()), want, "{needle:?} in {page:?}");
        }
    }

    #[test]
    fn whitespace_runs_are_the_ones_collapsing_changes() {
        // (collapsing a trimmed text changes it exactly when it has a run)
        let pieces = [" ", "  ", "a", "bc", "\t", "\u{a0}", "\u{2009}", "\u{3000}", "\u{202f}", "’", "—", "é", "日本", "\u{1}", "\r", "\u{85}", "\u{1680}"];
        let mut seed = 7u64;
        for _ in 0..20000 {
            let mut t = String::new();
            for _ in 0..(seed % 23) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let t = t.trim();
            let collapsed = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(has_whitespace_run(t), collapsed != t, "{t:?}");
        }
    }

    #[test]
    fn the_byline_start_test_leaves_no_byline_out() {
        for l in ["By Jane Doe", "|Von Anna Berger", " by  Anna", "\u{a0}PAR Jean", "От Иван Петров", "x by Jane", "by", "byJane Doe", "Bye Jane", "| by Jane", "27.03.2017 par La Rédaction", "By jane"] {
            assert_eq!(byline_at_start(l), BYLINE.find(l).is_some_and(|m| m.start() == 0), "{l:?}");
        }
    }

    #[test]
    fn the_byline_prefix_test_leaves_no_byline_out() {
        // (no prefix has the ASCII letters other characters fold to)
        assert!(BYLINE_PREFIXES.iter().all(|p| !p.contains(['k', 's'])));
        for l in [
            "by Jane", "BY\u{a0}ÉLODIE", "x|bY\u{2009}Jane", "ОТ Ивана", "От\u{3000}Ивана", "Notícias da Fórmula 1", "Mensagens de Autoestima",
            "PRZEZ Anna", "Texte: door  Jan", "— door\tJan",
        ] {
            assert!(may_have_byline_prefix(l) && BYLINE.is_match(l), "{l:?}");
        }
        for l in ["standby Mode", "by", "byJane", "by|Jane", "x by", "date: 12 mars", "de-facto", "Ot Ivan"] {
            assert!(!may_have_byline_prefix(l) && !BYLINE.is_match(l), "{l:?}");
        }
    }

    #[test]
    fn byline_names_and_relative_hint_agree_with_the_patterns() {
        let lines = [
            "By Jane Doe and John Roe", "27.03.2017 par La Rédaction", " by  Anna Berger", "|Von Anna Berger",
            "Story by Lucía Fernández | 3 min read", "Di Marco Bianchi e Luca Rossi", "standby Mode", "BY\u{a0}ÉLODIE MARTIN",
            "От Иван Петров", "by the sea", "Stand by Me", "Published 2 hours ago", "il y a 3 heures", "vor 5 Minuten",
            "hace 2 días", "a day AGO", "Agora e sempre", "Avorio", "no date here",
        ];
        for l in lines {
            assert_eq!(byline_match(l), BYLINE.find(l), "{l:?}");
            assert_eq!(byline_names(l), BYLINE.captures(l).map(|c| c.name("names").unwrap().as_str()), "{l:?}");
            assert_eq!(is_relative(l), RELATIVE.is_match(l), "{l:?}");
        }
    }

    #[test]
    fn bylines_in_many_languages() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("27.03.2017 par La Rédaction", &["La Rédaction"]),
            ("Von Anna Berger", &["Anna Berger"]),
            ("Por Lucía Fernández y Pedro Gil", &["Lucía Fernández", "Pedro Gil"]),
            ("Di Marco Bianchi", &["Marco Bianchi"]),
            ("By Jane Doe, senior editor", &["Jane Doe"]),
            ("By Jane Doe jane.doe@example.com", &["Jane Doe"]),
            ("By AFP | March 28, 2017", &["AFP"]),
        ];
        for (line, want) in cases {
            assert_eq!(byline_authors(line).unwrap(), *want, "{line}");
        }
        assert_eq!(byline_authors("the decision was made by the council after a long debate"), None);
    }

    fn dump_meta(dump: &str) -> Article {
        let mut x = crate::clean::extract_text_dump(dump, &crate::options::Options::default());
        let mut a = Article::default();
        apply(&mut x, &mut a);
        a
    }

    const BODY: &str = "The minister said on Monday that the government would present a new plan to fight encrypted messaging services used by criminal groups across the continent.\n\nThe plan, which was drafted over several months with the help of experts from many countries, will be discussed by the ministers at a meeting in Paris later this month.\n\nCritics said that the proposal went too far and that it would weaken the security of millions of ordinary users who rely on these services every day.";

    #[test]
    fn dump_dateline_and_byline_in_many_languages() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("Publié le 7 juillet 2016 à 10h32\n\nPar Jean Dupont et Marie Martin", "2016-07-07", &["Jean Dupont", "Marie Martin"]),
            ("By Jane Doe and John Roe\n\nMarch 28, 2017 3:41 p.m. ET", "2017-03-28", &["Jane Doe", "John Roe"]),
            ("Von Anna Berger und Max Weber\n\n28.03.2017", "2017-03-28", &["Anna Berger", "Max Weber"]),
            ("Por Lucía Fernández y Pedro Gil\n\n28/03/2017", "2017-03-28", &["Lucía Fernández", "Pedro Gil"]),
            ("Di Marco Bianchi e Luca Rossi\n\n28 marzo 2017", "2017-03-28", &["Marco Bianchi", "Luca Rossi"]),
            ("By Jane Doe, Senior Editor\n\n2017-03-28T10:00:00Z", "2017-03-28", &["Jane Doe"]),
            ("Por Ana Souza\n\n28 de março de 2017", "2017-03-28", &["Ana Souza"]),
        ];
        for (header, day, authors) in cases {
            let dump = format!("Home\n\nNews\n\nMinisters plan a new offensive against encrypted messaging\n\n{header}\n\n{BODY}");
            let a = dump_meta(&dump);
            assert_eq!(a.title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"), "{header}");
            assert_eq!(a.published_date.map(|d| d.to_string()).as_deref(), Some(*day), "{header}");
            assert_eq!(a.authors, *authors, "{header}");
        }
    }

    #[test]
    fn dump_bylines_without_by() {
        let cases: &[(&str, &[&str])] = &[
            // names then a date, a date then names, names then a handle and a relative time
            ("Jane Holloway - Nov 19, 2019, 10:31 pm CST", &["Jane Holloway"]),
            ("2019-11-20 17:27:46 Marco De Luca", &["Marco De Luca"]),
            ("Peter Lindqvist @plindqvist / 2 days", &["Peter Lindqvist"]),
            // a job or an employer after a comma
            ("Tom Fairweather, AP Auto Writer\n\nNovember 19, 2019", &["Tom Fairweather"]),
            ("Ruth Okafor, Business Insider\n\nNov. 19, 2019, 9:37 AM", &["Ruth Okafor"]),
            // alone, next to a dateline
            ("Nov 20, 2019 4:29 AM EST\n\nAnna Kowalczyk", &["Anna Kowalczyk"]),
            // `By` bylines cut at an update word or a glued handle
            ("By Umar Said Updated Nov 13, 2019, 10:28am EST", &["Umar Said"]),
            ("By Carla Mendes@carlamendes\n\nNovember 19, 2019", &["Carla Mendes"]),
        ];
        for (header, authors) in cases {
            let dump = format!("Home\n\nNews\n\nMinisters plan a new offensive against encrypted messaging\n\n{header}\n\n{BODY}");
            assert_eq!(dump_meta(&dump).authors, *authors, "{header}");
        }
        // a dateline city, a desk, a heading in capitals and an agency are nobody
        for header in ["New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM", "Daily Sport\n\n19 November 2019 • 1:16pm", "CAR REVIEWS\n\nNovember 19, 2019", "By Reuters\n\nNovember 19, 2019", "Share this story\n\nNovember 19, 2019"] {
            let dump = format!("Home\n\nNews\n\nMinisters plan a new offensive against encrypted messaging\n\n{header}\n\n{BODY}");
            assert!(dump_meta(&dump).authors.is_empty(), "{header}: {:?}", dump_meta(&dump).authors);
        }
    }

    #[test]
    fn dump_times_set_the_instant() {
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\nMarch 28, 2017 3:41 p.m. ET\n\n{BODY}"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2017-03-28T19:41:00+00:00");
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\nPublié le 7 juillet 2016 à 10h32\n\n{BODY}"));
        assert_eq!(a.published_text.as_deref(), Some("7 juillet 2016"));
        assert_eq!(a.published_date.unwrap().to_string(), "2016-07-07");
    }

    #[test]
    fn publication_preferred_over_update_and_relative_dates_stay_text() {
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\nMis à jour le 9 juillet 2016\n\nPublié le 7 juillet 2016\n\n{BODY}"));
        assert_eq!(a.published_date.unwrap().to_string(), "2016-07-07");
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\nUpdated 2 hours ago\n\n{BODY}"));
        assert_eq!(a.published_date, None);
        assert_eq!(a.published_text.as_deref(), Some("2 hours ago"));
        // only an update date: it is the best we have
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\nMis à jour le 9 juillet 2016\n\n{BODY}"));
        assert_eq!(a.published_date.unwrap().to_string(), "2016-07-09");
    }

    #[test]
    fn teaser_and_tweet_dates_are_not_the_article_date() {
        let dump = format!(
            "Ministers plan a new offensive against encrypted messaging\n\n{BODY}\n\nHe said it again today https://t.co/abcdefghij\n— Jane Doe (@janedoe) 7 juillet 2016\n\nThe debate will continue in parliament next week, where several parties have already announced that they will vote against it.\n\nMore stories\n\nAnother headline about something else entirely\n\n30.01.2023"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.published_date, None);
    }

    #[test]
    fn site_name_from_title_suffix_or_copyright() {
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging | The Daily Planet\n\nMinisters plan a new offensive against encrypted messaging\n\n28.03.2017\n\n{BODY}"));
        assert_eq!(a.title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"));
        assert_eq!(a.site_name.as_deref(), Some("The Daily Planet"));
        let a = dump_meta(&format!("Ministers plan a new offensive against encrypted messaging\n\n{BODY}\n\n© 2017 Coast Herald. All rights reserved."));
        assert_eq!(a.site_name.as_deref(), Some("Coast Herald"));
    }

    #[test]
    fn title_skips_share_lines_and_captions() {
        let dump = format!("Ministers plan a new offensive against encrypted messaging\n\nShare this on WhatsApp\n\nThe minister at a press conference in Paris on Monday.\n\n{BODY}");
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"));
        for noise in ["BLOG > Politics > Europe", "The minister in Paris on Monday (Photo: Jane Doe/AFP)", "Lyon 18 22 13 17 — 70", "Jane Doe, Senior Writer", "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru", "Anna Moneymaker/The New York Times"] {
            let dump = format!("Ministers plan a new offensive against encrypted messaging\n\n{noise}\n\n{BODY}");
            assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"), "{noise}");
            assert!(headline_rejection(noise).is_some(), "{noise}");
        }
    }

    #[test]
    fn prepositions_inside_a_line_are_no_byline() {
        // `de`, `da`, `di` are prepositions before they introduce a name
        for line in ["Notícias da Fórmula Indy", "RSS da Stock Car", "Mensagens de Autoestima", "CORE DE FORCE Hub", "Il ritorno di Marco Polo"] {
            assert_eq!(byline_authors(line), None, "{line}");
            assert!(!header_kind(line).0, "{line}");
        }
        // ... but they do after a date or a separator, or at the start of the line
        assert_eq!(byline_authors("12.03.2019 di Marco Bianchi").unwrap(), ["Marco Bianchi"]);
        assert_eq!(byline_authors("Cultura | di Marco Bianchi").unwrap(), ["Marco Bianchi"]);
        assert_eq!(byline_authors("De Ana Souza e João Lima").unwrap(), ["Ana Souza", "João Lima"]);
        // names have no digits: a sentence that mentions `by` is no byline
        assert_eq!(byline_authors("The manager had been out of work since being sacked by Manchester United in December 2018."), None);
        assert_eq!(byline_authors("da F1 no GP do Brasil e no Geral de 2019."), None);
    }

    #[test]
    fn a_name_with_a_job_title_is_a_byline() {
        assert_eq!(header_kind("Tom Roe, news reporter"), (true, false));
        assert_eq!(header_kind("Jane Doe, Senior Editor"), (true, false));
        assert_eq!(header_kind("Paris, London, Berlin and Rome"), (false, false));
        // the headline above its standfirst and its reporter's name, a picture between
        let dump = format!(
            "Watch Live\n\nMinisters weigh a crackdown on encrypted chats\n\nThe plan had been discussed for months before the meeting in Paris in December 2018.\n\nTom Roe, news reporter\n\nNews reporter @tomroe\n\nWednesday 20 November 2019 11:42, UK\n\nA crackdown on encrypted chats is being prepared by the ministers\n\nImage: A crackdown on encrypted chats is being prepared by the ministers\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers weigh a crackdown on encrypted chats"));
    }

    #[test]
    fn bylines_split_on_commas_and_joiners() {
        assert_eq!(byline_authors("By Jane Doe, John Roe and Ann Lee").unwrap(), ["Jane Doe", "John Roe", "Ann Lee"]);
        assert_eq!(byline_authors("By Mike Doe and Malcolm Roe Monday, November 18, 2019").unwrap(), ["Mike Doe", "Malcolm Roe"]);
        assert_eq!(byline_authors("By Louis Roe on Monday, November 18th, 2019 at 4:02 p.m.").unwrap(), ["Louis Roe"]);
        assert_eq!(byline_authors("By Jeff RoeMonday, November 18, 2019").unwrap(), ["Jeff Roe"]);
        assert_eq!(byline_authors("Par Jean Dupont et Marie Martin").unwrap(), ["Jean Dupont", "Marie Martin"]);
        assert_eq!(byline_authors("Von Anna Berger und Max Weber").unwrap(), ["Anna Berger", "Max Weber"]);
        assert_eq!(byline_authors("Di Marco Bianchi e Luca Rossi").unwrap(), ["Marco Bianchi", "Luca Rossi"]);
    }

    #[test]
    fn title_is_the_headline_right_above_its_byline_not_a_teaser_nearer_the_body() {
        // a video teaser sits between the article's header and its first paragraph
        let dump = format!(
            "Markets\n\nPublished 1 day ago\n\nHome builders report weaker sales as rates climb\n\nThe retailer earned less than expected in the third quarter.\n\nFacebook\n\nTwitter\n\nBy Jane Doe\n\nclose\n\nvideo\n\nFounder says he is proud of the company's employees and their dreams\n\n{BODY}"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Home builders report weaker sales as rates climb"));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn a_centred_headline_wrapped_over_two_lines_is_one_title() {
        // links2 centres headings: the headline fills the width, its last word sits centred on
        // the next line
        let para = "The agency said on Tuesday that new images from the telescope showed the plumes again, and that a probe would be sent to study them in the next decade.";
        let mut dump = String::from("   SPACE\n\n NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon\n                                     Europa\n\n   By Jane Doe\n   November 19, 2019\n\n");
        dump.push_str(&crate::clean::wrapped_paragraphs(&[para; 4], 77, "   "));
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa"));
    }

    #[test]
    fn teasers_with_dates_are_not_the_title() {
        let dump = format!(
            "Auto News\n\nMinisters plan a new offensive against encrypted messaging\n\nBy Jane Doe\n\nMarch 28, 2017\n\nThe opening paragraph was lost by the renderer, and a related list comes before the text.\n\nRelated\n\nOld car model gets a refreshed design for the new season\n\nNovember 16, 2015\n\nAnother old model arrives in the showrooms this spring\n\nDecember 18, 2015\n\n{BODY}"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"));
        assert_eq!(a.published_date.unwrap().to_string(), "2017-03-28");
    }

    #[test]
    fn a_name_line_between_headline_and_dateline_is_a_byline() {
        let dump = format!("Ministers plan a new offensive against encrypted messaging\n\nLisa Kaczke and Trevor J. Mitchell\n\nPublished 10:02 AM EST Nov 19, 2019\n\n{BODY}");
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"));
        assert_eq!(a.published_date.unwrap().to_string(), "2019-11-19");
        // a listicle headline starts with a number; a title-case headline may end with a full stop
        for title in ["10 things in tech you need to know today", "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry."] {
            let a = dump_meta(&format!("News\n\n{title}\n\nBy Jane Doe\n\n19.11.2019, 08:57\n\n{BODY}"));
            assert_eq!(a.title.as_deref(), Some(title));
        }
    }

    #[test]
    fn dateline_run_together_with_tags_in_a_wrapped_dump() {
        // w3m wraps at 80 columns: the byline, the date and the tags make one logical line
        let body: String = BODY.split("\n\n").map(|p| crate::clean::hard_wrap(p, 79)).collect::<Vec<_>>().join("\n\n");
        let dump = format!(
            "Início\n\nUma palinha das brincadeiras musicais do grupo da cidade\n\nCarlos Nadalim 27/09/2018 Comente! Alfabetização, Brinquedos e Brincadeiras,\nMúsica\n\n{body}"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.published_date.unwrap().to_string(), "2018-09-27");
    }

    #[test]
    fn a_breadcrumb_glued_to_the_headline_is_not_the_title() {
        let dump = format!("HomeLatest NewsMinisters plan a new offensive against encrypted messaging\n\nMinisters plan a new offensive against encrypted messaging\n\nLinkNaija\n\nOctober 06, 2018\n\n{BODY}");
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers plan a new offensive against encrypted messaging"));
    }

    #[test]
    fn a_picture_and_its_caption_are_not_the_title() {
        // the image's alt text right above its caption (which names the photographer), the
        // alt repeated in a gallery below the article
        let dump = format!(
            "Europe\n\nEncrypted messaging services\n\nThe minister answers questions from reporters at a press conference in Paris in early November, after a meeting with the heads of the security services of several countries. Credit: Jane Roe/AFP\n\nMinisters weigh a crackdown on encrypted chats\n\nby Jeff Roe\n\nMonday, November 18, 2019\n\n{BODY}\n\nMore photos\n\nEncrypted messaging services"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Ministers weigh a crackdown on encrypted chats"));
        assert_eq!(a.published_date.unwrap().to_string(), "2019-11-18");
    }

    #[test]
    fn a_date_inside_a_wrapped_caption_is_no_dateline() {
        // w3m: a carousel of videos, each title above a caption wrapped at 80 columns whose
        // date sits on a continuation line; the article's own header comes much earlier
        let wrap = |p: &str| crate::clean::hard_wrap(p, 79);
        let body: String = BODY.split("\n\n").map(wrap).collect::<Vec<_>>().join("\n\n");
        let caption = wrap("The deputy minister, who spoke at length about the plan, leaves a committee hearing in the capital on Tuesday, Nov. 19, 2019, after several hours of questions from members of the opposition.");
        let menu: String = ["World", "Europe", "Business", "Markets", "Tech", "Health", "Sport", "Travel", "Style"].iter().map(|s| format!("  • {s}\n  • More {s}\n")).collect::<String>().repeat(3);
        let dump = format!(
            "Politics\n\nWhy ministers cannot agree on the future of encrypted messaging\n\nAnalysis by Jane Doe, Europe editor\n\nUpdated 1909 GMT November 18, 2019\n\nThe opening paragraph was dropped by the renderer.\n\n{menu}\nVideos\n\nDeputy minister describes the talks between the two camps\n\n{caption}\n\n{body}"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Why ministers cannot agree on the future of encrypted messaging"));
    }

    #[test]
    fn a_rule_across_the_page_does_not_continue_into_the_byline() {
        let wrap = |p: &str| crate::clean::hard_wrap(p, 79);
        let body: String = BODY.split("\n\n").map(wrap).collect::<Vec<_>>().join("\n\n");
        let rule = "━".repeat(79);
        let dump = format!(
            "  • Earnings Report\n\nHome Builders Report Weaker Sales as Mortgage Rates Climb. Why You Shouldn’t\nWorry.\n\n{rule}\nBy\nJane Doe\nUpdated Nov. 19, 2019 8:21 am ET\n\n{body}"
        );
        let a = dump_meta(&dump);
        assert_eq!(a.title.as_deref(), Some("Home Builders Report Weaker Sales as Mortgage Rates Climb. Why You Shouldn’t Worry."));
    }

    #[test]
    fn a_standfirst_shorter_than_the_headline_is_not_the_title() {
        let head = "Euro 2020 qualifying: tracking every team to clinch a spot as Wales punches its ticket";
        let deck = "Twenty teams have punched tickets for next summer's tournament";
        assert!(is_short_standfirst(head, deck));
        // a promotion line of about the same length above the headline is no headline of it
        assert!(!is_short_standfirst("Black Friday 2019: grab the hottest early Black Friday deals here", "The 10 best early Black Friday deals on phones"));
        let wrap = |p: &str| crate::clean::hard_wrap(p, 79);
        let body: String = BODY.split("\n\n").map(wrap).collect::<Vec<_>>().join("\n\n");
        for (sep, body) in [("\n", BODY.to_string()), ("\n\n", body)] {
            let dump = format!("Up next:\n\n{}{sep}{deck}{sep}By Jane Doe{sep}Nov 19, 2019 at 4:39 am ET{sep}{body}", if sep == "\n" { head.to_string() } else { wrap(head) });
            assert_eq!(dump_meta(&dump).title.as_deref(), Some(head), "{sep:?}");
        }
    }

    #[test]
    fn a_label_between_the_headline_and_its_standfirst() {
        let dump = format!(
            "Opinion\n\nThe Daily Planet view on Europe: a continent on the brink\n\nEditorial\n\nThe ministers' plan against encrypted messaging services has only fuelled the debate. It is up to them to explain it, as critics say\n\nMon 18 Nov 2019 18.54 GMT\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("The Daily Planet view on Europe: a continent on the brink"));
    }

    #[test]
    fn a_second_spelling_of_the_headline_below_it_is_not_the_title() {
        assert!(is_variant("Ministers weigh a crackdown on encrypted chats… and critics are worried", "Ministers weigh a new crackdown on encrypted chats… and critics are worried so far"));
        // a copy with the site's name, a short label, other news: no variants
        assert!(!is_variant("Ministers weigh a crackdown on encrypted chats - The Daily Planet", "Ministers weigh a crackdown on encrypted chats"));
        assert!(!is_variant("Encrypted chats crackdown", "Ministers weigh a crackdown on encrypted chats"));
        assert!(!is_variant("Ministers weigh a crackdown on encrypted chats", "Police arrest two men after a chase through the city centre"));
        // the headline, two buttons, the title of its podcast player, the dateline
        let dump = format!(
            "  • Sport\n\nPodcast: ministers weigh a crackdown on encrypted chats… and critics are worried\n\nSave\n\nSave\n\nPodcast: ministers weigh a new crackdown on encrypted chats… and critics are worried so far\n\n  • Daily Planet Politics\n\n19 November 2019 • 1:16pm\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Podcast: ministers weigh a crackdown on encrypted chats… and critics are worried"));
    }

    #[test]
    fn a_headline_with_an_html_entity_left_in_is_a_copy_from_the_markup() {
        let dump = format!(
            "  • Sign In\n\nMinisters weigh a crackdown on encrypted chats &mdash; and critics are not happy\n\nSTREAM BIG\n\nMinisters weigh a crackdown on encrypted chats — and critics are not happy\n\nJane Doe\n\nNovember 18, 2019\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers weigh a crackdown on encrypted chats — and critics are not happy"));
    }

    #[test]
    fn a_line_at_another_indentation_continues_no_full_line() {
        // w3m lays a page out in columns: a full-width line of one cell, then the headline of
        // another cell at its own margin
        let full = format!("{}Subscribe", " ".repeat(70));
        let dump = format!("{full}\n                  Seeking a bigger role for a big rocket\n                  by Jeff Foust\n");
        let d = decisions_of(&dump, 3);
        assert!(!is_wrapped(&d, Some(80), 0));
        // the same margin: the line goes on
        let text = "The core stage of the first rocket at the assembly plant after the installation of";
        let dump = format!("  {text}\n  its four engines.\n");
        let d = decisions_of(&dump, 0);
        assert!(is_wrapped(&d, Some(86), 0));
    }

    /// Decisions for a dump whose lines from `body_from` on are the body (one paragraph per
    /// block of lines), to test the chooser without the cleaner.
    fn decisions_of(dump: &str, body_from: usize) -> Vec<LineDecision> {
        let mut paragraph = 0;
        dump.lines()
            .enumerate()
            .map(|(i, t)| {
                let body = i >= body_from && !t.trim().is_empty();
                if i > body_from && t.trim().is_empty() {
                    paragraph += 1;
                }
                LineDecision {
                    line: i + 1,
                    text: t.to_string(),
                    label: if body { Label::Body } else if t.trim().is_empty() { Label::Blank } else { Label::Boilerplate },
                    reason: String::new(),
                    paragraph: body.then_some(paragraph),
                }
            })
            .collect()
    }

    #[test]
    fn a_dateline_below_a_paragraph_belongs_to_no_headline_above_it() {
        // w3m: a picture's caption right above the body, whose first paragraph (a long quote)
        // ends with its source and date
        let wrap = |p: &str| crate::clean::hard_wrap(p, 79);
        let quote = wrap("“The ministers of the interior of several countries said on Monday that the plan against encrypted messaging services would be presented to the parliaments of the member states before the end of the year, after months of talks with the companies concerned, with experts in cryptography and with the associations that defend the rights of ordinary users, who fear for their privacy and their security online.”");
        let body: String = BODY.split("\n\n").map(wrap).collect::<Vec<_>>().join("\n\n");
        let dump = format!(
            "Europe\n\nMinisters weigh a crackdown on encrypted chats\n\nNovember 18, 2019\n\nThe interior ministers of the member states\n\n{quote}\n\nSource: Interior Ministry, October 25, 2019\n\n{body}\n\nMore photos\n\nThe interior ministers of the member states\n\nMost read\n\nMinisters weigh a crackdown on encrypted chats"
        );
        let decisions = decisions_of(&dump, 8);
        assert_eq!(choose_title_at(&decisions, &non_blank(&decisions), Some(80)).unwrap().text, "Ministers weigh a crackdown on encrypted chats");
    }

    #[test]
    fn a_headline_far_above_a_late_body_start_with_its_byline_and_dateline() {
        // a carousel of videos (list items) between the article's header and the body the
        // cleaner found: 130 lines
        let carousel: String = (1..=130).map(|k| format!("  • Video {k}: the latest news\n")).collect();
        let dump = format!(
            "Politics\n\nWhy ministers cannot agree on the future of encrypted messaging\n\nAnalysis by Jane Doe, Europe editor\n\nUpdated 1909 GMT November 18, 2019\n\n{carousel}\n{BODY}"
        );
        let from = dump.lines().position(|l| l.starts_with("The minister said")).unwrap();
        let decisions = decisions_of(&dump, from);
        let c = choose_title_at(&decisions, &non_blank(&decisions), None).unwrap();
        assert_eq!(c.text, "Why ministers cannot agree on the future of encrypted messaging");
    }

    #[test]
    fn headlines_dated_long_before_the_latest_are_related_articles() {
        // the cleaner started the body below a list of related articles, each repeated (an
        // image's alt text, then the link) under a kicker, with its date
        let teasers: String = [
            ("Old phone rules were changed by the regulator", "January 12, 2016"),
            ("A new folding phone arrives in the shops", "September 12, 2018"),
        ]
        .iter()
        .map(|(h, d)| format!("{h}\n\nTECH NEWS\n\n{h}\n\n{d}\n\n"))
        .collect();
        let dump = format!(
            "Tech News\n\nMinisters weigh a crackdown on encrypted chats image\n\nTech News\n\nMinisters weigh a crackdown on encrypted chats\n\nJane DoeView More Articles\n\nIt looks good even with the roof chopped off, and its critics are already lining up against it\n\nJohn Roe November 20, 2019 12:32\n\nMORE STORIES LIKE THIS ONE\n\n{teasers}{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Ministers weigh a crackdown on encrypted chats"));
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(dateline_age(day("2019-11-20"), day("2019-11-20"), 3).unwrap().0, 0.5);
        assert_eq!(dateline_age(day("2018-09-12"), day("2019-11-20"), 3).unwrap().0, -0.5);
        assert_eq!(dateline_age(day("2019-11-18"), day("2019-11-20"), 3), None);
        assert_eq!(dateline_age(None, day("2019-11-20"), 3), None);
    }

    #[test]
    fn a_picture_with_its_credit_between_the_headline_and_a_glued_byline() {
        assert_eq!(header_kind("By Jane RoeBusiness Columnist"), (true, false));
        assert!(is_header_noise("(Jane Roe / Associated Press)", is_chrome));
        let dump = format!(
            "Business\n\nColumn: The ministers' plan sends a dismal signal about the future of encrypted chats\n\nMinistry headquarters building\n\nThe ministry is merging two agencies to create the largest security service in Europe.\n\n(Jane Roe / Associated Press)\n\nBy Michael RoeBusiness Columnist\n\nNov. 19, 2019\n\n5:53 PM\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Column: The ministers' plan sends a dismal signal about the future of encrypted chats"));
    }

    #[test]
    fn a_two_word_headline_right_above_its_dateline_next_to_the_body() {
        let dump = format!(
            "Games\n\nDare to Play 3\n\nPrivate Club\n\nAbout Me\n\nHome » Column »\n\n13 Aug\n\nColumn\n\nEncrypted chats\n\nAugust 13, 2018\n\nPosted by Vortex\n\nLeave a comment\n\n{BODY}"
        );
        assert_eq!(dump_meta(&dump).title.as_deref(), Some("Encrypted chats"));
        // farther from the body, two words stay a menu entry
        let dump = format!("Games\n\nEncrypted chats\n\nAugust 13, 2018\n\n{}{BODY}", "Menu entry\n\n".repeat(8));
        assert_ne!(dump_meta(&dump).title.as_deref(), Some("Encrypted chats"));
    }

    #[test]
    fn collapse_is_split_whitespace_joined() {
        let mut every_space: String = (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        every_space.push_str("a b");
        for s in ["", "  ", "a", "a b", " a  b\tc\n", "\u{b}x\u{c}y\u{1c}z", "Jane\u{a0}Doe\u{3000}東京\u{2009}", "\u{85}é  ü ", "  • Sport  ", "a\u{200b}b", "— “quoted” …", "a  b", "x\u{a0}y", "ab  ", &every_space] {
            assert_eq!(collapse(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|c| c.is_whitespace() && *c != ' ') {
            assert!(has_whitespace_run(&format!("a{c}b")), "{c:?}");
        }
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("Publié le 7 juillet 2016 à 10h32"));
        assert!(is_dateline("Updated 2 hours ago"));
        assert!(!is_dateline("Breaking news"));
    }
}
