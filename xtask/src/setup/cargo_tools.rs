//! Tools that come from crates.io with `cargo install`: geckodriver (Firefox's WebDriver),
//! wasm-pack (`cargo xtask test` runs `wasm-pack test` once, as the README shows) and
//! Trunk (it builds one example as Yew and Leptos users build their apps).

use super::parse_tool_version;
use crate::cmd::{self, announce, cargo, command, find_in_path, probe};
use crate::failure::{Failure, Result};
use std::path::PathBuf;

/// The wasm-pack `cargo xtask test` installs when none is on PATH; any installed version
/// is used as it is.
const WASM_PACK_VERSION: &str = "0.15.1";

/// The Trunk `cargo xtask test` installs when none is on PATH: 0.22 needs rustc 1.96.1,
/// newer than this toolchain; 0.21 builds the examples offline with the `wasm-bindgen`
/// on PATH.
const TRUNK_VERSION: &str = "0.21.14";

/// A crate whose binary `cargo install --locked` brings.
struct CargoTool {
    binary: &'static str,
    /// `--version` to install, or `None` for the newest.
    version: Option<&'static str>,
}

const GECKODRIVER: CargoTool = CargoTool {
    binary: "geckodriver",
    version: None,
};

const WASM_PACK: CargoTool = CargoTool {
    binary: "wasm-pack",
    version: Some(WASM_PACK_VERSION),
};

const TRUNK: CargoTool = CargoTool {
    binary: "trunk",
    version: Some(TRUNK_VERSION),
};

pub fn ensure_trunk() -> Result<PathBuf> {
    ensure(&TRUNK)
}

pub fn ensure_geckodriver() -> Result<PathBuf> {
    ensure(&GECKODRIVER)
}

pub fn ensure_wasm_pack() -> Result<PathBuf> {
    ensure(&WASM_PACK)
}

/// The tool on PATH, or installed now from crates.io.
fn ensure(tool: &CargoTool) -> Result<PathBuf> {
    let binary = tool.binary;
    if let Some(path) = find_in_path(binary) {
        let version = probe(command(&path).arg("--version"))
            .and_then(|out| parse_tool_version(&out).map(str::to_owned))
            .unwrap_or_else(|| "(no version)".to_owned());
        println!("    {binary} {version}: {}", path.display());
        return Ok(path);
    }
    announce(&format!(
        "installing {binary} (cargo install, takes a few minutes)"
    ));
    let mut install = cargo();
    install.args(["install", "--locked", binary]);
    if let Some(version) = tool.version {
        install.args(["--version", version]);
    }
    cmd::run(&mut install)?;
    find_in_path(binary).ok_or_else(|| {
        Failure::new(format!(
            "`cargo install --locked {binary}` succeeded but no {binary} is in {}",
            cmd::cargo_bin_dir().display()
        ))
    })
}
