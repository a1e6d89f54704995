//! WARC files (`.warc`, and `.warc.gz` with one gzip member per record, or several records per
//! member), streamed: one record in memory at a time.
//!
//! Only `response` records holding a successful HTTP response with an HTML content type, and
//! `resource` and `conversion` records (the page texts of Common Crawl's WET files) with an HTML
//! or plain-text content type, become documents. For them the
//! HTTP status line and headers are stripped, chunked transfer encoding and the content
//! encodings gzip, deflate and br are decoded, the charset of the `Content-Type` header goes to
//! [`RawDoc::charset_hint`], and `WARC-Target-URI` gives the url. The source is
//! `file.warc.gz#<WARC-Record-ID>` (or `#offset=N` when the record has no id).
//!
//! A truncated or corrupt record becomes an error row and the reader goes on: in a plain WARC at
//! the next `WARC/` version line, in a gzipped one at the next gzip member.
//!
//! (The `warc` crate was considered: it reads whole files well but gives no way to resume after
//! a corrupt record nor the offsets needed to name records, so this is a small parser.)

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::model::{Format, RawDoc};

/// Longest header line accepted (WARC and HTTP headers).
const MAX_LINE: usize = 64 * 1024;
/// Most header lines accepted in one block.
const MAX_HEADERS: usize = 512;

/// flate2 reports a stream cut inside a gzip member as `Interrupted`, which `read_to_end` and
/// `io::copy` retry forever; this turns it into an end-of-file error.
struct Uninterrupted<R>(R);

impl<R: Read> Read for Uninterrupted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.0.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, format!("gzip stream cut short ({e})")))
            }
            other => other,
        }
    }
}

type Raw<R> = BufReader<super::Counting<R>>;
type Member<R> = BufReader<Uninterrupted<flate2::bufread::GzDecoder<Raw<R>>>>;

enum State<R: Read> {
    Plain(Raw<R>),
    GzIdle(Raw<R>),
    GzMember(Member<R>, u64),
    Done,
}

/// The documents of a WARC stream.
pub struct WarcDocs<R: Read> {
    source: String,
    limit: u64,
    state: State<R>,
    raw_count: Arc<AtomicU64>,
    /// Bytes consumed in the current record stream (plain file, or current gzip member).
    pos: u64,
    pending: VecDeque<RawDoc>,
}

impl<R: Read> WarcDocs<R> {
    pub fn new(source: String, reader: R, gzipped: bool, limit: u64) -> Self {
        let raw_count = Arc::new(AtomicU64::new(0));
        let raw = BufReader::with_capacity(64 * 1024, super::Counting { inner: reader, counter: raw_count.clone() });
        let state = if gzipped { State::GzIdle(raw) } else { State::Plain(raw) };
        WarcDocs { source, limit, state, raw_count, pos: 0, pending: VecDeque::new() }
    }

    fn raw_pos(&self, raw: &Raw<R>) -> u64 {
        self.raw_count.load(Ordering::Relaxed) - raw.buffer().len() as u64
    }
}

/// What reading one record gave.
enum Outcome {
    /// A record was read (maybe a document, maybe a record that gives none).
    Record(Option<RawDoc>),
    /// Clean end of the stream.
    End,
    /// A broken record: the error row, and whether the stream can be resynchronised.
    Broken(RawDoc),
}

fn read_line<B: BufRead>(r: &mut B, pos: &mut u64, line: &mut Vec<u8>) -> io::Result<bool> {
    line.clear();
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(any);
        }
        any = true;
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                if line.len() < MAX_LINE {
                    line.extend_from_slice(&buf[..=i]);
                }
                r.consume(i + 1);
                *pos += i as u64 + 1;
                return Ok(true);
            }
            None => {
                let n = buf.len();
                if line.len() < MAX_LINE {
                    line.extend_from_slice(buf);
                }
                r.consume(n);
                *pos += n as u64;
            }
        }
    }
}

fn trim_eol(l: &[u8]) -> &[u8] {
    let mut e = l.len();
    while e > 0 && (l[e - 1] == b'\n' || l[e - 1] == b'\r') {
        e -= 1;
    }
    &l[..e]
}

/// Header lines up to the empty line, as (lowercased name, value).
fn parse_headers(lines: &[u8]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for raw in lines.split(|&b| b == b'\n') {
        let l = trim_eol(raw);
        if l.is_empty() {
            continue;
        }
        if (l[0] == b' ' || l[0] == b'\t') && !out.is_empty() {
            let last = out.last_mut().unwrap();
            last.1.push(' ');
            last.1.push_str(String::from_utf8_lossy(l).trim());
            continue;
        }
        if let Some(i) = memchr::memchr(b':', l) {
            let name = String::from_utf8_lossy(&l[..i]).trim().to_ascii_lowercase();
            let value = String::from_utf8_lossy(&l[i + 1..]).trim().to_string();
            out.push((name, value));
        }
    }
    out
}

fn header<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The media type and charset of a Content-Type value.
fn content_type(v: &str) -> (String, Option<String>) {
    let mut parts = v.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, val) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| val.trim().trim_matches(['"', '\'']).to_string())
    });
    (media, charset.filter(|c| !c.is_empty()))
}

fn is_html_type(media: &str) -> bool {
    media == "text/html" || media == "application/xhtml+xml" || media.ends_with("+html")
}

/// Undo chunked transfer encoding. `None` when the body is not validly chunked.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let nl = memchr::memchr(b'\n', rest)?;
        let line = trim_eol(&rest[..nl]);
        let size_txt = std::str::from_utf8(line).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size_txt, 16).ok()?;
        rest = &rest[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if rest.len() < size {
            // truncated last chunk: keep what there is
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        if rest.starts_with(b"\r\n") {
            rest = &rest[2..];
        } else if rest.starts_with(b"\n") {
            rest = &rest[1..];
        }
        if rest.is_empty() {
            return Some(out);
        }
    }
}

fn read_capped<R: Read>(r: R, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(limit + 1).read_to_end(&mut out).map_err(|e| e.to_string())?;
    if out.len() as u64 > limit {
        return Err(format!("decoded body larger than the size limit ({limit} bytes)"));
    }
    Ok(out)
}

/// Undo one content encoding.
fn decode_content(body: Vec<u8>, encoding: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut out = body;
    // several codings are listed in the order applied
    for coding in encoding.split(',').map(|c| c.trim().to_ascii_lowercase()).rev() {
        out = match coding.as_str() {
            "" | "identity" | "none" => out,
            "gzip" | "x-gzip" => read_capped(flate2::read::MultiGzDecoder::new(&out[..]), limit)
                .map_err(|e| format!("cannot decode gzip content encoding: {e}"))?,
            "deflate" => match read_capped(flate2::read::ZlibDecoder::new(&out[..]), limit) {
                Ok(b) => b,
                Err(_) => read_capped(flate2::read::DeflateDecoder::new(&out[..]), limit)
                    .map_err(|e| format!("cannot decode deflate content encoding: {e}"))?,
            },
            "br" => read_capped(brotli_decompressor::Decompressor::new(&out[..], 4096), limit)
                .map_err(|e| format!("cannot decode br content encoding: {e}"))?,
            other => return Err(format!("unsupported content encoding {other:?}")),
        };
    }
    Ok(out)
}

/// Turn a record's block into a document, or `None` for records that give no row.
fn record_doc(source: String, warc: &[(String, String)], block: Vec<u8>, limit: u64) -> Option<RawDoc> {
    let wtype = header(warc, "warc-type").unwrap_or("").to_ascii_lowercase();
    let url = header(warc, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
    match wtype.as_str() {
        "response" => {
            let (wmedia, _) = content_type(header(warc, "content-type").unwrap_or(""));
            if !wmedia.starts_with("application/http") && !block.starts_with(b"HTTP/") {
                return None;
            }
            // status line and headers
            let end = memchr::memmem::find(&block, b"\r\n\r\n")
                .map(|i| i + 4)
                .or_else(|| memchr::memmem::find(&block, b"\n\n").map(|i| i + 2));
            let Some(end) = end else {
                return Some(RawDoc { url, ..RawDoc::failed(source, "corrupt WARC response: no end of HTTP headers") });
            };
            let head = &block[..end];
            let first_nl = memchr::memchr(b'\n', head).unwrap_or(head.len());
            let status_line = String::from_utf8_lossy(trim_eol(&head[..first_nl])).to_string();
            let status: u16 = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            let http = parse_headers(&head[first_nl.min(head.len())..]);
            let (media, charset) = content_type(header(&http, "content-type").unwrap_or(""));
            if !(200..300).contains(&status) {
                return None;
            }
            if !(is_html_type(&media) || media.is_empty() && looks_like_html(&block[end..])) {
                return None;
            }
            let mut body = block[end..].to_vec();
            drop(block);
            if header(&http, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
                if let Some(d) = dechunk(&body) {
                    body = d;
                }
            }
            if let Some(enc) = header(&http, "content-encoding") {
                match decode_content(body, enc, limit) {
                    Ok(b) => body = b,
                    Err(e) => return Some(RawDoc { url, ..RawDoc::failed(source, e) }),
                }
            }
            Some(RawDoc { source, url, bytes: body, format_hint: Some(Format::Html), charset_hint: charset, ..RawDoc::default() })
        }
        // a page as the crawler stored it, or its text (Common Crawl's WET files: `conversion`)
        "resource" | "conversion" => {
            let (media, charset) = content_type(header(warc, "content-type").unwrap_or(""));
            let hint = if is_html_type(&media) {
                Format::Html
            } else if media == "text/plain" {
                Format::TextDump
            } else {
                return None;
            };
            Some(RawDoc { source, url, bytes: block, format_hint: Some(hint), charset_hint: charset, ..RawDoc::default() })
        }
        _ => None,
    }
}

fn looks_like_html(b: &[u8]) -> bool {
    let head = &b[..b.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    memchr::memmem::find(&lower, b"<html").is_some() || memchr::memmem::find(&lower, b"<!doctype html").is_some()
}

/// Read one record from `r`. `pos` counts the bytes consumed from `r`.
/// `member` is the offset of the gzip member being read, if any (records are then named by it).
fn next_record<B: BufRead>(r: &mut B, pos: &mut u64, source: &str, limit: u64, member: Option<u64>) -> Outcome {
    let offset_name = |at: u64| match member {
        Some(m) if at == 0 => format!("{source}#offset={m}"),
        Some(m) => format!("{source}#offset={m}+{at}"),
        None => format!("{source}#offset={at}"),
    };
    let mut line = Vec::new();
    // skip blank lines between records
    let start;
    loop {
        let at = *pos;
        match read_line(r, pos, &mut line) {
            Ok(false) => return Outcome::End,
            Ok(true) => {}
            Err(e) => {
                let what = if member.is_some() { "corrupt gzip member" } else { "cannot read the WARC stream" };
                return Outcome::Broken(RawDoc::failed(offset_name(at), format!("{what}: {e}")));
            }
        }
        if trim_eol(&line).is_empty() {
            continue;
        }
        start = at;
        break;
    }
    let here = |id: Option<&str>| match id {
        Some(id) if !id.is_empty() => format!("{source}#{}", id.trim_matches(['<', '>'])),
        _ => offset_name(start),
    };
    if !trim_eol(&line).starts_with(b"WARC/") {
        return Outcome::Broken(RawDoc::failed(
            here(None),
            format!("corrupt WARC record: expected a WARC/ version line, found {:?}", String::from_utf8_lossy(&line[..line.len().min(40)])),
        ));
    }
    let mut head = Vec::new();
    let mut n = 0;
    loop {
        match read_line(r, pos, &mut line) {
            Ok(true) => {}
            Ok(false) => return Outcome::Broken(RawDoc::failed(here(None), "truncated WARC record: the stream ends inside its header")),
            Err(e) => return Outcome::Broken(RawDoc::failed(here(None), format!("corrupt WARC record header: {e}"))),
        }
        if trim_eol(&line).is_empty() {
            break;
        }
        n += 1;
        if n > MAX_HEADERS {
            return Outcome::Broken(RawDoc::failed(here(None), "corrupt WARC record: too many header lines"));
        }
        head.extend_from_slice(&line);
    }
    let warc = parse_headers(&head);
    let id = header(&warc, "warc-record-id");
    let src = here(id);
    let Some(len) = header(&warc, "content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
        return Outcome::Broken(RawDoc::failed(src, "corrupt WARC record: no valid Content-Length"));
    };
    let wtype = header(&warc, "warc-type").unwrap_or("").to_ascii_lowercase();
    let wanted = matches!(wtype.as_str(), "response" | "resource" | "conversion");
    if !wanted || len > limit.saturating_add(64 * 1024) {
        // skip the block without holding it
        let skipped = match io::copy(&mut r.by_ref().take(len), &mut io::sink()) {
            Ok(k) => k,
            Err(e) => return Outcome::Broken(RawDoc::failed(src, format!("corrupt WARC record: {e}"))),
        };
        *pos += skipped;
        if skipped < len {
            return Outcome::Broken(RawDoc::failed(src, format!("truncated WARC record: {skipped} of {len} bytes")));
        }
        if !wanted {
            return Outcome::Record(None);
        }
        let url = header(&warc, "warc-target-uri").map(str::to_string);
        return Outcome::Record(Some(RawDoc {
            url,
            ..RawDoc::failed(src, format!("WARC record larger than the size limit ({len} bytes, max_member_size = {limit})"))
        }));
    }
    let mut block = Vec::with_capacity(len as usize);
    match r.by_ref().take(len).read_to_end(&mut block) {
        Ok(k) => *pos += k as u64,
        Err(e) => {
            let url = header(&warc, "warc-target-uri").map(str::to_string);
            return Outcome::Broken(RawDoc { url, ..RawDoc::failed(src, format!("corrupt WARC record: {e}")) });
        }
    }
    if (block.len() as u64) < len {
        let url = header(&warc, "warc-target-uri").map(str::to_string);
        return Outcome::Broken(RawDoc {
            url,
            ..RawDoc::failed(src, format!("truncated WARC record: {} of {len} bytes", block.len()))
        });
    }
    Outcome::Record(record_doc(src, &warc, block, limit))
}

/// Skip raw bytes up to the next gzip member header. False at the end of the stream.
fn seek_gzip_magic<B: BufRead>(r: &mut B) -> bool {
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(_) => return false,
        };
        if buf.is_empty() {
            return false;
        }
        if buf.len() < 3 {
            // the tail of the buffer (or of the stream): too short to hold a header
            let n = buf.len();
            r.consume(n);
            continue;
        }
        match memchr::memmem::find(buf, b"\x1f\x8b\x08") {
            Some(0) => return true,
            Some(i) => r.consume(i),
            None => {
                let n = buf.len() - 2;
                r.consume(n);
            }
        }
    }
}

impl<R: Read> Iterator for WarcDocs<R> {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            if let Some(d) = self.pending.pop_front() {
                return Some(d);
            }
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Plain(mut r) => match next_record(&mut r, &mut self.pos, &self.source, self.limit, None) {
                    Outcome::End => return None,
                    Outcome::Record(d) => {
                        self.state = State::Plain(r);
                        if let Some(d) = d {
                            return Some(d);
                        }
                    }
                    Outcome::Broken(d) => {
                        // resynchronise at the next version line
                        let mut line = Vec::new();
                        loop {
                            let fill = r.fill_buf().map(|b| b.starts_with(b"WARC/"));
                            match fill {
                                Ok(true) => {
                                    self.state = State::Plain(r);
                                    break;
                                }
                                Ok(false) => match read_line(&mut r, &mut self.pos, &mut line) {
                                    Ok(true) => {}
                                    _ => break,
                                },
                                Err(_) => break,
                            }
                        }
                        return Some(d);
                    }
                },
                State::GzIdle(mut raw) => {
                    match raw.fill_buf() {
                        Ok([]) => return None,
                        Ok(_) => {}
                        Err(e) => {
                            let at = self.raw_pos(&raw);
                            return Some(RawDoc::failed(format!("{}#offset={at}", self.source), format!("cannot read: {e}")));
                        }
                    }
                    let at = self.raw_pos(&raw);
                    self.pos = 0;
                    let dec = flate2::bufread::GzDecoder::new(raw);
                    self.state = State::GzMember(BufReader::with_capacity(64 * 1024, Uninterrupted(dec)), at);
                }
                State::GzMember(mut m, at) => match next_record(&mut m, &mut self.pos, &self.source, self.limit, Some(at)) {
                    Outcome::End => {
                        // a clean end of this member: on to the next one
                        self.state = State::GzIdle(m.into_inner().0.into_inner());
                    }
                    Outcome::Record(d) => {
                        self.state = State::GzMember(m, at);
                        if let Some(d) = d {
                            return Some(d);
                        }
                    }
                    Outcome::Broken(d) => {
                        // drop the rest of this member and go on at the next gzip header
                        let mut raw = m.into_inner().0.into_inner();
                        if self.raw_pos(&raw) <= at {
                            raw.consume(1);
                        }
                        if seek_gzip_magic(&mut raw) {
                            self.state = State::GzIdle(raw);
                        }
                        return Some(d);
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(wtype: &str, id: &str, url: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut v = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        v.extend_from_slice(body);
        v
    }

    fn gz(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }

    const PAGE: &[u8] = b"<html><body><p>Bonjour le monde, caf\xe9 cr\xe8me.</p></body></html>";

    fn sample_records() -> Vec<Vec<u8>> {
        let chunked = {
            let body = b"<html><body><p>Chunked page body here.</p></body></html>";
            let mut c = format!("{:x}\r\n", 20).into_bytes();
            c.extend_from_slice(&body[..20]);
            c.extend_from_slice(format!("\r\n{:x}\r\n", body.len() - 20).as_bytes());
            c.extend_from_slice(&body[20..]);
            c.extend_from_slice(b"\r\n0\r\n\r\n");
            c
        };
        let gzipped_body = gz(b"<html><body><p>Gzip encoded page.</p></body></html>");
        vec![
            record("warcinfo", "0", "", "application/warc-fields", b"software: test\r\n"),
            record("request", "1", "http://a.example/", "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
            record(
                "response",
                "2",
                "http://a.example/",
                "application/http; msgtype=response",
                &http("Content-Type: text/html; charset=ISO-8859-1\r\n", PAGE),
            ),
            record(
                "response",
                "3",
                "http://a.example/img.png",
                "application/http; msgtype=response",
                &http("Content-Type: image/png\r\n", b"\x89PNG...."),
            ),
            record(
                "response",
                "4",
                "http://b.example/",
                "application/http; msgtype=response",
                &http("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", &chunked),
            ),
            record(
                "response",
                "5",
                "http://c.example/",
                "application/http; msgtype=response",
                &http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", &gzipped_body),
            ),
            record("resource", "6", "file:///d.html", "text/html", b"<html><p>Resource page.</p></html>"),
        ]
    }

    fn read(bytes: Vec<u8>, gzipped: bool) -> Vec<RawDoc> {
        WarcDocs::new("x.warc".into(), io::Cursor::new(bytes), gzipped, 1 << 20).collect()
    }

    fn check(docs: &[RawDoc]) {
        assert_eq!(docs.len(), 4, "{docs:?}");
        assert_eq!(docs[0].source, "x.warc#urn:uuid:2");
        assert_eq!(docs[0].url.as_deref(), Some("http://a.example/"));
        assert_eq!(docs[0].bytes, PAGE);
        assert_eq!(docs[0].charset_hint.as_deref(), Some("ISO-8859-1"));
        assert_eq!(docs[1].bytes, b"<html><body><p>Chunked page body here.</p></body></html>");
        assert_eq!(docs[2].bytes, b"<html><body><p>Gzip encoded page.</p></body></html>");
        assert_eq!(docs[3].url.as_deref(), Some("file:///d.html"));
        assert!(docs.iter().all(|d| d.error.is_none()));
    }

    #[test]
    fn wet_conversion_records_are_text_dumps() {
        // a Common Crawl WET file: a warcinfo record, then one text record per page
        let wet = [
            record("warcinfo", "w", "", "application/warc-fields", b"software: test\r\n"),
            record("conversion", "c1", "https://news.example/a", "text/plain", "Menu\nHeadline\n\nThe text of the page.".as_bytes()),
            record("conversion", "c2", "https://news.example/b", "text/plain", b"Second page."),
        ];
        let docs = read(gz(&wet.concat()), true);
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert_eq!(docs[0].format_hint, Some(Format::TextDump));
        assert_eq!(docs[0].url.as_deref(), Some("https://news.example/a"));
        assert_eq!(docs[0].bytes, b"Menu\nHeadline\n\nThe text of the page.");
        assert!(docs[1].source.ends_with("#urn:uuid:c2"), "{}", docs[1].source);
    }

    #[test]
    fn plain_warc_keeps_html_responses_and_resources() {
        check(&read(sample_records().concat(), false));
    }

    #[test]
    fn gzipped_warc_one_member_per_record_and_single_member() {
        let per_record: Vec<u8> = sample_records().iter().flat_map(|r| gz(r)).collect();
        check(&read(per_record, true));
        check(&read(gz(&sample_records().concat()), true));
    }

    #[test]
    fn brotli_and_deflate_encodings() {
        let body = b"<html><body><p>Deflated.</p></body></html>";
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(body).unwrap();
        let z = z.finish().unwrap();
        assert_eq!(decode_content(z, "deflate", 1000).unwrap(), body);
        // a tiny brotli stream: "hello" compressed (uncompressed meta-block)
        let br: &[u8] = &[0x0b, 0x02, 0x80, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x03];
        assert_eq!(decode_content(br.to_vec(), "br", 1000).unwrap(), b"hello");
        assert!(decode_content(b"junk".to_vec(), "gzip", 1000).is_err());
    }

    #[test]
    fn truncated_and_corrupt_records_are_error_rows_and_reading_goes_on() {
        let recs = sample_records();
        // plain: garbage between records, then a record cut short at the end
        let mut plain = recs[2].clone();
        plain.extend_from_slice(b"this is not a warc header\r\n\r\n");
        plain.extend_from_slice(&recs[4]);
        let cut = &recs[5][..recs[5].len() - 30];
        plain.extend_from_slice(cut);
        let docs = read(plain, false);
        assert_eq!(docs.len(), 4, "{docs:?}");
        assert!(docs[0].error.is_none());
        assert!(docs[1].error.as_deref().unwrap().contains("corrupt WARC record"));
        assert!(docs[2].source.ends_with("#urn:uuid:4") && docs[2].error.is_none(), "{:?}", docs[2]);
        assert!(docs[3].error.as_deref().unwrap().contains("truncated"), "{:?}", docs[3]);
        assert!(docs[3].source.ends_with("#urn:uuid:5"));

        // gzip: a member with flipped bytes in the middle, then good members
        let mut bad = gz(&recs[2]);
        let mid = bad.len() / 2;
        for b in &mut bad[mid..mid + 8] {
            *b ^= 0xff;
        }
        let stream = [bad, gz(&recs[4]), gz(&recs[6])].concat();
        let docs = read(stream, true);
        assert!(docs[0].error.is_some(), "{docs:?}");
        assert!(docs[0].source.ends_with("#urn:uuid:2") || docs[0].source.ends_with("#offset=0"), "{:?}", docs[0]);
        let ok: Vec<&RawDoc> = docs.iter().filter(|d| d.error.is_none()).collect();
        assert_eq!(ok.len(), 2, "{docs:?}");
        assert!(ok[1].source.ends_with("#urn:uuid:6"));

        // a gzip stream cut in the middle of the last member
        let whole = [gz(&recs[2]), gz(&recs[4])].concat();
        let docs = read(whole[..whole.len() - 20].to_vec(), true);
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert!(docs[0].error.is_none());
        assert!(docs[1].error.is_some());
    }

    #[test]
    fn oversized_records_are_error_rows() {
        let big = record("resource", "9", "file:///big.html", "text/html", &vec![b'x'; 200_000]);
        let docs: Vec<RawDoc> =
            WarcDocs::new("x.warc".into(), io::Cursor::new([big, sample_records()[6].clone()].concat()), false, 1000).collect();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].error.as_deref().unwrap().contains("size limit"));
        assert!(docs[1].error.is_none());
    }
}
