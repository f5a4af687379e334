//! The person's own stars, kept in local storage by talk id.

use crate::catalog::sorted_set::SortedSet;
use crate::catalog::state::apply_star_changes;
use crate::catalog::Catalog;
use crate::platform;
use yew::prelude::*;

/// The stored stars of the talks `catalog` has.
pub fn stored_favourites(catalog: &Catalog) -> SortedSet<usize> {
    platform::load_favourites().iter().filter_map(|id| catalog.talk_index(id)).collect()
}

/// Saves the stars when the person changes them (only starring does: see
/// `ViewState::favourites`), not on load. Only the change is saved, onto what is stored now:
/// another tab's stars are not overwritten.
#[hook]
pub fn use_stored_favourites(catalog: &'static Catalog, favourites: &SortedSet<usize>) {
    let saved = use_mut_ref(|| favourites.clone());
    use_effect_with(favourites.clone(), move |favourites| {
        let before = std::mem::replace(&mut *saved.borrow_mut(), favourites.clone());
        if before != *favourites {
            let ids = |talks: &SortedSet<usize>| talks.iter().map(|&talk| catalog.talks[talk].id).collect::<Vec<_>>();
            let stored = apply_star_changes(platform::load_favourites(), &ids(&before), &ids(favourites));
            platform::save_favourites(&stored);
        }
    });
}
