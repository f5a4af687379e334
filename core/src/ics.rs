//! Calendar export: talks with a start time as an iCalendar file (RFC 5545), one `VEVENT` each,
//! for the reader's own calendar.
//!
//! Times are written in UTC (`…Z`): the catalog holds instants, and the wasm carries no zone
//! database to write the event's local times with a `VTIMEZONE`. Calendars show them in the
//! reader's zone.
//!
//! A talk's `UID` is `{talk id}@{event}`, where `{event}` is the event's URL without its scheme
//! and trailing slash (`hessian-free@example.org/optdays`), or, without a URL, the event name's
//! slug under the reserved `.invalid` domain (`hessian-free@optimization-days-2026.invalid`),
//! or `talk-catalog.invalid`. Only the data goes into it, never the page or the moment of export,
//! so exporting a talk again, from another page or another day, updates the calendar's copy
//! rather than adding a second one.

use crate::schedule::civil_from_days;
use crate::Catalog;

/// The media type of [`calendar`]'s text.
pub const MIME: &str = "text/calendar;charset=utf-8";

/// The calendar of those of `talks` (indices into `catalog.talks`) that have a start, in that
/// order; `None` when none has, as a calendar must hold at least one event. `talk_url(talk)` is
/// the address of a talk (`PageAddress::talk_url`), `stamp` the moment of export (`DTSTAMP`), in
/// seconds since the Unix epoch.
pub fn calendar(catalog: &Catalog, talks: &[usize], talk_url: impl Fn(usize) -> String, stamp: i64) -> Option<String> {
    let timed: Vec<(usize, i64)> = talks.iter().filter_map(|&talk| Some((talk, catalog.talks[talk].start?))).collect();
    if timed.is_empty() {
        return None;
    }
    let mut out = Lines::default();
    out.line("BEGIN", "VCALENDAR");
    out.line("VERSION", "2.0");
    out.line("PRODID", "-//Talk Catalog//Calendar export//EN");
    out.line("CALSCALE", "GREGORIAN");
    out.line("METHOD", "PUBLISH");
    if let Some(name) = catalog.event.name {
        out.text("X-WR-CALNAME", name);
    }
    let event = uid_domain(catalog);
    let stamp = date_time(stamp);
    for (index, start) in timed {
        let talk = &catalog.talks[index];
        out.line("BEGIN", "VEVENT");
        out.text("UID", &format!("{}@{event}", talk.id));
        out.line("DTSTAMP", &stamp);
        out.line("DTSTART", &date_time(start));
        if let Some(end) = talk.end {
            out.line("DTEND", &date_time(end));
        }
        out.text("SUMMARY", talk.title);
        out.text("DESCRIPTION", &description(catalog, index));
        if let Some(room) = talk.room {
            out.text("LOCATION", room);
        }
        // A URI value, not TEXT: written as it is (RFC 5545, 3.3.13).
        out.line("URL", &talk_url(index));
        out.line("END", "VEVENT");
    }
    out.line("END", "VCALENDAR");
    Some(out.0)
}

/// A file name for the calendar of `talks`: `{talk id}.ics` for one talk,
/// `{event name's slug}-favourites.ics` (or `talks-favourites.ics`) for more.
pub fn file_name(catalog: &Catalog, talks: &[usize]) -> String {
    match talks {
        [talk] => format!("{}.ics", slug(catalog.talks[*talk].id)),
        _ => {
            let event = catalog.event.name.map(slug).filter(|slug| !slug.is_empty());
            format!("{}-favourites.ics", event.as_deref().unwrap_or("talks"))
        }
    }
}

/// What follows the `@` of every `UID` (see the module's documentation).
fn uid_domain(catalog: &Catalog) -> String {
    let url = catalog.event.url.map(|url| url.split_once("://").map_or(url, |(_, rest)| rest).trim_end_matches('/'));
    if let Some(url) = url.filter(|url| !url.is_empty()) {
        return url.to_owned();
    }
    match catalog.event.name.map(slug).filter(|slug| !slug.is_empty()) {
        Some(name) => format!("{name}.invalid"),
        None => "talk-catalog.invalid".to_owned(),
    }
}

/// `text` in lowercase ASCII letters and digits, every other run of characters one hyphen,
/// none at the ends: safe in file names and domain labels everywhere.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    slug
}

/// A talk's `DESCRIPTION`: a line per speaker (name, affiliation), the abstract's blocks, and a
/// line per link (its label, or else its kind, and its address), the three parted by blank
/// lines, as are the abstract's blocks.
fn description(catalog: &Catalog, talk: usize) -> String {
    let talk = &catalog.talks[talk];
    let speakers = talk.speakers.iter().map(|speaker| match speaker.affiliation {
        "" => speaker.name.to_owned(),
        affiliation => format!("{}, {affiliation}", speaker.name),
    });
    let links = talk.links.iter().map(|link| {
        let name = if link.label.is_empty() { link.kind.id() } else { link.label };
        format!("{name}: {}", link.url)
    });
    let parts = [
        speakers.collect::<Vec<_>>().join("\n"),
        talk.abstract_text.blocks.join("\n\n"),
        links.collect::<Vec<_>>().join("\n"),
    ];
    parts.into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// An instant (seconds since the Unix epoch) as a UTC `DATE-TIME`: `YYYYMMDDTHHMMSSZ`. Years
/// before 1 or after 9999 have no such form; data files can't name them.
fn date_time(seconds: i64) -> String {
    let (days, second_of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days as i32);
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    let (hour, minute, second) = (second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    let mut out = String::with_capacity(16);
    push_digits(&mut out, year * 10_000 + month * 100 + day, 8);
    out.push('T');
    push_digits(&mut out, hour * 10_000 + minute * 100 + second, 6);
    out.push('Z');
    out
}

/// Appends the last `digits` decimal digits of `value` (not negative), zeros first. By hand rather
/// than with `format!`'s padding, which would bring 64-bit integer formatting into the wasm.
fn push_digits(out: &mut String, value: i64, digits: u32) {
    out.extend((0..digits).rev().map(|place| char::from(b'0' + (value / 10_i64.pow(place) % 10) as u8)));
}

/// Content lines (RFC 5545, 3.1): CRLF after each, folded to at most 75 octets.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Lines longer than this many octets (without the CRLF) continue on the next, after a space.
    const MAX_OCTETS: usize = 75;

    /// The line `name:value`, `value` written as it is.
    fn line(&mut self, name: &str, value: &str) {
        let mut width = 0;
        for c in name.chars().chain([':']).chain(value.chars()) {
            // Never inside a character: a fold splits octets, and readers unfold before decoding.
            if width + c.len_utf8() > Self::MAX_OCTETS {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }

    /// The line `name:value`, `value` escaped as TEXT (RFC 5545, 3.3.11).
    fn text(&mut self, name: &str, value: &str) {
        let mut escaped = String::with_capacity(value.len());
        for c in value.chars() {
            match c {
                '\\' | ';' | ',' => {
                    escaped.push('\\');
                    escaped.push(c);
                }
                '\n' => escaped.push_str("\\n"),
                // TEXT allows no other control character: a CR of a CRLF, say, is dropped.
                c if c.is_control() && c != '\t' => {}
                c => escaped.push(c),
            }
        }
        self.line(name, &escaped);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `date_time` agrees with jiff: at every midnight from 1600 to 2400 (leap rules of every
    /// kind) and the second before it, and at 100,000 instants spread over years 1 to 9999.
    #[test]
    fn date_time_is_jiffs() {
        let check = |seconds: i64| {
            let expected = jiff::Timestamp::from_second(seconds).unwrap().strftime("%Y%m%dT%H%M%SZ").to_string();
            assert_eq!(date_time(seconds), expected, "{seconds}");
        };
        let (from_1600, to_2400) = (-11_676_096_000_i64, 13_569_465_600_i64);
        for midnight in (from_1600..=to_2400).step_by(86_400) {
            check(midnight);
            check(midnight - 1);
        }
        // 0001-01-01T00:00:00Z, and jiff's last instant, 9999-12-30T22:00:00Z.
        let (first, last) = (-62_135_596_800_i64, 253_402_207_200_i64);
        let steps = 100_000;
        (0..=steps).map(|step| first + (last - first - 86_400) / steps * step + step * 7919 % 86_400).for_each(check);
        check(last);
    }

    #[test]
    fn slugs() {
        for (text, expected) in [
            ("Optimization Days 2026", "optimization-days-2026"),
            ("hessian-free", "hessian-free"),
            ("  ICML / Workshop: Ünits! ", "icml-workshop-nits"),
            ("最適化の日", ""),
        ] {
            assert_eq!(slug(text), expected, "{text:?}");
        }
    }

    /// Folding: no line over 75 octets, CJK and emoji never split, unfolding gives the line back.
    #[test]
    fn folding() {
        for value in [
            "a".repeat(200),
            "日本語のタイトル".repeat(10),
            "🦀".repeat(40),
            format!("{}é{}", "x".repeat(72), "y".repeat(80)),
        ] {
            let mut lines = Lines::default();
            lines.line("SUMMARY", &value);
            for line in lines.0.strip_suffix("\r\n").unwrap().split("\r\n") {
                assert!(line.len() <= Lines::MAX_OCTETS, "{line:?} is {} octets", line.len());
            }
            assert_eq!(lines.0.replace("\r\n ", ""), format!("SUMMARY:{value}\r\n"));
        }
    }

    #[test]
    fn text_escaping() {
        for (value, expected) in [
            ("a, b; c\\d", "a\\, b\\; c\\\\d"),
            ("line\nbreak\r\nand CRLF", "line\\nbreak\\nand CRLF"),
            ("tab\tkept, bell\u{7} dropped", "tab\tkept\\, bell dropped"),
        ] {
            let mut lines = Lines::default();
            lines.text("SUMMARY", value);
            assert_eq!(lines.0, format!("SUMMARY:{expected}\r\n"), "{value:?}");
        }
    }
}
