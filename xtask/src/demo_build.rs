//! Building the demo page into `target/demo/`: the `demo` crate (`www/`) for wasm32 in
//! release, its JavaScript bindings, and `www/`'s static files.
//!
//! Shared by `cargo xtask demo`, which serves the result, and `cargo xtask test`, which
//! checks it in Chromium.

use crate::cmd::workspace_root;
use crate::failure::Result;
use crate::site;
use std::path::PathBuf;

/// The demo crate's package name (its directory is `www/`).
const DEMO_PACKAGE: &str = "demo";

/// Builds the site and returns its directory, `target/demo/`.
pub fn build() -> Result<PathBuf> {
    site::build(DEMO_PACKAGE, &workspace_root().join("www"), "demo")
}
