//! Server-side rendering: the signals render `Connecting`, no messages and 0 queued, a
//! send is an error rather than a panic, and nothing touches a browser (natively there
//! is none: any call into JavaScript would panic this test).
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use browser_websocket_leptos::{Json, use_websocket};
use leptos::prelude::*;
use ui_test_harness::{assert_renders_connecting, sent_or_error};

#[component]
fn Chat() -> impl IntoView {
    let chat = use_websocket::<String, String, Json>("/room/lobby");
    let sent = sent_or_error(chat.send(&"hi".to_owned()));
    view! {
        <main>
            <p id="status">{move || chat.status.get().to_string()}</p>
            <p id="count">{move || chat.messages.with(Vec::len)}</p>
            <p id="queued">{chat.queued}</p>
            <p id="sent">{sent}</p>
        </main>
    }
}

#[test]
fn the_server_renders_connecting_and_never_connects() {
    let owner = Owner::new();
    let html = owner.with(|| view! { <Chat /> }.to_html());
    assert_renders_connecting(&html);
    // Disposing the owner (the request is done) runs no browser cleanup either.
    drop(owner);
    assert_eq!(browser_websocket::live_listeners(), 0);
}

#[test]
fn a_server_render_on_another_thread_is_fine_too() {
    // Servers render on worker threads: nothing here is thread-local storage.
    let html = std::thread::spawn(|| Owner::new().with(|| view! { <Chat /> }.to_html()))
        .join()
        .expect("rendered");
    assert!(html.contains("connecting"), "{html}");
}
