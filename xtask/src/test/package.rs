//! The workspace's publish dry-run: the core and the three framework crates packaged as
//! crates.io would take them, the core first (the others depend on its version), without
//! building them again (the other steps did).

use super::Check;
use crate::cmd::{self, announce, cargo};
use crate::failure::Result;

pub const PACKAGE: Check = Check {
    name: "publish dry-run (cargo package)",
    run: package,
};

/// What `cargo publish` would upload, in the order it must: the core before the crates
/// that depend on it.
const PUBLISHED: [&str; 4] = [
    "browser-websocket",
    "browser-websocket-yew",
    "browser-websocket-leptos",
    "browser-websocket-dioxus",
];

fn package() -> Result {
    announce("publish dry-run (cargo package)");
    let mut command = cargo();
    command.args(["package", "--no-verify", "--allow-dirty", "--locked"]);
    for krate in PUBLISHED {
        command.args(["-p", krate]);
    }
    cmd::run(&mut command)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::workspace_root;

    #[test]
    fn every_published_crate_has_a_readme_and_docs_rs_metadata() {
        for krate in PUBLISHED {
            let dir = match krate {
                "browser-websocket" => workspace_root().to_path_buf(),
                framework => workspace_root().join(framework),
            };
            let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect(krate);
            assert!(manifest.contains(&format!("name = \"{krate}\"")), "{krate}");
            assert!(!manifest.contains("publish = false"), "{krate}");
            assert!(manifest.contains("[package.metadata.docs.rs]"), "{krate}");
            assert!(dir.join("README.md").is_file(), "{krate}");
        }
    }
}
