//! The Debian packages the browser tests need: Chromium, its chromedriver, Firefox ESR,
//! and WebKitGTK's WebDriver with Xvfb to run it in, installed with `apt-get` when
//! running as root, or asked for otherwise.

use super::xvfb::XVFB;
use crate::browser::Browser;
use crate::cmd::{self, announce, command, find_in_path, probe};
use crate::failure::{Failure, Result};
use std::path::Path;

/// Debian's chromium and its matching chromedriver (same source package, so same version).
const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const FIREFOX_ESR: &str = "/usr/bin/firefox-esr";
/// WebKitGTK's WebDriver; it starts MiniBrowser, which the package depends on.
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";

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
        Browser::WebKit => vec![
            SystemPackage {
                package: "webkit2gtk-driver",
                provides: WEBKIT_WEBDRIVER,
                is_installed: || Path::new(WEBKIT_WEBDRIVER).is_file(),
            },
            SystemPackage {
                package: "xvfb",
                provides: XVFB,
                is_installed: || Path::new(XVFB).is_file(),
            },
        ],
    }
}

pub fn ensure_system_packages(browsers: &[Browser]) -> Result {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webkit_needs_its_driver_and_a_display() {
        let names: Vec<_> = system_packages(Browser::WebKit)
            .iter()
            .map(|package| package.package)
            .collect();
        assert_eq!(names, ["webkit2gtk-driver", "xvfb"]);
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
}
