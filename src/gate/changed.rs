//! `--changed-since REF`: which lines of which files changed since a git revision, so that a
//! pull request is judged only on findings that touch what it changed.
//!
//! The lines come from `git diff -U0` between the merge base of `REF` and `HEAD` and the working
//! tree (so uncommitted edits count, and changes made on `REF`'s branch since the fork do
//! not), plus untracked files, which count as changed throughout. A finding touches the change
//! when any of its evidence spans has a changed line in its file. A deleted line counts as a
//! change to the lines on either side of it: removing a sentence next to a claim can change
//! what the claim means.
//!
//! Positions: Markdown and text articles are located line by line (front matter included). An
//! HTML page's text is extracted, so any change to the page counts for all of its findings; a
//! JSON Lines article is its own line of the file; a JSON file counts as a whole.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What changed in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Change {
    /// The whole file is new.
    Whole,
    /// These 1-based line ranges (inclusive) of the new file.
    Lines(Vec<(usize, usize)>),
}

/// Changed lines by file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// Absolute (canonical where the file exists) path → change.
    files: BTreeMap<PathBuf, Change>,
}

/// A failure running git.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("--changed-since {reference}: {message}")]
pub struct ChangedError {
    /// The revision given.
    pub reference: String,
    /// What went wrong.
    pub message: String,
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Unquotes a path as git writes it when it holds unusual bytes (`"a\tb"`).
fn unquote(path: &str) -> String {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.to_string();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&next @ b'0'..=b'7') = chars.peek() {
                        value = value * 8 + u32::from(next - b'0');
                        chars.next();
                    }
                }
                bytes.push(u8::try_from(value).unwrap_or(b'?'));
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `start[,count]` of a hunk header.
fn range(text: &str) -> Option<(usize, usize)> {
    let mut parts = text.splitn(2, ',');
    let start = parts.next()?.parse().ok()?;
    let count = match parts.next() {
        Some(n) => n.parse().ok()?,
        None => 1,
    };
    Some((start, count))
}

impl Changed {
    /// Parses the output of `git diff -U0` whose paths are relative to `root`.
    pub fn parse_diff(diff: &str, root: &Path) -> Changed {
        let mut changed = Changed::default();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(path) = line.strip_prefix("+++ ") {
                let path = unquote(path.trim_end());
                current = path.strip_prefix("b/").map(|p| canonical(&root.join(p)));
                continue;
            }
            let Some(header) = line.strip_prefix("@@ ") else {
                continue;
            };
            let Some(file) = &current else { continue };
            let Some(new) = header.split_whitespace().find_map(|w| w.strip_prefix('+')) else {
                continue;
            };
            let Some((start, count)) = range(new) else {
                continue;
            };
            // A pure deletion after line `start`: the lines on either side.
            let (first, last) = if count == 0 {
                (start.max(1), start + 1)
            } else {
                (start, start + count - 1)
            };
            match changed
                .files
                .entry(file.clone())
                .or_insert_with(|| Change::Lines(Vec::new()))
            {
                Change::Lines(lines) => lines.push((first, last)),
                Change::Whole => {}
            }
        }
        changed
    }

    /// Marks `path` as changed throughout.
    pub fn add_whole(&mut self, path: &Path) {
        self.files.insert(canonical(path), Change::Whole);
    }

    /// Asks git what changed in the repository around `cwd` since `reference`.
    pub fn from_git(reference: &str, cwd: &Path) -> Result<Changed, ChangedError> {
        let fail = |message: String| ChangedError {
            reference: reference.to_string(),
            message,
        };
        let git = |args: &[&str]| -> Result<String, ChangedError> {
            let output = Command::new("git")
                .args(["-c", "core.quotepath=off"])
                .args(args)
                .current_dir(cwd)
                .output()
                .map_err(|e| fail(format!("cannot run git: {e}")))?;
            if !output.status.success() {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                return Err(fail(format!("git {} failed: {}", args[0], first.trim())));
            }
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        };
        let root = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim_end());
        git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{reference}^{{commit}}"),
        ])
        .map_err(|_| fail("not a commit in this repository".to_string()))?;
        // The fork point, when there is one; else the revision itself.
        let base = git(&["merge-base", reference, "HEAD"])
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|_| reference.to_string());
        let diff = git(&["diff", "--no-color", "--no-ext-diff", "-U0", &base, "--"])?;
        let mut changed = Changed::parse_diff(&diff, &root);
        let untracked = git(&[
            "ls-files",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
        ])?;
        for path in untracked.split('\0').filter(|p| !p.is_empty()) {
            changed.add_whole(&root.join(path));
        }
        Ok(changed)
    }

    /// Whether any line of `first..=last` (1-based) of `path` changed; `None` asks whether
    /// the file changed at all.
    pub fn touches(&self, path: &Path, lines: Option<(usize, usize)>) -> bool {
        match self.files.get(&canonical(path)) {
            None => false,
            Some(Change::Whole) => true,
            Some(Change::Lines(ranges)) => match lines {
                None => !ranges.is_empty(),
                Some((first, last)) => ranges.iter().any(|&(a, b)| a <= last && first <= b),
            },
        }
    }

    /// The number of files with changes.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "diff --git a/news/a.md b/news/a.md
index 1..2 100644
--- a/news/a.md
+++ b/news/a.md
@@ -3 +3 @@ title
-old
+new
@@ -10,2 +9,0 @@
-gone
-gone
@@ -20,0 +19,3 @@
+x
+y
+z
diff --git a/b.txt b/b.txt
deleted file mode 100644
--- a/b.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git \"a/c d.md\" \"b/c d.md\"
--- \"a/c d.md\"
+++ \"b/c d.md\"
@@ -1 +1 @@
-q
+r
";

    #[test]
    fn parses_hunks_of_the_new_file() {
        let root = Path::new("/repo");
        let changed = Changed::parse_diff(DIFF, root);
        let a = Path::new("/repo/news/a.md");
        assert!(changed.touches(a, Some((3, 3))));
        assert!(!changed.touches(a, Some((4, 8))));
        assert!(changed.touches(a, Some((9, 9))), "before a deletion");
        assert!(changed.touches(a, Some((10, 10))), "after a deletion");
        assert!(!changed.touches(a, Some((11, 18))));
        assert!(changed.touches(a, Some((21, 30))));
        assert!(!changed.touches(a, Some((22, 30))));
        assert!(changed.touches(a, None));
        assert!(!changed.touches(Path::new("/repo/b.txt"), None));
        assert!(changed.touches(Path::new("/repo/c d.md"), Some((1, 1))));
        assert_eq!(changed.len(), 2);
    }

    #[test]
    fn whole_files_touch_every_line() {
        let mut changed = Changed::default();
        changed.add_whole(Path::new("/repo/new.md"));
        assert!(changed.touches(Path::new("/repo/new.md"), Some((7, 7))));
    }

    #[test]
    fn unquotes_octal_escapes() {
        assert_eq!(unquote("\"b/caf\\303\\251.md\""), "b/café.md");
        assert_eq!(unquote("b/plain.md"), "b/plain.md");
    }
}
