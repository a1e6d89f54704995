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
            writer.write(&batch?).map_err(|e| out_err(out, e))?;
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
    fn output_errors_name_the_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "hello").unwrap();
        let input = dir.path().join("x.txt").to_string_lossy().into_owned();
        let bad = dir.path().join("no/such/dir/out.parquet");
        let err = convert(&[&input], &bad, Options::default()).unwrap_err().to_string();
        assert!(err.contains("out.parquet") && err.contains("does not exist"), "{err}");
    }
}
