//! `shared_across_tabs`: how a [`ReconnectingBuilder`] makes a [`SharedSocket`].

use super::socket::SharedSocket;
use crate::error::Error;
use crate::reconnect::ReconnectingBuilder;

impl ReconnectingBuilder {
    /// Shares the connection with every tab of the origin that opens one with the same
    /// `name` (and, normally, the same URL): one tab holds it, the others hear every
    /// message and send through it. See [`SharedSocket`].
    ///
    /// ```no_run
    /// use browser_websocket::{ReconnectPolicy, WebSocket};
    ///
    /// let ws = WebSocket::builder("wss://example.com/feed")
    ///     .reconnecting(ReconnectPolicy::default())
    ///     .shared_across_tabs("feed")
    ///     .connect()?;
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn shared_across_tabs(self, name: &str) -> SharedBuilder {
        SharedBuilder {
            builder: self,
            name: name.to_owned(),
        }
    }
}

/// A [`ReconnectingBuilder`] that shares its connection across tabs; made by
/// [`shared_across_tabs`](ReconnectingBuilder::shared_across_tabs).
#[must_use = "a builder does nothing until `connect` is called"]
pub struct SharedBuilder {
    builder: ReconnectingBuilder,
    name: String,
}

impl SharedBuilder {
    /// Joins the tabs sharing the name: this tab connects if it gets the lock first (or
    /// is alone), else it follows the tab that holds it.
    ///
    /// ```no_run
    /// # fn run(builder: browser_websocket::SharedBuilder) -> Result<(), browser_websocket::Error> {
    /// let ws = builder.connect()?;
    /// println!("{:?}", ws.handle().role());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`ReconnectingBuilder::connect`] for the first URL and the subprotocols, checked
    /// in this tab before it joins (so in every tab alike, whichever leads); nothing is
    /// joined then.
    pub fn connect(self) -> Result<SharedSocket, Error> {
        self.builder.check()?;
        Ok(SharedSocket::start(self.builder, &self.name))
    }
}

impl std::fmt::Debug for SharedBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedBuilder")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}
