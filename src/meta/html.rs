//! Metadata of HTML pages: JSON-LD, OpenGraph and other `<meta>` tags, `<time>`, `<html lang>`,
//! the canonical link. Every selector is compiled once.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::dates::{find_date, parse_iso, FoundDate};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static TITLE_TAG: LazyLock<Selector> = LazyLock::new(|| sel("head title, title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static META: LazyLock<Selector> = LazyLock::new(|| sel("meta[content]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel=canonical][href]"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime]"));
static JSONLD: LazyLock<Selector> = LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel(r#"a[rel~="author"]"#));

/// `<meta>` names and properties giving the publication date, in order of trust.
const DATE_META: &[&str] = &[
    "article:published_time", "datepublished", "og:published_time", "publishdate", "pubdate",
    "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created",
    "date", "article.published", "published_time",
];
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
    pub url: Option<String>,
    pub lang: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

fn meta_value(doc: &Html, names: &[&str]) -> Option<String> {
    for want in names {
        for m in doc.select(&META) {
            let v = m.value();
            let key = v.attr("property").or_else(|| v.attr("name")).or_else(|| v.attr("itemprop")).unwrap_or("");
            if key.eq_ignore_ascii_case(want) {
                if let Some(c) = v.attr("content").and_then(clean) {
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
            Err(_) => {
                // common breakage: raw control characters inside strings
                let fixed: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                match serde_json::from_str(fixed.trim()) {
                    Ok(v) => v,
                    Err(_) => continue,
                }
            }
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

/// Read the metadata of a parsed page.
pub fn extract(doc: &Html) -> HtmlMeta {
    let ld = jsonld_article(doc);
    let ld_str = |k: &str| ld.as_ref().and_then(|o| o.get(k)).and_then(Value::as_str).and_then(clean);
    let site_name = meta_value(doc, &["og:site_name", "application-name"]).or_else(|| {
        ld.as_ref().and_then(|o| o.get("publisher")).map(names_of).and_then(|n| n.into_iter().next())
    });
    let tag_title = doc.select(&TITLE_TAG).next().and_then(|t| clean(&t.text().collect::<String>()));
    let h1 = doc.select(&H1).next().and_then(|h| clean(&h.text().collect::<String>()));
    let title = meta_value(doc, &["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or(h1)
        .or(tag_title)
        .map(|t| strip_site_suffix(&t, site_name.as_deref()));
    let published = ld_str("datePublished")
        .and_then(|s| parse_iso(&s))
        .or_else(|| meta_value(doc, DATE_META).and_then(|s| parse_iso(&s).or_else(|| find_date(&s))))
        .or_else(|| doc.select(&TIME).find_map(|t| t.value().attr("datetime").and_then(parse_iso)));
    let mut authors: Vec<String> = ld.as_ref().and_then(|o| o.get("author")).map(names_of).unwrap_or_default();
    if authors.is_empty() {
        if let Some(a) = meta_value(doc, AUTHOR_META) {
            if !a.starts_with("http") {
                authors = a.split([',', ';']).filter_map(clean).collect();
            }
        }
    }
    if authors.is_empty() {
        authors = doc.select(&REL_AUTHOR).filter_map(|a: ElementRef| clean(&a.text().collect::<String>())).collect();
    }
    authors.dedup();
    let section = meta_value(doc, &["article:section"]).or_else(|| ld_str("articleSection"));
    let url = doc
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .and_then(clean)
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta_value(doc, &["og:url"]));
    let lang = doc.select(&HTML_LANG).next().and_then(|h| h.value().attr("lang")).and_then(clean);
    HtmlMeta { title, site_name, section, authors, published, url, lang }
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

    #[test]
    fn title_tag_fallback_strips_site() {
        let m = extract(&Html::parse_document("<title>Storm hits coast - Coast Herald</title><meta name=author content='Ann Lee'>"));
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.authors, ["Ann Lee"]);
    }
}
