//! Checking a built site in a browser: serve it from a test server of its own and run
//! one of demo-check's binaries against it, through the browser's WebDriver server,
//! counting its checks.

use super::tally::{self, Tally};
use crate::browser::Browser;
use crate::browser_tmp::BrowserTmp;
use crate::cmd::{command, target_dir};
use crate::failure::{Failure, Result};
use crate::output::outln;
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup::Driver;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// One checker run.
#[derive(Debug)]
pub struct SiteCheck<'a> {
    /// Names the server's and the driver's logs: `demo`, `yew-chat`.
    pub name: &'a str,
    /// The site's directory, as [`crate::site::build`] laid it out.
    pub site: &'a Path,
    /// The demo-check binary to run: `demo-check` or `example-check`.
    pub binary: &'a str,
    /// Its arguments besides `--url`, `--browser`, `--driver` and `--driver-log`.
    pub args: Vec<OsString>,
    /// Reads its closing `NAME: N passed, M failed` line.
    pub parse: fn(&str) -> Option<Tally>,
}

/// The checker binaries, built by `cargo build -p demo-check` into the target directory.
pub fn checker_path(binary: &str) -> PathBuf {
    target_dir()
        .join("debug")
        .join(binary)
        .with_extension(std::env::consts::EXE_EXTENSION)
}

/// Where a check's picture goes: `target/demo.png` in Chromium (the README shows it),
/// `target/demo-webkit.png` in another browser; `suffix` as in `-phone`.
pub fn screenshot(name: &str, browser: Browser, suffix: &str) -> PathBuf {
    let file = match browser {
        Browser::Chromium => format!("{name}{suffix}.png"),
        other => format!("{name}-{other}{suffix}.png"),
    };
    target_dir().join(file)
}

/// Serves the site, runs the checker in `driver`'s browser, and stops the server again.
pub fn run(check: &SiteCheck, driver: &Driver) -> Result<Tally> {
    let name = check.name;
    let browser = driver.browser;
    let log = target_dir().join(format!("{name}-{browser}-server.log"));
    let options = ServerOptions {
        port: 0,
        static_dir: Some(check.site.to_owned()),
    };
    let mut site_server = server::start(&options, &ServerOutput::LogFile(log.clone()))?;
    outln!(
        "    {name} served at http://{}/ (log: {})",
        site_server.addr(),
        log.display()
    );

    // The browser leaves a profile in TMPDIR: give it a directory of its own, as the
    // browser tests do, and delete it afterwards.
    let tmp = BrowserTmp::new().map_err(|err| {
        Failure::new(format!(
            "cannot create a temporary directory for the browser: {err}"
        ))
    })?;
    let mut checker = command(checker_path(check.binary));
    checker
        .arg("--url")
        .arg(format!("http://{}/", site_server.addr()))
        .arg("--browser")
        .arg(browser.name())
        .arg("--driver")
        .arg(&driver.path)
        .arg("--driver-log")
        .arg(target_dir().join(format!("{name}-{browser}-driver.log")))
        .args(&check.args)
        .env("TMPDIR", tmp.path());
    driver.set_env(&mut checker);
    let tally = tally::run_counting(&mut checker, check.parse);
    site_server.warn_if_stopped(&format!("the {name} check ({browser})"));
    drop(site_server);
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chromium_keeps_the_plain_screenshot_names_and_others_add_the_browser() {
        let dir = target_dir();
        assert_eq!(
            screenshot("demo", Browser::Chromium, ""),
            dir.join("demo.png")
        );
        assert_eq!(
            screenshot("demo", Browser::Chromium, "-phone"),
            dir.join("demo-phone.png")
        );
        assert_eq!(
            screenshot("demo", Browser::WebKit, ""),
            dir.join("demo-webkit.png")
        );
        assert_eq!(
            screenshot("demo", Browser::WebKit, "-phone"),
            dir.join("demo-webkit-phone.png")
        );
        assert_eq!(
            screenshot("yew-chat", Browser::Firefox, ""),
            dir.join("yew-chat-firefox.png")
        );
    }
}
