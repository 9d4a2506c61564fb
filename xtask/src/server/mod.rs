//! The test server: `cargo xtask server` runs it in the foreground, for contributors who
//! run `wasm-pack test` or `cargo test --target wasm32-unknown-unknown` by hand; the other
//! subcommands start it in the background through [`TestServer`].
//!
//! | file | what it holds |
//! |---|---|
//! | `mod.rs` | `cargo xtask server` |
//! | `test_server.rs` | building the server, starting it, and stopping it whatever happens |
//! | `port.rs` | a port that stays the same from run to run |
//! | `third_party.rs` | the third-party server (Python `websockets`) the browser tests also use |

pub mod port;
mod test_server;
pub mod third_party;

pub use test_server::{
    build, parse_listening_line, start, ServerOptions, ServerOutput, TestServer,
};

use crate::args::Args;
use crate::failure::{Failure, Result};
use std::path::PathBuf;

pub const USAGE: &str = "server [--port N] [--static DIR]";
pub const ABOUT: &str =
    "build and run the test server in the foreground until Ctrl-C (default port 9001)";

const DEFAULT_PORT: u16 = 9001;

fn parse(args: &[String]) -> Result<ServerOptions> {
    let mut options = ServerOptions {
        port: DEFAULT_PORT,
        static_dir: None,
    };
    let mut args = Args::new(args);
    while let Some(flag) = args.next_flag()? {
        match flag.as_str() {
            "--port" => {
                let value = args.value_of(&flag)?;
                options.port = value.parse().map_err(|_| {
                    Failure::usage(format!("`--port {value}` is not a port number"))
                })?;
            }
            "--static" => options.static_dir = Some(resolve_from_user_cwd(args.value_of(&flag)?)),
            other => {
                return Err(Failure::usage(format!(
                    "unknown option `{other}` for `server`"
                )))
            }
        }
    }
    Ok(options)
}

/// The server runs in the workspace root, but a relative `--static` means relative to
/// where the user typed the command.
fn resolve_from_user_cwd(dir: String) -> PathBuf {
    let dir = PathBuf::from(dir);
    match std::env::current_dir() {
        Ok(cwd) if dir.is_relative() => cwd.join(dir),
        _ => dir,
    }
}

pub fn run(args: &[String]) -> Result {
    let options = parse(args)?;
    build()?;
    let mut test_server = start(&options, &ServerOutput::Terminal)?;
    let addr = test_server.addr();
    println!("listening on {addr}");
    println!("in another terminal, before running the browser tests by hand:");
    println!("    export BROWSER_WEBSOCKET_TEST_SERVER={addr}");
    println!("stop the server with Ctrl-C");
    let status = test_server.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("the test server stopped ({status})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_port_is_9001() {
        assert_eq!(parse(&[]).unwrap().port, 9001);
    }

    #[test]
    fn port_must_be_a_number() {
        let args = ["--port".to_string(), "http".to_string()];
        assert_eq!(parse(&args).unwrap_err().exit_code, 2);
    }
}
