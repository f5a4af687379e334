//! The Yew view layer: thin components over the core's state and search.

mod active_filters;
mod app;
mod empty_state;
mod facet_panel;
mod highlight;
mod options;
mod search_box;
mod sort_control;
mod state;
mod talk_card;

pub use app::{App, AppProps};
pub use options::Options;
pub use talk_card::{TalkCard, TalkCardProps};

/// Renders the app into the host element; logs and does nothing when the page has none.
pub fn mount() {
    match crate::platform::host_element() {
        Some(host) => {
            let options = Options::from_attributes(|name| crate::platform::data_attribute(&host, name));
            yew::Renderer::<App>::with_root_and_props(host, AppProps { options }).render();
        }
        None => gloo::console::error!(
            "Talk Catalog: no element with id=\"talk-catalog\" or data-talk-catalog to mount into"
        ),
    }
}
