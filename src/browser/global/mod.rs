//! Time and the global scope: every clock read, timer, random number, global property and
//! listener on the global object lives here.
//!
//! Everything is written for any global scope, a window or a worker: it goes through
//! `globalThis` (`js_sys::global()`), never `window`.

mod clock;
mod listener;
mod random;
mod scope;
mod timeout;
mod timer;

pub(crate) use clock::now_ms;
pub(crate) use listener::GlobalListener;
pub(crate) use random::random;
pub(crate) use scope::{base_url, is_online, property};
pub(crate) use timeout::TimeoutId;
pub(crate) use timer::{Countdown, Timer};
