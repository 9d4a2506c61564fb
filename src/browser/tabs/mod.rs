//! What tabs of one origin share: a Web Lock ([`TabLock`]) to choose the one that holds
//! the connection, and a `BroadcastChannel` ([`TabChannel`]) to talk over.

mod channel;
mod lock;

pub(crate) use channel::{Part, TabChannel};
pub(crate) use lock::TabLock;
