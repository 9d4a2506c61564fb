//! An X display for WebKit: WebKitGTK's MiniBrowser has no headless mode, so it runs in
//! an Xvfb server that xtask starts on a free display and stops when done.

use crate::cmd::{command, describe, target_dir};
use crate::failure::{Failure, Result};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Stdio};

/// Debian's `xvfb` package.
pub const XVFB: &str = "/usr/bin/Xvfb";

/// A running Xvfb server; dropping it stops the server.
#[derive(Debug)]
pub struct Xvfb {
    child: Child,
    /// Kept open: a closed pipe would end Xvfb at its next write.
    _stdout: BufReader<ChildStdout>,
    /// `:N`, for `DISPLAY`.
    display: String,
}

impl Xvfb {
    /// Starts Xvfb on the first free display, which it picks itself and reports
    /// (`-displayfd`), so that two runs on one machine never collide.
    pub fn start() -> Result<Xvfb> {
        let log = target_dir().join("xvfb.log");
        let stderr = File::create(&log)
            .map_err(|err| Failure::new(format!("cannot create {}: {err}", log.display())))?;
        let mut cmd = command(XVFB);
        // 1 is its stdout, read below; the screen is the desktop size the checks use.
        cmd.args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr);
        let mut child = cmd
            .spawn()
            .map_err(|err| crate::cmd::spawn_failure(&cmd, err))?;
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        let read = stdout.read_line(&mut line);
        let number = line.trim();
        if !matches!(read, Ok(n) if n > 0) || number.parse::<u32>().is_err() {
            let _ = child.kill();
            let _ = child.wait();
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(Failure::new(format!(
                "`{}` reported no display; its log ({}):\n{}",
                describe(&cmd),
                log.display(),
                said.trim()
            )));
        }
        Ok(Xvfb {
            display: format!(":{number}"),
            child,
            _stdout: stdout,
        })
    }

    /// The value for `DISPLAY`, e.g. `:99`.
    pub fn display(&self) -> &str {
        &self.display
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
