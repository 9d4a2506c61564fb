//! browser-websocket's callback API, as its docs show it: `WebSocketBuilder::connect_with`
//! hands every event to a handler inside the browser's listener (no stream, no executor,
//! no wake), which replies through its `WeakSender`; runs of messages go out with
//! `send_text`/`send_bytes` on the returned sender, as JavaScript's `send` loop does.
//!
//! The handler settles an [`Outcome`] when the workload is done; awaiting it is the only
//! future involved, once per workload.

use std::cell::Cell;
use std::rc::Rc;

use browser_websocket::{CloseCode, Event, Message, WebSocket, WebSocketSender};

use crate::outcome::Outcome;
use crate::workloads::{describe, expect_bytes, now, Payload, Workload};

/// Runs `workload` with the callback API; the milliseconds it took, or why it failed.
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

fn len(message: &Message) -> usize {
    match message {
        Message::Text(text) => text.len(),
        Message::Binary(bytes) => bytes.len(),
        Message::Blob(blob) => blob.size() as usize,
    }
}

/// Settles `outcome` with an error for an event a workload does not expect before it is
/// done (an error, or the close); `Open` and anything after the end are fine.
fn unexpected<T>(outcome: &Outcome<T>, what: &str, event: &Event) {
    if !matches!(event, Event::Open) && !outcome.is_settled() {
        outcome.settle(Err(format!("{what}: unexpected {event:?}")));
    }
}

/// Sends the payload by reference: the sender takes `&str` and `&[u8]`, so no clone.
fn send(sender: &WebSocketSender, payload: &Payload) -> Result<(), String> {
    match payload {
        Payload::Text(text) => sender.send_text(text),
        Payload::Binary(bytes) => sender.send_bytes(bytes),
    }
    .map_err(describe)
}

/// Closes (unless the server already did) and waits for the `close` event.
async fn close(sender: WebSocketSender) -> Result<(), String> {
    if sender.ready_state() == browser_websocket::ReadyState::Open {
        sender.close().map_err(describe)?;
    }
    sender.closed().await;
    Ok(())
}

async fn pingpong(url: &str, text: &str, count: u32) -> Result<f64, String> {
    let outcome = Outcome::new();
    let start = Rc::new(Cell::new(0.0));
    let sender = WebSocket::builder(url)
        .connect_with({
            let (outcome, start, text) = (outcome.clone(), Rc::clone(&start), text.to_owned());
            let mut left = count;
            move |event, reply| match event {
                Event::Message(echo) if len(&echo) != text.len() => {
                    outcome.settle(Err(format!("pingpong: an echo of {} bytes", len(&echo))));
                }
                Event::Message(_) => {
                    left -= 1;
                    if left == 0 {
                        outcome.settle(Ok(now() - start.get()));
                    } else if let Err(error) = reply.send_text(&text) {
                        outcome.settle(Err(describe(error)));
                    }
                }
                other => unexpected(&outcome, "pingpong", &other),
            }
        })
        .map_err(describe)?;
    sender.opened().await.map_err(describe)?;
    start.set(now());
    sender.send_text(text).map_err(describe)?;
    let ms = outcome.wait().await?;
    close(sender).await?;
    Ok(ms)
}

async fn echo_pipelined(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let outcome = Outcome::new();
    let start = Rc::new(Cell::new(0.0));
    let expected = payload.len() * count as usize;
    let sender = WebSocket::builder(url)
        .connect_with({
            let (outcome, start) = (outcome.clone(), Rc::clone(&start));
            let (mut left, mut bytes) = (count, 0);
            move |event, _| match event {
                Event::Message(echo) => {
                    bytes += len(&echo);
                    left -= 1;
                    if left == 0 {
                        let ms = now() - start.get();
                        outcome.settle(expect_bytes("echo", bytes, expected).map(|()| ms));
                    }
                }
                other => unexpected(&outcome, "echo", &other),
            }
        })
        .map_err(describe)?;
    sender.opened().await.map_err(describe)?;
    start.set(now());
    for _ in 0..count {
        send(&sender, payload)?;
    }
    let ms = outcome.wait().await?;
    close(sender).await?;
    Ok(ms)
}

async fn flood(url: &str, count: u32, size: usize) -> Result<f64, String> {
    let outcome = Outcome::new();
    let expected = size * count as usize;
    let start = now();
    let sender = WebSocket::builder(url)
        .connect_with({
            let outcome = outcome.clone();
            let (mut received, mut bytes) = (0, 0);
            move |event, _| match event {
                Event::Message(message) => {
                    received += 1;
                    bytes += len(&message);
                    if received == count {
                        let ms = now() - start;
                        outcome.settle(expect_bytes("flood", bytes, expected).map(|()| ms));
                    }
                }
                // The server closes once the flood is sent: `unexpected` only before.
                other => unexpected(&outcome, "flood", &other),
            }
        })
        .map_err(describe)?;
    let ms = outcome.wait().await?;
    close(sender).await?;
    Ok(ms)
}

async fn sink(url: &str, payload: &Payload, count: u32) -> Result<f64, String> {
    let outcome = Outcome::new();
    let start = Rc::new(Cell::new(0.0));
    let expected = payload.len() * count as usize;
    let sender = WebSocket::builder(url)
        .connect_with({
            let (outcome, start) = (outcome.clone(), Rc::clone(&start));
            move |event, _| match event {
                Event::Message(Message::Text(counted)) => {
                    let ms = now() - start.get();
                    outcome.settle(
                        counted
                            .parse::<usize>()
                            .map_err(describe)
                            .and_then(|counted| expect_bytes("sink", counted, expected))
                            .map(|()| ms),
                    );
                }
                other => unexpected(&outcome, "sink", &other),
            }
        })
        .map_err(describe)?;
    sender.opened().await.map_err(describe)?;
    start.set(now());
    for _ in 0..count {
        send(&sender, payload)?;
    }
    sender.send_text("done").map_err(describe)?;
    let ms = outcome.wait().await?;
    close(sender).await?;
    Ok(ms)
}

async fn connect_close(url: &str, count: u32) -> Result<f64, String> {
    let start = now();
    for _ in 0..count {
        let outcome = Outcome::new();
        let sender = WebSocket::builder(url)
            .connect_with({
                let outcome = outcome.clone();
                move |event, reply| match event {
                    Event::Open => {
                        if let Err(error) = reply.close_with(CloseCode::NORMAL, "") {
                            outcome.settle(Err(describe(error)));
                        }
                    }
                    Event::Closed(_) => outcome.settle(Ok(())),
                    other => unexpected(&outcome, "connect-close", &other),
                }
            })
            .map_err(describe)?;
        outcome.wait().await?;
        drop(sender);
    }
    Ok(now() - start)
}
