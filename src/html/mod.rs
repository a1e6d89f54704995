//! ②b HTML pages: parse with `scraper` (html5ever), harvest tweets and metadata from the raw
//! DOM, then linearise the visible text into blocks and hand them to the same body finder as
//! text dumps. (A DOM-aware main-content extractor is the HTML issue's work; this linearisation
//! keeps HTML rows useful meanwhile.)

use scraper::node::Node;
use scraper::{ElementRef, Html};

use crate::clean::{extract_text_dump, TextExtraction};
use crate::embed::twitter::html_tweets;
use crate::meta::html::HtmlMeta;
use crate::model::Tweet;
use crate::options::Options;

/// Elements whose content is never visible text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "select", "option", "textarea", "input", "button", "video", "audio", "map", "math",
];
/// Elements that are page chrome by their tag.
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "form"];
/// Elements that start a new block.
const BLOCK: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption",
    "address", "details", "summary", "hr", "body", "center", "fieldset", "caption", "tbody", "thead",
];

/// What the HTML branch found in a page.
#[derive(Debug, Default)]
pub struct HtmlExtraction {
    pub body: TextExtraction,
    pub meta: HtmlMeta,
    pub tweets: Vec<Tweet>,
}

struct Linearizer {
    out: String,
    line: String,
    lines_emitted: usize,
    /// Line number (in `out`) where each tweet embed stood.
    tweet_lines: Vec<usize>,
}

impl Linearizer {
    fn flush(&mut self) {
        let t = self.line.trim();
        if !t.is_empty() {
            self.out.push_str(t);
            self.out.push_str("\n\n");
            self.lines_emitted += 2;
        }
        self.line.clear();
    }

    fn push_text(&mut self, s: &str) {
        for (i, w) in s.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.line.ends_with(' ') && !self.line.is_empty() {
                self.line.push(' ');
            }
            self.line.push_str(w);
        }
    }

    fn walk(&mut self, el: ElementRef) {
        let v = el.value();
        let name = v.name();
        if SKIP.contains(&name) || CHROME_TAGS.contains(&name) {
            return;
        }
        if v.attr("hidden").is_some()
            || v.attr("aria-hidden") == Some("true")
            || v.attr("style").is_some_and(|s| {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
        {
            return;
        }
        if (name == "blockquote" && v.classes().any(|c| c == "twitter-tweet" || c == "twitter-video")) || name == "amp-twitter" {
            self.flush();
            self.tweet_lines.push(self.lines_emitted);
            return;
        }
        let block = BLOCK.contains(&name);
        if block {
            self.flush();
        }
        if name == "br" {
            self.flush();
            return;
        }
        if name == "li" {
            self.line.push_str("• ");
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.walk(c);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }
}

/// Extract an HTML page.
pub fn extract_html(text: &str, options: &Options) -> HtmlExtraction {
    let doc = Html::parse_document(text);
    let mut tweets = html_tweets(&doc);
    let meta = crate::meta::html::extract(&doc);
    let mut lin = Linearizer { out: String::new(), line: String::new(), lines_emitted: 0, tweet_lines: Vec::new() };
    lin.walk(doc.root_element());
    lin.flush();
    let body = extract_text_dump(&lin.out, options);
    // Place each tweet after the last paragraph that stood above it.
    for (t, &line) in tweets.iter_mut().zip(lin.tweet_lines.iter()) {
        t.after_paragraph = body
            .decisions
            .iter()
            .filter(|d| d.line <= line)
            .filter_map(|d| d.paragraph)
            .max()
            .map_or(-1, |p| p as i32);
    }
    HtmlExtraction { body, meta, tweets }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_blocks_without_scripts_and_nav() {
        let html = r#"<html><head><title>T</title><style>p{}</style></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <h1>A storm hits the coast overnight</h1>
            <p>A large storm hit the coast overnight, cutting power to <b>thousands</b> of homes and closing roads across the region, officials said.</p>
            <script>var x = "not text";</script>
            <p>Emergency crews worked through the night to clear fallen trees, and schools in three towns stayed closed on Monday morning.</p>
            <blockquote class="twitter-tweet"><p>Storm update #storm</p>&mdash; Weather (@weather) <a href="https://twitter.com/weather/status/123456789">May 1, 2020</a></blockquote>
            <p>Engineers inspected the damage to bridges and said that the main road would reopen by the end of the week if the weather held.</p>
            <footer>© 2020 Coast Herald</footer></body></html>"#;
        let x = extract_html(html, &Options::default());
        let texts: Vec<&str> = x.body.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].contains("cutting power to thousands of homes"));
        assert!(!texts.iter().any(|t| t.contains("not text") || t.contains("Storm update")));
        assert_eq!(x.tweets.len(), 1);
        assert_eq!(x.tweets[0].after_paragraph, 1);
        assert_eq!(x.tweets[0].status_id.as_deref(), Some("123456789"));
    }
}
