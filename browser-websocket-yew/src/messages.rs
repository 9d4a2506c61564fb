//! The received messages as a component renders them: an append-only list.

use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

/// Every message received since the component mounted, oldest first, as of this render.
///
/// Append-only: a burst of a thousand messages in one tick adds a thousand entries, in
/// order; nothing is overwritten. [`keep_last`](crate::UseWebSocketOptions::keep_last)
/// bounds it (the oldest go first, and [`dropped`](Self::dropped) counts them).
///
/// ```no_run
/// use browser_websocket_yew::{use_websocket, Json};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Feed() -> Html {
///     let feed = use_websocket::<String, String, Json>("/feed");
///     let messages = feed.messages();
///     html! {
///         <ul>
///             { for messages.iter().map(|text| html! { <li>{ text }</li> }) }
///         </ul>
///     }
/// }
/// ```
///
/// Cloning is cheap (one `Rc`), and it holds no `T: Clone` requirement. Two lists are
/// equal when they are the same snapshot, so passing one as a prop re-renders the child
/// only when messages arrived.
pub struct Messages<T> {
    items: Rc<VecDeque<Rc<T>>>,
    received: u64,
}

impl<T> Messages<T> {
    /// How many messages the list holds.
    ///
    /// ```
    /// let messages = browser_websocket_yew::Messages::<String>::default();
    /// assert_eq!(messages.len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no message is listed.
    ///
    /// ```
    /// assert!(browser_websocket_yew::Messages::<String>::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The messages, oldest first.
    ///
    /// ```
    /// let messages = browser_websocket_yew::Messages::<String>::default();
    /// let texts: Vec<&String> = messages.iter().collect();
    /// assert!(texts.is_empty());
    /// ```
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            inner: self.items.iter(),
        }
    }

    /// The `index`-th listed message, from the oldest kept.
    ///
    /// ```
    /// assert_eq!(browser_websocket_yew::Messages::<String>::default().get(0), None);
    /// ```
    pub fn get(&self, index: usize) -> Option<&T> {
        self.items.get(index).map(|item| &**item)
    }

    /// The newest message.
    ///
    /// ```
    /// assert_eq!(browser_websocket_yew::Messages::<String>::default().last(), None);
    /// ```
    pub fn last(&self) -> Option<&T> {
        self.items.back().map(|item| &**item)
    }

    /// How many messages arrived in all, including those `keep_last` let go.
    ///
    /// ```
    /// assert_eq!(browser_websocket_yew::Messages::<String>::default().received(), 0);
    /// ```
    pub fn received(&self) -> u64 {
        self.received
    }

    /// How many of the oldest messages `keep_last` let go.
    ///
    /// ```
    /// assert_eq!(browser_websocket_yew::Messages::<String>::default().dropped(), 0);
    /// ```
    pub fn dropped(&self) -> u64 {
        self.received - self.items.len() as u64
    }

    /// This list with `arrived` appended and the oldest `drop_oldest` let go, as a
    /// session's [`Change`](browser_websocket::ui::Change) says.
    pub(crate) fn appended(&self, arrived: Vec<T>, drop_oldest: usize) -> Messages<T> {
        if arrived.is_empty() && drop_oldest == 0 {
            return self.clone();
        }
        let received = self.received + arrived.len() as u64;
        let mut items = Rc::clone(&self.items);
        // In place when no render holds this snapshot any more; otherwise one copy of
        // the pointers (a render walks them all anyway).
        let list = Rc::make_mut(&mut items);
        list.extend(arrived.into_iter().map(Rc::new));
        list.drain(..drop_oldest.min(list.len()));
        Messages { items, received }
    }
}

impl<T> Default for Messages<T> {
    fn default() -> Messages<T> {
        Messages {
            items: Rc::default(),
            received: 0,
        }
    }
}

impl<T> Clone for Messages<T> {
    fn clone(&self) -> Messages<T> {
        Messages {
            items: Rc::clone(&self.items),
            received: self.received,
        }
    }
}

/// The same snapshot: the same list and the same count.
impl<T> PartialEq for Messages<T> {
    fn eq(&self, other: &Messages<T>) -> bool {
        Rc::ptr_eq(&self.items, &other.items) && self.received == other.received
    }
}

impl<T: fmt::Debug> fmt::Debug for Messages<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("items", &self.items)
            .field("received", &self.received)
            .finish()
    }
}

impl<'a, T> IntoIterator for &'a Messages<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

/// The messages of a [`Messages`] list, oldest first.
///
/// ```
/// let messages = browser_websocket_yew::Messages::<u32>::default();
/// let mut iter = messages.iter();
/// assert_eq!(iter.next(), None);
/// ```
pub struct Iter<'a, T> {
    inner: std::collections::vec_deque::Iter<'a, Rc<T>>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.inner.next().map(|item| &**item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.inner.next_back().map(|item| &**item)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<T: fmt::Debug> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Iter").field(&self.inner).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(messages: &Messages<String>) -> Vec<&str> {
        messages.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_burst_of_a_thousand_is_appended_whole_and_in_order() {
        let burst: Vec<String> = (0..1000).map(|n| n.to_string()).collect();
        let messages = Messages::default().appended(burst.clone(), 0);
        assert_eq!(messages.len(), 1000);
        assert_eq!(messages.received(), 1000);
        assert!(messages.iter().eq(burst.iter()));
    }

    #[test]
    fn keep_last_lets_the_oldest_go_and_counts_them() {
        let first = Messages::default().appended(vec!["a".into(), "b".into()], 0);
        let second = first.appended(vec!["c".into(), "d".into()], 1);
        assert_eq!(texts(&second), ["b", "c", "d"]);
        assert_eq!(second.received(), 4);
        assert_eq!(second.dropped(), 1);
        assert_eq!(
            texts(&first),
            ["a", "b"],
            "an older snapshot does not change"
        );
    }

    #[test]
    fn snapshots_are_equal_only_when_nothing_arrived_between_them() {
        let first = Messages::default().appended(vec!["a".to_owned()], 0);
        assert_eq!(first, first.clone());
        assert_eq!(first, first.appended(Vec::new(), 0));
        assert_ne!(first, first.appended(vec!["b".into()], 0));
    }

    #[test]
    fn reads_from_both_ends() {
        let messages = Messages::default().appended(vec![1, 2, 3], 0);
        assert_eq!(messages.get(0), Some(&1));
        assert_eq!(messages.last(), Some(&3));
        assert_eq!(
            messages.iter().rev().copied().collect::<Vec<_>>(),
            [3, 2, 1]
        );
        assert_eq!(messages.iter().len(), 3);
    }
}
