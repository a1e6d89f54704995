"""broadsheet: raw news-article dumps in, clean segmented Arrow tables and Parquet out.

>>> import broadsheet
>>> tbl = broadsheet.read("examples/")              # doctest: +SKIP
>>> broadsheet.convert("examples/", "articles.parquet")  # doctest: +SKIP
"""

from ._core import SCHEMA_VERSION, __version__
from .api import convert, explain, extract, iter_batches, paragraphs, read, schema, tweets
from .exceptions import BroadsheetError, InputError, InputNotFoundError, OptionError, OutputError

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "read",
    "iter_batches",
    "convert",
    "extract",
    "explain",
    "schema",
    "paragraphs",
    "tweets",
    "BroadsheetError",
    "InputError",
    "InputNotFoundError",
    "OptionError",
    "OutputError",
]
