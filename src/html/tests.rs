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
