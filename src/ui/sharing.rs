//! [`Sharing`]: who holds a UI's connection, and how many tabs use it.

use crate::reconnect::ReconnectHandle;
use crate::role::Role;

/// Which tab holds a UI's connection and how many tabs use it: for a connection
/// [shared across tabs](super::FeedOptions::shared_across_tabs), what the UI shows
/// beside the status; `Leader` of 1 for a connection of the tab's own.
///
/// ```
/// use browser_websocket::Role;
/// use browser_websocket::ui::Sharing;
///
/// let own = Sharing::default();
/// assert_eq!((own.role, own.tabs), (Role::Leader, 1));
/// assert_eq!(Sharing { role: Role::Follower, tabs: 3 }.to_string(), "another tab holds it for 3 tabs");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sharing {
    /// Whether this tab holds the connection.
    pub role: Role,
    /// How many tabs use it, this one included.
    pub tabs: usize,
}

impl Sharing {
    /// What `handle` says now.
    ///
    /// ```no_run
    /// # fn run(handle: &browser_websocket::ReconnectHandle) {
    /// let sharing = browser_websocket::ui::Sharing::of(handle);
    /// # }
    /// ```
    pub fn of(handle: &ReconnectHandle) -> Sharing {
        Sharing {
            role: handle.role(),
            tabs: handle.tabs(),
        }
    }
}

/// A connection of this tab's own: it holds it, alone.
impl Default for Sharing {
    fn default() -> Sharing {
        Sharing {
            role: Role::Leader,
            tabs: 1,
        }
    }
}

/// Short English for a status line: "this tab holds it, alone", "this tab holds it for 2
/// tabs", "another tab holds it for 3 tabs".
impl std::fmt::Display for Sharing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.role, self.tabs) {
            (Role::Leader, 0 | 1) => f.write_str("this tab holds it, alone"),
            (Role::Leader, tabs) => write!(f, "this tab holds it for {tabs} tabs"),
            (Role::Follower, tabs) => write!(f, "another tab holds it for {tabs} tabs"),
        }
    }
}
