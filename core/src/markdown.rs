//! Markdown abstracts and bios, read at build time into the blocks and spans of `rich_text`.
//!
//! Kept: paragraphs, emphasis, strong, inline code, code blocks, lists (nested), line breaks,
//! and links to `http`, `https` and `mailto` addresses. Headings become strong paragraphs and
//! quotes plain paragraphs; an image shows its description. Raw HTML is dropped, tags and all
//! (the text between inline tags stays, and `<br>` breaks the line): the app never renders
//! data as HTML.

use crate::leak::leak_str;
use crate::rich_text::{BlockKind, Span, SpanKind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One block as the build holds it, before it is embedded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    pub spans: Vec<Span>,
}

impl Block {
    pub fn paragraph(text: String) -> Block {
        Block { text, kind: BlockKind::Paragraph, spans: Vec::new() }
    }
}

pub use crate::rich_text::is_safe_link;

fn is_line_break(tag: &str) -> bool {
    let name = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/').trim();
    name.eq_ignore_ascii_case("br")
}

/// The blocks of `markdown`, or the first link whose target isn't a safe one (as an error).
pub fn parse(markdown: &str) -> Result<Vec<Block>, String> {
    let mut reader = Reader::default();
    for event in Parser::new(markdown) {
        reader.event(event)?;
    }
    reader.close_block();
    Ok(reader.blocks)
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    /// The block being written, if any.
    current: Option<Block>,
    /// Spans begun and not yet ended: (where in the current block, what).
    open_spans: Vec<(usize, SpanKind)>,
    /// Per list being read (outermost first), the next item's number (`None`: bulleted).
    lists: Vec<Option<u64>>,
    /// Inside a list item's own block, which later paragraphs of the item continue.
    in_item: bool,
    /// Inside raw HTML: dropped.
    in_html: bool,
    /// Inside a heading: the whole becomes one strong span.
    heading_start: Option<usize>,
}

impl Reader {
    fn event(&mut self, event: Event) -> Result<(), String> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => self.end(tag),
            Event::Text(text) if !self.in_html => self.text(&text),
            Event::Code(code) => {
                let start = self.block().text.len();
                self.text(&code);
                self.push_span(start, SpanKind::Code);
            }
            Event::SoftBreak => self.text(" "),
            // The one tag whose meaning survives as text: a line break.
            Event::InlineHtml(tag) if is_line_break(&tag) => self.text("\n"),
            Event::HardBreak => self.text("\n"),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag) -> Result<(), String> {
        match tag {
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::TableRow => {
                if self.in_item && self.current.as_ref().is_some_and(|block| !block.text.is_empty()) {
                    self.text("\n");
                } else if !self.in_item {
                    self.close_block();
                }
            }
            Tag::Heading { .. } => {
                self.close_block();
                self.heading_start = Some(0);
            }
            Tag::CodeBlock(_) => {
                self.close_block();
                self.in_item = false;
                self.current = Some(Block { text: String::new(), kind: BlockKind::Code, spans: Vec::new() });
            }
            Tag::HtmlBlock => self.in_html = true,
            Tag::List(first) => {
                self.close_block();
                self.lists.push(first);
            }
            Tag::Item => {
                self.close_block();
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let number = self.lists.last_mut().and_then(|next| {
                    let number = next.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
                    *next = next.map(|n| n + 1);
                    number
                });
                self.current =
                    Some(Block { text: String::new(), kind: BlockKind::Item { depth, number }, spans: Vec::new() });
                self.in_item = true;
            }
            Tag::Emphasis => self.open(SpanKind::Emphasis),
            Tag::Strong => self.open(SpanKind::Strong),
            Tag::Link { dest_url, .. } => {
                if !is_safe_link(&dest_url) {
                    return Err(format!("has a link to `{dest_url}`: links must be http(s):// or mailto: addresses"));
                }
                self.open(SpanKind::Link(leak_str(dest_url.trim().to_owned())));
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::TableRow if !self.in_item => self.close_block(),
            TagEnd::Heading(_) => {
                if let Some(start) = self.heading_start.take() {
                    self.push_span(start, SpanKind::Strong);
                }
                self.close_block();
            }
            TagEnd::CodeBlock => {
                if let Some(block) = &mut self.current {
                    block.text.truncate(block.text.trim_end_matches('\n').len());
                }
                self.close_block();
            }
            TagEnd::HtmlBlock => self.in_html = false,
            TagEnd::List(_) => {
                self.close_block();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.close_block();
                self.in_item = false;
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                if let Some((start, kind)) = self.open_spans.pop() {
                    self.push_span(start, kind);
                }
            }
            _ => {}
        }
    }

    fn block(&mut self) -> &mut Block {
        self.current.get_or_insert_with(|| Block::paragraph(String::new()))
    }

    fn text(&mut self, text: &str) {
        self.block().text.push_str(text);
    }

    fn open(&mut self, kind: SpanKind) {
        let start = self.block().text.len();
        self.open_spans.push((start, kind));
    }

    /// Ends a span begun at `start` here. Spans are pushed as they end, so the enclosing one
    /// comes after those inside it; `close_block` puts them in start order.
    fn push_span(&mut self, start: usize, kind: SpanKind) {
        let block = self.block();
        let end = block.text.len();
        if end > start {
            block.spans.push(Span { start: start as u32, end: end as u32, kind });
        }
    }

    fn close_block(&mut self) {
        let Some(mut block) = self.current.take() else { return };
        self.open_spans.clear();
        // Start order, the enclosing span first (the longer one, where two start together).
        block.spans.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
        let keep = match block.kind {
            BlockKind::Paragraph => !block.text.trim().is_empty(),
            // An item may hold only a nested list; a code block may be blank on purpose.
            BlockKind::Item { .. } | BlockKind::Code => true,
        };
        if keep {
            self.blocks.push(block);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(markdown: &str) -> Vec<Block> {
        parse(markdown).unwrap()
    }

    fn texts(markdown: &str) -> Vec<String> {
        blocks(markdown).into_iter().map(|block| block.text).collect()
    }

    #[test]
    fn paragraphs_and_soft_breaks() {
        assert_eq!(texts("One\ntwo.\n\nThree."), ["One two.", "Three."]);
        assert_eq!(texts("Hard  \nbreak"), ["Hard\nbreak"]);
    }

    #[test]
    fn inline_spans() {
        let [block] = &blocks("A *b* **c** `d` [e](https://e.org)")[..] else { panic!() };
        assert_eq!(block.text, "A b c d e");
        let kinds: Vec<_> = block.spans.iter().map(|span| (span.start, span.end, span.kind)).collect();
        assert_eq!(
            kinds,
            [
                (2, 3, SpanKind::Emphasis),
                (4, 5, SpanKind::Strong),
                (6, 7, SpanKind::Code),
                (8, 9, SpanKind::Link("https://e.org"))
            ]
        );
    }

    #[test]
    fn nested_spans_are_ordered_enclosing_first() {
        let [block] = &blocks("***both*** and **[x](mailto:a@b.org)**")[..] else { panic!() };
        let starts: Vec<_> = block.spans.iter().map(|span| (span.start, span.end)).collect();
        assert!(starts.windows(2).all(|pair| pair[0].0 < pair[1].0 || pair[0].1 >= pair[1].1), "{starts:?}");
        assert_eq!(block.spans.len(), 4);
    }

    #[test]
    fn lists_keep_numbers_and_depth() {
        let items: Vec<_> = blocks("3. a\n4. b\n   - c\n").into_iter().map(|block| (block.text, block.kind)).collect();
        assert_eq!(
            items,
            [
                ("a".to_owned(), BlockKind::Item { depth: 0, number: Some(3) }),
                ("b".to_owned(), BlockKind::Item { depth: 0, number: Some(4) }),
                ("c".to_owned(), BlockKind::Item { depth: 1, number: None }),
            ]
        );
    }

    #[test]
    fn code_blocks_are_verbatim() {
        let [block] = &blocks("```\nfn main() {\n    x  *y*\n}\n```\n")[..] else { panic!() };
        assert_eq!((block.text.as_str(), block.kind), ("fn main() {\n    x  *y*\n}", BlockKind::Code));
    }

    #[test]
    fn raw_html_is_dropped_and_headings_are_strong() {
        assert_eq!(texts("<div>hidden <b>x</b></div>\n\nKept <b>bold</b> text"), ["Kept bold text"]);
        assert_eq!(texts("one<br>two<BR />three"), ["one\ntwo\nthree"]);
        let [block] = &blocks("## Title")[..] else { panic!() };
        assert_eq!(block.spans, [Span { start: 0, end: 5, kind: SpanKind::Strong }]);
    }

    #[test]
    fn unsafe_links_are_refused() {
        assert!(parse("[x](javascript:alert(1))").unwrap_err().contains("javascript:alert(1)"));
        assert!(parse("[x](/relative)").is_err());
        assert!(parse("<https://auto.example>").is_ok());
    }
}
