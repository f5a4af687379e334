//! Facet selections and disjunctive facet counts over bitsets of talks.
//!
//! Values within a facet are ORed, facets are ANDed. Each facet's counts are computed with
//! every selection except its own, so choosing one tag leaves the other tags' counts useful.

use crate::schedule::{iso_date, Zone};
use crate::sorted_set::SortedSet;
use crate::{Catalog, Format};
use std::borrow::Cow;

/// A set of talks, one bit per talk index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    pub fn empty(len: usize) -> Self {
        Bitset { words: vec![0; len.div_ceil(64)] }
    }

    pub fn full(len: usize) -> Self {
        let mut set = Bitset { words: vec![u64::MAX; len.div_ceil(64)] };
        if !len.is_multiple_of(64) {
            if let Some(last) = set.words.last_mut() {
                *last = (1 << (len % 64)) - 1;
            }
        }
        set
    }

    pub fn from_words(words: &[u64]) -> Self {
        Bitset { words: words.to_vec() }
    }

    pub fn insert(&mut self, index: usize) {
        self.words[index / 64] |= 1 << (index % 64);
    }

    pub fn remove(&mut self, index: usize) {
        self.words[index / 64] &= !(1 << (index % 64));
    }

    pub fn contains(&self, index: usize) -> bool {
        self.words.get(index / 64).is_some_and(|word| word & (1 << (index % 64)) != 0)
    }

    pub fn intersect(&mut self, other: &[u64]) {
        self.words.iter_mut().zip(other).for_each(|(word, other)| *word &= other);
    }

    pub fn union(&mut self, other: &[u64]) {
        self.words.iter_mut().zip(other).for_each(|(word, other)| *word |= other);
    }

    pub fn words(&self) -> &[u64] {
        &self.words
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|word| word.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&word| word == 0)
    }

    /// Size of the intersection with `other`, without building it.
    pub fn count_with(&self, other: &[u64]) -> usize {
        self.words.iter().zip(other).map(|(word, other)| (word & other).count_ones() as usize).sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(index, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    index * 64 + bit
                })
            })
        })
    }
}

/// One value a talk can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetValue {
    /// A day (counted from 1970-01-01) in the zone shown.
    Day(i32),
    /// Indices into `Catalog::tracks`, `rooms`, `languages`.
    Track(u16),
    Room(u16),
    Language(u16),
    /// Index into `Catalog::tags`.
    Tag(u16),
    /// Index into `Catalog::institutions`.
    Institution(u16),
    Format(Format),
}

/// The chosen facet values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub days: SortedSet<i32>,
    pub tracks: SortedSet<u16>,
    pub rooms: SortedSet<u16>,
    pub languages: SortedSet<u16>,
    pub tags: SortedSet<u16>,
    pub institutions: SortedSet<u16>,
    pub formats: SortedSet<Format>,
}

/// The facets, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Day,
    Track,
    Room,
    Language,
    Tag,
    Institution,
    Format,
}

impl Facet {
    pub const ALL: [Facet; 7] =
        [Facet::Day, Facet::Track, Facet::Room, Facet::Language, Facet::Tag, Facet::Institution, Facet::Format];

    /// Whether the panel offers this facet for `catalog`: the schedule's facets only when
    /// they tell talks apart.
    pub fn offered(self, catalog: &Catalog) -> bool {
        match self {
            Facet::Day => catalog.days(Zone::Event).days.len() > 1,
            Facet::Track => catalog.tracks.len() > 1,
            Facet::Room => catalog.rooms.len() > 1,
            Facet::Language => catalog.languages.len() > 1,
            Facet::Tag | Facet::Institution | Facet::Format => true,
        }
    }
}

impl FacetValue {
    pub fn facet(self) -> Facet {
        match self {
            FacetValue::Day(_) => Facet::Day,
            FacetValue::Track(_) => Facet::Track,
            FacetValue::Room(_) => Facet::Room,
            FacetValue::Language(_) => Facet::Language,
            FacetValue::Tag(_) => Facet::Tag,
            FacetValue::Institution(_) => Facet::Institution,
            FacetValue::Format(_) => Facet::Format,
        }
    }

    /// The talks with this value; `None` for a day without talks.
    fn talks(self, catalog: &Catalog, zone: Zone) -> Option<ValueTalks<'_>> {
        let index = &catalog.facets;
        let (table, position) = match self {
            FacetValue::Day(day) => return catalog.days(zone).talks_on(day).map(ValueTalks::Bits),
            FacetValue::Institution(institution) => {
                return index.institution_talks.get(usize::from(institution)).map(|talks| ValueTalks::List(talks))
            }
            FacetValue::Track(track) => (index.track_bits, usize::from(track)),
            FacetValue::Room(room) => (index.room_bits, usize::from(room)),
            FacetValue::Language(language) => (index.language_bits, usize::from(language)),
            FacetValue::Tag(tag) => (index.tag_bits, usize::from(tag)),
            FacetValue::Format(format) => {
                (index.format_bits, Format::ALL.iter().position(|&f| f == format).unwrap_or(0))
            }
        };
        table.get(position * index.bitset_words..(position + 1) * index.bitset_words).map(ValueTalks::Bits)
    }

    /// The text shown for this value: the data's, or for a format, the UI's in `messages`;
    /// for a day, its ISO date and for a language its tag, which the view turns into words in
    /// the reader's language.
    pub fn label(self, catalog: &Catalog, messages: &crate::Messages) -> Cow<'static, str> {
        match self {
            FacetValue::Day(day) => Cow::Owned(iso_date(day)),
            FacetValue::Track(track) => Cow::Borrowed(catalog.tracks[usize::from(track)]),
            FacetValue::Room(room) => Cow::Borrowed(catalog.rooms[usize::from(room)]),
            FacetValue::Language(language) => Cow::Borrowed(catalog.languages[usize::from(language)]),
            FacetValue::Tag(tag) => Cow::Borrowed(catalog.tags[usize::from(tag)].label),
            FacetValue::Institution(institution) => Cow::Borrowed(catalog.institutions[usize::from(institution)]),
            FacetValue::Format(format) => Cow::Borrowed(format.label(messages)),
        }
    }
}

/// The talks having one facet value: a bitset, or for a value on few talks, their indices.
#[derive(Clone, Copy)]
enum ValueTalks<'a> {
    Bits(&'a [u64]),
    List(&'a [u32]),
}

impl ValueTalks<'_> {
    fn add_to(self, set: &mut Bitset) {
        match self {
            ValueTalks::Bits(bits) => set.union(bits),
            ValueTalks::List(talks) => talks.iter().for_each(|&talk| set.insert(talk as usize)),
        }
    }

    fn count_in(self, set: &Bitset) -> usize {
        match self {
            ValueTalks::Bits(bits) => set.count_with(bits),
            ValueTalks::List(talks) => talks.iter().filter(|&&talk| set.contains(talk as usize)).count(),
        }
    }
}

/// Every value of `facet`, in display order (days in `zone`).
pub fn values(catalog: &Catalog, zone: Zone, facet: Facet) -> Vec<FacetValue> {
    let indices = |names: &[&str], value: fn(u16) -> FacetValue| (0..names.len() as u16).map(value).collect();
    match facet {
        Facet::Day => catalog.days(zone).days.iter().map(|&day| FacetValue::Day(day)).collect(),
        Facet::Track => indices(&catalog.tracks, FacetValue::Track),
        Facet::Room => indices(&catalog.rooms, FacetValue::Room),
        Facet::Language => indices(&catalog.languages, FacetValue::Language),
        Facet::Tag => (0..catalog.tags.len() as u16).map(FacetValue::Tag).collect(),
        Facet::Institution => indices(catalog.institutions, FacetValue::Institution),
        Facet::Format => Format::ALL.into_iter().map(FacetValue::Format).collect(),
    }
}

fn flip<T: Ord + Copy>(set: &mut SortedSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

impl Selection {
    pub fn contains(&self, value: FacetValue) -> bool {
        match value {
            FacetValue::Day(day) => self.days.contains(&day),
            FacetValue::Track(track) => self.tracks.contains(&track),
            FacetValue::Room(room) => self.rooms.contains(&room),
            FacetValue::Language(language) => self.languages.contains(&language),
            FacetValue::Tag(tag) => self.tags.contains(&tag),
            FacetValue::Institution(institution) => self.institutions.contains(&institution),
            FacetValue::Format(format) => self.formats.contains(&format),
        }
    }

    /// Adds `value` if absent, removes it if present.
    pub fn toggle(&mut self, value: FacetValue) {
        match value {
            FacetValue::Day(day) => flip(&mut self.days, day),
            FacetValue::Track(track) => flip(&mut self.tracks, track),
            FacetValue::Room(room) => flip(&mut self.rooms, room),
            FacetValue::Language(language) => flip(&mut self.languages, language),
            FacetValue::Tag(tag) => flip(&mut self.tags, tag),
            FacetValue::Institution(institution) => flip(&mut self.institutions, institution),
            FacetValue::Format(format) => flip(&mut self.formats, format),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values().is_empty()
    }

    /// Every selected value, facet by facet.
    pub fn values(&self) -> Vec<FacetValue> {
        let indices =
            |set: &SortedSet<u16>, value: fn(u16) -> FacetValue| set.iter().map(|&at| value(at)).collect::<Vec<_>>();
        let mut values: Vec<FacetValue> = self.days.iter().map(|&day| FacetValue::Day(day)).collect();
        values.extend(indices(&self.tracks, FacetValue::Track));
        values.extend(indices(&self.rooms, FacetValue::Room));
        values.extend(indices(&self.languages, FacetValue::Language));
        values.extend(indices(&self.tags, FacetValue::Tag));
        values.extend(indices(&self.institutions, FacetValue::Institution));
        values.extend(self.formats.iter().map(|&format| FacetValue::Format(format)));
        values
    }

    fn selected_in(&self, facet: Facet) -> Vec<FacetValue> {
        self.values().into_iter().filter(|value| value.facet() == facet).collect()
    }

    /// Narrows `talks` to those matching this selection (its days in `zone`), skipping the
    /// facet `except`.
    pub fn restrict(&self, catalog: &Catalog, zone: Zone, talks: &mut Bitset, except: Option<Facet>) {
        for facet in Facet::ALL.into_iter().filter(|&facet| Some(facet) != except) {
            let selected = self.selected_in(facet);
            if selected.is_empty() {
                continue;
            }
            let mut any = Bitset::empty(catalog.talks.len());
            for talks in selected.into_iter().filter_map(|value| value.talks(catalog, zone)) {
                talks.add_to(&mut any);
            }
            talks.intersect(any.words());
        }
    }
}

/// Count per value: how many talks would be shown with the value selected in addition to the
/// other facets' selections (values of the same facet are ORed, so its own selection is left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub counts: Vec<(FacetValue, usize)>,
}

/// How many values a long facet lists before "Show all": those with the most talks.
pub const FACET_TOP: usize = 10;

/// What a facet's list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetListing {
    /// The values listed, in catalog order, with their counts.
    pub values: Vec<(FacetValue, usize)>,
    /// For a long facet (more than twice `top` values), how many values it has: it lists its
    /// top values unless asked for all, and offers the others.
    pub long: Option<usize>,
}

impl FacetCounts {
    pub fn compute(catalog: &Catalog, zone: Zone, matching_text: &Bitset, selection: &Selection) -> Self {
        let mut counts = Vec::new();
        for facet in Facet::ALL.into_iter().filter(|facet| facet.offered(catalog)) {
            let mut base = matching_text.clone();
            selection.restrict(catalog, zone, &mut base, Some(facet));
            let count = |value: FacetValue| value.talks(catalog, zone).map_or(0, |talks| talks.count_in(&base));
            counts.extend(values(catalog, zone, facet).into_iter().map(|value| (value, count(value))));
        }
        FacetCounts { counts }
    }

    pub fn count(&self, value: FacetValue) -> usize {
        self.counts.iter().find(|(known, _)| *known == value).map_or(0, |&(_, count)| count)
    }

    /// The values of `facet` to list: all of them, or for a long facet unless `all`, the `top`
    /// with the most talks (ties: catalog order; none without talks) and every selected one,
    /// so a keystroke re-renders a few checkboxes rather than hundreds.
    pub fn listing(&self, facet: Facet, selection: &Selection, top: usize, all: bool) -> FacetListing {
        let values: Vec<(FacetValue, usize)> = self.of(facet).collect();
        let long = (values.len() > top.saturating_mul(2)).then_some(values.len());
        if long.is_none() || all {
            return FacetListing { values, long };
        }
        // As (key, position) pairs of `u32`, as the result list is sorted: one copy of the sort
        // code in the wasm.
        let mut by_count: Vec<(u32, u32)> = (values.iter().enumerate())
            .filter(|(_, (_, count))| *count > 0)
            .map(|(at, &(_, count))| (u32::MAX - count as u32, at as u32))
            .collect();
        by_count.sort_unstable();
        let top: Vec<usize> = by_count.iter().take(top).map(|&(_, at)| at as usize).collect();
        let values = (values.into_iter().enumerate())
            .filter(|(at, (value, _))| top.contains(at) || selection.contains(*value))
            .map(|(_, listed)| listed)
            .collect();
        FacetListing { values, long }
    }

    pub fn of(&self, facet: Facet) -> impl Iterator<Item = (FacetValue, usize)> + '_ {
        self.counts.iter().copied().filter(move |(value, _)| value.facet() == facet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Institutions 0..counts.len() with these counts, and a short Format facet.
    fn counts(institutions: &[usize]) -> FacetCounts {
        let institutions = (0u16..).zip(institutions).map(|(at, &count)| (FacetValue::Institution(at), count));
        FacetCounts { counts: institutions.chain([(FacetValue::Format(Format::Talk), 3)]).collect() }
    }

    fn listed(listing: &FacetListing) -> Vec<u16> {
        listing
            .values
            .iter()
            .map(|&(value, _)| if let FacetValue::Institution(at) = value { at } else { u16::MAX })
            .collect()
    }

    #[test]
    fn a_long_facet_lists_its_top_values_in_catalog_order_with_the_selected_ones() {
        let counts = counts(&[1, 9, 0, 4, 9, 2, 0, 7]);
        let none = Selection::default();
        let table: &[(usize, bool, &Selection, &[u16])] = &[
            // (top, all, selection) → institutions listed
            (3, false, &none, &[1, 4, 7]),
            // Ties keep catalog order; values without talks are never "top".
            (2, false, &none, &[1, 4]),
            (3, true, &none, &[0, 1, 2, 3, 4, 5, 6, 7]),
            // Not long (at most twice `top` values): everything.
            (4, false, &none, &[0, 1, 2, 3, 4, 5, 6, 7]),
            (1, false, &Selection { institutions: [2, 5].into(), ..Selection::default() }, &[1, 2, 5]),
        ];
        for &(top, all, selection, expected) in table {
            let listing = counts.listing(Facet::Institution, selection, top, all);
            assert_eq!(listed(&listing), expected, "top {top}, all {all}, {selection:?}");
            assert_eq!(listing.long, (top < 4).then_some(8), "top {top}");
        }
        let formats = counts.listing(Facet::Format, &none, 3, false);
        assert_eq!((formats.values, formats.long), (vec![(FacetValue::Format(Format::Talk), 3)], None));
    }
}
