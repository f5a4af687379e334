//! Pre-renders the catalog's default view to static HTML with the app's own components (Yew's
//! server-side renderer), so people without JavaScript, search engines and the first paint see
//! the talks. Release builds put it inside the host element of dist/index.html and write it to
//! dist-embed/fragment.html for embedding pages (scripts/post-build.mjs); the app replaces it
//! when it starts (`ui::mount`).
//!
//! `cargo run --features ssr --bin prerender [-- --heading-level 3]` prints the HTML. The
//! options are the host element's data attributes (`ui::Options`), as `--name value`, and:
//! - `--pages-dir DIR`: a catalog longer than one page also gets the other pages, as static
//!   HTML without script (`DIR/2.html`, …: the bodies, which post-build.mjs makes into pages),
//!   linked from the first page's pager for readers without JavaScript;
//! - `--pages-url URL`: where the first page links those pages (default `pages/`, beside it).

use std::path::PathBuf;
use std::process::ExitCode;
use talk_catalog::catalog::catalog;
use talk_catalog::catalog::state::ViewState;
use talk_catalog::ui::{page_count, App, AppProps, CatalogRef, Options, StaticPage, StaticPageProps};
use yew::AttrValue;

const OPTIONS: [&str; 5] = ["heading-level", "page-size", "facet-top", "url-sync", "lang"];
const PAGES: [&str; 2] = ["pages-dir", "pages-url"];

/// The `--name value` pairs of the command line, or a message about the first bad argument.
fn parse_arguments(arguments: impl Iterator<Item = String>) -> Result<Vec<(String, String)>, String> {
    let mut arguments = arguments.peekable();
    let mut pairs = Vec::new();
    while let Some(argument) = arguments.next() {
        let name = argument.strip_prefix("--").ok_or_else(|| format!("expected --name value, got {argument:?}"))?;
        if !OPTIONS.contains(&name) && !PAGES.contains(&name) {
            let known: Vec<String> = OPTIONS.iter().chain(&PAGES).map(|name| format!("--{name}")).collect();
            return Err(format!("unknown option --{name} (known: {})", known.join(", ")));
        }
        let value = arguments.next().ok_or_else(|| format!("--{name} needs a value"))?;
        pairs.push((name.to_owned(), value));
    }
    Ok(pairs)
}

fn main() -> ExitCode {
    let pairs = match parse_arguments(std::env::args().skip(1)) {
        Ok(pairs) => pairs,
        Err(message) => {
            eprintln!("prerender: {message}");
            return ExitCode::from(2);
        }
    };
    let value = |name: &str| pairs.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value.clone());
    let options = Options::from_attributes(value);
    let pages_dir = value("pages-dir").map(PathBuf::from);
    let pages_url = value("pages-url").or_else(|| pages_dir.as_ref().map(|_| "pages/".to_owned()));
    let pages = page_count(catalog(), options.page_size);
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a Tokio runtime");
    if let Some(dir) = pages_dir.filter(|_| pages > 1) {
        if let Err(error) = std::fs::create_dir_all(&dir) {
            eprintln!("prerender: cannot create {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
        for page in 1..pages {
            let html = runtime.block_on(render_static_page(page, options));
            let path = dir.join(format!("{}.html", page + 1));
            if let Err(error) = std::fs::write(&path, html) {
                eprintln!("prerender: cannot write {}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let pages_url = pages_url.filter(|_| pages > 1);
    println!("{}", runtime.block_on(render(options, pages_url)));
    ExitCode::SUCCESS
}

/// The app's default view as HTML, without hydration markers: the app replaces this HTML
/// rather than hydrating it (the URL may ask for another view).
async fn render(options: Options, pages_url: Option<String>) -> String {
    // Props are made on the renderer's thread: `AttrValue` can't cross threads, a `String` can.
    let props = move || AppProps {
        catalog: CatalogRef(catalog()),
        options,
        // Talks already over are listed after those to come, as on the day of the build.
        initial: ViewState { now: Some(talk_catalog::intl::now()), ..ViewState::default() },
        address: Default::default(),
        pages_url: pages_url.map(AttrValue::from),
        focus_search: false,
    };
    yew::ServerRenderer::<App>::with_props(props).hydratable(false).render().await
}

async fn render_static_page(page: usize, options: Options) -> String {
    let props = move || StaticPageProps { catalog: CatalogRef(catalog()), page, options };
    yew::ServerRenderer::<StaticPage>::with_props(props).hydratable(false).render().await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(arguments: &[&str]) -> Result<Vec<(String, String)>, String> {
        parse_arguments(arguments.iter().map(|argument| argument.to_string()))
    }

    fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().build().expect("a Tokio runtime").block_on(future)
    }

    #[test]
    fn options_come_as_name_value_pairs_and_anything_else_is_an_error() {
        assert_eq!(parse(&[]), Ok(vec![]));
        assert_eq!(parse(&["--heading-level", "3"]), Ok(vec![("heading-level".into(), "3".into())]));
        assert_eq!(parse(&["--pages-dir", "out"]), Ok(vec![("pages-dir".into(), "out".into())]));
        for bad in [&["heading-level", "3"][..], &["--heading-level"], &["--theme", "dark"]] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn renders_every_talk_with_the_heading_level_asked_for() {
        let html = block_on(render(Options { heading_level: 3, ..Options::default() }, None));
        let talks = catalog().talks.len();
        assert_eq!(html.matches("<article ").count(), talks);
        assert_eq!(html.matches("<h3 id=\"tc-title-").count(), talks);
        assert!(!html.contains("<!--"), "no hydration markers");
    }

    #[test]
    fn pages_split_the_talks_and_link_each_other() {
        // The seed's 20 talks, 8 a page: 8, 8 and 4.
        let options = Options { page_size: 8, ..Options::default() };
        assert_eq!(page_count(catalog(), 8), 3);
        let first = block_on(render(options, Some("pages/".to_owned())));
        assert_eq!(first.matches("<article ").count(), 8);
        for link in ["href=\"pages/1.html\" aria-current=\"page\"", "href=\"pages/2.html\"", "href=\"pages/3.html\""] {
            assert!(first.contains(link), "{link} in the first page");
        }
        let ids = |html: &str| -> Vec<String> {
            html.split("data-talk-id=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].to_owned()).collect()
        };
        let mut all = ids(&first);
        for page in 1..3 {
            let html = block_on(render_static_page(page, options));
            assert!(html.contains("href=\"../\""), "page {} links back to the catalog", page + 1);
            assert!(!html.contains(" hidden"), "every abstract is shown on page {}", page + 1);
            all.extend(ids(&html));
        }
        let expected: Vec<&str> = catalog().talks.iter().map(|talk| talk.id).collect();
        assert_eq!(all, expected, "every talk once, in programme order");
    }
}
