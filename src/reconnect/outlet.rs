//! [`Outlet`]: what a [`ReconnectHandle`](crate::ReconnectHandle) and its status stream
//! send to and read from.
//!
//! This layer's own connection ([`Shared`](super::shared::Shared)) is one outlet. A layer
//! on top brings another (one connection shared by every tab of an origin), so that its
//! users get the same handle, status stream and event stream as everyone else, and every
//! part of the crate that takes a `ReconnectHandle` works with it unchanged.

use std::fmt;
use std::rc::Rc;
use std::task::Waker;

use crate::binary_type::BinaryType;
use crate::close::CloseCode;
use crate::connection_status::ConnectionStatus;
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;
use crate::reconnect::offline_queue::Sent;
use crate::role::Role;
use crate::socket::WebSocket;

/// Each method is one of [`ReconnectHandle`](crate::ReconnectHandle)'s, which documents
/// what it does and returns; an outlet may narrow what it can do (a tab that does not
/// hold the connection has no [`socket`](Outlet::socket)), and says so in its own docs.
pub(crate) trait Outlet: fmt::Debug {
    fn send(&self, message: Message) -> Result<Sent, Error>;
    fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error>;
    fn status(&self) -> ConnectionStatus;
    /// How many times the status changed; a status stream reads again when it grew.
    fn status_version(&self) -> u64;
    /// Wakes `waker` at the status's next change.
    fn wait_for_status(&self, waker: &Waker);
    fn ready_state(&self) -> ReadyState;
    fn queued(&self) -> usize;
    fn take_unsent(&self) -> Vec<Message>;
    fn binary_type(&self) -> BinaryType;
    fn set_binary_type(&self, binary_type: BinaryType);
    /// The connection, if this tab holds one now.
    fn socket(&self) -> Option<Rc<WebSocket>>;
    fn role(&self) -> Role;
    /// How many tabs use the connection, this one included.
    fn tabs(&self) -> usize;
}
