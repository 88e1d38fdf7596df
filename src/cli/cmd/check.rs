//! `claimcheck check`: cross-check articles and print the findings.

use claimcheck::pipeline::check::Checker;
use claimcheck::report::Severity;

use crate::cli::args::{CheckArgs, CheckFormat};
use crate::cli::{Status, error, load_articles, print, rule_files};

pub(crate) fn run(args: &CheckArgs) -> Status {
    let checker = match rule_files(&args.input.rules).and_then(|files| Checker::new(&files)) {
        Ok(checker) => checker,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let (articles, input_failed) = load_articles(&args.input);
    let (report, _) = checker.check(articles);
    let rendered = match args.format {
        CheckFormat::Text => render_text(&report),
        CheckFormat::Json => {
            let value = serde_json::json!({
                "version": 1,
                "articles": report.articles,
                "claims": report.claims,
                "findings": report.findings,
                "summary": report.summary,
            });
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
    };
    print(&rendered);
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|level| report.findings.iter().any(|f| f.severity >= level));
    if input_failed {
        Status::Error
    } else if failed {
        Status::Failed
    } else {
        Status::Clean
    }
}

fn render_text(report: &claimcheck::report::Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        out.push_str(&format!(
            "{severity}[{}] {}: {}\n",
            f.code,
            f.kind.as_str(),
            f.message
        ));
        for e in &f.evidence {
            out.push_str(&format!(
                "  --> {}:{}..{} {:?} ({})\n",
                e.article, e.start, e.end, e.text, e.label
            ));
        }
    }
    out.push_str(&format!("{:?}\n", report.summary));
    out
}
