//! Running child processes from the workspace root, with errors that name the command.

use crate::failure::{Failure, Result};
use crate::output::outln;
use std::env;
use std::ffi::{OsStr, OsString};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root: every path in xtask is relative to it, and every child runs in it.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ always lives inside the workspace root")
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR` like cargo itself does.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace_root().join(dir),
        None => workspace_root().join("target"),
    }
}

/// Where `cargo install` puts binaries: `$CARGO_HOME/bin`, by default `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin")
}

/// The PATH children get: `$CARGO_HOME/bin` first, so a freshly `cargo install`ed
/// tool wins over an older copy elsewhere on PATH.
pub fn child_path() -> OsString {
    let mut dirs = vec![cargo_bin_dir()];
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::join_paths(dirs).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default())
}

/// Finds an executable the way a child process would, using [`child_path`].
pub fn find_in_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&child_path())
        .map(|dir| dir.join(name).with_extension(env::consts::EXE_EXTENSION))
        .find(|candidate| candidate.is_file())
}

/// A command that runs in the workspace root with [`child_path`] as its PATH.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(workspace_root()).env("PATH", child_path());
    cmd
}

/// A `cargo` command using the same cargo that runs xtask (cargo sets `$CARGO` for us).
pub fn cargo() -> Command {
    command(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Prints a step header, so a long log is easy to scan.
pub fn announce(step: &str) {
    outln!("==> {step}");
}

/// The command line as the user would type it, for error messages.
pub fn describe(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(cmd.get_program())
        .to_string_lossy()
        .into_owned();
    let args = cmd.get_args().map(|arg| arg.to_string_lossy().into_owned());
    std::iter::once(program)
        .chain(args)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs a command with the terminal attached; fails unless it exits successfully.
pub fn run(cmd: &mut Command) -> Result {
    let status = cmd.status().map_err(|err| spawn_failure(cmd, err))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!(
            "`{}` failed ({status})",
            describe(cmd)
        )))
    }
}

/// Runs a command quietly and returns its stdout, or `None` if it can't run or fails.
/// For probes like `tool --version`, where failure just means "not installed".
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Turns a spawn error into a message that says which program is missing.
pub fn spawn_failure(cmd: &Command, err: std::io::Error) -> Failure {
    let program = cmd.get_program().to_string_lossy();
    if err.kind() == ErrorKind::NotFound {
        Failure::new(format!(
            "`{program}` is not installed or not on PATH (while running `{}`)",
            describe(cmd)
        ))
    } else {
        Failure::new(format!("could not start `{}`: {err}", describe(cmd)))
    }
}
