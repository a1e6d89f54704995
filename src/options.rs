//! Options of a run. Every option has a default that suits most corpora; the options used are
//! recorded in the Parquet key-value metadata (`broadsheet.options`).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How to treat the documents' format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FormatChoice {
    /// By extension, then by sniffing the bytes (HTML markup vs plain text).
    #[default]
    Auto,
    /// Every document is a plain-text page dump.
    TextDump,
    /// Every document is an HTML page.
    Html,
}

impl FormatChoice {
    pub fn parse(value: &str) -> Result<Self> {
        match value {
            "auto" => Ok(Self::Auto),
            "text_dump" | "text" | "txt" => Ok(Self::TextDump),
            "html" => Ok(Self::Html),
            other => Err(Error::option(
                "format",
                format!("unknown value {other:?}; expected \"auto\", \"text_dump\" or \"html\""),
            )),
        }
    }
}

/// Which way the body extraction leans when a block is uncertain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Favor {
    /// The default trade-off.
    #[default]
    Balanced,
    /// Drop uncertain blocks: less chrome, maybe a missing paragraph.
    Precision,
    /// Keep uncertain blocks: every paragraph, maybe some chrome.
    Recall,
}

impl Favor {
    pub fn parse(value: &str) -> Result<Self> {
        match value {
            "balanced" => Ok(Self::Balanced),
            "precision" => Ok(Self::Precision),
            "recall" => Ok(Self::Recall),
            other => Err(Error::option(
                "favor",
                format!("unknown value {other:?}; expected \"balanced\", \"precision\" or \"recall\""),
            )),
        }
    }
}

pub const DEFAULT_BATCH_SIZE: usize = 256;
pub const DEFAULT_MAX_MEMBER_SIZE: u64 = 64 * 1024 * 1024;
/// Seconds an HTML page may take to parse and extract before it becomes an error row (the
/// HTML stage's [`crate::html::DEFAULT_TIME_LIMIT`]).
pub const DEFAULT_TIME_LIMIT_SECS: f64 = crate::html::DEFAULT_TIME_LIMIT.as_secs_f64();

fn default_time_limit() -> f64 {
    DEFAULT_TIME_LIMIT_SECS
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Documents per Arrow record batch (and per parallel work unit).
    pub batch_size: usize,
    /// Format of the documents.
    pub format: FormatChoice,
    /// Largest document accepted, in bytes after decompression (a zip member, a gzip stream,
    /// a file, a JSONL line). Larger ones get an error row.
    pub max_member_size: u64,
    /// Precision/recall trade-off of the body extraction.
    pub favor: Favor,
    /// `(i, n)`: process only input files `i, i+n, i+2n, ...` of the sorted input list, so that
    /// `n` independent jobs cover a corpus exactly once.
    pub shard: Option<(usize, usize)>,
    /// Seconds one HTML page may take (parse and extraction) before it is given up as an error
    /// row, so that a pathological page cannot stall a batch; 0 means no limit. Only pages
    /// that hit it depend on the machine's speed.
    #[serde(default = "default_time_limit")]
    pub time_limit: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 0,
            batch_size: DEFAULT_BATCH_SIZE,
            format: FormatChoice::Auto,
            max_member_size: DEFAULT_MAX_MEMBER_SIZE,
            favor: Favor::Balanced,
            shard: None,
            time_limit: DEFAULT_TIME_LIMIT_SECS,
        }
    }
}

impl Options {
    /// The HTML time limit, `None` when there is none.
    pub fn html_time_limit(&self) -> Option<std::time::Duration> {
        (self.time_limit > 0.0).then(|| std::time::Duration::from_secs_f64(self.time_limit.min(1e9)))
    }

    /// Check the values; the error names the option.
    pub fn validate(&self) -> Result<()> {
        if self.batch_size == 0 {
            return Err(Error::option("batch_size", "must be at least 1"));
        }
        if self.batch_size > 1_000_000 {
            return Err(Error::option("batch_size", "must be at most 1000000"));
        }
        if self.max_member_size == 0 {
            return Err(Error::option("max_member_size", "must be at least 1 byte"));
        }
        if let Some((i, n)) = self.shard {
            if n == 0 || i >= n {
                return Err(Error::option("shard", format!("must be (i, n) with 0 <= i < n, got ({i}, {n})")));
            }
        }
        if !self.time_limit.is_finite() || self.time_limit < 0.0 {
            return Err(Error::option("time_limit", format!("must be a number of seconds >= 0 (0 means no limit), got {}", self.time_limit)));
        }
        if self.jobs > 4096 {
            return Err(Error::option("jobs", "must be at most 4096 (0 means one per core)"));
        }
        Ok(())
    }

    /// The options that shape the output, as JSON for the Parquet metadata. `jobs` and
    /// `batch_size` are left out: they never change the rows.
    pub fn to_metadata_json(&self) -> String {
        let mut v = serde_json::json!({
            "format": self.format,
            "max_member_size": self.max_member_size,
            "favor": self.favor,
            "time_limit": self.time_limit,
        });
        if let Some((i, n)) = self.shard {
            v["shard"] = serde_json::json!([i, n]);
        }
        v.to_string()
    }

    pub fn threads(&self) -> usize {
        if self.jobs == 0 {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
        } else {
            self.jobs
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rejects_unknown_values_and_names_the_option() {
        assert_eq!(FormatChoice::parse("html").unwrap(), FormatChoice::Html);
        let err = FormatChoice::parse("pdf").unwrap_err().to_string();
        assert!(err.contains("format") && err.contains("pdf"), "{err}");
        let err = Favor::parse("both").unwrap_err().to_string();
        assert!(err.contains("favor"), "{err}");
    }

    #[test]
    fn validate_checks_bounds() {
        let mut o = Options::default();
        assert!(o.validate().is_ok());
        o.batch_size = 0;
        assert!(o.validate().unwrap_err().to_string().contains("batch_size"));
        let o = Options { shard: Some((3, 3)), ..Options::default() };
        assert!(o.validate().unwrap_err().to_string().contains("shard"));
        for bad in [-1.0, f64::NAN, f64::INFINITY] {
            let o = Options { time_limit: bad, ..Options::default() };
            assert!(o.validate().unwrap_err().to_string().contains("time_limit"), "{bad}");
        }
        assert_eq!(Options { time_limit: 0.0, ..Options::default() }.html_time_limit(), None);
        assert_eq!(Options::default().html_time_limit(), Some(crate::html::DEFAULT_TIME_LIMIT));
    }

    #[test]
    fn metadata_json_excludes_execution_knobs() {
        let j = Options { jobs: 7, ..Options::default() }.to_metadata_json();
        assert!(!j.contains("jobs"));
        assert!(j.contains("\"favor\":\"balanced\""));
    }
}
