//! `--pin`: the browser on its own CPUs, away from what serves it.
//!
//! On a 2-core machine the browser's processes, the test server, the WebDriver driver and
//! `wasm-bindgen-test-runner` all compete for the same two cores, and whichever of them
//! the scheduler puts beside the browser's main thread lands in that round's timings.
//! With `--pin`, the server starts under `taskset` on the last CPU, and a watcher gives
//! the driver and the runner that CPU too and every process the driver starts (the
//! browser) the others, as they appear. The compiler, which runs in the same process
//! tree before the browser starts, is left alone.

use std::collections::{HashMap, HashSet};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How often the watcher looks for new processes: the browser starts its renderer and
/// network processes within its first second.
const SCAN_EVERY: Duration = Duration::from_millis(100);

/// The processes that serve the browser, by their `comm` (at most 15 bytes).
const SERVICES: [&str; 4] = [
    "wasm-bindgen-te",
    "chromedriver",
    "geckodriver",
    "WebKitWebDriver",
];

/// The drivers, whose descendants are the browser.
const DRIVERS: [&str; 3] = ["chromedriver", "geckodriver", "WebKitWebDriver"];

/// Which CPUs each side gets, as `taskset -c` lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cpus {
    pub services: String,
    pub browser: String,
}

impl Cpus {
    /// The last CPU for the services, the rest for the browser; `None` on one CPU.
    pub fn split(count: usize) -> Option<Cpus> {
        (count >= 2).then(|| Cpus {
            services: (count - 1).to_string(),
            browser: if count == 2 {
                "0".to_owned()
            } else {
                format!("0-{}", count - 2)
            },
        })
    }

    /// This machine's split, if it has two CPUs or more and `taskset`.
    pub fn here() -> Option<Cpus> {
        let count = thread::available_parallelism().map_or(1, |n| n.get());
        let taskset = Command::new("taskset")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        Cpus::split(count).filter(|_| taskset)
    }
}

/// One line of the process table: `/proc/<pid>/stat`'s pid, name and parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Process {
    pub pid: u32,
    pub comm: String,
    pub parent: u32,
}

/// Where a process goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Services,
    Browser,
}

/// The processes under `root` not yet in `done` that belong on a side: the services by
/// name, and every descendant of a driver.
pub fn assign(processes: &[Process], root: u32, done: &HashSet<u32>) -> Vec<(u32, Side)> {
    let parents: HashMap<u32, &Process> = processes.iter().map(|p| (p.pid, p)).collect();
    let mut out = Vec::new();
    for process in processes {
        if done.contains(&process.pid) {
            continue;
        }
        // Walk up to `root`, noting whether a driver is on the way.
        let mut under_driver = false;
        let mut under_root = false;
        let mut at = process.parent;
        for _ in 0..processes.len() {
            if at == root {
                under_root = true;
                break;
            }
            let Some(parent) = parents.get(&at) else {
                break;
            };
            under_driver |= DRIVERS.contains(&parent.comm.as_str());
            at = parent.parent;
        }
        if !under_root {
            continue;
        }
        if under_driver {
            out.push((process.pid, Side::Browser));
        } else if SERVICES.contains(&process.comm.as_str()) {
            out.push((process.pid, Side::Services));
        }
    }
    out
}

/// Reads `/proc/<pid>/stat`'s fields: `pid (comm) state ppid ...`, where `comm` may hold
/// spaces and parentheses.
pub fn parse_stat(stat: &str) -> Option<Process> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let pid = stat[..open].trim().parse().ok()?;
    let comm = stat.get(open + 1..close)?.to_owned();
    let mut rest = stat.get(close + 1..)?.split_whitespace();
    let _state = rest.next()?;
    let parent = rest.next()?.parse().ok()?;
    Some(Process { pid, comm, parent })
}

fn process_table() -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            entry.file_name().to_str()?.parse::<u32>().ok()?;
            parse_stat(&std::fs::read_to_string(entry.path().join("stat")).ok()?)
        })
        .collect()
}

/// The command for the test server, started on the services' CPU.
pub fn server_command(cpus: &Cpus, binary: &std::path::Path) -> Command {
    let mut command = crate::cmd::command("taskset");
    command.args(["-c", &cpus.services]).arg(binary);
    command
}

/// Pins the process tree under one root while it lives; stops when dropped.
#[derive(Debug)]
pub struct Watcher {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    pub fn start(root: u32, cpus: Cpus) -> Watcher {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let mut done = HashSet::new();
            while !stopped.load(Ordering::Relaxed) {
                for (pid, side) in assign(&process_table(), root, &done) {
                    let list = match side {
                        Side::Services => &cpus.services,
                        Side::Browser => &cpus.browser,
                    };
                    // `-a`: every thread the process has; a process that ended since the
                    // scan is simply not pinned.
                    let _ = Command::new("taskset")
                        .args(["-a", "-p", "-c", list, &pid.to_string()])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status();
                    done.insert(pid);
                }
                thread::sleep(SCAN_EVERY);
            }
        });
        Watcher {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn process(pid: u32, comm: &str, parent: u32) -> Process {
        Process {
            pid,
            comm: comm.into(),
            parent,
        }
    }

    #[test]
    fn two_cpus_split_one_and_one() {
        assert_eq!(
            Cpus::split(2),
            Some(Cpus {
                services: "1".into(),
                browser: "0".into()
            })
        );
        assert_eq!(Cpus::split(4).unwrap().browser, "0-2");
        assert_eq!(Cpus::split(1), None);
    }

    #[test]
    fn the_driver_and_runner_serve_and_the_drivers_children_are_the_browser() {
        let table = [
            process(10, "cargo", 1),
            process(11, "rustc", 10),
            process(12, "wasm-bindgen-te", 10),
            process(13, "chromedriver", 12),
            process(14, "chromium", 13),
            process(15, "chromium", 14),
            process(99, "chromium", 1),
        ];
        let assigned = assign(&table, 10, &HashSet::new());
        assert_eq!(
            assigned,
            [
                (12, Side::Services),
                (13, Side::Services),
                (14, Side::Browser),
                (15, Side::Browser)
            ]
        );
        let done: HashSet<u32> = [12, 13, 14].into();
        assert_eq!(assign(&table, 10, &done), [(15, Side::Browser)]);
    }

    #[test]
    fn stat_lines_with_odd_names_are_read() {
        assert_eq!(
            parse_stat("4242 (Web Content (x)) S 4100 4242 0"),
            Some(process(4242, "Web Content (x)", 4100))
        );
        assert_eq!(parse_stat("garbage"), None);
    }
}
