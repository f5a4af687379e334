//! What the app sets up on the page once it is mounted.

use super::search_box::SEARCH_INPUT_ID;
use super::state::UiState;
use crate::catalog::state::Action;
use crate::catalog::url_state;
use crate::catalog::Catalog;
use crate::platform;
use yew::prelude::*;

/// Talks whose words one step of deriving the word index adds: a fraction of a millisecond.
const WORD_INDEX_STEP: usize = 8;

/// Back and Forward restore their URL's view (when the widget may use the URL, `url_sync`), and
/// `/` outside a text field focuses the search box; then the host element is marked ready, as
/// the app now responds to input. A search box the reader had focused gets the focus back, with
/// what was typed meanwhile into the held pre-rendered box. The word index is derived from the
/// talks' text (`Catalog::derive_words`) a few talks at a time between frames, so input is never
/// held up for long and the first search finds it ready.
#[hook]
pub fn use_global_listeners(
    catalog: &'static Catalog,
    url_sync: bool,
    focus_search: bool,
    state: &UseReducerHandle<UiState>,
) {
    let state = state.clone();
    use_effect_with((), move |_| {
        if focus_search {
            // Keys typed while the app took over went into the pre-rendered box, held for them.
            let typed = platform::release_search_box(SEARCH_INPUT_ID);
            if let Some(typed) = typed.filter(|typed| *typed != state.view.query) {
                state.dispatch(Action::SetQuery(typed));
            }
            platform::focus_element(SEARCH_INPUT_ID);
        }
        let history = url_sync.then(|| {
            platform::on_history_change(move || {
                state.dispatch(Action::Restore(Box::new(url_state::decode(catalog, &platform::current_search()))));
            })
        });
        let slash = platform::on_slash_key(|| platform::focus_element(SEARCH_INPUT_ID));
        platform::mark_ready();
        let word_index = platform::in_slices(move || catalog.derive_words(WORD_INDEX_STEP));
        move || drop((history, slash, word_index))
    });
}
