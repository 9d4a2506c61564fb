//! The one error type of xtask: a message for the user plus the exit code to leave with.

use std::fmt;

/// Exit code for "you asked for something we can't do": bad arguments, or a missing
/// system package that needs root to install.
pub const EXIT_USAGE: u8 = 2;

/// Why a subcommand stopped, worded for the person at the terminal.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub exit_code: u8,
}

impl Failure {
    /// A step failed; exit code 1.
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            exit_code: 1,
        }
    }

    /// The user has to act (fix the arguments, install something as root); exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            exit_code: EXIT_USAGE,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;
