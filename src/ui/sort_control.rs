use crate::catalog::state::SortOrder;
use crate::catalog::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortControlProps {
    pub lang: Lang,
    pub value: SortOrder,
    /// Whether the talks have times, to be sorted by.
    pub times: bool,
    pub on_change: Callback<Option<SortOrder>>,
}

#[component]
pub fn SortControl(props: &SortControlProps) -> Html {
    let messages = props.lang.messages();
    let onchange = props
        .on_change
        .reform(|event: Event| SortOrder::from_id(&event.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <div class="tc-sort">
            <label for="tc-sort-select">{ messages.sort_label }</label>
            <select id="tc-sort-select" {onchange}>
                { for SortOrder::ALL.into_iter().filter(|&order| order != SortOrder::Time || props.times).map(|order| html! {
                    <option value={order.id()} selected={order == props.value}>{ order.label(messages) }</option>
                }) }
            </select>
        </div>
    }
}
