//! Metadata of HTML pages: JSON-LD, OpenGraph and other `<meta>` tags, `<time>`, `<html lang>`,
//! the canonical link. Every selector is compiled once.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use chrono::{Datelike, TimeZone, Timelike, Utc};

use super::dates::{find_date, parse_iso, FoundDate};
use crate::model::Article;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static TITLE_TAG: LazyLock<Selector> = LazyLock::new(|| sel("head title, title"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel=canonical][href]"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static JSONLD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel(r#"a[rel~="author"], [itemprop~="author"]"#));
static ITEMPROP_NAME: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop~="name"]"#));
static BYLINE: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"[class*="byline"], [class*="author-name"], [class*="authorName"], [class*="author_name"]"#));
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| sel(r#"[itemprop="datePublished"]"#));
static DATE_ELEMENT: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"body [class*="date" i], body [class*="publish" i], body [class*="posted" i], body [class*="dateline" i], body [id*="date" i]"#)
});
static BODY_H1: LazyLock<Selector> = LazyLock::new(|| sel("body h1"));

/// `<meta>` names and properties giving the publication date, in order of trust.
pub const DATE_META: &[&str] = &[
    "article:published_time", "article:published", "og:article:published_time", "datepublished", "og:published_time",
    "publishdate", "publish_date", "publication_date", "pubdate", "publish-date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dc.date.created", "date", "article.published",
    "published_time", "article_date_original", "originalpublicationdate", "cxenseparse:recs:publishtime", "og:pubdate",
];
/// Words that mark an author entry as an organisation, a desk or a CMS account, not a person.
const NON_PERSON_WORDS: &[&str] = &[
    "staff", "editorial", "editors", "admin", "administrator", "news", "media", "team", "desk", "reports", "press",
    "network", "agency", "newsroom", "wire", "service", "services", "online", "digital", "magazine", "daily",
    "times", "post", "journal", "tribune", "herald", "international", "redaktion", "rédaction", "redacción", "redazione",
    "webmaster", "contributor", "contributors", "guest", "sponsored", "coordenadoria", "bureau", "sport", "sports",
];
/// Wire agencies, named alone.
const AGENCIES: &[&str] = &[
    "reuters", "ap", "afp", "pti", "ians", "ani", "dpa", "efe", "ansa", "upi", "xinhua", "tass", "anp", "apa", "kyodo",
    "yonhap", "bloomberg", "associated press", "the associated press", "agence france-presse", "rt", "sky", "bbc", "cnn",
];
/// Credentials written after a name (`Jane Doe, MS, RDN`).
const CREDENTIALS: &[&str] = &["ms", "md", "phd", "rd", "rdn", "mph", "mba", "cpt", "jr", "sr", "dr", "ma", "msc", "bsc", "rn", "cscs", "ld", "cde"];
const AUTHOR_META: &[&str] = &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
const ARTICLE_TYPES: &[&str] = &["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage", "LiveBlogPosting", "ReviewNewsArticle", "Report"];

/// Metadata read from a page's markup.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<FoundDate>,
    /// Where `published` came from: `jsonld`, `meta` or `time`.
    pub published_source: Option<&'static str>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// The `(property | name | itemprop, content)` of every `<meta content>`, in document order
/// (read once: the page is not searched again for each name).
fn meta_pairs(doc: &Html) -> Vec<(&str, &str)> {
    doc.select(&META)
        .map(|m| {
            let v = m.value();
            let key = v.attr("property").or_else(|| v.attr("name")).or_else(|| v.attr("itemprop")).unwrap_or("");
            (key, v.attr("content").unwrap_or(""))
        })
        .collect()
}

fn meta_value(metas: &[(&str, &str)], names: &[&str]) -> Option<String> {
    for want in names {
        for (key, content) in metas {
            if key.eq_ignore_ascii_case(want) {
                if let Some(c) = clean(content) {
                    return Some(c);
                }
            }
        }
    }
    None
}

fn types_of(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out)),
        Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, out);
            }
        }
        _ => {}
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(o) => o.get("name").map(names_of).unwrap_or_default(),
        _ => vec![],
    }
}

/// The JSON-LD article object of the page, if any.
fn jsonld_article(doc: &Html) -> Option<Value> {
    for s in doc.select(&JSONLD) {
        let raw: String = s.text().collect();
        let parsed: Value = match serde_json::from_str(raw.trim()) {
            Ok(v) => v,
            Err(_) => match repair_json(&raw) {
                Some(v) => v,
                None => continue,
            },
        };
        let mut objs = Vec::new();
        collect_objects(&parsed, &mut objs);
        for want in ARTICLE_TYPES {
            if let Some(o) = objs.iter().find(|o| types_of(o).contains(want)) {
                return Some((*o).clone());
            }
        }
    }
    None
}

/// Common breakage of JSON-LD blocks: raw control characters inside strings, trailing commas,
/// HTML comments or CDATA around the object, several objects one after the other.
fn repair_json(raw: &str) -> Option<Value> {
    static TRAILING_COMMA: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(r",\s*([}\]])").unwrap());
    let mut t: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    for junk in ["<!--", "-->", "<![CDATA[", "]]>", "//"] {
        if t.trim_start().starts_with(junk) || t.trim_end().ends_with(junk) {
            t = t.replace(junk, " ");
        }
    }
    let t = TRAILING_COMMA.replace_all(t.trim().trim_end_matches(';'), "$1").into_owned();
    if let Ok(v) = serde_json::from_str(&t) {
        return Some(v);
    }
    // several objects, or garbage after the first one
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(&t).into_iter::<Value>();
    for v in stream {
        match v {
            Ok(v) => out.push(v),
            Err(_) => break,
        }
    }
    (!out.is_empty()).then_some(Value::Array(out))
}

/// Alphanumeric lowercase words, to compare titles whatever their quotes and case.
fn key_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Does the displayed headline `h1` say the same as a structured title `t`?
fn same_title(h1: &str, t: &str) -> bool {
    let (a, b) = (key_words(h1), key_words(t));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (ja, jb) = (a.join(" "), b.join(" "));
    if a.len() >= 3 && (jb.contains(&ja) || ja.contains(&jb)) {
        return true;
    }
    let sa: std::collections::HashSet<&String> = a.iter().collect();
    let sb: std::collections::HashSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count() as f64;
    inter / (sa.len().min(sb.len()) as f64) >= 0.6 && inter >= 3.0
}

/// Abbreviations written with a full stop inside names.
const NAME_ABBREVIATIONS: &[&str] = &["dr", "mr", "mrs", "ms", "jr", "sr", "st", "prof", "rev", "gen", "col", "lt", "capt", "sen", "rep", "gov"];

/// Where the first sentence of an author entry ends (`. `): initials and abbreviations
/// (`E.`, `Jr.`, `Dr.`) end nothing.
fn sentence_end(e: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = e[from..].find(". ") {
        let at = from + k;
        let word = e[..at].rsplit(|c: char| c.is_whitespace() || c == '.').next().unwrap_or("");
        if word.chars().count() > 1 && !NAME_ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Person names from author entries: `By`, job titles, credentials, e-mails and trailing
/// outlet names are cut; organisations, agencies, desks and CMS accounts are dropped.
/// Whether a text names an organisation, a desk or an account rather than a person (one of
/// its words is one of [`NON_PERSON_WORDS`]: `News Nation Bureau`, `Telegraph Sport`).
pub fn names_an_organisation(text: &str) -> bool {
    key_words(text).iter().any(|w| NON_PERSON_WORDS.contains(&w.as_str()))
}

/// CMS accounts named as authors.
const ACCOUNTS: &[&str] = &["admin", "administrator", "webmaster"];

/// Whether a byline name is a wire agency (`Reuters`, `Associated Press`), a CMS account
/// (`Admin`) or credentials (`MS`, `RDN`) rather than someone's name. (Desks, `La Rédaction`,
/// are names a text byline gives; the markup's [`person_authors`] drops them too.)
pub fn is_agency_or_account(name: &str) -> bool {
    let k = key_words(name);
    let kj = k.join(" ");
    k.is_empty() || AGENCIES.contains(&kj.as_str()) || (k.len() == 1 && ACCOUNTS.contains(&kj.as_str())) || k.iter().all(|w| CREDENTIALS.contains(&w.as_str()))
}

pub fn person_authors(raw: &[String], site: Option<&str>) -> Vec<String> {
    let site_key = site.map(|s| key_words(s).join(" "));
    let mut out: Vec<String> = Vec::new();
    for entry in raw {
        let mut e = entry.trim().to_string();
        if e.starts_with("http") || e.starts_with('@') || e.contains('/') && !e.contains(' ') {
            continue;
        }
        // "Analysis by X", "By X"
        if let Some(p) = e.to_lowercase().rfind("by ") {
            if p == 0 || e[..p].split_whitespace().count() <= 2 && e.is_char_boundary(p) {
                e = e[p + 3..].to_string();
            }
        }
        for cut in [" | ", " – ", " — ", " - ", " publiziert", " publié", " published", " updated", "\n"] {
            if let Some(p) = e.find(cut) {
                e.truncate(p);
            }
        }
        // a sentence after the name ends it, an initial or a title does not (`Sarah E.
        // Needleman`, `Dr. Jane Doe`)
        if let Some(p) = sentence_end(&e) {
            e.truncate(p);
        }
        let names = super::text::byline_authors(&format!("By {e}")).unwrap_or_default();
        for n in names {
            let k = key_words(&n);
            let kj = k.join(" ");
            // (the accounts is_agency_or_account knows are organisation words too)
            if is_agency_or_account(&n) || names_an_organisation(&n) {
                continue;
            }
            if site_key.as_ref().is_some_and(|s| !s.is_empty() && (kj == *s || kj.contains(s.as_str()) || s.contains(&kj))) {
                continue;
            }
            // CMS accounts: one lower-case token ("admin", "jdadmin")
            if k.len() == 1 && !n.chars().any(char::is_uppercase) {
                continue;
            }
            if k.len() == 1 && n.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                continue;
            }
            if !out.iter().any(|o| o.to_lowercase() == n.to_lowercase()) {
                out.push(n);
            }
        }
    }
    out
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(p) = title.rfind(sep) {
            let tail = &title[p + sep.len()..];
            if site.is_some_and(|s| tail.eq_ignore_ascii_case(s)) || (crate::model::word_count(tail) <= 4 && p > tail.len()) {
                return title[..p].trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A date from the page's markup, or `None`; years before [`super::dates::MIN_YEAR`] and days
/// after [`super::text::latest_day`] are rejected.
fn markup_date(s: &str) -> Option<FoundDate> {
    let f = parse_iso(s).or_else(|| find_date(s))?;
    (f.date <= super::text::latest_day()).then_some(f)
}

/// The day a URL names (`/2019/11/18/`, `/2019-11-18/`, `20191118`), if any.
pub fn url_date(url: &str) -> Option<chrono::NaiveDate> {
    static URL_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)").unwrap()
    });
    let c = URL_DATE.captures(url)?;
    let d = chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    (d.year() >= super::dates::MIN_YEAR && d <= super::text::latest_day()).then_some(d)
}

/// Read the metadata of a parsed page.
///
/// Precedence (first source that gives a usable value wins):
/// * title: the page's `<h1>` when it says the same as a structured title (JSON-LD `headline`,
///   `og:title`, `twitter:title`, `<title>`), since that is the headline as displayed; else the
///   JSON-LD headline, `og:title`, `twitter:title`, the first `<h1>`, `<title>`; a ` | Site`
///   suffix is cut.
/// * published (`published_source`): JSON-LD `datePublished`/`dateCreated` of the article
///   object (`jsonld`), the date `<meta>`s in [`DATE_META`] order (`meta`), microdata
///   `itemprop=datePublished` (`meta`), the first `<time datetime>` (`time`). The visible
///   dateline (`text`) and the URL's date (`url`) are fallbacks applied by [`apply`].
/// * authors: JSON-LD `author` (Person entries; Organization entries are not authors), the
///   author `<meta>`s, `rel=author` / `itemprop=author`, byline elements; cleaned by
///   [`person_authors`].
/// * site name: `og:site_name`, JSON-LD `publisher.name`, `application-name`.
/// * language: `<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`.
pub fn extract(doc: &Html) -> HtmlMeta {
    let metas = meta_pairs(doc);
    let ld = jsonld_article(doc);
    let ld_str = |k: &str| ld.as_ref().and_then(|o| o.get(k)).and_then(Value::as_str).and_then(clean);
    let site_name = meta_value(&metas, &["og:site_name"])
        .or_else(|| ld.as_ref().and_then(|o| o.get("publisher")).map(names_of).and_then(|n| n.into_iter().next()))
        .or_else(|| meta_value(&metas, &["application-name"]))
        .filter(|s| !s.starts_with("http") && !s.starts_with('@'));
    let tag_title = doc.select(&TITLE_TAG).next().and_then(|t| clean(&t.text().collect::<String>()));
    let structured: Vec<String> = [ld_str("headline"), meta_value(&metas, &["og:title"]), meta_value(&metas, &["twitter:title"]), tag_title.clone()]
        .into_iter()
        .flatten()
        .collect();
    let h1s: Vec<String> = doc.select(&BODY_H1).take(6).filter_map(|h| clean(&h.text().collect::<String>())).collect();
    let matched_h1 = h1s.iter().find(|h| structured.iter().any(|t| same_title(h, &strip_site_suffix(t, site_name.as_deref())))).cloned();
    let title = matched_h1.or_else(|| {
        ld_str("headline")
            .or_else(|| meta_value(&metas, &["og:title", "twitter:title"]))
            .or_else(|| h1s.first().cloned())
            .or(tag_title)
            .map(|t| strip_site_suffix(&t, site_name.as_deref()))
    });

    let mut published_source = None;
    let mut published = None;
    for key in ["datePublished", "dateCreated"] {
        if published.is_none() {
            published = ld_str(key).and_then(|s| markup_date(&s));
        }
    }
    if published.is_some() {
        published_source = Some("jsonld");
    }
    if published.is_none() {
        published = DATE_META.iter().find_map(|k| meta_value(&metas, &[k]).and_then(|s| markup_date(&s)));
        if published.is_none() {
            published = doc.select(&ITEMPROP_DATE).find_map(|e| {
                let v = e.value();
                v.attr("content").or(v.attr("datetime")).map(str::to_string).or_else(|| clean(&e.text().collect::<String>())).and_then(|s| markup_date(&s))
            });
        }
        if published.is_some() {
            published_source = Some("meta");
        }
    }
    if published.is_none() {
        published = doc.select(&TIME).find_map(|t| t.value().attr("datetime").and_then(markup_date));
        if published.is_some() {
            published_source = Some("time");
        }
    }
    if published.is_none() {
        // a visible dateline element (`<span class="post-date">`): its text, when short
        published = doc.select(&DATE_ELEMENT).take(20).find_map(|e| {
            let t = clean(&e.text().collect::<String>())?;
            if t.chars().count() > 80 || super::text::UPDATE_WORDS.iter().any(|w| t.to_lowercase().starts_with(w)) {
                return None;
            }
            find_date(&t).filter(|f| f.date <= super::text::latest_day())
        });
        if published.is_some() {
            published_source = Some("text");
        }
    }

    let mut raw_authors: Vec<String> = Vec::new();
    if let Some(a) = ld.as_ref().and_then(|o| o.get("author")) {
        let entries: Vec<&Value> = match a {
            Value::Array(x) => x.iter().collect(),
            v => vec![v],
        };
        for e in entries {
            if types_of(e).iter().any(|t| *t == "Organization" || *t == "NewsMediaOrganization") {
                continue;
            }
            raw_authors.extend(names_of(e));
        }
    }
    let mut authors = person_authors(&raw_authors, site_name.as_deref());
    if authors.is_empty() && raw_authors.is_empty() {
        for k in AUTHOR_META {
            if let Some(a) = meta_value(&metas, &[k]) {
                authors = person_authors(&a.split(';').map(str::to_string).collect::<Vec<_>>(), site_name.as_deref());
                if !authors.is_empty() {
                    break;
                }
            }
        }
    }
    if authors.is_empty() && raw_authors.is_empty() {
        let found: Vec<String> = doc
            .select(&REL_AUTHOR)
            .filter_map(|a: ElementRef| {
                let named = a.select(&ITEMPROP_NAME).next().map(|n| n.value().attr("content").map(str::to_string).unwrap_or_else(|| n.text().collect()));
                let text = named.or_else(|| a.value().attr("content").map(str::to_string)).unwrap_or_else(|| a.text().collect());
                clean(&text)
            })
            .collect();
        authors = person_authors(&found, site_name.as_deref());
    }
    if authors.is_empty() && raw_authors.is_empty() {
        let found: Vec<String> = doc.select(&BYLINE).take(3).filter_map(|a| clean(&a.text().collect::<String>())).filter(|t| t.len() < 120).collect();
        authors = person_authors(&found, site_name.as_deref());
    }
    let section = meta_value(&metas, &["article:section"]).or_else(|| ld_str("articleSection"));
    let url = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .and_then(clean)
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta_value(&metas, &["og:url"]).filter(|u| u.starts_with("http")));
    let lang = doc
        .select(&HTML_LANG)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .and_then(clean)
        .or_else(|| meta_value(&metas, &["content-language", "og:locale"]))
        .or_else(|| ld_str("inLanguage"))
        .map(|l| l.split(['-', '_']).next().unwrap_or("").to_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    HtmlMeta { title, site_name, section, authors, published, published_source, url, lang }
}

/// Fill `article` from a page's markup, over what [`super::text::apply`] read from the visible
/// text (`text_source`: where that text date came from). Returns the `published_source`.
///
/// The structured timestamp wins, but its day is corrected to the day the page displays when
/// the visible dateline or the URL names the day before or after: a timestamp written in UTC
/// (or with a wrong offset) often falls on the next day (`Nov 18, 2019 11:03 PM PST` is
/// `2019-11-19T07:03Z`), and `published_date` is the day as the publisher states it.
pub fn apply(m: HtmlMeta, article: &mut Article, text_source: Option<&'static str>) -> Option<&'static str> {
    if m.title.is_some() {
        article.title = m.title;
    }
    article.site_name = m.site_name.or(article.site_name.take());
    article.section = m.section.or(article.section.take());
    // the markup's authors; else the visible byline's, held to the same rules
    article.authors = if m.authors.is_empty() { person_authors(&article.authors, article.site_name.as_deref()) } else { m.authors };
    if article.url.is_none() {
        article.url = m.url;
    }
    let from_url = article.url.as_deref().and_then(url_date);
    let visible = article.published_date.filter(|_| text_source.is_some());
    // the visible dateline's instant, when it gave a clock time (a time without a zone is
    // read as UTC, so it may be off by the publisher's offset, never by more than 14 hours)
    let visible_instant = article.published.filter(|_| visible.is_some());
    match m.published {
        Some(p) => {
            let mut day = p.date;
            if p.has_time {
                // a UTC instant falls on the day before somewhere in the Americas only in its
                // first hours, and on the day after in Asia and Oceania only in its last hours
                let hour = p.instant.hour();
                let near = |shown: chrono::NaiveDate| {
                    (shown == day.pred_opt().unwrap_or(day) && hour < 9) || (shown == day.succ_opt().unwrap_or(day) && hour >= 14)
                };
                if let Some(u) = from_url.filter(|&u| near(u)) {
                    day = u;
                } else if let (Some(v), Some(vi)) = (visible.filter(|&v| near(v)), visible_instant) {
                    if (vi - p.instant).num_hours().abs() <= 14 || vi.time() == chrono::NaiveTime::MIN {
                        day = v;
                    }
                }
            }
            article.published = Some(p.instant);
            article.published_date = Some(day);
            article.published_text = Some(p.text);
            m.published_source
        }
        None if visible.is_some() => text_source,
        None => {
            let d = from_url?;
            article.published = Some(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?));
            article.published_date = Some(d);
            article.published_text = None;
            Some("url")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonld_graph_and_meta() {
        let html = r#"<html lang="en"><head><title>Big story | The Paper</title>
        <meta property="og:site_name" content="The Paper">
        <link rel="canonical" href="https://paper.example/big-story">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Big story","datePublished":"2019-11-18T23:03:00-08:00","author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}]}]}</script>
        </head><body><h1>Big story</h1></body></html>"#;
        let m = extract(&Html::parse_document(html));
        assert_eq!(m.title.as_deref(), Some("Big story"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        let p = m.published.unwrap();
        assert_eq!(p.date.to_string(), "2019-11-18");
        assert_eq!(p.instant.to_rfc3339(), "2019-11-19T07:03:00+00:00");
        assert_eq!(m.url.as_deref(), Some("https://paper.example/big-story"));
        assert_eq!(m.lang.as_deref(), Some("en"));
    }

    fn page(head: &str, body: &str) -> HtmlMeta {
        extract(&Html::parse_document(&format!("<html><head>{head}</head><body>{body}</body></html>")))
    }

    #[test]
    fn jsonld_array_reportage_and_broken_json() {
        let m = page(r#"<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"Floods in the valley","datePublished":"2019-11-20T06:35:39+0000","author":{"@type":"Person","name":"By TOM KRISHER, AP Auto Writer"},}]</script>"#, "<h1>Floods in the valley</h1>");
        assert_eq!(m.title.as_deref(), Some("Floods in the valley"));
        assert_eq!(m.published.as_ref().unwrap().date.to_string(), "2019-11-20");
        assert_eq!(m.published_source, Some("jsonld"));
        assert_eq!(m.authors, ["TOM KRISHER"]);
        // control characters and trailing garbage
        let m = page("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"datePublished\":\"2018-09-15\"} ;</script>", "");
        assert_eq!(m.published.unwrap().date.to_string(), "2018-09-15");
    }

    #[test]
    fn organisation_authors_and_agencies_are_not_persons() {
        let m = page(r#"<meta property="og:site_name" content="CNN"><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Organization","name":"BBC News"}]}</script>"#, "");
        assert!(m.authors.is_empty());
        assert!(person_authors(&["Reuters".into()], None).is_empty());
        assert_eq!(person_authors(&["Jill Disis".into(), "CNN Business".into()], Some("CNN")), ["Jill Disis"]);
        assert_eq!(person_authors(&["Ilana Muhlstein, MS, RDN".into()], None), ["Ilana Muhlstein"]);
        assert!(person_authors(&["admin".into()], None).is_empty());
        assert_eq!(person_authors(&["By MEG KINNARD and ERRIN HAINES, Associated Press".into()], None), ["MEG KINNARD", "ERRIN HAINES"]);
    }

    #[test]
    fn each_date_source() {
        let m = page(r#"<meta property="article:published_time" content="2019-11-18T17:56:27.000Z">"#, "");
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-18".into(), Some("meta")));
        let m = page(r#"<meta name="pubdate" content="20191118">"#, r#"<span itemprop="datePublished" content="2019-11-17">Nov 17</span>"#);
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-17".into(), Some("meta")));
        let m = page("", r#"<time datetime="2019-11-16T08:00:00+01:00">16 Nov</time>"#);
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-16".into(), Some("time")));
        let m = page(r#"<meta name="date" content="2019-11-15">"#, "");
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-15".into(), Some("meta")));
        let m = page(r#"<script type="application/ld+json">{"@type":"Article","headline":"Plain article","datePublished":"2019-11-14"}</script>"#, "");
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-14".into(), Some("jsonld")));
        assert_eq!(m.title.as_deref(), Some("Plain article"));
        // a visible dateline element, when the markup has no structured date
        let m = page("", r#"<div class="post-meta"><span class="entry-date">Posted on November 20, 2019</span></div>"#);
        assert_eq!((m.published.unwrap().date.to_string(), m.published_source), ("2019-11-20".into(), Some("text")));
                // placeholders and future dates are no dates
        let m = page(r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">"#, r#"<time datetime="2999-01-01">x</time>"#);
        assert_eq!(m.published, None);
    }

    #[test]
    fn initials_and_titles_do_not_end_an_author_entry() {
        let names = person_authors(&["Sarah E. Needleman".to_string(), "Dr. Jane Doe. Senior fellow at the institute".to_string()], None);
        assert_eq!(names, ["Sarah E. Needleman", "Dr. Jane Doe"]);
    }

    #[test]
    fn authors_from_meta_rel_itemprop_and_byline() {
        assert_eq!(page(r#"<meta name="byl" content="By Ana Swanson">"#, "").authors, ["Ana Swanson"]);
        assert_eq!(page("", r#"<a rel="author" href="/a">Zac Hall</a>"#).authors, ["Zac Hall"]);
        assert_eq!(page("", r#"<span itemprop="author"><span itemprop="name">Suzanne Gamboa</span></span>"#).authors, ["Suzanne Gamboa"]);
        assert_eq!(page("", r#"<div class="article-byline">By Jeff Foust</div>"#).authors, ["Jeff Foust"]);
    }

    #[test]
    fn h1_wins_when_it_matches_og_title_and_lang_fallbacks() {
        let m = page(r#"<meta property="og:title" content="Opinion | Is Football Violence a Crime?"><meta property="og:locale" content="pt_BR">"#, "<h1>Is Football Violence a Crime?</h1>");
        assert_eq!(m.title.as_deref(), Some("Is Football Violence a Crime?"));
        assert_eq!(m.lang.as_deref(), Some("pt"));
    }

    #[test]
    fn apply_records_the_source_and_corrects_the_utc_day() {
        let mut a = Article { url: Some("https://paper.example/2019/11/18/story.html".into()), ..Article::default() };
        let m = page(r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T04:58:46Z"}</script>"#, "");
        assert_eq!(apply(m, &mut a, None), Some("jsonld"));
        assert_eq!(a.published_date.unwrap().to_string(), "2019-11-18");
        assert_eq!(a.published.unwrap().to_rfc3339(), "2019-11-19T04:58:46+00:00");
        // no markup date: the URL's day
        let mut a = Article { url: Some("https://paper.example/2019/11/18/story.html".into()), ..Article::default() };
        assert_eq!(apply(page("", ""), &mut a, None), Some("url"));
        assert_eq!(a.published_date.unwrap().to_string(), "2019-11-18");
        // the canonical URL fills `url` when the input has none
        let mut a = Article::default();
        apply(page(r#"<link rel="canonical" href="https://paper.example/x">"#, ""), &mut a, None);
        assert_eq!(a.url.as_deref(), Some("https://paper.example/x"));
    }

    #[test]
    fn title_tag_fallback_strips_site() {
        let m = extract(&Html::parse_document("<title>Storm hits coast - Coast Herald</title><meta name=author content='Ann Lee'>"));
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.authors, ["Ann Lee"]);
    }
}
