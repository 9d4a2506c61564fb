//! Building and starting the test server, and stopping it again whatever happens.

use crate::cmd::{self, announce, cargo, command, target_dir};
use crate::failure::{Failure, Result};
use crate::output::errln;
use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// How long the server may take to print its address; a debug build starts in well
/// under a second, so hitting this means it hung.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// What the server is started with.
#[derive(Debug, Default)]
pub struct ServerOptions {
    /// 0 lets the OS pick a free port.
    pub port: u16,
    pub static_dir: Option<PathBuf>,
}

/// A running test server; dropping it kills the process, so it never outlives xtask's
/// steps, even when one of them fails or panics.
#[must_use = "dropping the TestServer stops the server"]
#[derive(Debug)]
pub struct TestServer {
    child: Child,
    addr: SocketAddr,
}

impl TestServer {
    /// The address the server listens on, e.g. `127.0.0.1:9001`.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The server's exit status if it has stopped, without waiting.
    pub fn try_wait(&mut self) -> Result<Option<ExitStatus>> {
        self.child
            .try_wait()
            .map_err(|err| Failure::new(format!("checking on the test server failed: {err}")))
    }

    /// Says so if the server has stopped by itself during `what` (killed from outside,
    /// or crashed): every test that talked to it failed for that reason.
    pub fn warn_if_stopped(&mut self, what: &str) {
        if let Ok(Some(status)) = self.child.try_wait() {
            errln!(
                "error: the test server on {} stopped during {what} ({status}): \
                 the failures above may all come from that",
                self.addr
            );
        }
    }

    /// Blocks until the server exits (for the foreground `cargo xtask server`).
    pub fn wait(&mut self) -> Result<ExitStatus> {
        self.child
            .wait()
            .map_err(|err| Failure::new(format!("waiting for the test server failed: {err}")))
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `cargo build -p test-server`.
pub fn build() -> Result {
    announce("building test-server");
    cmd::run(cargo().args(["build", "-p", "test-server"]))
}

/// Where the server's stderr and later stdout go.
pub enum ServerOutput {
    /// Straight to this terminal (foreground `cargo xtask server`).
    Terminal,
    /// Into a log file, keeping the test output readable.
    LogFile(PathBuf),
}

/// Starts the already built server and waits for its `listening on ADDR` line.
pub fn start(options: &ServerOptions, output: &ServerOutput) -> Result<TestServer> {
    let binary = target_dir()
        .join("debug")
        .join("test-server")
        .with_extension(std::env::consts::EXE_EXTENSION);
    let mut process = command(&binary);
    process.arg("--port").arg(options.port.to_string());
    if let Some(dir) = &options.static_dir {
        process.arg("--static").arg(dir);
    }
    launch(process, output)
}

/// Starts `process`, a server that prints `listening on ADDR` first (the test server, or
/// the third-party one), and waits for that line.
pub fn launch(mut process: Command, output: &ServerOutput) -> Result<TestServer> {
    process.stdin(Stdio::null()).stdout(Stdio::piped());

    let mut rest_of_stdout: Box<dyn Write + Send> = match output {
        ServerOutput::Terminal => {
            process.stderr(Stdio::inherit());
            Box::new(std::io::stdout())
        }
        ServerOutput::LogFile(path) => {
            let log = create_log(path)?;
            let log_for_stderr = log
                .try_clone()
                .map_err(|err| Failure::new(format!("cannot reopen {}: {err}", path.display())))?;
            process.stderr(log_for_stderr);
            Box::new(log)
        }
    };

    let mut child = process
        .spawn()
        .map_err(|err| cmd::spawn_failure(&process, err))?;
    let stdout = child.stdout.take().expect("stdout is piped");

    // A thread reads the first line (so we can time out) and then keeps draining
    // stdout, because a server blocked on a full pipe would stall the tests.
    let (first_line_tx, first_line_rx) = mpsc::channel();
    thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_line_tx.send(lines.next());
        for line in lines.map_while(|line| line.ok()) {
            let _ = writeln!(rest_of_stdout, "{line}");
        }
    });

    // Guard the child from here on, so a timeout below also kills it.
    let mut server = TestServer {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
    };
    let where_to_look = match output {
        ServerOutput::Terminal => String::new(),
        ServerOutput::LogFile(path) => format!(" (its log: {})", path.display()),
    };
    let first_line = match first_line_rx.recv_timeout(STARTUP_TIMEOUT) {
        Ok(Some(Ok(line))) => line,
        Ok(_) => {
            return Err(Failure::new(format!(
                "the test server exited before printing its address{where_to_look}"
            )))
        }
        Err(_) => {
            return Err(Failure::new(format!(
                "the test server printed no address within {}s{where_to_look}",
                STARTUP_TIMEOUT.as_secs()
            )))
        }
    };
    server.addr = parse_listening_line(&first_line).ok_or_else(|| {
        Failure::new(format!(
            "the test server's first line should be `listening on 127.0.0.1:PORT`, got `{first_line}`"
        ))
    })?;
    Ok(server)
}

fn create_log(path: &Path) -> Result<std::fs::File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|err| Failure::new(format!("cannot create {}: {err}", dir.display())))?;
    }
    std::fs::File::create(path)
        .map_err(|err| Failure::new(format!("cannot create {}: {err}", path.display())))
}

/// The address from the server's first stdout line, `listening on 127.0.0.1:PORT`.
pub fn parse_listening_line(line: &str) -> Option<SocketAddr> {
    line.trim().strip_prefix("listening on ")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listening_line_gives_the_address() {
        assert_eq!(
            parse_listening_line("listening on 127.0.0.1:9001\n"),
            Some(SocketAddr::from(([127, 0, 0, 1], 9001)))
        );
    }

    #[test]
    fn other_first_lines_are_rejected() {
        assert_eq!(parse_listening_line("starting up"), None);
        assert_eq!(parse_listening_line("listening on localhost:9001"), None);
        assert_eq!(parse_listening_line("listening on 127.0.0.1"), None);
    }
}
