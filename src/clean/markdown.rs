//! Markdown dumps: pages rendered to Markdown (html2text, markdownify, reader modes and LLM
//! crawlers) carry link targets, image references, emphasis marks and escapes that are not
//! text, and they wrap paragraphs with soft line breaks. A dump that looks like Markdown is
//! rendered to plain text first, one line per paragraph, list item or table row, so that the
//! cleaner sees the same kind of dump as from a browser.
//!
//! The parsing is pulldown-cmark's (CommonMark with tables and strikethrough); this module only
//! decides when a dump is Markdown and how each element is written out.

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use crate::model::ParagraphKind;

/// `[text](target)` constructs (links and images) that make a dump Markdown on their own.
const MIN_LINKS: usize = 3;
/// ATX headings (`## Title`) that, with some other Markdown syntax, make a dump Markdown.
const MIN_HEADINGS: usize = 2;
/// Other Markdown syntax needed besides the headings: links, `**strong**` pairs, `\.` escapes.
const MIN_OTHER_SYNTAX: usize = 2;
/// Lines of raw HTML (`<div class=…>`, `</span>`) that, with any link or heading, make a dump
/// Markdown: converters keep the markup they have no Markdown for (pandoc, markdownify), and a
/// browser or terminal rendering shows none.
const MIN_HTML_LINES: usize = 20;

/// Lines that start with an HTML tag, up to [`MIN_HTML_LINES`].
fn html_lines(text: &str) -> usize {
    text.lines()
        .filter(|l| {
            let t = l.trim_start().strip_prefix('<').map(|r| r.strip_prefix('/').unwrap_or(r)).unwrap_or("");
            let name = t.bytes().take_while(u8::is_ascii_alphanumeric).count();
            name > 0 && t.as_bytes()[0].is_ascii_alphabetic() && matches!(t.as_bytes().get(name), None | Some(b' ' | b'>' | b'/' | b'\n'))
        })
        .take(MIN_HTML_LINES)
        .count()
}

/// A heading line at least this long, followed by at most this many words alone on the next
/// line, was wrapped by the renderer (see `prepare`).
const WRAPPED_HEADING_CHARS: usize = 50;
const WRAPPED_HEADING_TAIL_WORDS: usize = 6;

/// A link target broken by the renderer's wrapping is joined back when the broken piece is
/// shorter than this (a URL, not a paragraph that happens to contain `](`).
const MAX_BROKEN_TARGET: usize = 400;

/// What follows the `#`s of an ATX heading line (`## Title`: one to six, then a space).
fn atx_heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ')).then_some(rest)
}

/// Whether a dump is written in Markdown: link or image syntax (`](`), ATX headings with
/// emphasis or escapes, or a link or heading among lines of raw HTML. Browser and terminal
/// renderings contain none of these.
pub fn looks_like_markdown(text: &str) -> bool {
    // (`[117](509) 459-5400` is a terminal browser's link number before a phone number: link
    // texts of digits only are not counted)
    let bytes = text.as_bytes();
    let numbered = |at: usize| {
        let before = &bytes[at.saturating_sub(8)..at];
        before.iter().rposition(|&b| b == b'[').is_some_and(|k| k + 1 < before.len() && before[k + 1..].iter().all(u8::is_ascii_digit))
    };
    let links = memchr::memmem::find_iter(bytes, b"](").filter(|&at| !numbered(at)).take(MIN_LINKS).count();
    if links >= MIN_LINKS {
        return true;
    }
    let mut headings = 0;
    // lines that start with '#': the '#' found first, the line start checked after
    for at in memchr::memchr_iter(b'#', bytes) {
        if at > 0 && bytes[at - 1] != b'\n' {
            continue;
        }
        let line = text[at..].split('\n').next().unwrap_or("");
        if atx_heading_text(line).is_some_and(|t| t.trim().len() > 1) {
            headings += 1;
            if headings >= MIN_HEADINGS {
                break;
            }
        }
    }
    if headings >= MIN_HEADINGS {
        let strong = memchr::memmem::find_iter(text.as_bytes(), b"**").count() / 2;
        let escapes = ["\\.", "\\-", "\\*", "\\_", "\\#", "\\["].iter().map(|e| text.matches(e).count()).sum::<usize>();
        if links + strong + escapes >= MIN_OTHER_SYNTAX {
            return true;
        }
    }
    links + headings > 0 && html_lines(text) >= MIN_HTML_LINES
}

/// Repairs what a wrapping renderer does to Markdown: takes the code-block indentation away
/// (see [`dedent`]), joins lines broken inside a link target (`[text](https://a.b/c-` / `d)`: a
/// target cannot contain a line break, so the link would stay raw text) and headings broken
/// inside a link's text (a heading is one line in Markdown).
fn prepare(text: &str) -> String {
    let target_open = |line: &str| {
        line.rfind("](").is_some_and(|k| {
            let target = &line[k + 2..];
            !target.contains(')') && target.len() < MAX_BROKEN_TARGET
        })
    };
    let heading_open = |line: &str| {
        let t = line.trim_start();
        t.starts_with('#') && t.len() < MAX_BROKEN_TARGET && t.matches('[').count() > t.matches(']').count()
    };
    // an HTML tag in a heading broken over lines between its attributes (pandoc keeps raw
    // HTML and wraps it): `##### <a` at the end of a line, then lines of attributes up to the
    // one with `>`. A heading ends at its line, so the attributes would be read as text (in a
    // paragraph, a tag may span lines)
    let tag_open = |line: &str| {
        atx_heading_text(line.trim_start()).is_some()
            && line.rfind('<').is_some_and(|k| {
                let tag = &line[k + 1..];
                tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.contains('>') && tag.len() < MAX_BROKEN_TARGET
            })
    };
    let attribute = |line: &str| {
        let name = line.bytes().take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')).count();
        (name > 0 && (line.len() == name || line[name..].starts_with(['=', ' ', '>', '/']))) || line.starts_with(['>', '/'])
    };
    // a long heading wrapped by the renderer: its last words on the next line, alone before a
    // blank line (a paragraph right under a heading runs longer, or over more lines)
    let heading_wrapped = |line: &str, next: &str, after: Option<&str>| {
        let t = line.trim_start();
        let n = next.trim();
        atx_heading_text(t).is_some()
            && !target_open(t)
            && !heading_open(t)
            && t.chars().count() >= WRAPPED_HEADING_CHARS
            && !n.is_empty()
            && n.split_whitespace().nth(WRAPPED_HEADING_TAIL_WORDS).is_none()
            && after.is_none_or(|a| a.trim().is_empty())
            && !n.starts_with(['#', '-', '*', '+', '>', '|', '[', '!', '<', '`', '=', '_'])
            && !n.starts_with(|c: char| c.is_ascii_digit())
    };
    let mut out = String::with_capacity(text.len());
    let all: Vec<&str> = text.lines().collect();
    let mut lines = all.iter().copied().enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let start = out.len();
        out.push_str(&line[dedent(line)..]);
        if all.get(i + 1).is_some_and(|n| heading_wrapped(line, n, all.get(i + 2).copied())) {
            out.push(' ');
            out.push_str(all[i + 1].trim());
            out.push('\n');
            lines.next();
            continue;
        }
        loop {
            let current = &out[start..];
            let (in_target, in_heading) = (target_open(current), heading_open(current));
            let in_tag = !in_target && !in_heading && tag_open(current);
            if !in_target && !in_heading && !in_tag {
                break;
            }
            let Some((_, next)) = lines.next_if(|(_, n)| !n.trim().is_empty() && (!in_tag || attribute(n.trim_start()))) else { break };
            let next = next.trim_start();
            // a URL is broken without a space; a title (`"Some title"`) or a text at a space
            let target = &current[current.rfind("](").map_or(current.len(), |k| k + 2)..];
            if !in_target || target.contains([' ', '"']) || next.starts_with(['"', '\'', '(']) {
                out.push(' ');
            }
            out.push_str(next);
        }
        out.push('\n');
    }
    out
}

/// Bytes of indentation to remove so that a line is indented by 3 columns at most: renderers
/// indent nested list items and quotes by 4 or more spaces, which Markdown would read as code.
fn dedent(line: &str) -> usize {
    let indent = line.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    indent.saturating_sub(3)
}

/// The dump rendered to plain text: paragraphs, headings, table rows and block-quote paragraphs
/// on one line each with a blank line between them, list items on lines of their own behind a
/// `•` (or their number), link texts without their targets, images, raw HTML and footnote
/// marks left out.
pub fn to_plain_text(text: &str) -> String {
    render(text).0
}

/// [`to_plain_text`], with the kind Markdown gives each line of it: headings (`#`) and
/// block-quote paragraphs (`>`); list items keep their bullet in the text.
pub fn render(text: &str) -> (String, Vec<Option<ParagraphKind>>) {
    let text = prepare(text);
    let mut out = String::with_capacity(text.len());
    // where a heading or a quoted paragraph starts in `out`
    let mut marks: Vec<(usize, ParagraphKind)> = Vec::new();
    let mut quotes = 0usize;
    // open lists: the next number of an ordered list, None for bullets
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_image = 0usize;
    let mut item_started = false;
    let end_line = |out: &mut String| {
        while out.ends_with([' ', '\t']) {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    let end_block = |out: &mut String| {
        end_line(out);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
    };
    let opts = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(&text, opts) {
        if in_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { .. }) => in_image = 1,
            Event::Start(Tag::Item) => {
                end_line(&mut out);
                let depth = lists.len().saturating_sub(1);
                out.extend(std::iter::repeat_n("  ", depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("• "),
                }
                item_started = true;
            }
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    end_block(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    end_block(&mut out);
                }
            }
            Event::Start(Tag::Paragraph) => {
                // the first paragraph of a list item goes on the item's line
                if !std::mem::take(&mut item_started) {
                    if lists.is_empty() {
                        end_block(&mut out);
                        if quotes > 0 {
                            marks.push((out.len(), ParagraphKind::Quote));
                        }
                    } else {
                        end_line(&mut out);
                    }
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                item_started = false;
                end_block(&mut out);
                if lists.is_empty() {
                    marks.push((out.len(), ParagraphKind::Heading));
                }
            }
            Event::Start(Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_)) => {
                if matches!(event, Event::Start(Tag::BlockQuote(_))) {
                    quotes += 1;
                }
                item_started = false;
                end_block(&mut out)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table | TagEnd::BlockQuote(_)) => {
                if matches!(event, Event::End(TagEnd::BlockQuote(_))) {
                    quotes = quotes.saturating_sub(1);
                }
                // a heading without text (an image over a `---` line is a setext heading) marks
                // nothing: its mark would fall on the next block
                if matches!(event, Event::End(TagEnd::Heading(_))) && marks.last().is_some_and(|&(at, k)| k == ParagraphKind::Heading && out[at..].trim().is_empty()) {
                    marks.pop();
                }
                if lists.is_empty() {
                    end_block(&mut out)
                } else {
                    end_line(&mut out)
                }
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => end_line(&mut out),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::Text(t) | Event::Code(t) => {
                item_started = false;
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => end_line(&mut out),
            Event::Rule => end_block(&mut out),
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    let mut kinds = Vec::new();
    let mut marks = marks.into_iter().peekable();
    let mut at = 0;
    for line in out.split_inclusive('\n') {
        while marks.next_if(|m| m.0 < at).is_some() {}
        kinds.push(marks.next_if(|m| m.0 == at).map(|m| m.1));
        at += line.len();
    }
    (out, kinds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
[Skip to content](#main)

  * [Home](https://news.example/)
  * [Politics](https://news.example/politics/)
  * [Sport](https://news.example/sport/)

# Council approves the new tram line after a\\-year of delays

By [Jane Doe](https://news.example/authors/jane-doe \"Jane Doe\")  
March 28, 2017

![A tram at the depot](https://img.example/tram.jpg)

The city council voted on Tuesday to approve the long-delayed tram line, ending a
debate that had lasted more than a year. **Construction** will start in the
spring, according to the [transport
office](https://news.example/2017/03/28/transport-office-statement-on-the-new-
line/ \"Statement\").

> Trams are the backbone of a modern city, the mayor said.

1. First phase: the city centre.
2. Second phase: the harbour.

| Phase | Cost |
|---|---|
| One | 40 M |

* * *

## [Bus fares rise again as the council
looks for money](https://news.example/2017/03/29/bus-
fares/ \"Bus fares\")

## Related

  * [Bus fares rise again](https://news.example/bus-fares/)
";

    #[test]
    fn a_markdown_page_becomes_a_plain_dump() {
        assert!(looks_like_markdown(PAGE));
        let text = to_plain_text(PAGE);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"• Politics"), "{text}");
        assert!(lines.contains(&"Council approves the new tram line after a-year of delays"), "{text}");
        assert!(lines.contains(&"By Jane Doe"), "{text}");
        assert!(lines.contains(&"March 28, 2017"), "{text}");
        // soft-wrapped lines are one paragraph, the broken link target is gone with the link
        assert!(lines.contains(&"The city council voted on Tuesday to approve the long-delayed tram line, ending a debate that had lasted more than a year. Construction will start in the spring, according to the transport office."), "{text}");
        assert!(lines.contains(&"Trams are the backbone of a modern city, the mayor said."), "{text}");
        assert!(lines.contains(&"1. First phase: the city centre."), "{text}");
        assert!(lines.contains(&"2. Second phase: the harbour."), "{text}");
        assert!(lines.contains(&"One\t40 M"), "{text}");
        // a heading wrapped inside its link is one heading
        assert!(lines.contains(&"Bus fares rise again as the council looks for money"), "{text}");
        assert!(!text.contains("http") && !text.contains("tram.jpg") && !text.contains("**") && !text.contains('['), "{text}");
        // paragraphs are separated by blank lines, list items are not
        assert!(text.contains("\n\nThe city council"), "{text}");
        assert!(text.contains("• Home\n• Politics\n"), "{text}");
    }

    #[test]
    fn headings_and_quotes_keep_their_kind() {
        let (text, kinds) = render(PAGE);
        let kind_of = |t: &str| kinds[text.lines().position(|l| l == t).unwrap()];
        assert_eq!(kind_of("Council approves the new tram line after a-year of delays"), Some(ParagraphKind::Heading));
        assert_eq!(kind_of("Trams are the backbone of a modern city, the mayor said."), Some(ParagraphKind::Quote));
        assert_eq!(kind_of("March 28, 2017"), None);
        assert_eq!(kinds.len(), text.lines().count());
        // an image over `---` is a heading without text: the paragraph after it is no heading
        let (text, kinds) = render("Intro line of the article with [a link](https://a.example/).\n\n![](/photo/1.jpg)  \n---  \n\n\nThe paragraph after the photo, with [two](https://b.example/) [links](https://c.example/).\n");
        let k = text.lines().position(|l| l.starts_with("The paragraph after")).unwrap();
        assert_eq!(kinds[k], None, "{text:?}");
    }

    #[test]
    fn a_heading_wrapped_by_the_renderer_is_one_heading() {
        // html2text wraps headings at its width too: the last words go on the next line
        let md = "[Space](/space)\n\n#  NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's\nMoon Europa\n\n\
                  The agency said on Tuesday that [the plumes](https://a.example/) had been seen again.\n\n\
                  ## A subheading\nA paragraph that starts right under its heading and goes on for a while.\n";
        let (text, kinds) = render(md);
        let lines: Vec<&str> = text.lines().collect();
        let k = lines.iter().position(|l| l.starts_with("NASA")).unwrap();
        assert_eq!(lines[k], "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa");
        assert_eq!(kinds[k], Some(ParagraphKind::Heading));
        // a short heading, and a paragraph of more words under a heading, stay apart
        assert!(lines.contains(&"A subheading") && lines.contains(&"A paragraph that starts right under its heading and goes on for a while."), "{text}");
    }

    #[test]
    fn browser_and_terminal_dumps_are_not_markdown() {
        let dump = "Home\nPolitics\nSport\n\nCouncil approves the new tram line\n\nBy Jane Doe\nMarch 28, 2017\n\n\
                    The city council voted on Tuesday [Updated] to approve the line (a first).\n\n#tram #city\n";
        assert!(!looks_like_markdown(dump));
        let numbered = "# 1 Team A 30 pts\n# 2 Team B 28 pts\nThe league table after the match.\n";
        assert!(!looks_like_markdown(numbered));
        // w3m's link numbers before parentheses: `[117](509) 459-5400`
        let w3m = "[12]Newsroom: [117](509) 459-5400\n[13]Sales: [118](509) 459-5000\n[14]Desk [119](tips) [120](line)\n";
        assert!(!looks_like_markdown(w3m));
        assert!(looks_like_markdown("[Home](https://a.example/) [News](/news) [2](/page/2) [Archive](/archive/2019)\n"));
    }

    #[test]
    fn markdown_with_raw_html_is_markdown() {
        // pandoc's GitHub Markdown keeps the page's <div>s and <span>s
        let mut md = String::from("[Home](https://news.example/)\n\n");
        for k in 0..12 {
            md.push_str(&format!("<div class=\"widget-{k}\">\n\n-   <span class=\"icon\"> </span> Item {k}\n\n</div>\n\n"));
        }
        md.push_str("The council voted on Tuesday to approve the line, ending a debate that had lasted\nmore than a year.\n");
        assert!(looks_like_markdown(&md));
        let text = to_plain_text(&md);
        assert!(text.contains("The council voted on Tuesday to approve the line, ending a debate that had lasted more than a year.\n"), "{text}");
        assert!(!text.contains("<div") && !text.contains("<span"), "{text}");
        // a tag wrapped between its attributes, in a heading (which ends at its line)
        let md = "-   4\n\n    ##### <a\n    href=\"/news/article/Drag-queen-denied-14846565.php\"\n    class=\"hdn-analytics\"\n    title=\"Drag queen denied entrance\">Drag\n    queen denied entrance</a>\n\nThe council voted on Tuesday.\n";
        let text = to_plain_text(md);
        assert!(!text.contains("href=") && !text.contains("class=") && text.contains("Drag"), "{text}");
        assert!(text.contains("The council voted on Tuesday."), "{text}");
    }

    #[test]
    fn headings_with_emphasis_are_markdown_without_links() {
        let md = "## First part\n\nSome **bold** text and more **bold** words.\n\n## Second part\n\nText.\n";
        assert!(looks_like_markdown(md));
        assert_eq!(to_plain_text(md), "First part\n\nSome bold text and more bold words.\n\nSecond part\n\nText.\n");
    }

    #[test]
    fn the_cleaner_reads_a_markdown_dump_as_its_text() {
        let article = "Officials said the new line would carry 40,000 passengers a day once both phases are \
                       finished, and that fares would stay at the level of the buses.";
        // wrapped at 78 columns, as html2text writes it
        let page = PAGE.replace("> Trams", &format!("{}\n\n> Trams", crate::clean::hard_wrap(article, 78)));
        let x = crate::clean::extract_text_dump(&page, &crate::options::Options::default());
        let body: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(body.iter().any(|p| p.starts_with("The city council voted on Tuesday") && p.ends_with("the transport office.")), "{body:?}");
        assert!(body.contains(&article), "{body:?}");
        assert!(!body.iter().any(|p| p.contains("](") || p.contains("Politics")), "{body:?}");
    }
}
