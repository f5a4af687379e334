use crate::platform;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// The id of the search input, for the `/` shortcut and labels.
const SEARCH_INPUT_ID: &str = "tc-search-input";

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: String,
    pub on_change: Callback<String>,
}

/// The search field. Escape clears it; `/` anywhere outside a text field focuses it.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    use_effect_with((), |_| {
        let slash = platform::on_slash_key(|| platform::focus_element(SEARCH_INPUT_ID));
        move || drop(slash)
    });
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
            <label for={SEARCH_INPUT_ID}>{ "Search talks" }</label>
            <input
                id={SEARCH_INPUT_ID}
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Title, speaker, topic…  (press /)"
                aria-describedby="tc-search-help"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
            <p id="tc-search-help" class="tc-help">
                { "Try \"exact phrase\", speaker:name, tag:topic, from:institution, -exclude." }
            </p>
        </div>
    }
}
