//! The relay between the tabs that share one connection, as a pure state machine: no
//! browser, no locks, no channel. The runtime tells it what happened ([`Relay`]'s
//! methods) and carries out the [`Do`]s it gets back, in order.
//!
//! One tab leads: it holds the Web Lock and the connection. The rules, each with a test:
//! - every message the leader receives gets a [`MessageId`] (its term, then 1, 2, 3, ...),
//!   and a tab delivers each id once, in order; a message of an older term is dropped;
//! - a follower keeps each send until the leader confirms it, and the leader confirms
//!   only once the socket's buffer drained past it;
//! - a new leader gets every unconfirmed send again, in each follower's order, and sends
//!   each [`SendId`] once: a send arrives twice only if the old leader died with it sent
//!   and unconfirmed;
//! - a tab that becomes the leader sends its own unconfirmed sends first;
//! - when the leader's connection drops, the sends still in its buffer go again, in
//!   order, on the next one.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::wire::{MessageId, SendId, TabId, Term, Wire};
use crate::role::Role;

/// What the runtime must do, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Do<M, S> {
    /// Post this to the other tabs.
    Post(Wire<M, S>),
    /// Send this on the connection (this tab leads). `bytes` is how many bytes it adds to
    /// the socket's buffer; once the buffer has drained past it, call
    /// [`Relay::drained`] with the running total.
    SendOnSocket { message: M, bytes: u64 },
    /// Hand this message to this tab's event stream.
    Deliver(M),
    /// Show this status on this tab's handle.
    ShowStatus(S),
    /// Open the connection: this tab leads now.
    Connect,
}

/// The relay of one tab. `M` is a message, `S` the connection's status.
#[derive(Debug)]
pub(crate) struct Relay<M, S> {
    me: TabId,
    role: Role,
    /// The newest term seen, led by this tab or another.
    term: Term,
    /// The newest message delivered here.
    delivered: Option<MessageId>,
    /// This tab's own sends that no leader confirmed yet, oldest first.
    unconfirmed: VecDeque<(u64, M)>,
    /// The number of this tab's last send.
    last_send: u64,
    /// As leader: the messages received in this term so far.
    received: u64,
    /// As leader: each follower's highest send put on the socket in this term.
    sent: BTreeMap<TabId, u64>,
    /// As leader: the sends put on the socket and not yet drained, with the running byte
    /// total they end at, and the message (to send again if the connection drops with it
    /// unsent).
    in_buffer: VecDeque<(SendId, u64, M)>,
    /// As leader: bytes put on the socket in this term.
    bytes_sent: u64,
    /// As leader: the tabs that said hello and not bye, this one included.
    tabs: BTreeSet<TabId>,
    /// As follower: the count the leader last announced.
    tabs_announced: usize,
    /// A message's size in bytes on the socket, for the buffer accounting.
    size: fn(&M) -> u64,
    status: std::marker::PhantomData<S>,
}

impl<M: Clone, S: Clone> Relay<M, S> {
    /// A follower that has not heard of a leader yet; post its [`hello`](Relay::hello).
    pub(crate) fn new(me: TabId, size: fn(&M) -> u64) -> Relay<M, S> {
        Relay {
            me,
            role: Role::Follower,
            term: Term::default(),
            delivered: None,
            unconfirmed: VecDeque::new(),
            last_send: 0,
            received: 0,
            sent: BTreeMap::new(),
            in_buffer: VecDeque::new(),
            bytes_sent: 0,
            tabs: BTreeSet::new(),
            tabs_announced: 1,
            size,
            status: std::marker::PhantomData,
        }
    }

    pub(crate) fn role(&self) -> Role {
        self.role
    }

    /// How many tabs share the connection, this one included, as far as this tab knows.
    pub(crate) fn tabs(&self) -> usize {
        match self.role {
            Role::Leader => self.tabs.len().max(1),
            Role::Follower => self.tabs_announced.max(1),
        }
    }

    /// How many of this tab's sends wait for a leader's confirmation.
    pub(crate) fn unconfirmed(&self) -> usize {
        self.unconfirmed.len()
    }

    /// Takes this tab's unconfirmed sends, oldest first: no later leader gets them.
    pub(crate) fn take_unconfirmed(&mut self) -> Vec<M> {
        self.unconfirmed
            .drain(..)
            .map(|(_, message)| message)
            .collect()
    }

    /// As leader: the bytes put on the socket in this term, the scale of
    /// [`drained`](Relay::drained)'s total.
    pub(crate) fn bytes_sent(&self) -> u64 {
        self.bytes_sent
    }

    /// As leader: whether sends wait for the socket's buffer to drain.
    pub(crate) fn sends_in_buffer(&self) -> bool {
        !self.in_buffer.is_empty()
    }

    /// What a tab posts when it joins.
    pub(crate) fn hello(&self) -> Do<M, S> {
        Do::Post(Wire::Hello { tab: self.me })
    }

    /// This tab got the lock at `now` (milliseconds since the epoch): it leads a new
    /// term, connects, and sends its own unconfirmed sends first, in order.
    ///
    /// The term is the clock's reading, or one more than the newest term seen if that is
    /// higher: a tab that never heard the old leader still leads a newer term than it
    /// (the lock gives the terms one order, the clock a shared scale).
    pub(crate) fn became_leader(&mut self, now: u64) -> Vec<Do<M, S>> {
        self.role = Role::Leader;
        self.term = Term(now.max(self.term.0 + 1));
        self.received = 0;
        self.sent.clear();
        self.in_buffer.clear();
        self.bytes_sent = 0;
        self.tabs = BTreeSet::from([self.me]);
        let mut todo = vec![self.lead(), Do::Connect];
        let own: Vec<(u64, M)> = self.unconfirmed.iter().cloned().collect();
        for (n, message) in own {
            let id = SendId { from: self.me, n };
            todo.extend(self.put_on_socket(id, message));
        }
        todo
    }

    /// This tab sends `message`: on the socket if it leads, else through the leader (kept
    /// until confirmed).
    pub(crate) fn send(&mut self, message: M) -> Vec<Do<M, S>> {
        self.last_send += 1;
        let n = self.last_send;
        self.unconfirmed.push_back((n, message.clone()));
        let id = SendId { from: self.me, n };
        match self.role {
            Role::Leader => self.put_on_socket(id, message),
            Role::Follower => vec![Do::Post(Wire::Send { id, message })],
        }
    }

    /// The leader's connection received `message`: deliver it here and to every tab.
    pub(crate) fn received(&mut self, message: M) -> Vec<Do<M, S>> {
        if self.role != Role::Leader {
            return Vec::new();
        }
        self.received += 1;
        let id = MessageId {
            term: self.term,
            seq: self.received,
        };
        self.delivered = Some(id);
        vec![
            Do::Post(Wire::Received {
                id,
                message: message.clone(),
            }),
            Do::Deliver(message),
        ]
    }

    /// The leader's connection's status changed: show it here and in every tab.
    pub(crate) fn status(&mut self, status: S) -> Vec<Do<M, S>> {
        if self.role != Role::Leader {
            return Vec::new();
        }
        vec![
            Do::Post(Wire::Status {
                term: self.term,
                status: status.clone(),
            }),
            Do::ShowStatus(status),
        ]
    }

    /// The leader's socket buffer has drained to `total` bytes sent: confirm every send
    /// that ends at or before it.
    pub(crate) fn drained(&mut self, total: u64) -> Vec<Do<M, S>> {
        let mut upto: BTreeMap<TabId, u64> = BTreeMap::new();
        while let Some(&(id, end, _)) = self.in_buffer.front() {
            if end > total {
                break;
            }
            self.in_buffer.pop_front();
            upto.insert(id.from, id.n);
        }
        let mut todo = Vec::new();
        for (to, upto) in upto {
            if to == self.me {
                self.forget_up_to(upto);
            } else {
                todo.push(Do::Post(Wire::Confirmed { to, upto }));
            }
        }
        todo
    }

    /// The leader's connection dropped after `drained` bytes of this term left the
    /// browser (the bytes handed to it, less what its `bufferedAmount` still held), and
    /// the runtime emptied the socket's offline queue: confirm what left, and put every
    /// other send on the socket again, in order, for the next connection. What never left
    /// the browser never reached the server, so this sends nothing twice (unless a
    /// heartbeat's ping in the buffer made `drained` low, which re-sends a little).
    pub(crate) fn connection_dropped(&mut self, drained: u64) -> Vec<Do<M, S>> {
        let mut todo = self.drained(drained);
        let unsent: Vec<_> = self.in_buffer.drain(..).collect();
        for (id, _, message) in unsent {
            todo.extend(self.put_on_socket(id, message));
        }
        todo
    }

    /// Another tab posted `wire`.
    pub(crate) fn heard(&mut self, wire: Wire<M, S>) -> Vec<Do<M, S>> {
        match wire {
            Wire::Hello { tab } => {
                if self.role != Role::Leader {
                    return Vec::new();
                }
                self.tabs.insert(tab);
                vec![self.lead()]
            }
            Wire::Bye { tab } => {
                if self.role != Role::Leader || !self.tabs.remove(&tab) {
                    return Vec::new();
                }
                vec![self.lead()]
            }
            Wire::Lead { term, tabs, .. } => self.heard_lead(term, tabs),
            Wire::Status { term, status } => {
                if self.role == Role::Follower && term == self.term {
                    vec![Do::ShowStatus(status)]
                } else {
                    Vec::new()
                }
            }
            Wire::Received { id, message } => {
                let new = self.delivered.is_none_or(|last| id > last);
                if self.role == Role::Follower && id.term >= self.term && new {
                    self.term = id.term;
                    self.delivered = Some(id);
                    vec![Do::Deliver(message)]
                } else {
                    Vec::new()
                }
            }
            Wire::Send { id, message } => {
                let already = self.sent.get(&id.from).is_some_and(|&n| id.n <= n);
                if self.role == Role::Leader && !already {
                    self.put_on_socket(id, message)
                } else {
                    Vec::new()
                }
            }
            Wire::Confirmed { to, upto } => {
                if to == self.me {
                    self.forget_up_to(upto);
                }
                Vec::new()
            }
        }
    }

    /// A leader announced itself: a newer term means a new leader, which gets this tab's
    /// unconfirmed sends again, in order.
    fn heard_lead(&mut self, term: Term, tabs: usize) -> Vec<Do<M, S>> {
        if term < self.term || self.role == Role::Leader && term == self.term {
            return Vec::new();
        }
        self.tabs_announced = tabs;
        if term == self.term {
            return Vec::new();
        }
        // A newer leader: this tab follows it (if it led, the lock says it no longer does),
        // says hello so that it is counted (its first hello may have come before any
        // leader), and hands it every unconfirmed send.
        self.role = Role::Follower;
        self.term = term;
        let me = self.me;
        let resends = self.unconfirmed.iter().map(|(n, message)| {
            Do::Post(Wire::Send {
                id: SendId { from: me, n: *n },
                message: message.clone(),
            })
        });
        std::iter::once(Do::Post(Wire::Hello { tab: me }))
            .chain(resends)
            .collect()
    }

    fn lead(&self) -> Do<M, S> {
        Do::Post(Wire::Lead {
            term: self.term,
            leader: self.me,
            tabs: self.tabs(),
        })
    }

    fn put_on_socket(&mut self, id: SendId, message: M) -> Vec<Do<M, S>> {
        let bytes = (self.size)(&message);
        self.bytes_sent += bytes;
        self.in_buffer
            .push_back((id, self.bytes_sent, message.clone()));
        if id.from != self.me {
            self.sent.insert(id.from, id.n);
        }
        vec![Do::SendOnSocket { message, bytes }]
    }

    fn forget_up_to(&mut self, upto: u64) {
        while self.unconfirmed.front().is_some_and(|(n, _)| *n <= upto) {
            self.unconfirmed.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Tab = Relay<&'static str, &'static str>;

    /// The clock when a tab took the lock (tests that need another one say so).
    const NOW: u64 = 1_000;

    fn tab(n: u64) -> Tab {
        Relay::new(TabId(n), |message: &&str| message.len() as u64)
    }

    /// Posts each `Do::Post` of `todo` to every tab in `others`; returns what they did
    /// in turn (their posts are not passed on).
    fn post_all(
        todo: &[Do<&'static str, &'static str>],
        others: &mut [&mut Tab],
    ) -> Vec<Do<&'static str, &'static str>> {
        let mut done = Vec::new();
        for step in todo {
            if let Do::Post(wire) = step {
                for other in others.iter_mut() {
                    done.extend(other.heard(wire.clone()));
                }
            }
        }
        done
    }

    fn delivered(todo: &[Do<&'static str, &'static str>]) -> Vec<&'static str> {
        todo.iter()
            .filter_map(|step| match step {
                Do::Deliver(message) => Some(*message),
                _ => None,
            })
            .collect()
    }

    fn on_socket(todo: &[Do<&'static str, &'static str>]) -> Vec<&'static str> {
        todo.iter()
            .filter_map(|step| match step {
                Do::SendOnSocket { message, .. } => Some(*message),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_leader_connects_and_every_tab_delivers_each_message_once_in_order() {
        let (mut a, mut b, mut c) = (tab(1), tab(2), tab(3));
        let lead = a.became_leader(NOW);
        assert!(lead.contains(&Do::Connect));
        post_all(&lead, &mut [&mut b, &mut c]);
        assert_eq!((a.role(), b.role()), (Role::Leader, Role::Follower));
        for message in ["one", "two", "three"] {
            let todo = a.received(message);
            assert_eq!(delivered(&todo), [message]);
            let there = post_all(&todo, &mut [&mut b, &mut c]);
            assert_eq!(delivered(&there), [message, message], "b and c");
            // The same post again (a replay after a suspend) is not delivered twice.
            assert_eq!(
                delivered(&post_all(&todo, &mut [&mut b, &mut c])),
                Vec::<&str>::new()
            );
        }
    }

    #[test]
    fn a_tab_that_said_hello_before_any_leader_is_counted_once_one_leads() {
        let (mut a, mut b) = (tab(1), tab(2));
        // b's first hello went out while a was not leading yet: nobody counted it.
        let answers = post_all(&a.became_leader(NOW), &mut [&mut b]);
        assert!(answers.contains(&Do::Post(Wire::Hello { tab: TabId(2) })));
        post_all(&post_all(&answers, &mut [&mut a]), &mut [&mut b]);
        assert_eq!((a.tabs(), b.tabs()), (2, 2));
    }

    #[test]
    fn hello_and_bye_keep_the_count_every_tab_sees() {
        let (mut a, mut b, mut c) = (tab(1), tab(2), tab(3));
        post_all(&a.became_leader(NOW), &mut [&mut b, &mut c]);
        for joining in [TabId(2), TabId(3)] {
            let answer = a.heard(Wire::Hello { tab: joining });
            post_all(&answer, &mut [&mut b, &mut c]);
        }
        assert_eq!(b.hello(), Do::Post(Wire::Hello { tab: TabId(2) }));
        assert_eq!((a.tabs(), b.tabs(), c.tabs()), (3, 3, 3));
        let answer = a.heard(Wire::Bye { tab: TabId(3) });
        post_all(&answer, &mut [&mut b]);
        assert_eq!((a.tabs(), b.tabs()), (2, 2));
        assert_eq!(
            a.heard(Wire::Bye { tab: TabId(3) }),
            [],
            "a second bye changes nothing"
        );
    }

    #[test]
    fn a_followers_send_goes_out_once_and_is_forgotten_only_when_drained() {
        let (mut a, mut b) = (tab(1), tab(2));
        post_all(&a.became_leader(NOW), &mut [&mut b]);
        let send = b.send("hello");
        assert_eq!(b.unconfirmed(), 1);
        let leader = post_all(&send, &mut [&mut a]);
        assert_eq!(on_socket(&leader), ["hello"]);
        // The same post twice: the leader sends it once.
        assert_eq!(
            on_socket(&post_all(&send, &mut [&mut a])),
            Vec::<&str>::new()
        );
        assert_eq!(a.bytes_sent(), 5, "the scale a drained total is on");
        // Still in the socket's buffer: no confirmation yet.
        assert_eq!(a.drained(4), []);
        assert_eq!(b.unconfirmed(), 1);
        let confirm = a.drained(5);
        assert_eq!(
            confirm,
            [Do::Post(Wire::Confirmed {
                to: TabId(2),
                upto: 1
            })]
        );
        post_all(&confirm, &mut [&mut b]);
        assert_eq!(b.unconfirmed(), 0);
    }

    #[test]
    fn a_dropped_connection_confirms_what_left_and_sends_the_rest_again_in_order() {
        let (mut a, mut b) = (tab(1), tab(2));
        post_all(&a.became_leader(NOW), &mut [&mut b]);
        for text in ["one", "two", "six"] {
            post_all(&b.send(text), &mut [&mut a]);
        }
        assert_eq!(a.bytes_sent(), 9);
        // The connection drops with "two" half sent: "one" left, "two" and "six" did not.
        let todo = a.connection_dropped(5);
        assert_eq!(
            todo[0],
            Do::Post(Wire::Confirmed {
                to: TabId(2),
                upto: 1
            }),
            "what left is confirmed first"
        );
        assert_eq!(on_socket(&todo), ["two", "six"], "the rest again, in order");
        post_all(&todo, &mut [&mut b]);
        assert_eq!(
            b.unconfirmed(),
            2,
            "kept until they leave on the next connection"
        );
        // On the next connection the two drain: both confirmed, on the new byte scale.
        post_all(&a.drained(a.bytes_sent()), &mut [&mut b]);
        assert_eq!(b.unconfirmed(), 0);
        assert!(!a.sends_in_buffer());
    }

    #[test]
    fn the_leaders_own_sends_go_straight_out_and_are_kept_until_drained() {
        let mut a = tab(1);
        a.became_leader(NOW);
        assert_eq!(on_socket(&a.send("mine")), ["mine"]);
        assert_eq!(a.unconfirmed(), 1);
        assert_eq!(a.drained(4), [], "its own confirmation posts nothing");
        assert_eq!(a.unconfirmed(), 0);
    }

    #[test]
    fn at_a_handover_the_next_leader_gets_every_unconfirmed_send_in_order() {
        let (mut a, mut b, mut c) = (tab(1), tab(2), tab(3));
        post_all(&a.became_leader(NOW), &mut [&mut b, &mut c]);
        // b sends 1 to 4; the leader put 1 and 2 on the socket, only 1 drained, then died
        // before it read 3 and 4.
        let sends: Vec<_> = ["s1", "s2", "s3", "s4"].map(|s| b.send(s)).into();
        post_all(&sends[0], &mut [&mut a]);
        post_all(&sends[1], &mut [&mut a]);
        post_all(&a.drained(2), &mut [&mut b]);
        assert_eq!(
            b.unconfirmed(),
            3,
            "s2 sent but not drained, s3 and s4 unread"
        );
        // c takes the lock.
        let lead = c.became_leader(NOW);
        let resent = post_all(&lead, &mut [&mut b]);
        let through_c = post_all(&resent, &mut [&mut c]);
        assert_eq!(
            on_socket(&through_c),
            ["s2", "s3", "s4"],
            "in order; s2 may arrive twice"
        );
        // An old leader's late message is not delivered.
        let late = Wire::Received {
            id: MessageId {
                term: Term(1),
                seq: 9,
            },
            message: "stale",
        };
        assert_eq!(b.heard(late), []);
    }

    #[test]
    fn a_follower_that_becomes_leader_sends_its_own_unconfirmed_first() {
        let (mut a, mut b) = (tab(1), tab(2));
        post_all(&a.became_leader(NOW), &mut [&mut b]);
        b.send("b1");
        b.send("b2");
        let todo = b.became_leader(NOW);
        assert_eq!(b.role(), Role::Leader);
        assert_eq!(on_socket(&todo), ["b1", "b2"]);
        // Its messages start a new term, which the others deliver.
        let mut c = tab(3);
        post_all(&todo, &mut [&mut c]);
        let there = post_all(&b.received("after"), &mut [&mut c]);
        assert_eq!(delivered(&there), ["after"]);
    }

    #[test]
    fn a_tab_that_never_heard_the_old_leader_still_leads_a_newer_term() {
        let (mut a, mut b, mut late) = (tab(1), tab(2), tab(3));
        post_all(&a.became_leader(NOW), &mut [&mut b]);
        b.send("unconfirmed");
        // `late` joined after a's announcement, then took the lock when a went away.
        let lead = late.became_leader(NOW + 5);
        let resent = post_all(&lead, &mut [&mut b]);
        assert_eq!(
            on_socket(&post_all(&resent, &mut [&mut late])),
            ["unconfirmed"]
        );
        // Even with a clock that went back, the term grows past the newest one seen.
        let mut c = tab(4);
        post_all(&lead, &mut [&mut c]);
        assert!(
            matches!(c.became_leader(0)[0], Do::Post(Wire::Lead { term, .. }) if term > Term(NOW + 5))
        );
    }

    #[test]
    fn status_shows_in_every_tab_of_the_term_only() {
        let (mut a, mut b) = (tab(1), tab(2));
        post_all(&a.became_leader(NOW), &mut [&mut b]);
        let todo = a.status("open");
        assert!(todo.contains(&Do::ShowStatus("open")));
        assert_eq!(post_all(&todo, &mut [&mut b]), [Do::ShowStatus("open")]);
        let old = Wire::Status {
            term: Term(0),
            status: "stale",
        };
        assert_eq!(b.heard(old), []);
        assert_eq!(b.status("a follower has no connection"), []);
        assert_eq!(b.received("nor messages of its own"), []);
    }
}
