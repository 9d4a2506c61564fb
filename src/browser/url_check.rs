//! Checks on a WebSocket URL that need no browser (WHATWG WebSockets, constructor steps).

use crate::{Error, UrlProblem};

/// Rejects relative URLs, schemes other than `ws`/`wss`, and fragments.
///
/// Everything else (hosts, ports, escapes) is left to the browser's own URL parser, whose
/// `SyntaxError` becomes [`UrlProblem::Malformed`]. Checking these three here keeps the
/// answer the same in every browser: newer ones resolve relative and `http:` URLs
/// against the page, older ones throw.
pub(crate) fn check_url(url: &str) -> Result<(), Error> {
    let problem = |problem| {
        Err(Error::InvalidUrl {
            url: url.to_owned(),
            problem,
        })
    };
    // Bytes rather than chars: everything checked here is ASCII, and it keeps the code
    // that ships to the browser small.
    let trimmed = trim_controls_and_spaces(url.as_bytes());
    let Some(scheme) = scheme_of(trimmed) else {
        return problem(UrlProblem::Relative);
    };
    if !scheme.eq_ignore_ascii_case(b"ws") && !scheme.eq_ignore_ascii_case(b"wss") {
        let scheme = String::from_utf8_lossy(scheme).into_owned();
        return problem(UrlProblem::UnsupportedScheme(scheme));
    }
    // In the URL parser '#' always starts the fragment, wherever it stands.
    if trimmed.contains(&b'#') {
        return problem(UrlProblem::Fragment);
    }
    Ok(())
}

/// What the URL parser strips first: leading and trailing C0 controls and spaces.
fn trim_controls_and_spaces(url: &[u8]) -> &[u8] {
    let kept = |byte: &u8| *byte > b' ';
    let start = url.iter().position(kept).unwrap_or(url.len());
    let end = url.iter().rposition(kept).map_or(start, |last| last + 1);
    &url[start..end]
}

/// The scheme of an absolute URL: an ASCII letter, then letters, digits, `+`, `-`, `.`,
/// up to the first `:` (WHATWG URL, scheme state).
fn scheme_of(url: &[u8]) -> Option<&[u8]> {
    let colon = url.iter().position(|&byte| byte == b':')?;
    let scheme = &url[..colon];
    let (first, rest) = scheme.split_first()?;
    let rest_is_valid = rest
        .iter()
        .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.'));
    (first.is_ascii_alphabetic() && rest_is_valid).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(url: &str) -> Option<UrlProblem> {
        match check_url(url) {
            Ok(()) => None,
            Err(Error::InvalidUrl { problem, .. }) => Some(problem),
            Err(other) => panic!("unexpected error {other:?}"),
        }
    }

    #[test]
    fn absolute_ws_and_wss_urls_pass() {
        for url in [
            "ws://127.0.0.1:9001/echo",
            "wss://example.com/chat?room=1",
            "WSS://EXAMPLE.COM",
            "  ws://example.com  ",
        ] {
            assert_eq!(problem(url), None, "{url}");
        }
    }

    #[test]
    fn relative_urls_are_rejected() {
        for url in ["/echo", "echo", "//example.com/echo", "", "   ", "1ws://x"] {
            assert_eq!(problem(url), Some(UrlProblem::Relative), "{url}");
        }
    }

    #[test]
    fn other_schemes_are_rejected() {
        assert_eq!(
            problem("http://example.com/"),
            Some(UrlProblem::UnsupportedScheme("http".into()))
        );
        assert_eq!(
            problem("ftp://example.com/"),
            Some(UrlProblem::UnsupportedScheme("ftp".into()))
        );
    }

    #[test]
    fn fragments_are_rejected_even_when_empty() {
        assert_eq!(problem("ws://example.com/#"), Some(UrlProblem::Fragment));
        assert_eq!(problem("ws://example.com/a#b"), Some(UrlProblem::Fragment));
    }

    #[test]
    fn the_error_keeps_the_url_as_given() {
        assert_eq!(
            check_url("/x"),
            Err(Error::InvalidUrl {
                url: "/x".into(),
                problem: UrlProblem::Relative
            })
        );
    }
}
