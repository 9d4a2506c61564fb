//! `use_rpc` in a browser, against the test server: a call made in the component's body
//! waits for the connection, a new URL ends the calls on the old one and takes the next,
//! and the owner's cleanup closes the socket at once.

use std::cell::RefCell;

use browser_websocket::live_listeners;
use browser_websocket_leptos::{JsonRpc, RpcError, UseRpc, use_rpc};
use leptos::prelude::*;
use ui_test_harness::{self as harness, NO_REPLY, RPC_ECHO, root, url};
use wasm_bindgen_test::wasm_bindgen_test;

use super::alone;

thread_local! {
    /// The caller's handle, once mounted.
    static RPC: RefCell<Option<UseRpc<JsonRpc>>> = const { RefCell::new(None) };
    /// How the call the caller made in its body ended.
    static FIRST: RefCell<Option<Result<String, RpcError>>> = const { RefCell::new(None) };
}

/// Calls `echo("in the body")` as it is created, before any connection is open.
#[component]
fn Caller(url: Signal<String>) -> impl IntoView {
    let rpc = use_rpc::<JsonRpc>(url);
    RPC.with(|slot| *slot.borrow_mut() = Some(rpc));
    let call = rpc.call::<String>("echo", &["in the body"]);
    leptos::task::spawn_local(async move {
        let outcome = call.await;
        FIRST.with(|first| *first.borrow_mut() = Some(outcome));
    });
    view! { <p>"calls"</p> }
}

fn mount(
    url: Signal<String>,
) -> (
    UseRpc<JsonRpc>,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    FIRST.with(|first| first.borrow_mut().take());
    let app = leptos::mount::mount_to(root(), move || view! { <Caller url /> });
    let rpc = RPC.with(|slot| slot.borrow_mut().take()).expect("mounted");
    (rpc, app)
}

/// Waits (10 s at most) for the body's call to end, and returns how.
async fn first_outcome() -> Result<String, RpcError> {
    harness::until_some("the body's call", || {
        FIRST.with(|first| first.borrow_mut().take())
    })
    .await
}

#[wasm_bindgen_test]
async fn a_call_in_the_body_waits_for_the_connection_and_cleanup_lets_go() {
    let _alone = alone().await;
    let base = live_listeners();
    let (rpc, app) = mount(Signal::stored(url(RPC_ECHO)));
    assert_eq!(first_outcome().await, Ok("in the body".to_owned()));
    let again = rpc.call::<String>("echo", &["from an action"]).await;
    assert_eq!(again, Ok("from an action".to_owned()));
    assert!(live_listeners() > base, "the calls' socket is open");
    drop(app);
    assert_eq!(live_listeners(), base, "cleanup closes the socket at once");
    let after = rpc.call::<String>("echo", &["after cleanup"]).await;
    assert_eq!(after, Err(RpcError::NotConnected));
}

#[wasm_bindgen_test]
async fn a_new_url_ends_the_old_calls_closed_and_takes_the_next() {
    let _alone = alone().await;
    let base = live_listeners();
    let url_signal = RwSignal::new(url(NO_REPLY));
    let (rpc, app) = mount(url_signal.into());
    let on_the_wire = || harness::one_call_on_the_wire(rpc.rpc());
    harness::until("the body's call on the wire", on_the_wire, String::new).await;
    url_signal.set(url(RPC_ECHO));
    assert_eq!(first_outcome().await, Err(RpcError::Closed));
    let next = rpc.call::<String>("echo", &["at the new URL"]).await;
    assert_eq!(next, Ok("at the new URL".to_owned()));
    drop(app);
    assert_eq!(live_listeners(), base);
}
