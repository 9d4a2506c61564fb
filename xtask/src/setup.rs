//! Finding, and installing when missing, everything the tests need on a fresh Debian
//! machine that has only the Rust toolchain.
//!
//! Binaries come only from rustup, crates.io (`cargo install`) and Debian (`apt-get`).

use crate::browser::Browser;
use crate::cmd::{self, announce, cargo, command, find_in_path, probe};
use crate::failure::{Failure, Result};
use std::path::{Path, PathBuf};

/// Must equal the `wasm-bindgen = "=…"` pin in the root Cargo.toml: the test runner
/// refuses wasm built by a different wasm-bindgen (checked by a test below).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

pub const WASM32: &str = "wasm32-unknown-unknown";

/// Debian's chromium and its matching chromedriver (same source package, so same version).
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const FIREFOX_ESR: &str = "/usr/bin/firefox-esr";

/// The WebDriver binary for each selected browser, ready to hand to the test runner.
#[derive(Debug)]
pub struct Drivers {
    drivers: Vec<(Browser, PathBuf)>,
}

impl Drivers {
    pub fn for_browser(&self, browser: Browser) -> Option<&Path> {
        self.drivers
            .iter()
            .find(|(b, _)| *b == browser)
            .map(|(_, path)| path.as_path())
    }
}

/// Makes sure every prerequisite is present, installing what is missing.
/// `lint` adds rustfmt and clippy; `browsers` decides which browsers and drivers.
pub fn ensure(browsers: &[Browser], lint: bool) -> Result<Drivers> {
    announce("checking prerequisites");
    ensure_wasm32_target()?;
    if lint {
        ensure_rustfmt_and_clippy()?;
    }
    ensure_wasm_bindgen_cli()?;
    ensure_system_packages(browsers)?;

    let mut drivers = Vec::new();
    for &browser in browsers {
        let driver = match browser {
            Browser::Chromium => PathBuf::from(CHROMEDRIVER),
            Browser::Firefox => ensure_geckodriver()?,
        };
        drivers.push((browser, driver));
    }
    Ok(Drivers { drivers })
}

/// What `cargo xtask demo` needs: the wasm32 target and the pinned `wasm-bindgen`.
/// No browser: the demo is served, not driven.
pub fn ensure_for_demo() -> Result {
    announce("checking prerequisites");
    ensure_wasm32_target()?;
    ensure_wasm_bindgen_cli()
}

fn ensure_wasm32_target() -> Result {
    let installed = probe(command("rustup").args(["target", "list", "--installed"]))
        .ok_or_else(|| {
            Failure::new("`rustup target list --installed` failed: xtask needs rustup to add the wasm32 target")
        })?;
    if installed.lines().any(|line| line.trim() == WASM32) {
        println!("    {WASM32} target: installed");
        return Ok(());
    }
    announce("installing wasm32 target");
    cmd::run(command("rustup").args(["target", "add", WASM32]))
}

fn ensure_rustfmt_and_clippy() -> Result {
    let fmt = probe(cargo().args(["fmt", "--version"]));
    let clippy = probe(cargo().args(["clippy", "--version"]));
    if fmt.is_some() && clippy.is_some() {
        println!("    rustfmt and clippy: installed");
        return Ok(());
    }
    announce("installing rustfmt and clippy");
    cmd::run(command("rustup").args(["component", "add", "rustfmt", "clippy"]))
}

/// The binaries of `wasm-bindgen-cli` that xtask runs: the test runner (browser tests)
/// and the bindings generator (`cargo xtask demo`). One install brings both.
const WASM_BINDGEN_TOOLS: [&str; 2] = ["wasm-bindgen-test-runner", "wasm-bindgen"];

fn ensure_wasm_bindgen_cli() -> Result {
    // No short-circuit: every tool's state is printed.
    let pinned: Vec<bool> = WASM_BINDGEN_TOOLS
        .iter()
        .map(|tool| tool_is_pinned(tool))
        .collect();
    if pinned.iter().all(|&ok| ok) {
        return Ok(());
    }
    announce(&format!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes a few minutes)"
    ));
    // No --locked: wasm-bindgen-cli's published lockfile does not build.
    cmd::run(cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
        "--force",
    ]))?;
    // Catches an install that landed somewhere cargo runs no tool from.
    for tool in WASM_BINDGEN_TOOLS {
        match find_tool(tool) {
            (Some(_), Some(version)) if version == WASM_BINDGEN_VERSION => {}
            (path, version) => {
                return Err(Failure::new(format!(
                    "after `cargo install wasm-bindgen-cli`, the {tool} cargo would run is \
                     {} at {}, not {WASM_BINDGEN_VERSION} (is CARGO_INSTALL_ROOT set?)",
                    version.as_deref().unwrap_or("unknown version"),
                    path.map_or_else(|| "nowhere on PATH".to_owned(), |p| p.display().to_string()),
                )))
            }
        }
    }
    Ok(())
}

/// Whether `tool` is on PATH at the pinned version; says what it found either way.
fn tool_is_pinned(tool: &str) -> bool {
    match find_tool(tool) {
        (Some(path), Some(version)) if version == WASM_BINDGEN_VERSION => {
            println!("    {tool} {version}: {}", path.display());
            true
        }
        (Some(path), Some(other)) => {
            println!(
                "    {tool} {other} at {} is not the pinned {WASM_BINDGEN_VERSION}",
                path.display()
            );
            false
        }
        (Some(path), None) => {
            println!("    {tool} at {} does not report a version", path.display());
            false
        }
        (None, _) => {
            println!("    {tool}: not found");
            false
        }
    }
}

/// The copy of `tool` a child process would run, and the version it reports.
fn find_tool(tool: &str) -> (Option<PathBuf>, Option<String>) {
    let path = find_in_path(tool);
    let version = path
        .as_ref()
        .and_then(|path| probe(command(path).arg("--version")))
        .and_then(|out| parse_tool_version(&out).map(str::to_owned));
    (path, version)
}

fn ensure_geckodriver() -> Result<PathBuf> {
    if let Some(path) = find_in_path("geckodriver") {
        println!("    geckodriver: {}", path.display());
        return Ok(path);
    }
    announce("installing geckodriver");
    cmd::run(cargo().args(["install", "--locked", "geckodriver"]))?;
    find_in_path("geckodriver").ok_or_else(|| {
        Failure::new(format!(
            "`cargo install --locked geckodriver` succeeded but no geckodriver is in {}",
            cmd::cargo_bin_dir().display()
        ))
    })
}

/// A Debian package the browser tests need, and how to tell it is installed.
struct SystemPackage {
    package: &'static str,
    provides: &'static str,
    is_installed: fn() -> bool,
}

fn system_packages(browser: Browser) -> Vec<SystemPackage> {
    match browser {
        Browser::Chromium => vec![
            SystemPackage {
                package: "chromium",
                provides: CHROMIUM,
                is_installed: || Path::new(CHROMIUM).is_file(),
            },
            SystemPackage {
                package: "chromium-driver",
                provides: CHROMEDRIVER,
                is_installed: || Path::new(CHROMEDRIVER).is_file(),
            },
        ],
        Browser::Firefox => vec![SystemPackage {
            package: "firefox-esr",
            provides: "/usr/bin/firefox-esr or firefox on PATH",
            is_installed: || Path::new(FIREFOX_ESR).is_file() || find_in_path("firefox").is_some(),
        }],
    }
}

fn ensure_system_packages(browsers: &[Browser]) -> Result {
    let missing: Vec<SystemPackage> = browsers
        .iter()
        .flat_map(|&browser| system_packages(browser))
        .filter(|package| !(package.is_installed)())
        .collect();
    if missing.is_empty() {
        println!("    browsers and drivers: installed");
        return Ok(());
    }
    let names: Vec<&str> = missing.iter().map(|package| package.package).collect();

    if !running_as_root() {
        return Err(Failure::usage(ask_for_root_install(&missing)));
    }

    announce(&format!("installing {} with apt-get", names.join(" ")));
    cmd::run(command("apt-get").arg("update"))?;
    cmd::run(
        command("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(APT_INSTALL_ARGS)
            .args(&names),
    )?;
    match missing.iter().find(|package| !(package.is_installed)()) {
        Some(package) => Err(Failure::new(format!(
            "apt-get installed {} but {} is still missing",
            package.package, package.provides
        ))),
        None => Ok(()),
    }
}

const APT_INSTALL_ARGS: [&str; 3] = ["install", "-y", "--no-install-recommends"];

/// What to tell a non-root user: the missing packages and the command that installs them.
fn ask_for_root_install(missing: &[SystemPackage]) -> String {
    let list: Vec<String> = missing
        .iter()
        .map(|package| format!("  {} (provides {})", package.package, package.provides))
        .collect();
    let names: Vec<&str> = missing.iter().map(|package| package.package).collect();
    format!(
        "missing system packages:\n{}\ninstall them as root, then run this again:\n  \
         sudo apt-get update && sudo apt-get {} {}",
        list.join("\n"),
        APT_INSTALL_ARGS.join(" "),
        names.join(" ")
    )
}

fn running_as_root() -> bool {
    probe(command("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// The version from a `tool --version` line such as `wasm-bindgen-test-runner 0.2.130`.
pub fn parse_tool_version(output: &str) -> Option<&str> {
    output.lines().next()?.split_whitespace().nth(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact version pinned by `wasm-bindgen = "=X"` in a Cargo.toml, if any.
    pub fn wasm_bindgen_pin(cargo_toml: &str) -> Option<&str> {
        cargo_toml.lines().find_map(|line| {
            let (key, value) = line.split_once('=')?;
            if key.trim() != "wasm-bindgen" {
                return None;
            }
            value
                .trim()
                .strip_prefix('"')?
                .strip_suffix('"')?
                .strip_prefix('=')
        })
    }

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

    #[test]
    fn wasm_bindgen_pin_ignores_other_wasm_bindgen_crates() {
        let toml = "wasm-bindgen-futures = \"0.4\"\nwasm-bindgen = \"=0.2.99\"\n";
        assert_eq!(wasm_bindgen_pin(toml), Some("0.2.99"));
    }

    #[test]
    fn wasm_bindgen_without_exact_pin_is_not_a_pin() {
        assert_eq!(wasm_bindgen_pin("wasm-bindgen = \"0.2.99\"\n"), None);
    }

    #[test]
    fn non_root_users_get_the_exact_apt_command_for_the_missing_packages() {
        let missing = system_packages(Browser::Chromium);
        let hint = ask_for_root_install(&missing);
        assert!(hint.contains("  chromium-driver (provides /usr/bin/chromedriver)"));
        assert!(hint.ends_with(
            "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium chromium-driver"
        ));
    }

    #[test]
    fn runner_version_matches_the_pin_in_root_cargo_toml() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
        let toml = std::fs::read_to_string(&path).expect("root Cargo.toml is readable");
        assert_eq!(
            wasm_bindgen_pin(&toml),
            Some(WASM_BINDGEN_VERSION),
            "the root Cargo.toml must pin wasm-bindgen = \"={WASM_BINDGEN_VERSION}\", \
             the version `cargo xtask test` installs the test runner at"
        );
    }
}
