//! The Board view: toolbar (search, group by, filters) and columns of cards.

use crate::components::board_events;
use crate::components::board_keys::keep_tab_stop;
use crate::components::card::CardView;
use crate::doc::{DocModel, Highlight};
use crate::session::Session;
use leptos::prelude::*;
use roadboard_core::board::{columns, priority_label, status_label, GroupBy, PRIORITIES, STATUSES};
use roadboard_core::model::{Priority, Status};
use std::sync::Arc;

/// Cards drawn per column before a "Show more" button.
const PAGE: usize = 40;
/// Cards drawn per column in the first task, for the columns on the first screen; every column
/// adds the rest of its first page in a task of its own right after, so opening a long roadmap
/// never blocks the page for long (the first screenful appears at once, the rest a frame later).
const FIRST: usize = 8;
/// The narrowest a column is drawn on a wide screen, in CSS pixels (`.column` is 20rem).
const COLUMN_PX: f64 = 320.0;

/// How many columns the first screen shows: as many as fit across the window, one more for a
/// column cut at the edge; one on a phone, where columns stack and all but the first start
/// folded. Columns after these start with their header only and get their cards a task later.
fn columns_on_first_screen(phone: bool) -> usize {
    if phone {
        return 1;
    }
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1280.0);
    (width / COLUMN_PX).ceil().max(1.0) as usize + 1
}

#[derive(Clone, PartialEq)]
enum Entry {
    Lane(String, usize),
    Card(usize),
    More(usize),
}

impl Entry {
    fn key(&self) -> String {
        match self {
            Entry::Lane(t, n) => format!("l{n}:{t}"),
            Entry::Card(i) => format!("c{i}"),
            Entry::More(n) => format!("m{n}"),
        }
    }
}

/// Search, grouping, filters and the columns of cards.
#[component]
pub fn BoardView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let filter = Memo::new(move |_| session.view.with(|v| v.filter.clone()));
    let default_group = model.index.arrangement.group;
    let group = Memo::new(move |_| session.view.with(|v| v.group.unwrap_or(default_group)));
    let layout = {
        let m = model.clone();
        Memo::new(move |_| {
            let f = filter.get();
            let g = group.get();
            // Ticks only move cards when the filter or grouping looks at status.
            let by_status =
                f.hide_done || f.ready || !f.statuses.is_empty() || g == GroupBy::Status;
            let ticked = |i: usize| {
                if by_status {
                    m.ticked(i)
                } else {
                    m.ticked_untracked(i)
                }
            };
            let ready = |i: usize| m.graph.is_ready(i, &ticked);
            columns(&m.map, &m.index, g, &f, &ticked, &ready)
        })
    };
    let shown = Memo::new(move |_| {
        layout.with(|cols| {
            cols.iter()
                .map(|c| c.lanes.iter().map(|l| l.cards.len()).sum::<usize>())
                .sum::<usize>()
        })
    });
    let top_level = model
        .map
        .items
        .iter()
        .filter(|i| i.parent.is_none())
        .count();
    let total_items = model.map.items.len();
    // the "Out of scope" filter only for a document that has such items
    let any_out_of_scope = model
        .map
        .items
        .iter()
        .any(|i| i.status == Status::OutOfScope);

    let toggle_status = move |s: Status, on: bool| {
        session.view.update(|v| {
            v.filter.statuses.retain(|x| *x != s);
            if on {
                v.filter.statuses.push(s);
            }
        })
    };
    let toggle_priority = move |p: Priority, on: bool| {
        session.view.update(|v| {
            v.filter.priorities.retain(|x| *x != p);
            if on {
                v.filter.priorities.push(p);
            }
        })
    };
    let board_model = model.clone();
    let hl = use_context::<Highlight>();
    keep_tab_stop(layout);
    // Read once for the board (each column starts folded on phones but the first).
    let phone = is_phone();
    // While the board is first drawn, only the columns of the first screen get cards at once;
    // columns drawn later (a new grouping or filter) get theirs at once too.
    let first_screen: std::collections::HashSet<String> = layout.with_untracked(|cols| {
        let by_section = group.get_untracked() == GroupBy::Section;
        cols.iter()
            .filter(|c| !c.lanes.is_empty() || !by_section)
            .take(columns_on_first_screen(phone))
            .map(|c| c.key.clone())
            .collect()
    });
    let first_screen = StoredValue::new(Some(first_screen));
    set_timeout(
        move || {
            let _ = first_screen.try_set_value(None);
        },
        std::time::Duration::ZERO,
    );
    // On phones the filters sit behind one "Filters" button.
    let filters_open = RwSignal::new(false);
    let active_filters = move || {
        filter.with(|f| {
            f.statuses.len()
                + f.priorities.len()
                + usize::from(f.hide_done)
                + usize::from(f.ready)
                + usize::from(!f.query.trim().is_empty())
        })
    };
    view! {
        <div class="toolbar" role="search" class:open=move || filters_open.get()>
            <button type="button" class="filters-toggle" aria-expanded=move || filters_open.get().to_string()
                on:click=move |_| filters_open.update(|o| *o = !*o)>
                {move || match active_filters() { 0 => "Filters".to_string(), n => format!("Filters ({n})") }}
            </button>
            <div class="field search-field">
                <label for="board-search">"Find"</label>
                <input id="board-search" type="search" placeholder="Search items…" autocomplete="off"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| { let q = event_target_value(&ev); session.view.update(|v| v.filter.query = q) }/>
            </div>
            <div class="field">
                <label for="group-by">"Group by"</label>
                <select id="group-by" on:change=move |ev| {
                    let g = GroupBy::from_key(&event_target_value(&ev));
                    session.view.update(|v| v.group = g)
                }>
                    {GroupBy::ALL.into_iter().map(|g| view! {
                        <option value=g.key() selected=move || group.get() == g>{g.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="chips">
                <legend>"Status"</legend>
                {STATUSES.into_iter().filter(|(s, _, _)| *s != Status::OutOfScope || any_out_of_scope).map(|(s, key, label)| view! {
                    <label class=format!("chip status-{key}")>
                        <input type="checkbox" prop:checked=move || filter.with(|f| f.statuses.contains(&s))
                            on:change=move |ev| toggle_status(s, event_target_checked(&ev))/>
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="chips">
                <legend>"Priority"</legend>
                {PRIORITIES.into_iter().map(|(p, key, label)| view! {
                    <label class=format!("chip prio-{key}")>
                        <input type="checkbox" prop:checked=move || filter.with(|f| f.priorities.contains(&p))
                            on:change=move |ev| toggle_priority(p, event_target_checked(&ev))/>
                        {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <label class="chip ready-now" title="Open items whose prerequisites are all done">
                <input type="checkbox" prop:checked=move || filter.with(|f| f.ready)
                    on:change=move |ev| { let on = event_target_checked(&ev); session.view.update(|v| v.filter.ready = on) }/>
                "Ready now"
            </label>
            <label class="chip hide-done">
                <input type="checkbox" prop:checked=move || filter.with(|f| f.hide_done)
                    on:change=move |ev| { let on = event_target_checked(&ev); session.view.update(|v| v.filter.hide_done = on) }/>
                "Hide done"
            </label>
            <p class="count" aria-live="polite">
                {move || {
                    let n = shown.get();
                    if filter.with(|f| f.is_empty()) {
                        format!("{n} cards · {total_items} items")
                    } else {
                        format!("Showing {n} of {top_level} cards")
                    }
                }}
                {move || (!filter.with(|f| f.is_empty())).then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| session.view.update(|v| v.filter = Default::default())>"Clear filters"</button>
                })}
            </p>
        </div>
        {move || (total_items == 0).then(|| view! {
            <div class="empty-state">
                <h2>"No items in this document"</h2>
                <p>"roadboard makes cards from task lists (“- [ ] Write tests”), lines with status marks (“✅ Done”, “❌ Blocked”), lists under headings such as “Completed” or “Backlog”, and outlines: the headings and bullets under “Roadmap”, “Features”, “Short term” or a release such as “v2.0”. This document has none of these. The whole text is in the Document tab."</p>
            </div>
        })}
        {move || (total_items > 0 && shown.get() == 0).then(|| view! {
            <div class="empty-state">
                <h2>"Nothing matches"</h2>
                <p>"No card matches the search and filters. "
                    <button type="button" class="link-button" on:click=move |_| session.view.update(|v| v.filter = Default::default())>"Clear filters"</button>
                </p>
            </div>
        })}
        // The cards' events are handled here, once for the board (see board_events).
        <div class="board"
            on:click=board_events::click(session)
            on:change=board_events::change(model.clone())
            on:keydown=board_events::keydown(model.clone(), session)
            on:focusin=board_events::focusin
            on:mouseover=board_events::mouseover(&model)
            on:mouseout=board_events::mouseout(&model)
            class:has-selection={
                let hl = hl.clone();
                move || hl.as_ref().is_some_and(|h| h.focus.with(Option::is_some))
            }>
            <For each=move || layout.with(|cols| cols.iter().filter(|c| !c.lanes.is_empty() || group.get() != GroupBy::Section).map(|c| c.key.clone()).collect::<Vec<_>>())
                key=|k| k.clone()
                children=move |key| {
                    let m = board_model.clone();
                    let eager = first_screen
                        .try_with_value(|f| f.as_ref().is_none_or(|f| f.contains(&key)))
                        .unwrap_or(true);
                    view! { <ColumnView model=m key=key layout=layout phone=phone eager=eager/> }
                }/>
        </div>
    }
}

#[component]
fn ColumnView(
    model: Arc<DocModel>,
    key: String,
    layout: Memo<Vec<roadboard_core::board::Column>>,
    phone: bool,
    /// On the first screen: its first cards are drawn at once (the others a task later).
    eager: bool,
) -> impl IntoView {
    // On phones every column but the first starts folded (its head shows its count).
    let collapsed = RwSignal::new(
        phone
            && !layout.with_untracked(|cols| {
                cols.iter()
                    .find(|c| c.total > 0)
                    .is_none_or(|c| c.key == key)
            }),
    );
    // Below PAGE only until the first page is filled in; "Show more" only grows it.
    let limit = RwSignal::new(if eager { FIRST } else { 0 });
    set_timeout(
        move || {
            limit.try_update(|l| *l = (*l).max(PAGE));
        },
        std::time::Duration::ZERO,
    );
    let col = {
        let key = key.clone();
        Memo::new(move |_| layout.with(|cols| cols.iter().find(|c| c.key == key).cloned()))
    };
    let title = {
        let m = model.clone();
        let key = key.clone();
        move || {
            col.with(|c| c.as_ref().map(|c| c.title.clone()))
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| {
                    roadboard_core::board::status_from_key(&key)
                        .map(|s| status_label(s).to_string())
                        .or_else(|| {
                            roadboard_core::board::priority_from_key(&key)
                                .map(|p| priority_label(p).to_string())
                        })
                        .or_else(|| {
                            m.map
                                .phases
                                .iter()
                                .find(|p| p.id == key)
                                .map(|p| p.title.clone())
                        })
                        .unwrap_or_else(|| key.clone())
                })
        }
    };
    // Counted live from the ticks of this column's cards only.
    let counts = {
        let m = model.clone();
        Memo::new(move |_| {
            col.with(|c| {
                c.as_ref().map_or((0, 0), |c| {
                    c.lanes
                        .iter()
                        .flat_map(|l| l.cards.iter())
                        .fold((0, 0), |(d, t), i| {
                            let (dd, tt) = m.index.count(*i, &|j| m.ticked(j));
                            (d + dd, t + tt)
                        })
                })
            })
        })
    };
    let entries = Memo::new(move |_| {
        let lim = limit.get();
        col.with(|c| {
            let mut out = Vec::new();
            let mut n = 0;
            let mut hidden = 0;
            if let Some(c) = c {
                for (li, lane) in c.lanes.iter().enumerate() {
                    for (k, i) in lane.cards.iter().enumerate() {
                        if n >= lim {
                            hidden += 1;
                            continue;
                        }
                        if k == 0 {
                            if let Some(t) = &lane.title {
                                out.push(Entry::Lane(t.clone(), li));
                            }
                        }
                        out.push(Entry::Card(*i));
                        n += 1;
                    }
                }
            }
            // no "Show more" while the first page is still being filled in
            if hidden > 0 && lim >= PAGE {
                out.push(Entry::More(hidden));
            }
            out
        })
    });
    let heading_id: String = format!(
        "col-{}",
        key.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-")
    );
    let pct = move || {
        let (d, t) = counts.get();
        roadboard_core::model::percent(d, t)
    };
    let has_cards = move || col.with(|c| c.as_ref().is_some_and(|c| !c.lanes.is_empty()));
    // A column of cards that do not count (out of scope) says so instead of "0/0".
    let count_text = move || {
        let (d, t) = counts.get();
        if t == 0 && has_cards() {
            "not counted".to_string()
        } else {
            format!("{d}/{t}")
        }
    };
    // The progress the document claims for this column's phase or section, if it states one.
    let claim = {
        let map = &model.map;
        map.claim_about(&key)
            .or_else(|| {
                map.sections
                    .iter()
                    .find(|s| s.id == key)
                    .and_then(|s| s.phase.as_deref())
                    .and_then(|p| map.claim_about(p))
            })
            .map(|c| c.percent)
    };
    view! {
        <section class="column" data-column=key.clone() aria-labelledby=heading_id.clone()
            class:collapsed=move || collapsed.get()>
            <header class="column-head">
                <h2 class="column-title" id=heading_id.clone()>{title}</h2>
                <span class="column-count">{count_text}</span>
                <button type="button" class="column-toggle" aria-expanded=move || (!collapsed.get()).to_string()
                    aria-label=move || format!("{} cards of this column", if collapsed.get() { "Show" } else { "Hide" })
                    on:click=move |_| collapsed.update(|c| *c = !*c)>
                    {move || if collapsed.get() { "▸" } else { "▾" }}
                </button>
                {claim.map(|c| {
                    let differs = move || (c - pct() as f64).abs() >= 1.0;
                    view! {
                    <span class="claim column-claim" class:differs=differs
                        title="The document states this progress; the count is measured from the cards">
                        {format!("claims {c}%")}
                    </span>
                }})}
                <span class="bar column-bar" aria-hidden="true"><span style:width=move || format!("{}%", pct())></span></span>
            </header>
            {move || (!has_cards()).then(|| view! { <p class="column-empty">"No cards"</p> })}
            <ul class="cards">
                <For each=move || entries.get() key=Entry::key children={
                    let m = model.clone();
                    move |e| match e {
                        Entry::Lane(t, _) => view! { <li class="lane-title"><h3>{t}</h3></li> }.into_any(),
                        Entry::Card(i) => view! { <CardView model=m.clone() index=i/> }.into_any(),
                        Entry::More(n) => view! {
                            <li class="more">
                                <button type="button" class="link-button" on:click=move |_| limit.update(|l| *l += PAGE * 4)>
                                    {format!("Show {n} more")}
                                </button>
                            </li>
                        }.into_any(),
                    }
                }/>
            </ul>
        </section>
    }
}

/// Whether the screen is phone-sized (≤ 480 px wide), as the style sheet's phone layout.
fn is_phone() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 480px)").ok().flatten())
        .is_some_and(|m| m.matches())
}
