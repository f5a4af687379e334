use super::announcer::{live_region, use_announcer};
use super::catalog_ref::CatalogRef;
use super::copy_link::use_copy_link;
use super::empty_state::EmptyState;
use super::facet_panel::FacetPanel;
use super::focus::use_focus_request;
use super::global_listeners::use_global_listeners;
use super::options::Options;
use super::schedule::{stored_zone, use_schedule, use_stored_zone, zone_control};
use super::search_box::SearchBox;
use super::shared_favourites::shared_favourites;
use super::sort_control::SortControl;
use super::state::UiState;
use super::stored_favourites::{stored_favourites, use_stored_favourites};
use super::talk_list::{talk_list, TalkList};
use super::toolbar::toolbar;
use super::two_step_render::use_two_step_render;
use super::url_sync::use_url_sync;
use super::{counted, talks};
use crate::catalog::state::{Action, Reducer, ViewState};
use crate::catalog::url_state::{self, PageAddress};
use crate::catalog::{view, Catalog, Lang};
use crate::platform;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The catalog shown.
    pub catalog: CatalogRef,
    #[prop_or_default]
    pub options: Options,
    /// The view to start from: the page URL's in the browser (see [`initial_state`]), the
    /// default view when pre-rendering.
    #[prop_or_default]
    pub initial: ViewState,
    /// The page's address, which links to talks are built on (relative links when
    /// pre-rendering).
    #[prop_or_default]
    pub address: Rc<PageAddress>,
    /// Pre-rendering only: where the static pages of the talks after the first page are
    /// (`pages/`), linked for readers without JavaScript.
    #[prop_or_default]
    pub pages_url: Option<AttrValue>,
    /// Whether the search box takes the focus once rendered: the reader was typing into the
    /// pre-rendered one.
    #[prop_or_default]
    pub focus_search: bool,
}

/// The state a page load starts from: the URL's view (when the widget may use it) restored
/// onto the stored favourites, as Back and Forward restore theirs.
pub fn initial_state(catalog: &'static Catalog, options: Options) -> ViewState {
    let from_url =
        if options.url_sync { url_state::decode(catalog, &platform::current_search()) } else { ViewState::default() };
    let stored = ViewState {
        favourites: stored_favourites(catalog),
        zone: stored_zone(),
        now: Some(crate::intl::now()),
        ..ViewState::default()
    };
    Reducer { catalog, page_size: options.page_size }.reduce(&stored, Action::Restore(Box::new(from_url)))
}

/// "20 talks", "3 of 20 talks": the live status after each change.
fn status(lang: Lang, shown: usize, total: usize) -> Html {
    let text = if shown == total {
        talks(lang, total)
    } else {
        counted(lang, &lang.messages().status_some, total, &[&platform::format_number(lang, shown)])
    };
    html! { <p class="tc-status" role="status">{ text }</p> }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let catalog = props.catalog.0;
    let options = props.options;
    let lang = options.language(catalog);
    let state = use_reducer(|| UiState {
        view: props.initial.clone(),
        reducer: Reducer { catalog, page_size: options.page_size },
    });
    let view = use_memo(state.view.clone(), |state| view::compute(catalog, state));
    let query = use_memo(view.query.clone(), |query| query.clone());
    let selection = use_memo(state.view.selection.clone(), |selection| selection.clone());
    let (announcement, announce) = use_announcer();
    use_url_sync(catalog, options.url_sync, &state.view);
    use_stored_favourites(catalog, &state.view.favourites);
    use_stored_zone(state.view.zone);
    let schedule = use_schedule(catalog, state.view.zone, lang);
    let copy_link = use_copy_link(catalog, lang, announce.clone());
    let focus = use_focus_request(catalog, state.view.open);
    use_global_listeners(catalog, options.url_sync, props.focus_search, &state);
    let rendered = view.rendered(state.view.extra_pages, options.page_size);
    let render_now = use_two_step_render(&view, &state.view, rendered);

    // The reducer gives each action its meaning; where keyboard focus goes is the UI's part.
    let on_action = {
        let (state, focus) = (state.clone(), focus.clone());
        let next_page = view.talks.get(rendered).copied();
        Callback::from(move |action: Action| {
            match action {
                Action::Open(talk) => focus.request(Some(talk)),
                // The next page's first talk, so keyboard users carry on reading there.
                Action::ShowMore => focus.request(next_page),
                _ => {}
            }
            state.dispatch(action);
        })
    };
    let list = TalkList {
        catalog: props.catalog,
        lang,
        view: &view,
        state: &state.view,
        rendered,
        render_now: &render_now,
        options,
        query: &query,
        selection: &selection,
        on_action: &on_action,
        copy_link: &copy_link,
        address: &props.address,
        pages_url: props.pages_url.as_ref(),
        schedule: &schedule,
    };

    html! {
        <div class="tc" lang={lang.tag()}>
            <div class="tc-header">
                <SearchBox {lang} value={state.view.query.clone()} on_change={on_action.reform(Action::SetQuery)} />
                <SortControl {lang} value={view.sort} times={catalog.has_times()} on_change={on_action.reform(Action::SetSort)} />
                { zone_control(&schedule, &on_action) }
                { status(lang, view.talks.len(), catalog.talks.len()) }
            </div>
            <div class="tc-body">
                <FacetPanel
                    schedule={Rc::clone(&schedule)}
                    counts={view.facets.clone()}
                    top={options.facet_top}
                    selection={state.view.selection.clone()}
                    on_toggle={on_action.reform(Action::ToggleFacet)}
                />
                <div class="tc-results">
                    { toolbar(&schedule, &state.view, &view, &on_action) }
                    { live_region(&announcement) }
                    { shared_favourites(lang, &state.view, &on_action, &announce) }
                    if view.talks.is_empty() {
                        <EmptyState schedule={Rc::clone(&schedule)} relaxations={view::relaxations(catalog, &state.view)} on_action={on_action.clone()} />
                    } else {
                        { talk_list(&list) }
                    }
                </div>
            </div>
        </div>
    }
}
