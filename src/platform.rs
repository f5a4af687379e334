//! The one module that touches the browser's globals: the host element, the URL and history.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The element the widget mounts into: `#talk-catalog`, or else the first `[data-talk-catalog]`.
/// Never `<body>`: the widget must not take over a page it is embedded in.
pub fn host_element() -> Option<Element> {
    let document = gloo::utils::document();
    document.get_element_by_id("talk-catalog").or_else(|| document.query_selector("[data-talk-catalog]").ok().flatten())
}

/// The page's query string, with its `?` (empty when there is none).
pub fn current_search() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// How a new URL enters the session history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A deliberate step the user may want to go Back from (opening a talk).
    Push,
    /// A continuous change such as typing.
    Replace,
}

/// Shows `search` as the page's query string, keeping its path and hash.
pub fn set_search(search: &str, mode: HistoryMode) {
    let window = gloo::utils::window();
    let location = window.location();
    let url = format!("{}{search}{}", location.pathname().unwrap_or_default(), location.hash().unwrap_or_default());
    let Ok(history) = window.history() else { return };
    // Failure (e.g. a sandboxed iframe) only costs the shareable URL, never the catalog.
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// Calls `on_change` after Back or Forward; dropping the listener stops it.
pub fn on_history_change(on_change: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| on_change())
}
