"""Type stubs of the compiled Rust module (src/python.rs)."""

from typing import Any, Callable, Dict, List, Optional, Tuple

import pyarrow as pa

__version__: str
SCHEMA_VERSION: str

Options = Dict[str, Any]
ProgressCallback = Callable[[Dict[str, int]], None]

def read_batches(
    inputs: List[str], options: Optional[Options] = None, progress: Optional[ProgressCallback] = None
) -> pa.RecordBatchReader: ...
def convert(
    inputs: List[str], out: str, options: Optional[Options] = None, progress: Optional[ProgressCallback] = None
) -> Dict[str, int]: ...
def convert_dataset(
    inputs: List[str],
    out_dir: str,
    options: Optional[Options] = None,
    max_rows_per_file: Optional[int] = None,
    max_file_size: Optional[int] = None,
    dataset_card: bool = False,
    overwrite: bool = False,
    progress: Optional[ProgressCallback] = None,
) -> Dict[str, Any]: ...
def expand(inputs: List[str]) -> List[Tuple[str, int]]: ...
def extract(data: bytes, options: Optional[Options] = None, source: str = "<memory>") -> pa.RecordBatch: ...
def extract_arrow(
    data: pa.Array, sources: Optional[pa.Array] = None, urls: Optional[pa.Array] = None, options: Optional[Options] = None
) -> pa.RecordBatch: ...
def explain_data(data: bytes, options: Optional[Options] = None, source: str = "<memory>") -> pa.RecordBatch: ...
def explain_inputs(inputs: List[str], options: Optional[Options] = None) -> pa.RecordBatch: ...
def schema(options: Optional[Options] = None) -> pa.Schema: ...
