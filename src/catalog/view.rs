//! What a view state shows: the ordered talks and the facet counts.

use super::facets::{Bitset, FacetCounts};
use super::query::{parse, Query};
use super::search::match_text;
use super::state::{SortOrder, ViewState};
use super::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The parsed query, for highlighting.
    pub query: Query,
    /// Talks to show, by catalog index, in display order.
    pub talks: Vec<usize>,
    pub facets: FacetCounts,
    /// The order actually applied (the state's, or the default for its query).
    pub sort: SortOrder,
}

/// One keystroke's work: match the text, apply the facets, count, order.
pub fn compute(catalog: &Catalog, state: &ViewState) -> View {
    let query = parse(&state.query);
    let text = match_text(catalog, &query);
    let facets = FacetCounts::compute(catalog, &text.talks, &state.selection);
    let mut shown: Bitset = text.talks.clone();
    state.selection.restrict(catalog, &mut shown, None);

    let sort = state.sort.unwrap_or(if query.has_positive_terms() { SortOrder::Relevance } else { SortOrder::Data });
    let mut talks: Vec<usize> = shown.iter().collect();
    let index = &catalog.index;
    match sort {
        // Stable sorts: ties keep programme order.
        SortOrder::Relevance => talks.sort_by_key(|&talk| std::cmp::Reverse(text.scores[talk])),
        SortOrder::Data => {}
        SortOrder::Title => talks.sort_by_key(|&talk| index.title_rank[talk]),
        SortOrder::Speaker => talks.sort_by_key(|&talk| index.surname_rank[talk]),
    }
    View { query, talks, facets, sort }
}
