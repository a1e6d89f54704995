//! broadsheet: raw news-article dumps in, clean segmented Arrow tables out.
//!
//! The crate is a plain library; the modules follow the order in which a document moves
//! through the pipeline:
//!
//! ```text
//!  read ──► decode ──► clean (text dumps) ─┐
//!                  └─► html  (HTML pages) ─┴─► embed ──► meta ──► lang ──► table ──► write
//!                                                                 (Arrow)    (Parquet)
//! ```
//!
//! * [`read`] expands paths, directories and globs and streams [`model::RawDoc`]s out of plain
//!   files, gzip streams, zip archives and JSONL exports;
//! * [`decode`] turns bytes into text (BOMs, UTF-16, legacy encodings, binary detection);
//! * [`clean`] finds the article in a plain-text page dump and segments it into paragraphs,
//!   recording a decision for every line (see [`clean::LineDecision`]);
//! * [`html`] does the same for HTML pages;
//! * [`embed`] recognises embedded tweets, [`meta`] fills the metadata, [`lang`] the language;
//! * [`table`] holds THE schema and builds Arrow record batches; [`write`] streams them to Parquet;
//! * [`pipeline`] composes the stages, in parallel and in input order.
//!
//! The Python bindings live in the `python` module, compiled only with the `python` feature.
//!
//! ```
//! let article = broadsheet::pipeline::extract_bytes(
//!     "Title of the story\n\nThe first paragraph of the story tells what happened, where it happened and to whom it happened.".as_bytes(),
//!     broadsheet::options::FormatChoice::Auto,
//!     &broadsheet::options::Options::default(),
//! );
//! assert_eq!(article.title.as_deref(), Some("Title of the story"));
//! assert_eq!(article.paragraphs.len(), 1);
//! ```

pub mod error;
pub mod options;
pub mod model;

pub mod read;
pub mod decode;
pub mod clean;
pub mod html;
pub mod embed;
pub mod meta;
pub mod lang;
pub mod table;
pub mod write;
pub mod pipeline;

#[cfg(feature = "python")]
mod python;

pub use error::{Error, Result};
pub use model::{Article, Format, Paragraph, ParagraphKind, RawDoc, Tweet};
pub use options::Options;

/// The version of this package, written into every Parquet file.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
