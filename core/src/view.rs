//! What a view state shows: the ordered talks, the facet counts, and when nothing matches,
//! the ways to relax the search.

use crate::facets::{Bitset, FacetCounts, FacetValue};
use crate::query::{parse, Query};
use crate::schedule::is_past;
use crate::search::match_text;
use crate::state::{SortOrder, ViewState};
use crate::{Catalog, Talk};

/// Talks rendered per page unless the host page says otherwise: large catalogs are shown a
/// page at a time ("Show more"), so each keystroke's DOM work stays small.
pub const PAGE_SIZE: usize = 50;

/// Talks rendered in the frame that shows a new query's result: enough to fill a tall screen.
/// The rest of the shown pages follow once that frame is painted.
pub const FIRST_PAINT_TALKS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The parsed query, for highlighting.
    pub query: Query,
    /// Every talk the state selects, by catalog index, in display order.
    pub talks: Vec<usize>,
    pub facets: FacetCounts,
    /// The order actually applied (the state's, or the default for its query).
    pub sort: SortOrder,
    /// In time order, where in `talks` the past ones begin (after every upcoming one).
    pub past_from: Option<usize>,
}

/// One step that widens an empty result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relaxation {
    ClearQuery,
    RemoveFacet(FacetValue),
    ShowAllNotJustFavourites,
}

/// The talks passing the text query and the favourites filter: what facets then narrow.
fn before_facets(catalog: &Catalog, state: &ViewState, query: &Query) -> (Bitset, Vec<u32>) {
    let text = match_text(catalog, query);
    let mut talks = text.talks;
    if state.favourites_only {
        let mut favourites = Bitset::empty(catalog.talks.len());
        state
            .shown_favourites()
            .iter()
            .filter(|&&talk| talk < catalog.talks.len())
            .for_each(|&talk| favourites.insert(talk));
        talks.intersect(favourites.words());
    }
    (talks, text.scores)
}

/// One keystroke's work: match the text, apply the filters, count, order.
pub fn compute(catalog: &Catalog, state: &ViewState) -> View {
    let query = parse(&state.query);
    let (matching, scores) = before_facets(catalog, state, &query);
    let facets = FacetCounts::compute(catalog, state.zone, &matching, &state.selection);
    let mut shown = matching;
    state.selection.restrict(catalog, state.zone, &mut shown, None);
    let sort = applied_sort(catalog, state, &query);
    let talks = ordered(catalog, state, &shown, &scores, sort);
    let past_from = (sort == SortOrder::Time)
        .then_some(state.now)
        .flatten()
        .and_then(|now| talks.iter().position(|&talk| is_past(catalog, talk, now)));
    View { query, talks, facets, sort, past_from }
}

/// The talks `state` shows, in display order: [`compute`]'s `talks` without counting the
/// facets, for the reducer, which only needs to know where a talk is.
pub fn shown_talks(catalog: &Catalog, state: &ViewState) -> Vec<usize> {
    let query = parse(&state.query);
    let (mut shown, scores) = before_facets(catalog, state, &query);
    state.selection.restrict(catalog, state.zone, &mut shown, None);
    ordered(catalog, state, &shown, &scores, applied_sort(catalog, state, &query))
}

/// The state's order, or else: relevance for a search, time for a schedule, the programme's.
fn applied_sort(catalog: &Catalog, state: &ViewState, query: &Query) -> SortOrder {
    let unsorted = if catalog.has_times() { SortOrder::Time } else { SortOrder::Data };
    state.sort.unwrap_or(if query.has_positive_terms() { SortOrder::Relevance } else { unsorted })
}

/// `shown` in `sort` order (`scores` from the text match, for relevance).
fn ordered(catalog: &Catalog, state: &ViewState, shown: &Bitset, scores: &[u32], sort: SortOrder) -> Vec<usize> {
    let index = &catalog.facets;
    let past = |talk: usize| state.now.is_some_and(|now| is_past(catalog, talk, now));
    let key = |talk: usize| match sort {
        SortOrder::Relevance => u32::MAX - scores[talk],
        SortOrder::Data => 0,
        SortOrder::Title => index.title_rank[talk],
        SortOrder::Speaker => index.surname_rank[talk],
        // Upcoming talks soonest first, then past ones latest first: a series' page visited
        // after some of it happened opens on what is next.
        SortOrder::Time if past(talk) => u32::MAX - index.start_rank[talk],
        SortOrder::Time => index.start_rank[talk],
    };
    // Sorted as (key, talk) pairs: ties keep programme order, and every order shares one copy
    // of the sort code in the wasm.
    let mut keyed: Vec<(u32, u32)> = shown.iter().map(|talk| (key(talk), talk as u32)).collect();
    if sort != SortOrder::Data {
        keyed.sort_unstable();
    }
    keyed.into_iter().map(|(_, talk)| talk as usize).collect()
}

impl View {
    /// How many of `talks` to render: `1 + extra_pages` pages of `page_size`.
    pub fn rendered(&self, extra_pages: usize, page_size: usize) -> usize {
        self.talks.len().min((extra_pages + 1).saturating_mul(page_size.max(1)))
    }

    /// Which of the first `rendered` talks to render in the frame that shows a new query's
    /// result: the first [`FIRST_PAINT_TALKS`], the opened talk (it gets focus), and those
    /// already on the page (`on_page`: keeping them costs less than taking them out and back).
    /// The others are created once that frame is painted.
    pub fn rendered_first(&self, rendered: usize, open: Option<usize>, on_page: &[usize]) -> Vec<usize> {
        let shown = self.talks[..rendered.min(self.talks.len())].iter().copied().enumerate();
        shown
            .filter(|&(at, talk)| at < FIRST_PAINT_TALKS || Some(talk) == open || on_page.contains(&talk))
            .map(|(_, talk)| talk)
            .collect()
    }
}

/// How much of the abstract's first paragraph a card's teaser holds: more than two lines of
/// the widest card (the teaser is clamped to two lines, so the cut is never seen), while
/// marking matches in it and laying it out cost a fraction of the whole paragraph's.
pub const TEASER_BYTES: usize = 500;

/// The teaser of `talk`: its abstract's first paragraph, cut at a space after at most
/// [`TEASER_BYTES`] bytes; empty without an abstract.
pub fn teaser(talk: &Talk) -> &'static str {
    let paragraph = talk.abstract_text.blocks.first().copied().unwrap_or_default();
    if paragraph.len() <= TEASER_BYTES {
        return paragraph;
    }
    let mut end = TEASER_BYTES;
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    paragraph[..end].rfind(' ').map_or(&paragraph[..end], |space| &paragraph[..space])
}

/// How many talks each single relaxation of `state` would show: one entry per active filter.
pub fn relaxations(catalog: &Catalog, state: &ViewState) -> Vec<(Relaxation, usize)> {
    let count = |relaxed: ViewState| {
        let (mut talks, _) = before_facets(catalog, &relaxed, &parse(&relaxed.query));
        relaxed.selection.restrict(catalog, relaxed.zone, &mut talks, None);
        talks.len()
    };
    let mut found = Vec::new();
    if !parse(&state.query).is_empty() {
        found.push((Relaxation::ClearQuery, count(ViewState { query: String::new(), ..state.clone() })));
    }
    for value in state.selection.values() {
        let mut relaxed = state.clone();
        relaxed.selection.toggle(value);
        found.push((Relaxation::RemoveFacet(value), count(relaxed)));
    }
    if state.favourites_only {
        found
            .push((Relaxation::ShowAllNotJustFavourites, count(ViewState { favourites_only: false, ..state.clone() })));
    }
    found
}
