//! The test server (`cargo xtask server`) the browser tests talk to.

/// The test server's `host:port`: `BROWSER_WEBSOCKET_TEST_SERVER` at build time (`cargo
/// xtask test` sets it), else `127.0.0.1:9001`.
pub const SERVER: &str = match option_env!("BROWSER_WEBSOCKET_TEST_SERVER") {
    Some(address) => address,
    None => "127.0.0.1:9001",
};

/// The test server's `path` as a `ws://` URL.
pub fn url(path: &str) -> String {
    format!("ws://{SERVER}{path}")
}

/// Sends the numbers 0000 to 0999 as text as fast as the connection takes them, then
/// closes with 1000 (read them with [`Padded`](crate::Padded)).
pub const FLOOD: &str = "/flood/1000/4/text";

/// A JSON-RPC 2.0 server whose every method answers with its first parameter:
/// `echo(["hi"])` is `"hi"`.
pub const RPC_ECHO: &str = "/jsonrpc-echo";

/// Takes every message and answers none: a call sent there stays on the wire.
pub const NO_REPLY: &str = "/sink";
