//! `claimcheck completions SHELL`: a completion script generated from the clap definition, so
//! it never drifts from the flags.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::args::Cli;
use crate::cli::{Status, print};

pub(crate) fn run(shell: Shell) -> Status {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "claimcheck", &mut out);
    print(&String::from_utf8_lossy(&out));
    Status::Clean
}
