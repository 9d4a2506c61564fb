//! The size table's minimal app with gloo-net: connect, send text and bytes, log what
//! comes back.
#![cfg(target_arch = "wasm32")]

use futures_util::{SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::Message;
use wasm_bindgen::prelude::*;
use web_sys::console;

const URL: &str = "ws://127.0.0.1:9001/echo";

#[wasm_bindgen(start)]
fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let Ok(mut ws) = WebSocket::open(URL) else {
            return console::log_1(&"cannot connect".into());
        };
        // gloo-net's sink waits for the socket to open.
        let sent = ws.send(Message::Text("hello".into())).await;
        let sent = sent.and(ws.send(Message::Bytes(vec![1, 2, 3])).await);
        if sent.is_err() {
            console::log_1(&"cannot send".into());
        }
        while let Some(item) = ws.next().await {
            match item {
                Ok(Message::Text(text)) => console::log_1(&text.into()),
                Ok(Message::Bytes(bytes)) => console::log_2(&"bytes:".into(), &bytes.len().into()),
                Err(_) => {}
            }
        }
        console::log_1(&"closed".into());
    });
}
