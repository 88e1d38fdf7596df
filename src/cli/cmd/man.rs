//! `claimcheck man [SUBCOMMAND]`: the man page (roff) generated from the clap definition, the
//! same one `--help` prints, so the two cannot disagree.

use clap::CommandFactory;

use crate::cli::args::Cli;
use crate::cli::{Status, error, print};

pub(crate) fn run(subcommand: Option<&str>) -> Status {
    let mut command = Cli::command();
    command.build();
    let page = match subcommand {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            // Once built, a subcommand's display name is `claimcheck-NAME`, the page title
            // man(1) expects; the version is the tool's, for the page footer.
            Some(sub) => sub.clone().version(env!("CARGO_PKG_VERSION")),
            None => {
                let known: Vec<&str> = command
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                error(format!(
                    "man: unknown subcommand {name:?}; expected one of {}",
                    known.join(", ")
                ));
                return Status::Error;
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => {
            print(&String::from_utf8_lossy(&out));
            Status::Clean
        }
        Err(e) => {
            error(format!("man: {e}"));
            Status::Error
        }
    }
}
