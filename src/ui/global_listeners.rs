//! What the app sets up on the page once it is mounted.

use super::search_box::SEARCH_INPUT_ID;
use super::state::UiState;
use crate::catalog::state::Action;
use crate::catalog::url_state;
use crate::catalog::Catalog;
use crate::platform;
use yew::prelude::*;

/// Back and Forward restore their URL's view (when the widget may use the URL, `url_sync`), and
/// `/` outside a text field focuses the search box; then the host element is marked ready, as
/// the app now responds to input. The search derives its per-term tables on first use
/// (`SearchIndex::term_tables`): they are derived once the app is painted, so the first
/// keystroke doesn't wait for them.
#[hook]
pub fn use_global_listeners(catalog: &'static Catalog, url_sync: bool, state: &UseReducerHandle<UiState>) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let history = url_sync.then(|| {
            platform::on_history_change(move || {
                state.dispatch(Action::Restore(url_state::decode(catalog, &platform::current_search())));
            })
        });
        let slash = platform::on_slash_key(|| platform::focus_element(SEARCH_INPUT_ID));
        platform::mark_ready();
        let warm_up = platform::after_next_paint(|| {
            catalog.index.term_tables();
        });
        move || drop((history, slash, warm_up))
    });
}
