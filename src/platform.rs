//! The one module that touches the browser's globals: the host element, the URL and history,
//! local storage, the clipboard, downloads, focus, the clock, timers and global keys. Every call tolerates failure: a
//! sandboxed frame or a browser without storage loses a convenience, never the catalog.

use crate::catalog::url_state::PageAddress;
use crate::catalog::Lang;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlElement, HtmlInputElement, KeyboardEvent, Url};

/// The element the widget mounts into: `#talk-catalog`, or else the first `[data-talk-catalog]`.
/// Never `<body>`: the widget must not take over a page it is embedded in.
pub fn host_element() -> Option<Element> {
    let document = gloo::utils::document();
    document.get_element_by_id("talk-catalog").or_else(|| document.query_selector("[data-talk-catalog]").ok().flatten())
}

/// Marks the host element `data-ready` once the app has taken over from the pre-rendered
/// HTML and responds to input (for the host page's scripts, and for tests).
pub fn mark_ready() {
    if let Some(host) = host_element() {
        let _ = host.set_attribute("data-ready", "");
    }
}

/// The value of `data-{name}` on `element`.
pub fn data_attribute(element: &Element, name: &str) -> Option<String> {
    element.get_attribute(&format!("data-{name}"))
}

/// The page's query string, with its `?` (empty when there is none).
pub fn current_search() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// The page's address as it is now.
pub fn page_address() -> PageAddress {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    PageAddress {
        base: format!("{origin}{path}"),
        search: location.search().unwrap_or_default(),
        hash: location.hash().unwrap_or_default(),
    }
}

/// The page's address with `search` as its query string, keeping its path and hash.
fn url_with_search(search: &str) -> String {
    let PageAddress { base, hash, .. } = page_address();
    format!("{base}{search}{hash}")
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
    let Ok(history) = gloo::utils::window().history() else { return };
    let url = url_with_search(search);
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// Calls `callback` after `delay_ms` milliseconds, unless the returned handle is dropped first.
pub fn after(delay_ms: u32, callback: impl FnOnce() + 'static) -> Timeout {
    Timeout::new(delay_ms, callback)
}

/// Calls `callback` once the next frame has been painted (from a timer set in that frame's
/// animation frame callback), unless the returned handle is dropped first.
pub fn after_next_paint(callback: impl FnOnce() + 'static) -> AfterPaint {
    let timer = Rc::new(RefCell::new(None));
    let on_frame = {
        let timer = Rc::clone(&timer);
        Closure::once(move || *timer.borrow_mut() = Some(Timeout::new(0, callback)))
    };
    let frame = gloo::utils::window().request_animation_frame(on_frame.as_ref().unchecked_ref()).ok();
    AfterPaint { frame, _on_frame: on_frame, timer }
}

/// A pending [`after_next_paint`]; dropping it cancels the call.
pub struct AfterPaint {
    frame: Option<i32>,
    _on_frame: Closure<dyn FnMut()>,
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        if let Some(frame) = self.frame {
            let _ = gloo::utils::window().cancel_animation_frame(frame);
        }
        self.timer.borrow_mut().take();
    }
}

/// How long one slice of [`in_slices`] works before it lets the browser handle input: well
/// under the 50 ms after which a task counts as long.
const SLICE_MS: f64 = 20.0;

/// Calls `step` until it returns true, in slices of about [`SLICE_MS`], each a task of its
/// own, so the page handles input between them; dropping the handle stops it.
pub fn in_slices(step: impl FnMut() -> bool + 'static) -> Slices {
    let slices = Slices(Rc::new(RefCell::new(None)));
    run_slice(Rc::new(RefCell::new(step)), Rc::downgrade(&slices.0));
    slices
}

fn run_slice(step: Rc<RefCell<dyn FnMut() -> bool>>, next: Weak<RefCell<Option<Timeout>>>) {
    let Some(slot) = next.upgrade() else { return };
    *slot.borrow_mut() = Some(Timeout::new(0, move || {
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < SLICE_MS {
            if step.borrow_mut()() {
                return;
            }
        }
        run_slice(step, next);
    }));
}

/// Work running in [`in_slices`]; dropping it stops the work.
pub struct Slices(Rc<RefCell<Option<Timeout>>>);

/// Calls `on_change` after Back or Forward; dropping the listener stops it.
pub fn on_history_change(on_change: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| on_change())
}

/// `n` as `lang` writes the numbers of counts ("1,234", "1.234"), by the browser's
/// `Intl.NumberFormat`, which knows every locale's rules. Natively (the pre-renderer) there is
/// no `Intl`: the core's `Lang::format_number` writes the same for the languages the UI speaks.
pub fn format_number(lang: Lang, n: usize) -> String {
    thread_local! {
        // One formatter, made on first use: making one costs far more than formatting with it.
        static FORMAT: RefCell<Option<(Lang, js_sys::Function)>> = const { RefCell::new(None) };
    }
    if !cfg!(target_arch = "wasm32") {
        return lang.format_number(n);
    }
    let formatted = FORMAT.with_borrow_mut(|format| {
        if format.as_ref().is_none_or(|&(made_for, _)| made_for != lang) {
            let locales = js_sys::Array::of1(&JsValue::from_str(lang.tag()));
            *format = Some((lang, js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format()));
        }
        let (_, format) = format.as_ref()?;
        format.call1(&JsValue::NULL, &JsValue::from_f64(n as f64)).ok()?.as_string()
    });
    formatted.unwrap_or_else(|| lang.format_number(n))
}

/// Favourites are kept per page, so two catalogs on one site keep their own.
fn favourites_key() -> String {
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    format!("talk-catalog:favourites:{path}")
}

/// The talk ids starred on this page before; empty when storage is unavailable.
pub fn load_favourites() -> Vec<String> {
    let storage = gloo::utils::window().local_storage().ok().flatten();
    let stored = storage.and_then(|storage| storage.get_item(&favourites_key()).ok().flatten());
    stored.map(|text| text.lines().map(str::to_owned).collect()).unwrap_or_default()
}

pub fn save_favourites(ids: &[String]) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(&favourites_key(), &ids.join("\n"));
    }
}

/// The browser's language (`navigator.language`), e.g. "en-GB".
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// The person's zone choice is theirs on every page, so one key for the site.
const ZONE_KEY: &str = "talk-catalog:zone";

/// The zone choice stored before (`Zone::id`); `None` when there is none or no storage.
pub fn load_zone() -> Option<String> {
    let storage = gloo::utils::window().local_storage().ok().flatten()?;
    storage.get_item(ZONE_KEY).ok().flatten()
}

pub fn save_zone(id: &str) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(ZONE_KEY, id);
    }
}

/// Puts `text` on the clipboard, then calls `done` with whether that worked. Outside secure
/// contexts (plain `http://` on a venue network) and in some embedded browsers there is no
/// `navigator.clipboard` at all; the browser may also refuse (no permission, page not focused).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = gloo::utils::window().navigator();
    // web-sys types `clipboard` as always present: ask the object itself.
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !available {
        return done(false);
    }
    let done = Rc::new(RefCell::new(Some(done)));
    let settle = |copied: bool| {
        let done = Rc::clone(&done);
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(copied);
            }
        })
    };
    let (resolved, rejected) = (settle(true), settle(false));
    let _ = navigator.clipboard().write_text(text).then2(&resolved, &rejected);
    // The promise calls one of them later: they must outlive this call (two small closures a copy).
    resolved.forget();
    rejected.forget();
}

/// Offers `text` as a file named `file_name` of type `mime` to save, as a link with `download`
/// does. The file is made here, from a `blob:` address: nothing is fetched, so it works offline,
/// and a strict Content-Security-Policy doesn't govern downloads. Does nothing when it fails.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let _ = try_download(file_name, mime, text);
}

/// How long a download's `blob:` address stays valid: browsers may read it after the click
/// returns, Safari and older Firefoxes only later.
const DOWNLOAD_URL_MS: u32 = 60_000;

fn try_download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    // In the document for the click, as Firefox once required; gone again at once.
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Timeout::new(DOWNLOAD_URL_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Focuses the text field with `id` and selects its text, for the reader to copy.
pub fn select_field(id: &str) {
    let element = gloo::utils::document().get_element_by_id(id);
    if let Some(field) = element.and_then(|element| element.dyn_into::<HtmlInputElement>().ok()) {
        let _ = field.focus();
        field.select();
    }
}

/// Scrolls the element with `id` into view and moves keyboard focus to it.
pub fn focus_element(id: &str) {
    let element = gloo::utils::document().get_element_by_id(id);
    if let Some(element) = element.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// What the reader typed into the pre-rendered search box `id` before the app took over, and
/// whether the box has focus.
pub fn typed_search(id: &str) -> Option<(String, bool)> {
    let document = gloo::utils::document();
    let input: HtmlInputElement = document.get_element_by_id(id)?.dyn_into().ok()?;
    let focused = document.query_selector(&format!("#{id}:focus")).ok().flatten().is_some();
    Some((input.value(), focused))
}

/// The pre-rendered search box's id while [`hold_search_box`] keeps it.
const HELD_SEARCH_ID: &str = "tc-search-input-held";

/// Keeps the pre-rendered search box `id`, which has the focus, in the page (visually hidden and
/// still focused) while the app replaces the rest: keys typed meanwhile go into it, not astray.
pub fn hold_search_box(id: &str) {
    let document = gloo::utils::document();
    let held = document.get_element_by_id(id).and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let (Some(input), Some(body)) = (held, document.body()) {
        input.set_id(HELD_SEARCH_ID);
        input.set_class_name("tc-visually-hidden");
        let _ = body.append_child(&input);
        let _ = input.focus();
    }
}

/// What the box [`hold_search_box`] kept holds now, written into the app's search box `id` too;
/// removes the kept box. The app's box shows it before the app renders the query: a key typed
/// in between (Yew may yield to the browser first) goes after that text, not after an older one.
pub fn release_search_box(id: &str) -> Option<String> {
    let document = gloo::utils::document();
    // Both are inputs: the held one was checked to be one (`typed_search`), the other is the app's.
    let held: HtmlInputElement = document.get_element_by_id(HELD_SEARCH_ID)?.unchecked_into();
    held.remove();
    let typed = held.value();
    if let Some(input) = document.get_element_by_id(id) {
        input.unchecked_into::<HtmlInputElement>().set_value(&typed);
    }
    Some(typed)
}

/// Calls `on_slash` when `/` is pressed outside any text field (the search shortcut).
pub fn on_slash_key(on_slash: impl Fn() + 'static) -> EventListener {
    // Not passive: the `/` must not also be typed into the field it focuses.
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let target = event.target().and_then(|target| target.dyn_into::<HtmlElement>().ok());
        let typing = target.is_some_and(|target| {
            matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || target.is_content_editable()
        });
        if !typing {
            event.prevent_default();
            on_slash();
        }
    })
}
