//! The parts of the Rust toolchain that rustup adds: the wasm32 target, rustfmt and clippy.

use super::WASM32;
use crate::cmd::{self, announce, cargo, command, probe};
use crate::failure::{Failure, Result};

pub fn ensure_wasm32_target() -> Result {
    let installed = probe(command("rustup").args(["target", "list", "--installed"]))
        .ok_or_else(|| {
            Failure::new("`rustup target list --installed` failed: xtask needs rustup to add the wasm32 target")
        })?;
    if installed.lines().any(|line| line.trim() == WASM32) {
        println!("    {WASM32} target: installed");
        return Ok(());
    }
    announce("installing wasm32 target");
    cmd::run(command("rustup").args(["target", "add", WASM32]))
}

pub fn ensure_rustfmt_and_clippy() -> Result {
    let fmt = probe(cargo().args(["fmt", "--version"]));
    let clippy = probe(cargo().args(["clippy", "--version"]));
    if fmt.is_some() && clippy.is_some() {
        println!("    rustfmt and clippy: installed");
        return Ok(());
    }
    announce("installing rustfmt and clippy");
    cmd::run(command("rustup").args(["component", "add", "rustfmt", "clippy"]))
}
