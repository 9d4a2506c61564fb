//! The demo page of `browser-websocket`: one live connection, driven from Rust.
//!
//! Built for `wasm32-unknown-unknown` and served by `cargo xtask demo`. Natively it
//! compiles (so that workspace-wide clippy and tests cover it) but does nothing.
//!
//! | file | job |
//! |---|---|
//! | `app.rs` | the buttons' actions and their listeners |
//! | `session.rs` | the page's handle on the current connection, in either mode |
//! | `driver.rs` | the task that owns the connection: commands, events, bursts, ticks |
//! | `connection.rs` | plain mode: one split socket's events, commands and readouts |
//! | `reconnecting.rs` | the same for a `ReconnectingWebSocket`, its status stream included, and how the page builds one |
//! | `burst.rs` | 32 MiB through the socket's `Sink` |
//! | `tabs.rs` | the "One connection for every tab" panel: a `SharedSocket`, its role and tab count |
//! | `controls.rs` | the form fields and what their text means |
//! | `view.rs`, `status.rs`, `log.rs` | what the page shows |
//! | `describe.rs` | messages and close events as the log shows them |
//! | `counters.rs`, `outbox.rs`, `format.rs` | pure logic, tested natively |
//! | `dom.rs` | web-sys helpers |
//! | `listen.rs` | listeners that call their owner's methods, held weakly |
#![forbid(unsafe_code)]

mod app;
mod burst;
mod connection;
mod controls;
mod counters;
mod describe;
mod dom;
mod driver;
mod format;
mod listen;
mod log;
mod outbox;
mod reconnecting;
mod session;
mod status;
mod tabs;
mod view;

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The running page. Owned here, not leaked: its listeners live exactly as long as it.
    static PAGE: RefCell<Option<app::Page>> = const { RefCell::new(None) };
}

/// Runs when the module is instantiated: mounts the app on the page.
#[wasm_bindgen(start)]
pub fn start() {
    match app::mount() {
        Ok(page) => PAGE.with(|slot| *slot.borrow_mut() = Some(page)),
        Err(error) => show_startup_error(&error),
    }
}

/// Says on the page, not only in the console, why the demo could not start.
fn show_startup_error(error: &dom::PageError) {
    let Ok(document) = dom::document() else {
        return;
    };
    let text = format!("The demo could not start: {error}");
    if let Some(area) = document.get_element_by_id("error") {
        area.set_text_content(Some(&text));
        let _ = area.remove_attribute("hidden");
    } else if let Some(body) = document.body() {
        body.set_text_content(Some(&text));
    }
}
