//! ① Reading: input files become a stream of [`RawDoc`]s, one per document, in input order.
//!
//! Plain files are one document each; `.gz` is any supported file, gzip-compressed; a `.zip`
//! archive gives one document per member; a `.jsonl` file gives one document per line. Every
//! document that cannot be read (a corrupt gzip stream or zip member, a bad JSONL line, a
//! document over the size limit) still comes out, as a [`RawDoc`] with its `error` set, and
//! the stream goes on. Memory is bounded: archives and JSONL are streamed, and no document
//! larger than `max_member_size` is held.

mod inputs;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub use inputs::{expand_inputs, InputFile, SUPPORTED_SUFFIXES};

use crate::model::{Format, RawDoc};

/// What a name says about the bytes behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document(Option<Format>),
    Jsonl,
    Zip,
    Gzip,
    Warc,
}

fn kind_of(name: &str) -> Kind {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "gz" | "gzip" => Kind::Gzip,
        "zip" => Kind::Zip,
        // Common Crawl names its text extracts `*.warc.wet.gz`
        "warc" | "wet" => Kind::Warc,
        "jsonl" | "ndjson" => Kind::Jsonl,
        "html" | "htm" | "xhtml" => Kind::Document(Some(Format::Html)),
        "txt" | "text" | "md" | "markdown" => Kind::Document(Some(Format::TextDump)),
        _ => Kind::Document(None),
    }
}

fn strip_gz(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".gz") {
        &name[..name.len() - 3]
    } else if lower.ends_with(".gzip") {
        &name[..name.len() - 5]
    } else {
        name
    }
}

fn fmt_size(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

fn too_large(limit: u64) -> String {
    format!("document larger than the size limit (max_member_size = {})", fmt_size(limit))
}

/// Reads at most `limit` bytes; `Ok(None)` when there are more.
fn read_limited<R: Read>(reader: R, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    reader.take(limit + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() as u64 > limit { None } else { Some(buf) })
}

/// A reader that counts the bytes read through it, for progress reports.
pub(crate) struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

type DocIter = Box<dyn Iterator<Item = RawDoc> + Send>;

/// Streams the documents of a list of input files, in order.
pub struct DocReader {
    files: std::vec::IntoIter<InputFile>,
    current: Option<DocIter>,
    limit: u64,
    /// Sizes of the files finished so far.
    completed: u64,
    current_size: u64,
    current_read: Arc<AtomicU64>,
    /// The file being read (for the error row of a reader that fails outright).
    current_source: String,
    total: u64,
}

impl DocReader {
    pub fn new(files: Vec<InputFile>, max_member_size: u64) -> Self {
        let total = files.iter().map(|f| f.size).sum();
        DocReader {
            files: files.into_iter(),
            current: None,
            limit: max_member_size,
            completed: 0,
            current_size: 0,
            current_read: Arc::new(AtomicU64::new(0)),
            current_source: String::new(),
            total,
        }
    }

    /// Bytes of input consumed so far (on-disk bytes) and in all.
    pub fn progress(&self) -> (u64, u64) {
        let cur = self.current_read.load(Ordering::Relaxed).min(self.current_size);
        (self.completed + cur, self.total)
    }

    fn open(&mut self, file: InputFile) -> DocIter {
        self.current_read = Arc::new(AtomicU64::new(0));
        self.current_size = file.size;
        let source = file.display();
        let name = source.clone();
        let fh = match File::open(&file.path) {
            Ok(f) => f,
            Err(e) => return Box::new(std::iter::once(RawDoc::failed(source, format!("cannot open: {e}")))),
        };
        let reader = Counting { inner: fh, counter: self.current_read.clone() };
        let limit = self.limit;
        match kind_of(&name) {
            Kind::Zip => zip_docs(source, reader, limit),
            Kind::Jsonl => Box::new(JsonlDocs::new(source, Box::new(BufReader::new(reader)), limit)),
            Kind::Warc => Box::new(warc::WarcDocs::new(source, reader, false, limit)),
            Kind::Gzip if kind_of(strip_gz(&name)) == Kind::Warc => Box::new(warc::WarcDocs::new(source, reader, true, limit)),
            Kind::Gzip => {
                let inner = strip_gz(&name).to_string();
                let gz = flate2::read::MultiGzDecoder::new(BufReader::new(reader));
                match kind_of(&inner) {
                    Kind::Jsonl => Box::new(JsonlDocs::new(source, Box::new(BufReader::new(gz)), limit)),
                    _ => match read_limited(gz, limit) {
                        Ok(Some(bytes)) => Box::new(docs_from_bytes(source, &inner, bytes, limit).into_iter()),
                        Ok(None) => Box::new(std::iter::once(RawDoc::failed(source, too_large(limit)))),
                        Err(e) => Box::new(std::iter::once(RawDoc::failed(source, format!("corrupt gzip stream: {e}")))),
                    },
                }
            }
            Kind::Document(hint) => {
                if file.size > limit {
                    return Box::new(std::iter::once(RawDoc::failed(source, too_large(limit))));
                }
                match read_limited(reader, limit) {
                    Ok(Some(bytes)) => Box::new(std::iter::once(RawDoc { source, bytes, format_hint: hint, ..RawDoc::default() })),
                    Ok(None) => Box::new(std::iter::once(RawDoc::failed(source, too_large(limit)))),
                    Err(e) => Box::new(std::iter::once(RawDoc::failed(source, format!("cannot read: {e}")))),
                }
            }
        }
    }
}

impl Iterator for DocReader {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        use std::panic::{catch_unwind, AssertUnwindSafe};
        loop {
            if let Some(it) = self.current.as_mut() {
                // A reader that panics on some malformed container must not end the run: the
                // rest of that file is given up with an error row, and reading goes on.
                match catch_unwind(AssertUnwindSafe(|| it.next())) {
                    Ok(Some(doc)) => return Some(doc),
                    Ok(None) => {}
                    Err(_) => {
                        self.current = None;
                        self.completed += self.current_size;
                        self.current_size = 0;
                        return Some(RawDoc::failed(
                            std::mem::take(&mut self.current_source),
                            "internal error while reading this file; the rest of it was skipped",
                        ));
                    }
                }
                self.current = None;
                self.completed += self.current_size;
                self.current_size = 0;
            }
            let file = self.files.next()?;
            self.current_source = file.display();
            let source = self.current_source.clone();
            match catch_unwind(AssertUnwindSafe(|| self.open(file))) {
                Ok(it) => self.current = Some(it),
                Err(_) => return Some(RawDoc::failed(source, "internal error while opening this file")),
            }
        }
    }
}

/// The documents inside bytes already in memory (an archive member, a decompressed stream).
fn docs_from_bytes(source: String, name: &str, bytes: Vec<u8>, limit: u64) -> Vec<RawDoc> {
    match kind_of(name) {
        Kind::Document(hint) => vec![RawDoc { source, bytes, format_hint: hint, ..RawDoc::default() }],
        Kind::Jsonl => JsonlDocs::new(source, Box::new(io::Cursor::new(bytes)), limit).collect(),
        Kind::Zip => zip_docs(source, io::Cursor::new(bytes), limit).collect(),
        Kind::Warc => warc::WarcDocs::new(source, io::Cursor::new(bytes), false, limit).collect(),
        Kind::Gzip if kind_of(strip_gz(name)) == Kind::Warc => {
            warc::WarcDocs::new(source, io::Cursor::new(bytes), true, limit).collect()
        }
        Kind::Gzip => {
            let inner = strip_gz(name).to_string();
            match read_limited(flate2::read::MultiGzDecoder::new(&bytes[..]), limit) {
                Ok(Some(b)) => docs_from_bytes(source, &inner, b, limit),
                Ok(None) => vec![RawDoc::failed(source, too_large(limit))],
                Err(e) => vec![RawDoc::failed(source, format!("corrupt gzip stream: {e}"))],
            }
        }
    }
}

// ------------------------------------------------------------------------------------ zip

fn zip_docs<R: Read + Seek + Send + 'static>(source: String, reader: R, limit: u64) -> DocIter {
    match zip::ZipArchive::new(reader) {
        Ok(archive) => Box::new(ZipDocs { source, archive, index: 0, limit, pending: Vec::new().into_iter() }),
        Err(e) => Box::new(std::iter::once(RawDoc::failed(source, format!("corrupt zip archive: {e}")))),
    }
}

struct ZipDocs<R: Read + Seek> {
    source: String,
    archive: zip::ZipArchive<R>,
    index: usize,
    limit: u64,
    pending: std::vec::IntoIter<RawDoc>,
}

impl<R: Read + Seek> Iterator for ZipDocs<R> {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            if let Some(doc) = self.pending.next() {
                return Some(doc);
            }
            if self.index >= self.archive.len() {
                return None;
            }
            let i = self.index;
            self.index += 1;
            let listed_name = match self.archive.name_for_index(i) {
                Some(Ok(n)) => n.into_owned(),
                _ => format!("#{i}"),
            };
            let docs = match self.archive.by_index(i) {
                Err(e) => {
                    let name = listed_name;
                    vec![RawDoc::failed(format!("{}!{}", self.source, name), format!("corrupt zip member: {e}"))]
                }
                Ok(member) => {
                    if member.is_dir() {
                        continue;
                    }
                    let name = match member.name() {
                        Ok(n) => n.into_owned(),
                        Err(_) => format!("#{i}"),
                    };
                    let base = name.rsplit('/').next().unwrap_or(&name);
                    if base.starts_with('.') || name.starts_with("__MACOSX/") {
                        continue;
                    }
                    let src = format!("{}!{}", self.source, name);
                    if member.size() > self.limit {
                        vec![RawDoc::failed(src, too_large(self.limit))]
                    } else {
                        match read_limited(member, self.limit) {
                            Ok(Some(bytes)) => docs_from_bytes(src, &name, bytes, self.limit),
                            Ok(None) => vec![RawDoc::failed(src, too_large(self.limit))],
                            Err(e) => vec![RawDoc::failed(src, format!("corrupt zip member: {e}"))],
                        }
                    }
                }
            };
            self.pending = docs.into_iter();
        }
    }
}

// ---------------------------------------------------------------------------------- JSONL

/// Fields of a JSONL record that hold the document, in order of preference.
const JSONL_BODY_FIELDS: &[(&str, Option<Format>)] =
    &[("text", None), ("content", None), ("html", Some(Format::Html)), ("raw_content", None)];

struct JsonlDocs {
    source: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    limit: u64,
    done: bool,
}

impl JsonlDocs {
    fn new(source: String, reader: Box<dyn BufRead + Send>, limit: u64) -> Self {
        JsonlDocs { source, reader, line_no: 0, limit, done: false }
    }

    /// Reads one line, keeping at most `limit` bytes of it. `Ok(None)` at the end.
    fn read_line(&mut self) -> io::Result<Option<(Vec<u8>, bool)>> {
        let mut buf = Vec::new();
        let mut truncated = false;
        let mut any = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(if any { Some((buf, truncated)) } else { None });
            }
            any = true;
            let (take, found) = match memchr::memchr(b'\n', chunk) {
                Some(p) => (p + 1, true),
                None => (chunk.len(), false),
            };
            let room = (self.limit as usize + 1).saturating_sub(buf.len());
            if room > 0 {
                buf.extend_from_slice(&chunk[..take.min(room)]);
            }
            if buf.len() as u64 > self.limit {
                truncated = true;
            }
            self.reader.consume(take);
            if found {
                return Ok(Some((buf, truncated)));
            }
        }
    }
}

impl Iterator for JsonlDocs {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        while !self.done {
            self.line_no += 1;
            let src = format!("{}#L{}", self.source, self.line_no);
            match self.read_line() {
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(RawDoc::failed(src, format!("cannot read the rest of the file: {e}")));
                }
                Ok(Some((_, true))) => return Some(RawDoc::failed(src, too_large(self.limit))),
                Ok(Some((line, false))) => {
                    if line.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    return Some(jsonl_record(src, &line));
                }
            }
        }
        None
    }
}

fn jsonl_record(source: String, line: &[u8]) -> RawDoc {
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return RawDoc::failed(source, format!("invalid JSON line: {e}")),
    };
    let serde_json::Value::Object(mut map) = value else {
        return RawDoc::failed(source, "JSON line is not an object");
    };
    let mut body = None;
    for (field, hint) in JSONL_BODY_FIELDS {
        if let Some(serde_json::Value::String(_)) = map.get(*field) {
            if let Some(serde_json::Value::String(s)) = map.remove(*field) {
                body = Some((s, *hint));
            }
            break;
        }
    }
    let Some((text, hint)) = body else {
        return RawDoc::failed(source, "JSON object has no string `text` or `content` field");
    };
    let url = match map.remove("url") {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let input_id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let extra = if map.is_empty() { None } else { Some(serde_json::Value::Object(map).to_string()) };
    RawDoc { source, url, input_id, extra, bytes: text.into_bytes(), format_hint: hint, is_text: true, ..RawDoc::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read_all(paths: &[&std::path::Path], limit: u64) -> Vec<RawDoc> {
        let names: Vec<String> = paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        DocReader::new(expand_inputs(&names).unwrap(), limit).collect()
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn jsonl_lines_become_documents_with_fields() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.jsonl");
        std::fs::write(
            &p,
            "{\"id\": 7, \"url\": \"https://e.org/a\", \"text\": \"Hello\", \"lang\": \"en\"}\n\n{not json}\n[1]\n{\"content\": \"Bye\"}\n{\"title\": \"no body\"}\n",
        )
        .unwrap();
        let docs = read_all(&[&p], 1000);
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].bytes, b"Hello");
        assert_eq!(docs[0].input_id.as_deref(), Some("7"));
        assert_eq!(docs[0].url.as_deref(), Some("https://e.org/a"));
        assert_eq!(docs[0].extra.as_deref(), Some("{\"lang\":\"en\"}"));
        assert!(docs[0].source.ends_with("x.jsonl#L1"));
        assert!(docs[1].source.ends_with("#L3") && docs[1].error.as_ref().unwrap().contains("invalid JSON"));
        assert!(docs[2].error.as_ref().unwrap().contains("not an object"));
        assert_eq!(docs[3].bytes, b"Bye");
        assert!(docs[4].error.as_ref().unwrap().contains("`text`"));
    }

    #[test]
    fn gzip_files_and_corrupt_gzip() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.txt.gz");
        std::fs::write(&good, gz(b"plain text")).unwrap();
        let jl = dir.path().join("b.jsonl.gz");
        std::fs::write(&jl, gz(b"{\"text\":\"one\"}\n{\"text\":\"two\"}\n")).unwrap();
        let bad = dir.path().join("c.txt.gz");
        let mut b = gz(b"some longer text that will be cut off in the middle of the stream");
        b.truncate(b.len() / 2);
        std::fs::write(&bad, b).unwrap();
        let docs = read_all(&[&good, &jl, &bad], 1000);
        assert_eq!(docs.len(), 4);
        assert_eq!(docs[0].bytes, b"plain text");
        assert_eq!(docs[0].format_hint, Some(Format::TextDump));
        assert_eq!(docs[2].bytes, b"two");
        assert!(docs[3].error.as_ref().unwrap().contains("corrupt gzip"), "{:?}", docs[3].error);
    }

    #[test]
    fn zip_members_limits_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.zip");
        {
            let mut w = zip::ZipWriter::new(File::create(&p).unwrap());
            let o = zip::write::SimpleFileOptions::default();
            w.add_directory("d/", o).unwrap();
            w.start_file("d/one.txt", o).unwrap();
            w.write_all(b"first").unwrap();
            w.start_file("big.html", o).unwrap();
            w.write_all(&vec![b'x'; 5000]).unwrap();
            w.start_file("lines.jsonl", o).unwrap();
            w.write_all(b"{\"text\":\"l1\"}\n{\"text\":\"l2\"}\n").unwrap();
            w.finish().unwrap();
        }
        let docs = read_all(&[&p], 1000);
        let prefix = format!("{}/", dir.path().display());
        let srcs: Vec<&str> = docs.iter().map(|d| d.source.strip_prefix(&prefix).unwrap()).collect();
        assert_eq!(srcs, ["a.zip!d/one.txt", "a.zip!big.html", "a.zip!lines.jsonl#L1", "a.zip!lines.jsonl#L2"]);
        assert_eq!(docs[0].bytes, b"first");
        assert!(docs[1].error.as_ref().unwrap().contains("size limit"));
        assert_eq!(docs[3].bytes, b"l2");

        let corrupt = dir.path().join("bad.zip");
        std::fs::write(&corrupt, b"PK\x03\x04 this is not really a zip").unwrap();
        let docs = read_all(&[&corrupt], 1000);
        assert_eq!(docs.len(), 1);
        assert!(docs[0].error.as_ref().unwrap().contains("corrupt zip archive"));
    }

    #[test]
    fn corrupt_zip_member_is_an_error_row_and_others_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.zip");
        {
            let mut w = zip::ZipWriter::new(File::create(&p).unwrap());
            let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            w.start_file("a.txt", o).unwrap();
            w.write_all("alpha beta gamma delta ".repeat(50).as_bytes()).unwrap();
            w.start_file("b.txt", o).unwrap();
            w.write_all(b"second member").unwrap();
            w.finish().unwrap();
        }
        // Flip bytes inside the first member's compressed data.
        let mut bytes = std::fs::read(&p).unwrap();
        for b in &mut bytes[40..60] {
            *b ^= 0x5a;
        }
        std::fs::write(&p, bytes).unwrap();
        let docs = read_all(&[&p], 1 << 20);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].error.is_some(), "{:?}", docs[0]);
        assert_eq!(docs[1].bytes, b"second member");
    }

    #[test]
    fn a_panicking_reader_gives_an_error_row_and_reading_goes_on() {
        struct Boom;
        impl Iterator for Boom {
            type Item = RawDoc;
            fn next(&mut self) -> Option<RawDoc> {
                panic!("malformed container")
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "first").unwrap();
        std::fs::write(&b, "second").unwrap();
        let mut r = DocReader::new(expand_inputs(&[a.to_str().unwrap(), b.to_str().unwrap()]).unwrap(), 100);
        assert_eq!(r.next().unwrap().bytes, b"first");
        r.current = Some(Box::new(Boom));
        r.current_source = "broken.zip".into();
        let failed = r.next().unwrap();
        assert_eq!(failed.source, "broken.zip");
        assert!(failed.error.unwrap().contains("internal error"));
        assert_eq!(r.next().unwrap().bytes, b"second");
        assert!(r.next().is_none());
    }

    #[test]
    fn progress_reaches_total() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "hello").unwrap();
        let mut r = DocReader::new(expand_inputs(&[p.to_str().unwrap()]).unwrap(), 100);
        assert_eq!(r.progress(), (0, 5));
        assert!(r.next().is_some());
        assert!(r.next().is_none());
        assert_eq!(r.progress(), (5, 5));
    }
}
