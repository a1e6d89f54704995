use super::*;

fn ex(html: &str) -> HtmlExtraction {
    extract_html(html, &Options::default()).unwrap()
}

fn texts(x: &HtmlExtraction) -> Vec<&str> {
    x.body.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

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
    let x = ex(html);
    let t = texts(&x);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("cutting power to thousands of homes"));
    assert!(!t.iter().any(|t| t.contains("not text") || t.contains("Storm update")));
    assert_eq!(x.tweets.len(), 1);
    assert_eq!(x.tweets[0].after_paragraph, 1);
    assert_eq!(x.tweets[0].status_id.as_deref(), Some("123456789"));
}

const ARTICLE: &str = r##"<!doctype html><html><head><title>Council approves the new bridge | Town Post</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new bridge"}</script></head>
<body><header class="site-header"><a href="/">Town Post</a><ul class="menu"><li><a href="/a">Local</a></li><li><a href="/b">Sport</a></li></ul></header>
<div class="cookie-banner">We use cookies to improve your experience on our website. By browsing you accept them.</div>
<main><article><h1>Council approves the new bridge</h1>
<div class="byline">By Jane Doe</div>
<div class="article-body">
<p>The town council approved the construction of a new bridge over the river on Tuesday, after a debate that lasted <em>more than four hours</em> and drew a large crowd.</p>
<figure><img src="x.jpg"><figcaption>The old bridge, photographed in 2019. Photo: Town Post</figcaption></figure>
<p>Supporters said the bridge would cut travel times for thousands of commuters,<br>while opponents worried about the cost and about the noise during the works.<br><br>The vote was seven to two.</p>
<h2>What happens next</h2>
<ul><li>Work should begin in the spring of next year, once the permits are granted.</li><li>The bridge should open to traffic within two years of the start of the works.</li></ul>
<blockquote>We have waited for this bridge for a generation, and now it is finally coming to our town.</blockquote>
<p style="display:none">Hidden text that no reader ever sees on the page.</p>
<noscript><p>Please enable JavaScript to see the comments below this article.</p></noscript>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
</div>
<section class="related-articles"><h3>Related</h3><ul><li><a href="/x">Mayor opens the new library after years of delays and controversy</a></li><li><a href="/y">River levels rise after a week of heavy rain in the whole region</a></li></ul></section>
<div id="comments"><p>I think this bridge is a terrible waste of money and nobody asked the residents what they wanted at all.</p></div>
</article></main>
<aside class="sidebar"><p>Sign up for our newsletter to receive the best stories of the week in your inbox every Friday.</p></aside>
<footer><p>© 2024 Town Post. All rights reserved.</p></footer></body></html>"##;

#[test]
fn article_body_paragraph_kinds_and_boilerplate() {
    let x = ex(ARTICLE);
    let got: Vec<(&str, ParagraphKind)> = x.body.paragraphs.iter().map(|p| (p.text.as_str(), p.kind)).collect();
    let texts: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(got.len(), 7, "{texts:#?}");
    // inline elements do not split; a single <br> does not either, <br><br> does
    assert!(texts[0].contains("lasted more than four hours and drew"));
    assert!(texts[1].contains("commuters, while opponents"));
    assert_eq!(texts[2], "The vote was seven to two.");
    assert_eq!(got[3], ("What happens next", ParagraphKind::Heading));
    assert_eq!(got[4].1, ParagraphKind::ListItem);
    assert_eq!(got[5].1, ParagraphKind::ListItem);
    assert_eq!(got[6].1, ParagraphKind::Quote);
    let all = texts.join("\n");
    for bad in ["cookies", "Photo:", "Hidden text", "JavaScript", "Share on", "library", "terrible waste", "newsletter", "rights reserved", "Jane Doe", "Sport"] {
        assert!(!all.contains(bad), "{bad:?} leaked into {all}");
    }
    assert_eq!(x.body.title.as_deref(), Some("Council approves the new bridge"));
}

#[test]
fn every_block_has_a_decision_with_a_reason() {
    let x = ex(ARTICLE);
    let d = &x.body.decisions;
    assert!(d.iter().all(|d| !d.reason.is_empty()), "{d:#?}");
    let find = |needle: &str| d.iter().find(|d| d.text.contains(needle)).unwrap_or_else(|| panic!("{needle}"));
    assert_eq!(find("cookies").label, Label::Boilerplate);
    assert!(find("cookies").reason.contains("cookie"));
    assert!(find("Photo:").reason.contains("caption"));
    assert!(find("terrible waste").reason.contains("comments"));
    assert_eq!(find("The vote was").label, Label::Body);
    assert_eq!(find("The vote was").paragraph, Some(2));
    // numbered blocks, in order
    assert!(d.windows(2).all(|w| w[0].line < w[1].line));
}

#[test]
fn jsonld_article_body_is_the_fallback_when_the_dom_has_no_text() {
    let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "articleBody":"The first paragraph of a story that the page renders with JavaScript only, so the markup holds no text at all.\nThe second paragraph of the same story, with a few more words about what happened next in the town."}</script></head>
      <body><div id="app"></div><nav><a href="/">Home</a></nav></body></html>"#;
    let x = ex(html);
    assert_eq!(x.body.paragraphs.len(), 2, "{:?}", x.body.paragraphs);
    assert!(x.body.paragraphs[1].text.starts_with("The second paragraph"));
    assert!(x.body.decisions.iter().any(|d| d.reason.contains("JSON-LD")));
}

#[test]
fn limits_give_errors_not_stalls() {
    let big = format!("<html><body><p>{}</p></body></html>", "word ".repeat(MAX_PAGE_BYTES / 5 + 10));
    assert!(extract_html(&big, &Options::default()).unwrap_err().contains("larger than"));
    let deep = format!("<html><body>{}deep text{}</body></html>", "<div>".repeat(MAX_DEPTH + 10), "</div>".repeat(MAX_DEPTH + 10));
    assert!(extract_html(&deep, &Options::default()).unwrap_err().contains("deeper"));
}

/// A page of `n` paragraphs of real-looking prose (multibyte characters included, so that
/// chunk boundaries fall inside characters), a few MB for n = 20 000.
fn long_page(n: usize) -> String {
    let mut page = String::from("<!doctype html><html><head><title>A long report</title></head><body><article><h1>A long report</h1>");
    for i in 0..n {
        page.push_str(&format!(
            "<p>Paragraph {i}: the committee's report on the café and the naïve rôle of the city, with “quotes”, \
             <a href=\"/x/{i}\">a link</a> and <b>bold</b> words — 東京 and Ελλάδα too.</p>\n"
        ));
    }
    page.push_str("</article></body></html>");
    page
}

#[test]
fn time_limit_gives_an_error_row_and_a_normal_limit_a_normal_row() {
    let page = long_page(20_000);
    assert!(page.len() > 4 * PARSE_CHUNK);
    let opts = Options::default();
    // no time at all: the extraction stops after the first chunk of the parse
    let err = extract_html_within(&page, &opts, Some(Duration::ZERO)).unwrap_err();
    assert!(err.contains("time limit") && err.contains("parsing"), "{err}");
    // a page of one chunk too
    let x = extract_html_within("<html><body><p>Short page.</p></body></html>", &opts, Some(Duration::ZERO));
    assert!(x.unwrap_err().contains("took longer than the time limit (0.000 s)"));
    // the default limit (and no limit) extract the page
    for limit in [Some(DEFAULT_TIME_LIMIT), None] {
        let x = extract_html_within(&page, &opts, limit).unwrap();
        assert_eq!(x.body.paragraphs.len(), 20_000);
        assert!(x.body.paragraphs[19_999].text.starts_with("Paragraph 19999: the committee's report on the café"));
    }
}

#[test]
fn parsing_in_chunks_builds_the_same_tree() {
    // CR LF pairs, entities, comments, scripts and multibyte characters cut at every place
    let page = long_page(40).replace("</p>\n", "&eacute;&amp x\r\n<!-- a comment --></p>\r\n<script>var s = '</p>';</script>");
    let whole = Html::parse_document(&page);
    for chunk in [1, 2, 3, 7, 64, 1000, PARSE_CHUNK] {
        let chunked = parse_in_chunks(&page, chunk, &Deadline::new(None)).unwrap();
        assert_eq!(chunked.html(), whole.html(), "chunks of {chunk} bytes");
    }
    assert!(whole.html().contains("café and the naïve rôle"));
}

#[test]
fn truncated_and_mangled_pages_never_panic() {
    let opts = Options::default();
    let mut cuts = 0;
    for (i, _) in ARTICLE.char_indices().step_by(7) {
        let r = std::panic::catch_unwind(|| extract_html(&ARTICLE[..i], &opts).map(|x| x.body.paragraphs.len()));
        assert!(r.is_ok(), "panic on a page cut at byte {i}");
        cuts += 1;
    }
    assert!(cuts > 200);
    // shuffled tags and stray markup
    let mangled = ARTICLE.replace("</p>", "<p><li></ul></blockquote><br>").replace("<div", "<table><td><div");
    assert!(extract_html(&mangled, &opts).is_ok());
    for junk in ["", "<", "<<<>>>", "<html", "</html></body>", "<br><br><br>", "\u{0}\u{feff}<p>x"] {
        assert!(extract_html(junk, &opts).is_ok());
    }
}

/// An article followed by a row of look-alike cards (neutral class names), each a headline
/// link and a one-sentence summary.
fn with_cards(article_paragraphs: usize) -> String {
    let towns = ["north", "south", "east", "west"];
    let mut html = String::from("<html><body><div class=\"wrap\"><h1>Water prices rise next year</h1>");
    for town in towns.iter().take(article_paragraphs) {
        html.push_str(&format!("<p>The regional water board voted on Thursday to raise the price of tap water by four percent next year, saying that the money would pay for new pipes in the older {town} parts of town.</p>"));
    }
    html.push_str("<div class=\"grid\">");
    for (i, topic) in ["library", "harbour", "stadium", "museum"].iter().enumerate() {
        html.push_str(&format!(
            "<div class=\"col-{i} box\"><h3><a href=\"/s/{i}\">The {topic} reopens after works</a></h3>\
             <p>After two years of works that cost more than planned, the {topic} opened its doors again on Saturday to a large crowd of visitors.</p></div>"
        ));
    }
    html.push_str("</div></div></body></html>");
    html
}

#[test]
fn rows_of_teaser_cards_are_dropped_beside_an_article() {
    let x = ex(&with_cards(4));
    let t = texts(&x);
    assert_eq!(t.len(), 4, "{t:#?}");
    assert!(t.iter().all(|p| p.contains("water board")));
    let d = x.body.decisions.iter().find(|d| d.text.contains("harbour opened")).unwrap();
    assert_eq!(d.label, Label::Boilerplate);
    assert!(d.reason.contains("teaser card"), "{}", d.reason);
}

#[test]
fn a_page_made_of_cards_keeps_them() {
    // no article beside the cards: they are the page's text (a listing, a listicle)
    let x = ex(&with_cards(0));
    let t = texts(&x);
    assert!(t.iter().filter(|p| p.contains("opened its doors")).count() >= 3, "{t:#?}");
}

#[test]
fn an_h1_link_inside_the_body_is_not_taken_for_the_headline() {
    let html = r#"<html><head><title>Netflix will remake the old cartoon series</title>
      <meta property="og:title" content="Netflix will remake the old cartoon series"></head><body>
      <div class="single"><div class="top"><span>Cartoons</span> <span>02 Aug 2017</span></div>
      <div class="entry-content">
      <p>It was announced today that the streaming service will host a remake of the old cartoon series, with new episodes written by the original author and a new cast.</p>
      <p>Fans of the series are already up in arms after the first experiment, which was poorly received by almost everyone who grew up watching the original show in the eighties.</p>
      <p>Read also</p>
      <h1 class="entry-title"><a href="/other-story">The knights of the cartoon will become a feature film made by a big studio</a></h1>
      <p>Back to the remake, the working title has not been chosen yet, and the studio says that more details about the cast, the music, the number of episodes and the date of the first one will follow at the start of next year, once the scripts of the first season have been approved by the author.</p>
      </div></div></body></html>"#;
    let x = ex(html);
    let t = texts(&x).join("\n");
    assert!(t.contains("It was announced today"), "{t}");
    assert!(t.contains("Fans of the series"), "{t}");
    assert!(t.contains("Back to the remake"), "{t}");
}

#[test]
fn simple_table_rows_read_as_one_line_each() {
    let html = r#"<html><body><article><h1>The defence held on Sunday</h1>
      <p>The defence held firm on Sunday, and the coach said after the game that the players had followed the plan to the letter from the first minute.</p>
      <table><tr><th>Player</th><th>Snaps</th><th>Share</th></tr>
      <tr><td>DL Larry Smith</td><td>63</td><td>85%</td></tr>
      <tr><td>DL Myles Jones</td><td>57</td><td>77%</td></tr></table>
      <p>The team travels to the coast next week for a game that could decide the division, and the coach expects a much harder afternoon there.</p>
      <table class="layout"><tr><td><p>A layout cell holding a paragraph of its own stays a paragraph of its own, whatever sits beside it in the row.</p></td><td>Side</td></tr></table>
      </article></body></html>"#;
    let x = ex(html);
    let t = texts(&x);
    assert!(t.contains(&"DL Larry Smith 63 85%"), "{t:#?}");
    assert!(t.contains(&"Player Snaps Share"), "{t:#?}");
    assert!(t.iter().any(|p| p.starts_with("A layout cell") && p.ends_with("row.")), "{t:#?}");
}

#[test]
fn captions_outside_figcaption_are_dropped_but_prose_with_caption_words_is_kept() {
    let html = r#"<html><body><article><h1>Protests grow in the city</h1>
      <p>Thousands of people marched through the city centre on Sunday for the third weekend in a row, calling for new elections and the release of those arrested.</p>
      <div class="pic"><img src="a.jpg"><p>Protesters have worn masks to protect their identities (Image: GETTY )</p></div>
      <p>The new screens in the town hall come courtesy of a local company, which donated them last year after the council ran out of money for the works.</p>
      <p>The organisers said they would march again next Sunday, and the police said they expected an even larger crowd than this week in the centre.</p>
      </article></body></html>"#;
    let x = ex(html);
    let t = texts(&x).join("\n");
    assert!(!t.contains("Protesters have worn masks"), "{t}");
    assert!(t.contains("courtesy of a local company"), "{t}");
    let d = x.body.decisions.iter().find(|d| d.text.contains("worn masks")).unwrap();
    assert!(d.reason.contains("caption"), "{}", d.reason);
}

#[test]
fn a_plain_list_ending_the_article_is_kept_but_a_link_list_is_not() {
    let html = r#"<html><body><article><h1>Twenty teams qualify for the finals</h1>
      <p>Twenty of the twenty-four places at next summer's finals have now been filled after the last round of group games was played on Tuesday night.</p>
      <p>The four remaining places will be decided in the play-offs in March, when sixteen teams will compete in four small knockout tournaments of their own.</p>
      <h3>The qualified teams</h3>
      <ul><li>England (Group A): 10th appearance</li><li>Spain (Group F): 11th appearance</li>
      <li>France (Group H): 10th appearance</li><li>Wales (Group E): Second appearance</li></ul>
      <ul><li><a href="/a">Football</a></li><li><a href="/b">Finals</a></li><li><a href="/c">Europe</a></li></ul>
      </article></body></html>"#;
    let x = ex(html);
    let t = texts(&x);
    assert!(t.contains(&"Wales (Group E): Second appearance"), "{t:#?}");
    assert!(t.contains(&"The qualified teams"), "{t:#?}");
    assert!(!t.contains(&"Football"), "{t:#?}");
}

#[test]
fn a_hover_card_of_links_inside_a_paragraph_is_cut_out() {
    let html = r#"<html><body><article><h1>Man pleads guilty to threats</h1>
      <p>A man pleaded guilty on Monday to charges that he threatened to kill Rep. <span class="rollover"><a href="/people/jane-roe">Jane Roe</a><span class="card"><a href="/people/jane-roe">Jane Roe</a><a href="/n/1">Progressives oppose the funding bill over surveillance</a><a href="/n/2">Senators call for a new security coordinator</a><a href="/n/3">Overnight: the week in energy and the environment</a></span></span> in a phone call to her office in March.</p>
      <p>He faces up to ten years in prison when he is sentenced in the spring, prosecutors said in a statement released after the hearing on Monday.</p>
      </article></body></html>"#;
    let x = ex(html);
    let t = texts(&x);
    assert!(t[0].contains("kill Rep. Jane Roe in a phone call"), "{t:#?}");
    assert!(!t.join(" ").contains("Senators call"), "{t:#?}");
}

#[test]
fn a_sentence_of_link_text_between_paragraphs_is_kept() {
    let html = r#"<html><body><article><h1>Meal prep for the week</h1>
      <p>Preparing your meals on Sunday saves time during the week, and it makes it much easier to eat well when the days get long and busy.</p>
      <p>Pro tip: <a href="/ideas">Get more pre-workout meal ideas here!</a></p>
      <p>Cook the grains and the proteins first, then the vegetables, and keep everything in separate boxes in the fridge for up to four days.</p>
      <p><a href="/a">Home</a> <a href="/b">Recipes</a> <a href="/c">Fitness</a></p>
      </article></body></html>"#;
    let x = ex(html);
    let t = texts(&x);
    assert!(t.contains(&"Pro tip: Get more pre-workout meal ideas here!"), "{t:#?}");
    assert!(!t.contains(&"Home Recipes Fitness"), "{t:#?}");
}
