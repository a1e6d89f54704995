"""Ray Data integration: broadsheet on a cluster (``pip install 'broadsheet[ray]'``).

The work runs in Rust inside the Ray workers, and batches cross as Arrow tables, never as
Python rows::

    import ray, broadsheet.ray
    ds = broadsheet.ray.read("s3-or-shared-fs/dumps/")      # ray.data.Dataset, broadsheet schema
    ds.write_parquet("out/")                                 # Ray's own Parquet writer

    # an existing Dataset of raw documents (a "bytes" or "text" column):
    rows = docs.map_batches(broadsheet.ray.rows_from_bytes, batch_format="pyarrow",
                            fn_kwargs={"column": "bytes", "source_column": "path"})
    # or of paths (a "path" column):
    rows = paths.map_batches(broadsheet.ray.rows_from_paths, batch_format="pyarrow")

Row order follows the input when the Ray context preserves order
(``ray.data.DataContext.get_current().execution_options.preserve_order = True``); every row
carries its ``source`` and ``doc_id`` either way.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

import pyarrow as pa

from . import _core
from .api import DEFAULT_MAX_MEMBER_SIZE, DEFAULT_TIME_LIMIT, Favor, Format, Source, _inputs, _options

__all__ = ["read", "rows_from_paths", "rows_from_bytes"]


def _opts(options: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    o = dict(options or {})
    o.setdefault("jobs", 1)  # Ray parallelises across tasks; one core per task by default
    return o


def rows_from_paths(batch: pa.Table, *, column: str = "path", options: Optional[Dict[str, Any]] = None) -> pa.Table:
    """``map_batches`` function: a batch with a column of file paths -> broadsheet rows (every
    document of those files, in order)."""
    paths = [p for p in batch.column(column).to_pylist() if p is not None]
    if not paths:
        return _core.schema(_opts(options)).empty_table()
    return _core.read_batches(paths, _opts(options)).read_all()


def rows_from_bytes(
    batch: pa.Table,
    *,
    column: str = "bytes",
    source_column: Optional[str] = None,
    url_column: Optional[str] = None,
    options: Optional[Dict[str, Any]] = None,
) -> pa.Table:
    """``map_batches`` function: a batch with a column of documents (binary or string) ->
    broadsheet rows, one per document, in order. ``source_column`` and ``url_column`` name
    columns to use as ``source`` and ``url``."""
    data = batch.column(column).combine_chunks()
    sources = batch.column(source_column).combine_chunks() if source_column else None
    urls = batch.column(url_column).combine_chunks() if url_column else None
    rb = _core.extract_arrow(data, sources, urls, _opts(options))
    return pa.Table.from_batches([rb])


def read(
    source: Source,
    *,
    files_per_task: int = 16,
    format: Format = "auto",
    favor: Favor = "balanced",
    max_member_size: int = DEFAULT_MAX_MEMBER_SIZE,
    time_limit: float = DEFAULT_TIME_LIMIT,
    jobs: int = 1,
    **ray_options: Any,
):
    """A ``ray.data.Dataset`` of broadsheet rows for ``source`` (paths, directories, globs).

    Input files are listed here (sorted as :func:`broadsheet.read` lists them) and processed in
    Ray tasks of ``files_per_task`` files; ``ray_options`` go to ``map_batches`` (e.g.
    ``concurrency=``). The dataset's schema is broadsheet's.
    """
    import ray

    inputs = _inputs(source)
    files = [path for path, _size in _core.expand(inputs)]
    opts = _options(jobs=jobs, batch_size=256, format=format, favor=favor, max_member_size=max_member_size, time_limit=time_limit)
    paths = ray.data.from_arrow(pa.table({"path": pa.array(files, pa.string())}))
    return paths.map_batches(
        rows_from_paths,
        batch_format="pyarrow",
        batch_size=files_per_task,
        fn_kwargs={"options": opts},
        **ray_options,
    )
