//! The chat itself: connection state, the messages that came back, and the composer.

use browser_websocket::{DecodeError, Json, Sent};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::message::{clock_time, echo_url, ChatMessage};
use crate::use_websocket::{use_websocket, ConnectionState};

/// At most this many lines stay on the page.
const KEEP: usize = 200;

/// One line of the list, keyed for `<For>`.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    id: u64,
    kind: LineKind,
}

/// A message, or one that could not be read.
#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Message(ChatMessage),
    Unreadable(String),
}

/// A chat on the server's `/echo` route: what you send comes back and is listed.
#[component]
pub fn Chat(
    /// Who the messages are from.
    name: String,
) -> impl IntoView {
    let (lines, set_lines) = signal(Vec::<Line>::new());
    let ws = use_websocket::<ChatMessage, ChatMessage, Json>(
        &echo_url(),
        move |received: Result<ChatMessage, DecodeError>| {
            set_lines.update(|lines| {
                let id = lines.last().map_or(0, |line| line.id + 1);
                let kind = match received {
                    Ok(message) => LineKind::Message(message),
                    Err(error) => LineKind::Unreadable(error.to_string()),
                };
                lines.push(Line { id, kind });
                let excess = lines.len().saturating_sub(KEEP);
                lines.drain(..excess);
            });
        },
    );
    let draft = RwSignal::new(String::new());
    let (notice, set_notice) = signal(None::<String>);

    let from = name.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let text = draft.with_untracked(|draft| draft.trim().to_owned());
        if text.is_empty() {
            return;
        }
        let message = ChatMessage {
            from: from.clone(),
            text,
            sent_at: js_sys::Date::now(),
        };
        match ws.send(&message) {
            Ok(sent) => {
                draft.set(String::new());
                set_notice.set(match sent {
                    Sent::Now => None,
                    Sent::Queued => Some("Queued: it goes out when the connection is back.".into()),
                    Sent::QueuedDroppingOldest(_) => Some(
                        "Queued; the queue was full, so the oldest queued message was dropped."
                            .into(),
                    ),
                });
            }
            Err(error) => set_notice.set(Some(format!("Not sent: {error}"))),
        }
    };

    view! {
        <section class="chat" aria-label="Chat">
            <div class="status">
                <span class="label">"Connection"</span>
                <output id="state" class="badge" data-state=move || ws.state.with(state_class)>
                    {move || ws.state.get().to_string()}
                </output>
                {move || match ws.state.get() {
                    ConnectionState::Closed { why } => Some(view! { <span id="why" class="why">{why}</span> }),
                    _ => None,
                }}
                <Show when=move || { ws.queued.get() > 0 }>
                    <span id="queued" class="queued">{move || format!("{} waiting to be sent", ws.queued.get())}</span>
                </Show>
            </div>
            <ul id="messages" class="messages" aria-live="polite">
                <For
                    each=move || lines.get()
                    key=|line| line.id
                    children=move |line| view_line(line, &name)
                />
            </ul>
            {move || notice.get().map(|text| view! { <p id="notice" class="notice">{text}</p> })}
            <form id="composer" class="composer" on:submit=on_submit>
                <input id="text" type="text" placeholder="Say something" autocomplete="off" bind:value=draft />
                <button id="send" type="submit" disabled=move || draft.with(|draft| draft.trim().is_empty())>
                    "Send"
                </button>
            </form>
        </section>
    }
}

fn view_line(line: Line, me: &str) -> AnyView {
    match line.kind {
        LineKind::Message(message) => {
            let mine = message.from == me;
            view! {
                <li class="message" class:mine=mine>
                    <span class="from">{message.from}</span>
                    <span class="text">{message.text}</span>
                    <time>{clock_time(message.sent_at)}</time>
                </li>
            }
            .into_any()
        }
        LineKind::Unreadable(why) => view! {
            <li class="message unreadable">{format!("A message that is not a ChatMessage: {why}")}</li>
        }
        .into_any(),
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
