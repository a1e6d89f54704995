//! ②b HTML pages: main-content extraction on the `scraper` (html5ever) DOM.
//!
//! 1. The page is parsed once; tweets and metadata are harvested from the raw DOM first.
//! 2. One iterative walk turns the visible text into *blocks* (a block is the text between two
//!    block-level boundaries; inline elements never split one, `<br><br>` does). Invisible
//!    content (`<script>`, `<style>`, `<template>`, `<noscript>`, hidden elements) gives none.
//!    Every block-level element is recorded with what its tag, role, class and id say
//!    ([`rules`], the vocabulary, as data).
//! 3. Each block is judged on its own (jusText-like): length, link density, stop-word and
//!    punctuation density make it *good* (prose), *short* or *bad* (link lists).
//! 4. The body container is the element whose subtree holds the most good text net of bad
//!    text (the smallest such element); chrome elements (navigation, footers, sidebars,
//!    related links, share bars, comments, captions, ...) inside it are dropped, as are link
//!    lists and chrome lines; short lines around the body (bylines, datelines, "read more")
//!    are trimmed.
//! 5. JSON-LD `articleBody`, when the page has one that agrees with the DOM, confirms or
//!    corrects the choice; when the DOM gives too little, the body falls back to it, or to every
//!    prose block of the page.
//!
//! Every block gets a [`LineDecision`] (`line` is the 1-based block number) so that `explain`
//! says what was kept and why. A table row whose cells each hold a single line of text comes
//! out as one block, its cells joined by spaces (data tables read row by row); a cell that
//! holds paragraphs of its own stays apart (layout tables then read like any page).

pub mod rules;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use ego_tree::iter::Edge;
use html5ever::{local_name, ns, LocalName};
use rustc_hash::FxHashMap;
use scraper::node::Node;
use scraper::{Html, Selector};

use crate::clean::{HeaderLines, Label, LineDecision, TextExtraction};
use crate::embed::twitter::html_tweets;
use crate::meta::html::HtmlMeta;
use crate::model::{word_count, Paragraph, ParagraphKind, Tweet};
use crate::options::{Favor, Options};

use rules::AttrVerdict;

/// Largest page accepted, in bytes of decoded text.
pub const MAX_PAGE_BYTES: usize = 16 << 20;
/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 1024;
/// Share of a container's net text that one child must hold for the body to be looked for
/// inside that child.
const DESCEND_SHARE: f64 = 0.8;
/// Share of a container's net text that the child holding the first prose after the title
/// must hold for the body to be looked for inside that child.
const TITLE_SHARE: f64 = 0.35;
/// Most DOM nodes accepted.
pub const MAX_NODES: usize = 2_000_000;
/// Default time limit of one page's extraction (parse, harvests, walks): 5 seconds, about a
/// hundred times what a large news page (1 MB) takes. A page that takes longer (a pathological
/// or adversarial document) becomes an error row instead of stalling a worker. The limit is
/// checked between chunks of the parse (see [`PARSE_CHUNK`]) and between stages and every
/// few thousand nodes of the walks, so it is honoured to within a fraction of a second; as any
/// wall-clock limit it depends on the machine and its load.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(5);
/// The parser is fed this many bytes at a time; the time limit is checked in between.
pub const PARSE_CHUNK: usize = 256 << 10;
/// Nodes visited by a walk between two checks of the time limit.
const DEADLINE_EVERY: usize = 4096;

/// What the HTML branch found in a page.
#[derive(Debug, Default)]
pub struct HtmlExtraction {
    pub body: TextExtraction,
    pub meta: HtmlMeta,
    pub tweets: Vec<Tweet>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagClass {
    Skip,
    Block,
    Inline,
}

// keyed by the parser's interned tag names: a lookup hashes a number, not a string
static TAG_CLASS: LazyLock<FxHashMap<LocalName, TagClass>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for t in rules::BLOCK_TAGS {
        m.insert(LocalName::from(*t), TagClass::Block);
    }
    for t in rules::SKIP_TAGS {
        m.insert(LocalName::from(*t), TagClass::Skip);
    }
    m
});
static CHROME_TAG: LazyLock<FxHashMap<LocalName, &'static str>> =
    LazyLock::new(|| rules::CHROME_TAGS.iter().map(|(t, r)| (LocalName::from(*t), *r)).collect());
static CHROME_ROLE: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| rules::CHROME_ROLES.iter().copied().collect());

fn tag_class(name: &LocalName) -> TagClass {
    TAG_CLASS.get(name).copied().unwrap_or(TagClass::Inline)
}

/// An attribute without namespace (what `Element::attr` looks up).
fn plain(q: &html5ever::QualName) -> bool {
    q.ns == ns!() && q.prefix.is_none()
}

/// A block-level element met by the walk.
#[derive(Debug)]
struct El {
    parent: u32,
    /// Index of the last element of its subtree (elements are numbered in document order).
    end: u32,
    tag: LocalName,
    /// The first words of its class and id, to name it in explanations.
    name: String,
    /// Why this element is chrome, by its own tag, role, class or id.
    flag: Option<String>,
    content: bool,
    /// Tag and first class word (digits dropped): siblings that share it are alike.
    sig: u64,
}

const NO_PARENT: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    Good,
    Short,
    Bad,
}

#[derive(Debug)]
struct Blk {
    el: u32,
    text: String,
    chars: u32,
    link_chars: u32,
    /// Characters of link text the block starts with (a headline link before a summary).
    lead_link: u32,
    kind: ParagraphKind,
    heading: u8,
    // set by judging
    words: usize,
    quality: Quality,
    why: &'static str,
}

impl Blk {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

struct Walker {
    els: Vec<El>,
    stack: Vec<u32>,
    blocks: Vec<Blk>,
    cur: String,
    cur_chars: u32,
    cur_links: u32,
    cur_lead: u32,
    pending_space: bool,
    /// A `<br>` was met and no text since.
    after_br: bool,
    link_depth: u32,
    li_depth: u32,
    quote_depth: u32,
    heading: Vec<u8>,
    tweet_marks: Vec<usize>,
    /// Open `<span>`s: where the block stood when each opened, to cut out a link list glued
    /// into a paragraph (a hover card, a menu inside an inline element).
    spans: Vec<SpanMark>,
    anchors: u32,
    deadline: Deadline,
}

/// The state of the current block when a `<span>` opened.
struct SpanMark {
    node: ego_tree::NodeId,
    blocks: usize,
    len: usize,
    chars: u32,
    links: u32,
    lead: u32,
    anchors: u32,
}

/// `hidden`, `aria-hidden="true"` or an inline style that hides the element (one pass over its
/// attributes).
fn is_hidden(v: &scraper::node::Element) -> bool {
    for (q, val) in v.attrs.iter() {
        if !plain(q) {
            continue;
        }
        if q.local == local_name!("hidden") || (q.local == local_name!("aria-hidden") && &**val == "true") {
            return true;
        }
        if q.local == local_name!("style") && (val.contains("none") || val.contains("hidden")) {
            let s: String = val.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                return true;
            }
        }
    }
    false
}

fn is_tweet_embed(v: &scraper::node::Element) -> bool {
    (v.name() == "blockquote" && v.classes().any(|c| c == "twitter-tweet" || c == "twitter-video"))
        || v.name() == "amp-twitter"
}

impl Walker {
    fn new() -> Self {
        Walker {
            els: Vec::new(),
            stack: Vec::new(),
            blocks: Vec::new(),
            cur: String::new(),
            cur_chars: 0,
            cur_links: 0,
            cur_lead: 0,
            pending_space: false,
            after_br: false,
            link_depth: 0,
            li_depth: 0,
            quote_depth: 0,
            heading: Vec::new(),
            tweet_marks: Vec::new(),
            spans: Vec::new(),
            anchors: 0,
            deadline: Deadline::new(None),
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        self.after_br = false;
        if self.cur_chars == 0 {
            self.cur.clear();
            self.cur_links = 0;
            self.cur_lead = 0;
            return;
        }
        let heading = self.heading.last().copied().unwrap_or(0);
        let kind = if heading > 0 {
            ParagraphKind::Heading
        } else if self.quote_depth > 0 {
            ParagraphKind::Quote
        } else if self.li_depth > 0 {
            ParagraphKind::ListItem
        } else {
            ParagraphKind::Paragraph
        };
        let el = self.stack.last().copied().unwrap_or(NO_PARENT);
        self.blocks.push(Blk {
            el,
            text: std::mem::take(&mut self.cur),
            chars: self.cur_chars,
            link_chars: self.cur_links,
            lead_link: self.cur_lead,
            kind,
            heading,
            words: 0,
            quality: Quality::Short,
            why: "",
        });
        self.cur_chars = 0;
        self.cur_links = 0;
        self.cur_lead = 0;
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.pending_space = false;
            self.after_br = false;
            self.cur.push(c);
            if self.link_depth > 0 {
                if self.cur_links == self.cur_chars {
                    self.cur_lead += 1;
                }
                self.cur_links += 1;
            }
            self.cur_chars += 1;
        }
    }

    fn open_block(&mut self, v: &scraper::node::Element) -> Result<(), String> {
        self.flush();
        let name = v.name();
        if self.stack.len() >= MAX_DEPTH {
            return Err(format!("HTML nested deeper than {MAX_DEPTH} block elements; not extracted"));
        }
        // the attributes read below, in one pass
        let (mut role, mut class, mut id, mut itemprop) = (None, "", "", None);
        for (q, val) in v.attrs.iter() {
            if !plain(q) {
                continue;
            }
            match &q.local {
                l if *l == local_name!("class") => class = &**val,
                l if *l == local_name!("id") => id = &**val,
                l if *l == local_name!("role") => role = Some(&**val),
                l if *l == local_name!("itemprop") => itemprop = Some(&**val),
                _ => {}
            }
        }
        // page skeleton and table rows/cells: their class names describe data, not chrome
        let structural = matches!(name, "html" | "body" | "article" | "main" | "tr" | "td" | "th" | "tbody" | "thead");
        let mut flag = CHROME_TAG.get(&v.name.local).map(|r| r.to_string());
        if flag.is_none() && !structural {
            if let Some(role) = role {
                if let Some(r) = CHROME_ROLE.get(role.trim().to_ascii_lowercase().as_str()) {
                    flag = Some(r.to_string());
                }
            }
        }
        let mut content = matches!(name, "article" | "main");
        if !class.is_empty() || !id.is_empty() {
            let joined;
            let both: &str = if id.is_empty() {
                class
            } else if class.is_empty() {
                id
            } else {
                joined = format!("{class} {id}");
                &joined
            };
            match rules::judge_attrs(both) {
                AttrVerdict::Content => content = true,
                AttrVerdict::Boilerplate(r) if flag.is_none() && !structural => {
                    let shown = both.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                    flag = Some(format!("{r} (class/id \"{shown}\")"));
                }
                _ => {}
            }
        }
        if itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
            content = true;
            flag = None;
        }
        let parent = self.stack.last().copied().unwrap_or(NO_PARENT);
        let idx = self.els.len() as u32;
        let mut shown = String::new();
        if !id.is_empty() {
            shown.push('#');
            shown.push_str(id.split_whitespace().next().unwrap_or(""));
        }
        if let Some(c) = class.split_whitespace().next() {
            shown.push('.');
            shown.push_str(c);
        }
        let sig = {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            name.hash(&mut h);
            for c in class.split_whitespace().next().unwrap_or("").chars().filter(|c| !c.is_ascii_digit()) {
                c.hash(&mut h);
            }
            h.finish()
        };
        self.els.push(El { parent, end: idx, tag: v.name.local.clone(), name: shown, flag, content, sig });
        self.stack.push(idx);
        match name {
            "li" | "dd" | "dt" => self.li_depth += 1,
            "blockquote" => self.quote_depth += 1,
            "h1" => self.heading.push(1),
            "h2" => self.heading.push(2),
            "h3" => self.heading.push(3),
            "h4" => self.heading.push(4),
            "h5" => self.heading.push(5),
            "h6" => self.heading.push(6),
            _ => {}
        }
        Ok(())
    }

    fn close_block(&mut self, name: &str) {
        self.flush();
        if let Some(idx) = self.stack.pop() {
            self.els[idx as usize].end = (self.els.len() - 1) as u32;
        }
        match name {
            "li" | "dd" | "dt" => self.li_depth = self.li_depth.saturating_sub(1),
            "blockquote" => self.quote_depth = self.quote_depth.saturating_sub(1),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading.pop();
            }
            _ => {}
        }
    }

    /// At the end of a `<span>`: if what it added to the current block is a list of links glued
    /// after other text (three or more links, nearly all of its text), cut it out again.
    fn close_span(&mut self, id: ego_tree::NodeId) {
        let Some(m) = self.spans.pop() else { return };
        if m.node != id {
            // unbalanced (should not happen in a parsed tree): forget the marks
            self.spans.clear();
            return;
        }
        if m.blocks != self.blocks.len() || m.chars == 0 || m.len > self.cur.len() {
            return;
        }
        let added = self.cur_chars - m.chars;
        let linked = self.cur_links - m.links;
        if self.anchors - m.anchors >= 3 && added >= rules::GLUED_LINKS_MIN_CHARS && linked as f64 >= 0.9 * added as f64 {
            self.cur.truncate(m.len);
            self.cur_chars = m.chars;
            self.cur_links = m.links;
            self.cur_lead = m.lead;
            self.pending_space = true;
        }
    }

    /// Join the cells of simple table rows into one block: a row whose blocks each sit directly
    /// in a different cell of that row.
    fn join_table_rows(&mut self) {
        let cell_row = |els: &[El], e: u32| -> Option<u32> {
            let el = els.get(e as usize)?;
            if !(el.tag == local_name!("td") || el.tag == local_name!("th")) || el.parent == NO_PARENT {
                return None;
            }
            (els[el.parent as usize].tag == local_name!("tr")).then_some(el.parent)
        };
        if !self.els.iter().any(|e| e.tag == local_name!("tr")) {
            return;
        }
        let old = std::mem::take(&mut self.blocks);
        let mut out: Vec<Blk> = Vec::with_capacity(old.len());
        let mut marks = self.tweet_marks.iter_mut().peekable();
        let mut i = 0;
        let mut it = old.into_iter().peekable();
        while let Some(mut b) = it.next() {
            // tweet marks count blocks: keep them pointing at the same place
            while let Some(m) = marks.peek_mut() {
                if **m == i {
                    **m = out.len();
                    marks.next();
                } else {
                    break;
                }
            }
            i += 1;
            if let Some(row) = cell_row(&self.els, b.el).filter(|_| b.chars <= rules::TABLE_CELL_MAX_CHARS) {
                let mut last_cell = b.el;
                let mut joined = false;
                while let Some(n) = it.peek() {
                    if n.el == last_cell
                        || n.chars > rules::TABLE_CELL_MAX_CHARS
                        || cell_row(&self.els, n.el) != Some(row)
                        || marks.peek().is_some_and(|m| **m == i)
                    {
                        break;
                    }
                    let n = it.next().expect("peeked");
                    i += 1;
                    last_cell = n.el;
                    b.text.push(' ');
                    b.text.push_str(&n.text);
                    b.chars += n.chars + 1;
                    b.link_chars += n.link_chars;
                    joined = true;
                }
                if joined {
                    b.el = row;
                }
            }
            out.push(b);
        }
        for m in marks {
            *m = out.len();
        }
        self.blocks = out;
    }

    fn walk(&mut self, doc: &Html) -> Result<(), String> {
        let mut skip: Option<ego_tree::NodeId> = None;
        for (k, edge) in doc.tree.root().traverse().enumerate() {
            if k % DEADLINE_EVERY == DEADLINE_EVERY - 1 {
                self.deadline.check("walking the page")?;
            }
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(t) => self.text(t),
                        Node::Element(v) => {
                            let name = v.name();
                            if is_tweet_embed(v) {
                                self.flush();
                                self.tweet_marks.push(self.blocks.len());
                                skip = Some(node.id());
                                continue;
                            }
                            match tag_class(&v.name.local) {
                                TagClass::Skip => skip = Some(node.id()),
                                _ if is_hidden(v) => skip = Some(node.id()),
                                TagClass::Block => self.open_block(v)?,
                                TagClass::Inline => match name {
                                    "br" => {
                                        if self.after_br {
                                            self.flush();
                                        } else {
                                            self.after_br = true;
                                            self.pending_space = true;
                                        }
                                    }
                                    "a" => {
                                        self.link_depth += 1;
                                        self.anchors += 1;
                                    }
                                    "span" => self.spans.push(SpanMark {
                                        node: node.id(),
                                        blocks: self.blocks.len(),
                                        len: self.cur.len(),
                                        chars: self.cur_chars,
                                        links: self.cur_links,
                                        lead: self.cur_lead,
                                        anchors: self.anchors,
                                    }),
                                    "img" | "wbr" => {}
                                    _ => {}
                                },
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skip {
                        if id == node.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if let Node::Element(v) = node.value() {
                        let name = v.name();
                        match tag_class(&v.name.local) {
                            TagClass::Block => self.close_block(name),
                            TagClass::Inline if name == "a" => self.link_depth = self.link_depth.saturating_sub(1),
                            TagClass::Inline if name == "span" => self.close_span(node.id()),
                            _ => {}
                        }
                    }
                }
            }
        }
        self.flush();
        while let Some(idx) = self.stack.pop() {
            self.els[idx as usize].end = (self.els.len() - 1) as u32;
        }
        Ok(())
    }
}

// ------------------------------------------------------------------------- block judging

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Words of a text, counting CJK characters at two per word.
fn text_words(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    if cjk * 3 > text.chars().count() {
        word_count(text).max(cjk / 2)
    } else {
        word_count(text)
    }
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', '…', '»', '"', '”', '’', ')', ':', ';', '。', '！', '？', '」'])
}

fn stop_share(text: &str, words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    let mut n = 0usize;
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() || w.len() > 8 {
            continue;
        }
        if rules::STOP.contains(w) {
            n += 1;
        } else if w.chars().next().is_some_and(char::is_uppercase) {
            // (words are at most 8 bytes: an ASCII word is lowercased on the stack)
            let mut buf = [0u8; 8];
            let found = if w.is_ascii() {
                buf[..w.len()].copy_from_slice(w.as_bytes());
                buf[..w.len()].make_ascii_lowercase();
                rules::STOP.contains(std::str::from_utf8(&buf[..w.len()]).unwrap_or(""))
            } else {
                rules::STOP.contains(w.to_lowercase().as_str())
            };
            n += found as usize;
        }
    }
    n as f64 / words as f64
}

fn judge(b: &mut Blk) {
    b.words = text_words(&b.text);
    let ld = b.link_density();
    let cjk = b.words > word_count(&b.text);
    let stops = stop_share(&b.text, b.words);
    let (q, why) = if ld > 0.5 && b.words >= 25 && ld <= 0.8 && ends_sentence(&b.text) {
        (Quality::Short, "prose with many links")
    } else if ld > 0.5 {
        (Quality::Bad, "link text")
    } else if b.heading > 0 {
        (Quality::Short, "heading")
    } else if b.words >= 40 && ld <= 0.35 {
        (Quality::Good, "long text")
    } else if b.words >= 10 && ld <= 0.3 && ends_sentence(&b.text) && (cjk || stops >= 0.08 || b.words >= 20) {
        (Quality::Good, "sentence prose")
    } else if b.words >= 18 && ld <= 0.3 && (cjk || stops >= 0.15) {
        (Quality::Good, "prose")
    } else {
        (Quality::Short, "short text")
    };
    b.quality = q;
    b.why = why;
}

fn value(b: &Blk) -> f64 {
    match b.quality {
        Quality::Good => b.chars as f64,
        Quality::Bad => -(b.chars as f64),
        Quality::Short if b.why == "prose with many links" => b.chars as f64 * 0.3,
        Quality::Short => 0.0,
    }
}

// ----------------------------------------------------------------------------- JSON-LD

static JSONLD: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"script[type="application/ld+json"]"#).expect("valid selector"));

fn find_article_body(v: &serde_json::Value, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::String(s)) = o.get("articleBody").or_else(|| o.get("text").filter(|_| o.contains_key("articleSection"))) {
                if !s.trim().is_empty() {
                    return Some(s.clone());
                }
            }
            o.values().find_map(|x| find_article_body(x, depth + 1))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_article_body(x, depth + 1)),
        _ => None,
    }
}

/// The `articleBody` of the page's JSON-LD, if any.
fn jsonld_article_body(doc: &Html) -> Option<String> {
    for s in doc.select(&JSONLD) {
        let raw: String = s.text().collect();
        if !raw.contains("articleBody") {
            continue;
        }
        let parsed: serde_json::Value = match serde_json::from_str(raw.trim()) {
            Ok(v) => v,
            Err(_) => {
                let fixed: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                match serde_json::from_str(fixed.trim()) {
                    Ok(v) => v,
                    Err(_) => continue,
                }
            }
        };
        if let Some(b) = find_article_body(&parsed, 0) {
            // articleBody is sometimes HTML
            let text = if b.contains("</") || b.contains("<p") {
                let frag = Html::parse_fragment(&b);
                let mut w = Walker::new();
                if w.walk(&frag).is_ok() {
                    w.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n")
                } else {
                    b
                }
            } else {
                b
            };
            return Some(text);
        }
    }
    None
}

fn shingle_hashes(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let toks: Vec<String> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if toks.len() < 3 {
        return Vec::new();
    }
    toks.windows(3)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

// ---------------------------------------------------------------------------- extraction

fn decision(i: usize, text: &str, label: Label, reason: String, paragraph: Option<usize>) -> LineDecision {
    LineDecision { line: i + 1, text: text.to_string(), label, reason, paragraph }
}

fn describe(el: &El) -> String {
    format!("<{}{}>", el.tag, el.name)
}

/// When the extraction of a page must stop.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Option<Instant>,
    limit: Duration,
}

impl Deadline {
    fn new(limit: Option<Duration>) -> Self {
        Deadline { at: limit.map(|l| Instant::now() + l), limit: limit.unwrap_or_default() }
    }

    fn check(&self, stage: &str) -> Result<(), String> {
        match self.at {
            Some(at) if Instant::now() >= at => Err(format!(
                "HTML extraction took longer than the time limit ({:.3} s) while {stage}; not extracted",
                self.limit.as_secs_f64()
            )),
            _ => Ok(()),
        }
    }
}

/// Parse a document, feeding html5ever [`PARSE_CHUNK`] bytes at a time and checking the
/// deadline in between (the tree is the same as `Html::parse_document`'s).
fn parse_document(text: &str, deadline: &Deadline) -> Result<Html, String> {
    parse_in_chunks(text, PARSE_CHUNK, deadline)
}

fn parse_in_chunks(text: &str, chunk: usize, deadline: &Deadline) -> Result<Html, String> {
    use html5ever::tendril::TendrilSink;
    let mut parser = html5ever::driver::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), Default::default());
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(chunk.max(1));
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(chunk.into());
        rest = tail;
        deadline.check("parsing")?;
    }
    Ok(parser.finish())
}

/// Extract an HTML page within the options' time limit (`Options::time_limit`). An error
/// (page too large, DOM too deep or too large, time limit reached) becomes the row's error.
pub fn extract_html(text: &str, options: &Options) -> Result<HtmlExtraction, String> {
    extract_html_within(text, options, options.html_time_limit())
}

/// Extract an HTML page, giving up with an error once `time_limit` has passed (`None`: no
/// limit).
pub fn extract_html_within(text: &str, options: &Options, time_limit: Option<Duration>) -> Result<HtmlExtraction, String> {
    let deadline = Deadline::new(time_limit);
    if text.len() > MAX_PAGE_BYTES {
        return Err(format!(
            "HTML page larger than {} MiB ({:.1} MiB); not extracted",
            MAX_PAGE_BYTES >> 20,
            text.len() as f64 / (1u64 << 20) as f64
        ));
    }
    let doc = parse_document(text, &deadline)?;
    let nodes = doc.tree.values().len();
    if nodes > MAX_NODES {
        return Err(format!("HTML page has {nodes} DOM nodes (limit {MAX_NODES}); not extracted"));
    }
    let mut tweets = html_tweets(&doc);
    deadline.check("harvesting tweets")?;
    let meta = crate::meta::html::extract(&doc);
    deadline.check("reading the metadata")?;
    let ld_body = jsonld_article_body(&doc);
    let mut w = Walker::new();
    w.deadline = deadline;
    w.walk(&doc)?;
    w.join_table_rows();
    drop(doc);
    deadline.check("walking the page")?;
    let body = select(w.els, w.blocks, &w.tweet_marks, ld_body.as_deref(), meta.title.as_deref(), options);
    deadline.check("selecting the body")?;
    for (t, &mark) in tweets.iter_mut().zip(w.tweet_marks.iter()) {
        t.after_paragraph = body.decisions[..mark.min(body.decisions.len())]
            .iter()
            .filter_map(|d| d.paragraph)
            .max()
            .map_or(-1, |p| p as i32);
    }
    Ok(HtmlExtraction { body, meta, tweets })
}

fn norm_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Teaser cards: three or more sibling elements that look alike (same tag and first class
/// word), each holding a headline link (a block of link text, or a block that opens with one)
/// and at most two short prose blocks, which together hold most of their parent's prose.
/// A row of them is a listing of other articles (related posts, "more stories", a news ticker),
/// not the article, when the page has prose outside such rows. Returns the card elements with
/// the reason shown by `explain`.
fn teaser_cards(els: &[El], blocks: &[Blk]) -> Vec<(usize, String)> {
    let n = els.len();
    let mut good_chars = vec![0u32; n];
    let mut good_blocks = vec![0u32; n];
    let mut headline = vec![false; n];
    let mut total_good = 0u32;
    for b in blocks {
        let is_good = b.quality == Quality::Good;
        if is_good {
            total_good += b.chars;
        }
        let hl = (b.link_density() >= 0.6 && (2..=25).contains(&b.words)) || b.lead_link >= 15;
        if b.el == NO_PARENT || !(is_good || hl) {
            continue;
        }
        let mut e = b.el;
        while e != NO_PARENT {
            let i = e as usize;
            if is_good {
                good_chars[i] += b.chars;
                good_blocks[i] += 1;
            }
            headline[i] |= hl;
            e = els[i].parent;
        }
    }
    let mut groups: HashMap<(u32, u64), Vec<usize>> = HashMap::new();
    for (i, el) in els.iter().enumerate() {
        if el.parent != NO_PARENT && good_blocks[i] > 0 {
            groups.entry((el.parent, el.sig)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut card_chars = 0u32;
    for ((parent, _), members) in groups {
        if members.len() < 3 {
            continue;
        }
        let cards: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| headline[i] && good_blocks[i] <= 2 && good_chars[i] <= rules::CARD_MAX_CHARS)
            .collect();
        let sum: u32 = cards.iter().map(|&i| good_chars[i]).sum();
        if cards.len() < 3 || cards.len() * 10 < members.len() * 7 || (sum as f64) < 0.75 * good_chars[parent as usize] as f64 {
            continue;
        }
        card_chars += sum;
        let k = members.len();
        for i in cards {
            out.push((i, format!("teaser card (one of {k} similar siblings, each a headline link and a short summary)")));
        }
    }
    // a page made of cards only (a listicle, a listing) keeps them
    let outside = total_good.saturating_sub(card_chars);
    if (outside as f64) < (rules::CARD_MIN_ARTICLE_CHARS as f64).max(0.2 * card_chars as f64) {
        return Vec::new();
    }
    out
}

fn select(
    mut els: Vec<El>,
    mut blocks: Vec<Blk>,
    _tweet_marks: &[usize],
    ld_body: Option<&str>,
    meta_title: Option<&str>,
    options: &Options,
) -> TextExtraction {
    let n_el = els.len();
    for b in &mut blocks {
        judge(b);
    }
    // JSON-LD agreement: which blocks are in the articleBody.
    let mut in_ld: Vec<Option<f64>> = vec![None; blocks.len()];
    let mut ld_agrees = false;
    let mut ld_words = 0usize;
    if let Some(ldb) = ld_body {
        ld_words = word_count(ldb);
        if ld_words >= 30 {
            let set: HashSet<u64> = shingle_hashes(ldb).into_iter().collect();
            let mut covered = 0usize;
            for (i, b) in blocks.iter().enumerate() {
                let hs = shingle_hashes(&b.text);
                if hs.is_empty() {
                    continue;
                }
                let hit = hs.iter().filter(|h| set.contains(h)).count();
                let frac = hit as f64 / hs.len() as f64;
                in_ld[i] = Some(frac);
                if frac >= 0.5 && b.quality != Quality::Bad {
                    covered += hit;
                }
            }
            ld_agrees = covered as f64 >= 0.6 * set.len() as f64;
        }
    }
    if ld_agrees {
        for (i, b) in blocks.iter_mut().enumerate() {
            if in_ld[i].is_some_and(|f| f >= 0.5) && b.quality == Quality::Short && b.heading == 0 && b.words >= 6 {
                b.quality = Quality::Good;
                b.why = "found in the JSON-LD articleBody";
            }
        }
    }

    // Rows of teaser cards are chrome, and their text does not make a sidebar "hold the page".
    let mut is_card = vec![false; n_el];
    for (i, r) in teaser_cards(&els, &blocks) {
        is_card[i] = true;
        if els[i].flag.is_none() {
            els[i].flag = Some(r);
        }
    }
    let mut in_card = is_card.clone();
    for i in 0..n_el {
        if els[i].parent != NO_PARENT && in_card[els[i].parent as usize] {
            in_card[i] = true;
        }
    }

    // Good text under each element, to see whether a chrome-looking element holds the page.
    let mut good = vec![0f64; n_el];
    let mut good_blocks = vec![0u32; n_el];
    let mut total_good = 0f64;
    for b in &blocks {
        if b.quality == Quality::Good && !(b.el != NO_PARENT && in_card[b.el as usize]) {
            total_good += b.chars as f64;
            let mut e = b.el;
            while e != NO_PARENT {
                good[e as usize] += b.chars as f64;
                good_blocks[e as usize] += 1;
                e = els[e as usize].parent;
            }
        }
    }
    // Effective chrome reason of each element (own, unless it holds most of the page's prose;
    // else inherited).
    let mut chrome: Vec<Option<usize>> = vec![None; n_el];
    for i in 0..n_el {
        let holds_page = total_good > 0.0 && good[i] > 0.5 * total_good && good_blocks[i] >= 3;
        let own = els[i].flag.is_some() && (!holds_page || is_card[i]);
        chrome[i] = if own {
            Some(i)
        } else if els[i].parent != NO_PARENT {
            chrome[els[i].parent as usize]
        } else {
            None
        };
    }
    let block_chrome = |b: &Blk| -> Option<usize> { if b.el == NO_PARENT { None } else { chrome[b.el as usize] } };

    // The container: most net good text, smallest on ties.
    let mut score = vec![0f64; n_el];
    for b in &blocks {
        if block_chrome(b).is_some() {
            continue;
        }
        let v = value(b);
        let mut e = b.el;
        while e != NO_PARENT {
            score[e as usize] += v;
            e = els[e as usize].parent;
        }
    }
    let mut best: Option<usize> = None;
    let mut best_score = 0f64;
    for i in 0..n_el {
        let s = score[i] * if els[i].content { 1.05 } else { 1.0 };
        if s > 0.0 && s >= best_score {
            best_score = s;
            best = Some(i);
        }
    }

    // The headline: the <h1> that the document title names, else the first <h1> that is not a
    // link to another page (an <h1> link inside the body is a "read also" teaser).
    let title_block = {
        let meta_key = meta_title.map(norm_key).filter(|k| !k.is_empty());
        let h1s: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].heading == 1 && block_chrome(&blocks[i]).is_none()).collect();
        let named = meta_key.as_ref().and_then(|k| {
            h1s.iter().copied().find(|&i| {
                let h = norm_key(&blocks[i].text);
                !h.is_empty() && (h == *k || (blocks[i].words >= 3 && k.contains(h.as_str())))
            })
        });
        named.or_else(|| h1s.iter().copied().find(|&i| blocks[i].link_density() < 0.5))
    };
    // Descend while one child holds most of the container's net text: a page whose body
    // element wins only because teasers and summaries add up keeps the article's own subtree.
    if let Some(mut cur) = best {
        loop {
            let mut top: Option<usize> = None;
            for j in cur + 1..=(els[cur].end as usize).min(n_el.saturating_sub(1)) {
                if els[j].parent == cur as u32 && top.is_none_or(|t| score[j] > score[t]) {
                    top = Some(j);
                }
            }
            match top {
                Some(t) if score[t] >= DESCEND_SHARE * score[cur] && score[t] > 0.0 => cur = t,
                _ => {
                    // else the child holding the first prose after the title, when it holds a
                    // good share: the article follows its headline, teasers come later
                    let inside = |e: u32, c: usize| (c as u32) <= e && e <= els[c].end;
                    let Some(h) = title_block.filter(|&h| inside(blocks[h].el, cur)) else { break };
                    let Some(first) = (h + 1..blocks.len()).find(|&i| blocks[i].quality == Quality::Good && block_chrome(&blocks[i]).is_none()) else { break };
                    let child = (cur + 1..=(els[cur].end as usize).min(n_el.saturating_sub(1)))
                        .find(|&j| els[j].parent == cur as u32 && inside(blocks[first].el, j));
                    match child {
                        Some(c) if score[c] >= TITLE_SHARE * score[cur] && score[c] > 0.0 && good_blocks[c] >= 2 => cur = c,
                        _ => break,
                    }
                }
            }
        }
        best = Some(cur);
    }

    let title_key = meta_title.map(norm_key);
    let in_container = |b: &Blk| -> bool {
        match best {
            Some(c) => b.el != NO_PARENT && (c as u32) <= b.el && b.el <= els[c].end,
            None => false,
        }
    };
    let container_name = best.map(|c| describe(&els[c])).unwrap_or_default();

    // The articleBody can say what is *not* body only when it is as long as the container's prose
    // (it is often just the first paragraphs).
    let container_good_words: usize = blocks.iter().filter(|b| in_container(b) && b.quality == Quality::Good).map(|b| b.words).sum();
    let ld_full = ld_agrees
        && ld_words as f64 >= 0.9 * container_good_words as f64
        && !ld_body.is_some_and(|t| t.trim_end().ends_with("...") || t.trim_end().ends_with('…'));
    let mut keep = vec![false; blocks.len()];
    let mut reason: Vec<String> = vec![String::new(); blocks.len()];
    let mut label = vec![Label::Boilerplate; blocks.len()];
    let mut h1_title: Option<usize> = None;
    let last_good_in = blocks.iter().rposition(|b| in_container(b) && b.quality == Quality::Good && block_chrome(b).is_none());
    for (i, b) in blocks.iter().enumerate() {
        if b.heading == 1 && h1_title.is_none() && block_chrome(b).is_none() {
            h1_title = Some(i);
        }
        let is_title = b.heading > 0
            && b.words <= 40
            && (Some(i) == h1_title && b.heading == 1
                || title_key.as_ref().is_some_and(|k| !k.is_empty() && (norm_key(&b.text) == *k || k.starts_with(&norm_key(&b.text)) && b.words >= 4)));
        if is_title {
            label[i] = Label::Title;
            reason[i] = "the page title (heading matching the document title)".into();
            continue;
        }
        if !in_container(b) {
            reason[i] = if best.is_some() {
                format!("outside the main content container ({container_name})")
            } else {
                "no main content container found".into()
            };
            if let Some(c) = block_chrome(b) {
                reason[i] = format!("{}: inside {}", els[c].flag.as_deref().unwrap_or("chrome"), describe(&els[c]));
            }
            continue;
        }
        if let Some(c) = block_chrome(b) {
            reason[i] = format!("{}: inside {}", els[c].flag.as_deref().unwrap_or("chrome"), describe(&els[c]));
            continue;
        }
        // a sentence of mostly link text inside the body ("Get more ideas here!"), before its
        // last paragraph, is part of it; link lists, menus and "read more" lines are not
        // sentences or are chrome lines
        let linked_sentence = b.quality == Quality::Bad
            && last_good_in.is_some_and(|l| i < l)
            && b.heading == 0
            && b.words >= rules::LINKED_SENTENCE_WORDS
            && b.link_density() <= 0.9
            && ends_sentence(&b.text)
            && crate::clean::rules::chrome_rule(&b.text, b.words).is_none();
        if b.quality == Quality::Bad && !linked_sentence {
            reason[i] = format!("link list ({:.0}% of the text is link text)", 100.0 * b.link_density());
            continue;
        }
        if b.heading == 0 && b.words <= rules::CAPTION_CHECK_WORDS {
            // captions and credits outside <figcaption> (a <p> or <div> under the picture)
            if let Some(r) = crate::clean::rules::caption_rule(&b.text, &b.text.to_lowercase(), b.words) {
                // a prose block needs a marker that prose does not use
                let weak = b.quality == Quality::Good && rules::CAPTION_WEAK_MARKERS.iter().any(|m| r.contains(&format!("{m:?}")));
                if !weak {
                    reason[i] = r;
                    continue;
                }
            }
        }
        if b.quality != Quality::Good {
            if b.words <= 3 && rules::is_ad_label(&b.text) {
                reason[i] = format!("advertisement label {:?}", b.text.trim());
                continue;
            }
            if let Some(r) = crate::clean::rules::chrome_rule(&b.text, b.words) {
                reason[i] = r;
                continue;
            }
            if ld_full && in_ld[i].is_some_and(|f| f < 0.2) && b.words >= 3 && b.heading == 0 {
                reason[i] = "short line not found in the JSON-LD articleBody".into();
                continue;
            }
        } else if ld_full && in_ld[i].is_some_and(|f| f < 0.1) && b.words >= 15 {
            reason[i] = "prose not found in the JSON-LD articleBody, which otherwise agrees with the page".into();
            continue;
        }
        keep[i] = true;
        label[i] = Label::Body;
        reason[i] = format!("{} inside the main content container ({container_name})", b.why);
    }

    // Trim short lines around the body: bylines and datelines above, "read more", tags and
    // credits below.
    let threshold_words = match options.favor {
        Favor::Precision => 12,
        Favor::Balanced => 8,
        Favor::Recall => 4,
    };
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| keep[i]).collect();
    let first_good = kept.iter().copied().find(|&i| blocks[i].quality == Quality::Good);
    let last_good = kept.iter().copied().rev().find(|&i| blocks[i].quality == Quality::Good);
    // A list of three or more items that are not links, and the heading just above it, ends an
    // article as often as it ends a page (lists of results, steps, names): it is not trimmed.
    let mut in_list = vec![false; blocks.len()];
    {
        let plain_item = |i: usize| blocks[i].kind == ParagraphKind::ListItem && blocks[i].heading == 0 && blocks[i].link_density() < 0.3;
        let mut k = 0;
        while k < kept.len() {
            let start = k;
            while k < kept.len() && plain_item(kept[k]) {
                k += 1;
            }
            if k - start >= rules::MIN_LIST_ITEMS {
                for &i in &kept[start..k] {
                    in_list[i] = true;
                }
                if start > 0 && blocks[kept[start - 1]].heading > 0 {
                    in_list[kept[start - 1]] = true;
                }
            }
            k = k.max(start + 1);
        }
    }
    if let (Some(fg), Some(lg)) = (first_good, last_good) {
        for &i in &kept {
            let b = &blocks[i];
            let mostly_date = || {
                b.words < 16 && crate::meta::dates::find_date(&b.text).is_some_and(|d| 2 * (d.end - d.start) >= b.text.len())
            };
            if i < fg && b.heading == 0 && (b.words < threshold_words || mostly_date()) && !in_ld[i].is_some_and(|f| f >= 0.5 && ld_agrees) {
                keep[i] = false;
                label[i] = Label::Boilerplate;
                reason[i] = "short line above the first paragraph (byline, dateline, kicker)".into();
            }
            if i > lg && (b.heading > 0 || (b.words < threshold_words && !ends_sentence(&b.text)))
                && !in_ld[i].is_some_and(|f| f >= 0.5 && ld_agrees)
                && !in_list[i]
            {
                keep[i] = false;
                label[i] = Label::Boilerplate;
                reason[i] = "short line after the last paragraph (tags, credits, links)".into();
            }
        }
    }

    let kept_words: usize = (0..blocks.len()).filter(|&i| keep[i]).map(|i| blocks[i].words).sum();
    let mut extra_paragraphs: Vec<(String, String)> = Vec::new();
    // Fallbacks when the container gives too little.
    if kept_words < 25 {
        if ld_words >= 30 {
            for i in 0..blocks.len() {
                if keep[i] {
                    keep[i] = false;
                    label[i] = Label::Boilerplate;
                    reason[i] = "the page's text gave too little; the JSON-LD articleBody is used instead".into();
                }
            }
            let ldb = ld_body.unwrap_or("");
            for p in ldb.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
                extra_paragraphs.push((
                    p.split_whitespace().collect::<Vec<_>>().join(" "),
                    "paragraph of the JSON-LD articleBody (the page's text gave too little)".into(),
                ));
            }
        } else {
            for (i, b) in blocks.iter().enumerate() {
                if label[i] == Label::Title || block_chrome(b).is_some() || b.quality == Quality::Bad {
                    continue;
                }
                if b.words >= 6 || b.heading > 0 {
                    keep[i] = true;
                    label[i] = Label::Body;
                    reason[i] = "fallback: no dense body found, every visible prose block of the page is kept".into();
                }
            }
        }
    }

    // Headings that end the body are section labels of what follows ("Related", "More").
    let mut last_kept = (0..blocks.len()).rev().find(|&i| keep[i]);
    while let Some(i) = last_kept {
        if blocks[i].heading > 0 {
            keep[i] = false;
            label[i] = Label::Boilerplate;
            reason[i] = "heading with no text after it".into();
            last_kept = (0..i).rev().find(|&j| keep[j]);
        } else {
            break;
        }
    }

    // Assemble.
    let mut paragraphs = Vec::new();
    let mut decisions = Vec::with_capacity(blocks.len() + extra_paragraphs.len());
    let mut seen: HashSet<String> = HashSet::new();
    for (i, b) in blocks.iter().enumerate() {
        let mut para = None;
        if keep[i] {
            if b.quality == Quality::Good && b.words >= 15 && !seen.insert(norm_key(&b.text)) {
                label[i] = Label::Boilerplate;
                reason[i] = "repeats a paragraph already kept".into();
            } else {
                para = Some(paragraphs.len());
                paragraphs.push(Paragraph::new(b.text.clone(), b.kind));
            }
        }
        decisions.push(decision(i, &b.text, label[i], std::mem::take(&mut reason[i]), para));
    }
    for (k, (t, r)) in extra_paragraphs.into_iter().enumerate() {
        decisions.push(decision(blocks.len() + k, &t, Label::Body, r, Some(paragraphs.len())));
        paragraphs.push(Paragraph::new(t, ParagraphKind::Paragraph));
    }

    // Lines between the title and the body, for datelines and bylines.
    let mut header = HeaderLines::default();
    let title_idx = (0..blocks.len()).find(|&i| label_is(&decisions[i], Label::Title));
    let first_body = decisions.iter().position(|d| d.paragraph.is_some());
    if let (Some(t), Some(f)) = (title_idx, first_body) {
        if t < f {
            header.between = (t + 1..f.min(t + 8)).filter(|&i| i < blocks.len()).map(|i| (i, blocks[i].text.clone())).collect();
        }
    }
    let title = title_idx.map(|i| blocks[i].text.clone());
    let lines: Vec<&str> = decisions.iter().map(|d| d.text.as_str()).collect();
    let wrap_width = crate::clean::wrap_width(&lines);
    TextExtraction { title, paragraphs, tweets: Vec::new(), header, decisions, wrap_width }
}

fn label_is(d: &LineDecision, l: Label) -> bool {
    d.label == l
}

#[cfg(test)]
mod tests;
