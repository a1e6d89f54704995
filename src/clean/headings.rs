//! Decorated headings of plain-text renderings: some renderers (Debian's html2text, wiki and
//! e-mail conventions) frame a heading with runs of one symbol, `****** Title ******` or
//! `== Section ==`, the closing run on the next line when the heading was wrapped. The frame
//! is not text: a heading read with it is neither a title nor a section heading such as
//! `Comments` to the cleaner. The lines are rewritten to their text (line for line, so the
//! wrapping can still be read off the dump) and marked as headings.

use crate::model::ParagraphKind;

/// The symbols that frame a heading, and the shortest run of one that counts as a frame.
const FRAME_SYMBOLS: &[u8] = b"*=";
const MIN_RUN: usize = 2;
/// The longest heading text in a frame, in bytes (a longer line is text with stars in it).
const MAX_HEADING_BYTES: usize = 300;
/// Framed lines needed before a dump is taken to use the convention (one framed line may be
/// an ornament in the text)...
const MIN_FRAMED: usize = 2;
/// ...unless its frame is this wide (`****** Title ******`: a page with one heading).
const MIN_LONE_RUN: usize = 4;

/// The run of one frame symbol that opens `line` (after indentation), followed by a space.
fn opening(line: &str) -> Option<(u8, usize, &str)> {
    let t = line.trim_start();
    let c = *t.as_bytes().first()?;
    if !FRAME_SYMBOLS.contains(&c) {
        return None;
    }
    let run = t.bytes().take_while(|&b| b == c).count();
    let rest = &t[run..];
    (run >= MIN_RUN && rest.starts_with(' ')).then_some((c, run, rest.trim()))
}

/// The framed heading's text when `rest` (what follows the opening run) ends with the same run.
fn closed(rest: &str, c: u8, run: usize) -> Option<&str> {
    let close = rest.bytes().rev().take_while(|&b| b == c).count();
    let inner = rest[..rest.len() - close].trim_end();
    (close == run && !inner.is_empty() && rest.len() - close > inner.len()).then_some(inner)
}

/// The dump with its framed headings replaced by their text, and the headings' lines, or
/// `None` when it has no framed headings. A heading whose closing run was wrapped to the next
/// line keeps its text on the first line; the line of the closing run becomes empty.
pub fn strip_frames(text: &str) -> Option<(String, Vec<Option<ParagraphKind>>)> {
    // most dumps have no line starting with `**` or `==` at all
    let b = text.as_bytes();
    let at_line_start = |k: usize| {
        let mut j = k;
        while j > 0 && b[j - 1] == b' ' {
            j -= 1;
        }
        j == 0 || b[j - 1] == b'\n'
    };
    if !FRAME_SYMBOLS.iter().any(|&c| memchr::memmem::find_iter(b, &[c, c]).any(at_line_start)) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<std::borrow::Cow<str>> = lines.iter().map(|&l| l.into()).collect();
    let mut kinds = vec![None; lines.len()];
    let (mut framed, mut widest) = (0, 0);
    let mut i = 0;
    while i < lines.len() {
        let Some((c, run, rest)) = opening(lines[i]) else {
            i += 1;
            continue;
        };
        if rest.len() > MAX_HEADING_BYTES {
            i += 1;
            continue;
        }
        if let Some(inner) = closed(rest, c, run) {
            out[i] = inner.to_string().into();
            kinds[i] = Some(ParagraphKind::Heading);
            framed += 1;
            widest = widest.max(run);
        } else if let Some(next) = lines.get(i + 1).map(|n| n.trim()).and_then(|n| closed(n, c, run).or_else(|| (n.len() == run && n.bytes().all(|x| x == c)).then_some(""))) {
            // wrapped: the end of the heading and the closing run on the next line (or the
            // run alone)
            if rest.is_empty() {
                i += 1;
                continue;
            }
            out[i] = rest.to_string().into();
            out[i + 1] = next.to_string().into();
            kinds[i] = Some(ParagraphKind::Heading);
            framed += 1;
            widest = widest.max(run);
            i += 1;
        }
        i += 1;
    }
    if framed < MIN_FRAMED && widest < MIN_LONE_RUN {
        return None;
    }
    let mut s = String::with_capacity(text.len());
    for l in &out {
        s.push_str(l);
        s.push('\n');
    }
    Some((s, kinds))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = "Home\n****** Council approves the new tram line after a year of\ndebate ******\n\
by Jane Doe March 28, 2017\nThe council voted on Tuesday.\n***** Top Rated Comments *****\n\
== See also ==\nA ** starred ** word, and ** stars ** alone.\n**** A heading wrapped over\n****\nText.\n";

    #[test]
    fn frames_go_and_headings_are_marked() {
        let (text, kinds) = strip_frames(DUMP).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), DUMP.lines().count());
        assert_eq!((lines[1], lines[2]), ("Council approves the new tram line after a year of", "debate"));
        assert_eq!(lines[5], "Top Rated Comments");
        assert_eq!(lines[6], "See also");
        assert_eq!(lines[7], "A ** starred ** word, and ** stars ** alone.");
        assert_eq!((lines[8], lines[9]), ("A heading wrapped over", ""));
        let marked: Vec<usize> = kinds.iter().enumerate().filter(|(_, k)| k.is_some()).map(|(i, _)| i).collect();
        assert_eq!(marked, [1, 5, 6, 8]);
    }

    #[test]
    fn a_single_narrow_frame_or_none_leaves_the_dump_alone() {
        assert!(strip_frames("Text\n*** Note ***\nMore text.\n").is_none());
        // ...but a lone wide frame is a heading
        let (text, kinds) = strip_frames("Home\n****** Council approves the tram line ******\nby Jane Doe\n").unwrap();
        assert_eq!(text.lines().nth(1), Some("Council approves the tram line"));
        assert_eq!(kinds[1], Some(ParagraphKind::Heading));
        assert!(strip_frames("Plain text with ** stars ** inside.\n").is_none());
        assert!(strip_frames("").is_none());
    }

    #[test]
    fn the_cleaner_ends_the_article_at_a_framed_comments_heading() {
        // a dump as Debian's html2text writes it: wrapped at 79 columns, no blank lines
        let paras = [
            "The city council voted on Tuesday to approve the long-delayed tram line, ending a debate that had lasted more than a year and divided the town into two camps.",
            "The first trams would run in the spring of 2019, the council said, and fares would stay at the level of the buses for at least two years after the opening.",
            "Shop owners along the route said they feared losing customers during the works, and the chamber of commerce asked for lower parking fees in the old town.",
        ];
        let comment = "I think this is the best decision the council has taken in years, and I hope the works will start soon because the buses are always full in the morning.";
        let mut dump = String::from("****** Council approves the new tram line after a long debate ******\nby Jane Doe March 28, 2017\n");
        for p in paras {
            dump.push_str(&crate::clean::hard_wrap(p, 79));
            dump.push('\n');
        }
        dump.push_str("***** Top Rated Comments *****\n");
        for k in 0..8 {
            dump.push_str(&format!("Reader{k}\n2 days ago at 07:5{k} am\n{}\nRating: 3{k} Votes\n", crate::clean::hard_wrap(comment, 79)));
        }
        let x = crate::clean::extract_text_dump(&dump, &crate::options::Options::default());
        // (where a paragraph ends is not told by a full last line: the text is what counts)
        let body: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(body.join(" "), paras.join(" "));
        assert_eq!(x.title.as_deref(), Some("Council approves the new tram line after a long debate"));
    }
}
