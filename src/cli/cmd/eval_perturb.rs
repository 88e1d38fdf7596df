//! `claimcheck eval perturb`: cross-source recall, look-alike confusion and untouched
//! discrepancies on a clustered news corpus (see `docs/engine.md`).

use claimcheck::eval::perturb::{self, Corpus, Options};
use claimcheck::pipeline::check::Checker;

use crate::cli::args::EvalPerturbArgs;
use crate::cli::{Status, error, print, rule_files};

pub(crate) fn run(args: &EvalPerturbArgs) -> Status {
    let files = match rule_files(&args.rules) {
        Ok(files) => files,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let checker = match Checker::new(&files) {
        Ok(checker) => checker,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let corpus = match Corpus::read(&args.corpus) {
        Ok(corpus) => corpus,
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    let options = Options {
        seed: args.seed,
        sample: (args.sample > 0).then_some(args.sample),
        misses: args.misses,
        confusion: args.confusion,
        show: args.untouched,
    };
    let report = perturb::evaluate(&corpus, &checker, &options);
    print(&report.render());
    Status::Clean
}
