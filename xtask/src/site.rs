//! Building a wasm page into a directory the test server can serve: a crate for wasm32 in
//! release, its JavaScript bindings (`wasm-bindgen --target web`), and the page's static
//! files. Used for the demo (`www/`) and the framework examples (`examples/*`).

use crate::cmd::{self, announce, cargo, command, target_dir};
use crate::failure::{Failure, Result};
use crate::setup::WASM32;
use std::fs;
use std::path::{Path, PathBuf};

/// The files of a page's directory that are part of the site, by extension; the crate's
/// own files (`Cargo.toml`, `src/`, `README.md`) are not.
const STATIC_EXTENSIONS: [&str; 8] = ["html", "css", "js", "mjs", "svg", "png", "ico", "txt"];

/// Builds `package` and lays out its site in `target/<site_dir>/`: the bindings in `pkg/`
/// and the static files of `page_dir` beside them. Returns the site's directory.
pub fn build(package: &str, page_dir: &Path, site_dir: &str) -> Result<PathBuf> {
    announce(&format!("building {package} (wasm32, release)"));
    cmd::run(cargo().args(["build", "-p", package, "--release", "--target", WASM32]))?;
    // Cargo names the file after the package, dashes kept.
    let wasm = target_dir()
        .join(WASM32)
        .join("release")
        .join(format!("{package}.wasm"));

    let site = target_dir().join(site_dir);
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
    let copied = copy_static_files(page_dir, &site)?;
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
