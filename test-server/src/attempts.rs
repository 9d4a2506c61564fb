//! Counts handshake attempts per key, for `/refuse/{key}/{k}`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Shared `key -> attempts so far`; cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct Attempts {
    counts: Arc<Mutex<HashMap<String, u32>>>,
}

impl Attempts {
    /// Counts one more attempt for `key` and returns its number, starting at 1.
    pub fn next(&self, key: &str) -> u32 {
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = counts.entry(key.to_owned()).or_insert(0);
        *count += 1;
        *count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_count_per_key_from_one() {
        let attempts = Attempts::default();
        assert_eq!(attempts.next("a"), 1);
        assert_eq!(attempts.next("a"), 2);
        assert_eq!(attempts.next("b"), 1);
    }
}
