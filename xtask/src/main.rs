//! `cargo xtask`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! To add a subcommand, write a module with `USAGE`, `ABOUT` and
//! `run(&[String]) -> Result`, and list it in [`SUBCOMMANDS`].

mod args;
mod bench_command;
mod browser;
mod browser_tests;
mod checks;
mod cmd;
mod demo_build;
mod demo_check;
mod demo_command;
mod example_command;
mod failure;
mod interrupt;
mod server;
mod server_command;
mod setup;
mod site;
mod test_command;

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
        usage: test_command::USAGE,
        about: test_command::ABOUT,
        run: test_command::run,
    },
    Subcommand {
        usage: demo_command::USAGE,
        about: demo_command::ABOUT,
        run: demo_command::run,
    },
    Subcommand {
        usage: example_command::USAGE,
        about: example_command::ABOUT,
        run: example_command::run,
    },
    Subcommand {
        usage: bench_command::USAGE,
        about: bench_command::ABOUT,
        run: bench_command::run,
    },
    Subcommand {
        usage: server_command::USAGE,
        about: server_command::ABOUT,
        run: server_command::run,
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
    let mut text = String::from("Tasks for browser-websocket.\n\nUsage: cargo xtask <subcommand> [options]\n\nSubcommands:\n");
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
