//! `cargo xtask test`: set the machine up, lint, run the native tests, build the docs,
//! then run the browser tests against a freshly started test server and check the demo
//! page (Chromium, WebKit) and the examples (Chromium). Every step runs even when an earlier one failed
//! (except setup); the summary gives each step's verdict and duration.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | the subcommand: its options and the order of the steps |
//! | `lints.rs` | fmt, clippy for native and wasm32, the library without its features |
//! | `native.rs` | the native unit and doc tests |
//! | `docs.rs` | `cargo doc` for wasm32 with warnings denied |
//! | `browser_tests.rs` | the wasm tests in one headless browser |
//! | `long_path.rs` | one of them run from a directory whose path is over 100 characters |
//! | `frameworks.rs` | the Yew and Leptos crates: hydrate, ssr, and their browser tests |
//! | `wasm_pack.rs` | one module of them through `wasm-pack test --headless --chrome` |
//! | `site_check.rs` | serving a built site and running a demo-check binary against it |
//! | `trunk.rs` | one example built with `trunk build --offline` |
//! | `tally.rs` | counting passed and failed tests in a child's output |
//! | `summary.rs` | the closing summary |

mod browser_tests;
mod docs;
mod frameworks;
mod lints;
mod long_path;
mod native;
pub mod site_check;
mod summary;
pub mod tally;
mod trunk;
mod wasm_pack;

use crate::args::Args;
use crate::browser::Browser;
use crate::cmd::{self, announce, target_dir};
use crate::demo;
use crate::example::{self, Example};
use crate::failure::{Failure, Result};
use crate::server::{self, ServerOptions, ServerOutput, TestServer};
use crate::setup::{self, Needs, Tools};
use crate::site::{self, Profile};
use std::path::PathBuf;
use std::time::Instant;
use summary::Summary;

pub const USAGE: &str = "test [--browser chromium|firefox|webkit] [--no-lint]";
pub const ABOUT: &str = "install what is missing, lint, and run every test (native, ssr, docs, each browser and transport, wasm-pack, the framework crates, the demo page, the examples)";

/// A named step without counts, so the final summary can say which one failed.
pub struct Check {
    pub name: &'static str,
    pub run: fn() -> Result,
}

#[derive(Debug, PartialEq)]
struct TestOptions {
    browsers: Vec<Browser>,
    lint: bool,
}

fn parse(args: &[String]) -> Result<TestOptions> {
    let mut options = TestOptions {
        browsers: Browser::ALL.to_vec(),
        lint: true,
    };
    let mut args = Args::new(args);
    while let Some(flag) = args.next_flag()? {
        match flag.as_str() {
            "--browser" => {
                let name = args.value_of(&flag)?;
                let browser = Browser::from_name(&name).ok_or_else(|| {
                    Failure::usage(format!(
                        "unknown browser `{name}`: use {}",
                        Browser::CHOICES
                    ))
                })?;
                options.browsers = vec![browser];
            }
            "--no-lint" => options.lint = false,
            other => {
                return Err(Failure::usage(format!(
                    "unknown option `{other}` for `test`"
                )))
            }
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    let mut summary = Summary::start();
    let chromium = options.browsers.contains(&Browser::Chromium);
    // Without its tools nothing below can run, so a setup failure stops here.
    let started = Instant::now();
    let tools = setup::ensure(&Needs {
        browsers: &options.browsers,
        lint: options.lint,
        wasm_pack: chromium,
        third_party_server: true,
        trunk: true,
    })?;
    summary.record("setup", true, started.elapsed());

    if options.lint {
        for check in &lints::LINTS {
            summary.check(check);
        }
    }
    summary.check(&native::NATIVE_TESTS);
    summary.check(&frameworks::SSR);
    if options.lint {
        summary.check(&frameworks::HYDRATE);
    }
    summary.check(&docs::DOCS);

    if summary.check(&BINARIES) {
        browser_steps(&options, &tools, &mut summary);
        site_steps(&tools, &mut summary);
    }
    if let Some(trunk) = &tools.trunk {
        let started = Instant::now();
        let built = trunk::build(trunk);
        if let Err(failure) = &built {
            eprintln!("error: {failure}");
        }
        summary.record(
            "trunk build --offline (yew-chat)",
            built.is_ok(),
            started.elapsed(),
        );
    }
    summary.finish()
}

/// What the browser steps run: the test server, and demo-check's two checkers.
const BINARIES: Check = Check {
    name: "test-server and demo-check",
    run: build_binaries,
};

/// Builds them exactly as the native tests did (their `tests/cli.rs` runs them): the same
/// command, so the same features and nothing built twice. After the native tests this
/// only finds them fresh and puts them in `target/debug/` again.
fn build_binaries() -> Result {
    announce("building test-server and demo-check");
    cmd::run(native::workspace_tests().arg("--no-run"))
}

/// The browser tests in each browser and wasm-pack's run, against one test server and
/// the third-party one.
fn browser_steps(options: &TestOptions, tools: &Tools, summary: &mut Summary) {
    let started = Instant::now();
    let mut test_server = match start_test_server() {
        Ok(test_server) => test_server,
        Err(failure) => {
            eprintln!("error: {failure}");
            summary.record(
                "test server (browser tests skipped)",
                false,
                started.elapsed(),
            );
            return;
        }
    };
    let started = Instant::now();
    let third_party = tools.python.as_deref().map(start_third_party_server);
    let third_party = match third_party {
        Some(Ok(server)) => Some(server),
        Some(Err(failure)) => {
            eprintln!("error: {failure}");
            summary.record("third-party server", false, started.elapsed());
            None
        }
        None => None,
    };
    let servers = browser_tests::Servers {
        test_server: test_server.addr(),
        third_party: third_party.as_ref().map(TestServer::addr),
    };
    for &browser in &options.browsers {
        let driver = tools
            .driver(browser)
            .expect("setup returns a driver for every selected browser");
        // Chromium has WebSocketStream: every test over the classic socket, then again
        // over the stream transport. Firefox and WebKit have not: one run with `Auto` as
        // the default, which falls back to the classic socket, so it is the classic run
        // too.
        let runs: &[(browser_tests::Suite, &str)] = match browser {
            Browser::Chromium => &[
                (browser_tests::Suite::Classic, "chromium"),
                (
                    browser_tests::Suite::OverTransport("test-stream-transport"),
                    "chromium, stream transport",
                ),
            ],
            Browser::Firefox => &[(
                browser_tests::Suite::OverTransport("test-auto-transport"),
                "firefox, auto transport (falls back to classic)",
            )],
            Browser::WebKit => &[(
                browser_tests::Suite::OverTransport("test-auto-transport"),
                "webkit, auto transport (falls back to classic)",
            )],
        };
        for &(suite, name) in runs {
            summary.tests(name, || browser_tests::run(driver, servers, suite, name));
            test_server.warn_if_stopped(&format!("the {name} tests"));
        }
        let name = format!("long checkout path ({browser})");
        summary.tests(&name, || long_path::run(driver, servers, runs[0].0, &name));
        if let (Browser::Chromium, Some(wasm_pack)) = (browser, &tools.wasm_pack) {
            summary.tests("wasm-pack", || {
                wasm_pack::run(wasm_pack, driver, servers.test_server)
            });
            test_server.warn_if_stopped("wasm-pack's run");
        }
        // The framework crates exercise their hooks more than the browser: Chromium, and
        // WebKit, whose event timing differs most.
        let frameworks = match browser {
            Browser::Chromium => Some("framework crates (chromium)"),
            Browser::WebKit => Some("framework crates (webkit)"),
            Browser::Firefox => None,
        };
        if let Some(name) = frameworks {
            summary.tests(name, || {
                frameworks::browser_tests(driver, servers.test_server, name)
            });
            test_server.warn_if_stopped(&format!("the {name} tests"));
        }
    }
    // Dropping the guards stops the servers before the next steps.
    drop(third_party);
    drop(test_server);
}

/// Starts the third-party server on the port of the last run, like the test server.
fn start_third_party_server(python: &std::path::Path) -> Result<TestServer> {
    announce("starting the third-party server (Python websockets)");
    let log = target_dir().join("third-party-server.log");
    let output = ServerOutput::LogFile(log.clone());
    let port = server::port::remembered("third-party-server");
    let server = server::third_party::start(python, port, &output).or_else(|failure| {
        eprintln!("warning: {failure}; trying another port");
        server::third_party::start(python, 0, &output)
    })?;
    println!(
        "    listening on {} (log: {})",
        server.addr(),
        log.display()
    );
    Ok(server)
}

/// The demo page and the examples, built together once; the demo checked in Chromium and
/// in WebKit, each of the two that was selected (WebKit's event timing differs most), the
/// examples in the first of them. Nothing to do when neither was.
fn site_steps(tools: &Tools, summary: &mut Summary) {
    let drivers: Vec<&setup::Driver> = [Browser::Chromium, Browser::WebKit]
        .into_iter()
        .filter_map(|browser| tools.driver(browser))
        .collect();
    if drivers.is_empty() {
        return;
    }
    let mut pages = vec![demo::page()];
    pages.extend(Example::ALL.map(Example::page));
    let started = Instant::now();
    let sites = site::build(&pages, Profile::Dev);
    summary.record(
        "build the demo and the examples (wasm32, dev)",
        sites.is_ok(),
        started.elapsed(),
    );
    let sites: Vec<PathBuf> = match sites {
        Ok(sites) => sites,
        Err(failure) => {
            eprintln!("error: {failure}");
            return;
        }
    };
    for driver in &drivers {
        let name = format!("demo ({})", driver.browser);
        summary.tests(&name, || demo::check::run(driver, &sites[0]));
    }
    // The examples test the frameworks' hooks, not the engine (the framework crates'
    // tests run in both): one browser, Chromium when it was selected, keeps the run short.
    let driver = drivers[0];
    let name = format!("examples ({})", driver.browser);
    summary.tests(&name, || example::check::run(driver, &sites[1..]));
}

/// Starts the test server on the port of the last run, so the browser tests, compiled
/// against its address, need no rebuild; on any other port if that fails.
fn start_test_server() -> Result<TestServer> {
    announce("starting test-server");
    let log = target_dir().join("test-server.log");
    let output = ServerOutput::LogFile(log.clone());
    let remembered = ServerOptions {
        port: server::port::remembered("test-server"),
        static_dir: None,
    };
    let test_server = server::start(&remembered, &output).or_else(|failure| {
        eprintln!("warning: {failure}; trying another port");
        server::start(&ServerOptions::default(), &output)
    })?;
    println!(
        "    listening on {} (log: {})",
        test_server.addr(),
        log.display()
    );
    Ok(test_server)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<TestOptions> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn no_options_means_every_browser_with_lints() {
        let options = parse_strs(&[]).unwrap();
        assert_eq!(
            options.browsers,
            [Browser::Chromium, Browser::Firefox, Browser::WebKit]
        );
        assert!(options.lint);
    }

    #[test]
    fn browser_option_selects_one_browser() {
        let options = parse_strs(&["--browser", "firefox", "--no-lint"]).unwrap();
        assert_eq!(options.browsers, [Browser::Firefox]);
        assert!(!options.lint);
        let options = parse_strs(&["--browser=webkit"]).unwrap();
        assert_eq!(options.browsers, [Browser::WebKit]);
    }

    #[test]
    fn unknown_browser_is_a_usage_error() {
        assert_eq!(parse_strs(&["--browser=edge"]).unwrap_err().exit_code, 2);
    }
}
