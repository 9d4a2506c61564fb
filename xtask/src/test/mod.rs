//! `cargo xtask test`: set the machine up, lint, run the native tests, build the docs,
//! then run the browser tests against a freshly started test server and check the demo
//! page (Chromium, WebKit) and the examples (in one browser). The browsers run side by
//! side, one lane each (see `plan.rs`); the first lane prints as it goes, the others into
//! `target/test-logs/<browser>.log`, printed once the first lane ends. Every step runs even
//! when an earlier one failed (except setup); the summary gives each step's verdict and
//! duration.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | the subcommand: its options and the order of the steps |
//! | `lints.rs` | fmt, clippy for native and wasm32, the library without its features |
//! | `native.rs` | the native unit and doc tests |
//! | `docs.rs` | `cargo doc` for wasm32 with warnings denied |
//! | `package.rs` | the publish dry-run of the core and the framework crates |
//! | `plan.rs` | which browser steps each browser's lane runs, as pure data |
//! | `lanes.rs` | running the lanes side by side, each with its own log |
//! | `browser_tests.rs` | the wasm tests in one headless browser |
//! | `long_path.rs` | one of them run from a directory whose path is over 100 characters |
//! | `frameworks.rs` | the Yew, Leptos and Dioxus crates: hydrate, ssr, and their browser tests |
//! | `wasm_pack.rs` | one module of them through `wasm-pack test --headless --chrome` |
//! | `site_check.rs` | serving a built site and running a demo-check binary against it |
//! | `trunk.rs` | one example built with `trunk build --offline` |
//! | `tally.rs` | counting passed and failed tests in a child's output |
//! | `summary.rs` | the closing summary |

mod browser_tests;
mod docs;
mod frameworks;
mod lanes;
mod lints;
mod long_path;
mod native;
mod package;
mod plan;
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
use crate::output::{errln, outln};
use crate::server::{self, ServerOptions, ServerOutput, TestServer};
use crate::setup::{self, Needs, Tools};
use crate::site::{self, Profile};
use plan::{Lane, Step};
use std::path::PathBuf;
use std::time::Instant;
use summary::Summary;
use tally::Tally;

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
    summary.check(&package::PACKAGE);

    if summary.check(&BINARIES) {
        browser_steps(&options, &tools, &mut summary);
    }
    if let Some(trunk) = &tools.trunk {
        let started = Instant::now();
        let built = trunk::build(trunk);
        if let Err(failure) = &built {
            errln!("error: {failure}");
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

/// The browser steps (the tests in each browser, wasm-pack's run, the framework crates,
/// the demo and the examples) against one test server and the third-party one: the
/// sites and the wasm tests built first, then one lane per browser, side by side.
fn browser_steps(options: &TestOptions, tools: &Tools, summary: &mut Summary) {
    let started = Instant::now();
    let mut test_server = match start_test_server() {
        Ok(test_server) => test_server,
        Err(failure) => {
            errln!("error: {failure}");
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
            errln!("error: {failure}");
            summary.record("third-party server", false, started.elapsed());
            None
        }
        None => None,
    };
    let servers = browser_tests::Servers {
        test_server: test_server.addr(),
        third_party: third_party.as_ref().map(TestServer::addr),
    };
    let sites = build_sites(summary);
    let lanes = plan::lanes(
        &options.browsers,
        plan::Available {
            wasm_pack: tools.wasm_pack.is_some(),
            sites: sites.is_some(),
        },
    );
    // Built one after another before the lanes start, so that no lane's tests share the
    // two cores with a compiler.
    let started = Instant::now();
    let built = build_browser_tests(&lanes, servers);
    if let Err(failure) = &built {
        errln!("error: {failure}");
    }
    summary.record(
        "build the browser tests (wasm32)",
        built.is_ok(),
        started.elapsed(),
    );
    let context = StepContext {
        tools,
        servers,
        sites: sites.as_deref().unwrap_or_default(),
    };
    for part in lanes::run(&lanes, &|browser, step| context.run(browser, step)) {
        summary.append(part);
    }
    test_server.warn_if_stopped("the browser steps");
    // Dropping the guards stops the servers before the next steps.
    drop(third_party);
    drop(test_server);
}

/// What a browser step needs besides its browser.
struct StepContext<'a> {
    tools: &'a Tools,
    servers: browser_tests::Servers,
    /// The demo's site, then the examples' in [`Example::ALL`] order; empty when they
    /// were not built (no step that needs them is planned then).
    sites: &'a [PathBuf],
}

impl StepContext<'_> {
    fn run(&self, browser: Browser, step: Step) -> Tally {
        let driver = self
            .tools
            .driver(browser)
            .expect("setup returns a driver for every selected browser");
        let servers = self.servers;
        let name = step.name(browser);
        match step {
            Step::Tests(suite) => browser_tests::run(driver, servers, suite, &name),
            Step::LongPath(suite) => long_path::run(driver, servers, suite, &name),
            Step::WasmPack => match &self.tools.wasm_pack {
                Some(wasm_pack) => wasm_pack::run(wasm_pack, driver, servers.test_server),
                None => Tally::one(false),
            },
            Step::Frameworks => frameworks::browser_tests(driver, servers.test_server, &name),
            Step::Demo => demo::check::run(driver, &self.sites[0]),
            Step::Tabs => demo::tabs_check::run(driver, &self.sites[0]),
            Step::Examples => example::check::run(driver, &self.sites[1..]),
        }
    }
}

/// The demo page and the examples, built together once: every lane checks the demo's
/// shared connection (`None` when the build failed).
fn build_sites(summary: &mut Summary) -> Option<Vec<PathBuf>> {
    let mut pages = vec![demo::page()];
    pages.extend(Example::ALL.map(Example::page));
    let started = Instant::now();
    let sites = site::build(&pages, Profile::Dev);
    summary.record(
        "build the demo and the examples (wasm32, dev)",
        sites.is_ok(),
        started.elapsed(),
    );
    sites.map_err(|failure| errln!("error: {failure}")).ok()
}

/// Builds, without running them, the wasm tests the lanes' steps will run: each suite's
/// test binaries, and the framework crates' when a lane runs them.
fn build_browser_tests(lanes: &[Lane], servers: browser_tests::Servers) -> Result {
    announce("building the browser tests (wasm32)");
    let steps = || lanes.iter().flat_map(|lane| lane.steps.iter().copied());
    let mut suites: Vec<browser_tests::Suite> = Vec::new();
    for step in steps() {
        if let Step::Tests(suite) = step {
            if !suites.contains(&suite) {
                suites.push(suite);
            }
        }
    }
    for suite in suites {
        cmd::run(browser_tests::build_command(servers, suite).args(["--test", "*", "--no-run"]))?;
    }
    if steps().any(|step| step == Step::Frameworks) {
        cmd::run(frameworks::browser_test_command(servers.test_server).arg("--no-run"))?;
    }
    Ok(())
}

/// Starts the third-party server on the port of the last run, like the test server.
fn start_third_party_server(python: &std::path::Path) -> Result<TestServer> {
    announce("starting the third-party server (Python websockets)");
    let log = target_dir().join("third-party-server.log");
    let output = ServerOutput::LogFile(log.clone());
    let port = server::port::remembered("third-party-server");
    let server = server::third_party::start(python, port, &output).or_else(|failure| {
        errln!("warning: {failure}; trying another port");
        server::third_party::start(python, 0, &output)
    })?;
    outln!(
        "    listening on {} (log: {})",
        server.addr(),
        log.display()
    );
    Ok(server)
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
        errln!("warning: {failure}; trying another port");
        server::start(&ServerOptions::default(), &output)
    })?;
    outln!(
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
