use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: String,
    pub on_change: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_change.reform(|event: InputEvent| event.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <div class="tc-search">
            <label for="tc-search-input">{ "Search talks" }</label>
            <input
                id="tc-search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Title, speaker, topic…"
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
