//! A minimal interactive list: an input that filters a keyed list of rows, and a button per row.
use yew::prelude::*;
const ITEMS: [&str; 8] = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
#[component]
fn App() -> Html {
    let query = use_state(String::new);
    let selected = use_state(|| None::<usize>);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    html! {
        <main>
            <input type="search" {oninput} value={(*query).clone()} />
            <ul>
                { for ITEMS.iter().enumerate().filter(|(_, s)| s.contains(query.as_str())).map(|(i, s)| {
                    let is_selected = *selected == Some(i);
                    let selected = selected.clone();
                    let onclick = Callback::from(move |_: MouseEvent| selected.set(Some(i)));
                    html! { <li key={i} class={classes!(is_selected.then_some("sel"))}><button {onclick}>{ *s }</button></li> }
                }) }
            </ul>
        </main>
    }
}
fn main() {
    yew::Renderer::<App>::new().render();
}
