//! Checking close codes and reasons before they reach the browser: the fallible
//! [`CloseCode`] constructors and the check `close(code, reason)` runs first.
//!
//! Apart from `close.rs` so that the close vocabulary and [`Error`], which names close
//! codes, do not import each other.

use crate::close::{CloseCode, MAX_CLOSE_REASON_BYTES};
use crate::error::Error;

impl CloseCode {
    /// Checks that `code` lies in 1000–4999, the range RFC 6455 gives meaning to.
    ///
    /// ```
    /// use browser_websocket::{CloseCode, Error};
    ///
    /// assert_eq!(CloseCode::new(3000)?.as_u16(), 3000);
    /// assert_eq!(CloseCode::new(5000), Err(Error::InvalidCloseCode(5000)));
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidCloseCode`] for 0–999 and 5000–65535.
    pub fn new(code: u16) -> Result<CloseCode, Error> {
        if matches!(code, 1000..=4999) {
            Ok(CloseCode(code))
        } else {
            Err(Error::InvalidCloseCode(code))
        }
    }
}

impl TryFrom<u16> for CloseCode {
    type Error = Error;

    fn try_from(code: u16) -> Result<CloseCode, Error> {
        CloseCode::new(code)
    }
}

/// Checks a code and reason before they reach the browser's `close(code, reason)`.
///
/// The browser would throw `InvalidAccessError` for the code and `SyntaxError` for the
/// reason (WHATWG WebSockets, close() steps 1–3); we return a typed error instead.
pub(crate) fn check_close(code: CloseCode, reason: &str) -> Result<(), Error> {
    if !code.is_sendable() {
        return Err(Error::CloseCodeNotSendable(code));
    }
    if reason.len() > MAX_CLOSE_REASON_BYTES {
        return Err(Error::CloseReasonTooLong {
            bytes: reason.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_code_rejects_numbers_outside_the_rfc_range() {
        for code in [0, 1, 999, 5000, 65535] {
            assert_eq!(CloseCode::new(code), Err(Error::InvalidCloseCode(code)));
        }
    }

    #[test]
    fn close_code_1005_is_rejected_before_js() {
        assert_eq!(
            check_close(CloseCode::NO_STATUS, ""),
            Err(Error::CloseCodeNotSendable(CloseCode::NO_STATUS))
        );
    }

    #[test]
    fn reserved_codes_are_not_sendable() {
        for code in [1004, 1005, 1006, 1015] {
            let code = CloseCode(code);
            assert!(code.is_reserved());
            assert_eq!(
                check_close(code, ""),
                Err(Error::CloseCodeNotSendable(code))
            );
        }
    }

    #[test]
    fn reason_of_123_bytes_is_accepted_and_124_rejected() {
        let fits = "a".repeat(123);
        let too_long = "a".repeat(124);
        assert_eq!(check_close(CloseCode::NORMAL, &fits), Ok(()));
        assert_eq!(
            check_close(CloseCode::NORMAL, &too_long),
            Err(Error::CloseReasonTooLong { bytes: 124 })
        );
    }

    #[test]
    fn reason_length_counts_utf8_bytes_not_chars() {
        // 62 two-byte characters are 124 bytes: one too many.
        let reason = "é".repeat(62);
        assert_eq!(reason.chars().count(), 62);
        assert_eq!(
            check_close(CloseCode::NORMAL, &reason),
            Err(Error::CloseReasonTooLong { bytes: 124 })
        );
    }
}
