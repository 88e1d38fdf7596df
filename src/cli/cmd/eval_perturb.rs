//! `claimcheck eval perturb`: cross-source recall, look-alike confusion and untouched
//! discrepancies on a clustered news corpus (see `docs/engine.md`). With `--gold`, a bad
//! annotation line is reported on one line naming the file and line, the other lines are still
//! used, and the exit code is then 2.

use claimcheck::eval::coref::GoldLinks;
use claimcheck::eval::perturb::{self, Corpus, Options};
use claimcheck::pipeline::check::Checker;
use claimcheck::pipeline::parallel;

use crate::cli::args::EvalPerturbArgs;
use crate::cli::{Status, error, note, print, rule_files};

pub(crate) fn run(args: &EvalPerturbArgs) -> Status {
    let files = match rule_files(&args.rules) {
        Ok(files) => files,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let checker = match Checker::new(&files) {
        Ok(mut checker) => {
            checker.threads = parallel::threads(args.threads);
            checker
        }
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let mut corpus = match Corpus::read(&args.corpus) {
        Ok(corpus) => corpus,
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    let mut status = Status::Clean;
    if let Some(path) = &args.gold {
        match GoldLinks::read(path, &corpus) {
            Ok(read) => {
                if !read.errors.is_empty() {
                    read.errors.iter().for_each(error);
                    status = Status::Error;
                }
                if read.links.unknown_articles > 0 {
                    note(format!(
                        "{}: {} annotated articles are not in {}; left out",
                        path.display(),
                        read.links.unknown_articles,
                        args.corpus.display()
                    ));
                }
                corpus.gold = Some(read.links);
            }
            Err(e) => {
                error(e);
                return Status::Error;
            }
        }
    }
    let options = Options {
        seed: args.seed,
        sample: (args.sample > 0).then_some(args.sample),
        misses: args.misses,
        confusion: args.confusion,
        show: args.untouched,
    };
    let report = perturb::evaluate(&corpus, &checker, &options);
    print(&report.render());
    status
}
