//! Server-side rendering: the hook renders `Connecting` with no messages, a send is an
//! error rather than a panic, and nothing touches a browser (natively there is none: any
//! call into JavaScript would panic this test).
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use browser_websocket_yew::{Json, use_websocket};
use ui_test_harness::{assert_renders_connecting, sent_or_error};
use yew::prelude::*;

#[function_component]
fn Chat() -> Html {
    let chat = use_websocket::<String, String, Json>("/room/lobby");
    let sent = sent_or_error(chat.send(&"hi".to_owned()));
    html! {
        <main>
            <p id="status">{ chat.status().to_string() }</p>
            <p id="count">{ chat.messages().len() }</p>
            <p id="queued">{ chat.queued() }</p>
            <p id="sent">{ sent }</p>
        </main>
    }
}

/// Renders as `yew::ServerRenderer` does, hydratable or not.
async fn render(hydratable: bool) -> String {
    yew::LocalServerRenderer::<Chat>::new()
        .hydratable(hydratable)
        .render()
        .await
}

#[tokio::test(flavor = "current_thread")]
async fn the_server_renders_connecting_and_never_connects() {
    let html = render(false).await;
    assert_renders_connecting(&html);
}

#[tokio::test(flavor = "current_thread")]
async fn a_hydratable_render_shows_what_the_client_renders_first() {
    let html = render(true).await;
    assert!(html.contains("connecting"), "{html}");
    assert_eq!(browser_websocket::live_listeners(), 0);
}
