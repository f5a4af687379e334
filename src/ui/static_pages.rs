//! The catalog as plain linked pages, for readers without JavaScript and for crawlers: the
//! pre-rendered page shows the first page of talks and links to the others (`pages/2.html`,
//! …), each a static page with no script (src/bin/prerender.rs writes them).

use super::catalog_ref::CatalogRef;
use super::options::Options;
use super::schedule::Schedule;
use super::talk_card::TalkCard;
use crate::catalog::messages::fill;
use crate::catalog::schedule::Zone;
use crate::catalog::state::ViewState;
use crate::catalog::view::shown_talks;
use crate::catalog::{Catalog, Lang};
use crate::platform::format_number;
use std::rc::Rc;
use yew::prelude::*;

/// How many pages of `page_size` the catalog's talks fill.
pub fn page_count(catalog: &Catalog, page_size: usize) -> usize {
    catalog.talks.len().div_ceil(page_size.max(1))
}

/// Where the pager's links lead: from the first page (the catalog itself) to `{url}{n}.html`,
/// or from a static page to its neighbours and back to the catalog (`../`).
#[derive(Debug, Clone, PartialEq)]
pub enum PagerFrom {
    First { pages_url: AttrValue },
    Static,
}

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub lang: Lang,
    /// The page shown, from 0.
    pub page: usize,
    pub pages: usize,
    pub from: PagerFrom,
}

/// Links to every page of talks, the current one marked.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let messages = props.lang.messages();
    let href = |page: usize| match (&props.from, page) {
        (PagerFrom::First { pages_url }, page) => format!("{pages_url}{}.html", page + 1),
        (PagerFrom::Static, 0) => "../".to_owned(),
        (PagerFrom::Static, page) => format!("{}.html", page + 1),
    };
    let step =
        |label: &'static str, rel: &'static str, page: Option<usize>| match page.filter(|&page| page < props.pages) {
            Some(page) => html! { <li><a href={href(page)} {rel}>{ label }</a></li> },
            None => html! {},
        };
    html! {
        <nav class="tc-pages" aria-label={messages.pages_of_talks}>
            <ul>
                { step(messages.previous_page, "prev", props.page.checked_sub(1)) }
                { for (0..props.pages).map(|page| html! {
                    <li>
                        <a href={href(page)} aria-current={(page == props.page).then_some("page")}>
                            { page + 1 }
                        </a>
                    </li>
                }) }
                { step(messages.next_page, "next", Some(props.page + 1)) }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaticPageProps {
    /// The catalog shown.
    pub catalog: CatalogRef,
    /// The page, from 0 (the first is the catalog page itself).
    pub page: usize,
    #[prop_or_default]
    pub options: Options,
}

/// One page of talks in the default view's order, every abstract shown, with the pager: the body of
/// `pages/{page + 1}.html`.
#[component]
pub fn StaticPage(props: &StaticPageProps) -> Html {
    let size = props.options.page_size.max(1);
    let catalog = props.catalog.0;
    let lang = props.options.language(catalog);
    let talks = catalog.talks.len();
    let shown = (props.page * size).min(talks)..((props.page + 1) * size).min(talks);
    // The order the catalog page continues in: the programme's, or for a schedule, time.
    let order = shown_talks(catalog, &ViewState { now: Some(crate::intl::now()), ..ViewState::default() });
    let schedule = Rc::new(Schedule::new(catalog, Zone::Event, lang));
    let range = [shown.start + 1, shown.end, talks].map(|n| format_number(lang, n));
    let (query, selection) = (Rc::default(), Rc::default());
    html! {
        <div class="tc tc-static" lang={lang.tag()}>
            <p class="tc-status">{ fill(lang.messages().talks_range, &range.each_ref().map(String::as_str)) }</p>
            <ol class="tc-list" start={(shown.start + 1).to_string()}>
                { for order[shown.clone()].iter().map(|&talk| html! {
                    <li>
                        <TalkCard
                            catalog={props.catalog}
                            index={talk}
                            schedule={Rc::clone(&schedule)}
                            options={props.options}
                            expanded=true
                            favourite=false
                            query={Rc::clone(&query)}
                            selection={Rc::clone(&selection)}
                            on_action={Callback::noop()}
                            on_copy={Callback::noop()}
                            interactive=false
                        />
                    </li>
                }) }
            </ol>
            <Pager {lang} page={props.page} pages={page_count(catalog, size)} from={PagerFrom::Static} />
        </div>
    }
}
