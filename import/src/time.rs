//! Date-times as the sources write them, placed in the event's time zone.

use crate::model::Start;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

/// An IANA time zone from the bundled database.
pub fn zone(name: &str) -> Option<TimeZone> {
    if name.trim().is_empty() {
        return None;
    }
    jiff::tz::db().get(name.trim()).ok()
}

/// A date-time as written: `2024-03-15T14:00:00`, `2024-03-15 14:00`, with an optional offset
/// (`Z`, `+01:00`, `+0100`) and optional fractional seconds (dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub civil: DateTime,
    /// Minutes east of UTC, when the text has an offset.
    pub offset: Option<i32>,
}

pub fn parse(text: &str) -> Option<Written> {
    let text = text.trim();
    if text.len() < 10 || !text.is_ascii() {
        return None;
    }
    let (date_part, rest) = text.split_at(10);
    let date: Date = date_part.parse().ok()?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time_text, offset_text) = match rest.find(['Z', 'z', '+', '-']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let time = parse_time(time_text)?;
    let offset = match offset_text {
        "" => None,
        "Z" | "z" => Some(0),
        text => Some(parse_offset(text)?),
    };
    Some(Written { civil: date.to_datetime(time), offset })
}

/// `14:00`, `14:00:00`, `14:00:00.123`, `9:05`.
pub fn parse_time(text: &str) -> Option<Time> {
    let text = text.trim();
    let main = text.split('.').next()?;
    let mut parts = main.split(':');
    let hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    let second: i8 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(hour, minute, second, 0).ok()
}

fn parse_offset(text: &str) -> Option<i32> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 && digits.len() != 2 {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = if digits.len() == 4 { digits[2..].parse().ok()? } else { 0 };
    (hours < 24 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

/// A duration: `00:30`, `1:30`, `01:30:00` (H:MM[:SS]), `1:02:30` with days (`D:HH:MM` is not
/// used by any source we read), or plain minutes `90`.
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(minutes) = text.parse::<i64>() {
        return (0..=100_000).contains(&minutes).then_some(minutes);
    }
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<i64>> = parts.iter().map(|p| p.trim().parse::<i64>().ok()).collect();
    let numbers = numbers?;
    let minutes = match numbers.as_slice() {
        [h, m] if (0..60).contains(m) && *h >= 0 => h * 60 + m,
        [h, m, s] if (0..60).contains(m) && (0..60).contains(s) && *h >= 0 => h * 60 + m + i64::from(*s >= 30),
        _ => return None,
    };
    (minutes <= 100_000).then_some(minutes)
}

/// Where a written time lands: the instant (for sorting) and how to write it. A time without
/// offset is local in `zone` (or UTC without one); a time with an offset is written local when
/// the offset is the zone's at that instant, else with its own offset (`mismatch` is then true).
pub struct Placed {
    pub instant: Timestamp,
    pub start: Start,
    pub mismatch: bool,
}

pub fn place(written: Written, zone: Option<&TimeZone>) -> Option<Placed> {
    match written.offset {
        None => {
            let tz = zone.cloned().unwrap_or(TimeZone::UTC);
            let instant = tz.to_timestamp(written.civil).ok()?;
            Some(Placed { instant, start: Start::Local(written.civil), mismatch: false })
        }
        Some(minutes) => {
            let offset = Offset::from_seconds(minutes * 60).ok()?;
            let instant = offset.to_timestamp(written.civil).ok()?;
            match zone {
                Some(tz) if tz.to_offset(instant) == offset => {
                    Some(Placed { instant, start: Start::Local(written.civil), mismatch: false })
                }
                Some(_) => Some(Placed { instant, start: Start::Offset(written.civil, minutes), mismatch: true }),
                None => Some(Placed { instant, start: Start::Offset(written.civil, minutes), mismatch: false }),
            }
        }
    }
}

/// An instant written in `zone`'s local time (used where the source gives instants in UTC and
/// the event's zone is known).
pub fn local_in(instant: Timestamp, zone: &TimeZone) -> Start {
    Start::Local(zone.to_datetime(instant))
}

/// The zone's offset at `instant`, in minutes.
pub fn offset_minutes(instant: Timestamp, zone: &TimeZone) -> i32 {
    zone.to_offset(instant).seconds() / 60
}
