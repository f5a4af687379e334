//! The catalog as the app embeds it: bytes written by the build ([`encode`]) and read once when
//! the app starts ([`decode`]).
//!
//! Only what the data says, or what only the whole catalog tells cheaply at build time
//! (related talks, same-speaker talks, series parts), is shipped; the facet tables and the
//! word index are derived from it (`index`), because as data they cost more to download than
//! the code deriving them. The layout is the model's fields in declaration order, in two
//! parts, so each compresses well: every number (counts, lengths, indices) in LEB128, then
//! every string back to back. Strings are borrowed from the embedded bytes, not copied.
//!
//! ```text
//! "TCAT" version  numbers-length  numbers…  strings…
//! ```

use crate::leak::leak;
use crate::model::{
    encode_leb128, BlockKind, BlockMarkup, Catalog, Event, Format, Leb128, Link, LinkKind, RichText, Series,
    SeriesPart, Span, SpanKind, Speaker, Tag, Talk,
};
use std::fmt;

const MAGIC: &[u8; 4] = b"TCAT";
/// Changes with the layout: an app never reads another build's bytes, but a stale file in a
/// build directory should fail clearly, not decode as nonsense.
const VERSION: u8 = 2;

/// Bytes that are not a catalog this code wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(&'static str);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid embedded catalog: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// `catalog` as bytes for [`decode`].
pub fn encode(catalog: &Catalog) -> Vec<u8> {
    let mut out = Writer::default();
    let event = &catalog.event;
    [event.name, event.time_zone, event.url, event.language].into_iter().for_each(|text| out.optional_string(text));
    out.count(catalog.tags.len());
    for tag in catalog.tags {
        out.strings([tag.id, tag.label, tag.description]);
    }
    out.count(catalog.institutions.len());
    catalog.institutions.iter().for_each(|institution| out.string(institution));
    out.count(catalog.series.len());
    for series in catalog.series {
        out.strings([series.id, series.title]);
        out.indices(series.parts);
    }
    out.count(catalog.talks.len());
    for talk in catalog.talks {
        out.strings([talk.id, talk.title]);
        out.count(Format::ALL.iter().position(|&format| format == talk.format).expect("every format is in ALL"));
        out.count(talk.speakers.len());
        for speaker in talk.speakers {
            out.strings([speaker.name, speaker.affiliation]);
            let institutions: Vec<u16> = (speaker.institutions.iter())
                .map(|name| catalog.institutions.binary_search(name).expect("the catalog's, sorted") as u16)
                .collect();
            out.indices(&institutions);
            out.optional_string(speaker.url);
            out.rich_text(&speaker.bio);
        }
        out.rich_text(&talk.abstract_text);
        out.rich_text(&talk.bio);
        out.indices(talk.tags);
        match talk.series {
            Some(part) => {
                out.number(u32::from(part.series) + 1);
                out.number(u32::from(part.part));
            }
            None => out.number(0),
        }
        out.count(talk.links.len());
        for link in talk.links {
            out.count(LinkKind::ALL.iter().position(|&kind| kind == link.kind).expect("every kind is in ALL"));
            out.strings([link.label, link.url]);
        }
        out.indices(talk.related);
        out.indices(talk.same_speaker);
        // The start as two 32-bit halves (it may be before 1970 or after 2106), the end as
        // the minutes or seconds after it.
        match talk.start {
            Some(start) => {
                out.number(1);
                let bits = start as u64;
                out.number(bits as u32);
                out.number((bits >> 32) as u32);
                let length = talk.end.map_or(0, |end| end - start + 1);
                out.number(u32::try_from(length).expect("validation keeps talks shorter than 136 years"));
                // Zigzag: offsets west of UTC are negative.
                out.number((talk.utc_offset << 1 ^ talk.utc_offset >> 31) as u32);
            }
            None => out.number(0),
        }
        [talk.room, talk.track, talk.language].into_iter().for_each(|text| out.optional_string(text));
    }
    out.finish()
}

/// The catalog `bytes` hold, with its facet tables; its word index is derived on first use.
pub fn decode(bytes: &'static [u8]) -> Result<Catalog, DecodeError> {
    let mut input = Reader::new(bytes)?;
    let event = Event {
        name: input.optional_string()?,
        time_zone: input.optional_string()?,
        url: input.optional_string()?,
        language: input.optional_string()?,
    };
    let tags =
        input.list(|input| Ok(Tag { id: input.string()?, label: input.string()?, description: input.string()? }))?;
    let institutions = input.list(Reader::string)?;
    let series =
        input.list(|input| Ok(Series { id: input.string()?, title: input.string()?, parts: input.indices()? }))?;
    let talks = input.list(|input| {
        let (id, title) = (input.string()?, input.string()?);
        let format = *Format::ALL.get(input.count()?).ok_or(DecodeError("unknown format"))?;
        // The union of the speakers' institutions, each once, in order: what the facet counts.
        let mut talk_institutions: Vec<u16> = Vec::new();
        let speakers = input.list(|input| {
            let (name, affiliation) = (input.string()?, input.string()?);
            let named = input.indices()?;
            talk_institutions.extend_from_slice(named);
            let institutions = named.iter().map(|&at| institutions.get(usize::from(at)).copied());
            let institutions = leak(institutions.collect::<Option<_>>().ok_or(DecodeError("unknown institution"))?);
            Ok(Speaker { name, affiliation, institutions, url: input.optional_string()?, bio: input.rich_text()? })
        })?;
        let abstract_text = input.rich_text()?;
        let bio = input.rich_text()?;
        let tags = input.indices()?;
        let series = match input.number()? {
            0 => None,
            series => Some(SeriesPart { series: index16(series - 1)?, part: index16(input.number()?)? }),
        };
        let links = input.list(|input| {
            let kind = *LinkKind::ALL.get(input.count()?).ok_or(DecodeError("unknown link kind"))?;
            Ok(Link { kind, label: input.string()?, url: input.string()? })
        })?;
        let (related, same_speaker) = (input.indices()?, input.indices()?);
        let (start, end, utc_offset) = match input.number()? {
            0 => (None, None, 0),
            _ => {
                let start = (u64::from(input.number()?) | u64::from(input.number()?) << 32) as i64;
                let end = match input.number()? {
                    0 => None,
                    length => Some(start + i64::from(length) - 1),
                };
                let zigzag = input.number()?;
                (Some(start), end, (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32))
            }
        };
        talk_institutions.sort_unstable();
        talk_institutions.dedup();
        Ok(Talk {
            id,
            title,
            format,
            speakers,
            abstract_text,
            bio,
            start,
            end,
            utc_offset,
            room: input.optional_string()?,
            track: input.optional_string()?,
            language: input.optional_string()?,
            tags,
            institutions: leak(talk_institutions),
            series,
            links,
            related,
            same_speaker,
        })
    })?;
    input.finish()?;
    Ok(Catalog::new(event, series, tags, institutions, talks))
}

fn index16(value: u32) -> Result<u16, DecodeError> {
    u16::try_from(value).map_err(|_| DecodeError("index out of range"))
}

#[derive(Default)]
struct Writer {
    numbers: Vec<u8>,
    strings: String,
}

impl Writer {
    fn number(&mut self, value: u32) {
        encode_leb128(value, &mut self.numbers);
    }

    fn count(&mut self, count: usize) {
        self.number(u32::try_from(count).expect("validation keeps counts within u16"));
    }

    fn string(&mut self, text: &str) {
        self.count(text.len());
        self.strings.push_str(text);
    }

    fn strings<'a>(&mut self, texts: impl IntoIterator<Item = &'a str>) {
        texts.into_iter().for_each(|text| self.string(text));
    }

    fn optional_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.number(1);
                self.string(text);
            }
            None => self.number(0),
        }
    }

    fn indices(&mut self, indices: &[u16]) {
        self.count(indices.len());
        indices.iter().for_each(|&index| self.number(u32::from(index)));
    }

    /// The blocks, then their markup: none for plain text.
    fn rich_text(&mut self, text: &RichText) {
        self.count(text.blocks.len());
        self.strings(text.blocks.iter().copied());
        self.count(text.markup.len());
        for markup in text.markup {
            match markup.kind {
                BlockKind::Paragraph => self.number(0),
                BlockKind::Code => self.number(1),
                BlockKind::Item { depth, number: None } => self.numbers([2, u32::from(depth)]),
                BlockKind::Item { depth, number: Some(number) } => self.numbers([3, u32::from(depth), number]),
            }
            self.count(markup.spans.len());
            for span in markup.spans {
                self.numbers([span.start, span.end - span.start]);
                match span.kind {
                    SpanKind::Emphasis => self.number(0),
                    SpanKind::Strong => self.number(1),
                    SpanKind::Code => self.number(2),
                    SpanKind::Link(url) => {
                        self.number(3);
                        self.string(url);
                    }
                }
            }
        }
    }

    fn numbers<const N: usize>(&mut self, values: [u32; N]) {
        values.into_iter().for_each(|value| self.number(value));
    }

    fn finish(self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(VERSION);
        encode_leb128(u32::try_from(self.numbers.len()).expect("numbers fit in 4 GB"), &mut out);
        out.extend(self.numbers);
        out.extend(self.strings.into_bytes());
        out
    }
}

struct Reader {
    numbers: Leb128<'static>,
    strings: &'static str,
}

impl Reader {
    fn new(bytes: &'static [u8]) -> Result<Reader, DecodeError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(DecodeError("not a catalog"))?;
        let rest = rest.strip_prefix(&[VERSION]).ok_or(DecodeError("another version of the layout"))?;
        let mut header = Leb128(rest);
        let length = header.next().ok_or(DecodeError("truncated"))? as usize;
        let rest = header.0;
        let (numbers, strings) = rest.split_at_checked(length).ok_or(DecodeError("truncated"))?;
        // Checked once for all strings; each is then a slice of it.
        let strings = std::str::from_utf8(strings).map_err(|_| DecodeError("strings are not UTF-8"))?;
        Ok(Reader { numbers: Leb128(numbers), strings })
    }

    fn number(&mut self) -> Result<u32, DecodeError> {
        self.numbers.next().ok_or(DecodeError("truncated"))
    }

    fn count(&mut self) -> Result<usize, DecodeError> {
        Ok(self.number()? as usize)
    }

    fn string(&mut self) -> Result<&'static str, DecodeError> {
        let length = self.count()?;
        let strings: &'static str = self.strings;
        let text = strings.get(..length).ok_or(DecodeError("a string runs past the end"))?;
        self.strings = &strings[length..];
        Ok(text)
    }

    fn optional_string(&mut self) -> Result<Option<&'static str>, DecodeError> {
        match self.number()? {
            0 => Ok(None),
            _ => self.string().map(Some),
        }
    }

    fn indices(&mut self) -> Result<&'static [u16], DecodeError> {
        let count = self.count()?;
        Ok(leak((0..count).map(|_| index16(self.number()?)).collect::<Result<_, _>>()?))
    }

    fn rich_text(&mut self) -> Result<RichText, DecodeError> {
        let blocks = self.list(Reader::string)?;
        let markup = self.list(|input| {
            let kind = match input.number()? {
                0 => BlockKind::Paragraph,
                1 => BlockKind::Code,
                item @ (2 | 3) => {
                    let depth = u8::try_from(input.number()?).map_err(|_| DecodeError("list too deep"))?;
                    let number = if item == 3 { Some(input.number()?) } else { None };
                    BlockKind::Item { depth, number }
                }
                _ => return Err(DecodeError("unknown block kind")),
            };
            let spans = input.list(|input| {
                let start = input.number()?;
                let end = start.checked_add(input.number()?).ok_or(DecodeError("span out of range"))?;
                let kind = match input.number()? {
                    0 => SpanKind::Emphasis,
                    1 => SpanKind::Strong,
                    2 => SpanKind::Code,
                    3 => SpanKind::Link(input.string()?),
                    _ => return Err(DecodeError("unknown span kind")),
                };
                Ok(Span { start, end, kind })
            })?;
            Ok(BlockMarkup { kind, spans })
        })?;
        if !markup.is_empty() && markup.len() != blocks.len() {
            return Err(DecodeError("markup for another number of blocks"));
        }
        Ok(RichText { blocks, markup })
    }

    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Reader) -> Result<T, DecodeError>,
    ) -> Result<&'static [T], DecodeError> {
        let count = self.count()?;
        Ok(leak((0..count).map(|_| item(self)).collect::<Result<_, _>>()?))
    }

    fn finish(self) -> Result<(), DecodeError> {
        let mut numbers = self.numbers;
        match (numbers.next(), self.strings.is_empty()) {
            (None, true) => Ok(()),
            _ => Err(DecodeError("bytes left over")),
        }
    }
}
