//! The browsers the wasm tests run in.

use std::fmt;

/// A headless browser driven through WebDriver by `wasm-bindgen-test-runner`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    /// Every browser, in the order `cargo xtask test` runs them.
    pub const ALL: [Browser; 2] = [Browser::Chromium, Browser::Firefox];

    /// Parses the `--browser` value.
    pub fn from_name(name: &str) -> Option<Browser> {
        match name {
            "chromium" | "chrome" => Some(Browser::Chromium),
            "firefox" => Some(Browser::Firefox),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
        }
    }
}

impl fmt::Display for Browser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
