//! Adapts the core's pure reducer to Yew's `Reducible` (the orphan rule keeps the core free of
//! Yew: this newtype is where the two meet), with the app's one catalog: opening a talk also
//! shows the page it is on.

use crate::catalog::state::{reduce, Action, ViewState};
use crate::catalog::{catalog, view};
use std::rc::Rc;
use yew::Reducible;

/// The view state, and the page size it is shown in (the host's option).
#[derive(Debug, PartialEq)]
pub struct UiState {
    pub view: ViewState,
    pub page_size: usize,
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let opens = matches!(action, Action::Open(_) | Action::Restore(_));
        let mut next = reduce(&self.view, action);
        if opens {
            next = view::reveal_open(catalog(), next, self.page_size);
        }
        Rc::new(UiState { view: next, page_size: self.page_size })
    }
}
