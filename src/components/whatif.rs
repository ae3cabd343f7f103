//! The timeline's what-if: the "Delay…" control, the live summary in words with each delay and
//! "Reset what-if", and the gestures that delay a bar on the chart (`+`/`-` on a focused bar,
//! dragging a bar's end). The delays live in the view state — so in the link, never in the
//! document or the ticks — and the plan they give is the core's
//! ([`roadboard_core::schedule::what_if`], drawn by the layout).

use crate::doc::DocModel;
use crate::dom::{event_element, perf_mark};
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::schedule::{Timeline, MAX_DELAY_DAYS};
use std::sync::Arc;

/// Add `days` (negative: take back) to the delay of `id`.
pub fn nudge(session: Session, id: &str, days: i64) {
    perf_mark("rb-whatif-start");
    session.view.update(|v| {
        v.whatif.add(id, days);
    });
}

/// What the reader can delay: the selected phase, or the selected item when it belongs to a
/// phase; its id and title.
fn target(model: &DocModel, id: &str) -> Option<(String, String)> {
    if let Some(p) = model.map.phases.iter().find(|p| p.id == id) {
        return Some((p.id.clone(), p.title.clone()));
    }
    let it = model.map.items.iter().find(|i| i.id == id)?;
    it.phase.as_ref()?;
    Some((
        it.id.clone(),
        it.title.clone().unwrap_or_else(|| it.text.clone()),
    ))
}

/// "Delay…": delays the selected phase or item by days or weeks.
#[component]
pub fn DelayControl(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let selected = {
        let m = model.clone();
        Memo::new(move |_| {
            session
                .view
                .with(|v| v.item.as_deref().and_then(|id| target(&m, id)))
        })
    };
    let open = RwSignal::new(false);
    let (amount, set_amount) = signal(5u32);
    let (weeks, set_weeks) = signal(false);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some((id, _)) = selected.get_untracked() {
            let days = amount.get_untracked() * if weeks.get_untracked() { 5 } else { 1 };
            nudge(session, &id, i64::from(days));
        }
        open.set(false);
    };
    view! {
        <span class="whatif-control">
            <button type="button" class="toggle" aria-expanded=move || open.get().to_string()
                aria-controls="whatif-form" disabled=move || selected.with(Option::is_none)
                title=move || match selected.get() {
                    Some((_, t)) => format!("What if “{t}” slips?"),
                    None => "Select a phase or an item on the timeline first".to_string(),
                }
                on:click=move |_| open.update(|o| *o = !*o)>"Delay…"</button>
            <form id="whatif-form" class="whatif-form" hidden=move || !open.get() || selected.with(Option::is_none)
                on:submit=apply aria-label="Delay the selected phase or item">
                <span class="whatif-what">{move || selected.get().map(|(_, t)| format!("Delay “{t}” by"))}</span>
                <input type="number" min="1" max=MAX_DELAY_DAYS.to_string() aria-label="Delay by"
                    prop:value=move || amount.get().to_string()
                    on:input=move |ev| {
                        let v = event_element::<web_sys::HtmlInputElement>(&ev).map(|i| i.value()).unwrap_or_default();
                        if let Ok(n) = v.trim().parse::<u32>() {
                            set_amount.set(n.clamp(1, MAX_DELAY_DAYS));
                        }
                    }/>
                <select aria-label="Unit" on:change=move |ev| {
                    let v = event_element::<web_sys::HtmlSelectElement>(&ev).map(|s| s.value()).unwrap_or_default();
                    set_weeks.set(v == "weeks");
                }>
                    <option value="days" selected=move || !weeks.get()>"working days"</option>
                    <option value="weeks" selected=move || weeks.get()>"weeks"</option>
                </select>
                <button type="submit" class="primary">"Delay"</button>
                <button type="button" class="link-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </form>
        </span>
    }
}

/// The what-if in words, each delay with a way to take it back, and "Reset what-if". Shown
/// while the reader has delayed something.
#[component]
pub fn WhatIfSummary(
    /// The laid-out timeline (with its what-if).
    timeline: Memo<Timeline>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let active = move || session.view.with(|v| !v.whatif.is_empty());
    let words = Memo::new(move |_| timeline.with(|t| t.whatif_summary.clone()));
    let entries = Memo::new(move |_| {
        timeline.with(|t| {
            t.whatif
                .as_ref()
                .map(|w| w.entries.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="whatif" aria-label="What-if" hidden=move || !active()>
            <p class="whatif-summary" role="status" aria-live="polite">
                {move || words.with(|w| w.first().cloned().unwrap_or_default())}
            </p>
            {move || words.with(|w| w.iter().skip(1).map(|s| view! { <p class="whatif-note">{s.clone()}</p> }).collect_view())}
            <ul class="whatif-delays" aria-label="Delays">
                {move || entries.get().into_iter().map(|e| {
                    let id = e.id.clone();
                    let name = e.title.clone().unwrap_or_else(|| format!("{} (not on this timeline)", e.id));
                    let label = format!("Take back the delay of {name}");
                    view! {
                        <li>
                            <span class="whatif-name">{name}</span>
                            <span class="whatif-days">{format!("+{} d", e.days)}</span>
                            <button type="button" class="whatif-remove" aria-label=label
                                on:click=move |_| session.view.update(|v| { v.whatif.set(&id, 0); })>"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="toggle" on:click=move |_| session.view.update(|v| v.whatif.clear())>"Reset what-if"</button>
        </section>
    }
}

/// A drag of a bar's end in progress: which row, where it started, its delay then, and the
/// scale (pixels per working day) it is read in.
#[derive(Clone)]
pub struct Drag {
    id: String,
    x0: f64,
    base: u32,
    px: f64,
}

impl Drag {
    /// The row being dragged.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Starts dragging when the pointer goes down on a bar's end handle (`.tl-grip`).
pub fn drag_start(
    ev: &web_sys::PointerEvent,
    host: Option<web_sys::HtmlDivElement>,
    row_id: Option<String>,
    session: Session,
    timeline: Memo<Timeline>,
) -> Option<Drag> {
    let el = event_element::<web_sys::Element>(ev)?;
    el.closest(".tl-grip").ok().flatten()?;
    let id = row_id?;
    ev.prevent_default();
    if let Some(h) = host {
        let _ = h.set_pointer_capture(ev.pointer_id());
    }
    let px = timeline.with_untracked(|t| t.px_per_day).max(1e-3);
    let base = session.view.with_untracked(|v| v.whatif.get(&id));
    Some(Drag {
        id,
        x0: f64::from(ev.client_x()),
        base,
        px,
    })
}

/// Follows the pointer: the delay becomes the start's plus the whole working days dragged.
pub fn drag_move(drag: &Drag, ev: &web_sys::PointerEvent, session: Session) {
    let days = ((f64::from(ev.client_x()) - drag.x0) / drag.px).round();
    let target = (f64::from(drag.base) + days).clamp(0.0, f64::from(MAX_DELAY_DAYS)) as u32;
    if session.view.with_untracked(|v| v.whatif.get(&drag.id)) != target {
        perf_mark("rb-whatif-start");
        session.view.update(|v| {
            v.whatif.set(&drag.id, target);
        });
    }
}
