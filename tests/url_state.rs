//! URL state: round trips, the host page's own parameters left alone, and any input decoding
//! to a valid state.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use talk_catalog::catalog::facets::Selection;
use talk_catalog::catalog::schedule::{parse_iso_date, Zone};
use talk_catalog::catalog::sorted_set::SortedSet;
use talk_catalog::catalog::state::{SortOrder, ViewState};
use talk_catalog::catalog::url_state::{decode, encode, MAX_QUERY_CHARS};
use talk_catalog::catalog::{Catalog, Format};

fn fixture() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::load("tests/fixtures/search.toml"))
}

fn state(query: &str, tags: &[u16], open: Option<usize>) -> ViewState {
    ViewState {
        query: query.to_owned(),
        selection: Selection { tags: tags.iter().copied().collect(), ..Selection::default() },
        open,
        expanded: open.into_iter().collect(),
        ..ViewState::default()
    }
}

#[test]
fn encodes_under_the_tc_prefix_and_keeps_the_host_parameters() {
    let catalog = fixture();
    let table: &[(&str, ViewState, &str)] = &[
        ("", ViewState::default(), ""),
        ("?lang=fr", ViewState::default(), "?lang=fr"),
        ("", state("hessian", &[], None), "?tc-q=hessian"),
        (
            "?lang=fr&x=%20y",
            state("a b&c", &[1], Some(3)),
            "?lang=fr&x=%20y&tc-q=a+b%26c&tc-tag=control&tc-talk=udell-hessian",
        ),
        // Our old parameters are replaced, theirs stay in place and byte for byte.
        ("?tc-q=old&lang=fr&tc-tag=sampling", state("new", &[], None), "?lang=fr&tc-q=new"),
        ("?tc-q=old", ViewState::default(), ""),
        // Stars stay private unless the view is "favourites only".
        ("", ViewState { favourites: [3].into(), ..ViewState::default() }, ""),
        (
            "",
            ViewState { favourites: [3, 7].into(), favourites_only: true, ..ViewState::default() },
            "?tc-fav=udell-hessian&tc-fav=recht-body&tc-favonly=1",
        ),
        ("?weird=%zz&&flag", ViewState::default(), "?weird=%zz&flag"),
    ];
    for (search, state, expected) in table {
        assert_eq!(encode(catalog, state, search), *expected, "{search:?} {state:?}");
    }
}

#[test]
fn decodes_what_it_encodes_and_drops_the_rest() {
    let catalog = fixture();
    let table: &[(&str, ViewState)] = &[
        ("", ViewState::default()),
        ("?tc-q=hessian", state("hessian", &[], None)),
        ("tc-q=a+b%26c", state("a b&c", &[], None)),
        ("?tc-tag=control&tc-tag=control&tc-tag=nope", state("", &[1], None)),
        ("?tc-talk=udell-hessian", state("", &[], Some(3))),
        ("?tc-talk=no-such-talk&tc-sort=sideways", ViewState::default()),
        ("?tc-fav=udell-hessian&tc-fav=nope&tc-fav=recht-body&tc-favonly=1", {
            ViewState { shared_favourites: Some([3, 7].into()), favourites_only: true, ..ViewState::default() }
        }),
        ("?tc-fav=udell-hessian", ViewState::default()),
        ("?tc-favonly=yes", ViewState::default()),
        ("?tc-q=%E2%28%A1&tc-tag=%", state("\u{fffd}(\u{fffd}", &[], None)),
        ("?tc-sort=title&tc-format=tutorial&tc-from=TILOS", {
            let mut expected = ViewState { sort: Some(SortOrder::Title), ..ViewState::default() };
            expected.selection.formats.insert(Format::Tutorial);
            expected.selection.institutions.insert(catalog.institution_index("TILOS").unwrap() as u16);
            expected
        }),
    ];
    for (search, expected) in table {
        assert_eq!(decode(catalog, search), *expected, "{search:?}");
    }
}

#[test]
fn schedule_facets_round_trip_and_unknown_values_are_dropped() {
    let catalog = support::load("tests/fixtures/schedule.toml");
    let day = parse_iso_date("2026-03-28").unwrap();
    let mut state = ViewState::default();
    state.selection.days.insert(day);
    state.selection.rooms.insert(catalog.rooms.iter().position(|room| *room == "Saal 1").unwrap() as u16);
    state.selection.tracks.insert(0);
    state.selection.languages.insert(catalog.languages.iter().position(|tag| *tag == "de").unwrap() as u16);
    let search = encode(catalog, &state, "");
    assert_eq!(
        search,
        format!("?tc-day=2026-03-28&tc-track={}&tc-room=Saal+1&tc-lang=de", catalog.tracks[0].replace(' ', "+"))
    );
    assert_eq!(decode(catalog, &search), state);
    let nonsense = "?tc-day=2026-02-30&tc-day=yesterday&tc-room=Nowhere&tc-lang=xx&tc-track=";
    assert_eq!(decode(catalog, nonsense), ViewState::default());
}

#[test]
fn long_queries_are_cut() {
    let long = "x".repeat(100_000);
    let decoded = decode(fixture(), &format!("?tc-q={long}"));
    assert_eq!(decoded.query.chars().count(), MAX_QUERY_CHARS);
}

fn any_state() -> impl Strategy<Value = ViewState> {
    let catalog = fixture();
    (
        "\\PC{0,40}",
        proptest::collection::btree_set(0..catalog.tags.len() as u16, 0..4),
        proptest::collection::btree_set(0..catalog.institutions.len() as u16, 0..3),
        proptest::collection::btree_set(prop_oneof![Just(Format::Talk), Just(Format::Tutorial)], 0..2),
        proptest::option::of(proptest::sample::select(SortOrder::ALL.to_vec())),
        proptest::option::of(0..catalog.talks.len()),
        proptest::collection::btree_set(0..catalog.talks.len(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(query, tags, institutions, formats, sort, open, favourites, favourites_only)| ViewState {
            query,
            selection: Selection {
                tags: tags.into_iter().collect(),
                institutions: institutions.into_iter().collect(),
                formats: formats.into_iter().collect(),
                // The schedule's facets: see `schedule_facets_round_trip`.
                ..Selection::default()
            },
            sort,
            open,
            expanded: open.into_iter().collect(),
            // A URL's stars are a shared list, there only with "favourites only" (see `encode`);
            // the person's own come from storage.
            favourites: SortedSet::new(),
            shared_favourites: favourites_only.then(|| favourites.into_iter().collect()),
            favourites_only,
            // Not in the URL: a link opens at the first page (and on the opened talk's).
            extra_pages: 0,
            // Not in the URL either: whoever opens a link has their own zone and clock.
            zone: Zone::Event,
            now: None,
        })
}

/// A state only a real catalog could produce: every index in range.
fn assert_valid(catalog: &Catalog, state: &ViewState) {
    assert!(state.selection.tags.iter().all(|&tag| usize::from(tag) < catalog.tags.len()));
    assert!(state.selection.institutions.iter().all(|&i| usize::from(i) < catalog.institutions.len()));
    assert!(state.open.is_none_or(|talk| talk < catalog.talks.len()));
    assert!(state.expanded.iter().all(|&talk| talk < catalog.talks.len()));
    assert!(state.favourites.is_empty(), "a URL never sets the person's own stars");
    assert!(state.shown_favourites().iter().all(|&talk| talk < catalog.talks.len()));
    assert!(state.query.chars().count() <= MAX_QUERY_CHARS);
}

proptest! {
    #[test]
    fn round_trips(state in any_state(), host in "[a-z]{1,5}=[a-z0-9%]{0,5}") {
        let catalog = fixture();
        let search = encode(catalog, &state, &format!("?{host}"));
        let prefix = format!("?{host}");
        prop_assert!(search.starts_with(&prefix));
        prop_assert_eq!(decode(catalog, &search), state);
    }

    #[test]
    fn the_own_favourites_round_trip_as_the_own_not_a_shared_list(state in any_state()) {
        let catalog = fixture();
        let own = state.shared_favourites.clone().unwrap_or_default();
        let mine = ViewState { favourites: own.clone(), shared_favourites: None, ..state };
        prop_assert_eq!(decode(catalog, &encode(catalog, &mine, "")).with_favourites(own), mine);
    }

    #[test]
    fn any_query_string_decodes_to_a_valid_state(search in "\\PC{0,200}") {
        let catalog = fixture();
        let state = decode(catalog, &search);
        assert_valid(catalog, &state);
        // And it survives a round trip of its own.
        prop_assert_eq!(decode(catalog, &encode(catalog, &state, &search)), state);
    }

    #[test]
    fn any_tc_parameters_decode_to_a_valid_state(pairs in proptest::collection::vec(("tc-(q|tag|from|format|sort|talk|fav|favonly)", "\\PC{0,30}"), 0..20)) {
        let catalog = fixture();
        let search: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}={value}")).collect();
        assert_valid(catalog, &decode(catalog, &format!("?{}", search.join("&"))));
    }
}
