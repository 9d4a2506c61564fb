//! Where xtask's own lines and its children's output go: the terminal, or a log file
//! for a browser lane that runs beside others (see `test/lanes.rs`), so that two lanes
//! never interleave their lines.
//!
//! ```text
//! outln!("{name}: {passed} passed");          // the terminal, or this thread's log
//! output::into_file(log, || run_the_lane());  // everything `run_the_lane` prints
//! ```

use std::cell::RefCell;
use std::fmt;
use std::fs::File;
use std::io::{self, Write};

thread_local! {
    /// The log this thread writes to instead of the terminal, if any.
    static LOG: RefCell<Option<File>> = const { RefCell::new(None) };
}

/// Runs `run` with what this thread prints through [`outln!`] and [`errln!`], and what
/// the children it tees through [`stdout`] and [`stderr`] print, going to `log`.
pub fn into_file<T>(log: File, run: impl FnOnce() -> T) -> T {
    let before = LOG.with(|current| current.replace(Some(log)));
    let result = run();
    LOG.with(|current| current.replace(before));
    result
}

/// Where a child's standard output goes: this thread's log, or the terminal's stdout.
pub fn stdout() -> Box<dyn Write + Send> {
    log_or(|| Box::new(io::stdout()))
}

/// Where a child's standard error goes: this thread's log, or the terminal's stderr.
pub fn stderr() -> Box<dyn Write + Send> {
    log_or(|| Box::new(io::stderr()))
}

fn log_or(terminal: fn() -> Box<dyn Write + Send>) -> Box<dyn Write + Send> {
    LOG.with(
        |current| match current.borrow().as_ref().map(File::try_clone) {
            Some(Ok(log)) => Box::new(log) as Box<dyn Write + Send>,
            _ => terminal(),
        },
    )
}

/// Writes one line to this thread's log, or else to stdout (`error` false) or stderr.
pub fn line(error: bool, text: fmt::Arguments) {
    let mut out = if error { stderr() } else { stdout() };
    // Like println!, but a closed terminal or a full disk must not stop a test run.
    let _ = writeln!(out, "{text}");
}

/// `println!`, to this thread's log when it has one.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::line(false, format_args!($($arg)*))
    };
}

/// `eprintln!`, to this thread's log when it has one.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::output::line(true, format_args!($($arg)*))
    };
}

pub(crate) use {errln, outln};

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_thread_with_a_log_writes_its_lines_there() {
        let path = std::env::temp_dir().join(format!("xtask-output-{}", std::process::id()));
        let log = File::create(&path).unwrap();
        into_file(log, || {
            outln!("one {}", 1);
            errln!("two");
            let _ = writeln!(stdout(), "three");
        });
        let mut text = String::new();
        File::open(&path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(text, "one 1\ntwo\nthree\n");
        // And afterwards the thread writes to the terminal again.
        assert!(LOG.with(|current| current.borrow().is_none()));
    }
}
