//! Checks on subprotocol names (WHATWG WebSockets, constructor step "protocols").

use crate::error::Error;

/// Rejects empty names, names with characters outside an HTTP token, and duplicates.
pub(crate) fn check_protocols(protocols: &[String]) -> Result<(), Error> {
    for (index, protocol) in protocols.iter().enumerate() {
        if protocol.is_empty() || !protocol.bytes().all(is_token_char) {
            return Err(Error::InvalidProtocol {
                protocol: protocol.clone(),
            });
        }
        if protocols[..index].contains(protocol) {
            return Err(Error::DuplicateProtocol {
                protocol: protocol.clone(),
            });
        }
    }
    Ok(())
}

/// `tchar` of RFC 7230 §3.2.6.
fn is_token_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tokens_pass() {
        assert_eq!(
            check_protocols(&names(&["chat", "v2.json", "a_b-c~1"])),
            Ok(())
        );
        assert_eq!(check_protocols(&[]), Ok(()));
    }

    #[test]
    fn empty_and_non_token_names_are_rejected() {
        for bad in ["", "has space", "comma,separated", "ü", "a/b", "x\"y"] {
            assert_eq!(
                check_protocols(&names(&[bad])),
                Err(Error::InvalidProtocol {
                    protocol: bad.into()
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn duplicates_are_rejected() {
        assert_eq!(
            check_protocols(&names(&["chat", "json", "chat"])),
            Err(Error::DuplicateProtocol {
                protocol: "chat".into()
            })
        );
    }
}
