//! Finding, and installing when missing, everything the tests need on a fresh Debian
//! machine that has only the Rust toolchain.
//!
//! Binaries come only from rustup, crates.io (`cargo install`) and Debian (`apt-get`).
//!
//! | file | what it finds or installs |
//! |---|---|
//! | `mod.rs` | [`ensure`]: everything a subcommand needs, in order |
//! | `toolchain.rs` | the wasm32 target, rustfmt and clippy (rustup) |
//! | `wasm_bindgen.rs` | the pinned `wasm-bindgen-cli` (cargo install) |
//! | `system_packages.rs` | Chromium, chromedriver, Firefox ESR, WebKitWebDriver, Xvfb (apt-get, as root) |
//! | `xvfb.rs` | the X display WebKit runs in, started on a free display |
//! | `cargo_tools.rs` | geckodriver, wasm-pack and Trunk (cargo install) |
//! | `python.rs` | Python's `websockets`, the third-party test server (PyPI, into a venv) |

mod cargo_tools;
mod python;
mod system_packages;
mod toolchain;
mod wasm_bindgen;
mod xvfb;

pub use python::system_python;

use crate::browser::Browser;
use crate::cmd::announce;
use crate::failure::Result;
use std::path::PathBuf;
use std::process::Command;
use xvfb::Xvfb;

pub const WASM32: &str = "wasm32-unknown-unknown";

/// What a subcommand needs besides the wasm32 target and `wasm-bindgen`.
#[derive(Debug, Default)]
pub struct Needs<'a> {
    /// The browsers to run tests in, each with its driver.
    pub browsers: &'a [Browser],
    /// rustfmt and clippy.
    pub lint: bool,
    /// wasm-pack, for `wasm-pack test`.
    pub wasm_pack: bool,
    /// Python's `websockets`, for the third-party server.
    pub third_party_server: bool,
    /// Trunk, to build an example as framework users do.
    pub trunk: bool,
}

/// A browser's WebDriver server and what it needs to run.
#[derive(Debug, Clone)]
pub struct Driver {
    pub browser: Browser,
    /// The driver binary: chromedriver, geckodriver or WebKitWebDriver.
    pub path: PathBuf,
    /// `DISPLAY` for a browser that needs an X server (WebKit).
    pub display: Option<String>,
}

impl Driver {
    /// Gives `cmd`, which starts this driver or a runner that will, what the browser
    /// needs in its environment.
    pub fn set_env(&self, cmd: &mut Command) {
        if let Some(display) = &self.display {
            cmd.env("DISPLAY", display);
            // No compositor in Xvfb: WebKitGTK would ask for a GL one and draw nothing.
            cmd.env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        }
    }
}

/// The tools found or installed, ready to hand to the test runners.
#[derive(Debug)]
pub struct Tools {
    drivers: Vec<Driver>,
    /// The display WebKit runs in; stopped when the tools are dropped.
    _xvfb: Option<Xvfb>,
    /// Present when [`Needs::wasm_pack`] asked for it.
    pub wasm_pack: Option<PathBuf>,
    /// The Python that runs the third-party server, when [`Needs::third_party_server`]
    /// asked for it.
    pub python: Option<PathBuf>,
    /// Present when [`Needs::trunk`] asked for it.
    pub trunk: Option<PathBuf>,
}

impl Tools {
    /// The WebDriver server for `browser`, if it was among [`Needs::browsers`].
    pub fn driver(&self, browser: Browser) -> Option<&Driver> {
        self.drivers.iter().find(|driver| driver.browser == browser)
    }
}

/// Makes sure every prerequisite is present, installing what is missing.
pub fn ensure(needs: &Needs) -> Result<Tools> {
    announce("checking prerequisites");
    toolchain::ensure_wasm32_target()?;
    if needs.lint {
        toolchain::ensure_rustfmt_and_clippy()?;
    }
    wasm_bindgen::ensure_wasm_bindgen_cli()?;
    system_packages::ensure_system_packages(needs.browsers)?;

    let xvfb = if needs.browsers.contains(&Browser::WebKit) {
        let xvfb = Xvfb::start()?;
        println!("    Xvfb: display {}", xvfb.display());
        Some(xvfb)
    } else {
        None
    };
    let mut drivers = Vec::new();
    for &browser in needs.browsers {
        let (path, display) = match browser {
            Browser::Chromium => (PathBuf::from(system_packages::CHROMEDRIVER), None),
            Browser::Firefox => (cargo_tools::ensure_geckodriver()?, None),
            Browser::WebKit => (
                PathBuf::from(system_packages::WEBKIT_WEBDRIVER),
                xvfb.as_ref().map(|xvfb| xvfb.display().to_owned()),
            ),
        };
        drivers.push(Driver {
            browser,
            path,
            display,
        });
    }
    let wasm_pack = if needs.wasm_pack {
        Some(cargo_tools::ensure_wasm_pack()?)
    } else {
        None
    };
    let python = if needs.third_party_server {
        Some(python::ensure_websockets()?)
    } else {
        None
    };
    let trunk = if needs.trunk {
        Some(cargo_tools::ensure_trunk()?)
    } else {
        None
    };
    Ok(Tools {
        drivers,
        _xvfb: xvfb,
        wasm_pack,
        python,
        trunk,
    })
}

/// What `cargo xtask demo` needs: the wasm32 target and the pinned `wasm-bindgen`.
/// No browser: the demo is served, not driven.
pub fn ensure_for_demo() -> Result {
    announce("checking prerequisites");
    toolchain::ensure_wasm32_target()?;
    wasm_bindgen::ensure_wasm_bindgen_cli()
}

/// The version from a `tool --version` line such as `wasm-bindgen-test-runner 0.2.130`.
pub fn parse_tool_version(output: &str) -> Option<&str> {
    output.lines().next()?.split_whitespace().nth(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_version_is_the_second_word_of_the_first_line() {
        assert_eq!(
            parse_tool_version("wasm-bindgen-test-runner 0.2.130\n"),
            Some("0.2.130")
        );
        assert_eq!(
            parse_tool_version("geckodriver 0.37.1 (abc 2025-01-01)\n\nmore"),
            Some("0.37.1")
        );
    }

    #[test]
    fn tool_version_is_none_without_a_version_word() {
        assert_eq!(parse_tool_version(""), None);
        assert_eq!(parse_tool_version("wasm-bindgen-test-runner\n"), None);
    }
}
