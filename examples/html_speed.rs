//! Where the time of the HTML path goes, stage by stage, on a directory of pages.
//!
//! Runs each stage over every page (single thread, best of `--repeat` runs) and prints pages/s
//! and MB/s (of HTML bytes) for:
//!
//! * `parse`: `scraper::Html::parse_document` alone, the floor of the scraper/html5ever stack;
//! * `extract`: [`broadsheet::html::extract_html`] (parse, tweets, metadata, walk, selection);
//! * `process`: [`broadsheet::pipeline::process`] (decode, extraction, metadata, language);
//! * `process+table`: the same and the Arrow record batch.
//!
//! ```text
//! cargo run --release --example html_speed -- /work/shared/bench/html/scrapinghub/html [--repeat 3]
//! ```
//!
//! Pages may be `.html` or `.html.gz`. `--dump FILE` writes every article and its line
//! decisions instead (to check that a speed change leaves the output identical).

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use broadsheet::model::RawDoc;
use broadsheet::options::Options;

fn load(dir: &PathBuf) -> Vec<(String, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html") || p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let raw = std::fs::read(&p).expect("readable page");
            let bytes = if p.to_string_lossy().ends_with(".gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gzip page");
                out
            } else {
                raw
            };
            (p.file_name().unwrap().to_string_lossy().trim_end_matches(".gz").to_string(), bytes)
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut repeat = 3usize;
    let mut only: Option<String> = None;
    let mut dump: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--repeat" => repeat = args.next().and_then(|s| s.parse().ok()).expect("--repeat N"),
            "--only" => only = args.next(),
            "--dump" => dump = args.next().map(PathBuf::from),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.expect("usage: html_speed DIR [--repeat N] [--only STAGE] [--dump FILE]");
    let pages = load(&dir);
    let texts: Vec<String> = pages.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
    let n = pages.len();
    let mb = pages.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let options = Options::default();
    if let Some(path) = dump {
        // every article with its decisions, to check that a change keeps the output identical
        let mut out = String::new();
        for (name, b) in &pages {
            let raw = RawDoc { source: name.clone(), bytes: b.clone(), ..RawDoc::default() };
            let p = broadsheet::pipeline::process_explained(raw, &options, true);
            out.push_str(&format!("{:#?}\n{:#?}\n", p.article, p.decisions));
        }
        std::fs::write(&path, out).expect("writable dump");
        return;
    }
    println!("{n} pages, {mb:.1} MB of HTML; best of {repeat} runs, one thread");
    println!("{:<16} {:>9} {:>8}", "stage", "pages/s", "MB/s");

    let run = |name: &str, f: &mut dyn FnMut()| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        let mut best = f64::INFINITY;
        for _ in 0..repeat {
            let t0 = Instant::now();
            f();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        println!("{name:<16} {:>9.0} {:>8.1}", n as f64 / best, mb / best);
    };
    run("parse", &mut || {
        for t in &texts {
            std::hint::black_box(scraper::Html::parse_document(t));
        }
    });
    run("extract", &mut || {
        for t in &texts {
            let _ = std::hint::black_box(broadsheet::html::extract_html(t, &options));
        }
    });
    let raws = || -> Vec<RawDoc> {
        pages
            .iter()
            .map(|(name, b)| RawDoc { source: name.clone(), bytes: b.clone(), ..RawDoc::default() })
            .collect()
    };
    run("process", &mut || {
        for r in raws() {
            std::hint::black_box(broadsheet::pipeline::process(r, &options));
        }
    });
    let single = Options { jobs: 1, ..Options::default() };
    run("process+table", &mut || {
        std::hint::black_box(broadsheet::pipeline::process_all(raws(), &single).expect("batch"));
    });
}
