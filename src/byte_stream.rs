//! Bytes over binary messages: `AsyncRead` and `AsyncWrite` (feature `io`).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_core::Stream;
use futures_io::{AsyncRead, AsyncWrite};
use futures_sink::Sink;

use crate::event::Event;
use crate::message::Message;
use crate::socket::WebSocket;

/// A [`WebSocket`] as a byte stream: each write is sent as one binary message, reads
/// return the bytes of the binary messages received, in order. End of file is the close.
///
/// For byte-oriented protocols and codecs (`futures_codec`, `asynchronous-codec`, TLS-like
/// layers) that want `AsyncRead`/`AsyncWrite`. Writes use the socket's flow control.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use browser_websocket::{ByteStream, WebSocket};
/// use futures_util::{AsyncReadExt, AsyncWriteExt};
///
/// let ws = WebSocket::connect("wss://example.com/bytes")?;
/// ws.opened().await?;
/// let mut bytes = ByteStream::new(ws);
/// bytes.write_all(b"hello").await?;
/// let mut reply = [0u8; 5];
/// bytes.read_exact(&mut reply).await?;
/// # Ok(()) }
/// ```
///
/// # Errors
/// A text or Blob message is not part of a byte stream: reading it fails with
/// `io::ErrorKind::InvalidData` (the message is dropped; later reads go on). Messages lost
/// to an [`InboxLimit`](crate::InboxLimit) fail a read with `io::ErrorKind::Other`. Writing to a
/// socket that is not open fails with `io::ErrorKind::NotConnected`.
#[derive(Debug)]
pub struct ByteStream {
    socket: WebSocket,
    pending: Vec<u8>,
    read_from: usize,
    ended: bool,
}

impl ByteStream {
    /// Wraps an open or connecting socket.
    ///
    /// ```no_run
    /// let bytes = browser_websocket::ByteStream::new(browser_websocket::WebSocket::connect("wss://example.com/")?);
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn new(socket: WebSocket) -> ByteStream {
        ByteStream {
            socket,
            pending: Vec::new(),
            read_from: 0,
            ended: false,
        }
    }

    /// The socket inside.
    ///
    /// ```no_run
    /// # let bytes = browser_websocket::ByteStream::new(browser_websocket::WebSocket::connect("wss://example.com/")?);
    /// let state = bytes.get_ref().ready_state();
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn get_ref(&self) -> &WebSocket {
        &self.socket
    }

    /// Unwraps the socket; bytes read from the network but not yet by you are dropped.
    ///
    /// ```no_run
    /// # let bytes = browser_websocket::ByteStream::new(browser_websocket::WebSocket::connect("wss://example.com/")?);
    /// let ws = bytes.into_inner();
    /// # Ok::<(), browser_websocket::Error>(())
    /// ```
    pub fn into_inner(self) -> WebSocket {
        self.socket
    }
}

fn io_error(error: crate::Error) -> io::Error {
    let kind = match error {
        crate::Error::NotOpen(_) | crate::Error::AlreadyClosing(_) => io::ErrorKind::NotConnected,
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, error)
}

impl AsyncRead for ByteStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        loop {
            if this.read_from < this.pending.len() {
                let available = &this.pending[this.read_from..];
                let n = available.len().min(buf.len());
                buf[..n].copy_from_slice(&available[..n]);
                this.read_from += n;
                return Poll::Ready(Ok(n));
            }
            if this.ended {
                return Poll::Ready(Ok(0));
            }
            match ready!(Pin::new(&mut this.socket).poll_next(cx)) {
                Some(Event::Message(Message::Binary(bytes))) => {
                    this.pending = bytes;
                    this.read_from = 0;
                }
                Some(Event::Message(other)) => {
                    let kind = if other.as_text().is_some() {
                        "text"
                    } else {
                        "Blob"
                    };
                    return Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("a {kind} message arrived on a byte stream"),
                    )));
                }
                // A byte stream with a gap is corrupt: say so rather than read on.
                Some(Event::Overflow(overflow)) => {
                    return Poll::Ready(Err(io::Error::other(format!(
                        "the inbox limit lost data: {overflow:?}"
                    ))));
                }
                Some(Event::Closed(_)) | None => this.ended = true,
                Some(_) => {}
            }
        }
    }
}

impl AsyncWrite for ByteStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let socket = &mut self.get_mut().socket;
        ready!(Pin::new(&mut *socket).poll_ready(cx)).map_err(io_error)?;
        socket.send_bytes(buf).map_err(io_error)?;
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Sink::<Message>::poll_flush(Pin::new(&mut self.get_mut().socket), cx).map_err(io_error)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Sink::<Message>::poll_close(Pin::new(&mut self.get_mut().socket), cx).map_err(io_error)
    }
}
