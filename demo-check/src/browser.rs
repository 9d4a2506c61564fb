//! The browsers the checks can run in, each through its own WebDriver server, and what
//! each is told when its session starts.

use std::fmt;

use fantoccini::wd::Capabilities;
use serde_json::Value;

/// The workspace's WebDriver settings, shared with the wasm browser tests.
const WEBDRIVER_JSON: &str = include_str!("../../webdriver.json");

/// A browser, as `--browser` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Chromium through chromedriver, headless.
    Chromium,
    /// Firefox through geckodriver, headless.
    Firefox,
    /// WebKitGTK's MiniBrowser through `WebKitWebDriver`, in the X display of `DISPLAY`:
    /// it has no headless mode.
    WebKit,
}

impl Browser {
    /// What `--browser` accepts, for usage errors.
    pub const CHOICES: &'static str = "chromium, firefox or webkit";

    /// Parses a `--browser` value.
    pub fn from_name(name: &str) -> Option<Browser> {
        match name {
            "chromium" => Some(Browser::Chromium),
            "firefox" => Some(Browser::Firefox),
            "webkit" => Some(Browser::WebKit),
            _ => None,
        }
    }

    /// `chromium`, `firefox` or `webkit`.
    pub fn name(self) -> &'static str {
        match self {
            Browser::Chromium => "chromium",
            Browser::Firefox => "firefox",
            Browser::WebKit => "webkit",
        }
    }

    /// How the progress lines name it: `headless Chromium`, `WebKit (MiniBrowser)`.
    pub fn described(self) -> &'static str {
        match self {
            Browser::Chromium => "headless Chromium",
            Browser::Firefox => "headless Firefox",
            Browser::WebKit => "WebKit (MiniBrowser)",
        }
    }

    /// Its WebDriver server's arguments to listen on `port`. chromedriver and
    /// WebKitWebDriver take only `--port=N`; geckodriver takes both spellings.
    pub fn port_args(self, port: u16) -> Vec<String> {
        match self {
            // The browser's own output too, in the driver's log: the real cause when
            // Chromium does not start.
            Browser::Chromium => vec![format!("--port={port}"), "--enable-chrome-logs".into()],
            Browser::Firefox => vec!["--port".into(), port.to_string()],
            Browser::WebKit => vec![format!("--port={port}")],
        }
    }

    /// The session's capabilities: webdriver.json's options for Chromium (plus the
    /// window size) and Firefox; none for WebKit, whose driver then starts MiniBrowser.
    /// Firefox and WebKit get their window size once running ([`crate::page::Page::open`]).
    pub fn capabilities(self) -> Result<Capabilities, String> {
        let mut capabilities = Capabilities::new();
        let key = match self {
            Browser::Chromium => "goog:chromeOptions",
            Browser::Firefox => "moz:firefoxOptions",
            Browser::WebKit => return Ok(capabilities),
        };
        let mut all: Capabilities = serde_json::from_str(WEBDRIVER_JSON)
            .map_err(|err| format!("webdriver.json is not valid JSON: {err}"))?;
        let mut options = all
            .remove(key)
            .ok_or_else(|| format!("webdriver.json has no {key}"))?;
        if self == Browser::Chromium {
            let (width, height) = crate::page::DESKTOP;
            options
                .get_mut("args")
                .and_then(Value::as_array_mut)
                .ok_or_else(|| format!("webdriver.json's {key} has no args list"))?
                .push(Value::from(format!("--window-size={width},{height}")));
        }
        capabilities.insert(key.to_owned(), options);
        Ok(capabilities)
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

    const ALL: [Browser; 3] = [Browser::Chromium, Browser::Firefox, Browser::WebKit];

    #[test]
    fn every_browser_parses_from_its_own_name_and_others_do_not() {
        for browser in ALL {
            assert_eq!(Browser::from_name(browser.name()), Some(browser));
            assert!(Browser::CHOICES.contains(browser.name()));
        }
        assert_eq!(Browser::from_name("edge"), None);
        assert_eq!(Browser::from_name(""), None);
    }

    #[test]
    fn chromium_keeps_webdriver_json_args_and_adds_the_window_size() {
        let capabilities = Browser::Chromium.capabilities().unwrap();
        let args = capabilities["goog:chromeOptions"]["args"]
            .as_array()
            .unwrap();
        assert!(args.contains(&Value::from("--headless=new")));
        assert!(args.contains(&Value::from("--no-sandbox")));
        assert_eq!(args.last(), Some(&Value::from("--window-size=1280,800")));
        assert_eq!(capabilities.len(), 1);
    }

    #[test]
    fn firefox_gets_webdriver_json_firefox_options_headless_with_prefs() {
        let capabilities = Browser::Firefox.capabilities().unwrap();
        let options = &capabilities["moz:firefoxOptions"];
        assert_eq!(options["args"], serde_json::json!(["-headless"]));
        assert_eq!(
            options["prefs"]["network.websocket.delay-failed-reconnects"],
            Value::Bool(false)
        );
        assert_eq!(capabilities.len(), 1);
    }

    #[test]
    fn webkit_asks_for_nothing_so_its_driver_starts_minibrowser() {
        assert!(Browser::WebKit.capabilities().unwrap().is_empty());
    }

    #[test]
    fn each_driver_is_told_its_port_its_own_way() {
        assert_eq!(
            Browser::Chromium.port_args(4444),
            ["--port=4444", "--enable-chrome-logs"]
        );
        assert_eq!(Browser::Firefox.port_args(4444), ["--port", "4444"]);
        assert_eq!(Browser::WebKit.port_args(4444), ["--port=4444"]);
    }
}
