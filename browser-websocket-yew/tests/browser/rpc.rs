//! `use_rpc` in a browser, against the test server: a `call_then` from the mount effect
//! waits for the connection, a new URL ends the calls on the old one and takes the next,
//! and an unmount closes the socket at once.

use std::cell::RefCell;

use browser_websocket::live_listeners;
use browser_websocket_yew::{JsonRpc, RpcError, UseRpc, use_rpc};
use ui_test_harness::{self as harness, NO_REPLY, RPC_ECHO, root, sleep, url};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use super::alone;

thread_local! {
    /// The caller's handle, from its last render.
    static RPC: RefCell<Option<UseRpc<JsonRpc>>> = const { RefCell::new(None) };
    /// How the call the caller made on mount ended.
    static FIRST: RefCell<Option<Result<String, RpcError>>> = const { RefCell::new(None) };
}

#[derive(Properties, PartialEq)]
struct CallerProps {
    path: AttrValue,
}

/// Calls `echo("on mount")` with `call_then` from its mount effect, which runs right
/// after the hook's own (the connection is not open yet).
#[function_component]
fn Caller(props: &CallerProps) -> Html {
    let rpc = use_rpc::<JsonRpc>(&url(&props.path));
    RPC.with(|slot| *slot.borrow_mut() = Some(rpc.clone()));
    use_effect_with((), move |()| {
        rpc.call_then("echo", &["on mount"], |outcome| {
            FIRST.with(|first| *first.borrow_mut() = Some(outcome));
        });
    });
    html! { <p>{ "calls" }</p> }
}

/// Mounts the caller at `path`, and returns its handle once it rendered.
async fn mount(path: &str) -> (UseRpc<JsonRpc>, yew::AppHandle<Caller>) {
    FIRST.with(|first| first.borrow_mut().take());
    RPC.with(|slot| slot.borrow_mut().take());
    let props = CallerProps {
        path: AttrValue::from(path.to_owned()),
    };
    let app = yew::Renderer::<Caller>::with_root_and_props(root().into(), props).render();
    let rendered = || RPC.with(|slot| slot.borrow().clone());
    let rpc = harness::until_some("the caller's first render", rendered).await;
    (rpc, app)
}

/// Waits (10 s at most) for the mount's call to end, and returns how.
async fn first_outcome() -> Result<String, RpcError> {
    harness::until_some("the mount's call", || {
        FIRST.with(|first| first.borrow_mut().take())
    })
    .await
}

#[wasm_bindgen_test]
async fn a_call_on_mount_waits_for_the_connection_and_an_unmount_lets_go() {
    let _alone = alone().await;
    let base = live_listeners();
    let (rpc, app) = mount(RPC_ECHO).await;
    assert_eq!(first_outcome().await, Ok("on mount".to_owned()));
    let again = rpc.call::<String>("echo", &["from a callback"]).await;
    assert_eq!(again, Ok("from a callback".to_owned()));
    assert!(live_listeners() > base, "the calls' socket is open");
    app.destroy();
    // Yew runs the destroy on its next scheduler pass.
    sleep(0).await;
    assert_eq!(live_listeners(), base, "the unmount closes the socket");
    let after = rpc.call::<String>("echo", &["after the unmount"]).await;
    assert_eq!(after, Err(RpcError::NotConnected));
}

#[wasm_bindgen_test]
async fn a_new_url_ends_the_old_calls_closed_and_takes_the_next() {
    let _alone = alone().await;
    let base = live_listeners();
    let (rpc, mut app) = mount(NO_REPLY).await;
    let on_the_wire = || harness::one_call_on_the_wire(rpc.rpc());
    harness::until("the mount's call on the wire", on_the_wire, String::new).await;
    app.update(CallerProps {
        path: AttrValue::from(RPC_ECHO),
    });
    assert_eq!(first_outcome().await, Err(RpcError::Closed));
    // Every clone of the handle calls on the connection of the moment.
    let next = rpc.call::<String>("echo", &["at the new URL"]).await;
    assert_eq!(next, Ok("at the new URL".to_owned()));
    app.destroy();
    sleep(0).await;
    assert_eq!(live_listeners(), base);
}
