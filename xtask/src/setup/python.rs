//! Python's `websockets`, the third-party server the browser tests also run against, and
//! `jsonrpcserver`, the JSON-RPC 2.0 server on its `/jsonrpc` route: installed from PyPI
//! into a virtual environment under `target/`.

use crate::cmd::{self, announce, command, probe, target_dir};
use crate::failure::{Failure, Result};
use std::path::PathBuf;

/// The `websockets` release the third-party tests were written against.
pub const WEBSOCKETS_VERSION: &str = "15.0.1";

/// The `jsonrpcserver` release the RPC tests were written against.
pub const JSONRPCSERVER_VERSION: &str = "5.0.9";

/// The virtual environment's directory.
fn venv() -> PathBuf {
    target_dir().join("third-party-venv")
}

/// The machine's Python 3, if it is on PATH.
pub fn system_python() -> Option<PathBuf> {
    ["python3", "python"]
        .into_iter()
        .find_map(cmd::find_in_path)
}

/// The venv's Python with `websockets` and `jsonrpcserver` installed, made now if
/// missing.
pub fn ensure_websockets() -> Result<PathBuf> {
    let python = venv().join("bin").join("python");
    let wanted = format!("websockets {WEBSOCKETS_VERSION}, jsonrpcserver {JSONRPCSERVER_VERSION}");
    let installed = || {
        probe(command(&python).args([
            "-c",
            "import websockets, jsonrpcserver, importlib.metadata as m; \
             print('websockets', websockets.__version__ + ', jsonrpcserver', m.version('jsonrpcserver'))",
        ]))
        .is_some_and(|out| out.trim() == wanted)
    };
    if python.is_file() && installed() {
        println!("    {wanted}: {}", python.display());
        return Ok(python);
    }
    announce(&format!(
        "installing {wanted} from PyPI into {}",
        venv().display()
    ));
    let Some(system_python) = system_python() else {
        return Err(Failure::new(
            "the third-party server needs Python 3: install it (apt-get install python3 \
             python3-venv), then run this again",
        ));
    };
    if cmd::run(command(&system_python).args(["-m", "venv"]).arg(venv())).is_err() {
        return Err(Failure::new(format!(
            "`{} -m venv` failed: Debian's Python needs the python3-venv package \
             (apt-get install python3-venv)",
            system_python.display()
        )));
    }
    cmd::run(command(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("websockets=={WEBSOCKETS_VERSION}"),
        &format!("jsonrpcserver=={JSONRPCSERVER_VERSION}"),
    ]))?;
    if installed() {
        Ok(python)
    } else {
        Err(Failure::new(format!(
            "pip installed websockets and jsonrpcserver, but {} does not import {wanted}",
            python.display()
        )))
    }
}
