//! Ctrl-C (and SIGTERM) as a flag to poll, so that a foreground command can stop its
//! children before it exits instead of leaving them running.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// From now on, SIGINT and SIGTERM set the flag instead of ending the process.
#[cfg(unix)]
pub fn catch() {
    use std::ffi::c_int;

    // The same numbers on Linux and macOS.
    const SIGINT: c_int = 2;
    const SIGTERM: c_int = 15;

    extern "C" fn on_signal(_signal: c_int) {
        REQUESTED.store(true, Ordering::SeqCst);
    }
    extern "C" {
        // libc's `signal`, which std already links; xtask takes no dependencies.
        fn signal(signum: c_int, handler: extern "C" fn(c_int)) -> usize;
    }
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
    }
}

/// Elsewhere Ctrl-C ends xtask and its children together, as the console delivers it to all.
#[cfg(not(unix))]
pub fn catch() {}

/// Whether Ctrl-C or SIGTERM arrived since [`catch`].
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
