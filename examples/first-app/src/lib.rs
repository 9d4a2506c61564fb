use browser_websocket::{Event, Message, WebSocket};
use futures_util::StreamExt;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn log(text: &str);
}

#[wasm_bindgen(start)]
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let mut ws = match WebSocket::connect("wss://echo.websocket.org") {
            Ok(ws) => ws,
            Err(error) => return log(&format!("cannot connect: {error}")),
        };
        if let Err(error) = ws.opened().await {
            return log(&format!("did not open: {error}"));
        }
        let _ = ws.send_text("hello");
        while let Some(event) = ws.next().await {
            match event {
                Event::Message(Message::Text(text)) => log(&format!("received: {text}")),
                Event::Closed(close) => log(&format!("closed: {}", close.code)),
                _ => {}
            }
        }
    });
}
