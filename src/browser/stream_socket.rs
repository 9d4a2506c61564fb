//! The stream transport: the browser's `WebSocketStream` (Chromium 124+, feature
//! `stream`), read only when a stream of this crate is polled, so that a reader that stops
//! stops the browser reading off the network.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    ReadableStream, ReadableStreamDefaultReader, WritableStream, WritableStreamDefaultWriter,
};

use super::exception;
use super::global::Countdown;
use super::hub::Hub;
use super::inbox::RawEvent;
use super::payload::Data;
use crate::binary_type::BinaryType;
use crate::close::{CloseCode, CloseEvent};
use crate::error::Error;
use crate::ready_state::ReadyState;
use crate::transport::Transport;

#[wasm_bindgen]
extern "C" {
    /// The browser's `WebSocketStream` (not in web-sys: it is not standard yet).
    #[derive(Debug, Clone)]
    type WebSocketStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(url: &str, options: &JsValue) -> Result<WebSocketStream, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn url(this: &WebSocketStream) -> String;

    #[wasm_bindgen(method, getter)]
    fn opened(this: &WebSocketStream) -> Promise;

    #[wasm_bindgen(method, getter)]
    fn closed(this: &WebSocketStream) -> Promise;

    #[wasm_bindgen(method, catch, js_name = close)]
    fn close_with(this: &WebSocketStream, options: &JsValue) -> Result<(), JsValue>;

    /// A promise seen as a thing with `then` and `catch` that take plain functions
    /// (js-sys's take Rust closures).
    type Thenable;

    #[wasm_bindgen(method, js_name = then)]
    fn then_call(this: &Thenable, on_fulfilled: &JsValue) -> Promise;

    #[wasm_bindgen(method, js_name = catch)]
    fn catch_call(this: &Thenable, on_rejected: &JsValue) -> Promise;
}

/// Calls `settled` once `promise` settles, with its value or its rejection.
///
/// Through `Promise.allSettled`, which always fulfils: so one single-use closure serves
/// both outcomes and frees itself when called. Every promise watched here settles: the
/// socket is closed when it is dropped.
fn when_settled(promise: &Promise, settled: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let callback = Closure::once_into_js(move |results: JsValue| {
        let result = Array::from(&results).get(0);
        let field =
            |name: &str| Reflect::get(&result, &JsValue::from_str(name)).unwrap_or_default();
        if field("status").as_string().as_deref() == Some("fulfilled") {
            settled(Ok(field("value")));
        } else {
            settled(Err(field("reason")));
        }
    });
    let settled = Promise::all_settled(&Array::of1(promise));
    let _ = settled.unchecked_ref::<Thenable>().then_call(&callback);
}

/// A promise whose rejection is expected and reported elsewhere (a write on a connection
/// that fails): `Boolean` as its handler keeps the console free of "uncaught" errors
/// without a closure per write.
fn ignore_rejection(promise: &Promise) {
    let boolean =
        Reflect::get(&js_sys::global(), &JsValue::from_str("Boolean")).unwrap_or_default();
    let _ = promise.unchecked_ref::<Thenable>().catch_call(&boolean);
}

/// `target[name]`, or `undefined`.
fn field(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or_default()
}

/// One `WebSocketStream` and what its promises have said so far.
#[derive(Debug)]
pub(crate) struct StreamSocket {
    stream: WebSocketStream,
    state: Rc<State>,
}

#[derive(Debug)]
struct State {
    stream: WebSocketStream,
    /// Where events go; the connection owns it.
    hub: Weak<Hub<Data>>,
    ready: Cell<ReadyState>,
    reader: RefCell<Option<ReadableStreamDefaultReader>>,
    writer: RefCell<Option<WritableStreamDefaultWriter>>,
    protocol: RefCell<String>,
    extensions: RefCell<String>,
    /// A `read()` is in flight: never more than one, so at most one message is ahead.
    reading: Cell<bool>,
    /// The readable side has ended (`done`, or it failed).
    read_done: Cell<bool>,
    /// The close the `closed` promise reported, held back until the readable is drained.
    close: RefCell<Option<CloseEvent>>,
    /// `Closed` has been pushed.
    finished: Cell<bool>,
    /// The last write issued: writes complete in order, so it is the one `flush` waits
    /// for.
    last_write: RefCell<Option<Promise>>,
    /// What `poll_write_ready` and `poll_writes_done` wait on.
    ready_watch: Watch,
    flush_watch: Watch,
}

/// Wakes a task when one promise settles; watching another replaces it.
#[derive(Debug, Default)]
struct Watch {
    current: RefCell<Option<(Promise, Rc<Cell<bool>>)>>,
    waker: Rc<RefCell<Option<Waker>>>,
}

impl Watch {
    /// Whether `promise` has settled; if not, `waker` is woken when it does.
    fn settled(&self, promise: &Promise, waker: &Waker) -> bool {
        *self.waker.borrow_mut() = Some(waker.clone());
        let mut current = self.current.borrow_mut();
        if let Some((watched, done)) = &*current {
            if Object::is(watched, promise) {
                return done.get();
            }
        }
        let done = Rc::new(Cell::new(false));
        let (flag, waker) = (Rc::clone(&done), Rc::clone(&self.waker));
        when_settled(promise, move |_| {
            flag.set(true);
            if let Some(waker) = waker.borrow_mut().take() {
                waker.wake();
            }
        });
        *current = Some((promise.clone(), done));
        false
    }
}

impl StreamSocket {
    /// Whether this global scope has `WebSocketStream`.
    pub(crate) fn available() -> bool {
        Reflect::has(&js_sys::global(), &JsValue::from_str("WebSocketStream")).unwrap_or(false)
    }

    /// `new WebSocketStream(url, { protocols })`; `url` is resolved and the protocols
    /// checked. `given` is the URL as the user wrote it, for errors.
    pub(crate) fn open(
        given: &str,
        url: &str,
        protocols: &[String],
        hub: &Rc<Hub<Data>>,
    ) -> Result<StreamSocket, Error> {
        let options = Object::new();
        if !protocols.is_empty() {
            let list: Array = protocols.iter().map(|p| JsValue::from_str(p)).collect();
            let _ = Reflect::set(&options, &JsValue::from_str("protocols"), &list);
        }
        let stream = WebSocketStream::new(url, &options)
            .map_err(|e| exception::from_constructor(given, e))?;
        let state = Rc::new(State {
            stream: stream.clone(),
            hub: Rc::downgrade(hub),
            ready: Cell::new(ReadyState::Connecting),
            reader: RefCell::default(),
            writer: RefCell::default(),
            protocol: RefCell::default(),
            extensions: RefCell::default(),
            reading: Cell::new(false),
            read_done: Cell::new(false),
            close: RefCell::default(),
            finished: Cell::new(false),
            last_write: RefCell::default(),
            ready_watch: Watch::default(),
            flush_watch: Watch::default(),
        });
        let weak = Rc::downgrade(&state);
        hub.set_puller(Rc::new(move || {
            if let Some(state) = weak.upgrade() {
                State::pull(&state);
            }
        }));
        let opened = Rc::clone(&state);
        when_settled(&stream.opened(), move |result| {
            opened.on_opened(result);
            if opened.handler_reads() {
                State::pull(&opened);
            }
        });
        let closed = Rc::clone(&state);
        when_settled(&stream.closed(), move |result| {
            State::on_closed(&closed, result)
        });
        Ok(StreamSocket { stream, state })
    }

    /// Closes the stream if it is still connecting after `after`.
    pub(crate) fn abandon_after(&self, after: Duration, hub: &Rc<Hub<Data>>) -> Countdown {
        let stream = self.stream.clone();
        let state = Rc::clone(&self.state);
        let hub = Rc::clone(hub);
        Countdown::new(after, move || {
            if state.ready.get() == ReadyState::Connecting {
                hub.mark_timed_out(after);
                state.ready.set(ReadyState::Closing);
                let _ = stream.close_with(&Object::new());
            }
        })
    }

    pub(crate) fn ready_state(&self) -> ReadyState {
        self.state.ready.get()
    }

    /// Always 0: a `WebSocketStream` has no `bufferedAmount`. Writes wait in its writer,
    /// which the Sink's `poll_ready` and `flush` wait on instead.
    pub(crate) fn buffered_amount(&self) -> u32 {
        0
    }

    pub(crate) fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<()> {
        let writer = self.state.writer.borrow().clone();
        let Some(writer) = writer else {
            return Poll::Ready(());
        };
        match writer.desired_size() {
            // Room in the writer's queue, or it errored (the send will say so).
            Ok(Some(size)) if size <= 0.0 => {
                if self.state.ready_watch.settled(&writer.ready(), cx.waker()) {
                    Poll::Ready(())
                } else {
                    Poll::Pending
                }
            }
            _ => Poll::Ready(()),
        }
    }

    pub(crate) fn poll_writes_done(&self, cx: &mut Context<'_>) -> Poll<()> {
        let last = self.state.last_write.borrow().clone();
        match last {
            Some(last) if !self.state.flush_watch.settled(&last, cx.waker()) => Poll::Pending,
            _ => Poll::Ready(()),
        }
    }

    pub(crate) fn url(&self) -> String {
        self.stream.url()
    }

    pub(crate) fn protocol(&self) -> String {
        self.state.protocol.borrow().clone()
    }

    pub(crate) fn extensions(&self) -> String {
        self.state.extensions.borrow().clone()
    }

    /// Binary messages always arrive as bytes here.
    pub(crate) fn binary_type(&self) -> BinaryType {
        BinaryType::ArrayBuffer
    }

    /// Nothing to set: a `WebSocketStream` has no `binaryType`, and binary messages
    /// always arrive as bytes.
    pub(crate) fn set_binary_type(&self, _binary_type: BinaryType) {}

    pub(crate) fn send_text(&self, text: &str) -> Result<(), Error> {
        self.write(&JsValue::from_str(text))
    }

    pub(crate) fn send_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
        // A copy: the write completes later, and wasm memory may change meanwhile.
        self.write(&Uint8Array::from(bytes))
    }

    pub(crate) fn send_blob(&self, _blob: &web_sys::Blob) -> Result<(), Error> {
        Err(Error::NotSupported {
            what: "sending a Blob",
            transport: Transport::Stream,
        })
    }

    pub(crate) fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), Error> {
        self.write(buffer)
    }

    pub(crate) fn send_uint8_array(&self, view: &Uint8Array) -> Result<(), Error> {
        self.write(view)
    }

    fn write(&self, chunk: &JsValue) -> Result<(), Error> {
        let writer = self.state.writer.borrow().clone();
        let writer = writer.ok_or(Error::NotOpen(self.ready_state()))?;
        let written = writer.write_with_chunk(chunk);
        // A failed write shows up as the connection's close.
        ignore_rejection(&written);
        *self.state.last_write.borrow_mut() = Some(written);
        Ok(())
    }

    /// Closes with 1000 as the connection is dropped: nothing could report a failure.
    pub(crate) fn close_on_drop(&self) {
        let _ = self.close(CloseCode::NORMAL, "");
    }

    /// `close({ closeCode, reason })`; both are checked and the state is `CONNECTING` or
    /// `OPEN`.
    pub(crate) fn close(&self, code: CloseCode, reason: &str) -> Result<(), Error> {
        let options = Object::new();
        let _ = Reflect::set(&options, &"closeCode".into(), &JsValue::from(code.as_u16()));
        let _ = Reflect::set(&options, &"reason".into(), &JsValue::from_str(reason));
        self.state.ready.set(ReadyState::Closing);
        self.stream
            .close_with(&options)
            .map_err(exception::unexpected)
    }
}

impl State {
    fn push(&self, event: RawEvent<Data>) {
        let Some(hub) = self.hub.upgrade() else {
            return;
        };
        if let Some(code) = hub.push(event) {
            // A subscription's inbox is full.
            let options = Object::new();
            let _ = Reflect::set(&options, &"closeCode".into(), &JsValue::from(code.as_u16()));
            let reason = JsValue::from_str(crate::InboxLimit::OVERFLOW_REASON);
            let _ = Reflect::set(&options, &"reason".into(), &reason);
            self.ready.set(ReadyState::Closing);
            let _ = self.stream.close_with(&options);
        }
    }

    /// Whether a `connect_with` handler takes the events, so that reads go on by
    /// themselves.
    fn handler_reads(&self) -> bool {
        self.hub.upgrade().is_some_and(|hub| hub.has_handler())
    }

    fn on_opened(&self, result: Result<JsValue, JsValue>) {
        match result {
            Ok(connection) => {
                let readable: ReadableStream = field(&connection, "readable").unchecked_into();
                let writable: WritableStream = field(&connection, "writable").unchecked_into();
                *self.reader.borrow_mut() = ReadableStreamDefaultReader::new(&readable).ok();
                *self.writer.borrow_mut() = WritableStreamDefaultWriter::new(&writable).ok();
                *self.protocol.borrow_mut() = field(&connection, "protocol")
                    .as_string()
                    .unwrap_or_default();
                *self.extensions.borrow_mut() = field(&connection, "extensions")
                    .as_string()
                    .unwrap_or_default();
                if self.ready.get() == ReadyState::Connecting {
                    self.ready.set(ReadyState::Open);
                }
                self.push(RawEvent::Open);
            }
            Err(_) => {
                // As the classic socket does: `error`, then `close` with 1006.
                self.read_done.set(true);
                self.push(RawEvent::Error);
            }
        }
    }

    fn on_closed(state: &Rc<State>, result: Result<JsValue, JsValue>) {
        let close = match result {
            Ok(info) => CloseEvent {
                code: CloseCode::from_browser(
                    field(&info, "closeCode").as_f64().unwrap_or(1005.0) as u16
                ),
                reason: field(&info, "reason").as_string().unwrap_or_default(),
                was_clean: true,
            },
            Err(_) => {
                if state.ready.get() != ReadyState::Connecting {
                    state.push(RawEvent::Error);
                }
                CloseEvent {
                    code: CloseCode::ABNORMAL,
                    reason: String::new(),
                    was_clean: false,
                }
            }
        };
        state.ready.set(ReadyState::Closed);
        *state.close.borrow_mut() = Some(close);
        if state.read_done.get() {
            state.finish();
        } else {
            // Gone: no one to push back on any more. Read what is left, then close.
            State::pull(state);
        }
    }

    /// Pushes `Closed`, once: the readable is drained and the close is known.
    fn finish(&self) {
        if self.finished.get() {
            return;
        }
        let close = self.close.borrow_mut().take();
        if let Some(close) = close {
            self.finished.set(true);
            self.push(RawEvent::Closed(close));
        }
    }

    /// Reads the next message if none is being read: called when a stream of this
    /// connection is polled and finds nothing, and after the close to drain what is left.
    fn pull(state: &Rc<State>) {
        if state.reading.get() || state.read_done.get() {
            return;
        }
        let reader = state.reader.borrow().clone();
        let Some(reader) = reader else {
            return;
        };
        state.reading.set(true);
        let next = Rc::clone(state);
        when_settled(&reader.read(), move |result| {
            next.reading.set(false);
            match result {
                Ok(read) if !field(&read, "done").is_truthy() => {
                    next.push(RawEvent::Message(Data::new(field(&read, "value"))));
                    // Read on at once after a close (nothing to push back on), or for a
                    // handler, which has taken the message by now.
                    if next.close.borrow().is_some() || next.handler_reads() {
                        State::pull(&next);
                    }
                }
                // The readable ended or failed: the close follows, if it has not come.
                _ => {
                    next.read_done.set(true);
                    next.finish();
                }
            }
        });
    }
}

impl Drop for StreamSocket {
    fn drop(&mut self) {
        // Every promise watched settles once the stream is closed; the connection has
        // closed it if it was connecting or open. Release what is left.
        if let Some(reader) = self.state.reader.borrow_mut().take() {
            ignore_rejection(&reader.cancel());
        }
        self.state.finished.set(true);
    }
}
