//! `/close/{code}?reason=...`: the server closes first, with the code and reason asked
//! for, so a test can check the browser's `CloseEvent` reports them exactly.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::closing;
use crate::session::WsRequest;

pub async fn handler(
    Path(code): Path<String>,
    Query(mut query): Query<HashMap<String, String>>,
    request: WsRequest,
) -> Response {
    let Some(code) = parse_close_code(&code) else {
        let message = format!("close code {code:?} is not one a browser accepts from a server");
        return (StatusCode::BAD_REQUEST, message).into_response();
    };
    let reason = query.remove("reason").unwrap_or_default();
    // RFC 6455 §5.5: a control frame's payload (2 code bytes + reason) is at most 125 bytes.
    if reason.len() > 123 {
        return (StatusCode::BAD_REQUEST, "reason longer than 123 bytes").into_response();
    }
    request.run(move |socket| async move { closing::close_and_wait(socket, code, &reason).await })
}

/// Parses a close code the server may send and a browser reports back unchanged.
///
/// Accepts 1000–1003, 1007–1013 and 3000–4999. Refused: codes outside 1000–4999; 1005,
/// 1006 and 1015, which RFC 6455 §7.4.1 forbids in a close frame; and 1004, 1014 and
/// 1016–2999, which some browser treats as a protocol error (the test would then see
/// 1006, not the code it asked for).
pub fn parse_close_code(text: &str) -> Option<u16> {
    let code: u16 = text.parse().ok()?;
    matches!(code, 1000..=1003 | 1007..=1013 | 3000..=4999).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_a_browser_reports_unchanged_are_accepted() {
        for code in [
            "1000", "1001", "1003", "1007", "1011", "1013", "3000", "4001", "4999",
        ] {
            assert!(parse_close_code(code).is_some(), "{code}");
        }
        assert_eq!(parse_close_code("4001"), Some(4001));
    }

    #[test]
    fn reserved_and_out_of_range_codes_are_refused() {
        for code in [
            "0", "999", "1004", "1005", "1006", "1014", "1015", "2000", "2999", "5000",
        ] {
            assert_eq!(parse_close_code(code), None, "{code}");
        }
    }

    #[test]
    fn non_numbers_are_refused() {
        for code in ["", "abc", "-1000", "1000.0", "70000", " 1000"] {
            assert_eq!(parse_close_code(code), None, "{code:?}");
        }
    }
}
