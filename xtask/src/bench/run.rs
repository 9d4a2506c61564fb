//! Running `bench/` in one headless browser and collecting its `BENCH` lines.

use super::json::{self, Value};
use super::pinning::{Cpus, Watcher};
use super::server::PROFILE;
use crate::browser::Browser;
use crate::browser_tmp::BrowserTmp;
use crate::cmd::{announce, cargo, describe};
use crate::failure::{Failure, Result};
use crate::setup::{Driver, WASM32};
use crate::test_runner;
use bench_impls::Impl;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// What the bench prints before each machine-readable line (`bench/src/report.rs`).
const PREFIX: &str = "BENCH ";

/// Seconds for the whole benchmark, which is one test: the runner's default is 20.
const DEFAULT_TIMEOUT: &str = "1200";

/// How to run the bench.
#[derive(Debug)]
pub struct RunOptions<'a> {
    pub browser: Browser,
    pub driver: &'a Driver,
    pub server: SocketAddr,
    pub rounds: u32,
    pub smoke: bool,
    pub only: &'a [String],
    /// Record a Firefox profile into this file.
    pub profile: Option<PathBuf>,
    /// Keep the browser on these CPUs and the driver and runner off them.
    pub pin: Option<Cpus>,
}

/// One timed run of one workload by one implementation.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub round: u32,
    pub implementation: Impl,
    pub workload: String,
    pub ms: f64,
}

/// An implementation the browser could not run, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub implementation: Impl,
    pub reason: String,
}

/// Everything the bench reported.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Run {
    pub user_agent: String,
    pub rounds: u32,
    pub scale: String,
    pub samples: Vec<Sample>,
    pub skipped: Vec<Skipped>,
}

/// Builds and runs the bench, echoing the runner's output with each `BENCH` line shown
/// as a short progress line.
pub fn run(options: &RunOptions) -> Result<Run> {
    announce(&format!(
        "benchmark in {} ({} rounds{})",
        options.browser,
        options.rounds,
        if options.smoke { ", smoke counts" } else { "" }
    ));
    // Each headless run leaves a browser profile in TMPDIR: give it a directory to delete.
    let tmp = BrowserTmp::new().map_err(|err| {
        Failure::new(format!(
            "cannot create a temporary directory for the browser: {err}"
        ))
    })?;
    run_in(options, tmp.path())
}

fn run_in(options: &RunOptions, tmp: &Path) -> Result<Run> {
    build_and_check_idle(options, tmp)?;
    let mut cmd = bench_command(options, tmp, Step::Run);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|err| crate::cmd::spawn_failure(&cmd, err))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let _watcher = options
        .pin
        .clone()
        .map(|cpus| Watcher::start(child.id(), cpus));
    let mut run = Run::default();
    let mut bad_lines = Vec::new();
    for line in BufReader::new(stdout).lines().map_while(|line| line.ok()) {
        let Some(json) = line.trim_start().strip_prefix(PREFIX) else {
            println!("{line}");
            continue;
        };
        match read_line(json, &mut run) {
            Some(text) => println!("    {text}"),
            None => bad_lines.push(line),
        }
    }
    let status = child
        .wait()
        .map_err(|err| Failure::new(format!("waiting for `{}` failed: {err}", describe(&cmd))))?;
    if !status.success() {
        return Err(Failure::new(format!(
            "the benchmark failed ({status}); its output is above"
        )));
    }
    if let Some(line) = bad_lines.first() {
        return Err(Failure::new(format!(
            "{} unreadable BENCH lines, the first: {line}",
            bad_lines.len()
        )));
    }
    if run.samples.is_empty() {
        return Err(Failure::new(
            "the benchmark passed but printed no measurement (is --nocapture still honoured?)",
        ));
    }
    Ok(run)
}

/// `/proc/stat`'s first line as (busy, total) jiffies over every CPU.
pub fn cpu_jiffies(stat: &str) -> Option<(u64, u64)> {
    let fields: Vec<u64> = stat
        .lines()
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(|field| field.parse().ok())
        .collect::<Option<_>>()?;
    let total: u64 = fields.iter().sum();
    // idle and iowait are the 4th and 5th fields.
    let idle = fields.get(3)? + fields.get(4).unwrap_or(&0);
    Some((total - idle, total))
}

/// How busy the machine is while nothing of the bench runs, in percent of all CPUs.
fn busy_percent(over: Duration) -> Option<f64> {
    let read = || cpu_jiffies(&std::fs::read_to_string("/proc/stat").ok()?);
    let (busy0, total0) = read()?;
    std::thread::sleep(over);
    let (busy1, total1) = read()?;
    let total = total1.checked_sub(total0).filter(|&t| t > 0)?;
    Some(busy1.saturating_sub(busy0) as f64 / total as f64 * 100.0)
}

/// Builds the bench, then says how busy the machine is without it: every other process
/// shares the cores with the browser and widens the A/A floor.
fn build_and_check_idle(options: &RunOptions, tmp: &Path) -> Result {
    crate::cmd::run(&mut bench_command(options, tmp, Step::Build))?;
    if let Some(busy) = busy_percent(Duration::from_secs(1)) {
        println!(
            "    the machine was {busy:.0} % busy in the second before the run{}",
            if busy > 10.0 {
                ": something else is running, and the A/A floor will show it"
            } else {
                ""
            }
        );
    }
    Ok(())
}

/// Whether `cargo test` only builds the bench or also runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Build,
    Run,
}

fn bench_command(options: &RunOptions, tmp: &Path, step: Step) -> Command {
    let mut cmd = cargo();
    cmd.args([
        "test",
        "--profile",
        PROFILE,
        "-p",
        "bench",
        "--target",
        WASM32,
    ])
    .args(["--test", "bench"])
    .args(match step {
        Step::Build => &["--no-run"][..],
        Step::Run => &["--", "--nocapture"][..],
    })
    // Read by the bench at compile time (`option_env!`), like the browser tests do.
    .env("BROWSER_WEBSOCKET_TEST_SERVER", options.server.to_string())
    .env("BENCH_ROUNDS", options.rounds.to_string())
    .env("BENCH_SCALE", if options.smoke { "smoke" } else { "full" })
    .env("BENCH_ONLY", options.only.join(","))
    // The glue apps ship: the runner's default debug glue wraps every imported call in
    // a `logError(function, arguments)` try/catch, a cost per call that raw JS never
    // pays (about 1 µs per message in a Firefox profile of flood-16B).
    .env("WASM_BINDGEN_NO_DEBUG", "1");
    if let (Some(profile), Step::Run) = (&options.profile, step) {
        let _ = std::fs::remove_file(profile);
        super::profile::record(&mut cmd, profile);
    }
    test_runner::configure(&mut cmd, options.driver, DEFAULT_TIMEOUT, tmp);
    cmd
}

/// Adds one `BENCH` line's content to `run`; a line for the terminal, or `None` if the
/// line is not a measurement, skip or meta line this version understands (one naming an
/// implementation [`Impl`] does not know is not).
pub fn read_line(json: &str, run: &mut Run) -> Option<String> {
    let fields = json::parse_flat_object(json)?;
    let text = |key: &str| match fields.get(key) {
        Some(Value::Text(text)) => Some(text.clone()),
        _ => None,
    };
    let number = |key: &str| match fields.get(key) {
        Some(Value::Number(number)) => Some(*number),
        _ => None,
    };
    let implementation = || Impl::from_name(&text("impl")?);
    match text("kind")?.as_str() {
        "meta" => {
            run.user_agent = text("user_agent")?;
            run.rounds = number("rounds")? as u32;
            run.scale = text("scale")?;
            Some(format!("browser: {}", run.user_agent))
        }
        "time" => {
            let sample = Sample {
                round: number("round")? as u32,
                implementation: implementation()?,
                workload: text("workload")?,
                ms: number("ms")?,
            };
            let line = format!(
                "round {}  {:<28} {:<6} {:>10.1} ms",
                sample.round + 1,
                sample.workload,
                sample.implementation,
                sample.ms
            );
            run.samples.push(sample);
            Some(line)
        }
        "skip" => {
            let skipped = Skipped {
                implementation: implementation()?,
                reason: text("reason")?,
            };
            let line = format!("{}: skipped ({})", skipped.implementation, skipped.reason);
            run.skipped.push(skipped);
            Some(line)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_time_lines_fill_the_run() {
        let mut run = Run::default();
        let meta = r#"{"kind":"meta","user_agent":"HeadlessChrome/156","rounds":3,"scale":"full"}"#;
        assert!(read_line(meta, &mut run).is_some());
        let time =
            r#"{"kind":"time","round":1,"impl":"crate","workload":"flood-16B-text","ms":12.500}"#;
        let shown = read_line(time, &mut run).unwrap();
        assert!(shown.contains("flood-16B-text") && shown.contains("12.5 ms"));
        assert_eq!(run.user_agent, "HeadlessChrome/156");
        assert_eq!(run.rounds, 3);
        assert_eq!(
            run.samples,
            [Sample {
                round: 1,
                implementation: Impl::Crate,
                workload: "flood-16B-text".into(),
                ms: 12.5
            }]
        );
    }

    #[test]
    fn every_implementation_s_name_is_read_back() {
        let mut run = Run::default();
        for implementation in Impl::ALL {
            let time = format!(
                r#"{{"kind":"time","round":0,"impl":"{implementation}","workload":"w","ms":1}}"#
            );
            assert!(read_line(&time, &mut run).is_some(), "{time}");
        }
        let read: Vec<Impl> = run.samples.iter().map(|s| s.implementation).collect();
        assert_eq!(read, Impl::ALL);
    }

    #[test]
    fn proc_stat_gives_busy_and_total_jiffies() {
        let stat = "cpu  100 5 50 800 45 0 0 0 0 0\ncpu0 1 2 3 4\n";
        assert_eq!(cpu_jiffies(stat), Some((155, 1000)));
        assert_eq!(cpu_jiffies("intr 1 2"), None);
    }

    #[test]
    fn skip_lines_name_the_implementation_and_why() {
        let mut run = Run::default();
        let skip = r#"{"kind":"skip","impl":"crate-stream","reason":"no WebSocketStream"}"#;
        let shown = read_line(skip, &mut run).unwrap();
        assert!(shown.contains("crate-stream") && shown.contains("no WebSocketStream"));
        assert_eq!(
            run.skipped,
            [Skipped {
                implementation: Impl::CrateStream,
                reason: "no WebSocketStream".into()
            }]
        );
    }

    #[test]
    fn lines_missing_a_field_or_of_another_kind_are_not_read() {
        let mut run = Run::default();
        assert!(read_line(
            r#"{"kind":"time","round":1,"impl":"crate","ms":1}"#,
            &mut run
        )
        .is_none());
        assert!(read_line(r#"{"kind":"later"}"#, &mut run).is_none());
        assert!(read_line(
            r#"{"kind":"time","round":1,"impl":"websys","workload":"w","ms":1}"#,
            &mut run
        )
        .is_none());
        assert!(read_line("not json", &mut run).is_none());
        assert!(run.samples.is_empty());
    }
}
