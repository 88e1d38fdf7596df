//! `claimcheck check`: cross-check articles and print the findings.

use claimcheck::pipeline::check::Checker;
use claimcheck::report::{self, RenderOptions};

use crate::cli::args::CheckArgs;
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
    let options = RenderOptions {
        color: args.color.enabled(),
        fail_on: args.fail_on.threshold(),
        ..RenderOptions::default()
    };
    print(&report::render(
        args.format.report_format(),
        &report,
        &options,
    ));
    let failed = report.findings.iter().any(|f| options.fails(f));
    if input_failed {
        Status::Error
    } else if failed {
        Status::Failed
    } else {
        Status::Clean
    }
}
