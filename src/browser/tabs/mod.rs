//! What tabs of one origin share: a Web Lock ([`TabLock`]) to choose the one that holds
//! the connection, and a `BroadcastChannel` ([`TabChannel`]) to talk over; and when a page
//! goes away or comes back ([`PageLife`]), for the tab count.

mod channel;
mod lock;
mod page_life;

pub(crate) use channel::{Part, TabChannel};
pub(crate) use lock::TabLock;
pub(crate) use page_life::PageLife;
