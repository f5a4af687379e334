use super::calendar_export::add_to_calendar;
use super::catalog_ref::CatalogRef;
use super::highlight::highlighted;
use super::options::Options;
use super::rich_text::rich_text;
use super::schedule::Schedule;
use crate::catalog::facets::{Facet, FacetValue, Selection};
use crate::catalog::field::Field;
use crate::catalog::messages::fill;
use crate::catalog::query::Query;
use crate::catalog::rich_text::is_safe_link;
use crate::catalog::state::Action;
use crate::catalog::url_state::PageAddress;
use crate::catalog::view::teaser;
use crate::catalog::{Catalog, Format, LinkKind, Messages, Talk};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TalkCardProps {
    /// The catalog shown.
    pub catalog: CatalogRef,
    /// Index of the talk in the catalog.
    pub index: usize,
    /// How its time, day and language read.
    pub schedule: Rc<Schedule>,
    /// For the heading levels.
    #[prop_or_default]
    pub options: Options,
    pub expanded: bool,
    pub favourite: bool,
    /// The active query, whose matches are highlighted.
    pub query: Rc<Query>,
    /// The facet selection, to show which tag buttons are pressed.
    pub selection: Rc<Selection>,
    pub on_action: Callback<Action>,
    /// "Copy link" was pressed: called with the talk's index.
    pub on_copy: Callback<usize>,
    /// The page's address, which links to other talks are built on.
    #[prop_or_default]
    pub address: Rc<PageAddress>,
    /// The talk's link, when copying it to the clipboard failed: shown in a field to copy.
    #[prop_or_default]
    pub copy_fallback: Option<AttrValue>,
    /// False on a static page (no app behind it): no buttons, no links into the app, the
    /// details shown.
    #[prop_or(true)]
    pub interactive: bool,
}

/// The id of a talk's heading: deep links and "Related talks" move focus there.
pub fn heading_id(talk: &str) -> String {
    format!("tc-title-{talk}")
}

/// The id of the field that holds a talk's link when it could not be copied.
pub fn copy_field_id(talk: &str) -> String {
    format!("tc-link-{talk}")
}

/// What links to other talks need: the talks, where the page is, and where a click goes.
struct Links<'a> {
    catalog: &'a Catalog,
    address: &'a PageAddress,
    on_action: &'a Callback<Action>,
}

impl Links<'_> {
    /// A link to a talk that opens it in place; its address (the page's own, with only our
    /// parameters changed) works in a new tab and when copied.
    fn talk(&self, index: usize) -> Html {
        let catalog = self.catalog;
        let on_action = self.on_action.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            // A click with a modifier opens a new tab or window: leave that to the browser.
            if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()) {
                event.prevent_default();
                on_action.emit(Action::Open(index));
            }
        });
        html! { <a href={self.address.talk_url(catalog, index)} {onclick} dir="auto">{ catalog.talks[index].title }</a> }
    }
}

fn link_list(heading: &str, title: String, talks: &[usize], links: &Links) -> Html {
    if talks.is_empty() {
        return html! {};
    }
    html! {
        <section class="tc-more">
            <@{heading.to_owned()} class="tc-section-title">{ title }</@>
            <ul>{ for talks.iter().map(|&talk| html! { <li>{ links.talk(talk) }</li> }) }</ul>
        </section>
    }
}

/// "Part 1 of 2 · next: Part 2" for talks in a series.
fn series_nav(index: usize, links: &Links, messages: &Messages) -> Html {
    let catalog = links.catalog;
    let Some(part) = catalog.talks[index].series else { return html! {} };
    let parts = catalog.series_parts(part.series);
    let position = parts.iter().position(|&(_, talk)| talk == index).unwrap_or(0);
    let step = |label: &str, neighbour: Option<&(u16, usize)>| match neighbour {
        Some(&(number, talk)) => html! {
            <>{ format!(" · {label}: ") }{ links.talk(talk) }{ format!(" ({})", fill(messages.part, &[&number.to_string()])) }</>
        },
        None => html! {},
    };
    let series = &catalog.series[usize::from(part.series)];
    html! {
        <nav class="tc-series" aria-label={fill(messages.series, &[series.title])}>
            { fill(messages.part_of, &[&part.part.to_string(), &parts.len().to_string()]) }
            { step(messages.previous_part, position.checked_sub(1).and_then(|previous| parts.get(previous))) }
            { step(messages.next_part, parts.get(position + 1)) }
        </nav>
    }
}

/// What a link of `kind` is called when the data gives it no label.
fn link_kind_label(kind: LinkKind, messages: &Messages) -> &'static str {
    match kind {
        LinkKind::Slides => messages.link_slides,
        LinkKind::Video => messages.link_video,
        LinkKind::Recording => messages.link_recording,
        LinkKind::Paper => messages.link_paper,
        LinkKind::Code => messages.link_code,
        LinkKind::Other => messages.link_other,
    }
}

/// The talk's slides, recordings and other links, each named by its label or kind.
fn talk_links(talk: &Talk, messages: &Messages) -> Html {
    let links: Vec<_> = talk.links.iter().filter(|link| is_safe_link(link.url)).collect();
    if links.is_empty() {
        return html! {};
    }
    html! {
        <ul class="tc-links" aria-label={messages.links}>
            { for links.into_iter().map(|link| {
                let label = if link.label.is_empty() { link_kind_label(link.kind, messages) } else { link.label };
                html! {
                    <li><a class="tc-link" data-kind={link.kind.id()} href={link.url} rel="noopener" dir="auto">{ label }</a></li>
                }
            }) }
        </ul>
    }
}

/// The talk's track, and its language where the catalog has several, as labels.
fn labels(talk: &Talk, schedule: &Schedule) -> Html {
    let catalog = schedule.catalog;
    let language = talk.language.or(catalog.event.language).filter(|_| Facet::Language.offered(catalog));
    if talk.track.is_none() && language.is_none() {
        return html! {};
    }
    html! {
        <ul class="tc-labels" aria-label={schedule.lang.messages().track_and_language}>
            if let Some(track) = talk.track {
                <li class="tc-label tc-track" dir="auto">{ track }</li>
            }
            if let Some(language) = language {
                <li class="tc-label tc-language">{ schedule.language(language) }</li>
            }
        </ul>
    }
}

/// One talk: `<article data-talk-id>` with a heading, speakers, tags as filter buttons, a
/// two-line teaser, and a disclosure button for the abstract, bio and links to other talks.
#[component]
pub fn TalkCard(props: &TalkCardProps) -> Html {
    let catalog = props.catalog.0;
    let index = props.index;
    let talk = &catalog.talks[index];
    let messages = props.options.language(catalog).messages();
    let details_id = format!("tc-details-{}", talk.id);
    let heading_id = heading_id(talk.id);
    let on_action = &props.on_action;
    let links = Links { catalog, address: &props.address, on_action };
    let toggle = on_action.reform(move |_: MouseEvent| Action::ToggleExpanded(index));
    let star = on_action.reform(move |_: MouseEvent| Action::ToggleFavourite(index));
    let copy = props.on_copy.reform(move |_: MouseEvent| index);
    let (title_tag, section_tag) = (props.options.title_tag(), props.options.section_tag());
    let speaker_names: Vec<&str> = talk.speakers.iter().map(|speaker| speaker.name).collect();
    // The details are in the page even while collapsed (for find-in-page, and without
    // JavaScript), but matches are marked only once they are shown: finding them in every
    // hidden abstract is most of a keystroke's work.
    let marked = props.expanded.then_some(&*props.query);
    let speaker_bios: Vec<_> = talk.speakers.iter().filter(|speaker| !speaker.bio.is_empty()).collect();
    let teaser = teaser(talk);

    html! {
        <article class="tc-talk" data-talk-id={talk.id} aria-labelledby={heading_id.clone()}>
            <div class="tc-talk-head">
                <@{title_tag} class="tc-talk-title" id={heading_id} tabindex="-1" dir="auto">
                    { highlighted(talk.title, Field::Title, &props.query) }
                </@>
                if props.interactive {
                    <button
                        type="button"
                        class="tc-star"
                        aria-pressed={props.favourite.to_string()}
                        aria-label={fill(messages.favourite_talk, &[talk.title])}
                        title={if props.favourite { messages.remove_favourite } else { messages.add_favourite }}
                        onclick={star}
                    >
                        <span aria-hidden="true">{ if props.favourite { "★" } else { "☆" } }</span>
                    </button>
                }
            </div>
            if talk.format == Format::Tutorial {
                <p class="tc-format">{ Format::Tutorial.label(messages) }</p>
            }
            { props.schedule.when(index) }
            <ul class="tc-speakers">
                { for talk.speakers.iter().map(|speaker| {
                    let url = speaker.url.filter(|url| is_safe_link(url));
                    html! {
                    <li class="tc-speaker">
                        // A link to their page, if the data gives one; else just the name.
                        <@{if url.is_some() { "a" } else { "span" }} class="tc-speaker-name" href={url} rel={url.map(|_| "noopener")} dir="auto">
                            { speaker.name }
                        </@>
                        if !speaker.affiliation.is_empty() {
                            { ", " }
                            <span class="tc-affiliation" dir="auto">{ speaker.affiliation }</span>
                        }
                    </li>
                }}) }
            </ul>
            { labels(talk, &props.schedule) }
            { talk_links(talk, messages) }
            <ul class="tc-tags" aria-label={messages.topics}>
                { for talk.tags.iter().map(|&tag| {
                    let value = FacetValue::Tag(tag);
                    let tag = &catalog.tags[usize::from(tag)];
                    let onclick = on_action.reform(move |_: MouseEvent| Action::ToggleFacet(value));
                    if !props.interactive {
                        return html! { <li><span class="tc-tag" title={tag.description} dir="auto">{ tag.label }</span></li> };
                    }
                    html! {
                        <li>
                            <button
                                type="button"
                                class="tc-tag"
                                aria-pressed={props.selection.contains(value).to_string()}
                                title={fill(messages.tag_title, &[tag.description])}
                                dir="auto"
                                {onclick}
                            >
                                { tag.label }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if !props.expanded && !teaser.is_empty() {
                // A visual preview only: the full text follows in the disclosure.
                <p class="tc-teaser" aria-hidden="true" dir="auto">
                    { highlighted(teaser, Field::Abstract, &props.query) }
                </p>
            }
            if props.interactive {
                <button
                    type="button"
                    class="tc-toggle"
                    aria-expanded={props.expanded.to_string()}
                    aria-controls={details_id.clone()}
                    onclick={toggle}
                >
                    { if props.expanded { messages.hide_abstract } else { messages.show_abstract } }
                </button>
            }
            <div class="tc-details" id={details_id} hidden={!props.expanded}>
                <div class="tc-abstract">{ rich_text(&talk.abstract_text, Field::Abstract, marked) }</div>
                if !talk.bio.is_empty() || !speaker_bios.is_empty() {
                    <section class="tc-bio">
                        <@{section_tag.clone()} class="tc-section-title">
                            { if talk.bio.is_empty() && speaker_bios.len() > 1 { messages.about_speakers } else { messages.about_speaker } }
                        </@>
                        { rich_text(&talk.bio, Field::Bio, marked) }
                        { for speaker_bios.iter().map(|speaker| html! {
                            <>
                                // Whose bio it is, when it could be another's.
                                if talk.speakers.len() > 1 {
                                    <p class="tc-bio-name"><strong dir="auto">{ speaker.name }</strong></p>
                                }
                                { rich_text(&speaker.bio, Field::Bio, marked) }
                            </>
                        }) }
                    </section>
                }
                if props.interactive {
                    { series_nav(index, &links, messages) }
                    { link_list(
                        &section_tag,
                        fill(messages.other_talks_by, &[&speaker_names.join(messages.and)]),
                        &catalog.same_speaker_talks(index),
                        &links,
                    ) }
                    { link_list(
                        &section_tag,
                        messages.related_talks.to_owned(),
                        &talk.related.iter().map(|&other| usize::from(other)).collect::<Vec<_>>(),
                        &links,
                    ) }
                    <button type="button" class="tc-link-button tc-copy" onclick={copy}>{ messages.copy_link }</button>
                    { add_to_calendar(catalog, index, messages) }
                    if let Some(url) = &props.copy_fallback {
                        <p class="tc-copy-field">
                            <label for={copy_field_id(talk.id)}>{ messages.link_to_talk }</label>
                            <input id={copy_field_id(talk.id)} type="url" readonly=true value={url.clone()} />
                        </p>
                    }
                }
            </div>
        </article>
    }
}
