//! `claimcheck eval timex GOLD...`: TempEval-3 figures of the time tagger on TIMEX3 gold files.
//!
//! The scoring lives in the library (`claimcheck::eval::timex`) so that tests and benches use
//! the same code; this command only prints it. A bad gold line is reported on one line naming
//! the file and line, the other lines are still scored, and the exit code is then 2.

use claimcheck::eval::timex::{Evaluation, evaluate};

use crate::cli::args::{EvalFormat, EvalTimexArgs};
use crate::cli::{Status, error, print};

pub(crate) fn run(args: &EvalTimexArgs) -> Status {
    let Evaluation { report, errors } = evaluate(&args.gold);
    for e in &errors {
        error(e);
    }
    let out = match args.format {
        EvalFormat::Text => report.render(args.errors),
        EvalFormat::Json => {
            serde_json::to_string_pretty(&report.to_json(args.errors)).unwrap_or_default() + "\n"
        }
    };
    print(&out);
    if errors.is_empty() {
        Status::Clean
    } else {
        Status::Error
    }
}
