//! The command line: `--url URL --chromedriver PATH --screenshot PATH [--phone-screenshot PATH]`.

use std::path::PathBuf;

pub const USAGE: &str =
    "usage: demo-check --url http://127.0.0.1:PORT/ --chromedriver /usr/bin/chromedriver \
--screenshot target/demo.png [--phone-screenshot target/demo-phone.png]

Drives the demo page in headless Chromium, prints each check as it passes, saves a
screenshot at 1280x800 (and, if asked, one at phone width, 390x844), and ends with
`demo: N passed, M failed`.";

#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    /// The demo page, served by the test server (which also serves the WebSocket routes).
    pub url: String,
    pub chromedriver: PathBuf,
    pub screenshot: PathBuf,
    pub phone_screenshot: Option<PathBuf>,
}

/// Parses the arguments after the program name; the error is a one-line message.
pub fn parse(arguments: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let (mut url, mut chromedriver, mut screenshot, mut phone_screenshot) =
        (None, None, None, None);
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
            "--chromedriver" => chromedriver = Some(PathBuf::from(value?)),
            "--screenshot" => screenshot = Some(PathBuf::from(value?)),
            "--phone-screenshot" => phone_screenshot = Some(PathBuf::from(value?)),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    let url = url.ok_or("--url is required")?;
    if !url.starts_with("http://") {
        return Err(format!("--url {url}: expected http://HOST:PORT/"));
    }
    Ok(Args {
        url,
        chromedriver: chromedriver.ok_or("--chromedriver is required")?,
        screenshot: screenshot.ok_or("--screenshot is required")?,
        phone_screenshot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(arguments: &[&str]) -> Result<Args, String> {
        parse(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn all_flags_in_both_spellings() {
        let args = parse_strs(&[
            "--url=http://127.0.0.1:1/",
            "--chromedriver",
            "/usr/bin/chromedriver",
            "--screenshot",
            "a.png",
            "--phone-screenshot=b.png",
        ])
        .unwrap();
        assert_eq!(args.url, "http://127.0.0.1:1/");
        assert_eq!(args.chromedriver, PathBuf::from("/usr/bin/chromedriver"));
        assert_eq!(args.screenshot, PathBuf::from("a.png"));
        assert_eq!(args.phone_screenshot, Some(PathBuf::from("b.png")));
    }

    #[test]
    fn missing_or_unknown_flags_are_errors() {
        assert!(parse_strs(&["--url", "http://x/"]).is_err());
        assert!(parse_strs(&["--url"]).is_err());
        assert!(parse_strs(&["--verbose", "1"]).is_err());
        let no_http = [
            "--url",
            "ws://x/",
            "--chromedriver",
            "c",
            "--screenshot",
            "s",
        ];
        assert!(parse_strs(&no_http).is_err());
    }
}
