use super::highlight::highlighted;
use crate::catalog::field::Field;
use crate::catalog::query::Query;
use crate::catalog::rich_text::{pieces, BlockKind, BlockMarkup, Piece, SpanKind};
use crate::catalog::search::highlights;
use crate::catalog::RichText;
use yew::prelude::*;

/// An abstract or bio as paragraphs, lists and code blocks, with the matches of `query` marked
/// (none while it is `None`). Elements and text nodes only: nothing from the data is HTML.
pub fn rich_text(text: &RichText, field: Field, query: Option<&Query>) -> Html {
    let shown = |block: &'static str| match query {
        Some(query) => highlighted(block, field, query),
        None => html! { { block } },
    };
    if text.markup.is_empty() {
        return text.blocks.iter().map(|&block| html! { <p dir="auto">{ shown(block) }</p> }).collect();
    }
    let mut out = Vec::new();
    let mut lists: Vec<List> = Vec::new();
    for (block, markup) in text.iter() {
        let marks = query.map(|query| highlights(block, field, query)).unwrap_or_default();
        let content = inline(block, markup, &marks);
        match markup.kind {
            BlockKind::Item { depth, number } => {
                let depth = usize::from(depth);
                while lists.len() > depth + 1 || lists.get(depth).is_some_and(|list| list.numbered != number.is_some())
                {
                    close_list(&mut lists, &mut out);
                }
                while lists.len() <= depth {
                    lists.push(List { numbered: number.is_some(), start: number, items: Vec::new() });
                }
                lists[depth].items.push(vec![content]);
            }
            BlockKind::Paragraph | BlockKind::Code => {
                while !lists.is_empty() {
                    close_list(&mut lists, &mut out);
                }
                out.push(match markup.kind {
                    BlockKind::Code => html! { <pre><code>{ content }</code></pre> },
                    _ => html! { <p dir="auto">{ content }</p> },
                });
            }
        }
    }
    while !lists.is_empty() {
        close_list(&mut lists, &mut out);
    }
    out.into_iter().collect()
}

/// A list being rendered: its items' contents so far.
struct List {
    numbered: bool,
    start: Option<u32>,
    items: Vec<Vec<Html>>,
}

/// Ends the innermost open list: into its parent's last item, or after what is done.
fn close_list(lists: &mut Vec<List>, out: &mut Vec<Html>) {
    let Some(list) = lists.pop() else { return };
    let items = list.items.into_iter().map(|item| html! { <li dir="auto">{ for item }</li> });
    let html = if list.numbered {
        html! { <ol start={list.start.filter(|&start| start != 1).map(|start| start.to_string())}>{ for items }</ol> }
    } else {
        html! { <ul>{ for items }</ul> }
    };
    match lists.last_mut() {
        Some(parent) => match parent.items.last_mut() {
            Some(item) => item.push(html),
            None => parent.items.push(vec![html]),
        },
        None => out.push(html),
    }
}

/// A block's text with its spans as elements and `marks` as `<mark>`.
fn inline(text: &'static str, markup: &BlockMarkup, marks: &[std::ops::Range<usize>]) -> Html {
    // The children of each element still open, the block itself first.
    let mut open: Vec<(Option<SpanKind>, Vec<Html>)> = vec![(None, Vec::new())];
    for piece in pieces(text, markup, marks) {
        match piece {
            Piece::Open(kind) => open.push((Some(kind), Vec::new())),
            Piece::Close => {
                if let Some((Some(kind), children)) = open.pop() {
                    let element = span_element(kind, children);
                    open.last_mut().expect("the block stays open").1.push(element);
                }
            }
            Piece::Text { range, marked } => {
                let text = &text[range];
                let node = if marked {
                    html! { <mark>{ text }</mark> }
                } else {
                    html! { { text } }
                };
                open.last_mut().expect("the block stays open").1.push(node);
            }
            Piece::LineBreak => open.last_mut().expect("the block stays open").1.push(html! { <br /> }),
        }
    }
    open.into_iter().next().map(|(_, children)| children.into_iter().collect()).unwrap_or_default()
}

fn span_element(kind: SpanKind, children: Vec<Html>) -> Html {
    match kind {
        SpanKind::Emphasis => html! { <em>{ for children }</em> },
        SpanKind::Strong => html! { <strong>{ for children }</strong> },
        SpanKind::Code => html! { <code>{ for children }</code> },
        SpanKind::Link(url) => html! { <a href={url} rel="noopener">{ for children }</a> },
    }
}
