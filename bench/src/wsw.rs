//! ws_stream_wasm 0.7: `WsMeta::connect` (which resolves once open), the `WsStream`'s
//! `Stream` to receive and `Sink` to send, `WsMeta::close` to close and await the end.

use futures_util::{SinkExt, StreamExt};
use ws_stream_wasm::{WsMessage, WsMeta, WsStream};

use crate::workloads::{describe, expect_bytes, now, Payload, Workload};

/// Runs `workload` with ws_stream_wasm; the milliseconds it took, or why it failed.
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

async fn open(url: &str) -> Result<(WsMeta, WsStream), String> {
    WsMeta::connect(url, None).await.map_err(describe)
}

/// Closes (unless the server already did) and waits for the `close` event.
async fn close(meta: WsMeta, stream: WsStream) -> Result<(), String> {
    if meta.ready_state() != ws_stream_wasm::WsState::Closed {
        meta.close().await.map_err(describe)?;
    }
    drop(stream);
    Ok(())
}

fn message(payload: &Payload) -> WsMessage {
    match payload {
        Payload::Text(text) => WsMessage::Text(text.clone()),
        Payload::Binary(bytes) => WsMessage::Binary(bytes.clone()),
    }
}

fn len(message: &WsMessage) -> usize {
    match message {
        WsMessage::Text(text) => text.len(),
        WsMessage::Binary(bytes) => bytes.len(),
    }
}

async fn next_message(stream: &mut WsStream) -> Result<WsMessage, String> {
    stream
        .next()
        .await
        .ok_or_else(|| "the stream ended".to_owned())
}

async fn pingpong(url: &str, text: &str, count: u32) -> Result<f64, String> {
    let (meta, mut stream) = open(url).await?;
    let start = now();
    for _ in 0..count {
        stream
            .send(WsMessage::Text(text.to_owned()))
            .await
            .map_err(describe)?;
        let echo = next_message(&mut stream).await?;
        expect_bytes("pingpong", len(&echo), text.len())?;
    }
    let ms = now() - start;
    close(meta, stream).await?;
    Ok(ms)
}

async fn echo_pipelined(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let (meta, mut stream) = open(url).await?;
    let start = now();
    for _ in 0..count {
        stream.feed(message(payload)).await.map_err(describe)?;
    }
    stream.flush().await.map_err(describe)?;
    let mut bytes = 0;
    for _ in 0..count {
        bytes += len(&next_message(&mut stream).await?);
    }
    let ms = now() - start;
    expect_bytes("echo", bytes, payload.len() * count as usize)?;
    close(meta, stream).await?;
    Ok(ms)
}

async fn flood(url: &str, count: u32, size: usize) -> Result<f64, String> {
    let start = now();
    let (meta, mut stream) = open(url).await?;
    let (mut received, mut bytes) = (0, 0);
    while received < count {
        let message = next_message(&mut stream)
            .await
            .map_err(|error| format!("flood: after {received} messages, {error}"))?;
        received += 1;
        bytes += len(&message);
    }
    let ms = now() - start;
    expect_bytes("flood", bytes, size * count as usize)?;
    // The server closes after the flood; the stream ends with it.
    if let Some(extra) = stream.next().await {
        return Err(format!("flood: an extra message {extra:?}"));
    }
    close(meta, stream).await?;
    Ok(ms)
}

async fn sink(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let (meta, mut stream) = open(url).await?;
    let start = now();
    for _ in 0..count {
        stream.feed(message(payload)).await.map_err(describe)?;
    }
    stream
        .send(WsMessage::Text("done".into()))
        .await
        .map_err(describe)?;
    let counted = match next_message(&mut stream).await? {
        WsMessage::Text(text) => text.parse::<usize>().map_err(describe)?,
        other => return Err(format!("sink: the count came as {other:?}")),
    };
    let ms = now() - start;
    expect_bytes("sink", counted, payload.len() * count as usize)?;
    close(meta, stream).await?;
    Ok(ms)
}

async fn connect_close(url: &str, count: u32) -> Result<f64, String> {
    let start = now();
    for _ in 0..count {
        let (meta, stream) = open(url).await?;
        close(meta, stream).await?;
    }
    Ok(now() - start)
}
