//! Dates, times and language names in the reader's language: the browser's `Intl` in the app,
//! so the viewer's locale and zone database apply and the wasm carries neither; `jiff` when
//! pre-rendering, which formats in the event's zone at build time (in English: the app
//! replaces that HTML as it starts).

/// Formats instants in one zone and days, for one locale.
pub struct TimeFormat {
    formats: imp::Formats,
}

impl std::fmt::Debug for TimeFormat {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("TimeFormat")
    }
}

impl TimeFormat {
    /// Formats for `locale` (BCP 47) in the IANA zone `zone`, or the viewer's own with `None`.
    pub fn new(locale: &str, zone: Option<&str>) -> TimeFormat {
        TimeFormat { formats: imp::Formats::new(locale, zone) }
    }

    /// "10:00–10:45 CET": the clock times, with the zone's short name.
    pub fn time_range(&self, start: i64, end: Option<i64>) -> String {
        self.formats.time_range(start, end)
    }

    /// The name of the language `tag` (BCP 47) in the locale's words ("Deutsch", "German"); the
    /// tag itself where the browser has no name for it.
    pub fn language(&self, tag: &str) -> String {
        self.formats.language(tag).unwrap_or_else(|| tag.to_owned())
    }

    /// A day (counted from 1970-01-01, already local): "Sat 28 Mar", or with `long`
    /// "Saturday 28 March", as the locale writes them.
    pub fn day(&self, day: i32, long: bool) -> String {
        self.formats.day(day, long)
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    const SECONDS_PER_DAY: i64 = 86_400;
    use js_sys::Intl::DateTimeFormat;
    use js_sys::{Array, Date, Object, Reflect};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `Intl.DateTimeFormat(…)` throws for a zone this browser doesn't know: caught here.
        #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
        fn date_time_format(locales: &Array, options: &Object) -> Result<DateTimeFormat, JsValue>;

        #[wasm_bindgen(js_namespace = Intl)]
        type DisplayNames;

        // Unlike `DateTimeFormat`, it must be called with `new`.
        #[wasm_bindgen(constructor, catch, js_namespace = Intl)]
        fn new(locales: &Array, options: &Object) -> Result<DisplayNames, JsValue>;

        #[wasm_bindgen(method, catch)]
        fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
    }

    fn options(fields: &[(&str, &str)]) -> Object {
        let options = Object::new();
        for &(key, value) in fields {
            let _ = Reflect::set(&options, &key.into(), &value.into());
        }
        options
    }

    /// A formatter of `fields`, in `zone` if this browser knows it, else in UTC; in `locales`,
    /// else (the browser's tag may be no valid one) in English.
    fn formatter(locales: &Array, zone: Option<&str>, fields: &[(&str, &str)]) -> Option<DateTimeFormat> {
        let with = |locales: &Array, zone: Option<&str>| {
            let options = options(fields);
            if let Some(zone) = zone {
                let _ = Reflect::set(&options, &"timeZone".into(), &zone.into());
            }
            date_time_format(locales, &options).ok()
        };
        let english = Array::of1(&"en".into());
        with(locales, zone).or_else(|| with(locales, Some("UTC"))).or_else(|| with(&english, zone))
    }

    fn date(seconds: i64) -> Date {
        Date::new(&JsValue::from_f64(seconds as f64 * 1000.0))
    }

    fn format(formatter: &Option<DateTimeFormat>, seconds: i64) -> String {
        let formatted =
            formatter.as_ref().and_then(|formatter| formatter.format().call1(&JsValue::NULL, &date(seconds)).ok());
        formatted.and_then(|text| text.as_string()).unwrap_or_default()
    }

    /// The reader's languages for `locale`: the browser's own first when it is a variant of
    /// the same language (en-US writes 12-hour times, en-GB 24-hour), then `locale`.
    fn locales(locale: &str) -> Array {
        let locales = Array::new();
        let browser = crate::platform::browser_language();
        let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        if let Some(browser) = browser.filter(|browser| primary(browser) == primary(locale)) {
            locales.push(&browser.into());
        }
        locales.push(&locale.into());
        locales
    }

    pub struct Formats {
        times: Option<DateTimeFormat>,
        short_day: Option<DateTimeFormat>,
        long_day: Option<DateTimeFormat>,
        // Made once: language names are asked for on every render of the cards and facets.
        languages: Option<DisplayNames>,
    }

    impl Formats {
        pub fn new(locale: &str, zone: Option<&str>) -> Formats {
            let locales = locales(locale);
            let clock = [("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")];
            // Days are local already: formatted as the UTC day they stand for.
            let day = |weekday, month| {
                formatter(&locales, Some("UTC"), &[("weekday", weekday), ("day", "numeric"), ("month", month)])
            };
            Formats {
                times: formatter(&locales, zone, &clock),
                short_day: day("short", "short"),
                long_day: day("long", "long"),
                languages: DisplayNames::new(&locales, &options(&[("type", "language")])).ok(),
            }
        }

        pub fn time_range(&self, start: i64, end: Option<i64>) -> String {
            let range = (self.times.as_ref().zip(end))
                .and_then(|(times, end)| times.format_range(&date(start), &date(end)).ok())
                .and_then(|text| text.as_string());
            range.unwrap_or_else(|| format(&self.times, start))
        }

        pub fn language(&self, tag: &str) -> Option<String> {
            self.languages.as_ref()?.of(tag).ok()?.as_string()
        }

        pub fn day(&self, day: i32, long: bool) -> String {
            let noon = i64::from(day) * SECONDS_PER_DAY + SECONDS_PER_DAY / 2;
            format(if long { &self.long_day } else { &self.short_day }, noon)
        }
    }

    /// The viewer's zone's IANA name, as the browser has it.
    pub fn viewer_zone() -> String {
        let resolved = date_time_format(&Array::new(), &Object::new()).ok().map(|format| format.resolved_options());
        let zone = resolved.and_then(|options| Reflect::get(&options, &"timeZone".into()).ok());
        zone.and_then(|zone| zone.as_string()).unwrap_or_default()
    }

    /// The viewer zone's offset from UTC at `utc` (seconds east).
    pub fn viewer_offset(utc: i64) -> i32 {
        // `getTimezoneOffset` is in minutes west.
        -(date(utc).get_timezone_offset() * 60.0) as i32
    }

    pub fn now() -> i64 {
        (Date::now() / 1000.0) as i64
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use jiff::tz::TimeZone;
    use jiff::Timestamp;

    pub struct Formats {
        zone: TimeZone,
    }

    impl Formats {
        pub fn new(_locale: &str, zone: Option<&str>) -> Formats {
            Formats { zone: zone.and_then(|zone| TimeZone::get(zone).ok()).unwrap_or(TimeZone::UTC) }
        }

        pub fn time_range(&self, start: i64, end: Option<i64>) -> String {
            let at =
                |seconds: i64| Timestamp::from_second(seconds).unwrap_or_default().to_zoned_datetime(self.zone.clone());
            match end {
                Some(end) => format!("{}–{}", at(start).strftime("%H:%M"), at(end).strftime("%H:%M %Z")),
                None => at(start).strftime("%H:%M %Z").to_string(),
            }
        }

        pub fn day(&self, day: i32, long: bool) -> String {
            let (year, month, day) = talk_catalog_core::schedule::civil_from_days(day);
            let date = jiff::civil::Date::new(year as i16, month as i8, day as i8).unwrap_or_default();
            date.strftime(if long { "%A %-d %B" } else { "%a %-d %b" }).to_string()
        }

        /// Pre-rendered, a language is named by its tag: the app names it in words.
        pub fn language(&self, _tag: &str) -> Option<String> {
            None
        }
    }

    /// Pre-rendered, there is no viewer: their zone is named once the app runs.
    pub fn viewer_zone() -> String {
        "UTC".to_owned()
    }

    /// Pre-rendered, the viewer's zone is the event's.
    pub fn viewer_offset(_utc: i64) -> i32 {
        0
    }

    pub fn now() -> i64 {
        Timestamp::now().as_second()
    }
}

pub use imp::{now, viewer_offset, viewer_zone};
