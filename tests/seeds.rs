//! The two seed dumps (hand-annotated, from the shared text-dump benchmark; see
//! tests/fixtures/README.md) must come out exactly as their gold says.

use broadsheet::options::{FormatChoice, Options};
use broadsheet::pipeline::explain_bytes;
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(&std::fs::read_to_string("tests/fixtures/seeds/gold.json").unwrap()).unwrap()
}

fn run(name: &str) -> broadsheet::pipeline::Processed {
    let bytes = std::fs::read(format!("tests/fixtures/seeds/{name}.txt")).unwrap();
    explain_bytes(&bytes, FormatChoice::Auto, &Options::default(), name)
}

#[test]
fn seeds_match_gold_paragraphs_title_and_tweets() {
    let gold = gold();
    for name in ["000_37ca5891008b3c47", "002_8ae900619540ab25"] {
        let g = &gold[name];
        let p = run(name);
        let a = &p.article;
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let want: Vec<&str> = g["paragraphs"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        if paras != want {
            for d in &p.decisions {
                eprintln!("{:>4} {:<12} {:<60} | {}", d.line, d.label.as_str(), d.text.chars().take(60).collect::<String>(), d.reason);
            }
        }
        assert_eq!(paras, want, "{name}: paragraphs");
        assert_eq!(a.title.as_deref(), g["title"].as_str(), "{name}: title");
        let tweets = g["tweets"].as_array().unwrap();
        assert_eq!(a.tweets.len(), tweets.len(), "{name}: tweets");
        for (t, gt) in a.tweets.iter().zip(tweets) {
            assert_eq!(t.text, gt["text"].as_str().unwrap());
            assert_eq!(t.handle.as_deref(), gt["handle"].as_str());
            assert_eq!(t.author_name.as_deref(), gt["author_name"].as_str());
            assert_eq!(t.published.map(|d| d.to_string()).as_deref(), gt["date_iso"].as_str());
            assert_eq!(t.published_text.as_deref(), gt["date_text"].as_str());
            assert_eq!(t.after_paragraph as i64, gt["after_paragraph"].as_i64().unwrap());
            let links: Vec<String> = gt["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    let t = l["text"].as_str().unwrap();
                    if t.starts_with("http") { t.to_string() } else { format!("https://{t}") }
                })
                .collect();
            assert_eq!(t.links, links);
            let tags: Vec<&str> = gt["hashtags"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(t.hashtags, tags);
        }
        assert_eq!(a.language.as_deref(), g["language"].as_str(), "{name}: language");
    }
}

#[test]
fn second_seed_metadata() {
    let g = &gold()["002_8ae900619540ab25"];
    let a = run("002_8ae900619540ab25").article;
    assert_eq!(a.site_name.as_deref(), g["site_name"].as_str());
    assert_eq!(a.section.as_deref(), g["section"].as_str());
    assert_eq!(a.published_date.map(|d| d.to_string()).as_deref(), g["published"].as_str());
    assert_eq!(a.published_text.as_deref(), g["published_text"].as_str());
    assert_eq!(a.authors, [g["author"].as_str().unwrap()]);
}

#[test]
fn every_line_gets_a_decision() {
    for name in ["000_37ca5891008b3c47", "002_8ae900619540ab25"] {
        let text = std::fs::read_to_string(format!("tests/fixtures/seeds/{name}.txt")).unwrap();
        let p = run(name);
        assert_eq!(p.decisions.len(), text.lines().count());
        assert!(p.decisions.iter().all(|d| !d.reason.is_empty()));
    }
}
