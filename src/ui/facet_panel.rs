use super::counted;
use super::schedule::Schedule;
use crate::catalog::facets::{Facet, FacetCounts, FacetValue, Selection};
use crate::platform::format_number;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// The catalog shown, and how its days and languages read.
    pub schedule: Rc<Schedule>,
    pub counts: FacetCounts,
    /// Values a long facet lists until "Show all" is pressed.
    pub top: usize,
    pub selection: Selection,
    pub on_toggle: Callback<FacetValue>,
}

/// The facet's name in element ids (`tc-facet-topics`), whatever the language.
fn id_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Day => "days",
        Facet::Track => "tracks",
        Facet::Room => "rooms",
        Facet::Language => "languages",
        Facet::Tag => "topics",
        Facet::Institution => "institutions",
        Facet::Format => "formats",
    }
}

fn value_id(value: FacetValue) -> String {
    match value {
        FacetValue::Day(day) => format!("tc-facet-day-{day}"),
        FacetValue::Track(track) => format!("tc-facet-track-{track}"),
        FacetValue::Room(room) => format!("tc-facet-room-{room}"),
        FacetValue::Language(language) => format!("tc-facet-language-{language}"),
        FacetValue::Tag(tag) => format!("tc-facet-tag-{tag}"),
        FacetValue::Institution(institution) => format!("tc-facet-from-{institution}"),
        FacetValue::Format(format) => format!("tc-facet-format-{}", format.id()),
    }
}

/// One `<fieldset>` of checkboxes per facet; each label ends in its count. A value with no
/// talks is disabled, unless selected (so it can still be cleared). A long facet lists its top
/// values (and the selected ones) until its "Show all" button is pressed.
#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let schedule = &props.schedule;
    let (lang, messages) = (schedule.lang, schedule.lang.messages());
    // Which facets list all their values, one bit each: how the panel looks, not part of the
    // view state. (A `u32` state, as the app's other ones: one copy of the hook in the wasm.)
    let show_all = use_state(|| 0u32);
    html! {
        <details class="tc-filters">
            <summary>{ messages.filters }</summary>
            { for Facet::ALL.into_iter().filter(|facet| facet.offered(schedule.catalog)).map(|facet| {
                let bit = 1 << facet as u32;
                let all = *show_all & bit != 0;
                let listing = props.counts.listing(facet, &props.selection, props.top, all);
                let list_id = format!("tc-facet-{}", id_name(facet));
                let texts = messages.facet(facet);
                let toggle = {
                    let show_all = show_all.clone();
                    Callback::from(move |_: MouseEvent| show_all.set(*show_all ^ bit))
                };
                html! {
                <fieldset class="tc-facet">
                    <legend>{ texts.legend }</legend>
                    <ul id={list_id.clone()}>
                        { for listing.values.into_iter().map(|(value, count)| {
                            let id = value_id(value);
                            let checked = props.selection.contains(value);
                            let onchange = props.on_toggle.reform(move |_: Event| value);
                            html! {
                                <li>
                                    <input type="checkbox" id={id.clone()} {checked} disabled={count == 0 && !checked} {onchange} />
                                    <label for={id}>
                                        // Isolated: a right-to-left name must not reorder the count.
                                        <bdi>{ schedule.value_label(value) }</bdi>
                                        <span class="tc-count">{ format!(" ({})", format_number(lang, count)) }</span>
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                    if let Some(total) = listing.long {
                        <button
                            type="button"
                            class="tc-link-button tc-facet-all"
                            aria-expanded={all.to_string()}
                            aria-controls={list_id}
                            onclick={toggle}
                        >
                            { if all { counted(lang, &texts.show_top, props.top, &[]) } else { counted(lang, &texts.show_all, total, &[]) } }
                        </button>
                    }
                </fieldset>
            }}) }
        </details>
    }
}
