//! The view state and the pure reducer that every UI change goes through.

use crate::facets::{FacetValue, Selection};
use crate::schedule::Zone;
use crate::sorted_set::SortedSet;
use crate::view::shown_talks;
use crate::Catalog;

/// How the shown talks are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    Relevance,
    /// The order of the data file (the programme order).
    Data,
    Title,
    /// By the first speaker's surname.
    Speaker,
    /// By start time: upcoming talks first, then the past ones, latest first.
    Time,
}

impl SortOrder {
    pub const ALL: [SortOrder; 5] =
        [SortOrder::Relevance, SortOrder::Time, SortOrder::Data, SortOrder::Title, SortOrder::Speaker];

    pub fn id(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Data => "programme",
            SortOrder::Title => "title",
            SortOrder::Speaker => "speaker",
            SortOrder::Time => "time",
        }
    }

    pub fn label(self, messages: &crate::Messages) -> &'static str {
        match self {
            SortOrder::Relevance => messages.sort_relevance,
            SortOrder::Data => messages.sort_programme,
            SortOrder::Title => messages.sort_title,
            SortOrder::Speaker => messages.sort_speaker,
            SortOrder::Time => messages.sort_time,
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
    /// The person's own starred talks, kept in local storage. Only starring changes them:
    /// never a URL, Back or Forward.
    pub favourites: SortedSet<usize>,
    /// Someone else's starred talks, from a shared link (`tc-fav`): shown instead of the
    /// person's own while `favourites_only`. `None` when there is none, or the link's list is
    /// the person's own.
    pub shared_favourites: Option<SortedSet<usize>>,
    /// Show only the starred talks (the shared list's, if there is one).
    pub favourites_only: bool,
    /// Pages of talks shown beyond the first ("Show more"); a new result starts at the first.
    pub extra_pages: usize,
    /// The zone times and days are shown in: the person's choice, kept in local storage, not
    /// in links (whoever opens one has their own).
    pub zone: Zone,
    /// The viewer's clock when the view was made (seconds since 1970), which tells past talks
    /// from upcoming ones; `None` splits nothing.
    pub now: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetQuery(String),
    ToggleFacet(FacetValue),
    /// Clears the query and every facet selection.
    ClearFilters,
    SetSort(Option<SortOrder>),
    ToggleExpanded(usize),
    /// Follows a link to a talk: clears the filters if they hide it, expands it, makes it the
    /// opened one and shows the page it is on.
    Open(usize),
    ExpandAll(Vec<usize>),
    CollapseAll,
    ToggleFavourite(usize),
    SetFavouritesOnly(bool),
    /// Shows one more page of talks.
    ShowMore,
    /// Adds the shared list's talks to the person's own favourites.
    AddSharedFavourites,
    /// Stops showing the shared list: "Favourites only" shows the person's own again.
    LeaveSharedFavourites,
    /// Replaces the view with one decoded from the URL (at page load, after Back or Forward)
    /// and shows the page its opened talk is on; the person's own favourites, zone and clock
    /// stay as they are.
    Restore(Box<ViewState>),
    /// Shows times and days in this zone. Chosen days stay chosen where that date has talks
    /// in it.
    SetZone(Zone),
}

impl ViewState {
    /// The talks "Favourites only" shows: the shared list, or else the person's own.
    pub fn shown_favourites(&self) -> &SortedSet<usize> {
        self.shared_favourites.as_ref().unwrap_or(&self.favourites)
    }

    /// This view (say, decoded from a URL) with `favourites` as the person's own. A shared
    /// list equal to them is their own (their own link, reloaded).
    pub fn with_favourites(mut self, favourites: SortedSet<usize>) -> Self {
        if self.shared_favourites.as_ref() == Some(&favourites) {
            self.shared_favourites = None;
        }
        self.favourites = favourites;
        self
    }
}

/// The stored list of starred talk ids after this page's stars went from `before` to `after`.
/// Only those changes are applied, so what another tab starred meanwhile, and ids this catalog
/// no longer has, stay stored.
pub fn apply_star_changes(mut stored: Vec<String>, before: &[&str], after: &[&str]) -> Vec<String> {
    stored.retain(|id| after.contains(&id.as_str()) || !before.contains(&id.as_str()));
    for &id in after.iter().filter(|id| !before.contains(id)) {
        if !stored.iter().any(|stored| stored == id) {
            stored.push(id.to_owned());
        }
    }
    stored
}

/// What every action means. Most need only the state; opening a talk also needs the catalog
/// (do the filters hide it, which page is it on) and the page size the talks are shown in.
#[derive(Debug, Clone, Copy)]
pub struct Reducer<'a> {
    pub catalog: &'a Catalog,
    pub page_size: usize,
}

impl Reducer<'_> {
    pub fn reduce(&self, state: &ViewState, action: Action) -> ViewState {
        match action {
            Action::Open(talk) => {
                let shown = shown_talks(self.catalog, state);
                // Following a link to a talk the filters hide: show everything, then the talk.
                let (state, shown) = if shown.contains(&talk) {
                    (state.clone(), shown)
                } else {
                    let cleared = update(state, Action::ClearFilters);
                    let shown = shown_talks(self.catalog, &cleared);
                    (cleared, shown)
                };
                self.reveal_open(update(&state, action), &shown)
            }
            Action::SetZone(zone) => {
                // A date chosen in one zone may have no talks in the other: it is dropped
                // rather than left to empty the list.
                let mut next = update(state, action);
                next.selection.days.retain(|&day| self.catalog.days(zone).talks_on(day).is_some());
                next
            }
            Action::Restore(_) => {
                let next = update(state, action);
                let shown = shown_talks(self.catalog, &next);
                self.reveal_open(next, &shown)
            }
            action => update(state, action),
        }
    }

    /// `state` with enough pages shown to include its opened talk, where `shown` (the talks
    /// it shows) has it.
    fn reveal_open(&self, mut state: ViewState, shown: &[usize]) -> ViewState {
        if let Some(position) = state.open.and_then(|open| shown.iter().position(|&talk| talk == open)) {
            state.extra_pages = state.extra_pages.max(position / self.page_size.max(1));
        }
        state
    }
}

/// What an action does to the state by itself, before [`Reducer::reduce`] adds what depends
/// on the catalog.
fn update(state: &ViewState, action: Action) -> ViewState {
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
            next.shared_favourites = None;
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
        Action::SetFavouritesOnly(only) => {
            next.favourites_only = only;
            // A shared list is a view of "favourites only": leaving it leaves the list.
            if !only {
                next.shared_favourites = None;
            }
        }
        Action::AddSharedFavourites => {
            if let Some(shared) = &next.shared_favourites {
                next.favourites.extend(shared.iter().copied());
            }
        }
        Action::LeaveSharedFavourites => next.shared_favourites = None,
        Action::ShowMore => next.extra_pages += 1,
        Action::Restore(restored) => {
            next = ViewState { zone: next.zone, now: next.now, ..restored.with_favourites(next.favourites) };
        }
        Action::SetZone(zone) => next.zone = zone,
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    /// Applies `actions` in turn from the default state.
    fn run(actions: &[Action]) -> ViewState {
        actions.iter().cloned().fold(ViewState::default(), |state, action| update(&state, action))
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
        let toggled_off = update(&state, Action::ToggleFacet(tutorial));
        assert!(!toggled_off.selection.contains(tutorial));

        let cleared = update(&state, Action::ClearFilters);
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
            assert_eq!(update(&state, change.clone()).extra_pages, 0, "{change:?}");
        }
    }

    #[test]
    fn restore_replaces_the_view_and_keeps_the_own_favourites() {
        let restored = ViewState { query: "x".into(), ..ViewState::default() };
        let before = run(&[Action::ToggleExpanded(1), Action::ToggleFavourite(4)]);
        let after = update(&before, Action::Restore(Box::new(restored.clone())));
        assert_eq!(after, ViewState { favourites: [4].into(), ..restored });
    }

    #[test]
    fn a_shared_list_is_shown_but_only_starring_changes_the_own_favourites() {
        let own = run(&[Action::ToggleFavourite(1), Action::ToggleFavourite(2)]);
        let link = ViewState { shared_favourites: Some([5].into()), favourites_only: true, ..ViewState::default() };
        let state = update(&own, Action::Restore(Box::new(link)));
        assert_eq!((state.shown_favourites(), &state.favourites), (&[5].into(), &[1, 2].into()));

        // Starring while the shared list is shown stars for the person; the list stays.
        let starred = update(&state, Action::ToggleFavourite(5));
        assert_eq!((starred.shown_favourites(), &starred.favourites), (&[5].into(), &[1, 2, 5].into()));
        let added = update(&state, Action::AddSharedFavourites);
        assert_eq!((added.shown_favourites(), &added.favourites), (&[5].into(), &[1, 2, 5].into()));

        for leave in [Action::LeaveSharedFavourites, Action::SetFavouritesOnly(false), Action::ClearFilters] {
            let left = update(&state, leave.clone());
            assert_eq!((left.shared_favourites.as_ref(), &left.favourites), (None, &[1, 2].into()), "{leave:?}");
        }
        // A link carrying the person's own list is theirs, not a shared one.
        let own_link = ViewState { shared_favourites: Some([1, 2].into()), ..ViewState::default() };
        assert_eq!(update(&own, Action::Restore(Box::new(own_link))).shared_favourites, None);
    }

    #[test]
    fn saving_stars_applies_only_this_pages_changes() {
        let strings = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        type Ids = &'static [&'static str];
        // (stored, before, after, the stored list afterwards)
        let table: &[(Ids, Ids, Ids, Ids)] = &[
            (&[], &[], &["a"], &["a"]),
            (&["a", "b"], &["a", "b"], &["a"], &["a"]),
            // Another tab starred "x" meanwhile: it stays, whatever this page does.
            (&["a", "x"], &["a"], &["a", "b"], &["a", "x", "b"]),
            (&["a", "x"], &["a"], &[], &["x"]),
            // An id this catalog doesn't have (a talk since removed) stays.
            (&["gone", "a"], &["a"], &["a", "c"], &["gone", "a", "c"]),
            // Already stored elsewhere: not stored twice.
            (&["b"], &[], &["b"], &["b"]),
        ];
        for &(stored, before, after, expected) in table {
            assert_eq!(
                apply_star_changes(strings(stored), before, after),
                strings(expected),
                "{stored:?} {before:?} {after:?}"
            );
        }
    }

    #[test]
    fn sort_ids_round_trip() {
        for order in SortOrder::ALL {
            assert_eq!(SortOrder::from_id(order.id()), Some(order));
        }
        assert_eq!(SortOrder::from_id("sideways"), None);
    }
}
