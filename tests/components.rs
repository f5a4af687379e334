//! Component tests: real Yew components rendered into a real DOM in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test components`), showing the fixture
//! catalog of the search tests, so the expected counts come from it and not from the seed.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use talk_catalog::catalog::query::parse;
use talk_catalog::catalog::schedule::Zone;
use talk_catalog::catalog::state::ViewState;
use talk_catalog::catalog::{view, Catalog, Lang};
use talk_catalog::ui::{App, AppProps, CatalogRef, Options, Schedule, TalkCard, TalkCardProps};
use talk_catalog_core::prepare;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn fixture() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| load("tests/fixtures/search.toml", include_str!("fixtures/search.toml")))
}

fn talk(id: &str) -> usize {
    fixture().talk_index(id).unwrap_or_else(|| panic!("the fixture has no talk {id}"))
}

fn tag(id: &str) -> usize {
    fixture().tag_index(id).unwrap_or_else(|| panic!("the fixture has no tag {id}"))
}

/// "1 talk", "3 talks", as the app says it.
fn talks(count: usize) -> String {
    if count == 1 {
        "1 talk".to_owned()
    } else {
        format!("{count} talks")
    }
}

/// A fresh, attached container for one test's component.
fn container() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// The card of a talk whose title matches the query.
const CARD: &str = "udell-hessian";

async fn render_card(expanded: bool) -> Element {
    render_card_of(fixture(), talk(CARD), expanded, "hessian").await
}

/// A talk's card, alone, with the matches of `query` marked.
async fn render_card_of(catalog: &'static Catalog, index: usize, expanded: bool, query: &str) -> Element {
    let root = container();
    let props = TalkCardProps {
        catalog: CatalogRef(catalog),
        index,
        schedule: Rc::new(Schedule::new(catalog, Zone::Event, Lang::En)),
        options: Default::default(),
        expanded,
        favourite: false,
        query: Rc::new(parse(query)),
        selection: Rc::default(),
        on_action: Callback::noop(),
        on_copy: Callback::noop(),
        address: Rc::default(),
        copy_fallback: None,
        interactive: true,
    };
    yew::Renderer::<TalkCard>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn talk_card_follows_the_semantic_contract() {
    let talk = &fixture().talks[talk(CARD)];
    let root = render_card(false).await;

    let article = one(&root, "article");
    assert_eq!(article.get_attribute("data-talk-id").as_deref(), Some(talk.id));
    assert_eq!(one(&article, "h2").text_content().as_deref(), Some(talk.title));
    let speakers: Vec<String> = all(&article, ".tc-speaker").iter().map(|li| li.text_content().unwrap()).collect();
    assert_eq!(speakers, [format!("{}, {}", talk.speakers[0].name, talk.speakers[0].affiliation)]);
    assert_eq!(all(&article, ".tc-tag").len(), talk.tags.len());
    // The query's matches are marked, and the text around them is kept.
    let marks: Vec<String> = all(&article, "h2 mark").iter().map(|mark| mark.text_content().unwrap()).collect();
    assert_eq!(marks, ["Hessian"]);

    let button = one(&article, "button[aria-controls]");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    let details = gloo::utils::document().get_element_by_id(&button.get_attribute("aria-controls").unwrap()).unwrap();
    assert!(details.has_attribute("hidden"), "a collapsed abstract is hidden");
    assert_eq!(one(&details, ".tc-abstract p").text_content().as_deref(), Some(talk.abstract_text.blocks[0]));
}

fn schedule() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| load("tests/fixtures/schedule.toml", include_str!("fixtures/schedule.toml")))
}

fn load(name: &str, text: &str) -> &'static Catalog {
    let catalog = prepare::from_toml(name, text).unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
    Box::leak(Box::new(catalog))
}

/// What each importer wrote from its fixture (`import/tests/expected/`), as the build embeds it.
const IMPORTED: [(&str, &str); 6] = [
    ("pretalx", include_str!("../import/tests/expected/pretalx-messy.toml")),
    ("pretalx demo", include_str!("../import/tests/expected/pretalx-demo.toml")),
    ("frab XML", include_str!("../import/tests/expected/frab-messy.toml")),
    ("Sessionize", include_str!("../import/tests/expected/sessionize-messy.toml")),
    ("Indico", include_str!("../import/tests/expected/indico-messy.toml")),
    ("CSV", include_str!("../import/tests/expected/csv-messy.toml")),
];

#[wasm_bindgen_test]
async fn every_importers_catalog_shows_its_talks() {
    for (format, text) in IMPORTED {
        let catalog = load(format, text);
        let root = render_app_of(catalog).await;
        let count = catalog.talks.len();
        assert!(status(&root).contains(&talks(count)), "{format}: status {:?}", status(&root));
        let titles = texts(&root, ".tc-talk-title");
        let expected: Vec<&str> = catalog.talks.iter().take(titles.len()).map(|talk| talk.title).collect();
        assert!(!titles.is_empty(), "{format}: no talk shown");
        assert_eq!(titles, expected, "{format}: the talks in the data's order");
        root.remove();
    }
}

async fn render_schedule_card(id: &str, query: &str) -> Element {
    render_card_of(schedule(), schedule().talk_index(id).unwrap(), true, query).await
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(|element| element.text_content().unwrap()).collect()
}

#[wasm_bindgen_test]
async fn markdown_abstracts_render_as_elements_with_matches_marked_inside() {
    let root = render_schedule_card("hessian-free", "hessian conjugate diagonal").await;
    let abstract_text = one(&root, ".tc-abstract");
    assert_eq!(texts(&abstract_text, "p em"), ["without"]);
    assert_eq!(texts(&abstract_text, "p strong"), ["Hessian"]);
    assert_eq!(texts(&abstract_text, "p code"), ["Hv"]);
    assert_eq!(texts(&abstract_text, ":scope > ol > li > ul > li"), ["diagonal", "K-FAC"]);
    assert_eq!(all(&abstract_text, ":scope > ol > li").len(), 2);
    let link = one(&abstract_text, "ol ul a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://arxiv.org/abs/1503.05671"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener"));
    assert_eq!(one(&abstract_text, "pre > code").text_content().as_deref(), Some("for k in 0..n { x -= step * g(x) }"));
    // Matches are marked inside the elements, which stay nested.
    assert_eq!(texts(&abstract_text, "strong > mark"), ["Hessian"]);
    assert_eq!(texts(&abstract_text, "li > mark"), ["Conjugate", "diagonal"]);

    // The speaker's bio: `<br>` breaks the line, other raw HTML never reaches the page.
    let bio = one(&root, ".tc-bio");
    assert_eq!(all(&bio, "p br").len(), 1);
    assert_eq!(texts(&bio, "p em"), ["notes"]);
    assert!(!bio.inner_html().contains("&lt;br"), "{}", bio.inner_html());
}

#[wasm_bindgen_test]
async fn a_speaker_without_affiliation_and_a_talk_without_abstract_show_no_gaps() {
    let root = render_schedule_card("schrittweiten", "").await;
    assert_eq!(texts(&root, ".tc-speaker"), ["Emmy Noether"]);
    // Plain text in a Markdown file: the asterisks are text.
    assert_eq!(texts(&root, ".tc-abstract p")[1], "Ein zweiter Absatz, *nicht* als Markdown gelesen.");

    let root = render_schedule_card("closing-panel", "").await;
    assert!(all(&root, ".tc-speaker").is_empty() && all(&root, ".tc-abstract p").is_empty());
    assert!(all(&root, ".tc-teaser").is_empty());
}

#[wasm_bindgen_test]
async fn expanded_talk_card_shows_its_abstract() {
    let root = render_card(true).await;
    let button = one(&root, "button[aria-controls]");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!one(&root, ".tc-details").has_attribute("hidden"));
}

/// Renders the whole app. The app reads and writes the page URL, which all tests share, so
/// each starts from a clean one.
async fn render_app() -> Element {
    render_app_of(fixture()).await
}

async fn render_app_of(catalog: &'static Catalog) -> Element {
    render_app_with(catalog, Options::default()).await
}

async fn render_app_with(catalog: &'static Catalog, options: Options) -> Element {
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path)).unwrap();
    let root = container();
    let props = AppProps {
        catalog: CatalogRef(catalog),
        options,
        initial: Default::default(),
        address: Default::default(),
        pages_url: None,
        focus_search: false,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn status(root: &Element) -> String {
    one(root, "[role=status]").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn app_lists_every_talk_and_filters_as_you_type() {
    let root = render_app().await;
    let total = fixture().talks.len();
    assert_eq!(all(&root, "article[data-talk-id]").len(), total);
    assert!(status(&root).contains(&total.to_string()));

    type_query(&root, "HESSIAN").await;

    let shown: Vec<String> =
        all(&root, "article[data-talk-id]").iter().map(|a| a.get_attribute("data-talk-id").unwrap()).collect();
    assert!(shown.contains(&CARD.to_owned()), "{shown:?}");
    assert!(shown.len() < total);
    assert!(
        status(&root).starts_with(&shown.len().to_string()),
        "status {:?} for {} shown",
        status(&root),
        shown.len()
    );
}

#[wasm_bindgen_test]
async fn app_expands_and_collapses_an_abstract() {
    let root = render_app().await;
    let button: HtmlElement = one(&root, "article button[aria-controls]").dyn_into().unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn ticking_a_facet_narrows_the_list_and_updates_counts() {
    let root = render_app().await;
    let tag = tag("control");
    let checkbox: HtmlInputElement = one(&root, &format!("#tc-facet-tag-{tag}")).dyn_into().unwrap();
    let label = one(&root, &format!("label[for=tc-facet-tag-{tag}]")).text_content().unwrap();
    let expected: usize = label.rsplit('(').next().unwrap().trim_end_matches(')').parse().unwrap();

    checkbox.click();
    yew::scheduler::flush().await;
    let shown = all(&root, "article[data-talk-id]");
    assert_eq!(shown.len(), expected, "the label promised {label:?}");
    assert!(checkbox.checked());
    assert!(status(&root).starts_with(&expected.to_string()));
}

async fn type_query(root: &Element, text: &str) {
    let input: HtmlInputElement = one(root, "input[type=search]").dyn_into().unwrap();
    input.set_value(text);
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_tag_button_filters_and_shows_a_removable_chip() {
    let root = render_app().await;
    let tag: HtmlElement = one(&root, "article .tc-tag").dyn_into().unwrap();
    let label = tag.text_content().unwrap();
    tag.click();
    yew::scheduler::flush().await;

    assert_eq!(tag.get_attribute("aria-pressed").as_deref(), Some("true"));
    let chip: HtmlElement = one(&root, ".tc-chips button").dyn_into().unwrap();
    assert_eq!(chip.get_attribute("aria-label"), Some(format!("Remove filter: {label}")));
    for article in all(&root, "article") {
        let tags: Vec<String> = all(&article, ".tc-tag").iter().map(|tag| tag.text_content().unwrap()).collect();
        assert!(tags.contains(&label), "{tags:?} lacks {label}");
    }

    chip.click();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".tc-chips button").unwrap().is_none());
    assert_eq!(all(&root, "article").len(), fixture().talks.len());
}

#[wasm_bindgen_test]
async fn nothing_matching_offers_relaxations_with_counts() {
    let root = render_app().await;
    let tag = tag("control");
    let checkbox: HtmlElement = one(&root, &format!("#tc-facet-tag-{tag}")).dyn_into().unwrap();
    checkbox.click();
    yew::scheduler::flush().await;
    type_query(&root, "hessian").await;

    assert!(all(&root, "article").is_empty());
    assert_eq!(one(&root, ".tc-empty-title").text_content().as_deref(), Some("No talks match."));
    let suggestions: Vec<String> = all(&root, ".tc-suggestion").iter().map(|b| b.text_content().unwrap()).collect();
    // Without the tag, the talks matching the query; without the query, the tag's talks.
    let matching = view::compute(fixture(), &ViewState { query: "hessian".into(), ..ViewState::default() }).talks.len();
    let tagged = fixture().talks.iter().filter(|talk| talk.tags.contains(&(tag as u16))).count();
    assert!(matching > 0 && tagged > 0, "{matching} talks match, {tagged} are tagged");
    for suggestion in [
        format!("Remove Control → {}", talks(matching)),
        format!("Clear the search → {}", talks(tagged)),
        format!("Clear all → {}", talks(fixture().talks.len())),
    ] {
        assert!(suggestions.contains(&suggestion), "{suggestion:?} in {suggestions:?}");
    }
}

#[wasm_bindgen_test]
async fn stars_toggle_and_favourites_only_shows_them() {
    let root = render_app().await;
    let star: HtmlElement = one(&root, "article .tc-star").dyn_into().unwrap();
    star.click();
    yew::scheduler::flush().await;
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("true"));

    let only: HtmlInputElement = one(&root, ".tc-toolbar input[type=checkbox]").dyn_into().unwrap();
    only.click();
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "article").len(), 1);

    // Leave no star behind for the other tests (storage is shared).
    one(&root, "article .tc-star").dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

/// The search fixture, its event in French (Canada's: the UI goes by the primary subtag).
fn french_event() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    let text =
        || format!("{}\n[event]\nname = \"Séminaire\"\nlanguage = \"fr-CA\"\n", include_str!("fixtures/search.toml"));
    CATALOG.get_or_init(|| load("search.toml, in French", &text()))
}

#[wasm_bindgen_test]
async fn the_event_language_makes_the_ui_french() {
    let root = render_app_of(french_event()).await;
    let total = french_event().talks.len();
    assert_eq!(one(&root, ".tc").get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(texts(&root, "label[for=tc-sort-select]"), ["Trier par"]);
    assert_eq!(texts(&root, ".tc-filters summary"), ["Filtres"]);
    assert_eq!(status(&root), format!("{total} exposés"));
    assert_eq!(texts(&root, "article .tc-toggle")[0], "Afficher le résumé");

    type_query(&root, "qqqzzzx").await;
    assert_eq!(status(&root), format!("0 sur {total} exposés"));
    assert_eq!(texts(&root, ".tc-empty-title"), ["Aucun exposé ne correspond."]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_host_language_option_wins_over_the_event_language() {
    let options = Options { lang: Some(Lang::De), ..Options::default() };
    let root = render_app_with(french_event(), options).await;
    let total = french_event().talks.len();
    assert_eq!(one(&root, ".tc").get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(texts(&root, "label[for=tc-search-input]"), ["Vorträge durchsuchen"]);
    assert_eq!(status(&root), format!("{total} Vorträge"));
    let star = one(&root, "article .tc-star");
    assert!(star.get_attribute("aria-label").unwrap().starts_with("Favorit: "));

    type_query(&root, "hessian").await;
    let shown = all(&root, "article[data-talk-id]").len();
    assert!(shown < total);
    assert_eq!(status(&root), format!("{shown} von {total} Vorträgen"));
    assert_eq!(texts(&root, ".tc-active .tc-link-button"), ["Alles zurücksetzen"]);
    root.remove();
}

/// The browser's `Intl.NumberFormat` and the core's grouping for the pre-renderer write the
/// same numbers.
#[wasm_bindgen_test]
fn intl_and_the_native_digit_grouping_agree() {
    for lang in Lang::ALL {
        for n in [0, 7, 999, 1000, 1234, 9999, 12_345, 999_999, 1_234_567] {
            assert_eq!(talk_catalog::platform::format_number(lang, n), lang.format_number(n), "{lang:?} {n}");
        }
    }
}
