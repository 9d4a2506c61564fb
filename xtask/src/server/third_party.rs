//! The server nobody here wrote: `third-party-server/server.py` on Python's `websockets`,
//! for `tests/third_party.rs`.

use super::test_server::{launch, ServerOutput, TestServer};
use crate::cmd::{command, workspace_root};
use crate::failure::Result;
use std::path::Path;

/// Starts the third-party server with `python` (the venv setup made) on `port` (0: any).
pub fn start(python: &Path, port: u16, output: &ServerOutput) -> Result<TestServer> {
    let mut process = command(python);
    process
        // Unbuffered, so the `listening on` line arrives at once.
        .arg("-u")
        .arg(
            workspace_root()
                .join("third-party-server")
                .join("server.py"),
        )
        .arg("--port")
        .arg(port.to_string());
    launch(process, output)
}
