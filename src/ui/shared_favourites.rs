use super::talks;
use yew::prelude::*;

/// What the notice on a shared list says and does.
pub struct SharedList {
    /// Talks in the shared list.
    pub shared: usize,
    /// How many of them the person has not starred yet.
    pub not_mine: usize,
    /// The person's own favourites.
    pub own: usize,
    pub on_add: Callback<()>,
    pub on_leave: Callback<()>,
}

/// Says that the list shown is someone else's (from a shared link), that the person's own
/// favourites are untouched, and offers to add the list to them.
pub fn shared_favourites(props: &SharedList) -> Html {
    let add = props.on_add.reform(|_: MouseEvent| ());
    let leave = props.on_leave.reform(|_: MouseEvent| ());
    html! {
        <section class="tc-shared" aria-label="Shared favourites">
            <p>
                { format!("You are viewing someone's shared favourites ({}). ", talks(props.shared)) }
                if props.own == 0 {
                    { "Starring a talk adds it to your own favourites." }
                } else {
                    { format!("Your own favourites ({}) are kept as they are.", talks(props.own)) }
                }
            </p>
            <p class="tc-shared-actions">
                if props.not_mine > 0 {
                    <button type="button" class="tc-suggestion" onclick={add}>{ "Add these to my favourites" }</button>
                } else {
                    <span>{ "All of these are in your favourites." }</span>
                }
                <button type="button" class="tc-link-button" onclick={leave}>{ "Show my favourites" }</button>
            </p>
        </section>
    }
}
