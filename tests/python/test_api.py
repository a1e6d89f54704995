"""The Python API: inputs, options, errors, streaming, determinism."""

import gzip
import io
import json
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import broadsheet
from broadsheet import BroadsheetError, InputNotFoundError, OptionError


def write(p: Path, data) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    p.write_bytes(data)
    return p


def test_read_accepts_paths_lists_dirs_and_globs(tmp_path, article_text):
    for i in range(3):
        write(tmp_path / "d" / f"a{i}.txt", article_text.replace("harbour", f"harbour {i}"))
    write(tmp_path / "d" / "sub" / "b.txt", article_text)
    write(tmp_path / "d" / "notes.json", "{}")  # not a supported file: skipped in directories
    by_dir = broadsheet.read(tmp_path / "d")
    assert by_dir.num_rows == 4
    sources = by_dir.column("source").to_pylist()
    assert sources == sorted(sources)  # directories are read in sorted order
    assert broadsheet.read(str(tmp_path / "d" / "a*.txt")).num_rows == 3
    assert broadsheet.read([tmp_path / "d" / "a0.txt", str(tmp_path / "d" / "a1.txt")]).num_rows == 2
    row = broadsheet.read(tmp_path / "d" / "a0.txt").to_pylist()[0]
    assert row["title"] == "Storm closes the harbour 0 for a day"
    assert len(row["paragraphs"]) == 2
    assert row["format"] == "text_dump"


def test_missing_input_raises_clear_exception(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputNotFoundError) as e:
        broadsheet.read(missing)
    assert str(missing) in str(e.value)
    assert isinstance(e.value, FileNotFoundError) and isinstance(e.value, BroadsheetError)
    with pytest.raises(FileNotFoundError, match="no file matches"):
        broadsheet.read(str(tmp_path / "*.html"))


def test_bad_options_raise_value_errors_naming_the_option(tmp_path, article_text):
    p = write(tmp_path / "a.txt", article_text)
    with pytest.raises(OptionError, match="format"):
        broadsheet.read(p, format="pdf")
    with pytest.raises(ValueError, match="favor"):
        broadsheet.read(p, favor="everything")
    with pytest.raises(OptionError, match="batch_size"):
        broadsheet.read(p, batch_size=0)
    with pytest.raises(OptionError, match="jobs"):
        broadsheet.read(p, jobs=-1)
    with pytest.raises(OptionError, match="into"):
        broadsheet.read(p, into="excel")
    with pytest.raises(OptionError, match="time_limit"):
        broadsheet.read(p, time_limit=-1)
    with pytest.raises(OptionError, match="time_limit"):
        broadsheet.read(p, time_limit="soon")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        broadsheet.read(b"bytes are not a path")


def test_error_rows_never_stop_the_batch(tmp_path, article_text):
    d = tmp_path / "in"
    write(d / "01_good.txt", article_text)
    write(d / "02_empty.txt", b"")
    write(d / "03_binary.txt", bytes(range(256)) * 10)
    write(d / "04_png.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    good_gz = gzip.compress(article_text.encode())
    write(d / "05_corrupt.txt.gz", good_gz[: len(good_gz) // 2])
    jl = [json.dumps({"text": article_text, "url": "https://e.example/1"}), "not json", '{"text": 5}', json.dumps({"content": article_text, "id": "x"})]
    write(d / "06_lines.jsonl", "\n".join(jl) + "\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", article_text)
        z.writestr("big.txt", "x" * 5000)
    write(d / "07_archive.zip", buf.getvalue())
    write(d / "08_good.txt", article_text)
    tbl = broadsheet.read(d, max_member_size=4096)
    rows = tbl.to_pylist()
    by = {r["source"].replace(str(d) + "/", ""): r for r in rows}
    assert list(by) == [
        "01_good.txt", "02_empty.txt", "03_binary.txt", "04_png.txt", "05_corrupt.txt.gz",
        "06_lines.jsonl#L1", "06_lines.jsonl#L2", "06_lines.jsonl#L3", "06_lines.jsonl#L4",
        "07_archive.zip!a.txt", "07_archive.zip!big.txt", "08_good.txt",
    ]
    assert by["01_good.txt"]["error"] is None and by["08_good.txt"]["error"] is None
    assert by["02_empty.txt"]["error"] is None and by["02_empty.txt"]["text"] == ""
    assert "binary" in by["03_binary.txt"]["error"]
    assert "PNG" in by["04_png.txt"]["error"]
    assert "gzip" in by["05_corrupt.txt.gz"]["error"]
    assert by["06_lines.jsonl#L1"]["title"] == "Storm closes the harbour for a day"
    assert by["06_lines.jsonl#L1"]["url"] == "https://e.example/1"
    assert "invalid JSON" in by["06_lines.jsonl#L2"]["error"]
    assert "`text`" in by["06_lines.jsonl#L3"]["error"]
    assert by["06_lines.jsonl#L4"]["input_id"] == "x"
    assert by["07_archive.zip!a.txt"]["title"] == "Storm closes the harbour for a day"
    assert "size limit" in by["07_archive.zip!big.txt"]["error"]
    # error rows still have an id, a source and empty lists
    for r in rows:
        assert r["doc_id"] and r["source"]
        assert isinstance(r["paragraphs"], list) and isinstance(r["tweets"], list)


def test_encodings(tmp_path):
    text = "Un été à Paris coûte cher\n\nL’été à Paris coûte cher — très cher, déjà en février, et les hôtels affichent complet bien avant l’arrivée des touristes étrangers.\n"
    write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    write(tmp_path / "latin1.txt", text.replace("’", "'").replace("—", "-").encode("latin-1"))
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    write(tmp_path / "utf16.txt", text.encode("utf-16"))  # with BOM
    write(tmp_path / "crlf.txt", text.replace("\n", "\r\n").encode("utf-8"))
    rows = {Path(r["source"]).name: r for r in broadsheet.read(tmp_path).to_pylist()}
    for name in ["cp1252.txt", "bom.txt", "utf16.txt", "crlf.txt"]:
        r = rows[name]
        assert r["error"] is None, name
        assert r["title"] == "Un été à Paris coûte cher", name
        assert r["text"] == text.split("\n\n")[1].strip(), name
    assert rows["latin1.txt"]["title"] == "Un été à Paris coûte cher"


def test_iter_batches_streams_in_order(tmp_path, article_text):
    for i in range(10):
        write(tmp_path / f"{i:02}.txt", article_text)
    reader = broadsheet.iter_batches(tmp_path, batch_size=3)
    assert isinstance(reader, pa.RecordBatchReader)
    sizes, sources = [], []
    for batch in reader:
        sizes.append(batch.num_rows)
        sources += batch.column("source").to_pylist()
    assert sizes == [3, 3, 3, 1]
    assert [Path(s).name for s in sources] == [f"{i:02}.txt" for i in range(10)]


def test_same_input_same_table_and_bytes_whatever_the_jobs(tmp_path, seeds_dir):
    a = broadsheet.read(seeds_dir, jobs=1)
    assert a.equals(broadsheet.read(seeds_dir, jobs=2))
    # other batch boundaries: the same rows (dictionary columns may be chunked differently)
    assert a.to_pylist() == broadsheet.read(seeds_dir, jobs=2, batch_size=1).to_pylist()
    o1, o2 = tmp_path / "1.parquet", tmp_path / "2.parquet"
    broadsheet.convert(seeds_dir, o1, jobs=1)
    broadsheet.convert(seeds_dir, o2, jobs=2)
    assert o1.read_bytes() == o2.read_bytes()


def test_convert_writes_parquet_with_metadata(tmp_path, seeds_dir):
    out = tmp_path / "articles.parquet"
    summary = broadsheet.convert(seeds_dir, out, favor="precision")
    assert summary["documents"] == 2 and summary["errors"] == 0 and summary["tweets"] == 3
    assert summary["bytes_read"] == summary["bytes_total"] > 0
    pf = pq.ParquetFile(out)
    kv = {k.decode(): v.decode() for k, v in pf.metadata.metadata.items()}
    assert kv["broadsheet.schema_version"] == broadsheet.SCHEMA_VERSION
    assert kv["broadsheet.version"] == broadsheet.__version__
    assert json.loads(kv["broadsheet.options"])["favor"] == "precision"
    assert json.loads(kv["broadsheet.options"])["time_limit"] == broadsheet.api.DEFAULT_TIME_LIMIT
    assert pf.metadata.row_group(0).column(0).compression == "ZSTD"
    t = pq.read_table(out)
    assert t.schema.equals(broadsheet.read(seeds_dir).schema, check_metadata=False)
    assert t.num_rows == 2


def test_convert_output_errors(tmp_path, seeds_dir):
    with pytest.raises(broadsheet.OutputError, match="does not exist"):
        broadsheet.convert(seeds_dir, tmp_path / "no" / "such" / "out.parquet")
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(OSError, match="not a directory"):
        broadsheet.convert(seeds_dir, f, max_rows_per_file=1)


def test_extract_one_document(article_text):
    row = broadsheet.extract(article_text)
    assert row["title"] == "Storm closes the harbour for a day"
    assert row["format"] == "text_dump"
    assert row["word_count"] == len(row["text"].replace("/", " ").split()) 
    assert row["language"] == "en"
    html = "<html><head><title>A page title here</title></head><body><p>" + "word " * 30 + "end.</p></body></html>"
    row = broadsheet.extract(html.encode())
    assert row["format"] == "html" and row["title"] == "A page title here"
    forced = broadsheet.extract(html, format="text_dump")
    assert forced["format"] == "text_dump"


def test_paragraphs_and_tweets_explode(seeds_dir):
    tbl = broadsheet.read(seeds_dir)
    paras = broadsheet.paragraphs(tbl)
    assert paras.num_rows == sum(len(p) for p in tbl.column("paragraphs").to_pylist())
    import pyarrow.compute as pc

    first = paras.filter(pc.equal(paras.column("paragraph_index"), 0))
    assert first.num_rows == 2
    assert first.column("text").to_pylist() == [p[0]["text"] for p in tbl.column("paragraphs").to_pylist()]
    tw = broadsheet.tweets(tbl)
    assert tw.num_rows == 3
    with_tweets = [r["doc_id"] for r in tbl.to_pylist() if r["tweets"]]
    assert set(tw.column("doc_id").to_pylist()) == set(with_tweets)
    assert tw.column("handle").to_pylist() == ["RTenfrancais"] * 3
    assert tw.column("tweet_index").to_pylist() == [0, 1, 2]


def test_read_into_pandas_and_polars(seeds_dir):
    df = broadsheet.read(seeds_dir, into="pandas")
    assert len(df) == 2 and "paragraphs" in df.columns
    pl_df = broadsheet.read(seeds_dir, into="polars")
    assert pl_df.height == 2


def test_an_exception_in_the_progress_callback_stops_convert_cleanly(tmp_path, seeds_dir):
    from broadsheet import _core

    def boom(stats):
        raise RuntimeError(f"stop after {stats['documents']} documents")

    out = tmp_path / "x.parquet"
    with pytest.raises(RuntimeError, match="stop after"):
        _core.convert([str(seeds_dir)], str(out), {"batch_size": 1}, boom)
    assert not out.exists() and not (tmp_path / "x.parquet.partial").exists()


def test_an_html_page_over_the_time_limit_is_an_error_row_and_the_batch_goes_on(tmp_path, article_text):
    # a long page (several parser chunks) and a limit no parse can meet; the other page of the
    # batch is processed normally
    paras = "".join(f"<p>Paragraph {i} of a very long page about the harbour works and the storm.</p>" for i in range(8000))
    write(tmp_path / "a_long.html", f"<html><body><article>{paras}</article></body></html>")
    write(tmp_path / "b_short.txt", article_text)
    rows = broadsheet.read(tmp_path, time_limit=1e-9).to_pylist()
    assert [Path(r["source"]).name for r in rows] == ["a_long.html", "b_short.txt"]
    assert "time limit" in rows[0]["error"] and rows[0]["paragraphs"] == []
    assert rows[1]["error"] is None and rows[1]["paragraphs"]
    # within the default limit (or none) the same page is extracted whole
    for limit in (broadsheet.api.DEFAULT_TIME_LIMIT, 0):
        row = broadsheet.read(tmp_path / "a_long.html", time_limit=limit).to_pylist()[0]
        assert row["error"] is None and len(row["paragraphs"]) == 8000
