//! Every kind of bad input gives one error naming the file (and line where one applies), and
//! loading goes on with the other inputs.

use std::fs;
use std::path::{Path, PathBuf};

use claimcheck::input::{LoadOptions, Loaded, load};

fn load_paths(paths: &[PathBuf]) -> Loaded {
    load(paths, &LoadOptions::default())
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.errors.iter().map(|e| e.to_string()).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.txt");
    let loaded = load_paths(std::slice::from_ref(&path));
    assert!(loaded.articles.is_empty());
    assert_eq!(
        messages(&loaded),
        [format!("{}: no such file or directory", path.display())]
    );
}

#[test]
fn empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.csv", b"a,b\n");
    write(dir.path(), ".hidden.txt", b"Hidden text.");
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(
        messages(&loaded),
        [format!("no articles found in {}", dir.path().display())]
    );
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "blank.txt", b"  \n\n");
    let loaded = load_paths(std::slice::from_ref(&path));
    assert_eq!(
        messages(&loaded),
        [format!(
            "{}: empty file; expected article text",
            path.display()
        )]
    );
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "image.txt", b"GIF89a\0\0\x01");
    let message = messages(&load_paths(std::slice::from_ref(&path))).remove(0);
    assert_eq!(
        message,
        format!(
            "{}: binary data (NUL byte at byte 6); expected UTF-8 text",
            path.display()
        )
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.txt", b"Caf\xe9 au lait.");
    let message = messages(&load_paths(std::slice::from_ref(&path))).remove(0);
    assert_eq!(
        message,
        format!(
            "{}: invalid UTF-8 at byte 3; expected UTF-8 text",
            path.display()
        )
    );
}

#[test]
fn jsonl_broken_line_reports_its_line_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "batch.jsonl",
        b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\n\n{\"id\":\"c\",\"text\":\"Three.\",\"published\":\"2022-03\"}\n{\"id\":\"d\"}\n",
    );
    let loaded = load_paths(std::slice::from_ref(&path));
    let ids: Vec<_> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(loaded.articles[1].origin, format!("{}:4", path.display()));
    let messages = messages(&loaded);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!("{}:2: expected an article object", path.display())),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with(&format!("{}:5: ", path.display())),
        "{}",
        messages[1]
    );
    assert!(
        messages[1].contains("missing field `text`"),
        "{}",
        messages[1]
    );
}

#[test]
fn jsonl_bad_published() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "batch.jsonl",
        b"{\"id\":\"a\",\"text\":\"One.\",\"published\":\"March 2022\"}\n",
    );
    let message = messages(&load_paths(std::slice::from_ref(&path))).remove(0);
    assert_eq!(
        message,
        format!(
            "{}:1: published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"March 2022\"",
            path.display()
        )
    );
}

#[test]
fn malformed_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let unterminated = write(dir.path(), "a.md", b"---\ntitle: Hotline\n\nBody text.\n");
    let no_colon = write(
        dir.path(),
        "b.md",
        b"---\ntitle: Hotline\noutlet Examiner\n---\nBody.\n",
    );
    let bad_date = write(
        dir.path(),
        "c.md",
        b"+++\ntitle = \"x\"\npublished = \"22/03/2022\"\n+++\nBody.\n",
    );
    let good = write(dir.path(), "d.md", b"---\npublished: 2022-03\n---\nBody.\n");
    let loaded = load_paths(&[
        unterminated.clone(),
        no_colon.clone(),
        bad_date.clone(),
        good,
    ]);
    assert_eq!(loaded.articles.len(), 1);
    let messages = messages(&loaded);
    assert!(
        messages[0].starts_with(&format!(
            "{}:1: front matter: unterminated",
            unterminated.display()
        )),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with(&format!(
            "{}:3: front matter: expected `key: value`",
            no_colon.display()
        )),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with(&format!(
            "{}:3: published: expected a date",
            bad_date.display()
        )),
        "{}",
        messages[2]
    );
}

#[test]
fn manifest_unknown_key_names_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Article text.");
    let manifest = write(
        dir.path(),
        "claimcheck.toml",
        b"[articles.\"a.txt\"]\noutlet = \"X\"\npublised = \"2022-03\"\n",
    );
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    // The article still loads; the manifest is reported.
    assert_eq!(loaded.articles.len(), 1);
    let messages = messages(&loaded);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!(
            "{}:3: unknown field `publised`",
            manifest.display()
        )),
        "{}",
        messages[0]
    );
}

#[test]
fn manifest_naming_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Article text.");
    let manifest = write(
        dir.path(),
        "claimcheck.toml",
        b"[articles.\"a.txt\"]\noutlet = \"X\"\n\n[articles.\"gone.txt\"]\noutlet = \"Y\"\n",
    );
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.articles[0].meta.outlet.as_deref(), Some("X"));
    assert_eq!(
        messages(&loaded),
        [format!(
            "{}:4: article \"gone.txt\" does not exist in this directory",
            manifest.display()
        )]
    );
}

#[test]
fn bad_json_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.json",
        b"{\n  \"id\": \"a\",\n  \"text\": 12\n}\n",
    );
    let message = messages(&load_paths(std::slice::from_ref(&path))).remove(0);
    assert!(
        message.starts_with(&format!("{}:1: expected an article object", path.display())),
        "{message}"
    );
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"First article.");
    write(dir.path(), "b.txt", b"");
    write(dir.path(), "c.txt", b"Third article.");
    let loaded = load_paths(&[dir.path().to_path_buf(), dir.path().join("missing")]);
    let ids: Vec<_> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(loaded.errors.len(), 2);
}
