//! The page's handle on the current connection, plain or reconnecting, and the commands
//! the buttons send it.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use browser_websocket::{
    BinaryType, CloseCode, Message, OfflineQueue, ReconnectingWebSocket, WebSocket,
};
use futures_channel::mpsc::{self, UnboundedReceiver, UnboundedSender};

use crate::connection::Plain;
use crate::driver;
use crate::reconnecting::Reconnecting;
use crate::view::View;

/// What the buttons ask of the connection.
#[derive(Debug)]
pub enum Command {
    Send(Message),
    Burst,
    Close { code: CloseCode, reason: String },
    Disconnect,
    SetBinaryType(BinaryType),
}

/// A socket just made by Connect, in the mode the page asked for.
#[derive(Debug)]
pub enum Socket {
    Plain(WebSocket),
    /// With the offline queue it was given, which the burst needs to know. Boxed: it is
    /// eight times the size of a plain socket.
    Reconnecting(Box<ReconnectingWebSocket>, OfflineQueue),
}

/// The page's handle on the current connection.
///
/// Dropping it ends the task, which drops the socket, which closes it with 1000.
#[derive(Debug)]
pub struct Session {
    commands: UnboundedSender<Command>,
    live: Rc<Cell<bool>>,
    reconnecting: bool,
}

impl Session {
    /// Starts the task that drives `socket` (`driver.rs`), in its mode: `connection.rs`
    /// or `reconnecting.rs`.
    pub fn start(socket: Socket, view: Rc<View>) -> Session {
        match socket {
            Socket::Plain(ws) => Session::spawn(false, |commands, live| {
                driver::run(Plain::new(ws), view, commands, live)
            }),
            Socket::Reconnecting(ws, queue) => Session::spawn(true, |commands, live| {
                driver::run(Reconnecting::new(*ws, queue), view, commands, live)
            }),
        }
    }

    fn spawn<F>(
        reconnecting: bool,
        task: impl FnOnce(UnboundedReceiver<Command>, Rc<Cell<bool>>) -> F,
    ) -> Session
    where
        F: Future<Output = ()> + 'static,
    {
        let (commands, inbox) = mpsc::unbounded();
        let live = Rc::new(Cell::new(true));
        wasm_bindgen_futures::spawn_local(task(inbox, Rc::clone(&live)));
        Session {
            commands,
            live,
            reconnecting,
        }
    }

    pub fn send(&self, command: Command) {
        // The task only ends once this Session is dropped, so the channel is open.
        let _ = self.commands.unbounded_send(command);
    }

    /// What dropping it now does, for the log; `None` once its socket is done anyway.
    pub fn drop_note(&self) -> Option<&'static str> {
        match (self.live.get(), self.reconnecting) {
            (false, _) => None,
            (true, false) => Some("dropped the previous socket, which closes it with 1000"),
            (true, true) => Some(
                "dropped the previous reconnecting socket: it closes with 1000 and retries no more",
            ),
        }
    }
}
