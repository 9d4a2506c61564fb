//! [`WebSocketSender`]'s methods: [`WebSocket`](crate::WebSocket)'s, forwarded one by
//! one to the connection, and its flow-controlled `Sink`.

use crate::socket::split::WebSocketSender;

impl WebSocketSender {
    /// As [`WebSocket::opened`](crate::WebSocket::opened).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.opened().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::opened`](crate::WebSocket::opened).
    pub async fn opened(&self) -> Result<(), crate::Error> {
        std::future::poll_fn(|cx| self.connection.poll_opened(cx)).await
    }

    /// As [`WebSocket::closed`](crate::WebSocket::closed).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let close = sender.closed().await;
    /// # Ok(()) }
    /// ```
    pub async fn closed(&self) -> crate::CloseEvent {
        std::future::poll_fn(|cx| self.connection.poll_closed(cx)).await
    }

    /// As [`WebSocket::close`](crate::WebSocket::close).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.close()?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::close`](crate::WebSocket::close).
    pub fn close(&self) -> Result<(), crate::Error> {
        self.connection.close_with(crate::CloseCode::NORMAL, "")
    }

    /// As [`WebSocket::close_with`](crate::WebSocket::close_with).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.close_with(browser_websocket::CloseCode::new(4000)?, "done")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::close_with`](crate::WebSocket::close_with).
    pub fn close_with(&self, code: crate::CloseCode, reason: &str) -> Result<(), crate::Error> {
        self.connection.close_with(code, reason)
    }

    /// As [`WebSocket::subscribe`](crate::WebSocket::subscribe).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let events = sender.subscribe();
    /// # Ok(()) }
    /// ```
    pub fn subscribe(&self) -> crate::Subscription {
        crate::Subscription::new(self.connection.subscribe())
    }

    /// As [`WebSocket::ready_state`](crate::WebSocket::ready_state).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let state = sender.ready_state();
    /// # Ok(()) }
    /// ```
    pub fn ready_state(&self) -> crate::ReadyState {
        self.connection.ready_state()
    }

    /// As [`WebSocket::buffered_amount`](crate::WebSocket::buffered_amount).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let waiting = sender.buffered_amount();
    /// # Ok(()) }
    /// ```
    pub fn buffered_amount(&self) -> u32 {
        self.connection.buffered_amount()
    }

    /// As [`WebSocket::url`](crate::WebSocket::url).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let url = sender.url();
    /// # Ok(()) }
    /// ```
    pub fn url(&self) -> String {
        self.connection.url()
    }

    /// As [`WebSocket::protocol`](crate::WebSocket::protocol).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let protocol = sender.protocol();
    /// # Ok(()) }
    /// ```
    pub fn protocol(&self) -> String {
        self.connection.protocol()
    }

    /// As [`WebSocket::extensions`](crate::WebSocket::extensions).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let extensions = sender.extensions();
    /// # Ok(()) }
    /// ```
    pub fn extensions(&self) -> String {
        self.connection.extensions()
    }

    /// As [`WebSocket::binary_type`](crate::WebSocket::binary_type).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let binary_type = sender.binary_type();
    /// # Ok(()) }
    /// ```
    pub fn binary_type(&self) -> crate::BinaryType {
        self.connection.binary_type()
    }

    /// As [`WebSocket::set_binary_type`](crate::WebSocket::set_binary_type).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.set_binary_type(browser_websocket::BinaryType::Blob);
    /// # Ok(()) }
    /// ```
    pub fn set_binary_type(&self, binary_type: crate::BinaryType) {
        self.connection.set_binary_type(binary_type);
    }

    /// As [`WebSocket::as_raw`](crate::WebSocket::as_raw).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let raw = sender.as_raw();
    /// # Ok(()) }
    /// ```
    pub fn as_raw(&self) -> Option<&crate::browser::RawWebSocket> {
        self.connection.as_raw()
    }

    /// As [`WebSocket::transport`](crate::WebSocket::transport).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// let transport = sender.transport();
    /// # Ok(()) }
    /// ```
    pub fn transport(&self) -> crate::Transport {
        self.connection.transport()
    }

    /// As [`WebSocket::send_text`](crate::WebSocket::send_text).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_text("hello")?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_text`](crate::WebSocket::send_text).
    pub fn send_text(&self, text: &str) -> Result<(), crate::Error> {
        self.connection.send_text(text)
    }

    /// As [`WebSocket::send_message`](crate::WebSocket::send_message).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_message(&browser_websocket::Message::Text("hello".into()))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_message`](crate::WebSocket::send_message).
    pub fn send_message(&self, message: &crate::Message) -> Result<(), crate::Error> {
        self.connection.send_message(message)
    }

    /// As [`WebSocket::send_bytes`](crate::WebSocket::send_bytes).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_bytes(&[1, 2, 3])?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_bytes`](crate::WebSocket::send_bytes).
    pub fn send_bytes(&self, bytes: &[u8]) -> Result<(), crate::Error> {
        self.connection.send_bytes(bytes)
    }

    /// As [`WebSocket::send_blob`](crate::WebSocket::send_blob).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_blob(&file)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_blob`](crate::WebSocket::send_blob).
    pub fn send_blob(&self, blob: &web_sys::Blob) -> Result<(), crate::Error> {
        self.connection.send_blob(blob)
    }

    /// As [`WebSocket::send_array_buffer`](crate::WebSocket::send_array_buffer).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_array_buffer(&js_sys::ArrayBuffer::new(16))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_array_buffer`](crate::WebSocket::send_array_buffer).
    pub fn send_array_buffer(&self, buffer: &js_sys::ArrayBuffer) -> Result<(), crate::Error> {
        self.connection.send_array_buffer(buffer)
    }

    /// As [`WebSocket::send_uint8_array`](crate::WebSocket::send_uint8_array).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// sender.send_uint8_array(&js_sys::Uint8Array::new_with_length(4))?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`WebSocket::send_uint8_array`](crate::WebSocket::send_uint8_array).
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
impl futures_sink::Sink<crate::Message> for WebSocketSender {
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
