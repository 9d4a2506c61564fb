//! A port for the test server that stays the same from one `cargo xtask test` to the
//! next: the browser tests read the server's address at compile time, so a new port
//! would rebuild and relink them on every run.

use crate::cmd::target_dir;
use std::fs;
use std::net::{Ipv4Addr, TcpListener};

/// The port saved under `target/<name>.port` if nobody listens on it now, else a free
/// one the OS picks, saved for next time. 0 (any port) if neither works out.
pub fn remembered(name: &str) -> u16 {
    let file = target_dir().join(format!("{name}.port"));
    let saved = fs::read_to_string(&file)
        .ok()
        .and_then(|text| text.trim().parse::<u16>().ok())
        .filter(|&port| port != 0 && is_free(port));
    if let Some(port) = saved {
        return port;
    }
    let Some(port) = free_port() else {
        return 0;
    };
    // Only a cache: a failure to save means a rebuild next time, nothing worse.
    let _ = fs::create_dir_all(target_dir()).and_then(|()| fs::write(&file, port.to_string()));
    port
}

fn is_free(port: u16) -> bool {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_ok()
}

fn free_port() -> Option<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).ok()?;
    Some(listener.local_addr().ok()?.port())
}
