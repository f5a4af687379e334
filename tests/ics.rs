//! Calendar export (`ics`): calendars read back with a real iCalendar parser (the `icalendar`
//! crate), per talk of the schedule fixture and for text that needs escaping and folding.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};
use talk_catalog::catalog::ics;
use talk_catalog::catalog::url_state::PageAddress;
use talk_catalog::catalog::Catalog;

/// 2026-05-28T20:26:40Z: any moment of export.
const STAMP: i64 = 1_780_000_000;

fn schedule() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::load("tests/fixtures/schedule.toml"))
}

fn address() -> PageAddress {
    PageAddress { base: "https://example.org/talks".into(), search: "?lang=en".into(), hash: String::new() }
}

/// The calendar of `talks`, as written.
fn export(catalog: &Catalog, talks: &[usize], stamp: i64) -> String {
    let address = address();
    ics::calendar(catalog, talks, |talk| address.talk_url(catalog, talk), stamp).expect("a talk has a start")
}

/// `text` parsed, after checking what the parser forgives: CRLF line ends, at most 75 octets a
/// line.
fn parse(text: &str) -> Calendar {
    let lines = text.strip_suffix("\r\n").expect("the last line ends in CRLF");
    for line in lines.split("\r\n") {
        assert!(!line.contains('\n'), "a bare LF in {line:?}");
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    text.parse().unwrap_or_else(|error| panic!("{error}\n{text}"))
}

fn events(calendar: &Calendar) -> Vec<&Event> {
    calendar.components.iter().filter_map(|component| component.as_event()).collect()
}

/// A `DATE-TIME` in UTC as an RFC 3339 instant; panics on any other form.
fn utc(value: Option<DatePerhapsTime>) -> String {
    match value {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(time))) => time.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        other => panic!("not a UTC date-time: {other:?}"),
    }
}

#[test]
fn the_schedule_fixture_reads_back_talk_by_talk() {
    let catalog = schedule();
    let all: Vec<usize> = (0..catalog.talks.len()).collect();
    let calendar = parse(&export(catalog, &all, STAMP));
    for (name, value) in [
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Optimization Days 2026"),
    ] {
        assert_eq!(calendar.property_value(name), Some(value), "{name}");
    }
    assert!(calendar.property_value("PRODID").is_some_and(|id| !id.is_empty()));
    // The fixture's local times in Berlin, on both sides of the change to summer time.
    let expected = [
        ("hessian-free", "2026-03-28T09:00:00Z", "2026-03-28T09:45:00Z", "Saal 1"),
        ("schrittweiten", "2026-03-30T07:30:00Z", "2026-03-30T08:15:00Z", "Saal 2"),
        ("closing-panel", "2026-03-30T15:00:00Z", "2026-03-30T16:00:00Z", "Saal 1"),
    ];
    let events = events(&calendar);
    assert_eq!(events.len(), expected.len());
    for (event, (id, start, end, room)) in events.into_iter().zip(expected) {
        let index = catalog.talk_index(id).unwrap();
        let talk = &catalog.talks[index];
        assert_eq!(event.get_uid(), Some(format!("{id}@example.org/optdays").as_str()));
        assert_eq!(event.get_summary(), Some(talk.title));
        assert_eq!(utc(event.get_start()), start, "{id}");
        assert_eq!(utc(event.get_end()), end, "{id}");
        assert_eq!(event.get_timestamp().map(|stamp| stamp.timestamp()), Some(STAMP));
        assert_eq!(event.get_location(), Some(room));
        assert_eq!(event.get_url(), Some(address().talk_url(catalog, index).as_str()));
        let description = event.get_description().unwrap_or_default();
        for speaker in talk.speakers {
            assert!(description.contains(speaker.name), "{id}: {description:?}");
            assert!(description.contains(speaker.affiliation), "{id}: {description:?}");
        }
        for block in talk.abstract_text.blocks {
            assert!(description.contains(block), "{id}: {description:?}");
        }
        for link in talk.links {
            assert!(description.contains(&format!(": {}", link.url)), "{id}: {description:?}");
        }
    }
}

#[test]
fn a_description_lists_speakers_then_the_abstract_then_the_links() {
    let catalog = schedule();
    let talk = catalog.talk_index("schrittweiten").unwrap();
    let calendar = parse(&export(catalog, &[talk], STAMP));
    assert_eq!(
        events(&calendar)[0].get_description(),
        Some("Emmy Noether\n\nWie man die Schrittweite wählt, ohne zu raten.\n\nEin zweiter Absatz, *nicht* als Markdown gelesen.")
    );
    let talk = catalog.talk_index("hessian-free").unwrap();
    let description = parse(&export(catalog, &[talk], STAMP));
    let description = events(&description)[0].get_description().unwrap().to_owned();
    assert!(description.starts_with("Ada Lovelace, Analytical Engines Ltd\n\nSecond-order methods without the Hessian"));
    assert!(description.ends_with(
        "\n\nslides: https://example.org/slides.pdf\nvideo: https://example.org/video\n\
         Recording (German audio): https://example.org/recording.mp4\npaper: https://arxiv.org/abs/0000.00000\n\
         code: https://example.org/code\nNotes: https://example.org/notes"
    ));
}

#[test]
fn uids_depend_on_the_data_only() {
    let catalog = schedule();
    let uids = |talks: &[usize], stamp: i64, address: PageAddress| {
        let text = ics::calendar(catalog, talks, |talk| address.talk_url(catalog, talk), stamp).unwrap();
        let calendar = parse(&text);
        events(&calendar).iter().map(|event| event.get_uid().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let elsewhere = PageAddress { base: "https://mirror.example.com/x".into(), ..PageAddress::default() };
    let first = uids(&[0, 1, 2], STAMP, address());
    assert_eq!(first, uids(&[0, 1, 2], STAMP + 86_400 * 30, elsewhere));
    assert_eq!(first[1..2], uids(&[1], STAMP, address()));
}

/// A catalog of one talk at 2026-06-01T12:00:00Z with this title and room, and `event` as its
/// `[event]` table (or none).
fn one_talk(title: &str, room: &str, event: &str) -> &'static Catalog {
    let event = if event.is_empty() { String::new() } else { format!("[event]\n{event}\n\n") };
    let toml = format!(
        "{event}[[talks]]\nid = \"t\"\ntitle = {title:?}\nroom = {room:?}\n\
         start = \"2026-06-01T12:00:00Z\"\nabstract = \"A.\"\n[[talks.speakers]]\nname = \"S\"\n"
    );
    support::parse("one talk", &toml)
}

#[test]
fn text_that_needs_escaping_and_folding_reads_back_exactly() {
    let texts = [
        "Commas, semicolons; and a backslash \\ in one title",
        "Two lines:\nthe second, here",
        "Emoji 🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀 long enough to fold at least once, surely",
        "日本語のタイトル、とても長いので七十五オクテットを超えて折り返されます。区切り；カンマ，も",
        "Mixed: 最適化, 🦀; \\n literally, é and ü, over seventy-five octets for sure",
    ];
    for text in texts {
        let catalog = one_talk(text, text, "name = \"E\"");
        let calendar = parse(&export(catalog, &[0], STAMP));
        let event = events(&calendar)[0];
        assert_eq!(event.get_summary(), Some(text));
        assert_eq!(event.get_location(), Some(text));
        assert_eq!(calendar.property_value("X-WR-CALNAME"), Some("E"));
        assert_eq!(utc(event.get_start()), "2026-06-01T12:00:00Z");
        assert_eq!(event.get_end(), None);
    }
}

#[test]
fn uids_and_file_names_without_an_event_url() {
    for (event, uid, favourites) in [
        (
            "name = \"Optimization Days 2026\"",
            "t@optimization-days-2026.invalid",
            "optimization-days-2026-favourites.ics",
        ),
        ("name = \"最適化の日\"", "t@talk-catalog.invalid", "talks-favourites.ics"),
        ("name = \"E\"\nurl = \"https://example.org/\"", "t@example.org", "e-favourites.ics"),
        ("", "t@talk-catalog.invalid", "talks-favourites.ics"),
    ] {
        let catalog = one_talk("T", "R", event);
        let calendar = parse(&export(catalog, &[0], STAMP));
        assert_eq!(events(&calendar)[0].get_uid(), Some(uid), "{event}");
        assert_eq!(ics::file_name(catalog, &[0]), "t.ics");
        assert_eq!(ics::file_name(catalog, &[0, 0]), favourites, "{event}");
    }
}

#[test]
fn talks_without_a_start_are_left_out() {
    let seed = support::load("data/talks.toml");
    let all: Vec<usize> = (0..seed.talks.len()).collect();
    assert_eq!(ics::calendar(seed, &all, |_| String::new(), STAMP), None);
    assert_eq!(ics::calendar(schedule(), &[], |_| String::new(), STAMP), None);
}
