//! Starting chromedriver on a free port, and stopping it whatever happens.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long chromedriver may take to accept connections.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// A running chromedriver; dropping it kills the process (and with it any browser it
/// still runs).
#[derive(Debug)]
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts `binary` on a free port of 127.0.0.1 and waits until it accepts connections.
    pub fn start(binary: &Path) -> Result<Chromedriver, String> {
        let port = free_port().map_err(|err| format!("no free port for chromedriver: {err}"))?;
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|err| format!("cannot start {}: {err}", binary.display()))?;
        // Guard the child from here on, so a timeout below also kills it.
        let mut driver = Chromedriver { child, port };
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return Ok(driver);
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!("chromedriver exited at startup ({status})"));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "chromedriver did not listen on port {port} within {}s",
                    STARTUP_TIMEOUT.as_secs()
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The WebDriver endpoint, e.g. `http://127.0.0.1:41231`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (the OS picks it; we release it for chromedriver).
fn free_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}
