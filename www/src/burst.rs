//! The burst: 32 MiB as 512 binary messages of 64 KiB, pushed through the socket's `Sink`.

use browser_websocket::{Error, Message};
use futures_util::{future, stream, Sink, SinkExt, StreamExt};

pub const MESSAGES: usize = 512;
pub const MESSAGE_BYTES: usize = 64 << 10;
pub const TOTAL_BYTES: u64 = (MESSAGES * MESSAGE_BYTES) as u64;

/// `count` random bytes from `Math.random`, four bytes per call.
pub fn random_bytes(count: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(count + 3);
    while bytes.len() < count {
        let word = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    bytes.truncate(count);
    bytes
}

/// Sends the burst with `SinkExt::send_all`, calling `on_send` as each message is accepted.
///
/// Nothing here waits or measures: the Sink's `poll_ready` holds the next message back
/// while `bufferedAmount` is above the high-water mark, so about 1 MiB waits in the
/// browser rather than 32 MiB, and `send_all` ends with a flush (`bufferedAmount == 0`).
/// The messages are made one at a time, as the Sink asks for them.
///
/// `sink` is a plain socket's sender half or a reconnecting socket, whose Sink puts the
/// messages in its offline queue while disconnected.
pub async fn send<S>(sink: &mut S, mut on_send: impl FnMut(u64)) -> Result<(), Error>
where
    S: Sink<Message, Error = Error> + Unpin,
{
    let chunk = random_bytes(MESSAGE_BYTES);
    let mut messages = stream::iter(0..MESSAGES).map(move |_| Ok(Message::Binary(chunk.clone())));
    let mut counted = sink.with(|message: Message| {
        on_send(MESSAGE_BYTES as u64);
        future::ready(Ok::<Message, Error>(message))
    });
    counted.send_all(&mut messages).await
}
