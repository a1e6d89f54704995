"""The Python API: read, iter_batches, convert, extract, explain, and helpers that explode
paragraphs and tweets into long tables. All work happens in the Rust core (``_core``); Arrow data
crosses through the Arrow C stream interface, never as Python objects per row."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, Union

import pyarrow as pa
import pyarrow.compute as pc

from . import _core, _progress
from .exceptions import OptionError

__all__ = [
    "read",
    "iter_batches",
    "convert",
    "extract",
    "explain",
    "schema",
    "paragraphs",
    "tweets",
    "Source",
]

PathLike = Union[str, "os.PathLike[str]"]
Source = Union[PathLike, Iterable[PathLike]]
Format = Literal["auto", "text_dump", "html"]
Favor = Literal["balanced", "precision", "recall"]
Into = Literal["arrow", "pandas", "polars"]

DEFAULT_BATCH_SIZE = 256
DEFAULT_MAX_MEMBER_SIZE = 64 * 1024 * 1024
#: Seconds one HTML page may take before it becomes an error row (0: no limit).
DEFAULT_TIME_LIMIT = 5.0


def _inputs(source: Source) -> List[str]:
    """Paths, ``pathlib.Path``s, globs, or an iterable of them, as strings for the core."""
    if isinstance(source, (str, os.PathLike)):
        items: List[Any] = [source]
    elif isinstance(source, (bytes, bytearray)):
        raise TypeError("source must be a path, a glob or a list of them; for document bytes use broadsheet.extract()")
    else:
        try:
            items = list(source)
        except TypeError:
            raise TypeError(f"source must be a path, a glob or a list of them, not {type(source).__name__}") from None
    out = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"source items must be paths or strings, not {type(item).__name__}")
        out.append(os.path.expanduser(os.fspath(item)))
    if not out:
        raise OptionError("option `source`: no input given")
    return out


def _options(
    *,
    jobs: int,
    batch_size: int,
    format: str,
    favor: str,
    max_member_size: int,
    time_limit: float = DEFAULT_TIME_LIMIT,
    shard: Optional[Tuple[int, int]] = None,
) -> Dict[str, Any]:
    opts: Dict[str, Any] = {
        "jobs": jobs,
        "batch_size": batch_size,
        "format": format,
        "favor": favor,
        "max_member_size": max_member_size,
        "time_limit": time_limit,
    }
    if shard is not None:
        if not (isinstance(shard, (tuple, list)) and len(shard) == 2):
            raise OptionError(f"option `shard`: must be a pair (i, n), got {shard!r}")
        opts["shard"] = tuple(shard)
    return opts


def iter_batches(
    source: Source,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 0,
    format: Format = "auto",
    favor: Favor = "balanced",
    max_member_size: int = DEFAULT_MAX_MEMBER_SIZE,
    time_limit: float = DEFAULT_TIME_LIMIT,
    shard: Optional[Tuple[int, int]] = None,
    progress: Optional[bool] = None,
) -> pa.RecordBatchReader:
    """Stream the documents of ``source`` as Arrow record batches, one row per document.

    ``source`` is a path, a directory (read recursively), a glob, or a list of them. Memory
    stays bounded: documents are read, processed (on ``jobs`` threads, 0 = all cores) and
    handed over ``batch_size`` at a time, always in input order. ``shard=(i, n)`` reads only
    files ``i, i+n, ...`` of the sorted input list (for splitting a corpus across jobs).
    An HTML page that takes longer than ``time_limit`` seconds (0: no limit) becomes an error
    row instead of stalling a worker.
    """
    inputs = _inputs(source)
    opts = _options(jobs=jobs, batch_size=batch_size, format=format, favor=favor, max_member_size=max_member_size, time_limit=time_limit, shard=shard)
    bar = _progress.make(progress, "broadsheet")
    reader = _core.read_batches(inputs, opts, bar)
    if bar is None:
        return reader

    def batches():
        try:
            for b in reader:
                yield b
        finally:
            bar.close()

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


def read(
    source: Source,
    *,
    jobs: int = 0,
    format: Format = "auto",
    favor: Favor = "balanced",
    max_member_size: int = DEFAULT_MAX_MEMBER_SIZE,
    time_limit: float = DEFAULT_TIME_LIMIT,
    batch_size: int = DEFAULT_BATCH_SIZE,
    shard: Optional[Tuple[int, int]] = None,
    progress: Optional[bool] = None,
    into: Into = "arrow",
) -> Any:
    """Read ``source`` into one table, one row per document (schema: see the README).

    Returns a ``pyarrow.Table``; ``into="pandas"`` or ``into="polars"`` converts it.
    """
    if into not in ("arrow", "pandas", "polars"):
        raise OptionError(f"option `into`: unknown value {into!r}; expected 'arrow', 'pandas' or 'polars'")
    reader = iter_batches(
        source,
        batch_size=batch_size,
        jobs=jobs,
        format=format,
        favor=favor,
        max_member_size=max_member_size,
        time_limit=time_limit,
        shard=shard,
        progress=progress,
    )
    table = reader.read_all()
    if into == "pandas":
        return table.to_pandas()
    if into == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return table


def convert(
    source: Source,
    out: PathLike,
    *,
    jobs: int = 0,
    format: Format = "auto",
    favor: Favor = "balanced",
    max_member_size: int = DEFAULT_MAX_MEMBER_SIZE,
    time_limit: float = DEFAULT_TIME_LIMIT,
    batch_size: int = DEFAULT_BATCH_SIZE,
    shard: Optional[Tuple[int, int]] = None,
    max_rows_per_file: Optional[int] = None,
    max_file_size: Optional[int] = None,
    dataset_card: bool = False,
    overwrite: bool = False,
    progress: Optional[bool] = None,
) -> Dict[str, Any]:
    """Convert ``source`` to Parquet (zstd), streaming with bounded memory.

    ``out`` is a Parquet file, or a dataset directory: when ``out`` is an existing directory,
    ends with a path separator, or ``max_rows_per_file`` / ``max_file_size`` / ``dataset_card``
    is given, numbered files ``part-00000.parquet``, ... (``part-<i>-of-<n>-<k>.parquet`` for
    a shard) are written there, then a ``_SUCCESS`` marker (``_SUCCESS-<i>-of-<n>`` per shard)
    holding the counters, and with ``dataset_card=True`` a ``README.md`` describing the data.
    A dataset run whose marker exists is skipped (``"skipped": True``) unless
    ``overwrite=True``, so a sharded conversion is resumed by running every shard again.

    The Parquet key-value metadata carries the schema version, the package version and the
    options. Returns counters: documents, errors, paragraphs, tweets, bytes_read, bytes_total
    (and files, skipped for a dataset directory).
    """
    inputs = _inputs(source)
    opts = _options(jobs=jobs, batch_size=batch_size, format=format, favor=favor, max_member_size=max_member_size, time_limit=time_limit, shard=shard)
    out_str = os.fspath(out)
    as_dataset = (
        os.path.isdir(out_str)
        or out_str.endswith((os.sep, "/"))
        or max_rows_per_file is not None
        or max_file_size is not None
        or dataset_card
    )
    bar = _progress.make(progress, "broadsheet")
    try:
        if as_dataset:
            return dict(
                _core.convert_dataset(
                    inputs, out_str, opts, max_rows_per_file, max_file_size, dataset_card, overwrite, bar
                )
            )
        return dict(_core.convert(inputs, out_str, opts, bar))
    finally:
        if bar is not None:
            bar.close()


def _as_bytes(data: Union[str, bytes, bytearray, memoryview]) -> bytes:
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"expected the document as str or bytes, not {type(data).__name__}")


def extract(
    data: Union[str, bytes],
    format: Format = "auto",
    *,
    favor: Favor = "balanced",
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Dict[str, Any]:
    """Process one document given as text or bytes; returns its row as a dict."""
    opts = {"format": format, "favor": favor, "time_limit": time_limit}
    batch = _core.extract(_as_bytes(data), opts)
    return batch.to_pylist()[0]


def explain(
    path_or_text: Union[PathLike, bytes],
    *,
    format: Format = "auto",
    favor: Favor = "balanced",
    max_member_size: int = DEFAULT_MAX_MEMBER_SIZE,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> pa.Table:
    """Why each line was kept or dropped: one row per line of the document(s), with ``label``
    (title, body, tweet, metadata, boilerplate, blank), ``reason`` and the ``paragraph`` it went
    into. Runs the same code as :func:`read`.

    ``path_or_text`` is a path (``pathlib.Path`` or a string naming an existing file), or the
    document itself as text or bytes.

    The lines are those the cleaner reads: for a Markdown dump, the lines of the text it stands
    for (one per paragraph, link targets and markup gone); for a terminal browser's dump with
    link numbers, the lines without the numbers and without the list of link targets; for a
    page laid out in columns side by side, each column's lines, one column after the other.
    """
    opts = {"format": format, "favor": favor, "max_member_size": max_member_size, "time_limit": time_limit}
    is_path = isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str) and "\n" not in path_or_text and len(path_or_text) < 4096 and os.path.exists(path_or_text)
    )
    if is_path:
        batch = _core.explain_inputs([os.fspath(path_or_text)], opts)  # type: ignore[arg-type]
    else:
        batch = _core.explain_data(_as_bytes(path_or_text), opts)  # type: ignore[arg-type]
    return pa.Table.from_batches([batch])


def schema() -> pa.Schema:
    """The schema of every table broadsheet produces (with its metadata)."""
    return _core.schema()


def _explode(table: pa.Table, column: str, keep: List[str]) -> pa.Table:
    lists = table.column(column).combine_chunks()
    parents = pc.list_parent_indices(lists)
    flat = pc.list_flatten(lists)
    # position of each item inside its list: its position in the flat array minus the offset
    # where its list starts (computed with Arrow kernels, no Python object per item)
    offsets = lists.offsets.cast(pa.int64())
    position = pc.subtract(pc.cumulative_sum(pa.repeat(pa.scalar(1, pa.int64()), len(flat))), 1)
    starts = pc.subtract(offsets.take(parents), offsets[0])
    index = pc.subtract(position, starts).cast(pa.int32())
    cols = {k: table.column(k).take(parents) for k in keep if k in table.column_names}
    cols[f"{column[:-1]}_index"] = index
    for field in flat.type:
        name = field.name if field.name not in cols else f"{column[:-1]}_{field.name}"
        cols[name] = flat.field(field.name)
    return pa.table(cols)


def paragraphs(table: pa.Table) -> pa.Table:
    """One row per paragraph: doc_id, url, published, paragraph_index, text, kind."""
    return _explode(table, "paragraphs", ["doc_id", "url", "published"])


def tweets(table: pa.Table) -> pa.Table:
    """One row per embedded tweet, with the article's doc_id, url and published."""
    return _explode(table, "tweets", ["doc_id", "url", "published"])
