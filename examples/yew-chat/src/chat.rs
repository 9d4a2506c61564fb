//! The chat itself: the connection's status and queue, who is here (a call), the room's
//! messages, the composer.

use browser_websocket_yew::{
    use_rpc, use_websocket_with, ConnectionStatus, Json, JsonRpc, RpcError,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::message::{
    chat_options, clock_time, notice_after, room_url, sharing_text, ChatMessage, ROOM_RPC,
};

#[derive(Properties, PartialEq)]
pub struct ChatProps {
    /// Who the messages are from.
    pub name: AttrValue,
}

/// The lobby: what anyone in it sends (you included) is listed, in the room's order.
#[function_component]
pub fn Chat(props: &ChatProps) -> Html {
    // One reconnecting, typed connection for as long as this component is mounted; the
    // name in its URL is what the room lists.
    let chat = use_websocket_with::<ChatMessage, ChatMessage, Json>(
        &room_url(&props.name),
        chat_options(),
    );
    // Calls need a connection of their own: this one is the room's JSON-RPC route.
    let rpc = use_rpc::<JsonRpc>(ROOM_RPC);
    let members = use_state(|| None::<Result<Vec<String>, RpcError>>);
    let draft = use_state(String::new);
    let notice = use_state(|| None::<String>);

    let oninput = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            draft.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onsubmit = {
        let (chat, draft, notice, from) = (
            chat.clone(),
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
            // Sent now, or queued until the connection is back: never dropped silently.
            let sent = chat.send(&ChatMessage::now(&from, text));
            if sent.is_ok() {
                draft.set(String::new());
            }
            notice.set(notice_after(&sent));
        })
    };

    // Who is here: one call, its result into `members`; no task of our own.
    let who = {
        let (rpc, members) = (rpc.clone(), members.clone());
        Callback::from(move |_: MouseEvent| {
            let members = members.clone();
            rpc.call_then("members", &(), move |result| members.set(Some(result)));
        })
    };
    // Asked again whenever the chat (re)opens: the room has us then.
    {
        let (rpc, members) = (rpc.clone(), members.clone());
        let open = *chat.status() == ConnectionStatus::Open;
        use_effect_with(open, move |open| {
            if *open {
                rpc.call_then("members", &(), move |result| members.set(Some(result)));
            }
        });
    }

    let status = chat.status();
    html! {
        <section class="chat" aria-label="Chat">
            <div class="status">
                <span class="label">{ "Connection" }</span>
                // "open", "retry 2 in 1.4 s" (counting down), "reconnecting (attempt 2)", ...
                <output id="state" class="badge" data-state={status.kind()}>{ status.to_string() }</output>
                <span class="me">{ "you are " }<output id="me">{ props.name.clone() }</output></span>
                <span class="queued">{ "Queued: " }<output id="queued">{ chat.queued() }</output></span>
                <span class="sharing">{ "Connection: " }<output id="sharing">{ sharing_text(chat.sharing()) }</output></span>
            </div>
            <div class="members">
                <span class="label">{ "Who is here" }</span>
                { view_members(members.as_ref(), &props.name) }
                <button id="who" class="secondary" type="button" onclick={who}>{ "Who is here?" }</button>
            </div>
            <ul id="messages" class="messages" aria-live="polite">
                { for chat.messages().iter().enumerate().map(|(n, message)| view_line(n, message, &props.name)) }
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

/// The room's members as the last `members` call listed them, you marked; its error if it
/// failed (a timeout, the connection closed for good).
fn view_members(members: Option<&Result<Vec<String>, RpcError>>, me: &str) -> Html {
    match members {
        None => html! { <span id="members" class="member-list">{ "asking…" }</span> },
        Some(Ok(names)) => html! {
            <ul id="members" class="member-list">
                { for names.iter().map(|name| html! {
                    <li class={classes!("member", (name == me).then_some("mine"))}>{ name.clone() }</li>
                }) }
            </ul>
        },
        Some(Err(error)) => html! {
            <span id="members" class="member-list error">{ format!("No list: {error}") }</span>
        },
    }
}

/// Line `n` of the list, with a stable id (`message-0`, `message-1`, ...).
fn view_line(n: usize, message: &ChatMessage, me: &str) -> Html {
    let class = classes!("message", (message.from == me).then_some("mine"));
    html! {
        <li id={format!("message-{n}")} {class} data-from={message.from.clone()}>
            <span class="from">{ message.from.clone() }</span>
            <span class="text">{ message.text.clone() }</span>
            <time>{ clock_time(message.sent_at) }</time>
        </li>
    }
}
