//! How far a `/flood` with `?id=` has got, for backpressure tests: a browser test reads
//! it while the flood runs, through `/progress/{id}`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Shared `id -> messages handed to the connection so far`; cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    sent: Arc<Mutex<HashMap<String, u64>>>,
}

impl Progress {
    /// Records that `sent` messages have been handed to the connection `id`.
    pub fn set(&self, id: &str, sent: u64) {
        let mut map = self
            .sent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.insert(id.to_owned(), sent);
    }

    /// How many messages the connection `id` has been handed; 0 if it is unknown.
    pub fn get(&self, id: &str) -> u64 {
        let map = self
            .sent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.get(id).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_per_id_and_starts_at_zero() {
        let progress = Progress::default();
        assert_eq!(progress.get("a"), 0);
        progress.set("a", 3);
        progress.set("b", 1);
        assert_eq!(progress.get("a"), 3);
        assert_eq!(progress.get("b"), 1);
    }
}
