//! The chat itself: the connection's status and queue, who is here (a call), the room's
//! messages, the composer.

use browser_websocket_leptos::browser_websocket::ConnectionStatus;
use browser_websocket_leptos::{use_rpc, use_websocket_with, Json, JsonRpc, RpcError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::message::{
    chat_options, clock_time, notice_after, room_url, sharing_text, ChatMessage, ROOM_RPC,
};

/// The lobby: what anyone in it sends (you included) is listed, in the room's order.
#[component]
pub fn Chat(
    /// Who the messages are from.
    name: String,
) -> impl IntoView {
    // One reconnecting, typed connection for as long as this component lives; the name in
    // its URL is what the room lists.
    let chat =
        use_websocket_with::<ChatMessage, ChatMessage, Json>(room_url(&name), chat_options());
    // Calls need a connection of their own: this one is the room's JSON-RPC route.
    let rpc = use_rpc::<JsonRpc>(ROOM_RPC);
    // Who is here: one call per dispatch (a call is a future), its result in the
    // action's value.
    let members = Action::new_local(move |_: &()| rpc.call::<Vec<String>>("members", &()));
    // Asked again whenever the chat (re)opens: the room has us then.
    Effect::watch(
        move || chat.status.with(|status| *status == ConnectionStatus::Open),
        move |open, _, _| {
            if *open {
                members.dispatch_local(());
            }
        },
        true,
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
        // Sent now, or queued until the connection is back: never dropped silently.
        let sent = chat.send(&ChatMessage::now(&from, &text));
        if sent.is_ok() {
            draft.set(String::new());
        }
        set_notice.set(notice_after(&sent));
    };

    view! {
        <section class="chat" aria-label="Chat">
            <div class="status">
                <span class="label">"Connection"</span>
                // "open", "retry 2 in 1.4 s" (counting down), "reconnecting (attempt 2)", ...
                <output id="state" class="badge" data-state=move || chat.status.with(ConnectionStatus::kind)>
                    {move || chat.status.get().to_string()}
                </output>
                <span class="me">"you are "<output id="me">{name.clone()}</output></span>
                <span class="queued">"Queued: "<output id="queued">{chat.queued}</output></span>
                <span class="sharing">"Connection: "<output id="sharing">{move || sharing_text(chat.sharing.get())}</output></span>
            </div>
            <div class="members">
                <span class="label">"Who is here"</span>
                {
                    let me = name.clone();
                    move || members.value().with(|members| view_members(members.as_ref(), &me))
                }
                <button id="who" class="secondary" type="button" on:click=move |_| { members.dispatch_local(()); }>
                    "Who is here?"
                </button>
            </div>
            <ul id="messages" class="messages" aria-live="polite">
                // Append-only: line n stays line n, so it is keyed by its place.
                <For
                    each=move || 0..chat.messages.with(Vec::len)
                    key=|n| *n
                    children=move |n| {
                        let message = chat.messages.with_untracked(|all| all.get(n).cloned());
                        message.map(|message| view_line(n, message, &name))
                    }
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

/// The room's members as the last `members` call listed them, you marked; its error if it
/// failed (a timeout, the connection closed for good).
fn view_members(members: Option<&Result<Vec<String>, RpcError>>, me: &str) -> AnyView {
    match members {
        None => view! { <span id="members" class="member-list">"asking…"</span> }.into_any(),
        Some(Ok(names)) => view! {
            <ul id="members" class="member-list">
                {names
                    .iter()
                    .map(|name| view! { <li class="member" class:mine=name == me>{name.clone()}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <span id="members" class="member-list error">{format!("No list: {error}")}</span>
        }
        .into_any(),
    }
}

/// Line `n` of the list, with a stable id (`message-0`, `message-1`, ...).
fn view_line(n: usize, message: ChatMessage, me: &str) -> impl IntoView {
    let mine = message.from == me;
    let from = message.from.clone();
    view! {
        <li id=format!("message-{n}") class="message" class:mine=mine data-from=from>
            <span class="from">{message.from}</span>
            <span class="text">{message.text}</span>
            <time>{clock_time(message.sent_at)}</time>
        </li>
    }
}
