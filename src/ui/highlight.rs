use crate::catalog::field::Field;
use crate::catalog::query::Query;
use crate::catalog::search::highlights;
use yew::prelude::*;

/// `text` with the words matching `query` wrapped in `<mark>`. Always text nodes, never HTML.
pub fn highlighted(text: &'static str, field: Field, query: &Query) -> Html {
    let mut parts = Vec::new();
    let mut done = 0;
    for range in highlights(text, field, query) {
        parts.push(html! { { &text[done..range.start] } });
        parts.push(html! { <mark>{ &text[range.clone()] }</mark> });
        done = range.end;
    }
    parts.push(html! { { &text[done..] } });
    parts.into_iter().collect()
}
