//! The browser engine the tests run in.

/// True in WebKit (Safari's engine): its user agent names Safari, not Chrome. Only for
/// the few tests that pin a WebKit difference the crate cannot make up for.
pub fn in_webkit() -> bool {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .expect("every browser global has a navigator");
    let agent = js_sys::Reflect::get(&navigator, &"userAgent".into())
        .ok()
        .and_then(|agent| agent.as_string())
        .unwrap_or_default();
    agent.contains("Safari") && !agent.contains("Chrome")
}
