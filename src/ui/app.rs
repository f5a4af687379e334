use super::facet_panel::FacetPanel;
use super::search_box::SearchBox;
use super::sort_control::SortControl;
use super::state::UiState;
use super::talk_card::TalkCard;
use crate::catalog::catalog;
use crate::catalog::state::Action;
use crate::catalog::{url_state, view};
use crate::platform::{self, HistoryMode};
use std::rc::Rc;
use yew::prelude::*;

/// A callback that turns its argument into an action and dispatches it.
fn dispatcher<T: 'static>(state: &UseReducerHandle<UiState>, make: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| state.dispatch(make(value)))
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| UiState(url_state::decode(catalog(), &platform::current_search())));
    let view = use_memo(state.0.clone(), |state| view::compute(catalog(), state));
    let query = use_memo(view.query.clone(), |query| query.clone());

    // Keep the URL in step with the state: opening a talk is a step in history, the rest
    // (typing, ticking filters) replaces the current entry.
    let last_open = use_mut_ref(|| state.0.open);
    use_effect_with(state.0.clone(), move |state| {
        let search = platform::current_search();
        let wanted = url_state::encode(catalog(), state, &search);
        if wanted != search {
            let opened = state.open.is_some() && state.open != *last_open.borrow();
            platform::set_search(&wanted, if opened { HistoryMode::Push } else { HistoryMode::Replace });
        }
        *last_open.borrow_mut() = state.open;
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = platform::on_history_change(move || {
                state.dispatch(Action::Restore(url_state::decode(catalog(), &platform::current_search())));
            });
            move || drop(listener)
        });
    }

    let total = catalog().talks.len();
    let status = match view.talks.len() {
        count if count == total => format!("{total} talks"),
        count => format!("{count} of {total} talks"),
    };

    html! {
        <div class="tc">
            <div class="tc-header">
                <SearchBox value={state.0.query.clone()} on_change={dispatcher(&state, Action::SetQuery)} />
                <SortControl value={view.sort} on_change={dispatcher(&state, Action::SetSort)} />
                <p class="tc-status" role="status">{ status }</p>
            </div>
            <div class="tc-body">
                <FacetPanel
                    counts={view.facets.clone()}
                    selection={state.0.selection.clone()}
                    on_toggle={dispatcher(&state, Action::ToggleFacet)}
                />
                <ol class="tc-list">
                    { for view.talks.iter().map(|&talk| html! {
                        <li key={catalog().talks[talk].id}>
                            <TalkCard
                                index={talk}
                                expanded={state.0.expanded.contains(&talk)}
                                query={Rc::clone(&query)}
                                on_toggle={dispatcher(&state, Action::ToggleExpanded)}
                            />
                        </li>
                    }) }
                </ol>
            </div>
        </div>
    }
}
