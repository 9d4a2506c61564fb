//! The pinned `wasm-bindgen-cli`: its bindings generator and its test runner.

use super::parse_tool_version;
use crate::cmd::{self, announce, cargo, command, find_in_path, probe};
use crate::failure::{Failure, Result};
use std::path::PathBuf;

/// Must equal the wasm-bindgen version in Cargo.lock (the apps of the workspace pin it with
/// `wasm-bindgen = "=…"`): the test runner refuses wasm built by a different wasm-bindgen
/// (checked by a test below).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The binaries of `wasm-bindgen-cli` that xtask runs: the test runner (browser tests)
/// and the bindings generator (`cargo xtask demo`). One install brings both.
const WASM_BINDGEN_TOOLS: [&str; 2] = ["wasm-bindgen-test-runner", "wasm-bindgen"];

pub fn ensure_wasm_bindgen_cli() -> Result {
    // No short-circuit: every tool's state is printed.
    let pinned: Vec<bool> = WASM_BINDGEN_TOOLS
        .iter()
        .map(|tool| tool_is_pinned(tool))
        .collect();
    if pinned.iter().all(|&ok| ok) {
        return Ok(());
    }
    announce(&format!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes a few minutes)"
    ));
    // No --locked: wasm-bindgen-cli's published lockfile does not build.
    cmd::run(cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
        "--force",
    ]))?;
    // Catches an install that landed somewhere cargo runs no tool from.
    for tool in WASM_BINDGEN_TOOLS {
        match find_tool(tool) {
            (Some(_), Some(version)) if version == WASM_BINDGEN_VERSION => {}
            (path, version) => {
                return Err(Failure::new(format!(
                    "after `cargo install wasm-bindgen-cli`, the {tool} cargo would run is \
                     {} at {}, not {WASM_BINDGEN_VERSION} (is CARGO_INSTALL_ROOT set?)",
                    version.as_deref().unwrap_or("unknown version"),
                    path.map_or_else(|| "nowhere on PATH".to_owned(), |p| p.display().to_string()),
                )))
            }
        }
    }
    Ok(())
}

/// Whether `tool` is on PATH at the pinned version; says what it found either way.
fn tool_is_pinned(tool: &str) -> bool {
    match find_tool(tool) {
        (Some(path), Some(version)) if version == WASM_BINDGEN_VERSION => {
            println!("    {tool} {version}: {}", path.display());
            true
        }
        (Some(path), Some(other)) => {
            println!(
                "    {tool} {other} at {} is not the pinned {WASM_BINDGEN_VERSION}",
                path.display()
            );
            false
        }
        (Some(path), None) => {
            println!("    {tool} at {} does not report a version", path.display());
            false
        }
        (None, _) => {
            println!("    {tool}: not found");
            false
        }
    }
}

/// The copy of `tool` a child process would run, and the version it reports.
fn find_tool(tool: &str) -> (Option<PathBuf>, Option<String>) {
    let path = find_in_path(tool);
    let version = path
        .as_ref()
        .and_then(|path| probe(command(path).arg("--version")))
        .and_then(|out| parse_tool_version(&out).map(str::to_owned));
    (path, version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The version of the `wasm-bindgen` package in a Cargo.lock, if it holds one.
    pub fn locked_wasm_bindgen(cargo_lock: &str) -> Option<&str> {
        let mut lines = cargo_lock.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "name = \"wasm-bindgen\"" {
                let version = lines.next()?.trim().strip_prefix("version = \"")?;
                return version.strip_suffix('"');
            }
        }
        None
    }

    #[test]
    fn the_locked_version_is_the_wasm_bindgen_packages_not_its_siblings() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n";
        assert_eq!(locked_wasm_bindgen(lock), Some("0.2.99"));
        assert_eq!(
            locked_wasm_bindgen("[[package]]\nname = \"js-sys\"\n"),
            None
        );
    }

    #[test]
    fn runner_version_matches_the_locked_wasm_bindgen() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
        let lock = std::fs::read_to_string(&path).expect("Cargo.lock is readable");
        assert_eq!(
            locked_wasm_bindgen(&lock),
            Some(WASM_BINDGEN_VERSION),
            "Cargo.lock must hold wasm-bindgen {WASM_BINDGEN_VERSION}, \
             the version `cargo xtask test` installs the test runner at"
        );
    }
}
