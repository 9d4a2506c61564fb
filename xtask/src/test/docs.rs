//! The library's API docs, built as docs.rs would for a wasm app (wasm32, every feature),
//! with rustdoc's warnings (broken intra-doc links among them) denied.

use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::failure::Result;
use crate::setup::WASM32;

pub const DOCS: Check = Check {
    name: "docs (wasm32, all features)",
    run: docs,
};

fn docs() -> Result {
    announce("docs (wasm32, all features)");
    cmd::run(
        cargo()
            .args(["doc", "--no-deps", "-p", "browser-websocket"])
            .args(["--target", WASM32, "--all-features"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )
}
