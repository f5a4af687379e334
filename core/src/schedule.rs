//! When talks happen, as the view needs it: which day each is on in the zone shown, and which
//! are over. Clock time and zone names are the browser's business (`Intl`); this is the
//! arithmetic that facets, order and URLs share.

use crate::sorted_set::SortedSet;
use crate::Catalog;

/// Which zone times, days and the day facet are shown in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// The event's own zone (the data file's `time_zone`): what the programme says.
    #[default]
    Event,
    /// The viewer's zone, as their browser has it.
    Viewer,
}

impl Zone {
    pub fn id(self) -> &'static str {
        match self {
            Zone::Event => "event",
            Zone::Viewer => "local",
        }
    }

    pub fn from_id(id: &str) -> Option<Zone> {
        [Zone::Event, Zone::Viewer].into_iter().find(|zone| zone.id() == id)
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

/// The day, counted from 1970-01-01, that the instant `utc` (seconds) falls on at `offset`
/// seconds east of UTC.
pub fn local_day(utc: i64, offset: i32) -> i32 {
    (utc + i64::from(offset)).div_euclid(SECONDS_PER_DAY) as i32
}

/// The proleptic Gregorian (year, month, day) of `day` days after 1970-01-01 (Howard
/// Hinnant's `civil_from_days`): the app has no calendar library.
pub fn civil_from_days(day: i32) -> (i32, u32, u32) {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// The inverse of [`civil_from_days`].
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let shifted_month = i64::from((month + 9) % 12);
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era - 719_468) as i32
}

/// `day` as an ISO date, `2026-03-28`: how days appear in URLs.
pub fn iso_date(day: i32) -> String {
    let (year, month, day) = civil_from_days(day);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The instant `utc` (seconds) in ISO 8601, `2026-03-28T09:00:00Z`: what `<time datetime>` and
/// machines read.
pub fn iso_instant(utc: i64) -> String {
    let seconds = utc.rem_euclid(SECONDS_PER_DAY);
    let date = iso_date(utc.div_euclid(SECONDS_PER_DAY) as i32);
    format!("{date}T{:02}:{:02}:{:02}Z", seconds / 3600, seconds / 60 % 60, seconds % 60)
}

/// The day an ISO date (`2026-03-28`) names; `None` for anything else.
pub fn parse_iso_date(text: &str) -> Option<i32> {
    let mut parts = text.splitn(3, '-');
    let mut number = |digits: usize| parts.next().filter(|part| part.len() == digits)?.parse::<u32>().ok();
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    let valid =
        (1..=12).contains(&month) && day >= 1 && civil_from_days(days_from_civil(year as i32, month, 1)).1 == month;
    let found = days_from_civil(year as i32, month, day);
    (valid && civil_from_days(found) == (year as i32, month, day)).then_some(found)
}

/// Per zone, each talk's day and the talks of each day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayTable {
    /// Each talk's day (see [`local_day`]); `None` without a start.
    pub talk_days: Vec<Option<i32>>,
    /// The days having talks, ascending.
    pub days: Vec<i32>,
    /// Per day in `days` order, a bitset of its talks (`bitset_words` words each).
    pub bits: Vec<u64>,
    pub bitset_words: usize,
}

impl DayTable {
    /// The days of talks starting at `starts` with the zone `offsets` there.
    pub fn new(starts: impl Iterator<Item = Option<i64>>, offsets: impl Iterator<Item = i32>) -> DayTable {
        let talk_days: Vec<Option<i32>> =
            starts.zip(offsets).map(|(start, offset)| start.map(|start| local_day(start, offset))).collect();
        // A few days: a `SortedSet`, not another copy of the sort code in the wasm.
        let days: Vec<i32> = talk_days.iter().flatten().copied().collect::<SortedSet<_>>().iter().copied().collect();
        let bitset_words = talk_days.len().div_ceil(64);
        let mut bits = vec![0u64; days.len() * bitset_words];
        for (talk, day) in talk_days.iter().enumerate() {
            if let Some(at) = day.and_then(|day| days.binary_search(&day).ok()) {
                bits[at * bitset_words + talk / 64] |= 1 << (talk % 64);
            }
        }
        DayTable { talk_days, days, bits, bitset_words }
    }

    /// The talks on `day`, as bitset words (none for a day without talks).
    pub fn talks_on(&self, day: i32) -> Option<&[u64]> {
        let at = self.days.binary_search(&day).ok()?;
        Some(&self.bits[at * self.bitset_words..(at + 1) * self.bitset_words])
    }
}

impl Catalog {
    /// Whether any talk has a start: the catalog then shows times, days and time order.
    pub fn has_times(&self) -> bool {
        !self.event_days.days.is_empty()
    }

    /// The days of the talks in `zone`. The viewer's zone is the event's until the app has
    /// told it ([`Catalog::set_viewer_offsets`]).
    pub fn days(&self, zone: Zone) -> &DayTable {
        match zone {
            Zone::Viewer => self.viewer_days.get().unwrap_or(&self.event_days),
            Zone::Event => &self.event_days,
        }
    }

    /// Tells the catalog the viewer zone's offset from UTC at each talk's start (seconds east,
    /// 0 for talks without one), which only the browser knows. Once: the zone is the device's.
    pub fn set_viewer_offsets(&self, offsets: impl Iterator<Item = i32>) {
        let _ = self.viewer_days.set(DayTable::new(self.talks.iter().map(|talk| talk.start), offsets));
    }
}

/// Whether `talk` is over at `now` (seconds): it has ended, or, without an end, begun.
pub fn is_past(catalog: &Catalog, talk: usize, now: i64) -> bool {
    let talk = &catalog.talks[talk];
    talk.end.or(talk.start).is_some_and(|over| over <= now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_civil_dates() {
        let table: &[(i32, (i32, u32, u32))] = &[
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (11_016, (2000, 2, 29)),
            (20_540, (2026, 3, 28)),
            (-719_468, (0, 3, 1)),
        ];
        for &(day, civil) in table {
            assert_eq!(civil_from_days(day), civil, "{day}");
            assert_eq!(days_from_civil(civil.0, civil.1, civil.2), day, "{civil:?}");
        }
        for day in (-800_000..800_000).step_by(997) {
            let (year, month, date) = civil_from_days(day);
            assert_eq!(days_from_civil(year, month, date), day);
        }
    }

    #[test]
    fn iso_dates_parse_only_when_real() {
        assert_eq!(parse_iso_date("2026-03-28"), Some(20_540));
        assert_eq!(iso_date(20_540), "2026-03-28");
        assert_eq!(iso_instant(20_540 * SECONDS_PER_DAY + 9 * 3600 + 61), "2026-03-28T09:01:01Z");
        assert_eq!(iso_instant(-1), "1969-12-31T23:59:59Z");
        for bad in ["2026-02-30", "2026-13-01", "2026-3-28", "26-03-28", "2026-03-28x", "", "2025-02-29"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(parse_iso_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
    }

    #[test]
    fn the_local_day_moves_with_the_offset() {
        // 2026-03-28T23:30Z: still the 28th in UTC, the 29th in Berlin (UTC+1), the 28th in
        // New York (UTC−4).
        let utc = i64::from(days_from_civil(2026, 3, 28)) * SECONDS_PER_DAY + 23 * 3600 + 1800;
        assert_eq!(iso_date(local_day(utc, 0)), "2026-03-28");
        assert_eq!(iso_date(local_day(utc, 3600)), "2026-03-29");
        assert_eq!(iso_date(local_day(utc, -4 * 3600)), "2026-03-28");
        assert_eq!(local_day(-1, 0), -1, "before 1970");
    }

    #[test]
    fn a_day_table_groups_talks_by_day() {
        let day = |d: i64| Some(d * SECONDS_PER_DAY + 3600);
        let table = DayTable::new([day(3), None, day(1), day(3)].into_iter(), [0, 0, 0, 0].into_iter());
        assert_eq!(table.days, [1, 3]);
        assert_eq!(table.talk_days, [Some(3), None, Some(1), Some(3)]);
        assert_eq!(table.talks_on(3), Some(&[0b1001][..]));
        assert_eq!(table.talks_on(2), None);
    }
}
