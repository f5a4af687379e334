use super::schedule::Schedule;
use crate::catalog::facets::Selection;
use crate::catalog::messages::fill;
use crate::catalog::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    /// The catalog shown, and how its days and languages read.
    pub schedule: Rc<Schedule>,
    pub selection: Selection,
    pub favourites_only: bool,
    /// Whether a text query is active too ("Clear all" clears it).
    pub has_query: bool,
    pub on_action: Callback<Action>,
}

/// The active filters as removable chips, and "Clear all". Renders nothing when none is active.
#[component]
pub fn ActiveFilters(props: &ActiveFiltersProps) -> Html {
    let messages = props.schedule.lang.messages();
    let values = props.selection.values();
    if values.is_empty() && !props.favourites_only && !props.has_query {
        return html! {};
    }
    let chip = |label: &str, action: Action| {
        let onclick = props.on_action.reform(move |_: MouseEvent| action.clone());
        html! {
            <li>
                <button type="button" class="tc-chip" aria-label={fill(messages.remove_filter, &[label])} {onclick}>
                    <bdi>{ label.to_owned() }</bdi><span aria-hidden="true">{ " ×" }</span>
                </button>
            </li>
        }
    };
    let clear_all = props.on_action.reform(|_: MouseEvent| Action::ClearFilters);
    html! {
        <div class="tc-active">
            <ul class="tc-chips" aria-label={messages.active_filters}>
                { for values.into_iter().map(|value| chip(&props.schedule.value_label(value), Action::ToggleFacet(value))) }
                if props.favourites_only {
                    { chip(messages.favourites, Action::SetFavouritesOnly(false)) }
                }
            </ul>
            <button type="button" class="tc-link-button" onclick={clear_all}>{ messages.clear_all }</button>
        </div>
    }
}
