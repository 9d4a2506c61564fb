//! A [`Wire`] as the parts of a channel post, and back: a tag, then its fields.

use std::time::Duration;

use super::wire::{MessageId, SendId, TabId, Term, Wire};
use crate::browser::tabs::Part;
use crate::close::{CloseCode, CloseEvent};
use crate::connection_status::{ClosedBecause, ConnectionStatus, GiveUp};
use crate::message::Message;

/// What the tabs of one connection post: a message, and the connection's status.
pub(crate) type Post = Wire<Message, ConnectionStatus>;

/// The parts a channel carries for `wire`.
pub(crate) fn encode(wire: &Post) -> Vec<Part> {
    let n = |value: u64| Part::Number(value as f64);
    match wire {
        Wire::Hello { tab } => vec![n(0), n(tab.0)],
        Wire::Bye { tab } => vec![n(1), n(tab.0)],
        Wire::Lead { term, leader, tabs } => vec![n(2), n(term.0), n(leader.0), n(*tabs as u64)],
        Wire::Status { term, status } => {
            let mut parts = vec![n(3), n(term.0)];
            parts.extend(encode_status(status));
            parts
        }
        Wire::Received { id, message } => {
            vec![n(4), n(id.term.0), n(id.seq), encode_message(message)]
        }
        Wire::Send { id, message } => vec![n(5), n(id.from.0), n(id.n), encode_message(message)],
        Wire::Confirmed { to, upto } => vec![n(6), n(to.0), n(*upto)],
    }
}

/// The wire `parts` stand for, or `None` for parts this crate did not post.
pub(crate) fn decode(parts: Vec<Part>) -> Option<Post> {
    let mut parts = parts.into_iter();
    let mut number = || match parts.next() {
        Some(Part::Number(number)) if number >= 0.0 => Some(number as u64),
        _ => None,
    };
    let tag = number()?;
    let wire = match tag {
        0 => Wire::Hello {
            tab: TabId(number()?),
        },
        1 => Wire::Bye {
            tab: TabId(number()?),
        },
        2 => Wire::Lead {
            term: Term(number()?),
            leader: TabId(number()?),
            tabs: number()? as usize,
        },
        3 => {
            let term = Term(number()?);
            let (kind, a, b) = (number()?, number(), number());
            let reason = match parts.next() {
                Some(Part::Text(reason)) => reason,
                _ => String::new(),
            };
            Wire::Status {
                term,
                status: decode_status(kind, a, b, reason)?,
            }
        }
        4 | 5 => {
            let (first, second) = (number()?, number()?);
            let message = decode_message(parts.next()?)?;
            if tag == 4 {
                let id = MessageId {
                    term: Term(first),
                    seq: second,
                };
                Wire::Received { id, message }
            } else {
                let id = SendId {
                    from: TabId(first),
                    n: second,
                };
                Wire::Send { id, message }
            }
        }
        6 => Wire::Confirmed {
            to: TabId(number()?),
            upto: number()?,
        },
        _ => return None,
    };
    Some(wire)
}

fn encode_message(message: &Message) -> Part {
    match message {
        Message::Text(text) => Part::Text(text.clone()),
        Message::Binary(bytes) => Part::Bytes(bytes.clone()),
        Message::Blob(blob) => Part::Blob(blob.clone()),
    }
}

fn decode_message(part: Part) -> Option<Message> {
    match part {
        Part::Text(text) => Some(Message::Text(text)),
        Part::Bytes(bytes) => Some(Message::Binary(bytes)),
        Part::Blob(blob) => Some(Message::Blob(blob)),
        Part::Number(_) => None,
    }
}

/// A status as a kind and up to two numbers, then a close's reason.
fn encode_status(status: &ConnectionStatus) -> Vec<Part> {
    let n = |value: u64| Part::Number(value as f64);
    match status {
        ConnectionStatus::Connecting => vec![n(0)],
        ConnectionStatus::Open => vec![n(1)],
        ConnectionStatus::Waiting { attempt, retry_in } => {
            vec![n(2), n(u64::from(*attempt)), n(retry_in.as_millis() as u64)]
        }
        ConnectionStatus::Offline { attempt } => vec![n(3), n(u64::from(*attempt))],
        ConnectionStatus::Reconnecting { attempt } => vec![n(4), n(u64::from(*attempt))],
        ConnectionStatus::Closing => vec![n(5)],
        ConnectionStatus::Closed(ClosedBecause::Final(close)) => vec![
            n(6),
            n(u64::from(close.code.as_u16())),
            n(u64::from(close.was_clean)),
            Part::Text(close.reason.clone()),
        ],
        ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted { attempts })) => {
            vec![n(8), n(u64::from(*attempts))]
        }
        // Closed for another reason (a URL the browser refused, whose error does not
        // cross): the other tabs' handles say the connection they shared is gone.
        ConnectionStatus::Closed(_) => vec![n(7)],
    }
}

fn decode_status(
    kind: u64,
    a: Option<u64>,
    b: Option<u64>,
    reason: String,
) -> Option<ConnectionStatus> {
    let attempt = || a.and_then(|a| u32::try_from(a).ok());
    let status = match kind {
        0 => ConnectionStatus::Connecting,
        1 => ConnectionStatus::Open,
        2 => ConnectionStatus::Waiting {
            attempt: attempt()?,
            retry_in: Duration::from_millis(b?),
        },
        3 => ConnectionStatus::Offline {
            attempt: attempt()?,
        },
        4 => ConnectionStatus::Reconnecting {
            attempt: attempt()?,
        },
        5 => ConnectionStatus::Closing,
        6 => ConnectionStatus::Closed(ClosedBecause::Final(CloseEvent {
            code: CloseCode::new(u16::try_from(a?).ok()?).ok()?,
            reason,
            was_clean: b? == 1,
        })),
        7 => ConnectionStatus::Closed(ClosedBecause::Dropped),
        8 => ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted {
            attempts: attempt()?,
        })),
        _ => return None,
    };
    Some(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(wire: Post) {
        assert_eq!(decode(encode(&wire)), Some(wire));
    }

    #[test]
    fn every_wire_comes_back_as_it_went() {
        round_trip(Wire::Hello { tab: TabId(7) });
        round_trip(Wire::Bye { tab: TabId(7) });
        round_trip(Wire::Lead {
            term: Term(1_765_000_000_000),
            leader: TabId((1 << 53) - 1),
            tabs: 3,
        });
        round_trip(Wire::Received {
            id: MessageId {
                term: Term(5),
                seq: 9,
            },
            message: Message::Text("hi".into()),
        });
        round_trip(Wire::Send {
            id: SendId {
                from: TabId(2),
                n: 4,
            },
            message: Message::Binary(vec![0, 1, 255]),
        });
        round_trip(Wire::Confirmed {
            to: TabId(2),
            upto: 4,
        });
    }

    #[test]
    fn every_status_comes_back_as_it_went() {
        let close = CloseEvent {
            code: CloseCode::new(4001).expect("in range"),
            reason: "bye".into(),
            was_clean: true,
        };
        for status in [
            ConnectionStatus::Connecting,
            ConnectionStatus::Open,
            ConnectionStatus::Waiting {
                attempt: 2,
                retry_in: Duration::from_millis(1400),
            },
            ConnectionStatus::Offline { attempt: 1 },
            ConnectionStatus::Reconnecting { attempt: 3 },
            ConnectionStatus::Closing,
            ConnectionStatus::Closed(ClosedBecause::Final(close)),
            ConnectionStatus::Closed(ClosedBecause::Dropped),
            ConnectionStatus::Closed(ClosedBecause::GaveUp(GiveUp::AttemptsExhausted {
                attempts: 5,
            })),
        ] {
            round_trip(Wire::Status {
                term: Term(1),
                status,
            });
        }
    }

    #[test]
    fn posts_that_are_not_the_crates_are_skipped() {
        assert_eq!(decode(vec![]), None);
        assert_eq!(decode(vec![Part::Text("hello".into())]), None);
        assert_eq!(decode(vec![Part::Number(99.0)]), None);
        assert_eq!(decode(vec![Part::Number(4.0), Part::Number(1.0)]), None);
        assert_eq!(decode(vec![Part::Number(-1.0)]), None);
    }
}
