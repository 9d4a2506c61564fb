//! The page's actions, and the listeners that tie them to the buttons.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use browser_websocket::{CloseCode, Message, ReadyState, WebSocket};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};

use crate::burst::random_bytes;
use crate::controls::Controls;
use crate::dom::{self, PageError};
use crate::listen::{on_click, on_event, on_submit};
use crate::log::Kind;
use crate::reconnecting;
use crate::session::{Command, Session, Socket};
use crate::tabs::{self, TabsPanel};
use crate::view::View;

/// The running page: the app and the listeners that call it.
///
/// Dropping it removes every listener and drops the connection; `lib.rs` keeps it for
/// as long as the page lives.
#[derive(Debug)]
pub struct Page {
    _app: Rc<App>,
    _listeners: Vec<EventListener>,
    /// The "One connection for every tab" panel, on a connection of its own.
    _tabs: TabsPanel,
}

#[derive(Debug)]
pub struct App {
    controls: Controls,
    view: Rc<View>,
    /// The current connection; replacing it drops (and so closes) the old one.
    session: RefCell<Option<Session>>,
    /// `host:port` of the page, which is also the WebSocket server.
    host: String,
}

/// Finds the page's elements, fills in the defaults and attaches the listeners.
pub fn mount() -> Result<Page, PageError> {
    let document = dom::document()?;
    let controls = Controls::find(&document)?;
    let view = Rc::new(View::find(&document)?);
    let host = document
        .location()
        .and_then(|location| location.host().ok())
        .filter(|host| !host.is_empty())
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    // Relative: resolved against the page, as browsers take it since the 2023 change to
    // the WHATWG standard (the crate resolves it itself, for older ones).
    controls.url.set_value("/echo");
    view.status.show_state(ReadyState::Closed);
    view.status.show_buffered(0, 0);
    controls.show_reconnect_settings();

    let app = Rc::new(App {
        controls,
        view,
        session: RefCell::new(None),
        host,
    });
    let c = &app.controls;
    let listeners = vec![
        on_submit(&c.connect_form, &app, App::connect),
        on_click(&c.disconnect, &app, App::disconnect),
        on_event(&c.reconnect, "change", &app, App::toggle_reconnect),
        on_submit(&c.text_form, &app, App::send_text),
        on_click(&c.send_bytes, &app, App::send_bytes),
        on_click(&c.send_blob, &app, App::send_blob),
        on_click(&c.burst, &app, App::burst),
        on_submit(&c.close_form, &app, App::close),
        on_event(&c.binary_type, "change", &app, App::set_binary_type),
        on_click(&c.clear_log, &app, App::clear_log),
        on_route_click(&c.routes, &app),
    ];
    app.view
        .log
        .add(Kind::Info, "ready: pick a route or press Connect");
    let main: Element = dom::by_id(&document, "app")?;
    let tabs = tabs::mount(&document)?;
    let _ = main.set_attribute("data-ready", "true");
    Ok(Page {
        _app: app,
        _listeners: listeners,
        _tabs: tabs,
    })
}

impl App {
    fn connect(&self) {
        self.view.clear_error();
        let url = self.controls.url.value();
        let protocols = self.controls.protocols();
        let binary_type = self.controls.binary_type();
        let reconnect = self.controls.reconnect_options();
        let builder = WebSocket::builder(url.as_str())
            .protocols(protocols.iter().cloned())
            .binary_type(binary_type);
        let connected = match reconnect {
            None => builder.connect().map(Socket::Plain),
            Some(options) => reconnecting::connect(builder, options)
                .map(|ws| Socket::Reconnecting(Box::new(ws), options.queue)),
        };
        let socket = match connected {
            Ok(socket) => socket,
            // A failed connect changes nothing: the current connection, if any, stays.
            Err(error) => return self.view.report("Connect failed", &error),
        };
        if let Some(old) = self.session.borrow_mut().take() {
            if let Some(note) = old.drop_note() {
                self.view.log.add(Kind::Info, note);
            }
        }
        self.view.show_reconnect_line(reconnect.is_some());
        let offered = if protocols.is_empty() {
            String::new()
        } else {
            format!(", offering {}", protocols.join(", "))
        };
        self.view.log.add(
            Kind::Info,
            &format!(
                "connecting to {url}{offered} (binaryType {})",
                binary_type.as_str()
            ),
        );
        if let Some(options) = reconnect {
            let text = reconnecting::describe_options(options);
            self.view.log.add(Kind::Info, &text);
        }
        *self.session.borrow_mut() = Some(Session::start(socket, Rc::clone(&self.view)));
    }

    /// Takes effect at the next Connect; shows or hides the reconnect settings now.
    fn toggle_reconnect(&self) {
        self.controls.show_reconnect_settings();
    }

    fn disconnect(&self) {
        self.command("Disconnect failed", Command::Disconnect);
    }

    fn send_text(&self) {
        let text = self.controls.text.value();
        self.command("Send failed", Command::Send(Message::Text(text)));
    }

    fn send_bytes(&self) {
        match self.controls.byte_count() {
            Ok(count) => self.command(
                "Send failed",
                Command::Send(Message::Binary(random_bytes(count))),
            ),
            Err(error) => self.fail("Send failed", &error),
        }
    }

    fn send_blob(&self) {
        let count = match self.controls.byte_count() {
            Ok(count) => count,
            Err(error) => return self.fail("Send failed", &error),
        };
        let bytes = js_sys::Uint8Array::from(random_bytes(count).as_slice());
        match web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)) {
            Ok(blob) => self.command("Send failed", Command::Send(Message::Blob(blob))),
            Err(_) => self.fail("Send failed", &"the browser could not make the Blob"),
        }
    }

    fn burst(&self) {
        self.command("Burst refused", Command::Burst);
    }

    fn close(&self) {
        let code = match self.controls.close_code() {
            Ok(None) => CloseCode::NORMAL,
            Ok(Some(number)) => match CloseCode::new(number) {
                Ok(code) => code,
                Err(error) => return self.fail("Close failed", &error),
            },
            Err(error) => return self.fail("Close failed", &error),
        };
        let reason = self.controls.close_reason.value();
        self.command("Close failed", Command::Close { code, reason });
    }

    fn set_binary_type(&self) {
        let binary_type = self.controls.binary_type();
        match self.session.borrow().as_ref() {
            Some(session) => session.send(Command::SetBinaryType(binary_type)),
            None => self.view.log.add(
                Kind::Info,
                &format!(
                    "binaryType {} applies from the next Connect",
                    binary_type.as_str()
                ),
            ),
        }
    }

    fn clear_log(&self) {
        self.view.log.clear();
    }

    fn pick_route(&self, path: &str) {
        self.controls
            .url
            .set_value(&format!("ws://{}{path}", self.host));
        let _ = self.controls.url.focus();
    }

    /// Hands `command` to the connection's task, which reports its outcome.
    fn command(&self, what: &str, command: Command) {
        self.view.clear_error();
        match self.session.borrow().as_ref() {
            Some(session) => session.send(command),
            None => self
                .view
                .report(what, &"not connected: press Connect first"),
        }
    }

    fn fail(&self, what: &str, error: &dyn std::fmt::Display) {
        self.view.clear_error();
        self.view.report(what, error);
    }
}

/// One listener for all the route buttons: each carries its path in `data-path`.
fn on_route_click(routes: &EventTarget, app: &Rc<App>) -> EventListener {
    let app: Weak<App> = Rc::downgrade(app);
    EventListener::new(routes, "click", move |event| {
        let path = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("[data-path]").ok().flatten())
            .and_then(|button| button.get_attribute("data-path"));
        if let (Some(path), Some(app)) = (path, app.upgrade()) {
            app.pick_route(&path);
        }
    })
}
