//! The command line: `--scenario yew|leptos|dioxus|tabs --url URL [--browser NAME] --driver PATH
//! [--driver-log PATH] --screenshot PATH`.

use std::path::PathBuf;

use crate::browser_args::{BrowserArgs, BrowserFlags};

pub const USAGE: &str =
    "usage: example-check --scenario yew|leptos|dioxus|tabs --url http://127.0.0.1:PORT/ \
[--browser chromium|firefox|webkit] --driver /usr/bin/chromedriver [--driver-log PATH] \
--screenshot target/yew-chat.png

Drives the example's chat in two sessions of the browser (tabs: the demo page's shared
connection in three windows of one session; chromium unless --browser says:
headless through chromedriver; firefox: headless through geckodriver; webkit: MiniBrowser
through WebKitWebDriver, in the X display of DISPLAY), prints each check as it passes,
saves a screenshot at 1280x800, and ends with `SCENARIO: N passed, M failed`.
--chromedriver is another name for --driver. The driver's output goes to --driver-log,
by default BROWSER-driver.log beside the screenshot.";

/// The examples, by the name of their scenario.
const SCENARIOS: [&str; 4] = ["yew", "leptos", "dioxus", "tabs"];

#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    /// `yew`, `leptos` or `dioxus`; `tabs` for the demo page's shared connection.
    pub scenario: String,
    /// The example, served by the test server (which also serves `/echo`).
    pub url: String,
    pub webdriver: BrowserArgs,
    pub screenshot: PathBuf,
}

/// Parses the arguments after the program name; the error is a one-line message.
pub fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let (mut scenario, mut url, mut screenshot) = (None, None, None);
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
            "--scenario" => scenario = Some(value?),
            "--url" => url = Some(value?),
            "--screenshot" => screenshot = Some(PathBuf::from(value?)),
            other => {
                if !browser.take(other, value)? {
                    return Err(format!("unknown argument: {other}"));
                }
            }
        }
    }
    let scenario = scenario.ok_or("--scenario is required")?;
    if !SCENARIOS.contains(&scenario.as_str()) {
        return Err(format!(
            "--scenario {scenario}: expected yew, leptos, dioxus or tabs"
        ));
    }
    let url = url.ok_or("--url is required")?;
    if !url.starts_with("http://") {
        return Err(format!("--url {url}: expected http://HOST:PORT/"));
    }
    Ok(Args {
        scenario,
        url,
        webdriver: browser.finish()?,
        screenshot: screenshot.ok_or("--screenshot is required")?,
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
            "--scenario=leptos",
            "--url",
            "http://127.0.0.1:1/",
            "--browser=firefox",
            "--driver",
            "/root/.cargo/bin/geckodriver",
            "--driver-log=gecko.log",
            "--screenshot",
            "a.png",
        ])
        .unwrap();
        assert_eq!(args.scenario, "leptos");
        assert_eq!(args.url, "http://127.0.0.1:1/");
        assert_eq!(args.webdriver.browser, Browser::Firefox);
        assert_eq!(
            args.webdriver.driver,
            PathBuf::from("/root/.cargo/bin/geckodriver")
        );
        assert_eq!(args.webdriver.driver_log, Some(PathBuf::from("gecko.log")));
        assert_eq!(args.screenshot, PathBuf::from("a.png"));
    }

    #[test]
    fn chromedriver_still_names_the_driver_of_the_default_chromium() {
        let args = parse_strs(&[
            "--scenario",
            "yew",
            "--url",
            "http://127.0.0.1:1/",
            "--chromedriver=/usr/bin/chromedriver",
            "--screenshot",
            "a.png",
        ])
        .unwrap();
        assert_eq!(args.webdriver.browser, Browser::Chromium);
        assert_eq!(
            args.webdriver.driver,
            PathBuf::from("/usr/bin/chromedriver")
        );
    }

    #[test]
    fn unknown_scenarios_browsers_and_missing_flags_are_errors() {
        let rest = ["--url", "http://x/", "--driver", "d", "--screenshot", "s"];
        let with = |scenario: &str, browser: &str| {
            let mut all = vec!["--scenario", scenario, "--browser", browser];
            all.extend(rest);
            parse_strs(&all)
        };
        assert!(with("yew", "webkit").is_ok());
        assert!(with("dioxus", "webkit").is_ok());
        assert!(with("react", "webkit").is_err());
        assert!(with("yew", "edge").is_err());
        assert!(parse_strs(&rest).is_err());
        assert!(parse_strs(&["--scenario"]).is_err());
    }
}
