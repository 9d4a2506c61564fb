//! Checking a built site in headless Chromium: serve it from a test server of its own and
//! run one of demo-check's binaries against it, counting its checks.

use super::tally::{self, Tally};
use crate::browser_tmp::BrowserTmp;
use crate::cmd::{command, target_dir};
use crate::failure::{Failure, Result};
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup::Driver;
use std::ffi::OsString;
use std::path::Path;

/// One checker run.
#[derive(Debug)]
pub struct SiteCheck<'a> {
    /// Names the server's log and the browser's temporary directory: `demo`, `yew-chat`.
    pub name: &'a str,
    /// The site's directory, as [`crate::site::build`] laid it out.
    pub site: &'a Path,
    /// The demo-check binary to run: `demo-check` or `example-check`.
    pub binary: &'a str,
    /// Its arguments besides `--url` and `--chromedriver`.
    pub args: Vec<OsString>,
    /// Reads its closing `NAME: N passed, M failed` line.
    pub parse: fn(&str) -> Option<Tally>,
}

/// The checker binaries, built by `cargo build -p demo-check` into the target directory.
pub fn checker_path(binary: &str) -> std::path::PathBuf {
    target_dir()
        .join("debug")
        .join(binary)
        .with_extension(std::env::consts::EXE_EXTENSION)
}

/// Serves the site, runs the checker, and stops the server again.
pub fn run(check: &SiteCheck, chromedriver: &Driver) -> Result<Tally> {
    let name = check.name;
    let log = target_dir().join(format!("{name}-server.log"));
    let options = ServerOptions {
        port: 0,
        static_dir: Some(check.site.to_owned()),
    };
    let mut site_server = server::start(&options, &ServerOutput::LogFile(log.clone()))?;
    println!(
        "    {name} served at http://{}/ (log: {})",
        site_server.addr(),
        log.display()
    );

    // Chromium leaves a profile in TMPDIR: give it a directory of its own, as the
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
        .arg("--chromedriver")
        .arg(&chromedriver.path)
        .args(&check.args)
        .env("TMPDIR", tmp.path());
    chromedriver.set_env(&mut checker);
    let tally = tally::run_counting(&mut checker, check.parse);
    site_server.warn_if_stopped(&format!("the {name} check"));
    drop(site_server);
    Ok(tally)
}
