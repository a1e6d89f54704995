//! ⑧ The pipeline: read → decode → clean/html → embeds → metadata → language → table.
//!
//! [`process`] turns one [`RawDoc`] into one [`Article`] and never fails: whatever goes wrong
//! becomes the article's `error` (a panic included). [`Pipeline`] streams record batches over
//! many inputs, processing each batch's documents in parallel and keeping input order, so the
//! same input always gives the same rows.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;
use rayon::prelude::*;

use crate::clean::{extract_text_dump, LineDecision};
use crate::error::{Error, Result};
use crate::model::{Article, Format, RawDoc};
use crate::options::{FormatChoice, Options};
use crate::read::{expand_inputs, DocReader};
use crate::table;

/// Stable id of a document: BLAKE3 of its source, 32 hex digits.
pub fn doc_id(source: &str) -> String {
    let h = blake3::hash(source.as_bytes());
    h.to_hex()[..32].to_string()
}

/// Does this text look like HTML markup?
pub fn sniff_html(text: &str) -> bool {
    let t = text.trim_start();
    let head = t.char_indices().nth(2048).map_or(t, |(i, _)| &t[..i]);
    // every sign below is a tag
    if !head.contains('<') {
        return false;
    }
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || head.contains("<html")
        || head.contains("<head>")
        || head.contains("<body")
        || (head.starts_with('<') && (head.contains("</p>") || head.contains("</div>")))
}

/// What a run of [`process`] keeps for explanation.
#[derive(Debug, Clone, Default)]
pub struct Processed {
    pub article: Article,
    pub decisions: Vec<LineDecision>,
}

fn choose_format(choice: FormatChoice, hint: Option<Format>, text: &str) -> Format {
    match choice {
        FormatChoice::TextDump => Format::TextDump,
        FormatChoice::Html => Format::Html,
        FormatChoice::Auto => {
            // markup at the start, or a file named as HTML with markup somewhere
            if sniff_html(text) || (hint == Some(Format::Html) && text.contains('<')) {
                Format::Html
            } else {
                Format::TextDump
            }
        }
    }
}

fn process_inner(raw: RawDoc, options: &Options, keep_decisions: bool) -> Processed {
    let mut article = Article {
        doc_id: doc_id(&raw.source),
        source: raw.source,
        url: raw.url,
        input_id: raw.input_id,
        extra: raw.extra,
        ..Article::default()
    };
    if let Some(e) = raw.error {
        article.error = Some(e);
        return Processed { article, decisions: vec![] };
    }
    let text = if raw.is_text {
        crate::decode::normalize_newlines(&String::from_utf8_lossy(&raw.bytes))
    } else {
        match crate::decode::decode(&raw.bytes, raw.charset_hint.as_deref()) {
            Ok(d) => d.text,
            Err(e) => {
                article.format = raw.format_hint;
                article.error = Some(e);
                return Processed { article, decisions: vec![] };
            }
        }
    };
    drop(raw.bytes);
    let format = choose_format(options.format, raw.format_hint, &text);
    article.format = Some(format);
    let decisions = match format {
        Format::TextDump => {
            let mut x = extract_text_dump(&text, options);
            article.published_source = crate::meta::text::apply(&mut x, &mut article);
            article.paragraphs = std::mem::take(&mut x.paragraphs);
            article.tweets = std::mem::take(&mut x.tweets);
            x.decisions
        }
        Format::Html => {
            let mut h = match crate::html::extract_html(&text, options) {
                Ok(h) => h,
                Err(e) => {
                    article.error = Some(e);
                    return Processed { article, decisions: vec![] };
                }
            };
            let text_source = crate::meta::text::apply(&mut h.body, &mut article);
            article.published_source = crate::meta::html::apply(h.meta, &mut article, text_source);
            article.paragraphs = std::mem::take(&mut h.body.paragraphs);
            article.tweets = h.tweets;
            h.body.decisions
        }
    };
    article.language = body_language(&article).map(str::to_string);
    Processed { article, decisions: if keep_decisions { decisions } else { Vec::new() } }
}

/// The language of the body, told by its running text (paragraphs of 8 words or more) first:
/// tables, lists and names say less about it. Falls back to the whole body.
fn body_language(article: &Article) -> Option<&'static str> {
    let mut prose = String::new();
    for p in &article.paragraphs {
        if prose.len() >= crate::lang::SAMPLE_BYTES {
            break; // all the detector looks at
        }
        if p.kind == crate::model::ParagraphKind::Paragraph && crate::model::word_count(&p.text) >= 8 {
            if !prose.is_empty() {
                prose.push('\n');
            }
            prose.push_str(&p.text);
        }
    }
    crate::lang::detect(&prose).or_else(|| crate::lang::detect(&article.text()))
}

/// Process one document. Never panics: a panic inside a stage becomes an error row.
pub fn process(raw: RawDoc, options: &Options) -> Article {
    process_explained(raw, options, false).article
}

/// Like [`process`], keeping the decision taken for every line (for `explain`).
pub fn process_explained(raw: RawDoc, options: &Options, keep_decisions: bool) -> Processed {
    let source = raw.source.clone();
    let url = raw.url.clone();
    match catch_unwind(AssertUnwindSafe(|| process_inner(raw, options, keep_decisions))) {
        Ok(p) => p,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Processed {
                article: Article {
                    doc_id: doc_id(&source),
                    source,
                    url,
                    error: Some(format!("internal error while processing this document: {msg}")),
                    ..Article::default()
                },
                decisions: vec![],
            }
        }
    }
}

/// Process one in-memory document.
pub fn extract_bytes(bytes: &[u8], format: FormatChoice, options: &Options) -> Article {
    explain_bytes(bytes, format, options, "<memory>").article
}

/// Process one in-memory document, keeping the line decisions.
pub fn explain_bytes(bytes: &[u8], format: FormatChoice, options: &Options, source: &str) -> Processed {
    let opts = Options { format, ..options.clone() };
    let raw = RawDoc { source: source.to_string(), bytes: bytes.to_vec(), ..RawDoc::default() };
    process_explained(raw, &opts, true)
}

/// Process in-memory documents in parallel (on `options.jobs` threads) into one record batch,
/// in the given order. Used for documents that arrive as Arrow arrays (e.g. from Ray).
pub fn process_all(raws: Vec<RawDoc>, options: &Options) -> Result<RecordBatch> {
    options.validate()?;
    let articles = process_on(&worker_pool(options)?, raws, options);
    table::to_batch(&table::schema(&options.to_metadata_json()), &articles)
}

/// The pool of `options.jobs` worker threads.
fn worker_pool(options: &Options) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads())
        .thread_name(|i| format!("broadsheet-{i}"))
        .build()
        .map_err(|e| Error::option("jobs", format!("cannot start worker threads: {e}")))
}

/// Process documents on `pool`, keeping their order.
fn process_on(pool: &rayon::ThreadPool, raws: Vec<RawDoc>, options: &Options) -> Vec<Article> {
    pool.install(|| raws.into_par_iter().map(|r| process(r, options)).collect())
}

/// Counters of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: u64,
    pub errors: u64,
    pub paragraphs: u64,
    pub tweets: u64,
    /// Bytes of input files consumed.
    pub bytes_read: u64,
    pub bytes_total: u64,
}

/// Most bytes of raw documents gathered into one batch before it is processed.
const MAX_BATCH_BYTES: u64 = 64 * 1024 * 1024;

/// Streams record batches over a list of inputs.
///
/// Three stages run at once, each one batch ahead of the next: a reader thread reads and
/// gathers raw documents, an extraction thread processes each batch on the worker pool, and
/// the consumer (the caller of [`Pipeline::next_batch`]) builds the Arrow batch, which the
/// Parquet writer then encodes and compresses. Reading and table building so never leave the
/// workers idle.
pub struct Pipeline {
    options: Options,
    schema: SchemaRef,
    stats: Stats,
    rx: std::sync::mpsc::Receiver<(Vec<Article>, u64)>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

/// A batch of raw documents, and the input bytes consumed once it was read.
type RawBatch = (Vec<RawDoc>, u64);

/// Gather the next batch of raw documents: at most `batch_size` documents and about
/// [`MAX_BATCH_BYTES`].
fn read_batch(reader: &mut DocReader, batch_size: usize) -> Option<RawBatch> {
    let mut raws = Vec::with_capacity(batch_size);
    let mut bytes = 0u64;
    while raws.len() < batch_size && bytes < MAX_BATCH_BYTES {
        match reader.next() {
            Some(r) => {
                bytes += r.bytes.len() as u64;
                raws.push(r);
            }
            None => break,
        }
    }
    (!raws.is_empty()).then(|| (raws, reader.progress().0))
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name(format!("broadsheet-{name}"))
        .spawn(f)
        .map_err(|e| Error::option("jobs", format!("cannot start the {name} thread: {e}")))
}

impl Pipeline {
    /// Expand `inputs` (paths, directories, globs) and start the run.
    pub fn new<S: AsRef<str>>(inputs: &[S], options: Options) -> Result<Self> {
        options.validate()?;
        let mut files = expand_inputs(inputs)?;
        if let Some((i, n)) = options.shard {
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files = files.into_iter().skip(i).step_by(n).collect();
        }
        let mut reader = DocReader::new(files, options.max_member_size);
        let pool = worker_pool(&options)?;
        let schema = table::schema(&options.to_metadata_json());
        let (_, total) = reader.progress();
        let stats = Stats { bytes_total: total, ..Stats::default() };
        // (bounded channels of one batch: memory stays a few batches whatever the corpus)
        let (raw_tx, raw_rx) = std::sync::mpsc::sync_channel::<RawBatch>(1);
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let batch_size = options.batch_size;
        let reading = spawn("reader", move || {
            while let Some(batch) = read_batch(&mut reader, batch_size) {
                if raw_tx.send(batch).is_err() {
                    break; // the extraction stage is gone
                }
            }
        })?;
        let opts = options.clone();
        let extracting = spawn("extraction", move || {
            for (raws, read) in raw_rx {
                if tx.send((process_on(&pool, raws, &opts), read)).is_err() {
                    break; // the consumer is gone
                }
            }
        })?;
        Ok(Pipeline { options, schema, stats, rx, threads: vec![reading, extracting] })
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Counters up to the last batch returned.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// The next batch of rows, or `None` at the end.
    pub fn next_batch(&mut self) -> Option<Result<RecordBatch>> {
        match self.rx.recv() {
            Ok((articles, read)) => {
                self.stats.bytes_read = read;
                for a in &articles {
                    self.stats.documents += 1;
                    self.stats.errors += a.error.is_some() as u64;
                    self.stats.paragraphs += a.paragraphs.len() as u64;
                    self.stats.tweets += a.tweets.len() as u64;
                }
                Some(table::to_batch(&self.schema, &articles))
            }
            Err(_) => {
                // The stages finished, or one died: a panic outside the per-document guard
                // must not pass for the end of the input.
                let mut died = false;
                for handle in self.threads.drain(..) {
                    died |= handle.join().is_err();
                }
                died.then(|| {
                    Err(Error::Input {
                        path: String::new(),
                        reason: "internal error: the reading or extraction thread stopped unexpectedly".into(),
                    })
                })
            }
        }
    }
}

impl Iterator for Pipeline {
    type Item = std::result::Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_batch().map(|r| {
            r.map_err(|e| match e {
                Error::Arrow(a) => a,
                other => ArrowError::ExternalError(Box::new(other)),
            })
        })
    }
}

impl arrow::array::RecordBatchReader for Pipeline {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_running_text_not_a_table() {
        use crate::model::{Paragraph, ParagraphKind};
        let mut a = Article::default();
        a.paragraphs.push(Paragraph::new("Classificação:", ParagraphKind::Paragraph));
        for k in 1..80 {
            a.paragraphs.push(Paragraph::new(format!("{k}. Kyle Busch, Joe Gibbs Racing, Toyota Camry, Charlotte Motor Speedway, {} points", 2100 - k), ParagraphKind::ListItem));
        }
        a.paragraphs.push(Paragraph::new(
            "O piloto norte-americano venceu a prova depois de uma longa batalha com os seus adversários nas últimas voltas do circuito.",
            ParagraphKind::Paragraph,
        ));
        assert_ne!(crate::lang::detect(&a.text()), Some("pt"), "the table alone misleads the detector");
        assert_eq!(body_language(&a), Some("pt"));
        // no running text: the whole body decides
        let b = Article { paragraphs: vec![Paragraph::new("Le ministre a indiqué que la France allait agir avec l’Allemagne.", ParagraphKind::Quote)], ..Article::default() };
        assert_eq!(body_language(&b), Some("fr"));
    }

    #[test]
    fn one_row_per_document_in_order_whatever_the_jobs() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..23 {
            let body = format!("Headline number {i} of the day\n\nThis is the first paragraph of story {i}, and it is long enough to count as real prose for the cleaner.\n\nA second paragraph follows here, with more words about the story number {i} and its many details.");
            std::fs::write(dir.path().join(format!("doc{i:02}.txt")), body).unwrap();
        }
        std::fs::write(dir.path().join("zz_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        let run = |jobs| {
            let opts = Options { jobs, batch_size: 5, ..Options::default() };
            let mut p = Pipeline::new(&[dir.path().to_str().unwrap()], opts).unwrap();
            let mut batches = vec![];
            while let Some(b) = p.next_batch() {
                batches.push(b.unwrap());
            }
            (batches, p.stats())
        };
        let (one, stats) = run(1);
        let (two, _) = run(2);
        assert_eq!(one, two);
        assert_eq!(stats.documents, 24);
        assert_eq!(stats.errors, 1);
        assert_eq!(stats.paragraphs, 46);
        let rows: usize = one.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, 24);
    }

    #[test]
    fn shards_cover_every_file_exactly_once() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..10 {
            std::fs::write(dir.path().join(format!("f{i}.txt")), format!("doc {i}")).unwrap();
        }
        let mut seen = Vec::new();
        for i in 0..3 {
            let opts = Options { shard: Some((i, 3)), ..Options::default() };
            let mut p = Pipeline::new(&[dir.path().to_str().unwrap()], opts).unwrap();
            while let Some(b) = p.next_batch() {
                let b = b.unwrap();
                let src = b.column_by_name("source").unwrap().as_any().downcast_ref::<arrow::array::StringArray>().unwrap().clone();
                seen.extend(src.iter().map(|s| s.unwrap().to_string()));
            }
        }
        seen.sort();
        let mut want: Vec<String> = (0..10).map(|i| dir.path().join(format!("f{i}.txt")).to_string_lossy().into_owned()).collect();
        want.sort();
        assert_eq!(seen, want);
    }

    #[test]
    fn missing_input_is_an_error_naming_it() {
        let err = Pipeline::new(&["/definitely/not/here.txt"], Options::default()).err().unwrap();
        assert!(err.to_string().contains("/definitely/not/here.txt"));
    }

    #[test]
    fn html_is_sniffed() {
        assert!(sniff_html("  <!DOCTYPE html><html>"));
        assert!(!sniff_html("Just text with a < sign"));
        let a = extract_bytes(b"<html><head><title>A title here</title></head><body><p>Some words in a paragraph that is long enough to be kept by the cleaner as body text.</p></body></html>", FormatChoice::Auto, &Options::default());
        assert_eq!(a.format, Some(Format::Html));
        assert_eq!(a.title.as_deref(), Some("A title here"));
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn doc_id_is_stable() {
        assert_eq!(doc_id("a.txt"), doc_id("a.txt"));
        assert_ne!(doc_id("a.txt"), doc_id("b.txt"));
        assert_eq!(doc_id("a.txt").len(), 32);
    }
}
