//! The event log: one timestamped line per event, newest at the bottom, capped.

use std::cell::Cell;

use web_sys::{Document, Element};

use crate::dom::{self, by_id, PageError};
use crate::format;

/// Lines kept; older ones are removed so that a flood cannot slow the page down.
pub const MAX_LINES: u32 = 500;

/// What a line is about; also its CSS class (`entry open`, ...), which the tests read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Open,
    Message,
    Sent,
    /// A send that a reconnecting socket queued while disconnected.
    Queued,
    Error,
    Closed,
    /// A reconnecting socket's next retry.
    Reconnecting,
    GaveUp,
    Info,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Open => "entry open",
            Kind::Message => "entry message",
            Kind::Sent => "entry sent",
            Kind::Queued => "entry queued",
            Kind::Error => "entry error",
            Kind::Closed => "entry closed",
            Kind::Reconnecting => "entry reconnecting",
            Kind::GaveUp => "entry gave-up",
            Kind::Info => "entry info",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Open => "Open",
            Kind::Message => "Message",
            Kind::Sent => "Sent",
            Kind::Queued => "Queued",
            Kind::Error => "Error",
            Kind::Closed => "Closed",
            Kind::Reconnecting => "Retry",
            Kind::GaveUp => "GaveUp",
            Kind::Info => "Info",
        }
    }
}

/// The `<ol id="log">` and what writes to it.
#[derive(Debug)]
pub struct Log {
    document: Document,
    list: Element,
    /// Numbers the lines (`data-seq`), so that a reader can tell new lines from old ones
    /// even after the oldest were removed.
    next_seq: Cell<u64>,
}

impl Log {
    pub fn find(document: &Document) -> Result<Log, PageError> {
        Ok(Log {
            document: document.clone(),
            list: by_id(document, "log")?,
            next_seq: Cell::new(1),
        })
    }

    /// Appends `time  Kind  detail`, scrolling along if the reader is at the bottom.
    pub fn add(&self, kind: Kind, detail: &str) {
        let Some(line) = self.line(kind, detail) else {
            return;
        };
        let list = &self.list;
        let at_bottom = self.is_at_bottom();
        if list.append_child(&line).is_err() {
            return;
        }
        while list.child_element_count() > MAX_LINES {
            match list.first_element_child() {
                Some(oldest) => oldest.remove(),
                None => break,
            }
        }
        if at_bottom {
            list.set_scroll_top(list.scroll_height());
        }
    }

    /// Runs `change` to the page's layout, and scrolls back to the bottom if the reader was
    /// there: a log that got shorter must keep following the newest line.
    pub fn keeping_bottom(&self, change: impl FnOnce()) {
        let at_bottom = self.is_at_bottom();
        change();
        if at_bottom {
            self.list.set_scroll_top(self.list.scroll_height());
        }
    }

    fn is_at_bottom(&self) -> bool {
        let list = &self.list;
        list.scroll_top() + list.client_height() >= list.scroll_height() - 24
    }

    pub fn clear(&self) {
        dom::set_text(&self.list, "");
    }

    fn line(&self, kind: Kind, detail: &str) -> Option<Element> {
        let line = dom::element(&self.document, "li", kind.class(), "")?;
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        line.set_attribute("data-seq", &seq.to_string()).ok()?;
        for part in [
            dom::element(&self.document, "time", "", &now())?,
            dom::element(&self.document, "span", "kind", kind.label())?,
            dom::element(&self.document, "span", "detail", detail)?,
        ] {
            line.append_child(&part).ok()?;
        }
        Some(line)
    }
}

fn now() -> String {
    let date = js_sys::Date::new_0();
    format::clock(
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        date.get_milliseconds(),
    )
}
