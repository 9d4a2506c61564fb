//! The checks that need no browser: formatting, clippy (native and wasm32), native tests.

use crate::cmd::{self, announce, cargo};
use crate::failure::Result;
use crate::setup::WASM32;

/// The library's optional features, on in every check so that their code is linted and
/// tested too.
pub const LIBRARY_FEATURES: &str = "serde,io";

/// The same, named from the workspace root.
const WORKSPACE_FEATURES: &str = "browser-websocket/serde,browser-websocket/io";

/// A named check, so the final summary can say which one failed.
pub struct Check {
    pub name: &'static str,
    pub run: fn() -> Result,
}

/// Formatting and clippy, in the order a contributor would fix them.
pub const LINTS: [Check; 3] = [
    Check {
        name: "fmt",
        run: fmt,
    },
    Check {
        name: "clippy (native)",
        run: clippy_native,
    },
    Check {
        name: "clippy (wasm32)",
        run: clippy_wasm32,
    },
];

pub const NATIVE_TESTS: Check = Check {
    name: "native tests",
    run: native_tests,
};

fn fmt() -> Result {
    announce("fmt");
    cmd::run(cargo().args(["fmt", "--all", "--check"]))
}

fn clippy_native() -> Result {
    announce("clippy (native)");
    cmd::run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        WORKSPACE_FEATURES,
        "--",
        "-D",
        "warnings",
    ]))
}

/// The library and the demo page are wasm code: their browser-only paths are only
/// linted for wasm32, with the library's features on and, to catch feature-gating
/// mistakes, off.
fn clippy_wasm32() -> Result {
    announce("clippy (wasm32)");
    cmd::run(cargo().args([
        "clippy",
        "-p",
        "browser-websocket",
        "--target",
        WASM32,
        "--",
        "-D",
        "warnings",
    ]))?;
    cmd::run(cargo().args([
        "clippy",
        "-p",
        "browser-websocket",
        "-p",
        "demo",
        "--all-targets",
        "--features",
        WORKSPACE_FEATURES,
        "--target",
        WASM32,
        "--",
        "-D",
        "warnings",
    ]))
}

/// Unit tests, xtask's own tests and the (no_run) doc tests; the browser tests are
/// `cfg(target_arch = "wasm32")` and compile to nothing here.
fn native_tests() -> Result {
    announce("native tests");
    cmd::run(cargo().args(["test", "--workspace", "--features", WORKSPACE_FEATURES]))
}
