//! The demo page (`www/`): `cargo xtask demo` builds it and serves it, with every
//! WebSocket route of the test server, until Ctrl-C; `cargo xtask test` checks it.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | `cargo xtask demo` |
//! | `build.rs` | building the page into `target/demo/` |
//! | `check.rs` | the demo step of `cargo xtask test`: `demo-check` against the built page |
//! | `tabs_check.rs` | the shared-tabs step: `example-check --scenario tabs` in three windows |

mod build;
pub use build::page;
pub mod check;
pub mod tabs_check;

use crate::args::Args;
use crate::failure::{Failure, Result};
use crate::interrupt;
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup;
use crate::site::{self, Profile};
use std::thread;
use std::time::Duration;

pub const USAGE: &str = "demo [--port N]";
pub const ABOUT: &str =
    "build the www/ demo page and serve it until Ctrl-C (default port 8080; opens no browser)";

const DEFAULT_PORT: u16 = 8080;

/// How often the foreground loop looks for Ctrl-C or a dead server.
const POLL: Duration = Duration::from_millis(100);

fn parse(args: &[String]) -> Result<u16> {
    let mut port = DEFAULT_PORT;
    let mut args = Args::new(args);
    while let Some(flag) = args.next_flag()? {
        match flag.as_str() {
            "--port" => {
                let value = args.value_of(&flag)?;
                port = value.parse().map_err(|_| {
                    Failure::usage(format!("`--port {value}` is not a port number"))
                })?;
            }
            other => {
                return Err(Failure::usage(format!(
                    "unknown option `{other}` for `demo`"
                )))
            }
        }
    }
    Ok(port)
}

pub fn run(args: &[String]) -> Result {
    let port = parse(args)?;
    setup::ensure_for_demo()?;
    let site = site::build_one(&build::page(), Profile::Release)?;
    server::build()?;
    // Before the server starts, so that no Ctrl-C can leave it running.
    interrupt::catch();
    let options = ServerOptions {
        port,
        static_dir: Some(site),
    };
    let mut demo_server = server::start(&options, &ServerOutput::Terminal)?;
    println!("Demo running at http://{}/", demo_server.addr());
    println!("(Ctrl-C stops it)");
    loop {
        if interrupt::requested() {
            // Dropping the guard kills the server.
            drop(demo_server);
            println!("demo stopped");
            return Ok(());
        }
        if let Some(status) = demo_server.try_wait()? {
            // A terminal's Ctrl-C reaches the server too; give our flag a moment to be set.
            thread::sleep(POLL);
            if interrupt::requested() {
                println!("demo stopped");
                return Ok(());
            }
            return Err(Failure::new(format!("the demo server stopped ({status})")));
        }
        thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<u16> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn default_port_is_8080() {
        assert_eq!(parse_strs(&[]).unwrap(), 8080);
    }

    #[test]
    fn port_may_be_chosen() {
        assert_eq!(parse_strs(&["--port", "9100"]).unwrap(), 9100);
        assert_eq!(parse_strs(&["--port=0"]).unwrap(), 0);
    }

    #[test]
    fn bad_ports_and_unknown_options_are_usage_errors() {
        assert_eq!(parse_strs(&["--port", "http"]).unwrap_err().exit_code, 2);
        assert_eq!(parse_strs(&["--open"]).unwrap_err().exit_code, 2);
    }
}
