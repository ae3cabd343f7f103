//! The board as one tab stop: a roving tabindex over its cards (one card is tabbable, the
//! others are reached with the arrow keys), Space ticks the focused card, Enter opens it.

use crate::dom::query_all;
use leptos::prelude::*;
use roadboard_core::board::Column;
use wasm_bindgen::JsCast;

/// Keep the board's one tab stop on a card that is shown: after the cards change, the first
/// card takes it when no card holds it (none yet, or it was filtered out). Done on the DOM, not
/// per card reactively: a 5,000-item board keeps its render and tick cost.
pub fn keep_tab_stop(layout: Memo<Vec<Column>>) {
    Effect::new(move |_| {
        layout.track();
        request_animation_frame(|| {
            if query_all(None, ".board .card[tabindex=\"0\"]").is_empty() {
                if let Some(first) = query_all(None, ".board .card").into_iter().next() {
                    let _ = first.set_attribute("tabindex", "0");
                }
            }
        });
    });
}

/// Make `card` the board's tab stop (it took focus).
pub fn take_tab_stop(card: &web_sys::Element) {
    if card.get_attribute("tabindex").as_deref() == Some("0") {
        return;
    }
    for el in query_all(None, ".board .card[tabindex=\"0\"]") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = card.set_attribute("tabindex", "0");
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
