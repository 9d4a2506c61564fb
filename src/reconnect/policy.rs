//! When and how soon to reconnect: exponential backoff with full jitter.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::close::{CloseCode, CloseEvent};

/// How a [`ReconnectingWebSocket`](crate::ReconnectingWebSocket) retries.
///
/// After the n-th failure in a row it waits a random delay between zero and
/// `min(max_delay, initial_delay × factor^(n-1))` ("full jitter", so a thousand clients
/// dropped by one server restart do not come back at the same instant). The count starts
/// again once a connection has stayed open for [`stable_after`](Self::stable_after).
///
/// ```
/// use std::time::Duration;
/// use browser_websocket::ReconnectPolicy;
///
/// let policy = ReconnectPolicy::default()
///     .initial_delay(Duration::from_millis(250))
///     .max_delay(Duration::from_secs(10))
///     .max_attempts(Some(20));
/// assert_eq!(policy.delay_ceiling(1), Duration::from_millis(250));
/// assert_eq!(policy.delay_ceiling(3), Duration::from_secs(1));
/// assert_eq!(policy.delay_ceiling(30), Duration::from_secs(10));
/// ```
///
/// # Defaults
/// Initial delay 1 s, factor 2, max delay 30 s, unlimited attempts, stable after 5 s, and
/// [`ReconnectPolicy::retries_by_default`] to decide which closes are worth a retry.
#[derive(Clone)]
pub struct ReconnectPolicy {
    initial_delay: Duration,
    factor: f64,
    max_delay: Duration,
    max_attempts: Option<u32>,
    stable_after: Duration,
    retry_when: Arc<dyn Fn(&CloseEvent) -> bool>,
    /// Your source of randomness, if set; otherwise the socket draws from `Math.random`.
    random: Option<Arc<dyn Fn() -> f64>>,
}

impl ReconnectPolicy {
    /// The delay ceiling for the first retry; 1 s unless set.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default().initial_delay(Duration::from_millis(100));
    /// assert_eq!(policy.delay_ceiling(1), Duration::from_millis(100));
    /// ```
    pub fn initial_delay(mut self, delay: Duration) -> ReconnectPolicy {
        self.initial_delay = delay;
        self
    }

    /// How much the ceiling grows per failure in a row; 2 unless set. Values below 1 count
    /// as 1.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default().factor(3.0);
    /// assert_eq!(policy.delay_ceiling(2), Duration::from_secs(3));
    /// ```
    pub fn factor(mut self, factor: f64) -> ReconnectPolicy {
        self.factor = if factor.is_finite() {
            factor.max(1.0)
        } else {
            1.0
        };
        self
    }

    /// The largest ceiling; 30 s unless set.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default().max_delay(Duration::from_secs(5));
    /// assert_eq!(policy.delay_ceiling(10), Duration::from_secs(5));
    /// ```
    pub fn max_delay(mut self, delay: Duration) -> ReconnectPolicy {
        self.max_delay = delay;
        self
    }

    /// How many retries in a row before giving up; `None` (the default) never gives up.
    ///
    /// ```
    /// let policy = browser_websocket::ReconnectPolicy::default().max_attempts(Some(5));
    /// assert!(policy.allows_attempt(5));
    /// assert!(!policy.allows_attempt(6));
    /// ```
    pub fn max_attempts(mut self, attempts: Option<u32>) -> ReconnectPolicy {
        self.max_attempts = attempts;
        self
    }

    /// How long a connection must stay open for the failure count to start again; 5 s
    /// unless set.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default().stable_after(Duration::from_secs(30));
    /// ```
    pub fn stable_after(mut self, duration: Duration) -> ReconnectPolicy {
        self.stable_after = duration;
        self
    }

    /// Which closes are worth a retry; [`ReconnectPolicy::retries_by_default`] unless set.
    /// Your own `close()` never retries, and a heartbeat timeout always does, whatever
    /// this says.
    ///
    /// ```
    /// use browser_websocket::{CloseEvent, ReconnectPolicy};
    ///
    /// // Also retry when the server says "4500: come back later".
    /// let policy = ReconnectPolicy::default().retry_when(|close: &CloseEvent| {
    ///     close.code.as_u16() == 4500 || ReconnectPolicy::retries_by_default(close)
    /// });
    /// ```
    pub fn retry_when(
        mut self,
        retry_when: impl Fn(&CloseEvent) -> bool + 'static,
    ) -> ReconnectPolicy {
        self.retry_when = Arc::new(retry_when);
        self
    }

    /// The source of randomness for jitter, returning values in `[0, 1)`;
    /// `Math.random` unless set. Inject a fixed one to make delays predictable in tests.
    ///
    /// ```
    /// // Every retry waits half its ceiling: 0.5 s, 1 s, 2 s, ...
    /// let policy = browser_websocket::ReconnectPolicy::default().random(|| 0.5);
    /// ```
    pub fn random(mut self, random: impl Fn() -> f64 + 'static) -> ReconnectPolicy {
        self.random = Some(Arc::new(random));
        self
    }

    /// The default decision: retry after a dropped connection or failed connect (1006),
    /// a server going away (1001), an internal error (1011), a restart (1012), an overload
    /// (1013) or a bad gateway (1014). Everything else is taken as the server's final
    /// word: a normal close (1000), a policy violation (1008), application codes
    /// (4000–4999), ...
    ///
    /// ```
    /// use browser_websocket::{CloseCode, CloseEvent, ReconnectPolicy};
    ///
    /// let dropped = CloseEvent { code: CloseCode::ABNORMAL, reason: String::new(), was_clean: false };
    /// assert!(ReconnectPolicy::retries_by_default(&dropped));
    /// let banned = CloseEvent { code: CloseCode::POLICY_VIOLATION, reason: "banned".into(), was_clean: true };
    /// assert!(!ReconnectPolicy::retries_by_default(&banned));
    /// ```
    pub fn retries_by_default(close: &CloseEvent) -> bool {
        [
            CloseCode::ABNORMAL,
            CloseCode::GOING_AWAY,
            CloseCode::INTERNAL_ERROR,
            CloseCode::SERVICE_RESTART,
            CloseCode::TRY_AGAIN_LATER,
            CloseCode::BAD_GATEWAY,
        ]
        .contains(&close.code)
    }

    /// The largest delay the `attempt`-th retry in a row may wait (attempts count from 1).
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default();
    /// assert_eq!(policy.delay_ceiling(1), Duration::from_secs(1));
    /// assert_eq!(policy.delay_ceiling(2), Duration::from_secs(2));
    /// ```
    pub fn delay_ceiling(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(1_000) as i32;
        let grown = self.initial_delay.as_secs_f64() * self.factor.powi(exponent);
        let ceiling = grown.min(self.max_delay.as_secs_f64());
        Duration::from_secs_f64(ceiling.max(0.0))
    }

    /// The delay before the `attempt`-th retry in a row for the random draw `unit` in
    /// `[0, 1)`: that fraction of the ceiling, whole milliseconds. The socket draws `unit`
    /// from [`random`](Self::random), so delays are uniformly random below the ceiling.
    /// Values outside `[0, 1]` are clamped.
    ///
    /// ```
    /// # use std::time::Duration;
    /// let policy = browser_websocket::ReconnectPolicy::default();
    /// assert_eq!(policy.delay(3, 0.25), Duration::from_secs(1)); // a quarter of 4 s
    /// ```
    pub fn delay(&self, attempt: u32, unit: f64) -> Duration {
        let unit = unit.clamp(0.0, 1.0);
        let millis = (self.delay_ceiling(attempt).as_secs_f64() * 1000.0 * unit).floor();
        Duration::from_millis(millis as u64)
    }

    /// Whether the `attempt`-th retry in a row may be made.
    ///
    /// ```
    /// let policy = browser_websocket::ReconnectPolicy::default();
    /// assert!(policy.allows_attempt(1_000_000));
    /// ```
    pub fn allows_attempt(&self, attempt: u32) -> bool {
        self.max_attempts.is_none_or(|max| attempt <= max)
    }

    /// Whether this close is worth a retry by [`retry_when`](Self::retry_when), whoever
    /// closed.
    pub(crate) fn retries(&self, close: &CloseEvent) -> bool {
        (self.retry_when)(close)
    }

    /// A draw for the jitter: from your [`random`](Self::random) if set, else from
    /// `runtime` (the socket's `Math.random` draw).
    pub(crate) fn draw(&self, runtime: impl FnOnce() -> f64) -> f64 {
        match &self.random {
            Some(random) => random(),
            None => runtime(),
        }
    }

    /// Whether a connection open this long resets the failure count.
    pub(crate) fn is_stable(&self, open_for: Duration) -> bool {
        open_for >= self.stable_after
    }
}

impl Default for ReconnectPolicy {
    fn default() -> ReconnectPolicy {
        ReconnectPolicy {
            initial_delay: Duration::from_secs(1),
            factor: 2.0,
            max_delay: Duration::from_secs(30),
            max_attempts: None,
            stable_after: Duration::from_secs(5),
            retry_when: Arc::new(ReconnectPolicy::retries_by_default),
            random: None,
        }
    }
}

impl fmt::Debug for ReconnectPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReconnectPolicy")
            .field("initial_delay", &self.initial_delay)
            .field("factor", &self.factor)
            .field("max_delay", &self.max_delay)
            .field("max_attempts", &self.max_attempts)
            .field("stable_after", &self.stable_after)
            .field("random", &self.random.is_some())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(code: CloseCode) -> CloseEvent {
        CloseEvent {
            code,
            reason: String::new(),
            was_clean: true,
        }
    }

    #[test]
    fn ceilings_double_from_one_second_up_to_thirty() {
        let policy = ReconnectPolicy::default();
        let ceilings: Vec<u64> = (1..=7).map(|n| policy.delay_ceiling(n).as_secs()).collect();
        assert_eq!(ceilings, vec![1, 2, 4, 8, 16, 30, 30]);
    }

    #[test]
    fn huge_attempt_numbers_stay_at_the_maximum() {
        let policy = ReconnectPolicy::default();
        assert_eq!(policy.delay_ceiling(u32::MAX), Duration::from_secs(30));
    }

    #[test]
    fn full_jitter_spans_zero_to_the_ceiling() {
        let policy = ReconnectPolicy::default();
        assert_eq!(policy.delay(4, 0.0), Duration::ZERO);
        assert_eq!(policy.delay(4, 0.5), Duration::from_secs(4));
        assert!(policy.delay(4, 0.999_999) < Duration::from_secs(8));
        assert!(policy.delay(4, 0.999_999) >= Duration::from_millis(7_999));
    }

    #[test]
    fn out_of_range_random_values_are_clamped() {
        let policy = ReconnectPolicy::default();
        assert_eq!(policy.delay(1, -3.0), Duration::ZERO);
        assert_eq!(policy.delay(1, 7.0), Duration::from_secs(1));
    }

    #[test]
    fn your_random_replaces_the_runtime_s_which_is_then_not_called() {
        let policy = ReconnectPolicy::default().random(|| 0.25);
        assert_eq!(policy.draw(|| unreachable!("Math.random")), 0.25);
        assert_eq!(ReconnectPolicy::default().draw(|| 0.75), 0.75);
    }

    #[test]
    fn factors_below_one_and_non_finite_count_as_one() {
        let policy = ReconnectPolicy::default().factor(0.5);
        assert_eq!(policy.delay_ceiling(5), Duration::from_secs(1));
        let policy = ReconnectPolicy::default().factor(f64::NAN);
        assert_eq!(policy.delay_ceiling(5), Duration::from_secs(1));
    }

    #[test]
    fn max_attempts_bounds_the_retries() {
        let policy = ReconnectPolicy::default().max_attempts(Some(3));
        assert!(policy.allows_attempt(3));
        assert!(!policy.allows_attempt(4));
    }

    #[test]
    fn default_retries_drops_and_restarts_but_not_policy_or_application_closes() {
        let policy = ReconnectPolicy::default();
        for code in [1001, 1006, 1011, 1012, 1013, 1014] {
            let code = CloseCode::new(code).unwrap();
            assert!(policy.retries(&close(code)), "{code}");
        }
        for code in [1000, 1008, 3000, 4000, 4999] {
            let code = CloseCode::new(code).unwrap();
            assert!(!policy.retries(&close(code)), "{code}");
        }
    }

    #[test]
    fn stability_is_reached_at_stable_after() {
        let policy = ReconnectPolicy::default().stable_after(Duration::from_secs(5));
        assert!(!policy.is_stable(Duration::from_millis(4_999)));
        assert!(policy.is_stable(Duration::from_secs(5)));
    }
}
