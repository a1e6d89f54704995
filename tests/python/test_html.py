"""HTML and WARC end to end through the Python API: a WARC written by the test itself (plain
and gzipped per record), a truncated one, and `explain` on an HTML page."""

import gzip

import broadsheet

PAGE = (
    "<html><head><title>Harbour reopens after the storm</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Harbour reopens after the storm</h1>"
    "<p>The harbour reopened on Friday after a week of repairs to the quay, the port authority said in a statement.</p>"
    "<p>Fishing boats returned to their moorings in the afternoon, and the ferry to the islands will resume on Monday.</p>"
    "</article><footer>Copyright Harbour News</footer></body></html>"
)


def _record(wtype, rid, url, ctype, block: bytes) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Target-URI: {url}\r\nContent-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def _records():
    body = PAGE.encode("cp1252").replace(b"storm", b"temp\xeate")
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + body
    gz_body = gzip.compress(PAGE.encode())
    resp_gz = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gz_body
    return [
        _record("warcinfo", "0", "", "application/warc-fields", b"software: test\r\n"),
        _record("request", "1", "https://h.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        _record("response", "2", "https://h.example/a", "application/http; msgtype=response", resp),
        _record("response", "3", "https://h.example/b", "application/http; msgtype=response", resp_gz),
    ]


def _check(table, name):
    rows = table.to_pylist()
    assert [r["url"] for r in rows] == ["https://h.example/a", "https://h.example/b"]
    assert rows[0]["source"].endswith(f"{name}#urn:uuid:2")
    assert all(r["error"] is None for r in rows)
    assert all(r["format"] == "html" for r in rows)
    assert "tempête" in rows[0]["title"]
    for r in rows:
        assert len(r["paragraphs"]) == 2
        assert "Copyright" not in r["text"] and "Home" not in r["text"]


def test_warc_plain_and_gzipped(tmp_path):
    recs = _records()
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(b"".join(recs))
    _check(broadsheet.read(str(plain), progress=False), "crawl.warc")
    gz = tmp_path / "crawl.warc.gz"
    gz.write_bytes(b"".join(gzip.compress(r) for r in recs))
    _check(broadsheet.read(str(gz), progress=False), "crawl.warc.gz")
    # a directory scan picks WARC files up too
    assert broadsheet.read(str(tmp_path), progress=False).num_rows == 4


def test_common_crawl_wet_file_gives_text_dump_rows(tmp_path):
    text = (
        "Home\nNews\nSport\n\nHarbour reopens after the storm\n\n"
        "The harbour reopened on Friday after a week of repairs to the quay, the port authority said in a statement.\n\n"
        "Fishing boats returned to their moorings in the afternoon, and the ferry to the islands will resume on Monday.\n\n"
        "Copyright Harbour News\n"
    )
    recs = [
        _record("warcinfo", "0", "", "application/warc-fields", b"software: test\r\n"),
        _record("conversion", "1", "https://h.example/a", "text/plain", text.encode()),
    ]
    p = tmp_path / "CC-MAIN-0001.warc.wet.gz"
    p.write_bytes(b"".join(gzip.compress(r) for r in recs))
    rows = broadsheet.read(tmp_path, progress=False).to_pylist()
    assert len(rows) == 1
    assert rows[0]["format"] == "text_dump" and rows[0]["url"] == "https://h.example/a"
    assert [p["text"] for p in rows[0]["paragraphs"]] == text.split("\n\n")[2:4]


def test_truncated_warc_gives_an_error_row(tmp_path):
    recs = _records()
    data = b"".join(gzip.compress(r) for r in recs)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[:-40])
    rows = broadsheet.read(str(p), progress=False).to_pylist()
    assert rows[0]["error"] is None
    assert rows[-1]["error"] is not None


def test_explain_html_blocks():
    t = broadsheet.explain(PAGE.encode())
    rows = t.to_pylist() if hasattr(t, "to_pylist") else t
    by_text = {r["text"]: r for r in rows}
    assert by_text["Copyright Harbour News"]["label"] == "boilerplate"
    assert "footer" in by_text["Copyright Harbour News"]["reason"]
    kept = [r for r in rows if r["label"] == "body"]
    assert len(kept) == 2 and all(r["reason"] for r in rows)
