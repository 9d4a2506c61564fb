//! Building wasm pages into directories the test server can serve: each page's crate for
//! wasm32, its JavaScript bindings (`wasm-bindgen --target web`), and the page's static
//! files. Used for the demo (`www/`) and the framework examples (`examples/*`).

use crate::cmd::{self, announce, cargo, command, target_dir};
use crate::failure::{Failure, Result};
use crate::setup::WASM32;
use std::fs;
use std::path::{Path, PathBuf};

/// The files of a page's directory that are part of the site, by extension; the crate's
/// own files (`Cargo.toml`, `src/`, `README.md`) are not.
const STATIC_EXTENSIONS: [&str; 8] = ["html", "css", "js", "mjs", "svg", "png", "ico", "txt"];

/// A page to build.
#[derive(Debug, Clone)]
pub struct Page {
    /// The crate, built as a `cdylib` or a binary for wasm32.
    pub package: &'static str,
    /// Where its `index.html` and other static files are.
    pub page_dir: PathBuf,
    /// Where under the target directory its site goes, e.g. `demo`.
    pub site_dir: String,
}

/// The Cargo profile a site is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// What `cargo xtask demo` and `cargo xtask example` serve: small, slow to build.
    Release,
    /// What `cargo xtask test` checks in the browser: quick to build, large, and sharing
    /// its dependencies with the wasm32 browser tests.
    Dev,
}

impl Profile {
    /// The name for `cargo build --profile`.
    fn name(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Dev => "dev",
        }
    }

    /// Its directory under `target/wasm32-unknown-unknown/`.
    fn dir(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Dev => "debug",
        }
    }
}

/// Builds every page's crate in one `cargo build` (so shared dependencies are built once,
/// with their features unified), then lays out each site in `target/<site_dir>/`: the
/// bindings in `pkg/` and the page's static files beside them. Returns the sites'
/// directories, in the order of `pages`.
pub fn build(pages: &[Page], profile: Profile) -> Result<Vec<PathBuf>> {
    let names: Vec<&str> = pages.iter().map(|page| page.package).collect();
    announce(&format!(
        "building {} (wasm32, {})",
        names.join(", "),
        profile.name()
    ));
    let mut build = cargo();
    build.args(["build", "--profile", profile.name(), "--target", WASM32]);
    for page in pages {
        build.args(["-p", page.package]);
    }
    cmd::run(&mut build)?;
    pages.iter().map(|page| lay_out(page, profile)).collect()
}

/// Builds one page, as [`build`] does.
pub fn build_one(page: &Page, profile: Profile) -> Result<PathBuf> {
    let mut sites = build(std::slice::from_ref(page), profile)?;
    Ok(sites.remove(0))
}

/// Generates `page`'s bindings from its built wasm and copies its static files.
fn lay_out(page: &Page, profile: Profile) -> Result<PathBuf> {
    let package = page.package;
    // Cargo names the file after the package, dashes kept.
    let wasm = target_dir()
        .join(WASM32)
        .join(profile.dir())
        .join(format!("{package}.wasm"));

    let site = target_dir().join(&page.site_dir);
    // A fresh directory, so that no file removed from the page lingers in the site.
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
    let copied = copy_static_files(&page.page_dir, &site)?;
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

/// Copies the page's files (not its subdirectories) into `site`; an `index.html` is
/// required.
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

/// Whether a file of a page's directory belongs to the site.
fn is_static_file(name: &str) -> bool {
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
