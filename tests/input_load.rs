//! Loading the seeds and the supported formats from directories.

use std::fs;
use std::path::{Path, PathBuf};

use claimcheck::input::{LoadOptions, load, load_reader};
use claimcheck::temporal::PartialDate;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn seeds_load_with_manifest_metadata() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = load(&[seeds], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let summary: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.meta.outlet.as_deref(),
                a.meta.published.map(|p| p.to_string()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "000_17b3ed00d565f5ad",
                Some("Washington Examiner"),
                Some("2022-11".to_string())
            ),
            ("003_8cdd6abb60c022f4", None, Some("2022-03".to_string())),
        ]
    );
    // The text is the file, verbatim.
    let file = fs::read_to_string(Path::new(&loaded.articles[0].origin)).unwrap();
    assert_eq!(loaded.articles[0].text, file);
}

#[test]
fn a_single_seed_file_still_gets_its_manifest() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/003_8cdd6abb60c022f4.txt");
    let loaded = load(&[seed], &LoadOptions::default());
    assert_eq!(loaded.articles[0].meta.published, PartialDate::ym(2022, 3));
}

#[test]
fn directory_walk_is_sorted_recursive_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", "B text.");
    write(
        d,
        "a.md",
        "---\nid: alpha\ntitle: A\npublished: 2022-03-15\n---\nA body.\n",
    );
    write(
        d,
        "sub/c.json",
        r#"[{"id":"c1","text":"C1."},{"id":"c2","text":"C2."}]"#,
    );
    write(
        d,
        "sub/d.html",
        "<html><head><title>D</title></head><body><nav>Menu</nav><p>D body.</p></body></html>",
    );
    write(d, "NOTES.md", "Not an article.");
    write(d, "data.csv", "x,y");
    write(d, ".git/HEAD.txt", "hidden");
    write(
        d,
        "claimcheck.toml",
        "exclude = [\"NOTES.md\"]\n[articles.\"a.md\"]\ntitle = \"Manifest title\"\noutlet = \"Paper\"\n[articles.\"b.txt\"]\nid = \"beta\"\n",
    );
    let loaded = load(&[d.to_path_buf()], &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let ids: Vec<_> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta", "c1", "c2", "d"]);
    let alpha = &loaded.articles[0];
    // Front matter wins over the manifest; the manifest fills the rest.
    assert_eq!(alpha.meta.title.as_deref(), Some("A"));
    assert_eq!(alpha.meta.outlet.as_deref(), Some("Paper"));
    assert_eq!(alpha.text, "A body.\n");
    assert_eq!(
        alpha.body_offset,
        "---\nid: alpha\ntitle: A\npublished: 2022-03-15\n---\n".len()
    );
    let d_article = &loaded.articles[4];
    assert_eq!(d_article.text, "D body.\n");
    assert_eq!(d_article.meta.title.as_deref(), Some("D"));
}

#[test]
fn duplicate_ids_are_disambiguated() {
    let dir = tempfile::tempdir().unwrap();
    let one = write(dir.path(), "one/story.txt", "First.");
    let two = write(dir.path(), "two/story.txt", "Second.");
    let loaded = load(&[one, two], &LoadOptions::default());
    let ids: Vec<_> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["story", "story#2"]);
    assert!(loaded.errors.is_empty());
}

#[test]
fn stdin_like_input_is_sniffed() {
    let opts = LoadOptions {
        published: PartialDate::ym(2022, 3),
    };
    let jsonl =
        "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\",\"published\":\"2021\"}\n";
    let loaded = load_reader(jsonl.as_bytes(), "<stdin>", &opts);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles[0].origin, "<stdin>:1");
    assert_eq!(loaded.articles[0].meta.published, PartialDate::ym(2022, 3));
    assert_eq!(
        loaded.articles[1].meta.published,
        Some(PartialDate::y(2021))
    );
    let text = load_reader("Just text.".as_bytes(), "<stdin>", &opts);
    assert_eq!(text.articles[0].text, "Just text.");
}
