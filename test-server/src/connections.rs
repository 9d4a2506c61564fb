//! Counts the connections open and ever opened per key, and keeps the text messages they
//! received, for `/counted/{key}`: how the tests of a connection shared by several tabs
//! see that only one is open, and that every send arrived.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Shared `key -> counts`; cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct Connections {
    counts: Arc<Mutex<HashMap<String, Counts>>>,
    received: Arc<Mutex<HashMap<String, Vec<String>>>>,
}

/// One key's connections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Open now.
    pub open: u32,
    /// Opened since the server started, the open ones included.
    pub opened: u32,
}

/// One open connection: counted until it is dropped.
#[derive(Debug)]
pub struct Counted {
    connections: Connections,
    key: String,
}

impl Connections {
    /// Counts a connection for `key` as open until the returned guard is dropped.
    pub fn open(&self, key: &str) -> Counted {
        self.update(key, |counts| {
            counts.open += 1;
            counts.opened += 1;
        });
        Counted {
            connections: self.clone(),
            key: key.to_owned(),
        }
    }

    /// `key`'s counts now (zeros for a key never used).
    pub fn counts(&self, key: &str) -> Counts {
        let mut now = Counts::default();
        self.update(key, |counts| now = *counts);
        now
    }

    /// Keeps `text`, received on a connection of `key`.
    pub fn record(&self, key: &str, text: &str) {
        let mut all = self
            .received
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        all.entry(key.to_owned()).or_default().push(text.to_owned());
    }

    /// The text messages `key`'s connections received, in arrival order.
    pub fn received(&self, key: &str) -> Vec<String> {
        let all = self
            .received
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        all.get(key).cloned().unwrap_or_default()
    }

    fn update(&self, key: &str, change: impl FnOnce(&mut Counts)) {
        let mut all = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        change(all.entry(key.to_owned()).or_default());
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.connections.update(&self.key, |counts| {
            counts.open = counts.open.saturating_sub(1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_counts_as_open_until_its_guard_drops() {
        let connections = Connections::default();
        let first = connections.open("tabs");
        let second = connections.open("tabs");
        assert_eq!(connections.counts("tabs"), Counts { open: 2, opened: 2 });
        drop(first);
        assert_eq!(connections.counts("tabs"), Counts { open: 1, opened: 2 });
        drop(second);
        assert_eq!(connections.counts("tabs"), Counts { open: 0, opened: 2 });
        assert_eq!(connections.counts("other"), Counts::default());
    }

    #[test]
    fn texts_are_kept_per_key_in_arrival_order() {
        let connections = Connections::default();
        connections.record("tabs", "1");
        connections.record("other", "x");
        connections.record("tabs", "2");
        assert_eq!(connections.received("tabs"), ["1", "2"]);
        assert_eq!(connections.received("none"), Vec::<String>::new());
    }
}
