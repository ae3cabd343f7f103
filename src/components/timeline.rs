//! The Timeline view: draws what [`roadboard_core::schedule`] lays out — a Gantt of phases with
//! progress, dependency arrows and the critical path — plus its toolbar (zoom, start date,
//! exports) and the same data as a table.

use crate::components::changes::{decorate_timeline, ChangeMarks};
use crate::components::whatif::{self, DelayControl, Drag, WhatIfSummary};
use crate::doc::{DocModel, Highlight};
use crate::dom::{data_url, download, event_element, perf_mark, Download};
use crate::session::Session;
use crate::storage::{load_start_date, store};
use leptos::prelude::*;
use roadboard_core::docid::DocId;
use roadboard_core::export::{timeline_drawing, TimelineFile};
use roadboard_core::schedule::{self, layout, Options, Palette, Row, RowKind, Timeline, Zoom};
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The stored start date, if it is a real `YYYY-MM-DD` date (anything else is ignored).
fn stored_start(doc: &DocId) -> Option<String> {
    let raw = load_start_date(store().ok()?.as_ref(), doc)?;
    schedule::Date::parse_iso(&raw).map(|d| d.iso())
}

/// Today in the browser's time zone, `YYYY-MM-DD`.
fn today_iso() -> Option<String> {
    let now = js_sys::Date::new_0();
    schedule::Date::from_ymd(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
    .map(|d| d.iso())
}

/// The width the timeline may use: the window less the page padding.
fn available_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .map_or(1200.0, |w| (w - 44.0).max(300.0))
}

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Done and total of a row's items (tracked: re-runs when one is ticked).
fn row_progress(model: &DocModel, items: &[usize]) -> (usize, usize) {
    let done = items.iter().filter(|&&i| model.ticked(i)).count();
    (done, items.len())
}

const SVG: &str = "image/svg+xml";

/// Download the SVG as a file.
fn export_svg(svg: &str, stem: &str) {
    let file = Download::Text {
        mime: SVG,
        text: svg,
    };
    let _ = download(&format!("{stem}-timeline.svg"), file);
}

/// Draw the SVG on a canvas at twice its size and download it as a PNG.
fn export_png(svg: String, width: f64, height: f64, stem: String) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let image = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let scale = 2.0;
        let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            width * scale,
            height * scale,
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            let _ = download(&format!("{stem}-timeline.png"), Download::Url(&url));
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&data_url(SVG, &svg));
}

/// Focus the previous or next bar (arrow keys).
fn focus_sibling(ev: &web_sys::KeyboardEvent, el: &web_sys::Element, forward: bool) {
    let Some(cur) = el.closest(".tl-bar-group").ok().flatten() else {
        return;
    };
    let Some(list) = cur
        .closest("svg")
        .ok()
        .flatten()
        .and_then(|svg| svg.query_selector_all(".tl-bar-group").ok())
    else {
        return;
    };
    let n = list.length();
    let pos = (0..n).find(|&i| list.get(i).is_some_and(|x| cur.is_same_node(Some(&x))));
    let next = match (pos, forward) {
        (Some(p), true) if p + 1 < n => p + 1,
        (Some(p), false) if p > 0 => p - 1,
        _ => return,
    };
    if let Some(el) = list
        .get(next)
        .and_then(|x| x.dyn_into::<web_sys::SvgElement>().ok())
    {
        ev.prevent_default();
        let _ = el.focus();
    }
}

/// Phases of the roadmap on a time axis.
#[component]
pub fn TimelineView(
    /// The opened document.
    model: Arc<DocModel>,
) -> impl IntoView {
    perf_mark("rb-timeline-start");
    if model.map.phases.is_empty() {
        return view! {
            <div class="empty-state">
                <h2>"No phases with time found"</h2>
                <p>"roadboard places phases on a timeline when headings or items say when or how long: “Phase 2: Database (Day 2)”, “Week 1-2”, “Week 8+”, “⏱ ~2 hours”, “Time: 1-2 days”, “Q3 2025”, or a table with Phase and Duration columns."</p>
            </div>
        }
        .into_any();
    }
    let dated = model.map.phases.iter().any(|p| p.start_date.is_some());
    let doc_id = model.doc_id.clone();
    // The start date and the zoom live in the link (a shared timeline keeps them); the start
    // date this browser kept for the document fills in when the link has none.
    let session = expect_context::<Session>();
    let kept = StoredValue::new(stored_start(&doc_id));
    let start = Memo::new(move |_| {
        session
            .view
            .with(|v| v.start.clone())
            .or_else(|| kept.get_value())
    });
    let set_start = move |d: Option<String>| session.view.update(|v| v.start = d);
    let zoom = Memo::new(move |_| session.view.with(|v| v.zoom.unwrap_or_default()));
    let set_zoom = move |z: Zoom| {
        session
            .view
            .update(|v| v.zoom = (z != Zoom::Fit).then_some(z))
    };
    let (expanded, set_expanded) = signal(HashSet::<String>::new());
    let (critical, set_critical) = signal(false);
    let (as_table, set_as_table) = signal(false);
    let (width, set_width) = signal(available_width());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        set_width.set(available_width());
    });
    on_cleanup(move || resize.remove());
    let today = today_iso();
    let session = expect_context::<Session>();
    let delays = Memo::new(move |_| session.view.with(|v| v.whatif.clone()));

    let timeline = {
        let m = model.clone();
        Memo::new(move |_| {
            let w = width.get();
            layout(
                &m.map,
                &Options {
                    zoom: zoom.get(),
                    width: w,
                    label_width: if w < 640.0 { 150.0 } else { 260.0 },
                    start_date: start.get(),
                    today: today.clone(),
                    expanded: expanded.get(),
                    delays: delays.get(),
                },
            )
        })
    };
    request_animation_frame(|| perf_mark("rb-timeline-ready"));

    let start_model = model.clone();
    let on_start = move |ev: leptos::ev::Event| {
        let value = event_element::<web_sys::HtmlInputElement>(&ev)
            .map(|i| i.value())
            .unwrap_or_default();
        let valid = schedule::Date::parse_iso(&value).map(|d| d.iso());
        start_model.save_start_date(valid.as_deref());
        kept.set_value(valid.clone());
        set_start(valid);
    };

    let export_model = model.clone();
    let export_today = today_iso();
    // The file is the core's standalone drawing (what `roadboard svg` writes): title, as-of
    // date, legend and full titles, with this reader's ticks, start date and choices.
    let svg_text = move |printing: bool| {
        let m = export_model.clone();
        let pal = if prefers_dark() && !printing {
            Palette::DARK
        } else {
            Palette::LIGHT
        };
        let file = TimelineFile {
            as_of: export_today.clone(),
            source: Some(m.doc_id.last_segment().to_string()),
            start_date: start.get_untracked(),
            critical: critical.get_untracked(),
            palette: pal,
            expanded: expanded.get_untracked(),
            width: width.get_untracked().max(960.0),
        };
        let d = timeline_drawing(&m.map, &|i| m.ticked_untracked(i), &file);
        (d.svg, d.width, d.height, m.download_name())
    };
    let svg_text2 = svg_text.clone();
    let svg_text3 = svg_text.clone();
    // Printing shows the standalone drawing (light colours), which scales to the page as one.
    let (print_svg, set_print_svg) = signal(String::new());
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let (svg, _, _, _) = svg_text3(true);
        let body = svg
            .find("<svg")
            .map_or(svg.as_str(), |i| svg.get(i..).unwrap_or(""));
        set_print_svg.set(body.to_string());
    });
    on_cleanup(move || before_print.remove());

    let zoom_buttons = Zoom::ALL
        .iter()
        .map(|&z| {
            view! {
                <button type="button" class="seg" aria-pressed=move || (zoom.get() == z).to_string()
                    on:click=move |_| set_zoom(z)>{z.label()}</button>
            }
        })
        .collect_view();

    let chart_model = model.clone();
    let table_model = model.clone();
    view! {
        <div class="timeline">
            <div class="toolbar tl-toolbar">
                <div class="segmented" role="group" aria-label="Zoom">{zoom_buttons}</div>
                {if dated {
                    view! { <span class="tl-dated hint">"Dates from the document"</span> }.into_any()
                } else {
                    view! {
                        <div class="field">
                            <label for="tl-start">"Start date"</label>
                            <input id="tl-start" type="date" prop:value=move || start.get().unwrap_or_default()
                                on:change=on_start/>
                        </div>
                    }.into_any()
                }}
                <button type="button" class="toggle" aria-pressed=move || critical.get().to_string()
                    on:click=move |_| set_critical.update(|c| *c = !*c)>"Critical path"</button>
                <DelayControl model=model.clone()/>
                <button type="button" class="toggle" aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| set_as_table.update(|c| *c = !*c)>"Show as table"</button>
                <span class="tl-exports">
                    <button type="button" class="toggle" on:click=move |_| {
                        let (svg, _, _, stem) = svg_text(false);
                        export_svg(&svg, &stem);
                    }>"Download SVG"</button>
                    <button type="button" class="toggle" on:click=move |_| {
                        let (svg, w, h, stem) = svg_text2(false);
                        export_png(svg, w, h, stem);
                    }>"Download PNG"</button>
                </span>
            </div>
            <Legend timeline=timeline critical=critical/>
            <WhatIfSummary timeline=timeline/>
            {move || if as_table.get() {
                view! { <TimelineTable model=table_model.clone() timeline=timeline/> }.into_any()
            } else {
                let m = chart_model.clone();
                view! {
                    <Chart model=m timeline=timeline critical=critical
                        set_expanded=set_expanded/>
                }.into_any()
            }}
            <div class="tl-print" aria-hidden="true" inner_html=move || print_svg.get()></div>
        </div>
    }
    .into_any()
}

/// What the marks mean (only those on the drawing).
#[component]
fn Legend(timeline: Memo<Timeline>, critical: ReadSignal<bool>) -> impl IntoView {
    let has = move |f: fn(&Timeline) -> bool| move || timeline.with(f);
    let band = has(|t| t.rows.iter().any(|r| r.band.is_some()));
    let open = has(|t| t.rows.iter().any(|r| r.open_ended));
    let deps = has(|t| !t.arrows.is_empty());
    let nominal = has(|t| t.rows.iter().any(|r| r.nominal));
    let milestone = has(|t| t.rows.iter().any(|r| r.milestone));
    let ghost = has(|t| t.rows.iter().any(|r| r.ghost.is_some()));
    view! {
        <ul class="tl-legend" aria-label="Legend">
            <li><span class="sw sw-done"></span>"done"</li>
            <li><span class="sw sw-todo"></span>"to do"</li>
            {move || band().then(|| view! { <li><span class="sw sw-band"></span>"range (min–max)"</li> })}
            {move || open().then(|| view! { <li><span class="sw sw-open"></span>"open-ended"</li> })}
            {move || nominal().then(|| view! { <li><span class="sw sw-nominal"></span>"no time written (nominal length)"</li> })}
            {move || milestone().then(|| view! { <li><span class="sw sw-milestone"></span>"milestone"</li> })}
            {move || deps().then(|| view! { <li><span class="sw sw-dep"></span>"depends on"</li> })}
            {move || ghost().then(|| view! { <li><span class="sw sw-ghost"></span>"planned (before the what-if)"</li> })}
            {move || critical.get().then(|| view! { <li><span class="sw sw-crit"></span>"critical path"</li> })}
        </ul>
    }
}

/// The row id of the bar (or label) an event happened on.
fn row_id_of(el: &web_sys::Element) -> Option<String> {
    let g = el.closest(".tl-bar-group, .tl-label").ok().flatten()?;
    ["data-phase-id", "data-item-id", "data-row-id"]
        .iter()
        .find_map(|a| g.get_attribute(a))
}

fn toggle_of(el: &web_sys::Element) -> Option<String> {
    el.closest(".tl-toggle")
        .ok()
        .flatten()?
        .get_attribute("data-toggle")
}

/// A selector for the bar or toggle `el` is part of, to find it again after a redraw.
fn focus_selector(el: &web_sys::Element) -> Option<String> {
    let clean = |v: String| v.replace(['"', '\\'], "");
    if let Some(id) = toggle_of(el) {
        return Some(format!(".tl-toggle[data-toggle=\"{}\"]", clean(id)));
    }
    let g = el.closest(".tl-bar-group").ok().flatten()?;
    ["data-phase-id", "data-item-id"].iter().find_map(|a| {
        g.get_attribute(a)
            .map(|v| format!(".tl-bar-group[{a}=\"{}\"]", clean(v)))
    })
}

/// Below and above the screen, rows drawn ahead of scrolling (SVG units).
const OVERSCAN: f64 = 800.0;
/// The drawn window moves in steps this tall, so most scrolling redraws nothing.
const WINDOW_STEP: f64 = 400.0;

/// The part of the chart to draw, in SVG units, for a chart whose top is `top` pixels from the
/// top of a window `height` tall.
fn draw_window(top: f64, height: f64) -> (f64, f64) {
    let a = ((-top - OVERSCAN) / WINDOW_STEP).floor() * WINDOW_STEP;
    let b = ((-top + height + OVERSCAN) / WINDOW_STEP).ceil() * WINDOW_STEP;
    (a.max(0.0), b.max(0.0))
}

fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(900.0)
}

/// The drawn timeline: markup made by [`schedule::page_svg`] (a label column kept in view and
/// the chart that scrolls sideways). It is one string for the rows near the screen — a
/// 500-phase timeline draws as fast as a short one — redrawn as the page scrolls; clicks and
/// keys are handled here, once, for every bar.
#[component]
fn Chart(
    model: Arc<DocModel>,
    timeline: Memo<Timeline>,
    critical: ReadSignal<bool>,
    set_expanded: WriteSignal<HashSet<String>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let host = NodeRef::<leptos::html::Div>::new();
    // Before the chart is placed, assume it starts near the top of the page.
    let (window, set_window) = signal(draw_window(-250.0, window_height()));
    let measure = move || {
        if let Some(el) = host.get_untracked() {
            let w = draw_window(el.get_bounding_client_rect().top(), window_height());
            if window.get_untracked() != w {
                set_window.set(w);
            }
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    request_animation_frame(measure);
    let model_for_hl = model.clone();
    let markup = Memo::new(move |_| {
        let (top, bottom) = window.get();
        timeline.with(|t| {
            let rows = schedule::rows_between(t, top, bottom);
            schedule::page_svg(t, rows, &|r: &Row| row_progress(&model, &r.items))
        })
    });
    // A redraw (scrolling, expanding) replaces the bars: keep keyboard focus on the same bar
    // or toggle. The last focused one is remembered; a redraw that dropped the focus (it is
    // back on the page body) gives it back.
    let last_focus = StoredValue::new_local(None::<(String, web_sys::Element)>);
    let on_focusin = move |ev: leptos::ev::FocusEvent| {
        let el = event_element::<web_sys::Element>(&ev);
        last_focus.set_value(el.and_then(|e| focus_selector(&e).map(|sel| (sel, e))));
    };
    let hl = use_context::<Highlight>();
    let hl_redraw = hl.clone();
    let model_redraw = model_for_hl.clone();
    let changes = use_context::<ChangeMarks>();
    Effect::new(move |_| {
        markup.track();
        // A redraw, or another comparison: mark changed bars, draw the older plan's ghosts.
        if let Some(c) = changes {
            c.current.track();
            request_animation_frame(move || {
                if let Some(el) = host.get_untracked() {
                    timeline.with_untracked(|t| decorate_timeline(c, &el, t));
                }
            });
        }
        // A redraw replaced the bars: give them their dependency highlight again.
        if let Some(h) = hl_redraw.clone() {
            let m = model_redraw.clone();
            request_animation_frame(move || h.reapply(&m));
        }
        request_animation_frame(|| perf_mark("rb-whatif-ready"));
        // After this round of DOM updates: was the focused bar replaced by the redraw?
        request_animation_frame(move || {
            let Some((sel, old)) = last_focus.get_value() else {
                return;
            };
            let lost = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|a| a.local_name() == "body");
            if old.is_connected() || !lost {
                return;
            }
            if let Some(target) = host
                .get_untracked()
                .and_then(|el| el.query_selector(&sel).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
            {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = target.focus_with_options(&opts);
            }
        });
    });
    let select = move |id: String| session.view.update(|v| v.item = Some(id));
    let flip = move |id: String| {
        set_expanded.update(|s| {
            if !s.remove(&id) {
                s.insert(id);
            }
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = event_element::<web_sys::Element>(&ev) else {
            return;
        };
        if let Some(id) = toggle_of(&el) {
            flip(id);
        } else if let Some(id) = row_id_of(&el) {
            select(id);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(el) = event_element::<web_sys::Element>(&ev) else {
            return;
        };
        match ev.key().as_str() {
            "Enter" | " " => {
                if let Some(id) = toggle_of(&el) {
                    ev.prevent_default();
                    flip(id);
                } else if let Some(id) = row_id_of(&el) {
                    ev.prevent_default();
                    select(id);
                }
            }
            // What if it slips: + and - delay the focused bar by a working day.
            key @ ("+" | "=" | "-" | "_") => {
                if let Some(id) = row_id_of(&el).filter(|_| toggle_of(&el).is_none()) {
                    ev.prevent_default();
                    if session
                        .view
                        .with_untracked(|v| v.item.as_deref() != Some(&id))
                    {
                        select(id.clone());
                    }
                    whatif::nudge(session, &id, if matches!(key, "+" | "=") { 1 } else { -1 });
                }
            }
            "ArrowDown" => focus_sibling(&ev, &el, true),
            "ArrowUp" => focus_sibling(&ev, &el, false),
            _ => {}
        }
    };
    // Dragging a bar's end delays it by the working days dragged.
    let drag = StoredValue::new_local(None::<Drag>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let row = event_element::<web_sys::Element>(&ev).and_then(|el| row_id_of(&el));
        let started = whatif::drag_start(&ev, host.get_untracked(), row, session, timeline);
        if let Some(d) = started {
            select(d.id().to_string());
            drag.set_value(Some(d));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        drag.with_value(|d| {
            if let Some(d) = d {
                whatif::drag_move(d, &ev, session);
            }
        });
    };
    let on_up = move |_: leptos::ev::PointerEvent| drag.set_value(None);
    view! {
        <div class="tl-scroll" node_ref=host class:show-critical=move || critical.get()
            class:has-selection=move || hl.as_ref().is_some_and(|h| h.focus.with(Option::is_some))
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up
            on:click=on_click on:keydown=on_key on:focusin=on_focusin
            inner_html=move || markup.get()></div>
    }
}

/// The accessible equivalent: the same rows as a table.
#[component]
fn TimelineTable(model: Arc<DocModel>, timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        let t = timeline.get();
        let m = model.clone();
        let has_whatif = t.whatif.is_some();
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let m = m.clone();
                let items = r.items.clone();
                let claim = r.claim;
                let progress = move || {
                    let (d, t) = row_progress(&m, &items);
                    let measured = if t == 0 {
                        "—".to_string()
                    } else {
                        format!("{d}/{t} ({}%)", roadboard_core::model::percent(d, t))
                    };
                    match claim {
                        Some(c) => format!("{measured} · claims {c}%"),
                        None => measured,
                    }
                };
                let depends = if r.depends_on.is_empty() {
                    "—".to_string()
                } else {
                    r.depends_on.join("; ")
                };
                let kind = if r.kind == RowKind::Item {
                    r.kind_label().to_string()
                } else {
                    format!("{} · {}", r.kind_label(), r.placement_label())
                };
                let dates = if r.dates.is_empty() {
                    "—".to_string()
                } else {
                    r.dates.clone()
                };
                let moved = match r.whatif {
                    Some(_) => format!("+{} · planned {}", roadboard_core::schedule::days_words(r.shift), r.planned_label),
                    None => String::new(),
                };
                let track = if r.kind == RowKind::Item {
                    String::new()
                } else {
                    (r.track + 1).to_string()
                };
                view! {
                    <tr class:item=r.kind == RowKind::Item class:critical=r.critical>
                        <th scope="row" style:padding-left=format!("{}rem", 0.6 + r.depth as f64)>{r.title.clone()}</th>
                        <td>{kind}</td>
                        <td>{track}</td>
                        <td>{dates}</td>
                        <td>{r.duration_text.clone()}</td>
                        <td>{r.start_label.clone()}</td>
                        <td>{r.end_label.clone()}</td>
                        <td>{progress}</td>
                        <td>{depends}</td>
                        {has_whatif.then(|| view! { <td>{moved.clone()}</td> })}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="timeline-table table-wrap">
                <table>
                    <caption class="visually-hidden">"Phases and milestones with kind, track, dates, start, end, progress and dependencies"</caption>
                    <thead><tr>
                        <th scope="col">"Phase"</th><th scope="col">"Kind"</th><th scope="col">"Track"</th>
                        <th scope="col">"Dates"</th><th scope="col">"As written"</th><th scope="col">"Start"</th>
                        <th scope="col">"End"</th><th scope="col">"Progress"</th><th scope="col">"Depends on"</th>
                        {has_whatif.then(|| view! { <th scope="col">"What-if"</th> })}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
