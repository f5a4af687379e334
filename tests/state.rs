//! What opening a talk and restoring a URL's view mean, in one step of the reducer: filters
//! cleared when they hide the talk, the talk opened, and its page shown.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use talk_catalog::catalog::facets::FacetValue;
use talk_catalog::catalog::state::{Action, Reducer, SortOrder, ViewState};
use talk_catalog::catalog::url_state::decode;
use talk_catalog::catalog::view::{compute, shown_talks};
use talk_catalog::catalog::Catalog;

/// Two talks a page: the fixture's eight talks fill four pages.
const PAGE_SIZE: usize = 2;

fn fixture() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::load("tests/fixtures/search.toml"))
}

fn reducer() -> Reducer<'static> {
    Reducer { catalog: fixture(), page_size: PAGE_SIZE }
}

fn talk(id: &str) -> usize {
    fixture().talk_index(id).unwrap_or_else(|| panic!("no talk {id}"))
}

fn tag(id: &str) -> Action {
    Action::ToggleFacet(FacetValue::Tag(fixture().tag_index(id).unwrap_or_else(|| panic!("no tag {id}")) as u16))
}

fn run(state: ViewState, actions: Vec<Action>) -> ViewState {
    actions.into_iter().fold(state, |state, action| reducer().reduce(&state, action))
}

/// Whether the state filters the talks at all (what "Clear all" clears).
fn filtered(state: &ViewState) -> bool {
    !state.query.is_empty() || !state.selection.is_empty() || state.favourites_only
}

#[test]
fn opening_a_talk_clears_the_filters_only_when_they_hide_it_and_shows_its_page() {
    // (before, talk opened) → (filters kept, pages shown beyond the first)
    let table: Vec<(Vec<Action>, &str, (bool, usize))> = vec![
        // No filters: the talk's page in programme order (talks 6 and 7 are the fourth page).
        (vec![], "recht-body", (false, 3)),
        (vec![], "velickovic-programming", (false, 0)),
        // Shown by the filter: kept, and the page is the talk's place in the filtered list.
        (vec![tag("control")], "recht-body", (true, 0)),
        (vec![Action::SetQuery("hessian".into())], "udell-hessian", (true, 0)),
        // Hidden by a tag, by the query, by "favourites only": everything shown, then the talk.
        (vec![tag("control")], "udell-hessian", (false, 1)),
        (vec![Action::SetQuery("hessian".into())], "kalai-hallucinations", (false, 2)),
        (vec![Action::ToggleFavourite(0), Action::SetFavouritesOnly(true)], "recht-body", (false, 3)),
        // Pages already shown stay shown.
        (vec![Action::ShowMore, Action::ShowMore], "velickovic-programming", (false, 2)),
    ];
    for (before, id, (kept, pages)) in table {
        let before = run(ViewState::default(), before);
        let opened = reducer().reduce(&before, Action::Open(talk(id)));
        let context = format!("{id} after {before:?}");
        assert_eq!((opened.open, opened.expanded.contains(&talk(id))), (Some(talk(id)), true), "{context}");
        assert_eq!(filtered(&opened), kept && filtered(&before), "{context}");
        if kept {
            assert_eq!((&opened.query, &opened.selection), (&before.query, &before.selection), "{context}");
        }
        assert_eq!(opened.extra_pages, pages, "{context}");
        assert_eq!(opened.favourites, before.favourites, "{context}: the stars stay");
    }
}

#[test]
fn restoring_a_urls_view_shows_the_page_of_its_opened_talk_and_keeps_its_filters() {
    let own = run(ViewState::default(), vec![Action::ToggleFavourite(talk("boyer-attention"))]);
    // (URL) → pages shown beyond the first
    let table = [
        ("", 0),
        ("?tc-talk=velickovic-programming", 0),
        // The sixth talk: third page.
        ("?tc-talk=ma-sampling-1", 2),
        ("?tc-tag=control&tc-talk=recht-body", 0),
        // A view whose filters hide its opened talk is restored as it was.
        ("?tc-tag=control&tc-talk=udell-hessian", 0),
    ];
    for (search, pages) in table {
        let decoded = decode(fixture(), search);
        let restored = reducer().reduce(&own, Action::Restore(Box::new(decoded.clone())));
        let expected = ViewState { favourites: own.favourites.clone(), extra_pages: pages, ..decoded };
        assert_eq!(restored, expected, "{search}");
    }
}

#[test]
fn the_reducer_finds_talks_where_the_view_shows_them() {
    let states = [
        vec![],
        vec![Action::SetQuery("hessian".into())],
        vec![Action::SetQuery("control -body".into()), Action::SetSort(Some(SortOrder::Title))],
        vec![tag("control"), Action::SetSort(Some(SortOrder::Speaker))],
        vec![Action::ToggleFavourite(3), Action::ToggleFavourite(1), Action::SetFavouritesOnly(true)],
    ];
    for actions in states {
        let state = run(ViewState::default(), actions);
        assert_eq!(shown_talks(fixture(), &state), compute(fixture(), &state).talks, "{state:?}");
    }
}
