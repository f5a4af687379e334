use super::highlight::highlighted;
use crate::catalog::catalog;
use crate::catalog::field::Field;
use crate::catalog::query::Query;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TalkCardProps {
    /// Index of the talk in the catalog.
    pub index: usize,
    pub expanded: bool,
    /// The active query, whose matches are highlighted.
    pub query: Rc<Query>,
    pub on_toggle: Callback<usize>,
}

/// One talk: `<article data-talk-id>` with a heading, speakers, tags and a collapsible abstract.
#[component]
pub fn TalkCard(props: &TalkCardProps) -> Html {
    let catalog = catalog();
    let talk = &catalog.talks[props.index];
    let details_id = format!("tc-details-{}", talk.id);
    let heading_id = format!("tc-title-{}", talk.id);
    let onclick = {
        let (index, on_toggle) = (props.index, props.on_toggle.clone());
        Callback::from(move |_: MouseEvent| on_toggle.emit(index))
    };

    html! {
        <article class="tc-talk" data-talk-id={talk.id} aria-labelledby={heading_id.clone()}>
            <h2 class="tc-talk-title" id={heading_id}>{ highlighted(talk.title, Field::Title, &props.query) }</h2>
            <ul class="tc-speakers">
                { for talk.speakers.iter().map(|speaker| html! {
                    <li class="tc-speaker">
                        <span class="tc-speaker-name">{ speaker.name }</span>
                        { ", " }
                        <span class="tc-affiliation">{ speaker.affiliation }</span>
                    </li>
                }) }
            </ul>
            <ul class="tc-tags" aria-label="Topics">
                { for talk.tags.iter().map(|&tag| {
                    let tag = &catalog.tags[usize::from(tag)];
                    html! { <li class="tc-tag" title={tag.description}>{ tag.label }</li> }
                }) }
            </ul>
            <button
                type="button"
                class="tc-toggle"
                aria-expanded={props.expanded.to_string()}
                aria-controls={details_id.clone()}
                {onclick}
            >
                { if props.expanded { "Hide abstract" } else { "Show abstract" } }
            </button>
            <div class="tc-details" id={details_id} hidden={!props.expanded}>
                <div class="tc-abstract">
                    { for talk.abstract_paragraphs.iter().map(|paragraph| html! {
                        <p>{ highlighted(paragraph, Field::Abstract, &props.query) }</p>
                    }) }
                </div>
                if !talk.bio.is_empty() {
                    <section class="tc-bio">
                        <h3>{ "About the speaker" }</h3>
                        { for talk.bio.iter().map(|paragraph| html! {
                            <p>{ highlighted(paragraph, Field::Bio, &props.query) }</p>
                        }) }
                    </section>
                }
            </div>
        </article>
    }
}
