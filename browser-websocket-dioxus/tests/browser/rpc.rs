//! `use_rpc` in a browser, against the test server: a call `spawn`ed in the first render
//! waits for the connection, a new URL ends the calls on the old one and takes the next,
//! and an unmount closes the socket.

use std::cell::RefCell;

use browser_websocket::live_listeners;
use browser_websocket_dioxus::{JsonRpc, RpcError, UseRpc, use_rpc};
use dioxus::prelude::*;
use ui_test_harness::{self as harness, NO_REPLY, RPC_ECHO, url};

use wasm_bindgen_test::wasm_bindgen_test;

use super::{alone, launch};

/// What the caller's page reported.
#[derive(Default)]
struct Calls {
    /// Which path the caller has; `None` unmounts it.
    path: Option<Signal<Option<String>>>,
    /// The caller's handle, once mounted.
    rpc: Option<UseRpc<JsonRpc>>,
    /// How the call of the first render ended.
    first: Option<Result<String, RpcError>>,
}

thread_local! {
    static CALLS: RefCell<Calls> = RefCell::default();
}

fn calls<R>(look: impl FnOnce(&mut Calls) -> R) -> R {
    CALLS.with(|calls| look(&mut calls.borrow_mut()))
}

#[component]
fn CallerPage(first: String) -> Element {
    let path = use_signal(|| Some(first));
    use_hook(|| calls(|calls| calls.path = Some(path)));
    rsx! {
        if let Some(path) = path() {
            Caller { path }
        }
    }
}

/// Spawns `echo("first render")` in its first render, before any connection is open.
#[component]
fn Caller(path: String) -> Element {
    let rpc = use_rpc::<JsonRpc>(url(&path));
    use_hook(|| {
        calls(|calls| calls.rpc = Some(rpc));
        spawn(async move {
            let outcome = rpc.call::<String>("echo", &["first render"]).await;
            calls(|calls| calls.first = Some(outcome));
        });
    });
    rsx! { p { "calls" } }
}

/// Launches a page with the caller at `path`, and returns its handle once it rendered.
async fn mount(path: &str) -> UseRpc<JsonRpc> {
    calls(|calls| *calls = Calls::default());
    let props = CallerPageProps {
        first: path.to_owned(),
    };
    launch(VirtualDom::new_with_props(CallerPage, props));
    harness::until_some("the caller's first render", || calls(|calls| calls.rpc)).await
}

/// Shows the caller at `path`, or unmounts it with `None`, on the next render.
fn go_to(path: Option<&str>) {
    let mut signal = calls(|calls| calls.path).expect("mounted");
    signal.set(path.map(str::to_owned));
}

/// Waits (10 s at most) for the first render's call to end, and returns how.
async fn first_outcome() -> Result<String, RpcError> {
    harness::until_some("the first render's call", || {
        calls(|calls| calls.first.take())
    })
    .await
}

#[wasm_bindgen_test]
async fn a_call_in_the_first_render_waits_for_the_connection_and_an_unmount_lets_go() {
    let _turn = alone().await;
    let base = live_listeners();
    let rpc = mount(RPC_ECHO).await;
    assert_eq!(first_outcome().await, Ok("first render".to_owned()));
    let again = rpc.call::<String>("echo", &["from a handler"]).await;
    assert_eq!(again, Ok("from a handler".to_owned()));
    assert!(live_listeners() > base, "the calls' socket is open");
    go_to(None);
    let closed = || live_listeners() == base;
    harness::until("the unmount", closed, String::new).await;
    let after = rpc.call::<String>("echo", &["after the unmount"]).await;
    assert_eq!(after, Err(RpcError::NotConnected));
}

#[wasm_bindgen_test]
async fn a_new_url_ends_the_old_calls_closed_and_takes_the_next() {
    let _turn = alone().await;
    let base = live_listeners();
    let rpc = mount(NO_REPLY).await;
    let on_the_wire = || harness::one_call_on_the_wire(rpc.rpc());
    harness::until(
        "the first render's call on the wire",
        on_the_wire,
        String::new,
    )
    .await;
    go_to(Some(RPC_ECHO));
    assert_eq!(first_outcome().await, Err(RpcError::Closed));
    let next = rpc.call::<String>("echo", &["at the new URL"]).await;
    assert_eq!(next, Ok("at the new URL".to_owned()));
    go_to(None);
    harness::until("the unmount", || live_listeners() == base, String::new).await;
}
