//! Pages laid out in columns, as terminal browsers render them: w3m, links and elinks set
//! the cells of a layout table side by side, so that every line of the stretch holds a piece
//! of the article on the left and a piece of the sidebar on the right:
//!
//! ```text
//! At least 106 protesters in 21 cities     *Kim Kardashian, Christian Bale
//! have been killed, according to credible  support UCLA Promise Institute * The
//! ```
//!
//! Such a stretch is cut at the gutter, and each column is read on its own: the left one,
//! then the right one, each reflowed at its own width (the cleaner reads the wrapping of the
//! page's other lines, which are as wide as the page).
//!
//! A gutter is a display column where, line after line, the text on the left has ended (a
//! space, two or more on most lines) and the text on the right begins; lines that are only
//! on one side fit it too. Prose lines that happen to have a space at the same column a few
//! times in a row do not make a stretch: it takes [`MIN_ROWS`] lines with text on both sides
//! and no line crossing the column. Tables have gutters too, but their cells hold runs of
//! spaces of their own ([`MAX_TABULAR_SHARE`]) and their first cells do not fill the column
//! ([`MIN_LEFT_FILL`]): they are left as they are.

use super::{display_width, first_word_len, is_unspaced_wide, is_wide};

/// Lines with text on both sides of the gutter needed for a stretch.
const MIN_ROWS: usize = 6;
/// The gutter is at least this many columns from the left edge.
const MIN_GUTTER_COLUMN: usize = 20;
/// Of the lines with text on both sides, at least half are separated by two spaces or more
/// (a single space happens when the left text fills its column).
const MIN_WIDE_GAP_SHARE: f64 = 0.5;
/// At most this share of the two-sided lines may hold a run of spaces inside a side (a cell
/// of a table).
const MAX_TABULAR_SHARE: f64 = 0.2;
/// The left sides of the two-sided lines fill this share of the column, at the median (a
/// wrapped paragraph fills its column).
const MIN_LEFT_FILL: f64 = 0.6;
/// A right side wider than this is no sidebar column.
const MAX_RIGHT_WIDTH: usize = 100;
/// Lines without right text (blank or left only) after which the columns are judged: a
/// gutter candidate that does not make a stretch by then makes none.
const MAX_RIGHT_GAP: usize = 8;
/// Lines longer than this (in bytes) are no rows of a column layout (and are not scanned).
const MAX_ROW_BYTES: usize = 600;
/// A stretch is looked for over at most this many lines from its first.
const MAX_STRETCH_LINES: usize = 2000;

/// How a line sits against a gutter at column `c`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Blank,
    /// Text on the left only: it ends before the gutter.
    Left,
    /// Text on the right only: spaces up to the gutter.
    Right,
    /// Text on both sides; `wide_gap` when two spaces or more separate them.
    Both { wide_gap: bool },
}

/// The byte offset of display column `c` in `line`, if a character starts exactly there.
fn byte_at_column(line: &str, c: usize) -> Option<usize> {
    if line.is_ascii() {
        return (c <= line.len()).then_some(c);
    }
    let mut col = 0;
    for (i, ch) in line.char_indices() {
        if col == c {
            return Some(i);
        }
        if col > c {
            return None;
        }
        col += if is_wide(ch) { 2 } else { 1 };
    }
    (col == c).then_some(line.len())
}

fn side(line: &str, c: usize) -> Option<Side> {
    let line = line.trim_end();
    if line.len() > MAX_ROW_BYTES {
        return None;
    }
    if line.is_empty() {
        return Some(Side::Blank);
    }
    if display_width(line) < c {
        return Some(Side::Left);
    }
    let at = byte_at_column(line, c)?;
    let (left, right) = line.split_at(at);
    if right.starts_with(' ') || !left.ends_with(' ') {
        return None;
    }
    let left_text = left.trim_end();
    if left_text.is_empty() {
        return Some(Side::Right);
    }
    Some(Side::Both { wide_gap: left.len() - left_text.len() >= 2 })
}

/// Display columns where a line's text resumes after two spaces or more, from
/// [`MIN_GUTTER_COLUMN`] on: where a gutter may be.
fn gutter_candidates(line: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = line.trim_end().as_bytes();
    let bytes = if bytes.len() > MAX_ROW_BYTES { &bytes[..0] } else { bytes };
    // (a run that ends at column MIN_GUTTER_COLUMN or later has its last two spaces from
    // byte MIN_GUTTER_COLUMN - 2 on: a character takes at least as many bytes as columns)
    let text_from = bytes.iter().take(MIN_GUTTER_COLUMN).position(|&b| b != b' ').unwrap_or(MIN_GUTTER_COLUMN);
    let mut k = if text_from < MIN_GUTTER_COLUMN - 2 { MIN_GUTTER_COLUMN - 2 } else { bytes.len() };
    std::iter::from_fn(move || {
        // the next run of two spaces or more, and where text resumes after it
        while k < bytes.len() {
            if bytes[k] != b' ' {
                k += 1;
                continue;
            }
            let run = k;
            while bytes[k] == b' ' {
                k += 1;
            }
            if k - run >= 2 {
                let col = display_width(&line[..k]);
                if col >= MIN_GUTTER_COLUMN {
                    return Some(col);
                }
            }
        }
        None
    })
}

/// The stretch of lines from `first` that a gutter at `c` cuts in two, if it is a column
/// layout: its end (exclusive).
fn stretch(lines: &[&str], first: usize, c: usize) -> Option<(usize, usize)> {
    let mut end = first;
    let (mut both, mut wide_gaps, mut tabular) = (0, 0, 0);
    let mut fills: Vec<usize> = Vec::new();
    let mut right_width = 0;
    // whether the last line with text had some on the right, and the lines since one had
    let (mut right_open, mut since_right) = (true, 0);
    let mut qualified = false;
    let qualifies = |both: usize, wide_gaps: usize, tabular: usize, right_width: usize, fills: &mut Vec<usize>| {
        if both < MIN_ROWS || (wide_gaps as f64) < both as f64 * MIN_WIDE_GAP_SHARE || tabular as f64 > both as f64 * MAX_TABULAR_SHARE || right_width > MAX_RIGHT_WIDTH {
            return false;
        }
        fills.sort_unstable();
        (fills[fills.len() / 2] as f64) >= (c - 1) as f64 * MIN_LEFT_FILL
    };
    while end < lines.len() && end - first < MAX_STRETCH_LINES {
        let Some(s) = side(lines[end], c) else { break };
        // a line with one space at the gutter once the right column has ended is one that
        // crosses it by chance (a footer line under both columns)
        if s == (Side::Both { wide_gap: false }) && !right_open {
            break;
        }
        match s {
            Side::Left => right_open = false,
            Side::Both { .. } | Side::Right => right_open = true,
            Side::Blank => {}
        }
        if matches!(s, Side::Left | Side::Blank) {
            since_right += 1;
            // the columns are read off the lines that have both: past a few lines without any
            // right text, the stretch is one (and the left column goes on) or none at all
            if since_right > MAX_RIGHT_GAP && !qualified {
                if !qualifies(both, wide_gaps, tabular, right_width, &mut fills) {
                    return None;
                }
                qualified = true;
            }
            end += 1;
            continue;
        }
        since_right = 0;
        let line = lines[end].trim_end();
        let at = byte_at_column(line, c).unwrap_or(line.len());
        right_width = right_width.max(display_width(&line[at..]));
        if let Side::Both { wide_gap } = s {
            both += 1;
            wide_gaps += usize::from(wide_gap);
            let (l, r) = (line[..at].trim(), line[at..].trim());
            tabular += usize::from(l.contains("  ") || r.contains("  "));
            fills.push(display_width(l));
        }
        end += 1;
    }
    (qualified || qualifies(both, wide_gaps, tabular, right_width, &mut fills)).then_some((end, both))
}

/// Joins the lines of one column into paragraphs: a line goes on in the next one when the
/// next one's first word would not have fit after it within `width` columns. Returns the
/// number of lines written.
fn reflow(column: &[&str], width: usize, out: &mut String) -> usize {
    let mut written = 0;
    // (the column's own indent: a line indented further starts something, a list item say)
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let base = column.iter().filter(|l| !l.trim().is_empty()).map(|l| indent(l)).min().unwrap_or(0);
    let mut last_width: Option<usize> = None;
    for line in column {
        let line = line.trim_end();
        if line.trim().is_empty() {
            // (a blank line ends the line before it and stays)
            if last_width.take().is_some() {
                out.push('\n');
            }
            out.push('\n');
            written += 1;
            continue;
        }
        // (a list item starts a line of its own, bullet glued to its text or not)
        let item = line.trim_start().starts_with(super::rules::BULLETS);
        let goes_on = last_width.is_some_and(|w| indent(line) == base && !item && w + 1 + first_word_len(line) > width);
        if goes_on {
            let glue = out.ends_with(is_unspaced_wide) && line.starts_with(is_unspaced_wide);
            if !glue {
                out.push(' ');
            }
            out.push_str(line.trim_start());
        } else {
            if last_width.is_some() {
                out.push('\n');
            }
            out.push_str(line);
            written += 1;
        }
        last_width = Some(display_width(line));
    }
    if last_width.is_some() {
        out.push('\n');
    }
    written
}

/// The text with every column layout read column by column, or `None` when it has none;
/// with it, for each of its lines, whether it was read off columns (those lines are whole
/// paragraphs already, and their widths say nothing of the page's wrapping).
pub fn split_columns(text: &str) -> Option<(String, Vec<bool>)> {
    // (a stretch starts at a line with two spaces in a row after text, past the first
    // columns, and has several: most dumps have too few, and are passed over in one scan)
    let bytes = text.as_bytes();
    let two_spaces = memchr::memmem::Finder::new(b"  ");
    let (mut interior_runs, mut last_line) = (0, usize::MAX);
    for hit in two_spaces.find_iter(bytes) {
        let line_start = memchr::memrchr(b'\n', &bytes[..hit]).map_or(0, |p| p + 1);
        if line_start != last_line && hit - line_start + 2 >= MIN_GUTTER_COLUMN && bytes[line_start..hit].iter().any(|&b| b != b' ') {
            last_line = line_start;
            interior_runs += 1;
            if interior_runs == MIN_ROWS {
                break;
            }
        }
    }
    if interior_runs < MIN_ROWS {
        return None;
    }
    let mut lines: Vec<&str> = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    lines.extend(text.lines());
    let may_start: Vec<bool> = lines.iter().map(|l| l.len() > MIN_GUTTER_COLUMN && l.len() <= MAX_ROW_BYTES && two_spaces.find(&l.as_bytes()[MIN_GUTTER_COLUMN - 2..]).is_some()).collect();
    // (written from the first stretch on: the lines before it are copied then)
    let mut out = String::new();
    let mut from_columns: Vec<bool> = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while i < lines.len() {
        if !may_start[i] {
            i += 1;
            continue;
        }
        let best = gutter_candidates(lines[i]).filter_map(|c| stretch(&lines, i, c).map(|(end, both)| (c, end, both))).max_by_key(|&(_, _, both)| both);
        let Some((c, end, _)) = best else {
            i += 1;
            continue;
        };
        if out.is_empty() {
            out.reserve(text.len() + 64);
        }
        for line in &lines[copied..i] {
            out.push_str(line);
            out.push('\n');
            from_columns.push(false);
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for line in &lines[i..end] {
            let line = line.trim_end();
            match byte_at_column(line, c).filter(|_| display_width(line) >= c) {
                Some(at) => {
                    left.push(&line[..at]);
                    right.push(&line[at..]);
                }
                None => {
                    left.push(line);
                    right.push("");
                }
            }
        }
        let right_width = right.iter().map(|r| display_width(r)).max().unwrap_or(0);
        let n = reflow(&left, c - 1, &mut out);
        out.push('\n');
        let m = reflow(&right, right_width, &mut out);
        from_columns.resize(from_columns.len() + n + 1 + m, true);
        i = end;
        copied = end;
    }
    if copied == 0 {
        return None;
    }
    for line in &lines[copied..] {
        out.push_str(line);
        out.push('\n');
        from_columns.push(false);
    }
    Some((out, from_columns))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Video footage shows security forces using firearms, water cannons and tear gas to disperse protests and beating demonstrators with batons. Images of bullet casings left on the ground afterwards, as well as the resulting high death toll, indicate that they used live ammunition, the organisation said.";
    const SIDEBAR: &str = "*Historic church on the verge of destruction * The church is in ruins due to destruction and raids by treasure hunters. *Iconic props and costumes will be auctioned * The auction, scheduled for next month, includes replicas of the couch.";

    /// Wraps `text` at `width` columns.
    fn wrap(text: &str, width: usize) -> Vec<String> {
        let mut lines = vec![String::new()];
        for w in text.split(' ') {
            let last = lines.last_mut().unwrap();
            if !last.is_empty() && last.len() + 1 + w.len() > width {
                lines.push(w.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(w);
            }
        }
        lines
    }

    fn side_by_side(left: &[String], right: &[String], c: usize) -> String {
        let mut out = String::from("Home | News | World\n\n");
        for k in 0..left.len().max(right.len()) {
            let l = left.get(k).map_or("", String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            out.push_str(&format!("{l:<w$}{r}\n", w = c).trim_end().to_string());
            out.push('\n');
        }
        out.push_str("\n© 2019 The Daily Example\n");
        out
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let dump = side_by_side(&wrap(ARTICLE, 40), &wrap(SIDEBAR, 38), 41);
        let (out, from_columns) = split_columns(&dump).expect("a column layout");
        assert_eq!(from_columns.len(), out.lines().count());
        assert!(!from_columns[0] && from_columns[2]);
        let paragraphs: Vec<&str> = out.split('\n').filter(|l| !l.trim().is_empty()).collect();
        // (a short line under both columns cannot be told from one of the left column's)
        assert_eq!(paragraphs, vec!["Home | News | World", ARTICLE, "© 2019 The Daily Example", SIDEBAR], "{out}");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let article = "日本語の記事の本文がここに続きます。長い文章が次の行に折り返されて表示されています。そして段落が終わるまで同じ幅で続いていきます。記事の本文はこのように左の列に置かれて、右の列には別の記事への案内が並んでいます。最後の行です。";
        let chars: Vec<char> = article.chars().collect();
        let left: Vec<String> = chars.chunks(22).map(|c| c.iter().collect()).collect();
        let right = ["新着記事の見出し", "別の記事の見出し", "人気の記事の見出し", "関連する記事の見出し", "話題の記事の見出し", "古い記事の見出し"];
        let mut dump = String::new();
        for (l, r) in left.iter().zip(right) {
            let pad = 46 - display_width(l);
            let l = l.as_str();
            dump.push_str(&format!("{l}{}{r}\n", " ".repeat(pad)));
        }
        let (out, _) = split_columns(&dump).expect("a column layout");
        assert!(out.starts_with(&format!("{article}\n")), "{out}");
        assert!(out.contains("新着記事の見出し\n別の記事の見出し"), "{out}");
    }

    #[test]
    fn very_long_lines_are_no_rows() {
        let row = format!("{:<40}{}", "left side of a very long row", "right ".repeat(120));
        let dump = vec![row; 8].join("\n");
        assert!(dump.lines().all(|l| l.len() > MAX_ROW_BYTES));
        assert_eq!(split_columns(&dump), None);
    }

    #[test]
    fn tables_and_plain_prose_are_left_alone() {
        let mut table = String::from("Pos  Player             Plays   %     Stats\n");
        for (k, name) in ["Denzel Ward", "Greedy Williams", "T.J. Carrie", "Tavierre Thomas", "Joe Haden", "Morgan Burnett", "Damarious Randall"].iter().enumerate() {
            table.push_str(&format!("CB   {name:<18} {:<7} {:<5} {} tackles (combined).\n", 70 - k, 99 - k, k + 1));
        }
        assert_eq!(split_columns(&table), None);
        let prose = wrap(&format!("{ARTICLE} {ARTICLE} {ARTICLE}"), 72).join("\n");
        assert_eq!(split_columns(&prose), None);
    }
}
