//! Building a framework example into `target/examples/<package>/`: the crate in
//! `examples/<package>/` for wasm32 in release, its JavaScript bindings, and the
//! example's own `index.html` and `style.css`.
//!
//! Shared by `cargo xtask example`, which serves the result, and `cargo xtask test`,
//! which checks it in Chromium.

use crate::cmd::{self, announce, cargo, command, target_dir, workspace_root};
use crate::demo_build::is_static_file;
use crate::failure::{Failure, Result};
use crate::setup::WASM32;
use std::fs;
use std::path::{Path, PathBuf};

/// The framework examples, by the name `cargo xtask example` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    Yew,
    Leptos,
}

impl Example {
    pub const ALL: [Example; 2] = [Example::Yew, Example::Leptos];

    pub fn from_name(name: &str) -> Option<Example> {
        Example::ALL
            .into_iter()
            .find(|example| example.name() == name)
    }

    /// `yew` or `leptos`.
    pub fn name(self) -> &'static str {
        match self {
            Example::Yew => "yew",
            Example::Leptos => "leptos",
        }
    }

    /// The crate, which is also its directory under `examples/`.
    pub fn package(self) -> &'static str {
        match self {
            Example::Yew => "yew-chat",
            Example::Leptos => "leptos-chat",
        }
    }
}

/// Builds the example's site and returns its directory, `target/examples/<package>/`.
pub fn build(example: Example) -> Result<PathBuf> {
    let package = example.package();
    announce(&format!("building {package} (wasm32, release)"));
    cmd::run(cargo().args(["build", "-p", package, "--release", "--target", WASM32]))?;
    // A binary crate: cargo names the file after the package, dashes kept.
    let wasm = target_dir()
        .join(WASM32)
        .join("release")
        .join(format!("{package}.wasm"));

    let site = target_dir().join("examples").join(package);
    // A fresh directory, so that no file removed from the example lingers in the site.
    if site.exists() {
        fs::remove_dir_all(&site)
            .map_err(|err| Failure::new(format!("cannot empty {}: {err}", site.display())))?;
    }
    announce(&format!("generating {package}'s JavaScript bindings"));
    cmd::run(
        command("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(site.join("pkg"))
            .arg(&wasm),
    )?;
    let copied = copy_static_files(&workspace_root().join("examples").join(package), &site)?;
    let bundle = site.join("pkg").join(format!("{package}_bg.wasm"));
    let size = fs::metadata(&bundle).map(|meta| meta.len()).unwrap_or(0);
    println!(
        "    {} ({} KiB wasm) and {}",
        site.display(),
        size / 1024,
        copied.join(", ")
    );
    Ok(site)
}

/// Copies the page's files from the example's root (not `src/`) into `site`; an
/// `index.html` is required.
fn copy_static_files(from: &Path, site: &Path) -> Result<Vec<String>> {
    let cannot_read = |err| Failure::new(format!("cannot read {}: {err}", from.display()));
    let mut copied = Vec::new();
    for entry in fs::read_dir(from).map_err(cannot_read)? {
        let entry = entry.map_err(cannot_read)?;
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
        return Err(Failure::new(format!(
            "{} has no index.html",
            from.display()
        )));
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_found_by_their_short_name() {
        assert_eq!(Example::from_name("yew"), Some(Example::Yew));
        assert_eq!(Example::from_name("leptos"), Some(Example::Leptos));
        assert_eq!(Example::from_name("yew-chat"), None);
    }

    #[test]
    fn every_example_has_its_page_in_the_workspace() {
        for example in Example::ALL {
            let dir = workspace_root().join("examples").join(example.package());
            assert!(dir.join("index.html").is_file(), "{}", dir.display());
            assert!(dir.join("Cargo.toml").is_file(), "{}", dir.display());
        }
    }
}
