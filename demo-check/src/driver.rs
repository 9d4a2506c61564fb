//! Starting a browser's WebDriver server (chromedriver, geckodriver, WebKitWebDriver) on
//! a free port with its output in a log, and stopping it whatever happens.

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::browser::Browser;

/// How long a driver may take to accept connections.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// How many of the log's last lines an error quotes.
const TAIL_LINES: usize = 20;

/// A running WebDriver server; dropping it kills the process and any browser it still
/// runs (which a killed driver would leave behind).
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    browser: Browser,
    /// Its stdout and stderr, and so the browser's own output that it passes on.
    log: PathBuf,
}

impl Driver {
    /// Starts `binary`, `browser`'s driver, on a free port of 127.0.0.1 with its output
    /// in `log`, and waits until it accepts connections. Should it exit or not listen in
    /// time, the error quotes the end of the log.
    pub fn start(browser: Browser, binary: &Path, log: &Path) -> Result<Driver, String> {
        let no_display = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .all(|var| std::env::var_os(var).is_none_or(|value| value.is_empty()));
        if browser == Browser::WebKit && no_display {
            // MiniBrowser would not start, and its driver would wait for it regardless.
            return Err("WebKit needs an X display: set DISPLAY (Xvfb will do)".to_owned());
        }
        let port =
            free_port().map_err(|err| format!("no free port for {browser}'s driver: {err}"))?;
        let stdout = File::create(log)
            .map_err(|err| format!("cannot create the driver's log {}: {err}", log.display()))?;
        let stderr = stdout
            .try_clone()
            .map_err(|err| format!("cannot share the driver's log {}: {err}", log.display()))?;
        let child = Command::new(binary)
            .args(browser.port_args(port))
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .map_err(|err| format!("cannot start {}: {err}", binary.display()))?;
        // Guard the child from here on, so a timeout below also kills it.
        let mut driver = Driver {
            child,
            port,
            browser,
            log: log.to_owned(),
        };
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                return Ok(driver);
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(driver.explain(&format!(
                    "{} exited at startup ({status})",
                    binary.display()
                )));
            }
            if Instant::now() > deadline {
                return Err(driver.explain(&format!(
                    "{} did not listen on port {port} within {} s",
                    binary.display(),
                    STARTUP_TIMEOUT.as_secs()
                )));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The WebDriver endpoint, e.g. `http://127.0.0.1:41231`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn browser(&self) -> Browser {
        self.browser
    }

    /// `message`, followed by the last lines of the driver's log: what the driver or the
    /// browser said about it.
    pub fn explain(&self, message: &str) -> String {
        let said = std::fs::read_to_string(&self.log).unwrap_or_default();
        let tail = tail(&said, TAIL_LINES);
        if tail.is_empty() {
            format!("{message} (its log {} is empty)", self.log.display())
        } else {
            let indented: String = tail
                .lines()
                .map(|line| format!("\n      | {line}"))
                .collect();
            format!(
                "{message}; the end of its log ({}):{indented}",
                self.log.display()
            )
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Before the driver: once it is gone, its browser is nobody's child to find.
        kill_children(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Kills the processes `pid` started, as Linux's `/proc` lists them: a browser whose
/// session did not end (MiniBrowser, Chromium) outlives its killed driver.
#[cfg(target_os = "linux")]
fn kill_children(pid: u32) {
    use std::ffi::c_int;

    const SIGKILL: c_int = 9;
    extern "C" {
        // libc's `kill`, which std already links.
        fn kill(pid: c_int, signal: c_int) -> c_int;
    }
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return;
    };
    for task in tasks.flatten() {
        let children = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        for child in children
            .split_whitespace()
            .filter_map(|child| child.parse().ok())
        {
            // SAFETY: `kill` only sends a signal; a child of our own child is ours to end.
            unsafe {
                kill(child, SIGKILL);
            }
        }
    }
}

/// Elsewhere the browser may outlive a killed driver.
#[cfg(not(target_os = "linux"))]
fn kill_children(_pid: u32) {}

/// Where the driver's log goes unless `--driver-log` says: beside the screenshot when
/// that directory exists, else in the system's temp dir; named for the browser.
pub fn default_log(browser: Browser, screenshot: &Path) -> PathBuf {
    let name = format!("{browser}-driver.log");
    match screenshot.parent() {
        Some(dir) if dir.as_os_str().is_empty() => PathBuf::from(name),
        Some(dir) if dir.is_dir() => dir.join(name),
        _ => std::env::temp_dir().join(name),
    }
}

/// `log` with `-tag` before its extension: `webkit-driver.log` becomes
/// `webkit-driver-b.log`, for a second driver.
pub fn tagged_log(log: &Path, tag: &str) -> PathBuf {
    let stem = log.file_stem().unwrap_or_default().to_string_lossy();
    let name = match log.extension() {
        Some(extension) => format!("{stem}-{tag}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{tag}"),
    };
    log.with_file_name(name)
}

/// The last `lines` non-blank lines of `text`, trimmed.
fn tail(text: &str, lines: usize) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    kept[kept.len().saturating_sub(lines)..]
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A port nobody listens on right now (the OS picks it; we release it for the driver).
fn free_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_is_the_last_lines_without_blank_ones() {
        let log: String = (1..=30).map(|n| format!("line {n}\n\n")).collect();
        let tail = tail(&log, 20);
        assert_eq!(tail.lines().count(), 20);
        assert!(tail.starts_with("line 11\n"));
        assert!(tail.ends_with("line 30"));
        assert_eq!(super::tail("", 20), "");
        assert_eq!(super::tail("only\n", 20), "only");
    }

    #[test]
    fn the_default_log_is_beside_the_screenshot_or_in_the_temp_dir() {
        let temp = std::env::temp_dir();
        assert_eq!(
            default_log(Browser::WebKit, &temp.join("demo.png")),
            temp.join("webkit-driver.log")
        );
        assert_eq!(
            default_log(Browser::Chromium, Path::new("demo.png")),
            PathBuf::from("chromium-driver.log")
        );
        assert_eq!(
            default_log(Browser::Firefox, Path::new("/nonexistent/demo.png")),
            temp.join("firefox-driver.log")
        );
    }

    #[test]
    fn a_tagged_log_is_named_before_its_extension() {
        assert_eq!(
            tagged_log(Path::new("/t/webkit-driver.log"), "b"),
            PathBuf::from("/t/webkit-driver-b.log")
        );
        assert_eq!(
            tagged_log(Path::new("driver"), "b"),
            PathBuf::from("driver-b")
        );
    }

    #[test]
    fn a_driver_that_exits_at_once_is_explained_by_its_log() {
        let log = std::env::temp_dir().join(format!("demo-check-{}-sh.log", std::process::id()));
        // `sh --port=N` refuses the option on stderr and exits.
        let error = Driver::start(Browser::Chromium, Path::new("/bin/sh"), &log).unwrap_err();
        let _ = std::fs::remove_file(&log);
        assert!(error.contains("/bin/sh exited at startup"), "{error}");
        assert!(error.contains("the end of its log"), "{error}");
        assert!(error.contains("\n      | "), "{error}");
    }
}
