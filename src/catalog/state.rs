//! The view state and the pure reducer that every UI change goes through.

use super::facets::{FacetValue, Selection};
use super::sorted_set::SortedSet;

/// How the shown talks are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    Relevance,
    /// The order of the data file (the programme order).
    Data,
    Title,
    /// By the first speaker's surname.
    Speaker,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [SortOrder::Relevance, SortOrder::Data, SortOrder::Title, SortOrder::Speaker];

    pub fn id(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Data => "programme",
            SortOrder::Title => "title",
            SortOrder::Speaker => "speaker",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Relevance",
            SortOrder::Data => "Programme order",
            SortOrder::Title => "Title",
            SortOrder::Speaker => "Speaker surname",
        }
    }

    pub fn from_id(id: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|order| order.id() == id)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search box's text, exactly as typed.
    pub query: String,
    pub selection: Selection,
    /// `None`: relevance while a query is active, programme order otherwise.
    pub sort: Option<SortOrder>,
    /// The talk opened last (shared in links), by index into the catalog.
    pub open: Option<usize>,
    /// Talks whose abstract is shown in full.
    pub expanded: SortedSet<usize>,
    /// Starred talks (kept in local storage and in shared links).
    pub favourites: SortedSet<usize>,
    /// Show only the starred talks.
    pub favourites_only: bool,
    /// Pages of talks shown beyond the first ("Show more"); a new result starts at the first.
    pub extra_pages: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetQuery(String),
    ToggleFacet(FacetValue),
    /// Clears the query and every facet selection.
    ClearFilters,
    SetSort(Option<SortOrder>),
    ToggleExpanded(usize),
    /// Expands a talk and makes it the opened one (following a link to it).
    Open(usize),
    ExpandAll(Vec<usize>),
    CollapseAll,
    ToggleFavourite(usize),
    SetFavouritesOnly(bool),
    /// Shows one more page of talks.
    ShowMore,
    /// Replaces the whole state, e.g. with one decoded from the URL after Back.
    Restore(ViewState),
}

pub fn reduce(state: &ViewState, action: Action) -> ViewState {
    let mut next = state.clone();
    // A different result list starts again at its first page.
    if matches!(
        action,
        Action::SetQuery(_)
            | Action::ToggleFacet(_)
            | Action::ClearFilters
            | Action::SetSort(_)
            | Action::SetFavouritesOnly(_)
    ) {
        next.extra_pages = 0;
    }
    match action {
        Action::SetQuery(query) => next.query = query,
        Action::ToggleFacet(value) => next.selection.toggle(value),
        Action::ClearFilters => {
            next.query.clear();
            next.selection = Selection::default();
            next.favourites_only = false;
        }
        Action::SetSort(sort) => next.sort = sort,
        Action::ToggleExpanded(talk) => {
            if next.expanded.remove(&talk) {
                if next.open == Some(talk) {
                    next.open = None;
                }
            } else {
                next.expanded.insert(talk);
                next.open = Some(talk);
            }
        }
        Action::Open(talk) => {
            next.expanded.insert(talk);
            next.open = Some(talk);
        }
        Action::ExpandAll(talks) => next.expanded.extend(talks),
        Action::CollapseAll => {
            next.expanded.clear();
            next.open = None;
        }
        Action::ToggleFavourite(talk) => {
            if !next.favourites.remove(&talk) {
                next.favourites.insert(talk);
            }
        }
        Action::SetFavouritesOnly(only) => next.favourites_only = only,
        Action::ShowMore => next.extra_pages += 1,
        Action::Restore(restored) => next = restored,
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Format;

    /// Applies `actions` in turn from the default state.
    fn run(actions: &[Action]) -> ViewState {
        actions.iter().cloned().fold(ViewState::default(), |state, action| reduce(&state, action))
    }

    #[test]
    fn expanding_opens_the_talk_and_collapsing_closes_it() {
        let state = run(&[Action::ToggleExpanded(3)]);
        assert_eq!((state.open, state.expanded.iter().copied().collect::<Vec<_>>()), (Some(3), vec![3]));
        let state = run(&[Action::ToggleExpanded(3), Action::ToggleExpanded(5)]);
        assert_eq!((state.open, state.expanded.len()), (Some(5), 2));
        // Collapsing a talk that is not the opened one leaves the opened one alone.
        let state = run(&[Action::ToggleExpanded(3), Action::ToggleExpanded(5), Action::ToggleExpanded(3)]);
        assert_eq!((state.open, state.expanded.len()), (Some(5), 1));
        let state = run(&[Action::ToggleExpanded(3), Action::ToggleExpanded(3)]);
        assert_eq!((state.open, state.expanded.len()), (None, 0));
    }

    #[test]
    fn facets_toggle_and_clear_filters_resets_query_and_selection_only() {
        let tutorial = FacetValue::Format(Format::Tutorial);
        let state = run(&[
            Action::SetQuery("hessian".into()),
            Action::ToggleFacet(FacetValue::Tag(2)),
            Action::ToggleFacet(tutorial),
            Action::SetSort(Some(SortOrder::Title)),
            Action::ToggleExpanded(1),
        ]);
        assert!(state.selection.contains(tutorial) && state.selection.contains(FacetValue::Tag(2)));
        let toggled_off = reduce(&state, Action::ToggleFacet(tutorial));
        assert!(!toggled_off.selection.contains(tutorial));

        let cleared = reduce(&state, Action::ClearFilters);
        assert_eq!(cleared.query, "");
        assert!(cleared.selection.is_empty());
        assert_eq!((cleared.sort, cleared.open), (Some(SortOrder::Title), Some(1)));
    }

    #[test]
    fn open_expand_all_and_collapse_all() {
        let state = run(&[Action::Open(2), Action::Open(2)]);
        assert_eq!((state.open, state.expanded.len()), (Some(2), 1), "opening twice keeps it open");
        let state = run(&[Action::ExpandAll(vec![1, 2, 3]), Action::ToggleExpanded(2)]);
        assert_eq!(state.expanded.iter().copied().collect::<Vec<_>>(), [1, 3]);
        let state = run(&[Action::Open(4), Action::CollapseAll]);
        assert_eq!((state.open, state.expanded.len()), (None, 0));
    }

    #[test]
    fn favourites_toggle_and_clear_filters_turns_off_favourites_only() {
        let state = run(&[Action::ToggleFavourite(1), Action::ToggleFavourite(2), Action::ToggleFavourite(1)]);
        assert_eq!(state.favourites.iter().copied().collect::<Vec<_>>(), [2]);
        let state = run(&[Action::ToggleFavourite(2), Action::SetFavouritesOnly(true), Action::ClearFilters]);
        assert!(!state.favourites_only);
        assert_eq!(state.favourites.len(), 1, "clearing filters keeps the stars");
    }

    #[test]
    fn show_more_adds_pages_until_the_result_changes() {
        let state = run(&[Action::ShowMore, Action::ShowMore, Action::ToggleExpanded(1), Action::ToggleFavourite(1)]);
        assert_eq!(state.extra_pages, 2, "expanding and starring keep the pages");
        let changes = [
            Action::SetQuery("x".into()),
            Action::ToggleFacet(FacetValue::Tag(0)),
            Action::ClearFilters,
            Action::SetSort(Some(SortOrder::Title)),
            Action::SetFavouritesOnly(true),
        ];
        for change in changes {
            assert_eq!(reduce(&state, change.clone()).extra_pages, 0, "{change:?}");
        }
    }

    #[test]
    fn restore_replaces_everything() {
        let restored = ViewState { query: "x".into(), ..ViewState::default() };
        assert_eq!(reduce(&run(&[Action::ToggleExpanded(1)]), Action::Restore(restored.clone())), restored);
    }

    #[test]
    fn sort_ids_round_trip() {
        for order in SortOrder::ALL {
            assert_eq!(SortOrder::from_id(order.id()), Some(order));
        }
        assert_eq!(SortOrder::from_id("sideways"), None);
    }
}
