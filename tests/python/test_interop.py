"""Output read back unchanged by pyarrow, pandas, polars and duckdb."""

import datetime as dt

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

import broadsheet


def test_parquet_reads_in_every_engine(tmp_path, root):
    out = tmp_path / "articles.parquet"
    broadsheet.convert(root / "examples", out)
    expected = broadsheet.read(root / "examples")
    n = expected.num_rows

    t = pq.read_table(out)
    assert t.num_rows == n and t.column_names == expected.column_names
    assert t.column("text").to_pylist() == expected.column("text").to_pylist()

    df = pd.read_parquet(out)
    assert len(df) == n
    assert list(df.columns) == expected.column_names
    seed = df[df["source"].str.endswith("revue-internationale-whatsapp.txt")].iloc[0]
    assert seed["published"] == pd.Timestamp("2017-03-27", tz="UTC")
    assert list(seed["authors"]) == ["La Rédaction"]

    pf = pl.read_parquet(out)
    assert pf.height == n
    exploded = pf.select("doc_id", "tweets").explode("tweets").drop_nulls("tweets").unnest("tweets")
    assert exploded.height == sum(len(x) for x in expected.column("tweets").to_pylist())
    assert "RTenfrancais" in exploded["handle"].to_list()

    con = duckdb.connect()
    rows = con.execute(
        f"SELECT language, count(*) AS n FROM read_parquet('{out}') GROUP BY language ORDER BY language"
    ).fetchall()
    assert sum(r[1] for r in rows) == n
    paras = con.execute(
        f"SELECT count(*) FROM (SELECT unnest(paragraphs) AS p FROM read_parquet('{out}')) WHERE p.kind = 'paragraph'"
    ).fetchone()[0]
    assert paras == sum(1 for ps in expected.column("paragraphs").to_pylist() for p in ps if p["kind"] == "paragraph")
    day = con.execute(
        f"SELECT published_date FROM read_parquet('{out}') WHERE source LIKE '%revue-internationale%'"
    ).fetchone()[0]
    assert day == dt.date(2017, 3, 27)


def test_arrow_table_to_polars_and_pandas_directly(seeds_dir):
    tbl = broadsheet.read(seeds_dir)
    assert pl.from_arrow(tbl).height == 2
    assert tbl.to_pandas()["word_count"].min() > 100
