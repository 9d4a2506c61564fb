//! The test server for `cargo xtask bench`, built with the `bench-speed` profile.
//!
//! `cargo xtask test` runs a debug build, which is fine for correctness but would make
//! the server, not the browser, the bottleneck of a throughput benchmark (tungstenite
//! unmasks every received byte in a loop that only optimisation makes fast).

use super::pinning::{self, Cpus};
use crate::cmd::{self, announce, cargo, command, target_dir};
use crate::failure::{Failure, Result};
use crate::server::parse_listening_line;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// The Cargo profile of the server and of the timing harness (root Cargo.toml).
pub const PROFILE: &str = "bench-speed";

const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// The running server; dropping it kills the process.
#[must_use = "dropping the BenchServer stops the server"]
#[derive(Debug)]
pub struct BenchServer {
    child: Child,
    addr: SocketAddr,
}

impl BenchServer {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds the optimised server and starts it on a free port, on the services' CPU when
/// `pin` has a split; its log goes to `target/bench/test-server.log` (one line per
/// connection).
pub fn start(pin: Option<&Cpus>) -> Result<BenchServer> {
    announce(&format!("building test-server ({PROFILE})"));
    cmd::run(cargo().args(["build", "--profile", PROFILE, "-p", "test-server"]))?;

    let binary = target_dir()
        .join(PROFILE)
        .join("test-server")
        .with_extension(std::env::consts::EXE_EXTENSION);
    let log_path = target_dir().join("bench").join("test-server.log");
    let log = std::fs::create_dir_all(target_dir().join("bench"))
        .and_then(|()| std::fs::File::create(&log_path))
        .map_err(|err| Failure::new(format!("cannot create {}: {err}", log_path.display())))?;
    let mut process = match pin {
        Some(cpus) => pinning::server_command(cpus, &binary),
        None => command(&binary),
    };
    process
        .args(["--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log);
    let mut child = process
        .spawn()
        .map_err(|err| cmd::spawn_failure(&process, err))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    // Guarded from here on: an error below kills the server.
    let mut server = BenchServer {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
    };

    // The first line is the address; the rest is drained so the server never blocks.
    let (first_tx, first_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_tx.send(lines.next());
        for _ in lines.map_while(|line| line.ok()) {}
    });
    let first = match first_rx.recv_timeout(STARTUP_TIMEOUT) {
        Ok(Some(Ok(line))) => line,
        _ => {
            return Err(Failure::new(format!(
                "the test server printed no address within {}s (its log: {})",
                STARTUP_TIMEOUT.as_secs(),
                log_path.display()
            )))
        }
    };
    server.addr = parse_listening_line(&first).ok_or_else(|| {
        Failure::new(format!(
            "the test server's first line should be `listening on 127.0.0.1:PORT`, got `{first}`"
        ))
    })?;
    println!(
        "    listening on {} (log: {})",
        server.addr,
        log_path.display()
    );
    Ok(server)
}
