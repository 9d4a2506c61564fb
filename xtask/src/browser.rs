//! The browsers the wasm tests run in.

use std::fmt;

/// A browser driven through WebDriver by `wasm-bindgen-test-runner` or demo-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Debian's Chromium through chromedriver, headless.
    Chromium,
    /// Firefox ESR through geckodriver, headless.
    Firefox,
    /// WebKitGTK's MiniBrowser through `WebKitWebDriver`, in an Xvfb display: Safari's
    /// engine, as Linux has it.
    WebKit,
}

impl Browser {
    /// Every browser, in the order `cargo xtask test` runs them.
    pub const ALL: [Browser; 3] = [Browser::Chromium, Browser::Firefox, Browser::WebKit];

    /// What `--browser` accepts, for usage errors.
    pub const CHOICES: &'static str = "chromium, firefox or webkit";

    /// Parses the `--browser` value.
    pub fn from_name(name: &str) -> Option<Browser> {
        match name {
            "chromium" | "chrome" => Some(Browser::Chromium),
            "firefox" => Some(Browser::Firefox),
            "webkit" | "safari" => Some(Browser::WebKit),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
            Browser::WebKit => "webkit",
        }
    }
}

impl fmt::Display for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_browser_parses_from_its_own_name() {
        for browser in Browser::ALL {
            assert_eq!(Browser::from_name(browser.name()), Some(browser));
            assert!(Browser::CHOICES.contains(browser.name()));
        }
        assert_eq!(Browser::from_name("safari"), Some(Browser::WebKit));
        assert_eq!(Browser::from_name("edge"), None);
    }
}
