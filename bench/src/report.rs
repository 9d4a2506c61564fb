//! The lines `cargo xtask bench` reads from the test runner's output: `BENCH ` and a flat
//! JSON object, one per measurement or skipped implementation, written to the console (which `--nocapture` sends to
//! the runner's stdout).

use crate::Impl;

/// Starts every machine-readable line.
pub const PREFIX: &str = "BENCH ";

/// What ran: the browser's user agent, the rounds and the scale.
pub fn meta(user_agent: &str, rounds: u32, scale: &str) {
    log(&format!(
        "{PREFIX}{{\"kind\":\"meta\",\"user_agent\":{},\"rounds\":{rounds},\"scale\":{}}}",
        json_string(user_agent),
        json_string(scale)
    ));
}

/// One timed run of one workload by one implementation.
pub fn measurement(round: u32, implementation: Impl, workload: &str, ms: f64) {
    log(&format!(
        "{PREFIX}{{\"kind\":\"time\",\"round\":{round},\"impl\":{},\"workload\":{},\"ms\":{ms:.3}}}",
        json_string(implementation.name()),
        json_string(workload)
    ));
}

/// An implementation this browser cannot run, and why: the table says so.
pub fn skipped(implementation: Impl, why: &str) {
    log(&format!(
        "{PREFIX}{{\"kind\":\"skip\",\"impl\":{},\"reason\":{}}}",
        json_string(implementation.name()),
        json_string(why)
    ));
}

/// A line for people watching the run; xtask passes it through.
pub fn progress(text: &str) {
    log(&format!("bench: {text}"));
}

fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
