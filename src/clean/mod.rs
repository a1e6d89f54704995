//! ②a Cleaning and segmentation of plain-text page dumps.
//!
//! A dump is a whole page flattened to text. The cleaner
//! 1. finds tweet embeds (their lines are never paragraphs),
//! 2. detects hard wrapping and unwraps lines into blocks (one block per paragraph),
//! 3. scores each block (prose earns, chrome costs) and keeps the densest span of text: the
//!    article body,
//! 4. picks the title and the header lines (dateline, section) above the body,
//! 5. records a [`LineDecision`] for every line, so that a user can ask why a line went.

pub mod columns;
pub mod glued;
pub mod headings;
pub mod links;
pub mod markdown;
pub mod rules;
pub mod underline;

use std::sync::LazyLock;

use serde::Serialize;

use crate::embed::twitter::{find_text_tweets, is_tweet_chrome};
use crate::model::{lowercase, Paragraph, ParagraphKind, Tweet};
use crate::options::{Favor, Options};

/// Runs of ASCII this long without a space are no words (see [`Block::is_code_or_url`]).
const LONG_TOKEN: usize = 30;
/// ...when they have one of these: query strings, percent-encoding, code.
const CODE_CHARS: &[char] = &['=', '%', '&', '?', '{', '}', ';'];

/// What became of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    Title,
    Body,
    Tweet,
    Metadata,
    Boilerplate,
    Blank,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Title => "title",
            Label::Body => "body",
            Label::Tweet => "tweet",
            Label::Metadata => "metadata",
            Label::Boilerplate => "boilerplate",
            Label::Blank => "blank",
        }
    }
}

/// The decision taken for one line of a dump, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineDecision {
    /// 1-based line number in the decoded text.
    pub line: usize,
    pub text: String,
    pub label: Label,
    pub reason: String,
    /// Index of the paragraph the line went into, for body lines.
    pub paragraph: Option<usize>,
}

/// Lines found around the title that carry metadata, for the `meta` stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderLines {
    /// The line right above the title, when it looks like a section label.
    pub section: Option<String>,
    /// Lines between the title and the first paragraph (datelines, bylines), with their index
    /// in [`TextExtraction::decisions`].
    pub between: Vec<(usize, String)>,
    /// Short lines of the page outside the body (brand lines, copyright lines).
    pub outside: Vec<String>,
}

/// What the cleaner found in a dump.
#[derive(Debug, Clone, Default)]
pub struct TextExtraction {
    pub title: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub tweets: Vec<Tweet>,
    pub header: HeaderLines,
    pub decisions: Vec<LineDecision>,
    /// The width the decisions' lines are hard-wrapped at, if they are ([`wrap_width`]).
    pub wrap_width: Option<usize>,
}

/// A run of lines that forms one unit (a paragraph, a list item, a nav entry).
#[derive(Debug, Clone)]
struct Block {
    first: usize,
    last: usize,
    text: String,
    words: usize,
    bullet: bool,
    indent: usize,
    /// Set by the classification.
    chrome: Option<String>,
    duplicate: usize,
    /// Function words in the text ([`rules::stop_words`]).
    stops: usize,
    /// A byline or dateline ([`Block::header_line`]).
    header: bool,
    /// Chrome that sits inside articles (captions, in-text teasers): it costs less.
    furniture: bool,
    /// Inside a numbered list of this many items ([`mark_enumerations`]).
    enumerated: Option<usize>,
    /// The number of an item numbered `3)` as written: stripped for the rules, given back in the
    /// paragraph's text (the author wrote it; `3.` is how renderers number ordered lists).
    item_label: Option<String>,
    /// Hover-card text was cut out of the block ([`rules::cut_hover_cards`]).
    hover_cut: bool,
    /// A row of a table or schedule ([`mark_data_rows`]).
    data_row: bool,
    /// The number of a numbered list item (`3)`, `3.`), read before the bullet is stripped.
    number: Option<u32>,
    /// The next block goes on in lowercase: this one is a piece of a sentence cut by the
    /// renderer, not a line of its own.
    run_on: bool,
    /// Marked as a heading by the rendering (a Markdown `#` heading, a framed heading): it
    /// earns nothing however many words it has.
    heading: bool,
    /// A line of a template the article repeats (a recipe card's or a meal plan's labels), not
    /// a menu shown twice ([`mark_template_lines`]): no cost for being repeated.
    template: bool,
    score: f64,
}

impl Block {
    fn ends_sentence(&self) -> bool {
        let t = self.text.trim_end();
        t.ends_with(['.', '!', '?', '…', '»', '"', '”', '’', ')', ':', ';', '。', '！', '？'])
    }

    fn is_prose(&self) -> bool {
        (self.words >= 10 && self.ends_sentence()) || self.words >= 25
    }

    /// A short line that reads like a piece of running text (a subheading, a list item, a
    /// quote): it has function words, as sentences do and menu labels do not.
    fn is_fragment(&self) -> bool {
        self.words >= 3 && self.stops * 5 >= self.words
    }

    /// A long run of words with no sentence punctuation and few function words: a tag cloud
    /// or a keyword list, not prose.
    fn is_word_list(&self) -> bool {
        self.words >= 20
            && self.stops * 10 < self.words
            && !self.text.contains(['.', ',', ';', ':', '!', '?', '。', '、', '，'])
    }

    /// How many of its words are hashtags (`#word`) when there are at least [`POST_HASHTAGS`]
    /// of them making up at least a [`POST_HASHTAG_SHARE`] of the words: a social-media post
    /// (an Instagram or Facebook feed in the sidebar), not article prose; none otherwise.
    fn hashtag_post(&self) -> Option<usize> {
        if self.words < POST_HASHTAGS || memchr::memchr_iter(b'#', self.text.as_bytes()).count() < POST_HASHTAGS {
            return None;
        }
        let tags = self.text.split_whitespace().filter(|w| w.strip_prefix('#').and_then(|t| t.chars().next()).is_some_and(char::is_alphanumeric)).count();
        (tags >= POST_HASHTAGS && tags as f64 >= self.words as f64 * POST_HASHTAG_SHARE).then_some(tags)
    }

    /// How many marks of script, style or data text ([`glued::code_marks`]) the block has when there is one for
    /// every [`SCRIPT_WORDS_PER_MARK`] words or fewer (and [`SCRIPT_MIN_MARKS`] at least): a
    /// page's scripts and style sheets, which some dumps (a DOM's whole text) keep. None
    /// otherwise.
    fn script_marks(&self) -> Option<usize> {
        let marks = glued::code_marks(self.text.as_bytes());
        (marks >= SCRIPT_MIN_MARKS && marks * SCRIPT_WORDS_PER_MARK >= self.words).then_some(marks)
    }

    /// Mostly long runs of query strings or code: a URL's parameters or a tracking string
    /// broken over lines (`IFRAME: https://…?apiKey=3_-FVQzpd`, `FRai9eK0LUE2-7hZ&version=l`),
    /// whose pieces would count as words. A URL quoted whole in an article starts with its
    /// scheme and is not counted, nor are words joined by slashes. (ASCII only: Chinese or
    /// Japanese text has no spaces either.)
    fn is_code_or_url(&self) -> bool {
        let (mut long, mut all) = (0, 0);
        for t in self.text.split_ascii_whitespace() {
            all += t.len();
            if t.len() >= LONG_TOKEN && t.is_ascii() && !t.starts_with("http") && !t.starts_with("www.") && t.contains(CODE_CHARS) {
                long += t.len();
            }
        }
        long > 0 && long * 2 >= all
    }

    /// A short line made of names only: no function word at all (menu entries, tags).
    fn is_label(&self) -> bool {
        self.words <= 6 && self.stops == 0
    }

    /// A byline (`By Jane Doe`) or a line that is little more than a date (computed once, in
    /// [`Block::header_line`]).
    fn is_header_line(&self) -> bool {
        self.header
    }

    fn header_line(&self) -> bool {
        if self.words > 16 || self.ends_sentence_strictly() {
            return false;
        }
        let digits = self.text.bytes().any(|c| c.is_ascii_digit());
        // bylines open with their word (`By …`, `Par …`) or follow a date (`27.03.2017 par …`)
        // (or open with their word and end with a date and a time: `By Jane Doe and John Roe on
        // Monday, November 18th, 2019 at 11:08 a.m.`)
        let byline_word = self.text.split_whitespace().next().is_some_and(|w| rules::BYLINE_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)));
        let short = self.text.split_whitespace().nth(8).is_none();
        let byline_shaped = (short && (digits || byline_word)) || (byline_word && digits && rules::has_timestamp(&self.text));
        (byline_shaped && crate::meta::text::byline_authors(&self.text).is_some())
            || (digits && crate::meta::dates::find_date(&self.text).is_some_and(|d| (d.end - d.start) * 2 >= self.text.trim().len()))
            || (digits && self.stops <= 1 && rules::has_timestamp(&self.text))
            || (digits && rules::post_meta_line(&self.text) && crate::meta::dates::find_date(&self.text).is_some())
    }

    fn ends_sentence_strictly(&self) -> bool {
        let t = self.text.trim_end();
        // (a final abbreviation in lowercase letters and dots, `a.m.`, ends no sentence)
        let abbreviation = t.rsplit(' ').next().is_some_and(|w| w.len() >= 4 && w.bytes().enumerate().all(|(i, c)| if i % 2 == 1 { c == b'.' } else { c.is_ascii_lowercase() }));
        t.ends_with(['.', '!', '?', '。', '！', '？']) && !t.ends_with("..") && self.words > 6 && !abbreviation
    }
}

/// How much narrower than the usual estimate the width read off continuation lines must be
/// to replace it.
const NARROWER: usize = 8;

/// Lines going on in lowercase needed to read the width off them ([`continuation_width`]).
const CONTINUATIONS: usize = 8;

/// Width at which the dump is hard-wrapped, if it is.
pub(crate) fn wrap_width(lines: &[&str]) -> Option<usize> {
    wrap_width_as_rendered(lines, lines, &line_widths(lines))
}

/// Display width of every line, trailing spaces left out ([`display_width`]).
fn line_widths(lines: &[&str]) -> Vec<usize> {
    lines.iter().map(|l| display_width(l.trim_end())).collect()
}

/// [`wrap_width`] of `lines` whose widths were those of `rendered` (the same lines as the
/// renderer wrapped them, before link numbers were taken out); `widths` are the rendered
/// lines' [`line_widths`].
fn wrap_width_as_rendered(lines: &[&str], rendered: &[&str], widths: &[usize]) -> Option<usize> {
    let mut lens: Vec<usize> = widths.iter().copied().filter(|&n| n > 0).collect();
    if lens.len() < 8 {
        return None;
    }
    lens.sort_unstable();
    let p99 = lens[(lens.len() * 99 / 100).min(lens.len() - 1)];
    if !(30..=200).contains(&p99) {
        return None;
    }
    let long = lens.iter().filter(|&&n| n >= 30).count();
    let near = lens.iter().filter(|&&n| n + 12 >= p99 && n <= p99).count();
    // Wrapped lines are followed by a line whose first word would not have fitted: on a page
    // of menus and short lines, few lines reach the width but most of those that run on do.
    let (mut runs_on, mut wrapped) = (0, 0);
    for (i, pair) in rendered.windows(2).enumerate() {
        let b = pair[1];
        let n = widths[i];
        if n < 30 || n > p99 || b.trim().is_empty() || rules::strip_bullet(lines[i + 1]).is_some() {
            continue;
        }
        runs_on += 1;
        if n + 1 + first_word_len(b) > p99 {
            wrapped += 1;
        }
    }
    // A hard ceiling: no line goes past the width (free text has a long tail of long lines).
    let ceiling = lens[lens.len() - 1] <= p99 + 2;
    // Hard-wrapped text piles up just under the width; free text does not. On a wide page
    // (120 columns) most paragraphs fit on one line or two, and menus and table rows run on
    // without wrapping: then a hard ceiling and a share of lines that run on tell it.
    if long >= 5 && (near * 10 >= long * 3 || (wrapped >= 3 && wrapped * 3 >= runs_on * 2) || (ceiling && wrapped >= 3 && wrapped * 4 >= runs_on)) {
        let (top, second) = (lens[lens.len() - 1], lens[lens.len() - 2]);
        let w = top.min(p99 + 2);
        // lines pushed past the width by unbreakable words can set it too wide: the lines a
        // sentence runs on from tell the narrower width the text was wrapped at
        match continuation_width(lines, rendered, widths) {
            Some(c) if c + NARROWER < w => Some(c),
            // a single line longer than all others by two or more is not the width: a line
            // the renderer could not break
            _ if top > second + 1 => Some(second.min(p99 + 2)),
            _ => Some(w),
        }
    } else {
        continuation_width(lines, rendered, widths)
    }
}

/// The width read off the lines a sentence runs on from (the next line goes on in lowercase),
/// for dumps whose longest lines are not wrapped ones: words the renderer would not break (a
/// run of non-breaking spaces, a long link) push a few lines past the width, and the 99th
/// percentile of all lines then misses it. Wrapped paragraphs end their lines just under the
/// width, where the next word would not have fitted.
fn continuation_width(lines: &[&str], rendered: &[&str], widths: &[usize]) -> Option<usize> {
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (width of the line, of the next word)
    for (i, pair) in rendered.windows(2).enumerate() {
        let b = pair[1].trim_start();
        let n = widths[i];
        if n >= 30 && b.starts_with(char::is_lowercase) && rules::strip_bullet(lines[i + 1]).is_none() {
            ends.push((n, first_word_len(b)));
        }
    }
    if ends.len() < CONTINUATIONS {
        return None;
    }
    let mut widths: Vec<usize> = ends.iter().map(|e| e.0).collect();
    widths.sort_unstable();
    let w = widths[widths.len() * 9 / 10];
    // most of those lines end where the next word would not have fitted under that width
    let full = ends.iter().filter(|(n, word)| *n <= w && n + 1 + word > w).count();
    (full * 4 >= ends.len() * 3).then_some(w + 1)
}

/// Scripts written without spaces (Han, kana, Thai...): one word every [`CJK_CHARS_PER_WORD`]
/// characters, so that a Japanese paragraph weighs like an English one.
const CJK_CHARS_PER_WORD: usize = 2;

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F | 0x0E80..=0x0EFF | 0x1000..=0x109F)
}

/// Characters that take two columns in a terminal (Han, kana, Hangul, full-width forms and
/// CJK punctuation): renderers wrap at columns, not characters.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Wide characters of scripts written without spaces between words (all but Hangul).
fn is_unspaced_wide(c: char) -> bool {
    is_wide(c) && !matches!(c as u32, 0x1100..=0x115F | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7A3)
}

/// Width of a line in terminal columns.
fn display_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(|c| if (c as u32) >= 0x1100 && is_wide(c) { 2 } else { 1 }).sum()
}

/// Words of a block: alphanumeric runs, with runs of unspaced scripts counted by length.
fn text_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut unspaced: usize = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            // a run of ASCII bytes, counted without branches
            let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            for &b in &bytes[i..i + run] {
                let w = b.is_ascii_alphanumeric();
                n += usize::from(w & !in_word);
                in_word = w;
            }
            i += run;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if is_unspaced_script(c) {
            unspaced += 1;
            in_word = false;
            continue;
        }
        let w = crate::model::is_alphanumeric(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n + unspaced.div_ceil(CJK_CHARS_PER_WORD)
}

/// Lines indented at least this much are looked at for a centred layout ([`centre_axis`]).
const CENTRED_MIN_INDENT: usize = 6;
/// Lines on one axis that make a page's text centred ([`centre_axis`]).
const CENTRED_MIN_LINES: usize = 5;

/// The axis a page centres its text on, as twice its middle column, when it has one. A
/// renderer that centres a paragraph (elinks, for text the page centres) starts each of its
/// lines at its own indent, and the lines' middles stay in one column (within one, for odd
/// widths). A page centres text when most of its clearly indented lines of text (not list
/// items) have their middle in the same column; list items' hanging lines and indented
/// pictures have their middles all over the place.
fn centre_axis(lines: &[&str], rendered: &[&str], widths: &[usize]) -> Option<usize> {
    let mut axes: Vec<usize> = (0..rendered.len())
        .filter_map(|i| {
            let indent = indent_of(rendered[i]);
            let text = indent >= CENTRED_MIN_INDENT && rules::strip_bullet(lines[i]).is_none() && rendered[i].contains(char::is_alphanumeric);
            text.then_some(indent + widths[i])
        })
        .collect();
    if axes.len() < CENTRED_MIN_LINES {
        return None;
    }
    axes.sort_unstable();
    // the most lines within one column of each other
    let (mut best, mut axis, mut lo) = (0, 0, 0);
    for hi in 0..axes.len() {
        while axes[hi] - axes[lo] > 2 {
            lo += 1;
        }
        if hi + 1 - lo > best {
            (best, axis) = (hi + 1 - lo, axes[(lo + hi) / 2]);
        }
    }
    (best >= CENTRED_MIN_LINES && best * 2 >= axes.len()).then_some(axis)
}

/// Is line `i` centred on the page's `axis` ([`centre_axis`]) at another indent than the line
/// above it, which is centred on it too? (A list item's lines hang at their own indent: the
/// caller does not ask for one.)
fn centred_under(rendered: &[&str], widths: &[usize], axis: usize, i: usize) -> bool {
    let (above, here) = (indent_of(rendered[i - 1]), indent_of(rendered[i]));
    // twice the middle column: the indent plus the width (which includes the indent); a rule
    // (a line of `_` or `-` as wide as the text) is centred too, but is no text
    above != here
        && (above + widths[i - 1]).abs_diff(axis) <= 2
        && (here + widths[i]).abs_diff(axis) <= 2
        && rendered[i].contains(char::is_alphanumeric)
}

/// Narrowest line a column of wrapped text is read off ([`column_width`]).
const COLUMN_MIN_WIDTH: usize = 40;
/// Line pairs a column's width must explain ([`column_width`]).
const COLUMN_MIN_PAIRS: usize = 4;

/// Whether line `i` of running text may go on at line `i + 1` of a column ([`column_width`]):
/// both at the same indent, the next starting with a letter or digit and no list item, and
/// line `i` at least [`COLUMN_MIN_WIDTH`] wide, of words (four spaces or more), and not ending a
/// sentence.
fn may_run_on(lines: &[&str], rendered: &[&str], widths: &[usize], i: usize) -> bool {
    if !(COLUMN_MIN_WIDTH..256).contains(&widths[i]) {
        return false;
    }
    let (a, b) = (rendered[i].trim_end(), rendered[i + 1]);
    !a.ends_with(['.', '!', '?', '…', '"', '”', ':', ';', '。', '！', '？'])
        && b.trim_start().starts_with(char::is_alphanumeric)
        && memchr::memchr_iter(b' ', a.trim_start().as_bytes()).nth(3).is_some()
        && indent_of(a) == indent_of(b)
        && rules::strip_bullet(lines[i + 1]).is_none()
}

/// Whether line `i` of running text ([`may_run_on`]) fills a column `w` wide: it fits, and the
/// next line's first word would not have (the test `blocks` joins a column's lines by).
fn fills_column(lines: &[&str], rendered: &[&str], widths: &[usize], i: usize, w: usize) -> bool {
    may_run_on(lines, rendered, widths, i) && widths[i] <= w && widths[i] + 2 + first_word_len(rendered[i + 1]) > w
}

/// The width of a column of text hard-wrapped narrower than the page (a layout table's cell,
/// as terminal browsers render it), or of a page whose width [`wrap_width_as_rendered`] could
/// not tell (a few wrapped paragraphs among many short lines): the width under which the most
/// lines of running text ([`may_run_on`]) end where the next line's first word would not have
/// fitted, when at least [`COLUMN_MIN_PAIRS`] do and they are most of those ending within a
/// word of it. A width near the page's adds nothing and is not returned.
fn column_width(lines: &[&str], rendered: &[&str], widths: &[usize], page: Option<usize>) -> Option<usize> {
    // for each width, how many line ends it explains, as the joining of `blocks` reads them:
    // a line `n` wide goes on when `n <= w < n + 2 + first word`
    let mut explained = [0u32; 258];
    let mut ends: Vec<usize> = Vec::new();
    for i in 0..rendered.len().saturating_sub(1) {
        if may_run_on(lines, rendered, widths, i) {
            let n = widths[i];
            let hi = (n + 1 + first_word_len(rendered[i + 1])).min(257);
            for c in &mut explained[n..=hi] {
                *c += 1;
            }
            ends.push(n);
        }
    }
    let (w, best) = explained.iter().enumerate().max_by_key(|&(w, c)| (*c, std::cmp::Reverse(w)))?;
    let best = *best as usize;
    // the lines of running text that end within a typical word of the width
    let near = ends.iter().filter(|&&n| n <= w && n + 12 >= w).count();
    let new = page.is_none_or(|p| w + NARROWER < p);
    if !new || best < COLUMN_MIN_PAIRS || best * 3 < near * 2 {
        return None;
    }
    // Lines of free text (a browser's, one paragraph per line) fit some width by chance, one
    // here and one there: the width is the page's when no line goes past it, and a column's
    // when paragraphs of three lines or more fill it line after line on a page a terminal
    // rendered (its width known, or 99% of its lines within 160 columns: free text runs longer).
    let ceiling = widths.iter().all(|&n| n <= w + 2);
    let (mut paragraphs, mut run) = (0, 0);
    for i in 0..rendered.len() {
        if i + 1 < rendered.len() && fills_column(lines, rendered, widths, i, w) {
            run += 1;
        } else {
            paragraphs += usize::from(run >= 2);
            run = 0;
        }
    }
    let terminal = page.is_some() || {
        let mut lens: Vec<usize> = widths.iter().copied().filter(|&n| n > 0).collect();
        lens.sort_unstable();
        lens.get(lens.len() * 99 / 100).is_some_and(|&p| p <= 160)
    };
    (ceiling || (terminal && paragraphs >= 2)).then_some(w)
}

fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count()
}

fn first_word_len(line: &str) -> usize {
    // text in a wide script can be broken between any two characters
    line.split_whitespace().next().map_or(0, |w| if w.starts_with(is_wide) { 2 } else { display_width(w) })
}

/// Whether [`collapse_ws`] would leave `s` as it is: no tab, no newline, no two spaces in a
/// row, no space at either end.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() != Some(&b' ') && b.last() != Some(&b' ') && memchr::memchr2(b'\t', b'\n', b).is_none() && memchr::memmem::find(b, b"  ").is_none()
}

/// Runs of spaces, tabs and newlines as one space, none at the ends.
fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = 0;
    for (i, b) in s.bytes().enumerate().chain(std::iter::once((s.len(), b' '))) {
        if matches!(b, b' ' | b'\t' | b'\n') {
            if i > start {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
            start = i + 1;
        }
    }
    out
}

/// Whether line `b` goes on the sentence line `a` left unfinished, in a dump that cuts lines
/// at every element (a DOM's text nodes one per line, as `get_text("\n")` writes them, or an
/// HTML source's own line breaks): `a` ends no sentence and `b` starts in lowercase or with
/// punctuation, or `a` ends with a comma or a function word ("According to" / "a survey by").
fn continues(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end(), b.trim_start());
    if a.is_empty() || a.ends_with(SENTENCE_STOPS) || rules::strip_bullet(b).is_some() {
        return false;
    }
    // (script and style text goes on in lowercase too: `var k = …` / `if (x) {`, CSS
    // selectors `.nav a,` / `.menu li:hover,`)
    let selector = |t: &str| t.trim_start().strip_prefix(['.', '#']).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()));
    if a.contains(CODE_MARKS) || b.contains(CODE_MARKS) || selector(a) || selector(b) {
        return false;
    }
    let Some(first) = b.chars().next() else { return false };
    first.is_lowercase() || matches!(first, ',' | ';' | '.' | ')' | '%' | '’') || ends_open(a)
}

/// Whether a line ends with a comma or a function word: its sentence goes on.
fn ends_open(a: &str) -> bool {
    a.ends_with(',') || a.rsplit(char::is_whitespace).next().is_some_and(|w| w.chars().all(char::is_alphabetic) && rules::stop_words(w) == 1)
}

/// Whether line `i`, a few words, is a link cut out of the sentence around it: the line before
/// (two words or more) ends no sentence and the line after goes on in lowercase (`Die neue` /
/// `Kunsthalle` / `wurde 1986 eröffnet.`), in a dump cut at every element.
fn link_in_sentence(lines: &[&str], i: usize) -> bool {
    let (a, b) = (lines[i - 1].trim(), lines[i].trim());
    let words = b.split_whitespace().count();
    (1..=LINK_WORDS).contains(&words)
        && a.split_whitespace().nth(1).is_some()
        && !a.ends_with(SENTENCE_STOPS)
        && !a.contains(CODE_MARKS)
        && rules::strip_bullet(b).is_none()
        && lines.get(i + 1).is_some_and(|c| c.trim_start().starts_with(char::is_lowercase) && continues(b, c))
}

/// Words of a link cut out of a sentence ([`link_in_sentence`]) at most.
const LINK_WORDS: usize = 4;

/// What ends a sentence, or stops it from going on over a line break, in a dump cut at every
/// element ([`continues`], [`link_in_sentence`]).
const SENTENCE_STOPS: [char; 12] = ['.', '!', '?', '…', '"', '”', '»', ':', ';', '。', '！', '？'];

/// Characters of script and style text that running text does without.
const CODE_MARKS: [char; 5] = ['{', '}', '=', '<', '>'];

/// Line pairs of running text ([`continues`], the next line of [`CUT_MIN_WORDS`] words or more)
/// that make a dump one cut at every element: it has no wrapping width, and sentences go on
/// over line breaks this often.
const CUT_MIN_PAIRS: usize = 5;
/// Words of a line that goes on a sentence, and of the two lines together.
const CUT_MIN_WORDS: usize = 5;
const CUT_MIN_PAIR_WORDS: usize = 8;

/// Whether a dump without a wrapping width cuts its sentences at elements ([`continues`]):
/// [`CUT_MIN_PAIRS`] pairs of lines or more where a sentence goes on, the second line of
/// running text in lowercase. (Menus of lowercase labels go on in lowercase too, a word or two
/// at a time, and lists item after item: they do not count.)
fn cut_at_elements(lines: &[&str], skip: &[bool]) -> bool {
    let mut pairs = 0;
    for (i, pair) in lines.windows(2).enumerate() {
        let (a, b) = (pair[0].trim(), pair[1].trim_start());
        if skip[i] || skip[i + 1] || !b.starts_with(char::is_lowercase) || !continues(a, b) {
            continue;
        }
        // (the sentence starts on the first line, or that line is cut after a function word:
        // items of a list in lowercase, one after the other, are not a sentence going on)
        if a.starts_with(char::is_lowercase) && !ends_open(a) {
            continue;
        }
        let wb = b.split_whitespace().count();
        if wb >= CUT_MIN_WORDS && wb + a.split_whitespace().count() >= CUT_MIN_PAIR_WORDS {
            pairs += 1;
            if pairs >= CUT_MIN_PAIRS {
                return true;
            }
        }
    }
    false
}

/// Group lines into blocks, unwrapping hard-wrapped paragraphs. `skip[i]` marks lines that
/// belong to an embed.
fn blocks(lines: &[&str], rendered: &[&str], widths: &[usize], skip: &[bool], width: Option<usize>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    // the column a page's centred text is centred on, if any (hard-wrapped pages only)
    let axis = width.and_then(|_| centre_axis(lines, rendered, widths));
    // a narrower column of wrapped text, or a width the page's lines did not tell
    let column = column_width(lines, rendered, widths, width);
    // a dump cut at every element: its sentences are joined again
    let cut = width.is_none() && column.is_none() && cut_at_elements(lines, skip);
    // Some renderers break Korean between any two characters (lines then fill up to the
    // width), others only at spaces: most Hangul-to-Hangul line breaks on full lines tell the
    // first kind
    let hangul_char_wrapped = width.is_some_and(|w| {
        let (mut seams, mut full) = (0, 0);
        for pair in lines.windows(2) {
            let (a, b) = (pair[0].trim_end(), pair[1].trim_start());
            if a.ends_with(is_wide) && !a.ends_with(is_unspaced_wide) && b.starts_with(is_wide) && !b.starts_with(is_unspaced_wide) {
                seams += 1;
                if display_width(a) + 2 > w {
                    full += 1;
                }
            }
        }
        seams >= 3 && full * 3 >= seams * 2
    });
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim_end();
        if skip[i] || line.trim().is_empty() {
            open = false;
            continue;
        }
        let indent = indent_of(line);
        let bullet_rest = rules::strip_bullet(line);
        let text = bullet_rest.unwrap_or(line.trim());
        let joins = open
            && (match width {
                Some(w) => {
                    let prev = lines[i - 1].trim_end();
                    let prev_len = widths[i - 1];
                    let cont_indent = bullet_rest.is_none()
                        && (indent == indent_of(prev)
                            || (out.last().is_some_and(|b| b.bullet) && indent > out.last().unwrap().indent)
                            || (out.last().is_some_and(|b| !b.bullet) && axis.is_some_and(|a| centred_under(rendered, widths, a, i))));
                    cont_indent && prev_len + 1 + first_word_len(rendered[i]) > w.saturating_sub(1)
                }
                None => false,
            } || column.is_some_and(|c| fills_column(lines, rendered, widths, i - 1, c))
                || (cut && (continues(lines[i - 1], line) || link_in_sentence(lines, i))));
        if joins {
            let b = out.last_mut().unwrap();
            // Chinese and Japanese are written without spaces: the line break was not one.
            // Korean puts spaces between words, but renderers also break it between any two
            // characters: the break was a space when the next character would have fitted.
            let wide_break = b.text.ends_with(is_unspaced_wide) || text.starts_with(is_unspaced_wide) || {
                let hangul_seam = b.text.ends_with(is_wide) && text.starts_with(is_wide);
                hangul_seam && hangul_char_wrapped && width.is_some_and(|w| display_width(lines[i - 1].trim_end()) + 2 > w)
            };
            // (a cut before punctuation was no space)
            let cut_before_punctuation = cut && text.starts_with([',', ';', '.', ')', '%']);
            if !wide_break && !cut_before_punctuation {
                b.text.push(' ');
            }
            b.text.push_str(text);
            b.last = i;
        } else {
            out.push(Block {
                first: i,
                last: i,
                text: text.to_string(),
                words: 0,
                bullet: bullet_rest.is_some(),
                indent,
                chrome: None,
                duplicate: 0,
                stops: 0,
                header: false,
                furniture: false,
                enumerated: None,
                data_row: false,
                hover_cut: false,
                item_label: bullet_rest.and_then(|r| {
                    let t = line.trim_start();
                    let label = t[..t.len() - r.len()].trim_end();
                    // renderers number ordered lists `1.`, `2.`: a `1)` was written by the author
                    (label.starts_with(|c: char| c.is_ascii_digit()) && label.ends_with(')')).then(|| label.to_string())
                }),
                number: item_number(line),
                run_on: false,
                heading: false,
                template: false,
                score: 0.0,
            });
        }
        open = true;
    }
    for j in 1..out.len() {
        let next_lower = out[j].text.chars().next().is_some_and(char::is_lowercase);
        out[j - 1].run_on = next_lower && out[j].first == out[j - 1].last + 1;
    }
    for b in &mut out {
        if !is_collapsed(&b.text) {
            b.text = collapse_ws(&b.text);
        }
        if let Some(t) = rules::cut_hover_cards(&b.text) {
            b.text = t;
            b.hover_cut = true;
        }
        b.words = text_words(&b.text);
        b.stops = rules::stop_words(&b.text);
        b.header = b.header_line();
    }
    out
}

/// A score as the reasons show it: signed and rounded to a whole number, as `{:+.0}` prints it
/// (ties to even, `-0` for small negatives), without the exact float printing (a score is
/// printed in the reason of nearly every block).
struct Score(f64);

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.0.round_ties_even();
        if !r.is_finite() || r.abs() >= 1e15 {
            write!(f, "{:+.0}", self.0)
        } else if r == 0.0 {
            f.write_str(if self.0.is_sign_negative() { "-0" } else { "+0" })
        } else {
            write!(f, "{:+}", r as i64)
        }
    }
}

/// Score of one block for the densest-span search: prose earns, everything else costs.
fn score(b: &Block, threshold: f64) -> f64 {
    if b.chrome.as_deref() == Some(rules::IMAGE_PLACEHOLDER_REASON) {
        // an image shown as its file name or alt text: little evidence either way
        return -threshold * PLACEHOLDER_COST;
    }
    if b.furniture {
        // captions and in-text teasers sit inside articles: they break the text but do not
        // say that the article has ended
        return -threshold * FURNITURE_COST;
    }
    if b.chrome.is_some() {
        return -threshold * 2.0;
    }
    if b.words == 0 {
        // a lone bullet or a symbol: renderer residue, no evidence either way
        return -1.0;
    }
    if b.duplicate > 1 && !b.is_prose() && !b.template {
        return -(b.words as f64).max(threshold);
    }
    let w = b.words as f64;
    let mut s = w - threshold;
    if s < 0.0 {
        if b.is_fragment() {
            // in-body short lines (subheadings, list items, short paragraphs) cost less
            s *= 0.5;
        } else if b.is_label() {
            s *= 1.25;
        }
    }
    if b.bullet {
        s -= threshold / 2.0;
    }
    if b.is_prose() && !b.heading {
        s += threshold / 2.0;
    } else if s > 0.0 && (b.heading || !b.ends_sentence() && !b.run_on && !b.text.ends_with([',', ';', '-', '–'])) {
        // ten to twenty-odd words without a full stop are a headline (of this
        // article, or of the next ones in a list, wrapped or not), not running text: they earn
        // nothing (nor does a line the rendering marks as a heading)
        s = 0.0;
    }
    s
}

/// The same text twice in one block (`TitleTitle`, an image's title glued to its caption).
fn doubled(text: &str) -> bool {
    let t = text.trim();
    let n = t.len();
    if n < 20 {
        return false;
    }
    // the halves may be glued or separated by one space
    [n / 2, n.div_ceil(2)].into_iter().any(|k| {
        t.is_char_boundary(k) && {
            let (a, b) = t.split_at(k);
            let (a, b) = (a.trim_end(), b.trim_start());
            a == b
        }
    })
}

/// Headlines listed under a teaser heading that sits inside an article ("More:", "Related:",
/// "Related articles"):
/// the short lines right below it (at most one blank line between two) are teasers too, and
/// cost as little as the heading.
fn mark_teaser_boxes(blocks: &mut [Block], threshold: f64) {
    for j in 0..blocks.len() {
        let heads = (blocks[j].text.ends_with(':') && blocks[j].chrome.as_deref().is_some_and(|r| r.starts_with("teaser prefix")))
            || (blocks[j].chrome.is_some() && rules::related_heading(&blocks[j].text));
        if !heads {
            continue;
        }
        let why = format!("teaser listed under {:?}", blocks[j].text);
        let mut k = j + 1;
        while k < blocks.len() && blocks[k].first <= blocks[k - 1].last + 2 && blocks[k].chrome.is_none() && (1..=20).contains(&blocks[k].words) && !blocks[k].is_prose() {
            let b = &mut blocks[k];
            b.chrome = Some(why.clone());
            b.furniture = true;
            b.score = score(b, threshold);
            k += 1;
        }
    }
}

/// The reason given for a headline glued to its snippet.
const GLUED_TEASER: &str = "teaser: a headline glued to its snippet";

/// Text the page shows twice in a row is an image's caption or title repeated by the
/// renderer (alt text, then the caption), not article text: a paragraph never repeats itself
/// at once. Blocks equal to the next one (eight words or more) and blocks made of one text
/// twice are captions (furniture: they cost little inside the article).
fn mark_doubled_text(blocks: &mut [Block], lowers: &[String], threshold: f64) {
    for j in 0..blocks.len() {
        // a title glued to itself looks like a headline glued to its snippet: it is a caption
        let glued = blocks[j].chrome.as_deref() == Some(GLUED_TEASER);
        if (blocks[j].chrome.is_some() && !glued) || blocks[j].words < 8 {
            continue;
        }
        // the second copy may lack the credit that ends the first
        let same = |a: &str, b: &str| a == b || (a.len() * 5 >= b.len() * 4 && b.starts_with(a)) || (b.len() * 5 >= a.len() * 4 && a.starts_with(b));
        let twin = (j + 1 < blocks.len() && same(&lowers[j], &lowers[j + 1])) || (j > 0 && same(&lowers[j], &lowers[j - 1]));
        let why = if twin {
            "photo caption (the same text twice in a row: alt text and caption)"
        } else if blocks[j].words <= 60 && doubled(&blocks[j].text) {
            "photo caption (one text twice in the same line: image title and caption)"
        } else {
            continue;
        };
        let b = &mut blocks[j];
        b.chrome = Some(why.to_string());
        b.furniture = true;
        b.score = score(b, threshold);
    }
}

/// Headline + snippet pairs in a row that make a teaser list ([`mark_teaser_runs`]).
const TEASER_RUN_PAIRS: usize = 4;
/// A teaser snippet has at most this many words.
const TEASER_SNIPPET_WORDS: usize = 60;

/// Lists of other articles: a headline, maybe a byline or date, a one-paragraph snippet, again
/// and again. Articles with subheadings have several paragraphs under most of them; a run of
/// [`TEASER_RUN_PAIRS`] single short snippets under headlines is a teaser list.
fn mark_teaser_runs(blocks: &mut [Block], threshold: f64) {
    let headline = |b: &Block| {
        b.chrome.is_none() && !b.bullet && (4..=20).contains(&b.words) && (!b.ends_sentence() || b.text.ends_with("...") || b.text.ends_with('…'))
    };
    let snippet = |b: &Block| b.chrome.is_none() && !b.bullet && b.is_prose() && b.words <= TEASER_SNIPPET_WORDS;
    let n = blocks.len();
    let mut i = 0;
    while i < n {
        // pairs starting at i
        let mut j = i;
        let mut pairs = 0;
        while j + 1 < n && headline(&blocks[j]) {
            let mut k = j + 1;
            while k < n && k <= j + 2 && blocks[k].header {
                k += 1;
            }
            // a snippet stands alone: the next block is another headline, not more text
            if k < n && snippet(&blocks[k]) && !(k + 1 < n && blocks[k + 1].is_prose() && !headline(&blocks[k + 1])) {
                pairs += 1;
                j = k + 1;
                // an image label (alt text) may sit between a snippet and the next headline
                if j + 1 < n && blocks[j].words <= 6 && !blocks[j].ends_sentence() && headline(&blocks[j + 1]) && !headline(&blocks[j]) {
                    j += 1;
                }
            } else {
                break;
            }
        }
        if pairs >= TEASER_RUN_PAIRS {
            for b in &mut blocks[i..j] {
                if b.chrome.is_none() {
                    b.chrome = Some(format!("teaser list ({pairs} headline and snippet pairs in a row)"));
                    b.score = score(b, threshold);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Kicker and headline pairs in a row that make a teaser list ([`mark_kicker_runs`]).
const KICKER_RUN_PAIRS: usize = 3;

/// A kicker: a short line in capitals over a headline (`RANDY ANDY`, `'A NATIONAL TRAGEDY'`).
fn is_kicker(b: &Block) -> bool {
    (1..=6).contains(&b.words) && b.chrome.is_none() && {
        // at least three letters, all capitals
        let mut letters = b.text.chars().filter(|c| crate::model::is_alphabetic(*c));
        letters.clone().nth(2).is_some() && letters.all(char::is_uppercase)
    }
}

/// Boxes of other stories ("Most read"), each a kicker in capitals over its headline, again
/// and again: articles do not put a line in capitals above every other line. A run of
/// [`KICKER_RUN_PAIRS`] kickers each followed by a headline (at most four blocks from one
/// kicker to the next) is a teaser list.
fn mark_kicker_runs(blocks: &mut [Block], threshold: f64) {
    let headline = |b: &Block| b.chrome.is_none() && (3..=25).contains(&b.words) && !b.ends_sentence_strictly();
    let n = blocks.len();
    let mut j = 0;
    while j < n {
        let mut kickers = vec![];
        let mut k = j;
        while k + 1 < n && is_kicker(&blocks[k]) && headline(&blocks[k + 1]) {
            kickers.push(k);
            // the next kicker within a few blocks: a headline, maybe a source line, maybe a
            // snippet between (not a list of items)
            match (k + 2..n.min(k + 5)).find(|&m| is_kicker(&blocks[m])) {
                Some(m) if blocks[k + 1..m].iter().filter(|b| !b.is_prose()).count() <= 2 => k = m,
                _ => break,
            }
        }
        if kickers.len() >= KICKER_RUN_PAIRS {
            let end = (kickers[kickers.len() - 1] + 1).min(n - 1);
            let count = kickers.len();
            for b in &mut blocks[kickers[0]..=end] {
                if b.chrome.is_none() {
                    b.chrome = Some(format!("teaser list ({count} headlines under kickers in capitals)"));
                    // such boxes are also set into articles: they cost like captions
                    b.furniture = true;
                    b.score = score(b, threshold);
                }
            }
            j = end + 1;
        } else {
            j += 1;
        }
    }
}

/// Snippets cut short in a row that make a teaser list ([`mark_truncated_snippets`]).
const TRUNCATED_RUN: usize = 3;

/// Teasers show the start of other articles, cut with an ellipsis (`…the government told
/// Parliament on Wednesday. It...`). Articles do not end paragraph after paragraph with an
/// ellipsis: a run of [`TRUNCATED_RUN`] blocks or more ending with one (at most one other
/// block between two of them) is a teaser list.
fn mark_truncated_snippets(blocks: &mut [Block], threshold: f64) {
    let cut = |b: &Block| b.chrome.is_none() && b.words >= 8 && (b.text.ends_with("...") || b.text.ends_with('…'));
    let n = blocks.len();
    let mut j = 0;
    while j < n {
        if !cut(&blocks[j]) {
            j += 1;
            continue;
        }
        let mut run = vec![j];
        let mut k = j + 1;
        while k < n {
            if cut(&blocks[k]) {
                run.push(k);
            } else if !(k + 1 < n && cut(&blocks[k + 1])) {
                break;
            }
            k += 1;
        }
        if run.len() >= TRUNCATED_RUN {
            let count = run.len();
            for &r in &run {
                let b = &mut blocks[r];
                b.chrome = Some(format!("teaser list (snippets cut short with an ellipsis, {count} in a row)"));
                b.score = score(b, threshold);
            }
        }
        j = k.max(j + 1);
    }
}

/// Number of a list item written `3)` or `3.` at the start of a block (up to three digits).
fn item_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let mut cs = rest.chars();
    match (cs.next(), cs.next()) {
        (Some(')' | '.'), Some(c)) if c.is_whitespace() => t[..digits].parse().ok(),
        _ => None,
    }
}

/// Items of a list announced by a colon, at least.
const LIST_ITEMS: usize = 3;
/// Items numbered 1), 2), 3)… in a row, at most this many blocks apart.
const ENUM_GAP: usize = 4;
/// Score of a numbered item of an enumeration, and floor of what sits between two items.
const ENUM_ITEM_SCORE: f64 = 2.0;
const ENUM_GAP_FLOOR: f64 = -1.0;

/// Numbered lists (`1) …`, `2) …`, `3) …`): a listicle's items are short lines that the
/// densest span would cut off, but numbers that count up one by one are written by an author,
/// not by a menu. In a run of at least three consecutively numbered blocks right after a
/// paragraph, items earn a little and what sits between them (a link, an image label) costs
/// little. So do the lines right below a line that announces them with a colon ("The tour
/// dates:"), without a blank line between.
fn mark_enumerations(blocks: &mut [Block]) {
    let mut runs: Vec<(usize, usize, usize, bool)> = Vec::new(); // first item, last item, items, numbered
    let mut cur: Option<(usize, usize, u32, usize)> = None; // first, last, last number, count
    for (j, b) in blocks.iter().enumerate() {
        // `1. 1` is a ranking widget's counter, not an item
        let Some(n) = b.number.filter(|_| b.words >= 2) else { continue };
        match cur {
            Some((f, l, m, c)) if n == m + 1 && j - l <= ENUM_GAP => cur = Some((f, j, n, c + 1)),
            _ => {
                if let Some((f, l, _, c)) = cur {
                    runs.push((f, l, c, true));
                }
                cur = Some((j, j, n, 1));
            }
        }
    }
    if let Some((f, l, _, c)) = cur {
        runs.push((f, l, c, true));
    }
    // the list is the article's when running text introduces it (a "most read" box opens
    // with its label, a menu with more menu)
    let introduced = |f: usize| f > 0 && blocks[f - 1].chrome.is_none() && blocks[f - 1].is_prose() && blocks[f - 1].duplicate <= 1;
    runs.retain(|r| r.2 >= 3 && introduced(r.0));
    // lists announced by a line ending in a colon ("The tour dates:"), their items on the
    // lines right below it (no blank line between)
    let mut j = 0;
    while j < blocks.len() {
        let b = &blocks[j];
        if b.chrome.is_none() && b.words >= 4 && b.text.ends_with(':') && !b.header {
            let mut k = j + 1;
            // renderers may put a blank line between the announcing line and the list
            let gap = |k: usize| if k == j + 1 { 2 } else { 1 };
            while k < blocks.len() && blocks[k].first <= blocks[k - 1].last + gap(k) && blocks[k].chrome.is_none() && (1..=30).contains(&blocks[k].words) {
                k += 1;
            }
            if k - (j + 1) >= LIST_ITEMS {
                runs.push((j + 1, k - 1, k - (j + 1), false));
                j = k;
                continue;
            }
        }
        j += 1;
    }
    for (f, l, c, numbered) in runs {
        for b in &mut blocks[f..=l] {
            if let Some(r) = &b.chrome {
                // an item's picture stays out of the body, but it does not end the list
                if r.starts_with("photo caption") && b.score < ENUM_GAP_FLOOR {
                    b.score = ENUM_GAP_FLOOR;
                }
                continue;
            }
            if b.words >= 2 && (b.number.is_some() || !numbered) {
                if b.score < ENUM_ITEM_SCORE {
                    b.score = ENUM_ITEM_SCORE;
                    b.enumerated = Some(c);
                }
            } else if b.score < ENUM_GAP_FLOOR {
                b.score = ENUM_GAP_FLOOR;
                b.enumerated = Some(c);
            }
        }
    }
}

/// Rows of a table or of a schedule in a row ([`mark_data_rows`]).
const DATA_ROWS: usize = 4;
/// A data row has at most this many words.
const DATA_ROW_WORDS: usize = 24;

/// Column separators of a data row: tabs and runs of spaces between cells (tables), and the
/// punctuation that splits a schedule's lines (`June 9 – Tampa, FL @ Arena`, `1a etapa: 10 de
/// março – Interlagos`).
const ROW_SEPARATORS: [&str; 8] = ["\t", "  ", " – ", " — ", " | ", " @ ", ": ", " / "];

/// The separators a line holds, as a bit set of [`ROW_SEPARATORS`], and its number of cells
/// (tab- or space-separated).
fn row_shape(line: &str) -> (u8, usize) {
    let t = line.trim();
    let mut set = 0u8;
    // every separator opens with a tab, a space or a colon: look only there
    let b = t.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'\t' | b' ' | b':') {
            for (k, sep) in ROW_SEPARATORS.iter().enumerate() {
                if b[i..].starts_with(sep.as_bytes()) {
                    set |= 1 << k;
                }
            }
        }
    }
    let cells = t.split(['\t']).filter(|c| !c.trim().is_empty()).count().max(t.split("  ").filter(|c| !c.trim().is_empty()).count());
    (set, cells)
}

/// Tables and schedules: data are short lines with numbers that the densest span would cut
/// off. A run of at least [`DATA_ROWS`] short blocks (one line, or two when wrapped) in a row, each with a digit and all
/// sharing a column separator ([`ROW_SEPARATORS`]; table rows also the same number of cells),
/// that running text introduces (the block above the run, or above its heading, is prose or
/// ends with a colon) is the article's: its rows earn a little, like a numbered list's items.
/// Rows follow each other line by line; table rows (tabs or space columns) may have one blank
/// line between them.
fn mark_data_rows(blocks: &mut [Block], lines: &[&str]) {
    let row = |b: &Block| {
        b.chrome.is_none() && b.last - b.first <= 1 && (2..=DATA_ROW_WORDS).contains(&b.words) && b.text.bytes().any(|c| c.is_ascii_digit())
    };
    let n = blocks.len();
    let mut j = 0;
    while j < n {
        if !row(&blocks[j]) {
            j += 1;
            continue;
        }
        let (mut common, cells) = row_shape(lines[blocks[j].first]);
        let mut k = j + 1;
        while k < n && row(&blocks[k]) {
            let (set, c) = row_shape(lines[blocks[k].first]);
            let table = set & common & 0b11 != 0 && c == cells && c >= 3;
            let gap = blocks[k].first - blocks[k - 1].last;
            if set & common == 0 || gap > 2 || (gap == 2 && !table) {
                break;
            }
            common &= set;
            k += 1;
        }
        if k - j < DATA_ROWS {
            j += 1;
            continue;
        }
        // introduced by running text, maybe with a heading (or a table's header row) between
        let intro = (j.saturating_sub(2)..j).rev().find(|&i| blocks[i].chrome.is_none() && blocks[i].duplicate <= 1 && (blocks[i].is_prose() || blocks[i].text.ends_with(':')));
        let heading_between = intro.is_some_and(|i| i + 1 == j || (blocks[i + 1].words <= 12 && !blocks[i + 1].is_prose()));
        if intro.is_some() && heading_between {
            for b in &mut blocks[j..k] {
                if b.score < ENUM_ITEM_SCORE {
                    b.score = ENUM_ITEM_SCORE;
                    b.enumerated = Some(k - j);
                    b.data_row = true;
                }
            }
        }
        j = k;
    }
}

/// A quote's attribution has at most this many words (`– Jane D.`, `— Mark Twain, 1897`).
const ATTRIBUTION_WORDS: usize = 6;

/// A short line opening with a dash right under a paragraph that ends with a closing quote
/// mark names who said it (`“The show was great.”` then `– Man**`): it belongs to the quote, and
/// costs no more than a caption. Marked in place (the reason is given by the span).
fn mark_attributions(blocks: &mut [Block], lines: &[&str], threshold: f64) {
    for j in 1..blocks.len() {
        let (prev, b) = (&blocks[j - 1], &blocks[j]);
        let quoted = prev.chrome.is_none() && prev.words >= 5 && prev.text.trim_end().ends_with(['”', '"', '»', '’', '」', '“']);
        let dashed = lines[b.first].trim_start().starts_with(['–', '—', '-', '―']);
        if quoted && dashed && b.chrome.is_none() && (1..=ATTRIBUTION_WORDS).contains(&b.words) && !b.ends_sentence_strictly() && b.first <= prev.last + 2 {
            let floor = -threshold * FURNITURE_COST;
            if blocks[j].score < floor {
                blocks[j].score = floor;
            }
        }
    }
}

/// Items of a list under a heading ([`mark_headed_lists`]).
const HEADED_LIST_ITEMS: usize = 4;

/// A list item that reads like content, not like a menu entry: it has function words, or
/// digits, or punctuation inside (`England (Group A): 10th appearance`, `1 tsp cinnamon`).
fn content_item(b: &Block) -> bool {
    b.is_fragment() || b.text.bytes().any(|c| c.is_ascii_digit()) || b.text.trim_end_matches(['.', ':']).contains([':', ',', '(', ';', '/'])
}

/// Lists the article ends with, under a subheading ("Qualified teams", "Ingredients"): a
/// heading right below a paragraph, then at least [`HEADED_LIST_ITEMS`] short lines in a row
/// (no blank line between them), most of which read like content ([`content_item`]). Menus
/// have chrome headings ("Related", "Sections" after chrome) or bare labels. Returns (heading,
/// last item) of each; the span that ends right above one takes it in ([`extend_to_list`]).
fn headed_lists(blocks: &[Block]) -> Vec<(usize, usize)> {
    let n = blocks.len();
    let mut out = Vec::new();
    let mut j = 2;
    while j < n {
        let (p, h) = (&blocks[j - 2], &blocks[j - 1]);
        let heading = h.chrome.is_none() && h.duplicate <= 1 && (1..=8).contains(&h.words) && !h.ends_sentence_strictly() && !h.header;
        let after_text = p.chrome.is_none() && p.duplicate <= 1 && p.is_prose();
        if !(heading && after_text) {
            j += 1;
            continue;
        }
        let item = |b: &Block| b.chrome.is_none() && b.duplicate <= 1 && b.first == b.last && (1..=DATA_ROW_WORDS).contains(&b.words);
        let mut k = j;
        while k < n && item(&blocks[k]) && (k == j || blocks[k].first == blocks[k - 1].last + 1) {
            k += 1;
        }
        let content = blocks[j..k].iter().filter(|b| content_item(b)).count();
        if k - j >= HEADED_LIST_ITEMS && content * 4 >= (k - j) * 3 {
            out.push((j - 1, k - 1));
            j = k;
        } else {
            j += 1;
        }
    }
    out
}

/// The span `s..=e` that ends with a paragraph right above a headed list ([`headed_lists`])
/// takes the list in: the end of the span after the list, or `e`.
fn extend_to_list(lists: &[(usize, usize)], e: usize) -> Option<usize> {
    lists.iter().find(|&&(h, _)| h == e + 1).map(|&(_, last)| last)
}

/// Blocks the article head may skip: page chrome and repeated lines ("Previous Post",
/// "Share this") between the headline, the byline/dateline and the first paragraph.
fn head_filler(b: &Block) -> bool {
    b.chrome.is_some() || b.duplicate > 1 || b.words == 0
}

/// Where an article opens: a headline-like block, then (within [`HEAD_REACH`] blocks,
/// skipping [`head_filler`]) one or more bylines or datelines, then prose. Returns the headline
/// and the first paragraph of the first such head in the page.
const HEAD_REACH: usize = 5;
fn first_article_head(blocks: &[Block]) -> Option<(usize, usize)> {
    let n = blocks.len();
    for (j, b) in blocks.iter().enumerate() {
        if head_filler(b) || b.header || b.bullet || !(2..=40).contains(&b.words) || b.ends_sentence() {
            continue;
        }
        let mut headers = 0;
        let mut k = j + 1;
        while k < n && k <= j + HEAD_REACH {
            let c = &blocks[k];
            if c.header {
                headers += 1;
            } else if !(head_filler(c) || (headers > 0 && c.is_label())) {
                // share buttons ("Email Twitter Facebook") often follow the byline
                break;
            }
            k += 1;
        }
        if headers > 0 && k < n && blocks[k].chrome.is_none() && blocks[k].is_prose() {
            return Some((j, k));
        }
    }
    None
}

/// A short line holding a date or a time ("Jane on May 3, 2018 at 4:47 pm said:"): bylines,
/// datelines and the heads of comments.
fn dated_line(b: &Block) -> bool {
    b.header
        || (b.words <= 16
            && !b.ends_sentence_strictly()
            && b.text.bytes().any(|c| c.is_ascii_digit())
            && (rules::has_timestamp(&b.text) || crate::meta::dates::find_date(&b.text).is_some()))
}

/// A byline or dateline at the top of the span `s..=e`, or right above it (past chrome and
/// share buttons).
fn has_own_head(blocks: &[Block], s: usize, e: usize) -> bool {
    let above = (s.saturating_sub(HEAD_REACH)..s).rev().find(|&j| !(head_filler(&blocks[j]) || blocks[j].is_label()));
    above.is_some_and(|j| blocks[j].header) || (s..=(s + 3).min(e)).any(|j| blocks[j].header)
}

/// A span holding [`THREAD_DATED_LINES`] dated lines or more: comments, or other articles.
fn is_thread(blocks: &[Block], s: usize, e: usize) -> bool {
    blocks[s..=e].iter().filter(|b| dated_line(b)).count() >= THREAD_DATED_LINES
}

/// Dated lines that make a span a thread of comments (or of other articles).
const THREAD_DATED_LINES: usize = 3;
/// The article under a head wins over a headless span when it weighs this share of it.
const HEAD_SHARE: f64 = 0.5;

/// The article under a head wins over a headless span around the copyright line
/// (legal notices, disclaimers: the site's footer) when it weighs this share of it.
const FOOTER_HEAD_SHARE: f64 = 0.25;

/// The densest span is not always the article: a comment thread can outweigh a short post, a
/// customer-service box a two-paragraph news item. When the span has no head of its own (no
/// byline or dateline at its top) and an article head ([`first_article_head`]) comes before
/// it, the text under that head is the article if it weighs [`HEAD_SHARE`] of the span, or
/// whatever it weighs when the span is a thread ([`THREAD_DATED_LINES`] dated lines).
fn anchor_to_head(blocks: &[Block], s: usize, e: usize) -> Option<(usize, usize, String)> {
    if has_own_head(blocks, s, e) {
        return None;
    }
    let (h, a) = first_article_head(blocks)?;
    if a >= s {
        return None;
    }
    // the run under the head: its best prefix, ending before the span
    let (mut sum, mut best, mut end) = (0.0, 0.0, a);
    for (j, b) in blocks.iter().enumerate().take(s).skip(a) {
        sum += b.score;
        if sum > best {
            best = sum;
            end = j;
        }
    }
    let span_sum: f64 = blocks[s..=e].iter().map(|b| b.score).sum();
    let dated = blocks[s..=e].iter().filter(|b| dated_line(b)).count();
    let thread = dated >= THREAD_DATED_LINES;
    // the site's footer: legal text around the copyright line, or text past it with nothing
    // of the page's text in between (an overlay: a cookie panel, a newsletter box)
    let copyright = |j: usize| blocks[j].chrome.as_deref() == Some(rules::COPYRIGHT_REASON);
    let past_footer = (a..s).rev().take_while(|&j| blocks[j].score <= 0.0).any(copyright);
    let footer = past_footer || (s..blocks.len().min(e + 3)).any(copyright);
    if best <= 0.0 || !(thread || best >= span_sum * HEAD_SHARE || (footer && best >= span_sum * FOOTER_HEAD_SHARE)) {
        return None;
    }
    let why = if past_footer && !thread && best < span_sum * HEAD_SHARE {
        format!("text past the page's footer (after the copyright line: an overlay, score {span_sum:+.0}); the article is the text under the headline {:?} (score {best:+.0})", blocks[h].text)
    } else if footer && !thread && best < span_sum * HEAD_SHARE {
        format!("the page's footer (text around the copyright line, score {span_sum:+.0}); the article is the text under the headline {:?} (score {best:+.0})", blocks[h].text)
    } else if thread {
        format!("a thread ({dated} dated lines) without a headline of its own; the article is the text under the headline {:?}", blocks[h].text)
    } else {
        format!("text without a headline of its own (score {span_sum:+.0}); the article is the text under the headline {:?} (score {best:+.0})", blocks[h].text)
    };
    Some((a, end, why))
}

/// A block with this many marks of code (`{ } = ;`) or more ...
const SCRIPT_MIN_MARKS: usize = 3;
/// ... one for every this many words or fewer is script or style code ([`Block::script_marks`]).
const SCRIPT_WORDS_PER_MARK: usize = 4;

/// A block with this many hashtags or more ...
const POST_HASHTAGS: usize = 5;
/// ... making up this share of its words is a social-media post ([`Block::hashtag_post`]).
const POST_HASHTAG_SHARE: f64 = 0.25;

/// Cost of an image placeholder, in thresholds (half a caption's).
const PLACEHOLDER_COST: f64 = 0.25;

/// A repeated line of at least this many words, every copy inside the span, is the
/// article's (shorter ones are buttons: "Report", "Share").
const REPEATED_OWN_WORDS: usize = 3;

/// ... and it recurs at least this many times (a teaser shown twice, image title then
/// headline, is not a recurring line).
const REPEATED_OWN_COPIES: usize = 3;

/// A template line recurs at least this many times ...
const TEMPLATE_COPIES: usize = 4;
/// ... with, between each copy and the next, a line of its own of at least this many words
/// (the record the label introduces).
const TEMPLATE_CONTENT_WORDS: usize = 5;

/// Lines an article repeats as a template: a meal plan's `Pre-Workout Meal` / `Eat 60–90
/// minutes before your workout`, an interview series' recurring questions, a recipe card's
/// headings. Two lines are the labels of a template when they recur the same number of times
/// ([`TEMPLATE_COPIES`] or more), in step (first one, then the other, then the first again),
/// with a line of its own between each copy and the next: a menu shown twice has only other
/// menu lines between its copies, and teasers shown again and again do not come in step.
/// Every repeated line whose copies all lie within the labels' stretch of page is then the
/// template's, not page chrome: it costs nothing for being repeated ([`score`]).
fn mark_template_lines(blocks: &mut [Block], lowers: &[String], extent: &rustc_hash::FxHashMap<&str, (usize, usize)>, threshold: f64) {
    let mut copies: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (j, b) in blocks.iter().enumerate() {
        if b.duplicate >= TEMPLATE_COPIES && b.words > 0 && b.chrome.is_none() {
            copies.entry(lowers[j].as_str()).or_default().push(j);
        }
    }
    let own_line = |b: &Block| b.duplicate == 1 && b.chrome.is_none() && b.words >= TEMPLATE_CONTENT_WORDS;
    let mut labels: Vec<&Vec<usize>> = copies.values().filter(|at| at.windows(2).all(|w| blocks[w[0] + 1..w[1]].iter().any(own_line))).collect();
    labels.sort_unstable();
    // (a label before the other in every record, and the record's end before the next begins)
    let in_step = |x: &[usize], y: &[usize]| x.len() == y.len() && x.iter().zip(y).all(|(a, b)| a < b) && x[1..].iter().zip(y).all(|(a, b)| b < a);
    // (a label's stretch with the first label in step with it: one per label)
    let mut stretches: Vec<(usize, usize)> = labels
        .iter()
        .enumerate()
        .filter_map(|(k, x)| labels[k + 1..].iter().find(|y| in_step(x, y)).map(|y| (x[0], y[y.len() - 1])))
        .collect();
    // (overlapping stretches as one: each block is looked at once)
    stretches.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, z) in stretches {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(z),
            _ => merged.push((a, z)),
        }
    }
    for (from, to) in merged {
        for j in from..=to {
            let inside = extent.get(lowers[j].as_str()).is_some_and(|&(a, z)| from <= a && z <= to);
            if blocks[j].duplicate > 1 && blocks[j].chrome.is_none() && inside && !blocks[j].template {
                blocks[j].template = true;
                blocks[j].score = score(&blocks[j], threshold).max(0.0);
            }
        }
    }
}

/// Whether every block with the text of block `i` lies in `s..=e`: a line the article repeats
/// (an interview's recurring question, a recipe card's headings), not a menu shown twice.
fn copies_within(extent: &rustc_hash::FxHashMap<&str, (usize, usize)>, lower: &str, s: usize, e: usize) -> bool {
    extent.get(lower).is_some_and(|&(first, last)| s <= first && last <= e)
}

/// Cost of a caption or in-text teaser inside the span, in thresholds (page chrome costs 2).
const FURNITURE_COST: f64 = 0.5;

/// Largest-sum contiguous run of blocks (Kadane); `None` when no block scores above zero.
fn densest_span(scores: &[f64]) -> Option<(usize, usize)> {
    let (mut best, mut best_span) = (0.0, None);
    let (mut cur, mut start) = (0.0, 0);
    for (i, &s) in scores.iter().enumerate() {
        if cur <= 0.0 {
            cur = s;
            start = i;
        } else {
            cur += s;
        }
        if cur > best {
            best = cur;
            best_span = Some((start, i));
        }
    }
    best_span
}

/// Split the span `s..=e` into pieces at end markers (comments, tags, the author box:
/// [`rules::end_marker`]) that sit between two runs of text: (first, last, summed score, end
/// marker that opened the piece) of each piece with a positive score.
fn split_span(blocks: &[Block], s: usize, e: usize) -> Vec<(usize, usize, f64, Option<usize>)> {
    let mut pieces = Vec::new();
    let (mut start, mut sum, mut gap) = (s, 0.0, 0.0);
    let mut gap_start: Option<usize> = None;
    let mut marker: Option<usize> = None;
    let mut opened_by: Option<usize> = None;
    for (j, b) in blocks.iter().enumerate().take(e + 1).skip(s) {
        if b.score < 0.0 {
            gap_start.get_or_insert(j);
            gap += b.score;
            if (b.chrome.is_some() || !b.is_prose()) && rules::end_marker(&b.text, b.words) {
                marker.get_or_insert(j);
            }
            continue;
        }
        if let Some(g) = gap_start.take() {
            if marker.is_some() {
                if sum > 0.0 {
                    pieces.push((start, g - 1, sum, opened_by));
                }
                opened_by = marker;
                start = j;
                sum = 0.0;
            } else {
                sum += gap;
            }
        }
        marker = None;
        gap = 0.0;
        sum += b.score;
    }
    pieces.push((start, e, sum, opened_by));
    pieces
}

/// Of the pieces of a span, the article is the first one that carries at least this share of
/// the text of the largest (a comment section can outweigh a short article; a teaser block
/// before the article rarely weighs a third of it).
const PIECE_SHARE: f64 = 0.3;

/// The text before a comment thread (a piece opened by an end marker and holding
/// [`THREAD_DATED_LINES`] dated lines) is the article when it weighs this share of the largest
/// piece.
const THREAD_PIECE_SHARE: f64 = 0.05;

/// How many of the last kept blocks may be an author box ([`drop_trailing_bio`]).
const BIO_TAIL_BLOCKS: usize = 3;

/// The author box after an article names the author of the byline (`Jane Doe is a reporter
/// covering…`). Among the last kept blocks, one that names a byline author (two words or
/// more) is dropped, with what follows it.
fn drop_trailing_bio(blocks: &[Block], keep: &mut [bool], reason: &mut [String]) {
    let mut names: Vec<String> = Vec::new();
    for b in blocks.iter().filter(|b| b.header) {
        if let Some(a) = crate::meta::text::byline_authors(&b.text) {
            names.extend(a.into_iter().filter(|n| n.split_whitespace().count() >= 2));
        }
    }
    if names.is_empty() {
        return;
    }
    let kept: Vec<usize> = (0..blocks.len()).filter(|&j| keep[j]).collect();
    // the first two paragraphs are never the author box
    let tail = BIO_TAIL_BLOCKS.min(kept.len().saturating_sub(2));
    for &j in &kept[kept.len() - tail..] {
        let b = &blocks[j];
        if b.words > 120 {
            continue;
        }
        if let Some(n) = names.iter().find(|n| b.text.contains(n.as_str())) {
            let n = n.clone();
            for &k in kept.iter().filter(|&&k| k >= j) {
                keep[k] = false;
                reason[k] = format!("author box after the article (names the byline's author {n:?})");
            }
            return;
        }
    }
}

/// A paragraph that presents an organisation: its name, then "is a", "is headquartered"…
static PRESENTS_ITSELF: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:About \S+\s+)?\p{Lu}[\w&.\-’']*(?: \p{Lu}[\w&.\-’']*){0,3},? (?:is|are) (?:a|an|the|one of|headquartered|based|listed)\b").expect("presentation pattern")
});

/// Press releases end with a presentation of the company ("Ascom is a global solutions
/// provider…"), set apart from the text by a rule or a wider gap (two blank lines or more).
/// Among the last kept blocks, one that presents an organisation right after such a
/// separator is dropped, with what follows it.
fn drop_trailing_company_box(blocks: &[Block], keep: &mut [bool], reason: &mut [String]) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&j| keep[j]).collect();
    // the first two paragraphs are never the box
    let tail = BIO_TAIL_BLOCKS.min(kept.len().saturating_sub(2));
    for &j in &kept[kept.len() - tail..] {
        let b = &blocks[j];
        if b.words > 150 || j == 0 || !PRESENTS_ITSELF.is_match(&b.text) {
            continue;
        }
        let prev = &blocks[j - 1];
        let separated = prev.words == 0 || b.first >= prev.last + 3;
        if !separated {
            continue;
        }
        for &k in kept.iter().filter(|&&k| k >= j) {
            keep[k] = false;
            reason[k] = "presentation of the company after the article (a press release's boilerplate, set apart by a rule or a wide gap)".to_string();
        }
        return;
    }
}

/// Word n-grams compared by [`drop_repeated_text`].
const REPEAT_NGRAM: usize = 6;

/// Pages repeat text: a lead shown twice, a caption under each photo, a second copy of the
/// article (AMP or noscript) glued to the first. A kept block most of whose word n-grams are
/// already in the body is dropped, unless it is a line of a template the article repeats.
fn drop_repeated_text(blocks: &[Block], keep: &mut [bool], reason: &mut [String]) {
    // a hash per word (FNV-1a), then one per run of words: cheap, and collisions only cost a
    // kept repeat
    const FNV_START: u64 = 0xcbf29ce484222325;
    let fnv = |h: u64, c: u8| (h ^ u64::from(c)).wrapping_mul(0x100000001b3);
    // the words of a text (alphanumeric runs) as hashes, in one pass over its characters
    let word_hashes = |text: &str, out: &mut Vec<u64>| {
        let (mut h, mut in_word) = (FNV_START, false);
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                h = fnv(h, c as u8);
                in_word = true;
            } else if !c.is_ascii() && crate::model::is_alphanumeric(c) {
                h = c.encode_utf8(&mut [0; 4]).bytes().fold(h, fnv);
                in_word = true;
            } else if in_word {
                out.push(h);
                (h, in_word) = (FNV_START, false);
            }
        }
        if in_word {
            out.push(h);
        }
    };
    let run_hash = |ws: &[u64]| ws.iter().fold(0u64, |h, &w| (h.rotate_left(5) ^ w).wrapping_mul(0x9e3779b97f4a7c15));
    let mut seen: rustc_hash::FxHashSet<u64> = Default::default();
    let mut words: Vec<u64> = Vec::new();
    let mut grams: Vec<u64> = Vec::new();
    for (j, b) in blocks.iter().enumerate() {
        if !keep[j] {
            continue;
        }
        words.clear();
        word_hashes(&b.text, &mut words);
        grams.clear();
        grams.extend(words.windows(REPEAT_NGRAM).map(run_hash));
        // (the copies of a template's lines are the article's: [`mark_template_lines`])
        if grams.len() >= 4 && !b.template {
            let old = grams.iter().filter(|g| seen.contains(g)).count();
            if old * 10 >= grams.len() * 6 {
                keep[j] = false;
                reason[j] = format!("repeats text already in the body ({}% of its {REPEAT_NGRAM}-word runs)", old * 100 / grams.len());
                continue;
            }
        }
        seen.extend(grams.iter().copied());
    }
}

/// The span often starts with the page's header: a deck (standfirst), then a byline and a
/// dateline. When a byline or dateline comes within the first blocks of the span, before any
/// long run of prose, everything up to it is header, not body.
fn trim_span_head(blocks: &[Block], s: usize, e: usize, keep: &mut [bool], reason: &mut [String], above: &mut [bool]) {
    let mut words_before = 0;
    let mut prose_before = 0;
    let mut last_header = None;
    for j in s..=e.min(s + 6) {
        let b = &blocks[j];
        if keep[j] && b.is_header_line() {
            last_header = Some(j);
            continue;
        }
        if !keep[j] {
            continue;
        }
        if b.is_prose() {
            prose_before += 1;
        }
        words_before += b.words;
        if prose_before > 2 || words_before > 80 {
            break;
        }
    }
    let Some(h) = last_header else { return };
    // something must follow the header inside the span
    if !(h + 1..=e).any(|j| keep[j] && blocks[j].is_prose()) {
        return;
    }
    // The first block may be the title itself (the span started at the headline): it is when
    // a deck follows it, or when nothing headline-like sits right above the span.
    let non_header = (s..h).filter(|&j| keep[j] && !blocks[j].is_header_line()).count();
    let above_is_title = (s.saturating_sub(3)..s).rev().find(|&j| blocks[j].chrome.is_none()).is_some_and(|j| {
        looks_like_title(&blocks[j]) && blocks[j].words >= 4 && !blocks[j].is_header_line()
    });
    let title_first = looks_like_title(&blocks[s]) && !blocks[s].is_header_line() && (non_header >= 2 || !above_is_title);
    for j in s..=h {
        if !keep[j] {
            continue;
        }
        keep[j] = false;
        above[j] = !(blocks[j].is_header_line() || (j == s && title_first));
        reason[j] = if blocks[j].is_header_line() {
            "header line (byline or dateline) at the top of the main text span".into()
        } else {
            format!("deck or kicker above the byline/dateline at the top of the main text span ({} words)", blocks[j].words)
        };
    }
}

/// List items before the article's head: when the span opens with a run of bullet items (a
/// ticker, a list of other stories) and then a byline or dateline comes, the items are not
/// the article.
const LEAD_LIST_ITEMS: usize = 3;
fn trim_lead_list(blocks: &[Block], s: usize, e: usize, keep: &mut [bool], reason: &mut [String]) {
    let mut items = 0;
    let mut h = None;
    for j in s..=e {
        if !keep[j] {
            continue;
        }
        let b = &blocks[j];
        if b.bullet {
            items += 1;
        } else if b.header {
            h = Some(j);
            break;
        } else if !b.is_prose() && b.words <= 8 {
            // a heading or a label between the list and the head
            continue;
        } else {
            return;
        }
    }
    let Some(h) = h else { return };
    if items < LEAD_LIST_ITEMS || !(h + 1..=e).any(|j| keep[j] && blocks[j].is_prose() && !blocks[j].bullet) {
        return;
    }
    for j in s..h {
        if keep[j] {
            keep[j] = false;
            reason[j] = format!("list before the article's byline/dateline ({items} items at the top of the main text span)");
        }
    }
}

/// Teaser lists (other articles' headlines, bylines, dates and snippets) often follow the
/// article closely enough to join the densest span. Bylines and datelines inside the span,
/// after the article has started, mark them: from the first one on, when at least two follow,
/// the span is cut (with the short headline lines just above the first one). A byline or
/// dateline followed by more running text (up to the next one) than came before it is the
/// article's own, under its standfirst: teasers' snippets are short.
fn trim_teaser_tail(blocks: &[Block], s: usize, e: usize, keep: &mut [bool], reason: &mut [String]) {
    let mut prose = 0;
    let mut prose_words = 0;
    let mut cut = None;
    for j in s..=e {
        if !keep[j] {
            continue;
        }
        let b = &blocks[j];
        if prose >= 2 && prose_words >= 100 && b.is_header_line() {
            let later = (j..=e).filter(|&k| keep[k] && blocks[k].is_header_line()).count();
            let under: usize = (j + 1..=e)
                .filter(|&k| keep[k])
                .take_while(|&k| !blocks[k].is_header_line())
                .filter(|&k| blocks[k].is_prose())
                .map(|k| blocks[k].words)
                .sum();
            if later >= 2 && under <= prose_words {
                cut = Some(j);
                break;
            }
        }
        if b.is_prose() {
            prose += 1;
            prose_words += b.words;
        }
    }
    let Some(mut c) = cut else { return };
    let first = c;
    let mut back = 0;
    while c > s && back < 3 {
        let p = &blocks[c - 1];
        if keep[c - 1] && p.words <= 15 && !p.ends_sentence() {
            c -= 1;
            back += 1;
        } else if !keep[c - 1] {
            c -= 1;
        } else {
            break;
        }
    }
    let n = (first..=e).filter(|&k| keep[k] && blocks[k].is_header_line()).count();
    for j in c..=e {
        if keep[j] {
            keep[j] = false;
            reason[j] = format!("teaser list after the article ({n} bylines/datelines of other articles follow in the span)");
        }
    }
}

fn looks_like_heading(b: &Block) -> bool {
    (2..=16).contains(&b.words) && !b.ends_sentence() && !b.bullet && b.text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic())
}

fn looks_like_title(b: &Block) -> bool {
    (3..=40).contains(&b.words)
        && !b.bullet
        && !b.is_header_line()
        && b.chrome.is_none()
        && !b.text.trim_end().ends_with('.')
        && crate::meta::dates::find_date(&b.text).is_none_or(|d| d.end - d.start < b.text.len() / 2)
}

/// Extract the article from a text dump.
pub fn extract_text_dump(text: &str, options: &Options) -> TextExtraction {
    // A page laid out in columns side by side (terminal browsers render layout tables so) is
    // read column by column: the decisions' lines are then those of the text so read.
    let decolumned = columns::split_columns(text);
    let text = decolumned.as_ref().map_or(text, |(t, _)| t.as_str());
    // A page whose elements' text was glued together (menus run into one line, or the whole
    // page) is read with each element on its own line again: the decisions' lines are then
    // those of the text so cut. (Terminal browsers, whose columns are read above, glue none.)
    let unglued = if decolumned.is_none() { glued::unglue(text) } else { None };
    let text = unglued.as_ref().map_or(text, |u| u.text.as_str());
    // A Markdown rendering is read as the plain text it stands for (the decisions' lines are
    // then the lines of that text). Terminal browsers' link numbers ([12]) and lists of link
    // targets, the underscores of underlined links and the frames of framed headings, are
    // taken out, line for line: the wrapping is still read off the lines as rendered.
    let is_markdown = markdown::looks_like_markdown(text);
    let (plain, kind_hints, numbered) = if is_markdown {
        let (plain, kinds) = markdown::render(text);
        (Some(plain), kinds, false)
    } else {
        let mut stripped = links::strip_numbered_links(text);
        let numbered = stripped.is_some();
        // links underlined with underscores (`Print_Edition`) get their spaces back
        if let Some(respaced) = underline::respace(stripped.as_deref().unwrap_or(text)) {
            stripped = Some(respaced);
        }
        // headings framed by symbols (`***** Comments *****`) are read as their text
        match headings::strip_frames(stripped.as_deref().unwrap_or(text)) {
            Some((plain, kinds)) => (Some(plain), kinds, numbered),
            None => (stripped, Vec::new(), numbered),
        }
    };
    let lines: Vec<&str> = plain.as_deref().unwrap_or(text).lines().collect();
    // the lines as rendered differ from the cleaned ones only by the link numbers
    let with_numbers: Vec<&str> = if numbered { text.lines().take(lines.len()).collect() } else { Vec::new() };
    let rendered: &[&str] = if numbered { &with_numbers } else { &lines };
    let mut widths = line_widths(rendered);
    // (lines read off columns are paragraphs already: they say nothing of the wrapping)
    if let Some((_, from_columns)) = decolumned.as_ref().filter(|_| !is_markdown) {
        for (w, _) in widths.iter_mut().zip(from_columns).filter(|(_, c)| **c) {
            *w = 0;
        }
    }
    let width = wrap_width_as_rendered(&lines, rendered, &widths);
    let threshold = match options.favor {
        Favor::Balanced => 10.0,
        Favor::Precision => 14.0,
        Favor::Recall => 7.0,
    };

    // 1. Embeds first.
    let text_tweets = find_text_tweets(&lines, width.is_some());
    let mut skip = vec![false; lines.len()];
    let mut line_reason: Vec<Option<(Label, String)>> = vec![None; lines.len()];
    for t in &text_tweets {
        for i in t.first_line..=t.last_line {
            skip[i] = true;
            let what = if i >= t.byline_line {
                format!("tweet byline of @{}", t.tweet.handle.as_deref().unwrap_or(""))
            } else if is_tweet_chrome(lines[i]) {
                "tweet chrome (renderer noise around an embed)".to_string()
            } else {
                "tweet text (the lines above a tweet byline)".to_string()
            };
            line_reason[i] = Some((Label::Tweet, what));
        }
    }

    // 2. Blocks, with what the rules say of each.
    let mut blocks = blocks(&lines, rendered, &widths, &skip, width);
    for b in &mut blocks {
        b.heading = kind_hints.get(b.first).copied().flatten() == Some(ParagraphKind::Heading);
    }
    let lowers: Vec<String> = blocks.iter().map(|b| lowercase(&b.text)).collect();
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    // first and last block of each text, for lines the article repeats ([`copies_within`])
    let mut extent: rustc_hash::FxHashMap<&str, (usize, usize)> = Default::default();
    for (j, l) in lowers.iter().enumerate() {
        *seen.entry(l.as_str()).or_default() += 1;
        extent.entry(l.as_str()).and_modify(|x| x.1 = j).or_insert((j, j));
    }
    // (a Markdown rendering has lines of its own: the menus are known by the lines cut)
    let glued_menu = |b: &Block| unglued.as_ref().filter(|_| !is_markdown).and_then(|u| u.menus.iter().find(|m| m.0 == b.first)).map(|m| m.1);
    for (b, lower) in blocks.iter_mut().zip(&lowers) {
        b.duplicate = seen[lower.as_str()];
        b.chrome = glued_menu(b)
            .map(|n| format!("menu: {n} entries glued together"))
            .or_else(|| rules::block_rule(&b.text, lower, b.words))
            .or_else(|| (b.words <= 80 && rules::glued_headline(&b.text)).then(|| GLUED_TEASER.to_string()))
            .or_else(|| b.is_word_list().then(|| format!("list of words without punctuation (tag cloud, {} words)", b.words)))
            .or_else(|| b.script_marks().map(|n| format!("script or style code: {n} marks of code ({{ }} = ; \":) in {} words", b.words)))
            .or_else(|| b.hashtag_post().map(|n| format!("a social-media post: {n} of its {} words are hashtags", b.words)))
            .or_else(|| b.is_code_or_url().then(|| format!("a URL's parameters or code: most of it in runs of {LONG_TOKEN}+ characters with {{=%&?;}} and no space")))
            .or_else(|| {
            is_tweet_chrome(&b.text).then(|| "tweet chrome (renderer noise around an embed)".to_string())
        });
        b.furniture = b.chrome.as_deref().is_some_and(|r| r.starts_with("photo caption") || r.starts_with("teaser prefix"));
        b.score = score(b, threshold);
    }

    mark_template_lines(&mut blocks, &lowers, &extent, threshold);
    mark_teaser_boxes(&mut blocks, threshold);
    mark_doubled_text(&mut blocks, &lowers, threshold);
    mark_teaser_runs(&mut blocks, threshold);
    mark_truncated_snippets(&mut blocks, threshold);
    mark_kicker_runs(&mut blocks, threshold);
    mark_enumerations(&mut blocks);
    mark_data_rows(&mut blocks, &lines);
    let lists = headed_lists(&blocks);
    mark_attributions(&mut blocks, &lines, threshold);

    // 3. The body: the densest span of text.
    let scores: Vec<f64> = blocks.iter().map(|b| b.score).collect();
    let mut span = densest_span(&scores);
    let mut split_reason: Vec<(usize, usize, String)> = Vec::new();
    if let Some((s, e)) = span {
        let pieces = split_span(&blocks, s, e);
        if pieces.len() > 1 {
            let max = pieces.iter().map(|p| p.2).fold(0.0, f64::max);
            let mut pick = pieces.iter().position(|p| p.2 >= max * PIECE_SHARE).unwrap_or(0);
            // a piece under its own byline/dateline is the article when the first one has no
            // head (a news ticker, a teaser above the headline) and it is not a thread
            let headed = |p: &(usize, usize, f64, Option<usize>)| has_own_head(&blocks, p.0, p.1);
            if !headed(&pieces[pick]) {
                if let Some(k) = pieces.iter().position(|p| p.2 >= max * PIECE_SHARE && headed(p) && !is_thread(&blocks, p.0, p.1)) {
                    pick = k;
                }
            }
            // a thread opened by an end marker ("34 responses to …") is the comments under the
            // article that comes before it, however long the discussion
            if pieces[pick].3.is_some() && is_thread(&blocks, pieces[pick].0, pieces[pick].1) {
                if let Some(k) = (0..pick).filter(|&k| pieces[k].2 >= max * THREAD_PIECE_SHARE).max_by(|&x, &y| pieces[x].2.total_cmp(&pieces[y].2)) {
                    pick = k;
                }
            }
            let (a, b, sum, _) = pieces[pick];
            for (k, p) in pieces.iter().enumerate() {
                if k != pick {
                    let why = match p.3 {
                        Some(m) => format!("{:?} (which opens what follows an article) separates it from the article", blocks[m].text),
                        None => "page chrome separates it from the article".to_string(),
                    };
                    split_reason.push((p.0, p.1, format!("{why} (text score {} here, {} in the article)", Score(p.2), Score(sum))));
                }
            }
            span = Some((a, b));
        }
    }
    if let Some((s, e)) = span {
        if let Some((a, b, why)) = anchor_to_head(&blocks, s, e) {
            split_reason.push((s, e, why));
            span = Some((a, b));
        }
    }
    let mut listed = None;
    if let Some((s, e)) = span {
        if let Some(last) = extend_to_list(&lists, e) {
            listed = Some((e + 1, last));
            span = Some((s, last));
        }
    }
    let mut keep = vec![false; blocks.len()];
    let mut block_reason: Vec<String> = vec![String::new(); blocks.len()];
    if let Some((s, e)) = span {
        for i in s..=e {
            let b = &blocks[i];
            if let Some(r) = &b.chrome {
                block_reason[i] = format!("{r} (inside the main text span)");
            } else if b.duplicate > 1
                && !b.is_prose()
                && !((b.template || b.words >= REPEATED_OWN_WORDS && b.duplicate >= REPEATED_OWN_COPIES) && copies_within(&extent, &lowers[i], s, e))
            {
                block_reason[i] = format!("repeated line ({}× in the page) inside the main text span", b.duplicate);
            } else if b.duplicate > 1 && !b.is_prose() {
                keep[i] = true;
                let whose = if b.template { "a line of a template the article repeats" } else { "the article's own" };
                block_reason[i] = format!("repeated line ({}× in the page), every copy inside the main text span: {whose} (block score {}, {} words)", b.duplicate, Score(b.score), b.words);
            } else {
                keep[i] = true;
                block_reason[i] = match b.enumerated {
                    _ if listed.is_some_and(|(a, z)| (a..=z).contains(&i)) => format!("a list under a subheading right after the article's last paragraph ({} words)", b.words),
                    Some(c) if b.data_row => format!("in the main text span, a row of a table or schedule of {c} rows (block score {}, {} words)", Score(b.score), b.words),
                    Some(c) => format!("in the main text span, inside a numbered list of {c} items (block score {}, {} words)", Score(b.score), b.words),
                    None => format!("in the main text span (block score {}, {} words)", Score(b.score), b.words),
                };
                if b.hover_cut {
                    block_reason[i].push_str("; a hover card glued into it (a name shown twice, headlines, MORE) was cut out");
                }
            }
        }
    }
    for (a, b, r) in &split_reason {
        for j in *a..=*b {
            if block_reason[j].is_empty() && blocks[j].chrome.is_none() {
                block_reason[j] = r.clone();
            }
        }
    }
    let mut above_header = vec![false; blocks.len()];
    if let Some((s, e)) = span {
        trim_lead_list(&blocks, s, e, &mut keep, &mut block_reason);
        trim_span_head(&blocks, s, e, &mut keep, &mut block_reason, &mut above_header);
        trim_teaser_tail(&blocks, s, e, &mut keep, &mut block_reason);
    }
    drop_repeated_text(&blocks, &mut keep, &mut block_reason);
    drop_trailing_bio(&blocks, &mut keep, &mut block_reason);
    drop_trailing_company_box(&blocks, &mut keep, &mut block_reason);
    for (i, b) in blocks.iter().enumerate() {
        if block_reason[i].is_empty() {
            block_reason[i] = match &b.chrome {
                Some(r) => r.clone(),
                None if b.duplicate > 1 => format!("repeated line ({}× in the page), outside the main text span", b.duplicate),
                None => format!("outside the main text span (block score {}, {} words)", Score(b.score), b.words),
            };
        }
    }

    // 4. Title: a headline-like block at the top of the span or just above it; lines
    //    between the title and the first paragraph are header lines (dateline, byline).
    let first_body = keep.iter().position(|&k| k);
    let mut title_block = None;
    if let Some(fb) = first_body {
        // the article's head (a byline or dateline) was found right above the body: the title
        // is above it, not in the body
        let headed = fb > 0 && blocks[fb - 1].header && !keep[fb - 1];
        // (a title-like first block over prose, or a short one without a full stop over kept text)
        if !headed
            && looks_like_title(&blocks[fb])
            && ((keep.get(fb + 1).copied().unwrap_or(false) && blocks[fb + 1].is_prose() && !blocks[fb].is_prose())
                || (blocks[fb].words <= 30 && !blocks[fb].ends_sentence() && fb + 1 < blocks.len() && keep[fb + 1]))
        {
            title_block = Some(fb);
        } else {
            // look up to 6 blocks above
            let lo = fb.saturating_sub(6);
            for j in (lo..fb).rev() {
                let b = &blocks[j];
                if b.chrome.is_some() || above_header[j] {
                    continue;
                }
                let is_header_line = crate::meta::text::is_dateline(&b.text) || crate::meta::text::byline_authors(&b.text).is_some();
                if is_header_line {
                    continue;
                }
                if looks_like_title(b) && b.words >= 4 {
                    title_block = Some(j);
                }
                break;
            }
        }
    }
    let mut header = HeaderLines::default();
    let mut title = None;
    if let Some(tb) = title_block {
        keep[tb] = false;
        title = Some(blocks[tb].text.clone());
        block_reason[tb] = "title: headline-like line right above the article's first paragraph".into();
        let body_start = (tb + 1..blocks.len()).find(|&j| keep[j]).unwrap_or(blocks.len());
        for j in tb + 1..body_start {
            header.between.push((j, blocks[j].text.clone()));
        }
        if tb > 0 {
            let prev = &blocks[tb - 1];
            if (1..=4).contains(&prev.words) && !prev.bullet && prev.chrome.is_none() && !prev.ends_sentence()
                && crate::meta::dates::find_date(&prev.text).is_none()
            {
                header.section = Some(prev.text.clone());
            }
        }
    }
    for (j, b) in blocks.iter().enumerate() {
        if !keep[j] && Some(j) != title_block && b.words <= 12 {
            header.outside.push(b.text.clone());
        }
    }

    // 5. Paragraphs, their kinds, and tweets placed between them.
    let mut paragraphs = Vec::new();
    let mut para_of_block = vec![None; blocks.len()];
    for (j, b) in blocks.iter().enumerate() {
        if !keep[j] {
            continue;
        }
        let next_is_prose = blocks.get(j + 1).is_some_and(|n| keep[j + 1] && n.is_prose());
        // the kind Markdown gave the block's first line (a `#` heading, a `>` quote)
        let hint = kind_hints.get(b.first).copied().flatten();
        let kind = if b.bullet {
            ParagraphKind::ListItem
        } else if let Some(k) = hint {
            k
        } else if b.indent >= 2 && width.is_some() && b.words >= 3 {
            ParagraphKind::Quote
        } else if looks_like_heading(b) && next_is_prose && b.words <= 12 {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Paragraph
        };
        para_of_block[j] = Some(paragraphs.len());
        let text = match &b.item_label {
            Some(l) => format!("{l} {}", b.text),
            None => b.text.clone(),
        };
        paragraphs.push(Paragraph::new(text, kind));
    }
    let mut tweets = Vec::with_capacity(text_tweets.len());
    for t in &text_tweets {
        let before = blocks.iter().enumerate().filter(|(j, b)| b.last < t.first_line && para_of_block[*j].is_some()).count();
        let mut tw = t.tweet.clone();
        tw.after_paragraph = before as i32 - 1;
        tweets.push(tw);
    }

    // 6. One decision per line.
    // (lines no embed and no block claims are blank: their reason is written last)
    let mut decisions: Vec<LineDecision> = lines
        .iter()
        .zip(line_reason)
        .enumerate()
        .map(|(i, (l, why))| {
            let (label, reason) = why.unwrap_or((Label::Blank, String::new()));
            LineDecision { line: i + 1, text: (*l).to_string(), label, reason, paragraph: None }
        })
        .collect();
    for (j, b) in blocks.iter().enumerate() {
        let label = if Some(j) == title_block {
            Label::Title
        } else if keep[j] {
            Label::Body
        } else {
            Label::Boilerplate
        };
        // (the block's reason is copied to its lines, and moved to the last one)
        let mut lines_of_block = decisions[b.first..=b.last].iter_mut().filter(|d| d.label != Label::Tweet && !d.text.trim().is_empty()).peekable();
        while let Some(d) = lines_of_block.next() {
            d.label = label;
            d.reason = if lines_of_block.peek().is_some() { block_reason[j].clone() } else { std::mem::take(&mut block_reason[j]) };
            d.paragraph = para_of_block[j];
        }
    }
    for d in decisions.iter_mut().filter(|d| d.label == Label::Blank) {
        d.reason = "blank line".into();
    }
    // header lines are reported with the block's first line index
    header.between = header.between.iter().map(|(j, t)| (blocks[*j].first, t.clone())).collect();
    TextExtraction { title, paragraphs, tweets, header, decisions, wrap_width: width }
}

/// A paragraph hard-wrapped at `width` terminal columns, as w3m or lynx render it (tests).
#[cfg(test)]
pub(crate) fn hard_wrap(paragraph: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for w in paragraph.split_whitespace() {
        if !line.is_empty() && display_width(&line) + 1 + display_width(w) > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    out + &line
}

/// Paragraphs hard-wrapped at `width` columns, the indent included, every line behind
/// `indent`, each paragraph followed by a blank line: a dump's body as a renderer writes it
/// (tests).
#[cfg(test)]
pub(crate) fn wrapped_paragraphs(paras: &[&str], width: usize, indent: &str) -> String {
    paras.iter().map(|p| indented_wrap(p, width, indent) + "\n\n").collect()
}

/// `text` [`hard_wrap`]ped at `width` columns, the indent included, every line behind `indent`
/// (tests).
#[cfg(test)]
pub(crate) fn indented_wrap(text: &str, width: usize, indent: &str) -> String {
    hard_wrap(text, width - indent.len()).lines().map(|l| format!("{indent}{l}")).collect::<Vec<_>>().join("\n")
}

/// The paragraphs' texts of an extraction (tests).
#[cfg(test)]
fn body(x: &TextExtraction) -> Vec<&str> {
    x.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_url_with_parameters_is_no_text_but_a_quoted_url_is() {
        let paras = [
            "The city council voted on Tuesday to approve the long-delayed tram line, ending a debate that had lasted more than a year.",
            "The full report is online at https://council.example/reports/2019/tram-line-final-report.pdf for anyone to read.",
            "Shop owners along the route said they feared losing customers during the works, and asked for lower parking fees.",
        ];
        let mut dump = String::from("Council approves the new tram line\n\n");
        dump.push_str(&wrapped_paragraphs(&paras, 72, ""));
        // an iframe's address with its query string, wrapped by a terminal browser
        dump.push_str("IFRAME:\nhttps://sdk.example.com/gs/webSdk/Api.aspx?apiKey=3_-FVQzpd\nFRai9eK0LUE2bQibsUcv-mtWRgrAUaCyDvREHAAVSgJS25CWP-fZq-7hZ&version=l\n\
            atest#origin=https://news.example/city/council-approves-tram-line-1.46\n90347&gig_loggerConfig=%7B%22logLevel%22%3A0%2C%22clientMuteLevel%22%3A0\n");
        let x = extract_text_dump(&dump, &Options::default());
        let body = body(&x);
        assert_eq!(body, paras);
        let why = x.decisions.iter().find(|d| d.text.starts_with("FRai9")).map(|d| d.reason.as_str()).unwrap_or("");
        assert!(why.starts_with("a URL's parameters or code"), "{why}");
    }

    #[test]
    fn scores_print_as_the_float_formatting_does() {
        for x in [0.0, -0.0, 0.4, -0.4, 0.5, -0.5, 1.5, 2.5, -2.5, 3.49999, 12.0, -7.25, 123456.5, 1e-300, f64::NAN, f64::INFINITY, 1e20, -1e20] {
            assert_eq!(Score(x).to_string(), format!("{x:+.0}"), "{x:?}");
        }
        for k in -20_000..20_000 {
            let x = f64::from(k) / 8.0;
            assert_eq!(Score(x).to_string(), format!("{x:+.0}"), "{x:?}");
        }
    }

    #[test]
    fn collapsed_text_is_recognised() {
        for t in ["a b", " a", "a ", "a  b", "a\tb", "a\nb", "", "a", "été  là"] {
            assert_eq!(is_collapsed(t), collapse_ws(t) == t, "{t:?}");
        }
    }

    #[test]
    fn row_separators_open_where_row_shape_looks() {
        assert!(ROW_SEPARATORS.iter().all(|s| matches!(s.as_bytes()[0], b'\t' | b' ' | b':')));
        assert_eq!(row_shape("June 9 – Tampa, FL @ Arena").0, 0b0010_0100);
        assert_eq!(row_shape("Name\tTeam\tPoints"), (1, 3));
    }

    #[test]
    fn unwraps_hard_wrapped_paragraphs() {
        let para = "The quick brown fox jumps over the lazy dog while the farmer watches from the porch and wonders what the day will bring for the animals, the fields and the village that sleeps below the hill in the early morning light.";
        let mut wrapped = String::from("Home\n\nA headline about the fox and the dog\n\n");
        // distinct paragraphs (a page repeating a paragraph loses the repeat)
        let paras: Vec<String> = vec![EN[0].to_string(), para.to_string(), EN[2].to_string()];
        for p in &paras {
            wrapped.push_str(&hard_wrap(p, 60));
            wrapped.push_str("\n\n");
        }
        wrapped.push_str("© 2020 Fox News Network\n");
        let x = extract_text_dump(&wrapped, &Options::default());
        assert_eq!(x.paragraphs.len(), 3, "{:#?}", x.decisions);
        assert!(x.paragraphs.iter().zip(&paras).all(|(p, want)| &p.text == want));
        assert_eq!(x.title.as_deref(), Some("A headline about the fox and the dog"));
        let copyright = x.decisions.iter().find(|d| d.text.starts_with('©')).unwrap();
        assert_eq!(copyright.label, Label::Boilerplate);
        assert_eq!(copyright.reason, "copyright line");
    }

    #[test]
    fn navigation_lists_and_teasers_are_dropped() {
        let dump = "  • News\n  • Sport\n  • Culture\n\nBig storm hits the coast overnight\n\nA large storm hit the coast overnight, cutting power to thousands of homes and closing roads across the region, officials said on Monday.\n\nEmergency crews worked through the night to clear fallen trees, and schools in three towns stayed closed while engineers inspected the damage to bridges.\n\nRead more: Why storms are getting stronger\n\n  • About\n  • Contact\n\n© 2024 The Coast Herald";
        let x = extract_text_dump(dump, &Options::default());
        assert_eq!(x.title.as_deref(), Some("Big storm hits the coast overnight"));
        assert_eq!(x.paragraphs.len(), 2);
        assert!(x.paragraphs[0].text.starts_with("A large storm"));
        let teaser = x.decisions.iter().find(|d| d.text.starts_with("Read more")).unwrap();
        assert_eq!(teaser.label, Label::Boilerplate);
        assert!(teaser.reason.contains("teaser"), "{}", teaser.reason);
        assert_eq!(x.decisions.len(), dump.lines().count());
    }

    #[test]
    fn a_template_the_article_repeats_is_kept_and_a_menu_shown_twice_is_not() {
        let menu = "Home\nRecipes\nMeal plans\nWorkouts\nShop\n\n";
        let mut dump = format!("{menu}A week of quick dinners for busy families\n\n");
        dump.push_str("This plan gives you four dinners that each take less than thirty minutes, so that a weeknight meal never has to come out of a box again.\n\n");
        dump.push_str("Every evening follows the same pattern: a light starter while the oven heats up, then a main dish that cooks on one tray, which keeps the washing up short.\n\n");
        let dishes = [
            ("Carrot soup: 1 cup carrots, ½ onion, 1 cup stock, 2 tbsp. yoghurt and 1 tbsp. toasted pumpkin seeds on top.", "Roast chicken thighs: 4 oz. chicken, 1 cup potatoes, 1 cup green beans, ½ lemon, 1 tsp. olive oil, salt and pepper."),
            ("Tomato salad: 1 cup cherry tomatoes, a handful of torn basil leaves, 1 tsp. olive oil and black pepper to taste.", "Baked salmon: 4 oz. salmon fillet, ½ cup brown rice, ½ cup peas, 1 tsp. soy sauce and a little grated ginger."),
            ("Cucumber sticks: 1 cup cucumber, ¼ cup yoghurt with one crushed garlic clove, chopped dill and a squeeze of lemon.", "Sausages and peppers: 2 chicken sausages, 1 cup roasted peppers and onions, ½ cup sweet potato, 1 tsp. olive oil."),
            ("Green salad: 2 cups lettuce, ½ apple in thin slices, 1 tsp. mustard and 1 tsp. vinegar whisked with 1 tsp. oil.", "Chickpea curry: 1 cup chickpeas, 2 cups spinach, ½ cup light coconut milk, 1 tsp. curry paste and one small flatbread."),
        ];
        for (day, (starter, main)) in ["Monday", "Tuesday", "Wednesday", "Thursday"].iter().zip(dishes) {
            dump.push_str(&format!("Dinner for {day}\n\nStarter\n\nReady in 10 minutes\n\n{starter}\n\nMain dish\n\nReady in 20 minutes\n\n{main}\n\n"));
        }
        dump.push_str(menu);
        dump.push_str("© 2024 The Family Kitchen");
        let x = extract_text_dump(&dump, &Options::default());
        let body = body(&x);
        assert!(body.iter().any(|p| p.starts_with("Chickpea curry")), "{body:#?}");
        assert_eq!(body.iter().filter(|p| **p == "Ready in 20 minutes").count(), 4, "{body:#?}");
        assert_eq!(body.iter().filter(|p| **p == "Main dish").count(), 4, "{body:#?}");
        assert!(!body.contains(&"Meal plans"), "{body:#?}");
        let label = x.decisions.iter().find(|d| d.text == "Starter").unwrap();
        assert_eq!(label.label, Label::Body);
        assert!(label.reason.contains("a line of a template the article repeats"), "{}", label.reason);
    }

    /// Hard-wraps `text` at `width` columns, each line prefixed by `indent`.
    fn wrap(text: &str, width: usize, indent: &str) -> String {
        indented_wrap(text, width, indent)
    }

    const EN: [&str; 3] = [
        "The city council voted on Tuesday night to close the old bridge over the river for at least two years, after engineers found cracks in three of its supporting piers during a routine inspection last month.",
        "Drivers will have to use the ring road instead, which the council expects to add about fifteen minutes to the morning commute for people who live on the north bank and work in the centre of town.",
        "The mayor said the decision had not been taken lightly, but that the safety of the people who cross the bridge every day had to come first, and that a new bridge would be designed as soon as possible.",
    ];

    const MORE: [&str; 1] = [
        "Shop owners on the north bank said they feared losing customers during the closure, and the chamber of commerce asked the council to lower the parking fees in the old town for as long as the works last.",
    ];

    #[test]
    fn an_article_in_a_column_beside_a_sidebar_is_read_whole() {
        // w3m and links set a layout table's cells side by side: every line holds a piece of
        // the article and a piece of the sidebar
        let left: Vec<String> = EN.iter().flat_map(|p| wrap(p, 40, "").lines().map(str::to_string).chain([String::new()]).collect::<Vec<_>>()).collect();
        let sidebar = ["Latest news", "", "*Storm closes schools in three towns", "on the coast", "*Mayor opens the new library after", "four years of works", "*Council postpones its vote on the", "parking fees in the old town", "*Ferry service resumes after two", "weeks of repairs"];
        let mut dump = String::from("Home   News   Sport   Culture\n\nCouncil closes the old bridge for two years\n\n");
        for k in 0..left.len().max(sidebar.len()) {
            let l = left.get(k).map_or("", String::as_str);
            let r = sidebar.get(k).copied().unwrap_or("");
            dump.push_str(format!("{l:<41}{r}").trim_end());
            dump.push('\n');
        }
        dump.push_str("About the Gazette | Contact the newsroom | Privacy policy | Terms of use\n© 2024 The River Gazette\n");
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        assert_eq!(x.title.as_deref(), Some("Council closes the old bridge for two years"));
    }

    #[test]
    fn a_centred_article_is_joined_line_by_line() {
        // elinks centres the text a page centres: every line of a paragraph at its own indent,
        // its middle in the same column; its menus have a no-break space after the bullet
        let centre = |p: &str| {
            let mut out = String::new();
            for l in wrap(p, 66, "").lines() {
                out.push_str(&format!("{}{l}\n", " ".repeat((80 - l.len()) / 2)));
            }
            out
        };
        let mut dump = String::from("     •\u{a0}Home\n     •\u{a0}News\n     •\u{a0}Sport\n\n   Council closes the old bridge for two years\n\n");
        for p in EN {
            dump.push_str(&centre(p));
            dump.push('\n');
        }
        dump.push_str("   About the Gazette | Contact the newsroom | Privacy policy | Terms of use\n");
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        // the menu's lines are list items
        assert_eq!(rules::strip_bullet("     •\u{a0}Home"), Some("Home"));
        // a list item's hanging line, then a paragraph at the margin whose middle happens to
        // be in the same column: two blocks (no centred text on the page)
        let item = "    *  A cross-section through the module showing the quarters that would double\n      as pods in the cruise phase, with a fan for the air. Credit: ESA";
        let next = "Engineers said the cracks had grown since the last inspection, and that the piers could not be repaired without closing the bridge to all traffic for the whole of the works.";
        let dump = format!(
            "Council closes the old bridge for two years\n\n{}\n\n{}\n\n{item}\n{}\n\n{}\n\n{}\n",
            wrap(EN[0], 80, ""),
            wrap(EN[1], 80, ""),
            wrap(next, 80, ""),
            wrap(EN[2], 80, ""),
            wrap(MORE[0], 80, "")
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert!(x.paragraphs.iter().any(|p| p.text == next), "{:#?}", x.decisions);
    }

    #[test]
    fn lynx_style_indented_wrap_at_72_columns() {
        let mut dump = String::from("   [1]Home [2]News [3]Sport\n\n   Council closes the old bridge for two years\n\n");
        dump.push_str(&wrapped_paragraphs(&EN, 72, "   "));
        dump.push_str("   [4]About us [5]Contact\n");
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        assert_eq!(x.title.as_deref(), Some("Council closes the old bridge for two years"));
    }

    #[test]
    fn email_style_ragged_wrap_and_markdown_bullets() {
        // wrapped at 66 columns, list items with '* ' bullets and a two-space hanging indent
        let items = [
            "engineers found cracks in three of the supporting piers of the bridge during the inspection",
            "the repairs would cost more than building a new bridge from scratch, the report says",
        ];
        let mut dump = String::new();
        dump.push_str(&wrap(EN[0], 66, ""));
        dump.push_str("\n\nThe report gives two reasons for the closure:\n\n");
        for it in items {
            let w = wrap(it, 64, "");
            for (k, l) in w.lines().enumerate() {
                dump.push_str(if k == 0 { "* " } else { "  " });
                dump.push_str(l);
                dump.push('\n');
            }
        }
        dump.push('\n');
        dump.push_str(&wrap(EN[1], 66, ""));
        dump.push_str("\n\n");
        dump.push_str(&wrap(EN[2], 66, ""));
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(got.contains(&items[0]) && got.contains(&items[1]), "{got:#?}");
        assert!(got.contains(&EN[0]) && got.contains(&EN[2]), "{got:#?}");
        let item = x.paragraphs.iter().find(|p| p.text == items[0]).unwrap();
        assert_eq!(item.kind, ParagraphKind::ListItem);
    }

    #[test]
    fn japanese_wrapped_by_columns_joins_without_spaces() {
        let para = "市議会は火曜日の夜、川に架かる古い橋を少なくとも二年間閉鎖することを決めた。先月の定期点検で、橋を支える三本の橋脚にひびが見つかったためである。運転者は環状道路を使う必要があり、通勤時間は十五分ほど長くなる見込みだ。";
        // a renderer wrapping at 80 columns puts 40 wide characters on a line
        let chars: Vec<char> = para.chars().collect();
        let mut dump = String::from("ホーム\n\n");
        // three different paragraphs (the same text twice in a row is a caption): the
        // sentences in turn
        for k in 0..3 {
            let sentences: Vec<&str> = para.split_inclusive('。').collect();
            let rotated: String = sentences[k..].iter().chain(&sentences[..k]).copied().collect();
            let chars: Vec<char> = if k == 0 { chars.clone() } else { rotated.chars().collect() };
            for chunk in chars.chunks(40) {
                dump.push_str(&chunk.iter().collect::<String>());
                dump.push('\n');
            }
            dump.push('\n');
        }
        let x = extract_text_dump(&dump, &Options::default());
        assert!(!x.paragraphs.is_empty(), "{:#?}", x.decisions);
        assert_eq!(x.paragraphs[0].text, para);
    }

    #[test]
    fn a_wrapped_article_on_a_page_of_long_menu_entries_is_unwrapped() {
        // few of the page's long lines reach the width, but every line that runs on does
        let mut dump = String::new();
        for k in 0..45 {
            dump.push_str(&format!("  • Section {k} of the newspaper with its own long name\n"));
        }
        dump.push_str("\nCouncil closes the old bridge for two years\n\n");
        let paras = [
            EN[0], EN[1], EN[2],
            "Shop owners on the north bank said they feared losing customers during the closure, and the chamber of commerce asked the council to lower the parking fees in the old town for as long as the works last.",
            "The council said it would publish the plans for the new bridge in the spring, and that residents would be able to comment on them at public meetings in every district before the final decision is taken.",
        ];
        dump.push_str(&wrapped_paragraphs(&paras, 80, ""));
        assert!(wrap_width(&dump.lines().collect::<Vec<_>>()).is_some());
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), paras.to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn a_short_article_wrapped_at_120_columns_among_rows_that_run_on_is_unwrapped() {
        // at 120 columns most paragraphs fit on a line or two; a results table of long rows runs
        // on without wrapping: the hard ceiling under the width tells that the page is wrapped
        let mut dump = String::from("Home  News  Sport  Weather\n\nHigh school roundup: the league leaders stay unbeaten\n\n");
        for k in 0..10 {
            dump.push_str(&format!("Team {k} (3-{k}): Player One 12 points, Player Two 9 points, Player Three 7.\n"));
        }
        dump.push('\n');
        let paras = [
            "The home side took control early in the second half, scoring eleven unanswered points before the visitors called a timeout to regroup.",
            "Coaches on both benches praised the defence, and the league said the final standings would be published after the last round of matches in March.",
            "Tickets for the final are on sale at the school office, and the organisers asked parents to arrive early because parking near the gym is limited.",
        ];
        dump.push_str(&wrapped_paragraphs(&paras, 120, ""));
        dump.push_str("Terms of Service  Privacy Notice\n");
        assert!(wrap_width(&dump.lines().collect::<Vec<_>>()).is_some(), "{dump}");
        let x = extract_text_dump(&dump, &Options::default());
        for p in paras {
            assert!(body(&x).contains(&p), "{:#?}", x.decisions);
        }
    }

    #[test]
    fn teasers_and_comment_heads_in_more_languages_are_chrome() {
        let paras = [
            "Pemerintah kota mengumumkan pada hari Senin bahwa jalur trem baru akan dibangun mulai tahun depan, setelah perdebatan yang berlangsung lebih dari satu tahun.",
            "Menurut dinas perhubungan, jalur itu akan melayani sekitar empat puluh ribu penumpang setiap hari dan tarifnya akan sama dengan tarif bus kota.",
            "Para pedagang di sepanjang rute mengatakan mereka khawatir kehilangan pelanggan selama pembangunan, dan meminta pemerintah menurunkan biaya parkir.",
        ];
        let dump = format!(
            "Beranda\nBerita\nOlahraga\n\nPembangunan jalur trem baru disetujui\n\n{}\n\nBaca juga: Harga tiket bus naik lagi bulan depan\n\n{}\n\n{}\n\nBerita Terkait\n\nKomentar\n\nHak cipta dilindungi undang-undang\n",
            paras[0], paras[1], paras[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), paras.to_vec(), "{:#?}", x.decisions);
        let why = |t: &str| x.decisions.iter().find(|d| d.text.starts_with(t)).unwrap().reason.clone();
        assert!(why("Baca juga").contains("teaser prefix"), "{}", why("Baca juga"));
        assert!(why("Berita Terkait").contains("chrome line"), "{}", why("Berita Terkait"));
        // Russian function words make a short line a fragment of text, not a menu label
        let b = |t: &str| {
            let lines = [t];
            blocks(&lines, &lines, &line_widths(&lines), &[false], None).remove(0)
        };
        assert!(b("Он сказал, что это не так").is_fragment());
        assert!(b("Политика Экономика Спорт").is_label());
    }

    #[test]
    fn a_wrap_width_is_read_off_continuation_lines_when_long_unbroken_lines_hide_it() {
        // wrapped at 72 columns (pandoc), with two lines pushed past the width by words the
        // renderer would not break: the longest lines are not the wrapped ones
        let paras = [
            "the council said on Monday that the first trams would run in the spring, and that fares would stay at the level of the buses for at least two years after the opening of the new line through the old town.",
            "shop owners along the route said they feared losing customers during the works, and the chamber of commerce asked the council to lower the parking fees in the old town for as long as the works last.",
            "the plans for the depot will be published in the autumn, and residents will be able to comment on them at public meetings in every district before the final decision is taken by the council.",
        ];
        let mut dump = String::from("Council approves the tram line\n\n");
        for p in paras {
            dump.push_str(&hard_wrap(&format!("Reporters learned that {p}"), 72));
            dump.push_str("\n\n");
        }
        dump.push_str("Documents:\u{a0}https://council.example/minutes/2019/11/18/tram-line-final-vote-and-annexes.pdf\n\n");
        dump.push_str("Photo:\u{a0}Jane\u{a0}Doe\u{a0}for\u{a0}the\u{a0}council\u{a0}press\u{a0}office\u{a0}archive\u{a0}collection\u{a0}of\u{a0}the\u{a0}city\n");
        let lines: Vec<&str> = dump.lines().collect();
        assert!(matches!(wrap_width(&lines), Some(72..=74)), "{dump}");
        let x = extract_text_dump(&dump, &Options::default());
        for p in paras {
            let want = format!("Reporters learned that {p}");
            assert!(body(&x).contains(&want.as_str()), "{:#?}", x.decisions);
        }
    }

    #[test]
    fn a_narrower_width_read_off_continuation_lines_wins_over_a_table_of_long_rows() {
        // text wrapped at 72 columns under a table whose unbreakable rows run to 100 columns:
        // the rows pile up at their own width, which is not the one the text was wrapped at
        let para = "the council said on Monday that the first trams would run in the spring, and that fares would stay at the level of the buses for at least two years after the opening of the new line.";
        let mut dump = String::from("Council approves the tram line\n\n");
        for k in 0..4 {
            dump.push_str(&hard_wrap(&format!("Reporters learned on day {k} that {para}"), 72));
            dump.push_str("\n\n");
        }
        for k in 0..10 {
            dump.push_str(&format!("Stop{k:02}:\u{a0}{}\n", "x\u{a0}".repeat(44)));
        }
        let lines: Vec<&str> = dump.lines().collect();
        assert!(matches!(wrap_width(&lines), Some(70..=74)), "{:?}", wrap_width(&lines));
    }

    #[test]
    fn one_line_past_all_others_does_not_set_the_width() {
        // text wrapped at 77 columns (74 and an indent of 3) and one line of 79 that the
        // renderer could not break: a line of 76 followed by `of` was wrapped all the same
        let paras = [
            "The agency said on Monday that putting astronauts into a deep sleep state of suspended animation could make it easier to reach other planets in future.",
            "The agency said its researchers examined how hibernation would affect the design of a crewed mission to Mars and concluded that it could help to significantly shrink the size of the spacecraft.",
            "While slowing down the metabolic rate of humans the way animals hibernate is not possible yet, the head of the research team says the idea is actually not so crazy at all.",
            "She noted that similar methods are already used to save trauma victims, and that the agency would study them further with hospitals in Germany and Italy next year.",
        ];
        let mut dump = String::from("Snooze cruise: a study sees a future for hibernating astronauts\n\n");
        dump.push_str(&wrapped_paragraphs(&paras, 77, "   "));
        dump.push_str("   Related: https://news.example/sci-tech/snooze-cruise-study-1.4690347?ref=789\n");
        let lines: Vec<&str> = dump.lines().collect();
        assert_eq!(lines.iter().map(|l| l.len()).max(), Some(79));
        assert!(lines.iter().any(|l| l.len() == 76) && lines.iter().any(|l| l.starts_with("   of ")), "{dump}");
        let x = extract_text_dump(&dump, &Options::default());
        let body = body(&x);
        assert_eq!(body, paras, "{:?}", x.wrap_width);
    }

    #[test]
    fn korean_wrapped_at_spaces_keeps_its_spaces() {
        // Korean is wide (two columns a character) but puts spaces between words: a renderer
        // wrapping at 60 columns breaks at the spaces, and the join must give them back
        let paras = [
            "주말 밤 아홉 시 두 방송사는 막장극의 대결로 붙는 경우가 흔하다. 현재 한 방송사는 새 드라마를 방영 중이고 다른 방송사는 또 다른 드라마를 방영하고 있다 두 드라마 모두 시청률이 높다.",
            "하지만 그 때문에 드라마의 승부수가 금방 읽히며 주인공의 연기까지 식상하게 다가오는 단점이 있다. 더구나 주인공은 지난해 주말극에서도 비슷한 역할을 맡았기 때문에 새로운 느낌이 없다.",
            "여기에 여주인공을 연기하는 배우 역시 주목할 만한 연기를 보여준다. 사실 이 드라마에서 배우의 연기는 크게 기대되지 않았지만 첫 회부터 시청자들의 눈길을 사로잡았다. 앞으로가 기대된다.",
        ];
        let mut dump = String::from("홈\n\n");
        dump.push_str(&wrapped_paragraphs(&paras, 60, ""));
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(got.contains(&paras[1]) && got.contains(&paras[2]), "{got:#?}");
    }

    #[test]
    fn deck_byline_and_dateline_are_header_not_body() {
        let dump = format!(
            "News\n\nCouncil closes the old bridge for two years\n\nEngineers found cracks in three piers, and the repairs would cost more than a new bridge, the council says in its report.\n\nBy Jane Doe\n\nPublished 10:48, Tue, Nov 19, 2019\n\n{}\n\n{}\n\n{}",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        assert_eq!(x.title.as_deref(), Some("Council closes the old bridge for two years"));
        let deck = x.decisions.iter().find(|d| d.text.starts_with("Engineers found")).unwrap();
        assert!(deck.reason.contains("deck"), "{}", deck.reason);
    }

    #[test]
    fn a_long_byline_ending_with_the_time_is_header() {
        // names, a weekday, a date and a time that ends in `a.m.`: no sentence
        let dump = format!(
            "Council closes the old bridge for two years\n\nBy Jane Doe and John Roe on Monday, November 18th, 2019 at 11:08 a.m.\n\n{}\n\n{}\n\n{}",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        assert_eq!(x.title.as_deref(), Some("Council closes the old bridge for two years"));
    }

    #[test]
    fn a_column_narrower_than_the_page_is_joined_when_the_page_width_is_not_told() {
        // a terminal rendering of a layout table: wide rows of links and tags, the article in
        // a cell 68 columns wide
        // (German: the lines a sentence runs on to start with capitalised nouns as often as not)
        let rows: String = (0..12).map(|k| format!("{:<72}{}\n", format!("Rubrik {k} | Nachrichten | Energie"), "Biogas Strompreis Netz ".repeat(1 + k % 3))).collect();
        let paras = [
            "Die Ministerin Anna Berger hat am Dienstag in München eine Initiative im Bundesrat angekündigt, die Betreibern von Biogasanlagen trotz der Strompreisbremse höhere Erlöse sichern soll.",
            "Die geplante Abschöpfung gefährde Investitionen in Windkraft und Photovoltaik, sagte die Ministerin, und die Bioenergie brauche Planungssicherheit für die kommenden Jahre.",
            "Verbände der Landwirtschaft begrüßten den Vorstoß am Mittwoch, forderten aber weitere Schritte der Regierung für Anlagen, die Holz oder Stroh verwerten.",
        ];
        let dump = format!("{rows}\nBayern fordert höhere Erlöse für Bioenergie\n\n{}", wrapped_paragraphs(&paras, 68, ""));
        assert!(paras.iter().all(|p| indented_wrap(p, 68, "").lines().count() >= 3));
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(x.wrap_width, None, "the test needs a page whose width is not told");
        assert_eq!(body(&x), paras.to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn teaser_list_after_the_article_is_cut() {
        let dump = format!(
            "Council closes the old bridge for two years\n\n{}\n\n{}\n\n{}\n\nSchools reopen after the storm\n\nBy John Roe\n\nNovember 18, 2019\n\nPupils went back to school on Monday after a week of closures caused by the storm that hit the coast, the education office said.\n\nNew bus line to the airport\n\nBy Ann Smith\n\nNovember 17, 2019\n\nA new bus line will link the town centre with the airport from next spring, with a bus every twenty minutes during the day.",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let teaser = x.decisions.iter().find(|d| d.text.starts_with("Pupils went")).unwrap();
        assert_eq!(teaser.label, Label::Boilerplate);
        assert!(teaser.reason.contains("teaser"), "{}", teaser.reason);
    }

    #[test]
    fn a_byline_over_a_long_article_is_its_own_not_a_teaser_lists() {
        // a standfirst and the lead above the byline, the article under it, then teasers with
        // bylines of their own: the article's byline is not where the teaser list starts
        let lead = "Ministers met on Monday to discuss the budget for the coming year, and the talks went on late into the night without a deal on the main points of contention. Both sides said they would meet again on Wednesday, after the unions and the employers have been heard by the committee in charge of public spending and by the central bank's governor.";
        let dump = format!(
            "Budget talks drag on into the night\n\n{}\n\n{lead}\n\nJane Doe, London 19.10.2019, 23:38\n\n{}\n\n{}\n\n{}\n\nSchools reopen after the storm\n\nJohn Roe, Leeds 18.10.2019, 19:33\n\nPupils went back to school on Monday after a week of closures caused by the storm.\n\nNew bus line to the airport\n\nAnn Smith, York 17.10.2019, 06:00\n\nA new bus line will link the town centre with the airport from next spring.",
            MORE[0], EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        let kept = body(&x);
        for p in EN {
            assert!(kept.contains(&p), "{p:?} not in the body: {:#?}", x.decisions);
        }
        let teaser = x.decisions.iter().find(|d| d.text.starts_with("Pupils went")).unwrap();
        assert_eq!(teaser.label, Label::Boilerplate, "{:#?}", x.decisions);
    }

    #[test]
    fn a_few_wrapped_paragraphs_among_short_lines_are_joined() {
        // a page at 120 columns whose menus and teasers (each followed by its picture's label)
        // outnumber the article's few wrapped lines: the page's width is not told, the width
        // its running text is wrapped at is
        let menu: String = (0..30).map(|k| format!("  • Section number {k}\n")).collect();
        let teasers: String = (0..20).map(|k| format!("Teaser headline number {k} about another story of the day Top\n[pic{k:04}]\n")).collect();
        let paras = [
            "Two adults also died when the fire spread through the stairwell of the building, the civil protection agency said on Saturday.",
            "The two-storey house north-east of the capital had caught fire for reasons that were not yet known, the agency said in the evening.",
            "The attic burned out completely, and the children were between one and a half and four years old, according to the news agency.",
            "Firefighters were able to rescue several people from the burning house, and investigators are looking into a faulty appliance as the cause.",
        ];
        let dump = format!("{menu}\nFire kills seven in a house\n\n{}{teasers}", wrapped_paragraphs(&paras, 120, ""));
        assert!(paras.iter().all(|p| indented_wrap(p, 120, "").lines().count() == 2));
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(x.wrap_width, None, "the test needs a page whose width is not told");
        assert_eq!(body(&x), paras.to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn comments_after_the_article_are_not_body() {
        let dump = format!(
            "Council closes the old bridge for two years\n\n{}\n\n{}\n\n{}\n\n12 comments\n\nmike_r\n\nThis is a disgrace, the council knew about the cracks for years and did nothing about them until it was far too late for everyone.\n\nanna\n\nI cross that bridge every day on my way to work and I had no idea it was in such a bad state, thank you for reporting this.",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let comment = x.decisions.iter().find(|d| d.text.starts_with("This is a disgrace")).unwrap();
        assert!(comment.reason.contains("12 comments"), "{}", comment.reason);
    }

    #[test]
    fn captions_notices_glued_teasers_and_repeats_are_dropped() {
        let caption = "The old bridge over the river, left, seen from the north bank on Monday. (AP Photo/Jane Doe)";
        let cookie = "This website uses cookies to improve your experience while you navigate through the website. You can opt out at any time in the settings.";
        let glued = "Schools Reopen After The Storm Hits The CoastPupils went back to school on Monday after a week of closures caused by the storm.";
        let dump = format!("{}\n\n{caption}\n\n{}\n\n{}\n\n{}\n\n{glued}\n\n{cookie}", EN[0], EN[1], EN[2], EN[0]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let why = |start: &str| x.decisions.iter().find(|d| d.text.starts_with(start)).unwrap().reason.clone();
        assert!(why("The old bridge").contains("caption"));
        assert!(why("This website").contains("notice"));
        assert!(why("Schools Reopen").contains("glued"));
        let repeat = x.decisions.iter().filter(|d| d.text == EN[0]).nth(1).unwrap();
        assert!(repeat.reason.contains("repeats text"), "{}", repeat.reason);
    }

    #[test]
    fn function_words_tell_fragments_from_menu_labels() {
        let block = |t: &str| {
            let lines = [t];
            let mut b = blocks(&lines, &lines, &line_widths(&lines), &[false], None).remove(0);
            b.score = 0.0;
            b
        };
        // short in-body lines in several languages
        for t in ["What the council decided", "Ce que le conseil a décidé", "Was der Rat beschlossen hat", "Lo que decidió el consejo"] {
            assert!(block(t).is_fragment(), "{t}");
        }
        // menu labels
        for t in ["World Politics Business", "Nachrichten Sport Kultur", "Accueil International"] {
            let b = block(t);
            assert!(!b.is_fragment() && b.is_label(), "{t}");
        }
        assert!(score(&block("What the council decided"), 10.0) > score(&block("World Politics Business"), 10.0));
    }

    #[test]
    fn author_box_and_tag_cloud_after_the_article_are_dropped() {
        let bio = "Jane Doe is a reporter covering city hall and transport for the Herald. She joined the paper in 2015 after ten years at the Coast Times.";
        let tags = "bridge council river transport city hall engineers roads traffic commute north bank repairs safety mayor budget inspection piers closure ring road";
        let dump = format!("Council closes the old bridge for two years\n\nBy Jane Doe\n\n{}\n\n{}\n\n{}\n\n{bio}\n\n{tags}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let why = |start: &str| x.decisions.iter().find(|d| d.text.starts_with(start)).unwrap().reason.clone();
        assert!(why("Jane Doe is").contains("author box"), "{}", why("Jane Doe is"));
        assert!(why("bridge council").contains("tag cloud"), "{}", why("bridge council"));
    }

    #[test]
    fn a_box_about_a_person_after_the_article_is_not_body() {
        // no byline names the author: the heading "About <Name>" is what opens the box
        let bio = "Brigit Katz is a freelance writer based in Toronto. Her work has appeared in a number of publications, including several magazines and newspapers of the region, and she has written about science, history and the arts for more than ten years, most of them from her small office near the lake.";
        let dump = format!("Council closes the old bridge for two years\n\n{}\n\n{}\n\n{}\n\nPrevious Article\n\nAbout Brigit Katz\n\n{bio}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text.starts_with("Brigit Katz is")).unwrap();
        assert_eq!(d.label, Label::Boilerplate);
        assert!(d.reason.contains("About Brigit Katz"), "{}", d.reason);
    }

    #[test]
    fn a_schedule_and_a_table_after_the_text_stay_with_the_article() {
        let dates = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ Credit Union Amphitheatre", "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre", "June 17 – Nashville, TN @ Bridgestone Arena", "June 19 – Charlotte, NC @ Music Pavilion"];
        let dump = format!("Home\n\nBand announces a tour\n\n{}\n\n{}\n\nThe tour dates\n\n{}\n\nPrivacy Policy\nContact", EN[0], EN[1], dates.join("\n"));
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(dates.iter().all(|d| got.contains(d)), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == dates[2]).unwrap();
        assert!(d.reason.contains("table or schedule"), "{}", d.reason);
        // a table rendered with tab-separated cells, one blank line between rows
        let rows = ["Pos.\tDriver\tPoints\tWins", "1\tKyle Busch\t5040\t5", "2\tMartin Truex Jr.\t5035\t7", "3\tKevin Harvick\t5033\t4", "4\tDenny Hamlin\t5027\t6"];
        let dump = format!("Standings\n\n{}\n\nThe final standings after the last race of the season:\n\n{}\n\nAbout us\nContact", EN[0], rows.join("\n\n"));
        let x = extract_text_dump(&dump, &Options::default());
        assert!(body(&x).contains(&"2 Martin Truex Jr. 5035 7"), "{:#?}", x.decisions);
        // menu entries with numbers but no running text before them are not a table
        let dump = format!("Season 2019 | Results\nSeason 2018 | Results\nSeason 2017 | Results\nSeason 2016 | Results\n\nStandings\n\n{}\n\n{}", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..2].to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn a_press_release_company_box_after_a_gap_is_not_body() {
        let about = "Northbank Bridges is a global engineering group focused on the design and repair of bridges, with offices in twelve countries and around 1,300 employees worldwide.";
        let dump = format!("Council hires a firm to repair the old bridge\n\nMay 3, 2019\n\n{}\n\n{}\n\n{}\n\n\n\n{about}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == about).unwrap();
        assert!(d.reason.contains("presentation of the company"), "{}", d.reason);
        // the same sentence inside the flow of the text (one blank line) stays
        let dump = format!("Council hires a firm to repair the old bridge\n\nMay 3, 2019\n\n{}\n\n{}\n\n{about}\n\n{}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert!(body(&x).contains(&about), "{:#?}", x.decisions);
    }

    #[test]
    fn attributions_under_quotes_stay_with_the_article() {
        let quotes = [
            "“The show was really great, and the music and the costumes were a joy to watch.”",
            "“Very talented people on the stage, and the story was easy to follow for the children.”",
            "“A gorgeous play with an interesting way of telling the story, we will come again.”",
            "“The dancers were wonderful and the whole family loved every minute of the show.”",
        ];
        let mut dump = format!("Home\n\nWhat the visitors said\n\n{}\n\n", EN[0]);
        for (q, who) in quotes.iter().zip(["– Man**", "– Ali***", "– Ni** My**", "– Jo**"]) {
            dump.push_str(&format!("{q}\n\n{who}\n\n"));
        }
        dump.push_str(EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(got.contains(&EN[1]) && got.contains(&"Ali***") && got.contains(&quotes[3]), "{:#?}", x.decisions);
    }

    #[test]
    fn legal_text_around_the_copyright_line_is_the_footer_not_the_article() {
        let legal = [
            "The information provided on this website, including the blogs, the community pages and all other materials, is for educational and informational purposes only and is not a substitute for advice from a professional.",
            "Results vary depending on the starting point, the goals and the effort of each person, and exercise and a proper diet are necessary to achieve and maintain weight loss and muscle definition over time.",
            "Consult your physician and follow all the safety instructions before beginning any exercise program or using any supplement or meal replacement product, especially if you have any unique medical conditions or needs.",
        ];
        let dump = format!(
            "Meal prep for a busy week\n\nNovember 12, 2018\n\n{}\n\nPre-Workout Meal\n\nRelated Articles\nNutrition\nFacebook\nPinterest\nInstagram\nJoin our newsletter\nWorkouts\nRecipes\n\n{}\n\n{}\n\n© 2019 Fitness Company, LLC. All rights reserved.\n\n{}\n\nApple, the Apple logo, Apple TV and the App Store are trademarks of Apple Inc., registered in the U.S. and other countries, and Android is a trademark of Google LLC, used here with permission.",
            EN[0], legal[0], legal[1], legal[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x)[..1], EN[..1], "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == legal[0]).unwrap();
        assert!(d.reason.contains("footer"), "{}", d.reason);
    }

    #[test]
    fn a_settings_panel_past_the_copyright_line_is_an_overlay_not_the_article() {
        // a consent panel the page shows over itself comes after its footer: long, without a
        // headline of its own, and heavier than a short news item
        let panel = [
            "Strictly necessary storage keeps the basic functions of the site working, such as remembering the items you put in the basket and the choices you made on the previous pages of your visit.",
            "Preference storage remembers the language and the region you picked and the size of the text you chose, so that the site looks the same the next time you come back to read it.",
            "Statistics storage counts the visits and the pages that were read, anonymously, so that the people who run the site know which sections are read most and which ones need more work.",
            "Marketing storage follows your visits across several sites in order to show you offers that match what you looked at before, and it is only switched on when you agree to it here.",
        ];
        let dump = format!(
            "Home\nNews\nSport\n\nDog chases burglar out of a family home\n\nBy Jane Doe, November 1, 2023\n\n{}\n\nNews\nWeather\nContact\n\n© 2023 Town Press. All rights reserved.\n\nManage your privacy\n\n{}\n\nAccept\nDeny\nSave",
            EN[0],
            panel.join("\n\n")
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..1].to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == panel[0]).unwrap();
        assert!(d.reason.contains("past the page's footer"), "{}", d.reason);
    }

    #[test]
    fn sentences_cut_at_every_element_are_joined_again() {
        // a DOM's text nodes one per line (`get_text("\n")`): links and emphasis cut sentences
        let dump = "Home\nWorld\nSport\n\
Council votes to reopen the old library\n\
By Jane Doe\n\
The town council voted on Tuesday to reopen\n\
the old library\n\
on Market Street, which closed in 2015 after\n\
a fire damaged its roof and most of its reading rooms, and the council has been looking for the money to repair it ever since then.\n\
According to\n\
a report by the city's planning office\n\
, the repairs will cost about two million pounds and take eighteen months to finish.\n\
The mayor said\n\
the building would also house a small museum of local history and a cafe for visitors.\n\
Residents who campaigned for the reopening\n\
welcomed the vote and promised to help raise money for the books and the furniture.\n\
The first volunteers\n\
signed up on the same evening, and the local school offered to lend tables and chairs.\n\
The old\n\
Harbour Museum\n\
next door lent the council its hall for the meetings while the work goes on.\n\
Privacy\nTerms\nContact\n";
        let x = extract_text_dump(dump, &Options::default());
        assert_eq!(
            body(&x),
            vec![
                "The town council voted on Tuesday to reopen the old library on Market Street, which closed in 2015 after a fire damaged its roof and most of its reading rooms, and the council has been looking for the money to repair it ever since then.",
                "According to a report by the city's planning office, the repairs will cost about two million pounds and take eighteen months to finish.",
                "The mayor said the building would also house a small museum of local history and a cafe for visitors.",
                "Residents who campaigned for the reopening welcomed the vote and promised to help raise money for the books and the furniture.",
                "The first volunteers signed up on the same evening, and the local school offered to lend tables and chairs.",
                "The old Harbour Museum next door lent the council its hall for the meetings while the work goes on.",
            ],
            "{:#?}",
            x.decisions
        );
        // a page with lists of lowercase items is not one cut at every element
        let items = ["fresh fish of any kind (sea or river)", "poultry of any kind (game included)", "eggs of any kind (hen or quail)", "hard cheese of any kind (within limits)", "vegetables of every kind (raw or cooked)", "fresh mushrooms of any kind (wild or farmed)"];
        let dump = format!("The foods the diet allows\n\nBy Jane Doe\n\n{}\n\nWhat you may eat at any time:\n{}\n\n{}", EN[0], items.join("\n"), EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(items.iter().all(|i| got.contains(i)), "{got:#?}");
    }

    #[test]
    fn a_page_flattened_into_one_line_is_read_element_by_element() {
        // a DOM's text taken with nothing between its elements, from a page whose HTML has no
        // line breaks: the menu's entries and the article's paragraphs run into one another
        let dump = format!(
            "Home PageWorld NewsLocal SportWeather TodayContact UsCouncil votes to reopen the old libraryBy Jane Doe{}{}{}Privacy PolicyTerms of UseCookie SettingsAbout Us",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..3].to_vec(), "{:#?}", x.decisions);
        assert!(x.decisions.iter().any(|d| d.text == "Contact Us" && d.label == Label::Boilerplate), "{:#?}", x.decisions);
    }

    #[test]
    fn script_and_style_text_is_code_not_prose() {
        let script = "var settings = {}; settings.region = 'eu'; settings.consent = window.localStorage.getItem('consent') || ''; if (settings.consent) { loadAds(settings); }";
        let dump = format!("Council votes to reopen the old library\n\nBy Jane Doe\n\n{}\n\n{script}\n\n{}", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..2].to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == script).unwrap();
        assert!(d.reason.starts_with("script or style code"), "{}", d.reason);
        // a sentence with a semicolon or two, and a heading underlined with `=`, are prose
        let prose = "The library opened in 1902; it closed in 2015; it will open again next spring, when the repairs are done.";
        let dump = format!("Council votes to reopen the old library\n=======================================\n\nBy Jane Doe\n\n{}\n\n{prose}\n\n{}", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), vec![EN[0], prose, EN[1]], "{:#?}", x.decisions);
    }

    #[test]
    fn a_post_made_mostly_of_hashtags_is_a_feed_not_prose() {
        let post = "Sunny morning at the market with my new linen dress and straw bag, who else loves summer? #summerstyle #linen #ootd #fashionover50 #marketday #strawbag";
        let dump = format!("Five dresses for a hot summer\n\nBy Jane Doe\n\n{}\n\n{post}\n\n{}", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..2].to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == post).unwrap();
        assert!(d.reason.contains("6 of its"), "{}", d.reason);
        // a paragraph that names a hashtag or two is prose
        let prose = "The campaign spread quickly under the hashtags #SaveTheLibrary and #ReadLocal, and within a week the council had received more than two thousand letters from readers of every age.";
        let dump = format!("Five dresses for a hot summer\n\nBy Jane Doe\n\n{}\n\n{prose}\n\n{}", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), vec![EN[0], prose, EN[1]], "{:#?}", x.decisions);
    }

    #[test]
    fn a_long_comment_thread_after_its_header_does_not_outweigh_the_article() {
        let mut dump = format!("Coach says the team can still make the playoffs\n\nPosted by Jane Doe on November 19, 2019, 6:21 AM EST\n\n{}\n\n{}\n\nShare this:\n\n12 responses to “Coach says the team can still make the playoffs”\n\n", EN[0], EN[1]);
        for k in 0..12 {
            dump.push_str(&format!("fan{k} says:\nNovember 19, 2019 at {}:{:02} am\n\nThe coach has said the same thing every single week of this season, and every week the team finds a new way to lose a game it should have won easily at home.\n\n", 6 + k / 6, 10 + k * 3));
        }
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..2].to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn a_list_under_a_subheading_after_the_last_paragraph_is_the_articles() {
        let teams = ["England (Group A): 10th appearance", "Czech Republic (Group A): Seventh appearance", "Ukraine (Group B): Third appearance", "Spain (Group F): 11th appearance", "Sweden (Group F): Seventh appearance"];
        let dump = format!("Euro 2020: every team that has qualified\n\nBy Jane Doe\n\n{}\n\n{}\n\nQualified teams\n\n{}\n\nNews\nSport\nWeather", EN[0], EN[1], teams.join("\n"));
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(teams.iter().all(|t| got.contains(t)) && got.contains(&"Qualified teams"), "{:#?}", x.decisions);
        assert!(!got.contains(&"Sport"), "{got:#?}");
        // a menu of bare labels under a heading is not the article's
        let dump = format!("Euro 2020: every team that has qualified\n\nBy Jane Doe\n\n{}\n\n{}\n\nSections\n\nWorld News\nBusiness\nTechnology\nScience\nHealth", EN[0], EN[1]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN[..2].to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn snippets_cut_short_with_an_ellipsis_are_a_teaser_list() {
        let teasers = [
            "Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has pleaded guilty to theft and embezzlement of bank funds in connection with a...",
            "Home Minister says the government will restore the Internet connection in the region as soon as the local administration feels it is...",
            "All schools and colleges in the region are open again and there is 98 per cent attendance in these institutions, the government told Parliament on Wednesday. It...",
        ];
        let dump = format!("{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{}", teasers[0], teasers[1], teasers[2], EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == teasers[1]).unwrap();
        assert!(d.reason.contains("ellipsis"), "{}", d.reason);
    }

    #[test]
    fn image_placeholders_between_short_steps_do_not_end_the_article() {
        let steps = ["Open the start menu and find the program.", "Right-click it and open its folder.", "Open the properties of the shortcut.", "Clear the shortcut key field and apply.", "Restart the computer to finish."];
        let mut dump = format!("How to change the shortcut key\n\n2018-08-16\n\n{}\n\n{}\n\n", EN[0], EN[1]);
        for (k, st) in steps.iter().enumerate() {
            dump.push_str(&format!("[20180816_100{k}]\n\n{st}\n\n"));
        }
        dump.push_str(EN[2]);
        dump.push_str("\n\nTags: software\n");
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert!(got.contains(&EN[2]) && got.contains(&steps[4]), "{:#?}", x.decisions);
        assert!(!got.iter().any(|p| p.starts_with('[')), "{got:#?}");
        // a placeholder costs less than a caption, which costs less than page chrome
        let mut bs = {
            let lines = ["[20180816_1001]", "", "The bridge at night (Photo: Jane Doe/AFP)", "", "Share on Facebook"];
            blocks(&lines, &lines, &line_widths(&lines), &[false; 5], None)
        };
        for b in &mut bs {
            let lower = b.text.to_lowercase();
            b.chrome = rules::caption_rule(&b.text, &lower, b.words).or_else(|| rules::chrome_rule(&b.text, b.words));
            b.furniture = b.chrome.as_deref().is_some_and(|r| r.starts_with("photo caption"));
        }
        let sc: Vec<f64> = bs.iter().map(|b| score(b, 10.0)).collect();
        assert!(sc[0] > sc[1] && sc[1] > sc[2], "{sc:?}");
    }

    #[test]
    fn a_question_the_interview_repeats_is_kept_a_menu_shown_twice_is_not() {
        let q = "What made you start your cooking page?";
        let answers = [EN[0], EN[1], EN[2]];
        let mut dump = String::from("Recipes\nHealth\n\nThree cooks tell their story\n\nBy Jane Doe\n\nWe asked three of the cooks whose pages our readers follow the most the same questions about their work, their kitchens and the recipes they cook at home.\n\n");
        for a in answers {
            dump.push_str(&format!("{q}\n\n{a}\n\n"));
        }
        dump.push_str("Recipes\nHealth\n");
        let x = extract_text_dump(&dump, &Options::default());
        let got = body(&x);
        assert_eq!(got.iter().filter(|p| **p == q).count(), 3, "{:#?}", x.decisions);
        assert!(!got.contains(&"Recipes"), "{got:#?}");
    }

    #[test]
    fn an_image_title_glued_to_itself_is_a_caption_not_a_teaser() {
        let cap = "Mountain Hike Survival Kit with Bottled Water #Hiking #shopMountain Hike Survival Kit with Bottled Water #Hiking #shop";
        let dump = format!("A hike in the mountains\n\nBy Jane Doe\n\n{}\n\n{cap}\n\n{}\n\n{cap}\n\n{}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == cap).unwrap();
        assert!(d.reason.starts_with("photo caption"), "{}", d.reason);
    }

    #[test]
    fn a_blog_posts_meta_line_is_its_head_and_the_title_is_above_it() {
        let dump = format!(
            "Blog - Latest News\n\nMore reviews from our visitors!\n\nOctober 12, 2018/0 Comments/in Promotion /by admin\n\n{}\n\nWe have brought some of these memorable reviews here, check them out below\n\n{}\n\n{}",
            EN[2], EN[0], EN[1]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(x.title.as_deref(), Some("More reviews from our visitors!"), "{:#?}", x.decisions);
        assert_eq!(body(&x)[0], EN[2]);
        let d = x.decisions.iter().find(|d| d.text.starts_with("October 12")).unwrap();
        assert_ne!(d.label, Label::Body, "{}", d.reason);
        assert!(rules::post_meta_line("Posted on May 3, 2019 by Jane Doe | 4 comments"));
        assert!(!rules::post_meta_line("The storm hit the coast on May 3, 2019."));
    }

    #[test]
    fn a_more_box_inside_the_article_does_not_split_it() {
        let dump = format!(
            "Helicopter crash kills two\n\n20 Nov 2019 08:00 GMT\n\n{}\n\nMore:\n\n  • Afghan woman politician sees talks as only hope\n\n  • Young people must be heard, says the envoy\n\n  • China invites officials for two-day talks\n\n{}\n\n{}",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text.contains("China invites")).unwrap();
        assert!(d.reason.contains("teaser listed under"), "{}", d.reason);
        // the same under a "Related articles" heading
        let dump = format!(
            "Helicopter crash kills two\n\n20 Nov 2019 08:00 GMT\n\n{}\n\nRelated articles\n    • Plague outbreak: China hit by a contagious plague\n    • Horror as plague of killer mosquitos heads to Britain\n\n{}\n\n{}",
            EN[0], EN[1], EN[2]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        assert!(rules::related_heading("Related articles") && rules::related_heading("Lire aussi :") && !rules::related_heading("Related issues in the council"));
        // "you may also like" in more languages: a related heading and a chrome line
        for h in ["Você pode gostar...", "Você também pode gostar:", "Vous aimerez aussi", "También te puede interesar", "Ti potrebbe interessare", "Das könnte Sie auch interessieren"] {
            assert!(rules::related_heading(h), "{h}");
            assert!(rules::block_rule(h, &lowercase(h), h.split_whitespace().count()).is_some(), "{h}");
        }
        assert!(!rules::related_heading("Você pode gostar de saber que o governo mudou a lei"));
        // "More from <section>" heads a box too (not a sentence that starts so)
        for h in ["More from UK", "More from Sky Sports", "More stories"] {
            assert!(rules::related_heading(h), "{h}");
        }
        assert!(!rules::related_heading("More from the minister came later that day"));
    }

    #[test]
    fn headlines_under_kickers_in_capitals_are_a_teaser_box() {
        let dump = format!(
            "Plague case in the capital\n\nBy Jane Doe\n\n{}\n\n{}\n\nMost read in world news\n\nRANDY ANDY\nPrince parties in unearthed pictures despite his claims\nTIME TRAVELLER\nConspiracy theorists say they spotted her in an old picture\n'NAIVE AND TRUSTING'\nThe victim gave the man a list on the dating site\n\n{}\n\n{}",
            EN[0], EN[1], EN[2], MORE[0]
        );
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), vec![EN[0], EN[1], EN[2], MORE[0]], "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text == "TIME TRAVELLER").unwrap();
        assert!(d.reason.contains("kickers in capitals"), "{}", d.reason);
        // subheadings in capitals over lists of several items are the article's structure
        let dump = "NOT SCARY\nWriting a blog post\nWriting a piece of email marketing\nSpeaking to someone on the phone\nKIND OF SCARY\nPublishing the blog post\nSending the email\nSpeaking on a video call\nVERY SCARY\nGiving a talk\nMeeting the team\nAsking for a raise\n";
        let lines: Vec<&str> = dump.lines().collect();
        let mut bs = blocks(&lines, &lines, &line_widths(&lines), &vec![false; lines.len()], None);
        mark_kicker_runs(&mut bs, 10.0);
        assert!(bs.iter().all(|b| b.chrome.is_none()), "{bs:#?}");
    }

    #[test]
    fn a_caption_shown_again_without_its_credit_is_a_caption() {
        let cap = "A man rides on a donkey in the village opposite the settlement on November 19, 2019, as leaders pledged new measures.";
        let dump = format!("Settlements row\n\nPublished November 20th, 2019\n\n{}\n\n{cap} Jaafar ASHTIYEH / AFP\n\n{cap}\n\n{}\n\n{}", EN[0], EN[1], EN[2]);
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn captions_between_paragraphs_do_not_split_the_article() {
        // w3m style: a caption and an image placeholder between every two paragraphs
        let mut dump = String::from("Council closes the old bridge for two years\n\n");
        for (i, p) in EN.iter().enumerate() {
            dump.push_str(&wrap(p, 80, ""));
            dump.push_str(&format!("\n\n[bridge_{i}]\n\nThe bridge seen from the north bank (Image: GETTY)\n\n"));
        }
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
    }

    #[test]
    fn teaser_lists_of_headlines_and_snippets() {
        let teasers = [
            ("Schools reopen after the storm", "Pupils went back to school on Monday after a week of closures caused by the storm that hit the coast last week."),
            ("New bus line to the airport", "A new bus line will link the town centre with the airport from next spring, with a bus every twenty minutes."),
            ("Deal alert: bikes up to 30% off...", "The town's bike shop is selling last year's models at a discount until the end of the month, the owner said."),
            ("Library extends its opening hours", "The central library will stay open until nine in the evening on weekdays from January, the council announced."),
        ];
        let mut dump = String::from("Council closes the old bridge for two years\n\n");
        for p in EN {
            dump.push_str(p);
            dump.push_str("\n\n");
        }
        for (h, s) in teasers {
            dump.push_str(&format!("{h}\n\n{s}\n\n"));
        }
        let x = extract_text_dump(&dump, &Options::default());
        assert_eq!(body(&x), EN.to_vec(), "{:#?}", x.decisions);
        let d = x.decisions.iter().find(|d| d.text.starts_with("Pupils went")).unwrap();
        assert!(d.reason.contains("teaser list (4 headline and snippet pairs"), "{}", d.reason);
    }

    #[test]
    fn favor_moves_the_threshold() {
        // a short paragraph between two long ones: kept for recall, dropped for precision
        let dump = format!("{}\n\nThe bridge stays open until Friday, officials said.\n\n{}", EN[0], EN[1]);
        let recall = extract_text_dump(&dump, &Options { favor: Favor::Recall, ..Options::default() });
        let precision = extract_text_dump(&dump, &Options { favor: Favor::Precision, ..Options::default() });
        assert!(recall.paragraphs.len() >= precision.paragraphs.len());
        assert!(body(&recall).contains(&"The bridge stays open until Friday, officials said."));
    }

    #[test]
    fn empty_dump() {
        let x = extract_text_dump("", &Options::default());
        assert!(x.paragraphs.is_empty() && x.title.is_none() && x.decisions.is_empty());
    }
}

#[cfg(test)]
mod enum_tests {
    use super::*;

    #[test]
    fn numbered_list_items_stay_with_the_article() {
        let mut t = String::from("Home\n\nNews\n\nSport\n\n");
        t += "Black Friday is coming again this year, and shops everywhere are getting ready for it with discounts on everything they sell.\n\n";
        t += "Here is our selection of the offers that nostalgic readers should not miss, from toys to films and records:\n\n";
        for (i, item) in ["Lego Star Wars Resistance Bomber", "Electric racing track", "Blade Runner Final Cut", "Ghostbusters Collection 1-2", "Taboo board game"].iter().enumerate() {
            // a link under each item, or a w3m-style image placeholder
            if i % 2 == 0 {
                t += &format!("{}) {item}\nhttp://amzn.to/x{i}\n\n", i + 1);
            } else {
                t += &format!("{}) {item}\n[{i}-300x300]\n\n", i + 1);
            }
        }
        t += "Contact\n\nPrivacy\n";
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        // the author's numbers stay in the items' text
        assert!(body.contains(&"1) Lego Star Wars Resistance Bomber"), "{body:?}");
        assert!(body.contains(&"5) Taboo board game"), "{body:?}");
        let item = x.paragraphs.iter().find(|p| p.text.starts_with("5)")).unwrap();
        assert_eq!(item.kind, ParagraphKind::ListItem);
        assert!(!body.iter().any(|p| *p == "Contact" || *p == "Sport"), "{body:?}");
        // menus numbered out of order are not lists
        assert_eq!(item_number("3) Lego"), Some(3));
        assert_eq!(item_number("3.5 million"), None);
        assert_eq!(item_number("2019. Year"), None);
    }
}

#[cfg(test)]
mod enum_box_tests {
    use super::*;

    #[test]
    fn a_numbered_most_read_box_is_not_a_list_of_the_article() {
        let mut t = String::from("Sign up for Newsletters and Alerts\n\nMost Popular\n\n");
        for (i, h) in ["Police chief sought state funding for gunshot system", "The county fair will be free to attend next summer", "Man dies after crashing into power pole", "Skimming device found at gas station"].iter().enumerate() {
            t += &format!("  {}. {h}\n", i + 1);
        }
        t += "\nBUFFALO, N.Y. — Hours before his two-goal performance on Tuesday, the coach said the veteran winger was finally playing the way he wanted to play.\n\n";
        t += "“It takes a little longer now, but he is playing well now, he is getting a little bit of confidence back,” the coach said after the morning skate.\n";
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[0].starts_with("BUFFALO"), "{body:?}");
    }
}

#[cfg(test)]
mod head_tests {
    use super::*;

    fn body(t: &str) -> Vec<String> {
        extract_text_dump(t, &Options::default()).paragraphs.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn a_comment_thread_does_not_outweigh_the_post_under_the_headline() {
        let mut t = String::from("Home\n\nBlog\n\nSeptember open thread\n\nPrevious Post\n\nSeptember 10, 2018 | by Catherine\n\n");
        t += "Our goal with hosting quarterly open threads is to give blog readers an opportunity to publicly raise comments or questions about our work.\n\n";
        t += "Posted in Open thread | Permalink | 10 Comments\n\nComments\n\n";
        for (who, what) in [("Milan", "the follow-up paper on cash transfers"), ("Alex", "the report on road safety"), ("Sam", "the deworming estimates"), ("Kim", "the malaria nets model")] {
            t += &format!("{who} on September 12, 2018 at 4:47 pm said:\n\n");
            t += &format!("I read {what} this week, and did not see any analysis of the negative effects that the change would have for the people who live with it every day, which seems like an important consideration when you weigh the benefits against the costs of {what}.\n\n");
        }
        let b = body(&t);
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].starts_with("Our goal"), "{b:?}");
    }

    #[test]
    fn a_short_article_under_its_head_beats_a_bigger_box_elsewhere() {
        let mut t = String::from("News\n\nOpinion\n\nSon of former president stabbed to death in Berlin\n\nBy POST STAFF\n\nNOVEMBER 20, 2019 10:43\n\nEmail Twitter Facebook\n\n");
        t += "The son of the former German president was stabbed to death, while another man was critically injured in an attempt to stop the assailant.\n\n";
        t += "The stabbing occurred during a presentation he led at the clinic in Berlin, where he worked as a chief physician. Police arrested a suspect.\n\n";
        t += "Contact us\n\nAbout us\n\n";
        t += "The Customer Service Center can be contacted with any questions or requests you might have regarding your subscription, delivery, billing, your account, or the newsletters and alerts that you receive from us by email every day, and our team will do its best to answer within one working day of receiving your message, on weekdays only.\n\nTerms\n";
        let b = body(&t);
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b[0].starts_with("The son"), "{b:?}");
    }
}

#[cfg(test)]
mod headline_list_tests {
    use super::*;

    #[test]
    fn headlines_without_full_stops_after_the_article_earn_nothing() {
        let mut t = String::from("Health authorities in Inner Mongolia have confirmed a third case of the plague, after two people were diagnosed with the pneumonic form of the disease last week in Beijing.\n\n");
        t += "The other two patients caught pneumonic plague, which differs from the bubonic form in that it affects the lungs and can spread between people.\n\n";
        t += "Most read in Science\n";
        for h in [
            "UK weather forecast: Terrifying map shows collapsed polar vortex freezing the country in December",
            "Flights: Passengers can fly for up to 80 percent less by travelling on this day",
            "Royal wedding 2020: Will the princess be allowed to wear a royal tiara at her wedding",
            "Meteor shower 2019: A few hundred meteors are about to burst out in a dazzling rare display",
        ] {
            t += h;
            t += "\n";
        }
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        assert_eq!(body.len(), 2, "{body:?}");
        // a sentence cut by the renderer (the next line goes on in lowercase) is not a headline
        let cut = "The Santa Fe Animal Shelter announced this week that the black cat was\nrecently found wandering the streets of the capital, after five years away from home.\n";
        let lines = cut.lines().collect::<Vec<_>>();
        let blocks = blocks(&lines, &lines, &line_widths(&lines), &[false, false], None);
        assert!(blocks[0].run_on && score(&blocks[0], 10.0) > 0.0);
    }
}

#[cfg(test)]
mod headed_piece_tests {
    use super::*;

    #[test]
    fn the_piece_under_a_byline_wins_over_a_headless_ticker() {
        let mut t = String::from("CONTACT US\n\nBreaking News\n\n");
        // a news ticker flattened into one long line
        for i in 0..8 {
            t += &format!("Officials in region {i} expressed concern over the new registry and said residents may soon be affected by it. ");
        }
        t += "\n\nWith shattered dreams, deportees return home\n\nNovember 20, 2019\n\nby Post News Weekly\n\n0 Comments\n\n";
        t += "NEW DELHI: Their dream shattered and huge savings wasted, nearly 150 people returned home on a special flight on Wednesday morning.\n\n";
        t += "“This was the fourth time I have been deported,” said one of them, who had spent his family's savings on the journey across three continents.\n\n";
        t += "He said he had spent a fortune on the four attempts, and that he would not try again after what he had seen at the border this year.\n\n";
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        assert_eq!(body.len(), 3, "{body:?}");
        assert!(body[0].starts_with("NEW DELHI"), "{body:?}");
    }
}

#[cfg(test)]
mod lead_list_tests {
    use super::*;

    #[test]
    fn a_list_of_stories_above_the_dateline_is_not_the_article() {
        let mut t = String::from("Breaking News\n\n");
        for (i, s) in ["Regulators express concern over the registry", "Man pleads guilty to fraud scheme", "Council regrets the new position on settlements", "Schools and colleges open again"].iter().enumerate() {
            t += &format!("  • {s} CITY: Officials said on Tuesday that the matter number {i} would be examined by a committee in the coming weeks, according to a statement.\n");
        }
        t += "\nNovember 20, 2019\n\n";
        t += "NEW DELHI: Their dream shattered and huge savings wasted, nearly 150 people returned home on a special flight on Wednesday morning.\n\n";
        t += "“This was the fourth time I have been deported,” said one of them, who had spent his family's savings on the journey across three continents.\n";
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[0].starts_with("NEW DELHI"), "{body:?}");
    }
}

#[cfg(test)]
mod doubled_tests {
    use super::*;

    #[test]
    fn captions_shown_twice_are_not_body() {
        assert!(doubled("He died in my hands: 3 demonstrators killedHe died in my hands: 3 demonstrators killed"));
        assert!(doubled("Photo of the new bridge over the river Photo of the new bridge over the river"));
        assert!(!doubled("The council voted on Tuesday to close the bridge for two years."));
        let cap = "A guest holds her phone showing a picture taken during the press conference unveiling the new operating system in Dongguan. (Photo by a staff photographer)";
        let t = format!(
            "The company unveiled its own operating system on Friday, as it faces the threat of losing access to the systems it uses today amid escalating trade tensions.\n\n{cap}\n\n{cap}\n\nThe new system will first be used in smart screens later this year, the company said, before coming to its watches and other devices next year.\n"
        );
        let x = extract_text_dump(&t, &Options::default());
        let body = body(&x);
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[1].starts_with("The new system"), "{body:?}");
    }
}

#[cfg(test)]
mod colon_list_tests {
    use super::*;

    #[test]
    fn a_list_announced_by_a_colon_stays_with_the_article() {
        let mut t = String::from("Home\n\nMusic\n\n");
        t += "To celebrate fifty years since the band was formed, the founding members will tour North America next summer, the first time the four of them play together since 1975.\n\n";
        t += "Tickets go on sale on Friday, and the band said that it would play its hits as well as songs from a new album that it has recorded this year.\n\n";
        t += "The 2020 tour dates:\n";
        for d in ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Credit Union Amphitheatre, Tampa, FL", "June 17 -- Bridgestone Arena, Nashville, TN", "June 19 -- Music Pavilion, Charlotte, NC", "June 24 -- Jiffy Lube Live, Bristow, VA"] {
            t += d;
            t += "\n";
        }
        t += "\nShare\n\nTweet\n\nAbout us\n";
        let x = extract_text_dump(&t, &Options::default());
        let paras = body(&x);
        assert!(paras.contains(&"June 24 -- Jiffy Lube Live, Bristow, VA"), "{paras:?}");
        assert!(!paras.iter().any(|p| *p == "Share" || *p == "Music"), "{paras:?}");
        // renderers put a blank line between the announcing line and a bulleted list
        let mut t = String::from("Home\n\nGames\n\nRunning speed can be raised with console codes in the settings of the game:\n\n");
        for c in ["  • standard speed player.setav speedmult 100", "  • player.setav health 500", "  • player.setav magicka 300", "  • player.setav stamina 400"] {
            t += c;
            t += "\n";
        }
        t += "\nWhatever speed you set stays with you until you change it again, so you will have to come back to the settings every time you want to walk at a normal pace through the towns of the game.\n\nAbout us\n";
        let x = extract_text_dump(&t, &Options::default());
        assert!(body(&x).contains(&"player.setav magicka 300"), "{:#?}", x.decisions);
    }
}
