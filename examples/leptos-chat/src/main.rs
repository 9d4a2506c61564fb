//! A chat client in Leptos over `browser-websocket`: one reconnecting socket per mounted
//! [`Chat`](chat::Chat), typed messages through the JSON codec, the room's members
//! fetched by a call, and a counter that shows the sockets' listeners go away when the
//! chat unmounts.
//!
//! Built for wasm32 and served by `cargo xtask example leptos` (or `trunk serve`), with the
//! test server's `/room/lobby` route the chat joins and `/room/lobby/rpc`, which a call
//! asks who is in the room. Natively it compiles (for
//! workspace-wide clippy and tests) but does nothing.
#![forbid(unsafe_code)]

mod chat;
#[path = "../../chat-shared/message.rs"]
mod message;

// The core crate, as the framework crate re-exports it, under the name `message.rs`
// (shared by the three chats) uses.
use browser_websocket_leptos::browser_websocket;

use std::time::Duration;

use browser_websocket_leptos::browser_websocket::live_listeners;

use leptos::prelude::*;

use chat::Chat;

/// The page: a header with Join/Leave, the chat while joined, and the listener count.
#[component]
fn App() -> impl IntoView {
    let (joined, set_joined) = signal(true);
    // One name for the page's life, so a re-join keeps it.
    let name = message::guest_name();
    let (share_href, share_label) = message::share_link();
    view! {
        <main id="app" class="app">
            <header class="masthead">
                <div>
                    <h1>"Leptos chat"</h1>
                    <p class="lede">
                        "Leptos 0.8 on browser-websocket-leptos: everyone on this page is in /room/lobby. Reconnecting, typed with serde."
                    </p>
                </div>
                <a id="share" class="share" href=share_href>{share_label}</a>
                <button id="join" class="secondary" on:click=move |_| set_joined.update(|joined| *joined = !*joined)>
                    {move || if joined.get() { "Leave" } else { "Join" }}
                </button>
            </header>
            <Show
                when=move || joined.get()
                fallback=|| view! {
                    <p id="left" class="left">"You left: the socket is closed and its listeners are gone."</p>
                }
            >
                <Chat name=name.clone() />
            </Show>
            <Listeners />
        </main>
    }
}

/// How many listeners the crate holds right now: 8 while the chat is open (4 for its
/// socket, 4 for the one its calls go over), 0 once it unmounted. Read every 250 ms; the interval is cleared with the component.
#[component]
fn Listeners() -> impl IntoView {
    let (live, set_live) = signal(live_listeners());
    let ticker = set_interval_with_handle(
        move || set_live.set(live_listeners()),
        Duration::from_millis(250),
    );
    if let Ok(ticker) = ticker {
        on_cleanup(move || ticker.clear());
    }
    view! {
        <footer class="footer">
            "Listeners held by browser-websocket: "
            <output id="listeners">{live}</output>
        </footer>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
