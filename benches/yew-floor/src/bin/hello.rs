//! "Hello" in a paragraph: the least a Yew app can be.
use yew::prelude::*;
#[component]
fn App() -> Html {
    html! { <p>{ "Hello" }</p> }
}
fn main() {
    yew::Renderer::<App>::new().render();
}
