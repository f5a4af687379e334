use super::catalog_ref::CatalogRef;
use super::copy_link::CopyLink;
use super::counted;
use super::options::Options;
use super::schedule::Schedule;
use super::static_pages::{page_count, Pager, PagerFrom};
use super::talk_card::TalkCard;
use crate::catalog::facets::Selection;
use crate::catalog::query::Query;
use crate::catalog::schedule::is_past;
use crate::catalog::state::{Action, SortOrder, ViewState};
use crate::catalog::url_state::PageAddress;
use crate::catalog::view::View;
use crate::catalog::Lang;
use crate::platform::format_number;
use std::rc::Rc;
use yew::prelude::*;

/// What the list of talks shows, and what its cards need.
pub struct TalkList<'a> {
    pub catalog: CatalogRef,
    pub lang: Lang,
    pub view: &'a View,
    pub state: &'a ViewState,
    /// How many of the view's talks the shown pages hold.
    pub rendered: usize,
    /// Which of them to render now (`use_two_step_render`).
    pub render_now: &'a [usize],
    pub options: Options,
    /// The view's query and the state's selection, shared by every card.
    pub query: &'a Rc<Query>,
    pub selection: &'a Rc<Selection>,
    pub on_action: &'a Callback<Action>,
    pub copy_link: &'a CopyLink,
    pub address: &'a Rc<PageAddress>,
    /// Pre-rendering only: where the static pages of the later talks are.
    pub pages_url: Option<&'a AttrValue>,
    /// How times and days read.
    pub schedule: &'a Rc<Schedule>,
}

/// In time order, the headed groups talks are listed in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Day(i32),
    Unscheduled,
    Past,
}

/// `talks` (in display order) cut into runs of one group each.
fn groups(list: &TalkList, talks: &[usize]) -> Vec<(Group, Vec<usize>)> {
    let catalog = list.catalog.0;
    let days = &catalog.days(list.state.zone).talk_days;
    let group = |talk: usize| match (list.state.now, days[talk]) {
        (Some(now), _) if is_past(catalog, talk, now) => Group::Past,
        (_, Some(day)) => Group::Day(day),
        (_, None) => Group::Unscheduled,
    };
    let mut groups: Vec<(Group, Vec<usize>)> = Vec::new();
    for &talk in talks {
        match groups.last_mut() {
            Some((last, members)) if *last == group(talk) => members.push(talk),
            _ => groups.push((group(talk), vec![talk])),
        }
    }
    groups
}

/// The shown pages' cards, then "Show more" while talks are left (and, pre-rendered, the
/// pager to the static pages).
pub fn talk_list(list: &TalkList) -> Html {
    let TalkList { catalog, lang, view, state, rendered, .. } = *list;
    let messages = lang.messages();
    let grouped = view.sort == SortOrder::Time;
    let options = if grouped { list.options.one_level_down() } else { list.options };
    let (total, more) = (view.talks.len(), (view.talks.len() - rendered).min(options.page_size));
    let card = |talk: usize| {
        html! {
            <li key={catalog.0.talks[talk].id}>
                <TalkCard
                    {catalog}
                    index={talk}
                    schedule={Rc::clone(list.schedule)}
                    {options}
                    expanded={state.expanded.contains(&talk)}
                    favourite={state.favourites.contains(&talk)}
                    query={Rc::clone(list.query)}
                    selection={Rc::clone(list.selection)}
                    on_action={list.on_action.clone()}
                    on_copy={list.copy_link.on_copy.clone()}
                    address={Rc::clone(list.address)}
                    copy_fallback={list.copy_link.fallback_for(talk)}
                />
            </li>
        }
    };
    let show_more = list.on_action.reform(|_: MouseEvent| Action::ShowMore);
    html! {
        <>
            if grouped {
                { for groups(list, list.render_now).into_iter().map(|(group, talks)| {
                    let (id, title) = match group {
                        Group::Day(day) => (format!("tc-day-{day}"), list.schedule.day(day, true)),
                        Group::Unscheduled => ("tc-day-unscheduled".to_owned(), messages.unscheduled.to_owned()),
                        Group::Past => ("tc-day-past".to_owned(), messages.past_talks.to_owned()),
                    };
                    html! {
                        <section class="tc-group" aria-labelledby={id.clone()} key={id.clone()}>
                            <@{list.options.title_tag()} class="tc-group-title" {id}>{ title }</@>
                            <ol class="tc-list">{ for talks.into_iter().map(card) }</ol>
                        </section>
                    }
                }) }
            } else {
                <ol class="tc-list">
                    { for list.render_now.iter().map(|&talk| card(talk)) }
                </ol>
            }
            if rendered < view.talks.len() {
                <p class="tc-more-talks">
                    { format!("{} ", counted(lang, &messages.showing, total, &[&format_number(lang, rendered)])) }
                    <button type="button" class="tc-link-button" onclick={show_more}>
                        { counted(lang, &messages.show_more, more, &[]) }
                    </button>
                </p>
                // Only pre-rendered pages link static pages: keep the pager out of the wasm.
                if let Some(pages_url) = list.pages_url.filter(|_| cfg!(feature = "ssr")) {
                    <Pager {lang} page=0 pages={page_count(catalog.0, options.page_size)} from={PagerFrom::First { pages_url: pages_url.clone() }} />
                }
            }
        </>
    }
}
