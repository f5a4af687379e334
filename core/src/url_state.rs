//! The view state as URL query parameters, so links can share a search, a filtered view or
//! one talk. Our parameters carry the `tc-` prefix; every other parameter of the host page is
//! kept exactly as it was. Decoding never fails: anything unknown or malformed is dropped.

use crate::facets::Selection;
use crate::schedule::{iso_date, parse_iso_date};
use crate::sorted_set::SortedSet;
use crate::state::{SortOrder, ViewState};
use crate::{Catalog, Format};
use std::borrow::Cow;

const PREFIX: &str = "tc-";
const QUERY: &str = "tc-q";
const TAG: &str = "tc-tag";
const INSTITUTION: &str = "tc-from";
const FORMAT: &str = "tc-format";
const DAY: &str = "tc-day";
const TRACK: &str = "tc-track";
const ROOM: &str = "tc-room";
const LANGUAGE: &str = "tc-lang";
const SORT: &str = "tc-sort";
const TALK: &str = "tc-talk";
const FAVOURITE: &str = "tc-fav";
const FAVOURITES_ONLY: &str = "tc-favonly";

/// Where the widget's page is: what every link to a talk is built on, so that a link keeps
/// the host page's own address, parameters and hash and changes only ours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageAddress {
    /// Origin and path (`https://example.org/page.php`); empty for links relative to the
    /// page (pre-rendered HTML, which can't know where it will be pasted).
    pub base: String,
    /// The query string, with its `?` (or empty).
    pub search: String,
    /// The fragment, with its `#` (or empty).
    pub hash: String,
}

impl PageAddress {
    /// The address that opens `talk`: this page with our parameters replaced by the talk's.
    pub fn talk_url(&self, catalog: &Catalog, talk: usize) -> String {
        let opened = ViewState { open: Some(talk), expanded: [talk].into(), ..ViewState::default() };
        format!("{}{}{}", self.base, encode(catalog, &opened, &self.search), self.hash)
    }
}

/// Longest query kept from a URL, in characters: enough for any real search.
pub const MAX_QUERY_CHARS: usize = 200;

/// Where `name` is in `names`, as a facet value's index.
fn position(names: &[&str], name: &str) -> Option<u16> {
    names.iter().position(|known| *known == name).map(|at| at as u16)
}

fn pairs(search: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    form_urlencoded::parse(search.strip_prefix('?').unwrap_or(search).as_bytes())
}

/// The view state described by a URL's query string (`?a=b&…`, with or without the `?`).
pub fn decode(catalog: &Catalog, search: &str) -> ViewState {
    let mut state = ViewState::default();
    let mut selection = Selection::default();
    let mut favourites = SortedSet::new();
    for (key, value) in pairs(search) {
        match key.as_ref() {
            QUERY => state.query = value.chars().take(MAX_QUERY_CHARS).collect(),
            TAG => selection.tags.extend(catalog.tag_index(&value).map(|tag| tag as u16)),
            INSTITUTION => selection.institutions.extend(catalog.institution_index(&value).map(|i| i as u16)),
            FORMAT => selection.formats.extend(Format::ALL.into_iter().find(|format| format.id() == value)),
            DAY => selection.days.extend(parse_iso_date(&value)),
            TRACK => selection.tracks.extend(position(&catalog.tracks, &value)),
            ROOM => selection.rooms.extend(position(&catalog.rooms, &value)),
            LANGUAGE => selection.languages.extend(position(&catalog.languages, &value)),
            SORT => state.sort = SortOrder::from_id(&value),
            TALK => state.open = catalog.talk_index(&value),
            FAVOURITE => favourites.extend(catalog.talk_index(&value)),
            FAVOURITES_ONLY => state.favourites_only = value == "1",
            _ => {}
        }
    }
    state.selection = selection;
    // The URL's list is shown as someone's shared list unless it is the person's own
    // (`ViewState::with_favourites`).
    state.shared_favourites = state.favourites_only.then_some(favourites);
    state.expanded.extend(state.open);
    state
}

/// `search` (a page's query string) with our parameters replaced by those of `state`.
/// Returns the new query string with its `?`, or an empty string when nothing is left.
pub fn encode(catalog: &Catalog, state: &ViewState, search: &str) -> String {
    let raw = search.strip_prefix('?').unwrap_or(search);
    // Keep the host's parameters byte for byte: re-encoding could change them.
    let kept: Vec<&str> = (raw.split('&'))
        .filter(|part| !part.is_empty())
        .filter(|part| pairs(part).next().is_none_or(|(key, _)| !key.starts_with(PREFIX)))
        .collect();

    let mut ours = form_urlencoded::Serializer::new(String::new());
    if !state.query.is_empty() {
        ours.append_pair(QUERY, &state.query);
    }
    for &day in &state.selection.days {
        ours.append_pair(DAY, &iso_date(day));
    }
    let selection = &state.selection;
    let named = [
        (TRACK, &selection.tracks, &catalog.tracks),
        (ROOM, &selection.rooms, &catalog.rooms),
        (LANGUAGE, &selection.languages, &catalog.languages),
    ];
    for (key, selected, names) in named {
        for &at in selected {
            ours.append_pair(key, names[usize::from(at)]);
        }
    }
    for &tag in &state.selection.tags {
        ours.append_pair(TAG, catalog.tags[usize::from(tag)].id);
    }
    for &institution in &state.selection.institutions {
        ours.append_pair(INSTITUTION, catalog.institutions[usize::from(institution)]);
    }
    for format in &state.selection.formats {
        ours.append_pair(FORMAT, format.id());
    }
    if let Some(sort) = state.sort {
        ours.append_pair(SORT, sort.id());
    }
    if let Some(talk) = state.open {
        ours.append_pair(TALK, catalog.talks[talk].id);
    }
    // Favourites travel in the URL only as a shared "favourites only" view; otherwise they
    // stay in the browser's storage, and a link someone copies does not carry them.
    if state.favourites_only {
        for &talk in state.shown_favourites() {
            ours.append_pair(FAVOURITE, catalog.talks[talk].id);
        }
        ours.append_pair(FAVOURITES_ONLY, "1");
    }
    let ours = ours.finish();

    let all: Vec<&str> = kept.into_iter().chain((!ours.is_empty()).then_some(ours.as_str())).collect();
    if all.is_empty() {
        String::new()
    } else {
        format!("?{}", all.join("&"))
    }
}
