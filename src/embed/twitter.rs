//! Tweets flattened into text dumps, and tweet embeds in HTML.
//!
//! In a dump an embed is the tweet's text (one or more lines) followed by a byline
//! `— Name (@handle) date`, possibly with renderer noise around it ("View image on Twitter").

use std::sync::LazyLock;

use regex::Regex;

use crate::meta::dates::find_date;
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
];

static TWEET_CHROME_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:see (?:.+?)'s other tweets|\d[\d.,]*[kKmM]?\s*(?:likes?|retweets?|replies|reply|people are talking about this)|(?:\d[\d.,]*[kKmM]?\s*)?people are talking about this|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*-\s*.+\d{4})$",
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
    Regex::new(r"(?i)https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:#!/)?(\w{1,15})/status(?:es)?/(\d{5,25})").unwrap()
});

/// True for a line that is renderer noise around a tweet embed.
pub fn is_tweet_chrome(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    TWEET_CHROME.contains(&lower.as_str()) || TWEET_CHROME_RE.is_match(t)
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
    line.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

/// Find the tweet embeds in the lines of a dump. `hard_wrapped` says whether the dump wraps
/// paragraphs over several lines (then the tweet text is the whole run of lines above the
/// byline); in an unwrapped dump every line is a paragraph, and the text is the one line above
/// (or the indented lines above, for a blockquote). `after_paragraph` is left at -1: the
/// caller knows the paragraphs.
pub fn find_text_tweets(lines: &[&str], hard_wrapped: bool) -> Vec<TextTweet> {
    let mut out: Vec<TextTweet> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = BYLINE.captures(line) else { continue };
        let byline_indent = indent_of(line);
        // The text: the non-blank lines right above the byline (blank lines between text and
        // byline are skipped). When the byline is indented (a blockquote), every line above
        // at that indentation belongs to the tweet, blank lines included.
        let floor = out.last().map_or(0, |t| t.last_line + 1);
        let mut j = i;
        while j > floor && lines[j - 1].trim().is_empty() {
            j -= 1;
        }
        let text_end = j;
        while j > floor {
            let l = lines[j - 1];
            if l.trim().is_empty() {
                if byline_indent > 0 && j >= floor + 2 && indent_of(lines[j - 2]) >= byline_indent && !lines[j - 2].trim().is_empty() {
                    j -= 1;
                    continue;
                }
                break;
            }
            if byline_indent > 0 && indent_of(l) < byline_indent {
                break;
            }
            if is_tweet_chrome(l) || BYLINE.is_match(l) {
                break;
            }
            j -= 1;
            if byline_indent == 0 && !hard_wrapped {
                break;
            }
        }
        let text_start = j;
        let text_lines: Vec<&str> =
            lines[text_start..text_end].iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
        let raw_text = join_wrapped(&text_lines);
        let mut tweet = parse_tweet_text(&raw_text);
        let name = c.name("name").map_or("", |m| m.as_str()).trim();
        tweet.author_name = (!name.is_empty()).then(|| name.to_string());
        tweet.handle = Some(c["handle"].to_string());
        let date_part = c.name("date").map_or("", |m| m.as_str());
        if let Some(f) = find_date(date_part) {
            tweet.published = Some(f.date);
            tweet.published_text = Some(f.text);
        } else if !date_part.trim().is_empty() {
            tweet.published_text = Some(date_part.trim().to_string());
        }
        tweet.after_paragraph = -1;
        // Renderer noise right before the text or after the byline belongs to the embed.
        let mut first = text_start;
        while first > floor && (is_tweet_chrome(lines[first - 1]) || lines[first - 1].trim().is_empty()) {
            if lines[first - 1].trim().is_empty() && !(first >= floor + 2 && is_tweet_chrome(lines[first - 2])) {
                break;
            }
            first -= 1;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < lines.len() {
            if is_tweet_chrome(lines[k]) {
                last = k;
                k += 1;
            } else if lines[k].trim().is_empty() {
                k += 1;
            } else {
                break;
            }
        }
        out.push(TextTweet { first_line: first, byline_line: i, last_line: last, tweet });
    }
    out
}

/// Joins the lines of a wrapped tweet text with spaces.
fn join_wrapped(lines: &[&str]) -> String {
    let mut s = String::new();
    for l in lines {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(l);
    }
    s
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
        let last_word_start = trimmed.rfind(char::is_whitespace).map_or(0, |p| p + 1);
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
        if let Some(c) = STATUS_URL.captures(l) {
            status_id = Some(c[2].to_string());
            url = Some(l.clone());
        }
    }
    links.dedup();
    Tweet { text, links, hashtags, mentions, status_id, url, ..Tweet::default() }
}

/// Tweets embedded in an HTML document (`blockquote.twitter-tweet` and `twitter-video`,
/// also inside `<noscript>`, and AMP's `amp-twitter`), harvested from the raw DOM.
pub fn html_tweets(doc: &scraper::Html) -> Vec<Tweet> {
    static SEL: LazyLock<scraper::Selector> = LazyLock::new(|| {
        scraper::Selector::parse("blockquote.twitter-tweet, blockquote.twitter-video, amp-twitter[data-tweetid]").unwrap()
    });
    static A: LazyLock<scraper::Selector> = LazyLock::new(|| scraper::Selector::parse("a[href]").unwrap());
    static P: LazyLock<scraper::Selector> = LazyLock::new(|| scraper::Selector::parse("p").unwrap());
    let mut out = Vec::new();
    for el in doc.select(&SEL) {
        if el.value().name() == "amp-twitter" {
            let id = el.value().attr("data-tweetid").unwrap_or("").trim().to_string();
            if id.is_empty() {
                continue;
            }
            let t = Tweet {
                url: Some(format!("https://twitter.com/i/status/{id}")),
                status_id: Some(id),
                after_paragraph: -1,
                ..Tweet::default()
            };
            out.push(t);
            continue;
        }
        let text: String = match el.select(&P).next() {
            Some(p) => p.text().collect(),
            None => el.text().collect(),
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut tweet = parse_tweet_text(&text);
        let hrefs: Vec<String> = el.select(&A).filter_map(|a| a.value().attr("href")).map(str::to_string).collect();
        for h in &hrefs {
            if let Some(c) = STATUS_URL.captures(h) {
                tweet.status_id = Some(c[2].to_string());
                tweet.url = Some(c[0].to_string());
                if tweet.handle.is_none() {
                    tweet.handle = Some(c[1].to_string());
                }
            }
        }
        // links inside the text paragraph, with their hrefs
        if let Some(p) = el.select(&P).next() {
            let inner: Vec<String> = p.select(&A).filter_map(|a| a.value().attr("href")).map(full_url).collect();
            if !inner.is_empty() {
                tweet.links = inner;
            }
        }
        // The byline: the text after the paragraph, "— Name (@handle) date".
        let all: String = el.text().collect::<Vec<_>>().join("");
        if let Some(line) = all.lines().map(str::trim).find(|l| BYLINE.is_match(l)) {
            let c = BYLINE.captures(line).unwrap();
            let name = c["name"].trim();
            tweet.author_name = (!name.is_empty()).then(|| name.to_string());
            tweet.handle = Some(c["handle"].to_string());
            if let Some(f) = find_date(&c["date"]) {
                tweet.published = Some(f.date);
                tweet.published_text = Some(f.text);
            }
        } else if let Some(pos) = all.rfind(['—', '–']) {
            let tail = all[pos..].split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(c) = BYLINE.captures(&tail) {
                let name = c["name"].trim();
                tweet.author_name = (!name.is_empty()).then(|| name.to_string());
                tweet.handle = Some(c["handle"].to_string());
                if let Some(f) = find_date(&c["date"]) {
                    tweet.published = Some(f.date);
                    tweet.published_text = Some(f.text);
                }
            }
        }
        tweet.after_paragraph = -1;
        out.push(tweet);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(find_text_tweets(&lines, true)[0].first_line, 0);
        assert_eq!(tw.handle.as_deref(), Some("RTenfrancais"));
        assert_eq!(tw.author_name.as_deref(), Some("RT France"));
        assert_eq!(tw.published.unwrap().to_string(), "2016-07-07");
        assert_eq!(tw.published_text.as_deref(), Some("7 juillet 2016"));
        assert_eq!(tw.links, ["https://t.co/Fdc7p4ANep", "https://pic.twitter.com/24j897hVt7"]);
        assert_eq!(tw.hashtags, ["#Daesh"]);
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
            "Body paragraph.",
            "",
            "    First line of the tweet that wraps",
            "    onto a second line https://t.co/AAAAAAAAAA",
            "",
            "    — Robert (@rob) November 18, 2019",
            "",
            "See Robert's other Tweets",
            "Next paragraph.",
        ];
        let t = find_text_tweets(&lines, true);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].first_line, 2);
        assert_eq!(t[0].last_line, 7);
        assert_eq!(t[0].tweet.text, "First line of the tweet that wraps onto a second line");
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
        assert_eq!(t[0].published.unwrap().to_string(), "2019-11-18");
    }
}
