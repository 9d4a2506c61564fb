//! The checks that read code without running it: formatting, the library's import rule
//! (`layers/`), clippy for each target with every feature on, and the library linted with
//! its features off.

use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::example::Example;
use crate::failure::Result;
use crate::setup::WASM32;

/// The library's optional features, on in every check so that their code is linted and
/// tested too.
pub const LIBRARY_FEATURES: &str = "serde,io,stream,rpc";

/// The same, named from the workspace root.
pub const WORKSPACE_FEATURES: &str =
    "browser-websocket/serde,browser-websocket/io,browser-websocket/stream";

/// The wasm apps of the workspace, linted for wasm32 with the library: their browser
/// paths compile to nothing natively.
const WASM_APPS: [&str; 2] = ["demo", "first-app"];

/// The framework crates' browser features, linted for wasm32 with the examples (Yew's
/// `hydration` includes `csr`; Leptos's `hydrate` is a build of its own, in
/// `frameworks.rs`; Dioxus's `web`, with `rpc`).
const FRAMEWORK_FEATURES: &str = "browser-websocket-yew/hydration,browser-websocket-leptos/csr,\
browser-websocket-dioxus/web,browser-websocket-dioxus/rpc";

/// Formatting, clippy and the feature check, in the order a contributor would fix them.
pub const LINTS: [Check; 5] = [
    Check {
        name: "fmt",
        run: fmt,
    },
    Check {
        name: "imports (one way, no cycles)",
        run: crate::layers::check,
    },
    Check {
        name: "clippy (native)",
        run: clippy_native,
    },
    Check {
        name: "clippy (wasm32)",
        run: clippy_wasm32,
    },
    Check {
        name: "library without features (wasm32)",
        run: library_without_features,
    },
];

fn fmt() -> Result {
    announce("fmt");
    cmd::run(cargo().args(["fmt", "--all", "--check"]))
}

/// Every crate and target of the workspace, once, with the library's features on.
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

/// The library (with its browser tests), the demo page and the examples are wasm code:
/// their browser-only paths are only linted for wasm32. One pass, all features on.
fn clippy_wasm32() -> Result {
    announce("clippy (wasm32)");
    let mut clippy = cargo();
    clippy.args(["clippy", "-p", "browser-websocket"]);
    for app in WASM_APPS {
        clippy.args(["-p", app]);
    }
    for example in Example::ALL {
        clippy.args(["-p", example.package()]);
    }
    for krate in super::frameworks::CRATES {
        clippy.args(["-p", krate]);
    }
    cmd::run(clippy.args([
        "--all-targets",
        "--features",
        &format!("{WORKSPACE_FEATURES},{FRAMEWORK_FEATURES}"),
        "--target",
        WASM32,
        "--",
        "-D",
        "warnings",
    ]))
}

/// Catches feature-gating mistakes (code that only builds, or only lints clean, because a
/// feature is on): the library alone, for wasm32, no features, warnings denied. Only this
/// crate is linted again; its dependencies are shared with the other wasm32 checks.
fn library_without_features() -> Result {
    announce("library without features (wasm32)");
    cmd::run(cargo().args([
        "clippy",
        "-p",
        "browser-websocket",
        "--target",
        WASM32,
        "--",
        "-D",
        "warnings",
    ]))
}
