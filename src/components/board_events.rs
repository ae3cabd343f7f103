//! The events of the board's cards, handled once on the board rather than once per card: a
//! 5,000-item board drew about 2,000 cards with six event listeners each (Leptos adds one
//! listener per `on:` handler), most of its first render. Each handler finds the card (or the
//! sub-item) its event came from by its `data-item-id`.
//!
//! - a click anywhere on a card but its controls and links opens the item (or sub-item)
//!   clicked, a second click closes it;
//! - a checkbox ticks its item (or sub-item);
//! - the card taking focus becomes the board's tab stop; Space on the card ticks it, Enter in
//!   it opens it;
//! - the pointer over a card previews its dependencies (the hover).

use crate::components::board_keys::{move_between_cards, take_tab_stop};
use crate::components::detail::focus_panel;
use crate::doc::DocModel;
use crate::dom::event_element;
use crate::session::Session;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The card an element belongs to (itself or its closest `.card`).
fn card_of(el: &web_sys::Element) -> Option<web_sys::Element> {
    el.closest(".card").ok().flatten()
}

/// The id an element names (its closest `data-item-id`: a sub-item, else its card).
fn item_id_of(el: &web_sys::Element) -> Option<String> {
    el.closest("[data-item-id]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-item-id"))
}

/// The item index of the card `el` is in.
fn card_index(model: &DocModel, el: &web_sys::Element) -> Option<usize> {
    let id = card_of(el)?.get_attribute("data-item-id")?;
    model.index.item_pos.get(&id).copied()
}

/// A click on a card: clicks on controls and links do their own thing; a click anywhere else
/// opens the item (or the sub-item) clicked, or closes it when it is open.
pub fn click(session: Session) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    move |ev| {
        let Some(el) = event_element::<web_sys::Element>(&ev) else {
            return;
        };
        if card_of(&el).is_none() {
            return;
        }
        let on_control = el
            .closest("input, label, a, button, summary, details")
            .ok()
            .flatten()
            .is_some();
        if on_control {
            return;
        }
        if let Some(id) = item_id_of(&el) {
            session.view.update(|v| {
                v.item = if v.item.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                }
            });
        }
    }
}

/// A card's or sub-item's checkbox changed: tick or untick its item.
pub fn change(model: Arc<DocModel>) -> impl Fn(web_sys::Event) + Clone + 'static {
    move |ev| {
        let Some(input) = event_element::<web_sys::HtmlInputElement>(&ev) else {
            return;
        };
        if !input
            .matches(".card-check, .subtask > input")
            .unwrap_or(false)
        {
            return;
        }
        let index = item_id_of(&input).and_then(|id| model.index.item_pos.get(&id).copied());
        if let Some(i) = index {
            model.set_ticked(i, input.checked());
        }
    }
}

/// Keys on the board: Space on a card ticks it, Enter in a card opens it (and moves focus
/// into the detail panel), the arrow keys, Home and End move between cards.
pub fn keydown(
    model: Arc<DocModel>,
    session: Session,
) -> impl Fn(web_sys::KeyboardEvent) + Clone + 'static {
    move |ev| {
        let el = event_element::<web_sys::Element>(&ev);
        let card = el.as_ref().and_then(card_of);
        if let (Some(el), Some(card)) = (el, card) {
            let key = ev.key();
            if key == " " && el.class_list().contains("card") {
                ev.prevent_default();
                if let Some(i) = card_index(&model, &card) {
                    let now = model.ticked_untracked(i);
                    model.set_ticked(i, !now);
                }
                return;
            }
            if key == "Enter" {
                ev.prevent_default();
                if let Some(id) = card.get_attribute("data-item-id") {
                    session.view.update(|v| v.item = Some(id));
                    focus_panel();
                }
                return;
            }
        }
        move_between_cards(ev);
    }
}

/// Focus moved into a card: it becomes the board's tab stop.
pub fn focusin(ev: web_sys::FocusEvent) {
    if let Some(card) = event_element::<web_sys::Element>(&ev)
        .as_ref()
        .and_then(card_of)
    {
        take_tab_stop(&card);
    }
}

/// The pointer moved onto a card: preview its dependencies (as long as it stays on it).
pub fn mouseover(model: &DocModel) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    let hovered = model.hovered;
    move |ev| {
        let id = event_element::<web_sys::Element>(&ev)
            .as_ref()
            .and_then(card_of)
            .and_then(|c| c.get_attribute("data-item-id"));
        if id.is_some() && hovered.with_untracked(|h| *h != id) {
            hovered.set(id);
        }
    }
}

/// The pointer left a card (for anything but the same card): the preview ends.
pub fn mouseout(model: &DocModel) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    let hovered = model.hovered;
    move |ev| {
        let Some(from) = event_element::<web_sys::Element>(&ev)
            .as_ref()
            .and_then(card_of)
        else {
            return;
        };
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .as_ref()
            .and_then(card_of);
        if !to.is_some_and(|t| t.is_same_node(Some(&from)))
            && hovered.with_untracked(Option::is_some)
        {
            hovered.set(None);
        }
    }
}
