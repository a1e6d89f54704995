//! Links underlined with underscores: some plain-text renderers (Debian's html2text) show a
//! link by writing its text with `_` for every space, `Print_Edition`, `its_entire_lineup`,
//! `November_1,_2019`. The words of a link then count as one, and the text differs from the
//! page's. In a dump that does this throughout, the underscores between words are read as
//! spaces again. Identifiers (`article_thumb`, `IMG_1407`), handles, URLs and e-mail
//! addresses are not phrases of words and are left as they are; so are dumps with only a few
//! such tokens.

/// Underlined phrases needed before a dump is taken to underline its links: joined tokens of
/// three words or more, or with punctuation or a function word ([`crate::clean::rules::stop_words`]),
/// which identifiers rarely are.
const MIN_PHRASES: usize = 8;

/// Punctuation that may close a word inside an underlined phrase (`November_1,_2019`).
const CLOSING: &[char] = &[',', ':', ';', '!', '?', ')', '\'', '’', '.'];
/// ... or open one (`MacBook_Pro_(Buy_Now)`).
const OPENING: &[char] = &['(', '&', '"', '“', '‘'];

/// How a whitespace-separated token reads: not joined words, joined words, or an underlined
/// phrase (see [`MIN_PHRASES`]).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Joined {
    No,
    Words,
    Phrase,
}

fn joined(tok: &str) -> Joined {
    // URLs, paths, handles, e-mail addresses, markup, file names
    if !tok.contains('_') || tok.contains(['/', '@', '=', '#', '\\', '<', '>']) || tok.trim_end_matches(CLOSING).contains('.') {
        return Joined::No;
    }
    let inner = tok.trim_matches('_');
    let mut parts = 0;
    let mut phrase = false;
    for p in inner.split('_') {
        let w = p.trim_start_matches(OPENING).trim_end_matches(CLOSING);
        // a word: letters and digits, an inner apostrophe allowed (`Buyer's`)
        let word = !w.is_empty() && w.split(['\'', '’']).all(|s| !s.is_empty() && s.chars().all(char::is_alphanumeric));
        if !word && p != "&" {
            return Joined::No;
        }
        // (a function word of the cleaner's vocabulary shows a phrase: `Learn_how_your_comment`)
        phrase |= w.len() != p.len() || p == "&" || (word && crate::clean::rules::stop_words(w) == 1);
        parts += 1;
    }
    match parts {
        0 | 1 => Joined::No,
        2 if !phrase => Joined::Words,
        _ => Joined::Phrase,
    }
}

/// The dump with the underscores of its underlined links made spaces again, or `None` when it
/// does not underline its links.
pub fn respace(text: &str) -> Option<String> {
    // (each phrase has an underscore at least: most dumps have fewer in all)
    if memchr::memchr_iter(b'_', text.as_bytes()).take(MIN_PHRASES).count() < MIN_PHRASES {
        return None;
    }
    // the tokens around the underscores, each looked at once
    let b = text.as_bytes();
    let (mut phrases, mut after) = (0, 0);
    for k in memchr::memchr_iter(b'_', b) {
        if k < after {
            continue;
        }
        let start = b[..k].iter().rposition(u8::is_ascii_whitespace).map_or(0, |s| s + 1);
        after = b[k..].iter().position(u8::is_ascii_whitespace).map_or(b.len(), |e| k + e);
        phrases += usize::from(joined(&text[start..after]) == Joined::Phrase);
        if phrases >= MIN_PHRASES {
            break;
        }
    }
    if phrases < MIN_PHRASES {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // token by token, the whitespace between them kept as it is
    while !rest.is_empty() {
        let ws = rest.len() - rest.trim_start().len();
        out.push_str(&rest[..ws]);
        rest = &rest[ws..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = &rest[..end];
        if joined(tok) == Joined::No {
            out.push_str(tok);
        } else {
            // (underscores at the ends are the underline of a leading or trailing space)
            let core = tok.trim_matches('_');
            let lead = tok.len() - tok.trim_start_matches('_').len();
            out.extend(std::iter::repeat_n(' ', lead));
            out.push_str(&core.replace('_', " "));
            out.extend(std::iter::repeat_n(' ', tok.len() - lead - core.len()));
        }
        rest = &rest[end..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_words_and_identifiers() {
        assert!(joined("Buyer's_Guide:_MacBook_Pro_(Buy_Now)") == Joined::Phrase);
        assert!(joined("November_1,_2019") == Joined::Phrase);
        assert!(joined("its_entire_notebook_lineup_to_scissor") == Joined::Phrase);
        assert!(joined("Risk_&_Compliance") == Joined::Phrase);
        assert!(joined("Print_Edition") == Joined::Words);
        for id in ["article_thumb.jpg", "@josh_apte", "https://a.example/x_y_of_z", "a_b=c_d", "__init__", "snake_case", "user_name@mail.example"] {
            assert!(joined(id) != Joined::Phrase, "{id}");
        }
        assert!(joined("plain") == Joined::No);
    }

    #[test]
    fn a_dump_that_underlines_its_links_gets_its_spaces_back() {
        let dump = "Home World Print_Edition Video Learn_how_your_comment_data_is\n\
            Apple analyst Ming-Chi Kuo has predicted that Apple will transition\n\
            its_entire_notebook_lineup_to_scissor_switch_keyboards_in_2020, including all\n\
            models, after issues_with_sticky,_repeating,_or_nonfunctional_keys since 2016.\n\
            Related: Buyer's_Guide:_MacBook_Pro_(Buy_Now) Risk_&_Compliance News_of_the_World\n\
            — Jane Doe (@jane_doe) November_1,_2019 and the_end_of_it article_thumb.jpg\n";
        let out = respace(dump).unwrap();
        assert_eq!(out.lines().count(), dump.lines().count());
        assert!(out.contains("Home World Print Edition Video Learn how your comment data is\n"), "{out}");
        assert!(out.contains("its entire notebook lineup to scissor switch keyboards in 2020, including"), "{out}");
        assert!(out.contains("Buyer's Guide: MacBook Pro (Buy Now) Risk & Compliance"), "{out}");
        assert!(out.contains("(@jane_doe) November 1, 2019") && out.contains("article_thumb.jpg"), "{out}");
        // a few joined words are identifiers, not underlined links
        assert_eq!(respace("The file IMG_1407 and the_end and Print_Edition.\n"), None);
        assert_eq!(respace("No underscores at all.\n"), None);
    }
}
