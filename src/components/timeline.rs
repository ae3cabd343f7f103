//! The Timeline view: draws what [`crate::schedule`] lays out — a Gantt of phases with
//! progress, dependency arrows and the critical path — plus its toolbar (zoom, start date,
//! exports) and the same data as a table.

use crate::app::{perf_mark, Session};
use crate::components::state::DocModel;
use crate::schedule::{
    self, layout, num, Arrow, Options, Palette, Row, RowKind, Tick, Timeline, Zoom, AXIS_HEIGHT,
    INDENT, LABEL_FONT, NOTE_FONT,
};
use crate::storage::{KeyValue, LocalStorage, KEY_PREFIX};
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The localStorage key of a document's chosen start date.
fn start_key(doc: &str) -> String {
    format!("{KEY_PREFIX}:start:{doc}")
}

/// The stored start date, if it is a real `YYYY-MM-DD` date (anything else is ignored).
fn stored_start(doc: &str) -> Option<String> {
    let raw = LocalStorage::open().ok()?.get(&start_key(doc)).ok()??;
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

fn untracked_progress(model: &DocModel, items: &[usize]) -> (usize, usize) {
    let done = items.iter().filter(|&&i| model.ticked_untracked(i)).count();
    (done, items.len())
}

/// A file name from the roadmap's title: "Miro Clone — Cycle 35" → "miro-clone-cycle-35".
fn file_stem(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "roadmap".into()
    } else {
        out
    }
}

/// Start a download of `href` named `name`.
fn download(href: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(href);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

fn svg_data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}

/// Download the SVG as a file.
fn export_svg(svg: &str, stem: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok());
    match url {
        Some(u) => {
            download(&u, &format!("{stem}-timeline.svg"));
            let _ = web_sys::Url::revoke_object_url(&u);
        }
        None => download(&svg_data_url(svg), &format!("{stem}-timeline.svg")),
    }
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
            download(&url, &format!("{stem}-timeline.png"));
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&svg_data_url(&svg));
}

/// Focus the previous or next bar (arrow keys).
fn focus_sibling(ev: &web_sys::KeyboardEvent, forward: bool) {
    let Some(cur) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
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
    let session = expect_context::<Session>();
    let dated = model.map.phases.iter().any(|p| p.start_date.is_some());
    let doc_id = model.doc_id.clone();
    let (start, set_start) = signal(stored_start(&doc_id));
    let (zoom, set_zoom) = signal(Zoom::Fit);
    let (expanded, set_expanded) = signal(HashSet::<String>::new());
    let (critical, set_critical) = signal(false);
    let (as_table, set_as_table) = signal(false);
    let (width, set_width) = signal(available_width());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        set_width.set(available_width());
    });
    on_cleanup(move || resize.remove());
    let today = today_iso();

    let timeline = {
        let m = model.clone();
        Memo::new(move |_| {
            let w = width.get();
            layout(
                &m.map,
                &Options {
                    zoom: zoom.get(),
                    width: w,
                    label_width: if w < 640.0 { 132.0 } else { 260.0 },
                    start_date: start.get(),
                    today: today.clone(),
                    expanded: expanded.get(),
                },
            )
        })
    };
    let selected = Memo::new(move |_| session.view.with(|v| v.item.clone()));
    request_animation_frame(|| perf_mark("rb-timeline-ready"));

    let on_start = move |ev: leptos::ev::Event| {
        let value = crate::app::event_element::<web_sys::HtmlInputElement>(&ev)
            .map(|i| i.value())
            .unwrap_or_default();
        let valid = schedule::Date::parse_iso(&value).map(|d| d.iso());
        if let Ok(kv) = LocalStorage::open() {
            let key = start_key(&doc_id);
            let _ = match &valid {
                Some(v) => kv.set(&key, v),
                None => kv.remove(&key),
            };
        }
        set_start.set(valid);
    };

    let export_model = model.clone();
    let svg_text = move |printing: bool| {
        let m = export_model.clone();
        let t = timeline.get_untracked();
        let pal = if prefers_dark() && !printing {
            Palette::DARK
        } else {
            Palette::LIGHT
        };
        let svg = schedule::to_svg(
            &t,
            &m.map.title,
            &|r: &Row| untracked_progress(&m, &r.items),
            critical.get_untracked(),
            &pal,
        );
        (svg, t.width, t.height, file_stem(&m.map.title))
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
                    on:click=move |_| set_zoom.set(z)>{z.label()}</button>
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
            {move || if as_table.get() {
                view! { <TimelineTable model=table_model.clone() timeline=timeline/> }.into_any()
            } else {
                let m = chart_model.clone();
                view! {
                    <Chart model=m timeline=timeline critical=critical selected=selected
                        expanded=expanded set_expanded=set_expanded/>
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
    view! {
        <ul class="tl-legend" aria-label="Legend">
            <li><span class="sw sw-done"></span>"done"</li>
            <li><span class="sw sw-todo"></span>"to do"</li>
            {move || band().then(|| view! { <li><span class="sw sw-band"></span>"range (min–max)"</li> })}
            {move || open().then(|| view! { <li><span class="sw sw-open"></span>"open-ended"</li> })}
            {move || deps().then(|| view! { <li><span class="sw sw-dep"></span>"depends on"</li> })}
            {move || critical.get().then(|| view! { <li><span class="sw sw-crit"></span>"critical path"</li> })}
        </ul>
    }
}

/// The drawn timeline: a fixed label column and the scrolling chart.
#[component]
fn Chart(
    model: Arc<DocModel>,
    timeline: Memo<Timeline>,
    critical: ReadSignal<bool>,
    selected: Memo<Option<String>>,
    expanded: ReadSignal<HashSet<String>>,
    set_expanded: WriteSignal<HashSet<String>>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        let t = timeline.get();
        let m = model.clone();
        let lw = t.label_width;
        let chart_w = (t.width - lw).max(1.0);
        let h = t.height;
        let stripes = t
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, r)| {
                view! { <rect class="tl-stripe" x="0" y=num(r.y) width=num(t.width) height=num(r.height)/> }
            })
            .collect_view();
        let stripes2 = t
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, r)| {
                view! { <rect class="tl-stripe" x="0" y=num(r.y) width=num(lw) height=num(r.height)/> }
            })
            .collect_view();
        let labels = t
            .rows
            .iter()
            .map(|r| label_view(r, session, expanded, set_expanded))
            .collect_view();
        let ticks = t.ticks.iter().map(|k| tick_view(k, h)).collect_view();
        let arrows = t.arrows.iter().map(arrow_view).collect_view();
        let bars = t
            .rows
            .iter()
            .map(|r| bar_view(r, m.clone(), session, selected))
            .collect_view();
        let today = t.today_x.map(|x| {
            view! {
                <g class="tl-today" aria-hidden="true">
                    <line x1=num(x) y1=num(AXIS_HEIGHT - 4.0) x2=num(x) y2=num(h - 8.0)/>
                    <text x=num(x + 3.0) y="34">"today"</text>
                </g>
            }
        });
        view! {
            <div class="tl-scroll" class:show-critical=move || critical.get()>
                <svg class="tl-labels" width=num(lw) height=num(h) viewBox=format!("0 0 {} {}", num(lw), num(h))>
                    <rect class="tl-label-bg" x="0" y="0" width=num(lw) height=num(h)/>
                    {stripes2}
                    <text class="tl-head" x="22" y="26" aria-hidden="true">"Phase"</text>
                    {labels}
                </svg>
                <svg class="tl-chart" width=num(chart_w) height=num(h)
                    viewBox=format!("{} 0 {} {}", num(lw), num(chart_w), num(h))
                    role="group" aria-label="Timeline of phases">
                    <defs>
                        <marker id="tl-arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path class="tl-head-dep" d="M0 0 L8 4 L0 8 z"/>
                        </marker>
                        <marker id="tl-arrowhead-crit" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path class="tl-head-crit" d="M0 0 L8 4 L0 8 z"/>
                        </marker>
                        <linearGradient id="tl-fade" x1="0" x2="1" y1="0" y2="0">
                            <stop class="tl-fade-a" offset="0"/>
                            <stop class="tl-fade-b" offset="1"/>
                        </linearGradient>
                        <linearGradient id="tl-fade-fill" x1="0" x2="1" y1="0" y2="0">
                            <stop class="tl-fade-fill-a" offset="0"/>
                            <stop class="tl-fade-fill-b" offset="1"/>
                        </linearGradient>
                    </defs>
                    <g aria-hidden="true">{stripes}{ticks}</g>
                    {today}
                    <g class="tl-arrows" aria-hidden="true">{arrows}</g>
                    {bars}
                </svg>
            </div>
        }
    }
}

fn tick_view(k: &Tick, h: f64) -> impl IntoView {
    view! {
        <g class="tl-tick" class:major=k.major>
            <line x1=num(k.x) y1=num(AXIS_HEIGHT - 12.0) x2=num(k.x) y2=num(h - 8.0)/>
            <text x=num(k.x + 3.0) y="18">{k.label.clone()}</text>
        </g>
    }
}

fn arrow_view(a: &Arrow) -> impl IntoView {
    let explicit = a.kind == crate::model::DependencyKind::Explicit;
    view! {
        <path class="tl-arrow" class:explicit=explicit class:critical=a.critical d=a.path()
            data-from=a.from.clone() data-to=a.to.clone()/>
    }
}

fn label_view(
    r: &Row,
    session: Session,
    expanded: ReadSignal<HashSet<String>>,
    set_expanded: WriteSignal<HashSet<String>>,
) -> impl IntoView {
    let indent = 22.0 + r.depth as f64 * INDENT;
    let font = if r.kind == RowKind::Phase {
        LABEL_FONT
    } else {
        NOTE_FONT
    };
    let y = r.mid_y() + font * 0.35;
    let id = r.id.clone();
    let toggle = r.expandable.then(|| {
        let id = r.id.clone();
        let id2 = r.id.clone();
        let id3 = r.id.clone();
        let cy = r.mid_y();
        let x = indent - 16.0;
        let flip = move || {
            set_expanded.update(|s| {
                if !s.remove(&id) {
                    s.insert(id.clone());
                }
            })
        };
        let title = r.title.clone();
        view! {
            <g class="tl-toggle" role="button" tabindex="0"
                aria-label=format!("Items of {title}")
                aria-expanded=move || expanded.with(|s| s.contains(&id3)).to_string()
                on:click={let flip = flip.clone(); move |_| flip()}
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if matches!(ev.key().as_str(), "Enter" | " ") {
                        ev.prevent_default();
                        flip();
                    }
                }>
                <rect x=num(x - 3.0) y=num(cy - 8.0) width="16" height="16" rx="3"/>
                <path d=move || if expanded.with(|s| s.contains(&id2)) {
                    format!("M{} {} l8 0 l-4 6 z", num(x + 1.0), num(cy - 3.0))
                } else {
                    format!("M{} {} l6 4 l-6 4 z", num(x + 2.0), num(cy - 4.0))
                }/>
            </g>
        }
    });
    view! {
        <g class="tl-label" class:item=r.kind == RowKind::Item aria-hidden="true"
            on:click=move |_| session.view.update(|v| v.item = Some(id.clone()))>
            <title>{r.title.clone()}</title>
            <text x=num(indent) y=num(y)>{r.label.clone()}</text>
        </g>
        {toggle}
    }
}

fn bar_view(
    r: &Row,
    model: Arc<DocModel>,
    session: Session,
    selected: Memo<Option<String>>,
) -> impl IntoView {
    let items = r.items.clone();
    let progress = {
        let m = model.clone();
        let items = items.clone();
        Memo::new(move |_| row_progress(&m, &items))
    };
    let row = r.clone();
    let row2 = r.clone();
    let row3 = r.clone();
    let id = r.id.clone();
    let id_sel = r.id.clone();
    let id_key = r.id.clone();
    let is_phase = r.kind == RowKind::Phase;
    let select = move |id: &str| session.view.update(|v| v.item = Some(id.to_string()));
    let band = r.band.map(|b| {
        view! { <rect class="tl-band" x=num(b.x) y=num(b.y) width=num(b.w) height=num(b.h) rx="3"/> }
    });
    let note_y = r.mid_y() + NOTE_FONT * 0.35;
    view! {
        <g class="tl-bar-group" class:item=!is_phase class:critical=r.critical class:open=r.open_ended
            class:selected=move || selected.with(|s| s.as_deref() == Some(id_sel.as_str()))
            data-phase-id=is_phase.then(|| r.id.clone())
            data-item-id=(!is_phase).then(|| r.id.clone())
            tabindex="0" role="button"
            aria-pressed=move || selected.with(|s| s.as_deref() == Some(row3.id.as_str())).to_string()
            aria-label=move || { let (d, t) = progress.get(); row.aria_label(d, t) }
            on:click=move |_| select(&id)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                "Enter" | " " => { ev.prevent_default(); select(&id_key) }
                "ArrowDown" => focus_sibling(&ev, true),
                "ArrowUp" => focus_sibling(&ev, false),
                _ => {}
            }>
            <title>{r.title.clone()}</title>
            {band}
            <rect class="tl-bar" x=num(r.bar.x) y=num(r.bar.y) width=num(r.bar.w) height=num(r.bar.h) rx="3"/>
            <rect class="tl-fill" x=num(r.bar.x) y=num(r.bar.y) height=num(r.bar.h) rx="3"
                width=move || { let (d, t) = progress.get(); num(row2.fill_width(d, t)) }/>
            <rect class="tl-outline" x=num(r.bar.x - 2.0) y=num(r.bar.y - 2.0) width=num(r.bar.w + 4.0)
                height=num(r.bar.h + 4.0) rx="4"/>
            <text class="tl-note" x=num(r.note_x) y=num(note_y)>
                {let row = r.clone(); move || { let (d, t) = progress.get(); row.note(d, t) }}
            </text>
        </g>
    }
}

/// The accessible equivalent: the same rows as a table.
#[component]
fn TimelineTable(model: Arc<DocModel>, timeline: Memo<Timeline>) -> impl IntoView {
    move || {
        let t = timeline.get();
        let m = model.clone();
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let m = m.clone();
                let items = r.items.clone();
                let progress = move || {
                    let (d, t) = row_progress(&m, &items);
                    if t == 0 {
                        "—".to_string()
                    } else {
                        format!("{d}/{t} ({}%)", crate::board::percent(d, t))
                    }
                };
                let depends = if r.depends_on.is_empty() {
                    "—".to_string()
                } else {
                    r.depends_on.join("; ")
                };
                view! {
                    <tr class:item=r.kind == RowKind::Item class:critical=r.critical>
                        <th scope="row" style=format!("padding-left:{}rem", 0.6 + r.depth as f64)>{r.title.clone()}</th>
                        <td>{r.duration_text.clone()}</td>
                        <td>{r.start_label.clone()}</td>
                        <td>{r.end_label.clone()}</td>
                        <td>{progress}</td>
                        <td>{depends}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="timeline-table table-wrap">
                <table>
                    <caption class="visually-hidden">"Phases with start, end, progress and dependencies"</caption>
                    <thead><tr>
                        <th scope="col">"Phase"</th><th scope="col">"As written"</th><th scope="col">"Start"</th>
                        <th scope="col">"End"</th><th scope="col">"Progress"</th><th scope="col">"Depends on"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
