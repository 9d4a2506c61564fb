//! Checking a built site in headless Chromium: serve it from a test server of its own and
//! run one of demo-check's binaries against it, counting its checks.

use super::tally::{self, Tally};
use crate::cmd::{command, target_dir};
use crate::failure::Result;
use crate::server::{self, ServerOptions, ServerOutput};
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
pub fn run(check: &SiteCheck, chromedriver: &Path) -> Result<Tally> {
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
    let tmp = target_dir().join("browser-tmp").join(name);
    let _ = std::fs::remove_dir_all(&tmp);
    let _ = std::fs::create_dir_all(&tmp);
    let mut checker = command(checker_path(check.binary));
    checker
        .arg("--url")
        .arg(format!("http://{}/", site_server.addr()))
        .arg("--chromedriver")
        .arg(chromedriver)
        .args(&check.args)
        .env("TMPDIR", &tmp);
    let tally = tally::run_counting(&mut checker, check.parse);
    site_server.warn_if_stopped(&format!("the {name} check"));
    drop(site_server);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(tally)
}
