use super::active_filters::ActiveFilters;
use super::announcer::{live_region, use_announcer};
use super::empty_state::EmptyState;
use super::facet_panel::FacetPanel;
use super::options::Options;
use super::search_box::{SearchBox, SEARCH_INPUT_ID};
use super::shared_favourites::{shared_favourites, SharedList};
use super::sort_control::SortControl;
use super::state::UiState;
use super::static_pages::{page_count, Pager, PagerFrom};
use super::talk_card::{copy_field_id, heading_id, TalkCard};
use crate::catalog::sorted_set::SortedSet;
use crate::catalog::state::{apply_star_changes, Action, Reducer, ViewState};
use crate::catalog::url_state::{self, PageAddress};
use crate::catalog::{catalog, view};
use crate::platform::{self, HistoryMode};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
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
}

/// The state a page load starts from: the URL's view (when the widget may use it) restored
/// onto the stored favourites, as Back and Forward restore theirs.
pub fn initial_state(options: Options) -> ViewState {
    let from_url =
        if options.url_sync { url_state::decode(catalog(), &platform::current_search()) } else { ViewState::default() };
    let favourites = platform::load_favourites().iter().filter_map(|id| catalog().talk_index(id)).collect();
    let stored = ViewState { favourites, ..ViewState::default() };
    Reducer { catalog: catalog(), page_size: options.page_size }.reduce(&stored, Action::Restore(from_url))
}

/// How long typing must pause before the URL follows.
const URL_UPDATE_DELAY_MS: u32 = 300;

#[component]
pub fn App(props: &AppProps) -> Html {
    let options = props.options;
    let state = use_reducer(|| UiState {
        view: props.initial.clone(),
        reducer: Reducer { catalog: catalog(), page_size: options.page_size },
    });
    let view = use_memo(state.view.clone(), |state| view::compute(catalog(), state));
    let query = use_memo(view.query.clone(), |query| query.clone());
    let selection = use_memo(state.view.selection.clone(), |selection| selection.clone());
    // The talk whose heading should get focus after the next render (a deep link, or a link
    // to another talk), with a counter so following the same link twice focuses twice.
    let focus = use_state(|| (state.view.open, 0u32));
    let (announcement, announce) = use_announcer();
    // When a link could not be put on the clipboard: the talk, its link (shown selected in a
    // field for the reader to copy), and which failure it was, so a second one selects it again.
    let copy_fallback = use_state(|| None::<(usize, AttrValue, u32)>);
    let copy_failures = use_mut_ref(|| 0u32);

    // Keep the URL in step with the state: opening a talk is a step in history, at once; the
    // rest (typing, ticking filters) replaces the current entry once the user pauses. Per
    // keystroke, replacing the URL costs a few milliseconds (Chromium re-reads the favicon),
    // and Safari refuses more than 100 replacements in 30 seconds.
    let last_open = use_mut_ref(|| state.view.open);
    let pending_replace = use_mut_ref(|| None);
    use_effect_with(state.view.clone(), move |state| {
        if !options.url_sync {
            return;
        }
        let search = platform::current_search();
        let wanted = url_state::encode(catalog(), state, &search);
        let opened = state.open.is_some() && state.open != *last_open.borrow();
        *last_open.borrow_mut() = state.open;
        // A newer state replaces (and so cancels) the pending update.
        *pending_replace.borrow_mut() = None;
        if wanted != search && opened {
            platform::set_search(&wanted, HistoryMode::Push);
        } else if wanted != search {
            let replace = move || platform::set_search(&wanted, HistoryMode::Replace);
            *pending_replace.borrow_mut() = Some(platform::after(URL_UPDATE_DELAY_MS, replace));
        }
    });
    // Save stars when the person changes them (only starring does: see `ViewState::favourites`),
    // not on load.
    // Only the change is saved, onto what is stored now: another tab's stars are not overwritten.
    let saved = use_mut_ref(|| state.view.favourites.clone());
    use_effect_with(state.view.favourites.clone(), move |favourites| {
        let before = std::mem::replace(&mut *saved.borrow_mut(), favourites.clone());
        if before != *favourites {
            let ids = |talks: &SortedSet<usize>| talks.iter().map(|&talk| catalog().talks[talk].id).collect::<Vec<_>>();
            let stored = apply_star_changes(platform::load_favourites(), &ids(&before), &ids(favourites));
            platform::save_favourites(&stored);
        }
    });
    use_effect_with(copy_fallback.as_ref().map(|&(talk, _, failure)| (talk, failure)), |failed| {
        if let Some((talk, _)) = failed {
            platform::select_field(&copy_field_id(catalog().talks[*talk].id));
        }
    });
    use_effect_with(*focus, |&(talk, _)| {
        if let Some(talk) = talk {
            platform::focus_element(&heading_id(catalog().talks[talk].id));
        }
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let history = options.url_sync.then(|| {
                platform::on_history_change(move || {
                    state.dispatch(Action::Restore(url_state::decode(catalog(), &platform::current_search())));
                })
            });
            let slash = platform::on_slash_key(|| platform::focus_element(SEARCH_INPUT_ID));
            platform::mark_ready();
            // The search derives its per-term tables on first use (`SearchIndex::term_tables`):
            // derive them once the app is painted, so the first keystroke doesn't wait for them.
            let warm_up = platform::after_next_paint(|| {
                catalog().index.term_tables();
            });
            move || drop((history, slash, warm_up))
        });
    }

    // The reducer gives each action its meaning; where keyboard focus goes is the UI's part.
    let on_action = {
        let (state, focus) = (state.clone(), focus.clone());
        Callback::from(move |action: Action| {
            if let Action::Open(talk) = action {
                focus.set((Some(talk), focus.1.wrapping_add(1)));
            }
            state.dispatch(action);
        })
    };
    let on_copy = {
        let (announce, copy_fallback, copy_failures) = (announce.clone(), copy_fallback.clone(), copy_failures.clone());
        Callback::from(move |talk: usize| {
            let url = AttrValue::from(platform::page_address().talk_url(catalog(), talk));
            let (announce, copy_fallback, copy_failures) =
                (announce.clone(), copy_fallback.clone(), copy_failures.clone());
            platform::copy_text(&url.clone(), move |copied| {
                if copied {
                    copy_fallback.set(None);
                    announce.emit("Link copied".into());
                } else {
                    let failure = {
                        let mut failures = copy_failures.borrow_mut();
                        *failures = failures.wrapping_add(1);
                        *failures
                    };
                    copy_fallback.set(Some((talk, url, failure)));
                    announce
                        .emit("Could not copy the link: it is selected in the field below, copy it from there".into());
                }
            });
        })
    };
    let shared_favourites = state.view.shared_favourites.as_ref().map(|shared| {
        let not_mine = shared.iter().filter(|talk| !state.view.favourites.contains(talk)).count();
        let on_add = {
            let (on_action, announce) = (on_action.clone(), announce.clone());
            Callback::from(move |()| {
                on_action.emit(Action::AddSharedFavourites);
                announce.emit(format!("Added {} to your favourites", super::talks(not_mine)).into());
            })
        };
        shared_favourites(&SharedList {
            shared: shared.len(),
            not_mine,
            own: state.view.favourites.len(),
            on_add,
            on_leave: on_action.reform(|()| Action::LeaveSharedFavourites),
        })
    });
    let rendered = view.rendered(state.view.extra_pages, options.page_size);
    // A new query's result is painted with its first cards and those already on the page; the
    // others are created once that frame is painted (unless the next keystroke comes first), so
    // typing stays quick however many cards a new result brings. Any other render shows all
    // the pages' cards.
    let previous_query = use_mut_ref(|| state.view.query.clone());
    let on_page = use_mut_ref(Vec::new);
    let query_changed = *previous_query.borrow() != state.view.query;
    let render_now = if query_changed {
        *previous_query.borrow_mut() = state.view.query.clone();
        view.rendered_first(rendered, state.view.open, &on_page.borrow())
    } else {
        view.talks[..rendered].to_vec()
    };
    let partial = render_now.len() < rendered;
    *on_page.borrow_mut() = render_now.clone();
    let rest_pending = use_mut_ref(|| None);
    let rest_rendered = use_state(|| 0u32);
    use_effect_with((state.view.query.clone(), partial), move |&(_, partial)| {
        let render_rest = move || rest_rendered.set(rest_rendered.wrapping_add(1));
        *rest_pending.borrow_mut() = partial.then(|| platform::after_next_paint(render_rest));
    });
    // The next page's first talk gets focus, so keyboard users carry on reading there.
    let show_more = {
        let (state, focus) = (state.clone(), focus.clone());
        let next = view.talks.get(rendered).copied();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::ShowMore);
            focus.set((next, focus.1.wrapping_add(1)));
        })
    };
    let dispatch = |make: fn(bool) -> Action| {
        on_action.reform(move |event: Event| make(event.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };

    let total = catalog().talks.len();
    let status = match view.talks.len() {
        count if count == total => format!("{total} talks"),
        count => format!("{count} of {total} talks"),
    };
    let all_expanded = !view.talks.is_empty() && view.talks.iter().all(|talk| state.view.expanded.contains(talk));
    let expand_all = {
        let talks = view.talks.clone();
        on_action.reform(
            move |_: MouseEvent| if all_expanded { Action::CollapseAll } else { Action::ExpandAll(talks.clone()) },
        )
    };

    html! {
        <div class="tc">
            <div class="tc-header">
                <SearchBox value={state.view.query.clone()} on_change={on_action.reform(Action::SetQuery)} />
                <SortControl value={view.sort} on_change={on_action.reform(Action::SetSort)} />
                <p class="tc-status" role="status">{ status }</p>
            </div>
            <div class="tc-body">
                <FacetPanel
                    counts={view.facets.clone()}
                    top={options.facet_top}
                    selection={state.view.selection.clone()}
                    on_toggle={on_action.reform(Action::ToggleFacet)}
                />
                <div class="tc-results">
                    <div class="tc-toolbar">
                        <ActiveFilters
                            selection={state.view.selection.clone()}
                            favourites_only={state.view.favourites_only}
                            has_query={!view.query.is_empty()}
                            on_action={on_action.clone()}
                        />
                        <div class="tc-toolbar-actions">
                            <label class="tc-check">
                                <input
                                    type="checkbox"
                                    checked={state.view.favourites_only}
                                    onchange={dispatch(Action::SetFavouritesOnly)}
                                />
                                { format!("Favourites only ({})", state.view.favourites.len()) }
                            </label>
                            <button type="button" class="tc-link-button" onclick={expand_all} disabled={view.talks.is_empty()}>
                                { if all_expanded { "Collapse all" } else { "Expand all" } }
                            </button>
                        </div>
                    </div>
                    { live_region(&announcement) }
                    { for shared_favourites }
                    if view.talks.is_empty() {
                        <EmptyState relaxations={view::relaxations(catalog(), &state.view)} on_action={on_action.clone()} />
                    } else {
                        <ol class="tc-list">
                            { for render_now.iter().map(|&talk| html! {
                                <li key={catalog().talks[talk].id}>
                                    <TalkCard
                                        index={talk}
                                        {options}
                                        expanded={state.view.expanded.contains(&talk)}
                                        favourite={state.view.favourites.contains(&talk)}
                                        query={Rc::clone(&query)}
                                        selection={Rc::clone(&selection)}
                                        on_action={on_action.clone()}
                                        on_copy={on_copy.clone()}
                                        address={Rc::clone(&props.address)}
                                        copy_fallback={copy_fallback.as_ref().filter(|&&(at, _, _)| at == talk).map(|(_, url, _)| url.clone())}
                                    />
                                </li>
                            }) }
                        </ol>
                        if rendered < view.talks.len() {
                            <p class="tc-more-talks">
                                { format!("Showing {rendered} of {} talks. ", view.talks.len()) }
                                <button type="button" class="tc-link-button" onclick={show_more}>
                                    { format!("Show {} more", (view.talks.len() - rendered).min(options.page_size)) }
                                </button>
                            </p>
                            // Only pre-rendered pages link static pages: keep the pager out of the wasm.
                            if let Some(pages_url) = props.pages_url.clone().filter(|_| cfg!(feature = "ssr")) {
                                <Pager page=0 pages={page_count(options.page_size)} from={PagerFrom::First { pages_url }} />
                            }
                        }
                    }
                </div>
            </div>
        </div>
    }
}
