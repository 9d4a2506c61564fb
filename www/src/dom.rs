//! Small helpers over web-sys: finding the page's elements and making new ones.

use std::fmt;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The page is not the one this code was built for: an element is missing or of another kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// No `window` or `document`: not running in a browser page.
    NoDocument,
    /// No element with this id.
    Missing(&'static str),
    /// The element with this id is not the expected kind (e.g. not an `<input>`).
    WrongKind(&'static str),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::NoDocument => f.write_str("the demo must run in a browser page"),
            PageError::Missing(id) => write!(f, "the page has no #{id} element"),
            PageError::WrongKind(id) => write!(f, "#{id} is not the kind of element expected"),
        }
    }
}

/// The page's document.
pub fn document() -> Result<Document, PageError> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or(PageError::NoDocument)
}

/// The element with `id`, as the web-sys type `T` (`HtmlInputElement`, ...).
pub fn by_id<T: JsCast>(document: &Document, id: &'static str) -> Result<T, PageError> {
    document
        .get_element_by_id(id)
        .ok_or(PageError::Missing(id))?
        .dyn_into::<T>()
        .map_err(|_| PageError::WrongKind(id))
}

/// A new `<tag class="class">text</tag>`, not yet in the page.
///
/// Creating an element only fails for an invalid tag name, which these are not; the
/// fallback keeps the page going rather than panicking.
pub fn element(document: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element.set_text_content(Some(text));
    Some(element)
}

/// Replaces an element's text.
pub fn set_text(element: &Element, text: &str) {
    element.set_text_content(Some(text));
}
