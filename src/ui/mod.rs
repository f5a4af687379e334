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

pub use app::{initial_state, App, AppProps};
pub use options::Options;
pub use talk_card::{TalkCard, TalkCardProps};

/// Renders the app into the host element, in place of whatever the page pre-rendered there
/// (the same components' static HTML, see src/bin/prerender.rs); logs and does nothing when
/// the page has no host element.
pub fn mount() {
    match crate::platform::host_element() {
        Some(host) => {
            let options = Options::from_attributes(|name| crate::platform::data_attribute(&host, name));
            let initial = initial_state(options);
            // Replaced, not hydrated: the URL may ask for another view than the pre-rendered
            // default one. Both happen before the next paint, and the default view renders
            // the same boxes, so nothing moves.
            host.set_text_content(None);
            yew::Renderer::<App>::with_root_and_props(host, AppProps { options, initial }).render();
        }
        None => gloo::console::error!(
            "Talk Catalog: no element with id=\"talk-catalog\" or data-talk-catalog to mount into"
        ),
    }
}
