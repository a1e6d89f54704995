"""The README's schema table is what read() returns, column for column, and Parquet carries it."""

import re

import pyarrow as pa
import pyarrow.parquet as pq

import broadsheet


def fmt(t: pa.DataType) -> str:
    """A pyarrow type in the README's notation."""
    if pa.types.is_dictionary(t):
        return f"dictionary<{fmt(t.index_type)}, {fmt(t.value_type)}>"
    if pa.types.is_list(t):
        return f"list<{fmt(t.value_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"{f.name}: {fmt(f.type)}" for f in t) + ">"
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}, {t.tz}]"
    if pa.types.is_date32(t):
        return "date32"
    return str(t)


def readme_schema(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- schema:begin -->")[1].split("<!-- schema:end -->")[0]
    rows = []
    for line in block.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        name = cells[0].strip("`")
        typ = cells[1].strip("`")
        nullable = {"yes": True, "no": False}[cells[2]]
        rows.append((name, typ, nullable))
    return rows


def test_readme_schema_matches_read(root, seeds_dir):
    documented = readme_schema(root)
    tbl = broadsheet.read(seeds_dir)
    actual = [(f.name, fmt(f.type), f.nullable) for f in tbl.schema]
    assert actual == documented
    assert [(f.name, fmt(f.type), f.nullable) for f in broadsheet.schema()] == documented


def test_readme_states_the_schema_version(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"schema version {broadsheet.SCHEMA_VERSION}\)", text)


def test_parquet_carries_schema_and_versions(tmp_path, seeds_dir, root):
    out = tmp_path / "a.parquet"
    broadsheet.convert(seeds_dir, out)
    schema = pq.read_schema(out)
    assert [(f.name, fmt(f.type), f.nullable) for f in schema] == readme_schema(root)
    md = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert md["broadsheet.schema_version"] == broadsheet.SCHEMA_VERSION
    assert md["broadsheet.version"] == broadsheet.__version__
