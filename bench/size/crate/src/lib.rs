//! The size table's minimal app with browser-websocket: connect, send text and bytes,
//! log what comes back.
#![cfg(target_arch = "wasm32")]

use browser_websocket::{Event, Message, WebSocket};
use futures_util::StreamExt;
use wasm_bindgen::prelude::*;
use web_sys::console;

const URL: &str = "ws://127.0.0.1:9001/echo";

#[wasm_bindgen(start)]
fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let Ok(mut ws) = WebSocket::connect(URL) else {
            return console::log_1(&"cannot connect".into());
        };
        while let Some(event) = ws.next().await {
            match event {
                Event::Open => {
                    let sent = ws.send_text("hello").and(ws.send_bytes(&[1, 2, 3]));
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
            }
        }
    });
}
