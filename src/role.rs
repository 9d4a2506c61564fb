//! [`Role`]: whether this tab holds the connection it uses.

/// Whether this tab holds the connection: always [`Leader`](Role::Leader) for a socket of
/// its own, either for one shared across tabs
/// ([`shared_across_tabs`](crate::ReconnectingBuilder::shared_across_tabs)).
///
/// ```no_run
/// # fn run(chat: &browser_websocket::ReconnectHandle) {
/// use browser_websocket::Role;
///
/// match chat.role() {
///     Role::Leader => println!("this tab holds the connection"),
///     Role::Follower => println!("another tab holds it; this one hears every message"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// It holds the lock and the connection; the other tabs' sends go out through it.
    Leader,
    /// Another tab holds the connection; this one hears every message through it.
    Follower,
}
