use super::active_filters::ActiveFilters;
use super::calendar_export::export_favourites;
use super::schedule::Schedule;
use crate::catalog::messages::fill;
use crate::catalog::state::{Action, ViewState};
use crate::catalog::view::View;
use crate::platform::format_number;
use std::rc::Rc;
use yew::prelude::*;

/// Above the list: the active filters, "Favourites only", "Export my favourites" and "Expand all".
pub fn toolbar(schedule: &Rc<Schedule>, state: &ViewState, view: &View, on_action: &Callback<Action>) -> Html {
    let lang = schedule.lang;
    let messages = lang.messages();
    let favourites_only = on_action.reform(|event: Event| {
        Action::SetFavouritesOnly(event.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
    });
    let all_expanded = !view.talks.is_empty() && view.talks.iter().all(|talk| state.expanded.contains(talk));
    let expand_all = {
        let talks = view.talks.clone();
        on_action.reform(
            move |_: MouseEvent| if all_expanded { Action::CollapseAll } else { Action::ExpandAll(talks.clone()) },
        )
    };
    html! {
        <div class="tc-toolbar">
            <ActiveFilters
                schedule={Rc::clone(schedule)}
                selection={state.selection.clone()}
                favourites_only={state.favourites_only}
                has_query={!view.query.is_empty()}
                on_action={on_action.clone()}
            />
            <div class="tc-toolbar-actions">
                <label class="tc-check">
                    <input type="checkbox" checked={state.favourites_only} onchange={favourites_only} />
                    { fill(messages.favourites_only, &[&format_number(lang, state.favourites.len())]) }
                </label>
                { export_favourites(schedule.catalog, &state.favourites, messages) }
                <button type="button" class="tc-link-button" onclick={expand_all} disabled={view.talks.is_empty()}>
                    { if all_expanded { messages.collapse_all } else { messages.expand_all } }
                </button>
            </div>
        </div>
    }
}
