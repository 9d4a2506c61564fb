//! `cargo xtask bench`: time the crate (its Stream/Sink API on the classic socket, its
//! `connect_with` callback API, and its Stream/Sink API on `WebSocketStream`) against raw
//! JavaScript, gloo-net and ws_stream_wasm in one headless browser session, and compare
//! the size of a minimal app with each.
//!
//! The steps: set the machine up as `cargo xtask test` does, start an optimised test
//! server, run `bench/` under `wasm-bindgen-test-runner` (it prints a `BENCH {json}` line
//! per measurement), build the minimal apps of `bench/size/`, then print the tables and
//! write `target/bench/results-<browser>.json`, `target/bench/results.json` and the
//! tables as Markdown in `target/bench/results-<browser>.md`.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | the subcommand: its options and the order of the steps |
//! | `server.rs` | the test server, built with the `bench-speed` profile |
//! | `run.rs` | running `bench/` in the browser and reading its `BENCH` lines |
//! | `size.rs` | the size table's minimal apps, built and measured |
//! | `pinning.rs` | `--pin`: the browser on its own CPU, the server, driver and runner on the other |
//! | `profile.rs` | `--profile`: a Firefox profile of the run and its breakdown |
//! | `interval.rs` | the 95 % interval of a median and the verdict it supports |
//! | `results.rs` | medians, spreads, paired ratios, the baselines and the A/A floor |
//! | `report.rs` | the tables, their Markdown and `results.json` |
//! | `json.rs` | just enough JSON for the above |

mod interval;
mod json;
mod pinning;
mod profile;
mod report;
mod results;
mod run;
mod server;
mod size;

use crate::args::Args;
use crate::browser::Browser;
use crate::cmd::{announce, target_dir};
use crate::failure::{Failure, Result};
use crate::setup;
use results::Results;
use run::RunOptions;

pub const USAGE: &str =
    "bench [--browser chromium|firefox|webkit] [--rounds N] [--smoke] [--only NAME,..] [--no-size] [--profile] [--pin|--no-pin]";
pub const ABOUT: &str = "time the crate (Stream, callback, WebSocketStream) against raw JS, gloo-net and ws_stream_wasm in one browser (default chromium, 15 rounds), and compare minimal .wasm sizes";

/// Whether `--pin` is on unless `--no-pin` is given.
const PIN_BY_DEFAULT: bool = false;

/// Enough for a 95 % interval of the median as narrow as `[x(4), x(12)]` of the sorted
/// per-round ratios (`interval.rs`); 5 rounds give none.
const DEFAULT_ROUNDS: u32 = 15;

#[derive(Debug, PartialEq)]
struct BenchOptions {
    browser: Browser,
    rounds: u32,
    /// Tiny counts: proves every workload works in a few seconds.
    smoke: bool,
    /// Workload and implementation names to keep (for profiling one case).
    only: Vec<String>,
    size: bool,
    /// Record a Firefox profile and print where each implementation's time goes.
    profile: bool,
    /// Keep the browser's CPUs apart from the server's, the driver's and the runner's.
    pin: bool,
}

fn parse(args: &[String]) -> Result<BenchOptions> {
    let mut options = BenchOptions {
        browser: Browser::Chromium,
        rounds: DEFAULT_ROUNDS,
        smoke: false,
        only: Vec::new(),
        size: true,
        profile: false,
        pin: PIN_BY_DEFAULT,
    };
    let mut args = Args::new(args);
    while let Some(flag) = args.next_flag()? {
        match flag.as_str() {
            "--browser" => {
                let name = args.value_of(&flag)?;
                options.browser = Browser::from_name(&name).ok_or_else(|| {
                    Failure::usage(format!(
                        "unknown browser `{name}`: use {}",
                        Browser::CHOICES
                    ))
                })?;
            }
            "--rounds" => {
                let value = args.value_of(&flag)?;
                options.rounds =
                    value
                        .parse()
                        .ok()
                        .filter(|&rounds| rounds > 0)
                        .ok_or_else(|| {
                            Failure::usage(format!("`--rounds {value}`: use a whole number from 1"))
                        })?;
            }
            "--smoke" => options.smoke = true,
            "--only" => {
                options.only = args
                    .value_of(&flag)?
                    .split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "--no-size" => options.size = false,
            "--profile" => options.profile = true,
            "--pin" => options.pin = true,
            "--no-pin" => options.pin = false,
            other => {
                return Err(Failure::usage(format!(
                    "unknown option `{other}` for `bench`"
                )))
            }
        }
    }
    if options.profile && options.browser != Browser::Firefox {
        return Err(Failure::usage(
            "`--profile` records with Firefox's profiler: add `--browser firefox`",
        ));
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    let tools = setup::ensure(&setup::Needs {
        browsers: &[options.browser],
        ..setup::Needs::default()
    })?;
    let driver = tools
        .driver(options.browser)
        .expect("setup returns a driver for the selected browser");

    let profile = options.profile.then(profile::file);
    let pin = if options.pin {
        let cpus = pinning::Cpus::here();
        if cpus.is_none() {
            println!("    --pin: this machine has one CPU or no taskset; nothing is pinned");
        }
        cpus
    } else {
        None
    };
    let server = server::start(pin.as_ref())?;
    let run = run::run(&RunOptions {
        browser: options.browser,
        driver,
        server: server.addr(),
        rounds: options.rounds,
        smoke: options.smoke,
        only: &options.only,
        profile: profile.clone(),
        pin,
    });
    // Stop the server before anything else is built or measured.
    drop(server);
    let run = run?;
    if let Some(profile) = &profile {
        profile::report(profile)?;
    }

    let size = if options.size {
        Some(size::measure()?)
    } else {
        None
    };

    let results = Results::new(options.browser, &run, size);
    announce(&format!("results ({})", options.browser));
    print!("{}", report::table(&results));
    if let Some(size) = &results.size {
        println!();
        print!("{}", report::size_table(size));
    }
    let dir = target_dir().join("bench");
    let json = report::json(&results);
    for name in [
        format!("results-{}.json", options.browser),
        "results.json".to_owned(),
    ] {
        let path = dir.join(name);
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, &json))
            .map_err(|err| Failure::new(format!("cannot write {}: {err}", path.display())))?;
        println!("wrote {}", path.display());
    }
    let mut markdown = report::markdown(&results);
    if let Some(size) = &results.size {
        markdown.push('\n');
        markdown.push_str(&report::size_markdown(size));
    }
    let path = dir.join(format!("results-{}.md", options.browser));
    std::fs::write(&path, markdown)
        .map_err(|err| Failure::new(format!("cannot write {}: {err}", path.display())))?;
    println!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<BenchOptions> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults_are_chromium_fifteen_rounds_with_sizes() {
        let options = parse_strs(&[]).unwrap();
        assert_eq!(options.browser, Browser::Chromium);
        assert_eq!(options.rounds, 15);
        assert!(!options.smoke);
        assert!(options.size);
        assert!(options.only.is_empty());
        assert!(!options.profile);
    }

    #[test]
    fn every_option_is_read() {
        let options = parse_strs(&[
            "--browser=firefox",
            "--rounds",
            "5",
            "--smoke",
            "--only",
            "flood-16B-text, crate,raw",
            "--no-size",
            "--profile",
            "--pin",
        ])
        .unwrap();
        assert_eq!(options.browser, Browser::Firefox);
        assert_eq!(options.rounds, 5);
        assert!(options.smoke);
        assert!(!options.size);
        assert_eq!(options.only, ["flood-16B-text", "crate", "raw"]);
        assert!(options.profile);
        assert!(options.pin);
        assert!(!parse_strs(&["--pin", "--no-pin"]).unwrap().pin);
    }

    #[test]
    fn profiles_come_from_firefox_only() {
        assert_eq!(parse_strs(&["--profile"]).unwrap_err().exit_code, 2);
    }

    #[test]
    fn zero_or_non_numeric_rounds_are_usage_errors() {
        assert_eq!(parse_strs(&["--rounds", "0"]).unwrap_err().exit_code, 2);
        assert_eq!(parse_strs(&["--rounds=many"]).unwrap_err().exit_code, 2);
    }
}
