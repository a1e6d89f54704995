//! Errors at the API surface. Problems with one document never become an [`Error`]: they
//! become that document's `error` column. An [`Error`] stops a whole call (a missing input
//! path, a bad option, an output file that cannot be written).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input path, directory or glob that does not exist or matches nothing.
    #[error("{path}: {reason}")]
    InputNotFound { path: String, reason: String },
    /// An option with a value that is not allowed.
    #[error("option `{option}`: {reason}")]
    InvalidOption { option: String, reason: String },
    /// The output could not be written.
    #[error("{}: {reason}", path.display())]
    Output { path: PathBuf, reason: String },
    /// Reading an input failed in a way that is not tied to one document (e.g. a directory
    /// that cannot be listed).
    #[error("{path}: {reason}")]
    Input { path: String, reason: String },
    /// The run was interrupted (for instance by Ctrl-C in Python).
    #[error("interrupted: {0}")]
    Interrupted(String),
    #[error("arrow: {0}")]
    Arrow(#[from] arrow::error::ArrowError),
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn option(option: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidOption { option: option.into(), reason: reason.into() }
    }
}
