//! The chat itself: the connection's status and queue, who is here (a call), the room's
//! messages, the composer.

use browser_websocket_dioxus::browser_websocket::ConnectionStatus;
use browser_websocket_dioxus::{use_rpc, use_websocket_with, Json, JsonRpc, RpcError};
use dioxus::prelude::*;

use crate::message::{
    chat_options, clock_time, notice_after, room_url, sharing_text, ChatMessage, ROOM_RPC,
};

/// The lobby: what anyone in it sends (you included) is listed, in the room's order.
#[component]
pub fn Chat(
    /// Who the messages are from.
    name: String,
) -> Element {
    // One reconnecting, typed connection for as long as this component is mounted; the
    // name in its URL is what the room lists.
    let chat =
        use_websocket_with::<ChatMessage, ChatMessage, Json>(room_url(&name), chat_options());
    // Calls need a connection of their own: this one is the room's JSON-RPC route.
    let rpc = use_rpc::<JsonRpc>(ROOM_RPC);
    // Who is here: the last call's answer, kept while the next one runs.
    let mut members = use_signal(|| None::<Result<Vec<String>, RpcError>>);
    let ask = move || {
        spawn(async move {
            members.set(Some(rpc.call::<Vec<String>>("members", &()).await));
        });
    };
    // Asked again whenever the chat (re)opens: the room has us then.
    let open = use_memo(move || *chat.status.read() == ConnectionStatus::Open);
    use_effect(move || {
        if open() {
            ask();
        }
    });
    let mut draft = use_signal(String::new);
    let mut notice = use_signal(|| None::<String>);

    let from = name.clone();
    let on_submit = move |event: FormEvent| {
        event.prevent_default();
        let text = draft.peek().trim().to_owned();
        if text.is_empty() {
            return;
        }
        // Sent now, or queued until the connection is back: never dropped silently.
        let sent = chat.send(&ChatMessage::now(&from, &text));
        if sent.is_ok() {
            draft.set(String::new());
        }
        notice.set(notice_after(&sent));
    };

    rsx! {
        section { class: "chat", "aria-label": "Chat",
            div { class: "status",
                span { class: "label", "Connection" }
                // "open", "retry 2 in 1.4 s" (counting down), "reconnecting (attempt 2)", ...
                output { id: "state", class: "badge", "data-state": chat.status.read().kind(),
                    "{chat.status}"
                }
                span { class: "me", "you are ", output { id: "me", "{name}" } }
                span { class: "queued", "Queued: ", output { id: "queued", "{chat.queued}" } }
                span { class: "sharing", "Connection: ", output { id: "sharing", {sharing_text(*chat.sharing.read())} } }
            }
            div { class: "members",
                span { class: "label", "Who is here" }
                {view_members(members.read().as_ref(), &name)}
                button { id: "who", class: "secondary", r#type: "button", onclick: move |_| ask(),
                    "Who is here?"
                }
            }
            ul { id: "messages", class: "messages", "aria-live": "polite",
                // Append-only: line n stays line n, so it is keyed by its place.
                for (n, message) in chat.messages.read().iter().enumerate() {
                    {view_line(n, message, &name)}
                }
            }
            if let Some(text) = notice() {
                p { id: "notice", class: "notice", "{text}" }
            }
            form { id: "composer", class: "composer", onsubmit: on_submit,
                input {
                    id: "text",
                    r#type: "text",
                    placeholder: "Say something",
                    autocomplete: "off",
                    value: "{draft}",
                    oninput: move |event| draft.set(event.value()),
                }
                button { id: "send", r#type: "submit", disabled: draft.read().trim().is_empty(),
                    "Send"
                }
            }
        }
    }
}

/// The room's members as the last `members` call listed them, you marked; its error if it
/// failed (a timeout, the connection closed for good).
fn view_members(members: Option<&Result<Vec<String>, RpcError>>, me: &str) -> Element {
    match members {
        None => rsx! { span { id: "members", class: "member-list", "asking…" } },
        Some(Ok(names)) => rsx! {
            ul { id: "members", class: "member-list",
                for name in names {
                    li { class: if name == me { "member mine" } else { "member" }, "{name}" }
                }
            }
        },
        Some(Err(error)) => rsx! {
            span { id: "members", class: "member-list error", "No list: {error}" }
        },
    }
}

/// Line `n` of the list, with a stable id (`message-0`, `message-1`, ...).
fn view_line(n: usize, message: &ChatMessage, me: &str) -> Element {
    let class = if message.from == me {
        "message mine"
    } else {
        "message"
    };
    rsx! {
        li { key: "{n}", id: "message-{n}", class, "data-from": "{message.from}",
            span { class: "from", "{message.from}" }
            span { class: "text", "{message.text}" }
            time { {clock_time(message.sent_at)} }
        }
    }
}
