//! Turning what the user gave into the `ws:`/`wss:` URL the browser connects to, as the
//! WHATWG WebSockets constructor does (steps 1–5 of "new WebSocket(url, protocols)").

use crate::error::{Error, UrlProblem};

/// Resolves `url` against the global scope's base URL (the document's base URL in a
/// window, `self.location` in a worker), maps `http:` to `ws:` and `https:` to `wss:`, and
/// rejects other schemes and fragments.
///
/// Done here rather than left to the browser, so that browsers older than the 2023 change
/// to the standard (Chrome 125, Firefox 124, Safari 17.3) accept the same inputs.
pub(crate) fn resolve_url(url: &str) -> Result<String, Error> {
    let problem = |problem| Error::InvalidUrl {
        url: url.to_owned(),
        problem,
    };
    // Without a base, an absolute URL is its own base, and a relative one fails.
    let base = super::global::base_url();
    let parsed = web_sys::Url::new_with_base(url, base.as_deref().unwrap_or(url));
    match parsed {
        Ok(parsed) => websocket_url(&parsed.href()).map_err(problem),
        // Without a scheme only the base could have made sense of it.
        Err(_) if scheme_of(trim_controls_and_spaces(url.as_bytes())).is_none() => {
            Err(problem(UrlProblem::Relative))
        }
        Err(exception) => Err(problem(UrlProblem::Malformed(
            super::exception::message_of(&exception),
        ))),
    }
}

/// The WebSocket URL for a parsed, absolute URL (`href` as the URL parser serializes
/// it: lowercase scheme, `#` only where a fragment starts).
fn websocket_url(href: &str) -> Result<String, UrlProblem> {
    // The scheme of a serialized URL is always there and always lowercase. Plain byte
    // loops rather than `split_once` and `format!`: this runs in every app, and they
    // would bring in code an app may not otherwise need.
    let bytes = href.as_bytes();
    let colon = bytes.iter().position(|&b| b == b':').unwrap_or(0);
    let (scheme, rest) = (
        href.get(..colon).unwrap_or(""),
        href.get(colon..).unwrap_or(""),
    );
    let scheme = match scheme {
        "ws" | "http" => "ws",
        "wss" | "https" => "wss",
        other => return Err(UrlProblem::UnsupportedScheme(other.to_owned())),
    };
    // Even an empty fragment ("ws://host/#") is refused (step 5).
    if rest.bytes().any(|b| b == b'#') {
        return Err(UrlProblem::Fragment);
    }
    let mut url = String::with_capacity(scheme.len() + rest.len());
    url.push_str(scheme);
    url.push_str(rest);
    Ok(url)
}

/// What the URL parser strips first: leading and trailing C0 controls and spaces.
fn trim_controls_and_spaces(url: &[u8]) -> &[u8] {
    let kept = |byte: &u8| *byte > b' ';
    let start = url.iter().position(kept).unwrap_or(url.len());
    let end = url.iter().rposition(kept).map_or(start, |last| last + 1);
    url.get(start..end).unwrap_or_default()
}

/// The scheme of an absolute URL: an ASCII letter, then letters, digits, `+`, `-`, `.`,
/// up to the first `:` (WHATWG URL, scheme state). Bytes rather than chars: everything
/// checked is ASCII, and it keeps the code that ships to the browser small.
fn scheme_of(url: &[u8]) -> Option<&[u8]> {
    let colon = url.iter().position(|&byte| byte == b':')?;
    let scheme = url.get(..colon)?;
    let (first, rest) = scheme.split_first()?;
    let rest_is_valid = rest
        .iter()
        .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.'));
    (first.is_ascii_alphabetic() && rest_is_valid).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ws_and_wss_urls_are_kept() {
        for url in ["ws://127.0.0.1:9001/echo", "wss://example.com/chat?room=1"] {
            assert_eq!(websocket_url(url).as_deref(), Ok(url));
        }
    }

    #[test]
    fn http_becomes_ws_and_https_becomes_wss() {
        assert_eq!(
            websocket_url("http://example.com/ws").as_deref(),
            Ok("ws://example.com/ws")
        );
        assert_eq!(
            websocket_url("https://example.com:8443/ws?x=1").as_deref(),
            Ok("wss://example.com:8443/ws?x=1")
        );
    }

    #[test]
    fn other_schemes_are_rejected_by_name() {
        for scheme in ["ftp", "file", "data", "blob", "about"] {
            assert_eq!(
                websocket_url(&format!("{scheme}:whatever")),
                Err(UrlProblem::UnsupportedScheme(scheme.into()))
            );
        }
    }

    #[test]
    fn fragments_are_rejected_even_when_empty() {
        assert_eq!(
            websocket_url("ws://example.com/#"),
            Err(UrlProblem::Fragment)
        );
        assert_eq!(
            websocket_url("https://example.com/a#b"),
            Err(UrlProblem::Fragment)
        );
    }

    #[test]
    fn only_urls_with_a_scheme_have_one() {
        for url in [
            "/echo",
            "echo",
            "//example.com/echo",
            "",
            "   ",
            "1ws://x",
            ":x",
        ] {
            assert_eq!(
                scheme_of(trim_controls_and_spaces(url.as_bytes())),
                None,
                "{url}"
            );
        }
        assert_eq!(
            scheme_of(trim_controls_and_spaces(b"  WSS://EXAMPLE.COM ")),
            Some(&b"WSS"[..])
        );
    }
}
