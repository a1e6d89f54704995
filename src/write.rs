//! ⑨ Writing Parquet: zstd-compressed, streamed batch by batch, with the schema version, the
//! package version and the options in the key-value metadata. The file is written under a
//! temporary name and renamed when complete, so a failed run never leaves a truncated file
//! under the requested name.

use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::pipeline::{Pipeline, Stats};
use crate::table::{META_OPTIONS, META_SCHEMA_VERSION, META_VERSION, SCHEMA_VERSION};

/// A row group is flushed once its buffered data reaches this size, so that memory stays
/// bounded whatever the size of the documents (the row-count limit alone would not).
const ROW_GROUP_BYTES: usize = 128 * 1024 * 1024;

fn write_bounded(writer: &mut ArrowWriter<File>, batch: &arrow::array::RecordBatch) -> parquet::errors::Result<()> {
    writer.write(batch)?;
    if writer.in_progress_size() >= ROW_GROUP_BYTES {
        writer.flush()?;
    }
    Ok(())
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Output { path: path.to_path_buf(), reason: e.to_string() }
}

fn properties(options: &Options) -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).expect("valid zstd level")))
        .set_created_by(format!("broadsheet {}", crate::VERSION))
        .set_max_row_group_row_count(Some(64 * 1024))
        .set_key_value_metadata(Some(vec![
            KeyValue::new(META_SCHEMA_VERSION.to_string(), SCHEMA_VERSION.to_string()),
            KeyValue::new(META_VERSION.to_string(), crate::VERSION.to_string()),
            KeyValue::new(META_OPTIONS.to_string(), options.to_metadata_json()),
        ]))
        .build()
}

fn temp_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    out.with_file_name(name)
}

/// Run `pipeline` to the end, writing every batch into the Parquet file `out`.
/// `on_batch` is called after each batch with the running counters; returning an error
/// stops the run (the partial file is removed).
pub fn write_parquet(
    mut pipeline: Pipeline,
    out: &Path,
    mut on_batch: impl FnMut(&Stats) -> Result<()>,
) -> Result<Stats> {
    if out.is_dir() {
        return Err(out_err(out, "is a directory; give a file name ending in .parquet"));
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(out_err(out, format!("the directory {} does not exist", parent.display())));
        }
    }
    let tmp = temp_path(out);
    let file = File::create(&tmp).map_err(|e| out_err(out, e))?;
    let result = (|| {
        let mut writer =
            ArrowWriter::try_new(file, pipeline.schema(), Some(properties(pipeline.options()))).map_err(|e| out_err(out, e))?;
        while let Some(batch) = pipeline.next_batch() {
            write_bounded(&mut writer, &batch?).map_err(|e| out_err(out, e))?;
            on_batch(&pipeline.stats())?;
        }
        writer.close().map_err(|e| out_err(out, e))?;
        Ok(pipeline.stats())
    })();
    match result {
        Ok(stats) => {
            std::fs::rename(&tmp, out).map_err(|e| out_err(out, e))?;
            Ok(stats)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// How a dataset directory is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetOptions {
    /// Start a new file after this many rows.
    pub max_rows_per_file: Option<u64>,
    /// Start a new file once a file holds about this many bytes.
    pub max_file_size: Option<u64>,
    /// Write a dataset card (`README.md`) next to the files.
    pub dataset_card: bool,
    /// Rewrite a shard (or dataset) whose completion marker exists, instead of skipping it.
    pub overwrite: bool,
}

/// What a dataset run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetSummary {
    pub stats: Stats,
    /// File names written, in order.
    pub files: Vec<String>,
    /// True when the completion marker existed and nothing was done.
    pub skipped: bool,
}

/// Name of the completion marker of a run (`_SUCCESS`, or one per shard).
pub fn marker_name(shard: Option<(usize, usize)>) -> String {
    match shard {
        None => "_SUCCESS".to_string(),
        Some((i, n)) => format!("_SUCCESS-{i:05}-of-{n:05}"),
    }
}

fn part_name(shard: Option<(usize, usize)>, k: usize) -> String {
    match shard {
        None => format!("part-{k:05}.parquet"),
        Some((i, n)) => format!("part-{i:05}-of-{n:05}-{k:05}.parquet"),
    }
}

/// Run `pipeline` into the directory `dir` as numbered Parquet files (deterministic names,
/// split by `max_rows_per_file` / `max_file_size`), then write a completion marker holding the
/// counters as JSON, and optionally a dataset card. A run whose marker exists is skipped unless
/// `overwrite` is set, so an interrupted sharded conversion can be resumed by running every
/// shard again.
pub fn write_dataset(
    mut pipeline: Pipeline,
    dir: &Path,
    opts: &DatasetOptions,
    mut on_batch: impl FnMut(&Stats) -> Result<()>,
) -> Result<DatasetSummary> {
    if opts.max_rows_per_file == Some(0) {
        return Err(Error::option("max_rows_per_file", "must be at least 1"));
    }
    if opts.max_file_size == Some(0) {
        return Err(Error::option("max_file_size", "must be at least 1 byte"));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(out_err(dir, "exists and is not a directory"));
    }
    std::fs::create_dir_all(dir).map_err(|e| out_err(dir, e))?;
    let shard = pipeline.options().shard;
    let marker = dir.join(marker_name(shard));
    if marker.exists() && !opts.overwrite {
        return Ok(DatasetSummary { skipped: true, ..DatasetSummary::default() });
    }
    let _ = std::fs::remove_file(&marker);
    let props = properties(pipeline.options());
    let schema = pipeline.schema();
    let mut files: Vec<String> = Vec::new();
    let mut current: Option<(ArrowWriter<File>, PathBuf, u64)> = None;
    let finish = |w: ArrowWriter<File>, tmp: &Path, files: &mut Vec<String>| -> Result<()> {
        w.close().map_err(|e| out_err(tmp, e))?;
        let name = tmp.file_name().unwrap().to_string_lossy().trim_end_matches(".partial").to_string();
        std::fs::rename(tmp, dir.join(&name)).map_err(|e| out_err(tmp, e))?;
        files.push(name);
        Ok(())
    };
    while let Some(batch) = pipeline.next_batch() {
        let batch = batch?;
        let mut offset = 0;
        while offset < batch.num_rows() {
            if current.is_none() {
                let path = dir.join(format!("{}.partial", part_name(shard, files.len())));
                let f = File::create(&path).map_err(|e| out_err(&path, e))?;
                let w = ArrowWriter::try_new(f, schema.clone(), Some(props.clone())).map_err(|e| out_err(&path, e))?;
                current = Some((w, path, 0));
            }
            let (w, path, rows) = current.as_mut().unwrap();
            let room = opts.max_rows_per_file.map_or(u64::MAX, |m| m - *rows);
            let take = (batch.num_rows() - offset).min(room.min(usize::MAX as u64) as usize);
            write_bounded(w, &batch.slice(offset, take)).map_err(|e| out_err(path, e))?;
            *rows += take as u64;
            offset += take;
            let full_rows = opts.max_rows_per_file.is_some_and(|m| *rows >= m);
            let full_bytes = opts.max_file_size.is_some_and(|m| (w.bytes_written() + w.in_progress_size()) as u64 >= m);
            if full_rows || full_bytes {
                let (w, path, _) = current.take().unwrap();
                finish(w, &path, &mut files)?;
            }
        }
        on_batch(&pipeline.stats())?;
    }
    if let Some((w, path, _)) = current.take() {
        finish(w, &path, &mut files)?;
    }
    let stats = pipeline.stats();
    let summary = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "broadsheet_version": crate::VERSION,
        "options": serde_json::from_str::<serde_json::Value>(&pipeline.options().to_metadata_json()).unwrap_or_default(),
        "documents": stats.documents,
        "errors": stats.errors,
        "paragraphs": stats.paragraphs,
        "tweets": stats.tweets,
        "files": files,
    });
    if opts.dataset_card {
        write_card(dir, &summary, &schema).map_err(|e| out_err(&dir.join("README.md"), e))?;
    }
    std::fs::write(&marker, serde_json::to_string_pretty(&summary).unwrap_or_default()).map_err(|e| out_err(&marker, e))?;
    Ok(DatasetSummary { stats, files, skipped: false })
}

fn write_card(dir: &Path, summary: &serde_json::Value, schema: &arrow::datatypes::SchemaRef) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "---\nconfigs:\n- config_name: default\n  data_files: \"*.parquet\"\n---\n");
    let _ = writeln!(s, "# Dataset of news articles\n");
    let _ = writeln!(s, "Converted by broadsheet {} (schema version {}).\n", crate::VERSION, SCHEMA_VERSION);
    let _ = writeln!(s, "| | |\n|---|---|");
    for key in ["documents", "errors", "paragraphs", "tweets"] {
        let _ = writeln!(s, "| {key} | {} |", summary[key]);
    }
    let _ = writeln!(s, "| options | `{}` |", summary["options"]);
    let _ = writeln!(s, "\n## Columns\n\n| column | Arrow type | nullable |\n|---|---|---|");
    for f in schema.fields() {
        let _ = writeln!(s, "| `{}` | `{}` | {} |", f.name(), f.data_type(), if f.is_nullable() { "yes" } else { "no" });
    }
    let _ = writeln!(s, "\nSee the broadsheet README for the meaning of each column.");
    std::fs::write(dir.join("README.md"), s)
}

/// Convert `inputs` into the Parquet file `out`.
pub fn convert<S: AsRef<str>>(inputs: &[S], out: &Path, options: Options) -> Result<Stats> {
    write_parquet(Pipeline::new(inputs, options)?, out, |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn writes_parquet_with_metadata_deterministically() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("{i}.txt")), format!("Title {i} of a story\n\nA paragraph of the story number {i} that is long enough to be kept as the body text.")).unwrap();
        }
        let input = dir.path().to_str().unwrap().to_string();
        let out1 = dir.path().join("a.parquet");
        let out2 = dir.path().join("b.parquet");
        let s = convert(&[&input], &out1, Options { jobs: 1, ..Options::default() }).unwrap();
        assert_eq!(s.documents, 5);
        convert(&[&input], &out2, Options { jobs: 2, batch_size: 2, ..Options::default() }).unwrap_or_else(|e| panic!("{e}"));
        let r = SerializedFileReader::new(File::open(&out1).unwrap()).unwrap();
        let kv = r.metadata().file_metadata().key_value_metadata().unwrap();
        let get = |k: &str| kv.iter().find(|x| x.key == k).and_then(|x| x.value.clone());
        assert_eq!(get(META_SCHEMA_VERSION).as_deref(), Some(SCHEMA_VERSION));
        assert!(get(META_OPTIONS).unwrap().contains("favor"));
        assert_eq!(r.metadata().file_metadata().num_rows(), 5);
        // same input and options (jobs aside) give the same bytes
        let out3 = dir.path().join("c.parquet");
        convert(&[&input], &out3, Options { jobs: 2, ..Options::default() }).unwrap();
        assert_eq!(std::fs::read(&out1).unwrap(), std::fs::read(&out3).unwrap());
        assert!(!dir.path().join("a.parquet.partial").exists());
    }

    #[test]
    fn dataset_directory_splits_files_and_writes_marker() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir(&input).unwrap();
        for i in 0..7 {
            std::fs::write(input.join(format!("{i}.txt")), format!("doc {i}")).unwrap();
        }
        let out = dir.path().join("ds");
        let run = |overwrite| {
            let p = Pipeline::new(&[input.to_str().unwrap()], Options { batch_size: 2, ..Options::default() }).unwrap();
            let o = DatasetOptions { max_rows_per_file: Some(3), dataset_card: true, overwrite, ..DatasetOptions::default() };
            write_dataset(p, &out, &o, |_| Ok(())).unwrap()
        };
        let s = run(false);
        assert_eq!(s.files, ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]);
        let rows: Vec<i64> = s
            .files
            .iter()
            .map(|f| SerializedFileReader::new(File::open(out.join(f)).unwrap()).unwrap().metadata().file_metadata().num_rows())
            .collect();
        assert_eq!(rows, [3, 3, 1]);
        assert!(out.join("_SUCCESS").exists() && out.join("README.md").exists());
        assert!(run(false).skipped);
        assert!(!run(true).skipped);
    }

    #[test]
    fn output_errors_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "hello").unwrap();
        let input = dir.path().join("x.txt").to_string_lossy().into_owned();
        let bad = dir.path().join("no/such/dir/out.parquet");
        let err = convert(&[&input], &bad, Options::default()).unwrap_err().to_string();
        assert!(err.contains("out.parquet") && err.contains("does not exist"), "{err}");
    }
}
