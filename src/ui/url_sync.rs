//! The page URL follows the view, when the host lets the widget use the URL.

use crate::catalog::state::ViewState;
use crate::catalog::url_state;
use crate::catalog::Catalog;
use crate::platform::{self, HistoryMode};
use yew::prelude::*;

/// How long typing must pause before the URL follows.
const URL_UPDATE_DELAY_MS: u32 = 300;

/// Writes the view into the URL (Back and Forward read it back: `use_global_listeners`). Opening a
/// talk is a step in history, at once; the rest (typing, ticking filters) replaces the current
/// entry once the user pauses. Per keystroke, replacing the URL costs a few milliseconds
/// (Chromium re-reads the favicon), and Safari refuses more than 100 replacements in 30 seconds.
#[hook]
pub fn use_url_sync(catalog: &'static Catalog, enabled: bool, state: &ViewState) {
    let last_open = use_mut_ref(|| state.open);
    let pending_replace = use_mut_ref(|| None);
    use_effect_with(state.clone(), move |state| {
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
}
