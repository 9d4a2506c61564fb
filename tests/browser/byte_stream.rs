//! Bytes over binary messages: `AsyncRead` and `AsyncWrite` through `/echo`.

use std::io::ErrorKind;

use crate::common::{socket::open, time::within};
use browser_websocket::ByteStream;
use futures_util::{AsyncReadExt, AsyncWriteExt};
use wasm_bindgen_test::wasm_bindgen_test;

/// Written bytes come back through reads, across message boundaries, in order.
#[wasm_bindgen_test]
async fn io_written_bytes_read_back_in_order() {
    let mut bytes = ByteStream::new(open("/echo").await);
    let sent: Vec<u8> = (0..10_000u32).map(|i| (i % 256) as u8).collect();
    for chunk in sent.chunks(1_000) {
        within("write", bytes.write_all(chunk)).await.expect("open");
    }
    within("flush", bytes.flush()).await.expect("open");
    let mut received = vec![0u8; sent.len()];
    within("read", bytes.read_exact(&mut received))
        .await
        .expect("all bytes");
    assert_eq!(received, sent);
}

/// Closing the socket is the end of the stream: reads return 0, writes fail.
#[wasm_bindgen_test]
async fn io_close_is_end_of_file() {
    let mut bytes = ByteStream::new(open("/echo").await);
    within("write", bytes.write_all(b"last"))
        .await
        .expect("open");
    let mut echoed = [0u8; 4];
    within("read", bytes.read_exact(&mut echoed))
        .await
        .expect("the echo");
    assert_eq!(&echoed, b"last");
    // Browsers drop messages that arrive after close() (WHATWG: only OPEN delivers).
    within("close", bytes.close()).await.expect("open");
    let mut rest = Vec::new();
    let read = within("read to end", bytes.read_to_end(&mut rest)).await;
    assert_eq!(read.map_err(|e| e.kind()), Ok(0), "end of file");
    assert_eq!(
        within("write after close", bytes.write_all(b"x"))
            .await
            .map_err(|e| e.kind()),
        Err(ErrorKind::NotConnected)
    );
}

/// A text message is not part of a byte stream: the read fails with InvalidData.
#[wasm_bindgen_test]
async fn io_text_message_is_invalid_data() {
    let ws = open("/echo").await;
    ws.send_text("words").expect("open");
    let mut bytes = ByteStream::new(ws);
    let mut buf = [0u8; 8];
    let result = within("read", bytes.read(&mut buf)).await;
    assert_eq!(result.map_err(|e| e.kind()), Err(ErrorKind::InvalidData));
}
