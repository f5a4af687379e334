//! A scheduled catalog: days in the zone shown, the schedule's facets, time order with past
//! talks last, and the seed catalog left as it was.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use talk_catalog::catalog::facets::{Facet, FacetValue};
use talk_catalog::catalog::schedule::{iso_date, parse_iso_date, Zone};
use talk_catalog::catalog::state::{Action, Reducer, SortOrder, ViewState};
use talk_catalog::catalog::view::compute;
use talk_catalog::catalog::Catalog;

fn schedule() -> &'static Catalog {
    support::load("tests/fixtures/schedule.toml")
}

fn ids(catalog: &Catalog, talks: &[usize]) -> Vec<&'static str> {
    talks.iter().map(|&talk| catalog.talks[talk].id).collect()
}

/// Seconds since 1970 of a UTC time written `2026-03-30T08:00`.
fn utc(text: &str) -> i64 {
    let (date, time) = text.split_once('T').unwrap();
    let (hours, minutes) = time.split_once(':').unwrap();
    i64::from(parse_iso_date(date).unwrap()) * 86_400
        + hours.parse::<i64>().unwrap() * 3600
        + minutes.parse::<i64>().unwrap() * 60
}

fn days(catalog: &Catalog, zone: Zone) -> Vec<String> {
    catalog.days(zone).days.iter().map(|&day| iso_date(day)).collect()
}

#[test]
fn days_follow_the_zone_shown() {
    let catalog = schedule();
    assert!(catalog.has_times());
    assert_eq!(days(catalog, Zone::Event), ["2026-03-28", "2026-03-30"]);
    // Until the app says, the viewer's zone is the event's.
    assert_eq!(days(catalog, Zone::Viewer), days(catalog, Zone::Event));
    // Auckland: UTC+13 all three days; the closing panel (15:00Z) is on the 31st there.
    catalog.set_viewer_offsets(catalog.talks.iter().map(|_| 13 * 3600));
    assert_eq!(days(catalog, Zone::Viewer), ["2026-03-28", "2026-03-30", "2026-03-31"]);

    let on = |zone: Zone, day: &str| {
        let mut state = ViewState { zone, ..ViewState::default() };
        state.selection.days.insert(parse_iso_date(day).unwrap());
        ids(catalog, &compute(catalog, &state).talks)
    };
    assert_eq!(on(Zone::Event, "2026-03-30"), ["schrittweiten", "closing-panel"]);
    assert_eq!(on(Zone::Viewer, "2026-03-30"), ["schrittweiten"]);
    assert_eq!(on(Zone::Viewer, "2026-03-31"), ["closing-panel"]);
    assert!(on(Zone::Event, "2026-03-31").is_empty(), "a chosen day without talks shows none");

    let counts = compute(catalog, &ViewState { zone: Zone::Viewer, ..ViewState::default() }).facets;
    let day_counts: Vec<(String, usize)> =
        (counts.of(Facet::Day)).map(|(value, count)| (format!("{value:?}"), count)).collect();
    assert_eq!(day_counts.len(), 3);
    assert!(day_counts.iter().all(|(_, count)| *count == 1));
}

#[test]
fn the_local_times_are_the_instants_of_the_data() {
    let catalog = schedule();
    let talk = |id: &str| &catalog.talks[catalog.talk_index(id).unwrap()];
    // Berlin is UTC+1 before 29 March 2026 and UTC+2 after.
    assert_eq!((talk("hessian-free").start, talk("hessian-free").utc_offset), (Some(utc("2026-03-28T09:00")), 3600));
    assert_eq!((talk("schrittweiten").start, talk("schrittweiten").utc_offset), (Some(utc("2026-03-30T07:30")), 7200));
    assert_eq!(talk("closing-panel").end, Some(utc("2026-03-30T16:00")));
}

#[test]
fn rooms_tracks_and_languages_are_facets_with_disjunctive_counts() {
    let catalog = schedule();
    assert_eq!(catalog.rooms, ["Saal 1", "Saal 2"]);
    assert_eq!(catalog.tracks, ["Methods", "Theory"]);
    // A talk without a language is in the event's.
    assert_eq!(catalog.languages, ["de", "en"]);
    for facet in [Facet::Day, Facet::Track, Facet::Room, Facet::Language] {
        assert!(facet.offered(catalog), "{facet:?}");
    }
    let reducer = Reducer { catalog, page_size: 50 };
    let saal_1 = FacetValue::Room(0);
    let state = reducer.reduce(&ViewState::default(), Action::ToggleFacet(saal_1));
    let view = compute(catalog, &state);
    assert_eq!(ids(catalog, &view.talks), ["hessian-free", "closing-panel"]);
    // Counts within the room facet ignore its own selection; others narrow to Saal 1.
    assert_eq!((view.facets.count(FacetValue::Room(0)), view.facets.count(FacetValue::Room(1))), (2, 1));
    assert_eq!((view.facets.count(FacetValue::Language(0)), view.facets.count(FacetValue::Language(1))), (0, 2));
    let german = reducer.reduce(&state, Action::ToggleFacet(FacetValue::Language(0)));
    assert!(compute(catalog, &german).talks.is_empty());
}

#[test]
fn time_order_is_the_default_and_puts_past_talks_last_latest_first() {
    let catalog = schedule();
    let view =
        |now: Option<i64>, sort: Option<SortOrder>| compute(catalog, &ViewState { now, sort, ..ViewState::default() });
    let before = view(None, None);
    assert_eq!(before.sort, SortOrder::Time);
    assert_eq!(ids(catalog, &before.talks), ["hessian-free", "schrittweiten", "closing-panel"]);
    assert_eq!(before.past_from, None);

    // During the second day's first talk: it is not over, the first day's is.
    let during = view(Some(utc("2026-03-30T07:45")), None);
    assert_eq!(ids(catalog, &during.talks), ["schrittweiten", "closing-panel", "hessian-free"]);
    assert_eq!(during.past_from, Some(2));
    // After the event, the most recent first.
    let after = view(Some(utc("2026-04-01T00:00")), None);
    assert_eq!(ids(catalog, &after.talks), ["closing-panel", "schrittweiten", "hessian-free"]);
    assert_eq!(after.past_from, Some(0));
    // Another order chosen: no past group.
    assert_eq!(view(Some(utc("2026-04-01T00:00")), Some(SortOrder::Title)).past_from, None);
}

#[test]
fn the_zone_and_clock_survive_restoring_a_url() {
    let catalog = schedule();
    let reducer = Reducer { catalog, page_size: 50 };
    let state = ViewState { zone: Zone::Viewer, now: Some(7), ..ViewState::default() };
    let restored =
        reducer.reduce(&state, Action::Restore(Box::new(ViewState { query: "panel".into(), ..ViewState::default() })));
    assert_eq!((restored.zone, restored.now, restored.query.as_str()), (Zone::Viewer, Some(7), "panel"));
    assert_eq!(reducer.reduce(&restored, Action::SetZone(Zone::Event)).zone, Zone::Event);
}

#[test]
fn switching_zones_keeps_the_chosen_days_that_have_talks_there() {
    let catalog = schedule();
    catalog.set_viewer_offsets(catalog.talks.iter().map(|_| 13 * 3600));
    let reducer = Reducer { catalog, page_size: 50 };
    let mut state = ViewState { zone: Zone::Viewer, ..ViewState::default() };
    state.selection.days = ["2026-03-30", "2026-03-31"].map(|day| parse_iso_date(day).unwrap()).into_iter().collect();
    let switched = reducer.reduce(&state, Action::SetZone(Zone::Event));
    assert_eq!(switched.selection.days.iter().map(|&day| iso_date(day)).collect::<Vec<_>>(), ["2026-03-30"]);
}

#[test]
fn a_catalog_without_times_is_as_before() {
    let catalog = support::load("data/talks.toml");
    assert!(!catalog.has_times());
    for facet in [Facet::Day, Facet::Track, Facet::Room, Facet::Language] {
        assert!(!facet.offered(catalog), "{facet:?}");
    }
    let view = compute(catalog, &ViewState { now: Some(i64::MAX), ..ViewState::default() });
    assert_eq!((view.sort, view.past_from), (SortOrder::Data, None));
    assert!(view.facets.of(Facet::Day).next().is_none());
}
