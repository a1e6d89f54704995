//! Turning what the user named (paths, directories, globs) into a sorted list of input files.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One input file, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Size in bytes on disk (compressed size for archives).
    pub size: u64,
}

impl InputFile {
    pub fn display(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// File name endings read when a directory is scanned (a file named explicitly is read
/// whatever its name).
pub const SUPPORTED_SUFFIXES: &[&str] = &[
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".zip",
    ".txt.gz", ".text.gz", ".md.gz", ".html.gz", ".htm.gz", ".xhtml.gz", ".jsonl.gz", ".ndjson.gz",
    ".warc", ".warc.gz", ".wet", ".wet.gz",
];

fn is_supported_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SUPPORTED_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Expand inputs in the order given: a file is itself, a directory is every supported file
/// below it (recursively, sorted by path, hidden entries skipped), a glob is its matches
/// (sorted). A name that is none of these is an [`Error::InputNotFound`] naming it.
pub fn expand_inputs<S: AsRef<str>>(inputs: &[S]) -> Result<Vec<InputFile>> {
    let mut out = Vec::new();
    if inputs.is_empty() {
        return Err(Error::InputNotFound { path: String::new(), reason: "no input given".into() });
    }
    for input in inputs {
        let input = input.as_ref();
        let path = Path::new(input);
        if path.is_dir() {
            let before = out.len();
            scan_dir(path, &mut out)?;
            if out.len() == before {
                return Err(Error::InputNotFound {
                    path: input.to_string(),
                    reason: format!(
                        "directory holds no supported file (looked for {})",
                        SUPPORTED_SUFFIXES.join(", ")
                    ),
                });
            }
        } else if path.is_file() {
            out.push(input_file(path.to_path_buf(), input)?);
        } else if has_glob_chars(input) {
            let paths = glob::glob(input).map_err(|e| Error::InputNotFound {
                path: input.to_string(),
                reason: format!("invalid glob pattern: {e}"),
            })?;
            let mut matched: Vec<PathBuf> = Vec::new();
            for entry in paths {
                match entry {
                    Ok(p) => matched.push(p),
                    Err(e) => {
                        return Err(Error::Input { path: input.to_string(), reason: e.to_string() })
                    }
                }
            }
            matched.sort();
            let before = out.len();
            for p in matched {
                if p.is_dir() {
                    scan_dir(&p, &mut out)?;
                } else {
                    let disp = p.to_string_lossy().into_owned();
                    out.push(input_file(p, &disp)?);
                }
            }
            if out.len() == before {
                return Err(Error::InputNotFound {
                    path: input.to_string(),
                    reason: "no file matches this pattern".into(),
                });
            }
        } else if path.exists() {
            return Err(Error::Input { path: input.to_string(), reason: "not a regular file or directory".into() });
        } else {
            return Err(Error::InputNotFound {
                path: input.to_string(),
                reason: "no such file or directory".into(),
            });
        }
    }
    Ok(out)
}

fn input_file(path: PathBuf, shown: &str) -> Result<InputFile> {
    let meta = std::fs::metadata(&path)
        .map_err(|e| Error::Input { path: shown.to_string(), reason: e.to_string() })?;
    Ok(InputFile { path, size: meta.len() })
}

fn scan_dir(dir: &Path, out: &mut Vec<InputFile>) -> Result<()> {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| Error::Input {
            path: dir.to_string_lossy().into_owned(),
            reason: e.to_string(),
        })?;
        if entry.file_type().is_file() && is_supported_name(&entry.file_name().to_string_lossy()) {
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            out.push(InputFile { path: entry.into_path(), size });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_scanned_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "b").unwrap();
        std::fs::write(d.join("a.html"), "a").unwrap();
        std::fs::write(d.join("sub/c.jsonl.gz"), "c").unwrap();
        std::fs::write(d.join("notes.json"), "{}").unwrap();
        std::fs::write(d.join(".hidden.txt"), "h").unwrap();
        let files = expand_inputs(&[d.to_str().unwrap()]).unwrap();
        let names: Vec<String> =
            files.iter().map(|f| f.path.strip_prefix(d).unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.html", "b.txt", "sub/c.jsonl.gz"]);
    }

    #[test]
    fn globs_and_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("x1.txt"), "1").unwrap();
        std::fs::write(d.join("x2.txt"), "2").unwrap();
        let pat = format!("{}/x*.txt", d.display());
        assert_eq!(expand_inputs(&[pat.as_str()]).unwrap().len(), 2);
        let missing = format!("{}/nope.txt", d.display());
        let err = expand_inputs(&[missing.as_str()]).unwrap_err();
        assert!(matches!(err, Error::InputNotFound { .. }));
        assert!(err.to_string().contains("nope.txt"));
        let nomatch = format!("{}/*.html", d.display());
        assert!(expand_inputs(&[nomatch.as_str()]).unwrap_err().to_string().contains("no file matches"));
    }
}
