//! The board as one tab stop: a roving tabindex over its cards (one card is tabbable, the
//! others are reached with the arrow keys), Space ticks the focused card, Enter opens it.

use crate::dom::query_all;
use leptos::prelude::*;
use roadboard_core::board::Column;
use wasm_bindgen::JsCast;

/// The card that takes the board's one tab stop.
#[derive(Clone)]
pub struct Roving {
    /// The id of that card.
    pub active: RwSignal<Option<String>>,
    selector: Selector<Option<String>>,
}

impl Roving {
    /// Keep the tab stop on a card that is shown: the first card when the active one left the
    /// board (filtered out, or none yet).
    pub fn new(
        layout: Memo<Vec<Column>>,
        id_of: impl Fn(usize) -> Option<String> + 'static,
    ) -> Self {
        let active = RwSignal::new(None::<String>);
        Effect::new(move |_| {
            let first = layout.with(|cols| {
                let mut cards = cols
                    .iter()
                    .flat_map(|c| c.lanes.iter().flat_map(|l| l.cards.iter()));
                let current = active.get_untracked();
                match current {
                    Some(cur) if cards.any(|&i| id_of(i).as_deref() == Some(cur.as_str())) => None,
                    _ => Some(
                        cols.iter()
                            .flat_map(|c| c.lanes.iter().flat_map(|l| l.cards.iter()))
                            .next()
                            .and_then(|&i| id_of(i)),
                    ),
                }
            });
            if let Some(first) = first {
                active.set(first);
            }
        });
        let selector = Selector::new(move || active.get());
        Roving { active, selector }
    }

    /// The tabindex of the card `id`: 0 for the active card, -1 for the others (tracked per id).
    pub fn tabindex(&self, id: &str) -> &'static str {
        if self.selector.selected(&Some(id.to_string())) {
            "0"
        } else {
            "-1"
        }
    }
}

/// Focus the board's tab stop (the "Skip to board" link): its active card, else the view.
pub fn focus_board() {
    let target = query_all(None, ".board .card[tabindex=\"0\"]")
        .into_iter()
        .next()
        .or_else(|| query_all(None, "#view-panel").into_iter().next());
    if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Arrow keys move focus between cards: up/down within a column, left/right across columns.
pub fn move_between_cards(ev: leptos::ev::KeyboardEvent) {
    let key = ev.key();
    if !matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End"
    ) {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(card) = target.closest(".card").ok().flatten() else {
        return;
    };
    let Some(column) = card.closest(".column").ok().flatten() else {
        return;
    };
    let Some(board) = column.closest(".board").ok().flatten() else {
        return;
    };
    let cards_of = |col: &web_sys::Element| query_all(Some(col), ":scope > .cards > .card");
    let cols = query_all(Some(&board), ":scope > .column:not(.collapsed)");
    let here = cards_of(&column);
    let pos = here
        .iter()
        .position(|c| c.is_same_node(Some(&card)))
        .unwrap_or(0);
    let col_pos = cols
        .iter()
        .position(|c| c.is_same_node(Some(&column)))
        .unwrap_or(0);
    let next = match key.as_str() {
        "ArrowUp" => pos.checked_sub(1).and_then(|p| here.get(p).cloned()),
        "ArrowDown" => here.get(pos + 1).cloned(),
        "Home" => here.first().cloned(),
        "End" => here.last().cloned(),
        "ArrowLeft" | "ArrowRight" => {
            let step: isize = if key == "ArrowLeft" { -1 } else { 1 };
            let mut c = col_pos as isize + step;
            let mut found = None;
            while c >= 0 && (c as usize) < cols.len() {
                let list = cols.get(c as usize).map(&cards_of).unwrap_or_default();
                if !list.is_empty() {
                    found = list.get(pos.min(list.len() - 1)).cloned();
                    break;
                }
                c += step;
            }
            found
        }
        _ => None,
    };
    if let Some(next) = next {
        ev.prevent_default();
        if let Ok(el) = next.clone().dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        next.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
