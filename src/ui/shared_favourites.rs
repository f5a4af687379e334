use super::talks;
use crate::catalog::state::{Action, ViewState};
use yew::prelude::*;

/// When the list shown is someone else's (from a shared link): says so, that the person's own
/// favourites are untouched, and offers to add the list to them. Nothing otherwise.
pub fn shared_favourites(state: &ViewState, on_action: &Callback<Action>, announce: &Callback<AttrValue>) -> Html {
    let Some(shared) = &state.shared_favourites else { return html! {} };
    let not_mine = shared.iter().filter(|talk| !state.favourites.contains(talk)).count();
    let own = state.favourites.len();
    let add = {
        let (on_action, announce) = (on_action.clone(), announce.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::AddSharedFavourites);
            announce.emit(format!("Added {} to your favourites", talks(not_mine)).into());
        })
    };
    let leave = on_action.reform(|_: MouseEvent| Action::LeaveSharedFavourites);
    html! {
        <section class="tc-shared" aria-label="Shared favourites">
            <p>
                { format!("You are viewing someone's shared favourites ({}). ", talks(shared.len())) }
                if own == 0 {
                    { "Starring a talk adds it to your own favourites." }
                } else {
                    { format!("Your own favourites ({}) are kept as they are.", talks(own)) }
                }
            </p>
            <p class="tc-shared-actions">
                if not_mine > 0 {
                    <button type="button" class="tc-suggestion" onclick={add}>{ "Add these to my favourites" }</button>
                } else {
                    <span>{ "All of these are in your favourites." }</span>
                }
                <button type="button" class="tc-link-button" onclick={leave}>{ "Show my favourites" }</button>
            </p>
        </section>
    }
}
