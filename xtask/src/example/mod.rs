//! The framework examples (`examples/yew-chat`, `examples/leptos-chat`,
//! `examples/dioxus-chat`): `cargo xtask example yew|leptos|dioxus` builds one and serves
//! it, with every WebSocket route of the test server, until Ctrl-C; `cargo xtask test`
//! checks each.
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | `cargo xtask example` |
//! | `build.rs` | [`Example`] and building one into `target/examples/<package>/` |
//! | `check.rs` | the examples step of `cargo xtask test`: `example-check` against each |

mod build;
pub use build::Example;
pub mod check;

use crate::args::Args;
use crate::failure::{Failure, Result};
use crate::interrupt;
use crate::server::{self, ServerOptions, ServerOutput};
use crate::setup;
use crate::site::{self, Profile};
use std::thread;
use std::time::Duration;

pub const USAGE: &str = "example yew|leptos|dioxus [--port N]";
pub const ABOUT: &str =
    "build examples/yew-chat, examples/leptos-chat or examples/dioxus-chat and serve it until Ctrl-C (default port 8080)";

const DEFAULT_PORT: u16 = 8080;

/// How often the foreground loop looks for Ctrl-C or a dead server.
const POLL: Duration = Duration::from_millis(100);

fn parse(args: &[String]) -> Result<(Example, u16)> {
    let mut example = None;
    let mut port = DEFAULT_PORT;
    let mut args = Args::new(args);
    while let Some(arg) = args.next_flag()? {
        match arg.as_str() {
            "--port" => {
                let value = args.value_of(&arg)?;
                port = value.parse().map_err(|_| {
                    Failure::usage(format!("`--port {value}` is not a port number"))
                })?;
            }
            flag if flag.starts_with('-') => {
                return Err(Failure::usage(format!(
                    "unknown option `{flag}` for `example`"
                )))
            }
            name if example.is_none() => {
                example = Some(Example::from_name(name).ok_or_else(|| {
                    Failure::usage(format!(
                        "unknown example `{name}`: use yew, leptos or dioxus"
                    ))
                })?);
            }
            extra => {
                return Err(Failure::usage(format!(
                    "`example` takes one example, got `{extra}` too"
                )))
            }
        }
    }
    let example =
        example.ok_or_else(|| Failure::usage("`example` needs a name: yew, leptos or dioxus"))?;
    Ok((example, port))
}

pub fn run(args: &[String]) -> Result {
    let (example, port) = parse(args)?;
    setup::ensure_for_demo()?;
    let site = site::build_one(&example.page(), Profile::Release)?;
    server::build()?;
    // Before the server starts, so that no Ctrl-C can leave it running.
    interrupt::catch();
    let options = ServerOptions {
        port,
        static_dir: Some(site),
    };
    let mut example_server = server::start(&options, &ServerOutput::Terminal)?;
    println!("Example running at http://{}/", example_server.addr());
    println!("(Ctrl-C stops it)");
    loop {
        if interrupt::requested() {
            // Dropping the guard kills the server.
            drop(example_server);
            println!("example stopped");
            return Ok(());
        }
        if let Some(status) = example_server.try_wait()? {
            // A terminal's Ctrl-C reaches the server too; give our flag a moment to be set.
            thread::sleep(POLL);
            if interrupt::requested() {
                println!("example stopped");
                return Ok(());
            }
            return Err(Failure::new(format!(
                "the example's server stopped ({status})"
            )));
        }
        thread::sleep(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<(Example, u16)> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_example_is_named_and_the_port_defaults_to_8080() {
        assert_eq!(parse_strs(&["yew"]).unwrap(), (Example::Yew, 8080));
        assert_eq!(
            parse_strs(&["--port=9100", "leptos"]).unwrap(),
            (Example::Leptos, 9100)
        );
        assert_eq!(parse_strs(&["dioxus"]).unwrap(), (Example::Dioxus, 8080));
    }

    #[test]
    fn a_missing_or_unknown_example_is_a_usage_error() {
        assert_eq!(parse_strs(&[]).unwrap_err().exit_code, 2);
        assert_eq!(parse_strs(&["react"]).unwrap_err().exit_code, 2);
        assert_eq!(parse_strs(&["yew", "leptos"]).unwrap_err().exit_code, 2);
        assert_eq!(parse_strs(&["yew", "--open"]).unwrap_err().exit_code, 2);
    }
}
