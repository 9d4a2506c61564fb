//! Building the demo page into `target/demo/`: the `demo` crate (`www/`) for wasm32, its
//! JavaScript bindings, and `www/`'s static files.

use crate::cmd::workspace_root;
use crate::site;

/// The demo crate's package name (its directory is `www/`).
const DEMO_PACKAGE: &str = "demo";

/// The demo page, laid out in `target/demo/`.
pub fn page() -> site::Page {
    site::Page {
        package: DEMO_PACKAGE,
        page_dir: workspace_root().join("www"),
        site_dir: "demo".to_owned(),
    }
}
