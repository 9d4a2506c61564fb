//! `cargo xtask`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! Each subcommand is a folder whose `mod.rs` has `USAGE`, `ABOUT` and
//! `run(&[String]) -> Result`, listed in [`SUBCOMMANDS`]:
//!
//! | folder | subcommand |
//! |---|---|
//! | `test/` | `cargo xtask test`: every check, and the summary |
//! | `demo/` | `cargo xtask demo`, and the demo step of `test` |
//! | `example/` | `cargo xtask example`, and the examples step of `test` |
//! | `bench/` | `cargo xtask bench` |
//! | `server/` | `cargo xtask server`, and the test server the others start |
//! | `layers/` | `cargo xtask imports`, and the import step of `test` |
//!
//! Beside them: `setup/` (installing what is missing), `site.rs` (building a wasm page),
//! `test_runner.rs` (settings for `wasm-bindgen-test-runner`), `browser.rs`, `args.rs`,
//! `cmd.rs` (running children), `failure.rs` and `interrupt.rs` (Ctrl-C).

mod args;
mod bench;
mod browser;
mod browser_tmp;
mod cmd;
mod demo;
mod example;
mod failure;
mod interrupt;
mod layers;
mod output;
mod server;
mod setup;
mod site;
mod test;
mod test_runner;

use failure::{Result, EXIT_USAGE};
use std::process::ExitCode;

struct Subcommand {
    /// The name followed by its options, as shown in the usage text.
    usage: &'static str,
    about: &'static str,
    run: fn(&[String]) -> Result,
}

impl Subcommand {
    fn name(&self) -> &'static str {
        self.usage.split_whitespace().next().unwrap_or(self.usage)
    }
}

const SUBCOMMANDS: &[Subcommand] = &[
    Subcommand {
        usage: test::USAGE,
        about: test::ABOUT,
        run: test::run,
    },
    Subcommand {
        usage: demo::USAGE,
        about: demo::ABOUT,
        run: demo::run,
    },
    Subcommand {
        usage: example::USAGE,
        about: example::ABOUT,
        run: example::run,
    },
    Subcommand {
        usage: bench::USAGE,
        about: bench::ABOUT,
        run: bench::run,
    },
    Subcommand {
        usage: layers::USAGE,
        about: layers::ABOUT,
        run: layers::run,
    },
    Subcommand {
        usage: server::USAGE,
        about: server::ABOUT,
        run: server::run,
    },
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first().map(String::as_str) else {
        print!("{}", usage());
        return ExitCode::SUCCESS;
    };
    if matches!(name, "help" | "--help" | "-h") {
        print!("{}", usage());
        return ExitCode::SUCCESS;
    }
    let Some(subcommand) = SUBCOMMANDS.iter().find(|sub| sub.name() == name) else {
        eprintln!("error: unknown subcommand `{name}`\n");
        eprint!("{}", usage());
        return ExitCode::from(EXIT_USAGE);
    };
    match (subcommand.run)(&args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::from(failure.exit_code)
        }
    }
}

fn usage() -> String {
    let mut text = String::from(
        "Tasks for browser-websocket.\n\nUsage: cargo xtask <subcommand> [options]\n\nSubcommands:\n",
    );
    for sub in SUBCOMMANDS {
        text.push_str(&format!("  {}\n      {}\n", sub.usage, sub.about));
    }
    text.push_str("  help\n      print this text\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_lists_every_subcommand() {
        let text = usage();
        for sub in SUBCOMMANDS {
            assert!(
                text.contains(sub.usage),
                "usage is missing `{}`",
                sub.name()
            );
        }
    }

    #[test]
    fn subcommand_names_are_unique() {
        let mut names: Vec<_> = SUBCOMMANDS.iter().map(Subcommand::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SUBCOMMANDS.len());
    }
}
