use super::{counted, talks};
use crate::catalog::messages::fill;
use crate::catalog::state::{Action, ViewState};
use crate::catalog::Lang;
use yew::prelude::*;

/// When the list shown is someone else's (from a shared link): says so, that the person's own
/// favourites are untouched, and offers to add the list to them. Nothing otherwise.
pub fn shared_favourites(
    lang: Lang,
    state: &ViewState,
    on_action: &Callback<Action>,
    announce: &Callback<AttrValue>,
) -> Html {
    let messages = lang.messages();
    let Some(shared) = &state.shared_favourites else { return html! {} };
    let not_mine = shared.iter().filter(|talk| !state.favourites.contains(talk)).count();
    let own = state.favourites.len();
    let add = {
        let (on_action, announce) = (on_action.clone(), announce.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::AddSharedFavourites);
            announce.emit(counted(lang, &messages.added_to_favourites, not_mine, &[]).into());
        })
    };
    let leave = on_action.reform(|_: MouseEvent| Action::LeaveSharedFavourites);
    html! {
        <section class="tc-shared" aria-label={messages.shared_favourites}>
            <p>
                { format!("{} ", fill(messages.viewing_shared, &[&talks(lang, shared.len())])) }
                if own == 0 {
                    { messages.starring_adds }
                } else {
                    { fill(messages.own_kept, &[&talks(lang, own)]) }
                }
            </p>
            <p class="tc-shared-actions">
                if not_mine > 0 {
                    <button type="button" class="tc-suggestion" onclick={add}>{ messages.add_these }</button>
                } else {
                    <span>{ messages.all_in_favourites }</span>
                }
                <button type="button" class="tc-link-button" onclick={leave}>{ messages.show_my_favourites }</button>
            </p>
        </section>
    }
}
