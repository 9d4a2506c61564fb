//! Settings for `wasm-bindgen-test-runner`, the cargo runner of wasm32 tests
//! (`.cargo/config.toml`), so that it drives exactly one headless browser. Used by the
//! browser tests, the `wasm-pack test` run and the bench.

use crate::browser::Browser;
use crate::cmd::workspace_root;
use crate::setup::Driver;
use std::env;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

/// Driver variables the runner looks at. It takes the first `*_REMOTE` one, then the
/// first `GECKODRIVER`/`SAFARIDRIVER`/`CHROMEDRIVER`/`MSEDGEDRIVER` one, in that order,
/// so any stray one would silently pick the wrong browser.
const DRIVER_VARS: [&str; 4] = [
    "GECKODRIVER",
    "SAFARIDRIVER",
    "CHROMEDRIVER",
    "MSEDGEDRIVER",
];

/// Seconds for the driver to bind its port; the runner's default of 5 is tight on a busy
/// machine.
const DRIVER_TIMEOUT: &str = "30";

/// The variable that names `browser`'s driver binary.
pub fn driver_var(browser: Browser) -> &'static str {
    match browser {
        Browser::Chromium => "CHROMEDRIVER",
        Browser::Firefox => "GECKODRIVER",
        // The runner's name for any driver that takes empty capabilities and
        // `--port=N`, which WebKitGTK's WebKitWebDriver does.
        Browser::WebKit => "SAFARIDRIVER",
    }
}

/// Points `cmd`'s runner at `driver`'s browser, headless (WebKit in its Xvfb display),
/// with webdriver.json's capabilities, `timeout` seconds per test binary (unless the user
/// set `WASM_BINDGEN_TEST_TIMEOUT`), and `tmp` for the browser's profile.
///
/// Should the browser not start, the runner prints the driver's output, and for Chromium
/// that includes the browser's own (`--enable-chrome-logs`): the real cause, not just
/// "Chrome instance exited".
pub fn configure(cmd: &mut Command, driver: &Driver, timeout: &str, tmp: &Path) {
    // Would make the runner serve the page and wait for a human forever.
    cmd.env_remove("NO_HEADLESS");
    for var in DRIVER_VARS {
        cmd.env_remove(var).env_remove(format!("{var}_REMOTE"));
    }
    cmd.env(driver_var(driver.browser), &driver.path)
        // Each headless run leaves a browser profile in TMPDIR: the caller deletes `tmp`.
        .env("TMPDIR", tmp);
    driver.set_env(cmd);
    if driver.browser == Browser::Chromium {
        set_unless_user_did(cmd, "CHROMEDRIVER_ARGS", "--enable-chrome-logs");
    }
    set_unless_user_did(cmd, "WASM_BINDGEN_TEST_TIMEOUT", timeout);
    set_unless_user_did(cmd, "WASM_BINDGEN_TEST_DRIVER_TIMEOUT", DRIVER_TIMEOUT);
    // The runner reads `webdriver.json` from its working directory by default; an
    // absolute path keeps the headless flags (and `--no-sandbox`, which Chromium needs
    // as root) whatever directory cargo or wasm-pack picks.
    let webdriver_json = workspace_root().join("webdriver.json");
    set_unless_user_did(cmd, "WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json);
}

fn set_unless_user_did(cmd: &mut Command, var: &str, value: impl AsRef<OsStr>) {
    if env::var_os(var).is_none() {
        cmd.env(var, value);
    }
}
