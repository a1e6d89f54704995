//! The vocabulary of the HTML extractor, as data, in one place: which tags are never text,
//! which start a block, which are page chrome, and which class/id words mark boilerplate or
//! content. Everything is compiled once.

use std::sync::LazyLock;

/// Elements whose content is never visible text (or duplicates it, as `<noscript>` does).
pub const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "select", "option", "textarea", "input", "button", "video", "audio", "map", "math", "picture",
    "source", "track", "link", "meta", "title", "dialog",
];

/// Elements that are page chrome by their tag alone, with the reason shown by `explain`.
pub const CHROME_TAGS: &[(&str, &str)] = &[
    ("nav", "navigation (<nav>)"),
    ("footer", "page or article footer (<footer>)"),
    ("aside", "sidebar or aside (<aside>)"),
    ("form", "form (<form>)"),
    ("header", "header (<header>: title, byline, site banner)"),
    ("figcaption", "caption or credit (<figcaption>)"),
    ("menu", "menu (<menu>)"),
];

/// Elements that start and end a block of text. Anything else is inline and never splits a
/// paragraph.
pub const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td",
    "th", "figure", "figcaption", "address", "details", "summary", "hr", "body", "center",
    "fieldset", "legend", "caption", "tbody", "thead", "tfoot", "form", "menu", "hgroup", "html",
    "noframes", "frameset", "frame",
];

/// class/id words (whole tokens, after splitting on punctuation) that mark boilerplate.
/// Short words are matched as whole tokens only, since they hide inside other words.
pub const BOILERPLATE_TOKENS: &[(&str, &str)] = &[
    ("ad", "advertisement"),
    ("ads", "advertisement"),
    ("adv", "advertisement"),
    ("dfp", "advertisement"),
    ("gpt", "advertisement"),
    ("nav", "navigation"),
    ("navbar", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("breadcrumbs", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("masthead", "page header"),
    ("header", "page header"),
    ("footer", "footer"),
    ("share", "share bar"),
    ("sharing", "share bar"),
    ("social", "share bar"),
    ("tags", "tag list"),
    ("tag", "tag list"),
    ("topics", "tag list"),
    ("keywords", "tag list"),
    ("meta", "article metadata (byline, date)"),
    ("byline", "byline"),
    ("author", "byline"),
    ("authors", "byline"),
    ("dateline", "dateline"),
    ("timestamp", "dateline"),
    ("date", "dateline"),
    ("time", "dateline"),
    ("caption", "caption or credit"),
    ("credit", "caption or credit"),
    ("credits", "caption or credit"),
    ("hidden", "hidden element"),
    ("hide", "hidden element"),
    ("invisible", "hidden element"),
    ("print", "print-only element"),
    ("modal", "pop-up"),
    ("popup", "pop-up"),
    ("overlay", "pop-up"),
    ("toolbar", "toolbar"),
    ("tools", "toolbar"),
    ("widget", "widget"),
    ("widgets", "widget"),
    ("skip", "skip link"),
    ("login", "login box"),
    ("signin", "login box"),
    ("rating", "rating widget"),
    ("print-only", "print-only element"),
    ("disclaimer", "disclaimer"),
    ("copyright", "copyright notice"),
    ("legal", "legal notice"),
    ("banner", "banner"),
    ("teaser", "teaser"),
    ("teasers", "teaser"),
    ("more", "more-stories box"),
    ("trending", "more-stories box"),
    ("popular", "more-stories box"),
    ("sponsored", "sponsored content"),
    ("sponsor", "sponsored content"),
    ("partner", "sponsored content"),
    ("video", "video player"),
    ("gallery", "gallery"),
    ("slideshow", "gallery"),
    ("carousel", "gallery"),
    ("sidebar", "sidebar"),
    ("rail", "sidebar"),
    ("aside", "sidebar"),
    ("sticky", "sticky bar"),
    ("cta", "call to action"),
    ("follow", "follow box"),
    ("bio", "author bio"),
    ("embed", "embedded media"),
    ("toc", "table of contents"),
];

/// class/id substrings that mark boilerplate wherever they occur (long enough not to hide in
/// innocent words).
pub const BOILERPLATE_SUBSTRINGS: &[(&str, &str)] = &[
    ("sidebar", "sidebar"),
    ("comment", "comments"),
    ("disqus", "comments"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("readmore", "related links"),
    ("read-more", "related links"),
    ("morestories", "related links"),
    ("more-stories", "related links"),
    ("recirc", "related links"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("newsletter", "newsletter box"),
    ("subscribe", "newsletter box"),
    ("subscription", "newsletter box"),
    ("signup", "newsletter box"),
    ("sign-up", "newsletter box"),
    ("paywall", "paywall"),
    ("cookie", "cookie banner"),
    ("consent", "cookie banner"),
    ("gdpr", "cookie banner"),
    ("advert", "advertisement"),
    ("adslot", "advertisement"),
    ("ad-slot", "advertisement"),
    ("adunit", "advertisement"),
    ("ad-unit", "advertisement"),
    ("ad-container", "advertisement"),
    ("ad-wrapper", "advertisement"),
    ("googlead", "advertisement"),
    ("promo", "promotion"),
    ("breadcrumb", "navigation"),
    ("navigation", "navigation"),
    ("dropdown", "navigation"),
    ("social", "share bar"),
    ("sharebar", "share bar"),
    ("share-bar", "share bar"),
    ("sharing", "share bar"),
    ("shareicons", "share bar"),
    ("share-tools", "share bar"),
    ("byline", "byline"),
    ("caption", "caption or credit"),
    ("footnote", "footer"),
    ("pagefooter", "footer"),
    ("site-footer", "footer"),
    ("site-header", "page header"),
    ("masthead", "page header"),
    ("visually-hidden", "hidden element"),
    ("sr-only", "hidden element"),
    ("screen-reader", "hidden element"),
    ("author-info", "author bio"),
    ("authorinfo", "author bio"),
    ("about-author", "author bio"),
    ("instagram", "embedded media"),
    ("tiktok", "embedded media"),
    ("facebook", "embedded media"),
    ("pinterest", "embedded media"),
    ("whatsapp", "share bar"),
    ("newsfeed", "related links"),
    ("most-read", "more-stories box"),
    ("mostread", "more-stories box"),
    ("most-popular", "more-stories box"),
    ("mostpopular", "more-stories box"),
    ("headlines", "more-stories box"),
    ("linklist", "link list"),
    ("link-list", "link list"),
    ("contributor", "byline"),
    ("published", "dateline"),
    ("updated", "dateline"),
    ("postmeta", "article metadata (byline, date)"),
    ("post-meta", "article metadata (byline, date)"),
    ("entry-meta", "article metadata (byline, date)"),
    ("article-meta", "article metadata (byline, date)"),
    ("print-", "print-only element"),
];

/// class/id words that mark the article's own content; an element carrying one of them is
/// never dropped for a boilerplate word, and weighs more as a body container.
pub const CONTENT_TOKENS: &[&str] = &[
    "article", "articlebody", "content", "entry", "main", "post", "story", "storybody", "text",
    "body", "prose", "blog", "richtext", "hentry", "h-entry", "single", "td-post",
    "maincontent", "post-content", "entry-content", "article-body", "story-body", "article-content",
];

/// ARIA roles that are chrome.
pub const CHROME_ROLES: &[(&str, &str)] = &[
    ("navigation", "navigation (role=navigation)"),
    ("banner", "page header (role=banner)"),
    ("contentinfo", "footer (role=contentinfo)"),
    ("complementary", "sidebar (role=complementary)"),
    ("search", "search box (role=search)"),
    ("dialog", "pop-up (role=dialog)"),
    ("alert", "alert banner (role=alert)"),
    ("menu", "navigation (role=menu)"),
    ("menubar", "navigation (role=menubar)"),
];

/// Short words of the most common languages, for the stop-word density of a block (prose is
/// full of them; menus, credits and teasers are not).
pub const STOP_WORDS: &[&str] = &[
    // en
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is",
    "are", "was", "were", "be", "been", "it", "its", "that", "this", "as", "but", "not", "have",
    "has", "had", "he", "she", "they", "we", "you", "his", "her", "their", "which", "who", "will",
    "would", "can", "could", "there", "than", "also", "into", "about", "after", "more", "said",
    // de
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine", "auf",
    "sich", "auch", "zu", "es", "im", "für", "wird", "sind", "wie", "dass", "aus", "bei", "nach",
    // fr
    "le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas",
    "sur", "au", "avec", "ce", "il", "elle", "par", "plus", "sont", "ont", "été",
    // es / pt / it
    "el", "los", "las", "y", "en", "del", "por", "con", "para", "se", "una", "es", "lo", "como",
    "más", "pero", "o", "da", "do", "os", "em", "não", "uma", "com", "il", "di", "che", "e", "è",
    "per", "non", "della", "sono", "nel", "gli", "al",
    // nl / sv / da / no
    "het", "een", "van", "dat", "niet", "zijn", "op", "voor", "met", "och", "att", "det", "som",
    "är", "på", "og", "er", "til", "af", "ikke", "med", "jeg",
    // ru / pl / tr / id
    "и", "в", "не", "на", "что", "с", "по", "как", "это", "из", "за", "для", "i", "w", "nie",
    "się", "z", "jest", "że", "do", "na", "ve", "bir", "bu", "da", "için", "ile", "yang", "dan",
    "di", "ini", "itu", "dengan", "untuk",
];

/// Most prose (characters) a teaser card may hold: a headline and a summary, not an article.
pub const CARD_MAX_CHARS: u32 = 700;
/// Least prose (characters) outside rows of teaser cards for them to be dropped: below it the
/// page is a listing or a listicle made of them, and they are its text.
pub const CARD_MIN_ARTICLE_CHARS: u32 = 400;

/// Longest cell text (characters) joined with its row's other cells into one block: data
/// cells are short, a layout cell holding an article is not.
pub const TABLE_CELL_MAX_CHARS: u32 = 200;

/// Blocks up to this many words are checked for the shapes of a photo caption or credit (the
/// text cleaner's caption rule) when no `<figcaption>` or caption class marks them.
pub const CAPTION_CHECK_WORDS: usize = 45;

/// Caption markers of the text cleaner that sentences of an article use too ("courtesy of",
/// "(left)"): on a block that reads as prose they do not make it a caption.
pub const CAPTION_WEAK_MARKERS: &[&str] = &[
    "courtesy of", "(courtesy", ", left, ", ", right, ", ", center, ", "(left)", "(right)", "(l-r)", "(r-l)",
    "pictured:", "(pictured)", "fonte:", "foto:", "photographer:", "in this photo", "in this image",
];

/// Items (not links) a list after the last paragraph must have to be kept as part of the body.
pub const MIN_LIST_ITEMS: usize = 3;

/// Least words of a sentence made mostly of link text for it to be kept inside the body.
pub const LINKED_SENTENCE_WORDS: usize = 6;

/// Least characters of a run of links inside a `<span>` glued after a paragraph's text for it
/// to be cut out of the paragraph (a hover card, an inline menu).
pub const GLUED_LINKS_MIN_CHARS: u32 = 80;

/// Labels that stand alone above an ad slot, in the common languages (a line that is only one
/// of them, any case, trailing punctuation aside).
pub const AD_LABELS: &[&str] = &[
    "advert", "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted",
    "anzeige", "werbung", "publicité", "publicite", "pub", "publicidad", "publicidade", "pubblicità",
    "pubblicita", "advertentie", "reklama", "reklam", "annons", "annonse", "reclame", "iklan",
    "реклама", "広告", "广告", "광고", "إعلان",
];

static AD_LABEL_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| AD_LABELS.iter().copied().collect());

/// Whether a line is only an advertisement label ("Advert", "Anzeige", "Publicité").
pub fn is_ad_label(text: &str) -> bool {
    let t = text.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    !t.is_empty() && AD_LABEL_SET.contains(t.as_str())
}

/// What the class/id/role of an element says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrVerdict {
    Neutral,
    Content,
    Boilerplate(&'static str),
}

static TOKEN_MAP: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| BOILERPLATE_TOKENS.iter().copied().collect());
static SUBSTRINGS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(BOILERPLATE_SUBSTRINGS.iter().map(|(p, _)| *p)).expect("valid patterns")
});
static CONTENT: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| CONTENT_TOKENS.iter().copied().collect());
pub static STOP: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Judge an element by its class and id (already joined, any case).
pub fn judge_attrs(class_id: &str) -> AttrVerdict {
    if class_id.is_empty() {
        return AttrVerdict::Neutral;
    }
    let lower = class_id.to_ascii_lowercase();
    let mut content = false;
    let mut bad: Option<&'static str> = None;
    for tok in lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        if tok.is_empty() {
            continue;
        }
        if CONTENT.contains(tok) {
            content = true;
        }
        // the parts of a hyphenated word count as tokens too: "article-footer" -> footer
        for part in std::iter::once(tok).chain(tok.split('-').filter(|p| *p != tok)) {
            if CONTENT.contains(part) {
                content = true;
            }
            if bad.is_none() {
                if let Some(r) = TOKEN_MAP.get(part) {
                    bad = Some(r);
                }
            }
        }
    }
    if bad.is_none() {
        if let Some(m) = SUBSTRINGS.find(&lower) {
            bad = Some(BOILERPLATE_SUBSTRINGS[m.pattern().as_usize()].1);
        }
    }
    match (bad, content) {
        // "article-comments", "story-related": the boilerplate word is the more specific one
        (Some(r), true) if STRONG.contains(&r) => AttrVerdict::Boilerplate(r),
        (_, true) => AttrVerdict::Content,
        (Some(r), false) => AttrVerdict::Boilerplate(r),
        (None, false) => AttrVerdict::Neutral,
    }
}

/// Boilerplate kinds that win over a content word in the same class list.
const STRONG: &[&str] = &[
    "comments", "related links", "newsletter box", "cookie banner", "advertisement", "share bar",
    "caption or credit", "byline", "article metadata (byline, date)", "author bio", "more-stories box",
    "tag list", "promotion", "footer", "navigation", "hidden element", "embedded media", "sidebar",
    "dateline", "paywall",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_are_judged_as_tokens() {
        assert_eq!(judge_attrs("header-ad"), AttrVerdict::Boilerplate("page header"));
        assert_eq!(judge_attrs("shadow reader"), AttrVerdict::Neutral);
        assert_eq!(judge_attrs("article-body"), AttrVerdict::Content);
        assert_eq!(judge_attrs("article-comments"), AttrVerdict::Boilerplate("comments"));
        assert_eq!(judge_attrs("RelatedStories"), AttrVerdict::Boilerplate("related links"));
        assert_eq!(judge_attrs("navigation"), AttrVerdict::Boilerplate("navigation"));
        assert_eq!(judge_attrs("canvas"), AttrVerdict::Neutral);
    }

    #[test]
    fn ad_labels_are_whole_lines() {
        assert!(is_ad_label("Advert"));
        assert!(is_ad_label(" - ANZEIGE - "));
        assert!(is_ad_label("Publicité"));
        assert!(!is_ad_label("Advertising revenue fell"));
        assert!(!is_ad_label("Adverts"));
    }
}
