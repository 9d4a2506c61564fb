//! A chat client in Dioxus over `browser-websocket`: one reconnecting socket per mounted
//! [`Chat`](chat::Chat), typed messages through the JSON codec, the room's members
//! fetched by a call, and a counter that shows the sockets' listeners go away when the
//! chat unmounts.
//!
//! Built for wasm32 and served by `cargo xtask example dioxus` (or `trunk serve`), with the
//! test server's `/room/lobby` route the chat joins and `/room/lobby/rpc`, which a call
//! asks who is in the room. Natively it compiles (for workspace-wide clippy and tests)
//! but does nothing.
#![forbid(unsafe_code)]

mod chat;
#[path = "../../chat-shared/message.rs"]
mod message;

// The core crate, as the framework crate re-exports it, under the name `message.rs`
// (shared by the three chats) uses.
use browser_websocket_dioxus::browser_websocket;

use browser_websocket_dioxus::browser_websocket::live_listeners;
use dioxus::prelude::*;

use chat::Chat;

/// The page: a header with Join/Leave, the chat while joined, and the listener count.
#[component]
fn App() -> Element {
    let mut joined = use_signal(|| true);
    // One name for the page's life, so a re-join keeps it.
    let name = use_hook(message::guest_name);
    let (share_href, share_label) = message::share_link();
    rsx! {
        main { id: "app", class: "app",
            header { class: "masthead",
                div {
                    h1 { "Dioxus chat" }
                    p { class: "lede",
                        "Dioxus 0.7 on browser-websocket-dioxus: everyone on this page is in /room/lobby. Reconnecting, typed with serde."
                    }
                }
                a { id: "share", class: "share", href: share_href, "{share_label}" }
                button { id: "join", class: "secondary", onclick: move |_| joined.toggle(),
                    if joined() { "Leave" } else { "Join" }
                }
            }
            if joined() {
                Chat { name: name.clone() }
            } else {
                p { id: "left", class: "left", "You left: the socket is closed and its listeners are gone." }
            }
            Listeners {}
        }
    }
}

/// How many listeners the crate holds right now: 8 while the chat is open (4 for its
/// socket, 4 for the one its calls go over), 0 once it unmounted. Read every 250 ms by a
/// task that ends with the component.
#[component]
fn Listeners() -> Element {
    let mut live = use_signal(live_listeners);
    use_future(move || async move {
        loop {
            gloo_timers::future::TimeoutFuture::new(250).await;
            live.set(live_listeners());
        }
    });
    rsx! {
        footer { class: "footer",
            "Listeners held by browser-websocket: "
            output { id: "listeners", "{live}" }
        }
    }
}

fn main() {
    // Into `<div id="main">` of index.html.
    dioxus::web::launch::launch_cfg(App, dioxus::web::Config::new());
}
