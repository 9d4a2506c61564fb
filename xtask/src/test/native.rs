//! The native tests: unit tests of every crate (the library's pure logic, xtask,
//! test-server, the demo's and the examples' logic, demo-check's parsers) and the
//! library's doc tests. The browser tests are `cfg(target_arch = "wasm32")` and compile
//! to nothing here.

use super::lints::WORKSPACE_FEATURES;
use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::failure::Result;

pub const NATIVE_TESTS: Check = Check {
    name: "native tests",
    run: native_tests,
};

fn native_tests() -> Result {
    announce("native tests");
    cmd::run(cargo().args(["test", "--workspace", "--features", WORKSPACE_FEATURES]))
}
