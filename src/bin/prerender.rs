//! Pre-renders the catalog's default view to static HTML with the app's own components (Yew's
//! server-side renderer), so people without JavaScript, search engines and the first paint see
//! every talk. Release builds put it inside the host element of dist/index.html and write it to
//! dist-embed/fragment.html for embedding pages (scripts/post-build.mjs); the app replaces it
//! when it starts (`ui::mount`).
//!
//! `cargo run --features ssr --bin prerender [-- --heading-level 3]` prints the HTML. The
//! options are the host element's data attributes (`ui::Options`), as `--name value`.

use std::process::ExitCode;
use talk_catalog::ui::{App, AppProps, Options};

/// The `--name value` pairs of the command line, or a message about the first bad argument.
fn parse_arguments(arguments: impl Iterator<Item = String>) -> Result<Vec<(String, String)>, String> {
    let mut arguments = arguments.peekable();
    let mut pairs = Vec::new();
    while let Some(argument) = arguments.next() {
        let name = argument.strip_prefix("--").ok_or_else(|| format!("expected --name value, got {argument:?}"))?;
        if !matches!(name, "heading-level" | "page-size" | "facet-top" | "url-sync") {
            return Err(format!(
                "unknown option --{name} (known: --heading-level, --page-size, --facet-top, --url-sync)"
            ));
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
    let options = Options::from_attributes(|name| pairs.iter().find(|(key, _)| key == name).map(|(_, v)| v.clone()));
    println!("{}", render(options));
    ExitCode::SUCCESS
}

/// The app's default view as HTML, without hydration markers: the app replaces this HTML
/// rather than hydrating it (the URL may ask for another view).
fn render(options: Options) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps { options, initial: Default::default() });
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a Tokio runtime");
    runtime.block_on(renderer.hydratable(false).render())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(arguments: &[&str]) -> Result<Vec<(String, String)>, String> {
        parse_arguments(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn options_come_as_name_value_pairs_and_anything_else_is_an_error() {
        assert_eq!(parse(&[]), Ok(vec![]));
        assert_eq!(parse(&["--heading-level", "3"]), Ok(vec![("heading-level".into(), "3".into())]));
        for bad in [&["heading-level", "3"][..], &["--heading-level"], &["--theme", "dark"]] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn renders_every_talk_with_the_heading_level_asked_for() {
        let html = render(Options { heading_level: 3, ..Options::default() });
        let talks = talk_catalog::catalog::catalog().talks.len();
        assert_eq!(html.matches("<article ").count(), talks);
        assert_eq!(html.matches("<h3 id=\"tc-title-").count(), talks);
        assert!(!html.contains("<!--"), "no hydration markers");
    }
}
