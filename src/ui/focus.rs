//! Where keyboard focus goes after a render: the heading of a talk that was linked to.

use super::talk_card::heading_id;
use crate::catalog::Catalog;
use crate::platform;
use yew::prelude::*;

/// Asks for a talk's heading to get focus after the next render.
#[derive(Clone)]
pub struct FocusRequest(UseStateHandle<(Option<usize>, u32)>);

impl FocusRequest {
    /// Focuses `talk`'s heading (if any) after the next render, even if it was the last one
    /// focused: following the same link twice focuses twice.
    pub fn request(&self, talk: Option<usize>) {
        let (_, requests) = *self.0;
        self.0.set((talk, requests.wrapping_add(1)));
    }
}

/// Focuses `initial`'s heading after the first render (a deep link), then each requested one.
#[hook]
pub fn use_focus_request(catalog: &'static Catalog, initial: Option<usize>) -> FocusRequest {
    // The talk, with a counter so that a request for the same talk is a change.
    let request = use_state(|| (initial, 0u32));
    use_effect_with(*request, move |&(talk, _)| {
        if let Some(talk) = talk {
            platform::focus_element(&heading_id(catalog.talks[talk].id));
        }
    });
    FocusRequest(request)
}
