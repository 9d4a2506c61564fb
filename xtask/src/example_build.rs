//! Building a framework example into `target/examples/<package>/`: the crate in
//! `examples/<package>/` for wasm32 in release, its JavaScript bindings, and the
//! example's own `index.html` and `style.css`.
//!
//! Shared by `cargo xtask example`, which serves the result, and `cargo xtask test`,
//! which checks it in Chromium.

use crate::cmd::workspace_root;
use crate::failure::Result;
use crate::site;
use std::path::PathBuf;

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
    let page_dir = workspace_root().join("examples").join(package);
    site::build(package, &page_dir, &format!("examples/{package}"))
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
