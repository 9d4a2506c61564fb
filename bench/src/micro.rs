//! Profiling aid (`tests/micro.rs`, run by hand): where a wrapper's time goes, measured
//! without the network's noise.
//!
//! - **Receive path**: synthetic `message` events dispatched on a real, open, quiet socket
//!   (`/sink` sends nothing unasked), one per task as the network delivers them or all at
//!   once. `raw` is a JavaScript listener; `websys` a Rust listener that only converts
//!   `data` into a `String`/`Vec<u8>` (what any wrapper yielding owned Rust values pays);
//!   `crate`, `gloo` and `wsw` yield through their `Stream`.
//! - **Send path**: the time of a loop of `n` sends (the browser queues them; delivery is
//!   checked afterwards, untimed).
//! - **Water marks**: the `sink` workloads with other `WaterMarks`, to see what the
//!   default's pause-and-poll costs.
//!
//! Every figure is the minimum over `rounds`, printed as a `MICRO` line.

use std::cell::Cell;
use std::rc::Rc;

use browser_websocket::{Event, Message, WaterMarks, WebSocket};
use futures_util::future::join;
use futures_util::{SinkExt, StreamExt};
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::workloads::{describe, now, Kind, Payload};
use crate::Impl;

mod path;
pub use path::{Path, CONNECT_PATHS, RECEIVE_PATHS, SEND_PATHS, STREAM_PATHS};

#[wasm_bindgen]
extern "C" {
    /// A socket seen as something whose `send` takes a JS string.
    type StringSender;
    #[wasm_bindgen(method, catch, js_name = send)]
    fn send(this: &StringSender, data: &js_sys::JsString) -> Result<(), JsValue>;
}

#[wasm_bindgen(module = "/src/micro.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeData)]
    fn make_data(text: bool, size: u32) -> JsValue;
    #[wasm_bindgen(js_name = rawListen)]
    fn raw_listen(ws: &web_sys::WebSocket) -> JsValue;
    #[wasm_bindgen(js_name = rawCount)]
    fn raw_count(state: &JsValue) -> u32;
    #[wasm_bindgen(js_name = dispatchAll)]
    fn dispatch_all(ws: &web_sys::WebSocket, data: &JsValue, n: u32);
    #[wasm_bindgen(js_name = dispatchPerTask)]
    fn dispatch_per_task(ws: &web_sys::WebSocket, data: &JsValue, n: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = connectClosePhases)]
    fn connect_close_phases(url: &str, n: u32, with_code: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_name = streamFlood)]
    fn stream_flood(url: &str, count: u32, expected: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = rawSendLoop)]
    fn raw_send_loop(ws: &web_sys::WebSocket, payload: &JsValue, n: u32) -> f64;
}

/// When the events arrive: one per task (each wakes the consumer), or all before the
/// consumer is first polled (a consumer that fell behind).
#[derive(Debug, Clone, Copy)]
pub enum Mode {
    PerTask,
    Queued,
}

fn js_error(error: JsValue) -> String {
    format!("{error:?}")
}

async fn dispatch(mode: Mode, raw: &web_sys::WebSocket, data: &JsValue, n: u32) {
    match mode {
        Mode::PerTask => {
            let _ = JsFuture::from(dispatch_per_task(raw, data, n)).await;
        }
        Mode::Queued => dispatch_all(raw, data, n),
    }
}

fn check(what: Path, bytes: usize, expected: usize, ms: f64) -> Result<f64, String> {
    if bytes == expected {
        Ok(ms)
    } else {
        Err(format!("{what}: {bytes} bytes, not {expected}"))
    }
}

/// Milliseconds for `n` synthetic messages of `size` bytes through one receive path.
pub async fn receive(
    implementation: Path,
    mode: Mode,
    url: &str,
    text: bool,
    size: u32,
    n: u32,
) -> Result<f64, String> {
    let data = make_data(text, size);
    let expected = size as usize * n as usize;
    match implementation {
        Path::Bench(Impl::Raw) => {
            let raw = web_sys::WebSocket::new(url).map_err(js_error)?;
            let state = raw_listen(&raw);
            let start = now();
            dispatch(mode, &raw, &data, n).await;
            let ms = now() - start;
            raw.close().map_err(js_error)?;
            check(
                implementation,
                raw_count(&state) as usize * size as usize,
                expected,
                ms,
            )
        }
        Path::WebSys => {
            let raw = web_sys::WebSocket::new(url).map_err(js_error)?;
            let bytes = Rc::new(Cell::new(0));
            let sum = Rc::clone(&bytes);
            let _listener = EventListener::new(&raw, "message", move |event| {
                let data = event.unchecked_ref::<web_sys::MessageEvent>().data();
                let len = match data.as_string() {
                    Some(text) => text.len(),
                    None => js_sys::Uint8Array::new(&data).to_vec().len(),
                };
                sum.set(sum.get() + len);
            });
            let start = now();
            dispatch(mode, &raw, &data, n).await;
            let ms = now() - start;
            raw.close().map_err(js_error)?;
            check(implementation, bytes.get(), expected, ms)
        }
        Path::Bench(Impl::Crate) => {
            let mut ws = WebSocket::connect(url).map_err(describe)?;
            ws.opened().await.map_err(describe)?;
            let raw = ws.as_raw().expect("the classic transport").clone();
            let start = now();
            let consume = async {
                let (mut got, mut bytes) = (0, 0);
                while got < n {
                    match ws.next().await {
                        Some(Event::Message(Message::Text(text))) => bytes += text.len(),
                        Some(Event::Message(Message::Binary(data))) => bytes += data.len(),
                        Some(Event::Open) => continue,
                        other => return Err(format!("{implementation}: {other:?}")),
                    }
                    got += 1;
                }
                Ok(bytes)
            };
            let (_, bytes) = join(dispatch(mode, &raw, &data, n), consume).await;
            let ms = now() - start;
            check(implementation, bytes?, expected, ms)
        }
        Path::Bench(Impl::CrateCb) => {
            // The handler counts; the only future is the wait for the last message.
            let bytes = Rc::new(Cell::new(0));
            let left = Rc::new(Cell::new(n));
            let sender = {
                let (bytes, left) = (Rc::clone(&bytes), Rc::clone(&left));
                WebSocket::builder(url)
                    .connect_with(move |event, _| {
                        if let Event::Message(message) = event {
                            bytes.set(
                                bytes.get()
                                    + match message {
                                        Message::Text(text) => text.len(),
                                        Message::Binary(data) => data.len(),
                                        Message::Blob(_) => 0,
                                    },
                            );
                            left.set(left.get() - 1);
                        }
                    })
                    .map_err(describe)?
            };
            sender.opened().await.map_err(describe)?;
            let raw = sender.as_raw().expect("the classic transport").clone();
            let start = now();
            dispatch(mode, &raw, &data, n).await;
            let ms = now() - start;
            if left.get() != 0 {
                return Err(format!("{implementation}: {} messages missing", left.get()));
            }
            check(implementation, bytes.get(), expected, ms)
        }
        Path::Bench(Impl::Gloo) => {
            use gloo_net::websocket::{futures::WebSocket, Message};
            let raw = web_sys::WebSocket::new(url).map_err(js_error)?;
            let mut ws = WebSocket::try_from(raw.clone()).map_err(describe)?;
            let start = now();
            let consume = async {
                let mut bytes = 0;
                for _ in 0..n {
                    match ws.next().await {
                        Some(Ok(Message::Text(text))) => bytes += text.len(),
                        Some(Ok(Message::Bytes(data))) => bytes += data.len(),
                        other => return Err(format!("{implementation}: {other:?}")),
                    }
                }
                Ok(bytes)
            };
            let (_, bytes) = join(dispatch(mode, &raw, &data, n), consume).await;
            let ms = now() - start;
            check(implementation, bytes?, expected, ms)
        }
        Path::Bench(Impl::Wsw) => {
            use ws_stream_wasm::{WsMessage, WsMeta};
            let (meta, mut ws) = WsMeta::connect(url, None).await.map_err(describe)?;
            let raw = meta.wrapped().clone();
            let start = now();
            let consume = async {
                let mut bytes = 0;
                for _ in 0..n {
                    match ws.next().await {
                        Some(WsMessage::Text(text)) => bytes += text.len(),
                        Some(WsMessage::Binary(data)) => bytes += data.len(),
                        None => return Err(format!("{implementation}: the stream ended")),
                    }
                }
                Ok(bytes)
            };
            let (_, bytes) = join(dispatch(mode, &raw, &data, n), consume).await;
            let ms = now() - start;
            check(implementation, bytes?, expected, ms)
        }
        other => Err(format!("{other} has no receive path")),
    }
}

fn message(payload: &Payload) -> Message {
    match payload {
        Payload::Text(text) => Message::Text(text.clone()),
        Payload::Binary(bytes) => Message::Binary(bytes.clone()),
    }
}

/// Waits for `/sink`'s byte count after `done` and checks it.
async fn expect_count(ws: &mut WebSocket, expected: usize) -> Result<(), String> {
    loop {
        match ws.next().await {
            Some(Event::Message(Message::Text(count))) if count == expected.to_string() => {
                return Ok(())
            }
            Some(Event::Open) => {}
            other => return Err(format!("expected the count {expected}, got {other:?}")),
        }
    }
}

/// Milliseconds of a loop of `n` sends: `raw` (JavaScript), `websys` (web-sys calls),
/// `websys-copy` (binary copied into a JS array, text made by `String.fromCharCode`,
/// before each send), `crate-send` (`send_text`/`send_bytes`) or `crate-sink` (`Sink::feed`, which also
/// waits on the water marks).
pub async fn send(
    implementation: Path,
    url: &str,
    payload: &Payload,
    n: u32,
) -> Result<f64, String> {
    let mut ws = WebSocket::connect(url).map_err(describe)?;
    ws.opened().await.map_err(describe)?;
    let raw = ws.as_raw().expect("the classic transport").clone();
    let start = now();
    match implementation {
        Path::Bench(Impl::Raw) => {
            let js: JsValue = match payload {
                Payload::Text(text) => JsValue::from_str(text),
                Payload::Binary(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
            };
            // Times itself, after the conversion.
            let ms = raw_send_loop(&raw, &js, n);
            ws.send_text("done").map_err(describe)?;
            expect_count(&mut ws, payload.len() * n as usize).await?;
            return Ok(ms);
        }
        Path::WebSys => {
            for _ in 0..n {
                match payload {
                    Payload::Text(text) => raw.send_with_str(text),
                    Payload::Binary(bytes) => raw.send_with_u8_array(bytes),
                }
                .map_err(js_error)?;
            }
        }
        Path::WebSysCopy => {
            // Binary copied into a JS array first: is a view on wasm memory the cost? Text
            // made with String.fromCharCode: is TextDecoder the cost?
            for _ in 0..n {
                match payload {
                    Payload::Text(text) => {
                        let units: Vec<u16> = text.encode_utf16().collect();
                        raw.unchecked_ref::<StringSender>()
                            .send(&js_sys::JsString::from_char_code(&units))
                    }
                    Payload::Binary(bytes) => {
                        raw.send_with_array_buffer_view(&js_sys::Uint8Array::from(bytes.as_slice()))
                    }
                }
                .map_err(js_error)?;
            }
        }
        Path::CrateSend => {
            for _ in 0..n {
                match payload {
                    Payload::Text(text) => ws.send_text(text),
                    Payload::Binary(bytes) => ws.send_bytes(bytes),
                }
                .map_err(describe)?;
            }
        }
        Path::CrateSink => {
            for _ in 0..n {
                ws.feed(message(payload)).await.map_err(describe)?;
            }
        }
        other => return Err(format!("{other} has no send loop")),
    }
    let ms = now() - start;
    ws.send_text("done").map_err(describe)?;
    expect_count(&mut ws, payload.len() * n as usize).await?;
    ws.close().map_err(describe)?;
    ws.closed().await;
    Ok(ms)
}

/// The `sink` workload through the crate's `Sink` with other water marks (`None`: the
/// default 1 MiB / 256 KiB).
pub async fn sink_with_marks(
    url: &str,
    payload: &Payload,
    n: u32,
    marks: Option<WaterMarks>,
) -> Result<f64, String> {
    let mut builder = WebSocket::builder(url);
    if let Some(marks) = marks {
        builder = builder.water_marks(marks);
    }
    let mut ws = builder.connect().map_err(describe)?;
    ws.opened().await.map_err(describe)?;
    let start = now();
    for _ in 0..n {
        ws.feed(message(payload)).await.map_err(describe)?;
    }
    ws.send(Message::from("done")).await.map_err(describe)?;
    expect_count(&mut ws, payload.len() * n as usize).await?;
    let ms = now() - start;
    ws.close().map_err(describe)?;
    ws.closed().await;
    Ok(ms)
}

/// `n` connect-close cycles: the milliseconds until open and from `close()` to the
/// `close` event, summed. `raw` closes without a code, `raw-1000` with 1000 as the crate
/// does; `crate` awaits `opened`/`closed`, `crate-cb` closes from its handler.
pub async fn connect_close(implementation: Path, url: &str, n: u32) -> Result<(f64, f64), String> {
    if let Some(with_code) = match implementation {
        Path::Bench(Impl::Raw) => Some(false),
        Path::Raw1000 => Some(true),
        _ => None,
    } {
        let phases = JsFuture::from(connect_close_phases(url, n, with_code))
            .await
            .map_err(js_error)?;
        let phases = js_sys::Array::from(&phases);
        let phase = |i| phases.get(i).as_f64().unwrap_or(f64::NAN);
        return Ok((phase(0), phase(1)));
    }
    let (mut open, mut close) = (0.0, 0.0);
    for _ in 0..n {
        let t0 = now();
        match implementation {
            Path::Bench(Impl::Crate) => {
                let ws = WebSocket::connect(url).map_err(describe)?;
                ws.opened().await.map_err(describe)?;
                let t1 = now();
                ws.close().map_err(describe)?;
                ws.closed().await;
                drop(ws);
                open += t1 - t0;
                close += now() - t1;
            }
            Path::Bench(Impl::CrateCb) => {
                let opened_at = Rc::new(Cell::new(0.0));
                let closed_at = Rc::new(Cell::new(0.0));
                let sender = {
                    let (opened_at, closed_at) = (Rc::clone(&opened_at), Rc::clone(&closed_at));
                    WebSocket::builder(url)
                        .connect_with(move |event, reply| match event {
                            Event::Open => {
                                opened_at.set(now());
                                let _ = reply.close_with(browser_websocket::CloseCode::NORMAL, "");
                            }
                            Event::Closed(_) => closed_at.set(now()),
                            _ => {}
                        })
                        .map_err(describe)?
                };
                sender.closed().await;
                drop(sender);
                open += opened_at.get() - t0;
                close += closed_at.get() - opened_at.get();
            }
            other => return Err(format!("{other} has no connect-close cycle")),
        }
    }
    Ok((open, close))
}

/// Connect-close, split into its two phases, per implementation.
pub async fn run_connect(server: &str, rounds: u32) -> Result<(), String> {
    let url = format!("ws://{server}/echo");
    let n = 200;
    for implementation in CONNECT_PATHS {
        let (mut best_open, mut best_close) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..rounds {
            let (open, close) = connect_close(implementation, &url, n).await?;
            best_open = best_open.min(open);
            best_close = best_close.min(close);
        }
        log(format!(
            "MICRO connect-close {implementation:<9} open {:>7.1} µs  close {:>7.1} µs (per cycle)",
            best_open * 1e3 / f64::from(n),
            best_close * 1e3 / f64::from(n)
        ));
    }
    Ok(())
}

/// `/flood` with the classic socket and with `WebSocketStream`, each in plain JavaScript
/// and through the crate: what the stream API costs the browser, and what the crate's
/// stream transport adds. Skipped without `WebSocketStream`.
pub async fn run_stream(server: &str, rounds: u32) -> Result<(), String> {
    use browser_websocket::Transport;
    if !Transport::stream_available() {
        log("MICRO stream: skipped, this browser has no WebSocketStream".to_owned());
        return Ok(());
    }
    for (count, size, kind) in [(100_000, 16, Kind::Text), (50_000, 1024, Kind::Binary)] {
        let workload = crate::workloads::Workload::Flood { count, size, kind };
        let url = workload.url(server);
        let expected = f64::from(count) * size as f64;
        for implementation in STREAM_PATHS {
            let mut best = f64::INFINITY;
            for _ in 0..rounds {
                let ms = match implementation {
                    Path::Bench(Impl::Raw) => {
                        crate::raw::run(&workload, &url, None, crate::raw::Sending::Unbounded)
                            .await?
                    }
                    Path::RawStream => JsFuture::from(stream_flood(&url, count, expected))
                        .await
                        .map_err(js_error)?
                        .as_f64()
                        .unwrap_or(f64::NAN),
                    Path::Bench(Impl::Crate) => {
                        crate::crate_impl::run(&workload, &url, None, Transport::Classic).await?
                    }
                    Path::Bench(Impl::CrateStream) => {
                        crate::crate_impl::run(&workload, &url, None, Transport::Stream).await?
                    }
                    other => return Err(format!("{other} has no flood on both transports")),
                };
                best = best.min(ms);
            }
            log(format!(
                "MICRO flood {size:>5}B x{count:<6} {implementation:<12} {:>7.2} µs/message",
                best * 1e3 / f64::from(count)
            ));
        }
    }
    Ok(())
}

fn log(line: String) {
    web_sys::console::log_1(&line.into());
}

/// The receive paths: every implementation, both modes, three message sizes.
pub async fn run_receive(server: &str, rounds: u32) -> Result<(), String> {
    let url = format!("ws://{server}/sink");
    for (text, size, n) in [
        (true, 16, 100_000),
        (false, 1024, 50_000),
        (false, 65536, 2_000),
    ] {
        for mode in [Mode::PerTask, Mode::Queued] {
            for implementation in RECEIVE_PATHS {
                let mut best = f64::INFINITY;
                for _ in 0..rounds {
                    best = best.min(receive(implementation, mode, &url, text, size, n).await?);
                }
                let kind = if text { "text" } else { "binary" };
                log(format!(
                    "MICRO receive {mode:<8?} {size:>6}B {kind:<6} {implementation:<7} {:>7.2} µs/message",
                    best * 1e3 / f64::from(n)
                ));
            }
        }
    }
    Ok(())
}

/// The send loops, then the `sink` workloads with other water marks.
pub async fn run_send(server: &str, rounds: u32) -> Result<(), String> {
    let url = format!("ws://{server}/sink");
    for (payload, n) in [
        (Payload::new(16, Kind::Text), 100_000),
        (Payload::new(1024, Kind::Binary), 50_000),
    ] {
        for implementation in SEND_PATHS {
            let mut best = f64::INFINITY;
            for _ in 0..rounds {
                best = best.min(send(implementation, &url, &payload, n).await?);
            }
            log(format!(
                "MICRO send loop {:>6}B {implementation:<10} {:>7.2} µs/send",
                payload.len(),
                best * 1e3 / f64::from(n)
            ));
        }
    }
    let marks = |high: u32, low: u32| WaterMarks::new(high, low).map_err(describe);
    for (payload, n) in [
        (Payload::new(1 << 20, Kind::Binary), 100),
        (Payload::new(1024, Kind::Binary), 50_000),
    ] {
        for marks in [
            None,
            Some(marks(4 << 20, 1 << 20)?),
            Some(marks(16 << 20, 4 << 20)?),
            Some(marks(u32::MAX, u32::MAX)?),
        ] {
            let mut best = f64::INFINITY;
            for _ in 0..rounds {
                best = best.min(sink_with_marks(&url, &payload, n, marks).await?);
            }
            let shown = marks.map_or("default (1 MiB / 256 KiB)".to_owned(), |m| {
                format!("{} KiB / {} KiB", m.high() >> 10, m.low() >> 10)
            });
            log(format!(
                "MICRO sink {:>7}B x{n:<6} marks {shown:<26} {best:>8.1} ms",
                payload.len()
            ));
        }
    }
    Ok(())
}
