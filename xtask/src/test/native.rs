//! The native tests: unit tests of every crate (the library's pure logic, xtask,
//! test-server, the demo's and the examples' logic, demo-check's parsers), the command
//! lines of test-server and demo-check, and the library's doc tests. The browser tests are `cfg(target_arch = "wasm32")` and compile
//! to nothing here.

use super::lints::WORKSPACE_FEATURES;
use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::failure::Result;
use std::process::Command;

pub const NATIVE_TESTS: Check = Check {
    name: "native tests",
    run: native_tests,
};

fn native_tests() -> Result {
    announce("native tests");
    cmd::run(&mut workspace_tests())
}

/// `cargo test` for the whole workspace with the library's features on.
pub fn workspace_tests() -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "--workspace", "--features", WORKSPACE_FEATURES]);
    cmd
}
