use super::schedule::Schedule;
use super::talks;
use crate::catalog::messages::fill;
use crate::catalog::state::Action;
use crate::catalog::view::Relaxation;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// The catalog shown, and how its days and languages read.
    pub schedule: Rc<Schedule>,
    /// Each way to widen the search, with how many talks it would show.
    pub relaxations: Vec<(Relaxation, usize)>,
    pub on_action: Callback<Action>,
}

/// "No talks match", with one-click ways out.
#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let catalog = props.schedule.catalog;
    let (lang, messages) = (props.schedule.lang, props.schedule.lang.messages());
    let suggestion = |&(relaxation, count): &(Relaxation, usize)| {
        let (label, action) = match relaxation {
            Relaxation::ClearQuery => (messages.clear_search.to_owned(), Action::SetQuery(String::new())),
            Relaxation::RemoveFacet(value) => {
                (fill(messages.remove_value, &[&props.schedule.value_label(value)]), Action::ToggleFacet(value))
            }
            Relaxation::ShowAllNotJustFavourites => {
                (messages.show_all_not_just_favourites.to_owned(), Action::SetFavouritesOnly(false))
            }
        };
        let onclick = props.on_action.reform(move |_: MouseEvent| action.clone());
        html! {
            <li>
                <button type="button" class="tc-suggestion" disabled={count == 0} {onclick}>
                    { label }<span class="tc-count">{ format!(" → {}", talks(lang, count)) }</span>
                </button>
            </li>
        }
    };
    let clear_all = props.on_action.reform(|_: MouseEvent| Action::ClearFilters);
    html! {
        <div class="tc-empty">
            <p class="tc-empty-title">{ messages.no_match }</p>
            <ul class="tc-suggestions">
                { for props.relaxations.iter().map(suggestion) }
                <li>
                    <button type="button" class="tc-suggestion" onclick={clear_all}>
                        { messages.clear_all }<span class="tc-count">{ format!(" → {}", talks(lang, catalog.talks.len())) }</span>
                    </button>
                </li>
            </ul>
        </div>
    }
}
