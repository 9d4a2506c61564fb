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
    // The URL parser strips leading and trailing C0 controls and spaces.
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let Some(scheme) = scheme_of(trimmed) else {
        return problem(UrlProblem::Relative);
    };
    if !scheme.eq_ignore_ascii_case("ws") && !scheme.eq_ignore_ascii_case("wss") {
        return problem(UrlProblem::UnsupportedScheme(scheme.to_owned()));
    }
    // In the URL parser '#' always starts the fragment, wherever it stands.
    if trimmed.contains('#') {
        return problem(UrlProblem::Fragment);
    }
    Ok(())
}

/// The scheme of an absolute URL: an ASCII letter, then letters, digits, `+`, `-`, `.`,
/// up to the first `:` (WHATWG URL, scheme state).
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first_is_letter = chars.next()?.is_ascii_alphabetic();
    let rest_is_valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_is_valid).then_some(scheme)
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
