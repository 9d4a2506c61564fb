//! The chat itself: connection state, the messages that came back, and the composer.

use std::rc::Rc;

use browser_websocket::{DecodeError, Json, Sent};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::message::{clock_time, echo_url, ChatMessage};
use crate::use_websocket::{use_websocket, ConnectionState};

/// At most this many lines stay on the page.
const KEEP: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ChatProps {
    /// Who the messages are from.
    pub name: AttrValue,
}

/// One line of the list: a message, or one that could not be read.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Message(ChatMessage),
    Unreadable(String),
}

/// The list, newest last; a reducer so that messages arriving together all land.
#[derive(Debug, Clone, Default, PartialEq)]
struct Lines(Vec<Line>);

/// Takes what the hook hands over, so the dispatcher is the hook's callback as is.
impl Reducible for Lines {
    type Action = Result<ChatMessage, DecodeError>;

    fn reduce(self: Rc<Self>, received: Self::Action) -> Rc<Self> {
        let mut lines = Rc::unwrap_or_clone(self);
        lines.0.push(match received {
            Ok(message) => Line::Message(message),
            Err(error) => Line::Unreadable(error.to_string()),
        });
        let excess = lines.0.len().saturating_sub(KEEP);
        lines.0.drain(..excess);
        Rc::new(lines)
    }
}

/// A chat on the server's `/echo` route: what you send comes back and is listed.
#[function_component]
pub fn Chat(props: &ChatProps) -> Html {
    let lines = use_reducer(Lines::default);
    let url = use_memo((), |()| echo_url());
    let ws = use_websocket::<ChatMessage, ChatMessage, Json>(&url, lines.dispatcher().into());
    let draft = use_state(String::new);
    let notice = use_state(|| None::<String>);

    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            draft.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = {
        let (ws, draft, notice, from) = (
            ws.clone(),
            draft.clone(),
            notice.clone(),
            props.name.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = draft.trim();
            if text.is_empty() {
                return;
            }
            let message = ChatMessage {
                from: from.to_string(),
                text: text.to_owned(),
                sent_at: js_sys::Date::now(),
            };
            match ws.send(&message) {
                Ok(sent) => {
                    draft.set(String::new());
                    notice.set(match sent {
                        Sent::Now => None,
                        Sent::Queued => {
                            Some("Queued: it goes out when the connection is back.".into())
                        }
                        Sent::QueuedDroppingOldest(_) => Some(
                            "Queued; the queue was full, so the oldest queued message was dropped."
                                .into(),
                        ),
                    });
                }
                Err(error) => notice.set(Some(format!("Not sent: {error}"))),
            }
        })
    };

    let state = &ws.state;
    let queued = ws.queued();
    html! {
        <section class="chat" aria-label="Chat">
            <div class="status">
                <span class="label">{ "Connection" }</span>
                <output id="state" class="badge" data-state={state_class(state)}>{ state.to_string() }</output>
                if let ConnectionState::Closed { why } = state {
                    <span id="why" class="why">{ why.clone() }</span>
                }
                if queued > 0 {
                    <span id="queued" class="queued">{ format!("{queued} waiting to be sent") }</span>
                }
            </div>
            <ul id="messages" class="messages" aria-live="polite">
                { for lines.0.iter().map(|line| view_line(line, &props.name)) }
            </ul>
            if let Some(text) = &*notice {
                <p id="notice" class="notice">{ text.clone() }</p>
            }
            <form id="composer" class="composer" {onsubmit}>
                <input id="text" type="text" placeholder="Say something" autocomplete="off"
                    value={(*draft).clone()} {oninput} />
                <button id="send" type="submit" disabled={draft.trim().is_empty()}>{ "Send" }</button>
            </form>
        </section>
    }
}

fn view_line(line: &Line, me: &str) -> Html {
    match line {
        Line::Message(message) => {
            let class = classes!("message", (message.from == me).then_some("mine"));
            html! {
                <li {class}>
                    <span class="from">{ message.from.clone() }</span>
                    <span class="text">{ message.text.clone() }</span>
                    <time>{ clock_time(message.sent_at) }</time>
                </li>
            }
        }
        Line::Unreadable(why) => html! {
            <li class="message unreadable">{ format!("A message that is not a ChatMessage: {why}") }</li>
        },
    }
}

/// The badge's colour: `connecting`, `open`, `reconnecting` or `closed`.
fn state_class(state: &ConnectionState) -> &'static str {
    match state {
        ConnectionState::Connecting => "connecting",
        ConnectionState::Open => "open",
        ConnectionState::Reconnecting { .. } => "reconnecting",
        ConnectionState::Closed { .. } => "closed",
    }
}
