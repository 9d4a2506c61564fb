//! A local WebSocket server whose routes each script one behaviour (echo, close with a
//! given code, flood, sink, drop, ...) so browser tests can check how the browser's
//! WebSocket reports it.
//!
//! The parent process (xtask) reads the single stdout line `listening on 127.0.0.1:PORT`
//! to learn the port, and kills the server when the tests are done. Everything else the
//! server has to say goes to stderr.

mod args;
mod attempts;
mod closing;
mod connections;
mod jsonrpc;
mod payload;
mod progress;
mod report;
mod routes;
mod session;

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use tokio::net::TcpListener;

use crate::args::{Args, Command};
use crate::report::Reports;
use crate::routes::AppState;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(Command::Serve(args)) => args,
        Ok(Command::Help) => {
            println!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("test-server: {message}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match serve(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("test-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Binds, announces the port on stdout, then serves until the process is killed.
async fn serve(args: Args) -> Result<(), String> {
    if let Some(dir) = &args.static_dir {
        if !dir.is_dir() {
            return Err(format!("--static {}: not a directory", dir.display()));
        }
    }
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let listener = TcpListener::bind(address)
        .await
        .map_err(|error| format!("cannot bind {address}: {error}"))?;
    let bound = listener
        .local_addr()
        .map_err(|error| format!("cannot read the bound address: {error}"))?;

    // The parent blocks on this line to learn the port, so it must not sit in a buffer.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on {bound}")
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("cannot write to stdout: {error}"))?;

    let state = AppState {
        reports: Reports::default(),
        attempts: Default::default(),
        connections: Default::default(),
        progress: Default::default(),
        static_dir: args.static_dir.map(Into::into),
    };
    axum::serve(listener, routes::router(state))
        .await
        .map_err(|error| format!("server stopped: {error}"))
}
