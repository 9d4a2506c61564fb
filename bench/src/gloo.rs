//! gloo-net 0.7's `futures::WebSocket`: its `Stream` to receive, its `Sink` to send.
//!
//! gloo-net has no "opened" future and no way to close while keeping the stream, so a
//! socket is made the way `WebSocket::open` makes it (`new WebSocket(url)`, then
//! `TryFrom`) while this file keeps the browser handle: the `Sink`'s `poll_ready` waits
//! for open, `close()` on the handle starts the close, and the stream's end says it is done.

use std::future::poll_fn;

use futures_util::{SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::{Message, WebSocketError};

use crate::workloads::{describe, expect_bytes, now, Payload, Workload};

/// Runs `workload` with gloo-net; the milliseconds it took, or why it failed.
pub async fn run(workload: &Workload, url: &str, payload: Option<&Payload>) -> Result<f64, String> {
    let payload = || payload.ok_or("this workload sends a payload");
    match *workload {
        Workload::PingPong { count, .. } => match payload()? {
            Payload::Text(text) => pingpong(url, text, count).await,
            Payload::Binary(_) => Err("pingpong sends text".into()),
        },
        Workload::EchoPipelined { count, .. } => echo_pipelined(url, payload()?, count).await,
        Workload::Flood { count, size, .. } => flood(url, count, size).await,
        Workload::Sink { count, .. } => sink(url, payload()?, count).await,
        Workload::ConnectClose { count } => connect_close(url, count).await,
        Workload::RpcRoundtrip { .. } => Err("rpc-roundtrip: no calls with replies".into()),
    }
}

/// A gloo-net socket and the browser socket under it.
struct Socket {
    raw: web_sys::WebSocket,
    ws: WebSocket,
}

/// Creates the socket; it is still connecting.
fn connect(url: &str) -> Result<Socket, String> {
    let raw = web_sys::WebSocket::new(url).map_err(|error| format!("{error:?}"))?;
    let ws = WebSocket::try_from(raw.clone()).map_err(describe)?;
    Ok(Socket { raw, ws })
}

/// Connects and waits until the socket is open (gloo-net's `poll_ready` waits for that).
async fn open(url: &str) -> Result<Socket, String> {
    let mut socket = connect(url)?;
    poll_fn(|cx| socket.ws.poll_ready_unpin(cx))
        .await
        .map_err(describe)?;
    Ok(socket)
}

/// Closes and waits for the stream to end, which gloo-net does after the `close` event.
async fn close(mut socket: Socket) -> Result<(), String> {
    socket.raw.close().map_err(|error| format!("{error:?}"))?;
    while socket.ws.next().await.is_some() {}
    Ok(())
}

fn message(payload: &Payload) -> Message {
    match payload {
        Payload::Text(text) => Message::Text(text.clone()),
        Payload::Binary(bytes) => Message::Bytes(bytes.clone()),
    }
}

fn len(message: &Message) -> usize {
    match message {
        Message::Text(text) => text.len(),
        Message::Bytes(bytes) => bytes.len(),
    }
}

async fn next_message(ws: &mut WebSocket) -> Result<Message, String> {
    match ws.next().await {
        Some(Ok(message)) => Ok(message),
        Some(Err(error)) => Err(describe(error)),
        None => Err("the stream ended".into()),
    }
}

async fn pingpong(url: &str, text: &str, count: u32) -> Result<f64, String> {
    let mut socket = open(url).await?;
    let start = now();
    for _ in 0..count {
        socket
            .ws
            .send(Message::Text(text.to_owned()))
            .await
            .map_err(describe)?;
        let echo = next_message(&mut socket.ws).await?;
        expect_bytes("pingpong", len(&echo), text.len())?;
    }
    let ms = now() - start;
    close(socket).await?;
    Ok(ms)
}

async fn echo_pipelined(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let mut socket = open(url).await?;
    let start = now();
    for _ in 0..count {
        socket.ws.feed(message(payload)).await.map_err(describe)?;
    }
    socket.ws.flush().await.map_err(describe)?;
    let mut bytes = 0;
    for _ in 0..count {
        bytes += len(&next_message(&mut socket.ws).await?);
    }
    let ms = now() - start;
    expect_bytes("echo", bytes, payload.len() * count as usize)?;
    close(socket).await?;
    Ok(ms)
}

async fn flood(url: &str, count: u32, size: usize) -> Result<f64, String> {
    let start = now();
    let mut socket = connect(url)?;
    let (mut received, mut bytes) = (0, 0);
    while received < count {
        match socket.ws.next().await {
            Some(Ok(message)) => {
                received += 1;
                bytes += len(&message);
            }
            Some(Err(error)) => return Err(format!("flood: after {received} messages, {error}")),
            None => return Err(format!("flood: the stream ended after {received} messages")),
        }
    }
    let ms = now() - start;
    expect_bytes("flood", bytes, size * count as usize)?;
    // The server closes after the flood: drain the close notice and the end.
    while let Some(item) = socket.ws.next().await {
        if let Ok(message) = item {
            return Err(format!("flood: an extra message {message:?}"));
        }
        if let Err(WebSocketError::ConnectionError) = item {
            return Err("flood: a connection error after the flood".into());
        }
    }
    Ok(ms)
}

async fn sink(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let mut socket = open(url).await?;
    let start = now();
    for _ in 0..count {
        socket.ws.feed(message(payload)).await.map_err(describe)?;
    }
    socket
        .ws
        .send(Message::Text("done".into()))
        .await
        .map_err(describe)?;
    let counted = match next_message(&mut socket.ws).await? {
        Message::Text(text) => text.parse::<usize>().map_err(describe)?,
        other => return Err(format!("sink: the count came as {other:?}")),
    };
    let ms = now() - start;
    expect_bytes("sink", counted, payload.len() * count as usize)?;
    close(socket).await?;
    Ok(ms)
}

async fn connect_close(url: &str, count: u32) -> Result<f64, String> {
    let start = now();
    for _ in 0..count {
        close(open(url).await?).await?;
    }
    Ok(now() - start)
}
