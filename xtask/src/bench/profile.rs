//! `--profile`: a Firefox profile of the run, and where each implementation's time goes.
//!
//! The Gecko profiler starts with the browser (`MOZ_PROFILER_STARTUP`; the variables pass
//! from the runner through geckodriver to Firefox) and writes its profile when the
//! browser quits. `bench/profile/breakdown.py` then splits the samples by the bench's
//! `performance.mark`s and prints, per workload and implementation, the time per message
//! under each kind of frame: the listener, the wake, the microtask that polls, the copies.

use crate::cmd::{self, announce, command, target_dir, workspace_root};
use crate::failure::{Failure, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Where the profile goes.
pub fn file() -> PathBuf {
    target_dir().join("bench").join("profile-firefox.json")
}

/// Has the browser that `cmd` starts record a profile into `profile`.
pub fn record(cmd: &mut Command, profile: &Path) {
    // A sample every 0.5 ms with JavaScript and wasm frames; a buffer of 100 M entries
    // holds a `--rounds 1 --only ...` run whole.
    cmd.env("MOZ_PROFILER_STARTUP", "1")
        .env("MOZ_PROFILER_STARTUP_INTERVAL", "0.5")
        .env("MOZ_PROFILER_STARTUP_ENTRIES", "100000000")
        .env("MOZ_PROFILER_STARTUP_FEATURES", "js,stackwalk")
        .env("MOZ_PROFILER_SHUTDOWN", profile);
}

/// Prints the breakdown of `profile`.
pub fn report(profile: &Path) -> Result {
    wait_until_written(profile)?;
    let python = crate::setup::system_python().ok_or_else(|| {
        Failure::new("`python3` is not on PATH: the profile breakdown is a Python script")
    })?;
    announce(&format!("profile: {}", profile.display()));
    let script = workspace_root()
        .join("bench")
        .join("profile")
        .join("breakdown.py");
    cmd::run(command(python).arg(script).arg(profile))
}

/// Firefox writes the profile as it quits, after the runner has already returned: waits
/// until the file exists and has stopped growing.
fn wait_until_written(profile: &Path) -> Result {
    let size = || std::fs::metadata(profile).map(|meta| meta.len()).ok();
    let mut last = None;
    for _ in 0..WAIT_SECONDS {
        std::thread::sleep(Duration::from_secs(1));
        let now = size();
        if now.is_some_and(|bytes| bytes > 0) && now == last {
            return Ok(());
        }
        last = now;
    }
    Err(Failure::new(format!(
        "Firefox wrote no complete profile to {} within {WAIT_SECONDS} s: did it quit normally?",
        profile.display()
    )))
}

/// How long Firefox gets to write its profile (a few hundred MB for one round).
const WAIT_SECONDS: u32 = 120;
