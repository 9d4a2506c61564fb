//! A plain `GET` to the test server, for what a checker asks it outside the browser.

use std::io::{Read, Write};
use std::net::TcpStream;

/// A plain HTTP GET of `path` on the server behind `page_url` (`http://host:port/`), for
/// the room's kick command; the response body.
pub fn http_get(page_url: &str, path: &str) -> Result<String, String> {
    let host = page_url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream =
        TcpStream::connect(host).map_err(|err| format!("cannot reach {host}: {err}"))?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(|err| format!("cannot send to {host}: {err}"))?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|err| format!("cannot read from {host}: {err}"))?;
    let (head, body) = response
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("GET {path}: no HTTP response: {response:?}"))?;
    if head.starts_with("HTTP/1.1 200") {
        Ok(body.trim().to_owned())
    } else {
        Err(format!("GET {path}: {head}"))
    }
}
