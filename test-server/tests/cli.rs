//! The contract with `cargo xtask`: the server's first stdout line is
//! `listening on 127.0.0.1:PORT`, and it listens there.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::Duration;

/// With `--port 0` the server picks a free port, says which on its first line, and
/// accepts TCP connections on it.
#[test]
fn first_line_names_the_address_it_listens_on() {
    let mut server = Command::new(env!("CARGO_BIN_EXE_test-server"))
        .args(["--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = server.stdout.take().expect("stdout is piped");
    let mut first = String::new();
    let read = BufReader::new(stdout).read_line(&mut first);
    let address: Option<SocketAddr> = first
        .trim()
        .strip_prefix("listening on ")
        .and_then(|address| address.parse().ok());
    let connected =
        address.map(|address| TcpStream::connect_timeout(&address, Duration::from_secs(5)).is_ok());
    let _ = server.kill();
    let _ = server.wait();
    read.expect("a first line");
    let address = address.unwrap_or_else(|| panic!("first line {first:?}"));
    assert!(address.ip().is_loopback(), "{address}");
    assert_eq!(connected, Some(true), "nothing listens on {address}");
}
