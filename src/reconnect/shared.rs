//! What a reconnecting socket's handles and its event stream share.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::Waker;

use super::outlet::Outlet;
use super::pending_sends::PendingSends;
use super::phase::Phase;
use super::status_board::StatusBoard;
use crate::binary_type::BinaryType;
use crate::browser::global::now_ms;
use crate::close::CloseCode;
use crate::connection_status::ConnectionStatus;
use crate::error::Error;
use crate::message::Message;
use crate::ready_state::ReadyState;
use crate::reconnect::offline_queue::Sent;
use crate::role::Role;
use crate::socket::WebSocket;

/// The connection, the offline queue and the status, shared by every
/// [`ReconnectHandle`](crate::ReconnectHandle) and the event stream.
///
/// Every borrow of it is short and never held while user code runs, so any callback may
/// call back into the socket.
#[derive(Debug)]
pub(crate) struct Shared {
    socket: RefCell<Option<Rc<WebSocket>>>,
    pending: RefCell<PendingSends>,
    /// You called `close`: no reconnect follows.
    close_requested: Cell<bool>,
    /// The machine has ended, or the stream was dropped: sends fail from now on.
    ended: Cell<bool>,
    /// The task polling the event stream, woken when you close.
    waker: RefCell<Option<Waker>>,
    /// What every connection, present and future, uses.
    binary_type: Cell<BinaryType>,
    pub(crate) status: StatusBoard,
}

impl Shared {
    pub(crate) fn new(first: WebSocket, pending: PendingSends) -> Shared {
        Shared {
            binary_type: Cell::new(first.binary_type()),
            socket: RefCell::new(Some(Rc::new(first))),
            pending: RefCell::new(pending),
            close_requested: Cell::new(false),
            ended: Cell::new(false),
            waker: RefCell::default(),
            status: StatusBoard::default(),
        }
    }

    /// The current connection, if any; the borrow ends before the caller uses it.
    pub(crate) fn socket(&self) -> Option<Rc<WebSocket>> {
        self.socket.borrow().clone()
    }

    pub(crate) fn open_socket(&self) -> Option<Rc<WebSocket>> {
        self.socket()
            .filter(|socket| socket.ready_state() == ReadyState::Open)
    }

    /// Replaces the current connection (`None` while waiting), returning the old one.
    pub(crate) fn set_socket(&self, socket: Option<WebSocket>) -> Option<Rc<WebSocket>> {
        let socket = socket.map(Rc::new);
        std::mem::replace(&mut *self.socket.borrow_mut(), socket)
    }

    /// Sends every queued message on `socket`, in order.
    pub(crate) fn flush_pending(&self, socket: &WebSocket) -> Result<(), Error> {
        self.pending
            .borrow_mut()
            .drain_with(|message| socket.send_message(message))
    }

    pub(crate) fn remember_driver(&self, waker: &Waker) {
        let mut slot = self.waker.borrow_mut();
        if !slot.as_ref().is_some_and(|known| known.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }

    fn wake_driver(&self) {
        let waker = self.waker.borrow_mut().take();
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    pub(crate) fn close_requested(&self) -> bool {
        self.close_requested.get()
    }

    pub(crate) fn set_ended(&self, ended: bool) {
        self.ended.set(ended);
    }

    pub(crate) fn binary_type(&self) -> BinaryType {
        self.binary_type.get()
    }

    pub(crate) fn set_binary_type(&self, binary_type: BinaryType) {
        self.binary_type.set(binary_type);
        if let Some(socket) = self.socket() {
            socket.set_binary_type(binary_type);
        }
    }

    pub(crate) fn send(&self, message: Message) -> Result<Sent, Error> {
        if self.close_requested.get() || self.ended.get() {
            return Err(Error::NotOpen(self.ready_state()));
        }
        if let Some(socket) = self.open_socket() {
            self.flush_pending(&socket)?;
            socket.send_message(&message)?;
            return Ok(Sent::Now);
        }
        self.pending.borrow_mut().push(message)
    }

    pub(crate) fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        crate::close_check::check_close(code, reason)?;
        if self.ended.get() || self.close_requested.replace(true) {
            return Err(Error::AlreadyClosing(ReadyState::Closed));
        }
        self.wake_driver();
        match self.socket() {
            Some(socket)
                if matches!(
                    socket.ready_state(),
                    ReadyState::Connecting | ReadyState::Open
                ) =>
            {
                socket.close_with(code, reason)
            }
            _ => Ok(()),
        }
    }

    pub(crate) fn ready_state(&self) -> ReadyState {
        self.socket()
            .map_or(ReadyState::Closed, |socket| socket.ready_state())
    }

    pub(crate) fn queued(&self) -> usize {
        self.pending.borrow().len()
    }

    pub(crate) fn take_unsent(&self) -> Vec<Message> {
        self.pending.borrow_mut().take_all()
    }

    /// The status now; `Closing` as soon as you have closed, before the driver hears.
    pub(crate) fn status(&self) -> ConnectionStatus {
        let phase = self.status.phase();
        if self.close_requested.get() && !matches!(phase, Phase::Closed(_)) {
            return ConnectionStatus::Closing;
        }
        phase.at(now_ms())
    }
}

/// This tab's own connection: it holds it, alone.
impl Outlet for Shared {
    fn send(&self, message: Message) -> Result<Sent, Error> {
        Shared::send(self, message)
    }

    fn close_with(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        Shared::close_with(self, code, reason)
    }

    fn status(&self) -> ConnectionStatus {
        Shared::status(self)
    }

    fn status_version(&self) -> u64 {
        self.status.version()
    }

    fn wait_for_status(&self, waker: &Waker) {
        self.status.wait(waker);
    }

    fn ready_state(&self) -> ReadyState {
        Shared::ready_state(self)
    }

    fn queued(&self) -> usize {
        Shared::queued(self)
    }

    fn take_unsent(&self) -> Vec<Message> {
        Shared::take_unsent(self)
    }

    fn binary_type(&self) -> BinaryType {
        Shared::binary_type(self)
    }

    fn set_binary_type(&self, binary_type: BinaryType) {
        Shared::set_binary_type(self, binary_type);
    }

    fn socket(&self) -> Option<Rc<WebSocket>> {
        Shared::socket(self)
    }

    fn role(&self) -> Role {
        Role::Leader
    }

    fn tabs(&self) -> usize {
        1
    }
}
