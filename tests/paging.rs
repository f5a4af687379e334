//! Large catalogs are shown a page at a time: which talks are rendered, how "Show more" and
//! a new result change that, and that an opened talk is always on a shown page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use talk_catalog_core::synthetic;

use talk_catalog::catalog::state::{Action, Reducer, ViewState};
use talk_catalog::catalog::view::{compute, teaser, FIRST_PAINT_TALKS, PAGE_SIZE, TEASER_BYTES};
use talk_catalog::catalog::Catalog;

const TALKS: usize = 2 * PAGE_SIZE + 30;

fn catalog() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::parse("synthetic", &synthetic::generate(TALKS, 1)))
}

fn reducer() -> Reducer<'static> {
    Reducer { catalog: catalog(), page_size: PAGE_SIZE }
}

fn rendered_after(actions: &[Action]) -> (usize, usize) {
    let state = actions.iter().cloned().fold(ViewState::default(), |state, action| reducer().reduce(&state, action));
    let view = compute(catalog(), &state);
    (view.rendered(state.extra_pages, PAGE_SIZE), view.talks.len())
}

#[test]
fn show_more_adds_a_page_at_a_time_up_to_the_whole_result() {
    let table: &[(&[Action], (usize, usize))] = &[
        (&[], (PAGE_SIZE, TALKS)),
        (&[Action::ShowMore], (2 * PAGE_SIZE, TALKS)),
        (&[Action::ShowMore, Action::ShowMore], (TALKS, TALKS)),
        (&[Action::ShowMore, Action::ShowMore, Action::ShowMore], (TALKS, TALKS)),
        // A new result starts at its first page.
        (&[Action::ShowMore, Action::SetQuery(String::new())], (PAGE_SIZE, TALKS)),
    ];
    for (actions, expected) in table {
        assert_eq!(rendered_after(actions), *expected, "{actions:?}");
    }
}

#[test]
fn any_page_size_works_and_zero_counts_as_one() {
    let view = compute(catalog(), &ViewState::default());
    let table =
        [((0, 0), 1), ((0, 1), 1), ((2, 1), 3), ((1, 7), 14), ((0, TALKS + 5), TALKS), ((usize::MAX / 2, 3), TALKS)];
    for ((extra_pages, page_size), expected) in table {
        assert_eq!(view.rendered(extra_pages, page_size), expected, "{extra_pages} extra pages of {page_size}");
    }
}

#[test]
fn a_result_smaller_than_a_page_is_rendered_whole() {
    let talk = &catalog().talks[0];
    let (rendered, matching) = rendered_after(&[Action::SetQuery(format!("\"{}\"", talk.title))]);
    assert!((1..PAGE_SIZE).contains(&matching), "{matching} talks match the title");
    assert_eq!(rendered, matching);
}

#[test]
fn an_opened_talk_is_always_on_a_shown_page() {
    for position in [0, PAGE_SIZE - 1, PAGE_SIZE, TALKS - 1] {
        let restored = ViewState { open: Some(position), ..ViewState::default() };
        let state = reducer().reduce(&ViewState::default(), Action::Restore(Box::new(restored)));
        let view = compute(catalog(), &state);
        let rendered = view.rendered(state.extra_pages, PAGE_SIZE);
        assert!(view.talks[..rendered].contains(&position), "talk at {position}: {rendered} rendered");
        assert_eq!(state.extra_pages, position / PAGE_SIZE, "no more pages than needed");
    }
}

#[test]
fn a_new_result_paints_its_first_talks_the_opened_one_and_those_already_on_the_page_first() {
    let view = compute(catalog(), &ViewState::default());
    let at = |positions: &[usize]| positions.iter().map(|&position| view.talks[position]).collect::<Vec<_>>();
    let first: Vec<usize> = (0..FIRST_PAINT_TALKS).collect();
    let with = |more: &[usize]| first.iter().chain(more).copied().collect::<Vec<_>>();
    let none: Vec<usize> = Vec::new();
    let table = [
        // (rendered, opened talk's position, positions on the page) → positions rendered first
        (PAGE_SIZE, None, none.clone(), first.clone()),
        (3, None, none.clone(), vec![0, 1, 2]),
        (PAGE_SIZE, Some(2), none.clone(), first.clone()),
        (PAGE_SIZE, Some(PAGE_SIZE - 1), none.clone(), with(&[PAGE_SIZE - 1])),
        (2 * PAGE_SIZE, Some(PAGE_SIZE + 4), none.clone(), with(&[PAGE_SIZE + 4])),
        // Opened but not on a shown page: nothing more to render for it.
        (PAGE_SIZE, Some(PAGE_SIZE + 4), none.clone(), first.clone()),
        // Already on the page: kept, in the new order; beyond the shown pages: not.
        (PAGE_SIZE, None, vec![30, 2, 12, PAGE_SIZE + 1], with(&[12, 30])),
        (0, None, vec![1], vec![]),
    ];
    for (rendered, open, on_page, expected) in table {
        let open = open.map(|position| view.talks[position]);
        assert_eq!(
            view.rendered_first(rendered, open, &at(&on_page)),
            at(&expected),
            "{rendered} rendered, {open:?} open, {on_page:?} on the page"
        );
    }
}

#[test]
fn a_teaser_is_the_first_paragraph_cut_at_a_space_within_its_length() {
    let mut cut = 0;
    for talk in catalog().talks {
        let (paragraph, teaser) = (talk.abstract_text.blocks[0], teaser(talk));
        assert!(paragraph.starts_with(teaser), "{}", talk.id);
        if paragraph.len() <= TEASER_BYTES {
            assert_eq!(teaser, paragraph);
        } else {
            cut += 1;
            assert!(teaser.len() <= TEASER_BYTES && teaser.len() > TEASER_BYTES - 40, "{}: {teaser:?}", talk.id);
            assert!(paragraph[teaser.len()..].starts_with(' '), "{}: cut at a space", talk.id);
        }
    }
    assert!(cut > 0, "some synthetic first paragraphs are longer than a teaser");
}
