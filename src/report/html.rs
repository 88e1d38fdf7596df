//! The `html` format: one self-contained page for an editor — summary, findings with their
//! evidence side by side, and a timeline of the dated claims across sources.
//!
//! The page needs nothing but itself: CSS is inline, there are no scripts, fonts, images or
//! links to other origins, so it can be mailed, attached to a CI run, or opened offline. Output
//! is deterministic (no timestamps).
//!
//! Structure, with the ids and classes a browser test can rely on:
//!
//! - `<p id="summary">`: the counts line, and `<table class="counts">` by kind and severity;
//! - `<svg id="timeline">` in `<section id="timeline-section">`: the timeline (below);
//! - `<section id="findings">`: one `<article class="finding KIND SEVERITY" id="finding-N"
//!   data-code data-kind data-severity data-fingerprint>` per finding, `N` being its 1-based
//!   position in [`Report::findings`]; grouped as in the text format (discrepancies,
//!   unsupported, agreements). Each evidence is a `<figure class="evidence" data-article>`
//!   quoting the sentence that holds the span, the span in `<mark>`, with a caption giving
//!   the outlet, `path:line:col` and the label. The rule's documentation follows in a
//!   collapsed `<details class="rule">` when the report has it.
//! - `<section id="articles">`: a table of the articles and their metadata.
//!
//! The timeline is inline SVG. The x axis spans the days of every claim with a resolved
//! interval (`time.interval`), with date ticks at a step chosen to give at most about ten
//! labels. There is one lane per article (label: outlet, else id), and one
//! `<rect class="claim STATUS" data-claim data-article>` per dated claim, as wide as its
//! interval (at least 2 px), so a month is a bar and a day a tick; markers that would overlap
//! in a lane are stacked. STATUS comes from the findings citing the claim: `conflict` (red)
//! when a discrepancy cites it, else `unsupported` (orange), else `agree` (green), else
//! `plain`. Each discrepancy and agreement finding draws `<line class="link conflict|agree"
//! data-finding="finding-N">` between the markers of the claims it cites. Hovering a marker
//! shows its `<title>`: article, event, the time as written and its interval. Claims a
//! discrepancy cites that have no interval (a duration such as "more than 24 days", an
//! unresolved date) are drawn as `<rect class="claim conflict undated">` squares in a
//! "no date" column at the right of their lane, so that every conflict is marked.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write};

use chrono::{Datelike, Duration, NaiveDate};

use super::escape::{xml, xml_text};
use super::human::summary_line;
use super::source::Sources;
use super::{Finding, FindingKind, KIND_ORDER, RenderOptions, Report, Severity};
use crate::claim::Claim;
use crate::temporal::Interval;

/// Renders `report` as a self-contained HTML page.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_page(&mut out, report, options);
    out
}

const STYLE: &str = r#"
:root { --conflict: #c62828; --agree: #2e7d32; --unsupported: #e65100; --plain: #78909c;
  --fg: #1d1d1f; --muted: #5f6368; --bg: #ffffff; --panel: #f6f7f9; --line: #d8dbe0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8eaed; --muted: #a0a4a8; --bg: #17181a; --panel: #222427; --line: #3a3d42; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .75rem; font-size: 1.25rem; border-bottom: 1px solid var(--line); }
h3 { margin: 0 0 .5rem; font-size: 1rem; font-weight: 600; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table { border-collapse: collapse; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid var(--line); text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.finding { background: var(--panel); border-left: 4px solid var(--plain); border-radius: 4px;
  padding: .75rem 1rem; margin: 0 0 1rem; }
.finding.discrepancy { border-left-color: var(--conflict); }
.finding.unsupported { border-left-color: var(--unsupported); }
.finding.agreement { border-left-color: var(--agree); }
.severity { font-weight: 700; text-transform: uppercase; font-size: .8em; letter-spacing: .04em; }
.severity.error { color: var(--conflict); }
.severity.warning { color: var(--unsupported); }
.severity.info { color: var(--muted); }
.kind { color: var(--muted); }
.evidence-list { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  gap: .75rem; }
.evidence { margin: 0; padding: .5rem .75rem; background: var(--bg); border: 1px solid var(--line);
  border-radius: 4px; }
.evidence blockquote { margin: 0 0 .4rem; }
.evidence figcaption { color: var(--muted); font-size: .85em; }
mark { background: #fff3a0; color: #1d1d1f; padding: 0 .1em; border-radius: 2px; }
details.rule { margin-top: .5rem; color: var(--muted); }
details.rule pre { white-space: pre-wrap; font: inherit; }
.legend { color: var(--muted); font-size: .85em; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; vertical-align: -.05em;
  background: var(--plain); margin-left: .5em; }
.swatch.conflict { background: var(--conflict); }
.swatch.agree { background: var(--agree); }
.swatch.unsupported { background: var(--unsupported); }
#timeline { width: 100%; height: auto; display: block; }
#timeline text { fill: var(--fg); font: 12px system-ui, sans-serif; }
#timeline .axis line, #timeline .lane-sep { stroke: var(--line); }
#timeline .undated-sep { stroke-dasharray: 2 3; }
#timeline .claim { fill: var(--plain); }
#timeline .claim.conflict { fill: var(--conflict); }
#timeline .claim.agree { fill: var(--agree); }
#timeline .claim.unsupported { fill: var(--unsupported); }
#timeline .link { stroke-width: 1.5; fill: none; }
#timeline .link.conflict { stroke: var(--conflict); }
#timeline .link.agree { stroke: var(--agree); stroke-dasharray: 4 3; }
"#;

fn write_page(out: &mut String, report: &Report, options: &RenderOptions) -> fmt::Result {
    let sources = Sources::new(report, options);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="en">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8">"#)?;
    writeln!(
        out,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(
        out,
        r#"<meta name="generator" content="claimcheck {}">"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "<title>claimcheck report</title>")?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>claimcheck report</h1>")?;
    writeln!(
        out,
        r#"<p id="summary">{}</p>"#,
        xml_text(&summary_line(&report.summary))
    )?;
    write_counts(out, report)?;
    writeln!(out, "</header>")?;
    writeln!(out, "<main>")?;
    writeln!(
        out,
        r#"<section id="timeline-section" aria-labelledby="timeline-title">"#
    )?;
    writeln!(out, r#"<h2 id="timeline-title">Timeline</h2>"#)?;
    write_timeline(out, report)?;
    writeln!(
        out,
        r#"<p class="legend"><span class="swatch conflict"></span> discrepancy <span class="swatch unsupported"></span> unsupported <span class="swatch agree"></span> agreement <span class="swatch plain"></span> other dated claim — one lane per source; a bar spans the days a claim's time covers; conflicting claims without a date sit in the “no date” column.</p>"#
    )?;
    writeln!(out, "</section>")?;
    writeln!(out, r#"<section id="findings">"#)?;
    writeln!(out, "<h2>Findings</h2>")?;
    if report.findings.is_empty() {
        writeln!(out, "<p>No findings.</p>")?;
    }
    for kind in KIND_ORDER {
        for (index, finding) in report.findings.iter().enumerate() {
            if finding.kind == kind {
                write_finding(out, report, &sources, index, finding, options)?;
            }
        }
    }
    writeln!(out, "</section>")?;
    write_articles(out, report, &sources)?;
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn write_counts(out: &mut String, report: &Report) -> fmt::Result {
    const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];
    writeln!(out, r#"<table class="counts">"#)?;
    writeln!(
        out,
        "<thead><tr><th>Kind</th><th>Error</th><th>Warning</th><th>Info</th><th>Total</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for kind in KIND_ORDER {
        write!(out, r#"<tr class="{0}"><th>{0}</th>"#, kind.as_str())?;
        let of_kind: Vec<&Finding> = report.findings.iter().filter(|f| f.kind == kind).collect();
        for severity in SEVERITIES {
            let n = of_kind.iter().filter(|f| f.severity == severity).count();
            write!(out, r#"<td class="n">{n}</td>"#)?;
        }
        writeln!(out, r#"<td class="n">{}</td></tr>"#, of_kind.len())?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

fn write_finding(
    out: &mut String,
    report: &Report,
    sources: &Sources<'_>,
    index: usize,
    finding: &Finding,
    options: &RenderOptions,
) -> fmt::Result {
    let kind = finding.kind.as_str();
    let severity = finding.severity.as_str();
    writeln!(
        out,
        r#"<article class="finding {kind} {severity}" id="finding-{}" data-code="{}" data-kind="{kind}" data-severity="{severity}" data-fingerprint="{}">"#,
        index + 1,
        xml(&finding.code),
        xml(&finding.fingerprint)
    )?;
    writeln!(
        out,
        r#"<h3><span class="severity {severity}">{severity}</span> <code>{}</code> <span class="kind">{kind}</span> {}</h3>"#,
        xml_text(&finding.code),
        xml_text(&finding.message)
    )?;
    writeln!(out, r#"<div class="evidence-list">"#)?;
    for evidence in &finding.evidence {
        writeln!(
            out,
            r#"<figure class="evidence" data-article="{}">"#,
            xml(&evidence.article)
        )?;
        match sources.excerpt(evidence, options.width.max(20) * 3) {
            Some(excerpt) => writeln!(
                out,
                "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote>",
                if excerpt.elided_before { "… " } else { "" },
                xml_text(excerpt.before),
                xml_text(excerpt.marked),
                xml_text(excerpt.after),
                if excerpt.elided_after { " …" } else { "" },
            )?,
            None => writeln!(
                out,
                "<blockquote><mark>{}</mark></blockquote>",
                xml_text(&evidence.text)
            )?,
        }
        let mut caption = Vec::new();
        let article = sources.article(&evidence.article);
        caption.push(format!(
            r#"<span class="outlet">{}</span>"#,
            xml_text(
                article
                    .and_then(|a| a.meta.outlet.as_deref())
                    .unwrap_or(&evidence.article)
            )
        ));
        if let Some(location) = sources.locate(evidence) {
            caption.push(format!(
                r#"<span class="path">{}:{}:{}</span>"#,
                xml_text(&location.path),
                location.line,
                location.column
            ));
        }
        if !evidence.label.is_empty() {
            caption.push(format!(
                r#"<span class="label">{}</span>"#,
                xml_text(&evidence.label)
            ));
        }
        writeln!(out, "<figcaption>{}</figcaption>", caption.join(" · "))?;
        writeln!(out, "</figure>")?;
    }
    writeln!(out, "</div>")?;
    if let Some(rule) = report.rule(&finding.code) {
        writeln!(
            out,
            r#"<details class="rule"><summary><code>{}</code> {}: {}</summary><pre>{}</pre></details>"#,
            xml_text(&rule.code),
            xml_text(&rule.name),
            xml_text(&rule.summary),
            xml_text(rule.help_text().trim_end())
        )?;
    }
    writeln!(out, "</article>")
}

fn write_articles(out: &mut String, report: &Report, sources: &Sources<'_>) -> fmt::Result {
    writeln!(out, r#"<section id="articles">"#)?;
    writeln!(out, "<h2>Articles</h2>")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>Id</th><th>Outlet</th><th>Title</th><th>Published</th><th>File</th></tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    for article in &report.articles {
        let meta = &article.meta;
        let title = match (&meta.title, &meta.url) {
            (Some(title), Some(url)) if is_web_url(url) => format!(
                r#"<a href="{}" rel="noreferrer">{}</a>"#,
                xml(url),
                xml_text(title)
            ),
            (Some(title), _) => xml_text(title).into_owned(),
            (None, _) => String::new(),
        };
        writeln!(
            out,
            r#"<tr id="article-{}"><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>"#,
            xml(&article.id),
            xml_text(&article.id),
            xml_text(meta.outlet.as_deref().unwrap_or("")),
            title,
            meta.published.map(|p| p.to_string()).unwrap_or_default(),
            xml_text(sources.path(&article.id).unwrap_or(&article.origin)),
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

/// Only http(s) links are made clickable: a `javascript:` URL in metadata must stay text.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

// Timeline geometry, in SVG user units.
const WIDTH: f64 = 960.0;
const LABEL_WIDTH: f64 = 180.0;
const RIGHT_PAD: f64 = 24.0;
const AXIS_HEIGHT: f64 = 34.0;
const ROW_HEIGHT: f64 = 18.0;
const MARKER_HEIGHT: f64 = 12.0;
const LANE_PAD: f64 = 10.0;
const MIN_MARKER: f64 = 2.0;
/// The "no date" column at the right, for conflicting claims without an interval.
const UNDATED_WIDTH: f64 = 90.0;
const UNDATED_PAD: f64 = 10.0;

/// A claim placed on the timeline: dated on the axis, or undated in the "no date" column.
struct Marker<'r> {
    claim: &'r Claim,
    interval: Option<Interval>,
    x: f64,
    width: f64,
    y: f64,
    status: &'static str,
}

fn write_timeline(out: &mut String, report: &Report) -> fmt::Result {
    let checked: BTreeSet<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    // Claims a discrepancy cites that have no interval (a duration, an unresolved date) go
    // to a "no date" column, so that every conflict is marked on the timeline.
    let mut conflicting: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Discrepancy)
        .flat_map(|f| f.claims.iter().map(String::as_str))
        .collect();
    conflicting.sort_unstable();
    // A date claim restates a date (mostly an event claim's): it is drawn only when a
    // discrepancy cites it.
    let dated: Vec<(&Claim, Interval)> = report
        .claims
        .iter()
        .filter(|c| {
            c.event.predicate != crate::claim::DATE
                || conflicting.binary_search(&c.id.as_str()).is_ok()
        })
        .filter_map(|c| Some((c, c.time.as_ref()?.interval?)))
        .filter(|(c, _)| checked.contains(c.article.as_str()))
        .collect();
    let undated: Vec<&Claim> = report
        .claims
        .iter()
        .filter(|c| c.time.as_ref().and_then(|t| t.interval).is_none())
        .filter(|c| conflicting.binary_search(&c.id.as_str()).is_ok())
        .filter(|c| checked.contains(c.article.as_str()))
        .collect();
    let lanes = report.articles.len().max(1);
    if dated.is_empty() && undated.is_empty() {
        let height = AXIS_HEIGHT + lanes as f64 * (ROW_HEIGHT + LANE_PAD);
        writeln!(
            out,
            r#"<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Timeline of dated claims"><text x="{LABEL_WIDTH}" y="{:.1}">No dated claims.</text></svg>"#,
            AXIS_HEIGHT / 2.0
        )?;
        return Ok(());
    }
    let first = dated.iter().map(|(_, i)| i.start).min().unwrap_or_default();
    let last = dated.iter().map(|(_, i)| i.end).max().unwrap_or_default();
    let days = (last - first).num_days().max(1) as f64;
    let undated_width = if undated.is_empty() {
        0.0
    } else {
        UNDATED_WIDTH
    };
    let plot = WIDTH - LABEL_WIDTH - RIGHT_PAD - undated_width;
    let undated_x = WIDTH - undated_width + UNDATED_PAD;
    let per_row = (((undated_width - 2.0 * UNDATED_PAD) / (MARKER_HEIGHT + 4.0)) as usize).max(1);
    let x_of = |date: NaiveDate| LABEL_WIDTH + (date - first).num_days() as f64 / days * plot;

    // Status of each claim: the most pressing kind of finding that cites it.
    let mut status: BTreeMap<&str, &'static str> = BTreeMap::new();
    for kind in KIND_ORDER.iter().rev() {
        for finding in report.findings.iter().filter(|f| f.kind == *kind) {
            let name = match kind {
                FindingKind::Discrepancy => "conflict",
                FindingKind::Unsupported => "unsupported",
                FindingKind::Agreement => "agree",
            };
            for claim in &finding.claims {
                status.insert(claim, name);
            }
        }
    }

    // Lay out the lanes, stacking markers that would overlap.
    let mut markers: Vec<Marker<'_>> = Vec::new();
    let mut lane_tops = Vec::with_capacity(report.articles.len());
    let mut y = AXIS_HEIGHT;
    for article in &report.articles {
        lane_tops.push(y);
        let mut lane: Vec<(&Claim, Interval)> = dated
            .iter()
            .filter(|(c, _)| c.article == article.id)
            .copied()
            .collect();
        lane.sort_by_key(|(_, i)| i.start);
        let mut row_ends: Vec<f64> = Vec::new();
        for (claim, interval) in lane {
            let x = x_of(interval.start);
            let width = (x_of(interval.end) - x).max(MIN_MARKER);
            let row = match row_ends.iter().position(|&end| end + 1.0 < x) {
                Some(row) => row,
                None => {
                    row_ends.push(f64::MIN);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = x + width;
            markers.push(Marker {
                claim,
                interval: Some(interval),
                x,
                width,
                y: y + LANE_PAD / 2.0
                    + row as f64 * ROW_HEIGHT
                    + (ROW_HEIGHT - MARKER_HEIGHT) / 2.0,
                status: status.get(claim.id.as_str()).copied().unwrap_or("plain"),
            });
        }
        let lane_undated: Vec<&Claim> = undated
            .iter()
            .filter(|c| c.article == article.id)
            .copied()
            .collect();
        for (i, claim) in lane_undated.iter().enumerate() {
            let (row, column) = (i / per_row, i % per_row);
            markers.push(Marker {
                claim,
                interval: None,
                x: undated_x + column as f64 * (MARKER_HEIGHT + 4.0),
                width: MARKER_HEIGHT,
                y: y + LANE_PAD / 2.0
                    + row as f64 * ROW_HEIGHT
                    + (ROW_HEIGHT - MARKER_HEIGHT) / 2.0,
                status: status.get(claim.id.as_str()).copied().unwrap_or("plain"),
            });
        }
        let rows = row_ends
            .len()
            .max(lane_undated.len().div_ceil(per_row))
            .max(1);
        y += rows as f64 * ROW_HEIGHT + LANE_PAD;
    }
    let height = y + 8.0;

    writeln!(
        out,
        r#"<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.1}" role="img" aria-label="Timeline of dated claims by source">"#
    )?;
    // Axis with date ticks.
    writeln!(out, r#"<g class="axis">"#)?;
    if !undated.is_empty() {
        let x = WIDTH - undated_width;
        writeln!(
            out,
            r#"<line class="undated-sep" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{y:.1}"/><text x="{:.1}" y="14">no date</text>"#,
            AXIS_HEIGHT - 14.0,
            x + UNDATED_PAD
        )?;
    }
    let ticks = if dated.is_empty() {
        Vec::new()
    } else {
        ticks(first, last)
    };
    for (date, label) in ticks {
        let x = x_of(date);
        writeln!(
            out,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"/><text x="{x:.1}" y="14" text-anchor="middle">{label}</text>"#,
            AXIS_HEIGHT - 14.0,
            y
        )?;
    }
    writeln!(out, "</g>")?;
    // Lanes.
    writeln!(out, r#"<g class="lanes">"#)?;
    for (article, top) in report.articles.iter().zip(&lane_tops) {
        let label = article.meta.outlet.as_deref().unwrap_or(&article.id);
        writeln!(
            out,
            r#"<g class="lane" data-article="{}"><line class="lane-sep" x1="0" y1="{top:.1}" x2="{WIDTH}" y2="{top:.1}"/><text x="4" y="{:.1}">{}</text></g>"#,
            xml(&article.id),
            top + LANE_PAD / 2.0 + ROW_HEIGHT / 2.0 + 4.0,
            xml_text(&truncate(label, 24))
        )?;
    }
    writeln!(out, "</g>")?;
    let mut marker_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, marker) in markers.iter().enumerate() {
        marker_of.entry(marker.claim.id.as_str()).or_insert(i);
    }
    // Links between the claims of agreement and discrepancy findings, under the markers.
    writeln!(out, r#"<g class="links">"#)?;
    for (index, finding) in report.findings.iter().enumerate() {
        let class = match finding.kind {
            FindingKind::Discrepancy => "conflict",
            FindingKind::Agreement => "agree",
            FindingKind::Unsupported => continue,
        };
        let cited: Vec<&Marker<'_>> = finding
            .claims
            .iter()
            .filter_map(|id| marker_of.get(id.as_str()).map(|&i| &markers[i]))
            .collect();
        for pair in cited.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            writeln!(
                out,
                r#"<line class="link {class}" data-finding="finding-{}" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
                index + 1,
                a.x + a.width / 2.0,
                a.y + MARKER_HEIGHT / 2.0,
                b.x + b.width / 2.0,
                b.y + MARKER_HEIGHT / 2.0
            )?;
        }
    }
    writeln!(out, "</g>")?;
    // Markers.
    writeln!(out, r#"<g class="claims">"#)?;
    for marker in &markers {
        let claim = marker.claim;
        let article = report.article(&claim.article);
        let source = article
            .and_then(|a| a.meta.outlet.as_deref())
            .unwrap_or(&claim.article);
        let written = match (article, &claim.time) {
            (Some(article), Some(time)) => time.span.slice(&article.text).to_string(),
            _ => String::new(),
        };
        let participants = claim.participant_ids();
        let event = if participants.is_empty() {
            claim.event.predicate.clone()
        } else {
            format!("{} ({})", claim.event.predicate, participants.join(", "))
        };
        let title = match marker.interval {
            Some(interval) => format!(
                "{source}: {event} — “{written}” = {interval} ({})",
                interval.precision
            ),
            None if written.is_empty() => format!("{source}: {event} — no date"),
            None => format!("{source}: {event} — “{written}”, no date"),
        };
        writeln!(
            out,
            r#"<rect class="claim {}{}" data-claim="{}" data-article="{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{MARKER_HEIGHT}" rx="2"><title>{}</title></rect>"#,
            marker.status,
            if marker.interval.is_none() {
                " undated"
            } else {
                ""
            },
            xml(&claim.id),
            xml(&claim.article),
            marker.x,
            marker.y,
            marker.width,
            xml_text(&title)
        )?;
    }
    writeln!(out, "</g>")?;
    writeln!(out, "</svg>")
}

/// `text` cut to `max` characters with an ellipsis.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// Date ticks between `first` and `last` (exclusive), at the finest step of days, months or
/// years that gives at most ten of them, with their labels.
fn ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    const MAX: usize = 10;
    let days = (last - first).num_days();
    for step in [1, 2, 7, 14] {
        if days / step < MAX as i64 {
            let mut date = first;
            if step >= 7 {
                // Weeks start on Mondays.
                let back = date.weekday().num_days_from_monday() as i64;
                if back > 0 {
                    date += Duration::days(7 - back);
                }
            }
            let mut out = Vec::new();
            while date < last {
                out.push((date, date.format("%Y-%m-%d").to_string()));
                date += Duration::days(step);
            }
            return out;
        }
    }
    let months =
        (last.year() - first.year()) as i64 * 12 + last.month() as i64 - first.month() as i64;
    for step in [1, 2, 3, 6] {
        if months / step < MAX as i64 {
            let mut out = Vec::new();
            let (mut year, mut month) = (first.year(), first.month());
            while let Some(date) = NaiveDate::from_ymd_opt(year, month, 1) {
                if date >= last {
                    break;
                }
                let aligned = (month - 1) as i64 % step == 0;
                if date >= first && aligned {
                    out.push((date, date.format("%Y-%m").to_string()));
                }
                month += 1;
                if month > 12 {
                    month = 1;
                    year += 1;
                }
            }
            return out;
        }
    }
    let years = (last.year() - first.year()) as i64;
    let step = [1, 2, 5, 10, 20, 50, 100, 500, 1000]
        .into_iter()
        .find(|step| years / step < MAX as i64)
        .unwrap_or(1000);
    let mut out = Vec::new();
    let step = step as i32;
    let mut year = first.year().div_euclid(step) * step;
    while NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|date| date < first) {
        year += step;
    }
    while let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
        if date >= last {
            break;
        }
        out.push((date, year.to_string()));
        year += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ticks_pick_a_step_that_fits() {
        let days = ticks(date(2022, 2, 12), date(2022, 2, 20));
        assert_eq!(days.len(), 8);
        let weeks = ticks(date(2022, 2, 1), date(2022, 3, 31));
        assert!(
            weeks
                .iter()
                .all(|(d, _)| d.weekday() == chrono::Weekday::Mon)
        );
        assert!(weeks.len() <= 10);
        let months = ticks(date(2022, 1, 1), date(2022, 12, 1));
        assert_eq!(months.first().unwrap().1, "2022-01");
        let years = ticks(date(1990, 1, 1), date(2022, 3, 1));
        assert!(years.len() <= 10, "{years:?}");
        assert_eq!(years.first().unwrap().1, "1990");
    }

    #[test]
    fn web_urls_only() {
        assert!(is_web_url("https://example.com/a"));
        assert!(!is_web_url("javascript:alert(1)"));
    }
}
