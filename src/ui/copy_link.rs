//! "Copy link": a talk's link put on the clipboard, or when that fails, shown in a field to
//! copy from.

use super::talk_card::copy_field_id;
use crate::catalog::{Catalog, Lang};
use crate::platform;
use yew::prelude::*;

/// What "Copy link" needs and shows.
pub struct CopyLink {
    /// Copies the link of a talk (by index), and announces how that went.
    pub on_copy: Callback<usize>,
    /// When the last copy failed: the talk and its link, shown selected in a field.
    pub fallback: Option<(usize, AttrValue)>,
}

impl CopyLink {
    /// The link to show in `talk`'s card, if copying it failed.
    pub fn fallback_for(&self, talk: usize) -> Option<AttrValue> {
        self.fallback.as_ref().filter(|&&(at, _)| at == talk).map(|(_, url)| url.clone())
    }
}

#[hook]
pub fn use_copy_link(catalog: &'static Catalog, lang: Lang, announce: Callback<AttrValue>) -> CopyLink {
    let messages = lang.messages();
    // With which failure it was, so that a second one selects the field again.
    let fallback = use_state(|| None::<(usize, AttrValue, u32)>);
    let failures = use_mut_ref(|| 0u32);
    use_effect_with(fallback.as_ref().map(|&(talk, _, failure)| (talk, failure)), move |failed| {
        if let Some((talk, _)) = failed {
            platform::select_field(&copy_field_id(catalog.talks[*talk].id));
        }
    });
    let on_copy = {
        let fallback = fallback.clone();
        Callback::from(move |talk: usize| {
            let url = AttrValue::from(platform::page_address().talk_url(catalog, talk));
            let (announce, fallback, failures) = (announce.clone(), fallback.clone(), failures.clone());
            platform::copy_text(&url.clone(), move |copied| {
                if copied {
                    fallback.set(None);
                    announce.emit(messages.link_copied.into());
                } else {
                    let failure = {
                        let mut failures = failures.borrow_mut();
                        *failures = failures.wrapping_add(1);
                        *failures
                    };
                    fallback.set(Some((talk, url, failure)));
                    announce.emit(messages.copy_failed.into());
                }
            });
        })
    };
    CopyLink { on_copy, fallback: fallback.as_ref().map(|(talk, url, _)| (*talk, url.clone())) }
}
