//! The "One connection for every tab" panel: a `SharedSocket` to the test server's
//! `/counted/{name}`, its role, how many tabs share it, its status, and every message it
//! received. `?share=NAME` in the page's URL joins at once under that name (as the tabs
//! check does); the button joins under `demo`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use browser_websocket::{
    Message, ReconnectEvent, ReconnectHandle, ReconnectPolicy, Role, SharedSocket, WebSocket,
};
use futures_util::future::{select, Either};
use futures_util::StreamExt;
use gloo_events::EventListener;
use gloo_timers::future::TimeoutFuture;
use web_sys::{Document, Element, HtmlButtonElement, HtmlInputElement};

use crate::dom::{self, PageError};
use crate::listen::{on_click, on_submit};

/// How often the readouts are refreshed while shared (the role and the count change
/// without an event of their own).
const REFRESH_MS: u32 = 100;

/// The panel and its listeners; dropping it leaves the share.
pub struct TabsPanel {
    panel: Rc<Panel>,
    _listeners: Vec<EventListener>,
}

struct Panel {
    /// Itself, for the task that reads the share.
    me: Weak<Panel>,
    document: Document,
    section: Element,
    share: HtmlButtonElement,
    leave: HtmlButtonElement,
    role: Element,
    count: Element,
    status: Element,
    text: HtmlInputElement,
    messages: Element,
    /// The share of the moment.
    handle: RefCell<Option<ReconnectHandle>>,
}

/// Finds the panel's elements, wires its buttons, and joins if the URL says `?share=`.
pub fn mount(document: &Document) -> Result<TabsPanel, PageError> {
    let section: Element = dom::by_id(document, "tabs-panel")?;
    let share: HtmlButtonElement = dom::by_id(document, "tabs-share")?;
    let leave: HtmlButtonElement = dom::by_id(document, "tabs-leave")?;
    let role: Element = dom::by_id(document, "tabs-role")?;
    let count: Element = dom::by_id(document, "tabs-count")?;
    let status: Element = dom::by_id(document, "tabs-status")?;
    let text: HtmlInputElement = dom::by_id(document, "tabs-text")?;
    let messages: Element = dom::by_id(document, "tabs-messages")?;
    let panel = Rc::new_cyclic(|me| Panel {
        me: me.clone(),
        document: document.clone(),
        section,
        share,
        leave,
        role,
        count,
        status,
        text,
        messages,
        handle: RefCell::new(None),
    });
    let form: Element = dom::by_id(document, "tabs-form")?;
    let numbers: Element = dom::by_id(document, "tabs-numbers")?;
    let listeners = vec![
        on_click(&panel.share, &panel, |panel| panel.join("demo")),
        on_click(&panel.leave, &panel, Panel::leave),
        on_submit(&form, &panel, Panel::send_text),
        on_click(&numbers, &panel, Panel::send_numbers),
    ];
    if let Some(name) = shared_name(document) {
        panel.join(&name);
    }
    Ok(TabsPanel {
        panel,
        _listeners: listeners,
    })
}

/// The share of the moment, if any.
impl std::fmt::Debug for TabsPanel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TabsPanel")
            .field("handle", &self.panel.handle.borrow())
            .finish_non_exhaustive()
    }
}

impl Drop for TabsPanel {
    fn drop(&mut self) {
        self.panel.leave();
    }
}

impl Panel {
    fn join(&self, name: &str) {
        if self.handle.borrow().is_some() {
            return;
        }
        let joined = WebSocket::builder(format!("/counted/{name}"))
            .reconnecting(ReconnectPolicy::default())
            .shared_across_tabs(name)
            .connect();
        let socket = match joined {
            Ok(socket) => socket,
            Err(error) => return dom::set_text(&self.status, &error.to_string()),
        };
        self.handle.replace(Some(socket.handle()));
        self.share.set_disabled(true);
        self.leave.set_disabled(false);
        wasm_bindgen_futures::spawn_local(read(socket, self.me.clone()));
    }

    fn leave(&self) {
        if let Some(handle) = self.handle.take() {
            let _ = handle.close();
        }
        self.share.set_disabled(false);
        self.leave.set_disabled(true);
    }

    fn send_text(&self) {
        let text = self.text.value();
        if let Some(handle) = self.handle.borrow().as_ref() {
            let _ = handle.send(text);
        }
    }

    /// Sends "1" to "20", 10 ms apart: a stream a leader's close can fall into.
    fn send_numbers(&self) {
        let Some(handle) = self.handle.borrow().clone() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            for n in 1..=20 {
                let _ = handle.send(n.to_string());
                TimeoutFuture::new(10).await;
            }
        });
    }

    /// Shows the role, the tab count and the status of `handle`.
    fn refresh(&self, handle: &ReconnectHandle) {
        let role = match handle.role() {
            Role::Leader => "leader",
            Role::Follower => "follower",
        };
        dom::set_text(&self.role, role);
        let _ = self.section.set_attribute("data-role", role);
        dom::set_text(&self.count, &handle.tabs().to_string());
        dom::set_text(&self.status, &handle.status().to_string());
    }

    fn show_message(&self, message: &Message) {
        let text = match message {
            Message::Text(text) => text.clone(),
            other => format!("{other:?}"),
        };
        if let Some(item) = dom::element(&self.document, "li", "", &text) {
            let _ = self.messages.append_child(&item);
        }
    }

    fn show_left(&self) {
        dom::set_text(&self.role, "none");
        let _ = self.section.set_attribute("data-role", "none");
        dom::set_text(&self.count, "0");
        dom::set_text(&self.status, "not shared");
    }
}

/// Reads the share's events until it is left, refreshing the readouts as it goes.
async fn read(mut socket: SharedSocket, panel: Weak<Panel>) {
    let handle = socket.handle();
    loop {
        let event = match select(socket.next(), TimeoutFuture::new(REFRESH_MS)).await {
            Either::Left((None, _)) => break,
            Either::Left((Some(event), _)) => Some(event),
            Either::Right(_) => None,
        };
        let Some(panel) = panel.upgrade() else {
            return;
        };
        if let Some(ReconnectEvent::Message(message)) = &event {
            panel.show_message(message);
        }
        panel.refresh(&handle);
    }
    if let Some(panel) = panel.upgrade() {
        panel.show_left();
    }
}

/// The `share` parameter of the page's URL.
fn shared_name(document: &Document) -> Option<String> {
    let search = document.location()?.search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("share="))
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}
