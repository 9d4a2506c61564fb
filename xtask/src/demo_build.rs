//! Building the demo page into `target/demo/`: the `demo` crate (`www/`) for wasm32 in
//! release, its JavaScript bindings, and `www/`'s static files.
//!
//! Shared by `cargo xtask demo`, which serves the result, and `cargo xtask test`, which
//! checks it in Chromium.

use crate::cmd::{self, announce, cargo, command, target_dir, workspace_root};
use crate::failure::{Failure, Result};
use crate::setup::WASM32;
use std::fs;
use std::path::{Path, PathBuf};

/// The demo crate's package name (its directory is `www/`).
const DEMO_PACKAGE: &str = "demo";

/// The files of `www/` that are part of the site, by extension; the crate's own files
/// (`Cargo.toml`, `src/`, `README.md`) are not.
const STATIC_EXTENSIONS: [&str; 8] = ["html", "css", "js", "mjs", "svg", "png", "ico", "txt"];

/// Builds the site and returns its directory, `target/demo/`.
pub fn build() -> Result<PathBuf> {
    announce("building the demo (wasm32, release)");
    cmd::run(cargo().args(["build", "-p", DEMO_PACKAGE, "--release", "--target", WASM32]))?;
    let wasm = target_dir()
        .join(WASM32)
        .join("release")
        .join(format!("{DEMO_PACKAGE}.wasm"));

    let site = target_dir().join("demo");
    // A fresh directory, so that no file removed from www/ lingers in the site.
    if site.exists() {
        fs::remove_dir_all(&site)
            .map_err(|err| Failure::new(format!("cannot empty {}: {err}", site.display())))?;
    }
    announce("generating the demo's JavaScript bindings");
    cmd::run(
        command("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(site.join("pkg"))
            .arg(&wasm),
    )?;
    let copied = copy_static_files(&workspace_root().join("www"), &site)?;
    let bundle = site.join("pkg").join(format!("{DEMO_PACKAGE}_bg.wasm"));
    let size = fs::metadata(&bundle).map(|meta| meta.len()).unwrap_or(0);
    println!(
        "    {} ({} KiB wasm) and {}",
        site.display(),
        size / 1024,
        copied.join(", ")
    );
    Ok(site)
}

/// Copies the site's files from `www/` (not its subdirectories) into `site`.
fn copy_static_files(www: &Path, site: &Path) -> Result<Vec<String>> {
    let entries = fs::read_dir(www)
        .map_err(|err| Failure::new(format!("cannot read {}: {err}", www.display())))?;
    let mut copied = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|err| Failure::new(format!("cannot read {}: {err}", www.display())))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || !is_static_file(&name) {
            continue;
        }
        fs::copy(&path, site.join(&name)).map_err(|err| {
            Failure::new(format!(
                "cannot copy {} into {}: {err}",
                path.display(),
                site.display()
            ))
        })?;
        copied.push(name);
    }
    copied.sort();
    if !copied.iter().any(|name| name == "index.html") {
        return Err(Failure::new(format!("{} has no index.html", www.display())));
    }
    Ok(copied)
}

/// Whether a file of `www/` belongs to the site.
pub fn is_static_file(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            STATIC_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_are_copied_and_crate_files_are_not() {
        for name in ["index.html", "style.css", "app.js", "logo.SVG"] {
            assert!(is_static_file(name), "{name}");
        }
        for name in [
            "Cargo.toml",
            "README.md",
            "lib.rs",
            "Makefile",
            ".gitignore",
        ] {
            assert!(!is_static_file(name), "{name}");
        }
    }
}
