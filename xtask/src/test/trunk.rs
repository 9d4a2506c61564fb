//! `trunk build --offline` of one example, as Yew and Leptos users build their apps:
//! the examples' `index.html` and `Trunk.toml` stay Trunk-ready.
//!
//! Offline, Trunk downloads nothing: it uses the `wasm-bindgen` on PATH, which setup
//! installed at the version in Cargo.lock (Trunk checks that they match).

use crate::cmd::{self, announce, command, workspace_root};
use crate::failure::{Failure, Result};
use std::path::Path;

/// The example built: the smaller of the two.
const EXAMPLE: &str = "yew-chat";

/// Builds it into `target/trunk/<example>/` (its `Trunk.toml`) and checks that the page,
/// its script and its wasm are there.
pub fn build(trunk: &Path) -> Result {
    announce(&format!("trunk build --offline (examples/{EXAMPLE})"));
    let dist = workspace_root().join("target").join("trunk").join(EXAMPLE);
    let _ = std::fs::remove_dir_all(&dist);
    let mut build = command(trunk);
    build
        .args(["build", "--offline"])
        .current_dir(workspace_root().join("examples").join(EXAMPLE));
    cmd::run(&mut build)?;
    let files: Vec<String> = std::fs::read_dir(&dist)
        .map_err(|err| Failure::new(format!("trunk wrote no {}: {err}", dist.display())))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    let has = |suffix: &str| files.iter().any(|name| name.ends_with(suffix));
    if files.iter().any(|name| name == "index.html") && has(".js") && has("_bg.wasm") {
        println!("    {}: {}", dist.display(), files.join(", "));
        Ok(())
    } else {
        Err(Failure::new(format!(
            "trunk's {} lacks index.html, a .js or a _bg.wasm: {files:?}",
            dist.display()
        )))
    }
}
