use crate::catalog::Lang;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// The id of the search input, for the `/` shortcut and labels.
pub const SEARCH_INPUT_ID: &str = "tc-search-input";

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub lang: Lang,
    pub value: String,
    pub on_change: Callback<String>,
}

/// The search field. Escape clears it.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let messages = props.lang.messages();
    let oninput = props.on_change.reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
    let onkeydown = {
        let (on_change, empty) = (props.on_change.clone(), props.value.is_empty());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && !empty {
                event.prevent_default();
                on_change.emit(String::new());
            }
        })
    };
    html! {
        <div class="tc-search">
            <label for={SEARCH_INPUT_ID}>{ messages.search_label }</label>
            <input
                id={SEARCH_INPUT_ID}
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder={messages.search_placeholder}
                aria-describedby="tc-search-help"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
            <p id="tc-search-help" class="tc-help">
                { messages.search_help }
            </p>
        </div>
    }
}
