//! Running the browser lanes of `plan.rs` side by side: the first lane on this thread,
//! its output live on the terminal; each other lane on a thread of its own, its output
//! in `target/test-logs/<browser>.log`, printed whole once the first lane is done. The
//! browser steps mostly wait (on a browser starting, on a socket, on a timer), so three
//! lanes on two cores take about as long as the longest one alone.

use super::plan::{Lane, Step};
use super::summary::Summary;
use super::tally::Tally;
use crate::browser::Browser;
use crate::cmd::{announce, target_dir};
use crate::output::{self, errln, outln};
use std::fs::File;
use std::path::PathBuf;
use std::thread;

/// Runs every lane, each step through `run_step`, and returns one summary per lane in
/// the order of `lanes`.
pub fn run(lanes: &[Lane], run_step: &(dyn Fn(Browser, Step) -> Tally + Sync)) -> Vec<Summary> {
    let Some((first, others)) = lanes.split_first() else {
        return Vec::new();
    };
    if !others.is_empty() {
        let names: Vec<&str> = others.iter().map(|lane| lane.browser.name()).collect();
        announce(&format!(
            "{} beside {}: their output follows {}'s (live in {})",
            names.join(" and "),
            first.browser,
            first.browser,
            log_path(others[0].browser).with_file_name("").display()
        ));
    }
    thread::scope(|scope| {
        let background: Vec<_> = others
            .iter()
            .map(|lane| {
                let log = log_path(lane.browser);
                let path = log.clone();
                let handle = scope.spawn(move || match open_log(&path) {
                    Ok(file) => output::into_file(file, || run_lane(lane, run_step)),
                    Err(message) => {
                        errln!("error: {message}; its output goes to the terminal");
                        run_lane(lane, run_step)
                    }
                });
                (lane.browser, log, handle)
            })
            .collect();
        let mut summaries = vec![run_lane(first, run_step)];
        for (browser, log, handle) in background {
            announce(&format!("the {browser} lane's output ({})", log.display()));
            let summary = handle.join();
            match std::fs::read_to_string(&log) {
                Ok(text) => print!("{text}"),
                Err(err) => errln!("error: cannot read {}: {err}", log.display()),
            }
            summaries.push(summary.unwrap_or_else(|_| {
                errln!("error: the {browser} lane panicked");
                let mut summary = Summary::start();
                summary.record(format!("{browser} lane"), false, Default::default());
                summary
            }));
        }
        summaries
    })
}

fn run_lane(lane: &Lane, run_step: &(dyn Fn(Browser, Step) -> Tally + Sync)) -> Summary {
    let mut summary = Summary::start();
    for &step in &lane.steps {
        let name = step.name(lane.browser);
        summary.tests(&name, || run_step(lane.browser, step));
    }
    outln!("{} lane done", lane.browser);
    summary
}

/// `target/test-logs/<browser>.log`.
fn log_path(browser: Browser) -> PathBuf {
    target_dir()
        .join("test-logs")
        .join(format!("{browser}.log"))
}

fn open_log(path: &std::path::Path) -> Result<File, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    File::create(path).map_err(|err| format!("cannot create {}: {err}", path.display()))
}
