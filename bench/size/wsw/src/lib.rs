//! The size table's minimal app with ws_stream_wasm: connect, send text and bytes, log
//! what comes back.
#![cfg(target_arch = "wasm32")]

use futures_util::{SinkExt, StreamExt};
use wasm_bindgen::prelude::*;
use web_sys::console;
use ws_stream_wasm::{WsMessage, WsMeta};

const URL: &str = "ws://127.0.0.1:9001/echo";

#[wasm_bindgen(start)]
fn start() {
    wasm_bindgen_futures::spawn_local(async {
        // Resolves once the socket is open.
        let Ok((_meta, mut ws)) = WsMeta::connect(URL, None).await else {
            return console::log_1(&"cannot connect".into());
        };
        let sent = ws.send(WsMessage::Text("hello".into())).await;
        let sent = sent.and(ws.send(WsMessage::Binary(vec![1, 2, 3])).await);
        if sent.is_err() {
            console::log_1(&"cannot send".into());
        }
        while let Some(message) = ws.next().await {
            match message {
                WsMessage::Text(text) => console::log_1(&text.into()),
                WsMessage::Binary(bytes) => console::log_2(&"bytes:".into(), &bytes.len().into()),
            }
        }
        console::log_1(&"closed".into());
    });
}
