//! An opened roadmap: header with progress, then its sections with live checkboxes.

use crate::model::{Item, Roadmap, Section};
use crate::net::fetch_document;
use crate::progress::ProgressState;
use crate::storage::{read_progress, write_progress, LocalStorage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone)]
enum Loaded {
    Loading,
    Failed(String),
    Ready(Arc<Roadmap>),
}

/// Fetches and shows the roadmap at `src`.
#[component]
pub fn RoadmapPage(
    /// The document's address, relative to the site or absolute.
    src: String,
) -> impl IntoView {
    let (loaded, set_loaded) = signal(Loaded::Loading);
    let fetch_src = src.clone();
    spawn_local(async move {
        let file = fetch_src.rsplit('/').next().map(str::to_string);
        set_loaded.set(match fetch_document(&fetch_src).await {
            Ok(text) => Loaded::Ready(Arc::new(crate::parse_named(&text, file.as_deref()))),
            Err(msg) => Loaded::Failed(msg),
        });
    });
    view! {
        <header class="topbar">
            <a class="brand" href="./">"roadboard"</a>
        </header>
        {move || match loaded.get() {
            Loaded::Loading => view! { <main class="status-page"><p>"Loading roadmap…"</p></main> }.into_any(),
            Loaded::Failed(msg) => view! {
                <main class="status-page">
                    <div class="notice error" role="alert">
                        <h1>"This roadmap could not be opened"</h1>
                        <p>{msg}</p>
                        <p><a href="./">"Back to all roadmaps"</a></p>
                    </div>
                </main>
            }.into_any(),
            Loaded::Ready(map) => view! { <RoadmapView map=map doc=src.clone()/> }.into_any(),
        }}
    }
}

/// A parsed roadmap with live checkboxes; progress is stored under `doc`.
#[component]
pub fn RoadmapView(
    /// The parsed document.
    map: Arc<Roadmap>,
    /// The document's identity for storage (its address).
    doc: String,
) -> impl IntoView {
    let storage = LocalStorage::open();
    let (initial, mut notice) = match &storage {
        Ok(kv) => read_progress(kv, &doc),
        Err(e) => (ProgressState::new(), Some(e.to_string())),
    };
    let state = RwSignal::new(initial);
    let (message, set_message) = signal(notice.take());
    if let Some(w) = web_sys::window() {
        if let Some(d) = w.document() {
            d.set_title(&format!("{} · roadboard", map.title));
        }
    }
    let toggle = {
        let doc = doc.clone();
        move |id: String, value: bool| {
            state.update(|s| {
                s.items.insert(id, value);
            });
            if let Ok(kv) = LocalStorage::open() {
                if let Err(e) = state.with_untracked(|s| write_progress(&kv, &doc, s)) {
                    set_message.set(Some(e.to_string()));
                }
            }
        }
    };
    let done = {
        let map = map.clone();
        Memo::new(move |_| {
            state.with(|s| map.items.iter().filter(|i| s.is_done(&map, &i.id)).count())
        })
    };
    let total = map.items.len();
    let percent = move || {
        if total == 0 {
            0
        } else {
            done.get() * 100 / total
        }
    };

    let columns: Vec<(Option<Section>, Vec<Item>)> = group_by_section(&map);
    view! {
        <main class="roadmap">
            <div class="doc-header">
                <h1 class="doc-title">{map.title.clone()}</h1>
                <div class="overall">
                    <div class="progressbar" role="progressbar" aria-label="Overall progress"
                        aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || percent().to_string()>
                        <span style=move || format!("width:{}%", percent())></span>
                    </div>
                    <span class="overall-text">{move || format!("{}% · {} of {total} done", percent(), done.get())}</span>
                </div>
            </div>
            {move || message.get().map(|m| view! { <div class="notice warn" role="status">{m}</div> })}
            {if total == 0 {
                Some(view! { <p class="empty">"No checklist items were found in this document."</p> })
            } else { None }}
            <div class="board">
                {columns.into_iter().map(|(section, items)| {
                    let toggle = toggle.clone();
                    let map = map.clone();
                    let title = section.as_ref().map_or_else(|| "Unsorted".to_string(), |s| s.title.clone());
                    view! {
                        <section class="column" data-section-id=section.as_ref().map(|s| s.id.clone())>
                            <h2 class="column-title">{title}</h2>
                            <ul class="cards">
                                {items.into_iter().map(|item| {
                                    let toggle = toggle.clone();
                                    let map = map.clone();
                                    let id = item.id.clone();
                                    let checked = {
                                        let id = id.clone();
                                        move || state.with(|s| s.is_done(&map, &id))
                                    };
                                    let input_id = format!("cb-{}", item.id);
                                    view! {
                                        <li class="card" data-item-id=item.id.clone() class:nested=item.parent.is_some()>
                                            <input type="checkbox" id=input_id.clone()
                                                prop:checked=checked
                                                on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                                            <label for=input_id>{item.text.clone()}</label>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
        </main>
    }
}

/// Items grouped by their section, sections in document order, empty sections left out.
fn group_by_section(map: &Roadmap) -> Vec<(Option<Section>, Vec<Item>)> {
    let mut out: Vec<(Option<Section>, Vec<Item>)> = Vec::new();
    for item in &map.items {
        let section = item
            .section
            .as_ref()
            .and_then(|id| map.sections.iter().find(|s| &s.id == id))
            .cloned();
        match out
            .iter_mut()
            .find(|(s, _)| s.as_ref().map(|s| &s.id) == section.as_ref().map(|s| &s.id))
        {
            Some((_, items)) => items.push(item.clone()),
            None => out.push((section, vec![item.clone()])),
        }
    }
    out
}
