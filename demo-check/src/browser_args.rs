//! The flags both binaries share: `--browser`, `--driver` (or `--chromedriver`, its old
//! name) and `--driver-log`.

use std::path::{Path, PathBuf};

use crate::browser::Browser;
use crate::driver::{self, Driver};

/// Which browser to drive, and through what.
#[derive(Debug, PartialEq, Eq)]
pub struct BrowserArgs {
    /// `--browser`, chromium unless given.
    pub browser: Browser,
    /// `--driver`: the browser's WebDriver server.
    pub driver: PathBuf,
    /// `--driver-log`: where its output goes; see [`driver_log`](Self::driver_log).
    pub driver_log: Option<PathBuf>,
}

impl BrowserArgs {
    /// `--driver-log`, or [`driver::default_log`] beside `screenshot`.
    pub fn driver_log(&self, screenshot: &Path) -> PathBuf {
        self.driver_log
            .clone()
            .unwrap_or_else(|| driver::default_log(self.browser, screenshot))
    }

    /// Starts the driver, logging beside `screenshot` unless told otherwise.
    pub fn start_driver(&self, screenshot: &Path) -> Result<Driver, String> {
        Driver::start(self.browser, &self.driver, &self.driver_log(screenshot))
    }
}

/// These flags as a parser meets them, in any order among the others.
#[derive(Debug, Default)]
pub struct BrowserFlags {
    browser: Option<Browser>,
    driver: Option<PathBuf>,
    driver_log: Option<PathBuf>,
}

impl BrowserFlags {
    /// Takes `flag` with its `value` if it is one of these flags; `Ok(false)` if it is
    /// not (and the caller's to judge).
    pub fn take(&mut self, flag: &str, value: Result<String, String>) -> Result<bool, String> {
        match flag {
            "--browser" => {
                let name = value?;
                let browser = Browser::from_name(&name)
                    .ok_or_else(|| format!("--browser {name}: expected {}", Browser::CHOICES))?;
                self.browser = Some(browser);
            }
            "--driver" | "--chromedriver" => self.driver = Some(PathBuf::from(value?)),
            "--driver-log" => self.driver_log = Some(PathBuf::from(value?)),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The flags taken; `--driver` is required.
    pub fn finish(self) -> Result<BrowserArgs, String> {
        Ok(BrowserArgs {
            browser: self.browser.unwrap_or(Browser::Chromium),
            driver: self.driver.ok_or("--driver is required")?,
            driver_log: self.driver_log,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take_all(flags: &[(&str, &str)]) -> Result<BrowserArgs, String> {
        let mut taken = BrowserFlags::default();
        for (flag, value) in flags {
            assert!(taken.take(flag, Ok(value.to_string()))?, "{flag}");
        }
        taken.finish()
    }

    #[test]
    fn chromium_is_the_default_and_chromedriver_is_driver_by_its_old_name() {
        let args = take_all(&[("--chromedriver", "/usr/bin/chromedriver")]).unwrap();
        assert_eq!(args.browser, Browser::Chromium);
        assert_eq!(args.driver, PathBuf::from("/usr/bin/chromedriver"));
        assert_eq!(
            args.driver_log(Path::new("shot.png")),
            PathBuf::from("chromium-driver.log")
        );
    }

    #[test]
    fn browser_driver_and_log_are_taken() {
        let args = take_all(&[
            ("--browser", "webkit"),
            ("--driver", "/usr/bin/WebKitWebDriver"),
            ("--driver-log", "wk.log"),
        ])
        .unwrap();
        assert_eq!(args.browser, Browser::WebKit);
        assert_eq!(args.driver, PathBuf::from("/usr/bin/WebKitWebDriver"));
        assert_eq!(
            args.driver_log(Path::new("shot.png")),
            PathBuf::from("wk.log")
        );
    }

    #[test]
    fn an_unknown_browser_or_no_driver_is_an_error() {
        let error = take_all(&[("--browser", "edge"), ("--driver", "d")]).unwrap_err();
        assert!(error.contains("chromium, firefox or webkit"), "{error}");
        assert!(take_all(&[("--browser", "firefox")]).is_err());
        let mut flags = BrowserFlags::default();
        assert_eq!(flags.take("--url", Ok("x".into())), Ok(false));
        assert!(flags
            .take("--driver", Err("--driver needs a value".into()))
            .is_err());
    }
}
