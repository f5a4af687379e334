//! What happens once the app has taken over the page.

use super::catalog_context::use_catalog;
use crate::platform;
use yew::prelude::*;

/// Marks the host element ready once the app is mounted: call it after the hooks that register
/// its listeners, so that ready means it responds to input. The search derives its per-term
/// tables on first use (`SearchIndex::term_tables`): they are derived once the app is painted,
/// so the first keystroke doesn't wait for them.
#[hook]
pub fn use_ready() {
    let catalog = use_catalog();
    use_effect_with((), move |_| {
        platform::mark_ready();
        let warm_up = platform::after_next_paint(|| {
            catalog.index.term_tables();
        });
        move || drop(warm_up)
    });
}
