//! `/room/{name}`: a chat room. Every text or binary message a client sends goes to every
//! client in the same room, the sender included, in one order that all of them see.
//!
//! `GET /room/{name}?kick` (a plain request, not a handshake) drops every connection of
//! the room without a close frame, so each client sees 1006 and reconnects;
//! `?kick=MS` also refuses the room's handshakes (HTTP 503) for `MS` milliseconds, so
//! the clients' retries fail for a while and a test can act while they are disconnected;
//! `&oldest=K` drops only the `K` clients that joined first, so the others stay and see
//! what a reconnected one sends. The answer is `kicked N` with the number dropped.
//!
//! `?name=NAME` on the handshake gives the member a name, which `/room/{name}/rpc`
//! (`room_rpc.rs`) lists for as long as it is in the room.

use std::collections::{BTreeMap, HashMap};
use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::ws::{Message, WebSocket};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

use crate::closing;
use crate::report::Outcome;
use crate::session::WsRequest;

/// The server's rooms. One process serves one set, so a static keeps the route to one
/// file and one line in the route table.
static ROOMS: LazyLock<Rooms> = LazyLock::new(Rooms::default);

pub async fn handler(
    Path(name): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    request: WsRequest,
) -> Response {
    if let Some(closed_for) = query.get("kick") {
        let Ok(millis) = parse_millis(closed_for) else {
            return (StatusCode::BAD_REQUEST, "kick=MS takes whole milliseconds").into_response();
        };
        let oldest = match query.get("oldest").map(|oldest| oldest.parse::<usize>()) {
            None => usize::MAX,
            Some(Ok(oldest)) => oldest,
            Some(Err(_)) => {
                return (StatusCode::BAD_REQUEST, "oldest=K takes a whole number").into_response()
            }
        };
        let kicked = ROOMS.kick(&name, oldest, Duration::from_millis(millis), Instant::now());
        eprintln!("/room/{name}: kicked {kicked}, closed for {millis} ms");
        return format!("kicked {kicked}").into_response();
    }
    let member_name = query.get("name").cloned();
    match ROOMS.join(&name, member_name, Instant::now()) {
        Ok(member) => request.run(move |socket| converse(socket, member)),
        Err(Closed { remaining }) => {
            eprintln!(
                "/room/{name}: refused, closed for {} ms more",
                remaining.as_millis()
            );
            (StatusCode::SERVICE_UNAVAILABLE, "the room is closed").into_response()
        }
    }
}

/// `?kick` alone closes nothing after the drop; `?kick=MS` closes the room for `MS`.
fn parse_millis(value: &str) -> Result<u64, std::num::ParseIntError> {
    if value.is_empty() {
        Ok(0)
    } else {
        value.parse()
    }
}

/// Relays the client's messages to the room and the room's to the client, until either
/// side ends. A kick ends the inbox: the socket is then dropped with no close frame.
async fn converse(mut socket: WebSocket, mut member: Member) -> Outcome {
    loop {
        tokio::select! {
            from_client = socket.recv() => match from_client {
                Some(Ok(message @ (Message::Text(_) | Message::Binary(_)))) => {
                    member.rooms.broadcast(&member.room, message);
                }
                Some(Ok(Message::Close(frame))) => {
                    drop(member);
                    return closing::finish_client_close(&mut socket, frame).await;
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                Some(Err(_)) | None => return Outcome::Gone,
            },
            to_client = member.inbox.recv() => match to_client {
                Some(message) => {
                    if socket.send(message).await.is_err() {
                        return Outcome::Gone;
                    }
                }
                // Kicked: dropping the socket closes TCP without a close frame (1006).
                None => return Outcome::Gone,
            },
        }
    }
}

/// Every room by name.
#[derive(Debug, Default)]
struct Rooms {
    rooms: Mutex<HashMap<String, Room>>,
}

/// The names of `room`'s members that gave one, in join order.
pub(super) fn member_names(room: &str) -> Vec<String> {
    ROOMS.names(room)
}

/// The clients of one room, by join order, and until when it refuses new ones.
#[derive(Debug, Default)]
struct Room {
    members: BTreeMap<u64, Seat>,
    next_id: u64,
    closed_until: Option<Instant>,
}

/// What the room keeps of a member: where to send, and its `?name=` if it gave one.
#[derive(Debug)]
struct Seat {
    to_member: UnboundedSender<Message>,
    name: Option<String>,
}

/// One client's place in a room: what the room sends it. Leaves the room when dropped.
#[derive(Debug)]
struct Member {
    rooms: &'static Rooms,
    room: String,
    id: u64,
    inbox: UnboundedReceiver<Message>,
}

/// Why a join was refused: the room was kicked with a closing time that has not passed.
#[derive(Debug, PartialEq, Eq)]
struct Closed {
    remaining: Duration,
}

impl Rooms {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Room>> {
        self.rooms
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds a client to `name` (made on first use), unless it is closed at `now`.
    fn join(
        &'static self,
        name: &str,
        member_name: Option<String>,
        now: Instant,
    ) -> Result<Member, Closed> {
        let mut rooms = self.lock();
        let room = rooms.entry(name.to_owned()).or_default();
        if let Some(until) = room.closed_until {
            if now < until {
                return Err(Closed {
                    remaining: until - now,
                });
            }
            room.closed_until = None;
        }
        let (to_member, inbox) = unbounded_channel();
        let id = room.next_id;
        room.next_id += 1;
        room.members.insert(
            id,
            Seat {
                to_member,
                name: member_name,
            },
        );
        Ok(Member {
            rooms: self,
            room: name.to_owned(),
            id,
            inbox,
        })
    }

    /// Sends `message` to every member of `name`, the sender included; returns how many.
    /// Under one lock, so every member sees the room's messages in the same order.
    fn broadcast(&self, name: &str, message: Message) -> usize {
        let rooms = self.lock();
        let Some(room) = rooms.get(name) else {
            return 0;
        };
        room.members
            .values()
            .filter(|seat| seat.to_member.send(message.clone()).is_ok())
            .count()
    }

    /// Drops the `oldest` members of `name` that joined first (their inboxes end) and
    /// refuses joins for `closed_for` from `now`; returns how many were dropped.
    fn kick(&self, name: &str, oldest: usize, closed_for: Duration, now: Instant) -> usize {
        let mut rooms = self.lock();
        let room = rooms.entry(name.to_owned()).or_default();
        room.closed_until = (!closed_for.is_zero()).then(|| now + closed_for);
        // Ids grow with each join: the first keys are the oldest members.
        let kicked: Vec<u64> = room.members.keys().take(oldest).copied().collect();
        for id in &kicked {
            room.members.remove(id);
        }
        if room.members.is_empty() && room.closed_until.is_none() {
            rooms.remove(name);
        }
        kicked.len()
    }

    /// The names of `name`'s members that gave one, in join order.
    fn names(&self, name: &str) -> Vec<String> {
        let rooms = self.lock();
        let Some(room) = rooms.get(name) else {
            return Vec::new();
        };
        room.members
            .values()
            .filter_map(|seat| seat.name.clone())
            .collect()
    }

    fn leave(&self, name: &str, id: u64) {
        let mut rooms = self.lock();
        if let Some(room) = rooms.get_mut(name) {
            room.members.remove(&id);
            if room.members.is_empty() && room.closed_until.is_none() {
                rooms.remove(name);
            }
        }
    }

    #[cfg(test)]
    fn members(&self, name: &str) -> usize {
        self.lock().get(name).map_or(0, |room| room.members.len())
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        self.rooms.leave(&self.room, self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::mpsc::error::TryRecvError;

    /// Rooms of the test's own: members hold a `&'static`, so it is leaked (a few bytes).
    fn rooms() -> &'static Rooms {
        Box::leak(Box::default())
    }

    fn text(message: &str) -> Message {
        Message::Text(message.into())
    }

    fn received(member: &mut Member) -> Vec<String> {
        std::iter::from_fn(|| match member.inbox.try_recv() {
            Ok(Message::Text(text)) => Some(text.as_str().to_owned()),
            _ => None,
        })
        .collect()
    }

    #[test]
    fn every_member_gets_every_message_in_one_order_sender_included() {
        let rooms = rooms();
        let now = Instant::now();
        let mut ana = rooms.join("order", None, now).unwrap();
        let mut bo = rooms.join("order", None, now).unwrap();
        assert_eq!(rooms.broadcast("order", text("1 from ana")), 2);
        assert_eq!(rooms.broadcast("order", text("2 from bo")), 2);
        assert_eq!(received(&mut ana), ["1 from ana", "2 from bo"]);
        assert_eq!(received(&mut bo), ["1 from ana", "2 from bo"]);
    }

    #[test]
    fn rooms_do_not_hear_each_other() {
        let rooms = rooms();
        let now = Instant::now();
        let mut in_a = rooms.join("a-only", None, now).unwrap();
        let mut in_b = rooms.join("b-only", None, now).unwrap();
        rooms.broadcast("a-only", text("for a"));
        assert_eq!(received(&mut in_a), ["for a"]);
        assert!(received(&mut in_b).is_empty());
        assert_eq!(rooms.broadcast("nobody-here", text("lost")), 0);
    }

    #[test]
    fn a_kick_ends_every_inbox_of_the_room_and_only_that_room() {
        let rooms = rooms();
        let now = Instant::now();
        let mut ana = rooms.join("kick", None, now).unwrap();
        let mut bo = rooms.join("kick", None, now).unwrap();
        let mut other = rooms.join("kick-other", None, now).unwrap();
        assert_eq!(rooms.kick("kick", usize::MAX, Duration::ZERO, now), 2);
        assert_eq!(ana.inbox.try_recv(), Err(TryRecvError::Disconnected));
        assert_eq!(bo.inbox.try_recv(), Err(TryRecvError::Disconnected));
        assert_eq!(other.inbox.try_recv(), Err(TryRecvError::Empty));
        assert_eq!(rooms.members("kick"), 0);
        assert!(
            rooms.join("kick", None, now).is_ok(),
            "no closing time: rejoin at once"
        );
    }

    #[test]
    fn a_kick_with_a_closing_time_refuses_joins_until_it_passes() {
        let rooms = rooms();
        let now = Instant::now();
        rooms.kick("closed", usize::MAX, Duration::from_millis(500), now);
        assert_eq!(
            rooms
                .join("closed", None, now + Duration::from_millis(200))
                .err(),
            Some(Closed {
                remaining: Duration::from_millis(300)
            })
        );
        assert!(rooms
            .join("closed", None, now + Duration::from_millis(500))
            .is_ok());
    }

    #[test]
    fn a_kick_of_the_oldest_leaves_the_newer_members_in_the_room() {
        let rooms = rooms();
        let now = Instant::now();
        let mut first = rooms.join("oldest", None, now).unwrap();
        let mut second = rooms.join("oldest", None, now).unwrap();
        assert_eq!(rooms.kick("oldest", 1, Duration::from_millis(100), now), 1);
        assert_eq!(first.inbox.try_recv(), Err(TryRecvError::Disconnected));
        assert_eq!(rooms.broadcast("oldest", text("still here")), 1);
        assert_eq!(received(&mut second), ["still here"]);
        assert!(
            rooms.join("oldest", None, now).is_err(),
            "closed to newcomers meanwhile"
        );
    }

    #[test]
    fn a_member_that_leaves_gets_nothing_more_and_empty_rooms_go() {
        let rooms = rooms();
        let now = Instant::now();
        let ana = rooms.join("leave", None, now).unwrap();
        let mut bo = rooms.join("leave", None, now).unwrap();
        rooms.leave("leave", ana.id);
        assert_eq!(rooms.broadcast("leave", text("after")), 1);
        assert_eq!(received(&mut bo), ["after"]);
        rooms.leave("leave", bo.id);
        assert!(rooms.lock().get("leave").is_none());
    }

    #[test]
    fn the_named_members_are_listed_in_join_order_until_they_leave() {
        let rooms = rooms();
        let now = Instant::now();
        let ana = rooms.join("names", Some("ana".into()), now).unwrap();
        let _anonymous = rooms.join("names", None, now).unwrap();
        let _bo = rooms.join("names", Some("bo".into()), now).unwrap();
        assert_eq!(rooms.names("names"), ["ana", "bo"]);
        drop(ana);
        assert_eq!(rooms.names("names"), ["bo"]);
        assert!(rooms.names("nobody-here").is_empty());
    }

    #[test]
    fn kick_takes_nothing_or_whole_milliseconds() {
        assert_eq!(parse_millis(""), Ok(0));
        assert_eq!(parse_millis("2500"), Ok(2500));
        assert!(parse_millis("soon").is_err());
    }
}
