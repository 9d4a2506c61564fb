//! A chat client in Yew over `browser-websocket`: one reconnecting socket per mounted
//! [`Chat`](chat::Chat), typed messages through the JSON codec, the room's members
//! fetched by a call, and a counter that shows the sockets' listeners go away when the
//! chat unmounts.
//!
//! Built for wasm32 and served by `cargo xtask example yew` (or `trunk serve`), with the
//! test server's `/room/lobby` route the chat joins and `/room/lobby/rpc`, which a call
//! asks who is in the room. Natively it compiles (for
//! workspace-wide clippy and tests) but does nothing.
#![forbid(unsafe_code)]

mod chat;
#[path = "../../chat-shared/message.rs"]
mod message;

// The core crate, as the framework crate re-exports it, under the name `message.rs`
// (shared by the three chats) uses.
use browser_websocket_yew::browser_websocket;

use browser_websocket_yew::browser_websocket::live_listeners;
use gloo_timers::callback::Interval;
use yew::prelude::*;

use chat::Chat;

/// The page: a header with Join/Leave, the chat while joined, and the listener count.
#[function_component]
fn App() -> Html {
    let joined = use_state(|| true);
    // One name for the page's life, so a re-join keeps it.
    let name = use_memo((), |()| message::guest_name());
    let (share_href, share_label) = message::share_link();
    let toggle = {
        let joined = joined.clone();
        Callback::from(move |_: MouseEvent| joined.set(!*joined))
    };
    html! {
        <main id="app" class="app">
            <header class="masthead">
                <div>
                    <h1>{ "Yew chat" }</h1>
                    <p class="lede">
                        { "Yew 0.23 on browser-websocket-yew: everyone on this page is in /room/lobby. Reconnecting, typed with serde." }
                    </p>
                </div>
                <a id="share" class="share" href={share_href}>{ share_label }</a>
                <button id="join" class="secondary" onclick={toggle}>
                    { if *joined { "Leave" } else { "Join" } }
                </button>
            </header>
            if *joined {
                <Chat name={AttrValue::from((*name).clone())} />
            } else {
                <p id="left" class="left">{ "You left: the socket is closed and its listeners are gone." }</p>
            }
            <Listeners />
        </main>
    }
}

/// How many listeners the crate holds right now: 8 while the chat is open (4 for its
/// socket, 4 for the one its calls go over), 0 once it unmounted. Read every 250 ms; the interval is dropped with the component.
#[function_component]
fn Listeners() -> Html {
    let live = use_state_eq(live_listeners);
    {
        let set_live = live.setter();
        use_effect_with((), move |()| {
            let interval = Interval::new(250, move || {
                set_live.set(live_listeners());
            });
            move || drop(interval)
        });
    }
    html! {
        <footer class="footer">
            { "Listeners held by browser-websocket: " }
            <output id="listeners">{ *live }</output>
        </footer>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
