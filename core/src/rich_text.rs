//! Abstracts and bios with structure: paragraphs, list items and code blocks, each one string,
//! with inline spans (emphasis, strong, code, links) over it.
//!
//! A block's string is its text as a reader sees it, so search, phrases and highlighting read
//! only the strings and never meet markup. Markdown becomes this at build time (`markdown`);
//! plain text is blocks without markup. The view renders [`pieces`] as elements and text
//! nodes: nothing from the data is ever HTML.

use std::ops::Range;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RichText {
    /// Each block's text. In a paragraph or list item, `\n` is a line break.
    pub blocks: &'static [&'static str],
    /// Per block, how it is shown; empty for plain text, whose blocks are all paragraphs.
    pub markup: &'static [BlockMarkup],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockMarkup {
    pub kind: BlockKind,
    /// Properly nested, ordered by start, the enclosing span first.
    pub spans: &'static [Span],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// Preformatted: its text is shown as written, line breaks included.
    Code,
    /// An item of a bulleted (`number` is `None`) or numbered list, nested `depth` lists deep
    /// (0 for a top-level list). Consecutive items make one list.
    Item {
        depth: u8,
        number: Option<u32>,
    },
}

/// Inline markup over the bytes `start..end` of its block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub kind: SpanKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Emphasis,
    Strong,
    Code,
    /// To an `http`, `https` or `mailto` address (checked at build time).
    Link(&'static str),
}

const PARAGRAPH: BlockMarkup = BlockMarkup { kind: BlockKind::Paragraph, spans: &[] };

impl RichText {
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Each block's text with its markup.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static BlockMarkup)> + use<> {
        let markup = self.markup;
        (self.blocks.iter().enumerate()).map(move |(at, &text)| (text, markup.get(at).unwrap_or(&PARAGRAPH)))
    }
}

/// One step of rendering a block: open or close a span, or show some of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Open(SpanKind),
    Close,
    /// `marked`: inside a search match, shown highlighted.
    Text {
        range: Range<usize>,
        marked: bool,
    },
    LineBreak,
}

/// How to render a block's `text`: its spans as nested elements, the search matches `marks`
/// (ascending, disjoint) as highlights, cut wherever a mark crosses a span's edge so the
/// elements stay nested.
pub fn pieces(text: &str, markup: &BlockMarkup, marks: &[Range<usize>]) -> Vec<Piece> {
    let spans = markup.spans;
    let breaks_lines = markup.kind != BlockKind::Code;
    // The next place after `from` where something begins or ends. Blocks hold few spans and
    // marks, so looking through them all beats sorting (and keeps a sort out of the wasm).
    let next_cut = |from: usize| {
        let edges = (spans.iter()).flat_map(|span| [span.start as usize, span.end as usize]);
        let edges = edges.chain(marks.iter().flat_map(|mark| [mark.start, mark.end]));
        let line_break = breaks_lines.then(|| text[from..].find('\n').map(|at| from + at.max(1))).flatten();
        edges.chain(line_break).filter(|&edge| edge > from).fold(text.len(), usize::min)
    };

    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut next_span = 0;
    let mut from = 0;
    while from < text.len() {
        while open.last().is_some_and(|&span| spans[span].end as usize <= from) {
            open.pop();
            out.push(Piece::Close);
        }
        while next_span < spans.len() && spans[next_span].start as usize <= from {
            open.push(next_span);
            out.push(Piece::Open(spans[next_span].kind));
            next_span += 1;
        }
        let to = next_cut(from);
        if breaks_lines && text[from..].starts_with('\n') {
            out.push(Piece::LineBreak);
            from += 1;
            continue;
        }
        let marked = marks.iter().any(|mark| mark.start <= from && to <= mark.end);
        out.push(Piece::Text { range: from..to, marked });
        from = to;
    }
    out.extend(open.iter().map(|_| Piece::Close));
    out
}

/// Whether `url` may be a link's target: an `http`, `https` or `mailto` address. The build
/// checks every link with it; the view checks again before making one.
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    ["http://", "https://", "mailto:"].iter().any(|scheme| {
        url.len() > scheme.len() && url.get(..scheme.len()).is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    }) && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32, kind: SpanKind) -> Span {
        Span { start, end, kind }
    }

    fn text(range: Range<usize>, marked: bool) -> Piece {
        Piece::Text { range, marked }
    }

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(pieces("hello", &PARAGRAPH, &[]), [text(0..5, false)]);
        assert_eq!(pieces("", &PARAGRAPH, &[]), []);
    }

    #[test]
    fn a_mark_crossing_a_span_is_cut_at_its_edge() {
        // "a *big* deal" with the match "big de".
        static SPANS: [Span; 1] = [Span { start: 2, end: 5, kind: SpanKind::Emphasis }];
        let markup = BlockMarkup { kind: BlockKind::Paragraph, spans: &SPANS };
        let mark = vec![Range { start: 2, end: 8 }];
        assert_eq!(
            pieces("a big deal", &markup, mark.as_slice()),
            [
                text(0..2, false),
                Piece::Open(SpanKind::Emphasis),
                text(2..5, true),
                Piece::Close,
                text(5..8, true),
                text(8..10, false),
            ]
        );
    }

    #[test]
    fn nested_spans_close_innermost_first() {
        let spans = [span(0, 9, SpanKind::Strong), span(0, 4, SpanKind::Link("https://x.org"))];
        let markup = BlockMarkup { kind: BlockKind::Paragraph, spans: Box::leak(Box::new(spans)) };
        assert_eq!(
            pieces("link text", &markup, &[]),
            [
                Piece::Open(SpanKind::Strong),
                Piece::Open(SpanKind::Link("https://x.org")),
                text(0..4, false),
                Piece::Close,
                text(4..9, false),
                Piece::Close,
            ]
        );
    }

    #[test]
    fn line_breaks_break_paragraphs_but_not_code() {
        assert_eq!(pieces("a\nb", &PARAGRAPH, &[]), [text(0..1, false), Piece::LineBreak, text(2..3, false)]);
        let code = BlockMarkup { kind: BlockKind::Code, spans: &[] };
        assert_eq!(pieces("a\nb", &code, &[]), [text(0..3, false)]);
    }
}
