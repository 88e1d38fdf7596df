//! The `markdown` format: a pull-request comment or a note for an editor (GitHub-flavoured
//! Markdown).
//!
//! Layout:
//!
//! 1. a title (`## claimcheck report`) and one sentence of counts;
//! 2. a summary table: one row per finding kind, columns error / warning / info / total, and a
//!    total row;
//! 3. the findings grouped by **story** (`### Story N: <event>`), each finding as a line
//!    `**severity** · `CODE` · kind — message` followed by its evidence as block quotes — the
//!    sentence holding the span, the span in bold — and a line linking the source as
//!    `[path:line](path#Lline)` (prefixed with `RenderOptions::link_base` when given, so a
//!    pull-request comment can link to the file at the commit) with the outlet and the
//!    evidence label;
//! 4. a `Rules` section with each used rule's documentation in a collapsed `<details>` block.
//!
//! Stories: two findings belong to the same story when they share a claim id, directly or
//! through other findings (the connected components of the finding–claim graph). A story is
//! titled by the event of the first claim of its first finding (`predicate (participants)`).
//! Stories that hold a discrepancy come first, then those with an unsupported claim, then the
//! rest, each in order of first appearance; inside a story findings go discrepancies,
//! unsupported, agreements, keeping the report order within a kind. Findings that cite no
//! claim each form their own story titled by their code.
//!
//! Severity markers are plain bold words (`**error**`), no emoji. Paths are relative to the
//! root option, so the links work from the repository root. Article text is escaped so it
//! cannot inject markup, and `@` is broken with a zero-width space so it cannot mention users.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use super::escape::{markdown as md, uri_path};
use super::source::Sources;
use super::{Evidence, Finding, FindingKind, KIND_ORDER, RenderOptions, Report, Severity};
use crate::claim::Claim;

/// Renders `report` as a Markdown document.
pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_report(&mut out, report, options);
    out
}

fn write_report(out: &mut String, report: &Report, options: &RenderOptions) -> fmt::Result {
    let sources = Sources::new(report, options);
    let summary = &report.summary;
    writeln!(out, "## claimcheck report")?;
    writeln!(out)?;
    writeln!(
        out,
        "**{} {}, {} unsupported {}, {} {}** in {} {} ({} {}).",
        summary.discrepancies,
        plural(summary.discrepancies, "discrepancy", "discrepancies"),
        summary.unsupported,
        plural(summary.unsupported, "claim", "claims"),
        summary.agreements,
        plural(summary.agreements, "agreement", "agreements"),
        summary.articles,
        plural(summary.articles, "article", "articles"),
        summary.claims,
        plural(summary.claims, "claim", "claims"),
    )?;
    if summary.suppressed > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} known {} suppressed by the baseline.",
            summary.suppressed,
            plural(summary.suppressed, "finding", "findings")
        )?;
    }
    writeln!(out)?;
    write_table(out, report)?;

    if report.findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "No findings.")?;
        return Ok(());
    }
    let claims: BTreeMap<&str, &Claim> = report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for (n, story) in stories(report).iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "### Story {}: {}", n + 1, story_title(&claims, story))?;
        for finding in story {
            writeln!(out)?;
            write_finding(out, &sources, finding, options)?;
        }
    }
    write_rules(out, report)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The counts of findings by kind and severity.
fn write_table(out: &mut String, report: &Report) -> fmt::Result {
    const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];
    writeln!(out, "| Kind | Error | Warning | Info | Total |")?;
    writeln!(out, "| --- | ---: | ---: | ---: | ---: |")?;
    let count = |kind: Option<FindingKind>, severity: Option<Severity>| {
        report
            .findings
            .iter()
            .filter(|f| kind.is_none_or(|k| f.kind == k))
            .filter(|f| severity.is_none_or(|s| f.severity == s))
            .count()
    };
    for kind in KIND_ORDER {
        let title = match kind {
            FindingKind::Discrepancy => "Discrepancy",
            FindingKind::Unsupported => "Unsupported",
            FindingKind::Agreement => "Agreement",
        };
        write!(out, "| {title} |")?;
        for severity in SEVERITIES {
            write!(out, " {} |", count(Some(kind), Some(severity)))?;
        }
        writeln!(out, " {} |", count(Some(kind), None))?;
    }
    write!(out, "| **Total** |")?;
    for severity in SEVERITIES {
        write!(out, " {} |", count(None, Some(severity)))?;
    }
    writeln!(out, " {} |", count(None, None))
}

/// The findings grouped into stories (connected by shared claims), in presentation order.
fn stories(report: &Report) -> Vec<Vec<&Finding>> {
    let findings = &report.findings;
    // Union-find over finding indices; findings sharing a claim id are joined.
    let mut parent: Vec<usize> = (0..findings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with_claim: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, finding) in findings.iter().enumerate() {
        for claim in &finding.claims {
            match first_with_claim.get(claim.as_str()) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    // Keep the smaller index as the root, so roots are first appearances.
                    let (low, high) = (a.min(b), a.max(b));
                    parent[high] = low;
                }
                None => {
                    first_with_claim.insert(claim, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for (i, finding) in findings.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(finding);
    }
    let mut stories: Vec<(usize, usize, Vec<&Finding>)> = groups
        .into_iter()
        .map(|(first, mut story)| {
            story.sort_by_key(|f| rank(f.kind));
            let best = story.iter().map(|f| rank(f.kind)).min().unwrap_or(0);
            (best, first, story)
        })
        .collect();
    stories.sort_by_key(|(best, first, _)| (*best, *first));
    stories.into_iter().map(|(_, _, story)| story).collect()
}

fn rank(kind: FindingKind) -> usize {
    KIND_ORDER.iter().position(|&k| k == kind).unwrap_or(0)
}

/// `predicate (participant, participant)` of the story's first claim, escaped.
fn story_title(claims: &BTreeMap<&str, &Claim>, story: &[&Finding]) -> String {
    let claim = story
        .iter()
        .flat_map(|f| f.claims.iter())
        .find_map(|id| claims.get(id.as_str()));
    match claim {
        Some(claim) => {
            let participants = claim.participant_ids();
            if participants.is_empty() {
                md(&claim.event.predicate)
            } else {
                md(&format!(
                    "{} ({})",
                    claim.event.predicate,
                    participants.join(", ")
                ))
            }
        }
        None => story.first().map_or_else(String::new, |f| md(&f.code)),
    }
}

fn write_finding(
    out: &mut String,
    sources: &Sources<'_>,
    finding: &Finding,
    options: &RenderOptions,
) -> fmt::Result {
    writeln!(
        out,
        "**{}** · `{}` · {} — {}",
        finding.severity.as_str(),
        finding.code.replace('`', ""),
        finding.kind.as_str(),
        md(&finding.message)
    )?;
    for evidence in &finding.evidence {
        writeln!(out)?;
        write_evidence(out, sources, evidence, options)?;
    }
    Ok(())
}

fn write_evidence(
    out: &mut String,
    sources: &Sources<'_>,
    evidence: &Evidence,
    options: &RenderOptions,
) -> fmt::Result {
    match sources.excerpt(evidence, options.width.max(20) * 2) {
        Some(excerpt) => {
            let marked = excerpt.marked.trim();
            writeln!(
                out,
                "> {}{}{}{}{}",
                if excerpt.elided_before { "… " } else { "" },
                md(excerpt.before),
                if marked.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", md(marked))
                },
                md(excerpt.after),
                if excerpt.elided_after { " …" } else { "" },
            )?;
        }
        None => writeln!(out, "> **{}**", md(evidence.text.trim()))?,
    }
    writeln!(out, ">")?;
    let mut source = match sources.locate(evidence) {
        Some(location) if !location.path.starts_with('<') => format!(
            "[{}:{}]({}{}#L{})",
            md(&location.path),
            location.line,
            options.link_base.as_deref().unwrap_or(""),
            uri_path(&location.path),
            location.line
        ),
        Some(location) => format!("{}:{}", md(&location.path), location.line),
        None => md(&evidence.article),
    };
    if let Some(outlet) = sources
        .article(&evidence.article)
        .and_then(|a| a.meta.outlet.as_deref())
    {
        source.push_str(&format!(" ({})", md(outlet)));
    }
    if !evidence.label.is_empty() {
        source.push_str(&format!(": {}", md(&evidence.label)));
    }
    writeln!(out, "> — {source}")
}

/// Each used rule's documentation, collapsed.
fn write_rules(out: &mut String, report: &Report) -> fmt::Result {
    let used: Vec<_> = report
        .rules
        .iter()
        .filter(|rule| report.findings.iter().any(|f| f.code == rule.code))
        .collect();
    if used.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### Rules")?;
    for rule in used {
        writeln!(out)?;
        writeln!(
            out,
            "<details><summary><code>{}</code> {}: {}</summary>",
            super::escape::xml(&rule.code),
            super::escape::xml(&rule.name),
            super::escape::xml(&rule.summary)
        )?;
        for (heading, body) in rule.sections() {
            writeln!(out)?;
            writeln!(out, "**{heading}**")?;
            writeln!(out)?;
            writeln!(out, "{}", body.trim_end())?;
        }
        writeln!(out)?;
        writeln!(out, "</details>")?;
    }
    Ok(())
}
