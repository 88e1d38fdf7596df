//! The `claimcheck` binary: parse arguments, run the command, exit with its code.

mod cli;

use std::process::ExitCode;

/// Extraction allocates many short strings (a token's lower case, a descriptor's words);
/// mimalloc serves them at a fraction of the system allocator's cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
