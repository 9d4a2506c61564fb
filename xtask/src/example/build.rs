//! The framework examples, and how each is built into `target/examples/<package>/`: the
//! crate in `examples/<package>/` for wasm32, its JavaScript bindings, and the example's
//! own `index.html` and `style.css`.

use crate::cmd::workspace_root;
use crate::site;

/// The framework examples, by the name `cargo xtask example` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    Yew,
    Leptos,
    Dioxus,
}

impl Example {
    pub const ALL: [Example; 3] = [Example::Yew, Example::Leptos, Example::Dioxus];

    pub fn from_name(name: &str) -> Option<Example> {
        Example::ALL
            .into_iter()
            .find(|example| example.name() == name)
    }

    /// `yew`, `leptos` or `dioxus`.
    pub fn name(self) -> &'static str {
        match self {
            Example::Yew => "yew",
            Example::Leptos => "leptos",
            Example::Dioxus => "dioxus",
        }
    }

    /// The crate, which is also its directory under `examples/`.
    pub fn package(self) -> &'static str {
        match self {
            Example::Yew => "yew-chat",
            Example::Leptos => "leptos-chat",
            Example::Dioxus => "dioxus-chat",
        }
    }
}

impl Example {
    /// The example's page, laid out in `target/examples/<package>/`.
    pub fn page(self) -> site::Page {
        let package = self.package();
        site::Page {
            package,
            page_dir: workspace_root().join("examples").join(package),
            site_dir: format!("examples/{package}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_found_by_their_short_name() {
        assert_eq!(Example::from_name("yew"), Some(Example::Yew));
        assert_eq!(Example::from_name("leptos"), Some(Example::Leptos));
        assert_eq!(Example::from_name("dioxus"), Some(Example::Dioxus));
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
