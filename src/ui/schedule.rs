//! Times, days and languages as the reader sees them: in the zone they chose (the event's or
//! their own, remembered in local storage) and in the UI's language.

use crate::catalog::facets::FacetValue;
use crate::catalog::messages::fill;
use crate::catalog::schedule::Zone;
use crate::catalog::state::Action;
use crate::catalog::{Catalog, Lang};
use crate::intl::{viewer_zone, TimeFormat};
use crate::platform;
use std::borrow::Cow;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// How one catalog's times read in one zone and language.
#[derive(Debug)]
pub struct Schedule {
    pub catalog: &'static Catalog,
    pub zone: Zone,
    /// The UI's language, which dates, numbers and language names follow.
    pub lang: Lang,
    times: TimeFormat,
    /// The viewer's zone's name, for the zone control: asked of `Intl` once, not per render.
    viewer_zone: String,
}

/// Compared by zone and language: a new one means every time on the page reads differently.
impl PartialEq for Schedule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.catalog, other.catalog) && self.zone == other.zone && self.lang == other.lang
    }
}

impl Schedule {
    pub fn new(catalog: &'static Catalog, zone: Zone, lang: Lang) -> Schedule {
        // Without a zone in the data, its times were written with offsets: shown in UTC.
        let event_zone = Some(catalog.event.time_zone.unwrap_or("UTC"));
        let times = TimeFormat::new(lang.tag(), if zone == Zone::Event { event_zone } else { None });
        let viewer_zone = if catalog.has_times() { viewer_zone() } else { String::new() };
        Schedule { catalog, zone, lang, times, viewer_zone }
    }

    /// "Sat 28 Mar" (or with `long`, "Saturday 28 March"): a day in the zone shown.
    pub fn day(&self, day: i32, long: bool) -> String {
        self.times.day(day, long)
    }

    pub fn language(&self, tag: &str) -> String {
        self.times.language(tag)
    }

    /// How a facet value reads: days and languages in the reader's words.
    pub fn value_label(&self, value: FacetValue) -> Cow<'static, str> {
        match value {
            FacetValue::Day(day) => Cow::Owned(self.day(day, false)),
            FacetValue::Language(language) => Cow::Owned(self.language(self.catalog.languages[usize::from(language)])),
            value => value.label(self.catalog, self.lang.messages()),
        }
    }

    /// When and where `talk` is: its day, time range with the zone, and room; nothing for a
    /// talk with neither.
    pub fn when(&self, talk: usize) -> Html {
        let catalog = self.catalog;
        let data = &catalog.talks[talk];
        let day = catalog.days(self.zone).talk_days[talk];
        let time = data.start.zip(day).map(|(start, day)| {
            let datetime = crate::catalog::schedule::iso_instant(start);
            html! {
                <time {datetime}>{ format!("{}, {}", self.day(day, false), self.times.time_range(start, data.end)) }</time>
            }
        });
        if time.is_none() && data.room.is_none() {
            return html! {};
        }
        html! {
            <p class="tc-when">
                { for time }
                if let Some(room) = data.room {
                    if data.start.is_some() { { " · " } }
                    <span class="tc-room" dir="auto">{ room }</span>
                }
            </p>
        }
    }
}

/// The schedule of `catalog` in the state's zone, made again only when the zone changes.
#[hook]
pub fn use_schedule(catalog: &'static Catalog, zone: Zone, lang: Lang) -> Rc<Schedule> {
    use_memo((zone, lang), |&(zone, lang)| Schedule::new(catalog, zone, lang))
}

/// The zone chosen before, from local storage (the event's by default).
pub fn stored_zone() -> Zone {
    platform::load_zone().as_deref().and_then(Zone::from_id).unwrap_or_default()
}

/// Saves the zone when the person picks another.
#[hook]
pub fn use_stored_zone(zone: Zone) {
    let saved = use_mut_ref(|| zone);
    use_effect_with(zone, move |&zone| {
        if std::mem::replace(&mut *saved.borrow_mut(), zone) != zone {
            platform::save_zone(zone.id());
        }
    });
}

/// "Times in: event time (Europe/Berlin) / my time (America/New_York)", for a catalog with
/// times; nothing otherwise.
pub fn zone_control(schedule: &Schedule, on_action: &Callback<Action>) -> Html {
    let catalog = schedule.catalog;
    if !catalog.has_times() {
        return html! {};
    }
    let event_zone = catalog.event.time_zone.unwrap_or("UTC").to_owned();
    let names = [(Zone::Event, event_zone), (Zone::Viewer, schedule.viewer_zone.clone())];
    let onchange = on_action.reform(|event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetZone(Zone::from_id(&value).unwrap_or_default())
    });
    let messages = schedule.lang.messages();
    let label = |zone: Zone, name: &str| match zone {
        Zone::Event => fill(messages.event_time, &[name]),
        Zone::Viewer => fill(messages.my_time, &[name]),
    };
    html! {
        <div class="tc-sort tc-zone">
            <label for="tc-zone-select">{ messages.times_in }</label>
            <select id="tc-zone-select" {onchange}>
                { for names.iter().map(|(zone, name)| html! {
                    <option value={zone.id()} selected={*zone == schedule.zone}>{ label(*zone, name) }</option>
                }) }
            </select>
        </div>
    }
}
