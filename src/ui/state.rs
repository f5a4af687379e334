//! Adapts the core's reducer to Yew's `Reducible` (the orphan rule keeps the core free of
//! Yew: this newtype is where the two meet).

use crate::catalog::state::{Action, Reducer, ViewState};
use std::rc::Rc;
use yew::Reducible;

/// The view state, and the reducer that gives actions their meaning in this catalog and page
/// size.
#[derive(Debug)]
pub struct UiState {
    pub view: ViewState,
    pub reducer: Reducer<'static>,
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(UiState { view: self.reducer.reduce(&self.view, action), reducer: self.reducer })
    }
}
