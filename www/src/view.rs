//! Everything the page shows, shared by the buttons and the connection's task.

use std::fmt::Display;

use web_sys::{Document, HtmlElement};

use crate::dom::{by_id, set_text, PageError};
use crate::log::{Kind, Log};
use crate::status::Status;

#[derive(Debug)]
pub struct View {
    pub log: Log,
    pub status: Status,
    error: HtmlElement,
}

impl View {
    pub fn find(document: &Document) -> Result<View, PageError> {
        Ok(View {
            log: Log::find(document)?,
            status: Status::find(document)?,
            error: by_id(document, "error")?,
        })
    }

    /// Shows an error in the error area and the log: `what` failed, and why.
    ///
    /// For the crate's errors the "why" is their `Display` text, word for word.
    pub fn report(&self, what: &str, error: &dyn Display) {
        let text = format!("{what}: {error}");
        // The error area pushes the log down and shortens it.
        self.log.keeping_bottom(|| {
            set_text(&self.error, &text);
            self.error.set_hidden(false);
        });
        self.log.add(Kind::Error, &text);
    }

    /// Shows the Reconnect line for a reconnecting socket, hides it for a plain one; the
    /// log, which it shortens, keeps following the newest line.
    pub fn show_reconnect_line(&self, shown: bool) {
        self.log
            .keeping_bottom(|| self.status.set_reconnect_shown(shown));
    }

    /// Empties the error area; each new action starts with a clean slate.
    pub fn clear_error(&self) {
        self.log.keeping_bottom(|| {
            set_text(&self.error, "");
            self.error.set_hidden(true);
        });
    }
}
