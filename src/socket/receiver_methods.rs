//! [`WebSocketReceiver`]'s methods: [`WebSocket`](crate::WebSocket)'s state, closing and
//! subscriptions, forwarded one by one to the connection.

use crate::socket::split::WebSocketReceiver;

impl WebSocketReceiver {
    /// As [`WebSocket::opened`](crate::WebSocket::opened).
    ///
    /// ```no_run
    /// # async fn run(file: web_sys::Blob) -> Result<(), browser_websocket::Error> {
    /// let (sender, receiver) = browser_websocket::WebSocket::connect("wss://example.com/chat")?.split();
    /// receiver.opened().await?;
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
    /// let close = receiver.closed().await;
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
    /// receiver.close()?;
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
    /// receiver.close_with(browser_websocket::CloseCode::new(4000)?, "done")?;
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
    /// let events = receiver.subscribe();
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
    /// let state = receiver.ready_state();
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
    /// let waiting = receiver.buffered_amount();
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
    /// let url = receiver.url();
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
    /// let protocol = receiver.protocol();
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
    /// let extensions = receiver.extensions();
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
    /// let binary_type = receiver.binary_type();
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
    /// receiver.set_binary_type(browser_websocket::BinaryType::Blob);
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
    /// let raw = receiver.as_raw();
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
    /// let transport = receiver.transport();
    /// # Ok(()) }
    /// ```
    pub fn transport(&self) -> crate::Transport {
        self.connection.transport()
    }
}
