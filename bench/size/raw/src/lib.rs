//! The size table's minimal app with raw web-sys calls: connect, send text and bytes,
//! log what comes back.
#![cfg(target_arch = "wasm32")]

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{console, BinaryType, MessageEvent, WebSocket};

const URL: &str = "ws://127.0.0.1:9001/echo";

#[wasm_bindgen(start)]
fn start() {
    let Ok(ws) = WebSocket::new(URL) else {
        return console::log_1(&"cannot connect".into());
    };
    ws.set_binary_type(BinaryType::Arraybuffer);

    let socket = ws.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || {
        let sent = socket
            .send_with_str("hello")
            .and(socket.send_with_u8_array(&[1, 2, 3]));
        if sent.is_err() {
            console::log_1(&"cannot send".into());
        }
    });
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        if let Some(text) = data.as_string() {
            console::log_1(&text.into());
        } else if data.is_instance_of::<ArrayBuffer>() {
            let bytes = Uint8Array::new(&data).to_vec();
            console::log_2(&"bytes:".into(), &bytes.len().into());
        }
    });
    let on_close = Closure::<dyn FnMut()>::new(|| console::log_1(&"closed".into()));
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // The page lives as long as the socket: the handlers may live as long as the page.
    on_open.forget();
    on_message.forget();
    on_close.forget();
}
