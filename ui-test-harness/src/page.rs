//! Where the tests mount their components.

use web_sys::wasm_bindgen::JsCast;

/// A fresh `<div>`, appended to the body, to mount into.
///
/// # Panics
/// Outside a page (no document or body), which a browser test never is.
pub fn root() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    // `create_element("div")` makes an `HTMLDivElement`.
    root.unchecked_into()
}
