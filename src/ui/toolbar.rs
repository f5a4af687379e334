use super::active_filters::ActiveFilters;
use super::calendar_export::export_favourites;
use super::catalog_ref::CatalogRef;
use crate::catalog::state::{Action, ViewState};
use crate::catalog::view::View;
use yew::prelude::*;

/// Above the list: the active filters, "Favourites only", "Export my favourites" and "Expand all".
pub fn toolbar(catalog: CatalogRef, state: &ViewState, view: &View, on_action: &Callback<Action>) -> Html {
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
                {catalog}
                selection={state.selection.clone()}
                favourites_only={state.favourites_only}
                has_query={!view.query.is_empty()}
                on_action={on_action.clone()}
            />
            <div class="tc-toolbar-actions">
                <label class="tc-check">
                    <input type="checkbox" checked={state.favourites_only} onchange={favourites_only} />
                    { format!("Favourites only ({})", state.favourites.len()) }
                </label>
                { export_favourites(catalog.0, &state.favourites) }
                <button type="button" class="tc-link-button" onclick={expand_all} disabled={view.talks.is_empty()}>
                    { if all_expanded { "Collapse all" } else { "Expand all" } }
                </button>
            </div>
        </div>
    }
}
