//! The `junit` format: JUnit XML, for CI systems that show test reports (GitLab, Jenkins,
//! Azure Pipelines, GitHub test-report actions).
//!
//! The run is one test suite and each article one test case, which passes when none of its
//! findings fails the run:
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <testsuites name="claimcheck" tests="2" failures="1" errors="0" skipped="0" time="0">
//!   <testsuite name="claimcheck" tests="2" failures="1" errors="0" skipped="0" time="0">
//!     <properties>
//!       <property name="findings" value="3"/>
//!       <property name="failing-findings" value="1"/>
//!       <property name="fail-on" value="error"/>
//!     </properties>
//!     <testcase name="kyiv-post" classname="Kyiv Post" file="seeds/kyiv-post.md" time="0">
//!       <failure message="TIME001: invasion date differs between 2 sources" type="discrepancy">...</failure>
//!       <system-out>...</system-out>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! - `<testcase>`: `name` = article id, `classname` = its outlet (or `claimcheck` when it has
//!   none), `file` = its path relative to the root option; `time` is always `0` so output is
//!   deterministic.
//! - `<failure>`: one per finding that fails the run ([`RenderOptions::fails`]: severity at or
//!   above `fail_on`, never an agreement) whose *primary* evidence lies in that article;
//!   `message` = `CODE: message`, `type` = the finding kind, and the body lists the finding's
//!   evidence as `path:line:col: label "text"` lines.
//! - `<system-out>`: the article's other findings (below the threshold, or agreements), one
//!   line each, so nothing in the report is lost.
//! - Counts: `tests` = test cases, `failures` = test cases with at least one `<failure>` (as
//!   JUnit defines it: failed *tests*), `errors` and `skipped` = 0. The `properties` give the
//!   number of findings, of failing findings, and the `fail-on` level (`never` when unset).
//!
//! Findings whose primary article is not in the report go to an extra test case named
//! `(unknown article)`. All text is XML-escaped; characters XML 1.0 forbids become U+FFFD.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use super::escape::{xml, xml_text};
use super::source::Sources;
use super::{Finding, RenderOptions, Report};

/// Renders `report` as a JUnit XML document.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_report(&mut out, report, options);
    out
}

/// One test case: an article (or the catch-all for unknown articles) and its findings.
struct Case<'r> {
    name: &'r str,
    classname: &'r str,
    file: Option<&'r str>,
    failures: Vec<&'r Finding>,
    others: Vec<&'r Finding>,
}

fn write_report(out: &mut String, report: &Report, options: &RenderOptions) -> fmt::Result {
    let sources = Sources::new(report, options);
    let mut cases: Vec<Case<'_>> = report
        .articles
        .iter()
        .map(|article| Case {
            name: &article.id,
            classname: article.meta.outlet.as_deref().unwrap_or("claimcheck"),
            file: sources.path(&article.id),
            failures: Vec::new(),
            others: Vec::new(),
        })
        .collect();
    // With duplicate ids the first article's case takes the findings.
    let mut case_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, article) in report.articles.iter().enumerate() {
        case_of.entry(article.id.as_str()).or_insert(index);
    }
    let mut orphans = Case {
        name: "(unknown article)",
        classname: "claimcheck",
        file: None,
        failures: Vec::new(),
        others: Vec::new(),
    };
    for finding in &report.findings {
        let primary = finding.evidence.first().map(|e| e.article.as_str());
        let case = match primary.and_then(|id| case_of.get(id)) {
            Some(&index) => &mut cases[index],
            None => &mut orphans,
        };
        if options.fails(finding) {
            case.failures.push(finding);
        } else {
            case.others.push(finding);
        }
    }
    if !orphans.failures.is_empty() || !orphans.others.is_empty() {
        cases.push(orphans);
    }
    let tests = cases.len();
    let failed = cases.iter().filter(|c| !c.failures.is_empty()).count();
    let failing_findings: usize = cases.iter().map(|c| c.failures.len()).sum();
    let counts = format!(r#"tests="{tests}" failures="{failed}" errors="0" skipped="0" time="0""#);

    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="claimcheck" {counts}>"#)?;
    writeln!(out, r#"  <testsuite name="claimcheck" {counts}>"#)?;
    writeln!(out, "    <properties>")?;
    writeln!(
        out,
        r#"      <property name="findings" value="{}"/>"#,
        report.findings.len()
    )?;
    writeln!(
        out,
        r#"      <property name="failing-findings" value="{failing_findings}"/>"#
    )?;
    writeln!(
        out,
        r#"      <property name="fail-on" value="{}"/>"#,
        options.fail_on.map_or("never", |s| s.as_str())
    )?;
    writeln!(out, "    </properties>")?;
    for case in &cases {
        write!(
            out,
            r#"    <testcase name="{}" classname="{}""#,
            xml(case.name),
            xml(case.classname)
        )?;
        if let Some(file) = case.file {
            write!(out, r#" file="{}""#, xml(file))?;
        }
        write!(out, r#" time="0""#)?;
        if case.failures.is_empty() && case.others.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        for finding in &case.failures {
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}</failure>"#,
                xml(&format!("{}: {}", finding.code, finding.message)),
                finding.kind.as_str(),
                xml_text(&failure_body(finding, &sources)),
            )?;
        }
        if !case.others.is_empty() {
            let lines: Vec<String> = case
                .others
                .iter()
                .map(|f| {
                    format!(
                        "{}[{}] {}: {}",
                        f.severity.as_str(),
                        f.code,
                        f.kind.as_str(),
                        f.message
                    )
                })
                .collect();
            writeln!(
                out,
                "      <system-out>{}</system-out>",
                xml_text(&lines.join("\n"))
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// The text of a `<failure>`: the finding header and one line per piece of evidence.
fn failure_body(finding: &Finding, sources: &Sources<'_>) -> String {
    let mut body = format!(
        "{}[{}] {}: {}",
        finding.severity.as_str(),
        finding.code,
        finding.kind.as_str(),
        finding.message
    );
    for evidence in &finding.evidence {
        body.push('\n');
        match sources.locate(evidence) {
            Some(l) => {
                let _ = write!(body, "{}:{}:{}: ", l.path, l.line, l.column);
            }
            None => {
                let _ = write!(body, "{}: ", evidence.article);
            }
        }
        if !evidence.label.is_empty() {
            body.push_str(&evidence.label);
            body.push(' ');
        }
        let _ = write!(body, "{:?}", evidence.text);
    }
    body
}
