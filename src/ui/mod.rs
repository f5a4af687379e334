//! The Yew view layer: thin components over the core's state and search.

mod active_filters;
mod announcer;
mod app;
mod calendar_export;
mod catalog_ref;
mod copy_link;
mod empty_state;
mod facet_panel;
mod focus;
mod global_listeners;
mod highlight;
mod options;
mod rich_text;
mod schedule;
mod search_box;
mod shared_favourites;
mod sort_control;
mod state;
mod static_pages;
mod stored_favourites;
mod talk_card;
mod talk_list;
mod toolbar;
mod two_step_render;
mod url_sync;

pub use app::{initial_state, App, AppProps};
pub use catalog_ref::CatalogRef;
pub use options::Options;
pub use schedule::Schedule;
pub use static_pages::{page_count, StaticPage, StaticPageProps};
pub use talk_card::{TalkCard, TalkCardProps};

use crate::catalog::messages::{fill, Plural};
use crate::catalog::state::{Action, Reducer};
use crate::catalog::Lang;
use crate::platform::format_number;

/// A count as `lang` says it: `plural`'s form for `count`, with the count as `{0}` (written as
/// the language writes numbers) and `more` as `{1}`….
fn counted(lang: Lang, plural: &Plural, count: usize, more: &[&str]) -> String {
    let number = format_number(lang, count);
    fill(plural.pick(lang, count), &[&[number.as_str()], more].concat())
}

/// "1 talk", "3 talks".
fn talks(lang: Lang, count: usize) -> String {
    counted(lang, &lang.messages().talks, count, &[])
}

/// Renders the app showing `catalog` into the host element, in place of whatever the page
/// pre-rendered there (the same components' static HTML, see src/bin/prerender.rs); logs and
/// does nothing when the page has no host element.
pub fn mount(catalog: &'static crate::catalog::Catalog) {
    match crate::platform::host_element() {
        Some(host) => {
            if catalog.has_times() {
                let offsets = catalog.talks.iter().map(|talk| talk.start.map_or(0, crate::intl::viewer_offset));
                catalog.set_viewer_offsets(offsets);
            }
            let options = Options::from_attributes(|name| crate::platform::data_attribute(&host, name));
            let mut initial = initial_state(catalog, options);
            // What was typed into the pre-rendered box while the app loaded is the query, and
            // the box keeps the focus the reader gave it.
            let (typed, focus_search) = crate::platform::typed_search(search_box::SEARCH_INPUT_ID).unwrap_or_default();
            if !typed.is_empty() {
                let reducer = Reducer { catalog, page_size: options.page_size };
                initial = reducer.reduce(&initial, Action::SetQuery(typed));
            }
            let address = std::rc::Rc::new(crate::platform::page_address());
            // Replaced, not hydrated: the URL may ask for another view than the pre-rendered
            // default one. Both happen before the next paint, and the default view renders
            // the same boxes, so nothing moves.
            if focus_search {
                crate::platform::hold_search_box(search_box::SEARCH_INPUT_ID);
            }
            host.set_text_content(None);
            let props =
                AppProps { catalog: CatalogRef(catalog), options, initial, address, pages_url: None, focus_search };
            yew::Renderer::<App>::with_root_and_props(host, props).render();
        }
        None => gloo::console::error!(
            "Talk Catalog: no element with id=\"talk-catalog\" or data-talk-catalog to mount into"
        ),
    }
}
