//! The page URL and the view kept in step, when the host lets the widget use the URL.

use super::catalog_context::use_catalog;
use super::state::UiState;
use crate::catalog::state::Action;
use crate::catalog::url_state;
use crate::platform::{self, HistoryMode};
use yew::prelude::*;

/// How long typing must pause before the URL follows.
const URL_UPDATE_DELAY_MS: u32 = 300;

/// Writes the view into the URL, and restores the URL's view after Back or Forward. Opening a
/// talk is a step in history, at once; the rest (typing, ticking filters) replaces the current
/// entry once the user pauses. Per keystroke, replacing the URL costs a few milliseconds
/// (Chromium re-reads the favicon), and Safari refuses more than 100 replacements in 30 seconds.
#[hook]
pub fn use_url_sync(enabled: bool, state: &UseReducerHandle<UiState>) {
    let catalog = use_catalog();
    let last_open = use_mut_ref(|| state.view.open);
    let pending_replace = use_mut_ref(|| None);
    use_effect_with(state.view.clone(), move |state| {
        if !enabled {
            return;
        }
        let search = platform::current_search();
        let wanted = url_state::encode(catalog, state, &search);
        let opened = state.open.is_some() && state.open != *last_open.borrow();
        *last_open.borrow_mut() = state.open;
        // A newer state replaces (and so cancels) the pending update.
        *pending_replace.borrow_mut() = None;
        if wanted != search && opened {
            platform::set_search(&wanted, HistoryMode::Push);
        } else if wanted != search {
            let replace = move || platform::set_search(&wanted, HistoryMode::Replace);
            *pending_replace.borrow_mut() = Some(platform::after(URL_UPDATE_DELAY_MS, replace));
        }
    });
    let state = state.clone();
    use_effect_with((), move |_| {
        let history = enabled.then(|| {
            platform::on_history_change(move || {
                state.dispatch(Action::Restore(url_state::decode(catalog, &platform::current_search())));
            })
        });
        move || drop(history)
    });
}
