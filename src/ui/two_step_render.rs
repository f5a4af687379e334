//! A new query's result is painted with its first cards and those already on the page; the
//! others are created once that frame is painted (unless the next keystroke comes first), so
//! typing stays quick however many cards a new result brings. Any other render shows all the
//! pages' cards.

use crate::catalog::state::ViewState;
use crate::catalog::view::View;
use crate::platform;
use yew::prelude::*;

/// The talks to render now, out of `view`'s first `rendered` (those of the shown pages) for
/// `state`; when that is not all of them, the rest follow in a render after the next paint.
#[hook]
pub fn use_two_step_render(view: &View, state: &ViewState, rendered: usize) -> Vec<usize> {
    let previous_query = use_mut_ref(|| state.query.clone());
    let on_page = use_mut_ref(Vec::new);
    let query_changed = *previous_query.borrow() != state.query;
    let render_now = if query_changed {
        *previous_query.borrow_mut() = state.query.clone();
        view.rendered_first(rendered, state.open, &on_page.borrow())
    } else {
        view.talks[..rendered].to_vec()
    };
    let partial = render_now.len() < rendered;
    *on_page.borrow_mut() = render_now.clone();
    let rest_pending = use_mut_ref(|| None);
    let rest_rendered = use_state(|| 0u32);
    use_effect_with((state.query.clone(), partial), move |&(_, partial)| {
        let render_rest = move || rest_rendered.set(rest_rendered.wrapping_add(1));
        *rest_pending.borrow_mut() = partial.then(|| platform::after_next_paint(render_rest));
    });
    render_now
}
