//! Tweets flattened into text dumps, and tweet embeds in HTML.
//!
//! In a dump an embed is the tweet's text (one or more lines) followed by a byline
//! `— Name (@handle) date`, possibly with renderer noise around it ("View image on Twitter").

use std::sync::LazyLock;

use regex::Regex;

use crate::embed::dates::find_tweet_date;
use crate::model::Tweet;

/// `— Name (@handle) date`: em dash, en dash, horizontal bar, `&mdash;` or a hyphen.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[—–―-]|&mdash;|&#8212;)\s*(?P<name>.*?)\s*\(\s*@(?P<handle>[A-Za-z0-9_]{1,15})\s*\)\s*(?P<date>.*?)\s*$")
        .unwrap()
});

/// Lines that renderers add around embeds; they belong to the embed, not to the body.
const TWEET_CHROME: &[&str] = &[
    "view image on twitter",
    "view image on x",
    "twitter ads info and privacy",
    "embedded video",
    "see more tweets",
    "see the latest covid-19 information on twitter",
    "copy link to tweet",
    "read the full conversation on twitter",
    "read more on twitter",
    "show this thread",
    "watch on twitter",
    "watch on x",
    "view on twitter",
    "view on x",
];

static TWEET_CHROME_CHARS: LazyLock<usize> = LazyLock::new(|| TWEET_CHROME.iter().map(|p| p.chars().count()).max().unwrap_or(0));

static TWEET_CHROME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:see (?:.+?)'s other tweets|\d[\d.,]*[kKmM]?\s*(?:likes?|retweets?|replies|reply|people are talking about this)|(?:\d[\d.,]*[kKmM]?\s*)?people are talking about this|read \d[\d.,]*[kKmM]?\s+repl(?:y|ies)|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[-·]\s*.+\d{4})$",
    )
    .unwrap()
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://[^\s<>()\[\]]+|\bpic\.twitter\.com/[A-Za-z0-9]+|\bpic\.x\.com/[A-Za-z0-9]+)").unwrap()
});
static TCO_GLUED_PIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(https?://t\.co/[A-Za-z0-9]{10})(pic\.(?:twitter|x)\.com/[A-Za-z0-9]+)$").unwrap());
static HASHTAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^\w&/])(#\w*[^\W\d_]\w*)").unwrap());
static MENTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:^|[^\w/])@([A-Za-z0-9_]{1,15})\b").unwrap());
static STATUS_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:#!/)?(?:i/web/)?(\w+)/status(?:es)?/(\d{5,25})").unwrap()
});

/// The first link to a tweet in `text` ([`STATUS_URL`] whose handle has at most 15
/// characters; a longer run of word characters before `/status` is no handle).
fn status_url(text: &str) -> Option<regex::Captures<'_>> {
    STATUS_URL.captures_iter(text).find(|c| is_handle_length(&c[1]))
}

/// True for a line that is renderer noise around a tweet embed.
pub fn is_tweet_chrome(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let listed = if t.is_ascii() {
        TWEET_CHROME.iter().any(|p| p.eq_ignore_ascii_case(t))
    } else {
        // lowercasing never shortens a text in characters: longer lines cannot be a listed one
        t.chars().nth(*TWEET_CHROME_CHARS).is_none() && TWEET_CHROME.contains(&t.to_lowercase().as_str())
    };
    // every phrase of the pattern opens with a digit, `see `, `people`, `replying to ` or
    // `read ` (or a non-ASCII character, which `\d` and case folding may match)
    let opens = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let may_match = t.chars().next().is_some_and(|c| !c.is_ascii() || c.is_ascii_digit())
        || ["see ", "people", "replying to ", "read "].into_iter().any(opens);
    listed || (may_match && (TWEET_CHROME_RE.is_match(t) || REPLYING_TO.captures(t).is_some_and(|c| is_handle_length(&c[1]))))
}

/// `Replying to @a and @b`: the first handle is a whole run of word characters (a space or the
/// end follows it), of at most 15 of them. (Checked after the match: `\w{1,15}` costs as much
/// to compile as the rest of the module's patterns.)
static REPLYING_TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^replying to @(\w+)(?:\s+and\s+@?\w+)*$").unwrap());

/// Whether a tweet's date is all of `text` (but for a character or two after it).
fn is_whole_date(text: &str) -> bool {
    find_tweet_date(text).is_some_and(|f| f.end + 2 >= text.trim_end().len())
}

/// A line that is a link and nothing else (`https://t.co/x`, `pic.twitter.com/x`).
fn is_link_only(line: &str) -> bool {
    !line.contains(char::is_whitespace) && (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("pic.twitter.com/"))
}

/// Twitter handles have 1 to 15 characters.
fn is_handle_length(handle: &str) -> bool {
    handle.chars().nth(15).is_none()
}

/// A tweet found in the lines of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextTweet {
    /// 0-based index of the first line of the embed (text, or chrome before it).
    pub first_line: usize,
    /// 0-based index of the byline.
    pub byline_line: usize,
    /// 0-based index of the last line of the embed (the byline, or chrome after it).
    pub last_line: usize,
    pub tweet: Tweet,
}

fn indent_of(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\t' || *c == '\u{a0}').count()
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A byline written at the end of a text line ("… pic.twitter.com/x— Name (@handle) date"),
/// when the renderer did not break before it. Only with a real date, to stay strict.
static INLINE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[—–―]|&mdash;|&#8212;|\s-)\s*(?P<name>[^—–―()]{0,60}?(?:\([^()@]{0,40}\)[^—–―()]{0,30}?)?)\s*\(\s*@(?P<handle>[A-Za-z0-9_]{1,15})\s*\)\s*(?P<date>[^()]{4,40}?)\s*$").unwrap()
});

/// Twitter's length limit, by the tweet's day (140 before the switch to 280 in late 2017),
/// with a little slack for renderer differences.
fn length_budget(day: Option<chrono::NaiveDate>) -> usize {
    match day {
        Some(d) if d < chrono::NaiveDate::from_ymd_opt(2017, 9, 26).unwrap() => 150,
        _ => 290,
    }
}

/// Length of a tweet text as Twitter counts it: a link is 23, a media link (pic.twitter.com)
/// nothing, wide characters (CJK, emoji) 2.
fn weighted_len(text: &str) -> usize {
    let mut n = 0;
    let mut rest = text;
    while let Some(m) = URL.find(rest) {
        n += weighted_chars(&rest[..m.start()]);
        let u = m.as_str().to_ascii_lowercase();
        if !u.starts_with("pic.") && !u.contains("//pic.") {
            n += 23;
        }
        rest = &rest[m.end()..];
    }
    n + weighted_chars(rest)
}

fn weighted_chars(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115F).contains(&u) || (0x2E80..=0xA4CF).contains(&u) || (0xAC00..=0xD7A3).contains(&u) || (0xF900..=0xFAFF).contains(&u) || (0xFF00..=0xFF60).contains(&u) || u >= 0x1F000 {
                2
            } else if (0xFE00..=0xFE0F).contains(&u) || u == 0x200D {
                0
            } else {
                1
            }
        })
        .sum()
}

static LABEL_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\p{L}+)\s?:\s").unwrap());

/// A label opens the text (`Photo: `, `Video : `): a word of 2 to 15 letters and a colon.
fn has_label_prefix(t: &str) -> bool {
    LABEL_PREFIX.captures(t).is_some_and(|c| c[1].chars().nth(1).is_some() && c[1].chars().nth(15).is_none())
}
static EMOJI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}]").unwrap());
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:[•◦▪■□☆*·-]|\d{1,2}[.)])\s").unwrap());

/// Why a paragraph above a tweet's text cannot belong to the tweet, if it cannot.
fn stops_tweet(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(':') || t.ends_with('：') || BULLET.is_match(text) || BYLINE.is_match(text) || is_tweet_chrome(text)
}

/// Signs that a paragraph (above the last one of a tweet's text) is part of the tweet: tags,
/// mentions, links, emoji, a lower-case start, a long sentence without final punctuation (tweets
/// often end so), or a very short sentence.
fn looks_like_tweet_part(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if HASHTAG.is_match(t) || MENTION.is_match(t) || URL.is_match(t) || EMOJI.is_match(t) {
        return true;
    }
    if t.chars().next().is_some_and(|c| c.is_lowercase()) {
        return true;
    }
    let words = t.split_whitespace().count();
    let ends_sentence = t.ends_with(['.', '!', '?', '…', '"', '”', '’', '»', ')', '。', '！', '？']);
    if !ends_sentence && words >= 10 && !has_label_prefix(t) {
        return true;
    }
    ends_sentence && t.chars().count() <= 60 && words >= 2 && !has_label_prefix(t)
}

/// A run of non-blank lines above a byline.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    /// Bounded above by a blank line, the floor or embed chrome (not cut by an indentation change).
    bounded: bool,
}

/// The unit whose last line is `end`, going up to `floor`, in lines indented at least `min_indent`.
fn unit_ending_at(lines: &[&str], end: usize, floor: usize, min_indent: usize) -> Unit {
    let mut start = end;
    while start > floor {
        let l = lines[start - 1];
        if is_blank(l) || is_tweet_chrome(l) || BYLINE.is_match(l) {
            return Unit { start, end, bounded: true };
        }
        if indent_of(l) < min_indent {
            return Unit { start, end, bounded: false };
        }
        start -= 1;
    }
    Unit { start, end, bounded: true }
}

/// Joins the lines of a tweet text: wrapped lines with a space (or nothing inside a link that
/// the renderer broke), kept lines with a line break, units with a blank line.
fn join_lines(lines: &[&str], hard_wrapped: bool) -> String {
    let mut s = String::new();
    for l in lines {
        let l = l.trim();
        if s.is_empty() {
            s.push_str(l);
            continue;
        }
        if l.is_empty() {
            if !s.ends_with("\n\n") {
                s.push_str("\n\n");
            }
            continue;
        }
        if s.ends_with('\n') {
            s.push_str(l);
            continue;
        }
        let last_tok = s.rsplit(char::is_whitespace).next().unwrap_or("");
        let next_tok = l.split_whitespace().next().unwrap_or("");
        if hard_wrapped && url_continues(last_tok, next_tok) {
            s.push_str(l);
        } else {
            s.push(if hard_wrapped { ' ' } else { '\n' });
            s.push_str(l);
        }
    }
    s
}

static URL_PREFIX_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:https?://|(?:https?://)?(?:pic\.(?:twitter|x)\.com|t\.co)/)$").unwrap());
static URL_PATH_TAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^https?://\S+/$").unwrap());
static PATHLIKE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\w\-.~%]+(?:[/?=&#][\w\-.~%/?=&#]*)$").unwrap());

/// True when a renderer broke a link between `last` (end of a line) and `next` (start of the
/// next line): `https://` + `t.co/…`, `pic.twitter.com/` + `AbCdEf1234`, `…/path/` + `more/…`.
fn url_continues(last: &str, next: &str) -> bool {
    if next.is_empty() {
        return false;
    }
    if URL_PREFIX_ONLY.is_match(last) {
        return next.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    }
    URL_PATH_TAIL.is_match(last) && PATHLIKE.is_match(next)
}

/// Find the tweet embeds in the lines of a dump. `hard_wrapped` says whether the dump wraps
/// paragraphs over several lines. The text of a tweet is found above its byline, paragraph by
/// paragraph: the one right above always, the ones above it while they fit in a tweet's length
/// and look like parts of a tweet (blockquote indentation, tags, links, …); a paragraph ending
/// with a colon introduces the embed and stops it. `after_paragraph` is left at -1: the caller
/// knows the paragraphs.
/// Lines looked at on each side of a byline for the indentation of the text around it.
const INDENT_WINDOW: usize = 40;

/// Whether an `@` in the line follows a `(` (spaces between them allowed): both byline
/// patterns want one, and most lines, even with an `@`, have none.
fn has_paren_handle(line: &str) -> bool {
    line.match_indices('@').any(|(at, _)| line[..at].trim_end().ends_with('('))
}

pub fn find_text_tweets(lines: &[&str], hard_wrapped: bool) -> Vec<TextTweet> {
    let mut out: Vec<TextTweet> = Vec::new();
    // The indentation of most text lines around a byline: a tweet indented deeper is a
    // blockquote.
    // (Around it, not in the whole page: some renderers indent the article's column and not
    // the menus.)
    let body_indent = |i: usize| {
        let lo = i.saturating_sub(INDENT_WINDOW);
        let hi = (i + INDENT_WINDOW).min(lines.len());
        // the most common indentation (the smaller one on a tie)
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for l in lines[lo..hi].iter().filter(|l| !is_blank(l)) {
            let n = indent_of(l);
            match counts.iter_mut().find(|(k, _)| *k == n) {
                Some((_, c)) => *c += 1,
                None => counts.push((n, 1)),
            }
        }
        counts.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map_or(0, |(k, _)| *k)
    };
    for i in 0..lines.len() {
        let floor = out.last().map_or(0, |t| t.last_line + 1);
        if i < floor {
            continue;
        }
        let mut line = lines[i];
        // both byline forms have an `(@handle)`
        if !has_paren_handle(line) {
            continue;
        }
        // a byline wrapped by the renderer before the end of its date ("… (@jdoe) November" /
        // "18, 2019"), or with its date on the next line: read with its next line
        let joined;
        let mut byline_last = i;
        if i + 1 < lines.len() && !is_blank(lines[i + 1]) {
            if let Some(c) = BYLINE.captures(line) {
                let date = c.name("date").map_or("", |m| m.as_str());
                // (a date that does not parse, whether or not it passes for one; or no date, the
                // date a line of its own: dumps that put every element on a line of its own)
                if (hard_wrapped && !date.is_empty() && find_tweet_date(date).is_none()) || (date.is_empty() && is_whole_date(lines[i + 1].trim())) {
                    joined = format!("{} {}", line.trim_end(), lines[i + 1].trim());
                    let full_date = BYLINE.captures(&joined).and_then(|c| c.name("date").and_then(|d| find_tweet_date(d.as_str())));
                    if full_date.is_some() {
                        line = &joined;
                        byline_last = i + 1;
                    }
                }
            }
        }
        let (caps, inline_text) = match BYLINE.captures(line) {
            Some(c) if byline_date_ok(c.name("date").map_or("", |m| m.as_str())) => (c, None),
            Some(_) => continue,
            None => match INLINE_BYLINE.captures(line) {
                Some(c) if is_whole_date(&c["date"]) => {
                    let at = c.get(0).unwrap().start();
                    let before = line[..at].trim_end();
                    if before.trim().is_empty() {
                        continue;
                    }
                    (c, Some(before.to_string()))
                }
                _ => continue,
            },
        };
        let name = caps.name("name").map_or("", |m| m.as_str()).trim();
        let handle = caps["handle"].to_string();
        // (the date is the link to the tweet: renderers that underline links with `_` write
        // `November_1,_2019`, and no date has an underscore of its own)
        let date_part = caps.name("date").map_or("", |m| m.as_str()).trim().replace('_', " ");
        let found_date = find_tweet_date(&date_part);
        let budget = length_budget(found_date.as_ref().map(|f| f.date));
        let byline_indent = indent_of(line);
        let indented = byline_indent > body_indent(i);
        let min_indent = if indented { byline_indent } else { 0 };

        // The text, unit by unit upward.
        let mut parts: Vec<(usize, usize)> = Vec::new(); // line ranges, bottom first
        let mut text_len = 0usize;
        let mut text_start = i;
        if let Some(before) = &inline_text {
            text_len = weighted_len(before);
        }
        let mut k = i;
        let mut n_units = usize::from(inline_text.is_some());
        loop {
            // blank lines between units (at most two)
            let mut gap = 0;
            while k > floor && is_blank(lines[k - 1]) {
                k -= 1;
                gap += 1;
            }
            if k <= floor || gap > 2 {
                break;
            }
            let l = lines[k - 1];
            if is_tweet_chrome(l) || BYLINE.is_match(l) || indent_of(l) < min_indent {
                break;
            }
            let u = unit_ending_at(lines, k - 1, floor, min_indent);
            let unit_lines: Vec<&str> = lines[u.start..=u.end].to_vec();
            let unit_text = join_lines(&unit_lines, hard_wrapped);
            let ulen = weighted_len(&unit_text);
            let sep = if n_units == 0 { 0 } else { 2 };
            let fits = text_len + sep + ulen <= budget;
            if n_units == 0 && inline_text.is_none() {
                // The paragraph right above the byline.
                if stops_tweet(&unit_text) && (!indented || unit_text.trim_end().ends_with(':')) {
                    break;
                }
                if fits && (u.bounded || indented) || (u.start == u.end && !hard_wrapped && u.bounded) {
                    parts.push((u.start, u.end));
                    text_len += sep + ulen;
                    text_start = u.start;
                    n_units += 1;
                    k = u.start;
                    if !u.bounded {
                        break;
                    }
                    continue;
                }
                // Too long for a tweet: lines are paragraphs (unwrapped dumps without blank
                // lines) or the end of a wrapped paragraph. Take lines upward one by one.
                let mut j = u.end + 1;
                let mut taken = 0usize;
                // (only links so far: the text is on the line above, as dumps that put every
                // element on a line of its own write a tweet, its text then its link)
                let mut links_only = true;
                while j > u.start {
                    let cand = lines[j - 1].trim();
                    let clen = weighted_len(cand) + usize::from(taken > 0);
                    let first = taken == 0 || links_only;
                    links_only &= is_link_only(cand);
                    let ok = if hard_wrapped {
                        text_len + clen <= budget
                    } else {
                        first || (text_len + clen <= budget && looks_like_tweet_part(cand) && !stops_tweet(cand))
                    };
                    if !ok {
                        break;
                    }
                    text_len += clen;
                    taken += 1;
                    j -= 1;
                }
                if taken > 0 {
                    parts.push((j, u.end));
                    text_start = j;
                }
                break;
            }
            if !u.bounded && !indented {
                break;
            }
            if !fits || stops_tweet(&unit_text) {
                break;
            }
            // Once the text has two paragraphs, a short plain paragraph above may still be its start.
            let evidence = looks_like_tweet_part(&unit_text) || (indented && u.bounded) || (n_units >= 2 && unit_text.chars().count() <= 120);
            if !evidence {
                break;
            }
            parts.push((u.start, u.end));
            text_len += sep + ulen;
            text_start = u.start;
            n_units += 1;
            k = u.start;
            if !u.bounded {
                break;
            }
        }
        let mut text_lines: Vec<&str> = Vec::new();
        if let Some((s, _)) = parts.last() {
            text_lines.extend(lines[*s..parts[0].1 + 1].iter().copied());
        }
        if let Some(before) = &inline_text {
            text_lines.push(before.as_str());
        }
        let raw_text = join_lines(&text_lines, hard_wrapped);
        // Nothing that looks like a tweet and no date: an author signature with a handle, not an embed.
        if found_date.is_none() && (raw_text.trim().is_empty() || text_len > budget) {
            continue;
        }
        let mut tweet = parse_tweet_text(&raw_text);
        tweet.author_name = (!name.is_empty()).then(|| name.to_string());
        tweet.handle = Some(handle);
        if let Some(f) = &found_date {
            tweet.published = Some(f.date);
            tweet.published_text = Some(f.text.clone());
        } else if !date_part.is_empty() {
            tweet.published_text = Some(date_part.clone());
        }
        tweet.after_paragraph = -1;
        // Renderer noise right before the text or after the byline belongs to the embed.
        let mut first = if inline_text.is_some() && parts.is_empty() { i } else { text_start };
        while first > floor {
            let prev = lines[first - 1];
            // chrome right above, or above a blank line
            if is_tweet_chrome(prev) || (is_blank(prev) && first >= floor + 2 && is_tweet_chrome(lines[first - 2])) {
                first -= 1;
            } else {
                break;
            }
        }
        let mut last = byline_last;
        let mut k = byline_last + 1;
        while k < lines.len() {
            if is_tweet_chrome(lines[k]) {
                last = k;
                k += 1;
            } else if is_blank(lines[k]) {
                k += 1;
            } else {
                break;
            }
        }
        out.push(TextTweet { first_line: first, byline_line: i, last_line: last, tweet });
    }
    out
}

/// The date part of a byline line: empty, a date, or something short that reads like one.
fn byline_date_ok(date: &str) -> bool {
    let d = date.trim();
    if d.is_empty() || find_tweet_date(d).is_some() {
        return true;
    }
    d.chars().any(|c| c.is_numeric()) && d.split_whitespace().count() <= 5 && d.chars().count() <= 32
}

fn full_url(u: &str) -> String {
    if u.to_ascii_lowercase().starts_with("http") {
        u.to_string()
    } else {
        format!("https://{u}")
    }
}

/// Split a tweet's text into the text proper (without the trailing links that point back to
/// the tweet or its media), its links, hashtags and mentions.
pub fn parse_tweet_text(raw: &str) -> Tweet {
    let mut links: Vec<String> = Vec::new();
    for m in URL.find_iter(raw) {
        let u = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '»', '"', '\'']);
        if let Some(c) = TCO_GLUED_PIC.captures(u) {
            links.push(full_url(&c[1]));
            links.push(full_url(&c[2]));
        } else {
            links.push(full_url(u));
        }
    }
    // Trailing t.co / pic links are the tweet's own media and short links: strip them from
    // the text, like the tweet's own display does.
    let mut text = raw.trim().to_string();
    loop {
        let trimmed = text.trim_end();
        // (after the last whitespace character, which may be wider than a byte: a no-break space)
        let last_word_start = trimmed.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(p, c)| p + c.len_utf8());
        let last = &trimmed[last_word_start..];
        let lower = last.to_ascii_lowercase();
        let is_self_link = lower.starts_with("https://t.co/")
            || lower.starts_with("http://t.co/")
            || lower.starts_with("pic.twitter.com/")
            || lower.starts_with("pic.x.com/");
        if is_self_link && last_word_start > 0 {
            text = trimmed[..last_word_start].trim_end().to_string();
        } else {
            break;
        }
    }
    let mut hashtags: Vec<String> = Vec::new();
    for c in HASHTAG.captures_iter(&text) {
        let h = c[1].to_string();
        if !hashtags.contains(&h) {
            hashtags.push(h);
        }
    }
    let mut mentions: Vec<String> = Vec::new();
    for c in MENTION.captures_iter(&text) {
        let m = format!("@{}", &c[1]);
        if !mentions.contains(&m) {
            mentions.push(m);
        }
    }
    let mut status_id = None;
    let mut url = None;
    for l in &links {
        if let Some(c) = status_url(l) {
            status_id = Some(c[2].to_string());
            url = Some(l.clone());
        }
    }
    links.dedup();
    Tweet { text, links, hashtags, mentions, status_id, url, ..Tweet::default() }
}

/// Tweets embedded in an HTML document (`blockquote.twitter-tweet` and `twitter-video`, with or
/// without the widgets script, also inside `<noscript>`, AMP's `amp-twitter`, and rendered
/// widgets that only keep `data-tweet-id`), harvested from the raw DOM, in document order, one
/// per status.
pub fn html_tweets(doc: &scraper::Html) -> Vec<Tweet> {
    static SEL: LazyLock<scraper::Selector> = LazyLock::new(|| {
        scraper::Selector::parse("blockquote.twitter-tweet, blockquote.twitter-video, amp-twitter[data-tweetid], [data-tweet-id], noscript").unwrap()
    });
    let mut out: Vec<Tweet> = Vec::new();
    for el in doc.select(&SEL) {
        if el.value().name() != "noscript" {
            harvest_one(el, &mut out);
            continue;
        }
        // With scripting enabled, html5ever keeps the content of <noscript> as text: parse it
        // again, in place, so that document order is kept.
        if el.children().any(|c| c.value().is_element()) {
            continue;
        }
        let inner: String = el.text().collect();
        let lower = inner.to_ascii_lowercase();
        if lower.contains("twitter-tweet") || lower.contains("twitter-video") || lower.contains("tweet") {
            let frag = scraper::Html::parse_fragment(&inner);
            harvest(frag.root_element(), &mut out);
        }
    }
    out
}

/// Adds `t` unless the same status is already there (then keeps the richer of the two).
fn merge_tweet(out: &mut Vec<Tweet>, t: Tweet) {
    if let Some(id) = &t.status_id {
        if let Some(old) = out.iter_mut().find(|o| o.status_id.as_ref() == Some(id)) {
            if old.text.is_empty() && old.handle.is_none() {
                *old = t;
            }
            return;
        }
    }
    out.push(t);
}

fn harvest(root: scraper::ElementRef, out: &mut Vec<Tweet>) {
    static SEL: LazyLock<scraper::Selector> = LazyLock::new(|| {
        scraper::Selector::parse("blockquote.twitter-tweet, blockquote.twitter-video, amp-twitter[data-tweetid], [data-tweet-id]").unwrap()
    });
    for el in root.select(&SEL) {
        harvest_one(el, out);
    }
}

fn harvest_one(el: scraper::ElementRef, out: &mut Vec<Tweet>) {
    {
        let name = el.value().name();
        // A placeholder blockquote inside amp-twitter, or a widget inside a blockquote, is the same tweet.
        if name == "blockquote" {
            let mut t = blockquote_tweet(el);
            if t.status_id.is_none() {
                // AMP's placeholder: the status is the enclosing amp-twitter's.
                let amp = el.ancestors().filter_map(scraper::ElementRef::wrap).find_map(|a| a.value().attr("data-tweetid"));
                if let Some(id) = amp.map(str::trim).filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())) {
                    t.status_id = Some(id.to_string());
                    t.url = Some(format!("https://twitter.com/i/status/{id}"));
                }
            }
            merge_tweet(out, t);
            return;
        }
        let id = el.value().attr("data-tweetid").or_else(|| el.value().attr("data-tweet-id")).unwrap_or("").trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        merge_tweet(
            out,
            Tweet {
                url: Some(format!("https://twitter.com/i/status/{id}")),
                status_id: Some(id.to_string()),
                after_paragraph: -1,
                ..Tweet::default()
            },
        );
    }
}

/// Text of an element with `<br>` as line breaks and `<p>` as paragraphs.
fn element_text(el: scraper::ElementRef, out: &mut String) {
    use scraper::node::Node;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if e.name() == "br" {
                    out.push('\n');
                } else if matches!(e.name(), "script" | "style" | "template") {
                } else if let Some(c) = scraper::ElementRef::wrap(child) {
                    let block = matches!(e.name(), "p" | "div");
                    if block && !out.is_empty() && !out.ends_with("\n\n") {
                        out.push_str("\n\n");
                    }
                    element_text(c, out);
                    if block {
                        out.push_str("\n\n");
                    }
                }
            }
            _ => {}
        }
    }
}

/// Collapses spaces inside lines and trims them; keeps line breaks, at most one blank line.
fn tidy_text(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&l);
    }
    out
}

fn blockquote_tweet(el: scraper::ElementRef) -> Tweet {
    static A: LazyLock<scraper::Selector> = LazyLock::new(|| scraper::Selector::parse("a[href]").unwrap());
    static P: LazyLock<scraper::Selector> = LazyLock::new(|| scraper::Selector::parse("p").unwrap());
    // The paragraphs of the text; some sites wrap the byline in a <p> of its own.
    let ps: Vec<scraper::ElementRef> = el
        .select(&P)
        .filter(|p| {
            let t = p.text().collect::<Vec<_>>().join(" ");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            !t.is_empty() && !BYLINE.is_match(&t)
        })
        .collect();
    let mut raw = String::new();
    if ps.is_empty() {
        // No paragraph: the text is what stands before the byline's dash.
        let mut all = String::new();
        element_text(el, &mut all);
        let cut = all.rfind(['—', '–']).unwrap_or(all.len());
        raw.push_str(&all[..cut]);
    } else {
        for p in &ps {
            if !raw.is_empty() {
                raw.push_str("\n\n");
            }
            element_text(*p, &mut raw);
        }
    }
    let text = tidy_text(&raw);
    let mut tweet = parse_tweet_text(&text);
    // The tweet's language, as the embed code writes it (`<p lang="fr">`, or on the blockquote).
    tweet.lang = ps
        .iter()
        .find_map(|p| p.value().attr("lang"))
        .or_else(|| el.value().attr("lang"))
        .or_else(|| el.value().attr("data-lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.len() <= 16 && *l != "und")
        .map(str::to_string);
    // Links with their hrefs, as written in the tweet's text.
    let scope: Vec<scraper::ElementRef> = if ps.is_empty() { vec![el] } else { ps.clone() };
    let mut links: Vec<String> = Vec::new();
    for p in &scope {
        for a in p.select(&A) {
            let h = a.value().attr("href").unwrap_or("").trim();
            if h.is_empty() || status_url(h).is_some() && ps.is_empty() {
                continue;
            }
            let u = full_url(h);
            if !links.contains(&u) {
                links.push(u);
            }
        }
    }
    if !links.is_empty() || !ps.is_empty() {
        tweet.links = links;
    }
    // The status link: the last link to a status (the date, in the byline).
    let mut date_text = None;
    for a in el.select(&A) {
        let h = a.value().attr("href").unwrap_or("");
        if let Some(c) = status_url(h) {
            tweet.status_id = Some(c[2].to_string());
            let clean = h.split(['?', '#']).next().unwrap_or(h);
            tweet.url = Some(full_url(clean));
            if !c[1].eq_ignore_ascii_case("i") && !c[1].eq_ignore_ascii_case("web") {
                tweet.handle = Some(c[1].to_string());
            }
            date_text = Some(a.text().collect::<String>());
        }
    }
    // The byline: what follows the text, "— Name (@handle) date".
    let mut all = String::new();
    element_text(el, &mut all);
    let tail = match all.rfind(['—', '–', '―']) {
        Some(pos) => all[pos..].split_whitespace().collect::<Vec<_>>().join(" "),
        None => String::new(),
    };
    if let Some(c) = BYLINE.captures(&tail) {
        let name = c["name"].trim();
        tweet.author_name = (!name.is_empty()).then(|| name.to_string());
        tweet.handle = Some(c["handle"].to_string());
        if date_text.is_none() {
            date_text = Some(c["date"].to_string());
        }
    }
    if let Some(d) = date_text.as_deref().and_then(find_tweet_date) {
        tweet.published = Some(d.date);
        tweet.published_text = Some(d.text);
    }
    tweet.after_paragraph = -1;
    tweet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_have_at_most_fifteen_characters() {
        assert!(is_tweet_chrome("Replying to @abcdefghijklmno"));
        assert!(is_tweet_chrome("replying to @jdoe and @other_one"));
        assert!(!is_tweet_chrome("Replying to @abcdefghijklmnop"));
        let url = "see https://twitter.com/abcdefghijklmnop/status/123456789 and https://twitter.com/jdoe/status/987654321";
        assert_eq!(status_url(url).map(|c| c[2].to_string()).as_deref(), Some("987654321"));
        assert!(has_label_prefix("Photo: a view of the harbour"));
        assert!(!has_label_prefix("P: a view of the harbour"));
        assert!(!has_label_prefix("Abcdefghijklmnop: a view of the harbour"));
    }

    #[test]
    fn seed_style_tweet_with_glued_links() {
        let lines = vec![
            "Un paragraphe avant le tweet, assez long pour être du texte.",
            "Après l'avoir fait sur Facebook, #Daesh vend ses esclaves sexuelles sur WhatsApp et Telegram https://t.co/Fdc7p4ANeppic.twitter.com/24j897hVt7",
            "— RT France (@RTenfrancais) 7 juillet 2016",
            "La suite.",
        ];
        let t = find_text_tweets(&lines, false);
        assert_eq!(t.len(), 1);
        let tw = &t[0].tweet;
        assert_eq!(t[0].first_line, 1, "in an unwrapped dump the tweet is the one line above");
        // hard-wrapped: the body line above would make the text longer than a 2016 tweet
        assert_eq!(find_text_tweets(&lines, true)[0].first_line, 1);
        assert_eq!(tw.handle.as_deref(), Some("RTenfrancais"));
        assert_eq!(tw.author_name.as_deref(), Some("RT France"));
        assert_eq!(tw.published.unwrap().to_string(), "2016-07-07");
        assert_eq!(tw.published_text.as_deref(), Some("7 juillet 2016"));
        assert_eq!(tw.links, ["https://t.co/Fdc7p4ANep", "https://pic.twitter.com/24j897hVt7"]);
        assert_eq!(tw.hashtags, ["#Daesh"]);
    }

    #[test]
    fn a_no_break_space_before_the_last_word_is_no_trouble() {
        let t = parse_tweet_text("Storm warning for the coast tonight\u{a0}https://t.co/AAAAAAAAAA");
        assert_eq!(t.text, "Storm warning for the coast tonight");
        let t = parse_tweet_text("Bonne nuit\u{a0}!");
        assert_eq!(t.text, "Bonne nuit\u{a0}!");
    }

    #[test]
    fn tweet_text_parsing() {
        let t = parse_tweet_text("Hello @bob and @bob, see #tag #tag2 #tag https://example.com/x. https://t.co/abcdefghij");
        assert_eq!(t.text, "Hello @bob and @bob, see #tag #tag2 #tag https://example.com/x.");
        assert_eq!(t.mentions, ["@bob"]);
        assert_eq!(t.hashtags, ["#tag", "#tag2"]);
        assert_eq!(t.links, ["https://example.com/x", "https://t.co/abcdefghij"]);
    }

    #[test]
    fn bylines_in_many_forms() {
        for (line, handle, day) in [
            ("— Jane Doe (@jane) July 7, 2016", "jane", Some("2016-07-07")),
            ("– Anna Berger (@anna_b) 7. Juli 2016", "anna_b", Some("2016-07-07")),
            ("- Lucía (@lucia) 7 de julio de 2016", "lucia", Some("2016-07-07")),
            ("&mdash; Marco (@marco) 7 luglio 2016", "marco", Some("2016-07-07")),
            ("— João (@joao) 7 de julho de 2016", "joao", Some("2016-07-07")),
            ("— Piet (@piet) 7 juli 2016", "piet", Some("2016-07-07")),
            ("— 山田 (@yamada) 2016年7月7日", "yamada", Some("2016-07-07")),
            ("— Team 🚀 (Official) (@team) ", "team", None),
            // the date as a link underlined with underscores (Debian's html2text)
            ("     — Josh Apte (@josh_apte) November_3,_2019", "josh_apte", Some("2019-11-03")),
        ] {
            let lines = vec!["Some tweet text here", line];
            let t = find_text_tweets(&lines, false);
            assert_eq!(t.len(), 1, "{line}");
            assert_eq!(t[0].tweet.handle.as_deref(), Some(handle), "{line}");
            assert_eq!(t[0].tweet.published.map(|d| d.to_string()).as_deref(), day, "{line}");
        }
        let t = find_text_tweets(&["Some tweet", "— Team 🚀 (Official) (@team) "], false);
        assert_eq!(t[0].tweet.author_name.as_deref(), Some("Team 🚀 (Official)"));
    }

    #[test]
    fn indented_multiline_tweet_with_blank_line_and_chrome() {
        let lines = vec![
            "Body paragraph that is long enough to be text.",
            "It goes on over a second line of the dump.",
            "",
            "    First line of the tweet that wraps",
            "    onto a second line https://t.co/AAAAAAAAAA",
            "",
            "    — Robert (@rob) November 18, 2019",
            "",
            "See Robert's other Tweets",
            "Next paragraph.",
            "And another one.",
        ];
        let t = find_text_tweets(&lines, true);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_line, 3);
        assert_eq!(t[0].last_line, 8);
        assert_eq!(t[0].tweet.text, "First line of the tweet that wraps onto a second line");
    }

    #[test]
    fn a_byline_wrapped_inside_its_date_is_read_with_its_next_line() {
        let lines = vec![
            "Body paragraph that is long enough to be text and wraps",
            "onto the next line of the narrow dump.",
            "",
            "    Yes this is real and the state spent half a",
            "    million dollars on it: https://t.co/AAAAAAAAAA",
            "",
            "    — Dana Example 🏳️ (@danaexample) November",
            "    18, 2019",
            "",
            "Next paragraph.",
        ];
        let t = find_text_tweets(&lines, true);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_line, t[0].last_line), (3, 7));
        assert_eq!(t[0].tweet.handle.as_deref(), Some("danaexample"));
        assert_eq!(t[0].tweet.published.unwrap().to_string(), "2019-11-18");
        assert_eq!(t[0].tweet.text, "Yes this is real and the state spent half a million dollars on it:");
    }

    #[test]
    fn a_tweet_written_element_by_element_is_read_with_its_text_and_date() {
        // every element on a line of its own (`get_text("\n")`): the text, its link, the
        // byline, and the date (the tweet's link) on the next line
        let lines = vec![
            "One campaign video showed people from across the state declaring the slogan to the camera, and some readers argued online that the promotional material made it look as if those in it were on the drug themselves.",
            "Another reader wondered why the state bothered to register the slogan at all.",
            "I love that they registered it. Don't worry, nobody is going to take your slogan.",
            "https://t.co/AAAAAAAAAA",
            "— Dana Example (@danaexample)",
            "November 18, 2019",
            "The campaign comes as the state struggles with a rising rate of drug use.",
        ];
        let t = find_text_tweets(&lines, false);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!((t[0].first_line, t[0].byline_line, t[0].last_line), (2, 4, 5));
        assert_eq!(t[0].tweet.published.unwrap().to_string(), "2019-11-18");
        assert_eq!(t[0].tweet.text, "I love that they registered it. Don't worry, nobody is going to take your slogan.");
        assert_eq!(t[0].tweet.links, ["https://t.co/AAAAAAAAAA"]);
    }

    #[test]
    fn a_tweet_in_an_indented_article_column_is_not_a_blockquote() {
        // a layout renderer indents the article's column (20 spaces) and not the menus: the
        // tweet is as indented as the paragraphs around it, so only its own paragraph is its text
        // (a long menu far above the article makes the page's usual indentation 0)
        let mut lines: Vec<String> = (0..60).map(|k| format!("Section {k}")).collect();
        lines.extend(std::iter::repeat_n(String::new(), INDENT_WINDOW));
        let col = |s: &str| format!("{}{s}", " ".repeat(20));
        for p in [
            "The state launched its campaign against the drug on Monday, with ads on television and online.",
            "",
            "The campaign cost the state about half a million dollars, according to the local paper.",
            "",
            "“If we were any higher, we’d be in orbit,” one user quipped.",
            "",
            "Another wondered why the state bothered to register the slogan at all.",
            "",
            "I love that they registered it. Don't worry, no one is going to take your slogan. https://t.co/XPxUJuyIAC",
            "",
            "— Robert Example (@robexample) November 18, 2019",
            "",
            "The latest campaign comes as the state struggles with the problem, officials said.",
        ] {
            lines.push(if p.is_empty() { String::new() } else { col(p) });
        }
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let t = find_text_tweets(&refs, false);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].tweet.text, "I love that they registered it. Don't worry, no one is going to take your slogan.");
    }

    #[test]
    fn html_blockquote() {
        let html = r#"<html><body><p>x</p><blockquote class="twitter-tweet" lang="en"><p lang="en" dir="ltr">Big news <a href="https://twitter.com/hashtag/tag?src=hash">#tag</a> <a href="https://t.co/abcdefghij">pic.twitter.com/abcdefghij</a></p>&mdash; Jane Doe (@jane) <a href="https://twitter.com/jane/status/1196540095848996871?ref_src=twsrc">November 18, 2019</a></blockquote></body></html>"#;
        let doc = scraper::Html::parse_document(html);
        let t = html_tweets(&doc);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].status_id.as_deref(), Some("1196540095848996871"));
        assert_eq!(t[0].handle.as_deref(), Some("jane"));
        assert_eq!(t[0].author_name.as_deref(), Some("Jane Doe"));
        assert_eq!(t[0].text, "Big news #tag");
        assert_eq!(t[0].lang.as_deref(), Some("en"));
        assert_eq!(t[0].published.unwrap().to_string(), "2019-11-18");
    }
    fn body(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Body paragraph number {i} of the story tells what happened next in the town and who said what about it to the reporters.")).collect()
    }

    /// The tweets found in a dump of `before` body paragraphs, the `embed` lines, then `after`
    /// body paragraphs.
    fn tweets_between(before: usize, embed: &[&str], after: usize, hard_wrapped: bool) -> Vec<TextTweet> {
        let mut lines = body(before);
        lines.extend(embed.iter().map(|l| l.to_string()));
        lines.extend(body(after));
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        find_text_tweets(&refs, hard_wrapped)
    }

    #[test]
    fn unindented_multi_paragraph_tweet_stops_at_intro_colon() {
        let embed = [
            "He posted this on Twitter:",
            "",
            "Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states",
            "",
            "I urge all Delhiites to use them whenever needed pic.twitter.com/MYwRz9euaq",
            "",
            "— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019",
            "",
        ];
        let t = tweets_between(3, &embed, 2, false);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_line, 5);
        assert_eq!(
            t[0].tweet.text,
            "Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states\n\nI urge all Delhiites to use them whenever needed"
        );
        assert_eq!(t[0].tweet.links, ["https://pic.twitter.com/MYwRz9euaq"]);
    }

    #[test]
    fn body_paragraph_above_a_single_paragraph_tweet_stays_body() {
        let embed = [
            "",
            "Another wondered why the state bothered to trademark the tagline in the first place.",
            "",
            "I love that they trademarked it. https://t.co/XPxUJuyIAC",
            "",
            "— Robert Maguire (@RobertMaguire_) November 18, 2019",
        ];
        let t = tweets_between(3, &embed, 0, false);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].tweet.text, "I love that they trademarked it.");
        assert_eq!(t[0].first_line, 6);
    }

    #[test]
    fn hard_wrapped_tweet_with_links_broken_by_the_renderer() {
        let embed = [
            "",
            "    The 9to5Mac BundleHunt delivers over 40 top apps from just $1 each https://",
            "    t.co/y5Wn5UBP8S by @trevorjd14 and more pic.twitter.com/",
            "    cLT72XQfD3",
            "",
            "    — 9to5Mac.com (@9to5mac) November 4, 2019",
            "",
        ];
        let t = tweets_between(4, &embed, 3, true);
        assert_eq!(t.len(), 1);
        let tw = &t[0].tweet;
        assert_eq!(tw.text, "The 9to5Mac BundleHunt delivers over 40 top apps from just $1 each https://t.co/y5Wn5UBP8S by @trevorjd14 and more");
        assert_eq!(tw.links, ["https://t.co/y5Wn5UBP8S", "https://pic.twitter.com/cLT72XQfD3"]);
        assert_eq!(tw.mentions, ["@trevorjd14"]);
    }

    #[test]
    fn indented_tweet_inside_a_list_item_keeps_the_item_out() {
        let embed = [
            "",
            "  • This was an amazing game for Joe Schobert, who filled up the stat sheet in",
            "    impressive fashion. Take a look at what PFF said about his performance:",
            "",
            "    The #Browns highest-graded player* on defense vs. #Steelers was Joe",
            "    Schobert, with an elite 93.2 defensive grade.",
            "",
            "    *min. 25 snaps pic.twitter.com/PQqbN51wBW",
            "",
            "    — PFF CLE Browns (@PFF_Browns) November 15, 2019",
            "",
        ];
        let t = tweets_between(4, &embed, 3, true);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_line, 8);
        assert_eq!(t[0].tweet.text, "The #Browns highest-graded player* on defense vs. #Steelers was Joe Schobert, with an elite 93.2 defensive grade.\n\n*min. 25 snaps");
        assert_eq!(t[0].tweet.hashtags, ["#Browns", "#Steelers"]);
    }

    #[test]
    fn byline_glued_to_the_text_line_and_rtl_text() {
        let lines = vec![
            "مرحبا بالعالم #خبر https://t.co/AbCdEfGhIj— قناة الأخبار (@news_ar) ٧ يوليو ٢٠١٦",
        ];
        let t = find_text_tweets(&lines, false);
        assert_eq!(t.len(), 1);
        let tw = &t[0].tweet;
        assert_eq!(tw.text, "مرحبا بالعالم #خبر");
        assert_eq!(tw.hashtags, ["#خبر"]);
        assert_eq!(tw.author_name.as_deref(), Some("قناة الأخبار"));
        assert_eq!(tw.published.unwrap().to_string(), "2016-07-07");
    }

    #[test]
    fn glued_tco_and_pic_links_are_split_and_chrome_is_part_of_the_embed() {
        let lines = vec![
            "View image on Twitter",
            "Prêtre égorgé : les deux #jihadistes se sont rencontrés https://t.co/kSjwgEfGKtpic.twitter.com/eRQCRex5Zz",
            "— RT France (@RTenfrancais) 31 juillet 2016",
            "1,234 people are talking about this",
            "Twitter Ads info and privacy",
            "4:37 PM · Nov 18, 2019",
            "Replying to @bob",
        ];
        let t = find_text_tweets(&lines, false);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].first_line, t[0].last_line), (0, 6));
        assert!(!is_tweet_chrome("Replying to the critics, the mayor said more."));
        assert_eq!(t[0].tweet.links, ["https://t.co/kSjwgEfGKt", "https://pic.twitter.com/eRQCRex5Zz"]);
    }

    #[test]
    fn no_tweet_without_a_byline_and_no_signature_taken_for_a_tweet() {
        let embed = ["- Jane Doe (@janedoe) is a reporter who covers the city council.", "Follow us on Twitter @paper and on Facebook."];
        assert!(tweets_between(5, &embed, 0, false).is_empty());
    }

    #[test]
    fn html_noscript_amp_video_and_x_com() {
        let html = r#"<html><body>
        <noscript><blockquote class="twitter-tweet"><p lang="fr">Bonjour<br>le monde <a href="https://t.co/abcdefghij">https://t.co/abcdefghij</a></p>&mdash; Le Monde (@lemondefr) <a href="https://x.com/lemondefr/status/111111111111?s=20">7 juillet 2016</a></blockquote></noscript>
        <blockquote class="twitter-video" data-status="hidden"><p>Watch this <a href="https://twitter.com/hashtag/clip?src=hash">#clip</a> <a href="https://t.co/zzzzzzzzzz">pic.twitter.com/zzzzzzzzzz</a></p>— Video Maker 🎬 (@vid) <a href="https://twitter.com/vid/status/222222222222">July 8, 2016</a></blockquote>
        <amp-twitter width="375" height="472" layout="responsive" data-tweetid="333333333333"></amp-twitter>
        <amp-twitter data-tweetid="222222222222"><blockquote placeholder class="twitter-tweet"><p>Watch this</p></blockquote></amp-twitter>
        </body></html>"#;
        let doc = scraper::Html::parse_document(html);
        let t = html_tweets(&doc);
        let ids: Vec<&str> = t.iter().filter_map(|t| t.status_id.as_deref()).collect();
        assert_eq!(ids, ["111111111111", "222222222222", "333333333333"], "document order, one per status");
        let fr = &t[0];
        assert_eq!(fr.text, "Bonjour\nle monde");
        assert_eq!(fr.handle.as_deref(), Some("lemondefr"));
        assert_eq!(fr.author_name.as_deref(), Some("Le Monde"));
        assert_eq!(fr.url.as_deref(), Some("https://x.com/lemondefr/status/111111111111"));
        assert_eq!(fr.published.unwrap().to_string(), "2016-07-07");
        let v = &t[1];
        assert_eq!(v.author_name.as_deref(), Some("Video Maker 🎬"));
        assert_eq!(v.links, ["https://twitter.com/hashtag/clip?src=hash", "https://t.co/zzzzzzzzzz"]);
        assert_eq!(v.hashtags, ["#clip"]);
    }
}
