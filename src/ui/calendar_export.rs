//! "Add to calendar" on a talk's card and "Export my favourites" in the toolbar: `.ics` files of
//! talks with a start (`ics`), downloaded. Catalogs without times show neither.

use crate::catalog::sorted_set::SortedSet;
use crate::catalog::{ics, Catalog, Messages};
use crate::platform;
use yew::prelude::*;

/// Downloads the calendar of those of `talks` that have a start, if any has.
fn download(catalog: &'static Catalog, talks: &[usize]) {
    let address = platform::page_address();
    if let Some(text) = ics::calendar(catalog, talks, |talk| address.talk_url(catalog, talk), crate::intl::now()) {
        platform::download(&ics::file_name(catalog, talks), ics::MIME, &text);
    }
}

/// The card's "Add to calendar", when `talk` has a start.
pub fn add_to_calendar(catalog: &'static Catalog, talk: usize, messages: &Messages) -> Html {
    if catalog.talks[talk].start.is_none() {
        return html! {};
    }
    let onclick = Callback::from(move |_: MouseEvent| download(catalog, &[talk]));
    html! { <button type="button" class="tc-link-button tc-calendar" {onclick}>{ messages.add_to_calendar }</button> }
}

/// The toolbar's "Export my favourites", when any talk has a start: disabled, saying why, while
/// no starred talk has one.
pub fn export_favourites(catalog: &'static Catalog, favourites: &SortedSet<usize>, messages: &Messages) -> Html {
    if !catalog.has_times() {
        return html! {};
    }
    let timed: Vec<usize> = favourites.iter().copied().filter(|&talk| catalog.talks[talk].start.is_some()).collect();
    let title = timed.is_empty().then_some(messages.export_favourites_none);
    let disabled = timed.is_empty();
    let onclick = Callback::from(move |_: MouseEvent| download(catalog, &timed));
    html! {
        <button type="button" class="tc-link-button tc-export-favourites" {onclick} {disabled} {title}>
            { messages.export_favourites }
        </button>
    }
}
