//! The command line: `--url URL [--browser NAME] --driver PATH [--driver-log PATH]
//! --screenshot PATH [--phone-screenshot PATH]`.

use std::path::PathBuf;

use crate::browser_args::{BrowserArgs, BrowserFlags};

pub const USAGE: &str = "usage: demo-check --url http://127.0.0.1:PORT/ \
[--browser chromium|firefox|webkit] --driver /usr/bin/chromedriver \
[--driver-log PATH] --screenshot target/demo.png [--phone-screenshot target/demo-phone.png]

Drives the demo page in the browser (chromium unless --browser says: headless through
chromedriver; firefox: headless through geckodriver; webkit: MiniBrowser through
WebKitWebDriver, in the X display of DISPLAY), prints each check as it passes, saves a
screenshot at 1280x800 (and, if asked, one at phone width, 390x844, or as near as the
window goes: MiniBrowser's no narrower than 447, Firefox's than 500), and ends with
`demo: N passed, M failed`. --chromedriver is another name for --driver. The driver's
output goes to --driver-log, by default BROWSER-driver.log beside the screenshot.";

#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    /// The demo page, served by the test server (which also serves the WebSocket routes).
    pub url: String,
    pub webdriver: BrowserArgs,
    pub screenshot: PathBuf,
    pub phone_screenshot: Option<PathBuf>,
}

/// Parses the arguments after the program name; the error is a one-line message.
pub fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let (mut url, mut screenshot, mut phone_screenshot) = (None, None, None);
    let mut browser = BrowserFlags::default();
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        let (flag, inline) = match argument.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (argument, None),
        };
        let value = inline
            .or_else(|| arguments.next())
            .ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--url" => url = Some(value?),
            "--screenshot" => screenshot = Some(PathBuf::from(value?)),
            "--phone-screenshot" => phone_screenshot = Some(PathBuf::from(value?)),
            other => {
                if !browser.take(other, value)? {
                    return Err(format!("unknown argument: {other}"));
                }
            }
        }
    }
    let url = url.ok_or("--url is required")?;
    if !url.starts_with("http://") {
        return Err(format!("--url {url}: expected http://HOST:PORT/"));
    }
    Ok(Args {
        url,
        webdriver: browser.finish()?,
        screenshot: screenshot.ok_or("--screenshot is required")?,
        phone_screenshot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::Browser;

    fn parse_strs(arguments: &[&str]) -> Result<Args, String> {
        parse(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn all_flags_in_both_spellings() {
        let args = parse_strs(&[
            "--url=http://127.0.0.1:1/",
            "--browser",
            "webkit",
            "--driver=/usr/bin/WebKitWebDriver",
            "--driver-log",
            "wk.log",
            "--screenshot",
            "a.png",
            "--phone-screenshot=b.png",
        ])
        .unwrap();
        assert_eq!(args.url, "http://127.0.0.1:1/");
        assert_eq!(args.webdriver.browser, Browser::WebKit);
        assert_eq!(
            args.webdriver.driver,
            PathBuf::from("/usr/bin/WebKitWebDriver")
        );
        assert_eq!(args.webdriver.driver_log, Some(PathBuf::from("wk.log")));
        assert_eq!(args.screenshot, PathBuf::from("a.png"));
        assert_eq!(args.phone_screenshot, Some(PathBuf::from("b.png")));
    }

    #[test]
    fn chromedriver_still_names_the_driver_of_the_default_chromium() {
        let args = parse_strs(&[
            "--url",
            "http://127.0.0.1:1/",
            "--chromedriver",
            "/usr/bin/chromedriver",
            "--screenshot",
            "a.png",
        ])
        .unwrap();
        assert_eq!(args.webdriver.browser, Browser::Chromium);
        assert_eq!(
            args.webdriver.driver,
            PathBuf::from("/usr/bin/chromedriver")
        );
        assert_eq!(args.webdriver.driver_log, None);
    }

    #[test]
    fn missing_or_unknown_flags_and_browsers_are_errors() {
        assert!(parse_strs(&["--url", "http://x/"]).is_err());
        assert!(parse_strs(&["--url"]).is_err());
        assert!(parse_strs(&["--verbose", "1"]).is_err());
        let with = |url: &str, browser: &str| {
            parse_strs(&[
                "--url",
                url,
                "--browser",
                browser,
                "--driver",
                "d",
                "--screenshot",
                "s",
            ])
        };
        assert!(with("http://x/", "firefox").is_ok());
        assert!(with("ws://x/", "firefox").is_err());
        let edge = with("http://x/", "edge").unwrap_err();
        assert!(edge.contains("--browser edge"), "{edge}");
    }
}
