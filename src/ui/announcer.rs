//! Messages for screen readers: a polite live region, and the hook that puts text in it.

use std::rc::Rc;
use yew::prelude::*;

/// The latest message, and how many came before it.
#[derive(Debug, Default, PartialEq)]
pub struct Announcement {
    count: u32,
    text: AttrValue,
}

impl Reducible for Announcement {
    type Action = AttrValue;

    fn reduce(self: Rc<Self>, text: AttrValue) -> Rc<Self> {
        Rc::new(Announcement { count: self.count.wrapping_add(1), text })
    }
}

/// The live region's content and the callback that announces a message in it.
#[hook]
pub fn use_announcer() -> (UseReducerHandle<Announcement>, Callback<AttrValue>) {
    let announcement = use_reducer(Announcement::default);
    let dispatcher = announcement.dispatcher();
    (announcement, Callback::from(move |text: AttrValue| dispatcher.dispatch(text)))
}

/// The polite live region. Each message is a new node (keyed by its number), so the same text
/// twice is announced twice: screen readers stay silent when a node's text is set to what it
/// already says.
pub fn live_region(announcement: &Announcement) -> Html {
    let Announcement { count, text } = announcement;
    html! {
        <p class="tc-visually-hidden" aria-live="polite">
            if *count > 0 {
                <span key={*count}>{ text.clone() }</span>
            }
        </p>
    }
}
