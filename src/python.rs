//! The Python binding (`broadsheet._core`), compiled with the `python` feature only. It
//! converts arguments, releases the GIL while Rust works, maps errors onto the Python
//! exception hierarchy of `broadsheet.exceptions`, and hands Arrow data to Python through
//! the Arrow C stream interface (arrow-rs FFI). No extraction logic lives here.

use std::path::PathBuf;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;

use arrow::array::{ArrayRef, Int32Builder, RecordBatch, RecordBatchReader, StringBuilder};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::error::ArrowError;
use arrow::array::{Array, AsArray};
use arrow::pyarrow::{FromPyArrow, IntoPyArrow, ToPyArrow};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::error::Error;
use crate::options::{Favor, FormatChoice, Options};
use crate::pipeline::{explain_bytes, Pipeline, Stats};
use crate::read::{expand_inputs, DocReader};

/// Raise the matching class of `broadsheet.exceptions`.
fn to_py(err: Error) -> PyErr {
    let class = match &err {
        Error::InputNotFound { .. } => "InputNotFoundError",
        Error::InvalidOption { .. } => "OptionError",
        Error::Output { .. } => "OutputError",
        Error::Input { .. } => "InputError",
        Error::Interrupted(_) => return PyErr::new::<pyo3::exceptions::PyKeyboardInterrupt, _>(err.to_string()),
        _ => "BroadsheetError",
    };
    let msg = err.to_string();
    Python::attach(|py| {
        match py.import("broadsheet.exceptions").and_then(|m| m.getattr(class)).and_then(|c| c.call1((msg.clone(),))) {
            Ok(exc) => PyErr::from_value(exc),
            Err(_) => PyRuntimeError::new_err(msg),
        }
    })
}

fn opt_err(option: &str, reason: impl Into<String>) -> PyErr {
    to_py(Error::option(option, reason))
}

/// Options from the keyword dictionary the Python layer passes; unknown names are errors.
fn options_from(dict: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut o = Options::default();
    let Some(dict) = dict else { return Ok(o) };
    for (k, v) in dict.iter() {
        let key: String = k.extract()?;
        if v.is_none() {
            continue;
        }
        let int = |name: &str| -> PyResult<u64> {
            if v.is_instance_of::<pyo3::types::PyBool>() {
                return Err(opt_err(name, "must be an integer, not a bool"));
            }
            let i: i64 = v.extract().map_err(|_| opt_err(name, format!("must be an integer, got {}", type_name(&v))))?;
            u64::try_from(i).map_err(|_| opt_err(name, format!("must not be negative, got {i}")))
        };
        let string = |name: &str| -> PyResult<String> {
            v.extract().map_err(|_| opt_err(name, format!("must be a string, got {}", type_name(&v))))
        };
        match key.as_str() {
            "jobs" => o.jobs = int("jobs")? as usize,
            "batch_size" => o.batch_size = int("batch_size")? as usize,
            "max_member_size" => o.max_member_size = int("max_member_size")?,
            "time_limit" => {
                if v.is_instance_of::<pyo3::types::PyBool>() {
                    return Err(opt_err("time_limit", "must be a number of seconds, not a bool"));
                }
                o.time_limit = v
                    .extract()
                    .map_err(|_| opt_err("time_limit", format!("must be a number of seconds, got {}", type_name(&v))))?;
            }
            "format" => o.format = FormatChoice::parse(&string("format")?).map_err(to_py)?,
            "favor" => o.favor = Favor::parse(&string("favor")?).map_err(to_py)?,
            "shard" => {
                let (i, n): (i64, i64) = v
                    .extract()
                    .map_err(|_| opt_err("shard", format!("must be a pair (i, n) of integers, got {}", type_name(&v))))?;
                if i < 0 || n < 1 || i >= n {
                    return Err(opt_err("shard", format!("must be (i, n) with 0 <= i < n, got ({i}, {n})")));
                }
                o.shard = Some((i as usize, n as usize));
            }
            other => {
                return Err(opt_err(
                    other,
                    "unknown option; known options are jobs, batch_size, format, favor, max_member_size, time_limit, shard",
                ))
            }
        }
    }
    o.validate().map_err(to_py)?;
    Ok(o)
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

fn stats_dict<'py>(py: Python<'py>, s: &Stats) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("documents", s.documents)?;
    d.set_item("errors", s.errors)?;
    d.set_item("paragraphs", s.paragraphs)?;
    d.set_item("tweets", s.tweets)?;
    d.set_item("bytes_read", s.bytes_read)?;
    d.set_item("bytes_total", s.bytes_total)?;
    Ok(d)
}

/// Calls the Python progress callback (if any) and lets Ctrl-C through. The Python exception
/// that stops the run is kept in `raised`, so that the caller re-raises it as it was (a
/// KeyboardInterrupt stays one, a bug in a callback keeps its type and traceback).
fn report(progress: &Option<Py<PyAny>>, stats: &Stats, raised: &std::sync::Mutex<Option<PyErr>>) -> Result<(), Error> {
    Python::attach(|py| -> PyResult<()> {
        if let Some(cb) = progress {
            cb.call1(py, (stats_dict(py, stats)?,))?;
        }
        py.check_signals()
    })
    .map_err(|e| {
        let msg = e.to_string();
        if let Ok(mut slot) = raised.lock() {
            *slot = Some(e);
        }
        Error::Interrupted(msg)
    })
}

/// The error of a run: the Python exception raised during it, if any, else the core's.
fn run_error(err: Error, raised: std::sync::Mutex<Option<PyErr>>) -> PyErr {
    match raised.into_inner().ok().flatten() {
        Some(e) => e,
        None => to_py(err),
    }
}

/// A pipeline that reports progress after each batch, as a RecordBatchReader.
struct Reporting {
    pipeline: Pipeline,
    progress: Option<Py<PyAny>>,
    failed: bool,
}

impl Iterator for Reporting {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let batch = self.pipeline.next()?;
        let raised = std::sync::Mutex::new(None);
        if let Err(e) = report(&self.progress, &self.pipeline.stats(), &raised) {
            self.failed = true;
            return Some(Err(ArrowError::ExternalError(Box::new(e))));
        }
        Some(batch)
    }
}

impl RecordBatchReader for Reporting {
    fn schema(&self) -> SchemaRef {
        self.pipeline.schema()
    }
}

/// Stream the documents of `inputs` as a `pyarrow.RecordBatchReader`.
#[pyfunction]
#[pyo3(signature = (inputs, options=None, progress=None))]
fn read_batches<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    options: Option<&Bound<'py, PyDict>>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    let pipeline = py.detach(|| Pipeline::new(&inputs, opts)).map_err(to_py)?;
    let reader: Box<dyn RecordBatchReader + Send> = Box::new(Reporting { pipeline, progress, failed: false });
    reader.into_pyarrow(py)
}

/// Convert `inputs` into the Parquet file `out`; returns the counters.
#[pyfunction]
#[pyo3(signature = (inputs, out, options=None, progress=None))]
fn convert<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    out: PathBuf,
    options: Option<&Bound<'py, PyDict>>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let opts = options_from(options)?;
    let raised = std::sync::Mutex::new(None);
    let result = py.detach(|| {
        let pipeline = Pipeline::new(&inputs, opts)?;
        crate::write::write_parquet(pipeline, &out, |s| report(&progress, s, &raised))
    });
    let stats = result.map_err(|e| run_error(e, raised))?;
    stats_dict(py, &stats)
}

/// Convert `inputs` into a dataset directory of numbered Parquet files with a completion
/// marker; returns the counters, the file names and whether the run was skipped.
#[pyfunction]
#[pyo3(signature = (inputs, out_dir, options=None, max_rows_per_file=None, max_file_size=None, dataset_card=false, overwrite=false, progress=None))]
#[allow(clippy::too_many_arguments)]
fn convert_dataset<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    out_dir: PathBuf,
    options: Option<&Bound<'py, PyDict>>,
    max_rows_per_file: Option<u64>,
    max_file_size: Option<u64>,
    dataset_card: bool,
    overwrite: bool,
    progress: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let opts = options_from(options)?;
    let dopts = crate::write::DatasetOptions { max_rows_per_file, max_file_size, dataset_card, overwrite };
    let raised = std::sync::Mutex::new(None);
    let result = py.detach(|| {
        let pipeline = Pipeline::new(&inputs, opts)?;
        crate::write::write_dataset(pipeline, &out_dir, &dopts, |s| report(&progress, s, &raised))
    });
    let summary = result.map_err(|e| run_error(e, raised))?;
    let d = stats_dict(py, &summary.stats)?;
    d.set_item("files", summary.files)?;
    d.set_item("skipped", summary.skipped)?;
    Ok(d)
}

/// The input files `inputs` expand to, with their sizes.
#[pyfunction]
fn expand<'py>(py: Python<'py>, inputs: Vec<String>) -> PyResult<Bound<'py, PyList>> {
    let files = py.detach(|| expand_inputs(&inputs)).map_err(to_py)?;
    PyList::new(py, files.iter().map(|f| (f.display(), f.size)))
}

/// Process one in-memory document into a one-row record batch.
#[pyfunction]
#[pyo3(signature = (data, options=None, source="<memory>"))]
fn extract<'py>(
    py: Python<'py>,
    data: Vec<u8>,
    options: Option<&Bound<'py, PyDict>>,
    source: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    let batch = py
        .detach(|| {
            let p = explain_bytes(&data, opts.format, &opts, source);
            crate::table::to_batch(&crate::table::schema(&opts.to_metadata_json()), &[p.article])
        })
        .map_err(to_py)?;
    batch.to_pyarrow(py)
}

/// The strings of an Arrow string/binary array (any offset width), `None` for nulls.
fn arrow_values(array: &arrow::array::ArrayRef, what: &str) -> PyResult<Vec<Option<Vec<u8>>>> {
    use arrow::datatypes::DataType as T;
    let out = match array.data_type() {
        T::Utf8 => array.as_string::<i32>().iter().map(|v| v.map(|s| s.as_bytes().to_vec())).collect(),
        T::LargeUtf8 => array.as_string::<i64>().iter().map(|v| v.map(|s| s.as_bytes().to_vec())).collect(),
        T::Utf8View => array.as_string_view().iter().map(|v| v.map(|s| s.as_bytes().to_vec())).collect(),
        T::Binary => array.as_binary::<i32>().iter().map(|v| v.map(<[u8]>::to_vec)).collect(),
        T::LargeBinary => array.as_binary::<i64>().iter().map(|v| v.map(<[u8]>::to_vec)).collect(),
        T::BinaryView => array.as_binary_view().iter().map(|v| v.map(<[u8]>::to_vec)).collect(),
        other => return Err(opt_err(what, format!("must be a string or binary Arrow array, got {other}"))),
    };
    Ok(out)
}

/// Process documents held in Arrow arrays (`data`: string or binary; `sources`, `urls`:
/// strings or None) into one record batch, rows in the same order.
#[pyfunction]
#[pyo3(signature = (data, sources=None, urls=None, options=None))]
fn extract_arrow<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    sources: Option<&Bound<'py, PyAny>>,
    urls: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    let data = arrow::array::make_array(arrow::array::ArrayData::from_pyarrow_bound(data)?);
    let texts = arrow_values(&data, "data")?;
    let column = |a: Option<&Bound<'py, PyAny>>, what: &str| -> PyResult<Option<Vec<Option<String>>>> {
        let Some(a) = a else { return Ok(None) };
        let arr = arrow::array::make_array(arrow::array::ArrayData::from_pyarrow_bound(a)?);
        if arr.len() != texts.len() {
            return Err(opt_err(what, format!("has {} values but data has {}", arr.len(), texts.len())));
        }
        Ok(Some(arrow_values(&arr, what)?.into_iter().map(|v| v.map(|b| String::from_utf8_lossy(&b).into_owned())).collect()))
    };
    let sources = column(sources, "sources")?;
    let urls = column(urls, "urls")?;
    let raws: Vec<crate::model::RawDoc> = texts
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let source = sources.as_ref().and_then(|s| s[i].clone()).unwrap_or_else(|| format!("<arrow>#{i}"));
            let url = urls.as_ref().and_then(|u| u[i].clone());
            match bytes {
                Some(bytes) => crate::model::RawDoc { source, url, bytes, ..Default::default() },
                None => crate::model::RawDoc { url, ..crate::model::RawDoc::failed(source, "no document (null value)") },
            }
        })
        .collect();
    let batch = py.detach(|| crate::pipeline::process_all(raws, &opts)).map_err(to_py)?;
    batch.to_pyarrow(py)
}

fn explain_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("line", DataType::Int32, false),
        Field::new("label", DataType::Utf8, false),
        Field::new("reason", DataType::Utf8, false),
        Field::new("paragraph", DataType::Int32, true),
        Field::new("text", DataType::Utf8, false),
    ]))
}

fn explain_batch(items: &[(String, crate::pipeline::Processed)]) -> Result<RecordBatch, Error> {
    let (mut src, mut line, mut label, mut reason, mut para, mut text) =
        (StringBuilder::new(), Int32Builder::new(), StringBuilder::new(), StringBuilder::new(), Int32Builder::new(), StringBuilder::new());
    for (source, p) in items {
        if let Some(e) = &p.article.error {
            src.append_value(source);
            line.append_value(0);
            label.append_value("error");
            reason.append_value(e);
            para.append_null();
            text.append_value("");
        }
        for d in &p.decisions {
            src.append_value(source);
            line.append_value(d.line as i32);
            label.append_value(d.label.as_str());
            reason.append_value(&d.reason);
            para.append_option(d.paragraph.map(|p| p as i32));
            text.append_value(&d.text);
        }
    }
    let cols: Vec<ArrayRef> = vec![
        Arc::new(src.finish()),
        Arc::new(line.finish()),
        Arc::new(label.finish()),
        Arc::new(reason.finish()),
        Arc::new(para.finish()),
        Arc::new(text.finish()),
    ];
    Ok(RecordBatch::try_new(explain_schema(), cols)?)
}

/// The decision and reason for every line of an in-memory document.
#[pyfunction]
#[pyo3(signature = (data, options=None, source="<memory>"))]
fn explain_data<'py>(
    py: Python<'py>,
    data: Vec<u8>,
    options: Option<&Bound<'py, PyDict>>,
    source: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    let src = source.to_string();
    let batch = py
        .detach(|| explain_batch(&[(src.clone(), explain_bytes(&data, opts.format, &opts, &src))]))
        .map_err(to_py)?;
    batch.to_pyarrow(py)
}

/// The decision and reason for every line of every document of `inputs` (read exactly as
/// `read` reads them).
#[pyfunction]
#[pyo3(signature = (inputs, options=None))]
fn explain_inputs<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    let batch = py
        .detach(|| {
            let files = expand_inputs(&inputs)?;
            let items: Vec<_> = DocReader::new(files, opts.max_member_size)
                .map(|raw| (raw.source.clone(), crate::pipeline::process_explained(raw, &opts, true)))
                .collect();
            explain_batch(&items)
        })
        .map_err(to_py)?;
    batch.to_pyarrow(py)
}

/// The schema of broadsheet tables, as a `pyarrow.Schema`.
#[pyfunction]
#[pyo3(signature = (options=None))]
fn schema<'py>(py: Python<'py>, options: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_from(options)?;
    crate::table::schema(&opts.to_metadata_json()).as_ref().to_pyarrow(py)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", crate::VERSION)?;
    m.add("SCHEMA_VERSION", crate::table::SCHEMA_VERSION)?;
    m.add_function(wrap_pyfunction!(read_batches, m)?)?;
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(convert_dataset, m)?)?;
    m.add_function(wrap_pyfunction!(expand, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(explain_data, m)?)?;
    m.add_function(wrap_pyfunction!(explain_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    Ok(())
}
