//! Draws the core's safe display tree ([`roadboard_core::render::Node`]) as DOM. Only the fixed
//! element set exists here, attributes are set as values, and text is text: nothing from a
//! document can become live HTML.

use crate::components::changes::ChangeMarks;
use crate::doc::{DocModel, Highlight};
use leptos::prelude::*;
use roadboard_core::render::{El, Element, Node};
use std::sync::Arc;

/// Draw nodes. `model` ties task checkboxes to items (Document view); without it tasks are
/// drawn as plain marks.
pub fn draw(nodes: &[Node], model: Option<&Arc<DocModel>>) -> AnyView {
    nodes
        .iter()
        .map(|n| draw_node(n, model))
        .collect_view()
        .into_any()
}

fn draw_node(node: &Node, model: Option<&Arc<DocModel>>) -> AnyView {
    match node {
        Node::Text(t) => t.clone().into_any(),
        Node::Task { line, checked } => task(*line, *checked, model),
        Node::Element(e) => element(e, model),
    }
}

fn task(line: usize, checked: bool, model: Option<&Arc<DocModel>>) -> AnyView {
    let found = model.and_then(|m| m.by_line.get(&line).map(|i| (m.clone(), *i)));
    match found {
        Some((m, i)) => {
            let hl = use_context::<Highlight>();
            let label = m.map.items.get(i).map(|it| it.text.clone()).unwrap_or_default();
            let id = m.map.items.get(i).map(|it| it.id.clone()).unwrap_or_default();
            let m2 = m.clone();
            let changes = use_context::<ChangeMarks>().unwrap_or_default();
            view! {
                <input type="checkbox" class="doc-check" data-item-id=id.clone() aria-label=label
                    data-change=changes.attr(id.clone())
                    data-highlight=hl.as_ref().and_then(|h| h.role_key_now(i))
                    prop:checked=move || m.ticked(i)
                    on:change=move |ev| m2.set_ticked(i, event_target_checked(&ev))/>
                {changes.badge(id)}
            }
            .into_any()
        }
        None => view! { <span class="task-mark" aria-hidden="true">{if checked { "☑" } else { "☐" }}</span> }.into_any(),
    }
}

fn element(e: &Element, model: Option<&Arc<DocModel>>) -> AnyView {
    let kids = || draw(&e.children, model);
    let title = e.title.clone();
    let class = e.class;
    match e.el {
        El::P => view! { <p data-line=e.line>{kids()}</p> }.into_any(),
        El::H1 => view! { <h1 class="doc-h" data-line=e.line>{kids()}</h1> }.into_any(),
        El::H2 => view! { <h2 class="doc-h" data-line=e.line>{kids()}</h2> }.into_any(),
        El::H3 => view! { <h3 class="doc-h" data-line=e.line>{kids()}</h3> }.into_any(),
        El::H4 => view! { <h4 class="doc-h" data-line=e.line>{kids()}</h4> }.into_any(),
        El::H5 => view! { <h5 class="doc-h" data-line=e.line>{kids()}</h5> }.into_any(),
        El::H6 => view! { <h6 class="doc-h" data-line=e.line>{kids()}</h6> }.into_any(),
        El::Ul => view! { <ul>{kids()}</ul> }.into_any(),
        El::Ol => view! { <ol start=e.start.filter(|n| *n != 1).map(|n| n.to_string())>{kids()}</ol> }.into_any(),
        El::Li => view! { <li data-line=e.line>{kids()}</li> }.into_any(),
        El::Blockquote => view! { <blockquote>{kids()}</blockquote> }.into_any(),
        // Scrollable regions must be reachable by keyboard.
        El::Pre => view! { <pre class=class title=title tabindex="0"><code>{kids()}</code></pre> }.into_any(),
        El::Code => view! { <code class=class title=title>{kids()}</code> }.into_any(),
        El::Em => view! { <em>{kids()}</em> }.into_any(),
        El::Strong => view! { <strong>{kids()}</strong> }.into_any(),
        El::Del => view! { <del>{kids()}</del> }.into_any(),
        El::A => view! {
            <a href=e.href.clone() class=class rel="noopener noreferrer nofollow" target="_blank">{kids()}</a>
        }
        .into_any(),
        El::Span => view! { <span class=class title=title>{kids()}</span> }.into_any(),
        El::Table => view! { <div class="table-wrap" tabindex="0" role="group" aria-label="Table"><table>{kids()}</table></div> }.into_any(),
        El::Thead => view! { <thead>{kids()}</thead> }.into_any(),
        El::Tbody => view! { <tbody>{kids()}</tbody> }.into_any(),
        El::Tr => view! { <tr>{kids()}</tr> }.into_any(),
        El::Th => view! { <th>{kids()}</th> }.into_any(),
        El::Td => view! { <td>{kids()}</td> }.into_any(),
        El::Hr => view! { <hr/> }.into_any(),
        El::Br => view! { <br/> }.into_any(),
        El::Div => view! { <div>{kids()}</div> }.into_any(),
    }
}
