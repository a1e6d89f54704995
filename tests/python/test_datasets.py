"""Dataset directories, shards, and loading the output with Hugging Face `datasets`."""

import json
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import broadsheet


@pytest.fixture
def corpus(tmp_path, article_text):
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(11):
        (d / f"doc{i:02}.txt").write_text(article_text.replace("harbour", f"harbour {i}"), encoding="utf-8")
    return d


def test_dataset_directory_split_by_rows_with_marker_and_card(tmp_path, corpus):
    out = tmp_path / "ds"
    s = broadsheet.convert(corpus, out, max_rows_per_file=4, dataset_card=True, batch_size=3)
    assert s["files"] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.ParquetFile(out / f).metadata.num_rows for f in s["files"]] == [4, 4, 3]
    marker = json.loads((out / "_SUCCESS").read_text())
    assert marker["documents"] == 11 and marker["schema_version"] == broadsheet.SCHEMA_VERSION
    card = (out / "README.md").read_text()
    assert broadsheet.__version__ in card and "| documents | 11 |" in card
    # the card is not Parquet: read the directory's *.parquet files (or exclude_invalid_files)
    whole = ds.dataset(out, format="parquet", exclude_invalid_files=True).to_table()
    assert whole.column("source").to_pylist() == broadsheet.read(corpus).column("source").to_pylist()
    # a finished run is skipped; overwrite=True runs it again
    assert broadsheet.convert(corpus, out, max_rows_per_file=4)["skipped"] is True
    assert broadsheet.convert(corpus, out, max_rows_per_file=4, overwrite=True)["skipped"] is False


def test_dataset_split_by_size(tmp_path, corpus):
    out = tmp_path / "bysize"
    s = broadsheet.convert(corpus, out, max_file_size=1, batch_size=2)
    # every batch closes a file once the size is reached
    assert len(s["files"]) == 6
    assert sum(pq.ParquetFile(out / f).metadata.num_rows for f in s["files"]) == 11


def test_shards_cover_every_input_exactly_once(tmp_path, corpus):
    n = 3
    seen = []
    for i in range(n):
        t = broadsheet.read(corpus, shard=(i, n))
        seen += t.column("source").to_pylist()
        out = tmp_path / "sharded"
        s = broadsheet.convert(corpus, out, shard=(i, n), max_rows_per_file=100)
        assert s["files"] == [f"part-{i:05}-of-{n:05}-00000.parquet"]
        assert (out / f"_SUCCESS-{i:05}-of-{n:05}").exists()
    assert sorted(seen) == sorted(broadsheet.read(corpus).column("source").to_pylist())
    assert len(seen) == len(set(seen)) == 11
    all_rows = ds.dataset(tmp_path / "sharded", format="parquet").to_table()
    assert sorted(all_rows.column("source").to_pylist()) == sorted(seen)
    with pytest.raises(broadsheet.OptionError, match="shard"):
        broadsheet.read(corpus, shard=(3, 3))


def test_huggingface_datasets_loads_the_output(tmp_path, corpus, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    out = tmp_path / "hf_ds"
    broadsheet.convert(corpus, out, max_rows_per_file=5, dataset_card=True)
    files = sorted(str(p) for p in Path(out).glob("*.parquet"))
    d = datasets.load_dataset("parquet", data_files=files, split="train", cache_dir=str(tmp_path / "cache"))
    assert d.num_rows == 11
    assert d[0]["title"] == broadsheet.read(corpus).column("title")[0].as_py()
    assert isinstance(d[0]["paragraphs"], list) and d[0]["paragraphs"][0]["kind"] == "paragraph"
