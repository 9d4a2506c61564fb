//! The size table's minimal app with browser-websocket's `connect_with`: connect, send
//! text and bytes, log what comes back; events go to a handler, not a stream.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use browser_websocket::{Event, Message, WebSocket, WebSocketSender};
use wasm_bindgen::prelude::*;
use web_sys::console;

const URL: &str = "ws://127.0.0.1:9001/echo";

thread_local! {
    /// The page lives as long as the socket.
    static SOCKET: RefCell<Option<WebSocketSender>> = const { RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    let connected = WebSocket::builder(URL).connect_with(|event, reply| match event {
        Event::Open => {
            let sent = reply.send_text("hello").and(reply.send_bytes(&[1, 2, 3]));
            if sent.is_err() {
                console::log_1(&"cannot send".into());
            }
        }
        Event::Message(Message::Text(text)) => console::log_1(&text.into()),
        Event::Message(Message::Binary(bytes)) => {
            console::log_2(&"bytes:".into(), &bytes.len().into())
        }
        Event::Closed(_) => console::log_1(&"closed".into()),
        _ => {}
    });
    match connected {
        Ok(sender) => SOCKET.with(|socket| *socket.borrow_mut() = Some(sender)),
        Err(_) => console::log_1(&"cannot connect".into()),
    }
}
