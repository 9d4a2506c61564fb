//! browser-websocket, used as its README shows: the `Stream` of events to receive, the
//! `Sink` (`feed`, then `flush`) to send runs of messages, `send_text` for one at a time;
//! for `rpc-roundtrip`, `rpc::Rpc<JsonRpc>` over a reconnecting socket, one call awaited
//! at a time.
//! The same code runs on both transports: `crate` is the classic socket, `crate-stream`
//! `Transport::Stream` (the browser's `WebSocketStream`).
//!
//! One difference: with the stream transport, `echo-pipelined` reads the echoes while it
//! sends (the halves of `split`, joined). That transport reads only when polled, so 20 MiB
//! of echoes left unread stop the server, which then stops reading what is sent: the
//! receive backpressure it exists for, and a deadlock for a client that reads only after
//! sending everything.

use browser_websocket::rpc::{JsonRpc, Rpc};
use browser_websocket::{
    ConnectionStatus, Event, Message, ReadyState, ReconnectHandle, ReconnectPolicy, Transport,
    WebSocket,
};
use futures_util::future::join;
use futures_util::{SinkExt, Stream, StreamExt};

use crate::workloads::{describe, expect_bytes, now, Payload, Workload};

/// Runs `workload` with this crate over `transport`; the milliseconds it took, or why it
/// failed.
pub async fn run(
    workload: &Workload,
    url: &str,
    payload: Option<&Payload>,
    transport: Transport,
) -> Result<f64, String> {
    let payload = || payload.ok_or("this workload sends a payload");
    let target = &Target { url, transport };
    match *workload {
        Workload::PingPong { count, .. } => match payload()? {
            Payload::Text(text) => pingpong(target, text, count).await,
            Payload::Binary(_) => Err("pingpong sends text".into()),
        },
        Workload::EchoPipelined { count, .. } => echo_pipelined(target, payload()?, count).await,
        Workload::Flood { count, size, .. } => flood(target, count, size).await,
        Workload::Sink { count, .. } => sink(target, payload()?, count).await,
        Workload::ConnectClose { count } => connect_close(target, count).await,
        Workload::RpcRoundtrip { count, .. } => match payload()? {
            Payload::Text(text) => rpc_roundtrip(target, text, count).await,
            Payload::Binary(_) => Err("rpc-roundtrip sends text".into()),
        },
    }
}

/// Where to connect, and over which transport.
struct Target<'a> {
    url: &'a str,
    transport: Transport,
}

impl Target<'_> {
    /// Starts connecting, as `WebSocket::connect` does, on this transport.
    fn connect(&self) -> Result<WebSocket, String> {
        WebSocket::builder(self.url)
            .transport(self.transport)
            .connect()
            .map_err(describe)
    }
}

/// The payload as this crate's message type: a clone, since a `Sink` takes it by value.
fn message(payload: &Payload) -> Message {
    match payload {
        Payload::Text(text) => Message::Text(text.clone()),
        Payload::Binary(bytes) => Message::Binary(bytes.clone()),
    }
}

/// Connects and waits for the stream's first event, `Open`.
async fn open(target: &Target<'_>) -> Result<WebSocket, String> {
    let mut ws = target.connect()?;
    match ws.next().await {
        Some(Event::Open) => Ok(ws),
        other => Err(format!("{}: expected Open, got {other:?}", target.url)),
    }
}

/// The next message from the stream, as the user receives it.
async fn next_message(ws: &mut (impl Stream<Item = Event> + Unpin)) -> Result<Message, String> {
    match ws.next().await {
        Some(Event::Message(message)) => Ok(message),
        other => Err(format!("expected a message, got {other:?}")),
    }
}

fn len(message: &Message) -> usize {
    match message {
        Message::Text(text) => text.len(),
        Message::Binary(bytes) => bytes.len(),
        Message::Blob(blob) => blob.size() as usize,
    }
}

/// Closes (unless the server already did) and waits for the `close` event.
async fn close(ws: WebSocket) -> Result<(), String> {
    if ws.ready_state() == ReadyState::Open {
        ws.close().map_err(describe)?;
    }
    ws.closed().await;
    Ok(())
}

async fn pingpong(target: &Target<'_>, text: &str, count: u32) -> Result<f64, String> {
    let mut ws = open(target).await?;
    let start = now();
    for _ in 0..count {
        ws.send_text(text).map_err(describe)?;
        let echo = next_message(&mut ws).await?;
        expect_bytes("pingpong", len(&echo), text.len())?;
    }
    let ms = now() - start;
    close(ws).await?;
    Ok(ms)
}

async fn echo_pipelined(target: &Target<'_>, payload: &Payload, count: u32) -> Result<f64, String> {
    if target.transport == Transport::Stream {
        return echo_pipelined_concurrently(target, payload, count).await;
    }
    let mut ws = open(target).await?;
    let start = now();
    for _ in 0..count {
        ws.feed(message(payload)).await.map_err(describe)?;
    }
    ws.flush().await.map_err(describe)?;
    let mut bytes = 0;
    for _ in 0..count {
        bytes += len(&next_message(&mut ws).await?);
    }
    let ms = now() - start;
    expect_bytes("echo", bytes, payload.len() * count as usize)?;
    close(ws).await?;
    Ok(ms)
}

/// `echo-pipelined` for a transport with receive backpressure: the same sends and reads,
/// from the two halves at once.
async fn echo_pipelined_concurrently(
    target: &Target<'_>,
    payload: &Payload,
    count: u32,
) -> Result<f64, String> {
    let (mut sender, mut receiver) = open(target).await?.split();
    let start = now();
    let send = async {
        for _ in 0..count {
            sender.feed(message(payload)).await.map_err(describe)?;
        }
        sender.flush().await.map_err(describe)
    };
    let receive = async {
        let mut bytes = 0;
        for _ in 0..count {
            bytes += len(&next_message(&mut receiver).await?);
        }
        Ok::<_, String>(bytes)
    };
    let (sent, received) = join(send, receive).await;
    let ms = now() - start;
    sent?;
    let bytes = received?;
    let ws = sender.reunite(receiver).map_err(describe)?;
    expect_bytes("echo", bytes, payload.len() * count as usize)?;
    close(ws).await?;
    Ok(ms)
}

async fn flood(target: &Target<'_>, count: u32, size: usize) -> Result<f64, String> {
    let start = now();
    let mut ws = target.connect()?;
    let (mut received, mut bytes) = (0, 0);
    while received < count {
        match ws.next().await {
            Some(Event::Open) => {}
            Some(Event::Message(message)) => {
                received += 1;
                bytes += len(&message);
            }
            other => return Err(format!("flood: after {received} messages, {other:?}")),
        }
    }
    let ms = now() - start;
    expect_bytes("flood", bytes, size * count as usize)?;
    close(ws).await?;
    Ok(ms)
}

async fn sink(target: &Target<'_>, payload: &Payload, count: u32) -> Result<f64, String> {
    let mut ws = open(target).await?;
    let start = now();
    for _ in 0..count {
        ws.feed(message(payload)).await.map_err(describe)?;
    }
    ws.send(Message::from("done")).await.map_err(describe)?;
    let counted = match next_message(&mut ws).await? {
        Message::Text(text) => text.parse::<usize>().map_err(describe)?,
        other => return Err(format!("sink: the count came as {other:?}")),
    };
    let ms = now() - start;
    expect_bytes("sink", counted, payload.len() * count as usize)?;
    close(ws).await?;
    Ok(ms)
}

async fn connect_close(target: &Target<'_>, count: u32) -> Result<f64, String> {
    let start = now();
    for _ in 0..count {
        let ws = target.connect()?;
        ws.opened().await.map_err(describe)?;
        ws.close().map_err(describe)?;
        ws.closed().await;
    }
    Ok(now() - start)
}

/// Waits until the reconnecting socket's status is one `done` accepts.
async fn status(handle: &ReconnectHandle, done: impl Fn(&ConnectionStatus) -> bool) {
    let mut changes = handle.status_changes();
    while let Some(status) = changes.next().await {
        if done(&status) {
            return;
        }
    }
}

async fn rpc_roundtrip(target: &Target<'_>, text: &str, count: u32) -> Result<f64, String> {
    let ws = WebSocket::builder(target.url)
        .transport(target.transport)
        .reconnecting(ReconnectPolicy::default())
        .connect()
        .map_err(describe)?;
    let rpc = Rpc::<JsonRpc>::new(ws);
    // Opening is not timed, as for the other workloads.
    status(rpc.handle(), |status| *status == ConnectionStatus::Open).await;
    let start = now();
    for _ in 0..count {
        let echo = rpc
            .call::<String>("echo", &[text])
            .await
            .map_err(describe)?;
        expect_bytes("rpc", echo.len(), text.len())?;
    }
    let ms = now() - start;
    rpc.handle().close().map_err(describe)?;
    status(rpc.handle(), |status| {
        matches!(status, ConnectionStatus::Closed(_))
    })
    .await;
    Ok(ms)
}
