//! Server-side rendering: the signals render `Connecting`, no messages and 0 queued, a
//! send is an error rather than a panic, and nothing touches a browser (natively there
//! is none: any call into JavaScript would panic this test).
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use browser_websocket_dioxus::{Json, use_websocket};
use dioxus::prelude::*;
use ui_test_harness::{assert_renders_connecting, sent_or_error};

#[component]
fn Chat() -> Element {
    let chat = use_websocket::<String, String, Json>("/room/lobby");
    let sent = sent_or_error(chat.send(&"hi".to_owned()));
    rsx! {
        main {
            p { id: "status", "{chat.status}" }
            p { id: "count", "{chat.messages.read().len()}" }
            p { id: "queued", "{chat.queued}" }
            p { id: "sent", "{sent}" }
        }
    }
}

fn render() -> String {
    let mut dom = VirtualDom::new(Chat);
    dom.rebuild_in_place();
    dioxus::ssr::render(&dom)
}

#[test]
fn the_server_renders_connecting_and_never_connects() {
    assert_renders_connecting(&render());
    // Dropping the page's virtual DOM (the request is done) runs no browser cleanup
    // either.
    assert_eq!(browser_websocket::live_listeners(), 0);
}

#[test]
fn a_server_render_on_another_thread_is_fine_too() {
    // Servers render on worker threads: each has its own virtual DOM.
    let html = std::thread::spawn(render).join().expect("rendered");
    assert!(html.contains("connecting"), "{html}");
}
