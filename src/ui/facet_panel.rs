use crate::catalog::catalog;
use crate::catalog::facets::{Facet, FacetCounts, FacetValue, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub counts: FacetCounts,
    pub selection: Selection,
    pub on_toggle: Callback<FacetValue>,
}

fn legend(facet: Facet) -> &'static str {
    match facet {
        Facet::Tag => "Topic",
        Facet::Institution => "Institution",
        Facet::Format => "Format",
    }
}

fn value_id(value: FacetValue) -> String {
    match value {
        FacetValue::Tag(tag) => format!("tc-facet-tag-{tag}"),
        FacetValue::Institution(institution) => format!("tc-facet-from-{institution}"),
        FacetValue::Format(format) => format!("tc-facet-format-{}", format.id()),
    }
}

/// One `<fieldset>` of checkboxes per facet; each label ends in its count. A value with no
/// talks is disabled, unless selected (so it can still be cleared).
#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let catalog = catalog();
    html! {
        <details class="tc-filters">
            <summary>{ "Filters" }</summary>
            { for Facet::ALL.into_iter().map(|facet| html! {
                <fieldset class="tc-facet">
                    <legend>{ legend(facet) }</legend>
                    <ul>
                        { for props.counts.of(facet).map(|(value, count)| {
                            let id = value_id(value);
                            let checked = props.selection.contains(value);
                            let onchange = props.on_toggle.reform(move |_: Event| value);
                            html! {
                                <li>
                                    <input type="checkbox" id={id.clone()} {checked} disabled={count == 0 && !checked} {onchange} />
                                    <label for={id}>
                                        { value.label(catalog) }
                                        <span class="tc-count">{ format!(" ({count})") }</span>
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
            }) }
        </details>
    }
}
