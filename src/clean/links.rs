//! Numbered links of terminal browsers: `lynx -dump`, `elinks -dump` and `w3m -o
//! display_link_number=1` write a number in brackets before every link (`[12]Sport`) and the
//! numbered list of the link targets at the end of the page (`References`, `Visible links:`).
//! Neither is text of the page: the numbers are taken out of the lines (the line count stays the
//! same, so the wrapping can still be read off the lines as rendered) and the list is cut off.

use std::sync::LazyLock;

use regex::Regex;

/// The heading of the list of link targets, alone on its line.
static LIST_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(references|visible links|hidden links|links)\s*:?\s*$").unwrap());
/// An entry of that list: `12. https://…`, `[12] https://…`, or a relative target
/// (`[23] -#after-top`, `7. /section/world`).
static LIST_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[?\d{1,6}\]?\.?\s+(?:[a-zA-Z][a-zA-Z0-9+.-]*:\S|[#/.~-]\S*\s*$)").unwrap());
/// A target alone on its line, indented: elinks lists a link with a title as `73. Title` with
/// the target on the next line, and its hidden links without numbers.
static BARE_TARGET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s+[a-zA-Z][a-zA-Z0-9+.-]*:\S*\s*$").unwrap());
/// A numbered entry with a title instead of a target (followed by a [`BARE_TARGET`]).
static TITLED_ENTRY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\[?\d{1,6}\]?\.?\s+\S").unwrap());
/// A link number before a link's text (or alone before an image or a form field).
static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\d{1,6}\]").unwrap());

/// Entries of the list needed to call a dump one with numbered links.
const MIN_ENTRIES: usize = 3;
/// Share of the lines from the list's heading to the end that are entries, in tenths.
const LIST_SHARE_TENTHS: usize = 8;
/// Link numbers needed in the page itself.
const MIN_MARKERS: usize = 3;

/// The dump without its link numbers and list of targets, or `None` when it has none. The lines
/// before the list keep their number and order.
pub fn strip_numbered_links(text: &str) -> Option<String> {
    // a number in brackets somewhere ('[' then a digit): most dumps have none
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(b'[', bytes).any(|k| bytes.get(k + 1).is_some_and(u8::is_ascii_digit)) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    // the first heading followed by target entries that, with what follows, make up the end
    // of the page (a target can be cut over several lines, a mailto: body for one): one pass
    // from the end counts the lines and the entries below each heading
    let (mut n, mut entries) = (0usize, 0usize);
    let mut start = None;
    // (whether the non-blank line below was a bare target)
    let mut target_below = false;
    for (i, l) in lines.iter().enumerate().rev() {
        if l.trim().is_empty() {
            continue;
        }
        if LIST_HEADING.is_match(l) {
            if entries >= MIN_ENTRIES && entries * 10 >= n * LIST_SHARE_TENTHS {
                start = Some(i);
            }
            target_below = false;
            continue;
        }
        n += 1;
        let bare = l.starts_with(char::is_whitespace) && l.contains(':') && BARE_TARGET.is_match(l);
        entries += usize::from(bare || LIST_ENTRY.is_match(l) || (target_below && TITLED_ENTRY.is_match(l)));
        target_below = bare;
    }
    let start = start?;
    let page = &lines[..start];
    if page.iter().map(|l| MARKER.find_iter(l).count()).sum::<usize>() < MIN_MARKERS {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for l in page {
        out.push_str(&MARKER.replace_all(l, ""));
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LYNX: &str = "   [1]Skip to content
     * [2]Home
     * [3]World
     * [4]Sport

Council approves the new tram line

   By [5]Jane Doe
   March 28, 2017

   [6][IMG]

   The city council voted on Tuesday to approve the long-delayed [7]tram
   line, ending a debate that had lasted more than a year.

References

   Visible links:
   1. https://news.example/#main
   2. https://news.example/
   3. https://news.example/world/
   4. https://news.example/sport/
   5. https://news.example/authors/jane-doe
   6. https://news.example/img/tram.jpg
   7. https://news.example/tram/

   Hidden links:
   8. https://news.example/ads/1
   9. https://news.example/ads/2
  12. /ads/3
  13. -#top
  10. https://news.example/share?text=Council approves
";

    #[test]
    fn link_numbers_and_the_list_of_targets_go() {
        let text = strip_numbered_links(LYNX).unwrap();
        assert!(text.contains("   By Jane Doe\n"), "{text}");
        assert!(text.contains("     * Home\n"), "{text}");
        assert!(text.contains("long-delayed tram\n   line,"), "{text}");
        assert!(!text.contains("https://") && !text.contains("References") && !text.contains("[1]"), "{text}");
        // the lines above the list keep their place
        for (got, raw) in text.lines().zip(LYNX.lines()) {
            assert_eq!(got, MARKER.replace_all(raw, ""));
        }
    }

    #[test]
    fn elinks_titled_entries_and_hidden_targets_belong_to_the_list() {
        // elinks lists a link with a title as `N. Title` over its target on the next line, and
        // links without a number by their target alone
        let titled: String = (8..=30).map(|k| format!("  {k}. Share story {k} on a network\n\thttps://social.example/share?u={k}\n")).collect();
        let elinks = LYNX.replace("   Hidden links:", &format!("{titled}\n   Hidden links:")).replace("  10. https://news.example/share?text=Council approves", "\thttps://news.example/share/1\n\tfile:///tmp/page.html#top");
        let text = strip_numbered_links(&elinks).unwrap();
        assert!(text.contains("   By Jane Doe\n") && !text.contains("Share story") && !text.contains("https://"), "{text}");
    }

    #[test]
    fn w3m_numbers_and_references_starting_past_one() {
        // w3m -o display_link_number=1: links without a target get no number, so the list may
        // start at [4]; relative targets are listed as they are
        let w3m = "[4]Skip to content [5]Skip to site index\n\nCouncil approves the tram line\n\nBy [7]Jane Doe\n\n\
                   The city council voted on Tuesday to approve the line.\n\nReferences:\n\n[4] -#site-content\n\
                   [5] -#site-index\n[7] https://news.example/authors/jane-doe\n";
        let text = strip_numbered_links(w3m).unwrap();
        assert!(text.starts_with("Skip to content Skip to site index\n"), "{text}");
        assert!(text.contains("By Jane Doe\n") && !text.contains("References"), "{text}");
    }

    #[test]
    fn citations_and_pages_without_a_list_of_targets_are_left_alone() {
        assert_eq!(strip_numbered_links("As shown before [1], the effect is small [2] but real [3].\n\nReferences\n\n1. Smith, J. (2010). A study.\n"), None);
        assert_eq!(strip_numbered_links("Plain text [1] with [2] brackets [3].\n"), None);
        // a list of links inside the page is not the renderer's list of targets
        let more = "   The works will take three years, and the trams will run every six minutes\n   at peak hours. ".repeat(3);
        let inside = LYNX.replace("   The city council", &format!("   Links:\n   1. https://a.example/\n   2. https://b.example/\n   3. https://c.example/\n\n{more}\n\n   The city council"));
        let text = strip_numbered_links(&inside).unwrap();
        assert!(text.contains("The city council voted") && text.contains("1. https://a.example/"), "{text}");
    }

    #[test]
    fn the_cleaner_reads_a_lynx_dump_without_its_link_numbers() {
        let paras = [
            "The council said the first trams would run in the spring of 2019, and that fares would \
             stay at the level of the buses for at least two years after the opening of the line.",
            "Shop owners along the route said they feared losing customers during the works, and the \
             chamber of commerce asked the council to lower parking fees in the old town meanwhile.",
            "The plans for the depot will be published in the autumn, and residents will be able to \
             comment on them at public meetings in every district before the final decision is taken.",
        ];
        let article = crate::clean::wrapped_paragraphs(&paras, 75, "   ");
        // links inside the paragraphs, numbered where lynx wrapped the lines
        let article = article.replacen("fares", "[8]fares", 1).replacen("chamber", "[9]chamber", 1);
        let dump = LYNX.replace("\nReferences", &format!("\n{article}\nReferences"));
        let dump = dump.replace("   7. https://news.example/tram/", "   7. https://news.example/tram/\n   8. https://news.example/fares/\n   9. https://news.example/cci/").replace("   8. https://news.example/ads/1", "  11. https://news.example/ads/1");
        let x = crate::clean::extract_text_dump(&dump, &crate::options::Options::default());
        let body: Vec<&str> = x.paragraphs.iter().map(|p| p.text.as_str()).collect();
        for p in paras {
            assert!(body.contains(&p), "{body:?}");
        }
        assert!(!body.iter().any(|p| p.contains('[') || p.contains("https")), "{body:?}");
    }
}
