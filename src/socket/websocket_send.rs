//! [`WebSocket`]'s sends and its flow-controlled `Sink`: one-line forwards to the
//! connection and its flow control.

use crate::socket::websocket::WebSocket;

impl WebSocket {
    /// Sends a text message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    /// ws.send_text("hello")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_text(&self, text: &str) -> Result<(), crate::Error> {
        self.connection.send_text(text)
    }

    /// Sends a [`Message`](crate::Message) of any kind: text, bytes or a Blob.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// use browser_websocket::{Message, WebSocket};
    ///
    /// let ws = WebSocket::connect("wss://example.com/chat")?;
    /// ws.opened().await?;
    /// ws.send_message(&Message::Text("hello".into()))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_message(&self, message: &crate::Message) -> Result<(), crate::Error> {
        self.connection.send_message(message)
    }

    /// Sends a binary message straight from wasm memory.
    ///
    /// The browser copies the bytes out of a view on wasm memory during the call: no
    /// intermediate `Blob` or `ArrayBuffer` is made. (Built with `target_feature =
    /// "atomics"`, wasm memory is shared, which browsers refuse to send from, so the
    /// bytes are first copied into a fresh `Uint8Array`.)
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// ws.send_bytes(&[0xde, 0xad, 0xbe, 0xef])?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_bytes(&self, bytes: &[u8]) -> Result<(), crate::Error> {
        self.connection.send_bytes(bytes)
    }

    /// Sends a `Blob` as a binary message, without reading it into wasm memory (classic
    /// transport only).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/upload")?;
    /// ws.opened().await?;
    /// ws.send_blob(&file)?; // e.g. a File from an <input type="file">
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), crate::Error> {
        self.connection.send_blob(blob)
    }

    /// Sends a JavaScript `ArrayBuffer` as a binary message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// ws.send_array_buffer(&js_sys::ArrayBuffer::new(16))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), crate::Error> {
        self.connection.send_array_buffer(buffer)
    }

    /// Sends the bytes a JavaScript `Uint8Array` views as a binary message.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), browser_websocket::Error> {
    /// let ws = browser_websocket::WebSocket::connect("wss://example.com/data")?;
    /// ws.opened().await?;
    /// ws.send_uint8_array(&js_sys::Uint8Array::new_with_length(4))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::NotOpen`](crate::Error::NotOpen) unless the socket is `OPEN`; nothing is
    /// sent.
    pub fn send_uint8_array(&self, view: &js_sys::Uint8Array) -> Result<(), crate::Error> {
        self.connection.send_uint8_array(view)
    }
}

/// Sends [`Message`](crate::Message)s with backpressure on `bufferedAmount`: see
/// [`WaterMarks`](crate::WaterMarks) and the crate docs' flow-control section.
///
/// - `poll_ready` waits while the browser's buffer is above the high mark, until it
///   drains to the low mark (both as raised for large messages and fast links);
///   errors with `NotOpen` unless the socket is `OPEN`.
/// - `poll_flush` waits until `bufferedAmount` is 0.
/// - `poll_close` closes with 1000 and waits for the `close` event; errors with
///   `AlreadyClosing` if the socket was already closing by other means.
impl futures_sink::Sink<crate::Message> for WebSocket {
    type Error = crate::Error;

    fn poll_ready(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), crate::Error>> {
        let this = self.get_mut();
        this.flow.poll_ready(&this.connection, cx)
    }

    fn start_send(
        self: std::pin::Pin<&mut Self>,
        message: crate::Message,
    ) -> Result<(), crate::Error> {
        self.connection.send_message(&message)
    }

    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), crate::Error>> {
        let this = self.get_mut();
        this.flow.poll_flush(&this.connection, cx)
    }

    fn poll_close(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), crate::Error>> {
        let this = self.get_mut();
        this.flow.poll_close(&this.connection, cx)
    }
}
