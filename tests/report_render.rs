//! Renderer tests on a synthetic report: a snapshot of every format, SARIF validated against
//! the OASIS schema, JUnit parsed and counted, the HTML page's timeline and finding ids, and the
//! position of code-frame underlines under multi-byte text and in windowed long lines.

mod report_common;

use std::collections::BTreeMap;

use claimcheck::report::{self, Format, RenderOptions, Report, Severity};
use quick_xml::events::Event;
use report_common::{FRONT_MATTER, KYIV_POST, WIRE, span_of};

fn render(format: Format) -> String {
    report::render(format, &report_common::report(), &RenderOptions::default())
}

// Snapshots of every format.

#[test]
fn text_snapshot() {
    insta::assert_snapshot!("text", render(Format::Text));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("json", render(Format::Json));
}

#[test]
fn jsonl_snapshot() {
    insta::assert_snapshot!("jsonl", render(Format::Jsonl));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", render(Format::Markdown));
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!("sarif", render(Format::Sarif));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!("junit", render(Format::Junit));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!("github", render(Format::Github));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("html", render(Format::Html));
}

#[test]
fn every_format_is_deterministic() {
    for format in Format::ALL {
        assert_eq!(render(format), render(format), "{format}");
    }
}

#[test]
fn format_names_round_trip() {
    for format in Format::ALL {
        assert_eq!(format.as_str().parse::<Format>(), Ok(format));
    }
    assert_eq!("human".parse::<Format>(), Ok(Format::Text));
    let err = "yaml".parse::<Format>().unwrap_err();
    assert!(
        err.to_string().contains("expected one of text, json"),
        "{err}"
    );
}

#[test]
fn empty_report_renders_in_every_format() {
    let empty = Report::new(Vec::new(), Vec::new(), Vec::new());
    for format in Format::ALL {
        let out = report::render(format, &empty, &RenderOptions::default());
        // GitHub prints one command per finding, so nothing at all.
        assert_eq!(out.is_empty(), format == Format::Github, "{format}");
    }
    let text = report::render(Format::Text, &empty, &RenderOptions::default());
    assert!(text.contains("no findings"), "{text}");
}

// JSON and JSON Lines.

#[test]
fn json_follows_the_check_contract() {
    let value: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["version", "articles", "claims", "findings", "summary"] {
        assert!(keys.contains(&key), "missing {key}");
    }
    assert_eq!(value["version"], 1);
    let finding = &value["findings"][0];
    assert_eq!(finding["kind"], "discrepancy");
    assert_eq!(finding["code"], "TIME001");
    assert_eq!(finding["severity"], "error");
    let evidence = &finding["evidence"][0];
    let (start, end) = (
        evidence["start"].as_u64().unwrap() as usize,
        evidence["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&KYIV_POST[start..end], evidence["text"].as_str().unwrap());
    assert_eq!(value["summary"]["discrepancies"], 1);
}

#[test]
fn jsonl_lines_are_typed_and_ordered() {
    let out = render(Format::Jsonl);
    let types: Vec<String> = out
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["type"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<&str> = [
        vec!["article"; 2],
        vec!["claim"; 5],
        vec!["finding"; 3],
        vec!["summary"],
    ]
    .concat();
    assert_eq!(types, expected);
}

// SARIF.

fn sarif_schema() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif/sarif-schema-2.1.0.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let schema = sarif_schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let mut reports = vec![report_common::report()];
    // Also a report whose findings use a code without documentation and an article without
    // a known front matter.
    let mut bare = report_common::report();
    bare.rules.clear();
    bare.front_matter.clear();
    bare.articles[1].origin = "<stdin>".into();
    reports.push(bare);
    for report in &reports {
        let sarif: serde_json::Value =
            serde_json::from_str(&report::sarif::render(report, &RenderOptions::default()))
                .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
    }
    // The validator does reject what the schema forbids.
    let mut broken: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_locations_point_into_the_file() {
    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 3);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "TIME001");
    assert_eq!(result["level"], "error");
    assert_eq!(result["kind"], "fail");
    assert_eq!(
        result["partialFingerprints"]["claimcheck/v1"],
        "TIME001-5d41402abc4b2a76"
    );
    let region = &result["locations"][0]["physicalLocation"]["region"];
    // The front matter has five lines, so the text's first line is the file's sixth.
    assert_eq!(region["startLine"], 6);
    let file = format!("{FRONT_MATTER}{KYIV_POST}");
    let offset = region["charOffset"].as_u64().unwrap() as usize;
    let length = region["charLength"].as_u64().unwrap() as usize;
    let quoted: String = file.chars().skip(offset).take(length).collect();
    assert_eq!(quoted, "February 24, 2022");
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "seeds/wire.txt"
    );
    assert_eq!(related["message"]["text"], "Wire Service: says 2022-02-23");
    // An agreement passes.
    let agreement = &run["results"][1];
    assert_eq!(agreement["kind"], "pass");
    assert_eq!(agreement["level"], "none");
}

// JUnit.

/// Counts of a JUnit document: attributes of the suite, and elements.
#[derive(Debug, Default)]
struct JunitCounts {
    suite: BTreeMap<String, String>,
    testcases: usize,
    failures: usize,
    failing_cases: usize,
}

fn parse_junit(xml: &str) -> JunitCounts {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut counts = JunitCounts::default();
    let mut case_failed = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuite" => {
                    for attr in e.attributes() {
                        let attr = attr.unwrap();
                        counts.suite.insert(
                            String::from_utf8(attr.key.as_ref().to_vec()).unwrap(),
                            attr.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                }
                b"testcase" => {
                    counts.testcases += 1;
                    case_failed = false;
                }
                b"failure" => {
                    counts.failures += 1;
                    if !case_failed {
                        counts.failing_cases += 1;
                        case_failed = true;
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    counts
}

#[test]
fn junit_counts_match_the_findings() {
    let counts = parse_junit(&render(Format::Junit));
    assert_eq!(counts.testcases, 2);
    // Default fail-on is error: only the discrepancy fails.
    assert_eq!(counts.failures, 1);
    assert_eq!(counts.suite["tests"], "2");
    assert_eq!(counts.suite["failures"], counts.failing_cases.to_string());
    assert_eq!(counts.suite["name"], "claimcheck");

    // At warning, the unsupported claim fails too; agreements never do.
    let options = RenderOptions {
        fail_on: Some(Severity::Info),
        ..RenderOptions::default()
    };
    let xml = report::junit::render(&report_common::report(), &options);
    let counts = parse_junit(&xml);
    assert_eq!(counts.failures, 2);
    assert_eq!(counts.suite["failures"], "1");

    let options = RenderOptions {
        fail_on: None,
        ..RenderOptions::default()
    };
    let counts = parse_junit(&report::junit::render(&report_common::report(), &options));
    assert_eq!(counts.failures, 0);
    assert_eq!(counts.suite["failures"], "0");
}

#[test]
fn junit_escapes_markup_in_text() {
    let mut report = report_common::report();
    report.findings[0].message = "a <b> & \"c\" \u{1b}".into();
    report.articles[0].meta.outlet = Some("O'Reilly & <Sons>".into());
    let xml = report::junit::render(&report, &RenderOptions::default());
    let counts = parse_junit(&xml);
    assert_eq!(counts.failures, 1);
    assert!(
        xml.contains(r#"classname="O&#39;Reilly &amp; &lt;Sons&gt;""#),
        "{xml}"
    );
}

// GitHub.

#[test]
fn github_commands_locate_and_escape() {
    let out = render(Format::Github);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines[0].starts_with(
            "::error file=seeds/kyiv-post.md,line=6,col=35,endLine=6,endColumn=52,title=TIME001 (discrepancy)::"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("%0Aseeds/wire.txt:1:40: says 2022-02-23"));
    assert!(lines[1].starts_with("::notice "));
    assert!(lines[2].starts_with("::warning "));
}

// HTML.

#[test]
fn html_has_a_timeline_and_every_finding() {
    let report = report_common::report();
    let html = report::html::render(&report, &RenderOptions::default());
    assert!(html.contains(r#"<svg id="timeline""#));
    for (i, finding) in report.findings.iter().enumerate() {
        let tag = format!(r#"id="finding-{}" data-code="{}""#, i + 1, finding.code);
        assert!(html.contains(&tag), "missing {tag}");
    }
    // One marker per dated claim; the discrepancy's claims are red and linked.
    assert_eq!(html.matches("<rect class=\"claim ").count(), 5);
    assert_eq!(html.matches("<rect class=\"claim conflict\"").count(), 2);
    assert_eq!(html.matches("<line class=\"link conflict\"").count(), 1);
    assert_eq!(html.matches("<line class=\"link agree\"").count(), 1);
    assert!(html.contains("<mark>February 24, 2022</mark>"));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let mut report = report_common::report();
    report.findings[0].message = "<script>alert(1)</script>".into();
    report.articles[1].meta.url = Some("javascript:alert(1)".into());
    report.articles[1].meta.title = Some("t".into());
    let html = report::html::render(&report, &RenderOptions::default());
    assert!(!html.contains("<script"), "unescaped script");
    assert!(!html.contains("javascript:"), "script URL made a link");
    for external in ["src=", "@import", "url(", "<link"] {
        assert!(!html.contains(external), "external resource: {external}");
    }
}

// Text.

/// The code frame of the first evidence whose arrow line names `path:line`: the source line
/// and the underline line.
fn frame<'a>(out: &'a str, location: &str) -> (&'a str, &'a str) {
    let lines: Vec<&str> = out.lines().collect();
    let arrow = lines
        .iter()
        .position(|l| l.contains(location))
        .unwrap_or_else(|| panic!("no frame at {location} in\n{out}"));
    (lines[arrow + 2], lines[arrow + 3])
}

/// The characters of `source` above the carets of `underline`.
fn underlined(source: &str, underline: &str) -> String {
    let start = underline.find('^').expect("carets");
    let len = underline[start..].chars().take_while(|&c| c == '^').count();
    // The fixture's lines have no wide characters, so one character is one column.
    source.chars().skip(start).take(len).collect()
}

#[test]
fn underline_sits_under_multibyte_text_in_a_windowed_line() {
    let out = render(Format::Text);
    // Line 8 of the file is the long paragraph, with curly quotes and dashes before the span.
    let (source, underline) = frame(&out, "seeds/kyiv-post.md:8:");
    assert!(source.contains("..."), "long line not windowed: {source}");
    assert!(
        source.chars().count() < 130,
        "window too wide: {}",
        source.chars().count()
    );
    assert_eq!(underlined(source, underline), "February 12");
    assert!(underline.ends_with("says 2022-02-12"));

    // The column counts characters: the em dashes and quotes before the span are one each.
    let span = span_of(KYIV_POST, "February 12");
    let line_start = KYIV_POST[..span.start].rfind('\n').unwrap() + 1;
    let column = KYIV_POST[line_start..span.start].chars().count() + 1;
    assert!(
        out.contains(&format!("seeds/kyiv-post.md:8:{column}")),
        "{out}"
    );
    assert_ne!(
        column,
        span.start - line_start + 1,
        "fixture lacks multi-byte text"
    );
}

#[test]
fn underline_sits_under_the_span_in_a_short_line() {
    let out = render(Format::Text);
    let (source, underline) = frame(&out, "seeds/wire.txt:1:");
    assert_eq!(underlined(source, underline), "February 23");
    let (source, underline) = frame(&out, "seeds/kyiv-post.md:6:");
    assert_eq!(underlined(source, underline), "February 24, 2022");
    assert!(WIRE.starts_with("Russian troops"));
}

#[test]
fn colors_only_when_asked() {
    let plain = render(Format::Text);
    assert!(!plain.contains('\x1b'));
    let options = RenderOptions {
        color: true,
        ..RenderOptions::default()
    };
    let colored = report::human::render(&report_common::report(), &options);
    assert!(colored.contains("\x1b[1;31merror[TIME001]"));
}

#[test]
fn article_text_cannot_drive_the_terminal() {
    let mut report = report_common::report();
    report.articles[1].text = WIRE.replace("Russian", "Russ\x1b[2Jn");
    report.findings[0].evidence[1].start += 2;
    report.findings[0].evidence[1].end += 2;
    let out = report::human::render(&report, &RenderOptions::default());
    assert!(!out.contains('\x1b'), "{out}");
}

#[test]
fn odd_spans_render_in_every_format() {
    let mut report = report_common::report();
    report.articles[1].text = WIRE.replace('\n', "\r\n");
    let first = &mut report.findings[0].evidence;
    // Past the end, inside a multi-byte character, empty, across lines, unknown article.
    first[1].start = 10_000;
    first[1].end = 10_010;
    let dash = KYIV_POST.find('—').unwrap();
    let mut inside = first[0].clone();
    inside.start = dash + 1;
    inside.end = dash + 2;
    let mut empty = first[0].clone();
    empty.end = empty.start;
    let mut across = first[0].clone();
    across.end = KYIV_POST.find("said that").unwrap();
    let mut unknown = first[0].clone();
    unknown.article = "missing".into();
    first.extend([inside, empty, across, unknown]);
    for format in Format::ALL {
        let out = report::render(format, &report, &RenderOptions::default());
        assert!(!out.is_empty(), "{format}");
    }
    let text = report::human::render(&report, &RenderOptions::default());
    assert!(text.contains("--> seeds/kyiv-post.md:6:35"), "{text}");
    assert!(text.contains("::: missing"), "{text}");
    assert!(!text.contains('\r'));
    insta::assert_snapshot!("odd_spans_text", text);
}
