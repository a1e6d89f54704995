"""broadsheet on a local Ray cluster (2 CPUs) gives the same rows as broadsheet.read."""

import pyarrow as pa
import pytest

import broadsheet

ray = pytest.importorskip("ray")
import broadsheet.ray as bray  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    yield
    ray.shutdown()


def by_source(t: pa.Table) -> list:
    rows = t.to_pylist()
    return sorted(rows, key=lambda r: r["source"])


def test_ray_read_matches_local_read(cluster, root, tmp_path):
    examples = root / "examples"
    local = broadsheet.read(examples)
    ds = bray.read(examples, files_per_task=2)
    remote = ds.to_arrow() if hasattr(ds, "to_arrow") else pa.concat_tables(ray.get(ds.to_arrow_refs()))
    assert remote.num_rows == local.num_rows
    assert by_source(remote.cast(local.schema)) == by_source(local)
    # Ray's own Parquet writer, read back
    out = tmp_path / "ray_out"
    ds.write_parquet(str(out))
    import pyarrow.dataset as pads

    back = pads.dataset(str(out), format="parquet").to_table()
    assert sorted(back.column("doc_id").to_pylist()) == sorted(local.column("doc_id").to_pylist())


def test_map_batches_over_raw_bytes(cluster, root):
    files = sorted((root / "examples").glob("*.txt"))
    docs = ray.data.from_arrow(
        pa.table({"path": [str(f) for f in files], "bytes": [f.read_bytes() for f in files]})
    )
    rows = docs.map_batches(
        bray.rows_from_bytes, batch_format="pyarrow", batch_size=1, fn_kwargs={"source_column": "path"}
    )
    got = by_source(rows.to_arrow() if hasattr(rows, "to_arrow") else pa.concat_tables(ray.get(rows.to_arrow_refs())))
    want = by_source(broadsheet.read([str(f) for f in files]))
    assert [r["source"] for r in got] == [r["source"] for r in want]
    assert [r["paragraphs"] for r in got] == [r["paragraphs"] for r in want]
    assert [r["tweets"] for r in got] == [r["tweets"] for r in want]
    assert [r["doc_id"] for r in got] == [r["doc_id"] for r in want]
