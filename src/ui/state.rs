//! Adapts the core's pure reducer to Yew's `Reducible` (the orphan rule keeps the core free of
//! Yew: this newtype is where the two meet).

use crate::catalog::state::{reduce, Action, ViewState};
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Default, PartialEq)]
pub struct UiState(pub ViewState);

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(UiState(reduce(&self.0, action)))
    }
}
